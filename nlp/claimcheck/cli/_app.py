"""The one typer app, and the guard that turns errors into one-line messages."""

from __future__ import annotations

import functools
import os
import sys
import traceback
import warnings
from typing import Callable

import typer

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError, one_line

EXIT_INTERNAL = 70
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe

app = typer.Typer(
    name="claimcheck",
    help="Extract factual claims from news articles and cross-check them across sources.",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """Extract factual claims from news articles and cross-check them across sources."""


def guard(fn: Callable) -> Callable:
    """Run a command body; a ClaimcheckError becomes 'error: …' on stderr and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        warnings.showwarning = _one_line_warning
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except ClaimcheckError as exc:
            typer.echo(f"error: {one_line(exc.message)}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # `claimcheck extract … | head`: the reader left; stop quietly, as cat does
            _stdout_to_devnull()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except KeyboardInterrupt:
            typer.echo("error: interrupted", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: still one line for the user; the traceback on request
            if os.environ.get("CLAIMCHECK_DEBUG"):
                traceback.print_exc(file=sys.stderr)
            typer.echo(f"error: internal error: {type(exc).__name__}: {one_line(exc, 200)} "
                       f"(set CLAIMCHECK_DEBUG=1 for details)", err=True)
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Python warnings (a damaged optional model, a library's notice) as one 'warning:' line, no source line."""
    try:
        (file or sys.stderr).write(f"warning: {one_line(str(message), 300)}\n")
    except (OSError, ValueError):
        pass


def _stdout_to_devnull() -> None:
    """After a broken pipe, Python's final flush of stdout would print a traceback-like note: point it nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (tests' CliRunner)
        pass


def echo_out(text: str, *, nl: bool = True) -> None:
    """Write a command's result to stdout; a full disk or a closed stream is an OutputError (exit 5)."""
    from claimcheck.errors import OutputError

    try:
        typer.echo(text, nl=nl)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _stdout_to_devnull()  # the unwritten rest would fail again at exit
        raise OutputError(f"standard output: cannot write ({exc.strerror or exc})") from None
