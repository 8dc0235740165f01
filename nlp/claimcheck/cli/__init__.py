"""Command line: one typer app (``_app.py``), one module per command."""

from claimcheck.cli import annotate, check, crosscheck, extract, schema, train  # noqa: F401  (register commands)
from claimcheck.cli._app import app


def main() -> None:
    app(prog_name="claimcheck")
