"""Counts: "28", "eight companies", "about 300", "more than 20", "500 million", "dozens"."""

from __future__ import annotations

import re

from .money import _post_currency, _pre_currency
from .numbers import MAX_CONTEXT, MAX_TEXT, Quantity, expand_fractions, scan_numbers, to_py, total
from .percent import _marker
from .qualifiers import GENERIC_UNIT_RE, interval, qualify, range_pair

__all__ = ["normalize_count", "unit_after", "unit_name", "MEASURE_SPAN_UNIT_RE", "YEAR_MIN", "YEAR_MAX"]

#: a bare four-digit number in this range reads as a year, not a count
YEAR_MIN, YEAR_MAX = 1800, 2100

# Vague plurals as ranges: from the smallest amount the word can mean ("dozens": two dozen) to just below ten
# times that, where the next word takes over ("hundreds" starts at 200, so "dozens" ends at 199).
_VAGUE: list[tuple[re.Pattern[str], int]] = [
    (re.compile(rf"(?<![A-Za-z]){rx}(?![A-Za-z])", re.I), v)
    for rx, v in [
        (r"tens\s+of\s+thousands", 20_000),
        (r"hundreds\s+of\s+thousands", 200_000),
        (r"tens\s+of\s+millions", 20_000_000),
        (r"hundreds\s+of\s+millions", 200_000_000),
        (r"tens\s+of\s+billions", 20_000_000_000),
        (r"hundreds\s+of\s+billions", 200_000_000_000),
        (r"dozens", 24),
        (r"scores", 40),
        (r"hundreds", 200),
        (r"thousands", 2_000),
        (r"millions", 2_000_000),
        (r"billions", 2_000_000_000),
    ]
]
_VAGUE_HIGH = {24: 199, 40: 199}  # below "hundreds"; the others end below ten times where they start
_YEAR_PREPS = {"in", "since", "until", "till", "during", "by", "from", "before", "after", "through", "of", "year",
               "fiscal"}
_FRACTION_AFTER_RE = re.compile(
    r"[\s\-]*(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![A-Za-z])",
    re.I,
)
_DATEISH_AFTER_RE = re.compile(
    r"\s*(?:[-\u2013/]\s*\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])"
    r"|(?:a\.?m\.?|p\.?m\.?|o'clock|hours?\s+gmt|bc|ad|bce|ce)(?![a-z]))",
    re.I,
)


# Units of measure: "600 horsepower", "256GB", "87 mph", "2,000km".  A figure with
# one of these is a measurement with that unit (canonical symbol), not a count;
# anything else after the number is the counted noun (unit "count").  Longer
# forms come first; single capitals ("5G", "37M") are not units here, and an
# attached "m" is "million", not metres.
#: a temperature's scale letter written onto its number ("40C", "-5C", "104F"), read only where the NER found the
#: figure and no name or model goes before it ("Insat 1C", "No. 4F", "P-3C", "SH-60F" are names)
_ATTACHED_C, _ATTACHED_F = r"(?<![\s\-])(?-i:C)", r"(?<![\s\-])(?-i:F)"
_ATTACHED = {_ATTACHED_C, _ATTACHED_F}
_NAME_BEFORE = re.compile(r"(?:[-/]|(?<![\w.])(?-i:[A-Z])[\w.]*)$")

_MEASURES: list[tuple[str, str]] = [
    (r"[\s-]?years?[\s-]old", "year of age"),
    (r"rpm|revolutions?\s+(?:per|a)\s+minute", "rpm"),
    (r"ppm|parts[\s-]per[\s-]million", "ppm"),
    (r"ppb|parts[\s-]per[\s-]billion", "ppb"),
    (r"mAh|milliamp(?:ere)?[\s-]hours?", "mAh"),
    (r"ksi", "ksi"),
    (r"(?-i:A)/cm(?:2|\u00b2)", "A/cm2"),  # current density
    (r"psi", "psi"),
    (r"[kMG]Pa|(?:kilo|mega|giga)pascals?", "Pa"),
    (r"\u00b5m|\u03bcm|micromet(?:re|er)s?|microns?", "\u00b5m"),
    (r"cu\.?\s?ft|cubic\s+f(?:ee|oo)t", "cu ft"),
    (r"cubic\s+met(?:re|er)s?|m3|m\u00b3", "m3"),
    (r"sq\.?\s?mi|square\s+miles?", "sq mi"),
    (r"nautical\s+miles?", "nmi"),
    (r"light[\s-]years?", "ly"),
    (r"gigatonnes?|gigatons?|Gt", "Gt"),
    (r"km/h|km/hr|kph|kmh|kilomet(?:re|er)s?\s+(?:per|an)\s+hour", "km/h"),
    (r"mph|m\.p\.h\.?|miles?\s+(?:per|an)\s+hour", "mph"),
    (r"mpg|miles?\s+per\s+gallon", "mpg"),
    (r"sq\.?\s?km|km2|km\u00b2|square\s+kilomet(?:re|er)s?", "km2"),
    (r"sq\.?\s?m|sqm|m2|m\u00b2|square\s+met(?:re|er)s?", "m2"),
    (r"sq\.?\s?ft|square\s+f(?:ee|oo)t", "sq ft"),
    (r"kilomet(?:re|er)s?|km", "km"),
    (r"millimet(?:re|er)s?|mm", "mm"),
    (r"centimet(?:re|er)s?|cm", "cm"),
    (r"nanomet(?:re|er)s?|nm", "nm"),
    (r"met(?:re|er)s", "m"),
    (r"miles?|(?-i:mi)", "mi"),
    (r"yards?|yd", "yd"),
    (r"feet|foot|ft", "ft"),
    (r"inch(?:es)?", "in"),
    (r"hectares?|ha", "ha"),
    (r"acres?", "acre"),
    (r"milligrams?|mg", "mg"),
    (r"micrograms?|\u00b5g|\u03bcg|mcg", "\u00b5g"),
    (r"kilograms?|kilos?|kg", "kg"),
    (r"grams?|(?-i:g)", "g"),
    (r"tonnes?|metric\s+tons?", "t"),
    (r"tons?", "ton"),  # "10 tons": a (short) ton, as written; "tonnes" are metric
    (r"lbs?[\s-]?ft|pound[\s-]f(?:ee|oo)t", "lb-ft"),  # torque
    (r"lbs?|pounds?(?!\s+sterling)", "lb"),  # a count's "pounds" are a weight (money spans read sterling)
    (r"ounces?|oz", "oz"),
    (r"millilit(?:re|er)s?|ml", "ml"),
    (r"lit(?:re|er)s?|(?-i:l|L)", "l"),
    (r"cubic\s+centimet(?:re|er)s?|(?-i:cc)", "cc"),
    (r"gallons?", "gal"),
    (r"barrels?(?:\s+(?:a|per)\s+day)?|bbl/d|bpd", "bbl"),
    (r"b?hp|horsepower|(?-i:PS)", "hp"),
    (r"[kMGT]?Wh|(?:kilo|mega|giga|tera)?watt[\s-]hours?", "Wh"),
    (r"[kMGT]W|(?:kilo|mega|giga|tera)watts?|watts?", "W"),
    (r"(?-i:[kMGT]?eV)|(?:kilo|mega|giga|tera)?electron[\s-]?volts?", "eV"),  # not "20 EV models"
    (r"(?:milli|kilo)?amp(?:ere)?s?", "A"),
    (r"(?-i:[kMG]J)|(?:kilo|mega|giga)?joules?", "J"),
    (r"(?:milli|micro)?sieverts?|(?-i:[m\u00b5\u03bc]?Sv)", "Sv"),
    (r"ohms?|\u03a9|\u2126", "ohm"),
    (r"[kM]V|(?:kilo)?volts?", "V"),
    (r"[kMG]Hz|Hz|(?:kilo|mega|giga)?hertz", "Hz"),
    (r"[MG]bps|(?:mega|giga)bits?\s+per\s+second", "bit/s"),
    (r"[KMGT]B|(?:kilo|mega|giga|tera)bytes?", "B"),
    (r"kcal|calories", "kcal"),
    (r"decibels?|(?-i:dB)", "dB"),
    (r"knots?", "knot"),
    (r"carats?", "carat"),
    (r"megapixels?|(?-i:MP)", "MP"),
    # a bare scale name is a temperature too ("(1.8 to 2.7 Fahrenheit)")
    (r"\u00b0\s?C|deg\s?C|degrees?\s+(?:Celsius|centigrade|C)(?![A-Za-z])|(?-i:Celsius|Centigrade)", "\u00b0C"),
    (r"\u00b0\s?F|deg\s?F|degrees?\s+(?:Fahrenheit|F)(?![A-Za-z])|(?-i:Fahrenheit)", "\u00b0F"),
    # ... and so is its capital written onto the number ("reached 40C (104F)"; not "40 C"): see _ATTACHED
    (_ATTACHED_C, "\u00b0C"),
    (_ATTACHED_F, "\u00b0F"),
    (r"milliseconds?|(?-i:ms)", "ms"),
    (r"minutes?|mins?", "min"),
    (r"hours?|hrs?", "h"),
    (r"seconds?|secs?", "s"),
]
_MEASURE_RE = re.compile(
    r"^\s?-?\s?(?:" + "|".join(f"(?P<u{k}>{rx})" for k, (rx, _) in enumerate(_MEASURES)) + r")(?![A-Za-z])",
    re.I,
)
_MEASURE_UNIT_RE = "(?:" + "|".join(rx for rx, _ in _MEASURES) + ")"
#: the units of measure a span finder reads after a number ("5kW", "3923sq m", "-5 yards"): not times or ages,
#: which the NER labels TIME or DATE, nor the units of science and product news read only on a figure the NER
#: found ("120 decibels" is a CARDINAL in the real corpus's gold; "5,600 to 8,870 nautical miles" one QUANTITY)
_READ_ONLY_UNITS = {"nmi", "ly", "\u00b5g", "cc", "eV", "A", "J", "Sv", "ohm", "dB", "knot", "carat", "MP", "ms"}
MEASURE_SPAN_UNIT_RE = "(?:" + "|".join(rx for rx, sym in _MEASURES
                                        if sym not in ("min", "h", "s", "year of age", *_READ_ONLY_UNITS)
                                        and rx not in _ATTACHED) + ")"
#: the canonical symbol for "Wh", "W", "Hz", "B", "Pa" keeps its written prefix (kW, GB, MPa ...)
_PREFIXED = {"Wh", "W", "V", "Hz", "bit/s", "B", "Pa", "eV", "A", "J", "Sv"}


#: a measurement unit's symbol (the ``unit`` normalize_count gives) → its name, singular, as unit vocabularies
#: (SI, and the unit list NewsQuant's gold uses) write it
_UNIT_NAMES = {
    "km/h": "kilometre per hour", "mph": "mile per hour", "mpg": "mile per gallon", "km2": "square kilometre",
    "m2": "square metre", "sq ft": "square foot", "km": "kilometre", "mm": "millimetre", "cm": "centimetre",
    "nm": "nanometre", "m": "metre", "mi": "mile", "yd": "yard", "ft": "foot", "in": "inch", "ha": "hectare",
    "acre": "acre", "mg": "milligram", "kg": "kilogram", "g": "gram", "t": "tonne", "ton": "ton",
    "lb-ft": "pound-foot", "lb": "pound-mass",
    "oz": "ounce", "ml": "millilitre", "l": "litre", "gal": "gallon", "bbl": "barrel", "hp": "horsepower",
    "kcal": "kilocalorie", "\u00b0C": "celsius", "\u00b0F": "fahrenheit", "min": "minute", "h": "hour", "s": "second",
    "year of age": "year of age", "rpm": "revolution per minute", "ppm": "parts-per-million",
    "ppb": "parts-per-billion", "mAh": "milliampere-hour", "ksi": "kilopound per square inch",
    "psi": "pound per square inch",
    "A/cm2": "ampere per square centimetre", "\u00b5m": "micrometre", "cu ft": "cubic foot", "m3": "cubic metre",
    "sq mi": "square mile", "Gt": "gigaton", "nmi": "nautical mile", "ly": "light year", "\u00b5g": "microgram",
    "cc": "cubic centimetre", "dB": "decibel", "knot": "knot", "carat": "carat", "MP": "megapixel",
    "ms": "millisecond", "ohm": "ohm",
}
_PREFIX_NAMES = {"": "", "k": "kilo", "M": "mega", "G": "giga", "T": "tera", "m": "milli", "\u00b5": "micro"}
_PREFIXED_NAMES = {"Wh": "watt-hour", "W": "watt", "V": "volt", "Hz": "hertz", "bit/s": "bit per second",
                   "B": "byte", "Pa": "pascal", "eV": "electronvolt", "A": "ampere", "J": "joule",
                   "Sv": "sievert"}


def unit_name(symbol: str | None) -> str | None:
    """'km' → 'kilometre', 'GB' → 'gigabyte', 'kWh' → 'kilowatt-hour', 'mph' → 'mile per hour'; a counted noun
    or an unknown symbol comes back as it is."""
    if not symbol:
        return symbol
    if symbol in _UNIT_NAMES:
        return _UNIT_NAMES[symbol]
    for base, name in _PREFIXED_NAMES.items():
        prefix = symbol[:-len(base)] if symbol.endswith(base) else None
        if prefix is not None and prefix in _PREFIX_NAMES:
            return _PREFIX_NAMES[prefix] + name
    return symbol


def _measure(after: str) -> tuple[str, int] | None:
    """The unit of measure right after a number, as (symbol, end), or None."""
    m = _MEASURE_RE.match(after[:40])
    if not m:
        return None
    for k, (_, sym) in enumerate(_MEASURES):
        g = m.group(f"u{k}")
        if g is None:
            continue
        if sym not in _PREFIXED:
            return sym, m.end()
        word = g.strip()
        low = word.lower()
        head = ""
        for name, p in (("kilo", "k"), ("mega", "M"), ("giga", "G"), ("tera", "T"), ("milli", "m"),
                        ("micro", "\u00b5"), ("\u03bc", "\u00b5"), ("\u00b5", "\u00b5")):
            if low.startswith(name):
                head = p
                break
        else:
            if len(word) > 1 and word[0] in "kKMmGgTt" and not low.startswith(
                    ("watt", "volt", "hz", "hertz", "byte", "amp", "joule", "sievert")):
                head = {"k": "k", "K": "k", "M": "M", "m": "m", "G": "G", "g": "G", "T": "T", "t": "T"}[word[0]]
        return head + sym, m.end()
    return None


def unit_after(after: str) -> str | None:
    """The unit of measure that the text right after a number starts with, as its symbol ("536 hp" → "hp",
    " HZ on 9 May" → "Hz", "-year-old" → "year of age"), or None: for a count whose span stopped before its unit."""
    measured = _measure(after) if isinstance(after, str) else None
    return measured[0] if measured else None


def _year_like(t) -> bool:
    return t.plain and t.end - t.start == 4 and YEAR_MIN <= t.value <= YEAR_MAX


@total(None)
def normalize_count(text: str, left_context: str = "") -> Quantity | None:
    """A CARDINAL span -> ``Quantity(value, "count", ...)`` or None.

    None for ordinals ("third", "28th"), years ("2019", "in 2019"), percentages,
    money, times ("3:30"), phone-like digit groups and fractions ("two-thirds").
    Vague plurals are ranges with kind "vague": "dozens" -> 24-199, "hundreds" -> 200-1,999,
    "thousands" -> 2,000-19,999, "tens of thousands" -> 20,000-199,999.
    "several", "a few", "a handful" give None.
    """
    if not isinstance(text, str) or not isinstance(left_context, str):
        return None
    # newswire fractions: "12-1/2 years", "2-1/2 ton trucks"; the fraction slash ("1\u204432") is a slash
    text = expand_fractions(text[:MAX_TEXT].replace("\u2044", "/"), bare=False)
    left = left_context[-MAX_CONTEXT:]
    toks = scan_numbers(text)
    if not toks:
        for rx, v in _VAGUE:
            if rx.search(text):
                return Quantity(v, "count", "range", v, _VAGUE_HIGH.get(v, 10 * v - 1), "vague")
        return None
    t = toks[0]
    if t.ordinal or t.leading_zero:
        return None
    before, after = text[: t.start], text[t.end :]
    prefix = left + " " + before
    measured = _measure(after)
    if measured is not None and after[:1] in ("C", "F") and _NAME_BEFORE.search(
            re.sub(r"(?:^|(?<=\s))[-\u2212]$", "", prefix.rstrip()).rstrip()):  # (not the minus of "-5C")
        measured = None  # "Insat 1C", "Statement No. 4F": a name's letter, no temperature
    unit = measured[0] if measured else "count"
    if measured is None and (after[:1].isalpha() or (after[:1] in (":", "/") and after[1:2].isdigit())):
        return None  # "5G", "1990s", "3:30", "24/7"
    if before[-1:] in (":", "/") and before[-2:-1].isdigit():
        return None
    negative = re.search(r"(?:^|[\s(])[-\u2212]$|minus[\s-]*$", before, re.I) is not None
    if negative and measured is None:
        return None  # a count is never negative; a measurement may be ("-5 yards", "minus-130 degrees Fahrenheit")
    if _marker(text, t.end) is not None or _pre_currency(prefix) is not None or (
            _post_currency(after) is not None and unit not in ("lb", "lb-ft")):  # "pounds" here: a weight, torque
        return None
    if _FRACTION_AFTER_RE.match(after):
        return None
    b_noun = False
    if len(toks) > 1:
        # "2000-2500 calories": a range of counts, not years, when a noun follows the second figure
        b_after = text[toks[1].end :]
        b_noun = re.match(r"\s*[A-Za-z]", b_after) is not None and not _DATEISH_AFTER_RE.match(b_after)
        b_noun = (b_noun and not _year_like(toks[1])
                  and re.fullmatch(r"\s*(?:-|\u2013|to)\s*", text[t.end : toks[1].start]) is not None)
    if _year_like(t) and not b_noun:
        words = re.findall(r"[a-z]+", prefix.lower())
        if not re.search(r"[A-Za-z]", after) or (words and words[-1] in _YEAR_PREPS) or _DATEISH_AFTER_RE.match(after):
            return None
    if len(toks) > 1:
        b = toks[1]
        if negative:
            return None
        r = range_pair(text, t, b, prefix, f"(?:{GENERIC_UNIT_RE}|{_MEASURE_UNIT_RE})")
        if r is not None:
            gap = text[t.end : b.start]
            b_after = text[b.end :]
            noun_after = re.match(r"\s*[A-Za-z]", b_after) is not None and not _DATEISH_AFTER_RE.match(b_after)
            if (_year_like(t) and not (noun_after and not _year_like(b))) or (
                gap == "-" and t.plain and b.plain and t.end - t.start == 3 and b.end - b.start == 4
            ):
                return None  # "1990-2000", "555-1234" (but "2000-2500 calories" is a range)
            m2 = _measure(b_after)
            if _marker(text, b.end) is not None or (_post_currency(b_after) is not None
                                                    and not (m2 and m2[0] == "lb")):
                return None
            low, high, _ = r
            runit = m2[0] if m2 else unit
            mid = to_py((low + high) / 2, 6)
            if mid is None:
                return None
            return Quantity(mid, runit, "range", to_py(low, 6), to_py(high, 6))
        if t.plain and b.plain and re.fullmatch(r"[\s.()\-\u2013]*", text[t.end : b.start]):
            return None  # "020 7946 0000"-like groups of digits
    value = to_py(-t.value if negative else t.value, 6)
    if value is None:
        return None
    q = qualify(prefix, after)
    lo, hi = interval(value, to_py(t.step, 6), q)
    if lo is not None and lo < 0 and unit == "count":
        lo = 0  # a count is never negative: "zero" -> [0, 0.5]
    return Quantity(value, unit, q, lo, hi)
