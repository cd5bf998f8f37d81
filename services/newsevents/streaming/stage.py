"""What every stage does around its core: limits, timing, metrics, dead letters, sends.

A stage agent hands each Kafka event to `StageRunner.handle` with a function
that turns the payload into outputs. Whatever goes wrong inside (a refused
payload, an exception in the core, an output the producer will not take)
ends as a dead letter with a reason; the agent itself never raises, because
faust restarts a crashed agent and skips the message with only a log line.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog

from newsevents import topics
from newsevents.messages import DeadLetter
from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.codec import RejectedMessage, encode, payload_for_humans


@dataclass(frozen=True)
class Output:
    """One message to produce; `topic` is the logical name, before the prefix."""

    topic: str
    key: str
    value: bytes


@dataclass(frozen=True)
class Incoming:
    """The parts of a consumed Kafka record a stage needs, decoupled from faust."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp: float | None


Send = Callable[[str, bytes | None, bytes], Awaitable[Any]]
Process = Callable[[Incoming], list[Output]]


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
        # Next offset to read per (topic, partition), for the watchdog's lag:
        # committed offsets trail by the commit interval, this does not.
        self.positions: dict[tuple[str, int], int] = {}
        self.last_progress = time.time()
        self._mark_progress()

    def _mark_progress(self) -> None:
        self.last_progress = time.time()
        metrics.LAST_PROGRESS.labels(self.stage).set(self.last_progress)

    def _done(self, record: Incoming) -> None:
        self.positions[(record.topic, record.partition)] = record.offset + 1
        self._mark_progress()

    async def handle(self, record: Incoming, process: Process) -> list[Output]:
        """Process one record; return what was emitted (empty when dead-lettered)."""
        self._consumed.inc()
        try:
            return await self._handle(record, process)
        finally:
            self._done(record)

    async def _handle(self, record: Incoming, process: Process) -> list[Output]:
        started = time.perf_counter()
        key = _key_text(record.key)
        try:
            outputs = process(record)
        except RejectedMessage as exc:
            await self.dead_letter(record, exc.reason, exc.message)
            return []
        except Exception as exc:  # the core must never take the stage down
            self.log.exception("core_error", article_id=key)
            await self.dead_letter(record, "core_error", f"{type(exc).__name__}: {exc}")
            return []
        try:
            for out in outputs:
                await self._send(self.settings.topic(out.topic), out.key.encode(), out.value)
                metrics.MESSAGES_EMITTED.labels(self.stage, out.topic).inc()
        except Exception as exc:
            # Typically a result larger than the producer's request limit. What
            # was already sent stays sent; the dead letter says which record.
            self.log.exception("output_error", article_id=key)
            await self.dead_letter(record, "output_error", f"{type(exc).__name__}: {exc}")
            return []
        self._seconds.observe(time.perf_counter() - started)
        self._completed.inc()
        return outputs

    async def dead_letter(self, record: Incoming, reason: str, message: str) -> None:
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
        await self._send(self.settings.topic(topics.DLQ), record.key, encode(letter))
        metrics.DEAD_LETTERS.labels(self.stage, reason).inc()


def _key_text(key: bytes | None) -> str | None:
    if key is None:
        return None
    return key.decode("utf-8", errors="replace")
