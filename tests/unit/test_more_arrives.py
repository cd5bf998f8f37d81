"""`_more_arrives`: how long an agent waits for the rest of a fetch before cutting a batch.

Between two records of one fetch the stream's queue can look empty for a
few loop turns; once the consumer has handed over the whole fetch nothing
more can come, and the agent must not spin waiting for it.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from newsevents.streaming.agents import ARRIVAL_TURNS, _more_arrives


def _parts(delivering: bool | None) -> tuple[Any, Any, asyncio.Queue[int]]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    consumer = SimpleNamespace() if delivering is None else SimpleNamespace(
        delivering_fetch=delivering)
    app = SimpleNamespace(should_stop=False, consumer=consumer,
                          flow_control=SimpleNamespace(is_active=lambda: True))
    stream = SimpleNamespace(should_stop=False, channel=SimpleNamespace(queue=queue))
    return app, stream, queue


async def _turns_until(app: Any, stream: Any, queue: asyncio.Queue[int],
                       arrives_after: int | None) -> tuple[bool, int]:
    """Run `_more_arrives` beside a counter of loop turns that may queue a record."""
    turns = 0
    done = False

    async def count() -> None:
        nonlocal turns
        while not done:
            turns += 1
            if arrives_after is not None and turns == arrives_after:
                queue.put_nowait(1)
            await asyncio.sleep(0)

    counter = asyncio.ensure_future(count())
    await asyncio.sleep(0)
    result = await _more_arrives(app, stream)
    done = True
    await counter
    return result, turns


def test_a_fetch_still_being_delivered_is_waited_for() -> None:
    app, stream, queue = _parts(delivering=True)
    assert asyncio.run(_turns_until(app, stream, queue, arrives_after=3))[0] is True


def test_a_fetch_handed_over_is_not_waited_for() -> None:
    app, stream, queue = _parts(delivering=False)
    arrived, turns = asyncio.run(_turns_until(app, stream, queue, arrives_after=3))
    assert arrived is False and turns < 3


def test_a_consumer_that_does_not_say_is_taken_as_mid_fetch() -> None:
    app, stream, queue = _parts(delivering=None)
    arrived, turns = asyncio.run(_turns_until(app, stream, queue, arrives_after=None))
    assert arrived is False and turns >= ARRIVAL_TURNS
