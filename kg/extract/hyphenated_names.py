"""One token for each hyphenated part of a person's name.

The tokenizer cuts "Song Min-seo" into "Min", "-", "seo", and the tagger then reads "seo" as a
common noun: every rule that looks for a proper noun ("X of Daerim University", "X, 41, an
epidemiologist") misses the person. NER, for its part, often ends the name at the hyphen ("Jung
Hae" of "Jung Hae-woo"). Before the extractor reads the parse, each hyphenated part of a person's
name becomes one proper-noun token inside the name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .prefixed_words import joining_hyphen

B, I = 3, 1      # spaCy's ENT_IOB codes: a name's first token, and the others


def join_hyphenated_names(doc: Doc) -> None:
    joins = [(doc[i - 1:i + 2], ent) for ent in doc.ents if ent.label_ == "PERSON"
             for i in range(ent.start + 1, min(ent.end + 1, len(doc) - 1))
             if _joins_name_parts(doc, i, ent)]
    if not joins:
        return
    with doc.retokenize() as retokenizer:
        for span, ent in joins:
            retokenizer.merge(span, attrs={"POS": "PROPN", "TAG": "NNP", "LEMMA": span.text, "ENT_TYPE": "PERSON",
                                           "ENT_IOB": B if span.start == ent.start else I})


def _joins_name_parts(doc: Doc, i: int, ent: Span) -> bool:
    """Token `i` is a hyphen between two parts of the name: a capitalised word before it, a word
    after it. A word after the name's end joins it unless it is a participle ("Lee-led") or the
    joined word modifies a noun after it ("Lee-era reforms")."""
    before, after = doc[i - 1], doc[i + 1]
    if not (joining_hyphen(doc, i) and before.is_alpha and before.text[:1].isupper() and after.is_alpha):
        return False
    if after.i < ent.end:
        return True
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    return after.tag_ not in ("VBN", "VBD", "VBG") and not (following is not None and following.pos_ in ("NOUN", "PROPN"))
