"""Canonical subjects across documents.

First version: names are matched on a key that ignores case, punctuation,
possessives, a leading "the" and trailing legal/corporate suffixes ("Alibaba
Group Holding Ltd" → "alibaba"; "ARM" → "arm"); a longer name that contains a
known one-word name plus only descriptive words ("Hangzhou Hikvision Digital
Technology") joins it, but a subsidiary marker ("Alibaba Cloud") keeps it apart.
Typo corrections found across sources are applied first, so a misspelt
subject's figures are still compared with the others.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable

LEGAL_SUFFIXES = {
    "inc", "incorporated", "ltd", "limited", "co", "corp", "corporation", "company", "plc", "llc", "lp",
    "holdings", "holding", "group", "sa", "ag", "nv", "se", "gmbh", "bv", "spa", "kk", "pte", "pty",
}
SUBSIDIARY_MARKERS = {
    "cloud", "bank", "capital", "securities", "pictures", "music", "financial", "finance", "insurance",
    "ventures", "fund", "foundation", "university", "bureau", "bureaus", "police", "pay", "health",
    "entertainment", "games", "labs", "research", "europe", "china", "america", "india", "japan", "uk", "us",
}
_PUNCT = re.compile(r"[^\w\s&+-]")


def name_key(name: str) -> str:
    """Matching key for a name: 'The Alibaba Group Holding Ltd.' → 'alibaba'; 'Time Warner' → 'timewarner'."""
    return "".join(name_words(name))


def name_words(name: str) -> list[str]:
    """The words of a name without case, punctuation, possessive, leading 'the' or legal suffixes."""
    text = name.strip().removesuffix("'s").removesuffix("’s")
    text = _PUNCT.sub(" ", text.casefold())
    tokens = text.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    return tokens


def resolve_names(names: Iterable[str], corrections: dict[str, str] | None = None) -> dict[str, str]:
    """Map every surface name to its canonical display name."""
    corrections = corrections or {}
    surfaces = Counter(names)

    def corrected(name: str) -> str:
        for wrong, right in corrections.items():
            name = re.sub(rf"\b{re.escape(wrong)}\b", right, name)
        return name

    by_key: dict[str, Counter] = defaultdict(Counter)
    words: dict[str, list[str]] = {}
    for surface, n in surfaces.items():
        fixed = corrected(surface)
        key = name_key(fixed)
        by_key[key][surface] += n
        words.setdefault(key, name_words(fixed))
    keys = set(by_key)
    single = {k for k in keys if len(words[k]) == 1 and len(k) >= 3}
    parent: dict[str, str] = {}
    for key in keys:
        tokens = words[key]
        if len(tokens) < 2 or set(tokens) & SUBSIDIARY_MARKERS:
            continue
        hits = [t for t in tokens if t in single and t != key]
        if len(hits) == 1:
            parent[key] = hits[0]
    groups: dict[str, Counter] = defaultdict(Counter)
    for key, counter in by_key.items():
        groups[parent.get(key, key)].update(counter)
    mapping: dict[str, str] = {}
    for key, counter in groups.items():
        # the most used surface form; on a tie the shortest, then alphabetical
        display = min(counter, key=lambda s: (-counter[s], len(s), s))
        display = display.removeprefix("the ").removeprefix("The ")
        for surface in counter:
            mapping[surface] = display
    return mapping
