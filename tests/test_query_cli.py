"""`kg query`: the four query forms, the output formats, query sources and the error path."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree

from conftest import EXAMPLES, run_kg
from rdflib import Graph


def test_select_as_standard_json(example_store):
    out = run_kg(example_store, "query", "SELECT ?e ?n WHERE { ?e a kg:Person ; rdfs:label ?n }", "--format", "json")
    data = json.loads(out.stdout)
    assert data["head"]["vars"] == ["e", "n"]
    assert data["results"]["bindings"] and all(b["e"]["type"] == "uri" for b in data["results"]["bindings"])


def test_select_csv_tsv_and_table(example_store):
    q = "SELECT ?n WHERE { ?e a kg:Country ; rdfs:label ?n } ORDER BY ?n"
    rows = list(csv.reader(io.StringIO(run_kg(example_store, "query", q, "--format", "csv").stdout)))
    assert rows[0] == ["n"] and ["Canada"] in rows
    assert run_kg(example_store, "query", q, "--format", "tsv").stdout.startswith("?n")
    table = run_kg(example_store, "query", q).stdout
    assert "Canada" in table and "row" in table.splitlines()[-1]


def test_select_as_standard_xml(example_store):
    q = "SELECT ?n WHERE { ?e a kg:Country ; rdfs:label ?n } ORDER BY ?n"
    root = ElementTree.fromstring(run_kg(example_store, "query", q, "--format", "xml").stdout)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["n"]
    assert "Canada" in [lit.text for lit in root.findall("r:results/r:result/r:binding/r:literal", ns)]


def test_the_store_option_wins_over_the_environment_and_version_prints(example_store, tmp_path):
    empty = tmp_path / "elsewhere"
    q = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"
    named = run_kg(empty, "--store", str(example_store), "query", q, "--format", "csv").stdout.splitlines()
    assert int(named[1]) > 0                   # KG_STORE points at an empty directory; --store is read
    assert run_kg(example_store, "--version").stdout.startswith("kg, version ")


def test_ask_construct_describe(example_store):
    assert run_kg(example_store, "query", "ASK { ?s a kg:Document }").stdout.strip() == "true"
    assert run_kg(example_store, "query", "ASK { ?s a kg:Nothing }").stdout.strip() == "false"
    ttl = run_kg(example_store, "query", "CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e a kg:Person ; rdfs:label ?n }").stdout
    assert len(Graph().parse(data=ttl, format="turtle")) > 0
    described = run_kg(example_store, "query", "DESCRIBE ?e WHERE { ?e a kg:Person } LIMIT 1").stdout
    assert len(Graph().parse(data=described, format="turtle")) > 0


def test_query_from_file_and_stdin(example_store):
    for rq in sorted((EXAMPLES / "queries").glob("*.rq")):
        proc = run_kg(example_store, "query", f"@{rq}")
        assert proc.returncode == 0, rq
    out = run_kg(example_store, "query", "-", stdin="ASK { ?d a kg:Document }")
    assert out.stdout.strip() == "true"


def test_syntax_error_exits_2_with_engine_message(example_store):
    proc = run_kg(example_store, "query", "SELECT ?x WHERE { ?x ", check=False)
    assert proc.returncode == 2
    assert "SPARQL syntax" in proc.stderr and "error at" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_query_that_is_not_utf8_is_one_line(example_store, tmp_path):
    raw = tmp_path / "bin.rq"
    raw.write_bytes(b'ASK { ?s ?p "\xff" }')
    proc = run_kg(example_store, "query", f"@{raw}", check=False)
    assert proc.returncode == 1 and "not UTF-8" in proc.stderr and "Traceback" not in proc.stderr


def test_export_with_a_broken_subgraph_query_is_one_line(example_store, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x")
    proc = run_kg(example_store, "export", "--format", "graphml", "--query", str(bad), check=False)
    assert proc.returncode == 1 and "SPARQL syntax" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_csv_rows_end_once(example_store):
    out = run_kg(example_store, "query", "SELECT ?n WHERE { ?e a kg:Country ; rdfs:label ?n } LIMIT 2",
                 "--format", "csv").stdout
    assert out.endswith("\n") and not out.endswith("\n\n")        # text mode reads CRLF as \n


def test_export_with_a_query_that_chooses_no_entity_is_an_error(example_store, tmp_path):
    labels = tmp_path / "labels.rq"
    labels.write_text("SELECT ?n WHERE { ?e rdfs:label ?n }")
    out = tmp_path / "g.graphml"
    proc = run_kg(example_store, "export", "--format", "graphml", "--query", str(labels), "-o", str(out), check=False)
    assert proc.returncode == 1 and "chose no entity" in proc.stderr and not out.exists()


def test_export_of_the_subgraph_a_query_chooses(example_store, tmp_path):
    visits = tmp_path / "visits.rq"
    visits.write_text("CONSTRUCT { ?a rel:visit ?b } WHERE { ?a rel:visit ?b }")
    out = tmp_path / "visits.graphml"
    run_kg(example_store, "export", "--format", "graphml", "--query", str(visits), "-o", str(out))
    text = out.read_text()
    assert "Helen Marchetti" in text and "Manila" in text and "Hanbit Chem" not in text
