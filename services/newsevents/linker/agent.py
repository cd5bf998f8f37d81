"""The entity-linker stage on Kafka: `articles.classified` -> `articles.linked`."""

from __future__ import annotations

import faust

from newsevents import topics
from newsevents.linker.core import Linker
from newsevents.messages import ClassifiedArticle
from newsevents.settings import Settings
from newsevents.streaming.agents import add_stage_agent
from newsevents.streaming.codec import decode, encode
from newsevents.streaming.stage import Incoming, Output, Process


def make_process(settings: Settings, linker: Linker) -> Process:
    def process(record: Incoming) -> list[Output]:
        # Upstream output can be up to ~3x the raw article; the raw limit was
        # enforced at the first stage.
        classified = decode(ClassifiedArticle, record.value, 4 * settings.max_message_bytes)
        linked = linker.link(classified)
        return [Output(topics.LINKED, classified.article.id, encode(linked))]

    return process


def register(app: faust.App, settings: Settings) -> None:
    process = make_process(settings, Linker.load())
    add_stage_agent(app, settings, stage="linker", source=topics.CLASSIFIED, process=process)
