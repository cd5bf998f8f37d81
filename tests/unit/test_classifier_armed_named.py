"""A battle with no side named is a clash only when its article names armed forces somewhere.

EVENTS.md: an armed clash needs armed actors on at least one side. "Fierce
fighting near X" leaves the sides to the rest of its article; a "battle for
votes" or a "war on gambling" names no force anywhere. Each row is written
for this test.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH

FIGURATIVE = [
    ("en", "Mayor re-elected after bitter race", """The incumbent mayor won a third term on Sunday with 54 percent of the vote, according to the city's election board.
Her challenger conceded late in the evening, calling the campaign a fierce battle that had divided the city.
Turnout was the highest in twenty years, officials said.
"""),
    ("pt", "Estados disputam fábricas com isenções", """Os governadores de cinco estados anunciaram nesta terça-feira novos pacotes de isenção fiscal para atrair montadoras.
Especialistas dizem que a disputa virou uma verdadeira batalha campal entre as secretarias da Fazenda.
A arrecadação deve cair no próximo ano, segundo o relatório.
"""),
]

UNNAMED_SIDES = [
    ("en", "Fighting rages near the river crossing", """Heavy fighting broke out near the river crossing on Tuesday, local officials said.
The army said its units had held the bridge through the night and that rebels had withdrawn to the hills.
Residents fled toward the provincial capital.
"""),
]


@pytest.mark.parametrize(("language", "title", "text"), FIGURATIVE)
def test_a_battle_in_an_article_without_armed_forces_is_no_clash(
        language: str, title: str, text: str) -> None:
    assert cases.verdict(language, title, text, CLASH) is None


@pytest.mark.parametrize(("language", "title", "text"), UNNAMED_SIDES)
def test_a_battle_whose_sides_are_named_elsewhere_is_a_clash(
        language: str, title: str, text: str) -> None:
    found = cases.verdict(language, title, text, CLASH)
    assert found is not None and "fighting broke out" in found.evidence[0].text
