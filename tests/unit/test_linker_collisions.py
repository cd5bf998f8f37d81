"""Names that collide with another entity's: a country's name that is also a town, an
acronym several forces share, a metonym several governments use, a group fighting
abroad, a headline rounding up other stories, and "in" written onto the name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from newsevents.linker.core import Linker
from newsevents.linker.gazetteer import Match
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
                            published_at=published(2025, 2, 11), **options)


def _countries(linked: LinkedDetection) -> set[str | None]:
    return {a.country for a in linked.actors}


# --- a country's name that is also a town of the country the article is about ----------


@pytest.mark.parametrize(
    "sentence",
    [
        # a place noun before the name
        "Guerrilleros del ELN hostigaron a una patrulla del Ejército colombiano en zona "
        "rural del municipio de Argelia durante la noche del lunes.",
        # the town followed by its department
        "Una patrulla del Ejército de Colombia fue emboscada cerca de Argelia, Cauca, "
        "por guerrilleros del ELN.",
    ],
)
def test_a_colombian_town_named_like_algeria_is_the_town(linker: Linker, sentence: str) -> None:
    linked = _link(linker, [sentence], "armed-clash", "attack", language="es")
    assert "DZA" not in _countries(linked)
    assert linked.location is not None
    assert (linked.location.name, linked.location.country) == ("Argelia", "COL")


def test_algeria_is_still_the_country_where_the_article_names_it(linker: Linker) -> None:
    linked = _link(
        linker,
        ["El canciller de Argelia se reunió en Bogotá con su homólogo de Colombia para "
         "hablar de comercio."],
        "diplomatic-engagement",
        "meeting",
        language="es",
    )
    assert {"DZA", "COL"} <= _countries(linked)


# --- acronyms and metonyms that need their country named --------------------------------


def test_fds_of_mozambique_are_not_syrias_sdf(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Insurgentes emboscaram uma coluna das FDS perto de Mocímboa da Praia, em "
         "Moçambique, na madrugada de sábado."],
        "armed-clash",
        "attack",
        language="pt",
    )
    assert "armed:sdf" not in {a.entity_id for a in linked.actors}
    assert "SYR" not in _countries(linked)


def test_fds_in_a_report_on_syria_are_the_sdf(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Les FDS ont repoussé un assaut de l'État islamique près de Deir ez-Zor, dans "
         "l'est de la Syrie."],
        "armed-clash",
        "battle",
        language="fr",
    )
    assert "armed:sdf" in {a.entity_id for a in linked.actors}


def test_another_governments_foreign_office_is_not_london(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Pakistan's Foreign Office said Ishaq Dar held talks with Turkey's foreign "
         "minister in Islamabad on Monday."],
        "diplomatic-engagement",
        "meeting",
    )
    assert "GBR" not in _countries(linked)
    assert {"PAK", "TUR"} <= _countries(linked)


def test_the_foreign_office_of_an_article_about_britain_is_london(linker: Linker) -> None:
    linked = _link(
        linker,
        ["The Foreign Office hosted Kenya's foreign minister for talks in London, the "
         "British government said."],
        "diplomatic-engagement",
        "meeting",
    )
    assert "GBR" in _countries(linked)


# --- a group based in one country fighting another country's forces on its soil ---------


def test_a_malian_based_group_attacking_burkinabe_troops_counts_with_burkina(
    linker: Linker,
) -> None:
    linked = _link(
        linker,
        ["JNIM fighters overran a Burkina Faso army outpost in Djibo before troops "
         "pushed them back."],
        "armed-clash",
        "attack",
    )
    jnim = [a for a in linked.actors if a.entity_id == "armed:jnim"]
    assert jnim and jnim[0].country == "BFA"
    assert "MLI" not in _countries(linked)


def test_a_group_struck_abroad_by_foreign_forces_keeps_its_country(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Turkish troops struck PKK positions in the Zap area of northern Iraq on Friday."],
        "armed-clash",
        "strike",
    )
    pkk = [a for a in linked.actors if a.entity_id == "armed:pkk"]
    assert pkk and pkk[0].country == "TUR"


# --- headlines that round up the day's stories -------------------------------------------


def test_a_round_up_headline_does_not_place_another_story(linker: Linker) -> None:
    title = "News roundup: gunmen raid a police post in Yala; minister receives Lao envoy"
    linked = _link(
        linker,
        ["The foreign minister on Tuesday received the outgoing ambassador of Laos and "
         "presented him with a royal decoration."],
        "diplomatic-engagement",
        "honour",
        title=title,
    )
    assert linked.location is None or linked.location.name != "Yala"
    # The same headline without the round-up label is taken to be this story's.
    plain = _link(
        linker,
        ["Gunmen traded fire with police for an hour before fleeing."],
        "armed-clash",
        "attack",
        title="Gunmen raid a police post in Yala",
    )
    assert plain.location is not None and plain.location.name == "Yala"


# --- "in" written onto the name in unspaced scripts ---------------------------------------


def _is_locative(linker: Linker, text: str, name: str) -> bool:
    start = text.index(name)
    match = Match(start, start + len(name), name, ())
    return _locative(text, match.start, match.end, linker.kb.cues)


def test_chinese_zai_before_a_place_is_in(linker: Linker) -> None:
    assert _is_locative(linker, "两国外长昨日在河内举行会谈", "河内")
    assert not _is_locative(linker, "现在河内的天气很好", "河内")  # "now", not "in"


def test_burmese_locative_after_a_place_is_in(linker: Linker) -> None:
    assert _is_locative(linker, "ဝန်ကြီးနှစ်ဦး မန္တလေးမြို့၌ တွေ့ဆုံခဲ့ကြသည်။", "မန္တလေး")
    assert _is_locative(linker, "အစည်းအဝေးကို နေပြည်တော်တွင် ကျင်းပသည်။", "နေပြည်တော်")
    assert not _is_locative(linker, "မန္တလေး သတင်း", "မန္တလေး")


def test_vietnamese_bay_is_no_place_in_the_curated_cues(linker: Linker) -> None:
    assert "vịnh" in linker.kb.cues.not_place_surfaces
    assert "vinh" not in linker.kb.cues.not_place_surfaces


# --- organisations: a city inside the name, and an organisation that was only discussed --


def test_a_city_inside_an_organisations_name_is_not_the_venue(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Les ministres de la Défense de l'Organisation de coopération de Shanghai se "
         "sont réunis mardi à Astana."],
        "diplomatic-engagement",
        "meeting",
        language="fr",
    )
    assert linked.location is not None
    assert (linked.location.name, linked.location.country) == ("Astana", "KAZ")


def test_an_organisation_named_only_later_was_discussed_not_present(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Indonesia's foreign minister held talks with her Japanese counterpart in Tokyo "
         "on Monday.",
         "The two also discussed their work at the United Nations and within ASEAN."],
        "diplomatic-engagement",
        "meeting",
        evidence=(0, 1),
    )
    ids = {a.entity_id for a in linked.actors}
    assert not ids & {"org:un", "org:asean"}
    assert {"IDN", "JPN"} <= _countries(linked)


def test_an_organisation_in_the_lead_is_a_party(linker: Linker) -> None:
    linked = _link(
        linker,
        ["NATO's secretary general met Poland's president in Warsaw on Thursday.",
         "They discussed air defence along the eastern flank."],
        "diplomatic-engagement",
        "meeting",
        evidence=(0, 1),
    )
    assert "org:nato" in {a.entity_id for a in linked.actors}


# --- a roll-call of the states that took part ---------------------------------------------


def test_a_list_of_states_after_from_took_part(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Defence ministers of the Baltic region met in Riga on Friday.",
         "The talks brought together ministers from Estonia, Lithuania and Poland, with "
         "Finland joining by video."],
        "diplomatic-engagement",
        "meeting",
        evidence=(0, 1),
    )
    assert {"EST", "LTU", "POL"} <= _countries(linked)


def test_a_list_of_partners_met_another_time_did_not(linker: Linker) -> None:
    linked = _link(
        linker,
        ["Malaysia's foreign minister met his Thai counterpart in Kuala Lumpur on Monday.",
         "Both will see partners including Japan, India and Australia next month."],
        "diplomatic-engagement",
        "meeting",
        evidence=(0, 1),
    )
    assert not {"JPN", "IND", "AUS"} & _countries(linked)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("De violents combats ont éclaté près d'Uvira mardi.", "Uvira"),
        ("Les FARDC ont repoussé les rebelles dans le Nord-Kivu.", "Nord-Kivu"),
        ("Бои продолжаются под Покровском.", "Покровском"),
        ("Бої тривають біля Покровська.", "Покровська"),
        ("Schwere Gefechte bei Pokrowsk am Morgen.", "Pokrowsk"),
        ("Enfrentamientos cerca de Tibú, en el Catatumbo.", "Tibú"),
    ],
)
def test_near_and_inside_place_the_fighting(linker: Linker, sentence: str, place: str) -> None:
    # Front-line copy places a clash by the nearest town: "near X" says where as "in X" does.
    assert _is_locative(linker, sentence, place)


def test_an_elided_word_that_is_no_preposition_is_not_in(linker: Linker) -> None:
    assert not _is_locative(linker, "Le président d'Uvira a parlé.", "Uvira")
