"""The library entry points: everything the CLI does, a Python user can call."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .graphview import load_graph, subgraph_around, subgraph_from_query, under
from .ingest import IngestReport, ingest
from .namespaces import ENTITY_GRAPH, KG, RDFS, SKOS
from .readers import read_paths
from .remove import RemoveError, RemoveReport, remove_documents
from .store import GraphStore, StoreError, open_store

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
    "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD,
}
EXPORT_FORMATS = [*RDF_FORMATS, "graphml", "html"]
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                  "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}


class QueryError(ValueError):
    """The engine rejected a query; the message is the engine's."""


def ingest_paths(paths: list[str], store: GraphStore, **options) -> IngestReport:
    return ingest(read_paths(paths), store, **options)


def query(store: GraphStore, sparql: str):
    try:
        return store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(one_line(exc)) from None


def one_line(exc: Exception) -> str:
    """The engine's message on one line: its syntax errors list character classes over several."""
    return " ".join(str(exc).split())


def format_result(result, fmt: str = "table") -> str:
    """SELECT/ASK as a table or a standard SPARQL results format; graphs as Turtle."""
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.TURTLE).decode()
    if isinstance(result, ox.QueryBoolean):
        if fmt == "table":
            return "true" if bool(result) else "false"
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result)})
        return result.serialize(format=RESULT_FORMATS[fmt]).decode()
    if fmt != "table":
        return result.serialize(format=RESULT_FORMATS[fmt]).decode()
    names = [v.value for v in result.variables]
    rows = [[_cell(row[n]) for n in names] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        from .namespaces import PREFIXES

        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return f"<{term.value}>"
    return term.value.replace("\n", " ")


def export(store: GraphStore, fmt: str, query_file: str | None = None,
           around: str | None = None, hops: int = 2) -> bytes:
    """The whole store (ontology included) in an RDF format, or the entity graph as GraphML/HTML."""
    if fmt in RDF_FORMATS:
        if query_file or around:
            raise ValueError("--query/--around select a subgraph for graphml and html exports only")
        return store.dump(RDF_FORMATS[fmt])
    graph = graph_for_export(store, query_file, around, hops)
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(graph, buf)
        return buf.getvalue()
    if fmt == "html":
        from .page import render_page

        return render_page(store, graph).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")


def graph_for_export(store: GraphStore, query_file: str | None, around: str | None, hops: int) -> nx.MultiDiGraph:
    graph = load_graph(store)
    if query_file:
        try:
            sparql = Path(query_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read query file {query_file}: {exc}") from None
        try:
            result = query(store, sparql)
        except QueryError as exc:
            raise QueryError(f"SPARQL syntax in {query_file}: {exc}") from None
        graph = subgraph_from_query(graph, result)
        if not graph:
            raise ValueError(f"the query in {query_file} chose no entity of the graph: a CONSTRUCT of "
                             "edges between entities, or a SELECT that binds entity IRIs")
    if around:
        node = find_entity(store, around)
        if node is None:
            raise ValueError(f"no entity named {around!r}")
        if node not in graph:
            raise ValueError(f"{around!r} is not in the subgraph the query chose")
        graph = subgraph_around(graph, node, hops)
    return graph


def find_entity(store: GraphStore, name: str) -> str | None:
    """The entity whose label or alias is `name` (case-insensitive), best connected first."""
    exact = json.dumps(name)
    rows = list(store.query(f"""SELECT ?e (COUNT(?x) AS ?deg) WHERE {{
        VALUES ?np {{ <{RDFS.label}> <{SKOS.altLabel}> }} GRAPH <{ENTITY_GRAPH}> {{ ?e ?np {exact} }}
        OPTIONAL {{ ?e ?anyp ?x }} }} GROUP BY ?e ORDER BY DESC(?deg) LIMIT 1"""))
    if rows:
        return rows[0]["e"].value                # exact name: an index lookup; else a case-blind scan
    literal = json.dumps(name.lower())
    rows = list(store.query(f"""SELECT ?e (COUNT(?x) AS ?deg) WHERE {{
        GRAPH <{ENTITY_GRAPH}> {{ ?e ?np ?n FILTER(?np IN (<{RDFS.label}>, <{SKOS.altLabel}>) && LCASE(STR(?n)) = {literal}) }}
        OPTIONAL {{ ?e ?anyp ?x }} }} GROUP BY ?e ORDER BY DESC(?deg) LIMIT 1"""))
    return rows[0]["e"].value if rows else None


FACT_PREDICATES = f"{{ {under(KG.relatedTo)} }} UNION {{ {under(KG.hasAttribute)} }}"
# Uses are counted per predicate first and labels joined to those few dozen rows after: joining
# the label to every fact quad before grouping made this query cost twice as much at 1M quads.
TOP_PREDICATES = f"""SELECT ?label (SUM(?uses) AS ?n) WHERE {{
  {{ SELECT ?p (COUNT(*) AS ?uses) WHERE {{
       {FACT_PREDICATES} GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ENTITY_GRAPH}>) }} GROUP BY ?p }}
  ?p <{RDFS.label}> ?label
}} GROUP BY ?label ORDER BY DESC(?n) LIMIT 10"""


def stats(store: GraphStore) -> dict:
    def one(q: str) -> int:
        rows = list(store.query(q))
        return int(rows[0]["n"].value) if rows else 0

    by_type = {row["t"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in store.query(
        f"SELECT ?t (COUNT(?e) AS ?n) WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e a ?t }} }} GROUP BY ?t ORDER BY DESC(?n)")}
    top = [(row["label"].value, int(row["n"].value)) for row in store.query(TOP_PREDICATES)]
    return {
        "documents": one(f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?d {{ ?d a <{KG.Document}> }} }}"),
        "entities": sum(by_type.values()),
        "entities_by_type": by_type,
        "facts": one(f"""SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{
            {FACT_PREDICATES} GRAPH ?g {{ ?s ?p ?o }} }} }}"""),
        "provenance_statements": one("SELECT (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a rdf:Statement } }"),
        "top_predicates": top,
    }


__all__ = ["open_store", "ingest_paths", "ingest", "query", "format_result", "export", "stats",
           "find_entity", "QueryError", "StoreError", "EXPORT_FORMATS", "RESULT_FORMATS",
           "remove_documents", "RemoveReport", "RemoveError"]
