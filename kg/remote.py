"""A GraphStore on any SPARQL 1.1 server (SPARQL 1.1 Protocol over HTTP, standard library only).

Results come back as the same pyoxigraph types the embedded store returns, so the rest of kg
(api.format_result, graphview, stats, ingest) cannot tell the two apart.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from . import __version__
from .namespaces import PREFIXES
from .store import GraphStore, StoreError

SCHEMES = ("sparql+http://", "sparql+https://")
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
# One Accept header for every query form: the server picks JSON results for SELECT/ASK and
# N-Triples for CONSTRUCT/DESCRIBE (it must not send a results document for a graph, or vice versa).
ACCEPT = f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"
DEFAULT_TIMEOUT = 600.0

_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_ERROR_AT = re.compile(r"\b(error at |line )(\d+)(:\d+)?")


class RemoteStore(GraphStore):
    """A store held by a SPARQL 1.1 server, named by a `sparql+http(s)://` URL.

    Mapping: the `sparql+` prefix is stripped, which gives the server's base URL; queries are
    POSTed to `<base>/query` and updates to `<base>/update`, the layout of Oxigraph's server
    (`sparql+http://127.0.0.1:7878` -> `http://127.0.0.1:7878/query` and `.../update`) and of
    Fuseki (`sparql+http://host:3030/ds` -> `/ds/query`, `/ds/update`). Other layouts name the
    endpoints explicitly in the URL's query string, each absolute or relative to the base:
    `sparql+https://host/sparql?query=select&update=modify` -> `https://host/sparql/select` and
    `https://host/sparql/modify`; `...?query=https://a/q&update=https://a/u` is also fine.

    Semantics match the embedded store:
      * kg's prefixes (`kg.namespaces.PREFIXES`) are predeclared: PREFIX lines are prepended for
        every prefix the text does not declare itself (on one extra line; positions in the
        server's error messages are shifted back so they point into the text the user wrote);
      * the default graph of a query is the union of all graphs. This is asked of the server
        with the `union-default-graph` request parameter, which Oxigraph's server understands
        (equivalently, start it with `oxigraph serve --union-default-graph`). Other servers must
        be configured so (Fuseki: `tdb2:unionDefaultGraph true` on the dataset); add
        `union-default-graph=no` to the store URL to stop kg sending the parameter;
      * a query or update the server rejects with HTTP 400 raises SyntaxError(server's message);
        an unreachable server or any other HTTP error raises a one-line StoreError.

    Updates are POSTed as `application/sparql-update`, one request per write (`extend` and
    `retract` send INSERT DATA / DELETE DATA), so each write is one transaction and ingest's
    guarantee (see kg/ingest.py) holds when the server runs each update request atomically
    (Oxigraph does).
    """

    def __init__(self, location: str, timeout: float = DEFAULT_TIMEOUT, check: bool = True) -> None:
        if not location.startswith(SCHEMES):
            raise StoreError(f"not a remote store URL (sparql+http:// or sparql+https://): {location}")
        self.location = location
        self.timeout = timeout
        parts = urllib.parse.urlsplit(location[len("sparql+"):])
        if not parts.hostname:
            raise StoreError(f"remote store URL has no host: {location}")
        params = dict(urllib.parse.parse_qsl(parts.query))
        base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
        self.base = base
        self.query_url = urllib.parse.urljoin(base + "/", params.get("query", "query"))
        self.update_url = urllib.parse.urljoin(base + "/", params.get("update", "update"))
        self.union_param = params.get("union-default-graph", "yes").lower() not in ("no", "false", "0")
        if check:
            self._request(self.query_url, "ASK {}", "application/sparql-query", union=False)

    # -- GraphStore ---------------------------------------------------------------------------

    def query(self, sparql: str):
        """SELECT -> QuerySolutions, ASK -> QueryBoolean, CONSTRUCT/DESCRIBE -> QueryTriples."""
        return self._query(sparql, union=True)

    def update(self, sparql_update: str) -> None:
        self._request(self.update_url, sparql_update, "application/sparql-update", union=False)

    def dump(self, fmt: ox.RdfFormat) -> bytes:
        if fmt.supports_datasets:
            rows = self._query("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
                               union=False)
            quads = (ox.Quad(r["s"], r["p"], r["o"], r["g"] if r["g"] is not None else ox.DefaultGraph())
                     for r in rows)
            return ox.serialize(quads, format=fmt)
        triples = self._query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", union=True)
        return triples.serialize(format=fmt)

    # -- protocol -----------------------------------------------------------------------------

    def _query(self, sparql: str, union: bool):
        content_type, data = self._request(self.query_url, sparql, "application/sparql-query", union=union)
        results_format = ox.QueryResultsFormat.from_media_type(content_type) if content_type else None
        if results_format is not None:  # JSON as asked; XML/TSV from servers that ignore Accept
            try:
                return ox.parse_query_results(data, format=results_format)
            except (SyntaxError, ValueError) as exc:
                raise StoreError(f"SPARQL server {self.base} sent unreadable results: {exc}") from None
        graph_format = ox.RdfFormat.from_media_type(content_type) if content_type else None
        if graph_format is not None and not graph_format.supports_datasets:
            # A real QueryTriples (not a look-alike) so isinstance checks and .serialize() work:
            # load the triples into a throw-away in-memory store and CONSTRUCT them back out.
            mem = ox.Store()
            try:
                mem.load(data, format=graph_format)
            except (SyntaxError, ValueError) as exc:
                raise StoreError(f"SPARQL server {self.base} sent an unreadable graph: {exc}") from None
            return mem.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        raise StoreError(f"SPARQL server {self.base} answered with unexpected content type {content_type or 'none'}")

    def _request(self, url: str, text: str, content_type: str, union: bool) -> tuple[str, bytes]:
        body, shift = with_prefixes(text)
        if union and self.union_param:
            url += ("&" if "?" in url else "?") + "union-default-graph"
        headers = {"Content-Type": content_type + "; charset=utf-8", "User-Agent": f"kg/{__version__}"}
        if content_type == "application/sparql-query":
            headers["Accept"] = ACCEPT
        req = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                ctype = resp.headers.get_content_type()
                return ctype, resp.read()
        except urllib.error.HTTPError as exc:
            message = _error_body(exc)
            if exc.code == 400:
                raise SyntaxError(shift_positions(message, shift)) from None
            first = message.splitlines()[0] if message else exc.reason
            raise StoreError(f"SPARQL server {self.base} answered HTTP {exc.code} for {url}: {first}") from None
        except urllib.error.URLError as exc:
            reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
            raise StoreError(f"cannot reach SPARQL server {self.base}: {reason}") from None
        except (TimeoutError, OSError) as exc:
            raise StoreError(f"SPARQL server {self.base}: {exc.strerror or str(exc) or 'timed out'}") from None


def with_prefixes(text: str) -> tuple[str, int]:
    """The text with PREFIX lines for kg's prefixes it does not declare, and how many lines were
    added in front (0 or 1)."""
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(text)}
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name not in declared]
    if not missing:
        return text, 0
    return " ".join(missing) + "\n" + text, 1


def shift_positions(message: str, lines: int) -> str:
    """`error at 3:7` -> `error at 2:7` when `lines` lines were prepended to the text."""
    if not lines:
        return message
    return _ERROR_AT.sub(lambda m: f"{m.group(1)}{max(int(m.group(2)) - lines, 1)}{m.group(3) or ''}", message)


def _error_body(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""


__all__ = ["RemoteStore", "with_prefixes", "shift_positions"]
