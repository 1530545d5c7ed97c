"""One token for each hyphenated part of a person's name.

The tokenizer cuts "Kim Soo-yeon" into "Soo", "-", "yeon", and the tagger then reads "yeon" as a
common noun: every rule that looks for a proper noun ("X of Hanseong University", "X, 41, an
epidemiologist") misses the person. Where NER put all three pieces in one person's name, they are
merged back into one proper noun before the extractor reads the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc

HYPHENS = ("-", "‑")


def join_hyphenated_names(doc: Doc) -> None:
    spans = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        for i in range(ent.start + 1, ent.end - 1):
            hyphen, left, right = doc[i], doc[i - 1], doc[i + 1]
            if hyphen.text in HYPHENS and not left.whitespace_ and not hyphen.whitespace_ \
                    and left.is_alpha and right.is_alpha and left.text[:1].isupper():
                spans.append(doc[i - 1:i + 2])
    if not spans:
        return
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span, attrs={"POS": "PROPN", "TAG": "NNP", "LEMMA": span.text})
