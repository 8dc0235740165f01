"""From a chosen (name, value, attribute) link to a claim draft: value, period and scope from the text around it.

The trained linker decides *which* name a value is about and *what* it states;
this module only reads the words around the pair, without a parser:

* the **period** is the nearest period phrase in the sentence (``_period_in`` of
  the rule module: "in 2018", "in the year to March", baselines "a year earlier");
* the **scope** of a count is the counted noun and the nearest event verb
  ("28 entities were added" → ``entity (add)``); of an event date, the verb
  ("took effect on October 9" → ``take``); of a revenue figure, a place or
  region word next to it ("came from Xinjiang", "overseas sales").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from claimcheck.pipeline.claims import (SCOPE_WORDS, ClaimDraft, _clean_name, _index_name, _period_in, revise_drafts,
                                        story_source)
from claimcheck.pipeline.mentions import DAYFIRST_KEY, PUBLISHED_KEY, claim_reading
from claimcheck.pipeline.pairs import sentence_ids
from claimcheck.pipeline.spans import ents_in
from claimcheck.vocabulary import DATE_ATTRIBUTES, PERIOD_ATTRIBUTES, SCOPE_VERBS, scope_verb_forms

#: inflected form → lemma, for the verbs that name what happened to counted things or on a date: the one list is
#: ``vocabulary.SCOPE_VERBS``, whose participles the cross-check writes in its messages ("entities added")
VERBS = {form: lemma for lemma in SCOPE_VERBS for form in scope_verb_forms(lemma)}
WEAK_VERBS = {"have"}


#: plurals the suffix rules would get wrong
_SAME_IN_PLURAL = {"series", "species", "means", "news", "headquarters", "aircraft", "sheep", "data"}


def _singular(word: str) -> str:
    w = word.lower()
    if w in _SAME_IN_PLURAL:
        return w
    if len(w) > 4 and re.search(r"(?:bus|gas)es$", w):
        return w[:-2]  # buses, gases
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(ss|sh|ch|x)es$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def sentence_span(doc, i: int, sents=None) -> Span:
    if doc.has_annotation("SENT_START"):
        return doc[i].sent
    sents = sentence_ids(doc) if sents is None else sents
    lo = hi = i
    while lo > 0 and sents[lo - 1] == sents[i]:
        lo -= 1
    while hi < len(doc) and sents[hi] == sents[i]:
        hi += 1
    return doc[lo:hi]


def counted_noun(doc, value: Span, sent: Span) -> str | None:
    """'28 Chinese entities' → 'entity': the last word of the run of plain words right after the number."""
    run = []
    for t in doc[value.end:min(sent.end, value.end + 4)]:
        # "US" is no stop word "us": a capitalised stop word inside the run is a name
        if t.is_alpha and not (t.is_stop and t.is_lower) and (not t.ent_type_ or t.ent_type_ in ("NORP", "GPE")):
            run.append(t)
        else:
            break
    words = [t for t in run if not t.ent_type_]
    return _singular(words[-1].text) if words else None


def nearest_verb(doc, value: Span, sent: Span) -> str | None:
    best = None
    for t in sent:
        lemma = VERBS.get(t.lower_)
        if lemma is None or value.start <= t.i < value.end:
            continue
        if t.i > sent.start and t.text[:1].isupper():
            continue  # a capitalised word inside the sentence is a name ("its Entity List"), not the verb
        distance = value.start - t.i if t.i < value.start else t.i - value.end + 2
        if best is None or (lemma not in WEAK_VERBS, -distance) > (best[0] not in WEAK_VERBS, -best[1]):
            best = (lemma, distance)
    return best[0] if best else None


def region_scope(doc, value: Span, sent: Span, subject: str) -> str | None:
    """A place or region a revenue figure covers: 'from Xinjiang', 'in China', 'overseas sales'."""
    for t in doc[max(sent.start, value.start - 6):min(sent.end, value.end + 8)]:
        if t.lower_ in SCOPE_WORDS:
            return t.lower_
    for ent in ents_in(sent):
        if ent.label_ not in ("GPE", "LOC") or ent.text == subject:
            continue
        before = doc[ent.start - 1].lower_ if ent.start > sent.start else ""
        close = -6 <= ent.start - value.end <= 10 or -10 <= value.start - ent.end <= 6
        if close and before in ("from", "in", "across"):
            return ent.text
    return None


def drafts_from_links(doc, links) -> list[ClaimDraft]:
    """Claim drafts for the linker's chosen (pair, attribute, probability) links."""
    published = doc.user_data.get(PUBLISHED_KEY)
    dayfirst = bool(doc.user_data.get(DAYFIRST_KEY, False))
    ents = {(e.start, e.end): e for e in doc.ents}
    sents = None if doc.has_annotation("SENT_START") else sentence_ids(doc)
    drafts = []
    for pair, attribute, probability, attribute_score in links:
        value = ents.get(pair.value) or Span(doc, pair.value[0], pair.value[1], label=pair.value_label)
        name = doc[pair.subject[0]:pair.subject[1]].text
        subject = _clean_name(name) or story_source(doc, name) \
            or (_index_name(name) if attribute == "share_price_change" else None)  # "the Nasdaq rose 0.7%"
        if subject is None:
            continue
        quantity = claim_reading(value, published, dayfirst=dayfirst)
        if quantity is None:
            continue
        if attribute in DATE_ATTRIBUTES and (quantity.kind == "year" or len(str(quantity.value)) < 10):
            continue  # a year or a month is a period, not the day of an event
        if attribute == "count" and not isinstance(quantity.value, (int, float)):
            continue
        if (quantity.unit == "date") != (attribute in DATE_ATTRIBUTES):
            continue  # a date is no profit ("published 25/11/2019"), an amount no listing date
        sent = sentence_span(doc, value.start, sents)
        period = _period_in(sent, value, published) if attribute in PERIOD_ATTRIBUTES else None
        scope = None
        if attribute == "count":
            noun = counted_noun(doc, value, sent)
            verb = nearest_verb(doc, value, sent)
            scope = (noun + (f" ({verb})" if verb else "")) if noun else None
        elif attribute == "event_date":
            scope = nearest_verb(doc, value, sent)
        elif attribute in PERIOD_ATTRIBUTES:
            scope = region_scope(doc, value, sent, subject)
        drafts.append(ClaimDraft(subject, attribute, quantity, value, period, scope, round(probability, 3),
                                 attribute_score))
    return revise_drafts(doc, drafts)
