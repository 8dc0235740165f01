"""Cross-checking cost on synthetic claims: 10k, 100k and 1,000,000 claims (issue 5: 1M in under 60 s).

The claims are made up, not extracted: 2,000 documents; subjects with six attributes
each, periods for half of them; each (subject, attribute, period) group stated by 1–8
documents with the same figure written with different rounding and qualifiers
("$7.5bn", "more than $7.5 billion", "about $7.5 billion"); one group in ten has one
source with a slip (a transposed digit, a dropped zero, a million/billion swap or a
changed figure); one in five is stated by a single source. Building the claims is
not timed; ``crosscheck_all`` (grouping, comparison, findings, single-source list)
is. The built claims are frozen out of the cyclic garbage collector's way first
(``gc.freeze()``; ``--no-freeze`` leaves them, and the collector's full passes over
a million live objects then cost more than the cross-check itself).

    python benchmarks/crosscheck_scale.py [--sizes 10000,100000,1000000] [--seed 0]
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from datetime import date

ATTRIBUTES = [("valuation", "USD"), ("revenue", "USD"), ("ipo_proceeds", "USD"), ("revenue_share", "percent"),
              ("count", "count"), ("listing_date", "date")]


def make_claims(n: int, seed: int = 0):
    from claimcheck.schema import Claim, Document

    rng = random.Random(seed)
    docs = [Document(id=f"d{i}", text="", published=date(2019, 10, 8)) for i in range(2000)]
    claims = []
    g = 0
    while len(claims) < n:
        g += 1
        subject = f"Company {g // 6}"
        attribute, unit = ATTRIBUTES[g % 6]
        period = str(2015 + g % 5) if g % 2 else None
        k = 1 if rng.random() < 0.2 else rng.randint(2, 8)
        sources = rng.sample(range(2000), k)
        if unit == "date":
            value = f"2019-{1 + g % 12:02d}-{1 + g % 28:02d}"
        elif unit == "percent":
            value = round(rng.uniform(1, 60), 1)
        elif unit == "count":
            value = rng.randint(3, 500)
        else:
            value = round(rng.uniform(1, 99), 1) * 10 ** rng.choice([6, 9])
        slipped = k >= 3 and rng.random() < 0.1
        for j, s in enumerate(sources):
            v = value
            if slipped and j == 0 and unit != "date":
                v = rng.choice([value * 10, value / 10, value * 1000, value * 1.7])
            if unit == "date":
                low = high = v
                qualifier = "exact"
            else:
                qualifier = rng.choice(["exact", "exact", "approx", "at_least"])
                spread = abs(v) * (0.005 if qualifier == "exact" else 0.05)
                low = v if qualifier == "at_least" else v - spread
                high = None if qualifier == "at_least" else v + spread
            claims.append(Claim.model_construct(
                id=f"d{s}:c{len(claims)}", doc=f"d{s}", subject=subject, subject_text=subject, attribute=attribute,
                value=v, unit=unit, qualifier=qualifier, low=low, high=high, period=period,
                scope="entity (add)" if attribute == "count" else None, text=f"{v}", start=0, end=1,
                sentence=f"{subject} {attribute} {v}.", confidence=0.9))
    return docs, claims[:n]


def main() -> None:
    from claimcheck.crosscheck import crosscheck_all

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-freeze", action="store_true", help="leave the built claims to the cyclic garbage "
                    "collector (by default gc.freeze() moves them out of its way before the timed call)")
    args = ap.parse_args()
    print(f"{'claims':>10} {'groups':>9} {'findings':>9} {'single-source':>13} {'seconds':>8} {'µs/claim':>9}")
    for n in (int(x) for x in args.sizes.split(",")):
        docs, claims = make_claims(n, args.seed)
        gc.collect()
        if not args.no_freeze:
            gc.freeze()  # a long-lived batch job's inputs: the collector need not rescan a million claims
        started = time.perf_counter()
        result = crosscheck_all(docs, claims, [])
        seconds = time.perf_counter() - started
        groups = len({(c.subject, c.attribute, c.period) for c in claims})
        print(f"{n:>10,} {groups:>9,} {len(result.findings):>9,} {len(result.single_source):>13,} "
              f"{seconds:>8.1f} {1e6 * seconds / n:>9.1f}")
        del docs, claims, result
        gc.unfreeze()
        gc.collect()


if __name__ == "__main__":
    main()
