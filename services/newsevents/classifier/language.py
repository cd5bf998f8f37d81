"""Offline article-level language identification.

CLD2 (pycld2) runs first, on the lead and, unless it is sure of the lead, on
the first 2,000 characters: ~0.05 ms a KB, and it knows every script we
target, Burmese and Thai included. It confuses Indonesian and
Malay, so that pair is settled by lingua restricted to exactly those two,
which separates them well. When CLD2 has no answer (very short or mixed
text), lingua restricted to the 16 target languages decides; restricting it
keeps its models at a few hundred MB instead of ~1.1 GB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycld2  # type: ignore[import-untyped]
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

TARGET_LANGUAGES: tuple[str, ...] = (
    "en", "id", "ms", "tl", "vi", "th", "my", "zh", "ar", "tr", "ru", "uk", "fr", "es", "pt", "de",
    "fa", "hi",
)
UNDETERMINED = "und"
# Pairs CLD2 cannot tell apart reliably; lingua settles them.
_CONFUSABLE: frozenset[str] = frozenset({"id", "ms"})
_PAIR_DEFAULT = "id"
# lingua only needs a paragraph or two to be sure; longer input only costs time.
_LINGUA_CHARS = 300
# CLD2's cost grows with its input; the first 2,000 characters (the title and
# the lead) named the same language as 4,000 on every devset and bench
# article. Its confidence is the share of the sample in that language, so it
# moves a little (mostly up: less footer in the sample).
_CLD2_CHARS = 2_000
# CLD2 reads the lead first: when at least this share of it is one language,
# reliably, and not a pair CLD2 confuses, the rest of the sample would not
# change the answer, and an article costs a quarter of the time (CLD2 takes
# ~80 us a KB here). 300 characters named the same language as 600 and as the
# whole sample on all 4,577 dev and bench articles; 200 missed one.
_CLD2_LEAD_CHARS = 300
_CLD2_LEAD_PERCENT = 90
_CLD2_ALIASES = {"iw": "he", "jw": "jv", "in": "id", "zh-Hant": "zh", "fil": "tl"}
# Surrogates and C0/C1 controls make CLD2 reject the whole input.
_UNSAFE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f]")
# When the top two languages are this close, the scraper's hint decides.
_TIE_MARGIN = 0.15


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und"
    confidence: float

    def __post_init__(self) -> None:
        # lingua sums its per-model scores in no fixed order, so the last digits
        # vary between calls; rounded, the same article always reads the same.
        object.__setattr__(self, "confidence", round(self.confidence, 4))


def _lingua_languages(codes: tuple[str, ...] | frozenset[str]) -> list[Language]:
    """The lingua languages among `codes`; lingua has no Burmese, CLD2 covers it."""
    found: list[Language] = []
    for code in sorted(codes):
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            found.append(Language.from_iso_code_639_1(iso))
    return found


def _cld2(sample: str) -> tuple[bool, str, float]:
    """CLD2's (reliable, ISO 639-1 code or "", percent of the sample) for a safe sample."""
    try:
        # Read as HTML, CLD2 also looks for tags and entities: plain text
        # without "<" or "&" reads the same, in less time.
        reliable, _, details = pycld2.detect(
            sample, isPlainText="<" not in sample and "&" not in sample)
    except pycld2.error:
        return False, "", 0.0
    if not details:
        return bool(reliable), "", 0.0
    raw_code = str(details[0][1])
    return bool(reliable), _CLD2_ALIASES.get(raw_code, raw_code.split("-")[0]), float(details[0][2])


class LanguageIdentifier:
    def __init__(self, languages: tuple[str, ...] = TARGET_LANGUAGES) -> None:
        self.languages = languages
        self._pair: LanguageDetector = (
            LanguageDetectorBuilder.from_languages(*_lingua_languages(_CONFUSABLE))
            .with_preloaded_language_models()
            .build()
        )
        self._all: LanguageDetector = (
            LanguageDetectorBuilder.from_languages(*_lingua_languages(languages))
            .with_low_accuracy_mode()
            .with_preloaded_language_models()
            .build()
        )

    def identify(self, text: str, hint: str | None = None) -> LanguageGuess:
        hint = (hint or "").strip().lower()[:2] or None
        sample = _UNSAFE.sub(" ", text[:_CLD2_CHARS])
        if not sample.strip():
            return LanguageGuess(hint or UNDETERMINED, 0.0) if hint else LanguageGuess(
                UNDETERMINED, 0.0)
        if len(sample) > 2 * _CLD2_LEAD_CHARS:
            reliable, code, percent = _cld2(sample[:_CLD2_LEAD_CHARS])
            if (reliable and percent >= _CLD2_LEAD_PERCENT and code not in _CONFUSABLE
                    and code not in ("", "un")):
                return LanguageGuess(code, min(1.0, max(percent / 100.0, 0.5)))
        reliable, code, percent = _cld2(sample)
        confidence = percent / 100.0
        if code in _CONFUSABLE:
            return self._settle_pair(code, confidence, sample[:_LINGUA_CHARS], hint)
        if code and code != "un" and reliable:
            return LanguageGuess(code, min(1.0, max(confidence, 0.5)))
        return self._lingua(self._all, sample[:_LINGUA_CHARS], hint)

    def _settle_pair(
        self, cld2_code: str, cld2_confidence: float, sample: str, hint: str | None
    ) -> LanguageGuess:
        """Indonesian or Malay: CLD2 and lingua vote with equal weight.

        Each of them alone gets short Indonesian wire copy wrong now and then,
        rarely on the same article; where the vote is a tie the scraper's hint
        decides, and without one Indonesian, by far the larger news language.
        """
        votes = dict.fromkeys(_CONFUSABLE, 0.0)
        votes[cld2_code] += 0.5 * cld2_confidence
        for value in self._pair.compute_language_confidence_values(sample):
            code = value.language.iso_code_639_1.name.lower()
            if code in votes:
                votes[code] += 0.5 * float(value.value)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0] != _PAIR_DEFAULT))
        (best, best_score), (_, second_score) = ranked[0], ranked[1]
        if best_score - second_score < _TIE_MARGIN:
            if hint in votes:
                return LanguageGuess(hint, votes[hint])
            return LanguageGuess(_PAIR_DEFAULT, votes[_PAIR_DEFAULT])
        return LanguageGuess(best, best_score)

    def _lingua(self, detector: LanguageDetector, sample: str, hint: str | None) -> LanguageGuess:
        values = detector.compute_language_confidence_values(sample)
        if not values or values[0].value <= 0.0:
            return LanguageGuess(hint, 0.0) if hint else LanguageGuess(UNDETERMINED, 0.0)
        best_code = values[0].language.iso_code_639_1.name.lower()
        best = float(values[0].value)
        if hint and hint != best_code:
            for candidate in values[1:]:
                if candidate.language.iso_code_639_1.name.lower() == hint and (
                    best - float(candidate.value) < _TIE_MARGIN
                ):
                    return LanguageGuess(hint, float(candidate.value))
        return LanguageGuess(best_code, best)
