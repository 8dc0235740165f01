"""The one typer app, and the guard that turns errors into one-line messages."""

from __future__ import annotations

import functools
import logging
import os
import sys
import traceback
import warnings
from typing import TYPE_CHECKING, Any, Callable, Sequence

import typer
from typer.core import TyperCommand, TyperGroup

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError, one_line
from claimcheck.vocabulary import MODEL_ALIASES, MODELS

EXIT_INTERNAL = 70
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe
#: what ``--model`` accepts (checked before any model is loaded)
MODEL_CHOICES = (*MODEL_ALIASES, *sorted(MODELS))
if TYPE_CHECKING:  # the checker reads the copy of click that the installed typer ships
    from typer._click.core import Context as _ClickContext
    from typer._click.exceptions import ClickException as _ClickException
else:
    #: the base of every command-line error (typer ships its own copy of click, so it is found from typer's export)
    _ClickException = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def _flags_as_flags(params: list) -> list:
    """Help shows flags as flags (``--force``, not ``--force <bool>``): typer shows a parameter's metavar in
    place of its type, and an empty one shows nothing."""
    for param in params:
        if param.param_type_name == "option" and getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return params


class _Command(TyperCommand):
    def get_params(self, ctx: _ClickContext) -> list:
        return _flags_as_flags(super().get_params(ctx))


class _Group(TyperGroup):
    """The command group; a command-line mistake is one ``error:`` line and exit 2, like every other error."""

    def get_params(self, ctx: _ClickContext) -> list:
        return _flags_as_flags(super().get_params(ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False,
                              windows_expand_args=windows_expand_args, **extra)
        except _ClickException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # a command alone, when it shows its help
                exc.show()
                sys.exit(exc.exit_code)
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            message = exc.format_message().replace("Value error, ", "")  # pydantic's prefix on a bad choice
            typer.echo(f"error: {one_line(message, 400)}{hint}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


app = typer.Typer(
    cls=_Group,
    name="claimcheck",
    help="Extract factual claims from news articles and cross-check them across sources.",
    no_args_is_help=True,
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


def command(name: str, **kwargs) -> Callable:
    """``@command("check")``: register a command of the one app, with flags shown as flags."""
    return app.command(name, cls=_Command, **kwargs)


def _check_model(value: str) -> str:
    if value not in MODEL_CHOICES:
        raise typer.BadParameter(f"unknown model {value!r} (choose from {', '.join(MODEL_CHOICES)})")
    return value


def model_option() -> Any:  # typer.Option is typed as returning Any
    """``--model``, the same for every command that runs a pipeline."""
    return typer.Option("default", "--model", metavar="|".join(MODEL_CHOICES), callback=_check_model,
                        help="Pipeline to use: default (the one that scores best on real articles: fast), fast, "
                             "rules or transformer (built by `claimcheck train`).")


def guard(fn: Callable) -> Callable:
    """Run a command body; a ClaimcheckError becomes 'error: …' on stderr and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        warnings.showwarning = _one_line_warning
        _log_to_stderr()
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


class _OneLineLog(logging.Handler):
    """claimcheck's log records on stderr: a warning as one ``warning:`` line, like every other warning; with
    CLAIMCHECK_DEBUG=1 every record, with its logger's name and any traceback."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.level <= logging.DEBUG:
                sys.stderr.write(f"{record.levelname.lower()}: {record.name}: {record.getMessage()}\n")
                if record.exc_info:
                    traceback.print_exception(*record.exc_info, file=sys.stderr)
            else:
                sys.stderr.write(f"{record.levelname.lower()}: {one_line(record.getMessage(), 300)}\n")
        except (OSError, ValueError):
            pass


def _log_to_stderr() -> None:
    """One handler for the process (a second command in the same process reuses it), its level set anew by each
    command from CLAIMCHECK_DEBUG."""
    logger = logging.getLogger("claimcheck")
    level = logging.DEBUG if os.environ.get("CLAIMCHECK_DEBUG") else logging.WARNING
    handler = next((h for h in logger.handlers if isinstance(h, _OneLineLog)), None)
    if handler is None:
        handler = _OneLineLog(level)
        logger.addHandler(handler)
    handler.setLevel(level)
    logger.setLevel(level)


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
