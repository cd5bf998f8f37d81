"""What goes into which Kafka transaction: `TransactionalSends` against recording producers."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from faust.types import TP

from newsevents.streaming.stage import SkipRecord
from newsevents.streaming.transactions import TransactionalSends, TransactionError


class RecordingProducer:
    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes | None, int | None]] = []
        self.in_transaction = True
        self._txn_manager = SimpleNamespace(is_in_transaction=lambda: self.in_transaction)

    async def begin_transaction(self) -> None:
        self.in_transaction = True

    async def send(self, topic: str, value: bytes | None, key: bytes | None = None,
                   partition: int | None = None) -> str:
        self.sent.append((topic, key, value, partition))
        return "delivery"


class PlainProducer:
    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []

    async def maybe_start(self) -> None:
        return None

    async def send(self, topic: str, key: bytes | None, value: bytes, **_: Any) -> str:
        self.sent.append((topic, key, value))
        return "delivery"


def fake_app(partitions: int, assigned: int | None = None) -> Any:
    # faust's TransactionManager names producers '<app id>-<topic group>-<partition>'.
    producers = {f"app-0-{p}": RecordingProducer() for p in range(partitions)}
    crashes: list[BaseException] = []

    async def crash(exc: BaseException) -> None:
        crashes.append(exc)

    plain = PlainProducer()
    plain._transaction_producers = producers  # type: ignore[attr-defined]
    plain._trn_locks = {tid: asyncio.Lock() for tid in producers}  # type: ignore[attr-defined]
    return SimpleNamespace(
        conf=SimpleNamespace(id="app"),
        consumer=SimpleNamespace(assignment=lambda: {
            TP("cands", p) for p in range(partitions if assigned is None else assigned)}),
        assignor=SimpleNamespace(group_for_topic=lambda topic: 0),
        producer=plain, crash=crash, crashes=crashes, producers=producers,
    )


def test_a_records_outputs_and_table_writes_go_into_its_partitions_transaction() -> None:
    app = fake_app(2)
    sends = TransactionalSends(app)

    async def run() -> None:
        async with sends.record("cands", 1):
            assert sends.holding()
            sends.add_write(("changelog", 1, b"ev:1", b"{}"))
            await sends.send("events", b"ev-1", b"v1")
        assert not sends.holding()
        # A dead letter sent later, by another task, holds no transaction.
        await asyncio.ensure_future(sends.send("dlq", b"a", b"letter"))

    asyncio.run(run())
    assert app.producers["app-0-1"].sent == [
        ("events", b"ev-1", b"v1", None), ("changelog", b"ev:1", b"{}", 1)]
    assert app.producers["app-0-0"].sent == []
    assert app.producer.sent == [("dlq", b"a", b"letter")]


def test_a_commit_waits_until_the_record_is_wholly_in_its_transaction() -> None:
    app = fake_app(1)
    sends = TransactionalSends(app)
    order: list[str] = []

    async def commit() -> None:
        # What faust's commit_transactions does around send_offsets and commit.
        async with app.producer._trn_locks["app-0-0"]:
            order.append(f"commit after {len(app.producers['app-0-0'].sent)} sends")

    async def run() -> None:
        async with sends.record("cands", 0):
            committing = asyncio.ensure_future(commit())
            await asyncio.sleep(0)  # the commit task runs, and must wait
            await sends.send("events", b"ev-1", b"v1")
            sends.add_write(("changelog", 0, b"ev:1", b"{}"))
        await committing

    asyncio.run(run())
    assert order == ["commit after 2 sends"]


def test_a_record_between_a_rebalances_commit_and_its_new_transactions_begins_one() -> None:
    app = fake_app(1)
    app.producers["app-0-0"].in_transaction = False
    sends = TransactionalSends(app)

    async def run() -> None:
        async with sends.record("cands", 0):
            await sends.send("events", b"ev-1", b"v1")

    asyncio.run(run())
    assert app.producers["app-0-0"].in_transaction
    assert app.producers["app-0-0"].sent == [("events", b"ev-1", b"v1", None)]


def test_a_record_of_a_partition_that_moved_away_is_skipped_unsent() -> None:
    app = fake_app(2, assigned=1)
    sends = TransactionalSends(app)

    async def run() -> None:
        async with sends.record("cands", 1):
            await sends.send("events", b"ev-1", b"v1")  # pragma: no cover - never entered

    with pytest.raises(SkipRecord):
        asyncio.run(run())
    assert app.producers["app-0-1"].sent == [] and app.producer.sent == []


def test_a_partition_without_a_begun_transaction_crashes_the_worker() -> None:
    app = fake_app(1, assigned=6)
    sends = TransactionalSends(app)

    async def run() -> None:
        async with sends.record("cands", 5):
            pass  # pragma: no cover - never entered

    with pytest.raises(TransactionError):
        asyncio.run(run())
    assert len(app.crashes) == 1


def test_revoked_partitions_lose_their_producers_and_their_records_wait() -> None:
    app = fake_app(2)
    stopped: list[str] = []

    async def stop_transaction(transactional_id: str) -> None:
        stopped.append(transactional_id)
        app.producers.pop(transactional_id)

    app.producer.stop_transaction = stop_transaction
    sends = TransactionalSends(app)

    async def run() -> None:
        await sends.on_partitions_revoked({TP("cands", 1)})
        async with sends.record("cands", 1):
            await sends.send("events", b"ev-1", b"v1")  # pragma: no cover - never entered

    with pytest.raises(SkipRecord):
        asyncio.run(run())
    assert stopped == ["app-0-1"] and app.producer.sent == []
