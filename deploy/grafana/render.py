"""Draw a Grafana dashboard JSON as one PNG, from a live Prometheus, without Grafana.

`python deploy/grafana/render.py pipeline-health.json --prometheus URL --out x.png`
lays the panels out by their `gridPos`, runs each target's PromQL against
Prometheus' HTTP API and draws time series, stat and table panels much as
Grafana would. No Grafana server can run where the pictures are made, so the
footer of every picture says what drew it: the picture shows what the
dashboard's queries return, not Grafana's own rendering of it.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless: the pictures are made on CI-like machines

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.ticker import FuncFormatter

# Grafana's dark theme, near enough for a picture.
BACKGROUND = "#111217"
PANEL = "#181b1f"
BORDER = "#2c3235"
TEXT = "#ccccdc"
MUTED = "#8e8e9a"
GRID = "#2c3235"
# Grafana's classic palette, in its order, so series colours look familiar.
PALETTE = ["#73bf69", "#f2cc0c", "#8ab8ff", "#ff780a", "#f2495c", "#5794f2", "#b877d9",
           "#705da0", "#37872d", "#fade2a", "#447ebc", "#c15c17"]
NAMED_COLOURS = {"green": "#73bf69", "red": "#f2495c", "yellow": "#fade2a",
                 "orange": "#ff9830", "blue": "#5794f2"}

# Figure geometry: Grafana's grid is 24 columns wide and 30 px per row unit.
FIG_WIDTH_IN = 20.0
ROW_UNIT_IN = 0.5
MARGIN_IN = 0.25
HEADER_IN = 0.7
FOOTER_IN = 0.45
GAP_IN = 0.08
LEGEND_ROW_IN = 0.16

FOOTER = ("Rendered by deploy/grafana/render.py from {dashboard} and live Prometheus data "
          "({window}); not a Grafana screenshot.")


@dataclass
class Series:
    label: str
    times: list[float]
    values: list[float]

    @property
    def last(self) -> float:
        real = [v for v in self.values if not math.isnan(v)]
        return real[-1] if real else math.nan


@dataclass
class Window:
    start: float
    end: float
    step: float
    # What Grafana's built-in variables become for this window.
    variables: dict[str, str] = field(default_factory=dict)


class Prometheus:
    """The few calls of the HTTP API a dashboard needs."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def _get(self, path: str, params: dict[str, str]) -> Any:
        query = urllib.parse.urlencode(params)
        with urllib.request.urlopen(f"{self.url}/api/v1/{path}?{query}", timeout=30) as resp:
            body = json.loads(resp.read())
        if body.get("status") != "success":
            raise RuntimeError(f"prometheus: {body}")
        return body["data"]

    def query_range(self, expr: str, window: Window) -> list[dict[str, Any]]:
        data = self._get("query_range", {"query": expr, "start": f"{window.start:.3f}",
                                         "end": f"{window.end:.3f}", "step": f"{window.step:g}"})
        return list(data["result"])

    def query(self, expr: str, at: float) -> list[dict[str, Any]]:
        data = self._get("query", {"query": expr, "time": f"{at:.3f}"})
        if data["resultType"] == "scalar":
            return [{"metric": {}, "value": data["result"]}]
        return list(data["result"])


def duration(seconds: float) -> str:
    return f"{max(1, round(seconds))}s"


def make_window(minutes: float, end: float | None, rate_interval: str) -> Window:
    stop = end if end is not None else time.time()
    start = stop - minutes * 60
    # About 240 points across the figure, never finer than Prometheus keeps.
    step = max(2.0, round(minutes * 60 / 240))
    variables = {
        "__rate_interval": rate_interval,
        "__interval": duration(step),
        "__interval_ms": str(int(step * 1000)),
        "__range": duration(minutes * 60),
        "__range_s": str(int(minutes * 60)),
        "__range_ms": str(int(minutes * 60_000)),
    }
    return Window(start, stop, step, variables)


def template_values(dashboard: dict[str, Any]) -> dict[str, str]:
    """Each template variable as the renderer picks it: its first option, else `.*`."""
    values: dict[str, str] = {}
    for var in (dashboard.get("templating") or {}).get("list") or []:
        name = var.get("name")
        if not name:
            continue
        current = (var.get("current") or {}).get("value")
        options = [o.get("value") for o in var.get("options") or [] if o.get("value")]
        if isinstance(current, list):
            current = current[0] if current else None
        chosen = current or (options[0] if options else None)
        values[name] = str(chosen) if chosen and chosen != "$__all" else ".*"
    return values


def substitute(expr: str, variables: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2) or match.group(3)
        return variables.get(name, match.group(0))

    # $name, ${name}, ${name:format} and [[name]]; longest names first by regex greediness.
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)", one, expr)


def legend(fmt: str, labels: dict[str, str], expr: str, *, columns: bool = False) -> str:
    if fmt:
        return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), fmt)
    shown = {k: v for k, v in labels.items() if k != "__name__"}
    if not shown:
        return expr if len(expr) < 40 else expr[:37] + "..."
    if columns:
        # A table shows one column per label, so the values alone name the row.
        return "  ·  ".join(v for _, v in sorted(shown.items()))
    return ", ".join(f"{k}={v}" for k, v in sorted(shown.items()))


def number(raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        return math.nan


def fetch(prom: Prometheus, panel: dict[str, Any], window: Window,
          variables: dict[str, str]) -> tuple[list[Series], list[str]]:
    """The panel's series and any query errors (shown in the panel, as Grafana does)."""
    series: list[Series] = []
    errors: list[str] = []
    for target in panel.get("targets") or []:
        if target.get("hide") or not target.get("expr"):
            continue
        expr = substitute(target["expr"], {**variables, **window.variables})
        fmt = target.get("legendFormat") or ""
        columns = panel.get("type") in ("table", "bargauge")
        try:
            if target.get("instant") and not target.get("range"):
                for r in prom.query(expr, window.end):
                    series.append(Series(legend(fmt, r["metric"], expr, columns=columns),
                                         [float(r["value"][0])], [number(r["value"][1])]))
            else:
                for r in prom.query_range(expr, window):
                    series.append(Series(legend(fmt, r["metric"], expr, columns=columns),
                                         [float(t) for t, _ in r["values"]],
                                         [number(v) for _, v in r["values"]]))
        except (OSError, RuntimeError) as exc:
            errors.append(f"{target.get('refId', '?')}: {exc}")
    return series, errors


# --- units ---------------------------------------------------------------------------

def _si(value: float, suffix: str = "") -> str:
    magnitude = abs(value)
    for scale, prefix in ((1e9, "G"), (1e6, "M"), (1e3, "K")):
        if magnitude >= scale:
            return f"{value / scale:.3g}{prefix}{suffix}"
    if magnitude == 0:
        return f"0{suffix}"
    return f"{value:.3g}{suffix}"


def _seconds(value: float) -> str:
    magnitude = abs(value)
    if magnitude == 0:
        return "0 s"
    if magnitude < 1e-3:
        return f"{value * 1e6:.3g} µs"
    if magnitude < 1:
        return f"{value * 1e3:.3g} ms"
    if magnitude < 120:
        return f"{value:.3g} s"
    if magnitude < 7200:
        return f"{value / 60:.3g} min"
    return f"{value / 3600:.3g} h"


UNITS: dict[str, tuple[str, Callable[[float], str]]] = {
    # unit id: (how the panel header names it, tick/value formatter)
    "reqps": ("req/s", lambda v: _si(v, " req/s")),
    "ops": ("ops/s", lambda v: _si(v, " ops/s")),
    "short": ("count", _si),
    "none": ("", _si),
    "s": ("seconds", _seconds),
    "ms": ("milliseconds", lambda v: _seconds(v / 1000)),
    "percentunit": ("percent", lambda v: f"{v * 100:.3g}%"),
    "percent": ("percent", lambda v: f"{v:.3g}%"),
    "bytes": ("bytes", lambda v: _si(v, "B")),
}


def unit_of(panel: dict[str, Any]) -> tuple[str, Callable[[float], str]]:
    unit = ((panel.get("fieldConfig") or {}).get("defaults") or {}).get("unit") or "none"
    return UNITS.get(unit, (unit, _si))


def fmt_value(value: float, formatter: Callable[[float], str]) -> str:
    return "–" if math.isnan(value) else formatter(value)


# --- drawing ---------------------------------------------------------------------------

def panel_box(fig: Figure, grid: dict[str, int], top_in: float, fig_h: float,
              ) -> tuple[float, float, float, float]:
    """The panel's rectangle in figure fractions (left, bottom, width, height)."""
    col = (FIG_WIDTH_IN - 2 * MARGIN_IN) / 24
    left = MARGIN_IN + grid["x"] * col + GAP_IN / 2
    width = grid["w"] * col - GAP_IN
    top = top_in + grid["y"] * ROW_UNIT_IN + GAP_IN / 2
    height = grid["h"] * ROW_UNIT_IN - GAP_IN
    return (left / FIG_WIDTH_IN, 1 - (top + height) / fig_h,
            width / FIG_WIDTH_IN, height / fig_h)


def frame(fig: Figure, box: tuple[float, float, float, float], title: str,
          unit_name: str) -> None:
    left, bottom, width, height = box
    fig.add_artist(FancyBboxPatch((left, bottom), width, height,
                                  boxstyle="round,pad=0,rounding_size=0.002",
                                  transform=fig.transFigure, facecolor=PANEL,
                                  edgecolor=BORDER, linewidth=0.8, zorder=0))
    title_y = bottom + height - 0.16 / fig.get_figheight()
    fig.text(left + 0.006, title_y, title, color=TEXT, fontsize=10.5, fontweight="bold",
             va="center", ha="left")
    if unit_name:
        fig.text(left + width - 0.006, title_y, f"unit: {unit_name}", color=MUTED, fontsize=8,
                 va="center", ha="right")


def inner(fig: Figure, box: tuple[float, float, float, float], *, top_in: float = 0.34,
          bottom_in: float = 0.1, left_in: float = 0.1, right_in: float = 0.1,
          ) -> tuple[float, float, float, float]:
    left, bottom, width, height = box
    fw, fh = FIG_WIDTH_IN, fig.get_figheight()
    return (left + left_in / fw, bottom + bottom_in / fh,
            width - (left_in + right_in) / fw, height - (top_in + bottom_in) / fh)


def message(fig: Figure, box: tuple[float, float, float, float], text: str,
            colour: str = MUTED) -> None:
    left, bottom, width, height = box
    fig.text(left + width / 2, bottom + height / 2, text, color=colour, fontsize=11,
             ha="center", va="center", wrap=True)


def style_axes(ax: Axes) -> None:
    ax.set_facecolor(PANEL)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(colors=MUTED, labelsize=8, length=0)
    ax.grid(True, color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)


def threshold_lines(panel: dict[str, Any]) -> list[tuple[float, str]]:
    defaults = (panel.get("fieldConfig") or {}).get("defaults") or {}
    style = ((defaults.get("custom") or {}).get("thresholdsStyle") or {}).get("mode", "off")
    if style not in ("line", "dashed", "line+area", "dashed+area"):
        return []
    steps = (defaults.get("thresholds") or {}).get("steps") or []
    return [(float(s["value"]), NAMED_COLOURS.get(s["color"], s["color"]))
            for s in steps if s.get("value") is not None]


def draw_timeseries(fig: Figure, box: tuple[float, float, float, float],
                    panel: dict[str, Any], series: list[Series], window: Window) -> None:
    _, formatter = unit_of(panel)
    defaults = (panel.get("fieldConfig") or {}).get("defaults") or {}
    custom = defaults.get("custom") or {}
    stacked = (custom.get("stacking") or {}).get("mode") in ("normal", "percent")
    fill = float(custom.get("fillOpacity", 10)) / 100
    calcs = ((panel.get("options") or {}).get("legend") or {}).get("calcs") or []
    # The legend is a table under the plot, like Grafana's "table" legend mode; it may
    # take up to 40% of the panel, and when not every series fits, the largest are kept.
    fits = int((0.4 * box[3] * fig.get_figheight() - 0.08) / LEGEND_ROW_IN) - (1 if calcs else 0)
    shown = series
    if len(series) > fits:
        shown = sorted(series, key=lambda s: -1.0 if math.isnan(s.last) else s.last,
                       reverse=True)[:fits - 1]
    legend_rows = len(shown) + (1 if calcs else 0) + (1 if len(shown) < len(series) else 0)
    legend_in = LEGEND_ROW_IN * legend_rows + 0.08
    plot_box = inner(fig, box, bottom_in=legend_in + 0.28, left_in=0.75, right_in=0.15)
    ax = fig.add_axes(plot_box)
    style_axes(ax)
    # Unix seconds on the x axis, labelled as UTC clock times.
    ax.set_xlim(window.start, window.end)
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda v, _: datetime.fromtimestamp(v, UTC).strftime("%H:%M")))
    # Ticks on whole minutes (or hours), at most about eight of them.
    span = window.end - window.start
    tick = next((t for t in (60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200)
                 if span / t <= 8), 86400)
    ax.xaxis.set_major_locator(matplotlib.ticker.MultipleLocator(tick))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: formatter(v)))
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=4))
    if not shown:
        ax.set_ylim(0, 1)
        ax.text(0.5, 0.5, "No data", color=MUTED, fontsize=12, ha="center", va="center",
                transform=ax.transAxes)
    grid_times = [window.start + i * window.step
                  for i in range(int((window.end - window.start) / window.step) + 1)]
    base = [0.0] * len(grid_times)
    for i, s in enumerate(shown):
        colour = PALETTE[i % len(PALETTE)]
        if stacked:
            # Stacking needs the series on one time grid; a missing point counts as 0.
            by_time = dict(zip((round(t) for t in s.times), s.values, strict=True))
            ys = [by_time.get(round(t), math.nan) for t in grid_times]
            top = [b + (0.0 if math.isnan(y) else y) for b, y in zip(base, ys, strict=True)]
            ax.fill_between(grid_times, base, top, color=colour, alpha=max(fill, 0.15),
                            linewidth=0)
            ax.plot(grid_times, top, color=colour, linewidth=1.2)
            base = top
        else:
            ax.plot(s.times, s.values, color=colour, linewidth=1.4)
            if fill > 0:
                ax.fill_between(s.times, 0, s.values, color=colour, alpha=fill, linewidth=0)
    peak = max((v for s in shown for v in s.values if not math.isnan(v)), default=0.0)
    if peak <= 0:
        ax.set_ylim(0, 1)  # all zero: matplotlib's tiny autoscaled range reads as noise
    # After plotting: a fixed limit set earlier would stop autoscaling the other end.
    if defaults.get("min") is not None:
        ax.set_ylim(bottom=float(defaults["min"]))
    if defaults.get("max") is not None:
        ax.set_ylim(top=float(defaults["max"]))
    for value, colour in threshold_lines(panel):
        ax.axhline(value, color=colour, linestyle="--", linewidth=1.1)
        ax.set_ylim(top=max(ax.get_ylim()[1], value * 1.15))
    draw_legend(fig, box, shown, calcs, formatter, legend_in, len(series) - len(shown))


def draw_legend(fig: Figure, box: tuple[float, float, float, float], shown: list[Series],
                calcs: list[str], formatter: Callable[[float], str], legend_in: float,
                hidden: int) -> None:
    left, bottom, width, _ = box
    fh = fig.get_figheight()
    names = {"mean": "Mean", "max": "Max", "min": "Min", "lastNotNull": "Last *",
             "last": "Last", "sum": "Total"}
    col_w = 0.085 * width / 0.48  # a fixed share of the panel per value column
    first_col = left + width - len(calcs) * col_w - 0.004
    y = bottom + (legend_in + 0.02) / fh
    row_h = LEGEND_ROW_IN / fh
    if calcs and shown:
        for j, calc in enumerate(calcs):
            fig.text(first_col + (j + 1) * col_w, y, names.get(calc, calc), color=MUTED,
                     fontsize=8, ha="right", va="top", fontweight="bold")
        y -= row_h
    for i, s in enumerate(shown):
        colour = PALETTE[i % len(PALETTE)]
        fig.text(left + 0.006, y, "▬", color=colour, fontsize=8, ha="left", va="top")
        label = s.label if len(s.label) <= 60 else s.label[:57] + "..."
        fig.text(left + 0.018, y, label, color=TEXT, fontsize=8, ha="left", va="top")
        real = [v for v in s.values if not math.isnan(v)]
        stats = {"mean": sum(real) / len(real) if real else math.nan,
                 "max": max(real) if real else math.nan,
                 "min": min(real) if real else math.nan,
                 "lastNotNull": s.last, "last": s.values[-1] if s.values else math.nan,
                 "sum": sum(real) if real else math.nan}
        for j, calc in enumerate(calcs):
            fig.text(first_col + (j + 1) * col_w, y,
                     fmt_value(stats.get(calc, math.nan), formatter),
                     color=TEXT, fontsize=8, ha="right", va="top")
        y -= row_h
    if hidden:
        fig.text(left + 0.018, y, f"+ {hidden} more series", color=MUTED, fontsize=8,
                 ha="left", va="top")


def threshold_colour(panel: dict[str, Any], value: float) -> str:
    steps = (((panel.get("fieldConfig") or {}).get("defaults") or {}).get("thresholds")
             or {}).get("steps") or [{"color": "green", "value": None}]
    colour = str(steps[0]["color"])
    for step in steps:
        if step.get("value") is None or (not math.isnan(value) and value >= step["value"]):
            colour = str(step["color"])
    return NAMED_COLOURS.get(colour, colour)


def draw_stat(fig: Figure, box: tuple[float, float, float, float], panel: dict[str, Any],
              series: list[Series]) -> None:
    _, formatter = unit_of(panel)
    if not series:
        message(fig, box, "No data")
        return
    background = (panel.get("options") or {}).get("colorMode") == "background"
    left, bottom, width, height = inner(fig, box, top_in=0.36, bottom_in=0.1)
    cell = width / len(series)
    for i, s in enumerate(series):
        colour = threshold_colour(panel, s.last)
        x = left + i * cell
        if background:
            fig.add_artist(FancyBboxPatch((x + 0.002, bottom), cell - 0.004, height,
                                          boxstyle="round,pad=0,rounding_size=0.003",
                                          transform=fig.transFigure, facecolor=colour,
                                          edgecolor="none", alpha=0.85, zorder=1))
        fg = "#ffffff" if background else colour
        fig.text(x + cell / 2, bottom + height * 0.72, s.label, color=fg, fontsize=10,
                 ha="center", va="center", zorder=2)
        fig.text(x + cell / 2, bottom + height * 0.32, fmt_value(s.last, formatter), color=fg,
                 fontsize=24, fontweight="bold", ha="center", va="center", zorder=2)


def draw_bars(fig: Figure, box: tuple[float, float, float, float], panel: dict[str, Any],
              series: list[Series]) -> None:
    """Tables and bar gauges: each series' latest value as a horizontal bar."""
    _, formatter = unit_of(panel)
    rows = [s for s in series if not math.isnan(s.last)]
    if not rows:
        message(fig, box, "No data")
        return
    rows.sort(key=lambda s: s.last, reverse=True)
    fit = max(1, int((box[3] * fig.get_figheight() - 0.5) / 0.22))
    hidden = len(rows) - fit
    rows = rows[:fit]
    longest = max(len(s.label) for s in rows)
    ax = fig.add_axes(inner(fig, box, left_in=0.3 + 0.075 * min(longest, 48),
                            right_in=0.55, bottom_in=0.3 if hidden > 0 else 0.15))
    style_axes(ax)
    ax.grid(True, axis="x", color=GRID, linewidth=0.6)
    ax.grid(False, axis="y")
    positions = list(range(len(rows)))
    values = [s.last for s in rows]
    colours = [PALETTE[i % len(PALETTE)] for i in positions]
    ax.barh(positions, values, color=colours, height=0.7)
    ax.set_yticks(positions, [s.label[:48] for s in rows], color=TEXT, fontsize=8.5)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: formatter(v)))
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(nbins=4))
    top = max(values) if values else 1.0
    ax.set_xlim(0, top * 1.12 if top > 0 else 1)
    for pos, value in zip(positions, values, strict=True):
        ax.text(value, pos, f" {formatter(value)}", color=TEXT, fontsize=8, va="center",
                ha="left")
    if hidden > 0:
        left, bottom, _, _ = box
        fig.text(left + 0.006, bottom + 0.1 / fig.get_figheight(), f"+ {hidden} more rows",
                 color=MUTED, fontsize=8)


def render(dashboard_path: Path, prom: Prometheus, out: Path, minutes: float,
           end: float | None = None, rate_interval: str = "1m") -> dict[str, int]:
    """Draw the dashboard; returns the number of series each panel got, by title (-1: failed)."""
    dashboard = json.loads(dashboard_path.read_text(encoding="utf-8"))
    window = make_window(minutes, end, rate_interval)
    variables = template_values(dashboard)
    panels = dashboard.get("panels") or []
    rows_used = max((p["gridPos"]["y"] + p["gridPos"]["h"] for p in panels), default=1)
    fig_h = HEADER_IN + rows_used * ROW_UNIT_IN + FOOTER_IN
    fig = plt.figure(figsize=(FIG_WIDTH_IN, fig_h), facecolor=BACKGROUND)
    title = dashboard.get("title", dashboard_path.stem)
    fig.text(MARGIN_IN / FIG_WIDTH_IN, 1 - 0.3 / fig_h, title, color=TEXT, fontsize=15,
             fontweight="bold", va="center")
    until = datetime.fromtimestamp(window.end, UTC)
    span = f"last {minutes:g} min to {until:%Y-%m-%d %H:%M} UTC"
    fig.text(1 - MARGIN_IN / FIG_WIDTH_IN, 1 - 0.3 / fig_h, span, color=MUTED,
             fontsize=10, va="center", ha="right")
    counts: dict[str, int] = {}
    for panel in panels:
        box = panel_box(fig, panel["gridPos"], HEADER_IN, fig_h)
        kind = panel.get("type")
        if kind == "row":
            left, bottom, _, height = box
            fig.text(left + 0.002, bottom + height / 2, panel.get("title", ""), color=TEXT,
                     fontsize=12, fontweight="bold", va="center")
            continue
        unit_name, _ = unit_of(panel)
        frame(fig, box, panel.get("title", ""), unit_name)
        series, errors = fetch(prom, panel, window, variables)
        counts[panel.get("title", "")] = -1 if errors else len(series)
        if errors:
            message(fig, inner(fig, box), "query failed: " + "; ".join(errors)[:200],
                    colour=NAMED_COLOURS["red"])
        elif kind == "timeseries" or kind == "graph":
            draw_timeseries(fig, box, panel, series, window)
        elif kind == "stat" or kind == "gauge":
            draw_stat(fig, box, panel, series)
        elif kind in ("table", "bargauge"):
            draw_bars(fig, box, panel, series)
        else:
            message(fig, inner(fig, box), f"panel type {kind!r} is not drawn by render.py")
    footer = FOOTER.format(dashboard=f"deploy/grafana/{dashboard_path.name}", window=span)
    fig.text(0.5, (FOOTER_IN / 2) / fig_h, footer, color=MUTED, fontsize=9.5, ha="center",
             va="center", style="italic")
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=90, facecolor=BACKGROUND)
    plt.close(fig)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dashboard", type=Path, help="Grafana dashboard JSON")
    parser.add_argument("--prometheus", required=True, help="e.g. http://127.0.0.1:9090")
    parser.add_argument("--out", type=Path, required=True, help="PNG to write")
    parser.add_argument("--minutes", type=float, default=15.0, help="time range, ending now")
    parser.add_argument("--end", type=float, default=None,
                        help="end of the range as a Unix time (default: now)")
    parser.add_argument("--rate-interval", default="1m",
                        help="what $__rate_interval becomes (default 1m)")
    args = parser.parse_args(argv)
    counts = render(args.dashboard, Prometheus(args.prometheus), args.out, args.minutes,
                    args.end, args.rate_interval)
    empty = [title for title, n in counts.items() if n == 0]
    failed = [title for title, n in counts.items() if n < 0]
    print(f"{args.out}: {len(counts)} panels, {sum(n > 0 for n in counts.values())} with data"
          + (f"; no data: {', '.join(empty)}" if empty else "")
          + (f"; queries failed: {', '.join(failed)}" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
