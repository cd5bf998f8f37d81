"""Section 3, framework side: our faust pipeline shape with no-op cores.

The same `faust.App` settings as `newsevents.streaming.app.create_app` and
the same agent loop (`add_stage_agent`: StageRunner, metrics, forced sends),
over `HOPS` topic hops in one worker process; each core returns its input.

    BENCH_HOP_PREFIX=x. python -m bench.noop_app worker
"""

from __future__ import annotations

import os
from pathlib import Path

import faust

from newsevents.settings import Settings
from newsevents.streaming.agents import add_stage_agent
from newsevents.streaming.stage import Incoming, Output

HOPS = 3


def hop_topic(i: int) -> str:
    return f"bench.hop{i}"


def create_noop_app(settings: Settings) -> faust.App:
    datadir = Path(settings.data_dir) / settings.app_id("noop")
    datadir.parent.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id("noop"),
        broker=[f"kafka://{h}" for h in settings.kafka_bootstrap_servers.split(",")],
        autodiscover=False,
        store="memory://",
        datadir=str(datadir),
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        topic_disable_leader=True,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_max_request_size=4 * settings.max_message_bytes + 65536,
        key_serializer="raw",
        value_serializer="raw",
        web_enabled=False,
    )
    for i in range(HOPS):
        target = hop_topic(i + 1)

        def process(record: Incoming, target: str = target) -> list[Output]:
            key = (record.key or b"").decode()
            return [Output(target, key, record.value or b"")]

        add_stage_agent(app, settings, stage=f"noop{i}", source=hop_topic(i), process=process)
    return app


def main() -> None:
    settings = Settings()
    app = create_noop_app(settings)
    faust.Worker(app, loglevel=os.environ.get("NEWSEVENTS_LOG_LEVEL", "warning"),
                 quiet=True).execute_from_commandline()


if __name__ == "__main__":
    main()
