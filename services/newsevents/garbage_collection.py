"""Python's cyclic garbage collector, set for a long-running stage process.

Nearly everything a stage allocates per message (faust events, futures,
decoded models) is freed by reference counting as soon as it is dropped, so
the cyclic collector finds next to nothing. With Python's defaults it still
runs a young pass every 700 net allocations and, every hundred of those, a
full pass over every object in the process: the lexicons, the knowledge
base, faust and aiokafka. On the no-op bench (`make bench` section 3) the
collector took 12% of the worker's CPU; with `tune` under 1%.

`tune` moves everything alive once the stage has loaded into the permanent
generation, which no pass visits again, and makes young passes rarer.
Cyclic garbage is still collected, in larger sweeps: at most
`gen0_threshold` more objects wait for a pass.
"""

from __future__ import annotations

import gc

# Net allocations between two young passes (Python's default is 700).
DEFAULT_GEN0_THRESHOLD = 50_000


def tune(gen0_threshold: int) -> None:
    """Freeze what is loaded; `gen0_threshold` 0 keeps Python's thresholds."""
    gc.collect()
    gc.freeze()
    if gen0_threshold > 0:
        _, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(gen0_threshold, gen1, gen2)
