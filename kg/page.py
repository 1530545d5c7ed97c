"""Entity graph -> one self-contained HTML page (vis-network from pyvis, inlined; no network).

The page embeds everything it shows as one JSON document: nodes and edges (built with pyvis'
`Network`), names and aliases, owl:sameAs links, the source articles and which entities each
mentions, literal-valued facts and, for every fact, the sentences it came from (provenance).
All of it is untrusted text: the page only ever puts it in the DOM with textContent.

Above LAYOUT_THRESHOLD nodes the layout is computed here (numpy, a sampled force layout per
connected component, components packed on shelves) and the browser draws with physics off.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import numpy as np
from pyvis.network import Network

from .graphview import facts_query
from .namespaces import ENTITY_GRAPH, KG, OWL, PROV, RDF, SCHEMA, SKOS
from .store import GraphStore

# "the ferry operator X": not a fact (not under kg:hasAttribute), shown under the entity's type
DESCRIPTIONS = f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{SCHEMA.disambiguatingDescription}> ?o }} ORDER BY ?s ?o"

PYVIS_LIB = Path(__import__("pyvis").__file__).parent / "templates" / "lib" / "vis-9.1.2"
TEMPLATE = Path(__file__).parent / "templates" / "page.html"
TYPE_COLOURS = {
    "Person": "#4e79a7", "Organization": "#f28e2b", "Country": "#59a14f", "City": "#8cd17d",
    "Place": "#b6992d", "Facility": "#499894", "Event": "#e15759", "Work": "#b07aa1", "Product": "#ff9da7",
    "Law": "#9c755f", "Group": "#bab0ac", "Language": "#d37295", "Entity": "#79706e",
}
LAYOUT_THRESHOLD = 1000          # above this many nodes: layout in Python, physics off in the browser
NODE_SPACING = 70                # pixels per node (square root of the area each node gets)
DCTERMS_TITLE = "http://purl.org/dc/terms/title"


# --------------------------------------------------------------------------- network + layout

class _NodeIds(list):
    """pyvis keeps node ids in a list and tests membership on every add_node/add_edge (O(n^2)
    for a whole graph); a list with a set beside it keeps that linear."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item) -> bool:
        return item in self._members


def build_network(graph: nx.MultiDiGraph, positions: dict | None = None) -> Network:
    """pyvis nodes and edges: colour by type, size by degree, labels from predicate labels."""
    net = Network(directed=True)   # (pyvis drops `color` when `group` is given, so the type is `kind`)
    net.node_ids = _NodeIds()
    degree = dict(graph.degree())
    top = max(degree.values(), default=0) or 1
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "Entity")
        extra = {}
        if positions is not None and node in positions:
            x, y = positions[node]
            extra = {"x": round(float(x), 1), "y": round(float(y), 1), "physics": False}
        net.add_node(node, label=data.get("label", node), color=TYPE_COLOURS.get(kind, "#79706e"),
                     size=round(8 + 24 * math.sqrt(degree.get(node, 0) / top), 1), kind=kind, **extra)
    for s, o, data in graph.edges(data=True):
        net.add_edge(s, o, label=data.get("label", ""), arrows="to", predicate=data.get("predicate", ""))
    return net


def layout_positions(graph: nx.Graph, seed: int = 1, iterations: int = 40) -> dict:
    """Pixel positions for every node: a cheap force layout per connected component (repulsion
    against a random sample of nodes, attraction along edges; O(n*k + m) per iteration, numpy
    only), components packed in rows, biggest first."""
    rng = np.random.default_rng(seed)
    undirected = nx.Graph(graph)
    components = sorted(nx.connected_components(undirected), key=len, reverse=True)
    placed: list[tuple[list, np.ndarray, float]] = []
    for comp in components:
        nodes = list(comp)
        pos = _component_layout(undirected, nodes, rng, iterations)
        radius = max(float(np.abs(pos).max()) if len(nodes) > 1 else 0.0, 0.5 * NODE_SPACING)
        placed.append((nodes, pos, radius))
    # shelf packing: rows about as wide as the square root of the total area
    total = sum((2 * r + NODE_SPACING) ** 2 for _, _, r in placed)
    row_width = max(math.sqrt(total), 2 * placed[0][2] + NODE_SPACING) if placed else 0
    out: dict = {}
    x = y = row_height = 0.0
    for nodes, pos, r in placed:
        cell = 2 * r + NODE_SPACING
        if x > 0 and x + cell > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centre = np.array([x + cell / 2, y + cell / 2])
        for node, p in zip(nodes, pos + centre):
            out[node] = (float(p[0]), float(p[1]))
        x += cell
        row_height = max(row_height, cell)
    if out:   # centre the drawing on the origin
        cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
        cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
        out = {n: (p[0] - cx, p[1] - cy) for n, p in out.items()}
    return out


def _component_layout(g: nx.Graph, nodes: list, rng, iterations: int) -> np.ndarray:
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]]) * NODE_SPACING
    if n <= 300:
        pos = nx.spring_layout(g.subgraph(nodes), seed=int(rng.integers(1 << 30)), iterations=50)
        arr = np.array([pos[v] for v in nodes])
        arr -= arr.mean(axis=0)
        scale = NODE_SPACING * math.sqrt(n) / 2 / (np.abs(arr).max() or 1)
        return arr * scale
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in g.subgraph(nodes).edges() if a != b], dtype=np.int64)
    side = NODE_SPACING * math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    k = NODE_SPACING                                  # ideal edge length
    sample = min(n, 64)
    temperature = side / 10
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        # repulsion: every node against a random sample, scaled up to stand for all nodes
        others = rng.choice(n, size=sample, replace=False)
        delta = pos[:, None, :] - pos[None, others, :]                  # n x sample x 2
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1.0)
        disp += (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * (n / sample)
        # attraction along edges
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.sqrt((d ** 2).sum(axis=1)), 0.01)
            f = d * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -f)
            np.add.at(disp, edges[:, 1], f)
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 0.01)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.9
    pos -= pos.mean(axis=0)
    return pos


# --------------------------------------------------------------------------- data for the page

def page_data(graph: nx.MultiDiGraph, store: GraphStore | None = None, layout: bool | None = None) -> dict:
    """Everything the page shows, as plain JSON-able data. Without a store (benchmarks, tests)
    only the graph itself is used; with one, aliases, sameAs, documents and provenance too."""
    if layout is None:
        layout = graph.number_of_nodes() > LAYOUT_THRESHOLD
    net = build_network(graph, layout_positions(graph) if layout else None)
    nodes = [{"id": n["id"], "label": n["label"], "color": n["color"], "size": n["size"], "group": n["kind"],
              **({"x": n["x"], "y": n["y"]} if "x" in n else {})} for n in net.nodes]
    facts: list[list] = []          # [subject, predicate, predicate label, object, object is an entity]
    fact_index: dict[tuple[str, str, str], int] = {}

    def fact(s: str, p: str, plabel: str, o: str, is_entity: bool) -> int:
        key = (s, p, o)
        if key not in fact_index:
            fact_index[key] = len(facts)
            facts.append([s, p, plabel, o, is_entity])
        return fact_index[key]

    edges = []
    for e in net.edges:
        p = e.get("predicate", "")
        edges.append({"from": e["from"], "to": e["to"], "label": e.get("label", ""),
                      "fact": fact(e["from"], p, e.get("label", ""), e["to"], True)})
    data = {"nodes": nodes, "edges": edges, "facts": facts, "colours": TYPE_COLOURS,
            "physics": not layout, "aliases": {}, "descriptions": {}, "sameAs": {}, "docs": [], "mentions": {},
            "prov": {}, "endpoint": None}
    if store is not None:
        _add_store_data(data, graph, store, fact)
    return data


def _add_store_data(data: dict, graph: nx.MultiDiGraph, store: GraphStore, fact) -> None:
    present = set(graph)
    for row in store.query(f"SELECT ?e ?a WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e <{SKOS.altLabel}> ?a }} }}"):
        if row["e"].value in present:
            data["aliases"].setdefault(row["e"].value, []).append(row["a"].value)
    for row in store.query(f"SELECT ?e ?x WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e <{OWL.sameAs}> ?x }} }}"):
        if row["e"].value in present:
            data["sameAs"].setdefault(row["e"].value, []).append(row["x"].value)
    doc_index: dict[str, int] = {}
    for row in store.query(f"""SELECT ?d (SAMPLE(?t) AS ?title) WHERE {{ GRAPH ?d {{ ?d a <{KG.Document}> }}
            OPTIONAL {{ ?d <{DCTERMS_TITLE}> ?t }} }} GROUP BY ?d ORDER BY ?title ?d"""):
        doc_index[row["d"].value] = len(data["docs"])
        title = row["title"].value if row["title"] else row["d"].value.rsplit("/", 1)[-1]
        data["docs"].append({"id": row["d"].value, "title": title})
    for row in store.query(f"SELECT DISTINCT ?d ?e WHERE {{ GRAPH ?d {{ ?d <{KG.mentions}> ?e }} }}"):
        if row["e"].value in present and row["d"].value in doc_index:
            data["mentions"].setdefault(row["e"].value, []).append(doc_index[row["d"].value])
    # literal-valued facts (attributes) of the entities on the page
    for row in store.query(facts_query(KG.hasAttribute)):
        s, p = row["s"].value, row["p"].value
        if s in present:
            fact(s, p, row["plabel"].value if row["plabel"] else p.rsplit("/", 1)[-1], row["o"].value, False)
    for row in store.query(DESCRIPTIONS):                  # what sort of thing each is: shown, not a fact
        if row["s"].value in present:
            data["descriptions"].setdefault(row["s"].value, []).append(row["o"].value)
    provenance = f"""SELECT ?s ?p ?o ?sentence ?rule ?confidence ?doc WHERE {{ GRAPH ?g {{
      ?st a <{RDF.Statement}> ; <{RDF.subject}> ?s ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o ;
          <{KG.sentence}> ?sentence ; <{PROV.wasDerivedFrom}> ?doc .
      OPTIONAL {{ ?st <{KG.rule}> ?rule }} OPTIONAL {{ ?st <{KG.confidence}> ?confidence }} }} }}"""
    index = {(f[0], f[1], f[3]): i for i, f in enumerate(data["facts"])}
    for row in store.query(provenance):
        i = index.get((row["s"].value, row["p"].value, row["o"].value))
        if i is None:
            continue
        confidence = row["confidence"]
        entry = [row["sentence"].value, doc_index.get(row["doc"].value, -1),
                 row["rule"].value if row["rule"] else "",
                 round(float(confidence.value), 3) if confidence else None]
        sources = data["prov"].setdefault(str(i), [])
        if entry not in sources:
            sources.append(entry)


# --------------------------------------------------------------------------- HTML

def to_json(data: dict) -> str:
    """JSON safe inside a <script> element: no '<' at all (so no '</script>' and no '<!--')."""
    return (json.dumps(data, ensure_ascii=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def render_html(data: dict, served: bool = False) -> str:
    """The page for `data` (from page_data). `served` pages may POST queries to their own /sparql."""
    if served:
        data = {**data, "endpoint": data.get("endpoint") or "sparql"}
    html = TEMPLATE.read_text(encoding="utf-8")
    connect = "'self'" if served else "'none'"
    head, rest = html.split("/*VIS_CSS*/", 1)
    middle, tail = rest.split("/*VIS_JS*/", 1)
    before, after = tail.split("/*GRAPH_DATA*/", 1)
    return "".join([head.replace("__CONNECT_SRC__", connect),
                    (PYVIS_LIB / "vis-network.css").read_text(encoding="utf-8"), middle,
                    (PYVIS_LIB / "vis-network.min.js").read_text(encoding="utf-8"), before,
                    to_json(data), after])


def render_page(store: GraphStore, graph: nx.MultiDiGraph, served: bool = False) -> str:
    return render_html(page_data(graph, store), served=served)
