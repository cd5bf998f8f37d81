"""Seats of government as venues, neighbours named "across the border", states named only
in a clash report's background sentences, Turkish "in the north of" and Vietnamese dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from newsevents.linker.core import Linker
from newsevents.linker.dates import resolve_date
from newsevents.linker.mentions import _locative
from newsevents.messages import LinkedDetection
from tests.unit._linker_fixtures import linked_detection, published


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


def _link(
    linker: Linker, paragraphs: Sequence[str], event_type: str, subtype: str, **options: Any
) -> LinkedDetection:
    return linked_detection(linker, paragraphs, event_type, subtype,
                            published_at=published(2025, 9, 16), **options)


def _countries(linked: LinkedDetection) -> set[str | None]:
    return {a.country for a in linked.actors}


# --- a seat of government named as the venue is its city ----------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "language", "city"),
    [
        (["Le président ivoirien a été accueilli jeudi à l'Élysée pour un entretien "
          "consacré à la sécurité régionale.",
          "Il doit ensuite se rendre à Lyon pour visiter une usine."], "fr", "Paris"),
        (["A presidenta do Chile foi recebida no Palácio do Planalto para uma reunião "
          "sobre comércio bilateral.",
          "Depois, seguiu para Manaus."], "pt", "Brasília"),
        (["The Kazakh president held talks in the Kremlin with his Russian counterpart.",
          "He later flew on to Kazan for a trade fair."], "en", "Moscow"),
        (["Der polnische Ministerpräsident wurde im Kanzleramt zu Regierungskonsultationen "
          "empfangen.",
          "Anschließend reiste er nach Hamburg weiter."], "de", "Berlin"),
        (["Dışişleri Bakanı bugün Şam'a giderek Suriyeli mevkidaşıyla görüştü.",
          "Bakan daha sonra Halep'e geçti."], "tr", "Damascus"),
    ],
)
def test_a_seat_of_government_as_venue_places_the_meeting_in_its_city(
    linker: Linker, paragraphs: list[str], language: str, city: str
) -> None:
    linked = _link(linker, paragraphs, "diplomatic-engagement", "visit", evidence=(0, 1),
                   language=language)
    assert linked.location is not None and linked.location.name == city


def test_a_seat_of_government_that_speaks_for_it_is_no_venue(linker: Linker) -> None:
    """"The Kremlin said": the government speaking, not where the fighting was."""
    linked = _link(
        linker,
        ["Ukrainian and Russian troops fought for the village through the night, "
         "the Kremlin said on Monday."],
        "armed-clash",
        "battle",
    )
    assert linked.location is None or linked.location.name != "Moscow"


# --- a country after "the border with" is a neighbour --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Insurgents stormed a Niger army base in Tillabéri, close to the border with "
         "Mali and Burkina Faso, on Sunday.", "en"),
        ("Militan menyerbu pos tentara Niger di Tillabéri, tidak jauh dari perbatasan "
         "dengan Mali dan Burkina Faso.", "id"),
    ],
)
def test_countries_across_the_border_are_no_side(
    linker: Linker, sentence: str, language: str
) -> None:
    linked = _link(linker, [sentence], "armed-clash", "attack", language=language)
    assert "NER" in _countries(linked)
    assert not {"MLI", "BFA"} & _countries(linked)


# --- a state named only in a later sentence of a clash report -----------------------------


def test_a_state_only_mentioned_after_the_fighting_is_no_side(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Sudanese army units repelled a Rapid Support Forces assault on El Fasher.",
         "Egypt has called for an immediate ceasefire in the city."],
        "armed-clash",
        "battle",
        evidence=(0, 1),
    )
    assert "SDN" in _countries(linked)
    assert "EGY" not in _countries(linked)


def test_a_later_state_is_kept_when_it_is_the_only_other_side(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Armenian troops came under fire overnight on a section of the frontier, the "
         "defence ministry in Yerevan said.",
         "The ministry blamed Azerbaijan for opening fire first."],
        "armed-clash",
        "battle",
        evidence=(0, 1),
    )
    assert {"ARM", "AZE"} <= _countries(linked)


# --- how the article's language writes "in" and the date ----------------------------------


@pytest.mark.parametrize(
    ("text", "name", "where"),
    [
        ("Savaş uçakları Irak'ın kuzeyindeki mağaraları vurdu.", "Irak", True),
        ("Operasyon Suriye'nin doğusunda sürüyor.", "Suriye", True),
        ("Heyet Azerbaycan'ın başkentine gitti.", "Azerbaycan", False),  # "to its capital"
    ],
)
def test_turkish_in_the_north_of_a_country_is_where(
    linker: Linker, text: str, name: str, where: bool
) -> None:
    """"Irak'ın kuzeyinde": in the north of Iraq, a place, not a side."""
    start = text.index(name)
    assert _locative(text, start, start + len(name), linker.kb.cues) is where


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Sáng 3/9, hai bộ trưởng quốc phòng đã hội đàm tại Viêng Chăn.", date(2025, 9, 3),
         date(2025, 9, 3)),
        ("Trong hai ngày 10-11/9, đoàn đại biểu đã làm việc tại Phnôm Pênh.",
         date(2025, 9, 10), date(2025, 9, 11)),
    ],
)
def test_vietnamese_day_and_month_after_the_time_of_day(
    linker: Linker, sentence: str, start: date, end: date
) -> None:
    span = resolve_date(linker.dates, [sentence], "vi", published(2025, 9, 16),
                        use_dateparser=False)
    assert span is not None and not span.assumed
    assert (span.start, span.end) == (start, end)


def test_a_vietnamese_score_is_no_date(linker: Linker) -> None:
    span = resolve_date(linker.dates, ["Đội khách thắng 2/1 trên sân nhà."], "vi",
                        published(2025, 9, 16), use_dateparser=False)
    assert span is not None and span.assumed


# --- frontline "directions" and names that start with another place's name ----------------


@pytest.mark.parametrize(
    ("sentence", "language", "place"),
    [
        ("За добу на Торецькому напрямку ворог дев'ять разів штурмував позиції ЗСУ.", "uk",
         "Toretsk direction"),
        ("На Купянском направлении российские войска атаковали позиции ВСУ.", "ru",
         "Kupiansk direction"),
    ],
)
def test_a_frontline_direction_is_an_area_of_its_town(
    linker: Linker, sentence: str, language: str, place: str
) -> None:
    linked = _link(linker, [sentence], "armed-clash", "battle", language=language)
    assert linked.location is not None and linked.location.name == place
    assert linked.location.precision == "region"


def test_a_village_on_a_direction_is_more_precise(linker: Linker) -> None:
    linked = _link(
        linker,
        ["На Харківському напрямку українські підрозділи відбили штурм у Вовчанську."],
        "armed-clash",
        "battle",
        language="uk",
    )
    assert linked.location is not None and linked.location.name == "Vovchansk"


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("胡塞武装在马里卜省南部发动进攻", "region:YE-MA"),
        ("รัฐมนตรีทั้งสองพบกันที่หลวงพระบาง", "city:1655559"),
    ],
)
def test_a_name_that_starts_with_a_country_is_its_own_place(
    linker: Linker, text: str, entity_id: str
) -> None:
    found = [m.entity_ids for m in linker.kb.gazetteer.find(text)]
    assert (entity_id,) in found
    assert ("country:MLI",) not in found
