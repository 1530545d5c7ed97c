"""`kg serve`: the page at `/` (built live from the store) and a SPARQL 1.1 Protocol endpoint at
`/sparql`, with Starlette and uvicorn.

- Queries: GET `?query=`, POST form `query=`, POST `application/sparql-query`. SELECT/ASK results
  as JSON (default), XML, CSV or TSV by `Accept`; CONSTRUCT/DESCRIBE as Turtle (default),
  N-Triples, RDF/XML or JSON-LD.
- Updates: POST form `update=` or `application/sparql-update`; refused (403) unless the server
  was started with `allow_update`.
- Time limit: each request runs in a worker thread and the response waits at most `timeout`
  seconds; after that the client gets 503. pyoxigraph cannot cancel a running query, so the
  thread keeps working until the query ends on its own (at most `MAX_WORKERS` run at once;
  further requests queue and count their waiting time against their own limit).
- The store is opened once, at start, and held for the server's lifetime: the embedded store
  admits one process at a time, so `kg ingest` (or any other `kg` command on the same store)
  must not run while `kg serve` runs; it fails with the store's "in use" message.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
from dataclasses import dataclass
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from .store import GraphStore

MAX_WORKERS = 4
RESULT_TYPES = {   # media type -> (pyoxigraph format, Content-Type sent)
    "application/sparql-results+json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "application/sparql-results+xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "application/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "text/xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "text/csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "text/tab-separated-values": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES = {
    "text/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/x-turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "application/n-triples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "text/plain": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "application/rdf+xml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "application/ld+json": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
DEFAULT_RESULT = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"
PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
            "connect-src 'self'; form-action 'none'; base-uri 'none'")


class ProtocolError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Settings:
    store: GraphStore
    allow_update: bool = False
    timeout: float = 30.0


def negotiate(accept: str, offers: dict, default: str) -> str | None:
    """The offered media type the Accept header prefers (q-values honoured); None if none fits."""
    if not accept.strip():
        return default
    choices = []
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            choices.append((-q, order, media))
    for _, _, media in sorted(choices):
        if media in offers:
            return media
        if media in ("*/*", "application/*", "text/*"):
            if media == "*/*" or default.startswith(media[:-1]):
                return default
            prefix = media[:-1]
            match = next((m for m in offers if m.startswith(prefix)), None)
            if match:
                return match
    return None


def _run_query(store: GraphStore, sparql: str, accept: str) -> tuple[bytes, str]:
    """Runs in a worker thread: evaluate *and* serialize (pyoxigraph results are lazy)."""
    try:
        result = store.query(sparql)
    except SyntaxError as exc:
        raise ProtocolError(400, f"SPARQL syntax error: {exc}") from None
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, GRAPH_TYPES, DEFAULT_GRAPH)
        if media is None:
            raise ProtocolError(406, "CONSTRUCT/DESCRIBE results are available as " + ", ".join(GRAPH_TYPES))
        fmt, content_type = GRAPH_TYPES[media]
        return result.serialize(format=fmt), content_type
    media = negotiate(accept, RESULT_TYPES, DEFAULT_RESULT)
    if media is None:
        raise ProtocolError(406, "SELECT/ASK results are available as " + ", ".join(RESULT_TYPES))
    fmt, content_type = RESULT_TYPES[media]
    return result.serialize(format=fmt), content_type


def _run_update(store: GraphStore, sparql: str) -> None:
    try:
        store.update(sparql)
    except SyntaxError as exc:
        raise ProtocolError(400, f"SPARQL syntax error: {exc}") from None


async def _parse(request: Request) -> tuple[str | None, str | None]:
    """(query, update) from a SPARQL 1.1 Protocol request."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    for unsupported in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        if unsupported in params:
            raise ProtocolError(400, f"{unsupported} is not supported: the default graph is the union "
                                     "of all graphs; use GRAPH in the query")
    if request.method == "GET":
        if "update" in params:
            raise ProtocolError(400, "SPARQL Update must be sent with POST")
        queries = params.get("query", [])
        if len(queries) != 1:
            raise ProtocolError(400, "expected exactly one 'query' parameter")
        return queries[0], None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not UTF-8") from None
    if content_type == "application/sparql-query":
        return text, None
    if content_type == "application/sparql-update":
        return None, text
    if content_type == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        queries, updates = form.get("query", []), form.get("update", [])
        if len(queries) + len(updates) != 1:
            raise ProtocolError(400, "expected exactly one 'query' or 'update' parameter")
        return (queries[0], None) if queries else (None, updates[0])
    raise ProtocolError(415, "POST bodies must be application/x-www-form-urlencoded, "
                             "application/sparql-query or application/sparql-update")


def create_app(store: GraphStore, allow_update: bool = False, timeout: float = 30.0) -> Starlette:
    settings = Settings(store, allow_update, timeout)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=MAX_WORKERS, thread_name_prefix="kg-sparql")

    async def in_worker(fn, *args):
        future = asyncio.get_running_loop().run_in_executor(pool, fn, *args)
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout=settings.timeout)
        except asyncio.TimeoutError:
            raise ProtocolError(503, f"the request exceeded the server's time limit of {settings.timeout:g} s "
                                     "(kg serve --timeout). The embedded engine cannot cancel it, so it may "
                                     "keep running in the background until it finishes.") from None

    async def sparql(request: Request) -> Response:
        try:
            query, update = await _parse(request)
            if update is not None:
                if not settings.allow_update:
                    raise ProtocolError(403, "SPARQL Update is disabled on this server "
                                             "(start it with kg serve --allow-update)")
                await in_worker(_run_update, settings.store, update)
                return PlainTextResponse("update applied\n", status_code=200)
            body, content_type = await in_worker(_run_query, settings.store, query,
                                                 request.headers.get("accept", ""))
            return Response(body, media_type=content_type, headers={"Vary": "Accept"})
        except ProtocolError as exc:
            return PlainTextResponse(exc.message + "\n", status_code=exc.status)

    def page(request: Request) -> Response:       # sync: Starlette runs it in its thread pool
        from .api import graph_for_export
        from .page import render_page

        around = request.query_params.get("around")
        try:
            hops = int(request.query_params.get("hops", "2"))
            graph = graph_for_export(settings.store, None, around, hops)
        except ValueError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=400)
        html = render_page(settings.store, graph, served=True)
        return HTMLResponse(html, headers={"Content-Security-Policy": PAGE_CSP, "Referrer-Policy": "no-referrer",
                                           "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pool.shutdown(wait=False, cancel_futures=True)

    app = Starlette(routes=[Route("/", page, methods=["GET"]),
                            Route("/sparql", sparql, methods=["GET", "POST"])], lifespan=lifespan)
    app.state.settings = settings
    return app


def is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def serve(store: GraphStore, host: str = "127.0.0.1", port: int = 8080, timeout: float = 30.0,
          allow_update: bool = False, log_level: str = "info") -> None:
    import uvicorn

    app = create_app(store, allow_update=allow_update, timeout=timeout)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
