"""Turns alias matches into resolved mentions: which entity, as a place and as an actor.

An alias can name several entities ("Georgia" the country and the US state,
"Mandalay" the city and the region, "Moscow" the city and the Kremlin). The
choice uses the words around the mention (a region cue, a person's name next
to "Karen") and the countries the rest of the article names unambiguously.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsevents.linker.gazetteer import Gazetteer, Match, normalise_key
from newsevents.linker.kb import Cues, Entity, KnowledgeBase

# Mentions look up the same few words and names again and again ("in", "di", "Kyiv"):
# each is normalised once.
_key = lru_cache(maxsize=1 << 16)(normalise_key)

# Devanagari vowel signs and nasal marks are not word characters to `re`: without them
# "में" (in) would split into "म" and never match the Hindi locatives.
_MARKS = "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
_WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*(?:['\u2019][^\W_]+)?", re.UNICODE)

def needs_country_cue(match: Match, cues: Cues) -> bool:
    """Whether the mention is an acronym or metonym several countries' forces or ministries
    go by ("FDS", "Foreign Office"): it names one only when the article names that country
    elsewhere, and is never itself the evidence that it does."""
    return _key(match.surface) in cues.needs_country_cue


_KIND_SCORE = {"person": 2.5, "org": 2.5, "armed": 2.5, "country": 2.0, "city": 1.5, "region": 1.0}
_CONTEXT_BONUS = 3.0
_CONTEXT_CITY_POPULATION = 500_000
_REGION_CUE_BONUS = 2.5
_OWN_NAME_BONUS = 0.8


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets into the text the mention was found in
    end: int
    surface: str
    place: Entity | None
    actor: Entity | None
    sector: str | None  # what the words around it say the actor is (GOV, MIL, ...)
    locative: bool  # follows "in", "di", "ke", ...: names where, not who
    region_cue: bool = False  # "negara bagian Karen", "Shan State"
    in_name: bool = False  # followed by a capitalised word: "Bole International Airport"
    after_name: bool = False  # preceded by a capitalised word mid-sentence: "Kazuhiko Tanabe"
    directional: bool = False  # follows "to", "ke", "nach": where someone went, not was
    across_border: bool = False  # a country after "the border with": a neighbour, no party
    homeward: bool = False  # "flew back to", "pulang ke": where a visitor went home to

    @property
    def country(self) -> str | None:
        entity = self.actor or self.place
        return entity.country if entity else None


@dataclass(frozen=True, slots=True)
class Noun:
    """A sector noun ("junta", "rebels", "pemerintah") found in a text."""

    start: int
    end: int
    surface: str
    sector: str


def _words_before(text: str, pos: int, n: int) -> list[str]:
    words: list[str] = _WORD.findall(text[max(0, pos - 40 * n) : pos])
    return words[-n:]


_BACK_CHARS = 240  # more than any word window above looks back


def _stripped_before(text: str, pos: int) -> str:
    """`text[:pos]` without its trailing spaces, or enough of its end for the word checks:
    copying the whole lead for each mention cost more than the checks."""
    if pos <= _BACK_CHARS:
        return text[:pos].rstrip()
    tail = text[pos - _BACK_CHARS : pos].rstrip()
    return tail or text[:pos].rstrip()


def _words_after(text: str, pos: int, n: int) -> list[str]:
    words: list[str] = _WORD.findall(text[pos : pos + 40 * n])
    return words[:n]


def _adjacent_word(text: str, pos: int, forward: bool) -> str | None:
    """The word separated from `pos` by exactly one space, or None."""
    if forward:
        if text[pos : pos + 1] != " ":
            return None
        m = _WORD.match(text, pos + 1)
        return m.group(0) if m else None
    if pos < 2 or text[pos - 1] != " ":
        return None
    words = _words_before(text, pos - 1, 1)
    if not words or not text.endswith(words[0], 0, pos - 1):
        return None
    return words[0]


def _looks_like_person(text: str, match: Match, cues: Cues) -> bool:
    if _key(match.surface) not in cues.person_ambiguous:
        return False
    for forward in (True, False):
        word = _adjacent_word(text, match.end if forward else match.start, forward)
        if word and word[0].isupper() and word not in cues.place_modifiers:
            if not forward and _sentence_initial(text, match.start - len(word) - 1):
                continue
            return True
    return False


def _capitalised_next(text: str, end: int) -> bool:
    word = _adjacent_word(text, end, True)
    return word is not None and word[:1].isupper()


def _capitalised_before(
    text: str, start: int, cues: Cues, words_before: list[str] | None = None
) -> bool:
    """`words_before`: the words before `start`, when the caller has them already."""
    if words_before is None:
        word = _adjacent_word(text, start, False)
    elif start < 2 or text[start - 1] != " " or not words_before:
        word = None
    else:
        last = words_before[-1]
        word = last if text.endswith(last, 0, start - 1) else None
    if word is None and text.endswith(". ", 0, start):
        # A rank or title cut short: "Maj. Carmen Reyes", "Gen. Paulo Jorge".
        before = words_before[-1:] if words_before is not None else _words_before(text, start, 1)
        return bool(before) and before[0].casefold() in cues.title_abbreviations and (
            text.endswith(before[0] + ". ", 0, start)
        )
    if not word or not word[:1].isupper() or word in cues.place_modifiers:
        return False
    return not _sentence_initial(text, start - len(word) - 1)


def _sentence_initial(text: str, pos: int) -> bool:
    before = _stripped_before(text, pos)
    return not before or before[-1] in ".!?\n\"'“”:"


# Between a town and the place it lies in: a comma, maybe a compass or region word
# ("Rafah, selatan Gaza", "Jabalia, northern Gaza", "Saky, Semenanjung Krimea").
_CONTAINER_GAP = re.compile(r",\s*(?:[^\W\d_]+\s+){0,2}$")

_JOINERS = frozenset({"dan", "and", "serta", "&", "et", "y", "e", "or", "atau", "va", "и", "і"})


def _region_cue(text: str, match: Match, cues: Cues) -> bool:
    """A region word right after the name, or before it across a list of names
    ("negara bagian Karen dan Shan", "Sagaing and Mandalay regions")."""
    after = _words_after(text, match.end, 1)
    if after and _key(after[0]) in cues.region_after:
        return True
    words = _words_before(text, match.start, 8)
    i = len(words)
    while i > 0:
        one = _key(words[i - 1])
        two = _key(" ".join(words[i - 2 : i])) if i >= 2 else ""
        if one in cues.region_before or two in cues.region_before:
            return True
        if one in _JOINERS or words[i - 1][:1].isupper():
            i -= 1
            continue
        return False
    return False


_MAX_BORDER_WORDS = 3


@lru_cache(maxsize=8)
def _last_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(phrase.rsplit(" ", 1)[-1] for phrase in phrases)


def _across_border(
    text: str, start: int, cues: Cues, words_before: list[str] | None = None
) -> bool:
    """"near the border with Burkina Faso", "the border with Niger and Chad": walks back
    over the names and joiners of a list to the border phrase, as `_region_cue` does."""
    # Most names follow a plain word: one word settles them.
    last = _words_before(text, start, 1) if words_before is None else words_before[-1:]
    if not last:
        return False
    word = last[0]
    if not (
        word[:1].isupper() or _key(word) in _JOINERS or _key(word) in _last_words(cues.border_with)
    ):
        return False
    words = _words_before(text, start, 8)
    i = len(words)
    while i > 0:
        if any(
            _key(" ".join(words[i - n : i])) in cues.border_with
            for n in range(1, min(_MAX_BORDER_WORDS, i) + 1)
        ):
            return True
        word = words[i - 1]
        if _key(word) in _JOINERS or word[:1].isupper():
            i -= 1
            continue
        return False
    return False


# Turkish writes the locative case onto the name after an apostrophe ("Astana'da"), or
# onto a compass word after the name in the genitive ("Irak'ın kuzeyinde", in the north of
# Iraq; "Suriye'nin doğusundaki", in the east of Syria).
_TURKISH_LOCATIVE = re.compile(
    r"['\u2019](?:(?:n?d|t)[ae]\b|n?[ıiuü]n\s+(?:kuzey|güney|doğu|batı)\w*?n[dt][ae](?:ki)?\b)"
)


def _directional(
    text: str, start: int, cues: Cues, words_before: list[str] | None = None
) -> bool:
    words = _words_before(text, start, 1) if words_before is None else words_before[-1:]
    return bool(words) and _key(words[-1]) in cues.directionals and (
        _stripped_before(text, start).endswith(words[-1]))


_MAX_LOCATIVE_WORDS = 4
_ELISIONS = ("'", "\u2019")


def _locative(
    text: str, start: int, end: int, cues: Cues, words_before: list[str] | None = None
) -> bool:
    """`words_before`: the last `_MAX_LOCATIVE_WORDS` words before `start`, when the
    caller has them already."""
    if _TURKISH_LOCATIVE.match(text, end):
        return True
    if text.startswith(cues.locatives_unspaced_after, end):
        return True  # Burmese: "ရန်ကုန်၌", "ရန်ကုန်မြို့တွင်"
    before = text[max(0, start - 4) : start]
    if before.endswith(cues.locatives_unspaced_before) and not before.endswith(
        cues.not_locatives_unspaced
    ):
        return True  # Chinese: "在吉隆坡", but not "现在" (now)
    after = _words_after(text, end, 1)
    if after and _key(after[0]) in cues.locatives_after:
        return True  # Hindi postpositions: "नई दिल्ली में"
    words = words_before
    if words is None:
        words = _words_before(text, start, _MAX_LOCATIVE_WORDS)
    if not words:
        return False
    gap = _stripped_before(text, start)
    if gap.endswith(_ELISIONS) and gap[:-1].endswith(words[-1]):
        gap = gap[:-1]  # "près d'Uvira", "dans l'Ituri": the elided word is the preposition
    if not gap.endswith(words[-1]):
        # "ke St Petersburg, Rusia": the country after a place takes that place's role
        return gap.endswith(",") and words[-1][:1].isupper()
    # The preposition, or the preposition and a place noun ("di kota", "in the town of").
    return any(
        _key(" ".join(words[-n:])) in cues.locatives for n in range(1, len(words) + 1)
    )


class Annotator:
    """Finds mentions and sector nouns; one per process, shared across articles."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._nouns = Gazetteer(
            (noun, "noun:" + sector, 0, "") for noun, sector in kb.cues.sector_nouns.items()
        )
        # An evidence sentence's nouns are asked for twice in a row (by `resolve`, then for
        # the nouns no mention stands next to): the last answer is kept.
        self._last_nouns: tuple[str, list[Noun]] | None = None

    def matches(self, text: str) -> list[Match]:
        return self.kb.gazetteer.find(text)

    def nouns(self, text: str) -> list[Noun]:
        last = self._last_nouns
        if last is not None and last[0] == text:
            return list(last[1])
        found = [
            Noun(m.start, m.end, m.surface, m.entity_ids[0].split(":", 1)[1])
            for m in self._nouns.find(text)
        ]
        self._last_nouns = (text, found)
        return list(found)

    def context_countries(self, matches: Iterable[Match]) -> Counter[str]:
        """Countries named unambiguously (one candidate country), counted. Towns do not
        count unless big: too many share a name with a person or a word ("Hassan", "Horn")."""
        counts: Counter[str] = Counter()
        for match in matches:
            if needs_country_cue(match, self.kb.cues):
                continue  # "FDS" must not be the cue that makes itself Syria's SDF
            entities = [e for e in (self.kb.entities.get(i) for i in match.entity_ids) if e]
            countries = {e.country for e in entities if e.country}
            if len(countries) != 1:
                continue  # "Georgia": the country or the US state
            if any(
                e.kind in ("country", "org", "armed", "person")
                or (e.kind == "city" and e.population >= _CONTEXT_CITY_POPULATION)
                for e in entities
            ):
                counts[countries.pop()] += 1
        return counts

    def resolve(self, text: str, matches: Sequence[Match], context: Counter[str]) -> list[Mention]:
        cues = self.kb.cues
        nouns: list[Noun] | None = None  # only a country's mention needs them
        mentions: list[Mention] = []
        for index, match in enumerate(matches):
            candidates = [e for e in (self.kb.entities.get(i) for i in match.entity_ids) if e]
            if not candidates or _looks_like_person(text, match, cues):
                continue
            if match.surface.casefold() in cues.not_place_surfaces:
                continue  # "vịnh" (bay): a place name only once the accents are dropped
            if needs_country_cue(match, cues):
                candidates = [c for c in candidates if c.country and context.get(c.country)]
                if not candidates:
                    continue
            if len(candidates) > 1 and index + 1 < len(matches):
                candidates = self._placed_by_next(text, match, matches[index + 1], candidates)
            if len(candidates) > 1:
                candidates = _country_or_namesake(text, match, candidates, context, cues)
                candidates = _acronym_not_town(match, candidates)
            region_cue = any(c.kind == "region" for c in candidates) and _region_cue(
                text, match, cues
            )
            surface = _key(match.surface)
            best = max(candidates, key=lambda e: self._score(e, context, region_cue, surface))
            place = best if best.is_place else None
            actor = best if best.is_actor else None
            if place is None:
                place = next(
                    (c for c in candidates if c.is_place and c.country == best.country), None
                )
            if actor is None:
                actor = next(
                    (c for c in candidates if c.is_actor and c.country == best.country), None
                )
            sector = actor.sector if actor is not None else None
            # The words before the name, which four of the checks below read.
            words_before = _words_before(text, match.start, _MAX_LOCATIVE_WORDS)
            if actor is not None and actor.kind == "country":
                if nouns is None:
                    nouns = self.nouns(text)
                sector = _adjacent_sector(text, match, nouns)
            directional = _directional(text, match.start, cues, words_before)
            mentions.append(
                Mention(
                    match.start,
                    match.end,
                    match.surface,
                    place,
                    actor,
                    sector,
                    _locative(text, match.start, match.end, cues, words_before),
                    region_cue,
                    _capitalised_next(text, match.end),
                    _capitalised_before(text, match.start, cues, words_before),
                    directional,
                    actor is not None
                    and actor.kind == "country"
                    and _across_border(text, match.start, cues, words_before),
                    directional
                    and len(words_before) >= 2
                    and _key(words_before[-2]) in cues.homeward,
                )
            )
        return mentions

    def _placed_by_next(
        self, text: str, match: Match, nxt: Match, candidates: list[Entity]
    ) -> list[Entity]:
        """"Rafah, southern Gaza", "Saky, Krimea": a name followed by the place it lies in
        is the namesake in that place's country."""
        if not _CONTAINER_GAP.match(text, match.end, nxt.start):
            return candidates
        countries = {
            e.country
            for e in (self.kb.entities.get(i) for i in nxt.entity_ids)
            if e is not None and e.is_place and e.country
        }
        inside = [c for c in candidates if c.country in countries]
        return inside or candidates

    @staticmethod
    def _score(entity: Entity, context: Counter[str], region_cue: bool, surface: str) -> float:
        score = _KIND_SCORE.get(entity.kind, 0.0)
        if entity.kind == "city" and _key(entity.name) == surface:
            # A town's own name beats another town's former or foreign name ("Pokrovsk"
            # is a Ukrainian town and also an old name of Russia's Engels).
            score += _OWN_NAME_BONUS
        if entity.kind == "city":
            score += min(math.log10(max(entity.population, 1)), 7.0) / 10
        if region_cue and entity.kind == "region":
            score += _REGION_CUE_BONUS
        if entity.country and context.get(entity.country):
            score += _CONTEXT_BONUS
        return score


def _acronym_not_town(match: Match, candidates: list[Entity]) -> list[Entity]:
    """"NATO" in capitals is the alliance, not the Philippine town of Nato: an acronym of an
    organisation or armed group beats a town whose own name is not written so."""
    surface = match.surface
    if not (surface.isupper() and len(surface) > 1):
        return candidates
    if not any(c.kind in ("org", "armed") for c in candidates):
        return candidates
    return [c for c in candidates if c.kind != "city" or c.name.isupper()]


@lru_cache(maxsize=8)
def _place_noun_tails(locatives: frozenset[str]) -> frozenset[str]:
    """The place-noun ends of the longer locatives: "municipio de" from "en el municipio de",
    "town of" from "in the town of", so "del municipio de" counts as well."""
    tails: set[str] = set()
    for cue in locatives:
        words = cue.split()
        tails.update(" ".join(words[i:]) for i in range(len(words) - 1))
    return frozenset(tails)


def _after_place_noun(text: str, start: int, cues: Cues) -> bool:
    words = _words_before(text, start, _MAX_LOCATIVE_WORDS)
    if not words or not _stripped_before(text, start).endswith(words[-1]):
        return False
    tails = _place_noun_tails(cues.locatives)
    return any(_key(" ".join(words[-n:])) in tails for n in range(2, len(words) + 1))


def _country_or_namesake(
    text: str, match: Match, candidates: list[Entity], context: Counter[str], cues: Cues
) -> list[Entity]:
    """A name shared by a country and a town ("Argelia" is Algeria in Spanish and a
    Colombian town; unvowelled Arabic "Amman" is also Oman): a place noun before it makes
    it the town ("the municipality of Argelia"); so does "in" ("في عمان") or a dateline
    (the name alone), in an article that names the town's country and nowhere else the
    namesake country. A big city there needs no such word: the scores weigh it against
    the country as for any namesakes ("صوت عمان", the Voice of Amman, in a Jordanian
    paper). Otherwise it is the country: "Algeria's foreign minister in Bogotá". A town
    followed by its province is settled before (`_placed_by_next`)."""
    countries = {c.country for c in candidates if c.kind == "country" and c.country}
    if not countries:
        return candidates
    towns = [c for c in candidates if c.kind == "city" and c.country and context.get(c.country)]
    if towns and _after_place_noun(text, match.start, cues):
        return towns
    if towns and not any(context.get(c) for c in countries):
        if any(t.population >= _CONTEXT_CITY_POPULATION for t in towns):
            return candidates
        said_where = _locative(text, match.start, match.end, cues) or (
            not text[: match.start].strip() and not text[match.end :].strip()
        )
        if said_where:
            return towns
    return [c for c in candidates if c.kind != "city"]


def _adjacent_sector(text: str, match: Match, nouns: Sequence[Noun]) -> str | None:
    """Sector of a noun directly before or after a country mention ("tentara Rusia")."""
    for noun in nouns:
        if noun.end <= match.start:
            gap = text[noun.end : match.start]
        elif noun.start >= match.end:
            gap = text[match.end : noun.start]
        else:
            continue
        if _adjacent_gap(gap):
            return noun.sector
    return None


def unattached_nouns(nouns: Sequence[Noun], mentions: Sequence[Mention], text: str) -> list[Noun]:
    """Sector nouns that no entity mention stands next to ("the junta", "para milisi")."""
    out: list[Noun] = []
    for noun in nouns:
        attached = False
        for mention in mentions:
            if noun.start < mention.end and mention.start < noun.end:
                attached = True  # inside a longer alias ("junta militer Myanmar")
            elif noun.end <= mention.start:
                attached = _adjacent_gap(text[noun.end : mention.start])
            else:
                attached = _adjacent_gap(text[mention.end : noun.start])
            if attached:
                break
        if not attached:
            out.append(noun)
    return out


def _adjacent_gap(gap: str) -> bool:
    return len(gap) <= 3 and gap.strip(" '\u2019s") == ""
