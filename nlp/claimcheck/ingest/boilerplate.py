"""Strip web boilerplate from plain-text or Markdown pages: segment the page into units
(:mod:`.segment`), drop what the rules catch (:mod:`.noise_rules`), drop what the saved
line classifier (``models/boilerplate/line-classifier.npz``, rows from
:mod:`.line_features`) scores at or above its content-favouring threshold, then pick the
title. :func:`strip_boilerplate` never raises on text input and falls back to the rules
alone when there is no model."""

from __future__ import annotations

import logging
import os
import re
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from claimcheck.paths import MODELS

# N_HAND_FEATURES, rule_for, segment and Unit are also re-exported for callers of this module
from .line_features import N_HAND_FEATURES, unit_rows
from .noise_rules import _apply_rules, _is_notice, _norm, _title_like, rule_for
from .segment import _TERMINAL, MD_LINK, Unit, _is_long_para, segment

__all__ = [
    "CleanText",
    "N_HAND_FEATURES",
    "DEFAULT_MODEL_PATH",
    "Unit",
    "classify_pages",
    "classify_units",
    "decide_units",
    "load_model",
    "rule_for",
    "segment",
    "strip_boilerplate",
    "strip_boilerplate_many",
    "unit_rows",
]

# claimcheck/models is the repository's models/ (a symlink in the source tree, package data in wheels)
DEFAULT_MODEL_PATH = MODELS / "boilerplate" / "line-classifier.npz"
MODEL_ENV = "CLAIMCHECK_BOILERPLATE_MODEL"


@dataclass
class CleanText:
    text: str  # cleaned text: kept lines joined, paragraphs separated by "\n\n"
    removed: list[tuple[str, str]]  # (line, reason) for every dropped line; "rule:<name>" or "model"
    header: list[str]  # dropped lines before the first body line (bylines, date lines, site name)
    title: str | None = None  # detected title (Markdown "# " heading or first short content line)
    footer: list[str] = field(default_factory=list)  # dropped lines after the last kept line


# --------------------------------------------------------------------------- model

_MODEL_LOCK = threading.Lock()
_MODEL_CACHE: dict[str, Any] = {}


def load_model(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The line classifier bundle ``{"model", "threshold", "n_columns"}``: plain arrays read without pickle
    (:mod:`claimcheck.arraymodels`), so loading it runs no code and imports no scikit-learn."""
    from claimcheck.arraymodels import LineClassifier, load

    p = Path(path) if path is not None else Path(os.environ.get(MODEL_ENV) or DEFAULT_MODEL_PATH)
    header, arrays = load(p, LineClassifier.KIND, "boilerplate model")
    try:
        model = LineClassifier(header, arrays)
        return {"model": model, "threshold": float(header["threshold"]), "n_columns": model.n_columns}
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        from claimcheck.errors import ModelError

        raise ModelError(f"{p}: damaged boilerplate model ({type(exc).__name__}: {exc})") from None


def _cached_model() -> dict[str, Any] | None:
    key = str(os.environ.get(MODEL_ENV) or DEFAULT_MODEL_PATH)
    if key in _MODEL_CACHE:
        return _MODEL_CACHE[key]
    with _MODEL_LOCK:
        if key not in _MODEL_CACHE:
            try:
                _MODEL_CACHE[key] = load_model(key)
            except Exception as exc:  # missing file, version mismatch ...
                warnings.warn(f"boilerplate model unavailable ({exc}); using rules only", RuntimeWarning, stacklevel=3)
                _MODEL_CACHE[key] = None
    return _MODEL_CACHE[key]


def _noise_proba(bundle: dict[str, Any], rows: list[list[Any]]) -> list[float]:
    return bundle["model"].noise_proba(rows)


def classify_units(
    units: list[Unit], *, bundle: dict[str, Any] | None = None, use_model: bool = True
) -> tuple[list[str | None], list[float | None], float]:
    """Rule hits, model P(noise) (None without a model) and the threshold in use."""
    return classify_pages([units], bundle=bundle, use_model=use_model)[0]


def classify_pages(
    pages: Sequence[list[Unit]], *, bundle: dict[str, Any] | None = None, use_model: bool = True
) -> list[tuple[list[str | None], list[float | None], float]]:
    """:func:`classify_units` for several pages with one classifier call (rows are scored independently,
    so each page gets what it would get alone; the call's fixed cost is what many short documents pay)."""
    hits = [_apply_rules(units) for units in pages]
    no_probs: list[float | None] = [None]
    rules_only = [(h, no_probs * len(units), 1.0) for h, units in zip(hits, pages)]
    if not use_model or not any(pages):
        return rules_only
    if bundle is None:
        bundle = _cached_model()
    if bundle is None:
        return rules_only
    rows = [unit_rows(units, h) if units else [] for units, h in zip(pages, hits)]
    width = len(next(r for r in rows if r)[0])
    if bundle.get("n_columns", width) != width:
        _warn_once("boilerplate model was trained on different features; retrain it "
                   "(python -m claimcheck.training.boilerplate). Using rules only.")
        return rules_only
    try:
        probs = _noise_proba(bundle, [row for page in rows for row in page])
    except Exception as exc:  # a broken or incompatible model must not lose the text
        _warn_once(f"boilerplate model failed ({exc!r}); using rules only")
        return rules_only
    threshold = float(bundle.get("threshold", 0.5))
    out: list[tuple[list[str | None], list[float | None], float]] = []
    k = 0
    for h, page in zip(hits, rows):
        out.append((h, list(probs[k:k + len(page)]), threshold if page else 1.0))
        k += len(page)
    return out


_WARNED: set[str] = set()


def _warn_once(msg: str) -> None:
    if msg not in _WARNED:
        _WARNED.add(msg)
        warnings.warn(msg, RuntimeWarning, stacklevel=4)


# --------------------------------------------------------------------------- stripping

_MD_LINK = re.compile(r"!?" + MD_LINK.pattern)  # linear time on any line (see segment.MD_LINK)


def _clean_output(s: str) -> str:
    s = re.sub(r"^#{1,6}\s+", "", s)
    s = re.sub(r"\s+#+$", "", s)
    s = re.sub(r"^>\s?", "", s)
    m = re.fullmatch(r"(\*\*|__|\*|_)(.+)\1", s)
    if m:
        s = m[2]
    s = _MD_LINK.sub(r"\1", s)
    s = re.sub(r"(\*\*|__)(\S(?:.*?\S)?)\1", r"\2", s)
    s = re.sub(r"^(?:[-*+\u2022\u25aa\u25cf])\s+", "", s)
    return s.strip()



def strip_boilerplate_many(raws: Sequence[str], *, use_model: bool = True) -> list[CleanText]:
    """:func:`strip_boilerplate` of each page, the noise classifier called once for all of them."""
    try:
        return _strip_many(list(raws), use_model=use_model)
    except Exception:  # pragma: no cover - one page at a time, each with its own safety net
        logging.getLogger(__name__).warning("cleaning %d pages together failed; cleaning them one by one",
                                            len(raws), exc_info=True)
        return [strip_boilerplate(r, use_model=use_model) for r in raws]


def strip_boilerplate(raw: str, *, use_model: bool = True) -> CleanText:
    """Remove web boilerplate from a plain-text or Markdown page.

    Returns the kept text (paragraphs separated by a blank line, hard-wrapped
    paragraphs re-joined), every dropped line with its reason (``rule:<name>`` or
    ``model``), the dropped lines before the first body line (``header``: site name,
    byline, date lines -- feed them to :func:`claimcheck.ingest.metadata.metadata_from_lines`),
    the detected title and the dropped lines after the last kept line (``footer``).
    """
    try:
        return _strip(raw, use_model=use_model)
    except Exception as exc:  # pragma: no cover - last-resort safety net
        warnings.warn(f"strip_boilerplate failed ({exc!r}); returning the text unchanged", RuntimeWarning, stacklevel=2)
        text = raw if isinstance(raw, str) else ""
        paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        return CleanText(text="\n\n".join(paras), removed=[], header=[], title=None)


def _keep_results_tables(units: list[Unit], reasons: list[str | None]) -> list[bool]:
    """Newswire results tables are the article ("Net 4.5 mln vs 3.2 mln"), not page furniture: their lines,
    and the period headings between them ("Year", "Nine mths"), are kept whatever the model scored.
    Returns which units are table lines (the body starts at the first)."""
    from claimcheck.pipeline.tables import is_section_line, is_table_line

    table = [is_table_line(u.text) for u in units]
    if not any(table):
        return table
    for k, u in enumerate(units):
        if table[k] or (is_section_line(u.text) and any(table[k + 1:k + 3]) and any(table[max(0, k - 3):k])):
            reasons[k] = None
    return table


def decide_units(
    units: list[Unit], hits: Sequence[str | None], probs: Sequence[float | None], threshold: float
) -> tuple[list[str | None], int | None]:
    """Drop reasons per unit (``None`` = keep) and the index of the title unit.

    The title is a Markdown ``# `` heading, else the most content-like short line without
    a final period before the first body paragraph (preferring one followed by a byline or
    date line). Short kept lines above the title are dropped as ``rule:pretitle``."""
    reasons: list[str | None] = []
    for h, p in zip(hits, probs):
        if h is not None:
            reasons.append(f"rule:{h}")
        elif p is not None and p >= threshold:
            reasons.append("model")
        else:
            reasons.append(None)
    n = len(units)
    norm = [_norm(u.text) for u in units]
    table = _keep_results_tables(units, reasons)
    # subheadings inside the body: a short unpunctuated line the model dropped, with
    # kept body paragraphs on both sides (rule-caught chrome in between is skipped)
    base = list(reasons)
    for k in range(n):
        if base[k] != "model" or len(norm[k].split()) > 8 or _TERMINAL.search(norm[k]) or norm[k].endswith(":"):
            continue
        before = next((j for j in range(k - 1, -1, -1) if not (base[j] or "").startswith("rule:")), None)
        after = next((j for j in range(k + 1, n) if not (base[j] or "").startswith("rule:")), None)
        if before is not None and after is not None and base[before] is None and base[after] is None \
                and _is_long_para(norm[before]) and _is_long_para(norm[after]):
            reasons[k] = None
    def opens_body(k: int) -> bool:
        if table[k]:
            return True
        if reasons[k] is not None or not _is_long_para(norm[k]):
            return False
        # a reader-facing notice the rules missed, sitting above the headline, is not the body
        nxt = next((j for j in range(k + 1, n) if reasons[j] is None), None)
        return not (_is_notice(norm[k]) and nxt is not None and _title_like(norm[nxt]))

    def prob(k: int, missing: float) -> float:
        """The model's P(noise) for unit ``k``, ``missing`` where there is none."""
        p = probs[k]
        return p if p is not None else missing

    first_body = next((k for k in range(n) if opens_body(k)), n)
    title_idx = None
    for k in range(first_body):
        if re.match(r"^#\s+\S", units[k].text.strip()) and not (reasons[k] or "").startswith("rule:"):
            title_idx = k
            break
    if title_idx is None:
        cands = [k for k in range(first_body) if reasons[k] is None and _title_like(norm[k])]
        if cands:
            def score(k: int) -> tuple:
                # a title is followed by a byline/date line or by the body itself
                near = any((reasons[j] or "") in ("rule:byline", "rule:dateline") for j in range(k + 1, min(n, k + 4)))
                near = near or k + 1 == first_body or k + 2 == first_body
                p = prob(k, 0.5)
                return (round(p, 1), not near, -min(len(norm[k].split()), 12), -k)
            title_idx = min(cands, key=score)
    if title_idx is None:
        # rescue the most content-like title-shaped line the model dropped
        cands = [k for k in range(first_body) if reasons[k] == "model" and _title_like(norm[k])
                 and len(norm[k].split()) >= 4 and prob(k, 1.0) < 0.9]
        if cands:
            title_idx = min(cands, key=lambda k: prob(k, 1.0))
    if title_idx is not None:
        if reasons[title_idx] == "model" or re.match(r"^#\s", units[title_idx].text.strip()):
            reasons[title_idx] = None
        if reasons[title_idx] is not None:
            title_idx = None
    if title_idx is not None:
        # short kept lines above the title are page chrome (taglines, kickers, site names)
        for k in range(title_idx):
            if reasons[k] is None and ((len(norm[k].split()) <= 12 and not _TERMINAL.search(norm[k]))
                                       or _is_notice(norm[k])):
                reasons[k] = "rule:pretitle"
    return reasons, title_idx


def _strip(raw: str, *, use_model: bool) -> CleanText:
    return _strip_many([raw], use_model=use_model)[0]


def _strip_many(raws: list[str], *, use_model: bool) -> list[CleanText]:
    pages = [segment(raw if isinstance(raw, str) else "" if raw is None else str(raw)) for raw in raws]
    classified = classify_pages([units for _lines, units in pages], use_model=use_model)
    return [_assemble(lines, units, *c) for (lines, units), c in zip(pages, classified)]


def _assemble(lines: list[str], units: list[Unit], hits: Sequence[str | None], probs: Sequence[float | None],
              threshold: float) -> CleanText:
    if not units:
        return CleanText(text="", removed=[], header=[], title=None)
    reasons, title_idx = decide_units(units, hits, probs, threshold)

    kept = [k for k, r in enumerate(reasons) if r is None]
    body_start = next((k for k in kept if k != title_idx and (k > (title_idx if title_idx is not None else -1))
                       and (_TERMINAL.search(units[k].text) or _is_long_para(units[k].text))), None)
    if body_start is None:
        body_start = next((k for k in kept if k != title_idx), None)
    last_kept = kept[-1] if kept else -1

    removed: list[tuple[str, str]] = []
    header: list[str] = []
    footer: list[str] = []
    for k, u in enumerate(units):
        r = reasons[k]
        if r is None:
            continue
        for li in u.lines:
            line = lines[li].strip()
            removed.append((line, r))
            if body_start is None or k < body_start:
                header.append(line)
            elif k > last_kept:
                footer.append(line)
    paras = [_clean_output(units[k].text) for k in kept]
    paras = [p for p in paras if p]
    title = _clean_output(units[title_idx].text) if title_idx is not None else None
    return CleanText(text="\n\n".join(paras), removed=removed, header=header, title=title or None, footer=footer)
