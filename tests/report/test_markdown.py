"""The Markdown report: findings first by severity, evidence tables, and inert article text."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.report.markdown import bold_figure, escape_markdown, order_findings, render_markdown
from claimcheck.schema import Claim, Document, Finding, Report

markdown_it = pytest.importorskip("markdown_it")

HOSTILE = "<script>alert(1)</script> | [click](http://evil.example) ![x](y.png) *bold* _it_ `code` ~~s~~ # $1 \\"


def parse(md: str):
    """Tokens of ``md`` as GitHub renders it (CommonMark + tables + strikethrough; raw HTML on)."""
    return markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(md)


def inline_tokens(tokens):
    for tok in tokens:
        yield tok
        for child in tok.children or ():
            yield child


def _claim(cid, doc, text, value, sentence, start=0):
    return Claim(id=cid, doc=doc, subject="Arm", attribute="ipo_proceeds", value=value, unit="USD", text=text,
                 start=start, end=start + len(text), sentence=sentence, confidence=0.9)


@pytest.fixture()
def hostile_report() -> Report:
    docs = [
        Document(id="s/evil", path="evil.txt", title=f"Title {HOSTILE}", published=date(2023, 9, 14),
                 source="<b>Evil</b> | *Daily*"),
        Document(id="s/good", path="good.txt", title="Fine", published=date(2023, 9, 14), source="Good Wire"),
        Document(id="s/other", path="other.txt", title="Also fine", published=date(2023, 9, 15), source="Other"),
    ]
    claims = [
        _claim("s/evil:c1", "s/evil", "*$3.5|bn*", 3.5e9, f"The IPO raised *$3.5|bn* {HOSTILE} today."),
        _claim("s/good:c1", "s/good", "$4.87 billion", 4.87e9, "The IPO raised $4.87 billion."),
        _claim("s/other:c1", "s/other", "US$4.87bn", 4.87e9, "It raised US$4.87bn, a record."),
    ]
    findings = [
        Finding(id="s/f2", kind="typo", verdict="Refuted", subject="SoftBank", docs=["s/good"],
                message="'SoftBnak' in good looks like a misspelling of 'SoftBank'.", found="SoftBnak",
                suggestion="SoftBank", confidence=0.95),
        Finding(id="s/f1", kind="conflict", verdict="Refuted", subject="Arm", attribute="ipo_proceeds",
                claims=["s/evil:c1", "s/good:c1", "s/other:c1"], docs=["s/evil", "s/good", "s/other"],
                message=f"evil says *$3.5|bn* {HOSTILE}; good and other say $4.87 billion.",
                found="*$3.5|bn*", suggestion="$4.87 billion", confidence=0.6),
    ]
    return Report(documents=docs, claims=claims, findings=findings, warnings=[f"evil.txt: odd {HOSTILE}"])


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "a | b", "*x* _y_ `z`", "[link](http://x)", "![img](x.png)", "~~gone~~",
    "# heading", "- item", "+ item", "1. item", "3) item", "===", "HK$8.8 billion; say HK$88 billion",
    "back\\slash", "line\nbreak\n\n- list", HOSTILE,
])
def test_escaped_text_renders_as_the_same_plain_text(text):
    tokens = parse(escape_markdown(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children
    assert {c.type for c in children} <= {"text"}, children
    assert "".join(c.content for c in children) == " ".join(text.split())


def table_rows(tokens) -> list[list[str]]:
    """Each table row of the parsed document as the plain text of its cells."""
    rows, row, cell = [], None, None
    for tok in tokens:
        if tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            rows.append(row)
        elif tok.type in ("th_open", "td_open"):
            cell = []
        elif tok.type in ("th_close", "td_close"):
            row.append("".join(cell))
        elif tok.type == "inline" and row is not None and cell is not None:
            cell.extend(c.content for c in tok.children if c.type in ("text", "code_inline"))
    return rows


def test_hostile_article_text_cannot_inject_markup_or_break_tables(hostile_report):
    md = render_markdown(hostile_report)
    tokens = parse(md)
    kinds = {t.type for t in inline_tokens(tokens)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline", "s_open"}
    assert "<script>" not in md and "\\<script\\>" in md
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["claimcheck report", "Findings", "s", "1. Conflict: Arm IPO proceeds — Refuted",
                        "2. Typo: SoftBank — Refuted", "Claims", "Sources", "Warnings"]
    rows = table_rows(tokens)
    flat = " ".join(HOSTILE.split())
    evil = next(r for r in rows if r[0] == "<b>Evil</b> | *Daily* (evil)")
    assert evil == ["<b>Evil</b> | *Daily* (evil)", "*$3.5|bn* (disputed)", f"The IPO raised *$3.5|bn* {flat} today."]
    assert ["s/evil", "<b>Evil</b> | *Daily*", "2023-09-14", f"Title {flat}"] in rows
    # the only emphasis is the report's own: the figure in bold, found/suggested/disputed in italics
    strong = [t for t in inline_tokens(tokens) if t.type == "strong_open"]
    assert len(strong) == 1 + 3  # the summary line + the figure in each evidence row (3 claims)
    em = [t for t in inline_tokens(tokens) if t.type == "em_open"]
    assert len(em) == 2 * 2 + 1  # found and suggested of each finding, and one "(disputed)"
    assert f"- evil.txt: odd {flat}" not in md and "evil.txt: odd" in md


def test_evidence_table_puts_the_disputed_source_first_with_the_figure_in_bold(hostile_report):
    md = render_markdown(hostile_report)
    table = md[md.index("| source | value as written | evidence |"):].split("\n\n")[0].splitlines()
    assert table[2].startswith("| \\<b\\>Evil\\</b\\> \\| \\*Daily\\* (evil) | \\*\\$3.5\\|bn\\* *(disputed)* |")
    assert "The IPO raised **\\*\\$3.5\\|bn\\*** \\<script\\>" in table[2]
    assert table[3] == "| Good Wire (good) | \\$4.87 billion | The IPO raised **\\$4.87 billion**. |"
    assert table[4] == "| Other (other) | US\\$4.87bn | It raised **US\\$4.87bn**, a record. |"


def test_findings_come_first_ordered_by_severity(hostile_report):
    md = render_markdown(hostile_report)
    assert md.index("## Findings") < md.index("## Claims") < md.index("## Sources") < md.index("## Warnings")
    assert md.index("Conflict: Arm IPO proceeds") < md.index("Typo: SoftBank")  # conflict before a likelier typo
    assert md.splitlines()[2].startswith("**3 documents, 3 claims, 2 findings")  # the terminal's summary line
    for f in hostile_report.findings:
        assert escape_markdown(f.message) in md


def test_order_findings_groups_by_story_in_document_order():
    docs = [Document(id=i) for i in ("b/x", "b/y", "a/x", "a/y")]

    def finding(fid, kind, conf, verdict="Refuted", story="b"):
        return Finding(id=fid, kind=kind, verdict=verdict, docs=[f"{story}/x"], message=fid, confidence=conf)

    report = Report(documents=docs, findings=[
        finding("a/f1", "typo", 0.9, story="a"), finding("b/f1", "typo", 0.99), finding("b/f2", "date", 0.5),
        finding("b/f3", "conflict", 0.6, "Conflicting Evidence/Cherrypicking"), finding("b/f4", "conflict", 0.4),
        finding("b/f5", "conflict", 0.7),
    ])
    assert [(s, [f.id for f in fs]) for s, fs in order_findings(report)] == [
        ("b", ["b/f5", "b/f4", "b/f3", "b/f2", "b/f1"]), ("a", ["a/f1"])]
    md = render_markdown(report)
    assert md.index("### b") < md.index("### a")


def test_no_findings_and_no_claims():
    md = render_markdown(Report())
    assert "No disagreements found." in md and "No claims." in md


def test_min_confidence_leaves_low_claims_out_of_the_claims_table(hostile_report):
    low = hostile_report.model_copy(update={"claims": hostile_report.claims + [
        _claim("s/good:c2", "s/good", "$9", 9, "A $9 thing.").model_copy(update={"confidence": 0.3})]})
    assert "| s/good | Arm | ipo\\_proceeds | 9 USD | \\$9 |" in render_markdown(low)
    shown = render_markdown(low, min_confidence=0.6)
    assert "| s/good | Arm | ipo\\_proceeds | 9 USD |" not in shown and "1 lower-confidence claim left out" in shown


@pytest.mark.parametrize("sentence, figure, offset, expected", [
    ("It raised $5 billion.", "$5 billion", None, "It raised **\\$5 billion**."),
    ("It raised US$5bn, more.", "$5bn", None, "It raised **US\\$5bn**, more."),
    ("$5 then $5 again", "$5", 8, "\\$5 then **\\$5** again"),
    ("$5 first", "$5", None, "**\\$5** first"),
    ("no figure here", "$7", None, "no figure here"),
])
def test_bold_figure(sentence, figure, offset, expected):
    out = bold_figure(sentence, figure, offset)
    assert out == expected
    strong = [t for t in inline_tokens(parse(out)) if t.type == "strong_open"]
    assert len(strong) == (1 if figure in sentence else 0)


def test_demo_story_markdown_has_every_finding_and_its_evidence(story_reports):
    for report in story_reports.values():
        md = render_markdown(report)
        for f in report.findings:
            assert escape_markdown(f.message) in md
        claims = {c.id: c for c in report.claims}
        for f in report.findings:
            for cid in f.claims:
                assert f"| {escape_markdown(claims[cid].text)}" in md  # the value as written, in its own cell
        tokens = list(inline_tokens(parse(md)))
        assert not {t.type for t in tokens} & {"html_inline", "html_block", "link_open", "image"}
