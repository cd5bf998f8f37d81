"""`make bench`: every section of issue 7 in one run; table, bench/results.json, bench/results.png.

Sizes come from the environment (QUICK=1 shrinks them all for development):
BENCH_N (20000 articles end to end), BENCH_RATE (200/s offered),
BENCH_BACKLOG (100000), BENCH_HOP_N (20000 no-op messages), BENCH_INPROC_N
(2000 articles in process), BENCH_INPROC_ROUNDS (3 rounds of it before the
Kafka sections and 3 after, the median of all reported), BENCH_HOP_PAIRS (3
alternating passthrough and no-op runs, the median of each reported),
BENCH_SEED (7). The e2e ratio divides the e2e rate per worker CPU-second by
the whole chain's in process, timed in a process of its own during the e2e
run (`bench.inprocess --concurrent`); the ratios against the chain timed just
before and just after it, workers idle (2 rounds each, median), and against
section 1 are printed beside it.
KAFKA_BOOTSTRAP_SERVERS uses that cluster instead of starting a local broker.
PROFILE=1 also writes a pyinstrument profile of the in-process whole chain to
bench/profile.html and .txt.
"""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from bench import kafka_bench as kb
from bench.corpus import LanguagePool, article_payload, load_devset, make_article
from bench.noop_app import HOPS
from newsevents.localkafka.broker import free_port, start_single
from newsevents.streaming.admin import ensure_topics

HERE = Path(__file__).resolve().parent
# In-process rounds of the whole chain just before and just after the e2e run.
ALONGSIDE_ROUNDS = 2
TARGETS = {
    "whole_chain_articles_per_s_per_core": (">=", 500.0),
    "e2e_vs_in_process_ratio": (">=", 0.70),
    "noop_pipeline_vs_passthrough_ratio": (">=", 0.50),
    "e2e_p99_ms_at_offered_rate": ("<", 250.0),
    "max_rss_mb": ("<", 500.0),
}


@dataclass(frozen=True)
class Config:
    quick: bool
    n: int
    rate: float
    backlog: int
    hop_n: int
    inproc_n: int
    inproc_rounds: int
    hop_pairs: int
    warmup: int
    seed: int

    @classmethod
    def from_env(cls) -> Config:
        quick = os.environ.get("QUICK", "") not in ("", "0")

        def num(name: str, full: int, small: int) -> int:
            return int(os.environ.get(name) or (small if quick else full))

        return cls(
            quick=quick,
            n=num("BENCH_N", 20_000, 300),
            rate=float(os.environ.get("BENCH_RATE") or 200),
            backlog=num("BENCH_BACKLOG", 100_000, 300),
            hop_n=num("BENCH_HOP_N", 20_000, 2_000),
            inproc_n=num("BENCH_INPROC_N", 2_000, 60),
            inproc_rounds=num("BENCH_INPROC_ROUNDS", 3, 1),
            hop_pairs=num("BENCH_HOP_PAIRS", 3, 1),
            warmup=num("BENCH_WARMUP", 200, 20),
            seed=num("BENCH_SEED", 7, 7),
        )


def articles(pools: dict[str, LanguagePool], seed: int, start: int, n: int,
             ) -> Iterator[dict[str, Any]]:
    for i in range(start, start + n):
        yield make_article(i, seed, pools)


def in_process(cfg: Config, work: Path, profile: bool = True, rounds: int | None = None,
               name: str = "inprocess") -> dict[str, Any]:
    out = work / f"{name}.json"
    subprocess.run(
        [sys.executable, "-m", "bench.inprocess", "--n", str(cfg.inproc_n), "--seed",
         str(cfg.seed), "--warmup", str(cfg.warmup),
         "--rounds", str(cfg.inproc_rounds if rounds is None else rounds),
         "--out", str(out),
         # PROFILE=1: pyinstrument over the whole-chain pass, to bench/profile.{html,txt}.
         *(["--profile", str(HERE / "profile.html")]
           if profile and os.environ.get("PROFILE") else [])],
        check=True,
    )
    result: dict[str, Any] = orjson.loads(out.read_bytes())
    return result


class ConcurrentChain:
    """The whole chain in process, timed in a process of its own during an e2e phase.

    Started (and loaded) before the phase; `start` as its articles are
    produced, `stop` once every stage drained them.
    """

    def __init__(self, cfg: Config, work: Path) -> None:
        self.out = work / "concurrent-chain.json"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.inprocess", "--concurrent", "--seed", str(cfg.seed),
             "--warmup", str(cfg.warmup), "--out", str(self.out)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin = self.proc.stdin
        line = self.proc.stdout.readline().strip()
        if line != "ready":
            self.close()
            raise RuntimeError(f"bench.inprocess --concurrent said {line!r}, not 'ready' "
                               f"(exit code {self.proc.returncode})")

    def start(self) -> None:
        self.stdin.write("go\n")
        self.stdin.flush()

    def stop(self) -> dict[str, Any]:
        self.stdin.write("stop\n")
        self.stdin.flush()
        self.stdin.close()
        if self.proc.wait(timeout=120) != 0:
            raise RuntimeError(f"bench.inprocess --concurrent exited {self.proc.returncode}")
        result: dict[str, Any] = orjson.loads(self.out.read_bytes())
        return result

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def pool_in_process(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Fold the rounds run after the Kafka sections into `before`: each stage's
    rate becomes the median of all its rounds.

    This VM's speed drifts by tens of percent over minutes: rounds on both
    sides of the Kafka sections keep one slow or fast minute from deciding
    the in-process figures.
    """
    by_round = before["per_cpu_s_by_round"]
    for stage, rounds in after["per_cpu_s_by_round"].items():
        by_round[stage] = by_round.get(stage, []) + rounds
        before[stage]["per_cpu_s"] = round(statistics.median(by_round[stage]), 2)
    before["rounds_before_kafka"] = before["rounds"]
    before["rounds_after_kafka"] = after["rounds"]
    # Peak RSS stays the first run's: Linux carries a forked child's high-water
    # mark across exec, and by now the bench process holds every article it
    # generated, so the second run's figure would be the bench's, not the cores'.


def pipeline_one_worker(cfg: Config, bootstrap: str, work: Path,
                        pools: dict[str, LanguagePool]) -> dict[str, Any]:
    """Backlog drain (5), then as fast as possible and at the offered rate (2), same workers."""
    settings, procs = kb.isolated_pipeline(bootstrap, work, "one")

    async def main() -> dict[str, Any]:
        await ensure_topics(settings)
        backlog_sent: dict[str, float] = {}
        await kb.produce(settings, list(articles(pools, cfg.seed, 0, cfg.backlog)), None,
                         backlog_sent)
        launched = time.time()
        kb.start_stage_workers(procs, 1)
        await asyncio.to_thread(procs.wait_ready, 600.0)
        ready = time.time()
        # A stage consumes as soon as it has partitions, a little before /readyz
        # says so; CPU is counted from launch (start-up included, reported apart).
        startup_cpu = {s: sum(kb.cpu_seconds(p.popen.pid) for p in ps)
                       for s, ps in procs.by_stage().items()}
        drained = await kb.wait_drained(settings, ready, timeout=max(300.0, cfg.backlog / 2))
        backlog = {
            "articles": cfg.backlog,
            "articles_per_s": round(cfg.backlog / drained["alert"], 1),
            "ready_after_launch_s": round(ready - launched, 1),
            "stage_drained_after_ready_s": {s: round(t, 1) for s, t in drained.items()},
            "stage_cpu_s_incl_startup": {
                s: round(sum(kb.cpu_seconds(p.popen.pid) for p in ps), 1)
                for s, ps in procs.by_stage().items()
            },
            "stage_startup_cpu_s": {s: round(c, 1) for s, c in startup_cpu.items()},
        }

        reader = kb.EventReader(settings)
        stop = asyncio.Event()
        reading = asyncio.create_task(reader.run(stop))
        phases: dict[str, dict[str, Any]] = {}
        start_index = cfg.backlog
        # The whole chain in process just before and just after the run as
        # fast as possible, with the workers idle: a second ratio, beside the
        # one against the chain timed during the run.
        alongside = [await asyncio.to_thread(
            in_process, cfg, work, profile=False, rounds=ALONGSIDE_ROUNDS,
            name="alongside-before")]
        for phase, rate in (("asap", None), ("offered_rate", cfg.rate)):
            if phase == "offered_rate":
                alongside.append(await asyncio.to_thread(
                    in_process, cfg, work, profile=False, rounds=ALONGSIDE_ROUNDS,
                    name="alongside-after"))
            batch = list(articles(pools, cfg.seed, start_index, cfg.n))
            start_index += cfg.n
            sent: dict[str, float] = {}
            reader.produced_at = sent
            chain = (await asyncio.to_thread(ConcurrentChain, cfg, work)
                     if phase == "asap" else None)
            try:
                procs.mark_cpu()
                if chain is not None:
                    chain.start()
                began, produced = await kb.produce(settings, batch, rate, sent)
                await kb.wait_drained(settings, began, timeout=max(300.0, cfg.n / 2))
                concurrent = await asyncio.to_thread(chain.stop) if chain is not None else None
            finally:
                if chain is not None:
                    chain.close()
            # Events are sent before offsets commit; give the reader a moment to see them.
            await asyncio.sleep(1.0)
            latencies = reader.window(sent)
            last = max((sent[i] + reader.latency_ms[i] / 1000 for i in sent
                        if i in reader.latency_ms), default=time.time())
            cpu = {s: sum(p.cpu_since_mark() for p in ps) for s, ps in procs.by_stage().items()}
            phases[phase] = {
                "articles": cfg.n,
                "offered_per_s": rate,
                "produce_s": round(produced - began, 2),
                "articles_per_s": round(cfg.n / max(last - began, 1e-6), 1),
                "worker_cpu_s": {s: round(c, 1) for s, c in cpu.items()},
                "articles_per_worker_cpu_s": round(cfg.n / max(sum(cpu.values()), 1e-6), 1),
                "articles_with_events_seen": len(latencies),
                "latency": kb.latency_summary(latencies),
                "latencies_ms": latencies,
            }
            if concurrent is not None:
                phases[phase]["in_process_whole_chain_concurrent"] = concurrent
        stop.set()
        await reading
        chain_rounds = [r for run in alongside
                        for r in run["per_cpu_s_by_round"]["whole_chain"]]
        phases["asap"]["in_process_whole_chain_alongside"] = {
            "per_cpu_s": round(statistics.median(chain_rounds), 2),
            "per_cpu_s_by_round": chain_rounds,
        }
        return {"backlog": backlog, **phases}

    try:
        result = asyncio.run(main())
        result["peak_rss_mb_per_stage"] = {
            s: round(max(kb.peak_rss_mb(p.popen.pid) for p in ps), 1)
            for s, ps in procs.by_stage().items()
        }
        return result
    finally:
        procs.stop()


def pipeline_two_workers(cfg: Config, bootstrap: str, work: Path,
                         pools: dict[str, LanguagePool]) -> dict[str, Any]:
    settings, procs = kb.isolated_pipeline(bootstrap, work, "two")

    async def main() -> dict[str, Any]:
        await ensure_topics(settings)
        kb.start_stage_workers(procs, 2)
        await asyncio.to_thread(procs.wait_ready, 600.0)
        # Warm both workers of each stage as the one-worker run was warmed by its
        # backlog, then time the very articles that run timed.
        warm = min(cfg.backlog, 500)
        await kb.produce(settings, list(articles(pools, cfg.seed, 0, warm)), None, {})
        await kb.wait_drained(settings, time.time(), timeout=max(300.0, warm))
        procs.mark_cpu()
        sent: dict[str, float] = {}
        batch = list(articles(pools, cfg.seed, cfg.backlog, cfg.n))
        began, _ = await kb.produce(settings, batch, None, sent)
        drained = await kb.wait_drained(settings, began, timeout=max(300.0, cfg.n / 2))
        cpu = {s: sum(p.cpu_since_mark() for p in ps) for s, ps in procs.by_stage().items()}
        return {
            "articles": cfg.n,
            "articles_per_s": round(cfg.n / drained["alert"], 1),
            "worker_cpu_s": {s: round(c, 1) for s, c in cpu.items()},
        }

    try:
        return asyncio.run(main())
    finally:
        procs.stop()


def framework_overhead(cfg: Config, bootstrap: str, work: Path,
                       pools: dict[str, LanguagePool]) -> dict[str, Any]:
    # Real article payloads, so that message sizes match the pipeline's input.
    sample = [orjson.dumps(article_payload(a)) for a in articles(pools, cfg.seed, 0, 200)]
    payloads = [sample[i % len(sample)] for i in range(cfg.hop_n)]
    timeout = max(300.0, cfg.hop_n / 20)
    # Alternated, each side's run of median rate reported: a slow minute of
    # the VM then falls on both sides or on neither median.
    runs: dict[str, list[dict[str, float]]] = {"aiokafka_passthrough": [], "faust_noop": []}
    for i in range(cfg.hop_pairs):
        runs["aiokafka_passthrough"].append(
            kb.hop_run(bootstrap, work, f"raw{i}", "bench.passthrough", payloads, timeout))
        runs["faust_noop"].append(
            kb.hop_run(bootstrap, work, f"noop{i}", "bench.noop_app", payloads, timeout))
    return {
        **{name: median_run(side) for name, side in runs.items()},
        "messages_per_s_by_run": {
            name: [r["messages_per_s"] for r in side] for name, side in runs.items()
        },
    }


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median rate (the lower middle one of an even number)."""
    ranked = sorted(runs, key=lambda r: r["messages_per_s"])
    return ranked[(len(ranked) - 1) // 2]


def dig(results: dict[str, Any], path: str) -> Any:
    """`results` at a dotted path, None where a section failed or is missing."""
    node: Any = results
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def headline(results: dict[str, Any]) -> dict[str, Any]:
    chain = dig(results, "in_process.whole_chain.per_cpu_s")
    alongside = dig(results, "one_worker_per_stage.asap.in_process_whole_chain_alongside.per_cpu_s")
    concurrent = dig(results,
                     "one_worker_per_stage.asap.in_process_whole_chain_concurrent.per_cpu_s")
    e2e_per_core = dig(results, "one_worker_per_stage.asap.articles_per_worker_cpu_s")
    e2e = dig(results, "one_worker_per_stage.asap.articles_per_s")
    rss: dict[str, float] = dig(results, "one_worker_per_stage.peak_rss_mb_per_stage") or {}
    rate_latency = "one_worker_per_stage.offered_rate.latency"
    return {
        "whole_chain_articles_per_s_per_core": chain,
        "e2e_articles_per_s": e2e,
        "e2e_articles_per_s_per_core": e2e_per_core,
        # Against the whole chain timed during the e2e run, under its load;
        # against the chain timed just before and after it (workers idle) and
        # against section 1's median beside it.
        "e2e_vs_in_process_ratio": ratio(e2e_per_core, concurrent or alongside or chain),
        "whole_chain_during_e2e_per_s_per_core": concurrent,
        "whole_chain_alongside_e2e_per_s_per_core": alongside,
        "e2e_vs_in_process_idle_ratio": ratio(e2e_per_core, alongside),
        "e2e_vs_in_process_section_ratio": ratio(e2e_per_core, chain),
        "noop_pipeline_vs_passthrough_ratio": ratio(
            dig(results, "framework.faust_noop.messages_per_s"),
            dig(results, "framework.aiokafka_passthrough.messages_per_s"),
        ),
        # On a shared machine wall rates follow the load; CPU per message does not.
        "noop_pipeline_vs_passthrough_cpu_ratio": ratio(
            dig(results, "framework.faust_noop.messages_per_cpu_s"),
            dig(results, "framework.aiokafka_passthrough.messages_per_cpu_s"),
        ),
        "e2e_p99_ms_at_offered_rate": dig(results, f"{rate_latency}.p99_ms"),
        "e2e_p50_ms_at_offered_rate": dig(results, f"{rate_latency}.p50_ms"),
        "e2e_p95_ms_at_offered_rate": dig(results, f"{rate_latency}.p95_ms"),
        "scaling_two_vs_one_worker": ratio(
            dig(results, "two_workers_per_stage.articles_per_s"), e2e
        ),
        "backlog_articles_per_s": dig(results, "one_worker_per_stage.backlog.articles_per_s"),
        "max_rss_mb_per_stage": rss,
        "max_rss_mb": max(rss.values()) if rss else None,
    }


def verdict(key: str, value: float | None) -> str:
    op, target = TARGETS[key]
    if value is None:
        return "n/a"
    ok = value >= target if op == ">=" else value < target
    return f"{'PASS' if ok else 'MISS'} ({op} {target:g})"


def table(results: dict[str, Any]) -> str:
    h = results["headline"]

    def v(path: str, unit: str = "") -> str:
        value = dig(results, path)
        return "n/a" if value is None else f"{value}{unit}"

    def lat(phase: str) -> str:
        got = dig(results, f"one_worker_per_stage.{phase}.latency")
        return "n/a" if got is None else "p50 {p50_ms} / p95 {p95_ms} / p99 {p99_ms} ms".format(
            **got)

    def median_of(path: str) -> str:
        """' (median of a, b, c)' for the values at `path`; nothing for one or none."""
        values = dig(results, path) or []
        return f" (median of {', '.join(f'{r:.0f}' for r in values)})" if len(values) > 1 else ""

    def core(stage: str) -> str:
        return (v(f"in_process.{stage}.per_cpu_s", " art/CPU-s")
                + median_of(f"in_process.per_cpu_s_by_round.{stage}"))

    def alongside_rounds() -> str:
        return median_of(
            "one_worker_per_stage.asap.in_process_whole_chain_alongside.per_cpu_s_by_round")

    def hop_runs(side: str) -> str:
        return median_of(f"framework.messages_per_s_by_run.{side}")

    rows = [
        ("1 in process, classifier", core("classifier"), ""),
        ("1 in process, linker", core("linker"), ""),
        ("1 in process, alert", core("alert"), ""),
        ("1 in process, whole chain", core("whole_chain"),
         verdict("whole_chain_articles_per_s_per_core", h["whole_chain_articles_per_s_per_core"])),
        ("1 in process, cold start", v("in_process.cold_start_first_articles.per_cpu_s",
                                       " art/CPU-s (first articles)"), ""),
        ("1 in process, peak RSS", v("in_process.peak_rss_mb", " MB"), ""),
        ("2 e2e as fast as possible", v("one_worker_per_stage.asap.articles_per_s", " art/s wall, ")
         + v("one_worker_per_stage.asap.articles_per_worker_cpu_s", " art/worker-CPU-s"), ""),
        ("2 whole chain during e2e", v(
            "one_worker_per_stage.asap.in_process_whole_chain_concurrent.per_cpu_s",
            " art/CPU-s in process, ") + v(
            "one_worker_per_stage.asap.in_process_whole_chain_concurrent.items", " articles"), ""),
        ("2 whole chain beside e2e, idle", v(
            "one_worker_per_stage.asap.in_process_whole_chain_alongside.per_cpu_s",
            " art/CPU-s in process") + alongside_rounds(), ""),
        ("2 e2e / in-process per core", v("headline.e2e_vs_in_process_ratio")
         + f" (against the chain beside it, idle: {h['e2e_vs_in_process_idle_ratio']};"
         f" against section 1: {h['e2e_vs_in_process_section_ratio']})",
         verdict("e2e_vs_in_process_ratio", h["e2e_vs_in_process_ratio"])),
        (f"2 e2e latency at {results['config']['rate']:g}/s offered", lat("offered_rate"),
         verdict("e2e_p99_ms_at_offered_rate", h["e2e_p99_ms_at_offered_rate"])),
        ("2 e2e latency, as fast as possible", lat("asap"), ""),
        ("3 aiokafka passthrough", v("framework.aiokafka_passthrough.messages_per_s", " msg/s")
         + f" over {HOPS} hops" + hop_runs("aiokafka_passthrough"), ""),
        ("3 aiokafka passthrough, CPU", v("framework.aiokafka_passthrough.cpu_ms_per_hop_message",
                                          " ms CPU per message per hop"), ""),
        ("3 faust no-op pipeline", v("framework.faust_noop.messages_per_s", " msg/s")
         + hop_runs("faust_noop"), ""),
        ("3 faust no-op pipeline, CPU", v("framework.faust_noop.cpu_ms_per_hop_message",
                                          " ms CPU per message per hop"), ""),
        ("3 no-op / passthrough", v("headline.noop_pipeline_vs_passthrough_ratio"),
         verdict("noop_pipeline_vs_passthrough_ratio", h["noop_pipeline_vs_passthrough_ratio"])),
        ("3 no-op / passthrough, per CPU-s", v("headline.noop_pipeline_vs_passthrough_cpu_ratio"),
         ""),
        ("4 two workers per stage", v("two_workers_per_stage.articles_per_s", " art/s")
         + f" (x{h['scaling_two_vs_one_worker']} of one)", ""),
        (f"5 backlog drain {results['config']['backlog']}",
         v("one_worker_per_stage.backlog.articles_per_s", " art/s"), ""),
        ("5 peak RSS per stage", ", ".join(f"{s} {m} MB" for s, m in
                                           h["max_rss_mb_per_stage"].items()) or "n/a",
         verdict("max_rss_mb", h["max_rss_mb"])),
    ]
    failed = [f"{k}: {r['error']}" for k, r in results.items()
              if isinstance(r, dict) and "error" in r]
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    lines = [f"{a:<{width}}  {b:<{vwidth}}  {c}" for a, b, c in rows]
    return "\n".join(lines + [f"FAILED {f}" for f in failed])


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    for phase, label in (("offered_rate", f"{results['config']['rate']:g}/s offered"),
                         ("asap", "as fast as possible")):
        values = sorted(dig(results, f"one_worker_per_stage.{phase}.latencies_ms") or [])
        if values:
            left.plot(values, [(i + 1) / len(values) for i in range(len(values))], label=label)
    left.axvline(250, color="red", linestyle="--", linewidth=1, label="target p99 250 ms")
    left.set_xscale("log")
    left.set_xlabel("produce-to-event latency (ms)")
    left.set_ylabel("share of event articles")
    left.set_title("End-to-end latency (CDF)")
    left.legend()
    paths = {
        "classifier (in proc)": "in_process.classifier.per_cpu_s",
        "linker (in proc)": "in_process.linker.per_cpu_s",
        "alert (in proc)": "in_process.alert.per_cpu_s",
        "chain (in proc)": "in_process.whole_chain.per_cpu_s",
        "e2e per worker CPU-s": "one_worker_per_stage.asap.articles_per_worker_cpu_s",
        "e2e 1 worker/stage": "one_worker_per_stage.asap.articles_per_s",
        "e2e 2 workers/stage": "two_workers_per_stage.articles_per_s",
        "backlog drain": "one_worker_per_stage.backlog.articles_per_s",
    }
    bars = {label: dig(results, path) or 0.0 for label, path in paths.items()}
    right.bar(list(bars), list(bars.values()), color="steelblue")
    right.set_yscale("log")
    right.set_ylabel("articles per second (log)")
    right.set_title("Throughput per stage and end to end")
    right.tick_params(axis="x", labelsize=8, labelrotation=35)
    for label in right.get_xticklabels():
        label.set_horizontalalignment("right")
    fig.suptitle(f"newsevents bench {results['measured_at']} on {results['machine']['summary']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def machine() -> dict[str, Any]:
    load = os.getloadavg()
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    cores = os.cpu_count() or 0
    return {
        "cpu": model, "cores": cores, "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in load],
        "summary": f"{cores} cores {model}, load {load[0]:.1f}",
    }


def section(results: dict[str, Any], name: str, run: Callable[[], dict[str, Any]]) -> None:
    """Run one section; a failure is recorded and reported, and the other sections still run."""
    try:
        results[name] = run()
    except Exception as exc:
        traceback.print_exc()
        results[name] = {"error": f"{type(exc).__name__}: {exc}"[:500]}


def main() -> None:
    cfg = Config.from_env()
    results: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "config": cfg.__dict__,
    }
    started = time.time()
    pools = load_devset()
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmp:
        work = Path(tmp)
        print(f"[bench] 1/5 cores in process ({cfg.inproc_rounds} x {cfg.inproc_n} articles)",
              flush=True)
        section(results, "in_process", lambda: in_process(cfg, work))
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        broker = None
        if not bootstrap:
            broker = start_single(work / "kafka", free_port(), free_port())
            bootstrap = broker.bootstrap
        try:
            print("[bench] 3/5 framework overhead: aiokafka passthrough vs faust no-op", flush=True)
            section(results, "framework", lambda: framework_overhead(cfg, bootstrap, work, pools))
            print(f"[bench] 5+2/5 backlog {cfg.backlog}, then {cfg.n} as fast as possible and at "
                  f"{cfg.rate:g}/s", flush=True)
            section(results, "one_worker_per_stage",
                    lambda: pipeline_one_worker(cfg, bootstrap, work, pools))
            print("[bench] 4/5 two workers per stage", flush=True)
            section(results, "two_workers_per_stage",
                    lambda: pipeline_two_workers(cfg, bootstrap, work, pools))
            print(f"[bench] 1/5 again: cores in process ({cfg.inproc_rounds} x {cfg.inproc_n} "
                  "articles)", flush=True)
            section(results, "in_process_after",
                    lambda: in_process(cfg, work, profile=False))
            if "error" not in results["in_process"] and "error" not in results[
                    "in_process_after"]:
                pool_in_process(results["in_process"], results["in_process_after"])
        finally:
            if broker is not None:
                broker.stop()
    results["headline"] = headline(results)
    results.update({k: v for k, v in results["headline"].items() if k in (
        "whole_chain_articles_per_s_per_core", "e2e_vs_in_process_ratio",
        "noop_pipeline_vs_passthrough_ratio", "e2e_p99_ms_at_offered_rate",
        "max_rss_mb_per_stage")})
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["duration_s"] = round(time.time() - started, 1)
    print(table(results))
    failed = [k for k, r in results.items() if isinstance(r, dict) and "error" in r]
    print(f"[bench] {results['duration_s']} s; load average at start "
          f"{results['machine']['load_average_at_start']}, at end "
          f"{results['machine']['load_average_at_end']}")
    (HERE / "results.json").write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    plot(results, HERE / "results.png")
    print(f"[bench] wrote {HERE / 'results.json'} and {HERE / 'results.png'}")
    if failed:
        sys.exit(f"[bench] sections failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
