"""The one agent loop all stages share: faust record in, `StageRunner` does the rest."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Callable
from typing import Any

import faust

from newsevents.settings import Settings
from newsevents.streaming.app_topics import RAW_BYTES
from newsevents.streaming.stage import Incoming, Output, Process, StageRunner

AfterEmit = Callable[[list[Output]], None]

# The watchdog needs every runner of an app; the stage modules only see the app.
_RUNNERS: weakref.WeakKeyDictionary[faust.App, list[StageRunner]] = weakref.WeakKeyDictionary()


def runners_of(app: faust.App) -> list[StageRunner]:
    return list(_RUNNERS.get(app, []))


def faust_sender(app: faust.App) -> Callable[[str, bytes | None, bytes], Any]:
    topics: dict[str, Any] = {}

    async def send(topic: str, key: bytes | None, value: bytes) -> Any:
        if topic not in topics:
            topics[topic] = app.topic(topic, **RAW_BYTES)
        # force=True sends now instead of holding the message until the next
        # offset commit; the consumer still flushes the producer before it
        # commits, so a crash can repeat a message but never lose one.
        return await topics[topic].send(key=key, value=value, force=True)

    return send


def add_stage_agent(
    app: faust.App,
    settings: Settings,
    *,
    stage: str,
    source: str,
    process: Process,
    after_emit: AfterEmit | None = None,
) -> StageRunner:
    runner = StageRunner(stage, settings, faust_sender(app), source_topic=settings.topic(source))
    _RUNNERS.setdefault(app, []).append(runner)
    topic = app.topic(runner.source_topic, **RAW_BYTES)
    delay = settings.fault_delay_seconds

    async def agent(stream: Any) -> AsyncIterator[None]:
        async for event in stream.events():
            msg = event.message
            if delay:
                await asyncio.sleep(delay)
            record = Incoming(
                topic=msg.topic,
                partition=msg.partition,
                offset=msg.offset,
                key=msg.key,
                value=msg.value,
                timestamp=msg.timestamp,
            )
            outputs = await runner.handle(record, process)
            if outputs and after_emit is not None:
                after_emit(outputs)
            yield None

    # faust labels the agent (logs, sensors) by the function's qualified name.
    agent.__qualname__ = agent.__name__ = f"{stage}_agent"
    app.agent(topic, name=stage)(agent)
    return runner
