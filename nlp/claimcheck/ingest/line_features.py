"""Input rows for the boilerplate line classifier: per unit, its text key, the words of
its neighbours (context key) and ``N_HAND_FEATURES`` numbers for its shape, position,
block and neighbours (rule hits included). The saved model expects exactly these rows:
changing them means retraining (``python -m claimcheck.training.boilerplate``)."""

from __future__ import annotations

import math
import re
from typing import Any, Sequence

from claimcheck.normalize.locate import find_date
from .segment import _LIST_START, _NORM_RE, _TERMINAL, Unit, _is_long_para

__all__ = ["N_HAND_FEATURES", "unit_rows"]


_FUNCTION_WORDS = frozenset(
    "the a an of to in and is was were are be been has have had said says told that with for on at by "
    "as from it its this which who would will could but not than after about their they he she his her "
    "we our us i".split()
)
_SPEECH = re.compile(r"\b(?:said|says|told|added|according to|asked|warned|wrote)\b", re.I)
N_HAND_FEATURES = 44


def _shape(s: str) -> dict[str, float]:
    words = s.split()
    nw = len(words)
    alpha_words = [w for w in words if any(c.isalpha() for c in w)]
    na = max(1, len(alpha_words))
    return {
        "nw": nw,
        "term": 1.0 if _TERMINAL.search(s) else 0.0,
        "colon": 1.0 if s.endswith(":") else 0.0,
        "cap": sum(1 for w in alpha_words if w.lstrip("\"'\u201c(#*[")[:1].isupper()) / na,
        "upper": sum(1 for w in alpha_words if len(w) > 1 and w.isupper()) / na,
        "digit": sum(c.isdigit() for c in s) / max(1, len(s)),
        "fw": sum(1 for w in words if w.lower().strip(".,;:\"'\u201c\u201d") in _FUNCTION_WORDS) / max(1, nw),
    }


def unit_rows(units: Sequence[Unit], hits: Sequence[str | None]) -> list[list[Any]]:
    """Model input rows: ``[text, context, *hand_features]`` for each unit."""
    n = len(units)
    shapes = [_shape(u.text) for u in units]
    long_flags = [1 if _is_long_para(u.text) else 0 for u in units]
    total_long = max(1, sum(long_flags))
    cum = [0] * (n + 1)
    for k in range(n):
        cum[k + 1] = cum[k] + long_flags[k]
    block_sizes: dict[int, int] = {}
    for u in units:
        block_sizes[u.block] = block_sizes.get(u.block, 0) + 1
    block_pos: dict[int, int] = {}
    rows: list[list[Any]] = []
    for i, u in enumerate(units):
        s = u.text
        sh = shapes[i]
        prev = shapes[i - 1] if i > 0 else None
        nxt = shapes[i + 1] if i + 1 < n else None
        pos_in_block = block_pos.get(u.block, 0)
        block_pos[u.block] = pos_in_block + 1
        win = [hits[k] is not None for k in range(max(0, i - 3), min(n, i + 4)) if k != i]
        words = s.split()
        feats = [
            math.log1p(sh["nw"]),
            math.log1p(len(s)),
            sh["term"],
            sh["colon"],
            sh["cap"],
            sh["upper"],
            sh["digit"],
            1.0 if any(c.isdigit() for c in s) else 0.0,
            min(5, len(re.findall(r"\s[|\u00b7\u2022\u00bb\u203a>/]\s", s))),
            i / max(1, n - 1),
            min(i, 30) / 30,
            min(n - 1 - i, 30) / 30,
            math.log1p(prev["nw"]) if prev else 0.0,
            math.log1p(nxt["nw"]) if nxt else 0.0,
            prev["term"] if prev else 0.0,
            nxt["term"] if nxt else 0.0,
            1.0 if i > 0 and hits[i - 1] else 0.0,
            1.0 if i + 1 < n and hits[i + 1] else 0.0,
            1.0 if hits[i] else 0.0,
            1.0 if u.blank_before else 0.0,
            1.0 if u.blank_after else 0.0,
            math.log1p(block_sizes[u.block]),
            pos_in_block / max(1, block_sizes[u.block] - 1) if block_sizes[u.block] > 1 else 0.0,
            min(6, len(re.findall(r"[.!?][\"'\u201d]?\s+[A-Z\"\u201c]", s)) + (1 if sh["term"] else 0)),
            1.0 if s[:1] in "\"'\u201c\u2018" else 0.0,
            1.0 if _SPEECH.search(s) else 0.0,
            cum[i] / total_long,
            (cum[n] - cum[i + 1]) / total_long,
            1.0 if s.startswith("#") else 0.0,
            1.0 if re.match(r"^[*_].*[*_]$", s) else 0.0,
            1.0 if "](" in s or re.search(r"\[\d+\]", s) else 0.0,
            1.0 if s[:1].islower() else 0.0,
            1.0 if re.search(r"@|https?://|www\.|\.com\b", s) else 0.0,
            sum(len(w) for w in words) / max(1, len(words)),
            1.0 if _LIST_START.match(s) and not s.startswith(("#", "|", "[")) else 0.0,
            1.0 if len(u.lines) > 1 else 0.0,
            sum(win) / max(1, len(win)),
            1.0 if sh["nw"] <= 15 and not sh["term"] and sh["cap"] > 0.6 else 0.0,
            1.0 if find_date(s) is not None else 0.0,
            sh["fw"],
            prev["fw"] if prev else 0.0,
            nxt["fw"] if nxt else 0.0,
            long_flags[i - 1] if i > 0 else 0.0,
            long_flags[i + 1] if i + 1 < n else 0.0,
        ]
        rows.append([_text_key(s), _context_key(units, i), *feats])
    return rows


def _text_key(s: str) -> str:
    return re.sub(r"\d", "0", _NORM_RE.sub(" ", s))[:300]


def _ctx_words(s: str, prefix: str, k: int = 6) -> list[str]:
    toks = re.findall(r"[a-z]+|\d+|[^\w\s]", s.lower())[:k]
    return [prefix + ("0" if t.isdigit() else t) for t in toks]


def _context_key(units: Sequence[Unit], i: int) -> str:
    toks: list[str] = []
    toks += _ctx_words(units[i - 1].text, "p_") if i > 0 else ["p_START"]
    toks += _ctx_words(units[i + 1].text, "n_") if i + 1 < len(units) else ["n_END"]
    return " ".join(toks)
