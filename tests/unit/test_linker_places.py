"""Where an event happened: the place nearest to the words that state it, the most
specific one inside it, local names of towns and districts, and no place for a call."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsevents.evaluation import kb_place_ids, place_matches
from newsevents.linker.core import Linker
from newsevents.messages import Place
from tests.unit._linker_fixtures import linked_place


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


def _place(
    linker: Linker,
    paragraphs: Sequence[str],
    event_type: str,
    subtype: str,
    *,
    title: str = "",
    language: str = "en",
    triggers: Sequence[str] = (),
) -> Place | None:
    return linked_place(linker, paragraphs, range(len(paragraphs)), event_type, subtype,
                        title=title, language=language, triggers=triggers)


def test_the_place_next_to_the_trigger_wins_over_one_named_in_passing(linker: Linker) -> None:
    location = _place(
        linker,
        [
            "Kenya and Ethiopia on Tuesday signed an accord on cross-border power trade "
            "which, according to officials in Nairobi, will lower electricity prices.",
            "The accord was signed in Addis Ababa by the two energy ministers.",
        ],
        "diplomatic-engagement",
        "agreement",
        title="Kenya and Ethiopia sign power accord",
        triggers=["signed"],
    )
    assert location is not None
    assert location.name == "Addis Ababa"


def test_a_call_has_no_place(linker: Linker) -> None:
    location = _place(
        linker,
        ["Speaking by telephone from Jakarta, President Prabowo Subianto told President "
         "Volodymyr Zelensky of Ukraine that Indonesia backs a prisoner exchange."],
        "diplomatic-engagement",
        "call",
        title="Prabowo and Zelensky speak by phone",
        triggers=["telephone"],
    )
    assert location is None


def test_a_nationality_is_a_party_not_a_place(linker: Linker) -> None:
    location = _place(
        linker,
        ["Ukrainian drones struck an ammunition depot overnight, Russian officials said."],
        "armed-clash",
        "strike",
        title="Drones strike depot overnight",
        triggers=["struck"],
    )
    assert location is None or location.precision != "country"


def test_a_town_refines_the_region_its_sentence_places_it_in(linker: Linker) -> None:
    location = _place(
        linker,
        ["Government forces recaptured the town of Moqokori in Hiiraan region on Sunday "
         "after a battle with al-Shabaab."],
        "armed-clash",
        "battle",
        title="Somali army retakes town",
        triggers=["recaptured"],
    )
    assert location is not None
    assert (location.name, location.precision, location.country) == ("Moqokori", "city", "SOM")


def test_a_town_in_another_sentence_refines_a_country(linker: Linker) -> None:
    location = _place(
        linker,
        [
            "O Presidente condecorou esta terça-feira, no Palácio de Belém, em Lisboa, "
            "o primeiro-ministro de Cabo Verde.",
            "O governante cabo-verdiano encontra-se em Portugal para uma visita oficial.",
        ],
        "diplomatic-engagement",
        "honour",
        language="pt",
        triggers=["condecorou", "visita oficial"],
    )
    assert location is not None
    assert (location.name, location.precision) == ("Lisbon", "city")


def test_a_district_beats_the_province_it_lies_in(linker: Linker) -> None:
    location = _place(
        linker,
        ["Militants attacked an army checkpoint in North Waziristan in Khyber "
         "Pakhtunkhwa province, killing six soldiers."],
        "armed-clash",
        "attack",
        title="Six soldiers killed in checkpoint attack",
        triggers=["attacked"],
    )
    assert location is not None
    assert (location.name, location.precision) == ("North Waziristan", "region")
    assert location.entity_id is not None and location.entity_id.startswith("region:")


def test_two_districts_of_one_province_widen_to_the_province(linker: Linker) -> None:
    location = _place(
        linker,
        ["Fighting was reported in North Waziristan and South Waziristan overnight, "
         "Pakistan's army said."],
        "armed-clash",
        "battle",
        title="Clashes in the tribal districts",
        triggers=["Fighting"],
    )
    assert location is not None
    assert (location.entity_id, location.precision) == ("region:PK-KP", "region")


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # Burmese: the capital and a township of the Sagaing war.
        ("my", "စစ်ခေါင်းဆောင်သည် နေပြည်တော်တွင် အာဆီယံ အထူးကိုယ်စားလှယ်နှင့် တွေ့ဆုံခဲ့သည်။",
         "Nay Pyi Taw"),
        ("my", "ကနီမြို့နယ်တွင် PDF တပ်များက စစ်ကောင်စီ ယာဉ်တန်းကို တိုက်ခိုက်ခဲ့သည်။",
         "Kani Township"),
        # Thai: a district of the deep south, its province after it.
        ("th", "คนร้ายบุกโจมตีฐานทหารพรานที่อำเภอบาเจาะ จังหวัดนราธิวาส ชายแดนใต้ของไทย", "Bacho"),
        # Hindi: a valley on the Line of Control.
        ("hi", "कुपवाड़ा के लोलाब में सुरक्षाबलों और आतंकियों के बीच मुठभेड़ हुई।", "Lolab Valley"),
        # German capitalises the noun before the town: it is not a first name.
        ("de", "In der Hauptstadt Chișinău traf die Ministerin am Dienstag Präsidentin Sandu.",
         "Chisinau"),
        # Arabic: a governorate by its Arabic name.
        ("ar", "هاجم الحوثيون مواقع الجيش غرب محافظة مأرب مساء الثلاثاء.", "Ma’rib"),
    ],
)
def test_local_names_of_towns_districts_and_regions(
    linker: Linker, language: str, sentence: str, expected: str
) -> None:
    location = _place(linker, [sentence], "armed-clash", "battle", language=language)
    assert location is not None
    assert location.name == expected


def test_the_evaluation_accepts_another_spelling_of_the_same_place() -> None:
    ids = kb_place_ids()
    # The town a Ukrainian article calls "Саки" is in the KB as "Saki".
    (saki,) = ids("Saky")
    predicted = {"name": "Saki", "country": "UKR", "entity_id": saki, "precision": "city"}
    gold = {"name": "Saky", "country": "UKR", "precision": "city"}
    assert not place_matches(predicted, gold)
    assert place_matches(predicted, gold, ids)
    elsewhere = {"name": "Sumy", "country": "UKR", "precision": "city"}
    assert not place_matches(predicted, elsewhere, ids)


def test_a_country_gone_to_is_a_visit_venue_but_not_a_battlefield(linker: Linker) -> None:
    clash = _place(
        linker,
        ["Junta militer Myanmar makin merapat ke Rusia di tengah serangan kelompok "
         "bersenjata yang kian gencar di negara bagian Shan."],
        "armed-clash",
        "attack",
        language="id",
        triggers=["serangan"],
    )
    assert clash is not None and clash.country == "MMR"
    visit = _place(
        linker,
        ["Menteri Luar Negeri Thailand bertolak ke Rusia untuk kunjungan resmi tiga hari."],
        "diplomatic-engagement",
        "visit",
        language="id",
        triggers=["kunjungan resmi"],
    )
    assert visit is not None and visit.country == "RUS"
