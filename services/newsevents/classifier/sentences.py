"""Sentence spans of the cleaned text, with offsets.

sentencex does the splitting (it knows per-language conventions); we map its
output back onto the text, re-join splits after abbreviations it does not know
("Jl.", "Kol.", "Laksamana Dr."), and fall back to punctuation splitting when
it cannot handle the input. Runaway "sentences" (scraped tables, text without
punctuation) are cut into bounded chunks so evidence stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sentencex import segment

_FALLBACK = re.compile(r"[^.!?。！？؟]*[.!?。！？؟]+['\"”’»)]*|[^.!?。！？؟]+$")
# The lookbehind starts a match only where a word starts: without it a search
# retries inside the word from every character, quadratic in its length.
_LAST_WORD = re.compile(r"(?<![\w.])([\w.]+)\.\W*$")
_LINE = re.compile(r"[^\n]+")
_MAX_SENTENCE = 1000
_CHUNK = 400


# Thai marks the end of a sentence with a space, but also puts spaces around
# names, numbers and clauses; a space between two Thai letters ends a sentence
# once the sentence is long enough to say something, so "นายสมชาย ธนวัฒน์" and
# "11 ก.ย. 2567" stay whole and evidence keeps its subject and verb together.
_THAI_BREAK = re.compile(r"(?<=[\u0e01-\u0e4e])[ \t\u00a0]+(?=[\u0e01-\u0e4e])")
_THAI_MIN_SENTENCE = 80


def _thai_pieces(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for gap in _THAI_BREAK.finditer(line):
        if gap.start() - start >= _THAI_MIN_SENTENCE:
            pieces.append(line[start:gap.start()])
            start = gap.end()
    pieces.append(line[start:])
    return [p for p in pieces if p.strip()]


# Burmese ends a sentence with "။" only; sentencex also cuts at "၏", which in
# news is the possessive ("of"), and would split a clause from its subject.
_BURMESE_SENTENCE = re.compile(r"[^။]*။+['\"”’»)]*|[^။]+$")


def _pieces(language: str, line: str) -> list[str]:
    if language == "th":
        return _thai_pieces(line)
    if language == "my":
        return [m.group() for m in _BURMESE_SENTENCE.finditer(line) if m.group().strip()]
    try:
        return [p for p in segment(language, line) if p.strip()]
    except Exception:  # sentencex on arbitrary input: fall back, never fail the article
        return [m.group() for m in _FALLBACK.finditer(line) if m.group().strip()]


def _chunks(start: int, end: int, text: str) -> Iterator[tuple[int, int]]:
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _CHUNK // 2, start + _CHUNK)
        cut = cut if cut > start else start + _CHUNK
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def split_sentences(
    text: str, language: str, abbreviations: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        spans.extend(line_sentences(text, line.start(), line.end(), language, abbreviations))
    return spans


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line: sentences never cross a line."""
    return [m.span() for m in _LINE.finditer(text)]


def line_sentences(
    text: str, base: int, line_end: int, language: str,
    abbreviations: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """`split_sentences` for the one line text[base:line_end]."""
    spans: list[tuple[int, int]] = []
    body = text[base:line_end]
    cursor = 0
    merged: list[tuple[int, int]] = []
    for piece in _pieces(language, body):
        stripped = piece.strip()
        found = body.find(stripped, cursor)
        if found < 0:
            continue
        start, end = found, found + len(stripped)
        cursor = end
        previous = merged[-1] if merged else None
        if previous is not None:
            tail = _LAST_WORD.search(body[max(previous[0], previous[1] - 40):previous[1]])
            word = tail.group(1).lower() if tail else ""
            # "Jl." / "Kol." / an initial "A." do not end a sentence.
            if word and (word in abbreviations or (len(word) == 1 and word.isalpha())):
                merged[-1] = (previous[0], end)
                continue
        merged.append((start, end))
    for start, end in merged:
        spans.extend(_chunks(base + start, base + end, text))
    return spans
