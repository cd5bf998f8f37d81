"""Scraper boilerplate removal by line features, keeping a map to the original.

News bodies are paragraphs of full sentences; what scrapers leave around them
(ads, captions, bylines, datelines, link lists, share buttons) has a different
shape: short lines without sentence punctuation, ALL-CAPS lines, bracketed
widgets, "Word: AGENCY/NAME" credits. The rules below look at that shape, so
they work on sites never seen; the per-language marker lists (from the
lexicon files) only cover the words that introduce link lists and credits.

The per-line work (`scan_lines`, `Cleaner.line_kinds` and `refine`,
`assemble`) runs in the compiled extension (services/native/src/cleaning.rs)
where it is installed: a quarter of classify time was spent here. The Python
functions below (`python_scan_lines`, `Cleaner.python_line_kinds`,
`Cleaner.python_refine`, `python_assemble`) are the reference it is tested
against, and what runs without the extension or on text it cannot take
(lone surrogates, text that is not NFC).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, partial
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from newsevents.classifier._native import NativeCleaning, NativeLineKinds

_NativeCleaning: type[NativeCleaning] | None
_NativeLineKinds: type[NativeLineKinds] | None
try:
    from newsevents.classifier._native import NativeCleaning as _NativeCleaning
    from newsevents.classifier._native import NativeLineKinds as _NativeLineKinds
except ImportError:  # no extension, or one built before it cleaned: the Python path does the same
    _NativeCleaning = _NativeLineKinds = None

# A body paragraph almost always ends in one of these (closing quotes and
# brackets after the full stop included).
_SENTENCE_END = re.compile(r"[.!?…。！？؟।]['\"”’»)\]]*$")
_WORDS = re.compile(r"\w+")
_BRACKETED = re.compile(r"^(\[[^\]]*\]|\{[^}]*\}|<[^>]*>)$")
# "(blq/dna)", "(AFP)", "(ant/rd)": agency or editor initials in parentheses.
_BYLINE = re.compile(r"^\(\s*[\w.]{1,15}(\s*[/,]\s*[\w.]{1,15}){0,4}\s*\)$")
# "Jakarta, Indonesia --", "BANGKOK, Reuters -": a dateline standing alone.
_DATELINE_ONLY = re.compile(r"^[\w .'’()]{2,40}(,[\w .'’()]{2,40})?\s*[-–—]{1,3}$")
# "JAKARTA, KOMPAS.com - ", "BANGKOK (Reuters) - " at the start of the lead.
_DATELINE_PREFIX = re.compile(
    r"^[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}\s*(?:,\s*[\w.'’]+(?:\s+[\w.'’]+){0,2})?\s*"
    r"(?:\([^)]{1,30}\))?\s*[-–—]{1,3}\s+(?=\S)"
)
# "Foto: AFP/MANAN VATSYAYANA", "Photo: Reuters/John Doe", "(AP Photo/Jane Roe)".
_AGENCY_CREDIT = re.compile(r"(?:\b\w{1,25}\s*:\s*[A-Z][\w.]*\s*/\s*\w|\b[A-Z]{2,}\s+Photo\s*/)")
_AFTER_COLON = re.compile(r"\s*\S")
_BULLET = re.compile(r"^[-–—»•▸▪►*·]\s*\S")
_URL_ONLY = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_SHORT_LINE_WORDS = 10
# Thai, Lao, Burmese, Khmer, Chinese and Japanese put no space between words
# (Thai paragraphs often end without a full stop either): their letters count
# as words at about this many to a word, so a paragraph is not "short".
_UNSPACED_CHARS = r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_UNSPACED_CHARS_PER_WORD = 5
# The two classes are disjoint, so this matches in one pass without backtracking
# and builds no list of the letters.
_MANY_UNSPACED = re.compile(
    rf"(?:[^{_UNSPACED_CHARS}]*[{_UNSPACED_CHARS}])"
    rf"{{{_SHORT_LINE_WORDS * _UNSPACED_CHARS_PER_WORD}}}"
)
_ALL_CAPS_MAX_WORDS = 12
# Captions, credits and widgets are short; longer lines only get the cheap checks.
_FURNITURE_MAX_CHARS = 400
_MARKER_HEAD = 60


@dataclass(frozen=True, slots=True)
class CleanedText:
    text: str
    # (offset in `text`, offset in the original, length) per kept span, in order.
    segments: tuple[tuple[int, int, int], ...]
    # Whether a read-also, photo or share marker decided a line: only then
    # can a cleaner with another language's markers give a different text.
    markers_used: bool = False

    def to_original(self, offset: int) -> int | None:
        """Where cleaned offset `offset` came from in the original text."""
        if not self.segments:
            return None
        index = bisect_right([s[0] for s in self.segments], offset) - 1
        if index < 0:
            return None
        clean_start, orig_start, length = self.segments[index]
        if offset - clean_start > length:
            return None
        return orig_start + (offset - clean_start)


def _normalise(line: str) -> str:
    return " ".join(_WORDS.findall(unicodedata.normalize("NFKC", line).casefold()))


def _is_all_caps(line: str) -> bool:
    # Letters without case (Thai, Arabic, Han) are not capitals: a Thai or
    # Chinese paragraph quoting "(TNLA)" has no lower case either, yet is
    # body text. Capitals must be most of the letters.
    # A lower-case letter near the start settles most lines without upper-casing all of it.
    head = line[:16]
    if head.upper() != head or line.upper() != line or len(line.split()) > _ALL_CAPS_MAX_WORDS:
        return False
    # Thai, Arabic or Han lines have no upper case at all: count it in C first.
    if sum(map(str.isupper, line)) < 3:
        return False
    letters = capitals = 0
    for c in line:
        if c.isalpha():
            letters += 1
            capitals += c.isupper()
    return capitals >= 3 and 2 * capitals >= letters


# Line shapes that decide a line before any marker word does (the marker-free
# half of the decision); computed once per article by `scan_lines`.
_SHAPE_KEEP = 0
_SHAPE_FURNITURE = 1  # title repeat, widget, byline, dateline, URL, caps, credit
_SHAPE_SHORT = 2  # short and unpunctuated: dropped unless a marker decides first
# What a cleaner decides for a line.
KEEP, DROP, MARKER, LINKS = 0, 1, 2, 3
# The widget, byline, dateline and URL shapes in one pass over the line.
_FURNITURE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_BRACKETED, _BYLINE, _DATELINE_ONLY))
    + r"|(?i:^(?:https?://|www\.)\S+$)"
)
# Each furniture shape begins or ends with one of these (a URL with "h" or
# "w" in either case): other lines skip the regex and its backtracking.
_FURNITURE_FIRST = frozenset("[{<(hHwW")
_FURNITURE_LAST = frozenset("-–—")
# A line (text between \n, \r, U+2028 and U+2029) as str.strip() leaves it
# (\s is exactly str.isspace), blank lines skipped: the match gives the
# stripped line and its offset, with no strip or search per line.
_STRIPPED_LINE = re.compile(r"\S(?:[^\n\r\u2028\u2029]*\S)?")
# Furniture lines ("Read more:", "ADVERTISEMENT", "Photo: AFP/...") recur on
# every page of a site: short lines keep their shape in a bounded cache.
_CACHED_LINE_CHARS = 120
_LINE_CACHE_LIMIT = 20_000
_line_cache: dict[str, tuple[str, str, int, bool]] = {}
# Each of the ~20 cleaners (one per language) keeps its own, smaller cache of
# line kinds: a site's boilerplate is a few dozen lines.
_KIND_CACHE_LIMIT = 4_096


# ScannedLine(...) runs a Python-level __new__; scanning builds the tuple directly.
_new_line = tuple.__new__


class ScannedLine(NamedTuple):
    start: int  # offset of `text` in the original
    text: str  # the line, stripped
    head: str  # its first characters, normalised, for the marker lists
    shape: int
    # Short enough to be a caption and has a colon: a photo marker may apply.
    photo_candidate: bool


@dataclass(frozen=True, slots=True)
class ScannedText:
    """The marker-independent analysis of a text's lines, shared by every `Cleaner`.

    Lines of punctuation only are left out: every cleaner drops them, and a
    dropped line changes nothing around it.
    """

    lines: tuple[ScannedLine, ...]


def _has_paragraph_words(line: str) -> bool:
    """Whether a line has a paragraph's words, unspaced letters counted as words."""
    return line.count(" ") + 1 >= _SHORT_LINE_WORDS or _MANY_UNSPACED.match(line) is not None


def _shape(line: str) -> tuple[int, bool]:
    """The shape of a non-empty line, title repeats aside."""
    photo_candidate = False
    if len(line) <= _FURNITURE_MAX_CHARS:
        if ((line[0] in _FURNITURE_FIRST or line[-1] in _FURNITURE_LAST)
                and _FURNITURE.match(line)) or _is_all_caps(line):
            return _SHAPE_FURNITURE, False
        if ":" in line:
            if "/" in line and _AGENCY_CREDIT.search(line):
                return _SHAPE_FURNITURE, False
            photo_candidate = True
    if not _SENTENCE_END.search(line[-6:]) and not _has_paragraph_words(line):
        return _SHAPE_SHORT, photo_candidate
    return _SHAPE_KEEP, photo_candidate


def _analyse(line: str) -> tuple[str, str, int, bool]:
    """(normalised head, normalised line or "", shape, photo candidate) of a stripped line."""
    if len(line) <= _CACHED_LINE_CHARS:
        known = _line_cache.get(line)
        if known is not None:
            return known
    # Markers sit at the start of a line: normalising its head is enough.
    head = _normalise(line[:_MARKER_HEAD])
    if not head:
        found: tuple[str, str, int, bool] = ("", "", _SHAPE_FURNITURE, False)
    else:
        shape, photo_candidate = _shape(line)
        whole = head if len(line) <= _MARKER_HEAD else ""
        found = (head, whole, shape, photo_candidate)
    if len(line) <= _CACHED_LINE_CHARS:
        if len(_line_cache) >= _LINE_CACHE_LIMIT:
            _line_cache.clear()
        _line_cache[line] = found
    return found


def scan_lines(text: str, title: str = "") -> ScannedText:
    """Every non-blank line of `text` with its shape, to clean with any marker lists."""
    native = _native_cleaning()
    if native is not None:
        try:
            return ScannedText(native.scan(text, title))
        except UnicodeEncodeError:  # a lone surrogate cannot cross into Rust
            pass
    return python_scan_lines(text, title)


def python_scan_lines(text: str, title: str = "") -> ScannedText:
    """`scan_lines` in Python: the reference of the native scan."""
    title_norm = _normalise(title)
    title_len = len(title_norm)
    lines: list[ScannedLine] = []
    cached = _line_cache.get
    for m in _STRIPPED_LINE.finditer(text):
        stripped = m.group()
        known = cached(stripped) if len(stripped) <= _CACHED_LINE_CHARS else None
        head, whole, shape, photo_candidate = known or _analyse(stripped)
        if not head:
            continue
        if (title_len and abs(len(stripped) - title_len) < 12
                and (whole or _normalise(stripped)) == title_norm):
            shape = _SHAPE_FURNITURE
        lines.append(_new_line(ScannedLine, (m.start(), stripped, head, shape, photo_candidate)))
    return ScannedText(tuple(lines))


class Cleaner:
    def __init__(
        self,
        read_also: Iterable[str] = (),
        photo: Iterable[str] = (),
        share: Iterable[str] = (),
    ) -> None:
        # A head starts with a marker when its first words are the marker's
        # words: set lookups, where a regex alternation tries every marker in turn.
        self._read_also = frozenset(_normalise(m) for m in read_also) - {""}
        self._read_also_first = frozenset(m.split(" ", 1)[0] for m in self._read_also)
        photo_words = sorted({p for p in photo if p.strip()}, key=len, reverse=True)
        # "Photo: AFP/X" is a photo word, then a colon with text after it. The
        # words are looked for only before each colon: a search along the
        # whole line would try every word at every character.
        self._photo_before = (
            re.compile(
                r"(?:^|[\s(.])(?:" + "|".join(map(re.escape, photo_words)) + r")\s*\Z",
                re.IGNORECASE,
            )
            if photo_words
            else None
        )
        # IGNORECASE matches character by character: a word matches as many characters.
        self._photo_reach = 1 + max(map(len, photo_words), default=0)
        self._share = frozenset(_normalise(s) for s in share)
        # The kind of a short line by (text, shape): boilerplate recurs on
        # every page of a site, and its kind depends on nothing else.
        self._kinds: dict[tuple[str, int], int] = {}
        # The photo words stay a Python regex (IGNORECASE has rules of its
        # own): the native side asks it about the text before each colon.
        native = _native_cleaning()
        self._native = (
            _NativeLineKinds(
                native, sorted(self._read_also), sorted(self._read_also_first), sorted(self._share),
                None if self._photo_before is None else partial(_photo_window, self._photo_before),
                self._photo_reach,
            )
            if _NativeLineKinds is not None and native is not None
            else None
        )

    def _starts_with_marker(self, head: str) -> bool:
        if head.split(" ", 1)[0] not in self._read_also_first:
            return False
        space = head.find(" ")
        while space >= 0:
            if head[:space] in self._read_also:
                return True
            space = head.find(" ", space + 1)
        return head in self._read_also

    def _has_photo_credit(self, text: str) -> bool:
        assert self._photo_before is not None
        return _has_photo_credit(self._photo_before, self._photo_reach, text)

    def _line_kind(self, line: ScannedLine) -> int:
        if len(line.text) > _CACHED_LINE_CHARS:
            return self._decide(line)
        key = (line.text, line.shape)
        kind = self._kinds.get(key)
        if kind is None:
            if len(self._kinds) >= _KIND_CACHE_LIMIT:
                self._kinds.clear()
            kind = self._kinds[key] = self._decide(line)
        return kind

    def _decide(self, line: ScannedLine) -> int:
        if self._read_also_first and self._starts_with_marker(line.head):
            return LINKS  # drop, and what follows is a link list
        if line.head in self._share:
            return MARKER
        if line.shape == _SHAPE_FURNITURE:
            return DROP
        if (line.photo_candidate and self._photo_before is not None
                and self._has_photo_credit(line.text)):
            return MARKER
        if line.shape == _SHAPE_SHORT:
            return DROP
        return KEEP

    def line_kinds(self, scanned: ScannedText) -> list[int]:
        if self._native is not None:
            try:
                return self._native.kinds(scanned.lines)
            except UnicodeEncodeError:
                pass
        return self.python_line_kinds(scanned)

    def python_line_kinds(self, scanned: ScannedText) -> list[int]:
        """`line_kinds` in Python: the reference of the native one."""
        return [self._line_kind(line) for line in scanned.lines]

    def refine(self, scanned: ScannedText, kinds: list[int]) -> list[int]:
        """`line_kinds(scanned)`, given the kinds of a cleaner whose marker lists
        include all of this one's: only lines a marker decided can differ."""
        if self._native is not None and len(kinds) == len(scanned.lines):
            try:
                return self._native.refine(scanned.lines, kinds)
            except UnicodeEncodeError:
                pass
        return self.python_refine(scanned, kinds)

    def python_refine(self, scanned: ScannedText, kinds: list[int]) -> list[int]:
        """`refine` in Python: the reference of the native one."""
        return [
            self._line_kind(line) if kind >= MARKER else kind
            for line, kind in zip(scanned.lines, kinds, strict=True)
        ]

    def clean(self, text: str, title: str = "", scanned: ScannedText | None = None) -> CleanedText:
        """`scanned` is `scan_lines(text, title)`, when the caller already has it."""
        if scanned is None:
            scanned = scan_lines(text, title)
        return assemble(scanned, self.line_kinds(scanned))


def _has_photo_credit(photo_before: re.Pattern[str], reach: int, text: str) -> bool:
    """Whether a photo word (after a space, bracket or full stop) stands
    before a colon with text after it."""
    colon = text.find(":")
    while colon >= 0:
        if _AFTER_COLON.match(text, colon + 1):
            word_end = len(text[:colon].rstrip())
            start = max(0, word_end - reach)
            if photo_before.search(text, start, colon):
                return True
        colon = text.find(":", colon + 1)
    return False


def _photo_window(photo_before: re.Pattern[str], window: str, at_start: bool) -> bool:
    """`_has_photo_credit`'s search in `text[start:colon]`, given that text
    alone; `at_start`: whether `start` is 0, the only place `^` matches."""
    if at_start:
        return photo_before.search(window) is not None
    # A search from position 1 of a longer string: `^` cannot match there,
    # and the character before is out of reach, as before `start` in the line.
    return photo_before.search("\0" + window, 1) is not None


def assemble(scanned: ScannedText, kinds: list[int]) -> CleanedText:
    """The cleaned text of the lines as `kinds` decide them."""
    native = _native_cleaning()
    if native is not None and len(kinds) == len(scanned.lines):
        try:
            found = native.assemble(scanned.lines, kinds)
        except UnicodeEncodeError:
            found = None
        if found is not None:
            text, segments, markers_used = found
            return CleanedText(text, tuple(segments), markers_used)
    return python_assemble(scanned, kinds)


def python_assemble(scanned: ScannedText, kinds: list[int]) -> CleanedText:
    """`assemble` in Python: the reference of the native one."""
    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    cursor = 0
    in_links = False
    lead_seen = False
    markers_used = False
    for line, kind in zip(scanned.lines, kinds, strict=True):
        if in_links:
            # A link list runs until the next real paragraph; a bulleted
            # headline, however long, is still an item of the list.
            if (kind == KEEP and _has_paragraph_words(line.text)
                    and not _BULLET.match(line.text)):
                in_links = False
            else:
                continue
        if kind != KEEP:
            if kind == LINKS:
                in_links = markers_used = True
            elif kind == MARKER:
                markers_used = True
            continue
        stripped = line.text
        start = line.start
        if not lead_seen:
            lead_seen = True
            prefix = _DATELINE_PREFIX.match(stripped)
            if prefix and prefix.end() < len(stripped):
                start += prefix.end()
                stripped = stripped[prefix.end():]
        if pieces:
            pieces.append("\n")
            cursor += 1
        if unicodedata.is_normalized("NFC", stripped):
            segments.append((cursor, start, len(stripped)))
            pieces.append(stripped)
            cursor += len(stripped)
        else:
            cursor = _append_nfc(stripped, start, cursor, pieces, segments)
    return CleanedText("".join(pieces), tuple(segments), markers_used)


_CHUNK = re.compile(r"\S+|\s+")


def _append_nfc(
    line: str, start: int, cursor: int, pieces: list[str], segments: list[tuple[int, int, int]]
) -> int:
    """Append `line` in NFC; decomposed text ("Vie\u0323t", NFD Vietnamese) would
    otherwise tokenise into broken pieces. Words whose length changes get a
    segment of their own, so every word start still maps to the original."""
    for m in _CHUNK.finditer(line):
        chunk = m.group()
        normal = unicodedata.normalize("NFC", chunk)
        origin = start + m.start()
        previous = segments[-1] if segments else None
        if (normal == chunk and previous is not None
                and previous[0] + previous[2] == cursor and previous[1] + previous[2] == origin):
            segments[-1] = (previous[0], previous[1], previous[2] + len(chunk))
        else:
            segments.append((cursor, origin, len(normal)))
        pieces.append(normal)
        cursor += len(normal)
    return cursor


# What the native cleaner asks Python about a character, as bits of an int:
# the order is that of the flags in services/native/src/cleaning.rs.
_RE_SPACE = re.compile(r"\s")
_RE_WORD = re.compile(r"\w")
# The letters of "https://" and "www." as the URL shape's IGNORECASE reads
# them (an "s" also matches the long "ſ").
_URL_LETTERS = tuple(re.compile(f"(?i:{letter})") for letter in "htpsw")


@cache
def _composition_seconds() -> frozenset[str]:
    """Characters NFC may join to the character before them: the second half
    of every canonical pair that composes, and Hangul vowels and finals."""
    seconds = set(map(chr, chain(range(0x1161, 0x1176), range(0x11A8, 0x11C3))))
    for code in chain(range(0xD800), range(0xE000, 0x110000)):
        c = chr(code)
        parts = unicodedata.decomposition(c).split()
        if len(parts) == 2 and not parts[0].startswith("<") and unicodedata.is_normalized("NFC", c):
            seconds.add(chr(int(parts[1], 16)))
    return frozenset(seconds)


def _char_facts(code: int) -> tuple[int, str]:
    """(flags, casefold) of a character, for the native cleaner."""
    c = chr(code)
    # A starter no normalisation changes and none joins to what precedes it:
    # a text's normal form is its pieces' normal forms, cut before each such.
    starter = unicodedata.combining(c) == 0 and c not in _composition_seconds()
    facts = (
        _RE_SPACE.match(c) is not None,
        c.isspace(),
        _RE_WORD.match(c) is not None,
        c.isupper(),
        c.isalpha(),
        c.upper() == c,
        starter and unicodedata.normalize("NFKC", c) == c,
        starter and unicodedata.normalize("NFC", c) == c,
        *(letter.match(c) is not None for letter in _URL_LETTERS),
    )
    return sum(1 << bit for bit, fact in enumerate(facts) if fact), c.casefold()


def _fold_run(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _nfc_run(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def _dateline_end(line: str) -> int:
    """Where a dateline opening `line` ends, when text follows it; else 0."""
    prefix = _DATELINE_PREFIX.match(line)
    return prefix.end() if prefix and prefix.end() < len(line) else 0


_native: NativeCleaning | None = None


def _native_cleaning() -> NativeCleaning | None:
    """The native cleaner, made on first use (its tables fill as text comes);
    None without the extension."""
    global _native
    if _NativeCleaning is None:
        return None
    if _native is None:
        _native = _NativeCleaning(ScannedLine, _char_facts, _fold_run, _nfc_run, _dateline_end)
    return _native


def native_cleaning_available() -> bool:
    """Whether the compiled cleaner (services/native) is installed."""
    return _NativeCleaning is not None
