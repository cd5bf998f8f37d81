"""The knowledge base file: gzipped JSON laid out in columns, for a fast load.

`kb_build.build_kb()` gives entities as a mapping of dicts and aliases as automaton keys
each with its list of (entity id, case rule, form) entries. Parsed as is, those ~230,000
small dicts and lists cost most of a second; stored column by column (one list per
field, alias entries pointing at entities by position) the same content parses several
times faster and the loader builds its objects straight from the columns.

The bytes are reproducible: sorted keys, a fixed field order and a gzip header without
timestamp or file name.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

# 4: the cues carry `not_place_surfaces`, `needs_country_cue`, `roundup_headlines` and the
# unspaced locatives; an older file lacks them. 5: `border_with`.
FORMAT_VERSION = 5
StoredEntry = tuple[str, int, str]  # entity id, case rule, form as written
_ALIAS_COLUMNS = ("key", "mode", "count", "entity", "rule", "form")


def encode(kb: Mapping[str, Any]) -> bytes:
    """The file's bytes for a KB as `build_kb()` returns it."""
    entities: Mapping[str, Mapping[str, Any]] = kb["entities"]
    ids = sorted(entities)
    position = {eid: i for i, eid in enumerate(ids)}
    fields = sorted({name for ent in entities.values() for name in ent})
    entity_columns: dict[str, list[Any]] = {"id": ids}
    for name in fields:
        entity_columns[name] = [entities[eid].get(name) for eid in ids]
    alias_columns: dict[str, list[Any]] = {name: [] for name in _ALIAS_COLUMNS}
    for key, mode, entries in kb["aliases"]:
        alias_columns["key"].append(key)
        alias_columns["mode"].append(mode)
        alias_columns["count"].append(len(entries))
        for entity_id, rule, form in entries:
            if entity_id not in position:
                raise ValueError(f"alias {key!r} names unknown entity {entity_id}")
            alias_columns["entity"].append(position[entity_id])
            alias_columns["rule"].append(rule)
            alias_columns["form"].append(form)
    stored = dict(kb)
    stored["format"] = FORMAT_VERSION
    stored["entities"] = entity_columns
    stored["aliases"] = alias_columns
    payload = json.dumps(stored, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(payload.encode("utf-8"), compresslevel=6, mtime=0)


def decode(data: bytes) -> dict[str, Any]:
    """The stored (column) form of a KB file's bytes; checks the format version."""
    raw: dict[str, Any] = orjson.loads(gzip.decompress(data))
    if raw.get("format") != FORMAT_VERSION:
        raise ValueError(f"knowledge base format {raw.get('format')}, expected {FORMAT_VERSION}")
    return raw


def read(path: Path) -> dict[str, Any]:
    return decode(path.read_bytes())


def entity_column(raw: Mapping[str, Any], name: str) -> list[Any]:
    """One entity field for all entities, in the order of the "id" column (None if absent)."""
    column: list[Any] | None = raw["entities"].get(name)
    return column if column is not None else [None] * len(raw["entities"]["id"])


def alias_keys(raw: Mapping[str, Any]) -> Iterator[tuple[str, int, tuple[StoredEntry, ...]]]:
    """(automaton key, affix mode, entries) per stored key, entries as (entity id, rule, form)."""
    ids: list[str] = raw["entities"]["id"]
    columns = raw["aliases"]
    entries = list(
        zip(map(ids.__getitem__, columns["entity"]), columns["rule"], columns["form"], strict=True)
    )
    pos = 0
    for key, mode, count in zip(columns["key"], columns["mode"], columns["count"], strict=True):
        yield key, mode, tuple(entries[pos : pos + count])
        pos += count


def expand(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The stored form back in `build_kb()`'s shape: entities as dicts, aliases as lists."""
    columns = raw["entities"]
    names = [name for name in columns if name != "id"]
    entities = {
        eid: {name: columns[name][i] for name in names if columns[name][i] is not None}
        for i, eid in enumerate(columns["id"])
    }
    out = dict(raw)
    out["entities"] = entities
    out["aliases"] = [
        [key, mode, [list(e) for e in entries]] for key, mode, entries in alias_keys(raw)
    ]
    return out
