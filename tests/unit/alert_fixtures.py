"""Events to feed the alert stage's pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from newsevents.alert.assembly import event_id_for
from newsevents.messages import Actor, DateSpan, Event, Evidence, Place, SourceArticle, Trigger


def clash(article_id: str, country: str, place_id: str, place_name: str, *, day: int,
          hour: int = 8, language: str = "en", source: str = "wire.example",
          precision: str = "city", admin1: str | None = None,
          confidence: float = 0.8, subtype: str = "battle") -> Event:
    text = f"Fighting was reported near {place_name}."
    published = datetime(2025, 5, day, hour, tzinfo=UTC)
    return Event(
        event_id=event_id_for(article_id, "armed-clash"),
        event_type="armed-clash",
        subtype=subtype,
        actors=[
            Actor(name="People's Defence Force", entity_id="armed:pdf", country=country,
                  sector="REB"),
            Actor(name="Myanmar military", entity_id=f"mil:{country}", country=country,
                  sector="MIL"),
        ],
        location=Place(name=place_name, entity_id=place_id, country=country,
                       precision=precision, admin1=admin1),
        date=DateSpan(start=date(2025, 5, day), end=date(2025, 5, day), precision="day"),
        evidence=[Evidence(text=text, start=0, end=len(text), triggers=[
            Trigger(text="Fighting", lemma="fighting", start=0, end=8, weight=0.8)])],
        confidence=confidence,
        language=language,
        source_articles=[SourceArticle(article_id=article_id, source=source,
                                       published_at=published, language=language)],
        mention_count=1,
        version=1,
        pipeline_version="test",
        first_received_at=published + timedelta(minutes=1),
    )
