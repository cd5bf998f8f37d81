"""Names that mean more than one thing: the linker must pick by context."""

from __future__ import annotations

import pytest

from newsevents.linker.core import Linker
from newsevents.messages import LinkedDetection
from tests.unit._linker_fixtures import article, published


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


def _link_one(
    linker: Linker, title: str, sentence: str, event_type: str, subtype: str, language: str = "en"
) -> LinkedDetection:
    classified = article(
        title,
        [sentence],
        [(event_type, subtype, [0])],
        language=language,
        published_at=published(2024, 6, 12),
    )
    return linker.link(classified).linked[0]


def _countries(linked: LinkedDetection) -> set[str | None]:
    return {a.country for a in linked.actors}


def test_georgia_the_country_next_to_tbilisi(linker: Linker) -> None:
    linked = _link_one(
        linker,
        "Georgia and Armenia agree to reopen border talks",
        "Georgia's foreign minister met his Armenian counterpart in Tbilisi on Monday.",
        "diplomatic-engagement",
        "meeting",
    )
    assert {"GEO", "ARM"} <= _countries(linked)
    assert linked.location is not None
    assert (linked.location.name, linked.location.country) == ("Tbilisi", "GEO")


def test_georgia_the_us_state_next_to_atlanta(linker: Linker) -> None:
    linked = _link_one(
        linker,
        "Japanese envoy tours the US South",
        "Japan's ambassador visited Georgia on Tuesday, meeting state officials in Atlanta.",
        "diplomatic-engagement",
        "visit",
    )
    assert "JPN" in _countries(linked)
    assert "GEO" not in _countries(linked)
    assert linked.location is not None and linked.location.country == "USA"


def test_niger_and_chad_as_countries(linker: Linker) -> None:
    linked = _link_one(
        linker,
        "Chad's army battles Boko Haram",
        "Chad's army clashed with Boko Haram fighters near the border with Niger on Sunday.",
        "armed-clash",
        "battle",
    )
    assert any(a.country == "TCD" and a.sector == "MIL" for a in linked.actors), linked.actors
    assert any(a.entity_id == "armed:boko-haram" for a in linked.actors)
    niger = linker.kb.gazetteer.find("Niger's junta hosted a Russian delegation in Niamey.")
    assert "country:NER" in niger[0].entity_ids


@pytest.mark.parametrize(
    "sentence",
    [
        "Chad Smith, the US envoy, met Indonesian officials in Jakarta on Monday.",
        "Former basketball star Michael Jordan met Indonesian officials in Jakarta on Monday.",
        "Karen Pierce, the British ambassador, met Indonesian officials in Jakarta on Monday.",
    ],
)
def test_first_names_are_not_places(linker: Linker, sentence: str) -> None:
    linked = _link_one(linker, "Envoy in Jakarta", sentence, "diplomatic-engagement", "meeting")
    assert not {"TCD", "JOR", "MMR"} & _countries(linked), linked.actors
    assert linked.location is not None
    assert (linked.location.name, linked.location.country) == ("Jakarta", "IDN")


def test_words_with_a_common_meaning_do_not_become_jordan_or_niger(linker: Linker) -> None:
    text = "the niger seed oil was sold along the jordan almond stall"
    assert linker.kb.gazetteer.find(text) == []


def test_karen_state_as_a_region(linker: Linker) -> None:
    linked = _link_one(
        linker,
        "Fighting in eastern Myanmar",
        "Karen National Union fighters attacked a junta outpost in Karen State on Friday.",
        "armed-clash",
        "attack",
    )
    assert linked.location is not None
    assert (linked.location.entity_id, linked.location.precision) == ("region:MM-13", "region")
    assert any(a.entity_id == "armed:knu" for a in linked.actors)
    assert any(a.country == "MMR" and a.sector == "MIL" for a in linked.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Lima orang tewas dan dua lainnya terluka.",  # "five" in Indonesian, not Lima (Peru)
        "Of the soldiers who were captured, most were released.",  # Of, a town in Turkey
        "Kota itu dikepung selama dua pekan.",  # "city" in Indonesian, not Kota (India)
        "Batu dan kayu dilempar ke arah polisi.",  # "stone", not Batu (East Java)
        "Ordu açıklamasına göre çatışmalar sürüyor.",  # "the army", not Ordu (Turkey)
    ],
)
def test_stopwords_are_not_linked_as_cities(linker: Linker, text: str) -> None:
    cities = [
        m
        for m in linker.kb.gazetteer.find(text)
        if any(i.startswith("city:") for i in m.entity_ids)
    ]
    assert cities == []


def test_a_stopword_city_does_not_become_the_location(linker: Linker) -> None:
    linked = _link_one(
        linker,
        "Milisi serang pos militer di Sagaing",
        "Lima tentara junta tewas ketika milisi menyerang pos militer di wilayah Sagaing, Myanmar.",
        "armed-clash",
        "attack",
        language="id",
    )
    assert linked.location is not None and linked.location.country == "MMR"
    assert linked.location.entity_id == "region:MM-01"


def test_event_place_beats_background_places(linker: Linker) -> None:
    lead = (
        "Kenyan President William Ruto left Nairobi on Tuesday for Yokohama, Japan, where he "
        "will meet Japan's prime minister."
    )
    background = "The two countries restored ties after talks brokered by Turkey in Ankara."
    classified = article(
        "Ruto heads to Japan",
        [lead, background],
        [("diplomatic-engagement", "visit", [1, 0])],  # evidence not in text order
        language="en",
        published_at=published(2025, 8, 19),
    )
    linked = linker.link(classified).linked[0]
    assert linked.location is not None
    assert (linked.location.name, linked.location.country) == ("Yokohama", "JPN")
    roles = {a.country: a.role for a in linked.actors}
    assert roles.get("JPN") == "host" and roles.get("KEN") == "visitor"


def test_currency_is_not_a_country(linker: Linker) -> None:
    found = linker.kb.gazetteer.find("target perdagangan sebesar US$18 miliar dengan AS")
    assert [m.surface for m in found] == ["AS"]
    assert found[0].entity_ids == ("country:USA",)
