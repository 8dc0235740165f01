"""The number tokenizer every normaliser shares, plus :class:`Quantity`.

One regex finds digit numbers (``7.5``, ``1,234.5``, ``1 234``, ``.5``) with an
optional scale (``7.5 billion``, ``7.5bn``, ``600m``, ``500 crore``) or ordinal
suffix (``28th``); a small state machine reads number words (``twenty-four``,
``a million``, ``half a billion``, ``one hundred and twenty``, ``a dozen``,
``two point five million``, ordinals such as ``third``).  Arithmetic is done in
:class:`decimal.Decimal` so ``US$4.7 billion`` is exactly 4 700 000 000.

Everything here is total: any ``str`` gives a result or ``None``; input is cut
to :data:`MAX_TEXT` characters and digit runs longer than :data:`MAX_DIGITS`
are not numbers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Literal, TypeVar, cast

__all__ = ["Quantity", "NumToken", "parse_number", "scan_numbers", "total", "MAX_TEXT", "MAX_DIGITS"]

#: longest span text any normaliser looks at (characters)
MAX_TEXT = 200
#: longest left context looked at (characters, taken from its end)
MAX_CONTEXT = 100
#: longest digit run (all digits of one number) that is still a number
MAX_DIGITS = 30

Number = int | float | str | None
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]  # as claimcheck.schema.Qualifier


@dataclass(frozen=True)
class Quantity:
    """A normalised value: a point value, a unit and the interval it stands for."""

    value: int | float | str
    unit: str
    qualifier: Qualifier
    low: Number
    high: Number
    kind: str = ""


F = TypeVar("F", bound=Callable[..., Any])


def total(default: Any) -> Callable[[F], F]:
    """Safety net for the public functions: an unexpected exception gives
    ``default`` instead of stopping a batch run.  The property tests call
    ``fn.__wrapped__`` so the implementation itself is still held to never raising."""

    def deco(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except Exception:  # noqa: BLE001 - deliberate: these functions are total
                return default

        return cast(F, wrapper)  # called as fn is; returns what fn returns, or default

    return deco


# --------------------------------------------------------------------------
# Decimal helpers

D0 = Decimal(0)
D1 = Decimal(1)
HALF = Decimal("0.5")


def to_decimal(x: object) -> Decimal | None:
    """int/float/Decimal -> finite Decimal, else None."""
    try:
        if isinstance(x, bool):
            return Decimal(int(x))
        if isinstance(x, Decimal):
            d = x
        elif isinstance(x, int):
            d = Decimal(x)
        elif isinstance(x, float):
            d = Decimal(repr(x))
        else:
            return None
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return d if d.is_finite() else None


def to_py(d: Decimal | None, places: int | None = None) -> int | float | None:
    """Decimal -> int when integral (7500000000, not 7.5e9), else float."""
    if d is None:
        return None
    try:
        if not d.is_finite():
            return None
        if places is not None and d != d.to_integral_value() and abs(d) < Decimal(10) ** 18:
            # a figure below a tenth keeps as many significant digits as one above it: a tiny one (2.998e-8), and
            # a third of a cent in units of its currency (0.0833333 for "8-1/3 cts", not 0.083333)
            if d.adjusted() < -1:
                places = places - 1 - d.adjusted()
            d = d.quantize(Decimal(1).scaleb(-places))
        if d == d.to_integral_value() and abs(d) < Decimal(10) ** 18:
            return int(d)
        f = float(d)
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return f if f == f and f not in (float("inf"), float("-inf")) else None


# --------------------------------------------------------------------------
# Tokens

@dataclass(frozen=True)
class NumToken:
    """One number found in a text: ``value = mantissa * scale``, ``step = mstep * scale``."""

    start: int
    end: int
    mantissa: Decimal
    mstep: Decimal
    scale: Decimal = D1
    ordinal: bool = False
    words: bool = False
    plain: bool = False  # a bare digit run: no separators, decimals, scale or suffix
    leading_zero: bool = False  # "020", "007": phone-like, never a quantity

    @property
    def value(self) -> Decimal:
        return self.mantissa * self.scale

    @property
    def step(self) -> Decimal:
        return self.mstep * self.scale

    @property
    def scaled(self) -> bool:
        return self.scale != D1


SCALE_WORDS: dict[str, int] = {
    "hundred": 10**2,
    "thousand": 10**3,
    "k": 10**3,
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "mil": 10**6,
    "mio": 10**6,
    "m": 10**6,
    "crore": 10**7,
    "crores": 10**7,
    "cr": 10**7,
    "billion": 10**9,
    "bilion": 10**9,  # a wire-copy misspelling ("60.1 bilion cubic feet")
    "bn": 10**9,
    "bln": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}

_SPACES = " \u00a0\u2009\u202f"

_NUM_RE = re.compile(
    r"""
    (?<![\d.,])(?<!\d[eE])(?<!\d[eE][-+\u2212])  # not the exponent of 1e9 / 1e-5
    (?:
        (?P<comma>\d{1,3}(?:,\d{3})+)(?:\.(?P<cfrac>\d+))?
      | (?P<space>\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+)(?:\.(?P<sfrac>\d+))?
      | (?P<int>\d+)(?:\.(?P<frac>\d+))?
      | \.(?P<dfrac>\d+)
    )
    (?!\d|[.,]\d|[eE][-+\u2212]?\d)  # nor the mantissa of scientific notation: no figure at all
    (?:
        (?P<scale>[ \u00a0\u2009\u202f]?-?[ \u00a0\u2009\u202f]?
            (?:thousand|million|billion|bilion|trillion|hundred|mn|mln|mil|mio|bn|bln|tn|trn|crores?|lakhs?|lacs?|cr)
            (?![a-z]))
      | (?P<short>[kmb])(?![a-z\d\u00b2\u00b3])
      | (?P<sci>\s?\u00d7\s?10\^?|\s?[x*]\s?10\^)(?P<exp>[-\u2212]?\d{1,2})(?!\d)  # 2.998×10−8, 6.02x10^23
      | (?P<ord>st|nd|rd|th)(?![a-z])
    )?
    """,
    re.X | re.I,
)

_WORD_RE = re.compile(r"[A-Za-z]+")
_WORD_GAP_RE = re.compile(r"[ \t\n\u00a0\u2009\u202f\-\u2010\u2011]{1,3}")

SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
BIG: dict[str, int] = {
    "thousand": 10**3, "lakh": 10**5, "million": 10**6, "crore": 10**7,
    "billion": 10**9, "trillion": 10**12,
    "mln": 10**6, "bln": 10**9,  # newswire after a spelt-out number: "one mln dlrs", "two bln marks"
}
ORD_SMALL: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
ORD_TENS: dict[str, int] = {
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
ORD_BIG: dict[str, int] = {
    "hundredth": 100, "thousandth": 10**3, "millionth": 10**6, "billionth": 10**9,
}
_MULTIPLIERS = set(BIG) | {"hundred", "dozen"}
_START_WORDS = set(SMALL) | set(TENS) | set(ORD_SMALL) | set(ORD_TENS) | {"a", "an", "half"}
_MAX_WORDS = 40


def _parse_words(words: list[str]) -> tuple[int, Decimal, Decimal, Decimal, bool] | None:
    """Longest number-word prefix of ``words`` (lower case).

    Returns ``(n_words, mantissa, mstep, scale, ordinal)`` or None.
    """
    total = D0
    cur: Decimal | None = None
    gstep = D1  # step inside the current group ("two point five" -> 0.1)
    last_step = D1  # step of the last completed (scaled) group
    prev_big: int | None = None
    bigs_used = 0
    last_big = D1
    last: str | None = None
    best = None
    n = len(words)
    i = 0

    def nxt(k: int) -> str | None:
        return words[k] if k < n else None

    while i < n:
        w = words[i]
        ordinal = False
        if w in SMALL:
            v = SMALL[w]
            if v == 0:
                if last is not None:
                    break
                cur, last = D0, "zero"
            elif last in (None, "hundred", "big", "and"):
                cur = (cur or D0) + v
                last = "unit"
            elif last == "ten" and v <= 9:
                cur = (cur or D0) + v
                last = "unit"
            else:
                break
        elif w in TENS:
            if last in (None, "hundred", "big", "and"):
                cur = (cur or D0) + TENS[w]
                last = "ten"
            else:
                break
        elif w == "hundred":
            if last in ("unit", "ten", "a") and cur is not None and cur < 100:
                cur = cur * 100
                last = "hundred"
            else:
                break
        elif w in BIG:
            s = BIG[w]
            if last in ("unit", "ten", "hundred", "a", "half_a", "frac", "dozen") and cur is not None and (
                prev_big is None or s < prev_big
            ):
                total += cur * s
                last_step = gstep * s
                last_big = Decimal(s)
                cur, gstep, prev_big = None, D1, s
                bigs_used += 1
                last = "big"
            else:
                break
        elif w == "dozen":
            if last in ("unit", "ten", "a", "half_a") and cur is not None and cur < 100:
                cur = cur * 12
                gstep = D1
                last = "dozen"
            else:
                break
        elif w in ("a", "an"):
            if last is None and nxt(i + 1) in _MULTIPLIERS:
                cur, last = D1, "a"
            elif last == "half" and nxt(i + 1) in _MULTIPLIERS:
                last = "half_a"
            elif last == "and_pre" and nxt(i + 1) == "half":
                last = "and_a"
            else:
                break
        elif w == "half":
            if last is None and nxt(i + 1) in ("a", "an"):
                cur, gstep, last = HALF, Decimal("0.1"), "half"
            elif last == "and_a" and cur is not None:
                cur += HALF
                gstep = min(gstep, Decimal("0.1"))
                last = "frac"
            else:
                break
        elif w == "and":
            after = nxt(i + 1)
            if last in ("hundred", "big") and (after in SMALL or after in TENS
                                               or after in ORD_SMALL or after in ORD_TENS):
                last = "and"
            elif last in ("unit", "ten") and after in ("a", "an") and nxt(i + 2) == "half":
                last = "and_pre"
            else:
                break
        elif w == "point":
            digit = nxt(i + 1)
            if last in ("unit", "ten") and cur is not None and digit in SMALL and SMALL[digit] <= 9:
                j = i + 1
                digits = ""
                while j < n and words[j] in SMALL and SMALL[words[j]] <= 9 and len(digits) < MAX_DIGITS:
                    digits += str(SMALL[words[j]])
                    j += 1
                cur += Decimal("0." + digits)
                gstep = Decimal(1).scaleb(-len(digits))
                last = "frac"
                i = j - 1
            else:
                break
        elif w in ORD_SMALL:
            v = ORD_SMALL[w]
            if last in (None, "hundred", "big", "and") or (last == "ten" and v <= 9):
                cur = (cur or D0) + v
                ordinal = True
            else:
                break
        elif w in ORD_TENS:
            if last in (None, "hundred", "big", "and"):
                cur = (cur or D0) + ORD_TENS[w]
                ordinal = True
            else:
                break
        elif w in ORD_BIG:
            if last in ("unit", "ten", "a") and cur is not None:
                cur = cur * ORD_BIG[w]
                ordinal = True
            else:
                break
        else:
            break
        i += 1
        if ordinal:
            return (i, total + (cur or D0), D1, D1, True)
        if last in ("zero", "unit", "ten", "hundred", "big", "dozen", "frac"):
            if cur is not None:
                best = (i, total + cur, gstep, D1, False)
            elif bigs_used == 1:
                best = (i, total / last_big, last_step / last_big, last_big, False)
            else:
                best = (i, total, last_step, D1, False)
    return best


#: fraction words: "a half", "two thirds", "three-quarters" (percentages of a whole, fractions of a cent)
FRACTION_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
FRACTION_NUMERATORS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, as news copy is cut cheaply: after the last ". " or line break
    before it (abbreviations such as "U.S." keep their sentence: no space follows their inner stops)."""
    return max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1


def sentence_around(text: str, start: int, end: int | None = None) -> str:
    """The sentence holding ``text[start:end]``: from :func:`sentence_start` to the next ". " or line break."""
    end = start if end is None else end
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[sentence_start(text, start):min(ends, default=len(text))]


def _digit_token(m: re.Match[str]) -> NumToken | None:
    intpart = m.group("comma") or m.group("space") or m.group("int") or ""
    frac = m.group("cfrac") or m.group("sfrac") or m.group("frac") or m.group("dfrac") or ""
    digits = re.sub(r"\D", "", intpart)
    if len(digits) + len(frac) > MAX_DIGITS or not (digits or frac):
        return None
    try:
        mant = Decimal((digits or "0") + ("." + frac if frac else ""))
    except InvalidOperation:
        return None
    mstep = Decimal(1).scaleb(-len(frac)) if frac else D1
    scale = D1
    ordinal = False
    word = m.group("scale") or m.group("short")
    if word:
        key = re.sub(r"[\s\-\u00a0\u2009\u202f]", "", word).lower()
        scale = Decimal(SCALE_WORDS.get(key, 1))
    elif m.group("sci"):
        scale = Decimal(1).scaleb(int(m.group("exp").replace("\u2212", "-")))
    if m.group("ord"):
        if frac or m.group("comma") or m.group("space"):
            return None
        ordinal = True
    return NumToken(
        start=m.start(),
        end=m.end(),
        mantissa=mant,
        mstep=mstep,
        scale=scale,
        ordinal=ordinal,
        plain=bool(m.group("int")) and not frac and not word and not ordinal,
        leading_zero=len(digits) > 1 and digits.startswith("0") and not m.group("dfrac"),
    )


#: thirds too: a dividend of "8-1/3 cts" or a stake of "33-1/3 pct" (only 1/3 and 2/3: no "2/4")
_FRACTION = re.compile(r"(?<![\d/])(\d{1,6})[- ](?:(1|3|5|7|9|11|13|15|17|19|21|23|25|27|29|31)/(2|4|8|16|32)"
                       r"|([12])/(3))(?![\d/])")


def _fraction_value(m: re.Match) -> str:
    whole = int(m.group(1))
    num, den = (int(m.group(2)), int(m.group(3))) if m.group(2) else (int(m.group(4)), int(m.group(5)))
    if num >= den:
        return m.group(0)
    return f"{whole + num / den:.12g}"


#: a fraction with no whole part before a unit word or at the end: "5/8 pct", "1/2 Canadian cts", "up 3/4"
_BARE_FRACTION = re.compile(r"(?<![\d/.,-])(?:(1|3|5|7|9|11|13|15|17|19|21|23|25|27|29|31)/(2|4|8|16|32)|([12])/(3))"
                            r"(?![\d/])(?=\s*(?:[A-Za-z%]|$))")


def _bare_fraction_value(m: re.Match) -> str:
    num, den = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), int(m.group(4)))
    return m.group(0) if num >= den else f"{num / den:.12g}"


def expand_fractions(text: str, *, bare: bool = True) -> str:
    """Newswire's fractional prices and rates as decimals: "42-1/2" → "42.5", "8-3/4" → "8.75" (halves to
    thirty-seconds, the way prices and yields were quoted); a fraction alone before its unit, "5/8 pct" →
    "0.625 pct", "1/2 cent" → "0.5 cent" (not with ``bare=False``: a count is no fraction)."""
    mixed = _FRACTION.sub(_fraction_value, text)
    return _BARE_FRACTION.sub(_bare_fraction_value, mixed) if bare else mixed


#: a two-way (bid/offer) quote: "1.8250/60 marks", "409.40/90 dlrs", "4.50/43 pct" - the second figure gives
#: only the last digits of the first
_TWO_WAY = re.compile(r"(?<![\d/.,])(\d{1,6})\.(\d{1,6})/(\d{1,4})(?![\d/]|\.\d)")


def expand_two_way(text: str, *, descending: bool = False) -> str:
    """A bid/offer quote as a range: "1.8250/60 marks" → "1.8250 to 1.8260 marks", "1.60/65" → "1.60 to 1.65".
    The second figure replaces the last digits of the first; where it comes out lower, it either wrapped into
    the next digit ("1.6295/05" → 1.6295 to 1.6305, exchange rates) or, with ``descending``, is the lower end
    (money-market rates are quoted offer first: "4.50/43 pct" → 4.43 to 4.50)."""
    def sub(m: re.Match) -> str:
        whole, frac, tail = m.group(1), m.group(2), m.group(3)
        if len(tail) > len(frac):
            return m.group(0)
        places = len(frac)
        low = Decimal(f"{whole}.{frac}")
        high = Decimal(f"{whole}.{frac[:places - len(tail)]}{tail}")
        if high < low:
            if descending:
                low, high = high, low
            else:
                high += Decimal(1).scaleb(len(tail) - places)
        if high == low:
            return m.group(0)
        return f"{low:.{places}f} to {high:.{places}f}"

    return _TWO_WAY.sub(sub, text)


def scan_numbers(text: str) -> list[NumToken]:
    """All numbers in ``text[:MAX_TEXT]``, left to right."""
    if not isinstance(text, str):
        return []
    text = text[:MAX_TEXT]
    toks: list[NumToken] = []
    covered: list[tuple[int, int]] = []
    for m in _NUM_RE.finditer(text):
        covered.append((m.start(), m.end()))
        t = _digit_token(m)
        if t is not None:
            toks.append(t)
    words = [w for w in _WORD_RE.finditer(text) if not any(a <= w.start() < b for a, b in covered)]
    i = 0
    while i < len(words):
        if words[i].group().lower() not in _START_WORDS:
            i += 1
            continue
        run = [words[i]]
        k = i + 1
        while (k < len(words) and len(run) < _MAX_WORDS
               and _WORD_GAP_RE.fullmatch(text, words[k - 1].end(), words[k].start())):
            run.append(words[k])
            k += 1
        res = _parse_words([w.group().lower() for w in run])
        if res is None:
            i += 1
            continue
        nw, mant, mstep, scale, ordinal = res
        toks.append(
            NumToken(
                start=run[0].start(),
                end=run[nw - 1].end(),
                mantissa=mant,
                mstep=mstep,
                scale=scale,
                ordinal=ordinal,
                words=True,
            )
        )
        i += nw
    toks.sort(key=lambda t: t.start)
    return toks


_SIGN_RE = re.compile(r"\s*(?P<sign>[-+\u2212])?\s*")


@total(None)
def parse_number(text: str) -> tuple[float, float] | None:
    """Parse a text that is one number; ``(value, precision_step)`` or None.

    ``"7.5 billion" -> (7.5e9, 1e8)``; ``"twenty-four" -> (24.0, 1.0)``;
    ``"a million" -> (1e6, 1e6)``; ``"1,234.5" -> (1234.5, 0.1)``.  The whole text
    (apart from surrounding white space, an optional sign and a final full stop)
    must be the number: ``"about 300"``, ``"020 7946 0000"``, ``"1e999999"`` and
    ``"28th"`` give None.
    """
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return None
    m = _SIGN_RE.match(text)
    sign = -1 if m and m.group("sign") in ("-", "\u2212") else 1
    body = text[m.end():] if m else text
    body = body.rstrip()
    if body.endswith(".") and not body.endswith(".."):
        body = body[:-1].rstrip()
    if not body:
        return None
    toks = scan_numbers(body)
    if len(toks) != 1:
        return None
    t = toks[0]
    if t.start != 0 or t.end != len(body) or t.ordinal or t.leading_zero:
        return None
    try:
        value = float(t.value) * sign
        step = float(t.step)
    except (OverflowError, ValueError, InvalidOperation):
        return None
    if value != value or step != step or abs(value) == float("inf"):
        return None
    return (value + 0.0, step)
