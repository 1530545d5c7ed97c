"""`kg serve` as a subprocess (the real entry point) with SPARQLWrapper as the client."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import KG, free_port, stop_process
from rdflib import Graph
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

CHROMIUM = "/usr/bin/chromium"


def start_server(store: Path, *options: str):
    port = free_port()
    env = {**os.environ, "KG_STORE": str(store)}
    proc = subprocess.Popen([KG, "serve", "--port", str(port), *options], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if proc.poll() is not None:
            raise AssertionError(f"kg serve exited {proc.returncode}:\n{proc.stdout.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("kg serve did not answer within 30 s")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def server(example_store, tmp_path_factory):
    import shutil

    store = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(example_store, store, ignore=shutil.ignore_patterns("LOCK"))
    proc, base = start_server(store)
    yield base
    stop_process(proc)


def client(base: str, query: str, fmt=JSON) -> SPARQLWrapper:
    sw = SPARQLWrapper(f"{base}/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def test_select_json(server):
    query = "SELECT ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?label"
    result = client(server, query).queryAndConvert()
    labels = [b["label"]["value"] for b in result["results"]["bindings"]]
    assert result["head"]["vars"] == ["label"]
    assert len(labels) >= 3 and labels == sorted(labels)


def get_as(server: str, query: str, accept: str) -> str:
    """The body of a GET /sparql answered in the format `accept` asks for (checked)."""
    req = urllib.request.Request(f"{server}/sparql?query={urllib.parse.quote(query)}", headers={"Accept": accept})
    with urllib.request.urlopen(req) as r:
        assert r.headers["Content-Type"].startswith(accept)
        return r.read().decode()


def test_select_other_formats_by_accept(server):
    q = "SELECT ?e WHERE { ?e a kg:Country } LIMIT 3"
    for accept, marker in [("text/csv", "e\r\n"), ("text/tab-separated-values", "?e\n"),
                           ("application/sparql-results+xml", "<sparql")]:
        assert marker in get_as(server, q, accept)


def test_ask(server):
    assert client(server, "ASK { ?e a kg:Person }").queryAndConvert()["boolean"] is True
    assert client(server, "ASK { ?e a kg:NoSuchClass }").queryAndConvert()["boolean"] is False
    xml = client(server, "ASK { ?e a kg:Person }", XML).queryAndConvert()            # a DOM document
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"


def test_construct_turtle(server):
    sw = client(server, "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Person ; rdfs:label ?l }", TURTLE)
    sw.setMethod(POST)                                     # POST form query=
    g = Graph()
    g.parse(data=sw.queryAndConvert(), format="turtle")
    assert len(g) >= 3


def test_construct_in_the_other_rdf_formats_by_accept(server):
    q = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Person ; rdfs:label ?l }"
    for accept, rdf_format in [("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
                               ("application/ld+json", "json-ld")]:
        assert len(Graph().parse(data=get_as(server, q, accept), format=rdf_format)) >= 3


def test_post_sparql_query_body(server):
    req = urllib.request.Request(f"{server}/sparql", data=b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                 headers={"Content-Type": "application/sparql-query"})
    with urllib.request.urlopen(req) as r:
        assert r.headers["Content-Type"].startswith("application/sparql-results+json")
        assert b'"n"' in r.read()


def test_update_is_refused(server):
    sw = SPARQLWrapper(f"{server}/sparql")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as err:
        sw.query()
    assert err.value.code == 403
    assert b"--allow-update" in err.value.read()
    assert client(server, "ASK { <urn:a> <urn:b> <urn:c> }").queryAndConvert()["boolean"] is False


def test_malformed_query_is_400(server):
    with pytest.raises(QueryBadFormed) as err:
        client(server, "SELECT ?x WHERE { ?x ").queryAndConvert()
    assert "syntax" in str(err.value).lower()


def test_page_is_served(server):
    with urllib.request.urlopen(f"{server}/") as r:
        html = r.read().decode()
        assert r.headers["Content-Type"].startswith("text/html")
        assert "connect-src 'self'" in r.headers["Content-Security-Policy"]
    assert "vis.Network" in html and '"endpoint":"sparql"' in html


def test_update_allowed_and_time_limit(example_store_copy):
    proc, base = start_server(example_store_copy, "--allow-update", "--timeout", "1")
    try:
        sw = SPARQLWrapper(f"{base}/sparql")
        sw.setMethod(POST)
        sw.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        sw.query()
        assert client(base, "ASK { <urn:a> <urn:b> <urn:c> }").queryAndConvert()["boolean"] is True
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        req = urllib.request.Request(f"{base}/sparql", data=slow.encode(),
                                     headers={"Content-Type": "application/sparql-query"})
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=30)
        assert err.value.code == 503 and b"time limit" in err.value.read()
        assert time.monotonic() - started < 10
    finally:
        stop_process(proc)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs Debian's chromium at {CHROMIUM}")
def test_query_box_on_the_served_page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update", "--no-first-run"])
        try:
            page = browser.new_page()
            page.goto(server + "/")
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
            assert page.locator("#querybox").is_visible()
            page.fill("#sparql", "SELECT ?label WHERE { ?e a kg:Person ; rdfs:label ?label } ORDER BY ?label")
            page.click("#run")
            page.wait_for_selector("#results table td")
            assert page.locator("#results th").all_inner_texts() == ["label"]
            assert page.locator("#results td").count() >= 3
            page.fill("#sparql", "SELECT ?x WHERE {")
            page.click("#run")
            page.wait_for_selector("#results .error")
            assert "syntax" in page.locator("#results .error").inner_text().lower()
        finally:
            browser.close()
