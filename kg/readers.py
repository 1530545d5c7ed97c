"""Turn files, folders, JSONL and stdin into Articles; every failure names its file."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .model import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class ReadError:
    """A file or line that could not become an Article, with a one-line reason."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def iter_files(paths: list[str]) -> Iterator[Path | ReadError]:
    """Expand folders recursively (sorted, hidden files skipped); report missing paths."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield child
        elif path.exists():
            yield path
        else:
            yield ReadError(raw, "no such file or directory")


def read_paths(paths: list[str]) -> Iterator[Article | ReadError]:
    """Yield an Article (or a ReadError) for every document under `paths`; '-' is stdin."""
    for raw in paths:
        if raw == "-":
            yield from _articles_from_stdin()
            continue
        for item in iter_files([raw]):
            if isinstance(item, ReadError):
                yield item
            else:
                yield from read_file(item)


def count_documents(paths: list[str]) -> int:
    """How many documents `read_paths` will yield (for a progress bar), without parsing them."""
    total = 0
    for raw in paths:
        if raw == "-":
            total += 1
            continue
        for item in iter_files([raw]):
            if isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with item.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def read_file(path: Path) -> Iterator[Article | ReadError]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield ReadError(str(path), f"unsupported file type '{suffix or '(none)'}' "
                                   f"(expected one of {', '.join(sorted(SUPPORTED))})")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if b"\x00" in data[:8192]:
        yield ReadError(str(path), "looks like a binary file, not text")
        return
    text, replaced = _decode(data)
    if suffix in JSONL_SUFFIXES:
        yield from _articles_from_jsonl(text, str(path))
        return
    if suffix in HTML_SUFFIXES:
        article = _article_from_html(text, str(path))
    else:
        article = Article(text=text, source=str(path), title=_title_from_text(text, path.stem))
    if not article.text.strip():
        yield ReadError(str(path), "no text to read (empty file)")
        return
    if replaced:
        print(f"warning: {path}: invalid UTF-8 bytes replaced with U+FFFD", file=sys.stderr)
    yield article


def _decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 (with or without BOM); invalid bytes are replaced, and the caller says so."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors="replace"), True


def _title_from_text(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return fallback


def _article_from_html(html: str, source: str) -> Article:
    """trafilatura keeps the article body and drops scripts, styles and navigation."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    published = getattr(meta, "date", None) if meta else None
    url = getattr(meta, "url", None) if meta else None
    return Article(text=text, source=source, title=title or _title_from_text(text, Path(source).stem),
                   url=url, date=published if published and iso_date_type(published) else None)


def _articles_from_jsonl(text: str, source: str) -> Iterator[Article | ReadError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield ReadError(where, "each line must be an object with a non-empty string 'text'")
            continue
        wrong = [k for k in ("title", "url", "date") if record.get(k) is not None and not isinstance(record[k], str)]
        if wrong:                              # ["x"] would be stored as the text "['x']"
            yield ReadError(where, f"'{wrong[0]}' must be a string, got {type(record[wrong[0]]).__name__}")
            continue
        published = _opt(record.get("date"))
        if published is not None and iso_date_type(published) is None:
            yield ReadError(where, f"'date' must be an ISO 8601 date or date-time (2024-03-05, "
                                   f"2024-03-05T09:30:00Z), got {published!r}")
            continue
        yield Article(text=record["text"], source=where,
                      title=_opt(record.get("title")) or _title_from_text(record["text"], where),
                      url=_opt(record.get("url")), date=published)


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def iso_date_type(value: str) -> str | None:
    """ "date" for an ISO 8601 calendar date, "dateTime" for a date-time, None for anything else:
    the XSD type a publication date is stored with, so that queries can compare dates."""
    kind = "date" if ISO_DATE.match(value) else "dateTime" if ISO_DATE_TIME.match(value) else None
    if kind is None:
        return None
    try:                                     # the shape is XSD's; Python checks the calendar
        if kind == "date":
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return kind


def _opt(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _articles_from_stdin() -> Iterator[Article | ReadError]:
    text, _ = _decode(sys.stdin.buffer.read())
    if not text.strip():
        yield ReadError("<stdin>", "no text to read")
        return
    yield Article(text=text, source="<stdin>", title=_title_from_text(text, "stdin"))
