"""Decides whether an event is new, changed, or a repeat of one already emitted.

The alert agent keeps one fingerprint per event id in a changelog-backed
table; a repeat of the same article (a replay after a crash, a producer
retry, the same story scraped twice) produces the same fingerprint and is
not emitted again.
"""

from __future__ import annotations

import hashlib

from newsevents.messages import Event

# Fields that change on every run without changing what the event says.
_VOLATILE = {"first_received_at", "pipeline_version"}


def fingerprint(event: Event) -> str:
    body = event.model_dump_json(exclude=_VOLATILE)
    return hashlib.blake2b(body.encode(), digest_size=16).hexdigest()


def is_repeat(previous: str | None, event: Event) -> bool:
    return previous is not None and previous == fingerprint(event)
