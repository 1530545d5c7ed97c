"""Articles -> store: parse and extract (kg.parsing), resolve entities against the store, and
write each document so that it counts as ingested only once it is in the store whole.

A document counts as ingested when its completion marker, `<doc> a kg:Document` in the document's
own named graph, is stored: `ingest` skips documents that have it, and `kg stats` and `kg remove`
count and find documents by it. Writes (GraphStore.extend_nquads / retract, one transaction each):

  * Short documents (at most LONG_TEXT characters) are written `write_every` at a time: their
    graphs with their markers, new predicate declarations and the new descriptions of the
    entities they mention go in one transaction, so each document is in the store whole
    (graph, provenance, entity descriptions) or not at all.
  * A long document is parsed in chunks and streamed: each chunk's quads (facts, provenance,
    mentions, names) are added to the document's graph as they come, in transactions of
    BODY_QUADS (plus at most one chunk's quads), without the marker; its marker and metadata,
    predicate declarations and entity descriptions go in one last transaction. Memory is bounded
    by the parse batch and BODY_QUADS plus the document's distinct entities and their names, not
    by its facts. Its first piece says `<doc> kg:streamed true`. A crash mid-document leaves
    such a graph without a marker: it is not counted or skipped as a document, and the next
    writable `open_store` of an embedded store drops it before anything reads it (every kg
    command opens the store writable, and the ingest's lock keeps them out while it runs; only a
    read-only open can see the partial graph). On a SPARQL server other clients may read it while
    it is streamed or after a crash, until the next ingest drops it. Entity descriptions and the
    entity index are untouched by an unfinished document.
  * Entity descriptions are rewritten, not only added to: the new description triples go in with
    the markers, the superseded ones (an old label, type or same-as link) are retracted in the
    next transaction. A crash between the two leaves an entity with two labels or two types; the
    next ingest rewrites every such entity in its first write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef

from .model import Article, Entity, Fact
from .namespaces import ENTITY_GRAPH, KG, OWL, RDF, RDFS, VOCABULARY_GRAPH, XSD
from .parsing import Extraction, is_long, parse_and_extract
from .rdf import (CLASS_OF_TYPE, Quad, document_iri, document_quads, fact_nquads, named_node, nt_string,
                  predicate_declaration, predicate_iri)
from .readers import ReadError
from .resolve import EntityIndex
from .store import GraphStore, drop_unfinished_documents, sparql_values


@dataclass
class IngestReport:
    documents: int = 0
    skipped: int = 0
    facts: int = 0
    entities: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (f"{self.documents} document(s) ingested, {self.skipped} unchanged, "
                f"{self.facts} new fact(s), {self.entities} entit{'y' if self.entities == 1 else 'ies'} touched")
        return text + (f", {len(self.errors)} error(s)" if self.errors else "")


Extractor = Callable[[Iterable[Article]], Iterator[Extraction]]

BODY_QUADS = 20_000      # a long document's quads are written once this many are buffered
WRITE_EVERY = 16         # short documents per transaction


def ingest(items: Iterable[Article | ReadError], store: GraphStore, model: str | None = None,
           batch_size: int = 32, workers: int = 1,
           on_progress: Callable[[int], None] | None = None,
           extractor: Extractor | None = None, write_every: int = WRITE_EVERY) -> IngestReport:
    """Ingest articles (ReadErrors are collected, not raised). Unchanged documents are skipped
    by content hash before parsing. By default `workers` processes parse while this one extracts,
    resolves and writes (0: all here; see kg.parsing); `extractor` runs the NLP elsewhere instead
    (see kg.distributed). Short documents are written `write_every` at a time, long ones
    streamed; see the module docstring for what a crash leaves."""
    report = IngestReport()
    store.ensure_ontology()
    drop_unfinished_documents(store)
    index = EntityIndex.load(store)
    writer = _Writer(store, index, interrupted_descriptions(store), on_progress)
    extract = extractor or (lambda articles: parse_and_extract(articles, model, batch_size, workers))
    touched: set[URIRef] = set()
    seen: set[str] = set()

    def fresh() -> Iterator[Article]:
        for group in _groups(items, 64):
            stored = stored_documents(store, [document_iri(i) for i in group if isinstance(i, Article)])
            for item in group:
                if isinstance(item, ReadError):
                    report.errors.append(str(item))
                elif item.content_hash in seen or document_iri(item) in stored:
                    report.skipped += 1
                else:
                    seen.add(item.content_hash)
                    yield item
                    continue
                if on_progress:
                    on_progress(1)

    current: _Document | None = None
    try:
        for article, entities, facts, last in extract(fresh()):
            if current is None:
                current = _Document(article, document_iri(article))
                if current.long:
                    writer.commit()
                    writer.wait()                # a long document is streamed on its own
            writer.add_body(*current.add(entities, facts, index, writer))
            if not last:
                if writer.body_quads >= BODY_QUADS:
                    writer.write_body()
                continue
            writer.finish(current)
            if current.long or writer.documents >= write_every:
                writer.commit()
            if current.long:
                writer.wait()
            report.documents += 1
            report.facts += current.facts(store)
            touched |= set(current.iri_of.values())
            current = None
        writer.commit()
    finally:
        writer.close()                           # a write in flight is one whole transaction: let it land
    report.entities = len(touched)
    return report


def stored_documents(store: GraphStore, iris: list[URIRef]) -> set[URIRef]:
    """Which of these documents the store holds complete: one query for a group of articles."""
    if not iris:
        return set()
    values = sparql_values(iris)
    rows = store.query(f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?g a <{KG.Document}> }} }}")
    return {URIRef(row["g"].value) for row in rows}


def _groups(items: Iterable, size: int) -> Iterator[list]:
    group: list = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def interrupted_descriptions(store: GraphStore) -> set[URIRef]:
    """Entities with two labels, types or same-as links: a crash came between adding their new
    description and retracting the old one."""
    return {URIRef(row["e"].value) for row in store.query(f"""SELECT DISTINCT ?e WHERE {{
        GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?v }} FILTER(?p IN (<{RDF.type}>, <{RDFS.label}>, <{OWL.sameAs}>))
        }} GROUP BY ?e ?p HAVING (COUNT(?v) > 1)""")}


class _Writer:
    """Buffers quads and writes them in the order the module docstring's guarantee needs.

    A group of short documents is written on a background thread while the next group is
    extracted (and, with `workers=0`, parsed): the store's write releases the GIL, so the two
    overlap. That thread runs as little Python as it can (the quads come ready-made, the
    superseded descriptions are found before it starts): the extractor and spaCy hold the GIL
    most of the time, and each hand-off of it costs them up to a switch interval. At most one
    group is in flight and groups land in order; `wait` returns when the last one has (and
    re-raises its error)."""

    def __init__(self, store: GraphStore, index: EntityIndex, repair: set[URIRef],
                 on_progress: Callable[[int], None] | None) -> None:
        self.store, self.index, self.on_progress = store, index, on_progress
        self.declared = _declared_predicates(store)
        self.body: list[str] = []           # document graphs' content, without markers (N-Quads)
        self.body_quads = 0
        self.final: list[Quad] = []         # markers and metadata, predicate declarations
        self.touched: set[URIRef] = set(repair)
        # Each entity's description as this ingest last wrote it, which is what the store holds:
        # an unchanged description is not written again, and the store is asked only about
        # entities this ingest has not described yet.
        self.written: dict[URIRef, set[Quad]] = {}
        self.documents = 0
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")
        self._in_flight: Future | None = None

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self._thread.shutdown()

    def wait(self) -> None:
        done, self._in_flight = self._in_flight, None
        if done is not None:
            documents = done.result()
            if self.on_progress and documents:
                self.on_progress(documents)

    def declare(self, fact: Fact) -> None:
        p = str(predicate_iri(fact.predicate))
        if p not in self.declared:
            self.declared.add(p)
            self.final += predicate_declaration(fact.predicate, fact.is_literal, VOCABULARY_GRAPH)

    def add_body(self, nquads: str, quads: int) -> None:
        self.body.append(nquads)
        self.body_quads += quads

    def write_body(self) -> None:
        """Part of a long document: visible, but not yet a document (no marker)."""
        self.wait()
        self.store.extend_nquads("".join(self.body))
        self.body, self.body_quads = [], 0

    def finish(self, document: _Document) -> None:
        self.final += document_quads(document.article, document.iri)
        self.touched |= set(document.iri_of.values())
        self.documents += 1

    def commit(self) -> None:
        """Everything buffered, with the markers and new entity descriptions, in one transaction;
        then the superseded description triples."""
        if not (self.body or self.final or self.touched):
            return
        iris = sorted(self.touched)
        described = {iri: self.index.describe(iri) for iri in iris}        # now: the index moves on
        self.wait()                                                          # the store is up to date
        fetched = current_descriptions(self.store, [i for i in iris if i not in self.written])
        # only the touched entities: a copy of all `written` made each commit cost more than the last
        before = {iri: self.written.get(iri) or fetched.get(iri, set()) for iri in iris}
        new = [q for iri in iris for q in described[iri] if q not in before.get(iri, ())]
        stale = sorted((q for iri in iris for q in before.get(iri, set()) - set(described[iri])), key=str)
        self.written.update((iri, set(quads)) for iri, quads in described.items())
        nquads = "".join(self.body) + "".join(f"{q} .\n" for q in self.final + new)
        self._in_flight = self._thread.submit(self._write, nquads, stale, self.documents)
        self.body, self.body_quads, self.final, self.touched, self.documents = [], 0, [], set(), 0

    def _write(self, nquads: str, stale: list[Quad], documents: int) -> int:
        self.store.extend_nquads(nquads)
        self.store.retract(stale)
        return documents


def current_descriptions(store: GraphStore, iris: list[URIRef]) -> dict[URIRef, set[Quad]]:
    """The entity graph's description of each of these entities, as stored."""
    if not iris:
        return {}
    values = sparql_values(iris)
    rows = store.query(f"SELECT ?e ?p ?o WHERE {{ VALUES ?e {{ {values} }} GRAPH <{ENTITY_GRAPH}> {{ ?e ?p ?o }} }}")
    graph = named_node(ENTITY_GRAPH)
    found: dict[URIRef, set[Quad]] = {}
    for r in rows:
        found.setdefault(URIRef(r["e"].value), set()).add(ox.Quad(r["e"], r["p"], r["o"], graph))
    return found


@dataclass
class _Document:
    """A document being written, piece by piece: what it has said so far about its entities."""

    article: Article
    iri: URIRef
    iri_of: dict[str, URIRef] = field(default_factory=dict)        # entity key -> store IRI
    names: dict[str, set[str]] = field(default_factory=dict)       # entity key -> names written
    triples: set[tuple[str, str, str]] = field(default_factory=set)
    pieces: int = 0

    @property
    def long(self) -> bool:
        return is_long(self.article)

    def add(self, entities: dict[str, Entity], facts: list[Fact], index: EntityIndex,
            writer: _Writer) -> tuple[str, int]:
        """One piece's quads, as N-Quads text (see rdf.fact_nquads) and how many; the entity
        index learns its entities (once per document) and names."""
        g = f"<{self.iri}>"
        lines: list[str] = []
        if self.long and not self.pieces:          # unfinished until its marker is in
            lines.append(f"{g} {_STREAMED} {g} .\n")
        self.pieces += 1
        for key, entity in entities.items():
            known = self.names.get(key)
            if known is None:
                iri, rule = index.resolve(entity, self.iri)
                self.iri_of[key], self.names[key] = iri, set(entity.names)
                index.add(iri, entity, rule)
                lines.append(f"{g} {_MENTIONS} <{iri}> {g} .\n")
                lines.append(f"<{iri}> {_EXTRACTED_TYPE} {_CLASS_OF_TYPE.get(entity.type, _ENTITY)} {g} .\n")
                new = entity.names
            else:
                new = [n for n in entity.names if n not in known]
                known.update(new)
                index.add_names(self.iri_of[key], new, entity.evidence)
            entity_node = f"<{self.iri_of[key]}>"
            lines += [f"{entity_node} {_SURFACE_FORM} {nt_string(n)} {g} .\n" for n in new]
        for fact in facts:
            lines.append(fact_nquads(fact, self.article, self.iri, self.iri_of))
            writer.declare(fact)
            if not self.long:
                self.triples.add((fact.subject, fact.predicate, fact.object))
        text = "".join(lines)
        return text, text.count("\n")           # one quad a line: literals escape their newlines

    def facts(self, store: GraphStore) -> int:
        """Distinct facts stated: counted as extracted for a short document, in the store (so
        not held in memory) for a long one."""
        if not self.long:
            return len(self.triples)
        rows = list(store.query(f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
            GRAPH <{self.iri}> {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }} }}"""))
        return int(rows[0]["n"].value)


# N-Triples spellings of the terms every document's graph uses.
_MENTIONS, _SURFACE_FORM, _EXTRACTED_TYPE, _ENTITY = (f"<{t}>" for t in (KG.mentions, KG.surfaceForm,
                                                                          KG.extractedType, KG.Entity))
_STREAMED = f'<{KG.streamed}> "true"^^<{XSD.boolean}>'
_CLASS_OF_TYPE = {kind: f"<{iri}>" for kind, iri in CLASS_OF_TYPE.items()}


def _declared_predicates(store: GraphStore) -> set[str]:
    rows = store.query(f"SELECT ?p WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ ?p a ?k }} }}")
    return {row["p"].value for row in rows}


__all__ = ["ingest", "IngestReport"]
