"""`make run ONCE=1` in miniature: `newsevents demo --once` prints the seed's two events."""

from __future__ import annotations

import random
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES

pytestmark = pytest.mark.integration

# Linux hands out ephemeral ports (every client connection's own end) from
# 32768 up: consecutive ports below that are not taken from under the demo.
_BELOW_EPHEMERAL = (20000, 32000)


def free_web_ports(count: int) -> int:
    """The first of `count` consecutive ports that are free now, below the ephemeral range."""
    for _ in range(100):
        base = random.randint(*_BELOW_EPHEMERAL)
        socks = []
        try:
            for port in range(base, base + count):
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                socks.append(sock)
                sock.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for sock in socks:
                sock.close()
    raise RuntimeError(f"no {count} consecutive free ports in {_BELOW_EPHEMERAL}")


def test_demo_once_prints_the_seed_events_and_exits(
    pipeline_env: dict[str, str], seed_path: Path
) -> None:
    base_port = free_web_ports(3)
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
