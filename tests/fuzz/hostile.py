"""Hypothesis strategies for what an attacker or a broken scraper puts on our topics."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# derandomize: CI runs the same cases every time, so a red build is reproducible
# and a green one is not luck. No deadline: timing assertions flake on a busy
# machine; `hang_detector.py` catches stalls instead.
FUZZ = settings(
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)

# Characters that break naive text handling: controls, zero-width, bidi
# overrides, lone surrogates' neighbours, combining marks, non-spacing scripts.
NASTY = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u200c", "\u200d", "\u2060",
         "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066",
         "\u2069", "\u0301" * 30, "\r", "\r\n", "\u2028", "\u2029", "\t", "\ufffd", "\U0001f4a3"]
# Words our lexicons react to, so that hostile text also reaches the deeper
# code paths (evidence, actors, places, dates) instead of stopping at "no event".
TRIGGERS = ["baku tembak", "bentrok", "pasukan", "TNI", "kelompok bersenjata", "Papua",
            "bertemu", "menteri luar negeri", "Prabowo", "Jakarta", "Selasa", "exchanged fire",
            "troops", "rebels", "met", "foreign minister", "Khartoum", "RSF", "combats",
            "l'armée", "Gondar", "Fano", "اشتباكات", "الجيش", "вооружённые", "столкновения",
            "军队", "交火", "2024-03-05", "5/3/2024", "3 hari lalu", "(ant/abc)", "Baca juga:",
            "ADVERTISEMENT", "Foto: AFP/X", "-", "—", ".", "!", "?", "(", ")", "[", "]", "\n\n"]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(TRIGGERS + NASTY) | st.text(max_size=8), min_size=1,
             max_size=60).map(" ".join),
    st.lists(st.sampled_from(TRIGGERS + NASTY), min_size=1, max_size=80).map("".join),
)


def deep(depth: int) -> bytes:
    return b'{"id": "d", "text": ' + b"[" * depth + b"]" * depth + b"}"


# orjson, like Kafka producers in other languages, stops at 64-bit integers.
INT64 = st.integers(-(2**63), 2**63 - 1)
scalars = st.one_of(st.none(), st.booleans(), INT64, st.floats(allow_nan=False),
                    hostile_text)
json_values: st.SearchStrategy[Any] = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner,
                                                                         max_size=4),
    max_leaves=12,
)


@st.composite
def raw_articles(draw: st.DrawFn) -> dict[str, Any]:
    """A RawArticle-shaped object, sometimes with wrong types or missing parts."""
    article: dict[str, Any] = {
        "id": draw(st.text(min_size=1, max_size=40) | st.sampled_from(["a1", "ид-1", "\u202e1"])),
        "text": draw(hostile_text),
        "title": draw(hostile_text | st.none()),
        "source": draw(st.sampled_from(["kabar.example", "", "x" * 300]) | st.none()),
        "language_hint": draw(st.sampled_from([None, "id", "en", "fr", "xx", "", "zh-Hant"])),
    }
    if draw(st.booleans()):
        article["published_at"] = draw(st.sampled_from(
            ["2024-03-05T10:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
             "not a date", 0, -1]))
    if draw(st.integers(0, 4)) == 0:
        # A field of the wrong type, or an unexpected one.
        article[draw(st.sampled_from([*article, "extra"]))] = draw(json_values)
    if draw(st.integers(0, 6)) == 0:
        article.pop(draw(st.sampled_from(sorted(article))))
    return article


def encoded(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)


def payloads(shapes: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    """Bytes of every kind: random, broken UTF-8, deep JSON, wrong JSON, plausible JSON."""
    broken_utf8 = shapes.map(encoded).flatmap(
        lambda b: st.integers(0, max(0, len(b) - 1)).map(
            lambda i: b[:i] + b"\xff\xc3\x28\xed\xa0\x80" + b[i:]))
    return st.one_of(
        st.binary(max_size=400),
        broken_utf8,
        st.integers(600, 5000).map(deep),
        json_values.map(encoded),
        shapes.map(encoded),
        shapes.map(encoded),
        shapes.map(encoded),
    )


# Values that keep a field's type but not its sense: offsets past the end of
# the text, far-off dates, extreme confidences, hostile strings.
def _same_type(value: Any) -> st.SearchStrategy[Any]:
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.sampled_from([0, 1, value + 1, value * 7, 10**9, 2**31]) | st.integers(0, 5000)
    if isinstance(value, float):
        return st.sampled_from([0.0, 1.0, 5e-324, 0.9999999]) | st.floats(0, 1)
    if isinstance(value, str):
        return hostile_text | st.sampled_from(
            ["", "0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "state:XXX",
             "country:ZZZ", "\u202e" * 50, value * 50])
    if isinstance(value, list):
        return st.sampled_from([[], value * 2, value[::-1], value[:1] * 20])
    return st.just(value)


@st.composite
def mutated(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """`document` with a few values, anywhere in it, replaced by hostile ones.

    Half the time the replacement keeps the value's type, so the document
    still passes the schema and the hostile value reaches the core.
    """
    doc: dict[str, Any] = orjson.loads(orjson.dumps(document))
    keep_types = draw(st.booleans())
    for _ in range(draw(st.integers(1, 3))):
        node: Any = doc
        path: list[Any] = []
        while isinstance(node, dict | list) and node and draw(st.integers(0, 3)):
            key = draw(st.sampled_from(sorted(node) if isinstance(node, dict)
                                       else list(range(len(node)))))
            path.append(key)
            node = node[key]
        if not path:
            continue
        parent: Any = doc
        for key in path[:-1]:
            parent = parent[key]
        if keep_types:
            parent[path[-1]] = draw(_same_type(node))
        else:
            parent[path[-1]] = draw(st.one_of(
                json_values, INT64, st.sampled_from(
                    [None, "", [], {}, -1, 10**12, "9999-12-31T23:59:59Z", "\u202e" * 50])))
    return doc
