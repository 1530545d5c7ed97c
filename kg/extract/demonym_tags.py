"""A demonym that modifies a noun is a nationality, whatever NER called it.

The small English model knows the common demonyms but tags rarer ones as an organisation, a
person or nothing at all ("his [Emirati]ORG counterpart", "a [Moldovan]PERSON economist"): a
junk entity appears ("counterpart of Kazakh") and the nationality is lost. Before the extractor
reads the entities, a capitalised word the gazetteer knows as a demonym, standing before the
noun it modifies, alone or as a one-word entity, becomes a NORP entity. A demonym inside a longer
name ("Kuwait Airways", "the Irish Times") is left to that name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .gazetteer import gazetteer

MODIFIER_DEPS = ("amod", "compound", "nmod")


def tag_demonyms(doc: Doc) -> None:
    ents = list(doc.ents)
    by_start = {e.start: e for e in ents}
    retagged = {t.i for t in doc if _demonym_modifier(t)
                and (not t.ent_type_ or (t.i in by_start and len(by_start[t.i]) == 1 and t.ent_type_ != "NORP"))}
    if retagged:
        kept = [e for e in ents if not (len(e) == 1 and e.start in retagged)]
        doc.ents = sorted(kept + [Span(doc, i, i + 1, label="NORP") for i in retagged], key=lambda e: e.start)


def _demonym_modifier(token: Token) -> bool:
    head = token.head
    return token.text[:1].isupper() and token.dep_ in MODIFIER_DEPS and head.i > token.i \
        and head.pos_ in ("NOUN", "PROPN") and gazetteer().demonym(token.text) is not None
