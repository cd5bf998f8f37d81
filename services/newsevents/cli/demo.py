"""`newsevents demo`: what `make run` runs.

Starts a local broker (unless KAFKA_BOOTSTRAP_SERVERS is set or one already
answers), starts the three stage workers as separate processes, publishes
the sample articles, and prints every event they yield as it arrives. With
`--once` it exits when every stage has consumed everything and the events
are printed; otherwise it keeps running for new articles until Ctrl-C. It
stops whatever it started.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import click
import orjson
from aiokafka import AIOKafkaConsumer

from newsevents import clients, topics
from newsevents.article_files import ReadError, iter_articles
from newsevents.display import format_dead_letter, format_event
from newsevents.localkafka.broker import Broker, default_cache_dir, port_open, start_single
from newsevents.messages import DeadLetter, Event, RawArticle
from newsevents.settings import STAGES, Settings
from newsevents.streaming.codec import encode
from newsevents.streaming.lag import group_lag

STAGE_SOURCES = {"classifier": topics.RAW, "linker": topics.CLASSIFIED, "alert": topics.LINKED}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--once", is_flag=True, help="Exit once the articles' events are printed.")
@click.option("--timeout", type=float, default=300.0, help="With --once: give up after this.")
@click.option("--kafka-port", type=int, default=lambda: int(os.environ.get("KAFKA_PORT", "9092")),
              help="Port of the local broker started when KAFKA_BOOTSTRAP_SERVERS is unset.")
@click.option("--base-web-port", type=int, default=6066,
              help="Workers serve /metrics on this port and the next two.")
def demo(paths: tuple[Path, ...], once: bool, timeout: float, kafka_port: int,
         base_web_port: int) -> None:
    """Run the whole pipeline on PATHS (default: samples/ and ../shared/seeds/) and show events."""
    root = Path.cwd()
    sources = list(paths) or [p for p in (root / "samples", root.parent / "shared" / "seeds")
                              if p.exists()]
    if not sources:
        raise click.UsageError("no articles: give PATHS or run from the repository root")
    articles = [a for a in iter_articles(sources) if isinstance(a, RawArticle)]
    skipped = [a for a in iter_articles(sources) if isinstance(a, ReadError)]
    for err in skipped:
        click.echo(f"skipping {err.where}: {err.message}", err=True)

    busy = [port for port in range(base_web_port, base_web_port + len(STAGES))
            if not _bindable(port)]
    if busy:
        # A worker that cannot bind its web port exits at start-up; say why before that.
        raise click.UsageError(f"port {busy[0]} on 127.0.0.1 is in use: pass --base-web-port "
                               f"with {len(STAGES)} free ports from it")
    broker: Broker | None = None
    if "KAFKA_BOOTSTRAP_SERVERS" not in os.environ:
        os.environ["KAFKA_BOOTSTRAP_SERVERS"] = f"127.0.0.1:{kafka_port}"
        if not port_open(kafka_port):
            click.echo(f"starting Kafka on 127.0.0.1:{kafka_port} ...", err=True)
            cache = default_cache_dir()
            broker = start_single(cache / "kafka" / f"data-{kafka_port}", kafka_port,
                                  kafka_port + 1, cache_dir=cache)
    settings = Settings()
    log_dir = default_cache_dir() / "run-logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    workers: list[subprocess.Popen[bytes]] = []
    code = 0
    try:
        for i, stage in enumerate(STAGES):
            env = {**os.environ, "NEWSEVENTS_WEB_PORT": str(base_web_port + i)}
            with (log_dir / f"{stage}.log").open("ab") as log:
                workers.append(subprocess.Popen(
                    [sys.executable, "-m", "newsevents.cli.main", "worker", "--stage", stage],
                    env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                ))
        click.echo(f"workers started: {', '.join(STAGES)} (logs in {log_dir}; metrics on "
                   f"http://127.0.0.1:{base_web_port}..{base_web_port + 2}/metrics)", err=True)
        _wait_ready(workers, base_web_port, 120.0)
        code = asyncio.run(_publish_and_show(settings, articles, once, timeout, workers))
    except KeyboardInterrupt:
        click.echo("\nstopping ...", err=True)
    finally:
        for proc in workers:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in workers:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if broker is not None:
            broker.stop()
            click.echo("Kafka stopped", err=True)
    sys.exit(code)


def _bindable(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _wait_ready(workers: list[subprocess.Popen[bytes]], base_port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pending = set(range(len(workers)))
    while pending and time.monotonic() < deadline:
        for i in list(pending):
            if workers[i].poll() is not None:
                raise click.ClickException(
                    f"the {STAGES[i]} worker exited with {workers[i].returncode}; see its log"
                )
            url = f"http://127.0.0.1:{base_port + i}/readyz"
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    pending.discard(i)
        time.sleep(0.3)
    if pending:
        raise click.ClickException(
            f"workers not ready after {timeout:.0f}s: {[STAGES[i] for i in pending]}"
        )


async def _publish_and_show(settings: Settings, articles: list[RawArticle], once: bool,
                            timeout: float, workers: list[subprocess.Popen[bytes]]) -> int:
    ids = {a.id for a in articles}
    producer = clients.producer(settings)
    await producer.start()
    try:
        for article in articles:
            await producer.send_and_wait(settings.topic(topics.RAW), encode(article),
                                         key=article.id.encode())
    finally:
        await producer.stop()
    click.echo(f"published {len(articles)} article(s); events as they arrive "
               f"(send more with `newsevents produce FILE`; Ctrl-C to stop):\n", err=True)

    watched = [settings.topic(t) for t in (*topics.EVENTS_BY_TYPE.values(), topics.DLQ)]
    consumer = clients.consumer(settings, *watched)
    await consumer.start()
    shown: dict[str, int] = {}
    deadline = time.monotonic() + timeout
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    _show(record.topic, record.value, ids, shown, settings)
            if any(w.poll() is not None for w in workers):
                click.echo("a worker exited unexpectedly; see its log", err=True)
                return 1
            if once:
                if await _all_consumed(settings, consumer, watched):
                    click.echo(f"\ndone: {len(articles)} article(s), {len(shown)} event(s)",
                               err=True)
                    return 0
                if time.monotonic() > deadline:
                    click.echo(f"timed out after {timeout:.0f}s", err=True)
                    return 1
    finally:
        await consumer.stop()


def _show(topic: str, value: bytes | None, ids: set[str], shown: dict[str, int],
          settings: Settings) -> None:
    if value is None:
        return
    data = orjson.loads(value)
    if topic == settings.topic(topics.DLQ):
        letter = DeadLetter.model_validate(data)
        if letter.key in ids:
            click.echo(format_dead_letter(letter))
        return
    event = Event.model_validate(data)
    if not ids & {s.article_id for s in event.source_articles}:
        return  # an event from articles of an earlier session
    if shown.get(event.event_id, 0) >= event.version:
        return
    shown[event.event_id] = event.version
    click.echo(format_event(event) + "\n")


async def _all_consumed(settings: Settings, consumer: AIOKafkaConsumer,
                        watched: list[str]) -> bool:
    """True when every stage's group has committed to the end of its source and we read ours."""
    admin = clients.admin(settings)
    await admin.start()
    probe = clients.consumer(settings)
    await probe.start()
    try:
        for stage, source in STAGE_SOURCES.items():
            lag = await group_lag(admin, probe, settings.app_id(stage), settings.topic(source))
            if any(lag.values()):
                return False
        tps = list(consumer.assignment())
        ends = await probe.end_offsets(tps)
        positions = {tp: await consumer.position(tp) for tp in tps}
        return all(positions[tp] >= ends[tp] for tp in tps)
    finally:
        await probe.stop()
        await admin.close()
