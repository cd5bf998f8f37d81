"""One fault run: stage workers as processes, a corpus produced in bulk, progress, drain, read-back.

Progress and completion are read from the consumer groups' committed
offsets, never from a worker's own counters, because the worker under test
may be killed and its counters with it. Every stage commits only after its
outputs are flushed, so when each group in pipeline order has committed up
to the end of its source topic, nothing is in flight any more.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from aiokafka.structs import TopicPartition

from newsevents import topics
from newsevents.settings import Settings
from newsevents.streaming.lag import group_lag
from tests.conftest import Workers
from tests.faults.reconcile import Expected, Reconciliation, Record, reconcile

# (stage whose group consumes, source topic), in the order data flows.
CHAIN: tuple[tuple[str, str], ...] = (
    ("classifier", topics.RAW),
    ("linker", topics.CLASSIFIED),
    ("alert", topics.LINKED),
    ("alert", topics.CANDIDATES),
)
READ_BACK: tuple[str, ...] = (
    topics.LINKED, topics.DLQ, topics.CANDIDATES, *topics.EVENTS_BY_TYPE.values(), topics.ALERTS,
    topics.CLASSIFIED,
)


# The test-only per-message delay of a paced stage (5,000 messages: 15 s or more).
PACE = {"NEWSEVENTS_FAULT_DELAY_SECONDS": "0.003"}


class StageWorkers(Workers):
    """`Workers` that run the pipeline, restart a worker and stop one the hard way."""

    def start_pipeline(self, paced: str | None = None) -> None:
        """Start the three stages; `paced` spends a few ms more per message.

        A fault aimed at a stage must land while it still has work: at full
        speed a stage can get through the whole corpus between two progress polls.
        """
        for stage in ("classifier", "linker", "alert"):
            self.start(stage, PACE if stage == paced else None)
        self.wait_ready()

    def restart(self, stage: str, pause: float = 2.0) -> None:
        """Start `stage` again after `pause` seconds away, and wait until it is ready."""
        time.sleep(pause)
        self.start(stage)
        self.wait_ready()

    def kill_hard(self, name: str) -> None:
        proc = self.procs.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)

    def terminate(self, name: str, grace: float) -> tuple[int | None, float]:
        """SIGTERM; (exit code, seconds it took), exit code None if not gone within `grace`."""
        proc = self.procs.pop(name)
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        try:
            code: int | None = proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            code = None
            proc.kill()
            proc.wait()
        return code, time.monotonic() - started


@dataclass
class Pipeline:
    """Names of one isolated pipeline's topics and groups, and how to talk to its brokers."""

    settings: Settings
    bootstrap: str
    notes: list[str] = field(default_factory=list)

    def topic(self, name: str) -> str:
        return self.settings.topic(name)

    def group(self, stage: str) -> str:
        return self.settings.app_id(stage)

    def produce(self, messages: list[tuple[bytes, bytes]]) -> None:
        """Send everything in bulk (acks=all, idempotent), then wait for the acknowledgements."""

        async def run() -> None:
            producer = AIOKafkaProducer(
                bootstrap_servers=self.bootstrap, acks="all", enable_idempotence=True,
                linger_ms=20,
            )
            await producer.start()
            try:
                sent = [await producer.send(self.topic(topics.RAW), value, key=key)
                        for key, value in messages]
                await asyncio.gather(*sent)
            finally:
                await producer.stop()

        asyncio.run(run())

    def lags(self) -> list[int]:
        """Uncommitted messages per CHAIN hop, measured in pipeline order."""

        async def run() -> list[int]:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap)
            probe = AIOKafkaConsumer(bootstrap_servers=self.bootstrap)
            await admin.start()
            await probe.start()
            try:
                return [sum((await group_lag(admin, probe, self.group(stage),
                                             self.topic(topic))).values())
                        for stage, topic in CHAIN]
            finally:
                await probe.stop()
                await admin.close()

        return asyncio.run(run())

    def committed(self, stage: str, topic: str) -> int:
        """Messages of `topic` the stage's group has committed, summed over partitions."""

        async def run() -> int:
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap)
            await admin.start()
            try:
                [described] = await admin.describe_topics([self.topic(topic)])
                tps = [TopicPartition(self.topic(topic), p["partition"])
                       for p in described["partitions"]]
                offsets = await admin.list_consumer_group_offsets(
                    self.group(stage), partitions=tps)
                return sum(max(0, meta.offset) for meta in offsets.values())
            finally:
                await admin.close()

        return asyncio.run(run())

    def wait_until(self, what: str, check: Callable[[], bool], timeout: float,
                   workers: StageWorkers | None = None) -> float:
        """Poll `check` (broker errors count as 'not yet'); return the seconds it took."""
        started = time.monotonic()
        while True:
            try:
                if check():
                    return time.monotonic() - started
            except (TimeoutError, KafkaError, OSError, LookupError):
                pass
            if workers is not None:
                for name, proc in workers.procs.items():
                    assert proc.poll() is None, f"{name} exited:\n{workers.log(name)[-3000:]}"
            assert time.monotonic() - started < timeout, f"timed out waiting for {what}"
            time.sleep(0.5)

    def wait_progress(self, stage: str, topic: str, count: int, workers: StageWorkers,
                      timeout: float = 240.0) -> None:
        self.wait_until(f"{stage} to commit {count} of {topic}",
                        lambda: self.committed(stage, topic) >= count, timeout, workers)

    def wait_drained(self, workers: StageWorkers, timeout: float = 300.0) -> float:
        return self.wait_until("the pipeline to drain",
                               lambda: not any(self.lags()), timeout, workers)

    def read_back(self) -> dict[str, list[Record]]:
        """Every record of the pipeline's output topics, up to their end offsets now."""
        names = [self.topic(t) for t in READ_BACK]

        async def run() -> dict[str, list[Record]]:
            # Read as users must: the alert worker writes in transactions, and
            # an aborted one (a killed worker's) is not part of the output.
            consumer = AIOKafkaConsumer(
                bootstrap_servers=self.bootstrap, enable_auto_commit=False,
                isolation_level="read_committed",
                auto_offset_reset="earliest", fetch_max_bytes=64 * 1024 * 1024,
                max_partition_fetch_bytes=16 * 1024 * 1024,
            )
            admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap)
            await admin.start()
            try:
                tps = [TopicPartition(d["topic"], p["partition"])
                       for d in await admin.describe_topics(names) for p in d["partitions"]]
            finally:
                await admin.close()
            await consumer.start()
            try:
                consumer.assign(tps)
                await consumer.seek_to_beginning(*tps)
                ends = await consumer.end_offsets(tps)
                pending = {tp for tp in tps if ends[tp] > 0}
                found: dict[str, list[Record]] = {t: [] for t in READ_BACK}
                short = {self.topic(t): t for t in READ_BACK}
                while pending:
                    batch = await consumer.getmany(*pending, timeout_ms=1000)
                    for tp, recs in batch.items():
                        for r in recs:
                            if r.offset < ends[tp] and r.value is not None:
                                found[short[tp.topic]].append((tp.topic, r.key, r.value))
                    # The position, not the last record: a transaction's commit
                    # marker takes an offset but is never handed out as a record.
                    for tp in list(pending):
                        if await consumer.position(tp) >= ends[tp]:
                            pending.discard(tp)
                return found
            finally:
                await consumer.stop()

        return asyncio.run(run())


def reconciled(what: str, pipeline: Pipeline, workers: StageWorkers, expected: Expected,
               started: float, repeats: Literal["none", "identical"] = "none") -> Reconciliation:
    """Drain, read back and reconcile; print the counts and fail on any problem."""
    result = reconcile(expected, drain_and_read(pipeline, workers), repeats)
    print(f"\n{what}: {result.summary()}; {time.monotonic() - started:.0f}s; "
          f"{'; '.join(pipeline.notes)}")
    assert not result.problems, result.problems
    return result


def drain_and_read(pipeline: Pipeline, workers: StageWorkers,
                   timeout: float = 300.0) -> dict[str, list[Record]]:
    took = pipeline.wait_drained(workers, timeout)
    pipeline.notes.append(f"drained {took:.0f}s after the last step")
    return pipeline.read_back()


def end_offsets(pipeline: Pipeline, topic: str) -> int:
    """Messages in `topic` now, summed over partitions."""

    async def run() -> int:
        admin = AIOKafkaAdminClient(bootstrap_servers=pipeline.bootstrap)
        probe = AIOKafkaConsumer(bootstrap_servers=pipeline.bootstrap)
        await admin.start()
        await probe.start()
        try:
            [described] = await admin.describe_topics([pipeline.topic(topic)])
            tps = [TopicPartition(pipeline.topic(topic), p["partition"])
                   for p in described["partitions"]]
            return sum((await probe.end_offsets(tps)).values())
        finally:
            await probe.stop()
            await admin.close()

    return asyncio.run(run())
