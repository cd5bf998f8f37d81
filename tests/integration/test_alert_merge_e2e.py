"""One event from many reports through the real pipeline, across a restart of the alert worker."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from newsevents import topics
from newsevents.messages import Alert, Event
from newsevents.settings import Settings
from tests.conftest import Workers
from tests.integration.kafka_io import consume_until, produce

pytestmark = pytest.mark.integration

ARTICLES = {
    a["id"]: a
    for a in map(orjson.loads, (Path(__file__).parents[1] / "data" / "merge" / "gondar.jsonl")
                 .read_bytes().splitlines())
}
SAME_CLASH = ["merge-en-1", "merge-id-1", "merge-fr-1", "merge-es-1", "merge-en-2"]


def send(bootstrap: str, topic: str, ids: list[str]) -> None:
    produce(bootstrap, topic, [(i.encode(), orjson.dumps(ARTICLES[i])) for i in ids])


def clash_events(records: list[tuple[str, bytes | None, bytes]]) -> list[Event]:
    return [Event.model_validate_json(v) for t, _, v in records if t.endswith("armed-clash")]


def gondar_versions(records: list[tuple[str, bytes | None, bytes]]) -> list[Event]:
    return [e for e in clash_events(records)
            if {s.article_id for s in e.source_articles} & set(SAME_CLASH)]


def test_reports_merge_across_languages_and_a_restart(
    workers: Workers, pipeline_env: dict[str, str]
) -> None:
    settings = Settings.from_env(pipeline_env)
    bootstrap = pipeline_env["KAFKA_BOOTSTRAP_SERVERS"]
    for stage in ("classifier", "linker", "alert"):
        workers.start(stage)
    workers.wait_ready()
    raw = settings.topic(topics.RAW)
    watched = [settings.topic(topics.EVENTS_BY_TYPE["armed-clash"]), settings.topic(topics.ALERTS)]

    send(bootstrap, raw, SAME_CLASH[:2])
    records = consume_until(bootstrap, watched,
                            lambda r: any(e.version == 2 for e in gondar_versions(r)))
    assert max(e.version for e in gondar_versions(records)) == 2, workers.log("alert")[-3000:]

    # The alert worker restarts mid-way: its table comes back from the changelog.
    workers.stop_one("alert")
    workers.start("alert")
    workers.wait_ready()

    send(bootstrap, raw, [*SAME_CLASH[2:], "merge-other-place", "merge-en-1"])
    def complete(r: list[tuple[str, bytes | None, bytes]]) -> bool:
        other = [e for e in clash_events(r)
                 if e.source_articles[0].article_id == "merge-other-place"]
        return (any(e.mention_count == 5 for e in gondar_versions(r))
                and any(t.endswith("alerts") for t, _, _ in r) and bool(other))

    records = consume_until(bootstrap, watched, complete)
    versions = gondar_versions(records)
    assert len({e.event_id for e in versions}) == 1, [e.event_id for e in versions]
    assert sorted(e.version for e in versions) == [1, 2, 3, 4, 5]  # none emitted twice
    final = max(versions, key=lambda e: e.version)
    assert final.mention_count == 5
    assert {s.article_id for s in final.source_articles} == set(SAME_CLASH)
    assert {s.language for s in final.source_articles} >= {"en", "id", "fr", "es"}

    # The other city's clash is its own event.
    others = [e for e in clash_events(records)
              if e.source_articles[0].article_id == "merge-other-place"]
    assert others and others[0].event_id != final.event_id

    # The packaged rule 'armed-clash-confirmed' (3+ reports) alerted once on it.
    alerts = [Alert.model_validate_json(v) for t, _, v in records if t.endswith("alerts")]
    confirmed = [a for a in alerts if a.rule == "armed-clash-confirmed"]
    assert [a.event_ids for a in confirmed] == [[final.event_id]]
