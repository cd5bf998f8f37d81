"""Negatives that read close to events: officials meeting companies, a
ceasefire that holds, a war film. Each row is written for this test.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

NEGATIVES = [
    # A minister and a foreign company's executives: business, not diplomacy.
    ("en", "Minister reviews rail project with contractor", """Zambia's Minister of Works on Monday met senior executives of China Railway Construction Corporation in Lusaka to review progress on the delayed railway line, the ministry said.
The contractor promised to finish the first section by December.
""", DIP),
    # A ceasefire that holds is a state, not an engagement of the day.
    ("fr", "Au Sud-Kivu, le retour prudent des déplacés", """Le cessez-le-feu, conclu sous la médiation du Qatar entre Kinshasa et les rebelles de l'AFC/M23, semble tenir dans la plupart des territoires.
Des milliers de déplacés ont commencé à regagner leurs villages, selon les agences humanitaires.
""", DIP),
    # A film review: its battles are fiction.
    ("en", "Review: a war film that never lets up", """The new war film from the acclaimed director opens in cinemas on Friday, and its trailer has already drawn millions of views.
In the film's central set piece, soldiers fight a fierce battle for a bridge while enemy tanks advance through the fog.
The actress who plays the field nurse gives the movie its heart, and the box office forecast is strong.
""", CLASH),
]


@pytest.mark.parametrize(("language", "title", "text", "event_type"), NEGATIVES)
def test_close_negatives_are_no_events(language: str, title: str, text: str, event_type: str) -> None:
    assert cases.verdict(language, title, text, event_type) is None
