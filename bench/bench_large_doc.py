"""Peak memory of ingesting one very long article (default 50 MB of text).

    .venv/bin/python bench/bench_large_doc.py [--mb 50] [--batch-size 32]

spaCy refuses texts over nlp.max_length (1,000,000 characters) and needs memory in proportion to
the text it parses at once; kg cuts articles over 100,000 characters (kg.parsing.LONG_TEXT) into
chunks of at most 10,000 (kg.parsing.CHUNK_CHARS) and streams the document into the store: its
quads are written as the chunks are parsed, about kg.ingest.BODY_QUADS per transaction, and the
document's completion marker last (see kg/ingest.py). Prints the text size, the time, the facts
found, the peak resident set size of this process (bounded by the parse batch and BODY_QUADS, not
by the length) and the number and largest size of the store writes.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.api import ingest, stats  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.store import EmbeddedStore  # noqa: E402

PEOPLE = ["Ana Fuentes", "Piet Mulder", "Ruth Wanjiru", "Maeve Byrne", "Kenji Sato", "Lars Holm",
          "Amina Diallo", "Carlos Mendez", "Olga Petrova", "Samir Haddad"]
PLACES = ["Japan", "Brazil", "Kenya", "Norway", "Canada", "Portugal", "Ghana", "Chile", "India", "Egypt"]
ORGS = ["Havenco", "Maplex", "Fjordtek", "Kyoto University", "the World Bank", "Nordbank"]
TEMPLATES = [
    "{p} visited {c} in {m}.",
    "The minister {p} met officials in {c} on {d} {m}.",
    "{o} signed a contract with {c} in {m}.",
    "{p} studied physics at {o}, which was founded in {y}.",
    "Analysts said the talks in {c} would continue for {d} days.",
    "{o} opened an office in {c} in {y}.",
]
MONTHS = ["January", "March", "May", "June", "September", "November"]


def generate(chars: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        para = " ".join(rng.choice(TEMPLATES).format(p=rng.choice(PEOPLE), c=rng.choice(PLACES),
                                                    o=rng.choice(ORGS), m=rng.choice(MONTHS),
                                                    d=rng.randint(2, 28), y=rng.randint(1850, 2020))
                        for _ in range(rng.randint(3, 8)))
        paragraphs.append(para)
        size += len(para) + 2
    return "\n\n".join(paragraphs)


def parser_peak_rss_mb(pid: int) -> float:
    """A parser process's peak RSS (it outlives the ingest call, so it is still there to ask)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="text size in megabytes (default 50)")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    text = generate(int(args.mb * 1_000_000))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(str(Path(tmp) / "store"))
        writes: list[int] = []
        extend_nquads = store.extend_nquads

        def counted_extend(nquads: str) -> None:
            writes.append(nquads.count("\n"))
            extend_nquads(nquads)

        store.extend_nquads = counted_extend
        started = time.perf_counter()
        report = ingest([Article(text=text, source="bench.txt", title="bench")], store, batch_size=args.batch_size)
        elapsed = time.perf_counter() - started
        figures = stats(store)
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parsers = [parser_peak_rss_mb(int(pid)) for task in Path(f"/proc/{os.getpid()}/task").iterdir()
               for pid in (task / "children").read_text().split()]
    print(f"text: {len(text):,} chars ({args.mb:g} MB); {elapsed:.0f} s; {report.summary()}")
    print(f"store: {figures['documents']} document, {figures['entities']} entities, {figures['facts']} facts, "
          f"{figures['provenance_statements']:,} provenance statements")
    print(f"peak RSS: {peak:,.0f} MB (after generating the text: {base:,.0f} MB), parser process "
          f"{', '.join(f'{mb:,.0f}' for mb in parsers) or 'none'} MB; "
          f"{len(writes)} writes, the largest {max(writes):,} quads")


if __name__ == "__main__":
    main()
