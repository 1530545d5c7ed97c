"""The NLP elsewhere: on a Dask LocalCluster of 2 workers, or in local parser processes, kg builds
exactly the graph a plain ingest builds; a parser process that dies is a one-line error."""

from __future__ import annotations

import os
import signal
import subprocess
import time

from conftest import EXAMPLES, KG, child_pids, run_kg

from kg.nlp import load_pipeline


def quads_without_timestamps(store) -> list[str]:
    out = run_kg(store, "export", "--format", "nquads").stdout
    return sorted(line for line in out.splitlines() if "ingestedAt" not in line)


def test_dask_local_cluster_gives_the_same_graph(store, example_store):
    proc = run_kg(store, "ingest", "--dask", "local:2", str(EXAMPLES / "articles"))
    assert "4 document(s) ingested" in proc.stdout
    assert quads_without_timestamps(store) == quads_without_timestamps(example_store)


def test_parser_processes_give_the_same_graph(store, example_store):
    """Batches of one document, so that both parser processes parse some."""
    proc = run_kg(store, "ingest", "--workers", "2", "--batch-size", "1", str(EXAMPLES / "articles"))
    assert "4 document(s) ingested" in proc.stdout
    assert quads_without_timestamps(store) == quads_without_timestamps(example_store)


def test_extractor_component_in_spacys_own_worker_processes():
    """A pipeline that adds kg_extractor and parses with n_process=2 gets the same records back
    (they cross the process boundary through kg.extract.doc_bytes)."""
    nlp = load_pipeline()
    texts = [path.read_text() for path in sorted((EXAMPLES / "articles").iterdir()) if path.suffix == ".txt"]
    here = [(doc._.kg_entities, doc._.kg_facts) for doc in nlp.pipe(texts)]
    there = [(doc._.kg_entities, doc._.kg_facts) for doc in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert there == here and all(facts for _, facts in here)


def test_parser_process_killed_is_one_line_error(store, tmp_path):
    """kill -9 of the parser process: the ingest stops with a one-line error, and a rerun stores
    every document."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02d}.txt").write_text(f"Report {i}\n\nThe minister Tavo Kessel visited Lesotho in May "
                                             f"{1950 + i}. Orvik Mining signed a contract with Eswatini.\n")
    env = {**os.environ, "KG_STORE": str(store)}
    ingest = subprocess.Popen([KG, "ingest", "--batch-size", "1", str(folder)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not child_pids(ingest.pid) and ingest.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    for child in child_pids(ingest.pid):
        os.kill(child, signal.SIGKILL)
    _, stderr = ingest.communicate(timeout=120)
    assert ingest.returncode == 1, stderr
    assert "a parser process died" in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    again = run_kg(store, "ingest", str(folder))
    assert "document(s) ingested" in again.stdout
    assert run_kg(store, "stats", "--json").stdout.count('"documents": 40') == 1


def test_unreachable_scheduler_is_one_line(store):
    proc = run_kg(store, "ingest", "--dask", "tcp://127.0.0.1:1", str(EXAMPLES / "articles"), check=False)
    assert proc.returncode == 1
    assert "Dask scheduler" in proc.stderr and "Traceback" not in proc.stderr
