"""The in-process section reports the median of its rounds, not the luckiest or the slowest."""

from __future__ import annotations

from typing import Any

from bench.inprocess import Timing, median_round
from bench.run import median_run, pool_in_process


def test_median_round_is_the_middle_rate_not_the_middle_time_in_list_order() -> None:
    slow, middle, fast = Timing(100, 0.5, 0.5), Timing(100, 0.2, 0.2), Timing(100, 0.1, 0.1)
    assert median_round([fast, slow, middle]) is middle
    assert median_round([slow, fast, middle]).as_dict()["per_cpu_s"] == 500.0


def test_one_round_is_its_own_median() -> None:
    only = Timing(10, 0.01, 0.02)
    assert median_round([only]) is only


def _section(rounds: list[float]) -> dict[str, Any]:
    return {"rounds": len(rounds), "peak_rss_mb": 100.0 + len(rounds),
            "whole_chain": {"per_cpu_s": sorted(rounds)[len(rounds) // 2]},
            "per_cpu_s_by_round": {"whole_chain": rounds}}


def test_rounds_after_the_kafka_sections_join_the_median() -> None:
    before, after = _section([400.0, 450.0, 420.0]), _section([600.0, 610.0, 590.0])
    after["peak_rss_mb"] = 900.0  # what a child of the grown bench process reports
    pool_in_process(before, after)
    assert before["per_cpu_s_by_round"]["whole_chain"] == [400.0, 450.0, 420.0,
                                                           600.0, 610.0, 590.0]
    # The middle of six rates, not the first run's median (420) nor the second's (600).
    assert before["whole_chain"]["per_cpu_s"] == 520.0
    assert (before["rounds_before_kafka"], before["rounds_after_kafka"]) == (3, 3)
    assert before["peak_rss_mb"] == 103.0  # the first run's own


def test_framework_runs_report_the_run_of_median_rate() -> None:
    runs = [{"messages_per_s": r, "tag": i} for i, r in enumerate([900.0, 300.0, 600.0])]
    assert median_run(runs)["tag"] == 2
    assert median_run(runs[:2])["tag"] == 1  # of two, the slower
