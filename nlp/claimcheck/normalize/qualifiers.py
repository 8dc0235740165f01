"""Qualifiers ("more than", "about", "up to", ranges) and the interval rules."""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import MAX_TEXT, Number, NumToken, Qualifier, scan_numbers, to_decimal, to_py, total

__all__ = ["detect_qualifier", "interval", "part_frame", "QUALIFIERS"]

QUALIFIERS: tuple[Qualifier, ...] = ("exact", "approx", "at_least", "at_most", "range")

#: the share of the value an "approx" figure may be off by (at least)
APPROX_TOLERANCE = Decimal("0.025")

_APPROX = (
    "about", "around", "roughly", "nearly", "almost", "some", "approximately",
    "approx", "approx.", "an estimated", "estimated", "est.", "close to",
    "circa", "ca.", "c.", "just about", "more or less", "in the region of",
    "in the neighbourhood of", "in the neighborhood of", "give or take",
    "an approximate", "roughly about", "~", "\u2248", "getting on for",
)
_AT_LEAST = (
    "more than", "over", "at least", "above", "upwards of", "upward of",
    "in excess of", "north of", "exceeding", "greater than", "no less than",
    "no fewer than", "not less than", "not fewer than", "a minimum of",
    "at a minimum", "at minimum", "well over", "just over", "well above",
    "just above", "well in excess of", "as little as", "as few as", "beyond",
    "more than about", ">", "\u2265", ">=",
)
_AT_MOST = (
    "up to", "less than", "fewer than", "under", "below", "as much as",
    "as many as", "as high as", "no more than", "not more than", "at most",
    "at the most", "a maximum of", "at a maximum", "just under", "just below",
    "well under", "well below", "short of", "shy of", "just shy of", "south of",
    "not exceeding", "no higher than", "<", "\u2264", "<=",
)

_PHRASES: list[tuple[str, Qualifier]] = sorted(
    [(p, "approx") for p in _APPROX] + [(p, "at_least") for p in _AT_LEAST] + [(p, "at_most") for p in _AT_MOST],
    key=lambda pq: -len(pq[0]),
)

#: currency markers and similar unit tokens that may sit between a qualifier and its number
_UNIT_TAIL_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:US|U\.S\.|HK|NZ|NT|CA|Can|AU|MX|CN|JP|[ACRS])?\s?[$\uff04](?:\s?(?:US|AU|A|NZ|HK|S|C)(?![A-Za-z]))?"
    r"|[\u00a3\u20ac\u00a5\uffe5\u20b9\u20a9\u20bd\u20aa\u20b1\u20ba\u20a6\u20b4\u20ab\u0e3f\u20a1\u20be\u20ad]"
    r"|(?<![A-Za-z])(?:USD|HKD|EUR|GBP|RMB|Rmb|CNY|JPY|INR|CAD|AUD|NZD|SGD|TWD|CHF|KRW|RUB|BRL|ZAR|NIS|ILS|MYR|IDR|NOK|SEK|DKK|ISK|PLN|CZK|HUF|MXN|Rs\.?|Y=|(?-i:RM|Rp|PS|Y|R))"
    r"|[\s(\[\u2212-])\s*$"
)

_SUFFIX_RES: list[tuple[re.Pattern[str], Qualifier]] = [
    (re.compile(r"^(?:\s*-\s*|\s*)plus\b|^\s*\+", re.I), "at_least"),
    (re.compile(r"^(?:\s*-\s*|\s*)odd\b", re.I), "approx"),
    (re.compile(r"^\s*(?:[^\s\d]+\s+){0,3}?or\s+(?:so|thereabouts)\b", re.I), "approx"),
    (re.compile(r"^\s*(?:[^\s\d]+\s+){0,3}?give\s+or\s+take\b", re.I), "approx"),
    (re.compile(r"^\s*(?:[^\s\d]+\s+){0,3}?(?:or|and)\s+(?:more|above|over|higher|greater|upwards|up)\b", re.I),
     "at_least"),
    (re.compile(r"^\s*(?:[^\s\d]+\s+){0,3}?(?:or|and)\s+(?:less|fewer|below|under|lower)\b", re.I), "at_most"),
    (re.compile(r"^\s*(?:[^\s\d]+\s+){0,3}?at\s+(?:the\s+)?most\b", re.I), "at_most"),
    (re.compile(r"^\s*(?:[^\s\d]+\s+){0,3}?at\s+(?:the\s+)?(?:least|minimum)\b", re.I), "at_least"),
]

_CONNECTOR_RE = r"(?P<conn>to|through|thru|and|or|-|\u2010|\u2011|\u2012|\u2013|\u2014|\u2015)"

#: unit tokens allowed around a range connector when no caller-specific pattern is given
GENERIC_UNIT_RE = (
    r"(?:%|per\s*cent|percent|pct|(?:US|HK|C|A|S|NZ|NT)?\$|[\u00a3\u20ac\u00a5\u20b9]"
    r"|USD|HKD|EUR|GBP|RMB|CNY|JPY|INR|CAD|AUD)"
)


def strip_unit_tail(prefix: str) -> str:
    """Drop trailing currency markers, brackets and white space from ``prefix``."""
    for _ in range(8):
        m = _UNIT_TAIL_RE.search(prefix)
        if not m or m.start() == len(prefix):
            break
        prefix = prefix[: m.start()]
    return prefix


def prefix_qualifier(prefix: str) -> Qualifier | None:
    """The qualifier a phrase ending right before a number carries, if any."""
    p = " ".join(strip_unit_tail(prefix[-MAX_TEXT:]).split()).lower()
    for phrase, q in _PHRASES:
        if p.endswith(phrase):
            k = len(p) - len(phrase)
            if k == 0 or not phrase[0].isalnum() or not p[k - 1].isalnum():
                return q
    return None


def strip_qualifier(prefix: str) -> str:
    """``prefix`` without a trailing qualifier phrase or currency marker."""
    p = strip_unit_tail(prefix[-MAX_TEXT:])
    low = p.lower()
    for phrase, _ in _PHRASES:
        if low.endswith(phrase):
            k = len(low) - len(phrase)
            if k == 0 or not phrase[0].isalnum() or not low[k - 1].isalnum():
                return strip_unit_tail(p[:k])
    return p


def suffix_qualifier(after: str) -> Qualifier | None:
    """"or more", "-plus", "+", "or so" and friends right after a number."""
    after = after[:60]
    for rx, q in _SUFFIX_RES:
        if rx.search(after):
            return q
    return None


def range_pair(
    text: str,
    a: NumToken,
    b: NumToken,
    prefix: str,
    unit_re: str = GENERIC_UNIT_RE,
    *,
    descending: bool = False,
) -> tuple[Decimal, Decimal, Decimal] | None:
    """If ``a`` and ``b`` form a range ("10-12", "$1.2m to $23.5m", "between 10 and 12")
    return ``(low, high, step_of_low)``; a scale written only on the second number
    applies to both ("$10-12 million").  ``prefix`` is everything before ``a``.  With
    ``descending``, a range written high end first with its unit on both ends is one too
    ("gains of 1-1/4 cents to 3/4 cent"), unless "from" makes it a change ("from 5 dlrs to 4 dlrs")."""
    if a.ordinal or b.ordinal or a.leading_zero or b.leading_zero or b.start < a.end:
        return None
    gap = text[a.end : b.start]
    if len(gap) > 40:
        return None
    m = re.fullmatch(rf"\s*(?:{unit_re}\s*)?{_CONNECTOR_RE}\s*(?:{unit_re}\s*)?", gap, re.I)
    if not m:
        return None
    conn = m.group("conn").lower()
    if conn == "and" and not re.search(r"between\s*$", strip_unit_tail(prefix).lower()):
        return None
    low, lstep = a.value, a.step
    if b.scaled and not a.scaled and a.mantissa <= b.mantissa:
        low, lstep = a.mantissa * b.scale, a.mstep * b.scale
    if low > b.value:
        unit_first = re.match(rf"\s*{unit_re}", gap, re.I) is not None
        if not (descending and unit_first and conn == "to" and not a.scaled and not b.scaled
                and not re.search(r"\bfrom\s*$", strip_unit_tail(prefix).lower())):
            return None
        return (b.value, low, b.step)
    if low == b.value and conn not in ("to", "through", "thru"):
        return None
    return (low, b.value, lstep)


@total((None, None))
def interval(value: Number, precision_step: Number, qualifier: str) -> tuple[float | None, float | None]:
    """The interval a stated figure stands for.

    * exact: ``value +- step/2``  ("$7.5 billion" -> 7.45bn..7.55bn)
    * approx: ``value +- max(step/2, 2.5% of |value|)`` ("about $200 million" -> 195m..205m)
    * at_least: ``(value, None)``; at_most: ``(None, value)``
    * range: the caller knows the bounds; here it is treated like exact.

    Integral bounds come back as ``int``.  Non-finite input gives ``(None, None)``.
    """
    v = to_decimal(value)
    s = to_decimal(precision_step)
    if v is None:
        return (None, None)
    s = abs(s) if s is not None else Decimal(0)
    if qualifier == "at_least":
        return (to_py(v), None)
    if qualifier == "at_most":
        return (None, to_py(v))
    half = s / 2
    if qualifier == "approx":
        half = max(half, abs(v) * APPROX_TOLERANCE)
    return (to_py(v - half), to_py(v + half))


def qualify(prefix: str, after: str) -> Qualifier:
    """Qualifier from the words just before a number and just after it."""
    return prefix_qualifier(prefix) or suffix_qualifier(after) or "exact"


@total("exact")
def detect_qualifier(text: str) -> Qualifier:
    """exact / approx / at_least / at_most / range, from span text plus left context.

    ``detect_qualifier("valued at more than $7.5 billion") == "at_least"``;
    ``detect_qualifier("between $10m and $12m") == "range"``.  The first number in
    the text is the one qualified; a text without numbers is read as a left
    context on its own ("more than" -> at_least).
    """
    if not isinstance(text, str):
        return "exact"
    text = text[-MAX_TEXT:]
    toks = [t for t in scan_numbers(text) if not t.ordinal]
    if not toks:
        return prefix_qualifier(text) or "exact"
    a = toks[0]
    if len(toks) > 1 and range_pair(text, a, toks[1], text[: a.start]):
        return "range"
    after = re.sub(rf"^\s*(?:{GENERIC_UNIT_RE})", "", text[a.end :], flags=re.I)
    return qualify(text[: a.start], after)


# ---------------------------------------------------------------------------------------------------------------
# Part frames: the words around a count that make it a part of something larger, or a total of stated parts.
# "his first 17 passes", "28 of 41 passes", "10 of the Saints' 16 games", "the other seven", "three more",
# "killed 230,000 people, 170,000 of them in Aceh". A count in such a frame counts a different thing than a plain
# count with the same noun and verb, so the cross-check compares it only with counts in the same frame.

_NUM_WORD = (r"(?:\d[\d,.]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
             r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
             r"hundred|thousand|million|dozen)")
#: "17 of 34", "five of the victims", "two of them", "nine of his 16": the count is a part of what follows "of"
_PART_AFTER_RE = re.compile(r"^\s*(?:out\s+)?of\s+(?:the|his|her|their|its|our|them|these|those|whom|which|"
                            + _NUM_WORD + r")\b", re.I)
#: "10 of the Saints' 16 games", "28 of 41": the count is the whole a stated part is taken from
_TOTAL_BEFORE_RE = re.compile(r"\b(?:" + _NUM_WORD + r"|most|half|some|many|several|none)\s+(?:out\s+)?of\s+"
                              r"(?:[^\s\d]+\s+){0,3}$", re.I)
#: a word right before the count that picks a part of a sequence or adds to an earlier count
_SUBSET_WORDS = {"first": "first", "opening": "first", "last": "last", "final": "last", "closing": "last",
                 "next": "next", "other": "other", "another": "other", "remaining": "other", "additional": "other",
                 "further": "other", "extra": "other", "more": "other"}
_SUBSET_BEFORE_RE = re.compile(r"\b(" + "|".join(_SUBSET_WORDS) + r")\s+$", re.I)
#: "three more", "five others": the count adds to another
_OTHER_AFTER_RE = re.compile(r"^\s*(?:more|others|other|additional)\b(?!\s+than)", re.I)
#: "including 12", "among them 4": the count is a part of one just stated
_INCLUDING_BEFORE_RE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which)\s+$", re.I)
#: right after the next number of the sentence: a part of this count ("... 170,000 of them", "... and three more")
_SPLIT_NEXT_RE = re.compile(r"^\s*(?:of\s+(?:them|whom|those|which)\b|more\b(?!\s+than))", re.I)
#: ... when at most this many words stand between the two numbers (the same clause: "killed 900 people, 600 of
#: them children"; not "fired 11 shots; the autopsy found that seven bullets hit him, three of them from behind")
_SPLIT_MAX_WORDS = 6


def part_frame(sentence: str, start: int, end: int) -> str | None:
    """The frame a count at ``sentence[start:end]`` stands in, when its words make it a part or a total of parts:

    * ``"part"``: a part of what follows or precedes it — "28 of 41 passes" (28), "five of the victims",
      "including 12 children";
    * ``"total"``: the whole of a stated part — "28 of 41 passes" (41), "10 of the Saints' 16 games" (16);
    * ``"first"`` / ``"last"`` / ``"next"``: a stretch of a sequence — "his first 17 passes", "the final 10 games";
    * ``"other"``: counted on top of another count — "the other seven", "another 20", "three more";
    * ``"split"``: a count its own sentence splits into parts — "killed 230,000 people, 170,000 of them in
      Aceh", "six touchdowns on offense and three more on punt returns";
    * ``"modifier"``: the first half of a compound — "two three-point plays", "a 20-point night" (it counts
      nothing by itself);
    * ``None``: a plain count.

    Qualifier phrases ("about", "more than") between the frame word and the number are skipped."""
    if not sentence or not 0 <= start < end <= len(sentence):
        return None
    own, before, after = sentence[start:end], sentence[:start], sentence[end:]
    if re.match(r"[-\u2010\u2011][A-Za-z]", after):
        return "modifier"  # "three-point plays", "a 9-rebound night": the number modifies another noun
    if re.search(_NUM_WORD + r"\s+(?:out\s+)?of\s+" + _NUM_WORD + r"\b", own, re.I):
        return "part"
    before = (strip_qualifier(before) if prefix_qualifier(before) else before).rstrip() + " "
    if _PART_AFTER_RE.search(after) or _INCLUDING_BEFORE_RE.search(before):
        return "part"
    if _TOTAL_BEFORE_RE.search(before):
        return "total"
    m = _SUBSET_BEFORE_RE.search(before)
    if m:
        return _SUBSET_WORDS[m[1].lower()]
    if _OTHER_AFTER_RE.search(after):
        return "other"
    later = [t for t in scan_numbers(after[:MAX_TEXT]) if not t.ordinal]
    if later and len(after[:later[0].start].split()) <= _SPLIT_MAX_WORDS + 1 \
            and _SPLIT_NEXT_RE.search(after[later[0].end:]):
        return "split"
    return None
