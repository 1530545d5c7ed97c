"""Dependency labels the small English model gives in ways the patterns should not have to spell
twice, relabelled before the extractor reads the parse.

- A preposition the parser calls a dative is a preposition: after "sell", "send", "give",
  "offer" the model labels "to"/"for" `dative` ("agreed to sell its stake to Y", "offered a
  contract to Y") where after most verbs it says `prep`, and every pattern that reads a verb's
  prepositional object would need both. A noun dative ("sold Y the stake") keeps its label.
"""

from __future__ import annotations

from spacy.tokens import Doc


def relabel_prepositional_datives(doc: Doc) -> None:
    """A preposition labelled `dative` becomes `prep`."""
    for token in doc:
        if token.dep_ == "dative" and token.pos_ == "ADP":
            token.dep_ = "prep"


PARTICLE_ADVERBS = frozenset({"down", "up", "out", "off", "back", "away"})


def relabel_adverb_particles(doc: Doc) -> None:
    """ "X stepped down as …": right after its verb, a particle adverb the model labels `advmod`
    is the verb's particle, as it labels "set up" and "pulled out" most of the time."""
    for token in doc:
        head = token.head
        if (token.dep_ == "advmod" and token.pos_ == "ADV" and token.lower_ in PARTICLE_ADVERBS
                and head.pos_ == "VERB" and token.i == head.i + 1
                and not any(c.dep_ == "prt" for c in head.children)):
            token.dep_ = "prt"
