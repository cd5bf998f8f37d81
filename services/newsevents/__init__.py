"""newsevents: real-time multilingual news event extraction on Kafka."""

__version__ = "0.1.0"
