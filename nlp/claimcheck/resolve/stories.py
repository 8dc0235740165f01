"""Stories from a pile: documents that are not already in story folders, grouped into the stories they report.

``check`` cross-checks inside each story; a pile of unrelated articles checked as one story gives false
conflicts (two deals of one company) and false date findings. The grouping is plain and needs numpy only
(the base install has neither scikit-learn nor scipy):

* each document is a TF-IDF vector over its content words (title and text, lower-cased, English stop words
  and one-letter words left out, sub-linear term frequency; document frequencies from the pile itself), and a
  second TF-IDF vector over its proper names (capitalised words that are not only sentence-initial, and
  multi-word names, keyed as :func:`claimcheck.resolve.entities.name_key` keys them);
* the similarity of two documents is ``(1 - NAME_WEIGHT) · cos(words) + NAME_WEIGHT · cos(names)``, scaled by
  ``DATE_FACTOR`` when both have a publication date and the dates lie more than ``DATE_GAP_DAYS`` apart;
* average-linkage agglomerative clustering (nearest-neighbour chain) joins groups while their mean pairwise
  similarity is at least ``THRESHOLD``;
* a second pass (:func:`split_groups`) clusters each group of ``2 · SPLIT_MIN`` documents or more again with its
  own document frequencies and splits it where that clustering's top split falls below the same threshold
  between two parts of ``SPLIT_MIN`` documents or more: two events of one kind with the same actors (a boxer's
  two title defences) share the words that made them one group of the pile, and differ in the rest;
* a last pass (:func:`attach_singletons`) puts each document still alone into the group of two or more it is
  most similar to on average, when that mean similarity is at least ``ATTACH`` (0.10).

The constants were chosen on the odd-numbered topics of ECB+ (the dev half) and measured on the even ones:
``benchmarks/story_grouping.py`` and the "Story grouping" section of ``benchmarks/README.md``.

The result does not depend on the order of the input: documents are sorted by id, title and text before
anything is computed, and ties go to the first pair in that order. Time and memory grow with the square of the
pile: 486 ECB+ articles take 1–2 s, 3,000 Reuters articles about 8 s (4 s without the two later passes) and
0.3 GB on one CPU core.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from claimcheck.schema import Document, Story

#: tuned on ECB+ dev topics (odd numbers): see benchmarks/story_grouping.py
THRESHOLD = 0.20
#: ``check --stories auto`` on a pile (one folder, loose files, texts): split only where articles share almost
#: nothing. Chosen on the dev half of benchmarks/crosscheck/real_stories.json (real same-event coverage, mostly
#: short wire follow-ups) and random piles of 8 BBC articles: at 0.10 none of the 44 dev stories is split and 10
#: of 160 unrelated BBC articles are merged; at THRESHOLD (0.20, best on the ECB+ pile) 8 of the 44 are split
AUTO_THRESHOLD = 0.10
NAME_WEIGHT = 0.5
#: publication-date proximity: off (None), as dev chose it (B³ F1 0.900 without, 0.897 with a 365-day gap at
#: half weight, 0.888 with 30 days): ECB+'s older articles carry no date, so the feature has little to act on
DATE_GAP_DAYS: int | None = None
DATE_FACTOR = 0.5
#: terms found in more than this share of a pile's documents (of at least 10) are left out; dev chose to keep
#: every term (1.0: pile B³ F1 0.900 as with 0.5, but each topic alone 0.765 instead of 0.554)
MAX_DF = 1.0
#: the second pass (:func:`split_groups`) splits a group into two parts of at least this many documents each
#: whose mean similarity, with the group's own document frequencies, is below the threshold (0: no second pass).
#: ECB+ dev pile B³ F1 0.935 with 5 (the same with 6 or 8; 4: 0.929, 3: 0.918), 0.900 without; each topic alone
#: 0.765 either way
SPLIT_MIN = 5
#: the last pass (:func:`attach_singletons`): a document left alone joins the group of two or more whose mean
#: similarity to it is highest, when that is at least ``ATTACH`` (None: it stays alone). ECB+ dev pile B³ F1
#: 0.952 with 0.10 (0.08: 0.954, 0.12 to 0.16: 0.952 to 0.951, 0.18: 0.943), 0.935 without; each topic alone
#: 0.874 instead of 0.765. A level, not a share of the threshold: at ``AUTO_THRESHOLD`` (0.10) the pass adds
#: next to nothing, and ``--stories auto`` keeps the balance it was chosen for (random piles of 8 BBC articles:
#: half the threshold, 0.05, would have joined 16 more of 480 unrelated articles to a group)
ATTACH: float | None = 0.10
#: at most this many terms of each kind (the most frequent in the pile; ties by the term itself)
MAX_TERMS = 30_000

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{2}")
_CAP_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"  # inner dots ("U.S"), never a sentence's full stop
_CAP_RUN = re.compile(rf"\b{_CAP_WORD}(?:[ \t]+(?:(?:of|de|the|and|&|for)[ \t]+)?{_CAP_WORD})*")
_SENT_START = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n\s*)$")


@dataclass(frozen=True)
class Params:
    threshold: float = THRESHOLD
    name_weight: float = NAME_WEIGHT
    date_gap_days: int | None = DATE_GAP_DAYS
    date_factor: float = DATE_FACTOR
    split_min: int = SPLIT_MIN
    attach: float | None = ATTACH


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words (read from its file: grouping a pile from the API need not import spaCy)."""
    import importlib.util

    words: set[str] = set()
    spec = importlib.util.find_spec("spacy")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "lang" / "en" / "stop_words.py"
        file_spec = importlib.util.spec_from_file_location("_claimcheck_en_stop_words", path)
        if path.is_file() and file_spec and file_spec.loader:  # the module is one literal set: no spaCy import
            module = importlib.util.module_from_spec(file_spec)
            file_spec.loader.exec_module(module)
            words = set(module.STOP_WORDS)
            break
    else:  # pragma: no cover - spaCy is a base dependency
        from spacy.lang.en.stop_words import STOP_WORDS

        words = set(STOP_WORDS)
    return frozenset(words) | {"said", "says", "say", "would", "could", "also", "told", "mr", "mrs", "ms"}


def content_words(text: str, stop: frozenset[str]) -> list[str]:
    """Lower-cased words of two letters or more that are not stop words (a possessive 's dropped)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).casefold().replace("’", "'").removesuffix("'s")
        if w not in stop and len(w) > 1:
            out.append(w)
    return out


def proper_names(text: str, stop: frozenset[str], *, joined: bool = True) -> list[str]:
    """Name keys of the capitalised words and runs of ``text``: a single capitalised word at the start of a
    sentence counts only when the text also capitalises it elsewhere; a run of several words counts as itself
    and as each of its words ("Tara Reid" → "tarareid", "tara", "reid"; ``joined=False``: the words only)."""
    from claimcheck.resolve.entities import name_key, name_words

    runs: list[tuple[str, bool]] = []
    for m in _CAP_RUN.finditer(text):
        run = m.group(0).rstrip(".-'’")
        initial = bool(_SENT_START.search(text[max(0, m.start() - 3):m.start()])) or m.start() == 0
        runs.append((run, initial))
    mid = {name_key(r) for r, initial in runs if not initial}
    keys: list[str] = []
    for run, initial in runs:
        words = [w for w in name_words(run) if len(w) > 1 and w not in stop]
        if not words:
            continue
        if initial and len(words) == 1 and name_key(run) not in mid:
            continue
        if joined and len(words) > 1:
            keys.append("".join(words))
        keys.extend(words)
    return keys


def _tfidf(bags: list[Counter], max_df: float = MAX_DF, max_terms: int = MAX_TERMS) -> np.ndarray:
    """Rows of unit length over the terms shared by two documents or more (a term of one document adds only to
    its norm, which is computed with every term); sub-linear tf, smoothed idf."""
    n = len(bags)
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys())
    idf = {t: np.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
    limit = max_df * n if n >= 10 else n
    shared = sorted((t for t, d in df.items() if 2 <= d <= limit), key=lambda t: (-df[t], t))[:max_terms]
    column = {t: j for j, t in enumerate(sorted(shared))}
    matrix = np.zeros((n, len(column)), dtype=np.float32)
    for i, bag in enumerate(bags):
        norm = 0.0
        for t, c in bag.items():
            w = (1.0 + np.log(c)) * idf[t]
            if n >= 10 and df[t] > limit:
                continue  # left out of the vector and of its norm: a pile's everyday words
            norm += w * w
            j = column.get(t)
            if j is not None:
                matrix[i, j] = w
        if norm > 0:
            matrix[i] /= np.sqrt(norm)
    return matrix


def _text(d: Document) -> str:
    """Title and text (the title once: many readers keep it as the text's first line)."""
    return d.text if not d.title or d.title in d.text[:len(d.title) + 200] else f"{d.title}\n{d.text}"


@dataclass
class Features:
    """What the similarity is made of, computed once per pile (the benchmark combines them many times)."""

    words: np.ndarray  # cosine similarity of the content-word vectors
    names: np.ndarray  # cosine similarity of the name vectors
    days: np.ndarray  # publication dates as day numbers (nan: none)


def _bags(docs: Sequence[Document]) -> tuple[list[Counter], list[Counter]]:
    """Each document's content words and name keys, counted."""
    stop = _stop_words()
    texts = [_text(d) for d in docs]
    return [Counter(content_words(t, stop)) for t in texts], [Counter(proper_names(t, stop)) for t in texts]


def _features(word_bags: list[Counter], name_bags: list[Counter], docs: Sequence[Document]) -> Features:
    words, names = _tfidf(word_bags), _tfidf(name_bags)
    days = np.array([d.published.toordinal() if d.published else np.nan for d in docs], dtype=np.float64)
    return Features(words @ words.T, names @ names.T, days)


def features(docs: Sequence[Document]) -> Features:
    return _features(*_bags(docs), docs)


def combine(f: Features, params: Params = Params()) -> np.ndarray:
    sim = (1.0 - params.name_weight) * f.words.astype(np.float64) + params.name_weight * f.names.astype(np.float64)
    if params.date_gap_days is not None:
        with np.errstate(invalid="ignore"):
            far = np.abs(f.days[:, None] - f.days[None, :]) > params.date_gap_days  # nan: no date, no penalty
        sim = np.where(far, sim * params.date_factor, sim)
    np.fill_diagonal(sim, 1.0)
    return sim


def similarity(docs: Sequence[Document], params: Params = Params()) -> np.ndarray:
    """The pairwise similarity of ``docs`` (in their order), as described in the module's docstring."""
    return combine(features(docs), params)


def _nn_chain(sim: np.ndarray, threshold: float) -> tuple[list[int], list[tuple[int, int, float]]]:
    """Average-linkage clustering by nearest-neighbour chain: each item's parent (a merged cluster is named by
    its surviving index) and the merges ``(a, b, mean similarity)`` in the order they were made."""
    n = sim.shape[0]
    s = sim.astype(np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    parent = list(range(n))
    merges: list[tuple[int, int, float]] = []
    chain: list[int] = []
    remaining = n
    while remaining > 1:
        if not chain:
            chain.append(int(np.flatnonzero(active)[0]))
        a = chain[-1]
        row = np.where(active, s[a], -np.inf)
        b = int(np.argmax(row))
        best = row[b]
        if len(chain) > 1 and row[chain[-2]] >= best:
            b, best = chain[-2], row[chain[-2]]
        if best < threshold:  # a's best partner is below the threshold: so are the chain's (see the docstring)
            for c in chain:
                active[c] = False
                remaining -= 1
            chain = []
            continue
        if len(chain) > 1 and b == chain[-2]:  # reciprocal nearest neighbours: merge b into a
            chain = chain[:-2]
            merges.append((a, b, float(best)))
            merged = (size[a] * s[a] + size[b] * s[b]) / (size[a] + size[b])
            s[a, :] = merged
            s[:, a] = merged
            s[a, a] = -np.inf
            s[b, :] = -np.inf
            s[:, b] = -np.inf
            size[a] += size[b]
            active[b] = False
            parent[b] = a
            remaining -= 1
        else:
            chain.append(b)
    return parent, merges


def _roots(parent: list[int]) -> list[int]:
    roots = []
    for i in range(len(parent)):
        r = i
        while parent[r] != r:
            r = parent[r]
        roots.append(r)
    return roots


def average_linkage(sim: np.ndarray, threshold: float) -> list[int]:
    """Cluster labels (0, 1, … in order of each cluster's first member) of average-linkage clustering that joins
    two clusters while their mean pairwise similarity is at least ``threshold`` (nearest-neighbour chain; ties
    go to the lower index, so the result is a function of the matrix)."""
    relabel: dict[int, int] = {}
    return [relabel.setdefault(r, len(relabel)) for r in _roots(_nn_chain(sim, threshold)[0])]


def top_split(sim: np.ndarray) -> tuple[list[int], list[int], float]:
    """The last merge of average linkage run to the end: the two clusters it joined (their items, ascending;
    the one holding item 0 first) and their mean pairwise similarity. ``sim`` has two items or more."""
    _, merges = _nn_chain(sim, -np.inf)
    parent = list(range(sim.shape[0]))
    for a, b, _ in merges[:-1]:
        parent[b] = a
    roots = _roots(parent)
    first = [i for i, r in enumerate(roots) if r == roots[0]]
    return first, [i for i, r in enumerate(roots) if r != roots[0]], merges[-1][2]


def _members(labels: Sequence[int]) -> dict[int, list[int]]:
    """Each label's positions, ascending, the labels in order of their first position."""
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    return members


def split_groups(bags: tuple[list[Counter], list[Counter]], docs: Sequence[Document], labels: Sequence[int],
                 params: Params = Params()) -> list[int]:
    """The second pass: each group of ``2 · split_min`` documents or more is clustered again with its own
    document frequencies (``bags``: each document's words and names, from :func:`_bags`), where the words that
    hold it together weigh little and what tells its parts apart weighs more. When the top split of that
    clustering joins two parts of ``split_min`` documents or more whose mean similarity is below
    ``params.threshold``, the group becomes the two parts, each split again the same way. ECB+ dev: two title
    defences of one boxer against two opponents, or one minister's species rule and its reversal by the next,
    come out as one group of the pile and two after this pass. Labels as :func:`average_linkage` numbers them."""
    members = _members(labels)
    todo = sorted(members.values(), key=lambda m: m[0])
    done: list[list[int]] = []
    while todo:
        group = todo.pop()
        if params.split_min > 0 and len(group) >= 2 * params.split_min:
            sub = [docs[i] for i in group]
            f = _features([bags[0][i] for i in group], [bags[1][i] for i in group], sub)
            first, second, between = top_split(combine(f, params))
            if min(len(first), len(second)) >= params.split_min and between < params.threshold:
                todo += [[group[i] for i in first], [group[i] for i in second]]
                continue
        done.append(group)
    out = [0] * len(labels)
    for k, group in enumerate(sorted(done, key=lambda m: m[0])):
        for i in group:
            out[i] = k
    return out


def attach_singletons(sim: np.ndarray, labels: Sequence[int], level: float) -> list[int]:
    """Each document alone in its group joins the group of two or more documents whose mean similarity to it is
    highest (the first such group on a tie), if that mean is at least ``level``; the groups are those of
    ``labels``, before any document joins them. Short articles that name little (a brief, a headline and two
    sentences) reach no group at the threshold, but lie clearly closer to their story's group than to any
    other. Labels as :func:`average_linkage` numbers them."""
    members = _members(labels)
    groups = sorted((m for m in members.values() if len(m) > 1), key=lambda m: m[0])
    out = list(labels)
    if groups:
        for (i,) in (m for m in members.values() if len(m) == 1):
            means = [float(sim[i, g].mean()) for g in groups]
            best = int(np.argmax(means))
            if means[best] >= level:
                out[i] = labels[groups[best][0]]
    relabel: dict[int, int] = {}
    return [relabel.setdefault(label, len(relabel)) for label in out]


def _canonical_order(docs: Sequence[Document]) -> list[int]:
    return sorted(range(len(docs)), key=lambda i: (docs[i].id, docs[i].title or "", docs[i].text,
                                                  str(docs[i].published or ""), docs[i].path or ""))


def cluster_documents(docs: Sequence[Document], params: Params = Params()) -> list[int]:
    """A story label per document (in the order given): the same labels, up to their numbering, whatever the
    order of ``docs``. Labels number the groups by size (largest first), then by their first document."""
    if not docs:
        return []
    order = _canonical_order(docs)
    ordered = [docs[i] for i in order]
    if len(docs) > 1:
        bags = _bags(ordered)
        sim = combine(_features(*bags, ordered), params)
        labels = split_groups(bags, ordered, average_linkage(sim, params.threshold), params)
        if params.attach is not None:
            labels = attach_singletons(sim, labels, params.attach)
    else:
        labels = [0]
    members = _members(labels)
    ranked = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    out = [0] * len(docs)
    for k, group in enumerate(ranked):
        for pos in group:
            out[order[pos]] = k
    return out


def _slug(words: Sequence[str]) -> str:
    return "-".join(re.sub(r"[^\w]+", "-", w.casefold()).strip("-") for w in words if w)[:40].strip("-")


def find_stories(docs: Sequence[Document], params: Params = Params()) -> list[tuple[Story, list[int]]]:
    """The stories of a pile, largest first, each with the positions of its documents in ``docs``: named
    ``<n>-<its most shared names>`` ("1-tara-reid"), with up to five keywords (the names, then words, most of
    its documents share)."""
    labels = cluster_documents(docs, params)
    stop = _stop_words()
    out: list[tuple[Story, list[int]]] = []
    for k in range(max(labels, default=-1) + 1):
        idx = [i for i, label in enumerate(labels) if label == k]
        members = [docs[i] for i in idx]
        keywords = _keywords(members, stop)
        slug = _slug(keywords[:2]) or hashlib.sha1("\n".join(sorted(d.id for d in members)).encode()).hexdigest()[:6]
        out.append((Story(name=f"{k + 1}-{slug}", how="cluster", docs=[d.id for d in members], keywords=keywords),
                    idx))
    return out


def group_documents(docs: Sequence[Document], params: Params = Params()) -> list[Story]:
    """The stories of a pile (see :func:`find_stories`), their documents in the order given."""
    return [story for story, _ in find_stories(docs, params)]


def _keywords(members: Sequence[Document], stop: frozenset[str], n: int = 5) -> list[str]:
    """Terms most of the story's documents name (names first, then content words; by how many documents, then
    how often, then alphabetically). Multi-word name keys are skipped: their words stand for them."""
    need = max(1, (len(members) + 1) // 2)
    out: list[str] = []
    for extract in (lambda t: proper_names(t, stop, joined=False), lambda t: content_words(t, stop)):
        docs_with: Counter = Counter()
        total: Counter = Counter()
        for d in members:
            terms = extract(_text(d))
            total.update(terms)
            docs_with.update(set(terms))
        ranked = sorted((t for t, c in docs_with.items() if c >= need and t not in out),
                        key=lambda t: (-docs_with[t], -total[t], t))
        out.extend(ranked[: n - len(out)])
        if len(out) >= n:
            break
    return out
