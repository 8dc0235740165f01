"""Percentages: "1%", "80 per cent", "2 percentage points", "10-12%", "a third", "one in 12"."""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import (FRACTION_DENOMINATORS, FRACTION_NUMERATORS, MAX_CONTEXT, MAX_TEXT, NumToken, Quantity,
                      expand_fractions, expand_two_way, scan_numbers, to_py, total)
from .qualifiers import interval, prefix_qualifier, qualify, range_pair, strip_qualifier

__all__ = ["normalize_percent"]

_PP_RE = re.compile(
    r"\s?-?\s?(?:percentage[\s-]+points?|per\s?cent(?:age)?[\s-]+points?|percent[\s-]+points?"
    r"|%[\s-]*points?|%[\s-]*pts?|pct\.?\s?(?:pts?|points?)|ppts?|pp)(?![A-Za-z])",
    re.I,
)
_BP_RE = re.compile(r"\s?-?\s?(?:basis[\s-]+points?|bps|bp)(?![A-Za-z])", re.I)
#: also hyphened onto the figure, as the wire writes a modifier: "a 51-pct owned unit", "a 5.4-pct stake"
_PCT_RE = re.compile(r"(?:\s?|\s?-\s?)(?:%|\uff05|per\s?cent|percent|pct|pc)(?![A-Za-z])", re.I)
_PCT_UNIT = r"(?:%|\uff05|per\s?cent|percent|pct|pc|percentage\s+points?|basis\s+points?|bps|pp)"

_UP = (
    r"rose|rise|rises|risen|rising|up|increase|increased|increases|increasing|grew|grow|grows|grown|growing"
    r"|gain|gained|gains|jump|jumped|jumps|surge|surged|surges|climb|climbed|climbs|soar|soared|soars"
    r"|rocketed|boost|boosted|higher|advance|advanced|expand|expanded|expands|added|spiked|rallied"
    r"|widened|improved|raise|raised|hike|hiked|growth|rise of|increase of"
)
_DOWN = (
    r"fell|fall|falls|fallen|falling|down|drop|dropped|drops|decline|declined|declines|declining"
    r"|decrease|decreased|decreases|dip|dipped|slump|slumped|slumps|plunge|plunged|plummeted|tumble"
    r"|tumbled|slid|slide|sank|sink|shrank|shrunk|shrink|shrinks|lost|lose|cut|lower|contracted"
    r"|contract|slipped|slip|eased|reduce|reduced|narrowed|retreated|decline of|drop of|fall of"
)
# "rose 5%", "rose by 5%", "a rise of 5%", "cut rates by 0.25 percentage point"
_UP_RE = re.compile(rf"(?:^|[^a-z])(?:{_UP})(?:\s+(?:by|of)|(?:\s+[a-z']+){{1,2}}\s+by)?\s*$", re.I)
_DOWN_RE = re.compile(rf"(?:^|[^a-z])(?:{_DOWN})(?:\s+(?:by|of)|(?:\s+[a-z']+){{1,2}}\s+by)?\s*$", re.I)
_UP_AFTER_RE = re.compile(
    r"^\s*(?:-\s*)?(?:rise|increase|gain|jump|growth|hike|surge|climb|uplift|improvement|year-on-year rise)\b", re.I
)
_DOWN_AFTER_RE = re.compile(
    r"^\s*(?:-\s*)?(?:drop|decline|fall|decrease|cut|reduction|slump|plunge|dip|contraction)\b", re.I
)
_OWNS_RE = re.compile(
    r"(?:^|[^a-z])(?:owns?|owned|owning|holds?|held|holding|controls?|controlled|acquired|bought|buys?|sold|sells?"
    r"|took|takes?|raised|cut)(?:\s+(?:a|an|its|their|the|his|her))?\s*$",
    re.I,
)
_SHARE_AFTER_RE = re.compile(r"^\s*(?:of|stake|share|holding|interest|ownership|owned|majority)\b", re.I)

_DENOMS = FRACTION_DENOMINATORS
_NUMERATORS = FRACTION_NUMERATORS
_FRACTION_RE = re.compile(
    r"(?<![A-Za-z])(?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|[1-9])[\s\-\u2010\u2011]+)?"
    r"(?P<den>halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![A-Za-z])",
    re.I,
)
_NOT_BEFORE_HALF = {"first", "second", "1st", "2nd", "the", "latter", "former", "back", "front", "other", "this",
                    "that"}
_IN_RE = re.compile(r"\s+(?:in|out\s+of|of\s+every)\s+(?:every\s+)?", re.I)


def _marker(text: str, pos: int) -> tuple[str, Decimal, int] | None:
    """The percent marker right after position ``pos``: (unit, factor, end)."""
    for rx, unit, factor in (
        (_PP_RE, "percentage_points", Decimal(1)),
        (_BP_RE, "percentage_points", Decimal("0.01")),
        (_PCT_RE, "percent", Decimal(1)),
    ):
        m = rx.match(text, pos)
        if m:
            return unit, factor, m.end()
    return None


def _kind(prefix: str, after: str) -> str:
    p = strip_qualifier(prefix)
    if _UP_RE.search(p) or _UP_AFTER_RE.search(after):
        return "growth"
    if _DOWN_RE.search(p) or _DOWN_AFTER_RE.search(after):
        return "decline"
    if _SHARE_AFTER_RE.search(after) or re.search(r"\bstake\b", prefix, re.I) or _OWNS_RE.search(p):
        return "share"
    return ""


def _negative(prefix: str) -> bool:
    return re.search(r"(?:^|[\s(:=])(?:[-\u2212]|minus|negative)\s?$", prefix, re.I) is not None


_OF_A_POINT = re.compile(r"\s+(?:of\s+)?an?\s+(?:percentage|pct|per\s?cent(?:age)?)\s+points?\b", re.I)
#: a point of a rate written without "percentage" ("a further 1/4 point cut", "a half-point rise in base rates",
#: "5/8 point over Libor"): right after the number or the fraction word
_BARE_POINT = re.compile(r"[\s-]+(?:of\s+)?(?:an?\s+)?points?\b", re.I)
#: ... but not the points of a price: a share's ("its stock was up 1-1/8 points"), a bond's ("bond prices ended
#: 1/2 point lower"), an index's or a futures contract's
_PRICE_POINTS_BEFORE = re.compile(
    r"\b(?:stocks?|shares?|equity|equities|bonds?|gilts?|notes|treasur(?:y|ies)|prices?|index|indices|"
    r"average|dow|nikkei|ftse|futures|contracts?|market|traded|trading|opened|closed)\b",
    re.I)
#: the largest change of a rate that a bare "point" is read as (index and price moves run larger); a whole number
#: only as "points" (a fraction of a point is a rate's: "1/4 point", "0.75 point")
_MAX_BARE_POINTS = 5


def _rate_points(text: str, end: int, prefix: str) -> re.Match[str] | None:
    """The bare "point(s)" after position ``end`` when they are percentage points of a rate: the span is a
    percentage (the NER says so) and nothing before it in its sentence names a price, a share or an index."""
    m = _BARE_POINT.match(text, end)
    if m is None:
        return None
    return None if _PRICE_POINTS_BEFORE.search(prefix[-80:]) else m


def _fraction(text: str, left: str) -> Quantity | None:
    toks = [t for t in scan_numbers(text) if not t.ordinal and not t.leading_zero]
    # "one in 12", "1 in 5", "nine out of 10"
    for a, b in zip(toks, toks[1:]):
        if _IN_RE.fullmatch(text, a.end, b.start) and a.value > 0 and b.value >= a.value:
            if a.value != a.value.to_integral_value() or b.value != b.value.to_integral_value():
                continue
            return _share(a.value / b.value, left + " " + text[: a.start], text[b.end :])
    for m in _FRACTION_RE.finditer(text):
        num_word, den_word = m.group("num"), m.group("den").lower()
        if num_word is None:
            if den_word != "half":
                continue
            before = re.findall(r"[A-Za-z0-9]+", (left + " " + text[: m.start()])[-30:])
            if before and before[-1].lower() in _NOT_BEFORE_HALF:
                continue
            num = 1
        else:
            num = int(num_word) if num_word.isdigit() else _NUMERATORS[num_word.lower()]
        den = _DENOMS[den_word]
        if num >= den:
            continue
        if den_word.endswith("s") and num == 1 and den_word != "halves":
            continue  # "one thirds" is not English
        points = _OF_A_POINT.match(text, m.end()) or _rate_points(text, m.end(), left + " " + text[: m.start()])
        if points is not None:  # "half a percentage point", "a half-point cut": a fraction of one point
            value = to_py(Decimal(num) / Decimal(den), 3)
            assert value is not None
            q = prefix_qualifier(left + " " + text[: m.start()]) or "exact"
            lo, hi = interval(value, 0, q)
            return Quantity(value, "percentage_points", q, lo, hi,
                            _kind(left + " " + text[: m.start()], text[points.end():]))
        return _share(Decimal(num) / Decimal(den), left + " " + text[: m.start()], text[m.end() :])
    return None


#: "... of one pct", "... of a percentage point": the fraction before it is the figure
_OF_ONE = re.compile(r"\s+of\s+(?:one|an?|1)(?=\s+(?:percentage|pct|per\s?cent|percent)\b|\s?%)", re.I)
_SLASH_FRACTION = re.compile(r"(?<![\d.])(\d{1,2})/(\d{1,3})\s*$")


def _of_one(text: str, left: str) -> Quantity | None:
    """A fraction of one percent or of one point: "less than 1/10 of one pct" (0.1 percent at most), "half of one
    percent", "7/8 of a percentage point" - not one percent, as the last number alone reads."""
    m = _OF_ONE.search(text)
    if m is None:
        return None
    mk = _marker(text, m.end())
    if mk is None:
        return None
    head = text[: m.start()]
    ratio: Decimal | None = None
    start = len(head)
    if (f := _SLASH_FRACTION.search(head)) and int(f.group(2)) > 0:
        ratio, start = Decimal(f.group(1)) / Decimal(f.group(2)), f.start()
    else:
        words = [w for w in _FRACTION_RE.finditer(head) if not head[w.end():].strip()]
        if words:
            w = words[-1]
            num_word = w.group("num")
            num = 1 if num_word is None else int(num_word) if num_word.isdigit() else _NUMERATORS[num_word.lower()]
            ratio, start = Decimal(num) / Decimal(_DENOMS[w.group("den").lower()]), w.start()
        else:
            toks = [t for t in scan_numbers(head) if not head[t.end:].strip()]
            if toks:
                ratio, start = toks[-1].value, toks[-1].start
    if ratio is None or not 0 < ratio < 1:
        return None
    unit, factor, end = mk
    prefix, after = left + " " + head[:start], text[end:]
    value = to_py(ratio * factor, 6)
    if value is None:
        return None
    q = qualify(prefix, after)
    lo, hi = interval(value, 0, q)
    return Quantity(value, unit, q, lo, hi, _kind(prefix, after))


def _share(ratio: Decimal, prefix: str, after: str) -> Quantity:
    value = to_py(ratio * 100, 3)
    assert value is not None  # a fraction below one, in percent: a finite number
    q = prefix_qualifier(prefix) or "approx"
    lo, hi = interval(value, 0, q)
    return Quantity(value, "percent", q, lo, hi, "share")


#: what stands between the two sides of a money-market quote: a space or a comma ("10 9-7/8", "six, 5-1/2")
_QUOTE_GAP = re.compile(r"\s*,?[ \t]+")


def _two_way_quote(a: Decimal, b: Decimal) -> tuple[Decimal, Decimal] | None:
    """The (low, high) of a rate quoted offer and bid side by side, as the wire writes deposit rates: both in full
    and less than a point apart ("10 9-7/8", "7-7/8 eight", "six, 5-1/2"), or the second as the fraction that
    replaces the first's ("6-1/2, 1/4" is 6-1/2 and 6-1/4; "10-9/16 7/16"). None for anything else."""
    if a <= 0 or b <= 0 or a == b:
        return None
    if b < 1 <= a and a != a.to_integral_value(rounding="ROUND_FLOOR"):
        b = a.to_integral_value(rounding="ROUND_FLOOR") + b
    elif b < 1 or abs(a - b) >= 1:
        return None
    return (min(a, b), max(a, b)) if a != b else None


@total(None)
def normalize_percent(text: str, left_context: str = "") -> Quantity | None:
    """A PERCENT span -> ``Quantity(value, "percent" | "percentage_points", ...)``.

    Values are as written ("fell 5%" is 5 with kind "decline"; only an explicit
    minus sign gives a negative value).  Basis points become percentage points
    (200bp -> 2).  Fractions ("a third", "half", "two-thirds", "one in 12") are
    shares in percent, qualifier "approx" unless a qualifier says otherwise.
    A number with no percent marker gives None.
    """
    if not isinstance(text, str) or not isinstance(left_context, str):
        return None
    text = expand_fractions(text[:MAX_TEXT])  # newswire rates: "8-3/4 pct" is 8.75
    text = expand_two_way(text, descending=True)  # a deposit rate quoted offer/bid: "4.50/43 pct"
    left = left_context[-MAX_CONTEXT:]
    of_one = _of_one(text, left)
    if of_one is not None:
        return of_one
    toks: list[NumToken] = [t for t in scan_numbers(text) if not t.ordinal and not t.leading_zero]
    for i, t in enumerate(toks):
        prefix = left + " " + text[: t.start]
        mk = _marker(text, t.end)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        mk2 = _marker(text, nxt.end) if nxt is not None else None
        if nxt is not None and mk2 is not None and (mk is None or mk[0] == mk2[0]) and _negative(prefix):
            # "-5% to 3%", "-5% to -3%": signed bounds
            gap = text[t.end : nxt.start]
            m = re.fullmatch(
                rf"\s*(?:{_PCT_UNIT})?\s*(?:to|and|\u2013|\u2014)\s*(?P<neg>[-\u2212]|minus\s)?\s*", gap, re.I
            )
            if m is not None:
                unit, factor, end = mk2
                low = -t.value * factor
                high = nxt.value * factor * (-1 if m.group("neg") else 1)
                if low <= high:
                    kind = _kind(prefix, text[end:])
                    mid = to_py((low + high) / 2, 6)
                    if mid is None:
                        return None
                    return Quantity(mid, unit, "range", to_py(low, 6), to_py(high, 6), kind)
        if nxt is not None and mk is None and mk2 is not None and _QUOTE_GAP.fullmatch(text, t.end, nxt.start):
            quote = _two_way_quote(t.value, nxt.value)
            if quote is not None:  # "10 9-7/8 pct", "six, 5-1/2 pct", "6-1/2, 1/4 pct": offer and bid
                unit, factor, end = mk2
                low, high = quote[0] * factor, quote[1] * factor
                mid = to_py((low + high) / 2, 6)
                if mid is None:
                    return None
                return Quantity(mid, unit, "range", to_py(low, 6), to_py(high, 6), _kind(prefix, text[end:]))
        if nxt is not None and mk2 is not None and (mk is None or mk[0] == mk2[0]):
            r = range_pair(text, t, nxt, prefix, _PCT_UNIT)
            if r is not None:
                unit, factor, end = mk2
                low, high, _ = r
                low, high = low * factor, high * factor
                kind = _kind(prefix, text[end:])
                mid = to_py((low + high) / 2, 6)
                if mid is None:
                    return None
                return Quantity(mid, unit, "range", to_py(low, 6), to_py(high, 6), kind)
        if mk is None:
            bare = _rate_points(text, t.end, prefix)
            if bare is None or not 0 < t.value <= _MAX_BARE_POINTS:
                continue
            if t.value == t.value.to_integral_value() and not bare.group(0).lower().endswith("points"):
                continue  # a whole "five point" is a modifier ("a five point plan", "five point spreads")
            mk = ("percentage_points", Decimal(1), bare.end())  # "a further 1/4 point cut", "one point lower"
        unit, factor, end = mk
        sign = -1 if _negative(prefix) else 1
        value = t.value * factor * sign
        step = t.step * factor
        after = text[end:]
        q = qualify(prefix, after)
        v = to_py(value, 6)
        if v is None:
            return None
        lo, hi = interval(v, to_py(step, 6), q)
        return Quantity(v, unit, q, lo, hi, _kind(prefix, after))
    return _fraction(text, left)
