"""`newsevents tail TOPIC`: print messages as they arrive."""

from __future__ import annotations

import asyncio
import contextlib
import sys

import click
import orjson
from aiokafka.errors import KafkaError
from pydantic import ValidationError

from newsevents import clients
from newsevents.display import format_alert, format_dead_letter, format_event
from newsevents.messages import Alert, DeadLetter, Event
from newsevents.settings import Settings


@click.command()
@click.argument("topic")
@click.option("--json", "as_json", is_flag=True, help="Print each message's raw JSON value.")
@click.option("--from-beginning/--from-end", default=True, help="Where to start reading.")
@click.option("--max-messages", type=int, default=None, help="Stop after this many messages.")
@click.option("--idle-timeout", type=float, default=None,
              help="Stop after this many seconds without a message.")
def tail(topic: str, as_json: bool, from_beginning: bool, max_messages: int | None,
         idle_timeout: float | None) -> None:
    """Print messages of TOPIC (a full name, prefix included) as they arrive."""
    settings = Settings()
    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(
                _tail(settings, topic, as_json, from_beginning, max_messages, idle_timeout)
            )
    except (clients.KafkaAccessRefused, KafkaError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


def render(value: bytes, as_json: bool) -> str:
    if as_json:
        return value.decode("utf-8", errors="replace")
    try:
        data = orjson.loads(value)
    except orjson.JSONDecodeError:
        return value.decode("utf-8", errors="replace")
    for model, fmt in ((Event, format_event), (DeadLetter, format_dead_letter),
                       (Alert, format_alert)):
        try:
            return fmt(model.model_validate(data))  # type: ignore[arg-type]
        except ValidationError:
            continue
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


async def _tail(settings: Settings, topic: str, as_json: bool, from_beginning: bool,
                max_messages: int | None, idle_timeout: float | None) -> None:
    await clients.check_access(settings)
    consumer = clients.consumer(
        settings, topic, auto_offset_reset="earliest" if from_beginning else "latest"
    )
    await consumer.start()
    seen = 0
    try:
        while max_messages is None or seen < max_messages:
            batch = await consumer.getmany(timeout_ms=int((idle_timeout or 3600) * 1000))
            if not batch:
                if idle_timeout is not None:
                    return
                continue
            for records in batch.values():
                for record in records:
                    if record.value is not None:
                        click.echo(render(record.value, as_json))
                    seen += 1
    finally:
        await consumer.stop()
