"""One Kafka transaction for a record's table writes, its outputs and its offset.

An app built with faust's `processing_guarantee="exactly_once"` keeps one
transactional producer per assigned source partition (`<app id>-<topic
group>-<partition>`), begun on assignment; every commit interval faust sends
the acked offsets into each producer's transaction, commits it and begins the
next, holding that producer's lock. A restarted or new owner of the partition
opens a producer with the same id, which fences the old one and aborts its
open transaction; consumers read committed data only.

faust's own send paths do not fit a batched agent with a table: `Topic.send`
picks the producer by the *destination* partition, and table writes wait in
a background buffer, so a commit could fall between a record's state and its
outputs (state without the event version: lost on replay; version without
the state: emitted twice). So here a record is processed while holding its
source partition's producer lock (`TransactionalSends.record`): the table
writes it makes are collected (`TransactionalTable`) and sent into that
producer's transaction together with its outputs, before the lock is
released; a commit therefore holds all of a record's state and outputs or
none. Its offset (acked once the outputs are acknowledged) joins the same or
a later commit: a record replayed after its state was committed is one the
merge has already counted, so the replay emits nothing.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any, cast

import faust
from faust.types import TP

from newsevents.streaming.stage import SkipRecord

# The transactional id whose lock the current task holds while it processes a
# record; a ContextVar because `settle` runs in other tasks that do not hold it.
_HELD: ContextVar[str | None] = ContextVar("newsevents_held_transaction", default=None)

# (topic, partition, key, value) of a table write not yet in the transaction.
TableWrite = tuple[str, int, bytes | None, bytes | None]


class TransactionError(RuntimeError):
    """No open transaction for a partition this worker processes."""


class TransactionalSends:
    """Sends into the transaction of the record being processed, for one app."""

    def __init__(self, app: faust.App) -> None:
        self.app = app
        # One agent task processes records one at a time, so one list will do.
        self._writes: list[TableWrite] = []
        self._plain_started = False

    def transactional_id(self, topic: str, partition: int) -> str:
        # The same id faust's TransactionManager begins and commits for this partition.
        group = self.app.assignor.group_for_topic(topic)
        return f"{self.app.conf.id}-{group}-{partition}"

    async def on_partitions_revoked(self, revoked: set[TP]) -> None:
        """Drop the producers of revoked partitions, which faust may keep.

        Sent once faust has committed what was acked. Whoever owns a partition
        next begins it with a fresh producer, whose initialisation fences any
        other with the same id and aborts its open transaction; an old
        producer kept here would be fenced at its next send.
        """
        transactional_ids = set()
        for tp in revoked:
            try:
                transactional_ids.add(self.transactional_id(tp.topic, tp.partition))
            except KeyError:  # not a topic of the app's agents (a changelog standby)
                continue
        for transactional_id in sorted(transactional_ids):
            await self.app.producer.stop_transaction(transactional_id)

    def _producer(self, transactional_id: str) -> Any:
        producer = self.app.producer._transaction_producers.get(  # type: ignore[attr-defined]
            transactional_id)
        if producer is None:
            raise TransactionError(f"no transactional producer {transactional_id} "
                                   "(partition revoked, or its transaction failed to begin)")
        return producer

    @asynccontextmanager
    async def record(self, topic: str, partition: int) -> AsyncIterator[None]:
        """Hold the record's transaction open (no commit) while it is processed and sent.

        Raises `SkipRecord` for a record of a partition this worker no longer
        holds (still in flight when a rebalance took it away).
        """
        if TP(topic, partition) not in self.app.consumer.assignment():
            raise SkipRecord(f"{topic}[{partition}] is no longer assigned here")
        transactional_id = self.transactional_id(topic, partition)
        lock = await self._acquire(transactional_id)
        try:
            token = _HELD.set(transactional_id)
            try:
                producer = self._producer(transactional_id)
                if not producer._txn_manager.is_in_transaction():
                    # A rebalance commits and ends every transaction and faust
                    # begins them again once it is over; a record still in
                    # flight in between gets one of its own (if the partition
                    # moved, the new owner's producer aborts it).
                    await producer.begin_transaction()
                yield
                await self._flush_writes(transactional_id)
            except Exception as exc:
                # The table in memory now holds writes its transaction lacks:
                # only a restart (recovery from the committed changelog) mends
                # that. (Cancellation is a shutdown: nothing to mend.)
                await self.app.crash(exc)
                raise
            finally:
                self._writes.clear()
                _HELD.reset(token)
        finally:
            lock.release()

    async def _acquire(self, transactional_id: str) -> asyncio.Lock:
        """Acquire the partition's transaction lock, the one its commits take now."""
        producer = self.app.producer
        while True:
            lock: asyncio.Lock | None = producer._trn_locks.get(  # type: ignore[attr-defined]
                transactional_id)
            if lock is None:
                # faust logs and carries on when a transaction fails to begin; a
                # record processed outside one would break the guarantee.
                exc = TransactionError(f"no transaction {transactional_id} was begun")
                await self.app.crash(exc)
                raise exc
            await lock.acquire()
            if producer._trn_locks.get(transactional_id) is not lock:  # type: ignore[attr-defined]
                lock.release()
                continue  # a new producer came with a new lock meanwhile
            if transactional_id not in producer._transaction_producers:  # type: ignore[attr-defined]
                lock.release()
                # Between a rebalance's revocation and its new assignment.
                raise SkipRecord(f"{transactional_id} awaits the new assignment")
            return cast(asyncio.Lock, lock)

    def holding(self) -> bool:
        return _HELD.get() is not None

    def add_write(self, write: TableWrite) -> None:
        self._writes.append(write)

    async def _flush_writes(self, transactional_id: str) -> None:
        producer = self._producer(transactional_id)
        for topic, partition, key, value in self._writes:
            await producer.send(topic, value, key=key, partition=partition)

    async def send(self, topic: str, key: bytes | None, value: bytes) -> Any:
        """Queue into the held transaction; outside one (a late dead letter), send plainly."""
        transactional_id = _HELD.get()
        if transactional_id is None:
            if not self._plain_started:
                await self.app.producer.maybe_start()
                self._plain_started = True
            return await self.app.producer.send(
                topic, key, value, partition=None, timestamp=None, headers=None)
        return await self._producer(transactional_id).send(topic, value, key=key)


_SENDS: weakref.WeakKeyDictionary[faust.App, TransactionalSends] = weakref.WeakKeyDictionary()


def transactional_sends(app: faust.App) -> TransactionalSends:
    """The app's one `TransactionalSends`, shared by its agents and its tables."""
    sends = _SENDS.get(app)
    if sends is None:
        sends = _SENDS[app] = TransactionalSends(app)
    return sends


class TransactionalTable(faust.Table[str, str]):
    """A table whose writes, inside `TransactionalSends.record`, join the record's transaction."""

    sends: TransactionalSends | None = None

    def on_key_set(self, key: Any, value: Any) -> None:
        sends = self.sends
        if sends is None or not sends.holding():
            super().on_key_set(key, value)
            return
        partition = self.partition_for_key(key)
        assert partition is not None  # the table is not partitioner-keyed
        sends.add_write((self.changelog_topic.get_topic_name(), partition,
                         self._changelog_key(key),
                         self.changelog_topic.prepare_value(value, self.value_serializer)[0]))
        self._sensor_on_set(self, key, value)

    def on_key_del(self, key: Any) -> None:
        sends = self.sends
        if sends is None or not sends.holding():
            super().on_key_del(key)
            return
        partition = self.partition_for_key(key)
        assert partition is not None
        # A tombstone, as faust's own delete sends.
        sends.add_write((self.changelog_topic.get_topic_name(), partition,
                         self._changelog_key(key), None))
        self._sensor_on_del(self, key)

    def _changelog_key(self, key: Any) -> bytes | None:
        prepared: bytes | None = self.changelog_topic.prepare_key(key, self.key_serializer)[0]
        return prepared
