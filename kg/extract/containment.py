"""A city and its country, both named in one article: the city is located in that country.

A reader takes "Bangkok ... Thailand" as a city of the country without the text spelling it out;
the gazetteer knows which country each city belongs to, so the fact needs no construction. It is
stated once per article, with the first sentence that names both (else the city's first sentence).
A capital counts only where it is a place ("talks in Kyiv", a dateline's town): "aid to Kyiv" speaks
of a government."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Fact
from .mentions import DocumentEntities, Mention, at_position

RULE = "gazetteer-city-country"
LABEL = "located in"


def containment_facts(doc: Doc, found: DocumentEntities, confidence: float) -> list[Fact]:
    countries = {m.place.country: m.entity for m in found.mentions
                 if m.place is not None and m.place.kind == "Country" and m.entity}
    sentences: dict[tuple[str, str], list[Span]] = {}        # (city, country) -> the city's sentences
    for m in found.mentions:
        if m.place is None or m.place.kind != "City" or m.entity not in found.entities:
            continue
        if m.place.is_capital and not _as_place(doc, m, found.dateline):
            continue
        country = countries.get(m.place.country)
        if country is not None and country != m.entity:
            sentences.setdefault((m.entity, country), []).append(doc[m.start].sent)
    facts = []
    for (city, country), sents in sentences.items():
        both = [s for s in sents if any(c.entity == country and s.start <= c.start < s.end for c in found.mentions)]
        sent = (both or sents)[0]
        facts.append(Fact(city, LABEL, country, RULE, sent.start_char, sent.end_char, confidence))
    return facts


def _as_place(doc: Doc, m: Mention, dateline: tuple[int, int, int] | None) -> bool:
    """After a position preposition, or opening the dateline ("BAKU, Azerbaijan —")."""
    return at_position(doc[m.end - 1]) or (dateline is not None and m.start == dateline[0])
