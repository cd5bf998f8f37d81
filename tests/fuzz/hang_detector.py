"""A per-case hang detector: SIGALRM interrupts a case that runs far too long.

Not a benchmark: the bound is many times what any case needs, so that only
a real stall (catastrophic backtracking, an endless loop) trips it, even on
a loaded CI machine. `re` checks for signals while it backtracks, so a
runaway regular expression is interrupted too. pytest-timeout also arms
SIGALRM; its timer is saved and re-armed with what was left of it.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# Generous on purpose: cases take milliseconds; a stall takes forever.
HANG_SECONDS = 10.0


class CaseHung(Exception):
    """A case ran past the hang detector's bound."""


@contextmanager
def hang_detector(what: str, seconds: float = HANG_SECONDS) -> Iterator[None]:
    def alarm(signum: int, frame: FrameType | None) -> None:
        raise CaseHung(f"{what} still running after {seconds:.0f} s")

    previous_handler = signal.signal(signal.SIGALRM, alarm)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), previous_interval)
