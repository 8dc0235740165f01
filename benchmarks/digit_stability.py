"""Digit stability: does the pipeline still make the same claim when only a figure's digits change?

A fact-checker must extract a figure whatever its digits: "profit rose to $4.3bn" and "profit rose to
$3.4bn" state the same attribute of the same company. For each article of ``real-dev`` (the real
corpus' dev split, ``claimcheck.training.corpus.load_real``) the pipeline runs once; every claim it makes
at a gold claim's value (the draft's value span overlaps the gold value span) is a unit. Per unit the
value's digits are rewritten in place, the same length (so every character offset stays put), and the
pipeline runs again on the changed article, that figure alone changed:

* ``transpose``: two consecutive, different digits of a number swap, across a separator ("8.1" -> "1.8";
  the transposed-digits injection of ``benchmarks/crosscheck/inject.py``); where none can (``5``, ``11``),
  every digit is replaced as below;
* ``replace``: every digit becomes another one, drawn with a fixed seed per unit.

A number's leading digit never becomes 0. In a DATE only four-digit runs (years) change: a day of 31 turned 13 is a
date, turned 82 is none, and that is the normaliser's business, not the linker's.

A unit is stable when the changed article still has a claim at that value span with the same subject
(compared as ``resolve.entities.name_key`` compares it) and the same attribute. An unstable unit is counted
under its first loss: ``no mention`` (no mention at the span any more: NER or number grammar), ``no claim``
(a mention, no claim), ``attribute`` (another attribute) or ``subject`` (same attribute, another subject).
Rates carry Wilson 95% intervals, pooled and per (original) attribute; claims of the results-table rules
(no attribute probability) are reported apart, they are rules.

    python benchmarks/digit_stability.py [--model default] [--limit N] [--modes transpose,replace]
        [--seed S] [--json OUT] [--show N] [--shared DIR]

``--limit N``: a fixed sample of N articles (the first by SHA-1 of ``source:id`` and the seed); 0: all 273.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"\d(?:[.,]?\d)*")  # "2,500", "4.36": one number, its digits in order
MODES = ("transpose", "replace")
OUTCOMES = ("stable", "no mention", "no claim", "attribute", "subject")


# --- rewriting a figure ---------------------------------------------------------------------------------

def _numbers(text: str, label: str) -> list[tuple[int, list[int]]]:
    """(start, digit positions) of each number of ``text``; of a DATE, only its years (four digits)."""
    out = [(m.start(), [i for i in range(m.start(), m.end()) if text[i].isdigit()]) for m in NUMBER.finditer(text)]
    return [(a, d) for a, d in out if len(d) == 4 and d[-1] - a == 3] if label == "DATE" else out


def replace_digits(text: str, label: str, rng: random.Random) -> str | None:
    """Every digit of ``text`` (a DATE: of its years) another digit; a number's first digit never becomes 0."""
    chars = list(text)
    numbers = _numbers(text, label)
    for _a, digits in numbers:
        for i in digits:
            lead = i == digits[0] and len(digits) > 1
            chars[i] = rng.choice([d for d in "0123456789" if d != chars[i] and not (lead and d == "0")])
    return "".join(chars) if numbers else None


def transpose_digits(text: str, label: str, rng: random.Random) -> str | None:
    """Two consecutive, different digits of one number swapped ("2,500" -> "2,050", "8.1" -> "1.8"); a number's
    first digit never becomes 0; None when no pair can be."""
    spots = [(i, j) for _a, d in _numbers(text, label) for i, j in zip(d, d[1:])
             if text[i] != text[j] and not (i == d[0] and text[j] == "0")]
    if not spots:
        return None
    i, j = rng.choice(spots)
    chars = list(text)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def rewrite(text: str, label: str, mode: str, rng: random.Random) -> str | None:
    if mode == "transpose":
        return transpose_digits(text, label, rng) or replace_digits(text, label, rng)
    return replace_digits(text, label, rng)


# --- units and outcomes ----------------------------------------------------------------------------------

def _document(task: dict, text: str | None = None):
    from claimcheck.schema import Document

    meta = task.get("meta", {})
    try:
        published = date.fromisoformat(str(meta["published"])) if meta.get("published") else None
    except ValueError:
        published = None
    return Document(id=str(meta.get("id")), text=task["text"] if text is None else text, published=published)


def _claims_at(processed) -> dict[tuple[int, int], list[tuple[str, str, bool]]]:
    """Value span (characters) -> (subject key, attribute, from the table rules) of each draft there."""
    from claimcheck.resolve.entities import name_key

    out: dict[tuple[int, int], list] = defaultdict(list)
    for d in processed.drafts:
        out[(d.span.start_char, d.span.end_char)].append((name_key(d.subject_text), d.attribute,
                                                          d.attribute_score is None))
    return out


def units_of(task: dict, processed) -> list[dict]:
    """The pipeline's claims at a gold claim's value, once per value span (the first draft there)."""
    claims = _claims_at(processed)
    labels = {(m.start, m.end): m.label for m in processed.mentions}
    golds = [(r["child_span"]["start"], r["child_span"]["end"]) for r in task["relations"]]
    out, seen = [], set()
    for (a, b), drafts in sorted(claims.items()):
        if (a, b) in seen or not any(a < ge and gs < b for gs, ge in golds):
            continue
        if not DIGIT.search(task["text"][a:b]):
            continue
        seen.add((a, b))
        subject, attribute, table = drafts[0]
        out.append({"span": (a, b), "label": labels.get((a, b), "?"), "subject": subject, "attribute": attribute,
                    "table": table})
    return out


def outcome(unit: dict, processed) -> str:
    claims = _claims_at(processed).get(unit["span"], [])
    if any(s == unit["subject"] and a == unit["attribute"] for s, a, _t in claims):
        return "stable"
    if not claims:
        spans = {(m.start, m.end) for m in processed.mentions}
        return "no claim" if unit["span"] in spans else "no mention"
    if any(a == unit["attribute"] for _s, a, _t in claims):
        return "subject"
    return "attribute"


# --- the run ------------------------------------------------------------------------------------------------

def sample(tasks: list[dict], limit: int, seed: int) -> list[dict]:
    if not limit or limit >= len(tasks):
        return tasks

    def key(t: dict) -> str:
        m = t.get("meta", {})
        return hashlib.sha1(f"{seed}:{m.get('source')}:{m.get('id')}".encode()).hexdigest()

    return sorted(tasks, key=key)[:limit]


def measure(tasks: list[dict], nlp, modes=MODES, seed: int = 0, batch_size: int = 16) -> list[dict]:
    """One row per (unit, mode): the unit, its changed value text and its outcome."""
    from claimcheck.pipeline import process

    originals = list(process([_document(t) for t in tasks], nlp, batch_size=batch_size))
    jobs = []
    for k, (task, processed) in enumerate(zip(tasks, originals)):
        for unit in units_of(task, processed):
            a, b = unit["span"]
            for mode in modes:
                meta = task.get("meta", {})
                rng = random.Random(f"{seed}:{mode}:{meta.get('source')}:{meta.get('id')}:{a}")
                changed = rewrite(task["text"][a:b], unit["label"], mode, rng)
                if changed is None or changed == task["text"][a:b]:
                    continue
                text = task["text"][:a] + changed + task["text"][b:]
                jobs.append((k, unit, mode, task["text"][a:b], changed, text))
    rows = []
    docs = (_document(tasks[k], text) for k, _u, _m, _o, _c, text in jobs)
    for (k, unit, mode, before, after, _text), processed in zip(jobs, process(docs, nlp, batch_size=batch_size)):
        meta = tasks[k].get("meta", {})
        rows.append({"source": meta.get("source"), "id": meta.get("id"), "mode": mode, "before": before,
                     "after": after, **{key: unit[key] for key in ("span", "label", "subject", "attribute",
                                                                   "table")},
                     "outcome": outcome(unit, processed)})
    return rows


def summarise(rows: list[dict]) -> dict:
    from claimcheck.training.reuters_figures import wilson

    def rate(rs: list[dict]) -> dict:
        return {**wilson(sum(r["outcome"] == "stable" for r in rs), len(rs)),
                "outcomes": dict(Counter(r["outcome"] for r in rs))}

    out: dict = {}
    for mode in sorted({r["mode"] for r in rows}):
        rs = [r for r in rows if r["mode"] == mode]
        linked = [r for r in rs if not r["table"]]
        by_attr: dict[str, list] = defaultdict(list)
        for r in linked:
            by_attr[r["attribute"]].append(r)
        out[mode] = {"linker": rate(linked), "tables": rate([r for r in rs if r["table"]]),
                     "per_attribute": {a: rate(v) for a, v in sorted(by_attr.items(), key=lambda kv: -len(kv[1]))}}
    return out


def render(summary: dict) -> str:
    def cell(x: dict) -> str:
        lost = ", ".join(f"{k} {v}" for k, v in sorted(x["outcomes"].items()) if k != "stable")
        return f"{x['k']}/{x['n']} = {x['p']:.3f} [{x['low']:.3f}-{x['high']:.3f}]" + (f"  ({lost})" if lost else "")

    lines = []
    for mode, s in summary.items():
        lines.append(f"{mode}:")
        lines.append(f"  linker claims   {cell(s['linker'])}")
        lines.append(f"  table rules     {cell(s['tables'])}")
        for attribute, x in s["per_attribute"].items():
            lines.append(f"    {attribute:<20} {cell(x)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="default")
    ap.add_argument("--limit", type=int, default=80, help="articles sampled from real-dev (0: all)")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print N unstable units")
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("CLAIMCHECK_SHARED", "../shared")))
    args = ap.parse_args(argv)
    modes = [m for m in args.modes.split(",") if m]
    if any(m not in MODES for m in modes):
        ap.error(f"--modes: choose from {', '.join(MODES)}")

    from claimcheck.pipeline import load_pipeline
    from claimcheck.training.corpus import load_real

    started = time.perf_counter()
    tasks = sample(load_real(args.shared, split="dev"), args.limit, args.seed)
    nlp = load_pipeline(args.model)
    rows = measure(tasks, nlp, modes, args.seed)
    summary = summarise(rows)
    seconds = round(time.perf_counter() - started, 1)
    print(f"real-dev: {len(tasks)} articles, model {args.model}, seed {args.seed}, {seconds} s")
    print(render(summary))
    for r in [r for r in rows if r["outcome"] != "stable"][:args.show]:
        print(f"  {r['mode']:<9} {r['source']}:{r['id']} {r['before']!r} -> {r['after']!r}: {r['attribute']} "
              f"of {r['subject']!r}: {r['outcome']}")
    if args.json:
        args.json.write_text(json.dumps({"articles": len(tasks), "model": args.model, "seed": args.seed,
                                         "limit": args.limit, "seconds": seconds, "summary": summary,
                                         "rows": rows}, indent=1, default=list), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
