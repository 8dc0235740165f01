"""Unit tests of ``claimcheck.ingest.segment``: splitting a page into physical lines and units, joining the lines
of hard-wrapped paragraphs, and the line-shape patterns the noise rules share. The page text is our own."""

from __future__ import annotations

import pytest

from claimcheck.ingest import segment as S
from claimcheck.ingest.segment import Unit, segment

# two paragraphs hard-wrapped at 64 columns, with no blank line between them
WRAPPED = [
    "Shares in the chip designer rose 9% in early trading on Thursday",
    "after it reported quarterly revenue of $1.2 billion, well ahead",
    "of the $1.05 billion analysts had expected, and lifted its",
    "outlook for the rest of the year.",
    "The company said demand from data centre customers had doubled",
    "since the spring and that it would hire 400 engineers over the",
    "next twelve months to keep up with orders.",
]
FIRST = " ".join(WRAPPED[:4])
SECOND = " ".join(WRAPPED[4:])

# natural lines: one sentence each, of different lengths
NATURAL = [
    "Quarterly revenue at the retailer rose to $4.2 billion.",
    "Online sales grew 14% and store traffic recovered in Europe.",
    "The company raised its forecast for the full year.",
    "Its shares closed 3% higher in New York on Tuesday after the results.",
    "Analysts had expected revenue of $4.0 billion.",
]


@pytest.mark.parametrize(("raw", "lines"), [
    ("one\r\ntwo\rthree", ["one", "two", "three"]),  # Windows and old Mac line ends
    ("one\u2028two", ["one", "two"]),  # a Unicode line separator
    ("one\u2029two", ["one", "", "two"]),  # a paragraph separator is a blank line
    ("a\x00b\ufeffc", ["abc"]),  # NULs and byte-order marks vanish
    ("net\u00a0profit", ["net profit"]),  # a no-break space is a space
    ("\tindented", ["    indented"]),  # a tab is four spaces
    ("trailing   \n", ["trailing", ""]),  # trailing white space goes
    ("", [""]),
])
def test_split_lines(raw, lines):
    assert S._split_lines(raw) == lines


def test_wrap_width_of_a_wrapped_page():
    assert S._wrap_width(WRAPPED) == 64


@pytest.mark.parametrize(("lines", "why"), [
    (NATURAL, "every line ends its sentence"),
    (WRAPPED[:3], "fewer than four lines"),
    ([line * 2 for line in WRAPPED], "lines longer than 100 characters are not wrapped"),
    ([line[:30] for line in WRAPPED], "lines shorter than 40 characters are not wrapped"),
    ([], "no lines"),
])
def test_wrap_width_of_pages_that_are_not_wrapped(lines, why):
    assert S._wrap_width(lines) is None, why


def test_wrap_width_ignores_the_longest_lines():
    """One very long line (a URL, a table row) in 33 does not hide the wrapping; in fewer it does."""
    page = WRAPPED * 5 + ["x" * 300]  # 36 lines: the longest ~3% is one line
    assert S._wrap_width(page) == 64
    assert S._wrap_width(WRAPPED * 2 + ["x" * 300]) is None


def test_segment_joins_hard_wrapped_paragraphs():
    lines, units = segment("\n".join(WRAPPED))
    assert lines == WRAPPED
    assert units == [Unit(FIRST, [0, 1, 2, 3], 0, True, False), Unit(SECOND, [4, 5, 6], 0, False, True)]


def test_segment_keeps_natural_lines_apart():
    _, units = segment("\n".join(NATURAL))
    assert [u.text for u in units] == NATURAL
    assert [u.lines for u in units] == [[0], [1], [2], [3], [4]]


def test_segment_blocks_and_blank_lines():
    raw = "  Chipmaker beats forecasts  \n\n\nShares rose 9%.\nRevenue was $1.2bn.\n\nMore later"
    lines, units = segment(raw)
    assert lines[0] == "  Chipmaker beats forecasts"  # only trailing white space goes from a line
    assert units == [
        Unit("Chipmaker beats forecasts", [0], 0, True, True),  # a unit's text is stripped
        Unit("Shares rose 9%.", [3], 1, True, False),
        Unit("Revenue was $1.2bn.", [4], 1, False, True),
        Unit("More later", [6], 2, True, True),  # the last unit always ends its block
    ]


def test_segment_never_joins_list_items_headings_or_table_rows():
    page = WRAPPED[:3] + ["- outlook raised for the rest of the year", "1. revenue of $1.2 billion"] + WRAPPED[4:]
    _, units = segment(page)
    assert [u.lines for u in units] == [[0, 1, 2], [3], [4], [5, 6, 7]]
    page = ["# Chip designer beats forecasts as data centre demand doubles"] + WRAPPED[1:]
    _, units = segment(page)
    assert units[0].lines == [0]  # a heading never takes the next line


def test_segment_of_a_list_of_lines_and_of_nothing():
    assert segment(["Shares rose 9%.   ", "Revenue was $1.2bn."])[0] == ["Shares rose 9%.", "Revenue was $1.2bn."]
    assert segment("") == ([""], [])
    assert segment("\n \n") == (["", "", ""], [])
    assert segment([]) == ([], [])


LONG = "Shares in the chip designer rose 9% in early trading on Thursday"  # 64 characters, no final stop


@pytest.mark.parametrize(("prev", "nxt", "uses_blank", "joined"), [
    (LONG, "after it reported", False, True),  # mid-sentence, and the next word would not have fitted
    ("Shares in the chip designer rose 9% in early", "trading on Thursday", False, True),  # fits, but lower case
    ("Shares in the chip designer rose 9% in", "trading", False, False),  # fits and the line is short: its end
    ("Shares in the chip designer rose 9%.", "After it reported", False, False),  # a sentence ended
    ("Shares rose 9% on Thursday", "after it reported", False, False),  # under 30 characters: a line of its own
    (LONG, "- after it reported", False, False),  # a list item
    (LONG, "1. after it reported", False, False),
    (LONG, "> after it reported", False, False),  # a quote
    ("# " + LONG, "after it reported", False, False),  # a heading
    ("| " + LONG, "after it reported", False, False),  # a table row
    (LONG[:55] + ".", "Thursdayafternoon and", False, False),  # ended with a stop, next capitalised
    (LONG[:55] + ".", "thursdayafternoon and", False, True),  # ... next in lower case: carries on
    (LONG[:55] + ".", "Thursdayafternoon and", True, True),  # a page with blank lines between paragraphs
])
def test_continues(prev, nxt, uses_blank, joined):
    assert S._continues(prev, nxt, 64, uses_blank) is joined


@pytest.mark.parametrize(("line", "terminal"), [
    ("Revenue rose.", True),
    ("Did revenue rise?", True),
    ("Revenue rose!", True),
    ('He said "revenue rose."', True),
    ("(Revenue rose.)", True),
    ("Revenue rose. Then", False),  # a stop inside the line ends no line
    ("Revenue rose", False),
    ("Revenue rose:", False),
])
def test_terminal(line, terminal):
    assert bool(S._TERMINAL.search(line)) is terminal


@pytest.mark.parametrize(("line", "listed"), [
    ("- item", True), ("* item", True), ("+ item", True), ("\u2022 item", True), ("1. item", True),
    ("12) item", True), ("# Heading", True), ("> quote", True), ("| cell |", True), ("![chart](c.png)", True),
    ("[3] note", True), ("-item", False), ("123. item", False), ("Item", False), ("2019 was good", False),
])
def test_list_start(line, listed):
    assert bool(S._LIST_START.match(line)) is listed


@pytest.mark.parametrize(("text", "unwrapped"), [
    ("See [the filing](https://example.com/f) today", "See the filing today"),
    ("[Results](https://example.com/wiki/Q3_(2019)) out", "Results out"),  # one level of brackets in the url
    ("[a] (b)", "[a] (b)"),  # not a link
    ("[](https://example.com)", ""),
])
def test_md_link(text, unwrapped):
    assert S.MD_LINK.sub(r"\1", text) == unwrapped


def test_md_link_on_a_line_of_brackets():
    """A line of thousands of '[' or '](' is scanned in linear time (it took 2.3 s when quadratic)."""
    assert S.MD_LINK.search("[" * 9_000) is None
    assert S.MD_LINK.search("](" * 9_000) is None


@pytest.mark.parametrize(("text", "long"), [
    ("Shares in the chip designer rose 9% in early trading on Thursday after it reported results.", True),
    ("Shares in the chip designer rose 9% in early trading on Thursday after it reported results", False),
    ("Shares rose 9% in early trading.", False),  # fewer than 15 words
])
def test_is_long_para(text, long):
    assert S._is_long_para(text) is long
