"""consumed = completed + dead-lettered, per stage, after a run mixing good and bad input.

`completed` counts inputs processed with all their outputs sent, whether a
stage emitted zero, one or several messages for them, so the equation holds
for the fan-out of the alert stage too. It is read from /metrics of a real
worker, and the watchdog's lag and progress series are checked on the way.
"""

from __future__ import annotations

import time
from collections import defaultdict

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from newsevents import topics
from newsevents.settings import Settings
from tests.conftest import Workers
from tests.integration.kafka_io import produce

pytestmark = pytest.mark.integration

CLASH = ("Pasukan TNI dan kelompok bersenjata terlibat baku tembak di Intan Jaya, Papua, pada "
         "Selasa pagi. Dua prajurit terluka dalam kontak tembak yang berlangsung satu jam.")
TALKS = ("Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Malaysia di Kuala Lumpur "
         "pada Senin untuk membahas perbatasan kedua negara.")
NOTHING = "Harga cabai merah di pasar induk naik dua ribu rupiah per kilogram pekan ini."


def article(article_id: str, text: str) -> bytes:
    return orjson.dumps({"id": article_id, "source": "kabar.example", "title": "Berita",
                         "text": text, "published_at": "2024-03-05T08:00:00Z"})


COUNTERS = ("newsevents_messages_consumed_total", "newsevents_messages_completed_total",
            "newsevents_dead_letters_total")


def counters(body: str) -> dict[str, dict[str, float]]:
    """{counter: {stage: value}} for the three reconciled counters, summed over other labels."""
    found: dict[str, dict[str, float]] = {name: defaultdict(float) for name in COUNTERS}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            if sample.name in COUNTERS:
                found[sample.name][sample.labels["stage"]] += sample.value
    return found


def test_consumed_equals_completed_plus_dead_lettered(
    workers: Workers, pipeline_env: dict[str, str]
) -> None:
    env = {**pipeline_env, "NEWSEVENTS_WATCHDOG_INTERVAL_SECONDS": "0.5",
           "NEWSEVENTS_STALL_SECONDS": "30"}
    workers.env = env
    settings = Settings.from_env(env)
    bootstrap = env["KAFKA_BOOTSTRAP_SERVERS"]
    workers.start("all")
    workers.wait_ready(timeout=240)

    good = [(f"r{i}".encode(), article(f"r{i}", [CLASH, TALKS, NOTHING][i % 3]))
            for i in range(12)]
    repeats = good[:2]  # the same article again: consumed and completed again
    bad = [(b"b1", b'{"id": "b1", "text": '), (b"b2", b"\xff\xfe"), (b"b3", b"{}"),
           (b"b4", article("b4", "   "))]
    produce(bootstrap, settings.topic(topics.RAW), good + bad + repeats)
    produce(bootstrap, settings.topic(topics.CLASSIFIED), [(b"b5", b"[]")])
    produce(bootstrap, settings.topic(topics.LINKED), [(b"b6", b"null")])
    produce(bootstrap, settings.topic(topics.CANDIDATES), [(b"armed-clash", b"\xc3\x28")])

    expected_raw = len(good) + len(bad) + len(repeats)
    deadline = time.monotonic() + 180
    while True:
        status, body = workers.get("all", "/metrics")
        assert status == 200
        c = counters(body)
        consumed = c["newsevents_messages_consumed_total"]
        completed = c["newsevents_messages_completed_total"]
        dead = c["newsevents_dead_letters_total"]
        balanced = all(consumed[s] == completed[s] + dead[s] for s in consumed)
        if consumed["classifier"] == expected_raw and consumed["merge"] > 0 and balanced:
            # Stable for a moment: no stage still has work in flight.
            time.sleep(2)
            if counters(workers.get("all", "/metrics")[1]) == c:
                break
        assert time.monotonic() < deadline, dict(c)
    assert set(consumed) == {"classifier", "linker", "alert", "merge"}
    assert dead["classifier"] == len(bad)
    assert completed["classifier"] == len(good) + len(repeats)
    # What the classifier completed, plus the one bad record we put there, reached the linker.
    assert consumed["linker"] == completed["classifier"] + 1 and dead["linker"] == 1
    assert consumed["alert"] == completed["linker"] + 1 and dead["alert"] == 1
    assert dead["merge"] == 1
    # Negative articles complete with zero candidates; positives with one or more.
    assert 0 < consumed["merge"] - 1 < 3 * completed["alert"]

    # The watchdog sees the stages drained: lag 0 on every held partition, progress
    # recent. Its measurement runs on its own clock, so wait for one taken after the drain.
    deadline = time.monotonic() + 60
    while True:
        body = workers.get("all", "/metrics")[1]
        families = {f.name: f for f in text_string_to_metric_families(body)}
        lags = families["newsevents_consumer_lag_messages"].samples
        stages = {s.labels["stage"] for s in lags}
        if stages == {"classifier", "linker", "alert", "merge"} and all(
                s.value == 0 for s in lags):
            break
        assert time.monotonic() < deadline, lags
        time.sleep(0.5)
    progress = {s.labels["stage"]: s.value
                for s in families["newsevents_last_progress_timestamp_seconds"].samples}
    assert all(time.time() - t < 60 for t in progress.values()), progress
    status, health = workers.get("all", "/healthz")
    assert status == 200, health
