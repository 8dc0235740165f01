"""Fit the claim filter of a trained ``fast`` pipeline (``claimcheck.pipeline.claim_filter``).

The filter must learn how the linker's drafts look on articles the linker did not see, as every article at run
time is. So it is fitted on cross-fitted drafts: the training articles (the written train split and real-train)
are cut into ``folds`` fixed parts; for each part a linker is trained (the model's own recipe on the other parts,
its NER frozen) and run over that part. A logistic regression (scikit-learn, C = ``C``) is fitted on those
drafts, each labelled by whether the gold holds it (subject, attribute and value); its threshold is the one of
``THRESHOLDS`` with the best claim F1 with the model's own linker on the dev sets pooled (the written dev split,
``real-dev`` and ``challenge-dev``: old newswire and modern coverage both have a say). An attribute with at least
``MIN_DRAFTS`` drafts on those sets gets a threshold of its own where one gains at least ``MIN_GAIN`` pooled F1 over
the common one (:func:`choose_attribute_thresholds`). The whole filter goes into that linker's ``cfg["filter"]``.
No test set is read.

    claimcheck train --model fast --real --fit-filter      # ~9 min on a 2-core machine (553 s)
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Callable

C = 0.3
FOLDS = 2
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
#: an attribute gets a threshold of its own only with this many drafts on the dev sets pooled ...
MIN_DRAFTS = 50
#: ... and when its own threshold gains this much pooled claim F1 over the common one (three or four more right
#: claims among the dev sets' 1,761 gold ones): below that the choice follows a handful of drafts
MIN_GAIN = 0.002


def rows_of(tasks: list[dict], nlp) -> list[dict]:
    """Per article: its gold claims, its predicted claims and, for each of the linker's drafts, the filter's
    features and whether the gold holds the draft (``None`` for a claim no filter judges). The linker's own
    filter is switched off while they are read."""
    from claimcheck.pipeline.claim_filter import DocView, features
    from claimcheck.training.evaluate import run_tasks

    linker = nlp.get_pipe("claim_linker")
    saved = linker.cfg.pop("filter", None)
    rows: list[dict] = []

    def add(drafts, gold, pred) -> None:
        held = {tuple(g[:3]) for g in gold}
        view = DocView(drafts[0].span.doc) if drafts else None
        feats = [features(d, view) if view is not None and d.attribute_score is not None else None
                 for d in drafts]
        rows.append({"gold": gold, "pred": [p[:3] for p in pred], "feats": feats,
                     "labels": [int(tuple(p[:3]) in held) for p in pred]})

    try:
        run_tasks(tasks, nlp, on_drafts=add)
    finally:
        if saved is not None:
            linker.cfg["filter"] = saved
    return rows


def fit(rows: list[dict], c: float = C) -> dict:
    """A logistic regression over the judged drafts of ``rows``: ``{"weights": {feature: w}, "bias": b}``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X = [f for r in rows for f in r["feats"] if f is not None]
    y = [label for r in rows for f, label in zip(r["feats"], r["labels"]) if f is not None]
    if len(set(y)) < 2:
        raise ValueError("the claim filter needs drafts both right and wrong to learn from")
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=5000).fit(vectorizer.fit_transform(X), y)
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if round(float(w), 5) != 0.0}
    return {"weights": dict(sorted(weights.items())), "bias": round(float(model.intercept_[0]), 5)}


def claim_f1(rows: list[dict], model: dict | None, threshold: float,
             thresholds: dict[str, float] | None = None) -> dict:
    """Claim P/R/F1 over ``rows`` when the filter drops the drafts it scores below ``threshold`` (or below their
    attribute's entry in ``thresholds``)."""
    from claimcheck.pipeline.claim_filter import probability, threshold_of
    from claimcheck.training.scoring import match_counts, prf

    limits = {"threshold": threshold, "thresholds": thresholds or {}}
    tp = fp = fn = 0
    for r in rows:
        kept = [p for p, f in zip(r["pred"], r["feats"])
                if f is None or model is None
                or probability(f, model["weights"], model["bias"]) >= threshold_of(limits, p[1])]
        for counts in match_counts(r["gold"], kept).values():
            tp, fp, fn = tp + counts["tp"], fp + counts["fp"], fn + counts["fn"]
    return prf(tp, fp, fn)


def choose_threshold(rows: list[dict], model: dict) -> tuple[float, dict]:
    """The first of ``THRESHOLDS`` with the best claim F1 on ``rows`` (0.0: the filter drops nothing)."""
    from claimcheck.training.scoring import first_best

    return first_best(THRESHOLDS, lambda threshold: claim_f1(rows, model, threshold))


def choose_attribute_thresholds(rows: list[dict], model: dict, threshold: float) -> dict[str, float]:
    """Thresholds of their own for the attributes whose drafts the common ``threshold`` serves badly: for each
    attribute with at least ``MIN_DRAFTS`` judged drafts in ``rows``, the first of ``THRESHOLDS`` with the best
    claim F1 over all of ``rows`` (the other attributes at ``threshold``), kept when it gains at least ``MIN_GAIN``.
    On this project's dev sets that is deal values alone: the filter, fitted mostly on 1987 newswire, doubts the
    deal values of modern "agreed to buy ... for" sentences, and dropping fewer of them costs real-dev nothing."""
    drafts = Counter(p[1] for r in rows for p, f in zip(r["pred"], r["feats"]) if f is not None)
    base = claim_f1(rows, model, threshold)["f"]
    from claimcheck.training.scoring import first_best

    chosen: dict[str, float] = {}
    for attribute in sorted(a for a, n in drafts.items() if n >= MIN_DRAFTS):
        def own(t: float, attribute: str = attribute) -> dict:
            return claim_f1(rows, model, threshold, {attribute: t})

        best, at = first_best(THRESHOLDS, own)
        if at["f"] - base >= MIN_GAIN:
            chosen[attribute] = best
    return chosen


def store(model_dir: Path, filt: dict | None) -> None:
    """Write ``filt`` into the linker's ``cfg`` of the pipeline at ``model_dir`` (``None``: remove it), in place
    and atomically per file."""
    import os

    path = Path(model_dir) / "claim_linker" / "cfg"
    cfg = json.loads(path.read_text(encoding="utf-8"))
    if filt is None:
        cfg.pop("filter", None)
    else:
        cfg["filter"] = filt
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(cfg, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def build(model_dir: Path, shared: Path, *, folds: int = FOLDS, seed: int = 0, c: float = C,
          report: Callable[[str], None] | None = None) -> dict:
    """Cross-fit, fit and store the claim filter of the ``fast`` pipeline at ``model_dir``; returns a summary."""
    from claimcheck.pipeline import load_trained
    from claimcheck.paths import corpus_dir
    from claimcheck.training import challenge
    from claimcheck.training.corpus import load_real, load_split
    from claimcheck.training.train import fold_of, train

    say = report or (lambda _m: None)
    started = time.perf_counter()
    articles = load_split("train", corpus_dir()) + load_real(shared, split="train")
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-filter-") as tmpdir:
        for k in range(folds):
            part = [t for t in articles if fold_of(t, folds) == k]
            out = Path(tmpdir) / f"fold{k}"
            say(f"fold {k + 1}/{folds}: a linker without its {len(part)} articles")
            train("fast", out, real=shared, frozen_base=Path(model_dir), fold=(k, folds), seed=seed,
                  force=True, quiet=True)
            rows += rows_of(part, load_trained(out, "fast"))
    filt = fit(rows, c)
    nlp = load_trained(Path(model_dir), "fast")
    dev_sets = {"dev": rows_of(load_split("dev", corpus_dir()), nlp),
                "real-dev": rows_of(load_real(shared, split="dev"), nlp),
                "challenge-dev": rows_of([t for tasks in challenge.load(dev=True).values() for t in tasks], nlp)}
    pooled = [r for rows_ in dev_sets.values() for r in rows_]
    threshold, at = choose_threshold(pooled, filt)
    filt["threshold"] = threshold
    own = choose_attribute_thresholds(pooled, filt, threshold) if threshold > 0.0 else {}
    if own:
        filt["thresholds"] = own
        at = claim_f1(pooled, filt, threshold, own)
    filt["fitted_on"] = {"drafts": sum(f is not None for r in rows for f in r["feats"]), "articles": len(rows),
                         "folds": folds, "C": c, "seed": seed, "dev_pooled": at,
                         **{f"{name} F1 before / after": [claim_f1(rows_, None, 0.0)["f"],
                                                          claim_f1(rows_, filt, threshold, own)["f"]]
                            for name, rows_ in dev_sets.items()}}
    store(Path(model_dir), filt)
    return {"model": str(model_dir), "seconds": round(time.perf_counter() - started, 1),
            "threshold": threshold, **filt["fitted_on"]}
