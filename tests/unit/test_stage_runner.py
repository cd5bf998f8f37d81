"""The runner around every core: outputs sent, failures dead-lettered, never raised."""

from __future__ import annotations

import asyncio

import orjson

from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.codec import RejectedMessage
from newsevents.streaming.stage import Incoming, Output, Process, StageRunner


class Recorder:
    def __init__(self, fail_on: str | None = None) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []
        self.fail_on = fail_on

    async def __call__(self, topic: str, key: bytes | None, value: bytes) -> None:
        if self.fail_on and topic.endswith(self.fail_on):
            raise ValueError("producer refused the message")
        self.sent.append((topic, key, value))


def record(value: bytes | None = b"{}") -> Incoming:
    return Incoming(topic="p.articles.raw", partition=1, offset=7, key=b"k1", value=value,
                    timestamp=None)


def run(runner: StageRunner, rec: Incoming, process: Process) -> list[Output]:
    return asyncio.run(runner.handle(rec, process))


def dead_letters(metric_stage: str, reason: str) -> float:
    return float(metrics.DEAD_LETTERS.labels(metric_stage, reason)._value.get())


def test_outputs_are_sent_with_prefix_and_counted() -> None:
    send = Recorder()
    runner = StageRunner("t-ok", Settings(topic_prefix="p."), send)
    outs = run(runner, record(), lambda r: [Output("articles.classified", "a1", b"v")])
    assert outs == [Output("articles.classified", "a1", b"v")]
    assert send.sent == [("p.articles.classified", b"a1", b"v")]
    assert metrics.MESSAGES_CONSUMED.labels("t-ok")._value.get() == 1


def test_core_exception_goes_to_dlq_with_original_payload() -> None:
    send = Recorder()
    runner = StageRunner("t-crash", Settings(topic_prefix="p."), send)

    def boom(rec: Incoming) -> list[Output]:
        raise KeyError("lexicon entry missing")

    before = dead_letters("t-crash", "core_error")
    assert run(runner, record(b'{"id": "x"}'), boom) == []
    [(topic, key, value)] = send.sent
    assert topic == "p.articles.dlq"
    assert key == b"k1"
    letter = orjson.loads(value)
    assert letter["reason"] == "core_error"
    assert "lexicon entry missing" in letter["message"]
    assert letter["payload"] == '{"id": "x"}'
    assert (letter["topic"], letter["partition"], letter["offset"]) == ("p.articles.raw", 1, 7)
    assert dead_letters("t-crash", "core_error") == before + 1


def test_rejected_message_keeps_its_reason() -> None:
    send = Recorder()
    runner = StageRunner("t-rej", Settings(), send)

    def reject(rec: Incoming) -> list[Output]:
        raise RejectedMessage("invalid_json", "bad")

    run(runner, record(b"\xff\xfe"), reject)
    letter = orjson.loads(send.sent[0][2])
    assert letter["reason"] == "invalid_json"
    assert letter["payload_encoding"] == "base64"


def test_send_failure_becomes_output_error() -> None:
    send = Recorder(fail_on="articles.classified")
    runner = StageRunner("t-out", Settings(), send)
    outs = run(runner, record(), lambda r: [Output("articles.classified", "a1", b"v")])
    assert outs == []
    assert [t for t, _, _ in send.sent] == ["articles.dlq"]
    assert orjson.loads(send.sent[0][2])["reason"] == "output_error"


def test_oversized_payload_is_truncated_in_the_letter() -> None:
    send = Recorder()
    settings = Settings(max_message_bytes=1024)
    runner = StageRunner("t-big", settings, send)

    def reject(rec: Incoming) -> list[Output]:
        raise RejectedMessage("too_large", "too big")

    run(runner, record(b"a" * 5000), reject)
    letter = orjson.loads(send.sent[0][2])
    assert len(letter["payload"]) == 1024
    assert "truncated from 5000 bytes" in letter["message"]
