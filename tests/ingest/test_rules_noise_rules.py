"""Unit tests of ``claimcheck.ingest.noise_rules``: the single-line rules of :func:`rule_for` (which kind of page
furniture a line is, or None for article text), their guards for long and reader-addressed lines, the line-shape
helpers, and the block rules of ``_apply_rules`` over a segmented page. Every line is our own."""

from __future__ import annotations

import pytest

from claimcheck.ingest import noise_rules as N
from claimcheck.ingest.segment import segment

BODY1 = ("Shares in the chip designer rose 9% in early trading on Thursday after it reported quarterly revenue of "
         "$1.2 billion.")
BODY2 = ("The company said demand from data centre customers had doubled since the spring and that it would hire "
         "400 engineers.")


@pytest.mark.parametrize(("line", "rule"), [
    # reader comments
    ("Leave a Reply", "comment"),
    ("Cancel reply", "comment"),
    ("Your email address will not be published.", "comment"),
    ("Required fields are marked *", "comment"),
    ("Name *", "comment"),
    ("Post Comment", "comment"),
    ("Comments are closed.", "comment"),
    ("12 Comments", "comment"),
    ("View all 45 comments", "comment"),
    ("Comments (3)", "comment"),
    ("Log in to comment", "comment"),
    ("jdoe says:", "comment"),
    ("Jane Doe on 3 May 2021 at 10:15 am:", "comment"),
    ("jdoe \u2022 3h ago", "comment"),
    ("Sort by newest", "comment"),
    # sharing
    ("Share this article", "share"),
    ("Share 18 Tweet 3", "share"),
    ("Facebook Twitter LinkedIn Email", "share"),
    ("Click to share on Twitter (Opens in new window)", "share"),
    ("Copy link", "share"),
    ("Save for later", "share"),
    ("Gift this article", "share"),
    # captions and credits
    ("Photo: Jane Doe/Reuters", "caption"),
    ("The chief executive at the launch. Photograph: Jane Doe", "caption"),
    ("Image copyright Getty Images", "caption"),
    ("Getty Images", "caption"),
    ("Chart: Quarterly revenue, in $bn", "caption"),
    ("![A wafer](https://example.com/wafer.jpg)", "caption"),
    # bylines
    ("By Jane Doe", "byline"),
    ("Reporting by Jane Doe; Editing by John Smith", "byline"),
    ("Jane Doe, Technology Correspondent", "byline"),
    # advertising, ad blockers, cookies, newsletters
    ("Advertisement", "ad"),
    ("Story continues below advertisement", "ad"),
    ("Continue reading the main story", "ad"),
    ("Sponsored: Better savings rates", "ad"),
    ("Please disable your ad blocker to support our journalism.", "adblock"),
    ("We use cookies to improve your experience.", "cookie"),
    ("Accept all cookies", "cookie"),
    ("Got it!", "cookie"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Enter your email address", "newsletter"),
    ("Thanks for subscribing!", "newsletter"),
    # footers
    ("\u00a9 2024 The Daily Ledger. All rights reserved.", "footer"),
    ("Privacy Policy", "footer"),
    ("Terms of Use", "footer"),
    ("Back to top", "footer"),
    ("Powered by WordPress", "footer"),
    ("10 Downing Street, London SW1A 2AA", "footer"),  # a postal address
    # tags, paywalls, syndication, scripts, author bios, disclaimers, references
    ("Tags: chips, earnings, Nasdaq", "tags"),
    ("#earnings #chips", "tags"),
    ("Filed under: Markets", "tags"),
    ("You have reached your limit of free articles.", "paywall"),
    ("Subscribe to continue reading", "paywall"),
    ("This article originally appeared on Metro Dispatch.", "syndication"),
    ("Republished with permission", "syndication"),
    ("var x = 1;", "script"),
    ("window.dataLayer = window.dataLayer || [];", "script"),
    ("Jane Doe covers technology for the Ledger.", "bio"),
    ("Jane Doe is a business reporter.", "bio"),
    ("Follow Jane on Twitter", "bio"),
    ("This is not investment advice.", "disclaimer"),
    ("Past performance is no guide to future returns.", "disclaimer"),
    ("Journal reference: Nature 2019", "reference"),
    ("A version of this article appeared in print.", "reference"),
    ("Source: Reuters", "reference"),
    # dates, menus, site utilities, teasers, tickers, tracking pixels
    ("Published: March 3, 2024", "dateline"),
    ("Tuesday, March 3, 2024 at 10:30 am ET", "dateline"),
    ("Metro Dispatch | Aug 18, 2024", "dateline"),
    ("Updated 3 hours ago", "dateline"),
    ("Home | News | Business | Markets | Tech", "menu"),
    ("[1] [2] [3]", "menu"),
    ("Business", "menu"),
    ("Markets >", "menu"),
    ("Skip to main content", "utility"),
    ("Search", "utility"),
    ("Sign in", "utility"),
    ("Listen to this article", "utility"),
    ("Read more: Chipmaker shares slump", "readmore"),
    ("Related articles", "related"),
    ("You may also like", "related"),
    ("AAPL +1.2% MSFT -0.8% NVDA +3.4%", "ticker"),
    ("tracking pixel", "pixel"),
    ("[img]", "pixel"),
    ("Via: Metro Dispatch", "site"),
])
def test_rule_for_furniture(line, rule):
    assert N.rule_for(line) == rule


@pytest.mark.parametrize("line", [
    BODY1,
    BODY2,
    "Chip designer beats forecasts as demand doubles",  # a headline
    "What analysts expect next",  # a subheading
    "Revenue rose 12% to $5 billion in 2018.",
    "By 2020, the firm had hired 300 engineers.",  # "By" and a number: no byline
    "By the end of the year",
    "Reuters reported that the deal valued the company at $4 billion.",
    "Photo sharing app Flickr was sold for $35m.",
    "Netflix added 2.4 million subscribers in the quarter, the company said.",
    "Ad revenue rose 20% to $5bn.",
    "Search revenue rose 10%.",
    "The company declined to comment.",
    "Sources said the deal could close in June.",
    "Acme said on March 3, 2024 that revenue rose",  # a date inside a sentence is no date line
    "Memory prices fell for a third month.",
    "",
    "   ",
])
def test_rule_for_article_text(line):
    assert N.rule_for(line) is None


@pytest.mark.parametrize(("line", "rule"), [
    ("**Advertisement**", "ad"),  # Markdown emphasis
    ("## Related articles", "related"),  # a Markdown heading
    ("[Privacy Policy](https://example.com/privacy)", "footer"),  # a link's text
    ("[3] Privacy Policy", "footer"),  # a numbered link marker
    ("\u2014 Advertisement \u2014", "ad"),  # dashes round a short line
    ("> Sign up for our daily newsletter", "newsletter"),
])
def test_rule_for_reads_through_markup(line, rule):
    assert N.rule_for(line) == rule


@pytest.mark.parametrize(("line", "normalised"), [
    ("**Advertisement**", "Advertisement"),
    ("## Related  articles ", "Related articles"),
    ("[3] Privacy Policy", "Privacy Policy"),
    ("See [the filing](https://example.com/f) today", "See the filing today"),
    ("> quoted\u00a0text", "quoted text"),
])
def test_norm(line, normalised):
    assert N._norm(line) == normalised


def test_long_lines_escape_the_notice_rules():
    """Each rule has a word limit: a paragraph that mentions a cookie notice is article text."""
    notice = "We use cookies to improve your experience on our site and to show you relevant advertising."
    assert N.rule_for(notice) == "cookie"
    long = notice[:-1] + " " + " ".join(["and"] * 40) + "."
    assert N.rule_for(long) is None


def test_third_person_news_about_notices_is_article_text():
    """Over eight words, a cookie, ad-blocker or newsletter line must talk to the reader to be a notice."""
    assert N.rule_for("Regulators in Brussels fined the search company over its use of cookies on news sites.") is None
    assert N.rule_for("We use cookies.") == "cookie"
    assert N.rule_for("Regulators want you to accept cookies.") == "cookie"  # short: no address needed


def test_a_body_paragraph_that_ends_with_a_disclaimer_is_article_text():
    para = ("Shares in the chip designer rose 9% in early trading on Thursday after it reported results. Analysts had "
            "expected less. This is not investment advice.")
    assert N.rule_for(para) is None
    assert N.rule_for("This is not investment advice.") == "disclaimer"


@pytest.mark.parametrize(("text", "dominated"), [
    ("This is not investment advice.", True),  # one sentence
    ("Shares in the chip designer rose 9% in early trading on Thursday after it reported results. Analysts had "
     "expected less. This is not investment advice.", False),  # 19 words of news against 5 of disclaimer
    ("Shares rose. This is not investment advice. Please read our terms before you trade with us today.", True),
])
def test_dominates(text, dominated):
    assert N._dominates(N._DISCLAIMER.search, text) is dominated


@pytest.mark.parametrize(("line", "notice"), [
    ("Please disable your ad blocker", True),
    ("Log in to read more", True),
    ("Regulators fined the company over cookies", False),  # not addressed to the reader
    ("Please read on", False),  # addressed, but about nothing on the site
])
def test_is_notice(line, notice):
    assert N._is_notice(line) is notice


@pytest.mark.parametrize(("line", "dateline"), [
    ("Published: March 3, 2024", True),
    ("March 3, 2024", True),
    ("Tuesday, March 3, 2024 at 10:30 am ET", True),
    ("Metro Dispatch | Aug 18, 2024", True),  # a capitalised name and a separator
    ("By Jane Doe, March 3, 2024", True),
    ("2 hours ago", True),
    ("Updated 5 mins ago", True),
    ("Published: March 3, 2024. The company said revenue rose.", False),  # a sentence after the prefix
    ("metro dispatch aug 18, 2024", False),  # no separator and not capitalised
    ("Acme said on March 3, 2024 that revenue rose", False),
    ("Revenue", False),  # no date
    ("x" * 121 + " March 3, 2024", False),  # too long for a date line
])
def test_is_dateline(line, dateline):
    assert N._is_dateline(line) is dateline


@pytest.mark.parametrize(("line", "byline"), [
    ("By Jane Doe", True),
    ("BY JANE DOE", True),
    ("By Jane Doe in London", True),
    ("By J. Doe and K. Smith", True),
    ("Written by Jane Doe", True),
    ("Words: Jane Doe", True),
    ("Author: Jane Doe and John Smith", True),
    ("Reporting by Jane Doe; Editing by John Smith", True),
    ("Additional reporting by Jane Doe", True),
    ("With assistance from Jane Doe", True),
    ("\u2014 With assistance from Jane Doe", True),
    ("Jane Doe reported from London", True),
    ("Jane Doe, Reporter", True),
    ("Staff reporter", True),
    ("By the end of the year", False),  # a common word after "By"
    ("By 2020 Acme", False),
    ("By Jane Doe.", False),  # ends like a sentence
    ("(Jane Doe reported from London.)", False),
    ("The reporter said revenue rose", False),
    ("Reporter's notebook", False),
])
def test_is_byline(line, byline):
    assert N._is_byline(line) is byline


@pytest.mark.parametrize(("line", "menu"), [
    ("Home | News | Business", True),
    ("Chips \u00b7 Phones \u00b7 Laptops", True),
    ("Chips - Phones - Laptops", True),
    ("Chips  Phones  Laptops", True),  # columns of spaces
    ("Apple > iPhone > Cases", True),  # breadcrumbs
    ("Chips | Phones", True),  # two short items round one bar
    ("[1] [2]", True),  # numbered links
    ("[Chips](/c) [Phones](/p)", True),  # a line of links
    ("[Chips](/c) | [Phones](/p)", True),
    ("Chips | Phones and tablets", False),  # two items, one of three words
    ("Chips Phones", False),  # no separator
    ("[Read the full results statement](/r)", False),  # one link
    ("Revenue rose | profit fell. | costs rose", False),  # a sentence inside
    ("a | b | c", False),  # lower case items
    ("One two three four five six | Phones | Laptops", False),  # an item of six words
])
def test_is_menu(line, menu):
    assert N._is_menu(line) is menu


@pytest.mark.parametrize(("line", "tags"), [
    ("Tags: chips, earnings", True),
    ("Topics Chips Earnings", True),
    ("tagged with chips", True),
    ("More about Arm", True),
    ("Categories", True),
    ("#earnings #chips", True),
    ("Tags: chips, earnings.", False),  # ends like a sentence
    ("#earnings", False),  # one hashtag
])
def test_is_tags(line, tags):
    assert N._is_tags(line) is tags


@pytest.mark.parametrize(("line", "item"), [
    ("Memory prices fall for a third month", True),
    ("Is the chip boom over?", True),
    ("Prices fell...", True),
    ("Acme buys Beta Inc.", True),  # a final abbreviation is no full stop
    ("Memory prices fell for a third month.", False),  # a sentence
    ("Why this matters:", False),
    (" ".join(["word"] * 23), False),  # too many words
    ("", False),
])
def test_is_related_item(line, item):
    assert N._is_related_item(line) is item


@pytest.mark.parametrize(("line", "item"), [
    ("Chips", True), ("Chip stocks", True), ("Chip stocks today", False), ("Chips.", False), ("Chips:", False),
    ("12%", False), ("1,234.5", False), ("x" * 31, False),
])
def test_menu_item(line, item):
    assert N._menu_item(line) is item


@pytest.mark.parametrize(("line", "title"), [
    ("Chip designer beats forecasts", True),
    ("Chip designer beats forecasts...", True),
    ("Chips", False),  # one word
    ("Chip designer beats forecasts.", False),
    ("Chip designer beats forecasts:", False),
    ("12 34", False),  # no letters
    (" ".join(["word"] * 26), False),
])
def test_title_like(line, title):
    assert N._title_like(line) is title


# --- block rules ---------------------------------------------------------------------------------------------

def rules(lines: list[str]) -> list[tuple[str | None, str]]:
    _, units = segment(lines)
    return [(hit, u.text) for hit, u in zip(N._apply_rules(units), units)]


def test_related_headlines_after_a_heading_and_header_zone_lines():
    page = ["The Daily Ledger", "", "Chip designer beats forecasts as demand doubles", "",
            "Jane Doe, The Daily Ledger", "March 3, 2024", "", BODY1, "", BODY2, "",
            "Related articles", "Memory prices fall for a third month", "Rival chipmaker cuts 500 jobs", "",
            "The board will meet again in June to discuss the dividend, the company said in a statement."]
    assert rules(page) == [
        ("site", "The Daily Ledger"),  # a site name above a proper title
        (None, "Chip designer beats forecasts as demand doubles"),
        ("byline", "Jane Doe, The Daily Ledger"),  # "Name, Outlet" before the body
        ("dateline", "March 3, 2024"),
        (None, BODY1),
        (None, BODY2),
        ("related", "Related articles"),
        ("related", "Memory prices fall for a third month"),
        ("related", "Rival chipmaker cuts 500 jobs"),
        (None, "The board will meet again in June to discuss the dividend, the company said in a statement."),
    ]


def test_related_block_takes_a_teaser_and_stops_before_the_article_resumes():
    page = [BODY1, "", "More from Markets", "", "Memory prices fall for a third month",
            "Prices of memory chips fell again in May, a survey found.", "", "Rival chipmaker cuts 500 jobs", "", BODY2]
    # the teaser under a headline belongs to the block; the headline right above the article's next paragraph
    # is taken for a subheading
    assert [hit for hit, _ in rules(page)] == [None, "related", "related", "related", None, None]


def test_related_block_stops_at_other_furniture_and_at_a_subheading():
    page = [BODY1, "", "Related stories", "Memory prices fall for a third month", "Advertisement",
            "Rival chipmaker cuts 500 jobs", "", BODY2]
    assert [hit for hit, _ in rules(page)] == [None, "related", "related", "ad", None, None]
    page = [BODY1, "", "Related stories", "Memory prices fall for a third month", "", "What analysts expect next", "",
            BODY2 + " " + BODY1]
    assert [hit for hit, _ in rules(page)] == [None, "related", "related", None, None]


def test_related_block_keeps_time_stamps_and_the_articles_own_title():
    page = [BODY1, "", "Related", "2 hours ago", "Chip designer beats forecasts as demand doubles", "", BODY2]
    assert [hit for hit, _ in rules(page)] == [None, "related", "dateline", "related", None]
    # before any body: a title followed by its byline is the article's own title, not a related headline
    page = ["Most read", "Chip designer beats forecasts as demand doubles", "By Jane Doe", "", BODY1, BODY2]
    assert [hit for hit, _ in rules(page)] == ["related", None, "byline", None, None]


def test_vertical_menus():
    page = ["Chips", "Phones", "Laptops", "Deals", "", BODY1, "", "Chips", "Phones", "", BODY2]
    # three or more short lines; the one right above the body may be its kicker; two lines are no menu
    assert [hit for hit, _ in rules(page)] == ["menu", "menu", "menu", None, None, None, None, None]


def test_latest_inside_a_menu_is_no_heading():
    page = ["Daily Ledger", "Chips", "Latest", "Phones", "", BODY1]
    assert [hit for hit, _ in rules(page)] == ["menu", "menu", "menu", None, None]
    page = ["Chips", "Phones", "", "Latest", "", BODY1]  # after a blank line it heads a block
    assert [hit for hit, _ in rules(page)] == [None, None, "related", None]


def test_header_zone_labels_and_names():
    page = ["ENERGY", "", "Chip designer beats forecasts as demand doubles", "", "FATIMA DOE", "", BODY1, BODY2]
    assert [hit for hit, _ in rules(page)] == ["menu", None, "byline", None, None]
    page = ["Chip designer beats forecasts as demand doubles", "Jane Doe", "Share", "", BODY1, BODY2]
    assert [hit for hit, _ in rules(page)] == [None, "byline", "share", None, None]  # a name beside a share bar
    page = [BODY1, "Jane Doe", "Share", BODY2]
    assert rules(page)[1] == (None, "Jane Doe")  # only before the body starts


def test_caption_above_a_credit_line():
    page = [BODY1, "", "A factory worker at the plant in Ohio.", "Reuters", "", BODY2]
    assert [hit for hit, _ in rules(page)] == [None, "caption", "caption", None]
    page = [BODY1, "", "A factory worker at the plant in Ohio.", "", "Reuters", "", BODY2]
    assert [hit for hit, _ in rules(page)] == [None, None, "caption", None]  # a blank line between: not its caption


def test_reader_comments_under_a_comment_header():
    page = [BODY1, "", "jdoe says:", "Great results, buying more.", "Not so sure about margins", "", "Leave a Reply"]
    assert [hit for hit, _ in rules(page)] == [None, "comment", "comment", "comment", "comment"]


def test_apply_rules_of_no_units():
    assert N._apply_rules([]) == []


@pytest.mark.parametrize("line", [
    "Copyright disputes cost the studio $40m in 2019.",  # "[A-Z]" once matched any letter under re.I
    "Lenders set three tests for the new loan: (a) revenue, (b) profit and (c) cash flow",
    "Net profit    1,234    1,100",  # a space-aligned results row, not a menu
])
def test_news_lines_are_not_furniture(line):
    assert N.rule_for(line) is None


def test_a_space_aligned_results_table_survives_cleaning():
    from claimcheck.ingest.boilerplate import strip_boilerplate

    page = ("Acme Corp results for 2019\n\nAcme Corp said on Monday its profit rose sharply in 2019 as sales of its "
            "widgets grew in Europe and Asia.\n\nNet profit    1,234    1,100\nRevenue    5,000    4,800\n\nThe "
            "company said it expected further growth next year, its chief executive told reporters in London.")
    clean = strip_boilerplate(page)
    assert "Net profit    1,234    1,100" in clean.text and "Revenue    5,000    4,800" in clean.text
