"""`create_app(settings, stages)`: a faust app running one stage, or all three.

Each stage gets its own app id, hence its own consumer group, so the three
can be deployed and scaled independently; `stages=("classifier", "linker",
"alert")` runs them in one process under the group '<prefix>-all'.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import faust
import structlog
from prometheus_client import generate_latest

from newsevents.alert.rules import RuleSet, load_rules
from newsevents.clients import faust_auth
from newsevents.settings import Settings, Stage
from newsevents.streaming import metrics
from newsevents.streaming.agents import runners_of
from newsevents.streaming.exactly_once import use_exactly_once_transport
from newsevents.streaming.health import Health
from newsevents.streaming.lean import LeanTransport
from newsevents.streaming.watchdog import Watchdog

PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4"

# An agent queues a whole batch of outputs at once; with aiokafka's 16 KiB
# default a partition's share of it leaves in many sequential requests (one
# in flight per partition). Half a MiB stays under the broker's default
# message.max.bytes, which faust's own changelog topics keep. A few ms of
# linger gathers the small batches of a busy stream into one request: it
# halved CPU per message on the no-op bench, for at most 5 ms per hop.
PRODUCER_MAX_BATCH_BYTES = 512 * 1024
PRODUCER_LINGER_SECONDS = 0.005


def create_app(
    settings: Settings,
    stages: Sequence[Stage],
    *,
    source_partitions: int | None = None,
    rules: RuleSet | None = None,
) -> faust.App:
    """Build the app and register the agents of `stages` on it.

    `source_partitions` is the partition count of the alert stage's
    candidates topic, which its table must match; the worker reads it from
    the broker. `rules` default to `settings.alert_rules_file` or the
    packaged rules; a bad file raises `RulesError` here, at start-up.
    """
    if not stages:
        raise ValueError("at least one stage is needed")
    name = stages[0] if len(stages) == 1 else "all"
    app = faust_app(settings, name, web=True,
                    exactly_once="alert" in stages and settings.alert_exactly_once)
    # Imported here so that building an app for one stage does not load the
    # other stages' lexicons and knowledge base.
    for stage in stages:
        if stage == "classifier":
            from newsevents.classifier.agent import register as register_classifier

            register_classifier(app, settings)
        elif stage == "linker":
            from newsevents.linker.agent import register as register_linker

            register_linker(app, settings)
        elif stage == "alert":
            from newsevents.alert.agent import register as register_alert

            if rules is None:
                path = Path(settings.alert_rules_file) if settings.alert_rules_file else None
                rules = load_rules(path)
            register_alert(app, settings, rules, partitions=source_partitions)
        else:  # pragma: no cover - Stage is a Literal
            raise ValueError(f"unknown stage {stage!r}")
    watchdog = Watchdog(app, settings, runners_of(app), group=settings.app_id(name))
    health = Health(app, stages, watchdog)
    _register_web(app, health)

    async def _watch() -> None:
        await watchdog.run()

    app.task(_watch)

    @app.on_before_shutdown.connect
    async def _close_watchdog(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        await watchdog.close()

    structlog.get_logger("newsevents.app").info(
        "app_created", app_id=app.conf.id, stages=list(stages), web_port=settings.web_port
    )
    return app


def faust_app(
    settings: Settings, name: str, *, web: bool, exactly_once: bool = False,
) -> faust.App:
    """A faust app with our settings and no agents; `bench/noop_app.py` builds on it too.

    `exactly_once` gives the app faust's transactional producers (one per
    source partition), read_committed consumers and table recovery, with the
    fixes of `streaming.exactly_once`; only the agents added with
    `transactional=True` send inside those transactions.
    """
    datadir = Path(settings.data_dir) / settings.app_id(name)
    # faust creates only the last path component itself.
    datadir.parent.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id(name),
        broker=[f"kafka://{host}" for host in settings.kafka_bootstrap_servers.split(",")],
        autodiscover=False,
        store="memory://",
        datadir=str(datadir),
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        # The leader-election topic is only needed by @app.timer(on_leader=True).
        topic_disable_leader=True,
        consumer_auto_offset_reset="earliest",
        processing_guarantee="exactly_once" if exactly_once else "at_least_once",
        producer_acks=-1,
        # Results carry the article and can outgrow Kafka's 1 MiB default.
        producer_max_request_size=4 * settings.max_message_bytes + 65536,
        producer_max_batch_size=PRODUCER_MAX_BATCH_BYTES,
        producer_linger=PRODUCER_LINGER_SECONDS,
        key_serializer="raw",
        value_serializer="raw",
        web_enabled=web,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        **faust_auth(settings),
    )
    if exactly_once:
        # Before any topic or agent is declared: they reach the transport.
        use_exactly_once_transport(app, settings)
    else:
        app.transport = LeanTransport(app.conf.broker_consumer, app)
    return app


def _register_web(app: faust.App, health: Health) -> None:
    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        # aiohttp refuses a charset inside content_type; the exposition format is UTF-8.
        return web.bytes(generate_latest(), content_type=PROMETHEUS_CONTENT_TYPE)

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        ok, detail = health.live()
        return web.json({"status": "ok" if ok else "fail", **detail}, status=200 if ok else 503)

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        ok, detail = health.ready()
        return web.json(
            {"status": "ready" if ok else "not-ready", **detail}, status=200 if ok else 503
        )

    del metrics_page, healthz, readyz  # registered on the app by the decorators
    _ = metrics  # the module registers the metrics this page exports
