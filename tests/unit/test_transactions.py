"""What goes into which Kafka transaction, and when faust may commit: against recording fakes.

faust's own `TransactionManager` (subclassed by `GatedTransactionManager`)
runs here for real, so a change in how faust names or commits transactions
fails these tests rather than a fault run.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from faust.types import TP

from newsevents.settings import Settings
from newsevents.streaming.exactly_once import (
    CommittedHighwatersConsumer,
    GatedTransactionManager,
)
from newsevents.streaming.stage import SkipRecord
from newsevents.streaming.transactions import TransactionalSends, transactional_sends

Sent = tuple[str, bytes | None, bytes | None, int | None, str | None]


class RecordingProducer:
    """faust's Producer API as the transactions use it: sends, begins and commits recorded."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.sent: list[Sent] = []
        self.begun: list[str] = []
        self.committed: list[tuple[dict[str, dict[TP, int]], bool]] = []
        self.stopped: list[str] = []
        self.fail_on = fail_on

    async def maybe_start(self) -> None:
        return None

    async def send(self, topic: str, key: bytes | None, value: bytes | None,
                   partition: int | None, timestamp: float | None, headers: Any,
                   *, transactional_id: str | None = None) -> str:
        if topic == self.fail_on:
            raise RuntimeError("the producer was fenced")
        self.sent.append((topic, key, value, partition, transactional_id))
        return "delivery"

    async def begin_transaction(self, transactional_id: str) -> None:
        self.begun.append(transactional_id)

    async def maybe_begin_transaction(self, transactional_id: str) -> None:
        self.begun.append(transactional_id)

    async def stop_transaction(self, transactional_id: str) -> None:
        self.stopped.append(transactional_id)

    async def commit_transactions(self, offsets: dict[str, dict[TP, int]], group_id: str,
                                  start_new_transaction: bool = True) -> None:
        self.committed.append(({t: dict(o) for t, o in offsets.items()}, start_new_transaction))


class FakeApp(SimpleNamespace):
    """An app as the transactions see it (a class of its own: apps are weakly referenced)."""

    __hash__ = object.__hash__  # type: ignore[assignment]


def fake_app(assigned: set[TP], fail_on: str | None = None) -> Any:
    crashes: list[tuple[BaseException, bool]] = []
    app: Any = FakeApp(
        conf=SimpleNamespace(id="app"),
        consumer=SimpleNamespace(assignment=lambda: set(assigned)),
        # Both topics of one topic group, as faust's assignor puts co-partitioned ones.
        assignor=SimpleNamespace(group_for_topic=lambda topic: 0,
                                 is_standby=lambda tp: False),
        producer=RecordingProducer(fail_on), crashes=crashes,
    )

    async def crash(exc: BaseException) -> None:
        # Whether the gate was free: a crash stops the app, whose last commit takes it.
        crashes.append((exc, transactional_sends(app).gate.locked()))

    app.crash = crash
    return app


def manager(app: Any) -> GatedTransactionManager:
    transport: Any = SimpleNamespace(app=app)
    return GatedTransactionManager(transport, consumer=app.consumer, producer=app.producer)


def test_a_records_outputs_and_table_writes_go_into_its_partitions_transaction() -> None:
    app = fake_app({TP("cands", 0), TP("cands", 1)})
    sends = transactional_sends(app)

    async def run() -> None:
        async with sends.record("cands", 1):
            assert sends.holding()
            sends.add_write(("changelog", 1, b"ev:1", b"{}"))
            await sends.send("events", b"ev-1", b"v1")
        assert not sends.holding()
        # A dead letter sent later, by another task, holds no transaction.
        await asyncio.ensure_future(sends.send("dlq", b"a", b"letter"))

    asyncio.run(run())
    assert app.producer.sent == [
        ("events", b"ev-1", b"v1", None, "app-0-1"),
        ("changelog", b"ev:1", b"{}", 1, "app-0-1"),
        ("dlq", b"a", b"letter", None, None),
    ]


def test_faust_commits_the_transaction_the_record_was_sent_into() -> None:
    app = fake_app({TP("cands", 1)})
    sends = transactional_sends(app)

    async def run() -> None:
        async with sends.record("cands", 1):
            await sends.send("events", b"ev-1", b"v1")
        await manager(app).commit({TP("cands", 1): 8})

    asyncio.run(run())
    [(_, _, _, _, sent_into)] = app.producer.sent
    assert app.producer.committed == [({sent_into: {TP("cands", 1): 8}}, True)]


def test_a_commit_waits_until_the_record_is_wholly_in_its_transaction() -> None:
    app = fake_app({TP("cands", 0)})
    sends = transactional_sends(app)
    seen: list[int] = []

    async def run() -> None:
        async with sends.record("cands", 0):
            committing = asyncio.ensure_future(manager(app).commit({TP("cands", 0): 3}))
            await asyncio.sleep(0.01)  # the commit task runs, and must wait
            assert not app.producer.committed
            await sends.send("events", b"ev-1", b"v1")
            sends.add_write(("changelog", 0, b"ev:1", b"{}"))
        await committing
        seen.append(len(app.producer.sent))

    asyncio.run(run())
    assert len(app.producer.committed) == 1 and seen == [2]


def test_a_transaction_a_rebalance_ended_is_begun_again_for_the_next_record() -> None:
    app = fake_app({TP("cands", 0)})
    sends = transactional_sends(app)

    async def run() -> None:
        # What faust's revocation does last: commit without beginning the next.
        await manager(app).commit({TP("cands", 0): 3}, start_new_transaction=False)
        async with sends.record("cands", 0):
            await sends.send("events", b"ev-1", b"v1")
        async with sends.record("cands", 0):
            await sends.send("events", b"ev-2", b"v1")

    asyncio.run(run())
    assert app.producer.begun == ["app-0-0"]
    assert [s[4] for s in app.producer.sent] == ["app-0-0", "app-0-0"]


def test_after_a_rebalance_begins_them_no_record_begins_a_transaction() -> None:
    app = fake_app({TP("cands", 0)})
    sends = transactional_sends(app)

    async def run() -> None:
        tm = manager(app)
        await tm.commit({TP("cands", 0): 3}, start_new_transaction=False)
        await tm.on_rebalance({TP("cands", 0)}, set(), set())
        async with sends.record("cands", 0):
            await sends.send("events", b"ev-1", b"v1")

    asyncio.run(run())
    assert app.producer.begun == ["app-0-0"]  # by faust's on_rebalance, once


def test_a_rebalance_stops_the_producers_of_partitions_no_longer_assigned() -> None:
    app = fake_app(set())

    async def run() -> None:
        tm = manager(app)
        both = {TP("cands", 0), TP("cands", 1)}
        await tm.on_rebalance(both, set(), both)
        # faust's own `revoked` is empty here, as it came in the rebalance fault test.
        await tm.on_rebalance({TP("cands", 1)}, set(), set())

    asyncio.run(run())
    assert app.producer.stopped == ["app-0-0"]
    assert app.producer.begun == ["app-0-0", "app-0-1", "app-0-1"]


def test_a_record_of_a_partition_that_moved_away_is_skipped_unsent() -> None:
    app = fake_app({TP("cands", 0)})
    sends = transactional_sends(app)

    async def run() -> None:
        async with sends.record("cands", 1):
            await sends.send("events", b"ev-1", b"v1")  # pragma: no cover - never entered

    with pytest.raises(SkipRecord):
        asyncio.run(run())
    assert app.producer.sent == [] and not sends.gate.locked()


def test_a_failed_send_inside_a_record_crashes_the_worker_with_the_gate_open() -> None:
    app = fake_app({TP("cands", 0)}, fail_on="changelog")
    sends = transactional_sends(app)

    async def run() -> None:
        async with sends.record("cands", 0):
            sends.add_write(("changelog", 0, b"ev:1", b"{}"))

    with pytest.raises(RuntimeError, match="fenced"):
        asyncio.run(run())
    [(exc, gate_held)] = app.crashes
    assert isinstance(exc, RuntimeError) and not gate_held


def test_one_sends_per_app() -> None:
    app, other = fake_app(set()), fake_app(set())
    assert transactional_sends(app) is transactional_sends(app)
    assert transactional_sends(app) is not transactional_sends(other)
    assert isinstance(transactional_sends(app), TransactionalSends)


def test_the_alert_app_gets_the_exactly_once_consumer_and_transaction_manager(
    tmp_path: Path,
) -> None:
    from newsevents.streaming.app import create_app

    settings = Settings(kafka_bootstrap_servers="127.0.0.1:1", data_dir=str(tmp_path),
                        alert_exactly_once=True)
    plain = Settings(kafka_bootstrap_servers="127.0.0.1:1", data_dir=str(tmp_path),
                     alert_exactly_once=False)

    async def build(settings: Settings) -> tuple[Any, Any]:
        app = create_app(settings, ["alert"], source_partitions=2)
        return app.conf.processing_guarantee.value, app.consumer

    guarantee, consumer = asyncio.run(build(settings))
    assert guarantee == "exactly_once"
    # faust builds them from the transport's extension points; if it stops, this fails.
    assert isinstance(consumer, CommittedHighwatersConsumer)
    assert isinstance(consumer.transactions, GatedTransactionManager)
    guarantee, consumer = asyncio.run(build(plain))
    assert guarantee == "at_least_once"
    assert not isinstance(consumer, CommittedHighwatersConsumer)
