"""Place and date from the sentences around the evidence, and the curated entities:
armed groups named in other languages, ministers, demonyms."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.linker.core import Linker
from newsevents.linker.dates import DateFinder
from newsevents.linker.kb_build import expand_compact
from tests.unit._linker_fixtures import article, published


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


def _gondar(read_also: str) -> list[str]:
    return [
        "GONDAR, Ethiopia (Wire) - Fighting between federal troops and Fano militiamen killed "
        "at least 12 people around Gondar in the Amhara region on 4 March 2025, residents said.",
        read_also,
        "The fighting began before dawn when Fano fighters attacked an army checkpoint.",
    ]


def test_place_and_date_from_the_lead_when_evidence_names_none(linker: Linker) -> None:
    classified = article(
        "Fano fighters clash with army near Gondar",
        _gondar("Residents said shops stayed shut."),
        [("armed-clash", "battle", [2])],
        language="en",
        published_at=published(2025, 3, 6),
    )
    linked = linker.link(classified).linked[0]
    assert linked.location is not None
    assert (linked.location.country, linked.location.precision) == ("ETH", "city")
    assert linked.location.mention is not None and "gondar" in linked.location.mention.lower()
    assert linked.date is not None
    assert (linked.date.start, linked.date.assumed) == (date(2025, 3, 4), False)


def test_a_read_also_line_does_not_give_the_place(linker: Linker) -> None:
    classified = article(
        "Army checkpoint attacked before dawn",
        [
            "Ethiopian officials gave no casualty figures.",
            "READ ALSO: Drone strike hits market in Mekelle",
            "The fighting began before dawn when Fano fighters attacked an army checkpoint.",
        ],
        [("armed-clash", "attack", [2])],
        language="en",
        published_at=published(2025, 3, 6),
    )
    linked = linker.link(classified).linked[0]
    assert linked.location is None or "Mek" not in linked.location.name


def test_bahir_dar_is_linked(linker: Linker) -> None:
    classified = article(
        "Clashes in Amhara",
        ["Ethiopian troops and Fano militiamen exchanged fire near Bahir Dar on 4 March 2025."],
        [("armed-clash", "battle", [0])],
        language="en",
        published_at=published(2025, 3, 6),
    )
    linked = linker.link(classified).linked[0]
    assert linked.location is not None
    assert (linked.location.name, linked.location.country) == ("Bahir Dar", "ETH")
    assert linked.location.latitude is not None


@pytest.mark.parametrize(
    ("language", "sentence", "group", "state"),
    [
        ("ar", "اشتبكت قوات الدعم السريع مع الجيش السوداني قرب الفاشر.", "armed:rsf", "SDN"),
        ("fr", "Les rebelles du M23 ont affronté les FARDC près de Goma.", "armed:m23", "COD"),
        ("es", "Las disidencias de las FARC atacaron una base del Ejército en Cauca.",
         "armed:farc-emc", "COL"),
        ("zh", "缅甸军队与德昂民族解放军在掸邦北部爆发激烈交火。", "armed:tnla", "MMR"),
    ],
)
def test_armed_group_aliases_in_other_languages(
    linker: Linker, language: str, sentence: str, group: str, state: str
) -> None:
    classified = article(
        "", [sentence], [("armed-clash", "battle", [0])], language=language,
        published_at=published(2025, 5, 2),
    )
    actors = linker.link(classified).linked[0].actors
    ids = {a.entity_id for a in actors}
    assert group in ids, actors
    assert any(a.entity_id == group and a.sector == "REB" and a.country == state for a in actors)


def test_a_minister_resolves_to_their_country(linker: Linker) -> None:
    classified = article(
        "Fidan and Abdelatty hold talks in Cairo",
        ["Hakan Fidan met Badr Abdelatty in Cairo on Monday to discuss Gaza and Libya."],
        [("diplomatic-engagement", "meeting", [0])],
        language="en",
        published_at=published(2025, 2, 4),
    )
    actors = linker.link(classified).linked[0].actors
    by_id = {a.entity_id: a for a in actors}
    assert by_id["person:hakan-fidan"].country == "TUR"
    assert by_id["person:hakan-fidan"].sector == "GOV"
    assert by_id["person:badr-abdelatty"].country == "EGY"


def test_demonyms_link_to_their_state(linker: Linker) -> None:
    for language, sentence, state in [
        ("fr", "Les forces ukrainiennes ont repoussé une attaque.", "UKR"),
        ("ru", "Российские войска атаковали позиции у Покровска.", "RUS"),
        ("de", "Die israelische Armee griff Stellungen an.", "ISR"),
        ("ar", "قصف الجيش الإسرائيلي مواقع في جنوب لبنان.", "ISR"),
    ]:
        matches = linker.annotator.matches(sentence)
        ids = {i for m in matches for i in m.entity_ids}
        assert f"country:{state}" in ids or any(i.endswith(state.lower()) for i in ids), (
            language, [(m.surface, m.entity_ids) for m in matches])


def test_compact_notation_expands() -> None:
    endings = {"ru": ["ий", "ая"]}
    assert expand_compact("russ(e|es)", endings) == ["russe", "russes"]
    assert expand_compact("российск(@ru)", endings) == ["российский", "российская"]
    assert expand_compact("Burmese", endings) == ["Burmese"]


@pytest.mark.parametrize(
    ("language", "text", "start", "end"),
    [
        ("en", "The summit will run from 23-26 April in Kazan.", date(2024, 4, 23),
         date(2024, 4, 26)),
        ("id", "Pertemuan berlangsung 23-26 April di Bali.", date(2024, 4, 23), date(2024, 4, 26)),
        ("fr", "Le sommet se tiendra du 3 au 5 mai à Paris.", date(2024, 5, 3), date(2024, 5, 5)),
        ("es", "La cumbre será del 3 al 5 de mayo en Lima.", date(2024, 5, 3), date(2024, 5, 5)),
        ("de", "Das Treffen findet vom 3. bis 5. Mai statt.", date(2024, 5, 3), date(2024, 5, 5)),
        ("en", "Talks were held on May 3-5 in Doha.", date(2024, 5, 3), date(2024, 5, 5)),
    ],
)
def test_date_ranges_across_languages(
    linker: Linker, language: str, text: str, start: date, end: date
) -> None:
    finder: DateFinder = linker.dates
    found = finder.find(text, language, date(2024, 5, 20))
    ranges = [f for f in found if f.start != f.end]
    assert ranges, found
    assert (ranges[0].start, ranges[0].end) == (start, end)
