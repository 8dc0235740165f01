"""Money: "$7.5 billion", "HK$88 billion", "RMB 376.8 billion", "376.8 billion yuan", "£600m"."""

from __future__ import annotations

import re
from decimal import Decimal

from .numbers import (FRACTION_DENOMINATORS, FRACTION_NUMERATORS, MAX_CONTEXT, MAX_TEXT, NumToken, Quantity,
                      expand_fractions, expand_two_way, scan_numbers, sentence_start, to_py, total)
from .qualifiers import interval, qualify, range_pair

__all__ = ["normalize_money", "CURRENCY_CODES"]

_DEFAULT = "DEFAULT"  # "$" and bare "dollars": the caller's default_currency
_CENTS = "CENTS"  # "50 cents": hundredths of the default currency
_PENCE = "PENCE"  # "50p", "50 pence": hundredths of a pound
_SEN = "SEN"  # "18 sen": hundredths of a ringgit

# Written before the number ("US$7.5bn", "RMB 376.8 billion").  Order matters:
# longer markers first so that "HK$" is not read as "$".
_PRE: list[tuple[str, str]] = [
    (r"US\s?\$|U\.S\.\s?\$|\$\s?US(?![A-Za-z])|USD", "USD"),
    (r"HK\s?\$|\$\s?HK(?![A-Za-z])|HKD", "HKD"),
    (r"C\s?\$|CA\$|Can\$|\$\s?C(?:AN?)?(?![A-Za-z])|CAD", "CAD"),
    (r"A\s?\$|AU\s?\$|\$\s?AU?(?![A-Za-z])|AUD", "AUD"),
    (r"NZ\s?\$|\$\s?NZ(?![A-Za-z])|NZD", "NZD"),
    (r"S\s?\$|\$\s?S(?![A-Za-z])|SGD", "SGD"),
    (r"NT\$|TWD", "TWD"),
    (r"R\$|BRL", "BRL"),
    (r"MX\$|MXN", "MXN"),
    (r"\u00a3|GBP|stg", "GBP"),
    (r"\u20ac|EUR", "EUR"),
    (r"CN\u00a5|CN\uffe5|RMB|CNY|yuan", "CNY"),
    (r"JP\u00a5|JPY|Y=", "JPY"),
    (r"\u00a5|\uffe5", "JPY"),
    (r"\u20b9|Rs\.?|INR", "INR"),
    (r"CHF|SFr\.?", "CHF"),
    (r"\u20a9|KRW", "KRW"),
    (r"\u20bd|RUB", "RUB"),
    (r"\u20aa|NIS|ILS", "ILS"),
    (r"(?-i:RM)|MYR", "MYR"),
    (r"(?-i:Rp)|IDR", "IDR"),
    (r"ZAR", "ZAR"),
    # currency signs of their own (their ISO codes alone would read words: "try", "php")
    (r"\u20b1", "PHP"), (r"\u20ba", "TRY"), (r"\u20a6", "NGN"), (r"\u20b4", "UAH"), (r"\u20ab", "VND"),
    (r"\u0e3f", "THB"), (r"\u20a1", "CRC"), (r"\u20be", "GEL"), (r"\u20ad", "LAK"),
    (r"SEK", "SEK"),
    (r"NOK", "NOK"),
    (r"DKK", "DKK"),
    # the codes of crowns, zlotys and forints before an amount ("PLN 1.2bn"), in capitals only
    (r"(?-i:PLN)", "PLN"), (r"(?-i:CZK)", "CZK"), (r"(?-i:HUF)", "HUF"), (r"(?-i:ISK)", "ISK"),
    (r"\$|\uff04", _DEFAULT),
]

# Single capitals written right against the figure ("Y100bn" yen in some wire
# copy, "R5bn" rand, "PS600m": the pound sign after an ASCII transliteration).
_PRE_ATTACHED: list[tuple[str, str]] = [
    (r"(?-i:Y)", "JPY"),
    (r"(?-i:R)", "ZAR"),
    (r"(?-i:PS)", "GBP"),
]

# Written after the number and its scale ("376.8 billion yuan", "50 cents").
_POST: list[tuple[str, str]] = [
    (r"(?:US|U\.S\.|American)\s+(?:dollars?|dlrs?)|USD|US\$", "USD"),
    (r"(?:Hong\s+Kong|HK|H\.\s?K\.)\s+(?:dollars?|dlrs?)|HKD|HK\$", "HKD"),
    # a country's cents: "24 Canadian cts" is 0.24 CAD
    (r"Canadian\s+(?:cents?|cts?)", "CAD_CENTS"),
    (r"(?:Australian|Aust\.?)\s+(?:cents?|cts?)", "AUD_CENTS"),
    (r"(?:U\.S\.|US)\s+(?:cents?|cts?)", "USD_CENTS"),
    # wire copy also writes "Can dlrs", "Aus dlrs", "Australia dlr" (and once "Canadaian dlrs")
    (r"(?:Canad(?:a)?ian|Cdn\.?|Can\.?)\s+(?:dollars?|dlrs?)|CAD", "CAD"),
    (r"(?:Australian?|Aust\.?|Austr\.|Aus\.?)\s+(?:dollars?|dlrs?)|AUD", "AUD"),
    (r"(?:New\s+Zealand|N\.\s?Z\.|NZ)\s+(?:dollars?|dlrs?)|NZD", "NZD"),
    (r"Singapore(?:an)?\s+(?:dollars?|dlrs?)|SGD", "SGD"),
    (r"(?:New\s+)?Taiwan(?:ese)?\s+(?:dollars?|dlrs?)|TWD", "TWD"),
    # other dollars of 1980s wire copy: the ringgit was the "Malaysian dollar" in English until 1993
    (r"Malaysian\s+(?:dollars?|dlrs?)", "MYR"),
    (r"Brunei\s+(?:dollars?|dlrs?)|BND", "BND"),
    (r"Zimbabwe(?:an)?\s+(?:dollars?|dlrs?)|ZWD", "ZWD"),
    (r"Jamaica(?:n)?\s+(?:dollars?|dlrs?)|JMD", "JMD"),
    (r"dollars?|dlrs?|bucks", _DEFAULT),
    # a currency's own sign after the figure ("100 \u20a1", "100\u20be")
    (r"\u20b1", "PHP"), (r"\u20ba", "TRY"), (r"\u20a6", "NGN"), (r"\u20b4", "UAH"), (r"\u20ab", "VND"),
    (r"\u0e3f", "THB"), (r"\u20a1", "CRC"), (r"\u20be", "GEL"), (r"\u20ad", "LAK"),
    # newswire names of the currencies before the euro (1987 Reuters: "1.5 billion marks"), ISO 4217 codes
    (r"East\s+German\s+marks?|Ostmarks?|DDM", "DDM"),
    (r"Finnish\s+marks?", "FIM"),
    (r"(?:West\s+German\s+|German\s+|Deutsche\s+|D-)?marks|DEM", "DEM"),
    (r"(?:Dutch\s+)?guilders?|NLG", "NLG"),
    (r"French\s+francs?|FRF", "FRF"),
    (r"Belgian\s+francs?|BEF", "BEF"),
    (r"(?:Luxembourg|Lux\.?)\s+francs?|LUF", "LUF"),
    (r"(?:CFA\s+francs?|francs?\s+CFA)|XOF", "XOF"),  # West African: most CFA figures on the wire are theirs
    (r"Malagasy\s+francs?|MGF", "MGF"),
    (r"(?:Italian\s+)?lire|ITL", "ITL"),
    (r"(?:Spanish\s+)?pesetas?|ESP", "ESP"),
    (r"(?:Austrian\s+)?schillings?|ATS", "ATS"),
    (r"(?:Finnish\s+)?markkaa?|FIM", "FIM"),
    (r"Irish\s+(?:punts?|pounds?)|IEP", "IEP"),
    (r"Egyptian\s+pounds?|EGP", "EGP"),
    (r"Cyprus\s+pounds?|Cypriot\s+pounds?|CYP", "CYP"),
    (r"(?:British\s+)?pounds?(?:\s+sterling)?|sterling|quid|GBP|stg", "GBP"),
    (r"euros?|EUR", "EUR"),
    (r"(?:Chinese\s+)?yuan|renminbi|RMB|CNY", "CNY"),
    (r"(?:Japanese\s+)?yen|JPY", "JPY"),
    (r"Pakistani?\s+rupees?|PKR", "PKR"),
    (r"Sri\s+Lankan?\s+rupees?|LKR", "LKR"),
    (r"(?:Indian\s+)?rupees?|INR", "INR"),
    (r"Swiss\s+francs?|CHF", "CHF"),
    # plain "francs" in 1980s wire copy are French francs unless the story says Swiss or Belgian first
    (r"francs?", "FRF"),
    (r"Special\s+Drawing\s+Rights?|SDRs?|XDR", "XDR"),
    (r"European\s+Currency\s+Units?|ECUs?|XEU", "XEU"),
    (r"(?:South\s+Korean\s+|Korean\s+)?won|KRW", "KRW"),
    (r"(?:Russian\s+)?r[o]?ubles?|RUB", "RUB"),
    (r"(?:Brazilian\s+)?(?:reais|reals?)|BRL", "BRL"),
    (r"(?:South\s+African\s+)?rand|ZAR", "ZAR"),
    (r"(?:Swedish\s+)?kronor|Swedish\s+(?:crowns?|krona)|SEK", "SEK"),
    (r"(?:Danish\s+)(?:crowns?|kroner|krone)|DKK", "DKK"),
    (r"(?:Norwegian\s+)(?:crowns?|kroner|krone)|NOK", "NOK"),
    (r"Czech\s+(?:crowns?|korun[ay]?)|CZK", "CZK"),
    (r"Icelandic\s+(?:crowns?|kronur|krona)|ISK", "ISK"),
    (r"(?:new\s+)?(?:Israeli\s+)?shekels?|NIS|ILS", "ILS"),
    (r"(?:Malaysian\s+)?ringgit|MYR", "MYR"),
    (r"(?:Indonesian\s+)?rupiah|IDR", "IDR"),
    (r"(?:Turkish\s+)?lir[ae]|TRY", "TRY"),
    (r"(?:Thai\s+)?baht|THB", "THB"),
    (r"(?:Nigerian\s+)?naira|NGN", "NGN"),
    (r"(?:Polish\s+)?zlot(?:y|ys|ych)|PLN", "PLN"),
    (r"Qatari?\s+riyals?|QAR", "QAR"),
    (r"(?:Saudi\s+)?riyals?|SAR", "SAR"),
    (r"(?:UAE\s+|Emirati\s+)?dirhams?|AED", "AED"),
    (r"Mexican\s+pesos?|MXN", "MXN"),
    (r"Philippine\s+pesos?|PHP", "PHP"),
    (r"Chilean\s+pesos?|CLP", "CLP"),
    (r"Colombian\s+pesos?|COP", "COP"),
    # currencies of 1980s wire copy whose name says the country (ISO 4217 codes of the time): the bolivar, the
    # forint, Brazil's cruzado, Ecuador's sucre, Argentina's austral, Portugal's escudo, Peru's inti, Zambia's
    # kwacha (Malawi's when the text says so)
    (r"(?:Venezuelan\s+)?bolivars?|VEB", "VEB"),
    (r"(?:Hungarian\s+)?forints?|HUF", "HUF"),
    (r"(?:Brazilian\s+)?cruzados?|BRC", "BRC"),
    (r"(?:Ecuadorean\s+|Ecuadorian\s+)?sucres?|ECS", "ECS"),
    (r"(?:Argentine\s+)?australs?|ARA", "ARA"),
    (r"(?:Portuguese\s+)?escudos?|PTE", "PTE"),
    (r"(?:Peruvian\s+)?intis?|PEI", "PEI"),
    (r"Malawi(?:an)?\s+kwacha|MWK", "MWK"),
    (r"(?:Zambian\s+)?kwacha|ZMK", "ZMK"),
    (r"Kenyan?\s+shillings?|KES", "KES"),
    (r"Tanzanian?\s+shillings?|TZS", "TZS"),
    (r"Ugandan?\s+shillings?|UGX", "UGX"),
    # dinars only with their country: Yugoslav, Kuwaiti, Bahraini, Iraqi, Jordanian, Libyan, Tunisian, Algerian
    (r"Yugoslav(?:ian)?\s+dinars?|YUD", "YUD"),
    (r"Kuwaiti?\s+dinars?|KWD", "KWD"),
    (r"Bahraini?\s+dinars?|BHD", "BHD"),
    (r"Iraqi?\s+dinars?|IQD", "IQD"),
    (r"Jordanian\s+dinars?|JOD", "JOD"),
    (r"Libyan\s+dinars?|LYD", "LYD"),
    (r"Tunisian\s+dinars?|TND", "TND"),
    (r"Algerian\s+dinars?|DZD", "DZD"),
    (r"\u20ac", "EUR"),
    (r"sen", _SEN),
    (r"cents?|cts?", _CENTS),
    (r"pence|p", _PENCE),
]

#: ISO 4217 codes this module can return (besides ``default_currency``)
CURRENCY_CODES = sorted({c for _, c in _PRE + _POST + _PRE_ATTACHED
                         if c not in (_DEFAULT, _CENTS, _PENCE, _SEN) and not c.endswith("_CENTS")})


def _alternation(table: list[tuple[str, str]]) -> tuple[str, list[str]]:
    parts, codes = [], []
    for k, (rx, code) in enumerate(table):
        parts.append(f"(?P<c{k}>{rx})")
        codes.append(code)
    return "|".join(parts), codes


_PRE_ALT, _PRE_CODES = _alternation(_PRE)
_POST_ALT, _POST_CODES = _alternation(_POST)
_PRE_RE = re.compile(rf"(?<![A-Za-z])(?:{_PRE_ALT})\s?$", re.I)
_ATT_ALT, _ATT_CODES = _alternation(_PRE_ATTACHED)
_PRE_ATTACHED_RE = re.compile(rf"(?<![A-Za-z])(?:{_ATT_ALT})$", re.I)
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
        a = _PRE_ATTACHED_RE.search(before[-4:])
        return _code(a, _ATT_CODES) if a else None
    code = _code(m, _PRE_CODES)
    # a lower-case "yuan" before a figure is not a marker, but "RMB"/"Rs" are
    if m.group(0).strip().lower() == "yuan":
        return None
    return code


#: names that are a currency only after a scale word: "a 300 mln mark placement", "80 mln punts" (but "the
#: 1,000 mark" of an index, "five punts" of a football game)
_SCALED_POST_RE = re.compile(r"^\s?(?:(?P<dem>(?:West\s+German\s+|German\s+)?mark)|(?P<iep>punts?))(?![A-Za-z])", re.I)
_SCALED_RE = re.compile(r"(?:mln|bln|billion|million|trillion|thousand|mn|bn)\s*$", re.I)


def _post_currency(after: str, scaled: bool = False) -> tuple[str, int] | None:
    m = _POST_RE.search(after[:40])
    if not m and scaled and (s := _SCALED_POST_RE.search(after[:40])):
        return ("DEM" if s.group("dem") else "IEP"), s.end()
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
    if code == _SEN:
        return "MYR", Decimal("0.01")
    if code.endswith("_CENTS"):
        return code[:3], Decimal("0.01")
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
        post = _post_currency(text[t.end :], bool(_SCALED_RE.search(text[t.start : t.end])))
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


#: a fraction of a cent in words: "one-half cent", "a half ct", "half a cent", "three-quarters of a cent"
_CENT_FRACTION = re.compile(
    r"(?<![A-Za-z\d.-])(?:(?P<n>one|a|two|three|five|seven)[\s-]+)?(?P<d>half|quarters?|thirds?|eighths?)"
    r"(?:\s+of)?(?:\s+an?)?[\s-]+(?=(?:cents?|cts?)\b)", re.I)


def _cent_fraction(m: re.Match[str]) -> str:
    num = FRACTION_NUMERATORS[(m.group("n") or "one").lower()]
    den = FRACTION_DENOMINATORS[m.group("d").lower()]
    if num >= den:
        return m.group(0)
    return f"{to_py(Decimal(num) / Decimal(den), 6)} "


#: currency signs as UTF-8 read as Latin-1 (left in some corpora even after cleaning: "Â£600m")
MOJIBAKE_SYMBOLS = {"Â£": "£", "â‚¬": "€", "Â¥": "¥"}


def repair_symbols(text: str) -> str:
    for bad, good in MOJIBAKE_SYMBOLS.items():
        if bad in text:
            text = text.replace(bad, good)
    return text


@total(None)
def normalize_money(text: str, left_context: str = "", *, default_currency: str = "USD",
                    bare: bool = False) -> Quantity | None:
    """A MONEY span -> ``Quantity(value, ISO 4217 code, qualifier, low, high)``.

    "$" and "dollars" without a country mean ``default_currency``; "¥" is JPY
    ("CN¥", "RMB", "yuan", "renminbi" are CNY).  A figure with no currency marker
    at all gives None, unless ``bare``: the span is known to be money (a figure of a newswire results
    table, "Revs 456.7 mln vs 401.2 mln"), so its first figure is an amount of ``default_currency``.
    Ranges ("$1.2m to $23.5m", "between $10m and $12m", "$10-12 million") have qualifier "range", the
    stated bounds as low/high and their midpoint as value.  A bracketed conversion ("$1.13bn (£600m)")
    is ignored.
    """
    if not isinstance(text, str) or not isinstance(left_context, str):
        return None
    text = _drop_parentheticals(repair_symbols(text[:MAX_TEXT]))
    text = expand_fractions(text)  # newswire prices: "42-1/2 dlrs" is 42.5
    text = _CENT_FRACTION.sub(_cent_fraction, text)  # "lowered by one-half cent" is 0.5 cents
    text = expand_two_way(text)  # a bid/offer quote: "1.8250/60 marks" is 1.8250 to 1.8260
    left = left_context[-MAX_CONTEXT:]
    toks = scan_numbers(text)
    found = _find(text, toks, left)
    if found is None and bare:
        first = next((k for k, t in enumerate(toks) if not (t.ordinal or t.leading_zero)), None)
        found = None if first is None else (first, _DEFAULT, toks[first].end)
    if found is None:
        return None
    i, code, end = found
    t = toks[i]
    currency, factor = _resolve(code, default_currency if isinstance(default_currency, str) else "USD")
    prefix = left + " " + text[: t.start]
    if i + 1 < len(toks):
        r = range_pair(text, t, toks[i + 1], prefix, _UNIT_RE, descending=True)
        if r is not None:
            low, high, _ = r
            mid = to_py((low + high) / 2 * factor, 6)
            if mid is None:
                return None
            return Quantity(mid, currency, "range", to_py(low * factor, 6), to_py(high * factor, 6))
    value = t.value * factor
    q = qualify(prefix, text[end:])
    lo, hi = interval(to_py(value, 6), to_py(t.step * factor, 6), q)
    point = to_py(value, 6)
    if point is None:
        return None
    return Quantity(point, currency, q, lo, hi)


# ------------------------------------------------------------------ document context

#: dollar currencies a document may name before writing a bare "$"
_DOLLAR_MARK_RE = re.compile(
    r"(?<![A-Za-z])(?:(?P<hkd>HK\s?\$|\$\s?HK(?![A-Za-z])|Hong\s+Kong\s+dollars?)"
    r"|(?P<aud>A\s?\$|AU\s?\$|\$\s?AU?(?=\s?\d)|Australian\s+dollars?)"
    r"|(?P<cad>C\s?\$|CA\$|Can\$|\$\s?CAN?(?=\s?\d)|Canadian\s+dollars?)"
    r"|(?P<nzd>NZ\s?\$|\$\s?NZ(?![A-Za-z])|New\s+Zealand\s+dollars?)"
    r"|(?P<sgd>S\s?\$|\$\s?S(?=\s?\d)|Singapore(?:an)?\s+dollars?)"
    r"|(?P<twd>NT\s?\$|(?:New\s+)?Taiwan(?:ese)?\s+dollars?)"
    r"|(?P<usd>US\s?\$|U\.S\.\s?\$|\$\s?US(?![A-Za-z])|US\s+dollars?|U\.S\.\s+dollars?))"
)
_BARE_DOLLAR_RE = re.compile(r"(?<![A-Za-z$])\$(?!\s?(?:US|HK|AU?|CAN?|NZ|S)(?![a-z]))")
_CONTEXT_MAX_CHARS = 200_000


@total(None)
def currency_context(text: str, *, strict: bool = False) -> str | None:
    """The currency a document means by a bare "$", when its own text says so.

    A document that names a local dollar ("A$", "HK$", "C$", "NZ$", "S$",
    "Australian dollars" ...) and then writes "$" outside a bracketed conversion
    uses "$" for that dollar: ``currency_context("A$458m in sales ... a $20m
    loss")`` is ``"AUD"``.  A bare "$" only inside brackets after a local figure
    ("A$458.4m ($357.6m; £191m)") is the US-dollar conversion, so that gives None,
    as does a document with no local dollar or one naming several local dollars
    equally often.  Pass the result as ``default_currency`` to
    :func:`normalize_money`; None means keep the caller's default (USD).

    ``strict`` (what the pipeline uses) also asks that the local dollar dominate: at least twice as
    many local-marked figures as bare "$" ones. A foreign writer quoting "HK$176 a share" and then
    "$480bn" of market value means US dollars by the second; a Hong Kong paper writes mostly "HK$".
    """
    if not isinstance(text, str):
        return None
    text = text[:_CONTEXT_MAX_CHARS]
    counts: dict[str, int] = {}
    first_pos: dict[str, int] = {}
    marks: list[tuple[int, int]] = []
    for m in _DOLLAR_MARK_RE.finditer(text):
        code = (m.lastgroup or "").upper()
        marks.append((m.start(), m.end()))
        if code == "USD":
            continue
        counts[code] = counts.get(code, 0) + 1
        first_pos.setdefault(code, m.start())
    if not counts:
        return None
    best = max(counts.values())
    leaders = sorted((first_pos[c], c) for c, n in counts.items() if n == best)
    if len(leaders) > 1:
        return None
    start, code = leaders[0]
    bare = 0
    for m in _BARE_DOLLAR_RE.finditer(text, start):
        if any(a <= m.start() < b for a, b in marks):
            continue
        if _inside_conversion(text, m.start()):
            return None  # the writer converts into "$": here "$" is the US dollar
        bare += 1
    if not bare or (strict and counts[code] < 2 * bare):
        return None
    return code


def _inside_conversion(text: str, pos: int) -> bool:
    """Is ``pos`` inside brackets that follow a figure: "A$458.4m ($357.6m; £191m)"?"""
    open_at = text.rfind("(", max(0, pos - 40), pos)
    if open_at < 0 or ")" in text[open_at:pos]:
        return False
    return re.search(r"\d\s*(?:[A-Za-z]{1,8}\s*)?$", text[max(0, open_at - 20) : open_at]) is not None


# ------------------------------------------------------------------ conversions

_CONV_RE = re.compile(r"^(?P<head>[^()\[\]]*?)\s*[(\[](?P<body>[^()\[\]]*)[)\]]\s*$")
_CONV_SPLIT_RE = re.compile(r"\s*(?:;|,\s+(?=\D)|\s+or\s+|\s*/\s*(?=\D))\s*")


@total([])
def split_conversion(text: str, left_context: str = "", *, default_currency: str = "USD") -> list[Quantity]:
    """A figure and its bracketed conversions: the same amount in other currencies.

    ``split_conversion("$1.13bn (£600m)")`` -> [1.13bn USD, 600m GBP];
    ``split_conversion("A$458.4m ($357.6m; £191m)")`` -> [458.4m AUD, 357.6m USD,
    191m GBP].  The first item is the figure (read with ``default_currency``); the
    others carry ``kind="conversion"``.  Inside the brackets a bare "$" is
    ``default_currency``, except when the figure itself is a dollar other than
    that: then it is the US dollar (the usual wire-copy conversion).  A
    conversion without a qualifier of its own takes the figure's ("more than
    $1bn (£600m)": both at_least).  Bracketed parts that are not money, are in
    the figure's own currency or compare rather than convert ("up from $4m")
    are skipped; [] when the figure itself is not money.
    """
    if not isinstance(text, str) or not isinstance(left_context, str):
        return []
    if not isinstance(default_currency, str):
        default_currency = "USD"
    text = text[:MAX_TEXT]
    m = _CONV_RE.match(text)
    head, body = (m.group("head"), m.group("body")) if m else (text, "")
    main = normalize_money(head, left_context, default_currency=default_currency)
    if main is None:
        return []
    out = [main]
    bare = default_currency
    if main.unit != default_currency and main.unit in _DOLLARS:
        bare = "USD"
    for part in _CONV_SPLIT_RE.split(body)[:8]:
        if not part.strip():
            continue
        if _NOT_CONVERSION_RE.search(part):
            continue  # "(up from $4m last year)" compares, it does not convert
        q = normalize_money(part, "", default_currency=bare)
        if q is None or q.unit == main.unit:
            continue
        if q.qualifier == "exact" and main.qualifier in ("approx", "at_least", "at_most"):
            lo, hi = interval(q.value, 0, main.qualifier)
            # money's bounds are numbers (never the ISO strings of dates), and finite: interval gives both ends
            if (main.qualifier == "approx" and lo is not None and hi is not None
                    and isinstance(q.low, (int, float)) and isinstance(q.high, (int, float))):
                lo, hi = min(lo, q.low), max(hi, q.high)
            q = Quantity(q.value, q.unit, main.qualifier, lo, hi)
        out.append(Quantity(q.value, q.unit, q.qualifier, q.low, q.high, "conversion"))
    return out


_NOT_CONVERSION_RE = re.compile(
    r"(?<![A-Za-z])(?:from|up|down|versus|vs|against|compared|last|previous|year|earlier|ago|before|after|since|than)(?![A-Za-z])",
    re.I,
)
_DOLLARS = {"USD", "HKD", "AUD", "CAD", "NZD", "SGD", "TWD", "MXN"}


# ------------------------------------------------------------------ per-share amounts

#: right after the figure: "22 cts a share", "1.05 dlrs per common share", "30 dlr-a-share", "four cts shr",
#: "seven cts/shr", "2.05 dlrs per diluted share"
_PER_SHARE_AFTER = re.compile(
    r"^(?:\s*,)?(?:\s+|-)(?:a|an|per|each)[- ](?:(?:common|ordinary|preferred|class\s+\w|diluted|primary|"
    r"fully\s+diluted|new|old)\s+)?(?:share|shr)s?\b|^\s*/\s*shr?\b|^\s+shr\b",
    re.I,
)
#: a line that states per-share amounts: results-table rows (``Shr``, ``Oper shr``, ``Shr loss``, ``Qtly div``),
#: "Earnings per share ...", "Dividend ..." - not ``Avg shrs`` (a number of shares)
_PER_SHARE_LINE = re.compile(
    r"^\s*(?:(?:oper(?:ating)?|primary|diluted|fully\s+diluted|net|final|interim|proposed|qtr?ly|quarterly|"
    r"annual|special|extra|semi-annual|monthly)\s+)*(?:shr|shr\.|share|earnings\s+per\s+share|eps|div|div\.|"
    r"dividend|dividend\s+per\s+share|payout)\b(?!\s+(?:capital|outstanding|issued))"
    # a dividend line that names only its period: "Qtrly 12 cts vs 11 cts" under "... RAISES DIVIDEND"
    r"|^\s*(?:qtr?ly|quarterly)\s+(?=(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.I,
)
#: "1.16 dlrs share", "10 cts share" (wire shorthand for "a share"), not "share capital"/"shares outstanding"
_BARE_SHARE_AFTER = re.compile(r"^\s+(?:share|shr)\b(?!\s+(?:capital|outstanding|issued|issue|offering|price))",
                               re.I)
#: a company's total (in millions, or in thousands written out), then "or": the per-share amount follows, as the
#: wire writes it ("a gain of 4.1 mln dlrs or [12 cts]", "from 36.4 mln dlrs or [79 cts] in the same period",
#: "gains of 223,000 or [four cts]") - not alternatives ("a rebate of 300 dlrs or 600 dlrs")
_TOTAL_OR_BEFORE = re.compile(r"(?:\d[\d,.]*\s+(?:mln|bln|billion|million)|\d{1,3}(?:,\d{3})+)(?:\s+[A-Za-z.]+){0,3}?,?"
                              r"\s+or\s+$", re.I)
_SCALED_OWN = re.compile(r"\b(?:mln|bln|billion|million|trillion)\b|\d(?:m|bn)\b", re.I)
#: "each"/"apiece" after the figure is per share when shares are what the sentence prices
_EACH_AFTER = re.compile(r"^\s+(?:each|apiece)\b", re.I)
#: a takeover bid's price in plain dollars: "may lift its bid to 38 dlrs", "an offer of 18 dlrs"
_BID_BEFORE = re.compile(r"\b(?:bid|offer)\s+(?:price\s+)?(?:of|to|at)\s+(?:about\s+|around\s+)?$", re.I)
#: a share price: "the shares closed at 40 dlrs", "its stock rose 1-1/2 to", "one additional share at"
_SHARE_PRICE_BEFORE = re.compile(
    r"(?:\b(?:shares?|stock)\b[^.;]{0,40}\b(?:closed|ended|opened|rose|fell|gained|lost|dropped|slipped|"
    r"climbed|jumped|traded|trading|stood|priced|quoted|was|were)\b[^.;]{0,25}\b(?:at|to|from|by)"
    r"|\b(?:shares?|stock)\b[^.;]{0,25}\b(?:drop|fall|rise|gain|lose|dropped|fell|rose|gained|lost|slipped|"
    r"climbed|jumped|up|down)(?:\s+(?:almost|about|nearly|some|around|over|more\s+than))?"
    r"|\bshares?\s+at)\s*$",
    re.I,
)

#: a share price quoted bare, in fractions, after its move: "Halbrook fell 2-1/4 to 68-1/4", "was up 3/8 at 31-1/2"
_BARE_PRICE = re.compile(r"(?:\d{1,4}-)?\d{1,2}/(?:2|4|8|16|32)|\d{1,4}|one|two|three|four|five|six|seven|eight",
                         re.I)
_QUOTE_MOVE_BEFORE = re.compile(
    r"\b(?:rose|fell|gained|lost|dropped|slipped|eased|climbed|added|jumped|advanced|declined|tumbled|slid|firmed"
    r"|up|down|off)\s+(?:(?:\d{1,4}-)?\d{1,2}/\d{1,2}\s+|\d{1,4}\s+|(?:one|two|three|four|five|six|seven|eight)\s+)?"
    r"(?:(?:today\s+|yesterday\s+)?(?:to|at)\s+)?$", re.I)
#: the quote's other figure in fractions after a bare move: "was down two today at 23-5/8"
_QUOTE_FRACTION_AFTER = re.compile(r"^\s+(?:(?:today|yesterday)\s+)?(?:to|at)\s+\d{1,4}-\d{1,2}/\d{1,2}")


@total(False)
def per_share(text: str, start: int, end: int) -> bool:
    """Is the money figure at ``text[start:end]`` an amount per share ("or 32 cts a share", a ``Shr`` line)?

    Newswire keeps per-share figures apart from totals in three ways: words right after the figure ("22 cts
    a share", "30 dlr-a-share offer", "four cts shr"), the figure's own text ("2.05 dlrs a share"), and the
    label of a results-table line ("Shr 57 cts vs 49 cts", "Qtly div 17 cts vs 17 cts", "Earnings per share
    16.00 guilders").  "each"/"apiece" counts when "share" comes shortly before the figure in its sentence
    ("tender offer for all shares at 18 dlrs each"), and so does a share price ("the shares closed at 40 dlrs",
    "one additional share at 2.50 dlrs").  ``Avg shrs`` lines count shares and are not per share.
    """
    if not isinstance(text, str) or not 0 <= start < end <= len(text):
        return False
    own = text[start:end]
    if re.search(r"\b(?:a|per)\s+share\b|-a-share\b", own, re.I):
        return True
    after = text[end:end + 60]
    if _PER_SHARE_AFTER.match(after):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start]
    # a long line too when it compares figures: "Proposed net final dividend on ordinary shares 70 francs vs 65 to
    # take total net payment for year to 120 francs vs 110"
    short = len(line) <= 60 or (len(line) <= 160 and re.search(r"\bvs\.?\s", line, re.I) is not None)
    # (a figure in millions on such a line is the total paid out: "Dividend payments will total 45 mln dlrs")
    if short and _PER_SHARE_LINE.match(line) and not re.match(r"\s*avg\b", line, re.I) and not _SCALED_OWN.search(own):
        # the figure must be one of the line's own figures, not in a sentence that follows the label
        if not re.search(r"(?<![A-Z])[.;]\s", line):  # (an initial's stop is none: "Shr 3.25 H.K. Dlrs vs 1.40")
            return True
    if _SHARE_PRICE_BEFORE.search(text[max(0, start - 90):start]) and (
            not _SCALED_OWN.search(own) or _EACH_AFTER.match(after)):
        return True  # (not "share turnover rose 4.2 billion crowns": a total; but "ended at 1.2 mln yen each")
    if _BID_BEFORE.search(text[max(0, start - 40):start]) and not _SCALED_OWN.search(own) \
            and not re.search(r"\d{1,3},\d{3}", own) and not re.match(r"\s+(?:mln|bln|billion|million)\b", after, re.I):
        return True  # (not "an offer of 1,500,000 dlrs", "a bid of 46 mln dlrs": a total)
    if _BARE_PRICE.fullmatch(own) and _QUOTE_MOVE_BEFORE.search(text[max(0, start - 40):start]) and (
            "/" in text[max(0, start - 20):end + 12] or _QUOTE_FRACTION_AFTER.match(after)):
        return True  # the stock-quote grammar (pipeline.quantities) reads these as money only in a quote
    if not _SCALED_OWN.search(own):
        if _BARE_SHARE_AFTER.match(after):
            return True
        # a total and its per-share amount, the pair written again for the year before: "rose to 43.7 mln dlrs
        # or 96 cts a share from 36.4 mln dlrs or 79 cts in the same period"
        if _TOTAL_OR_BEFORE.search(text[max(0, start - 60):start]):
            return True
    if _EACH_AFTER.match(after):
        if re.search(r"\bshares?\b", text[max(sentence_start(text, start), start - 80):start], re.I):
            return True
    return False
