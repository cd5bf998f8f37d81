"""All configuration, in one object read from the environment.

Nothing reads the environment at import time: `Settings()` is built by the
CLI (or a test) and handed down, so two apps with different settings can live
in one process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from newsevents import garbage_collection

Stage = Literal["classifier", "linker", "alert"]
SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
STAGES: tuple[Stage, ...] = ("classifier", "linker", "alert")


class Settings(BaseSettings):
    """Every setting is read from `NEWSEVENTS_<NAME>` except where an alias says otherwise."""

    model_config = SettingsConfigDict(env_prefix="NEWSEVENTS_", extra="ignore", frozen=True)

    kafka_bootstrap_servers: str = Field(
        default="127.0.0.1:9092",
        validation_alias="KAFKA_BOOTSTRAP_SERVERS",
        description="Comma-separated host:port list of the Kafka cluster to use.",
    )
    topic_prefix: str = Field(
        default="",
        description="Prepended to every topic name, e.g. 'staging.' gives 'staging.articles.raw'.",
    )
    topic_partitions: int = Field(
        default=4, ge=1, description="Partitions for topics this service creates."
    )
    topic_replication: int = Field(
        default=1, ge=1, description="Replication factor for topics this service creates."
    )
    app_id_prefix: str = Field(
        default="newsevents",
        description="Consumer group of a stage is '<prefix>-<stage>'; change it to run two "
        "independent pipelines on one cluster.",
    )
    max_message_bytes: int = Field(
        default=2 * 1024 * 1024,
        ge=1024,
        description="Messages larger than this go to the dead-letter topic unprocessed.",
    )
    web_host: str = Field(
        default="127.0.0.1",
        description="Address the metrics/health server binds; set 0.0.0.0 inside a container.",
    )
    web_port: int = Field(
        default=6066, ge=0, le=65535, description="Port of /metrics, /healthz and /readyz."
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        default="info", description="Minimum level of the JSON logs on stderr."
    )
    log_format: Literal["json", "console"] = Field(
        default="json", description="'console' renders logs for people instead of machines."
    )
    alert_rules_file: str | None = Field(
        default=None,
        description="YAML file of alert rules; unset uses the rules shipped in the package.",
    )
    merge_window_hours: float = Field(
        default=72.0,
        gt=0,
        description="Reports of the same event published within this many hours are merged.",
    )
    data_dir: str = Field(
        default="/tmp/newsevents",
        description="Where faust keeps its local state (table stores, offsets).",
    )

    kafka_security_protocol: SecurityProtocol = Field(
        default="PLAINTEXT", description="How clients talk to Kafka: PLAINTEXT, SSL, "
        "SASL_PLAINTEXT or SASL_SSL."
    )
    kafka_sasl_mechanism: SaslMechanism = Field(
        default="SCRAM-SHA-512", description="SASL mechanism when the protocol is SASL_*."
    )
    kafka_sasl_username: str | None = Field(default=None, description="SASL user name.")
    kafka_sasl_password: SecretStr | None = Field(
        default=None,
        description="SASL password; prefer KAFKA_SASL_PASSWORD_FILE, which stays out of the "
        "process environment.",
    )
    kafka_sasl_password_file: str | None = Field(
        default=None,
        description="File holding the SASL password (a mounted Secret); read at start-up.",
    )
    kafka_ssl_cafile: str | None = Field(
        default=None, description="PEM CA bundle that signs the brokers' certificates "
        "(unset: the system's trust store)."
    )
    kafka_ssl_certfile: str | None = Field(
        default=None, description="PEM client certificate, for brokers that require mutual TLS."
    )
    kafka_ssl_keyfile: str | None = Field(
        default=None, description="PEM private key of KAFKA_SSL_CERTFILE."
    )
    stall_seconds: float = Field(
        default=120.0,
        gt=0,
        description="Liveness fails when the worker holds partitions with lag and has "
        "processed nothing for this long (a consumer that silently stopped fetching).",
    )
    watchdog_interval_seconds: float = Field(
        default=5.0,
        gt=0,
        description="How often lag and progress are measured for the watchdog and metrics.",
    )
    shutdown_timeout_seconds: float = Field(
        default=25.0,
        gt=0,
        description="After SIGTERM the worker drains, commits and exits; if that has not "
        "finished in this many seconds (the broker is gone, so commits retry) it exits "
        "with status 1 and the uncommitted records are consumed again after the restart. "
        "Keep it below the pod's terminationGracePeriodSeconds (the chart sets 30).",
    )
    gc_gen0_threshold: int = Field(
        default=garbage_collection.DEFAULT_GEN0_THRESHOLD,
        ge=0,
        description="Net allocations between two young passes of Python's cyclic garbage "
        "collector, set once the stage has loaded (which also freezes what is loaded out of "
        "every pass); 0 keeps Python's default of 700. See newsevents.garbage_collection.",
    )
    alert_exactly_once: bool = Field(
        default=False,
        description="The alert worker commits each merge table write, the event versions and "
        "alerts it causes and the consumed offset in one Kafka transaction (faust's "
        "exactly_once), so that a kill -9 can neither lose nor repeat a version; "
        "readers of its topics must use isolation.level=read_committed. Not yet the default: "
        "after a restart a merge partition's commits now and then stop advancing, and the "
        "versions of its open transaction stay invisible (test_alert_merge_e2e); a rebalance "
        "has repeated versions with it on. Off: "
        "at-least-once, like the other stages: a table write is stored after the outputs "
        "it caused, so a crash between the two can repeat a version (identically), never "
        "lose one.",
    )
    fault_delay_seconds: float = Field(
        default=0.0,
        ge=0,
        description="Testing only: wait this long before each message, to provoke a stall "
        "the watchdog must see. Keep 0 in production.",
    )

    @field_validator("kafka_bootstrap_servers")
    @classmethod
    def _strip_scheme(cls, value: str) -> str:
        # Users paste both "kafka://host:9092" (faust style) and "host:9092".
        hosts = [h.strip().removeprefix("kafka://") for h in value.split(",") if h.strip()]
        if not hosts:
            raise ValueError("KAFKA_BOOTSTRAP_SERVERS is empty")
        return ",".join(hosts)

    @field_validator(
        "kafka_sasl_username", "kafka_sasl_password", "kafka_sasl_password_file",
        "kafka_ssl_cafile", "kafka_ssl_certfile", "kafka_ssl_keyfile", mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        # A chart renders an unset value as an empty variable; "" is no file and no password.
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @model_validator(mode="after")
    def _sasl_needs_credentials(self) -> Settings:
        if self.kafka_security_protocol.startswith("SASL_"):
            if not self.kafka_sasl_username:
                raise ValueError("SASL needs NEWSEVENTS_KAFKA_SASL_USERNAME")
            if self.kafka_sasl_password is None and not self.kafka_sasl_password_file:
                raise ValueError(
                    "SASL needs NEWSEVENTS_KAFKA_SASL_PASSWORD_FILE or ..._SASL_PASSWORD"
                )
        if bool(self.kafka_ssl_certfile) != bool(self.kafka_ssl_keyfile):
            raise ValueError("KAFKA_SSL_CERTFILE and KAFKA_SSL_KEYFILE go together")
        # Checked now so that a missing Secret mount stops start-up with its name,
        # instead of failing later inside a Kafka client.
        for name in ("kafka_sasl_password_file", "kafka_ssl_cafile", "kafka_ssl_certfile",
                     "kafka_ssl_keyfile"):
            path = getattr(self, name)
            if path is not None and not Path(path).is_file():
                raise ValueError(f"NEWSEVENTS_{name.upper()} is not a readable file: {path}")
        return self

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Settings as a worker started with exactly `env` as its environment would read them.

        For callers that start workers with an environment of their own (tests,
        benchmarks) and must agree with them; pydantic-settings only reads
        `os.environ`, so it is swapped for the call.
        """
        keys = {k: v for k, v in env.items() if k.startswith(("NEWSEVENTS_", "KAFKA_"))}
        saved = dict(os.environ)
        try:
            os.environ.clear()
            os.environ.update(keys)
            return cls()
        finally:
            os.environ.clear()
            os.environ.update(saved)

    def sasl_password(self) -> str | None:
        """The SASL password, from the file if one is set (a rotated Secret is re-read)."""
        if self.kafka_sasl_password_file:
            # Secrets mounted from files often end in a newline the broker does not expect.
            return Path(self.kafka_sasl_password_file).read_text().rstrip("\r\n")
        if self.kafka_sasl_password is not None:
            return self.kafka_sasl_password.get_secret_value()
        return None

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    def app_id(self, stage: str) -> str:
        return f"{self.app_id_prefix}-{stage}"
