"""Articles -> store: parse in batches with nlp.pipe, resolve entities against the store, and
write each document in one transaction (all of it or none of it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from rdflib import Literal, URIRef

from .model import Article, Entity, Fact
from .namespaces import KG, VOCABULARY_GRAPH
from .nlp import load_pipeline
from .rdf import CLASS_OF_TYPE, Quad, document_iri, document_quads, fact_quads, predicate_declaration, predicate_iri
from .readers import ReadError
from .resolve import EntityIndex, delete_descriptions
from .store import GraphStore


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


Extraction = tuple[Article, dict[str, Entity], list[Fact]]
Extractor = Callable[[Iterable[Article]], Iterator[Extraction]]


def ingest(items: Iterable[Article | ReadError], store: GraphStore, model: str | None = None,
           batch_size: int = 32, n_process: int = 1,
           on_progress: Callable[[int], None] | None = None,
           extractor: Extractor | None = None, write_every: int = 16) -> IngestReport:
    """Ingest articles (ReadErrors are collected, not raised). Unchanged documents are skipped
    by content hash before parsing. `extractor` runs the NLP elsewhere (see kg.distributed);
    by default it runs here with nlp.pipe. Documents are written `write_every` at a time, each
    group in one transaction: a document is in the store whole or not at all."""
    report = IngestReport()
    store.ensure_ontology()
    index = EntityIndex.load(store)
    declared = _declared_predicates(store)
    extract = extractor or (lambda articles: extract_articles(articles, model, batch_size, n_process))
    touched: set[URIRef] = set()
    seen: set[str] = set()

    def fresh() -> Iterator[Article]:
        for item in items:
            if isinstance(item, ReadError):
                report.errors.append(str(item))
            elif item.content_hash in seen or \
                    store.ask(f"ASK {{ GRAPH <{document_iri(item)}> {{ ?d a <{KG.Document}> }} }}"):
                report.skipped += 1
            else:
                seen.add(item.content_hash)
                yield item
                continue
            if on_progress:
                on_progress(1)

    pending: list[Quad] = []
    pending_iris: set[URIRef] = set()
    pending_docs = 0

    def flush() -> None:
        nonlocal pending, pending_iris, pending_docs
        if pending_docs:
            store.insert(pending + [q for iri in pending_iris for q in index.records[iri].describe()],
                         delete_first=delete_descriptions(sorted(pending_iris)))
            if on_progress:
                on_progress(pending_docs)
        pending, pending_iris, pending_docs = [], set(), 0

    for article, entities, facts in extract(fresh()):
        quads, iris, n_facts = _document_quads(article, entities, facts, index, declared)
        pending += quads
        pending_iris |= iris
        pending_docs += 1
        touched |= iris
        report.documents += 1
        report.facts += n_facts
        if pending_docs >= write_every:
            flush()
    flush()
    report.entities = len(touched)
    return report


def extract_articles(articles: Iterable[Article], model: str | None = None, batch_size: int = 32,
                     n_process: int = 1) -> Iterator[Extraction]:
    """Parse and extract, streaming: long articles in chunks whose results are merged back."""
    nlp = load_pipeline(model)
    texts = ((chunk, (a, start, last)) for a in articles for chunk, start, last in _chunks(parse_text(a.text)))
    entities: dict[str, Entity] = {}
    facts: list[Fact] = []
    for doc, (article, start, last) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process):
        _merge(entities, facts, doc._.kg_entities, doc._.kg_facts, start)
        if last:
            yield article, entities, facts
            entities, facts = {}, []


DATELINE = re.compile(r"^(\s*[A-Z][A-Z .'-]+(?:,[^\n—–-]{0,40})?\s)[—–-](\s)")


def parse_text(text: str) -> str:
    """The text the parser sees: a wire-copy dateline ("BERLIN, June 4 — Lumora …") ends with a
    full stop, so it is not read as the first sentence's subject. Same length, so every offset
    still points into the article text."""
    return DATELINE.sub(lambda m: m.group(1) + "." + m.group(2), text, count=1)


LONG_TEXT = 100_000      # longer articles are parsed in chunks (spaCy's nlp.max_length is 1,000,000)
CHUNK_CHARS = 10_000     # so a batch of chunks holds at most batch_size * CHUNK_CHARS characters


def _chunks(text: str, size: int | None = None) -> Iterator[tuple[str, int, bool]]:
    """A long text as (chunk, offset, is_last) pieces of at most `size` characters, cut at a
    paragraph break, else a sentence end, else a space, so spaCy parses it in bounded memory
    (and never hits nlp.max_length). Entities and facts are merged back per document."""
    if len(text) <= LONG_TEXT:
        yield text, 0, True
        return
    size = size or CHUNK_CHARS
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n\n", size // 2) + 2
        if cut < 2:
            ends = [m.end() for m in re.finditer(r"[.!?][\"')\]]*\s", window[size // 2:])]
            cut = size // 2 + ends[-1] if ends else window.rfind(" ", size // 2) + 1 or size
        yield text[start:start + cut], start, False
        start += cut
    yield text[start:], start, True


def _merge(entities: dict[str, Entity], facts: list[Fact], chunk_entities: dict[str, Entity],
           chunk_facts: list[Fact], offset: int) -> None:
    """Add one chunk's results: entities by key (names and evidence united), facts with their
    sentence offsets moved from the chunk into the article text."""
    for key, entity in chunk_entities.items():
        known = entities.setdefault(key, entity)
        if known is not entity:
            known.names += [n for n in entity.names if n not in known.names]
            known.evidence += [e for e in entity.evidence if e not in known.evidence]
    facts += [replace(f, sentence_start=f.sentence_start + offset, sentence_end=f.sentence_end + offset)
              if offset else f for f in chunk_facts]


def _declared_predicates(store: GraphStore) -> set[str]:
    rows = store.query(f"SELECT ?p WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ ?p a ?k }} }}")
    return {row["p"].value for row in rows}


def _document_quads(article: Article, entities: dict[str, Entity], facts: list[Fact],
                    index: EntityIndex, declared: set[str]) -> tuple[list[Quad], set[URIRef], int]:
    doc = document_iri(article)
    iri_of: dict[str, URIRef] = {}
    quads: list[Quad] = document_quads(article, doc)
    for key, entity in entities.items():
        iri, rule = index.resolve(entity)
        iri_of[key] = iri
        index.add(iri, entity, rule)
        quads.append((doc, KG.mentions, iri, doc))
        quads.append((iri, KG.extractedType, CLASS_OF_TYPE.get(entity.type, KG.Entity), doc))
        quads += [(iri, KG.surfaceForm, Literal(n), doc) for n in entity.names]
    triples = set()
    for fact in facts:
        quads += fact_quads(fact, article, doc, iri_of)
        triples.add((fact.subject, fact.predicate, fact.object))
        p = str(predicate_iri(fact.predicate))
        if p not in declared:
            declared.add(p)
            quads += predicate_declaration(fact.predicate, fact.is_literal, VOCABULARY_GRAPH)
    return quads, set(iri_of.values()), len(triples)


__all__ = ["ingest", "extract_articles", "IngestReport"]
