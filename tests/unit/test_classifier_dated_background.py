"""A sentence dated only to earlier years retells background; a main clause
closed before a speculated one still reports its event.

Each row is written for this test.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsevents.messages import RawArticle
from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import DIP

# The cases' articles are published in June 2025.
PAST_YEARS = [
    ("en", "Lisbon and Rabat eye new ferry link", """Portugal and Morocco are studying a new ferry link between Portimão and Tangier, port officials said on Friday.
The last summit between the two governments was held in 2024 in Lisbon, where the prime ministers signed a maritime cooperation accord.
A feasibility study is due by the end of the year.
"""),
    ("fr", "Le port de Sète mise sur le Maghreb", """Le port de Sète veut doubler son trafic vers l'Afrique du Nord d'ici cinq ans, a annoncé vendredi sa direction.
En 2023, les ministres des Transports de la France et de l'Algérie s'étaient rencontrés à Alger pour relancer les lignes de fret.
Les armateurs attendent encore les nouveaux créneaux.
"""),
]

ANCHORED = [
    ("en", "Japan and Vietnam review partnership", """The foreign ministers of Japan and Vietnam met in Hanoi on Monday to review the partnership agreement their governments signed in 2023, the ministry said.
They also discussed maritime security and labour migration.
"""),
]


@pytest.mark.parametrize(("language", "title", "text"), PAST_YEARS)
def test_a_sentence_dated_only_to_earlier_years_is_background(
        language: str, title: str, text: str) -> None:
    assert cases.verdict(language, title, text, DIP) is None


@pytest.mark.parametrize(("language", "title", "text"), ANCHORED)
def test_a_sentence_dated_to_the_present_still_reports(
        language: str, title: str, text: str) -> None:
    assert cases.verdict(language, title, text, DIP) is not None


def test_last_december_is_news_in_january() -> None:
    text = ("The foreign ministers of Japan and Vietnam met in Hanoi in late December 2024 and agreed to expand labour migration, the ministry said in its year-end review.\n"
            "Officials said the details would be published in the spring.\n")
    article = RawArticle(id="t", title="Tokyo and Hanoi widen labour deal", text=text,
                         published_at=datetime(2025, 1, 8, 9, 0, tzinfo=UTC))
    result = cases.classifier().classify(article, pipeline_version="test")
    assert cases.detection(result, DIP) is not None


def test_a_call_before_a_speculated_clause_is_still_a_call() -> None:
    text = ("Ukraine's foreign minister held a phone call with his Turkish counterpart on Tuesday, discussing the possibility of resuming prisoner-exchange talks in Istanbul.\n"
            "The Turkish ministry confirmed the call in a short statement.\n")
    found = cases.detection(cases.classify(text, "Kyiv and Ankara discuss prisoner swaps"), DIP)
    assert found is not None and found.subtype == "call"


def test_a_speculated_meeting_stays_speculation() -> None:
    text = ("Talk of a possible meeting between the presidents of Brazil and Argentina has picked up in Brasília this week, but officials on both sides said nothing had been scheduled.\n"
            "Trade between the two countries fell by 8 percent last year.\n")
    assert cases.detection(cases.classify(text, "Lula and Milei summit talk grows"), DIP) is None
