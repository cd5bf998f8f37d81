"""Who took part: the parties of a diplomatic engagement, the sides of an armed clash."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, cast

from newsevents.linker.gazetteer import Match
from newsevents.linker.kb import Entity, KnowledgeBase
from newsevents.linker.mentions import Mention, Noun
from newsevents.messages import Actor, EventType, Place, Sector

_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
_SECTORS: frozenset[str] = frozenset({"GOV", "MIL", "REB", "IGO", "POL", "COP", "CVL", "UNK"})


class _AddFn(Protocol):
    def __call__(self, cand: _Candidate | None) -> None: ...


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the whole article says, for evidence that names only one side."""

    countries: Counter[str]  # unambiguous country mentions, title counted twice
    title_mentions: Sequence[Mention]
    sector_countries: Mapping[str, Counter[str]]  # sector -> countries named with it
    text: str = ""  # the cleaned text, and its alias matches, reused for evidence inside it
    text_matches: Sequence[Match] = ()

    def main_country(self, exclude: frozenset[str] = frozenset()) -> str | None:
        for country, _ in self.countries.most_common():
            if country not in exclude:
                return country
        return None


@dataclass(slots=True)
class _Candidate:
    entity: Entity
    country: str | None
    sector: str
    mention: str
    qid: str | None = None
    key: tuple[str, ...] = field(default=())

    def to_actor(self, role: str | None) -> Actor:
        sector = cast(Sector, self.sector if self.sector in _SECTORS else "UNK")
        return Actor(
            name=self.entity.name,
            entity_id=self.entity.id,
            country=self.country,
            sector=sector,
            qid=self.qid,
            role=role,
            mention=self.mention,
        )


class ActorResolver:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        by_key: dict[tuple[str, str], list[Entity]] = {}
        for entity in kb.entities.values():
            if entity.kind == "org" and entity.country and entity.sector:
                by_key.setdefault((entity.country, entity.sector), []).append(entity)
        # Only an unambiguous body stands for "the <country> military" etc.
        self._state_bodies = {k: v[0] for k, v in by_key.items() if len(v) == 1}

    def _candidate(self, entity: Entity, sector: str, mention: str) -> _Candidate:
        if entity.kind == "country" and entity.country:
            body = self._state_bodies.get((entity.country, sector))
            if body is not None and sector != "GOV":
                entity = body
        # The country's QID names the state, so it only fits the actor as government.
        qid = entity.qid if entity.kind != "country" or sector == "GOV" else None
        country = entity.country
        if entity.kind in ("country", "org", "person") and country and sector in _STATE_SECTORS:
            key: tuple[str, ...] = (country, sector)
        else:
            key = (entity.id,)
        return _Candidate(entity, country, sector, mention, qid, key)

    def _from_mention(
        self, mention: Mention, event_type: EventType, subtype: str = ""
    ) -> _Candidate | None:
        entity = mention.actor
        if entity is None:
            return None
        if (
            event_type == "diplomatic-engagement"
            and entity.kind == "armed"
            and subtype != "negotiation"
        ):
            return None  # "talks on fighting al-Shabaab": the group is a topic, not a party
        if event_type == "armed-clash" and entity.sector == "IGO":
            return None  # the UN or AU in a clash report counts, condemns or mediates
        if entity.kind == "country":
            sector = mention.sector
            if sector is None:
                if event_type == "diplomatic-engagement":
                    sector = "GOV"
                elif mention.locative or mention.across_border:
                    return None  # "fighting in Myanmar", "near the border with Niger"
                else:
                    sector = "MIL"
            return self._candidate(entity, sector, mention.surface)
        return self._candidate(entity, entity.sector or "UNK", mention.surface)

    def _from_noun(
        self, noun: Noun, context: ArticleContext, present: Sequence[_Candidate]
    ) -> _Candidate | None:
        """The country a bare "junta" / "rebels" belongs to: the one the article names with
        that sector, other than one this evidence already names with it."""
        taken = frozenset(c.country for c in present if c.sector == noun.sector and c.country)
        # "troops fought the militia": in a civil conflict the unnamed side belongs to the
        # country of the named one.
        opposite = [
            c.country
            for c in present
            if c.country and (c.sector in _STATE_SECTORS) != (noun.sector in _STATE_SECTORS)
        ]
        named = context.sector_countries.get(noun.sector, Counter())
        country = opposite[0] if opposite else None
        if country is None:
            country = next((c for c, _ in named.most_common() if c not in taken), None)
        if country is None:
            country = context.main_country(exclude=taken)
        if country is None:
            return None
        entity = self.kb.entities.get(f"country:{country}")
        if entity is None:
            return None
        return self._candidate(entity, noun.sector, noun.surface)

    def resolve(
        self,
        event_type: EventType,
        subtype: str,
        mentions: Sequence[Mention],
        nouns: Sequence[Noun],
        context: ArticleContext,
        location: Place | None,
    ) -> list[Actor]:
        found: list[_Candidate] = []
        seen: dict[tuple[str, ...], int] = {}

        def add(cand: _Candidate | None) -> None:
            if cand is None:
                return
            if cand.key in seen:
                old = found[seen[cand.key]]
                if old.entity.kind == "country" and cand.entity.kind != "country":
                    found[seen[cand.key]] = cand
                return
            seen[cand.key] = len(found)
            found.append(cand)

        for mention in mentions:
            add(self._from_mention(mention, event_type, subtype))
        wanted = {"MIL", "GOV", "REB", "COP"} if event_type == "armed-clash" else {"GOV", "MIL"}
        # A bare noun ("the junta", "militer") only fills a missing party or side: once the
        # evidence names both, more nouns are adjectives or repeats ("kerja sama militer").
        for noun in nouns:
            if noun.sector in wanted and self._missing_side(found, event_type, noun.sector):
                add(self._from_noun(noun, context, found))

        if event_type == "diplomatic-engagement":
            self._complete_diplomatic(found, add, context, location)
        else:
            self._complete_clash(found, add, context)
            # A transnational group ("Islamic State") fights in the state it is fighting.
            state_country = next(
                (c.country for c in found if c.sector in _STATE_SECTORS and c.country), None
            )
            for cand in found:
                if cand.country is None and cand.sector == "REB":
                    cand.country = state_country or (location.country if location else None)
            self._fighting_abroad(found, location)
        return self._with_roles(found, event_type, subtype, location)

    @staticmethod
    def _fighting_abroad(found: Sequence[_Candidate], location: Place | None) -> None:
        """A group based in one country fighting another country's forces on that country's
        soil counts with that country, as the conflict it is a party to: JNIM (Mali)
        storming a Burkinabe army post, "Taliban" gunmen at a Pakistani checkpoint. Not when
        the forces are foreign too (Turkish troops striking the PKK in Iraq)."""
        where = location.country if location is not None else None
        if where is None:
            return
        # Forces in the field: a government named alongside ("Beijing urged calm") is not.
        states = {c.country for c in found if c.sector in ("MIL", "COP") and c.country}
        if where not in states:
            return
        for cand in found:
            if (
                cand.entity.kind == "armed"
                and cand.sector == "REB"
                and cand.country
                and cand.country != where
                and cand.country not in states
            ):
                cand.country = where

    @staticmethod
    def _missing_side(found: Sequence[_Candidate], event_type: EventType, sector: str) -> bool:
        if event_type == "diplomatic-engagement":
            return len({c.country or c.entity.id for c in found}) < 2
        state_noun = sector in _STATE_SECTORS
        return not any((c.sector in _STATE_SECTORS) == state_noun for c in found)

    def _complete_diplomatic(
        self,
        found: list[_Candidate],
        add: _AddFn,
        context: ArticleContext,
        location: Place | None,
    ) -> None:
        def parties() -> int:
            return len({c.country or c.entity.id for c in found})

        if parties() >= 2:
            return
        for mention in context.title_mentions:
            if mention.actor is not None and parties() < 2:
                cand = self._from_mention(mention, "diplomatic-engagement")
                if cand is not None and cand.country not in {c.country for c in found}:
                    add(cand)
        if parties() < 2 and location is not None and location.country:
            host = self.kb.entities.get(f"country:{location.country}")
            if host is not None:
                add(self._candidate(host, "GOV", location.mention or host.name))

    def _complete_clash(
        self, found: list[_Candidate], add: _AddFn, context: ArticleContext
    ) -> None:
        state = [c for c in found if c.sector in _STATE_SECTORS]
        rebels = [c for c in found if c.sector not in _STATE_SECTORS]
        if state and rebels:
            return
        if len({c.country for c in state}) >= 2:
            return  # two states' forces: both sides named
        for mention in context.title_mentions:
            cand = self._from_mention(mention, "armed-clash")
            if cand is None:
                continue
            if rebels and not state and cand.sector in _STATE_SECTORS:
                add(cand)
                return
            if (
                state
                and not rebels
                and (cand.sector not in _STATE_SECTORS or cand.country != state[0].country)
            ):
                add(cand)
                return
        if rebels and not state:
            # "attacks by the PDF": the other side is the state the group fights, when the
            # article names that state's forces somewhere.
            country = rebels[0].country
            if country and context.sector_countries.get("MIL", Counter()).get(country):
                entity = self.kb.entities.get(f"country:{country}")
                if entity is not None:
                    add(self._candidate(entity, "MIL", rebels[0].mention))

    @staticmethod
    def _with_roles(
        found: Sequence[_Candidate], event_type: EventType, subtype: str, location: Place | None
    ) -> list[Actor]:
        actors: list[Actor] = []
        if event_type == "diplomatic-engagement":
            host = location.country if (subtype == "visit" and location is not None) else None
            countries = {c.country for c in found}
            for cand in found:
                if host is not None and len(countries) > 1:
                    role = "host" if cand.country == host else "visitor"
                else:
                    role = "party"
                actors.append(cand.to_actor(role))
            return actors
        state = [c for c in found if c.sector in _STATE_SECTORS]
        non_state = [c for c in found if c.sector not in _STATE_SECTORS]
        if state and non_state:
            for cand in found:
                side = "side_a" if cand.sector in _STATE_SECTORS else "side_b"
                actors.append(cand.to_actor(side))
            return actors
        first = found[0].country if found else None
        for cand in found:
            actors.append(cand.to_actor("side_a" if cand.country == first else "side_b"))
        return actors
