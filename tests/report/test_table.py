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
    for doc in ("blog", "republished", "techsite", "wire-report"):
        assert doc in conflict
    assert "$5.7 billion" in conflict and "more than $7.5 billion" in conflict
    assert "Claims" not in text and "Claims" in render(report, 100, verbose=True)


@pytest.mark.parametrize("width", [50, 80])
def test_narrow_terminal_keeps_every_finding_readable(report, width):
    text = render(report, width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert text.count(" · Refuted · ") == len(report.findings)


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
