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
from pathlib import Path

import pytest
from conftest import EXAMPLES, free_port, run_kg, stop_process
from rdflib import Dataset, Graph

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")

FACTS = """SELECT DISTINCT ?s ?p ?o WHERE {
  { ?p rdfs:subPropertyOf+ kg:relatedTo } UNION { ?p rdfs:subPropertyOf+ kg:hasAttribute }
  GRAPH ?g { ?s ?p ?o } }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`oxigraph serve` on a free loopback port with a fresh on-disk location; its store URL."""
    if OXIGRAPH is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the `oxigraph` server executable is missing (pip install oxigraph)")
        pytest.skip("the `oxigraph` server executable is missing (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph") / "db"
    port = free_port()
    log = open(location.parent / "server.log", "wb")
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
                pytest.fail(f"oxigraph serve did not start: {(location.parent / 'server.log').read_text()}")
            time.sleep(0.1)
    try:
        yield f"sparql+http://127.0.0.1:{port}"
    finally:
        stop_process(proc, timeout=10)
        log.close()


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
