"""The candidate figures of the Reuters figures samples (a fixed, reproducible draw; see README "Reuters figures").

    python corpus/real/select_figures.py SHARED test     # phase 1 of the 200: JSON lines, in draw order
    python corpus/real/select_figures.py SHARED topup    # phase 2 of the 200: count candidates only
    python corpus/real/select_figures.py SHARED dev      # the separate dev sample
    python corpus/real/select_figures.py SHARED dev2     # the second dev sample (issue 15, third pass)
    python corpus/real/select_figures.py SHARED dev3     # the third dev sample (issue 15, fourth pass)
    python corpus/real/select_figures.py SHARED dev4     # the fourth dev sample (issue 15, fifth pass)
    python corpus/real/select_figures.py SHARED dev5     # the fifth dev sample (issue 15, sixth pass)
    python corpus/real/select_figures.py SHARED dev6     # the sixth dev sample (issue 15, seventh pass)

Stories: Reuters-21578 records of 150-4,000 characters (``title + "\\n\\n" + text``) that are not in
``splits.json`` (the real annotation corpus), shuffled with ``random.Random(seed)`` in id order. A candidate
is a number written in digits or a number word; its stratum comes from the words around it (a results-table
line, a currency word after it, "pct" after it, anything else "count"); years and numbers right after a month
name are no candidates. Each story gives at most two candidates, from different strata where it can, until
every stratum's quota of candidates is drawn. Phase 2 (``topup``) continues the same shuffled order after
phase 1's last story and draws one "count" candidate followed by a counted noun per story (40 stories).
The dev draw (seed 1587) skips every story a test candidate came from; the dev2 draw (seed 2024, the
same quotas) skips every story a test or a dev candidate came from; the dev3 draw (seed 3141, the same quotas)
skips every story a test, dev or dev2 candidate came from; the dev4 draw (seed 2718, the same quotas) skips every
story a test, dev, dev2 or dev3 candidate came from; the dev5 draw (seed 4669, the same quotas) skips every story a
test, dev, dev2, dev3 or dev4 candidate came from; the dev6 draw (seed 6180, the same quotas) skips every story a
test, dev, dev2, dev3, dev4 or dev5 candidate came from.

Which candidates are figures, their spans and values were then decided by reading; the gold files keep, in
draw order, the first 40 table / 55 money / 50 percent / 55 count figures (test) and 20 / 27 / 25 / 28 (dev).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

SEEDS = {"test": 15, "dev": 1587, "dev2": 2024, "dev3": 3141, "dev4": 2718, "dev5": 4669, "dev6": 6180}
QUOTAS = {"test": {"table": 55, "money": 75, "percent": 60, "count": 110},
          "dev": {"table": 26, "money": 36, "percent": 30, "count": 90},
          "dev2": {"table": 26, "money": 36, "percent": 30, "count": 90},
          "dev3": {"table": 26, "money": 36, "percent": 30, "count": 90},
          "dev4": {"table": 26, "money": 36, "percent": 30, "count": 90},
          "dev5": {"table": 26, "money": 36, "percent": 30, "count": 90},
          "dev6": {"table": 26, "money": 36, "percent": 30, "count": 90}}
DEV_DRAWS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
NUM = re.compile(r"(?<![\w/.-])(\d[\d,]*(?:\.\d+)?(?:-\d/\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                 r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a dozen|dozens|hundreds|thousands)"
                 r"(?![\w])", re.I)
MONEY_AFTER = re.compile(
    r"^\s*(?:\.\d+)?\s*(?:mln|bln|billion|million|trillion|thousand)?\s*(?:u\.s\.|canadian|australian|hong kong|"
    r"new zealand|singapore|swiss|french|belgian|saudi|malaysian)?\s*(?:dlrs|dollars?|cts|cents|stg|sterling|"
    r"pounds|marks|francs|guilders|yen|lire|lira|pesetas|schillings|crowns|kroner|krona|rand|pesos|cruzados|"
    r"riyals|rupees|won|yuan|australs|ecus)\b", re.I)
PCT_AFTER = re.compile(r"^\s*(?:pct|percent|per cent|%|percentage point)", re.I)
TABLE_LINE = re.compile(r"^\s*(?:shr|net|revs|sales|oper|avg shrs|shrs|qtly div|div|loss|profit|nine mths|six mths|"
                        r"year|qtr|mths|income|assets|deposits|loans)\b.*\bvs\b", re.I)
AFTER_MONTH = re.compile(r"(?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?\s*$", re.I)
COUNTABLE = re.compile(
    r"^\s*(?:mln|million|billion|bln|thousand)?\s*(?:[A-Za-z-]+\s+){0,2}?(?:shares|employees|workers|jobs|people|"
    r"tonnes|tons|barrels|bpd|units|cars|vehicles|stores|banks|companies|aircraft|planes|ounces|bags|acres|"
    r"hectares|members|customers|contracts|votes|plants|wells|homes|houses|ships|vessels|offices|branches|"
    r"subscribers|passengers|troops|persons|lbs|pounds of|bushels|gallons|cubic)\b", re.I)


def stratum(text: str, m: re.Match[str]) -> str | None:
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    line = text[start:len(text) if end < 0 else end]
    after, before = text[m.end():m.end() + 40], text[max(0, m.start() - 12):m.start()]
    if re.fullmatch(r"19\d\d|20\d\d", m.group(0)) or AFTER_MONTH.search(before):
        return None
    if TABLE_LINE.search(line):
        return "table"
    if MONEY_AFTER.match(after) or before.rstrip().endswith("$"):
        return "money"
    if PCT_AFTER.match(after):
        return "percent"
    return "count"


def stories(shared: Path, exclude: set[str]) -> tuple[dict[str, str], list[str]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "nlp"))
    from claimcheck.training.corpus import record_text, shared_records

    records = shared_records("reuters21578", shared)
    splits = json.loads((Path(__file__).parent / "splits.json").read_text())
    used = {k.split(":", 1)[1] for k in splits if k.startswith("reuters21578:")}
    texts = {k: record_text("reuters21578", r) for k, r in records.items()}
    return texts, sorted(k for k in texts if k not in used and k not in exclude)


def _row(sid: str, text: str, m: re.Match[str], kind: str) -> dict:
    return {"id": sid, "text_sha1": hashlib.sha1(text.encode()).hexdigest(), "num_start": m.start(),
            "num_end": m.end(), "stratum": kind}


def draw(shared: Path, which: str, exclude: set[str] | None = None) -> list[dict]:
    texts, ids = stories(shared, exclude or set())
    rng = random.Random(SEEDS[which])
    rng.shuffle(ids)
    quotas, got = QUOTAS[which], {k: 0 for k in QUOTAS[which]}
    out = []
    for sid in ids:
        text = texts[sid]
        if not 150 <= len(text) <= 4000:
            continue
        cands: dict[str, list[re.Match[str]]] = {}
        for m in NUM.finditer(text):
            kind = stratum(text, m)
            if kind and got[kind] < quotas[kind]:
                cands.setdefault(kind, []).append(m)
        if not cands:
            continue
        kinds = sorted(cands)
        rng.shuffle(kinds)
        for kind in kinds[:2]:
            got[kind] += 1
            out.append(_row(sid, text, rng.choice(cands[kind]), kind))
        if all(got[k] >= quotas[k] for k in quotas):
            break
    return out


def topup(shared: Path, phase1: list[dict], n: int = 40) -> list[dict]:
    texts, ids = stories(shared, set())
    random.Random(SEEDS["test"]).shuffle(ids)
    rng = random.Random(SEEDS["test"] + 1)
    out = []
    for sid in ids[ids.index(phase1[-1]["id"]) + 1:]:
        text = texts[sid]
        if not 150 <= len(text) <= 4000:
            continue
        cands = [m for m in NUM.finditer(text)
                 if stratum(text, m) == "count" and COUNTABLE.match(text[m.end():m.end() + 40])]
        if cands:
            out.append(_row(sid, text, rng.choice(cands), "count"))
            if len(out) >= n:
                break
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] not in ("test", "topup", *DEV_DRAWS):
        print("usage: select_figures.py SHARED test|topup|dev|dev2|dev3|dev4|dev5|dev6", file=sys.stderr)
        return 2
    shared, which = Path(argv[0]), argv[1]
    if which == "test":
        rows = draw(shared, "test")
    else:
        phase1 = draw(shared, "test")
        rows = topup(shared, phase1)
        if which in DEV_DRAWS:
            # each dev sample skips every story an earlier sample's candidate came from
            used = {r["id"] for r in phase1 + rows}
            for name in DEV_DRAWS[:DEV_DRAWS.index(which) + 1]:
                rows = draw(shared, name, exclude=used)
                used |= {r["id"] for r in rows}
    for r in rows:
        print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
