# newsevents: `make run` shows the pipeline working, `make test` proves it.
# Everything installs itself: a venv in .venv/, Kafka's jars via mvn into .cache/.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KB := services/newsevents/linker/data/kb.json.gz
CLF := services/newsevents/classifier/data/lexicons.json.gz
KAFKA_PORT ?= 9092
PYTEST_ARGS ?=

.DEFAULT_GOAL := install
.PHONY: help install kb kafka kafka-stop run test faults fuzz lint audit schemas eval clean

help:  ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

# The editable install also compiles services/native (cargo): its sources are prerequisites.
$(STAMP): pyproject.toml requirements.lock services/native/Cargo.toml services/native/Cargo.lock $(wildcard services/native/src/*.rs)
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade "pip==26.3"
	$(BIN)/pip install -q -c requirements.lock -e ".[dev]"
	@touch $@

install: $(STAMP)  ## create .venv and install the pinned project

$(KB): $(STAMP) $(wildcard services/newsevents/linker/*.py services/newsevents/linker/data/*.yaml)
	$(BIN)/python -m newsevents.linker.kb_build --out $(KB)

kb: $(KB) $(CLF)  ## build the entity knowledge base and the compiled lexicons from packaged data

$(CLF): $(STAMP) $(wildcard services/newsevents/classifier/lexicons/*.yaml services/newsevents/classifier/*.py)
	$(BIN)/python -m newsevents.classifier.compile_lexicons --out $(CLF)

kafka: $(STAMP)  ## start a local Kafka broker on KAFKA_PORT (default 9092) in the background
	$(BIN)/python -m newsevents.localkafka start --port $(KAFKA_PORT)

kafka-stop: $(STAMP)  ## stop the local broker started by `make kafka`
	$(BIN)/python -m newsevents.localkafka stop --port $(KAFKA_PORT)

run: $(STAMP) $(KB) $(CLF)  ## run the pipeline on the samples and print events (ONCE=1: exit when done)
	KAFKA_PORT=$(KAFKA_PORT) $(BIN)/newsevents demo $(if $(ONCE),--once)

test: $(STAMP) $(KB) $(CLF) deploy-tools  ## run the whole suite: unit, integration on a real broker, deploy checks
	$(BIN)/python -m newsevents.localkafka resolve >/dev/null
	$(BIN)/pytest $(PYTEST_ARGS)

faults: $(STAMP) $(KB) $(CLF)  ## only the fault tests: kill -9, SIGTERM, broker restart and loss, rebalance
	$(BIN)/python -m newsevents.localkafka resolve >/dev/null
	$(BIN)/pytest -m faults tests/faults $(PYTEST_ARGS)

fuzz: $(STAMP) $(KB) $(CLF)  ## only the hostile-input fuzz suite (decoder, cores, regexes); prints case counts
	$(BIN)/pytest -m fuzz tests/fuzz $(PYTEST_ARGS)

lint: $(STAMP)  ## ruff and mypy
	$(BIN)/ruff check services tests deploy bench
	$(BIN)/mypy
	$(BIN)/mypy tests
	$(BIN)/mypy --strict deploy/grafana/dashboards.py deploy/grafana/render.py deploy/grafana/snapshot.py deploy/fetch_helm.py

audit: $(STAMP)  ## pip-audit of requirements.lock (what this network hides: .ci/dependency_audit.py)
	$(BIN)/python .ci/dependency_audit.py requirements.lock

schemas: $(STAMP)  ## write the JSON Schemas of the message models to schemas/
	$(BIN)/python -m newsevents.schemas schemas

clean:  ## remove the venv and caches (keeps Kafka's jars in .cache/)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

eval: $(STAMP) $(KB) $(CLF)  ## score `newsevents extract` on the labelled dev set (writes eval/results.json)
	$(BIN)/python -m newsevents.evaluation tests/data/devset --out eval/results.json

include deploy/deploy.mk
include bench/bench.mk
