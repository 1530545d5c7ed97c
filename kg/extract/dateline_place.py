"""The dateline's town is where the story's opening event took place.

A wire story is datelined where it was reported, and when its first sentence reports an event that
happens somewhere -- a signing, a meeting, a contest won -- that is where it happened: "JAKARTA,
Sept 9 — Indonesia and the UAE signed an agreement …" was signed in Jakarta; "DOHA, Feb 15 — X won
the Qatar Open" is a tournament held in Doha. Nothing is said when the sentence names a place for
the event itself ("signed … in Bali"), nor for events that have no one place (a funding round, a
study, an election).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Fact
from .arguments import Arguments
from .lexicon import lexicon
from .mentions import DocumentEntities

RULE = "dateline-place"


def dateline_facts(doc: Doc, found: DocumentEntities, args: Arguments, confidence: float) -> list[Fact]:
    if found.dateline is None or found.dateline[2] + 1 >= len(doc):
        return []
    town = found.entity_at(found.dateline[0])
    if town is None or found.entities[town].type != "City":
        return []
    lede = doc[found.dateline[2] + 1].sent
    verb = lede.root
    if verb.pos_ != "VERB" or verb.i <= found.dateline[2] or _placed(verb, args):
        return []
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if lemma in lex.placed_event_verbs:
        doers = {key for s in args.subjects(verb) if (key := args.entity_of(s.token)) and key != town}
        return [Fact(key, f"{lemma} in", town, RULE, lede.start_char, lede.end_char, confidence, anchor=verb.i)
                for key in sorted(doers)]
    if lemma in lex.winning_verbs:
        contests = {key for c in verb.children if c.dep_ == "dobj"
                    and (key := args.entity_of(c)) and found.entities[key].type == "Event"}
        return [Fact(key, "held in", town, RULE, lede.start_char, lede.end_char, confidence, anchor=verb.i)
                for key in sorted(contests)]
    return []


def _placed(verb: Token, args: Arguments) -> bool:
    """The sentence gives the event a place of its own: "met at the palace", "signed a deal in
    Bali" (the parser may hang the place on the object)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
        g.dep_ == "pobj" and args.entity_type(g) not in (None, "Person") for g in c.children)
        for head in heads for c in head.children)        # (a town NER took for a body counts too)
