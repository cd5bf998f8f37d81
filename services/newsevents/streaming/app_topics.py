"""How faust reads and writes our topics: raw bytes, decoded by `codec.py` inside the agent."""

from __future__ import annotations

from typing import Any

import faust
from faust.serializers.schemas import (
    DecodeFunction,
    OnKeyDecodeErrorFun,
    OnValueDecodeErrorFun,
    _noop_decode_error,
)
from faust.types import AppT


class RawSchema(faust.Schema[bytes, bytes]):
    """Keys and values as the broker has them, without faust's codec lookups.

    faust's "raw" serializer returns the very bytes it is given, but reaching
    it costs two registry lookups, two codec calls and their error wrapping
    per message: about 4% of the no-op worker's CPU. Nothing here can fail
    to decode, so the decode error callbacks are never needed.
    """

    def compile(
        self,
        app: AppT,
        *,
        on_key_decode_error: OnKeyDecodeErrorFun = _noop_decode_error,
        on_value_decode_error: OnValueDecodeErrorFun = _noop_decode_error,
        default_propagate: bool = False,
    ) -> DecodeFunction:
        create_event = app.create_event

        async def decode(message: Any, *, propagate: bool = default_propagate) -> Any:
            return create_event(message.key, message.value, message.headers, message)

        return decode


def raw_bytes() -> dict[str, Any]:
    """`app.topic` arguments for a topic of raw bytes."""
    return {
        "schema": RawSchema(
            key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw"),
    }
