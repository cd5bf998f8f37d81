"""Kafka over SASL_SSL (SCRAM-SHA-512) and mutual TLS, against a real broker secured here.

The test makes its own certificate authority, a broker certificate for
127.0.0.1 and a client certificate, starts a broker with a SASL_SSL and an
SSL (client certificate required) listener, and configures our programs only
through the environment, as a Kubernetes pod would be: the password comes
from a mounted file or a variable and must never show in what they print.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pydantic import ValidationError

from newsevents import topics
from newsevents.localkafka.broker import (
    Broker,
    BrokerConfig,
    default_cache_dir,
    free_port,
    resolve_jars,
)
from newsevents.localkafka.security import BrokerTls, ScramUser, SecureListeners, secure
from newsevents.messages import ClassifiedArticle
from newsevents.settings import Settings
from tests.conftest import Workers

pytestmark = pytest.mark.integration

USER = "newsevents-pipeline"
# Distinctive enough that finding it in a log cannot be a coincidence.
PASSWORD = "Sc7am-" + uuid.uuid4().hex
WRONG_PASSWORD = "Wr0ng-" + uuid.uuid4().hex

ARTICLE = {
    "id": "secure-1",
    "source": "wire.example",
    "title": "Foreign ministers of France and Germany meet in Geneva",
    "text": (
        "The foreign ministers of France and Germany met in Geneva on Tuesday to discuss "
        "the ceasefire talks, officials said.\n\nThe two ministers agreed to meet again "
        "next month."
    ),
}


# --- certificates -------------------------------------------------------------------------


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _pem_key(key: ec.EllipticCurvePrivateKey) -> str:
    # Unencrypted PKCS#8 is what Kafka's PEM keystore and Python's ssl both read.
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def _pem_cert(cert: x509.Certificate) -> str:
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def _builder(subject: str, issuer: x509.Name, key: ec.EllipticCurvePrivateKey
             ) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1)))


@dataclass(frozen=True)
class Pki:
    ca_pem: str
    broker_cert_pem: str
    broker_key_pem: str
    client_cert_pem: str
    client_key_pem: str


def make_pki() -> Pki:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (_builder("newsevents test CA", _name("newsevents test CA"), ca_key)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(
              digital_signature=True, key_cert_sign=True, crl_sign=True,
              content_commitment=False, key_encipherment=False, data_encipherment=False,
              key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))

    def leaf(subject: str, usage: x509.ObjectIdentifier, server: bool
             ) -> tuple[str, str]:
        key = ec.generate_private_key(ec.SECP256R1())
        builder = (_builder(subject, ca.subject, key)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                                  critical=True)
                   .add_extension(x509.ExtendedKeyUsage([usage]), critical=False))
        if server:
            # Clients verify the host name: the broker answers on 127.0.0.1.
            builder = builder.add_extension(x509.SubjectAlternativeName([
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost"),
            ]), critical=False)
        return _pem_cert(builder.sign(ca_key, hashes.SHA256())), _pem_key(key)

    broker_cert, broker_key = leaf("127.0.0.1", ExtendedKeyUsageOID.SERVER_AUTH, True)
    client_cert, client_key = leaf(USER, ExtendedKeyUsageOID.CLIENT_AUTH, False)
    return Pki(_pem_cert(ca), broker_cert, broker_key, client_cert, client_key)


# --- the secured broker ------------------------------------------------------------------


@dataclass(frozen=True)
class SecureKafka:
    listeners: SecureListeners
    ca_file: Path
    client_cert_file: Path
    client_key_file: Path
    password_file: Path
    run_dir: Path

    def base_env(self) -> dict[str, str]:
        # Only our settings from here: nothing inherited may point at another broker.
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("NEWSEVENTS_", "KAFKA_"))}
        run = uuid.uuid4().hex[:8]
        return {**env, "NEWSEVENTS_TOPIC_PREFIX": f"sec{run}.",
                "NEWSEVENTS_APP_ID_PREFIX": f"sec{run}", "NEWSEVENTS_TOPIC_PARTITIONS": "1",
                "NEWSEVENTS_DATA_DIR": str(self.run_dir / f"data-{run}")}

    def sasl_env(self, base: dict[str, str], password: str | None = None) -> dict[str, str]:
        """SASL_SSL settings; the password from the mounted file unless one is given."""
        env = {**base, "KAFKA_BOOTSTRAP_SERVERS": self.listeners.sasl_ssl_bootstrap(),
               "NEWSEVENTS_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
               "NEWSEVENTS_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
               "NEWSEVENTS_KAFKA_SASL_USERNAME": USER,
               "NEWSEVENTS_KAFKA_SSL_CAFILE": str(self.ca_file)}
        if password is None:
            env["NEWSEVENTS_KAFKA_SASL_PASSWORD_FILE"] = str(self.password_file)
        else:
            env["NEWSEVENTS_KAFKA_SASL_PASSWORD"] = password
        return env

    def tls_env(self, base: dict[str, str], client_cert: bool = True) -> dict[str, str]:
        env = {**base, "KAFKA_BOOTSTRAP_SERVERS": self.listeners.ssl_bootstrap(),
               "NEWSEVENTS_KAFKA_SECURITY_PROTOCOL": "SSL",
               "NEWSEVENTS_KAFKA_SSL_CAFILE": str(self.ca_file)}
        if client_cert:
            env["NEWSEVENTS_KAFKA_SSL_CERTFILE"] = str(self.client_cert_file)
            env["NEWSEVENTS_KAFKA_SSL_KEYFILE"] = str(self.client_key_file)
        return env


@pytest.fixture(scope="module")
def secure_kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecureKafka]:
    root = tmp_path_factory.mktemp("secure-kafka")
    pki = make_pki()
    files = {"ca.pem": pki.ca_pem, "client.pem": pki.client_cert_pem,
             "client.key": pki.client_key_pem,
             # Mounted Secrets usually end in a newline; the password does not.
             "sasl-password": PASSWORD + "\n"}
    for name, text in files.items():
        (root / name).write_text(text)
    (root / "client.key").chmod(0o600)
    (root / "sasl-password").chmod(0o600)

    listeners = SecureListeners(sasl_ssl_port=free_port(), ssl_port=free_port())
    config = BrokerConfig(data_dir=root / "broker", port=free_port(), controller_port=free_port())
    secure(config, listeners,
           BrokerTls(pki.broker_cert_pem, pki.broker_key_pem, client_ca_pem=pki.ca_pem),
           [ScramUser(USER, PASSWORD)])
    broker = Broker(config, resolve_jars(default_cache_dir()))
    broker.format()
    broker.start()
    try:
        broker.wait_ready(120)
        yield SecureKafka(listeners, root / "ca.pem", root / "client.pem", root / "client.key",
                          root / "sasl-password", root)
    finally:
        # Its data is thrown away: no need to wait for a clean shutdown.
        broker.stop(kill=True)


# --- running our programs ---------------------------------------------------------------


def cli(env: dict[str, str], *args: str, stdin: bytes | None = None
        ) -> subprocess.CompletedProcess[bytes]:
    # The timeout only turns a hang into a failure; nothing here measures speed.
    return subprocess.run([sys.executable, "-m", "newsevents.cli.main", *args], env=env,
                          input=stdin, capture_output=True, timeout=120)


def produce(env: dict[str, str], topic: str, *articles: Mapping[str, object]) -> None:
    lines = b"".join(orjson.dumps(a) + b"\n" for a in articles)
    done = cli(env, "produce", "--quiet", "--topic", topic, "-", stdin=lines)
    assert done.returncode == 0, done.stderr.decode()


def read(env: dict[str, str], topic: str, count: int) -> list[dict[str, object]]:
    done = cli(env, "tail", topic, "--json", "--max-messages", str(count),
               "--idle-timeout", "60")
    assert done.returncode == 0, done.stderr.decode()
    return [orjson.loads(line) for line in done.stdout.splitlines()]


def assert_secret_free(*texts: str | bytes) -> None:
    for text in texts:
        raw = text.encode() if isinstance(text, str) else text
        assert PASSWORD.encode() not in raw, "the SASL password was printed"
        assert WRONG_PASSWORD.encode() not in raw, "a SASL password was printed"


# --- tests -------------------------------------------------------------------------------


def test_settings_keep_the_password_out_of_their_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in list(os.environ):
        if key.startswith(("NEWSEVENTS_", "KAFKA_")):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SASL_USERNAME", USER)
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SASL_PASSWORD", PASSWORD)
    # A chart renders unset values as empty variables: they mean "not set".
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SSL_CERTFILE", "")
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SSL_KEYFILE", "")
    from_env = Settings()
    assert from_env.sasl_password() == PASSWORD
    assert from_env.kafka_ssl_certfile is None
    assert_secret_free(repr(from_env), str(from_env), from_env.model_dump_json())

    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\r\n")
    monkeypatch.delenv("NEWSEVENTS_KAFKA_SASL_PASSWORD")
    monkeypatch.setenv("NEWSEVENTS_KAFKA_SASL_PASSWORD_FILE", str(secret))
    from_file = Settings()
    assert from_file.sasl_password() == PASSWORD
    assert_secret_free(repr(from_file), from_file.model_dump_json())

    monkeypatch.setenv("NEWSEVENTS_KAFKA_SASL_PASSWORD_FILE", str(tmp_path / "not-mounted"))
    with pytest.raises(ValidationError, match="KAFKA_SASL_PASSWORD_FILE is not a readable file"):
        Settings()


def test_cli_clients_over_sasl_ssl_and_mutual_tls(secure_kafka: SecureKafka) -> None:
    base = secure_kafka.base_env()
    sasl_by_variable = secure_kafka.sasl_env(base, password=PASSWORD)
    sasl_by_file = secure_kafka.sasl_env(base)
    tls = secure_kafka.tls_env(base)
    topic = base["NEWSEVENTS_TOPIC_PREFIX"] + "clients"

    first = {**ARTICLE, "id": "over-sasl"}
    second = {**ARTICLE, "id": "over-tls"}
    produce(sasl_by_variable, topic, first)
    produce(tls, topic, second)
    # Each listener reads back what went in through the other one.
    assert [m["id"] for m in read(tls, topic, 2)] == ["over-sasl", "over-tls"]
    assert [m["id"] for m in read(sasl_by_file, topic, 2)] == ["over-sasl", "over-tls"]

    # The SSL listener demands a client certificate signed by our CA.
    anonymous = cli(secure_kafka.tls_env(base, client_cert=False), "tail", topic,
                    "--max-messages", "1", "--idle-timeout", "5")
    assert anonymous.returncode == 2
    assert b"Unable to bootstrap" in anonymous.stderr
    # And a client that does not trust the broker's CA refuses the broker.
    untrusting = cli({**tls, "NEWSEVENTS_KAFKA_SSL_CAFILE": str(secure_kafka.client_cert_file)},
                     "tail", topic, "--max-messages", "1", "--idle-timeout", "5")
    assert untrusting.returncode == 2
    assert b"CERTIFICATE_VERIFY_FAILED" in untrusting.stderr


def test_wrong_password_is_refused_at_once_and_never_printed(
    secure_kafka: SecureKafka, tmp_path: Path
) -> None:
    base = secure_kafka.base_env()
    wrong = secure_kafka.sasl_env(base, password=WRONG_PASSWORD)

    done = cli(wrong, "produce", "--topic", base["NEWSEVENTS_TOPIC_PREFIX"] + "x", "-",
               stdin=orjson.dumps(ARTICLE) + b"\n")
    assert done.returncode == 2
    assert b"SaslAuthenticationFailed" in done.stderr
    assert f"user '{USER}'".encode() in done.stderr
    assert b"Traceback" not in done.stderr
    assert_secret_free(done.stdout, done.stderr)

    # A worker stops with its reason instead of retrying a login that cannot succeed.
    workers = Workers(wrong, tmp_path)
    workers.start("classifier", {"NEWSEVENTS_LOG_LEVEL": "debug"})
    try:
        code = workers.procs["classifier"].wait(timeout=120)
    finally:
        workers.stop()
    log = workers.log("classifier")
    assert code == 2, log[-3000:]
    assert '"event": "kafka_access_refused"' in log
    assert "SaslAuthenticationFailed" in log
    assert_secret_free(log)


def test_classifier_worker_over_sasl_ssl_end_to_end(
    secure_kafka: SecureKafka, tmp_path: Path
) -> None:
    base = secure_kafka.base_env()
    env = secure_kafka.sasl_env(base)  # the password only as a mounted file
    workers = Workers(env, tmp_path)
    # Debug logs include the Kafka clients' own: the strictest place for a secret to leak.
    workers.start("classifier", {"NEWSEVENTS_LOG_LEVEL": "debug"})
    try:
        workers.wait_ready()
        prefix = base["NEWSEVENTS_TOPIC_PREFIX"]
        produce(env, prefix + topics.RAW, ARTICLE)
        deadline = time.monotonic() + 120
        classified: list[ClassifiedArticle] = []
        while not classified and time.monotonic() < deadline:
            classified = [ClassifiedArticle.model_validate(m)
                          for m in read(env, prefix + topics.CLASSIFIED, 1)]
        assert [c.article.id for c in classified] == ["secure-1"]
        assert classified[0].language == "en"
        status, metrics = workers.get("classifier", "/metrics")
        assert status == 200
        assert 'newsevents_messages_completed_total{stage="classifier"} 1.0' in metrics
    finally:
        workers.stop()
    log = workers.log("classifier")
    assert '"event": "worker_starting"' in log
    assert_secret_free(log)
