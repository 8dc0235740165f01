"""Names spelt differently in a minority of sources.

A name form is a likely typo of another when the two are one edit apart
(Damerau–Levenshtein: insertion, deletion, substitution or transposition; two
for long names), the other form is used by more sources, and the suspect form
is used by a minority of sources. Accepted alternative spellings and
transliterations (Uighur/Uyghur) and plural or possessive forms are never
flagged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# Pairs that are both correct; compared case-insensitively.
ACCEPTED_VARIANTS = {
    frozenset({"uighur", "uyghur"}), frozenset({"uighurs", "uyghurs"}), frozenset({"urumqi", "urumchi"}),
    frozenset({"beijing", "peking"}), frozenset({"kyiv", "kiev"}), frozenset({"mumbai", "bombay"}),
    frozenset({"hikvision", "hik-vision"}),
    frozenset({"tsai", "tsay"}), frozenset({"mohammed", "muhammad"}), frozenset({"mohammed", "mohamed"}),
    frozenset({"sergei", "sergey"}), frozenset({"alexei", "alexey"}), frozenset({"gaddafi", "qaddafi"}),
}


@dataclass(frozen=True)
class TypoCandidate:
    found: str
    suggestion: str
    docs: tuple[str, ...]
    found_count: int
    suggestion_docs: int
    confidence: float


def damerau(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance, stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


VOWELS = set("aeiouy")
DERIVED_SUFFIXES = ("s", "es", "'s", "’s", "n", "an", "ian", "ns", "ans", "ese", "ish", "y", "ly")
BRITISH_AMERICAN = (("our", "or"), ("ise", "ize"), ("yse", "yze"), ("tre", "ter"), ("ogue", "og"), ("ll", "l"))


def _transliteration(a: str, b: str) -> bool:
    """One vowel written as another ('Hormuzgan'/'Hormozgan', 'Uighur'/'Uyghur'): a variant, not a slip."""
    if len(a) != len(b) or len(a) < 6:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0][0] in VOWELS and diff[0][1] in VOWELS


def _spelling_variant(a: str, b: str) -> bool:
    """British and American spellings of the same word ('Technicolour'/'Technicolor')."""
    for x, y in BRITISH_AMERICAN:
        for p, q in ((a, b), (b, a)):
            i = p.rfind(x)
            if i >= 0 and p[:i] + y + p[i + len(x):] == q:
                return True
    return False


def _accepted(a: str, b: str) -> bool:
    la, lb = a.casefold(), b.casefold()
    if la == lb or frozenset({la, lb}) in ACCEPTED_VARIANTS:
        return True
    for x, y in ((la, lb), (lb, la)):
        if any(x == y + suffix for suffix in DERIVED_SUFFIXES):
            return True  # plurals, possessives, demonyms: 'Uighurs', 'Indian' beside 'India'
    if la[:-1] == lb[:-1] and {la[-1], lb[-1]} <= {"a", "s", "n"}:
        return True  # 'Somalia' / 'Somalis'
    return _transliteration(la, lb) or _spelling_variant(la, lb)


def find_typos(name_counts: dict[str, Counter], contexts: dict[str, dict[str, set]] | None = None) -> list[TypoCandidate]:
    """``name_counts``: doc id → Counter of proper-name word forms in that document.

    ``contexts`` (doc id → form → words beside it), when given, must show the two forms used in a shared
    context: 'Dana' beside 'Perino' is not a slip for 'Data' in 'Electronic Data Systems'.
    """
    near: dict[str, set] = {}
    for per_doc in (contexts or {}).values():
        for form, words in per_doc.items():
            near.setdefault(form, set()).update(words)
    n_docs = len(name_counts)
    if n_docs < 2:
        return []
    doc_freq: Counter = Counter()
    total: Counter = Counter()
    for counts in name_counts.values():
        doc_freq.update(set(counts))
        total.update(counts)
    # a slip is one writer's: the same misspelling in several independent sources is rarely a typo
    minority_limit = max(1, n_docs // 10)
    forms = sorted(total)
    found: list[TypoCandidate] = []
    for a in forms:
        if len(a) < 4 or doc_freq[a] > minority_limit:
            continue
        best = None
        for b in forms:
            if b == a or len(b) < 4 or doc_freq[b] < 2 or doc_freq[b] <= doc_freq[a]:
                continue
            if _accepted(a, b):
                continue
            limit = 2 if min(len(a), len(b)) >= 10 else 1
            if abs(len(a) - len(b)) > limit or a[0].casefold() != b[0].casefold() and limit == 1 and len(a) < 6:
                continue
            d = damerau(a.casefold(), b.casefold(), limit)
            if d > limit:
                continue
            if contexts is not None and not (near.get(a, set()) & near.get(b, set())):
                continue
            if best is None or (doc_freq[b], total[b]) > (doc_freq[best], total[best]):
                best = b
        if best is None:
            continue
        docs = tuple(sorted(doc for doc, counts in name_counts.items() if a in counts))
        # more sources for the majority form, and the suspect form also beside the right one, raise confidence
        beside = any(best in name_counts[d] for d in docs)
        confidence = min(0.95, 0.55 + 0.1 * (doc_freq[best] - 1) + (0.1 if beside else 0.0))
        found.append(TypoCandidate(a, best, docs, total[a], doc_freq[best], round(confidence, 2)))
    return found
