"""One readable line per message, for `newsevents tail` and `make run`."""

from __future__ import annotations

from newsevents.messages import Alert, DeadLetter, Event


def format_event(event: Event) -> str:
    actors = ", ".join(
        f"{a.name} ({'/'.join(x for x in (a.country, a.sector) if x)})" for a in event.actors
    ) or "-"
    place = "-"
    if event.location is not None:
        loc = event.location
        place = loc.name + (f", {loc.country}" if loc.country and loc.name != loc.country else "")
        place += f" [{loc.precision}]"
    when = "-"
    if event.date is not None:
        d = event.date
        when = d.start.isoformat() if d.start == d.end else f"{d.start}..{d.end}"
        when += f" [{d.precision}{', assumed' if d.assumed else ''}]"
    sources = ", ".join(
        s.source or s.article_id for s in event.source_articles[:3]
    ) + (f" +{len(event.source_articles) - 3}" if len(event.source_articles) > 3 else "")
    evidence = event.evidence[0].text if event.evidence else ""
    if len(evidence) > 160:
        evidence = evidence[:157] + "..."
    return (
        f"{event.event_type}/{event.subtype}  conf={event.confidence:.2f}  "
        f"v{event.version} mentions={event.mention_count}  lang={event.language}\n"
        f"    actors:   {actors}\n"
        f"    place:    {place}\n"
        f"    date:     {when}\n"
        f"    sources:  {sources}\n"
        f"    evidence: {evidence}\n"
        f"    id:       {event.event_id}"
    )


def format_dead_letter(letter: DeadLetter) -> str:
    return (
        f"DEAD LETTER stage={letter.stage} reason={letter.reason} key={letter.key} "
        f"at {letter.topic}[{letter.partition}]@{letter.offset}: {letter.message[:200]}"
    )


def format_alert(alert: Alert) -> str:
    return f"ALERT [{alert.severity}] {alert.rule}: {alert.summary} ({len(alert.event_ids)} events)"
