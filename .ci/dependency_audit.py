"""`make audit`: pip-audit of requirements.lock, completed where this network blinds it.

pip-audit asks PyPI for each pin's advisories at /pypi/NAME/VERSION/json. The
machines this project runs on reach PyPI through a mirror that answers only
/pypi/NAME/json (and OSV not at all), so pip-audit reports every pin as "not
found on PyPI", audits nothing, and still exits 0. This script runs pip-audit
unchanged (so on a normal network it is the whole audit), then audits each
pin pip-audit skipped from /pypi/NAME/json, whose `vulnerabilities` are those
of the newest release: exact for a pin that is the newest release, which most
of ours are. A pin older than the newest release cannot be audited here; it
is listed by name so the gap is never silent.

Exit status: 0 clean, 1 a known vulnerability in a pin, 2 the audit could not run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_URL = "https://pypi.org/pypi/{name}/json"


@dataclass(frozen=True)
class Finding:
    name: str
    version: str
    ids: list[str]
    fixed_in: list[str]
    source: str


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(lock: Path) -> dict[str, tuple[str, str]]:
    """canonical name -> (name as written, version), for every `name==version` line."""
    pins: dict[str, tuple[str, str]] = {}
    for line in lock.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        if not sep:
            raise SystemExit(f"{lock}: not an exact pin: {line!r}")
        pins[canonical(name)] = (name.strip(), version.strip())
    return pins


def run_pip_audit(pip_audit: str, lock: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audit.json"
        # --no-deps/--disable-pip: the lock is complete, audit exactly its pins.
        cmd = [pip_audit, "-r", str(lock), "--no-deps", "--disable-pip",
               "--progress-spinner", "off", "--desc", "off", "-f", "json", "-o", str(out)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        # 0: nothing found, 1: vulnerabilities found; anything else: it did not run.
        if done.returncode not in (0, 1) or not out.exists():
            print(done.stdout, done.stderr, sep="\n", file=sys.stderr)
            raise SystemExit(2)
        result: dict[str, Any] = json.loads(out.read_text())
        return result


def project_json(name: str, timeout: float) -> dict[str, Any] | None:
    request = urllib.request.Request(PROJECT_URL.format(name=name),
                                     headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: dict[str, Any] = json.load(response)
            return data
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise


def audit(lock: Path, pip_audit: str, timeout: float) -> int:
    pins = read_pins(lock)
    report = run_pip_audit(pip_audit, lock)
    findings: list[Finding] = []
    audited_by_pip_audit = 0
    skipped: list[str] = []
    for dep in report["dependencies"]:
        if "skip_reason" in dep:
            skipped.append(canonical(dep["name"]))
            continue
        audited_by_pip_audit += 1
        for vuln in dep.get("vulns", []):
            findings.append(Finding(dep["name"], dep["version"], [vuln["id"], *vuln["aliases"]],
                                    vuln["fix_versions"], "pip-audit"))

    audited_from_project = 0
    unauditable: list[str] = []
    for key in skipped:
        name, version = pins.get(key, (key, "?"))
        try:
            data = project_json(key, timeout)
        except (OSError, ValueError) as exc:
            print(f"audit: cannot read PyPI's record of {name}: {exc}", file=sys.stderr)
            return 2
        if data is None:
            unauditable.append(f"{name}=={version} (not on PyPI)")
            continue
        latest = data["info"]["version"]
        if latest != version:
            unauditable.append(f"{name}=={version} (PyPI lists advisories of {latest} only)")
            continue
        audited_from_project += 1
        for vuln in data.get("vulnerabilities") or []:
            if vuln.get("withdrawn"):
                continue
            findings.append(Finding(name, version, [vuln["id"], *vuln.get("aliases", [])],
                                    list(vuln.get("fixed_in") or []), "PyPI project record"))

    print(f"audit of {lock}: {len(pins)} pins; {audited_by_pip_audit} audited by pip-audit, "
          f"{audited_from_project} from PyPI's project record (pin is the newest release), "
          f"{len(unauditable)} could not be audited on this network")
    for entry in unauditable:
        print(f"  not audited: {entry}")
    for f in findings:
        fixed = ", ".join(f.fixed_in) or "no fix yet"
        print(f"  VULNERABLE: {f.name}=={f.version} {' / '.join(f.ids)} (fixed in: {fixed}; "
              f"from {f.source})")
    if findings:
        print(f"{len(findings)} known vulnerabilit{'y' if len(findings) == 1 else 'ies'}: "
              "upgrade the pins above in pyproject.toml and requirements.lock")
        return 1
    print("no known vulnerabilities in the audited pins")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dependency_audit", description=__doc__.split("\n")[0])
    parser.add_argument("lock", type=Path, nargs="?", default=Path("requirements.lock"))
    parser.add_argument("--pip-audit", default=str(Path(sys.executable).with_name("pip-audit")))
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    return audit(args.lock, args.pip_audit, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
