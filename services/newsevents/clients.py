"""Kafka clients configured from settings: aiokafka for the CLI tools and admin, faust's auth.

Every client of the service gets its security options from here, so TLS and
SASL are configured once and the password never travels further than the
client constructor (it is read from its file when a client is built).
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.conn import create_conn
from aiokafka.errors import (
    IllegalSaslStateError,
    KafkaError,
    SaslAuthenticationFailed,
    UnsupportedSaslMechanismError,
)
from aiokafka.helpers import create_ssl_context

from newsevents.settings import Settings


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if not settings.kafka_security_protocol.endswith("SSL"):
        return None
    # create_ssl_context verifies the broker's certificate and host name.
    context: ssl.SSLContext = create_ssl_context(
        cafile=settings.kafka_ssl_cafile,
        certfile=settings.kafka_ssl_certfile,
        keyfile=settings.kafka_ssl_keyfile,
    )
    return context


def security_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments of every aiokafka client (producer, consumer, admin)."""
    options: dict[str, Any] = {"security_protocol": settings.kafka_security_protocol}
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.kafka_security_protocol.startswith("SASL_"):
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = settings.sasl_password()
    return options


class KafkaAccessRefused(RuntimeError):
    """A broker refused our credentials or we refused its certificate: retrying cannot help."""


_REFUSALS = (
    SaslAuthenticationFailed, UnsupportedSaslMechanismError, IllegalSaslStateError, ssl.SSLError,
)


async def check_access(settings: Settings, timeout: float = 15.0) -> None:
    """Connect once to each bootstrap server; raise `KafkaAccessRefused` if one refuses us.

    aiokafka logs a refused login and then reports only "Unable to bootstrap",
    which callers retry like an unreachable broker, so a wrong password would
    look like an outage. A server that does not answer at all is left to the
    clients' own retries.
    """
    if settings.kafka_security_protocol == "PLAINTEXT":
        return  # nothing to refuse
    options = security_options(settings)
    for server in settings.kafka_bootstrap_servers.split(","):
        host, _, port = server.rpartition(":")
        try:
            conn = await asyncio.wait_for(
                create_conn(host.strip("[]"), int(port), client_id="newsevents-access-check",
                            request_timeout_ms=int(timeout * 1000), **options),
                timeout,
            )
        except _REFUSALS as exc:
            # The exception text names the mechanism and the reason, never the password.
            raise KafkaAccessRefused(
                f"Kafka at {server} refused the connection ({settings.kafka_security_protocol}"
                f"{_who(settings)}): {type(exc).__name__}: {exc}"
            ) from None
        except (OSError, TimeoutError, KafkaError):
            continue
        conn.close()


def _who(settings: Settings) -> str:
    if settings.kafka_security_protocol.startswith("SASL_"):
        return f", {settings.kafka_sasl_mechanism} user {settings.kafka_sasl_username!r}"
    return ""


def faust_auth(settings: Settings) -> dict[str, Any]:
    """`broker_credentials` / `ssl_context` arguments of `faust.App`."""
    import faust

    context = ssl_context(settings)
    if settings.kafka_security_protocol.startswith("SASL_"):
        return {
            "broker_credentials": faust.SASLCredentials(
                username=settings.kafka_sasl_username,
                password=settings.sasl_password(),
                ssl_context=context,
                mechanism=settings.kafka_sasl_mechanism,
            )
        }
    if context is not None:
        return {"broker_credentials": faust.SSLCredentials(context)}
    return {}


def producer(settings: Settings, **overrides: Any) -> AIOKafkaProducer:
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 5,
        "max_request_size": settings.max_message_bytes + 65536,
        "client_id": "newsevents-cli",
        **security_options(settings),
    }
    options.update(overrides)
    return AIOKafkaProducer(**options)


def consumer(settings: Settings, *topics: str, **overrides: Any) -> AIOKafkaConsumer:
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "auto_offset_reset": "earliest",
        "enable_auto_commit": False,
        # The alert worker writes in transactions: an aborted one (a crashed
        # worker's) is not output, and its end is the last stable offset.
        "isolation_level": "read_committed",
        "client_id": "newsevents-cli",
        "fetch_max_bytes": 16 * settings.max_message_bytes,
        "max_partition_fetch_bytes": 8 * settings.max_message_bytes,
        **security_options(settings),
    }
    options.update(overrides)
    return AIOKafkaConsumer(*topics, **options)


def admin(settings: Settings, **overrides: Any) -> AIOKafkaAdminClient:
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers,
        "request_timeout_ms": 15000,
        "client_id": "newsevents-admin",
        **security_options(settings),
    }
    options.update(overrides)
    return AIOKafkaAdminClient(**options)
