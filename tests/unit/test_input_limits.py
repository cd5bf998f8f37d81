"""NEWSEVENTS_MAX_MESSAGE_BYTES bounds every input: each stage's source, CLI files and stdin."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

import orjson
import pytest
from click.testing import CliRunner

from newsevents import pipeline as pipeline_module
from newsevents.alert.agent import make_candidates, make_merge
from newsevents.alert.engine import AlertEngine
from newsevents.alert.rules import load_rules
from newsevents.article_files import ReadError, iter_articles, iter_jsonl
from newsevents.bounded_lines import Oversized, iter_bounded_lines
from newsevents.classifier.agent import make_process as make_classifier
from newsevents.classifier.core import Classifier
from newsevents.cli import extract as extract_cli
from newsevents.linker.agent import make_process as make_linker
from newsevents.linker.core import Linker
from newsevents.messages import RawArticle
from newsevents.settings import Settings
from newsevents.streaming.codec import RejectedMessage
from newsevents.streaming.stage import Incoming, Process

LIMIT = 4096


class Untouchable:
    """Stands in for a core: a refused payload must never reach it."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the core was reached ({name}) with a payload over the limit")


class ReadSizes(io.BytesIO):
    """Records how much each readline asked for, to prove a line is never read whole."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def readline(self, size: int | None = -1, /) -> bytes:
        self.asked.append(-1 if size is None else size)
        return super().readline(size)


def stages(settings: Settings) -> dict[str, tuple[Process, int]]:
    """Each stage's process function and the input limit it must apply."""
    engine = AlertEngine(load_rules(None), timedelta(hours=72), {})
    merge, _ = make_merge(settings, engine)
    upstream = 4 * settings.max_message_bytes  # outputs carry the article and grow
    return {
        "classifier": (make_classifier(settings, cast(Classifier, Untouchable())),
                       settings.max_message_bytes),
        "linker": (make_linker(settings, cast(Linker, Untouchable())), upstream),
        "alert-candidates": (make_candidates(settings), upstream),
        "alert-merge": (merge, upstream),
    }


@pytest.mark.parametrize("stage", ["classifier", "linker", "alert-candidates", "alert-merge"])
def test_every_stage_refuses_input_over_its_limit(stage: str) -> None:
    process, limit = stages(Settings(max_message_bytes=LIMIT))[stage]

    def record(size: int) -> Incoming:
        # Valid JSON of exactly `size` bytes, so only its size can be the reason.
        head, tail = b'{"pad": "', b'"}'
        value = head + b"x" * (size - len(head) - len(tail)) + tail
        assert len(value) == size
        return Incoming("src", 0, 0, b"k", value, None)

    with pytest.raises(RejectedMessage) as over:
        process(record(limit + 1))
    assert over.value.reason == "too_large"
    assert str(limit) in over.value.message
    with pytest.raises(RejectedMessage) as at_limit:
        process(record(limit))
    assert at_limit.value.reason == "schema_violation"


def test_bounded_lines_skip_an_oversized_line_without_reading_it_whole() -> None:
    huge = b"y" * (50 * LIMIT)
    stream = ReadSizes(b"short\n" + huge + b"\n" + b"z" * LIMIT + b"\r\n" + b"last")
    lines = list(iter_bounded_lines(stream, LIMIT))
    assert lines == [b"short\n", Oversized(len(huge), LIMIT), b"z" * LIMIT + b"\r\n", b"last"]
    # Never asked for more than the limit plus a line ending, or one skipping chunk.
    assert all(0 < size <= max(LIMIT + 2, 1024 * 1024) for size in stream.asked)


def test_bounded_lines_count_the_last_line_without_newline() -> None:
    assert list(iter_bounded_lines(io.BytesIO(b"a" * (LIMIT + 1)), LIMIT)) == [
        Oversized(LIMIT + 1, LIMIT)]
    assert list(iter_bounded_lines(io.BytesIO(b"a" * LIMIT), LIMIT)) == [b"a" * LIMIT]


def article_line(article_id: str, size: int) -> bytes:
    base = orjson.dumps({"id": article_id, "text": ""})
    return orjson.dumps({"id": article_id, "text": "w" * (size - len(base))})


def test_jsonl_and_text_files_over_the_limit_are_reported_not_read(tmp_path: Path) -> None:
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_bytes(article_line("small", 200) + b"\n" + article_line("big", LIMIT + 1)
                      + b"\n" + article_line("exact", LIMIT) + b"\n")
    items = list(iter_articles([jsonl], LIMIT))
    assert [i.id if isinstance(i, RawArticle) else (i.where, i.reason) for i in items] == [
        "small", (f"{jsonl}:2", "too_large"), "exact"]

    text = tmp_path / "scrape.txt"
    text.write_text("wire.example\nTitle\n\n" + "body " * LIMIT)
    [error] = list(iter_articles([text], LIMIT))
    assert isinstance(error, ReadError) and error.reason == "too_large"

    from_stdin = list(iter_jsonl(io.BytesIO(article_line("big", 10 * LIMIT)), "<stdin>", LIMIT))
    assert [(e.where, e.reason) for e in from_stdin if isinstance(e, ReadError)] == [
        ("<stdin>:1", "too_large")]


def test_extract_applies_the_message_limit_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # The pipeline is never reached by these lines; loading the real one would only cost time.
    monkeypatch.setattr(pipeline_module.Pipeline, "load", staticmethod(lambda: Untouchable()))
    stdin = article_line("big", 20 * LIMIT) + b"\n" + b"{not json\n"
    done = CliRunner().invoke(extract_cli.extract, input=stdin,
                              env={"NEWSEVENTS_MAX_MESSAGE_BYTES": str(LIMIT)})
    assert done.exit_code == 1, done.output
    first, second = (orjson.loads(x) for x in done.stdout_bytes.splitlines())
    assert first["line"] == 1 and first["error"]["reason"] == "too_large"
    assert str(LIMIT) in first["error"]["message"]
    # The rest of the oversized line was skipped, not read as the next line.
    assert second["line"] == 2 and second["error"]["reason"] == "invalid_json"
