"""Figures whose unit newswire copy wrote only once: the counted noun or the currency left off a figure that is
compared with another (claimcheck issue 15).

* "Sales rose to 450 mln dlrs from 390 mln": "390 mln" is dollars too;
* "It sold 1.2 mln shares, up from 900,000": "900,000" counts shares;
* "raised authorized shares to 25 mln from 10 mln", "cutting staff to 125 from 300": the noun is written before
  the pair of figures;
* "the number of passengers rose from 69 in 1984 to 298": the noun is what "the number of" counts;
* "by a vote of 37,000 to 7,100": votes.

:func:`elided_reading` gives a bare count (no noun after it) the label and unit of the figure it is compared with,
or the noun written before the comparison; None when there is no such figure or noun.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from claimcheck.normalize import Quantity, normalize_count, normalize_money, normalize_percent
from claimcheck.normalize.numbers import BIG, SMALL, TENS, sentence_start
from claimcheck.pipeline.spans import text_of

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|Mar|April|Apr|May|June|Jun|July|Jul|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: the period or the state of the figure compared with, between the link and it: "from May's 4,100", "against last
#: year's 15.2 mln", "from an upward revised 827 mln"
_COMPARED_WITH = (rf"(?:(?:{_MONTH}|last\s+(?:year|month|week|quarter)|the\s+previous\s+(?:year|month|week|quarter)"
                  r"|(?:the\s+)?(?:first|second|third|fourth)\s+quarter|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
                  r"'s\s+|(?:an?\s+)?(?:(?:upward(?:ly)?|downward(?:ly)?)\s+)?revised\s+)?")
#: what joins two figures compared in one clause: "450 mln dlrs from 390 mln", "1.2 mln shares, up from 900,000",
#: "to 25 mln from 10 mln", "from 69 in 1984 to 298", "37,000 to 7,100", "12 mln vs 10 mln"
_LINK = (r"\s*,?\s*(?:(?:(?:up|down|rising|falling)\s+)?(?:from|to|against|versus|vs\.?)|compared\s+(?:with|to)"
         rf"|as\s+against|including|of\s+which)\s+{_COMPARED_WITH}")  # "6 million homes, including 1.5 million in …"
_LINK_RE = re.compile(rf"^{_LINK}$", re.I)
#: a time after a figure or its noun: "in 1984", "by October 1", "in March 1986", "at end-1986", "by the end of June",
#: "at the end of the year"
_WHEN = (rf"\s+(?:in|by|at|on|for)\s+(?:(?:19|20)\d\d|(?:end-)?{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?"
         rf"|end-(?:19|20)?\d\d|the\s+end\s+of\s+(?:(?:19|20)\d\d|{_MONTH}(?:,?\s+(?:19|20)\d\d)?"
         r"|the\s+(?:year|month|week|quarter)))")
#: the same after a count's own noun ("1.2 mln shares, up from"), or a measure's words ("90,000 barrels per day of
#: which"), with a time after them or not ("9,000 licences in 1986, compared with")
_LINK_AFTER_NOUN_RE = re.compile(rf"^(?:\s+[a-z][a-z-]*){{1,3}}(?:{_WHEN})?{_LINK}$")
_LINK_AFTER_YEAR_RE = re.compile(rf"^{_WHEN}{_LINK}$")  # "from 69 in 1984 to 298", "by October 1 from around"
#: a comparison that a clause of words stands before, in one sentence: "82 mln ringgit from its rubber operations in
#: 1986 compared with 61.3 mln" (only "compared with", "as against": a plain "against" or "to" so far off is no link)
_LONG_LINK_RE = re.compile(
    rf"^[^.;\n]{{0,100}}?(?:,\s*|\s+)(?:compared\s+(?:with|to)|as\s+against)\s+{_COMPARED_WITH}$")
#: one of a list of figures, each with its place or its month, the unit written on the first only: "7,000 in Spain,
#: 11,000 in Italy and 40,000 in Japan", "1,100 in May and 2,050 in June 1986"
_PLACE_LIST_RE = re.compile(r"^\s+in\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}?[A-Z][\w.'-]*(?:\s+(?:19|20)\d\d)?"
                            r"\s*(?:,\s*(?:(?i:and)\s+)?|\s+(?i:and|or)\s+)$")
#: a list whose last figure carries the unit: "1,000, 10,000 and 250,000 ECU", "41,607 and 15,045 tonnes"
_LIST_RE = re.compile(r"^(?:\s*,\s*|\s+(?:and|or)\s+)$")  # not ", and": "Barrier Reef at 65, and about 13 specials"
#: the noun written before a comparison: "authorized shares to 25 mln from 10 mln", "cutting staff to 125"
_NOUN_BEFORE_RE = re.compile(r"(?<![A-Za-z-])(?P<noun>[a-z]{3,})\s+(?:to|from)\s+$")
_NUMBER_OF_RE = re.compile(r"\bnumber\s+of\s+(?P<noun>[a-z]{3,})\b")
_VOTE_RE = re.compile(r"\bvote\s+of\s+$", re.I)
_VALUE_LABELS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
_CURRENCY_NOUNS = {"crown", "krona", "krone", "franc", "mark", "dollar", "dlr", "pound", "guilder", "lira", "peseta",
                   "schilling", "escudo", "peso", "rand", "riyal", "rupee", "drachma", "cent", "ct", "ecu", "sdr"}
_COLLECTIVE = {"staff": "staff", "people": "person", "workforce": "worker"}
#: counted nouns that are no unit to share ("three months to 1.33 billion")
_NOT_COUNTED = {"year", "month", "week", "day", "hour", "minute", "quarter", "time", "period", "count"}
#: verbs in -s that stand where a plural noun would ("petrol rises to 110 from 65")
_VERBS = {"rises", "increases", "falls", "drops", "gains", "climbs", "jumps", "declines", "grows", "totals",
          "amounts", "reaches", "comes", "goes", "moves", "slips", "eases", "edges", "stands", "rebounds", "dips",
          "cuts", "raises", "lowers", "reduces", "boosts", "lifts", "sets", "puts", "brings", "widens", "narrows"}
#: the words a bare figure may be written with: its number, scale and qualifier ("about one mln", "nine mln")
_FIGURE_WORDS = (set(SMALL) | set(TENS) | set(BIG) | {"hundred", "a", "an", "and", "half", "to", "between", "more",
                 "than", "less", "up", "about", "around", "some", "nearly", "almost", "over", "under", "roughly",
                 "approximately", "just", "at", "least", "most", "m", "bn", "mn", "k", "billion", "million"})
_NOT_MEASURES = {"count", "year", "month", "week", "day", "h", "min", "s", "year of age"}
#: plural nouns before "to X from Y" that are amounts measured in some unit, not things counted ("exports to
#: 151,500 from 139,800" are tonnes)
_AGGREGATES = {"exports", "imports", "sales", "earnings", "revenues", "profits", "reserves", "stocks", "holdings",
               "payments", "purchases", "assets", "funds", "savings", "deposits", "loans", "borrowings", "costs",
               "prices", "rates", "losses", "supplies", "inventories", "shipments", "deliveries", "receipts"}


def _num(x: object) -> float | None:
    return float(x) if isinstance(x, (int, float)) else None


def _written_plural(after: str, noun: str) -> bool:
    """The counted noun of the other figure is written as a plural among the words right after it ("1.2 mln
    common shares"): a noun, not "compared" or "yesterday"."""
    from claimcheck.pipeline.context import _singular

    for w in re.findall(r"[A-Za-z]+", after)[:5]:
        low = w.lower()
        if _COLLECTIVE.get(low) == noun or (low != noun and _singular(low) == noun):
            return True
    return False


def _plural_noun(word: str) -> str | None:
    from claimcheck.pipeline.context import _singular

    w = word.lower()
    if w in _COLLECTIVE:
        return _COLLECTIVE[w]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")) and w not in _VERBS:
        noun = _singular(w)
        return None if noun in _NOT_COUNTED else noun
    return None


def _own_unit(ent: Span, unit_of) -> str | None:
    """The noun a count is followed by, or the unit a measure is written with ("90,000 barrels"): what the words
    after it belong to; None for money and a bare figure."""
    if ent.label_ == "MONEY":
        return None
    measured = normalize_count(ent.text, "")
    if measured is not None and isinstance(measured.unit, str) and measured.unit not in _NOT_MEASURES:
        return measured.unit
    return unit_of(ent)


def _linked(doc, left: Span, right: Span, left_unit: str | None) -> bool:
    gap = text_of(doc)[left.end_char:right.start_char]
    if "\n" in gap or ". " in gap:
        return False
    if len(gap) > 40:
        return bool(_LONG_LINK_RE.match(gap))
    return bool(_LINK_RE.match(gap) or _LINK_AFTER_YEAR_RE.match(gap) or _PLACE_LIST_RE.match(gap)
                or (left_unit is not None and _LINK_AFTER_NOUN_RE.match(gap)))


#: a money noun of a company's accounts just before a figure in millions: "revenues were 40.2 mln", "a net loss of
#: 3.1 mln", "profit of about 2.5 mln" - an amount in the currency the story wrote before
_MONEY_NOUN_BEFORE_RE = re.compile(
    r"\b(?:revenues?|profits?|loss|losses|income|earnings|assets|deposits|debts?|dividends?|capital"
    r"|costs?|spending|surplus|deficit|liabilities)\b(?:\s+[a-z]+){0,2}?\s+"  # not sales or turnover: of cars, shares
    r"(?:of|was|were|at|to|totalled|totaled|totalling|totaling|reached|rose|fell|increased|decreased|widened|narrowed"
    r"|rose\s+to|fell\s+to|increased\s+to|decreased\s+to|widened\s+to|narrowed\s+to|amounted\s+to)\s+$", re.I)
#: an interest rate just before bare figures compared: "raised its prime rate to 7-3/4 from 7-1/2" (not "a rate of
#: 8.28 to the dollar", "at a rate of 15 a year")
_RATE_BEFORE_RE = re.compile(r"\b(?:prime|discount|lending|interest|base|deposit|intervention|repurchase|mortgage"
                             r"|lombard|bank|savings|call\s+money)\s+rates?\b(?:\s+[a-z]+){0,3}?\s+(?:to|from|at)\s+$",
                             re.I)
#: a move in percent and the level it reached: "rose 8.15% to 3.65"
_MOVE_TO = re.compile(r"\b(?:rose|fell|gained|lost|jumped|climbed|slipped|dropped|declined|added|advanced|slid|tumbled"
                      r"|soared|surged|sank|eased|was\s+up|was\s+down|up|down)\s+\S+\s*(?:%|pct|per\s*cent|percent)"
                      r"\s+to\s+$", re.I)
#: what makes the level a percentage after all: a rate moved ("the jobless rate rose 0.2 pct to 5.5")
_RATE_WORDS = re.compile(r"\b(?:rates?|yields?|inflation|unemployment|jobless|margins?|interest|coupon|share\s+of)\b",
                         re.I)
_SCALED_RE = re.compile(r"\b(?:mln|bln|million|billion)\b", re.I)
#: how far back (characters) the currency of an amount written without one is looked for
_CURRENCY_REACH = 1500


def _amount_of_money(doc, head: Span, ents: list[Span], sentence: str, currency: str) -> str | None:
    """The currency of a figure in millions that a money noun introduces ("Revenues were 40.2 mln"): that of the
    nearest money figure before it in the story; None without one (no currency is guessed)."""
    if not _SCALED_RE.search(head.text) or not _MONEY_NOUN_BEFORE_RE.search(sentence[-60:]):
        return None
    for other in reversed(ents):
        if other.end_char > head.start_char or other.label_ != "MONEY":
            continue
        if head.start_char - other.end_char > _CURRENCY_REACH:
            return None
        q = normalize_money(other.text, text_of(doc)[max(0, other.start_char - 40):other.start_char],
                            default_currency=currency)
        if q is not None and isinstance(q.unit, str):
            return q.unit
    return None


_PREP = {"by", "at", "in", "for", "to", "from", "of", "on", "with"}


def _parallel(doc, ent: Span, before: list[Span], unit_of) -> tuple[str, Quantity, str] | None:
    """A bare figure in the second half of a parallel clause, after "and" or "but", whose unit the first half
    wrote: "DAX increased by 2 percent but Nasdaq decreased by 1" (the same preposition before both figures),
    "435 homes by open sale and 187 by tender" (the same preposition after the noun and after the figure)."""
    if not before or ent.start == 0:
        return None
    other = before[-1]
    gap = text_of(doc)[other.end_char:ent.start_char]
    if len(gap) > 80 or "\n" in gap or ". " in gap or not re.search(r"\b(?:and|but|while|whereas)\b", gap):
        return None
    prev_b = doc[ent.start - 1].lower_
    after_b = doc[ent.end].lower_ if ent.end < len(doc) else ""
    own = normalize_count(ent.text, "")
    if own is None:
        return None
    if other.label_ == "PERCENT" and other.start > 0 and doc[other.start - 1].lower_ == prev_b and prev_b in _PREP:
        q = normalize_percent(other.text, "")
        a, b = abs(_num(q.value) or 0) if q is not None else 0, abs(_num(own.value) or 0)
        if q is not None and q.unit == "percent" and q.qualifier != "range" and a > 0 and 0 < b <= 100 \
                and max(a, b) / min(a, b) <= 10:  # not "trimmed its workforce by about 200,000"
            mine = normalize_percent(ent.text + " pct", "")
            return ("PERCENT", mine, "percent") if mine is not None else None
        return None
    if other.label_ in ("CARDINAL", "QUANTITY") and after_b in _PREP:
        noun = unit_of(other)
        m = re.match(r"\s+([A-Za-z]+)\s+(\w+)", text_of(doc)[other.end_char:other.end_char + 40])
        if noun and noun not in _NOT_COUNTED and m and m.group(2).lower() == after_b \
                and _plural_noun(m.group(1)) == noun:
            return ent.label_, own, noun
    return None


def elided_reading(ent: Span, currency: str, unit_of) -> tuple[str, Quantity, str] | None:
    """(label, reading, unit) of a bare count ``ent`` whose unit was written once, on the figure it is compared
    with or before the comparison; ``currency`` is the document's default, ``unit_of(span)`` a count's noun."""
    doc = ent.doc
    ents = [e for e in doc.ents if e.label_ in _VALUE_LABELS]
    try:
        k = next(i for i, e in enumerate(ents) if e.start == ent.start)
    except StopIteration:
        return None
    if any(w not in _FIGURE_WORDS for w in re.findall(r"[a-z]+", ent.text.lower())):
        return None  # "about 7,000 retirees", "110 sucres": a figure with a noun or unit of its own
    own = normalize_count(ent.text, "")
    # the chain of figures linked to this one, to the left and to the right (a count's own noun may stand between:
    # "1.2 mln shares, up from 900,000"; a list's only to the right: "1,000 and 10,000 marks", but not "between
    # 7.7 and eight mln tonnes", a range cut in two)
    chain = [ent]
    i = k
    while i > 0 and _linked(doc, ents[i - 1], ents[i], _own_unit(ents[i - 1], unit_of)):
        i -= 1
        chain.insert(0, ents[i])
    head = chain[0]
    j = k
    listed = not re.search(r"\bbetween\s+$", text_of(doc)[max(0, ent.start_char - 12):ent.start_char], re.I)
    while j + 1 < len(ents) and (_linked(doc, ents[j], ents[j + 1], None)
                                 or listed and _LIST_RE.match(text_of(doc)[ents[j].end_char:ents[j + 1].start_char])):
        j += 1
        chain.append(ents[j])
    for other in chain:
        if other is ent or re.search(r"\bper\s+$", text_of(doc)[max(0, other.start_char - 5):other.start_char]):
            continue  # "31.2 Ecus per tonne, compared to the week before's 30.9": a rate's denominator lends nothing
        if other.label_ == "MONEY":
            ctx = text_of(doc)[max(0, other.start_char - 40):other.start_char]
            q = normalize_money(other.text, ctx, default_currency=currency)
            if q is None or not isinstance(q.unit, str) or q.qualifier == "range":
                continue
            mine = normalize_money(ent.text, "", default_currency=q.unit, bare=True)
            # a per-share amount ("22 cts") and a total ("3.1 mln"): no elided currency between those; a move and
            # the price it reached are ("fell 10 yen to 2,880")
            a, b = abs(_num(q.value) or 0), abs(_num(mine.value) or 0) if mine is not None else 0
            if mine is not None and a > 0 and b > 0 and max(a, b) / min(a, b) <= 1000:
                return "MONEY", mine, q.unit
            continue
        if other.label_ == "PERCENT":  # "raised to eight pct from 7-1/4", "46 pct against 45"
            q = normalize_percent(other.text, "")
            if q is None or own is None or q.unit not in ("percent", "percentage_points"):
                continue
            a, b = abs(_num(q.value) or 0), abs(_num(own.value) or 0)
            if not (a > 0 and b > 0 and max(a, b) / min(a, b) <= 3):
                continue  # "rose 5 pct to 300": a growth rate and the level it reached, no percentage
            if other.end_char <= ent.start_char and _MOVE_TO.search(
                    text_of(doc)[max(0, other.start_char - 20):ent.start_char]) and not _RATE_WORDS.search(
                    text_of(doc)[sentence_start(text_of(doc), other.start_char):ent.start_char]):
                continue  # "Kestrane rose 7.25% to 4.15": a share's move and its price, unless a rate moved
            mine = normalize_percent(ent.text + (" pct" if q.unit == "percent" else " percentage points"), "")
            if mine is not None:
                return "PERCENT", mine, mine.unit
            continue
        if own is None:
            continue
        measured = normalize_count(other.text, "")
        if measured is not None and isinstance(measured.unit, str) and measured.unit not in _NOT_MEASURES:
            return ent.label_, own, measured.unit  # "to 1.9 mln tonnes from 1.74 mln": tonnes
        noun = unit_of(other)
        if noun and noun not in _NOT_COUNTED \
                and _written_plural(text_of(doc)[other.end_char:other.end_char + 60], noun):
            return ent.label_, own, noun
    if own is None or own.unit != "count":
        return None
    parallel = _parallel(doc, ent, ents[:k], unit_of)
    if parallel is not None:
        return parallel[0], parallel[1], parallel[1].unit if parallel[0] == "PERCENT" else parallel[2]
    sentence = text_of(doc)[sentence_start(text_of(doc), head.start_char):head.start_char]
    if _VOTE_RE.search(sentence):
        return ent.label_, own, "vote"
    if len(chain) > 1 and _RATE_BEFORE_RE.search(sentence[-60:]) and 0 < abs(_num(own.value) or 0) <= 30:
        rate = normalize_percent(ent.text + " pct", "")  # "raised its prime rate to 7-3/4 from 7-1/2"
        if rate is not None:
            return "PERCENT", rate, rate.unit
    money = _amount_of_money(doc, head, ents, sentence, currency)
    if money is not None:
        mine = normalize_money(ent.text, "", default_currency=money, bare=True)
        if mine is not None:
            return "MONEY", mine, money
    if len(chain) < 2:
        return None  # "limiting its payments to two": no comparison
    noun = None
    # "the number of shares reserved for employees to 300,000": what "the number of" counts, unless another figure
    # stands between ("the number of buildings to one from three and cutting staff to 125 from 300")
    if re.search(r"\b(?:from|to)\s+$", sentence):
        before = [e for e in ents if e.end_char <= head.start_char and e.start_char >= head.start_char - len(sentence)]
        m = _NUMBER_OF_RE.search(sentence, before[-1].end_char - (head.start_char - len(sentence)) if before else 0)
        noun = _plural_noun(m.group("noun")) if m else None
    if noun is None:
        m = _NOUN_BEFORE_RE.search(sentence)
        noun = _plural_noun(m.group("noun")) if m and m.group("noun").lower() not in _AGGREGATES else None
    # "rose to 38.2 billion crowns from 30.1 billion": a currency's name is no counted noun (the money rules read it)
    return (ent.label_, own, noun) if noun and noun not in _CURRENCY_NOUNS else None
