"""The one place for errors a user can see.

Library code raises :class:`ClaimcheckError` (or a subclass) with a one-line
message; the CLI prints ``error: <message>`` on stderr and exits with the
error's ``exit_code``. Nothing else reaches the user as a traceback.
"""

from __future__ import annotations

# Exit codes (documented in the README, "Limits and errors").
EXIT_OK = 0
EXIT_FINDINGS = 1  # `check --fail-on KINDS` found findings of those kinds
EXIT_USAGE = 2  # bad command line (typer/click's own code)
EXIT_INPUT = 3  # no readable input
EXIT_MODEL = 4  # a model could not be loaded
EXIT_OUTPUT = 5  # an output could not be written


class ClaimcheckError(Exception):
    exit_code = EXIT_INPUT

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ClaimcheckError):
    """A path or document that cannot be read as an article."""

    exit_code = EXIT_INPUT


class UsageError(ClaimcheckError):
    """A command-line value that typer cannot check by itself (``--fail-on conflict,typoo``)."""

    exit_code = EXIT_USAGE


class ModelError(ClaimcheckError):
    exit_code = EXIT_MODEL


class OutputError(ClaimcheckError):
    exit_code = EXIT_OUTPUT


def one_line(text: object, limit: int = 300) -> str:
    """Collapse a message to one line of bounded length, printable whatever file names it quotes."""
    flat = " ".join(printable(str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


#: the bidirectional controls (marks, embeddings, overrides, isolates): never shown to the user
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def printable(text: str) -> str:
    """``text`` as valid Unicode: the undecodable bytes of a file name (which Python keeps as lone
    surrogates) and lone surrogates from JSON escapes become U+FFFD, so they can be printed and stored."""
    text = text.translate(BIDI_CONTROLS)  # an override in a file name must not reverse the line it is shown on
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
