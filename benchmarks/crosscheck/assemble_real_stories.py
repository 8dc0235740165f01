"""Propose candidate multi-article stories from the real corpora in ../shared/data (to be read by a person).

A *story* for the injected-error benchmark is two or more real articles that report the same event, deal or
company result. This script only proposes candidates; which ones are kept is decided by reading them, and
the kept ones are stored (ids, SHA-1 of each text, a one-line note) in ``real_stories.json`` — never text.

Candidates (one rule per source):

* Reuters-21578: two stories are linked when they are at most ``--days`` apart, share at least two
  specific proper names (capitalised word sequences used by at most ``--max-df`` stories of the corpus) and
  at least ``--min-shared-figures`` figures (a number with its next word: ``2.5 mln``, ``10 pct``, ``18
  dlrs``); linked stories form groups (connected components, cut to the ``--max-size`` stories with the most
  links). Exact duplicate texts count once.
* BBC business (no dates): the same rule without the date window.
* MEANTIME: the same rule, dates from the record's second line.

Articles in the real annotation corpus's test split — recorded in ``corpus/real/splits.json`` or, for an
article not annotated yet, the split its key would get (``real_split_of``) — are left out, so the test
split stays untouched.

    python benchmarks/crosscheck/assemble_real_stories.py [--shared ../shared] [--source reuters21578]
        [--show 60] [--out candidates.json]

The output lists each candidate group's ids, dates, titles and shared names/figures (to stdout, or with
``--out`` as JSON outside the repository: it carries titles).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import itertools
import json
import re
import sys
from datetime import date
from pathlib import Path

from claimcheck.jsonl import read_jsonl

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

NAME = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,}|&|of|and))*"
                  r"(?: (?:Inc|Corp|Co|Ltd|Plc|PLC|AG|SA|NV))?")
FIGURE = re.compile(r"\b\d[\d,]*(?:\.\d+)?\s*(?:mln|billion|bln|pct|dlrs|cts|bn|m\b|%|million|per cent|stg|yen)")
COMMON = {
    "The", "In", "It", "He", "She", "They", "We", "But", "And", "A", "An", "This", "That", "These", "Those", "For",
    "On", "At", "As", "By", "If", "Mr", "Mrs", "Ms", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Reuters", "Inc", "Corp", "Co", "Ltd", "Shr", "Net", "Revs", "Qtr", "Year",
    "Avg", "Shrs", "Oper", "Nine", "Six", "Mths", "Note", "Company", "Group", "BBC", "US", "UK", "However",
}
MONTHS = {m: i for i, m in enumerate(("january february march april may june july august september october "
                                       "november december").split(), 1)}


def split_rule():
    """``key -> split`` of the real annotation corpus (recorded, or the rule for a new article)."""
    sys.path.insert(0, str(ROOT / "nlp"))
    from claimcheck.training.corpus import real_split_of, real_splits

    splits = real_splits(ROOT / "corpus")
    return lambda key: real_split_of(key, splits)


def text_of(source: str, record: dict) -> str:
    from claimcheck.training.corpus import record_text

    return record_text(source, record)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def meantime_date(text: str) -> date | None:
    lines = text.split("\n")
    m = re.match(r"(\w+) (\d{1,2}), (\d{4})", lines[1].strip()) if len(lines) > 1 else None
    if m and m.group(1).lower() in MONTHS:
        return date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


def load(source: str, shared: Path) -> list[dict]:
    """Records of one source: key, id, date, title, text (test-split articles and duplicates left out)."""
    from claimcheck.training.corpus import REAL_SOURCES

    split_of = split_rule()
    out, seen = [], set()
    for r in read_jsonl(shared / "data" / REAL_SOURCES[source]):
        text = text_of(source, r)
        key = f"{source}:{r['id']}"
        if split_of(key) == "test" or sha1(r["text"]) in seen:
            continue
        seen.add(sha1(r["text"]))
        when = date.fromisoformat(r["date"][:10]) if source == "reuters21578" and r.get("date") else \
            meantime_date(text) if source == "meantime" else None
        out.append({"key": key, "id": r["id"], "date": when, "title": r.get("title") or text.split("\n")[0],
                    "text": text, "topics": r.get("topics") or ([r["topic"]] if r.get("topic") else [])})
    return out


def features(records: list[dict], max_df: int) -> None:
    df: collections.Counter = collections.Counter()
    for r in records:
        names = {n for n in NAME.findall(r["text"]) if n not in COMMON and len(n) > 2}
        r["names"] = names
        r["figures"] = {re.sub(r"\s+", " ", f.replace(",", "")) for f in FIGURE.findall(r["text"])}
        df.update(names)
    for r in records:
        r["names"] = {n for n in r["names"] if df[n] <= max_df}


def candidates(records: list[dict], days: int | None, min_names: int, min_figures: int, max_size: int):
    by_name = collections.defaultdict(list)
    for i, r in enumerate(records):
        for n in r["names"]:
            by_name[n].append(i)
    links: dict[int, set[int]] = collections.defaultdict(set)
    weight: dict[tuple[int, int], int] = {}
    for members in by_name.values():
        for a, b in itertools.combinations(members, 2):
            if (a, b) in weight:
                continue
            ra, rb = records[a], records[b]
            if days is not None and (ra["date"] is None or rb["date"] is None
                                     or abs((ra["date"] - rb["date"]).days) > days):
                continue
            names = len(ra["names"] & rb["names"])
            figures = len(ra["figures"] & rb["figures"])
            weight[(a, b)] = names + 2 * figures if names >= min_names and figures >= min_figures else 0
            if weight[(a, b)]:
                links[a].add(b)
                links[b].add(a)
    seen: set[int] = set()
    groups = []
    for start in sorted(links):
        if start in seen:
            continue
        comp, todo = set(), [start]
        while todo:
            x = todo.pop()
            if x not in comp:
                comp.add(x)
                todo.extend(links[x] - comp)
        seen |= comp
        degree = {x: sum(weight.get((min(x, y), max(x, y)), 0) for y in comp if y != x) for x in comp}
        kept = sorted(comp, key=lambda x: -degree[x])[:max_size]
        score = sum(weight.get((min(a, b), max(a, b)), 0) for a, b in itertools.combinations(kept, 2))
        groups.append((score, sorted(kept, key=lambda x: (records[x]["date"] or date.min, records[x]["id"]))))
    groups.sort(key=lambda g: -g[0])
    return groups


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--source", default="reuters21578", choices=("reuters21578", "bbc_business", "meantime"))
    ap.add_argument("--days", type=int, default=10)
    ap.add_argument("--max-df", type=int, default=30)
    ap.add_argument("--min-names", type=int, default=2)
    ap.add_argument("--min-shared-figures", type=int, default=1)
    ap.add_argument("--max-size", type=int, default=5)
    ap.add_argument("--topics", default=None, help="comma-separated Reuters topics an article must have one of")
    ap.add_argument("--show", type=int, default=50)
    ap.add_argument("--chars", type=int, default=0, help="print the first N characters of each article too")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        sys.exit(f"error: no data folder under {shared}")
    records = load(args.source, shared)
    if args.topics:
        wanted = set(args.topics.split(","))
        records = [r for r in records if wanted & set(r["topics"])]
    features(records, args.max_df)
    groups = candidates(records, None if args.source == "bbc_business" else args.days, args.min_names,
                        args.min_shared_figures, args.max_size)
    out = []
    for score, members in groups[:args.show]:
        rs = [records[i] for i in members]
        shared_names = set.intersection(*(r["names"] for r in rs)) if len(rs) > 1 else set()
        shared_figs = collections.Counter(f for r in rs for f in r["figures"])
        out.append({"score": score, "ids": [r["id"] for r in rs],
                    "names": sorted(shared_names)[:8],
                    "figures": [f for f, n in shared_figs.most_common(8) if n > 1],
                    "articles": [{"id": r["id"], "date": str(r["date"]), "title": r["title"][:90],
                                  "sha1": sha1(r["text"])} for r in rs]})
        print(f"\n== score {score}  names {sorted(shared_names)[:6]}  figures {out[-1]['figures'][:6]}")
        for r in rs:
            print(f"  {r['id']:<18} {r['date']}  {r['title'][:80]}")
            if args.chars:
                print("     " + r["text"][:args.chars].replace("\n", " "))
    print(f"\n{len(groups)} candidate groups from {len(records)} articles")
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
