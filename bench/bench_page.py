"""Benchmark the HTML page on synthetic graphs: generation time in Python, file size, and the time
headless Chromium takes until the network is drawn and interactive (the page sets
body[data-ready] after its first drawing, i.e. after stabilization when physics is on).

    .venv/bin/python bench/bench_page.py [500 5000 20000]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.page import LAYOUT_THRESHOLD, TYPE_COLOURS, page_data, render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
SYLLABLES = ["ka", "to", "mi", "ren", "sa", "lo", "vi", "dan", "el", "or", "bu", "tes", "na", "gor", "li", "an"]
PREDICATES = ["visit", "based in", "member of", "located in", "acquire", "meet", "nationality", "invest in"]


def synthetic_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """Scale-free-ish and sparse like a news graph: a preferential-attachment forest plus a few
    random edges, ~1.2 edges per node, and some isolated entities."""
    rnd = random.Random(seed)
    base = nx.barabasi_albert_graph(int(n * 0.9), 1, seed=seed)
    g = nx.MultiDiGraph()
    types = list(TYPE_COLOURS)
    for i in range(n):
        name = " ".join("".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).title()
                        for _ in range(rnd.randint(1, 2)))
        g.add_node(f"https://w3id.org/kg-news/id/x/{i}", label=name, type=rnd.choice(types))
    edges = list(base.edges()) + [(rnd.randrange(n), rnd.randrange(n)) for _ in range(int(n * 0.3))]
    for a, b in edges:
        if a != b:
            p = rnd.choice(PREDICATES)
            g.add_edge(f"https://w3id.org/kg-news/id/x/{a}", f"https://w3id.org/kg-news/id/x/{b}",
                       key=p, predicate=f"https://w3id.org/kg-news/rel/{p}", label=p)
    return g


def main(sizes: list[int]) -> None:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in sizes:
            g = synthetic_graph(n)
            t0 = time.perf_counter()
            data = page_data(g)
            html = render_html(data)
            gen = time.perf_counter() - t0
            path = Path(tmp) / f"g{n}.html"
            path.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            t1 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=600_000)
            ready = time.perf_counter() - t1
            # interactive: a search that selects and focuses a node
            t2 = time.perf_counter()
            page.fill("#search", g.nodes[next(iter(g))]["label"])
            page.press("#search", "Enter")
            page.wait_for_selector("#panel h2")
            search = time.perf_counter() - t2
            nodes = page.evaluate("kgNodes.length")
            page.close()
            rows.append((n, g.number_of_edges(), nodes, "python" if n > LAYOUT_THRESHOLD else "browser physics",
                         gen, len(html) / 1e6, ready, search))
        browser.close()
    print(f"{'nodes':>7} {'edges':>7} {'drawn':>7}  {'layout':<16} {'generate s':>10} {'size MB':>8} "
          f"{'load->ready s':>13} {'search s':>8}")
    for n, m, drawn, layout, gen, size, ready, search in rows:
        print(f"{n:>7} {m:>7} {drawn:>7}  {layout:<16} {gen:>10.2f} {size:>8.1f} {ready:>13.2f} {search:>8.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 5000, 20000])
