"""The `newsevents` command."""

from __future__ import annotations

import click

from newsevents import __version__
from newsevents.cli.demo import demo
from newsevents.cli.extract import extract
from newsevents.cli.produce import produce
from newsevents.cli.tail import tail
from newsevents.cli.worker import worker


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def cli() -> None:
    """Real-time multilingual news event extraction on Kafka.

    Settings come from the environment (KAFKA_BOOTSTRAP_SERVERS, NEWSEVENTS_*);
    see the README's settings table.
    """


cli.add_command(worker)
cli.add_command(produce)
cli.add_command(tail)
cli.add_command(extract)
cli.add_command(demo)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
