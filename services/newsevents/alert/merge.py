"""One event from many reports: decides whether a new report is an event already open.

Two reports are the same real-world event when they have the same type,
compatible actors, the same place (or one contains the other), overlapping
dates, and were published within the merge window of each other. The first
report opens the event (version 1, its own deterministic id); a later
compatible report from another article grows it (same id, version + 1,
mention_count + 1, its source and evidence added). A report from an
article already counted changes nothing, so a replay is invisible.

Pure functions over plain models: the alert agent keeps `OpenEvent`s in a
changelog-backed table and calls `merge_report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel, ConfigDict

from newsevents.messages import Actor, DateSpan, Event, Place

MAX_EVIDENCE = 8
MAX_SOURCES = 100
DATE_TOLERANCE = timedelta(days=1)
_PRECISION_RANK = {"point": 0, "city": 1, "region": 2, "country": 3}


class OpenEvent(BaseModel):
    """An emitted event still inside the merge window, as kept in the alert table."""

    model_config = ConfigDict(frozen=True)

    event: Event
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True)
class MergeResult:
    """What to do with a report: emit `event` (None: nothing new) and store `open_event`."""

    event: Event | None
    open_event: OpenEvent
    merged: bool


def reference_time(event: Event) -> datetime:
    """When the report was published (or received); replays give the same answer."""
    for source in event.source_articles:
        if source.published_at is not None:
            return _aware(source.published_at)
    if event.first_received_at is not None:
        return _aware(event.first_received_at)
    if event.date is not None:
        return datetime.combine(event.date.end, datetime.min.time(), tzinfo=UTC)
    return datetime(1970, 1, 1, tzinfo=UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def countries_of(event: Event) -> set[str]:
    found = {a.country for a in event.actors if a.country}
    if event.location is not None and event.location.country:
        found.add(event.location.country)
    return found


def _actor_keys(actors: Iterable[Actor]) -> set[str]:
    keys = set()
    for actor in actors:
        keys.add(actor.entity_id)
        if actor.country:
            keys.add(f"{actor.country}/{actor.sector}")
    return keys


def actors_compatible(a: Event, b: Event) -> bool:
    left, right = _actor_keys(a.actors), _actor_keys(b.actors)
    return not left or not right or bool(left & right)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.entity_id == b.entity_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    a_wider = _PRECISION_RANK[a.precision] >= _PRECISION_RANK[b.precision]
    wide, narrow = (a, b) if a_wider else (b, a)
    if wide.precision == "country":
        return True  # a country contains every place in it
    if wide.precision == "region" and narrow.precision in ("city", "point"):
        # A city inside the region, or one whose region we do not know.
        return narrow.admin1 is None or narrow.admin1 in (wide.name, wide.entity_id, wide.admin1)
    return False  # two distinct cities, or two distinct regions


def dates_compatible(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None or a.assumed or b.assumed:
        return True
    return a.start - DATE_TOLERANCE <= b.end and b.start - DATE_TOLERANCE <= a.end


def same_event(open_event: OpenEvent, report: Event, window: timedelta) -> bool:
    existing = open_event.event
    if existing.event_type != report.event_type:
        return False
    ref = reference_time(report)
    if ref > open_event.last_seen + window or ref < open_event.first_seen - window:
        return False
    return (
        places_compatible(existing.location, report.location)
        and dates_compatible(existing.date, report.date)
        and actors_compatible(existing, report)
    )


def _more_specific(a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b
    return b if _PRECISION_RANK[b.precision] < _PRECISION_RANK[a.precision] else a


def _narrower_date(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    if a is None or a.assumed:
        return b if b is not None and not b.assumed else a
    if b is None or b.assumed:
        return a
    return b if (b.end - b.start) < (a.end - a.start) else a


def grow(existing: Event, report: Event) -> Event:
    """The existing event with one more report folded in."""
    actors = list(existing.actors)
    known = {a.entity_id for a in actors}
    actors += [a for a in report.actors if a.entity_id not in known]
    sources = (existing.source_articles + report.source_articles)[:MAX_SOURCES]
    evidence = (existing.evidence + report.evidence)[:MAX_EVIDENCE]
    # Independent reports make the event likelier: 1 - prod(1 - c).
    confidence = 1 - (1 - existing.confidence) * (1 - report.confidence)
    return existing.model_copy(update={
        "actors": actors,
        "location": _more_specific(existing.location, report.location),
        "date": _narrower_date(existing.date, report.date),
        "evidence": evidence,
        "confidence": round(min(0.999, confidence), 4),
        "source_articles": sources,
        "mention_count": existing.mention_count + 1,
        "version": existing.version + 1,
        "pipeline_version": report.pipeline_version,
    })


def merge_report(
    open_events: Iterable[OpenEvent], report: Event, window: timedelta
) -> MergeResult:
    """Fold `report` into the first open event it matches, or open a new one."""
    report_articles = {s.article_id for s in report.source_articles}
    ref = reference_time(report)
    candidates = sorted(open_events, key=lambda o: (o.first_seen, o.event.event_id))
    for open_event in candidates:
        # The same article again (replay, re-scrape): nothing changes.
        counted = {s.article_id for s in open_event.event.source_articles}
        if report_articles & counted and open_event.event.event_type == report.event_type:
            return MergeResult(None, open_event, merged=True)
    for open_event in candidates:
        if same_event(open_event, report, window):
            grown = grow(open_event.event, report)
            updated = OpenEvent(
                event=grown,
                first_seen=min(open_event.first_seen, ref),
                last_seen=max(open_event.last_seen, ref),
            )
            return MergeResult(grown, updated, merged=True)
    return MergeResult(report, OpenEvent(event=report, first_seen=ref, last_seen=ref), False)


def expired(open_event: OpenEvent, now: datetime, window: timedelta) -> bool:
    """Past the window since its last report: no later report can join it."""
    return open_event.last_seen + window < now
