"""A real Apache Kafka broker (KRaft, one combined broker+controller) on 127.0.0.1.

Used by `make kafka`, `make run` and the integration-test fixtures so that
development and CI exercise the same broker users run, without Docker. The
jars are resolved from Maven Central by `mvn` with `deploy/kafka/pom.xml`
into a cache folder; the broker runs on the machine's Java 17.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.localkafka.errors import BrokerError

__all__ = ["Broker", "BrokerConfig", "BrokerError", "start_cluster", "start_single"]

LOG4J2_CONFIG = """\
Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaRaftServer
        level: INFO
"""


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def default_cache_dir() -> Path:
    return Path(os.environ.get("NEWSEVENTS_CACHE_DIR", repo_root() / ".cache"))


def resolve_jars(cache_dir: Path, pom: Path | None = None) -> Path:
    """Copy Kafka's runtime jars into `cache_dir/kafka/lib` once; return that folder.

    Keyed by the pom's content so that bumping the Kafka version in the pom
    re-resolves instead of silently running the old broker.
    """
    pom = pom or repo_root() / "deploy" / "kafka" / "pom.xml"
    if not pom.is_file():
        raise BrokerError(f"Kafka pom not found at {pom}")
    stamp = base64.urlsafe_b64encode(uuid.uuid5(uuid.NAMESPACE_URL, pom.read_text()).bytes)
    lib = cache_dir / "kafka" / "lib"
    marker = lib / f".resolved-{stamp.decode().rstrip('=')}"
    if marker.exists():
        return lib
    if shutil.which("mvn") is None:
        raise BrokerError(
            "Maven (mvn) is needed to fetch Kafka's jars; install it (apt-get install maven)"
        )
    if lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True)
    cmd = [
        "mvn", "-q", "-B", "-f", str(pom), "dependency:copy-dependencies",
        f"-DoutputDirectory={lib}", "-DincludeScope=runtime",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BrokerError(f"mvn could not resolve Kafka's jars:\n{proc.stdout}\n{proc.stderr}")
    marker.touch()
    return lib


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def _cluster_id() -> str:
    # Kafka's Uuid.toString is url-safe base64 without padding; it refuses ids
    # that start with '-' because they read as command-line flags.
    while True:
        cid = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cid.startswith("-"):
            return cid


@dataclass
class BrokerConfig:
    """One KRaft node. Several nodes with the same `voters` form a cluster."""

    data_dir: Path
    port: int
    controller_port: int
    node_id: int = 1
    voters: list[tuple[int, int]] = field(default_factory=list)  # (node_id, controller_port)
    heap: str = "512m"
    extra: dict[str, str] = field(default_factory=dict)
    # Arguments added to `kafka-storage format`, e.g. SCRAM users (localkafka.security).
    format_args: list[str] = field(default_factory=list)

    def properties(self) -> str:
        voters = self.voters or [(self.node_id, self.controller_port)]
        rf = min(3, len(voters))
        props = {
            "process.roles": "broker,controller",
            "node.id": str(self.node_id),
            "controller.quorum.voters": ",".join(f"{n}@127.0.0.1:{p}" for n, p in voters),
            "listeners": (
                f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}"
            ),
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "inter.broker.listener.name": "PLAINTEXT",
            "log.dirs": str(self.data_dir / "log"),
            "offsets.topic.replication.factor": str(rf),
            "transaction.state.log.replication.factor": str(rf),
            "transaction.state.log.min.isr": str(min(2, rf)),
            "group.initial.rebalance.delay.ms": "0",
            "num.partitions": "1",
            # Tests and `make run` create and delete topics freely.
            "delete.topic.enable": "true",
            "auto.create.topics.enable": "true",
        }
        props.update(self.extra)
        return "".join(f"{k}={v}\n" for k, v in props.items())


class Broker:
    """A broker process we started, stopped by pid."""

    def __init__(self, config: BrokerConfig, lib: Path, java: str = "java") -> None:
        self.config = config
        self.lib = lib
        self.java = java
        self.process: subprocess.Popen[bytes] | None = None
        self._log_start = 0

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.config.port}"

    @property
    def pid_file(self) -> Path:
        return self.config.data_dir / "broker.pid"

    @property
    def log_file(self) -> Path:
        return self.config.data_dir / "broker.log"

    def _classpath(self) -> str:
        return str(self.lib / "*")

    def format(self, cluster_id: str | None = None) -> None:
        """Write the config and format storage, once; a formatted dir is reused as is."""
        d = self.config.data_dir
        d.mkdir(parents=True, exist_ok=True)
        (d / "server.properties").write_text(self.config.properties())
        (d / "log4j2.yaml").write_text(LOG4J2_CONFIG)
        if (d / "log" / "meta.properties").exists():
            return
        cmd = [
            self.java, "-cp", self._classpath(), "kafka.tools.StorageTool", "format",
            "-t", cluster_id or _cluster_id(), "-c", str(d / "server.properties"),
            "--ignore-formatted", *self.config.format_args,
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise BrokerError(f"formatting Kafka storage failed:\n{proc.stdout}\n{proc.stderr}")

    def start(self) -> None:
        d = self.config.data_dir
        cmd = [
            self.java, f"-Xmx{self.config.heap}", "-Xms128m", "-XX:+UseG1GC",
            f"-Dlog4j2.configurationFile={d / 'log4j2.yaml'}",
            "-cp", self._classpath(), "kafka.Kafka", str(d / "server.properties"),
        ]
        # wait_ready must see this start's "started" line, not one of an earlier run.
        self._log_start = self.log_file.stat().st_size if self.log_file.exists() else 0
        log = self.log_file.open("ab")
        # A session of its own, so Ctrl-C in the terminal that ran `make kafka`
        # does not also kill the broker we left running for later commands.
        self.process = subprocess.Popen(
            cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.pid_file.write_text(str(self.process.pid))

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise BrokerError(
                    f"Kafka exited with {self.process.returncode}; "
                    f"last log lines:\n{self.tail_log()}"
                )
            if port_open(self.config.port) and "Kafka Server started" in self._log_since_start():
                return
            time.sleep(0.2)
        raise BrokerError(f"Kafka did not start within {timeout:.0f}s:\n{self.tail_log()}")

    def _log_since_start(self) -> str:
        try:
            with self.log_file.open("rb") as log:
                log.seek(self._log_start)
                return log.read().decode(errors="replace")
        except OSError:
            return ""

    def tail_log(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout: float = 30.0, kill: bool = False) -> None:
        if self.process is not None:
            # Our own child: wait on it. Once exited it stays a zombie until reaped,
            # and signal 0 (stop_pid's liveness probe) still finds a zombie, so
            # stop_pid would wait out its whole timeout for a broker already gone.
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
                try:
                    self.process.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=timeout)
            self.pid_file.unlink(missing_ok=True)
            return
        pid = read_pid(self.pid_file)
        if pid is None:
            return
        stop_pid(pid, timeout=timeout, kill=kill)
        self.pid_file.unlink(missing_ok=True)


def read_pid(pid_file: Path) -> int | None:
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_pid(pid: int, timeout: float = 30.0, kill: bool = False) -> None:
    """SIGTERM (a clean shutdown flushes the log), SIGKILL if it will not go."""
    try:
        os.kill(pid, signal.SIGKILL if kill else signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return


def start_single(
    data_dir: Path,
    port: int,
    controller_port: int | None = None,
    cache_dir: Path | None = None,
    timeout: float = 90.0,
) -> Broker:
    """Resolve jars, format once, start one node and wait until it serves."""
    lib = resolve_jars(cache_dir or default_cache_dir())
    config = BrokerConfig(
        data_dir=data_dir, port=port, controller_port=controller_port or free_port()
    )
    broker = Broker(config, lib)
    broker.format()
    broker.start()
    broker.wait_ready(timeout)
    return broker


def start_cluster(
    data_dir: Path,
    nodes: int = 3,
    cache_dir: Path | None = None,
    timeout: float = 120.0,
    extra: dict[str, str] | None = None,
    heap: str = "512m",
) -> list[Broker]:
    """`nodes` combined broker+controller nodes on 127.0.0.1 forming one KRaft cluster.

    Node `n` keeps its data in `data_dir/node-n`; they are started together
    because a controller quorum needs a majority before any node serves.
    """
    lib = resolve_jars(cache_dir or default_cache_dir())
    ports = [(free_port(), free_port()) for _ in range(nodes)]
    voters = [(n + 1, controller) for n, (_, controller) in enumerate(ports)]
    cluster_id = _cluster_id()
    brokers = [
        Broker(BrokerConfig(data_dir=data_dir / f"node-{n + 1}", port=port,
                            controller_port=controller, node_id=n + 1, voters=voters,
                            heap=heap, extra=dict(extra or {})), lib)
        for n, (port, controller) in enumerate(ports)
    ]
    try:
        for broker in brokers:
            broker.format(cluster_id)
            broker.start()
        for broker in brokers:
            broker.wait_ready(timeout)
    except BaseException:
        for broker in brokers:
            broker.stop()
        raise
    return brokers
