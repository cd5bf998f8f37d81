"""faust's per-message machinery, trimmed to what our stage agents use.

The no-op bench (`make bench` section 3) showed faust spending most of its
CPU per message not in our agents but between the fetch and the stream:

- The consumer hands each fetched record to the conductor inside
  `Service.wait_first(callback(message), suspend_flow.wait())`: four tasks,
  an `asyncio.wait` and three cancellations per message, so that a delivery
  blocked on a full stream queue or on paused flow is abandoned when a
  rebalance suspends the flow. `LeanConsumer` calls the callback directly
  when nothing in it can block (flow active, not suspended, the producer
  buffer and every stream queue of the partition below their limits) and
  keeps faust's `wait_first` for every other case.

It goes in through faust's extension point (`Transport.Consumer`); the order
of delivery, acks and commits are untouched. (A monitor without faust's
per-message statistics was tried too: no CPU difference measurable.)
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

from faust.transport.consumer import CONSUMER_FETCHING
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP
from mode import Service, ServiceT


class LeanConsumer(faust_aiokafka.Consumer):
    """faust's aiokafka consumer, delivering a record without tasks when it cannot block."""

    def _delivery_cannot_block(self, tp: TP) -> bool:
        """Whether the conductor's callback for `tp` completes without waiting.

        It waits only on paused flow, a producer buffer over its limit (table
        writes) or a full stream queue; each is checked here. faust then
        never needs to abandon the delivery, which is what `wait_first` is for.
        """
        app = self.app
        if self.suspend_flow.is_set() or not app.flow_control.is_active():
            return False
        producer = app.producer
        # ProducerBuffer.size without its settings lookup; the pending queue
        # is the buffer unless producer_threaded, which we never set.
        buffer: Any = producer.buffer
        if len(buffer.pending._queue) > buffer.max_messages:
            return False
        conductor: Any = app.topics
        # Held while faust rebuilds its partition-to-callback map (a resubscription).
        if conductor._tp_to_callback_lock.locked():
            return False
        return all(not channel.queue.full() for channel in conductor._tp_index.get(tp, ()))

    async def _drain_messages(self, fetcher: ServiceT) -> None:  # pragma: no cover
        # faust's own loop (transport/consumer.py), but for the fast path.
        callback = self.callback
        getmany = self.getmany
        consumer_should_stop = cast(Service, self)._stopped.is_set
        fetcher_should_stop = cast(Service, fetcher)._stopped.is_set
        get_read_offset = self._read_offset.__getitem__
        set_read_offset = self._read_offset.__setitem__
        flag_consumer_fetching = CONSUMER_FETCHING
        set_flag = self.diag.set_flag
        unset_flag = self.diag.unset_flag
        commit_every = self._commit_every
        acks_enabled_for = self.app.topics.acks_enabled_for
        cannot_block = self._delivery_cannot_block
        yield_every = 100
        num_since_yield = 0
        sleep = asyncio.sleep
        try:
            while not (consumer_should_stop() or fetcher_should_stop()):
                set_flag(flag_consumer_fetching)
                ait = getmany(timeout=1.0)
                await self.sleep(0)
                if not self.should_stop:
                    async for tp, message in ait:
                        num_since_yield += 1
                        if num_since_yield > yield_every:
                            await sleep(0)
                            num_since_yield = 0
                        offset = message.offset
                        r_offset = get_read_offset(tp)
                        if r_offset is None or offset >= r_offset:
                            gap = offset - (r_offset or 0)
                            if gap > 1 and r_offset and acks_enabled_for(message.topic):
                                await self._add_gap(tp, r_offset + 1, offset)
                            if commit_every is not None and self._n_acked >= commit_every:
                                self._n_acked = 0
                                await self.commit()
                            if cannot_block(tp):
                                await callback(message)
                            else:
                                await self.wait_first(callback(message), self.suspend_flow.wait())
                            set_read_offset(tp, offset)
                    unset_flag(flag_consumer_fetching)
        except self.consumer_stopped_errors:
            if self.transport.app.should_stop:
                self.log.info("Broker stopped consumer, shutting down...")
                return
            raise
        except asyncio.CancelledError:
            if self.transport.app.should_stop:
                self.log.info("Consumer shutting down for user cancel.")
                return
            raise
        except Exception as exc:
            self.log.exception("Drain messages raised: %r", exc)
            raise
        finally:
            unset_flag(flag_consumer_fetching)


class LeanTransport(faust_aiokafka.Transport):
    Consumer = LeanConsumer

