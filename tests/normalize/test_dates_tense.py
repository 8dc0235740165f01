"""A bare weekday goes the way its sentence's tense points (claimcheck issue 14, item 6): "It begins trading on
Friday" in Thursday's paper is the next day, "It began trading on Friday" the day before."""

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimcheck.normalize.dates import normalize_date
from claimcheck.pipeline.tense import clause_tense, words_tense

THURSDAY = date(2019, 11, 21)
NEXT_FRIDAY, LAST_FRIDAY = "2019-11-22", "2019-11-15"


@pytest.mark.parametrize("left, text, expected", [
    ("It begins trading on", "Friday", NEXT_FRIDAY),
    ("It began trading on", "Friday", LAST_FRIDAY),
    ("The company will list on", "Monday", "2019-11-25"),
    ("Acme said on", "Friday", LAST_FRIDAY),
    ("The vote is scheduled for", "Friday", NEXT_FRIDAY),
    ("The company will report results on", "Thursday", "2019-11-21"),  # told as to come on the page's day: today
    ("The company reported results on", "Thursday", "2019-11-21"),
    ("It will list next", "Friday", NEXT_FRIDAY),
    ("It listed last", "Friday", LAST_FRIDAY),
])
def test_the_words_before_a_weekday_decide_without_a_parse(left, text, expected):
    assert normalize_date(text, THURSDAY, left).value == expected


def test_a_parsed_tense_overrides_the_words():
    # "was in custody until Friday": 'until' reads as a deadline to come, the parse says the clause is past
    assert normalize_date("Friday", THURSDAY, "in custody until").value == NEXT_FRIDAY
    assert normalize_date("Friday", THURSDAY, "in custody until", tense="past").value == LAST_FRIDAY
    # "plans to list its shares on Friday": the cue is too far back for the words, the parse sees it
    assert normalize_date("Friday", THURSDAY, "list its shares on").value == LAST_FRIDAY
    assert normalize_date("Friday", THURSDAY, "list its shares on", tense="future").value == NEXT_FRIDAY
    # an unknown tense leaves the words in charge; "last"/"next" are never overridden
    assert normalize_date("Friday", THURSDAY, "It begins trading on", tense="perhaps").value == NEXT_FRIDAY
    assert normalize_date("last Friday", THURSDAY, "", tense="future").value == LAST_FRIDAY


def _doc(rows: str, date_at: int) -> Doc:
    """A parsed Doc from 'word/TAG/POS/dep/head/lemma' rows, the DATE entity one token at ``date_at``."""
    parts = [r.split("/") for r in rows.split()]
    words = [p[0] for p in parts]
    return Doc(Vocab(), words=words, tags=[p[1] for p in parts], pos=[p[2] for p in parts],
               deps=[p[3] for p in parts], heads=[int(p[4]) for p in parts], lemmas=[p[5] for p in parts],
               ents=["B-DATE" if i == date_at else "O" for i in range(len(words))])


@pytest.mark.parametrize("rows, at, tense", [
    ("It/PRP/PRON/nsubj/1/it begins/VBZ/VERB/ROOT/1/begin trading/VBG/VERB/xcomp/1/trade on/IN/ADP/prep/1/on "
     "Friday/NNP/PROPN/pobj/3/Friday", 4, "future"),
    ("It/PRP/PRON/nsubj/1/it began/VBD/VERB/ROOT/1/begin trading/VBG/VERB/xcomp/1/trade on/IN/ADP/prep/1/on "
     "Friday/NNP/PROPN/pobj/3/Friday", 4, "past"),
    ("It/PRP/PRON/nsubj/2/it will/MD/AUX/aux/2/will list/VB/VERB/ROOT/2/list on/IN/ADP/prep/2/on "
     "Monday/NNP/PROPN/pobj/3/Monday", 4, "future"),
    ("Acme/NNP/PROPN/nsubj/1/Acme said/VBD/VERB/ROOT/1/say on/IN/ADP/prep/1/on Friday/NNP/PROPN/pobj/2/Friday",
     3, "past"),
    ("Acme/NNP/PROPN/nsubj/1/Acme plans/VBZ/VERB/ROOT/1/plan to/TO/PART/aux/3/to list/VB/VERB/xcomp/1/list "
     "on/IN/ADP/prep/3/on Friday/NNP/PROPN/pobj/4/Friday", 5, "future"),
    ("Results/NNS/NOUN/nsubj/1/result are/VBP/AUX/ROOT/1/be due/JJ/ADJ/acomp/1/due on/IN/ADP/prep/1/on "
     "Friday/NNP/PROPN/pobj/3/Friday", 4, "future"),
    ("It/PRP/PRON/nsubj/3/it has/VBZ/AUX/aux/3/have been/VBN/AUX/aux/3/be falling/VBG/VERB/ROOT/3/fall "
     "since/IN/ADP/prep/3/since Monday/NNP/PROPN/pobj/4/Monday", 5, "past"),
    ("Talks/NNS/NOUN/nsubjpass/2/talk were/VBD/AUX/auxpass/2/be postponed/VBN/VERB/ROOT/2/postpone "
     "until/IN/ADP/prep/2/until Thursday/NNP/PROPN/pobj/3/Thursday", 4, None),  # a past verb, a day to come
    ("Acme/NNP/PROPN/nsubj/1/Acme rises/VBZ/VERB/ROOT/1/rise on/IN/ADP/prep/1/on Friday/NNP/PROPN/pobj/2/Friday",
     3, None),  # a headline's present: no schedule, the words decide
])
def test_clause_tense_reads_the_governing_verb(rows, at, tense):
    doc = _doc(rows, at)
    assert clause_tense(doc.ents[0]) == tense


def test_no_parse_no_tense():
    doc = Doc(Vocab(), words=["It", "begins", "on", "Friday"], ents=["O", "O", "O", "B-DATE"])
    assert clause_tense(doc.ents[0]) is None


@pytest.mark.parametrize("before, tense", [
    ("Acme said it will list its shares in New York on", "future"),  # the cue is beyond the four words
    ("National loan data are scheduled to be released on", "future"),
    ("The agency will then review the schedules and decide by", "future"),
    ("Acme expects to complete the sale by", "future"),
    ("Shares that will be listed rose 5% on", None),        # a past verb after the cue ends its reach
    ("The firm, which will list next year, rose on", None),  # the cue is in another clause
    ("Acme said on", None),
    ("an official forecast due to be published on", "future"),  # a passive after "be" is not a past verb
    ("The currency's decline was due to remarks on", None),      # "due to": because of
    ("", None),
])
def test_words_tense_reads_the_clause_before_the_date(before, tense):
    assert words_tense(before) == tense


def test_without_a_parse_the_words_of_the_sentence_decide():
    words = "Acme said it will list its shares in New York on Friday .".split()
    doc = Doc(Vocab(), words=words, ents=["B-DATE" if w == "Friday" else "O" for w in words])
    assert clause_tense(doc.ents[0]) == "future"
    span = doc.ents[0]
    assert normalize_date(span.text, THURSDAY, "New York on", tense=clause_tense(span)).value == NEXT_FRIDAY


@pytest.mark.slow
@pytest.mark.parametrize("model", ["rules", "default"])  # with a parse, and without one (the words of the clause)
@pytest.mark.parametrize("sentence, expected", [
    ("Acme Corp begins trading on Friday, the exchange said.", NEXT_FRIDAY),
    ("Acme Corp began trading on Friday, the exchange said.", LAST_FRIDAY),
    ("Acme Corp plans to list its shares in New York on Friday.", NEXT_FRIDAY),
    ("Acme Corp said on Friday that profit rose 5%.", LAST_FRIDAY),
])
def test_the_pipelines_pass_the_tense_to_the_date(model, sentence, expected):
    from claimcheck.pipeline import load_pipeline, process
    from claimcheck.schema import Document

    [p] = process([Document(id="a", text=sentence, published=THURSDAY)], load_pipeline(model))
    days = [m.value for m in p.mentions if m.label == "DATE"]
    assert days == [expected]
