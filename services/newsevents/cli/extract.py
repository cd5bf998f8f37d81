"""`newsevents extract`: the whole pipeline offline, JSON lines in, JSON lines out.

Exactly one output line per input line, in order, so a caller can zip the two.
"""

from __future__ import annotations

import sys
from typing import IO, Any

import click
import orjson

from newsevents.bounded_lines import Oversized, iter_bounded_lines
from newsevents.messages import RawArticle
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings
from newsevents.streaming.codec import RejectedMessage, decode


@click.command()
def extract() -> None:
    """Read RawArticle JSON lines on stdin; write one result line per input line on stdout.

    A result is {"article_id", "language", "language_confidence", "events": [...]};
    a line that cannot be read gives {"article_id": null, "line": N, "error": {...}}
    in its place; a line over NEWSEVENTS_MAX_MESSAGE_BYTES is such an error
    (reason "too_large"), the same limit the classifier stage applies.
    Exit status 1 if any line failed.
    """
    failed = run_extract(Pipeline.load(), sys.stdin.buffer, sys.stdout.buffer,
                         Settings().max_message_bytes)
    sys.exit(1 if failed else 0)


def run_extract(pipeline: Pipeline, stdin: IO[bytes], stdout: IO[bytes], max_bytes: int) -> int:
    failed = 0
    for number, line in enumerate(iter_bounded_lines(stdin, max_bytes), start=1):
        result: dict[str, Any]
        article_id: str | None = None
        if isinstance(line, Oversized):
            failed += 1
            result = {"article_id": None, "line": number,
                      "error": {"reason": "too_large", "message": line.describe()}}
            stdout.write(orjson.dumps(result) + b"\n")
            continue
        try:
            article = decode(RawArticle, line.rstrip(b"\r\n"), max_bytes)
            article_id = article.id
            out = pipeline.run(article)
            result = {
                "article_id": article.id,
                "language": out.classified.language,
                "language_confidence": out.classified.language_confidence,
                "events": [e.model_dump(mode="json") for e in out.events],
            }
        except RejectedMessage as exc:
            failed += 1
            result = {"article_id": None, "line": number,
                      "error": {"reason": exc.reason, "message": exc.message}}
        except Exception as exc:  # one bad article must not end the batch
            failed += 1
            result = {"article_id": article_id, "line": number,
                      "error": {"reason": "core_error", "message": f"{type(exc).__name__}: {exc}"}}
        stdout.write(orjson.dumps(result) + b"\n")
    stdout.flush()
    return failed
