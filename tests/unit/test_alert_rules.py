"""Alert rules: a bad file fails at load naming its line; every rule kind fires where it should."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsevents.alert.rules import Rule, RulesError, load_rules, parse_duration
from tests.unit.alert_fixtures import clash

NOW = datetime(2025, 5, 1, tzinfo=UTC)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text)
    return path


def test_default_rules_load() -> None:
    rules = load_rules()
    assert {r.name for r in rules.rules} >= {"armed-clash-surge", "territory-change"}


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("rules:\n  - name: ok\n    severity: loud\n", 3, "severity"),
        ("rules:\n  - name: ok\n  - name: r2\n    kind: rate\n    event_types: [armed-clash]\n"
         "    window: 2x\n    threshold: 3\n", 6, "duration"),
        ("rules:\n  - name: r\n    kind: rate\n"
         "    event_types: [armed-clash, diplomatic-engagement]\n"
         "    threshold: 3\n    window: 1h\n", 2, "exactly one event type"),
        ("rules:\n  - name: r\n    countries: [Myanmar]\n", 3, "alpha-3"),
        ("rules:\n  - name: r\n    subtypes: [riot]\n", 2, "not subtypes"),
        ("rules:\n  - name: r\n    colour: red\n", 3, "colour"),
        ("rules:\n  - name: a\n  - name: a\n", 1, "unique"),
        ("rules: [\n", 2, "not valid YAML"),
    ],
)
def test_bad_rules_name_the_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert f"{path}:{line}:" in str(info.value)
    assert fragment in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "nope.yaml")


def test_durations() -> None:
    assert parse_duration("90s") == timedelta(seconds=90)
    assert parse_duration("24h") == timedelta(hours=24)
    assert parse_duration("7d") == timedelta(days=7)
    assert parse_duration(30) == timedelta(seconds=30)


def test_match_rule_filters() -> None:
    event = clash("a1", "MMR", "city:1", "Sagaing", day=1)
    assert Rule(name="r", countries=["MMR"]).matches(event)
    assert not Rule(name="r", countries=["THA"]).matches(event)
    assert Rule(name="r", event_types=["armed-clash"], subtypes=["battle"]).matches(event)
    assert not Rule(name="r", subtypes=["visit"]).matches(event)
    assert not Rule(name="r", min_confidence=0.95).matches(event)
    assert not Rule(name="r", min_mentions=2).matches(event)
    assert Rule(name="r", actors=["armed:pdf"]).matches(event)
    assert Rule(name="r", actors=["people's defence force"]).matches(event)
    assert not Rule(name="r", actors=["armed:hamas"]).matches(event)
    assert Rule(name="r", places=["sagaing"]).matches(event)
    assert not Rule(name="r", places=["Mandalay"]).matches(event)
