"""A client we did not write (kcat) produces an article and reads the event back."""

from __future__ import annotations

import shutil
import subprocess
import time

import orjson
import pytest

from newsevents import topics
from newsevents.settings import Settings
from tests.conftest import Workers

pytestmark = pytest.mark.integration

ARTICLE = {
    "id": "kcat-1",
    "source": "frontline.example",
    "title": "Army and rebels clash near border town",
    "published_at": "2025-06-03T09:00:00Z",
    "text": (
        "Government troops and fighters of the Arakan Army exchanged fire for several hours "
        "near the town of Paletwa on Monday, a military spokesman said.\n\n"
        "The rebels attacked an army outpost before dawn, and the army responded with "
        "artillery, residents said."
    ),
}


def kcat() -> str:
    path = shutil.which("kcat")
    assert path, "kcat is required for the interoperability test: apt-get install kcat"
    return path


def test_kcat_in_kcat_out(workers: Workers, pipeline_env: dict[str, str]) -> None:
    settings = Settings.from_env(pipeline_env)
    bootstrap = pipeline_env["KAFKA_BOOTSTRAP_SERVERS"]
    workers.start("all")
    workers.wait_ready()

    line = b"kcat-1|" + orjson.dumps(ARTICLE) + b"\n"
    subprocess.run([kcat(), "-b", bootstrap, "-t", settings.topic(topics.RAW), "-P", "-K", "|"],
                   input=line, check=True, timeout=30)

    topic = settings.topic(topics.EVENTS_BY_TYPE["armed-clash"])
    deadline = time.monotonic() + 90
    found = None
    while found is None and time.monotonic() < deadline:
        out = subprocess.run(
            [kcat(), "-b", bootstrap, "-t", topic, "-C", "-o", "beginning", "-e", "-q",
             "-f", "%k\t%s\n"],
            capture_output=True, timeout=30,
        )
        for row in out.stdout.splitlines():
            raw_key, _, value = row.partition(b"\t")
            event = orjson.loads(value)
            if event["source_articles"][0]["article_id"] == "kcat-1":
                found = (raw_key.decode(), event)
        if found is None:
            time.sleep(1)
    assert found is not None, workers.log("all")[-3000:]
    key, event = found
    assert key == event["event_id"]
    assert event["event_type"] == "armed-clash"
    assert any("exchanged fire" in ev["text"] for ev in event["evidence"])
