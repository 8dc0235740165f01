"""Kill -9 oneself at a chosen point of a write, to test that nothing is lost (test_nothing_lost.py).

    python robust_killer.py cli POINT N -- ARGS...       claimcheck ARGS, killed at the N-th POINT
    python robust_killer.py install POINT N BUILT OUT    claimcheck.training.train.install(BUILT, OUT), likewise

POINT: ``fsync`` (a temporary file is written, not yet renamed), ``replace:NAME`` (just before the
N-th rename onto a path containing NAME),
``copyfile`` (just after copying the N-th file of a model), ``exchange`` (just after the directories were
swapped, before the old one is removed). The process dies by SIGKILL, as with ``kill -9``: no cleanup,
no ``finally``, no atexit.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import sys


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _arm(point: str, n: int) -> None:
    calls = {"n": 0}

    def counting(original, *, after: bool):
        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == n and not after:
                _die()
            result = original(*args, **kwargs)
            if calls["n"] == n and after:
                _die()
            return result
        return wrapper

    if point == "fsync":
        os.fsync = counting(os.fsync, after=True)
    elif point.startswith("replace:"):  # the N-th rename onto a path containing the text after "replace:"
        real_replace, target = os.replace, point.split(":", 1)[1]

        def replace(src, dst, *args, **kwargs):
            if target in os.fspath(dst):
                calls["n"] += 1
                if calls["n"] == n:
                    _die()
            return real_replace(src, dst, *args, **kwargs)

        os.replace = replace
    elif point == "copyfile":  # copytree's copy2 looks copyfile up at each call
        shutil.copyfile = counting(shutil.copyfile, after=True)
    elif point == "exchange":
        import claimcheck.training.train as train

        train._exchange = counting(train._exchange, after=True)
    else:
        raise SystemExit(f"unknown point {point}")


def main(argv: list[str]) -> None:
    mode, point, n = argv[0], argv[1], int(argv[2])
    _arm(point, n)
    if mode == "cli":
        from claimcheck.cli import app

        app(argv[4:], prog_name="claimcheck")
    elif mode == "install":
        from pathlib import Path

        from claimcheck.training.train import install

        install(Path(argv[3]), Path(argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
