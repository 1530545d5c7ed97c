"""A blank line ends a sentence: the headline, the dateline's line and each paragraph.

The small English parser reads across blank lines: "… wins in Lyon\n\nLYON, France — Holm won"
becomes one sentence whose subject is the dateline, and NER joins "Lyon\n\nLYON" into one name.
Set before the parser, the boundary is one it keeps. A single line break is left alone: it may be
a hard wrap inside a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc
