"""Where each report's document came from: its cleaned text, its public address and its outlet."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.ingest import load_documents
from claimcheck.ingest.metadata import metadata_from_html, metadata_from_lines

from conftest import STORIES

STORY = str(STORIES / "arm-ipo-2023")
runner = CliRunner()

PAGE = """<html><head><title>Arm soars on debut | Wire</title>
<link rel="canonical" href="https://wire.example/markets/arm-soars">
<meta property="og:url" content="https://wire.example/og/arm">
<meta property="og:site_name" content="Wire"></head>
<body><article><h1>Arm soars on debut</h1><p>Arm Holdings raised $4.87 billion in its listing on Thursday,
valuing the chip designer at $54.5 billion.</p><p>The shares rose 25% on their first day of trading.</p>
</article></body></html>"""


def run(*args):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("head,url", [
    ('<link rel="canonical" href="https://a.example/x">', "https://a.example/x"),
    ('<link rel="alternate canonical" href=" https://a.example/y ">', "https://a.example/y"),
    ('<meta property="og:url" content="https://a.example/og">', "https://a.example/og"),
    ('<link rel="canonical" href="/relative/path"><meta property="og:url" content="https://a.example/og">',
     "https://a.example/og"),
    ('<link rel="canonical" href="javascript:alert(1)">', None),
    ('<meta property="og:url" content="https://a.example/has space">', None),
    ("", None),
])
def test_page_address_from_canonical_link_or_og_url(head, url):
    assert metadata_from_html(f"<html><head>{head}</head><body><p>Text.</p></body></html>").url == url


def test_documents_carry_their_address(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "plain.txt").write_text("Arm raised $4.87 billion in its listing on Thursday.\n")
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"id": "r1", "url": "https://feed.example/r1", "text": "Arm raised $4.8bn."}) + "\n"
        + json.dumps({"id": "r2", "url": "file:///etc/passwd", "text": "Arm raised $4.9bn."}) + "\n")
    docs = {d.id: d for d in load_documents([str(tmp_path)], warn=print)}
    assert docs["page"].url == "https://wire.example/markets/arm-soars"  # canonical before og:url
    assert docs["plain"].url is None
    assert docs["r1"].url == "https://feed.example/r1" and docs["r2"].url is None


@pytest.mark.parametrize("lines,source", [
    # the byline "Eva Fu" stands above the outlet's name: the outlet is the source
    (["Eva Fu", "The Epoch Times", "October 8, 2019"], "The Epoch Times"),
    # a newswire headline in capitals is not a site name
    (["STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"], None),
    (["NATIONAL AVERAGE PRICES FOR FARMER-OWNED RESERVE"], None),
    (["U.S."], None),
    # a bare outlet name still is one
    (["NORTHGATE TIMES", "8 October 2019"], "Northgate Times"),
])
def test_source_is_an_outlet_not_a_byline_or_headline(lines, source):
    assert metadata_from_lines(lines).source == source


def test_wire_dateline_names_the_agency(tmp_path):
    (tmp_path / "a.txt").write_text("Chinese firms added to list\n\nBy Eva Fu\n\nWASHINGTON (Reuters) - The U.S. "
                                    "Commerce Department added 28 entities to its list on Monday.\n")
    (tmp_path / "b.txt").write_text("Chinese firms added to list\n\nThe department said (Reuters) - was wrong "
                                    "about 28 entities, a reader wrote in a long letter about the list.\n")
    docs = {d.id: d for d in load_documents([str(tmp_path)], warn=print)}
    assert docs["a"].source == "Reuters"
    assert docs["b"].source is None  # "(Reuters)" inside a sentence is not a dateline


def test_json_report_carries_each_documents_text_unless_no_text(nlp):
    report = json.loads(run("check", STORY, "-f", "json").stdout)
    for doc in report["documents"]:
        assert {"id", "path", "title", "published", "source", "url", "text"} <= set(doc)
    texts = {d["id"]: d["text"] for d in report["documents"]}
    for claim in report["claims"]:  # the report is usable alone: every offset points into its document's text
        assert texts[claim["doc"]][claim["start"]:claim["end"]] == claim["text"]
    bare = json.loads(run("check", STORY, "-f", "json", "--no-text").stdout)
    assert all("text" not in d for d in bare["documents"]) and bare["claims"] == report["claims"]


def test_jsonl_report_document_lines_carry_text_unless_no_text(nlp):
    lines = [json.loads(x) for x in run("check", STORY, "-f", "jsonl").stdout.splitlines()]
    docs = [x for x in lines if x["type"] == "document"]
    assert docs and all(d["text"] for d in docs)
    bare = [json.loads(x) for x in run("check", STORY, "-f", "jsonl", "--no-text").stdout.splitlines()]
    assert all("text" not in x for x in bare if x["type"] == "document")
    assert [x for x in bare if x["type"] != "document"] == [x for x in lines if x["type"] != "document"]


def test_schema_describes_text_and_url():
    schema = json.loads(run("schema").stdout)
    fields = schema["$defs"]["Document"]["properties"]
    assert {"text", "url"} <= set(fields)
