"""Villages and districts the KB does not list, named by the word that says what they
are: the place of a clash when the text says it happened there, with the country of
the known place they are tied to; a village gives way to its municipality."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pytest

from newsevents.linker.core import Linker
from newsevents.linker.kb import Cues
from newsevents.linker.unlisted import UnlistedFinder
from newsevents.messages import Place
from tests.unit._linker_fixtures import linked_place


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


@pytest.fixture(scope="module")
def cues(linker: Linker) -> Cues:
    return linker.kb.cues


def _clash_place(
    linker: Linker, paragraphs: Sequence[str], triggers: Sequence[str], *, language: str = "en"
) -> Place | None:
    return linked_place(linker, paragraphs, range(len(paragraphs)), "armed-clash", "battle",
                        title="", language=language, triggers=triggers)


def test_a_village_beats_the_town_it_is_measured_from(linker: Linker) -> None:
    location = _clash_place(
        linker,
        ["M23 fighters and Congolese troops exchanged fire for most of Friday near the "
         "village of Tshimbwe, roughly 25 km north of Goma, local officials said."],
        ["exchanged fire"],
    )
    assert location is not None
    assert (location.name, location.country, location.precision) == ("Tshimbwe", "COD", "city")
    assert location.entity_id.startswith("unlisted:COD:")


def test_a_village_gives_way_to_its_named_municipality(linker: Linker) -> None:
    location = _clash_place(
        linker,
        ["Insurgentes e militares trocaram tiros na madrugada de sábado na aldeia de "
         "Lupilichi, distrito de Mitande, na província de Cabo Delgado."],
        ["trocaram tiros"],
        language="pt",
    )
    assert location is not None
    assert (location.name, location.country, location.precision) == ("Mitande", "MOZ", "region")


def test_a_village_tied_to_a_known_town_keeps_the_town(linker: Linker) -> None:
    location = _clash_place(
        linker,
        ["Rebels overran an army outpost in the village of Tassik, Kidal region, after a "
         "battle of several hours."],
        ["battle"],
    )
    assert location is not None
    assert location.country == "MLI" and location.name != "Tassik"


def test_a_district_named_after_its_own_word_refines_the_province(linker: Linker) -> None:
    location = _clash_place(
        linker,
        ["Naglaban ang mga sundalo at mga rebelde nang halos isang oras sa bayan ng "
         "Pangantucan, Bukidnon, noong Huwebes, ayon sa militar. Nasa Pilipinas ang "
         "insidente."],
        ["Naglaban"],
        language="tl",
    )
    assert location is not None
    assert (location.name, location.country) == ("Pangantucan", "PHL")


def test_a_village_people_came_from_is_not_where_the_fighting_was(linker: Linker) -> None:
    location = _clash_place(
        linker,
        ["Fighting between the army and M23 rebels went on in Rutshuru on Monday, and "
         "families from the village of Kibirizi fled towards the lake."],
        ["Fighting"],
    )
    assert location is not None
    assert location.name == "Rutshuru"


def test_the_finder_reads_the_name_on_either_side_of_its_word(cues: Cues) -> None:
    finder = UnlistedFinder(cues)
    found = finder.find("Gunmen stormed a police post in Khyber's Lakki Marwat tehsil at dawn.")
    assert [(f.name, f.precision, f.said_where) for f in found] == [
        ("Lakki Marwat", "region", True)
    ]
    found = finder.find("Pasukan junta diserang di Perbandaran Natmauk, Wilayah Magway.")
    assert [(f.name, f.said_where) for f in found] == [("Natmauk", True)]


def test_a_capitalised_word_opening_a_sentence_is_no_name(cues: Cues) -> None:
    finder = UnlistedFinder(cues)
    assert finder.find("The district said the road would reopen.") == []
    assert finder.find("Officials of the village of the dead were quoted.") == []


def test_a_name_after_a_shortened_rank_is_a_person_not_a_town(linker: Linker) -> None:
    text = "A firefight followed, said Maj. Carmen Villanueva, who speaks for the brigade."
    mentions = linker.annotator.resolve(
        text, linker.annotator.matches(text), Counter({"PHL": 4})
    )
    carmen = [m for m in mentions if m.surface == "Carmen"]
    assert carmen and all(m.after_name for m in carmen)
    # A town after a full stop that ends a sentence is still a town.
    text = "Troops were sent to Goma. Carmen was quiet on Sunday."
    mentions = linker.annotator.resolve(
        text, linker.annotator.matches(text), Counter({"PHL": 4})
    )
    assert not any(m.after_name for m in mentions if m.surface == "Carmen")


def test_in_a_village_of_a_town_says_where(linker: Linker) -> None:
    text = "Rebels and the army fought in a village of Rutshuru until nightfall."
    mentions = linker.annotator.resolve(
        text, linker.annotator.matches(text), Counter({"COD": 2})
    )
    assert [m.locative for m in mentions if m.surface == "Rutshuru"] == [True]


def test_where_a_visitor_flies_home_to_is_not_the_venue(linker: Linker) -> None:
    location = linked_place(
        linker,
        ["Yang di-Pertuan Agong menganugerahkan pingat kehormat kepada Menteri Pertahanan "
         "Filipina, yang berada di Malaysia, dalam majlis di Istana Negara pagi tadi.",
         "Menteri itu akan bertemu rakan sejawatnya esok sebelum terbang pulang ke Manila."],
        range(2), "diplomatic-engagement", "honour", language="ms",
        triggers=["menganugerahkan", "bertemu"],
    )
    assert location is not None
    assert (location.name, location.country) == ("Kuala Lumpur", "MYS")


def test_a_palace_two_capitals_share_goes_to_the_country_in_the_story(linker: Linker) -> None:
    location = linked_place(
        linker,
        ["Presiden Indonesia menerima kunjungan kenegaraan Presiden Vietnam di Istana "
         "Negara pada Senin, dan keduanya menandatangani tiga nota kesepahaman."],
        range(1), "diplomatic-engagement", "visit", language="id",
        triggers=["menerima kunjungan"],
    )
    assert location is not None
    assert (location.name, location.country) == ("Jakarta", "IDN")
