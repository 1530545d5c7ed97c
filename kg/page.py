"""Entity graph -> one self-contained HTML page (vis-network from pyvis, inlined; no network)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from .store import GraphStore

PYVIS_LIB = Path(__import__("pyvis").__file__).parent / "templates" / "lib" / "vis-9.1.2"
TEMPLATE = Path(__file__).parent / "templates" / "page.html"
TYPE_COLOURS = {
    "Person": "#4e79a7", "Organization": "#f28e2b", "Country": "#59a14f", "City": "#8cd17d",
    "Place": "#b6992d", "Facility": "#499894", "Event": "#e15759", "Work": "#b07aa1", "Product": "#ff9da7",
    "Law": "#9c755f", "Group": "#bab0ac", "Language": "#d37295", "Entity": "#79706e",
}


def build_network(graph: nx.MultiDiGraph) -> Network:
    """pyvis nodes and edges: colour by type, size by degree, labels from predicate labels."""
    net = Network(directed=True)
    degree = dict(graph.degree())
    for node, data in graph.nodes(data=True):
        kind = data.get("type", "Entity")
        net.add_node(node, label=data.get("label", node), color=TYPE_COLOURS.get(kind, "#79706e"),
                     size=10 + 4 * min(degree.get(node, 0), 15), group=kind)
    for s, o, data in graph.edges(data=True):
        net.add_edge(s, o, label=data.get("label", ""), arrows="to")
    return net


def render_page(store: GraphStore, graph: nx.MultiDiGraph) -> str:
    net = build_network(graph)
    data = {"nodes": net.nodes, "edges": net.edges, "colours": TYPE_COLOURS}
    html = TEMPLATE.read_text(encoding="utf-8")
    payload = json.dumps(data, ensure_ascii=True).replace("</", "<\\/")
    return (html.replace("/*VIS_CSS*/", (PYVIS_LIB / "vis-network.css").read_text(encoding="utf-8"))
                .replace("/*VIS_JS*/", (PYVIS_LIB / "vis-network.min.js").read_text(encoding="utf-8"))
                .replace("/*GRAPH_DATA*/null", payload))
