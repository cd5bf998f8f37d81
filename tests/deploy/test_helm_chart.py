"""deploy/helm/newsevents: lint, render, validate every object, and check what it deploys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from cloudcoil.models.keda import v1alpha1 as keda
from cloudcoil.models.prometheus_operator import v1 as monitoring
from pydantic import BaseModel

from newsevents.alert.rules import load_rules
from newsevents.settings import Settings
from tests.deploy.toolchain import (
    CHART,
    CI_VALUES,
    DASHBOARDS,
    KUBE_VERSION,
    RULES,
    by_kind,
    helm_template,
    must,
    render,
    run,
    tool,
)

CI = {p.stem: p for p in CI_VALUES}
CRD_MODELS: dict[str, type[BaseModel]] = {
    "ServiceMonitor": monitoring.ServiceMonitor,
    "PrometheusRule": monitoring.PrometheusRule,
    "ScaledObject": keda.ScaledObject,
}
STAGES = ("classifier", "linker", "alert")


def env_of(deployment: dict[str, Any]) -> dict[str, Any]:
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container["env"]}


def test_ci_values_cover_defaults_all_features_and_sasl_tls() -> None:
    assert set(CI) == {"default-values", "all-features-values", "sasl-tls-values"}


@pytest.mark.parametrize("values", CI_VALUES, ids=[p.stem for p in CI_VALUES])
def test_helm_lint_strict(values: Path) -> None:
    out = must([tool("helm"), "lint", "--strict", "--kube-version", KUBE_VERSION,
                str(CHART), "-f", str(values)])
    assert "0 chart(s) failed" in out


@pytest.mark.parametrize("values", CI_VALUES, ids=[p.stem for p in CI_VALUES])
def test_rendered_objects_pass_kubernetes_validate_strict(values: Path) -> None:
    manifest = helm_template("-f", str(values)).stdout
    out = must([tool("kubernetes-validate"), "--strict", "--quiet",
                "--kubernetes-version", KUBE_VERSION, "-"], stdin=manifest)
    # CRDs have no schema in kubernetes-validate: the typed models below check them.
    kinds = {d["kind"] for d in yaml.safe_load_all(manifest) if d}
    assert all(k in CRD_MODELS for k in kinds - {
        "Deployment", "Service", "ServiceAccount", "PodDisruptionBudget", "ConfigMap",
        "HorizontalPodAutoscaler"}), kinds
    assert "failed" not in out.lower()


def test_kubernetes_validate_rejects_an_unknown_field() -> None:
    # Proves the strict check is on: a typo in a pass-through value must not render silently.
    manifest = helm_template("-f", str(CI["default-values"]),
                             "--set", "securityContext.readOnlyRootFilesytem=true").stdout
    done = run([tool("kubernetes-validate"), "--strict", "--quiet",
                "--kubernetes-version", KUBE_VERSION, "-"], stdin=manifest)
    assert done.returncode != 0
    assert "readOnlyRootFilesytem" in done.stdout + done.stderr


@pytest.mark.parametrize("values", CI_VALUES, ids=[p.stem for p in CI_VALUES])
def test_custom_resources_match_their_typed_models(values: Path) -> None:
    for obj in render(values):
        model = CRD_MODELS.get(obj["kind"])
        if model is None:
            continue
        # The models ignore unknown fields; a field lost on the round trip is one
        # the operator would ignore too, i.e. a mistake in the template.
        back = model.model_validate(obj).model_dump(by_alias=True, exclude_none=True, mode="json")
        assert back == obj, f"{obj['kind']} {obj['metadata']['name']} has unknown fields"


@pytest.mark.parametrize("values", ["all-features-values", "sasl-tls-values"])
def test_rendered_prometheus_rule_passes_promtool(values: str, tmp_path: Path) -> None:
    (rule,) = by_kind(render(CI[values]), "PrometheusRule").values()
    path = tmp_path / "rendered-rules.yaml"
    path.write_text(yaml.safe_dump({"groups": rule["spec"]["groups"]}))
    must([tool("promtool"), "check", "rules", "--lint-fatal", str(path)])


def test_chart_files_are_the_one_copy_of_rules_and_dashboards() -> None:
    files = CHART / "files"
    assert (files / "prometheus-rules.yaml").resolve() == RULES.resolve()
    shipped = sorted((files / "dashboards").glob("*.json"))
    assert [p.name for p in shipped] == [p.name for p in DASHBOARDS]
    for link, source in zip(shipped, DASHBOARDS, strict=True):
        assert link.read_bytes() == source.read_bytes()


def test_defaults_deploy_each_stage_hardened_and_probed() -> None:
    objects = render(CI["default-values"])
    deployments = by_kind(objects, "Deployment")
    assert set(deployments) == {f"news-newsevents-{s}" for s in STAGES}
    assert set(by_kind(objects, "Service")) == set(deployments)
    assert set(by_kind(objects, "PodDisruptionBudget")) == set(deployments)
    assert not {"ServiceMonitor", "PrometheusRule", "ScaledObject"} & {o["kind"] for o in objects}
    for stage in STAGES:
        dep = deployments[f"news-newsevents-{stage}"]
        pod = dep["spec"]["template"]["spec"]
        (container,) = pod["containers"]
        assert container["args"] == ["worker", "--stage", stage]
        assert not container["image"].endswith(":latest") and ":" in container["image"]
        env = env_of(dep)
        assert env["KAFKA_BOOTSTRAP_SERVERS"] == "kafka-0.kafka-headless:9092"
        assert env["NEWSEVENTS_WEB_HOST"] == "0.0.0.0"
        assert env["NEWSEVENTS_DATA_DIR"] == "/tmp/newsevents"
        assert env["NEWSEVENTS_KAFKA_SECURITY_PROTOCOL"] == "PLAINTEXT"
        assert "NEWSEVENTS_ALERT_RULES_FILE" not in env
        assert float(env["NEWSEVENTS_SHUTDOWN_TIMEOUT_SECONDS"]) < pod[
            "terminationGracePeriodSeconds"]
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == 10001
        sc = container["securityContext"]
        assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
        assert sc["capabilities"]["drop"] == ["ALL"]
        tmp = next(v for v in pod["volumes"] if v["name"] == "tmp")
        assert "emptyDir" in tmp
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]
        svc = by_kind(objects, "Service")[f"news-newsevents-{stage}"]
        assert svc["spec"]["selector"]["app.kubernetes.io/component"] == stage
        assert svc["spec"]["ports"][0]["name"] == "metrics"


def test_all_features_render_monitoring_autoscaling_and_alert_rules() -> None:
    objects = render(CI["all-features-values"])
    (monitor,) = by_kind(objects, "ServiceMonitor").values()
    endpoint = monitor["spec"]["endpoints"][0]
    assert endpoint["port"] == "metrics" and endpoint["path"] == "/metrics"
    assert {"action": "replace", "targetLabel": "job", "replacement": "newsevents"} in endpoint[
        "relabelings"]
    assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"

    (rule,) = by_kind(objects, "PrometheusRule").values()
    source = yaml.safe_load(RULES.read_text())["groups"]
    rendered = rule["spec"]["groups"]
    assert [r.get("alert") or r.get("record") for g in rendered for r in g["rules"]] == [
        r.get("alert") or r.get("record") for g in source for r in g["rules"]]
    runbooks = [r["annotations"]["runbook"] for g in rendered for r in g["rules"] if "alert" in r]
    assert runbooks and all(u.startswith("https://runbooks.example.org/newsevents#")
                            for u in runbooks)

    boards = by_kind(objects, "ConfigMap")["news-newsevents-dashboards"]
    assert boards["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert {k: json.loads(v) for k, v in boards["data"].items()} == {
        p.name: json.loads(p.read_text()) for p in DASHBOARDS}

    deployments = by_kind(objects, "Deployment")
    for stage in STAGES:
        dep = deployments[f"news-newsevents-{stage}"]
        has_rules = "NEWSEVENTS_ALERT_RULES_FILE" in env_of(dep)
        assert has_rules == (stage == "alert"), stage
        assert "replicas" not in dep["spec"], "KEDA owns the replica count"
    alert_pod = deployments["news-newsevents-alert"]["spec"]["template"]
    assert env_of(deployments["news-newsevents-alert"])["NEWSEVENTS_ALERT_RULES_FILE"] == (
        "/etc/newsevents/alert-rules.yaml")
    assert "checksum/alert-rules" in alert_pod["metadata"]["annotations"]
    mounts = alert_pod["spec"]["containers"][0]["volumeMounts"]
    assert any(m["mountPath"] == "/etc/newsevents/alert-rules.yaml" for m in mounts)

    scaled = by_kind(objects, "ScaledObject")
    trigger = scaled["news-newsevents-linker"]["spec"]["triggers"][0]
    assert trigger["type"] == "kafka"
    assert trigger["metadata"]["consumerGroup"] == "news-prod-linker"
    assert trigger["metadata"]["topic"] == "prod.articles.classified"


def test_sasl_tls_reads_credentials_from_existing_secrets() -> None:
    objects = render(CI["sasl-tls-values"])
    (dep,) = by_kind(objects, "Deployment").values()
    assert dep["spec"]["template"]["spec"]["containers"][0]["args"][-1] == "all"
    env = env_of(dep)
    assert env["NEWSEVENTS_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert env["NEWSEVENTS_KAFKA_SASL_MECHANISM"] == "SCRAM-SHA-512"
    assert env["NEWSEVENTS_KAFKA_SASL_USERNAME"] == {
        "secretKeyRef": {"name": "newsevents-kafka-credentials", "key": "username"}}
    assert env["NEWSEVENTS_KAFKA_SASL_PASSWORD_FILE"] == "/etc/newsevents/kafka-sasl/password"
    assert env["NEWSEVENTS_KAFKA_SSL_CAFILE"] == "/etc/newsevents/kafka-tls/ca.crt"
    assert env["NEWSEVENTS_ALERT_RULES_FILE"] == "/etc/newsevents/alert-rules.yaml"
    secrets = {v["name"]: v["secret"]["secretName"]
               for v in dep["spec"]["template"]["spec"]["volumes"] if "secret" in v}
    assert secrets == {"kafka-sasl": "newsevents-kafka-credentials",
                       "kafka-tls": "newsevents-kafka-ca"}
    assert not any("password" in json.dumps(o).lower() and o["kind"] == "Secret" for o in objects)
    assert "news-newsevents-all" in by_kind(objects, "HorizontalPodAutoscaler")


@pytest.mark.parametrize("values", ["all-features-values", "sasl-tls-values"])
def test_alert_rules_config_map_is_a_file_the_alert_stage_accepts(
    values: str, tmp_path: Path
) -> None:
    rules_map = by_kind(render(CI[values]), "ConfigMap")["news-newsevents-alert-rules"]
    path = tmp_path / "alert-rules.yaml"
    path.write_text(rules_map["data"]["alert-rules.yaml"])
    loaded = load_rules(path)  # what the worker does at start; raises naming the bad line
    given = yaml.safe_load(CI[values].read_text())["alertRules"]
    given = yaml.safe_load(given) if isinstance(given, str) else given
    assert [r.name for r in loaded.rules] == [r["name"] for r in given["rules"]]


@pytest.mark.parametrize("values", CI_VALUES, ids=[p.stem for p in CI_VALUES])
def test_every_pod_runs_non_root_read_only_without_capabilities(values: Path) -> None:
    # Every configuration, not only the defaults: SASL/TLS mounts or the 'all' stage
    # must not bring back root, a writable image or a capability.
    deployments = by_kind(render(values), "Deployment")
    assert deployments
    for name, dep in deployments.items():
        pod = dep["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] != 0, name
        assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault", name
        assert not pod.get("hostNetwork") and not pod.get("hostPID") and not pod.get("hostIPC")
        for container in pod["containers"] + pod.get("initContainers", []):
            sc = container["securityContext"]
            assert sc["readOnlyRootFilesystem"] is True, name
            assert sc["allowPrivilegeEscalation"] is False, name
            assert sc.get("privileged", False) is False, name
            assert sc["capabilities"]["drop"] == ["ALL"], name
            assert not sc["capabilities"].get("add"), name
            assert sc.get("runAsUser", 1) != 0, name
            # Secrets and config come in read-only; only /tmp is writable.
            writable = {m["mountPath"] for m in container.get("volumeMounts", [])
                        if not m.get("readOnly")}
            assert writable == {"/tmp"}, (name, writable)


# Announced settings the chart already passes; drop each once settings.py reads it.
FUTURE_SETTINGS: set[str] = set()


@pytest.mark.parametrize("values", CI_VALUES, ids=[p.stem for p in CI_VALUES])
def test_every_variable_the_chart_sets_is_a_setting_the_service_reads(values: Path) -> None:
    read = {str(f.validation_alias) if f.validation_alias else f"NEWSEVENTS_{name.upper()}"
            for name, f in Settings.model_fields.items()}
    for dep in by_kind(render(values), "Deployment").values():
        ours = {n for n in env_of(dep) if n.startswith(("NEWSEVENTS_", "KAFKA_"))}
        assert ours - read - FUTURE_SETTINGS == set(), "a typo would be silently ignored"
    assert "NEWSEVENTS_WEB_HOST" in read and "NEWSEVENTS_ALERT_RULES_FILE" in read


@pytest.mark.parametrize(("sets", "message"), [
    ([], "kafka.bootstrapServers is required"),
    (["kafka.bootstrapServers=k:9092", "stages.all.enabled=true"], "enable it alone"),
    (["kafka.bootstrapServers=k:9092", "autoscaling.keda.enabled=true",
      "autoscaling.hpa.enabled=true"], "not both"),
    (["kafka.bootstrapServers=k:9092", "image.tag=latest"], "/image/tag"),
    (["kafka.bootstrapServers=k:9092", "config.logLevel=verbose"], "logLevel"),
    (["kafka.bootstrapServers=k:9092", "kafka.sasl.mechanism=GSSAPI"], "mechanism"),
    (["kafka.bootstrapServers=k:9092", "config.shutdownTimeoutSeconds=30"],
     "terminationGracePeriodSeconds must exceed"),
])
def test_chart_refuses_wrong_values(sets: list[str], message: str) -> None:
    done = helm_template(*(a for s in sets for a in ("--set", s)))
    assert done.returncode != 0
    assert message in done.stderr
