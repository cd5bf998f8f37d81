"""The in-process figures: the median of rounds, and the chain timed during the e2e run."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from bench.inprocess import CONCURRENT_SLICE, Timing, median_round, run_concurrent
from bench.run import headline, median_run, pool_in_process

from newsevents import garbage_collection


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


def test_the_concurrent_chain_times_every_slice_between_go_and_stop(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("go\n"))
    tuned: list[int] = []
    # As a worker does; recorded, not applied to the test process's collector.
    monkeypatch.setattr(garbage_collection, "tune", tuned.append)
    asked: list[bool] = []

    def stop_after_two_slices() -> bool:
        asked.append(True)
        return len(asked) > 2

    result = run_concurrent(seed=7, warmup=3, stop_requested=stop_after_two_slices)
    assert capsys.readouterr().out == "ready\n"
    assert result["items"] == 2 * CONCURRENT_SLICE
    assert result["cpu_s"] > 0
    assert result["per_cpu_s"] == pytest.approx(result["items"] / result["cpu_s"], rel=0.01)
    assert tuned == [garbage_collection.DEFAULT_GEN0_THRESHOLD]


def _results(concurrent: float | None) -> dict[str, Any]:
    asap: dict[str, Any] = {"articles_per_worker_cpu_s": 300.0, "articles_per_s": 400.0,
                            "in_process_whole_chain_alongside": {"per_cpu_s": 500.0}}
    if concurrent is not None:
        asap["in_process_whole_chain_concurrent"] = {"per_cpu_s": concurrent}
    return {"in_process": {"whole_chain": {"per_cpu_s": 600.0}},
            "one_worker_per_stage": {"asap": asap}}


def test_the_e2e_ratio_divides_by_the_chain_timed_during_the_run_and_shows_the_others() -> None:
    h = headline(_results(concurrent=400.0))
    assert h["e2e_vs_in_process_ratio"] == 0.75
    assert h["e2e_vs_in_process_idle_ratio"] == 0.6
    assert h["e2e_vs_in_process_section_ratio"] == 0.5
    # A run without the concurrent chain (its section failed) falls back to the idle one.
    assert headline(_results(concurrent=None))["e2e_vs_in_process_ratio"] == 0.6
