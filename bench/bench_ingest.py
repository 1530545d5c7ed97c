"""Ingest throughput: what kg costs on top of spaCy itself.

    .venv/bin/python bench/gen_corpus.py 1000 -o /tmp/corpus-1000.jsonl
    .venv/bin/python bench/bench_ingest.py /tmp/corpus-1000.jsonl [--remote serve|sparql+http://HOST:PORT]

Measures, on the same texts and the same loaded pipeline:
  raw    nlp.pipe with the kg_extractor component disabled (tokenizer, tagger, parser, NER only);
  full   kg.api.ingest into a fresh embedded store (extraction, resolution, one SPARQL Update per
         document, the existing-document check);
  remote (with --remote) the same ingest into a remote store: `serve` starts `oxigraph serve` on a
         free loopback port with a temporary location; a sparql+http:// URL uses that server (give
         it an empty store, or documents already there are skipped).
  +extract nlp.pipe with every component, kg_extractor included, but no store (splits kg's cost
         into extraction and resolution + writing).
kg's ingest parses in --workers N parser processes (default 1) while its own process extracts,
resolves and writes; raw and +extract run spaCy in one process, or in N with N > 1 (spaCy's
n_process). CPU times count the process and its parser processes. With --repeat R the local phases
run R times interleaved and the best time is reported (the machine may be shared). With --alternate
N the corpus is cut into slices of N articles and each slice is parsed raw and then ingested (into
one store that grows as in a real ingest), the order flipping every slice, so that drift in the
host's speed falls on both sides alike; the ratio is the sum of the ingest times over the sum of the
raw times. Each slice pays ingest's fixed cost (loading the entity index, the ontology check), which
a single ingest pays once (parser processes start once: they outlive an ingest call): it is measured
after each slice by ingesting nothing, and a second ratio counts it once. Wall-clock figures are
noisy on a shared machine; the CPU times on the `cpu` lines are steadier and say what each part
costs, though with parser processes the parts overlap in time. Prints docs/s and words/s (spaCy
tokens) for each, the full/raw time ratio, the process's peak RSS after each phase (parser processes
not counted), the store's size on disk, the full ingest's throughput over each tenth of the corpus
(flat if the store stays fast as it grows) and what a later ingest call into that store pays before
its first article.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from kg.api import ingest
from kg.nlp import load_pipeline
from kg.readers import read_paths
from kg.store import EmbeddedStore, open_store


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_s() -> float:
    """CPU time of this process and its children: ended ones (a multi-process nlp.pipe's) and live
    ones (kg's parser processes, which outlive an ingest call)."""
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = time.process_time() + ended.ru_utime + ended.ru_stime
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        try:                                      # a thread or a child may end while we look
            total += sum(server_cpu_s(int(pid)) for pid in (task / "children").read_text().split())
        except OSError:
            pass
    return total


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def start_server(location: Path) -> tuple[subprocess.Popen, str]:
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        sys.exit("the `oxigraph` server executable is missing (pip install oxigraph)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            return proc, f"sparql+http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("oxigraph serve did not start")


def server_peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def server_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def line(name: str, seconds: float, docs: int, words: int, rss: float | None = None) -> str:
    return (f"{name:<8} {seconds:8.1f} s  {docs / seconds:8.1f} docs/s  {words / seconds:9.0f} words/s  "
            f"peak RSS {rss or peak_rss_mb():6.0f} MB")


def _fmt(times: list[float]) -> str:
    return "/".join(f"{t:.1f}" for t in times) + " s"


def _by_tenth(start: float, marks: list[float]) -> list[float]:
    """Throughput over each tenth of the documents, from the times they landed."""
    n = len(marks)
    if n < 10:
        return []
    landed = [(k * n) // 10 for k in range(11)]           # documents in by the end of each tenth
    times = [start] + [marks[k - 1] for k in landed[1:]]
    return [(k1 - k0) / (t1 - t0) if t1 > t0 else float("nan")
            for k0, k1, t0, t1 in zip(landed, landed[1:], times, times[1:])]


def alternate(nlp, articles: list, size: int, model: str | None, batch_size: int, workers: int = 1) -> None:
    """Raw parse and kg ingest slice by slice, printing the per-slice ratios and the overall one."""
    timed: dict[str, list[float]] = {"raw": [], "full": [], "raw cpu": [], "full cpu": []}
    fixed: list[float] = []
    words = documents = 0
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    store = EmbeddedStore(str(tmp / "store"))

    def raw(texts: list[str]) -> int:
        with nlp.select_pipes(disable=["kg_extractor"]):
            return sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=max(1, workers)))

    def full(group: list) -> int:
        return ingest(group, store, model=model, batch_size=batch_size, workers=workers).documents

    try:
        for i in range(0, len(articles), size):
            group = articles[i:i + size]
            order = ("raw", "full") if (i // size) % 2 == 0 else ("full", "raw")
            for phase in order:
                t0, c0 = time.perf_counter(), cpu_s()
                if phase == "raw":
                    words += raw([a.text for a in group])
                else:
                    documents += full(group)
                timed[phase].append(time.perf_counter() - t0)
                timed[phase + " cpu"].append(cpu_s() - c0)
            t0 = time.perf_counter()
            ingest([], store, model=model)           # what each slice's ingest call costs before its first article
            fixed.append(time.perf_counter() - t0)
    finally:
        store.close()
        shutil.rmtree(tmp, ignore_errors=True)
    n = len(articles)
    slices = [f / r for f, r in zip(timed["full"], timed["raw"])]
    print(f"slices   {len(slices)} of {size} articles, full/raw per slice: "
          + " ".join(f"{x:.2f}" for x in slices) + f" (median {statistics.median(slices):.2f})")
    raw_s, full_s = sum(timed["raw"]), sum(timed["full"])
    print(line("raw", raw_s, n, words))
    print(line("full", full_s, n, words) + f"  ({documents} documents ingested)")
    print(f"cpu      raw {sum(timed['raw cpu']):.1f} s, full {sum(timed['full cpu']):.1f} s: "
          f"full/raw = {sum(timed['full cpu']) / sum(timed['raw cpu']):.2f}x")
    print(f"ratio    full/raw = {full_s / raw_s:.2f}x, so kg ingests at {raw_s / full_s:.2f}x spaCy's throughput")
    once = full_s - sum(fixed) + statistics.median(fixed)
    print(f"fixed    each ingest call costs {statistics.median(fixed):.2f} s before its first article (median of "
          f"{len(fixed)}); paid once, as one ingest of the corpus would: full/raw = {once / raw_s:.2f}x, "
          f"{raw_s / once:.2f}x spaCy's throughput")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="articles: a JSONL file (bench/gen_corpus.py) or any path kg ingest reads")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=1, help="repetitions; the best time is reported")
    ap.add_argument("--remote", metavar="serve|URL", help="also ingest into a remote store")
    ap.add_argument("--workers", type=int, default=1,
                    help="kg ingest --workers N (default 1); raw and +extract parse in max(1, N) processes")
    ap.add_argument("--alternate", type=int, metavar="N",
                    help="alternate raw parse and ingest every N articles (see above) instead of whole passes")
    args = ap.parse_args(argv)

    articles = [a for a in read_paths([args.corpus]) if hasattr(a, "text")]
    texts = [a.text for a in articles]
    n = len(texts)
    print(f"corpus   {args.corpus}: {n} articles, {sum(len(t) for t in texts) / 1e6:.2f} M characters")

    nlp = load_pipeline(args.model)
    nlp("Warm-up: Helen Marchetti visited Seoul on Tuesday.")  # lazy tables, gazetteer
    print(f"pipeline {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}: "
          f"{', '.join(nlp.pipe_names)}; model loaded, peak RSS {peak_rss_mb():.0f} MB")
    if args.alternate:
        alternate(nlp, articles, args.alternate, args.model, args.batch_size, args.workers)
        return

    raw_times, extract_times, full_times = [], [], []
    cpu: dict[str, list[float]] = {"raw": [], "extract": [], "full": []}
    rss: dict[str, float] = {}  # peak RSS of the process after each phase's first run
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        for r in range(args.repeat):  # interleaved, best of R: the machine may be shared
            with nlp.select_pipes(disable=["kg_extractor"]):
                t0, c0 = time.perf_counter(), cpu_s()
                docs = nlp.pipe(texts, batch_size=args.batch_size, n_process=max(1, args.workers))
                words = sum(len(doc) for doc in docs)
                raw_times.append(time.perf_counter() - t0)
                cpu["raw"].append(cpu_s() - c0)
                rss.setdefault("raw", peak_rss_mb())
            t0, c0 = time.perf_counter(), cpu_s()
            for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=max(1, args.workers)):
                pass
            extract_times.append(time.perf_counter() - t0)
            cpu["extract"].append(cpu_s() - c0)
            rss.setdefault("+extract", peak_rss_mb())
            shutil.rmtree(tmp / "store", ignore_errors=True)
            store = EmbeddedStore(str(tmp / "store"))
            marks: list[float] = []              # when each document landed: does ingest slow as the store grows?
            t0, c0 = time.perf_counter(), cpu_s()
            report = ingest(articles, store, model=args.model, batch_size=args.batch_size, workers=args.workers,
                            on_progress=lambda k: marks.extend([time.perf_counter()] * k))
            full_times.append(time.perf_counter() - t0)
            cpu["full"].append(cpu_s() - c0)
            rss.setdefault("full", peak_rss_mb())
            if r == 0:
                growth = _by_tenth(t0, marks)
                t1 = time.perf_counter()
                ingest([], store, model=args.model)   # what a later ingest call pays before its first article
                fixed = time.perf_counter() - t1
            store.close()
        raw, extract, full = min(raw_times), min(extract_times), min(full_times)
        runs = f"best of {args.repeat}" if args.repeat > 1 else "1 run"
        print(f"timings  {runs}: raw {_fmt(raw_times)}, +extractor {_fmt(extract_times)}, full {_fmt(full_times)}")
        print(line("raw", raw, n, words, rss["raw"]))
        print(line("+extract", extract, n, words, rss["+extract"]) + "  (nlp.pipe with kg_extractor, no store)")
        print(line("full", full, n, words, rss["full"]) + f"  ({report.summary()})")
        craw, cext, cfull = min(cpu["raw"]), min(cpu["extract"]), min(cpu["full"])
        print(f"cpu      raw {craw:.1f} s, +extract {cext:.1f} s, full {cfull:.1f} s (CPU, parser processes included, "
              f"best of {args.repeat}): full/raw = {cfull / craw:.2f}x, extractor {(cext - craw) / n * 1000:.1f} ms/article, "
              f"resolution + store {(cfull - cext) / n * 1000:.1f} ms/article")
        print("growth   full ingest, docs/s by tenth of the corpus (first run): "
              + " ".join(f"{x:.1f}" for x in growth))
        print(f"fixed    a later ingest call into the full store costs {fixed:.2f} s before its first article "
              f"(the entity index is loaded from the whole store)")
        print(f"ratio    full/raw = {full / raw:.2f}x, so kg ingests at {raw / full:.2f}x spaCy's throughput "
              f"(wall clock; the cpu line splits kg's cost, which parser processes overlap with the parse)")
        before = dir_size_mb(tmp / "store")
        store = EmbeddedStore(str(tmp / "store"))
        quads = len(store._store)
        store._store.optimize()
        store.close()
        after = dir_size_mb(tmp / "store")
        print(f"store    embedded {quads:,} quads, {before:.1f} MB on disk as written ({before / n * 1000:.1f} kB per "
              f"article), {after:.1f} MB after Store.optimize() ({after / n * 1000:.1f} kB per article)")

        if args.remote:
            proc = None
            if args.remote == "serve":
                proc, url = start_server(tmp / "remote")
            else:
                url = args.remote
            try:
                store = open_store(url)
                t0, c0 = time.perf_counter(), cpu_s()
                report = ingest(articles, store, model=args.model, batch_size=args.batch_size)
                remote = time.perf_counter() - t0
                print(line("remote", remote, n, words) + f"  ({report.summary()})")
                print(f"cpu      remote: kg process {cpu_s() - c0:.1f} s"
                      + (f", server {server_cpu_s(proc.pid):.1f} s" if proc is not None else ""))
                print(f"ratio    remote/raw = {remote / raw:.2f}x, remote/full = {remote / full:.2f}x")
                if proc is not None:
                    rss = server_peak_rss_mb(proc.pid)
                    print(f"store    oxigraph serve {dir_size_mb(tmp / 'remote'):.1f} MB on disk"
                          + (f", server peak RSS {rss:.0f} MB" if rss else ""))
            finally:
                if proc is not None:
                    proc.terminate()
                    proc.wait(timeout=30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
