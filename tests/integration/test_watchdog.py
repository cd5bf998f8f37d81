"""A worker that holds lagging partitions and finishes nothing turns /healthz to 503.

The stall is provoked with the test-only `NEWSEVENTS_FAULT_DELAY_SECONDS`,
which makes the agent wait before each message while the event loop, the web
server and the consumer stay alive: the shape of faust's silent stalls.
"""

from __future__ import annotations

import json
import time

import orjson
import pytest

from newsevents import topics
from newsevents.settings import Settings
from tests.conftest import Workers
from tests.integration.kafka_io import produce

pytestmark = pytest.mark.integration


def test_stalled_worker_fails_liveness_but_stays_ready(
    workers: Workers, pipeline_env: dict[str, str]
) -> None:
    env = {**pipeline_env, "NEWSEVENTS_FAULT_DELAY_SECONDS": "600",
           "NEWSEVENTS_STALL_SECONDS": "4", "NEWSEVENTS_WATCHDOG_INTERVAL_SECONDS": "0.5"}
    workers.env = env
    settings = Settings.from_env(env)
    workers.start("linker")
    workers.wait_ready(timeout=240)
    # Idle with nothing to read is not a stall.
    time.sleep(6)
    status, body = workers.get("linker", "/healthz")
    assert status == 200, body

    produce(env["KAFKA_BOOTSTRAP_SERVERS"], settings.topic(topics.CLASSIFIED),
            [(f"s{i}".encode(), orjson.dumps({"id": f"s{i}"})) for i in range(3)])
    deadline = time.monotonic() + 60
    while True:
        status, body = workers.get("linker", "/healthz")
        if status == 503:
            break
        assert time.monotonic() < deadline, f"never reported the stall: {body}"
        time.sleep(0.5)
    detail = json.loads(body)
    assert detail["status"] == "fail" and detail["stalled_s"]["linker"] > 4
    assert detail["lag"]["linker"] == 3
    # Stalled is a liveness matter: the worker still owns its partitions.
    assert workers.get("linker", "/readyz")[0] == 200
    _, metrics = workers.get("linker", "/metrics")
    lag_lines = [ln for ln in metrics.splitlines()
                 if ln.startswith("newsevents_consumer_lag_messages{")]
    assert sum(float(ln.rsplit(" ", 1)[1]) for ln in lag_lines) == 3, lag_lines
    assert 'newsevents_last_progress_timestamp_seconds{stage="linker"}' in metrics
