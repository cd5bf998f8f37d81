"""The classifier stage on Kafka: `articles.raw` -> `articles.classified`."""

from __future__ import annotations

from datetime import UTC, datetime

import faust

from newsevents import topics
from newsevents.classifier.core import Classifier
from newsevents.messages import RawArticle
from newsevents.pipeline import PIPELINE_VERSION
from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.agents import add_stage_agent
from newsevents.streaming.codec import decode, encode
from newsevents.streaming.stage import Incoming, Output, Process


def make_process(settings: Settings, classifier: Classifier) -> Process:
    def process(record: Incoming) -> list[Output]:
        article = decode(RawArticle, record.value, settings.max_message_bytes)
        if article.received_at is None and record.timestamp:
            # Latency is measured from when the article reached us; a producer
            # that did not say falls back to the broker's timestamp.
            received = datetime.fromtimestamp(record.timestamp, UTC)
            article = article.model_copy(update={"received_at": received})
        classified = classifier.classify(article, pipeline_version=PIPELINE_VERSION)
        if not classified.language_supported:
            metrics.UNSUPPORTED_LANGUAGE.labels(classified.language).inc()
        return [Output(topics.CLASSIFIED, article.id, encode(classified))]

    return process


def register(app: faust.App, settings: Settings) -> None:
    process = make_process(settings, Classifier.load())
    add_stage_agent(app, settings, stage="classifier", source=topics.RAW, process=process)
