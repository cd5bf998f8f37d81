"""What a faust app with `processing_guarantee="exactly_once"` needs besides faust's own.

faust's exactly_once has two gaps this module closes, through the extension
points its transport offers (`Transport.Consumer`,
`Transport.TransactionManager`), not its private attributes:

- Table recovery reads each changelog partition up to its highwater, which
  faust takes, under exactly_once, from the consumer's *last fetched* last
  stable offset. Right after an assignment nothing has been fetched, so it is
  unknown, faust counts it as -1 and skips the recovery: a worker taking over
  a partition (a rebalance, a restart) merges into an empty or stale table
  and repeats event versions. `CommittedHighwatersConsumer` asks the broker
  instead (ListOffsets, read_committed: the last stable offset).
- A commit could fall between a record's sends, making half a record
  visible. `GatedTransactionManager` takes the app's record gate
  (`TransactionalSends.gate`) around every commit and rebalance, and notes
  which transactions a commit ended without beginning the next.
- faust stops the transactional producers of revoked partitions only as far
  as the `revoked` set it computes says, and in the rebalance fault test it
  stopped none when the assignment shrank; a producer kept for a partition that moved is fenced by
  the new owner, and the next commit of this worker for that partition (once
  it is back) crashes it with ProducerFenced. `GatedTransactionManager`
  stops every producer whose partition is no longer assigned.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import faust
from aiokafka import AIOKafkaConsumer
from faust.transport.consumer import TransactionManager
from faust.types import TP

from newsevents import clients
from newsevents.settings import Settings
from newsevents.streaming.lean import LeanConsumer, LeanTransport
from newsevents.streaming.transactions import transactional_sends


class CommittedHighwatersConsumer(LeanConsumer):
    """faust's aiokafka consumer, with highwaters read from the broker as last stable offsets."""

    _probe: AIOKafkaConsumer | None = None

    async def highwaters(self, *partitions: TP) -> Mapping[TP, int]:
        if not partitions:
            return {}
        if self._probe is None:
            settings = cast(ExactlyOnceTransport, self.transport).settings
            # read_committed, as every client of ours.
            probe = clients.consumer(settings, client_id=f"{self.app.conf.id}-highwaters")
            await probe.start()
            self._probe = probe
        # Read committed, the end offset the broker answers is the last stable offset.
        return cast(Mapping[TP, int], await self._probe.end_offsets(list(partitions)))

    async def on_stop(self) -> None:
        await super().on_stop()
        probe, self._probe = self._probe, None
        if probe is not None:
            await probe.stop()


class GatedTransactionManager(TransactionManager):
    """faust's transaction manager; commits and rebalances wait for the record being processed."""

    async def commit(self, offsets: Mapping[TP, int], start_new_transaction: bool = True) -> bool:
        sends = transactional_sends(self.app)
        async with sends.gate:
            done = await super().commit(offsets, start_new_transaction=start_new_transaction)
            ids = {sends.transactional_id(tp.topic, tp.partition) for tp in offsets}
            if start_new_transaction:
                sends.ended -= ids
            else:
                sends.ended |= ids
            return done

    # The transactional ids begun at the last rebalance.
    _begun: frozenset[str] = frozenset()

    async def on_rebalance(self, assigned: set[TP], revoked: set[TP],
                           newly_assigned: set[TP]) -> None:
        sends = transactional_sends(self.app)
        assignor = self.app.assignor
        ids = frozenset(sends.transactional_id(tp.topic, tp.partition)
                        for tp in assigned if not assignor.is_standby(tp))
        async with sends.gate:
            # faust stops the producers of the `revoked` partitions it passes,
            # but in the rebalance fault test it stopped none when the
            # assignment shrank: a producer kept for a partition that moved is
            # fenced by its new owner, and crashes this worker at its next
            # commit once the partition comes back.
            for transactional_id in sorted(self._begun - ids):
                await self.producer.stop_transaction(transactional_id)
            await super().on_rebalance(assigned, revoked, newly_assigned)
            self._begun = ids
            # Every assigned partition's transaction is begun now, the others' gone.
            sends.ended.clear()


class ExactlyOnceTransport(LeanTransport):
    Consumer = CommittedHighwatersConsumer
    TransactionManager = GatedTransactionManager

    settings: Settings


def use_exactly_once_transport(app: faust.App, settings: Settings) -> None:
    """Give `app` (built with exactly_once, not yet started) the transport above."""
    transport = ExactlyOnceTransport(app.conf.broker_consumer, app)
    transport.settings = settings
    app.transport = transport

