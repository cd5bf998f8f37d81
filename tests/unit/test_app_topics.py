"""Our source topics hand the agent the record's own bytes, as faust's "raw" codec did."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from faust.types import Message

from newsevents.settings import Settings
from newsevents.streaming.app import faust_app
from newsevents.streaming.app_topics import RawSchema, raw_bytes


def _decode(tmp_path: Path, key: bytes | None, value: bytes | None) -> Any:
    async def decode() -> Any:
        app = faust_app(Settings(kafka_bootstrap_servers="127.0.0.1:1", data_dir=str(tmp_path)),
                        "t", web=False)
        topic = app.topic("src", **raw_bytes())
        assert isinstance(topic.schema, RawSchema)
        message = Message("src", 3, 41, 1.5, 0, [("h", b"v")], key, value, None)
        return message, await topic.decode(message, propagate=True)

    return asyncio.run(decode())


def test_raw_topics_deliver_the_record_bytes_unchanged(tmp_path: Path) -> None:
    # Not a byte string that merely compares equal: no codec copies the payload.
    message, event = _decode(tmp_path, b"article-1", b"\xff\x00 not utf-8")
    assert event.key is message.key
    assert event.value is message.value
    assert event.message is message
    assert dict(event.headers) == {"h": b"v"}


def test_raw_topics_keep_a_missing_key_or_value(tmp_path: Path) -> None:
    _, event = _decode(tmp_path, None, None)
    assert event.key is None
    assert event.value is None
