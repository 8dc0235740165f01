"""JSON and JSON Lines: the one reader of the project's JSONL data, and the JSON parse every input reader uses.

:func:`read_jsonl` reads a data file of JSON objects, one a line (the corpus' Prodigy tasks and real-article
annotations, the gold figures, the shared data sets under ``$CLAIMCHECK_SHARED/data``): blank lines are
skipped, and a line that is not a JSON object stops the read with an :class:`~claimcheck.errors.InputError`
naming the file and the line (``annotations.jsonl:12: malformed JSON line (…)``), which the CLI prints as one
``error:`` line. The readers of documents to check (``claimcheck.ingest.readers``, ``claimcheck.batch.inputs``)
go on past a bad line with a warning instead; they parse each line with :func:`loads_json` as this reader does.
"""

from __future__ import annotations

import json
import os
from typing import Iterator

from claimcheck.errors import InputError, one_line


def loads_json(text: str | bytes, where: str, *, line: bool = False):
    """``json.loads`` whose every failure is an InputError naming ``where`` (``file`` or ``file:line``)."""
    what = "malformed JSON line" if line else "not valid JSON"
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: {what} ({exc.msg})" if line else
                         f"{where}: {what} (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{where}: {what} (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(f"{where}: {what} ({one_line(exc, 80)})") from None


def numbered_jsonl(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict]]:
    """(line number, object) for every non-blank line of a JSONL file; InputError naming ``file:line`` for a line
    that is not UTF-8 or not a JSON object, and naming the file when it cannot be opened."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({one_line(exc.strerror or exc)})") from None
    with fh:
        # binary lines end at b"\n" only: JSON strings may hold U+2028 or a form feed raw, and the line numbers
        # must be the file's as an editor counts them
        for number, raw in enumerate(fh, 1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}: not UTF-8 (byte {exc.start + 1} of the line)") from None
            if not line.strip():
                continue
            row = loads_json(line, where, line=True)
            if not isinstance(row, dict):
                raise InputError(f"{where}: expected a JSON object, got {type(row).__name__}")
            yield number, row


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[dict]:
    """The JSON objects of a JSONL file, in order (blank lines skipped); see :func:`numbered_jsonl` for errors."""
    for _, row in numbered_jsonl(path):
        yield row
