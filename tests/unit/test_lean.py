"""The trimmed faust consumer (`streaming.lean`), against a real (unstarted) faust app.

A record reaches the conductor without `wait_first` only when nothing on the
way can block; every other case keeps faust's abandonable delivery.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from faust.types import TP

from newsevents.settings import Settings
from newsevents.streaming.lean import LeanConsumer

TOPIC = "src"


def _app(tmp_path: Path, stages: list[str] | None = None, **overrides: Any) -> Any:
    from newsevents.streaming.app import create_app

    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", data_dir=str(tmp_path),
                        **overrides)
    return create_app(settings, stages or ["linker"], source_partitions=2)  # type: ignore[arg-type]


def test_every_app_gets_the_lean_consumer(tmp_path: Path) -> None:
    async def build(**overrides: Any) -> Any:
        return _app(tmp_path, ["alert"], **overrides).consumer

    for eos in (False, True):
        assert isinstance(asyncio.run(build(alert_exactly_once=eos)), LeanConsumer)


class _Message(SimpleNamespace):
    pass


class _Channel:
    """A stream's channel as the fast path sees it; hashable, as faust keeps them in a set."""

    def __init__(self, queue: Any) -> None:
        self.queue = queue


def _drain(consumer: Any, messages: list[Any]) -> list[tuple[str, int]]:
    """Run the consumer's drain loop over one fetch of `messages`; how each was delivered."""
    delivered: list[tuple[str, int]] = []
    fetcher = SimpleNamespace(_stopped=asyncio.Event())
    in_wait_first = False

    async def getmany(timeout: float) -> Any:
        for message in messages:
            yield message.tp, message
        fetcher._stopped.set()

    async def callback(message: Any) -> None:
        delivered.append(("wait_first" if in_wait_first else "direct", message.offset))

    async def wait_first(*coros: Any, **kwargs: Any) -> None:
        nonlocal in_wait_first
        in_wait_first = True
        try:
            await coros[0]
        finally:
            in_wait_first = False
        for coro in coros[1:]:
            coro.close()

    consumer.getmany = getmany
    consumer.callback = callback
    consumer.wait_first = wait_first
    asyncio.run(consumer._drain_messages(fetcher))
    return delivered


def _messages(tp: TP, offsets: range) -> list[Any]:
    return [_Message(tp=tp, topic=tp.topic, partition=tp.partition, offset=o) for o in offsets]


@pytest.fixture
def consumer(tmp_path: Path) -> Any:
    async def build() -> Any:
        app = _app(tmp_path)
        app.flow_control.resume()
        return app.consumer

    return asyncio.run(build())


def test_records_go_straight_to_the_conductor_in_order_when_nothing_can_block(
    consumer: Any,
) -> None:
    tp = TP(TOPIC, 0)
    assert _drain(consumer, _messages(tp, range(5))) == [("direct", o) for o in range(5)]
    assert consumer._read_offset[tp] == 4


def test_suspended_flow_keeps_fausts_abandonable_delivery(consumer: Any) -> None:
    consumer.suspend_flow.set()
    assert _drain(consumer, _messages(TP(TOPIC, 0), range(2))) == [
        ("wait_first", 0), ("wait_first", 1)]


def test_paused_flow_control_keeps_fausts_delivery(consumer: Any) -> None:
    consumer.app.flow_control.suspend()
    assert {how for how, _ in _drain(consumer, _messages(TP(TOPIC, 0), range(2)))} == {
        "wait_first"}


def test_a_full_stream_queue_of_the_partition_keeps_fausts_delivery(consumer: Any) -> None:
    tp, other = TP(TOPIC, 0), TP(TOPIC, 1)
    full = _Channel(queue=SimpleNamespace(full=lambda: True))
    free = _Channel(queue=SimpleNamespace(full=lambda: False))
    consumer.app.topics._tp_index[tp] = {full, free}
    consumer.app.topics._tp_index[other] = {free}
    delivered = _drain(consumer, _messages(tp, range(1)) + _messages(other, range(1)))
    assert delivered == [("wait_first", 0), ("direct", 0)]


def test_a_full_producer_buffer_or_a_resubscription_keeps_fausts_delivery(
    consumer: Any,
) -> None:
    buffer = consumer.app.producer.buffer
    for _ in range(buffer.max_messages + 1):
        buffer.pending.put_nowait(object())
    assert _drain(consumer, _messages(TP(TOPIC, 0), range(1))) == [("wait_first", 0)]
    while not buffer.pending.empty():
        buffer.pending.get_nowait()

    async def locked() -> list[tuple[str, int]]:
        async with consumer.app.topics._tp_to_callback_lock:
            return await asyncio.to_thread(
                _drain, consumer, _messages(TP(TOPIC, 0), range(1, 2)))

    assert asyncio.run(locked()) == [("wait_first", 1)]
