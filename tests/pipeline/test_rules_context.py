"""Unit tests of ``claimcheck.pipeline.context``: from a (name, value, attribute) link chosen by the trained linker
to a claim draft, with the period, the scope of a count or event date and the region of a revenue figure read from
the words around the pair.

The module works without a parser: each ``Doc`` comes from the project's tokenizer (``spacy.blank("en")`` with
``adjust_tokenizer``) with its entities set by hand. The sentences are our own.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from claimcheck.pipeline import context as X
from claimcheck.pipeline.mentions import DAYFIRST_KEY, PUBLISHED_KEY
from claimcheck.pipeline.pairs import Pair, sentence_ids
from rule_docs import make, tokenizer_only


@pytest.fixture(scope="module")
def nlp():
    """The project's tokenizer alone (this overrides the session pipeline fixture)."""
    return tokenizer_only()



def value_and_sentence(doc: Doc, text: str):
    [value] = [e for e in doc.ents if e.text == text]
    return value, X.sentence_span(doc, value.start)


@pytest.mark.parametrize(("word", "singular"), [
    ("entities", "entity"),
    ("companies", "company"),
    ("branches", "branch"),
    ("boxes", "box"),
    ("dishes", "dish"),
    ("businesses", "business"),
    ("banks", "bank"),
    ("Employees", "employee"),
    ("jobs", "job"),
    ("toys", "toy"),
    ("status", "status"),  # not plurals
    ("analysis", "analysis"),
    ("class", "class"),
    ("gas", "gas"),
    ("staff", "staff"),
    ("ties", "tie"),  # too short for the -ies rule: only the s goes
])
def test_singular(word, singular):
    assert X._singular(word) == singular


def test_verbs_map_inflections_to_lemmas():
    assert (X.VERBS["added"], X.VERBS["took"], X.VERBS["sold"], X.VERBS["laid"], X.VERBS["began"]) == \
        ("add", "take", "sell", "lay", "begin")
    assert "said" not in X.VERBS  # reporting "said" names no event


def test_sentence_span_with_and_without_sentence_annotation(nlp):
    text = "Acme grew. It hired 300 staff. Beta shrank."
    parsed = make(nlp, text, [("300", "CARDINAL")], sentences=True)
    assert X.sentence_span(parsed, parsed.ents[0].start).text == "It hired 300 staff."
    bare = make(nlp, text, [("300", "CARDINAL")])
    assert not bare.has_annotation("SENT_START")
    assert X.sentence_span(bare, bare.ents[0].start).text == "It hired 300 staff."  # split at full stops
    assert X.sentence_span(bare, 0, sentence_ids(bare)).text == "Acme grew."


@pytest.mark.parametrize(("text", "ents", "value", "noun"), [
    ("The US added 28 Chinese entities to the list.", [("US", "GPE"), ("28", "CARDINAL"), ("Chinese", "NORP")],
     "28", "entity"),  # a nationality inside the run is skipped
    ("Acme closed 14 restaurants since January.", [("Acme", "ORG"), ("14", "CARDINAL"), ("January", "DATE")],
     "14", "restaurant"),
    ("Acme opened 12 large new stores in May.", [("12", "CARDINAL")], "12", "store"),  # the last plain word
    ("Acme has 3 of the banks.", [("3", "CARDINAL")], "3", None),  # "of": a subset, no counted noun
    ("Acme bought 3 Beta Corp units.", [("3", "CARDINAL"), ("Beta Corp", "ORG")], "3", None),  # a name stops the run
    ("The tally was 45.", [("45", "CARDINAL")], "45", None),
    ("Acme sold 45, Beta 30.", [("45", "CARDINAL")], "45", None),
])
def test_counted_noun(nlp, text, ents, value, noun):
    doc = make(nlp, text, ents)
    assert X.counted_noun(doc, *value_and_sentence(doc, value)) == noun


def test_counted_noun_reads_at_most_four_words_and_stays_in_the_sentence(nlp):
    doc = make(nlp, "Acme added 12 big new shiny green vans.", [("12", "CARDINAL")])
    assert X.counted_noun(doc, *value_and_sentence(doc, "12")) == "green"
    doc = make(nlp, "Acme added 12. Vans were next.", [("12", "CARDINAL")], sentences=True)
    assert X.counted_noun(doc, *value_and_sentence(doc, "12")) is None


@pytest.mark.parametrize(("text", "value", "verb"), [
    ("The US added 28 entities to the list.", "28", "add"),
    ("28 entities were added to the list.", "28", "add"),  # after the value
    ("It took effect on October 9, 2019.", "October 9, 2019", "take"),
    ("Acme has 12 offices.", "12", "have"),  # "have" when nothing else names an event
    ("Acme laid off 300 staff.", "300", "lay"),
    ("Acme said 300 staff left.", "300", None),  # neither verb is in the table
    ("Acme, which bought 40 firms, sold 12 shops.", "12", "sell"),  # the nearer verb
    ("Acme sold 12 shops after it bought 40 firms.", "12", "sell"),
    ("Acme sold 12 shops it bought.", "12", "sell"),
])
def test_nearest_verb(nlp, text, value, verb):
    ents = [(value, "DATE" if "2019" in value else "CARDINAL")]
    doc = make(nlp, text, ents)
    assert X.nearest_verb(doc, *value_and_sentence(doc, value)) == verb


@pytest.mark.parametrize(("text", "ents", "value", "subject", "region"), [
    ("Acme made $5m from Xinjiang.", [("Acme", "ORG"), ("$5m", "MONEY"), ("Xinjiang", "GPE")], "$5m", "Acme",
     "Xinjiang"),
    ("Acme made $5m in Xinjiang.", [("Acme", "ORG"), ("$5m", "MONEY"), ("Xinjiang", "GPE")], "$5m", "Acme",
     "Xinjiang"),
    ("Acme made $5m across Europe.", [("Acme", "ORG"), ("$5m", "MONEY"), ("Europe", "LOC")], "$5m", "Acme",
     "Europe"),
    ("Acme's overseas sales were $5m.", [("Acme", "ORG"), ("$5m", "MONEY")], "$5m", "Acme", "overseas"),
    ("Acme made $5m in China.", [("Acme", "ORG"), ("$5m", "MONEY"), ("China", "GPE")], "$5m", "China", None),
    ("Xinjiang gave Acme $5m.", [("Xinjiang", "GPE"), ("Acme", "ORG"), ("$5m", "MONEY")], "$5m", "Acme", None),
    ("Acme made $5m in 2019.", [("Acme", "ORG"), ("$5m", "MONEY"), ("2019", "DATE")], "$5m", "Acme", None),
    ("In Ohio, after a long and hard and slow and dull year, Acme made $5m.",
     [("Ohio", "GPE"), ("Acme", "ORG"), ("$5m", "MONEY")], "$5m", "Acme", None),  # too far from the value
    ("Acme made $5m in Paris, Texas.", [("Acme", "ORG"), ("$5m", "MONEY"), ("Paris", "GPE"), ("Texas", "GPE")],
     "$5m", "Acme", "Paris"),
])
def test_region_scope(nlp, text, ents, value, subject, region):
    doc = make(nlp, text, ents)
    assert X.region_scope(doc, *value_and_sentence(doc, value), subject) == region


def test_region_scope_stays_in_the_sentence(nlp):
    doc = make(nlp, "Acme made $5m. Overseas sales fell.", [("Acme", "ORG"), ("$5m", "MONEY")], sentences=True)
    assert X.region_scope(doc, *value_and_sentence(doc, "$5m"), "Acme") is None


# --- drafts_from_links --------------------------------------------------------------------------------------

STORY = ("Hikvision had revenue of $7.5bn in 2018, up from $6.5bn. About 1% of its sales came from Xinjiang. "
         "It listed in 2010. The US added 28 Chinese firms to a register on October 7, 2019. Its shares rose 5%.")
STORY_ENTS = [("Hikvision", "ORG"), ("$7.5bn", "MONEY"), ("2018", "DATE"), ("$6.5bn", "MONEY"),
              ("About 1%", "PERCENT"), ("Xinjiang", "GPE"), ("2010", "DATE"), ("US", "GPE"), ("28", "CARDINAL"),
              ("Chinese", "NORP"), ("October 7, 2019", "DATE"), ("5%", "PERCENT")]


def links_for(doc: Doc, chosen: list[tuple[str, str, str]], probability: float = 0.8, score: float = 0.9):
    """Linker output for (value text, subject text, attribute) triples."""
    by_text = {e.text: e for e in doc.ents}
    out = []
    for value, subject, attribute in chosen:
        v, s = by_text[value], by_text[subject]
        out.append((Pair((v.start, v.end), (s.start, s.end), v.label_, s.label_), attribute, probability, score))
    return out


@pytest.mark.parametrize("sentences", [True, False], ids=["sentence-starts", "full-stops"])
def test_drafts_from_links(nlp, sentences):
    doc = make(nlp, STORY, STORY_ENTS, sentences=sentences, **{PUBLISHED_KEY: date(2019, 11, 26)})
    links = links_for(doc, [
        ("$7.5bn", "Hikvision", "revenue"),
        ("$6.5bn", "Hikvision", "revenue"),  # the baseline of "up from": the previous year
        ("About 1%", "Hikvision", "revenue_share"),
        ("2010", "Hikvision", "listing_date"),  # a year is no listing day: dropped
        ("28", "US", "count"),
        ("October 7, 2019", "US", "event_date"),
        ("5%", "Hikvision", "share_price_change"),
    ])
    got = [(d.subject_text, d.attribute, d.quantity.value, d.quantity.unit, d.period, d.scope, d.span.text,
            d.confidence, d.attribute_score) for d in X.drafts_from_links(doc, links)]
    assert got == [
        ("Hikvision", "revenue", 7_500_000_000, "USD", "2018", None, "$7.5bn", 0.8, 0.9),
        ("Hikvision", "revenue", 6_500_000_000, "USD", "2017", None, "$6.5bn", 0.8, 0.9),
        ("Hikvision", "revenue_share", 1, "percent", None, "Xinjiang", "About 1%", 0.8, 0.9),
        ("US", "count", 28, "count", None, "firm (add)", "28", 0.8, 0.9),
        ("US", "event_date", "2019-10-07", "date", None, "add", "October 7, 2019", 0.8, 0.9),
        ("Hikvision", "share_price_change", 5, "percent", None, None, "5%", 0.8, 0.9),  # no period, no scope
    ]


def test_drafts_round_the_confidence_and_keep_the_attribute_score(nlp):
    doc = make(nlp, STORY, STORY_ENTS)
    [draft] = X.drafts_from_links(doc, links_for(doc, [("$7.5bn", "Hikvision", "revenue")], 0.123456, 0.654321))
    assert (draft.confidence, draft.attribute_score) == (0.123, 0.654321)


def test_drafts_skip_what_cannot_become_a_claim(nlp):
    doc = make(nlp, "Nasdaq said Acme sold many units in May 2019.", [("Nasdaq", "ORG"), ("Acme", "ORG"),
                                                                     ("many", "CARDINAL"), ("May 2019", "DATE")])
    links = links_for(doc, [
        ("many", "Acme", "count"),  # no number to count
        ("May 2019", "Acme", "event_date"),  # a month is a period, not the day of an event
        ("May 2019", "Nasdaq", "event_date"),  # an exchange is never a subject
    ])
    assert X.drafts_from_links(doc, links) == []


def test_a_value_outside_the_entities_is_read_from_the_pair(nlp):
    """At training time the gold spans need not be ``doc.ents``: the pair's offsets and label make the span."""
    doc = make(nlp, "Acme hired 300 staff.", [("Acme", "ORG")])
    pair = Pair((2, 3), (0, 1), "CARDINAL", "ORG")
    [draft] = X.drafts_from_links(doc, [(pair, "count", 0.7, 0.75)])
    assert (draft.subject_text, draft.quantity.value, draft.scope, draft.span.label_) == \
        ("Acme", 300, "staff (hire)", "CARDINAL")


def test_drafts_read_the_documents_day_order(nlp):
    doc = make(nlp, "Acme listed on 7/10/2019.", [("Acme", "ORG"), ("7/10/2019", "DATE")], **{DAYFIRST_KEY: True})
    [draft] = X.drafts_from_links(doc, links_for(doc, [("7/10/2019", "Acme", "listing_date")]))
    assert draft.quantity.value == "2019-10-07"


def test_a_capitalised_name_is_not_the_event_verb(nlp):
    """'its Entity List': 'List' is part of a name; the event of the date is 'added' (found by these tests)."""
    doc = make(nlp, "The US Commerce Department added 28 Chinese entities to its Entity List on October 7, 2019.",
               [("US", "GPE"), ("Commerce Department", "ORG"), ("28", "CARDINAL"), ("Chinese", "NORP"),
                ("October 7, 2019", "DATE")])
    assert X.nearest_verb(doc, *value_and_sentence(doc, "October 7, 2019")) == "add"


@pytest.mark.parametrize(("text", "ents", "noun"), [
    ("The Commerce Department added 8 US companies to the list.", [("8", "CARDINAL"), ("US", "GPE")], "company"),
    ("Regulators fined 3 big US banks on Monday.", [("3", "CARDINAL"), ("US", "GPE")], "bank"),
])
def test_counted_noun_reads_past_a_capitalised_stop_word(nlp, text, ents, noun):
    doc = make(nlp, text, ents)
    value = next(e for e in doc.ents if e.label_ == "CARDINAL")
    assert X.counted_noun(doc, value, X.sentence_span(doc, value.start)) == noun


@pytest.mark.parametrize(("word", "singular"), [("series", "series"), ("species", "species"), ("buses", "bus"),
                                               ("gases", "gas"), ("news", "news")])
def test_singular_of_plurals_the_suffix_rules_miss(word, singular):
    assert X._singular(word) == singular
