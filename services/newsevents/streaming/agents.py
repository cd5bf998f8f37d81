"""The one agent loop all stages share: batches of faust events in, `StageRunner` does the rest.

Per message, faust's own machinery (Topic.send, its futures and sensors)
cost more CPU than our no-op cores. So the agent takes what one fetch
brought as one batch (no timed wait: a lone message goes through at once),
queues every output straight on the producer, and acks the batch's events
only once the broker acknowledged all their outputs; meanwhile it goes on
with the next batches. faust commits only acked offsets: at-least-once holds.

A `transactional` agent (the alert worker's merge, which keeps a table) in
an app with faust's exactly_once guarantee processes each record inside its
source partition's transaction (`streaming.transactions`): its table writes,
outputs and, at the next commit, its offset become visible together or not
at all. Without it (at-least-once), the record's table writes are stored
only once its outputs are acknowledged (`StageRunner.settle`), and acked
after that: a crash can repeat an output, never lose one.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

import faust
from faust.streams import _current_event as faust_current_event

from newsevents.settings import Settings
from newsevents.streaming.app_topics import raw_bytes
from newsevents.streaming.stage import (
    Incoming,
    Output,
    Process,
    QueuedBatch,
    SendState,
    StageRunner,
    StateNotStored,
)
from newsevents.streaming.transactions import transactional_sends

# Called once per batch, after its outputs were acknowledged, with what each
# record emitted (an empty list for a record dead-lettered or with no output).
AfterEmit = Callable[[Sequence[list[Output]]], None]

# At most this many events per batch, and this many batches processed whose
# outputs are not yet all acknowledged.
BATCH_MAX = 500
MAX_BATCHES_IN_FLIGHT = 4
# Event loop turns to wait for the next fetched message before a batch is cut.
ARRIVAL_TURNS = 10
# A batch held this long without a new message is processed anyway.
STUCK_SECONDS = 0.2

# The watchdog needs every runner of an app; the stage modules only see the app.
_RUNNERS: weakref.WeakKeyDictionary[faust.App, list[StageRunner]] = weakref.WeakKeyDictionary()


async def _more_arrives(app: faust.App, stream: Any) -> bool:
    """Whether another message of this fetch reaches the stream within a few loop turns.

    faust hands fetched messages to the stream one at a time, a few event
    loop turns apart (its fetch loop awaits each delivery), so the queue
    looks empty between two messages of one fetch: batching only what is
    queued gave batches of one and a producer wake-up per message. Yielding
    a few turns (microseconds, not a timed wait) lets a fetch arrive as one
    batch. Never while the worker stops or rebalances: faust then delivers
    nothing more (or only stale messages it skips), and a batch held waiting
    for them would keep its events unacked past the shutdown grace period.
    """
    for _ in range(ARRIVAL_TURNS):
        if stream.should_stop or app.should_stop or not app.flow_control.is_active():
            return False
        if not stream.channel.queue.empty():
            return True
        await asyncio.sleep(0)
    return False


def runners_of(app: faust.App) -> list[StageRunner]:
    return list(_RUNNERS.get(app, []))


def faust_sender(app: faust.App) -> Callable[[str, bytes | None, bytes], Any]:
    """Queue a message on the app's producer; returns the broker's acknowledgement future.

    Straight to the producer rather than through `Topic.send`: that path
    builds a FutureMessage, runs the sensors and a callback per message, and
    would hold the message until commit without force=True.
    """
    started = False

    async def send(topic: str, key: bytes | None, value: bytes) -> Any:
        nonlocal started
        if not started:
            await app.maybe_start_producer()
            started = True
        return await app.producer.send(
            topic, key, value, partition=None, timestamp=None, headers=None
        )

    return send


def add_stage_agent(
    app: faust.App,
    settings: Settings,
    *,
    stage: str,
    source: str,
    process: Process,
    after_emit: AfterEmit | None = None,
    transactional: bool = False,
) -> StageRunner:
    sends = transactional_sends(app) if transactional else None
    send = sends.send if sends is not None else faust_sender(app)
    runner = StageRunner(stage, settings, send, source_topic=settings.topic(source))
    _RUNNERS.setdefault(app, []).append(runner)
    topic = app.topic(runner.source_topic, **raw_bytes())
    delay = settings.fault_delay_seconds

    send_state: SendState | None = sends.send_state if sends is not None else None

    async def settle(batch: QueuedBatch, events: list[Any], stream: Any) -> None:
        try:
            results = await runner.settle(batch, send_state)
        except StateNotStored as exc:
            # The table in memory is ahead of its changelog: only a restart
            # (recovery from the changelog, replay from the committed offset) mends it.
            runner.log.error("state_not_stored", error=str(exc))
            await app.crash(exc)
            raise
        if after_emit is not None:
            after_emit(results)
        # Only now may faust commit past these records: their outputs are acknowledged.
        # A skipped record (its partition moved to another worker) stays unacked:
        # an ack would queue a commit for a partition this worker no longer owns.
        # faust's wait_empty tracks unacked messages in a WeakSet and collects
        # these once this batch lets go of them, so they do not hold a rebalance.
        for i, event in enumerate(events):
            if i not in batch.skipped:
                await stream.ack(event)

    async def run_batch(
        stream: Any,
        taken: list[Any],
        settling: deque[asyncio.Future[None]],
        in_transaction: bool,
    ) -> None:
        if delay:
            for _ in taken:
                await asyncio.sleep(delay)
        records = [
            Incoming(
                topic=e.message.topic,
                partition=e.message.partition,
                offset=e.message.offset,
                key=e.message.key,
                value=e.message.value,
                timestamp=e.message.timestamp,
            )
            for e in taken
        ]

        def make_current(i: int, taken: list[Any] = taken) -> None:
            # A table write goes to the changelog partition of the event
            # faust thinks current; in a batch that must be the record's own.
            faust_current_event.set(weakref.ref(taken[i]))

        def in_transaction_of(
            i: int, taken: list[Any] = taken,
        ) -> AbstractAsyncContextManager[None]:
            assert sends is not None
            return sends.record(taken[i].message.topic, taken[i].message.partition)

        batch = await runner.queue_batch(
            records, process, make_current,
            around_each=in_transaction_of if in_transaction else None,
            take_state=sends.take_writes if sends is not None and not in_transaction else None)
        # The next batch is processed while this one's acknowledgements
        # travel; a bounded number in flight bounds memory and redelivery.
        settling.append(asyncio.ensure_future(settle(batch, taken, stream)))
        while settling and (settling[0].done() or len(settling) > MAX_BATCHES_IN_FLIGHT):
            await settling.popleft()

    async def agent(stream: Any) -> None:
        # Acks are ours: an event is acked once its record's outputs are.
        stream.enable_acks = False
        # Known only now: faust decides in_transaction once the worker runs.
        in_transaction = sends is not None and app.in_transaction
        if sends is not None:
            sends.deferring = not in_transaction
        settling: deque[asyncio.Future[None]] = deque()
        held: list[Any] = []
        last_arrival = time.monotonic()
        # One batch at a time, in arrival order, whichever task cuts it.
        cutting = asyncio.Lock()

        async def cut() -> None:
            nonlocal held
            taken, held = held, []
            if taken:
                async with cutting:
                    await run_batch(stream, taken, settling, in_transaction)

        async def cut_when_stuck() -> None:
            # faust may stop delivering while a batch is held: a rebalance or
            # a stop skips the messages still queued and then waits for the
            # held ones to be acked, which only processing them does.
            while True:
                await asyncio.sleep(STUCK_SECONDS)
                if held and time.monotonic() - last_arrival >= STUCK_SECONDS:
                    try:
                        await cut()
                    except Exception:
                        # Its records stay unacked, so they come again after a restart.
                        runner.log.exception("held_batch_error")

        guard = asyncio.ensure_future(cut_when_stuck())
        try:
            async for event in stream.events():
                held.append(event)
                last_arrival = time.monotonic()
                # A batch is one fetch: a lone message goes through at once,
                # and a backlog in batches of BATCH_MAX.
                if len(held) < BATCH_MAX and await _more_arrives(app, stream):
                    continue
                await cut()
            # The stream ended (the worker stops): what it had delivered is
            # still processed and acknowledged, so the last commit covers it.
            await cut()
            while settling:
                await settling.popleft()
        finally:
            guard.cancel()

    # faust labels the agent (logs, sensors) by the function's qualified name.
    agent.__qualname__ = agent.__name__ = f"{stage}_agent"
    app.agent(topic, name=stage)(agent)
    return runner
