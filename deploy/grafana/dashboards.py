"""Grafana dashboards of newsevents, as code (grafana-foundation-sdk).

`python deploy/grafana/dashboards.py` rewrites pipeline-health.json and
events.json beside this file; `--check` exits 1 when the committed JSON is
not what this code generates. The Helm chart ships the committed JSON to
Grafana's dashboard sidecar, so this module is their only source.

Queries use the raw metrics, not the recording rules, so the dashboards work
on a Prometheus that has not loaded deploy/prometheus/rules.yaml.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from grafana_foundation_sdk.builders import common as common_b
from grafana_foundation_sdk.builders import dashboard as dash_b
from grafana_foundation_sdk.builders import prometheus as prom_b
from grafana_foundation_sdk.builders import stat, table, timeseries
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import common
from grafana_foundation_sdk.models import dashboard as dash_m
from grafana_foundation_sdk.models import prometheus as prom_m

HERE = Path(__file__).resolve().parent
DATASOURCE = dash_m.DataSourceRef(type_val="prometheus", uid="${datasource}")
# Every series of ours carries job="newsevents" (see deploy/prometheus/rules.yaml).
JOB = 'job="newsevents"'


def query(expr: str, legend: str, *, instant: bool = False) -> prom_b.Dataquery:
    q = prom_b.Dataquery().expr(expr).legend_format(legend).datasource(DATASOURCE)
    return q.instant().format(prom_m.PromQueryFormat.TABLE) if instant else q.range()


def graph(
    title: str, description: str, unit: str, queries: Iterable[prom_b.Dataquery],
    *, width: int = 12, stacked: bool = False, threshold: float | None = None,
) -> timeseries.Panel:
    panel = (
        timeseries.Panel().title(title).description(description).unit(unit).min(0)
        .datasource(DATASOURCE).height(8).span(width).fill_opacity(10 if not stacked else 60)
        .legend(common_b.VizLegendOptions().show_legend(True)
                .display_mode(common.LegendDisplayMode.TABLE)
                .placement(common.LegendPlacement.BOTTOM).calcs(["mean", "max", "lastNotNull"]))
    )
    if stacked:
        panel = panel.stacking(common_b.StackingConfig().mode(common.StackingMode.NORMAL))
    if threshold is not None:
        # A red line at the alerting threshold, so the graph says "too high" by itself.
        panel = panel.thresholds(
            dash_b.ThresholdsConfig().mode(dash_m.ThresholdsMode.ABSOLUTE).steps([
                dash_m.Threshold(value=None, color="green"),
                dash_m.Threshold(value=threshold, color="red"),
            ])
        ).thresholds_style(common_b.GraphThresholdsStyleConfig()
                           .mode(common.GraphTresholdsStyleMode.LINE))
    for ref, q in zip("ABCDEFGH", queries, strict=False):
        panel = panel.with_target(q.ref_id(ref))
    return panel


def datasource_variable() -> dash_b.DatasourceVariable:
    return dash_b.DatasourceVariable("datasource").label("Prometheus").type("prometheus")


def pipeline_health() -> dash_b.Dashboard:
    ready_panel = (
        stat.Panel().title("Stage ready")
        .description("1 while at least one worker of the stage has partitions assigned "
                     "(newsevents_stage_ready); workers up is Prometheus' `up`.")
        .datasource(DATASOURCE).height(4).span(24)
        .color_mode(common.BigValueColorMode.BACKGROUND)
        .thresholds(dash_b.ThresholdsConfig().mode(dash_m.ThresholdsMode.ABSOLUTE).steps([
            dash_m.Threshold(value=None, color="red"),
            dash_m.Threshold(value=1, color="green"),
        ]))
        .with_target(query(f"max by (stage) (newsevents_stage_ready{{{JOB}}})", "{{stage}} ready")
                     .ref_id("A"))
        .with_target(query(f"sum(up{{{JOB}}})", "workers up").ref_id("B"))
    )
    return (
        dash_b.Dashboard("newsevents / pipeline health").uid("newsevents-pipeline-health")
        .tags(["newsevents"]).refresh("30s").time("now-6h", "now")
        .description("Throughput, lag, latency and dead letters of the three stages.")
        .with_variable(datasource_variable())
        .with_panel(ready_panel)
        .with_row(dash_b.Row("Throughput"))
        .with_panel(graph(
            "Messages consumed per stage", "Messages read from each stage's source topic.",
            "reqps",
            [query(f"sum by (stage) (rate(newsevents_messages_consumed_total{{{JOB}}}"
                   "[$__rate_interval]))", "{{stage}}")]))
        .with_panel(graph(
            "Messages emitted per stage and topic", "Dead letters are not counted here.",
            "reqps",
            [query(f"sum by (stage, topic) (rate(newsevents_messages_emitted_total{{{JOB}}}"
                   "[$__rate_interval]))", "{{stage}} → {{topic}}")]))
        .with_panel(graph(
            "Consumer lag", "Messages waiting in each stage's source topic, by topic.",
            "short",
            [query(f"sum by (stage, topic) (newsevents_consumer_lag_messages{{{JOB}}})",
                   "{{stage}} {{topic}}")], stacked=True))
        .with_panel(graph(
            "Seconds since last progress", "Time since each stage last finished a message.",
            "s",
            [query(f"time() - max by (stage) (newsevents_last_progress_timestamp_seconds{{{JOB}}})",
                   "{{stage}}")]))
        .with_row(dash_b.Row("Latency"))
        .with_panel(graph(
            "Processing latency p50 / p99 per stage", "Decode to send, one message.", "s",
            [query(f"histogram_quantile({q}, sum by (stage, le) (rate("
                   f"newsevents_processing_seconds_bucket{{{JOB}}}[$__rate_interval])))",
                   f"{{{{stage}}}} p{int(q * 100)}") for q in (0.5, 0.99)]))
        .with_panel(graph(
            "End-to-end latency p50 / p99",
            "From an article's received_at to its event's emission; the alert is at 1 s.", "s",
            [query(f"histogram_quantile({q}, sum by (le) (rate("
                   f"newsevents_end_to_end_latency_seconds_bucket{{{JOB}}}[$__rate_interval])))",
                   f"p{int(q * 100)}") for q in (0.5, 0.99)], threshold=1.0))
        .with_row(dash_b.Row("Dead letters"))
        .with_panel(graph(
            "Dead letters by stage and reason",
            "Messages sent to articles.dlq; read them with `newsevents tail articles.dlq`.",
            "reqps",
            [query(f"sum by (stage, reason) (rate(newsevents_dead_letters_total{{{JOB}}}"
                   "[$__rate_interval]))", "{{stage}} {{reason}}")], stacked=True))
        .with_panel(graph(
            "Dead-letter share of input", "The alert fires above 5% for 10 minutes.",
            "percentunit",
            [query(f"sum by (stage) (rate(newsevents_dead_letters_total{{{JOB}}}"
                   "[$__rate_interval])) / sum by (stage) (rate("
                   f"newsevents_messages_consumed_total{{{JOB}}}[$__rate_interval]))",
                   "{{stage}}")], threshold=0.05))
    )


def events() -> dash_b.Dashboard:
    by_country = (
        table.Panel().title("Events by country and type over the range")
        .description("Country is the first actor's or the place's (ISO alpha-3). "
                     "Subtypes are not exported as metrics; see the event topics for them.")
        .datasource(DATASOURCE).height(10).span(12)
        .with_target(query(
            f"sort_desc(round(sum by (country, event_type) ("
            f"increase(newsevents_events_emitted_total{{{JOB}}}[$__range]))))",
            "", instant=True).ref_id("A"))
    )
    return (
        dash_b.Dashboard("newsevents / events").uid("newsevents-events")
        .tags(["newsevents"]).refresh("1m").time("now-24h", "now")
        .description("What the pipeline finds: events by type and country, and rule alerts.")
        .with_variable(datasource_variable())
        .with_panel(graph(
            "Events per hour by type", "Diplomatic engagements and armed clashes emitted.",
            "short",
            [query(f"sum by (event_type) (increase(newsevents_events_emitted_total{{{JOB}}}[1h]))",
                   "{{event_type}}")], width=24, stacked=True))
        .with_panel(graph(
            "Armed clashes per hour, top 10 countries", "", "short",
            [query("topk(10, sum by (country) (increase(newsevents_events_emitted_total"
                   f"{{{JOB}, event_type=\"armed-clash\"}}[1h])))", "{{country}}")]))
        .with_panel(graph(
            "Diplomatic engagements per hour, top 10 countries", "", "short",
            [query("topk(10, sum by (country) (increase(newsevents_events_emitted_total"
                   f"{{{JOB}, event_type=\"diplomatic-engagement\"}}[1h])))", "{{country}}")]))
        .with_panel(by_country)
        .with_panel(graph(
            "Armed-clash rate against the country's daily rate",
            "Last hour's rate over the last day's; NewseventsArmedClashSurge fires above 3.",
            "short",
            [query("topk(10, sum by (country) (rate(newsevents_events_emitted_total"
                   f"{{{JOB}, event_type=\"armed-clash\"}}[1h])) / sum by (country) ("
                   f"rate(newsevents_events_emitted_total{{{JOB}, event_type=\"armed-clash\"}}"
                   "[1d])))", "{{country}}")], threshold=3.0))
        .with_panel(graph(
            "Alerts per hour by rule", "Rule matches published on the alerts topic.", "short",
            [query(f"sum by (rule, severity) (increase(newsevents_alerts_total{{{JOB}}}[1h]))",
                   "{{rule}} ({{severity}})")], stacked=True))
        .with_panel(graph(
            "Articles in languages without a lexicon",
            "Processed with language-independent signals only; a large share calls for "
            "a new lexicon.", "short",
            [query("sum by (language) (increase("
                   f"newsevents_unsupported_language_articles_total{{{JOB}}}[1h]))",
                   "{{language}}")]))
    )


DASHBOARDS = {"pipeline-health.json": pipeline_health, "events.json": events}


def render(builder: dash_b.Dashboard) -> str:
    model = builder.build()
    # Grafana wants unique panel ids for links and for the sidecar's upserts;
    # the SDK leaves them unset, so number them in layout order.
    for number, panel in enumerate(model.panels or [], start=1):
        panel.id_val = number
    return json.dumps(json.loads(JSONEncoder().encode(model)),
                      indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed JSON instead of writing it")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    stale = []
    for name, make in DASHBOARDS.items():
        text = render(make())
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"stale dashboards, run `python {Path(__file__).name}`: {', '.join(stale)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
