"""Sentence starts the parser must keep: after a blank line, and after a dateline.

The small English parser reads across both. "… wins in Lyon\n\nLYON, France, May 4 — Holm won …"
becomes one sentence whose subject is the dateline, with the real subject hung on it, and NER
joins "Lyon\n\nLYON" into one name. Set before the parser, a boundary is one it keeps. A single
line break is left alone: it may be a hard wrap inside a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

DASHES = {"—", "–", "-", "--"}
HEAD_TOKENS = 60         # a dateline follows at most a headline


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    end = dateline_end(doc)
    if 0 <= end < len(doc) - 1:
        doc[end + 1].is_sent_start = True
    return doc


def dateline_end(doc: Doc) -> int:
    """The last token of a dateline ("LYON, France, May 4 (Reuters) —"), or -1: a line of the
    head opening with words in capitals and a comma, then only names, numbers, commas and
    brackets up to a dash."""
    for tok in doc[:HEAD_TOKENS]:
        if tok.text not in DASHES:
            continue
        start = tok.i
        while start > 0 and "\n" not in doc[start - 1].text_with_ws:
            start -= 1
        city_end = start
        while city_end < tok.i and doc[city_end].is_upper and len(doc[city_end]) > 1:
            city_end += 1                 # "BUENOS AIRES, …": a city of several words
        if start < city_end < tok.i and doc[city_end].text == "," \
                and all(t.text[:1].isupper() or t.like_num or t.text in ",.()" for t in doc[start:tok.i]):
            end = tok.i               # "(—) –": a placeholder for the agency, then the dash
            while end + 1 < len(doc) and (doc[end + 1].text in DASHES or doc[end + 1].text in "()"):
                end += 1
            return end
    return -1
