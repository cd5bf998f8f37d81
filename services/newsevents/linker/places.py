"""Where an event happened: the most specific place its evidence names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from newsevents.linker.kb import Entity, KnowledgeBase
from newsevents.linker.mentions import Mention
from newsevents.messages import Place, PlacePrecision

_SPECIFICITY = {"city": 4, "region": 2, "country": 1}
_DISTRICT = 3


def _level(entity: Entity) -> int:
    """City over district over region over country. A district (a township, a territory,
    North Waziristan) is a region entity that lies inside an admin-1 region of its own."""
    if entity.kind == "region" and entity.admin1 and entity.id != f"region:{entity.admin1}":
        return _DISTRICT
    return _SPECIFICITY[entity.kind]


def place_level(kb: KnowledgeBase, place: Place) -> int:
    """How specific a linked place is, on the scale `locate` chooses by."""
    entity = kb.entities.get(place.entity_id or "")
    if entity is not None:
        return _level(entity)
    return _SPECIFICITY.get(place.precision, 0)


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


def _curated(entity: Entity) -> bool:
    """Towns and districts of places.yaml: their ids are slugs, GeoNames' are numbers and
    ISO 3166-2 codes are upper-case."""
    local = entity.id.partition(":")[2]
    return entity.kind in ("city", "region") and local.islower() and not local.isdigit()


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
    if _curated(entity):
        return True  # a district or village from places.yaml, reviewed not to be a word
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
    kb: KnowledgeBase,
    mentions: Sequence[Mention],
    context: Mapping[str, int],
    *,
    keep_order: bool = False,
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
    if not keep_order:
        named = Counter(p.id for _, p in placed)
        placed.sort(
            key=lambda mp: (
                not context.get(mp[1].country or ""),
                not mp[0].locative,
                -named[mp[1].id],
            )
        )
    best_level = max(_level(p) for _, p in placed)
    top = [(m, p) for m, p in placed if _level(p) == best_level]
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
    parents = {p.admin1 for _, p in top}
    if best_level == _DISTRICT and len(parents) == 1:
        # Several districts of one region ("North and South Waziristan"): the region.
        parent = kb.entities.get(f"region:{parents.pop()}")
        if parent is not None:
            return _as_place(parent, top[0][0], None)
    if best_level <= _DISTRICT and len(countries) == 1:
        mentions_text = ", ".join(dict.fromkeys(m.surface for m, _ in top))
        return _country_place(kb, countries[0], mentions_text)
    mention, entity = next(((m, p) for m, p in top if m.locative), top[0])
    return _as_place(entity, mention, None)


# Farther than any trigger of the same sentence can be: a sentence without triggers.
_FAR = 1_000_000


@dataclass(frozen=True, slots=True)
class Sited:
    """A mention with where it sits among the event's evidence."""

    mention: Mention
    sentence: int  # index of its evidence sentence, in text order
    distance: int  # characters to the nearest trigger of that sentence; _FAR when none


def trigger_distance(start: int, end: int, triggers: Sequence[tuple[int, int]]) -> int:
    """Characters between the span and the nearest trigger span (0 when they touch)."""
    best = _FAR
    for t_start, t_end in triggers:
        gap = max(t_start - end, start - t_end, 0)
        best = min(best, gap)
    return best


def _where_not_who(mention: Mention, clash: bool) -> bool:
    """A bare country name or adjective names a party ("Ukrainian drones", "the ambassador
    of Poland", "Russia said"); it names where only after "in" or before a region word.
    "To Russia" is where a visit went, never where a clash was."""
    place = mention.place
    if place is None or mention.homeward:
        return False  # "before flying back to Rome": the visitor's home, not the venue
    actor = mention.actor
    if place.kind == "city" and actor is not None and actor.kind == "org":
        # A capital or seat of government that also names the government ("the Kremlin
        # said", "Beijing protested") is its city only where something happens in it.
        return mention.locative
    if place.kind != "country" or mention.region_cue:
        return True
    return mention.locative and not (clash and mention.directional)


def locate_event(
    kb: KnowledgeBase, sited: Sequence[Sited], context: Mapping[str, int], *, clash: bool = False
) -> Place | None:
    """Where the event happened: the place said nearest to the words that state it.

    Evidence sentences of one event often name other places: a background town ("a
    pipeline from Basra to Aqaba"), the next meeting, the capital where officials spoke.
    The anchor is the place after "in" nearest to a trigger, in a country the article
    is about; a more specific place of the same country in the same sentence refines it
    ("Moqokori in Hiiraan region"). Other sentences cannot override the anchor."""
    by_sentence: dict[int, list[Mention]] = {}
    for s in sited:
        by_sentence.setdefault(s.sentence, []).append(s.mention)
    paired = {
        id(orig): marked
        for ms in by_sentence.values()
        for orig, marked in zip(ms, _mark_town_country_pairs(ms), strict=True)
    }
    usable: list[Sited] = []
    for s in sited:
        mention = paired[id(s.mention)]
        if mention.place is None or not _credible(mention, mention.place, context):
            continue
        if not _where_not_who(mention, clash):
            continue
        usable.append(replace(s, mention=mention))
    if not usable:
        return None
    named = Counter(s.mention.place.id for s in usable if s.mention.place)

    def key(s: Sited) -> tuple[bool, bool, int, int, int, int]:
        p = s.mention.place
        assert p is not None
        # In a country the article is about, after "in", near a trigger; then the place
        # the evidence names most often, then the earliest sentence.
        return (
            not context.get(p.country or ""),
            not s.mention.locative,
            closeness(s.distance),
            -named[p.id],
            s.sentence,
            s.distance,
        )

    first = min(usable, key=key)
    # Within the sentence that says where, the most specific of its equally good places:
    # "gathered in Kuala Lumpur ... the conflict in Myanmar".
    peers = [s for s in usable if s.sentence == first.sentence and key(s)[:2] == key(first)[:2]]
    anchor = min(
        peers,
        key=lambda s: (
            -_level(s.mention.place) if s.mention.place else 0,
            s is not first,
            s.distance,
        ),
    )
    place = anchor.mention.place
    assert place is not None

    def refines(s: Sited) -> bool:
        # A country holds every place in it; a region only what its own sentence ties to
        # it, since towns carry no region code to check containment against.
        other = s.mention.place
        if other is None or other.country != place.country:
            return False
        return place.kind == "country" or s.sentence == anchor.sentence

    inside = [s for s in usable if refines(s)]
    # The anchor first, then by how near each is to it, so that ties inside `locate`
    # go to the anchor's own sentence and its neighbourhood.
    inside.sort(
        key=lambda s: (
            s is not anchor,
            abs(s.sentence - anchor.sentence),
            abs(s.mention.start - anchor.mention.start),
        )
    )
    return locate(kb, [s.mention for s in inside], context, keep_order=True)


# A place this close to a trigger is part of the statement ("signed in Addis Ababa").
_NEAR_TRIGGER = 60


def closeness(distance: int) -> int:
    """0 near a trigger, 1 elsewhere in a sentence with triggers, 2 without."""
    if distance <= _NEAR_TRIGGER:
        return 0
    return 1 if distance < _FAR else 2
