"""Produce to and read back from the real broker in tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


def produce(bootstrap: str, topic: str,
            messages: Sequence[tuple[bytes | None, bytes]]) -> None:
    async def run() -> None:
        producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, acks="all", enable_idempotence=True,
            max_request_size=8 * 1024 * 1024,
        )
        await producer.start()
        try:
            for key, value in messages:
                await producer.send_and_wait(topic, value, key=key)
        finally:
            await producer.stop()

    asyncio.run(run())


def consume_until(
    bootstrap: str,
    topics: list[str],
    done: Callable[[list[tuple[str, bytes | None, bytes]]], bool],
    timeout: float = 90.0,
) -> list[tuple[str, bytes | None, bytes]]:
    """Read from the beginning until `done(records)` or the timeout; return (topic, key, value)."""

    async def run() -> list[tuple[str, bytes | None, bytes]]:
        consumer = AIOKafkaConsumer(
            *topics, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
            # The alert worker writes in transactions: read what users read.
            enable_auto_commit=False, isolation_level="read_committed",
            fetch_max_bytes=32 * 1024 * 1024,
            max_partition_fetch_bytes=16 * 1024 * 1024,
        )
        await consumer.start()
        records: list[tuple[str, bytes | None, bytes]] = []
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline and not done(records):
                batch = await consumer.getmany(timeout_ms=500)
                for recs in batch.values():
                    records.extend((r.topic, r.key, r.value) for r in recs if r.value is not None)
            return records
        finally:
            await consumer.stop()

    return asyncio.run(run())


def wait_group_caught_up(bootstrap: str, group: str, topic: str, timeout: float = 60.0) -> None:
    """Block until `group` has committed up to the end of every partition of `topic`."""
    from aiokafka.admin import AIOKafkaAdminClient

    from newsevents.streaming.lag import group_lag

    async def run() -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        probe = AIOKafkaConsumer(bootstrap_servers=bootstrap)
        await admin.start()
        await probe.start()
        try:
            deadline = time.monotonic() + timeout
            while True:
                lag = await group_lag(admin, probe, group, topic)
                if not any(lag.values()):
                    return
                if time.monotonic() > deadline:
                    raise AssertionError(f"{group} still behind on {topic}: {lag}")
                await asyncio.sleep(0.5)
        finally:
            await probe.stop()
            await admin.close()

    asyncio.run(run())
