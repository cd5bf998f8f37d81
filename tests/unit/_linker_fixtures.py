"""Hand-built ClassifiedArticles for the linker tests (no classifier needed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from newsevents.messages import ClassifiedArticle, Detection, Evidence, RawArticle

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
