"""The month-name automaton finds exactly what the names' regex finds.

`name_spans` replaces `pattern.finditer` (one C pass instead of every name
tried at every character); the regex stays as the reference. Every dev-set
text goes through its own language's names, plus texts made to trip the
word boundaries and overlapping names.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.classifier.monthdates import _LOCALES, _names, name_spans

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"

EDGE_TEXTS = [
    "", "July", "Julyy July_ _July 3July July3 (July) July-August", "Sept. 3, Sep 3 September",
    "le 3 juillet et juillet dernier; Juillet 2025", "im Juli, Juli 2025, Julis",
    "2025年7月，去年10月", "ဇူလိုင်လ ၂၀၂၅", "กรกฎาคม 2568 ก.ค. 68", "تیر ۱۴۰۴ و تموز 2025",
    "в июле прошлого года, у липні 2025", "Temmuz ayında, geçen temmuz",
]


def _texts(language: str) -> list[str]:
    path = DEVSET / f"{language}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [row["text"] for row in rows] + [row["title"] for row in rows] + EDGE_TEXTS


@pytest.mark.parametrize("language", sorted(_LOCALES))
def test_automaton_finds_what_the_regex_finds(language: str) -> None:
    names = _names(language)
    assert names is not None
    for text in _texts(language):
        expected = [(m.start(), m.end()) for m in names.pattern.finditer(text)]
        assert name_spans(names, text) == expected, text[:80]


def test_month_names_are_found_at_all() -> None:
    names = _names("en")
    assert names is not None
    assert name_spans(names, "in July 2025 and 3 September") == [(3, 7), (19, 28)]
