"""The compiled cleaner (services/native) cleans exactly as the Python one does.

`python_scan_lines`, `Cleaner.python_line_kinds`, `Cleaner.python_refine` and
`python_assemble` are the reference; the native `scan`, `kinds`, `refine` and
`assemble` are called directly (not through the public functions, which fall
back to Python on their own) and must return the same lines, kinds and
cleaned text on every development-set article, on bench articles, and on
hostile text: random Unicode, controls, line separators, surrogates, very
long lines, titles repeated as lines, and lines built from the pieces each
shape rule looks at, so that its edge cases turn up.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from newsevents.classifier import cleaning
from newsevents.classifier.cleaning import (
    DROP,
    KEEP,
    LINKS,
    MARKER,
    CleanedText,
    Cleaner,
    ScannedLine,
    ScannedText,
    python_assemble,
    python_scan_lines,
)
from tests.unit.classifier_lang_cases import classifier

pytestmark = pytest.mark.skipif(
    not cleaning.native_cleaning_available(),
    reason="newsevents.classifier._native has no NativeCleaning (extension missing or built "
           "before the compiled cleaner): only the Python cleaner runs, nothing to compare",
)

DEVSET = Path(__file__).resolve().parents[1] / "data" / "devset"
BENCH_ARTICLES = 1_000
# English and Indonesian furniture, as in test_classifier_work_once.
FURNITURE = ("Read more:\nRusia klaim kuasai desa di Donetsk\nShare this article\n"
             "Baca juga:\nPhoto: Reuters/John Doe\nADVERTISEMENT\n")

# The pieces the shape rules look at: brackets, bylines, datelines, URLs,
# capitals, credits, sentence ends, unspaced scripts, and characters whose
# case, folding, normalisation or spacing is unusual.
PIECES = [
    "(", ")", "[", "]", "{", "}", "<", ">", "/", ",", ".", ":", " ", " ", " ", "  ", "\t",
    "\xa0", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\u3000", "\u200b", "-", "–", "—", "---",
    "a", "word", "Word", "WORD", "AFP", "REUTERS", "Photo", "Foto", "photo", "Ảnh", "Фото",
    "http://", "https://", "HTTPS://", "httpſ://", "www.", "WWW.", "wWw.", "h", "w",
    "x" * 15, "y" * 16, "z" * 26, "Jakarta", "JAKARTA", "KOMPAS.com", "(Reuters)",
    "’", "'", "\"", "”", "»", "…", "!", "?", "。", "！", "؟", "।",
    "ß", "ẞ", "İ", "ı", "K", "Å", "ǅ", "ﬁ", "Ⓐ", "ⓐ", "ŉ", "ΣΑΣ", "ς",
    "e\u0301", "\u0301", "\u0327", "가", "\u1100\u1161", "\u11a8", "ค่", "ที่", "ำ",
    "မီ", "\u1025\u102e", "ज़", "\u0928\u093c", "，", "：", "（", "１２", "²", "½",
    "中文", "ภาษาไทย" * 8, "汉字" * 30, "_", "0", "٣", "Ⅻ", "😀", "𝐀𝐁𝐂", "\U00020000",
    "\u2028", "\u2029", "\r", "\n", "\r\n", "\x00", "\x7f", "•", "▸", "*", "·",
]


@cache
def cleaners() -> dict[str, Cleaner]:
    """The union cleaner ("") and each language's own."""
    clf = classifier()
    found = {"": clf._cleaner}
    for code, pack in clf._packs.items():
        assert pack.cleaner is not None
        found[code] = pack.cleaner
    return found


def devset_articles() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(DEVSET.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            found.append((record.get("language", ""), record.get("title", ""), record["text"]))
    return found


def bench_articles() -> list[tuple[str, str, str]]:
    from bench.corpus import generate

    return [(a["_lang"], a["title"], a["text"]) for a in generate(BENCH_ARTICLES)]


# Near misses of each furniture shape come from small alphabets around it.
_NAME = ["a", "B", "é", "_", "7", ".", "ก", "中", "\u0301", "-"]
_GAP = ["", "", " ", "  ", "\t", "\xa0", "\u2003"]


def _name(rng: random.Random, most: int, odd: float = 0.3) -> str:
    """Letters, digits, "_" and ".", and now and then a character outside `[\\w.]`."""
    alphabet = _NAME if rng.random() < odd else _NAME[:8]
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, most)))


def _shaped_line(rng: random.Random) -> str:
    shape = rng.randrange(5)
    if shape == 0:  # a byline: "(ant/rd)"
        parts = [_name(rng, rng.choice([3, 15, 16]), 0.1) for _ in range(rng.randint(1, 6))]
        inner = parts[0] + "".join(
            rng.choice(_GAP) + rng.choice(["/", ",", "/", ",", ";", ""]) + rng.choice(_GAP) + part
            for part in parts[1:]
        )
        return (rng.choice(["(", "(", "", "[("]) + rng.choice(_GAP) + inner + rng.choice(_GAP)
                + rng.choice([")", ")", "", "))", ") x"]))
    if shape == 1:  # a widget: "[...]"
        opening = rng.choice("[{<")
        closing = {"[": "]", "{": "}", "<": ">"}[opening]
        inner = "".join(rng.choice(["a", " ", "[", "{", "<", "]", "}", ">"]) for _ in range(
            rng.randint(0, 6)))
        return opening + inner + rng.choice([closing, closing, "", "x"])
    if shape == 2:  # a dateline alone: "Jakarta, Indonesia --"
        place = [*_NAME[:8], " ", " ", "'", "’", "(", ")"]
        odd = [",", "-", "\u0301", "\t", "/"]
        line = "".join(
            rng.choice(place if rng.random() < 0.97 else odd)
            for _ in range(rng.choice([1, 2, 3, 20, 39, 40, 41, 42, 60]))
        )
        if rng.random() < 0.5:
            line += "," + "".join(rng.choice(place) for _ in range(rng.choice([1, 2, 40, 41])))
        return line + rng.choice(_GAP) + rng.choice(["-", "--", "–—-", "----", "—", ""])
    if shape == 3:  # a credit: "Foto: AFP/MANAN", "AP Photo/Jane"
        word = rng.choice(["Foto", "x" * rng.randint(20, 27), "é" * 25, "_", ""])
        agency = rng.choice(["AFP", "afp", "É", "A.B", "A", ""])
        return (rng.choice(["", "(", "a", " ", "ab"]) + word + rng.choice(_GAP) + ":"
                + rng.choice(_GAP) + agency + rng.choice(_GAP)
                + rng.choice(["/", "", "//"]) + rng.choice(_GAP) + rng.choice(["X", "", ".", "é"])
                + rng.choice(["", " AP Photo/Jane", " xAP Photo /", " AP  Photo", " (AP Photo/J)",
                              " A Photo/", " EPA Photos/"]))
    return (rng.choice(["http", "HTTP", "hTtP", "www", "WWW", "wwW", "htt", "ww"])  # a URL
            + rng.choice(["", "s", "S", "ſ", "://", "."]) + rng.choice(["://", ".", ":/", ""])
            + rng.choice(["", "x", "x y", "\u00a0", "é.com/ß"]))


def _random_text(rng: random.Random) -> tuple[str, str]:
    """A text of random lines and a title, often one of its lines."""
    lines = []
    for _ in range(rng.randint(0, 12)):
        kind = rng.random()
        if kind < 0.3:
            line = _shaped_line(rng)
        elif kind < 0.6:
            line = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        elif kind < 0.8:
            line = "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 80)))
            line = "".join(c for c in line if not 0xD800 <= ord(c) <= 0xDFFF)
        elif kind < 0.9:
            line = " ".join(rng.choice(PIECES) for _ in range(rng.randint(50, 200)))
        else:
            line = "".join(chr(rng.randint(0, 0x2FF)) for _ in range(rng.randint(1, 30)))
        lines.append(line)
    text = rng.choice(["\n", "\r\n", "\u2028", "\n\n", " \n\t"]).join(lines)
    title = ""
    if lines and rng.random() < 0.5:
        title = rng.choice(lines)
        title = rng.choice([title, title.upper(), title.lower() + " !", "  " + title])
    elif rng.random() < 0.5:
        title = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 10)))
    return title, text


def hostile_texts() -> Iterator[tuple[str, str]]:
    yield "", ""
    yield "", "   \n\n\t \u2028 \r\n"
    yield "Title", "Title"
    yield "Title", "\n".join(["Title"] * 5)
    yield "a" * 70, "a" * 70 + "\n" + "a" * 65 + "!\n" + ("a" * 70).upper()
    yield "", "x" * 100_000
    yield "", ("word " * 20_000) + "\n" + "(AFP)" * 30
    yield "", "\n".join("".join(chr(c) for c in range(start, start + 400)
                                 if not 0xD800 <= c <= 0xDFFF)
                         for start in range(0x20, 0x30000, 397))
    rng = random.Random(20261127)
    for _ in range(3_000):
        yield _random_text(rng)


def _compare(title: str, text: str, language: str = "") -> int:
    """Native and reference agree on `text`; the number of native steps taken."""
    native = cleaning._native_cleaning()
    assert native is not None
    reference = python_scan_lines(text, title)
    scanned = ScannedText(native.scan(text, title))
    assert scanned == reference, (title, text)
    assert scan_types(scanned) == scan_types(reference)
    assert all(type(line) is ScannedLine for line in scanned.lines)
    steps = 1
    union = cleaners()[""]
    own = cleaners().get(language) or cleaners()["en"]
    assert union._native is not None and own._native is not None
    kinds = union._native.kinds(scanned.lines)
    assert kinds == union.python_line_kinds(reference), (title, text)
    refined = own._native.refine(scanned.lines, kinds)
    assert refined == own.python_refine(reference, kinds), (title, text)
    assert own._native.kinds(scanned.lines) == own.python_line_kinds(reference), (title, text)
    for decided in (kinds, refined):
        found = native.assemble(scanned.lines, decided)
        expected = python_assemble(reference, decided)
        if found is None:  # a kept line is not NFC: Python's `_append_nfc` does it
            assert any(not unicodedata.is_normalized("NFC", line.text) for line in reference.lines)
        else:
            text_, segments, markers_used = found
            assert CleanedText(text_, tuple(segments), markers_used) == expected, (title, text)
            steps += 1
        assert cleaning.assemble(scanned, decided) == expected
    return steps


def scan_types(scanned: ScannedText) -> list[tuple[type, ...]]:
    return [tuple(map(type, line)) for line in scanned.lines]


def test_devset_articles_clean_as_in_python() -> None:
    articles = devset_articles()
    assert len(articles) >= 1_000
    assembled = 0
    for language, title, text in articles:
        assembled += _compare(title, text, language) - 1
        assembled += _compare(title, FURNITURE + text + "\n" + FURNITURE, language) - 1
    # Nearly every article is assembled natively, not handed back to Python.
    assert assembled >= 0.95 * 4 * len(articles)


def test_bench_articles_clean_as_in_python() -> None:
    for language, title, text in bench_articles():
        _compare(title, text, language)


def test_hostile_text_cleans_as_in_python() -> None:
    for title, text in hostile_texts():
        _compare(title, text)


def test_every_cleaner_decides_as_in_python() -> None:
    """Each language's markers, on each language's articles with furniture added."""
    by_language: dict[str, list[tuple[str, str]]] = {}
    for language, title, text in devset_articles():
        by_language.setdefault(language, []).append((title, FURNITURE + text))
    native = cleaning._native_cleaning()
    assert native is not None
    for code, cleaner in cleaners().items():
        assert cleaner._native is not None
        for title, text in by_language.get(code, [])[:40] + by_language["en"][:10]:
            scanned = python_scan_lines(text, title)
            assert cleaner._native.kinds(scanned.lines) == cleaner.python_line_kinds(scanned)


def photo_lines(cleaner: Cleaner, words: list[str], rng: random.Random) -> Iterator[str]:
    """Lines with a photo word before a colon, the word reaching each edge of
    the window the photo check reads (`_photo_reach` characters before the
    word's end), in the cases the regex reads differently."""
    reach = cleaner._photo_reach
    for word in words:
        for _ in range(6):
            variant = rng.choice([word, word.upper(), word.lower(), word.title(),
                                  word.replace("s", "ſ"), word[:-1], "x" + word])
            for before in {0, 1, 2, reach - len(word) - 1, reach - len(word),
                           reach - len(word) + 1, reach - len(word) + 2}:
                lead = "".join(rng.choice(["x", " ", "(", ".", "é", "\t", ":"])
                               for _ in range(max(0, before - 1)))
                if before > 0:
                    lead += rng.choice([" ", "(", ".", "x", "\xa0", "\u3000"])
                yield (lead + variant + rng.choice(["", " ", "\t ", "\xa0"]) + ":"
                       + rng.choice(["", " ", "X", " AFP/X", "\t", " : ", ": x", " Reuters"]))


def test_photo_credits_are_found_as_in_python() -> None:
    clf = classifier()
    rng = random.Random(7)
    union_words = sorted({w for pack in clf._packs.values() for w in pack.lexicon.photo})
    for code, cleaner in cleaners().items():
        words = union_words if not code else sorted(clf._packs[code].lexicon.photo)
        lines = list(photo_lines(cleaner, words, rng))
        assert lines
        for start in range(0, len(lines), 50):
            _compare("", "\n".join(lines[start:start + 50]), code)


@pytest.mark.parametrize("cleaner", [
    Cleaner(),
    Cleaner(read_also=["Read more", "baca juga", "ALSO READ:", "  "],
            photo=["Foto", "photo credit"], share=["Share this article", ""]),
    Cleaner(photo=["ſ", "İ", "x"]),
], ids=["no markers", "a few markers", "odd photo words"])
def test_cleaners_made_by_hand_decide_as_in_python(cleaner: Cleaner) -> None:
    assert cleaner._native is not None
    rng = random.Random(11)
    for title, text in list(hostile_texts())[:800]:
        text = FURNITURE + text + "\nİ: AFP/X\nſ : x\nphoto credit: Y"
        scanned = python_scan_lines(text, title)
        kinds = cleaner._native.kinds(scanned.lines)
        assert kinds == cleaner.python_line_kinds(scanned), (title, text)
        others = [rng.choice([KEEP, DROP, MARKER, LINKS]) for _ in kinds]
        assert cleaner._native.refine(scanned.lines, others) == cleaner.python_refine(
            scanned, others)


def test_surrogates_fall_back_to_python() -> None:
    native = cleaning._native_cleaning()
    assert native is not None
    text = "Talks \ud800 held\nRead more:\nPhoto: AFP/X \udfff\n"
    with pytest.raises(UnicodeEncodeError):
        native.scan(text, "")
    scanned = cleaning.scan_lines(text, "Talks")
    assert scanned == python_scan_lines(text, "Talks")
    union = cleaners()[""]
    kinds = union.line_kinds(scanned)
    assert kinds == union.python_line_kinds(scanned)
    assert cleaning.assemble(scanned, kinds) == python_assemble(scanned, kinds)


def test_public_functions_agree_with_the_reference() -> None:
    union = cleaners()[""]
    for title, text in list(hostile_texts())[:300]:
        scanned = cleaning.scan_lines(text, title)
        assert scanned == python_scan_lines(text, title)
        kinds = union.line_kinds(scanned)
        assert kinds == union.python_line_kinds(scanned)
        assert union.refine(scanned, kinds) == union.python_refine(scanned, kinds)
        assert cleaning.assemble(scanned, kinds) == python_assemble(scanned, kinds)
        assert union.clean(text, title) == python_assemble(scanned, kinds)
