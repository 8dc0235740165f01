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

from claimcheck.normalize import Quantity, normalize_count, normalize_money

#: what joins two figures compared in one clause: "450 mln dlrs from 390 mln", "1.2 mln shares, up from 900,000",
#: "to 25 mln from 10 mln", "from 69 in 1984 to 298", "37,000 to 7,100", "12 mln vs 10 mln"
_LINK = (r"\s*,?\s*(?:(?:(?:up|down|rising|falling)\s+)?(?:from|to|against|versus|vs\.?)|compared\s+(?:with|to)"
         r"|as\s+against)\s+")
_LINK_RE = re.compile(rf"^{_LINK}$", re.I)
#: the same after a count's own noun ("1.2 mln shares, up from"), or after a year ("from 69 in 1984 to")
_LINK_AFTER_NOUN_RE = re.compile(rf"^(?:\s+[a-z][a-z-]*){{1,3}}{_LINK}$")
_LINK_AFTER_YEAR_RE = re.compile(rf"^\s+in\s+(?:19|20)\d\d{_LINK}$", re.I)
#: the noun written before a comparison: "authorized shares to 25 mln from 10 mln", "cutting staff to 125"
_NOUN_BEFORE_RE = re.compile(r"(?<![A-Za-z-])(?P<noun>[a-z]{3,})\s+(?:to|from)\s+$")
_NUMBER_OF_RE = re.compile(r"\bnumber\s+of\s+(?P<noun>[a-z]{3,})\b")
_VOTE_RE = re.compile(r"\bvote\s+of\s+$", re.I)
_VALUE_LABELS = ("MONEY", "CARDINAL", "QUANTITY")
_COLLECTIVE = {"staff": "staff", "people": "person", "workforce": "worker"}


def _num(x: object) -> float | None:
    return float(x) if isinstance(x, (int, float)) else None


def _plural_noun(word: str) -> str | None:
    from claimcheck.pipeline.context import _singular

    w = word.lower()
    if w in _COLLECTIVE:
        return _COLLECTIVE[w]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")):
        return _singular(w)
    return None


def _linked(doc, left: Span, right: Span, left_unit: str | None) -> bool:
    gap = doc.text[left.end_char:right.start_char]
    if len(gap) > 40 or "\n" in gap:
        return False
    return bool(_LINK_RE.match(gap) or _LINK_AFTER_YEAR_RE.match(gap)
                or (left_unit is not None and _LINK_AFTER_NOUN_RE.match(gap)))


def _sentence_start(doc, start: int) -> int:
    return max(doc.text.rfind(". ", 0, start), doc.text.rfind("\n", 0, start)) + 1


def elided_reading(ent: Span, currency: str, unit_of) -> tuple[str, Quantity, str] | None:
    """(label, reading, unit) of a bare count ``ent`` whose unit was written once, on the figure it is compared
    with or before the comparison; ``currency`` is the document's default, ``unit_of(span)`` a count's noun."""
    doc = ent.doc
    ents = [e for e in doc.ents if e.label_ in _VALUE_LABELS]
    try:
        k = next(i for i, e in enumerate(ents) if e.start == ent.start)
    except StopIteration:
        return None
    own = normalize_count(ent.text, "")
    # the chain of figures linked to this one, to the left and to the right
    chain = [ent]
    i = k
    while i > 0 and _linked(doc, ents[i - 1], ents[i], unit_of(ents[i - 1])):
        i -= 1
        chain.insert(0, ents[i])
    head = chain[0]
    j = k
    while j + 1 < len(ents) and _linked(doc, ents[j], ents[j + 1], None):
        j += 1
        chain.append(ents[j])
    for other in chain:
        if other is ent:
            continue
        if other.label_ == "MONEY":
            ctx = doc.text[max(0, other.start_char - 40):other.start_char]
            q = normalize_money(other.text, ctx, default_currency=currency)
            if q is None or not isinstance(q.unit, str) or q.qualifier == "range":
                continue
            mine = normalize_money(ent.text, "", default_currency=q.unit, bare=True)
            # a per-share amount ("22 cts") and a total ("5 mln"): no elided currency between those
            if mine is not None and _num(q.value) is not None and _num(mine.value) is not None \
                    and (abs(_num(q.value) or 0) >= 100) == (abs(_num(mine.value) or 0) >= 100):
                return "MONEY", mine, q.unit
            continue
        noun = unit_of(other)
        if noun and noun != "count" and own is not None:
            return ent.label_, own, noun
    if own is None or own.unit != "count":
        return None
    sentence = doc.text[_sentence_start(doc, head.start_char):head.start_char]
    if _VOTE_RE.search(sentence):
        return ent.label_, own, "vote"
    m = _NOUN_BEFORE_RE.search(sentence)
    noun = _plural_noun(m.group("noun")) if m else None
    if noun is None and len(chain) > 1 and re.search(r"\b(?:from|to)\s+$", sentence):
        m = _NUMBER_OF_RE.search(sentence)
        noun = _plural_noun(m.group("noun")) if m else None
    return (ent.label_, own, noun) if noun else None
