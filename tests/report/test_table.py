"""The terminal report: findings first, values side by side, readable narrow and without colour."""

import io

import pytest
from rich.console import Console

from claimcheck.report.table import evidence, render_table
from claimcheck.schema import Claim

from conftest import STORIES


@pytest.fixture(scope="module")
def report(nlp):
    import claimcheck

    return claimcheck.check([str(STORIES / "entity-list-2019")], warn=lambda m: None)


def render(report, width, **kw):
    out = io.StringIO()
    render_table(report, Console(file=out, width=width, no_color=True, force_terminal=False), **kw)
    return out.getvalue()


def test_findings_first_by_severity_with_sources_side_by_side(report):
    text = render(report, 100)
    lines = text.splitlines()
    assert lines[0].startswith("5 documents")
    kinds = [line.split(" ·")[0] for line in lines if " · Refuted · " in line]
    assert kinds == ["conflict", "date", "typo"]
    conflict = text[text.index("conflict ·"):text.index("date ·")]
    for doc in ("blog", "techsite", "wire-report"):
        assert doc in conflict
    assert "republished" not in conflict  # a copy of wire-report: one voice with it
    assert "$5.7 billion" in conflict and "more than $7.5 billion" in conflict
    assert "Claims" not in text and "Claims" in render(report, 100, verbose=True)


@pytest.mark.parametrize("width", [50, 80])
def test_narrow_terminal_keeps_every_finding_readable(report, width):
    text = render(report, width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert text.count(" · Refuted · ") == len(report.findings)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_claims_table_values_are_never_cut_and_keep_their_qualifier(report, width):
    """'5,700,00… USD' at 80 columns was a cut value; the value column also showed no '≥' for 'more than'."""
    from claimcheck.report.stories import format_value

    text = render(report, width, verbose=True)
    table = text[text.index("Claims"):]
    assert "…" not in table  # a narrow column wraps its words; it never cuts them
    assert "≥" in table and "≈" in table
    if width >= 120:
        for c in report.claims:
            assert format_value(c.value, c.unit, c.qualifier, compact=True) in table
    more_than = next(c for c in report.claims if c.text == "more than $7.5 billion")
    assert format_value(more_than.value, more_than.unit, more_than.qualifier, compact=True) == "≥ 7.5bn USD"


@pytest.mark.parametrize("value,unit,qualifier,full,compact", [
    (7_500_000_000, "USD", "at_least", "≥ 7,500,000,000 USD", "≥ 7.5bn USD"),
    (4_870_000_000, "USD", "exact", "4,870,000,000 USD", "4.87bn USD"),
    (1_234_567, "GBP", "approx", "≈ 1,234,567 GBP", "≈ 1.235m GBP"),
    (1, "percent", "at_most", "≤ 1%", "≤ 1%"),
    (28, "count", None, "28", "28"),
    ("2019-10-07", "date", "exact", "2019-10-07", "2019-10-07"),
    (None, None, None, "", ""),
])
def test_one_value_format_for_every_report(value, unit, qualifier, full, compact):
    from claimcheck.report.stories import format_value

    assert format_value(value, unit, qualifier) == full
    assert format_value(value, unit, qualifier, compact=True) == compact


def test_evidence_highlights_the_figure_and_shortens_long_sentences():
    long = "Intro words " * 40 + "SenseTime was valued at $7.5 billion " + "trailing words " * 40
    claim = Claim(id="c", doc="d", subject="SenseTime", attribute="valuation", value=7.5e9, text="$7.5 billion",
                  start=0, end=1, sentence=long, confidence=0.9)
    text = evidence(claim, limit=120)
    assert "$7.5 billion" in text.plain and len(text.plain) <= 122
    assert text.plain.startswith("…") and text.plain.endswith("…")
    [span] = text.spans
    assert text.plain[span.start:span.end] == "$7.5 billion"


@pytest.mark.parametrize("n_claims, n_single, expected", [
    (1, 1, ["1 claim extracted;", "1 figure stated by one source only"]),
    (2, 3, ["2 claims extracted;", "3 figures stated by one source only"]),
])
def test_counts_are_worded_in_singular_and_plural(n_claims, n_single, expected):
    from claimcheck.schema import Report, SingleSource

    claims = [Claim(id=f"a:c{i}", doc="a", subject="Acme", attribute="valuation", value=5e9 + i, unit="USD",
                    text="$5bn", start=0, end=4, sentence="Acme is valued at $5bn.", confidence=0.9)
              for i in range(n_claims)]
    single = [SingleSource(id=f"s{i}", subject="Acme", attribute="valuation", docs=["a"], claims=["a:c0"],
                           message="only one source", confidence=0.5)
              for i in range(n_single)]
    text = " ".join(render(Report(claims=claims, single_source=single), 200).split())
    for phrase in expected:
        assert phrase in text, text
