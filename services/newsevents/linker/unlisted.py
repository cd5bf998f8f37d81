"""Villages and districts the knowledge base does not list, found by the word that says
what they are ("the village of Xa", "Distrik Xa", "Xa tehsil", "aldeia de Xa").

News places a clash in the smallest unit it knows, and most of those are below the
gazetteer's population floor. Without them the linker falls back to the province or,
worse, to a town the text names only as a reference point ("20 km south of the
provincial capital") or as where the wounded were flown. The name is kept as written;
its country is that of the known place it is tied to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsevents.linker.gazetteer import normalise_key
from newsevents.linker.kb import Cues
from newsevents.linker.mentions import Mention

UnlistedPrecision = Literal["city", "region"]

# The same few words come back in every sentence: each is normalised once.
_key = lru_cache(maxsize=1 << 16)(normalise_key)

# Words of a name: letters with their combining marks, inner hyphens and apostrophes
# ("Impasug-ong", "Buco-Zau", "Aita al-Shaab").
_TOKEN = re.compile(r"[^\W\d_][\w\u0300-\u036f]*(?:['\u2019-][\w\u0300-\u036f]+)*", re.UNICODE)
# Lower-case particles inside a name, only when a capitalised word follows.
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ul", "ur", "ng", "de",
                        "del", "da", "do", "dos", "das", "du", "la", "le", "bin", "ibn"})
_MAX_NAME_WORDS = 4
_MAX_CUE_WORDS = 4


@dataclass(frozen=True, slots=True)
class UnlistedPlace:
    start: int
    end: int
    name: str
    precision: UnlistedPrecision
    said_where: bool  # after "in", "near", "around": where something happened


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


class UnlistedFinder:
    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self._first_words = frozenset(
            phrase.split()[0] for phrase in cues.settlement_before | cues.district_before
        )

    def find(self, text: str) -> list[UnlistedPlace]:
        # Most sentences name no village: a set lookup of their words settles them before
        # any word is normalised on its own.
        if self.cues.designator_words.isdisjoint(text.casefold().split()):
            return []
        found: list[UnlistedPlace] = []
        tokens = list(_TOKEN.finditer(text))
        keys = [_key(t.group(0)) for t in tokens]
        i = 0
        while i < len(tokens):
            hit = self._cue_before(keys, i)
            if hit is not None:
                length, precision = hit
                name = self._name_after(text, tokens, keys, i + length)
                if name is not None:
                    first, last = name
                    around = keys[max(0, i - _MAX_CUE_WORDS) : i + length]
                    found.append(self._place(text, tokens, around, first, last, precision))
                    i = last + 1
                    continue
            i += 1
        for j, key in enumerate(keys):
            after_precision = self._cue_after(keys, j)
            if after_precision is None or j == 0:
                continue
            run = self._name_before(text, tokens, keys, j)
            if run is None:
                continue
            first, last = run
            if any(p.start <= tokens[first].start() < p.end for p in found):
                continue
            around = [*keys[max(0, first - _MAX_CUE_WORDS) : first], key]
            found.append(self._place(text, tokens, around, first, last, after_precision))
        found.sort(key=lambda p: p.start)
        return found

    def _cue_before(self, keys: Sequence[str], i: int) -> tuple[int, UnlistedPrecision] | None:
        if keys[i] not in self._first_words:
            return None
        cues = self.cues
        for n in range(min(_MAX_CUE_WORDS, len(keys) - i), 0, -1):
            phrase = " ".join(keys[i : i + n])
            if phrase in cues.settlement_before:
                return n, "city"
            if phrase in cues.district_before:
                return n, "region"
        return None

    def _cue_after(self, keys: Sequence[str], j: int) -> UnlistedPrecision | None:
        if keys[j] in self.cues.settlement_after:
            return "city"
        if keys[j] in self.cues.district_after:
            return "region"
        return None

    def _name_after(
        self, text: str, tokens: Sequence[re.Match[str]], keys: Sequence[str], k: int
    ) -> tuple[int, int] | None:
        """The capitalised words from token `k` on, joined by single spaces."""
        if k >= len(tokens) or not _capitalised(tokens[k].group(0)):
            return None
        if text[tokens[k - 1].end() : tokens[k].start()] not in (" ", "\u00a0"):
            return None
        last = k
        while last + 1 < len(tokens) and last - k + 1 < _MAX_NAME_WORDS:
            nxt = tokens[last + 1]
            if text[tokens[last].end() : nxt.start()] != " ":
                break
            word = nxt.group(0)
            if _capitalised(word) and not self._cue_word(keys[last + 1]):
                last += 1
                continue
            if (
                keys[last + 1] in _PARTICLES
                and last + 2 < len(tokens)
                and _capitalised(tokens[last + 2].group(0))
                and text[nxt.end() : tokens[last + 2].start()] in (" ", "-")
            ):
                last += 2
                continue
            break
        if self._not_a_name(tokens, k, last):
            return None
        return k, last

    def _name_before(
        self, text: str, tokens: Sequence[re.Match[str]], keys: Sequence[str], j: int
    ) -> tuple[int, int] | None:
        """The capitalised words right before the designator at token `j`."""
        first = j
        while first - 1 >= 0 and j - first < _MAX_NAME_WORDS - 1:
            prev = tokens[first - 1]
            word = prev.group(0)
            if text[prev.end() : tokens[first].start()] != " " or not _capitalised(word):
                break
            if word.endswith(("'s", "\u2019s")):
                break  # "the district's Upper Xa tehsil": the district, not the name
            first -= 1
        if first == j or self._not_a_name(tokens, first, j - 1):
            return None
        before = text[: tokens[first].start()].rstrip()
        if not before or before[-1] in ".!?\n\"“”:":
            return None  # a capital that only starts the sentence: "The district said"
        return first, j - 1

    def _cue_word(self, key: str) -> bool:
        cues = self.cues
        return key in cues.settlement_after or key in cues.district_after

    def _not_a_name(self, tokens: Sequence[re.Match[str]], first: int, last: int) -> bool:
        words = [t.group(0) for t in tokens[first : last + 1]]
        return all(w in self.cues.place_modifiers or w.isupper() for w in words)

    def _place(
        self,
        text: str,
        tokens: Sequence[re.Match[str]],
        around: Sequence[str],
        first: int,
        last: int,
        precision: UnlistedPrecision,
    ) -> UnlistedPlace:
        """`around`: the words before the name and its designator, and the designator."""
        start, end = tokens[first].start(), tokens[last].end()
        cues = self.cues
        said_where = any(
            " ".join(around[a:b]) in cues.locatives or " ".join(around[a:b]) in cues.vicinity
            for a in range(len(around))
            for b in range(a + 1, len(around) + 1)
        )
        return UnlistedPlace(start, end, text[start:end], precision, said_where)


# A village followed this closely by its municipality or district ("aldeia de X, distrito
# de Y", "Barangay X sa bayan ng Y", "Kampung X, Distrik Y") is reported, and looked up,
# by the municipality; a distance in between ("X, 30 km west of Y") makes Y a landmark.
_CONTAINER_GAP = 30


def within_named_unit(
    name: str, text: str, others: Sequence[UnlistedPlace], mentions: Sequence[Mention]
) -> bool:
    """Whether the text names a village's municipality or district right after it, in
    any of the places it names the village."""
    starts = [o.start for o in others if o.precision == "region"]
    starts += [m.start for m in mentions if m.place is not None and m.place.kind != "country"]
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        for start in starts:
            gap = text[end:start]
            if start >= end and len(gap) <= _CONTAINER_GAP and not any(c.isdigit() for c in gap):
                return True
        at = text.find(name, end)
    return False


def unknown_to_kb(place: UnlistedPlace, mentions: Sequence[Mention], country: str | None) -> bool:
    """Whether no KB place of the country in question covers the name: "the town of
    Kupiansk" is the KB's Kupiansk, found already."""
    for m in mentions:
        if m.start < place.end and place.start < m.end:
            if m.actor is not None and m.place is None:
                return False  # an organisation or a group: "the village of Hezbollah fighters"
            if m.place is not None and (country is None or m.place.country == country):
                return False
    return True
