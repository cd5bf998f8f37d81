"""deploy/grafana: the committed JSON is what dashboards.py generates, and it is usable."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.deploy.toolchain import GRAFANA


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dashboards", GRAFANA / "dashboards.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GRAFANA / name).read_text())
    return data


def test_committed_json_is_what_the_generator_writes(tmp_path: Path) -> None:
    gen = generator()
    assert gen.main(["--out", str(tmp_path)]) == 0
    for name in ("pipeline-health.json", "events.json"):
        assert (tmp_path / name).read_text() == (GRAFANA / name).read_text(), (
            f"{name} is stale: run `python deploy/grafana/dashboards.py`")
    assert gen.main(["--check"]) == 0


def test_check_mode_notices_a_hand_edit(tmp_path: Path) -> None:
    gen = generator()
    gen.main(["--out", str(tmp_path)])
    edited = tmp_path / "events.json"
    edited.write_text(edited.read_text().replace("Events per hour by type", "Events"))
    assert gen.main(["--check", "--out", str(tmp_path)]) == 1


@pytest.mark.parametrize(("name", "needed"), [
    ("pipeline-health.json", ["newsevents_messages_consumed_total",
                              "newsevents_consumer_lag_messages",
                              "newsevents_processing_seconds_bucket",
                              "newsevents_end_to_end_latency_seconds_bucket",
                              "newsevents_dead_letters_total", "newsevents_stage_ready"]),
    ("events.json", ["event_type", "sum by (country)", "newsevents_alerts_total"]),
])
def test_dashboard_shows_what_operators_need(name: str, needed: list[str]) -> None:
    exprs = " ".join(t["expr"] for p in load(name)["panels"] for t in p.get("targets", []))
    missing = [n for n in needed if n not in exprs]
    assert missing == []


@pytest.mark.parametrize("name", ["pipeline-health.json", "events.json"])
def test_dashboard_is_importable_by_grafana(name: str) -> None:
    board = load(name)
    assert board["uid"].startswith("newsevents-") and len(board["uid"]) <= 40
    ids = [p["id"] for p in board["panels"]]
    assert len(ids) == len(set(ids)) and 0 not in ids
    for panel in board["panels"]:
        refs = [t["refId"] for t in panel.get("targets", [])]
        assert len(refs) == len(set(refs)) and all(refs), panel["title"]
        if panel["type"] != "row":
            assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
            assert panel["gridPos"]["w"] > 0 and panel["gridPos"]["h"] > 0
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
