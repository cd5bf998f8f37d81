"""`StageWorker`: the faust worker our processes run, without faust's terminal spinner.

At a log level of WARNING or above, faust's worker sets up a terminal
spinner that lowers the root logger to DEBUG so that every record can spin
it: each `log.debug` of faust and aiokafka on the per-message path then
builds a LogRecord that the handlers throw away. No spinner, no such cost.

A stop has a deadline. With the broker gone, faust's consumer thread retries
its final commit until mode's 60 s service timeout and the rest of the
shutdown waits behind it, so a pod would be killed by Kubernetes first, with
no word in the log of why. The deadline runs on a thread of its own so that
it fires whatever the event loop is waiting for.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any

import faust
import structlog

STOP_DEADLINE_EXIT_STATUS = 1


class StageWorker(faust.Worker):
    def __init__(self, *args: Any, stop_deadline_seconds: float | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stop_deadline_seconds = stop_deadline_seconds
        self._stop_deadline: threading.Timer | None = None

    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        self.spinner = None
        super().on_setup_root_logger(logger, level)

    async def stop(self) -> None:
        self._arm_stop_deadline()
        await super().stop()

    def _arm_stop_deadline(self) -> None:
        if self._stop_deadline_seconds is None or self._stop_deadline is not None:
            return
        timer = threading.Timer(self._stop_deadline_seconds, self._stop_overran)
        timer.daemon = True
        timer.start()
        self._stop_deadline = timer

    def _stop_overran(self) -> None:
        structlog.get_logger("newsevents.worker").error(
            "stop_deadline_exceeded",
            seconds=self._stop_deadline_seconds,
            consequence="exiting without the final commit; uncommitted records are "
            "consumed again after the restart",
        )
        sys.stdout.flush()
        sys.stderr.flush()
        # os._exit, not sys.exit: the main thread is blocked inside the loop's
        # shutdown, and only a process exit ends it.
        os._exit(STOP_DEADLINE_EXIT_STATUS)
