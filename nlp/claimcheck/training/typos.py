"""Train the typo pair classifier (``models/typos/typo-classifier.npz``).

A candidate is a pair (suspect form, right form) one or two edits apart; the
classifier says whether the suspect is a slip for the right form or a word or
name of its own. Features: ``claimcheck.resolve.typos.pair_features``.

Training pairs (nothing from the shared data is copied into the repository; it
is read here, at training time):

* real misspellings: the Birkbeck spelling error corpus
  (``../shared/data/spelling/birkbeck_missp.dat``: ``$word`` lines followed by
  misspellings of it), pairs at most two edits apart: positive when the
  misspelling is not an English word, negative when it is (a real-word error
  such as 'there' for 'their' needs the sentence, not the spelling: two sources
  writing two different words is not flagged as a typo);
* synthetic slips, positive: one keyboard slip (deletion, insertion of a
  neighbouring key or a doubled letter, substitution by a neighbouring key,
  transposition) in common English words and in capitalised name-like words,
  dropped when the result is itself a word;
* negatives: pairs of two real words one or two edits apart ("form"/"from",
  "Susan"/"Sudan"), and accepted variants: vowel-for-vowel transliterations of
  names, British/American spellings, plural and derived forms.

Split: by right form (a word's misspellings are all in train or all in test),
80/20, seeded. Scores on the test split go to ``metrics.json`` and the model
card ``README.md`` beside the model.

    python -m claimcheck.training.typos [--shared ../shared] [--out models/typos/typo-classifier.npz]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from claimcheck.paths import shared_dir
from claimcheck.resolve.typos import (FEATURES, KEYBOARD, MODEL_PATH, NAME_THRESHOLD, WORD_THRESHOLD, damerau,
                                      pair_features, word_frequencies)

VOWELS = "aeiou"


def read_birkbeck(path: Path) -> list[tuple[str, str]]:
    """(misspelling, correct) pairs from a Birkbeck-format file."""
    pairs, right = [], None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("$"):
            right = line[1:].strip()
        elif right:
            pairs.append((line, right))
    return pairs


def _neighbours(ch: str) -> list[str]:
    for r, row in enumerate(KEYBOARD):
        if ch in row:
            i = row.index(ch)
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(KEYBOARD):
                    near += [KEYBOARD[rr][j] for j in (i - 1, i, i + 1) if 0 <= j < len(KEYBOARD[rr])]
            return sorted(set(near) - {ch})
    return []


def slip(word: str, rng: random.Random) -> str | None:
    """One random keyboard slip inside a word (the first letter kept)."""
    if len(word) < 4:
        return None
    i = rng.randrange(1, len(word) - 1)
    low = word[i].lower()
    kind = rng.choice(["deletion", "insertion", "substitution", "transposition"])
    if kind == "deletion":
        return word[:i] + word[i + 1:]
    if kind == "insertion":
        near = _neighbours(low) + [low]
        return word[:i] + rng.choice(near) + word[i:] if near else None
    if kind == "substitution":
        near = [n for n in _neighbours(low) if not (low in VOWELS and n in VOWELS)]
        return word[:i] + rng.choice(near) + word[i + 1:] if near else None
    if word[i] != word[i + 1] and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return None


def variant(word: str, rng: random.Random) -> str | None:
    """An accepted variant: a transliterated vowel (names of 6+ letters), a British/American ending, a derived form."""
    choice = rng.random()
    if choice < 0.5 and len(word) >= 6:
        spots = [i for i in range(1, len(word) - 1) if word[i] in VOWELS]
        if spots:
            i = rng.choice(spots)
            return word[:i] + rng.choice([v for v in VOWELS + "y" if v != word[i]]) + word[i + 1:]
    if choice < 0.7:
        for a, b in (("our", "or"), ("ise", "ize"), ("tre", "ter"), ("yse", "yze")):
            if a in word:
                return word.replace(a, b, 1)
    return word + rng.choice(["s", "n", "an", "ian", "ese", "'s"])


def build(shared: Path, seed: int = 0) -> tuple[list[tuple[str, str]], list[int], list[str], dict[str, int]]:
    """(pairs, labels, groups, counts): every training pair with its label (1 = slip) and its right form, and
    how many pairs of each source there are."""
    rng = random.Random(seed)
    freq = word_frequencies()
    pairs, labels, groups = [], [], []

    def add(found: str, right: str, label: int) -> None:
        if found and right and found != right and found.casefold() != right.casefold():
            pairs.append((found, right))
            labels.append(label)
            groups.append(right.casefold())

    # real misspellings; those that are themselves English words ('there' for 'their') are real-word errors,
    # which a spelling check across sources does not flag: negatives
    real_word = 0
    for missp, right in read_birkbeck(shared / "data" / "spelling" / "birkbeck_missp.dat"):
        if not missp.isalpha() or not right.isalpha() or damerau(missp.casefold(), right.casefold(), 2) > 2:
            continue
        if missp.casefold() in freq:
            add(missp, right, 0)
            real_word += 1
        else:
            add(missp, right, 1)
    n_real = sum(labels)
    common = [w for w, c in freq.items() if c >= 1_000_000 and w.isalpha() and len(w) >= 4]
    rng.shuffle(common)
    words = common[:8000]
    # synthetic slips, in words and in capitalised (name-like) words
    for w in words:
        for form in (w, w.capitalize()):
            s = slip(form, rng)
            if s and s.casefold() not in freq:
                add(s, form, 1)
    # negatives: two real words one or two edits apart
    by_len: dict[int, list[str]] = {}
    for w in common[:20000]:
        by_len.setdefault(len(w), []).append(w)
    negatives = 0
    for w in words[:4000]:
        for _ in range(6):
            s = slip(w, rng)
            if s and s in freq and freq[s] >= 100_000 and s != w:
                add(s, w, 0)
                add(s.capitalize(), w.capitalize(), 0)
                negatives += 2
                break
    # negatives: accepted variants of name-like words
    for w in words[:3000]:
        v = variant(w, rng)
        if v:
            add(v.capitalize(), w.capitalize(), 0)
    return pairs, labels, groups, {"birkbeck_slips": n_real, "birkbeck_real_word_errors": real_word,
                                   "synthetic_real_word_negatives": negatives}


def train(shared: Path, out: Path = MODEL_PATH, seed: int = 0) -> dict:
    import numpy as np
    import sklearn
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
    from sklearn.model_selection import GroupShuffleSplit
    from sklearn.pipeline import Pipeline

    pairs, labels, groups, counts = build(shared, seed)
    X = np.asarray([pair_features(a, b) for a, b in pairs], dtype=float)
    y = np.asarray(labels)
    train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed).split(X, y, groups))
    pipe = Pipeline([("clf", HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, max_leaf_nodes=15,
                                                             random_state=seed))])
    pipe.fit(X[train_idx], y[train_idx])
    p = pipe.predict_proba(X[test_idx])[:, 1]
    yt = y[test_idx]

    def at(threshold: float, mask=None) -> dict:
        pred = p >= threshold
        yy, pp = (yt, pred) if mask is None else (yt[mask], pred[mask])
        return {"precision": round(float(precision_score(yy, pp, zero_division=0)), 3),
                "recall": round(float(recall_score(yy, pp, zero_division=0)), 3),
                "f1": round(float(f1_score(yy, pp, zero_division=0)), 3)}

    is_birkbeck = np.asarray([labels[i] == 1 and _is_birkbeck(pairs[i], shared) for i in test_idx])
    birkbeck_recall = {str(t): round(float((p[is_birkbeck] >= t).mean()), 3) for t in (NAME_THRESHOLD, WORD_THRESHOLD)}
    metrics = {
        "pairs": len(pairs), "positives": int(y.sum()), "negatives": int(len(y) - y.sum()), **counts,
        "train": int(len(train_idx)), "test": int(len(test_idx)),
        "test_roc_auc": round(float(roc_auc_score(yt, p)), 4),
        "test_at_name_threshold": {"threshold": NAME_THRESHOLD, **at(NAME_THRESHOLD)},
        "test_at_word_threshold": {"threshold": WORD_THRESHOLD, **at(WORD_THRESHOLD)},
        "test_birkbeck_recall": birkbeck_recall,
        "features": FEATURES, "seed": seed, "sklearn": sklearn.__version__,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    save_typo_classifier(pipe, out)
    tmp_metrics = out.parent / "metrics.json.tmp"
    tmp_metrics.write_text(json.dumps(metrics, indent=1) + "\n")
    tmp_metrics.replace(out.parent / "metrics.json")  # both files written whole or not at all
    return metrics


def save_typo_classifier(pipe, out: str | Path) -> None:
    """Export the fitted classifier to plain arrays (:mod:`claimcheck.arraymodels`) at ``out``."""
    import sklearn

    from claimcheck import arraymodels

    if len(pipe.steps) != 1:
        raise ValueError("the typo classifier exports alone (no preprocessing steps)")
    header, arrays = arraymodels.tree_ensemble_from_sklearn(pipe.steps[-1][1])
    header.update(features=FEATURES, name_threshold=NAME_THRESHOLD, word_threshold=WORD_THRESHOLD,
                  trained_with=f"scikit-learn {sklearn.__version__}")
    arraymodels.save(out, arraymodels.TreeEnsemble.KIND, arrays, header)


_BIRKBECK: set | None = None


def _is_birkbeck(pair: tuple[str, str], shared: Path) -> bool:
    global _BIRKBECK
    if _BIRKBECK is None:
        _BIRKBECK = set(read_birkbeck(shared / "data" / "spelling" / "birkbeck_missp.dat"))
    return pair in _BIRKBECK


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(shared_dir() or "../shared"))
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    metrics = train(Path(args.shared), Path(args.out), args.seed)
    print(json.dumps({k: v for k, v in metrics.items() if k != "features"}, indent=1))


if __name__ == "__main__":
    main()
