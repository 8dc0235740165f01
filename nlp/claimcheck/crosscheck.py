"""Cross-checking: group claims about the same thing, compare, report findings.

Claims are grouped by (canonical subject, attribute, period, scope, unit): two
companies' revenue shares, a Xinjiang share and an overseas share, figures for
different years, or HK$ and US$ figures are never compared. Inside a group every
claim is an interval ("more than $7.5 billion" = [7.5bn, ∞), "$7.5 billion" =
[7.45bn, 7.55bn]); two sources agree when their intervals overlap. The figure
most sources agree on is the consensus; a source none of whose figures meets it
is reported, with the likely kind of slip (digit transposition, a dropped zero,
million/billion) when the numbers show one. Disagreeing dates are ``date``
findings, as are publication dates that do not fit the other sources.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from datetime import date
from typing import Iterable

from claimcheck.resolve.entities import name_key
from claimcheck.resolve.typos import TypoCandidate
from claimcheck.schema import Claim, Document, Finding

DATE_ATTRIBUTES = {"listing_date", "event_date"}
ATTRIBUTE_NAMES = {"ipo_proceeds": "IPO proceeds", "ipo_price": "IPO price", "revenue_share": "revenue share",
                   "revenue_growth": "revenue growth", "profit_growth": "profit growth", "listing_date": "listing date",
                   "event_date": "date", "deal_value": "deal value", "share_price_change": "share price change",
                   "published": "publication date"}
PUBLISHED_TOLERANCE_DAYS = 180


def _bounds(c: Claim) -> tuple[object, object]:
    low, high = c.low, c.high
    if c.qualifier == "at_least":
        return (low if low is not None else c.value), None
    if c.qualifier == "at_most":
        return None, (high if high is not None else c.value)
    return (low if low is not None else c.value), (high if high is not None else c.value)


def overlaps(a: Claim, b: Claim) -> bool:
    (al, ah), (bl, bh) = _bounds(a), _bounds(b)
    try:
        if al is not None and bh is not None and al > bh:
            return False
        if bl is not None and ah is not None and bl > ah:
            return False
    except TypeError:  # a date against a number: not comparable, so not a disagreement
        return True
    return True


def group_key(c: Claim) -> tuple:
    return (name_key(c.subject), c.attribute, c.period, (c.scope or "").casefold(), c.unit)


def slip_kind(found: object, expected: object) -> str | None:
    """Name the likely slip between two figures: transposition, dropped/extra zero, million/billion."""
    if not isinstance(found, (int, float)) or not isinstance(expected, (int, float)) or not found or not expected:
        return None
    ratio = found / expected
    for r, what in ((10, "an extra zero or a misplaced decimal point"), (0.1, "a dropped digit or zero"),
                    (100, "two extra zeros"), (0.01, "two dropped zeros"),
                    (1000, "thousand/million or million/billion mixed up"),
                    (0.001, "billion/million or million/thousand mixed up")):
        if abs(ratio / r - 1) < 1e-6:
            return what
    fd, ed = _digits(found), _digits(expected)
    if len(fd) == len(ed) and fd != ed and sorted(fd) == sorted(ed):
        diff = [i for i in range(len(fd)) if fd[i] != ed[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return "a digit transposition"
    return None


def _digits(x: float) -> str:
    return re.sub(r"[^1-9]", "", f"{x:.6g}".split("e")[0]).rstrip("0") or "0"


def _doc_list(docs: Iterable[str]) -> str:
    docs = list(dict.fromkeys(docs))
    return ", ".join(docs[:-1]) + (" and " if len(docs) > 1 else "") + docs[-1] if docs else ""


def compare_group(claims: list[Claim], next_id) -> Finding | None:
    """A finding when the sources in one group disagree, else None."""
    docs = sorted({c.doc for c in claims})
    if len(docs) < 2:
        return None
    support = {c.id: {o.doc for o in claims if overlaps(c, o)} for c in claims}
    consensus = max(claims, key=lambda c: (len(support[c.id]), c.confidence, -len(c.id)))
    agreeing_docs = support[consensus.id]
    outliers = [c for c in claims if c.doc not in agreeing_docs]
    if not outliers:
        return None
    outlier_docs = sorted({c.doc for c in outliers})
    kind = "date" if consensus.attribute in DATE_ATTRIBUTES else "conflict"
    majority = len(agreeing_docs) >= 2 and len(agreeing_docs) > len(outlier_docs)
    verdict = "Refuted" if majority else "Conflicting Evidence/Cherrypicking"
    worst = outliers[0]
    slip = slip_kind(worst.value, consensus.value)
    subject, attribute = consensus.subject, ATTRIBUTE_NAMES.get(consensus.attribute, consensus.attribute.replace("_", " "))
    if consensus.attribute == "count":
        what = f"the number of {consensus.scope or 'items'} ({subject})"
    else:
        what = f"{subject} {attribute}" + (f" ({consensus.period})" if consensus.period else "") + \
            (f" from {consensus.scope}" if consensus.scope else "")
    message = (f"{_doc_list(outlier_docs)} {'says' if len(outlier_docs) == 1 else 'say'} {worst.text} for {what}; "
               f"{_doc_list(sorted(agreeing_docs))} {'says' if len(agreeing_docs) == 1 else 'say'} {consensus.text}")
    message += f" — likely {slip}." if slip else "."
    involved = outliers + [c for c in claims if c.doc in agreeing_docs and overlaps(c, consensus)]
    confidence = sum(c.confidence for c in involved) / len(involved)
    confidence *= 0.95 if majority else 0.7
    if slip:
        confidence = min(1.0, confidence + 0.05)
    return Finding(
        id=next_id(), kind=kind, verdict=verdict, subject=subject, attribute=consensus.attribute,
        claims=[c.id for c in involved], docs=outlier_docs + sorted(agreeing_docs - set(outlier_docs)),
        message=message, found=worst.text, suggestion=consensus.text, confidence=round(confidence, 2),
    )


def published_date_findings(documents: list[Document], next_id) -> list[Finding]:
    dated = [(d.id, d.published) for d in documents if d.published is not None]
    findings = []
    for doc_id, published in dated:
        others = [p for i, p in dated if i != doc_id]
        if len(others) < 2:
            continue
        middle = date.fromordinal(int(statistics.median(p.toordinal() for p in others)))
        gap = (published - middle).days
        if abs(gap) <= PUBLISHED_TOLERANCE_DAYS:
            continue
        years = abs(gap) / 365.25
        span = f"about {round(years)} year{'s' if round(years) != 1 else ''}" if years >= 0.75 else f"{abs(gap)} days"
        findings.append(Finding(
            id=next_id(), kind="date", verdict="Refuted", subject=None, attribute="published",
            claims=[], docs=[doc_id],
            message=(f"{doc_id} is dated {published.isoformat()}, {span} {'before' if gap < 0 else 'after'} "
                     f"the other sources on this story (around {middle.isoformat()}); "
                     f"its date line is probably wrong, and its relative dates with it."),
            found=published.isoformat(), suggestion=middle.isoformat(), confidence=0.8,
        ))
    return findings


def typo_findings(typos: list[TypoCandidate], next_id) -> list[Finding]:
    return [Finding(
        id=next_id(), kind="typo", verdict="Refuted", subject=t.suggestion, attribute=None, claims=[],
        docs=list(t.docs),
        message=(f"'{t.found}' in {_doc_list(t.docs)} looks like a misspelling of '{t.suggestion}', "
                 f"the form {t.suggestion_docs} other sources use."),
        found=t.found, suggestion=t.suggestion, confidence=t.confidence,
    ) for t in typos]


SEVERITY = {"conflict": 0, "date": 1, "typo": 2}


def crosscheck(documents: list[Document], claims: list[Claim], typos: list[TypoCandidate]) -> list[Finding]:
    """All findings for a set of documents about one story (or several)."""
    counter = iter(range(1, 1_000_000))

    def next_id() -> str:
        return f"f{next(counter)}"

    findings = published_date_findings(documents, next_id)
    misdated = {f.docs[0] for f in findings}
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.attribute in DATE_ATTRIBUTES and c.doc in misdated:
            continue  # relative dates of a misdated page are already explained by its date finding
        groups[group_key(c)].append(c)
    for key in sorted(groups, key=lambda k: tuple("" if x is None else str(x) for x in k)):
        finding = compare_group(groups[key], next_id)
        if finding is not None:
            findings.append(finding)
    findings.extend(typo_findings(typos, next_id))
    findings.sort(key=lambda f: (SEVERITY[f.kind], -f.confidence, int(f.id[1:])))
    return [f.model_copy(update={"id": f"f{i}"}) for i, f in enumerate(findings, 1)]
