"""Brokers restarted and lost mid-stream, each test on brokers of its own."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents import topics
from newsevents.localkafka.broker import Broker, free_port, start_cluster, start_single
from tests.faults.conftest import ARTICLES, pipeline_for
from tests.faults.corpus import messages
from tests.faults.harness import StageWorkers, reconciled
from tests.faults.reconcile import Expected

# 5,000 articles through three workers take minutes on a loaded 2-core machine.
pytestmark = [pytest.mark.faults, pytest.mark.integration, pytest.mark.timeout(900)]


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[Broker]:
    broker = start_single(tmp_path / "kafka", free_port(), free_port())
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[list[Broker]]:
    brokers = start_cluster(
        tmp_path / "cluster", 3, heap="384m",
        # An acknowledged write is on two brokers before the producer hears so.
        extra={"min.insync.replicas": "2", "default.replication.factor": "3"},
    )
    try:
        yield brokers
    finally:
        for broker in brokers:
            broker.stop()


def test_broker_restart_mid_stream(
    own_broker: Broker, stage_workers: StageWorkers, pipeline_env: dict[str, str],
    expected: Expected,
) -> None:
    started = time.monotonic()
    stage_workers.env = {**pipeline_env, "KAFKA_BOOTSTRAP_SERVERS": own_broker.bootstrap}
    pipeline = pipeline_for(stage_workers.env)
    stage_workers.start_pipeline(paced="linker")
    pipeline.produce(messages(ARTICLES))
    pipeline.wait_progress("linker", topics.CLASSIFIED, ARTICLES // 3, stage_workers)

    own_broker.stop()  # same data dir and ports when it comes back
    time.sleep(3)
    own_broker.start()
    own_broker.wait_ready(90)
    reconciled("broker restart", pipeline, stage_workers, expected, started)


def test_one_of_three_brokers_stops_mid_stream(
    cluster: list[Broker], stage_workers: StageWorkers, pipeline_env: dict[str, str],
    expected: Expected,
) -> None:
    started = time.monotonic()
    stage_workers.env = {**pipeline_env,
                         "KAFKA_BOOTSTRAP_SERVERS": ",".join(b.bootstrap for b in cluster),
                         "NEWSEVENTS_TOPIC_REPLICATION": "3"}
    pipeline = pipeline_for(stage_workers.env)
    stage_workers.start_pipeline(paced="classifier")
    pipeline.produce(messages(ARTICLES))
    pipeline.wait_progress("linker", topics.CLASSIFIED, ARTICLES // 3, stage_workers)

    cluster[0].stop()  # the first bootstrap address, and a controller voter
    at_stop = pipeline.committed("alert", topics.LINKED)
    # It keeps flowing on two brokers: the end of the chain moves on without the third.
    pipeline.wait_progress("alert", topics.LINKED, at_stop + ARTICLES // 10, stage_workers)
    reconciled(f"one of three brokers stopped ({at_stop} linked articles committed then)",
               pipeline, stage_workers, expected, started)


def test_sigterm_with_the_broker_gone_exits_by_the_stop_deadline(
    own_broker: Broker, stage_workers: StageWorkers, pipeline_env: dict[str, str],
    tmp_path: Path,
) -> None:
    # Its final commit can never succeed; without a deadline faust waits 60 s
    # per stuck service and Kubernetes kills the pod first, with nothing logged.
    deadline = 4.0
    stage_workers.env = {**pipeline_env, "KAFKA_BOOTSTRAP_SERVERS": own_broker.bootstrap,
                         "NEWSEVENTS_SHUTDOWN_TIMEOUT_SECONDS": str(deadline)}
    stage_workers.start("alert")
    stage_workers.wait_ready()
    own_broker.stop()
    time.sleep(2)
    code, took = stage_workers.terminate("alert", grace=deadline + 20)
    assert code == 1, f"exit {code} after {took:.1f}s"
    assert deadline <= took < deadline + 10
    assert "stop_deadline_exceeded" in stage_workers.log("alert")
