"""Liveness and readiness of a worker, for Kubernetes probes and `make run`.

Ready means: the consumer group has handed this worker its partitions (an
empty assignment counts: more replicas than partitions is a valid state) and
the last rebalance was not revoked without a new assignment since.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import faust

from newsevents.streaming import metrics


class Health:
    def __init__(self, app: faust.App, stages: Sequence[str]) -> None:
        self.stages = list(stages)
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
        return True, {"stages": self.stages, "uptime_s": round(time.time() - self.started_at, 1)}

    def ready(self) -> tuple[bool, dict[str, Any]]:
        return self.assigned, {"stages": self.stages, "partitions": self.partitions}
