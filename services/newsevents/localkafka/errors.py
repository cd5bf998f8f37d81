"""Errors of the local broker tooling."""


class BrokerError(RuntimeError):
    """The local Kafka broker could not be resolved, formatted or started."""
