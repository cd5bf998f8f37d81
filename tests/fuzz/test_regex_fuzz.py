"""No regular expression we ship backtracks catastrophically, or even quadratically.

`pattern_census.py` lists every pattern newsevents compiles, including those
built at run time from lexicon data. Each is run on adversarial text made
of what it repeats: runs of its own literal characters and words, of the
character classes it uses, nested brackets, and (with hypothesis) repeated
near-matches. Python's `re` is a backtracking matcher: `a*b` searched in a
run of n "a" costs n²/2 steps, and a nested quantifier costs 2ⁿ.

The check is a growth ratio, not a time limit: the CPU time of the same
shape at n and 4n characters (thread CPU time, best of several runs, so a
busy machine does not distort it). Linear work grows 4x, quadratic 16x;
anything above `MAX_GROWTH` fails. Text too cheap to measure even at
20,000 characters (under a millisecond) cannot be quadratic at that size
(2·10⁸ steps) and passes. A hang detector (`hang_detector.py`, 10 s) stops an
exponential pattern that would never return.

A pattern the code only ever `.match`es (one attempt, at one position) is
measured with `.match`; that is read from the module's source, so a new
`.search` of it is checked as a search again.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz import tally
from tests.fuzz.hang_detector import hang_detector
from tests.fuzz.hostile import FUZZ, NASTY

pytestmark = pytest.mark.fuzz

SIZES = (1_250, 5_000, 20_000)
MAX_GROWTH = 8.0
MEASURABLE_SECONDS = 1e-3
# A class representative of each kind of character articles are made of.
REPRESENTATIVES = ["a", "A", "1", " ", "\n", ".", "(", "\u200b", "\u0301", "ก", "ب", "中"]
PAIRS = ["a ", "a:", "1/", "A.", "1 ", "( ", "a1", "A, "]
CENSUS = Path(__file__).with_name("pattern_census.py")


@dataclass(frozen=True)
class Shipped:
    pattern: str
    flags: int
    module: str
    names: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.module}.{'/'.join(self.names) or '<built at run time>'}"

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def match_only(self) -> bool:
        return _match_only(self.module, self.names)


@cache
def _match_only(module: str, names: tuple[str, ...]) -> bool:
    """Whether `module` only ever calls `.match`/`.fullmatch` on the pattern `names`."""
    if not names:
        return False
    spec = find_spec(module)
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    calls = {m.group(1) for name in names
             for m in re.finditer(r"\b" + re.escape(name.split(".")[-1]) + r"\.(\w+)\(", source)}
    return bool(calls) and calls <= {"match", "fullmatch"}


@cache
def shipped_patterns() -> list[Shipped]:
    done = subprocess.run([sys.executable, str(CENSUS)], capture_output=True, text=True,
                          check=True, timeout=600)
    return [Shipped(e["pattern"], e["flags"], e["module"], tuple(e["names"]))
            for e in json.loads(done.stdout)]


def _literals(pattern: str, flags: int) -> tuple[list[str], list[str]]:
    """The characters a pattern names (literals and class bounds) and its literal words."""
    chars: set[str] = set()
    words: set[str] = set()

    def walk(items: object) -> None:
        run = ""
        for op, arg in items:  # type: ignore[attr-defined]
            name = str(op)
            if name == "LITERAL":
                chars.add(chr(arg))
                run += chr(arg)
                continue
            if len(run) > 1:
                words.add(run)
            run = ""
            if name == "IN":
                for kind, value in arg:
                    if str(kind) == "LITERAL":
                        chars.add(chr(value))
                    elif str(kind) == "RANGE":
                        chars.update((chr(value[0]), chr(value[1])))
            elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
                walk(arg[-1])
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(arg[2])
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(arg[1])
            elif name == "BRANCH":
                for branch in arg[1]:
                    walk(branch)
        if len(run) > 1:
            words.add(run)

    walk(re._parser.parse(pattern, flags))  # type: ignore[attr-defined]
    return sorted(chars), sorted(words)


def _spread(items: list[str], most: int) -> list[str]:
    """At most `most` items, evenly spread over the sorted list (deterministic)."""
    if len(items) <= most:
        return items
    step = len(items) / most
    return [items[int(i * step)] for i in range(most)]


Shape = Callable[[int], str]


def _repeat(unit: str, tail: str = "\x00!") -> Shape:
    return lambda size: unit * max(1, size // len(unit)) + tail


def _nested(unit: str) -> Shape:
    block = "(" + unit * 30
    return lambda size: block * max(1, size // len(block)) + "\x00"


def adversarial(shipped: Shipped) -> dict[str, Shape]:
    chars, words = _literals(shipped.pattern, shipped.flags)
    chars = _spread(chars, 14)
    shapes: dict[str, Shape] = {}
    for c in dict.fromkeys(REPRESENTATIVES + chars):
        shapes[f"run of {c!r}"] = _repeat(c)
    for pair in PAIRS + [c + " " for c in _spread(chars, 6)]:
        shapes[f"run of {pair!r}"] = _repeat(pair)
    for word in _spread(words, 4):
        # A word without what must follow it, and a word cut one short.
        shapes[f"run of {word!r}"] = _repeat(word + " ")
        shapes[f"run of {word[:-1]!r}"] = _repeat(word[:-1])
    for c in (" ", "a"):
        shapes[f"nested ( + {c!r}"] = _nested(c)
    shapes["all its characters"] = _repeat("".join(chars) or "a")
    return shapes


def _cost(compiled: re.Pattern[str], text: str, match_only: bool, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.thread_time()
        if match_only:
            compiled.match(text)
        else:
            for _ in compiled.finditer(text):
                pass
        best = min(best, time.thread_time() - started)
    return best


def growth(compiled: re.Pattern[str], shape: Shape, match_only: bool) -> str | None:
    """None when the cost of `shape` grows linearly with its size, else what was measured."""
    # Judge the first step whose larger text is measurable; a quadratic
    # pattern is caught at small sizes, before it could run for minutes.
    for index, size in enumerate(SIZES):
        if _cost(compiled, shape(size), match_only, 1) >= MEASURABLE_SECONDS:
            small, large = SIZES[max(index - 1, 0)], SIZES[max(index, 1)]
            break
    else:
        return None
    # Best of several runs: cache misses and frequency changes only ever
    # inflate a run. Long runs are already reliable, so a slow pattern fails
    # at once instead of running a quadratic search ten more times.
    for runs in (1, 3, 7):
        a = _cost(compiled, shape(small), match_only, runs)
        b = _cost(compiled, shape(large), match_only, runs)
        ratio = b / max(a, 1e-6)
        if ratio <= MAX_GROWTH:
            return None
        if b > 0.2:
            break
    return (f"{len(shape(small))} -> {len(shape(large))} chars: "
            f"{a * 1000:.1f} -> {b * 1000:.1f} ms CPU (x{ratio:.0f})")


def test_patterns_were_collected() -> None:
    patterns = shipped_patterns()
    modules = {p.module for p in patterns}
    assert {"newsevents.classifier.cleaning", "newsevents.classifier.sentences",
            "newsevents.linker.dates", "newsevents.classifier.gazetteer"} <= modules
    # Built at run time from the lexicons: boilerplate markers of every language.
    assert sum(1 for p in patterns if not p.names and "photo" in p.pattern) >= 10
    named = [p for p in patterns if p.names]
    assert len(named) >= 30 and len(patterns) >= 60


def test_no_pattern_grows_faster_than_linearly() -> None:
    slow = []
    checked = 0
    for shipped in shipped_patterns():
        compiled, match_only = shipped.compiled(), shipped.match_only()
        for name, shape in adversarial(shipped).items():
            checked += 1
            with hang_detector(f"{shipped.label} on {name}"):
                verdict = growth(compiled, shape, match_only)
            if verdict is not None:
                slow.append(f"{shipped.label} {shipped.pattern[:70]!r} on {name}: {verdict}")
                break
    tally.count("shapes of test_no_pattern_grows_faster_than_linearly (not hypothesis)",
                cases=checked)
    assert slow == [], "\n".join(slow)


@st.composite
def near_matches(draw: st.DrawFn) -> tuple[Shipped, str]:
    """A pattern and a unit of text that almost matches it, to be repeated."""
    shipped = draw(st.sampled_from(shipped_patterns()))
    found = draw(st.from_regex(shipped.compiled()))
    cut = draw(st.integers(0, max(0, len(found) - 1)))
    noise = draw(st.sampled_from(["", " ", "\n", "(", *NASTY[:12]]))
    unit = found[:cut] + noise + found[cut + 1:] if draw(st.booleans()) else found + noise
    return shipped, unit or "a"


@settings(FUZZ, max_examples=1200)
@given(case=near_matches())
def test_no_pattern_grows_on_repeated_near_matches(case: tuple[Shipped, str]) -> None:
    shipped, unit = case
    tally.count("test_no_pattern_grows_on_repeated_near_matches")
    with hang_detector(f"{shipped.label} on {unit[:40]!r} repeated"):
        verdict = growth(shipped.compiled(), _repeat(unit, ""), shipped.match_only())
    assert verdict is None, f"{shipped.label} {shipped.pattern[:70]!r}: {verdict}"
