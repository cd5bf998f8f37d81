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
from dataclasses import dataclass

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
# once the sentence is long enough to say something, so "11 ก.ย. 2567" stays
# whole and evidence keeps its subject and verb together, unless the words
# beside it bind it (`SpaceJoins`): "สมเด็จฮุน มาเนต นายกรัฐมนตรีกัมพูชา" is
# one name and title, wherever the 80th character falls.
_THAI_BREAK = re.compile(r"(?<=[\u0e01-\u0e4e])[ \t\u00a0]+(?=[\u0e01-\u0e4e])")
_THAI_MIN_SENTENCE = 80
# A clause of subject, verb and object is longer than this; a shorter rest of
# the line ("กล่าว", "อ.สัตหีบ") belongs to the sentence before it.
_THAI_MIN_TAIL = 20
# Given names written straight after a title ("พล.อ.วีรชัย", "สมเด็จฮุน"),
# surnames and the other parts of a name are at most this long, and a word
# this short standing alone between spaces (a name part, a list item) starts
# no sentence.
_THAI_NAME = 12
# Malay, Chinese and Thai names run to a few space-separated parts after the
# one holding the title ("ดาโต๊ะ ซรี อาห์หมัด ฟาอิซ").
_THAI_NAME_PARTS = 4
# Enough of the sentence so far to hold a name and its title.
_THAI_LOOK_BACK = 160
# "ฯ" abbreviates like a dot ("นายกฯ", "สหรัฐฯ"); "ฯลฯ" (et cetera) ends a list.
_THAI_ABBREVIATION = "ฯ"
_THAI_ET_CETERA = "ฯลฯ"
_WORD_AFTER = re.compile(r"\S*")
_NUMBER_END = re.compile(r"\d$")


@dataclass(frozen=True, slots=True)
class SpaceJoins:
    """Words that keep a space from ending a sentence, where spaces end them (Thai).

    All are matched on the space-separated word beside the space, and Thai
    writes words without spaces: `titles` anywhere in the word before it,
    `not_after` at its end, `not_before`, `appositions` and `openers` at the
    start of the word after it; `addresses` at the start of the word after it
    and anywhere in the word before it.
    """

    titles: tuple[str, ...] = ()  # "นาย", "พล.อ.": a given name follows
    title_lookalikes: tuple[str, ...] = ()  # "นายก", "นายทหาร": start with a title, are none
    appositions: tuple[str, ...] = ()  # "นายกรัฐมนตรี": describe the name before them
    not_after: tuple[str, ...] = ()  # "กับ", "ของ": need the words after them
    not_before: tuple[str, ...] = ()  # "ซึ่ง", "เพื่อ", "จ.": continue the words before them
    addresses: tuple[str, ...] = ()  # "อำเภอ", "จังหวัด": a larger unit continues a smaller
    openers: tuple[str, ...] = ()  # "อย่างไรก็ตาม": do start a sentence


NO_JOINS = SpaceJoins()


def _ends_in_name(words: list[str], joins: SpaceJoins) -> bool:
    """The last of `words` ends in a title and at most a given name ("หารือกับสมเด็จฮุน")."""
    word = words[-1]
    for title in joins.titles:
        at = word.rfind(title)
        if at < 0 or len(word) - at - len(title) > _THAI_NAME:
            continue
        if word.startswith(joins.title_lookalikes, at):
            continue
        # "ทหาร 2 นาย" counts soldiers: "นาย" after a number is no title.
        if at == 0 and len(words) > 1 and _NUMBER_END.search(words[-2]):
            continue
        return True
    return False


def _in_name(words: list[str], joins: SpaceJoins) -> bool:
    """The last of `words` ends a person's name: a title and given name, then short parts."""
    for end in range(len(words), max(0, len(words) - _THAI_NAME_PARTS), -1):
        if _ends_in_name(words[:end], joins):
            return True
        if len(words[end - 1]) > _THAI_NAME:
            return False
    return False


def _thai_joined(
    line: str, start: int, gap: re.Match[str], text_end: int, joins: SpaceJoins
) -> bool:
    """The space `gap` in `line`, in a sentence begun at `start`, is inside it.

    `text_end` is where the line's text ends, before any trailing space.
    """
    if text_end - gap.end() < _THAI_MIN_TAIL:
        return True
    # Only the words next to the space are read: a line of many spaces must
    # not cost the square of its length.
    words = line[max(start, gap.start() - _THAI_LOOK_BACK):gap.start()].split()
    if not words:
        return False
    left = words[-1]
    right_match = _WORD_AFTER.match(line, gap.end())
    right = right_match.group() if right_match else ""
    if left.endswith(_THAI_ABBREVIATION) and not left.endswith(_THAI_ET_CETERA):
        return True
    if left.endswith(joins.not_after) or left.startswith(joins.openers):
        return True
    if _ends_in_name(words, joins):
        return True  # a surname follows
    if right.startswith(joins.openers):
        return False
    # "กระสุน 14 ลูก ตกห่างหมู่บ้าน": a number and its measure word count
    # something the sentence goes on to say more about.
    if len(words) > 1 and len(left) <= _THAI_NAME and _NUMBER_END.search(words[-2]):
        return True
    if right.startswith(joins.not_before):
        return True
    if right.startswith(joins.addresses) and any(unit in left for unit in joins.addresses):
        return True
    # "นายสมชาย ธนวัฒน์ รัฐมนตรีว่าการกระทรวง... ให้การต้อนรับ": a name, who
    # they are, and what they did.
    if right.startswith(joins.appositions) and _in_name(words, joins):
        return True
    if left.startswith(joins.appositions) and _in_name(words[:-1], joins):
        return True
    # A lone short word (a surname, a list item, "จังหวัดตาก") starts no sentence.
    return len(right) <= _THAI_NAME


def _thai_pieces(line: str, joins: SpaceJoins = NO_JOINS) -> list[str]:
    pieces: list[str] = []
    start = 0
    text_end = len(line.rstrip())
    for gap in _THAI_BREAK.finditer(line):
        if gap.start() - start < _THAI_MIN_SENTENCE:
            continue
        if _thai_joined(line, start, gap, text_end, joins):
            continue
        pieces.append(line[start:gap.start()])
        start = gap.end()
    pieces.append(line[start:])
    return [p for p in pieces if p.strip()]


# Burmese ends a sentence with "။" only; sentencex also cuts at "၏", which in
# news is the possessive ("of"), and would split a clause from its subject.
_BURMESE_SENTENCE = re.compile(r"[^။]*။+['\"”’»)]*|[^။]+$")


def _pieces(language: str, line: str, joins: SpaceJoins) -> list[str]:
    if language == "th":
        return _thai_pieces(line, joins)
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
    text: str, language: str, abbreviations: frozenset[str] = frozenset(),
    joins: SpaceJoins = NO_JOINS,
) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        spans.extend(line_sentences(text, line.start(), line.end(), language, abbreviations,
                                    joins))
    return spans


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line: sentences never cross a line."""
    return [m.span() for m in _LINE.finditer(text)]


def line_sentences(
    text: str, base: int, line_end: int, language: str,
    abbreviations: frozenset[str] = frozenset(), joins: SpaceJoins = NO_JOINS,
) -> list[tuple[int, int]]:
    """`split_sentences` for the one line text[base:line_end]."""
    spans: list[tuple[int, int]] = []
    body = text[base:line_end]
    cursor = 0
    merged: list[tuple[int, int]] = []
    for piece in _pieces(language, body, joins):
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
