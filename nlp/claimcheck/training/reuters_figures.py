"""Reuters figures: real 1987 newswire figures read end to end by the mention layer (claimcheck issue 15).

``corpus/real/reuters_figures.jsonl`` holds 200 figures (MONEY, PERCENT, counts and QUANTITY) drawn at random
from Reuters-21578 stories that are not in the real annotation corpus, each annotated by reading: the story
id, the SHA-1 of its text (``title + "\\n\\n" + text``), the character span of the figure as written, its
label, its value (``value``, or ``low``/``high`` for a range), its unit (ISO 4217 for money, ``percent``,
``pp`` for percentage points, the counted noun or the unit of measure in the singular), its qualifier and
whether it is an amount per share. ``corpus/real/README.md`` ("Reuters figures") says how they were drawn
and read. ``reuters_figures_dev.jsonl`` is a separate sample, from other stories, that rules may be looked
at and fixed on; the 200 are only scored.

Each story goes through the pipeline exactly as ``claimcheck check`` runs it; for every gold figure:

* *found*: a MONEY, PERCENT, CARDINAL or QUANTITY mention overlaps its span;
* *value*: that mention's value equals the gold value (relative tolerance 1e-6; a gold range needs a
  predicted range with both ends);
* *unit*: ``Mention.unit`` is the gold unit (currency codes exactly; for counts and measures the singular
  noun, its head word, or the unit's name: ``t`` = ``tonne``, ``bbl`` = ``barrel``, ``lb`` = ``pound``);
* *per share*: :func:`claimcheck.normalize.money.per_share` of the mention equals the gold flag;
* *read right* = found and value and unit - the figure of merit (target >= 95%).

Where several mentions overlap a figure, the one that reads it right is taken if there is one (else the
largest overlap). Each proportion comes with a Wilson 95% interval, per label and over all; *read right*
also gets a bootstrap 95% interval over stories (figures of one story are not independent). quantulum3
runs beside us on the same stories (found / value / unit; it has no notion of per-share).

``python -m claimcheck.training.reuters_figures`` scores the dev sample and lists its misses, each figure in its
text (:func:`render_misses`); it offers no listing of the 200's.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.jsonl import numbered_jsonl

LABELS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
CHECKS = ("found", "value", "unit", "per_share", "read")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
SOURCE = "reuters21578"
#: unit names that are one unit for this comparison (Reuters writes "tonnes", "tons" and "metric tons")
_UNIT_FAMILIES = {"t": "tonne", "ton": "tonne", "tonne": "tonne", "metric ton": "tonne", "metric tonne": "tonne",
                  "percentage_points": "pp", "percentage point": "pp", "pp": "pp", "percent": "percent",
                  "%": "percent", "pct": "percent", "lb": "pound", "lbs": "pound"}


class FiguresError(InputError, ValueError):
    """A gold file that cannot be read, or a story whose text changed since it was annotated (one ``error:`` line in
    the CLI, as every :class:`~claimcheck.errors.InputError`)."""


def gold_path(root: Path | None = None, *, dev: bool = False) -> Path:
    """The gold file in the checkout's corpus (``dev`` for the separate dev sample; ``root``: another checkout). An
    installed package finds the checkout as every corpus reader does (``paths.corpus_dir``)."""
    from claimcheck.paths import corpus_dir

    corpus = root / "corpus" if root is not None else corpus_dir()
    return corpus / "real" / ("reuters_figures_dev.jsonl" if dev else "reuters_figures.jsonl")


def load(path: Path) -> list[dict]:
    """Gold figures of a JSONL file; a row without the fields a figure needs fails with its line number."""
    rows = []
    for n, row in numbered_jsonl(path):
        missing = [k for k in ("id", "text_sha1", "start", "end", "label", "unit", "qualifier", "per_share")
                   if k not in row]
        if missing:
            raise FiguresError(f"{path}:{n}: missing {', '.join(missing)}")
        if row["label"] not in LABELS or row["qualifier"] not in QUALIFIERS:
            raise FiguresError(f"{path}:{n}: label {row['label']!r} / qualifier {row['qualifier']!r} unknown")
        if not (isinstance(row["start"], int) and isinstance(row["end"], int) and 0 <= row["start"] < row["end"]):
            raise FiguresError(f"{path}:{n}: bad span {row['start']!r}-{row['end']!r}")
        ranged = row["qualifier"] == "range"
        if ranged and not (_is_num(row.get("low")) and _is_num(row.get("high"))):
            raise FiguresError(f"{path}:{n}: a range needs numeric low and high")
        if not ranged and not _is_num(row.get("value")):
            raise FiguresError(f"{path}:{n}: needs a numeric value")
        rows.append(row)
    return rows


def _is_num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def stories(rows: list[dict], shared: Path) -> dict[str, tuple[str, date | None]]:
    """(text, publication date) of each story the rows name, checked against the rows' SHA-1."""
    from claimcheck.training.corpus import record_text, shared_records

    records = shared_records(SOURCE, shared)
    out: dict[str, tuple[str, date | None]] = {}
    for row in rows:
        sid = row["id"]
        if sid in out:
            text = out[sid][0]
        else:
            if sid not in records:
                raise FiguresError(f"no story {sid!r} in {SOURCE}")
            text = record_text(SOURCE, records[sid])
            raw = str(records[sid].get("date") or "")[:10]
            try:
                published = date.fromisoformat(raw) if raw else None
            except ValueError:
                published = None
            out[sid] = (text, published)
        if hashlib.sha1(text.encode()).hexdigest() != row["text_sha1"]:
            raise FiguresError(f"{sid}: text changed since it was annotated (SHA-1 differs)")
        if row["end"] > len(text):
            raise FiguresError(f"{sid}: span {row['start']}-{row['end']} past the end of the text")
    return out


# --- predictions -------------------------------------------------------------------------------------

def _num(x: Any) -> float | None:
    return float(x) if _is_num(x) else None


def ours(texts: dict[str, tuple[str, date | None]], nlp) -> dict[str, list[dict]]:
    """Value mentions of each story as the pipeline reads them."""
    from claimcheck.normalize.money import per_share
    from claimcheck.pipeline import process
    from claimcheck.schema import Document

    ids = list(texts)
    docs = [Document(id=sid, text=texts[sid][0], published=texts[sid][1]) for sid in ids]
    out: dict[str, list[dict]] = {}
    for sid, doc, p in zip(ids, docs, process(docs, nlp)):
        found = []
        for m in p.mentions:
            if m.label not in LABELS:
                continue
            found.append({"start": m.start, "end": m.end, "label": m.label, "text": m.text,
                          "value": _num(m.value), "low": _num(m.low), "high": _num(m.high), "unit": m.unit,
                          "qualifier": m.qualifier,
                          "per_share": m.label == "MONEY" and per_share(doc.text, m.start, m.end)})
        out[sid] = found
    return out


def quantulum(texts: dict[str, tuple[str, date | None]], parser) -> dict[str, list[dict]]:
    """quantulum3's quantities of each story (span, value, unit; ranges and per-share it does not give)."""
    out: dict[str, list[dict]] = {}
    for sid, (text, _) in texts.items():
        try:
            qs = parser.parse(text)
        except Exception:  # noqa: BLE001 - a parser failure is a story with nothing found
            qs = []
        found = []
        for q in qs:
            span = getattr(q, "span", None)
            if not span:
                continue
            code = getattr(q.unit, "currency_code", None)
            name = q.unit.name.lower()
            unit = code if code else ("percent" if name == "percentage" else "" if name == "dimensionless" else name)
            found.append({"start": int(span[0]), "end": int(span[1]), "label": "", "text": text[span[0]:span[1]],
                          "value": _num(q.value), "low": None, "high": None, "unit": unit, "qualifier": "exact",
                          "per_share": None})
        out[sid] = found
    return out


# --- judging -----------------------------------------------------------------------------------------

def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def value_right(pred: dict, gold: dict) -> bool:
    """The predicted value is the gold one: a point (within rounding) or, for a gold range, both ends."""
    if gold["qualifier"] == "range":
        return pred.get("qualifier") == "range" and _close(pred["low"], gold["low"]) and _close(pred["high"],
                                                                                                 gold["high"])
    return pred.get("qualifier") != "range" and _close(pred["value"], float(gold["value"]))


def _unit_key(unit: str | None) -> str:
    """A unit as compared: ISO codes as they are; symbols by name (``t`` → ``tonne``); words in lower case
    without a plural "s" (the mention layer and the gold already give singular nouns; this only forgives
    "passengers" for "passenger")."""
    from claimcheck.normalize.counts import unit_name

    u = (unit or "").strip()
    if not u or u == "count":
        return ""
    if u.isupper() and len(u) == 3:  # an ISO 4217 code
        return u
    u = _UNIT_FAMILIES.get(u, u)
    named = (unit_name(u) or u).lower()
    key = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                   for w in named.split())
    return _UNIT_FAMILIES.get(key, key)


def unit_right(pred: dict, gold: dict) -> bool:
    """The predicted unit is the gold one (see the module docstring)."""
    p, g = _unit_key(pred.get("unit")), _unit_key(gold["unit"])
    if not p or not g:
        return p == g
    return p == g or p.split()[-1] == g.split()[-1]


def judge(gold: dict, preds: list[dict]) -> dict:
    """Found / value / unit / per_share / read of one gold figure against a story's predictions."""
    over = [p for p in preds if p["start"] < gold["end"] and gold["start"] < p["end"]]
    if not over:
        return {"found": False, "value": False, "unit": False, "per_share": False, "read": False, "pred": None}

    def rank(p: dict) -> tuple:
        v, u = value_right(p, gold), unit_right(p, gold)
        return (v and u, v, u, min(p["end"], gold["end"]) - max(p["start"], gold["start"]))

    best = max(over, key=rank)
    v, u = value_right(best, gold), unit_right(best, gold)
    ps = best["per_share"] is not None and bool(best["per_share"]) == bool(gold["per_share"])
    return {"found": True, "value": v, "unit": u, "per_share": ps, "read": v and u, "pred": best}


def wilson(k: int, n: int, z: float = 1.96) -> dict:
    """k of n as a proportion with its Wilson score interval."""
    from claimcheck.training.scoring import wilson_interval

    if n == 0:
        return {"k": 0, "n": 0, "p": 0.0, "low": 0.0, "high": 0.0}
    low, high = wilson_interval(k, n, z)
    return {"k": k, "n": n, "p": round(k / n, 4), "low": round(low, 4), "high": round(high, 4)}


def story_bootstrap(judged: list[tuple[str, bool]], *, samples: int = 1000, seed: int = 0) -> dict:
    """A percentile bootstrap 95% interval of a proportion, resampling stories (not figures)."""
    import numpy as np

    by_story: dict[str, list[int]] = {}
    for sid, ok in judged:
        by_story.setdefault(sid, [0, 0])
        by_story[sid][0] += int(ok)
        by_story[sid][1] += 1
    if not by_story:
        return {"p": 0.0, "low": 0.0, "high": 0.0, "stories": 0}
    arr = np.asarray(list(by_story.values()), dtype=float)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(arr), size=(samples, len(arr)))
    ratios = arr[:, 0][picks].sum(axis=1) / arr[:, 1][picks].sum(axis=1)
    lo, hi = np.quantile(ratios, [0.025, 0.975])
    return {"p": round(float(arr[:, 0].sum() / arr[:, 1].sum()), 4), "low": round(float(lo), 4),
            "high": round(float(hi), 4), "stories": len(arr)}


def miss_cause(gold: dict, j: dict) -> str | None:
    """Why a figure was not read right: not found, value, unit (or value+unit); None when it was."""
    if j["read"]:
        return None
    if not j["found"]:
        return "not found"
    if not j["value"] and not j["unit"]:
        return "value+unit"
    return "value" if not j["value"] else "unit"


def score(rows: list[dict], preds: dict[str, list[dict]], *, per_share: bool = True) -> dict:
    """Proportions (Wilson 95%) of each check, over all figures and per gold label; the misses listed."""
    judged = [(row, judge(row, preds.get(row["id"], []))) for row in rows]
    checks = CHECKS if per_share else tuple(c for c in CHECKS if c != "per_share")

    def block(items: list[tuple[dict, dict]]) -> dict:
        return {c: wilson(sum(bool(j[c]) for _, j in items), len(items)) for c in checks}

    result: dict[str, Any] = {"figures": len(rows), "stories": len({r["id"] for r in rows}),
                              "all": block(judged),
                              "per_label": {lab: block([x for x in judged if x[0]["label"] == lab])
                                            for lab in LABELS if any(x[0]["label"] == lab for x in judged)},
                              "read_bootstrap": story_bootstrap([(r["id"], j["read"]) for r, j in judged])}
    misses = []
    causes: dict[str, int] = {}
    for row, j in judged:
        cause = miss_cause(row, j)
        if cause is None and (not per_share or j["per_share"]):
            continue
        cause = cause or "per_share"
        causes[cause] = causes.get(cause, 0) + 1
        p = j["pred"]
        misses.append({"id": row["id"], "start": row["start"], "end": row["end"], "label": row["label"],
                       "cause": cause, "gold": {k: row.get(k) for k in ("value", "low", "high", "unit",
                                                                        "qualifier", "per_share")},
                       "pred": None if p is None else {k: p[k] for k in ("start", "end", "label", "value", "low",
                                                                         "high", "unit", "qualifier",
                                                                         "per_share")}})
    result["miss_causes"] = dict(sorted(causes.items(), key=lambda kv: -kv[1]))
    result["misses"] = misses
    return result


def evaluate(rows: list[dict], shared: Path, nlp, *, peer: bool = True) -> dict:
    """Our mention layer (and quantulum3 when installed) scored on gold figures of the shared stories."""
    texts = stories(rows, shared)
    result: dict[str, Any] = {"claimcheck": score(rows, ours(texts, nlp))}
    if peer:
        from claimcheck.training.newsquant import load_quantulum

        parser, note = load_quantulum()
        result["quantulum3_note"] = note
        result["quantulum3"] = score(rows, quantulum(texts, parser), per_share=False) if parser else None
    return result


def render(name: str, s: dict) -> list[str]:
    """Plain-text lines of a set's scores."""
    ours_ = s["claimcheck"]
    lines = [f"\n[{name}] {ours_['figures']} gold figures in {ours_['stories']} Reuters-21578 stories"]
    for system in ("claimcheck", "quantulum3"):
        x = s.get(system)
        if not x:
            continue
        lines.append(f"  {system:<10} {'label':<9} {'n':>4}   " + "  ".join(f"{c:<21}" for c in CHECKS))
        for label, block in [("ALL", x["all"])] + list(x["per_label"].items()):
            n = block["found"]["n"]
            cells = [f"{block[c]['p']:.3f} [{block[c]['low']:.3f}–{block[c]['high']:.3f}]" if c in block else
                     f"{'—':<21}" for c in CHECKS]
            lines.append(f"  {'':<10} {label:<9} {n:>4}   " + "  ".join(f"{c:<21}" for c in cells))
        b = x["read_bootstrap"]
        lines.append(f"  {'':<10} read right {b['p']:.3f}, bootstrap 95% over {b['stories']} stories "
                     f"[{b['low']:.3f}–{b['high']:.3f}]; misses by cause: {x['miss_causes']}")
    if s.get("quantulum3_note"):
        lines.append(f"  ({s['quantulum3_note']})")
    return lines


def render_misses(s: dict, rows: list[dict], texts: dict[str, tuple[str, date | None]], *,
                  width: int = 60) -> list[str]:
    """One block per figure not read right (or per-share flag missed): its draw, story, cause, the figure in
    ``width`` characters of its text either side, the gold reading and the mention's. For the dev sample: the
    200 are only scored, their misses are not to be read (see the module docstring)."""
    draw = {(r["id"], r["start"]): r.get("draw", "") for r in rows}
    lines = []
    for m in s["claimcheck"]["misses"]:
        text = texts[m["id"]][0]
        a, b = m["start"], m["end"]
        context = (text[max(0, a - width):a] + "[[" + text[a:b] + "]]" + text[b:b + width]).replace("\n", " ")
        gold = {k: v for k, v in m["gold"].items() if v is not None}
        lines.append(f"{draw.get((m['id'], a), '')} {m['id']} {m['label']} {m['cause']}: {context}")
        lines.append(f"    gold {gold}")
        p = m["pred"]
        if p is not None:
            pred = {k: v for k, v in p.items() if v is not None and k not in ("start", "end")}
            lines.append(f"    ours {text[p['start']:p['end']]!r} {pred}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m claimcheck.training.reuters_figures [--shared PATH] [--model NAME]``: the dev sample scored as
    ``claimcheck evaluate --sets reuters-figures-dev`` scores it, then its misses listed (render_misses)."""
    import argparse

    from claimcheck.paths import shared_dir
    from claimcheck.pipeline import load_pipeline

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--model", default="default")
    args = ap.parse_args(argv)
    shared = args.shared or shared_dir()
    if shared is None:
        raise FiguresError("shared data not found (--shared PATH)")
    rows = load(gold_path(dev=True))
    texts = stories(rows, shared)
    result = {"claimcheck": score(rows, ours(texts, load_pipeline(args.model)))}
    print("\n".join(render("reuters-figures-dev", result)))
    print("\n".join(render_misses(result, rows, texts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
