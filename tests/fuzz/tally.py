"""How many cases each fuzz test ran and how they ended, for the session summary.

Hypothesis runs a test body once per case inside one pytest item, so the
bodies count themselves; `conftest.py` prints the tally after the run.
"""

from __future__ import annotations

from collections import Counter, defaultdict

CASES: Counter[str] = Counter()
# test -> outcome ("processed", or the dead-letter reason) -> count
OUTCOMES: defaultdict[str, Counter[str]] = defaultdict(Counter)


def count(test: str, outcome: str | None = None, cases: int = 1) -> None:
    CASES[test] += cases
    if outcome is not None:
        OUTCOMES[test][outcome] += cases


def summary() -> list[str]:
    lines = []
    for test, cases in CASES.items():
        ends = ", ".join(f"{k} {v}" for k, v in OUTCOMES[test].most_common())
        lines.append(f"{test}: {cases} cases" + (f" ({ends})" if ends else ""))
    hypothesis = sum(v for k, v in CASES.items() if k.startswith("test_"))
    lines.append(f"total: {hypothesis} hypothesis cases")
    return lines
