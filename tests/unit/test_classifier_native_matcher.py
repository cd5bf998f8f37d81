"""The compiled matcher (services/native) finds exactly what the Python one does.

`TermMatcher.match` over `tokenize` is the reference; `TermMatcher.scan` runs
the Rust tokeniser, lemma coding, key search, case checks and gapped joins.
Every development-set article goes through its own language's matcher, and
texts of every script through every matcher, comparing tokens (offsets and
surfaces) and matches (term, first and last token) in order.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from newsevents.classifier.core import Classifier
from newsevents.classifier.matcher import TermMatcher, native_available, tokenize

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"

# What the lexicons' own articles do not hold: Turkish dotted and dotless
# capitals, combining marks without a base, Burmese stacked consonants,
# numbers of other scripts, underscores, joined Thai and Chinese, a final
# sigma, a lone surrogate (Rust has no such string: Python handles it).
EDGE_TEXTS = [
    "",
    "   \n\n ",
    "İSTANBUL'da IŞİD militanları ile çatışma; Irak ve İran bakanları görüştü.",
    "\u0301\u0301 talks \u0301held",
    "တပ်မတော်နှင့် ကချင်လွတ်မြောက်ရေးတပ်မတော် တိုက်ပွဲ ဖြစ်ပွားခဲ့သည်။",
    "٣ اشتباكات ١٢ ۴۵ १२ snake_case __init__ ½ ² Ⅻ",
    "กองทัพไทยปะทะกับกลุ่มติดอาวุธ 3 ครั้ง中国外交部长王毅会见俄罗斯外长",
    "ΟΔΟΣ talks in Athens ΣΑΣ",
    "talks \ud800 between ministers",
    "Mỹ và Nga hội đàm; AS dan RI bertemu; the UK and US held talks.",
    "x" * 5000,
]


@cache
def matchers() -> dict[str, TermMatcher]:
    return {code: pack.matcher for code, pack in Classifier.load()._packs.items()}


@cache
def devset_texts() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for path in sorted(DEVSET.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.setdefault(path.stem, []).extend([record["title"], record["text"]])
    return texts


def _native_and_reference(matcher: TermMatcher, text: str) -> tuple[object, object]:
    tokens, matches = matcher.scan(text)
    ref_tokens = tokenize(text, matcher.segmentation, matcher.language)
    ref_matches = matcher.match(text, ref_tokens)

    def shape(t: object, ms: list[object]) -> object:
        return (
            [(tok.start, tok.end, tok.surface) for tok in t],  # type: ignore[attr-defined]
            [(m.term.text, m.term.kind, m.first, m.last) for m in ms],  # type: ignore[attr-defined]
        )

    return shape(tokens, list(matches)), shape(ref_tokens, list(ref_matches))


def test_the_compiled_matcher_is_installed() -> None:
    assert native_available(), (
        "newsevents.classifier._native is missing: install Rust >= 1.74 (cargo) and "
        "reinstall the package (make install)"
    )


@pytest.mark.parametrize("language", sorted(devset_texts()))
def test_each_devset_article_matches_as_in_python(language: str) -> None:
    assert native_available()
    matcher = matchers()[language]
    for text in devset_texts()[language]:
        native, reference = _native_and_reference(matcher, text)
        assert native == reference, text[:80]


def test_every_script_through_every_matcher_and_the_edge_cases() -> None:
    assert native_available()
    # The first article of each language, in every other language's matcher.
    samples = [texts[1] for texts in devset_texts().values()] + EDGE_TEXTS
    for name, matcher in matchers().items():
        for text in samples:
            native, reference = _native_and_reference(matcher, text)
            assert native == reference, (name, text[:80])


def test_matches_are_found_at_all() -> None:
    """The comparison above must not pass by both finding nothing."""
    tokens, matches = matchers()["en"].scan(
        "Foreign ministers of France and Germany held talks in Paris on Monday."
    )
    assert len(tokens) == 12
    assert {m.term.kind for m in matches} >= {"trigger", "party"}
