"""The HTML report: content, escaping of hostile articles, no network resources, determinism."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from datetime import date
from html.parser import HTMLParser

import pytest

import claimcheck
from claimcheck.report.html import CSS, JS, highlight, render_html
from claimcheck.schema import Claim, Document, Finding, Report, SingleSource

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "</textarea></style></script><iframe src=javascript:alert(1)>",
    "'; alert(1); //",
    "&lt;script&gt; &amp; &#x3C;",
]
PAYLOAD = " ".join(HOSTILE)


class Page(HTMLParser):
    """A flat view of a page: every element with its attributes and text, scripts, marks, charts."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.marks: list[str] = []
        self.claim_rows = 0
        self._stack: list[tuple[str, dict]] = []
        self._capture: list[str] | None = None
        self._mark: list[str] | None = None
        self._in_claims_table = False
        self.feed(source)
        self.close()
        self.all_text = "".join(self.text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag in ("script", "style"):
            self._capture = []
        if tag == "mark":
            self._mark = []
        if tag == "table" and a.get("id") == "claims-table":
            self._in_claims_table = True
        if tag == "tr" and self._in_claims_table and any(t == "tbody" for t, _ in self._stack):
            self.claim_rows += 1
        if tag not in ("meta", "input", "br", "wbr", "link", "img", "circle", "line", "rect", "path"):
            self._stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "script" and self._capture is not None:
            self.scripts.append((self._stack[-1][1] if self._stack else {}, "".join(self._capture)))
            self._capture = None
        elif tag == "style" and self._capture is not None:
            self.styles.append("".join(self._capture))
            self._capture = None
        if tag == "mark" and self._mark is not None:
            self.marks.append("".join(self._mark))
            self._mark = None
        if tag == "table":
            self._in_claims_table = False
        while self._stack:
            t, _ = self._stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self._capture is not None:
            self._capture.append(data)
            return
        if self._mark is not None:
            self._mark.append(data)
        self.text.append(data)

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def multi_source_groups(report: Report) -> dict[tuple, set[str]]:
    docs: dict[tuple, set[str]] = defaultdict(set)
    for c in report.claims:
        story = c.doc.split("/", 1)[0] if "/" in c.doc else ""
        docs[(story, c.subject, c.attribute, c.unit)].add(c.doc)
    return {k: v for k, v in docs.items() if len(v) >= 2}


def assert_safe(page: Page, source: str) -> None:
    """Only our own script, no event handlers, no javascript: or remote URLs, no injected elements."""
    assert len(page.scripts) == 1, [s for _, s in page.scripts]
    attrs, code = page.scripts[0]
    assert code == JS and not attrs
    for tag, attrs in page.elements:
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form", "textarea", "a") or \
            (tag == "a" and set(attrs) == {"href"}), (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("src", "href", "action", "formaction", "xlink:href", "srcset", "poster", "data"):
                assert value is not None and value.startswith("#"), (tag, name, value)
                assert not re.match(r"\s*(javascript|data|https?|file):", value or "", re.I)
    for chunk in ("<script>alert", "<img", "<iframe", "<svg onload", "<b onmouseover"):
        assert chunk not in source, chunk


# --------------------------------------------------------------------------------------------- demo corpus


@pytest.fixture(scope="module")
def demo_report() -> Report:
    return claimcheck.check(None, warn=lambda m: None)


@pytest.fixture(scope="module")
def demo_html(demo_report) -> str:
    return render_html(demo_report)


@pytest.fixture(scope="module")
def demo_page(demo_html) -> Page:
    return Page(demo_html)


def test_demo_has_everything(demo_report, demo_page):
    assert demo_report.findings and demo_report.claims  # the demo corpus is not empty
    text = demo_page.all_text
    for f in demo_report.findings:
        assert f.message in text, f.message
    for d in demo_report.documents:
        assert d.id in text, d.id
    assert len(demo_page.find("article")) == len(demo_report.findings)
    assert demo_page.claim_rows == len(demo_report.claims)


def test_single_source_figures_are_listed_apart(demo_report, demo_page):
    """Figures one source states are shown as Not Enough Evidence, outside the findings."""
    assert demo_report.single_source  # the demo stories have figures only one outlet gives
    section = demo_page.find("section", id="single-source")
    assert len(section) == 1
    text = demo_page.all_text
    assert f"{len(demo_report.single_source)} figures stated by one source only" in text
    for s in demo_report.single_source:
        assert s.subject in text
    assert len(demo_page.find("article")) == len(demo_report.findings)  # not counted among the findings


def test_summary_line(demo_report, demo_page):
    kinds = defaultdict(int)
    for f in demo_report.findings:
        kinds[f.kind] += 1
    summary = next(a for t, a in demo_page.elements if a.get("id") == "summary")
    assert summary is not None
    line = (f"{len(demo_report.documents)} documents, {len(demo_report.claims)} claims, "
            f"{len(demo_report.findings)} findings")
    assert line in demo_page.all_text
    for kind, n in kinds.items():
        assert f"{n} {kind}" in demo_page.all_text


def test_findings_come_first_and_are_grouped_by_story(demo_report, demo_html):
    assert demo_html.index('id="findings"') < demo_html.index('id="figures"') < demo_html.index('id="claims"')
    stories = sorted({f.docs[0].split("/", 1)[0] for f in demo_report.findings if f.docs})
    assert len(stories) == 3
    for story in stories:
        assert f"Story <code>{story}</code>" in demo_html


def test_one_chart_per_multi_source_group(demo_report, demo_page):
    groups = multi_source_groups(demo_report)
    charts = demo_page.find("svg", **{"data-chart": "claims"})
    assert len(charts) == len(groups) > 0
    # the publication-date finding gets its own timeline
    published = [f for f in demo_report.findings if f.attribute == "published"]
    assert len(demo_page.find("svg", **{"data-chart": "published"})) == len(published)


def test_the_demo_copies_name_their_originals_by_report_id(demo_report):
    """Arm's aggregator page credits TechLedger ("Republished from TechLedger with permission"): it is the copy of
    techsite, and copy_of is an id of the report (story-prefixed like every id when several stories are checked)."""
    copies = {d.id: d.copy_of for d in demo_report.documents if d.copy_of}
    assert copies["arm-ipo-2023/republished"] == "arm-ipo-2023/techsite"
    assert set(copies.values()) <= {d.id for d in demo_report.documents}


def test_disagreeing_source_stands_out(demo_report, demo_html):
    """In the Arm IPO-proceeds chart the blog's dot (and only it) is drawn as the outlier."""
    m = re.search(r'<svg class="chart" data-chart="claims"[^>]*aria-label="Arm · IPO proceeds \(USD\)".*?</svg>',
                  demo_html, re.S)
    assert m, "no chart for Arm IPO proceeds"
    chart = m.group(0)
    assert chart.count('class="pt out"') == 1
    assert chart.count('class="pt ok"') == 3  # techsite and republished are copies: one voice
    assert re.search(r'<g class="row out">.*?>blog</text>', chart)


def test_evidence_is_highlighted(demo_report, demo_page):
    claims = {c.id: c for c in demo_report.claims}
    marks = set(demo_page.marks)
    for f in demo_report.findings:
        for cid in f.claims:
            assert claims[cid].text in marks, claims[cid].text
        if f.kind == "typo":
            assert f.found in marks


def test_claims_table_controls(demo_report, demo_page):
    assert demo_page.find("input", id="claims-filter")
    options = {a.get("value") for t, a in demo_page.elements if t == "option"}
    assert {c.attribute for c in demo_report.claims} <= options
    assert {"conflict", "date", "none", "any"} <= options
    headers = [a for t, a in demo_page.elements if t == "button" and a.get("data-type")]
    assert len(headers) >= 8


def test_self_contained_and_safe(demo_html, demo_page):
    assert_safe(demo_page, demo_html)
    assert "http://" not in demo_html and "https://" not in demo_html
    assert "@import" not in demo_html and "url(" not in demo_html


def test_csp_admits_exactly_our_style_and_script(demo_page):
    csp = next(a["content"] for t, a in demo_page.elements
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert demo_page.styles == [CSS]
    assert f"style-src {csp_hash(CSS)};" in csp
    assert f"script-src {csp_hash(JS)};" in csp


def test_deterministic(demo_report, demo_html):
    assert render_html(demo_report) == demo_html
    assert render_html(demo_report.model_copy(deep=True)) == demo_html
    assert demo_report.to_html() == demo_html


def test_title(demo_report):
    page = Page(render_html(demo_report, title="Arm & <friends>"))
    assert "Arm & <friends>" in page.all_text
    assert "<friends>" not in render_html(demo_report, title="Arm & <friends>").replace("&lt;friends&gt;", "")


# --------------------------------------------------------------------------------------------- hostile input


def hostile_report() -> Report:
    """A report as hostile as one read from a crafted JSON file. Attributes outside the vocabulary are refused
    when a report is validated (test_hostile_attribute_is_refused), so those records are built unvalidated, as
    a renderer may still meet them (``model_construct``)."""
    story = "evil<script>alert(1)</script>"
    docs = [Document(id=f"{story}/a{PAYLOAD}", path="javascript:alert(1)", title=PAYLOAD, source=PAYLOAD,
                     published=date(2019, 1, 1), text=f"Acme{HOSTILE[1]} said it. Acmee {PAYLOAD} was big."),
            Document(id=f"{story}/b", path="https://evil.example/x.js", title=PAYLOAD, source=PAYLOAD,
                     published=date(2020, 6, 1), text="Acme was big. Acme again."),
            Document(id=f"{story}/c", title=PAYLOAD, published=date(2020, 6, 3), text="Acme.")]
    claims = [
        Claim.model_construct(id=f"{docs[0].id}:c1", doc=docs[0].id, subject=PAYLOAD, attribute=f"valuation{HOSTILE[2]}",
              value=5e9, unit=HOSTILE[1], text=HOSTILE[0], start=0, end=5, sentence=f"x {PAYLOAD} y",
              period=PAYLOAD, scope=PAYLOAD, confidence=0.5),
        Claim.model_construct(id=f"{docs[1].id}:c1", doc=docs[1].id, subject=PAYLOAD, attribute=f"valuation{HOSTILE[2]}",
              value=50e9, unit=HOSTILE[1], qualifier="at_least", text="$50 <b>bn</b>", start=0, end=5,
              sentence=f"{PAYLOAD} $50 <b>bn</b>", confidence=0.9),
        Claim(id=f"{docs[1].id}:c2", doc=docs[1].id, subject="Acme", attribute="listing_date", value="2020-06-01",
              unit="date", low="2020-06-01", high="2020-06-01", text=HOSTILE[3], start=0, end=5,
              sentence=PAYLOAD, confidence=0.9),
        Claim(id=f"{docs[2].id}:c1", doc=docs[2].id, subject="Acme", attribute="listing_date", value="0001-01-01",
              unit="date", text="year one", start=0, end=5, sentence="", confidence=0.9),
        Claim.model_construct(id=f"{docs[2].id}:c2", doc=docs[2].id, subject=PAYLOAD, attribute=f"valuation{HOSTILE[2]}",
              value="not a number", unit=HOSTILE[1], text=PAYLOAD, start=0, end=5, sentence=PAYLOAD,
              confidence=0.9),
    ]
    findings = [
        Finding.model_construct(id=f"{story}/f1", kind="conflict", verdict="Refuted", subject=PAYLOAD,
                attribute=f"valuation{HOSTILE[2]}", claims=[claims[0].id, claims[1].id],
                docs=[docs[0].id, docs[1].id], message=PAYLOAD, found=HOSTILE[0], suggestion="$50 <b>bn</b>",
                confidence=0.7),
        Finding(id=f"{story}/f2", kind="date", verdict="Refuted", attribute="published", docs=[docs[0].id],
                message=PAYLOAD, found="2019-01-01", suggestion=HOSTILE[1], confidence=0.8),
        Finding(id=f"{story}/f3", kind="date", verdict="Refuted", subject="Acme", attribute="listing_date",
                claims=[claims[3].id, claims[2].id], docs=[docs[2].id, docs[1].id], message=PAYLOAD,
                found="year one", suggestion=HOSTILE[3], confidence=0.8),
        Finding(id=f"{story}/f4", kind="typo", verdict="Refuted", subject="Acme", docs=[docs[0].id],
                message=PAYLOAD, found="Acmee", suggestion="Acme", confidence=0.9),
        Finding(id=HOSTILE[2], kind="typo", verdict="Refuted", docs=[], message=PAYLOAD, found=HOSTILE[1],
                suggestion=HOSTILE[0], confidence=0.9),
    ]
    single = [SingleSource.model_construct(id=f"{story}/s1", subject=PAYLOAD, attribute=f"revenue{HOSTILE[2]}", period=PAYLOAD,
                           scope=HOSTILE[1], claims=[claims[4].id], docs=[docs[2].id], message=PAYLOAD, confidence=0.5)]
    return Report(documents=docs, claims=claims, findings=findings, single_source=single, warnings=[PAYLOAD])


def test_hostile_attribute_is_refused():
    import pydantic

    with pytest.raises(pydantic.ValidationError):
        Claim(id="x", doc="d", subject="Acme", attribute=f"valuation{HOSTILE[2]}", value=1, text="1", start=0,
              end=1, confidence=0.5)


def test_hostile_report_is_escaped():
    report = hostile_report()
    source = render_html(report, title=PAYLOAD)
    page = Page(source)
    assert_safe(page, source)
    # the hostile text is shown, as text
    assert HOSTILE[0] in page.all_text and HOSTILE[1] in page.all_text
    assert page.all_text.count(PAYLOAD) >= len(report.findings)
    assert "$50 <b>bn</b>" in page.marks  # highlighted as text, not as markup
    assert not page.find("b", **{}) or all(set(a) == set() for a in page.find("b"))
    assert render_html(report, title=PAYLOAD) == source


def test_hostile_articles_through_check():
    texts = [
        f"Acme Corp was valued at $5 billion {HOSTILE[0]} in 2020, the company said. "
        f"Acme {HOSTILE[1]} reported revenue of $2 billion in 2019. See <a href=\"javascript:alert(1)\">here</a>.",
        "Acme Corp was valued at $50 billion in 2020, according to <b onmouseover=alert(1)>people</b>. "
        "Acme reported revenue of $2 billion in 2019 javascript:alert(1).",
    ]
    report = claimcheck.check(texts, warn=lambda m: None)
    assert any("<script>" in c.sentence for c in report.claims)  # the payload did reach the report
    source = report.to_html()
    page = Page(source)
    assert_safe(page, source)
    assert "onmouseover" not in {n for _, a in page.elements for n in a}
    assert HOSTILE[0] in page.all_text


def test_empty_report():
    page = Page(render_html(Report()))
    assert "No disagreements found." in page.all_text
    assert not page.find("svg")
    assert page.claim_rows == 0


@pytest.mark.parametrize("sentence, needle, expected", [
    ("a <b> $5bn c", "$5bn", "a &lt;b&gt; <mark>$5bn</mark> c"),
    ("x <5%> y", "<5%>", "x <mark>&lt;5%&gt;</mark> y"),
    ('say "$1" & go', '"$1"', "say <mark>&quot;$1&quot;</mark> &amp; go"),
    ("nothing here <i>", "$9", "nothing here &lt;i&gt;"),
    ("", "$9", ""),
    ("Revenue ROSE 5%", "rose 5%", "Revenue <mark>ROSE 5%</mark>"),
])
def test_highlight(sentence, needle, expected):
    assert highlight(sentence, needle) == expected


def test_highlight_shortens_long_sentences_around_the_figure():
    sentence = "word " * 200 + "$7.5 billion" + " word" * 200
    out = highlight(sentence, "$7.5 billion", limit=120)
    assert "<mark>$7.5 billion</mark>" in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) < 200


def test_extreme_values_and_documents_without_a_story():
    def claim(i, doc, attribute, value, unit, **kw):
        return Claim(id=f"c{i}", doc=doc, subject="X", attribute=attribute, value=value, unit=unit, text=f"t{i}",
                     start=0, end=1, confidence=1.0, **kw)

    docs = [Document(id="loose"), Document(id="s/b"), Document(id="s/c")]
    claims = [claim(1, "loose", "event_date", "0001-01-01", "date"),
              claim(2, "s/b", "event_date", "9999-12-31", "date"), claim(3, "s/c", "event_date", "0001-01-01", "date"),
              claim(4, "s/b", "valuation", -5.5, "USD"), claim(5, "s/c", "valuation", 1e300, "USD", qualifier="at_least"),
              claim(6, "s/b", "stake", 0, "percent"), claim(7, "s/c", "stake", 0.0, "percent"),
              claim(8, "s/b", "revenue", "2019-H1", "USD"), claim(9, "s/c", "revenue", None, "USD")]
    findings = [Finding(id="f1", kind="conflict", verdict="Refuted", subject="X", attribute="valuation",
                        claims=["c4", "c5"], docs=["s/b", "s/c"], message="m1", found="t4", suggestion="t5",
                        confidence=0.5),
                Finding(id="f2", kind="typo", verdict="Refuted", docs=["loose"], message="m2", found="Xx",
                        suggestion="X", confidence=0.5)]
    report = Report(documents=docs, claims=claims, findings=findings)
    source = render_html(report)
    page = Page(source)
    assert len(page.find("svg", **{"data-chart": "claims"})) == len(multi_source_groups(report)) == 4
    assert "no values that can be drawn" in page.all_text  # the revenue group has nothing numeric
    assert "Other findings" in page.all_text  # the story-less finding is not filed under story "s"
    assert_safe(page, source)
