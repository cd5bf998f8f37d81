"""All configuration, in one object read from the environment.

Nothing reads the environment at import time: `Settings()` is built by the
CLI (or a test) and handed down, so two apps with different settings can live
in one process.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Stage = Literal["classifier", "linker", "alert"]
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

    @field_validator("kafka_bootstrap_servers")
    @classmethod
    def _strip_scheme(cls, value: str) -> str:
        # Users paste both "kafka://host:9092" (faust style) and "host:9092".
        hosts = [h.strip().removeprefix("kafka://") for h in value.split(",") if h.strip()]
        if not hosts:
            raise ValueError("KAFKA_BOOTSTRAP_SERVERS is empty")
        return ",".join(hosts)

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    def app_id(self, stage: str) -> str:
        return f"{self.app_id_prefix}-{stage}"
