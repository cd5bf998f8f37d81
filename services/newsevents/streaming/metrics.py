"""Prometheus metrics of every stage, named after the Prometheus naming guide.

Defined once per process on the default registry: `--stage all` runs three
stages in one process and they share these series, told apart by labels.
"""

from __future__ import annotations

import platform

from prometheus_client import Counter, Gauge, Histogram, Info, disable_created_metrics

from newsevents import __version__

# The *_created series double the exposition for no use on our dashboards.
disable_created_metrics()  # type: ignore[no-untyped-call]

MESSAGES_CONSUMED = Counter(
    "newsevents_messages_consumed_total",
    "Messages read from a stage's source topic.",
    ["stage"],
)
MESSAGES_EMITTED = Counter(
    "newsevents_messages_emitted_total",
    "Messages a stage produced, by destination topic (dead letters excluded).",
    ["stage", "topic"],
)
MESSAGES_COMPLETED = Counter(
    "newsevents_messages_completed_total",
    "Messages a stage finished: processed and all their outputs (zero or more) sent. "
    "consumed = completed + dead-lettered once a stage is idle.",
    ["stage"],
)
DEAD_LETTERS = Counter(
    "newsevents_dead_letters_total",
    "Messages a stage sent to the dead-letter topic, by reason.",
    ["stage", "reason"],
)
PROCESSING_SECONDS = Histogram(
    "newsevents_processing_seconds",
    "Time a stage spent on one message, decode to send.",
    ["stage"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
END_TO_END_SECONDS = Histogram(
    "newsevents_end_to_end_latency_seconds",
    "From an article's received_at to the emission of its event.",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
EVENTS_EMITTED = Counter(
    "newsevents_events_emitted_total",
    "Event messages emitted, by type and country (first actor's or place's country).",
    ["event_type", "country"],
)
REPORTS_MERGED = Counter(
    "newsevents_event_reports_merged_total",
    "Reports folded into an event already open (including repeats of a counted article).",
    ["event_type"],
)
ALERTS = Counter(
    "newsevents_alerts_total",
    "Alerts sent to the alerts topic, by rule and severity.",
    ["rule", "severity"],
)
UNSUPPORTED_LANGUAGE = Counter(
    "newsevents_unsupported_language_articles_total",
    "Articles in a language with no lexicon, processed with language-independent signals.",
    ["language"],
)
STAGE_READY = Gauge(
    "newsevents_stage_ready",
    "1 when the stage's worker has partitions assigned and reaches the broker.",
    ["stage"],
)
CONSUMER_LAG = Gauge(
    "newsevents_consumer_lag_messages",
    "Messages between a stage's position and the end of each source partition it holds.",
    ["stage", "topic", "partition"],
)
LAST_PROGRESS = Gauge(
    "newsevents_last_progress_timestamp_seconds",
    "Unix time a stage last finished a message, or last had nothing to do.",
    ["stage"],
)
BUILD_INFO = Info("newsevents_build", "Version of the running newsevents build.")
BUILD_INFO.info({"version": __version__, "python": platform.python_version()})
