"""Reads articles from files: JSON lines of `RawArticle`, or text files shaped like a scrape.

A scrape-shaped text file has the source domain on its first line, then the
title, then the body (blank lines between are allowed), as our scraper
writes them. Its id is the file name without extension, so publishing the
same file twice yields the same article id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from newsevents.bounded_lines import Oversized, iter_bounded_lines
from newsevents.messages import RawArticle
from newsevents.streaming.codec import RejectedMessage, decode

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_LINE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ReadError:
    """A line or file that is not an article, with where it was."""

    where: str
    reason: str
    message: str


def parse_scrape_text(text: str, article_id: str) -> RawArticle:
    lines = text.splitlines()
    idx = 0

    def next_nonblank() -> str:
        nonlocal idx
        while idx < len(lines) and not lines[idx].strip():
            idx += 1
        if idx >= len(lines):
            return ""
        value = lines[idx].strip()
        idx += 1
        return value

    source = next_nonblank()
    title = next_nonblank()
    body = "\n".join(lines[idx:]).strip("\n")
    return RawArticle(
        id=article_id,
        source=source or None,
        url=f"https://{source}/" if source and " " not in source else None,
        title=title,
        text=body,
    )


def iter_articles(
    paths: list[Path], max_bytes: int = MAX_LINE_BYTES
) -> Iterator[RawArticle | ReadError]:
    """Yield articles from files and folders (recursively, in name order).

    A JSON line or a text file over `max_bytes` is a `too_large` error, found
    without reading it into memory.
    """
    for path in paths:
        if path.is_dir():
            children = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
            )
            yield from iter_articles(children, max_bytes)
        elif path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from iter_jsonl(fh, str(path), max_bytes)
        else:
            try:
                size = path.stat().st_size
                if size > max_bytes:
                    yield ReadError(str(path), "too_large",
                                    f"file is {size} bytes, over the limit of {max_bytes}")
                    continue
                text = path.read_text(encoding="utf-8")
                yield parse_scrape_text(text, path.stem)
            except (OSError, UnicodeDecodeError) as exc:
                yield ReadError(str(path), "unreadable", str(exc))
            except ValidationError as exc:
                yield ReadError(str(path), "schema_violation", str(exc.errors()[:3]))


def iter_jsonl(
    stream: IO[bytes], name: str, max_bytes: int = MAX_LINE_BYTES
) -> Iterator[RawArticle | ReadError]:
    for number, line in enumerate(iter_bounded_lines(stream, max_bytes), start=1):
        if isinstance(line, Oversized):
            yield ReadError(f"{name}:{number}", "too_large", line.describe())
            continue
        if not line.strip():
            continue
        try:
            yield decode(RawArticle, line.rstrip(b"\r\n"), max_bytes)
        except RejectedMessage as exc:
            yield ReadError(f"{name}:{number}", exc.reason, exc.message)
