"""`make bench`: how fast newsevents is, in process and through a real Kafka broker."""
