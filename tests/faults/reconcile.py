"""What came out of a fault run, held against what the in-process cores say should have.

Per article: the linker emits one linked article for every article the
classifier accepted, so the linked topic (distinct keys) and the
dead-letter topic together must hold every article id, each in exactly one
of them. Per event: every (article, event type) the cores find must be a
source of some emitted event version and nothing else may be; no
(event_id, version) may appear twice; versions of an event run 1..n
without a gap; the last version counts every report once.

`repeats="identical"` is the at-least-once promise after a crash: an event
version or alert may come again, but only as the same message (an alert's
`created_at` aside), never as a different one under the same id.

Duplicates on the intermediate topics are allowed (at-least-once) and only
counted, for the report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Literal

import orjson

from newsevents import topics

# (key, value) as read back from one topic: its name, key and value.
Record = tuple[str, bytes | None, bytes]


@dataclass(frozen=True)
class Expected:
    """What the cores, run in process on the same corpus, produce."""

    article_ids: frozenset[str]
    dead: frozenset[str]  # refused by the classifier's decoder
    event_types: dict[str, frozenset[str]]  # article id -> event types found in it

    @property
    def reports(self) -> set[tuple[str, str]]:
        return {(a, t) for a, types in self.event_types.items() for t in types}


@dataclass
class Reconciliation:
    articles_in: int = 0
    processed: int = 0  # distinct article ids on the linked topic
    dead_lettered: int = 0  # distinct article ids dead-lettered
    linked_duplicates: int = 0  # linked records beyond one per article (replays)
    classified_duplicates: int = 0
    candidate_duplicates: int = 0
    events: int = 0  # distinct event ids
    event_versions: int = 0  # event records
    version_duplicates: int = 0  # (event_id, version) seen more than once
    version_repeats: int = 0  # of those, repeated with the same content (allowed by repeats=)
    alerts: int = 0
    alert_duplicates: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"articles in {self.articles_in}, processed {self.processed}, "
                f"dead-lettered {self.dead_lettered}, events {self.events} "
                f"({self.event_versions} versions), alerts {self.alerts}; duplicates: "
                f"event versions {self.version_duplicates} ({self.version_repeats} identical), "
                f"alerts {self.alert_duplicates}, "
                f"classified {self.classified_duplicates}, linked {self.linked_duplicates}, "
                f"candidates {self.candidate_duplicates}")


def _keys(records: list[Record]) -> Counter[str]:
    return Counter((k or b"").decode() for _, k, _ in records)


def reconcile(expected: Expected, found: dict[str, list[Record]],
              repeats: Literal["none", "identical"] = "none") -> Reconciliation:
    r = Reconciliation(articles_in=len(expected.article_ids))
    linked = _keys(found[topics.LINKED])
    classified = _keys(found[topics.CLASSIFIED])
    r.processed = len(linked)
    r.linked_duplicates = sum(linked.values()) - len(linked)
    r.classified_duplicates = sum(classified.values()) - len(classified)

    letters = [orjson.loads(v) for _, _, v in found[topics.DLQ]]
    dead = {letter["key"] for letter in letters}
    r.dead_lettered = len(dead)
    wrong = [(x["stage"], x["reason"], x["key"]) for x in letters if x["stage"] != "classifier"]
    if wrong:
        r.problems.append(f"dead letters past the classifier: {wrong[:5]}")
    if set(linked) & dead:
        r.problems.append(f"both processed and dead-lettered: {sorted(set(linked) & dead)[:5]}")
    missing = expected.article_ids - set(linked) - dead
    if missing:
        r.problems.append(f"{len(missing)} articles unaccounted for, e.g. {sorted(missing)[:5]}")
    unknown = (set(linked) | dead) - expected.article_ids
    if unknown:
        r.problems.append(f"outcomes for articles never sent: {sorted(unknown)[:5]}")
    if dead != expected.dead:
        r.problems.append(f"dead letters {sorted(dead ^ expected.dead)[:5]} differ from the cores")

    candidates = Counter(
        (s["article_id"], e["event_type"])
        for e in map(orjson.loads, (v for _, _, v in found[topics.CANDIDATES]))
        for s in e["source_articles"]
    )
    r.candidate_duplicates = sum(candidates.values()) - len(candidates)

    versions: Counter[tuple[str, int]] = Counter()
    contents: dict[tuple[str, int], set[bytes]] = defaultdict(set)
    latest: dict[str, dict[str, object]] = {}
    by_event: dict[str, set[int]] = defaultdict(set)
    reported: set[tuple[str, str]] = set()
    for name in topics.EVENTS_BY_TYPE.values():
        for _, _, value in found[name]:
            event = orjson.loads(value)
            event_id, version = event["event_id"], event["version"]
            versions[(event_id, version)] += 1
            contents[(event_id, version)].add(value)
            by_event[event_id].add(version)
            if version > int(latest.get(event_id, {}).get("version", 0)):  # type: ignore[call-overload]
                latest[event_id] = event
            reported |= {(s["article_id"], event["event_type"]) for s in event["source_articles"]}
    r.events = len(by_event)
    r.event_versions = sum(versions.values())
    twice = [key for key, n in versions.items() if n > 1]
    r.version_duplicates = len(twice)
    r.version_repeats = sum(1 for key in twice if len(contents[key]) == 1)
    differing = [key for key in twice if len(contents[key]) > 1]
    if differing:
        r.problems.append(f"{len(differing)} event versions emitted twice with different "
                          f"content, e.g. {differing[:5]}")
    if twice and repeats == "none":
        r.problems.append(f"{len(twice)} event versions emitted twice, e.g. {twice[:5]}")
    gaps = {e: sorted(v) for e, v in by_event.items() if v != set(range(1, max(v) + 1))}
    if gaps:
        r.problems.append(f"event versions missing: {list(gaps.items())[:3]}")
    lost = expected.reports - reported
    if lost:
        r.problems.append(f"{len(lost)} expected reports in no event, e.g. {sorted(lost)[:5]}")
    extra = reported - expected.reports
    if extra:
        r.problems.append(f"{len(extra)} reports the cores do not find: {sorted(extra)[:5]}")
    counted: Counter[tuple[str, str]] = Counter()
    for event in latest.values():
        sources = [s["article_id"] for s in event["source_articles"]]  # type: ignore[attr-defined]
        if not event["mention_count"] == event["version"] == len(sources) == len(set(sources)):
            r.problems.append(f"event {event['event_id']} counts a report twice or not at all")
        counted.update((a, str(event["event_type"])) for a in sources)
    if any(n > 1 for n in counted.values()):
        r.problems.append("an article is a source of two events of one type: "
                          f"{[k for k, n in counted.items() if n > 1][:5]}")

    alert_ids = _keys(found[topics.ALERTS])
    r.alerts = len(alert_ids)
    r.alert_duplicates = sum(alert_ids.values()) - len(alert_ids)
    alert_bodies: dict[str, set[bytes]] = defaultdict(set)
    for _, key, value in found[topics.ALERTS]:
        alert = orjson.loads(value)
        alert.pop("created_at", None)
        alert_bodies[(key or b"").decode()].add(orjson.dumps(alert, option=orjson.OPT_SORT_KEYS))
    differing_alerts = [k for k, bodies in alert_bodies.items() if len(bodies) > 1]
    if differing_alerts:
        r.problems.append(f"alerts with one id and different content: {differing_alerts[:5]}")
    if r.alert_duplicates and repeats == "none":
        r.problems.append(f"{r.alert_duplicates} alerts emitted twice, e.g. "
                          f"{[k for k, n in alert_ids.items() if n > 1][:5]}")
    return r
