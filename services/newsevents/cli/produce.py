"""`newsevents produce PATH...|-`: publish articles to `articles.raw`."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

import click
from aiokafka.errors import KafkaError
from tqdm import tqdm

from newsevents import clients, topics
from newsevents.article_files import ReadError, iter_articles, iter_jsonl
from newsevents.messages import RawArticle
from newsevents.settings import Settings
from newsevents.streaming.codec import encode


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--topic", default=None, help="Destination topic (default: the raw topic).")
@click.option("--quiet", is_flag=True, help="No progress bar and no per-error lines.")
def produce(paths: tuple[str, ...], topic: str | None, quiet: bool) -> None:
    """Publish articles from JSONL files, scrape-shaped text files or folders ('-' = stdin JSONL).

    Each article is keyed by its id. Lines or files that are not valid
    articles, or larger than NEWSEVENTS_MAX_MESSAGE_BYTES, are reported and
    skipped; the exit status is 1 if any were, 2 if Kafka refused us.
    """
    settings = Settings()
    try:
        sent, failed = asyncio.run(_produce(settings, list(paths), topic, quiet))
    except (clients.KafkaAccessRefused, KafkaError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"produced {sent} article(s) to {topic or settings.topic(topics.RAW)}; "
               f"{failed} could not be read", err=True)
    sys.exit(1 if failed else 0)


def _sources(paths: list[str], max_bytes: int) -> list[RawArticle | ReadError]:
    items: list[RawArticle | ReadError] = []
    for p in paths:
        if p == "-":
            items.extend(iter_jsonl(sys.stdin.buffer, "<stdin>", max_bytes))
        else:
            path = Path(p)
            if not path.exists():
                items.append(ReadError(p, "missing", "no such file or directory"))
            else:
                items.extend(iter_articles([path], max_bytes))
    return items


async def _produce(
    settings: Settings, paths: list[str], topic: str | None, quiet: bool
) -> tuple[int, int]:
    limit = settings.max_message_bytes
    items = _sources(paths, limit)
    target = topic or settings.topic(topics.RAW)
    await clients.check_access(settings)
    producer = clients.producer(settings)
    await producer.start()
    sent = failed = 0
    try:
        bar = tqdm(total=len(items), unit="article", disable=quiet or len(items) < 50,
                   file=sys.stderr)
        futures = []
        for item in items:
            if isinstance(item, ReadError):
                failed += 1
                if not quiet:
                    click.echo(f"skipped {item.where}: {item.reason}: {item.message}", err=True)
            else:
                if item.received_at is None:
                    item = item.model_copy(update={"received_at": datetime.now(UTC)})
                value = encode(item)
                # Re-encoding adds fields, so a line just under the limit can end over it;
                # the classifier would only dead-letter it.
                if len(value) > limit:
                    failed += 1
                    if not quiet:
                        click.echo(f"skipped {item.id}: too_large: encoded article is "
                                   f"{len(value)} bytes, over the limit of {limit}", err=True)
                    bar.update(1)
                    continue
                futures.append(await producer.send(target, value, key=item.id.encode()))
                sent += 1
            bar.update(1)
        await asyncio.gather(*futures)
        bar.close()
    finally:
        await producer.stop()
    return sent, failed
