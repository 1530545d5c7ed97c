"""The NLP elsewhere: on a Dask LocalCluster of 2 workers, or in local parser processes, kg builds
exactly the graph a plain ingest builds; a parser process that dies is a one-line error, and an
ingest that stops early stops its parser processes too."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import threading
import time

import pytest
from conftest import EXAMPLES, KG, child_pids, process_alive, run_kg

from kg.ingest import ingest
from kg.model import Article
from kg.nlp import load_pipeline
from kg.parsing import ParserProcessDied
from kg.readers import read_paths
from kg.store import EmbeddedStore


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


def short_articles(n: int) -> list[Article]:
    return [Article(text=f"Report {i}\n\nThe minister Tavo Kessel visited Lesotho in May {1950 + i}. Orvik Mining "
                         f"signed a contract with Eswatini.", source=f"{i}.txt") for i in range(n)]


def test_parser_process_killed_between_batches_is_parser_process_died(tmp_path):
    """Killed while this process extracts or writes, not while it waits for a batch: the next
    batch handed over finds it dead. The documents written stay; the next ingest starts anew."""
    store = EmbeddedStore(str(tmp_path / "store"))
    killed: list[int] = []

    def kill_parsers(_: int) -> None:
        if not killed:
            killed.extend(child_pids(os.getpid()))
            for pid in killed:
                os.kill(pid, signal.SIGKILL)
            time.sleep(0.5)                               # let the pool see it before the next batch

    with pytest.raises(ParserProcessDied):
        ingest(short_articles(40), store, batch_size=1, write_every=1, on_progress=kill_parsers)
    assert killed
    report = ingest(short_articles(40), store, batch_size=1)
    assert report.documents + report.skipped == 40 and report.skipped >= 1
    store.close()


def test_parsers_outlive_the_thread_that_started_them(tmp_path):
    """A thread starts the parser processes and ends while another thread's ingest uses them."""
    go = threading.Event()

    def first() -> None:
        store = EmbeddedStore(str(tmp_path / "first"))
        ingest(short_articles(3), store)
        store.close()
        go.wait(60)

    thread = threading.Thread(target=first)
    thread.start()
    time.sleep(0.1)
    while not child_pids(os.getpid()) and thread.is_alive():
        time.sleep(0.05)

    def end_first(_: int) -> None:
        if not go.is_set():
            go.set()
            thread.join()
            time.sleep(0.5)

    store = EmbeddedStore(str(tmp_path / "second"))
    assert ingest(short_articles(40), store, batch_size=1, write_every=1, on_progress=end_first).documents == 40
    store.close()


def _ingest_examples(folder: str) -> int:
    store = EmbeddedStore(folder)
    try:
        return ingest(read_paths([str(EXAMPLES / "articles")]), store).documents
    finally:
        store.close()


def test_ingest_in_a_daemonic_process_parses_there(tmp_path):
    """A multiprocessing.Pool worker may start no processes of its own. (Spawned: a store opened
    in a process forked from one that has opened a store hangs in RocksDB.)"""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_ingest_examples, (str(tmp_path / "store"),)) == 4


def test_ctrl_c_does_not_wait_for_the_batches_in_flight(store, tmp_path):
    """Ctrl-C while the parser process has a batch of a long article (minutes of parsing) in
    hand: kg stops it and exits at once."""
    from test_reliability import long_text

    path = tmp_path / "long.txt"
    path.write_text(long_text(3_000_000))
    ingest = subprocess.Popen([KG, "ingest", str(path)], env={**os.environ, "KG_STORE": str(store)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while not child_pids(ingest.pid) and ingest.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    parsers = child_pids(ingest.pid)
    time.sleep(1)
    os.killpg(ingest.pid, signal.SIGINT)
    _, stderr = ingest.communicate(timeout=20)            # a batch of 32 chunks takes far longer
    assert ingest.returncode == 1 and "Aborted" in stderr and "Traceback" not in stderr
    assert parsers and not any(map(process_alive, parsers))


def test_unreachable_scheduler_is_one_line(store):
    proc = run_kg(store, "ingest", "--dask", "tcp://127.0.0.1:1", str(EXAMPLES / "articles"), check=False)
    assert proc.returncode == 1
    assert "Dask scheduler" in proc.stderr and "Traceback" not in proc.stderr
