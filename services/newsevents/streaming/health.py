"""Liveness and readiness of a worker, for Kubernetes probes and `make run`.

Ready means: the consumer group has handed this worker its partitions (an
empty assignment counts: more replicas than partitions is a valid state), the
last rebalance was not revoked without a new assignment since, and the
watchdog's last look at the broker got an answer. Live means: no stage holds
partitions with lag while finishing nothing for `stall_seconds` (see
`watchdog.py`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import faust

from newsevents.streaming import metrics
from newsevents.streaming.watchdog import Watchdog


class Health:
    def __init__(self, app: faust.App, stages: Sequence[str], watchdog: Watchdog) -> None:
        self.stages = list(stages)
        self.watchdog = watchdog
        self.assigned = False
        self.partitions: int = 0
        self.started_at = time.time()

        # faust calls receivers as (sender, <assigned or revoked set>, signal=...).
        @app.on_partitions_assigned.connect
        async def _assigned(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
            self.assigned = True
            self.partitions = len(args[0]) if args else 0
            for stage in self.stages:
                metrics.STAGE_READY.labels(stage).set(1)

        @app.on_partitions_revoked.connect
        async def _revoked(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
            self.assigned = False
            for stage in self.stages:
                metrics.STAGE_READY.labels(stage).set(0)

        for stage in self.stages:
            metrics.STAGE_READY.labels(stage).set(0)

    def live(self) -> tuple[bool, dict[str, Any]]:
        stalled = self.watchdog.stalled()
        lag = {stage: sum(s.lag.values()) for stage, s in self.watchdog.states.items()}
        return not stalled, {
            "stages": self.stages,
            "uptime_s": round(time.time() - self.started_at, 1),
            "stalled_s": stalled,
            "lag": lag,
        }

    def ready(self) -> tuple[bool, dict[str, Any]]:
        reachable = self.watchdog.broker_reachable
        for stage in self.stages:
            metrics.STAGE_READY.labels(stage).set(int(self.assigned and reachable))
        return self.assigned and reachable, {
            "stages": self.stages,
            "partitions": self.partitions,
            "broker_reachable": reachable,
        }
