"""One Kafka transaction for a record's table writes, its outputs and its offset.

An app built with faust's `processing_guarantee="exactly_once"` keeps one
transactional producer per assigned source partition (`<app id>-<topic
group>-<partition>`), begun on assignment; every commit interval faust sends
the acked offsets into each producer's transaction, commits it and begins the
next. A restarted or new owner of the partition opens a producer with the
same id, which fences the old one and aborts its open transaction; consumers
read committed data only.

faust's own send paths do not fit a batched agent with a table: `Topic.send`
picks the producer by the *destination* partition, and table writes wait in
a background buffer, so a commit could fall between a record's state and its
outputs (state without the event version: lost on replay; version without
the state: emitted twice). So here a record is processed while holding the
app's record gate (`TransactionalSends.record`), which every transaction
commit also takes (`streaming.exactly_once`): the table writes the record
makes are collected (`TransactionalTable`) and sent into its source
partition's transaction together with its outputs before the gate opens, so
a commit holds all of a record's state and outputs or none. Its offset
(acked once the outputs are acknowledged) joins the same or a later commit:
a record replayed after its state was committed is one the merge has already
counted, so the replay emits nothing.

Without exactly_once (at-least-once, the default), the same table collects
a record's writes (`TransactionalSends.deferring`) and the stage runner
stores them once the record's outputs are acknowledged, before its offset
may be committed (`StageRunner.settle`): a crash can then repeat an event
version, with the same content, but never lose one.

Only faust's public API is used: `Producer.send(..., transactional_id=)`,
`Producer.begin_transaction`, `TransactionManager.transactional_id_format`.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

import faust
from faust.transport.consumer import TopicPartitionGroup, TransactionManager
from faust.types import TP, AppT

from newsevents.streaming.stage import SkipRecord, StateWrite

# The transactional id of the record the current task is processing; a
# ContextVar because `settle` runs in other tasks, which hold no record.
_HELD: ContextVar[str | None] = ContextVar("newsevents_held_transaction", default=None)



class TransactionalSends:
    """Sends into the transaction of the record being processed, for one app."""

    def __init__(self, app: AppT) -> None:
        self.app = app
        # One agent task processes records one at a time, so one list will do.
        self._writes: list[StateWrite] = []
        # Held while a record is processed and its sends queued; commits and
        # rebalances take it too, so neither falls inside a record.
        self.gate = asyncio.Lock()
        # Transactions faust committed without beginning the next (a
        # rebalance's last commit): a record for one begins it again.
        self.ended: set[str] = set()
        self._plain_started = False
        # At-least-once: table writes are collected outside any transaction
        # too, for the agent to store after the record's outputs (`take_writes`).
        self.deferring = False

    def transactional_id(self, topic: str, partition: int) -> str:
        """The id faust's TransactionManager begins and commits for this source partition."""
        group = self.app.assignor.group_for_topic(topic)
        return TransactionManager.transactional_id_format.format(
            group_id=self.app.conf.id, tpg=TopicPartitionGroup(topic, partition, group))

    @asynccontextmanager
    async def record(self, topic: str, partition: int) -> AsyncIterator[None]:
        """Hold the gate (no commit) while the record is processed and its sends queued.

        Raises `SkipRecord` for a record of a partition this worker no longer
        holds (still in flight when a rebalance took it away).
        """
        failure: Exception | None = None
        async with self.gate:
            if TP(topic, partition) not in self.app.consumer.assignment():
                raise SkipRecord(f"{topic}[{partition}] is no longer assigned here")
            transactional_id = self.transactional_id(topic, partition)
            token = _HELD.set(transactional_id)
            try:
                if transactional_id in self.ended:
                    await self.app.producer.begin_transaction(transactional_id)
                    self.ended.discard(transactional_id)
                yield
                for topic_, partition_, key, value in self._writes:
                    await self.app.producer.send(
                        topic_, key, value, partition_, None, None,
                        transactional_id=transactional_id)
            except Exception as exc:
                failure = exc
            finally:
                self._writes.clear()
                _HELD.reset(token)
        if failure is not None:
            # The table in memory now holds writes its transaction may lack:
            # only a restart (recovery from the committed changelog) mends
            # that. Outside the gate: stopping commits, which take it.
            # (Cancellation is a shutdown: nothing to mend.)
            await self.app.crash(failure)
            raise failure

    def holding(self) -> bool:
        return _HELD.get() is not None

    def collecting(self) -> bool:
        """Whether a table write now goes to the list rather than straight to the changelog."""
        return self.deferring or _HELD.get() is not None

    def add_write(self, write: StateWrite) -> None:
        self._writes.append(write)

    def take_writes(self) -> list[StateWrite]:
        """The writes collected since the last call (at-least-once: one record's)."""
        writes, self._writes = self._writes, []
        return writes

    async def send_state(self, write: StateWrite) -> Any:
        """Queue one collected table write on the (plain) producer; returns its delivery."""
        topic, partition, key, value = write
        if not self._plain_started:
            await self.app.producer.maybe_start()
            self._plain_started = True
        return await self.app.producer.send(
            topic, key, value, partition=partition, timestamp=None, headers=None)

    async def send(self, topic: str, key: bytes | None, value: bytes) -> Any:
        """Queue into the held transaction; outside one (a late dead letter), send plainly."""
        transactional_id = _HELD.get()
        if transactional_id is None:
            if not self._plain_started:
                await self.app.producer.maybe_start()
                self._plain_started = True
            return await self.app.producer.send(
                topic, key, value, partition=None, timestamp=None, headers=None)
        return await self.app.producer.send(
            topic, key, value, partition=None, timestamp=None, headers=None,
            transactional_id=transactional_id)


_SENDS: weakref.WeakKeyDictionary[AppT, TransactionalSends] = weakref.WeakKeyDictionary()


def transactional_sends(app: AppT) -> TransactionalSends:
    """The app's one `TransactionalSends`, shared by its agents, its tables and its commits."""
    sends = _SENDS.get(app)
    if sends is None:
        sends = _SENDS[app] = TransactionalSends(app)
    return sends


class TransactionalTable(faust.Table[str, str]):
    """A table whose writes go with the record's outputs: into its transaction, or after them."""

    sends: TransactionalSends | None = None

    def on_key_set(self, key: Any, value: Any) -> None:
        sends = self.sends
        if sends is None or not sends.collecting():
            super().on_key_set(key, value)
            return
        sends.add_write((self.changelog_topic.get_topic_name(), self._partition(key),
                         self._changelog_key(key),
                         self.changelog_topic.prepare_value(value, self.value_serializer)[0]))

    def on_key_del(self, key: Any) -> None:
        sends = self.sends
        if sends is None or not sends.collecting():
            super().on_key_del(key)
            return
        # A tombstone, as faust's own delete sends.
        sends.add_write((self.changelog_topic.get_topic_name(), self._partition(key),
                         self._changelog_key(key), None))

    def _partition(self, key: Any) -> int:
        partition = self.partition_for_key(key)
        assert partition is not None  # the table is keyed by the current event's partition
        return partition

    def _changelog_key(self, key: Any) -> bytes | None:
        prepared: bytes | None = self.changelog_topic.prepare_key(key, self.key_serializer)[0]
        return prepared
