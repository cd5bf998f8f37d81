"""Run the pipeline under a real Prometheus for a few minutes and draw both dashboards.

`python deploy/grafana/snapshot.py` starts a local Kafka broker, the three
stage workers and the Debian `prometheus` (scraping them every 2 s as
job="newsevents", with deploy/prometheus/rules.yaml), produces samples/ and
the dev set in rounds plus a few malformed messages (so the dead-letter
panels have something to show), then renders docs/dashboards/*.png with
render.py and stops everything it started.

It reuses the test harness (tests/conftest.py, tests/deploy/) for the
workers, the Prometheus client and the tool lookup, so run it from the repo
with the dev extra installed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
# The harness lives in tests/, which is a package importable from the repo root.
for entry in (str(REPO), str(REPO / "services")):
    if entry not in sys.path:
        sys.path.insert(0, entry)

import render  # noqa: E402
from tests.conftest import Workers  # noqa: E402
from tests.deploy.toolchain import RULES, tool  # noqa: E402
from tests.integration.kafka_io import produce  # noqa: E402

from newsevents import topics  # noqa: E402
from newsevents.localkafka.broker import free_port, start_single  # noqa: E402
from newsevents.messages import RawArticle  # noqa: E402
from newsevents.settings import Settings  # noqa: E402

STAGES = ("classifier", "linker", "alert")
OUT = REPO / "docs" / "dashboards"
SCRAPE = "2s"


def log(text: str) -> None:
    print(f"[snapshot {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


@contextmanager
def prometheus(workdir: Path, targets: list[int]) -> Iterator[render.Prometheus]:
    config = workdir / "prometheus.yml"
    config.write_text(yaml.safe_dump({
        "global": {"scrape_interval": SCRAPE, "evaluation_interval": SCRAPE},
        "rule_files": [str(RULES)],
        "scrape_configs": [{"job_name": "newsevents", "static_configs": [
            {"targets": [f"127.0.0.1:{port}" for port in targets]}]}],
    }))
    port = free_port()
    out = workdir / "prometheus.log"
    proc = subprocess.Popen(
        [tool("prometheus"), f"--config.file={config}", f"--storage.tsdb.path={workdir / 'tsdb'}",
         f"--web.listen-address=127.0.0.1:{port}"],
        stdout=out.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        prom = render.Prometheus(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        while True:
            try:
                prom.query("1", time.time())
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"prometheus did not start:\n{out.read_text()}") from None
                time.sleep(0.5)
        yield prom
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def produce_articles(env: dict[str, str], paths: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "newsevents.cli.main", "produce", "--quiet",
                           *paths], env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    log(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else
        f"produce exited {done.returncode}")


def wire_copies(devset: Path, into: Path) -> list[str]:
    """The dev set as `newsevents produce` accepts it: RawArticle fields only.

    Dev-set lines also carry their gold labels (language, gold, tags), which
    the wire contract rejects as extra fields.
    """
    into.mkdir(parents=True, exist_ok=True)
    keep = set(RawArticle.model_fields)
    out = []
    for path in sorted(devset.glob("*.jsonl")):
        lines = [json.dumps({k: v for k, v in json.loads(line).items() if k in keep},
                            ensure_ascii=False)
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        (into / path.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(str(into / path.name))
    return out


# Short articles in languages the classifier has no lexicon for, written for this
# script, so the "languages without a lexicon" panel shows real counts too.
NO_LEXICON = [
    ("sw", "Mawaziri wa Kenya na Tanzania wakutana Arusha",
     "ARUSHA - Waziri wa Mambo ya Nje wa Kenya alikutana na mwenzake wa Tanzania mjini "
     "Arusha siku ya Jumanne kujadili biashara ya mpakani na usafiri wa malori."),
    ("pl", "Minister spraw zagranicznych z wizytą w Wilnie",
     "WILNO - Polski minister spraw zagranicznych spotkał się we wtorek w Wilnie z "
     "litewskim odpowiednikiem; rozmawiano o ochronie granicy i połączeniach kolejowych."),
    ("it", "Il ministro degli Esteri ricevuto a Tunisi",
     "TUNISI - Il ministro degli Esteri è stato ricevuto martedì dal presidente tunisino; "
     "al centro dei colloqui l'energia e i flussi migratori nel Mediterraneo."),
]


def no_lexicon_articles(into: Path, round_no: int) -> str:
    """This round's copies of NO_LEXICON as JSONL (new ids, so each counts again)."""
    path = into / f"no-lexicon-{round_no}.jsonl"
    path.write_text("".join(
        json.dumps({"id": f"snapshot-{lang}-{round_no}", "source": "snapshot.example",
                    "title": title, "text": text}, ensure_ascii=False) + "\n"
        for lang, title, text in NO_LEXICON), encoding="utf-8")
    return str(path)


def malformed(run: str, n: int) -> list[tuple[bytes | None, bytes]]:
    """Messages the classifier must dead-letter: cut-off JSON and an article without text."""
    cut = [(f"bad-{run}-{i}".encode(), b'{"id": "bad-' + str(i).encode() + b'", "text": ')
           for i in range(n)]
    return [*cut, (f"empty-{run}".encode(), b'{"id": "empty-' + run.encode() + b'"}')]


def _interrupted(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds of articles to produce")
    parser.add_argument("--pause", type=float, default=30.0, help="seconds between rounds")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the work dir (logs, Prometheus TSDB) here")
    args = parser.parse_args(argv)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="newsevents-snapshot-"))
    workdir.mkdir(parents=True, exist_ok=True)
    devset = wire_copies(REPO / "tests/data/devset", workdir / "devset")
    # A SIGTERM (or SIGINT in a background job, which ignores it) must still stop
    # the broker, workers and Prometheus: turn it into an exception the `finally`s see.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, _interrupted)
    log(f"work dir {workdir}")
    broker = start_single(workdir / "kafka", free_port(), free_port(), timeout=180)
    workers: Workers | None = None
    failures = 0
    try:
        run = uuid.uuid4().hex[:8]
        env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap,
               "NEWSEVENTS_TOPIC_PREFIX": f"s{run}.", "NEWSEVENTS_APP_ID_PREFIX": f"s{run}",
               "NEWSEVENTS_TOPIC_PARTITIONS": "2",
               "NEWSEVENTS_DATA_DIR": str(workdir / "state"),
               "NEWSEVENTS_LOG_LEVEL": "warning",
               "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "services"),
                                                           os.environ.get("PYTHONPATH")]))}
        workers = Workers(env, workdir)
        ports = [workers.start(stage) for stage in STAGES]
        with prometheus(workdir, ports) as prom:
            log(f"prometheus on {prom.url}; waiting for the workers to be ready")
            workers.wait_ready(timeout=600)
            started = time.time()
            raw = Settings.from_env(env).topic(topics.RAW)
            for i in range(args.rounds):
                log(f"round {i + 1}/{args.rounds}")
                # samples/ every round keeps the throughput panels busy; the alert
                # stage merges reports of an event it already holds, so only articles
                # it has not seen add events: each round gets its share of the dev set.
                produce_articles(env, [str(REPO / "samples"), *devset[i::args.rounds],
                                       no_lexicon_articles(workdir, i)])
                # The first batch only creates the series (rate() cannot see a series'
                # first value); the later ones are what the dead-letter panels show.
                if i in (0, 2, args.rounds - 2):
                    produce(broker.bootstrap, raw, malformed(f"{run}-{i}", 6))
                time.sleep(args.pause)
            # Let the last round drain and be scraped before drawing.
            time.sleep(20)
            minutes = max(2.0, (time.time() - started) / 60 + 1)
            for name in ("pipeline-health", "events"):
                counts = render.render(HERE / f"{name}.json", prom,
                                       args.out / f"{name}.png", minutes=round(minutes, 1))
                empty = [t for t, n in counts.items() if n <= 0]
                log(f"{name}.png: {len(counts) - len(empty)}/{len(counts)} panels with data"
                    + (f"; empty or failed: {empty}" if empty else ""))
                if any(n < 0 for n in counts.values()):
                    failures += 1
    finally:
        if workers is not None:
            workers.stop()
        broker.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
