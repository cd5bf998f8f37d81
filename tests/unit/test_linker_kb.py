"""The knowledge base build: reproducible bytes, recorded inputs, the entries linking needs."""

from __future__ import annotations

import logging
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from newsevents.linker import kb_format
from newsevents.linker.gazetteer import CASE_EXACT
from newsevents.linker.kb import load_kb
from newsevents.linker.kb_build import DEFAULT_KB_PATH, SOURCE_PACKAGES, main


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The `make kb` output (a separate process, earlier) and a fresh in-process build.

    A build costs minutes of CPU on a small machine, so the determinism check
    compares against the file `make test` has just built rather than building twice.
    """
    if not DEFAULT_KB_PATH.exists():
        pytest.fail(f"{DEFAULT_KB_PATH} is missing: run `make kb` (make test does) first")
    fresh = tmp_path_factory.mktemp("kb") / "kb.json.gz"
    assert main(["--out", str(fresh)]) == 0  # the `make kb` entry point
    return DEFAULT_KB_PATH, fresh


def _read(path: Path) -> dict[str, Any]:
    """The file's content in the build's shape (entities as dicts, aliases as lists)."""
    return kb_format.expand(kb_format.read(path))


def test_build_is_byte_for_byte_deterministic(built: tuple[Path, Path]) -> None:
    first, second = built
    assert first.read_bytes() == second.read_bytes(), (
        f"{first} differs from a fresh build: the build is not deterministic or the file is stale"
    )
    assert first.stat().st_size < 5_000_000


def test_build_records_its_input_versions(built: tuple[Path, Path]) -> None:
    sources = _read(built[0])["sources"]
    assert sources["packages"] == {name: metadata.version(name) for name in SOURCE_PACKAGES}
    assert set(sources["curated_sha256"]) >= {
        "countries.yaml",
        "organisations.yaml",
        "armed_groups.yaml",
        "stopwords.yaml",
    }
    assert all(len(h) == 64 for h in sources["curated_sha256"].values())


def test_kb_contents(built: tuple[Path, Path]) -> None:
    kb = _read(built[0])
    entities = kb["entities"]
    assert entities["country:RUS"]["qid"] == "Q159"
    assert entities["country:MMR"]["qid"] == "Q836"
    assert entities["country:MMR"]["alpha2"] == "MM"
    assert entities["region:MM-01"]["name"] == "Sagaing"
    assert entities["region:MM-13"]["country"] == "MMR"
    assert entities["org:mmr-military"]["sector"] == "MIL"
    assert entities["armed:pdf-myanmar"]["sector"] == "REB"
    assert entities["org:asean"]["sector"] == "IGO"
    # Stored as automaton keys: [key with its word boundaries, affix mode, entries].
    aliases = {(a[0].strip(), e[0]) for a in kb["aliases"] for e in a[2]}
    for key, entity_id in [
        ("karen", "region:MM-13"),
        ("mandalay", "region:MM-04"),
        ("rusia", "country:RUS"),
        ("russian", "country:RUS"),
        ("burmese", "country:MMR"),
        ("россия", "country:RUS"),
        ("kremlin", "org:rus-government"),
        ("pentagon", "org:usa-military"),
        ("tatmadaw", "org:mmr-military"),
        ("pasukan pertahanan rakyat", "armed:pdf-myanmar"),
        ("pbb", "org:un"),
    ]:
        assert (key, entity_id) in aliases, key
    assert not any(
        key in ("dan", "the", "of", "cuma", "mayo") and entity_id.startswith("city:")
        for key, entity_id in aliases
    )
    # Lima is a city only as a dateline writes it, never as the Malay "lima" (five).
    lima = [e for a in kb["aliases"] if a[0].strip() == "lima" for e in a[2]]
    assert lima and all(e[1] == CASE_EXACT and e[2] == "LIMA" for e in lima)
    petersburg = [e for e in entities.values() if e["name"] == "Saint Petersburg"]
    assert petersburg and petersburg[0]["country"] == "RUS" and "lat" in petersburg[0]


def test_missing_file_builds_in_memory_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        kb = load_kb(tmp_path / "missing.json.gz")
    assert any("missing" in r.getMessage() for r in caplog.records)
    assert kb.entities["country:MMR"].qid == "Q836"
    assert "country:RUS" in kb.gazetteer.find("Rusia")[0].entity_ids
