"""The store's entity graph as networkx: nodes are entities, edges are entity-valued facts.
Used by the page, GraphML export and stats; subgraphs by CONSTRUCT/SELECT query or by hops."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from .namespaces import ENTITY_GRAPH, KG, RDFS
from .rdf import TYPE_OF_CLASS
from .store import GraphStore

ENTITIES = f"""SELECT ?e ?label ?type WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e <{RDFS.label}> ?label ; a ?type }} }}"""


def under(root: str) -> str:
    """The SPARQL pattern for a predicate ?p declared under `root` (relatedTo, hasAttribute)."""
    return f"?p <{RDFS.subPropertyOf}>+ <{root}>"


def facts_query(root: str) -> str:
    """The distinct facts whose predicate is under `root`, each with its predicate's label. Labels
    are looked up once per predicate, then joined to the distinct facts, not looked up for every
    fact quad: at 1M quads that takes about half the time."""
    under_root = under(root)
    return f"""SELECT ?s ?p ?o ?plabel WHERE {{
  {{ SELECT DISTINCT ?p ?plabel WHERE {{ {under_root} OPTIONAL {{ ?p <{RDFS.label}> ?plabel }} }} }}
  {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {under_root} . ?s ?p ?o }} }} }}"""


FACTS = facts_query(KG.relatedTo)


def load_graph(store: GraphStore) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for row in store.query(ENTITIES):
        from rdflib import URIRef

        g.add_node(row["e"].value, label=row["label"].value,
                   type=TYPE_OF_CLASS.get(URIRef(row["type"].value), "Entity"))
    for row in store.query(FACTS):
        s, o = row["s"].value, row["o"].value
        if s in g and o in g:
            label = row["plabel"].value if row["plabel"] else row["p"].value.rsplit("/", 1)[-1]
            g.add_edge(s, o, key=row["p"].value, predicate=row["p"].value, label=label)
    return g


def subgraph_around(g: nx.MultiDiGraph, node: str, hops: int) -> nx.MultiDiGraph:
    keep = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, cutoff=hops)
    return g.subgraph(keep).copy()


def subgraph_from_query(g: nx.MultiDiGraph, result) -> nx.MultiDiGraph:
    """The part of the graph a query result chooses. CONSTRUCT: the nodes and edges it returns;
    SELECT: the IRIs it binds."""
    if isinstance(result, ox.QuerySolutions):
        nodes = {term.value for row in result for term in row if isinstance(term, ox.NamedNode)}
        return g.subgraph(nodes & set(g)).copy()
    if isinstance(result, ox.QueryTriples):
        sub = nx.MultiDiGraph()
        for t in result:
            s, p, o = t.subject.value, t.predicate.value, getattr(t.object, "value", None)
            for n in (s, o):
                if n in g:
                    sub.add_node(n, **g.nodes[n])
            if s in g and o in g and g.has_edge(s, o, key=p):
                sub.add_edge(s, o, key=p, **g.edges[s, o, p])
        return sub
    raise ValueError("a subgraph query must be a CONSTRUCT or a SELECT")
