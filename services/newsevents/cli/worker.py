"""`newsevents worker --stage ...`: run one stage, or all three, as a faust worker."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import click
import structlog

from newsevents import clients, garbage_collection, logs, topics
from newsevents.alert.rules import RulesError, load_rules
from newsevents.settings import STAGES, Settings, Stage
from newsevents.streaming.admin import ensure_topics
from newsevents.streaming.app import create_app
from newsevents.streaming.worker import StageWorker


@click.command()
@click.option(
    "--stage",
    type=click.Choice([*STAGES, "all"]),
    required=True,
    help="Which stage this worker runs; 'all' runs the three in one process.",
)
@click.option("--web-port", type=int, default=None, help="Overrides NEWSEVENTS_WEB_PORT.")
def worker(stage: str, web_port: int | None) -> None:
    """Run a stage worker: consume, process, produce, serve /metrics /healthz /readyz."""
    settings = Settings()
    if web_port is not None:
        settings = settings.model_copy(update={"web_port": web_port})
    logs.configure(settings)
    log = structlog.get_logger("newsevents.worker")
    stages: tuple[Stage, ...] = STAGES if stage == "all" else (stage,)  # type: ignore[assignment]
    try:
        # Rules first: a bad rules file must stop the worker before it joins the group.
        rules = load_rules(Path(settings.alert_rules_file) if settings.alert_rules_file else None)
        # A refused login fails at once; ensure_topics would retry it like an outage.
        asyncio.run(clients.check_access(settings))
        counts = asyncio.run(ensure_topics(settings))
    except RulesError as exc:
        log.error("bad_alert_rules", error=str(exc))
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except clients.KafkaAccessRefused as exc:
        log.error("kafka_access_refused", error=str(exc))
        sys.exit(2)
    except (ConnectionError, TimeoutError, RuntimeError) as exc:
        log.error("startup_failed", error=str(exc))
        sys.exit(2)
    app = create_app(settings, stages, rules=rules,
                     source_partitions=counts[settings.topic(topics.CANDIDATES)])
    # The cores are loaded now: out of the collector's way from here on.
    garbage_collection.tune(settings.gc_gen0_threshold)
    log.info("worker_starting", stages=list(stages), kafka=settings.kafka_bootstrap_servers)
    StageWorker(
        app,
        loglevel=settings.log_level,
        logging_config=logs.logging_dict_config(settings),
        redirect_stdouts=False,
        quiet=True,
        stop_deadline_seconds=settings.shutdown_timeout_seconds,
    ).execute_from_commandline()
