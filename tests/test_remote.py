"""The remote store: a real `oxigraph serve` on a loopback port, driven through the real `kg` CLI,
must hold the same facts as the embedded store built from the same articles."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import EXAMPLES, free_port, run_kg, stop_process
from rdflib import Dataset, Graph

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")

FACTS = """SELECT DISTINCT ?s ?p ?o WHERE {
  { ?p rdfs:subPropertyOf+ kg:relatedTo } UNION { ?p rdfs:subPropertyOf+ kg:hasAttribute }
  GRAPH ?g { ?s ?p ?o } }"""


@contextmanager
def _oxigraph_server(workdir: Path):
    """`oxigraph serve` on a free loopback port with a fresh on-disk location; yields its store URL."""
    if OXIGRAPH is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the `oxigraph` server executable is missing (pip install oxigraph)")
        pytest.skip("the `oxigraph` server executable is missing (pip install oxigraph)")
    location = workdir / "db"
    port = free_port()
    with open(workdir / "server.log", "wb") as log:
        proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    proc.wait()
                    pytest.fail(f"oxigraph serve did not start: {(workdir / 'server.log').read_text()}")
                time.sleep(0.1)
        try:
            yield f"sparql+http://127.0.0.1:{port}"
        finally:
            stop_process(proc, timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server shared by this module's tests (the example articles go into it)."""
    with _oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture
def empty_server(tmp_path_factory):
    """A server of its own for a test that must start from an empty store."""
    with _oxigraph_server(tmp_path_factory.mktemp("oxigraph-empty")) as url:
        yield url


@pytest.fixture(scope="module")
def remote(server):
    """The server's store with the example articles ingested through the CLI."""
    out = run_kg(server, "ingest", str(EXAMPLES / "articles"))
    assert "4 document(s) ingested" in out.stdout
    return server


def _facts(store) -> set[tuple[str, str, str]]:
    data = json.loads(run_kg(store, "query", FACTS, "--format", "json").stdout)
    return {tuple(b[v]["value"] for v in ("s", "p", "o")) for b in data["results"]["bindings"]}


def test_remote_holds_the_same_facts_as_embedded(remote, example_store):
    remote_facts = _facts(remote)
    assert remote_facts, "no facts were extracted into the remote store"
    assert remote_facts == _facts(example_store)


def test_reingest_is_idempotent(remote):
    out = run_kg(remote, "ingest", str(EXAMPLES / "articles"))
    assert "0 document(s) ingested, 4 unchanged" in out.stdout


def test_select_ask_and_construct(remote):
    q = "SELECT ?n WHERE { ?e a kg:Country ; rdfs:label ?n } ORDER BY ?n"
    rows = list(csv.reader(io.StringIO(run_kg(remote, "query", q, "--format", "csv").stdout)))
    assert rows[0] == ["n"] and ["Canada"] in rows
    table = run_kg(remote, "query", q).stdout
    assert "Canada" in table and "row" in table.splitlines()[-1]
    # union default graph: kg:Document triples live only in named graphs
    assert run_kg(remote, "query", "ASK { ?s a kg:Document }").stdout.strip() == "true"
    assert run_kg(remote, "query", "ASK { ?s a kg:Nothing }").stdout.strip() == "false"
    ttl = run_kg(remote, "query", "CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e a kg:Person ; rdfs:label ?n }").stdout
    assert len(Graph().parse(data=ttl, format="turtle")) > 0
    for rq in sorted((EXAMPLES / "queries").glob("*.rq")):
        assert run_kg(remote, "query", f"@{rq}").returncode == 0, rq


def test_stats_match_embedded(remote, example_store):
    r = json.loads(run_kg(remote, "stats", "--json").stdout)
    e = json.loads(run_kg(example_store, "stats", "--json").stdout)
    assert r["documents"] == 4
    for key in ("documents", "entities", "entities_by_type", "facts", "provenance_statements"):
        assert r[key] == e[key], key


def test_export_nquads_and_html(remote, example_store, tmp_path):
    out = tmp_path / "all.nq"
    run_kg(remote, "export", "--format", "nquads", "-o", str(out))
    embedded = run_kg(example_store, "export", "--format", "nquads").stdout
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(embedded.splitlines())
    nt = run_kg(remote, "export", "--format", "nt").stdout
    assert len(nt.splitlines()) == len(run_kg(example_store, "export", "--format", "nt").stdout.splitlines())
    ds = Dataset()
    ds.parse(out, format="nquads")
    graphs = {str(g.identifier) for g in ds.graphs()}
    assert "https://w3id.org/kg-news/graph/entities" in graphs
    assert "https://w3id.org/kg-news/graph/ontology" in graphs
    assert sum(1 for g in graphs if g.startswith("https://w3id.org/kg-news/doc/")) == 4
    page = tmp_path / "graph.html"
    run_kg(remote, "export", "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<html" in html.lower() and "Canada" in html


def test_syntax_error_exits_2_with_engine_message(remote):
    proc = run_kg(remote, "query", "SELECT ?x WHERE {\n ?x ", check=False)
    assert proc.returncode == 2
    assert "SPARQL syntax" in proc.stderr and "error at 2:" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unreachable_server_is_one_line(tmp_path):
    proc = run_kg(f"sparql+http://127.0.0.1:{free_port()}", "stats", check=False)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "cannot reach SPARQL server" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


# -- kg remove on a remote store ---------------------------------------------------------------

# Two articles of our own: both say Scholz visited Kenya and is chancellor of Germany (shared
# facts; Scholz, Kenya, Germany and Nairobi are shared entities); only the first names Ruto and
# Mombasa and calls him "Scholz" alone (its own entities, facts, surface form and merge evidence).
VISIT_A = ("Chancellor Olaf Scholz of Germany visited Kenya on Tuesday. Scholz met President William Ruto "
           "in Nairobi. Scholz later visited Mombasa.\n")
VISIT_B = "German Chancellor Olaf Scholz visited Kenya this week. The trip ended in Nairobi.\n"
ID = "https://w3id.org/kg-news/id/"
SCHOLZ, KENYA, RUTO, MOMBASA = (f"<{ID}person/olaf-scholz>", f"<{ID}place/kenya>",
                                f"<{ID}person/william-ruto>", f"<{ID}place/mombasa>")
ENTITIES = "https://w3id.org/kg-news/graph/entities"
DCT_SOURCE = "http://purl.org/dc/terms/source"
COUNTS = ("documents", "entities", "entities_by_type", "facts", "provenance_statements")


def _state(store) -> dict[str, set]:
    """What remove must get right: fact triples, the entity graph, and each document graph
    (without its ingest time stamp)."""
    def rows(q: str, names: str) -> set[tuple[str, ...]]:
        return {tuple(str(r[v]) for v in names) for r in store.query(q)}
    return {
        "facts": rows(FACTS, "spo"),
        "entities": rows(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ENTITIES}> {{ ?s ?p ?o }} }}", "spo"),
        "documents": rows("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                          "FILTER(STRSTARTS(STR(?g), STR(doc:)) && ?p != kg:ingestedAt) }", "gspo"),
    }


def _everything(store) -> set[tuple[str, ...]]:
    return {tuple(str(r[v]) for v in "gspo") for r in store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")}


def _facts_in(store, graph: str) -> set[tuple[str, ...]]:
    return {tuple(str(r[v]) for v in "spo") for r in store.query(FACTS.replace("GRAPH ?g", f"GRAPH <{graph}>"))}


def _mentioned_by(store, doc: str) -> set[str]:
    return {str(r["e"]) for r in store.query(f"SELECT ?e WHERE {{ GRAPH <{doc}> {{ <{doc}> kg:mentions ?e }} }}")}


def _statements_in(store, doc: str) -> int:
    return int(next(iter(store.query(f"SELECT (COUNT(?s) AS ?n) WHERE {{ GRAPH <{doc}> {{ ?s a rdf:Statement }} }}")))["n"].value)


def _derived_from(store, s: str, p: str, o: str) -> set[str]:
    return {r["d"].value for r in store.query(
        f"SELECT ?d WHERE {{ ?st rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ; prov:wasDerivedFrom ?d }}")}


def test_remove_on_remote_store_matches_embedded(empty_server, tmp_path):
    from kg.api import ingest, remove_documents, stats
    from kg.readers import read_file
    from kg.remote import RemoteStore
    from kg.store import EmbeddedStore

    a, b = tmp_path / "scholz-a.txt", tmp_path / "scholz-b.txt"
    a.write_text(VISIT_A)
    b.write_text(VISIT_B)
    run_kg(empty_server, "ingest", str(a), str(b))
    remote = RemoteStore(empty_server)
    doc_a, doc_b = (next(iter(remote.query(f"SELECT ?d WHERE {{ ?d <{DCT_SOURCE}> {json.dumps(str(p))} }}")))["d"].value
                    for p in (a, b))
    a_facts, b_facts = _facts_in(remote, doc_a), _facts_in(remote, doc_b)
    a_entities, b_entities = _mentioned_by(remote, doc_a), _mentioned_by(remote, doc_b)
    a_statements = _statements_in(remote, doc_a)
    # The articles do what the test needs: a shared fact and entity, and some of A's own.
    assert (SCHOLZ, "<https://w3id.org/kg-news/rel/visit>", KENYA) in a_facts & b_facts
    assert {SCHOLZ, KENYA} <= a_entities & b_entities and {RUTO, MOMBASA} <= a_entities - b_entities
    assert a_facts - b_facts
    assert remote.ask(f"ASK {{ GRAPH <{ENTITIES}> {{ {SCHOLZ} kg:resolvedBy ?why }} }}")   # 'Scholz' only in A
    before = json.loads(run_kg(empty_server, "stats", "--json").stdout)
    assert before["documents"] == 2
    original = _state(remote)

    # An unknown DOC (even next to a known one) is a one-line error, exit 1, and nothing goes.
    everything = _everything(remote)
    bad = run_kg(empty_server, "remove", str(a), "nothing-here.txt", check=False)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert [line for line in bad.stderr.splitlines() if line.strip()] == \
        ["Error: no document nothing-here.txt (nothing removed)"]
    assert _everything(remote) == everything

    out = run_kg(empty_server, "remove", str(a))
    assert "1 document(s) removed" in out.stdout and f"removed {doc_a} ({a})" in out.stderr

    # The shared fact and entities stay, supported by B alone; A's own facts, entities, surface
    # form and merge evidence are gone from every graph.
    assert remote.ask(f"ASK {{ {SCHOLZ} rel:visit {KENYA} }}")
    assert _derived_from(remote, SCHOLZ, "rel:visit", KENYA) == {doc_b}
    assert {d for d in (doc_a, doc_b) if SCHOLZ in _mentioned_by(remote, d)} == {doc_b}
    assert not remote.ask(f"ASK {{ GRAPH <{doc_a}> {{ ?s ?p ?o }} }}")
    after = _state(remote)
    assert after["facts"] == b_facts
    for gone in (RUTO, MOMBASA):
        assert not remote.ask(f"ASK {{ {{ ?s ?p {gone} }} UNION {{ {gone} ?p ?o }} }}"), gone
    assert not remote.ask("ASK { { ?e kg:surfaceForm 'Scholz' } UNION { ?e skos:altLabel 'Scholz' } }")
    assert not remote.ask(f"ASK {{ {SCHOLZ} kg:resolvedBy ?why }}")
    assert {s for (s, _, _) in after["entities"]} == b_entities

    # `kg stats` drops by exactly what only A said.
    figures = json.loads(run_kg(empty_server, "stats", "--json").stdout)
    assert figures["documents"] == 1
    assert figures["entities"] == before["entities"] - len(a_entities - b_entities)
    assert figures["facts"] == before["facts"] - len(a_facts - b_facts)
    assert figures["provenance_statements"] == before["provenance_statements"] - a_statements

    # The embedded store, given the same sequence, ends in the same state (and the same as an
    # embedded store that only ever saw B).
    embedded, only_b = EmbeddedStore(str(tmp_path / "embedded")), EmbeddedStore(str(tmp_path / "only-b"))
    try:
        ingest([item for p in (a, b) for item in read_file(p)], embedded)
        remove_documents(embedded, [str(a)])
        ingest(list(read_file(b)), only_b)
        assert after == _state(embedded) == _state(only_b)
        assert {k: figures[k] for k in COUNTS} == {k: stats(embedded)[k] for k in COUNTS}
    finally:
        embedded.close()
        only_b.close()

    # The other one too (by its IRI this time), then both again: back to where it started.
    run_kg(empty_server, "remove", doc_b)
    assert _state(remote) == {"facts": set(), "entities": set(), "documents": set()}
    assert "2 document(s) ingested" in run_kg(empty_server, "ingest", str(a), str(b)).stdout
    assert _state(remote) == original
