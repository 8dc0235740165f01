"""The long fuzz run: the properties of tests/robustness/test_fuzz.py with many more inputs.

    python benchmarks/fuzz.py                 # every target, 10x the CI inputs, random search (~10 min)
    python benchmarks/fuzz.py --scale 50 -k normalize_money --seed 7

The test module itself is run (its strategies live in tests/robustness/fuzz_strategies.py), so CI and
this run check the same properties: ``CLAIMCHECK_FUZZ_SCALE`` multiplies each test's ``max_examples``
and ``CLAIMCHECK_FUZZ_RANDOM`` swaps CI's derandomized search for a seeded random one. Prints the inputs
tried per target (every call, shrinking included), the time, and each failure with its smallest input.
Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _failure(exc: BaseException) -> str:
    """One failure as text: the exception's last line(s) and hypothesis's falsifying example."""
    subs = getattr(exc, "exceptions", None)
    parts = [_failure(e) for e in subs] if subs else []
    head = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    notes = [n for n in getattr(exc, "__notes__", []) if not n.startswith("You can reproduce")]
    where = traceback.extract_tb(exc.__traceback__)[-1:] if not subs and exc.__traceback__ else []
    loc = f"  at {where[0].filename}:{where[0].lineno}" if where else ""
    return "\n".join([head + loc, *notes, *parts])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=10.0, help="inputs per target, as a multiple of CI's (default 10)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("-k", dest="only", default="", help="run only the tests whose name contains this")
    ap.add_argument("--derandomize", action="store_true", help="CI's search (fixed), only longer")
    args = ap.parse_args(argv)

    os.environ["CLAIMCHECK_FUZZ_SCALE"] = str(args.scale)
    if not args.derandomize:
        os.environ["CLAIMCHECK_FUZZ_RANDOM"] = "1"
    sys.path[:0] = [str(ROOT / "tests" / "robustness")]
    import logging

    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    import warnings

    warnings.simplefilter("ignore")
    from hypothesis import seed

    import fuzz_strategies
    import test_fuzz

    t0 = time.perf_counter()
    fuzz_strategies.warm_up()
    print(f"warm-up {time.perf_counter() - t0:.1f} s; scale {args.scale:g}, "
          f"{'derandomized' if args.derandomize else f'seed {args.seed}'}", flush=True)
    tests = [(name, fn) for name, fn in vars(test_fuzz).items() if name.startswith("test_") and callable(fn)]
    failures: list[tuple[str, str]] = []
    start = time.perf_counter()
    for i, (name, fn) in enumerate(tests):  # i: each test's seed is the same with or without -k
        if args.only not in name:
            continue
        before = dict(fuzz_strategies.COUNTS)
        t = time.perf_counter()
        status = "ok"
        try:
            seed(args.seed * 1000 + i)(fn)() if not args.derandomize else fn()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, the run goes on
            status = "FAILED"
            failures.append((name, _failure(exc)))
        tried = {k: v - before.get(k, 0) for k, v in fuzz_strategies.COUNTS.items() if v - before.get(k, 0)}
        for target, n in sorted(tried.items()):
            print(f"{name:34} {target:38} {n:8,} inputs  {time.perf_counter() - t:7.1f} s  {status}", flush=True)
        if not tried:
            print(f"{name:34} {'(no calls)':38} {0:8,} inputs  {time.perf_counter() - t:7.1f} s  {status}", flush=True)
    total = sum(fuzz_strategies.COUNTS.values())
    print(f"\ntotal: {total:,} inputs over {len(fuzz_strategies.COUNTS)} targets in "
          f"{time.perf_counter() - start:.0f} s; {len(failures)} failing test(s)")
    for name, text in failures:
        print(f"\n=== {name}\n{text}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
