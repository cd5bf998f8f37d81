"""The bundled samples that `make run` shows come out as samples/expected.json says."""

from __future__ import annotations

import json

import pytest

from newsevents.article_files import iter_articles
from newsevents.messages import RawArticle
from newsevents.pipeline import Pipeline
from tests.conftest import SAMPLES

EXPECTED = json.loads((SAMPLES / "expected.json").read_text())
ARTICLES = {a.id: a for a in iter_articles([SAMPLES]) if isinstance(a, RawArticle)}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def test_every_sample_has_an_expectation() -> None:
    assert set(ARTICLES) == {k for k in EXPECTED if not k.startswith("_")}


@pytest.mark.parametrize("sample_id", sorted(k for k in EXPECTED if not k.startswith("_")))
def test_sample_yields_expected_events(pipeline: Pipeline, sample_id: str) -> None:
    events = {e.event_type: e for e in pipeline.run(ARTICLES[sample_id]).events}
    for etype, want in EXPECTED[sample_id].items():
        if want is None:
            assert etype not in events, f"{etype} wrongly emitted: {events[etype].evidence[0].text}"
            continue
        assert etype in events, f"{etype} missed"
        event = events[etype]
        assert event.subtype in want["subtypes"]
        countries = {a.country for a in event.actors if a.country}
        if event.location is not None and event.location.country:
            countries.add(event.location.country)
        assert set(want["countries"]) <= countries
        assert event.location is not None and event.location.country == want["place_country"]
