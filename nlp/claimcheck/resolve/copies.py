"""Independent voices: which documents of a story are copies of another.

A syndicated or aggregated copy repeats its original word for word (under a new headline or byline, sometimes
cut after the first paragraphs, with a sentence added or a figure changed); it is one more page, not one more
source. Two documents are compared on their sets of word shingles (``SHINGLE`` consecutive words, lower-cased,
numbers kept):

* resemblance (Jaccard) ``|A ∩ B| / |A ∪ B|`` — exact and near-duplicate copies;
* containment ``|A ∩ B| / min(|A|, |B|)`` — a shortened copy that keeps the first paragraphs, or an original
  wrapped in extra lines (an aggregator's "Republished from …", a byline).

A pair is a copy when they share at least :data:`MIN_SHARED` shingles (shorter texts cannot be told from a
template) and the resemblance reaches :data:`MIN_JACCARD` or the containment :data:`MIN_CONTAINMENT` — and
neither of two signs of a *template* shows (Reuters-21578 is full of them: "The Federal Reserve entered the
U.S. Government securities market to arrange 1.5 billion dlrs of customer repurchase agreements" comes back
every few days with other figures):

* figures: two or more of the shorter text's figures (digits), and at least half of them, missing from the
  other (one figure changed in a copy is still a copy; the same sentences with other figures are a new report);
* dates: when both publication dates are known (and trusted), they are at most :data:`MAX_GAP_DAYS` apart.

The thresholds were chosen on the dev half of ``benchmarks/copies.py`` (synthetic copies of Reuters-21578
stories against other articles of the same ECB+ event, and a dev sample of Reuters pairs read by hand) and
measured on its test half; the figures are in benchmarks/README.md, "Independent voices".

Copies are grouped (a copy of a copy belongs to the same original) and each group has one original. A
document whose credit line names another member's outlet ("Republished from TechLedger with permission" on a
page of another site: ``Document.republished_from``, read by the ingest from the line it drops) says it is the
copy and is never the original. Among the others: the earliest publication date (dates listed in
``untrusted_dates`` — a date line the story check shows wrong — do not count), else the one whose outlet another
member credits (its credit line, or its text: "HONG KONG (Meridian) -" in an aggregator's copy of a Meridian
Newswire report), else the longer text, else the document given first. Every other member is a copy of it.

A story (at most a few dozen documents) is compared pair by pair on exact shingle sets; a corpus
(more than :data:`EXACT_LIMIT` documents) first finds candidate pairs with MinHash signatures and
locality-sensitive hashing (numpy, fixed seed) and then checks each candidate exactly as above, so the rule is
the same, only pairs that share no LSH band are never looked at.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional, Sequence

import numpy as np

SHINGLE = 5
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
MIN_SHARED = 20
MAX_FIGURES_MISSING = 0.5  # a template: two or more, and this share, of the shorter text's figures missing
MAX_GAP_DAYS = 3
EXACT_LIMIT = 200  # documents compared pair by pair; above this, MinHash/LSH finds the candidates

# MinHash/LSH: 64 bands of 2 rows. A pair is a candidate when one band's two minima agree, probability
# 1 - (1 - J^2)^64: 0.93 at J = 0.2, so a copy cut to its first third (J ≈ 0.33) is almost always looked at
PERMUTATIONS = 128
ROWS = 2

_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d+(?:[.,/-]\d+)*")


@dataclass(frozen=True)
class CopyPair:
    """``copy`` repeats ``original`` (ids); ``jaccard`` and ``containment`` over their word shingles."""

    copy: str
    original: str
    jaccard: float
    containment: float


@dataclass(frozen=True)
class Fingerprint:
    """What the comparison needs of one text: its shingle hashes, its figures, its publication date."""

    shingles: frozenset[int]
    figures: frozenset[str]
    published: Optional[date] = None


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = SHINGLE) -> frozenset[int]:
    """The text's ``k``-word shingles as 64-bit hashes (blake2b: the same on every run and machine). Shingles
    stay inside a paragraph (a line break), so a headline or byline put above a copy adds a few shingles of its
    own, not also the ones that straddle it and the first sentence."""
    grams = []
    for line in text.splitlines():
        w = words(line)
        grams += [" ".join(w[i:i + k]) for i in range(max(1, len(w) - k + 1))] if w else []
    return frozenset(int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams)


def fingerprint(text: str, published: Optional[date] = None) -> Fingerprint:
    return Fingerprint(shingles(text), frozenset(_FIGURE.findall(text)), published)


def similarity(a: frozenset[int], b: frozenset[int]) -> tuple[float, float, int]:
    """(Jaccard, containment, shared shingles) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0, 0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b)), shared


def compare(a: Fingerprint, b: Fingerprint, *, min_jaccard: float = MIN_JACCARD,
            min_containment: float = MIN_CONTAINMENT) -> Optional[tuple[float, float]]:
    """(Jaccard, containment) when one text is a copy of the other (module docstring), else None."""
    jac, cont, shared = similarity(a.shingles, b.shingles)
    if shared < MIN_SHARED or (jac < min_jaccard and cont < min_containment):
        return None
    fewer, more = sorted((a.figures, b.figures), key=len)
    missing = len(fewer - more)
    if missing >= 2 and missing >= MAX_FIGURES_MISSING * len(fewer):
        return None  # the same words around other figures: a template
    if a.published and b.published and abs((a.published - b.published).days) > MAX_GAP_DAYS:
        return None
    return jac, cont


def _signatures(sets: Sequence[frozenset[int]], permutations: int = PERMUTATIONS) -> np.ndarray:
    """MinHash signatures (documents × permutations): multiply-shift hashes of the 64-bit shingle hashes."""
    rng = np.random.default_rng(1578)
    a = rng.integers(1, 2**63, size=permutations, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=permutations, dtype=np.uint64)
    out = np.full((len(sets), permutations), np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i, s in enumerate(sets):
            if s:
                x = np.fromiter(s, dtype=np.uint64, count=len(s))
                out[i] = ((x[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).min(axis=0)
    return out


def candidate_pairs(sets: Sequence[frozenset[int]], rows: int = ROWS) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share at least one LSH band of their MinHash signatures."""
    sig = _signatures(sets)
    pairs: set[tuple[int, int]] = set()
    for start in range(0, sig.shape[1] - rows + 1, rows):
        buckets: dict[bytes, list[int]] = {}
        band = np.ascontiguousarray(sig[:, start:start + rows])
        for i in range(len(sets)):
            if sets[i]:
                buckets.setdefault(band[i].tobytes(), []).append(i)
        for members in buckets.values():
            if 1 < len(members) <= 1000:  # a band a thousand texts share is boilerplate, not a copy
                pairs.update((p, q) for n, p in enumerate(members) for q in members[n + 1:])
    return pairs


def find_copy_pairs(prints: Sequence[Fingerprint], *, exact_limit: int = EXACT_LIMIT,
                    **thresholds: float) -> list[tuple[int, int, float, float]]:
    """Every pair (i < j, Jaccard, containment) of ``prints`` where one is a copy of the other: pair by pair up
    to ``exact_limit`` texts, MinHash/LSH candidates above."""
    n = len(prints)
    if n <= exact_limit:
        candidates: Iterable[tuple[int, int]] = ((i, j) for i in range(n) for j in range(i + 1, n))
    else:
        candidates = sorted(candidate_pairs([p.shingles for p in prints]))
    out = []
    for i, j in candidates:
        found = compare(prints[i], prints[j], **thresholds)
        if found is not None:
            out.append((i, j, *found))
    return out


def _outlet(source: Optional[str]) -> Optional[str]:
    """The word an outlet is credited by in a dateline: 'Meridian' of 'Meridian Newswire', 'Reuters'."""
    first = (source or "").split()[:1]
    return first[0] if first and len(first[0]) >= 4 and first[0][0].isupper() else None


def names_outlet(credit: Optional[str], source: Optional[str]) -> bool:
    """Does a credit line's outlet ('TechLedger', 'techledger.com', 'The Conversation') name the outlet
    ``source`` ('TechLedger', 'The Conversation')? Whole words, case aside; a source's first word will do."""
    if not credit or not source:
        return False
    word = (_outlet(source) or "").casefold()  # "TechLedger News" → "techledger"
    credit, source = " ".join(credit.split()).casefold(), " ".join(source.split()).casefold()
    return any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) for a, b in ((source, credit), (credit, source))
               if a) or bool(word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", credit))


def _original_rank(p: Fingerprint, declared: bool, credited: bool, length: int, position: int) -> tuple:
    day = p.published.toordinal() if p.published else 0
    return (1 if declared else 0, 0 if p.published else 1, day, 0 if credited else 1, -length, position)


def find_copies(documents: Sequence, *, untrusted_dates: Iterable[str] = (),
                exact_limit: int = EXACT_LIMIT) -> dict[str, CopyPair]:
    """copy id → :class:`CopyPair` for every document that repeats another of ``documents`` (anything with
    ``id``, ``text`` and ``published``, as :class:`claimcheck.schema.Document`). Originals are not listed."""
    untrusted = set(untrusted_dates)
    ids = [d.id for d in documents]
    texts = [d.text or "" for d in documents]
    prints = [fingerprint(t, None if d.id in untrusted else getattr(d, "published", None))
              for d, t in zip(documents, texts)]
    sources = [getattr(d, "source", None) for d in documents]
    outlets = [_outlet(source) for source in sources]
    credits = [getattr(d, "republished_from", None) for d in documents]
    pairs = find_copy_pairs(prints, exact_limit=exact_limit)
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _, _ in pairs:
        parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(ids)):
        groups.setdefault(root(i), []).append(i)
    scores = {(i, j): (jac, cont) for i, j, jac, cont in pairs}
    out: dict[str, CopyPair] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        # i's credit line names j's outlet (and not i's own): i says it copies j
        credits_of = {i: {j for j in members if j != i and names_outlet(credits[i], sources[j])}
                      for i in members if not names_outlet(credits[i], sources[i])}
        declared = {i: bool(credits_of.get(i)) for i in members}
        credited = {i: any(i in named for named in credits_of.values()) or bool(outlets[i]) and any(
            outlets[i] != outlets[j] and re.search(rf"\b{re.escape(outlets[i] or '')}\b", texts[j])
            for j in members if j != i) for i in members}
        original = min(members, key=lambda i: _original_rank(prints[i], declared[i], credited[i], len(texts[i]), i))
        for i in members:
            if i == original:
                continue
            found = scores.get((min(i, original), max(i, original)))
            if found is None:  # joined through another member: measured against the original itself
                jac, cont, _ = similarity(prints[i].shingles, prints[original].shingles)
            else:
                jac, cont = found
            out[ids[i]] = CopyPair(ids[i], ids[original], round(jac, 3), round(cont, 3))
    return out
