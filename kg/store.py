"""One store interface, two back ends: an embedded Oxigraph store on disk and (see remote.py) any
SPARQL 1.1 server. Every write is one SPARQL Update request, so a document is all in or all out
on both."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node

from .namespaces import ONTOLOGY_GRAPH, PREFIXES

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"
STORE_FORMAT = "kg-store-1"
DEFAULT_STORE = "~/.local/share/kg/store"


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

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql))

    def insert(self, quads: list[tuple[Node, Node, Node, Node]], delete_first: str = "") -> None:
        """Insert quads in one update request (one transaction), after an optional DELETE."""
        self.update(delete_first + insert_data(quads))

    def ensure_ontology(self) -> None:
        marker = f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?o <http://www.w3.org/2002/07/owl#versionInfo> ?v }} }}"
        if self.ask(marker):
            return
        from rdflib import Dataset

        ds = Dataset()
        ds.graph(ONTOLOGY_GRAPH).parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
        self.insert([(s, p, o, ONTOLOGY_GRAPH) for s, p, o in ds.graph(ONTOLOGY_GRAPH)])


def insert_data(quads: list[tuple[Node, Node, Node, Node]]) -> str:
    by_graph: dict[Node, list[str]] = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, []).append(f"{s.n3()} {p.n3()} {o.n3()} .")
    body = "\n".join(f"GRAPH {g.n3()} {{\n" + "\n".join(dict.fromkeys(lines)) + "\n}" for g, lines in by_graph.items())
    return f"INSERT DATA {{\n{body}\n}}"


class EmbeddedStore(GraphStore):
    """Oxigraph on disk (RocksDB): a real SPARQL 1.1 engine with no server."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        self.location = path
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

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        if fmt.supports_datasets:
            return self._store.dump(format=fmt)
        triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        return triples.serialize(format=fmt)

    def close(self) -> None:
        self._store.flush()
        del self._store


def open_store(location: str | None = None, read_only: bool = False) -> GraphStore:
    """`sparql+http(s)://…` opens a remote SPARQL 1.1 store; anything else is a directory."""
    location = location or default_store_location()
    if location.startswith(("sparql+http://", "sparql+https://")):
        from .remote import RemoteStore

        return RemoteStore(location)
    return EmbeddedStore(location, read_only=read_only)
