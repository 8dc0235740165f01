"""Conflict precision on unmodified real piles (issue 14): Reuters-21578 days and MEANTIME topics.

Nobody planted an error in these articles, so every ``conflict`` finding is either a real disagreement between
sources of one story or a false alarm. The piles were fixed before any finding was seen:

* **Reuters-21578**: one pile per publication day (the record's ``date``; 58 days, 3–571 stories each once the
  test split is out, 12,894 stories; the one record without a date is in no pile). A wire
  story's follow-ups, updates, corrections and repeats mostly run the same day, so a day keeps them together,
  while a seeded draw of a few thousand stories would break most of them apart; a day is also small enough for
  the grouping (its cost grows with the square of the pile). Follow-ups on later days are not checked together.
* **MEANTIME**: one pile per topic (Airbus, Apple, GM, stock market; 30 Wikinews articles each, 2005–2011).

Articles of the real annotation corpus's test split (recorded in ``corpus/real/splits.json``, or the split the
hash rule gives an article not annotated yet) are left out, as ``crosscheck/assemble_real_stories.py`` leaves
them out, so reading the conflicts does not read that split. Each pile is checked as ``claimcheck check
PILE.jsonl --stories cluster`` checks it: the records as they stand in ``../shared/data`` (title and ``date``
read by the JSONL reader), grouped into stories (``resolve/stories.py``, threshold 0.20), each story
cross-checked alone.

Every conflict goes to ``--out`` (outside the repository: it carries the evidence sentences); a seeded sample
of ``--n`` (all when fewer) is matched against ``conflicts_judged.json`` (judgements by documents, attribute
and the two values; no text) and precision is printed with Wilson 95% intervals, arguable conflicts counted
wrong, left out, and counted right. ``--show`` prints the sampled conflicts not judged yet, with their evidence.

    python benchmarks/conflicts_reuters.py [--out conflicts_findings.json] [--jobs 2] [--show]
    python benchmarks/conflicts_reuters.py --findings conflicts_findings.json [--show]   # sample and score only
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "crosscheck"))

from assemble_real_stories import split_rule  # noqa: E402
from run import commit, wilson  # noqa: E402

JUDGED = HERE / "conflicts_judged.json"
SOURCES = {"reuters21578": "reuters21578/reuters21578.jsonl", "meantime": "meantime/meantime_en.jsonl"}
LABELS = ("correct", "wrong", "arguable")


def piles(shared: Path) -> dict[str, list[str]]:
    """``pile name -> the records' JSONL lines``: Reuters by day, MEANTIME by topic, test split left out."""
    split = split_rule()
    out: dict[str, list[str]] = collections.defaultdict(list)
    for source, rel in SOURCES.items():
        for line in (shared / "data" / rel).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if split(f"{source}:{r['id']}") == "test":
                continue
            if source == "reuters21578":
                if r.get("date"):  # one record has no date: in no pile
                    out[f"reuters-{r['date'][:10]}"].append(line)
            else:
                out[f"meantime-{r['topic'].removeprefix('corpus_')}"].append(line)
    return dict(sorted(out.items()))


def _plain(doc: str) -> str:
    """A document id without its story's prefix (``3-texaco/reuters-123`` → ``reuters-123``)."""
    return doc.split("/", 1)[1] if "/" in doc else doc


def check_pile(item: tuple[str, list[str], str]) -> dict:
    """Check one pile as ``claimcheck check PILE.jsonl --stories cluster``; its conflicts and counts."""
    from claimcheck.api import check

    name, lines, model = item
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = check([str(path)], model=model, stories="cluster", warn=lambda m: None)
    claims = {c.id: c for c in report.claims}
    story_of = {d: s.name for s in report.stories for d in s.docs}
    conflicts = []
    for f in report.findings:
        if f.kind != "conflict":
            continue
        story = story_of.get(f.docs[0]) if f.docs else None
        conflicts.append({
            "pile": name, "story": story, "docs": [_plain(d) for d in f.docs], "subject": f.subject,
            "attribute": f.attribute, "found": f.found, "suggestion": f.suggestion, "verdict": f.verdict,
            "confidence": f.confidence, "slip": f.slip, "message": f.message,
            "claims": [{"doc": _plain(c.doc), "subject_text": c.subject_text, "text": c.text, "value": c.value,
                        "period": c.period, "scope": c.scope, "as_of": c.as_of}
                       for c in (claims[i] for i in f.claims if i in claims)],
            "evidence": [f"{_plain(e.doc)}: {e.sentence}" for e in f.evidence][:6]})
    sizes = [len(s.docs) for s in report.stories]
    return {"pile": name, "docs": len(report.documents), "stories": len(sizes),
            "stories_of_2_or_more": sum(n >= 2 for n in sizes), "docs_in_those": sum(n for n in sizes if n >= 2),
            "claims": len(report.claims), "findings": dict(collections.Counter(f.kind for f in report.findings)),
            "conflicts": conflicts, "seconds": round(time.perf_counter() - started, 1)}


def run_piles(shared: Path, model: str, jobs: int) -> dict:
    items = [(name, lines, model) for name, lines in piles(shared).items()]
    items.sort(key=lambda it: -len(it[1]))  # largest first: the pool ends together
    started = time.perf_counter()
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            results = []
            for res in pool.imap_unordered(check_pile, items):
                results.append(res)
                print(f"  {res['pile']}: {res['docs']} docs, {len(res['conflicts'])} conflicts, {res['seconds']} s",
                      file=sys.stderr)
    else:
        results = [check_pile(it) for it in items]
    results.sort(key=lambda r: r["pile"])
    conflicts = [c for r in results for c in r["conflicts"]]
    totals: collections.Counter = collections.Counter()
    for r in results:
        totals.update(r["findings"])
    summary = {"commit": commit(), "model": model, "piles": len(results),
               "documents": sum(r["docs"] for r in results), "stories": sum(r["stories"] for r in results),
               "stories_of_2_or_more": sum(r["stories_of_2_or_more"] for r in results),
               "docs_in_those": sum(r["docs_in_those"] for r in results),
               "claims": sum(r["claims"] for r in results), "findings": dict(totals), "conflicts": len(conflicts),
               "by_source": dict(collections.Counter(c["pile"].split("-")[0] for c in conflicts)),
               "seconds": round(time.perf_counter() - started, 1), "jobs": jobs}
    return {"summary": summary, "piles": [{k: v for k, v in r.items() if k != "conflicts"} for r in results],
            "conflicts": conflicts}


def key(c: dict) -> tuple:
    """What a judgement is matched by: the documents, the attribute and the two values."""
    return (tuple(sorted(c["docs"])), c["attribute"], c["found"], c["suggestion"])


def draw(conflicts: list[dict], n: int, seed: int) -> list[dict]:
    """The seeded sample (all when fewer), in a fixed order that does not depend on the run's pile order."""
    ordered = sorted(conflicts, key=lambda c: (c["pile"], key(c)))
    rng = random.Random(seed)
    return [ordered[i] for i in sorted(rng.sample(range(len(ordered)), min(n, len(ordered))))]


def score(conflicts: list[dict], judged_path: Path = JUDGED) -> tuple[collections.Counter, collections.Counter,
                                                                      list[dict]]:
    """Judgements of ``conflicts``: counts by label, the wrong ones' causes, and the conflicts not judged yet."""
    labels = {}
    if judged_path.exists():
        for j in json.loads(judged_path.read_text(encoding="utf-8"))["conflicts"]:
            labels[(tuple(sorted(j["docs"])), j["attribute"], j["found"], j["suggestion"])] = j
    counts: collections.Counter = collections.Counter()
    causes: collections.Counter = collections.Counter()
    unjudged = []
    for c in conflicts:
        j = labels.get(key(c))
        if j is None:
            unjudged.append(c)
            continue
        counts[j["judged"]] += 1
        if j["judged"] == "wrong":
            causes[j.get("cause", "?")] += 1
    return counts, causes, unjudged


def report_precision(counts: collections.Counter) -> None:
    right, arguable, n = counts["correct"], counts["arguable"], sum(counts[x] for x in LABELS)
    print(f"judged {n}: {right} correct, {counts['wrong']} wrong, {arguable} arguable")
    for how, k, m in (("arguable counted wrong", right, n), ("arguable left out", right, n - arguable),
                      ("arguable counted right", right + arguable, n)):
        lo, hi = wilson(k, m)
        print(f"  precision, {how}: {k}/{m} = {k / max(1, m):.2f} [Wilson 95% {lo:.2f}–{hi:.2f}]")


def show(c: dict, k: int) -> None:
    print(f"\n#{k} [{c['pile']} · {c['story']}] {c['subject']} · {c['attribute']}: {c['found']} vs {c['suggestion']}"
          f" · {c['verdict']} · {c['confidence']:.2f}")
    print("  ", c["message"])
    for cl in c["claims"]:
        print(f"     claim {cl['doc']}: {cl['text']!r} subject {cl['subject_text']!r} period {cl['period']} "
              f"scope {cl['scope']} as_of {cl['as_of']}")
    for e in c["evidence"]:
        print("     ", e[:400])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("CLAIMCHECK_SHARED") or str(HERE.parents[1].parent / "shared"))
    ap.add_argument("--out", default="conflicts_findings.json", help="every conflict, with evidence (not for the repo)")
    ap.add_argument("--findings", help="sample and score a run already written instead of running the piles")
    ap.add_argument("--model", default="default", help="the extraction pipeline (claimcheck's --model)")
    ap.add_argument("--jobs", type=int, default=1, help="piles checked in parallel processes")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--judged", default=str(JUDGED))
    ap.add_argument("--show", action="store_true", help="print the sampled conflicts not judged yet")
    args = ap.parse_args()
    if args.findings:
        data = json.loads(Path(args.findings).read_text(encoding="utf-8"))
    else:
        data = run_piles(Path(args.shared), args.model, args.jobs)
        Path(args.out).write_text(json.dumps(data, indent=1), encoding="utf-8")
    print(json.dumps(data["summary"]))
    sample = draw(data["conflicts"], args.n, args.seed)
    print(f"{len(data['conflicts'])} conflicts; sample of {len(sample)} (seed {args.seed})")
    counts, causes, unjudged = score(sample, Path(args.judged))
    report_precision(counts)
    print("  wrong, by cause:", dict(causes.most_common()))
    if unjudged:
        print(f"{len(unjudged)} sampled conflicts not judged yet")
    every, every_causes, left = score(data["conflicts"], Path(args.judged))
    if len(data["conflicts"]) > len(sample):
        print(f"all {len(data['conflicts'])} conflicts ({len(left)} not judged):")
        report_precision(every)
        print("  wrong, by cause:", dict(every_causes.most_common()))
    if args.show:
        for k, c in enumerate(sample, 1):
            if c in unjudged:
                show(c, k)


if __name__ == "__main__":
    main()
