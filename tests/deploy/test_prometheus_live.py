"""A real Prometheus scrapes a live worker with our rules and fires the dead-letter alert.

The rules are deploy/prometheus/rules.yaml with every `for:` set to 0s (the
only change), so the expressions run against the worker's real exposition:
metric names, labels and the `job` name all have to line up.
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml

from newsevents import topics
from newsevents.localkafka.broker import free_port
from newsevents.settings import Settings
from tests.conftest import Workers
from tests.deploy.toolchain import RULES, tool
from tests.integration.kafka_io import produce

pytestmark = pytest.mark.integration


class Prometheus:
    def __init__(self, url: str, log: Path) -> None:
        self.url = url
        self.log = log

    def api(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(f"{self.url}/api/v1/{path}{query}", timeout=5) as resp:
            body = json.loads(resp.read())
        assert body["status"] == "success", body
        return body["data"]

    def wait_for(self, what: str, check: Any, timeout: float) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                found = check()
            except OSError:
                found = None
            if found:
                return found
            time.sleep(0.5)
        raise AssertionError(f"{what} not seen in {timeout}s; prometheus log:\n"
                             f"{self.log.read_text()[-3000:]}")


@pytest.fixture
def prometheus_for(tmp_path: Path) -> Iterator[Any]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(target_port: int) -> Prometheus:
        rules = yaml.safe_load(RULES.read_text())
        for group in rules["groups"]:
            for rule in group["rules"]:
                if "alert" in rule:
                    rule["for"] = "0s"
        (tmp_path / "rules.yaml").write_text(yaml.safe_dump(rules))
        (tmp_path / "prometheus.yml").write_text(yaml.safe_dump({
            "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
            "rule_files": [str(tmp_path / "rules.yaml")],
            "scrape_configs": [{"job_name": "newsevents", "static_configs": [
                {"targets": [f"127.0.0.1:{target_port}"]}]}],
        }))
        port = free_port()
        log = tmp_path / "prometheus.log"
        procs.append(subprocess.Popen(
            [tool("prometheus"), f"--config.file={tmp_path / 'prometheus.yml'}",
             f"--storage.tsdb.path={tmp_path / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{port}"],
            stdout=log.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))
        prom = Prometheus(f"http://127.0.0.1:{port}", log)
        prom.wait_for("prometheus ready", lambda: prom.api("status/buildinfo"), 30)
        return prom

    yield start
    for proc in procs:
        proc.terminate()
        proc.wait(timeout=30)


def bad(key: str) -> tuple[bytes, bytes]:
    return key.encode(), b'{"id": "' + key.encode() + b'", "text": '


def test_dead_letter_alert_fires_on_a_live_worker(
    workers: Workers, pipeline_env: dict[str, str], prometheus_for: Any
) -> None:
    port = workers.start("all")
    prom: Prometheus = prometheus_for(port)  # starts while the worker joins its group
    workers.wait_ready()
    settings = Settings.from_env(pipeline_env)
    raw = settings.topic(topics.RAW)
    bootstrap = pipeline_env["KAFKA_BOOTSTRAP_SERVERS"]

    def up() -> Any:
        return [r for r in prom.api("query", query='up{job="newsevents"}')["result"]
                if r["value"][1] == "1"]

    prom.wait_for("the worker scraped", up, 30)
    # A first dead letter creates the series; the burst after it is what rate() sees.
    produce(bootstrap, raw, [bad("bad-0")])
    prom.wait_for("the first dead letter scraped", lambda: prom.api(
        "query", query='newsevents_dead_letters_total{reason="invalid_json"}')["result"], 30)
    time.sleep(2)
    good = orjson.dumps({"id": "good-1", "text": "Menteri luar negeri bertemu duta besar."})
    produce(bootstrap, raw, [bad(f"bad-{i}") for i in range(1, 13)] + [(b"good-1", good)])

    def firing() -> Any:
        return [a for a in prom.api("alerts")["alerts"]
                if a["labels"]["alertname"] == "NewseventsDeadLetterRateHigh"
                and a["state"] == "firing"]

    (alert,) = prom.wait_for("NewseventsDeadLetterRateHigh firing", firing, 45)
    assert alert["labels"]["stage"] == "classifier"
    assert alert["labels"]["severity"] == "warning"
    assert alert["annotations"]["runbook"].endswith("#newseventsdeadletterratehigh")

    by_reason = prom.api("query", query="stage_reason:newsevents_dead_letters:rate5m")["result"]
    assert {(r["metric"]["stage"], r["metric"]["reason"]) for r in by_reason} == {
        ("classifier", "invalid_json")}
    others = {a["labels"]["alertname"] for a in prom.api("alerts")["alerts"]}
    # The worker is up, ready and fast: nothing else may fire on it.
    assert others == {"NewseventsDeadLetterRateHigh"}, others
