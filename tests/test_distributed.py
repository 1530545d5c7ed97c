"""Parsing on a Dask LocalCluster of 2 workers, or in 2 local parser processes (spaCy's n_process),
builds exactly the graph a plain ingest builds."""

from __future__ import annotations

from conftest import EXAMPLES, run_kg


def quads_without_timestamps(store) -> list[str]:
    out = run_kg(store, "export", "--format", "nquads").stdout
    return sorted(line for line in out.splitlines() if "ingestedAt" not in line)


def test_dask_local_cluster_gives_the_same_graph(store, example_store):
    proc = run_kg(store, "ingest", "--dask", "local:2", str(EXAMPLES / "articles"))
    assert "4 document(s) ingested" in proc.stdout
    assert quads_without_timestamps(store) == quads_without_timestamps(example_store)


def test_parser_processes_give_the_same_graph(store, example_store):
    """The records the extractor leaves on each Doc cross the process boundary (kg.extract.doc_bytes)."""
    proc = run_kg(store, "ingest", "--workers", "2", str(EXAMPLES / "articles"))
    assert "4 document(s) ingested" in proc.stdout
    assert quads_without_timestamps(store) == quads_without_timestamps(example_store)


def test_unreachable_scheduler_is_one_line(store):
    proc = run_kg(store, "ingest", "--dask", "tcp://127.0.0.1:1", str(EXAMPLES / "articles"), check=False)
    assert proc.returncode == 1
    assert "Dask scheduler" in proc.stderr and "Traceback" not in proc.stderr
