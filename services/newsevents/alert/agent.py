"""The alert stage on Kafka: `articles.linked` -> `events.<type>` and `alerts`.

Two agents in one consumer group. The first turns each linked article into
candidate events and re-keys them by event type onto `events.candidates`;
the second folds candidates into open events (changelog-backed table, so
the state survives restarts and rebalances), emits each new event version
keyed by `event_id`, and applies the alert rules. With
`NEWSEVENTS_ALERT_EXACTLY_ONCE=true` the merge agent runs inside
Kafka transactions: a report's table writes, the event version and alerts it
causes and its consumed offset commit together (`streaming.transactions`).
The candidates agent stays at-least-once: a repeated candidate is a report
already counted, which the merge ignores.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import faust

from newsevents import topics
from newsevents.alert.assembly import assemble_events, event_country
from newsevents.alert.engine import AlertEngine
from newsevents.alert.rules import RuleSet
from newsevents.messages import Event, LinkedArticle
from newsevents.pipeline import PIPELINE_VERSION
from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.agents import AfterEmit, add_stage_agent
from newsevents.streaming.codec import decode, encode
from newsevents.streaming.stage import Incoming, Output, Process
from newsevents.streaming.transactions import TransactionalTable, transactional_sends


def make_candidates(settings: Settings) -> Process:
    def process(record: Incoming) -> list[Output]:
        linked = decode(LinkedArticle, record.value, 4 * settings.max_message_bytes)
        return [
            Output(topics.CANDIDATES, event.event_type, encode(event))
            for event in assemble_events(linked, PIPELINE_VERSION)
        ]

    return process


def make_merge(settings: Settings, engine: AlertEngine) -> tuple[Process, AfterEmit]:
    def process(record: Incoming) -> list[Output]:
        report = decode(Event, record.value, 4 * settings.max_message_bytes)
        outcome = engine.process(report, now=datetime.now(UTC))
        if outcome.merged:
            metrics.REPORTS_MERGED.labels(report.event_type).inc()
        # Each event output carries the event and its report's arrival time,
        # for `after_emit` to count once the broker has it.
        outputs = [
            Output(topics.EVENTS_BY_TYPE[event.event_type], event.event_id, encode(event),
                   note=(event, report.first_received_at))
            for event in outcome.events
        ]
        outputs += [Output(topics.ALERTS, a.alert_id, encode(a)) for a in outcome.alerts]
        for alert in outcome.alerts:
            metrics.ALERTS.labels(alert.rule, alert.severity).inc()
        return outputs

    def after_emit(batch: Sequence[list[Output]]) -> None:
        now = datetime.now(UTC)
        for outputs in batch:
            for out in outputs:
                if out.topic == topics.ALERTS:
                    continue
                event, received = out.note
                metrics.EVENTS_EMITTED.labels(event.event_type, event_country(event)).inc()
                if received is not None:
                    metrics.END_TO_END_SECONDS.observe(max(0.0, (now - received).total_seconds()))

    return process, after_emit


def register(app: faust.App, settings: Settings, rules: RuleSet,
             partitions: int | None = None) -> None:
    add_stage_agent(app, settings, stage="alert", source=topics.LINKED,
                    process=make_candidates(settings))
    table = TransactionalTable(
        app,
        name="open-events",
        beacon=app.tables.beacon,
        partitions=partitions or settings.topic_partitions,
        key_type=str,
        value_type=str,
    )
    table.sends = transactional_sends(app)
    app.tables.add(table)
    engine = AlertEngine(rules, timedelta(hours=settings.merge_window_hours), table)

    @app.on_partitions_assigned.connect
    async def _reindex(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        engine.reset_index()

    process, after_emit = make_merge(settings, engine)
    # Its own metric/dead-letter label: consumed = emitted + dead-lettered holds per agent.
    add_stage_agent(app, settings, stage="merge", source=topics.CANDIDATES, process=process,
                    after_emit=after_emit, transactional=True)
