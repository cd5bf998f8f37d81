"""Creates our topics before any worker starts, with partitions and replication from settings.

faust would otherwise create source topics lazily with its own defaults, and
a table's changelog must have as many partitions as the topic it follows.
"""

from __future__ import annotations

import asyncio

import structlog
from aiokafka.admin import NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from newsevents import clients, topics
from newsevents.settings import Settings

log = structlog.get_logger("newsevents.admin")


def topic_configs(settings: Settings, name: str) -> dict[str, str]:
    # Stage outputs embed the article, so they may exceed the broker default.
    configs = {"max.message.bytes": str(4 * settings.max_message_bytes + 65536)}
    return configs


async def ensure_topics(settings: Settings, timeout: float = 60.0) -> dict[str, int]:
    """Create missing topics; return every topic's partition count."""
    admin = clients.admin(settings)
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        try:
            await admin.start()
            break
        except KafkaError as exc:
            if asyncio.get_running_loop().time() > deadline:
                raise ConnectionError(
                    f"cannot reach Kafka at {settings.kafka_bootstrap_servers}: {exc}"
                ) from exc
            log.warning("kafka_unreachable_retrying", servers=settings.kafka_bootstrap_servers)
            await asyncio.sleep(1.0)
    try:
        wanted = [settings.topic(name) for name in topics.ALL]
        existing = set(await admin.list_topics())
        missing = [name for name in wanted if name not in existing]
        if missing:
            new = [
                NewTopic(
                    name=name,
                    num_partitions=settings.topic_partitions,
                    replication_factor=settings.topic_replication,
                    topic_configs=topic_configs(settings, name),
                )
                for name in missing
            ]
            response = await admin.create_topics(new)
            for name, code, message in getattr(response, "topic_errors", []):
                # Another worker creating the same topic at the same time is fine.
                if code not in (0, TopicAlreadyExistsError.errno):
                    raise RuntimeError(f"cannot create topic {name}: error {code} {message}")
            log.info("topics_created", topics=missing, partitions=settings.topic_partitions)
        # Fresh topics take a moment to show their partitions in metadata.
        while True:
            described = await admin.describe_topics(wanted)
            counts = {d["topic"]: len(d["partitions"]) for d in described}
            if all(counts.get(name, 0) > 0 for name in wanted):
                return counts
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"topics not visible in metadata: {counts}")
            await asyncio.sleep(0.2)
    finally:
        await admin.close()
