"""Events from a linked article: deterministic ids, one per type, repeats recognised."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from newsevents.alert.assembly import assemble_events, event_country, event_id_for
from newsevents.messages import (
    Actor,
    ArticleRef,
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
from newsevents.streaming.codec import RejectedMessage, decode

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
    return LinkedArticle(article=ArticleRef.of(article), language=classified.language,
                         language_confidence=classified.language_confidence,
                         pipeline_version=classified.pipeline_version, linked=[LinkedDetection(
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


def test_the_linked_message_cites_the_article_without_its_text() -> None:
    message = linked().model_dump(mode="json")
    assert message["article"] == {
        "id": "a1", "url": None, "source": "contoh.example", "title": "",
        "published_at": None, "received_at": "2025-03-03T01:00:00Z"}
    assert TEXT not in json.dumps(message["article"])
    assert "cleaned_text" not in json.dumps(message)


def test_a_linked_message_in_the_earlier_whole_article_shape_still_reads() -> None:
    new = linked()
    article = RawArticle(id="a1", source="contoh.example", text=TEXT, html="<p>x</p>",
                         received_at=datetime(2025, 3, 3, 1, 0, tzinfo=UTC))
    detections = [item.detection for item in new.linked]
    classified = ClassifiedArticle(article=article, cleaned_text=TEXT, language="id",
                                   language_confidence=0.99, language_supported=True,
                                   detections=detections, pipeline_version="test")
    earlier = json.dumps({"classified": classified.model_dump(mode="json"),
                          "linked": [item.model_dump(mode="json") for item in new.linked]})
    old = decode(LinkedArticle, earlier.encode(), 1 << 20)
    assert old == new
    assert assemble_events(old, "test") == assemble_events(new, "test")
    # Only that shape: a typo beside it is still refused.
    with pytest.raises(RejectedMessage):
        decode(LinkedArticle, earlier.replace('"linked"', '"linkd"').encode(), 1 << 20)
