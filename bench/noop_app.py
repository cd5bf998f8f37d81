"""Section 3, framework side: our faust pipeline shape with no-op cores.

The same `faust.App` as `newsevents.streaming.app.create_app` (`faust_app`),
the same agent loop (`add_stage_agent`: batches, StageRunner, metrics) and
the same worker class, over `HOPS` topic hops in one worker process; each
core returns its input.

    BENCH_HOP_PREFIX=x. python -m bench.noop_app worker
"""

from __future__ import annotations

import os

import faust

from newsevents import garbage_collection
from newsevents.settings import Settings
from newsevents.streaming.agents import add_stage_agent
from newsevents.streaming.app import faust_app
from newsevents.streaming.stage import Incoming, Output
from newsevents.streaming.worker import StageWorker

HOPS = 3


def hop_topic(i: int) -> str:
    return f"bench.hop{i}"


def create_noop_app(settings: Settings) -> faust.App:
    app = faust_app(settings, "noop", web=False)
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
    garbage_collection.tune(settings.gc_gen0_threshold)
    StageWorker(app, loglevel=os.environ.get("NEWSEVENTS_LOG_LEVEL", "warning"),
                quiet=True).execute_from_commandline()


if __name__ == "__main__":
    main()
