"""Independent voices: how well ``claimcheck.resolve.copies`` tells copies from other articles.

Three measurements (benchmarks/README.md, "Independent voices"):

``synthetic``
    recall on copies made from real Reuters-21578 stories (a new headline and byline; cut to the first k
    paragraphs; a sentence inserted; one figure changed; all four at once) and false positives on pairs of
    different articles about the same ECB+ event. Dev half: Reuters stories with an even NEWID, ECB+ topics
    with an odd number; test half: the rest (fixed before looking). ``--grid`` prints the dev grid the
    thresholds were chosen on.
``reuters``
    the detector over the whole corpus (MinHash/LSH, 18,352 stories): copy pairs found, and a fixed random
    sample of 30 pairs to read (``--show``); the judgements, by pair ids, are in ``copies_judged.json`` (ids
    and labels only: no text of the corpus is stored) and give the precision with a bootstrap interval.
``demo``
    ``check`` on the demo stories (corpus/stories) with and without copy detection: which documents are
    copies, and which findings change.

    CLAIMCHECK_SHARED=/work/shared python benchmarks/copies.py [synthetic|reuters|demo|all] [--grid] [--show]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from datetime import date
from itertools import combinations
from pathlib import Path

import numpy as np

from claimcheck.jsonl import read_jsonl
from claimcheck.paths import shared_dir
from claimcheck.resolve import copies as C

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "copies_judged.json"
SAMPLES = 200  # Reuters stories per half
LSH_CHECK = 3000  # stories compared pair by pair to measure what the LSH candidates miss
SEED = 14


def shared_data_dir() -> Path:
    root = shared_dir()
    if root is None:
        sys.exit("error: the shared data was not found; set CLAIMCHECK_SHARED (see benchmarks/README.md)")
    return root / "data"


def _reuters() -> list[dict]:
    path = shared_data_dir() / "reuters21578" / "reuters21578.jsonl"
    return list(read_jsonl(path))


def _ecbplus() -> list[dict]:
    path = shared_data_dir() / "ecbplus" / "ecbplus.jsonl"
    return list(read_jsonl(path))


def bootstrap(values: list[float], n: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """Mean and 95% percentile-bootstrap interval."""
    if not values:
        return float("nan"), float("nan"), float("nan")
    a = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = a[rng.integers(0, len(a), size=(n, len(a)))].mean(axis=1)
    return float(a.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def fmt(m: tuple[float, float, float]) -> str:
    return f"{m[0]:.3f} [{m[1]:.3f}–{m[2]:.3f}]"


# -- synthetic copies --------------------------------------------------------------------------------------------

HEADLINES = ["Markets wrap: what the latest figures mean", "In brief: today's business news",
             "Your morning briefing on companies and markets"]
BYLINES = ["By our business desk", "Staff report, republished with permission", "From the newswire"]
INSERTED = ["Analysts contacted by this site declined to comment on the announcement.",
            "The news was first reported earlier in the day by wire services.",
            "Readers can find more coverage of the sector on our markets page."]
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def change_figure(text: str, rng: random.Random) -> str:
    figures = list(_DIGITS.finditer(text))
    if not figures:
        return text
    m = rng.choice(figures)
    digits = [i for i, ch in enumerate(m.group(0)) if ch.isdigit()]
    i = rng.choice(digits)
    old = m.group(0)
    new = old[:i] + str((int(old[i]) + rng.randint(1, 8)) % 10) + old[i + 1:]
    return text[:m.start()] + new + text[m.end():]


def variants(text: str, rng: random.Random) -> dict[str, str]:
    paras = paragraphs(text)
    k = rng.randint(max(1, (len(paras) + 2) // 3), len(paras) - 1)
    head = f"{rng.choice(HEADLINES)}\n\n{rng.choice(BYLINES)}\n\n"
    at = rng.randint(1, len(paras) - 1)
    inserted = "\n\n".join(paras[:at] + [rng.choice(INSERTED)] + paras[at:])
    out = {
        "headline": head + text,
        "trimmed": "\n\n".join(paras[:k]),
        "inserted": inserted,
        "figure": change_figure(text, rng),
    }
    combined = paragraphs(change_figure(inserted, rng))
    out["all four"] = head + "\n\n".join(combined[:max(k + 1, 2)])
    return out


def synthetic_sets(half: str) -> tuple[list[tuple[str, str, C.Fingerprint, C.Fingerprint]],
                                      list[tuple[str, str, C.Fingerprint, C.Fingerprint]]]:
    """(positives, negatives) of one half: (kind, ids, print a, print b)."""
    rng = random.Random(f"{SEED}-{half}")
    parity = 0 if half == "dev" else 1
    pool = [r for r in _reuters() if int(r["id"].split("-")[1]) % 2 == parity
            and len(paragraphs(r["text"])) >= 3 and len(r["text"].split()) >= 120]
    positives = []
    for r in rng.sample(pool, SAMPLES):
        original = C.fingerprint(r["text"])
        for kind, text in variants(r["text"], rng).items():
            positives.append((kind, r["id"], original, C.fingerprint(text)))
    negatives = []
    clusters: dict[str, list[dict]] = {}
    for r in _ecbplus():
        if int(r["topic"]) % 2 == (1 if half == "dev" else 0):
            clusters.setdefault(r["cluster"], []).append(r)
    for _, rows in sorted(clusters.items()):
        prints = {r["id"]: C.fingerprint(r["text"]) for r in rows}
        for a, b in combinations(sorted(prints), 2):
            negatives.append(("ecb+ same event", f"{a}|{b}", prints[a], prints[b]))
    return positives, negatives


def _score(positives, negatives, **thresholds) -> tuple[dict[str, list[float]], list[float], list[str]]:
    recall: dict[str, list[float]] = {}
    for kind, _, a, b in positives:
        recall.setdefault(kind, []).append(float(C.compare(a, b, **thresholds) is not None))
    found = [float(C.compare(a, b, **thresholds) is not None) for _, _, a, b in negatives]
    flagged = [ids for (_, ids, _, _), f in zip(negatives, found) if f]
    return recall, found, flagged


def run_synthetic(grid: bool) -> None:
    if grid:
        positives, negatives = synthetic_sets("dev")
        print(f"dev grid: {len(positives)} synthetic copies, {len(negatives)} ECB+ same-event pairs")
        print("min_jaccard min_containment  recall  false-positive pairs")
        for j in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            for c in (0.6, 0.7, 0.8, 0.9, 0.95):
                recall, found, _ = _score(positives, negatives, min_jaccard=j, min_containment=c)
                all_recall = [x for v in recall.values() for x in v]
                print(f"{j:11.2f} {c:15.2f}  {np.mean(all_recall):.3f}  {int(sum(found))}")
    for half in ("dev", "test"):
        positives, negatives = synthetic_sets(half)
        recall, found, flagged = _score(positives, negatives)
        print(f"\n{half} half (MIN_JACCARD={C.MIN_JACCARD}, MIN_CONTAINMENT={C.MIN_CONTAINMENT}, "
              f"MIN_SHARED={C.MIN_SHARED}):")
        for kind, values in recall.items():
            print(f"  recall, {kind:9s} ({len(values)} copies): {fmt(bootstrap(values))}")
        print(f"  recall, all ({sum(len(v) for v in recall.values())}): "
              f"{fmt(bootstrap([x for v in recall.values() for x in v]))}")
        print(f"  ECB+ same-event pairs called copies: {int(sum(found))} of {len(found)} "
              f"(rate {fmt(bootstrap(found))}): {', '.join(flagged) or '-'}")
        if half == "test" and JUDGED.exists():
            judged = json.loads(JUDGED.read_text())["ecbplus_test_flagged"]
            copies = [ids for ids in flagged if judged.get(ids, {}).get("copy")]
            unjudged = [ids for ids in flagged if ids not in judged]
            wrong = len(flagged) - len(copies) - len(unjudged)
            print(f"  read by hand: {len(copies)} of them are real copies (syndicated wire text, reposts), "
                  f"{wrong} are not, {len(unjudged)} not judged: false-positive rate on different articles "
                  f"{wrong} of {len(found) - len(copies)}")


# -- the whole Reuters corpus ------------------------------------------------------------------------------------

def reuters_pairs() -> tuple[list[dict], list[tuple[int, int, float, float]], float]:
    rows = _reuters()
    start = time.perf_counter()
    prints = [C.fingerprint(r["text"], date.fromisoformat(r["date"]) if r.get("date") else None) for r in rows]
    pairs = C.find_copy_pairs(prints)
    return rows, pairs, time.perf_counter() - start


def run_reuters(show: bool) -> None:
    rows, pairs, seconds = reuters_pairs()
    in_pairs = {i for p in pairs for i in p[:2]}
    print(f"Reuters-21578: {len(rows)} stories, {len(pairs)} copy pairs, {len(in_pairs)} stories in a pair "
          f"({seconds:.0f} s with MinHash/LSH candidates)")
    exact = sum(1 for p in pairs if p[2] >= 0.999)
    print(f"  of the pairs: {exact} identical shingle sets, {sum(1 for p in pairs if p[2] < C.MIN_JACCARD)} "
          "found through containment only (a shortened copy)")
    # what the MinHash/LSH candidates miss: every pair of the first LSH_CHECK stories compared exhaustively
    prints = [C.fingerprint(r["text"], date.fromisoformat(r["date"]) if r.get("date") else None)
              for r in rows[:LSH_CHECK]]
    exhaustive = {p[:2] for p in C.find_copy_pairs(prints, exact_limit=LSH_CHECK)}
    lsh = {p[:2] for p in C.find_copy_pairs(prints, exact_limit=0)}
    print(f"  first {LSH_CHECK} stories: {len(exhaustive)} copy pairs comparing every pair, {len(exhaustive & lsh)} "
          f"of them among the MinHash/LSH candidates ({len(lsh - exhaustive)} others)")
    sample = random.Random(SEED).sample(sorted(pairs), 30)
    judged = json.loads(JUDGED.read_text())["reuters_sample"] if JUDGED.exists() else {}
    labels = []
    for i, j, jac, cont in sample:
        key = f"{rows[i]['id']}|{rows[j]['id']}"
        label = judged.get(key)
        if label is not None:
            labels.append(float(label["copy"]))
        if show:
            a, b = rows[i], rows[j]
            print(f"\n=== {key} J={jac:.2f} C={cont:.2f} judged={label}")
            for r in (a, b):
                print(f"--- {r['id']} {r['date']} {r['title']!r} ({len(r['text'])} chars)\n{r['text'][:1200]}")
    if labels:
        print(f"  precision on the judged sample of {len(labels)} pairs: {fmt(bootstrap(labels))}")


# -- the demo stories ----------------------------------------------------------------------------------------------

def run_demo() -> None:
    from unittest import mock

    from claimcheck import api, story

    root = Path(__file__).resolve().parents[1] / "corpus" / "stories"
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        with_copies = api.check([str(d)])
        with mock.patch.object(story, "find_story_copies", lambda items, **kw: {}):
            without = api.check([str(d)])
        print(f"\n{d.name}: copies {[(x.id, x.copy_of) for x in with_copies.documents if x.copy_of] or 'none'}")
        show = {f.message for f in with_copies.findings}
        before = {f.message for f in without.findings}
        for f in without.findings:
            print(f"  {'  ' if f.message in show else '- '}{f.kind} {f.verdict}: {f.message}")
        for f in with_copies.findings:
            if f.message not in before:
                print(f"  + {f.kind} {f.verdict}: {f.message}")
        print(f"  single-source figures: {len(without.single_source)} -> {len(with_copies.single_source)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", nargs="?", default="all", choices=("synthetic", "reuters", "demo", "all"))
    parser.add_argument("--grid", action="store_true", help="print the dev grid the thresholds were chosen on")
    parser.add_argument("--show", action="store_true", help="print the Reuters sample to judge")
    args = parser.parse_args(argv)
    if args.what in ("synthetic", "all"):
        run_synthetic(args.grid)
    if args.what in ("reuters", "all"):
        run_reuters(args.show)
    if args.what in ("demo", "all"):
        run_demo()
    return 0


if __name__ == "__main__":
    sys.exit(main())
