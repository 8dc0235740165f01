"""Injected-error benchmark: recall and false findings per error type, on the demo stories and on ECB+ clusters.

For every story: the pipeline processes its articles once and the unmodified
story is checked (the baseline). Then each injection from ``inject.generate``
changes one article, only that article is processed again, and the story is
checked again (``claimcheck.api.check_processed``: the same code as ``check``).

* recall: the share of injections some finding detects (``inject.detects``);
* false findings per story: findings of the injected run that neither detect the
  injection nor were already in the baseline, averaged over injected runs;
* baseline findings: what the unmodified stories report (on the demo stories:
  their planted errors).

    python benchmarks/crosscheck/run.py --stories            # corpus/stories
    python benchmarks/crosscheck/run.py --ecbplus [--clusters N] [--per-kind K]
    options: --seed S, --json OUT, --show-misses N
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import inject  # noqa: E402


def own_stories() -> list[tuple[str, list]]:
    from claimcheck.ingest import load_documents

    out = []
    for story in sorted(p for p in (ROOT / "corpus" / "stories").iterdir() if p.is_dir()):
        out.append((story.name, load_documents([str(story)], warn=lambda m: None)))
    return out


def ecbplus_stories(shared: Path, limit: int | None, min_docs: int = 3) -> list[tuple[str, list]]:
    from claimcheck.schema import Document

    clusters = collections.defaultdict(list)
    for line in open(shared / "data" / "ecbplus" / "ecbplus.jsonl", encoding="utf-8"):
        r = json.loads(line)
        clusters[r["cluster"]].append(Document(id=r["id"], text=r["text"], title=r["title"]))
    stories = [(k, v) for k, v in sorted(clusters.items()) if len(v) >= min_docs]
    return stories[:limit] if limit else stories


def run_story(name: str, docs: list, nlp, args, totals, misses, extra_examples) -> None:
    from claimcheck.api import check_processed
    from claimcheck.pipeline import process

    processed = list(process(docs, nlp))
    base = check_processed(docs, processed)
    base_sigs = {inject.signature(f) for f in base.findings}
    totals["baseline"][name] = len(base.findings)
    totals["baseline_findings"].extend(
        {"story": name, "kind": f.kind, "verdict": f.verdict, "subject": f.subject, "attribute": f.attribute,
         "docs": f.docs, "found": f.found, "suggestion": f.suggestion, "confidence": f.confidence,
         "message": f.message, "evidence": [f"{e.doc}: {e.sentence}" for e in f.evidence][:6]}
        for f in base.findings)
    forms = {p.doc.id: {f for f in p.names if f.isalpha() and len(f) >= 5} for p in processed}
    injections = inject.generate(base, docs, seed=args.seed, per_kind=args.per_kind, name_forms_by_doc=forms)
    by_id = {p.doc.id: i for i, p in enumerate(processed)}
    for inj in injections:
        new_docs = inject.apply(docs, inj)
        i = by_id[inj.doc]
        [p_new] = list(process([new_docs[i]], nlp))
        new_processed = processed[:i] + [p_new] + processed[i + 1:]
        report = check_processed(new_docs, new_processed)
        hit = any(inject.detects(f, inj) for f in report.findings)
        blamed = any(inject.blames(f, inj) for f in report.findings)
        extra = [f for f in report.findings if not inject.detects(f, inj) and inject.signature(f) not in base_sigs]
        row = totals["kinds"][inj.kind]
        row["n"] += 1
        row["hit"] += hit
        row["blamed"] += blamed
        row["extra"] += len(extra)
        totals["stories"].add(name)
        if not hit:
            misses.append({"story": name, "kind": inj.kind, "doc": inj.doc, "old": inj.old, "new": inj.new,
                           "subject": inj.subject, "attribute": inj.attribute,
                           "findings": [f.message for f in report.findings if f.docs and f.docs[0] == inj.doc]})
        for f in extra:
            extra_examples.append({"story": name, "kind": inj.kind, "injected": f"{inj.doc}: {inj.old} -> {inj.new}",
                                   "finding": f.message})


def main() -> None:
    from claimcheck.pipeline import load_pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", action="store_true", help="the demo stories in corpus/stories")
    ap.add_argument("--ecbplus", action="store_true", help="ECB+ clusters with 3 or more articles")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--clusters", type=int, default=None, help="only the first N ECB+ clusters")
    ap.add_argument("--per-kind", type=int, default=None, help="injections per error type per story "
                    "(default 10 on the demo stories, 2 on ECB+)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default="default", help="the extraction pipeline (claimcheck's --model)")
    ap.add_argument("--json", default=None)
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args()
    if not (args.stories or args.ecbplus):
        ap.error("give --stories and/or --ecbplus")
    nlp = load_pipeline(args.model)
    results = {}
    for label, enabled, loader, per_kind in (
            ("demo stories", args.stories, own_stories, 10),
            ("ECB+", args.ecbplus, lambda: ecbplus_stories(Path(args.shared), args.clusters), 2)):
        if not enabled:
            continue
        args.per_kind = args.per_kind or per_kind
        started = time.perf_counter()
        totals = {"kinds": collections.defaultdict(lambda: collections.Counter()), "baseline": {}, "stories": set(),
                  "baseline_findings": []}
        misses, extra_examples = [], []
        stories = loader()
        for name, docs in stories:
            run_story(name, docs, nlp, args, totals, misses, extra_examples)
        seconds = time.perf_counter() - started
        print(f"\n{label}: {len(stories)} stories, {sum(len(d) for _, d in stories)} articles, "
              f"baseline findings {sum(totals['baseline'].values())}, {seconds:.0f} s")
        print(f"{'error type':<20} {'injected':>8} {'detected':>8} {'recall':>7} {'blamed':>7} {'false/story':>11}")
        all_n = all_hit = all_extra = all_blamed = 0
        table = {}
        for kind in inject.KINDS:
            row = totals["kinds"].get(kind)
            if not row or not row["n"]:
                print(f"{kind:<20} {0:>8} {'-':>8} {'-':>7} {'-':>11}")
                continue
            all_n, all_hit, all_extra = all_n + row["n"], all_hit + row["hit"], all_extra + row["extra"]
            all_blamed += row["blamed"]
            table[kind] = {"n": row["n"], "recall": row["hit"] / row["n"], "blamed": row["blamed"] / row["n"],
                           "false_per_story": row["extra"] / row["n"]}
            print(f"{kind:<20} {row['n']:>8} {row['hit']:>8} {row['hit'] / row['n']:>7.2f} "
                  f"{row['blamed'] / row['n']:>7.2f} {row['extra'] / row['n']:>11.2f}")
        if all_n:
            print(f"{'all':<20} {all_n:>8} {all_hit:>8} {all_hit / all_n:>7.2f} {all_blamed / all_n:>7.2f} "
                  f"{all_extra / all_n:>11.2f}")
        results[label] = {"table": table, "all": {"n": all_n, "recall": all_hit / max(1, all_n),
                                                  "false_per_story": all_extra / max(1, all_n)},
                          "baseline": totals["baseline"], "baseline_findings": totals["baseline_findings"],
                          "misses": misses, "false_findings": extra_examples,
                          "seconds": round(seconds, 1)}
        for m in misses[:args.show_misses]:
            print("  MISS", json.dumps(m)[:400])
        for e in extra_examples[:args.show_misses]:
            print("  FALSE", json.dumps(e)[:400])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
