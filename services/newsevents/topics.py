"""Topic names, in the order data flows through them."""

from __future__ import annotations

RAW = "articles.raw"
CLASSIFIED = "articles.classified"
LINKED = "articles.linked"
DLQ = "articles.dlq"
ALERTS = "alerts"
EVENTS_BY_TYPE: dict[str, str] = {
    "diplomatic-engagement": "events.diplomatic-engagement",
    "armed-clash": "events.armed-clash",
}
ALL: tuple[str, ...] = (RAW, CLASSIFIED, LINKED, *EVENTS_BY_TYPE.values(), ALERTS, DLQ)
