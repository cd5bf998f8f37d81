"""Section 1: the three cores in one process, one core, no Kafka.

Run as its own process by `bench/run.py` so that its peak RSS is the cores'
own. Rates are per CPU-second of this process (what "one core" means on a
machine shared with other work) and per wall-second.

    python -m bench.inprocess --n 2000 --out inprocess.json [--profile profile.html]
    python -m bench.inprocess --concurrent --out chain.json   # section 2, see `run_concurrent`
"""

from __future__ import annotations

import argparse
import resource
import select
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import orjson

from bench.corpus import article_payload, generate, load_devset, make_article
from newsevents import garbage_collection
from newsevents.alert.assembly import assemble_events
from newsevents.alert.engine import AlertEngine
from newsevents.alert.rules import RuleSet, load_rules
from newsevents.classifier.core import Classifier
from newsevents.linker.core import Linker
from newsevents.messages import ClassifiedArticle, Event, LinkedArticle, RawArticle
from newsevents.pipeline import PIPELINE_VERSION
from newsevents.settings import Settings

T = TypeVar("T")
WARMUP = 200
MERGE_WINDOW = timedelta(hours=72)


@dataclass(frozen=True)
class Timing:
    items: int
    cpu_s: float
    wall_s: float

    def as_dict(self) -> dict[str, float]:
        return {
            "items": self.items,
            "cpu_s": round(self.cpu_s, 3),
            "wall_s": round(self.wall_s, 3),
            "per_cpu_s": round(self.items / self.cpu_s, 2) if self.cpu_s else 0.0,
            "per_wall_s": round(self.items / self.wall_s, 2) if self.wall_s else 0.0,
        }


def timed(items: list[T], step: Callable[[T], Any]) -> tuple[Timing, list[Any]]:
    out = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for item in items:
        out.append(step(item))
    return Timing(len(items), time.process_time() - cpu0, time.perf_counter() - wall0), out


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_round(timings: list[Timing]) -> Timing:
    """The round of median speed: one slow minute of a shared VM moves a single
    round by tens of percent, the median of three much less."""
    ranked = sorted(timings, key=lambda t: t.items / t.cpu_s if t.cpu_s else 0.0)
    return ranked[len(ranked) // 2]


def load_cores() -> tuple[Classifier, Linker, RuleSet]:
    cores = Classifier.load(), Linker.load(), load_rules(None)
    # The collector as a stage worker sets it: the cores are timed as they run there.
    garbage_collection.tune(Settings().gc_gen0_threshold)
    return cores


def alert_step(engine: AlertEngine, now: datetime) -> Callable[[LinkedArticle], list[Event]]:
    """The alert core: a linked article's reports merged into `engine`, the versions out."""
    def alert(item: LinkedArticle) -> list[Event]:
        emitted: list[Event] = []
        for report in assemble_events(item, PIPELINE_VERSION):
            emitted += engine.process(report, now=now).events
        return emitted

    return alert


def chain_step(classifier: Classifier, linker: Linker, engine: AlertEngine,
               now: datetime) -> Callable[[RawArticle], list[Event]]:
    """The whole chain: a raw article in, the event versions it causes out."""
    alert = alert_step(engine, now)

    def chain(a: RawArticle) -> list[Event]:
        return alert(linker.link(classifier.classify(a, pipeline_version=PIPELINE_VERSION)))

    return chain


def run(n: int, seed: int, profile: Path | None = None, warmup: int = WARMUP,
        rounds: int = 1) -> dict[str, Any]:
    started = time.perf_counter()
    classifier, linker, rules = load_cores()
    load_s = time.perf_counter() - started
    rss_loaded = peak_rss_mb()

    now = datetime.now(UTC)
    raw = [
        RawArticle.model_validate(article_payload(a, now))
        for a in generate(warmup + 2 * n * rounds, seed)
    ]
    warm = raw[:warmup]

    # Lazily loaded language data is paid once per process, not per article;
    # it is reported as the cold start, apart from the steady rate.
    def cold(a: RawArticle) -> Any:
        classified = classifier.classify(a, pipeline_version=PIPELINE_VERSION)
        return assemble_events(linker.link(classified), PIPELINE_VERSION)

    t_warm, _ = timed(warm, cold)

    def classify(a: RawArticle) -> ClassifiedArticle:
        return classifier.classify(a, pipeline_version=PIPELINE_VERSION)

    stages: dict[str, list[Timing]] = {"classifier": [], "linker": [], "alert": [],
                                       "whole_chain": []}
    first_round: tuple[list[RawArticle], list[ClassifiedArticle], list[list[Event]]] | None = None
    for r in range(rounds):
        # Disjoint slices: no run meets an article (or a date-parser cache
        # entry) another run already saw.
        base = warmup + 2 * n * r
        articles, fresh = raw[base:base + n], raw[base + n:base + 2 * n]
        t_classify, classified = timed(articles, classify)
        t_link, linked = timed(classified, linker.link)

        t_alert, events = timed(linked, alert_step(AlertEngine(rules, MERGE_WINDOW, {}), now))
        chain = chain_step(classifier, linker, AlertEngine(rules, MERGE_WINDOW, {}), now)
        if profile is not None and r == 0:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.002)
            profiler.start()
            t_chain, _ = timed(fresh, chain)
            profiler.stop()
            profile.write_text(profiler.output_html(), encoding="utf-8")
            (profile.with_suffix(".txt")).write_text(
                profiler.output_text(unicode=False, color=False, show_all=False),
                encoding="utf-8",
            )
        else:
            t_chain, _ = timed(fresh, chain)
        for name, t in (("classifier", t_classify), ("linker", t_link), ("alert", t_alert),
                        ("whole_chain", t_chain)):
            stages[name].append(t)
        if first_round is None:
            first_round = (articles, classified, events)

    assert first_round is not None
    articles, classified, events = first_round
    sizes = [len(a.text.encode()) for a in articles]
    with_events = [a.id for a, evs in zip(articles, events, strict=True) if evs]
    return {
        "articles": n,
        "rounds": rounds,
        "seed": seed,
        "mean_article_bytes": round(sum(sizes) / len(sizes)),
        "articles_with_events": len(with_events),
        "event_versions": sum(len(e) for e in events),
        "languages": sorted({c.language for c in classified}),
        "load_s": round(load_s, 2),
        "rss_after_load_mb": round(rss_loaded, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "cold_start_first_articles": t_warm.as_dict(),
        # Each stage: its median round; every round's rate beside it.
        **{name: median_round(ts).as_dict() for name, ts in stages.items()},
        "per_cpu_s_by_round": {
            name: [t.as_dict()["per_cpu_s"] for t in ts] for name, ts in stages.items()
        },
    }


# Articles the concurrent chain generates ahead of each timed slice.
CONCURRENT_SLICE = 50
# Far above any article index of the Kafka sections: the concurrent chain meets
# no article (nor a date-parser cache entry) the workers saw.
CONCURRENT_FIRST_INDEX = 10_000_000


def _stdin_has_line() -> bool:
    return bool(select.select([sys.stdin], [], [], 0)[0])


def run_concurrent(seed: int, warmup: int = WARMUP,
                   stop_requested: Callable[[], bool] = _stdin_has_line) -> dict[str, Any]:
    """The whole chain, timed while the end-to-end run goes on beside it.

    Prints "ready" once loaded and warm, starts on a line on stdin and stops
    at the next one: the parent starts it as the e2e articles are produced
    and stops it once every stage drained them. Both rates are then measured
    in the same seconds, under the same load: three workers and a broker
    oversubscribe this two-core VM, which alone can slow the cores by a fifth
    per CPU-second, and that is the machine, not Kafka or faust. Articles are
    generated a slice at a time outside the timed windows.
    """
    classifier, linker, rules = load_cores()
    pools = load_devset()
    now = datetime.now(UTC)
    chain = chain_step(classifier, linker, AlertEngine(rules, MERGE_WINDOW, {}), now)

    def fresh(start: int, n: int) -> list[RawArticle]:
        return [RawArticle.model_validate(article_payload(make_article(i, seed, pools), now))
                for i in range(start, start + n)]

    index = CONCURRENT_FIRST_INDEX
    timed(fresh(index, warmup), chain)
    index += warmup
    print("ready", flush=True)
    sys.stdin.readline()
    items, cpu_s, wall_s = 0, 0.0, 0.0
    while not stop_requested():
        t, _ = timed(fresh(index, CONCURRENT_SLICE), chain)
        index += CONCURRENT_SLICE
        items, cpu_s, wall_s = items + t.items, cpu_s + t.cpu_s, wall_s + t.wall_s
    return Timing(items, cpu_s, wall_s).as_dict()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--profile", type=Path, default=None)
    parser.add_argument("--warmup", type=int, default=WARMUP)
    parser.add_argument("--rounds", type=int, default=1,
                        help="time each stage this many times on fresh articles; report the median")
    parser.add_argument("--concurrent", action="store_true",
                        help="the whole chain only, from one line on stdin to the next")
    args = parser.parse_args(argv)
    if args.concurrent:
        result = run_concurrent(args.seed, args.warmup)
    else:
        result = run(args.n, args.seed, args.profile, args.warmup, args.rounds)
    args.out.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))


if __name__ == "__main__":
    main()
