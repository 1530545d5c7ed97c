"""Records that flow between the stages: Article -> (Mention, Fact) -> RDF."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One input document, already reduced to plain text."""

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    date: str | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Entity:
    """An entity as one article knows it: its names and type; `key` is stable within the article."""

    key: str
    type: str
    names: list[str] = field(default_factory=list)
    geonames_id: int | None = None
    evidence: list[str] = field(default_factory=list)
    local: bool = False       # an unnamed thing ("the study") only this article knows: its own node

    @property
    def label(self) -> str:
        """The gazetteer's name for a place; otherwise the fullest name the article used."""
        if not self.names:
            return self.key
        if self.geonames_id is not None:
            return self.names[0]
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


@dataclass(frozen=True)
class Fact:
    """One extracted statement with the evidence a reader needs to check it."""

    subject: str              # Entity.key
    predicate: str            # plain-words label, e.g. "visit", "take part in", "birth place"
    object: str               # Entity.key, or literal lexical form when `datatype` is set
    rule: str
    sentence_start: int
    sentence_end: int
    confidence: float
    datatype: str | None = None   # xsd local name for literal facts ("date", "gYear", "string", ...)
    modality: str | None = None
    anchor: int = -1              # token index of the predicate word: readings of the same word compete

    @property
    def is_literal(self) -> bool:
        return self.datatype is not None
