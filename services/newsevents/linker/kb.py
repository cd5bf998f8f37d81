"""The loaded knowledge base: entities, the alias automaton and the cue words."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.linker import kb_format
from newsevents.linker.gazetteer import Gazetteer, normalise_key
from newsevents.linker.kb_build import DEFAULT_KB_PATH, build_kb

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str  # country, region, city, org, armed, person
    name: str
    country: str | None = None
    sector: str | None = None
    qid: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0

    @property
    def is_place(self) -> bool:
        return self.kind in ("country", "region", "city")

    @property
    def is_actor(self) -> bool:
        return self.kind in ("country", "org", "armed", "person")


@dataclass(frozen=True, slots=True)
class Cues:
    sector_nouns: dict[str, str]  # normalised noun -> sector
    locatives: frozenset[str]
    locatives_after: frozenset[str]
    directionals: frozenset[str]  # the locatives that say "to": a destination
    region_before: frozenset[str]
    region_after: frozenset[str]
    person_ambiguous: frozenset[str]
    place_modifiers: frozenset[str]
    # Case-folded with accents kept: they differ from a place's name only in accents.
    not_place_surfaces: frozenset[str] = frozenset()
    needs_country_cue: frozenset[str] = frozenset()  # normalised alias keys
    roundup_headlines: tuple[str, ...] = ()  # case-folded; found anywhere in a headline
    # Unspaced scripts: an "in" written onto the name, before it (Chinese "在") or after it
    # (Burmese "၌"); the exceptions are longer words ending in the same character ("现在").
    locatives_unspaced_before: tuple[str, ...] = ()
    locatives_unspaced_after: tuple[str, ...] = ()
    not_locatives_unspaced: tuple[str, ...] = ()
    parties_list_after: frozenset[str] = frozenset()  # "from" before a roll-call of states
    border_with: frozenset[str] = frozenset()  # "near the border with" before a country
    # The words that say a name is a village or a district, before it ("the village of",
    # "Distrik") or after it ("tehsil"); `vicinity`: "around", "near" before them, which
    # say where as "in" does.
    settlement_before: frozenset[str] = frozenset()
    district_before: frozenset[str] = frozenset()
    settlement_after: frozenset[str] = frozenset()
    district_after: frozenset[str] = frozenset()
    vicinity: frozenset[str] = frozenset()
    # The longest word of each of those designators, as written and normalised, case-folded:
    # a sentence with none of them names no unlisted place.
    designator_words: frozenset[str] = frozenset()
    title_abbreviations: frozenset[str] = frozenset()  # case-folded: "lt", "col", "dr"
    homeward: frozenset[str] = frozenset()  # "back" in "flew back to": a visitor going home
    max_noun_words: int = 3


@dataclass(slots=True)
class KnowledgeBase:
    entities: dict[str, Entity]
    gazetteer: Gazetteer
    cues: Cues
    months: dict[str, dict[str, int]]
    weekdays: dict[str, dict[str, int]]
    sources: dict[str, Any] = field(default_factory=dict)


def _designator_words(raw: dict[str, Any]) -> frozenset[str]:
    """The words a sentence split at spaces must contain for a designator to be in it: a
    designator written after its name may end the clause ("... Mir Ali tehsil,")."""
    words: set[str] = set()
    for key in ("settlement_before", "district_before", "settlement_after", "district_after"):
        for phrase in raw.get(key, ()):
            for form in (str(phrase).casefold(), normalise_key(str(phrase))):
                word = max(form.split(), key=len)
                words.add(word)
                if key.endswith("_after"):
                    words.update(word + mark for mark in ",.;:)")
    return frozenset(words)


def _cues(raw: dict[str, Any]) -> Cues:
    nouns: dict[str, str] = {}
    for sector, words in raw["sector_nouns"].items():
        for word in words:
            nouns.setdefault(normalise_key(str(word)), sector)

    def norm_set(key: str) -> frozenset[str]:
        return frozenset(normalise_key(str(w)) for w in raw.get(key, ()))

    return Cues(
        sector_nouns=nouns,
        locatives=norm_set("locatives"),
        locatives_after=norm_set("locatives_after"),
        directionals=norm_set("directionals"),
        region_before=norm_set("region_before"),
        region_after=norm_set("region_after"),
        person_ambiguous=norm_set("person_ambiguous"),
        place_modifiers=frozenset(str(w) for w in raw["place_modifiers"]),
        not_place_surfaces=frozenset(str(w).casefold() for w in raw["not_place_surfaces"]),
        needs_country_cue=norm_set("needs_country_cue"),
        roundup_headlines=tuple(str(w).casefold() for w in raw["roundup_headlines"]),
        locatives_unspaced_before=tuple(str(w) for w in raw["locatives_unspaced_before"]),
        locatives_unspaced_after=tuple(str(w) for w in raw["locatives_unspaced_after"]),
        not_locatives_unspaced=tuple(str(w) for w in raw["not_locatives_unspaced"]),
        parties_list_after=norm_set("parties_list_after"),
        border_with=norm_set("border_with"),
        settlement_before=norm_set("settlement_before"),
        district_before=norm_set("district_before"),
        settlement_after=norm_set("settlement_after"),
        district_after=norm_set("district_after"),
        vicinity=norm_set("vicinity"),
        designator_words=_designator_words(raw),
        title_abbreviations=frozenset(
            str(w).casefold() for w in raw.get("title_abbreviations", ())
        ),
        homeward=norm_set("homeward"),
        max_noun_words=max(len(n.split()) for n in nouns),
    )


def from_stored(raw: dict[str, Any]) -> KnowledgeBase:
    """The KB from its stored (column) form, see `kb_format`."""
    ids: list[str] = raw["entities"]["id"]

    def column(name: str) -> list[Any]:
        return kb_format.entity_column(raw, name)

    populations = (int(p) if p else 0 for p in column("population"))
    # Positional, column by column: the ~74,000 entities are most of what there is to build.
    entities = dict(
        zip(
            ids,
            map(
                Entity,
                ids,
                column("kind"),
                column("name"),
                column("country"),
                column("sector"),
                column("qid"),
                column("admin1"),
                column("lat"),
                column("lon"),
                populations,
            ),
            strict=True,
        )
    )
    return KnowledgeBase(
        entities=entities,
        gazetteer=Gazetteer.from_keys(kb_format.alias_keys(raw)),
        cues=_cues(raw["cues"]),
        months=raw["dates"]["months"],
        weekdays=raw["dates"]["weekdays"],
        sources=raw.get("sources", {}),
    )


def load_kb(path: Path = DEFAULT_KB_PATH) -> KnowledgeBase:
    """The KB from `path`, or built in memory (slow, seconds) when the file is missing."""
    if path.exists():
        raw = kb_format.read(path)
    else:
        log.warning("knowledge base %s missing; building it in memory (run `make kb`)", path)
        raw = kb_format.decode(kb_format.encode(build_kb()))
    return from_stored(raw)
