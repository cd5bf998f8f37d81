"""The Dockerfile, checked without Docker: hadolint, and its structure read by dockerfile-parse."""

from __future__ import annotations

from typing import Any

from dockerfile_parse import DockerfileParser  # type: ignore[import-untyped]

from tests.deploy.toolchain import REPO, must, tool


def parsed() -> Any:
    return DockerfileParser(path=str(REPO / "Dockerfile"))


def final_stage(instructions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    starts = [i for i, ins in enumerate(instructions) if ins["instruction"] == "FROM"]
    return instructions[starts[-1]:]


def test_hadolint_finds_nothing() -> None:
    must([tool("hadolint"), "--failure-threshold", "info", str(REPO / "Dockerfile")])


def test_multi_stage_on_pinned_python_slim() -> None:
    df = parsed()
    froms = [ins["value"] for ins in df.structure if ins["instruction"] == "FROM"]
    assert len(froms) >= 2, "build and runtime stages"
    args = dict(ins["value"].split("=", 1) for ins in df.structure
                if ins["instruction"] == "ARG" and "=" in ins["value"])
    base = args.get("PYTHON_IMAGE", "")
    assert base.startswith("python:3.11-slim"), base
    # The compiled matcher needs Rust >= 1.74: a pinned toolchain image, same Debian.
    assert args.get("RUST_IMAGE", "").startswith("rust:1."), args
    assert base.split("-")[-1] == args["RUST_IMAGE"].split("-")[-1], "one Debian release"
    for value in froms:
        image = value.split()[0]
        for name, pinned in args.items():
            image = image.replace(f"${{{name}}}", pinned)
        assert ":" in image and not image.endswith(":latest"), value


def test_runtime_stage_runs_as_uid_10001_the_newsevents_entrypoint() -> None:
    runtime = final_stage(parsed().structure)
    users = [ins["value"] for ins in runtime if ins["instruction"] == "USER"]
    assert users and users[-1].split(":")[0] == "10001"
    assert any(ins["instruction"] == "COPY" and ins["value"].startswith("--from=build")
               for ins in runtime), "the runtime stage copies the built venv only"
    assert not any(ins["instruction"] == "RUN" and "pip install" in ins["value"]
                   for ins in runtime), "nothing is installed in the runtime stage"
    by_kind = {ins["instruction"]: ins["value"] for ins in runtime}
    assert by_kind["ENTRYPOINT"] == '["newsevents"]'
    assert by_kind["CMD"] == '["worker", "--stage", "all"]'
    assert by_kind["EXPOSE"] == "6066"
    env = parsed().envs
    assert env["NEWSEVENTS_WEB_HOST"] == "0.0.0.0"
    assert env["NEWSEVENTS_DATA_DIR"].startswith("/tmp/")


def test_build_stage_installs_the_lock_then_the_package_and_builds_the_kb() -> None:
    runs = " ".join(ins["value"] for ins in parsed().structure if ins["instruction"] == "RUN")
    assert "-r requirements.lock" in runs
    assert "pip install --no-deps ." in runs
    assert "native_available" in runs, "the image fails to build without its compiled matcher"
    assert "python -m newsevents.linker.kb_build" in runs
    assert runs.index("requirements.lock") < runs.index("kb_build")


def test_dockerignore_sends_only_what_the_build_copies() -> None:
    lines = [ln.strip() for ln in (REPO / ".dockerignore").read_text().splitlines()
             if ln.strip() and not ln.startswith("#")]
    assert lines[0] == "*"
    allowed = {ln[1:].rstrip("/") for ln in lines if ln.startswith("!")}
    copied = {ins["value"].split()[0].rstrip("/")
              for ins in parsed().structure
              if ins["instruction"] == "COPY" and not ins["value"].startswith("--from")}
    copied = {c for v in copied for c in v.split()}
    assert copied <= allowed, copied - allowed
