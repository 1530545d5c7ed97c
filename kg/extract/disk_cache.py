"""Tables built once per machine, not once per process.

The gazetteer (34,000 GeoNames cities cleaned and indexed) and the given-name table take 2-3 s to
build from their libraries' data, which every `kg ingest` and every parser process paid before
its first article. They are pickled under $KG_CACHE_DIR (default $XDG_CACHE_HOME/kg, else
~/.cache/kg), keyed by a hash of what they are built from: kg's extraction code and data files
and the versions of the libraries that supply the data. A changed input gives a new key; a
missing, unreadable or corrupt cache file is rebuilt; a cache directory that cannot be written is
no error (the table is just built again next time).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

PACKAGE = Path(__file__).resolve().parent.parent
INPUTS = sorted([*(PACKAGE / "extract").glob("*.py"), *(PACKAGE / "data").iterdir()])


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(os.environ.get("KG_CACHE_DIR") or Path(base) / "kg")


def cached(name: str, build: Callable[[], T], libraries: Iterable[str]) -> T:
    """The table `build` makes, from the cache when it holds one built from the same inputs."""
    path = cache_dir() / f"{name}-{_key(libraries)}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:            # absent, unreadable, truncated, or from an incompatible Python
        pass
    table = build()
    _store(path, table)
    return table


def _store(path: Path, table: object) -> None:
    """Written aside and renamed: a reader sees the old file or the whole new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _key(libraries: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for path in INPUTS:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in libraries:
        digest.update(f"{library}=={metadata.version(library)}".encode())
    return digest.hexdigest()[:16]
