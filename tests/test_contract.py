"""The RDF contract, checked on a parsed export of a real store."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from conftest import ROOT, run_kg
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS

KG = "https://w3id.org/kg-news/ontology#"
KGN = lambda s: URIRef(KG + s)  # noqa: E731
DESCRIPTION = URIRef("https://schema.org/disambiguatingDescription")


@pytest.fixture(scope="module")
def exported(example_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "all.nq"
    run_kg(example_store, "export", "--format", "nquads", "-o", str(path))
    ds = Dataset(default_union=True)
    ds.parse(path, format="nquads")
    return ds


def fact_predicates(ds) -> dict[URIRef, URIRef]:
    roots = {KGN("relatedTo"), KGN("hasAttribute")}
    found: dict[URIRef, URIRef] = {}
    frontier = {r: r for r in roots}
    while frontier:
        nxt = {}
        for p, root in frontier.items():
            for sub in ds.subjects(RDFS.subPropertyOf, p):
                if sub not in found:
                    found[sub] = root
                    nxt[sub] = root
        frontier = nxt
    return found


def test_export_stands_alone_with_the_ontology(exported):
    assert (KGN("Person"), OWL.equivalentClass, URIRef("https://schema.org/Person")) in exported
    assert (KGN("relatedTo"), RDF.type, OWL.ObjectProperty) in exported


def test_every_fact_predicate_is_declared_and_labelled(exported):
    preds = fact_predicates(exported)
    used = {p for p in preds if any(True for _ in exported.triples((None, p, None)))}
    assert len(used) >= 5
    for p in used:
        assert list(exported.objects(p, RDFS.label)), p
    for s, p, o in exported.triples((None, None, None)):
        if p in preds:
            assert isinstance(o, Literal) == (preds[p] == KGN("hasAttribute")), (s, p, o)


def test_every_entity_has_type_one_label_and_readable_iri(exported):
    entities = set(exported.objects(None, KGN("mentions")))
    assert entities
    for e in entities:
        assert list(exported.objects(e, RDF.type)), e
        assert len(set(exported.objects(e, RDFS.label))) == 1, e
        assert re.fullmatch(r"https://w3id\.org/kg-news/id/[a-z]+/[a-z0-9-]+", str(e)), e


def test_places_link_to_geonames(exported):
    canada = next(exported.subjects(RDFS.label, Literal("Canada")))
    assert any(str(o).startswith("https://sws.geonames.org/") for o in exported.objects(canada, OWL.sameAs))


def test_documents_and_named_graphs(exported):
    docs = set(exported.subjects(RDF.type, KGN("Document")))
    assert len(docs) == 4
    for d in docs:
        assert list(exported.objects(d, KGN("contentHash")))
        assert list(exported.objects(d, KGN("ingestedAt")))
        assert len(exported.graph(d)) > 0                       # the document's own named graph


def test_a_description_is_no_fact_but_is_declared(exported):
    assert (None, DESCRIPTION, Literal("chemical company")) in exported     # "chemical company Hanbit Chem"
    assert DESCRIPTION not in fact_predicates(exported)
    assert exported.value(DESCRIPTION, RDFS.label) == Literal("description")


def test_every_fact_and_description_has_a_provenance_statement(exported):
    preds = set(fact_predicates(exported)) | {DESCRIPTION}
    for g in exported.graphs():
        if (g.identifier, RDF.type, KGN("Document")) not in g:
            continue
        for s, p, o in g:
            if p not in preds:
                continue
            statements = [st for st in g.subjects(RDF.subject, s)
                          if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g]
            assert statements, (s, p, o)
            st = statements[0]
            assert (st, PROV.wasDerivedFrom, g.identifier) in g
            sentence = str(g.value(st, KGN("sentence")))
            start, end = int(g.value(st, KGN("startOffset"))), int(g.value(st, KGN("endOffset")))
            assert 0 <= start < end and sentence
            assert 0 < float(g.value(st, KGN("confidence"))) <= 1
            assert g.value(st, KGN("rule")) is not None


def test_why_query_explains_a_fact(example_store):
    out = run_kg(example_store, "query", f"@{ROOT / 'examples/queries/why.rq'}", "--format", "csv").stdout
    lines = out.strip().splitlines()
    assert len(lines) >= 2 and "visit" in out.lower()


@pytest.mark.parametrize("fmt,parser", [("turtle", "turtle"), ("trig", "trig"), ("nt", "nt"), ("json-ld", "json-ld")])
def test_rdf_exports_parse(example_store, tmp_path, fmt, parser):
    path = tmp_path / f"out.{fmt}"
    run_kg(example_store, "export", "--format", fmt, "-o", str(path))
    g = Dataset() if fmt in ("trig", "json-ld") else Graph()
    g.parse(path, format=parser)
    assert len(g) > 100 if fmt not in ("trig", "json-ld") else sum(len(x) for x in g.graphs()) > 100


def test_graphml_export(example_store, tmp_path):
    path = tmp_path / "g.graphml"
    run_kg(example_store, "export", "--format", "graphml", "-o", str(path))
    g = nx.read_graphml(path)
    assert g.number_of_nodes() > 5 and g.number_of_edges() > 3
    assert all("label" in data for _, data in g.nodes(data=True))


def test_html_export_is_self_contained(example_store, tmp_path):
    path = tmp_path / "g.html"
    run_kg(example_store, "export", "--format", "html", "-o", str(path))
    html = path.read_text()
    assert "vis.Network" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)


def test_store_conforms_to_the_shacl_shapes(exported):
    """ontologies/shapes.ttl states the contract; the real export must conform (pyshacl)."""
    from pyshacl import validate

    data = Graph()
    for g in exported.graphs():
        for t in g:
            data.add(t)
    shapes = Graph().parse(ROOT / "ontologies" / "shapes.ttl", format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text[:2000]
