"""`schemas/` is generated from the models; a model change without `make schemas` fails here."""

from __future__ import annotations

from pathlib import Path

from newsevents.schemas import render

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_committed_schemas_match_the_models() -> None:
    expected = render()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert sorted(on_disk) == sorted(expected), "run `make schemas`"
    for name, content in expected.items():
        assert on_disk[name] == content, f"schemas/{name} is stale: run `make schemas`"


def test_every_topic_has_a_schema() -> None:
    import json

    index = json.loads((SCHEMAS / "topics.json").read_text())
    from newsevents import topics

    assert set(index) == set(topics.ALL)
