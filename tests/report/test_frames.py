"""`Report.to_pandas()`: the frames match the report, row for row, with stable columns and dtypes."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from claimcheck.report.frames import CLAIM_COLUMNS, DOCUMENT_COLUMNS, FINDING_COLUMNS, to_pandas
from claimcheck.schema import Claim, Document, Finding, Report


def _claim(n: int, **kw) -> Claim:
    base = dict(id=f"a:c{n}", doc="a", subject="Acme", attribute="valuation", value=7_500_000_000, unit="USD",
                qualifier="exact", low=7_450_000_000, high=7_550_000_000, text="$7.5 billion", start=0, end=12,
                sentence="Acme is valued at $7.5 billion.", confidence=0.9)
    return Claim(**{**base, **kw})


HANDMADE = Report(
    documents=[Document(id="a", path="a.txt", title="A", published=date(2024, 3, 5), source="Wire", text="x" * 40),
               Document(id="b", text="short")],
    claims=[
        _claim(1),
        _claim(2, attribute="valuation", value=5_400_000_000, qualifier="at_least", low=5_400_000_000, high=None,
               text="more than $5.4 billion"),
        _claim(3, attribute="revenue_share", value=61.5, unit="percent", low=61.45, high=61.55, period="2018",
               scope="Xinjiang", text="61.5%"),
        _claim(4, attribute="listing_date", value="2019-11-26", unit="date", low="2019-11-26", high="2019-11-26",
               text="Tuesday", doc="b", id="b:c1"),
        _claim(5, attribute="event_date", value="2019-10", unit="date", low="2019-10-01", high="2019-10-31",
               text="October", doc="b", id="b:c2"),
        _claim(6, attribute="count", value=None, unit="count", low=None, high=None, text="dozens"),
    ],
    findings=[
        Finding(id="f1", kind="conflict", verdict="Refuted", subject="Acme", attribute="valuation",
                claims=["a:c1", "a:c2"], docs=["a"], message="m", found="$5.4 billion", suggestion="$7.5 billion",
                confidence=0.7),
        Finding(id="f2", kind="typo", verdict="Refuted", subject="Acme", docs=["b"], message="t", found="Acem",
                suggestion="Acme", confidence=0.9),
    ],
    warnings=["b.txt: something"],
)


def _same(frame_value, model_value) -> bool:
    if model_value is None:
        return pd.isna(frame_value)
    if isinstance(model_value, float) and math.isnan(model_value):
        return pd.isna(frame_value)
    return frame_value == model_value


def check_frames(report: Report) -> dict:
    frames = to_pandas(report)
    assert set(frames) == {"documents", "claims", "findings"}
    docs, claims, findings = frames["documents"], frames["claims"], frames["findings"]

    assert list(docs.columns) == DOCUMENT_COLUMNS
    assert list(claims.columns) == CLAIM_COLUMNS
    assert list(findings.columns) == FINDING_COLUMNS
    assert (len(docs), len(claims), len(findings)) == (len(report.documents), len(report.claims), len(report.findings))

    for col in ("value", "low", "high", "confidence"):
        assert claims[col].dtype == "float64", col
    assert claims["start"].dtype == "int64" and claims["end"].dtype == "int64"
    assert findings["confidence"].dtype == "float64"
    assert pd.api.types.is_datetime64_any_dtype(docs["published"])
    assert docs["chars"].dtype == "int64"

    for row, d in zip(docs.itertuples(index=False), report.documents):
        assert row.id == d.id and _same(row.title, d.title) and _same(row.source, d.source)
        assert _same(row.path, d.path)
        assert (pd.isna(row.published) if d.published is None else row.published.date() == d.published)
        assert row.chars == len(d.text)

    for row, c in zip(claims.to_dict("records"), report.claims):
        for field in ("id", "doc", "subject", "subject_text", "attribute", "unit", "qualifier", "period", "scope",
                      "text", "start", "end", "sentence"):
            assert _same(row[field], getattr(c, field)), (c.id, field)
        assert row["confidence"] == pytest.approx(c.confidence)
        if isinstance(c.value, str):  # a date: the string in `date`, no number
            assert c.unit == "date"
            assert math.isnan(row["value"]) and row["date"] == c.value
            assert _same(row["date_low"], c.low) and _same(row["date_high"], c.high)
            assert math.isnan(row["low"]) and math.isnan(row["high"])
        else:
            assert _same(row["value"], c.value) and pd.isna(row["date"])
            assert _same(row["low"], c.low) and _same(row["high"], c.high)
            assert pd.isna(row["date_low"]) and pd.isna(row["date_high"])

    for row, f in zip(findings.to_dict("records"), report.findings):
        assert isinstance(row["claims"], list) and isinstance(row["docs"], list)
        assert row["claims"] == f.claims and row["docs"] == f.docs
        for field in ("id", "kind", "verdict", "subject", "attribute", "message", "found", "suggestion"):
            assert _same(row[field], getattr(f, field)), (f.id, field)
    return frames


def test_handmade_report():
    frames = check_frames(HANDMADE)
    claims = frames["claims"]
    assert claims["value"].tolist()[:3] == [7.5e9, 5.4e9, 61.5]
    assert math.isnan(claims.loc[1, "high"])  # open upper bound of "more than"
    assert claims["date"].tolist()[3:5] == ["2019-11-26", "2019-10"]
    assert math.isnan(claims.loc[5, "value"])  # a count without a number
    assert frames["documents"]["published"].isna().tolist() == [False, True]


def test_empty_report_has_the_columns_and_dtypes():
    frames = check_frames(Report())
    assert all(df.empty for df in frames.values())


def test_report_method_is_the_same_as_the_function():
    a, b = HANDMADE.to_pandas(), to_pandas(HANDMADE)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name])


def test_list_columns_are_copies():
    frames = to_pandas(HANDMADE)
    frames["findings"].loc[0, "claims"].append("zzz")
    assert HANDMADE.findings[0].claims == ["a:c1", "a:c2"]


def test_value_and_date_give_back_the_json_value():
    claims = to_pandas(HANDMADE)["claims"]
    restored = claims["value"].astype(object).where(claims["value"].notna(), claims["date"])
    for got, c in zip(restored, HANDMADE.claims):
        assert _same(got, c.value)


def test_findings_explode_and_join_on_claims():
    frames = to_pandas(HANDMADE)
    evidence = frames["findings"].explode("claims").merge(frames["claims"], left_on="claims", right_on="id")
    assert evidence["value"].tolist() == [7.5e9, 5.4e9]


@pytest.mark.parametrize("story", ["alibaba-hk-listing-2019", "arm-ipo-2023", "entity-list-2019"])
def test_frames_match_the_demo_reports(story, story_reports):
    report = story_reports[story]
    frames = check_frames(report)
    claims = frames["claims"]
    dates = claims["unit"] == "date"
    assert dates.any() and (~dates).any()
    assert claims.loc[~dates, "value"].notna().all()
    assert claims.loc[dates, "date"].str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").all()
    assert set(frames["findings"]["kind"]) <= {"conflict", "typo", "date"}
