"""The checks every language's classifier tests share.

Each `test_classifier_lang_<code>.py` holds only its articles: positives that
must yield an event, and hard negatives (sports, protests, threats, ...) that
must not. `language_tests` turns those tables into the two parametrised tests,
so every language is held to exactly the same assertions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import pytest

from newsevents.classifier.core import Classifier
from newsevents.classifier.lexicon import _make_term
from newsevents.classifier.matcher import Lemmatizer, TermMatcher, tokenize
from newsevents.messages import ClassifiedArticle, Detection, RawArticle

DIP = "diplomatic-engagement"
CLASH = "armed-clash"
PUBLISHED = datetime(2025, 6, 10, 8, 0, tzinfo=UTC)


@cache
def classifier() -> Classifier:
    return Classifier.load()


@cache
def classify(text: str, title: str = "") -> ClassifiedArticle:
    """The classifier's verdict on one article (cached: several tests read the same one)."""
    article = RawArticle(id="t", title=title, text=text, published_at=PUBLISHED)
    return classifier().classify(article, pipeline_version="test")


def verdict(language: str, title: str, text: str, event_type: str) -> Detection | None:
    """The detection of `event_type` in an article that must be read as `language`."""
    result = classify(text, title)
    assert result.language == language
    return detection(result, event_type)


def detection(result: ClassifiedArticle, event_type: str) -> Detection | None:
    return next((d for d in result.detections if d.event_type == event_type), None)


def party_name_matches(name: str, text: str) -> bool:
    """Whether a state name is found in `text` (scripts without letter case must pass)."""
    term = _make_term(name, "party", "state:XXX")
    matcher = TermMatcher([term], "words", Lemmatizer(()))
    return bool(matcher.match(text, tokenize(text, "words")))


@dataclass(frozen=True, slots=True)
class Positive:
    """An article that reports `event_type`; `evidence` is words of the sentence stating it."""

    case_id: str
    title: str
    text: str
    event_type: str
    subtypes: frozenset[str]
    evidence: str
    # Most articles state the event in their strongest sentence; an anaphoric
    # lead ("the two ministers then ...") may leave it to a later one.
    anywhere: bool = False


@dataclass(frozen=True, slots=True)
class Negative:
    """A hard negative: none of `absent` may be detected in it."""

    case_id: str
    title: str
    text: str
    absent: frozenset[str]


def positive(case_id: str, title: str, text: str, event_type: str,
             subtypes: str | Iterable[str], evidence: str, *, anywhere: bool = False) -> Positive:
    kinds = frozenset({subtypes} if isinstance(subtypes, str) else subtypes)
    return Positive(case_id, title, text, event_type, kinds, evidence, anywhere)


def negative(case_id: str, title: str, text: str, absent: str | Iterable[str]) -> Negative:
    types = frozenset({absent} if isinstance(absent, str) else absent)
    return Negative(case_id, title, text, types)


def check_positive(language: str, case: Positive) -> None:
    result = classify(case.text, case.title)
    assert result.language == language
    assert result.language_supported is True
    found = detection(result, case.event_type)
    assert found is not None, (
        f"{case.case_id}: no {case.event_type} in "
        f"{[(d.event_type, d.subtype) for d in result.detections]}"
    )
    assert found.subtype in case.subtypes, f"{case.case_id}: subtype {found.subtype}"
    searched = found.evidence if case.anywhere else found.evidence[:1]
    stating = [ev for ev in searched if case.evidence in ev.text]
    assert stating, f"{case.case_id}: {[ev.text for ev in found.evidence]}"
    assert stating[0].triggers


def check_negative(language: str, case: Negative) -> None:
    result = classify(case.text, case.title)
    assert result.language == language
    assert result.language_supported is True
    wrong = {d.event_type: d.evidence[0].text for d in result.detections
             if d.event_type in case.absent}
    assert not wrong, f"{case.case_id}: {wrong}"


def check_cleaned(text: str, title: str, gone: Iterable[str], kept: Iterable[str] = ()) -> None:
    """Scraper furniture (`gone`) is cleaned away; the story (`kept`) stays."""
    cleaned = classify(text, title).cleaned_text
    for line in gone:
        assert line not in cleaned, line
    for words in kept:
        assert words in cleaned, words


def check_reports(text: str, title: str, expected: dict[str, tuple[str, str]]) -> None:
    """Each event type of `expected` is detected with (subtype, words of its best evidence)."""
    result = classify(text, title)
    for event_type, (subtype, evidence) in expected.items():
        found = detection(result, event_type)
        assert found is not None, f"no {event_type}"
        assert found.subtype == subtype
        assert evidence in found.evidence[0].text


def language_tests(
    language: str, positives: list[Positive], negatives: list[Negative]
) -> tuple[Callable[[Positive], None], Callable[[Negative], None]]:
    """`test_positive, test_hard_negative` for a language's case tables."""

    @pytest.mark.parametrize("case", [pytest.param(c, id=c.case_id) for c in positives])
    def test_positive(case: Positive) -> None:
        check_positive(language, case)

    @pytest.mark.parametrize("case", [pytest.param(c, id=c.case_id) for c in negatives])
    def test_hard_negative(case: Negative) -> None:
        check_negative(language, case)

    return test_positive, test_hard_negative
