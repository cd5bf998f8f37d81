"""`make run ONCE=1` in miniature: `newsevents demo --once` prints the seed's two events."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES

pytestmark = pytest.mark.integration


def test_demo_once_prints_the_seed_events_and_exits(
    pipeline_env: dict[str, str], seed_path: Path
) -> None:
    base_port = random.randint(20000, 40000)
    done = subprocess.run(
        [sys.executable, "-m", "newsevents.cli.main", "demo", "--once", "--timeout", "240",
         "--base-web-port", str(base_port), str(SAMPLES), str(seed_path.parent)],
        env=pipeline_env, capture_output=True, text=True, timeout=300, cwd=REPO,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = done.stdout
    blocks = [b for b in out.split("\n\n") if b.strip()]
    seed_blocks = [b for b in blocks if "yoldash.net" in b]
    kinds = {b.split("/", 1)[0].strip() for b in seed_blocks}
    assert kinds == {"diplomatic-engagement", "armed-clash"}, out
    diplo = next(b for b in seed_blocks if b.startswith("diplomatic-engagement"))
    assert "Petersburg" in diplo and "MMR" in diplo and "RUS" in diplo
    assert "done:" in done.stderr
