"""`StageWorker`: the faust worker our processes run, without faust's terminal spinner.

At a log level of WARNING or above, faust's worker sets up a terminal
spinner that lowers the root logger to DEBUG so that every record can spin
it: each `log.debug` of faust and aiokafka on the per-message path then
builds a LogRecord that the handlers throw away. No spinner, no such cost.
"""

from __future__ import annotations

import logging

import faust


class StageWorker(faust.Worker):
    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        self.spinner = None
        super().on_setup_root_logger(logger, level)
