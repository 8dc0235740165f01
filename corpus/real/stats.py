"""The tables of corpus/real/README.md ("Splits" and "Counts"), computed from annotations.jsonl and splits.json.

    python corpus/real/stats.py            # print them
    python corpus/real/stats.py --write    # rewrite them in README.md (between the <!-- stats --> marks)

tests/training/test_real_corpus.py checks that the README holds exactly what this prints.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from claimcheck.jsonl import read_jsonl

HERE = Path(__file__).resolve().parent
SOURCES = ("bbc_business", "reuters21578", "meantime", "ecbplus")
LABELS = ("ORG", "DATE", "GPE", "PERSON", "MONEY", "CARDINAL", "PERCENT", "NORP", "QUANTITY")
BEGIN, END = "<!-- stats -->", "<!-- /stats -->"


def tables(real: Path = HERE) -> str:
    rows = list(read_jsonl(real / "annotations.jsonl"))
    splits = json.loads((real / "splits.json").read_text(encoding="utf-8"))
    part, arts, claims, labels, attrs, why, as_of = (Counter() for _ in range(7))
    for r in rows:
        src = r["meta"]["source"]
        part[(src, splits[f"{src}:{r['meta']['id']}"])] += 1
        arts[src] += 1
        claims[src] += len(r["relations"])
        for s in r["spans"]:
            labels[(s["label"], src)] += 1
            if "why" in s:
                why[s["why"]] += 1
        for x in r["relations"]:
            attrs[(x["label"], src)] += 1
            if x.get("as_of"):
                as_of["ISO date" if x["as_of"][0].isdigit() else x["as_of"]] += 1
    out = ["### Splits", "", "| source | train | dev | test | all |", "|---|---|---|---|---|"]
    for src in SOURCES:
        n = [part[(src, k)] for k in ("train", "dev", "test")]
        out.append(f"| {src} | {n[0]} | {n[1]} | {n[2]} | {sum(n)} |")
    n = [sum(part[(s, k)] for s in SOURCES) for k in ("train", "dev", "test")]
    out += [f"| all | {n[0]} | {n[1]} | {n[2]} | {sum(n)} |", "", "### Counts", "",
            "| | articles | spans | claims | claims per article |", "|---|---|---|---|---|"]
    for src in SOURCES:
        spans = sum(v for (_, s), v in labels.items() if s == src)
        out.append(f"| {src} | {arts[src]:,} | {spans:,} | {claims[src]:,} | {claims[src] / max(arts[src], 1):.1f} |")
    total = sum(claims.values())
    out += [f"| total | {len(rows):,} | {sum(labels.values()):,} | {total:,} | {total / max(len(rows), 1):.1f} |",
            "", "Spans per label:", "", "| label | " + " | ".join(SOURCES) + " | total |", "|---|---|---|---|---|---|"]
    for label in LABELS:
        out.append(f"| {label} | " + " | ".join(f"{labels[(label, s)]:,}" for s in SOURCES)
                   + f" | {sum(labels[(label, s)] for s in SOURCES):,} |")
    out += ["", "Claims per attribute:", "", "| attribute | " + " | ".join(SOURCES) + " | total |",
            "|---|---|---|---|---|---|"]
    for a in sorted({a for a, _ in attrs}, key=lambda a: (-sum(attrs[(a, s)] for s in SOURCES), a)):
        out.append(f"| {a} | " + " | ".join(str(attrs[(a, s)]) for s in SOURCES)
                   + f" | {sum(attrs[(a, s)] for s in SOURCES):,} |")
    out += ["", "Figures that are not claims, by reason: "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(why.items(), key=lambda kv: (-kv[1], kv[0]))) + ".",
            "", "`as_of` moments: "
            + ", ".join(f"{k} {v}" for k, v in sorted(as_of.items(), key=lambda kv: (-kv[1], kv[0])))
            + "."]
    return "\n".join(out) + "\n"


def write(real: Path = HERE) -> None:
    readme = real / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    readme.write_text(f"{head}{BEGIN}\n{tables(real)}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        write()
    else:
        sys.stdout.write(tables())
