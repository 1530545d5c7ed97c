"""Run the NLP on a Dask (dask.distributed) cluster; the client keeps resolving and writing.

Workers parse and extract batches of articles (`extract_articles`, the same code as a local
ingest); results come back as plain records and are written in input order, so a distributed
ingest builds exactly the graph a local one builds. At most `2 x workers` batches are in flight,
so memory does not grow with the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from .parsing import Extraction, extract_articles
from .model import Article


def _extract_batch(articles: list[Article], model: str | None) -> list[Extraction]:
    return list(extract_articles(articles, model))


class DaskExtractor:
    """`address` is a scheduler (tcp://host:port) or `local:N` for a LocalCluster of N workers."""

    def __init__(self, address: str, model: str | None = None, batch_size: int = 16) -> None:
        from dask.distributed import Client, LocalCluster

        self.model, self.batch_size, self._cluster = model, batch_size, None
        if address.startswith("local:"):
            workers = int(address.split(":", 1)[1] or 2)
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            self.client = Client(self._cluster)
        else:
            self.client = Client(address, timeout="10s")
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def __call__(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        it = iter(articles)
        pending: deque = deque()
        while True:
            while len(pending) < 2 * self.workers:
                batch = list(islice(it, self.batch_size))
                if not batch:
                    break
                pending.append(self.client.submit(_extract_batch, batch, self.model, pure=False))
            if not pending:
                return
            yield from pending.popleft().result()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
