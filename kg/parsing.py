"""Articles -> extractions: spaCy's parse, in parser processes or here, then kg's extractor.

The parse (tagger, parser, NER) is most of an ingest's cost. Run in the process that also
extracts, resolves and writes, it waits for that work, and that work waits for it. So by default
`parse_and_extract` parses in child processes that send each Doc back as bytes, while this process
runs the extractor on the Docs in input order: the same Docs, so the same facts as a parse here.
At most 2N+1 batches are in flight, so memory does not grow with the corpus. The parser processes
are forked (on Linux) once this process has loaded the model, so they start without loading it again, and
they outlive the ingest call, as the loaded model does: a program that ingests batch after batch
starts them once. An ingest that stops early (an error, Ctrl-C) ends them rather than waiting for
their batches; the next one starts new ones. They end soon after the program does, even if it is
killed.

A long article is parsed in chunks (see `chunks`); each chunk comes back as one piece of its
article, with its facts' offsets moved into the article text.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from .model import Article, Entity, Fact
from .nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

# One piece of an article: its entities and facts (offsets into the article text), and whether it
# is the article's last piece (a short article is one piece, a long one one piece per chunk).
Extraction = tuple[Article, dict[str, Entity], list[Fact], bool]
# A piece before parsing: its text, and (article, offset of the text in the article, is last).
Piece = tuple[str, tuple[Article, int, bool]]

LONG_TEXT = 100_000      # longer articles are parsed in chunks (spaCy's nlp.max_length is 1,000,000)
CHUNK_CHARS = 10_000     # so a batch of chunks holds at most batch_size * CHUNK_CHARS characters
EXTRACTOR = "kg_extractor"
ORPHAN_CHECK_SECONDS = 0.5   # how soon a parser process notices that kg's process has ended


class ParserProcessDied(RuntimeError):
    """A parser process ended without answering (killed, or out of memory)."""


def is_long(article: Article) -> bool:
    return len(article.text) > LONG_TEXT


def parse_and_extract(articles: Iterable[Article], model: str | None = None, batch_size: int = 32,
                      workers: int = 1) -> Iterator[Extraction]:
    """Extractions in input order: parsed by `workers` parser processes (0: in this process, as
    in a daemonic process, which may not start any)."""
    if workers < 0:
        raise ValueError(f"workers must be 0 or more, not {workers}")
    if workers == 0 or multiprocessing.current_process().daemon:
        return extract_articles(articles, model, batch_size)
    return _extract_parsed_elsewhere(_pieces(articles), model, batch_size, workers)


def extract_articles(articles: Iterable[Article], model: str | None = None,
                     batch_size: int = 32) -> Iterator[Extraction]:
    """Parse and extract in this process (a Dask worker runs this on its batches)."""
    nlp = load_pipeline(model)
    for doc, context in nlp.pipe(_pieces(articles), as_tuples=True, batch_size=batch_size):
        yield _extraction(doc, context)


def _pieces(articles: Iterable[Article]) -> Iterator[Piece]:
    return ((text, (article, start, last)) for article in articles for text, start, last in chunks(article.text))


def _extract_parsed_elsewhere(pieces: Iterator[Piece], model: str | None, batch_size: int,
                              workers: int) -> Iterator[Extraction]:
    from spacy.tokens import Doc

    nlp = load_pipeline(model)
    extract = nlp.get_pipe(EXTRACTOR)
    pool = _parsers.get(model, workers)
    pending: deque[tuple[Future, list[tuple[Article, int, bool]]]] = deque()
    finished = False
    try:
        while True:
            while len(pending) < 2 * workers + 1:
                batch = list(islice(pieces, batch_size))
                if not batch:
                    break
                pending.append((pool.submit(_parse, [text for text, _ in batch], model), [c for _, c in batch]))
            if not pending:
                finished = True
                return
            parsed, contexts = pending.popleft()
            for data, context in zip(parsed.result(), contexts):
                yield _extraction(extract(Doc(nlp.vocab).from_bytes(data)), context)
    except BrokenProcessPool:
        raise ParserProcessDied("a parser process died (out of memory? try --workers 0 or a smaller "
                                "--batch-size)") from None
    finally:
        if not finished:                         # an error, Ctrl-C, or a parser died: the batches in
            _parsers.stop(pool)                  # flight are not waited for


class _Parsers:
    """The parser processes: one pool, for one model and number of processes, kept between
    ingest calls (a call with another model or number replaces it). Forked on Linux (see the
    module docstring), spawned elsewhere."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[str | None, int] | None = None
        self._pool: ProcessPoolExecutor | None = None

    def get(self, model: str | None, workers: int) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is not None and self._key == (model, workers):
                try:
                    self._pool.submit(int).result()          # alive (a parser may have died since)
                    return self._pool
                except BrokenProcessPool:
                    pass
            if self._pool is not None:
                self.stop(self._pool)
            method = "fork" if sys.platform == "linux" else "spawn"
            self._key = (model, workers)
            self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                             initializer=_start_parser, initargs=(os.getpid(),))
            return self._pool

    def stop(self, pool: ProcessPoolExecutor) -> None:
        """End the processes now, whatever they are doing: shutdown() alone would let them finish
        their batches, and the program's exit would wait for them."""
        if pool is self._pool:
            self._pool = self._key = None
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def forget(self) -> None:
        """In a child forked from this process: the pool's processes are not its children."""
        self._lock = threading.Lock()
        self._pool = self._key = None


_parsers = _Parsers()
os.register_at_fork(after_in_child=_parsers.forget)


def _start_parser(parent: int) -> None:
    """In a parser process: Ctrl-C is for the main process to handle, and the process ends soon
    after the one that started it. (A forked process holds both ends of its task pipe, so it
    would not notice its parent die by reading it.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _parse(texts: list[str], model: str | None) -> list[bytes]:
    """In a parser process: the pipeline up to the extractor, each Doc as bytes."""
    nlp = load_pipeline(model)
    with nlp.select_pipes(disable=[EXTRACTOR]):
        return [doc.to_bytes(exclude=["tensor"]) for doc in nlp.pipe(texts, batch_size=len(texts))]


def _extraction(doc: Doc, context: tuple[Article, int, bool]) -> Extraction:
    article, start, last = context
    facts = [replace(f, sentence_start=f.sentence_start + start, sentence_end=f.sentence_end + start)
             for f in doc._.kg_facts] if start else doc._.kg_facts
    return article, doc._.kg_entities, facts, last


def chunks(text: str, size: int | None = None) -> Iterator[tuple[str, int, bool]]:
    """A long text as (chunk, offset, is_last) pieces of at most `size` characters, cut at a
    paragraph break, else a sentence end, else a space, so spaCy parses it in bounded memory
    (and never hits nlp.max_length). `ingest` writes the document piece by piece."""
    if len(text) <= LONG_TEXT:
        yield text, 0, True
        return
    size = size or CHUNK_CHARS
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n\n", size // 2) + 2
        if cut < 2:
            ends = [m.end() for m in re.finditer(r"[.!?][\"')\]]*\s", window[size // 2:])]
            cut = size // 2 + ends[-1] if ends else window.rfind(" ", size // 2) + 1 or size
        yield text[start:start + cut], start, False
        start += cut
    yield text[start:], start, True


__all__ = ["parse_and_extract", "extract_articles", "Extraction", "ParserProcessDied"]
