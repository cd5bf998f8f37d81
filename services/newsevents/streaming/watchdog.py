"""Lag, progress and stall detection for the worker's liveness and readiness.

faust-streaming has open reports of consumers that stop fetching after a
rebalance or a task timeout while the process looks healthy (faust issues
175, 523, 532, 629). A worker that holds partitions with lag and finishes
nothing for `stall_seconds` is therefore declared dead on /healthz, so that
Kubernetes restarts it. The lag is measured with clients of our own, not
faust's fetcher, because the fetcher is what may be stuck.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import faust
import structlog
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import TopicPartition

from newsevents import clients
from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.stage import StageRunner

log = structlog.get_logger("newsevents.watchdog")


@dataclass
class StageState:
    lag: dict[tuple[str, int], int] = field(default_factory=dict)
    stalled_for: float = 0.0


class Watchdog:
    def __init__(self, app: faust.App, settings: Settings, runners: Sequence[StageRunner],
                 group: str) -> None:
        self.app = app
        self.settings = settings
        self.runners = list(runners)
        self.group = group
        self.broker_reachable = True
        self.states: dict[str, StageState] = {r.stage: StageState() for r in self.runners}
        self._probe: AIOKafkaConsumer | None = None
        self._admin: AIOKafkaAdminClient | None = None
        self._labelled: set[tuple[str, str, str]] = set()

    def stalled(self) -> dict[str, float]:
        """Stages stalled beyond the limit, with seconds since their last progress.

        Rounded up to a tenth: a stage reported as stalled must never show a
        figure at or below the limit that made it so.
        """
        return {stage: math.ceil(s.stalled_for * 10) / 10 for stage, s in self.states.items()
                if s.stalled_for > self.settings.stall_seconds}

    async def _clients(self) -> tuple[AIOKafkaConsumer, AIOKafkaAdminClient]:
        if self._probe is None or self._admin is None:
            probe = clients.consumer(self.settings, client_id="newsevents-watchdog",
                                     request_timeout_ms=10000)
            admin = clients.admin(self.settings, client_id="newsevents-watchdog",
                                  request_timeout_ms=10000)
            await probe.start()
            await admin.start()
            self._probe, self._admin = probe, admin
        return self._probe, self._admin

    async def close(self) -> None:
        if self._probe is not None:
            await self._probe.stop()
        if self._admin is not None:
            await self._admin.close()
        self._probe = self._admin = None

    def _assigned(self) -> set[TopicPartition]:
        try:
            return {TopicPartition(tp.topic, tp.partition) for tp in self.app.consumer.assignment()}
        except Exception:  # no consumer yet while the worker starts
            return set()

    async def check(self) -> None:
        assigned = self._assigned()
        wanted = {r.source_topic for r in self.runners}
        tps = sorted(tp for tp in assigned if tp.topic in wanted)
        ends: dict[TopicPartition, int] = {}
        committed: dict[TopicPartition, Any] = {}
        try:
            probe, admin = await asyncio.wait_for(self._clients(), timeout=15)
            if tps:
                ends = await asyncio.wait_for(probe.end_offsets(tps), timeout=15)
                committed = await asyncio.wait_for(
                    admin.list_consumer_group_offsets(self.group, partitions=tps), timeout=15)
            else:
                # Nothing assigned: still prove the broker answers.
                await asyncio.wait_for(admin.list_topics(), timeout=15)
        except Exception as exc:
            if self.broker_reachable:
                log.warning("broker_unreachable", error=f"{type(exc).__name__}: {exc}")
            self.broker_reachable = False
            await self._reset_clients()
            return
        if not self.broker_reachable:
            log.info("broker_reachable_again")
        self.broker_reachable = True
        self._record(tps, ends, committed)

    async def _reset_clients(self) -> None:
        # A client that lost its broker may keep stale metadata; start afresh next time.
        try:
            await asyncio.wait_for(self.close(), timeout=5)
        except Exception:
            self._probe = self._admin = None

    def _record(self, tps: list[TopicPartition], ends: dict[TopicPartition, int],
                committed: dict[TopicPartition, Any]) -> None:
        now = time.time()
        labelled: set[tuple[str, str, str]] = set()
        for runner in self.runners:
            state = self.states[runner.stage]
            state.lag = {}
            for tp in (tp for tp in tps if tp.topic == runner.source_topic):
                meta = committed.get(tp)
                done = meta.offset if meta is not None and meta.offset >= 0 else 0
                position = max(done, runner.positions.get((tp.topic, tp.partition), 0))
                lag = max(0, ends.get(tp, 0) - position)
                state.lag[(tp.topic, tp.partition)] = lag
                labels = (runner.stage, tp.topic, str(tp.partition))
                metrics.CONSUMER_LAG.labels(*labels).set(lag)
                labelled.add(labels)
            if not any(state.lag.values()):
                # Nothing to do is not a stall.
                runner.last_progress = now
                metrics.LAST_PROGRESS.labels(runner.stage).set(now)
            state.stalled_for = now - runner.last_progress
        for gone in self._labelled - labelled:
            # Partitions handed to another worker are that worker's to report.
            metrics.CONSUMER_LAG.remove(*gone)
        self._labelled = labelled
        if stalled := self.stalled():
            log.error("stage_stalled", stalled=stalled,
                      lag={s: sum(st.lag.values()) for s, st in self.states.items()})

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.settings.watchdog_interval_seconds)
            try:
                await self.check()
            except Exception:  # the watchdog must outlive whatever it watches
                log.exception("watchdog_error")
