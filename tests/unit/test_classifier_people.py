"""Leaders and ministers named without their titles are the sides of an engagement.

"Macron spoke with Zelensky by phone" names two states through their
leaders (the linker's list of people); a leader named alone with his own
ministers is domestic politics. Each row is written for this test.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import DIP

CALLS = [
    ("en", "Leaders discuss air defence", """Macron spoke with Zelensky by phone on Tuesday about air defence and reconstruction, the Elysee said.
The two men agreed to meet again at the next European summit.
"""),
    ("fr", "Échange téléphonique sur la défense aérienne", """Emmanuel Macron s'est entretenu par téléphone mardi avec Volodymyr Zelensky au sujet de la défense aérienne, a indiqué l'Élysée.
Les deux hommes doivent se revoir lors du prochain sommet européen.
"""),
]

DOMESTIC = [
    ("id", "Prabowo gelar rapat terbatas soal harga beras", """Prabowo Subianto memimpin rapat terbatas bersama sejumlah menteri di Istana Merdeka, Jakarta, Selasa (10/6), membahas stabilitas harga beras.
Usai rapat, Menteri Koordinator Bidang Pangan mengatakan pemerintah akan menambah operasi pasar.
"""),
]


@pytest.mark.parametrize(("language", "title", "text"), CALLS)
def test_leaders_named_without_titles_make_a_call(language: str, title: str, text: str) -> None:
    found = cases.verdict(language, title, text, DIP)
    assert found is not None
    assert any("Zelensky" in e.text and "Macron" in e.text for e in found.evidence)


@pytest.mark.parametrize(("language", "title", "text"), DOMESTIC)
def test_a_leader_with_his_own_ministers_is_domestic(language: str, title: str, text: str) -> None:
    assert cases.verdict(language, title, text, DIP) is None
