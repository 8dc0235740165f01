"""The HTML report: one self-contained page an editor can open, print or mail.

``render_html(report)`` returns a single HTML document with no network resources at
all: inline CSS, inline SVG charts drawn here in Python and a small inline vanilla
script that sorts and filters the claims table. The page shows

* a summary line (documents, claims, findings by kind) and the stories it covers;
* the findings first, grouped by story (the ``story/`` prefix of document ids), each
  with the sources side by side: every involved claim's evidence sentence with the
  figure highlighted, and a chart of the values each source reports;
* the other figures that several sources report, one chart per
  (story, subject, attribute, unit) group with at least two sources: a dot (and its
  interval) per source on a shared axis, the disagreeing source in red;
* the claims table (click a header to sort; a text box and selects to filter);
* the documents.

Safety: every piece of article-derived text goes through :func:`html.escape`
(attribute values included), highlights are inserted between escaped pieces, element
ids are generated (never taken from the report), no user text goes into the script,
and a Content-Security-Policy admits only this page's own style and script (by hash)
and no loads of any kind. The output is deterministic: the same report gives the
same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import math
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Iterable, Optional, TypeGuard

from claimcheck.crosscheck import overlaps
from claimcheck.ingest.segment import sentence_around
from claimcheck.report.stories import (
    finding_story,
    format_value,
    plural,
    short_id,
    story_lines,
    story_of,
    timeline_line,
)
from claimcheck.report.table import summary_line
from claimcheck.schema import Claim, Document, Finding, Report
from claimcheck.vocabulary import PUBLISHED, SEVERITY, FindingKind, attribute_name

__all__ = ["render_html", "chart_groups", "highlight"]

KINDS: tuple[FindingKind, ...] = ("conflict", "date", "typo")
EVIDENCE_CHARS = 320
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(value: object) -> str:
    """Escape any value for HTML text or a quoted attribute value (control characters dropped)."""
    return html.escape(_CONTROL.sub("", "" if value is None else str(value)), quote=True)


# ---------------------------------------------------------------------------------------------
# small helpers


def _compact(x: float, unit: str | None) -> str:
    """Axis labels: 4870000000 → '4.87bn', 25 percent → '25%'."""
    ax = abs(x)
    for limit, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e4, "k")):
        if ax >= limit:
            text = f"{x / limit:.3g}{suffix}"
            break
    else:
        text = f"{x:.4g}" if ax >= 1 or x == 0 else f"{x:.2g}"
    return text + ("%" if unit == "percent" else "")


def highlight(sentence: str, needle: str, limit: int = EVIDENCE_CHARS) -> str:
    """``sentence`` as escaped HTML with the first occurrence of ``needle`` in ``<mark>``.

    The raw text is cut at the match, each piece is escaped on its own and the mark goes
    between them, so no markup from the article can get through. Long sentences are
    shortened around the match.
    """
    sentence = sentence or ""
    at = sentence.find(needle) if needle else -1
    if at < 0 and needle:
        at = sentence.casefold().find(needle.casefold())
        if len(sentence.casefold()) != len(sentence):
            at = -1  # case folding changed offsets; don't guess
    if at < 0:
        cut = sentence[:limit]
        return esc(cut) + ("…" if len(sentence) > limit else "")
    end_at = at + len(needle)
    start = max(0, min(at - limit // 2, len(sentence) - limit))
    stop = max(end_at, min(len(sentence), start + limit))
    return (("…" if start else "") + esc(sentence[start:at]) + "<mark>" + esc(sentence[at:end_at]) + "</mark>"
            + esc(sentence[end_at:stop]) + ("…" if stop < len(sentence) else ""))


def _find_word(text: str, word: str) -> Optional[re.Match]:
    if not text or not word:
        return None
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)


def _as_date(value: object) -> Optional[date]:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# ---------------------------------------------------------------------------------------------
# who disagrees


def _finding_roles(f: Finding, claims: dict[str, Claim]) -> tuple[list[str], list[str]]:
    """(outlier claim ids, agreeing claim ids) of a conflict/date finding over claims."""
    involved = [claims[c] for c in f.claims if c in claims]
    if not involved:
        return [], []
    outlier_docs = set(f.docs[:1])
    consensus = next((c for c in involved if c.text == f.suggestion and c.doc not in outlier_docs), None)
    if consensus is None:
        consensus = next((c for c in involved if c.doc not in outlier_docs), None)
    if consensus is None:
        return [c.id for c in involved], []
    outliers: list[str] = []
    agreeing: list[str] = []
    for c in involved:
        try:
            agrees = overlaps(c, consensus)
        except Exception:  # hand-built reports with odd values: fall back to the outlier doc
            logging.getLogger(__name__).debug("cannot compare claim %s with the consensus", c.id, exc_info=True)
            agrees = c.doc not in outlier_docs
        (agreeing if agrees else outliers).append(c.id)
    return outliers, agreeing


# ---------------------------------------------------------------------------------------------
# charts

ChartKey = tuple[str, str, str, Optional[str]]


def chart_groups(report: Report) -> dict[ChartKey, list[Claim]]:
    """Claims by (story, subject, attribute, unit), only groups that at least two documents report."""
    groups: dict[ChartKey, list[Claim]] = defaultdict(list)
    for c in report.claims:
        groups[(story_of(c.doc), c.subject, c.attribute, c.unit)].append(c)
    return {k: v for k, v in groups.items() if len({c.doc for c in v}) >= 2}


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / target if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


class _Axis:
    """Maps values (numbers, or dates as ordinals) to x; knows its ticks."""

    def __init__(self, lo: float, hi: float, ticks: list[tuple[float, str]], x0: float, x1: float,
                 caption: str = ""):
        self.lo, self.hi, self.ticks, self.x0, self.x1, self.caption = lo, hi, ticks, x0, x1, caption

    def x(self, v: float) -> float:
        if self.hi == self.lo:
            return (self.x0 + self.x1) / 2
        return self.x0 + (v - self.lo) / (self.hi - self.lo) * (self.x1 - self.x0)


def _number_axis(values: list[float], open_high: list[float], unit: str | None, x0: float, x1: float) -> _Axis:
    lo, hi = min(values), max(values)
    if open_high:
        hi = max(hi, max(open_high) * 1.12)
    lo = min(lo, 0.0)
    if hi == lo:
        hi = lo + 1.0
    step = _nice_step(hi - lo)
    lo_n = math.floor(lo / step + 1e-9) * step
    hi_n = math.ceil(hi / step - 1e-9) * step
    n = int(round((hi_n - lo_n) / step))
    ticks = [(lo_n + i * step, _compact(lo_n + i * step, unit)) for i in range(n + 1)]
    return _Axis(lo_n, hi_n, ticks, x0, x1)


def _add_months(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def _date_axis(days: list[int], x0: float, x1: float) -> _Axis:
    lo, hi = min(days), max(days)
    pad = 3 if hi == lo else max(2, round((hi - lo) * 0.08))
    lo, hi = max(1, lo - pad), min(date.max.toordinal() - 400, hi + pad)
    span = max(hi - lo, 1)
    ticks: list[tuple[float, str]] = []
    step_days = next((s for s in (1, 2, 7, 14) if span / s <= 6), None)
    if step_days is not None:
        for o in range(lo + (-lo) % step_days, hi + 1, step_days):
            d = date.fromordinal(o)
            ticks.append((o, f"{d.day} {d:%b}"))
        years = sorted({date.fromordinal(int(v)).year for v, _ in ticks} or {date.fromordinal(lo).year})
        caption = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        return _Axis(lo, hi, ticks, x0, x1, caption)
    months = next((m for m in (1, 2, 3, 6, 12, 24, 60, 120) if span / (30.44 * m) <= 6), 1200)
    d = _add_months(date.fromordinal(lo), 1)
    if months >= 12:
        d = date(min(d.year + 1, 9000), 1, 1)
    while d.toordinal() <= hi:
        ticks.append((d.toordinal(), f"{d.year}" if months >= 12 else f"{d:%b} {d.year}"))
        try:
            d = _add_months(d, months)
        except ValueError:  # past year 9999
            break
    return _Axis(lo, hi, ticks, x0, x1)


def _truncate(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _fmt_n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg_chart(title: str, rows: list[tuple[str, str, list[tuple[Claim, str]]]], unit: str | None,
               consensus: Optional[object] = None, kind: str = "claims", compact: bool = False) -> str:
    """One chart: a row per source (label, tooltip, [(claim, role)]), values on a shared axis.

    role is ``out`` (disagrees), ``ok`` (agrees with the consensus) or ``other``.
    """
    if compact:  # the grid of small charts: drawn near 1:1 in a ~560px card
        width, left, right, top, row_h, axis_h, label_chars, value_chars = 540, 92, 150, 8, 24, 32, 13, 23
    else:
        width, left, right, top, row_h, axis_h, label_chars, value_chars = 720, 118, 196, 10, 26, 34, 17, 30
    x0, x1 = left + 12, width - right - 14
    is_date = unit == "date" or any(_as_date(c.value) and not _is_number(c.value) for _, _, cs in rows for c, _ in cs)
    # the plottable points: (row index, claim, role, value, low, high) on a numeric scale
    points: list[tuple[int, Claim, str, float, float | None, float | None]] = []
    for i, (_, _, cs) in enumerate(rows):
        for c, role in cs:
            if is_date:
                d = _as_date(c.value)
                if d is None:
                    continue
                lo_d, hi_d = _as_date(c.low), _as_date(c.high)
                points.append((i, c, role, d.toordinal(), lo_d.toordinal() if lo_d else None,
                               hi_d.toordinal() if hi_d else None))
            elif _is_number(c.value):
                lo = c.low if _is_number(c.low) else None
                hi = c.high if _is_number(c.high) else None
                if c.qualifier == "at_least":
                    hi = None
                elif c.qualifier == "at_most":
                    lo = None
                points.append((i, c, role, float(c.value), lo, hi))
    height = top + row_h * max(len(rows), 1) + axis_h
    out = [f'<svg class="chart" data-chart="{esc(kind)}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{esc(title)}">',
           f"<title>{esc(title)}</title>"]
    if not points:
        out.append(f'<text class="note" x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle">'
                   "no values that can be drawn</text></svg>")
        return "".join(out)
    if is_date:
        axis = _date_axis([int(p[3]) for p in points], x0, x1)
    else:
        values = [p[3] for p in points] + [v for p in points for v in p[4:6] if v is not None]
        axis = _number_axis(values, [p[3] for p in points if p[5] is None], unit, x0, x1)
    base = top + row_h * len(rows)
    # grid and axis
    out.append('<g class="grid">')
    for v, _ in axis.ticks:
        x = axis.x(v)
        out.append(f'<line x1="{_fmt_n(x)}" y1="{top - 4}" x2="{_fmt_n(x)}" y2="{base + 4}"/>')
    out.append("</g>")
    out.append(f'<line class="axis" x1="{x0}" y1="{base + 4}" x2="{x1}" y2="{base + 4}"/>')
    out.append('<g class="ticks">')
    for v, label in axis.ticks:
        out.append(f'<text x="{_fmt_n(axis.x(v))}" y="{base + 20}" text-anchor="middle">{esc(label)}</text>')
    if axis.caption:
        out.append(f'<text x="{x0 - 26}" y="{base + 20}" text-anchor="end">{esc(axis.caption)}</text>')
    out.append("</g>")
    if consensus is not None:
        cx = None
        if is_date:
            cd = _as_date(consensus)
            if cd is not None:
                cx = axis.x(cd.toordinal())
        elif _is_number(consensus):
            cx = axis.x(float(consensus))
        if cx is not None:
            out.append(f'<line class="consensus" x1="{_fmt_n(cx)}" y1="{top - 4}" x2="{_fmt_n(cx)}" '
                       f'y2="{base + 4}"/>')
    # rows
    for i, (label, tip, cs) in enumerate(rows):
        y = top + row_h * i + row_h / 2
        roles = {r for _, r in cs}
        row_role = "out" if "out" in roles else ("ok" if "ok" in roles else "other")
        out.append(f'<g class="row {row_role}">')
        if i % 2 == 0:
            out.append(f'<rect class="band" x="0" y="{_fmt_n(y - row_h / 2)}" width="{width}" height="{row_h}"/>')
        out.append(f'<text class="label" x="{left}" y="{_fmt_n(y + 4)}" text-anchor="end">'
                   f"<title>{esc(tip)}</title>{esc(_truncate(label, label_chars))}</text>")
        seen = set()
        row_points = [p for p in points if p[0] == i]
        # draw 'other' first so disagreeing dots are on top
        for _, c, role, v, lo, hi in sorted(row_points, key=lambda p: {"other": 0, "ok": 1, "out": 2}[p[2]]):
            key = (v, lo, hi, c.qualifier, role)
            if key in seen:
                continue
            seen.add(key)
            x = axis.x(v)
            tip_parts = [f"{short_id(c.doc)}: {c.text}", format_value(c.value, c.unit, c.qualifier)]
            if c.period:
                tip_parts.append(f"period {c.period}")
            if c.scope:
                tip_parts.append(f"scope {c.scope}")
            if c.qualifier != "exact":
                tip_parts.append(c.qualifier.replace("_", " "))
            out.append(f'<g class="pt {role}"><title>{esc(" · ".join(tip_parts))}</title>')
            if lo is not None and hi is not None and hi > lo:
                xl, xh = axis.x(lo), axis.x(hi)
                out.append(f'<rect class="iv" x="{_fmt_n(xl)}" y="{_fmt_n(y - 3)}" '
                           f'width="{_fmt_n(max(xh - xl, 1))}" height="6" rx="3"/>')
            elif hi is None and lo is not None or (hi is None and c.qualifier == "at_least"):
                out.append(f'<line class="open" x1="{_fmt_n(x)}" y1="{_fmt_n(y)}" x2="{_fmt_n(x1)}" '
                           f'y2="{_fmt_n(y)}"/>'
                           f'<path class="arrow" d="M{_fmt_n(x1)} {_fmt_n(y)} l-7 -4 v8 z"/>')
            elif lo is None and c.qualifier == "at_most":
                out.append(f'<line class="open" x1="{_fmt_n(x0)}" y1="{_fmt_n(y)}" x2="{_fmt_n(x)}" '
                           f'y2="{_fmt_n(y)}"/>'
                           f'<path class="arrow" d="M{_fmt_n(x0)} {_fmt_n(y)} l7 -4 v8 z"/>')
            out.append(f'<circle cx="{_fmt_n(x)}" cy="{_fmt_n(y)}" r="{7 if role == "out" else 6}"/></g>')
        texts = list(dict.fromkeys(c.text for c, _ in cs))
        out.append(f'<text class="value" x="{width - right + 4}" y="{_fmt_n(y + 4)}">'
                   f"{esc(_truncate(' · '.join(texts), value_chars))}</text>")
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _claim_chart(key: ChartKey, group: list[Claim], docs: dict[str, Document], roles: dict[str, str],
                 consensus: Optional[object] = None, compact: bool = False) -> str:
    story, subject, attribute, unit = key
    by_doc: dict[str, list[Claim]] = {}
    for c in group:
        by_doc.setdefault(c.doc, []).append(c)
    rows = []
    for doc_id, cs in by_doc.items():
        d = docs.get(doc_id)
        tip = doc_id + (f" — {d.source}" if d is not None and d.source else "")
        rows.append((short_id(doc_id), tip, [(c, roles.get(c.id, "other")) for c in cs]))
    title = f"{subject} · {attribute_name(attribute)}" + (f" ({unit})" if unit and unit not in ("date",) else "")
    return _svg_chart(title, rows, unit, consensus, compact=compact)


def _published_chart(story: str, report: Report, outlier_doc: str, suggestion: object) -> str:
    rows = []
    for d in report.documents:
        if story_of(d.id) != story or d.published is None:
            continue
        # a chart point for the page's date: a claim-shaped record, not a claim (its attribute is no Attribute)
        fake = Claim.model_construct(id=d.id, doc=d.id, subject=d.source or d.id, attribute=PUBLISHED,
                                     value=d.published.isoformat(), unit="date", text=d.published.isoformat(),
                                     start=0, end=0, confidence=1.0, qualifier="exact", low=None, high=None)
        rows.append((short_id(d.id), d.id + (f" — {d.source}" if d.source else ""),
                     [(fake, "out" if d.id == outlier_doc else "ok")]))
    if len(rows) < 2:
        return ""
    return _svg_chart("publication dates", rows, "date", suggestion, kind="published")


# ---------------------------------------------------------------------------------------------
# page pieces


def _kind_badge(kind: str) -> str:
    return f'<span class="badge k-{esc(kind)}">{esc(kind)}</span>'


def _doc_head(doc_id: str, docs: dict[str, Document]) -> str:
    d = docs.get(doc_id)
    parts = [f'<span class="src">{esc(short_id(doc_id))}</span>']
    if d is not None and d.source:
        parts.append(f'<span class="outlet">{esc(d.source)}</span>')
    if d is not None and d.published:
        parts.append(f'<span class="pub">{esc(d.published.isoformat())}</span>')
    return "".join(parts)


def _evidence_cards(f: Finding, claims: dict[str, Claim], docs: dict[str, Document], roles: dict[str, str],
                    report: Report) -> str:
    cards: list[str] = []
    involved = [claims[c] for c in f.claims if c in claims]
    if involved:
        by_doc: dict[str, list[Claim]] = {}
        for c in involved:
            by_doc.setdefault(c.doc, []).append(c)
        # disagreeing sources first, then in the finding's order
        order = sorted(by_doc, key=lambda d: (0 if any(roles.get(c.id) == "out" for c in by_doc[d]) else 1,
                                              f.docs.index(d) if d in f.docs else len(f.docs)))
        for doc_id in order:
            cs = by_doc[doc_id]
            role = "out" if any(roles.get(c.id) == "out" for c in cs) else "ok"
            body = []
            for c in cs:
                body.append(f'<p class="says">says <strong>{esc(c.text)}</strong>'
                            + (f' <span class="muted">({esc(c.period)})</span>' if c.period else "") + "</p>"
                            f'<blockquote>{highlight(c.sentence or c.text, c.text)}</blockquote>')
            cards.append(f'<div class="card {role}"><div class="card-head">{_doc_head(doc_id, docs)}</div>'
                         + "".join(body) + "</div>")
    elif f.kind == "typo" and f.found:
        for doc_id in f.docs:
            d = docs.get(doc_id)
            m = _find_word(d.text, f.found) if d is not None else None
            quote = (highlight(sentence_around(d.text, m.start(), m.end()), f.found) if m and d is not None else "")
            cards.append(f'<div class="card out"><div class="card-head">{_doc_head(doc_id, docs)}</div>'
                         f'<p class="says">writes <strong>{esc(f.found)}</strong></p>'
                         + (f"<blockquote>{quote}</blockquote>" if quote else "") + "</div>")
        # one source with the usual spelling, for contrast
        story = finding_story(f)
        for d in report.documents:
            if d.id in f.docs or story_of(d.id) != story or not f.suggestion:
                continue
            m = _find_word(d.text, f.suggestion)
            if m:
                cards.append(f'<div class="card ok"><div class="card-head">{_doc_head(d.id, docs)}</div>'
                             f'<p class="says">writes <strong>{esc(f.suggestion)}</strong></p>'
                             f"<blockquote>{highlight(sentence_around(d.text, m.start(), m.end()), f.suggestion)}"
                             "</blockquote></div>")
                break
    elif f.attribute == PUBLISHED:
        for doc_id in f.docs:
            d = docs.get(doc_id)
            title = f"<blockquote>{esc(d.title)}</blockquote>" if d is not None and d.title else ""
            cards.append(f'<div class="card out"><div class="card-head">{_doc_head(doc_id, docs)}</div>'
                         f'<p class="says">dated <strong>{esc(f.found)}</strong></p>{title}</div>')
    else:
        for doc_id in f.docs:
            cards.append(f'<div class="card"><div class="card-head">{_doc_head(doc_id, docs)}</div></div>')
    return '<div class="cards">' + "".join(cards) + "</div>" if cards else ""


def _legend() -> str:
    return ('<p class="legend"><span class="sw out"></span>disagrees <span class="sw ok"></span>agrees '
            '<span class="sw other"></span>other figures <span class="sw cons"></span>consensus</p>')


def _finding_section(f: Finding, n: int, claims: dict[str, Claim], docs: dict[str, Document],
                     roles: dict[str, str], chart: str, report: Report) -> str:
    what = " · ".join(x for x in (f.subject, attribute_name(f.attribute)) if x)
    change = ""
    if f.found or f.suggestion:
        change = (f'<p class="change"><del>{esc(f.found)}</del> <span aria-hidden="true">→</span> '
                  f"<ins>{esc(f.suggestion)}</ins></p>")
    return (f'<article class="finding k-{esc(f.kind)}" id="finding-{n}">'
            f'<header>{_kind_badge(f.kind)}<span class="verdict">{esc(f.verdict)}</span>'
            f'<span class="conf" title="confidence">confidence {f.confidence:.2f}</span>'
            + (f'<h3>{esc(what)}</h3>' if what else "") + "</header>"
            f'<p class="message">{esc(f.message)}</p>{change}'
            + (f'<figure class="inline-chart">{chart}{_legend()}</figure>' if chart else "")
            + _evidence_cards(f, claims, docs, roles, report)
            + "</article>")


def _group_by_story(items: Iterable, key) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())


def _claims_table(report: Report, kinds_of: dict[str, set[str]], roles: dict[str, str]) -> str:
    if not report.claims:
        return "<p>No claims were extracted.</p>"
    stories = sorted({story_of(c.doc) for c in report.claims})
    attributes = sorted({c.attribute for c in report.claims})
    controls = ['<div class="controls" role="search">',
                '<label>Filter <input type="search" id="claims-filter" placeholder="text, source, value…" '
                'autocomplete="off"></label>']
    if len(stories) > 1:
        controls.append('<label>Story <select id="claims-story"><option value="">all</option>'
                        + "".join(f'<option value="{esc(s)}">{esc(s or "(none)")}</option>' for s in stories)
                        + "</select></label>")
    controls.append('<label>Attribute <select id="claims-attr"><option value="">all</option>'
                    + "".join(f'<option value="{esc(a)}">{esc(attribute_name(a))}</option>' for a in attributes)
                    + "</select></label>")
    controls.append('<label>Finding <select id="claims-kind"><option value="">all claims</option>'
                    '<option value="any">in a finding</option>'
                    + "".join(f'<option value="{k}">in a {k} finding</option>' for k in KINDS if k != "typo")
                    + '<option value="none">in no finding</option></select></label>'
                    f'<output id="claims-count" aria-live="polite">{len(report.claims)} of '
                    f"{len(report.claims)} claims</output></div>")
    cols = [("source", "text"), ("subject", "text"), ("attribute", "text"), ("value", "num"),
            ("as written", "text"), ("period", "text"), ("scope", "text"), ("as of", "text"),
            ("conf.", "num"), ("evidence", "text")]
    head = "".join(f'<th scope="col" aria-sort="none"><button type="button" data-type="{t}">{esc(name)}'
                   '<span class="arrow" aria-hidden="true"></span></button></th>' for name, t in cols)
    rows = []
    for c in report.claims:
        kinds = sorted(kinds_of.get(c.id, ()))
        if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
            sort_value = repr(float(c.value))
        else:
            sort_value = str(c.value if c.value is not None else "")
        role = roles.get(c.id, "")
        rows.append(
            f'<tr data-story="{esc(story_of(c.doc))}" data-attr="{esc(c.attribute)}" '
            f'data-kinds="{esc(" ".join(kinds) or "none")}"' + (f' class="{role}"' if role else "") + ">"
            f'<td class="doc" data-sort="{esc(c.doc)}"><b>{esc(short_id(c.doc))}</b>'
            + (f"<small>{esc(story_of(c.doc))}</small>" if story_of(c.doc) else "") + f"</td><td>{esc(c.subject)}</td>"
            f'<td data-sort="{esc(c.attribute)}">{esc(attribute_name(c.attribute))}</td>'
            f'<td class="num" data-sort="{esc(sort_value)}" title="{esc(c.qualifier.replace("_", " "))}">'
            f'{esc(format_value(c.value, c.unit, c.qualifier))}</td>'
            f"<td>{esc(c.text)}</td><td>{esc(c.period or '')}</td>"
            f'<td>{esc(c.scope or "")}</td><td>{esc(c.as_of or "")}</td>'
            f'<td class="num" data-sort="{c.confidence:.4f}">{c.confidence:.2f}</td>'
            f'<td class="ev">{highlight(c.sentence or c.text, c.text, 200)}</td></tr>')
    return ("".join(controls) + '<div class="scroll"><table id="claims-table" class="sortable">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            '<p id="claims-empty" class="muted" hidden>No claims match the filter.</p>')


def _single_source_table(report: Report, claims: dict[str, Claim]) -> str:
    """Figures only one source states: Not Enough Evidence, listed apart from the findings."""
    n = len(report.single_source)
    rows = []
    for s in report.single_source:
        what = (attribute_name(s.attribute) + (f" ({s.period})" if s.period else "")
                + (f", {s.scope}" if s.scope else ""))
        written = ", ".join(claims[c].text for c in s.claims if c in claims)
        rows.append(f"<tr><td>{esc(s.docs[0] if s.docs else '')}</td><td>{esc(s.subject)}</td><td>{esc(what)}</td>"
                    f"<td>{esc(written)}</td></tr>")
    return (f'<p class="muted">{n} figure{"s" if n != 1 else ""} stated by one source only — Not Enough Evidence '
            "to confirm or refute.</p>"
            f"<details><summary>Show the {n} single-source figure{'s' if n != 1 else ''}</summary>"
            '<div class="scroll"><table class="docs"><thead><tr><th scope="col">source</th>'
            '<th scope="col">subject</th><th scope="col">attribute</th><th scope="col">as written</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div></details>")


def _documents_table(report: Report, claims_per_doc: Counter, findings_per_doc: Counter) -> str:
    if not report.documents:
        return "<p>No documents.</p>"
    rows = []
    copies = any(d.copy_of for d in report.documents)  # a copy counts as one source with its original
    for d in report.documents:
        copy_of = f"<td>{esc(d.copy_of or '')}</td>" if copies else ""
        rows.append(f"<tr><td>{esc(d.id)}</td>{copy_of}<td>{esc(d.title or '')}</td><td>{esc(d.source or '')}</td>"
                    f"<td>{esc(d.published.isoformat() if d.published else '')}</td>"
                    f'<td class="num">{claims_per_doc[d.id]}</td><td class="num">{findings_per_doc[d.id]}</td>'
                    f'<td class="path">{esc(d.path or "")}</td></tr>')
    return ('<div class="scroll"><table class="docs"><thead><tr><th scope="col">document</th>'
            + ('<th scope="col">copy of</th>' if copies else '')
            + '<th scope="col">title</th><th scope="col">source</th><th scope="col">published</th>'
            '<th scope="col">claims</th><th scope="col">findings</th><th scope="col">path</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


# ---------------------------------------------------------------------------------------------
# style and script (constants: hashed into the Content-Security-Policy)

CSS = """
:root{--fg:#1f2933;--muted:#616e7c;--bg:#fff;--panel:#f5f7fa;--line:#d9e2ec;--out:#c62828;--out-bg:#fdecea;
--ok:#1f6fb2;--ok-bg:#eaf3fb;--other:#9aa5b1;--conflict:#c62828;--date:#b7791f;--typo:#6b46c1;--mark:#ffe58f}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.25rem;margin:32px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h2.story{font-size:1.1rem;margin:24px 0 10px;border-bottom:1px solid var(--line);color:var(--muted)}
h2.story code{color:var(--fg);font-weight:700}
h3{font-size:1.05rem;margin:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.muted{color:var(--muted)}
.summary{font-size:1.05rem;margin:6px 0 10px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0 4px;padding:0;list-style:none}
.stats li{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:6px 14px;min-width:96px}
.stats b{display:block;font-size:1.4rem;line-height:1.2}
.stats li.k-conflict b{color:var(--conflict)}.stats li.k-date b{color:var(--date)}.stats li.k-typo b{color:var(--typo)}
nav.toc{margin:12px 0 0;font-size:.95rem}
nav.toc a{margin-right:14px;color:var(--ok);white-space:nowrap}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
color:#fff;border-radius:4px;padding:1px 7px;background:var(--muted)}
.badge.k-conflict{background:var(--conflict)}.badge.k-date{background:var(--date)}.badge.k-typo{background:var(--typo)}
.finding{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:8px;padding:14px 16px;
margin:0 0 16px;background:var(--bg);break-inside:avoid}
.finding.k-conflict{border-left-color:var(--conflict)}.finding.k-date{border-left-color:var(--date)}
.finding.k-typo{border-left-color:var(--typo)}
.finding header{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px}
.finding header h3{flex-basis:100%;margin-top:4px}
.verdict{font-weight:600}.conf{color:var(--muted);font-size:.9rem}
.message{margin:6px 0;font-size:1.02rem}
.change{margin:4px 0 10px}
del{color:var(--out);background:var(--out-bg);text-decoration:line-through;padding:0 4px;border-radius:3px}
ins{color:#1b5e20;background:#e8f5e9;text-decoration:none;padding:0 4px;border-radius:3px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px;margin-top:10px}
.card{border:1px solid var(--line);border-top:4px solid var(--other);border-radius:6px;padding:8px 10px;
background:var(--panel);font-size:.92rem;break-inside:avoid;min-width:0}
.card.out{border-top-color:var(--out);background:var(--out-bg)}
.card.ok{border-top-color:var(--ok)}
.card-head{display:flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline}
.src{font-weight:700}.outlet,.pub{color:var(--muted);font-size:.85rem}
.says{margin:6px 0 2px}
.card.out .says strong{color:var(--out)}
blockquote{margin:2px 0 6px;padding:0 0 0 8px;border-left:3px solid var(--line);overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:2px;font-weight:600}
.card.out mark,tr.out mark{background:#ffcdd2}
figure{margin:10px 0 0}
.inline-chart{max-width:760px}
svg.chart{display:block;width:100%;height:auto;font-size:12px;font-family:inherit}
svg.chart .band{fill:var(--panel)}
svg.chart .grid line{stroke:var(--line);stroke-width:1}
svg.chart .axis{stroke:var(--muted);stroke-width:1}
svg.chart .ticks text{fill:var(--muted);font-size:11px}
svg.chart .label{fill:var(--fg);font-weight:600}
svg.chart .row.out .label{fill:var(--out)}
svg.chart .value{fill:var(--muted)}
svg.chart .row.out .value{fill:var(--out);font-weight:600}
svg.chart .note{fill:var(--muted)}
svg.chart .consensus{stroke:var(--ok);stroke-width:1.5;stroke-dasharray:4 3;opacity:.7}
svg.chart .pt circle{stroke:#fff;stroke-width:1.5}
svg.chart .pt.out circle{fill:var(--out)}svg.chart .pt.ok circle{fill:var(--ok)}
svg.chart .pt.other circle{fill:var(--other)}
svg.chart .iv{opacity:.25}svg.chart .pt.out .iv{fill:var(--out)}svg.chart .pt.ok .iv{fill:var(--ok)}
svg.chart .pt.other .iv{fill:var(--other)}
svg.chart .open{stroke-width:2;stroke-dasharray:3 3;opacity:.55}
svg.chart .pt.out .open{stroke:var(--out)}svg.chart .pt.ok .open{stroke:var(--ok)}
svg.chart .pt.other .open{stroke:var(--other)}
svg.chart .arrow{opacity:.55}svg.chart .pt.out .arrow{fill:var(--out)}svg.chart .pt.ok .arrow{fill:var(--ok)}
svg.chart .pt.other .arrow{fill:var(--other)}
.legend{font-size:.8rem;color:var(--muted);margin:2px 0 0}
.sw{display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 4px 0 10px;vertical-align:-1px}
.sw:first-child{margin-left:0}
.sw.out{background:var(--out)}.sw.ok{background:var(--ok)}.sw.other{background:var(--other)}
.sw.cons{border-radius:0;width:2px;height:12px;background:var(--ok)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:12px}
.chart-card{border:1px solid var(--line);border-radius:8px;padding:8px 10px;margin:0;break-inside:avoid}
.chart-card figcaption{font-weight:600;margin-bottom:2px}
.chart-card figcaption .muted{font-weight:400}
details>summary{cursor:pointer;color:var(--ok);margin:6px 0 10px}
.controls{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;margin:0 0 10px}
.controls input,.controls select{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;
background:var(--bg);color:var(--fg);max-width:100%}
.controls input{min-width:220px}
#claims-count{color:var(--muted);font-size:.9rem}
.scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
thead th{position:sticky;top:0;background:var(--panel);white-space:nowrap}
th button{font:inherit;font-weight:700;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] .arrow::after{content:" ▲"}th[aria-sort=descending] .arrow::after{content:" ▼"}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.ev{min-width:300px;color:var(--muted)}
td.doc{max-width:130px}""" \
"""td.doc small{display:block;color:var(--muted);font-size:.75rem;overflow-wrap:anywhere;line-height:1.3}
td.ev mark{color:var(--fg)}
td.path{overflow-wrap:anywhere;color:var(--muted)}
tr.out td:first-child{box-shadow:inset 4px 0 0 var(--out)}
tbody tr:nth-child(even){background:#fafbfc}
ul.warnings{color:var(--date)}
footer{margin-top:40px;color:var(--muted);font-size:.85rem}
@media (max-width:640px){main{padding:12px}.charts{grid-template-columns:1fr}.controls input{min-width:0;width:100%}
h1{font-size:1.3rem}.cards{grid-template-columns:1fr}.finding{padding:10px}
figure{overflow-x:auto}svg.chart{min-width:500px}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}nav.toc,.controls,details>summary{display:none}
.finding,.card,.chart-card,tr{break-inside:avoid}.scroll{overflow:visible;border:0}thead th{position:static}
a{color:inherit;text-decoration:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
""".strip()

JS = """
(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function (e) {
    body.setAttribute("data-error", String((e && e.message) || e));
  });
  window.addEventListener("beforeprint", function () {
    var ds = document.querySelectorAll("details");
    for (var i = 0; i < ds.length; i++) { ds[i].open = true; }
  });
  var table = document.getElementById("claims-table");
  if (table) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var heads = table.tHead.rows[0].cells;
    var numeric = /^-?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?$/i;
    rows.forEach(function (r, i) { r.setAttribute("data-i", String(i)); });
    var key = function (row, col) {
      var cell = row.cells[col];
      var v = cell.getAttribute("data-sort");
      return (v === null ? cell.textContent : v).trim();
    };
    var compare = function (a, b) {
      var na = numeric.test(a), nb = numeric.test(b);
      if (na && nb) { return parseFloat(a) - parseFloat(b); }
      if (na !== nb) { return na ? -1 : 1; }
      if (a === "" || b === "") { return a === b ? 0 : (a === "" ? 1 : -1); }
      return a.localeCompare(b, undefined, {numeric: true, sensitivity: "base"});
    };
    var sortBy = function (col) {
      var th = heads[col];
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      for (var j = 0; j < heads.length; j++) { heads[j].setAttribute("aria-sort", "none"); }
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (x, y) {
        var c = compare(key(x, col), key(y, col));
        if (c === 0) { return x.getAttribute("data-i") - y.getAttribute("data-i"); }
        return dir * c;
      });
      sorted.forEach(function (r) { tbody.appendChild(r); });
    };
    Array.prototype.forEach.call(heads, function (th, col) {
      var b = th.querySelector("button");
      if (b) { b.addEventListener("click", function () { sortBy(col); }); }
    });
    var text = document.getElementById("claims-filter");
    var story = document.getElementById("claims-story");
    var attr = document.getElementById("claims-attr");
    var kind = document.getElementById("claims-kind");
    var count = document.getElementById("claims-count");
    var empty = document.getElementById("claims-empty");
    var apply = function () {
      var q = text ? text.value.trim().toLowerCase() : "";
      var s = story ? story.value : "", a = attr ? attr.value : "", k = kind ? kind.value : "";
      var shown = 0;
      rows.forEach(function (r) {
        var kinds = (r.getAttribute("data-kinds") || "").split(" ");
        var ok = (!s || r.getAttribute("data-story") === s) && (!a || r.getAttribute("data-attr") === a);
        if (ok && k) {
          if (k === "any") { ok = kinds.indexOf("none") < 0; } else { ok = kinds.indexOf(k) >= 0; }
        }
        if (ok && q) { ok = r.textContent.toLowerCase().indexOf(q) >= 0; }
        r.hidden = !ok;
        if (ok) { shown++; }
      });
      if (count) { count.textContent = shown + " of " + rows.length + " claims"; }
      if (empty) { empty.hidden = shown !== 0; }
    };
    [text, story, attr, kind].forEach(function (el) {
      if (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); }
    });
    apply();
  }
  body.setAttribute("data-charts", String(document.querySelectorAll("svg.chart").length));
  body.setAttribute("data-ok", "1");
}());
""".strip()


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = ("default-src 'none'; " f"style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
       "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")


# ---------------------------------------------------------------------------------------------
# the page


def render_html(report: Report, *, title: str | None = None) -> str:
    """The report as one self-contained HTML page (a ``str``; write it with UTF-8)."""
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    findings = sorted(report.findings, key=lambda f: SEVERITY.get(f.kind, 9))  # stable: keeps the report's order

    roles: dict[str, str] = {}
    kinds_of: dict[str, set[str]] = defaultdict(set)
    consensus_of: dict[str, object] = {}
    for f in findings:
        for cid in f.claims:
            kinds_of[cid].add(f.kind)
        if f.kind in ("conflict", "date") and f.claims:
            out_ids, ok_ids = _finding_roles(f, claims)
            for cid in ok_ids:
                roles.setdefault(cid, "ok")
            for cid in out_ids:
                roles[cid] = "out"
            cons = next((claims[c].value for c in ok_ids if claims[c].text == f.suggestion), None)
            if cons is None and ok_ids:
                cons = claims[ok_ids[0]].value
            consensus_of[f.id] = cons

    for f in findings:  # a misdated page's relative dates are off with it (crosscheck leaves them out)
        if f.kind == "date" and f.attribute == PUBLISHED and not f.claims:
            for c in report.claims:
                if c.doc in f.docs[:1] and c.unit == "date":
                    roles.setdefault(c.id, "out")

    groups = chart_groups(report)
    key_of_claim = {c.id: k for k, cs in groups.items() for c in cs}
    drawn: set[ChartKey] = set()
    finding_chart: dict[int, str] = {}
    for n, f in enumerate(findings, 1):
        key = next((key_of_claim[c] for c in f.claims if c in key_of_claim), None)
        if key is not None and key not in drawn:
            drawn.add(key)
            finding_chart[n] = _claim_chart(key, groups[key], docs, roles, consensus_of.get(f.id))
        elif f.attribute == PUBLISHED and f.docs and not f.claims:
            finding_chart[n] = _published_chart(story_of(f.docs[0]), report, f.docs[0], f.suggestion)

    kinds = Counter(f.kind for f in report.findings)
    claims_per_doc = Counter(c.doc for c in report.claims)
    findings_per_doc = Counter(d for f in report.findings for d in dict.fromkeys(f.docs))
    stories = list(dict.fromkeys(story_of(d.id) for d in report.documents if story_of(d.id)))
    page_title = title if title is not None else "claimcheck report"

    parts: list[str] = []
    parts.append(f"<header><h1>{esc(page_title)}</h1>")
    parts.append(f'<p class="summary" id="summary">{esc(summary_line(report))}</p>')
    stats = [("documents", len(report.documents), ""), ("claims", len(report.claims), ""),
             ("findings", len(report.findings), "")]
    stats += [(k + ("s" if kinds[k] != 1 else ""), kinds[k], f"k-{k}") for k in KINDS if kinds[k]]
    parts.append('<ul class="stats">' + "".join(
        f'<li class="{cls}"><b>{v}</b>{esc(label)}</li>' if cls else f"<li><b>{v}</b>{esc(label)}</li>"
        for label, v, cls in stats) + "</ul>")
    if len(report.stories) > 1:  # the stories checked, each with its documents (check --stories)
        parts.append('<p class="muted">Stories, each checked on its own:</p><ul class="muted stories">' + "".join(
            f"<li>{esc(line)}</li>" for line in story_lines(report)) + "</ul>")
    elif stories:
        parts.append('<p class="muted">Stories: ' + ", ".join(f"<code>{esc(s)}</code>" for s in stories) + "</p>")
    parts.append('<nav class="toc"><a href="#findings">Findings</a><a href="#figures">Figures by source</a>'
                 + ('<a href="#timelines">Timelines</a>' if report.timelines else "")
                 + ('<a href="#single-source">Single-source figures</a>' if report.single_source else "")
                 + '<a href="#claims">Claims</a><a href="#documents">Documents</a>'
                 + ('<a href="#warnings">Warnings</a>' if report.warnings else "") + "</nav></header>")

    # findings, by story
    parts.append('<section id="findings"><h2>Findings</h2>')
    if not findings:
        parts.append("<p>No disagreements found.</p>")
    numbered = list(enumerate(findings, 1))
    for story, group in _group_by_story(numbered, lambda nf: finding_story(nf[1])):
        if story:
            parts.append(f'<h2 class="story">Story <code>{esc(story)}</code> · {len(group)} '
                         f"finding{'s' if len(group) != 1 else ''}</h2>")
        elif stories:
            parts.append('<h2 class="story">Other findings</h2>')
        for n, f in group:
            parts.append(_finding_section(f, n, claims, docs, roles, finding_chart.get(n, ""), report))
    parts.append("</section>")

    # the other charts
    rest = [(k, cs) for k, cs in groups.items() if k not in drawn]
    parts.append('<section id="figures"><h2>Figures by source</h2>')
    if drawn:
        parts.append(f'<p class="muted">{len(drawn)} chart{"s" if len(drawn) != 1 else ""} shown with the findings '
                     "above. ")
    else:
        parts.append('<p class="muted">')
    parts.append(f"{len(rest)} other figure{'s' if len(rest) != 1 else ''} reported by two or more sources, "
                 "one dot per source on a shared axis (hover a dot for the wording).</p>")
    if rest:
        parts.append(f"<details><summary>Show the {len(rest)} other chart{'s' if len(rest) != 1 else ''}</summary>")
        for story, items in _group_by_story(rest, lambda kc: kc[0][0]):
            if story:
                parts.append(f'<h2 class="story">Story <code>{esc(story)}</code></h2>')
            elif stories:
                parts.append('<h2 class="story">Other documents</h2>')
            parts.append('<div class="charts">')
            for key, cs in items:
                _, subject, attribute, unit = key
                n_docs = len({c.doc for c in cs})
                parts.append(f'<figure class="chart-card"><figcaption>{esc(subject)} · '
                             f"{esc(attribute_name(attribute))}"
                             + (f' <span class="muted">({esc(unit)})</span>' if unit and unit != "date" else "")
                             + f' <span class="muted">· {n_docs} sources</span></figcaption>'
                             + _claim_chart(key, cs, docs, roles, compact=True) + "</figure>")
            parts.append("</div>")
        parts.append("</details>")
    parts.append("</section>")

    if report.timelines:
        parts.append('<section id="timelines"><h2>Timelines</h2><p class="muted">Figures of one subject at different '
                     'moments: a sequence, not a conflict.</p><ul>'
                     + "".join(f"<li>{esc(timeline_line(t))}</li>" for t in report.timelines) + "</ul></section>")
    if report.single_source:
        parts.append('<section id="single-source"><h2>Single-source figures</h2>'
                     f"{_single_source_table(report, claims)}</section>")
    parts.append(f'<section id="claims"><h2>Claims</h2>{_claims_table(report, kinds_of, roles)}</section>')
    parts.append('<section id="documents"><h2>Documents</h2>'
                 f"{_documents_table(report, claims_per_doc, findings_per_doc)}</section>")
    if report.warnings:
        parts.append('<section id="warnings"><h2>Warnings</h2><ul class="warnings">'
                     + "".join(f"<li>{esc(w)}</li>" for w in report.warnings) + "</ul></section>")
    parts.append(f"<footer>Generated by claimcheck · report schema version {esc(report.schema_version)} · "
                 "self-contained page: no scripts, fonts or images are loaded from anywhere.</footer>")

    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="generator" content="claimcheck">\n'
            f"<title>{esc(page_title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(parts)
            + f"\n</main>\n<script>{JS}</script>\n</body>\n</html>\n")


def render_summary_html(report: Report) -> str:
    """A compact, inert HTML summary of a report (what a notebook shows for a ``Report``)."""
    from claimcheck.report.table import no_findings_note

    head = (f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}, "
            f"{plural(len(report.findings), 'finding')}, {len(report.single_source):,} single-source")
    rows = "".join(
        f"<tr><td>{esc(f.kind)}</td><td>{esc(f.verdict)}</td><td>{esc(f.subject or '')}</td>"
        f"<td>{esc(attribute_name(f.attribute) if f.attribute else '')}</td><td>{esc(f.message)}</td>"
        f"<td style=\"text-align:right\">{f.confidence:.2f}</td></tr>" for f in report.findings)
    table = ("<table><thead><tr><th>kind</th><th>verdict</th><th>subject</th><th>attribute</th><th>message</th>"
             f"<th>confidence</th></tr></thead><tbody>{rows}</tbody></table>") if report.findings else \
        f"<p>{esc(no_findings_note(report))}</p>"
    warnings = "".join(f"<li>{esc(w)}</li>" for w in report.warnings)
    return (f"<div class=\"claimcheck-report\"><p><b>claimcheck</b>: {esc(head)}</p>{table}"
            + (f"<details><summary>{plural(len(report.warnings), 'warning')}</summary><ul>{warnings}</ul></details>"
               if warnings else "") + "</div>")
