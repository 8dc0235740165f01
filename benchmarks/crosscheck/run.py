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
    python benchmarks/crosscheck/run.py --real-stories [--per-kind K]   # real_stories.json
    options: --seed S, --json OUT, --show-misses N, --shared DIR (default $CLAIMCHECK_SHARED or ../shared)
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from claimcheck.jsonl import read_jsonl

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
    for r in read_jsonl(shared / "data" / "ecbplus" / "ecbplus.jsonl"):
        clusters[r["cluster"]].append(Document(id=r["id"], text=r["text"], title=r["title"]))
    stories = [(k, v) for k, v in sorted(clusters.items()) if len(v) >= min_docs]
    return stories[:limit] if limit else stories


REAL_STORIES = HERE / "real_stories.json"
MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october november "
                                      "december".split(), 1)}


def _line_date(line: str):
    """A MEANTIME record's date line ('March 01, 2008') as a date, or None."""
    from datetime import date

    m = re.match(r"(\w+) (\d{1,2}), (\d{4})$", line.strip())
    if m and m.group(1).lower() in MONTHS:
        return date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


def ecbplus_half(cluster: str) -> str:
    """'dev' or 'test': ECB+ clusters by their topic number, odd or even (the split the story-grouping benchmark
    fixed: benchmarks/story_grouping.py)."""
    return "dev" if int(re.match(r"\d+", cluster)[0]) % 2 == 1 else "test"


def story_half(name: str) -> str:
    """'dev' or 'test': the half of the real stories a story belongs to (the SHA-1 of its name, even or odd)."""
    return "dev" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 0 else "test"


def real_stories(shared: Path, path: Path = REAL_STORIES) -> list[tuple[str, list]]:
    """The real multi-article stories of ``real_stories.json``, their texts read from ``shared/data``.

    Each article's text is the one the real annotation corpus uses (Reuters: title, blank line, text); its SHA-1
    must match the stored one. Reuters articles carry their ``date`` as the publication date, MEANTIME ones the
    date on their second line."""
    from datetime import date

    from claimcheck.schema import Document
    from claimcheck.training.corpus import record_text, shared_records

    spec = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for story in spec["stories"]:
        docs = []
        for a in story["articles"]:
            record = shared_records(a["source"], shared).get(a["id"])
            if record is None:
                raise SystemExit(f"error: {a['source']}:{a['id']} (story {story['story']}) is not in {shared}/data")
            text = record_text(a["source"], record)
            if hashlib.sha1(text.encode("utf-8")).hexdigest() != a["text_sha1"]:
                raise SystemExit(f"error: {a['source']}:{a['id']} has changed since it was chosen (SHA-1 differs)")
            published = date.fromisoformat(record["date"][:10]) if a["source"] == "reuters21578" and record.get(
                "date") else _line_date(text.split("\n")[1]) if a["source"] == "meantime" and "\n" in text else None
            title = (record.get("title") or "").strip() or text.split("\n", 1)[0]
            docs.append(Document(id=a["id"], text=text, title=title, published=published, source=a["source"]))
        out.append((story["story"], docs))
    return out


JUDGED = HERE / "real_stories_judged.json"


def judged_rates(findings: list[dict], stories: list[str], path: Path = JUDGED) -> dict:
    """Wrong findings per unmodified story by the stored judgements (matched by story, kind and found), with
    bootstrap intervals over stories, and the findings nobody has judged yet (to be read and added)."""
    labels = {(r["story"], r["kind"], r["found"]): r["judged"]
              for r in json.loads(path.read_text(encoding="utf-8"))["findings"]}
    wrong = dict.fromkeys(stories, 0)
    loose = dict.fromkeys(stories, 0)
    unjudged = []
    for f in findings:
        label = labels.get((f["story"], f["kind"], f["found"]))
        if label is None:
            unjudged.append(f)
        wrong[f["story"]] += label == "wrong"
        loose[f["story"]] += label in ("wrong", "wrong_suggestion")
    return {"wrong_per_story": sum(wrong.values()) / max(1, len(stories)),
            "wrong_per_story_ci": bootstrap_mean(list(wrong.values())),
            "wrong_or_bad_suggestion_per_story": sum(loose.values()) / max(1, len(stories)),
            "wrong_or_bad_suggestion_per_story_ci": bootstrap_mean(list(loose.values())),
            "judged": len(findings) - len(unjudged), "unjudged": unjudged}


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval (95%) of a proportion (``claimcheck.training.scoring.wilson_interval``)."""
    from claimcheck.training.scoring import wilson_interval

    return wilson_interval(hits, n, z)


def bootstrap_mean(values: list[int], seed: int = 0, rounds: int = 2000) -> tuple[float, float]:
    """Bootstrap 95% interval of a mean (stories resampled)."""
    import random

    if not values:
        return (0.0, 0.0)
    rng = random.Random(seed)
    means = sorted(sum(rng.choice(values) for _ in values) / len(values) for _ in range(rounds))
    return (means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1])


def commit() -> str:
    """The commit measured: HEAD, flagged when claimcheck is loaded from elsewhere or its nlp/ has changes."""
    import claimcheck

    package = Path(claimcheck.__file__).resolve().parent
    if not package.is_relative_to(ROOT):
        return f"claimcheck from {package}"
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "nlp"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
        return head + ("+uncommitted nlp/ changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def corroborated(base, inj) -> bool:
    """In the unmodified story, another source states the figure the injection changes (an interval that overlaps
    it, in its group). The generator only asks for another source in the group; a figure nobody else states the
    same way may already disagree there, unreported (e.g. set aside as a different thing)."""
    from claimcheck.crosscheck import group_key, overlaps

    targets = [c for c in base.claims if c.doc == inj.doc and c.start <= inj.start < c.end]
    return any(overlaps(t, o) for t in targets for o in base.claims
               if o.doc != inj.doc and group_key(o) == group_key(t))


def why_missed(base, report, inj) -> str:
    """Why no finding detects a missed figure injection, read off the injected run's claims (the checker's rules as
    ``claimcheck.crosscheck.compare_group`` applies them; 'other' when none of these explains it)."""
    from claimcheck import crosscheck as cc

    def at_span(claims):
        return [c for c in claims if c.doc == inj.doc and c.start <= inj.start < c.end]

    before, after = at_span(base.claims), at_span(report.claims)
    near = [f for f in report.findings if f.kind == inject.EXPECTED_FINDING[inj.kind] and inj.doc in f.docs
            and inject.signature(f) not in {inject.signature(b) for b in base.findings}]
    if near:
        return f"another subject: a new finding names the document, about {near[0].subject}"
    if not after:
        return "no claim: the changed figure is no longer extracted as a claim" if before else \
            "no claim at the span"
    c = max(after, key=lambda x: x.confidence)
    key = cc.group_key(c)
    group = [o for o in report.claims if cc.group_key(o) == key]
    if len({o.doc for o in group}) < 2:
        old = max(before, key=lambda x: x.confidence) if before else None
        if old is not None and cc.group_key(old) != key:
            moved = [name for name, a, b in (("subject", old.subject, c.subject), ("attribute", old.attribute,
                     c.attribute), ("period", old.period, c.period), ("unit", old.unit, c.unit)) if a != b]
            return f"moved group: the changed claim's {'/'.join(moved) or 'key'} differs, so it has no other source"
        return "single source: no other source in the changed claim's group"
    per_doc: dict = {}
    for o in group:
        per_doc.setdefault(o.doc, []).append(o)
    ambiguous = {d for d, cs in per_doc.items()
                 if any(not cc.overlaps(a, b) for i, a in enumerate(cs) for b in cs[i + 1:])}
    if inj.doc in ambiguous:
        return "self-contradicting: the injected source states two disagreeing figures in the group (set aside)"
    if len(set(per_doc) - ambiguous) < 2:
        return "too few sources once self-contradicting sources are set aside"
    if any(cc.overlaps(c, o) for o in group if o.doc != inj.doc):
        return "still agrees: the changed figure overlaps another source's figure in the group"
    # the checker's gate: money, percent and count figures may be outliers down to MIN_OUTLIER_CONFIDENCE_AMOUNTS
    amounts = cc.ATTRIBUTE_KINDS.get(c.attribute) in ("money", "percent", "count")
    threshold = getattr(cc, "MIN_OUTLIER_CONFIDENCE_AMOUNTS" if amounts else "MIN_OUTLIER_CONFIDENCE", 0.5)
    voters = [o for o in group if o.doc not in ambiguous]
    support = {o.id: {x.doc for x in voters if cc.overlaps(o, x)} for o in voters}
    consensus = max(voters, key=lambda o: (len(support[o.id]), o.confidence, -len(o.id)))
    others = [o for o in voters if o.doc != inj.doc]
    if consensus.doc == inj.doc:
        if max(o.confidence for o in others) < threshold:
            return (f"low-confidence partner: the changed claim wins the vote (confidence {c.confidence:.2f}) and the "
                    f"other source's claim, below {threshold}, cannot be the outlier "
                    f"({max(o.confidence for o in others):.2f})")
    elif c.confidence < threshold:
        return f"low confidence: the changed claim's subject is a guess (confidence {c.confidence:.2f})"
    if others and isinstance(c.value, (int, float)) and all(
            isinstance(o.value, (int, float)) and o.value and c.value
            and max(abs(c.value), abs(o.value)) / min(abs(c.value), abs(o.value)) > getattr(cc, "MAX_RATIO", 4.0)
            and cc.slip_kind(c.value, o.value) is None for o in others):
        return "different magnitude: more than 4x from every other figure, without a slip, reads as another thing"
    return "other"


def _claims_at(report, inj) -> list[dict]:
    """The injected run's claims over the changed span, with the documents their group holds (for the misses)."""
    from claimcheck.crosscheck import group_key

    out = []
    for c in report.claims:
        if c.doc == inj.doc and c.start <= inj.start < c.end:
            key = group_key(c)
            out.append({"text": c.text, "subject": c.subject, "attribute": c.attribute, "value": c.value,
                        "period": getattr(c, "period", None), "confidence": c.confidence,
                        "group_docs": sorted({o.doc for o in report.claims if group_key(o) == key})})
    return out


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
        if inj.kind not in inject.NAME_KINDS and corroborated(base, inj):
            row["n_corroborated"] += 1
            row["hit_corroborated"] += hit
        totals["stories"].add(name)
        if not hit:
            misses.append({"story": name, "kind": inj.kind, "doc": inj.doc, "old": inj.old, "new": inj.new,
                           "subject": inj.subject, "attribute": inj.attribute,
                           "start": inj.start, "corroborated": corroborated(base, inj),
                           "findings": [f.message for f in report.findings if inj.doc in f.docs],
                           "claims_at_span": _claims_at(report, inj),
                           "why": "name" if inj.kind in inject.NAME_KINDS else why_missed(base, report, inj)})
        for f in extra:
            extra_examples.append({"story": name, "kind": inj.kind, "injected": f"{inj.doc}: {inj.old} -> {inj.new}",
                                   "finding": f.message})


def main() -> None:
    from claimcheck.pipeline import load_pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", action="store_true", help="the demo stories in corpus/stories")
    ap.add_argument("--ecbplus", action="store_true", help="ECB+ clusters with 3 or more articles")
    ap.add_argument("--real-stories", action="store_true",
                    help="real multi-article stories from ../shared (benchmarks/crosscheck/real_stories.json)")
    ap.add_argument("--shared", default=os.environ.get("CLAIMCHECK_SHARED") or str(ROOT.parent / "shared"))
    ap.add_argument("--clusters", type=int, default=None, help="only the first N ECB+ clusters (or real stories)")
    ap.add_argument("--half", choices=("all", "dev", "test"), default="all",
                    help="real stories: the dev half (checker changes are chosen there) or the test half (reported), "
                         "by the SHA-1 of each story's name (fixed before any checker change was measured); ECB+: "
                         "odd topics (dev) or even topics (test)")
    ap.add_argument("--per-kind", type=int, default=None, help="injections per error type per story "
                    "(default 10 on the demo stories, 2 on ECB+, 3 on the real stories)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default="default", help="the extraction pipeline (claimcheck's --model)")
    ap.add_argument("--json", default=None)
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args()
    if not (args.stories or args.ecbplus or args.real_stories):
        ap.error("give --stories, --ecbplus and/or --real-stories")
    if (args.ecbplus or args.real_stories) and not (Path(args.shared) / "data").is_dir():
        sys.exit(f"error: no shared data under {args.shared} (set CLAIMCHECK_SHARED or give --shared)")
    if args.per_kind is not None and args.per_kind < 1:
        sys.exit("error: --per-kind must be at least 1")
    per_kind_given = args.per_kind
    nlp = load_pipeline(args.model)
    results = {}
    for label, enabled, loader, per_kind in (
            ("demo stories", args.stories, own_stories, 10),
            ("ECB+", args.ecbplus, lambda: [s for s in ecbplus_stories(Path(args.shared), args.clusters)
                                            if args.half == "all" or ecbplus_half(s[0]) == args.half], 2),
            ("real stories", args.real_stories,
             lambda: [s for s in real_stories(Path(args.shared)) if story_half(s[0]) in (args.half, "all")
                      or args.half == "all"][:args.clusters], 3)):
        if not enabled:
            continue
        args.per_kind = per_kind_given or per_kind
        started = time.perf_counter()
        totals: dict[str, Any] = {"kinds": collections.defaultdict(lambda: collections.Counter()), "baseline": {},
                                  "stories": set(), "baseline_findings": []}
        misses: list[dict] = []
        extra_examples: list[dict] = []
        stories = loader()
        for name, docs in stories:
            run_story(name, docs, nlp, args, totals, misses, extra_examples)
        seconds = time.perf_counter() - started
        print(f"\n{label}: {len(stories)} stories, {sum(len(d) for _, d in stories)} articles, "
              f"baseline findings {sum(totals['baseline'].values())}, {seconds:.0f} s")
        base_counts = [totals["baseline"][name] for name, _ in stories]
        low, high = bootstrap_mean(base_counts)
        print(f"findings per unmodified story {sum(base_counts) / max(1, len(base_counts)):.2f} "
              f"[{low:.2f}-{high:.2f}] (bootstrap 95% over stories)")
        print(f"{'error type':<20} {'injected':>8} {'detected':>8} {'recall':>7} {'95% CI':>11} {'blamed':>7} "
              f"{'false/story':>11}  {'corroborated: n, recall':>24}")
        all_n = all_hit = all_extra = all_blamed = 0
        table = {}
        for kind in inject.KINDS:
            row = totals["kinds"].get(kind)
            if not row or not row["n"]:
                print(f"{kind:<20} {0:>8} {'-':>8} {'-':>7} {'-':>11}")
                continue
            all_n, all_hit, all_extra = all_n + row["n"], all_hit + row["hit"], all_extra + row["extra"]
            all_blamed += row["blamed"]
            ci = wilson(row["hit"], row["n"])
            table[kind] = {"n": row["n"], "hit": row["hit"], "recall": row["hit"] / row["n"], "recall_ci": ci,
                           "blamed": row["blamed"] / row["n"], "false_per_story": row["extra"] / row["n"]}
            corr = (f"{row['n_corroborated']:>6} {row['hit_corroborated'] / row['n_corroborated']:>5.2f}"
                    if row["n_corroborated"] else "")
            table[kind]["n_corroborated"] = row["n_corroborated"]
            table[kind]["recall_corroborated"] = row["hit_corroborated"] / row["n_corroborated"] \
                if row["n_corroborated"] else None
            print(f"{kind:<20} {row['n']:>8} {row['hit']:>8} {row['hit'] / row['n']:>7.2f} "
                  f"{ci[0]:>5.2f}-{ci[1]:<5.2f} {row['blamed'] / row['n']:>7.2f} {row['extra'] / row['n']:>11.2f}  "
                  f"{corr:>24}")
        if all_n:
            ci = wilson(all_hit, all_n)
            print(f"{'all':<20} {all_n:>8} {all_hit:>8} {all_hit / all_n:>7.2f} {ci[0]:>5.2f}-{ci[1]:<5.2f} "
                  f"{all_blamed / all_n:>7.2f} {all_extra / all_n:>11.2f}")
        results[label] = {"model": args.model, "commit": commit(), "per_kind": args.per_kind, "seed": args.seed,
                          "stories": len(stories), "articles": sum(len(d) for _, d in stories),
                          "findings_per_unmodified_story": sum(base_counts) / max(1, len(base_counts)),
                          "findings_per_unmodified_story_ci": (low, high),
                          "table": table, "all": {"n": all_n, "recall": all_hit / max(1, all_n),
                                                  "recall_ci": wilson(all_hit, all_n),
                                                  "false_per_story": all_extra / max(1, all_n)},
                          "baseline": totals["baseline"], "baseline_findings": totals["baseline_findings"],
                          "misses": misses, "false_findings": extra_examples,
                          "seconds": round(seconds, 1)}
        why = collections.Counter(m["why"].split(":")[0] for m in misses if m["why"] != "name")
        if why:
            print("figure misses by cause: " + "; ".join(f"{n} {w}" for w, n in why.most_common()))
        results[label]["miss_causes"] = dict(why)
        if label == "real stories" and JUDGED.exists():
            j = judged_rates(totals["baseline_findings"], [name for name, _ in stories])
            results[label]["judged"] = j
            print(f"unmodified findings judged wrong per story {j['wrong_per_story']:.3f} "
                  f"[{j['wrong_per_story_ci'][0]:.3f}-{j['wrong_per_story_ci'][1]:.3f}]; with wrong suggestions "
                  f"{j['wrong_or_bad_suggestion_per_story']:.3f} [{j['wrong_or_bad_suggestion_per_story_ci'][0]:.3f}-"
                  f"{j['wrong_or_bad_suggestion_per_story_ci'][1]:.3f}]; {j['judged']} judged, "
                  f"{len(j['unjudged'])} not judged yet (read them: 'judged' / 'unjudged' in --json; a finding not "
                  f"judged counts as right here)")
        for m in misses[:args.show_misses]:
            print("  MISS", json.dumps(m)[:400])
        for e in extra_examples[:args.show_misses]:
            print("  FALSE", json.dumps(e)[:400])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
