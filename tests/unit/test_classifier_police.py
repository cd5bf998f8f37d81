"""Police facing a crowd is a riot; police facing armed men is a clash.

EVENTS.md excludes protests and riots but counts police in combat. When the
only force a sentence names is the police (with no military target), the
other side is a crowd, youths, fans or villagers: no armed clash. Each row
is written for this test.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH

RIOTS = [
    ("en", "Night of unrest in port city", """Clashes broke out overnight between police and groups of young men in two districts of the port city, local officials said on Sunday.
Several cars were set on fire and shop windows smashed before calm returned around 3 a.m.
The mayor called for restraint and said schools would reopen on Monday.
"""),
    ("fr", "Nuit agitée à Sainte-Marie", """Des heurts ont opposé dans la nuit de samedi à dimanche des bandes de jeunes aux policiers dans le quartier des Tilleuls, a indiqué la préfecture.
Plusieurs poubelles et deux voitures ont été incendiées, sans faire de blessés graves.
Le maire a appelé au calme et annoncé une réunion avec les associations du quartier.
"""),
    ("id", "Bentrok usai laga, 12 orang diamankan", """Bentrokan antara polisi dan ratusan warga pecah di depan balai desa Sukamaju, Minggu (16/11) malam, setelah pengumuman hasil pemilihan kepala desa.
Kapolres setempat mengatakan 12 orang diamankan dan situasi kini kondusif.
Kerugian ditaksir mencapai puluhan juta rupiah.
"""),
]

COMBAT = [
    ("en", "Police and insurgents trade fire in district", """Police exchanged fire with insurgents for several hours on Tuesday in the hills outside the district town, officials said.
Two officers were wounded in the gunfight, according to the provincial police chief.
Security has been tightened on the main road.
"""),
    ("fr", "Attaque contre une brigade de gendarmerie", """Des hommes armés ont attaqué dans la nuit de lundi à mardi une brigade de gendarmerie dans le nord du pays, et les gendarmes ont riposté pendant plus d'une heure, a annoncé l'état-major.
Trois assaillants ont été neutralisés selon le communiqué.
Les renforts sont arrivés au petit matin.
"""),
]


@pytest.mark.parametrize(("language", "title", "text"), RIOTS)
def test_police_facing_a_crowd_is_no_clash(language: str, title: str, text: str) -> None:
    assert cases.verdict(language, title, text, CLASH) is None


@pytest.mark.parametrize(("language", "title", "text"), COMBAT)
def test_police_facing_armed_men_is_a_clash(language: str, title: str, text: str) -> None:
    assert cases.verdict(language, title, text, CLASH) is not None
