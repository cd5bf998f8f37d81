"""One event from many reports; distinct events stay distinct; repeats change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsevents.alert.engine import AlertEngine, DecodedEvents
from newsevents.alert.merge import OpenEvent, places_compatible
from newsevents.alert.rules import Rule, RuleSet
from newsevents.messages import Place
from tests.unit.alert_fixtures import clash

WINDOW = timedelta(hours=72)
NOW = datetime(2025, 6, 1, tzinfo=UTC)


def engine(rules: list[Rule] | None = None, store: dict[str, str] | None = None) -> AlertEngine:
    return AlertEngine(RuleSet(rules=rules or []), WINDOW, {} if store is None else store)


def test_five_reports_in_five_languages_make_one_event() -> None:
    eng = engine()
    langs = ["en", "id", "fr", "ru", "th"]
    emitted = []
    for i, lang in enumerate(langs):
        report = clash(f"art-{lang}", "MMR", "city:1", "Sagaing", day=3, hour=6 + i,
                       language=lang, source=f"{lang}-news.example")
        emitted += eng.process(report, NOW).events
    assert len({e.event_id for e in emitted}) == 1
    last = emitted[-1]
    assert [e.version for e in emitted] == [1, 2, 3, 4, 5]
    assert last.mention_count == 5
    assert {s.article_id for s in last.source_articles} == {f"art-{lang}" for lang in langs}
    assert last.confidence > emitted[0].confidence


def test_two_clashes_in_different_places_same_day_stay_two() -> None:
    eng = engine()
    a = eng.process(clash("a", "MMR", "city:1", "Sagaing", day=3), NOW).events
    b = eng.process(clash("b", "MMR", "city:2", "Lashio", day=3), NOW).events
    assert a[0].event_id != b[0].event_id
    assert a[0].version == b[0].version == 1


def test_repeating_an_article_changes_nothing() -> None:
    eng = engine()
    first = eng.process(clash("a", "MMR", "city:1", "Sagaing", day=3), NOW)
    again = eng.process(clash("a", "MMR", "city:1", "Sagaing", day=3), NOW)
    assert first.events and again.events == []
    grown = eng.process(clash("b", "MMR", "city:1", "Sagaing", day=3), NOW).events
    assert grown[0].version == 2
    assert eng.process(clash("b", "MMR", "city:1", "Sagaing", day=3), NOW).events == []


def test_reports_outside_the_window_open_a_new_event() -> None:
    eng = engine()
    first = eng.process(clash("a", "MMR", "city:1", "Sagaing", day=1), NOW).events[0]
    late = eng.process(clash("b", "MMR", "city:1", "Sagaing", day=6), NOW).events[0]
    assert late.event_id != first.event_id and late.version == 1


def test_containing_place_merges_and_keeps_the_specific_place() -> None:
    eng = engine()
    eng.process(clash("a", "MMR", "country:MMR", "Myanmar", day=3, precision="country"), NOW)
    out = eng.process(clash("b", "MMR", "city:1", "Sagaing", day=3), NOW).events[0]
    assert out.version == 2
    assert out.location is not None and out.location.name == "Sagaing"


def test_place_compatibility() -> None:
    city = Place(name="Lashio", entity_id="city:2", country="MMR", precision="city",
                 admin1="Shan")
    region = Place(name="Shan", entity_id="region:MM-17", country="MMR", precision="region")
    other_region = Place(name="Sagaing", entity_id="region:MM-01", country="MMR",
                         precision="region")
    thai = Place(name="Bangkok", entity_id="city:3", country="THA", precision="city")
    assert places_compatible(city, region)
    assert not places_compatible(city, other_region)
    assert not places_compatible(city, thai)
    assert places_compatible(None, thai)


def test_state_survives_a_restart() -> None:
    store: dict[str, str] = {}
    engine(store=store).process(clash("a", "MMR", "city:1", "Sagaing", day=3), NOW)
    restarted = engine(store=store)  # a new worker recovering the same changelog
    out = restarted.process(clash("b", "MMR", "city:1", "Sagaing", day=3), NOW).events[0]
    assert out.version == 2 and out.mention_count == 2


def test_an_open_event_is_decoded_once_not_once_per_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decodes: list[str] = []
    real = OpenEvent.model_validate_json

    def counting(raw: str) -> OpenEvent:
        decodes.append(raw)
        return real(raw)

    store: dict[str, str] = {}
    engine(store=store).process(clash("a", "MMR", "city:1", "Sagaing", day=3), NOW)
    # A new worker over the same store decodes each open event once, to index it.
    monkeypatch.setattr(OpenEvent, "model_validate_json", counting)
    eng = engine(store=store)
    for i in range(5):
        eng.process(clash(f"b{i}", "MMR", "city:1", "Sagaing", day=3, hour=i), NOW)
    assert len(decodes) == 1


def test_a_store_value_changed_behind_the_engine_is_decoded_again() -> None:
    store: dict[str, str] = {}
    eng = engine(store=store)
    first = eng.process(clash("a", "MMR", "city:1", "Sagaing", day=3), NOW).events[0]
    key = f"ev:{first.event_id}"
    # What a changelog recovery may hold: a newer version than this worker made.
    recovered = OpenEvent.model_validate_json(store[key])
    newer = recovered.model_copy(update={"event": recovered.event.model_copy(
        update={"version": 7, "mention_count": 7})})
    store[key] = newer.model_dump_json()
    out = eng.process(clash("b", "MMR", "city:1", "Sagaing", day=3), NOW).events[0]
    assert out.event_id == first.event_id and out.version == 8


def test_decoded_events_keep_only_the_most_recently_used() -> None:
    store: dict[str, str] = {}
    eng = engine(store=store)
    for i, city in enumerate(["c1", "c2", "c3"]):
        eng.process(clash(f"m{i}", "MMR", f"city:{city}", city, day=3), NOW)
    raws = {k[3:]: v for k, v in store.items() if k.startswith("ev:")}
    cache = DecodedEvents(capacity=2)
    ids = sorted(raws)
    for event_id in ids:
        cache.get(event_id, raws[event_id])
    assert len(cache) == 2
    kept = cache.get(ids[-1], raws[ids[-1]])
    # An equal string (not the same object) still finds the decoded event.
    assert cache.get(ids[-1], "".join(raws[ids[-1]])) is kept
    assert cache.get(ids[-1], raws[ids[0]]) is not kept


def test_old_events_expire_from_the_store() -> None:
    eng = engine()
    eng.process(clash("a", "MMR", "city:1", "Sagaing", day=1), NOW)
    eng.process(clash("b", "MMR", "city:2", "Lashio", day=10), NOW)
    assert sum(k.startswith("ev:") for k in eng.store) == 1


def test_match_rule_fires_once_per_event_when_it_first_holds() -> None:
    rule = Rule(name="confirmed", event_types=["armed-clash"], min_mentions=2)
    eng = engine([rule])
    assert eng.process(clash("a", "MMR", "city:1", "Sagaing", day=3), NOW).alerts == []
    alerts = eng.process(clash("b", "MMR", "city:1", "Sagaing", day=3), NOW).alerts
    assert [a.rule for a in alerts] == ["confirmed"]
    assert "Sagaing" in alerts[0].summary and "2 report(s)" in alerts[0].summary
    assert eng.process(clash("c", "MMR", "city:1", "Sagaing", day=3), NOW).alerts == []


def test_rate_rule_fires_at_threshold_per_country_and_not_again_in_window() -> None:
    rule = Rule(name="surge", kind="rate", event_types=["armed-clash"], threshold=3,
                window=timedelta(hours=24))
    eng = engine([rule])
    fired = []
    for i, city in enumerate(["c1", "c2", "c3", "c4"]):
        fired += eng.process(clash(f"m{i}", "MMR", f"city:{city}", city, day=3, hour=i), NOW).alerts
    # Another country's clashes do not count towards Myanmar's.
    fired += eng.process(clash("t1", "THA", "city:t1", "Surin", day=3), NOW).alerts
    assert len(fired) == 1
    assert fired[0].rule == "surge" and len(fired[0].event_ids) == 3
    assert "MMR" in fired[0].summary
    # A day later the window has moved on: it may fire again.
    later = []
    for i, city in enumerate(["d1", "d2", "d3"]):
        later += eng.process(clash(f"n{i}", "MMR", f"city:{city}", city, day=5, hour=i), NOW).alerts
    assert len(later) == 1
