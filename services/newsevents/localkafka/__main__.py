"""`python -m newsevents.localkafka start|stop|status|resolve`: the Makefile's broker commands.

`start` is idempotent: a broker already answering on the port is left alone,
so `make run` after `make kafka` does not fight over the port.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsevents.localkafka.broker import (
    BrokerError,
    default_cache_dir,
    pid_alive,
    port_open,
    read_pid,
    resolve_jars,
    start_single,
    stop_pid,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsevents.localkafka")
    parser.add_argument("command", choices=["start", "stop", "status", "resolve"])
    parser.add_argument("--port", type=int, default=9092)
    parser.add_argument("--controller-port", type=int, default=None,
                        help="defaults to --port + 1")
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)

    cache = args.cache_dir or default_cache_dir()
    data_dir = cache / "kafka" / f"data-{args.port}"
    pid_file = data_dir / "broker.pid"
    pid = read_pid(pid_file)
    try:
        if args.command == "resolve":
            print(resolve_jars(cache))
        elif args.command == "status":
            running = pid is not None and pid_alive(pid)
            state = f"running (pid {pid})" if running else "not started by us"
            port_state = "open" if port_open(args.port) else "closed"
            print(f"kafka on 127.0.0.1:{args.port}: {state}; port {port_state}")
            return 0 if running else 1
        elif args.command == "start":
            if port_open(args.port):
                print(f"kafka: something already answers on 127.0.0.1:{args.port}; using it")
                return 0
            print(f"kafka: starting on 127.0.0.1:{args.port} (data in {data_dir})", flush=True)
            broker = start_single(data_dir, args.port, args.controller_port or args.port + 1,
                                  cache_dir=cache, timeout=args.timeout)
            pid_text = broker.process.pid if broker.process else "?"
            print(f"kafka: ready on {broker.bootstrap} (pid {pid_text}, log {broker.log_file})")
        elif args.command == "stop":
            if pid is None or not pid_alive(pid):
                print(f"kafka: no broker of ours on port {args.port}")
                pid_file.unlink(missing_ok=True)
                return 0
            stop_pid(pid)
            pid_file.unlink(missing_ok=True)
            print(f"kafka: stopped pid {pid}")
    except BrokerError as exc:
        print(f"kafka: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
