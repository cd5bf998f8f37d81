"""The lexicon YAML files say what their authors meant.

YAML 1.1 reads unquoted `no`, `yes`, `on`, `off` as booleans: Spanish "no"
and the abbreviation "No." silently became the word "False". Every word list
must hold strings only, and every cue list must name a kind of common.yaml.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsevents.classifier.lexicon import LEXICON_DIR, available_languages, load_common

FILES = sorted(LEXICON_DIR.glob("*.yaml"))
# libyaml reads the large lexicons ~20x faster than the pure-Python loader.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def _lists(node: Any, where: str) -> list[tuple[str, list[Any]]]:
    if isinstance(node, list):
        return [(where, node)]
    if isinstance(node, dict):
        return [found for key, value in node.items() for found in _lists(value, f"{where}.{key}")]
    return []


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_word_lists_hold_only_words(path: Path) -> None:
    data = _read(path)
    wrong = [(where, item) for where, items in _lists(data, path.stem) for item in items
             if not isinstance(item, str | int | float) or isinstance(item, bool)]
    assert not wrong, f"quote these in {path.name}: {wrong}"


@pytest.mark.parametrize("language", available_languages())
def test_cue_lists_name_known_kinds(language: str) -> None:
    kinds = set(load_common().cue_kinds)
    data = _read(LEXICON_DIR / f"{language}.yaml")
    assert set(data.get("cues") or {}) <= kinds


def test_every_cue_kind_is_used_by_english() -> None:
    # English is the fallback lexicon for unsupported languages: it must carry
    # every exclusion the classifier knows.
    data = _read(LEXICON_DIR / "en.yaml")
    assert set(load_common().cue_kinds) == set(data["cues"])
