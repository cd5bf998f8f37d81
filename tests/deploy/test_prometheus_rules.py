"""deploy/prometheus/rules.yaml: promtool lint and unit tests, and what every alert carries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from tests.deploy.toolchain import RULES, RULES_TEST, must, run, tool

REQUIRED_ALERTS = {
    "NewseventsTargetDown",
    "NewseventsAbsent",
    "NewseventsConsumptionStalled",
    "NewseventsDeadLetterRateHigh",
    "NewseventsEndToEndLatencyHigh",
    "NewseventsArmedClashSurge",
}


def alerts() -> list[dict[str, object]]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [r for g in groups for r in g["rules"] if "alert" in r]


def test_promtool_lints_the_rules_clean() -> None:
    out = must([tool("promtool"), "check", "rules", "--lint-fatal", str(RULES)])
    assert "SUCCESS" in out


def test_promtool_unit_tests_pass() -> None:
    out = must([tool("promtool"), "test", "rules", str(RULES_TEST)])
    assert "SUCCESS" in out


def test_unit_tests_catch_a_loosened_threshold(tmp_path: Path) -> None:
    # The near-miss cases must hold an alert back: with the dead-letter
    # threshold at 0.5% the linker's 1% share fires too, and the test notices.
    loosened = RULES.read_text().replace(
        "stage:newsevents_dead_letter_ratio:rate5m > 0.05",
        "stage:newsevents_dead_letter_ratio:rate5m > 0.005",
    )
    assert loosened != RULES.read_text()
    (tmp_path / "rules.yaml").write_text(loosened)
    shutil.copy(RULES_TEST, tmp_path / "rules_test.yaml")
    done = run([tool("promtool"), "test", "rules", "rules_test.yaml"], cwd=tmp_path)
    assert done.returncode != 0
    assert "NewseventsDeadLetterRateHigh" in done.stdout + done.stderr


def test_every_required_alert_is_unit_tested_firing_and_silent() -> None:
    names = {str(a["alert"]) for a in alerts()}
    assert names >= REQUIRED_ALERTS
    tests = yaml.safe_load(RULES_TEST.read_text())["tests"]
    cases = [c for t in tests for c in t.get("alert_rule_test", [])]
    for name in names:
        mine = [c for c in cases if c["alertname"] == name]
        assert any(c["exp_alerts"] for c in mine), f"{name} is never shown firing"
        assert any(not c["exp_alerts"] for c in mine), f"{name} is never shown holding back"


def test_every_alert_has_severity_summary_description_and_a_runbook_anchor() -> None:
    readme = (RULES.parent / "README.md").read_text()
    # GitHub's anchor of a heading: lower case, spaces to dashes, punctuation dropped.
    anchors = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
               for h in re.findall(r"^#+\s+(.+)$", readme, flags=re.M)}
    for rule in alerts():
        labels = rule.get("labels") or {}
        notes = rule.get("annotations") or {}
        assert isinstance(labels, dict) and isinstance(notes, dict)
        assert labels.get("severity") in {"critical", "warning", "info"}, rule["alert"]
        assert notes.get("summary") and notes.get("description"), rule["alert"]
        path, _, anchor = str(notes.get("runbook", "")).partition("#")
        assert path == "deploy/prometheus/README.md", rule["alert"]
        assert anchor in anchors, f"{rule['alert']}: no heading for #{anchor} in the README"
