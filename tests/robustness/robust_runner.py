"""Run many claimcheck command lines in one process, each under a watchdog; report one JSON line per run.

Used by the robustness tests (``robust_helpers.run_cli``) as a subprocess: the pipeline loads once for
dozens of hostile inputs, and a run that hangs or blows up only costs this process, which the parent
restarts for the runs left. Input: a JSON file of jobs
``{"id", "args", "stdin"? | "stdin_latin1"?, "cwd"?, "timeout", "deny_open"?}``; ``deny_open`` lists file
names whose opening fails with "Permission denied" (an audit hook: root, who runs CI, reads any file
whatever its mode, so an unreadable file is made so this way there).
Output on stdout, one JSON object per line: ``{"start": id}`` before a job, then its result with
``exit_code``, ``stdout`` (head), ``stdout_len``, ``stderr``, ``exception`` (an exception that escaped the
CLI's guard, with its traceback), ``seconds`` and ``maxrss_mb`` (the process's peak resident memory).
A job past its ``timeout`` ends the process with ``{"timeout": id}`` (exit code 124).
"""

from __future__ import annotations

import errno
import json
import os
import resource
import sys
import threading
import time
import traceback

STDOUT_HEAD = 64 * 2**20  # enough for every test's output; bounds a runaway


def _emit(obj: dict) -> None:
    sys.__stdout__.write(json.dumps(obj) + "\n")
    sys.__stdout__.flush()


DENIED: set[str] = set()


def _deny(event: str, args: tuple) -> None:
    if event == "open" and DENIED and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.fsdecode(args[0])
        if os.path.basename(path) in DENIED:
            raise PermissionError(errno.EACCES, "Permission denied", path)


def _watchdog(job_id: str, seconds: float) -> threading.Timer:
    def fire() -> None:
        _emit({"timeout": job_id})
        os._exit(124)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    return timer


def main(jobs_file: str) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli import app

    limit = os.environ.get("ROBUST_MEMORY_LIMIT_MB")
    if limit:  # a blow-up becomes a MemoryError in the run (caught and reported), not a swapping machine
        soft = int(limit) * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (soft, resource.getrlimit(resource.RLIMIT_AS)[1]))
    with open(jobs_file, encoding="utf-8") as fh:
        jobs = json.load(fh)
    home = os.getcwd()
    sys.addaudithook(_deny)
    for job in jobs:
        _emit({"start": job["id"]})
        os.chdir(job.get("cwd") or home)
        DENIED.clear()
        DENIED.update(job.get("deny_open", ()))
        timer = _watchdog(job["id"], job["timeout"])
        t0 = time.perf_counter()
        stdin = job.get("stdin")
        if "stdin_latin1" in job:  # raw bytes, carried through JSON one character per byte
            stdin = job["stdin_latin1"].encode("latin-1")
        result = CliRunner().invoke(app, job["args"], input=stdin, catch_exceptions=True)
        seconds = time.perf_counter() - t0
        timer.cancel()
        exc = result.exception
        escaped = exc is not None and not isinstance(exc, SystemExit)
        stdout = result.stdout
        _emit({
            "id": job["id"], "exit_code": result.exit_code, "stdout": stdout[:STDOUT_HEAD],
            "stdout_len": len(stdout), "stderr": result.stderr,
            "exception": "".join(traceback.format_exception(exc)) if escaped else None,
            "seconds": round(seconds, 2),
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        })


if __name__ == "__main__":
    main(sys.argv[1])
