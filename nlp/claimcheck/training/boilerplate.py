"""Train the boilerplate line classifier used by :mod:`claimcheck.ingest.boilerplate`.

Data: ``corpus/boilerplate/pages.jsonl`` -- annotated plain-text pages, one JSON record
per page with ``split`` ("train"/"test") and ``lines`` (``text``, ``label`` content/noise,
``kind``). Blank lines (kind ``blank``) are layout only and never scored.

Model: a scikit-learn ``Pipeline`` of a ``ColumnTransformer`` over

* character n-gram TF-IDF of the unit's text (digits mapped to 0),
* word TF-IDF of the neighbouring units' first words (``p_``/``n_`` prefixed),
* standardised hand features (length, final punctuation, capitalisation, digits,
  separators, position in page, neighbour lengths, whether neighbours were caught by
  a rule, blank lines around, position relative to the long body paragraphs, ...)

and a class-balanced ``LogisticRegression``. The drop threshold on P(noise) is chosen
by grouped cross-validation on the training pages: the highest-F1 threshold that keeps
content recall >= 0.995, preferring higher thresholds (favouring kept content).

Scores are measured on the test pages through the same decision path as
``strip_boilerplate`` (rules first, then the model, then title rescue), per line.

Run ``python -m claimcheck.training.boilerplate`` to retrain into
``models/boilerplate/line-classifier.npz`` and write ``models/boilerplate/metrics.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import numpy as np

from claimcheck.ingest.boilerplate import (
    DEFAULT_MODEL_PATH,
    Unit,
    _apply_rules,
    decide_units,
    segment,
    unit_rows,
)
from claimcheck.paths import checkout

REPO = checkout() or Path.cwd()  # the pages are in the checkout's corpus/, not in the package
DEFAULT_PAGES = REPO / "corpus" / "boilerplate" / "pages.jsonl"
DEFAULT_HOLDOUT = REPO / "corpus" / "boilerplate" / "holdout.txt"
MIN_CV_CONTENT_RECALL = 0.995
FORMAT_VERSION = 1
C = 2.0


# --------------------------------------------------------------------------- data


def load_pages(path: str | Path) -> list[dict[str, Any]]:
    from claimcheck.errors import InputError
    from claimcheck.jsonl import numbered_jsonl

    pages = []
    for n, rec in numbered_jsonl(path):
        if not isinstance(rec.get("lines"), list) or rec.get("split") not in ("train", "test"):
            raise InputError(f"{path}:{n}: bad page record (needs a 'lines' list and a 'split' of train or test)")
        pages.append(rec)
    return pages


def load_holdout(path: str | Path) -> list[dict[str, Any]]:
    """Hand-labelled pages in the ``holdout.txt`` format ("C|text", "N|kind|text", "")."""
    pages: list[dict[str, Any]] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") and not pages:
            continue
        if raw.startswith("=== "):
            pages.append({"id": raw[4:].strip(), "split": "holdout", "lines": []})
        elif not pages:
            continue
        elif not raw.strip():
            pages[-1]["lines"].append({"text": "", "label": "noise", "kind": "blank"})
        elif raw.startswith("C|"):
            text = raw[2:]
            kind = "title" if not any(ln["label"] == "content" for ln in pages[-1]["lines"]) else "body"
            pages[-1]["lines"].append({"text": text, "label": "content", "kind": kind})
        elif raw.startswith("N|"):
            _, kind, text = raw.split("|", 2)
            pages[-1]["lines"].append({"text": text, "label": "noise", "kind": kind})
        else:
            raise ValueError(f"{path}: bad holdout line {raw!r}")
    return pages


def page_units(page: dict[str, Any]) -> tuple[list[str], list[Unit], list[str | None], list[str]]:
    """Physical lines, units, rule hits and unit labels (majority of its lines)."""
    texts = [str(ln.get("text", "")) for ln in page["lines"]]
    lines, units = segment(texts)
    hits = _apply_rules(units)
    labels = []
    for u in units:
        labs = [page["lines"][i]["label"] for i in u.lines]
        labels.append("content" if 2 * labs.count("content") >= len(labs) else "noise")
    return lines, units, hits, labels


def build_dataset(pages: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows: list[list[Any]] = []
    y: list[str] = []
    groups: list[int] = []
    for g, page in enumerate(pages):
        _, units, hits, labels = page_units(page)
        if not units:
            continue
        rows.extend(unit_rows(units, hits))
        y.extend(labels)
        groups.extend([g] * len(units))
    X = np.empty((len(rows), len(rows[0])), dtype=object)
    for r, row in enumerate(rows):
        X[r, :] = row
    return X, np.asarray(y), np.asarray(groups)


# --------------------------------------------------------------------------- model


def make_pipeline(n_columns: int):
    """Hashed char n-grams (no stored vocabulary: the model file stays small)."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    chars = Pipeline([
        ("hash", HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**16,
                                   alternate_sign=False, norm=None, lowercase=True)),
        ("tfidf", TfidfTransformer(sublinear_tf=True)),
    ])
    context = Pipeline([
        ("hash", HashingVectorizer(analyzer="word", token_pattern=r"\S+", lowercase=False, n_features=2**13,
                                   alternate_sign=False, norm=None)),
        ("tfidf", TfidfTransformer(sublinear_tf=True)),
    ])
    features = ColumnTransformer(
        [("chars", chars, 0), ("context", context, 1), ("hand", StandardScaler(), list(range(2, n_columns)))],
        sparse_threshold=1.0,
    )
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    return Pipeline([("features", features), ("clf", clf)])


def _noise_col(pipe) -> int:
    return list(pipe.classes_).index("noise")


# --------------------------------------------------------------------------- evaluation


def _page_decisions(page, probs_for_units, threshold) -> list[tuple[str, str, str]]:
    """(gold label, predicted label, kind) per non-blank physical line of a page."""
    lines, units, hits, _ = page_units(page)
    probs = probs_for_units(units, hits) if probs_for_units else [None] * len(units)
    reasons, _ = decide_units(units, hits, probs, threshold)
    out = []
    for u, r in zip(units, reasons):
        for li in u.lines:
            ln = page["lines"][li]
            if ln.get("kind") == "blank" or not str(ln.get("text", "")).strip():
                continue
            out.append((ln["label"], "content" if r is None else "noise", ln.get("kind", "")))
    return out


def scores(decisions: list[tuple[str, str, str]]) -> dict[str, Any]:
    tp = sum(1 for g, p, _ in decisions if g == "noise" and p == "noise")
    fp = sum(1 for g, p, _ in decisions if g == "content" and p == "noise")
    fn = sum(1 for g, p, _ in decisions if g == "noise" and p == "content")
    tn = sum(1 for g, p, _ in decisions if g == "content" and p == "content")
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    by_kind: dict[str, list[int]] = {}
    for g, p, k in decisions:
        c = by_kind.setdefault(k, [0, 0])
        c[0] += 1
        c[1] += 1 if p == g else 0
    return {
        "lines": len(decisions),
        "noise_lines": tp + fn,
        "content_lines": tn + fp,
        "accuracy": round((tp + tn) / max(1, len(decisions)), 4),
        "noise_precision": round(prec, 4),
        "noise_recall": round(rec, 4),
        "noise_f1": round(f1, 4),
        "content_recall": round(tn / (tn + fp) if tn + fp else 1.0, 4),
        "content_precision": round(tn / (tn + fn) if tn + fn else 1.0, 4),
        "per_kind_accuracy": {k: round(v[1] / v[0], 4) for k, v in sorted(by_kind.items())},
    }


def _prob_fn(pipe):
    """P(noise) per unit from a fitted scikit-learn pipeline, or from the exported model
    (:class:`claimcheck.arraymodels.LineClassifier`) the runtime uses."""
    if hasattr(pipe, "noise_proba"):
        return lambda units, hits: pipe.noise_proba(unit_rows(units, hits))
    col = _noise_col(pipe)

    def probs(units, hits):
        rows = unit_rows(units, hits)
        X = np.empty((len(rows), len(rows[0])), dtype=object)
        for r, row in enumerate(rows):
            X[r, :] = row
        return [float(p) for p in pipe.predict_proba(X)[:, col]]

    return probs


def choose_threshold(train_pages: list[dict[str, Any]], n_splits: int = 5, seed: int = 0) -> tuple[float, dict]:
    """Grouped CV over training pages; returns the threshold and the CV curve."""

    idx = np.arange(len(train_pages))
    rng = np.random.default_rng(seed)
    rng.shuffle(idx)
    folds = np.array_split(idx, n_splits)
    cv_probs: dict[int, Callable[[list[Unit], list[str | None]], list[float]]] = {}
    for k in range(n_splits):
        held = set(folds[k].tolist())
        fit_pages = [train_pages[i] for i in range(len(train_pages)) if i not in held]
        X, y, _ = build_dataset(fit_pages)
        pipe = make_pipeline(X.shape[1]).fit(X, y)
        pf = _prob_fn(pipe)
        for i in held:
            cv_probs[i] = pf
    grid = [round(t, 2) for t in np.arange(0.30, 0.96, 0.05)]
    curve = {}
    cache: dict[int, tuple] = {}
    for i, page in enumerate(train_pages):
        _, units, hits, _ = page_units(page)
        cache[i] = tuple(cv_probs[i](units, hits)) if units else ()
    for t in grid:
        decisions = []
        for i, page in enumerate(train_pages):
            probs = cache[i]
            decisions += _page_decisions(page, (lambda u, h, p=probs: list(p)), t)
        s = scores(decisions)
        curve[t] = {"noise_f1": s["noise_f1"], "content_recall": s["content_recall"], "noise_recall": s["noise_recall"]}
    ok = [t for t in grid if curve[t]["content_recall"] >= MIN_CV_CONTENT_RECALL] or [max(grid)]
    best = max(curve[t]["noise_f1"] for t in ok)
    threshold = max(t for t in ok if curve[t]["noise_f1"] >= best - 0.005)
    return float(threshold), {str(k): v for k, v in curve.items()}


# --------------------------------------------------------------------------- train


def train(
    pages_path: str | Path = DEFAULT_PAGES,
    out_path: str | Path = DEFAULT_MODEL_PATH,
    holdout_path: str | Path = DEFAULT_HOLDOUT,
) -> dict[str, Any]:
    """Fit on the train split, pick the threshold by CV, score the test split, save.

    Returns the metrics dict (also written as ``metrics.json`` next to ``out_path``).
    """
    import sklearn

    pages = load_pages(pages_path)
    train_pages = [p for p in pages if p["split"] == "train"]
    test_pages = [p for p in pages if p["split"] == "test"]
    threshold, curve = choose_threshold(train_pages)

    X, y, _ = build_dataset(train_pages)
    pipe = make_pipeline(X.shape[1]).fit(X, y)
    pf = _prob_fn(pipe)

    pipeline_dec: list = []
    model_dec: list = []
    rules_dec: list = []
    dropped_content: list[str] = []
    for page in test_pages:
        d = _page_decisions(page, pf, threshold)
        pipeline_dec += d
        rules_dec += _page_decisions(page, None, threshold)
        # model alone: rule hits still feed its features, but no rule decides
        _, units, hits, _ = page_units(page)
        probs = pf(units, hits)
        for u, p in zip(units, probs):
            for li in u.lines:
                ln = page["lines"][li]
                if ln.get("kind") == "blank" or not ln["text"].strip():
                    continue
                model_dec.append((ln["label"], "noise" if p >= threshold else "content", ln.get("kind", "")))
        lines, units, hits, _ = page_units(page)
        reasons, _ = decide_units(units, hits, pf(units, hits), threshold)
        for u, r in zip(units, reasons):
            for li in u.lines:
                if r is not None and page["lines"][li]["label"] == "content":
                    dropped_content.append(f"{page['id']}: {page['lines'][li]['text'][:100]} [{r}]")

    test = scores(pipeline_dec)
    holdout = None
    if Path(holdout_path).exists():
        hd: list = []
        for page in load_holdout(holdout_path):
            hd += _page_decisions(page, pf, threshold)
        holdout = scores(hd)
    metrics = {
        "format_version": FORMAT_VERSION,
        "pages": {"train": len(train_pages), "test": len(test_pages)},
        "train_units": int(len(y)),
        "train_label_counts": dict(Counter(y.tolist())),
        "threshold": threshold,
        "test": {k: v for k, v in test.items()},
        "test_model_only": {k: v for k, v in scores(model_dec).items() if k != "per_kind_accuracy"},
        "test_rules_only": {k: v for k, v in scores(rules_dec).items() if k != "per_kind_accuracy"},
        "test_dropped_content": dropped_content,
        "holdout": holdout,
        "cv_threshold_curve": curve,
        "sklearn_version": sklearn.__version__,
    }
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_line_classifier(pipe, out, threshold=threshold, n_columns=int(X.shape[1]))
    metrics["model_bytes"] = out.stat().st_size
    (out.parent / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return metrics


def save_line_classifier(pipe, out: str | Path, *, threshold: float, n_columns: int) -> None:
    """Export the fitted pipeline to plain arrays (:mod:`claimcheck.arraymodels`) at ``out``."""
    import sklearn

    from claimcheck import arraymodels

    header, arrays = arraymodels.line_classifier_from_sklearn(pipe)
    header.update(threshold=float(threshold), n_columns=int(n_columns),
                  trained_with=f"scikit-learn {sklearn.__version__}")
    arraymodels.save(out, arraymodels.LineClassifier.KIND, arrays, header)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimcheck.training.boilerplate", description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default=str(DEFAULT_PAGES), help="annotated pages (JSONL)")
    ap.add_argument("--out", default=str(DEFAULT_MODEL_PATH), help="where to write the .npz model")
    args = ap.parse_args(argv)
    m = train(args.pages, args.out)
    t = m["test"]
    print(f"threshold {m['threshold']}  test lines {t['lines']}  accuracy {t['accuracy']}  "
          f"noise P/R/F1 {t['noise_precision']}/{t['noise_recall']}/{t['noise_f1']}  "
          f"content recall {t['content_recall']}  model {m['model_bytes']} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
