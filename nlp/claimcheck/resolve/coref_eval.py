"""Coreference scoring of entity resolution: CoNLL-format chains, MUC, B³, CEAFe and the CoNLL average.

Used by ``benchmarks/entities_meantime.py`` and its test: MEANTIME's cross-document
ORG chains are the gold clusters, its mentions the input, and a system is any
function from mentions to cluster ids.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable, Sequence

_PART = re.compile(r"^(\()?([^()]+?)(\))?$")


@dataclass(frozen=True)
class GoldMention:
    doc: str
    sent: int
    start: int  # token index in the sentence
    end: int  # inclusive
    text: str
    chain: str

    @property
    def position(self) -> int:
        return self.sent * 10_000 + self.start


def read_conll_chains(path: str | Path, *, types: tuple[str, ...] = ("ORG",)) -> list[GoldMention]:
    """Mentions of the chains whose id names one of ``types`` (MEANTIME: ``cross_intra_ORG371…``)."""
    mentions: list[GoldMention] = []
    words: dict[tuple[str, int], list[str]] = defaultdict(list)
    open_: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    raw: list[tuple[str, int, int, int, str]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 5:
            continue
        doc, sent, tok, word, tag = cols[0], int(cols[1]), int(cols[2]), cols[3], cols[4].strip()
        words[(doc, sent)].append(word)
        if tag == "-":
            continue
        for part in (p.strip() for p in tag.split("|")):
            m = _PART.match(part)
            if not m:
                continue
            opens, chain, closes = m.group(1), m.group(2).strip(), m.group(3)
            if opens:
                open_[chain].append((doc, sent, tok))
            if closes:
                if not open_[chain]:
                    continue  # a close without an open (a few in MEANTIME): dropped
                d, s, start = open_[chain].pop()
                if d == doc and s == sent:
                    raw.append((doc, sent, start, tok, chain))
    for doc, sent, start, end, chain in raw:
        if any(t in chain for t in types):
            text = " ".join(words[(doc, sent)][start:end + 1])
            mentions.append(GoldMention(doc, sent, start, end, text, chain))
    return sorted(set(mentions), key=lambda m: (m.doc, m.sent, m.start, m.end, m.chain))


def _clusters(labels: Sequence[Hashable]) -> list[set[int]]:
    groups: dict[Hashable, set[int]] = defaultdict(set)
    for i, label in enumerate(labels):
        groups[label].add(i)
    return list(groups.values())


def muc(gold: list[set[int]], pred: list[set[int]]) -> tuple[float, float, float]:
    def score(keys, responses):
        where = {m: i for i, c in enumerate(responses) for m in c}
        num = den = 0
        for k in keys:
            parts = {where.get(m, ("alone", m)) for m in k}
            num += len(k) - len(parts)
            den += len(k) - 1
        return num / den if den else 0.0
    r, p = score(gold, pred), score(pred, gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def b_cubed(gold: list[set[int]], pred: list[set[int]]) -> tuple[float, float, float]:
    g = {m: c for c in gold for m in c}
    s = {m: c for c in pred for m in c}
    items = list(g)
    p = sum(len(g[m] & s[m]) / len(s[m]) for m in items) / len(items)
    r = sum(len(g[m] & s[m]) / len(g[m]) for m in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ceaf_e(gold: list[set[int]], pred: list[set[int]]) -> tuple[float, float, float]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    sim = np.zeros((len(gold), len(pred)))
    for i, k in enumerate(gold):
        for j, r in enumerate(pred):
            inter = len(k & r)
            if inter:
                sim[i, j] = 2 * inter / (len(k) + len(r))
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    p, r = total / len(pred), total / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_labels: Sequence[Hashable], pred_labels: Sequence[Hashable]) -> dict[str, tuple[float, float, float]]:
    """MUC, B³, CEAFe (P, R, F1) and CoNLL F1 (their average) for one labelling of the same mentions."""
    gold, pred = _clusters(gold_labels), _clusters(pred_labels)
    out = {"muc": muc(gold, pred), "b3": b_cubed(gold, pred), "ceafe": ceaf_e(gold, pred)}
    conll = sum(v[2] for v in out.values()) / 3
    out["conll"] = (conll, conll, conll)
    return out


def evaluate(mentions: Sequence[GoldMention], system: Callable[[Sequence[GoldMention]], Sequence[Hashable]]):
    return score([m.chain for m in mentions], list(system(mentions)))
