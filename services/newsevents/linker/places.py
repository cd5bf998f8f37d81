"""Where an event happened: the most specific place its evidence names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from newsevents.linker.kb import Entity, KnowledgeBase
from newsevents.linker.mentions import Mention
from newsevents.messages import Place, PlacePrecision

_SPECIFICITY = {"city": 3, "region": 2, "country": 1}


def _country_place(kb: KnowledgeBase, alpha3: str, mention: str | None) -> Place | None:
    entity = kb.entities.get(f"country:{alpha3}")
    if entity is None:
        return None
    return Place(
        name=entity.name,
        entity_id=entity.id,
        country=alpha3,
        precision="country",
        mention=mention,
    )


def _as_place(entity: Entity, mention: Mention, admin1: str | None) -> Place:
    precision: PlacePrecision = (
        "city" if entity.kind == "city" else ("region" if entity.kind == "region" else "country")
    )
    return Place(
        name=entity.name,
        entity_id=entity.id,
        country=entity.country,
        admin1=entity.admin1 or admin1,
        latitude=entity.lat,
        longitude=entity.lon,
        precision=precision,
        mention=mention.surface,
    )


_BIG_CITY = 1_000_000


def _credible(mention: Mention, entity: Entity, context: Mapping[str, int]) -> bool:
    """Thousands of towns share a name with a common word or a person: a town in a country
    the article never names counts only when the sentence says it is a place ("in X",
    "X State") and it does not start a longer name ("Bole International Airport")."""
    if entity.kind == "country":
        return True
    if mention.after_name and not (mention.locative or mention.region_cue):
        return False  # a surname: "Ambassador Kazuhiko Tanabe"
    if entity.country and context.get(entity.country):
        return True
    if (mention.in_name or mention.after_name) and not mention.region_cue:
        return False
    if mention.locative or mention.region_cue:
        return True
    return entity.kind == "city" and entity.population >= _BIG_CITY


def _mark_town_country_pairs(mentions: Sequence[Mention]) -> list[Mention]:
    """A town followed by its own country ("Yokohama, Japan") is being placed, as after "in"."""
    out = list(mentions)
    for i, (town, nxt) in enumerate(pairwise(mentions)):
        if (
            town.place is not None
            and town.place.kind != "country"
            and nxt.place is not None
            and nxt.place.kind == "country"
            and nxt.place.country == town.place.country
            and nxt.start - town.end == len(", ")
        ):
            out[i] = replace(town, locative=True)
    return out


def locate(
    kb: KnowledgeBase, mentions: Sequence[Mention], context: Mapping[str, int]
) -> Place | None:
    """City over region over country. Several distinct regions ("Karen and Shan states and
    Sagaing region") widen to their common country rather than pick one arbitrarily."""
    mentions = _mark_town_country_pairs(mentions)
    placed = [
        (m, m.place) for m in mentions if m.place is not None and _credible(m, m.place, context)
    ]
    if not placed:
        return None
    # A place named after "in"/"di"/"ke" is where things happened; a bare country name
    # may just be an actor ("Russia said").
    # Places in the countries the article is about come first, then those after "in".
    # Then the place named most often; evidence arrives in text order, so ties go to the
    # earliest.
    named = Counter(p.id for _, p in placed)
    placed.sort(
        key=lambda mp: (not context.get(mp[1].country or ""), not mp[0].locative, -named[mp[1].id])
    )
    best_level = max(_SPECIFICITY[p.kind] for _, p in placed)
    top = [(m, p) for m, p in placed if _SPECIFICITY[p.kind] == best_level]
    distinct = list(dict.fromkeys(p.id for _, p in top))
    regions = {p.admin1: p for _, p in placed if p.kind == "region" and p.admin1}
    if len(distinct) == 1:
        mention, entity = top[0]
        admin1 = (
            next((code for code, r in regions.items() if r.country == entity.country), None)
            if entity.kind == "city"
            else None
        )
        return _as_place(entity, mention, admin1)
    countries = list(dict.fromkeys(p.country for _, p in top if p.country))
    if best_level == 2 and len(countries) == 1:
        mentions_text = ", ".join(dict.fromkeys(m.surface for m, _ in top))
        return _country_place(kb, countries[0], mentions_text)
    mention, entity = next(((m, p) for m, p in top if m.locative), top[0])
    return _as_place(entity, mention, None)
