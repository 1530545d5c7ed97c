"""One store interface, two back ends: an embedded Oxigraph store on disk and (see remote.py) any
SPARQL 1.1 server. Each write (`extend`, `extend_nquads`, `retract`, `update`) is one transaction
on both: the embedded store adds quads (pyoxigraph terms or N-Quads text, see rdf.py) through
pyoxigraph's transactional `Store.extend` and `Store.load` (no SPARQL text to build and parse), a
server gets one SPARQL Update request per write."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node

from .namespaces import KG, ONTOLOGY_GRAPH, PREFIXES

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"
STORE_FORMAT = "kg-store-1"
DEFAULT_STORE = "~/.local/share/kg/store"
FLUSH_QUADS = 100_000    # an embedded store flushes its memtables after this many quads written


class StoreError(RuntimeError):
    """A store that cannot be opened or written, with a one-line reason."""


def default_store_location() -> str:
    return os.environ.get("KG_STORE") or os.path.expanduser(DEFAULT_STORE)


class GraphStore(ABC):
    location: str

    @abstractmethod
    def query(self, sparql: str):
        """SELECT -> QuerySolutions, ASK -> QueryBoolean, CONSTRUCT/DESCRIBE -> QueryTriples;
        the default graph is the union of all graphs, and kg's prefixes are predeclared."""

    @abstractmethod
    def update(self, sparql_update: str) -> None: ...

    @abstractmethod
    def dump(self, fmt: ox.RdfFormat) -> bytes: ...

    def close(self) -> None:
        pass

    def flush(self) -> None:
        """Persist what is written so far (a server does so by itself)."""

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql))

    def extend(self, quads: list[ox.Quad]) -> None:
        """Add quads in one transaction."""
        if quads:
            self.update(insert_data(quads))

    def extend_nquads(self, text: str) -> None:
        """Add the quads of an N-Quads text in one transaction."""
        self.extend(list(ox.parse(text, format=ox.RdfFormat.N_QUADS)))

    def retract(self, quads: list[ox.Quad]) -> None:
        """Remove quads in one transaction."""
        if quads:
            self.update(insert_data(quads, "DELETE DATA"))

    def ensure_ontology(self) -> None:
        marker = f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?o <http://www.w3.org/2002/07/owl#versionInfo> ?v }} }}"
        if self.ask(marker):
            return
        graph = ox.NamedNode(ONTOLOGY_GRAPH)
        triples = ox.parse(path=ONTOLOGY_DIR / "kg.ttl", format=ox.RdfFormat.TURTLE)
        self.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])


def sparql_values(iris: Iterable[Node | str]) -> str:
    """The terms of a SPARQL `VALUES` block: `<a> <b> …` (strings are IRIs)."""
    return " ".join(i.n3() if isinstance(i, Node) else f"<{i}>" for i in iris)


def insert_data(quads: Iterable[ox.Quad], verb: str = "INSERT DATA") -> str:
    """`INSERT DATA { GRAPH … }` text for quads (or DELETE DATA, with that verb): a pyoxigraph
    term's str() is its N-Triples form, which is SPARQL syntax too."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    body = "\n".join(f"GRAPH {g} {{\n" + "\n".join(dict.fromkeys(lines)) + "\n}" for g, lines in by_graph.items())
    return f"{verb} {{\n{body}\n}}"


class EmbeddedStore(GraphStore):
    """Oxigraph on disk (RocksDB): a real SPARQL 1.1 engine with no server."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.location, self.read_only = path, read_only
        self._unflushed = 0                  # quads written since the last flush
        p = Path(path).expanduser()
        if p.exists() and not p.is_dir():
            raise StoreError(f"store path {p} is a file, not a store directory")
        marker = p / "KG_FORMAT"
        if p.is_dir() and any(p.iterdir()) and not marker.exists() and not (p / "CURRENT").exists():
            raise StoreError(f"{p} is not empty and is not a kg store")
        if marker.exists() and marker.read_text().strip() != STORE_FORMAT:
            raise StoreError(f"store {p} was written by an incompatible kg version "
                             f"({marker.read_text().strip()}, this kg reads {STORE_FORMAT})")
        try:
            p.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))
            if not read_only and not marker.exists():
                marker.write_text(STORE_FORMAT + "\n")
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreError(f"store {p} is in use by another process (lock file {p / 'LOCK'}); "
                                 f"wait for it to finish") from None
            raise StoreError(f"cannot open store {p}: {exc.strerror or message.splitlines()[0]}") from None

    def query(self, sparql: str):
        return self._store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)

    def update(self, sparql_update: str) -> None:
        try:
            self._store.update(sparql_update, prefixes=PREFIXES)
        except OSError as exc:
            raise StoreError(f"cannot write store {self.location}: {exc}") from None

    def extend(self, quads: list[ox.Quad]) -> None:
        """pyoxigraph's Store.extend: one transaction, no SPARQL text."""
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"cannot write store {self.location}: {exc}") from None
        self._written(len(quads))

    def extend_nquads(self, text: str) -> None:
        """pyoxigraph's Store.load: one transaction, parsed without the GIL."""
        try:
            self._store.load(text, format=ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise StoreError(f"cannot write store {self.location}: {exc}") from None
        self._written(text.count("\n"))       # one quad a line: literals escape their newlines

    def _written(self, quads: int) -> None:
        """RocksDB's memtables hold everything written since the last flush: flushed every
        FLUSH_QUADS, memory stays bounded however much one process writes."""
        self._unflushed += quads
        if self._unflushed >= FLUSH_QUADS:
            self.flush()

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        if fmt.supports_datasets:
            return self._store.dump(format=fmt)
        triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        return triples.serialize(format=fmt)

    def flush(self) -> None:
        """Write RocksDB's memtables to disk: they grow with everything written until then."""
        self._store.flush()
        self._unflushed = 0

    def close(self) -> None:
        if not self.read_only:               # a read-only RocksDB refuses to flush
            self._store.flush()
        del self._store


def drop_unfinished_documents(store: GraphStore) -> list[str]:
    """Drop the graphs of streamed documents that never got their completion marker: a crash
    interrupted them. Only safe while no other process writes to the store."""
    graphs = [row["g"].value for row in store.query(f"""SELECT DISTINCT ?g WHERE {{
        GRAPH ?g {{ ?g <{KG.streamed}> true }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?g a <{KG.Document}> }} }} }}""")]
    if graphs:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))
    return graphs


def open_store(location: str | None = None, read_only: bool = False) -> GraphStore:
    """`sparql+http(s)://…` opens a remote SPARQL 1.1 store; anything else is a directory.

    A writable embedded store is this process's alone (RocksDB's lock), so an unfinished document
    in it is a crashed ingest's: it is dropped here, before anyone can read it. A server may have
    another writer streaming a document right now, so there only `ingest` drops them."""
    location = location or default_store_location()
    if location.startswith(("sparql+http://", "sparql+https://")):
        from .remote import RemoteStore

        return RemoteStore(location)
    if "://" in location:                  # "http://host/…" would become a directory named "http:"
        raise StoreError(f"store {location}: a remote store is sparql+http://… or sparql+https://…; "
                         "a local store is a directory path")
    store = EmbeddedStore(location, read_only=read_only)
    if not read_only:
        drop_unfinished_documents(store)
    return store
