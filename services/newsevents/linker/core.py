"""The entity linker's pure core: a ClassifiedArticle in, a LinkedArticle out, no I/O."""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from newsevents.linker.actors import ActorResolver, ArticleContext
from newsevents.linker.dates import DateFinder, resolve_date, warm_dateparser
from newsevents.linker.gazetteer import Match, normalise_key, unspaced_text
from newsevents.linker.kb import KnowledgeBase, load_kb
from newsevents.linker.kb_build import DEFAULT_KB_PATH, LANGUAGES
from newsevents.linker.mentions import (
    Annotator,
    Mention,
    Noun,
    needs_country_cue,
    unattached_nouns,
)
from newsevents.linker.places import (
    Sited,
    closeness,
    locate,
    locate_event,
    place_level,
    trigger_distance,
)
from newsevents.linker.surroundings import (
    Dateline,
    Sentence,
    dateline,
    headline,
    lead,
    lines_pointing_elsewhere,
    neighbours,
)
from newsevents.linker.unlisted import (
    UnlistedFinder,
    UnlistedPlace,
    unknown_to_kb,
    within_named_unit,
)
from newsevents.messages import (
    ArticleRef,
    ClassifiedArticle,
    Detection,
    Evidence,
    LinkedArticle,
    LinkedDetection,
    Place,
)

log = logging.getLogger(__name__)

CONTEXT_CHARS = 2000
_LOCK = threading.Lock()
_INSTANCES: dict[Path, Linker] = {}


def _topic_country(mention: Mention, so_far: list[Mention]) -> bool:
    """A bare country name in a later evidence sentence of a meeting is mostly what was
    discussed ("the situation in Syria"), not a party, unless the lead named it already.
    So is an international organisation ("cooperation within the SCO", "the UN's
    development goals")."""
    actor = mention.actor
    if actor is None:
        return False
    if actor.kind == "org" and actor.sector == "IGO":
        return not any(m.actor is actor and m is not mention for m in so_far)
    if actor.kind != "country" or mention.sector is not None:
        return False
    return not any(
        m.actor is not None and m.actor.country == actor.country and m is not mention
        for m in so_far
    )


def _background_state(mention: Mention, earlier: list[Mention]) -> bool:
    """A bare country name in a later evidence sentence of a clash, with no force named by
    it ("Thailand has closed the crossing", "a UN panel says Rwanda backs the rebels"), is
    a neighbour, a mediator or an accusation, unless an earlier sentence named it as a
    side (`earlier`: the sides so far)."""
    actor = mention.actor
    if actor is None or actor.kind != "country" or mention.sector is not None:
        return False
    # An armed group based in the country does not make its state a side: "TTP fighters
    # ... Islamabad accuses Afghanistan of sheltering them".
    return not any(
        m.actor is not None and m.actor.kind != "armed" and m.actor.country == actor.country
        for m in earlier
    )


def _two_sides(mentions: list[Mention]) -> bool:
    """Whether the mentions name both sides of a clash: two states, or a state and an
    armed group."""
    states = {
        m.actor.country
        for m in mentions
        if m.actor is not None
        and m.actor.kind != "armed"
        # "fighting in Iraq", "near the border with Niger": where, not who
        and not (m.actor.kind == "country" and (m.locative or m.across_border))
    }
    armed = any(m.actor is not None and m.actor.kind == "armed" for m in mentions)
    return len(states - {None}) >= 2 or (armed and bool(states))


# Between two names of one list: "Denmark, Estonia and Finland", "Angola, Brasil e Timor-Leste".
# "Or" is left out: "Syria or Iraq" offers a choice, not a roll-call.
_LIST_GAP = re.compile(
    r"\s*[,،、]\s*(?:(?:and|dan|serta|et|y|e|und|и|і|và|ve)\s+)?"
    r"|\s+(?:and|dan|serta|et|y|e|und|и|і|và|ve)\s+",
    re.IGNORECASE,
)
_MIN_LIST = 3


def _roll_call(text: str, mentions: list[Mention], after: frozenset[str]) -> set[int]:
    """Indexes of the countries in a list of three or more right after "from" ("brought
    together ministers from Denmark, Estonia, Finland and Sweden"): who took part, even in
    a later sentence where a lone country would be a topic."""
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= _MIN_LIST:
            start = mentions[run[0]].start
            before = text[max(0, start - 12) : start].split()
            if before and normalise_key(before[-1]) in after:
                out.update(run)
        run.clear()

    for i, mention in enumerate(mentions):
        if mention.actor is None or mention.actor.kind != "country":
            close()
            continue
        if run and not _LIST_GAP.fullmatch(text, mentions[run[-1]].end, mention.start):
            close()
        run.append(i)
    close()
    return out


@dataclass(frozen=True, slots=True)
class _Stated:
    """An evidence sentence, its trigger spans and its mentions, offsets into `text`."""

    text: str
    triggers: list[tuple[int, int]]
    mentions: list[Mention]


_CONTAINER_CHARS = 80


def _unlisted_country(
    found: UnlistedPlace,
    mentions: list[Mention],
    location: Place | None,
    countries: Counter[str],
) -> str | None:
    """The country of the known place the name is tied to: the next one of its sentence
    ("aldeia de X, distrito de Y, província de Z"), else the one before it ("the
    district's X tehsil"), else the event's place, else the one country the
    article is about."""
    for m in mentions:
        if m.place is not None and found.end <= m.start <= found.end + _CONTAINER_CHARS:
            return m.place.country
    for m in reversed(mentions):
        if m.place is not None and found.start - _CONTAINER_CHARS <= m.end <= found.start:
            return m.place.country
    if location is not None:
        return location.country
    top = countries.most_common(2)
    if len(top) == 1 or (len(top) == 2 and top[0][1] > top[1][1]):
        return top[0][0]
    return None


class Linker:
    def __init__(self, kb: KnowledgeBase, *, use_dateparser: bool = True) -> None:
        self.kb = kb
        self.annotator = Annotator(kb)
        self.actors = ActorResolver(kb)
        self.dates = DateFinder(kb.months, kb.weekdays)
        self.unlisted = UnlistedFinder(kb.cues)
        self.use_dateparser = use_dateparser

    @classmethod
    def load(cls, path: Path | None = None) -> Linker:
        """The process-wide linker; the KB is read (or built) on the first call only."""
        key = (path or DEFAULT_KB_PATH).resolve()
        with _LOCK:
            linker = _INSTANCES.get(key)
            if linker is None:
                linker = cls(load_kb(key))
                warm_dateparser(LANGUAGES)
                _INSTANCES[key] = linker
            return linker

    def link(self, classified: ClassifiedArticle) -> LinkedArticle:
        """One LinkedDetection per Detection, in order; never raises."""
        context = ArticleContext(Counter(), (), {})
        if classified.detections:  # most articles carry none: skip the article-wide pass
            try:
                context = self._context(classified)
            except Exception:
                log.exception("linker: article context failed for %s", classified.article.id)
        linked: list[LinkedDetection] = []
        filed: tuple[Dateline, Place] | None = None
        if classified.detections:
            try:
                filed = self._dateline(classified, context)
            except Exception:
                log.exception("linker: dateline failed for %s", classified.article.id)
        for detection in classified.detections:
            try:
                linked.append(self._link_detection(classified, detection, context, filed))
            except Exception:
                log.exception("linker: detection failed for %s", classified.article.id)
                linked.append(
                    LinkedDetection(detection=detection, actors=[], location=None, date=None)
                )
        return LinkedArticle(
            article=ArticleRef.of(classified.article),
            language=classified.language,
            language_confidence=classified.language_confidence,
            linked=linked,
            pipeline_version=classified.pipeline_version,
        )

    def _context(self, classified: ClassifiedArticle) -> ArticleContext:
        title = classified.article.title or ""
        title_matches = self.annotator.matches(title)
        # The lead says what the article is about; scanning all of a long article costs
        # more than it adds. Evidence beyond the lead is scanned on its own.
        lead = classified.cleaned_text[:CONTEXT_CHARS]
        text_matches = self.annotator.matches(lead)
        counts = self.annotator.context_countries(title_matches)
        counts += counts  # the headline says what the article is about
        counts += self.annotator.context_countries(text_matches)
        title_mentions = self.annotator.resolve(title, title_matches, counts)
        sector_countries: dict[str, Counter[str]] = {}
        for mention in title_mentions:
            if mention.actor is not None and mention.sector and mention.actor.country:
                sector_countries.setdefault(mention.sector, Counter())[mention.actor.country] += 2
        for match in text_matches:
            if needs_country_cue(match, self.kb.cues):
                continue  # "Foreign Office" says nothing of which country's until resolved
            for entity_id in match.entity_ids:
                entity = self.kb.entities.get(entity_id)
                if entity is not None and entity.kind != "country" and entity.sector:
                    if entity.country:
                        sector_countries.setdefault(entity.sector, Counter())[entity.country] += 1
                    break
        return ArticleContext(counts, title_mentions, sector_countries, lead, text_matches)

    def _evidence_mentions(
        self, evidence: Evidence, context: ArticleContext
    ) -> tuple[list[Mention], list[Noun]]:
        text = evidence.text
        if context.text and context.text[evidence.start : evidence.end] == text:
            # The evidence sits where the classifier says: reuse the article-wide scan.
            offset = evidence.start
            matches = [
                Match(m.start - offset, m.end - offset, m.surface, m.entity_ids)
                for m in context.text_matches
                if m.start >= offset and m.end <= evidence.end
            ]
        else:
            matches = self.annotator.matches(text)
        mentions = self.annotator.resolve(text, matches, context.countries)
        nouns = unattached_nouns(self.annotator.nouns(text), mentions, text)
        return mentions, nouns

    def _dateline(
        self, classified: ClassifiedArticle, context: ArticleContext
    ) -> tuple[Dateline, Place] | None:
        """Where the report was filed from, when its dateline names a town or region of a
        country the article is about."""
        found = dateline(classified.article.text)
        if found is None:
            return None
        text = found.place_text
        for mention in self.annotator.resolve(
            text, self.annotator.matches(text), context.countries
        ):
            place = mention.place
            if (
                place is not None
                and place.kind in ("city", "region")
                and (mention.start == 0 or unspaced_text(text))
                and mention.end == len(text)
                and context.countries.get(place.country or "")
            ):
                located = locate(self.kb, [replace(mention, locative=True)], context.countries)
                if located is not None:
                    return found, located
        return None

    def _link_detection(
        self,
        classified: ClassifiedArticle,
        detection: Detection,
        context: ArticleContext,
        filed: tuple[Dateline, Place] | None = None,
    ) -> LinkedDetection:
        mentions: list[Mention] = []
        nouns: list[Noun] = []
        actor_mentions: list[Mention] = []
        sited: list[Sited] = []
        held_back: list[Mention] = []  # a clash's background states, see `_background_state`
        stated: list[_Stated] = []
        # In text order: the lead names the event first; later sentences add background.
        evidence_in_order = sorted(detection.evidence, key=lambda e: e.start)
        for i, evidence in enumerate(evidence_in_order):
            ev_mentions, ev_nouns = self._evidence_mentions(evidence, context)
            base = evidence.start
            triggers = [(t.start - base, t.end - base) for t in evidence.triggers]
            # The dateline says where the reporter was, not where the event was.
            skip = (
                len(filed[0].prefix)
                if filed is not None and evidence.text.startswith(filed[0].prefix)
                else 0
            )
            sited.extend(
                Sited(m, i, trigger_distance(m.start, m.end, triggers))
                for m in ev_mentions
                if m.start >= skip
            )
            mentions.extend(ev_mentions)
            nouns.extend(ev_nouns)
            stated.append(_Stated(evidence.text, triggers, ev_mentions))
            if i == 0:
                actor_mentions.extend(ev_mentions)
            elif detection.event_type == "armed-clash":
                sides = list(actor_mentions)
                for m in ev_mentions:
                    (held_back if _background_state(m, sides) else actor_mentions).append(m)
            else:
                listed = _roll_call(evidence.text, ev_mentions, self.kb.cues.parties_list_after)
                actor_mentions.extend(
                    m
                    for j, m in enumerate(ev_mentions)
                    if j in listed or not _topic_country(m, mentions)
                )
        if held_back and not _two_sides(actor_mentions):
            # "Pakistan's army accused India of firing first": the only other side named.
            actor_mentions.extend(held_back)
        location = locate_event(self.kb, sited, context.countries,
                                clash=detection.event_type == "armed-clash")
        if self._story_title(classified):
            location = self._with_headline(
                location, mentions, context, clash=detection.event_type == "armed-clash"
            )
        if detection.event_type == "armed-clash":
            # Fighting reaches villages the gazetteer leaves out; meetings are held in the
            # towns and buildings it lists.
            location = self._unlisted_place(location, stated, context.countries) or location
        # Built only when the evidence leaves the place or the date open.
        around: list[Sentence] | None = None

        def surroundings() -> list[Sentence]:
            nonlocal around
            if around is None:
                around = self._surroundings(classified, evidence_in_order)
            return around

        specific = any(m.place is not None and m.place.kind != "country" for m in mentions)
        if (
            filed is not None
            and detection.event_type == "diplomatic-engagement"
            and (location is None or location.precision == "country")
            and (location is None or location.country == filed[1].country)
        ):
            # A visit or meeting the evidence places nowhere more precise is, as a rule,
            # where the reporter filed from: "VILNIUS - Defence ministers ... met".
            location = filed[1]
        if detection.subtype == "call":
            location = None  # a call joins two places and happens in neither
        elif location is None or (location.precision == "country" and not specific):
            location = self._place_nearby(surroundings(), mentions, location, context) or location
        actors = self.actors.resolve(
            detection.event_type, detection.subtype, actor_mentions, nouns, context, location
        )
        when = resolve_date(
            self.dates,
            [ev.text for ev in evidence_in_order],
            classified.language,
            # Without a publication time the article's arrival is the best "today" we have.
            classified.article.published_at or classified.article.received_at,
            use_dateparser=self.use_dateparser,
            fallback=lambda: [s.text for s in surroundings()],
        )
        return LinkedDetection(detection=detection, actors=actors, location=location, date=when)

    def _with_headline(
        self,
        location: Place | None,
        mentions: list[Mention],
        context: ArticleContext,
        *,
        clash: bool = False,
    ) -> Place | None:
        """The headline says where the story is: its town or region wins over a bare country
        in the evidence and over another town of the same country that the evidence names
        in passing ("arrived in Ankara" vs "will fly on to Istanbul").

        It never moves the evidence's place to another country (headlines often join two
        stories: "talks in Jeddah as RSF storms Babanusa"), nor widens it to a region the
        evidence's town lies in ("Las Navas" under a headline on "Northern Samar")."""
        title = [
            m for m in context.title_mentions if m.place is not None and m.place.kind != "country"
        ]
        if not title:
            return location
        if len({m.country for m in title}) >= 2 and not any(m.locative for m in title):
            return location  # "Dhaka, Kuala Lumpur sign MoU": capitals standing for governments
        title_ids = {m.place.id for m in title if m.place is not None}
        both = [m for m in mentions if m.place is not None and m.place.id in title_ids]
        if both:
            chosen = locate(self.kb, both, context.countries)
            if chosen is None:
                return location
            said_where = any(
                m.locative and m.place is not None and m.place.id == chosen.entity_id
                for m in title
            )
            agree = location is not None and location.entity_id in title_ids
            if agree and location is not None and not (
                said_where and place_level(self.kb, chosen) > place_level(self.kb, location)
            ):
                # The evidence and the headline agree, unless the headline says in which
                # town of it ("Cabo Delgado: ... enfrentam insurgentes em Macomia").
                return location
            # "en visite de travail à Ankara": a headline that says where may move a
            # visit's place abroad; a clash's or one that merely names a place may not.
            if (said_where and not clash) or self._may_replace(location, chosen):
                return chosen
            return location
        named = {m.country for m in mentions if m.country}
        if named:
            title = [m for m in title if m.country in named]
        headline_place = locate(self.kb, title, context.countries)
        if headline_place is None or location is None:
            return headline_place or location
        if location.precision == "country":
            return headline_place
        if (
            not clash  # a clash's evidence names where it was fought; the headline may not
            and location.country == headline_place.country
            and location.precision == "city"
            and headline_place.precision == "city"
        ):
            return headline_place
        return location

    def _unlisted_place(
        self, location: Place | None, stated: list[_Stated], countries: Counter[str]
    ) -> Place | None:
        """A village or district the KB does not list, said to be where the event was
        ("clashed near the village of X", "di Distrik X"), in a sentence that states it:
        more specific than the province or country found, and than a town the evidence
        names only as a reference point ("X, 30 km west of Y") or in passing."""
        # Past the first sentence that puts the event in the town found, nothing can win.
        scanned = len(stated)
        if location is not None and location.precision == "city":
            scanned = next(
                (
                    i + 1
                    for i, sentence in enumerate(stated)
                    if any(m.locative and m.place is not None
                           and m.place.id == location.entity_id for m in sentence.mentions)
                ),
                scanned,
            )
        found_in: dict[int, list[UnlistedPlace]] = {}
        candidates: list[tuple[tuple[int, int, int, int], UnlistedPlace, str]] = []
        for index, sentence in enumerate(stated[:scanned]):
            if not sentence.triggers:
                continue
            found_in[index] = self.unlisted.find(sentence.text)
            for found in found_in[index]:
                if not found.said_where:
                    continue
                country = _unlisted_country(found, sentence.mentions, location, countries)
                if country is None or not unknown_to_kb(found, sentence.mentions, country):
                    continue
                if not self._finer_than(found, country, location, stated, index, countries):
                    continue
                distance = trigger_distance(found.start, found.end, sentence.triggers)
                rank = (closeness(distance), index, found.precision != "city", distance)
                candidates.append((rank, found, country))
        if not candidates:
            return None
        # A village the evidence ties to its municipality once is reported by that
        # municipality wherever else it is named ("fighters entered the village of X").
        for index, sentence in enumerate(stated):
            if index not in found_in:
                found_in[index] = self.unlisted.find(sentence.text)
        candidates = [
            c for c in candidates
            if c[1].precision != "city"
            or not any(
                within_named_unit(c[1].name, sentence.text, found_in[i], sentence.mentions)
                for i, sentence in enumerate(stated)
            )
        ]
        if not candidates:
            return None
        best = min(candidates, key=lambda c: c[0])
        _, found, country = best
        # The region it lies in is known only when the place it refines is that region.
        admin1 = (
            location.admin1
            if location is not None and location.country == country
            and location.precision == "region"
            else None
        )
        return Place(
            name=found.name,
            # No KB id: the country and the name as written, so that two reports of the
            # same village merge and two villages do not.
            entity_id=f"unlisted:{country}:{normalise_key(found.name)}",
            country=country,
            admin1=admin1,
            precision=found.precision,
            mention=found.name,
        )

    def _finer_than(
        self,
        found: UnlistedPlace,
        country: str,
        location: Place | None,
        stated: list[_Stated],
        index: int,
        countries: Counter[str],
    ) -> bool:
        """Whether the unlisted place says more than the place the KB found."""
        if location is None:
            return True
        if location.country != country:
            # Only a bare country may give way to another, one the article is about:
            # "no município de X, no norte de Y" over a neighbour named near the border.
            return location.precision == "country" and bool(countries.get(country))
        if location.precision in ("country", "region"):
            return True  # a village or district tied to it lies inside it
        # A town the evidence names, against a village or district it does not list: the
        # town stands where an earlier sentence, or the same one before the village, says
        # the event was in it; a later sentence's "in" is background ("analysts in the
        # capital count such raids").
        for i, sentence in enumerate(stated[: index + 1]):
            for m in sentence.mentions:
                if m.place is None or m.place.id != location.entity_id or not m.locative:
                    continue
                if i < index or found.precision != "city" or m.start < found.start:
                    return False
        return True

    def _may_replace(self, location: Place | None, headline_place: Place) -> bool:
        if location is None:
            return True
        if location.country != headline_place.country:
            return False
        if place_level(self.kb, headline_place) >= place_level(self.kb, location):
            return True
        # A vaguer headline place gives way only to a place known to lie inside it; a town
        # of unknown region may be the background ("fled to Lashio" under "fighting near
        # Hsenwi").
        return not (location.admin1 and location.admin1 == headline_place.admin1)

    def _story_title(self, classified: ClassifiedArticle) -> str:
        """The headline as a place to look for where, or nothing when it rounds up the day's
        stories ("สรุปข่าวเด่นรอบวัน: an attack in Narathiwat, an honour for the Chinese
        envoy"): its places are other stories' as much as this one's. Its parties still
        count: each story of a round-up names its own."""
        title = classified.article.title or ""
        folded = title.casefold()
        if any(cue in folded for cue in self.kb.cues.roundup_headlines):
            return ""
        return title

    def _surroundings(
        self, classified: ClassifiedArticle, evidence: list[Evidence]
    ) -> list[Sentence]:
        """Neighbours of the evidence, then the headline, then the lead; never evidence itself."""
        text = classified.cleaned_text
        spans = [(ev.start, ev.end) for ev in evidence]
        out: list[Sentence] = []
        seen: set[str] = {ev.text.strip() for ev in evidence}
        excluded = lines_pointing_elsewhere(text)
        if text[evidence[0].start : evidence[0].end] == evidence[0].text:
            for ev in evidence:
                out.extend(neighbours(text, ev.start, ev.end, excluded))
        out.extend(headline(self._story_title(classified)))
        out.extend(
            s
            for s in lead(text, excluded)
            if not any(a < s.end and s.start < b for a, b in spans)
        )
        unique: list[Sentence] = []
        for sentence in out:
            if sentence.text not in seen:
                seen.add(sentence.text)
                unique.append(sentence)
        return unique

    def _place_nearby(
        self,
        sentences: list[Sentence],
        mentions: list[Mention],
        location: Place | None,
        context: ArticleContext,
    ) -> Place | None:
        """A place the surrounding sentences name, in a country the evidence is about.

        With a country-level place from the evidence only a place inside that country may
        refine it; otherwise the place must lie in a country the evidence names (when it
        names any), so that a neighbouring sentence about another country cannot win."""
        if location is not None and location.country:
            allowed = {location.country}
        else:
            allowed = {m.country for m in mentions if m.country}
        for sentence in sentences:
            found = self.annotator.resolve(
                sentence.text, self.annotator.matches(sentence.text), context.countries
            )
            usable = [
                m
                for m in found
                if m.place is not None
                and (not allowed or m.place.country in allowed)
                # A bare country name nearby is as often an actor as a place.
                and (m.place.kind != "country" or (m.locative and location is None))
            ]
            place = locate(self.kb, usable, context.countries)
            if place is not None:
                return place
        return None
