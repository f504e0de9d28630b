"""`python -m course class ...`: the facilitator's commands (see issue: facilitator kit)."""
from __future__ import annotations


def register(subparsers) -> None:
    """Add the `class` command and its subcommands to the course's command line."""
    parser = subparsers.add_parser("class", help="run a facilitated session: roster, release, collect, grade, export, report")
    parser.add_subparsers(dest="class_command", required=True)
