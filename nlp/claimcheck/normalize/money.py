"""Money: "$7.5 billion", "HK$88 billion", "RMB 376.8 billion", "376.8 billion yuan", "£600m"."""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import MAX_CONTEXT, MAX_TEXT, NumToken, Quantity, scan_numbers, to_py, total
from .qualifiers import interval, qualify, range_pair

__all__ = ["normalize_money", "CURRENCY_CODES"]

_DEFAULT = "DEFAULT"  # "$" and bare "dollars": the caller's default_currency
_CENTS = "CENTS"  # "50 cents": hundredths of the default currency
_PENCE = "PENCE"  # "50p", "50 pence": hundredths of a pound

# Written before the number ("US$7.5bn", "RMB 376.8 billion").  Order matters:
# longer markers first so that "HK$" is not read as "$".
_PRE: list[tuple[str, str]] = [
    (r"US\s?\$|U\.S\.\s?\$|\$\s?US(?![A-Za-z])|USD", "USD"),
    (r"HK\$|HKD", "HKD"),
    (r"C\$|CA\$|Can\$|CAD", "CAD"),
    (r"A\$|AU\$|AUD", "AUD"),
    (r"NZ\$|NZD", "NZD"),
    (r"S\$|SGD", "SGD"),
    (r"NT\$|TWD", "TWD"),
    (r"R\$|BRL", "BRL"),
    (r"MX\$|MXN", "MXN"),
    (r"\u00a3|GBP|stg", "GBP"),
    (r"\u20ac|EUR", "EUR"),
    (r"CN\u00a5|CN\uffe5|RMB|CNY|yuan", "CNY"),
    (r"JP\u00a5|JPY", "JPY"),
    (r"\u00a5|\uffe5", "JPY"),
    (r"\u20b9|Rs\.?|INR", "INR"),
    (r"CHF|SFr\.?", "CHF"),
    (r"\u20a9|KRW", "KRW"),
    (r"\u20bd|RUB", "RUB"),
    (r"ZAR", "ZAR"),
    (r"SEK", "SEK"),
    (r"NOK", "NOK"),
    (r"DKK", "DKK"),
    (r"\$|\uff04", _DEFAULT),
]

# Written after the number and its scale ("376.8 billion yuan", "50 cents").
_POST: list[tuple[str, str]] = [
    (r"(?:US|U\.S\.|American)\s+dollars?|USD|US\$", "USD"),
    (r"(?:Hong\s+Kong|HK)\s+dollars?|HKD|HK\$", "HKD"),
    (r"Canadian\s+dollars?|CAD", "CAD"),
    (r"Australian\s+dollars?|AUD", "AUD"),
    (r"New\s+Zealand\s+dollars?|NZD", "NZD"),
    (r"Singapore(?:an)?\s+dollars?|SGD", "SGD"),
    (r"(?:New\s+)?Taiwan(?:ese)?\s+dollars?|TWD", "TWD"),
    (r"dollars?|bucks", _DEFAULT),
    (r"(?:British\s+)?pounds?(?:\s+sterling)?|sterling|quid|GBP|stg", "GBP"),
    (r"euros?|EUR", "EUR"),
    (r"(?:Chinese\s+)?yuan|renminbi|RMB|CNY", "CNY"),
    (r"(?:Japanese\s+)?yen|JPY", "JPY"),
    (r"(?:Indian\s+)?rupees?|INR", "INR"),
    (r"Swiss\s+francs?|CHF", "CHF"),
    (r"(?:South\s+Korean\s+|Korean\s+)?won|KRW", "KRW"),
    (r"(?:Russian\s+)?r[o]?ubles?|RUB", "RUB"),
    (r"(?:Brazilian\s+)?(?:reais|reals?)|BRL", "BRL"),
    (r"(?:South\s+African\s+)?rand|ZAR", "ZAR"),
    (r"(?:Swedish\s+)?kronor|SEK", "SEK"),
    (r"cents?", _CENTS),
    (r"pence|p", _PENCE),
]

#: ISO 4217 codes this module can return (besides ``default_currency``)
CURRENCY_CODES = sorted({c for _, c in _PRE + _POST if c not in (_DEFAULT, _CENTS, _PENCE)})


def _alternation(table: list[tuple[str, str]]) -> tuple[str, list[str]]:
    parts, codes = [], []
    for k, (rx, code) in enumerate(table):
        parts.append(f"(?P<c{k}>{rx})")
        codes.append(code)
    return "|".join(parts), codes


_PRE_ALT, _PRE_CODES = _alternation(_PRE)
_POST_ALT, _POST_CODES = _alternation(_POST)
_PRE_RE = re.compile(rf"(?<![A-Za-z])(?:{_PRE_ALT})\s?$", re.I)
_POST_RE = re.compile(rf"^\s?-?\s?(?:{_POST_ALT})(?![A-Za-z])", re.I)
_UNIT_RE = "(?:" + "|".join(rx for rx, _ in _PRE + _POST) + ")"
_PAREN_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")


def _code(m: re.Match[str], codes: list[str]) -> str:
    for k, code in enumerate(codes):
        if m.group(f"c{k}") is not None:
            return code
    return _DEFAULT


def _pre_currency(before: str) -> str | None:
    m = _PRE_RE.search(before[-12:])
    if not m:
        return None
    code = _code(m, _PRE_CODES)
    # a lower-case "yuan" before a figure is not a marker, but "RMB"/"Rs" are
    if m.group(0).strip().lower() == "yuan":
        return None
    return code


def _post_currency(after: str) -> tuple[str, int] | None:
    m = _POST_RE.search(after[:40])
    if not m:
        return None
    code = _code(m, _POST_CODES)
    if code == _PENCE and m.group(0).strip().lower() == "p" and m.group(0) != m.group(0).lstrip():
        return None  # "50 p" is not pence; only "50p"
    return code, m.end()


def _drop_parentheticals(text: str) -> str:
    """'$1.13bn (£600m)' -> '$1.13bn': a bracketed conversion is the same figure."""
    out = text
    for _ in range(10):
        new = _PAREN_RE.sub("", out)
        if new == out:
            break
        out = new
    return out if out.strip() else text.replace("(", " ").replace(")", " ")


def _resolve(code: str, default_currency: str) -> tuple[str, Decimal]:
    if code == _DEFAULT:
        return default_currency, Decimal(1)
    if code == _CENTS:
        return default_currency, Decimal("0.01")
    if code == _PENCE:
        return "GBP", Decimal("0.01")
    return code, Decimal(1)


def _find(text: str, toks: list[NumToken], left: str) -> tuple[int, str, int] | None:
    """Index of the money figure, its currency marker and where the figure ends."""
    for i, t in enumerate(toks):
        if t.ordinal or t.leading_zero:
            continue
        before = text[: t.start]
        if i == 0 and not before.strip():
            before = left + " " + before if left else before
        pre = _pre_currency(before)
        post = _post_currency(text[t.end :])
        if post is not None:
            return i, post[0], t.end + post[1]
        if pre is not None:
            return i, pre, t.end
        # "$10-12 million", "10 to 12 billion yuan": the marker sits on the second figure
        if i + 1 < len(toks):
            nxt = toks[i + 1]
            post2 = _post_currency(text[nxt.end :])
            if post2 is not None and range_pair(text, t, nxt, before, _UNIT_RE):
                return i, post2[0], t.end
    return None


@total(None)
def normalize_money(text: str, left_context: str = "", *, default_currency: str = "USD") -> Quantity | None:
    """A MONEY span -> ``Quantity(value, ISO 4217 code, qualifier, low, high)``.

    "$" and "dollars" without a country mean ``default_currency``; "¥" is JPY
    ("CN¥", "RMB", "yuan", "renminbi" are CNY).  A figure with no currency marker
    at all gives None.  Ranges ("$1.2m to $23.5m", "between $10m and $12m",
    "$10-12 million") have qualifier "range", the stated bounds as low/high and
    their midpoint as value.  A bracketed conversion ("$1.13bn (£600m)") is ignored.
    """
    if not isinstance(text, str) or not isinstance(left_context, str):
        return None
    text = _drop_parentheticals(text[:MAX_TEXT])
    left = left_context[-MAX_CONTEXT:]
    toks = scan_numbers(text)
    found = _find(text, toks, left)
    if found is None:
        return None
    i, code, end = found
    t = toks[i]
    currency, factor = _resolve(code, default_currency if isinstance(default_currency, str) else "USD")
    prefix = left + " " + text[: t.start]
    if i + 1 < len(toks):
        r = range_pair(text, t, toks[i + 1], prefix, _UNIT_RE)
        if r is not None:
            low, high, _ = r
            mid = (low + high) / 2 * factor
            return Quantity(to_py(mid, 6), currency, "range", to_py(low * factor, 6), to_py(high * factor, 6))
    value = t.value * factor
    q = qualify(prefix, text[end:])
    lo, hi = interval(to_py(value, 6), to_py(t.step * factor, 6), q)
    if to_py(value, 6) is None:
        return None
    return Quantity(to_py(value, 6), currency, q, lo, hi)
