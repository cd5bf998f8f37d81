"""Stage workers killed, stopped and joined mid-stream, on the session's real broker."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from newsevents import topics
from tests.faults.conftest import ARTICLES, pipeline_for
from tests.faults.corpus import messages
from tests.faults.harness import StageWorkers, end_offsets, reconciled
from tests.faults.reconcile import Expected

# 5,000 articles through three workers take minutes on a loaded 2-core machine.
pytestmark = [pytest.mark.faults, pytest.mark.integration, pytest.mark.timeout(900)]
# Kubernetes' default terminationGracePeriodSeconds.
GRACE_SECONDS = 30.0


def test_kill_9_of_the_linker_mid_stream_then_restart(
    stage_workers: StageWorkers, pipeline_env: dict[str, str], expected: Expected
) -> None:
    started = time.monotonic()
    pipeline = pipeline_for(pipeline_env)
    stage_workers.start_pipeline(paced="linker")
    pipeline.produce(messages(ARTICLES))
    pipeline.wait_progress("linker", topics.CLASSIFIED, ARTICLES // 3, stage_workers)

    stage_workers.kill_hard("linker")
    # The classifier keeps going; the linker's share piles up while it is away.
    stage_workers.restart("linker")
    reconciled("kill -9 linker", pipeline, stage_workers, expected, started)


@pytest.mark.parametrize("guarantee", ["exactly_once", "at_least_once"])
def test_kill_9_of_the_alert_worker_mid_merge_then_restart(
    stage_workers: StageWorkers, pipeline_env: dict[str, str], expected: Expected,
    guarantee: str,
) -> None:
    """Exactly-once: the merge's table write, event version and offset are one
    transaction or none. At-least-once (the default): a version is stored in
    the table only after the broker has it, so a kill can repeat it
    (identically) but never lose it."""
    started = time.monotonic()
    exactly_once = guarantee == "exactly_once"
    pipeline_env = {**pipeline_env, "NEWSEVENTS_ALERT_EXACTLY_ONCE": str(exactly_once).lower()}
    stage_workers.env = pipeline_env
    pipeline = pipeline_for(pipeline_env)
    stage_workers.start_pipeline(paced="alert")
    pipeline.produce(messages(ARTICLES))
    # Merging is under way and far from done: the kill lands amid open transactions.
    pipeline.wait_progress("alert", topics.CANDIDATES, ARTICLES // 5, stage_workers)

    stage_workers.kill_hard("alert")
    merged = pipeline.committed("alert", topics.CANDIDATES)
    candidates = end_offsets(pipeline, topics.CANDIDATES)
    linked = pipeline.committed("linker", topics.CLASSIFIED)
    assert merged < candidates or linked < ARTICLES, "the kill came after the merge had caught up"
    stage_workers.restart("alert")
    reconciled(f"kill -9 alert, {guarantee} ({merged} of {candidates} candidates merged then)",
               pipeline, stage_workers, expected, started,
               repeats="none" if exactly_once else "identical")


def test_sigterm_drains_and_commits_before_exit(
    stage_workers: StageWorkers, pipeline_env: dict[str, str], expected: Expected
) -> None:
    started = time.monotonic()
    pipeline = pipeline_for(pipeline_env)
    stage_workers.start_pipeline(paced="classifier")
    pipeline.produce(messages(ARTICLES))
    pipeline.wait_progress("classifier", topics.RAW, ARTICLES // 3, stage_workers)

    code, took = stage_workers.terminate("classifier", grace=GRACE_SECONDS)
    assert code == 0, f"exit {code} after {took:.1f}s:\n{stage_workers.log('classifier')[-3000:]}"
    # Everything it sent is covered by its last commit and nothing it committed is unsent:
    # the restarted worker resumes exactly where this one stopped.
    committed = pipeline.committed("classifier", topics.RAW)
    sent = end_offsets(pipeline, topics.CLASSIFIED) + end_offsets(pipeline, topics.DLQ)
    assert ARTICLES // 3 <= committed == sent < ARTICLES

    stage_workers.restart("classifier", pause=0)
    result = reconciled(f"SIGTERM classifier (exit {code} in {took:.1f}s, {committed} committed)",
                        pipeline, stage_workers, expected, started)
    assert result.classified_duplicates == 0  # no article classified twice


def test_second_alert_worker_joins_and_leaves_mid_stream(
    stage_workers: StageWorkers, pipeline_env: dict[str, str], expected: Expected, tmp_path: Path
) -> None:
    started = time.monotonic()
    # Four partitions put the two event types' candidates on different partitions
    # (murmur2), so each alert worker owns part of the merge table while both run.
    env = {**pipeline_env, "NEWSEVENTS_TOPIC_PARTITIONS": "4"}
    stage_workers.env = env
    pipeline = pipeline_for(env)
    stage_workers.start_pipeline()
    corpus = messages(ARTICLES)
    pipeline.produce(corpus[:ARTICLES // 2])
    pipeline.wait_progress("alert", topics.LINKED, ARTICLES // 5, stage_workers)

    stage_workers.start("alert", {"NEWSEVENTS_DATA_DIR": str(tmp_path / "alert-2-data")},
                        name="alert-2")
    stage_workers.wait_ready()
    # The rest only now: however fast the first worker got through the first
    # half, the two must share a stream that is still flowing.
    pipeline.produce(corpus[ARTICLES // 2:])
    done_before = pipeline.committed("alert", topics.LINKED)
    pipeline.wait_progress("alert", topics.LINKED, done_before + ARTICLES // 5, stage_workers)
    status, body = stage_workers.get("alert-2", "/metrics")
    took_part = consumed(body)
    code, _ = stage_workers.terminate("alert-2", grace=GRACE_SECONDS)
    assert code == 0, stage_workers.log("alert-2")[-3000:]

    assert status == 200 and took_part["alert"] > 0, "the second worker got no partition"
    reconciled(f"alert worker joins and leaves (it consumed {took_part})",
               pipeline, stage_workers, expected, started)


def consumed(metrics_body: str) -> dict[str, float]:
    """Messages consumed per stage label, from a worker's /metrics."""
    found: dict[str, float] = {}
    for family in text_string_to_metric_families(metrics_body):
        for sample in family.samples:
            if sample.name == "newsevents_messages_consumed_total":
                stage = sample.labels["stage"]
                found[stage] = found.get(stage, 0.0) + sample.value
    return found
