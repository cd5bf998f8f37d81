"""The collector settings a stage worker applies once it has loaded."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from newsevents import garbage_collection
from newsevents.settings import Settings


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_collector")
def test_tune_freezes_what_is_alive_and_raises_the_young_threshold() -> None:
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    loaded = [{"entry": i} for i in range(1000)]  # stands for a core's lexicons
    garbage_collection.tune(50_000)
    assert gc.get_threshold() == (50_000, 10, 10)
    # Frozen objects are in the permanent generation: no pass visits them again.
    assert gc.get_freeze_count() >= len(loaded)


@pytest.mark.usefixtures("restored_collector")
def test_zero_keeps_pythons_thresholds_but_still_freezes() -> None:
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    garbage_collection.tune(0)
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("restored_collector")
def test_cyclic_garbage_is_still_collected_without_being_asked() -> None:
    garbage_collection.tune(1_000)

    class Node:
        other: object = None

    dropped: list[weakref.ref[Node]] = []
    for _ in range(5_000):
        a, b = Node(), Node()
        a.other, b.other = b, a
        dropped.append(weakref.ref(a))
        del a, b
    # No gc.collect(): the young passes still run, only rarer.
    assert sum(ref() is None for ref in dropped) > 4_000


def test_the_setting_defaults_to_the_module_default_and_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().gc_gen0_threshold == garbage_collection.DEFAULT_GEN0_THRESHOLD
    monkeypatch.setenv("NEWSEVENTS_GC_GEN0_THRESHOLD", "0")
    assert Settings().gc_gen0_threshold == 0
