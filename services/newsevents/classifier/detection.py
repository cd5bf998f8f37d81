"""Per-sentence scoring of event evidence from lexicon matches.

A sentence is evidence for an event type when it has a trigger of that type
that survives the exclusion cues of EVENTS.md and its participants fit the
definition: two distinct states/organisations (or an official travelling
abroad) for a diplomatic engagement; armed actors fighting, not an attack on
civilians alone, for an armed clash. The score of a sentence is the trigger's
weight times how well the participants fit, times any hedges.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from newsevents.classifier.gazetteer import PERSON
from newsevents.classifier.lexicon import CueKind
from newsevents.classifier.matcher import Match, Tokens
from newsevents.classifier.monthdates import (
    BUDDHIST_ERA,
    DIGITS,
    NATIVE_DIGIT,
    OLD_MONTHS,
    month_dates,
)

DIPLOMATIC = "diplomatic-engagement"
CLASH = "armed-clash"
MIN_EVIDENCE_SCORE = 0.3
# Cue kinds whose words double as proper names when capitalised mid-sentence
# ("talks in May"); for these a capitalised token is not the cue.
_FUNCTION_CUES = frozenset({"negation", "speculation", "hedge"})
# A year between word boundaries. Each lookbehind stands after the first
# digit, not before it: the pattern then starts with a digit, and the regex
# engine skips to the next "1" or "2" instead of trying every position.
_YEAR = re.compile(r"(?:1(?<!\w1)[89]|2(?<!\w2)0)\d\d(?!\w)")
# Thai papers date by the Buddhist era (CE + 543): "พ.ศ. 2484", "ปี 2510",
# "8 ธ.ค. 2484". Only a year after such a marker is read as one: a bare
# 2,500 is as likely a head count.
_BUDDHIST_YEAR = re.compile(
    r"(?:พ\.ศ\.|ปี|[\u0e01-\u0e4e]{1,4}\.[\u0e01-\u0e4e]{1,3}\.)\s*(2[45]\d\d)\b"
)
# Every Buddhist-era year holds these digits: a cheap test before the pattern.
_BUDDHIST_DIGITS = re.compile(r"2[45]\d\d")
# A year this much older than the article marks a retrospective.
_HISTORICAL_YEARS = 3
# Where a sentence ends inside a lead: a full stop, question or exclamation
# mark before a space, a CJK, Devanagari or Burmese full stop, a line end.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|[\n\u3002\uff01\uff1f\u0964\u104b]")
# A day and month without a year ("Chiều 12/6", "(10/6)", "6月12日", Burmese
# "၈ ရက်") dates a sentence to the days around publication: old events carry
# their year. As in _YEAR, the lookbehind stands after the first digit.
_DAY_MONTH = re.compile(r"\d(?<![\d/.年]\d)\d?(?:/\d{1,2}(?![\d/])|月\d{1,2}日| ?ရက်)")
# The lead that can frame an article as a retrospective: its first paragraph,
# cut here when a scrape runs the whole story into one line.
_LEAD_CHARS = 400
# Arrival and travel nouns ("arrival", "kedatangan", "trip") are a visit only
# when the one travelling is named beside them: "the arrival of the Chinese
# premier", not "the arrival of the Rafale jets" with a minister elsewhere.
_WEAK_VISIT = 0.8
_VISITOR_WINDOW = 3
_ACTOR_KINDS = frozenset({"armed_state", "armed_nonstate", "target_military", "target_civilian"})
# Where the verb, its negation and its modality close the clause ("das Abkommen
# ... ist ausgelaufen", "görüşme yapılmayacak"), a cue after the trigger in the
# same clause governs it however many words stand between them; so does one
# before it, as time words and modals come ahead of the verb they date ("die im
# vergangenen Jahr unter Vermittlung Katars vereinbarten Grundsätze").
_CLAUSE_FINAL = frozenset({"de", "tr", "fa", "hi", "my", "ja", "ko"})
# Scripts matched character by character: a window counted in characters
# spans a word or two, so a cue reaches every trigger of its clause instead.
_CHAR_CLAUSE = frozenset({"zh", "th", "my", "ja"})
# Commas, semicolons, colons, brackets and dashes in Latin, Arabic, CJK,
# Burmese and Devanagari punctuation.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u060c\u061b\u3001\u3002\uff0c\uff1b\uff1a\uff08\uff09\u104a\u104b\u0964]"
    r"|\s[-\u2013\u2014]\s"
)
# Thai marks clause ends with a space, not a comma.
_THAI_CLAUSE_BREAK = re.compile(r"\s")
# An article counting a topic cue this many times its threshold is scaled
# that many times over, at most this often: an exercise report naming the
# drill in every paragraph is surely about the drill.
_ARTICLE_SCALE_STEPS = 2
# Triggers valued at least this share of the sentence's best compete for its
# subtype, the earliest winning. Below 1.0 "ataque con drones" turns attack
# and framing phrases ("during the visit, ... signed") win: measured, kept at ties.
_SUBTYPE_NEAR = 1.0
# Talks held on a trip are part of the visit (EVENTS.md: travelling abroad to
# take part, or hosting, is a `visit`): "flew to Kigali and held talks with
# Kagame" is a visit whichever verb is heavier. Only plain travel and hosting
# words frame it; lighter ones ("hosted" a conference) are often something else.
_FRAMED_BY_VISIT = "meeting"
_VISIT_FRAME_WEIGHT = 0.85
_ARMED_GROUP_TALKS = frozenset({"meeting", "negotiation"})
# A battle trigger this firm ("gun battle") fits even when no side is named.
_FIRM_BATTLE = 0.95
# The actor kinds that fight; the targets ("the base", "villagers") do not.
ARMED_KINDS = frozenset({"armed_state", "armed_nonstate"})
# A sentence asking a question ("Will the two leaders meet?", a briefing's
# "Q: how do you view the upcoming meeting?") reports no event.
_QUESTION_END = re.compile(r"[?\uff1f\u061f][\s\"'\u201d\u00bb\u300d\u300f)\uff09]*$")
# A party beside an official ("the Iranian foreign minister", "Menlu Iran")
# makes that official foreign; a party elsewhere (a dateline, "in Jakarta")
# only places the meeting.
_PARTY_OF_OFFICIAL = 2


@dataclass(slots=True)
class SentenceEvidence:
    event_type: str
    subtype: str
    score: float
    start: int
    end: int
    triggers: list[Match]


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    triggers: list[Match] = field(default_factory=list)
    cues: list[Match] = field(default_factory=list)
    actors: list[Match] = field(default_factory=list)
    parties: list[Match] = field(default_factory=list)
    officials: int = 0
    visitors: list[Match] = field(default_factory=list)
    interstate: bool = False
    party_of_official: bool = False


def _drop_contained(matches: list[Match]) -> list[Match]:
    """Keep the longest reading: "serangan udara" hides the "serangan" inside it.

    Entries that share a lemma ("kunjungan", "mengunjungi") fire on the same
    span; only the heaviest of them is kept.
    """
    if len(matches) < 2:
        return list(matches)  # most sentences hold one of a kind: nothing to drop
    ordered = sorted(matches, key=lambda m: (m.first - m.last, -m.term.weight, m.first))
    kept: list[Match] = []
    for m in ordered:
        if any(
            k.first <= m.first and m.last <= k.last
            and ((k.last - k.first) > (m.last - m.first) or k.term.label == m.term.label)
            for k in kept
        ):
            continue
        kept.append(m)
    return kept


def _outermost(spans: set[tuple[int, int]]) -> int:
    """How many of `spans` lie inside no other span.

    In order of start, longest first, a span lies inside another exactly when
    an earlier one reaches as far: one pass, not every pair compared.
    """
    count = 0
    reach = -1
    for _, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if end > reach:
            count += 1
            reach = end
    return count


def text_has_word(tokens: Tokens, index: int, sentence_start: int) -> bool:
    """Whether token `index` has another token of its sentence before it."""
    return index > 0 and tokens.start(index - 1) >= sentence_start


def _distance(a: Match, b: Match) -> int:
    return max(0, b.first - a.last, a.first - b.last)


def _same_clause(trig: Match, cue: Match, text: str, tokens: Tokens, language: str) -> bool:
    """Whether a cue beyond its window still governs the trigger, by the clause they share.

    In verb-final languages and character-matched scripts a cue on either
    side does: no comma or bracket may stand between them.
    """
    chars = language in _CHAR_CLAUSE
    if not chars and language not in _CLAUSE_FINAL:
        return False
    first, second = (trig, cue) if trig.first < cue.first else (cue, trig)
    # The matches' own text counts too: Thai spaces are no tokens, so a cue
    # can straddle one ("ไม่สงบ ประมาณ" reads "งบประมาณ", budget).
    between = text[tokens.start(first.first):tokens.end(second.last)]
    breaks = _THAI_CLAUSE_BREAK if language == "th" else _CLAUSE_BREAK
    return breaks.search(between) is None


def _fronted(trig: Match, cue: Match, sentence_start: int, text: str, tokens: Tokens,
             language: str, anchors: list[Match]) -> bool:
    """Whether `cue` opens the sentence and dates `trig`, later in it.

    A fronted time adverbial ("Three years ago, in these very days, Tehran
    and Riyadh agreed ...") sets the time of the clauses after it, past the
    comma that closes it, until a current-time anchor dates them anew.
    """
    if cue.last >= trig.first:
        return False
    breaks = _THAI_CLAUSE_BREAK if language == "th" else _CLAUSE_BREAK
    if breaks.search(text, sentence_start, tokens.start(cue.first)) is not None:
        return False
    return not any(cue.last < a.first <= trig.last for a in anchors)


def _same_sentence(text: str, a: int, b: int) -> bool:
    """Whether no sentence ends between offsets `a` and `b` of `text`."""
    return _SENTENCE_END.search(text, min(a, b), max(a, b)) is None


def _dated_months_back(span: str, language: str, reference_year: int,
                       reference_month: int) -> bool:
    """Whether a sentence's only dates are months well before publication.

    News is dated by the day, the weekday or "today": a sentence dated only
    to a month two or more back ("in July 2025", "juillet dernier") retells
    background. A day and month without a year ("Chiều 24/11"), a year of
    publication standing alone, or a recent or coming month date it anew.
    """
    dates = month_dates(span, language, reference_year, reference_month)
    if not dates or any(d.months_back is None or d.months_back < OLD_MONTHS for d in dates):
        return False
    rest = span
    for d in sorted(dates, key=lambda d: -d.start):
        rest = rest[:d.start] + " " + rest[d.end:]
    rest = rest.translate(DIGITS)
    if _DAY_MONTH.search(rest) is not None:
        return False
    return not any(int(y) >= reference_year for y in _YEAR.findall(rest))


def _recent_month(span: str, language: str, reference_year: int,
                  reference_month: int | None) -> bool:
    """Whether a sentence names a month close to publication ("in December
    2025" in a January 2026 article)."""
    if reference_month is None:
        return False
    return any(d.months_back is not None and d.months_back < OLD_MONTHS
               for d in month_dates(span, language, reference_year, reference_month))


def _article_topic(text: str, offsets: list[int]) -> bool:
    """Whether a local topic whose cues stand at `offsets` is the article's own:
    its lead names it, or a third of its paragraphs do (a match report whose
    lead gives only the score), unlike one item of a roundup."""
    if offsets[0] < lead_end(text):
        return True
    paragraphs = sum(1 for line in text.split("\n") if line.strip())
    named = len({text.count("\n", 0, offset) for offset in offsets})
    return 3 * named >= paragraphs


def lead_end(text: str) -> int:
    """Where the lead (the first paragraph) of a cleaned text ends."""
    newline = text.find("\n")
    return min(_LEAD_CHARS, newline if newline >= 0 else len(text))


def old_year(text: str, reference_year: int) -> bool:
    """Whether `text` (a headline) names a year long before `reference_year`."""
    span = text.translate(DIGITS) if NATIVE_DIGIT.search(text) else text
    years = [int(y) for y in _YEAR.findall(span)]
    if _BUDDHIST_DIGITS.search(span):
        years += [int(y) - BUDDHIST_ERA for y in _BUDDHIST_YEAR.findall(span)]
    return bool(years) and max(years) <= reference_year - _HISTORICAL_YEARS


def _diplomatic_fit(subtype: str, s: _Sentence, parties: int, article_parties: int) -> float:
    """`parties`: how many distinct parties `s` names."""
    if parties >= 2:
        return 1.0
    if subtype == "visit":
        if parties == 1 and (s.officials or s.interstate):
            return 0.95
        if (s.officials or s.interstate) and article_parties >= 2:
            return 0.6
        return 0.0
    if parties == 1 and s.interstate:
        return 0.9
    if parties == 1 and s.officials >= 2 and s.party_of_official:
        # "Menlu Retno ... dengan Menlu Iran": a named foreign official facing
        # another official is an interstate contact more often than not.
        return 0.8
    if parties == 1 and s.officials >= 2:
        # Two ministers in their own capital ("KUALA LUMPUR: the prime
        # minister chaired a meeting with the economy minister"): domestic.
        return 0.4
    if parties == 1 and s.officials and article_parties >= 2:
        return 0.7
    if s.interstate and article_parties >= 2:
        return 0.7
    if s.officials and article_parties >= 2:
        return 0.5
    return 0.0


class _Sides(NamedTuple):
    two: bool
    one: bool
    military: bool
    civilian: bool
    # The only side named is the police, with no military target: "clashes
    # between police and youths" is a riot, not an armed clash (EVENTS.md).
    police_only: bool = False


def _clash_sides(s: _Sentence) -> _Sides:
    """Who `s` names as fighting: the part of `_clash_fit` that is the same for each trigger."""
    state = {m.term.text for m in s.actors if m.term.kind == "armed_state"}
    nonstate = {m.term.text for m in s.actors if m.term.kind == "armed_nonstate"}
    # "the rebels" beside "ELN" is the ELN: a common noun adds a side only
    # when no group is named. Caseless scripts cannot tell, and count each.
    named = {t for t in nonstate if t.lower() != t or t.upper() == t}
    if named and len(named) < len(nonstate):
        nonstate = named
    military = any(m.term.kind == "target_military" for m in s.actors)
    civilian = any(m.term.kind == "target_civilian" for m in s.actors)
    states_named = len({p.term.label for p in s.parties if p.term.label.startswith("state:")})
    two_sides = (
        (state and nonstate)
        or len(nonstate) >= 2
        or (state and states_named >= 2)
    )
    police_only = (bool(state) and not nonstate and not military
                   and all(m.term.label == "police" for m in s.actors
                           if m.term.kind == "armed_state"))
    return _Sides(bool(two_sides), bool(state or nonstate), military, civilian, police_only)


def may_fit(found: list[Match]) -> bool:
    """Whether some trigger among a sentence's matches could fit its participants.

    Read from the raw matches, before masks and overlaps remove any: each
    condition is one `_diplomatic_fit` or `_clash_fit` needs for a non-zero
    fit, so a sentence failing all of them scores nothing; so does every
    sentence of a line failing them. Nearly half of the triggered sentences of
    news (a verb without the states or armed actors it needs) are settled here,
    without being split, filled and scored.
    """
    diplomatic = clash = False
    parties: set[str] = set()
    officials = armed = nonstate = firm_battle = False
    for m in found:
        term = m.term
        kind = term.kind
        if kind == "trigger":
            if term.label == DIPLOMATIC:
                diplomatic = True
            else:
                clash = True
                firm_battle = firm_battle or (
                    term.subtype == "battle" and term.weight >= _FIRM_BATTLE)
        elif kind == "party":
            parties.add(term.label)
        elif kind == "official" or kind == "interstate":
            officials = True
        elif kind == "armed_state":
            armed = True
        elif kind == "armed_nonstate":
            armed = nonstate = True
    if clash and (armed or firm_battle):
        return True
    return diplomatic and (officials or len(parties) >= 2 or (bool(parties) and nonstate))


def _clash_fit(subtype: str, weight: float, sides: _Sides, armed_named: bool = True) -> float:
    """`armed_named`: whether the article names an armed actor anywhere."""
    if sides.two:
        return 1.0
    if sides.police_only:
        return 0.0
    one_side = sides.one
    if subtype == "battle":
        if one_side:
            return 0.5 if sides.civilian and not sides.military else 0.85
        # "Fierce fighting near Pokrovsk" names no side, but its article names
        # the forces somewhere; a "battle for votes" names none anywhere.
        return 0.5 if weight >= _FIRM_BATTLE and armed_named else 0.0
    if one_side and sides.military:
        return 0.9
    if one_side and not sides.civilian:
        return 0.6
    return 0.0


def headline_subtype(matches: list[Match], event_type: str, evidenced: set[str]) -> str | None:
    """The subtype the headline names, when the article's evidence bears it out.

    A headline names the story's main event ("Rebels seize border town",
    "Minister arrives in Hanoi") where the body's strongest sentence is often
    a detail of it: the gunfight after the ambush, the talks of the visit.
    The headline only chooses among subtypes some evidence sentence has, so a
    headline word alone never makes one up. Its strongest trigger speaks,
    the earliest of equals. A trigger inside a not-trigger phrase is none;
    one inside a longer trigger still counts: headlines drop the words that
    make the body's long readings ("Telepon" for "melalui sambungan
    telepon"), and a longer reading that changes the subtype is the heavier
    one ("air strike" over "strike").
    """
    masks = [(m.first, m.last) for m in matches if m.term.kind == "mask"]
    named = [
        m for m in matches
        if m.term.kind == "trigger" and m.term.label == event_type
        and m.term.subtype in evidenced
        and not any(a <= m.first and m.last <= b for a, b in masks)
    ]
    if not named:
        return None
    top = max(m.term.weight for m in named)
    return min((m for m in named if m.term.weight >= top), key=lambda m: m.first).term.subtype


# The list of every actor kind in `SentenceScorer._fill`.
_ACTORS = "actors"


class SentenceScorer:
    def __init__(self, cue_kinds: dict[str, CueKind]) -> None:
        self.cue_kinds = cue_kinds
        self._frame = next((k for k in cue_kinds.values() if k.effect == "frame"), None)
        self._anchor_name = next((k.name for k in cue_kinds.values() if k.effect == "anchor"), "")
        self._fronted_names = [k.name for k in cue_kinds.values() if k.fronted]
        # Per-sentence lookups, resolved once: the cue kinds that date a
        # sentence, and per event type those that can act on its triggers.
        self._anchor_labels = frozenset(
            name for name, k in cue_kinds.items() if k.effect == "anchor")
        self._acting: dict[str, dict[str, CueKind]] = {
            event_type: {
                name: k for name, k in cue_kinds.items()
                if event_type in k.applies_to and k.effect not in ("frame", "anchor")
            }
            for event_type in (DIPLOMATIC, CLASH)
        }

    def frames_headline(self, title: str, matches: list[Match], reference_year: int | None) -> bool:
        """Whether a headline ("80 years on", "Gostomel, February 2022") frames a retrospective."""
        frame = self._frame
        if frame is None:
            return False
        if any(m.term.kind == "cue" and m.term.label == frame.name for m in matches):
            return True
        return reference_year is not None and old_year(title, reference_year)

    def _framed(
        self, text: str, tokens: Tokens, cue_spans: dict[str, set[tuple[int, int]]]
    ) -> bool:
        """Whether the lead holds a frame cue, or the body holds enough of them.

        A time adverbial in a lead sentence dated to the present ("resumed
        talks on Monday, suspended more than a year ago") is background to
        news; an anniversary is the topic even then ("today marks a year
        since the clashes").
        """
        frame = self._frame
        spans = cue_spans.get(frame.name) if frame is not None else None
        if frame is None or not spans:
            return False
        end = lead_end(text)
        dated = [tokens.start(first) for first, _ in cue_spans.get(self._anchor_name, ())]
        adverbials = {span for name in self._fronted_names for span in cue_spans.get(name, ())}
        for span in spans:
            at = tokens.start(span[0])
            if at >= end:
                continue
            if span not in adverbials or not any(_same_sentence(text, at, a) for a in dated):
                return True
        return bool(frame.article_threshold) and _outermost(spans) >= frame.article_threshold

    def score(
        self,
        text: str,
        tokens: Tokens,
        matches: list[Match],
        sentences: list[tuple[int, int]],
        *,
        reference_year: int | None,
        scale: float = 1.0,
        language: str = "",
        headline_frames: Callable[[], bool] | None = None,
        armed_named: bool = True,
        reference_month: int | None = None,
    ) -> list[SentenceEvidence]:
        """`headline_frames`: `frames_headline` of the article's title, asked
        only when a sentence's score depends on it (matching a title costs
        ~4% of classifying its article)."""
        if not sentences or not tokens:
            return []
        sentence_starts = [s[0] for s in sentences]
        sentence_ends = [s[1] for s in sentences]
        article_parties: set[str] = set()
        grouped: dict[int, list[Match]] = defaultdict(list)
        # Entries sharing a lemma ("evakuasi", "dievakuasi") all match the
        # same words: a cue is counted once per place in the text.
        cue_spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
        # Only sentences with a trigger are scored.
        triggered: set[int] = set()
        start_of, end_of = tokens.start, tokens.end
        for m in matches:
            term = m.term
            term_kind = term.kind
            if term_kind == "cue":
                cue_spans[term.label].add((m.first, m.last))
            index = bisect_right(sentence_starts, start_of(m.first)) - 1
            if index < 0 or end_of(m.last) > sentence_ends[index]:
                continue  # spans a sentence boundary
            grouped[index].append(m)
            if term_kind == "trigger":
                triggered.add(index)
            elif term_kind == "party":
                article_parties.add(term.label)
        # Whole-article topic cues ("this is a rugby report") scale every
        # sentence, or for a local topic those it reaches (`CueKind.local_topic`).
        type_scale = {DIPLOMATIC: scale, CLASH: scale}
        topics: list[tuple[list[int], float, tuple[str, ...]]] = []
        for name, spans in cue_spans.items():
            kind = self.cue_kinds.get(name)
            if kind is None or not kind.article_threshold or kind.effect == "frame":
                continue
            # "joint production" and the "production" inside it are one mention.
            places = _outermost(spans)
            steps = min(_ARTICLE_SCALE_STEPS, places // kind.article_threshold)
            if not steps:
                continue
            scaled = kind.applies_to if kind.article_applies_to is None else kind.article_applies_to
            if kind.local_topic:
                offsets = sorted(start_of(first) for first, _ in spans)
                if not _article_topic(text, offsets):
                    topics.append((offsets, kind.article_factor ** steps, tuple(scaled)))
                    continue
            for event_type in scaled:
                type_scale[event_type] *= kind.article_factor ** steps
        framed = self._frame is not None and self._framed(text, tokens, cue_spans)
        headline_answer: list[bool] = []

        def is_framed() -> bool:
            if framed or headline_frames is None:
                return framed
            if not headline_answer:
                headline_answer.append(headline_frames())
            return headline_answer[0]

        results: list[SentenceEvidence] = []
        native_digits = NATIVE_DIGIT.search(text) is not None
        for index, found in grouped.items():
            if index not in triggered or not may_fit(found):
                continue
            # Only sentences with a trigger are scored: only they get a unit.
            unit = _Sentence(*sentences[index])
            self._fill(unit, found, tokens, text)
            sentence_scale = type_scale
            if topics:
                sentence_scale = dict(type_scale)
                line_start = text.rfind("\n", 0, unit.start) + 1
                line_end = text.find("\n", unit.end)
                line_end = len(text) if line_end < 0 else line_end
                for offsets, factor, topic_types in topics:
                    at = bisect_right(offsets, line_end) - 1
                    if at >= 0 and offsets[at] >= line_start:
                        for event_type in topic_types:
                            sentence_scale[event_type] *= factor
            results.extend(
                self._score_sentence(unit, text, len(article_parties), reference_year,
                                     sentence_scale,
                                     tokens, language, native_digits, is_framed, armed_named,
                                     reference_month)
            )
        return results

    def _fill(self, unit: _Sentence, found: list[Match], tokens: Tokens, text: str) -> None:
        # One pass sorts the matches by kind, each list in the order of `found`
        # (the actor kinds share one list: their order decides ties).
        by_kind: dict[str, list[Match]] = defaultdict(list)
        for m in found:
            kind = m.term.kind
            by_kind[_ACTORS if kind in _ACTOR_KINDS else kind].append(m)
        masks = [(m.first, m.last) for m in by_kind["mask"]]
        if masks:
            # A not-trigger phrase also hides the armed actor inside it: "the
            # police spokesperson" reports an attack, the police do not fight it.
            # "National Security Council" is no "Security Council" of the UN.
            for group in ("trigger", "cue", _ACTORS, "party"):
                by_kind[group] = [
                    m for m in by_kind[group]
                    if not any(a <= m.first and m.last <= b for a, b in masks)
                ]
        triggers = _drop_contained(by_kind["trigger"])
        unit.triggers = triggers
        actors = _drop_contained(by_kind[_ACTORS])
        # A name right after a civilian noun is its genitive ("колишніх бійців
        # FARC", former FARC fighters): the people attacked, not a second side.
        civilians = [c for c in actors if c.term.kind == "target_civilian"]
        if civilians:
            owned = {
                id(a) for a in actors for c in civilians
                if a.term.kind != "target_civilian"
                and a.first == c.last + 1 and tokens.start(a.first) - tokens.end(c.last) == 1
            }
            actors = [a for a in actors if id(a) not in owned]
        unit.actors = actors
        unit.parties = _drop_contained(by_kind["party"])
        officials = _drop_contained(by_kind["official"])
        unit.officials = len(officials)
        # An organisation named beside two officials (the AU's mission, a UN
        # envoy) is a second side too. Only `_diplomatic_fit` with one party
        # and two officials asks: other sentences skip the pairwise search.
        if len(officials) >= 2 and len({p.term.label for p in unit.parties}) == 1:
            unit.party_of_official = any(
                not p.term.label.startswith("state:") for p in unit.parties) or any(
                _distance(p, o) <= _PARTY_OF_OFFICIAL
                and _CLAUSE_BREAK.search(
                    text, tokens.start(min(p.first, o.first)), tokens.end(max(p.last, o.last))
                ) is None
                # "Presiden Prabowo" is the official's own name, not his country.
                for p in unit.parties if p.term.subtype != PERSON for o in officials)
        unit.visitors = officials + unit.parties
        unit.interstate = bool(by_kind["interstate"])
        cues: list[Match] = []
        for m in by_kind["cue"]:
            # The trigger reading wins over a cue inside it ("bertolak" is not "tolak"),
            # except a negation written as an exact surface form: the lemma of
            # Turkish "görüşmedi" (did not meet) is the trigger "görüş".
            own_negation = m.term.label == "negation" and m.term.surface and m.first == m.last
            if not own_negation and any(t.first <= m.first and m.last <= t.last and
                   (t.last - t.first) >= (m.last - m.first) for t in triggers):
                continue
            if (m.term.label in _FUNCTION_CUES and not m.term.case_sensitive
                    and tokens.surface(m.first)[:1].isupper()
                    and text_has_word(tokens, m.first, unit.start)):
                continue
            cues.append(m)
        unit.cues = cues

    def _score_sentence(
        self,
        unit: _Sentence,
        text: str,
        article_parties: int,
        reference_year: int | None,
        scale: dict[str, float],
        tokens: Tokens,
        language: str = "",
        native_digits: bool = True,
        is_framed: Callable[[], bool] | None = None,
        armed_named: bool = True,
        reference_month: int | None = None,
    ) -> list[SentenceEvidence]:
        out: list[SentenceEvidence] = []
        if _QUESTION_END.search(text, unit.start, unit.end):
            return out
        historical = False
        current_year = False
        years: list[int] = []
        span = ""
        if reference_year is not None:
            span = text[unit.start:unit.end]
            if native_digits:
                span = span.translate(DIGITS)
            years = [int(y) for y in _YEAR.findall(span)]
            if _BUDDHIST_DIGITS.search(span):
                years += [int(y) - BUDDHIST_ERA for y in _BUDDHIST_YEAR.findall(span)]
            historical = bool(years) and max(years) <= reference_year - _HISTORICAL_YEARS
            current_year = reference_year in years
        anchor_labels = self._anchor_labels
        anchors = [c for c in unit.cues if c.term.label in anchor_labels]
        if (reference_year is not None and years and max(years) < reference_year
                and not anchors and _DAY_MONTH.search(span) is None
                and not _recent_month(text[unit.start:unit.end], language, reference_year,
                                      reference_month)):
            # "The last summit was held in 2023", "who mediated the Jeddah
            # talks in 2023": a sentence dated only to earlier years retells.
            return out
        if (reference_year is not None and reference_month is not None and not anchors
                and _dated_months_back(text[unit.start:unit.end], language, reference_year,
                                       reference_month)):
            # "fought a five-day war in July 2025 before agreeing a truce":
            # background, whatever the verbs.
            return out
        dated: list[bool] = []

        def dated_to_present() -> bool:
            """Whether the sentence is dated to the present ("on Tuesday", this
            year, "27/10")."""
            if not dated:
                span = text[unit.start:unit.end]
                if native_digits:
                    span = span.translate(DIGITS)
                dated.append(bool(anchors) or current_year or _DAY_MONTH.search(span) is not None)
            return dated[0]

        def frame_factor() -> float:
            """The frame's factor when the article is a retrospective and this
            sentence is not dated to the present."""
            frame = self._frame
            if frame is None or is_framed is None:
                return 1.0
            return 1.0 if dated_to_present() or not is_framed() else frame.factor
        for event_type in (DIPLOMATIC, CLASH):
            candidates = [t for t in unit.triggers if t.term.label == event_type]
            if not candidates:
                continue
            if historical:
                # "the accord signed in 2006" is background, not news.
                if event_type == CLASH:
                    continue
                candidates = [t for t in candidates if t.term.subtype != "agreement"]
                if not candidates:
                    continue
            hedge = 1.0
            hedged: set[str] = set()
            blocked_sentence = False
            window_cues: list[tuple[Match, CueKind]] = []
            acting = self._acting[event_type]
            for cue in unit.cues:
                kind = acting.get(cue.term.label)
                if kind is None:
                    continue
                if kind.effect == "hedge":
                    if kind.name not in hedged:
                        hedged.add(kind.name)
                        hedge *= kind.factor
                elif kind.scope == "sentence":
                    if kind.yields_to_anchor and dated_to_present():
                        continue
                    blocked_sentence = True
                    break
                else:
                    window_cues.append((cue, kind))
            if blocked_sentence:
                continue
            alive: list[Match] = []
            spreading: list[Match] = []
            for trig in candidates:
                hits = [(cue, kind) for cue, kind in window_cues
                        if _distance(trig, cue) <= kind.window
                        or _same_clause(trig, cue, text, tokens, language)
                        or (kind.fronted
                            and _fronted(trig, cue, unit.start, text, tokens, language, anchors))]
                spreading += [cue for cue, kind in hits if kind.spread]
                if not hits:
                    alive.append(trig)
            if spreading:
                # A speculated or hedged trigger makes its sentence's others
                # doubtful too ("possible talks, which could include a
                # meeting"), except a main clause closed before the cue: "A
                # called B on Monday, discussing the possibility of new talks".
                breaks = _THAI_CLAUSE_BREAK if language == "th" else _CLAUSE_BREAK
                first_cue = min(tokens.start(c.first) for c in spreading)
                alive = [t for t in alive if tokens.end(t.last) < first_cue
                         and breaks.search(text, tokens.end(t.last), first_cue) is not None]
            if not alive:
                continue
            best_score = 0.0
            best_subtype = ""
            valued: list[tuple[float, Match]] = []
            # The sentence's participants are the same for each of its triggers.
            armed_side = False
            if event_type == DIPLOMATIC:
                parties = len({p.term.label for p in unit.parties})
                if parties == 1 and all(p.term.subtype == PERSON for p in unit.parties):
                    # A leader named alone is no side facing another: the
                    # ministers his president chairs meet at home.
                    parties = 0
                # EVENTS.md: talks between a state and an armed group are a
                # negotiation; the group named ("MILF", "the TNLA") is a side.
                armed_side = parties >= 1 and any(
                    a.term.kind == "armed_nonstate" and not a.term.text.islower()
                    and any(c.isupper() for c in tokens.surface(a.first))
                    for a in unit.actors
                ) and any(t.term.subtype in _ARMED_GROUP_TALKS for t in alive)
                parties += armed_side
            else:
                sides = _clash_sides(unit)
            for trig in alive:
                if (event_type == DIPLOMATIC and trig.term.subtype == "visit"
                        and trig.term.weight < _WEAK_VISIT
                        and not any(_distance(trig, v) <= _VISITOR_WINDOW for v in unit.visitors)):
                    continue
                if event_type == DIPLOMATIC:
                    fit = _diplomatic_fit(trig.term.subtype, unit, parties, article_parties)
                else:
                    fit = _clash_fit(trig.term.subtype, trig.term.weight, sides, armed_named)
                value = trig.term.weight * fit
                valued.append((value, trig))
                if value > best_score:
                    best_score, best_subtype = value, trig.term.subtype
            if best_score <= 0.0:
                continue
            # Of equally strong triggers the earliest names the subtype: the
            # main predicate comes first, later ones elaborate on it.
            best_subtype = min(
                ((v, t) for v, t in valued if v >= best_score * _SUBTYPE_NEAR),
                key=lambda vt: vt[1].first,
            )[1].term.subtype
            if event_type == CLASH and best_subtype == "battle" and sides.military:
                # "attacked a base, triggering a gun battle": the fighting
                # follows from the attack on the position, which EVENTS.md
                # names an `attack`.
                first_battle = min(t.first for _, t in valued if t.term.subtype == "battle")
                if any(value > 0.0 and t.term.subtype == "attack" and t.first < first_battle
                       for value, t in valued):
                    best_subtype = "attack"
            if armed_side and best_subtype == "meeting":
                best_subtype = "negotiation"
            if best_subtype == _FRAMED_BY_VISIT and any(
                value > 0.0 and t.term.subtype == "visit" and t.term.weight >= _VISIT_FRAME_WEIGHT
                for value, t in valued
            ):
                best_subtype = "visit"
            # Several distinct triggers in one sentence corroborate each other.
            distinct = len({t.term.text for t in alive}) - 1
            strength = min(1.0, best_score + 0.05 * min(3, distinct))
            score = strength * hedge * scale[event_type]
            if (score >= MIN_EVIDENCE_SCORE and self._frame is not None
                    and event_type in self._frame.applies_to):
                # A retrospective retells the past throughout: only a sentence
                # dated to the present reports news in it.
                score *= frame_factor()
            if score >= MIN_EVIDENCE_SCORE:
                ordered = sorted(alive, key=lambda t: (-t.term.weight, t.first))
                out.append(
                    SentenceEvidence(event_type, best_subtype, score, unit.start, unit.end,
                                     ordered)
                )
        return out
