""".ci/dependency_audit.py: a vulnerable pin fails the audit whichever PyPI API reports it.

pip-audit is replaced by a script that writes the JSON report pip-audit
would, and PyPI's project records by a dictionary, so these run offline.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "dependency_audit.py"


def load_audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dependency_audit", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve string annotations through sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def fake_pip_audit(tmp_path: Path, dependencies: list[dict[str, Any]], code: int) -> str:
    """An executable that writes `dependencies` as pip-audit's JSON report to -o."""
    script = tmp_path / "pip-audit"
    report = json.dumps({"dependencies": dependencies, "fixes": []})
    script.write_text(
        f"#!{sys.executable}\nimport sys\nout = sys.argv[sys.argv.index('-o') + 1]\n"
        f"open(out, 'w').write({report!r})\nsys.exit({code})\n"
    )
    script.chmod(0o755)
    return str(script)


def skipped(name: str, version: str) -> dict[str, Any]:
    return {"name": name, "skip_reason": f"Dependency not found on PyPI and could not be "
                                         f"audited: {name} ({version})"}


ADVISORY = {"id": "PYSEC-2099-1", "aliases": ["CVE-2099-0001"], "fixed_in": ["2.0.1"],
            "withdrawn": None, "summary": "made up for this test"}


@pytest.fixture
def lock(tmp_path: Path) -> Path:
    path = tmp_path / "requirements.lock"
    path.write_text("# pins\nSafe_Pkg==1.0\nvulnerable-pkg==2.0\nold.pkg==0.9\n")
    return path


def records(monkeypatch: pytest.MonkeyPatch, module: ModuleType,
            by_name: dict[str, dict[str, Any]]) -> None:
    monkeypatch.setattr(module, "project_json", lambda name, timeout: by_name.get(name))


def test_blind_pip_audit_is_completed_from_project_records(
    tmp_path: Path, lock: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    module = load_audit()
    pip_audit = fake_pip_audit(tmp_path, [skipped("safe-pkg", "1.0"),
                                          skipped("vulnerable-pkg", "2.0"),
                                          skipped("old-pkg", "0.9")], code=0)
    records(monkeypatch, module, {
        "safe-pkg": {"info": {"version": "1.0"}, "vulnerabilities": []},
        "vulnerable-pkg": {"info": {"version": "2.0"}, "vulnerabilities": [ADVISORY]},
        # Its advisories describe 1.2, not our 0.9: not audited, and said so.
        "old-pkg": {"info": {"version": "1.2"}, "vulnerabilities": [ADVISORY]},
    })
    assert module.audit(lock, pip_audit, 5.0) == 1
    out = capsys.readouterr().out
    assert "2 from PyPI's project record" in out and "1 could not be audited" in out
    assert "VULNERABLE: vulnerable-pkg==2.0 PYSEC-2099-1 / CVE-2099-0001" in out
    assert "not audited: old.pkg==0.9" in out
    assert "old.pkg==0.9 PYSEC" not in out

    records(monkeypatch, module, {
        "safe-pkg": {"info": {"version": "1.0"}, "vulnerabilities": []},
        "vulnerable-pkg": {"info": {"version": "2.0"},
                           "vulnerabilities": [{**ADVISORY, "withdrawn": "2099-01-01"}]},
    })
    assert module.audit(lock, pip_audit, 5.0) == 0
    assert "not audited: old.pkg==0.9 (not on PyPI)" in capsys.readouterr().out


def test_what_pip_audit_finds_fails_the_audit(
    tmp_path: Path, lock: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = load_audit()
    found = {"name": "vulnerable-pkg", "version": "2.0",
             "vulns": [{"id": "GHSA-xxxx", "aliases": [], "fix_versions": ["2.1"]}]}
    clean = [{"name": "safe-pkg", "version": "1.0", "vulns": []},
             {"name": "old-pkg", "version": "0.9", "vulns": []}]
    records(monkeypatch, module, {})
    assert module.audit(lock, fake_pip_audit(tmp_path, [found, *clean], code=1), 5.0) == 1
    clean_run = fake_pip_audit(tmp_path, [{**found, "vulns": []}, *clean], code=0)
    assert module.audit(lock, clean_run, 5.0) == 0
    with pytest.raises(SystemExit) as broken:
        module.audit(lock, fake_pip_audit(tmp_path, [], code=2), 5.0)
    assert broken.value.code == 2
