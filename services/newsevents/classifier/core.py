"""The classifier stage's pure core: RawArticle in, ClassifiedArticle out.

Everything heavy (lexicons, automata, language models) is built once in
`Classifier.load()`; `classify` does no I/O and holds no per-article state,
so one instance serves a whole worker process.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import cast

from newsevents.classifier.cleaning import CleanedText, Cleaner, assemble, scan_lines
from newsevents.classifier.compile_lexicons import COMPILED_PATH, load_forms
from newsevents.classifier.detection import (
    ARMED_KINDS,
    SentenceEvidence,
    SentenceScorer,
    headline_subtype,
    may_fit,
)
from newsevents.classifier.gazetteer import country_terms, people_terms
from newsevents.classifier.htmltext import html_to_text
from newsevents.classifier.language import UNDETERMINED, LanguageIdentifier
from newsevents.classifier.lexicon import (
    LEXICON_DIR,
    LanguageLexicon,
    available_languages,
    load_common,
    load_language,
)
from newsevents.classifier.matcher import (
    Lemmatizer,
    Match,
    TermMatcher,
    Tokens,
    native_available,
)
from newsevents.classifier.sentences import NO_JOINS, SpaceJoins, line_sentences, line_spans
from newsevents.messages import (
    EVENT_TYPES,
    ClassifiedArticle,
    Detection,
    Evidence,
    RawArticle,
    Subtype,
    Trigger,
)

log = logging.getLogger(__name__)

# A detection needs one sentence at least this convincing; weaker sentences
# only add to the confidence of a detection that already has one.
MIN_DETECTION_SCORE = 0.45
# Each evidence sentence removes this share of the remaining doubt.
_EVIDENCE_GAIN = 0.7
_MAX_EVIDENCE = 8
# For a language without a lexicon, a close relative's (or English, the
# language of loanwords and acronyms in world news) is used at reduced trust.
_FALLBACK_LEXICON = {"ms": "id"}
_DEFAULT_FALLBACK = "en"
_FALLBACK_SCALE = 0.6
_SUBTYPE_NEAR = 0.8
# A visit frames the talks, signings and honours held during it (EVENTS.md
# counts a meeting abroad and a hosted delegation as a visit): a headline
# naming one of them does not unmake the visit.
_FRAMING_SUBTYPE = "visit"
# The talks of a trip are the visit wherever the article states the trip: a
# meeting led by one sentence and a visit stated by another is one visit.
_FRAMED_BY_VISIT = "meeting"
# An honour conferred during a visit is the story when the headline names it
# and the body states it firmly. (Accords signed on a visit were tried the
# same way: on the dev set that broke five subtypes to mend one.)
_VISIT_OUTCOMES = frozenset({"honour"})
_FIRM_OUTCOME = 0.9
# Only firm travel wording ("arrived in", "state visit") reframes the article:
# "hosted" a dinner or a visit being prepared does not.
_FIRM_TRIP = 0.95
_UNIVERSAL = "en"


def candidate_sentences(
    text: str,
    tokens: Tokens,
    matches: list[Match],
    language: str,
    abbreviations: frozenset[str],
    joins: SpaceJoins = NO_JOINS,
) -> tuple[list[tuple[int, int]], list[Match]]:
    """The sentences the scorer needs, and the matches it can use.

    Only a sentence with a trigger can be evidence, and sentences never cross
    a line: lines without a trigger are not split, nor are lines whose
    matches could not fit any trigger (`may_fit`). The scorer's other inputs
    are article-wide: every cue counts, so every cue match is kept; the set of
    parties named inside some sentence must stay exact, so a line is also
    split when it holds the only in-sentence mention a party might have.
    Matches in unsplit lines would fall outside every sentence the scorer
    gets, so they are left out. What a sentence scores is unchanged.
    """
    lines = line_spans(text)
    line_starts = [start for start, _ in lines]
    start_of = tokens.start
    # Each match's line and kind, looked up once for the passes below.
    where = [bisect_right(line_starts, start_of(m.first)) - 1 for m in matches]
    kinds = [m.term.kind for m in matches]
    split: dict[int, list[tuple[int, int]]] = {}
    triggered = {line for line, kind in zip(where, kinds, strict=True) if kind == "trigger"}
    in_line: dict[int, list[Match]] = {line: [] for line in triggered}
    for m, line in zip(matches, where, strict=True):
        if line in in_line:
            in_line[line].append(m)
    for line in triggered:
        if may_fit(in_line[line]):
            split[line] = line_sentences(text, *lines[line], language, abbreviations, joins)
    if not split:
        return [], []

    def in_sentence(m: Match, line: int) -> bool:
        spans = split[line]
        index = bisect_right([start for start, _ in spans], start_of(m.first)) - 1
        return index >= 0 and tokens.end(m.last) <= spans[index][1]

    parties = [(m, line) for m, line, kind in zip(matches, where, kinds, strict=True)
               if kind == "party"]
    confirmed = {m.term.label for m, line in parties if line in split and in_sentence(m, line)}
    for m, line in parties:
        if m.term.label in confirmed:
            continue
        if line not in split:
            split[line] = line_sentences(text, *lines[line], language, abbreviations, joins)
        if in_sentence(m, line):
            confirmed.add(m.term.label)
    sentences = [span for line in sorted(split) for span in split[line]]
    kept = [m for m, line, kind in zip(matches, where, kinds, strict=True)
            if line in split or kind == "cue"]
    return sentences, kept


@dataclass(slots=True)
class _LanguagePack:
    lexicon: LanguageLexicon
    matcher: TermMatcher
    cleaner: Cleaner | None = None


class Classifier:
    def __init__(
        self,
        packs: dict[str, _LanguagePack],
        cleaner: Cleaner,
        identifier: LanguageIdentifier,
        scorer: SentenceScorer,
    ) -> None:
        self._packs = packs
        self._cleaner = cleaner
        self._identifier = identifier
        self._scorer = scorer

    @classmethod
    def load(cls, lexicon_dir: Path = LEXICON_DIR, compiled: Path = COMPILED_PATH) -> Classifier:
        if not native_available():
            log.warning(
                "the compiled matcher is not installed (no Rust >= 1.74 at install time?): "
                "classify takes about 1.5 times as long; install cargo and reinstall the package"
            )
        common = load_common(lexicon_dir / "common.yaml")
        forms = load_forms(lexicon_dir, compiled)
        packs: dict[str, _LanguagePack] = {}
        for language in available_languages(lexicon_dir):
            lexicon = load_language(lexicon_dir / f"{language}.yaml", common)
            terms = lexicon.terms + country_terms(language) + list(people_terms())
            lemmatizer = Lemmatizer(lexicon.simplemma_langs, forms.get(language, {}), language)
            packs[language] = _LanguagePack(
                lexicon,
                TermMatcher(terms, lexicon.segmentation, lemmatizer, language, lexicon.max_gap),
            )
        cleaner = Cleaner(
            read_also=[m for p in packs.values() for m in p.lexicon.read_also],
            photo=[m for p in packs.values() for m in p.lexicon.photo],
            share=[m for p in packs.values() for m in p.lexicon.share],
        )
        # English boilerplate ("Read more", "Photo:") turns up on sites in
        # every language; other languages' markers are ordinary words here.
        universal = packs[_UNIVERSAL].lexicon if _UNIVERSAL in packs else None
        for pack in packs.values():
            lexicons = [pack.lexicon] + ([universal] if universal is not None else [])
            pack.cleaner = Cleaner(
                read_also=[m for lex in lexicons for m in lex.read_also],
                photo=[m for lex in lexicons for m in lex.photo],
                share=[m for lex in lexicons for m in lex.share],
            )
        return cls(packs, cleaner, LanguageIdentifier(), SentenceScorer(common.cue_kinds))

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._packs))

    def classify(self, article: RawArticle, *, pipeline_version: str) -> ClassifiedArticle:
        from_text = bool(article.text.strip())
        source = article.text if from_text else html_to_text(article.html or "")
        # Line shapes do not depend on the language: scan once, decide twice.
        scanned = scan_lines(source, article.title)
        kinds = self._cleaner.line_kinds(scanned)
        cleaned = assemble(scanned, kinds)
        guess = self._identifier.identify(
            f"{article.title}\n{cleaned.text or source}", article.language_hint
        )
        pack = self._packs.get(guess.code)
        supported = pack is not None
        if pack is not None and pack.cleaner is not None and cleaned.markers_used:
            # The language is known now: clean again with its markers only. They
            # are a subset of every language's, so only marker lines can change.
            narrowed = pack.cleaner.refine(scanned, kinds)
            if narrowed != kinds:
                cleaned = assemble(scanned, narrowed)
        scale = 1.0
        if pack is None:
            pack = self._packs.get(_FALLBACK_LEXICON.get(guess.code, _DEFAULT_FALLBACK))
            scale = _FALLBACK_SCALE
        detections: list[Detection] = []
        if pack is not None and cleaned.text:
            # The headline is matched only when a sentence's score depends on
            # its frame or a detection's evidence disagrees on the subtype, and
            # then once for both.
            title_pack = pack
            headline = cache(lambda: self._headline(article.title, title_pack))
            evidence = self._evidence(cleaned, pack, guess.code, article, scale, headline)
            detections = self._detections(cleaned, evidence, keep_original=from_text,
                                          headline=headline)
        # Every value below is built from validated parts and of its field's
        # type: validating it again cost ~4% of classify. Messages are still
        # validated where they enter from Kafka.
        return ClassifiedArticle.model_construct(
            article=article,
            cleaned_text=cleaned.text,
            language=guess.code or UNDETERMINED,
            language_confidence=max(0.0, min(1.0, guess.confidence)),
            language_supported=supported,
            detections=detections,
            pipeline_version=pipeline_version,
        )

    def _evidence(
        self,
        cleaned: CleanedText,
        pack: _LanguagePack,
        language: str,
        article: RawArticle,
        scale: float,
        headline: Callable[[], list[Match]],
    ) -> list[tuple[SentenceEvidence, list[tuple[int, int]]]]:
        text = cleaned.text
        tokens, matches = pack.matcher.scan(text)
        armed_named = any(m.term.kind in ARMED_KINDS for m in matches)
        sentences, matches = candidate_sentences(
            text, tokens, matches, language if language != UNDETERMINED else "en",
            pack.lexicon.abbreviations, pack.lexicon.sentence_joins,
        )
        if not sentences:
            return []
        published = article.published_at or datetime.now(UTC)
        year = published.year
        title = article.title

        def headline_frames() -> bool:
            return self._scorer.frames_headline(title, headline(), year)

        found = self._scorer.score(
            text, tokens, matches, sentences, reference_year=year, scale=scale,
            language=pack.lexicon.language,
            headline_frames=headline_frames if title.strip() else None,
            armed_named=armed_named,
            reference_month=published.month,
        )
        return [
            (ev, [(tokens.start(t.first), tokens.end(t.last)) for t in ev.triggers])
            for ev in found
        ]

    @staticmethod
    def _headline(title: str, pack: _LanguagePack) -> list[Match]:
        """The lexicon's matches in the headline, which names the subtype (`_detections`)."""
        if not title.strip():
            return []
        return pack.matcher.scan(title)[1]

    @staticmethod
    def _detections(
        cleaned: CleanedText,
        found: list[tuple[SentenceEvidence, list[tuple[int, int]]]],
        *,
        keep_original: bool,
        headline: Callable[[], list[Match]] | None = None,
    ) -> list[Detection]:
        text = cleaned.text
        detections: list[Detection] = []
        for event_type in EVENT_TYPES:
            mine = sorted(
                (f for f in found if f[0].event_type == event_type),
                key=lambda f: (-f[0].score, f[0].start),
            )
            if not mine or mine[0][0].score < MIN_DETECTION_SCORE:
                continue
            doubt = 1.0
            evidence: list[Evidence] = []
            for ev, spans in mine[:_MAX_EVIDENCE]:
                doubt *= 1.0 - _EVIDENCE_GAIN * min(1.0, ev.score)
                triggers = [
                    Trigger.model_construct(
                        text=text[start:end],
                        lemma=match.term.text,
                        start=start,
                        end=end,
                        weight=match.term.weight,
                    )
                    for match, (start, end) in zip(ev.triggers, spans, strict=True)
                ]
                evidence.append(
                    Evidence.model_construct(
                        text=text[ev.start:ev.end],
                        start=ev.start,
                        end=ev.end,
                        original_start=cleaned.to_original(ev.start) if keep_original else None,
                        triggers=triggers,
                    )
                )
            # Wire copy states the event first and elaborates later: "held a
            # phone call" then "at the meeting, Türkiye and Iraq ...", where the
            # later sentence scores higher only because it names both states.
            # The earliest sentence worded at least as firmly (trigger weight)
            # and nearly as strong names the subtype.
            best = mine[0][0]
            lead = min(
                (
                    f[0] for f in mine
                    if f[0].score >= best.score * _SUBTYPE_NEAR
                    and f[0].triggers[0].term.weight >= best.triggers[0].term.weight
                ),
                key=lambda e: e.start,
            )
            subtype = lead.subtype
            if subtype == _FRAMED_BY_VISIT and any(
                t.term.subtype == _FRAMING_SUBTYPE and t.term.weight >= _FIRM_TRIP
                for f in mine[:_MAX_EVIDENCE] if f[0].subtype == _FRAMING_SUBTYPE
                for t in f[0].triggers
            ):
                subtype = _FRAMING_SUBTYPE
            if headline is not None and subtype == _FRAMING_SUBTYPE:
                firm = {
                    t.term.subtype for f in mine for t in f[0].triggers
                    if t.term.subtype in _VISIT_OUTCOMES and t.term.weight >= _FIRM_OUTCOME
                }
                if firm:
                    subtype = headline_subtype(headline(), event_type, firm) or subtype
            elif headline is not None:
                evidenced = {f[0].subtype for f in mine}
                if len(evidenced) > 1:
                    subtype = headline_subtype(headline(), event_type, evidenced) or subtype
            detections.append(
                Detection.model_construct(
                    event_type=event_type,
                    # The lexicon loader admits only the subtypes of the message schema.
                    subtype=cast(Subtype, subtype),
                    confidence=round(min(0.99, 1.0 - doubt), 4),
                    evidence=evidence,
                )
            )
        return detections
