"""Labels the small English model's NER gets wrong in ways the rules depend on, repaired before
the extractor reads the entities.

- A demonym that modifies a noun is a nationality. The model knows the common demonyms but
  tags rarer ones as an organisation, a person or nothing ("his [Omani]ORG counterpart", "a
  [Moldovan]PERSON economist"): a junk entity appears ("counterpart of Kazakh") and the
  nationality is lost. A capitalised word the gazetteer knows as a demonym, standing before the
  common noun it modifies, alone or as a one-word entity, becomes a NORP entity; a demonym
  inside a longer name ("Kuwait Airways", "the Irish Times") or before a name NER missed
  ("Dane Ashby") is left alone.
- A sum in a currency noun is money: see `tag_currency_amounts`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .gazetteer import gazetteer
from .lexicon import lexicon
from .values import SCALE, SCALE_SUFFIXES

MODIFIER_DEPS = ("amod", "compound", "nmod")
SCALE_WORDS = frozenset(SCALE) | set(SCALE_SUFFIXES) | {"hundred", "bln", "mln"}
CURRENCY_AREA_NOUNS = ("zone", "area")      # "the euro zone": a place named after a currency


def tag_demonyms(doc: Doc) -> None:
    """A demonym before the noun it modifies, tagged as something else or not at all, becomes NORP."""
    ents = list(doc.ents)
    by_start = {e.start: e for e in ents}
    retagged = {t.i for t in doc if _demonym_modifier(t) and _mistagged(t, by_start)}
    if retagged:
        kept = [e for e in ents if not (len(e) == 1 and e.start in retagged)]
        doc.ents = sorted(kept + [Span(doc, i, i + 1, label="NORP") for i in retagged], key=lambda e: e.start)


def _demonym_modifier(token: Token) -> bool:
    """A capitalised demonym before the common noun it modifies ("his Kazakh counterpart"); not a
    word of a name NER missed ("Dane Ashby": the head is a proper noun)."""
    head = token.head
    return token.text[:1].isupper() and token.dep_ in MODIFIER_DEPS and head.i > token.i \
        and head.pos_ == "NOUN" and gazetteer().demonym(token.text) is not None


def _mistagged(token: Token, ents_by_start: dict[int, Span]) -> bool:
    """Untagged, or a one-word entity of another type; a language stays one ("an English teacher")."""
    if not token.ent_type_:
        return True
    ent = ents_by_start.get(token.i)
    return ent is not None and len(ent) == 1 and token.ent_type_ not in ("NORP", "LANGUAGE")


def tag_currency_amounts(doc: Doc) -> None:
    """ "24 million euros", "3.8 billion won": NER often tags the number alone as a CARDINAL, or
    nothing, or runs another entity over it ("[Acme 2.1 billion]LAW naira"), and leaves the
    currency noun out, so rules that want a MONEY entity miss the sum.
    A number (with its scale word and a demonym: "31 billion Danish crowns") followed by a
    currency noun becomes one MONEY entity; a weight ("3 million pounds of copper") is a QUANTITY."""
    lex = lexicon()
    spans = []
    for tok in doc:
        if not _currency_noun(tok, lex.currency_nouns):
            continue
        label = "QUANTITY" if _a_weight(tok) else "MONEY"
        start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].ent_type_ == "NORP" else tok.i     # "Danish crowns"
        first = start
        while first > 0 and (doc[first - 1].like_num or doc[first - 1].lower_ in SCALE_WORDS):
            first -= 1
        if first < start and doc[first].like_num and tok.ent_type_ != label:
            spans.append(Span(doc, first, tok.i + 1, label=label))
    if spans:
        covered = {i for s in spans for i in range(s.start, s.end)}
        kept = []
        for e in doc.ents:
            cut = next((i for i in range(e.start, e.end) if i in covered), None)
            if cut is None:
                kept.append(e)
            elif cut > e.start:              # "[Acme 2.1 billion]LAW naira": the name before the sum stays
                kept.append(Span(doc, e.start, cut, label=e.label_))
        doc.ents = sorted(kept + spans, key=lambda e: e.start)


def _currency_noun(tok: Token, currency_nouns: frozenset[str]) -> bool:
    """A currency noun, not the verb "won" ("12 won awards"; but "3.4 trillion won", which the
    tagger may call a verb, is money), nor the "euro" of "the euro zone"."""
    if tok.lower_ not in currency_nouns and tok.lemma_.lower() not in currency_nouns:
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in CURRENCY_AREA_NOUNS:
        return False
    return tok.pos_ in ("NOUN", "PROPN") or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in SCALE_WORDS)


def _a_weight(currency: Token) -> bool:
    """ "3 million pounds of copper": a pound that weighs something."""
    return currency.lemma_.lower() == "pound" and any(c.dep_ == "prep" and c.lower_ == "of" for c in currency.children)
