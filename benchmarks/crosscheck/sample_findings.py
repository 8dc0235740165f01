"""Draw the seeded sample of findings on unmodified ECB+ clusters for hand judging.

Reads the JSON that ``run.py --ecbplus --json OUT`` writes (its ``baseline_findings``: every
finding of the unmodified clusters, with evidence sentences) and prints a seeded random
sample, one block per finding, for a reader to mark correct / wrong / arguable.

    python benchmarks/crosscheck/sample_findings.py OUT.json [--n 30] [--seed 5]
"""

from __future__ import annotations

import argparse
import json
import random


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    findings = json.load(open(args.results))["ECB+"]["baseline_findings"]
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(range(len(findings)), min(args.n, len(findings))))
    print(f"{len(findings)} findings on unmodified clusters; sample of {len(sample)} (seed {args.seed})")
    for k, i in enumerate(sample, 1):
        f = findings[i]
        print(f"\n#{k} [{f['story']}] {f['kind']} · {f['verdict']} · {f['confidence']}")
        print("  ", f["message"])
        for e in f["evidence"][:4]:
            print("     ", e[:300])


if __name__ == "__main__":
    main()
