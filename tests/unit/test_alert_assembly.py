"""Events from a linked article: deterministic ids, one per type, repeats recognised."""

from __future__ import annotations

from datetime import UTC, date, datetime

from newsevents.alert.assembly import assemble_events, event_country, event_id_for
from newsevents.messages import (
    Actor,
    ClassifiedArticle,
    DateSpan,
    Detection,
    Evidence,
    LinkedArticle,
    LinkedDetection,
    Place,
    RawArticle,
    Trigger,
)

TEXT = "Menteri Luar Negeri Indonesia bertemu mitranya dari Jepang di Tokyo pada Senin."


def linked(article_id: str = "a1", confidence: float = 0.8) -> LinkedArticle:
    article = RawArticle(id=article_id, source="contoh.example", text=TEXT,
                         received_at=datetime(2025, 3, 3, 1, 0, tzinfo=UTC))
    evidence = Evidence(text=TEXT, start=0, end=len(TEXT), triggers=[
        Trigger(text="bertemu", lemma="temu", start=30, end=37, weight=0.7)])
    detection = Detection(event_type="diplomatic-engagement", subtype="meeting",
                          confidence=confidence, evidence=[evidence])
    classified = ClassifiedArticle(article=article, cleaned_text=TEXT, language="id",
                                   language_confidence=0.99, language_supported=True,
                                   detections=[detection], pipeline_version="test")
    return LinkedArticle(classified=classified, linked=[LinkedDetection(
        detection=detection,
        actors=[Actor(name="Indonesia", entity_id="country:IDN", country="IDN", sector="GOV"),
                Actor(name="Japan", entity_id="country:JPN", country="JPN", sector="GOV")],
        location=Place(name="Tokyo", entity_id="city:1850147", country="JPN",
                       precision="city", latitude=35.69, longitude=139.69),
        date=DateSpan(start=date(2025, 3, 3), end=date(2025, 3, 3), precision="day"),
    )])


def test_one_event_per_detection_with_its_fields() -> None:
    [event] = assemble_events(linked(), "test")
    assert event.event_type == "diplomatic-engagement"
    assert event.subtype == "meeting"
    assert {a.country for a in event.actors} == {"IDN", "JPN"}
    assert event.location is not None and event.location.name == "Tokyo"
    assert event.evidence[0].text == TEXT
    assert event.source_articles[0].article_id == "a1"
    assert (event.version, event.mention_count) == (1, 1)
    assert event.first_received_at == datetime(2025, 3, 3, 1, 0, tzinfo=UTC)
    assert event_country(event) == "JPN"


def test_event_ids_are_deterministic_and_distinct() -> None:
    first = assemble_events(linked("a1"), "test")[0].event_id
    again = assemble_events(linked("a1"), "other-version")[0].event_id
    other = assemble_events(linked("a2"), "test")[0].event_id
    assert first == again == event_id_for("a1", "diplomatic-engagement")
    assert other != first
    assert event_id_for("a1", "armed-clash") != first
