"""Trigger lexicons and cue lists, read from `lexicons/<lang>.yaml`.

A language is one YAML file; the format is documented at the top of
`lexicons/en.yaml` and in `lexicons/README.md`. This module only turns the
files into flat `Term`s; matching them against text is `matcher.py`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from newsevents.classifier.sentences import NO_JOINS, SpaceJoins
from newsevents.messages import EVENT_TYPES, SUBTYPES_BY_TYPE

LEXICON_DIR = Path(__file__).with_name("lexicons")
# libyaml parses the lexicons ~20x faster than the pure-Python loader.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


GAP = "..."
# A gap term "a ... b" lets at most this many tokens stand between its parts;
# enough for "held [a long-awaited bilateral] meeting" without spanning clauses.
MAX_GAP_TOKENS = 3

TermKind = Literal[
    "trigger",
    "cue",
    "official",
    "interstate",
    "armed_state",
    "armed_nonstate",
    "target_military",
    "target_civilian",
    "party",
    "mask",
]


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: the words to find and what finding them means."""

    kind: TermKind
    label: str  # event type (trigger), cue kind (cue), state/organisation code (party)
    text: str  # as written in the YAML, reported as `Trigger.lemma`
    parts: tuple[str, ...]  # the entry split at "...", each part matched contiguously
    subtype: str = ""
    weight: float = 1.0
    surface: bool = False  # match the surface form instead of lemmas
    case_sensitive: bool = False  # acronyms: "PDF" must not match "pdf"
    proper_name: bool = False  # names must be written capitalised in the text


@dataclass(frozen=True, slots=True)
class CueKind:
    name: str
    # frame: marks a whole article as retrospective; anchor: dates a sentence
    # to the present. Neither acts on a trigger by itself (see detection.py).
    effect: Literal["block", "hedge", "frame", "anchor"]
    scope: Literal["sentence", "window"]
    applies_to: frozenset[str]
    window: int = 0
    factor: float = 1.0
    # A window cue that reaches one trigger discards the whole sentence for the
    # type: "may hold talks on the sidelines of the summit" speculates about
    # the summit meeting too, however far "summit" is from "may".
    spread: bool = False
    # An article with at least this many matches of the cue is about that
    # topic (a sports report), and every score of `applies_to` is scaled.
    article_threshold: int = 0
    article_factor: float = 1.0
    # The types the article-wide scaling acts on, when fewer than `applies_to`
    # (a denied clash is no clash, but an article denying twice that it
    # started the fighting still reports the fighting).
    article_applies_to: frozenset[str] | None = None
    # A window cue opening its sentence ("Three years ago, ...") dates the
    # clauses that follow it too, however far their trigger stands.
    fronted: bool = False
    # A sentence cue that a current-time anchor in its sentence overrides:
    # "met on Monday to revive the stalled talks" reports the meeting, the
    # stalled talks being only its purpose.
    yields_to_anchor: bool = False
    # An article-wide topic that reaches only the lead (when the lead names
    # it) and the paragraphs that name it: a roundup's football item does
    # not make its other items sport.
    local_topic: bool = False


_CUE_EFFECTS = frozenset({"block", "hedge", "frame", "anchor"})


@dataclass(slots=True)
class LanguageLexicon:
    language: str
    simplemma_langs: tuple[str, ...]
    segmentation: Literal["words", "chars"]
    abbreviations: frozenset[str]
    read_also: tuple[str, ...]
    photo: tuple[str, ...]
    share: tuple[str, ...]
    terms: list[Term] = field(default_factory=list)
    # Languages with clitic tokens ("l'", "se") or split verbs ("griffen ... an")
    # need longer gaps in "a ... b" terms.
    max_gap: int = MAX_GAP_TOKENS
    # Where a space ends a sentence (Thai), the words that say it does not.
    sentence_joins: SpaceJoins = NO_JOINS


@dataclass(slots=True)
class CommonLexicon:
    cue_kinds: dict[str, CueKind]
    organisations: dict[str, list[str]]


class LexiconError(ValueError):
    """A lexicon file does not follow the documented format."""


def _str_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise LexiconError(f"{where}: expected a list of strings")
    return [str(v) for v in value]


def _make_term(raw: str, kind: TermKind, label: str, **kw: Any) -> Term:
    text = raw.strip()
    surface = text.startswith("=")
    if surface:
        text = text[1:].strip()
    parts = tuple(p.strip() for p in text.split(GAP) if p.strip())
    # Any capital in an entry means the writer cares about case (acronyms, "MoU").
    case_sensitive = kind != "party" and any(ch.isupper() for ch in text)
    return Term(
        kind=kind,
        label=label,
        text=text,
        parts=parts,
        surface=surface or case_sensitive or kind == "party",
        case_sensitive=case_sensitive,
        proper_name=kind == "party",
        **kw,
    )


def _make_demonym(raw: str, code: str) -> Term:
    """A lower-case adjective naming a state ("российский", "mauritanien", "ruandês").

    Unlike names it is matched on lemmas and in any case, so every inflected
    form counts and a sentence-initial capital does not hide it.
    """
    text = raw.strip().lower()
    surface = text.startswith("=")
    if surface:
        text = text[1:].strip()
    parts = tuple(p.strip() for p in text.split(GAP) if p.strip())
    return Term(kind="party", label=f"state:{code}", text=text, parts=parts, surface=surface)


def load_common(path: Path | None = None) -> CommonLexicon:
    data = _read_yaml(path or LEXICON_DIR / "common.yaml")
    kinds: dict[str, CueKind] = {}
    for name, spec in (data.get("cue_kinds") or {}).items():
        applies = frozenset(_str_list(spec.get("applies_to"), f"cue_kinds.{name}"))
        if not applies <= set(EVENT_TYPES):
            raise LexiconError(f"cue_kinds.{name}: unknown event type in {sorted(applies)}")
        article_applies = (
            frozenset(_str_list(spec["article_applies_to"], f"cue_kinds.{name}"))
            if spec.get("article_applies_to") is not None else None
        )
        if article_applies is not None and not article_applies <= applies:
            raise LexiconError(f"cue_kinds.{name}: article_applies_to outside applies_to")
        if spec.get("effect") not in _CUE_EFFECTS:
            raise LexiconError(f"cue_kinds.{name}: unknown effect {spec.get('effect')!r}")
        kinds[name] = CueKind(
            name=name,
            effect=spec["effect"],
            scope=spec.get("scope", "sentence"),
            applies_to=applies,
            window=int(spec.get("window", 0)),
            factor=float(spec.get("factor", 1.0)),
            spread=bool(spec.get("spread", False)),
            article_threshold=int(spec.get("article_threshold", 0)),
            article_factor=float(spec.get("article_factor", 1.0)),
            fronted=bool(spec.get("fronted", False)),
            yields_to_anchor=bool(spec.get("yields_to_anchor", False)),
            local_topic=bool(spec.get("local_topic", False)),
            article_applies_to=article_applies,
        )
    orgs = {code: _str_list(names, f"organisations.{code}") for code, names in
            (data.get("organisations") or {}).items()}
    return CommonLexicon(cue_kinds=kinds, organisations=orgs)


_ABBREV_CLEAN = re.compile(r"\.$")


def _space_joins(value: Any, where: str) -> SpaceJoins:
    if value is None:
        return NO_JOINS
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: expected a mapping")
    known = set(SpaceJoins.__dataclass_fields__)
    unknown = set(value) - known
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
    return SpaceJoins(**{key: tuple(_str_list(value.get(key), f"{where}.{key}"))
                         for key in sorted(known)})


def load_language(path: Path, common: CommonLexicon) -> LanguageLexicon:
    """Read one language file; raises `LexiconError` on a malformed file."""
    data = _read_yaml(path) or {}
    lang = str(data.get("language", ""))
    if lang != path.stem:
        raise LexiconError(f"{path.name}: language {lang!r} does not match the file name")
    boiler = data.get("boilerplate") or {}
    lex = LanguageLexicon(
        language=lang,
        simplemma_langs=tuple(_str_list(data.get("simplemma"), "simplemma")),
        segmentation="chars" if data.get("segmentation") == "chars" else "words",
        abbreviations=frozenset(
            _ABBREV_CLEAN.sub("", a.lower()) for a in _str_list(data.get("abbreviations"), "abbr")
        ),
        read_also=tuple(s.lower() for s in _str_list(boiler.get("read_also"), "read_also")),
        photo=tuple(s.lower() for s in _str_list(boiler.get("photo"), "photo")),
        share=tuple(s.lower() for s in _str_list(boiler.get("share"), "share")),
        max_gap=int(data.get("max_gap", MAX_GAP_TOKENS)),
        sentence_joins=_space_joins(data.get("sentence_joins"), f"{path.name}: sentence_joins"),
    )
    if not 1 <= lex.max_gap <= 12:
        raise LexiconError(f"{path.name}: max_gap {lex.max_gap} outside 1..12")
    terms = lex.terms
    for event_type, by_subtype in (data.get("triggers") or {}).items():
        if event_type not in SUBTYPES_BY_TYPE:
            raise LexiconError(f"{path.name}: unknown event type {event_type!r}")
        for subtype, by_weight in (by_subtype or {}).items():
            if subtype not in SUBTYPES_BY_TYPE[event_type]:
                raise LexiconError(f"{path.name}: {subtype!r} is not a subtype of {event_type}")
            for weight, entries in (by_weight or {}).items():
                w = float(weight)
                if not 0.0 < w <= 1.0:
                    raise LexiconError(f"{path.name}: weight {weight} outside (0, 1]")
                for entry in _str_list(entries, f"{event_type}.{subtype}.{weight}"):
                    terms.append(_make_term(entry, "trigger", event_type, subtype=subtype,
                                            weight=w))
    participants = data.get("participants") or {}
    for entry in _str_list(participants.get("official"), "participants.official"):
        terms.append(_make_term(entry, "official", "official"))
    for entry in _str_list(participants.get("interstate"), "participants.interstate"):
        terms.append(_make_term(entry, "interstate", "interstate"))
    actors = data.get("armed_actors") or {}
    # Police are state forces labelled apart: riot police facing a crowd is no
    # armed clash (`detection._clash_sides`).
    for side in ("state", "police", "nonstate"):
        for entry in _str_list(actors.get(side), f"armed_actors.{side}"):
            actor: TermKind = "armed_nonstate" if side == "nonstate" else "armed_state"
            terms.append(_make_term(entry, actor, side))
    targets = data.get("targets") or {}
    for target in ("military", "civilian"):
        for entry in _str_list(targets.get(target), f"targets.{target}"):
            kind: TermKind = "target_military" if target == "military" else "target_civilian"
            terms.append(_make_term(entry, kind, target))
    for cue, entries in (data.get("cues") or {}).items():
        if cue not in common.cue_kinds:
            raise LexiconError(f"{path.name}: cue kind {cue!r} is not defined in common.yaml")
        for entry in _str_list(entries, f"cues.{cue}"):
            terms.append(_make_term(entry, "cue", cue))
    for code, names in (data.get("states") or {}).items():
        for name in _str_list(names, f"states.{code}"):
            terms.append(_make_term(name, "party", f"state:{code}"))
    # Phrases that only look like triggers or cues ("conférence de presse",
    # "không quân" = air force): every trigger and cue inside one is ignored.
    for entry in _str_list(data.get("not_triggers"), "not_triggers"):
        terms.append(_make_term(entry, "mask", "mask"))
    for code, names in (data.get("demonyms") or {}).items():
        for name in _str_list(names, f"demonyms.{code}"):
            terms.append(_make_demonym(name, code))
    org_names: dict[str, list[str]] = {k: list(v) for k, v in common.organisations.items()}
    for code, names in (data.get("organisations") or {}).items():
        org_names.setdefault(code, []).extend(_str_list(names, f"organisations.{code}"))
    for code, names in org_names.items():
        for name in names:
            terms.append(_make_term(name, "party", f"org:{code}"))
    return lex


def available_languages(directory: Path = LEXICON_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml") if p.stem != "common")
