"""Prints how many cases the fuzz suite ran: the issue asks for at least 10,000."""

from __future__ import annotations

import pytest

from tests.fuzz import tally


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if tally.CASES:
        terminalreporter.section("fuzz cases")
        for line in tally.summary():
            terminalreporter.write_line(line)
