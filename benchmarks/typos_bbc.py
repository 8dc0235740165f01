"""Typo findings on BBC business checked as one story, and on ECB+ clusters: draw, show, score (issue 14).

BBC business (510 articles, ``../shared/data/bbc_business``) annotated as one file is one "story" of 510
unrelated articles: a name spelt two ways there is a typo only with evidence that both forms name the same
thing (``claimcheck.resolve.typos.same_thing_evidence``). The articles are split by id parity, fixed before
any judging: odd ids are the development half (rules and confidences were chosen there and on ECB+), even
ids are held out. A finding belongs to the half of its first document.

    claimcheck annotate ../shared/data/bbc_business/bbc_business.jsonl -o /tmp/bbc_ann      # ~40 s
    claimcheck annotate ../shared/data/ecbplus/ecbplus.jsonl -o /tmp/ecb_ann                 # ~90 s
    python benchmarks/typos_bbc.py --bbc /tmp/bbc_ann --show            # the seeded sample, with its sentences
    python benchmarks/typos_bbc.py --bbc /tmp/bbc_ann --ecbplus /tmp/ecb_ann   # precision, reliability table

Judgements live in ``benchmarks/typos_judged.json`` (forms, document ids and labels only: no corpus text):
``correct`` (a slip, and the suggestion is what was meant), ``wrong`` or ``arguable``, each with a reason.
Precision is reported with arguable findings counted wrong and with them left out, with Wilson 95% intervals.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from claimcheck.jsonl import read_jsonl

JUDGED = Path(__file__).resolve().parent / "typos_judged.json"


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3))


def _half(doc: str) -> str:
    m = re.search(r"(\d+)$", doc)
    return "dev" if m and int(m.group(1)) % 2 else "test"


def bbc_typos(outdir: str) -> list[dict]:
    """Every typo finding of ``crosscheck --scope story`` on the BBC annotate output (one story)."""
    from claimcheck.batch.corpus_check import crosscheck_outdir

    report = crosscheck_outdir(outdir, scope="story")
    return [_row("bbc", f) for f in report.findings if f.kind == "typo"]


def ecbplus_typos(outdir: str, shared: Path) -> list[dict]:
    """Every typo finding of the 86 ECB+ clusters, each cluster checked as one story (as ``check`` does)."""
    from claimcheck.batch.results import open_outdir, read_table
    from claimcheck.batch.tables import claims_from_rows, documents_from_rows, names_of
    from claimcheck.story import StoryDoc, check_story

    cluster = {}
    for r in read_jsonl(shared / "data" / "ecbplus" / "ecbplus.jsonl"):
        cluster[r["id"]] = r["cluster"]
    out = open_outdir(outdir)
    rows = read_table(out, "documents", ["id", "story", "path", "title", "published", "source", "url", "text",
                                         "names"]).to_pylist()
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for c in read_table(out, "claims").to_pylist():
        by_doc[c["doc"]].append(c)
    stories: dict[str, list] = defaultdict(list)
    for r in rows:
        names, contexts = names_of(r)
        stories[cluster[r["id"]]].append(StoryDoc(documents_from_rows([r])[0], claims_from_rows(by_doc[r["id"]]),
                                                  names, contexts))
    found = []
    for name, items in sorted(stories.items()):
        found += [_row(name, f) for f in check_story(items).findings if f.kind == "typo"]
    return found


def _row(story: str, f) -> dict:
    return {"story": story, "found": f.found, "suggestion": f.suggestion, "docs": list(f.docs),
            "confidence": f.confidence, "set": _half(f.docs[0]) if story == "bbc" else "dev",
            "evidence": [f"{e.doc}: {e.sentence}" for e in f.evidence][:3]}


def _kind(row: dict) -> str:
    return "word" if row["found"][:1].islower() else "name"


def _key(row: dict) -> tuple:
    return (row["story"], row["found"], row["suggestion"], row["docs"][0])


def load_judged(path: Path = JUDGED) -> dict[tuple, dict]:
    if not path.exists():
        return {}
    return {_key(j): j for j in json.loads(path.read_text(encoding="utf-8"))["judged"]}


def score(rows: list[dict], judged: dict[tuple, dict]) -> dict:
    labels = [judged[_key(r)]["label"] for r in rows if _key(r) in judged]
    k, arg, n = labels.count("correct"), labels.count("arguable"), len(labels)
    return {"findings": len(rows), "judged": n, "correct": k, "arguable": arg, "wrong": labels.count("wrong"),
            "precision": round(k / n, 3) if n else None, "ci": wilson(k, n),
            "precision_without_arguable": round(k / (n - arg), 3) if n - arg else None,
            "ci_without_arguable": wilson(k, n - arg)}


def reliability(rows: list[dict], judged: dict[tuple, dict]) -> list[dict]:
    """Judged precision per confidence value (arguable counted wrong)."""
    bins: dict[float, list[str]] = defaultdict(list)
    for r in rows:
        if _key(r) in judged:
            bins[r["confidence"]].append(judged[_key(r)]["label"])
    return [{"confidence": c, "judged": len(v), "correct": v.count("correct"),
             "precision": round(v.count("correct") / len(v), 3), "ci": wilson(v.count("correct"), len(v))}
            for c, v in sorted(bins.items(), reverse=True)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", required=True, help="the annotate output of bbc_business.jsonl")
    ap.add_argument("--ecbplus", help="the annotate output of ecbplus.jsonl (development findings)")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--n", type=int, default=50, help="sample size (all findings when there are fewer)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--show", action="store_true", help="print the sample with its evidence sentences, to judge")
    ap.add_argument("--judged", default=str(JUDGED))
    ap.add_argument("--json", help="write the scores here")
    args = ap.parse_args(argv)
    for p in (args.bbc, args.ecbplus):
        if p and not Path(p).is_dir():
            print(f"error: {p}: not an annotate output directory", file=sys.stderr)
            return 2
    bbc = bbc_typos(args.bbc)
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(bbc, min(args.n, len(bbc))), key=lambda r: (r["set"], -r["confidence"]))
    judged = load_judged(Path(args.judged))
    print(f"BBC business as one story: {len(bbc)} typo findings; sample of {len(sample)} (seed {args.seed})")
    if args.show:
        for i, r in enumerate(sample, 1):
            mark = judged.get(_key(r), {}).get("label", "unjudged")
            print(f"\n#{i} [{r['set']}] {r['found']} -> {r['suggestion']} {r['docs']} conf {r['confidence']}: {mark}")
            for e in r["evidence"]:
                print("     ", e[:300])
    result = {"bbc_sample": score(sample, judged),
              "bbc_sample_dev": score([r for r in sample if r["set"] == "dev"], judged),
              "bbc_sample_test": score([r for r in sample if r["set"] == "test"], judged),
              # names and common words apart ('word' findings are the lower-case forms find_word_typos reports)
              "bbc_sample_by_kind": {f"{half}/{kind}": score([r for r in sample if half in ("all", r["set"])
                                                              and _kind(r) == kind], judged)
                                     for half in ("all", "dev", "test") for kind in ("name", "word")},
              "bbc_sample_table": [{**r, "label": judged.get(_key(r), {}).get("label"),
                                    "reason": judged.get(_key(r), {}).get("reason")} for r in sample]}
    dev = [r for r in bbc if r["set"] == "dev"]
    if args.ecbplus:
        ecb = ecbplus_typos(args.ecbplus, Path(args.shared))
        dev = ecb + dev
        result["ecbplus"] = score(ecb, judged)
    result["rows"] = dev + [r for r in bbc if r["set"] == "test"]
    result["reliability_dev"] = reliability(dev, judged)
    result["reliability_test"] = reliability([r for r in bbc if r["set"] == "test"], judged)
    for name in ("bbc_sample", "bbc_sample_dev", "bbc_sample_test", "ecbplus"):
        if name in result:
            print(name, json.dumps(result[name]))
    for name, sc in result["bbc_sample_by_kind"].items():
        print(f"  {name}: {sc['correct']} of {sc['judged']} correct ({sc['findings']} findings), Wilson {sc['ci']}")
    for name in ("reliability_dev", "reliability_test"):
        print(name)
        for b in result[name]:
            print("  ", json.dumps(b))
    unjudged = [r for r in sample + dev if _key(r) not in judged]
    if unjudged:
        print(f"{len(unjudged)} findings not judged yet:",
              [(r["story"], r["found"], r["suggestion"]) for r in unjudged])
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
