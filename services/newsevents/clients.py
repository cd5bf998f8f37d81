"""aiokafka producers and consumers configured from settings, for the CLI tools."""

from __future__ import annotations

from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from newsevents.settings import Settings


def producer(settings: Settings, **overrides: Any) -> AIOKafkaProducer:
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "max_request_size": settings.max_message_bytes + 65536,
        "client_id": "newsevents-cli",
    }
    options.update(overrides)
    return AIOKafkaProducer(**options)


def consumer(settings: Settings, *topics: str, **overrides: Any) -> AIOKafkaConsumer:
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "auto_offset_reset": "earliest",
        "enable_auto_commit": False,
        "client_id": "newsevents-cli",
        "fetch_max_bytes": 16 * settings.max_message_bytes,
        "max_partition_fetch_bytes": 8 * settings.max_message_bytes,
    }
    options.update(overrides)
    return AIOKafkaConsumer(*topics, **options)
