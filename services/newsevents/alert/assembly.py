"""Turns a linked article into `Event` messages: one per detected event type.

Event ids are derived from the article id and the event type only, so the
same article processed twice (a replay, a producer retry) yields the same
ids and the duplicate is recognisable downstream.
"""

from __future__ import annotations

import hashlib

from newsevents.messages import Event, LinkedArticle, SourceArticle


def event_id_for(article_id: str, event_type: str) -> str:
    digest = hashlib.blake2b(f"{article_id}\x1f{event_type}".encode(), digest_size=12)
    return f"ev-{digest.hexdigest()}"


def assemble_events(linked: LinkedArticle, pipeline_version: str) -> list[Event]:
    article = linked.article
    source = SourceArticle(
        article_id=article.id,
        url=article.url,
        source=article.source,
        published_at=article.published_at,
        language=linked.language,
    )
    events = []
    for item in linked.linked:
        detection = item.detection
        events.append(
            Event(
                event_id=event_id_for(article.id, detection.event_type),
                event_type=detection.event_type,
                subtype=detection.subtype,
                actors=item.actors,
                location=item.location,
                date=item.date,
                evidence=detection.evidence,
                confidence=detection.confidence,
                language=linked.language,
                source_articles=[source],
                mention_count=1,
                version=1,
                pipeline_version=pipeline_version,
                first_received_at=article.received_at,
            )
        )
    return events


def event_country(event: Event) -> str:
    """The country an event is counted under in metrics and alert rules."""
    if event.location is not None and event.location.country:
        return event.location.country
    for actor in event.actors:
        if actor.country:
            return actor.country
    return "unknown"
