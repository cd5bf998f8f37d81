"""Alias automaton: finds every knowledge-base alias in a text in one pass.

Aliases and texts go through the same `normalise` so that "Myanmar's",
"MYANMAR" and "myanmar" meet the same key; matches are then checked against
the original text for word boundaries and for the alias's case rule, which is
what keeps "lima" (five) from becoming Lima and "AS" (United States in
Indonesian) from matching "as".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

# How an alias may be written in the text.
CASE_ANY = 0  # lower-case alias ("russe"): any case
CASE_FIRST_UPPER = 1  # capitalised alias ("Rusia"): first letter must be upper case
CASE_EXACT = 2  # short all-caps alias ("AS", "PDF"): exact spelling

_APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4"
_CURRENCY = frozenset("$€£¥₹")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_NUKTA = "\u093c"
# Arabic and Persian spell the same letters with different code points (Arabic yeh and
# kaf vs Persian yeh and keheh); GeoNames and the texts mix them.
_ARABIC_VARIANTS = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}


def _is_latin(ch: str) -> bool:
    cp = ord(ch)
    return cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF


def _normalise_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch.isspace():
        return " "
    low = ch.lower()
    if ch in _ARABIC_VARIANTS:
        return _ARABIC_VARIANTS[ch]
    if 0x0900 <= ord(ch) <= 0x097F:
        # Hindi writers drop the nukta as often as not ("न्यूज़ीलैंड", "न्यूजीलैंड").
        decomposed = unicodedata.normalize("NFD", ch)
        return "".join(c for c in decomposed if c != _NUKTA)
    if not _is_latin(ch):
        # Thai, Burmese and Arabic marks carry meaning: only Latin letters lose accents.
        return low
    if low in ("\u0111", "\u0131"):  # Vietnamese đ and Turkish dotless ı have no decomposition
        return "d" if low == "\u0111" else "i"
    decomposed = unicodedata.normalize("NFKD", low)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _char_class(chars: frozenset[str]) -> re.Pattern[str] | None:
    if not chars:
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class _CharTable(dict[int, str]):
    """str.translate table that fills itself: each distinct character is normalised once."""

    def __init__(self) -> None:
        super().__init__()
        # Replaced, never changed in place: readers use them without a lock. Each set comes
        # with a pattern that finds its characters in one C scan of a text.
        self.non_unit: frozenset[str] = frozenset()
        self.non_unit_pattern: re.Pattern[str] | None = None
        # Characters that become more or less than one character, or a currency sign: a
        # text without any of them maps offset for offset and needs no currency check.
        self.special: frozenset[str] = frozenset()
        self.special_pattern: re.Pattern[str] | None = None

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        out = _normalise_char(ch)
        if len(out) != 1:
            non_unit = self.non_unit | {ch}
            self.non_unit_pattern = _char_class(non_unit)
            self.non_unit = non_unit
        if len(out) != 1 or out in _CURRENCY:
            special = self.special | {ch}
            self.special_pattern = _char_class(special)
            self.special = special
        self[cp] = out
        return out


_TABLE = _CharTable()


@dataclass(frozen=True, slots=True)
class Normalised:
    text: str
    # offsets[i] is the original index of normalised character i; None when identical.
    offsets: tuple[int, ...] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        if start >= len(self.offsets):
            return len(self.offsets), len(self.offsets)
        orig_start = self.offsets[start]
        orig_end = self.offsets[end - 1] + 1 if end > 0 else 0
        return orig_start, orig_end


def normalise(text: str) -> Normalised:
    """Case-fold and strip Latin diacritics, keeping a map back to the original offsets."""
    norm = text.translate(_TABLE)
    # Translating filled the table with every character of the text, so the pattern of
    # the characters that do not map one to one is up to date for it.
    non_unit = _TABLE.non_unit_pattern
    if len(norm) == len(text) and (non_unit is None or non_unit.search(text) is None):
        return Normalised(norm, None)
    assert non_unit is not None  # a length change needs a character that maps to 0 or 2+
    # Runs between those characters map one to one: extend by ranges, not per character.
    offsets: list[int] = []
    pos = 0
    for mo in non_unit.finditer(text):
        i = mo.start()
        offsets.extend(range(pos, i))
        offsets.extend([i] * len(_TABLE[ord(text[i])]))
        pos = i + 1
    offsets.extend(range(pos, len(text)))
    return Normalised(norm, tuple(offsets))


def normalise_key(text: str) -> str:
    return " ".join(normalise(text).text.split())


def _unspaced(ch: str) -> bool:
    """Scripts written without spaces between words: match them character by character."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x0E00 <= cp <= 0x0EFF  # Thai, Lao
        or 0x1000 <= cp <= 0x109F  # Myanmar
        or 0x1780 <= cp <= 0x17FF  # Khmer
        or 0x3040 <= cp <= 0x30FF
    )


def unspaced_text(text: str) -> bool:
    """Whether a text's last letter is of a script written without spaces."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and _unspaced(letters[-1])


def case_rule(form: str) -> int:
    letters = [c for c in form if c.isalpha()]
    if not letters or not any(c.isupper() or c.islower() for c in letters):
        return CASE_ANY
    if len(letters) <= 5 and all(c.isupper() for c in letters if c.isupper() or c.islower()):
        return CASE_EXACT
    first = letters[0]
    if first.isupper():
        return CASE_FIRST_UPPER
    return CASE_ANY


def case_ok(rule: int, form: str, surface: str) -> bool:
    if rule == CASE_ANY:
        return True
    if rule == CASE_EXACT:
        return surface.replace("\u2019", "'") == form
    for c in surface:
        if c.isalpha():
            return c.isupper() or not c.islower()
    return True


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # offsets into the original text
    end: int
    surface: str
    entity_ids: tuple[str, ...]


AliasEntry = tuple[str, int, str]  # entity id, case rule, form as written


class _SeparatorTable(dict[int, str]):
    """Punctuation, symbols and spaces become one space; letters, digits and marks stay.

    Applied to normalised text and aliases alike, it lets an alias key carry its own word
    boundaries (" rusia ") so that the automaton reports only whole-word hits and the
    per-hit Python work stays small."""

    def __missing__(self, cp: int) -> str:
        ch = chr(cp)
        out = " " if unicodedata.category(ch)[0] in "PSZC" else ch
        self[cp] = out
        return out


_SEPARATORS = _SeparatorTable()


class _SearchTable(dict[int, str]):
    """Normalisation and separators in one table: `find` translates a text once, not twice."""

    def __missing__(self, cp: int) -> str:
        out = _TABLE[cp].translate(_SEPARATORS)
        self[cp] = out
        return out


_SEARCH = _SearchTable()


def _boundary_key(key: str) -> str:
    core = key.translate(_SEPARATORS).strip()
    if not core:
        return ""
    # Scripts written without spaces match inside runs of text, so no boundary there.
    head = "" if _unspaced(core[0]) else " "
    tail = "" if _unspaced(core[-1]) else " "
    return head + core + tail


# How a key meets the words around it beyond its own letters.
_WHOLE = 0  # whole word only
_ENDING = 1  # Russian/Ukrainian case ending allowed: "Ташкент" matches "в Ташкенте"
_STEM = 2  # a stem that needs an ending: "Москв" for "Москва", "в Москве"
_PROCLITIC = 3  # Arabic proclitics allowed: "نواكشوط" matches "بنواكشوط"
# Noun case endings of Russian and Ukrainian place names (nominative stripped).
_CASE_ENDINGS = frozenset(
    {"а", "у", "е", "ом", "ой", "ою", "ы", "и", "і", "ї", "ю", "я", "ей", "ем", "ові", "еві"}
    | {"ах", "ам", "ях", "ям", "єю"}
)
_CYRILLIC_VOWEL_END = frozenset("аяоьйеі")
# Conjunction and prepositions written onto an Arabic noun: "و" and, "ب" in/at, "ل" to,
# "ف" so. The article "ال" is not among them: "المالي" is "the financial", not Mali.
_PROCLITICS = frozenset({"و", "ب", "ل", "ف", "وب", "فب", "ول", "فل"})
_MIN_INFLECTED_LETTERS = 4


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


def _affix_keys(bkey: str, exact: bool) -> list[tuple[str, int]]:
    """The automaton keys for one alias key: itself, or forms that let the
    inflection or clitics of the article's language attach to it."""
    core = bkey.strip(" ")
    if exact or not core:
        return [(bkey, _WHOLE)]
    if bkey.endswith(" ") and _is_cyrillic(core[-1]):
        last = core.rsplit(" ", 1)[-1]
        if len(last) >= _MIN_INFLECTED_LETTERS:
            if core[-1] in _CYRILLIC_VOWEL_END:
                return [(bkey, _WHOLE), (bkey[:-2], _STEM)]
            return [(bkey[:-1], _ENDING)]
    if bkey.startswith(" ") and _is_arabic(core[0]) and len(core) >= 3:
        return [(bkey[1:], _PROCLITIC)]
    return [(bkey, _WHOLE)]


AutomatonKey = tuple[str, int, Sequence[AliasEntry]]  # key as searched, affix mode, entries


def automaton_keys(aliases: Iterable[tuple[str, str, int, str]]) -> list[AutomatonKey]:
    """(normalised key, entity id, case rule, form) aliases as the automaton's keys: with
    their word boundaries and affix modes, grouped. The KB build stores these so that
    loading does not redo the work."""
    grouped: dict[str, list[AliasEntry]] = {}
    for key, entity_id, rule, form in aliases:
        bkey = _boundary_key(key)
        if bkey:
            grouped.setdefault(bkey, []).append((entity_id, rule, form))
    keyed: dict[tuple[str, int], list[AliasEntry]] = {}
    for bkey, entries in grouped.items():
        exact = any(rule == CASE_EXACT for _, rule, _ in entries)
        for akey, mode in _affix_keys(bkey, exact):
            keyed.setdefault((akey, mode), []).extend(entries)
    by_key: dict[str, tuple[int, list[AliasEntry]]] = {}
    for (akey, mode), entries in keyed.items():
        if akey in by_key:  # a stem that is also another alias's key: keep both readings
            old_mode, old = by_key[akey]
            by_key[akey] = (min(old_mode, mode), old + entries)
        else:
            by_key[akey] = (mode, entries)
    return [(akey, mode, list(dict.fromkeys(entries))) for akey, (mode, entries) in by_key.items()]


# What an automaton hit stands for: key length, leading space, trailing space, entries, mode.
_Payload = tuple[int, int, int, tuple[AliasEntry, ...], int]


class Gazetteer:
    """Aho-Corasick automata over normalised aliases.

    Keys that start with their word boundary (a space) and keys that start inside a word
    (scripts written without spaces, Arabic with proclitics) live in two automata: the
    first one's root has a single child, while a root with the ~1,100 first characters of
    the second kind is searched linearly at every character of every text. The second
    automaton runs only on texts that hold one of those first characters.
    """

    def __init__(self, aliases: Iterable[tuple[str, str, int, str]]) -> None:
        self._build(automaton_keys(aliases))

    @classmethod
    def from_keys(cls, keys: Iterable[AutomatonKey]) -> Gazetteer:
        gazetteer = cls.__new__(cls)
        gazetteer._build(keys)
        return gazetteer

    def _build(self, keys: Iterable[AutomatonKey]) -> None:
        # The automata store indexes into `payloads`: integers cost less to add and to
        # keep than a Python tuple per key.
        spaced = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        inword = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        payloads: list[_Payload] = []
        first_chars: set[str] = set()
        for akey, mode, entries in keys:
            lead = 1 if akey[0] == " " else 0
            trail = 1 if akey[-1] == " " else 0
            if lead:
                spaced.add_word(akey, len(payloads))
            else:
                inword.add_word(akey, len(payloads))
                first_chars.add(akey[0])
            payloads.append((len(akey), lead, trail, tuple(entries), mode))
        self._spaced = _made(spaced)
        self._inword = _made(inword)
        self._inword_gate = (
            re.compile("[" + "".join(re.escape(c) for c in sorted(first_chars)) + "]")
            if first_chars
            else None
        )
        self._payloads = payloads
        self.size = len(payloads)

    def _hits(self, searched: str) -> list[tuple[int, int]]:
        """(last offset, payload index) of every key in `searched`."""
        hits: list[tuple[int, int]] = []
        if self._spaced is not None:
            hits.extend(self._spaced.iter(searched))
        gate = self._inword_gate
        if self._inword is not None and gate is not None and gate.search(searched):
            hits.extend(self._inword.iter(searched))
        return hits

    def find(self, text: str) -> list[Match]:
        """Non-overlapping whole-word alias matches, longest first, in text order."""
        if not text or self.size == 0:
            return []
        core, norm = _searched(text)
        ntext = "" if norm is None else norm.text
        # One space either side so that aliases at the very start or end find their boundary;
        # search offsets are therefore ntext offsets + 1.
        searched = " " + core + " "
        found: list[tuple[int, int, bool, tuple[AliasEntry, ...]]] = []
        payloads = self._payloads
        for last, index in self._hits(searched):
            length, lead, trail, entries, mode = payloads[index]
            start = last - length + 1 + lead - 1
            end = last + 1 - trail - 1
            inflected = False
            if mode in (_ENDING, _STEM):
                stop = searched.find(" ", last + 1)
                ending = searched[last + 1 : stop]
                if ending and ending not in _CASE_ENDINGS:
                    continue
                if mode == _STEM and not ending:
                    continue
                end += len(ending)
                inflected = bool(ending)
            elif mode == _PROCLITIC:
                before = searched.rfind(" ", 0, start + 1)
                if searched[before + 1 : start + 1] and (
                    searched[before + 1 : start + 1] not in _PROCLITICS
                ):
                    continue
            # "US$18 miliar", "$US": a currency, not a country
            if norm is not None and (
                ntext[end : end + 1] in _CURRENCY or ntext[start - 1 : start] in _CURRENCY
            ):
                continue
            found.append((start, end, inflected, entries))
        if not found:
            return []
        # Longest first; on the same span a word as written beats an inflected reading of
        # another name ("Мексика" is Mexico, not "Мексико" declined).
        found.sort(key=lambda f: (f[0] - f[1], f[0], f[2]))
        taken = bytearray(len(core))
        chosen: list[Match] = []
        for start, end, _, entries in found:
            if taken.find(1, start, end) >= 0:
                continue
            ostart, oend = (start, end) if norm is None else norm.original_span(start, end)
            surface = text[ostart:oend]
            if len(entries) == 1:  # most keys name one entity
                e, rule, form = entries[0]
                ids: tuple[str, ...] = (e,) if case_ok(rule, form, surface) else ()
            else:
                ids = tuple(
                    dict.fromkeys(e for e, rule, form in entries if case_ok(rule, form, surface))
                )
            if not ids:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(Match(ostart, oend, surface, ids))
        chosen.sort(key=lambda m: m.start)
        return chosen


# The alias and the sector-noun gazetteers search the same sentence one after the other:
# the last text's translation is kept for the second.
_last_searched: tuple[str, str, Normalised | None] = ("", "", None)


def _searched(text: str) -> tuple[str, Normalised | None]:
    """The text as the automata search it, and its full normalisation when offsets shift
    or a currency sign is near (None when neither)."""
    global _last_searched
    last = _last_searched  # one read: another thread may replace it meanwhile
    if last[0] == text:
        return last[1], last[2]
    core = text.translate(_SEARCH)
    special = _TABLE.special_pattern
    norm: Normalised | None = None
    if len(core) != len(text) or (special is not None and special.search(text) is not None):
        norm = normalise(text)
    _last_searched = (text, core, norm)
    return core, norm


def _made(automaton: ahocorasick.Automaton) -> ahocorasick.Automaton | None:
    """The automaton ready to search, or None without keys (an empty one cannot search)."""
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton
