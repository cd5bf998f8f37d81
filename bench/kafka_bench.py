"""Sections 2-5: the pipeline (and a no-op twin) through a real Kafka broker.

Workers are real `newsevents worker` processes, as deployed; this module
produces, reads the event topics back, watches consumer-group lag and reads
each worker's CPU time and peak RSS from /proc.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from bench.corpus import article_payload
from bench.noop_app import HOPS, hop_topic
from newsevents import topics
from newsevents.localkafka.broker import free_port
from newsevents.settings import Settings
from newsevents.streaming.admin import ensure_topics
from newsevents.streaming.lag import group_lag

PARTITIONS = 4
CLK_TCK = os.sysconf("SC_CLK_TCK")
# Which group consumes which topic, upstream first: a stage is drained only
# once its own lag is zero after everything upstream is drained.
STAGE_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("classifier", (topics.RAW,)),
    ("linker", (topics.CLASSIFIED,)),
    ("alert", (topics.LINKED, topics.CANDIDATES)),
)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of stat; index 11/12 after the command name.
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def isolated_env(bootstrap: str, work: Path, tag: str) -> dict[str, str]:
    """Environment for one pipeline of its own: topics and consumer groups nobody else uses."""
    run = f"b{tag}{uuid.uuid4().hex[:6]}"
    return {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "NEWSEVENTS_TOPIC_PREFIX": f"{run}.",
        "NEWSEVENTS_APP_ID_PREFIX": run,
        "NEWSEVENTS_TOPIC_PARTITIONS": str(PARTITIONS),
        "NEWSEVENTS_DATA_DIR": str(work / run),
        "NEWSEVENTS_LOG_LEVEL": "warning",
    }


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen[bytes]
    web_port: int | None
    log: Path
    cpu_mark: float = 0.0

    def cpu_since_mark(self) -> float:
        return cpu_seconds(self.popen.pid) - self.cpu_mark


@dataclass
class Processes:
    """Worker processes of one scenario; stopped (SIGTERM, then SIGKILL) by `stop`."""

    env: dict[str, str]
    log_dir: Path
    procs: list[Proc] = field(default_factory=list)

    def start(self, name: str, module_args: list[str], web: bool = True) -> Proc:
        port = free_port() if web else None
        env = {**self.env, **({"NEWSEVENTS_WEB_PORT": str(port)} if port else {})}
        log = self.log_dir / f"{self.env['NEWSEVENTS_APP_ID_PREFIX']}-{name}.log"
        popen = subprocess.Popen(
            [sys.executable, "-m", *module_args], env=env, stdin=subprocess.DEVNULL,
            stdout=log.open("ab"), stderr=subprocess.STDOUT,
        )
        proc = Proc(name, popen, port, log)
        self.procs.append(proc)
        return proc

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        pending = [p for p in self.procs if p.web_port is not None]
        while pending:
            for proc in list(pending):
                if proc.popen.poll() is not None:
                    raise RuntimeError(f"{proc.name} exited:\n{proc.log.read_text()[-3000:]}")
                try:
                    url = f"http://127.0.0.1:{proc.web_port}/readyz"
                    with urllib.request.urlopen(url, timeout=1) as resp:
                        if resp.status == 200:
                            pending.remove(proc)
                except OSError:
                    pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready in {timeout}s: {[p.name for p in pending]}")
            time.sleep(0.3)

    def mark_cpu(self) -> None:
        for proc in self.procs:
            proc.cpu_mark = cpu_seconds(proc.popen.pid)

    def by_stage(self) -> dict[str, list[Proc]]:
        out: dict[str, list[Proc]] = {}
        for proc in self.procs:
            out.setdefault(proc.name.split("#")[0], []).append(proc)
        return out

    def stop(self) -> None:
        for proc in self.procs:
            if proc.popen.poll() is None:
                proc.popen.terminate()
        for proc in self.procs:
            try:
                proc.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.popen.kill()
                proc.popen.wait()


def isolated_pipeline(bootstrap: str, work: Path, tag: str) -> tuple[Settings, Processes]:
    """Settings and a (not yet started) process set for one pipeline of its own."""
    env = isolated_env(bootstrap, work, tag)
    return Settings.from_env(env), Processes(env, work)


def start_stage_workers(procs: Processes, per_stage: int) -> None:
    for stage, _ in STAGE_SOURCES:
        for i in range(per_stage):
            procs.start(f"{stage}#{i}", ["newsevents.cli.main", "worker", "--stage", stage])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def latency_summary(latencies_ms: list[float]) -> dict[str, float]:
    return {
        "count": len(latencies_ms),
        "p50_ms": round(percentile(latencies_ms, 50), 1),
        "p95_ms": round(percentile(latencies_ms, 95), 1),
        "p99_ms": round(percentile(latencies_ms, 99), 1),
        "max_ms": round(max(latencies_ms), 1) if latencies_ms else float("nan"),
    }


class EventReader:
    """Reads the event topics; the first version naming an article gives its latency."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.consumer = AIOKafkaConsumer(
            *(settings.topic(t) for t in topics.EVENTS_BY_TYPE.values()),
            bootstrap_servers=settings.kafka_bootstrap_servers,
            auto_offset_reset="earliest", enable_auto_commit=False,
            fetch_max_bytes=64 * 1024 * 1024,
        )
        self.produced_at: dict[str, float] = {}
        self.latency_ms: dict[str, float] = {}
        self.last_event_at = 0.0
        self.versions = 0

    async def run(self, stop: asyncio.Event) -> None:
        await self.consumer.start()
        try:
            while not stop.is_set():
                batches = await self.consumer.getmany(timeout_ms=100, max_records=5000)
                now = time.time()
                for msgs in batches.values():
                    for msg in msgs:
                        self._seen(orjson.loads(msg.value or b"{}"), now)
        finally:
            await self.consumer.stop()

    def _seen(self, event: dict[str, Any], now: float) -> None:
        self.versions += 1
        self.last_event_at = now
        for source in event.get("source_articles", ()):
            article_id = source.get("article_id")
            sent = self.produced_at.get(article_id)
            if sent is not None and article_id not in self.latency_ms:
                self.latency_ms[article_id] = (now - sent) * 1000

    def window(self, ids: Iterable[str]) -> list[float]:
        return [self.latency_ms[i] for i in ids if i in self.latency_ms]


async def produce(
    settings: Settings, articles: list[dict[str, Any]], rate: float | None,
    produced_at: dict[str, float], topic: str = topics.RAW,
) -> tuple[float, float]:
    """Send `articles` (as fast as possible, or `rate` per second); return (start, end) times."""
    producer = AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers, acks="all", linger_ms=5,
        max_request_size=settings.max_message_bytes + 65536,
    )
    await producer.start()
    target = settings.topic(topic)
    futures = []
    try:
        start = time.time()
        for i, article in enumerate(articles):
            if rate:
                delay = start + i / rate - time.time()
                if delay > 0:
                    await asyncio.sleep(delay)
            sent = time.time()
            payload = article_payload(article, datetime.fromtimestamp(sent, UTC))
            produced_at[article["id"]] = sent
            futures.append(await producer.send(target, key=article["id"].encode(),
                                               value=orjson.dumps(payload)))
        await asyncio.gather(*futures)
        return start, time.time()
    finally:
        await producer.stop()


async def stage_lags(settings: Settings) -> dict[str, int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    probe = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap_servers)
    await admin.start()
    await probe.start()
    try:
        out = {}
        for stage, sources in STAGE_SOURCES:
            total = 0
            for source in sources:
                lag = await group_lag(admin, probe, settings.app_id(stage), settings.topic(source))
                total += sum(lag.values())
            out[stage] = total
        return out
    finally:
        await probe.stop()
        await admin.close()


async def wait_drained(
    settings: Settings, since: float, timeout: float, poll: float = 0.5,
) -> dict[str, float]:
    """Seconds from `since` until each stage had consumed (committed) everything upstream."""
    done: dict[str, float] = {}
    deadline = time.time() + timeout
    while len(done) < len(STAGE_SOURCES):
        lags = await stage_lags(settings)
        upstream_done = True
        for stage, _ in STAGE_SOURCES:
            if stage not in done and upstream_done and lags[stage] == 0:
                done[stage] = time.time() - since
            upstream_done = stage in done
        if time.time() > deadline:
            raise TimeoutError(f"stages not drained after {timeout}s: lag {lags}")
        await asyncio.sleep(poll)
    return done


async def ensure(settings: Settings) -> None:
    await ensure_topics(settings)


def create_hop_topics(settings: Settings) -> None:
    async def run() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
        await admin.start()
        try:
            from aiokafka.admin import NewTopic

            await admin.create_topics([
                NewTopic(settings.topic(hop_topic(i)), PARTITIONS, settings.topic_replication)
                for i in range(HOPS + 1)
            ])
        finally:
            await admin.close()

    asyncio.run(run())


async def _count_arrivals(
    settings: Settings, expected: int, timeout: float, pid: int,
) -> tuple[float, float, float]:
    """(first arrival, last arrival, CPU seconds `pid` spent in between)."""
    consumer = AIOKafkaConsumer(
        settings.topic(hop_topic(HOPS)), bootstrap_servers=settings.kafka_bootstrap_servers,
        auto_offset_reset="earliest", enable_auto_commit=False,
    )
    await consumer.start()
    first = last = cpu_first = cpu_last = 0.0
    seen = 0
    deadline = time.time() + timeout
    try:
        while seen < expected:
            if time.time() > deadline:
                raise TimeoutError(f"{seen}/{expected} messages through the hops in {timeout}s")
            batches = await consumer.getmany(timeout_ms=200, max_records=5000)
            now = time.time()
            for msgs in batches.values():
                if msgs and not first:
                    first, cpu_first = now, cpu_seconds(pid)
                seen += len(msgs)
                if msgs:
                    last = now
        cpu_last = cpu_seconds(pid)
        return first, last, cpu_last - cpu_first
    finally:
        await consumer.stop()


def hop_run(
    bootstrap: str, work: Path, name: str, module: str, payloads: list[bytes], timeout: float,
) -> dict[str, float]:
    """Pre-load `payloads` on hop 0, start `module`, time the flow out of the last hop."""
    env = isolated_env(bootstrap, work, name)
    settings = Settings.from_env(env)
    create_hop_topics(settings)
    asyncio.run(_preload(settings, payloads))
    procs = Processes(env, work)
    proc = procs.start(name, [module, *(["worker"] if module == "bench.noop_app" else [])],
                       web=False)
    try:
        first, last, flow_cpu = asyncio.run(
            _count_arrivals(settings, len(payloads), timeout, proc.popen.pid)
        )
        rss = peak_rss_mb(proc.popen.pid)
    finally:
        procs.stop()
    # From the first message out of the last hop: start-up and group joins are not flow.
    span = max(last - first, 1e-6)
    return {
        "messages": len(payloads),
        "hops": HOPS,
        "messages_per_s": round(len(payloads) / span, 1),
        "hop_messages_per_s": round(HOPS * len(payloads) / span, 1),
        # CPU from the first message out to the last: the flow, not the start-up.
        "flow_cpu_s": round(flow_cpu, 2),
        "cpu_ms_per_hop_message": round(1000 * flow_cpu / (HOPS * len(payloads)), 3),
        "messages_per_cpu_s": round(len(payloads) / max(flow_cpu, 1e-6), 1),
        "peak_rss_mb": round(rss, 1),
    }


async def _preload(settings: Settings, payloads: list[bytes]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers,
                                acks="all", linger_ms=5)
    await producer.start()
    try:
        futures = [
            await producer.send(settings.topic(hop_topic(0)), key=str(i).encode(), value=p)
            for i, p in enumerate(payloads)
        ]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
