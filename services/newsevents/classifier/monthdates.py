"""Month dates in a sentence ("in July 2025", "tháng 7/2025", "juillet dernier"),
resolved against the article's month of publication.

A sentence dated only to a month well before publication retells background
("the two countries fought a five-day war in July 2025 before agreeing a
ceasefire"): news is dated by day, weekday or "today", and reaches back a
month at most. Month names come from CLDR (Babel), in the format, stand-alone
and abbreviated forms it has; a name only counts as a date when a day or a
year stands beside it, or a word saying it is the last one ("last October",
"en juillet dernier"): "May", "mar" and "Set" are words too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import ahocorasick
from babel.dates import get_month_names

# The CLDR locales whose month names each language's press uses: Arabic
# papers write the Levantine ("تموز") and Maghrebi ("جويلية") names as well.
_LOCALES: dict[str, tuple[str, ...]] = {
    "en": ("en",), "id": ("id",), "ms": ("ms",), "tl": ("fil", "en"), "vi": ("vi",),
    "th": ("th",), "my": ("my",), "zh": ("zh",), "ar": ("ar", "ar_SY", "ar_MA", "ar_DZ"),
    "tr": ("tr",), "ru": ("ru",), "uk": ("uk",), "fr": ("fr",), "es": ("es",),
    "pt": ("pt",), "de": ("de",), "fa": ("fa",), "hi": ("hi",),
}
# Scripts written without spaces between words: a month name needs no word boundary.
_UNSPACED = frozenset({"th", "my", "zh"})
# A word marking the most recent past occurrence of the month ("last July",
# "juillet dernier", "Juli lalu"), on either side of the name.
_PAST_MARKERS: dict[str, str] = {
    "en": r"last|past",
    "id": r"lalu|kemarin",
    "ms": r"lalu|lepas",
    "tl": r"nakaraang|nagdaang",
    "vi": r"năm ngoái|năm trước|vừa qua",
    "th": r"ที่ผ่านมา|ปีที่แล้ว|ปีก่อน",
    "my": r"ယမန်နှစ်|မနှစ်",
    "ar": r"الماضي|المنصرم|الفائت",
    "tr": r"geçen|geçtiğimiz",
    "ru": r"прошлого|прошлом|минувшего",
    "uk": r"минулого|минулому",
    "fr": r"dernier|passé",
    "es": r"pasado",
    "pt": r"passado",
    "de": r"letzten|vergangenen|vorigen",
    "fa": r"گذشته|پارسال",
    "hi": r"पिछले|बीते|गत",
    "zh": r"去年",
}
# Languages whose marker stands before the month ("last July", "geçen temmuz").
_MARKER_FIRST = frozenset({"en", "tl", "tr", "de", "hi", "zh"})
# What may stand between a month and a marker after it ("juillet dernier",
# "июле прошлого года", "Juli tahun lalu", "tháng 7 năm ngoái").
_GAP = re.compile(r"\W{0,2}(?:(?:tahun|del año|do ano|de l'année|года|року|de|del|do)\W{1,2})?")
# "Since July", "seit März": the month opens a span reaching to now, so it
# does not date the sentence's event.
_SINCE: dict[str, str] = {
    "en": r"since", "id": r"sejak", "ms": r"sejak", "tl": r"mula noong|simula noong|mula|simula",
    "vi": r"từ|kể từ|từ đầu", "th": r"ตั้งแต่", "ar": r"منذ", "tr": r"bu yana|beri|itibaren",
    "ru": r"с|со|начиная с", "uk": r"з|із|від|починаючи з", "fr": r"depuis",
    "es": r"desde", "pt": r"desde", "de": r"seit", "fa": r"از", "hi": r"से", "zh": r"自|从|以来",
    "my": r"ကတည်းက",
}
_SINCE_REACH = 80
_CLAUSE_BREAK = re.compile(r"[,;:()\u060c\u061b\u3001\uff0c\uff1b\u104a]")
# The Iranian press dates by the solar Hijri calendar ("تیر ۱۴۰۴"); CLDR's
# Persian-calendar names are not in Babel's API. Farvardin starts on 21 March,
# so each month lies mostly in the Gregorian month three after its rank.
_PERSIAN_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                   "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
_PERSIAN_YEAR_OFFSET = 621
BUDDHIST_ERA = 543
# A news sentence reaches back this many months at most: an older month is background.
OLD_MONTHS = 2
# Dates written in Burmese, Thai, Arabic-Indic, Persian or Devanagari digits.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x0966, 0x0E50, 0x1040, 0xFF10)
DIGITS = str.maketrans({chr(zero + n): str(n) for zero in _DIGIT_ZEROS for n in range(10)})
# translate() looks up every character in a dict: a text without such digits
# (most of them) skips it, found by one C-level scan.
NATIVE_DIGIT = re.compile(
    "[" + "".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in _DIGIT_ZEROS) + "]")
# Any decimal digit, of any script (`re`'s \d is Unicode's Nd).
_ANY_DIGIT = re.compile(r"\d")
# Numeric month dates: day.month.year, month/year, ISO, and Chinese years.
_NUMERIC_DATE = re.compile(r"\d[/.-]\d")
_FULL_DATE = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?!\d)")
_MONTH_YEAR = re.compile(r"(?<![\d/.])(1[0-2]|0?[1-9])/((?:19|20)\d\d)(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(\d\d)(?!\d)")
_CJK_MONTH = re.compile(r"(?:((?:19|20)\d\d)年|(去年))?(1[0-2]|[1-9])月(?!份?以来)")
# A year after the name: Gregorian, Buddhist-era (Thai) or solar Hijri (Iran);
# Burmese writes a suffix on the name ("ဇူလိုင်လ").
_YEAR_AFTER = re.compile(
    r"[^\W\d]{0,1}\W{0,3}(?:[^\W\d]{1,6}\W{1,3})?((?:19|20|25|13|14)\d\d)(?!\d)")
_YEAR_BEFORE = re.compile(r"(?<!\d)((?:19|20)\d\d)\W{0,2}$")
_DAY_AFTER = re.compile(r"[^\W\d]{0,1}\W{0,2}(\d{1,2})(?!\d)")
# "3 July", "3. Juli", "le 3 juillet", "3 de julio", "3rd of July"; not "3% in June".
_DAY_BEFORE = re.compile(
    r"(?<![\d.,%])(\d{1,2})(?:\.|st|nd|rd|th|er)?\s{1,2}(?:(?:de|of|del)\s)?$")


@dataclass(frozen=True, slots=True)
class MonthDate:
    start: int
    end: int
    months_back: int | None  # None: the month may lie ahead (scheduled) or cannot be placed


@dataclass(frozen=True, slots=True)
class _Names:
    # The names as one regex: the reference for `automaton`, which finds the
    # same in one C pass instead of trying every name at every character.
    pattern: re.Pattern[str]
    automaton: Any
    bounded: bool  # names must stand as words (not in Thai, Burmese, Chinese)
    months: dict[str, int]
    past: re.Pattern[str] | None
    since: re.Pattern[str] | None
    persian: bool
    # The past marker anywhere: a sentence with neither it nor a digit holds
    # no month date, and most sentences are settled by these two searches.
    any_past: re.Pattern[str] | None


def _ru_uk_locatives(name: str, language: str) -> list[str]:
    """The prepositional/locative case, which CLDR does not list ("в июле", "у липні")."""
    if language == "ru":
        return [name[:-1] + "е" if name[-1] in "ьй" else name + "е"]
    if name.endswith("ень"):
        return [name[:-3] + "ні"]
    if name.endswith("ий"):
        return [name[:-2] + "ому"]
    return [name + "і"]


@cache
def _names(language: str) -> _Names | None:
    locales = _LOCALES.get(language)
    if locales is None:
        return None
    months: dict[str, int] = {}
    for locale in locales:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    # Abbreviations without a dot ("mar", "Set", "May") are
                    # ordinary words as often as months.
                    if width == "abbreviated" and len(name) <= 3 and not name.endswith("."):
                        continue
                    if "月" in name and language != "zh":
                        continue  # Babel's fallback for locales without such forms
                    months[name] = number
                    if language in ("ru", "uk") and width == "wide" and context == "stand-alone":
                        for form in _ru_uk_locatives(name, language):
                            months[form] = number
    if language == "fa":
        months.update({name: rank + 1 for rank, name in enumerate(_PERSIAN_MONTHS)})
    # Capitalised CLDR names are written so in running text ("July", "Juli"):
    # matched as written; lower-case ones also open a sentence capitalised.
    forms: dict[str, int] = {}
    for name, number in months.items():
        forms[name] = number
        # Turkish writes a month without a day in lower case ("geçen temmuz").
        if name[:1].islower() or language == "tr":
            forms[name[:1].lower() + name[1:]] = number
            forms[name[:1].upper() + name[1:]] = number
    alternation = "|".join(re.escape(n) for n in sorted(forms, key=len, reverse=True))
    if language in _UNSPACED:
        pattern = re.compile(f"(?:{alternation})")
    else:
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    marker = _PAST_MARKERS.get(language)
    since = _SINCE.get(language)
    boundary = "" if language in _UNSPACED else r"(?<!\w)"
    last = r"\W{1,2}$" if language in _MARKER_FIRST and language not in _UNSPACED else ""
    end_boundary = "" if language in _UNSPACED else r"(?!\w)"
    automaton = ahocorasick.Automaton()
    for name in forms:
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    return _Names(
        pattern,
        automaton,
        language not in _UNSPACED,
        forms,
        re.compile(rf"{boundary}(?:{marker}){end_boundary}{last}", re.IGNORECASE)
        if marker else None,
        re.compile(rf"{boundary}(?:{since}){end_boundary}", re.IGNORECASE) if since else None,
        language == "fa",
        re.compile(rf"{boundary}(?:{marker}){end_boundary}", re.IGNORECASE) if marker else None,
    )


def _back(year: int | None, month: int, past: bool, ref_year: int, ref_month: int) -> int | None:
    """How many months before publication (`ref_year`, `ref_month`) the month lies."""
    here = ref_year * 12 + ref_month
    if year is not None:
        return here - (year * 12 + month)
    if month <= ref_month:
        return ref_month - month
    if past:  # the last such month: in the previous year
        return here - ((ref_year - 1) * 12 + month)
    return None  # a later month without a year is as likely next one


def _is_word_char(c: str) -> bool:
    # `re`'s \w on str: alphanumeric or the underscore.
    return c.isalnum() or c == "_"


def name_spans(names: _Names, span: str) -> list[tuple[int, int]]:
    """`names.pattern.finditer(span)` as (start, end) pairs: at each position
    the longest name that stands as a word, left to right, never overlapping."""
    found: list[tuple[int, int]] = []
    for last, length in names.automaton.iter(span):
        start, end = last + 1 - length, last + 1
        if names.bounded and ((start > 0 and _is_word_char(span[start - 1]))
                              or (end < len(span) and _is_word_char(span[end]))):
            continue
        found.append((start, end))
    if len(found) < 2:
        return found
    taken: list[tuple[int, int]] = []
    reach = 0
    for start, end in sorted(found, key=lambda se: (se[0], se[0] - se[1])):
        if start >= reach:
            taken.append((start, end))
            reach = end
    return taken


def month_dates(text: str, language: str, ref_year: int, ref_month: int) -> list[MonthDate]:
    """Every month date of `text` (one sentence), with how far back it lies."""
    names = _names(language)
    if _ANY_DIGIT.search(text) is None and (
            names is None or names.any_past is None or names.any_past.search(text) is None):
        # Every form below needs a digit (a day, a year, a numeric date) or a
        # past marker ("last July"): nothing to find, and nothing to translate.
        return []
    span = text.translate(DIGITS) if NATIVE_DIGIT.search(text) else text
    found: list[MonthDate] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, back: int | None) -> None:
        # "the first since Malaysia took over the chair in January": the
        # "since" of the month's clause, however far back in it.
        opening = max(0, start - _SINCE_REACH)
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(span, opening, start)]
        if since is not None and since.search(span, breaks[-1] if breaks else opening, start):
            return
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        found.append(MonthDate(start, end, back))

    since = names.since if names is not None else None
    # The numeric forms start with a look-behind, which `re` tries at every
    # character; digits joined by a separator are rare and found in one pass.
    if _NUMERIC_DATE.search(span) is not None:
        for m in _ISO_DATE.finditer(span):
            add(m.start(), m.end(), _back(int(m[1]), int(m[2]), False, ref_year, ref_month))
        for m in _FULL_DATE.finditer(span):
            month = int(m[2])
            if 1 <= month <= 12:
                add(m.start(), m.end(), _back(int(m[3]), month, False, ref_year, ref_month))
        for m in _MONTH_YEAR.finditer(span):
            add(m.start(), m.end(), _back(int(m[2]), int(m[1]), False, ref_year, ref_month))
    if language in ("zh", "ja"):
        for m in _CJK_MONTH.finditer(span):
            year = int(m[1]) if m[1] else (ref_year - 1 if m[2] else None)
            dated = m[1] or m[2] or span.startswith(("日", "号"), m.end()) or re.match(
                r"\d{1,2}[日号]", span[m.end():m.end() + 3])
            if dated:
                add(m.start(), m.end(), _back(year, int(m[3]), False, ref_year, ref_month))
    if names is None:
        return found
    for name_start, name_end in name_spans(names, span):
        name = span[name_start:name_end]
        month = names.months[name]
        after = span[name_end:name_end + 16]
        before = span[max(0, name_start - 12):name_start]
        start, end = name_start, name_end
        year_match = _YEAR_AFTER.match(after)
        if year_match is not None:
            end += year_match.end()
        else:
            year_match = _YEAR_BEFORE.search(before)
            if year_match is not None:
                start -= len(before) - year_match.start()
        year = int(year_match[1]) if year_match else None
        if names.persian and name in _PERSIAN_MONTHS:
            # Farvardin (1) lies mostly in April; Dey (10) in the next January.
            shifted = month + 2
            month = shifted % 12 + 1
            if year is not None and year < 1500:
                year += _PERSIAN_YEAR_OFFSET + shifted // 12
        elif year is not None and year > 2400:
            year -= BUDDHIST_ERA
        gap = _GAP.match(after)
        gap_length = gap.end() if gap is not None else 0
        past = names.past is not None and (
            names.past.search(before[-12:]) is not None if language in _MARKER_FIRST
            else names.past.match(span, name_end + gap_length) is not None)
        day_after = _DAY_AFTER.match(after)
        day_before = None if day_after else _DAY_BEFORE.search(before)
        if year is None and not past and day_after is None and day_before is None:
            continue
        # The span takes in the day and year, which date nothing else.
        if day_after is not None:
            end = max(end, name_end + day_after.end())
        if day_before is not None:
            start = min(start, name_start - len(before) + day_before.start())
        add(start, end, _back(year, month, past, ref_year, ref_month))
    return found

