"""`kg remove`: a document's graph goes, entity descriptions are recomputed from what remains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_kg

from kg.api import RemoveError, ingest, remove_documents, stats
from kg.namespaces import ENTITY_GRAPH
from kg.readers import read_file
from kg.store import EmbeddedStore

A = ("The French president Emmanuel Macron visited Japan in May. "
     "Macron met the Japanese prime minister in Tokyo.\n")
B = ("Emmanuel Macron visited Japan last week. The French president also visited Toyota, "
     "the carmaker founded by Kiichiro Toyoda.\n")
ID = "https://w3id.org/kg-news/id/"
MACRON, JAPAN, TOKYO = f"<{ID}person/emmanuel-macron>", f"<{ID}place/japan>", f"<{ID}place/tokyo>"
VISIT = f"ASK {{ {MACRON} rel:visit {JAPAN} }}"


def quads(store, graph_filter: str = "") -> set[tuple[str, ...]]:
    """Entity-graph and document-graph quads, without the ingest time stamp."""
    rows = store.query(f"""SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(?p != kg:ingestedAt && (?g = <{ENTITY_GRAPH}> || STRSTARTS(STR(?g), STR(doc:)))) {graph_filter} }}""")
    return {tuple(str(row[v]) for v in ("s", "p", "o", "g")) for row in rows}


def entity_graph(store) -> set[tuple[str, ...]]:
    return {q for q in quads(store) if q[3] == f"<{ENTITY_GRAPH}>"}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A)
    b.write_text(B)
    return a, b


def fresh(tmp_path: Path, name: str, *paths: Path) -> EmbeddedStore:
    store = EmbeddedStore(str(tmp_path / name))
    ingest([item for p in paths for item in read_file(p)], store)
    return store


def doc_iri(store, source: Path) -> str:
    rows = list(store.query(f"SELECT ?d WHERE {{ ?d <http://purl.org/dc/terms/source> {json.dumps(str(source))} }}"))
    return rows[0]["d"].value


def test_remove_one_then_the_other_then_reingest(files, tmp_path):
    a, b = files
    store = fresh(tmp_path, "store", a, b)
    original = entity_graph(store)
    only_b = fresh(tmp_path, "only-b", b)
    doc_b = doc_iri(store, b)
    assert store.ask(VISIT)
    assert store.ask("ASK { ?e rdfs:label 'Tokyo' }")

    report = remove_documents(store, [str(a)])
    assert [src for _, src in report.documents] == [str(a)]
    assert report.entities_removed == 1                          # Tokyo: only article A named it
    # The shared fact stays, supported only by B; Tokyo is gone from every graph.
    assert store.ask(VISIT)
    derived = {row["d"].value for row in store.query(
        f"SELECT ?d WHERE {{ ?st rdf:subject {MACRON} ; rdf:predicate rel:visit ; "
        f"rdf:object {JAPAN} ; prov:wasDerivedFrom ?d }}")}
    assert derived == {doc_b}
    assert not store.ask("ASK { { ?e rdfs:label 'Tokyo' } UNION { ?e kg:surfaceForm 'Tokyo' } "
                         f"UNION {{ ?s ?p {TOKYO} }} UNION {{ {TOKYO} ?p ?o }} }}")
    assert not store.ask("ASK { ?e kg:surfaceForm 'Macron' }")
    # What is left is exactly what ingesting B alone gives: descriptions recomputed, evidence too.
    assert quads(store) == quads(only_b)
    figures = stats(store)
    assert figures["documents"] == 1 and figures["entities"] == stats(only_b)["entities"]

    remove_documents(store, [doc_b])
    assert entity_graph(store) == set()
    figures = stats(store)
    counts = [figures[k] for k in ("documents", "entities", "facts", "provenance_statements")]
    assert counts == [0, 0, 0, 0]

    report = ingest([item for p in (a, b) for item in read_file(p)], store)
    assert report.documents == 2 and report.skipped == 0
    assert entity_graph(store) == original
    store.close()
    only_b.close()


def test_references_by_hash_prefix_and_iri_and_unknown_is_all_or_nothing(files, tmp_path):
    a, b = files
    store = fresh(tmp_path, "store", a, b)
    before = quads(store)
    iri_a, iri_b = doc_iri(store, a), doc_iri(store, b)
    h = next(iter(store.query(f"SELECT ?h WHERE {{ <{iri_a}> kg:contentHash ?h }}")))["h"].value
    with pytest.raises(RemoveError, match="no document"):
        remove_documents(store, [h[:12], "missing.txt"])          # one known, one unknown
    with pytest.raises(RemoveError, match="at least 8"):
        remove_documents(store, [h[:5]])
    assert quads(store) == before                                # nothing removed
    assert remove_documents(store, [h[:12]]).documents == [(iri_a, str(a))]
    with pytest.raises(RemoveError):
        remove_documents(store, [iri_a])                          # already gone
    assert remove_documents(store, ["doc:" + iri_b.rsplit("/", 1)[1]]).documents == [(iri_b, str(b))]
    assert stats(store)["documents"] == 0
    store.close()


def test_jsonl_source_names_all_its_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": A}) + "\n" + json.dumps({"text": B}) + "\n")
    store = fresh(tmp_path, "store", path)
    assert len(remove_documents(store, [f"{path}:2"]).documents) == 1
    assert len(remove_documents(store, [str(path)]).documents) == 1
    assert stats(store)["documents"] == 0
    store.close()


def test_cli_remove(files, tmp_path, store):
    a, b = files
    run_kg(store, "ingest", str(a), str(b))
    bad = run_kg(store, "remove", str(a), "nothing-here.txt", check=False)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert [line for line in bad.stderr.splitlines() if line.strip()] == \
        ["Error: no document nothing-here.txt (nothing removed)"]
    assert json.loads(run_kg(store, "stats", "--json").stdout)["documents"] == 2
    out = run_kg(store, "remove", str(a))
    assert "1 document(s) removed" in out.stdout
    figures = json.loads(run_kg(store, "stats", "--json").stdout)
    assert figures["documents"] == 1 and "City" not in figures["entities_by_type"]
    assert run_kg(store, "query", VISIT).stdout.strip() == "true"


# Merge evidence (kg:resolvedBy) is not recorded per document: remove keeps a line while the
# entity still has, from some remaining document, the name the line quotes.
HEALTH_A = ("The World Health Organization (WHO) sent doctors to Brazil on Monday. The Oswaldo Cruz "
            "Foundation, known as Fiocruz, welcomed the doctors in Rio de Janeiro.\n")
HEALTH_B = ("The World Health Organization said on Friday that Fiocruz, a research institute, tested new "
            "vaccines in Rio de Janeiro.\n")
WHO, FOUNDATION = f"<{ID}organization/world-health-organization>", f"<{ID}organization/oswaldo-cruz-foundation>"
ACRONYM = "acronym-definition: 'WHO' introduced as 'World Health Organization'"
ALIAS = "alias: 'Fiocruz' introduced as another name of 'Oswaldo Cruz Foundation'"


def evidence(store, entity: str) -> set[str]:
    return {row["v"].value for row in store.query(
        f"SELECT ?v WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ {entity} kg:resolvedBy ?v }} }}")}


def test_merge_evidence_goes_with_the_last_document_using_its_name(tmp_path):
    a, b = tmp_path / "health-a.txt", tmp_path / "health-b.txt"
    a.write_text(HEALTH_A)
    b.write_text(HEALTH_B)
    store = fresh(tmp_path, "store", a, b)
    # Both merges come from A alone: B writes neither "(WHO)" nor "known as"; it just says
    # "World Health Organization" and "Fiocruz" (the latter resolved to A's foundation by name).
    assert ACRONYM in evidence(store, WHO)
    assert ALIAS in evidence(store, FOUNDATION)
    assert store.ask(f"ASK {{ GRAPH <{doc_iri(store, b)}> {{ {FOUNDATION} kg:surfaceForm 'Fiocruz' }} }}")
    assert not store.ask(f"ASK {{ GRAPH <{doc_iri(store, b)}> {{ ?e kg:surfaceForm 'WHO' }} }}")

    remove_documents(store, [str(a)])
    # 'WHO' is no longer anyone's name for the organisation: its acronym line goes, the entity stays.
    assert store.ask(f"ASK {{ GRAPH <{ENTITY_GRAPH}> {{ {WHO} rdfs:label 'World Health Organization' }} }}")
    assert ACRONYM not in evidence(store, WHO)
    assert not store.ask(f"ASK {{ {WHO} skos:altLabel 'WHO' }}")
    # B still calls the foundation 'Fiocruz', so the alias line that explains that name stays.
    assert ALIAS in evidence(store, FOUNDATION)
    assert store.ask(f"ASK {{ GRAPH <{ENTITY_GRAPH}> {{ {FOUNDATION} a kg:Organization }} }}")

    remove_documents(store, [str(b)])
    assert entity_graph(store) == set()
    store.close()
