"""Every PromQL query in the rules and dashboards parses and names real series.

"Real" means defined in newsevents.streaming.metrics (read from the
prometheus_client registry), a recording rule of rules.yaml, or Prometheus' `up`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import promql_parser
import pytest
import yaml
from prometheus_client import REGISTRY

import newsevents.streaming.metrics  # noqa: F401  (registers the metrics we check against)
from tests.deploy.toolchain import DASHBOARDS, RULES

# Announced for the next change of metrics.py and already used by the rules and
# dashboards. Once one lands, the registry's definition wins and must carry these
# labels; then drop its entry.
FUTURE_METRICS: dict[str, set[str]] = {}
# Labels every scraped series gets from Prometheus (and the ServiceMonitor).
TARGET_LABELS = {"job", "instance", "namespace", "pod", "service", "container", "endpoint",
                 "component"}
# Grafana's variables, replaced by what they stand for so the parser sees PromQL.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "1m", "$__range": "1d"}


def registry_series() -> dict[str, set[str]]:
    """Series names our process exports, with their label names."""
    suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_count", "_sum"],
                "summary": ["_count", "_sum", ""], "info": ["_info"], "gauge": [""]}
    series: dict[str, set[str]] = {}
    for collector in list(REGISTRY._collector_to_names):  # no public way to list them
        describe = getattr(collector, "describe", None)
        for family in (describe() if describe else collector.collect()):
            labels = set(getattr(collector, "_labelnames", ()))
            for suffix in suffixes.get(family.type, [""]):
                extra = {"le"} if suffix == "_bucket" else set()
                if family.type == "info":
                    labels |= {k for s in family.samples for k in s.labels}
                series[family.name + suffix] = labels | extra
    return series


def recording_rules() -> set[str]:
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return {r["record"] for g in groups for r in g["rules"] if "record" in r}


def rule_queries() -> Iterator[tuple[str, str]]:
    for group in yaml.safe_load(RULES.read_text())["groups"]:
        for rule in group["rules"]:
            yield f"rules.yaml {rule.get('alert') or rule.get('record')}", rule["expr"]


def dashboard_queries() -> Iterator[tuple[str, str]]:
    for path in DASHBOARDS:
        for panel in json.loads(path.read_text())["panels"]:
            for target in panel.get("targets", []):
                yield f"{path.name} '{panel['title']}'", target["expr"]


def selectors(expr: str) -> list[tuple[str, set[str]]]:
    """(metric name, label names matched) of each vector selector in `expr`."""
    for var, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(var, value)
    found: list[tuple[str, set[str]]] = []

    def visit(node: object) -> None:
        if isinstance(node, promql_parser.VectorSelector):
            matchers = {m.name: m.value for m in node.matchers.matchers}
            name = node.name or matchers.pop("__name__", "")
            found.append((name, set(matchers)))

    promql_parser.walk(promql_parser.parse(expr), visit)
    return found


def unknown_references(expr: str, known: dict[str, set[str]]) -> list[str]:
    problems = []
    for name, labels in selectors(expr):
        if name not in known:
            problems.append(f"unknown metric {name!r}")
        elif stray := labels - known[name] - TARGET_LABELS:
            problems.append(f"{name} has no label {sorted(stray)}")
    return problems


def known_series() -> dict[str, set[str]]:
    known = {name: set(labels) for name, labels in FUTURE_METRICS.items()}
    known.update(registry_series())
    # Recording rules keep the labels they aggregate by; any of ours is allowed.
    known.update({name: {"stage", "reason", "country", "job"} for name in recording_rules()})
    known["up"] = set()
    return known


QUERIES = [*rule_queries(), *dashboard_queries()]


def test_the_registry_is_read_not_assumed() -> None:
    series = registry_series()
    assert series["newsevents_dead_letters_total"] == {"stage", "reason"}
    assert "le" in series["newsevents_end_to_end_latency_seconds_bucket"]
    assert "newsevents_stage_ready" in series
    assert series["newsevents_alerts_total"] == {"rule", "severity"}
    for name, labels in FUTURE_METRICS.items():
        if name in series:
            assert series[name] == labels, f"{name} landed with other labels than the queries use"


@pytest.mark.parametrize(("where", "expr"), QUERIES, ids=[w for w, _ in QUERIES])
def test_query_parses_and_names_real_series(where: str, expr: str) -> None:
    assert selectors(expr), f"{where}: no series selected by {expr}"
    assert unknown_references(expr, known_series()) == [], where


def test_a_misspelled_metric_or_label_is_reported() -> None:
    known = known_series()
    assert unknown_references("rate(newsevents_dead_letter_total[5m])", known) == [
        "unknown metric 'newsevents_dead_letter_total'"]
    assert unknown_references('newsevents_stage_ready{stag="linker"}', known) == [
        "newsevents_stage_ready has no label ['stag']"]
    with pytest.raises(ValueError):
        selectors("sum(rate(newsevents_messages_consumed_total[5m])")


def test_both_dashboards_and_rules_were_read() -> None:
    sources = {re.split(r"[ ']", w)[0] for w, _ in QUERIES}
    assert sources == {"rules.yaml", *(p.name for p in DASHBOARDS)}
    assert {p.name for p in DASHBOARDS} == {"pipeline-health.json", "events.json"}
    assert all(Path(p).suffix == ".json" for p in DASHBOARDS)
