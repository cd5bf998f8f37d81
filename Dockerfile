# syntax=docker/dockerfile:1
# newsevents worker image: `docker build -t newsevents:0.1.0 .`
# Runs one stage per container (the Helm chart passes `worker --stage <name>`).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm
ARG RUST_IMAGE=rust:1.95-slim-bookworm

# --- rust: the toolchain for the classifier's compiled matcher (services/native)
FROM ${RUST_IMAGE} AS rust

# --- build: a venv with the pinned dependencies, the package and its knowledge base
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
# Compilers only in this stage, for any dependency without a wheel for this platform.
# Unpinned on purpose: they come from the base image's Debian release, whose point
# releases would break an exact pin; nothing of them reaches the runtime image.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
COPY --from=rust /usr/local/cargo /usr/local/cargo
COPY --from=rust /usr/local/rustup /usr/local/rustup
ENV CARGO_HOME=/usr/local/cargo \
    RUSTUP_HOME=/usr/local/rustup
RUN python -m venv /opt/newsevents
ENV PATH=/opt/newsevents/bin:/usr/local/cargo/bin:$PATH
WORKDIR /src
# Dependencies first, in their own layer: they change far less often than the code.
COPY requirements.lock ./
RUN pip install --prefer-binary -r requirements.lock
COPY pyproject.toml README.md ./
COPY services ./services
RUN pip install --no-deps . \
 && pip check \
 && python -c "from newsevents.classifier.matcher import native_available as n; assert n()"
# The KB goes inside the installed package, where the linker looks for it.
RUN python -m newsevents.linker.kb_build \
 && python -c "from newsevents.linker.kb_build import DEFAULT_KB_PATH as p; assert p.is_file(), p"

# --- runtime: the venv only, as an unprivileged user
FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="newsevents" \
      org.opencontainers.image.description="Real-time multilingual news event extraction on Kafka" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 newsevents \
 && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home \
      --shell /usr/sbin/nologin newsevents
COPY --from=build /opt/newsevents /opt/newsevents
# Bind the metrics/health server to all interfaces so probes and Prometheus reach it;
# /tmp is the one writable place under a read-only root filesystem.
ENV PATH=/opt/newsevents/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    NEWSEVENTS_WEB_HOST=0.0.0.0 \
    NEWSEVENTS_WEB_PORT=6066 \
    NEWSEVENTS_DATA_DIR=/tmp/newsevents
USER 10001:10001
WORKDIR /tmp
EXPOSE 6066
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('NEWSEVENTS_WEB_PORT', '6066'), timeout=2)"]
ENTRYPOINT ["newsevents"]
CMD ["worker", "--stage", "all"]
