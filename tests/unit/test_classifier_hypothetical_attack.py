"""An attack spoken of as a hypothesis ("any new attack", "such an attack
would ...") is a threat or a warning, not fighting (EVENTS.md)."""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH

# (id, language, title, text): warnings only, no fighting reported.
HYPOTHETICAL: list[tuple[str, str, str, str]] = [
    ("en-any-attack", "en", "Iran's army chief issues warning to Israel", """The commander of Iran's armed forces told state television on Tuesday that the country's troops would deliver a swift and crushing response to any new attack on Iranian military bases or nuclear sites.
He did not say what form the response would take.
"""),
    ("de-angriff-wuerde", "de", "Pistorius: Bundeswehr muss sich auf Ernstfall vorbereiten", """Verteidigungsminister Boris Pistorius hat vor den Folgen eines russischen Angriffs auf das Baltikum gewarnt.
Ein Angriff auf Litauen würde die Bundeswehr-Brigade dort unmittelbar in Kämpfe verwickeln, sagte Pistorius am Montag in Berlin.
"""),
    ("es-cualquier-ataque", "es", "Corea del Norte advierte a Seúl y Washington", """El ejército de Corea del Norte afirmó este martes que sus tropas responderán con toda su fuerza a cualquier ataque contra sus posiciones fronterizas durante las maniobras conjuntas de Seúl y Washington.
"""),
    ("ar-ay-hujum", "ar", "الجيش الإيراني يحذر من الرد", """قال قائد الجيش الإيراني اليوم الثلاثاء إن القوات المسلحة سترد بقوة على أي هجوم جديد يستهدف القواعد العسكرية أو المنشآت النووية في البلاد.
"""),
]


@pytest.mark.parametrize(("case_id", "language", "title", "text"),
                         [pytest.param(*c, id=c[0]) for c in HYPOTHETICAL])
def test_hypothetical_attack_is_no_clash(case_id: str, language: str, title: str,
                                         text: str) -> None:
    cases.check_negative(language, cases.negative(case_id, title, text, CLASH))


def test_warning_beside_reported_fighting_keeps_the_fighting() -> None:
    text = """Militants attacked an army checkpoint in the Tirah valley on Monday, triggering a gun battle that lasted several hours, officials said.
The army chief warned that any new attack on security forces would be met with full force.
"""
    found = cases.detection(cases.classify(text, "Militants attack army checkpoint in Tirah"), CLASH)
    assert found is not None
    assert "army checkpoint" in found.evidence[0].text
