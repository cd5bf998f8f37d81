"""The KB file's column layout: what goes in comes back out, and loads into a working KB."""

from __future__ import annotations

import copy
import gzip
import json
from typing import Any

import pytest

from newsevents.linker import kb_format
from newsevents.linker.gazetteer import automaton_keys, case_rule, normalise_key
from newsevents.linker.kb import Entity, from_stored


def _alias(form: str, entity_id: str) -> tuple[str, str, int, str]:
    rule = case_rule(form)
    return (normalise_key(form), entity_id, rule, form if rule == 2 else "")


def _small_kb() -> dict[str, Any]:
    """A KB in `build_kb()`'s shape, small enough to write out by hand."""
    entities: dict[str, dict[str, Any]] = {
        "country:MMR": {"kind": "country", "name": "Myanmar", "country": "MMR", "alpha2": "MM",
                        "qid": "Q836"},
        "country:USA": {"kind": "country", "name": "United States", "country": "USA",
                        "alpha2": "US", "qid": "Q30"},
        "region:MM-13": {"kind": "region", "name": "Kayin", "country": "MMR",
                         "admin1": "MM-13"},
        "city:1298824": {"kind": "city", "name": "Yangon", "country": "MMR",
                         "lat": 16.80528, "lon": 96.15611, "population": 4477638},
        "city:524901": {"kind": "city", "name": "Moscow", "country": "RUS",
                        "lat": 55.75222, "lon": 37.61556, "population": 10381222},
        "person:min-aung-hlaing": {"kind": "person", "name": "Min Aung Hlaing",
                                   "country": "MMR", "sector": "GOV",
                                   "roles": [["head of state", "2021-08-01", ""]]},
    }
    aliases = [
        _alias("Myanmar", "country:MMR"),
        _alias("缅甸", "country:MMR"),
        _alias("ميانمار", "country:MMR"),
        _alias("AS", "country:USA"),
        _alias("Karen", "region:MM-13"),
        _alias("Yangon", "city:1298824"),
        _alias("Москва", "city:524901"),
        _alias("Min Aung Hlaing", "person:min-aung-hlaing"),
    ]
    return {
        "format": kb_format.FORMAT_VERSION,
        "sources": {"packages": {"pycountry": "1"}, "curated_sha256": {"x.yaml": "0" * 64}},
        "languages": ["en", "id"],
        "entities": entities,
        "aliases": sorted(
            [key, mode, sorted(list(e) for e in entries)]
            for key, mode, entries in automaton_keys(aliases)
        ),
        "cues": {
            "sector_nouns": {"MIL": ["junta", "army"]},
            "locatives": ["in", "di"],
            "locatives_after": [],
            "directionals": ["to"],
            "region_before": ["negara bagian"],
            "region_after": ["state"],
            "person_ambiguous": ["karen"],
            "place_modifiers": ["Greater"],
            "not_place_surfaces": ["vịnh"],
            "needs_country_cue": ["FDS"],
            "roundup_headlines": ["news roundup"],
            "locatives_unspaced_before": ["在"],
            "locatives_unspaced_after": ["၌"],
            "not_locatives_unspaced": ["现在"],
            "parties_list_after": ["from"],
            "border_with": ["border with"],
        },
        "dates": {"months": {"en": {"april": 4}}, "weekdays": {"en": {"monday": 0}}},
    }


def test_round_trip_gives_back_the_build() -> None:
    kb = _small_kb()
    stored = kb_format.decode(kb_format.encode(kb))
    assert kb_format.expand(stored) == kb
    # Stored by column: entity positions stand in for ids in the alias entries.
    assert stored["entities"]["id"] == sorted(kb["entities"])
    assert len(stored["aliases"]["entity"]) == sum(len(a[2]) for a in kb["aliases"])


def test_bytes_do_not_depend_on_insertion_order_or_time() -> None:
    kb = _small_kb()
    shuffled = copy.deepcopy(kb)
    shuffled["entities"] = dict(reversed(list(kb["entities"].items())))
    shuffled["entities"]["city:1298824"] = dict(
        reversed(list(kb["entities"]["city:1298824"].items()))
    )
    data = kb_format.encode(kb)
    assert kb_format.encode(shuffled) == data
    assert data[4:8] == b"\x00\x00\x00\x00"  # gzip mtime


def test_alias_of_unknown_entity_is_refused() -> None:
    kb = _small_kb()
    kb["aliases"].append([" nowhere ", 0, [["city:0", 0, ""]]])
    with pytest.raises(ValueError, match="city:0"):
        kb_format.encode(kb)


def test_file_of_another_format_is_refused() -> None:
    old = _small_kb()
    old["format"] = 2
    data = gzip.compress(json.dumps(old).encode())
    with pytest.raises(ValueError, match="format 2"):
        kb_format.decode(data)


def test_stored_kb_loads_into_entities_and_a_working_gazetteer() -> None:
    kb = from_stored(kb_format.decode(kb_format.encode(_small_kb())))
    assert kb.entities["city:1298824"] == Entity(
        id="city:1298824", kind="city", name="Yangon", country="MMR",
        lat=16.80528, lon=96.15611, population=4477638,
    )
    assert kb.entities["country:MMR"].population == 0
    assert kb.entities["country:MMR"].qid == "Q836"
    assert kb.entities["person:min-aung-hlaing"].sector == "GOV"
    assert kb.cues.sector_nouns == {"junta": "MIL", "army": "MIL"}
    # Kept with their accents: "vịnh" (bay) is no place, "Vinh" the city still is.
    assert kb.cues.not_place_surfaces == frozenset({"vịnh"})
    assert kb.cues.needs_country_cue == frozenset({"fds"})
    assert kb.cues.locatives_unspaced_after == ("၌",)
    assert kb.months == {"en": {"april": 4}}

    def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
        return [(m.surface, m.entity_ids) for m in kb.gazetteer.find(text)]

    assert found("Min Aung Hlaing flew from Yangon to Москве; 缅甸军方 and وميانمار agreed.") == [
        ("Min Aung Hlaing", ("person:min-aung-hlaing",)),
        ("Yangon", ("city:1298824",)),
        ("Москве", ("city:524901",)),
        ("缅甸", ("country:MMR",)),
        ("ميانمار", ("country:MMR",)),
    ]
    # The exact-case alias keeps its rule through the file: "AS" is a country, "as" a word.
    assert found("AS dan Myanmar") == [("AS", ("country:USA",)), ("Myanmar", ("country:MMR",))]
    assert found("as far as Myanmar") == [("Myanmar", ("country:MMR",))]
