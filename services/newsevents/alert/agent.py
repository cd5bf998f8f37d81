"""The alert stage on Kafka: `articles.linked` -> `events.<type>`.

Keeps the fingerprint of every event it emitted in a changelog-backed table,
so a replayed or re-sent article does not emit its events a second time,
even across restarts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import faust

from newsevents import topics
from newsevents.alert.assembly import assemble_events, event_country
from newsevents.alert.dedup import fingerprint, is_repeat
from newsevents.messages import Event, LinkedArticle
from newsevents.pipeline import PIPELINE_VERSION
from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.agents import add_stage_agent
from newsevents.streaming.codec import decode, encode
from newsevents.streaming.stage import Incoming, Output, Process


def make_process(settings: Settings, emitted: Any) -> tuple[Process, Any]:
    """`emitted` maps event_id -> fingerprint (a faust Table, or a dict in tests)."""
    pending: dict[str, tuple[Event, str]] = {}

    def process(record: Incoming) -> list[Output]:
        linked = decode(LinkedArticle, record.value, 4 * settings.max_message_bytes)
        outputs = []
        pending.clear()
        for event in assemble_events(linked, PIPELINE_VERSION):
            if is_repeat(emitted.get(event.event_id), event):
                continue
            pending[event.event_id] = (event, fingerprint(event))
            outputs.append(
                Output(topics.EVENTS_BY_TYPE[event.event_type], event.event_id, encode(event))
            )
        return outputs

    def after_emit(outputs: list[Output]) -> None:
        now = datetime.now(UTC)
        for out in outputs:
            event, print_ = pending[out.key]
            emitted[event.event_id] = print_
            metrics.EVENTS_EMITTED.labels(event.event_type, event_country(event)).inc()
            if event.first_received_at is not None:
                metrics.END_TO_END_SECONDS.observe(
                    max(0.0, (now - event.first_received_at).total_seconds())
                )

    return process, after_emit


def register(app: faust.App, settings: Settings, partitions: int | None = None) -> None:
    emitted = app.Table(
        "emitted-events",
        default=None,
        partitions=partitions or settings.topic_partitions,
        key_type=str,
        value_type=str,
    )
    process, after_emit = make_process(settings, emitted)
    add_stage_agent(
        app, settings, stage="alert", source=topics.LINKED, process=process, after_emit=after_emit
    )
