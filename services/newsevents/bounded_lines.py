"""Lines of a byte stream, never holding more than a limit of one line in memory.

`for line in stream` reads a whole line whatever its length, so one
newline-free gigabyte on stdin would be read whole before any size check.
Here an over-long line is reported as `Oversized` (with its full length)
and skipped chunk by chunk, and the next line is read as usual.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Oversized:
    """A line longer than the limit; only its length was kept."""

    length: int
    limit: int

    def describe(self) -> str:
        return f"line is {self.length} bytes, over the limit of {self.limit}"


def iter_bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | Oversized]:
    """Yield each line (newline included) of at most `max_bytes` bytes, else an `Oversized`.

    The newline does not count towards the limit, so a message of exactly
    `max_bytes` bytes passes whether or not its line ends the stream.
    """
    while True:
        line = stream.readline(max_bytes + 2)
        if not line:
            return
        body = len(line.rstrip(b"\r\n"))
        if body <= max_bytes:
            yield line
            continue
        length = body
        ended = line.endswith(b"\n")
        while not ended:
            chunk = stream.readline(_CHUNK)
            if not chunk:
                break
            ended = chunk.endswith(b"\n")
            length += len(chunk.rstrip(b"\r\n"))
        yield Oversized(length, max_bytes)
