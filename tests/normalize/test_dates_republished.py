"""Pages whose date line does not fit what they report (claimcheck issue 14, item 6): a republished old story
(every dated event long before the date line) and an event told as past but dated after the page."""

from datetime import date

import pytest

from claimcheck.crosscheck import crosscheck, finding_ids, republished_findings
from claimcheck.normalize.locate import dates_with_years
from claimcheck.schema import Claim, Document

OLD_STORY = (
    "Acme to buy Widget Co\n"
    "March 3, 2021\n"
    "Acme Corp said on Tuesday it agreed to buy Widget Co for $2 billion. The talks began on October 7, 2014, and "
    "the boards met again on January 12, 2015. Widget's sales rose 5% in 2014, the company said."
)
RETROSPECTIVE = (
    "Acme's long road\n"
    "March 3, 2021\n"
    "Acme Corp was founded on October 7, 1998 and listed in May 2004. It bought Widget Co on January 12, 2015. "
    "On February 1, 2021 it named a new chief executive."
)


def _republished(text: str, published: date) -> list:
    return republished_findings([Document(id="p", text=text, published=published)], finding_ids(), set())


def test_a_republished_old_story_is_one_date_finding():
    [f] = crosscheck([Document(id="copy", text=OLD_STORY, published=date(2021, 3, 3))], [], [])
    assert (f.kind, f.attribute, f.docs, f.verdict) == ("date", "published", ["copy"],
                                                         "Conflicting Evidence/Cherrypicking")
    assert f.found == "2021-03-03" and f.suggestion == "2015-01-12"
    assert "republished old story" in f.message and "January 12, 2015" in f.message
    assert 0.5 <= f.confidence <= 0.7
    assert [e.text for e in f.evidence] == ["October 7, 2014", "January 12, 2015"]


def test_the_same_story_on_its_own_date_is_not():
    assert _republished(OLD_STORY.replace("March 3, 2021", "January 14, 2015"), date(2015, 1, 14)) == []


def test_a_retrospective_with_one_recent_event_is_not():
    assert _republished(RETROSPECTIVE, date(2021, 3, 3)) == []
    # without its recent event it would be
    assert len(_republished(RETROSPECTIVE.replace("On February 1, 2021 it", "It"), date(2021, 3, 3))) == 1


@pytest.mark.parametrize("recent", [
    "Its 2020 sales rose 5%.",          # a bare year of the last 18 months
    "The deal closes on June 1, 2021.",  # a date after the page's
])
def test_any_recent_year_says_the_story_is_current(recent):
    assert _republished(OLD_STORY + " " + recent, date(2021, 3, 3)) == []


def test_one_dated_event_or_only_points_of_comparison_are_not_enough():
    one = "Acme\nMarch 3, 2021\nAcme said on Tuesday its shares rose to the highest since October 7, 2014."
    assert _republished(one, date(2021, 3, 3)) == []
    comparisons = ("Acme\nMarch 3, 2021\nPrices were 5% higher than in February 2014 and the lowest since "
                   "March 1980, the agency said on Tuesday.")
    assert _republished(comparisons, date(2021, 3, 3)) == []


def test_a_misdated_page_is_left_to_the_other_date_findings():
    assert republished_findings([Document(id="p", text=OLD_STORY, published=date(2021, 3, 3))], finding_ids(),
                                {"p"}) == []


def test_dates_with_years_reads_every_precision_and_skips_the_date_line():
    text = OLD_STORY + " Sales in March 2013 and on 2012-05-06, 3/4/2011; 2,015 jobs, $2015 and 2015% are not years."
    found = [(text[y.start:y.end], y.precision) for y in dates_with_years(text, date(2021, 3, 3))]
    assert found == [("October 7, 2014", "day"), ("January 12, 2015", "day"), ("2014", "year"),
                     ("March 2013", "month"), ("2012-05-06", "day"), ("3/4/2011", "day")]
    [the_line] = [y for y in dates_with_years(text, None) if y.low == date(2021, 3, 3)]  # no page date: kept
    assert the_line.precision == "day"
    assert dates_with_years(None) == [] and dates_with_years("") == []  # type: ignore[arg-type]


def _date_claim(doc: str, value: str, text: str, sentence: str) -> Claim:
    return Claim(id=f"{doc}:c1", doc=doc, subject="Acme", attribute="listing_date", value=value, unit="date",
                 qualifier="exact", low=value, high=value, text=text, sentence=sentence, start=0, end=len(text),
                 confidence=0.9)


def test_a_yearless_event_told_as_past_after_the_page_date():
    page = [Document(id="early", text="x", published=date(2019, 10, 8))]
    past = _date_claim("early", "2019-11-26", "November 26", "Acme's shares began trading on November 26.")
    [f] = crosscheck(page, [past], [])
    assert (f.kind, f.attribute, f.docs, f.confidence) == ("date", "published", ["early"], 0.6)
    assert "its year taken from that date line" in f.message
    future = past.model_copy(update={"sentence": "Acme's shares will begin trading on November 26."})
    assert crosscheck(page, [future], []) == []
    plain = past.model_copy(update={"sentence": "November 26 is the day."})  # no past-tense verb before it
    assert crosscheck(page, [plain], []) == []
    soon = past.model_copy(update={"value": "2019-10-20", "low": "2019-10-20", "high": "2019-10-20"})
    assert crosscheck(page, [soon], []) == []  # within the month's tolerance
