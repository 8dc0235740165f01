"""Money and percent spans found by a number grammar (regular expressions).

spaCy's small English NER misses or truncates many financial figures ("HK$88
billion", "$54.5bn", "$200m") and calls "1 per cent" MONEY; this scanner finds
them reliably and its spans take priority over the statistical NER. It only
finds spans: values come from :mod:`claimcheck.normalize`.
"""

from __future__ import annotations

import re
from typing import Iterator

from claimcheck.normalize.counts import MEASURE_SPAN_UNIT_RE
from claimcheck.normalize.numbers import sentence_around, sentence_start

# a two-way quote ("1.8250/60 marks") and a fraction with no whole part ("3/4 cent") are figures too
_NUM = (r"(?:\d{1,6}\.\d{1,6}/\d{1,4}(?![\d/])|\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?"
        r"|\d{1,15}(?:\.\d+)?(?:-\d{1,2}/\d{1,2})?|(?<![\d/])[1-9]\d?/(?:2|4|8|16|32)(?![\d/])|\.\d+)")
_WORDNUM = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
            r"|sixty|seventy|eighty|ninety|a|half\s+a|a\s+half|several|a\s+few)")
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty"
                r"|fifty)(?:\s*-?\s*(?:trillion|billion|million|mln|bln)\b)?")  # "6.25 to seven dlrs"
_SCALE = r"(?:trillion|billion|million|thousand|crore|lakh|tn|bn|bln|mil|mn|mln|m|b|k)\b"
# "Y=" is wire copy's yen ("Y=50 billion"); "RM" the Malaysian ringgit, only on a figure ("RM3.06mil")
_SYMBOL = (r"(?:US\$|HK\$|NZ\$|C\$|A\$|S\$|R\$|\$|Y=|RM(?=\d)|Â£|â‚¬|Â¥|£|€|¥|₹|[₱₺₦₴₫฿₡₾₭₩₽₪]"
           # the rand's R on a figure that is money by its form ("R500 million", "R2.5bn", "R12,000"; not "R2-D2")
           r"|(?-i:R)(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?\s?(?:bn|billion|m|mn|million|trillion|tn)\b)"
           r"|RMB|CNY|USD|HKD|GBP|EUR|JPY|INR|CHF|AUD|CAD|SGD"
           # other ISO codes written before the amount ("NOK 88", "a buyback of up to SEK 400m"), in capitals and
           # right before a digit; not the quoted side of a cross rate ("EUR/NOK 11.5"). Codes that are words or
           # names in capitals ("TRY", "PHP", "RON", "SAR") are left out
           r"|(?-i:(?<![/\w])(?:NOK|SEK|DKK|ISK|PLN|CZK|HUF|ZAR|NZD|TWD|KRW|BRL|MXN|RUB|ILS|MYR|IDR)(?=\s?\d)))")
#: what makes "pounds" a weight ("1.5 mln pounds uranium oxide", "400,000 pounds of copper"), not sterling
_WEIGHED = (r"\s+of\s+(?!(?:the|its|their|his|her|which|new|debt|shares?|capital|stock|cash|money)\b)(?-i:[a-z]{3,})"
            r"|\s+(?:uranium|yellowcake|copper|nickel|zinc|lead|tin|cotton|sugar|coffee|cocoa|beef|pork|meat|milk"
            r"|butter|cheese|tobacco|wool|peanuts?)\b")
_CURRENCY_WORD = (r"(?:(?:US|U\.S\.|Hong\s+Kong|Canadian|Australian|Singapore|New\s+Zealand)\s+(?:dollars?|dlrs?)"
                  rf"|dollars?|dlrs?|cts|cents?|euros?|pounds?(?:\s+sterling)?(?!{_WEIGHED})(?![\s-]f(?:ee|oo)t\b)"
                  r"|sterling|stg|yuan|renminbi|yen|rupees?"
                  r"|(?:Swiss\s+|French\s+|Belgian\s+)?francs?|(?:West\s+German\s+)?marks|guilders|lire|pesetas?"
                  r"|schillings?"
                  # the ECU, SDRs and other currencies of 1980s wire copy that normalize.money reads on their own
                  # ("1,000, 10,000 and 250,000 ECU", "40 mln escudos"); dinars and crowns only with their country
                  r"|ECUs?|European\s+Currency\s+Units?|SDRs?|Special\s+Drawing\s+Rights?"
                  r"|escudos|cruzados|bolivars|australs|forints|sucres|intis|kwacha|markkaa?|riyals"
                  r"|ringgit|baht|rupiah|naira|dirhams|shekels|zlotys|(?-i:rand)"
                  r"|(?:Swedish|Danish|Norwegian)\s+crowns"
                  # "108.79 JPY", "500 USD" (not "a CHF 1bn buyback": a code before its amount)
                  r"|(?-i:USD|EUR|JPY|GBP|CHF|CNY|HKD|AUD|CAD|SGD|INR|NZD"
                  r"|NOK|SEK|DKK|ISK|PLN|CZK|HUF|ZAR|TWD|KRW|BRL|MXN|RUB|ILS|MYR|IDR)(?!\s?\d))\b")
_QUAL = (r"(?:(?:about|around|roughly|nearly|almost|some|approximately|an\s+estimated|close\s+to|more\s+than|over|"
         r"at\s+least|above|upwards\s+of|in\s+excess\s+of|up\s+to|less\s+than|under|below|as\s+much\s+as|"
         r"no\s+more\s+than|at\s+most)\s+)?")
_AMOUNT = rf"(?:{_NUM})(?:\s*-?\s*{_SCALE})?"  # "$2.5bn", "$2.5 billion", "$2.5-billion"
_AMOUNT_ANY = rf"(?:{_NUM}|{_WORDNUM})(?:\s*-?\s*{_SCALE})?"

# "$5m and 5% of its shares": two figures ("$419.2 billion." at a sentence's end is whole: "." then no digit)
_NOT_PERCENT = r"(?!\s*(?:%|(?:per\s*cent|percent|pct)\b)|\d|\.\d)"

MONEY_RE = re.compile(
    # "and" joins a range only after "between": "$9bn and $3bn respectively" are two figures
    rf"(?<![\w$])(?:(?P<between>between\s+))?{_QUAL}"
    rf"(?:{_SYMBOL}\s?{_AMOUNT}(?:\s*(?:to|-|–|(?(between)and|(?!)))\s*(?:{_SYMBOL}\s?)?{_AMOUNT}{_NOT_PERCENT})?"
    # "1-1/4 cents to 3/4 cent", "between 15 dlrs and 17 dlrs": the currency on both ends (not "from 5 dlrs to
    # 6 dlrs" nor "raised 25 cts to 7.75 dlrs", a change and a level: two figures, see find_quantities)
    rf"|(?P<r1>{_AMOUNT_ANY}\s+{_CURRENCY_WORD})\s*(?:to|–|(?(between)and|(?!)))\s*(?P<r2>{_AMOUNT}\s+{_CURRENCY_WORD})"
    rf"|{_AMOUNT_ANY}(?:\s*(?:to|-|–|(?(between)and|(?!)))\s*(?:{_AMOUNT}|{_NUMBER_WORD}))?\s+{_CURRENCY_WORD}"
    # "a 1.5-mln-dlr offering", "a 60-mln-stg loan": the amount as an adjective
    rf"|{_NUM}-(?:mln|bln|million|billion)-(?:dlr|dollar|stg|yen|mark|franc|guilder|lira|peseta|ecu)\b)",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(
    rf"(?<![\w.]){_QUAL}(?:between\s+{_NUM}\s*(?:%|per\s*cent|percent|pct)\s*and\s*{_NUM}"  # "between 5% and 7%"
    # "and" joins a range only after "between": "fell 2.5 and 4 percent, respectively" are two figures
    rf"|(?P<between>between\s+)?(?:{_NUM}|{_WORDNUM})(?:\s*(?:to|-|–|(?(between)and|(?!)))\s*(?:{_NUM}|{_WORDNUM}))?)"
    # basis points are hundredths of a percentage point ("25bps", "40 bp"; not "5 BP stations")
    rf"\s*(?:%|per\s*cent\b|percent\b|percentage\s+points?\b|pct\b|basis\s+points?\b|(?-i:bps?)\b)",
    re.IGNORECASE,
)
# "one in 12" as a share; "a third of its revenue", "half of the group's sales", "three quarters of Beta" as a
# share of a company or its figures (corpus/GUIDELINES.md: other fractions, "about half of the staff", are not
# mentions)
SHARE_RE = re.compile(r"\b(?:one|1)\s+in\s+(?:\d{1,4}|ten|five|four|three|twenty)\b", re.IGNORECASE)
_OWNER = (r"(?:(?:its|their|the|this|that)\s+(?:company's\s+|group's\s+|firm's\s+)?"
          r"|(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,2}['\u2019]s?\s+)?")
_COMPANY_FIGURE = (r"(?:total\s+|annual\s+|global\s+|overall\s+)?(?:revenues?|sales|turnover|income|profits?|earnings"
                   r"|shares|stock|stake|business|market|output|exports)")
FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?:a|one|two|three|four|nine)[\s-]+(?:half|thirds?|quarters?|fifths?|tenths?)|half"
    r"|three[\s-]+quarters)"
    rf"(?=\s+of\s+(?:{_OWNER}{_COMPANY_FIGURE}"
    r"|(?-i:[A-Z])[\w&-]+(?![\w&-]*['\u2019])))",  # "three quarters of Beta": a stake in a named company
    re.IGNORECASE,
)
#: words before "half of"/"a quarter of" that make it a period or an ordinal, not a share ("the second half of")
_NOT_SHARE_BEFORE = re.compile(r"(?:first|second|third|fourth|final|last|next|the|this|that|latter|former)\s*$",
                               re.IGNORECASE)
# "1.2m passengers", "450M users", "half a million customers": a count with a scale word before a noun (money
# spans, which start earlier or end later, win over these; so do the NER's money and quantity entities, whose
# currency or unit this grammar does not know: "36bn kroner", "28.6 mln barrels")
COUNT_RE = re.compile(
    rf"(?<![\w$£€¥.])(?i:{_QUAL})(?:(?:{_NUM}|(?i:one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s*-?\s*(?:(?i:trillion|billion|bilion|million|thousand)|bn|mn|mln|m|M|k)"
    r"|(?i:half\s+a|a)\s+(?i:trillion|billion|million|thousand))"
    r"(?![\w$£€¥])(?=\s+(?:new\s+|more\s+|extra\s+|additional\s+)?[a-z]{3,})",
)

#: a money-market rate quoted offer and bid side by side, a comma between ("steady at six, 5-1/2 pct", "declined to
#: 6-1/4, 1/8 pct from 6-1/2, 1/4 on Monday"): one figure, which normalize.percent reads as a range; with a fraction
#: on one side, and the unit left off only where the sentence quotes another rate so with it
_RATE_SIDE = (r"(?:\d{1,2}-\d{1,2}/(?:2|4|8|16|32)|[1-9]\d?/(?:2|4|8|16|32)|\d{1,2}"
              r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)")
TWO_WAY_RE = re.compile(rf"(?<![\w.,/-]){_RATE_SIDE},[ \t]+{_RATE_SIDE}(?![\w/-])", re.I)
_PCT_AFTER = re.compile(r"\s*(?:%|(?:per\s*cent|percent|pct)\b)", re.I)


def _two_way_rates(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, "PERCENT") of each two-way rate quote (:data:`TWO_WAY_RE`)."""
    from claimcheck.normalize.percent import normalize_percent

    def quote(m: re.Match) -> tuple[int, int] | None:
        unit = _PCT_AFTER.match(text, m.end())
        end = unit.end() if unit else m.end()
        q = normalize_percent(text[m.start():end] + ("" if unit else " pct"))
        return (m.start(), end) if "/" in m.group(0) and q is not None and q.qualifier == "range" else None

    found = [(m, quote(m), _PCT_AFTER.match(text, m.end()) is not None) for m in TWO_WAY_RE.finditer(text)]
    quoted = {sentence_start(text, m.start()) for m, span, unit in found if span and unit}
    for m, span, unit in found:
        if span and (unit or sentence_start(text, m.start()) in quoted):
            yield span[0], span[1], "PERCENT"


#: a weight in pounds ("1.5 mln pounds uranium oxide", "between one mln and 1.5 mln pounds of copper"): a QUANTITY,
#: which the NER often takes for sterling
WEIGHT_RE = re.compile(
    rf"(?<![\w$£€¥.])(?i:{_QUAL})(?i:(?P<between>between\s+))?{_AMOUNT_ANY}"
    rf"(?:\s*(?:to|-|–|(?(between)and|(?!)))\s*{_AMOUNT})?\s+(?i:pounds?|lbs?)(?=(?i:{_WEIGHED}))"
)

# "5kW", "32m2", "3923sq m", "121ft", "-5 yards", "minus-130 degrees Fahrenheit", "sub-7 nanometer": a number with
# its unit of measure, which the NER often leaves out when the unit is written onto the number (a minus sign only
# where it starts a word: "sub-7" is 7)
MEASURE_RE = re.compile(
    rf"(?:(?<![\w.,\-\u2212])(?:minus[\s-]?|[-\u2212])(?=\d)|(?<![\w.,]))"
    rf"{_NUM}(?:\s+(?:million|billion|thousand|mln|bln|bn))?\s?-?\s?{MEASURE_SPAN_UNIT_RE}(?![A-Za-z])",
    re.IGNORECASE,
)

_STERLING_RE = re.compile(r"\b(?:stg|sterling|pence|British\s+pounds?)\b|£|Â£", re.IGNORECASE)

_MAX_SCAN = 2_000_000
_CHANGE_TO_LEVEL = re.compile(r"\d{1,6}-\d{1,2}/\d{1,2}\s+to\s+")
_MOVED = (r"(?:rose|fell|gained|lost|dropped|slipped|eased|climbed|added|jumped|advanced|declined|tumbled|slid|firmed"
          r"|was\s+up|was\s+down|was\s+off|up|down|off)")
#: "the prime rate fell 1/4 to 7-1/2 pct", "rose one to 42 dlrs": a move, then the level it reached - not a range
_MOVE_TO_LEVEL = re.compile(rf"(?i:{_MOVED})\s+(?:\d{{1,6}}-\d{{1,2}}/\d{{1,2}}|[1-9]\d?/\d{{1,2}})\s+to\s+$")
_PRICE = r"(?:\d{1,4}-\d{1,2}/(?:2|4|8|16|32)|[1-9]\d?/(?:2|4|8|16|32)|\d{1,4}|one|two|three|four|five|six|seven|eight)"
#: a share price's move and the price it reached, in dollars left unwritten: "Halbrook fell 2-1/4 to 68-1/4",
#: "Kestrel was up 3/8 at 31-1/2", "Orrin was down two today at 23-5/8" (one of the two in fractions, as 1980s stock
#: prices were quoted)
STOCK_MOVE_RE = re.compile(
    rf"\b{_MOVED}\s+(?P<change>{_PRICE})\s+(?:(?:today|yesterday)\s+)?(?:to|at)\s+(?P<level>{_PRICE})"
    r"(?![\w/-]|[.,]\d)"
    r"(?P<unit>\s*(?:pct|percent|per\s*cent|%|points?|basis|pence|p\b|stg|yen|marks|francs|guilders"
    r"|dlrs?|dollars?|cts|cents?))?",
    re.IGNORECASE,
)
#: the words just before a move that make it a bond's, an index's or a rate's, not a share price's
_NOT_STOCK_BEFORE = re.compile(r"\b(?:bonds?|notes?|treasur\w*|index|average|yields?|futures|contracts?|rates?|gilts?"
                               r"|points?|bills?)\b", re.I)


#: words before "X dlrs to Y dlrs" that make it a change and the level it reached, or a change from one to the other
_CHANGE_BEFORE = re.compile(rf"(?:\b(?:by|from|raised|increased|boosted|lifted|lowered|reduced|cut|{_MOVED[3:-1]})"
                            r"|\b(?:rise|fall|increase|decrease|cut|drop|gain|loss|decline)\s+of)\s+$", re.I)


#: a verb of change in the past or its '-ing' form besides ``_MOVED``'s: it never tells a range ("had risen …",
#: "adding $2.40 to $61.15")
_CHANGED = r"raised|increased|boosted|lifted|lowered|reduced|decreased|risen|rising|fallen|falling|adding"
_CHANGE_VERB = rf"(?:by|cut|{_CHANGED}|{_MOVED[3:-1]}|rise|fall|increase|decrease|drop|gain|loss|decline)"
#: verbs of change that may also come before a range ("plans to raise $300m to $400m", "aims at reducing costs by
#: $2m to $3m"): a change only with "from" after them ("to reduce its debt this year from £90m to £40m")
_CHANGE_VERB_FROM = (r"(?:raise|raises|raising|reduce|reduces|reducing|increases|increasing|boost|boosts|boosting"
                     r"|lower|lowers|lowering|decreasing)")
#: what makes "$X to $Y" a change and the level it reached, or a move from one to the other: a verb of change
#: right before it (a qualifier between: "dropped more than $3 to $71.10") or before its "from", up to four words
#: between ("increased this from £6 to £10", "reduce its debt this year from …"); a plain "from" is a range
#: ("prices range from $310,000 to $4.2m", "fines from $250,000 to $1m"), and so is one after "ranging"
_MOVE_BEFORE = re.compile(rf"\b{_CHANGE_VERB}\s+(?:of\s+)?$|\b(?:{_CHANGE_VERB}|{_CHANGE_VERB_FROM})\b"
                          rf"(?:\s+(?!rang(?:e|es|ed|ing)\b)[\w'’-]+){{0,4}}\s+from\s+$", re.I)
#: a verb of change in the past (or its '-ing' form) right before a figure, 'by' between or not ("slipped by 310 mln to
#: 4.2 billion guilders"); a base form may tell a range ("would lift its costs by 3.1 to 4.4 billion dlrs")
_MOVED_BY = re.compile(rf"\b(?:{_MOVED[3:-1]}|{_CHANGED})\s+(?:by\s+)?$", re.I)
_SCALED = re.compile(rf"\d\s*-?\s*{_SCALE}$", re.I)  # "310 mln", not "rose 5 to 6 billion yen"
#: a month's name right before a figure: the figure is a day ("rose on May 14 to 3.1 billion dlrs"), no end of a range
_DAY_OF_MONTH = re.compile(r"\b(?-i:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?"
                           r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MARCH|APRIL|MAY|JUNE|JULY|AUG|SEPT?|OCT"
                           r"|NOV|DEC)\.?\s+$")
#: a money span of two figures each with its currency symbol: "$43.6 billion to $419.2 billion"
_SYMBOL_PAIR = re.compile(rf"(?P<a>{_QUAL}{_SYMBOL}\s?{_AMOUNT})\s*(?:to|-|–)\s*(?P<b>{_SYMBOL}\s?{_AMOUNT})", re.I)


def _two_figures(text: str, m: re.Match) -> bool:
    """'raised 25 cts to 7.75 dlrs', 'from 5 dlrs to 4 dlrs', 'boost net income by 400m euros to 2.5bn euros': a
    change and a level (or two levels), not a range; so is a pair in two different units ('75 cts to 42.75 dlrs')."""
    unit = [re.sub(r"s$", "", text[m.start(g):m.end(g)].split()[-1].lower()) for g in ("r1", "r2")]
    if unit[0] != unit[1]:
        return True
    return bool(_CHANGE_BEFORE.search(text[max(0, m.start() - 30):m.start()]))


#: a share price's move in fractions without the level: "Kestrane rose 1-3/4, while", "was up 6-1/4 in heavy trading"
STOCK_CHANGE_RE = re.compile(
    rf"\b{_MOVED}\s+(?P<change>\d{{1,3}}-\d{{1,2}}/(?:2|4|8|16|32)|[1-9]\d?/(?:2|4|8|16|32))"
    r"(?=[,;]|\.(?!\d)|\s+(?:in|on|while|and|after|at|to)\b)", re.IGNORECASE)


def _stock_moves(text: str) -> Iterator[tuple[int, int, str]]:
    for m in STOCK_CHANGE_RE.finditer(text):
        if not _NOT_STOCK_BEFORE.search(text[max(sentence_start(text, m.start()), m.start() - 80):m.start()]) \
                and not STOCK_MOVE_RE.match(text, m.start()):
            yield m.start("change"), m.end("change"), "MONEY"
    for m in STOCK_MOVE_RE.finditer(text):
        if "/" not in m.group("change") + m.group("level"):
            continue
        unit = (m.group("unit") or "").strip().lower()
        if unit and not unit.startswith(("dlr", "dollar")):
            continue  # a rate's, a pence price's: not a share price in dollars
        if _NOT_STOCK_BEFORE.search(text[max(sentence_start(text, m.start()), m.start() - 80):m.start()]):
            continue
        yield m.start("change"), m.end("change"), "MONEY"
        if not unit:
            yield m.start("level"), m.end("level"), "MONEY"


#: a person's weight in the sentence: "trying to get fit, he went from 231 pounds to 214 by training"
_BODY_WEIGHT = re.compile(r"\b(?:weigh(?:s|ed|ing|t)?|diet(?:ing)?|exercis(?:e|es|ed|ing)|in\s+(?:better\s+|good\s+)?"
                          r"shape|heavier|lighter|overweight|obes(?:e|ity)|slimm(?:ed|ing)|workouts?)\b", re.I)


def _body_weight(text: str, start: int) -> bool:
    """The sentence around ``start`` speaks of a body's weight and never of sterling (read for a figure of two or
    three digits in pounds, as a person weighs)."""
    sentence = sentence_around(text, start)
    return bool(_BODY_WEIGHT.search(sentence)) and not _STERLING_RE.search(sentence) and not _PAYMENT.search(sentence)


#: words of money in the sentence: its pounds are sterling after all ("paid 500 pounds for a striker who weighs")
_PAYMENT = re.compile(r"\b(?:pa(?:y|ys|id|ying)|costs?|cost(?:ing)?|price[ds]?|fees?|fined?|worth|sold|bought"
                      r"|spen[dt]|earn(?:s|ed|ings)?|salar(?:y|ies)|wages?|charged?|bid|offer(?:ed)?|rais(?:e|ed)"
                      r"|profits?)\b", re.I)


#: a money span that starts with a three-capital code ("USD 5", "up to NOK 3.2")
_CODE_THEN_PERCENT = re.compile(rf"(?i:{_QUAL})(?-i:[A-Z]{{3}})\s?\d")


def find_quantities(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) for money and percent expressions, shares ("a third of") and counts with a scale word
    ("1.2m passengers"), non-overlapping, in text order."""
    if len(text) > _MAX_SCAN:
        text = text[:_MAX_SCAN]
    spans: list[tuple[int, int, str]] = []
    # a story that weighs in pounds ("100 mln pounds of fiber") and never names sterling: its pounds are weights
    weighs = WEIGHT_RE.search(text) is not None and not _STERLING_RE.search(text)
    for label, pattern in (("MONEY", MONEY_RE), ("PERCENT", PERCENT_RE), ("PERCENT", SHARE_RE),
                           ("PERCENT", FRACTION_RE), ("CARDINAL", COUNT_RE), ("QUANTITY", WEIGHT_RE)):
        for m in pattern.finditer(text):
            start, end = m.span()
            if pattern is FRACTION_RE and _NOT_SHARE_BEFORE.search(text[max(0, start - 12):start]):
                continue
            chunk = m.group(0)
            # never end on whitespace; never start a money span on a bare scale-less single letter
            stripped = chunk.rstrip()
            end = start + len(stripped)
            if label == "MONEY" and not re.search(r"\d|" + _WORDNUM, chunk, re.IGNORECASE):
                continue
            if label == "MONEY" and _CODE_THEN_PERCENT.match(stripped) and _PCT_AFTER.match(text, end):
                continue  # "the USD 5% stronger", "NOK 3.2% up": a code (a currency's or a ticker) before a percentage
            if label == "MONEY" and re.fullmatch(r"an?\s+sterling", stripped, re.IGNORECASE):
                continue  # "a sterling year": the adjective, not a pound
            if label == "MONEY" and m.group("r1") and not m.group("between") and _two_figures(text, m):
                spans.extend([(m.start("r1"), m.end("r1"), label), (m.start("r2"), m.end("r2"), label)])
                continue
            two = _SYMBOL_PAIR.fullmatch(stripped) if label == "MONEY" and not m.group("between") else None
            if two and _MOVE_BEFORE.search(text[max(0, start - 40):start]):
                # "increased by $43.6 billion to $419.2 billion", "from $20 to $22": a change and a level
                spans.extend([(start + two.start("a"), start + two.end("a"), label),
                              (start + two.start("b"), start + two.end("b"), label)])
                continue
            move = _CHANGE_TO_LEVEL.match(chunk)
            cut = stripped.find(" to ")
            if label == "MONEY" and not move and cut > 0 and not m.group("between") and "/" not in stripped \
                    and _SCALED.search(stripped[:cut]) and _MOVED_BY.search(text[max(0, start - 40):start]):
                # "exports slipped by 310 mln to 4.2 billion guilders", "after falling 2.05 billion to 9.6
                # billion": a change, then the level it reached, the currency written once
                spans.extend([(start, start + cut, label), (start + cut + 4, end, label)])
                continue
            if label == "MONEY" and move:  # "rose 1-3/8 to 42-1/2 dlrs": a change, then the price it reached
                start += move.end()
            elif label in ("MONEY", "PERCENT") and " to " in chunk:
                cut = chunk.index(" to ") + 4
                if _MOVE_TO_LEVEL.search(text[max(0, start - 20):start + cut]):
                    start += cut  # "the prime rate fell 1/4 to 7-1/2 pct": the move is no end of a range
                elif re.fullmatch(r"(?:[1-9]|[12]\d|3[01])\s+to\s+", chunk[:cut]) \
                        and _DAY_OF_MONTH.search(text[max(0, start - 12):start]):
                    start += cut  # "fell on June 9 to 2.8 billion dlrs": a date's day, then the level
            if label == "MONEY" and re.search(r"\bpounds?$", stripped, re.IGNORECASE) and (weighs or (
                    re.search(r"(?<![\d,.])\d{2,3}(?:\.\d)?\s+pounds?$", stripped) and _body_weight(text, start))):
                label = "QUANTITY"  # "reduced to 400 mln pounds from 500 mln" in a story of pounds of fiber
            spans.append((start, end, label))
    spans.extend(_stock_moves(text))
    spans.extend(_two_way_rates(text))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    result: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, label in spans:
        if start >= last_end:
            result.append((start, end, label))
            last_end = end
    return iter(result)


def find_measures(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each number with its unit of measure ("5kW", "-5 yards"), in text order."""
    for m in MEASURE_RE.finditer(text[:_MAX_SCAN]):
        yield m.start(), m.start() + len(m.group(0).rstrip())
