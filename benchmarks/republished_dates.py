"""How often the republished-old-story rule (``crosscheck.republished_findings``) fires on real pages.

Nobody republished these pages, so (almost) every hit is a false alarm: the rate is the rule's false-positive
rate on ordinary news. Pages without a date line cannot be checked and are counted apart.

* Reuters-21578: every story has a ``date`` (1987); dev = even NEWID, test = odd NEWID.
* ECB+: ``date_raw`` (noisy; read with ``parse_header_date``), MEANTIME: the second line of the text;
  dev/test by the parity of the CRC-32 of the id.
* BBC business: no date line, so the rule never runs there (reported as 0 checked).

The rule was tuned on the dev halves only; the test halves are reported as they came out.

    python benchmarks/republished_dates.py [--shared ../shared] [--split dev|test|all] [--show 20]

Prints one JSON object: per corpus and split, the pages checked, the hits, the rate with a bootstrap 95%
interval, and the hits (ids, date line, the latest dated event; no corpus text).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import zlib
from datetime import date
from pathlib import Path

from claimcheck.jsonl import read_jsonl


def _split(doc_id: str) -> str:
    if doc_id.startswith("reuters-"):
        return "dev" if int(doc_id.split("-")[1]) % 2 == 0 else "test"
    return "dev" if zlib.crc32(doc_id.encode()) % 2 == 0 else "test"


def _pages(shared: Path):
    from claimcheck.normalize.locate import parse_header_date
    from claimcheck.schema import Document

    data = shared / "data"
    for r in read_jsonl(data / "reuters21578" / "reuters21578.jsonl"):
        published = date.fromisoformat(r["date"][:10]) if r.get("date") else None
        yield "reuters", Document(id=r["id"], text=r["text"], published=published)
    for r in read_jsonl(data / "ecbplus" / "ecbplus.jsonl"):
        yield "ecbplus", Document(id=r["id"], text=r["text"], published=parse_header_date(r["date_raw"] or ""))
    for r in read_jsonl(data / "meantime" / "meantime_en.jsonl"):
        lines = r["text"].split("\n")
        yield "meantime", Document(id=r["id"], text=r["text"],
                                   published=parse_header_date(lines[1]) if len(lines) > 1 else None)
    for r in read_jsonl(data / "bbc_business" / "bbc_business.jsonl"):
        yield "bbc", Document(id=r["id"], text=r["text"], published=None)


def _interval(hits: int, n: int, rounds: int = 2000, seed: int = 0) -> list[float]:
    if n == 0:
        return [0.0, 0.0]
    rng = random.Random(seed)
    p = hits / n
    rates = sorted(sum(rng.random() < p for _ in range(n)) / n for _ in range(rounds)) if n <= 5000 else None
    if rates is None:  # large n: the normal approximation of the same bootstrap
        se = (p * (1 - p) / n) ** 0.5
        return [round(max(0.0, p - 1.96 * se), 5), round(p + 1.96 * se, 5)]
    return [round(rates[int(0.025 * rounds)], 5), round(rates[int(0.975 * rounds) - 1], 5)]


def main(argv: list[str] | None = None) -> int:
    from claimcheck.crosscheck import finding_ids, republished_findings

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("CLAIMCHECK_SHARED",
                                                       str(Path(__file__).resolve().parents[1].parent / "shared")))
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--show", type=int, default=20, help="hits listed per corpus")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data" / "reuters21578" / "reuters21578.jsonl").exists():
        print(f"error: no shared corpora under {shared}/data", file=sys.stderr)
        return 2
    stats: dict[str, dict] = {}
    for corpus, doc in _pages(shared):
        if args.split != "all" and _split(doc.id) != args.split:
            continue
        s = stats.setdefault(corpus, {"pages": 0, "dated": 0, "hits": 0, "shown": []})
        s["pages"] += 1
        if doc.published is None:
            continue
        s["dated"] += 1
        found = republished_findings([doc], finding_ids(), set())
        if found:
            s["hits"] += 1
            if len(s["shown"]) < args.show:
                f = found[0]
                s["shown"].append({"id": doc.id, "dated": f.found, "latest_event": f.suggestion,
                                   "events": len(f.evidence), "confidence": f.confidence})
    for s in stats.values():
        s["rate"] = round(s["hits"] / s["dated"], 5) if s["dated"] else None
        s["rate_95"] = _interval(s["hits"], s["dated"])
    print(json.dumps({"split": args.split, "corpora": stats}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
