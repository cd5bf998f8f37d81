"""The sentences around an event's evidence that may say where and when it happened.

An evidence sentence often leaves the place or the date to the sentences that
set the scene ("The fighting began before dawn ..." after a lead that names
Gondar and 4 March). The fallback is deliberately narrow: the evidence's
neighbouring sentences, the headline and the lead, in that order. Sentences
further away are usually background on another place or time, and "read
also" lines and the link lists under them are about other stories entirely.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# How far either side of the evidence to look for its neighbours.
_WINDOW = 600
# The lead: the opening sentences of the body, where a news story says who, where, when.
_LEAD_SENTENCES = 2
_LEAD_CHARS = 700

# Sentence ends: Latin/Cyrillic/Arabic full stops followed by space, CJK and Thai/Burmese
# terminators, and line breaks (paragraphs, list items, datelines).
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|(?<=[。！？।။])|\n+")

# Lines that point at other stories, compared on the lower-cased start of a line
# (accented and plain spellings both listed: this runs on every line, unnormalised).
_READ_ALSO = (
    "read also",
    "also read",
    "read more",
    "related:",
    "related stories",
    "see also",
    "more on this",
    "baca juga",
    "baca lagi",
    "lihat juga",
    "simak juga",
    "berita terkait",
    "baca:",
    "basahin din",
    "basahin:",
    "xem thêm",
    "xem them",
    "đọc thêm",
    "tin liên quan",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lea también",
    "lea tambien",
    "vea también",
    "leia também",
    "leia tambem",
    "leia mais",
    "veja também",
    "lesen sie auch",
    "mehr zum thema",
    "ayrıca okuyun",
    "ilgili haber",
    "читайте также",
    "читайте також",
    "смотрите также",
    "дивіться також",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "اقرأ ايضا",
    "أقرأ أيضا",
    "อ่านเพิ่มเติม",
    "อ่านข่าว",
    "ข่าวที่เกี่ยวข้อง",
    "延伸阅读",
    "相关新闻",
    "相关阅读",
    "推荐阅读",
    "ဆက်စပ်သတင်း",
    "terkini lainnya",
    "tautan sahabat",
)
_LINE_PUNCT = " \t-–—•*#>[("
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►>]|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into the text it was cut from
    end: int
    text: str


def _split(text: str, base: int = 0) -> Iterator[Sentence]:
    pos = 0
    for mo in _SENTENCE_END.finditer(text):
        if mo.start() > pos:
            yield from _trimmed(text, pos, mo.start(), base)
        pos = mo.end()
    if pos < len(text):
        yield from _trimmed(text, pos, len(text), base)


def _trimmed(text: str, start: int, end: int, base: int) -> Iterator[Sentence]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    yield Sentence(base + s, base + s + len(stripped), stripped)


def _is_read_also(line: str) -> bool:
    return line[:40].lower().lstrip(_LINE_PUNCT).startswith(_READ_ALSO)


def lines_pointing_elsewhere(text: str) -> list[tuple[int, int]]:
    """Spans of "read also" lines and of the bullet lists that follow them."""
    spans: list[tuple[int, int]] = []
    in_list = False
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if _is_read_also(line):
            spans.append((pos, end))
            in_list = True
        elif in_list and (_BULLET.match(line) or not line.strip()):
            spans.append((pos, end))
        else:
            in_list = False
        pos = end + 1
    return spans


def _usable(sentence: Sentence, excluded: list[tuple[int, int]]) -> bool:
    if not any(ch.isalpha() for ch in sentence.text):
        return False
    return not any(s < sentence.end and sentence.start < e for s, e in excluded)


def lead(text: str, excluded: list[tuple[int, int]]) -> list[Sentence]:
    """The opening sentences of the body (a dateline line counts as one)."""
    head = text[:_LEAD_CHARS]
    out = [s for s in _split(head) if _usable(s, excluded)]
    return out[:_LEAD_SENTENCES]


def neighbours(
    text: str, start: int, end: int, excluded: list[tuple[int, int]]
) -> list[Sentence]:
    """The sentence just before and the one just after `text[start:end]`, nearest first.
    `excluded` are the spans `lines_pointing_elsewhere` found in `text`."""
    lo = max(0, start - _WINDOW)
    hi = min(len(text), end + _WINDOW)
    window = text[lo:hi]
    sentences = [s for s in _split(window, lo) if _usable(s, excluded)]
    before = [s for s in sentences if s.end <= start]
    after = [s for s in sentences if s.start >= end]
    out: list[Sentence] = []
    if before:
        out.append(before[-1])
    if after:
        out.append(after[0])
    return out


def headline(title: str) -> list[Sentence]:
    title = title.strip()
    if not title or _is_read_also(title):
        return []
    return [Sentence(0, len(title), title)]


# A dateline opens a report with the place it was filed from: "KYIV, 3 March (Reuters) -",
# "JAKARTA, KOMPAS.com -", "ISLAMABAD:", "مأرب –", "Istanbul/Islamabad (dd) –". The place is
# up to four words before a colon, a bracket, a dash, or a comma that a date or an agency
# follows; a second place after "/" is where the report was edited.
_DATELINE = re.compile(
    r"^(?P<place>[^\s,:;(\-–—|/]+(?: [^\s,:;(\-–—|/]+){0,3}?)"
    r"(?:\s*/\s*[^\s,:;(\-–—|/]+(?: [^\s,:;(\-–—|/]+){0,2}?)?"
    r"(?P<sep>\s*:\s|\s*\(|\s+[-–—]{1,2}\s|\s*--|,)"
)
# After a comma the line must go on like a dateline: a date, an agency in brackets or a
# dash before the story ("Moscow, which ..." is no dateline); "KOMPAS.com" is a name.
_AFTER_COMMA = re.compile(r"^(?:[^.!?\n]|\.(?=\S)){0,40}?(?:\d|\(|\s[-–—]{1,2}\s|--)")
# Chinese agencies put the place before the date: "新华社伊斯兰堡11月18日电",
# "（记者…曼谷10日专电）".
_CJK_DATELINE = re.compile(r"(?:\d{1,2}月)?\d{1,2}日(?:专|综合)?电|综合电")
# Burmese and Thai papers write the place and the date alone on a line: "နေပြည်တော် ဇွန် ၁၈".
_SHORT_LINE = 40
_DATELINE_LINES = 6
_DATELINE_CHARS = 800


@dataclass(frozen=True, slots=True)
class Dateline:
    place_text: str  # the words that name the place, as written
    prefix: str  # the dateline as it opens its line, up to the story


def dateline(text: str) -> Dateline | None:
    """The dateline of a report, if one of its opening lines starts with one.
    Only the shape is checked here; whether the words name a place is the KB's to say."""
    lines = [ln.strip() for ln in text[:_DATELINE_CHARS].split("\n") if ln.strip()]
    for line in lines[:_DATELINE_LINES]:
        cjk = _CJK_DATELINE.search(line[:80])
        if cjk is not None:
            head = line[: cjk.start()]
            # After the agency and the reporter's name: the last few characters before the date.
            return Dateline(head[-8:].lstrip("（(【〔"), line[: cjk.end()])
        mo = _DATELINE.match(line)
        if mo is not None:
            if mo.group("sep") != "," or _AFTER_COMMA.match(line[mo.end() :]):
                return Dateline(mo.group("place"), line[: mo.end()])
            continue
        if len(line) <= _SHORT_LINE and any(ch.isdigit() for ch in line):
            first = line.split()[0].rstrip("၊,")
            return Dateline(first, line)
    return None
