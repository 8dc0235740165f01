"""Unit tests of ``claimcheck.pipeline.pairs``: the candidate (name, value) pairs the trained linker scores and
their parse-free features (sentence numbers, the cue words' attribute, distances, flags).

Nothing here needs a tagger or parser: each ``Doc`` comes from the project's tokenizer (``spacy.blank("en")`` with
``adjust_tokenizer``) with its entities set by hand. The sentences are our own.
"""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc

from claimcheck.pipeline import pairs as P
from claimcheck.training.markup import SUBJECT_LABELS, VALUE_LABELS
from rule_docs import make, tokenizer_only


@pytest.fixture(scope="module")
def nlp():
    """The project's tokenizer alone (this overrides the session pipeline fixture)."""
    return tokenizer_only()



# --- sentence_ids ------------------------------------------------------------------------------------------

def test_sentence_ids_from_full_stops_and_line_breaks(nlp):
    doc = nlp("Acme grew! Did Beta? Yes.\nNo")
    assert not doc.has_annotation("SENT_START")
    assert [(t.text, int(i)) for t, i in zip(doc, P.sentence_ids(doc))] == [
        ("Acme", 0), ("grew", 0), ("!", 0), ("Did", 1), ("Beta", 1), ("?", 1), ("Yes", 2), (".", 2), ("\n", 3),
        ("No", 4)]


def test_sentence_ids_from_the_sentence_recogniser(nlp):
    """When sentence starts are set they win over full stops."""
    doc = nlp("Acme grew. Beta shrank. Gamma held")
    for token in doc:
        token.is_sent_start = token.i in (0, 6)  # the recogniser joined the first two sentences
    assert list(P.sentence_ids(doc)) == [0, 0, 0, 0, 0, 0, 1, 1]


# --- candidate_pairs ---------------------------------------------------------------------------------------

STORY = "Acme sued Beta. Beta is valued at $2bn, according to PitchBook. Acme said its sales rose 5%."
STORY_ENTS = [("Acme", "ORG"), ("Beta", "ORG"), ("Beta", "ORG"), ("$2bn", "MONEY"), ("PitchBook", "ORG"),
              ("Acme", "ORG"), ("5%", "PERCENT")]


def readable(doc: Doc, pairs: list[P.Pair]) -> list[tuple]:
    return [(doc[p.value[0]:p.value[1]].text, doc[p.subject[0]:p.subject[1]].text, p.subject[0]) for p in pairs]


def test_candidate_pairs(nlp):
    doc = make(nlp, STORY, STORY_ENTS)
    pairs = P.candidate_pairs(doc)
    # each distinct name once per value, at its nearest mention (by sentence, then by tokens), in text order
    assert readable(doc, pairs) == [
        ("$2bn", "Acme", 0), ("$2bn", "Beta", 4), ("$2bn", "PitchBook", 14),
        ("5%", "Beta", 4), ("5%", "PitchBook", 14), ("5%", "Acme", 16),
    ]
    assert pairs[0] == P.Pair((8, 11), (0, 1), "MONEY", "ORG")


def test_candidate_pairs_window_and_frequent_organisations(nlp):
    """Names up to three sentences back; an organisation named twice is a candidate anywhere (the company an
    article is about); a name after the value's sentence is not."""
    text = ("Acme was founded in Ohio. Beta competes with Acme. It grew. It hired. It moved. "
            "Sales were $5m. Gamma agreed. Delta too.")
    doc = make(nlp, text, [("Acme", "ORG"), ("Ohio", "GPE"), ("Beta", "ORG"), ("Acme", "ORG"), ("$5m", "MONEY"),
                           ("Gamma", "ORG"), ("Delta", "ORG")])
    # Acme is out of the window but named twice: at its nearest mention; Beta is four sentences back
    assert readable(doc, P.candidate_pairs(doc)) == [("$5m", "Acme", 9)]


def test_candidate_pairs_labels(nlp):
    doc = make(nlp, "Jane Doe of France said Acme ranked first with 40 stores in May.",
               [("Jane Doe", "PERSON"), ("France", "GPE"), ("Acme", "ORG"), ("first", "ORDINAL"), ("40", "CARDINAL"),
                ("May", "DATE")])
    got = {(v, s) for v, s, _ in readable(doc, P.candidate_pairs(doc))}
    # values: CARDINAL and DATE, never an ORDINAL; subjects: PERSON, GPE, ORG
    assert got == {(v, s) for v in ("40", "May") for s in ("Jane Doe", "France", "Acme")}


def test_candidate_pairs_at_most_ten_nearest_names(nlp):
    names = [f"Firm{c}" for c in "ABCDEFGHIJKL"]
    text = ", ".join(names) + " made $5m."
    doc = make(nlp, text, [(n, "ORG") for n in names] + [("$5m", "MONEY")])
    assert [s for _, s, _ in readable(doc, P.candidate_pairs(doc))] == names[2:]


def test_candidate_pairs_given_entities_and_sentences(nlp):
    """At training time the gold entities and the caller's sentence numbers are used instead of the doc's."""
    doc = make(nlp, STORY, STORY_ENTS)
    acme, money = doc.ents[0], doc.ents[3]
    sents = numpy.zeros(len(doc), dtype="int32")
    assert readable(doc, P.candidate_pairs(doc, [acme, money], sents)) == [("$2bn", "Acme", 0)]
    assert P.candidate_pairs(doc, [], sents) == []


def test_topic_is_the_most_named_organisation_first_mentioned_on_ties(nlp):
    doc = make(nlp, "Beta and Acme met. Acme and Beta and Ohio agreed.",
               [("Beta", "ORG"), ("Acme", "ORG"), ("Acme", "ORG"), ("Beta", "ORG"), ("Ohio", "GPE")])
    topic = P._topic(list(doc.ents))
    assert (topic.text, topic.start) == ("Beta", 0)
    assert P._topic([e for e in doc.ents if e.label_ == "GPE"]) is None


# --- cue words ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "label", "attribute"), [
    ("Arm is valued at $54.5bn.", "$54.5bn", "MONEY", "valuation"),
    ("Cisco agreed a deal valued at $4bn.", "$4bn", "MONEY", "deal_value"),
    ("Nestle will buy back shares valued at $1bn.", "$1bn", "MONEY", "buyback"),
    ("A buyback worth $1bn.", "$1bn", "MONEY", "buyback"),
    ("Acme had revenue of $7bn.", "$7bn", "MONEY", "revenue"),
    ("Acme made a loss of $7bn.", "$7bn", "MONEY", "loss"),
    ("Acme made a profit of $7bn.", "$7bn", "MONEY", "profit"),
    ("Alibaba raised $11bn in its IPO.", "$11bn", "MONEY", "ipo_proceeds"),
    ("Zhilian raised $300m from investors.", "$300m", "MONEY", "funding"),  # raised, but no listing
    ("Arm priced shares at $51 each.", "$51", "MONEY", "ipo_price"),
    ("Arm priced the deal at $5bn.", "$5bn", "MONEY", None),  # "priced" without a share or per-share word
    ("Profit beat forecasts of $5bn.", "$5bn", "MONEY", None),  # an expectation
    ("Acme paid a fine of $5bn.", "$5bn", "MONEY", None),  # no cue
    ("Revenue rose 12%.", "12%", "PERCENT", "revenue_growth"),
    ("Profit was up 12%.", "12%", "PERCENT", "profit_growth"),
    ("Shares jumped 25%.", "25%", "PERCENT", "share_price_change"),
    ("Inflation rose 2%.", "2%", "PERCENT", None),  # growth of no company figure
    ("SoftBank owns 90% of Arm.", "90%", "PERCENT", "stake"),
    ("Xinjiang is 1% of revenue.", "1%", "PERCENT", "revenue_share"),
    ("Arm began trading on September 14.", "September 14", "DATE", "listing_date"),
    ("Acme was sued on September 14.", "September 14", "DATE", "event_date"),  # "on" a day
    ("Acme grew in 2019.", "2019", "DATE", None),
    ("Acme added 28 entities.", "28", "CARDINAL", "count"),
    ("Acme added 28 of them.", "28", "CARDINAL", None),  # a stop word follows: no counted noun
    ("Acme scored 28.", "28", "CARDINAL", None),
    ("Acme came first.", "first", "ORDINAL", None),
])
def test_cue_attribute(nlp, text, value, label, attribute):
    doc = make(nlp, text, [(value, label)])
    v = doc.ents[0]
    assert P.cue_attribute(doc, v.start, v.end, label, 0, len(doc)) == attribute


def test_cue_attribute_reads_only_the_sentence(nlp):
    doc = make(nlp, "Revenue grew. Acme scored 28.", [("28", "CARDINAL")])
    v = doc.ents[0]
    lo, hi = P._sent_bounds(P.sentence_ids(doc), v.start)
    assert (lo, hi) == (3, 7)
    assert P.cue_attribute(doc, v.start, v.end, "CARDINAL", lo, hi) is None
    assert P.cue_attribute(doc, v.start, v.end, "CARDINAL", 0, len(doc) - 1) is None  # the full stop is no noun
    doc = make(nlp, "Sales rose. Then 5%.", [("5%", "PERCENT")])
    v = doc.ents[0]
    assert P.cue_attribute(doc, v.start, v.end, "PERCENT", 0, len(doc)) == "revenue_growth"
    assert P.cue_attribute(doc, v.start, v.end, "PERCENT", 3, len(doc)) is None


def test_levels_are_words_at_each_distance(nlp):
    doc = nlp("a b c VALUE d e")
    levels = P._levels(doc, 3, 4, 0, len(doc), reach=4)
    assert levels == [{"d", "d e", "c", "c value"}, {"e", "b", "b c"}, {"a", "a b"}, set()]
    assert P._levels(doc, 3, 4, 2, 5, reach=2) == [{"d", "c", "c value"}, set()]  # clipped to [lo, hi)


@pytest.mark.parametrize(("distance", "bucket"), [(0, 0), (2, 0), (3, 1), (5, 1), (6, 2), (10, 2), (20, 3), (40, 4),
                                                  (41, 5), (1000, 5)])
def test_bucket(distance, bucket):
    assert P._bucket(distance) == bucket


@pytest.mark.parametrize(("text", "ents", "value", "inside"), [
    ("Profit was $1.13bn (£600m) last year.", [("$1.13bn", "MONEY"), ("£600m", "MONEY")], "£600m", True),
    ("Profit was $1.13bn (£600m) last year.", [("$1.13bn", "MONEY"), ("£600m", "MONEY")], "$1.13bn", False),
    ("Sales rose 5 (about 10%) points.", [("about 10%", "PERCENT")], "about 10%", True),  # after a plain number
    ("Acme (a retailer with 5% of sales) grew.", [("5%", "PERCENT")], "5%", False),  # brackets after a name
    ("Profit was $1bn (£600m), up 5%.", [("$1bn", "MONEY"), ("£600m", "MONEY"), ("5%", "PERCENT")], "5%",
     False),  # the brackets closed before the value
])
def test_in_parentheses(nlp, text, ents, value, inside):
    doc = make(nlp, text, ents)
    [v] = [e for e in doc.ents if e.text == value]
    assert P._in_parentheses(doc, v.start) is inside


# --- pair_features ------------------------------------------------------------------------------------------

FLAGS = ("nearest_left", "nearest_right", "first_in_sentence", "source", "possessive", "in_parentheses",
         "generic_between", "earlier_sentence", "topic", "named_twice")


def decode(row: numpy.ndarray) -> dict:
    """A feature row as named features, following the column groups of the module docstring; each one-hot group
    must have exactly one column set."""
    groups = [("value", VALUE_LABELS), ("subject", SUBJECT_LABELS), ("before", (True,)),
              ("sentences_back", tuple(range(P.SENT_WINDOW + 1)) + ("far",)),
              ("distance_bucket", tuple(range(len(P.DIST_BUCKETS) + 1))), ("between", (0, 1, 2, "3+")),
              ("flags", FLAGS), ("cue", P.CLASSES)]
    out, col = {}, 0
    for name, values in groups:
        hot = [v for k, v in enumerate(values) if row[col + k]]
        if name == "before":
            out[name] = bool(hot)
        elif name == "flags":
            out[name] = set(hot)
        else:
            assert len(hot) == 1, (name, hot)
            out[name] = hot[0]
        col += len(values)
    assert col == P.N_FEATURES == len(row)
    assert set(numpy.unique(row)) <= {0.0, 1.0}
    return out


def test_pair_features(nlp):
    doc = make(nlp, STORY, STORY_ENTS)
    sents = P.sentence_ids(doc)
    pairs = P.candidate_pairs(doc, sents=sents)
    rows = {(v, s): decode(r) for (v, s, _), r in zip(readable(doc, pairs), P.pair_features(doc, pairs, sents))}
    assert rows[("$2bn", "PitchBook")] == {
        "value": "MONEY", "subject": "ORG", "before": False, "sentences_back": 0, "distance_bucket": 1, "between": 0,
        "flags": {"nearest_right", "source"}, "cue": "valuation"}
    assert rows[("$2bn", "Beta")] == {
        "value": "MONEY", "subject": "ORG", "before": True, "sentences_back": 0, "distance_bucket": 1, "between": 0,
        "flags": {"nearest_left", "first_in_sentence"}, "cue": "valuation"}
    assert rows[("$2bn", "Acme")] == {
        "value": "MONEY", "subject": "ORG", "before": True, "sentences_back": 1, "distance_bucket": 2, "between": 1,
        "flags": {"first_in_sentence", "earlier_sentence", "topic", "named_twice"}, "cue": "valuation"}
    # "Acme said its sales rose 5%": a speaker ("said") and a generic word ("its") between name and value
    assert rows[("5%", "Acme")] == {
        "value": "PERCENT", "subject": "ORG", "before": True, "sentences_back": 0, "distance_bucket": 1, "between": 0,
        "flags": {"nearest_left", "first_in_sentence", "source", "generic_between", "topic", "named_twice"},
        "cue": "revenue_growth"}
    assert rows[("5%", "Beta")] == {
        "value": "PERCENT", "subject": "ORG", "before": True, "sentences_back": 1, "distance_bucket": 3, "between": 2,
        "flags": {"first_in_sentence", "generic_between", "earlier_sentence"}, "cue": "revenue_growth"}


def test_pair_features_possessive_brackets_and_far_sentences(nlp):
    text = "Acme's profit was $1.13bn (£600m)."
    doc = make(nlp, text, [("Acme", "ORG"), ("$1.13bn", "MONEY"), ("£600m", "MONEY")])
    sents = numpy.array([0] * 2 + [5] * (len(doc) - 2), dtype="int32")  # as if five sentences followed "Acme's"
    pairs = [P.Pair((e.start, e.end), (0, 1), "MONEY", "ORG") for e in doc.ents[1:]]
    first, second = (decode(r) for r in P.pair_features(doc, pairs, sents))
    assert first["sentences_back"] == second["sentences_back"] == "far"
    assert "possessive" in first["flags"] and "in_parentheses" not in first["flags"]
    assert "in_parentheses" in second["flags"] and first["cue"] == second["cue"] == "profit"


def test_pair_features_of_no_pairs(nlp):
    doc = make(nlp, "Nothing here.")
    assert P.pair_features(doc, [], P.sentence_ids(doc)).shape == (0, P.N_FEATURES)


def test_value_features_are_the_columns_of_the_value_alone(nlp):
    """The attribute head sees only these columns: the same value with different names gives the same ones."""
    value_cols = list(range(len(VALUE_LABELS)))
    flags_at = P.N_FEATURES - len(P.CLASSES) - P.N_FLAGS
    cue_cols = list(range(P.N_FEATURES - len(P.CLASSES), P.N_FEATURES))
    assert P.VALUE_FEATURES == tuple(value_cols + [flags_at + FLAGS.index("in_parentheses")] + cue_cols)
    doc = make(nlp, STORY, STORY_ENTS)
    sents = P.sentence_ids(doc)
    pairs = P.candidate_pairs(doc, sents=sents)
    features = P.pair_features(doc, pairs, sents)
    cols = list(P.VALUE_FEATURES)
    by_value: dict = {}
    for p, row in zip(pairs, features):
        by_value.setdefault(p.value, []).append(row[cols])
    assert len(by_value) == 2
    for rows in by_value.values():
        assert all(numpy.array_equal(rows[0], r) for r in rows[1:])
    assert not numpy.array_equal(*[rows[0] for rows in by_value.values()])
