"""The reference article of EVENTS.md, read from shared/seeds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from newsevents.classifier.core import Classifier
from newsevents.messages import ClassifiedArticle, RawArticle

SEED = Path(__file__).parents[2].parent / "shared" / "seeds" / "000_7bafbb3fe2aef605.txt"
BOILERPLATE = [
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "[Gambas:Video CNN]",
    "Terkini Lainnya",
    "Tautan Sahabat",
    "(blq/dna)",
    "Foto: AFP/",
    "Jakarta, Indonesia --",
]


def parse_seed(path: Path) -> RawArticle:
    """Line 1 is the source domain, then the title, then the scraped body."""
    lines = path.read_text(encoding="utf-8").split("\n")
    source, rest = lines[0].strip(), lines[1:]
    while rest and not rest[0].strip():
        rest = rest[1:]
    return RawArticle(id=path.stem, source=source, title=rest[0].strip(),
                      text="\n".join(rest[1:]))


@cache
def _result() -> tuple[RawArticle, ClassifiedArticle]:
    if not SEED.exists():
        pytest.fail(f"seed article missing at {SEED}")
    article = parse_seed(SEED)
    return article, Classifier.load().classify(article, pipeline_version="test")


def test_seed_language() -> None:
    _, result = _result()
    assert result.language == "id"
    assert result.language_supported


def test_seed_diplomatic_engagement() -> None:
    _, result = _result()
    detection = next(d for d in result.detections if d.event_type == "diplomatic-engagement")
    assert detection.subtype in {"visit", "meeting"}
    texts = [e.text for e in detection.evidence]
    assert any("Moe Aung" in t and "St Petersburg" in t for t in texts)
    # The joint committee and the exchange of honours are evidence too.
    assert any("Komite Anti-Teroris Bersama" in t for t in texts)
    assert any("menganugerahkan" in t for t in texts)
    assert detection.confidence >= 0.8


def test_seed_armed_clash() -> None:
    _, result = _result()
    detection = next(d for d in result.detections if d.event_type == "armed-clash")
    assert detection.subtype in {"attack", "battle"}
    assert any(
        "serangan selama tiga hari terakhir oleh Pasukan Pertahanan Rakyat" in e.text
        for e in detection.evidence
    )


def test_seed_boilerplate_removed() -> None:
    article, result = _result()
    for line in BOILERPLATE:
        assert line in article.text  # the test would prove nothing otherwise
        assert line not in result.cleaned_text
        for detection in result.detections:
            assert all(line not in e.text for e in detection.evidence)
    # The news paragraphs themselves survive cleaning.
    assert "Moe Aung" in result.cleaned_text
    assert result.cleaned_text.rstrip().endswith("minyak, dan gas.")
