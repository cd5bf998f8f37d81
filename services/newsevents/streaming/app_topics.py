"""How faust reads and writes our topics: raw bytes, decoded by `codec.py` inside the agent."""

from __future__ import annotations

from typing import Any

RAW_BYTES: dict[str, Any] = {
    "key_type": bytes,
    "value_type": bytes,
    "key_serializer": "raw",
    "value_serializer": "raw",
}
