"""Where an event happened, from the signals around its evidence: the dateline a report was
filed under, the headline, the place noun between "in" and a town's name, the place a town
is said to lie in, and the words that only look like places."""

from __future__ import annotations

import pytest

from newsevents.linker.core import Linker
from newsevents.linker.surroundings import dateline
from tests.unit._linker_fixtures import linked_place


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.load()


_place = linked_place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KYIV, 3 March (Reuters) - Ukraine said ...", "KYIV"),
        ("JAKARTA, KOMPAS.com - Pemerintah Indonesia ...", "JAKARTA"),
        ("ISLAMABAD: Chinese Foreign Minister Wang Yi arrived ...", "ISLAMABAD"),
        ("Istanbul/Islamabad (dd) – Ungeachtet neuer Gefechte ...", "Istanbul"),
        ("مأرب – اندلعت اشتباكات عنيفة فجر اليوم", "مأرب"),
        ("新华社贝鲁特10月14日电（记者 刘宗亚）黎巴嫩真主党与以色列军队14日交火。", "新华社贝鲁特"),
        ("နေပြည်တော် ဇွန် ၁၈\n\nပြည်ထောင်စုမြန်မာနိုင်ငံ", "နေပြည်တော်"),
    ],
)
def test_a_dateline_is_recognised_by_its_shape(text: str, place: str) -> None:
    found = dateline(text)
    assert found is not None
    assert found.place_text.endswith(place) or place.endswith(found.place_text)
    assert text.startswith(found.prefix)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow, which has denied sending troops, said on Tuesday ...",
        "Kenya and Ethiopia on Tuesday signed a memorandum of understanding.",
    ],
)
def test_a_sentence_that_starts_with_a_name_is_no_dateline(text: str) -> None:
    assert dateline(text) is None


def test_a_meeting_the_evidence_does_not_place_is_where_the_report_was_filed(
    linker: Linker,
) -> None:
    location = _place(
        linker,
        [
            "VILNIUS - Defence ministers of Lithuania and Estonia met on Wednesday and "
            "agreed to buy counter-drone systems together.",
            "The two ministers also discussed air policing over the Baltic states.",
        ],
        [1],
        "diplomatic-engagement",
        "meeting",
        title="Baltic defence ministers agree joint drone purchases",
        triggers=["discussed"],
    )
    assert location is not None
    assert (location.name, location.country) == ("Vilnius", "LTU")


def test_a_dateline_is_not_where_a_clash_was_fought(linker: Linker) -> None:
    location = _place(
        linker,
        ["ADEN - Houthi rebels shelled government positions in the hills overnight, "
         "killing four soldiers, a military official said."],
        [0],
        "armed-clash",
        "strike",
        title="Houthis shell government positions",
        triggers=["shelled"],
    )
    assert location is None or location.name != "Aden"


def test_a_headline_region_does_not_widen_the_town_the_evidence_names(linker: Linker) -> None:
    location = _place(
        linker,
        ["Three NPA rebels were killed in an encounter with soldiers in Las Navas, "
         "Northern Samar, on Monday morning."],
        [0],
        "armed-clash",
        "battle",
        title="3 NPA rebels killed in Northern Samar encounter",
        triggers=["encounter"],
    )
    assert location is not None
    assert location.name == "Las Navas"


def test_a_headline_joining_two_stories_does_not_move_a_clash_abroad(linker: Linker) -> None:
    location = _place(
        linker,
        ["Pasukan RSF menyerbu markas tentara di kota Babanusa, Negara Bagian Kordofan "
         "Barat, Selasa.",
         "Delegasi kedua pihak dijadwalkan bertemu para mediator di Jeddah, Arab Saudi."],
        [0, 1],
        "armed-clash",
        "attack",
        title="RSF Serbu Markas Tentara di Babanusa Saat Delegasi Bertemu Mediator di Jeddah",
        language="id",
        triggers=["menyerbu"],
    )
    assert location is not None
    assert (location.name, location.country) == ("Babanūsah", "SDN")


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        ("id", ["Pasukan RSF menyerbu markas tentara di kota Babanusa, hanya sehari sebelum "
                "delegasi bertemu para mediator di Jeddah."], "Babanūsah"),
        ("vi", ["Một nhóm tay súng tấn công đồn quân sự tại huyện Bắc Waziristan rạng sáng "
                "27/6.",
                "Một viện nghiên cứu có trụ sở tại Islamabad cho biết đã có hơn 120 vụ tấn công "
                "trong năm tháng."], "North Waziristan"),
    ],
)
def test_in_before_a_place_noun_still_says_where(
    linker: Linker, language: str, sentences: list[str], expected: str
) -> None:
    location = _place(
        linker, sentences, range(len(sentences)), "armed-clash", "attack", language=language,
        triggers=["menyerbu", "tấn công"],
    )
    assert location is not None
    assert location.name == expected


def test_a_town_followed_by_the_place_it_lies_in_is_that_places_namesake(
    linker: Linker,
) -> None:
    location = _place(
        linker,
        ["Tentera Israel bertempur dengan pejuang Hamas di Rafah, selatan Gaza, pada Ahad."],
        [0],
        "armed-clash",
        "battle",
        language="ms",
        triggers=["bertempur"],
    )
    assert location is not None
    assert (location.name, location.country) == ("Rafaḩ", "PSE")


def test_words_that_only_look_like_places_are_not_linked(linker: Linker) -> None:
    vietnamese = _place(
        linker,
        ["Nhóm công tác bàn về vùng biển ngoài cửa Vịnh Bắc Bộ đã tiến hành vòng đàm phán "
         "thứ 17."],
        [0],
        "diplomatic-engagement",
        "negotiation",
        language="vi",
        triggers=["vòng đàm phán"],
    )
    assert vietnamese is None or vietnamese.name != "Vinh"
    portuguese = linker.annotator.matches("XXIX Reunião Ordinária do Conselho de Ministros")
    assert not any("country:REU" in m.entity_ids for m in portuguese)
    arabic = linker.annotator.matches("وكان رئيس الوزراء قد وصل")
    assert not any(i.startswith("city:") for m in arabic for i in m.entity_ids)
