"""The runner around every core: outputs sent, failures dead-lettered, never raised."""

from __future__ import annotations

import asyncio

import orjson

from newsevents.settings import Settings
from newsevents.streaming import metrics
from newsevents.streaming.codec import RejectedMessage
from newsevents.streaming.stage import (
    Incoming,
    Output,
    Process,
    QueuedBatch,
    StageRunner,
    StateNotStored,
    StateWrite,
)


class Recorder:
    def __init__(self, fail_on: str | None = None) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []
        self.fail_on = fail_on

    async def __call__(self, topic: str, key: bytes | None, value: bytes) -> None:
        if self.fail_on and topic.endswith(self.fail_on):
            raise ValueError("producer refused the message")
        self.sent.append((topic, key, value))


def record(value: bytes | None = b"{}") -> Incoming:
    return Incoming(topic="p.articles.raw", partition=1, offset=7, key=b"k1", value=value,
                    timestamp=None)


def run(runner: StageRunner, rec: Incoming, process: Process) -> list[Output]:
    return asyncio.run(runner.handle(rec, process))


def dead_letters(metric_stage: str, reason: str) -> float:
    return float(metrics.DEAD_LETTERS.labels(metric_stage, reason)._value.get())


def test_outputs_are_sent_with_prefix_and_counted() -> None:
    send = Recorder()
    runner = StageRunner("t-ok", Settings(topic_prefix="p."), send)
    outs = run(runner, record(), lambda r: [Output("articles.classified", "a1", b"v")])
    assert outs == [Output("articles.classified", "a1", b"v")]
    assert send.sent == [("p.articles.classified", b"a1", b"v")]
    assert metrics.MESSAGES_CONSUMED.labels("t-ok")._value.get() == 1


def test_core_exception_goes_to_dlq_with_original_payload() -> None:
    send = Recorder()
    runner = StageRunner("t-crash", Settings(topic_prefix="p."), send)

    def boom(rec: Incoming) -> list[Output]:
        raise KeyError("lexicon entry missing")

    before = dead_letters("t-crash", "core_error")
    assert run(runner, record(b'{"id": "x"}'), boom) == []
    [(topic, key, value)] = send.sent
    assert topic == "p.articles.dlq"
    assert key == b"k1"
    letter = orjson.loads(value)
    assert letter["reason"] == "core_error"
    assert "lexicon entry missing" in letter["message"]
    assert letter["payload"] == '{"id": "x"}'
    assert (letter["topic"], letter["partition"], letter["offset"]) == ("p.articles.raw", 1, 7)
    assert dead_letters("t-crash", "core_error") == before + 1


def test_rejected_message_keeps_its_reason() -> None:
    send = Recorder()
    runner = StageRunner("t-rej", Settings(), send)

    def reject(rec: Incoming) -> list[Output]:
        raise RejectedMessage("invalid_json", "bad")

    run(runner, record(b"\xff\xfe"), reject)
    letter = orjson.loads(send.sent[0][2])
    assert letter["reason"] == "invalid_json"
    assert letter["payload_encoding"] == "base64"


def test_send_failure_becomes_output_error() -> None:
    send = Recorder(fail_on="articles.classified")
    runner = StageRunner("t-out", Settings(), send)
    outs = run(runner, record(), lambda r: [Output("articles.classified", "a1", b"v")])
    assert outs == []
    assert [t for t, _, _ in send.sent] == ["articles.dlq"]
    assert orjson.loads(send.sent[0][2])["reason"] == "output_error"


def test_oversized_payload_is_truncated_in_the_letter() -> None:
    send = Recorder()
    settings = Settings(max_message_bytes=1024)
    runner = StageRunner("t-big", settings, send)

    def reject(rec: Incoming) -> list[Output]:
        raise RejectedMessage("too_large", "too big")

    run(runner, record(b"a" * 5000), reject)
    letter = orjson.loads(send.sent[0][2])
    assert len(letter["payload"]) == 1024
    assert "truncated from 5000 bytes" in letter["message"]


class ControlledBroker:
    """A producer whose acknowledgements the test releases, logging what was queued when."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.acks: dict[str, asyncio.Future[None]] = {}

    def _queue(self, name: str) -> asyncio.Future[None]:
        self.log.append(f"queued {name}")
        ack = self.acks[name] = asyncio.get_running_loop().create_future()
        return ack

    async def send(self, topic: str, key: bytes | None, value: bytes) -> asyncio.Future[None]:
        return self._queue(value.decode())

    async def send_state(self, write: StateWrite) -> asyncio.Future[None]:
        value = write[3]
        return self._queue(f"state {(value or b'<tombstone>').decode()}")

    def ack(self, name: str, error: Exception | None = None) -> None:
        self.log.append(f"acked {name}")
        if error is None:
            self.acks[name].set_result(None)
        else:
            self.acks[name].set_exception(error)


class StatefulStage:
    """A runner over a core that, like the alert merge, writes state and emits one output
    per record."""

    def __init__(self, stage: str) -> None:
        self.broker = ControlledBroker()
        self.runner = StageRunner(stage, Settings(), self.broker.send)
        self._writes: list[StateWrite] = []

    def _process(self, rec: Incoming) -> list[Output]:
        value = (rec.value or b"").decode()
        self._writes.append(("changelog", rec.partition, rec.key, f"{value}-state".encode()))
        return [Output("events.armed-clash", value, value.encode())]

    def _take(self) -> list[StateWrite]:
        taken, self._writes = self._writes, []
        return taken

    async def queue(self, *values: str) -> QueuedBatch:
        records = [Incoming(topic="candidates", partition=0, offset=i, key=b"armed-clash",
                            value=v.encode(), timestamp=None) for i, v in enumerate(values)]
        return await self.runner.queue_batch(records, self._process, take_state=self._take)

    def settle(self, batch: QueuedBatch) -> asyncio.Future[list[list[Output]]]:
        return asyncio.ensure_future(self.runner.settle(batch, self.broker.send_state))


async def turns(n: int = 5) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


def test_state_is_stored_only_after_the_outputs_it_follows_are_acknowledged() -> None:
    # State ahead of its output would lose the output on a crash: the replay
    # finds the report already counted and emits nothing.
    async def scenario() -> list[str]:
        stage = StatefulStage("t-state")
        settling = stage.settle(await stage.queue("e1", "e2"))
        await turns(1)
        stage.broker.ack("e1")
        await turns(1)
        assert "queued state e1-state" not in stage.broker.log  # e2 is not acknowledged yet
        stage.broker.ack("e2")
        await turns()
        assert not settling.done()  # acked only once the state is stored too
        stage.broker.ack("state e1-state")
        stage.broker.ack("state e2-state")
        assert await settling == [[Output("events.armed-clash", "e1", b"e1")],
                                  [Output("events.armed-clash", "e2", b"e2")]]
        return stage.broker.log

    assert asyncio.run(scenario()) == [
        "queued e1", "queued e2", "acked e1", "acked e2",
        "queued state e1-state", "queued state e2-state",
        "acked state e1-state", "acked state e2-state",
    ]


def test_batches_store_state_in_processing_order_whatever_order_their_outputs_settle() -> None:
    async def scenario() -> list[str]:
        stage = StatefulStage("t-state-order")
        first, second = await stage.queue("a"), await stage.queue("b")
        settling = [stage.settle(first), stage.settle(second)]
        stage.broker.ack("b")  # the second batch's output is acknowledged first
        await turns()
        assert "queued state b-state" not in stage.broker.log
        stage.broker.ack("a")
        await turns()
        stage.broker.ack("state a-state")
        stage.broker.ack("state b-state")
        await asyncio.gather(*settling)
        return [line for line in stage.broker.log if line.startswith("queued state")]

    assert asyncio.run(scenario()) == ["queued state a-state", "queued state b-state"]


def test_a_refused_state_write_fails_its_batch_and_every_later_one() -> None:
    async def scenario() -> tuple[list[object], list[str]]:
        stage = StatefulStage("t-state-fail")
        first, second = await stage.queue("a"), await stage.queue("b")
        settling = [stage.settle(first), stage.settle(second)]
        stage.broker.ack("a")
        stage.broker.ack("b")
        await turns()
        stage.broker.ack("state a-state", error=ConnectionError("not enough replicas"))
        stage.broker.ack("state b-state")
        outcomes = await asyncio.gather(*settling, return_exceptions=True)
        return list(outcomes), stage.broker.log

    (first_outcome, second_outcome), log = asyncio.run(scenario())
    assert isinstance(first_outcome, StateNotStored)
    assert "not enough replicas" in str(first_outcome)
    # b's state was queued after a's (order holds), and b's own write went
    # through, but a's gap fails b as well: neither batch is acked, and both
    # are replayed after the restart.
    assert isinstance(second_outcome, StateNotStored)
    assert log.index("queued state a-state") < log.index("queued state b-state")
