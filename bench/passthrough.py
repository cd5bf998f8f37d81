"""Section 3, physical baseline: plain aiokafka moving messages over the same hops.

One process, one consumer group reading hop topics 0..HOPS-1 and producing
each message to the next hop, `acks=all` like the faust producer; offsets
are committed after the batch's sends are acknowledged, as faust does.

    python -m bench.passthrough
"""

from __future__ import annotations

import asyncio
import signal

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from bench.noop_app import HOPS, hop_topic
from newsevents import garbage_collection
from newsevents.settings import Settings
from newsevents.streaming.app import PRODUCER_LINGER_SECONDS, PRODUCER_MAX_BATCH_BYTES


async def passthrough(settings: Settings, stop: asyncio.Event) -> None:
    sources = {settings.topic(hop_topic(i)): settings.topic(hop_topic(i + 1)) for i in range(HOPS)}
    consumer = AIOKafkaConsumer(
        *sources,
        bootstrap_servers=settings.kafka_bootstrap_servers,
        group_id=settings.app_id("passthrough"),
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    # The faust app's producer tuning, so that the ratio measures the framework only.
    producer = AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers, acks="all",
        linger_ms=int(PRODUCER_LINGER_SECONDS * 1000), max_batch_size=PRODUCER_MAX_BATCH_BYTES,
        max_request_size=4 * settings.max_message_bytes + 65536,
    )
    await consumer.start()
    await producer.start()
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=200, max_records=2000)
            futures = [
                await producer.send(sources[tp.topic], key=msg.key, value=msg.value)
                for tp, msgs in batches.items()
                for msg in msgs
            ]
            if futures:
                await asyncio.gather(*futures)
                await consumer.commit()
    finally:
        await consumer.stop()
        await producer.stop()


def main() -> None:
    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        settings = Settings()
        # The same collector settings as the workers: the ratio compares frameworks.
        garbage_collection.tune(settings.gc_gen0_threshold)
        await passthrough(settings, stop)

    asyncio.run(run())


if __name__ == "__main__":
    main()
