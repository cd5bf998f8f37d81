"""Shared fixtures: a real Kafka broker per test session, workers as real processes.

The broker is Apache Kafka in KRaft mode started from the jars `mvn`
resolved (see deploy/kafka/pom.xml), on a free port in a temp dir, unless
KAFKA_BOOTSTRAP_SERVERS points at a cluster to use instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.localkafka.broker import Broker, free_port, start_single

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLES = REPO / "samples"
SEED_FILE = SEEDS / "000_7bafbb3fe2aef605.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED_FILE.is_file(), f"the seed article is expected at {SEED_FILE}"
    return SEED_FILE


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if external:
        yield external
        return
    data_dir = tmp_path_factory.mktemp("kafka")
    broker: Broker = start_single(data_dir, free_port(), free_port())
    try:
        yield broker.bootstrap
    finally:
        broker.stop()


@pytest.fixture
def pipeline_env(kafka_bootstrap: str) -> dict[str, str]:
    """Environment for one isolated pipeline: its own topics and consumer groups."""
    run = uuid.uuid4().hex[:8]
    return {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "NEWSEVENTS_TOPIC_PREFIX": f"t{run}.",
        "NEWSEVENTS_APP_ID_PREFIX": f"t{run}",
        "NEWSEVENTS_TOPIC_PARTITIONS": "2",
        "NEWSEVENTS_DATA_DIR": f"/tmp/newsevents-test-{run}",
        "NEWSEVENTS_LOG_LEVEL": "info",
    }


class Workers:
    """Stage workers started as separate processes, each with its own web port."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log_dir = log_dir
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.ports: dict[str, int] = {}

    def start(self, stage: str, extra_env: dict[str, str] | None = None,
              *, name: str | None = None) -> int:
        """Start a worker of `stage`, known as `name` (a second worker of a stage needs one)."""
        name = name or stage
        port = free_port()
        env = {**self.env, "NEWSEVENTS_WEB_PORT": str(port), **(extra_env or {})}
        log = (self.log_dir / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", "newsevents.cli.main", "worker", "--stage", stage],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        self.ports[name] = port
        return port

    def wait_ready(self, timeout: float = 240.0) -> None:
        deadline = time.monotonic() + timeout
        pending = set(self.procs)
        while pending and time.monotonic() < deadline:
            for stage in list(pending):
                proc = self.procs[stage]
                if proc.poll() is not None:
                    raise AssertionError(
                        f"{stage} worker exited with {proc.returncode}:\n{self.log(stage)}"
                    )
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{self.ports[stage]}/readyz", timeout=1
                    ) as resp:
                        if resp.status == 200:
                            pending.discard(stage)
                except OSError:
                    pass
            time.sleep(0.3)
        assert not pending, f"not ready in {timeout}s: {pending}\n" + "\n".join(
            self.log(s)[-3000:] for s in pending
        )

    def stop_one(self, stage: str, kill: bool = False) -> None:
        proc = self.procs.pop(stage)
        if kill:
            proc.kill()
        else:
            proc.terminate()
        proc.wait(timeout=60)

    def get(self, stage: str, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{self.ports[stage]}{path}", timeout=5
            ) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def log(self, stage: str) -> str:
        path = self.log_dir / f"{stage}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture
def workers(pipeline_env: dict[str, str], tmp_path: Path) -> Iterator[Workers]:
    w = Workers(pipeline_env, tmp_path)
    try:
        yield w
    finally:
        w.stop()
