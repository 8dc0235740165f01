"""The moment a figure held (a claim's ``as_of``): at the open, at the close, during trading, before the market
opened, after hours, at the IPO price, a banker's estimate against the final figure, with the over-allotment,
when a deal was announced (``vocabulary.AS_OF_MOMENTS``; corpus/GUIDELINES.md "As-of moments").

Figures of one subject at different moments are a timeline, not a conflict: "shares rose 4% in morning trade"
and "closed up 9%" are both right. The moment is read from the words of the figure's own clause — the sentence
cut at ';', 'while', 'but', 'whereas', 'although' and 'before' — the cue nearest to the figure winning. Market
moments (open, close, intraday, pre-market, after hours) are read only for figures that move with the market
(share price changes and valuations); deal moments (estimate, final, over-allotment, IPO price, announced) only
for the size of a deal, a listing or a fund raising and for valuations.

Measured on the real corpus's gold moments (``claimcheck evaluate --sets real-dev``: ``as_of``); chosen on the
train and dev splits only.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from claimcheck.pipeline.spans import span_text

#: attributes whose figures move with the market during a day
MARKET_ATTRIBUTES = frozenset({"share_price_change", "valuation"})
#: attributes whose figures change between a plan and the final deal
DEAL_ATTRIBUTES = frozenset({"ipo_proceeds", "deal_value", "funding", "valuation", "buyback", "ipo_price"})

_TRADE = r"(?:trade|trading|deals|dealings|business|session)"
_PART_OF_DAY = r"(?:early|morning|afternoon|midday|mid-morning|mid-afternoon|late|lunchtime|late-morning|mid-day)"
MARKET_CUES: list[tuple[str, re.Pattern]] = [
    ("pre_market", re.compile(r"\bpre-?market\b|\bpre-open(?:ing)?\b|\bbefore (?:the )?(?:markets?|bell|exchange) "
                              r"open(?:s|ed)?\b|\bgrey[- ]market\b", re.I)),
    ("after_hours", re.compile(r"\bafter[- ]hours?\b|\bextended trading\b|\belectronic trading\b|"
                               r"\bafter the (?:closing )?bell\b|\bafter (?:the )?(?:markets?|trading|trading session|"
                               r"session) (?:had )?(?:closed|finished|ended)\b|\bpost-market\b", re.I)),
    ("open", re.compile(r"\bat the open(?:ing)?\b|\b(?:re)?opened\b|\bon opening\b|\bin opening " + _TRADE
                        + r"|\bopening (?:bell|minutes|price|trade|trading|deals|session)\b", re.I)),
    ("close", re.compile(r"\bat the clos(?:e|ing)\b|\bclos(?:e|ed|es|ing)\b(?! (?:to|in on|ties)\b)|"
                         r"\bat the (?:closing )?bell\b|"
                         r"\bend(?:ed|ing|s)? (?:\w+ ){0,3}(?:day|session|trading|week)\b|"
                         r"\bend(?:ed|ing)? (?:\w+ ){0,2}(?:higher|lower|up|down)\b|\bfinish(?:ed|ing|es)?\b|"
                         r"\bend(?:ed|ing|s)? (?:on )?(?:monday|tuesday|wednesday|thursday|friday)\b|"
                         r"\bsettled\b|\bby the end of (?:the )?(?:day|session|trading)\b", re.I)),
    ("intraday", re.compile(r"\bin " + _PART_OF_DAY + r"(?: \w+)? " + _TRADE + r"\b|"
                            r"\bby (?:late |mid-?|early )?(?:morning|midday|mid-day|lunchtime|lunch|afternoon|"
                            r"mid-morning)\b|\bby \d{3,4} ?(?:gmt|bst|cet|et|edt|est|local time)\b|"
                            r"\b(?:at|by|as of) \d{1,2}[:.]\d{2}\b|\bintra-?day\b|\bduring (?:the )?(?:day|session|"
                            r"trading|morning|afternoon|\w+ (?:morning|afternoon|trading|session))\b|"
                            r"\b(?:early|morning|afternoon|midday) " + _TRADE + r"\b|\bas (?:much|high|low) as\b|"
                            r"\bat one (?:point|stage)\b|\bearlier in the (?:day|session)\b|\bat (?:its|their) "
                            r"(?:highest|lowest|peak)\b|\b(?:hit|touched|reached) (?:a |an )?(?:intraday |session )?"
                            r"(?:high|low)\b", re.I)),
]
DEAL_CUES: list[tuple[str, re.Pattern]] = [
    ("over_allotment", re.compile(r"\bgreen ?shoe\b|\bover-?allotment\b|\bif (?:the |an |its )?(?:\w+ )?"
                                  r"(?:option|underwriters)\b[^.;]{0,40}\bexercis|\bincluding (?:the|an) "
                                  r"(?:\w+ )?option\b", re.I)),
    ("ipo_price", re.compile(r"\b(?:at|on|based on) (?:the |its |their )?(?:ipo|offer|offering|listing|issue|float) "
                             r"price\b", re.I)),
    ("announced", re.compile(r"\bwhen (?:the |its |it )?(?:deal|bid|offer|takeover|merger|it)? ?(?:was )?(?:first )?"
                             r"announced\b|\bat the time of (?:the |its )?announcement\b|\boriginal(?:ly)? "
                             r"(?:announced|offer|bid|deal|terms)\b|\binitial (?:offer|bid|terms)\b", re.I)),
    ("final", re.compile(r"\bfinal (?:price|pricing|figure|size|value|amount|offer|terms|tally|deal)\b|"
                       r"\bin the end\b|\beventually\b", re.I)),
    ("estimate", re.compile(r"\b(?:plans?|planning|planned|seeks?|seeking|sought|hopes?|hoping|hoped|aims?|aiming|"
                            r"aimed|looking|looks|expects?|expected|intends?|intending|targets?|targeting|is set|"
                            r"are set|was set|could|would|might|may|will|bid) (?:\w+ ){0,2}(?:to )?(?:raise|sell|"
                            r"fetch|bring in|offer)\b|\binitially\b|\bestimated?\b|\bplann(?:ed|ing)\b|"
                            r"\bwill (?:sell|raise|offer|issue)\b|\bcould (?:value|be worth|be valued)\b", re.I)),
]
#: where a figure's clause ends: another clause of the sentence may speak of another moment
CLAUSE_BREAK = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b|\balthough\b|\bthough\b|\bbefore\b|\bthen\b|"
                          r"\bhaving\b|—|, and\b|\band then\b", re.I)
#: "rose 1% before ending the day 0.2% lower": a figure followed by its closing figure is from during the day
BEFORE_CLOSING = re.compile(r"^[^.;,\d]{0,30}?\bbefore (?:\w+ ){0,2}(?:clos|end|finish|settl|pare|paring|trimm|eas|"
                            r"fall|slipp|"
                            r"retreat|giving)", re.I)
WINDOW = 90  # characters of the clause on either side of the figure that may carry its moment


def _nearest(cues: list[tuple[str, re.Pattern]], left: str, right: str, inside: str) -> Optional[str]:
    """The moment whose cue stands nearest to the figure (in it first, then either side)."""
    best: tuple[int, int, str] | None = None
    for rank, (moment, pattern) in enumerate(cues):
        if pattern.search(inside):
            return moment
        for m in pattern.finditer(left):
            d = len(left) - m.end()
            if best is None or (d, rank) < best[:2]:
                best = (d, rank, moment)
        after = pattern.search(right)
        if after is not None:
            d = after.start()
            if best is None or (d, rank) < best[:2]:
                best = (d, rank, moment)
    return best[2] if best else None


def clause_around(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The words of the figure's clause before (``start``) and after (``end``) it, at most ``WINDOW`` characters
    each way: the sentence cut at its clause breaks."""
    left, right = sentence[max(0, start - WINDOW):start], sentence[end:end + WINDOW]
    breaks = list(CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    m = CLAUSE_BREAK.search(right)
    if m is not None:
        right = right[:m.start()]
    return left, right


def moment_in(sentence: str, start: int, end: int, attribute: str) -> Optional[str]:
    """The moment (``AS_OF_MOMENTS``) of the figure at ``sentence[start:end]`` stating ``attribute``, or None."""
    market, deal = attribute in MARKET_ATTRIBUTES, attribute in DEAL_ATTRIBUTES
    if not market and not deal:
        return None
    inside = sentence[start:end]
    left, right = clause_around(sentence, start, end)
    if market:
        if attribute == "share_price_change" and BEFORE_CLOSING.match(sentence[end:end + WINDOW]):
            return "intraday"
        found = _nearest(MARKET_CUES, left, right, inside if attribute == "share_price_change" else "")
        if found:
            return found
    if deal:
        return _nearest(DEAL_CUES, left, right, inside)
    return None


def moment_of(span: Span, attribute: str) -> Optional[str]:
    """The moment of a figure ``span`` (its sentence from the parse or the sentence recogniser) or None."""
    try:
        sent = span.sent
    except ValueError:  # no sentence boundaries on this doc
        sent = span.doc[:]
    base = sent.start_char
    return moment_in(span_text(sent), span.start_char - base, span.end_char - base, attribute)
