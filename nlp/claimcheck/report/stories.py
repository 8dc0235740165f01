"""What every report format words the same way: story prefixes of document ids (a multi-story run names
documents ``story/doc``), counts of things, and values with their unit and qualifier."""

from __future__ import annotations

from claimcheck.schema import Finding, Report, Timeline


def story_of(doc_id: str) -> str:
    """'arm-ipo-2023/blog' → 'arm-ipo-2023'; '' for ids without a story prefix."""
    return doc_id.split("/", 1)[0] if "/" in doc_id else ""


def short_id(doc_id: str) -> str:
    """'arm-ipo-2023/blog' → 'blog'."""
    return doc_id.split("/", 1)[1] if "/" in doc_id else doc_id


def finding_story(finding: Finding) -> str:
    """The story of a finding: that of its first document (or of its id)."""
    return story_of(finding.docs[0]) if finding.docs else story_of(finding.id)


def story_lines(report: Report, limit: int = 6) -> list[str]:
    """One line per story of a report that checked several ("1-arm-ipo: 2 documents (blog, wire); cluster: arm,
    ipo"): which documents were checked together. None for a one-story report."""
    if len(report.stories) < 2:
        return []
    out = []
    for s in report.stories:
        names = [short_id(d) for d in s.docs[:limit]] + (["…"] if len(s.docs) > limit else [])
        line = f"{s.name}: {plural(len(s.docs), 'document')} ({', '.join(names)})"
        if s.how == "cluster" and s.keywords:
            line += f"; shared: {', '.join(s.keywords)}"
        out.append(line)
    return out


def plural(n: int, word: str, words: str | None = None) -> str:
    """"1 document", "2 documents" (every report format words counts through this)."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


#: how a claim's qualifier is shown before its value (a range shows its value; its bounds are in low/high)
QUALIFIER_SIGN = {"approx": "≈ ", "at_least": "≥ ", "at_most": "≤ ", "range": "", "exact": ""}


def format_value(value: object, unit: str | None, qualifier: str | None = None, *, compact: bool = False) -> str:
    """7500000000 USD → '7,500,000,000 USD' (``compact``: '7.5bn USD'); 1 percent → '1%'; counts and dates bare;
    a qualifier as its sign ('≥ 7,500,000,000 USD'); None → ''."""
    sign = QUALIFIER_SIGN.get(qualifier or "exact", "")
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (int, float)):
        number = _compact_number(value) if compact else f"{value:,}"
        if unit == "percent":
            return f"{sign}{number}%"
        if unit in (None, "count", "date"):
            return f"{sign}{number}"
        return f"{sign}{number} {unit}"
    return f"{sign}{value}"


def _compact_number(x: float) -> str:
    """4870000000 → '4.87bn', 1234567 → '1.235m', 25000 → '25,000': up to four significant digits past a million."""
    for limit, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(x) >= limit:
            return f"{x / limit:.4g}{suffix}"
    return f"{x:,}"


def timeline_line(t: Timeline) -> str:
    """'Lumen valuation: almost $60bn at the open (a) → more than $65bn at the close (b, c)' — every report
    format writes a timeline this way."""
    from claimcheck.crosscheck import point_words
    from claimcheck.vocabulary import attribute_name

    what = f"{t.subject} {attribute_name(t.attribute)}" + (f" ({t.period})" if t.period else "") + (
        f", {t.scope}" if t.scope else "")
    return what + ": " + " → ".join(point_words(p, short_id) for p in t.points)
