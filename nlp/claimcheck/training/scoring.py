"""Scores of the claim models: mentions per label, claims per attribute.

A predicted claim is right when its subject (compared by ``name_key``: case,
punctuation, "the" and legal suffixes aside), its attribute and its normalised
value (value, unit and interval) all equal a gold claim's; each gold claim is
matched at most once. Pure functions over spaCy ``Example`` objects, so the
training loop and ``claimcheck evaluate`` share them.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, TypeVar

from claimcheck.resolve.entities import name_key

GOLD_KEY = "claimcheck.gold_claims"

T = TypeVar("T")


def first_best(grid: Iterable[T], score: Callable[[T], dict]) -> tuple[T, dict]:
    """The first value of ``grid`` whose ``score(value)["f"]`` is highest, and that score (the claim models'
    thresholds are chosen so: on a tie the lower threshold, the one that drops less)."""
    best: tuple[T, dict] | None = None
    for value in grid:
        scored = score(value)
        if best is None or scored["f"] > best[1]["f"]:
            best = (value, scored)
    if best is None:
        raise ValueError("an empty grid has no best value")
    return best


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95% by default) of k successes in n, unrounded; (0, 1) when n is 0. The one
    place it is computed: the challenge set, the Reuters figures and the benchmarks' judged samples use it."""
    import math

    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _value_key(q) -> tuple:
    """The normalised value and unit (the qualifier's interval aside: "roughly 19%" states 19%)."""
    value = q.value
    if isinstance(value, float):
        value = round(value, 6)
        if value.is_integer():
            value = int(value)
    return (value, q.unit)


def gold_claims(doc) -> list[tuple]:
    """(subject key, attribute, value key) of the gold claims stored on a reference doc."""
    from claimcheck.pipeline.mentions import normalize_span

    out = []
    for g in doc.user_data.get(GOLD_KEY, []):
        subject = doc[g["head"][0]:g["head"][1]].text
        value = doc[g["child"][0]:g["child"][1]]
        label = next((e.label_ for e in doc.ents if (e.start, e.end) == tuple(g["child"])), "MONEY")
        from spacy.tokens import Span

        q = normalize_span(Span(doc, value.start, value.end, label=label), None)
        out.append((name_key(subject), g["label"], _value_key(q) if q else value.text))
    return out


def predicted_claims(doc) -> list[tuple]:
    return [(name_key(d.subject_text), d.attribute, _value_key(d.quantity)) for d in (doc._.claims or [])]


def match_counts(gold: list[tuple], pred: list[tuple]) -> dict[str, Counter]:
    """Per attribute: tp, fp, fn."""
    counts: dict[str, Counter] = {}
    left = Counter(gold)
    for p in pred:
        c = counts.setdefault(p[1], Counter())
        if left[p] > 0:
            left[p] -= 1
            c["tp"] += 1
        else:
            c["fp"] += 1
    for g, n in left.items():
        if n > 0:
            counts.setdefault(g[1], Counter())["fn"] += n
    return counts


def claim_scores(pairs: Iterable[tuple[list, list]]) -> dict:
    """``{"all": prf, "per_attribute": {attribute: prf}}`` over (gold, predicted) claim lists."""
    total: dict[str, Counter] = {}
    for gold, pred in pairs:
        for attribute, c in match_counts(gold, pred).items():
            total.setdefault(attribute, Counter()).update(c)
    overall: Counter[str] = Counter()
    for c in total.values():
        overall.update(c)
    return {"all": prf(overall["tp"], overall["fp"], overall["fn"]),
            "per_attribute": {a: prf(c["tp"], c["fp"], c["fn"]) for a, c in sorted(total.items())}}


def claim_prf(examples) -> dict:
    """spaCy scorer hook of the claim component: claims_p / claims_r / claims_f."""
    scores = claim_scores((gold_claims(eg.reference), predicted_claims(eg.predicted)) for eg in examples)
    a = scores["all"]
    return {"claims_p": a["p"], "claims_r": a["r"], "claims_f": a["f"],
            "claims_per_type": {k: {"p": v["p"], "r": v["r"], "f": v["f"]} for k, v in scores["per_attribute"].items()}}


def mention_scores(pairs: Iterable[tuple[list, list]]) -> dict:
    """Exact-span P/R/F1 per label over (gold spans, predicted spans); spans are (start, end, label)."""
    per: dict[str, Counter] = {}
    for gold, pred in pairs:
        g, p = Counter(gold), Counter(pred)
        for span in set(g) | set(p):
            c = per.setdefault(span[2], Counter())
            tp = min(g[span], p[span])
            c["tp"] += tp
            c["fp"] += p[span] - tp
            c["fn"] += g[span] - tp
    overall: Counter[str] = Counter()
    for c in per.values():
        overall.update(c)
    return {"all": prf(overall["tp"], overall["fp"], overall["fn"]),
            "per_label": {k: prf(c["tp"], c["fp"], c["fn"]) for k, c in sorted(per.items())}}


def bootstrap_f1(counts: list[tuple[int, int, int]], *, samples: int = 1000, seed: int = 0,
                 level: float = 0.95) -> dict:
    """Micro F1 over per-article (tp, fp, fn) counts with a percentile bootstrap interval (articles resampled)."""
    import numpy as np

    if not counts:
        return {"f": 0.0, "low": 0.0, "high": 0.0, "articles": 0}
    arr = np.asarray(counts, dtype=float)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(arr), size=(samples, len(arr)))
    tp, fp, fn = (arr[:, k][picks].sum(axis=1) for k in range(3))
    denom = 2 * tp + fp + fn
    f = np.where(denom > 0, 2 * tp / np.where(denom > 0, denom, 1), 0.0)
    lo, hi = np.quantile(f, [(1 - level) / 2, 1 - (1 - level) / 2])
    tp_all, fp_all, fn_all = (int(x) for x in arr.sum(axis=0))
    return {"f": prf(tp_all, fp_all, fn_all)["f"], "low": round(float(lo), 4), "high": round(float(hi), 4),
            "articles": len(arr)}


def given_value(claim_pairs) -> dict:
    """Subject and attribute accuracy over gold claims whose value the pipeline found with some claim.

    A gold claim is paired with an unused predicted claim of the same normalised value in the same article
    (one with the same attribute first); its subject and attribute are then compared. That separates
    "found the figure but gave it to the wrong company / wrong attribute" from "missed the figure".
    """
    paired = subject_ok = attribute_ok = 0
    for gold, pred in claim_pairs:
        left = [p[:3] for p in pred]
        for g in gold:
            same_value = [i for i, p in enumerate(left) if p[2] == g[2]]
            if not same_value:
                continue
            best = next((i for i in same_value if left[i][:2] == g[:2]), None)
            best = best if best is not None else next((i for i in same_value if left[i][1] == g[1]), same_value[0])
            p = left.pop(best)
            paired += 1
            subject_ok += p[0] == g[0]
            attribute_ok += p[1] == g[1]
    gold_total = sum(len(g) for g, _ in claim_pairs)
    return {"gold": gold_total, "value_found": paired,
            "subject_accuracy": round(subject_ok / paired, 4) if paired else None,
            "attribute_accuracy": round(attribute_ok / paired, 4) if paired else None}
