"""`newsevents extract`: one output line per input line, in order, errors in place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson

from newsevents.article_files import parse_scrape_text


def run_extract(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsevents.cli.main", "extract"],
                          input=stdin, capture_output=True, timeout=120)


def test_extract_contract(seed_path: Path) -> None:
    seed = parse_scrape_text(seed_path.read_text(), "seed-1")
    lines = [
        seed.model_dump_json().encode(),
        b"this is not json",
        orjson.dumps({"id": "quiet", "text": "Harga cabai naik di pasar tradisional."}),
        b"",
        orjson.dumps({"id": "no-text", "text": ""}),
    ]
    done = run_extract(b"\n".join(lines) + b"\n")
    assert done.returncode == 1, done.stderr.decode()[-2000:]
    out = [orjson.loads(x) for x in done.stdout.splitlines()]
    assert len(out) == len(lines)

    assert out[0]["article_id"] == "seed-1"
    assert out[0]["language"] == "id"
    types = {e["event_type"] for e in out[0]["events"]}
    assert types == {"diplomatic-engagement", "armed-clash"}
    for event in out[0]["events"]:
        for field in ("subtype", "actors", "location", "date", "evidence", "confidence"):
            assert field in event

    assert out[1] == {"article_id": None, "line": 2,
                      "error": {"reason": "invalid_json", "message": out[1]["error"]["message"]}}
    assert out[2]["article_id"] == "quiet" and out[2]["events"] == []
    assert out[3]["article_id"] is None and out[3]["line"] == 4
    assert out[4]["error"]["reason"] == "empty_text" and out[4]["line"] == 5


def test_extract_exits_zero_when_every_line_is_read() -> None:
    line = orjson.dumps({"id": "a", "text": "Cuaca cerah di Bandung hari ini."})
    done = run_extract(line + b"\n")
    assert done.returncode == 0
    assert orjson.loads(done.stdout)["article_id"] == "a"
