"""Typo findings on BBC business and Reuters piles checked as one story, and on ECB+ clusters (issue 14).

BBC business (510 articles, ``../shared/data/bbc_business``) annotated as one file is one "story" of 510
unrelated articles: a name spelt two ways there is a typo only with evidence that both forms name the same
thing (``claimcheck.resolve.typos.same_thing_evidence``). The articles are split by id parity, fixed before
any judging: odd ids are the development half (rules and confidences were chosen there and on ECB+), even
ids are held out. A finding belongs to the half of its first document.

    claimcheck annotate ../shared/data/bbc_business/bbc_business.jsonl -o /tmp/bbc_ann      # ~40 s
    claimcheck annotate ../shared/data/ecbplus/ecbplus.jsonl -o /tmp/ecb_ann                 # ~90 s
    python benchmarks/typos_bbc.py --bbc /tmp/bbc_ann --show            # the seeded sample, with its sentences
    python benchmarks/typos_bbc.py --bbc /tmp/bbc_ann --ecbplus /tmp/ecb_ann   # precision, reliability table

Reuters-21578 (``../shared/data/reuters21578``), never used to develop the typo rules, is held out whole: every
story, in a seeded shuffle, cut into 35 piles of 510 unrelated stories (BBC's size), each pile one story:

    python benchmarks/typos_bbc.py --make-reuters /tmp/reuters_piles.jsonl
    claimcheck annotate /tmp/reuters_piles.jsonl -o /tmp/reuters_ann                           # ~14 min, 2 shared cores
    python benchmarks/typos_bbc.py --reuters /tmp/reuters_ann --show    # every finding, the samples, scores

The sample of 50 is drawn from all findings; a second seeded sample of 50 names only (``--names-n``) is drawn
from the name findings the first left, since common words are most of the findings.

Judgements live in ``benchmarks/typos_judged.json`` (forms, document ids and labels only: no corpus text):
``correct`` (a slip, and the suggestion is what was meant), ``wrong`` or ``arguable``, each with a reason.
Precision is reported with arguable findings counted wrong and with them left out, with Wilson 95% intervals.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from claimcheck.jsonl import read_jsonl

JUDGED = Path(__file__).resolve().parent / "typos_judged.json"


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """``claimcheck.training.scoring.wilson_interval`` to three places."""
    from claimcheck.training.scoring import wilson_interval

    low, high = wilson_interval(k, n, z)
    return (round(low, 3), round(high, 3))


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


# -- Reuters-21578, held out: fixed seeded piles of unrelated stories, each checked as one story -----------------

PILE_SIZE = 510   # BBC business's number of articles: each pile is "510 unrelated articles as one story"
PILE_SEED = 14


def make_reuters_piles(shared: Path, dest: Path, size: int = PILE_SIZE, seed: int = PILE_SEED) -> int:
    """Write every Reuters-21578 story once, shuffled (``random.Random(seed)``), cut into piles of ``size``.

    Each record carries ``"story": "pileNN"``, so one ``annotate`` of the file and ``crosscheck --scope story``
    check each pile as one story; the stories left over after the last whole pile are left out. Returns the
    number of piles.
    """
    rows = list(read_jsonl(shared / "data" / "reuters21578" / "reuters21578.jsonl"))
    rows.sort(key=lambda r: int(r["id"].rsplit("-", 1)[1]))
    random.Random(seed).shuffle(rows)
    piles = len(rows) // size
    with dest.open("w", encoding="utf-8") as fh:
        for i in range(piles * size):
            r = rows[i]
            rec = {"id": r["id"], "story": f"pile{i // size + 1:02d}", "title": r.get("title"), "date": r.get("date"),
                   "text": r["text"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return piles


def reuters_typos(outdirs: list[str]) -> list[dict]:
    """Every typo finding of ``crosscheck --scope story`` on annotate outputs of the piles (each pile one story)."""
    from claimcheck.batch.corpus_check import crosscheck_outdir

    found = []
    for outdir in outdirs:
        report = crosscheck_outdir(outdir, scope="story")
        pile = {d: st.name for st in report.stories for d in st.docs}
        found += [_row(f"reuters/{pile.get(f.docs[0], Path(outdir).name)}", f, "reuters")
                  for f in report.findings if f.kind == "typo"]
    return sorted(found, key=lambda r: (r["story"], r["docs"][0], r["found"]))


def _row(story: str, f, set_: str | None = None) -> dict:
    return {"story": story, "found": f.found, "suggestion": f.suggestion, "docs": list(f.docs),
            "confidence": f.confidence, "set": set_ or (_half(f.docs[0]) if story == "bbc" else "dev"),
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


def _show(sample: list[dict], judged: dict[tuple, dict]) -> None:
    for i, r in enumerate(sample, 1):
        mark = judged.get(_key(r), {}).get("label", "unjudged")
        print(f"\n#{i} [{r['set']}] {r['found']} -> {r['suggestion']} {r['docs']} conf {r['confidence']}: {mark}")
        for e in r["evidence"]:
            print("     ", e[:300])


def _table(sample: list[dict], judged: dict[tuple, dict]) -> list[dict]:
    return [{**r, "label": judged.get(_key(r), {}).get("label"), "reason": judged.get(_key(r), {}).get("reason")}
            for r in sample]


def _print_kinds(scores: dict[str, dict]) -> None:
    for name, sc in scores.items():
        print(f"  {name}: {sc['correct']} of {sc['judged']} correct ({sc['findings']} findings), Wilson {sc['ci']}")


def _bbc(args, judged: dict[tuple, dict], result: dict) -> list[dict]:
    """BBC (and ECB+) sample, scores and reliability into ``result``; the judged rows not judged yet."""
    bbc = bbc_typos(args.bbc)
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(bbc, min(args.n, len(bbc))), key=lambda r: (r["set"], -r["confidence"]))
    print(f"BBC business as one story: {len(bbc)} typo findings; sample of {len(sample)} (seed {args.seed})")
    if args.show:
        _show(sample, judged)
    result.update({"bbc_sample": score(sample, judged),
                   "bbc_sample_dev": score([r for r in sample if r["set"] == "dev"], judged),
                   "bbc_sample_test": score([r for r in sample if r["set"] == "test"], judged),
                   # names and common words apart ('word' findings are the lower-case forms find_word_typos reports)
                   "bbc_sample_by_kind": {f"{half}/{kind}": score([r for r in sample if half in ("all", r["set"])
                                                                   and _kind(r) == kind], judged)
                                          for half in ("all", "dev", "test") for kind in ("name", "word")},
                   "bbc_sample_table": _table(sample, judged)})
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
    _print_kinds(result["bbc_sample_by_kind"])
    for name in ("reliability_dev", "reliability_test"):
        print(name)
        for b in result[name]:
            print("  ", json.dumps(b))
    return [r for r in sample + dev if _key(r) not in judged]


def _reuters(args, judged: dict[tuple, dict], result: dict) -> list[dict]:
    """Reuters piles: every finding listed, the seeded sample scored (held out: nothing here was tuned on it)."""
    rows = reuters_typos(args.reuters)
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(rows, min(args.n, len(rows))), key=lambda r: (r["story"], r["docs"][0]))
    print(f"Reuters-21578 piles, each one story: {len(rows)} typo findings "
          f"({sum(_kind(r) == 'name' for r in rows)} names, {sum(_kind(r) == 'word' for r in rows)} common words); "
          f"sample of {len(sample)} (seed {args.seed})")
    drawn = {_key(r) for r in sample}
    # names are few in the sample: a second seeded draw of names only, from those the first left, so that the
    # names of both draws together are a simple random sample of the name findings
    rest = [r for r in rows if _kind(r) == "name" and _key(r) not in drawn]
    extra = sorted(rng.sample(rest, min(args.names_n, len(rest))), key=lambda r: (r["story"], r["docs"][0]))
    names = [r for r in sample if _kind(r) == "name"] + extra
    print(f"  and {len(extra)} more names (+), {len(names)} names in all")
    for r in rows:
        mark = "*" if _key(r) in drawn else "+" if r in extra else " "
        print(f"  {mark} {r['story']} {r['docs'][0]}: {r['found']} -> {r['suggestion']} conf {r['confidence']}")
    if args.show:
        _show(sample + extra, judged)
    result.update({"reuters_findings": len(rows), "reuters_sample": score(sample, judged),
                   "reuters_sample_by_kind": {kind: score([r for r in sample if _kind(r) == kind], judged)
                                              for kind in ("name", "word")},
                   "reuters_names": score(names, judged),
                   "reuters_reliability": reliability(sample, judged),
                   "reuters_reliability_names": reliability(names, judged),
                   "reuters_sample_table": _table(sample, judged), "reuters_names_table": _table(extra, judged),
                   "reuters_rows": rows})
    for name in ("reuters_sample", "reuters_names"):
        print(name, json.dumps(result[name]))
    _print_kinds(result["reuters_sample_by_kind"])
    for name in ("reuters_reliability", "reuters_reliability_names"):
        print(f"{name} (arguable counted wrong)")
        for b in result[name]:
            print("  ", json.dumps(b))
    return [r for r in sample + extra if _key(r) not in judged]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bbc", help="the annotate output of bbc_business.jsonl")
    ap.add_argument("--ecbplus", help="the annotate output of ecbplus.jsonl (development findings)")
    ap.add_argument("--reuters", nargs="+", metavar="OUTDIR", help="annotate output(s) of the Reuters piles")
    ap.add_argument("--make-reuters", metavar="FILE", help="write the seeded Reuters piles (JSONL) here and stop")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--n", type=int, default=50, help="sample size (all findings when there are fewer)")
    ap.add_argument("--names-n", type=int, default=50, help="Reuters: a second sample of this many names only")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--show", action="store_true", help="print the sample with its evidence sentences, to judge")
    ap.add_argument("--judged", default=str(JUDGED))
    ap.add_argument("--json", help="write the scores here")
    args = ap.parse_args(argv)
    if args.make_reuters:
        piles = make_reuters_piles(Path(args.shared), Path(args.make_reuters))
        print(f"{args.make_reuters}: {piles} piles of {PILE_SIZE} Reuters stories (seed {PILE_SEED})")
        return 0
    if not args.bbc and not args.reuters:
        ap.error("give --bbc, --reuters or --make-reuters")
    for p in [args.bbc, args.ecbplus, *(args.reuters or [])]:
        if p and not Path(p).is_dir():
            print(f"error: {p}: not an annotate output directory", file=sys.stderr)
            return 2
    judged = load_judged(Path(args.judged))
    result: dict = {}
    unjudged = _bbc(args, judged, result) if args.bbc else []
    if args.reuters:
        unjudged += _reuters(args, judged, result)
    if unjudged:
        print(f"{len(unjudged)} findings not judged yet:",
              [(r["story"], r["found"], r["suggestion"]) for r in unjudged])
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
