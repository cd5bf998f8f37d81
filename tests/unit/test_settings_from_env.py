"""`Settings.from_env` reads what a worker started with that environment would read."""

from __future__ import annotations

import os

import pytest

from newsevents.settings import Settings


def test_reads_the_given_environment_and_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_TOPIC_PREFIX", "from-the-caller.")
    monkeypatch.setenv("NEWSEVENTS_TOPIC_PARTITIONS", "9")
    settings = Settings.from_env({
        "KAFKA_BOOTSTRAP_SERVERS": "kafka://10.0.0.5:9093",
        "NEWSEVENTS_TOPIC_PREFIX": "run1.",
        "PATH": "/usr/bin",
    })
    assert settings.kafka_bootstrap_servers == "10.0.0.5:9093"
    assert settings.topic("articles.raw") == "run1.articles.raw"
    # The caller's own NEWSEVENTS_ variables are not the started worker's.
    assert settings.topic_partitions == Settings.model_fields["topic_partitions"].default


def test_the_callers_environment_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_TOPIC_PREFIX", "mine.")
    before = dict(os.environ)
    Settings.from_env({"NEWSEVENTS_TOPIC_PREFIX": "theirs."})
    assert dict(os.environ) == before
    with pytest.raises(ValueError):
        Settings.from_env({"NEWSEVENTS_TOPIC_PARTITIONS": "0"})
    assert dict(os.environ) == before
