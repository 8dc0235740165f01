"""Small trained classifiers stored as plain numpy arrays, and their predictions without scikit-learn.

The boilerplate line classifier (hashed character and word n-grams, tf-idf, a scaler, logistic regression)
and the typo pair classifier (gradient-boosted trees) are trained with scikit-learn, then exported here to
one ``.npz`` file each: numbers and a JSON header, read with ``allow_pickle=False`` so nothing in a model file
can run code. Predicting from the arrays needs numpy only, so a check never imports scikit-learn (whose
import, with scipy, pandas and its array-API shim, cost seconds of every start-up) and a base install does not
need it. ``from_sklearn`` functions (used by training, and by the tests that hold the exported predictions
equal to scikit-learn's) import scikit-learn themselves.
"""

from __future__ import annotations

import json
import math
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from claimcheck.errors import ModelError

FORMAT_VERSION = 1
_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's text vectorisers collapse runs of white space like this


# --------------------------------------------------------------------------- files


def save(path: str | os.PathLike[str], kind: str, arrays: dict[str, np.ndarray], header: dict[str, Any]) -> None:
    """Write ``arrays`` and a JSON ``header`` (with ``kind`` and the format version) to one compressed ``.npz``,
    atomically (a reader never sees half a model)."""
    from claimcheck.report.output import write_bytes_atomic

    head = {"kind": kind, "format_version": FORMAT_VERSION, **header}
    import io

    buf = io.BytesIO()
    # recent numpy's stubs match **arrays against the allow_pickle flag it gained after 2.1; passing the flag would
    # store an array named "allow_pickle" with the numpy 1.26-2.1 that is still supported
    np.savez_compressed(buf, header=np.array(json.dumps(head, sort_keys=True)), **arrays)  # type: ignore[arg-type]
    write_bytes_atomic(Path(path), buf.getvalue())


def load(path: str | os.PathLike[str], kind: str, what: str = "model") -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(header, arrays) of a model file written by :func:`save`; a ModelError for anything else (a pickle,
    object arrays, another kind of model, a newer format). FileNotFoundError passes through."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{p}: no such model file")
    if not zipfile.is_zipfile(p):  # np.load would try it as a pickle and suggest loading it unsafely
        raise ModelError(f"{p}: damaged {what} (not a numpy .npz archive)")
    try:
        with np.load(p, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        header = json.loads(str(arrays.pop("header")[()]))
    except ValueError as exc:
        if "pickle" in str(exc):  # an object array: Python objects are never loaded
            raise ModelError(f"{p}: damaged {what} (it holds Python objects, which are never loaded)") from None
        raise ModelError(f"{p}: damaged {what} ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # a broken archive, no header …
        raise ModelError(f"{p}: damaged {what} ({type(exc).__name__}: {exc})") from None
    if not isinstance(header, dict) or header.get("kind") != kind:
        raise ModelError(f"{p}: not a {kind} model (found {header.get('kind') if isinstance(header, dict) else '?'})")
    if header.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{p}: model format {header.get('format_version')} is not {FORMAT_VERSION}; retrain it")
    return header, arrays


# --------------------------------------------------------------------------- hashing, as scikit-learn does it


def murmurhash3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 x86 32-bit, signed, as ``sklearn.utils.murmurhash3_32(data, seed)`` returns it."""
    c1, c2, mask = 0xCC9E2D51, 0x1B873593, 0xFFFFFFFF
    h = seed & mask
    n = len(data)
    end = n - n % 4
    for i in range(0, end, 4):
        k = int.from_bytes(data[i:i + 4], "little")
        k = (k * c1) & mask
        k = ((k << 15) | (k >> 17)) & mask
        k = (k * c2) & mask
        h ^= k
        h = ((h << 13) | (h >> 19)) & mask
        h = (h * 5 + 0xE6546B64) & mask
    tail = data[end:]
    k = 0
    if len(tail) >= 3:
        k ^= tail[2] << 16
    if len(tail) >= 2:
        k ^= tail[1] << 8
    if tail:
        k ^= tail[0]
        k = (k * c1) & mask
        k = ((k << 15) | (k >> 17)) & mask
        k = (k * c2) & mask
        h ^= k
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & mask
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & mask
    h ^= h >> 16
    return h - (1 << 32) if h & 0x80000000 else h


_BUCKETS: dict[tuple[str, int], int] = {}  # n-grams repeat: each is hashed once per process


def _bucket(feature: str, n_features: int) -> int:
    """The column ``HashingVectorizer`` (seed 0, no alternate sign) gives ``feature``."""
    key = (feature, n_features)
    col = _BUCKETS.get(key)
    if col is None:
        h = murmurhash3_32(feature.encode("utf-8"))
        col = (2147483647 - (n_features - 1)) % n_features if h == -(1 << 31) else abs(h) % n_features
        if len(_BUCKETS) < 1 << 20:
            _BUCKETS[key] = col
    return col


def char_wb_ngrams(text: str, lo: int, hi: int) -> list[str]:
    """scikit-learn's ``analyzer="char_wb"`` n-grams (words padded with a space, n from lo to hi)."""
    out: list[str] = []
    for w in _WHITE_SPACES.sub(" ", text).split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(lo, hi + 1):
            offset = 0
            out.append(w[offset:offset + n])
            while offset + n < w_len:
                offset += 1
                out.append(w[offset:offset + n])
            if offset == 0:  # a short word is counted once
                break
    return out


@dataclass
class HashedText:
    """One text column: hashed n-gram counts → sublinear tf × idf → l2 norm, as
    ``HashingVectorizer(norm=None, alternate_sign=False)`` + ``TfidfTransformer(sublinear_tf=True)``."""

    analyzer: str  # "char_wb" or "word"
    ngram_range: tuple[int, int]
    lowercase: bool
    token_pattern: str | None
    idf: np.ndarray
    _token_re: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.analyzer not in ("char_wb", "word"):
            raise ModelError(f"unsupported text analyzer {self.analyzer!r}")
        if self.analyzer == "word":
            if self.ngram_range != (1, 1):
                raise ModelError("word n-grams above 1 are not supported")
            self._token_re = re.compile(self.token_pattern or r"(?u)\b\w\w+\b")

    def grams(self, text: str) -> list[str]:
        doc = text.lower() if self.lowercase else text
        if self.analyzer == "char_wb":
            return char_wb_ngrams(doc, *self.ngram_range)
        assert self._token_re is not None  # compiled in __post_init__ for the word analyzer
        return self._token_re.findall(doc)

    def weighted_dot(self, texts: list[str], coef: np.ndarray) -> np.ndarray:
        """For each text, its l2-normalised tf-idf row times ``coef`` (one number per text), computed for all
        texts at once."""
        n = len(self.idf)
        rows: list[int] = []
        cols: list[int] = []
        for r, text in enumerate(texts):
            grams = self.grams(text)
            cols.extend(_bucket(g, n) for g in grams)
            rows.extend([r] * len(grams))
        out = np.zeros(len(texts))
        if not cols:
            return out
        keys, counts = np.unique(np.asarray(rows, dtype=np.int64) * n + np.asarray(cols, dtype=np.int64),
                                 return_counts=True)
        r_idx, c_idx = keys // n, keys % n
        vals = (np.log(counts) + 1.0) * self.idf[c_idx]
        norms = np.sqrt(np.bincount(r_idx, weights=vals * vals, minlength=len(texts)))
        dots = np.bincount(r_idx, weights=vals * coef[c_idx], minlength=len(texts))
        np.divide(dots, norms, out=out, where=norms > 0)
        return out


class LineClassifier:
    """The boilerplate line classifier: P(noise) for rows ``[text, context, *numbers]``."""

    KIND = "boilerplate-lines"

    def __init__(self, header: dict[str, Any], arrays: dict[str, np.ndarray]):
        self.header = header
        texts = header["texts"]
        self.texts = [HashedText(t["analyzer"], tuple(t["ngram_range"]), t["lowercase"], t.get("token_pattern"),
                                 arrays[f"idf{i}"].astype(float)) for i, t in enumerate(texts)]
        self.mean = arrays["mean"].astype(float)
        self.scale = arrays["scale"].astype(float)
        coef = arrays["coef"].astype(float).ravel()
        widths = [len(t.idf) for t in self.texts]
        starts = np.cumsum([0, *widths])
        self.text_coef = [coef[starts[i]:starts[i + 1]] for i in range(len(widths))]
        self.num_coef = coef[starts[-1]:]
        if len(self.num_coef) != len(self.mean):
            raise ModelError("boilerplate model: coefficient and scaler widths differ")
        self.intercept = float(arrays["intercept"].ravel()[0])
        self.classes = list(header["classes"])
        self.n_columns = len(texts) + len(self.mean)

    def noise_proba(self, rows: list[list[Any]]) -> list[float]:
        """P(noise) of each row."""
        if not rows:
            return []
        k = len(self.texts)
        z = np.full(len(rows), self.intercept)
        for i, (t, w) in enumerate(zip(self.texts, self.text_coef, strict=True)):
            z += t.weighted_dot([str(row[i]) for row in rows], w)
        nums = (np.asarray([row[k:] for row in rows], dtype=float) - self.mean) / self.scale
        z += nums @ self.num_coef
        p = np.exp(-np.logaddexp(0.0, -z))  # sigmoid without overflow; the decision function scores the second class
        return [float(v) for v in (p if self.classes[1] == "noise" else 1.0 - p)]


def line_classifier_from_sklearn(pipe: Any) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(header, arrays) of a fitted ``training.boilerplate.make_pipeline`` pipeline."""
    features, clf = pipe.named_steps["features"], pipe.named_steps["clf"]
    texts: list[dict[str, Any]] = []
    arrays: dict[str, np.ndarray] = {}
    hand = None
    for name, trans, cols in features.transformers_:
        if name == "remainder":
            continue
        if hasattr(trans, "named_steps") and "hash" in trans.named_steps:
            h, tf = trans.named_steps["hash"], trans.named_steps["tfidf"]
            if h.alternate_sign or h.norm is not None or not tf.sublinear_tf or tf.norm != "l2" or h.binary:
                raise ValueError("only hashed counts without sign or norm, then sublinear l2 tf-idf, export")
            arrays[f"idf{len(texts)}"] = np.asarray(tf.idf_, dtype=np.float64)
            texts.append({"analyzer": h.analyzer, "ngram_range": list(h.ngram_range), "lowercase": h.lowercase,
                          "token_pattern": h.token_pattern, "column": int(cols)})
        else:
            hand = trans
    if hand is None or list(clf.classes_) and len(clf.classes_) != 2:
        raise ValueError("expected a scaler for the numeric columns and a binary classifier")
    arrays["mean"] = np.asarray(hand.mean_, dtype=np.float64)
    arrays["scale"] = np.asarray(hand.scale_, dtype=np.float64)
    arrays["coef"] = np.asarray(clf.coef_, dtype=np.float64).ravel()
    arrays["intercept"] = np.asarray(clf.intercept_, dtype=np.float64).ravel()
    return {"texts": texts, "classes": [str(c) for c in clf.classes_]}, arrays


# --------------------------------------------------------------------------- gradient-boosted trees


class TreeEnsemble:
    """A binary ``HistGradientBoostingClassifier`` on numeric features: baseline + Σ tree leaves → sigmoid."""

    KIND = "typo-pairs"

    def __init__(self, header: dict[str, Any], arrays: dict[str, np.ndarray]):
        self.header = header
        self.baseline = float(arrays["baseline"].ravel()[0])
        self.roots = arrays["roots"].astype(np.int64)
        self.feature = arrays["feature"].astype(np.int64)
        self.threshold = arrays["threshold"].astype(float)
        self.left = arrays["left"].astype(np.int64)
        self.right = arrays["right"].astype(np.int64)
        self.missing_left = arrays["missing_left"].astype(bool)
        self.leaf = arrays["leaf"].astype(bool)
        self.value = arrays["value"].astype(float)
        self.n_features = int(header["n_features"])
        n = len(self.feature)
        bad = (~self.leaf) & ((self.left <= np.arange(n)) | (self.right <= np.arange(n)) | (self.left >= n)
                              | (self.right >= n) | (self.feature < 0) | (self.feature >= self.n_features))
        if bad.any() or (self.roots < 0).any() or (self.roots >= max(n, 1)).any():
            raise ModelError("typo model: tree arrays are inconsistent")  # children always lie after parents

    def proba(self, x: list[float]) -> float:
        """P(positive class) of one row."""
        raw = self.baseline
        feature, threshold, left, right = self.feature, self.threshold, self.left, self.right
        leaf, missing_left, value = self.leaf, self.missing_left, self.value
        for node in self.roots:
            while not leaf[node]:
                v = x[feature[node]]
                if v != v:  # NaN
                    node = left[node] if missing_left[node] else right[node]
                elif v <= threshold[node]:
                    node = left[node]
                else:
                    node = right[node]
            raw += value[node]
        return 1.0 / (1.0 + math.exp(-raw)) if raw >= 0 else math.exp(raw) / (1.0 + math.exp(raw))


def tree_ensemble_from_sklearn(clf: Any) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(header, arrays) of a fitted binary ``HistGradientBoostingClassifier`` without categorical features."""
    if len(clf.classes_) != 2:
        raise ValueError("only binary classifiers export")
    roots, parts = [], []
    offset = 0
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits do not export")
        roots.append(offset)
        parts.append((nodes, offset))
        offset += len(nodes)
    cat = {k: np.concatenate([p[0][k] for p in parts]) for k in ("feature_idx", "num_threshold", "missing_go_to_left",
                                                                 "is_leaf", "value")}
    left = np.concatenate([p[0]["left"].astype(np.int64) + p[1] for p in parts])
    right = np.concatenate([p[0]["right"].astype(np.int64) + p[1] for p in parts])
    arrays = {
        "baseline": np.asarray(clf._baseline_prediction, dtype=np.float64).ravel(),
        "roots": np.asarray(roots, dtype=np.int64),
        "feature": cat["feature_idx"].astype(np.int64),
        "threshold": cat["num_threshold"].astype(np.float64),
        "left": left, "right": right,
        "missing_left": cat["missing_go_to_left"].astype(np.uint8),
        "leaf": cat["is_leaf"].astype(np.uint8),
        "value": cat["value"].astype(np.float64),
    }
    return {"n_features": int(clf.n_features_in_), "classes": [int(c) if isinstance(c, (int, np.integer)) else str(c)
                                                               for c in clf.classes_]}, arrays
