"""The three stages as separate processes on a real broker: seed and samples in, events out."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from newsevents import topics
from newsevents.messages import ClassifiedArticle, Event
from newsevents.settings import Settings
from tests.conftest import SAMPLES, Workers
from tests.integration.kafka_io import consume_until, wait_group_caught_up

pytestmark = pytest.mark.integration


def events_of(records: list[tuple[str, bytes | None, bytes]]) -> list[Event]:
    return [Event.model_validate_json(v) for t, _, v in records if ".events." in f".{t}"]


def test_seed_and_samples_through_three_stage_processes(
    workers: Workers, pipeline_env: dict[str, str], seed_path: Path
) -> None:
    settings = Settings.from_env(pipeline_env)
    for stage in ("classifier", "linker", "alert"):
        workers.start(stage)
    workers.wait_ready()

    produced = subprocess.run(
        [sys.executable, "-m", "newsevents.cli.main", "produce", str(seed_path), str(SAMPLES)],
        env=pipeline_env, capture_output=True, text=True, timeout=120,
    )
    assert produced.returncode == 0, produced.stderr
    sample_count = len(list(SAMPLES.glob("*.txt")))
    assert f"produced {sample_count + 1} article(s)" in produced.stderr

    event_topics = [settings.topic(t) for t in topics.EVENTS_BY_TYPE.values()]

    def seed_done(records: list[tuple[str, bytes | None, bytes]]) -> bool:
        seed_types = {e.event_type for e in events_of(records)
                      if e.source_articles[0].article_id == seed_path.stem}
        return seed_types == {"diplomatic-engagement", "armed-clash"}

    records = consume_until(pipeline_env["KAFKA_BOOTSTRAP_SERVERS"], event_topics, seed_done)
    assert seed_done(records), "\n".join(workers.log(s)[-2000:] for s in workers.procs)
    events = events_of(records)

    # Keys on event topics are event ids, and each event lands on its type's topic.
    for topic, key, value in records:
        event = Event.model_validate_json(value)
        assert key == event.event_id.encode()
        assert topic == settings.topic(topics.EVENTS_BY_TYPE[event.event_type])

    seed_events = {e.event_type: e for e in events
                   if e.source_articles[0].article_id == seed_path.stem}
    diplo = seed_events["diplomatic-engagement"]
    assert diplo.subtype in {"visit", "meeting"}
    assert {"MMR", "RUS"} <= {a.country for a in diplo.actors}
    assert diplo.location is not None
    assert diplo.location.country == "RUS"
    assert "Petersburg" in diplo.location.name
    assert any("Moe Aung" in ev.text and "St Petersburg" in ev.text for ev in diplo.evidence)
    clash = seed_events["armed-clash"]
    assert clash.subtype in {"attack", "battle"}
    assert clash.location is not None and clash.location.country == "MMR"
    assert any("Pasukan Pertahanan Rakyat" in ev.text for ev in clash.evidence)
    for event in seed_events.values():
        assert event.language == "id"
        for ev in event.evidence:
            assert "ADVERTISEMENT" not in ev.text and "Gambas" not in ev.text

    # Each stage ran as its own consumer group.
    async def groups() -> set[str]:
        admin = AIOKafkaAdminClient(bootstrap_servers=pipeline_env["KAFKA_BOOTSTRAP_SERVERS"])
        await admin.start()
        try:
            return {g[0] for g in await admin.list_consumer_groups()}
        finally:
            await admin.close()

    assert {settings.app_id(s) for s in ("classifier", "linker", "alert")} <= asyncio.run(groups())

    # Every article went through the classifier and on to the linker's topic.
    classified = consume_until(
        pipeline_env["KAFKA_BOOTSTRAP_SERVERS"], [settings.topic(topics.CLASSIFIED)],
        lambda recs: len(recs) >= sample_count + 1, timeout=30,
    )
    ids = {ClassifiedArticle.model_validate_json(v).article.id for _, _, v in classified}
    assert seed_path.stem in ids and len(ids) == sample_count + 1

    # The workers export what they did.
    status, body = workers.get("classifier", "/metrics")
    assert status == 200
    consumed = [line for line in body.splitlines()
                if line.startswith('newsevents_messages_consumed_total{stage="classifier"}')]
    assert consumed and float(consumed[0].split()[-1]) >= sample_count + 1
    status, body = workers.get("alert", "/metrics")
    assert 'newsevents_events_emitted_total{country="MMR",event_type="armed-clash"}' in body
    assert workers.get("linker", "/healthz")[0] == 200
    assert workers.get("linker", "/readyz")[0] == 200


def test_repeated_article_is_not_emitted_twice(
    workers: Workers, pipeline_env: dict[str, str], seed_path: Path
) -> None:
    settings = Settings.from_env(pipeline_env)
    workers.start("all")
    workers.wait_ready()
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "newsevents.cli.main", "produce", str(seed_path)],
            env=pipeline_env, capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr
    linked = consume_until(pipeline_env["KAFKA_BOOTSTRAP_SERVERS"],
                           [settings.topic(topics.LINKED)], lambda r: len(r) >= 2)
    assert len(linked) == 2  # both copies went all the way through
    wait_group_caught_up(pipeline_env["KAFKA_BOOTSTRAP_SERVERS"], settings.app_id("all"),
                         settings.topic(topics.LINKED))
    event_topics = [settings.topic(t) for t in topics.EVENTS_BY_TYPE.values()]
    records = consume_until(pipeline_env["KAFKA_BOOTSTRAP_SERVERS"], event_topics,
                            lambda r: False, timeout=3)
    ids = [orjson.loads(v)["event_id"] for _, _, v in records]
    assert len(ids) == 2 and len(set(ids)) == 2, ids
