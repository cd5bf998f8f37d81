"""The alert stage's state machine: candidate events in, event versions and alerts out.

State lives in a string-to-string mapping (a faust Table backed by its
changelog topic in the worker, a dict in tests), so it survives restarts
and rebalances. All times are the reports' own reference times (publication
or receipt), never the wall clock, so replaying the same input gives the
same output.

Keys:
  ev:<event_id>                 OpenEvent JSON (an event inside the merge window)
  fired:<rule>:<event_id>       a match rule already alerted on this event
  rate:<rule>:<country>         a rate rule's recent events and last firing
"""

from __future__ import annotations

import heapq
import json
from collections import OrderedDict, defaultdict
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newsevents.alert.assembly import event_country
from newsevents.alert.merge import (
    OpenEvent,
    countries_of,
    expired,
    merge_report,
    reference_time,
)
from newsevents.alert.rules import RuleSet, match_alert, rate_alert
from newsevents.messages import Alert, Event

# How many open events stay decoded; the least recently used goes first. A
# full event (a hundred sources, eight evidence sentences) is about 14 KB of
# JSON and 125 KB decoded: a thousand bound the memory (125 MB at worst) and
# still hold every event a busy country has open.
DECODED_CAPACITY = 1000


class DecodedEvents:
    """Open events decoded from the store, reused while the store holds the same JSON.

    Every report is compared with every open event of its type and
    countries: decoding them all again for each report cost more than the
    merge itself once events carried their hundred sources. The store stays
    the truth: an entry is used only while the store's value is the string it
    was decoded from (the same object, or an equal one after the table was
    recovered from its changelog).
    """

    def __init__(self, capacity: int = DECODED_CAPACITY) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[str, tuple[str, OpenEvent]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, event_id: str, raw: str) -> OpenEvent:
        entry = self._entries.get(event_id)
        if entry is not None and entry[0] == raw:
            self._entries.move_to_end(event_id)
            return entry[1]
        open_event = OpenEvent.model_validate_json(raw)
        self.put(event_id, raw, open_event)
        return open_event

    def put(self, event_id: str, raw: str, open_event: OpenEvent) -> None:
        self._entries[event_id] = (raw, open_event)
        self._entries.move_to_end(event_id)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)

    def drop(self, event_id: str) -> None:
        self._entries.pop(event_id, None)

    def clear(self) -> None:
        self._entries.clear()


@dataclass
class Outcome:
    events: list[Event] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    merged: bool = False


class AlertEngine:
    def __init__(self, rules: RuleSet, window: timedelta, store: MutableMapping[str, str]) -> None:
        self.rules = rules
        self.window = window
        self.store = store
        self._index: dict[tuple[str, str], set[str]] | None = None
        self._expiry: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
        self.decoded = DecodedEvents()

    def reset_index(self) -> None:
        """Forget the in-memory index; call when the store's partitions change."""
        self._index = None
        self._expiry.clear()
        self.decoded.clear()

    def _ensure_index(self) -> dict[tuple[str, str], set[str]]:
        if self._index is None:
            self._index = defaultdict(set)
            for key, value in list(self.store.items()):
                if key.startswith("ev:"):
                    self._add_to_index(self.decoded.get(key[3:], value))
        return self._index

    def _add_to_index(self, open_event: OpenEvent) -> None:
        assert self._index is not None
        event = open_event.event
        for country in countries_of(event) or {"unknown"}:
            self._index[(event.event_type, country)].add(event.event_id)
        heapq.heappush(self._expiry[event.event_type], (open_event.last_seen, event.event_id))

    def _candidates(self, report: Event) -> list[OpenEvent]:
        index = self._ensure_index()
        ids: set[str] = set()
        for country in countries_of(report) or {"unknown"}:
            ids |= index.get((report.event_type, country), set())
        found = []
        for event_id in ids:
            raw = self.store.get(f"ev:{event_id}")
            if raw is not None:
                found.append(self.decoded.get(event_id, raw))
        return found

    def process(self, report: Event, now: datetime) -> Outcome:
        """Fold one report in; return the event version to emit (if any) and alerts."""
        result = merge_report(self._candidates(report), report, self.window)
        outcome = Outcome(merged=result.merged)
        event_id = result.open_event.event.event_id
        raw = result.open_event.model_dump_json()
        self.store[f"ev:{event_id}"] = raw
        self.decoded.put(event_id, raw, result.open_event)
        self._add_to_index(result.open_event)
        if result.event is not None:
            outcome.events.append(result.event)
            outcome.alerts.extend(self._apply_rules(result.event, now))
        self._expire(report.event_type, reference_time(report))
        return outcome

    def _apply_rules(self, event: Event, now: datetime) -> list[Alert]:
        alerts = []
        ref = reference_time(event)
        for rule in self.rules.rules:
            if not rule.matches(event):
                continue
            if rule.kind == "match":
                key = f"fired:{rule.name}:{event.event_id}"
                if key not in self.store:
                    self.store[key] = "1"
                    alerts.append(match_alert(rule, event, now))
                continue
            assert rule.window is not None and rule.threshold is not None
            country = event_country(event)
            key = f"rate:{rule.name}:{country}"
            state = json.loads(self.store.get(key) or '{"events": [], "last_fired": null}')
            recent = [(eid, at) for eid, at in state["events"]
                      if datetime.fromisoformat(at) >= ref - rule.window]
            if event.event_id not in {eid for eid, _ in recent}:
                recent.append((event.event_id, ref.isoformat()))
            last = state["last_fired"]
            fire = len(recent) >= rule.threshold and (
                last is None or ref - datetime.fromisoformat(last) >= rule.window
            )
            if fire:
                start = min(datetime.fromisoformat(at) for _, at in recent)
                alerts.append(rate_alert(rule, country, [eid for eid, _ in recent], start, now))
                last = ref.isoformat()
            self.store[key] = json.dumps({"events": recent, "last_fired": last})
        return alerts

    def _expire(self, event_type: str, now: datetime) -> None:
        # Only events of the report's type: the store writes to the changelog
        # partition of the current message, which holds that type's state.
        heap = self._expiry[event_type]
        index = self._ensure_index()
        while heap and heap[0][0] + self.window < now:
            _, event_id = heapq.heappop(heap)
            raw = self.store.get(f"ev:{event_id}")
            if raw is None:
                continue
            open_event = self.decoded.get(event_id, raw)
            if not expired(open_event, now, self.window):
                continue  # grew since; its newer entry is further down the heap
            del self.store[f"ev:{event_id}"]
            self.decoded.drop(event_id)
            for country in countries_of(open_event.event) or {"unknown"}:
                index.get((event_type, country), set()).discard(event_id)
