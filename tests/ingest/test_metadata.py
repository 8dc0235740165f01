"""Tests for header/HTML metadata extraction."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.ingest.metadata import (
    Metadata,
    credited_outlet,
    metadata_from_html,
    metadata_from_lines,
    parse_header_date,
    site_name_from_line,
)

D = dt.date

# (header line, dayfirst, expected date)
HEADER_DATES = [
    ("Saturday, Feb 22, 2025", None, D(2025, 2, 22)),
    ("October 8, 2019", None, D(2019, 10, 8)),
    ("8 October 2019", None, D(2019, 10, 8)),
    ("Oct. 8, 2019 9:03 AM ET", None, D(2019, 10, 8)),
    ("Sept. 30, 2021", None, D(2021, 9, 30)),
    ("12/10/2021", None, D(2021, 12, 10)),
    ("12/10/2021", True, D(2021, 10, 12)),
    ("12/10/2021", False, D(2021, 12, 10)),
    ("2019-10-08", None, D(2019, 10, 8)),
    ("2019-10-08T14:05:00Z", None, D(2019, 10, 8)),
    ("Published: 08/10/2019", None, D(2019, 8, 10)),
    ("Published: 08/10/2019", True, D(2019, 10, 8)),
    ("Published: 25/10/2019", None, D(2019, 10, 25)),  # 25 cannot be a month
    ("Updated: 10:32 AM ET, Tue October 8, 2019", None, D(2019, 10, 8)),
    ("Posted on October 8, 2019 by admin", None, D(2019, 10, 8)),
    ("First published on Tue 8 Oct 2019 10.05 BST", None, D(2019, 10, 8)),
    ("Last modified on Wed 9 Oct 2019 11.40 BST", None, D(2019, 10, 9)),
    ("05/04/2023 14:10 BST", None, D(2023, 4, 5)),  # British time zone: day first
    ("08.10.2019 | 14:05", None, D(2019, 10, 8)),  # dotted dates are day first
    ("Posted: 8th October 2019", None, D(2019, 10, 8)),
    ("Mon, 10/07/2019 - 17:30", None, D(2019, 10, 7)),
    ("DEC 1, 2020", None, D(2020, 12, 1)),
    ("Thursday 1 February 2024", None, D(2024, 2, 1)),
    ("By Jane Doe | March 3, 2022", None, D(2022, 3, 3)),
    ("October 8, 2019 at 9:03 a.m. EDT", None, D(2019, 10, 8)),
    ("Published 2 May 2024 · 3 min read", None, D(2024, 5, 2)),
    ("2024/06/30", None, D(2024, 6, 30)),
    ("31/12/19", None, D(2019, 12, 31)),
    # not dates
    ("Share 12 Tweet 4", None, None),
    ("10:32 AM ET", None, None),
    ("2 hours ago", None, None),
    ("Version 1.2.34 released", None, None),
    ("February 30, 2020", None, None),
    ("13/13/2020", None, None),
    ("", None, None),
]


@pytest.mark.parametrize("line,dayfirst,expected", HEADER_DATES)
def test_parse_header_date(line, dayfirst, expected):
    assert parse_header_date(line, dayfirst=dayfirst) == expected


# (header lines, expected title, expected date, expected source)
HEADERS = [
    (["TechWire", "Home | World | Business | Tech", "By Jane Doe, Staff Reporter", "Published: 08/10/2019"],
     None, D(2019, 8, 10), "TechWire"),
    (["The Daily Ledger — Business", "By Tom Reyes", "October 8, 2019"], None, D(2019, 10, 8), "The Daily Ledger"),
    (["NORTHGATE TIMES", "8 October 2019", "Published: 09/10/2019"], None, D(2019, 10, 9), "Northgate Times"),
    (["Advertisement", "Markets", "Updated: 10:32 AM ET, Tue October 8, 2019",
      "\u00a9 2019 Example Media Ltd. All rights reserved"], None, D(2019, 10, 8), "Example Media Ltd"),
    (["Source: Harbour Post", "First published on Tue 8 Oct 2019 10.05 BST"], None, D(2019, 10, 8), "Harbour Post"),
    (["# Comet hits Jupiter", "*Published 21 August 2023*"], "Comet hits Jupiter", D(2023, 8, 21), None),
    (["Skip to content", "Menu", "Sign in", "Updated 2 hours ago"], None, None, None),
    (["Jane Doe | Markets Correspondent", "Oct. 8, 2019 9:03 AM ET"], None, D(2019, 10, 8), None),
    # British hints make ambiguous numeric dates day first
    (["Westbrook Gazette", "Published 05/04/2023", "Last updated 14:10 BST"], None, D(2023, 4, 5), "Westbrook Gazette"),
    # the published line wins over the updated line
    (["Updated: Oct 9, 2019", "Published: Oct 8, 2019"], None, D(2019, 10, 8), None),
    (["Home", "World", "Business", "By Ana Lima", "March 3, 2022"], None, D(2022, 3, 3), None),
    (["techwire.com", "2019-10-08"], None, D(2019, 10, 8), "techwire.com"),
    (["Copyright 2021 The Civic Record"], None, None, "The Civic Record"),
]


@pytest.mark.parametrize("lines,title,date,source", HEADERS)
def test_metadata_from_lines(lines, title, date, source):
    md = metadata_from_lines(lines)
    assert md == Metadata(title=title, published=date, source=source)


@pytest.mark.parametrize("line, outlet", [
    ("Republished from TechLedger with permission", "TechLedger"),
    ("This article first appeared in The Conversation.", "The Conversation"),
    ("Originally published by Meridian Newswire", "Meridian Newswire"),
    ("Republished with permission from the Financial Times", "Financial Times"),
    ("*This story was first published by ProPublica, a nonprofit newsroom.*", "ProPublica"),
    ("Originally published in The Conversation under a Creative Commons license", "The Conversation"),
    ("Originally published at techledger.com", "techledger.com"),
    # no outlet: a date, the site itself, print, a body sentence
    ("Originally published on September 14, 2023", None),
    ("First published on Tue 8 Oct 2019 10.05 BST", None),
    ("This article originally appeared on our website", None),
    ("This article first appeared in print", None),
    ("Published: 14/09/2023", None),
    ("The company said it was first published in Cambridge in 1990 as a newsletter.", None),
])
def test_credited_outlet(line, outlet):
    assert credited_outlet(line) == outlet


def test_metadata_from_lines_dayfirst_override():
    assert metadata_from_lines(["Published: 05/04/2023"]).published == D(2023, 5, 4)
    assert metadata_from_lines(["Published: 05/04/2023"], dayfirst=True).published == D(2023, 4, 5)


@pytest.mark.parametrize(
    "line,expected",
    [
        ("TechWire", "TechWire"),
        ("The Daily Ledger \u2014 Business", "The Daily Ledger"),
        ("Harbour Post | Markets", "Harbour Post"),
        ("THE MERIDIAN", "The Meridian"),
        ("Signal & Noise", "Signal & Noise"),
        ("Home | World | Business | Tech", None),
        ("By Jane Doe, Staff Reporter", None),
        ("Jane Doe | Markets Correspondent", None),
        ("Advertisement", None),
        ("October 8, 2019", None),
        ("The company said profits rose.", None),
        ("Just another news site", None),
    ],
)
def test_site_name_from_line(line, expected):
    assert site_name_from_line(line) == expected


# (html, expected title, expected date, expected source)
HTML_CASES = [
    (
        """<html><head><title>Gold hits record | MarketPulse</title>
        <meta property="og:site_name" content="MarketPulse">
        <meta property="article:published_time" content="2024-04-12T08:30:00+00:00">
        </head><body><p>x</p></body></html>""",
        "Gold hits record", D(2024, 4, 12), "MarketPulse",
    ),
    (
        """<html><head><meta property="og:title" content="Rail strike cancels 4,000 trains">
        <meta property="og:published_time" content="2023-10-05">
        <meta name="application-name" content="Northgate Times"></head></html>""",
        "Rail strike cancels 4,000 trains", D(2023, 10, 5), "Northgate Times",
    ),
    (
        """<html><head><title>Bees can count to four - Lab Notes Daily</title>
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Bees can count to four, study suggests", "datePublished": "2023-06-07T10:00:00Z",
        "publisher": {"@type": "Organization", "name": "Lab Notes Daily"}}</script></head></html>""",
        "Bees can count to four, study suggests", D(2023, 6, 7), "Lab Notes Daily",
    ),
    (
        """<html><head><title>City clinch title on final day &mdash; Pitchside</title>
        <meta property="og:site_name" content="Pitchside"></head>
        <body><article><time datetime="2024-05-19T17:45:00+01:00">19 May</time></article></body></html>""",
        "City clinch title on final day", D(2024, 5, 19), "Pitchside",
    ),
    (
        """<html><head><script type="application/ld+json">{"@graph": [
        {"@type": "WebSite", "name": "Coastline Courier"},
        {"@type": "Article", "headline": "Ferry orders rise", "datePublished": "2022-02-01"}]}</script>
        </head></html>""",
        "Ferry orders rise", D(2022, 2, 1), "Coastline Courier",
    ),
    (
        """<html><head><title>Parliament passes budget | Politics | The Civic Record</title>
        <meta name="twitter:title" content="Parliament passes budget after all-night session">
        <meta itemprop="datePublished" content="2021-11-26"></head></html>""",
        "Parliament passes budget after all-night session", D(2021, 11, 26), None,
    ),
]


@pytest.mark.parametrize("html,title,date,source", HTML_CASES)
def test_metadata_from_html(html, title, date, source):
    md = metadata_from_html(html)
    assert md.title == title
    assert md.published == date
    if source is not None:
        assert md.source == source


def test_html_title_suffix_without_site_meta():
    md = metadata_from_html("<html><head><title>Oil falls 4% as producers add supply | Finance Brief</title></head></html>")
    assert md.title == "Oil falls 4% as producers add supply"


@pytest.mark.parametrize("bad", ["", "<<<>>>", "<script type='application/ld+json'>{broken</script>", "\x00" * 10,
                                 "<meta property='article:published_time' content='not a date'>"])
def test_html_never_raises(bad):
    md = metadata_from_html(bad)
    assert isinstance(md, Metadata)


def test_lines_never_raise_on_odd_input():
    assert metadata_from_lines([]) == Metadata()
    assert isinstance(metadata_from_lines(["", "   ", "\x00", "\u00a9", "(c)", "Source:"]), Metadata)
    assert metadata_from_lines(None) == Metadata()  # type: ignore[arg-type]


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, True, False]))
def test_parse_header_date_never_raises(text, dayfirst):
    d = parse_header_date(text, dayfirst=dayfirst)
    assert d is None or isinstance(d, dt.date)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=12))
def test_metadata_from_lines_never_raises(lines):
    assert isinstance(metadata_from_lines(lines), Metadata)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_metadata_from_html_never_raises(text):
    assert isinstance(metadata_from_html("<html><head>" + text + "</head></html>"), Metadata)


def test_metadata_from_clean():
    from claimcheck.ingest.boilerplate import CleanText
    from claimcheck.ingest.metadata import metadata_from_clean

    clean = CleanText(text="T\n\nBody.", removed=[], header=["Markets", "By Jane Doe", "Published 3 March 2021"],
                      title="T", footer=["Name *", "Post Comment", "\u00a9 2021 Example Media Ltd. All rights reserved"])
    assert metadata_from_clean(clean) == Metadata(title="T", published=D(2021, 3, 3), source="Example Media Ltd")
    clean = CleanText(text="", removed=[], header=["*Published Sep 14, 2023 \u00b7 Markets Brief*"], title=None)
    assert metadata_from_clean(clean) == Metadata(title=None, published=D(2023, 9, 14), source="Markets Brief")
    assert metadata_from_clean(object()) == Metadata()
