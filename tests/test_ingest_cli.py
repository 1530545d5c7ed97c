"""`kg ingest` through the installed entry point: formats, errors, idempotence, persistence."""

from __future__ import annotations

import json
import subprocess

from conftest import KG, run_kg

ARTICLE = ("The Chilean astronomer Ana Fuentes visited Japan in May. "
           "Fuentes studied physics at Kyoto University, which was founded in 1897.")


def count_documents(store) -> int:
    out = run_kg(store, "query", "SELECT (COUNT(?d) AS ?n) WHERE { GRAPH ?d { ?d a kg:Document } }", "--format", "json")
    return int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"])


def test_text_markdown_html_jsonl_and_stdin(store, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.md").write_text("# Trade talks\n\nThe Kenyan minister Ruth Wanjiru visited Brazil in June.\n")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Port deal</title><script>var Hidden = 'Evil Corp acquired Nobody';</script>"
        "<style>.x{}</style></head><body><article><p>The Dutch firm Havenco signed a contract with Ghana "
        "in March. Havenco chief executive Piet Mulder visited Accra to sign the deal with the Ghanaian "
        "government, and he said the port would open in 2027.</p></article></body></html>")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": "Norway's prime minister visited Canada.", "title": "Visit", "date": "2026-01-02"})
        + "\n" + json.dumps({"text": "The Canadian company Maplex acquired Fjordtek."}) + "\n")
    proc = run_kg(store, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.md"), str(tmp_path / "c.html"),
                  str(tmp_path / "d.jsonl"))
    assert "5 document(s) ingested" in proc.stdout
    run_kg(store, "ingest", "-", stdin="The Irish singer Maeve Byrne visited Portugal in April.")
    assert count_documents(store) == 6
    names = run_kg(store, "query", "SELECT ?n WHERE { ?e rdfs:label ?n }", "--format", "csv").stdout
    assert "Havenco" in names and "Ana Fuentes" in names
    assert "Evil Corp" not in names and "Hidden" not in names      # script text never becomes facts
    titles = run_kg(store, "query", "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }", "--format", "csv").stdout
    assert "Port deal" in titles and "Visit" in titles
    dated = run_kg(store, "query", "ASK { ?d <https://schema.org/datePublished> ?t FILTER(?t = xsd:date('2026-01-02')) }")
    assert dated.stdout.strip() == "true"      # typed, so dates compare as dates


def test_bad_files_are_reported_and_the_rest_ingested(store, tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "data.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "lines.jsonl").write_text('{"text": "Spain signed a treaty with Morocco."}\n{not json\n{"title": "no text"}\n'
                                          '{"text": "Peru signed a treaty with Chile.", "url": ["x"]}\n'
                                          '{"text": "Chad signed a treaty with Niger.", "date": "March 5, 2024"}\n')
    proc = run_kg(store, "ingest", str(tmp_path), str(tmp_path / "missing.txt"), check=False)
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert any("data.pdf" in e and "unsupported" in e for e in errors)
    assert any("lines.jsonl:2" in e and "invalid JSON" in e for e in errors)
    assert any("lines.jsonl:3" in e and "'text'" in e for e in errors)
    assert any("lines.jsonl:4" in e and "'url' must be a string" in e for e in errors)
    assert any("lines.jsonl:5" in e and "'date' must be an ISO 8601 date" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    assert "Traceback" not in proc.stderr
    assert count_documents(store) == 2


def test_reingest_is_idempotent_and_persists_across_processes(store, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    run_kg(store, "ingest", str(tmp_path / "a.txt"))
    before = run_kg(store, "export", "--format", "nquads").stdout
    again = run_kg(store, "ingest", str(tmp_path / "a.txt"))
    assert "0 document(s) ingested, 1 unchanged" in again.stdout
    after = run_kg(store, "export", "--format", "nquads").stdout
    assert sorted(before.splitlines()) == sorted(after.splitlines())
    ask = run_kg(store, "query", "ASK { ?p rdfs:label 'Ana Fuentes' ; rel:visit ?c . ?c rdfs:label 'Japan' }")
    assert ask.stdout.strip() == "true"


def test_store_path_that_is_a_file_is_a_clear_error(tmp_path):
    bogus = tmp_path / "file"
    bogus.write_text("x")
    proc = run_kg(bogus, "stats", check=False)
    assert proc.returncode != 0
    assert "is a file" in proc.stderr and "Traceback" not in proc.stderr


def test_stats_reports_documents_entities_and_predicates(example_store):
    figures = json.loads(run_kg(example_store, "stats", "--json").stdout)
    assert figures["documents"] == 4
    assert figures["entities_by_type"].get("Person", 0) >= 3
    assert figures["facts"] > 10
    assert figures["top_predicates"]
    text = run_kg(example_store, "stats").stdout
    assert "documents: 4" in text and "top predicates:" in text


def test_export_to_an_unwritable_path_is_one_line(example_store, tmp_path):
    proc = run_kg(example_store, "export", "--format", "turtle", "-o", str(tmp_path / "missing" / "x.ttl"), check=False)
    assert proc.returncode == 1
    assert "cannot write" in proc.stderr and "Traceback" not in proc.stderr


def test_counts_out_of_range_are_usage_errors_and_store_nothing(store, tmp_path):
    """A batch holds at least one document; 0 parser processes means parsing in kg's own."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    for option, value in (("--batch-size", "0"), ("--workers", "-1")):
        proc = run_kg(store, "ingest", option, value, str(article), check=False)
        assert proc.returncode == 2 and option in proc.stderr and "Traceback" not in proc.stderr
    assert run_kg(store, "ingest", "--workers", "0", str(article)).returncode == 0 and count_documents(store) == 1


def test_a_pipeline_without_a_parser_is_one_line(store, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    proc = run_kg(store, "ingest", "--model", "blank:en", str(article), check=False)
    assert proc.returncode == 1 and "no parser" in proc.stderr and "Traceback" not in proc.stderr


def test_a_folder_without_articles_is_an_error(store, tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run_kg(store, "ingest", str(tmp_path / "empty"), check=False)
    assert proc.returncode == 1 and "no articles found" in proc.stderr


def test_a_url_that_is_no_sparql_store_is_refused(tmp_path):
    proc = subprocess.run([KG, "--store", "http://127.0.0.1:1/x", "stats"], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert proc.returncode == 1 and "sparql+http" in proc.stderr
    assert not any(tmp_path.iterdir())                  # no directory named "http:" made in its place


def test_serve_refuses_a_port_or_time_limit_out_of_range(store):
    for option, value in (("--port", "99999"), ("--timeout", "0")):
        proc = run_kg(store, "serve", option, value, check=False)
        assert proc.returncode == 2 and option in proc.stderr and "Traceback" not in proc.stderr
