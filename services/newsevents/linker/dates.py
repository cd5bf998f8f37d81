"""When an event happened, resolved against the article's publication date.

Own patterns run first because they are fast and because dateparser gets the
forms news uses most wrong: "23-26 April" comes out as the year 1926 or 2026,
Indonesian "(21/4)" is not read as day/month, "Min" in "Min Aung Hlaing" is
read as Sunday. dateparser's `search_dates` (with the detected language and
PREFER_DAY_OF_MONTH='first') is the fallback for sentences the patterns leave
without a date, and its results pass the same guards.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Protocol

from newsevents.linker.gazetteer import normalise
from newsevents.messages import DatePrecision, DateSpan

log = logging.getLogger(__name__)

# Lower rank wins when an evidence sentence holds several dates: a stated range
# is the event's own span, while single days next to it tend to be travel or
# announcement days ("left on Sunday (21/4) for the 23-26 April meeting").
RANK_RANGE, RANK_DAY, RANK_RELATIVE, RANK_MONTH, RANK_FALLBACK = range(5)

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "dois": 2,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "funf": 5,
}
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"

# Relative expressions: phrase (normalised) -> (offset of first day from publication,
# length in days, precision). Weeks are resolved to Monday-Sunday separately.
_RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "hari ini": 0,
    "aujourd'hui": 0,
    "hoy": 0,
    "hoje": 0,
    "heute": 0,
    "bugun": 0,
    "сегодня": 0,
    "сьогодні": 0,
    "hom nay": 0,
    "ngayon": 0,
    "今天": 0,
    "yesterday": -1,
    "kemarin": -1,
    "semalam": -1,
    "hier": -1,
    "ayer": -1,
    "ontem": -1,
    "gestern": -1,
    "dun": -1,
    "вчера": -1,
    "вчора": -1,
    "hom qua": -1,
    "kahapon": -1,
    "昨天": -1,
    "tomorrow": 1,
    "besok": 1,
    "esok": 1,
    "demain": 1,
    "manana": 1,
    "amanha": 1,
    "morgen": 1,
    "yarin": 1,
    "завтра": 1,
    "ngay mai": 1,
    "bukas": 1,
    "明天": 1,
}
_RELATIVE_WEEKS: dict[str, int] = {
    "last week": -1,
    "pekan lalu": -1,
    "minggu lalu": -1,
    "semaine derniere": -1,
    "semana pasada": -1,
    "semana passada": -1,
    "letzte woche": -1,
    "vergangene woche": -1,
    "gecen hafta": -1,
    "на прошлой неделе": -1,
    "минулого тижня": -1,
    "tuan truoc": -1,
    "上周": -1,
    "this week": 0,
    "pekan ini": 0,
    "minggu ini": 0,
    "cette semaine": 0,
    "esta semana": 0,
    "diese woche": 0,
    "bu hafta": 0,
    "на этой неделе": 0,
    "tuan nay": 0,
    "本周": 0,
    "next week": 1,
    "pekan depan": 1,
    "minggu depan": 1,
    "semaine prochaine": 1,
    "proxima semana": 1,
    "nachste woche": 1,
    "gelecek hafta": 1,
    "на следующей неделе": 1,
    "tuan toi": 1,
    "tuan sau": 1,
    "下周": 1,
    "pekan mendatang": 1,
    "minggu mendatang": 1,
}
# Each with words one of which any match holds: a pattern runs only where one stands.
_PAST_N_DAYS = [
    (("days",), re.compile(r"\b(?:past|last|previous)\s+" + _NUMBER + r"\s+days\b")),
    (("hari",), re.compile(r"\b" + _NUMBER + r"\s+hari\s+(?:terakhir|belakangan(?:\s+ini)?)\b")),
    (("jours", "dias"), re.compile(r"\b" + _NUMBER + r"\s+(?:derniers\s+jours|ultimos\s+dias)\b")),
]
_N_DAYS_AGO = [
    (("days",), re.compile(r"\b" + _NUMBER + r"\s+days\s+ago\b")),
    (("hari",), re.compile(r"\b" + _NUMBER + r"\s+hari\s+(?:lalu|yang\s+lalu)\b")),
]
# Words that make a date after publication legitimate (a scheduled event).
_FUTURE_CUES = re.compile(
    r"\b(?:will|scheduled|to attend|upcoming|next|is set to|are set to|due to|plans? to|"
    r"akan|dijadwalkan|rencananya|direncanakan|mulai|mendatang|untuk menghadiri|hendak|"
    r"dijadual|prochain|prochaine|se tiendra|doit|sera|proximo|proxima|se celebrara|"
    r"vai|wird|werden|soll|nachste|будет|состоится)\b|将"
)
_PAST_MONTH_WORDS = r"(?:lalu|kemarin|last|dernier|pasado|passado|ini|this|next|depan)"
_MONTH_PREPS = (
    r"(?:in|on|since|during|pada|bulan|sejak|selama|hingga|sampai|en|em|im|au mois de|в|"
    r"trong|until)"
)
_RANGE_JOIN = r"\s*(?:-|s\.?d\.?|sampai|hingga|to|until|till|through|au|al|a|bis|до|по)\s*"


class _Adder(Protocol):
    def __call__(
        self,
        start: int,
        end: int,
        span: tuple[date, date] | None,
        precision: DatePrecision,
        rank: int,
        explicit_year: bool = False,
    ) -> None: ...


class _SpanMap(Protocol):
    def __call__(self, start: int, end: int) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: date
    end: date
    precision: DatePrecision
    rank: int
    position: int
    text: str
    explicit_year: bool = False


@lru_cache(maxsize=64)
def _month_patterns(month_names: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    alternation = "|".join(re.escape(m) for m in sorted(month_names, key=len, reverse=True))
    m = r"(?P<m>" + alternation + r")\.?"
    year = r"(?:,?\s+(?:de\s+)?(?P<y>\d{4}))?"
    return {
        # Any month name anywhere: every pattern below needs one.
        "any": re.compile(alternation),
        "range_dm": re.compile(
            # "3. bis 5. Mai": German writes days as ordinals with a dot
            r"\b(?P<d1>\d{1,2})\.?"
            + _RANGE_JOIN
            + r"(?P<d2>\d{1,2})\.?\s+(?:de\s+)?"
            + m
            + year
            + r"\b"
        ),
        "range_md": re.compile(
            r"\b" + m + r"\s+(?P<d1>\d{1,2})" + _RANGE_JOIN + r"(?P<d2>\d{1,2})" + year + r"\b"
        ),
        "day_dm": re.compile(
            r"\b(?P<d1>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?" + m + year + r"\b"
        ),
        "day_md": re.compile(r"\b" + m + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?" + year + r"\b"),
        "month": re.compile(
            r"(?:\b(?P<prep>"
            + _MONTH_PREPS
            + r")\s+)?\b"
            + m
            + r"(?:\s+(?P<y>\d{4}))?(?:\s+(?P<rel>"
            + _PAST_MONTH_WORDS
            + r"))?\b"
        ),
    }


@lru_cache(maxsize=64)
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a set of whole-word phrases, longest first."""
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")


_RELATIVE_RE = _alternation(tuple(_RELATIVE_WEEKS) + tuple(_RELATIVE_DAYS))

_DIGIT = re.compile(r"\d")
_PAREN_DM = re.compile(r"\((?P<d1>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{2,4}))?\)")
_SLASH_DMY = re.compile(r"\b(?P<d1>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
# Vietnamese newsrooms write day/month after "ngày" (day) or the time of day: "chiều
# 18/3" (the afternoon of 18 March), "ngày 23-24/5". Without that word "2/3" may be a
# fraction or a score. Matched on the normalised text (no accents).
_VI_DAY_MONTH = re.compile(
    r"\b(?:ngay|sang|chieu|toi|trua|dem|khuya)\s+(?P<d1>\d{1,2})(?:\s*-\s*(?P<d2>\d{1,2}))?"
    r"/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?\b"
)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d1>\d{2})\b")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date, future_ok: bool) -> date | None:
    """Year for a day-month without one: the nearest to publication, never later for
    past-tense reports."""
    options = [
        d
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    if not options:
        return None
    best = min(options, key=lambda d: abs((d - published).days))
    if best > published and not future_ok:
        earlier = [d for d in options if d <= published]
        return max(earlier) if earlier else None
    return best


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


def _week_span(published: date, offset_weeks: int) -> tuple[date, date]:
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset_weeks)
    return monday, monday + timedelta(days=6)


def _surface_upper(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.isupper() or not ch.islower()
    return False


_NEXT_WORD = re.compile(r"\s+(\w+)")
# Starts only where a word starts: a search would otherwise retry from every letter.
_PREV_WORD = re.compile(r"(?<!\w)(\w+)\s+$")


def _name_next_to(original: str, start: int, end: int) -> bool:
    """A capitalised word on either side: the weekday or month is part of a name
    ("Min Aung Hlaing", "Theresa May")."""
    after = _NEXT_WORD.match(original, end)
    if after and after.group(1)[:1].isupper():
        return True
    before = _PREV_WORD.search(original[max(0, start - 30) : start])
    if before and before.group(1)[:1].isupper():
        head = original[: max(0, start - 30) + before.start()].rstrip()
        return bool(head) and head[-1] not in '.!?\n"“:('
    return False


class DateFinder:
    def __init__(
        self, months: Mapping[str, Mapping[str, int]], weekdays: Mapping[str, Mapping[str, int]]
    ) -> None:
        self._months = months
        self._weekdays = weekdays
        self._lexicons: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
        # The same sentence is searched again for a second detection of the article and as
        # another detection's surroundings.
        self._found = lru_cache(maxsize=4096)(self._find)

    def months(self, language: str) -> dict[str, int]:
        return self._lexicon(language)[0]

    def _lexicon(self, language: str) -> tuple[dict[str, int], dict[str, int]]:
        cached = self._lexicons.get(language)
        if cached is not None:
            return cached
        months = dict(self._months.get("en", {}))
        months.update(self._months.get(language, {}))
        weekdays = dict(self._weekdays.get("en", {}))
        weekdays.update(self._weekdays.get(language, {}))
        self._lexicons[language] = (months, weekdays)
        return months, weekdays

    def find(self, text: str, language: str, published: date) -> list[FoundDate]:
        return list(self._found(text, language, published))

    def _find(self, text: str, language: str, published: date) -> tuple[FoundDate, ...]:
        norm = normalise(text)
        ntext = norm.text
        months, weekdays = self._lexicon(language)
        future_ok = bool(_FUTURE_CUES.search(ntext))
        found: list[FoundDate] = []
        taken = bytearray(len(ntext) + 1)

        def add(
            start: int,
            end: int,
            span: tuple[date, date] | None,
            precision: DatePrecision,
            rank: int,
            explicit_year: bool = False,
        ) -> None:
            if span is None or any(taken[start:end]):
                return
            taken[start:end] = b"\x01" * (end - start)
            ostart, oend = norm.original_span(start, end)
            found.append(
                FoundDate(
                    span[0], span[1], precision, rank, ostart, text[ostart:oend], explicit_year
                )
            )

        def day_month(mo: re.Match[str], month: int, key: str = "d1") -> date | None:
            day = int(mo.group(key))
            if mo.groupdict().get("y"):
                return _safe_date(int(mo.group("y")), month, day)
            return _infer_year(month, day, published, future_ok)

        pats = _month_patterns(tuple(months))
        # Most sentences hold no digit or no month name; each pattern is a scan of the text.
        has_digit = _DIGIT.search(ntext) is not None
        has_month = pats["any"].search(ntext) is not None
        if has_digit and has_month:
            for key in ("range_dm", "range_md"):
                for mo in pats[key].finditer(ntext):
                    month = months[mo.group("m")]
                    first = day_month(mo, month)
                    if first is None:
                        continue
                    last = _safe_date(first.year, month, int(mo.group("d2")))
                    if last is None or last < first:
                        continue
                    add(mo.start(), mo.end(), (first, last), "day", RANK_RANGE, bool(mo.group("y")))
            for key in ("day_dm", "day_md"):
                for mo in pats[key].finditer(ntext):
                    d = day_month(mo, months[mo.group("m")])
                    add(
                        mo.start(),
                        mo.end(),
                        (d, d) if d else None,
                        "day",
                        RANK_DAY,
                        bool(mo.group("y")),
                    )
        if has_digit:
            for mo in _ISO.finditer(ntext):
                d = _safe_date(int(mo.group("y")), int(mo.group("m")), int(mo.group("d1")))
                add(mo.start(), mo.end(), (d, d) if d else None, "day", RANK_DAY, True)
            for mo in _PAREN_DM.finditer(ntext):
                # Indonesian and Malay newsrooms write "Minggu (21/4)": day/month.
                year = mo.group("y")
                month, day = int(mo.group("m")), int(mo.group("d1"))
                if year:
                    d = _safe_date(int(year) + (2000 if len(year) == 2 else 0), month, day)
                else:
                    d = _infer_year(month, day, published, future_ok)
                add(mo.start(), mo.end(), (d, d) if d else None, "day", RANK_DAY, bool(year))
            if language == "vi":
                for mo in _VI_DAY_MONTH.finditer(ntext):
                    first = day_month(mo, int(mo.group("m")))
                    if first is None:
                        continue
                    last = first
                    if mo.group("d2"):
                        last = _safe_date(first.year, first.month, int(mo.group("d2"))) or first
                    rank = RANK_RANGE if last > first else RANK_DAY
                    add(mo.start(), mo.end(), (first, last), "day", rank, bool(mo.group("y")))
            if language != "en":
                for mo in _SLASH_DMY.finditer(ntext):
                    d = _safe_date(int(mo.group("y")), int(mo.group("m")), int(mo.group("d1")))
                    add(mo.start(), mo.end(), (d, d) if d else None, "day", RANK_DAY, True)
        for words, pattern in _PAST_N_DAYS:
            if not any(w in ntext for w in words):
                continue
            for mo in pattern.finditer(ntext):
                n = _number(mo.group(1))
                if n:
                    add(
                        mo.start(),
                        mo.end(),
                        (published - timedelta(days=n), published),
                        "day",
                        RANK_RELATIVE,
                    )
        for words, pattern in _N_DAYS_AGO:
            if not any(w in ntext for w in words):
                continue
            for mo in pattern.finditer(ntext):
                n = _number(mo.group(1))
                if n:
                    d = published - timedelta(days=n)
                    add(mo.start(), mo.end(), (d, d), "day", RANK_RELATIVE)
        self._relative_phrases(text, norm.original_span, ntext, published, add)
        self._weekdays_in(text, norm.original_span, ntext, weekdays, published, future_ok, add)
        for mo in pats["month"].finditer(ntext) if has_month else ():
            if not (mo.group("prep") or mo.group("y") or mo.group("rel")):
                continue
            m_start = mo.start("m")
            ostart, oend = norm.original_span(m_start, mo.end("m"))
            surface = text[ostart:oend]
            short = len(mo.group("m")) < 4
            if (short and not (mo.group("y") or mo.group("rel"))) or (
                not _surface_upper(surface)
                and surface.isascii()
                and language not in ("fr", "es", "pt", "vi")
            ):
                continue
            if _name_next_to(text, ostart, oend) and not mo.group("y"):
                continue
            month = months[mo.group("m")]
            rel = mo.group("rel") or ""
            if mo.group("y"):
                year = int(mo.group("y"))
            elif rel in ("next", "depan"):
                year = published.year + (1 if month <= published.month else 0)
            elif rel in ("ini", "this"):
                year = published.year
            else:
                year = (
                    published.year
                    if (month <= published.month or future_ok)
                    else (published.year - 1)
                )
            first = date(year, month, 1)
            last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
            add(mo.start(), mo.end(), (first, last), "month", RANK_MONTH, bool(mo.group("y")))
        found.sort(key=lambda f: f.position)
        return tuple(found)

    @staticmethod
    def _relative_phrases(
        text: str, to_original: _SpanMap, ntext: str, published: date, add: _Adder
    ) -> None:
        for mo in _RELATIVE_RE.finditer(ntext):
            phrase = mo.group(0)
            if phrase == "morgen":
                ostart, oend = to_original(mo.start(), mo.end())
                # German "Morgen" with a capital mid-sentence is the noun: "am Morgen".
                before = text[:ostart].rstrip()[-1:]
                if text[ostart:oend][:1].isupper() and before not in ("", ".", "!", "?"):
                    continue
            if phrase in _RELATIVE_WEEKS:
                span = _week_span(published, _RELATIVE_WEEKS[phrase])
                add(mo.start(), mo.end(), span, "week", RANK_RELATIVE)
            else:
                d = published + timedelta(days=_RELATIVE_DAYS[phrase])
                add(mo.start(), mo.end(), (d, d), "day", RANK_RELATIVE)

    @staticmethod
    def _weekdays_in(
        text: str,
        span: _SpanMap,
        ntext: str,
        weekdays: Mapping[str, int],
        published: date,
        future_ok: bool,
        add: _Adder,
    ) -> None:
        for mo in _alternation(tuple(weekdays)).finditer(ntext):
            weekday = weekdays[mo.group(0)]
            ostart, oend = span(mo.start(), mo.end())
            surface = text[ostart:oend]
            # "minggu" is also "week"; a weekday is written with a capital.
            if surface.isascii() and not _surface_upper(surface):
                continue
            if _name_next_to(text, ostart, oend):
                continue
            back = (published.weekday() - weekday) % 7
            d = published - timedelta(days=back)
            if future_ok and back:
                d = d + timedelta(days=7)
            add(mo.start(), mo.end(), (d, d), "day", RANK_DAY + 1)


_DATEPARSER_LANGS = {"tl": "fil"}


_DIGITS = re.compile(r"\d+")
_NUMERIC_DAY_MONTH = re.compile(r"\b\d{1,2}[./-]\d{1,2}\b")


def _dated_surface(surface: str, months: Mapping[str, int]) -> bool:
    """dateparser reads a lone number or a lone month name as a date ("ساعت ۱۱", the hour
    11, became 1 November; Burmese "မေ" became 1 May): a day needs a number and either a
    second number or a month name."""
    numbers = _DIGITS.findall(surface)
    if not numbers:
        return False
    if len(numbers) >= 2:
        return True
    words = normalise(surface).text.split()
    return any(w in months for w in words)


@lru_cache(maxsize=2048)
def _dateparser_dates(text: str, language: str, published: datetime) -> list[FoundDate]:
    """Cached: the same sentence is often evidence for both event types of an article."""
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - dateparser is a pinned dependency
        return []
    try:
        results = search_dates(
            text[:1000],
            languages=[_DATEPARSER_LANGS.get(language, language)],
            settings={
                "RELATIVE_BASE": published.replace(tzinfo=None),
                "PREFER_DAY_OF_MONTH": "first",
                "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input
        log.debug("dateparser failed", exc_info=True)
        return []
    out: list[FoundDate] = []
    pub = published.date()
    for surface, value in results or []:
        words = surface.split()
        # Short alphabetic hits are weekday abbreviations and name parts ("Min").
        if len(words) == 1 and surface.isalpha() and len(surface) <= 3:
            continue
        pos = text.find(surface)
        if pos >= 0 and _name_next_to(text, pos, pos + len(surface)):
            continue
        d = value.date()
        if abs(d.year - pub.year) > 1 or d > pub + timedelta(days=1):
            continue
        out.append(FoundDate(d, d, "day", RANK_FALLBACK, max(pos, 0), surface))
    return out


def warm_dateparser(languages: Iterable[str]) -> None:
    """Load what dateparser loads on first use: its modules and timezone patterns
    (~0.5 s) and each language's data (up to ~35 ms). A worker pays it at start
    rather than stalling the first article that falls back on dateparser, and
    every article queued behind it."""
    start = datetime(2000, 1, 1)
    for language in languages:
        _dateparser_dates("1 1", language, start)


def resolve_date(
    finder: DateFinder,
    sentences: Sequence[str],
    language: str,
    published_at: datetime | None,
    *,
    use_dateparser: bool = True,
    fallback: Callable[[], Sequence[str]] = tuple,
) -> DateSpan | None:
    """The event date from its evidence sentences, else from the sentences around them
    (`fallback`: neighbours, headline, lead); publication day (assumed) if none is stated."""
    if published_at is None:
        return None
    published = published_at.date()
    candidates: list[tuple[int, int, FoundDate]] = []
    for idx, sentence in enumerate(sentences):
        for found in finder.find(sentence, language, published):
            candidates.append((idx, found.position, found))
    if not candidates:
        # Our own patterns on the surrounding sentences before dateparser on the evidence:
        # they are both faster and more often right. Nearest sentence first.
        for idx, sentence in enumerate(fallback()):
            for found in finder.find(sentence, language, published):
                candidates.append((len(sentences) + idx, found.position, found))
            if candidates:
                break
    if not candidates and use_dateparser:
        months = finder.months(language)
        for idx, sentence in enumerate(sentences):
            # dateparser costs ~25 ms a sentence, and "12 people" or "300 km" is no date:
            # ask it only where a month name or a numeric day/month stands.
            if _NUMERIC_DAY_MONTH.search(sentence) or (
                any(ch.isdigit() for ch in sentence)
                and any(w in months for w in normalise(sentence).text.split())
            ):
                for found in _dateparser_dates(sentence, language, published_at):
                    if _dated_surface(found.text or "", months):
                        candidates.append((idx, found.position, found))
    if not candidates:
        return DateSpan(start=published, end=published, precision="day", assumed=True)
    _, _, best = min(candidates, key=lambda c: (c[2].rank, c[0], c[1]))
    return DateSpan(start=best.start, end=best.end, precision=best.precision, text=best.text)
