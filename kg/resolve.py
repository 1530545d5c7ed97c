"""Article entities -> store IRIs: the same entity gets the same node across articles.

Rules, in order, each recorded as evidence on the entity (`kg:resolvedBy`):
  gazetteer   a place known to GeoNames is keyed by its GeoNames id;
  same-name   a name already carried by exactly one node of a compatible type;
  name-part   a one-word person name that is the first or last word of exactly one known person.
Different types never merge ("Jordan" the country and "Jordan" the person stay apart).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef

from .model import Entity
from .namespaces import ENTITY_GRAPH, KG, OWL, RDFS
from .rdf import TYPE_OF_CLASS, entity_description, is_local_iri, mint_entity_iri, mint_local_iri, type_group
from .store import GraphStore, sparql_values


@lru_cache(maxsize=65536)
def norm_name(name: str) -> str:
    """The form names are compared in; cached: an entity's names are compared each time it is
    mentioned."""
    name = re.sub(r"^the\s+", "", name.strip().lower())
    name = re.sub(r"['’]s$", "", name)
    return re.sub(r"\s+", " ", name.replace(".", ""))


@dataclass
class EntityRecord:
    iri: URIRef
    types: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    geonames_id: int | None = None
    canonical: str | None = None
    evidence: set[str] = field(default_factory=set)

    @property
    def type(self) -> str:
        return self.types.most_common(1)[0][0] if self.types else "Entity"

    @property
    def label(self) -> str:
        if self.canonical:
            return self.canonical
        full = [n for n in self.names if not re.fullmatch(r"[A-Z0-9&.]{2,10}", n)] or list(self.names)
        return max(full, key=lambda n: (len(n.split()), self.names[n], len(n), n))

    def describe(self) -> list:
        return entity_description(self.iri, self.type, sorted(self.names), self.label, self.geonames_id,
                                  sorted(self.evidence), ENTITY_GRAPH)


class EntityIndex:
    """What the store already knows about entities, kept in memory for the length of an ingest."""

    def __init__(self) -> None:
        self.records: dict[URIRef, EntityRecord] = {}
        self._by_name: dict[tuple[str, str], set[URIRef]] = {}
        self._by_name_part: dict[str, set[URIRef]] = {}     # first/last word of a multi-word name

    @classmethod
    def load(cls, store: GraphStore) -> EntityIndex:
        index = cls()
        rows = store.query(f"""SELECT ?e ?kind ?value (COUNT(*) AS ?n) WHERE {{
            {{ GRAPH ?g {{ ?e <{KG.surfaceForm}> ?value }} BIND("name" AS ?kind) }}
            UNION {{ GRAPH ?g {{ ?e <{KG.extractedType}> ?value }} BIND("type" AS ?kind) }}
            }} GROUP BY ?e ?kind ?value""")
        for row in rows:
            record = index._record(URIRef(row["e"].value))
            if row["kind"].value == "name":
                record.names[row["value"].value] += int(row["n"].value)
            else:
                record.types[TYPE_OF_CLASS.get(URIRef(row["value"].value), "Entity")] += int(row["n"].value)
        for row in store.query(f"""SELECT ?e ?p ?v WHERE {{ GRAPH <{ENTITY_GRAPH}> {{
                ?e ?p ?v FILTER(?p IN (<{OWL.sameAs}>, <{KG.resolvedBy}>, <{RDFS.label}>)) }} }}"""):
            record = index._record(URIRef(row["e"].value))
            if row["p"].value == str(RDFS.label):
                record.canonical = row["v"].value
            elif row["p"].value == str(OWL.sameAs):
                record.geonames_id = int(row["v"].value.rstrip("/").rsplit("/", 1)[-1])
            else:
                record.evidence.add(row["v"].value)
        for record in index.records.values():
            if record.geonames_id is None:
                record.canonical = None          # only a gazetteer name is fixed; others are re-voted
            index._index(record)
            index._index_name_parts(record.iri, list(record.names))
        return index

    def _record(self, iri: URIRef) -> EntityRecord:
        return self.records.setdefault(iri, EntityRecord(iri))

    def _index(self, record: EntityRecord) -> None:
        if is_local_iri(record.iri):
            return                               # another article's "study" is another study
        group = type_group(record.type)
        for name in record.names:
            self._by_name.setdefault((group, norm_name(name)), set()).add(record.iri)

    def _index_name_parts(self, iri: URIRef, names: list[str]) -> None:
        """First and last words of multi-word names, whatever the type (checked at lookup)."""
        if is_local_iri(iri):
            return
        for words in (name.split() for name in names):
            if len(words) > 1:
                for word in {words[0], words[-1]}:
                    self._by_name_part.setdefault(word, set()).add(iri)

    def resolve(self, entity: Entity, document: URIRef) -> tuple[URIRef, str | None]:
        if entity.local:
            return mint_local_iri(entity.type, entity.label, document), None
        group = type_group(entity.type)
        if entity.geonames_id is not None:
            return mint_entity_iri(entity.type, entity.label), None
        for name in sorted(entity.names, key=len, reverse=True):
            found = self._by_name.get((group, norm_name(name)), set())
            if len(found) == 1:
                iri = next(iter(found))
                return iri, (f"same-name: '{name}' already names this {group}" if
                             iri != mint_entity_iri(entity.type, entity.label) else None)
        if entity.type == "Person" and len(entity.names) == 1 and " " not in entity.names[0]:
            word = entity.names[0]               # indexed: a scan of every record grew with the store
            people = {iri for iri in self._by_name_part.get(word, ())
                      if type_group(self.records[iri].type) == "person"}
            if len(people) == 1:
                return next(iter(people)), f"name-part: '{word}' is part of a known person's name"
        return mint_entity_iri(entity.type, entity.label), None

    def add(self, iri: URIRef, entity: Entity, rule: str | None) -> EntityRecord:
        record = self._record(iri)
        record.types[entity.type] += 1
        if entity.geonames_id is not None:
            record.geonames_id = entity.geonames_id
            record.canonical = entity.label
        if rule:
            record.evidence.add(rule)
        return self.add_names(iri, entity.names, entity.evidence)

    def add_names(self, iri: URIRef, names: list[str], evidence: list[str]) -> EntityRecord:
        """Names (counted once per document) and evidence for an entity: all of them when a
        document first mentions it, then those a later chunk of a long document adds."""
        record = self._record(iri)
        new = [name for name in names if name not in record.names]
        for name in names:
            record.names[name] += 1
        record.evidence.update(evidence)
        self._index(record)
        self._index_name_parts(iri, new)
        return record

    def describe(self, iri: URIRef) -> list:
        """The entity graph's description of `iri`; none for an entity no document names."""
        record = self.records.get(iri)
        return record.describe() if record is not None and record.names else []


def delete_descriptions(iris: list[URIRef]) -> str:
    if not iris:
        return ""
    values = sparql_values(iris)
    return (f"DELETE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {values} }} "
            f"GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }} ;\n")


__all__ = ["EntityIndex", "EntityRecord", "delete_descriptions", "norm_name"]
