"""The dev-set scorer counts what it should."""

from __future__ import annotations

from typing import Any

from newsevents.evaluation import place_matches, score


def event(etype: str, subtype: str, countries: list[str], place: dict[str, Any] | None,
          confidence: float = 0.8) -> dict[str, Any]:
    return {"event_type": etype, "subtype": subtype, "confidence": confidence,
            "actors": [{"country": c, "sector": "GOV"} for c in countries],
            "location": place, "evidence": [{"text": "x"}]}


def test_score_counts_tp_fp_fn_and_subtypes() -> None:
    devset = [
        {"id": "1", "language": "en", "gold": {
            "diplomatic-engagement": {"subtype": "visit", "countries": ["FRA", "IDN"],
                                      "actors": [{"country": "FRA", "sector": "GOV"}],
                                      "place": {"name": "Jakarta", "country": "IDN"}},
            "armed-clash": None}},
        {"id": "2", "language": "id", "gold": {
            "diplomatic-engagement": None,
            "armed-clash": {"subtype": "battle", "countries": ["MMR"], "actors": [],
                            "place": None}}},
    ]
    results: list[dict[str, Any]] = [
        {"events": [event("diplomatic-engagement", "meeting", ["FRA"],
                          {"name": "Jakarta", "country": "IDN"}),
                    event("armed-clash", "attack", ["FRA"], None)]},
        {"events": []},
    ]
    data = score(devset, results).as_dict()
    assert data["by_type"]["diplomatic-engagement"]["tp"] == 1
    assert data["by_type"]["armed-clash"]["fp"] == 1
    assert data["by_type"]["armed-clash"]["fn"] == 1
    assert data["by_language"]["id"]["armed-clash"]["recall"] == 0.0
    assert data["subtype_accuracy"] == 0.0
    # countries: predicted {FRA, IDN (place)} vs gold {FRA, IDN}
    assert data["countries"]["f1"] == 1.0
    assert data["places"]["tp"] == 1
    kinds = sorted(e["kind"] for e in data["errors"])
    assert kinds == ["false_negative", "false_positive", "subtype"]


def test_place_matching_is_by_country_then_name() -> None:
    gold = {"name": "St Petersburg", "country": "RUS", "precision": "city"}
    assert place_matches({"name": "Saint Petersburg", "country": "RUS"}, gold) is False
    assert place_matches({"name": "St. Petersburg", "country": "RUS"}, gold)
    assert not place_matches({"name": "St Petersburg", "country": "USA"}, gold)
    assert place_matches({"name": "Russia", "country": "RUS"},
                         {"name": "Russia", "country": "RUS", "precision": "country"})
