"""Hostile input through every stage: each case is processed or dead-lettered with a reason.

The cases run through the same `StageRunner` and `process` functions the
Kafka agents use (and the merge stage's `after_emit`, as its agent calls
it after each batch), with the producer replaced by a list, so one case costs milliseconds
instead of a broker round trip. A core that raises is caught by the runner
as `core_error`; these tests demand that never happens: a core error would
mean a hostile article can hide an event behind an exception. Each case
runs under the hang detector, so a stall fails the case instead of the CI.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents import topics
from newsevents.alert.agent import make_candidates, make_merge
from newsevents.alert.assembly import assemble_events
from newsevents.alert.engine import AlertEngine
from newsevents.alert.rules import load_rules
from newsevents.classifier.agent import make_process as make_classifier
from newsevents.classifier.core import Classifier
from newsevents.linker.agent import make_process as make_linker
from newsevents.linker.core import Linker
from newsevents.messages import (
    TOPIC_MODELS,
    ClassifiedArticle,
    DeadLetter,
    Event,
    LinkedArticle,
    RawArticle,
)
from newsevents.pipeline import PIPELINE_VERSION
from newsevents.settings import Settings
from newsevents.streaming.agents import AfterEmit
from newsevents.streaming.codec import REASONS, RejectedMessage, decode, payload_for_humans
from newsevents.streaming.stage import Incoming, Output, Process, StageRunner
from tests.fuzz import tally
from tests.fuzz.hang_detector import hang_detector
from tests.fuzz.hostile import FUZZ, encoded, hostile_text, mutated, payloads, raw_articles

pytestmark = pytest.mark.fuzz

SETTINGS = Settings(max_message_bytes=64 * 1024)


@cache
def classifier() -> Classifier:
    return Classifier.load()


@cache
def linker() -> Linker:
    return Linker.load()


class Harness:
    """A StageRunner whose producer is a list; one event loop for all cases."""

    def __init__(self, stage: str, process: Process, after_emit: AfterEmit | None = None) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []
        self.loop = asyncio.new_event_loop()
        self.process = process
        self.after_emit: AfterEmit | None = after_emit

        async def send(topic: str, key: bytes | None, value: bytes) -> None:
            self.sent.append((topic, key, value))

        self.runner = StageRunner(stage, SETTINGS, send, source_topic="fuzz")
        self.offset = 0

    def run(self, test: str, payload: bytes | None, key: bytes | None = b"k") -> list[Output]:
        self.sent.clear()
        self.offset += 1
        record = Incoming("fuzz", 0, self.offset, key, payload, 1_700_000_000.0)
        with hang_detector(f"{test} on a payload of {len(payload or b'')} bytes"):
            results = self.loop.run_until_complete(
                self.runner.handle_batch([record], self.process))
            # As the agent does once a batch is acknowledged.
            if self.after_emit is not None:
                self.after_emit(results)
        [outputs] = results
        letters = [DeadLetter.model_validate_json(v) for t, _, v in self.sent
                   if t == SETTINGS.topic(topics.DLQ)]
        if letters:
            assert outputs == [] and len(letters) == 1 and len(self.sent) == 1
            letter = letters[0]
            assert letter.reason in REASONS and letter.message
            assert letter.reason not in ("core_error", "output_error"), (
                f"{letter.reason}: {letter.message}\npayload: {payload!r}"[:3000])
            assert letter.offset == self.offset
            tally.count(test, letter.reason)
        else:
            assert len(self.sent) == len(outputs)
            tally.count(test, "processed")
        return outputs


def classified_of(article: dict[str, Any]) -> dict[str, Any] | None:
    return _classified(encoded(article))


def linked_of(article: dict[str, Any]) -> dict[str, Any]:
    return _linked(encoded(article))


# Memoised by the article's bytes: hypothesis replays a draw and demands the
# same document each time, whatever the cores' caches did in between; it
# also halves the work, as the filter and the draw classify the same article.
@cache
def _classified(article: bytes) -> dict[str, Any] | None:
    try:
        raw = RawArticle.model_validate_json(article)
    except ValueError:
        return None
    doc: dict[str, Any] = orjson.loads(
        classifier().classify(raw, pipeline_version=PIPELINE_VERSION).model_dump_json())
    return doc


@cache
def _linked(article: bytes) -> dict[str, Any]:
    classified = ClassifiedArticle.model_validate(_classified(article))
    doc: dict[str, Any] = orjson.loads(linker().link(classified).model_dump_json())
    return doc


@st.composite
def classified_docs(draw: st.DrawFn) -> dict[str, Any]:
    article = draw(raw_articles().filter(lambda a: classified_of(a) is not None))
    doc = classified_of(article)
    assert doc is not None
    return draw(mutated(doc)) if draw(st.booleans()) else doc


@st.composite
def linked_docs(draw: st.DrawFn) -> dict[str, Any]:
    article = draw(raw_articles().filter(lambda a: classified_of(a) is not None))
    doc = linked_of(article)
    return draw(mutated(doc)) if draw(st.booleans()) else doc


# Articles that do yield events, so the merge stage sees real reports.
CLASH = ("Pasukan TNI dan kelompok bersenjata terlibat baku tembak di Intan Jaya, Papua, "
         "pada Selasa. ")
TALKS = "Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di Jakarta. "


@cache
def base_events() -> list[dict[str, Any]]:
    events = []
    for i, text in enumerate([CLASH, TALKS, CLASH + TALKS]):
        raw = RawArticle(id=f"base-{i}", text=text, published_at=datetime(2024, 3, 5, tzinfo=UTC))
        linked = linker().link(classifier().classify(raw, pipeline_version=PIPELINE_VERSION))
        events += [orjson.loads(e.model_dump_json())
                   for e in assemble_events(linked, PIPELINE_VERSION)]
    assert events, "the base articles must yield events for the merge fuzzing to mean anything"
    return events


@st.composite
def event_docs(draw: st.DrawFn) -> dict[str, Any]:
    doc = draw(st.sampled_from(base_events()))
    return draw(mutated(doc)) if draw(st.integers(0, 3)) else doc


_HARNESSES: dict[str, Harness] = {}


def harness(stage: str) -> Harness:
    if stage not in _HARNESSES:
        if stage == "classifier":
            process = make_classifier(SETTINGS, classifier())
        elif stage == "linker":
            process = make_linker(SETTINGS, linker())
        elif stage == "alert":
            process = make_candidates(SETTINGS)
        else:
            engine = AlertEngine(load_rules(None), timedelta(hours=72), {})
            process, after_emit = make_merge(SETTINGS, engine)
            _HARNESSES[stage] = Harness(stage, process, after_emit)
            return _HARNESSES[stage]
        _HARNESSES[stage] = Harness(stage, process)
    return _HARNESSES[stage]


@settings(FUZZ, max_examples=2000)
@given(payload=payloads(raw_articles()))
def test_classifier_stage(payload: bytes) -> None:
    for out in harness("classifier").run("test_classifier_stage", payload):
        assert out.topic == topics.CLASSIFIED
        ClassifiedArticle.model_validate_json(out.value)


@settings(FUZZ, max_examples=1200)
@given(payload=payloads(classified_docs()))
def test_linker_stage(payload: bytes) -> None:
    for out in harness("linker").run("test_linker_stage", payload):
        assert out.topic == topics.LINKED
        LinkedArticle.model_validate_json(out.value)


@settings(FUZZ, max_examples=1200)
@given(payload=payloads(linked_docs()))
def test_alert_candidates_stage(payload: bytes) -> None:
    for out in harness("alert").run("test_alert_candidates_stage", payload):
        assert out.topic == topics.CANDIDATES
        assert Event.model_validate_json(out.value).event_type == out.key


@settings(FUZZ, max_examples=1500)
@given(payload=payloads(event_docs()), key=st.sampled_from([b"armed-clash", None, b"\xff"]))
def test_merge_stage(payload: bytes, key: bytes | None) -> None:
    for out in harness("merge").run("test_merge_stage", payload, key):
        assert out.topic in (*topics.EVENTS_BY_TYPE.values(), topics.ALERTS)


def test_base_events_cover_both_types() -> None:
    assert {e["event_type"] for e in base_events()} == {"armed-clash", "diplomatic-engagement"}


@settings(FUZZ, max_examples=300)
@given(text=hostile_text, reps=st.integers(1, 400))
def test_huge_fields_are_refused_or_processed(text: str, reps: int) -> None:
    body = (text or "x") * reps
    payload = encoded({"id": "huge", "text": body, "title": body[:5000]})
    outputs = harness("classifier").run("test_huge_fields_are_refused_or_processed", payload)
    if len(payload) > SETTINGS.max_message_bytes:
        assert outputs == []
        assert DeadLetter.model_validate_json(harness("classifier").sent[0][2]).reason == (
            "too_large")


@settings(FUZZ, max_examples=2700)
@given(topic=st.sampled_from(sorted(TOPIC_MODELS)),
       payload=payloads(raw_articles()) | st.none(),
       limit=st.sampled_from([1024, 64 * 1024]))
def test_decoder_refuses_with_a_reason_or_returns_the_model(
        topic: str, payload: bytes | None, limit: int) -> None:
    """The raw-topic decoder alone, for every topic's model: a model or a reason, nothing else."""
    model = TOPIC_MODELS[topic]
    with hang_detector(f"decode {topic}"):
        try:
            message = decode(model, payload, limit)
        except RejectedMessage as exc:
            assert exc.reason in REASONS and exc.message
            tally.count("test_decoder_refuses_with_a_reason_or_returns_the_model", exc.reason)
        else:
            assert isinstance(message, model)
            tally.count("test_decoder_refuses_with_a_reason_or_returns_the_model", "decoded")
        # The dead letter's copy of the payload must survive any bytes.
        text, encoding = payload_for_humans(payload)
        assert encoding in ("utf-8", "base64") and isinstance(text, str)
