"""Sentence starts the parser must keep: after a blank line, and after a dateline.

The small English parser reads across both. "… wins in Lyon\n\nLYON, France, May 4 — Holm won …"
becomes one sentence whose subject is the dateline, with the real subject hung on it, and NER
joins "Lyon\n\nLYON" into one name. Set before the parser, a boundary is one it keeps. A single
line break is left alone: it may be a hard wrap inside a sentence.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .prefixed_words import joining_hyphen

DASHES = {"—", "–", "-", "--"}
HEAD_TOKENS = 60         # a dateline follows at most a headline


@Language.component("kg_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after each blank line and after the dateline."""
    spaces = doc.to_array(IS_SPACE).nonzero()[0].tolist()    # most tokens are words: skip them unbuilt
    for i in spaces:
        if i + 1 < len(doc) and doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    parts = dateline(doc)
    end = parts[2] if parts else -1
    if 0 <= end < len(doc) - 1:
        doc[end + 1].is_sent_start = True
    return doc


def dateline(doc: Doc) -> tuple[int, int, int] | None:
    """Where a dateline ("LYON, France, May 4 (Reuters) —", "SEOUL (Reuters) -", "LONDON —")
    starts, where its town ends and its last token: a line of the head opening with words in
    capitals, then only names, numbers, commas and brackets up to a dash standing free (not the
    hyphen of "UN-backed")."""
    for tok in doc[:HEAD_TOKENS]:
        if tok.text not in DASHES or not tok.whitespace_ or tok.i == 0 or not doc[tok.i - 1].whitespace_:
            continue
        start = tok.i
        while start > 0 and "\n" not in doc[start - 1].text_with_ws:
            start -= 1
        city_end = start
        while city_end < tok.i and (doc[city_end].is_upper and len(doc[city_end]) > 1
                                    or (city_end > start and joining_hyphen(doc, city_end))):
            city_end += 1                 # "BUENOS AIRES, …", "LUZ-SAINT-SAUVEUR, …": a city of several words
        if start < city_end and (city_end == tok.i or doc[city_end].text in (",", "(")) \
                and all(t.text[:1].isupper() or t.like_num or t.text in ",.()" or t.text in DASHES
                        for t in doc[start:tok.i]):
            return start, city_end, _after_agency(doc, tok.i)
        return None                       # the first free dash of the head decides
    return None


def _after_agency(doc: Doc, end: int) -> int:
    """ "— (Reuters) —", "(—) –": an agency in brackets and further dashes belong to the dateline."""
    while end + 1 < len(doc):
        if doc[end + 1].text in DASHES:
            end += 1
        elif doc[end + 1].text == "(":
            close = next((t.i for t in doc[end + 1:end + 6] if t.text == ")"), None)
            if close is None:
                break
            end = close
        else:
            break
    return end
