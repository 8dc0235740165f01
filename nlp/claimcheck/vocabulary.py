"""The one vocabulary every part of claimcheck speaks: claim attributes (with their display names and the kind
of value each holds), finding kinds and their order of severity, and mention labels.

``schema`` types its fields with it, the pipeline and the training corpus read their attribute and label lists
from it, ``crosscheck`` and every report format name things with it. Adding an attribute means adding it
here (and documenting it in corpus/GUIDELINES.md); nothing else keeps a list.
"""

from __future__ import annotations

from typing import Final, Literal, Optional, get_args

#: what a claim states about its subject (corpus/GUIDELINES.md defines each)
Attribute = Literal[
    "valuation", "deal_value", "revenue", "revenue_share", "revenue_growth", "profit", "loss", "profit_growth",
    "ipo_proceeds", "funding", "ipo_price", "share_price_change", "stake", "buyback", "listing_date",
    "event_date", "count",
]
ATTRIBUTES: tuple[str, ...] = get_args(Attribute)

#: the kind of value each attribute holds: money (an amount with a currency), per_share (a price per share),
#: percent, count or date
AttributeKind = Literal["money", "per_share", "percent", "count", "date"]
ATTRIBUTE_KINDS: dict[str, AttributeKind] = {
    "valuation": "money", "deal_value": "money", "revenue": "money", "revenue_share": "percent",
    "revenue_growth": "percent", "profit": "money", "loss": "money", "profit_growth": "percent",
    "ipo_proceeds": "money", "funding": "money", "ipo_price": "per_share", "share_price_change": "percent",
    "stake": "percent", "buyback": "money", "listing_date": "date", "event_date": "date", "count": "count",
}
#: attributes whose value is a date
DATE_ATTRIBUTES = frozenset(a for a, kind in ATTRIBUTE_KINDS.items() if kind == "date")
#: attributes that hold for a period of time ("revenue in 2018"): two figures for different periods never conflict
PERIOD_ATTRIBUTES = frozenset({"revenue", "revenue_share", "profit", "loss", "revenue_growth", "profit_growth"})

#: the pseudo-attribute of a date finding about a page's own publication date
PUBLISHED: Final = "published"
#: how reports name attributes; the others are written with spaces ("funding", "stake")
ATTRIBUTE_NAMES = {"ipo_proceeds": "IPO proceeds", "ipo_price": "IPO price", "revenue_share": "revenue share",
                   "revenue_growth": "revenue growth", "profit_growth": "profit growth", "listing_date": "listing date",
                   "event_date": "date", "deal_value": "deal value", "share_price_change": "share price change",
                   PUBLISHED: "publication date"}


def attribute_name(attribute: Optional[str]) -> str:
    """'ipo_proceeds' → 'IPO proceeds', 'share_price_change' → 'share price change', None → ''."""
    if not attribute:
        return ""
    return ATTRIBUTE_NAMES.get(attribute, attribute.replace("_", " "))


#: what a finding reports: figures that disagree, a misspelt name or word, a date that does not fit
FindingKind = Literal["conflict", "typo", "date"]
FINDING_KINDS: tuple[str, ...] = get_args(FindingKind)
#: the order findings are listed in, most serious first
SEVERITY = {"conflict": 0, "date": 1, "typo": 2}

#: the confidence the claim rules give a figure whose subject is only the article's topic (no name in its
#: sentence); cross-checking reports a disagreement only when the outlier's confidence reaches it
#: (``crosscheck.MIN_OUTLIER_CONFIDENCE``): topic claims may be outliers, claims with no subject at all may not
TOPIC_SUBJECT_CONFIDENCE = 0.5

#: the moments a figure can hold at (a claim's ``as_of``; corpus markup ``as_of=close``); an ISO date
#: (``2019-11-26``) is also allowed. Figures of one subject at different moments form a timeline, not a conflict
AS_OF_MOMENTS = {
    "ipo_price": "at the offer price of a listing (before trading)",
    "open": "at the opening of trading",
    "intraday": "during trading, at a high or low",
    "close": "at the close of trading",
    "pre_market": "before the market opened",
    "after_hours": "after the market closed",
    "estimate": "an earlier or expected figure (a banker's estimate, a planned size)",
    "final": "the final figure, where the text contrasts it with an estimate",
    "over_allotment": "including the over-allotment (greenshoe) option",
    "announced": "when the deal was announced (before later changes)",
}

#: the pipelines ``--model`` and ``load_pipeline`` accept, with what each is
MODELS = {
    # name: description ("default" is the pipeline that wins on the real articles' dev split: models/README.md)
    "fast": "trained claim linker over en_core_web_sm 3.8.0's NER and sentence recogniser (models/fast)",
    "transformer": "the same heads on all-MiniLM-L6-v2 (models/transformer, built by `claimcheck train`)",
    "rules": "en_core_web_sm 3.8.0 (tagger, parser, NER) + the first, rule-based claim linker",
}
MODEL_ALIASES = {"default": "fast"}

#: mention labels: the names a claim can be about, and the figures it can state
SUBJECT_LABELS = ("ORG", "PERSON", "GPE", "NORP")
VALUE_LABELS = ("MONEY", "PERCENT", "DATE", "CARDINAL", "QUANTITY")
LABELS = SUBJECT_LABELS + VALUE_LABELS
