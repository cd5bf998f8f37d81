"""Topic names, in the order data flows through them."""

from __future__ import annotations

RAW = "articles.raw"
CLASSIFIED = "articles.classified"
LINKED = "articles.linked"
DLQ = "articles.dlq"
ALERTS = "alerts"
# Internal: the alert stage re-keys candidate events by type so that every
# report of one event type meets the same merge state.
CANDIDATES = "events.candidates"
EVENTS_BY_TYPE: dict[str, str] = {
    "diplomatic-engagement": "events.diplomatic-engagement",
    "armed-clash": "events.armed-clash",
}
ALL: tuple[str, ...] = (
    RAW, CLASSIFIED, LINKED, CANDIDATES, *EVENTS_BY_TYPE.values(), ALERTS, DLQ,
)
