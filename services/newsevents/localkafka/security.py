"""TLS and SCRAM listeners for the local broker, so tests meet the security users deploy.

`secure(config, tls, users)` adds to a `BrokerConfig` a SASL_SSL listener
(SCRAM-SHA-512 by default) and an SSL listener, both serving the broker's
PEM certificate, and the SCRAM users that `kafka-storage format` writes into
the cluster metadata before the first start. The PLAINTEXT and CONTROLLER
listeners stay for the controller quorum and the broker's own traffic.

Certificates are handed in as PEM text: generating them is the caller's
business (the tests use `cryptography`), so the package itself needs no
crypto library at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.localkafka.broker import BrokerConfig

SCRAM_MECHANISMS = ("SCRAM-SHA-256", "SCRAM-SHA-512")


@dataclass(frozen=True)
class BrokerTls:
    """The broker's certificate chain and unencrypted PKCS#8 key, PEM.

    `client_ca_pem` set makes the SSL listener demand a client certificate
    signed by that CA (mutual TLS); the SASL_SSL listener authenticates by
    password and never asks for one.
    """

    certificate_chain_pem: str
    private_key_pem: str
    client_ca_pem: str | None = None


@dataclass(frozen=True)
class ScramUser:
    name: str
    password: str
    mechanism: str = "SCRAM-SHA-512"

    def __post_init__(self) -> None:
        if self.mechanism not in SCRAM_MECHANISMS:
            raise ValueError(f"unknown SCRAM mechanism {self.mechanism!r}")
        # kafka-storage parses "[name=...,password=...]" by splitting on these.
        for part in (self.name, self.password):
            if any(c in part for c in ",=[]\"") or not part:
                raise ValueError("SCRAM names and passwords must be non-empty, without ,=[]\"")

    def __repr__(self) -> str:
        return f"ScramUser(name={self.name!r}, password='***', mechanism={self.mechanism!r})"


@dataclass(frozen=True)
class SecureListeners:
    """Where the secured listeners of one broker answer."""

    sasl_ssl_port: int
    ssl_port: int

    def sasl_ssl_bootstrap(self) -> str:
        return f"127.0.0.1:{self.sasl_ssl_port}"

    def ssl_bootstrap(self) -> str:
        return f"127.0.0.1:{self.ssl_port}"


def properties_value(text: str) -> str:
    """`text` as one java.util.Properties value: backslashes doubled, newlines escaped."""
    return text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\n", "\\n")


def secure(
    config: BrokerConfig,
    listeners: SecureListeners,
    tls: BrokerTls,
    users: list[ScramUser],
) -> BrokerConfig:
    """Add the SASL_SSL and SSL listeners and SCRAM users to `config` (in place; returned)."""
    if not users:
        raise ValueError("a SASL_SSL listener without SCRAM users accepts nobody")
    mechanisms = sorted({u.mechanism for u in users})
    plain = f"PLAINTEXT://127.0.0.1:{config.port}"
    sasl_ssl = f"SASL_SSL://127.0.0.1:{listeners.sasl_ssl_port}"
    ssl_only = f"SSL://127.0.0.1:{listeners.ssl_port}"
    props = {
        "listeners": f"{plain},{sasl_ssl},{ssl_only},"
        f"CONTROLLER://127.0.0.1:{config.controller_port}",
        "advertised.listeners": f"{plain},{sasl_ssl},{ssl_only}",
        "listener.security.protocol.map": (
            "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,SSL:SSL"
        ),
        "listener.name.sasl_ssl.sasl.enabled.mechanisms": ",".join(mechanisms),
        # Kafka's in-memory PEM keystore: no JKS/PKCS12 files, no keytool.
        "ssl.keystore.type": "PEM",
        "ssl.keystore.certificate.chain": properties_value(tls.certificate_chain_pem),
        "ssl.keystore.key": properties_value(tls.private_key_pem),
    }
    for mechanism in mechanisms:
        props[f"listener.name.sasl_ssl.{mechanism.lower()}.sasl.jaas.config"] = (
            "org.apache.kafka.common.security.scram.ScramLoginModule required;"
        )
    if tls.client_ca_pem is not None:
        props.update({
            "ssl.truststore.type": "PEM",
            "ssl.truststore.certificates": properties_value(tls.client_ca_pem),
            "listener.name.ssl.ssl.client.auth": "required",
        })
    config.extra.update(props)
    config.format_args.extend(scram_format_args(users))
    return config


def scram_format_args(users: list[ScramUser]) -> list[str]:
    """`kafka-storage format` arguments that create the users in the first metadata."""
    args: list[str] = []
    for user in users:
        args += ["--add-scram", f"{user.mechanism}=[name={user.name},password={user.password}]"]
    return args
