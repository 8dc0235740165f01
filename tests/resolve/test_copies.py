"""Independent voices: copies of another document of the story are found and count once.

The articles are written for these tests (a fictional company, Northwind Robotics)."""

import json
from collections import Counter
from datetime import date

import pytest

from claimcheck.resolve.copies import compare, find_copies, find_copy_pairs, fingerprint
from claimcheck.schema import Claim, Document
from claimcheck.story import StoryDoc, check_story, voting_claims

WIRE = """Northwind Robotics raised $420 million in its initial public offering on Wednesday, pricing its shares at \
$18 each, the top of the range it had marketed to investors, according to a statement from the company.

The Seattle-based maker of warehouse robots sold 23.3 million shares, and the offering values the company at about \
$3.1 billion. Trading on the Nasdaq is due to begin on Thursday under the ticker NWRB.

Northwind reported revenue of $212 million for 2023, up 38% from a year earlier, and a net loss of $64 million. \
Chief executive Maria Lindqvist said the proceeds would pay for two new factories in Ohio and Poland.

The company counts three of the five largest US retailers among its customers, and more than 9,000 of its robots are \
working in warehouses across North America and Europe, the prospectus shows.

Underwriters led by two Wall Street banks have a 30-day option to buy another 3.5 million shares at the offer price."""

# the same wire text under an aggregator's headline and byline
REPUBLISHED = """Robot maker Northwind lands a blockbuster debut

By the Markets Desk, republished with permission

""" + WIRE

# the same event, written independently: other words, the same figures
OTHER = """Investors snapped up shares of Northwind Robotics on Wednesday. The company behind the orange warehouse \
robots sold 23.3 million shares at $18 apiece, the most it had said it would ask, and raised about $420 million.

At that price the Seattle company is worth roughly $3.1 billion. Its revenue grew 38% last year to $212 million, \
though it still lost $64 million.

"We are building for the next decade," Maria Lindqvist, the chief executive, told reporters. Northwind plans new \
factories in Ohio and Poland and already has more than 9,000 robots in service.

Its stock starts trading on the Nasdaq on Thursday as NWRB."""


def doc(id, text, published=date(2024, 3, 6), source=None):
    return Document(id=id, text=text, published=published, source=source)


def test_a_copy_under_a_new_headline_and_byline_is_found():
    copies = find_copies([doc("wire", WIRE), doc("aggregator", REPUBLISHED, date(2024, 3, 7))])
    assert set(copies) == {"aggregator"}
    assert copies["aggregator"].original == "wire"
    assert copies["aggregator"].containment == 1.0


def test_a_different_article_about_the_same_event_is_not_a_copy():
    assert find_copies([doc("wire", WIRE), doc("other", OTHER)]) == {}
    assert compare(fingerprint(WIRE), fingerprint(OTHER)) is None


def test_a_copy_cut_after_its_first_paragraphs_is_found():
    short = "\n\n".join(WIRE.split("\n\n")[:2])
    copies = find_copies([doc("short", short), doc("wire", WIRE)])
    assert {k: v.original for k, v in copies.items()} == {"short": "wire"}
    assert copies["short"].containment == 1.0 and copies["short"].jaccard < 0.5


def test_one_figure_changed_is_still_a_copy_but_the_same_sentences_with_other_figures_are_not():
    one_changed = WIRE.replace("$212 million", "$221 million")
    assert compare(fingerprint(WIRE), fingerprint(one_changed)) is not None
    monday = ("Harbor Savings Bank said it will raise its prime lending rate to 8.25 pct from 8.00 pct, effective "
              "March 9, and that the increase reflects the higher cost of funds in the wholesale deposit market. The "
              "bank said other lenders in the region were expected to follow within days, according to dealers who "
              "spoke on condition of anonymity. Harbor Savings last changed its prime rate in January.")
    next_week = monday.replace("8.25 pct from 8.00", "8.50 pct from 8.25").replace("March 9", "March 16")
    assert compare(fingerprint(monday), fingerprint(next_week)) is None  # a template with other figures
    assert compare(fingerprint(monday), fingerprint(monday.replace("March 9", "March 19"))) is not None


def test_the_original_is_the_earlier_publication_and_dates_far_apart_are_not_copies():
    later, earlier = doc("later", WIRE, date(2024, 3, 7)), doc("earlier", REPUBLISHED, date(2024, 3, 6))
    assert {k: v.original for k, v in find_copies([later, earlier]).items()} == {"later": "earlier"}
    # a date line the story shows wrong does not make its page the original
    assert {k: v.original for k, v in find_copies([later, earlier], untrusted_dates={"earlier"}).items()} == \
        {"earlier": "later"}
    assert find_copies([doc("a", WIRE, date(2024, 3, 6)), doc("b", WIRE, date(2024, 5, 6))]) == {}


def test_without_dates_the_credited_outlet_then_the_longer_text_is_the_original():
    credited = WIRE.replace("Northwind Robotics raised", "SEATTLE (Meridian) - Northwind Robotics raised")
    copies = find_copies([doc("aggregator", credited, source="NewsHub Ltd"),
                          doc("wire", credited, source="Meridian Newswire")])
    assert {k: v.original for k, v in copies.items()} == {"aggregator": "wire"}
    copies = find_copies([doc("a", WIRE, None), doc("b", REPUBLISHED, None)])
    assert {k: v.original for k, v in copies.items()} == {"a": "b"}  # the longer text
    copies = find_copies([doc("a", WIRE, None), doc("b", WIRE, None)])
    assert {k: v.original for k, v in copies.items()} == {"b": "a"}  # the first given


def test_a_copy_of_a_copy_has_the_first_original():
    third = REPUBLISHED.replace("By the Markets Desk", "From our partners")
    copies = find_copies([doc("c", third, date(2024, 3, 8)), doc("a", WIRE, date(2024, 3, 6)),
                          doc("b", REPUBLISHED, date(2024, 3, 7))])
    assert {k: v.original for k, v in copies.items()} == {"b": "a", "c": "a"}


def test_minhash_candidates_find_the_same_pairs_as_the_exhaustive_comparison():
    texts = [WIRE, REPUBLISHED, OTHER] + [f"Filler story number {i} about the weather in town {i}, with " +
                                          " ".join(f"word{i}x{j}" for j in range(40)) for i in range(30)]
    prints = [fingerprint(t) for t in texts]
    exact = [p[:2] for p in find_copy_pairs(prints, exact_limit=1000)]
    assert [p[:2] for p in find_copy_pairs(prints, exact_limit=0)] == exact == [(0, 1)]


def _claim(doc_id, n, value, text, subject="Northwind Robotics", attribute="ipo_proceeds"):
    return Claim(id=f"{doc_id}:c{n}", doc=doc_id, subject=subject, attribute=attribute, value=value, unit="USD",
                 low=value * 0.99, high=value * 1.01, text=text, start=0, end=len(text), confidence=0.9,
                 sentence=f"Northwind raised {text} in its offering.")


BLOG = """I have been following Northwind Robotics for years, so here is my take on the listing. The company raised \
$240 million at $18 a share, which is less than I hoped for a firm with more than 9,000 robots in the field.

Revenue grew 38% to $212 million last year. I think the market is still underrating how sticky these warehouse \
contracts are, and I suspect the shares will do well over the next few years."""


def _story():
    blog_copy_1 = "Northwind: a fan's view\n\nBy a guest writer\n\n" + BLOG
    blog_copy_2 = "Why one blogger likes Northwind\n\nSyndicated post\n\n" + BLOG
    items = [StoryDoc(doc("wire", WIRE), [_claim("wire", 1, 420e6, "$420 million")]),
             StoryDoc(doc("blog", BLOG), [_claim("blog", 1, 240e6, "$240 million")]),
             StoryDoc(doc("copy1", blog_copy_1, date(2024, 3, 7)), [_claim("copy1", 1, 240e6, "$240 million")]),
             StoryDoc(doc("copy2", blog_copy_2, date(2024, 3, 7)), [_claim("copy2", 1, 240e6, "$240 million")])]
    return items


def test_two_copies_of_a_wrong_article_no_longer_outvote_the_one_correct_source():
    report = check_story(_story())
    assert {d.id: d.copy_of for d in report.documents} == {"wire": None, "blog": None, "copy1": "blog",
                                                          "copy2": "blog"}
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].verdict != "Refuted"  # one voice against one: the sources split
    assert set(conflicts[0].docs) == {"wire", "blog"}
    assert len(report.claims) == 4  # the copies' claims stay in the report


def test_without_copy_detection_the_copies_would_have_refuted_the_correct_source(monkeypatch):
    from claimcheck import story

    monkeypatch.setattr(story, "find_story_copies", lambda items, **kw: {})
    conflicts = [f for f in check_story(_story()).findings if f.kind == "conflict"]
    assert [(f.verdict, f.docs[0]) for f in conflicts] == [("Refuted", "wire")]  # what the copies did before


def test_a_copy_keeps_a_figure_its_original_does_not_state():
    claims = [_claim("blog", 1, 240e6, "$240 million"), _claim("copy1", 1, 240e6, "$240 million"),
              _claim("copy1", 2, 250e6, "$250 million"), _claim("copy1", 3, 212e6, "$212 million", attribute="revenue")]
    kept = voting_claims(claims, {"copy1": "blog"})
    assert [c.id for c in kept] == ["blog:c1", "copy1:c2", "copy1:c3"]


def test_a_misspelling_repeated_by_a_copy_is_still_one_source_slip():
    names = Counter({"Northwind": 2, "Lindqvist": 1, "Seattle": 1, "Nasdaq": 1})
    wire = StoryDoc(doc("wire", WIRE), [], names)
    third = StoryDoc(doc("third", OTHER.replace("Investors", "Traders")), [], names)
    slip = Counter({"Nortwind": 2, "Lindqvist": 1, "Seattle": 1, "Nasdaq": 1})
    blog = StoryDoc(doc("blog", BLOG), [], slip)
    copy = StoryDoc(doc("copy", "A guest post\n\n" + BLOG, date(2024, 3, 7)), [], slip)
    story = [wire, StoryDoc(doc("other", OTHER), [], names), third, blog, copy]
    typos = [f for f in check_story(story).findings if f.kind == "typo"]
    assert [(f.found, f.suggestion, f.docs) for f in typos] == [("Nortwind", "Northwind", ["blog"])]


def test_without_copy_detection_a_misspelling_repeated_by_a_copy_looked_like_two_writers_choice(monkeypatch):
    from claimcheck import story as module

    monkeypatch.setattr(module, "find_story_copies", lambda items, **kw: {})
    names = Counter({"Northwind": 2, "Lindqvist": 1, "Seattle": 1, "Nasdaq": 1})
    slip = Counter({"Nortwind": 2, "Lindqvist": 1, "Seattle": 1, "Nasdaq": 1})
    story = [StoryDoc(doc("wire", WIRE), [], names), StoryDoc(doc("other", OTHER), [], names),
             StoryDoc(doc("blog", BLOG), [], slip), StoryDoc(doc("copy", "A guest post\n\n" + BLOG), [], slip)]
    assert [f for f in check_story(story).findings if f.kind == "typo"] == []


@pytest.mark.slow
def test_check_end_to_end_counts_a_republished_copy_once(tmp_path):
    from claimcheck.api import check

    story = tmp_path / "northwind"
    story.mkdir()
    for name, text, day in (("wire", WIRE, "2024-03-06"), ("aggregator", REPUBLISHED, "2024-03-07"),
                            ("other", OTHER, "2024-03-06")):
        (story / f"{name}.json").write_text(json.dumps({"id": name, "title": text.split("\n")[0][:60],
                                                        "published": day, "source": name, "text": text}))
    report = check([str(story)])
    copies = {d.id.rsplit("/", 1)[-1]: d.copy_of for d in report.documents if d.copy_of}
    assert list(copies) == ["aggregator"] and copies["aggregator"].endswith("wire")


@pytest.mark.parametrize("credit, at_top", [
    ("Republished from Lakeside Ledger with permission", True),
    ("Originally published by Lakeside Ledger", True),
    ("This article first appeared in the Lakeside Ledger.", False),
])
def test_a_credit_line_the_cleaner_drops_still_says_which_page_is_the_copy(tmp_path, credit, at_top):
    """A tiny story: the aggregator's page is longer (a headline, a closing paragraph of its own) and of the same
    day, so length alone made it the original; its credit line, dropped from the text as furniture, says it is
    the copy."""
    from claimcheck.ingest import load_documents

    extra = "Analysts at two regional brokerages said the valuation looked stretched next to older rivals."
    body = [credit, WIRE, extra] if at_top else [WIRE, extra, credit]
    pages = {"ledger": ("Lakeside Ledger", WIRE),
             "aggregator": ("Aggregator Daily", "Robot maker Northwind lands a blockbuster debut\n\n" + "\n\n".join(body))}
    for name, (source, text) in pages.items():
        (tmp_path / f"{name}.json").write_text(json.dumps({"id": name, "published": "2024-03-06", "source": source,
                                                           "text": text}))
    docs = {d.id: d for d in load_documents([str(tmp_path)], warn=lambda m: None)}
    assert docs["aggregator"].republished_from == "Lakeside Ledger" and docs["ledger"].republished_from is None
    assert "Ledger" not in docs["aggregator"].text  # the credit reaches copies.py, not the text claims are read from
    assert len(docs["aggregator"].text) > len(docs["ledger"].text)
    copies = find_copies(list(docs.values()))
    assert {k: v.original for k, v in copies.items()} == {"aggregator": "ledger"}
    uncredited = [d.model_copy(update={"republished_from": None}) for d in docs.values()]
    assert {k: v.original for k, v in find_copies(uncredited).items()} == {"ledger": "aggregator"}  # the longer


def test_a_credit_line_outweighs_dates_but_not_an_outlet_of_its_own():
    copy = Document(id="copy", text=REPUBLISHED, published=date(2024, 3, 5), source="Aggregator Daily",
                    republished_from="Lakeside Ledger")
    ledger = doc("ledger", WIRE, date(2024, 3, 6), source="Lakeside Ledger")
    assert find_copies([copy, ledger])["copy"].original == "ledger"  # dated a day earlier, and still the copy
    own = copy.model_copy(update={"republished_from": "Aggregator Daily Weekend"})  # a credit to its own outlet
    assert find_copies([own, ledger])["ledger"].original == "copy"  # the earlier date decides again


def test_the_reports_say_copy_of():
    from rich.console import Console

    from claimcheck.report.html import render_html
    from claimcheck.report.markdown import render_markdown
    from claimcheck.report.table import render_table
    from claimcheck.schema import Report

    report = Report(documents=[doc("wire", WIRE), Document(id="aggregator", text=REPUBLISHED, copy_of="wire")])
    assert "| aggregator |   |   |   | wire |" in render_markdown(report)
    assert "<td>aggregator</td><td>wire</td>" in render_html(report)
    console = Console(record=True, width=120)
    render_table(report, console)
    assert "aggregator is a copy of wire" in console.export_text()
    assert report.to_pandas()["documents"]["copy_of"].tolist()[1] == "wire"
    plain = Report(documents=[doc("wire", WIRE)])
    assert "copy of" not in render_markdown(plain) and "copy of" not in render_html(plain)
