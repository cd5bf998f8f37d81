"""What every stage does around its core: limits, timing, metrics, dead letters, sends.

A stage agent hands Kafka records to `StageRunner.queue_batch` (then `settle`)
or `handle_batch` with a function that turns a payload into outputs.
Whatever goes wrong inside (a refused payload, an exception in the core, an
output the producer will not take or the broker does not acknowledge) ends
as a dead letter with a reason; the agent itself never raises, because faust
restarts a crashed agent and skips the message with only a log line.

Sends are queued for the whole batch and their acknowledgements awaited once,
by `settle`: the producer gathers them into few requests, and a record counts
as done (its offset may be committed) only once every output it made is
acknowledged by the broker.

A stage with state (the alert merge's table) hands its state writes over
with `take_state`; `settle` stores them only after the batch's outputs are
acknowledged. State stored ahead of its outputs would lose them: a crash
between the two replays the record against state that already counts it,
so it emits nothing. Outputs ahead of state can only repeat: the replay
recomputes the same outputs from the same state.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import structlog

from newsevents import topics
from newsevents.messages import DeadLetter
from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.codec import RejectedMessage, encode, payload_for_humans

# Long batches of slow cores would starve the producer's sender and the
# consumer's heartbeats, which run on the same event loop: hand it back this often.
YIELD_EVERY_SECONDS = 0.05


class SkipRecord(Exception):
    """Raised by `around_each`: the record is no longer this worker's (its partition moved)."""


@dataclass(frozen=True)
class Output:
    """One message to produce; `topic` is the logical name, before the prefix."""

    topic: str
    key: str
    value: bytes
    # Whatever the core wants handed back to its `after_emit` once the output
    # is acknowledged (the alert stage: the event it encoded); not sent.
    note: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Incoming:
    """The parts of a consumed Kafka record a stage needs, decoupled from faust."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp: float | None


# Resolves once the message is queued; what it returns, when awaitable, resolves
# once the broker acknowledged the message (a producer's delivery future).
Send = Callable[[str, bytes | None, bytes], Awaitable[Any]]
Process = Callable[[Incoming], list[Output]]
# (topic, partition, key, value): one write to a state store's changelog; value None deletes.
StateWrite = tuple[str, int, bytes | None, bytes | None]
# Queues a state write; what it returns resolves once the broker acknowledged it.
SendState = Callable[[StateWrite], Awaitable[Any]]


class StateNotStored(Exception):
    """The broker refused a batch's state writes (or an earlier batch's): memory is ahead of it."""


@dataclass
class _Pending:
    """A record whose outputs are queued, waiting for their acknowledgements."""

    index: int
    record: Incoming
    outputs: list[Output]
    seconds: float  # decode to queued sends; the wait for acknowledgements is shared
    deliveries: list[Awaitable[Any]]


@dataclass(frozen=True)
class StateTurn:
    """Resolves once a batch queued its state writes, and once the broker has them."""

    queued: asyncio.Future[None]
    stored: asyncio.Future[None]


@dataclass
class QueuedBatch:
    """A batch whose records are processed and outputs queued, not yet acknowledged."""

    results: list[list[Output]]
    pending: list[_Pending]
    letters: list[Awaitable[Any]]
    # Records `around_each` refused (SkipRecord): not processed, not to be acked.
    skipped: set[int] = field(default_factory=set)
    # State writes of the batch's records, in the order they were made.
    state: list[StateWrite] = field(default_factory=list)
    # This batch's turn at storing state, and the previous batch's (None: the
    # first). Batches settle concurrently: a key's changelog must keep the
    # order of its writes, and a batch is done only when every earlier one's
    # state is stored.
    state_turn: StateTurn | None = None
    state_previous: StateTurn | None = None


class StageRunner:
    def __init__(self, stage: str, settings: Settings, send: Send, source_topic: str = "") -> None:
        self.stage = stage
        self.source_topic = source_topic
        self.settings = settings
        self._send = send
        self.log = structlog.get_logger("newsevents.stage").bind(stage=stage)
        self._consumed = metrics.MESSAGES_CONSUMED.labels(stage)
        self._completed = metrics.MESSAGES_COMPLETED.labels(stage)
        self._seconds = metrics.PROCESSING_SECONDS.labels(stage)
        # labels() takes a lock and a dict lookup; resolve each child once.
        self._emitted: dict[str, Any] = {}
        self._topic_names: dict[str, str] = {}
        # Next offset to read per (topic, partition), for the watchdog's lag:
        # committed offsets trail by the commit interval, this does not.
        self.positions: dict[tuple[str, int], int] = {}
        self.last_progress = time.time()
        self._mark_progress()
        self._state_tail: StateTurn | None = None

    def _mark_progress(self) -> None:
        self.last_progress = time.time()
        metrics.LAST_PROGRESS.labels(self.stage).set(self.last_progress)

    async def handle(self, record: Incoming, process: Process) -> list[Output]:
        """Process one record; return what was emitted (empty when dead-lettered)."""
        [outputs] = await self.handle_batch([record], process)
        return outputs

    async def handle_batch(
        self,
        records: Sequence[Incoming],
        process: Process,
        before_each: Callable[[int], None] | None = None,
    ) -> list[list[Output]]:
        """Process `records` in order; return once every output is acknowledged.

        The result has one list per record: what it emitted, empty when it
        was dead-lettered.
        """
        return await self.settle(await self.queue_batch(records, process, before_each))

    async def queue_batch(
        self,
        records: Sequence[Incoming],
        process: Process,
        before_each: Callable[[int], None] | None = None,
        around_each: Callable[[int], AbstractAsyncContextManager[Any]] | None = None,
        take_state: Callable[[], list[StateWrite]] | None = None,
    ) -> QueuedBatch:
        """Process `records` in order and queue their outputs; `settle` awaits them.

        `before_each(i)` runs before record `i` is processed (the agent makes
        it faust's current event there, for tables); record `i` is processed
        and its outputs queued inside `around_each(i)` (the agent's Kafka
        transaction for the record's partition). `take_state()`, after each
        record, returns the state writes it made, for `settle` to store.
        """
        batch = QueuedBatch([], [], [])
        if take_state is not None:
            loop = asyncio.get_running_loop()
            batch.state_turn = StateTurn(loop.create_future(), loop.create_future())
            batch.state_previous, self._state_tail = self._state_tail, batch.state_turn
        last_yield = time.perf_counter()
        # Counters move once per batch: each inc() takes a lock.
        self._consumed.inc(len(records))
        for i, record in enumerate(records):
            if before_each is not None:
                before_each(i)
            started = time.perf_counter()
            if around_each is None:
                queued = await self._process(record, process, batch.letters)
            else:
                try:
                    async with around_each(i):
                        queued = await self._process(record, process, batch.letters)
                except SkipRecord as exc:
                    # Left unacked: whoever owns its partition after the
                    # rebalance reads it again from the committed offset.
                    self.log.warning("record_skipped", reason=str(exc), topic=record.topic,
                                     partition=record.partition, offset=record.offset)
                    batch.results.append([])
                    batch.skipped.add(i)
                    continue
            if take_state is not None:
                # A dead-lettered record's writes too: memory already holds them.
                batch.state += take_state()
            self.positions[(record.topic, record.partition)] = record.offset + 1
            if queued is None:  # dead-lettered
                batch.results.append([])
            else:
                outputs, deliveries = queued
                batch.results.append(outputs)
                batch.pending.append(
                    _Pending(i, record, outputs, time.perf_counter() - started, deliveries))
            if time.perf_counter() - last_yield > YIELD_EVERY_SECONDS:
                await asyncio.sleep(0)
                last_yield = time.perf_counter()
        return batch

    async def _process(
        self, record: Incoming, process: Process, letters: list[Awaitable[Any]],
    ) -> tuple[list[Output], list[Awaitable[Any]]] | None:
        """Run the core and queue its outputs; None when the record was dead-lettered."""
        try:
            outputs = process(record)
        except RejectedMessage as exc:
            letters += await self._queue_dead_letter(record, exc.reason, exc.message)
            return None
        except Exception as exc:  # the core must never take the stage down
            self.log.exception("core_error", article_id=_key_text(record.key))
            letters += await self._queue_dead_letter(
                record, "core_error", f"{type(exc).__name__}: {exc}")
            return None
        deliveries: list[Awaitable[Any]] = []
        try:
            for out in outputs:
                delivery = await self._send(self._topic(out.topic), out.key.encode(), out.value)
                if inspect.isawaitable(delivery):
                    deliveries.append(delivery)
        except Exception as exc:
            # Typically a result larger than the producer's request limit. What
            # was already sent stays sent; the dead letter says which record.
            self.log.exception("output_error", article_id=_key_text(record.key))
            letters += await self._queue_dead_letter(
                record, "output_error", f"{type(exc).__name__}: {exc}")
            _discard(deliveries)
            return None
        return outputs, deliveries

    async def settle(
        self, batch: QueuedBatch, send_state: SendState | None = None,
    ) -> list[list[Output]]:
        """Await a batch's acknowledgements, then store its state; a refused output
        dead-letters its record.

        Raises `StateNotStored` when a state write of this batch or of an
        earlier one was refused: its records must not be acked, and the
        worker must restart from the stored state.
        """
        try:
            results = await self._settle_outputs(batch)
        except BaseException as exc:
            _fail_state_chain(batch, exc)
            raise
        if batch.state_turn is not None:
            await self._store_state(batch, batch.state_turn, send_state)
        return results

    async def _store_state(
        self, batch: QueuedBatch, turn: StateTurn, send_state: SendState | None,
    ) -> None:
        previous = batch.state_previous
        deliveries: list[Awaitable[Any]] = []
        try:
            if previous is not None:
                await previous.queued
            if batch.state:
                assert send_state is not None, "a batch with state writes needs send_state"
                for write in batch.state:
                    delivery = await send_state(write)
                    if inspect.isawaitable(delivery):
                        deliveries.append(delivery)
            _resolve(turn.queued)
            try:
                await asyncio.gather(*deliveries)
            except Exception as exc:
                raise StateNotStored(f"{type(exc).__name__}: {exc}") from exc
            if previous is not None:
                await previous.stored
        except BaseException as exc:
            _discard(deliveries)
            _fail_state_chain(batch, exc)
            if isinstance(exc, (StateNotStored, asyncio.CancelledError)):
                raise
            raise StateNotStored(f"{type(exc).__name__}: {exc}") from exc
        _resolve(turn.stored)

    async def _settle_outputs(self, batch: QueuedBatch) -> list[list[Output]]:
        flat = [d for p in batch.pending for d in p.deliveries]
        outcomes = await asyncio.gather(*flat, return_exceptions=True) if flat else []
        letters = batch.letters
        emitted: dict[str, int] = {}
        completed = 0
        at = 0
        for p in batch.pending:
            mine = outcomes[at:at + len(p.deliveries)]
            at += len(p.deliveries)
            failure = next((o for o in mine if isinstance(o, BaseException)), None)
            if failure is not None:
                detail = f"{type(failure).__name__}: {failure}"
                self.log.error("output_error", article_id=_key_text(p.record.key), error=detail)
                letters += await self._queue_dead_letter(p.record, "output_error", detail)
                batch.results[p.index] = []
                continue
            for out in p.outputs:
                emitted[out.topic] = emitted.get(out.topic, 0) + 1
            self._seconds.observe(p.seconds)
            completed += 1
        for topic, count in emitted.items():
            self._emitted_counter(topic).inc(count)
        if completed:
            self._completed.inc(completed)
        if letters:
            # A dead letter the broker refuses must not be committed past.
            await asyncio.gather(*letters)
        self._mark_progress()
        return batch.results

    def _topic(self, logical: str) -> str:
        name = self._topic_names.get(logical)
        if name is None:
            name = self._topic_names[logical] = self.settings.topic(logical)
        return name

    def _emitted_counter(self, topic: str) -> Any:
        child = self._emitted.get(topic)
        if child is None:
            child = self._emitted[topic] = metrics.MESSAGES_EMITTED.labels(self.stage, topic)
        return child

    async def dead_letter(self, record: Incoming, reason: str, message: str) -> None:
        """Send a dead letter for `record` and wait until the broker has it."""
        for delivery in await self._queue_dead_letter(record, reason, message):
            await delivery

    async def _queue_dead_letter(
        self, record: Incoming, reason: str, message: str,
    ) -> list[Awaitable[Any]]:
        value = record.value
        note = ""
        if value is not None and len(value) > self.settings.max_message_bytes:
            # The letter must fit through the producer: keep the head, say so.
            note = f" [payload truncated from {len(value)} bytes]"
            value = value[: self.settings.max_message_bytes]
        payload, encoding = payload_for_humans(value)
        letter = DeadLetter(
            stage=self.stage,
            reason=reason,
            message=message[:2000] + note,
            failed_at=datetime.now(UTC),
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            key=_key_text(record.key),
            payload=payload,
            payload_encoding=encoding,
        )
        self.log.warning(
            "dead_letter", reason=reason, detail=message[:300], article_id=letter.key,
            topic=record.topic, partition=record.partition, offset=record.offset,
        )
        delivery = await self._send(self._topic(topics.DLQ), record.key, encode(letter))
        metrics.DEAD_LETTERS.labels(self.stage, reason).inc()
        return [delivery] if inspect.isawaitable(delivery) else []


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def _fail_state_chain(batch: QueuedBatch, exc: BaseException) -> None:
    # Later batches must not count as stored over a gap: they fail too.
    failure = (exc if isinstance(exc, StateNotStored)
               else StateNotStored(f"an earlier batch failed: {exc!r}"))
    if batch.state_turn is None:
        return
    for future in (batch.state_turn.queued, batch.state_turn.stored):
        if not future.done():
            future.set_exception(failure)
            future.exception()  # retrieved: the last batch has no successor to await it


def _discard(deliveries: list[Awaitable[Any]]) -> None:
    # Outputs already queued for a dead-lettered record: their outcome no longer
    # matters, but an unawaited failed future would log "exception never retrieved".
    for delivery in deliveries:
        if isinstance(delivery, asyncio.Future):
            delivery.add_done_callback(lambda f: f.cancelled() or f.exception())


def _key_text(key: bytes | None) -> str | None:
    if key is None:
        return None
    return key.decode("utf-8", errors="replace")
