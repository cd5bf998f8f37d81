"""Names as the article's language writes them: Russian and Ukrainian case endings,
Arabic proclitics, Turkish locative suffixes, Hindi and Persian, and the arrival time
standing in for a missing publication time."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.linker.core import Linker
from newsevents.linker.dates import resolve_date
from newsevents.messages import LinkedDetection
from tests.unit._linker_fixtures import article, published


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


def _place(
    linker: Linker, text: str, language: str, event: str = "diplomatic-engagement"
) -> LinkedDetection:
    subtype = "agreement" if event == "diplomatic-engagement" else "battle"
    classified = article(
        "", [text], [(event, subtype, [0])], language=language, published_at=published(2025, 4, 2)
    )
    return linker.link(classified).linked[0]


@pytest.mark.parametrize(
    ("text", "language", "city"),
    [
        # prepositional case: the nominative "Ташкент" is what the KB holds
        (
            "Кыргызстан и Узбекистан во вторник подписали в Ташкенте соглашение о воде.",
            "ru",
            "Tashkent",
        ),
        # a stem that changes its last vowel: "Москва" -> "в Москве"
        ("Министры Казахстана и Китая подписали в Москве меморандум.", "ru", "Moscow"),
        # Arabic writes "in" onto the name: "بنواكشوط"
        ("وقع المغرب وموريتانيا، أمس الثلاثاء بنواكشوط، مذكرة تفاهم.", "ar", "Nouakchott"),
        # Turkish locative after an apostrophe: "Astana'da"
        ("Nişan, Cuma günü Astana'da düzenlenen törenle takdim edildi.", "tr", "Astana"),
    ],
)
def test_inflected_and_cliticised_place_names(
    linker: Linker, text: str, language: str, city: str
) -> None:
    linked = _place(linker, text, language)
    assert linked.location is not None
    assert (linked.location.name, linked.location.precision) == (city, "city")


def test_a_weekday_is_not_a_town(linker: Linker) -> None:
    # "Cuma" (Friday) is also a GeoNames town in Angola: it must not win over Astana.
    linked = _place(linker, "Nişan Cuma günü Kazakistan Dışişleri Bakanı tarafından verildi.", "tr")
    assert linked.location is None or linked.location.country == "KAZ"


def test_hindi_country_names_with_or_without_nukta(linker: Linker) -> None:
    for spelling in ("न्यूजीलैंड", "न्यूज़ीलैंड"):
        linked = _place(
            linker, f"{spelling} के प्रधानमंत्री ने भारत के प्रधानमंत्री से द्विपक्षीय वार्ता की।", "hi"
        )
        assert {a.country for a in linked.actors} >= {"NZL", "IND"}, spelling


def test_persian_place_after_dar(linker: Linker) -> None:
    linked = _place(
        linker,
        "وزیر کشور ایران و وزیر کشور پاکستان روز سه‌شنبه در اسلام‌آباد تفاهم‌نامه امضا کردند.",
        "fa",
    )
    assert linked.location is not None and linked.location.name == "Islamabad"


def test_an_igo_is_not_a_side_of_a_clash(linker: Linker) -> None:
    linked = _place(
        linker,
        "Sudanese Armed Forces fought the Rapid Support Forces near El Fasher, "
        "the United Nations said.",
        "en",
        event="armed-clash",
    )
    assert linked.actors and all(a.sector != "IGO" for a in linked.actors)


def test_a_country_in_a_later_sentence_of_a_meeting_is_a_topic(linker: Linker) -> None:
    classified = article(
        "",
        [
            "Jordan's King Abdullah II received Iraqi Prime Minister "
            "Mohammed Shia al-Sudani in Amman.",
            "The two leaders discussed the situation in Syria and regional security.",
        ],
        [("diplomatic-engagement", "meeting", [0, 1])],
        language="en",
        published_at=published(2025, 4, 2),
    )
    countries = {a.country for a in linker.link(classified).linked[0].actors}
    assert countries == {"JOR", "IRQ"}


def test_date_falls_back_to_received_at(linker: Linker) -> None:
    classified = article(
        "",
        ["The two ministers signed the agreement on Tuesday in Jakarta."],
        [("diplomatic-engagement", "agreement", [0])],
        language="en",
        published_at=None,
    )
    arrived = classified.article.model_copy(update={"received_at": published(2025, 4, 3)})  # Thu
    classified = classified.model_copy(update={"article": arrived})
    when = linker.link(classified).linked[0].date
    assert when is not None and when.start == date(2025, 4, 1)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Die Außenminister trafen sich am Morgen in Berlin zu Gesprächen.", "de"),
        # "ساعت ۱۱" is the hour 11, which dateparser reads as 1 November
        ("دو وزیر ساعت ۱۱ در تهران دیدار و گفت‌وگو کردند.", "fa"),
    ],
)
def test_words_that_only_look_like_dates(linker: Linker, sentence: str, language: str) -> None:
    when = resolve_date(linker.dates, [sentence], language, published(2025, 4, 2))
    assert when is not None
    assert (when.start, when.assumed) == (date(2025, 4, 2), True)
