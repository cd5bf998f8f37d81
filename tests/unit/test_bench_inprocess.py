"""The in-process section reports the median of its rounds, not the luckiest or the slowest."""

from __future__ import annotations

from bench.inprocess import Timing, median_round


def test_median_round_is_the_middle_rate_not_the_middle_time_in_list_order() -> None:
    slow, middle, fast = Timing(100, 0.5, 0.5), Timing(100, 0.2, 0.2), Timing(100, 0.1, 0.1)
    assert median_round([fast, slow, middle]) is middle
    assert median_round([slow, fast, middle]).as_dict()["per_cpu_s"] == 500.0


def test_one_round_is_its_own_median() -> None:
    only = Timing(10, 0.01, 0.02)
    assert median_round([only]) is only
