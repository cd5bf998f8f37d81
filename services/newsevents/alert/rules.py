"""Alert rules: a YAML file of watchlists and rates, checked at start-up, applied per event.

A bad rules file must fail when the worker starts, with the line to fix,
never at 3 a.m. when the first matching event arrives; `load_rules` raises
`RulesError` naming the file and line.

    rules:
      - name: myanmar-fighting          # unique, becomes a metric label
        kind: match                     # match: each event that satisfies the filters
        severity: warning               # info | warning | critical
        event_types: [armed-clash]      # empty = any
        subtypes: []                    # empty = any
        countries: [MMR]                # ISO alpha-3 of any actor or of the place
        actors: []                      # entity ids or names, case-insensitive
        places: []                      # place names or entity ids
        min_confidence: 0.5
        min_mentions: 1
      - name: clash-surge
        kind: rate                      # rate: >= threshold events in one country within window
        severity: critical
        event_types: [armed-clash]      # exactly one type for rate rules
        threshold: 5
        window: 24h                     # s, m, h or d
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from newsevents.alert.merge import countries_of
from newsevents.messages import EVENT_TYPES, SUBTYPES_BY_TYPE, Alert, Event, EventType, Severity

DEFAULT_RULES = Path(__file__).with_name("default_rules.yaml")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


class RulesError(ValueError):
    """The rules file cannot be used; the message names the file and line."""


def parse_duration(value: str | int | float | timedelta) -> timedelta:
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int | float):
        return timedelta(seconds=float(value))
    match = _DURATION.match(value)
    if not match:
        raise ValueError(f"duration {value!r} is not like '90s', '30m', '24h' or '7d'")
    return timedelta(**{_UNITS[match.group(2)]: float(match.group(1))})


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{0,62}$")
    kind: Literal["match", "rate"] = "match"
    severity: Severity = "warning"
    event_types: list[EventType] = Field(default_factory=list)
    subtypes: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    min_mentions: int = Field(default=1, ge=1)
    threshold: int | None = Field(default=None, ge=1)
    window: timedelta | None = None

    @field_validator("window", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        return None if value is None else parse_duration(value)

    @field_validator("countries")
    @classmethod
    def _alpha3(cls, value: list[str]) -> list[str]:
        for code in value:
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"{code!r} is not an ISO 3166 alpha-3 code like 'MMR'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        known = {s for t in (self.event_types or EVENT_TYPES) for s in SUBTYPES_BY_TYPE[t]}
        unknown = [s for s in self.subtypes if s not in known]
        if unknown:
            of = self.event_types or "any type"
            raise ValueError(f"subtypes {unknown} are not subtypes of {of}")
        if self.kind == "rate":
            if self.threshold is None or self.window is None:
                raise ValueError("a rate rule needs 'threshold' and 'window'")
            if len(self.event_types) != 1:
                # Events are merged per type on one partition each; a rate over
                # two types would be counted on two workers.
                raise ValueError("a rate rule names exactly one event type")
        elif self.threshold is not None or self.window is not None:
            raise ValueError("'threshold' and 'window' belong to rate rules only")
        return self

    def matches(self, event: Event) -> bool:
        if self.event_types and event.event_type not in self.event_types:
            return False
        if self.subtypes and event.subtype not in self.subtypes:
            return False
        if event.confidence < self.min_confidence or event.mention_count < self.min_mentions:
            return False
        if self.countries and not set(self.countries) & countries_of(event):
            return False
        if self.actors:
            wanted = {a.casefold() for a in self.actors}
            have = {a.entity_id.casefold() for a in event.actors}
            have |= {a.name.casefold() for a in event.actors}
            if not wanted & have:
                return False
        if self.places:
            loc = event.location
            if loc is None:
                return False
            wanted = {p.casefold() for p in self.places}
            if not wanted & {loc.name.casefold(), loc.entity_id.casefold()}:
                return False
        return True


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[Rule]

    @model_validator(mode="after")
    def _unique_names(self) -> RuleSet:
        names = [r.name for r in self.rules]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"rule names must be unique: {dupes}")
        return self


def load_rules(path: Path | None = None) -> RuleSet:
    path = path or DEFAULT_RULES
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"{path}: cannot read alert rules: {exc}") from exc
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RulesError(f"{where}: not valid YAML: {exc}") from exc
    try:
        return RuleSet.model_validate(data if data is not None else {"rules": []})
    except ValidationError as exc:
        err = exc.errors()[0]
        line = _line_of(node, err.get("loc", ()))
        where = f"{path}:{line}" if line else str(path)
        loc = ".".join(str(p) for p in err.get("loc", ()))
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise RulesError(f"{where}: {loc}: {err.get('msg')}{more}") from exc


def _line_of(node: yaml.Node | None, loc: Iterable[Any]) -> int | None:
    """Line (1-based) of the YAML node at `loc`, or of the deepest one that exists."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            found = node.value[part] if part < len(node.value) else None
        else:
            found = None
        if found is None:
            break
        node = found
        line = node.start_mark.line + 1
    return line


def alert_id(*parts: str) -> str:
    return "al-" + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()


def summarise(event: Event) -> str:
    actors = ", ".join(a.name for a in event.actors[:3]) or "unknown actors"
    place = event.location.name if event.location is not None else "unknown place"
    when = f" on {event.date.start}" if event.date is not None else ""
    return (f"{event.event_type} ({event.subtype}) involving {actors} at {place}{when}; "
            f"{event.mention_count} report(s), confidence {event.confidence:.2f}")


def match_alert(rule: Rule, event: Event, now: datetime) -> Alert:
    return Alert(alert_id=alert_id(rule.name, event.event_id), rule=rule.name,
                 severity=rule.severity, event_ids=[event.event_id],
                 summary=summarise(event), created_at=now)


def rate_alert(rule: Rule, country: str, event_ids: list[str], window_start: datetime,
               now: datetime) -> Alert:
    assert rule.window is not None
    hours = rule.window.total_seconds() / 3600
    summary = (f"{len(event_ids)} {rule.event_types[0]} events in {country} within "
               f"{hours:g} h (threshold {rule.threshold})")
    return Alert(alert_id=alert_id(rule.name, country, window_start.isoformat()), rule=rule.name,
                 severity=rule.severity, event_ids=event_ids, summary=summary, created_at=now)
