"""Consumer-group lag: how far a stage is behind the end of its source topic."""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import TopicPartition


async def partitions_of(admin: AIOKafkaAdminClient, topic: str) -> list[TopicPartition]:
    # A consumer's metadata only covers topics it subscribed to; ask the admin client.
    [described] = await admin.describe_topics([topic])
    return sorted(TopicPartition(topic, p["partition"]) for p in described["partitions"])


async def group_lag(
    admin: AIOKafkaAdminClient, probe: AIOKafkaConsumer, group: str, topic: str
) -> dict[TopicPartition, int]:
    """Messages not yet committed by `group`, per partition of `topic` (end offset if none)."""
    tps = await partitions_of(admin, topic)
    if not tps:
        raise LookupError(f"topic {topic} has no partitions (does it exist?)")
    ends = await probe.end_offsets(tps)
    committed = await admin.list_consumer_group_offsets(group, partitions=tps)
    lag = {}
    for tp in tps:
        meta = committed.get(tp)
        done = meta.offset if meta is not None and meta.offset >= 0 else 0
        lag[tp] = max(0, ends[tp] - done)
    return lag
