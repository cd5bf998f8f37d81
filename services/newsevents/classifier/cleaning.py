"""Scraper boilerplate removal by line features, keeping a map to the original.

News bodies are paragraphs of full sentences; what scrapers leave around them
(ads, captions, bylines, datelines, link lists, share buttons) has a different
shape: short lines without sentence punctuation, ALL-CAPS lines, bracketed
widgets, "Word: AGENCY/NAME" credits. The rules below look at that shape, so
they work on sites never seen; the per-language marker lists (from the
lexicon files) only cover the words that introduce link lists and credits.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

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
_BULLET = re.compile(r"^[-–—»•▸▪►*·]\s*\S")
_URL_ONLY = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_SHORT_LINE_WORDS = 10
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
    # Scripts without case (Thai, Arabic, Han) are never "all caps".
    return (
        line.upper() == line
        and line.lower() != line
        and len(line.split()) <= _ALL_CAPS_MAX_WORDS
        and sum(1 for c in line if c.isalpha()) >= 3
    )


class Cleaner:
    def __init__(
        self,
        read_also: Iterable[str] = (),
        photo: Iterable[str] = (),
        share: Iterable[str] = (),
    ) -> None:
        markers = sorted({_normalise(m) for m in read_also if _normalise(m)}, key=len,
                         reverse=True)
        self._read_also = (
            re.compile("^(?:" + "|".join(re.escape(m) for m in markers) + r")(?: |$)")
            if markers
            else None
        )
        photo_words = sorted({re.escape(p) for p in photo if p.strip()}, key=len, reverse=True)
        self._photo = (
            re.compile(r"(?:^|[\s(.])(?:" + "|".join(photo_words) + r")\s*:\s*\S", re.IGNORECASE)
            if photo_words
            else None
        )
        self._share = frozenset(_normalise(s) for s in share)

    def _line_kind(self, line: str, title_norm: str) -> str:
        """'keep', 'drop', 'marker' (drop by a marker word), or 'links' (drop, and
        what follows is a link list)."""
        # Markers sit at the start of a line: normalising its head is enough.
        head = _normalise(line[:_MARKER_HEAD])
        if not head:
            return "drop"
        if self._read_also is not None and self._read_also.match(head):
            return "links"
        if head in self._share:
            return "marker"
        if title_norm and abs(len(line) - len(title_norm)) < 12 and _normalise(line) == title_norm:
            return "drop"
        if len(line) <= _FURNITURE_MAX_CHARS:
            if _BRACKETED.match(line) or _BYLINE.match(line) or _DATELINE_ONLY.match(line):
                return "drop"
            if _URL_ONLY.match(line) or _is_all_caps(line):
                return "drop"
            if ":" in line:
                if "/" in line and _AGENCY_CREDIT.search(line):
                    return "drop"
                if self._photo is not None and self._photo.search(line):
                    return "marker"
        if not _SENTENCE_END.search(line[-6:]) and line.count(" ") + 1 < _SHORT_LINE_WORDS:
            return "drop"
        return "keep"

    def clean(self, text: str, title: str = "") -> CleanedText:
        title_norm = _normalise(title)
        pieces: list[str] = []
        segments: list[tuple[int, int, int]] = []
        cursor = 0
        in_links = False
        lead_seen = False
        markers_used = False
        for m in re.finditer(r"[^\n\r\u2028\u2029]+", text):
            raw = m.group()
            stripped = raw.strip()
            if not stripped:
                continue
            start = m.start() + (len(raw) - len(raw.lstrip()))
            kind = self._line_kind(stripped, title_norm)
            if in_links:
                # A link list runs until the next real paragraph; a bulleted
                # headline, however long, is still an item of the list.
                if (kind == "keep" and stripped.count(" ") + 1 >= _SHORT_LINE_WORDS
                        and not _BULLET.match(stripped)):
                    in_links = False
                else:
                    continue
            if kind == "links":
                in_links = markers_used = True
                continue
            if kind == "marker":
                markers_used = True
                continue
            if kind == "drop":
                continue
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
