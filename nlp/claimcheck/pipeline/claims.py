"""Claims: link a value mention to its subject entity and attribute.

First version, rule-based over the dependency parse (the trained claim
component replaces it in the models issue):

* the **attribute** comes from cue words on the value's path to the clause root
  ("valued", "revenue", "raised", "began trading" …) and the value's kind;
* the **subject** is the named subject of the governing clause (``nsubj``,
  possessor of the attribute noun, object of "valuing", head of a relative
  clause), with "it"/"the company" resolved to the last named subject of the
  document;
* the **period** and **scope** come from the sentence ("in 2018", "from Xinjiang").

``claims_of(doc, mentions)`` is a pure function; the spaCy component in
``components.py`` only calls it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from claimcheck.normalize import Quantity, period_of
from claimcheck.normalize.dates import MONTHS
from claimcheck.pipeline.mentions import (DAYFIRST_KEY, NAME_LABELS, PUBLISHED_KEY, TITLE_KEY, claim_reading,
                                          normalize_span)
from claimcheck.pipeline.spans import bounded_sent, ent_of, ents_in, span_text, text_of
from claimcheck.pipeline.tables import REISSUED, headline_company
from claimcheck.vocabulary import DATE_ATTRIBUTES, PERIOD_ATTRIBUTES, TOPIC_SUBJECT_CONFIDENCE

# cue lemmas/lower forms → attribute, per value kind, in priority order
MONEY_CUES: list[tuple[str, set[str]]] = [
    ("ipo_price", {"per share", "a share", "each", "apiece", "share price", "offer price", "priced"}),
    ("valuation", {"valued", "valuation", "valuing", "value", "worth", "capitalisation", "capitalization",
                   "market cap", "values"}),
    ("revenue", {"revenue", "revenues", "sales", "turnover"}),
    ("loss", {"loss", "losses", "deficit"}),
    ("profit", {"profit", "profits", "net income", "income", "earnings"}),
    ("ipo_proceeds", {"raise", "raised", "raising", "raises", "proceeds", "fetch", "fetched", "haul"}),
]
IPO_WORDS = {"ipo", "offering", "listing", "float", "flotation", "debut", "listed", "list", "share sale", "shares"}
PERCENT_CUES: list[tuple[str, set[str]]] = [
    ("stake", {"stake", "own", "owns", "owned", "kept", "keep", "keeps", "retain", "retained", "retains",
               "hold", "holds", "held", "holding"}),
    ("revenue_share", {"revenue", "revenues", "sales", "turnover"}),
]
GROWTH_WORDS = {"rose", "rise", "rises", "grew", "grow", "grows", "growth", "increase", "increased", "jumped", "jump",
                "climbed", "fell", "fall", "declined", "decline", "dropped", "surged", "soared", "slumped", "gain"}
PER_SHARE = {"per share", "a share", "each", "apiece", "share price", "offer price"}
LISTING_CUES = {"trading", "debut", "debuted", "debuts", "listed", "listing", "trade", "traded"}
NON_SUBJECT_HEADS = {"ipo", "ipos", "offering", "listing", "exchange", "list", "index", "register"}
NON_SUBJECTS = {"ipo", "ipos", "nasdaq", "nyse", "reuters", "bloomberg", "pitchbook", "xinhua", "ads", "adss",
                "stock exchange", "hong kong stock exchange", "new york stock exchange", "london stock exchange",
                "federal register", "entity list"}
EVENT_VERBS = {"add", "announce", "file", "price", "take", "blacklist", "impose", "place", "publish", "ban",
               "sanction", "launch", "approve", "complete", "sign", "unveil", "release", "go"}
GENERIC_SUBJECTS = {"company", "firm", "group", "startup", "start-up", "business", "giant", "maker", "designer",
                    "conglomerate", "retailer", "it", "its", "they", "their", "lender", "operator", "unicorn",
                    "developer", "manufacturer", "provider", "platform", "chipmaker", "owner", "bank", "insurer"}
SOURCE_PREPS = {"according", "per", "citing", "cited"}
SCOPE_WORDS = {"overseas", "abroad", "international", "domestic", "foreign"}
NOT_SUBJECT_LABELS = {"DATE", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "TIME"}
REVENUE_NOUNS = {"revenue", "revenues", "sales", "turnover", "income", "profit", "profits", "earnings"}


@dataclass
class ClaimDraft:
    """A claim before ids and canonical subjects are assigned."""

    subject_text: str
    attribute: str
    quantity: Quantity
    span: Span
    period: str | None
    scope: str | None
    confidence: float
    attribute_score: float | None = None  # the trained linker's probability of the attribute (None: rules)
    as_of: str | None = None  # the moment the figure held (``pipeline.moments``); read from the text when not given

    def __post_init__(self) -> None:
        if self.as_of is None:
            from claimcheck.pipeline.moments import moment_of

            self.as_of = moment_of(self.span, self.attribute)


def _lower_words(tokens: Iterable[Token]) -> set[str]:
    words: set[str] = set()
    toks = list(tokens)
    for i, t in enumerate(toks):
        words.add(t.lower_)
        words.add(t.lemma_.lower())
        if i + 1 < len(toks):
            words.add(f"{t.lower_} {toks[i + 1].lower_}")
    return words


def _path_to_root(token: Token, limit: int = 10) -> list[Token]:
    path = [token]
    while token.head is not token and len(path) < limit:
        token = token.head
        path.append(token)
    return path


def _pick(cues: list[tuple[str, set[str]]], words: set[str]) -> str | None:
    for attribute, cue in cues:
        if words & cue:
            return attribute
    return None


#: cue words are looked for within this many tokens of the value: a bound on the work per value (a
#: 2,000-token "sentence" of figures made every value walk the whole parse), far beyond where cues sit
CUE_WINDOW = 48


def _levels(span: Span) -> list[set[str]]:
    """Cue words around the value, nearest first: words right after it ("$2bn of revenue"), its own subtree,
    then for each node on its path to the root the node itself before the node's other dependents.

    Only tokens within ``CUE_WINDOW`` of the value count, so the work per value is bounded.
    """
    doc = span.doc
    sent = bounded_sent(span)
    lo, hi = max(sent.start, span.start - CUE_WINDOW), min(sent.end, span.end + CUE_WINDOW)
    window = doc[lo:hi]
    path = _path_to_root(span.root)
    on_path = {t.i for t in path}
    levels = []
    right = doc[span.end:min(span.end + 3, sent.end)]
    if len(right) >= 2 and right[0].lower_ in ("of", "in"):
        levels.append(_lower_words(right[1:]))
    # a projective parse's subtree is the contiguous run between the root's edges
    first, last = max(lo, span.root.left_edge.i), min(hi - 1, span.root.right_edge.i)
    own = [t for t in doc[first:last + 1] if not (span.start <= t.i < span.end)] if first <= last else []
    if own:
        levels.append(_lower_words(own))
    children: dict[int, list[Token]] = {}
    for t in window:
        if t.head.i != t.i:
            children.setdefault(t.head.i, []).append(t)
    for node in path[1:]:
        levels.append(_lower_words([node]))
        near = children.get(node.i, [])
        toks = [c for c in near if c.i not in on_path and not (span.start <= c.i < span.end)]
        toks += [g for c in near if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") for g in children.get(c.i, [])
                 if g.dep_ in ("compound", "amod")]
        levels.append(_lower_words(sorted(toks, key=lambda t: t.i)))
    return levels


def _nearest(cues: list[tuple[str, set[str]]], levels: list[set[str]]) -> str | None:
    for words in levels:
        found = _pick(cues, words)
        if found:
            return found
    return None


def _is_growth(span: Span, levels: list[set[str]]) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start >= 1 else None
    if before is not None and before.lower_ in ("up", "down") and not (
            span.start >= 2 and doc[span.start - 2].lemma_.lower() in ("make", "take", "add")):
        return True
    for words in levels[:5]:
        if words & GROWTH_WORDS:
            return True
    return False


DEAL_NOUNS = {"deal", "bid", "offer", "order", "contract", "takeover", "acquisition", "buyout", "transaction",
              "agreement", "merger", "purchase", "tie-up"}
BUYBACK_WORDS = {"buyback", "buy-back", "repurchase", "repurchases"}
FORECAST_WORDS = {"forecast", "forecasts", "expectation", "expectations", "target", "targets", "projection",
                  "projections", "estimate", "consensus", "guidance"}


def attribute_of(span: Span) -> str | None:
    """Which attribute a value mention states, or None when it is not a claim we model."""
    label = span.label_
    levels = _levels(span)  # computed once: every cue test below reads it
    near = levels[:4]
    if near and set().union(*near) & FORECAST_WORDS - {"estimate"}:
        return None  # "ahead of analysts' forecasts of £532m" states an expectation, not a fact
    sent = bounded_sent(span)
    window = _lower_words(sent.doc[max(sent.start, span.start - 8):min(sent.end, span.end + 4)])
    if label == "MONEY":
        attribute = _nearest(MONEY_CUES, levels) or _pick(MONEY_CUES, window) or _verb_attribute(span)
        if attribute == "valuation":
            upto = levels[:8]
            close = set().union(*upto) if upto else set()
            if close & BUYBACK_WORDS or _lower_words(sent) & {"buy back", "buyback", "repurchase"}:
                return "buyback"
            if close & DEAL_NOUNS:
                return "deal_value"  # "a deal valued at $4bn" prices the deal, not the company
        if attribute == "ipo_proceeds" and not (_lower_words(sent) & IPO_WORDS):
            return "funding"
        if attribute == "ipo_price" and not (window & PER_SHARE) and "shares" not in _lower_words(sent):
            return None
        return attribute
    if label == "PERCENT":
        if _is_growth(span, levels):
            clause = set().union(*levels[:6]) if levels else set()
            if clause & {"shares", "share", "stock", "stocks"}:
                return "share_price_change"
            if clause & REVENUE_NOUNS - {"profit", "profits", "earnings", "income"}:
                return "revenue_growth"
            if clause & {"profit", "profits", "earnings", "income"}:
                return "profit_growth"
            return None
        return _nearest(PERCENT_CUES, levels) or _pick(PERCENT_CUES, window)
    if label == "DATE":
        sent_words = _lower_words(sent)
        if window & LISTING_CUES or {"began trading", "start trading", "first day"} & sent_words:
            return "listing_date"
        verb = next((t for t in _path_to_root(span.root) if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_.lower() in EVENT_VERBS:
            return "event_date"
        return None
    if label in ("CARDINAL", "QUANTITY"):
        noun = counted_noun(span)
        return "count" if noun is not None else None
    return None


#: verbs that state an attribute with no cue noun beside the value (kept apart from ``MONEY_CUES``, which the
#: trained linker reads as a feature): "agreed to buy Mirel for $3.25bn", "was sold for $900m", "earned $3m"
DEAL_VERBS = {"buy", "acquire", "purchase", "sell", "take", "bid", "pay", "offer"}
RESULT_VERBS = {"earn": "profit", "lose": "loss", "net": "profit"}


def _verb_attribute(span: Span) -> str | None:
    """The attribute the value's governing verb states: a price paid for a company, a result earned or lost."""
    doc = span.doc
    if doc[span.end:span.end + 4].text.lower().startswith(_SHARE_AFTER):
        return None  # "$54.20 a share": a per-share price (corpus/GUIDELINES.md)
    root = span.root
    head = root.head
    if head.lower_ == "for" and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_.lower() in DEAL_VERBS:
        return "deal_value"  # "agreed to buy Mirel for $3.25bn", "Mirel was sold for $3.25bn"
    if root.dep_ == "dobj" and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma in ("bid", "pay", "offer") and any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children):
            return "deal_value"  # "Nordlys bid €5bn for Pellmann"
        if lemma in RESULT_VERBS:
            return RESULT_VERBS[lemma]
    return None


def counted_noun(span: Span) -> Token | None:
    """The noun a cardinal counts ("28 entities" → entities); None for subsets and bare numbers."""
    root = span.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end:
        return head
    return None


NAMES_KEY = "claimcheck.names"


def known_names(doc: Doc) -> set[str]:
    """Capitalised word forms the document uses as names mid-sentence (so 'Hikvision' counts at a sentence start
    even where the tagger calls it a common noun)."""
    names = set()
    for t in doc:
        if t.is_sent_start or not t.text[:1].isupper() or not t.is_alpha:
            continue
        if t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS:
            names.add(t.text)
    return names


def _is_name_token(token: Token) -> bool:
    if token.pos_ == "PROPN":
        return True
    # a word the document capitalises mid-sentence as a name, whatever the tagger made of it here
    # ("Kestrane posted profits": Kestrane tagged ADV at the start of a sentence)
    return token.pos_ in ("NOUN", "ADJ", "X", "ADV", "INTJ") and token.text in token.doc.user_data.get(NAMES_KEY, ())


def _clean_name(text: str) -> str | None:
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    text = text.removesuffix("'s").removesuffix("’s").strip(" ,;:-–")
    text = re.sub(r"(?<=\w) (?:19|20)\d\d$", "", text)  # a results headline's year: "AEGON 1986" net profit
    text = re.sub(r"^\$[A-Z]{1,6}\s+(?=[A-Z])", "", text)  # a cashtag before the name: "$TMSN Tamsin"
    text = re.sub(r"^(?:Peers?|Rivals?|Fellow|Competitors?|Sister)\s+(?=[A-Z])", "", text)  # "Peers Tamsin and …"
    text = REISSUED.sub("", text)  # a reissued wire headline's "CORRECTED-TAMSIN FOODS …"
    # a wire code or a results period after the name: "Tamsin Foods TMSF.L fell", "BRIEF-Tamsin Foods Q3 profit"
    text = re.sub(r"(?<=\w)\s+(?:[A-Z0-9]{1,6}\.[A-Z]{1,2}|Q[1-4]|[1-4]Q|H[12]|FY)$", "", text)
    if not text or text.casefold() in NON_SUBJECTS or text.split()[-1].casefold() in NON_SUBJECT_HEADS:
        return None
    return text


def story_source(doc: Doc, name: str) -> str | None:
    """A news agency or exchange (``NON_SUBJECTS``: "Reuters", "Nasdaq") is a subject in a story about itself:
    one whose headline names it ("Weak dollar hits Reuters", "Nasdaq planning $100m share sale"); elsewhere it
    is a source or a market, never the holder of a figure."""
    text = name.strip().removesuffix("'s").removesuffix("’s").strip()
    if text.casefold() not in NON_SUBJECTS or text.casefold() in ("ipo", "ipos", "ads", "adss"):
        return None
    headline = text_of(doc)[:300].lstrip().split("\n", 1)[0]
    return text if re.search(rf"\b{re.escape(text)}\b", headline, re.IGNORECASE) else None


def _name_of(token: Token, *, places: bool = False) -> str | None:
    """The proper name a token belongs to: its entity, or its compound proper-noun chunk.

    Places (GPE, LOC) and nationalities are not subjects of company figures unless ``places``.
    """
    doc = token.doc
    sent_start = bounded_sent(token).start
    ent = ent_of(token)
    if ent is not None:
        if ent.label_ in NOT_SUBJECT_LABELS:
            return None
        if ent.label_ in ("GPE", "LOC", "NORP") and not places:
            return None
        if ent.label_ in NAME_LABELS:
            left = ent.start
            while left - 1 >= sent_start and doc[left - 1].dep_ == "compound" \
                    and _is_name_token(doc[left - 1]) and ent.start <= doc[left - 1].head.i < ent.end:
                left -= 1
            return _clean_name(doc[left:ent.end].text)
    if not _is_name_token(token):
        return None
    left = token.i
    while left - 1 >= sent_start and _is_name_token(doc[left - 1]) and doc[left - 1].dep_ in ("compound", "flat"):
        left -= 1
    return _clean_name(doc[left:token.i + 1].text)


def _is_source(token: Token) -> bool:
    """'according to PitchBook', 'per Reuters': the source of a figure is not its subject."""
    head = token.head
    return head.lower_ in {"to", "per", "by"} and (head.head.lower_ in SOURCE_PREPS or head.lower_ == "per")


def _possessor(token: Token) -> tuple[str | None, bool]:
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is None:
        return None, False
    name = _name_of(poss, places=True)
    if name:
        return name, False
    return None, poss.lower_ in GENERIC_SUBJECTS or poss.lemma_.lower() in GENERIC_SUBJECTS


def _subject_from(token: Token) -> tuple[str | None, bool]:
    """(name, generic): a name for a nominal token, or generic=True for 'it', 'the company'."""
    if _is_source(token):
        return None, False
    name = _name_of(token, places=token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj"))
    if name:
        return name, False
    pname, pgeneric = _possessor(token)
    if pname:
        return pname, False
    # "Alibaba Group shares", "Hikvision revenue": a name compounded onto the noun
    compounds = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    if compounds:
        name = _name_of(compounds[-1], places=False)
        if name:
            return name, False
    if token.lower_ in GENERIC_SUBJECTS or token.lemma_.lower() in GENERIC_SUBJECTS or pgeneric:
        return None, True
    # "shares of Alibaba", "profits at TimeWarner"
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    pname = _name_of(pobj)
                    if pname:
                        return pname, False
    return None, False


def _attribute_noun_owner(span: Span) -> tuple[str | None, bool]:
    """'1% of Hikvision's total revenue', '28% of its revenue': the owner of the revenue noun below the value."""
    for token in span.root.subtree:
        if token.lower_ in REVENUE_NOUNS | {"stake", "shares"} and not (span.start <= token.i < span.end):
            name, generic = _possessor(token)
            if name or generic:
                return name, generic
    return None, False


def subject_of(span: Span) -> tuple[str | None, bool, float]:
    """(subject name, needs within-document resolution, confidence) for a value span."""
    if span.label_ == "PERCENT":
        name, generic = _attribute_noun_owner(span)
        if name or generic:
            return name, generic, 0.9
    for node in _path_to_root(span.root)[1:]:
        if node.pos_ in ("NOUN", "PROPN") and node.lower_ in REVENUE_NOUNS | {"valuation", "stake", "value"}:
            name, generic = _subject_from(node)
            if name or generic:
                return name, generic, 0.9
        if node.pos_ in ("VERB", "AUX"):
            # "valuing Arm at $54.5bn", "valued the chip designer at …": the object is the subject
            if node.lemma_.lower() in ("value", "price") and node.dep_ not in ("relcl", "acl"):
                for c in node.children:
                    if c.dep_ == "dobj":
                        name, generic = _subject_from(c)
                        if name or generic:
                            return name, generic, 0.85
            # nearest subject first: "WASHINGTON (Meridian) - The US Commerce Department … added" has two
            for c in sorted(node.children, key=lambda c: abs(node.i - c.i)):
                if c.dep_ in ("nsubj", "nsubjpass"):
                    if c.tag_ == "WDT" or c.lower_ in ("which", "that", "who"):
                        name, generic = _subject_from(node.head)  # relative clause: the noun it modifies
                    else:
                        name, generic = _subject_from(c)
                    if name or generic:
                        return name, generic, 0.9
            if node.dep_ in ("relcl", "acl"):
                name, generic = _subject_from(node.head)
                if name or generic:
                    return name, generic, 0.85
    # fallback: the first proper name of the sentence that is not a source
    for token in bounded_sent(span):
        if span.start <= token.i < span.end or _is_source(token):
            continue
        name = _name_of(token)
        if name:
            return name, False, 0.55
    return None, True, TOPIC_SUBJECT_CONFIDENCE


def _own_clause(span: Span) -> list[Token]:
    """The value's subtree, then each node up to the first verb and the verb's direct dependents."""
    tokens = [t for t in span.root.subtree]
    for node in _path_to_root(span.root)[1:]:
        tokens.append(node)
        tokens.extend(node.children)
        if node.pos_ in ("VERB", "AUX"):
            break
    return tokens


def _place_in(token: Token) -> str | None:
    for t in [token] + [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]:
        if t.lower_ in SCOPE_WORDS:
            return t.lower_
        if t.ent_type_ in ("GPE", "LOC"):
            return _name_of(t, places=True) or t.text
    return None


def scope_of(span: Span, attribute: str, subject: str | None = None) -> str | None:
    """Region a revenue figure covers ('from Xinjiang', 'Xinjiang projects', 'overseas sales'); None for the total."""
    if attribute not in PERIOD_ATTRIBUTES:
        return None
    for token in _own_clause(span):
        if span.start <= token.i < span.end:
            continue
        if (token.dep_ in ("nsubj", "nsubjpass") or token.lower_ in REVENUE_NOUNS
                or token.lemma_ in ("project", "market")):
            place = _place_in(token)
            if place and place != subject:
                return place
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "in"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and (place := _place_in(pobj)):
                            return place
        if token.lower_ == "from" and token.head.i != span.root.i:
            for pobj in token.children:
                if pobj.dep_ == "pobj" and (place := _place_in(pobj)):
                    return place
    return None


def _is_conversion(span: Span) -> bool:
    """'$1.13bn (£600m)', 'A$458.4m ($357.6m; £191m)': figures in parentheses right after a money figure restate it."""
    doc = span.doc
    i = span.start - 1
    while i >= max(bounded_sent(span).start, span.start - 12):
        if doc[i].text in (")", "]"):
            return False
        if doc[i].text in ("(", "["):
            return i >= 1 and doc[i - 1].ent_type_ == "MONEY"
        i -= 1
    return False


def _sentence_subject_before(span: Span) -> str | None:
    """The first named clause subject in the sentence before the value ('Hikvision says … its revenue')."""
    for token in bounded_sent(span):
        if token.i >= span.start:
            break
        if token.dep_ in ("nsubj", "nsubjpass"):
            name, _ = _subject_from(token)
            if name:
                return name
    return None


def _topic(doc: Doc) -> str | None:
    """The organisation the document names most often (the subject 'the company' most likely means)."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "ORG":
            name = _name_of(ent.root)
            if name:
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -len(n)))


def _is_model_number(span: Span) -> bool:
    """'Boeing 737-800', 'A380': numbers joined to others by a hyphen or glued to letters name models."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start >= 1 else None
    if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].like_num:
        return True
    return prev is not None and prev.text == "-" and span.start >= 2 and doc[span.start - 2].like_num


DISTRIBUTIVE = {"each", "per", "every", "apiece", "represents", "represent"}
MIN_COUNT = 3  # "two people", "one of" are not checkable figures


def claims_of(doc: Doc, published: date | None = None, *, dayfirst: bool = False) -> Iterator[ClaimDraft]:
    """Claim drafts for every value mention that states an attribute of a subject (``revise_drafts`` last)."""
    if published is not None:  # the revision reads the story's date where the pipeline's components left it
        doc.user_data.setdefault(PUBLISHED_KEY, published)
    return iter(revise_drafts(doc, list(_claims_of(doc, published, dayfirst=dayfirst))))


def _claims_of(doc: Doc, published: date | None = None, *, dayfirst: bool = False) -> Iterator[ClaimDraft]:
    doc.user_data[NAMES_KEY] = known_names(doc)
    last_subject: str | None = None
    topic = _topic(doc)
    for sent in doc.sents:
        for ent in ents_in(sent):
            if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE"):
                continue
            if ent.label_ == "MONEY" and _is_conversion(ent):
                continue
            attribute = attribute_of(ent)
            if attribute is None:
                continue
            quantity = normalize_span(ent, published, dayfirst=dayfirst)
            if quantity is None:
                continue
            if (attribute in DATE_ATTRIBUTES
                    and (quantity.kind == "year" or len(str(quantity.value)) < 10)):
                continue  # a year or month is a period, not an event date
            if attribute == "count":
                if not isinstance(quantity.value, (int, float)) or quantity.value < MIN_COUNT:
                    continue
                if _is_model_number(ent):
                    continue
                if any(t.lower_ in DISTRIBUTIVE for t in _own_clause(ent)):
                    continue  # "each ADS represents eight shares" is a ratio, not a count
            counted = counted_noun(ent) if attribute == "count" else None
            subject, generic, confidence = subject_of(ent)
            if subject is None and generic:
                subject = _sentence_subject_before(ent) or last_subject
                confidence = min(confidence, 0.7)
                if subject is None and topic:
                    subject, confidence = topic, TOPIC_SUBJECT_CONFIDENCE
            if subject is None:
                continue
            if confidence >= 0.85:
                last_subject = subject
            period = None
            if attribute in PERIOD_ATTRIBUTES:
                period = _period_in(sent, ent, published)
                if period is None and _is_baseline(ent):
                    continue  # a comparison figure for a period we cannot tell
            scope = scope_of(ent, attribute, subject)
            if counted is not None:  # "28 entities" and "eight companies" count different things
                verb = next((t for t in _path_to_root(ent.root) if t.pos_ == "VERB"), None)
                scope = counted.lemma_.lower() + (f" ({verb.lemma_.lower()})" if verb is not None else "")
                confidence = min(confidence, 0.8)
            if attribute == "event_date":  # "added on Oct 7" and "takes effect on Oct 9" date different events
                verb = next((t for t in _path_to_root(ent.root) if t.pos_ in ("VERB", "AUX")), None)
                scope = verb.lemma_.lower() if verb is not None else None
            yield ClaimDraft(subject, attribute, quantity, ent, period, scope, confidence)
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
                name, _ = _subject_from(token)
                if name:
                    last_subject = name


#: the period of a comparison figure in a story with no date, when the level's period is not told either: some
#: period before the level's (claims of a period told as this one never meet the level's, nor a dated figure)
EARLIER_PERIOD = "an earlier period"


def _period_in(sent: Span, value: Span, published: date | None) -> str | None:
    """The period of the DATE nearest to the value in its sentence ('in 2018', 'in fiscal 2022')."""
    best, best_distance, own = None, None, False
    for ent in ents_in(sent):
        if ent.label_ != "DATE" or ent.start == value.start:
            continue
        lead = sent.doc[max(sent.start, ent.start - 2):ent.start].text.lower()
        if "from" in lead or "than" in lead or "compared" in lead or "with" in lead:
            continue  # "up 27% from its 2003 performance": the period of the comparison
        if ent.start > value.end and _compared_between(sent.doc[value.end:ent.start]):
            continue  # "net of $33m, down from $124m in the 2013 third quarter": the comparison figure's date
        ctx = sent.doc[max(sent.start, ent.start - 3):ent.end].text
        period = period_of(ctx, published)
        if not period:
            continue
        distance = ent.start - value.end if ent.start >= value.end else value.start - ent.end + 1
        if best_distance is None or distance < best_distance:
            best, best_distance = period, distance
            # "from 1.9bn euros in 2013": the date right after the figure is the figure's own
            own = ent.start == value.end + 1 and sent.doc[value.end].lower_ in ("in", "for")
    if value.label_ != "PERCENT" and not own and _is_baseline(value):  # a change's "from a year earlier" is its base
        if best:
            return _previous_period(best)
        return EARLIER_PERIOD if published is None else None  # undated: of some period before the level's
    return best


#: the words of ``_COMPARING_WORDS`` one token at a time
_COMPARING = {"from", "vs", "vs.", "versus", "against", "compared", "over"}  # "up five pct over sales of 202.3 mln"


def _compared_between(words: Span) -> bool:
    """Whether ``words`` put a money figure against the one before them: a comparison word, then a money figure."""
    cue = next((t.i for t in words if t.lower_ in _COMPARING), None)
    return cue is not None and any(e.start > cue and _money_figure(e) for e in words.ents)


#: words after a figure that make it the comparison figure of the previous period ("$2.7bn a year earlier");
#: "last year" is not one: "$5bn last year" is last year's figure, dated by the phrase itself
BASELINE_AFTER = ("a year earlier", "a year ago", "a year before", "year-earlier", "the previous year",
                  "the year before", "in the same period")


def _is_baseline(span: Span) -> bool:
    """'down from $2.70bn a year earlier', 'compared with £125m': a comparison value, of the previous period."""
    doc = span.doc
    sent = bounded_sent(span)
    before = doc[max(sent.start, span.start - 6):span.start].text.lower()
    if "compared with" in before or "compared to" in before:
        return True
    after = doc[span.end:min(sent.end, span.end + 5)].text.lower()
    if any(after.startswith(b) or f" {b}" in after[:20] for b in BASELINE_AFTER):
        return True
    return before.endswith(("up from", "down from", "compared with", "compared to", "versus", "from")) and \
        any(w in doc[sent.start:span.start].text.lower() for w in ("rose", "fell", "up ", "down ", "increase",
                                                                       "decline", "grew", "compared", "jumped"))


def _previous_period(period: str) -> str | None:
    import re

    m = re.fullmatch(r"(FY)?(\d{4})(.*)", period)
    if not m:
        return None
    return f"{m.group(1) or ''}{int(m.group(2)) - 1}{m.group(3)}"


# ---------------------------------------------------------------------------------------------------------------
# Revision of the drafts in constructions a value-by-value linker gets wrong (corpus/challenge/; written against
# corpus/challenge/dev/). Applied to the drafts of both pipelines: ``claims_of`` (rules) and
# ``context.drafts_from_links`` (the trained linker), after each value has been linked on its own.

LIST_VALUE_LABELS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
_LIST_JOINERS = {",", "and", "&"}
#: words between a gapped name and its value: "and Corvex at $3bn", "Varga Bank's 1.7%", "Corvex to $880m"
_GAP_WORDS = {"at", "to", "'s", "’s", ",", "one", "of", "with"}
#: a name right after these is the source of a figure, never its subject
SOURCE_LEADS = ("according to", "citing", "cited by", "seen by", "reported by", "data from", "compiled by",
                "analysts at", "told", "figures from", "quoted by", "per")
#: a name right before these, after the value, is a trailing attribution: "…, Ledger News reported."
SOURCE_TAILS = {"reported", "reports", "said", "says", "estimate", "estimates", "estimated", "data", "wrote",
                "calculated", "calculates", "noted", "added"}
#: a per-share price in a bid or takeover, not the offer price of a listing
BID_WORDS = {"offer", "offered", "offers", "bid", "bids", "pay", "pays", "paid", "paying", "tender", "tendered",
             "receive", "sweetened", "raised", "takeover", "buy", "acquire", "cash", "trade", "trades", "traded",
             "closed", "opened", "close"}
LISTING_PRICE_WORDS = {"priced", "ipo", "listing", "offering", "float", "flotation", "debut", "sold", "issue",
                       "prices", "price", "selling", "sells", "placed", "floating", "floated", "listed"}
_SHARE_AFTER = ("a share", "per share", "each", "apiece", "in cash per share", "a unit", "per unit")
#: an "ipo_price" of a million or more is the size of the sale, not the price of one share
MIN_SALE_SIZE = 1_000_000
#: the labels of a security's codes in a bracket: "(ISIN: DE000A0; WKN: A0; Ticker: OS7)"
_CODE_LABELS = {"isin", "wkn", "ticker", "symbol", "cusip", "sedol", "ric", "tickers", "symbols"}
_EXCHANGES = {"nasdaq", "nyse", "lse", "hkex", "nse", "bse", "ose", "cph", "tsx", "asx", "sgx", "amex", "otc",
              "xetra", "euronext", "six", "jse", "kosdaq", "krx", "tse", "sse", "szse"}


#: what only a company does right after its name: "Kolt raised …", "Pellham opened 18% above its offer price",
#: "Vessa shares rose", "Kolt's listing"
_COMPANY_ACTS = {"raised", "raises", "priced", "listed", "floated", "debuted", "launched", "shares",
                 "stock", "posted", "posts", "earned", "opened"}
_COMPANY_POSSESSED = {"listing", "shares", "stock", "ipo", "flotation", "offer", "debut", "float", "profit",
                      "profits", "revenue", "revenues", "sales", "board", "chief"}


#: of those, what a city or region never does ("Paris raised $70m in bonds" is a city's borrowing)
_LISTED_ACTS = {"priced", "listed", "floated", "debuted", "shares", "stock", "opened"}


def _acts_as_company(doc: Doc, end: int, acts: set[str] = _COMPANY_ACTS) -> bool:
    """The words after a name (ending at token ``end``) are a company's: a listing or result verb, 'shares', or
    a possessive of a company's thing or of a deal's price."""
    if end >= len(doc):
        return False
    nxt = doc[end].lower_
    if nxt in acts:
        return True
    if nxt not in ("'s", "’s") or end + 1 >= len(doc):
        return False
    if doc[end + 1].lower_ in _COMPANY_POSSESSED:
        return True
    price = ent_of(doc[end + 1])  # "Tarrow's $3.1bn takeover of …": a deal told as the buyer's own
    return price is not None and price.label_ == "MONEY" and price.start == end + 1 \
        and _OWN_DEAL_AFTER.match(doc[price.end:price.end + 3].text.lower()) is not None


def _as_company(doc: Doc, ent: Span) -> Span:
    """A place the NER tagged that acts as a company in its sentence ("Kolt's listing had been expected to raise
    …", "Pellham opened 18% above its offer price") and is not a country: the company it is (a copy labelled ORG;
    the document's entities are left as they are)."""
    from claimcheck.resolve.entities import is_country

    if is_country(ent.text) or not _acts_as_company(doc, ent.end, _LISTED_ACTS):
        return ent
    return Span(doc, ent.start, ent.end, label="ORG")


def _unread_company(doc: Doc, sent: Span, taken: set[int]) -> Span | None:
    """A company name the NER left at the start of a sentence that acts as a company ("Tiverne raised €1.5bn in
    its listing", "Maddox priced its shares at $22"): one to three capitalised words, none a stop word."""
    end = sent.start
    while end < sent.end and end - sent.start < 3 and end not in taken and doc[end].is_alpha \
            and doc[end].is_title and not doc[end].is_stop and doc[end].lower_ not in _NOT_NAME_STARTS:
        end += 1
    if end == sent.start or not _acts_as_company(doc, end):
        return None
    return Span(doc, sent.start, end, label="ORG")


def _sentence_ents(doc: Doc, sent: Span) -> tuple[list[Span], list[Span]]:
    """Names and values of a sentence; names include runs of proper nouns the NER left out ("and Dunmore $15m")
    where there is a tagger."""
    ents = ents_in(sent)
    names = [_as_company(doc, e) if e.label_ == "GPE" else e for e in ents if e.label_ in NAME_LABELS]
    taken = {i for e in ents for i in range(e.start, e.end)}
    lead = _unread_company(doc, sent, taken)
    if lead is not None:
        names.append(lead)
    run: list[Token] = []
    for t in list(sent) + [None]:
        if t is not None and t.i not in taken and t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper():
            run.append(t)
            continue
        if run:
            names.append(Span(doc, run[0].i, run[-1].i + 1, label="ORG"))
        run = []
    names.sort(key=lambda n: n.start)
    return names, [e for e in ents if e.label_ in LIST_VALUE_LABELS]


def _runs(doc: Doc, spans: list[Span], *, tickers: bool = False) -> list[list[Span]]:
    """Spans joined only by ',', 'and', '&' (a coordinated list), as runs of two or more; with ``tickers``, a
    bracketed ticker after a name is passed over ("Arden (ARD.L) and Kolt (KLT.L)")."""
    runs: list[list[Span]] = []
    current: list[Span] = []
    for s in spans:
        between = [t for t in doc[current[-1].end:s.start]] if current else []
        if tickers:
            between = _outside_brackets(between)
        if current and all(t.lower_ in _LIST_JOINERS for t in between) \
                and s.start > current[-1].end:
            current.append(s)
        else:
            if len(current) >= 2:
                runs.append(current)
            current = [s]
    if len(current) >= 2:
        runs.append(current)
    return runs


def _outside_brackets(tokens: list[Token]) -> list[Token]:
    """The tokens outside short bracketed groups ("(ARD.L)", "[NASDAQ:ARD]", "<ARD.N>")."""
    out, depth, inside = [], 0, 0
    for t in tokens:
        if t.text in ("(", "[", "<"):
            depth, inside = depth + 1, 0
        elif t.text in (")", "]", ">") and depth:
            depth -= 1
        elif depth:
            inside += 1
            if inside > 6:  # not a ticker: a parenthesis of its own
                return tokens
        else:
            out.append(t)
    return out


def _is_ticker(doc: Doc, ent: Span) -> bool:
    """'(NASDAQ: LUMN)', '<LUMN.O>', '(NYSE:HLD)', 'Get HLD Report', '$LUMN': a ticker or exchange code."""
    text = ent.text.strip()
    if text.lower().rstrip(":") in _EXCHANGES or text.lower().rstrip(":") in _CODE_LABELS:
        return True
    if not re.fullmatch(r"\$?[A-Z0-9][A-Z0-9.\-]{0,9}(?: [A-Z])?", text):
        return False
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    if before in ("(", "<", ":", "$") or after in (")", ">", ":") or text.startswith("$"):
        return True
    return before.lower() == "get" and after.lower() == "report"


#: a place that only describes a company: "Hong Kong-listed", "Leeds-based", "Dubai-registered"
_PLACE_OF = {"listed", "based", "headquartered", "registered", "owned", "controlled", "backed", "born", "run"}


def _described_by_place(doc: Doc, names: list[Span], mention: Span) -> str | None:
    """The company a place describes ("Hong Kong-listed developer Lungmoor Properties"): a place or nationality
    followed by '-listed', '-based' … is no subject; the company named within four words after it is."""
    if mention.label_ not in ("GPE", "NORP", "LOC") or mention.end + 1 >= len(doc):
        return None
    if doc[mention.end].text != "-" or doc[mention.end + 1].lower_ not in _PLACE_OF:
        return None
    company = next((n for n in names if mention.end + 2 <= n.start <= mention.end + 6 and n.label_ == "ORG"), None)
    return _clean_name(company.text) if company is not None and not _is_ticker(doc, company) else None


def _ticker_owner_elsewhere(doc: Doc, index: _Names, mention: Span) -> str | None:
    """A bare ticker written in capitals outside brackets ("VLCT shares rose") that the document gives in a bracket
    after its company elsewhere ("Vellacott Payments Inc (NASDAQ: VLCT)"): that company."""
    text = mention.text
    if not re.fullmatch(r"[A-Z]{2,6}", text):
        return None
    for other in index.by_text.get(text, ()):
        # an exchange's code, not an abbreviation in brackets ("General Motors (GM)" names GM so)
        listed = other.start > 0 and doc[other.start - 1].text in (":", "<")
        if other.start != mention.start and listed and _is_ticker(doc, other):
            return _name_before_brackets(doc, other, [e for e in doc.ents if e.label_ in NAME_LABELS])
    return None


def _name_before_brackets(doc: Doc, ent: Span, names: list[Span]) -> str | None:
    """The company a ticker belongs to: the name right before its bracket, '(' or '<'."""
    i = ent.start - 1
    while i >= 0 and doc[i].text not in ("(", "<") and ent.start - i < 6:
        i -= 1
    if i < 0 or doc[i].text not in ("(", "<"):
        return None
    owner = next((n for n in reversed(names) if n.end == i or (n.end == i - 1 and doc[i - 1].text == ")")), None)
    while owner is not None and _is_ticker(doc, owner):  # "(NYSE: BWL) (BWL.N)": the name before both
        owner = next((n for n in reversed(names) if n.end < owner.start and n.end >= owner.start - 4), None)
    if owner is not None:
        return _clean_name(owner.text)
    # a name the NER missed: the capitalised words right before the bracket ("Sibley (LSE: SBL)")
    lo = i
    while lo > 0 and i - lo < 4 and doc[lo - 1].is_alpha and doc[lo - 1].text[:1].isupper() \
            and not doc[lo - 1].is_sent_start:
        lo -= 1
    if lo > 0 and doc[lo - 1].is_alpha and doc[lo - 1].text[:1].isupper() and doc[lo - 1].is_sent_start:
        lo -= 1
    return _clean_name(doc[lo:i].text) if lo < i else None


def _is_source_mention(doc: Doc, ent: Span, value: Span, sent: Span) -> bool:
    lead = doc[max(sent.start, ent.start - 3):ent.start].text.lower().replace(" ,", ",")
    if any(lead == s or lead.endswith((" " + s, "," + s)) for s in SOURCE_LEADS):  # "per", not "developer"
        return True
    if ent.start > value.end:  # a trailing attribution: "…, Ledger News reported."
        after = doc[ent.end].lower_ if ent.end < sent.end else ""
        return after in SOURCE_TAILS and doc[ent.start - 1].lower_ in (",", "the", "at")
    return False


def _draft_at(drafts: list[ClaimDraft], value: Span) -> list[int]:
    return [i for i, d in enumerate(drafts) if (d.span.start, d.span.end) == (value.start, value.end)]


def _copy_to(draft: ClaimDraft, subject: str, value: Span, published) -> ClaimDraft | None:
    """A sibling's draft for another value of its list: same attribute, period and scope, its own value."""
    from dataclasses import replace

    quantity = _read(value, published)
    if quantity is None:
        return None
    return replace(draft, subject_text=subject, quantity=quantity, span=value, as_of=None,
                   confidence=min(draft.confidence, 0.7))


#: the verbs of a purchase ("agreed to buy Mirel for $3.25bn") and of a sale ("sold its unit to Kolt for …")
PURCHASE_VERBS = frozenset({"buy", "buys", "buying", "bought", "acquire", "acquires", "acquiring", "acquired",
                            "purchase", "purchases", "purchasing", "purchased", "snapped", "snaps", "snap"})
SALE_VERBS = frozenset({"sell", "sells", "selling", "sold"})
#: a merger's verbs: the price of "X will merge with Y in a deal worth $7bn" is the clause subject's, as a buyer's
_MERGE_VERBS = frozenset({"merge", "merges", "merged", "merging"})
#: a company sold, with only itself named: "Vessa was sold for $900m"
_SOLD_PASSIVE = re.compile(r"\b(?:was|were|is|are|has been|had been|will be|would be|being) (?:sold|bought|"
                           r"acquired|purchased|taken over)\b")
#: a company's worth stated of it: "Arden was worth $40bn at the open"
_WORTH = re.compile(r"\b(?:was|is|are|were|be|been) (?:now )?(?:worth|valued at)$")


def _read(value: Span, published) -> Quantity | None:
    """A figure normalised as the document reads it: relative dates against ``published``, day before month when
    the document writes dates so (``DAYFIRST_KEY``, set by the mention layer), a plain number its words make money
    as money (``claim_reading``)."""
    return claim_reading(value, published, dayfirst=bool(value.doc.user_data.get(DAYFIRST_KEY, False)))


def _listing_of(doc: Doc, names: list[Span], value: Span) -> str | None:
    """The company whose listing raises a sum, named right before the word: "hoped the Arden flotation would raise
    about £900m", "the Kolt IPO raised $1bn"."""
    for n in reversed([n for n in names if n.end < value.start and n.label_ == "ORG"]):
        if doc[n.end].lower_ in ("flotation", "listing", "ipo", "float", "offering", "debut", "share"):
            return _clean_name(n.text)
    return None


#: a verb of making or getting a deal right before its figure ("has signed a", "won a", "was awarded a", "received", a
#: headline's "in"), and the deal's noun after it, two words between at most ("$5bn pipeline deal", "$3bn jet supply
#: deal", "$9bn of jet orders")
_DEAL_MADE = re.compile(r"(?:^|\s)(?:in|signs?|signed|signing|wins?|won|winning|secures?|secured|securing|agrees?"
                        r"|agreed|seals?|sealed|strikes?|struck|clinch(?:es|ed)?|completes?|completed|lands?|landed"
                        r"|inks?|inked|awarded|received|receives|gets|got)(?:\s+(?:a|an))?$")
_DEAL_NOUN_AFTER = re.compile(r"(?:\([^)]{0,40}\)\s*)?(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:deal|contract|order|takeover"
                              r"|buyout|merger|acquisition|purchase)s?\b")


#: words right before a money figure that name what it is the worth of: a share sale's ("the Kolt share sale, worth
#: €2.2bn", "its listing, valued at"), a deal's ("lifting the deal's value to $6.3bn"), the company's after a price
#: move ("leaving the retailer worth £410m", "valuing it at $3.1bn")
_TOLD_BEFORE = re.compile(r"(?P<sale>(?:share\s+sale|share\s+offering|rights\s+issue|listing|flotation|ipo"
                          r"|initial\s+public\s+offering)\s*,?\s*(?:worth|valued\s+at|of)"
                          r"(?:\s+(?:about|around|some|nearly|almost|up\s+to))?)$"
                          r"|(?P<deal>(?:deal|offer|bid|takeover|merger)\s*(?:'s|’s)\s+(?:total\s+)?value\s+(?:to|at|of))$"
                          r"|(?P<company>\b(?:leaving|left|making)\s+(?:it|the\s+(?:company|firm|group|retailer|bank|carmaker"
                          r"|airline|insurer|\w+maker))\s+worth)$"
                          r"|(?P<listed>\bvaluing\s+it\s+at)$"
                          r"|(?P<cap>\bmarket\s+(?:capitali[sz]ation|value|cap)\s+(?:of|at|was|is|stood\s+at)"
                          r"(?:\s+(?:about|around|some|nearly|almost|roughly|more\s+than|just\s+over|over))?)$",
                          re.IGNORECASE)
#: (in a bid, "valuing it at" is the target's worth: ``listed`` is read only in a sentence about a listing)
_TOLD_KIND = {"sale": "ipo_proceeds", "deal": "deal_value", "company": "valuation", "listed": "valuation",
              "cap": "valuation"}
#: a figure compared with another company's, its name before "'s": "…, compared to Velto's $15.2bn"
_COMPARED_OWNER = re.compile(r"\b(?:compared\s+(?:to|with)|against|versus|vs\.?|while|and)\s+$", re.IGNORECASE)


def _compared_owner(doc: Doc, names: list[Span], value: Span, sent: Span, drafts: list[ClaimDraft],
                    read: list[ClaimDraft]) -> tuple[str, str] | None:
    """(attribute, company) of a money figure told as another company's against a figure just read: "Brightplay
    carries a market capitalization of nearly $3.4bn (£1.8bn), compared to Velto's $15.2bn" — Velto's valuation.
    The company is the name right before "'s", a comparison word before it, and a company's money figure of the
    sentence comes before."""
    owner = next((n for n in names if n.end == value.start - 1 and n.label_ == "ORG"), None)
    if owner is None or not _COMPARED_OWNER.search(span_text(doc[max(sent.start, owner.start - 3):owner.start]) + " "):
        return None
    before = [d for d in drafts + read if sent.start <= d.span.start and d.span.end <= owner.start
              and d.span.label_ == "MONEY" and d.attribute in ("valuation", "revenue", "profit", "loss")]
    if not before:
        return None
    last = max(before, key=lambda d: d.span.start)
    subject = _clean_name(owner.text)
    return (last.attribute, subject) if subject and subject != last.subject_text else None


def _owner_before(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """The company whose sale, deal or worth the words before ``value`` tell: the company opening the sentence, else
    the last company named before those words."""
    opener = _opening_company(doc, names, value, sent)
    if opener:
        return opener
    before = [n for n in names if n.end <= value.start and n.label_ == "ORG" and not _is_ticker(doc, n)]
    return _clean_name(before[-1].text) if before else None


def _unlinked_prices(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft],
                     published, covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """Drafts for money figures no draft covers, read from the verb or noun that says what they are (GUIDELINES'
    attribute table and "Deals"): "Halden agreed to buy Mirel for $3.25bn" and "Sibley bid £2bn for Arden" (the
    buyer's ``deal_value``), "Mirel was sold for $900m" (the target's, when it is the only party named), "Arden
    was worth $40bn at the open" (``valuation``), "Dunmore Holdings (HKEX: 1177) raised HK$2bn in its listing"
    (``ipo_proceeds``, ``funding`` outside a listing), "Vessa Inc said it earned 44 mln dlrs" (``profit``),
    "launched a $12.4bn share sale" (``ipo_proceeds``); a figure joined by 'and'/'or' to one read so ("$44bn at the
    close", "or $575m if the greenshoe is exercised") shares its reading. Every subject but a deal's is the clause
    subject. A linker that saw no cue noun beside such a figure links it to no one; the rules pipeline reads the
    same verbs from its parse (``_verb_attribute``)."""
    out: list[ClaimDraft] = []
    last: tuple[str, str] | None = None  # (attribute, subject) of the previous figure read here
    for v in values:
        if v.label_ != "MONEY" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end):
            continue
        if doc[v.end:v.end + 4].text.lower().startswith(_SHARE_AFTER):
            continue  # a per-share price
        lead = doc[sent.start:v.start]
        words = [t.lower_ for t in lead]
        prev = words[-1] if words else ""
        after = doc[v.end:v.end + 3].text.lower()
        attribute = subject = None
        in_deal = prev in ("in", "a", "an") and _DEAL_AFTER.match(after) is not None  # "to buy Y in a $2bn deal"
        verb = next((t for t in lead if t.lower_ in PURCHASE_VERBS | SALE_VERBS | _MERGE_VERBS), None) \
            if prev in ("for", "worth") or in_deal else None  # ("would merge with Y in a deal worth $7bn")
        if verb is not None and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "back":
            verb = None  # "buy back shares for $1bn": a buyback, read below
        if verb is not None:
            attribute, subject = "deal_value", _deal_party(doc, sent, names, verb, v)
        elif agent := _deal_agent(doc, names, v, sent):  # "agreed to a £610m takeover by Kolt", "the £720m
            attribute, subject = "deal_value", agent  # purchase of Arden by Kolt"
        elif (owner := _deal_owner(doc, names, v, sent, drafts)) is not None:  # "its $10bn takeover of Mirel"
            attribute, subject = "deal_value", owner
        # "the Kolt share sale, worth €2.2bn", "lifting the deal's value to $6.3bn"
        elif (told := _TOLD_BEFORE.search(" ".join(words[-7:]))) is not None \
                and (told.lastgroup != "listed" or _about_a_listing(doc, sent)) \
                and (owner := _owner_before(doc, names, v, sent)):
            attribute, subject = _TOLD_KIND.get(str(told.lastgroup)), owner
        elif _DEAL_MADE.search(" ".join(words[-3:])) and _DEAL_NOUN_AFTER.match(doc[v.end:v.end + 5].text.lower()) \
                and (maker := _opening_company(doc, names, v, sent)):  # "Kolt won a $1.8bn contract", "Kolt in
            attribute, subject = "deal_value", maker  # $3bn jet deal" (a headline)
        elif (bidder := _bid_told_before(doc, names, v, sent, drafts)) is not None:  # "its offer for Mirel, valued
            attribute, subject = "deal_value", bidder  # at …", "won Mirel with a bid of …"
        elif prev in _BID_VERBS and after.startswith("for ") and _bid_for_company(doc, names, v):
            attribute, subject = "deal_value", _opening_company(doc, names, v, sent)
        elif (valued := _valuing_object(doc, names, v)) is not None:  # "which values Kolt at $5.1bn"
            attribute, subject = "valuation", valued
        elif _is_buyback(doc, v, sent):
            attribute, subject = "buyback", _payer(doc, names, v, sent, drafts)  # "buy back up to ¥10bn of its shares"
        elif prev in _PAY_VERBS and _PAID_FOR.match(span_text(doc[v.end:min(sent.end, v.end + 9)]).lower()) \
                and not _for_a_part(doc, names, v):  # "Kolt paid $1.1bn for the start-up", not "for Mirel shares"
            attribute, subject = "deal_value", _payer(doc, names, v, sent, drafts)
        elif prev in _RAISE or (prev in _SEEK and _about_a_listing(doc, sent)):  # "had sought as much as $2bn from
            attribute = "ipo_proceeds" if _about_a_listing(doc, sent) or _SOLD_SHARES.search(span_text(sent)) \
                else "funding"  # its listing"; "placed 9.4 mln new shares … to raise": a share sale
            subject = _opening_company(doc, names, v, sent) or _unread_opening(doc, names, sent, v) \
                or _listing_of(doc, names, v)
        elif prev in _RESULT and not re.search(r"\b(?:revenue|sales|in value|of value|in market)", after):
            attribute = _RESULT[prev]
            subject = _opening_company(doc, names, v, sent) or _unread_opening(doc, names, sent, v)
        elif re.match(r"(?:share sale|share offering|ipo|initial public offering|listing|flotation)\b", after):
            attribute, subject = "ipo_proceeds", _opening_company(doc, names, v, sent)
        elif _WORTH.search(" ".join(words[-3:])) and not _deal_noun_subject(doc, sent, v.start - 2):
            holder = [n for n in names if n.end <= v.start]  # (not "the contract is worth $1.5m": a deal's worth)
            if holder and holder[0].start == sent.start and v.start - holder[0].end <= 3:
                attribute, subject = "valuation", _clean_name(holder[0].text)
            elif not holder:  # "Mirrowby is valued at £1.8bn", the name unread by the NER
                attribute, subject = "valuation", _unread_opening(doc, names, sent, v)
        elif prev in ("'s", "’s") and (compared := _compared_owner(doc, names, v, sent, drafts, out)) is not None:
            attribute, subject = compared  # "… a market cap of $3.4bn, compared to Velto's $15.2bn"
        elif (prev == "and" and (shared := last)) or (prev == "or" and (shared := last or _linked_before(drafts, v))):
            attribute, subject = shared  # "… $40bn at the open and $44bn at the close", "$500m, or $575m if …"
        if attribute is not None and not subject and attribute != "deal_value" \
                and _UNNAMED_COMPANY.match(span_text(doc[sent.start:v.start])) \
                and not any(n.start < v.start for n in names):
            subject = _opening_company_before(doc, sent)  # "It raised $450m": the company of the sentence before
        if attribute is None or not subject:
            continue
        quantity = _read(v, published)
        if quantity is None or not isinstance(quantity.value, (int, float)) or quantity.value < MIN_COMPANY_SUM:
            continue  # "22.625 dlrs", "cts": a price per share, not a company's sum
        if prev == "or" and any(d.quantity.unit != quantity.unit for d in drafts + out
                                if 0 <= v.start - d.span.end <= 6):
            continue  # "183 mln crowns, or 26.9 mln dlrs": the same figure converted
        last = (attribute, subject)
        period = _period_in(sent, v, published) if attribute in PERIOD_ATTRIBUTES else None
        out.append(ClaimDraft(subject, attribute, quantity, v, period, None, 0.5))
    return out


#: a contract or an order right after a deal's figure ("a 45 mln dlr order for turbines", "$3m in contracts")
_AWARD_AFTER = re.compile(r"(?:in\s+)?(?:[\w-]+\s+){0,2}?(?P<noun>contract|order)s?\b")


def _award_scope(doc: Doc, value: Span) -> str | None:
    """The scope of a contract or an order a company got or made, told by its noun and the other party named after
    the figure in its sentence ("won a $40m contract from the Veloria Navy" → "contract (Veloria Navy)", "received a
    45 mln dlr order" → "order"): a company's two contracts of one day are two deals, not one figure told two
    ways. None for any other deal."""
    m = _AWARD_AFTER.match(doc[value.end:value.end + 5].text.lower())
    if m is None:
        return None
    sent = bounded_sent(value)
    party = next((n for n in ents_in(sent) if n.start >= value.end and n.label_ in ("ORG", "GPE", "NORP")
                  and not _is_ticker(doc, n)), None)
    name = _clean_name(party.text) if party is not None else None
    return f"{m['noun']} ({name})" if name else m["noun"]


#: a bid's worth told after it: "its offer for Mirel, valued at about 175 mln dlrs", "Kolt's hostile bid, worth"
_BID_VALUED = re.compile(r"\b(?P<own>its|their|['’]s)\s+(?:[\w-]+\s+)?(?:offer|bid|proposal|takeover\s+offer)"
                         r"(?:\s+for\s+[^,;]{1,60}?)?\s*,\s*(?:valued\s+at|worth)"
                         r"(?:\s+(?:about|around|some|nearly|almost|more\s+than|up\s+to))?$", re.I)
#: a bid the clause subject won or made with: "won Mirel with a 3.4 billion dlr offer", "with a bid of €2bn"
_WITH_BID_OF = re.compile(r"\bwith\s+(?:a|an|its)\s+(?:(?:higher|rival|cash|final|winning|hostile)\s+)?"
                          r"(?:bid|offer)\s+of$", re.I)
_WITH_A = re.compile(r"\bwith\s+(?:a|an|its)$", re.I)
_BID_AFTER = re.compile(r"(?:[\w-]+\s+)?(?:bid|offer)\b", re.I)


def _bid_told_before(doc: Doc, names: list[Span], value: Span, sent: Span, drafts: list[ClaimDraft]) -> str | None:
    """The bidder whose bid a money figure is the worth of (``_BID_VALUED``, ``_WITH_BID_OF``): the possessor
    before "'s", the payer 'its' stands for, or the clause subject of "with a bid of"; else None."""
    lead = span_text(doc[max(sent.start, value.start - 16):value.start])
    m = _BID_VALUED.search(lead)
    if m is not None:
        if m["own"].lower() in ("its", "their"):
            return _payer(doc, names, value, sent, drafts)
        cut = lead[:m.start("own")]
        owner = next((n for n in reversed(names) if n.end <= value.start and n.label_ == "ORG"
                      and lead.endswith(span_text(n), 0, len(cut))), None)
        return _clean_name(owner.text) if owner is not None and not _is_ticker(doc, owner) else None
    with_bid = _WITH_BID_OF.search(lead) is not None \
        or (_WITH_A.search(lead) is not None and _BID_AFTER.match(doc[value.end:value.end + 3].text) is not None)
    return _opening_company(doc, names, value, sent) if with_bid else None


#: shares a company buys back (GUIDELINES: ``buyback``): "buy back up to ¥10bn of its own shares", "buy back shares
#: worth 2bn francs", "a buyback of up to SEK 500m", "a $2bn share buyback" (not a central bank's "$25bn repurchase
#: agreement")
_BUYBACK_LEAD = re.compile(r"\b(?:buy(?:s|ing)?|bought) back(?: (?:\w+ ){0,3}?(?:shares|stock) (?:worth|for))?$|"
                           r"\b(?:buy-?backs?|repurchases?|repurchasing|repurchased?)(?: (?:programme|program|plan))?"
                           r" (?:of|worth)$", re.I)
_BUYBACK_AFTER = re.compile(r"(?:\([^)]{0,40}\) )?(?:share |stock )?(?:buy-?back|repurchase)\b(?! agreements?)")


def _is_buyback(doc: Doc, value: Span, sent: Span) -> bool:
    """A money figure the words around it make a buyback's size (``_BUYBACK_LEAD``, ``_BUYBACK_AFTER``)."""
    lead = span_text(doc[max(sent.start, value.start - 6):value.start]).lower() if value.start > sent.start else ""
    return _BUYBACK_LEAD.search(lead) is not None \
        or _BUYBACK_AFTER.match(span_text(doc[value.end:min(sent.end, value.end + 8)]).lower()) is not None


#: a deal named right after its price: "in a $47bn merger", "a £610m takeover by …"
_DEAL_AFTER = re.compile(r"(?:[\w-]+ )?(?:deal|takeover|buyout|buy-out|merger|acquisition|purchase)\b")
#: a buyer's own deal after its price: "its $10.3bn takeover of Mirel", "Kolt's proposed 1.3 billion dlr acquisition of
#: Arden" (not "its $2bn sale of …": the seller's)
_OWN_DEAL_AFTER = re.compile(r"(?:[\w-]+ )?(?:takeover|buyout|buy-out|acquisition|purchase)(?: of| for)?\b")
#: a possessor's bid after its price: "Kolt Corp's 1.2 billion dlr takeover offer", "Kolt's $900m bid" (read only
#: after "'s"; "its $900m offer" may be a target's price offer)
_OWN_BID_AFTER = re.compile(r"(?:(?:takeover|tender|cash|merger|buyout|rival|hostile)\s+)?(?:offer|bid)s?\b")
_DEAL_PREMODIFIERS = {"proposed", "planned", "agreed", "pending", "hostile", "friendly", "recent", "completed",
                      "all-share", "all-stock", "all-cash", "cash", "cash-and-stock", "rejected", "failed", "earlier"}


def _deal_owner(doc: Doc, names: list[Span], value: Span, sent: Span, drafts: list[ClaimDraft], *,
                named_only: bool = False) -> str | None:
    """The buyer a deal's price belongs to when the deal is told as the buyer's own, the price between the
    possessor and the deal noun: "Kolt's $3.1bn takeover of Arden" (Kolt), "its proposed 1.3 billion dlr
    acquisition of Arden" (the company 'its' stands for: the one opening the sentence, else the payer before;
    ``named_only``: a named possessor only)."""
    after = doc[value.end:value.end + 3].text.lower()
    own_bid = _OWN_BID_AFTER.match(after) is not None
    if not (_OWN_DEAL_AFTER.match(after) or own_bid):
        return None
    i = value.start - 1
    while i > sent.start and doc[i].lower_ in _DEAL_PREMODIFIERS:
        i -= 1
    if i > sent.start + 2 and doc[i].text == ">":  # the bidder's wire ticker: "Kolt Corp's <KLT> 1.2 billion dlr"
        opened = next((j for j in range(i - 1, max(sent.start, i - 5), -1) if doc[j].text == "<"), None)
        i = opened - 1 if opened is not None else i
    if i < sent.start:
        return None
    if doc[i].lower_ in ("'s", "’s"):
        owner = next((n for n in names if n.end == i and n.label_ == "ORG"), None)
        return _clean_name(owner.text) if owner is not None and not _is_ticker(doc, owner) else None
    if doc[i].lower_ == "its" and not own_bid and not named_only:
        return _payer(doc, names, value, sent, drafts)
    return None


#: the buyer named after a deal's price by 'by': "a £610m takeover by the private equity firm Kolt Capital"
_BY_BUYER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:takeover|buyout|buy-out|purchase|acquisition|bid|"
                       r"(?:takeover|tender|cash)\s+offer)(?:\s+bid)?"
                       r"(?:\s+of\s+(?:\w+\s+){1,5}?)?\s+by\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:<\s*)?$")
#: paying a price: "Kolt paid $1.1bn for the start-up", "will pay €600m in cash … for", "spent $2m on buying",
#: "paying £228m to buy fellow UK firm Arden" (not spending on a project: "spent £300m on the field", "to build");
#: a converted figure in brackets may come between
_PAY_VERBS = {"paid", "pay", "pays", "paying", "spend", "spends", "spent", "spending"}
_PAID_FOR = re.compile(r"(?:\([^)]{0,40}\)\s*)?(?:for\b|in (?:cash|stock|shares|new shares)\b|"
                       r"on (?:buying|acquiring|purchasing|the (?:purchase|acquisition|takeover))\b|"
                       r"to (?:buy|acquire|purchase|take over)\b)")


#: the bidder named after a bid's price by 'from': "rejected a £1.8bn bid from its larger rival Kolt" (not "a buyout
#: from", which annotators give the target accepting it)
_FROM_BIDDER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:bid|offer|approach|proposal)s?\s+from\s+(?:the\s+|its\s+)?"
                          r"(?:[a-z][\w-]*\s+){0,3}(?:<\s*)?$")


def _deal_agent(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """The buyer a deal's price names after 'by' (see ``_BY_BUYER``) or a bid's after 'from' (``_FROM_BIDDER``):
    the first company after the price whose words up to it read "takeover by", "purchase of Arden by", "a £2bn
    buyout by the buyout firm", "a £1.8bn bid from its rival"."""
    for n in names:
        if n.start <= value.end or n.start > value.end + 14 or n.label_ not in ("ORG", "PERSON"):
            continue
        between = span_text(doc[value.end:n.start]) + " "
        if _BY_BUYER.match(between) or _FROM_BIDDER.match(between):
            return None if _is_ticker(doc, n) else _clean_name(n.text)
    return None


def _for_a_part(doc: Doc, names: list[Span], value: Span) -> bool:
    """'pay up to 350 mln dlrs for Mirel share interests': the price names a company right after 'for' and is for a
    part of it, not for the company (``_bid_for_company``)."""
    at = value.end + (value.end < len(doc) and doc[value.end].lower_ == "for")
    at += at < len(doc) and doc[at].lower_ == "the"
    named = any(n.start == at and n.label_ == "ORG" for n in names)
    return named and not _bid_for_company(doc, names, value)


def _payer(doc: Doc, names: list[Span], value: Span, sent: Span, drafts: list[ClaimDraft]) -> str | None:
    """Who pays a price: the company opening the sentence, else the nearest company before the price that is not
    after a preposition ("from", "to" …), else the subject of the sentence's own claims before the price (a name
    the NER did not take for a company: "Kuraoka Denshi said profit rose 31% … and that it would buy back …")."""
    opening = _opening_company(doc, names, value, sent)
    if opening:
        return opening
    before = [n for n in names if n.end <= value.start and n.label_ == "ORG" and not _is_ticker(doc, n)
              and not (n.start > sent.start and doc[n.start - 1].lower_ in _PREPOSITIONS)
              and not _is_source_mention(doc, n, value, sent)]
    if before:
        return _clean_name(before[-1].text)
    own = [d for d in drafts if sent.start <= d.span.start < value.start]
    if own:
        return own[-1].subject_text
    verb = next((t for t in doc[sent.start:value.start] if t.lower_ in _PAY_VERBS | _BID_VERBS), None)
    if verb is not None and _UNNAMED_SUBJECT.match(_outside_modals(doc[sent.start:verb.i])):
        return _opening_company_before(doc, sent)  # "Kolt agreed to buy Arden. The company will pay £560m in cash"
    return None


def _outside_modals(words: Span) -> str:
    """The words of a clause before its verb, modals and adverbs aside: "the bank will" → "the bank"."""
    return " ".join(t.text for t in words if t.lower_ not in _MODALS and t.lower_ not in _VERB_ADVERBS)


def _opening_company_before(doc: Doc, sent: Span) -> str | None:
    """The company opening the sentence before ``sent`` — the nearest named subject before it, which "the company"
    stands for (GUIDELINES) —, else None."""
    if sent.start == 0:
        return None
    before = bounded_sent(doc[sent.start - 1])
    names = [e for e in ents_in(before) if e.label_ in NAME_LABELS]
    return _opening_company(doc, names, doc[before.end - 1:before.end], before)


#: "Turnover for the quarter was up 3.8% to £2.41bn", "Overall, net profits were up 35% to 640m euros": a result
#: noun, then a change verb, then the change and the new (or old) level
_CHANGE_NOUNS = {"sales": "revenue", "revenue": "revenue", "revenues": "revenue", "turnover": "revenue",
                 "profit": "profit", "profits": "profit", "earnings": "profit", "income": "profit"}
_CHANGE_VERBS = re.compile(r"^(?:(?:was|were|is|are|have|has|had) )?(?:up|down|rose|rises|risen|rising|fell|falls|"
                           r"fallen|falling|jumped|jumps|climbed|climbs|slipped|slips|dropped|drops|declined|declines|"
                           r"grew|grows|increased|increases|decreased|decreases|slid|slumped|surged|soared|added|"
                           r"gained|edged (?:up|down)|improved|jumping|climbing|slipping|dropping|declining|growing|"
                           r"increasing|decreasing|sliding|slumping|surging|soaring|gaining|"
                           # the bare verb after 'saw', 'helped', 'watched': "watched its quarterly sales slip 12%"
                           r"rise|fall|drop|jump|climb|slip|decline|grow|increase|decrease|slump|surge|soar|gain|"
                           r"improve)\b")


_RESULT_PREMODIFIERS = {"its", "their", "net", "pre-tax", "pretax", "operating", "underlying", "annual", "quarterly",
                        "total", "group", "overall", "full-year", "half-year", "quarter", "'s", "’s", "like-for-like",
                        "the", "and", ",", "while", "but", "as", "when", "company", "firm", "on"}
#: a report's verb right before a result noun: "It said revenues rose 12 pct" (the result of who said it)
_SAID_BEFORE = {"said", "says", "that"}


#: the change a figure is, said by the noun after it: "a 52% rise in profits", "an 11% fall in sales"
_CHANGE_AFTER = {"rise", "rises", "increase", "increases", "jump", "jumps", "gain", "gains", "growth", "fall",
                 "falls", "drop", "drops", "decline", "declines", "slump", "slide", "dip", "surge", "leap", "climb"}
#: what a money figure is, said by the noun after it: "posted a $676m loss", "turned in a 331bn yen profit"
_RESULT_AFTER = {"loss": "loss", "losses": "loss", "profit": "profit", "profits": "profit", "revenue": "revenue",
                 "revenues": "revenue", "turnover": "revenue"}


def _results_named_after(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft],
                         published, topics: set[str], covered: set[tuple[int, int]], index: _Names) -> list[ClaimDraft]:
    """Drafts for results whose noun comes after the figure, which the linker left: "British Airways has blamed
    fuel prices for a 40% drop in profits" (``profit_growth``), "Arden posted a $676m (£352m) loss"
    (``loss``), "leading to a 10% increase in its revenues". The holder is the company opening the sentence or
    the subject of the verb before the figure; with only 'its' or 'the company' there, the story's company
    before it (``_story_company_before``)."""
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ not in ("MONEY", "PERCENT") or (v.start, v.end) in covered \
                or not (sent.start <= v.start < sent.end) or v.start == 0:
            continue
        words = _words_after_conversion(doc, v, sent)
        prev = doc[v.start - 1].lower_
        if v.label_ == "MONEY" and prev in _RESULT and not _IN_OTHER.match(" ".join(words)):
            earned = _earned_by_unnamed(doc, names, v, sent, drafts, topics, index)
            quantity = _read(v, published)
            if earned and quantity is not None and isinstance(quantity.value, (int, float)) \
                    and quantity.value >= MIN_PROSE_SUM:
                out.append(ClaimDraft(earned, _RESULT[prev], quantity, v, _period_in(sent, v, published), None, 0.5))
            continue
        if prev not in ("a", "an", "its", "their", "the"):
            continue
        attribute = None
        if v.label_ == "PERCENT":
            kind = _result_after_change(words)
            attribute = f"{kind}_growth" if kind else None
        elif v.label_ == "MONEY":
            attribute = _result_named_after(words)
        if attribute is None:
            continue
        subject = _opening_company(doc, names, v, sent) or _verb_subject(doc, names, v, sent, index)
        if subject is None and attribute.endswith("_growth"):
            # "posting a 9% gain in pre-tax earnings to $41.5m": the level reached is the same company's
            level = next((d for d in drafts if d.attribute == attribute.removesuffix("_growth")
                          and d.span.label_ == "MONEY" and v.end < d.span.start <= v.end + 8
                          and doc[d.span.start - 1].lower_ == "to"
                          and bounded_sent(d.span).start == sent.start), None)
            subject = level.subject_text if level is not None else None
        if subject is None and not any(n.start < v.start for n in names) \
                and _UNNAMED_COMPANY.search(doc[sent.start:v.start].text):
            subject = _story_company_before(drafts, topics, v.start)
        quantity = _read(v, published)
        if not subject or quantity is None or not isinstance(quantity.value, (int, float)):
            continue
        if attribute in _COMPANY_SUMS and quantity.value < MIN_PROSE_SUM:
            continue
        period = _period_in(sent, v, published) if attribute in PERIOD_ATTRIBUTES else None
        out.append(ClaimDraft(subject, attribute, quantity, v, period, None, 0.5))
    return out


def _past_conversion(doc: Doc, i: int, sent: Span) -> int:
    """The token after a conversion in brackets opening at ``i`` ("$676m (£352m) loss", "from £4.12bn ($7.1bn) in
    2003"), else ``i``."""
    if i + 2 < sent.end and doc[i].text == "(":
        close = next((t.i for t in doc[i:min(sent.end, i + 8)] if t.text == ")"), None)
        return close + 1 if close is not None else i
    return i


def _words_after_conversion(doc: Doc, value: Span, sent: Span) -> list[str]:
    """``_words_after`` the figure, past a conversion in brackets ("$676m (£352m) loss")."""
    return _words_after(doc, _past_conversion(doc, value.end, sent), sent)


def _result_named_after(words: list[str]) -> str | None:
    """The result a money figure's noun after it names ("a $676m loss", "a 331bn yen net profit"), else None."""
    noun = next((w for w in words[:3] if w not in _RESULT_PREMODIFIERS), None)
    return _RESULT_AFTER.get(noun or "")


#: what a sum after 'earned'/'lost' may be other than the result: "lost $2bn in market value", "earned $5m in fees"
_IN_OTHER = re.compile(r"(?:in|of) (?:\w+ )?(?:value|revenues?|sales|fees|interest|market|capitali[sz]ation)\b")
#: a company left unnamed as the subject of a verb: "The company earned …", "It lost …", "The lender netted …"
_UNNAMED_SUBJECT = re.compile(r"^(?:the (?:(?!(?:rival|other|parent|target|acquired|acquiring|combined|merged|new|"
                              r"former|joint|bidding|sister|smaller|larger|bigger)\b)[\w'’-]+ ){0,2}"
                              r"(?:company|firm|group|bank|lender|insurer|retailer|carmaker|automaker|airline|"
                              r"maker|\w+maker|business|giant|manufacturer|producer|conglomerate|operator)|it)\b"
                              r"(?: \w+ly)?$", re.IGNORECASE)


def _earned_by_unnamed(doc: Doc, names: list[Span], value: Span, sent: Span, drafts: list[ClaimDraft],
                       topics: set[str], index: _Names) -> str | None:
    """The company that earned or lost a sum the linker left, the sentence's clause being "<the company> earned
    $7m" with the company named before (GUIDELINES: "the company" takes the nearest named subject before it):
    the story's company before it (``_story_company_before``), else the last organisation named in the two
    sentences before. None when the sentence names anyone before the figure (the linker's call stands)."""
    verb = doc[value.start - 1]
    if any(n.start < value.start and not (n.end <= verb.i and n.label_ in ("GPE", "NORP")) for n in names):
        return None  # a place or people may describe the company ("The US giant earned $530m"); a name may not
    if not _UNNAMED_SUBJECT.match(doc[sent.start:verb.i].text.strip()):
        return None
    return _story_company_before(drafts, topics, value.start) or _company_named_before(doc, sent)


#: the words a company's name holds that a kind noun standing for it names ("The bank" → "Ostwick Bank")
_KIND_NAME_WORDS = {"bank": {"bank", "bancorp", "bankshares", "banking"}, "lender": {"bank", "bancorp", "savings"},
                    "insurer": {"insurance", "assurance", "re"}, "airline": {"airways", "airlines", "air"},
                    "carrier": {"airways", "airlines", "air"}, "carmaker": {"motors", "motor", "auto", "automotive"},
                    "brewer": {"brewers", "brewery", "breweries"},
                    "miner": {"mining", "minerals", "mines", "resources"},
                    "builder": {"homes", "construction", "builders"}, "housebuilder": {"homes"},
                    "retailer": {"retail", "stores"}, "chipmaker": {"semiconductor", "semiconductors"}}
#: words before a company named as the object of a deal or a loan ("agreed to buy a rival, Skarholt", "to lend £40m to
#: the builder Kestleigh"), which a pronoun after it does not stand for
_DEAL_OBJECT_CUES = {"buy", "bought", "buying", "acquire", "acquired", "acquiring", "purchase", "sell", "sold",
                     "selling", "lend", "lent", "lending", "rival", "merge", "takeover", "bid", "offer", "to",
                     "include", "includes", "including"}
#: a sentence opening with a company it does not name: "The bank, which …", "Its shares", "It", "The company"
_UNNAMED_OPENING = re.compile(r"^(?:(?P<its>its|it)\b|the (?:[\w-]+ )?(?P<kind>[a-z]+)\b)", re.IGNORECASE)


#: words before a company named as an object, not the subject, of its sentence ("orders from the grid operator Kolt")
_OBJECT_CUES = _DEAL_OBJECT_CUES | {"from", "by", "for", "with"}


def _opening_company_back(doc: Doc, sent: Span, back: int = 3) -> str | None:
    """The company opening ``sent`` or one of the ``back`` sentences before it (the nearest), a headline included
    (a name the NER left counts where the words after it are a company's: "Draymoor Cables posts record profit")."""
    for _ in range(back + 1):
        opening = _opening_company(doc, _sentence_ents(doc, sent)[0], doc[sent.end - 1:sent.end], sent)
        if opening or sent.start == 0:
            return opening
        sent = bounded_sent(doc[sent.start - 1])
    return None


def _unnamed_subjects(doc: Doc, drafts: list[ClaimDraft]) -> None:
    """A draft of a sentence that opens with a company it does not name ("The bank, which has 214 branches, …",
    "Its shares have risen 31%") whose subject the linker took from the sentence before: the company the kind
    noun names ("The bank" → the one company there with "Bank" in its name), else, when the linker's company is
    an object there (bought, lent to, an appositive), that sentence's opening company — the nearest named
    subject (GUIDELINES); when that object is the only company there ("Orders from the grid operator Kolt lifted
    sales. The company made …"), the company opening that sentence or one of the three before it."""
    for d in drafts:
        sent = bounded_sent(d.span)
        if sent.start == 0 or any(e.label_ in ("ORG", "PERSON") and e.start < d.span.start for e in ents_in(sent)):
            continue
        m = _UNNAMED_OPENING.match(span_text(sent))
        if m is None:
            continue
        kind = (m["kind"] or "").lower()
        first = re.match(r"the ([a-z]+)\b", span_text(sent), re.IGNORECASE)  # "The company made …": not 'made'
        if first and (first[1].lower() in _KIND_NAME_WORDS or _UNNAMED_SUBJECT.match(f"the {first[1]}")):
            kind = first[1].lower()
        if kind and kind not in _KIND_NAME_WORDS and not _UNNAMED_SUBJECT.match(f"the {kind}"):
            continue  # "The deal …", "The shares …": no company
        before = bounded_sent(doc[sent.start - 1])
        orgs = [e for e in ents_in(before) if e.label_ == "ORG" and not _is_ticker(doc, e)]
        names = {_clean_name(e.text) for e in orgs}
        cues = {e.start: {t.lower_ for t in doc[max(before.start, e.start - 5):e.start]} for e in orgs}
        if names == {d.subject_text} and all(cues[e.start] & _OBJECT_CUES for e in orgs) \
                and (earlier := _opening_company_back(doc, before)) is not None and earlier != d.subject_text:
            d.subject_text = earlier  # "Orders from the grid operator Kolt lifted sales. The company made …": the
            continue  # company last named as a subject, not Kolt, named as the object of the sentence before
        if d.subject_text not in names or len(names) < 2:
            continue
        lead = span_text(doc[sent.start:d.span.start]).lower()
        owned = re.findall(r"\bthe ([a-z]+)['’]s\b", lead)  # "It added that the airline's loss …"
        words = set().union(*(_KIND_NAME_WORDS.get(k, set()) for k in owned or [kind]))
        kin = {n for e in orgs if {t.lower_ for t in e} & words and (n := _clean_name(e.text))}
        if len(kin) == 1:
            d.subject_text = kin.pop()
            continue
        if owned:
            continue  # another unnamed company's figure, which the linker may have read right
        chosen = [e for e in orgs if _clean_name(e.text) == d.subject_text]
        if not all(cues[e.start] & _DEAL_OBJECT_CUES for e in chosen):
            continue  # ("Kolt described Arden as a fast-growing firm. Its revenues …": Arden's)
        opening = _opening_company(doc, [e for e in ents_in(before) if e.label_ in NAME_LABELS],
                                   doc[before.end - 1:before.end], before)
        if opening and opening != d.subject_text and opening in names:
            d.subject_text = opening


def _company_named_before(doc: Doc, sent: Span) -> str | None:
    """The last organisation named in the two sentences before ``sent`` (not a ticker): the company "the company"
    or "it" stands for when the story has no company of its own yet."""
    lo = bounded_sent(doc[sent.start - 1]).start if sent.start > 0 else sent.start
    lo = bounded_sent(doc[lo - 1]).start if lo > 0 else lo
    before = [e for e in doc.ents if lo <= e.start < sent.start and e.label_ == "ORG" and not _is_ticker(doc, e)]
    return _clean_name(before[-1].text) if before else None


_STAKE_VERBS = {"owns", "own", "owned", "holds", "hold", "held", "controls", "control", "controlled"}


def _held_stakes(doc: Doc, sent: Span, names: list[Span], values: list[Span], published,
                 covered: set[tuple[int, int]], index: _Names) -> list[ClaimDraft]:
    """``stake`` drafts for percentages the linker left after a verb of holding, of a whole: "Dunmore controls
    31.8 pct of the voting power", "Kolt, which owns 13 pct of Arden stock" — the holder is the verb's subject
    (``_verb_subject``: a company, or a person for a stake)."""
    out: list[ClaimDraft] = []

    def drafted(holder: str | None, v: Span) -> bool:
        quantity = normalize_span(v, published) if holder else None
        if holder and quantity is not None:
            out.append(ClaimDraft(holder, "stake", quantity, v, None, None, 0.5))
        return quantity is not None

    passive = _OWNED_BY.search(span_text(sent))
    for v in values:
        if v.label_ != "PERCENT" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end):
            continue
        # "… 16.4 pct by Arden <ARD.L> and 12.5 pct by <Kolt>"
        if passive and drafted(_owned_by_after(doc, names, v, sent), v):
            continue
        held = _shares_held_before(doc, names, v, sent)
        if held is not None:  # "a group led by Berwin said it holds 412,300 shares of Tollan common stock, equal
            drafted(_clause_subject(doc, names, held, v, sent), v)  # to 6.3 pct"
            continue
        if v.end >= sent.end or doc[v.end].lower_ != "of":
            continue
        lead = [t for t in doc[max(sent.start, v.start - 3):v.start] if t.lower_ not in ("about", "nearly", "some",
                                                                                        "around", "almost", "a")]
        if lead and lead[-1].lower_ in _STAKE_VERBS:
            drafted(_verb_subject(doc, names, v, sent, index), v)
    return out


def _shares_held_before(doc: Doc, names: list[Span], value: Span, sent: Span) -> Span | None:
    """The company whose shares a holder owns when the stake follows their number: "owns 412,300 shares of Tollan
    Co common stock, equal to 6.3 pct" (a filing's wording) gives Tollan Co; None for any other shape."""
    k = value.start - 1
    while k > sent.start and doc[k].lower_ in _STAKE_APPOSED - {"or", "equal", "to", "representing"}:
        k -= 1  # "about", "approximately"
    if k - 1 > sent.start and doc[k - 1].lower_ == "equal" and doc[k].lower_ == "to":
        k -= 1
    if k <= sent.start or doc[k].lower_ not in ("or", "equal", "representing"):
        return None
    k -= 1
    if doc[k].text == ",":
        k -= 1
    while k > sent.start and doc[k].lower_ in _STOCK_WORDS:
        k -= 1
    held = next((n for n in names if n.end == k + 1 and n.label_ == "ORG"), None)
    if held is None or held.start < sent.start + 3:
        return None
    lead = [t.lower_ for t in doc[max(sent.start, held.start - 6):held.start]]
    if lead[-1:] != ["of"] or "shares" not in lead[-3:]:
        return None
    return held if any(w in _STAKE_VERBS or w in ("has", "have", "bought", "acquired") for w in lead) else None


#: a holding told in the passive: "is 50.2 pct owned by Arden, 16.4 pct by Kolt and 12.5 pct by Vessa"
_OWNED_BY = re.compile(r"\b(?:owned|held|controlled) by\b", re.IGNORECASE)


def _owned_by_after(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """The holder a percentage of a passive holding names right after it: "N pct (owned|held) by <Arden>" — the
    company whose name follows 'by' (a wire copy's '<' allowed before it)."""
    i = value.end
    if i < sent.end and doc[i].lower_ in ("owned", "held", "controlled"):
        i += 1
    if i >= sent.end or doc[i].lower_ != "by":
        return None
    i += 1
    if i < sent.end and doc[i].text == "<":
        i += 1
    owner = next((n for n in names if n.start == i and n.label_ == "ORG"), None)
    return _clean_name(owner.text) if owner is not None and not _is_ticker(doc, owner) else None


_MARKET = re.compile(r"\b(?:shares?|stocks?|index|indices|exchange|trading)\b", re.IGNORECASE)
#: verbs of a price's move ("Kolt added 4.1%", "Vessa shed 2.6%", "the Arden 100 fell 61.20 points or 2.85%")
_MOVE_VERBS = {"rose", "rises", "rising", "risen", "fell", "falls", "falling", "fallen", "added", "adding", "shed",
               "sheds", "shedding", "dropped", "dropping", "drops", "lost", "losing", "gained", "gaining", "gains",
               "jumped", "jumping", "climbed", "climbing", "slid", "sliding", "slipped", "slipping", "plunged",
               "plunging", "soared", "soaring", "surged", "surging", "tumbled", "tumbling", "sank", "sinking",
               "eased", "easing", "advanced", "advancing", "declined", "declining", "rallied", "slumped", "closed",
               "ended", "finished", "up", "down", "higher", "lower", "opened", "opens", "debuted"}
_MOVE_GAP = {"shares", "stock", "stocks", "index", "has", "had", "have", "was", "were", "is", "also", "then", "by",
             "both", "'s", "’s", "share", "price", "prices"}


def _of_a_place(doc: Doc, i: int) -> bool:
    """Token ``i`` is in "of <place>" right after an index's word ("the Kestrel index of Norway")."""
    j = i
    while j > 0 and doc[j].ent_type_ == "GPE":
        j -= 1
    return (j < i and doc[j].lower_ == "of" and j > 0 and doc[j - 1].lower_ == "index") \
        or (doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ == "index" and doc[i + 1].ent_type_ == "GPE")


def _market_moves(doc: Doc, sent: Span, names: list[Span], values: list[Span], published, market_story: bool,
                  covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """``share_price_change`` drafts for percentages the linker linked to no one where a company or index is the
    subject of a price's move ("Kolt added 4.1% to 610 yen", "with Ostwind dropping 1.9%", "The Arden
    Composite Index lost 5.2 percent", "The Arden 100 fell 61.20 points or 2.85%"): its name, then 'shares',
    'index' or an auxiliary, then the move verb, then the figure (a points figure and 'or' allowed), in a story
    that speaks of shares, stocks or an index (``market_story``). Not a name after a preposition ("sales at
    Marlo rose 5%")."""
    if not market_story:
        return []
    out: list[ClaimDraft] = []
    # the Nasdaq named as an index ("the Nasdaq rose 0.7%"), which the names of the sentence leave as an exchange
    indexes = [e for e in ents_in(sent) if e.label_ == "ORG" and e not in names and _index_name(e.text)
               and not _in_ticker_brackets(doc, e)]
    pool = sorted(names + indexes, key=lambda n: n.start) if indexes else names
    for v in values:
        if v.label_ != "PERCENT" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end):
            continue
        i = v.start - 1
        while i > sent.start and (doc[i].lower_ in ("by", "or", "about", "nearly", "almost", "some", "around", "a",
                                                     "further", "another", "more", "than")
                                  or doc[i].ent_type_ in ("CARDINAL", "QUANTITY") or doc[i].lower_ == "points"):
            i -= 1
        if doc[i].lower_ == "of" and i - 2 >= sent.start and doc[i - 1].lower_ in _MOVE_NOUNS \
                and doc[i - 2].lower_ in ("a", "an"):
            # "The Arden Index had its worst day in years, a drop of 7%, and closed with a loss of 2.6%": the move
            # told as a noun, of the one index or company the sentence opens with and names before it (not "a rise
            # of 5% in sales")
            before = [n for n in pool if n.end <= i - 2 and n.label_ == "ORG" and not _is_ticker(doc, n)]
            quantity = normalize_span(v, published)
            of_other = v.end + 1 < sent.end and doc[v.end].lower_ == "in" \
                and doc[v.end + 1].lower_ not in ("the", "its", "value", "shares", "stock", "price", "prices")
            if not of_other and len({_clean_name(n.text) for n in before}) == 1 and before[0].start == sent.start + (
                    doc[sent.start].lower_ == "the") and quantity is not None:
                subject = _clean_name(before[0].text) or _index_name(before[0].text)
                if subject:
                    out.append(ClaimDraft(subject, "share_price_change", quantity, v, None, None, 0.5))
            continue
        if doc[i].lower_ not in _MOVE_VERBS:
            continue
        verb, i = i, i - 1
        while i > sent.start and (doc[i].lower_ in _MOVE_GAP or _of_a_place(doc, i)):
            i -= 1  # ("the Kestrel index of Norway sliding 5%": the place passed over)
        # the name ends where the gap began, or inside it ("The Arden Composite Index lost …": 'Index' is the name's)
        name = next((n for n in pool if i + 1 <= n.end <= verb), None) or _index_before(doc, pool, verb)
        if name is None or name.label_ != "ORG" or (_is_ticker(doc, name) and name not in indexes) \
                or (name.start > sent.start and doc[name.start - 1].lower_ in _PREPOSITIONS - {"with"}):
            continue  # ("with Ostwind dropping 1.9%" is a clause of its own)
        quantity = normalize_span(v, published)
        subject = _clean_name(name.text) or _index_name(name.text)
        if quantity is None or not subject:
            continue
        out.append(ClaimDraft(subject, "share_price_change", quantity, v, None, None, 0.5))
    return out


#: a price's move in a headline's present tense or the past, right before its figure
_SHARE_MOVE = re.compile(r"\b(?:shares?|stock)\s+(?:\w+\s+)?(?:(?:plummet|plunge|soar|slump|jump|rise|fall|drop|sink|"
                         r"surge|tumble|climb|slide|rally|gain|lose)(?:s|ed|d)?|rose|risen|fell|fallen|sank|slid|lost)"
                         r"(?:\s+by)?(?:\s+about|\s+nearly)?\s*$", re.IGNORECASE)


def _moved_shares(doc: Doc, value: Span, sent: Span) -> bool:
    """'Kolt shares plummet 14%', 'its stock fell by 3%': a percentage right after shares' move verb is a move."""
    lead = span_text(doc[max(sent.start, value.start - 5):value.start]) if value.start > sent.start else ""
    return _SHARE_MOVE.search(lead) is not None


def _index_before(doc: Doc, names: list[Span], verb: int) -> Span | None:
    """A market index told of earlier in the sentence than its move ("The Arden Index in Ostberg was in a freefall
    for most of the day, ending down 9.6 percent", "Ostland's Arden Index, which fell 4.2 percent on Friday"): the
    last index named before the move verb, with no company, figure or ';' between."""
    before = [n for n in names if n.end <= verb and n.label_ == "ORG"]
    if not before or not _index_name(before[-1].text):
        return None
    name = before[-1]
    if any(t.text == ";" or t.ent_type_ in ("PERCENT", "MONEY") for t in doc[name.end:verb]):
        return None
    return name


def _in_ticker_brackets(doc: Doc, ent: Span) -> bool:
    """'(NASDAQ: LUMN)', '<LUMN.O>': a name written as a ticker or its exchange, inside the brackets of one."""
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    return before in ("(", "<", "[") or after in (")", ">", "]", ":")


def _index_name(text: str) -> str | None:
    """A market index whose move a figure is ("The Arden Composite Index", "the Nasdaq"): no subject of a
    company's figures (:data:`NON_SUBJECT_HEADS`), but the subject of its own ``share_price_change``."""
    text = text.strip().removeprefix("the ").removeprefix("The ").strip()
    words = text.casefold().split()
    return text if words and (words[-1] in ("index", "indices") or words == ["nasdaq"]) else None


#: the verbs of a later move of the same shares: "… and closed 5% higher", "… to close 3% lower"
_LATER_MOVE_VERBS = {"closed", "close", "closing", "ended", "end", "ending", "finished", "finish", "fell", "rose",
                     "dropped", "gained", "lost", "jumped", "slid", "climbed", "traded", "trade", "trading"}


#: a share price's move told as a noun before its figure ("a gain of 9%")
_MOVE_NOUNS = {"gain", "rise", "fall", "drop", "loss", "decline", "jump", "slide", "slump", "surge"}
#: words of a trading day, which make a second figure after a share move the same shares' later move
_TRADING_DAY = re.compile(r"\b(?:session|trading|debut|offer price|open|opened|opening|close|closed|closing)\b",
                          re.IGNORECASE)


#: a share price's move told as a noun after its figure: "a 14% fall in Kolt's shares", "a 20% slide in its own
#: shares", "a 9% rise in the company's share price"
_MOVE_NOUN_AFTER = re.compile(r"\s*(?:fall|drop|decline|slide|slump|plunge|tumble|rise|gain|jump|increase|surge|climb"
                              r"|rally)\s+in\s+(?:(?P<owner>(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*)\s*(?:'s|’s|')\s+"
                              r"|(?P<own>its|their|the\s+company's|the\s+firm's|the\s+group's)\s+)?(?:own\s+)?"
                              r"(?:shares|stock|share\s+price|stock\s+price)\b")


def _share_move_nouns(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft],
                      published, topics: set[str], covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """A share price's move told as a noun after its percentage (:data:`_MOVE_NOUN_AFTER`): the move, for the
    company whose shares they are, else the one the sentence opens with, else the story's. A draft the linker made
    of the figure (a growth, a stake) becomes the move; a figure it left is drafted."""
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ != "PERCENT" or not (sent.start <= v.start < sent.end):
            continue
        m = _MOVE_NOUN_AFTER.match(span_text(doc[v.end:min(sent.end, v.end + 10)]))
        if m is None:
            continue
        linked = [d for d in drafts if (d.span.start, d.span.end) == (v.start, v.end)]
        subject = _clean_name(m["owner"]) if m["owner"] else None
        if not linked and subject is None:
            subject = _opening_company(doc, names, v, sent) or _story_company_before(drafts, topics, sent.start)
        for d in linked:
            if d.attribute != "share_price_change":
                d.attribute, d.as_of = "share_price_change", None
                d.__post_init__()
            if subject:
                d.subject_text = subject
        if linked or not subject or (v.start, v.end) in covered:
            continue
        quantity = normalize_span(v, published)
        if quantity is not None:
            out.append(ClaimDraft(subject, "share_price_change", quantity, v, None, None, 0.5))
    return out


def _later_moves(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft],
                 published, covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """A second move of the same shares told with its subject left out ("Vessa shares rose 3% in early trade and
    closed 5% higher", "was little changed at the open but fell 4.8% by the close", "swung from a gain of 9% in
    the morning to close 3% lower"): a percentage the linker left, after a move verb (three words at most
    before it) or before 'higher'/'lower', in a sentence whose shares moved — the company of its move before
    (a ``share_price_change`` draft of the sentence) or of its 'Shares of …' / '<company> shares'."""
    told = _shares_told_before(doc, sent, drafts)
    moved = any(d.attribute == "share_price_change" and sent.start <= d.span.start < sent.end for d in drafts) \
        and _TRADING_DAY.search(span_text(sent)) is not None
    if told is None and not moved and not {t.lower_ for t in sent} & {"shares", "share", "stock", "stocks"}:
        return []  # (a move drafted in the sentence: "Kolt opened 18% above its offer price and ended up 26%")
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ != "PERCENT" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end):
            continue
        if told is not None and any(n.start < v.start for n in names):
            continue
        earlier = [d for d in drafts + out if d.attribute == "share_price_change" and sent.start <= d.span.start
                   < v.start]
        lead = [t.lower_ for t in doc[max(sent.start, v.start - 3):v.start]]
        after = doc[v.end].lower_ if v.end < sent.end else ""
        # "opened at $42, 40% above the IPO price": a move against a price named after the figure
        against_price = after in ("above", "below") and "price" in {t.lower_ for t in doc[v.end + 1:v.end + 5]}
        # "They ended the session up 0.8%", "… and ended the session up 26%", "Shares of Kolt (KLT) were up 18%"
        up_or_down = lead[-1:] in (["up"], ["down"]) \
            and (told is not None or bool(earlier) or _shares_owner(doc, names, v, sent) is not None)
        # "swung from a gain of 9% in the morning to close 3% lower": the move told as a noun (not "a rise of 5% in
        # sales")
        move_noun = len(lead) == 3 and lead[0] in ("a", "an") and lead[1] in _MOVE_NOUNS and lead[2] == "of" \
            and not (after == "in" and {t.lower_ for t in doc[v.end + 1:min(sent.end, v.end + 4)]} & set(_CHANGE_NOUNS))
        if not (set(lead) & _LATER_MOVE_VERBS or (after in ("higher", "lower") and lead) or against_price
                or up_or_down or move_noun):
            continue
        if earlier and (any(earlier[-1].span.end <= n.start < v.start for n in names)
                        or {t.lower_ for t in doc[earlier[-1].span.end:v.start]} & {"while", "whereas", "whilst"}):
            continue  # "…, while the Nasdaq rose 0.9%": another name's move
        subject = earlier[-1].subject_text if earlier else told or _shares_owner(doc, names, v, sent)
        if subject is None:  # "Kolt shares …", "Kolt's shares …"
            owner = next((n for n in names if n.label_ == "ORG" and n.end < v.start and n.end < len(doc)
                          and _SHARES_OF_NAME.match(span_text(doc[n.end:n.end + 2]).lower())), None)
            subject = _clean_name(owner.text) if owner is not None else None
        if subject is None and not any(n.start < v.start for n in names) \
                and _UNNAMED_SHARES.search(span_text(doc[sent.start:v.start])):
            before = [d for d in drafts if d.attribute == "share_price_change" and d.span.end <= sent.start]
            # "the firm's shares … close 16% down": the company whose shares moved before, else the one before
            subject = before[-1].subject_text if before else _opening_company_before(doc, sent)
        quantity = normalize_span(v, published)
        if subject and quantity is not None:
            out.append(ClaimDraft(subject, "share_price_change", quantity, v, None, None, 0.5))
    return out


#: the kind nouns "the company", "the bank" … stand for a company with (``_UNNAMED_COMPANY``, ``_UNNAMED_SHARES``)
_UNNAMED_KINDS = "company|firm|group|bank|carmaker|airline|insurer|retailer"
#: the shares of the name right before ("Kolt shares", "Kolt's stock") or of a company the sentence does not name
_SHARES_OF_NAME = re.compile(r"(?:['’]s )?(?:shares|stock)\b")
_UNNAMED_SHARES = re.compile(rf"\b(?:its|the (?:{_UNNAMED_KINDS})['’]s) (?:shares|stock)\b", re.IGNORECASE)


def _shares_told_before(doc: Doc, sent: Span, drafts: list[ClaimDraft]) -> str | None:
    """The company whose shares a sentence opening with 'They' goes on about: the one of the previous sentence's
    last share-price move ("Kolt shares tumbled 9.5% after hours. They had ended the regular session up 0.8%.")."""
    if sent.start == 0 or doc[sent.start].lower_ != "they":
        return None
    before = bounded_sent(doc[sent.start - 1])
    moves = [d for d in drafts if d.attribute == "share_price_change" and before.start <= d.span.start < before.end]
    return moves[-1].subject_text if moves else None


#: the sum with the over-allotment ("With the greenshoe, the proceeds reach $1.01bn")
_GREENSHOE = re.compile(r"\bgreen ?shoe\b|\bover-?allotment\b", re.IGNORECASE)


def _greenshoe_sums(sent: Span, values: list[Span], drafts: list[ClaimDraft], published,
                    covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """A money figure the linker left in a sentence about the over-allotment, after the listing's proceeds were
    read: the same company's ``ipo_proceeds`` (its moment, ``over_allotment``, read from the sentence)."""
    if not _GREENSHOE.search(span_text(sent)):
        return []
    proceeds = [d for d in drafts if d.attribute == "ipo_proceeds" and d.span.start < sent.end]
    if not proceeds:
        return []
    last = max(proceeds, key=lambda d: d.span.start)
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ != "MONEY" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end):
            continue
        quantity = normalize_span(v, published)
        if quantity is None or not isinstance(quantity.value, (int, float)) or quantity.value < MIN_SALE_SIZE \
                or quantity.unit != last.quantity.unit:
            continue
        out.append(ClaimDraft(last.subject_text, "ipo_proceeds", quantity, v, None, None, 0.5))
    return out


#: the price of one share in a listing, named: "against an IPO price of $21", "an issue price of 240p", "prices IPO at
#: $24", "in a public offering at 22-1/4 dlrs a share", "after floating at 330p"
_IPO_PRICE_NAMED = re.compile(r"\b(?:(?:ipo|issue|listing|float|flotation|offering) price (?:of|was|at)|"
                              r"prices? (?:its |the |an )?(?:ipo|listing|flotation|float|offering|shares) at|"
                              r"(?:public|initial) offering at|"
                              r"(?:floating|floated|debuting|debuted|went public|going public) at|"
                              r"price of (?:its |the )?(?:[\w-]+ ){0,2}?(?:ipo|offering|listing|flotation|shares) "
                              r"at)\s*$", re.I)
#: shares sold at a price, in a sentence about a listing (or after one): "sold at A$2.10 in the float", "placed at
#: 240p", "selling 30 million shares at $26 apiece", "At the final offer price of A$3.10"
_SOLD_AT = re.compile(r"\b(?:(?:sold|sells?|selling|placed|priced|offered|issued|issuing)\b(?:\s+[\w-]+){0,5}\s+at|"
                      r"(?:final )?offer price (?:of|was|at))\s*$", re.I)
_AT_WHICH = re.compile(r"^\s*at which (?:it|they|the (?:[\w-]+ )?(?:company|firm|group|bank|maker)|\w+) "
                       r"(?:(?:were|was|had been) )?(?:sold|placed|priced|offered|listed|floated|debuted|"
                       r"went public)\b", re.I)
_LISTING_WORDS = re.compile(r"\b(?:ipo|float|flotation|listing|listings|debut|initial public offering|share sale|"
                            r"first day of trading|first day)\b", re.I)
#: a tender, takeover or bid: its per-share price is no listing's
_BID_WORDS_RE = re.compile(r"\b(?:tender|takeover|bid)\b", re.I)
#: a company's own offering of its shares at a price ("it is offering 1,350,517 common shares at a price of",
#: "a public offering of 612,000 new shares is going on at", "will sell 244,400 common shares privately at"): the
#: number of shares names no other company
_OWN_SHARES_AT = re.compile(
    r"\b(?:offer(?:s|ed|ing)?|sell(?:s|ing)?|sold|issu(?:e|es|ed|ing)|offering\s+of)\b(?:\s+[a-z]+){0,4}?\s+"
    r"\d[\d,.]*(?:\s+(?:mln|million))?\s+(?:(?:new|common|preferred|ordinary)\s+){0,2}shares\b"
    r"(?:\s+of\s+(?:its\s+)?(?:common\s+)?stock)?(?:\s+[a-z]+){0,4}?\s+at(?:\s+a\s+price\s+of)?\s*$")


def _offer_prices(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft], published,
                  covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """The price of one share in a listing, which the linker left: "against an IPO price of $21", "Brixton
    shares, sold at A$2.10 in the float, …", "below the $16 at which it sold shares to investors", "which sold
    its shares at $11 in its New York debut", "the $41 at which it listed" (``ipo_price``; a tender or takeover
    offer's price is no IPO price: 'offer price' is read only after a listing is named). The company: the one
    opening the sentence, else the nearest company named before the price, else the first after it, else the
    company the sentence's listing figures were given to (a name the NER did not take for a company)."""
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ != "MONEY" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end):
            continue
        lead = doc[max(sent.start, v.start - 6):v.start].text
        tail = doc[v.end:min(sent.end, v.end + 6)].text
        named = _IPO_PRICE_NAMED.search(lead) is not None or _AT_WHICH.search(tail) is not None
        sold = (_SOLD_AT.search(lead) is not None and _about_a_listing(doc, sent, _LISTING_WORDS)) \
            or (tail.lower().startswith(_SHARE_AFTER)
                and _OWN_SHARES_AT.search(doc[max(sent.start, v.start - 16):v.start].text) is not None)
        if not (named or sold) or _BID_WORDS_RE.search(span_text(sent)):
            continue
        quantity = normalize_span(v, published)
        if quantity is None or not isinstance(quantity.value, (int, float)) or quantity.value >= MIN_PROSE_SUM:
            continue
        subject = _opening_company(doc, names, v, sent)
        if subject is None:
            companies = [n for n in names if n.label_ == "ORG" and not _is_ticker(doc, n)]
            before = [n for n in companies if n.end <= v.start]
            after = [n for n in companies if n.start >= v.end]  # "After floating at 330p, Kolt stock closed …"
            subject = _clean_name(before[-1].text) if before else _clean_name(after[0].text) if after else None
        if subject is None:
            listed = [d for d in drafts if sent.start <= d.span.start < sent.end
                      and d.attribute in ("ipo_proceeds", "valuation")]
            subject = min(listed, key=lambda d: abs(d.span.start - v.start)).subject_text if listed else None
        if subject is None and _UNNAMED_COMPANY.match(span_text(sent)):
            subject = _opening_company_before(doc, sent)  # "Its shares, floated at 240p in 1989, …"
        if subject:
            out.append(ClaimDraft(subject, "ipo_price", quantity, v, None, None, 0.5))
    return out


#: a sum borrowed or granted, read in the words right after it: "$400m loan", "$2.5m in bridge financing", "60 mln
#: dlrs of senior subordinated debentures", "a 70bn-euro emergency rescue package" (GUIDELINES: ``funding`` is money
#: raised outside a listing, debt included); up to three modifiers, none a joining word
_FUNDING_AFTER = re.compile(
    r"^\s*-?\s*(?:(?:in|of)\s+)?(?:(?!(?:and|or|to|from|for|by|of|in|worth|the|a|an|its|their|with|which|that)\b)[\w-]+\s+){0,3}?"
    r"(?:loans?|bail-?outs?|financing|aid|rescue package|assistance package|credit (?:line|facility|agreement)|"
    r"revolving credit|(?:note|issuance|standby|loan|borrowing|term) facility|debentures|(?:euro)?bonds?|notes|"
    r"borrowings)\b", re.IGNORECASE)
#: a sum lent or borrowed, read in the words right before it: "is lending 9.4 mln dlrs", "would borrow $2bn", "a
#: credit facility of up to 250 mln dlrs", "a loan of $40m"
_FUNDING_BEFORE = re.compile(r"\b(?:lend(?:s|ing)?|lent|borrow(?:s|ed|ing)?)(?:\s+\w+)?\s*$|"
                             # the borrower as the verb's first object: "lent Arden Corp", "LOANS KENYA"
                             r"\b(?:lent|lend(?:s|ing)?|loan(?:s|ed))(?:\s+(?-i:[A-Z])[\w.]*){1,3}\s*$|"
                             r"\b(?:loan|credit\s+(?:line|facility|agreement)|(?:note|issuance|standby|loan|term)\s+"
                             r"facility|bail-?out|rescue package)\s+of\s*$", re.IGNORECASE)
#: a bank's loan book, its losses and provisions are no one's funding ("has $1.2bn in loans to Ostland", "loan loss
#: provisions of $50m"; 'has' as an auxiliary holds nothing: "has received $12bn in bailout money"), nor is a bill or
#: plan that has not passed ("a $90bn bailout bill"), nor the debt an agency rates ("may downgrade Kolt's $45m of
#: debentures")
_FUNDING_NOT = re.compile(r"\b(?:(?:has|have|had)\b(?!\s+(?:[a-z]+ly\s+|already\s+|also\s+|now\s+|just\s+)?"
                          r"(?:[a-z]+(?:ed|en)|got|won|been)\b)|holds?|exposure|outstanding|losse?s?|provisions?|"
                          r"reserves?|non-?performing|bad|interest|repay(?:s|ing)?|repaid|bills?|plans?|proposals?|"
                          r"proposed|downgrad\w*|upgrad\w*|rat(?:ed|es|ing|ings))\b", re.IGNORECASE)
#: … nor is a sum the clause only asks for, may be eligible for or gets on a condition ("would be eligible for a $4bn
#: loan", "if it does not receive $1.7bn of aid")
_FUNDING_UNSURE = re.compile(r"\b(?:ask(?:s|ed|ing)?|seek(?:s|ing)?|sought|request(?:s|ed|ing)?|appl(?:y|ies|ied)|"
                             r"eligible|if|unless|approach(?:es|ed|ing)?|take part|participat\w*)\b", re.IGNORECASE)
#: "$350m of loans to Ostland": a bank's loans, not one loan granted ("$110bn in loans from …" is)
_LOAN_BOOK = re.compile(r"\s*of\s+(?:\w+\s+)?loans\b", re.IGNORECASE)
#: verbs by which a lender, the clause subject, gives the sum: the borrower is named after "to", or is the story's
_LEND_VERBS = re.compile(r"\b(?:provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|lend(?:s|ing)?|lent|extend(?:s|ed|ing)?|"
                         r"grant(?:s|ed|ing)?|approv(?:e|es|ed|ing)|offer(?:s|ed|ing)?\s+to)\b", re.IGNORECASE)
#: the borrower named as a common noun after "to": the story's company ("a €250m loan to the carrier")
#: (besides ``_COMPANY_NOUNS``)
_BORROWER_NOUNS = {"carrier", "utility", "insurer", "lender", "government", "country", "state"}


def _funding_sums(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft],
                  published, topics: set[str], index: _Names) -> list[ClaimDraft]:
    """Money borrowed or granted (``funding``): a loan, a bail-out, aid, a credit line, bonds or debentures
    issued, "lending/borrowing $N". The figure the linker left, or read as a deal's value or a valuation, is
    given to the borrower: the name after "to"/"for" ("lending 9.4 mln dlrs to Ostland", "an aid package for
    Kolt"); for a lender's verb with no such name ("Marlow Finance supplied $19m in senior financing"), the
    story's company; else the company opening the sentence, else the nearest company or country named before it
    (not one after "from", "by" or "with": the lender), else the story's company. A sum asked for, a bank's loan book
    and its loan-loss figures are not funding."""
    from claimcheck.resolve.entities import is_country

    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ != "MONEY" or not (sent.start <= v.start < sent.end):
            continue
        tail = span_text(doc[v.end:min(sent.end, v.end + 6)]) if v.end < sent.end else ""
        lead = span_text(doc[max(sent.start, v.start - 4):v.start]) if v.start > sent.start else ""
        if not (_FUNDING_AFTER.search(tail) or _FUNDING_BEFORE.search(lead)) or _LOAN_BOOK.match(tail) \
                or lead.lower().endswith(" for"):  # "bought land for $1.1m in notes": a price paid in notes
            continue
        at = _draft_at(drafts, v)
        draft = drafts[at[0]] if at else None
        if draft is not None and draft.attribute not in ("deal_value", "valuation"):
            continue
        near = span_text(doc[max(sent.start, v.start - 6):min(sent.end, v.end + 4)])
        if _FUNDING_NOT.search(near) or _FUNDING_UNSURE.search(span_text(doc[sent.start:v.start])):
            continue
        quantity = normalize_span(v, published) if draft is None else draft.quantity
        if quantity is None or not isinstance(quantity.value, (int, float)) or quantity.value < MIN_SALE_SIZE:
            continue
        subject = _borrower(doc, sent, names, v)
        if not subject:  # '' (the story's company) or None (no one in sight)
            subject = _story_company_before(drafts, topics, v.start) or ""
            if any(e.label_ == "GPE" and not is_country(e.text) for e in index.by_text.get(subject, ())):
                subject = ""  # a city the story's figures are given to ("Athens") borrows nothing
        if not subject:
            continue
        if draft is not None:
            draft.subject_text, draft.attribute, draft.as_of = subject, "funding", None
            draft.__post_init__()
        else:
            out.append(ClaimDraft(subject, "funding", quantity, v, None, None, 0.5))
    return out


#: a lender's verb with the borrower as its first object ("will provide Ostland a 125 mln dlr loan", "lent Kolt
#: 40 mln dlrs", a wire headline's "BANK LOANS OSTLAND 125 MLN DLRS")
_GIVE_VERBS = re.compile(r"^(?:provid(?:e|es|ed|ing)|lend(?:s|ing)?|lent|loan(?:s|ed)|grant(?:s|ed|ing)?|"
                         r"extend(?:s|ed|ing)?|giv(?:e|es|en|ing)|gave)$", re.IGNORECASE)


def _given_to(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """The borrower named as a lender's verb's first object right before the sum: "provide Ostland a 125 mln dlr
    loan" → Ostland (a company, or a country)."""
    from claimcheck.resolve.entities import is_country

    j = value.start - 1 if value.start > sent.start and doc[value.start - 1].lower_ in ("a", "an") else value.start
    named = next((n for n in names if n.end == j and n.start > sent.start), None)
    if named is not None and (_is_ticker(doc, named) or not (named.label_ == "ORG" or is_country(named.text))):
        return None
    if named is None:  # a country the NER left or read as a person ("LOANS KENYA 140 MLN DLRS")
        start = next((i for i in range(max(sent.start + 1, j - 3), j) if is_country(doc[i:j].text)), None)
        if start is None:
            return None
        named = doc[start:j]
    verb = doc[named.start - 1] if doc[named.start - 1].lower_ != "the" or named.start - 2 < sent.start \
        else doc[named.start - 2]
    return _clean_name(named.text) if _GIVE_VERBS.match(verb.text) else None


def _borrower(doc: Doc, sent: Span, names: list[Span], value: Span) -> str | None:
    """The borrower of a funding sum (see ``_funding_sums``): a name, '' for the story's company, None for none."""
    from claimcheck.resolve.entities import is_country

    end = next((t.i for t in doc[value.end:sent.end] if t.text in (",", ";", ":")), sent.end)
    for t in doc[value.end:end]:
        if t.lower_ not in ("to", "for") or t.i + 1 >= end:
            continue
        j = t.i + 2 if doc[t.i + 1].lower_ == "the" else t.i + 1
        named = next((n for n in names if n.start == j), None)
        if named is not None and named.label_ in ("ORG", "GPE") and not _is_ticker(doc, named):
            return _clean_name(named.text)
        if j > t.i + 1 and j < end and (doc[j].lower_ in _BORROWER_NOUNS or doc[j].lower_ in _COMPANY_NOUNS):
            return ""
    given = _given_to(doc, names, value, sent)
    if given:
        return given
    lead = span_text(doc[sent.start:value.start]) if value.start > sent.start else ""
    if _LEND_VERBS.search(lead[-60:]):
        return ""
    opening = _opening_company(doc, names, value, sent)
    if opening:
        return opening
    before = [n for n in names if n.end <= value.start and not _is_ticker(doc, n)
              and (n.label_ == "ORG" or n.label_ == "GPE" and is_country(n.text))  # a country borrows; a city not
              and not any(t.lower_ in ("from", "by", "to", "with") for t in doc[max(sent.start, n.start - 2):n.start])
              and not (n.end < len(doc) and doc[n.end].lower_ in ("'s", "’s", "loan", "loans", "credit", "financing"))
              and not _is_source_mention(doc, n, value, sent)]  # ("a Marlow Bank loan of $5m": Marlow lends it)
    return _clean_name(before[-1].text) if before else None


def _subjects_named_twice(drafts: list[ClaimDraft]) -> set[str]:
    """Subjects the linker gave two or more figures of the story: the companies it is about."""
    return {s for s, n in Counter(d.subject_text for d in drafts).items() if n >= 2}


def _story_company_before(drafts: list[ClaimDraft], topics: set[str], start: int,
                          labels: tuple[str, ...] | None = None) -> str | None:
    """The subject of the story's last claim before token ``start`` (of a value of ``labels``, when given) that is
    one of ``topics``: the company an unnamed subject ("it", "Turnover rose 4%") most likely means."""
    earlier = [d for d in drafts if d.span.start < start and d.subject_text in topics
               and (labels is None or d.span.label_ in labels)]
    return max(earlier, key=lambda d: d.span.start).subject_text if earlier else None


def _company_at(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """The company a change is told 'at' right after its figure: "sales jumping 21% at the retailer Verro Stores"
    (up to six lower-case words of description between 'at' and the name)."""
    if value.end >= sent.end or doc[value.end].lower_ != "at":
        return None
    after = next((n for n in names if value.end + 1 <= n.start <= value.end + 7 and n.label_ == "ORG"), None)
    if after is None or any(not (t.is_alpha or t.lower_ in ("'s", "’s", "-")) or t.is_title
                            for t in doc[value.end + 1:after.start] if t.lower_ != "the"):
        return None
    return None if _is_ticker(doc, after) else _clean_name(after.text)


#: a company's result changed by its own verb, the verb first: "Vandle increased its revenue in the first half by
#: 17% to €92.5m", "Pellow lifted its sales by 6% last year, to £120m" (not a forecast's or a provision's)
_RAISE_VERBS = {"increased", "raised", "boosted", "grew", "lifted", "cut", "reduced", "lowered", "trimmed"}
_RESULT_RAISED = re.compile(r"^(?:its|their)\s+(?:(?:net|pre-?tax|operating|underlying|annual|quarterly|total|"
                            r"group)\s+)?(?P<noun>revenues?|sales|turnover|profits?|net\s+income)\b"
                            r"(?P<rest>[^.;]*?)\s*(?P<cue>by|to|,\s*to)$", re.IGNORECASE)


_NOT_RESULT = re.compile(r"\b(?:forecast|estimate|target|provision|reserve|outlook)s?\b", re.IGNORECASE)


def _raised_results(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft],
                    published, covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """Drafts for a result told with the verb first (:data:`_RESULT_RAISED`): the percentage after 'by' is its
    growth, the money after 'to' its level, for the company named right before the verb, else opening the
    sentence; a draft of the figure with the same attribute takes the company named right before the verb
    ("Although its customer, Kolt, cut orders, Arden increased its sales by 8%, to £310m": Arden's)."""
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ not in ("MONEY", "PERCENT") or not (sent.start <= v.start < sent.end):
            continue
        verb = next((t for t in reversed(doc[max(sent.start, v.start - 16):v.start]) if t.lower_ in _RAISE_VERBS),
                    None)
        m = _RESULT_RAISED.match(span_text(doc[verb.i + 1:v.start])) if verb is not None else None
        if verb is None or m is None or _NOT_RESULT.search(m["rest"]) or (m["cue"] == "by") != (v.label_ == "PERCENT"):
            continue
        kind = _CHANGE_NOUNS[m["noun"].lower().split()[-1]]  # ("net income": the income's)
        attribute = f"{kind}_growth" if v.label_ == "PERCENT" else kind
        named = next((n for n in names if n.end == verb.i and n.label_ == "ORG" and not _is_ticker(doc, n)), None)
        subject = _clean_name(named.text) if named is not None else _opening_company(doc, names, v, sent)
        if (v.start, v.end) in covered:
            if named is not None and subject:
                for d in drafts:
                    if d.span == v and d.attribute == attribute:
                        d.subject_text = subject
            continue
        quantity = _read(v, published)
        if not subject or quantity is None:
            continue
        period = _period_in(sent, v, published) if attribute in PERIOD_ATTRIBUTES else None
        out.append(ClaimDraft(subject, attribute, quantity, v, period, None, 0.5))
    return out


def _result_changes(doc: Doc, sent: Span, names: list[Span], values: list[Span], drafts: list[ClaimDraft],
                    published, topics: set[str], covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """Drafts for the figures of a result's change no draft covers: "Turnover for the quarter was up 3.8% to
    £2.41bn" (``revenue_growth`` and ``revenue``), "net profits were up 35% to 640m euros", "sales fell 7.4% from
    2.3bn rupees" — the change is a growth, a money figure after 'to' or 'from' the result itself. The holder is
    the company named before the noun in the sentence ("Arden's sales", not a source), else the subject of
    the story's last money or percent claim before the sentence among ``topics`` (GUIDELINES: an unnamed
    subject is the company the text is about)."""
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ not in ("MONEY", "PERCENT") or (v.start, v.end) in covered \
                or not (sent.start <= v.start < sent.end):
            continue
        lead = doc[max(sent.start, v.start - 12):v.start]
        noun = next((t for t in reversed(lead) if t.lower_ in _CHANGE_NOUNS), None)
        if noun is None or (noun.i > sent.start and doc[noun.i - 1].lower_ not in _RESULT_PREMODIFIERS | _SAID_BEFORE
                            and not (doc[noun.i - 1].lower_ == "with" and _company_at(doc, names, v, sent))):
            continue  # "retail sales rose 0.6%", "ice cream sales": a market's or a product's, not a company's
        between = doc[noun.i + 1:v.start]
        named = _named_in_between(doc, names, between)  # "Profits at Kolt rose 4%", "Sales in Kolt's unit fell"
        if named is not None:
            between = doc[named[1]:v.start]
        if any(t.ent_type_ in ("ORG", "PERSON", "GPE") or t.text in (";", ":") for t in between):
            continue
        rest = re.sub(r"^(?:for|in|at|over) (?:the |its )?(?:[\w-]+ ){0,4}?(?=(?:was|were|is|are|has|have|had|up|"
                      r"down|rose|fell|jumped|climbed|slipped|dropped|declined|grew|increased|slid|slumped|surged|"
                      r"soared|added|gained)\b)", "", between.text.lower().replace("overall, ", ""))
        verb = _CHANGE_VERBS.match(re.sub(r"^(?:which|that) ", "", rest.lstrip(", ")))  # "on sales which fell 8%"
        if verb is None:
            continue
        tail = re.sub(r"^(?:which|that) ", "", rest.lstrip(", "))[verb.end():].strip().split()
        kind = _CHANGE_NOUNS[noun.lower_]
        if v.label_ == "PERCENT":
            if tail[:1] not in ([], ["by"], ["more"], ["about"], ["nearly"], ["almost"], ["some"], ["around"]) \
                    and tail[:2] != ["more", "than"]:
                continue
            attribute = f"{kind}_growth"
        else:
            if not tail or tail[-1] not in ("to", "from"):
                continue
            attribute = kind
        holders = [n for n in names if n.end <= noun.i and n.label_ == "ORG" and not _is_ticker(doc, n)
                   and not _is_source_mention(doc, n, v, sent)]
        at = _company_at(doc, names, v, sent) if named is None and not holders else None
        subject = named[0] if named is not None else _clean_name(holders[-1].text) if holders \
            else at or _story_company_before(drafts, topics, sent.start, ("MONEY", "PERCENT"))
        if noun.i > sent.start and doc[noun.i - 1].lower_ in _SAID_BEFORE and named is None \
                and not (holders and holders[0].start == sent.start) \
                and not (not holders and _UNNAMED_COMPANY.match(span_text(doc[sent.start:noun.i]))):
            continue  # "Analyst Ann Lee of Kolt Research said sales rose 6%": the company told of is not the teller
        if not subject and _UNNAMED_COMPANY.search(span_text(doc[sent.start:noun.i + 1])):
            # "The firm said its sales rose …", "Its sales fell 6%": the company of the story's last money or
            # percent figure, though it has only one so far
            subject = _story_company_before(drafts, {d.subject_text for d in drafts}, sent.start, ("MONEY", "PERCENT"))
        if not subject:
            continue
        quantity = _read(v, published)
        if quantity is None:
            continue
        period = _period_in(sent, v, published) if attribute in PERIOD_ATTRIBUTES else None
        if period is None and tail[-1:] == ["from"]:
            continue  # a comparison figure for a period we cannot tell (as ``_claims_of`` skips it)
        out.append(ClaimDraft(subject, attribute, quantity, v, period, None, 0.5))
    for v in values:  # "… 21% at Verro Stores and 34.5% at Pine Ridge": the next company's change of the same kind
        if (v.start, v.end) in covered or not out or v.label_ != out[-1].span.label_ or v.start < out[-1].span.end:
            continue
        company, first = _company_at(doc, names, v, sent), out[-1]
        if company is None or doc[v.start - 1].lower_ not in ("and", ","):
            continue
        named_first = next((n for n in names if n.start > first.span.end and _clean_name(n.text) == first.subject_text),
                           None)
        quantity = _read(v, published)
        if named_first is not None and named_first.end == v.start - 1 and quantity is not None:
            out.append(ClaimDraft(company, first.attribute, quantity, v, first.period, None, 0.5))
    return out


#: words between a result's level and its change told after it: "52.1 mln dlrs, four pct below 1990", "61.7 mln
#: dlrs, up six pct from 1990", "came to 7bn euros, up 3.2% from 6.78bn euros"
_LEVEL_TO_CHANGE = {",", "up", "down", "a", "an", "or", "about", "some", "nearly", "almost", "around", "roughly"}
#: words that leave the result after a change noun the company's: its period and its whole-store measures ("a 12%
#: jump in same store sales", "a 4% rise in March sales", "a 2.1% increase in May worldwide sales")
_RESULT_AFTER_PREMODIFIER = re.compile(r"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)|"
                                       r"same|store|same-store|comparable|worldwide|global|"
                                       r"(?:%s)|(?:19|20)\d\d)" % "|".join(m for m in MONTHS if len(m) > 3))


def _words_after(doc: Doc, i: int, sent: Span) -> list[str]:
    """The first five words from token ``i`` on in its sentence, lower-case and as written ("pre-tax" is one word
    here, three tokens in the doc), without the punctuation at their ends."""
    return [w.strip(",;:.") for w in doc[i:min(sent.end, i + 8)].text.lower().split()][:5]


def _result_after_change(words: list[str]) -> str | None:
    """'revenue' or 'profit': the result whose change the figure before ``words`` (lower-case, as written) states,
    by the change noun and the result noun after it ("a 40% drop in profits", "a 10% increase in its revenues",
    "a 12% jump in same store sales"); None when the words say no such thing."""
    if words[:1] and words[0] in _CHANGE_AFTER and words[1:2] == ["in"]:
        rest = [w for w in words[2:] if w not in _RESULT_PREMODIFIERS and not _RESULT_AFTER_PREMODIFIER.fullmatch(w)]
        return _CHANGE_NOUNS.get(rest[0]) if rest else None
    return None


#: what makes the percentage after a level its change (and not a share: "$5bn, 30% of the total")
_CHANGE_CUE_AFTER = {"below", "above", "higher", "lower", "up", "down"} | _CHANGE_AFTER


def _growth_after_level(doc: Doc, sent: Span, values: list[Span], drafts: list[ClaimDraft], published,
                        covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """The change of a profit or revenue told right after its level, which the linker left: "net income was
    52.1 mln dlrs, four pct below 1990", "posted net income of 61.7 mln dlrs, up six pct from 1990", "a 27 pct
    rise over 1990" — the level's kind of growth, for the level's subject and period. The percentage must be told
    as a change: 'up' or 'down' before it, or a comparison or change word right after it. Also the change told
    right before its level, a change verb before it: "Profits for the year rose 20% to £4.6bn"."""
    out: list[ClaimDraft] = []
    levels = [d for d in drafts if d.attribute in ("profit", "revenue") and d.span.label_ == "MONEY"
              and sent.start <= d.span.start < sent.end]
    for v in values:
        if v.label_ != "PERCENT" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end):
            continue
        reached = next((d for d in levels if d.span.start == v.end + 1 and doc[v.end].lower_ == "to"), None)
        if reached is not None and v.start - 1 > sent.start and _CHANGE_VERBS.match(doc[v.start - 1].lower_) \
                and (quantity := _read(v, published)) is not None:
            out.append(ClaimDraft(reached.subject_text, f"{reached.attribute}_growth", quantity, v, reached.period,
                                  None, 0.5))
            continue
        level = next((d for d in levels if 0 < v.start - d.span.end <= 3), None)
        if level is None:
            continue
        between = [t.lower_ for t in doc[level.span.end:v.start]]
        if between[:1] != [","] or not set(between) <= _LEVEL_TO_CHANGE:
            continue
        after = doc[v.end].lower_ if v.end < sent.end else ""
        if not ({"up", "down"} & set(between) or after in _CHANGE_CUE_AFTER):
            continue
        quantity = _read(v, published)
        if quantity is None:
            continue
        out.append(ClaimDraft(level.subject_text, f"{level.attribute}_growth", quantity, v, level.period, None, 0.5))
    return out


def _growth_levels(doc: Doc, sent: Span, values: list[Span], drafts: list[ClaimDraft], published,
                   covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """The level a result's change reached, told right after the change ("profits jumped 64% to $2.17bn",
    "showed a 6.5% rise to 14.2bn euros", "sales slipped 9% from £4.16bn ($7.1bn) … to £3.79bn"): a money figure after
    'to' is the result itself, for the growth draft's subject. Figures the linker gave the other result
    ("revenues slipped 9% from £4.16bn" read as a profit) take the growth's kind; a figure after 'from' no
    draft covers is left (its period is the comparison's, which the sentence may not tell)."""
    out: list[ClaimDraft] = []
    money = {v.start: v for v in values if v.label_ == "MONEY" and sent.start <= v.start < sent.end}
    for d in drafts:
        if d.attribute not in ("revenue_growth", "profit_growth") or d.span.label_ != "PERCENT" \
                or not (sent.start <= d.span.start < sent.end):
            continue
        kind = d.attribute.removesuffix("_growth")
        other = "profit" if kind == "revenue" else "revenue"
        i = d.span.end
        if i < sent.end and doc[i].lower_ in _CHANGE_AFTER:  # "a 5.5% rise to …"
            i += 1
        for _ in range(2):  # "from £4.16bn (in 2021) to £3.79bn"
            if i + 1 >= sent.end or doc[i].lower_ not in ("to", "from") or (i + 1) not in money:
                break
            v = money[i + 1]
            at = [x for x in drafts if (x.span.start, x.span.end) == (v.start, v.end)]
            for x in at:
                if x.attribute == other and x.subject_text == d.subject_text:
                    x.attribute = kind
                    x.__post_init__()
            # "from £5.1bn in 2012 to £4.7bn in 2013": the level's own date is its period and the change's
            own = _period_in(sent, v, published) if doc[i].lower_ == "to" and v.end + 1 < sent.end \
                and doc[v.end].lower_ == "in" and doc[v.end + 1].ent_type_ == "DATE" else None
            if doc[i].lower_ == "to" and any(x.attribute == kind for x in at) and own is not None:
                d.period = own  # the level drafted already (a result's change after "said")
            if doc[i].lower_ == "to" and not at and (v.start, v.end) not in covered and not _bare_figure(v):
                quantity = _read(v, published)
                if quantity is not None and quantity.unit != "count":
                    if own is not None and own != d.period:
                        d.period = own
                    out.append(ClaimDraft(d.subject_text, kind, quantity, v, own or d.period, None, 0.5))
            i = _past_conversion(doc, v.end, sent)  # "from £4.12bn ($7.1bn) in 2003 to …"
            while i < sent.end and (doc[i].lower_ == "in" or doc[i].ent_type_ == "DATE"):  # "in 2003"
                i += 1
    return out


_SCALE_WORDS = re.compile(r"(?<![A-Za-z])(?:bn|billions?|m|mn|mln|millions?|k|thousands?|trillions?)\b", re.IGNORECASE)


def _bare_figure(value: Span) -> bool:
    """A money span that writes no currency itself ("3.16 billion" after "passenger miles rose 4.4 pct
    to"): its currency came from the document, and it may be a count of anything."""
    return not re.sub(r"[\d.,\s]+", " ", _SCALE_WORDS.sub(" ", value.text)).strip()


def _named_in_between(doc: Doc, names: list[Span], between: Span) -> tuple[str, int] | None:
    """The company a result's noun is told of right after it ("profits at Kolt", "sales in Kolt's drinks
    business", "revenue of the Kolt group"), and where the words after that phrase start; None when the noun is
    not followed so. A company or a name the NER took for a person or place (invented and foreign names often
    are); up to three words may follow the name ("'s drinks business", "group")."""
    if len(between) < 2 or between[0].lower_ not in ("at", "in", "of", "for"):
        return None
    j = between.start + 1 + (between[1].lower_ == "the")
    name = next((n for n in names if n.start == j and n.label_ in ("ORG", "PERSON", "GPE")), None)
    if name is None or _is_ticker(doc, name):
        return None
    k = name.end
    if k < between.end and doc[k].lower_ in ("'s", "’s"):
        k += 1
    while k < between.end and k - name.end < 4 and doc[k].is_alpha and doc[k].is_lower \
            and not _ends_a_name_phrase(doc[k].lower_):
        k += 1
    subject = _clean_name(name.text)
    return (subject, k) if subject else None


def _ends_a_name_phrase(word: str) -> bool:
    """A word that ends the phrase naming a result's company (``_named_in_between``): a change verb of
    ``_CHANGE_VERBS`` on its own, its auxiliaries, or a relative pronoun."""
    return word in ("was", "were", "is", "are", "have", "has", "had", "edged", "which", "that") \
        or _CHANGE_VERBS.match(word) is not None


def _linked_before(drafts: list[ClaimDraft], value: Span) -> tuple[str, str] | None:
    """(attribute, subject) of a money draft ending at most six tokens before ``value`` in its sentence, for an
    alternative figure ("raised $500m, or $575m if …"; an 'and' may join another period's figure instead)."""
    near = [d for d in drafts if d.span.label_ == "MONEY" and 0 <= value.start - d.span.end <= 6
            and bounded_sent(d.span).start == bounded_sent(value).start]
    return (near[-1].attribute, near[-1].subject_text) if near else None


def _bid_for_company(doc: Doc, names: list[Span], value: Span) -> bool:
    """'bid £2bn for Arden (on Monday)': the price is for a named company as a whole, not for a part of it
    ('will pay up to 350 mln dlrs for Renault share interests')."""
    at = value.end + 1 + (value.end + 1 < len(doc) and doc[value.end + 1].lower_ == "the")
    target = next((n for n in names if n.start == at and n.label_ == "ORG"), None)
    if target is None:
        return False
    return target.end >= len(doc) or not (doc[target.end].is_alpha and doc[target.end].is_lower
                                          and doc[target.end].lower_ not in _PREPOSITIONS | {"and", "after"})


#: the day shares began trading (GUIDELINES: ``listing_date``), in the words before a date
_LISTING_DAY = re.compile(r"\b(?:began|begin|begins|beginning|start(?:ed|s|ing)?|commenc(?:ed|es|ing)) trading\b|"
                          r"\bdebut(?:ed|s)?\b|\bfirst day of trading\b|\b(?:was|were|is|are|will be|be) listed\b",
                          re.IGNORECASE)


def _listing_dates(doc: Doc, sent: Span, names: list[Span], drafts: list[ClaimDraft],
                   published) -> list[ClaimDraft]:
    """The day a company's shares began trading is its ``listing_date``: a date the linker read as another
    event's takes that attribute, and one it left alone is added for the company opening the sentence ("Kestrel
    Bank's shares began trading on the Nasdaq on March 3, 2021")."""
    out: list[ClaimDraft] = []
    for e in ents_in(sent):
        if e.label_ != "DATE" or not _LISTING_DAY.search(doc[max(sent.start, e.start - 8):e.start].text):
            continue
        at = [d for d in drafts if (d.span.start, d.span.end) == (e.start, e.end)]
        if at:
            for d in at:
                if d.attribute == "event_date":
                    d.attribute, d.scope = "listing_date", None
            continue
        subject = _opening_company(doc, names, e, sent)
        quantity = _read(e, published)
        if subject and quantity is not None and quantity.unit == "date" and len(str(quantity.value)) >= 10:
            out.append(ClaimDraft(subject, "listing_date", quantity, e, None, None, 0.5))
    return out


#: words that set a company's dated event right before its date: a dividend's payment and record days, the day a
#: change takes effect, a note's maturity ("payable June 2 to holders of record May 19", "effective tomorrow",
#: "with effect from July 1", "took effect on March 3", "mature Sept 1, 1994"); not a bond's "due <date>", which
#: real-train's annotators left out (2 of 2) where they kept a "mature <date>" (1 of 1)
_SCHEDULED_DAY = re.compile(r"\b(?:payable|pay|paid|record|effective|effect\s+from|takes?\s+effect(?:\s+on)?|"
                            r"took\s+effect(?:\s+on)?|matures?|maturing)\s*(?:on\s*)?(?:midnight\s*)?$", re.I)


#: the words of a clause that set a timetable day before it (GUIDELINES R1: an offer's expiry, a deal's closing, a
#: meeting or hearing, a change taking effect), read over the clause's words before the date: "its offer was
#: extended to midnight May 2", "the merger should be completed by June 9", "a hearing was set for May 6", "goes
#: into effect today", "with an effective date of May 4"
_TIMETABLE_BEFORE = re.compile(
    r"\b(?:expir(?:e|es|ed|ing|ation)|extend(?:s|ed|ing)?\b[^,;]{0,90}?\bto)\s+(?:at\s+)?(?:midnight\s+)?(?:on\s+)?$|"
    r"\b(?:merger|acquisition|sale|deal|transaction|purchase|takeover|closing|completion)\b[^,;]{0,40}?\b"
    r"(?:close|closes|closed|complete|completed|due|expected|scheduled)\b(?:[^,;]{0,12}?\b(?:on|by|around|about))?\s+$|"
    r"\bredeem(?:s|ed|ing)?\b[^,;]{0,60}?\bon\s+$|"
    r"\b(?:redemption|expiration|expiry|closing|settlement)\s+date\b"
    r"(?:\s+(?:of|on)|[^,;]{0,40}?\b(?:will\s+be|would\s+be|is))\s+$|"
    r"\bfor\s+settlement\s+(?:on\s+)?$|"
    r"\b(?:meets|meet|meeting|hearings?)\b[^,;]{0,25}?\b(?:on|for|set for|scheduled for|starting on)\s+$|"
    r"\b(?:into|take|takes|took)\s+effect\s+(?:on\s+)?$|\beffective\s+date\s+of\s+$", re.IGNORECASE)
#: a rate or price change in the clause, which "from <date>" dates ("cut its base rate to 10 pct from May 1")
_RATE_CHANGE = re.compile(r"\b(?:rais|cut|lower|reduc|increas|hik|trim)\w*\b[^,;]{0,60}?\b(?:rates?|prices?|"
                          r"postings?|tariffs?)\b[^,;]{0,60}?\bfrom\s+$", re.IGNORECASE)
#: a day the timetable had before it changed ("the offer had been due to expire on May 2", "waivers that were
#: scheduled to expire May 2 have been extended", "postponed its meeting set for tomorrow"): a plain date
_REPLACED_DAY = re.compile(r"\b(?:had\s+been|was\s+to\s+have|were\s+to\s+have|originally|previously|"
                           r"(?:was|were)\s+scheduled|postpone[sd]?|postponing|delay(?:s|ed))\b", re.I)


#: the words one of the timetable patterns needs (a cheap test before the patterns run)
_TIMETABLE_WORDS = re.compile(r"expir|extend|clos|complet|meet|hearing|effect|from|redeem|redemption|settlement",
                              re.IGNORECASE)
#: a timetable noun right after its day: "after Tuesday's board meeting", "at Friday's hearing"
_TIMETABLE_AFTER = re.compile(r"^(?:'s|’s)\s+(?:[a-z]+\s+){0,2}?(?:meeting|hearing|session|deadline)s?\b")


#: a day moved to another: "extended its offer to midnight June 9, from May 2" (the day after "from" is the one
#: the timetable had)
_MOVED_TO = re.compile(r"\bto\s+(?:midnight\s+)?$", re.IGNORECASE)
_MOVED_FROM = re.compile(r"^\s*,?\s*from\s*$", re.IGNORECASE)


def _day_moved_from(doc: Doc, date: Span) -> bool:
    """Whether a date is the day a timetable was moved from ("to June 9, from May 2" → May 2)."""
    before = next((e for e in reversed(ents_in(bounded_sent(date))) if e.end <= date.start), None)
    if before is None or before.label_ != "DATE":
        return False
    text = text_of(doc)
    return bool(_MOVED_FROM.match(text[before.end_char:date.start_char])
                and _MOVED_TO.search(text[max(0, before.start_char - 20):before.start_char]))


def _timetable_day(doc: Doc, sent: Span, date: Span) -> bool:
    """Whether the clause before a date sets it in a timetable (``_TIMETABLE_BEFORE``, ``_RATE_CHANGE``) and did
    not replace it (``_REPLACED_DAY``), or a meeting's or hearing's noun follows it (``_TIMETABLE_AFTER``). The
    clause is read back to its last comma or semicolon, which none of the patterns crosses."""
    text = text_of(doc)
    if date.end < sent.end and _TIMETABLE_AFTER.match(text[date.end_char:date.end_char + 40]):
        return True
    clause = text[doc[max(sent.start, date.start - 24)].idx:date.start_char]
    clause = clause[max(clause.rfind(","), clause.rfind(";")) + 1:]
    if not _TIMETABLE_WORDS.search(clause):
        return False
    return bool(_TIMETABLE_BEFORE.search(clause) or _RATE_CHANGE.search(clause)) and not _REPLACED_DAY.search(clause)


def _scheduled_dates(doc: Doc, sent: Span, names: list[Span], drafts: list[ClaimDraft], published,
                     covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """``event_date`` drafts for the days a company sets that the linker left (:data:`_SCHEDULED_DAY` right before
    a full date): "Kolt said its dividend is payable June 2 to holders of record May 19" gives both days, for the
    company opening the sentence (else the story's company named in the sentence before)."""
    out: list[ClaimDraft] = []
    for e in ents_in(sent):
        if e.label_ != "DATE" or (e.start, e.end) in covered:
            continue
        if not (_SCHEDULED_DAY.search(doc[max(sent.start, e.start - 4):e.start].text) or _timetable_day(doc, sent, e)):
            continue
        quantity = _read(e, published)
        if quantity is None or quantity.unit != "date" or len(str(quantity.value)) < 10:
            continue
        subject = _opening_company(doc, names, e, sent) or (
            _opening_company_before(doc, sent) if _UNNAMED_COMPANY.match(doc[sent.start:e.start].text) else None) \
            or (_wire_company(doc) if not names else None)
        if subject:
            out.append(ClaimDraft(subject, "event_date", quantity, e, None, None, 0.5))
    return out


def _wire_company(doc: Doc) -> str | None:
    """The company of a wire headline with a ticker ("KESTREL FOODS <KSF> 4TH QTR NET"): the subject of a results
    story's notes that name no one ("NOTE: Qtly div payable May three to holders of record April 20", "Dividend
    payable July 9, record June 18"), as of its results table (``pipeline.tables``)."""
    headline = doc.user_data.get(TITLE_KEY) or text_of(doc).split("\n", 1)[0]
    return headline_company(headline) if "<" in headline else None


#: the least a company-level sum read from a verb may be (smaller figures are prices per share)
MIN_COMPANY_SUM = 100_000
#: a company's sum in running text is never below this, in any currency (results tables print exact small
#: figures, "Net profit 232 vs loss 124,380", and are read by ``pipeline.tables``, not here)
MIN_PROSE_SUM = 1_000
_COMPANY_SUMS = {"profit", "loss", "revenue", "deal_value", "funding", "valuation", "ipo_proceeds", "buyback"}
#: "Sibley bid £2bn for Arden", "Kolt offered $900m for Mirel"
_BID_VERBS = {"bid", "bids", "offered", "offers", "offer", "paid", "pays", "pay", "paying", "bidding", "offering"}


#: words that open a sentence with a time or a link to the story before the company is named ("Earlier this week,
#: Kolt said ...", "Separately, Kolt said ...")
_OPENING_ADVERBS = {"earlier", "later", "separately", "meanwhile", "yesterday", "today", "also", "additionally",
                    "previously", "last", "on", "in", "at", "since", "during", "for"}


def _time_opening(doc: Doc, sent: Span, value: Span) -> int | None:
    """The comma closing a sentence's opening phrase of time ("Earlier this week,", "On March 3,", "In 1986,",
    "Separately,"): at most six words, which name nothing but a time, before ``value``, and no company told as
    the source after it; None otherwise."""
    comma = next((t.i for t in doc[sent.start:min(value.start, sent.start + 7)] if t.text == ","), None)
    if comma is None or comma == sent.start or doc[sent.start].lower_ not in _OPENING_ADVERBS:
        return None
    labels = {e.label_ for e in ents_in(doc[sent.start:comma])}
    if labels - {"DATE", "TIME"} or (not labels and doc[sent.start].lower_ in {"on", "in", "at", "for"}):
        return None
    after = ent_of(doc[comma + 1]) if comma + 1 < sent.end else None
    if after is not None and after.end + 1 < sent.end and doc[after.end].lower_ == "said" \
            and doc[after.end + 1].text == ",":
        return None  # "In its last year, Kolt said, the chain earned ...": the company is the source
    return comma


def _opening_company(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """The company a sentence opens with, as the clause subject of a figure after it ("Dunmore Holdings (HKEX:
    1177) raised …", "The Vessa group said it earned …"); None when the sentence opens otherwise ("When WorldCom
    collapsed, shareholders lost …") or with a place or a person. A leading source is passed over ("According to
    Marlow Data, Sibley raised $12m"), and so is an opening phrase of time (``_time_opening``)."""
    start, rest = sent.start, names
    if doc[sent.start:sent.start + 2].text.lower() == "according to":
        comma = next((t.i for t in doc[sent.start:value.start] if t.text == ","), None)
        if comma is None:
            return None
        start, rest = comma + 1, [n for n in names if n.start > comma]
    elif (comma := _time_opening(doc, sent, value)) is not None:
        start, rest = comma + 1, [n for n in names if n.start > comma]
    first = rest[0] if rest else None
    if first is None or first.start >= value.start or first.label_ != "ORG":
        return None
    if first.start > start and not (first.start == start + 1 and doc[start].lower_ in ("the", "<")):
        return None  # ("<Tarn Holdings PLC> said ...": the wire's bracket around a company's name)
    return _clean_name(first.text)


#: a verb right before a money figure that says what the figure is, and the attributes it overrules
_RAISE = {"raise", "raises", "raised", "raising"}
#: money sought in a listing ("had sought as much as $2bn from its listing"), and the verbs of "brought in £720m"
_SEEK = {"sought", "seek", "seeks", "seeking"}
_BROUGHT = {"brought", "bring", "brings", "bringing", "took", "take", "takes", "taking", "pulled", "pulling"}
_RESULT = {"earn": "profit", "earns": "profit", "earned": "profit", "netted": "profit", "lose": "loss",
           "loses": "loss", "lost": "loss"}
#: a listing in the sentence makes money raised its proceeds, else it is funding (GUIDELINES' attribute table)
_LISTING = re.compile(r"\b(?:ipos?|initial public offering|listing|listed|lists|list|flotation|float(?:ed|s)?|"
                      r"share (?:sale|offering)|offering|debut|greenshoe|over-?allotment|went public|go public|"
                      r"(?:sold|sells?|selling|issued|issues?|issuing|priced|prices|pricing) (?:\w+ ){0,2}shares)\b",
                      re.IGNORECASE)
#: a story about a company's shares may be about its listing even where it does not say so ("Shares of Arm rose
#: 25% on Thursday … which raised $4.87 billion")
_SHARES = re.compile(r"\bshares?\b", re.IGNORECASE)
#: '<deal> is worth $4bn' is the deal's price, not a company's worth
_DEAL_NOUNS = {"deal", "bid", "offer", "contract", "order", "stake", "transaction", "package", "agreement",
               "takeover", "acquisition", "merger", "purchase", "sale", "plan", "loan", "fine", "settlement"}


def _about_a_listing(doc: Doc, sent: Span, listing: re.Pattern[str] = _LISTING) -> bool:
    """A listing named in the sentence or the one before it ("Arden listed in London on Monday. It raised
    £800m."; "Bankers working on the float had valued Kolt at up to A$5bn. At the final offer price of A$3.10 …"),
    as ``listing`` reads one."""
    text = span_text(sent)
    if listing.search(text):
        return not _DEBT_OFFERING.search(text)  # "raise 75 mln dlrs in an offering of senior notes": a debt's
    return sent.start > 0 and bool(listing.search(span_text(bounded_sent(doc[sent.start - 1]))))


#: an offering of debt, not of shares ("an offering of notes due 1992", "a 300 mln franc bond offering")
_DEBT_OFFERING = re.compile(r"\b(?:offering|issue|sale) of (?:\w+ ){0,3}?(?:notes|bonds|debentures|debt|paper)\b"
                            r"|\b(?:notes?|bonds?|debentures?|debt|eurobonds?) (?:offering|issue)\b", re.IGNORECASE)


#: "sold shares worth", "issued new shares worth": the worth of the shares a company sold
_SHARES_SOLD_WORTH = re.compile(r"(?<!newly )\b(?:sold|sells?|selling|issued|issues|issuing|placed|placing)\s+"
                                r"(?:\w+\s+){0,2}?shares\s+(?:worth|valued\s+at)(?:\s+(?:about|around|some|nearly))?$",
                                re.IGNORECASE)
#: a sale of a company's shares in the sentence (the money it raises so is a share sale's, ``ipo_proceeds``)
_SOLD_SHARES = re.compile(r"\b(?:sold|sells?|selling|issued|issues|issuing|placed|placing)\b"
                          r"(?:(?!\b(?:bonds?|notes|debentures)\b)[^.;]|\.(?=\d)){0,50}?\b(?:new\s+)?shares\b",
                          re.IGNORECASE)
#: debt that converts into shares at a price: that price is no listing's ("convertible bonds that can be swapped for
#: its shares at $48.20 each", "debentures that convert to stock at 22 dlrs")
_CONVERSION_PRICE = re.compile(r"\bconvertible\b|\b(?:bonds?|notes|debentures)\b[^.;]{0,40}\b(?:convert|swap|exchang)",
                               re.IGNORECASE)
#: "$7.2bn in revenue", "$80m in net profit": the noun after the figure names what it is
_IN_RESULT = re.compile(r"in (?:annual |yearly |quarterly |total |net |pre-tax |operating )?(revenues?|sales|turnover|"
                        r"profits?|earnings|net income)\b")
#: "1% of Hikvision's total revenue": the company whose revenue a share is of
_POSSESSOR = re.compile(r"of ((?:[A-Z][\w&.-]*\s?){1,4})(?:'s|’s) (?:total |annual |overall |global )?"
                        r"(?:revenue|revenues|sales|turnover)\b")


#: a sale of new shares named right after a sum (GUIDELINES: a share sale's total is ``ipo_proceeds``)
_SHARE_SALE_AFTER = re.compile(r"(?:\S+ )?(?:rights issue|rights offering|share (?:sale|offering|placing|issue)|"
                               r"placing|ipo|initial public offering|flotation)\b")


#: a deal's worth told right before its figure: "in a deal valued at", "the orders are worth", "a contract worth"
#: (the deal nouns of :data:`_DEAL_NOUNS` but those whose worth is no deal's: a stake's, a plan's, a loan's, a fine's)
_DEAL_WORTH = re.compile(r"\b(?:" + "|".join(sorted(_DEAL_NOUNS - {"stake", "plan", "loan", "fine", "settlement"}))
                         + r")s?\s+(?:(?:is|are|was|were|be|been)\s+)?(?:valued\s+at|worth)"
                         r"(?:\s+(?:about|around|some|nearly|almost|more\s+than|over|up\s+to|an\s+estimated|us|u\.s\.))?"
                         r"\s*$", re.I)


def _deal_noun_subject(doc: Doc, sent: Span, copula: int) -> bool:
    """The subject before the copula at ``copula`` is a deal ("Kolt's offer for Mirel was worth …", "the deal is
    worth …"): a deal's noun among the six words before it, no comma or clause word between."""
    i = copula - 1
    while i >= max(sent.start, copula - 6) and doc[i].text not in (",", ";", ":") \
            and doc[i].lower_ not in ("when", "while", "after", "before", "because", "and", "but"):
        if doc[i].lower_.removesuffix("s") in _DEAL_NOUNS:
            return True
        i -= 1
    return False


def _verb_attributes(doc: Doc, sent: Span, drafts: list[ClaimDraft], listing_story: bool = True) -> None:
    """The attribute a money figure's own verb states where the linker chose another: "Ravine raised $70m"
    (``funding``, or ``ipo_proceeds`` in a sentence about a listing), "Sibley lost $20m" (``loss``), "Kolt earned
    $80m" (``profit``), "Arden and Vessa are worth $6bn and $2bn respectively" (``valuation``). Run before lists
    and gapped clauses, whose other values then share it. Money raised in a story that names no listing, IPO or
    share offering, nor any shares, anywhere (``listing_story`` false) is ``funding`` whatever the linker said."""
    for d in drafts:
        if d.span.label_ != "MONEY" or not (sent.start <= d.span.start < sent.end) or d.span.start < 2:
            continue
        prev, before = doc[d.span.start - 1].lower_, doc[d.span.start - 2].lower_
        after = doc[d.span.end:d.span.end + 3].text.lower()
        new = None
        raised = prev in _RAISE or (prev == "in" and before in _BROUGHT)  # "it brought in £720m"
        if raised and d.attribute not in ("funding", "ipo_proceeds"):
            new = "ipo_proceeds" if _about_a_listing(doc, sent) else "funding"
        elif raised and d.attribute == "ipo_proceeds" and not listing_story:
            new = "funding"
        elif prev in _RESULT and d.attribute not in ("profit", "loss") \
                and not re.search(r"\b(?:revenue|sales|in value|of value|in market)", after):
            new = _RESULT[prev]
        elif prev == "worth" and before in ("is", "are", "was", "were", "be", "been") and d.span.start >= 3:
            deal = _deal_noun_subject(doc, sent, d.span.start - 2)
            if not deal and d.attribute != "valuation":
                new = "valuation"
            elif deal and d.attribute == "valuation":
                new = "deal_value"  # "Kolt's offer for Mirel was worth $2.2bn": the offer's worth, not Kolt's
        if new is None and d.attribute == "valuation" \
                and _DEAL_WORTH.search(doc[max(sent.start, d.span.start - 8):d.span.start].text):
            new = "deal_value"  # "a deal valued at $4bn", "the orders are worth $5.6bn": the deal's, not a company's
        if new is None and d.attribute in ("deal_value", "valuation") and (
                _SHARE_SALE_AFTER.match(after)
                or _SHARES_SOLD_WORTH.search(span_text(doc[max(sent.start, d.span.start - 7):d.span.start]))):
            new = "ipo_proceeds"  # "a $3bn rights issue", "its £400m share placing", "it sold shares worth $640m":
            # money raised selling shares
        if new is None and d.span.label_ == "MONEY":
            noun = _IN_RESULT.match(after + " " + doc[d.span.end + 3:d.span.end + 5].text.lower())
            if noun and d.attribute in ("profit", "revenue", "loss", "deal_value", "valuation", "funding"):
                new = "revenue" if noun.group(1) in ("revenue", "revenues", "sales", "turnover") else "profit"
        if new is not None and new != d.attribute:
            d.attribute = new
            d.as_of = None
            d.__post_init__()
    for d in drafts:  # "around 1% of Hikvision's total revenue": the possessor of the attribute noun
        if d.span.label_ != "PERCENT" or d.attribute != "revenue_share" or not (sent.start <= d.span.start < sent.end):
            continue
        owner = _POSSESSOR.match(doc[d.span.end:d.span.end + 8].text)
        if owner:
            d.subject_text = _clean_name(owner.group(1)) or d.subject_text
    for d in drafts:  # "Kolt's revenue for the quarter rose 94%": the result noun before the change says which
        if d.attribute not in ("profit_growth", "revenue_growth") or not (sent.start <= d.span.start < sent.end):
            continue
        kind = _change_noun_before(doc, d.span, sent) or _result_after_change(_words_after(doc, d.span.end, sent))
        if kind is not None and f"{kind}_growth" != d.attribute:
            d.attribute, d.as_of = f"{kind}_growth", None
            d.__post_init__()
    for d in drafts:  # "Brightnet's underlying profit rose 8%": the company owning the result noun, not the story's
        if d.attribute in _POSSESSED_RESULTS and sent.start <= d.span.start < sent.end:
            possessor = _result_possessor(doc, d.span, sent)
            if possessor and possessor != d.subject_text:
                d.subject_text = possessor
    _result_levels(doc, sent, drafts)


#: the results a company named with "'s" before the result noun owns (``_result_possessor``)
_POSSESSED_RESULTS = frozenset({"revenue", "revenue_growth", "profit", "profit_growth", "loss"})


def _result_possessor(doc: Doc, value: Span, sent: Span) -> str | None:
    """The company whose result a figure is, told by a possessive right before the result noun ("Brightnet's
    underlying profit before one-off items rose 8%", "Kolt's quarterly sales were $2bn"): the nearest result
    noun before the value with no other figure, name or ';' between them, and at most three lower-case words
    between the company's "'s" and the noun; None otherwise."""
    lead = doc[max(sent.start, value.start - 12):value.start]
    noun = next((t for t in reversed(lead) if t.lower_ in _LEVEL_NOUNS or t.lower_ in _CHANGE_NOUNS), None)
    if noun is None or any(t.ent_type_ in ("MONEY", "PERCENT", "ORG", "PERSON", "GPE") or t.text in (";", ":")
                           for t in doc[noun.i + 1:value.start]):
        return None
    k = noun.i - 1
    while k > noun.i - 4 and k >= sent.start and doc[k].is_lower and doc[k].lower_ not in ("'s", "’s") \
            and (doc[k].is_alpha or "-" in doc[k].text):
        k -= 1
    if k <= sent.start or doc[k].lower_ not in ("'s", "’s"):
        return None
    owner = ent_of(doc[k - 1])
    if owner is None or owner.label_ != "ORG" or owner.end != k:
        return None
    return _clean_name(owner.text)


#: the result a money figure is the level of, said by its noun ("total revenue for the year was 12bn euros",
#: "losses had deepened to £38.2m", "turnover was $31.2bn"); 'income' is left out ("premium income" is revenue)
_LEVEL_NOUNS = {w: k for w, k in _CHANGE_NOUNS.items() if w != "income"} | {"loss": "loss", "losses": "loss",
                                                                              "pre-tax": "profit", "pretax": "profit"}
#: words that may stand between the noun and its level: copulas, 'of', verbs of a level reached, a period
_LEVEL_LINKS = {"was", "were", "is", "are", "of", "totalled", "totaled", "totalling", "totaling", "reached", "to", "at",
                "came", "stood", "had", "have", "has", "been", "rose", "fell", "surged", "jumped", "climbed",
                "increased", "grew", "dropped", "declined", "slipped", "deepened", "narrowed", "widened", "halved",
                "doubled", "for", "the", "in", "its"}
#: what puts a figure against the one before it ("up from $412.6m", "compared to $33.8bn", "vs 3.2 mln")
_COMPARING_WORDS = r"\bfrom|\bvs\.?|\bversus|\bagainst|\bcompared (?:to|with)"
_COMPARED = re.compile(rf"(?:{_COMPARING_WORDS})\s*$")
_LEVEL_KINDS = ("profit", "revenue", "loss")


#: ``_LEVEL_LINKS`` and the words of a change told on the way to the level: "revenues for the third quarter were up
#: 24 pct to 48.0 mln dlrs", "sales rose about 17 pct to 94 mln dlrs" (the percentage passed over as a date is)
_CHANGE_LINKS = _LEVEL_LINKS | {"up", "down", "off", "by", "about", "some", "nearly", "almost", "around", "roughly",
                                "rising", "falling", "rise", "fall", "gained", "added", "slid", "slumped", "soared",
                                "improved", "decreased", "eased", "a", "an", "pct", "percent", "%", ","}


def _level_noun(doc: Doc, value: Span, sent: Span, links: set[str] = _LEVEL_LINKS,
                through: tuple[str, ...] = ("DATE",), reach: int = 9) -> str | None:
    """The result whose level ``value`` is, by the noun right before it (``_LEVEL_NOUNS``; "Nine month pre-tax was
    1.41 billion stg": newswire's noun for pre-tax profit), with only ``links`` words and the entities ``through``
    names (dates) between; None when another word stands between."""
    for i in range(value.start - 1, max(sent.start, value.start - reach) - 1, -1):
        word = doc[i].lower_
        if i - 2 >= sent.start and _pre_tax_at(doc, i):
            word, i = "pretax", i - 2
        if word in _LEVEL_NOUNS:
            return _LEVEL_NOUNS[word] if i == sent.start or _company_result_noun(doc[i - 1]) else None
        if word not in links and doc[i].ent_type_ not in through:
            return None
    return None


def _pre_tax_at(doc: Doc, i: int) -> bool:
    """Whether the token at ``i`` ends "pre-tax" as the tokenizer splits it ("pre", "-", "tax")."""
    return i >= 2 and doc[i].lower_ == "tax" and doc[i - 1].text == "-" and doc[i - 2].lower_ == "pre"


def _changed_level_noun(doc: Doc, value: Span, sent: Span) -> str | None:
    """``_level_noun`` through a change told before the level: "revenues … were up 17 pct to 52.5 mln dlrs", and
    through the level it changed from, with its conversion: "revenues slipped 11% from £4.12bn ($7.1bn) in 2003 to
    £3.65bn"."""
    return _level_noun(doc, value, sent, _CHANGE_LINKS | {"from", "(", ")"}, ("DATE", "PERCENT", "MONEY"), 16)


def _named_levels(doc: Doc, sent: Span, names: list[Span], values: list[Span], published,
                  covered: set[tuple[int, int]]) -> list[ClaimDraft]:
    """A result's level the linker left, its noun right before it (``_level_noun``), in a sentence that opens with
    the company and names no other company before the figure: "Kolt said the firm posted a net loss for the
    year of 2,917,000 dlrs" (``loss``). A figure told against another is left to ``_comparison_figures``."""
    out: list[ClaimDraft] = []
    for v in values:
        if v.label_ != "MONEY" or (v.start, v.end) in covered or not (sent.start <= v.start < sent.end) \
                or doc[v.end:v.end + 4].text.lower().startswith(_SHARE_AFTER):
            continue
        kind = _level_noun(doc, v, sent)
        if kind is None or _baseline_level(doc, v, named=True) is not None:
            continue
        subject = _opening_company(doc, names, v, sent)
        orgs = [n for n in names if n.label_ == "ORG" and n.end <= v.start]
        if not subject or len({_clean_name(n.text) for n in orgs}) > 1 \
                or doc[orgs[0].end].lower_ in _LEVEL_NOUNS:  # "NOTE: Excludes loss of 4.1 mln dlrs": no company
            continue
        quantity = _read(v, published)
        if quantity is None or quantity.unit == "count" or not isinstance(quantity.value, (int, float)) \
                or quantity.value < MIN_COMPANY_SUM:
            continue
        out.append(ClaimDraft(subject, kind, quantity, v, _period_in(sent, v, published), None, 0.5))
    return out


def _company_result_noun(before) -> bool:
    """Whether the word before a result noun leaves it the company's result ("total revenue", "Kolt's sales",
    "1986 earnings", "reported losses"), not a market's or a product's ("retail sales", "loan losses")."""
    word = "pre-tax" if _pre_tax_at(before.doc, before.i) else before.lower_
    return word in _RESULT_PREMODIFIERS or before.ent_type_ in ("DATE", "ORG", "GPE", "PERSON", "NORP") \
        or not before.is_lower or word.endswith("ed") \
        or word in ("of", "with", "says", "said", "that", "which", "whose", "a", "an")


def _result_levels(doc: Doc, sent: Span, drafts: list[ClaimDraft]) -> None:
    """A result's money figure takes the result its noun names where the linker chose another ("total revenue
    for the year was 12bn euros" read as a profit), and a figure put against it ("up from $412.6m", "compared
    to $33.8bn") the kind of the figure before it for the same subject, unless its own noun says otherwise."""
    results = sorted((d for d in drafts if d.attribute in _LEVEL_KINDS and d.span.label_ == "MONEY"
                      and sent.start <= d.span.start < sent.end), key=lambda d: d.span.start)
    for n, d in enumerate(results):
        kind = _level_noun(doc, d.span, sent) or _changed_level_noun(doc, d.span, sent)
        if kind is None and d.span.start > sent.start and doc[d.span.start - 1].lower_ in ("a", "an", "its", "their"):
            kind = _result_named_after(_words_after_conversion(doc, d.span, sent))  # "turned a ¥512bn loss into …"
        if kind is None and _COMPARED.search(doc[max(sent.start, d.span.start - 3):d.span.start].text.lower()):
            before = [x for x in results[:n] if x.subject_text == d.subject_text]
            kind = before[-1].attribute if before else None
        if kind is not None and kind != d.attribute:
            d.attribute, d.as_of = kind, None
            d.__post_init__()


def _change_noun_before(doc: Doc, value: Span, sent: Span) -> str | None:
    """'revenue' or 'profit': the result noun whose change a percentage states, right before its change verb ("sales
    rose 4%", "its revenue for the quarter rose 94%", "net profits were up 35%"); None when another figure, a ';'
    or a second result noun stands between, or no change verb does."""
    lead = list(doc[max(sent.start, value.start - 10):value.start])
    verb = next((i for i in range(len(lead) - 1, -1, -1) if _CHANGE_VERBS.match(lead[i].lower_)), None)
    if verb is None or len(lead) - verb > 3:
        return None
    nouns = [t for t in lead[:verb] if t.lower_ in _CHANGE_NOUNS]
    if not nouns or any(t.ent_type_ in ("MONEY", "PERCENT") or t.text in (";", ":") for t in lead[:verb]):
        return None
    kinds = {_CHANGE_NOUNS[t.lower_] for t in nouns}
    return kinds.pop() if len(kinds) == 1 else None


#: verbs whose subject holds the figure in their object ("Arden had 1986 sales of about 31 mln dlrs", "Marlo,
#: its chemicals unit, reported net income of 61.2 mln dlrs", "Kolt added four million customers")
_HOLD_VERBS = {"reported", "reports", "posted", "posts", "had", "has", "recorded", "records", "added", "adds",
               "earned", "earns", "employs", "employed", "booked", "generated", "generates", "operates",
               "turn", "turned", "turns", "swung", "swing", "swings"} | _STAKE_VERBS  # ("turned a $5m loss into …")
#: words between a relative pronoun's name and the comma before it ("The Kolt group, which owns 13 pct of …",
#: "Arden Partners and its affiliates, who hold 7.4 pct …")
_RELATIVE_TAIL = {"group", "and", "its", "their", "affiliates", "partners", "associates", "family", "fund"}
#: nouns of reported results, after which a person's name holds a company's figure (the NER may call a firm a person)
_RESULT_NOUNS = REVENUE_NOUNS | {"loss"}
#: a modal before the verb: "Kolt said it will own 96 pct"
_MODALS = {"will", "would", "could", "may", "might", "should", "can"}
#: words that may stand between a holder's name and its verb ("Boeing now has", "The company today reported")
_VERB_ADVERBS = {"now", "already", "also", "today", "still", "currently", "previously", "recently", "then", "yesterday",
                 "reportedly", "jointly"}


def _longer_form(name: str, short: str) -> bool:
    """``name`` is a longer form of the one-word name ``short`` ("Tamsin Cruises" of "Tamsin")."""
    from claimcheck.resolve.entities import name_words

    words, part = name_words(name), name_words(short)
    return len(part) == 1 and len(words) > 1 and words[0] == part[0]


def _unread_name(index: _Names, token: Token) -> str | None:
    """A capitalised word opening a sentence that the NER left, read as a company's name when the document names
    an organisation that is that word and a legal suffix at most ("Brackwood had 1986 sales of …" beside
    "Brackwood Inc"). A longer name starting with the word ("Tamsin Cruises", "Tamsin Life & Annuity") may be
    another company of the same group, so it is not taken."""
    word = token.lower_
    if word in _NOT_NAME_STARTS or word in GENERIC_SUBJECTS or token.is_stop:
        return None
    named = any(start != token.i for start in index.one_word_orgs.get(word, ()))
    return token.text if named else None


def _valuing_object(doc: Doc, names: list[Span], value: Span) -> str | None:
    """'in a deal valuing Arden at £2.3bn', 'valuing Kolt at about $2.5bn': the company valued (GUIDELINES: the
    object of 'valuing' holds the valuation)."""
    i = value.start - 1
    while i > 0 and doc[i].lower_ in ("about", "around", "nearly", "almost", "some", "roughly", "more", "than",
                                      "less", "up", "to", "just", "over", "under"):
        i -= 1
    if i < 2 or doc[i].lower_ != "at":
        return None
    name: Span | None = next((n for n in names if n.end == i and n.label_ in ("ORG", "GPE", "PERSON")), None)
    if name is None:  # a name the NER left: the capitalised words between 'valuing' and 'at'
        j = i - 1
        while j > 0 and i - j <= 3 and doc[j].is_title and doc[j].is_alpha and not doc[j].is_stop:
            j -= 1
        name = doc[j + 1:i] if j + 1 < i else None
    if name is None:
        return _valued_by_role(doc, names, value, i)
    if doc[name.start - 1].lower_ not in ("valuing", "values", "valued", "value"):
        return None
    return _clean_name(name.text)


def _valued_by_role(doc: Doc, names: list[Span], value: Span, at: int) -> str | None:
    """'offered £4.35 for each Ambermoor share, valuing its smaller rival at £1.3bn', 'its offer for Mernside …,
    valuing the Leeds-based company at £2.9bn': a company valued by a role noun is the target the sentence's offer
    names after 'for' (GUIDELINES: the object of 'valuing' holds the valuation)."""
    j = at - 1
    while j > 0 and at - j <= 5 and doc[j].lower_ not in ("valuing", "values", "valued"):
        place = doc[j].is_title and doc[j + 1].text == "-"  # "the Leeds-based company"
        if not (doc[j].is_lower or doc[j].text == "-" or place) or doc[j].like_num:
            return None
        j -= 1
    if doc[j].lower_ not in ("valuing", "values", "valued") or doc[j + 1].lower_ not in ("its", "the", "their"):
        return None
    sent = bounded_sent(value)
    targets = [n for n in names if sent.start < n.start < j and n.label_ in ("ORG", "PERSON")
               and (doc[n.start - 1].lower_ == "for"
                    or doc[n.start - 1].lower_ == "each" and doc[n.start - 2].lower_ == "for")]
    return _clean_name(targets[-1].text) if targets else None


#: a passive purchase: "agreed to be bought by Kolt", "was acquired by Kolt", "is to be taken over by Kolt"
_BOUGHT_BY = re.compile(r"\b(?:bought|acquired|purchased|taken over|snapped up)\s+by\s*$", re.IGNORECASE)


def _passive_buyer(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """The buyer named right before a deal's price: 'Arden agreed to be bought by Kolt Partners for $1.75bn' —
    the name after 'bought by' —, or the name after 'to' in a sale ('agreed to sell its Leeds plant to Kolt for
    $40m and its Hull plant to Vessa Corp <VSA> for $25m': Vessa's $25m, whichever company the linker gave it
    to); only 'for' (and a few words, or a ticker in brackets) between the name and the price."""
    for n in names:
        if n.end > value.start or n.start <= sent.start or n.label_ != "ORG":
            continue
        lead = doc[max(sent.start, n.start - 4):n.start]
        sold_to = lead[-1].lower_ == "to" and any(t.lower_ in SALE_VERBS for t in doc[sent.start:n.start])
        if not (sold_to or _BOUGHT_BY.search(lead.text)):
            continue
        between = [t.lower_ for t in _outside_brackets(list(doc[n.end:value.start]))]
        if between and between[-1] in ("for", "about", "nearly", "around", "some") and len(between) <= 4 \
                and "for" in between:
            return _clean_name(n.text)
    return None


def _verb_subject(doc: Doc, names: list[Span], value: Span, sent: Span, index: _Names) -> str | None:
    """The company named as the subject of the verb a figure is the object of: the name right before a holding
    or reporting verb (adverbs aside), or the name an appositive follows ("Marlo, its main chemicals unit,
    reported …"), with no other name, verb of that kind or ';' between the verb and the figure. ORG names only:
    places and people hold tolls and quotes under other rules."""
    verb = None
    for t in reversed(doc[max(sent.start, value.start - 12):value.start]):
        if t.text in (";", ":") or t.ent_type_ in ("ORG", "PERSON", "GPE"):
            return None
        if t.lower_ in _HOLD_VERBS:
            verb = t
            break
    if verb is None or value.label_ == "DATE":
        return None
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "that":
        return None  # a report of a clause: "Kolt TV reports that the three were hurt"
    if verb.lower_ in ("has", "had") and nxt is not None and (nxt.lower_ in ("been", "historically", "not", "never")
                                                             or re.fullmatch(r"[a-z]+(?:ed|en)", nxt.lower_)):
        return None  # an auxiliary: "Kolt has accounted for about 45 pct of the company's revenues"
    i = verb.i - 1
    while i > sent.start and (doc[i].lower_ in _VERB_ADVERBS or doc[i].lower_ in _MODALS
                              or doc[i].ent_type_ == "DATE"):
        i -= 1
    if i - 2 > sent.start and doc[i].lower_ in ("family", "associates", "affiliates") \
            and doc[i - 1].lower_ in ("his", "her", "their", "its") and doc[i - 2].lower_ == "and":
        i -= 3  # "Mr Dorvan and his family hold …": the holder named before them
    if doc[i].lower_ == "it" and i - 1 > sent.start and doc[i - 1].lower_ in ("said", "says"):
        j = i - 2  # "Kolt said it will own 96 pct of Arden", "Kolt last week said it owned …"
        while j > sent.start and (doc[j].lower_ in _VERB_ADVERBS or doc[j].ent_type_ == "DATE"):
            j -= 1
        said = next((n for n in names if n.end == j + 1), None)
        return _clean_name(said.text) if said is not None and said.label_ == "ORG" \
            and not _is_ticker(doc, said) else None
    if doc[i].lower_ in ("which", "who") and i - 1 > sent.start and doc[i - 1].text == ",":
        i -= 2  # a relative clause: the name before ", which owns …" (a few words of its own after it)
        while i > sent.start and doc[i].lower_ in _RELATIVE_TAIL and doc[i].ent_type_ != "ORG":
            i -= 1
        before = next((n for n in names if n.end == i + 1), None)
        holders = ("ORG", "PERSON") if value.label_ == "PERCENT" else ("ORG",)  # a person may hold a stake
        if before is None or before.label_ not in holders or _is_ticker(doc, before):
            return None
        return _clean_name(before.text)
    before = next((n for n in names if n.end == i + 1), None)
    if before is None and i == sent.start and doc[i].is_title and doc[i].is_alpha:
        return _unread_name(index, doc[i])  # "Brackwood had 1986 sales of …": a name the NER missed here
    if before is None and doc[i].text == ",":  # an appositive: the name opening the clause, followed by ','
        lead = [n for n in names if n.end < i and n.end < len(doc) and doc[n.end].text == ","
                and (n.start == sent.start or doc[n.start - 1].lower_ in ("said", "that", "<", "the"))]
        before = lead[0] if lead else None
    if before is None or _is_ticker(doc, before) or _is_source_mention(doc, before, value, sent):
        return None
    results = bool(_RESULT_NOUNS & {t.lower_ for t in doc[verb.i + 1:value.start]})
    if before.label_ == "PERSON" and value.label_ == "PERCENT" and verb.lower_ in _STAKE_VERBS:
        return _clean_name(before.text)  # "Mr Dorvan owns 21.5%", "… and her family own 21.5%": a person's stake
    if before.label_ != "ORG" and not (before.label_ == "PERSON" and results):
        return None  # a person's figure is a company's only as its reported results (the NER may call a firm a person)
    return _clean_name(before.text)


#: words that may stand before a company's name as its description ("Shares in Irish oil company Vessa")
_COMPANY_WORDS = {"the", "oil", "company", "firm", "group", "bank", "carmaker", "airline", "retailer", "insurer",
                  "miner", "chipmaker", "maker", "giant", "rival", "parent", "conglomerate", "operator", "lender",
                  "'s", "’s"}


def _shares_owner(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """'Shares of Kolt were up more than 6%', 'Shares in its main shareholder, Arden Corp, had dropped 27%': the
    company whose shares moved is the first name after the sentence's 'shares of/in' (an appositive of a few words
    allowed), when no other figure, 'shares' or ';' stands between it and the move."""
    lead = doc[sent.start:value.start]
    at = [t.i for t in lead if t.lower_ in ("shares", "stock") and t.i + 1 < value.start
          and doc[t.i + 1].lower_ in ("of", "in")]
    if len(at) != 1 or at[0] > sent.start + 1:
        return None
    owner = next((n for n in names if at[0] + 2 <= n.start <= at[0] + 7 and n.end < value.start
                  and n.label_ == "ORG"), None)
    if owner is None:
        return None
    restated = doc[value.start - 1].lower_ == "or"  # "were up 12 pence, or 3.1%": one move told twice
    if any(t.text == ";" or t.ent_type_ == "PERCENT" or (t.ent_type_ == "MONEY" and not restated)
           for t in doc[owner.end:value.start]):
        return None
    gap = [t for t in doc[at[0] + 2:owner.start] if t.ent_type_ not in ("NORP", "GPE")]
    if gap and gap[-1].text != "," and not all(t.lower_ in _COMPANY_WORDS for t in gap):
        return None
    return None if _is_ticker(doc, owner) else _clean_name(owner.text)


def _deal_party(doc: Doc, sent: Span, names: list[Span], verb: Token, value: Span) -> str | None:
    """Whose ``deal_value`` a price of a purchase or sale is: the buyer — the clause subject before a purchase
    verb, the name after 'to' of an active sale ("sold its unit to Kolt for …") — or, when a passive sale names
    one company only ("Vessa was sold for $900m"), that company."""
    names = [n for n in names if n.label_ != "NORP"]  # not "Swedish" of "Swedish Match"
    before = [n for n in names if n.end <= verb.i]
    if verb.lower_ in SALE_VERBS and not _SOLD_PASSIVE.search(doc[sent.start:verb.i + 1].text.lower()):
        to = next((t for t in doc[verb.i + 1:value.start] if t.lower_ == "to"), None)
        at = to.i + 1 if to is not None else -1
        while 0 < at < value.start and doc[at].lower_ in ("the", "<"):  # "to the <Kolt Co>"
            at += 1
        after = [n for n in names if to is not None and n.start == at]
        return _clean_name(after[0].text) if after else None
    if _SOLD_PASSIVE.search(doc[sent.start:verb.i + 1].text.lower()):
        return _clean_name(before[-1].text) if len(before) == 1 else None
    buyer = [n for n in before if not _is_source_mention(doc, n, value, sent)
             and not (n.start > sent.start and doc[n.start - 1].lower_ in _PREPOSITIONS)]
    return _clean_name(buyer[0].text) if buyer else None


def revise_drafts(doc: Doc, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """Subjects and attributes fixed where one value was linked without its neighbours:

    - *parallel lists*: "Lumen and Corvex are valued at $9bn and $3bn respectively" — with 'respectively' in
      the sentence, a run of N names and a run of N values pair up in order; a value of the run the linker
      left out takes its siblings' attribute;
    - *gapping*: "Lumen is valued at $9bn and Corvex at $3bn" — a name between 'and'/',' and a value (only
      'at', 'to', "'s" between) is that value's subject, and the attribute is the earlier value's;
    - *sources*: "…, according to Ledger News", "…, Ledger News reported" — the source gives way to the
      nearest other name before the value;
    - *tickers*: "(NASDAQ: LUMN)", "<LUMN.O>", "Get LUMN Report" — the company before the bracket;
    - *per-share bids*: "$54.20 a share" in a bid, takeover or market price is no ``ipo_price`` (dropped), and
      an ``ipo_price`` of a million or more ("a $25.6bn share sale") is the sale's ``ipo_proceeds``.
    """
    covered = {(d.span.start, d.span.end) for d in drafts}
    unlinked = [e for e in doc.ents if e.label_ in ("MONEY", "DATE", "PERCENT") and (e.start, e.end) not in covered]
    if not drafts and not unlinked and not any(e.label_ == "CARDINAL" for e in doc.ents):
        return drafts

    published = doc.user_data.get(PUBLISHED_KEY)
    drafts = list(drafts)
    by_sent: dict[tuple[int, int], Span] = {}
    # counts of a 'respectively' list the linker left ("Orrin and Dalby run 210 and 95 stores respectively")
    listed = [e for e in doc.ents if e.label_ == "CARDINAL" and (e.start, e.end) not in covered] \
        if "respectively" in text_of(doc) else []
    for span in [d.span for d in drafts] + unlinked + listed:
        s = bounded_sent(span)
        by_sent.setdefault((s.start, s.end), s)
    out_drop: set[int] = set()  # id() of the drafts dropped
    listing_story = bool(_LISTING.search(text_of(doc)) or _SHARES.search(text_of(doc)))
    market_story = bool(_MARKET.search(text_of(doc)))  # "shares", "index": once per document
    topics = _subjects_named_twice(drafts)
    index = _Names(doc)  # the rules below do not change the document's entities
    for sent in by_sent.values():
        names, values = _sentence_ents(doc, sent)
        # tickers and sources first: they decide which names count below
        for i, d in enumerate(drafts):
            if not (sent.start <= d.span.start < sent.end):
                continue
            brand = _mention_of(names, d.subject_text, d.span)
            if brand is not None and _is_listed_brand(doc, brand, sent):  # "a maker of brands such as A and B earns …"
                other = [n for n in names if n.end <= d.span.start and not _is_listed_brand(doc, n, sent)
                         and not _is_source_mention(doc, n, d.span, sent) and not _is_ticker(doc, n)]
                before = max((x for x in drafts if x.span.start < sent.start), key=lambda x: x.span.start, default=None)
                name = _clean_name(other[-1].text) if other else before.subject_text if before else None
                if name:
                    drafts[i].subject_text = name
                continue
            valued = _valuing_object(doc, names, d.span)
            if valued and d.attribute in ("deal_value", "valuation"):  # "in a deal valuing Arden at £2.3bn"
                drafts[i].subject_text = valued
                if d.attribute != "valuation":
                    drafts[i].attribute, drafts[i].as_of = "valuation", None
                    drafts[i].__post_init__()
                continue
            buyer = _passive_buyer(doc, names, d.span, sent) if d.attribute == "deal_value" else None
            if buyer:  # "Arden agreed to be bought by Kolt for $1.75bn"
                drafts[i].subject_text = buyer
                continue
            owner = _deal_owner(doc, names, d.span, sent, drafts, named_only=True) \
                if d.attribute == "deal_value" else None
            if owner:  # "Arden rejected Kolt Corp's <KLT> 1.2 billion dlr takeover offer": Kolt's bid
                drafts[i].subject_text = owner
                continue
            holder = _verb_subject(doc, names, d.span, sent, index) if d.attribute != "share_price_change" \
                else _shares_owner(doc, names, d.span, sent)
            if holder:
                if not _longer_form(d.subject_text, holder):  # "Tamsin" read where "Tamsin Cruises" was linked
                    drafts[i].subject_text = holder
                continue
            mention = _mention_of(names, d.subject_text, d.span)
            if mention is None:
                continue
            described = _described_by_place(doc, names, mention)
            if described:  # "Hong Kong-listed developer Lungmoor Properties raised …": Lungmoor's
                drafts[i].subject_text = described
                continue
            if mention.label_ in ("GPE", "LOC") and mention.start > sent.start \
                    and d.attribute in _COMPANY_ATTRIBUTES and (opener := _opening_company(doc, names, d.span, sent)):
                drafts[i].subject_text = opener  # "Feldgrave shares jumped 30% on their debut in Amsterdam"
                continue
            if d.attribute == "stake":
                given = _given_stake(doc, names, d.span, sent)
                if given:
                    drafts[i].subject_text = given
                    continue
            if mention.start > 0 and doc[mention.start - 1].text == "$" and len(mention) > 1 \
                    and mention[0].text.isupper():  # "$RVN Ravine": a cashtag run into the name
                drafts[i].subject_text = _clean_name(mention[1:].text) or d.subject_text
                continue
            if _is_ticker(doc, mention):
                owner = _name_before_brackets(doc, mention, names)
                if owner:
                    drafts[i].subject_text = owner
                continue
            owner = _ticker_owner_elsewhere(doc, index, mention)
            if owner:  # "VLCT shares rose 4.4%" after "Vellacott Payments Inc (NASDAQ: VLCT)"
                drafts[i].subject_text = owner
                continue
            if d.attribute == "deal_value" and (buyer := _buyer_of_a_sale(doc, names, mention, d.span, sent)):
                drafts[i].subject_text = buyer  # "Arden sold its unit to Kolt for $90m": Kolt's price
                continue
            if d.attribute == "deal_value" and _is_target_mention(doc, mention):
                buyers = [n for n in names if n.end <= mention.start - 1 and not _is_ticker(doc, n)
                          and not _is_source_mention(doc, n, d.span, sent)]
                buyer = _clean_name(buyers[-1].text) if buyers else _sentence_start_name(doc, sent, mention)
                if buyer:
                    drafts[i].subject_text = buyer
                continue
            if (d.attribute == "deal_value" and _is_seller_mention(doc, mention, sent)) \
                    or (d.attribute == "stake" and _is_stake_object(doc, mention, d.span)) \
                    or (d.attribute == "count" and _is_maker_of_counted(doc, mention, d.span)):
                holder = _clause_subject(doc, names, mention, d.span, sent)
                if holder:
                    drafts[i].subject_text = holder
                elif d.attribute == "stake" and _moved_shares(doc, d.span, sent):
                    drafts[i].attribute = "share_price_change"  # "Kolt shares plummet 14%"
                    drafts[i].__post_init__()
                elif d.attribute == "stake":  # "an investor group raised its stake in Kolt to 38.5 pct": the
                    out_drop.add(id(drafts[i]))  # holder is unnamed, and the company held holds no stake in itself
                continue
            if d.attribute in ("stake", "profit_growth", "revenue_growth") and _moved_shares(doc, d.span, sent):
                drafts[i].attribute = "share_price_change"
                drafts[i].__post_init__()
                continue
            if d.attribute == "stake":
                owner = _owned_by(doc, names, d.span)
                if owner:
                    drafts[i].subject_text = owner
                    continue
            if _is_source_mention(doc, mention, d.span, sent) or _is_comparison_mention(doc, mention, d.span):
                other = [n for n in names if n.end <= d.span.start and n.start != mention.start
                         and not _is_source_mention(doc, n, d.span, sent) and not _is_ticker(doc, n)]
                name = _clean_name(other[-1].text) if other else _sentence_start_name(doc, sent, d.span)
                if name:
                    drafts[i].subject_text = name
                else:  # the figure is not the source's (or the compared company's), and no other name is in sight
                    out_drop.add(id(drafts[i]))
        plain = [n for n in names if not _is_ticker(doc, n)]
        _verb_attributes(doc, sent, drafts, listing_story)
        for d in drafts:  # "will buy back shares for $1bn", read as a deal's price
            if sent.start <= d.span.start < sent.end and d.span.label_ == "MONEY" \
                    and d.attribute in ("deal_value", "valuation") and _is_buyback(doc, d.span, sent):
                d.attribute, d.as_of = "buyback", None
                d.__post_init__()
        covered = {(d.span.start, d.span.end) for d in drafts if sent.start <= d.span.start < sent.end}

        def add(new: list[ClaimDraft], covered: set[tuple[int, int]] = covered) -> None:
            drafts.extend(new)  # the sentence's values drafted so far, kept as the rules add to them
            covered.update((d.span.start, d.span.end) for d in new)

        add(_unlinked_prices(doc, sent, plain, values, drafts, published, covered))
        add(_listing_dates(doc, sent, plain, drafts, published))
        add(_scheduled_dates(doc, sent, plain, drafts, published, covered))
        # a change the linker read as a share move where the sentence tells of sales or profits and of no market
        # ("its revenue rose 6.1%"): the move is dropped below, and the result's own rule may read the figure
        other_moves = {(d.span.start, d.span.end) for d in drafts if d.attribute == "share_price_change"
                       and sent.start <= d.span.start < sent.end and _other_move(d.span)}
        add(_result_changes(doc, sent, plain, values, drafts, published, topics, covered - other_moves))
        add(_raised_results(doc, sent, plain, values, drafts, published, covered))
        add(_growth_levels(doc, sent, values, drafts, published, covered))
        add(_growth_after_level(doc, sent, values, drafts, published, covered))
        add(_market_moves(doc, sent, plain, values, published, market_story, covered))
        add(_share_move_nouns(doc, sent, plain, values, drafts, published, topics, covered))
        add(_later_moves(doc, sent, plain, values, drafts, published, covered))
        add(_greenshoe_sums(sent, values, drafts, published, covered))
        add(_offer_prices(doc, sent, plain, values, drafts, published, covered))
        add(_funding_sums(doc, sent, plain, values, drafts, published, topics, index))
        add(_results_named_after(doc, sent, plain, values, drafts, published, topics, covered, index))
        add(_named_levels(doc, sent, plain, values, published, covered))
        add(_held_stakes(doc, sent, plain, values, published, covered, index))
        if any(t.lower_ == "respectively" for t in sent):
            _respectively(doc, plain, values, drafts, published, sent)
        _gapping(doc, plain, values, drafts, published)
    _unnamed_subjects(doc, drafts)
    _full_forms(index, drafts)
    _current_names(doc, drafts)
    _acting_units(doc, drafts)
    _relative_clause_holders(doc, drafts)
    _owners_in_counted(doc, drafts)
    drafts.extend(_disaster_counts(doc, drafts, published))
    drafts.extend(_company_counts(doc, drafts, published, topics))
    drafts.extend(_aircraft_counts(doc, drafts, published, topics))
    drafts.extend(_count_levels(doc, drafts, published, topics))
    _disaster_country(doc, index, drafts)
    out_drop |= _absent_people(doc, index, drafts, topics)
    out_drop |= _dealless_sums(doc, drafts)
    levels, unclaimed = _comparison_figures(doc, drafts, published)
    drafts.extend(levels)
    out_drop |= unclaimed
    out_drop |= {id(d) for d in drafts if d.span.label_ == "MONEY" and _wiped_off(doc, d.span)}
    out_drop |= _nationality_subjects(doc, index, drafts, topics)
    out_drop |= _unit_sales_changes(doc, drafts)
    out_drop |= {id(d) for d in drafts if d.attribute == "event_date" and _day_moved_from(doc, d.span)}
    out_drop |= {id(d) for d in drafts if _no_company(d.subject_text, d.attribute) or _market_count(d)
                 or _ratio_part(d) or _age_count(d) or _money_count(d) or _index_count(doc, d)}
    out_drop |= {id(d) for d in drafts if d.attribute in _RESULTS and _foretold(doc, d.span)}
    out_drop |= {id(d) for d in drafts if d.attribute == "share_price_change"
                 and (_currency_move(doc, d.span) or _other_move(d.span))}
    for d in drafts:
        value = d.quantity.value
        if d.attribute in _COMPANY_SUMS and isinstance(value, (int, float)) and value < MIN_PROSE_SUM:
            out_drop.add(id(d))  # "$1.37 a share", "€2.45", "$249": a price per share or per item, no company's sum
    for i, d in enumerate(drafts):
        if d.attribute != "ipo_price":
            continue
        value = d.quantity.value
        if isinstance(value, (int, float)) and value >= MIN_SALE_SIZE:
            drafts[i].attribute = "ipo_proceeds"
            drafts[i].as_of = None
            drafts[i].__post_init__()
        elif _is_bid_price(doc, d.span) or _CONVERSION_PRICE.search(span_text(bounded_sent(d.span))):
            out_drop.add(id(d))  # (a bond's conversion price: "convertible bonds … swapped for its shares at $48")
    kept = [d for d in drafts if id(d) not in out_drop]
    for d in kept:
        if d.attribute == "stake" and d.scope is None:
            d.scope = _held_company(doc, d)
        elif d.attribute == "deal_value" and d.scope is None:
            d.scope = _award_scope(doc, d.span)
    return kept


class _Names:
    """The document's name entities indexed once per ``revise_drafts`` call (a document with thousands of figures
    must not rescan its entities per figure): by the text a draft's subject may carry, and people's full names
    by surname."""

    def __init__(self, doc: Doc) -> None:
        from claimcheck.resolve.entities import name_words

        self.by_text: dict[str, list[Span]] = {}
        self.full_names: dict[str, dict[tuple[str, ...], str]] = {}
        self.one_word_orgs: dict[str, list[int]] = {}  # "Oakfield Inc" → "oakfield": the starts of such names
        for e in doc.ents:
            if e.label_ not in NAME_LABELS:
                continue
            if e.label_ == "ORG" and len(org := name_words(e.text)) == 1:
                self.one_word_orgs.setdefault(org[0], []).append(e.start)
            for key in {_clean_name(e.text), e.text} - {None}:
                self.by_text.setdefault(key, []).append(e)  # type: ignore[arg-type]
            words = tuple(name_words(e.text))
            if e.label_ == "PERSON" and len(words) >= 2:
                self.full_names.setdefault(words[-1], {}).setdefault(words, _clean_name(e.text) or e.text)
        self._ends = {key: [e.end for e in spans] for key, spans in self.by_text.items()}

    def mention(self, draft: ClaimDraft) -> Span | None:
        """The entity a draft's subject was read from: of the entities written that way, the nearest before its
        value (else the first after)."""
        same = self.by_text.get(draft.subject_text)
        if not same:
            return None
        at = bisect_right(self._ends[draft.subject_text], draft.span.start)
        return same[at - 1] if at else same[0]


def _full_forms(names: _Names, drafts: list[ClaimDraft]) -> None:
    """A person named by surname takes the full name the document gives ("Mr Mertens" → "Karl Mertens";
    GUIDELINES R3), unless two people of the document share the surname. Companies keep the form the sentence
    uses: on real-train, giving "Ford" or "Rowntree" the document's longest form (Ford Motor, Rowntree
    Mackintosh) lost more claims than it won, as annotators write the short form where the text does."""
    from claimcheck.resolve.entities import name_words

    for d in drafts:
        mention = names.mention(d)
        short = name_words(d.subject_text)
        if mention is None or mention.label_ != "PERSON" or len(short) != 1:
            continue
        forms = names.full_names.get(short[0], {})
        widest = max(forms, key=len, default=None)
        if widest is not None and all(_contains(widest, f) for f in forms):
            d.subject_text = forms[widest]


#: what a company, not a person, has: results, deals, counts of what it runs
_PEOPLES_NOT = {"profit", "loss", "revenue", "revenue_growth", "profit_growth", "count", "deal_value", "funding",
                "share_price_change"}
#: a company left unnamed in the sentence: "the company had a net loss of …", "its sales rose 4%"
_UNNAMED_COMPANY = re.compile(rf"\b(?:the (?:{_UNNAMED_KINDS})|it|its)\b", re.IGNORECASE)


#: a nationality before these names a state, which holds stakes and makes deals
_STATE_NOUNS = {"government", "governments", "state", "authorities", "treasury", "administration", "ministry",
                "parliament", "regulators"}
#: what only a company (or a person) holds, never a nationality
_COMPANY_ATTRIBUTES = _COMPANY_SUMS | {"stake", "share_price_change", "revenue_growth", "profit_growth", "ipo_price",
                                       "revenue_share"}


def _named_after_description(doc: Doc, mention: Span) -> str | None:
    """The company a nationality opens the description of: "British lending giant Lindell", "the Dutch brewer
    Vandermolen" — an ORG after one to four lower-case words, the last a company's kind (``_COMPANY_WORDS``)."""
    j = mention.end
    while j < len(doc) and j - mention.end < 4 and doc[j].is_lower and doc[j].is_alpha:
        j += 1
    if j == mention.end or doc[j - 1].lower_ not in _COMPANY_WORDS | _COMPANY_NOUNS or j >= len(doc):
        return None
    ent = ent_of(doc[j])
    if ent is None or ent.label_ != "ORG" or ent.start != j or _is_ticker(doc, ent):
        return None
    return _clean_name(ent.text)


def _nationality_subjects(doc: Doc, names: _Names, drafts: list[ClaimDraft], topics: set[str]) -> set[int]:
    """A nationality describing a company is no subject ("Estover, the Danish shipping line, …", "the Japanese
    company holds 62%"): the company it describes holds the figure — the name the appositive follows, or, for
    "the <nationality> company", the story's company before it. A nationality alone ("Thai", "North American"
    operations) holds no company's figure: the draft is dropped (its ``id()`` returned)."""
    dropped: set[int] = set()
    for d in drafts:
        mention = names.mention(d)
        if mention is None or mention.label_ != "NORP":
            continue
        named = _named_after_description(doc, mention)
        if named is not None:  # "British lending giant Lindell …": the company the nationality describes
            d.subject_text = named
            continue
        if d.attribute not in _COMPANY_ATTRIBUTES:
            continue
        after = doc[mention.end].lower_ if mention.end < len(doc) else ""
        if after in _STATE_NOUNS:
            continue  # "the Irish government, which holds 25%": a state, named by its nationality
        before = doc[max(0, mention.start - 3):mention.start]
        described = None
        if len(before) >= 2 and before[-1].lower_ == "the" and before[-2].text == ",":
            comma = before[-2].i
            before_comma = ent_of(doc[comma - 1]) if comma > 0 else None
            described = before_comma if before_comma is not None and before_comma.end == comma \
                and before_comma.label_ == "ORG" else None
            sent = bounded_sent(mention)
            if described is None and all(t.is_title and t.is_alpha and not t.is_stop for t in doc[sent.start:comma]) \
                    and 0 < comma - sent.start <= 3:
                described = doc[sent.start:comma]  # "Estover, the Danish shipping line": a name the NER left
        if described is not None:
            d.subject_text = _clean_name(described.text) or d.subject_text
            continue
        company = None
        if after in _COMPANY_NOUNS | _COMPANY_WORDS:
            sent = bounded_sent(mention)
            company = _story_company_before(drafts, topics - {d.subject_text}, d.span.start) or next(
                (_clean_name(e.text) for e in ents_in(sent) if e.label_ == "ORG" and e.end <= mention.start
                 and not _is_ticker(doc, e)), None)
        if company:
            d.subject_text = company
        else:
            dropped.add(id(d))
    return dropped


def _absent_people(doc: Doc, names: _Names, drafts: list[ClaimDraft], topics: set[str]) -> set[int]:
    """A result, deal or count the linker gave to a person the figure's sentence does not name at all, not even
    by surname ("Police said they made 54 arrests" → a person of an earlier paragraph; "the company had a net
    loss of 38,000 dlrs" → its chief executive quoted before): the person is no holder of it. With the company
    left unnamed in the sentence ("the company", "it") the figure goes to the story's company before it;
    otherwise the draft is dropped (the ``id()`` of each dropped draft is returned)."""
    from claimcheck.resolve.entities import name_words

    dropped: set[int] = set()
    for d in drafts:
        if d.attribute not in _PEOPLES_NOT:
            continue
        mention = names.mention(d)
        if mention is None or mention.label_ != "PERSON":
            continue
        sent = bounded_sent(d.span)
        words = {t.lower_ for t in sent}
        if set(name_words(mention.text)) & words:
            continue
        company = None
        if _UNNAMED_COMPANY.search(doc[sent.start:d.span.start].text):
            company = _story_company_before(drafts, topics - {d.subject_text}, d.span.start) \
                or _company_named_before(doc, sent)
        if company:
            d.subject_text = company
        else:
            dropped.add(id(d))
    return dropped


#: a loss of market value told as a sum taken off it: "wiping $300m off its value", "knocked £1bn off the group"
_WIPE_VERBS = {"wiping", "wiped", "wipe", "wipes", "knocking", "knocked", "knock", "knocks", "erasing", "erased",
               "shaving", "shaved", "lopping", "lopped", "slicing", "sliced"}


def _wiped_off(doc: Doc, value: Span) -> bool:
    """A sum 'wiped off' a company's value is a change of its worth, no claim of a sum it has or paid (GUIDELINES'
    ``other``: it fits no attribute)."""
    return value.start > 0 and doc[value.start - 1].lower_ in _WIPE_VERBS and value.end < len(doc) \
        and doc[value.end].lower_ == "off"


#: what tells of a deal: "a $1bn offer", "agreed to buy … for", "the merger, valued at"
_DEAL_WORDS = re.compile(r"\b(?:offer|bid|deal|takeover|take over|tender|buyout|acquisition|acquire|buy|bought|"
                         r"purchase|sell|sold|sale|merger|merge|price|paid|pay|pays|valu\w*|contract|order|"
                         r"agreement|agreed|transaction|stake|swap|exchange|terms|lbo|receiv\w*|financ\w*)",
                         re.IGNORECASE)


#: a sum claimed in court: "has sued the government for $27.3bn", "is suing Kolt in Europe for $2bn", "sued for
#: $5m in damages" (GUIDELINES: fines and settlements are mentions only; a claim for damages is no price either)
_SUED_FOR = re.compile(r"\b(?:sues?|sued|suing|lawsuit|countersue[sd]?)\b(?:\s+[\w'’.-]+){0,6}?\s+for\s*$",
                       re.IGNORECASE)
_DAMAGES_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:in\s+)?(?:\w+\s+)?(?:damages|compensation)\b", re.IGNORECASE)


def _dealless_sums(doc: Doc, drafts: list[ClaimDraft]) -> set[int]:
    """A ``deal_value`` whose sentence neither names its company nor says a word of a deal ("It also has tax credits
    worth about $2.5bn", an unnamed company's assets), or a sum claimed in court (``_SUED_FOR``, ``_DAMAGES_AFTER``):
    no price of anything (the ``id()`` of each is returned)."""
    from claimcheck.resolve.entities import name_words

    dropped: set[int] = set()
    for d in drafts:
        if d.attribute != "deal_value":
            continue
        sent = bounded_sent(d.span)
        if _SUED_FOR.search(doc[sent.start:d.span.start].text) \
                or _DAMAGES_AFTER.match(doc[d.span.end:min(sent.end, d.span.end + 8)].text):
            dropped.add(id(d))
            continue
        if _DEAL_WORDS.search(span_text(sent)) or set(name_words(d.subject_text)) & {t.lower_ for t in sent}:
            continue
        dropped.add(id(d))
    return dropped


#: what puts a money figure against an earlier one in its sentence: "up from 10.6 bn", "against 1.35 billion"
_AGAINST = re.compile(rf"(?:{_COMPARING_WORDS}|\bafter)\s*$")  # _COMPARED's words, and "… marks after 141.6 bln"
#: ... and with the result named between: "a loss of 1.55 mln dlrs, compared with a profit of 311,074 dlrs"
_AGAINST_NAMED = re.compile(rf"(?:{_COMPARING_WORDS})\s+(?:(?:a|an|its|the)\s+)?(?:[\w-]+\s+)?(?:profits?|"
                            r"loss(?:es)?|revenues?|sales|earnings|turnover)\s+of\s*$")


def _in_brackets(doc: Doc, sent: Span, span: Span) -> bool:
    """Whether ``span`` stands inside brackets opened before it in its sentence ("($610m; £330m)")."""
    opened = False
    for t in doc[sent.start:span.start]:
        opened = True if t.text == "(" else False if t.text == ")" else opened
    return opened


def _money_figure(value: Span) -> bool:
    """A money figure, or a plain one whose words make it money as the mention layer reads it ("rising to 41.2 mln
    stg from 38.5 mln": the NER's QUANTITY "38.5 mln" is sterling too)."""
    if value.label_ == "MONEY":
        return True
    if value.label_ not in ("CARDINAL", "QUANTITY"):
        return False
    quantity = _read(value, None)
    return quantity is not None and _is_currency(quantity.unit)


def _baseline_level(doc: Doc, value: Span, named: bool = False) -> Span | None:
    """The money figure a comparison figure is told against: the one before it in its sentence ('from', 'vs',
    'against', 'compared with'; a conversion in brackets or a per-share figure is passed over), or the one after
    it ("from £95m to £81m"); None when ``value`` is told against none. With ``named``, also a figure whose result is
    named after the comparison word (``_AGAINST_NAMED``: "compared with a profit of 311,074 dlrs"), which tells its
    own kind and is no claim less for a level that is none."""
    if not _money_figure(value) \
            or not (_AGAINST.search(doc[max(0, value.start - 2):value.start].text.lower()) or named
                    and _AGAINST_NAMED.search(doc[max(0, value.start - 7):value.start].text.lower())):
        return None
    sent = bounded_sent(value)
    money = [e for e in ents_in(sent) if e.label_ == "MONEY" and not _is_conversion(e)
             and not _in_brackets(doc, sent, e) and not doc[e.end:e.end + 4].text.lower().startswith(_SHARE_AFTER)]
    after = [e for e in money if e.start == value.end + 1 and doc[value.end].lower_ == "to"]
    before = after or [e for e in money if e.end <= value.start - 1 and value.start - e.end <= 12][-1:]
    return before[0] if before else None


def _comparison_figures(doc: Doc, drafts: list[ClaimDraft], published) -> tuple[list[ClaimDraft], set[int]]:
    """A comparison figure is a claim only as its level is (GUIDELINES: a baseline is a claim about the earlier
    period of the same thing): "the trade surplus reached 8.4 bn dlrs, up from 6.15 bn in 1985", "assets of 2.31 bn
    dlrs, up from 2.04 bn". Where the linker left the level of a result's comparison figure and the level's own noun
    names the result ("operating profits rose to 3.1 bln marks in 2014 from 2.6 bln", "sales for the nine months were
    1.2 bln dlrs, up from 1.1 bln"), the level is drafted for the comparison's subject and the comparison takes the
    same kind. Returns those new drafts and the ``id()`` of each money draft told against a figure
    (``_baseline_level``) that no draft, old or new, holds."""
    held = {(d.span.start, d.span.end) for d in drafts}
    against = {id(d): _baseline_level(doc, d.span) for d in drafts}  # read once, for both decisions
    added: list[ClaimDraft] = []
    at = {(d.span.start, d.span.end): d for d in drafts}
    for d in drafts:
        level = against[id(d)]
        if d.attribute not in _LEVEL_KINDS or level is None:
            continue
        if (level.start, level.end) in held:  # a level drafted by another rule: the comparison takes its kind
            other = at.get((level.start, level.end))
            if other is not None and other.attribute in _LEVEL_KINDS and other.attribute != d.attribute \
                    and other.subject_text == d.subject_text and _level_noun(doc, d.span, bounded_sent(d.span)) is None:
                d.attribute, d.as_of = other.attribute, None
                d.__post_init__()
            continue
        sent = bounded_sent(level)
        kind = _level_noun(doc, level, sent)
        if kind is None and level.start > d.span.start:  # "reduced its losses from £18.6m to £2.2m": the noun
            kind = _level_noun(doc, d.span, sent, _LEVEL_LINKS | {"from"})  # before both figures names the level
        quantity = _read(level, published) if kind else None
        if kind is None or quantity is None or _bare_figure(level) and quantity.unit == "count":
            continue
        own = _level_noun(doc, d.span, sent)  # "compared with a profit of 311,074 dlrs": the figure's own noun
        if d.attribute != (own or kind):
            d.attribute, d.as_of = own or kind, None
            d.__post_init__()
        period = _period_in(sent, level, published)
        if level.start > d.span.start and period is not None and d.period == period:
            d.period = _previous_period(period)  # "its losses last year fell from £18.6m to £2.2m": the year before
        added.append(ClaimDraft(d.subject_text, kind, quantity, level, period, None, 0.5))
        held.add((level.start, level.end))
    added.extend(_baselines_of_levels(doc, drafts + added, held, published))
    against.update((id(d), _baseline_level(doc, d.span)) for d in added)
    dropped = {id(d) for d in drafts + added
               if (level := against[id(d)]) is not None and (level.start, level.end) not in held}
    return added, dropped


def _baselines_of_levels(doc: Doc, drafts: list[ClaimDraft], held: set[tuple[int, int]],
                         published) -> list[ClaimDraft]:
    """The comparison figure of a result's level that the linker left ("pretax profits rising to 44.6 mln stg from
    36.5 mln a year earlier", "a loss of 1.55 mln dlrs, compared with 2.55 mln dlrs in 1986"): the level's subject
    and kind (or the kind its own noun names: "compared with a profit of 311,074 dlrs"), for the period before the
    level's. A figure whose period the sentence does not tell apart from the level's is left: it would read as the
    level contradicting itself."""
    levels = {(d.span.start, d.span.end): d for d in drafts if d.attribute in _LEVEL_KINDS and d.span.label_ == "MONEY"}
    out: list[ClaimDraft] = []
    for value in doc.ents:
        if (value.start, value.end) in held or not _money_figure(value) or _is_conversion(value):
            continue
        base = _baseline_level(doc, value, named=True)
        level = levels.get((base.start, base.end)) if base is not None else None
        if level is None:
            continue
        sent = bounded_sent(value)
        quantity = _read(value, published)
        if quantity is None or quantity.unit == "count":
            continue
        period = _period_in(sent, value, published)
        if period is None or period == level.period:  # told against the level, with no date of its own: the
            period = _previous_period(level.period) if level.period else None  # year before ("a year earlier")
        if period is None and published is None and level.period is None:
            period = EARLIER_PERIOD  # an undated story's "sales rose to $8.2bn from $7.9bn": before the level's
        if period is None:
            continue
        kind = _level_noun(doc, value, sent) or level.attribute
        if _changed_level_noun(doc, level.span, bounded_sent(level.span)) != level.attribute:
            continue  # the level's own kind is not told ("other income rose to …") or is another than drafted
        out.append(ClaimDraft(level.subject_text, kind, quantity, value, period, None, 0.5))
        held.add((value.start, value.end))
    return out


#: a story that counts sales in units: "sales fell to 1.25 million vehicles", "sold 13.7 million cars"
_UNIT_SALES = re.compile(r"\b(?:sales|sold|deliveries|delivered)\b[^.;\n]{0,60}?\b\d[\d,.]*(?:\s+(?:million|m|mln|"
                         r"thousand|bn|billion))?\s+(?:new\s+)?(?:vehicles|cars|automobiles|units|trucks|"
                         r"motorcycles|handsets|phones|consoles|copies)\b", re.IGNORECASE)
#: sales told in units, or a whole market's, in the sentence itself: "new vehicle sales jumped 22%", "its auto sales
#: volume dropped 23%", "retail sales slid 2% in May"
_UNITS_SOLD = re.compile(r"\b(?:(?:vehicle|car|auto|truck|unit|home|house|retail|passenger\s+car)s?\s+sales"
                         r"|sales\s+volumes?|volume\s+sales)\b", re.IGNORECASE)
#: what a sentence says of a profit (a profit's change is read there, not a sales change)
_PROFIT_WORDS = re.compile(r"\b(?:profits?|earnings|income|net|loss(?:es)?|margins?)\b", re.IGNORECASE)
#: a sales change that says it is money: "revenue", "turnover", "in value", a currency
_SALES_IN_MONEY = re.compile(r"\b(?:revenues?|turnover|value|income|earnings|like-for-like)\b", re.IGNORECASE)


def _unit_sales_changes(doc: Doc, drafts: list[ClaimDraft]) -> set[int]:
    """In a story that counts its sales in units (cars, phones), "Ford sales dropped 3%" is a change in units
    sold, not in revenue (GUIDELINES: unit sales are ``other``): a ``revenue_growth`` whose sentence speaks of
    sales, but not of revenue, turnover or value, is dropped (the ``id()`` of each is returned)."""
    in_units = _UNIT_SALES.search(text_of(doc)) is not None
    dropped: set[int] = set()
    for d in drafts:
        if d.attribute not in ("revenue_growth", "profit_growth"):
            continue
        sent = bounded_sent(d.span)
        text = span_text(sent)
        words = {t.lower_ for t in sent}
        if not words & {"sales", "sold"} or _SALES_IN_MONEY.search(text):
            continue
        if d.attribute == "profit_growth" and _PROFIT_WORDS.search(text):
            continue
        if in_units or _UNITS_SOLD.search(text):
            dropped.add(id(d))
        elif d.attribute == "profit_growth":  # "Kolt sales jumped 11%", read as a profit's change
            d.attribute, d.as_of = "revenue_growth", None
            d.__post_init__()
    return dropped


#: a period's results, which a forecast may state before they are known
_RESULTS = {"profit", "loss", "revenue", "revenue_growth", "profit_growth"}
#: a company's results: a country or a central bank has none ("the US" given a carmaker's profits, a trade surplus
#: or a central bank's reserves read as a profit); on real-train and real-dev no gold result has such a subject
_COMPANY_RESULTS = {"profit", "loss", "revenue"}
_CENTRAL_BANKS = {"fed", "federalreserve", "federalreserveboard", "bundesbank", "bankofengland", "bankofjapan",
                  "ecb", "europeancentralbank", "peoplesbankofchina", "reservebankofindia", "bankofcanada",
                  "reservebankofaustralia", "swissnationalbank", "bankoffrance", "bancaditalia", "centralbank"}
#: a state's treasury: its bill auctions, cash balances and borrowing are public finance (GUIDELINES ``macro``)
_TREASURIES = {"treasury", "ustreasury", "treasurydepartment", "ustreasurydepartment", "hmtreasury"}
#: a company's deals and fund raising: a central bank's money-market operations ("injected 880 mln stg into the
#: money market", "took 60 mln stg of bills off the banks") and a treasury's auctions are none (countries do buy
#: and sell: a state's arms purchase or privatisation is a deal); on real-train and real-dev gold gives a central
#: bank or a treasury only counts and dates
_COMPANY_DEALS = {"deal_value", "funding", "buyback", "valuation", "ipo_proceeds", "ipo_price"}

#: verbs of foretelling a result ("Analysts have forecast full-year profit will rise about 11% to …")
_FORETELL = {"forecast", "forecasts", "forecasting", "predict", "predicts", "predicted", "predicting", "expect",
             "expects", "expected", "expecting", "project", "projects", "projected", "anticipate", "anticipates",
             "anticipated", "sees", "estimate", "estimates", "estimated"}
_FUTURE = {"will", "would", "could", "should", "might", "may", "to"}


#: a market's trading volume: "some 4,210 contracts traded", "only 640 lots changed hands", "volume was 9.4 mln
#: shares" — a session's market data, like prices (GUIDELINES ``price``), no one's tally; on real-train and
#: real-dev no gold count is one
_VOLUME_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:lots?|contracts?|shares?)\s+(?:were\s+|was\s+|have\s+been\s+)?"
                           r"(?:traded|changed\s+hands|exchanged|dealt|turned\s+over)\b", re.I)
_VOLUME_BEFORE = re.compile(r"\b(?:volume|turnover)\s+(?:was|of|totall?ed|reached|at|rose\s+to|fell\s+to)\s+"
                            r"(?:about\s+|some\s+|around\s+|nearly\s+|an\s+estimated\s+)?$", re.I)


def _market_count(d: ClaimDraft) -> bool:
    """Whether a count is a market's trading volume (:data:`_VOLUME_AFTER`, :data:`_VOLUME_BEFORE`) or an index's
    points ("fell 61 points": GUIDELINES ``price``)."""
    if d.attribute != "count":
        return False
    doc, span = d.span.doc, d.span
    if span.end < len(doc) and doc[span.end].lower_ in ("point", "points", "pts"):
        return True
    text = text_of(doc)  # Doc.text joins every token on each read
    after = text[span.end_char:span.end_char + 60]
    before = text[max(0, span.start_char - 40):span.start_char]
    return bool(_VOLUME_AFTER.match(after) or _VOLUME_BEFORE.search(before))


_NUMBER_WORD = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                r"fifty|hundred)")
#: a figure that is one side of a ratio: "one in six cars", "three out of four girls", "12 out of 23 agencies",
#: "a loss in five of the last six years"
_RATIO_BEFORE = re.compile(_NUMBER_WORD + r"\s+(?:in|out\s+of)\s*$", re.IGNORECASE)
_RATIO_AFTER = re.compile(r"\s*(?:(?:in|out\s+of)\s+|of\s+the\s+(?:last|past|first|next)\s+)(?!(?:1[89]|20)\d\d\b)"
                          + _NUMBER_WORD + r"\b", re.IGNORECASE)  # "fell to 86 in 1986": a year, no ratio


#: a multiple of a measure: "trade at 18 times expected earnings", "12 times sales" (a ratio, no count)
_MULTIPLE_AFTER = re.compile(r"\s*times\s+(?:(?:its|their|the|expected|forecast|forward|trailing|next|this|last|"
                             r"year's|annual|estimated|\d{4})\s+){0,3}(?:earnings|sales|revenues?|profits?|ebitda|"
                             r"book(?:\s+value)?|cash\s+flow)\b", re.IGNORECASE)
#: an age told before its number: "between the ages of 10 and 17", "aged 16 to 24", "at age 65"
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:of\s+|between\s+|from\s+)?(?:\d+\s+(?:and|to|-)\s+)?$", re.IGNORECASE)


def _age_count(d: ClaimDraft) -> bool:
    """Whether a count is an age (GUIDELINES: ages are ``other``): 'ages of 10 and 17', 'aged 16 to 24'."""
    if d.attribute != "count":
        return False
    text = text_of(d.span.doc)
    return bool(_AGE_BEFORE.search(text[max(0, d.span.start_char - 30):d.span.start_char]))


def _ratio_part(d: ClaimDraft) -> bool:
    """Whether a count is one side of a ratio, no count of anything (GUIDELINES: ratios are no claims)."""
    if d.attribute != "count":
        return False
    text = text_of(d.span.doc)
    return bool(_RATIO_BEFORE.search(text[max(0, d.span.start_char - 20):d.span.start_char])
                or _RATIO_AFTER.match(text[d.span.end_char:d.span.end_char + 30])
                or _MULTIPLE_AFTER.match(text[d.span.end_char:d.span.end_char + 40]))


def _no_company(subject: str, attribute: str) -> bool:
    """Whether a claim's subject cannot hold its attribute: a country or a central bank reports no results of
    its own (:data:`_COMPANY_RESULTS`), and a central bank or a treasury makes no company deals
    (:data:`_COMPANY_DEALS`)."""
    from claimcheck.resolve.entities import is_country, name_key

    if attribute in _COMPANY_RESULTS:
        return is_country(subject) or name_key(subject) in _CENTRAL_BANKS
    return attribute in _COMPANY_DEALS and name_key(subject) in _CENTRAL_BANKS | _TREASURIES


def _foretold(doc: Doc, value: Span) -> bool:
    """A result a forecast states, not a result (GUIDELINES: ``no=forecast``): in the figure's sentence, before it,
    a verb of foretelling and after that verb a future ('will', 'would', 'to' …) — "analysts expect profit to
    rise 8% to $2bn", "the firm predicts sales will reach £900m". A result told before the forecast ("Profit rose
    5% to $2bn and it expects …") is not one: the verb must come before the figure."""
    sent = bounded_sent(value)
    lead = doc[sent.start:value.start]
    verb = next((t for t in lead if t.lower_ in _FORETELL), None)
    if verb is None:
        return False
    if verb.i > sent.start and doc[verb.i - 1].lower_ in _OUTDID:
        return False  # "Kolt beat profit forecasts, posting …": a result measured against a forecast
    between = [t.lower_ for t in doc[verb.i + 1:value.start]]
    if between in (["a"], ["an"]):
        return True  # the verb's object is the figure: "had earlier predicted a 4% to 5% rise in sales"
    if 2 <= len(between) <= 6 and between[-1] in ("of", "about", "around", "some", "nearly", "roughly") \
            and "of" in between and any(w in _RESULT_NOUNS for w in between) \
            and all(w in _RESULT_NOUNS or w in _RESULT_PREMODIFIERS or w in _FORECAST_OBJECT_WORDS for w in between):
        return True  # the figure is the object's: "now expects operating profit of €310m", "expects sales of about"
    future = next((t for t in doc[verb.i + 1:value.start] if t.lower_ in _FUTURE
                   and not (t.lower_ == "to" and t.i > verb.i + 1 and _not_a_verb(doc, t.i + 1))), None)
    # the past result a forecast is measured against is a result: "expects earnings to be above the 44 mln dlrs
    # of last year", "to beat last year's profit of $11bn", "a loss compared with a profit of …"
    return future is not None and not any(t.lower_ in _BASELINE_CUES for t in doc[future.i + 1:value.start])


#: words of a forecast's object before its figure besides result nouns and their premodifiers ("expects full-year
#: pre-tax profits of about …")
_FORECAST_OBJECT_WORDS = {"of", "about", "around", "some", "nearly", "roughly", "full-year", "-", "pre", "tax", "year",
                          "for", "the", "sales", "revenue", "revenues"}
#: a result that beat or missed the forecast ("beat profit forecasts", "missed analysts' estimates")
_OUTDID = {"beat", "beats", "beating", "missed", "misses", "topped", "tops", "exceeded", "exceeds", "above", "below",
           "ahead", "short", "surpassed", "matched"}


def _not_a_verb(doc: Doc, i: int) -> bool:
    """The word at ``i`` after a 'to' cannot be an infinitive: a figure, a currency sign, a determiner ("a rise in
    profits for the year to £140m"), so the 'to' is a preposition, not a future ("expects profit to rise"). A 'to'
    right after the forecast's word is the forecast's own figure ("raised its revenue forecast to $1.9bn")."""
    if i >= len(doc):
        return True
    t = doc[i]
    return t.like_num or t.is_currency or t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "DATE") \
        or t.lower_ in ("the", "a", "an", "its", "their", "about", "around", "some", "nearly", "almost", "more", "just")


#: words by which a forecast's sentence turns to the past result it is measured against
_BASELINE_CUES = {"than", "compared", "above", "below", "beat", "beating", "from", "when", "versus", "vs", "over",
                  "last", "year-earlier", "previous", "earlier"}


#: currencies, whose moves are prices (GUIDELINES: ``no=price``), not a company's share price
_CURRENCY_WORDS = {"currency", "currencies", "baht", "rupiah", "rupee", "rupees", "dollar", "euro", "yen", "pound",
                   "sterling", "yuan", "renminbi", "won", "peso", "franc", "rouble", "ruble", "lira", "rand",
                   "ringgit", "dong", "krona", "krone", "greenback", "shekel", "dinar", "real"}


#: a stock index's name ("FTSE 100", "the Dow Jones Industrial Average", "All Ordinaries", "Arden Composite Index")
_INDEX_SUBJECT = re.compile(r"\b(?:Dow\s+Jones|DJIA|Nasdaq|FTSE|Footsie|Nikkei|DAX|CAC[\s-]?40|Hang\s+Seng"
                            r"|S&P(?:\s*500)?|Standard\s+(?:&|and)\s+Poor's|Sensex|All\s+Ordinaries)\b|^Dow$"
                            r"|\b(?:Index|Indices|Industrial\s+Average|Composite)$", re.IGNORECASE)


def _index_count(doc: Doc, d: ClaimDraft) -> bool:
    """A count that is an index's level or its points ("the FTSE 100 ended the day at 4,820", "the index,
    base 1980, stood at 135"): the count's subject is an index, or the figure comes right after 'at' or 'to' in a
    sentence about an index."""
    if d.attribute != "count":
        return False
    if _INDEX_SUBJECT.search(d.subject_text):
        return True
    sent = bounded_sent(d.span)
    return d.span.start > sent.start and doc[d.span.start - 1].lower_ in ("at", "to") \
        and re.search(r"\bind(?:ex|ices)\b", span_text(sent), re.IGNORECASE) is not None


def _money_count(d: ClaimDraft) -> bool:
    """A count whose figure reads as money ("ended at 318 crowns", "bonds sold in lots of 25,000 francs": a
    plain number its words make an amount, ``claim_reading``)."""
    return d.attribute == "count" and _is_currency(d.quantity.unit)


def _is_currency(unit) -> bool:
    """A currency's ISO code ("USD", "GBP"), not a count's or a percentage's unit."""
    return bool(re.fullmatch(r"[A-Z]{3}", str(unit)))


def _currency_move(doc: Doc, value: Span) -> bool:
    """'The Thai baht lost 0.3% against the US currency', 'the currency has strengthened 4%': a currency's move —
    a currency word is the subject of the verb before the figure (auxiliaries and 'by', 'as much as' aside)."""
    start = bounded_sent(value).start
    i = value.start - 1
    while i > start and doc[i].lower_ in ("by", "as", "much", "about", "nearly", "some", "around", "almost"):
        i -= 1
    i -= 1  # the verb
    while i > start and doc[i].lower_ in _MOVE_GAP:
        i -= 1
    return i >= start and doc[i].lower_ in _CURRENCY_WORDS


#: what a sentence about a share price or an index names (one of these anywhere in it keeps the move)
_MARKET_WORDS = re.compile(r"\b(?:shares?|stocks?|index|indices|indexes|dow|nasdaq|ftse|nikkei|dax|cac|hang seng|"
                           r"sensex|s&p|trading|traded|trade|close[ds]?|closing|points?|markets?|exchange|bourse|"
                           r"equities|composite|average|session|bell|indicated|pre-?market|after-hours|opened|"
                           r"opening)\b", re.IGNORECASE)
#: what else a percentage may be the change of: sales, an economy, prices, traffic (GUIDELINES: a share price move
#: is the price of a company's shares or an index's level)
_OTHER_MOVERS = re.compile(r"\b(?:sales|economy|economic|gdp|imports?|exports?|spending|inventor(?:y|ies)|income|"
                           r"revenues?|turnover|prices|inflation|output|production|demand|population|passengers|"
                           r"traffic|deposits|lending|loans|unemployment|orders|profits?|earnings|accounts?)\b",
                           re.IGNORECASE)


def _other_move(value: Span) -> bool:
    """'Ostland's economy has expanded by 7.5%', 'Imports rose by 2.7%', 'its US sales slipped 2.8%': a change the
    sentence tells of something other than shares or an index — it names another mover and no market word."""
    text = span_text(bounded_sent(value))
    return not _MARKET_WORDS.search(text) and bool(_OTHER_MOVERS.search(text))


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


#: a natural disaster in a story's headline makes its counts the disaster's
DISASTER_WORDS = re.compile(r"\b(?:earthquakes?|quakes?|tremors?|tsunamis?|floods?|flooding|hurricanes?|typhoons?|"
                            r"cyclones?|landslides?|mudslides?|eruptions?|avalanches?|wildfires?|tornado(?:es)?|"
                            r"aftershocks?)\b", re.IGNORECASE)
#: how far into a story its headline may run
DISASTER_HEADLINE = 400
#: a place's population, not a toll: "home to 120,000 people", "a city of 500,000", "200,000 residents"
POPULATION = re.compile(r"\b(?:home to|population(?: of)?|(?:city|town|village|island|province|district|region) "
                        r"of)\W*$", re.IGNORECASE)
POPULATION_NOUNS = ("resident", "inhabitant", "population")
#: names with these words report a toll; they do not count it (a survey, an agency, a broadcaster)
REPORTER_WORDS = {"survey", "agency", "news", "press", "bbc", "afp", "ap", "reuters", "irna", "xinhua", "centre",
                  "center", "television", "radio", "times", "post", "ministry", "office"}


def _disaster_country(doc: Doc, names: _Names, drafts: list[ClaimDraft]) -> None:
    """Counts in a natural disaster's story go to the country it struck (corpus/GUIDELINES.md, "Decided in
    adjudication", and R8), not to the town, island or district named nearest nor to the official or agency
    that gave the figure. The country is the one the disaster is placed in within the figure's sentence ("a
    quake in eastern China killed …"), else the first the story names (in its headline or opening: where it
    happened, before the places it was felt in). The story is a disaster's when its headline names one. A
    named actor (an army, the police, a company) keeps its count, and so does a place's population ("home to
    120,000 people", "a city of 500,000", "200,000 residents"). A toll the sentence gives for a place in the
    disaster area ("10 people were killed in Central Aceh district") keeps the place in its scope (GUIDELINES
    R8: ``person (kill) in Central Aceh``), so it is not compared with the country's total."""
    from claimcheck.resolve.entities import is_country

    headline = text_of(doc)[:DISASTER_HEADLINE].lstrip().split("\n", 1)[0]
    if not any(d.attribute == "count" for d in drafts) or not DISASTER_WORDS.search(headline):
        return
    countries = _struck_countries(doc)
    if not countries:
        return
    starts = [e.start for e in countries]
    for d in drafts:
        if d.attribute == "count" and is_country(d.subject_text):
            place = _populated_place(doc, d.span)
            if place:  # "struck Marsk island, home to 90,000 people": the island's population, not a toll
                d.subject_text = place
            continue
        if d.attribute != "count":
            continue
        mention = names.mention(d)
        if mention is None or not (mention.label_ in ("GPE", "LOC", "FAC", "PERSON", "NORP")
                                   or _is_reporter(mention) or _speaks_before(doc, mention, d.span)):
            continue
        if POPULATION.search(doc[max(0, d.span.start - 4):d.span.start].text) \
                or (d.scope or "").startswith(POPULATION_NOUNS):
            continue
        sent = bounded_sent(d.span)
        placed = [e for e in countries[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
                  if DISASTER_WORDS.search(doc[max(sent.start, e.start - 4):e.start].text)]
        local = [e for e in names.by_text.get(d.subject_text, []) if sent.start <= e.start < sent.end
                 and e.label_ in ("GPE", "LOC", "FAC")
                 and any(t.lower_ in ("in", "on", "at") for t in doc[max(sent.start, e.start - 3):e.start])]
        if d.scope and local:
            d.scope = f"{d.scope} in {d.subject_text}"  # R8: "Nine of the dead were in Kerang district"
        d.subject_text = _clean_name((placed or countries)[0].text) or d.subject_text


def _populated_place(doc: Doc, value: Span) -> str | None:
    """The place a population figure belongs to: "Marsk island, home to 90,000 people", "Ostberg, a city of
    500,000" — the place (not a country) named right before the population phrase in the sentence."""
    from claimcheck.resolve.entities import is_country

    lead = doc[max(0, value.start - 4):value.start]
    if not POPULATION.search(lead.text):
        return None
    sent = bounded_sent(value)
    places = [e for e in ents_in(sent) if e.end <= value.start - 1 and e.label_ in ("GPE", "LOC", "FAC")
              and value.start - e.end <= 6 and not is_country(e.text)]
    return _clean_name(places[-1].text) if places else None


#: what a disaster's story counts: its dead, hurt and homeless, and the homes and villages it hit
DISASTER_COUNTED = {"person", "people", "resident", "villager", "victim", "death", "body", "casualty", "child",
                    "student", "family", "house", "home", "building", "village", "school", "injured", "dead",
                    "survivor", "passenger", "tourist", "worker", "rescuer", "soldier", "aftershock"}


#: verbs by which a company counts what it cuts, hires, runs, makes or buys
_COUNT_VERBS = {"cut", "cuts", "cutting", "axe", "axes", "axed", "shed", "sheds", "shedding", "fire", "fires",
                "fired", "close", "closes", "closing", "closed", "hire", "hires", "hired", "hiring", "employs",
                "employed", "employing", "add", "adds", "added", "adding", "create", "creates", "created", "order",
                "orders", "ordered", "buy", "buys", "bought", "purchase", "purchased", "produces", "produced",
                "deliver", "delivers", "delivered", "build", "builds", "built", "open", "opens", "opened", "opening",
                "operates", "operated", "runs", "ran", "owns", "sold", "sells", "eliminate", "eliminated",
                "reduce", "reduced", "slash", "slashed", "lay", "laid", "launched"}
#: nouns a count of which is no company's tally (time, money, shares: other attributes hold those)
_NOT_TALLIES = {"year", "month", "week", "day", "hour", "minute", "percent", "point", "share", "time", "cent",
                "dollar", "euro", "pound", "yen", "basis", "mile", "kilometre", "kilometer", "degree", "stock"}


def _company_counts(doc: Doc, drafts: list[ClaimDraft], published, topics: set[str]) -> list[ClaimDraft]:
    """Drafts for a company's counts the linker linked to no one ("Arden Motors announced today it would cut
    11,500 jobs", "It currently produces twelve brands of car"): a number of something (not time, money,
    points or shares) after a verb of cutting, hiring, running, making or buying, within eight words and with
    no name, figure or ';' between. The counter is the verb's subject: the company name reached from the verb
    over auxiliaries, adverbs and a reporting frame ("announced today it would", "is seeking to", "have"), or,
    for 'it' or 'the company', the subject the linker gave two or more figures of the story the claim before it
    had. A common noun there ("the Veloria economy shed 512,000 jobs") is no company's."""
    from claimcheck.pipeline.context import nearest_verb
    from claimcheck.pipeline.mentions import counted_unit

    covered = {(d.span.start, d.span.end) for d in drafts}
    out: list[ClaimDraft] = []
    for v in doc.ents:
        if v.label_ != "CARDINAL" or (v.start, v.end) in covered:
            continue
        sent = bounded_sent(v)
        lead = doc[max(sent.start, v.start - 8):v.start]
        verb = next((t for t in reversed(lead) if t.lower_ in _COUNT_VERBS), None)
        if verb is None or any(t.text in (";", ":") or t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "ORG", "GPE")
                               for t in doc[verb.i + 1:v.start]):
            continue
        noun = counted_unit(v)
        if noun is None or noun in _NOT_TALLIES or POPULATION.search(doc[max(0, v.start - 4):v.start].text):
            continue
        subject = _counter_of(doc, verb, sent, v)
        if subject == "":  # a pronoun: the story's company before it
            subject = _story_company_before(drafts, topics, v.start)
        if not subject:
            continue
        quantity = _read(v, published)
        if quantity is None or not isinstance(quantity.value, int) or quantity.value < MIN_COUNT:
            continue
        near = nearest_verb(doc, v, sent)
        out.append(ClaimDraft(subject, "count", quantity, v, None, noun + (f" ({near})" if near else ""), 0.5))
    return out


#: aircraft makers: an order's count is the buyer's, not theirs
_AIRCRAFT_MAKERS = {"boeing", "airbus", "eads", "embraer", "bombardier", "mcdonnell", "lockheed", "fokker"}
#: words of an order before a count of aircraft: the count is the buyer's
_ORDER_WORDS = {"order", "orders", "ordered", "ordering", "options", "option", "buy", "buying", "bought", "purchase",
                "purchased", "lease", "leased", "acquire", "acquired"}


#: what a company counts whose level a change reaches ("its subscriber base grew to 2.6 million", "car sales climbed
#: 6% to 3.1 million")
_COUNTED_LEVELS = {"sales", "customers", "subscribers", "subscriber", "users", "passengers", "members", "employees",
                   "staff", "workforce", "vehicles", "units", "deliveries", "shipments", "visitors", "accounts",
                   "stores", "shops", "branches", "outlets", "listeners", "viewers", "readers", "clients"}


def _count_levels(doc: Doc, drafts: list[ClaimDraft], published, topics: set[str]) -> list[ClaimDraft]:
    """The level a company's count reached, told after a change verb and 'to', which the linker left: "its
    subscriber base grew to 2.6 million", "Velto's broadband customers climbed to 4.2 million", "Halden saw car
    sales climb 6% to 3.1 million" — a count of what the clause counts (a noun of :data:`_COUNTED_LEVELS`
    between the company and the verb, or right after the figure), for the company opening the sentence, else the
    company named last before the verb, else (for 'its') the story's company before it; not a percentage's
    figure ("to around 31 or 32 pct") nor a forecast's."""
    from claimcheck.pipeline.context import nearest_verb
    from claimcheck.pipeline.mentions import _noun_singular

    covered = {(d.span.start, d.span.end) for d in drafts}
    out: list[ClaimDraft] = []
    for v in doc.ents:
        if v.label_ != "CARDINAL" or (v.start, v.end) in covered or v.start < 2 or doc[v.start - 1].lower_ != "to":
            continue
        sent = bounded_sent(v)
        lead = doc[max(sent.start, v.start - 9):v.start - 1]
        verb = next((t for t in reversed(lead) if _CHANGE_VERBS.match(t.lower_) or t.lower_ in ("swelling", "swelled")),
                    None)
        if verb is None or any(t.ent_type_ in ("MONEY", "CARDINAL") or t.text in (";", ":")
                               for t in doc[verb.i + 1:v.start - 1]):
            continue
        if any(t.lower_ in ("pct", "percent", "%") for t in doc[v.end:min(sent.end, v.end + 3)]) \
                or _foretold(doc, v):
            continue  # "should fall to around 31 or 32 pct"; "expects its sales to climb 9% to 410,000"
        clause = doc[max(sent.start, verb.i - 8):verb.i]
        after = doc[v.end].lower_ if v.end < sent.end else ""
        noun = next((t.lower_ for t in reversed(clause) if t.lower_ in _COUNTED_LEVELS), None) \
            or (after if after in _COUNTED_LEVELS else None)
        if noun is None:
            continue
        names = [e for e in ents_in(sent) if e.label_ in NAME_LABELS]
        orgs = [e for e in names if e.label_ == "ORG" and e.end <= verb.i and not _is_ticker(doc, e)]
        subject = _opening_company(doc, names, doc[verb.i:verb.i + 1], sent) \
            or (_clean_name(orgs[-1].text) if orgs else None) \
            or (_story_company_before(drafts, topics, v.start) if any(t.lower_ in ("its", "their") for t in clause)
                else None)
        quantity = _read(v, published)
        if not subject or quantity is None or not isinstance(quantity.value, (int, float)) \
                or quantity.value < MIN_COUNT:
            continue
        near = nearest_verb(doc, v, sent)
        out.append(ClaimDraft(subject, "count", quantity, v, None,
                              _noun_singular(noun) + (f" ({near})" if near else ""), 0.5))
    return out


def _aircraft_maker(name: str) -> bool:
    """"Boeing Co", "Airbus Industrie", "EADS": a maker of aircraft, by the name's first word."""
    words = name.lower().split()
    return bool(words) and words[0] in _AIRCRAFT_MAKERS


def _aircraft_counts(doc: Doc, drafts: list[ClaimDraft], published, topics: set[str]) -> list[ClaimDraft]:
    """Counts of aircraft of a named model the linker left ("firm orders for 21 777s", "a fleet of 30 aircraft (24
    A320s and 6 A321s)"; GUIDELINES R6: the model family is the counted noun): the company named last before the
    figure in its sentence that is not an aircraft maker (the maker only where the sentence names no other
    company and tells of no order: "Airbus delivered 40 A300s"), else the story's company before it."""
    from claimcheck.pipeline.context import nearest_verb
    from claimcheck.pipeline.mentions import aircraft_counted

    covered = {(d.span.start, d.span.end) for d in drafts}
    out: list[ClaimDraft] = []
    for v in doc.ents:
        if v.label_ != "CARDINAL" or (v.start, v.end) in covered or (model := aircraft_counted(v)) is None:
            continue
        quantity = _read(v, published)
        if quantity is None or not isinstance(quantity.value, int) or quantity.value < MIN_COUNT:
            continue
        sent = bounded_sent(v)
        ordered = any(t.lower_ in _ORDER_WORDS for t in doc[sent.start:v.start])
        orgs = [e for e in ents_in(sent) if e.label_ == "ORG" and e.end <= v.start and not _is_ticker(doc, e)]
        users = [e for e in orgs if not _aircraft_maker(e.text)]  # (an "all-Airbus fleet" is the airline's)
        orgs = users or ([] if ordered else orgs)
        subject = _clean_name(orgs[-1].text) if orgs else _story_company_before(drafts, topics, v.start)
        if not subject or (ordered and _aircraft_maker(subject)):
            continue
        near = nearest_verb(doc, v, sent)
        out.append(ClaimDraft(subject, "count", quantity, v, None, model + (f" ({near})" if near else ""), 0.5))
    return out


#: words between a verb and its subject: auxiliaries, adverbs, a reporting frame ("said it would", "plans to")
_SUBJECT_GAP = {"would", "will", "could", "may", "might", "plans", "plan", "planned", "planning", "to", "is", "are",
                "was", "were", "has", "have", "had", "seeking", "seeks", "sought", "expects", "expected", "intends",
                "wants", "aims", "said", "says", "announced", "announces", "it", "currently", "also", "already",
                "now", "recently", "further", "then", "still", "be", "set", "going", "later", "today", "yesterday",
                "'", "’", "\"", "again", "just", "soon", "agreed", "decided", "hopes"}
_COMPANY_NOUNS = {"company", "firm", "group", "carmaker", "airline", "bank", "maker", "retailer", "manufacturer",
                  "insurer", "automaker", "chain", "operator"}


def _counter_of(doc: Doc, verb: Token, sent: Span, value: Span) -> str | None:
    """The company a count's verb has as its subject (see ``_company_counts``): its name, '' for a pronoun or
    'the company', None for anything else."""
    i, pronoun = verb.i - 1, False
    while i >= sent.start and (doc[i].lower_ in _SUBJECT_GAP or doc[i].ent_type_ == "DATE"):
        pronoun = pronoun or doc[i].lower_ == "it"
        i -= 1
    if i < sent.start:
        return "" if pronoun else None
    if doc[i].text == "," and not pronoun:  # "Kolt Steel, among the biggest makers of steel in the region, could cut …"
        opening = next((j for j in range(i - 1, max(sent.start, i - 14) - 1, -1) if doc[j].text == ","), None)
        if opening is not None and not any(t.ent_type_ in ("ORG", "PERSON", "GPE") or t.pos_ == "VERB"
                                           for t in doc[opening + 1:i]):
            i = opening - 1
    ent = next((e for e in ents_in(sent) if e.end == i + 1), None)
    if ent is not None and ent.label_ == "ORG" and not _is_ticker(doc, ent) \
            and not _is_source_mention(doc, ent, value, sent):
        return _clean_name(ent.text)
    if doc[i].lower_ in _COMPANY_NOUNS and i > sent.start and doc[i - 1].lower_ == "the":
        return ""
    return "" if pronoun and ent is None and not doc[i].is_alpha else None


#: a country named after these is where a disaster was felt or its waves reached, not where it struck ("felt as far
#: away as Ostland", "neighbouring countries, such as Ostland", "sent small tsunamis into Ostland's coast")
_FELT = re.compile(r"\b(?:felt|far away as|as far as|felt in|neighbouring|neighboring|such as|"
                   r"(?:tsunamis?|waves?) (?:into|onto|on))\W*(?:\w+\W+)?$", re.I)


def _struck_countries(doc: Doc) -> list[Span]:
    """The countries a disaster story names, in order, but those it was only felt in."""
    from claimcheck.resolve.entities import is_country

    return [e for e in doc.ents if e.label_ == "GPE" and is_country(e.text)
            and not _FELT.search(doc[max(0, e.start - 5):e.start].text) and not _institution_of(doc, e)]


def _institution_of(doc: Doc, country: Span) -> bool:
    """"Ostland's Meteorological Agency", "Ostland's coast guard": a country named as the owner of a body that reports
    or responds, not as the place struck."""
    if country.end + 1 >= len(doc) or doc[country.end].lower_ not in ("'s", "’s"):
        return False
    return any(t.lower_ in ("agency", "ministry", "service", "institute", "survey", "office", "guard", "government",
                            "centre", "center") for t in doc[country.end + 1:country.end + 4])


#: what a disaster did to what it counts
DISASTER_HARM = re.compile(r"\b(?:kill\w*|dead|deaths?|died|die|dying|injur\w*|wound\w*|hurt|damag\w*|destroy\w*|"
                           r"collaps\w*|evacuat\w*|displac\w*|fled|flee\w*|homeless|missing|buried|rescu\w*|"
                           r"shelter\w*|tents?|housed|razed|flatten\w*|recovered|swept|drown\w*|toll)\b", re.I)


def _disaster_counts(doc: Doc, drafts: list[ClaimDraft], published) -> list[ClaimDraft]:
    """Drafts for the counts of a natural disaster's story the linker linked to no one ("About 1,300 people were
    evacuated to tents", "six villages were badly damaged"): a number before a noun of what such a story counts,
    not a place's population; the subject is a placeholder ``_disaster_country`` replaces with the country (the
    story's first). Only in a story whose headline names a disaster and which names a country."""
    from claimcheck.pipeline.context import WEAK_VERBS, nearest_verb
    from claimcheck.pipeline.context import counted_noun as run_noun

    headline = text_of(doc)[:DISASTER_HEADLINE].lstrip().split("\n", 1)[0]
    if not DISASTER_WORDS.search(headline):
        return []
    country = next(iter(_struck_countries(doc)), None)
    if country is None:
        return []
    covered = {(d.span.start, d.span.end) for d in drafts}
    out: list[ClaimDraft] = []
    for v in doc.ents:
        if v.label_ != "CARDINAL" or (v.start, v.end) in covered or v.start < 1:
            continue
        sent = bounded_sent(v)
        noun = run_noun(doc, v, sent)
        if noun is None or noun not in DISASTER_COUNTED or POPULATION.search(doc[max(0, v.start - 4):v.start].text) \
                or not DISASTER_HARM.search(sent.text):
            continue  # "jobs for 12 million people": a figure of the region, not of the disaster
        quantity = _read(v, published)
        if quantity is None or not isinstance(quantity.value, (int, float)) or quantity.value < MIN_COUNT:
            continue
        verb = nearest_verb(doc, v, sent)
        if verb is None or verb in WEAK_VERBS:
            continue  # "200,000 residents", "we have seen 40 people with injuries": no telling what
        scope = f"{noun} ({verb})"  # the count is of, and so nothing it may be compared with
        out.append(ClaimDraft(_clean_name(country.text) or country.text, "count", quantity, v, None, scope, 0.5))
    return out


def _is_reporter(mention: Span) -> bool:
    """An agency or broadcaster giving a figure: a reporting word in its name ("Geological Survey", "IRNA")."""
    return bool(set(mention.text.casefold().replace(".", "").split()) & REPORTER_WORDS)


#: verbs by which someone gives a figure rather than does what it counts
_SPEECH_VERBS = {"said", "says", "told", "tells", "reported", "reports", "announced", "estimated", "confirmed",
                 "added", "stated"}


def _speaks_before(doc: Doc, mention: Span, value: Span) -> bool:
    """The name is the speaker of the clause the figure sits in ("Ada Lumo, governor of the island, said five
    villages were hit", "the police told reporters 12 people died"): a verb of saying follows it in the
    sentence, before the figure, with no other name between the verb and the figure. A speaker reports a
    disaster's count; it is not the count's actor."""
    if mention.end > value.start or bounded_sent(mention).start != bounded_sent(value).start:
        return False
    verb = next((t for t in doc[mention.end:value.start] if t.lower_ in _SPEECH_VERBS), None)
    if verb is None:
        return False
    start = verb.i + 1
    if verb.lower_ in ("told", "tells") and start < value.start and doc[start].ent_iob_ == "B":
        listener = next(e for e in doc.ents if e.start == start)  # "told AFP that …": the one told
        start = listener.end
    return not any(t.ent_type_ in NAME_LABELS for t in doc[start:value.start])


#: words that open a sentence without being a name ("Revenue rose 5%, according to …")
_NOT_NAME_STARTS = {"revenue", "revenues", "sales", "shares", "profit", "profits", "according", "citing", "analysts",
                    "investors", "earnings", "stocks", "net", "operating", "turnover", "prices", "analyst", "data",
                    "figures", "sources", "people", "officials", "bankers", "traders", "shareholders", "holders",
                    "customers", "consumers", "workers", "employees", "creditors", "taxpayers", "savers", "companies",
                    "firms", "banks", "governments", "states", "markets"}
#: a name right after these, after the value, is what the subject is compared with ("just below Chevron")
COMPARISON_LEADS = ("below", "above", "than", "behind", "ahead of", "overtaking", "surpassing", "like", "after",
                    "topping", "trailing", "compared with", "compared to", "versus", "rival")


#: the object of these is a deal's target; its price goes to the buyer, the clause subject ("agreed to take over
#: Dunmore for €700m" → the buyer's deal_value)
TARGET_LEADS = ("buy", "buys", "buying", "bought", "acquire", "acquires", "acquiring", "acquired", "take over",
                "takes over", "taking over", "took over", "purchase", "purchases", "purchasing", "purchased",
                "bid for", "bids for", "offer for", "merge with", "merger with", "acquisition of", "purchase of",
                "takeover of")


def _is_target_mention(doc: Doc, ent: Span) -> bool:
    lead = doc[max(0, ent.start - 2):ent.start].text.lower()
    return any(lead == w or lead.endswith(" " + w) for w in TARGET_LEADS)


#: words that may stand between a stake and the company it is a stake in ("13 pct of Arden stock", "a 70 pct
#: stake in Vessa", "9.8 pct of the class A shares of Kolt")
_STAKE_LINK = {"of", "in", "the", "stake", "interest", "holding", "shareholding", "its", "class", "a", "b", "common",
               "preferred", "voting", "outstanding", "shares", "stock", "'s", "’s"}
_PREPOSITIONS = {"of", "in", "from", "for", "to", "by", "with", "at", "on", "into", "than", "as"}


def _buyer_of_a_sale(doc: Doc, names: list[Span], seller: Span, value: Span, sent: Span) -> str | None:
    """The buyer of an active sale whose seller a deal's price was given to: the seller names the clause subject of
    'sell'/'sold' before the price, and the name after that verb's 'to' is the buyer ("Arden said it sold its
    coatings unit to Kolt for $90m", "agreed to sell the division to the Vessa Group of Oslo for 35 mln stg")
    (``_deal_party``, which reads unlinked prices so). None for a passive sale or no buyer named."""
    verb = next((t for t in doc[seller.end:value.start] if t.lower_ in SALE_VERBS), None)
    if verb is None or any(n.start > seller.end and n.end <= verb.i and n.label_ == "ORG" for n in names):
        return None
    buyer = _deal_party(doc, sent, names, verb, value)
    return buyer if buyer and buyer != _clean_name(seller.text) else None


def _is_seller_mention(doc: Doc, ent: Span, sent: Span) -> bool:
    """'Corby agreed to buy McGuinness from Heublein for $45m': the seller, after 'from' in a purchase."""
    if ent.start == 0 or doc[ent.start - 1].lower_ != "from":
        return False
    lead = doc[sent.start:ent.start].text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", lead) for w in TARGET_LEADS)


def _is_stake_object(doc: Doc, ent: Span, value: Span) -> bool:
    """The company a stake is held in, not its holder: '13 pct of Arden stock', 'a 70 pct stake in Kolt',
    '312,400 shares of Brackwood Corp, or 18.6 pct', 'raised its stake in Kolt to 38.5 pct'."""
    if ent.start >= value.end:
        between = [t.lower_ for t in doc[value.end:ent.start]]
        return bool(between) and set(between) <= _STAKE_LINK and bool({"of", "in"} & set(between))
    between = [t.lower_ for t in doc[ent.end:value.start]]
    lead = doc[max(0, ent.start - 2):ent.start].text.lower()
    if between in (["to"], ["from"]) and lead.split()[-2:] in (["stake", "in"], ["holding", "in"],
                                                               ["interest", "in"]):
        return True  # "raised its stake in Kolt to 38.5 pct"
    while between[:1] and between[0] in _STOCK_WORDS:  # "shares of Kolt common stock, equal to 6.3 pct"
        between = between[1:]
    said = between[1:] if between[:1] == [","] else between  # ", or", ", equal to", ", representing about"
    return bool(said) and set(said) <= _STAKE_APPOSED and said[0] in ("or", "equal", "representing") \
        and lead.split()[-2:] in (["shares", "of"], ["stock", "of"], ["shares", "in"], ["stock", "in"])


#: the kind of shares after a company's name ("shares of Kolt Inc class A common stock")
_STOCK_WORDS = {"common", "preferred", "class", "a", "b", "voting", "ordinary", "stock", "shares"}
#: the words that tell a stake after the shares it is ("312,400 shares of Kolt, equal to 6.3 pct")
_STAKE_APPOSED = {"or", "equal", "to", "representing", "about", "some", "nearly", "approximately", "roughly",
                  "almost"}


#: the words between a company's name and the stake its shares are: "Pelham shares, about 6.2 pct"
_SHARES_THEN_FIGURE = re.compile(r"(?:'s )?(?:common |class [ab] |preferred )?(?:shares|stock) ?,"
                                 r"(?: (?:or|about|some|nearly|approximately|representing))*")


def _held_company(doc: Doc, d: ClaimDraft) -> str | None:
    """The company a stake is held in (GUIDELINES: the stake's scope), when its sentence names it: "15 pct of
    Kestrel's shares", "a 20 pct stake in Kestrel Air", "Kestrel is 48.5 pct owned by Brandt"; never the holder."""
    value = d.span
    sent = bounded_sent(value)
    names, _ = _sentence_ents(doc, sent)
    orgs = [n for n in names if n.label_ == "ORG" and not _is_ticker(doc, n)]
    held = next((n for n in orgs if n.start >= value.end and _is_stake_object(doc, n, value)), None)
    if held is None and doc[value.end:value.end + 3].text.lower().replace(" - ", "-").startswith(("owned by",
                                                                                                 "-owned by")):
        # "Kestrel is 48.5 pct owned by Brandt", "Kestrel, 70 pct owned by Brandt": the name before the figure
        held = next((n for n in reversed(orgs) if n.end <= value.start
                     and {t.lower_ for t in doc[n.end:value.start]} <= {"is", "was", ",", "about", "some", "nearly",
                                                                         "now", "currently"}), None)
    if held is None:  # "bought 1,480,000 Pelham shares, about 6.2 pct", "312,400 shares of Pelham, or 18.6 pct"
        held = next((n for n in reversed(orgs) if n.end <= value.start and (
            _is_stake_object(doc, n, value) or _SHARES_THEN_FIGURE.fullmatch(doc[n.end:value.start].text.lower()))),
            None)
    name = _clean_name(held.text) if held is not None else None
    return name if name and name.casefold() != d.subject_text.casefold() else None


def _owned_by(doc: Doc, names: list[Span], value: Span) -> str | None:
    """'Ravine is 48.5 pct owned by Dunmore Holdings': the holder named after 'owned by'."""
    after = doc[value.end:value.end + 3]
    words = [t.lower_ for t in after]
    if words[:2] != ["owned", "by"] and words[:3] != ["-", "owned", "by"]:
        return None
    start = value.end + (2 if words[:2] == ["owned", "by"] else 3)
    holder = next((n for n in names if n.start in (start, start + 1)), None)
    return _clean_name(holder.text) if holder is not None else None


#: what a company has that a count of it names after the company's name ("52 Tarvel Bank branches", "9,000 Mirel
#: workers"): the company named inside such a counted phrase is its owner (a product's maker is not: "70 Boeing
#: planes", ``_is_maker_of_counted``)
_OWNED_UNITS = {"branch", "office", "store", "shop", "outlet", "plant", "factory", "mill", "hotel", "restaurant",
                "worker", "employee", "staff", "member", "subscriber", "customer", "depositor", "shareholder",
                "station", "mine", "refinery", "warehouse", "dealer", "agent", "pilot", "driver"}


def _owners_in_counted(doc: Doc, drafts: list[ClaimDraft]) -> None:
    """A count whose counted phrase names a company before what the company has ("40 of the 52 Tarvel Bank
    branches will be folded into Kolt Bank") is that company's, where the linker gave it to a name after the
    figure; a name before it, or one a pronoun stands for, is the clause's subject, which may run another's
    outlets ("Orvane Foods runs 120 Pellam Burger restaurants", "it keeps 40 Pellam offices")."""
    for d in drafts:
        if d.attribute != "count" or d.span.end >= len(doc):
            continue
        sent = bounded_sent(d.span)
        names = _sentence_ents(doc, sent)[0]
        told = _mentions_named(names, d.subject_text)
        if not told or any(n.end <= d.span.start for n in told):  # a pronoun's company or the clause's subject
            continue
        ent = ent_of(doc[d.span.end])
        if ent is None or ent.label_ != "ORG" or ent.start != d.span.end or ent.end >= len(doc):
            continue
        word = doc[ent.end].lower_
        if not {word, word[:-1], word[:-2]} & _OWNED_UNITS:  # "branches", "workers", "staff"
            continue
        name = _clean_name(ent.text)
        if name:
            d.subject_text = name


def _is_maker_of_counted(doc: Doc, ent: Span, value: Span) -> bool:
    """'an order for 70 Boeing 737-800 planes': a maker's name inside the counted phrase, not who counts."""
    return ent.label_ == "ORG" and ent.start == value.end and ent.end < len(doc) and not doc[ent.end].is_punct \
        and doc[ent.end].pos_ not in ("VERB", "AUX")


def _clause_subject(doc: Doc, names: list[Span], mention: Span, value: Span, sent: Span) -> str | None:
    """The first name of the sentence before the value that is no source, ticker or prepositional object, other
    than ``mention``: the clause subject that holds, buys or counts; the leader of an unnamed group names it ("an
    investor group led by Carl Berwin said it holds 412,300 shares of Tollan, equal to 6.3 pct")."""
    for n in names:
        if n.start >= value.start or n.start == mention.start:
            continue
        if _is_ticker(doc, n) or _is_source_mention(doc, n, value, sent):
            continue
        if n.start > sent.start and doc[n.start - 1].lower_ in _PREPOSITIONS \
                and not (n.start - 2 >= sent.start and doc[n.start - 1].lower_ == "by"
                         and doc[n.start - 2].lower_ in ("led", "headed")):
            continue
        return _clean_name(n.text)
    return None


#: nouns of what a company sells, before a list of their names ("brands such as Sunny Oats, Velta and Crunchbar")
_BRAND_NOUNS = {"brand", "brands", "label", "labels", "marque", "marques", "product", "products", "titles", "drinks",
                "beers", "cars", "models"}


def _is_listed_brand(doc: Doc, ent: Span, sent: Span) -> bool:
    """A name in a list of products or brands ("brands such as Sunny Oats, Velta and Crunchbar", "its brands -
    including Velta and Crunchbar"): a thing the company sells, not the figure's subject; only names, commas
    and 'and' (or capitalised words the NER left: "Dairy Crisp") stand between the list's lead and the name."""
    k = ent.start - 1
    while k > sent.start and (doc[k].ent_type_ in ("ORG", "PERSON", "GPE", "PRODUCT", "NORP") or doc[k].is_title
                              or doc[k].text == "," or doc[k].lower_ == "and"):
        k -= 1
    if doc[k].lower_ in ("including", "like"):
        lead = k - 2 if k - 1 >= sent.start and doc[k - 1].text in ("-", "–", ",") else k - 1  # "brands - including"
        return lead >= sent.start and doc[lead].lower_ in _BRAND_NOUNS
    return doc[k].lower_ == "as" and k - 2 >= sent.start and doc[k - 1].lower_ == "such" \
        and doc[k - 2].lower_ in _BRAND_NOUNS


def _is_comparison_mention(doc: Doc, ent: Span, value: Span) -> bool:
    """'valued at $231bn, just below Chevron': the company compared with, after the value."""
    if ent.start < value.end:
        return False
    lead = doc[max(value.end, ent.start - 2):ent.start].text.lower()
    return any(lead == w or lead.endswith((" " + w, "," + w)) for w in COMPARISON_LEADS)


def _sentence_start_name(doc: Doc, sent: Span, value: Span) -> str | None:
    """The capitalised words opening the sentence, when they look like a name the NER missed ("Corvex earned
    about 2% …, according to Ledger News")."""
    end = _opening_run_end(doc, sent, value)
    return _clean_name(doc[sent.start:end].text) if end > sent.start else None


def _opening_run_end(doc: Doc, sent: Span, value: Span) -> int:
    """Where the run of capitalised words opening the sentence (at most four, no stop word) ends."""
    end = sent.start
    while end < value.start and doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].is_stop \
            and doc[end].lower_ not in _NOT_NAME_STARTS and end - sent.start < 4:
        end += 1
    return end


def _unread_opening(doc: Doc, names: list[Span], sent: Span, value: Span) -> str | None:
    """A name the NER left opening a sentence whose verb states the figure right after it ("Brenlow raised $40m",
    "Brenlow is valued at $2bn", "Brenlow has earned $3m"): the capitalised words at the start (as
    ``_sentence_start_name`` reads them), only with no name before the figure and at most three lower-case words
    (the verb phrase) between them and it."""
    if any(n.start < value.start for n in names):
        return None
    end = _opening_run_end(doc, sent, value)
    gap = doc[end:value.start]
    if end == sent.start or not (0 < len(gap) <= 3 and all(t.is_alpha and t.is_lower for t in gap)):
        return None
    return _clean_name(doc[sent.start:end].text)


def _current_names(doc: Doc, drafts: list[ClaimDraft]) -> None:
    """A company the story names by its former name ("<New Arden Group Inc>, formerly Arden Carpets Ltd, said …")
    holds every figure given to that former name, under the name it goes by now."""
    ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
    renamed = {}
    for e in ents:
        if e.start > 1 and doc[e.start - 1].lower_ in ("formerly", "previously", "as", "known", "named", "called"):
            current = _current_name(doc, ents, e)
            former = _clean_name(e.text)
            if current and former and current != former:
                renamed[former] = current
    if renamed:
        for d in drafts:
            d.subject_text = renamed.get(d.subject_text, d.subject_text)


#: the words between a parent and the subsidiary that acts for it: "Tarn Holdings' subsidiary Veld Oil",
#: "Tarn Corp's wholly owned unit Veld", "Tarn said its Veld Oil subsidiary", "Tarn said wholly-owned Veld",
#: "<Tarn Holdings PLC>'s Veld Oil Corp subsidiary" (a bare possessive: "subsidiary" or "unit" after the name)
_PARENT_THEN_UNIT = re.compile(r"(?:'s?|’s?)\s+(?:wholly[- ]owned\s+)?(?:subsidiary|unit)\s*,?\s*<?$|"
                               r"^>?(?:'s|’s)\s*<?$|"
                               r"\s+said\s+(?:that\s+)?(?:its\s+)?(?:wholly[- ]owned\s+)?"
                               r"(?:(?:subsidiary|unit)\s*,?\s+)?<?$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"^>?\s*(?:subsidiary|unit)\b", re.IGNORECASE)


def _acting_units(doc: Doc, drafts: list[ClaimDraft]) -> None:
    """A figure given to a parent company whose sentence says its subsidiary acts goes to the subsidiary, the
    clause's subject: "Tarn Holdings' subsidiary Veld Oil said its new price list applies from May 9",
    "Tarn said its Veld Oil subsidiary will redeem its preferred stock on June 2" — Veld Oil's, not Tarn's."""
    for d in drafts:
        sent = bounded_sent(d.span)
        names = [n for n in _sentence_ents(doc, sent)[0] if n.label_ == "ORG" and n.end <= d.span.start]
        parent = next(iter(_mentions_named(names, d.subject_text)), None)
        if parent is None:
            continue
        unit = next((n for n in names if n.start > parent.end), None)
        if unit is None or any(t.is_sent_start for t in doc[parent.end:unit.start + 1]) or unit.start - parent.end > 6:
            continue
        text = text_of(doc)  # (Doc.text joins every token on each read)
        between = text[parent.end_char:unit.start_char]
        words = between.lower()
        # a bare "Tarn said Veld ..." or "Tarn's Veld ..." names a unit only when 'subsidiary' or 'unit' follows
        bare_said = "said" in words and "its" not in words and "owned" not in words
        bare_possessive = "said" not in words and not re.search(r"subsidiary|unit", words)
        if not _PARENT_THEN_UNIT.search(between) \
                or ((bare_said or bare_possessive) and not _UNIT_AFTER.match(text[unit.end_char:])):
            continue
        name = _clean_name(unit.text)
        if name:
            d.subject_text = name


def _relative_clause_holders(doc: Doc, drafts: list[ClaimDraft]) -> None:
    """A figure given to a name inside a relative clause ("…, who runs Varner Capital Inc, plans to buy 31 pct …",
    "…, which owns Pellam Corp, said it earned …") goes to the name the clause hangs on, the main clause's subject,
    when the figure comes after the clause's closing comma."""
    for d in drafts:
        sent = bounded_sent(d.span)
        names = [n for n in _sentence_ents(doc, sent)[0] if n.end <= d.span.start]
        mention = _mention_of(names, d.subject_text, d.span)
        if mention is None or mention.start < sent.start + 3:
            continue
        opener = next((t.i for t in reversed(doc[sent.start:mention.start]) if t.text in (",", ";")), None)
        if opener is None or opener + 1 >= mention.start or doc[opener + 1].lower_ not in ("who", "which") \
                or opener + 9 < mention.start:
            continue
        closer = next((t.i for t in doc[mention.end:d.span.start] if t.text == ","), None)
        if closer is None or closer != mention.end:  # the clause ends with the name, then the main verb
            continue
        head = next((n for n in names if n.end == opener and n.label_ in ("ORG", "PERSON")), None)
        name = _clean_name(head.text) if head is not None else None
        if name:
            d.subject_text = name


def _current_name(doc: Doc, names: list[Span], mention: Span) -> str | None:
    """The name a company goes by now, when the mention is its former name: "Arden Group, formerly Kolt Carpets
    Ltd," and "Arden Group (formerly known as Kolt)" name one company, the first name being the current one."""
    i = mention.start - 1
    while i >= 0 and doc[i].lower_ in ("known", "as", "named", "called"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("formerly", "previously"):
        return None
    if doc[i - 1].text not in (",", "("):
        return None
    end = i - 1
    while end > 0 and doc[end - 1].text in (">", ")") and doc[end - 1].ent_type_ == "":
        end -= 1  # "<New Arden Group Inc>, formerly …"
    before = next((n for n in names if n.end == end and n.label_ == "ORG"), None)
    return _clean_name(before.text) if before is not None else None


def _given_stake(doc: Doc, names: list[Span], value: Span, sent: Span) -> str | None:
    """'will give Arden a 53 pct stake in Kolt': the one given the stake holds it."""
    if value.start < 3 or doc[value.start - 1].lower_ not in ("a", "an"):
        return None
    holder = next((n for n in names if n.end == value.start - 1 and n.start > sent.start), None)
    if holder is None or doc[holder.start - 1].lower_ not in ("give", "gives", "giving", "gave", "given"):
        return None
    return _clean_name(holder.text)


def _mentions_named(names: list[Span], subject: str) -> list[Span]:
    """The mentions among ``names`` that a draft's subject was read from (its cleaned name, or its text)."""
    return [n for n in names if _clean_name(n.text) == subject or n.text == subject]


def _mention_of(names: list[Span], subject: str, value: Span) -> Span | None:
    """The name mention of the sentence a draft's subject was read from (the nearest one to the value)."""
    same = _mentions_named(names, subject)
    if not same:
        return None
    return min(same, key=lambda n: abs(n.start - value.start))


def _respectively(doc: Doc, names: list[Span], values: list[Span], drafts: list[ClaimDraft], published,
                  sent: Span | None = None) -> None:
    """A 'respectively' list: N names before a run of N values pair up in order. The names are the tagged ones,
    or, where the NER missed or merged names of the list ("Tiverne and Sarne operate 340 and 125 stores"), the
    coordinated capitalised names before the values (``_coordinated_names``). The values share one attribute:
    a draft's of the run, else the one the sentence's words give (``_list_attribute``). "Sarne paid $85m and
    $40m for Holloway and Fennick respectively" prices two purchases of one buyer."""
    for run in _runs(doc, values):
        if len({v.label_ for v in run}) != 1:
            continue
        lists = [r for r in _runs(doc, names) if len(r) == len(run) and r[-1].end <= run[0].start]
        if not lists:  # "Arden (ARD.L) and Kolt (KLT.L) fell 4.1% and 3.6% respectively"
            lists = [r for r in _runs(doc, [n for n in names if not _is_ticker(doc, n)], tickers=True)
                     if len(r) == len(run) and r[-1].end <= run[0].start]
        if not lists and sent is not None:
            lists = [r for r in [_coordinated_names(doc, sent, names, run[0].start)] if len(r) == len(run)]
        model = next((drafts[j] for v in run for j in _draft_at(drafts, v)), None)
        if model is None and sent is not None:
            model = _list_model(doc, sent, names, run, published)
        if model is None:
            continue
        if not lists:
            if model.attribute == "deal_value" and model.subject_text != "?":
                for value in run:  # one buyer's purchases, the targets listed after 'for'
                    _give(drafts, model, model.subject_text, value, published)
            continue
        for name, value in zip(lists[-1], run):
            subject = _clean_name(name.text)
            if subject is None:
                continue
            _give(drafts, model, subject, value, published)


#: words that open a sentence or a clause capitalised without being a name
_NOT_LIST_NAMES = {"the", "in", "at", "on", "for", "shares", "profits", "profit", "revenue", "revenues", "sales",
                   "both", "while", "but", "and", "after", "as", "by", "of", "from", "with", "between", "among"}


def _coordinated_names(doc: Doc, sent: Span, names: list[Span], end: int) -> list[Span]:
    """The last coordinated list of names before token ``end`` in the sentence ("Maddox, Ellery and Mirrowby",
    "Castlemoor Corp and Tiverne Inc" tagged as one name): runs of capitalised words (or words of a tagged name)
    joined by ',', 'and' or '&', at least one of them overlapping a tagged name. Spans of the document, not
    entities."""
    tagged = {t.i for n in names for t in n}
    chunks: list[tuple[int, int]] = []
    i = sent.start
    while i < end:
        t = doc[i]
        name_like = (t.i in tagged or (t.is_alpha and (t.is_title or t.is_upper))) \
            and t.lower_ not in _LIST_JOINERS and t.lower_ not in _NOT_LIST_NAMES
        if not name_like:
            i += 1
            continue
        j = i
        while j < end and (doc[j].i in tagged or (doc[j].is_alpha and (doc[j].is_title or doc[j].is_upper))) \
                and doc[j].lower_ not in _LIST_JOINERS and doc[j].lower_ not in _NOT_LIST_NAMES:
            j += 1
        chunks.append((i, j))
        i = j
    best: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for c in chunks:
        between = doc[current[-1][1]:c[0]] if current else doc[c[0]:c[0]]
        if len(between) > 0 and all(t.lower_ in _LIST_JOINERS for t in between):
            current.append(c)
        else:
            current = [c]
        if len(current) >= 2:
            best = list(current)
    if len(best) < 2 or best[-1][1] < end - 8 or not any(k in tagged for a, b in best for k in range(a, b)):
        return []
    return [Span(doc, a, b, label="ORG") for a, b in best]


def _list_model(doc: Doc, sent: Span, names: list[Span], run: list[Span], published) -> ClaimDraft | None:
    """A draft for the first value of a 'respectively' list the linker linked to no one, its attribute read from
    the sentence's words (``_list_attribute``); its subject is a placeholder the list's names replace, or, for a
    buyer's purchases, the company opening the sentence."""
    attribute = _list_attribute(doc, sent, run)
    if attribute is None:
        return None
    first = run[0]
    quantity = normalize_span(first, published)
    if quantity is None:
        return None
    subject = "?"
    scope = None
    if attribute == "deal_value":
        subject = _opening_company(doc, names, first, sent) or ""
        if not subject:
            return None
    if attribute == "count":
        from claimcheck.pipeline.context import nearest_verb
        from claimcheck.pipeline.mentions import counted_unit

        noun = counted_unit(run[-1])  # "340 and 125 stores": the noun after the last value counts them all
        if noun is None or noun in _NOT_TALLIES:
            return None
        verb = nearest_verb(doc, first, sent)
        scope = noun + (f" ({verb})" if verb else "")
    period = _period_in(sent, first, published) if attribute in PERIOD_ATTRIBUTES else None
    return ClaimDraft(subject, attribute, quantity, first, period, scope, 0.5)


def _list_attribute(doc: Doc, sent: Span, run: list[Span]) -> str | None:
    """What the values of a 'respectively' list are, from the words of their sentence before them."""
    words = {t.lower_ for t in doc[sent.start:run[0].start]}
    after = {t.lower_ for t in doc[run[-1].end:min(sent.end, run[-1].end + 3)]}
    label = run[0].label_
    if label == "PERCENT":
        if words & {"stake", "stakes"} or (words & _STAKE_VERBS and "of" in after):
            return "stake"
        if words & {"shares", "share", "stock", "stocks", "gainers", "losers", "gainer", "loser", "index", "ftse",
                    "dow", "nikkei", "nasdaq", "trading"}:
            return "share_price_change"
        if words & {"profit", "profits", "earnings"}:
            return "profit_growth"
        if words & {"revenue", "revenues", "sales", "turnover"}:
            return "revenue_growth"
        return None
    if label == "MONEY":
        if words & {"earned", "earn", "earns", "profit", "profits"}:
            return "profit"
        if words & {"lost", "loss", "losses"}:
            return "loss"
        if words & {"revenue", "revenues", "sales", "turnover"}:
            return "revenue"
        if words & {"paid", "pay", "pays", "bought", "buy", "acquired"} and "for" in after:
            return "deal_value"
        if words & {"raised", "raise", "raises"}:
            return "funding"
        if words & {"valued", "worth", "valuation", "valuations"}:
            return "valuation"
        return None
    if label == "CARDINAL":
        return "count"
    return None


def _give(drafts: list[ClaimDraft], model: ClaimDraft, subject: str, value: Span, published) -> None:
    """``value`` is ``subject``'s, with the attribute of ``model`` (the list's or the first clause's value: the
    values of a parallel list or a gapped clause share one verb, so one attribute)."""
    found = _draft_at(drafts, value)
    for j in found:
        drafts[j].subject_text = subject
        if drafts[j].attribute != model.attribute:
            drafts[j].attribute = model.attribute
            drafts[j].as_of = None
            drafts[j].__post_init__()
    if not found:
        copy = _copy_to(model, subject, value, published)
        if copy is not None:
            drafts.append(copy)


def _gapping(doc: Doc, names: list[Span], values: list[Span], drafts: list[ClaimDraft], published) -> None:
    for k, value in enumerate(values):
        if k == 0:
            continue
        gap = [n for n in names if n.end <= value.start and n.start > values[k - 1].end
               and all(t.lower_ in _GAP_WORDS or t.text == ">" for t in doc[n.end:value.start])
               and value.start - n.end <= 3]
        if not gap:
            gap = _unnamed_remnant(doc, values[k - 1], value)
        if not gap:
            continue
        name = gap[-1]
        # a wire's bracketed name: ", <Tamworth Oil and Gas Corp> 15 pct"
        lead = name.start - 1 if name.start > 1 and doc[name.start - 1].text == "<" else name.start
        before = doc[lead - 1].lower_ if lead > 0 else ""
        if before not in (",", "and", ";") or doc[name.end:value.start].text.lower().startswith("of"):
            continue
        first = values[k - 1]
        if first.label_ != value.label_:
            continue
        model_ids = _draft_at(drafts, first)
        if not model_ids:
            continue
        subject = _clean_name(name.text)
        if subject is None:
            continue
        model = drafts[model_ids[0]]
        if model.subject_text == subject:  # the first value was given the gapped name: its clause's subject
            earlier = [n for n in names if n.end <= first.start]
            if not earlier:  # a name the tagger missed at the start of the sentence ("Ravine raised $70m and …")
                sent = bounded_sent(first)
                end = sent.start
                while end < first.start and doc[end].is_alpha and doc[end].text[:1].isupper() \
                        and not doc[end].is_stop:
                    end += 1
                earlier = [doc[sent.start:end]] if end > sent.start else []
            if earlier and _clean_name(earlier[0].text):
                model.subject_text = _clean_name(earlier[0].text) or model.subject_text
        _give(drafts, model, subject, value, published)


def _unnamed_remnant(doc: Doc, first: Span, value: Span) -> list[Span]:
    """A gapped clause's name the NER left out: capitalised words between ',' / 'and' and the value, with only
    'at', 'to', "'s" between ("Kolt earned €300m, Sibley €90m")."""
    end = value.start
    while end > first.end and doc[end - 1].lower_ in _GAP_WORDS - {","} and value.start - end < 2:
        end -= 1
    start = end
    while start > first.end and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() \
            and not doc[start - 1].is_stop and end - start < 4:
        start -= 1
    if start == end or doc[start - 1].lower_ not in (",", "and", ";"):
        return []
    return [Span(doc, start, end, label="ORG")]


def _is_bid_price(doc: Doc, value: Span) -> bool:
    """'$54.20 a share' offered in a bid, paid in a takeover, or a market price — not a listing's offer price.

    The nearest cue before the value in its clause decides ("sold at $38 in the offering and opened at $42":
    $38 is the offer price, $42 a market price)."""
    sent = bounded_sent(value)
    after = doc[value.end:min(sent.end, value.end + 4)].text.lower()
    lead = doc[max(sent.start, value.start - 3):value.start].text.lower()
    if not after.startswith(_SHARE_AFTER) and not lead.endswith(("bid of", "offer of", "trade at", "trades at",
                                                                  "closed at", "opened at")):
        return False
    for t in reversed(doc[max(sent.start, value.start - 12):value.start]):
        word = t.lower_
        nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
        if word in LISTING_PRICE_WORDS or (word == "offer" and nxt in ("price", "range")):
            return False
        if word in BID_WORDS:
            return True
        if word in (";",):
            break
    return False
