"""`may_fit` only skips work: classifying with it and without it gives the same articles.

The scorer and `candidate_sentences` leave out sentences (and whole lines)
whose matches could not fit any trigger. If the test ever admitted a match
that `_diplomatic_fit` or `_clash_fit` would reward, some development-set
article would lose evidence here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from newsevents.classifier import core, detection
from newsevents.classifier.core import Classifier
from newsevents.classifier.matcher import Match
from newsevents.evaluation import as_raw_article
from newsevents.messages import RawArticle

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"


@cache
def _classifier() -> Classifier:
    return Classifier.load()


def _articles() -> list[RawArticle]:
    rows = []
    for path in sorted(DEVSET.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rows.append(RawArticle.model_validate(as_raw_article(json.loads(line))))
    return rows


def test_may_fit_rejects_sentences_and_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """It does skip work on the dev set: a filter that never says no leaves
    the next test nothing to check."""
    calls: list[bool] = []
    real = detection.may_fit

    def counted(found: list[Match]) -> bool:
        calls.append(real(found))
        return calls[-1]

    monkeypatch.setattr(core, "may_fit", counted)
    monkeypatch.setattr(detection, "may_fit", counted)
    for article in _articles()[:300]:
        _classifier().classify(article, pipeline_version="test")
    assert True in calls and False in calls


def test_same_output_without_the_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles()
    with_filter = [_classifier().classify(a, pipeline_version="test").model_dump_json()
                   for a in articles]
    monkeypatch.setattr(core, "may_fit", lambda found: True)
    monkeypatch.setattr(detection, "may_fit", lambda found: True)
    without = [_classifier().classify(a, pipeline_version="test").model_dump_json()
               for a in articles]
    differing = [a.id for a, x, y in zip(articles, with_filter, without, strict=True) if x != y]
    assert not differing
    assert any('"detections":[{' in x for x in with_filter)
