"""The shared vocabulary of claimcheck: documents, mentions, claims, findings, reports.

Every stage is a function over these models; the CLI, notebooks and batch runner
only move them around. ``Report.model_json_schema()`` is what ``claimcheck schema``
prints, and every report carries ``schema_version``.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.vocabulary import Attribute, FindingKind

SCHEMA_VERSION: Final = "2"  # 2: claims carry `as_of`, reports `timelines`

Value = Union[int, float, str, None]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
Verdict = Literal[
    "Supported",
    "Refuted",
    "Not Enough Evidence",
    "Conflicting Evidence/Cherrypicking",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(_Model):
    """One article after ingestion: cleaned text plus its metadata."""

    id: str = Field(description="file name without extension, or the `id` of a JSONL/JSON record")
    path: Optional[str] = Field(default=None, description="where it was read from ('-' for stdin)")
    title: Optional[str] = None
    published: Optional[date] = Field(default=None, description="publication date, ISO YYYY-MM-DD")
    source: Optional[str] = Field(default=None, description="site or outlet name")
    url: Optional[str] = Field(default=None, description="the article's public address: the page's canonical link "
                               "or og:url, or the `url` field of a JSON/JSONL record")
    text: str = Field(default="", description="cleaned main text; every offset points here (left out of reports "
                                              "made with --no-text)")
    republished_from: Optional[str] = Field(default=None, description="the outlet a credit line of the page names as "
                                            "the article's first publisher ('Republished from TechLedger', 'This "
                                            "article first appeared in …'): the line itself is not in `text`; a copy "
                                            "that credits another document's outlet is never taken for the original")
    copy_of: Optional[str] = Field(default=None, description="id of the document of the same story this one "
                                   "copies (syndicated or near-duplicate text): its figures that repeat the "
                                   "original's do not vote again (resolve/copies.py)")


class Mention(_Model):
    """A money, percent, count, quantity or date expression (or a named entity)."""

    label: str = Field(description="MONEY, PERCENT, CARDINAL, QUANTITY, DATE, ORG, PERSON, GPE, NORP")
    text: str
    start: int = Field(description="character offset into the document's cleaned text")
    end: int
    value: Value = None
    unit: Optional[str] = None
    qualifier: Optional[Qualifier] = None
    low: Value = Field(default=None, description="lower bound of the value interval (null: unbounded)")
    high: Value = Field(default=None, description="upper bound of the value interval (null: unbounded)")


class Claim(_Model):
    """A value stated about a subject: 'SenseTime' -valuation-> more than $7.5 billion."""

    id: str
    doc: str
    subject: str = Field(description="canonical subject entity")
    subject_text: Optional[str] = Field(default=None, description="the subject as written in the document")
    attribute: Attribute = Field(description="what the figure states (corpus/GUIDELINES.md defines each)")
    value: Value
    unit: Optional[str] = None
    qualifier: Qualifier = "exact"
    low: Value = None
    high: Value = None
    period: Optional[str] = Field(default=None, description="time the figure refers to: '2018', '2019-H1'; 'an "
                                  "earlier period' for a comparison figure of an undated story")
    scope: Optional[str] = Field(default=None, description="what part of the subject a figure covers, e.g. 'Xinjiang'")
    as_of: Optional[str] = Field(default=None, description="the moment the figure held, when the text ties it to one: "
                                 "'open', 'close', 'intraday', 'pre_market', 'after_hours', 'ipo_price', 'estimate', "
                                 "'final', 'over_allotment', 'announced', or an ISO date; figures at different moments "
                                 "form a timeline, never a conflict")
    text: str = Field(description="the value as written")
    start: int
    end: int
    sentence: str = Field(default="", description="the evidence sentence")
    confidence: float = Field(ge=0.0, le=1.0)


class Evidence(_Model):
    """Where a finding's words stand: the figure or name as written, in its sentence."""

    doc: str
    claim: Optional[str] = Field(default=None, description="the claim id, when the evidence is a claim")
    text: str = Field(description="the figure, date or name as written")
    sentence: str = Field(default="", description="the sentence it stands in")
    start: Optional[int] = Field(default=None, description="character offset into the document's cleaned text")
    end: Optional[int] = None


class Finding(_Model):
    """Something that does not agree across sources."""

    id: str
    kind: FindingKind
    verdict: Verdict
    subject: Optional[str] = None
    attribute: Optional[Union[Attribute, Literal["published"]]] = Field(
        default=None, description="the claims' attribute; 'published' for a page's own publication date")
    claims: list[str] = Field(default_factory=list)
    docs: list[str] = Field(default_factory=list)
    message: str
    found: Optional[str] = None
    suggestion: Optional[str] = None
    confidence: float = Field(ge=0.0, le=1.0)
    slip: Optional[str] = Field(default=None, description="likely kind of numeric slip: 'a digit transposition', "
                                "'a dropped digit or zero', 'billion/million or million/thousand mixed up' …")
    evidence: list[Evidence] = Field(default_factory=list, description="each source's words and sentence, the "
                                     "disagreeing source first")


class SingleSource(_Model):
    """A figure only one source states: nothing to check it against (AVeriTeC: Not Enough Evidence).

    Kept apart from ``findings``: most figures in a story come from one source, and listing them as findings
    would bury the disagreements.
    """

    id: str
    verdict: Literal["Not Enough Evidence"] = "Not Enough Evidence"
    subject: str
    attribute: Attribute
    period: Optional[str] = None
    scope: Optional[str] = None
    claims: list[str] = Field(default_factory=list)
    docs: list[str] = Field(default_factory=list)
    message: str
    confidence: float = Field(ge=0.0, le=1.0)


class Story(_Model):
    """One story of a report: the documents checked against each other (``check --stories``)."""

    name: str = Field(description="the story's name; a report of several stories prefixes its ids with it "
                      "('arm-ipo-2023/blog')")
    how: Literal["directory", "cluster", "one"] = Field(description="how it was formed: a story directory, a group "
                                                        "found in a pile of documents, or all documents as one")
    docs: list[str] = Field(default_factory=list, description="ids of its documents, as in `documents`")
    keywords: list[str] = Field(default_factory=list, description="cluster: the names and words most of its "
                                "documents share")


class TimelinePoint(_Model):
    """The figures of a timeline at one moment."""

    as_of: Optional[str] = Field(description="the moment (a claim's `as_of`); null: a moment the texts do not name")
    text: str = Field(description="the figure as written (the one most sources at this moment agree with)")
    claims: list[str] = Field(default_factory=list)
    docs: list[str] = Field(default_factory=list)


class Timeline(_Model):
    """One subject's figure at different moments ("$60bn at the open, $65bn at the close"): read in order, not
    compared across moments. Disagreements inside one moment are findings as usual."""

    id: str
    subject: str
    attribute: Attribute
    period: Optional[str] = None
    scope: Optional[str] = None
    points: list[TimelinePoint] = Field(default_factory=list, description="in the order of the moments")
    message: str


class Report(_Model):
    schema_version: Literal["2"] = SCHEMA_VERSION
    documents: list[Document] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    single_source: list[SingleSource] = Field(default_factory=list, description="figures stated by one source "
                                              "only: Not Enough Evidence to confirm or refute them")
    timelines: list[Timeline] = Field(default_factory=list, description="figures of one subject at different "
                                      "moments (open and close, estimate and final …): a sequence, not a conflict")
    warnings: list[str] = Field(default_factory=list, description="per-document problems that did not stop the run")
    stories: list[Story] = Field(default_factory=list, description="the stories checked: documents are "
                                 "cross-checked only within their story")

    def to_json(self, indent: int | None = 2, *, text: bool = True) -> str:
        """The report as JSON; ``text=False`` leaves each document's cleaned text out."""
        return self.model_dump_json(indent=indent, exclude=None if text else {"documents": {"__all__": {"text"}}})

    def to_pandas(self) -> dict:
        """``{"documents", "claims", "findings"}`` as pandas DataFrames (see ``claimcheck.report.frames``)."""
        from claimcheck.report.frames import to_pandas

        return to_pandas(self)

    def _repr_html_(self) -> str:
        """Jupyter's rendering: the counts and a table of the findings (``to_html()`` is the full report)."""
        from claimcheck.report.html import render_summary_html

        return render_summary_html(self)

    def to_html(self, **options) -> str:
        """One self-contained HTML page (see ``claimcheck.report.html``)."""
        from claimcheck.report.html import render_html

        return render_html(self, **options)


def report_json_schema() -> dict:
    """JSON Schema of the report as emitted by ``claimcheck check --format json``."""
    return Report.model_json_schema(mode="serialization")
