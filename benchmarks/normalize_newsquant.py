"""NewsQuant value accuracy of claimcheck's normalisers alone, given the gold quantities.

NewsQuant (CQE, EMNLP 2023) has 590 news sentences and 904 gold quantities
(``value``, ``unit``, ``normalized_unit``, ``change``) but no character offsets,
so this harness first *locates* each gold quantity in its sentence and cuts a
span around it, the way a mention detector would hand it over:

1. number candidates are found with a small regex of its own (digits with
   separators, number words) - not with claimcheck's tokenizer;
2. the candidate whose written digits times a power-of-ten scale equal the
   gold value is taken (ties: the one followed / preceded by the gold unit
   surface, then the first one not used by an earlier gold quantity of the
   same sentence); gold ranges (``"1.5-2.0"``) take both ends;
3. the span is widened left over a currency marker or sign, right over a
   scale word, a percent marker and the gold unit surface;
   the 60 characters before it are the left context.

The span then goes to the normaliser that the gold unit calls for
(``normalize_money`` for currencies, ``normalize_percent`` for percentages and
basis points, ``normalize_count`` for everything else - claimcheck has no
physical-unit normaliser, so metres and horsepower are read as bare numbers),
and to quantulum3's ``parser.parse`` on the very same span, when quantulum3 is
installed (it is not a claimcheck dependency: ``pip install quantulum3``).

Scores, per system: *value accuracy* (the value equals the gold value, relative
tolerance 1e-6; a range must match both ends) over the located quantities, by
category; *value+unit accuracy* where the unit is comparable (currencies as
ISO 4217, percent); and for claimcheck *change accuracy*: the qualifier / kind
against the gold ``change`` (``=`` exact or range, ``~`` approx, ``>`` at_least,
``<`` at_most, ``up`` growth, ``down`` decline; the last two only for percent).

Run::

    python benchmarks/normalize_newsquant.py [--data PATH] [--json OUT] [--show-errors N] [--no-peer]

The data path defaults to ``$CLAIMCHECK_SHARED/data/newsquant/NewsQuant.json``
or ``../shared/data/newsquant/NewsQuant.json`` next to the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.training.newsquant import _PER_RE, gold_category, load_quantulum, parse_gold_value

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------- gold units

# gold_category and parse_gold_value (the NewsQuant gold's units and values) are claimcheck.training.newsquant's,
# which `claimcheck evaluate` scores with too


# --------------------------------------------------------------------------- span finder

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "half": 0.5, "a": 1, "an": 1,
}
_WORD_ALT = "|".join(sorted((w for w in _WORDS if w not in ("a", "an")), key=len, reverse=True))
_CAND_RE = re.compile(
    r"(?<![\w.])(?P<d>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])"
    rf"|(?<![A-Za-z])(?P<w>(?:{_WORD_ALT})(?:[\s-]+(?:{_WORD_ALT}))*)(?![A-Za-z])",
    re.I,
)
_SCALES = (1, 1e3, 1e6, 1e9, 1e12, 1e5, 1e7, 1e2, 1e-2)
_LEFT_MARK_RE = re.compile(
    r"(?:(?:US|U\.S\.|HK|NZ|NT|AU|CA|A|C|S|R|MX|CN|JP)?\s?[$\u00a3\u20ac\u00a5\u20b9\u20aa]\s?(?:US|A|NZ|C)?"
    r"|\b(?:USD|US|HKD|RMB|Rmb|EUR|GBP|JPY|CNY|RM|Rs\.?|Y|PS|R|NIS|INR|AUD|CAD|NZD|SGD)\s?"
    r"|[-\u2212+~]|\bminus\s)$"
)
_RIGHT_SCALE_RE = re.compile(
    r"\s?-?\s?(?:thousand|million|billion|trillion|bn|mn|mln|bln|tn|mil|m|b|k|crore|lakh)(?![A-Za-z])", re.I
)
_RIGHT_PCT_RE = re.compile(
    r"\s?(?:%|per\s?cent|percent|pct|pc|percentage\s+points?|basis\s+points?|bps|points?|pts?|p)(?![A-Za-z])", re.I
)


@dataclass
class Cand:
    start: int
    end: int
    value: float


def _word_value(s: str) -> float | None:
    total, cur = 0.0, 0.0
    for w in re.split(r"[\s-]+", s.lower()):
        v = _WORDS.get(w)
        if v is None:
            return None
        if w == "hundred":
            cur = (cur or 1) * 100
        elif w == "dozen":
            cur = (cur or 1) * 12
        elif w == "half":
            cur = cur + 0.5 if cur else 0.5
        else:
            cur += v
    return total + cur


def candidates(text: str) -> list[Cand]:
    out = []
    for m in _CAND_RE.finditer(text):
        if m.group("d"):
            try:
                v = float(m.group("d").replace(",", ""))
            except ValueError:
                continue
        else:
            v = _word_value(m.group("w"))
            if v is None:
                continue
        out.append(Cand(m.start(), m.end(), v))
    return out


def _matches(c: Cand, g: float) -> bool:
    return any(math.isclose(c.value * s, g, rel_tol=1e-6, abs_tol=1e-9) for s in _SCALES)


@dataclass
class Span:
    text: str
    left: str
    start: int
    end: int


def locate(sentence: str, gold: dict[str, Any], used: set[int]) -> Span | None:
    """Cut the span of one gold quantity out of its sentence (see the module docstring)."""
    gv = parse_gold_value(str(gold.get("value", "")))
    if gv is None:
        return None
    low, high = gv
    cands = candidates(sentence)
    unit = str(gold.get("unit", "")).strip()
    unit_l = unit.lower() if unit not in ("-", "") else ""

    def near_unit(c: Cand) -> bool:
        if not unit_l:
            return False
        after = sentence[c.end : c.end + 25 + len(unit_l)].lower()
        before = sentence[max(0, c.start - len(unit_l) - 3) : c.start].lower()
        return unit_l in after or unit_l in before

    hits = [c for c in cands if _matches(c, low)]
    if not hits:
        return None
    hits.sort(key=lambda c: (not near_unit(c), c.start in used, c.start))
    first = hits[0]
    last = first
    if high is not None:
        ends = [c for c in cands if c.start > first.end and _matches(c, high) and c.start - first.end < 20]
        if ends:
            last = ends[0]
    used.add(first.start)
    start, end = first.start, last.end
    # left: a currency marker or a sign written right before the number
    m = _LEFT_MARK_RE.search(sentence[max(0, start - 8) : start])
    if m:
        k = start - len(m.group())
        # a dash glued to a word is a hyphen ("sub-300", "to-260,000"), not a sign
        if not (m.group() in "-\u2212+" and k > 0 and sentence[k - 1].isalnum()):
            start = k
    # right: scale word, percent marker, then the gold unit surface
    m = _RIGHT_SCALE_RE.match(sentence, end)
    if m:
        end = m.end()
    m = _RIGHT_PCT_RE.match(sentence, end)
    if m:
        end = m.end()
    if unit_l:
        rest = sentence[end : end + len(unit_l) + 3]
        k = rest.lower().find(unit_l)
        if 0 <= k <= 2:
            end += k + len(unit_l)
    left = sentence[max(0, start - 60) : start]
    return Span(sentence[start:end], left, start, end)


# --------------------------------------------------------------------------- systems


def claimcheck_normalise(category: str, text: str, left: str):
    from claimcheck.normalize import normalize_count, normalize_money, normalize_percent

    if category == "money":
        return normalize_money(text, left)
    if category in ("percent", "bp"):
        return normalize_percent(text, left)
    return normalize_count(text, left)


def quantulum_value(parser, text: str) -> tuple[float | None, float | None, str]:
    """(value, second value of a range or None, unit name) of the first quantity quantulum3 finds."""
    try:
        qs = parser.parse(text)
    except Exception:  # noqa: BLE001
        return None, None, ""
    if not qs:
        return None, None, ""
    q = qs[0]
    high = None
    if len(qs) > 1 and re.search(r"\d\s*(?:-|to|\u2013)\s*\S*\d", text):
        high = qs[1].value
    return q.value, high, q.unit.name


# --------------------------------------------------------------------------- scoring

_CHANGE = {"=": ("exact", "range"), "~": ("approx",), ">": ("at_least",), "<": ("at_most",)}


@dataclass
class Tally:
    n: int = 0
    value_ok: int = 0
    unit_n: int = 0
    unit_ok: int = 0
    change_n: int = 0
    change_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def pct(self, a: int, b: int) -> float | None:
        return round(100.0 * a / b, 1) if b else None


def _close(a: Any, b: float) -> bool:
    return isinstance(a, (int, float)) and not isinstance(a, bool) and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def score_ours(q, gold: dict[str, Any], cat: str, unit: str, factor: float) -> tuple[bool, bool | None, bool | None]:
    """(value ok, unit ok or None if not comparable, change ok or None)."""
    low, high = parse_gold_value(str(gold["value"]))  # type: ignore[misc]
    if q is None:
        return False, (False if cat != "other" else None), False
    scale = 1 / factor
    if high is not None:
        ok = q.qualifier == "range" and _close(_num(q.low, scale), low) and _close(_num(q.high, scale), high)
    elif q.qualifier == "range":
        ok = _close(_num(q.low, scale), low)
    else:
        ok = _close(_num(q.value, scale), low)
    unit_ok = None
    if cat != "other":
        unit_ok = (q.unit == unit) if unit else q.unit in ("USD", "AUD", "CAD", "NZD", "HKD", "SGD", "EUR")
    change = gold.get("change", "=")
    if change in ("up", "down"):
        change_ok = None if cat not in ("percent", "bp") else q.kind == ("growth" if change == "up" else "decline")
    else:
        change_ok = q.qualifier in _CHANGE.get(change, ("exact",))
    return ok, unit_ok, change_ok


def _num(x: Any, scale: float) -> float | None:
    return x * scale if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def score_quantulum(
    res: tuple[float | None, float | None, str], gold: dict[str, Any], cat: str, factor: float
) -> tuple[bool, bool | None]:
    value, second, uname = res
    low, high = parse_gold_value(str(gold["value"]))  # type: ignore[misc]
    if value is None:
        return False, (False if cat != "other" else None)
    if high is not None:
        ok = _close(value, low) and second is not None and _close(second, high)
    else:
        ok = _close(value, low) or (cat in ("money", "bp") and _close(value / factor if factor != 1 else value, low))
    unit_ok = None
    if cat != "other":
        gold_u = _PER_RE.sub("", str(gold.get("normalized_unit", "")).lower())
        qu = uname.lower()
        unit_ok = qu == gold_u or (gold_u == "percentage" and qu == "percentage")
    return ok, unit_ok


def run(data_path: Path, show_errors: int = 0, peer: bool = True) -> dict[str, Any]:
    """Score claimcheck (and quantulum3 when ``peer`` and installed) on NewsQuant."""
    sentences = json.loads(data_path.read_text(encoding="utf-8"))
    import claimcheck.normalize  # noqa: F401 - imported before the clock starts

    qparser, qnote = load_quantulum() if peer else (None, "not run")
    cats = ("money", "percent", "bp", "other")
    ours = {c: Tally() for c in cats + ("all",)}
    peer = {c: Tally() for c in cats + ("all",)}
    located = total = 0
    t_ours = t_peer = 0.0
    for s in sentences:
        text = s["text"]
        used: set[int] = set()
        for gold in s["quantities"]:
            total += 1
            if parse_gold_value(str(gold.get("value", ""))) is None:
                continue
            cat, unit, factor = gold_category(str(gold.get("normalized_unit", "")))
            span = locate(text, gold, used)
            if span is None:
                continue
            located += 1
            t0 = time.perf_counter()
            q = claimcheck_normalise(cat, span.text, span.left)
            t_ours += time.perf_counter() - t0
            ok, unit_ok, change_ok = score_ours(q, gold, cat, unit, factor)
            for key in (cat, "all"):
                t = ours[key]
                t.n += 1
                t.value_ok += ok
                if unit_ok is not None:
                    t.unit_n += 1
                    t.unit_ok += ok and unit_ok
                if change_ok is not None:
                    t.change_n += 1
                    t.change_ok += change_ok
            if not ok and len(ours["all"].errors) < show_errors:
                ours["all"].errors.append({"span": span.text, "left": span.left[-30:], "gold": gold["value"],
                                           "unit": gold["normalized_unit"],
                                           "got": None if q is None else (q.value, q.unit, q.qualifier)})
            if qparser is not None:
                t0 = time.perf_counter()
                res = quantulum_value(qparser, span.text)
                t_peer += time.perf_counter() - t0
                pok, punit = score_quantulum(res, gold, cat, factor)
                for key in (cat, "all"):
                    t = peer[key]
                    t.n += 1
                    t.value_ok += pok
                    if punit is not None:
                        t.unit_n += 1
                        t.unit_ok += pok and punit
    report: dict[str, Any] = {
        "sentences": len(sentences),
        "gold_quantities": total,
        "located": located,
        "peer": qnote,
        "claimcheck": {},
        "quantulum3": {} if qparser is not None else None,
        "ms_per_span": {"claimcheck": round(1000 * t_ours / max(located, 1), 3)},
    }
    for key in cats + ("all",):
        t = ours[key]
        report["claimcheck"][key] = {"n": t.n, "value_acc": t.pct(t.value_ok, t.n),
                                     "value_unit_acc": t.pct(t.unit_ok, t.unit_n), "unit_n": t.unit_n,
                                     "change_acc": t.pct(t.change_ok, t.change_n), "change_n": t.change_n}
        if qparser is not None:
            p = peer[key]
            report["quantulum3"][key] = {"n": p.n, "value_acc": p.pct(p.value_ok, p.n),
                                         "value_unit_acc": p.pct(p.unit_ok, p.unit_n), "unit_n": p.unit_n}
    if qparser is not None:
        report["ms_per_span"]["quantulum3"] = round(1000 * t_peer / max(located, 1), 3)
    if show_errors:
        report["errors"] = ours["all"].errors
    return report


def default_data_path() -> Path:
    shared = Path(os.environ.get("CLAIMCHECK_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "newsquant" / "NewsQuant.json"


def _print(report: dict[str, Any]) -> None:
    print(f"NewsQuant: {report['sentences']} sentences, {report['gold_quantities']} gold quantities, "
          f"{report['located']} located in their sentence")
    print(f"peer: {report['peer']}")
    head = f"{'category':<10}{'n':>6}  {'claimcheck value':>17}{'value+unit':>12}{'change':>9}"
    if report["quantulum3"] is not None:
        head += f"  {'quantulum3 value':>17}{'value+unit':>12}"
    print(head)
    def cell(x: float | None) -> str:
        return "-" if x is None else f"{x:.1f}"

    for key, row in report["claimcheck"].items():
        line = (f"{key:<10}{row['n']:>6}  {cell(row['value_acc']):>17}{cell(row['value_unit_acc']):>12}"
                f"{cell(row['change_acc']):>9}")
        if report["quantulum3"] is not None:
            p = report["quantulum3"][key]
            line += f"  {cell(p['value_acc']):>17}{cell(p['value_unit_acc']):>12}"
        print(line)
    print("ms per span:", report["ms_per_span"])
    for e in report.get("errors", []):
        print("  miss:", e)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=default_data_path())
    ap.add_argument("--json", type=Path, default=None, help="also write the report as JSON here")
    ap.add_argument("--show-errors", type=int, default=0, help="print the first N claimcheck misses")
    ap.add_argument("--no-peer", action="store_true", help="do not run quantulum3")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"NewsQuant not found at {args.data}", file=sys.stderr)
        return 2
    report = run(args.data, args.show_errors, peer=not args.no_peer)
    _print(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
