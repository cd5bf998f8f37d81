"""What /healthz reports for a stalled stage must agree with the limit that tripped it."""

from __future__ import annotations

import faust

from newsevents.settings import Settings
from newsevents.streaming.watchdog import StageState, Watchdog


def _watchdog(stall_seconds: float) -> Watchdog:
    settings = Settings(stall_seconds=stall_seconds)
    dog = Watchdog(faust.App("watchdog-report-test"), settings, [], group="g")
    dog.states = {"linker": StageState(), "alert": StageState()}
    return dog


def test_a_stage_just_past_the_limit_is_reported_above_it() -> None:
    dog = _watchdog(4.0)
    dog.states["linker"].stalled_for = 4.04
    dog.states["alert"].stalled_for = 3.99
    assert dog.stalled() == {"linker": 4.1}


def test_nothing_is_reported_at_the_limit() -> None:
    dog = _watchdog(4.0)
    dog.states["linker"].stalled_for = 4.0
    assert dog.stalled() == {}
