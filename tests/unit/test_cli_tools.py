"""Small CLI behaviours that need no broker."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import orjson
from click.testing import CliRunner

from newsevents.cli.demo import demo
from newsevents.cli.tail import render
from newsevents.messages import Alert, DeadLetter
from tests.conftest import SAMPLES
from tests.unit.alert_fixtures import clash


def test_worker_refuses_a_bad_rules_file_before_touching_kafka(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: x\n    severity: loud\n")
    env = {**os.environ, "NEWSEVENTS_ALERT_RULES_FILE": str(rules),
           "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"}
    cmd = [sys.executable, "-m", "newsevents.cli.main", "worker", "--stage", "alert"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"{rules}:3: rules.0.severity" in done.stderr


def test_tail_renders_each_message_kind_readably() -> None:
    event = clash("a1", "MMR", "city:1", "Sagaing", day=3)
    text = render(event.model_dump_json().encode(), as_json=False)
    assert text.startswith("armed-clash/battle")
    assert "Sagaing, MMR [city]" in text and "People's Defence Force (MMR/REB)" in text

    letter = DeadLetter(stage="classifier", reason="invalid_json", message="bad", key="k",
                        failed_at=datetime(2025, 1, 1, tzinfo=UTC), payload="{",
                        payload_encoding="utf-8")
    assert "DEAD LETTER stage=classifier reason=invalid_json" in render(
        letter.model_dump_json().encode(), as_json=False)
    alert = Alert(alert_id="al-1", rule="surge", severity="critical", event_ids=["e1"],
                  summary="5 clashes", created_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert render(alert.model_dump_json().encode(), as_json=False).startswith("ALERT [critical]")
    raw = event.model_dump_json().encode()
    assert orjson.loads(render(raw, as_json=True)) == orjson.loads(raw)
    assert render(b"not json", as_json=False) == "not json"


def test_demo_refuses_a_web_port_in_use_before_starting_anything() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        taken = held.getsockname()[1]
        result = CliRunner().invoke(
            demo, ["--once", "--base-web-port", str(taken), str(SAMPLES)],
            env={"KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"})
    assert result.exit_code == 2, result.output
    assert f"port {taken} on 127.0.0.1 is in use" in result.output
    assert "--base-web-port" in result.output
