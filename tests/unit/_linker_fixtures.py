"""Hand-built ClassifiedArticles for the linker tests (no classifier needed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from newsevents.linker.core import Linker
from newsevents.messages import (
    ClassifiedArticle,
    Detection,
    Evidence,
    LinkedDetection,
    Place,
    RawArticle,
    Trigger,
)

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def published(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def article(
    title: str,
    paragraphs: Sequence[str],
    detections: Sequence[tuple[str, str, Sequence[int]]],
    *,
    language: str = "id",
    published_at: datetime | None = None,
    article_id: str = "test-article",
) -> ClassifiedArticle:
    """`detections` are (event_type, subtype, indexes of the paragraphs that are evidence)."""
    cleaned = "\n\n".join(paragraphs)
    offsets: list[tuple[int, int]] = []
    pos = 0
    for para in paragraphs:
        offsets.append((pos, pos + len(para)))
        pos += len(para) + 2
    built = [
        Detection(
            event_type=event_type,
            subtype=subtype,
            confidence=0.8,
            evidence=[
                Evidence(text=paragraphs[i], start=offsets[i][0], end=offsets[i][1], triggers=[])
                for i in evidence
            ],
        )
        for event_type, subtype, evidence in detections
    ]
    return ClassifiedArticle(
        article=RawArticle(
            id=article_id,
            title=title,
            text=cleaned,
            published_at=published_at,
            language_hint=language,
        ),
        cleaned_text=cleaned,
        language=language,
        language_confidence=0.95,
        language_supported=True,
        detections=built,
        pipeline_version="test",
    )


def with_triggers(classified: ClassifiedArticle, words: Sequence[str]) -> ClassifiedArticle:
    """The classifier's triggers: each of `words` found in an evidence sentence fires."""
    detections: list[Detection] = []
    for detection in classified.detections:
        evidence: list[Evidence] = []
        for ev in detection.evidence:
            triggers = [
                Trigger(text=w, lemma=w, start=ev.start + i, end=ev.start + i + len(w), weight=0.9)
                for w in words
                if (i := ev.text.find(w)) >= 0
            ]
            evidence.append(ev.model_copy(update={"triggers": triggers}))
        detections.append(detection.model_copy(update={"evidence": evidence}))
    return classified.model_copy(update={"detections": detections})


def linked_detection(
    linker: Linker,
    paragraphs: Sequence[str],
    event_type: str,
    subtype: str,
    *,
    evidence: Sequence[int] = (0,),
    title: str = "",
    language: str = "en",
    triggers: Sequence[str] = (),
    published_at: datetime | None = None,
) -> LinkedDetection:
    """What the linker makes of the one event whose evidence is `paragraphs[evidence]`."""
    classified = article(
        title,
        paragraphs,
        [(event_type, subtype, list(evidence))],
        language=language,
        published_at=published_at or published(2025, 3, 4),
    )
    return linker.link(with_triggers(classified, triggers)).linked[0]


def linked_place(
    linker: Linker,
    paragraphs: Sequence[str],
    evidence: Sequence[int],
    event_type: str,
    subtype: str,
    *,
    title: str = "",
    language: str = "en",
    triggers: Sequence[str] = (),
) -> Place | None:
    """The place the linker gives the one event whose evidence is `paragraphs[evidence]`."""
    return linked_detection(linker, paragraphs, event_type, subtype, evidence=evidence,
                            title=title, language=language, triggers=triggers).location
