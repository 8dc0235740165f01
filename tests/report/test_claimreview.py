"""ClaimReview JSON-LD: every required field present and typed as Google's Fact Check tools read it."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from claimcheck.report.claimreview import RATING, claim_review, render_claimreview, review_url
from claimcheck.schema import Claim, Document, Finding, Report

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _org(value, where: str) -> None:
    assert isinstance(value, dict) and value.get("@type") == "Organization", where
    assert isinstance(value.get("name"), str) and value["name"].strip(), where


def validate_claim_review(review: dict, *, url_expected: bool = False) -> None:
    """The required fields of a ClaimReview (schema.org, as Google's Fact Check markup documents them)."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()

    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    for key in ("ratingValue", "bestRating", "worstRating"):
        assert type(rating[key]) is int, key
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]

    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert isinstance(item["appearance"], list) and item["appearance"]
    for work in item["appearance"]:
        assert work["@type"] == "CreativeWork"
        for key in ("url", "headline"):
            if key in work:
                assert isinstance(work[key], str) and work[key]
        if "datePublished" in work:
            assert ISO_DATE.match(work["datePublished"])
        if "publisher" in work:
            _org(work["publisher"], "appearance.publisher")
    assert ISO_DATE.match(item["datePublished"])
    _org(item["author"], "itemReviewed.author")

    _org(review["author"], "author")
    assert ISO_DATE.match(review["datePublished"])
    if url_expected:
        assert isinstance(review["url"], str) and review["url"].startswith(("https://", "http://"))
    else:
        assert "url" not in review


@pytest.fixture()
def report() -> Report:
    docs = [
        Document(id="arm/blog", path="https://blog.example/arm", title="Was it a success?",
                 published=date(2023, 9, 15), source="Silicon Musings", text="Arm raised about $3.5 billion."),
        Document(id="arm/old", path="old.txt", title="Old news", published=date(2023, 9, 13), source="Old Wire",
                 text="Arm raised $3.5bn."),
        Document(id="arm/wire", path="wire.txt", url="https://wire.example/arm-soars", title="Arm soars",
                 published=date(2023, 9, 14), source="Wire", text="Arm raised $4.87 billion. SoftBnak owns 90%."),
    ]

    def claim(cid, doc, text, value):
        return Claim(id=cid, doc=doc, subject="Arm", attribute="ipo_proceeds", value=value, unit="USD", text=text,
                     low=value * 0.99, high=value * 1.01, start=0, end=1, sentence=f"Arm raised {text}.",
                     confidence=0.9)

    claims = [claim("arm/blog:c1", "arm/blog", "about $3.5 billion", 3.5e9),
              claim("arm/old:c1", "arm/old", "$3.5bn", 3.5e9),
              claim("arm/wire:c1", "arm/wire", "$4.87 billion", 4.87e9)]
    findings = [
        Finding(id="arm/f1", kind="conflict", verdict="Conflicting Evidence/Cherrypicking", subject="Arm",
                attribute="ipo_proceeds", claims=[c.id for c in claims], docs=["arm/wire", "arm/blog", "arm/old"],
                message="wire says $4.87 billion; blog and old say about $3.5 billion.", found="$4.87 billion",
                suggestion="about $3.5 billion", confidence=0.5),
        Finding(id="arm/f2", kind="typo", verdict="Refuted", subject="SoftBank", docs=["arm/wire"],
                message="'SoftBnak' in wire looks like a misspelling of 'SoftBank'.", found="SoftBnak",
                suggestion="SoftBank", confidence=0.9),
        Finding(id="arm/f3", kind="date", verdict="Refuted", attribute="published", docs=["arm/old"],
                message="old is dated 2023-09-13.", found="2023-09-13", suggestion="2023-09-14", confidence=0.8),
    ]
    return Report(documents=docs, claims=claims, findings=findings)


def test_every_finding_becomes_a_valid_claim_review(report):
    data = json.loads(render_claimreview(report, url="https://example.org/checks/arm", date_published="2024-05-01"))
    assert isinstance(data, list) and len(data) == len(report.findings)
    for review, finding in zip(data, report.findings):
        validate_claim_review(review, url_expected=True)
        assert review["reviewRating"]["alternateName"] == finding.verdict
        assert review["reviewBody"] == finding.message
        assert review["datePublished"] == "2024-05-01"
        assert review["author"] == {"@type": "Organization", "name": "claimcheck"}
        assert review["url"] == f"https://example.org/checks/arm#{finding.id}"


def test_conflict_review_names_the_disputed_claim_and_where_it_appears(report):
    review = claim_review(report.findings[0], report, date_published=date(2024, 5, 1))
    assert review["claimReviewed"] == "Arm raised $4.87 billion."
    item = review["itemReviewed"]
    assert item["appearance"] == [{"@type": "CreativeWork", "url": "https://wire.example/arm-soars", "headline": "Arm soars",
                                   "datePublished": "2023-09-14",
                                   "publisher": {"@type": "Organization", "name": "Wire"}}]
    assert item["datePublished"] == "2023-09-14"
    assert item["author"] == {"@type": "Organization", "name": "Wire"}
    assert review["reviewRating"]["ratingValue"] == 2


def test_appearance_url_is_the_articles_address_never_a_local_path(report):
    """A file read from disk has no public address unless the page names one (its canonical link or og:url)."""
    docs = {d.id: d for d in report.documents}
    wire = docs["arm/wire"]
    for doc, expected in ((wire, "https://wire.example/arm-soars"),
                          (wire.model_copy(update={"url": None}), None),
                          (docs["arm/blog"], "https://blog.example/arm"),  # a JSON record's http(s) path
                          (docs["arm/old"], None)):
        from claimcheck.report.claimreview import _appearance

        assert _appearance(doc).get("url") == expected


def test_claim_appearing_in_several_sources_dates_from_the_earliest(report):
    flipped = report.findings[0].model_copy(update={"docs": ["arm/blog", "arm/old", "arm/wire"],
                                                    "found": "about $3.5 billion", "suggestion": "$4.87 billion"})
    review = claim_review(flipped, report, date_published="2024-05-01")
    headlines = [(w["headline"], w.get("url")) for w in review["itemReviewed"]["appearance"]]
    assert headlines == [("Was it a success?", "https://blog.example/arm"), ("Old news", None)]
    assert review["itemReviewed"]["datePublished"] == "2023-09-13"
    assert review["itemReviewed"]["author"]["name"] == "Silicon Musings"
    assert review["claimReviewed"] == "Arm raised about $3.5 billion."


def test_typo_and_publication_date_reviews(report):
    typo = claim_review(report.findings[1], report, date_published="2024-05-01")
    assert typo["claimReviewed"] == "The name is spelt “SoftBnak”: “SoftBnak owns 90%.”"
    dated = claim_review(report.findings[2], report, date_published="2024-05-01")
    assert dated["claimReviewed"] == "“Old news” was published on 2023-09-13."
    for review in (typo, dated):
        validate_claim_review(review)


@pytest.mark.parametrize("verdict, value", [
    ("Refuted", 1), ("Conflicting Evidence/Cherrypicking", 2), ("Not Enough Evidence", 3), ("Supported", 5)])
def test_verdicts_map_to_a_one_to_five_scale(report, verdict, value):
    finding = report.findings[1].model_copy(update={"verdict": verdict})
    rating = claim_review(finding, report)["reviewRating"]
    assert rating == {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                      "alternateName": verdict}
    assert RATING[verdict] == value


def test_defaults_today_no_url_and_custom_author(report):
    data = json.loads(render_claimreview(report, author="Newsroom Desk"))
    for review in data:
        validate_claim_review(review)
        assert review["datePublished"] == date.today().isoformat()
        assert review["author"]["name"] == "Newsroom Desk"


@pytest.mark.parametrize("base, fid, expected", [
    ("https://x.org/r", "f1", "https://x.org/r#f1"),
    ("https://x.org/r#old", "arm-ipo-2023/f2", "https://x.org/r#arm-ipo-2023/f2"),
    ("https://x.org/r", "a b/f1", "https://x.org/r#a%20b/f1"),
    (None, "f1", None), ("", "f1", None),
])
def test_review_url(base, fid, expected):
    assert review_url(base, fid) == expected


def test_no_findings_is_an_empty_list():
    assert json.loads(render_claimreview(Report())) == []


def test_demo_stories_validate(story_reports):
    for report in story_reports.values():
        data = json.loads(render_claimreview(report, url="https://example.org/r", date_published="2024-01-02"))
        assert len(data) == len(report.findings) > 0
        for review in data:
            validate_claim_review(review, url_expected=True)
