"""SPARQL latency on a store of about a million quads in kg's shape.

    .venv/bin/python bench/bench_sparql.py [--articles 1000] [--target 1000000] [--work DIR] [--remote]

Building the store: ingesting ~5,000 articles would take far longer than the queries, so the bench
ingests a real synthetic corpus (bench/gen_corpus.py, --articles, through kg.api.ingest, so every
triple has kg's real shape) and then scales it up by bulk-loading K-1 renamed copies with
pyoxigraph until the store holds about --target quads. In copy k every document, its named graph
and its provenance statements get new IRIs (`…-k`), and every person, organisation, event, … gets
a twin (`ent:person/x-k`, labels and names suffixed " k"); places (countries, capitals) stay
shared, as they are across real news, so they become the hubs. The built store is kept in --work
and reused by later runs.

Then p50/p95 latency (ms, results fully read) through kg's own GraphStore (union default graph,
predeclared prefixes, as `kg query` runs them) for:
  lookup-api   kg.api.find_entity(name): case-insensitive label/alias match, best connected first
  lookup-label exact rdfs:label match in the entity graph
  1-hop        an entity's facts in both directions, with labels
  2-hop path   the intermediate nodes joining two entities two facts apart (either direction)
  doc-facts    the facts of one document with their sentences (its provenance statements)
  top-degree   the 10 entities with most facts (a whole-store aggregate; no kg command runs it)
  stats        kg.api.stats, all of `kg stats` (five whole-store aggregates, top predicates among them)
With --remote the same queries are also run through RemoteStore against `oxigraph serve` on the
same directory (HTTP + JSON parsing included).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import generate  # noqa: E402

from kg.api import find_entity, ingest, stats  # noqa: E402
from kg.readers import read_paths  # noqa: E402
from kg.namespaces import DOC, ENT, ENTITY_GRAPH, STMT  # noqa: E402
from kg.store import EmbeddedStore, GraphStore  # noqa: E402

RELATED = "?p rdfs:subPropertyOf+ kg:relatedTo ."
NAME_PREDICATES = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel",
                   "https://w3id.org/kg-news/ontology#surfaceForm"}


def build(work: Path, n_articles: int, target: int) -> Path:
    base, scaled = work / f"base-{n_articles}", work / f"scaled-{n_articles}-{target}"
    if (scaled / "DONE").exists():
        return scaled
    if not (base / "DONE").exists():
        shutil.rmtree(base, ignore_errors=True)
        corpus = work / f"corpus-{n_articles}.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for a in generate(n_articles):
                f.write(json.dumps(a) + "\n")
        articles = list(read_paths([str(corpus)]))
        store = EmbeddedStore(str(base / "store"))
        t0 = time.perf_counter()
        report = ingest(articles, store)
        store.close()
        print(f"ingested {n_articles} articles in {time.perf_counter() - t0:.0f} s: {report.summary()}")
        (base / "DONE").write_text("")
    src = ox.Store.read_only(str(base / "store"))
    quads = list(src.quads_for_pattern(None, None, None, None))
    copies = max(1, math.ceil(target / len(quads)))
    print(f"base store: {len(quads):,} quads; loading it plus {copies - 1} renamed copies")
    shutil.rmtree(scaled, ignore_errors=True)
    scaled.mkdir(parents=True)
    dst = ox.Store(str(scaled / "store"))
    t0 = time.perf_counter()
    dst.bulk_extend(quads)
    for k in range(1, copies):
        dst.bulk_extend(clone(quads, k))
    dst.optimize()
    dst.flush()
    n = len(dst)
    del dst
    (scaled / "store" / "KG_FORMAT").write_text("kg-store-1\n")
    (scaled / "DONE").write_text(str(n))
    print(f"scaled store: {n:,} quads, bulk-loaded in {time.perf_counter() - t0:.0f} s")
    return scaled


def clone(quads, k: int):
    """Copy k of the base quads: documents, statements and non-place entities renamed."""
    doc, stmt, ent = str(DOC), str(STMT), str(ENT)
    place = ent + "place/"
    cache: dict = {}

    def iri(term):
        if not isinstance(term, ox.NamedNode):
            return term
        out = cache.get(term)
        if out is None:
            v = term.value
            if v.startswith((doc, stmt)) or (v.startswith(ent) and not v.startswith(place)):
                out = ox.NamedNode(f"{v}-{k}")
            else:
                out = term
            cache[term] = out
        return out

    for q in quads:
        s, p, o, g = iri(q.subject), q.predicate, q.object, q.graph_name
        if isinstance(o, ox.NamedNode):
            o = iri(o)
        elif isinstance(o, ox.Literal) and p.value in NAME_PREDICATES and s != q.subject:
            o = ox.Literal(f"{o.value} {k}", language=o.language) if o.language else ox.Literal(f"{o.value} {k}")
        yield ox.Quad(s, p, o, iri(g) if isinstance(g, ox.NamedNode) else g)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, math.ceil(q * len(values)) - 1))]


def workload(store: GraphStore, rng: random.Random, n: int) -> dict[str, list]:
    """The parameters each query is run with, chosen once (not timed)."""
    labels = [(r["e"].value, r["n"].value) for r in store.query(
        f"SELECT ?e ?n WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e rdfs:label ?n }} }}")]
    linked = [r["e"].value for r in store.query(
        f"SELECT DISTINCT ?e WHERE {{ {RELATED} ?e ?p ?x . FILTER(isIRI(?x)) }}")]
    docs = [r["d"].value for r in store.query("SELECT ?d WHERE { GRAPH ?d { ?d a kg:Document } }")]
    pairs = []
    for a in rng.sample(linked, min(len(linked), n * 3)):
        rows = list(store.query(f"""SELECT DISTINCT ?b WHERE {{
            {{ <{a}> ?p ?m }} UNION {{ ?m ?p <{a}> }} {RELATED}
            {{ ?m ?q ?b }} UNION {{ ?b ?q ?m }} ?q rdfs:subPropertyOf+ kg:relatedTo .
            FILTER(?b != <{a}> && isIRI(?b)) }} LIMIT 50"""))
        if rows:
            pairs.append((a, rng.choice(rows)["b"].value))
        if len(pairs) >= n:
            break
    return {"labels": rng.sample(labels, min(n, len(labels))), "linked": rng.sample(linked, min(n, len(linked))),
            "docs": rng.sample(docs, min(n, len(docs))), "pairs": pairs, "n_labels": len(labels),
            "n_docs": len(docs)}


def queries(w: dict) -> dict[str, tuple[list, callable]]:
    """name -> (the items it runs on, run(store, item) -> rows read)."""
    def lookup_label(item):
        return f"SELECT ?e WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ ?e rdfs:label {json.dumps(item[1])} }} }}"

    def one_hop(e):
        return f"""SELECT DISTINCT ?dir ?p ?n ?label WHERE {{
            {{ <{e}> ?p ?n BIND("out" AS ?dir) }} UNION {{ ?n ?p <{e}> BIND("in" AS ?dir) }}
            {RELATED} OPTIONAL {{ ?n rdfs:label ?label }} }}"""

    def two_hop(pair):
        a, b = pair
        return f"""SELECT DISTINCT ?m ?p ?q WHERE {{
            {{ <{a}> ?p ?m }} UNION {{ ?m ?p <{a}> }} {RELATED}
            {{ ?m ?q <{b}> }} UNION {{ <{b}> ?q ?m }} ?q rdfs:subPropertyOf+ kg:relatedTo . }}"""

    def doc_facts(d):
        return f"""SELECT ?s ?p ?o ?sentence WHERE {{ GRAPH <{d}> {{
            ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:sentence ?sentence }} }}"""

    top = f"""SELECT ?e (COUNT(*) AS ?deg) WHERE {{
        {{ ?e ?p ?x }} UNION {{ ?x ?p ?e }} {RELATED} }} GROUP BY ?e ORDER BY DESC(?deg) LIMIT 10"""

    def sparql(make):
        return lambda store, item: sum(1 for _ in store.query(make(item)))

    aggregate_runs = [None] * max(5, len(w["docs"]) // 10)
    return {
        "lookup-api": (w["labels"], lambda store, item: int(find_entity(store, item[1]) is not None)),
        "lookup-label": (w["labels"], sparql(lookup_label)),
        "1-hop": (w["linked"], sparql(one_hop)),
        "2-hop path": (w["pairs"], sparql(two_hop)),
        "doc-facts": (w["docs"], sparql(doc_facts)),
        "top-degree": (aggregate_runs, sparql(lambda _: top)),
        "stats": (aggregate_runs, lambda store, _: len(stats(store)["top_predicates"])),
    }


def measure(store: GraphStore, w: dict) -> dict[str, tuple[float, float, int, float]]:
    out = {}
    for name, (items, run) in queries(w).items():
        times, rows = [], 0
        for item in items:
            t0 = time.perf_counter()
            rows += run(store, item)
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = (statistics.median(times), percentile(times, 0.95), len(items), rows / max(1, len(items)))
    return out


def report(title: str, results: dict) -> None:
    print(f"\n{title}")
    print(f"  {'query':<14}{'p50 ms':>10}{'p95 ms':>10}{'runs':>7}{'rows/run':>10}")
    for name, (p50, p95, n, rows) in results.items():
        print(f"  {name:<14}{p50:>10.2f}{p95:>10.2f}{n:>7}{rows:>10.1f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles really ingested (default 1000)")
    ap.add_argument("--target", type=int, default=1_000_000, help="quads to scale to (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=100, help="runs per query (top-degree, stats: runs/10)")
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "kg-bench-sparql"),
                    help="where the built stores are kept between runs")
    ap.add_argument("--remote", action="store_true", help="also query through oxigraph serve + RemoteStore")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    scaled = build(work, args.articles, args.target)
    size = sum(f.stat().st_size for f in (scaled / "store").rglob("*") if f.is_file()) / 1e6
    print(f"store {scaled / 'store'}: {int((scaled / 'DONE').read_text()):,} quads, {size:.0f} MB on disk")

    store = EmbeddedStore(str(scaled / "store"))
    w = workload(store, random.Random(args.seed), args.runs)
    print(f"workload: {w['n_labels']:,} labelled entities, {w['n_docs']:,} documents, "
          f"{len(w['pairs'])} two-hop pairs")
    report("embedded (EmbeddedStore, in process)", measure(store, w))
    store.close()
    del store

    if args.remote:
        from bench_ingest import start_server

        from kg.remote import RemoteStore

        proc, url = start_server(scaled / "store")
        try:
            report(f"remote (RemoteStore -> oxigraph serve, {url})", measure(RemoteStore(url), w))
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
