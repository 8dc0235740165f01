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

#: the verbs whose participle names what happened to counted people and things, or on a date ("28 entities were
#: added", "100 people have been injured", "took effect on October 9"): lemma → its third-person, past and
#: past-participle forms and, where it is read, its -ing form. ``pipeline.context`` reads a count's scope verb
#: from these forms (``entity (add)``, its ``VERBS``); ``crosscheck`` writes the scope back in words with the
#: participle given here (``entities added``). A verb added here is read and written both.
SCOPE_VERBS: dict[str, str] = {
    "add": "adds added added adding", "take": "takes took taken taking", "list": "lists listed listed listing",
    "hire": "hires hired hired hiring", "cut": "cuts cut cut cutting", "sell": "sells sold sold selling",
    "employ": "employs employed employed employing", "open": "opens opened opened opening",
    "close": "closes closed closed closing", "deliver": "delivers delivered delivered delivering",
    "launch": "launches launched launched launching", "acquire": "acquires acquired acquired acquiring",
    "buy": "buys bought bought buying", "ship": "ships shipped shipped shipping",
    "build": "builds built built building", "lay": "lays laid laid laying",
    "announce": "announces announced announced announcing", "file": "files filed filed filing",
    "price": "prices priced priced pricing", "sign": "signs signed signed signing",
    "approve": "approves approved approved approving", "complete": "completes completed completed completing",
    "ban": "bans banned banned banning", "place": "places placed placed placing",
    "sanction": "sanctions sanctioned sanctioned sanctioning", "publish": "publishes published published publishing",
    "impose": "imposes imposed imposed imposing", "issue": "issues issued issued issuing",
    "own": "owns owned owned owning", "operate": "operates operated operated", "serve": "serves served served serving",
    "have": "has had had having", "kill": "kills killed killed", "reach": "reaches reached reached reaching",
    "remove": "removes removed removed removing", "start": "starts started started starting",
    "begin": "begins began begun beginning", "trade": "trades traded traded trading",
    "debut": "debuts debuted debuted", "go": "goes went gone going", "raise": "raises raised raised raising",
    "release": "releases released released releasing", "unveil": "unveils unveiled unveiled unveiling",
    "report": "reports reported reported reporting",
    # what happens to people and things counted in news of accidents, disasters, trials and games: without them
    # "100 people have been injured" and "200 people have been arrested" were one count ("people")
    "injure": "injures injured injured injuring", "wound": "wounds wounded wounded wounding",
    "arrest": "arrests arrested arrested arresting", "die": "dies died died dying",
    "evacuate": "evacuates evacuated evacuated evacuating", "rescue": "rescues rescued rescued rescuing",
    "displace": "displaces displaced displaced", "destroy": "destroys destroyed destroyed destroying",
    "damage": "damages damaged damaged damaging", "convict": "convicts convicted convicted",
    "charge": "charges charged charged charging", "miss": "misses missed missed missing",
    "play": "plays played played playing", "score": "scores scored scored scoring", "win": "wins won won winning",
    "lose": "loses lost lost losing", "strike": "strikes struck struck striking",
}


def scope_verb_forms(lemma: str) -> tuple[str, ...]:
    """Every form of a scope verb the pipeline reads, the lemma first (``SCOPE_VERBS``)."""
    return (lemma, *SCOPE_VERBS[lemma].split())


def scope_verb_participle(lemma: str) -> str:
    """The past participle of a scope verb: ``take`` → ``taken`` (the third form listed in ``SCOPE_VERBS``)."""
    return SCOPE_VERBS[lemma].split()[2]
