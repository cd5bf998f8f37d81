"""The corpus every fault test sends, and what the in-process cores make of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pydantic
import pytest

from newsevents.messages import RawArticle
from newsevents.settings import Settings
from tests.faults.corpus import article, article_id
from tests.faults.harness import Pipeline, StageWorkers
from tests.faults.reconcile import Expected

ARTICLES = 5000


@pytest.fixture(scope="session")
def expected() -> Expected:
    from newsevents.pipeline import Pipeline as Cores

    cores = Cores.load()
    # The corpus repeats its texts under new ids; an event type depends on the text only.
    by_text: dict[str, frozenset[str]] = {}
    types: dict[str, frozenset[str]] = {}
    dead = set()
    for i in range(ARTICLES):
        raw = article(i)
        try:
            parsed = RawArticle.model_validate(raw)
        except pydantic.ValidationError:
            dead.add(article_id(i))
            continue
        if parsed.text not in by_text:
            by_text[parsed.text] = frozenset(e.event_type for e in cores.run(parsed).events)
        if by_text[parsed.text]:
            types[parsed.id] = by_text[parsed.text]
    return Expected(article_ids=frozenset(article_id(i) for i in range(ARTICLES)),
                    dead=frozenset(dead), event_types=types)


@pytest.fixture
def stage_workers(pipeline_env: dict[str, str], tmp_path: Path) -> Iterator[StageWorkers]:
    w = StageWorkers(pipeline_env, tmp_path)
    try:
        yield w
    finally:
        w.stop()


def pipeline_for(env: dict[str, str]) -> Pipeline:
    return Pipeline(Settings.from_env(env), env["KAFKA_BOOTSTRAP_SERVERS"])
