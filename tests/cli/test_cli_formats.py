"""`claimcheck check` output formats and CI habits: markdown, html, claimreview, --fail-on, -o/--force."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report.markdown import escape_markdown

from conftest import STORIES

runner = CliRunner()
STORY = str(STORIES / "arm-ipo-2023")
FORMATS = ["table", "json", "jsonl", "markdown", "html", "claimreview"]
HOSTILE = "<script>alert(1)</script> | *had* led me to `expect` _here_"  # (ingest already drops [links](…))


def run(*args):
    return runner.invoke(app, list(args))


def needs_html(fmt: str):
    """html is rendered by claimcheck.report.html; skip only while that module is absent."""
    if fmt == "html" and importlib.util.find_spec("claimcheck.report.html") is None:
        pytest.skip("claimcheck.report.html is not there yet")


@pytest.fixture(scope="module")
def story_json(nlp) -> dict:
    result = run("check", STORY, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_markdown_has_every_finding_message(story_json):
    result = run("check", STORY, "--format", "markdown")
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# claimcheck report\n")
    assert story_json["findings"]
    for f in story_json["findings"]:
        assert escape_markdown(f["message"]) in md
    assert md.index("## Findings") < md.index("## Claims")
    assert "| source | value as written | evidence |" in md and "**about \\$3.5 billion**" in md


def test_markdown_escapes_a_hostile_article(tmp_path, nlp):
    story = tmp_path / "story"
    shutil.copytree(STORY, story)
    blog = story / "blog.txt"
    blog.write_text(blog.read_text().replace("less than the hype had led me to expect.",
                                             f"less than the hype {HOSTILE}."))
    result = run("check", str(story), "--format", "markdown", "--title", "Arm <IPO> *check*")
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# Arm \\<IPO\\> \\*check\\*\n")
    assert "<script>" not in md
    assert "the hype \\<script\\>alert(1)\\</script\\> \\| \\*had\\* led me to \\`expect\\` \\_here\\_." in md


def _validator():
    """``validate_claim_review`` from tests/report/test_claimreview.py (one validator for both suites)."""
    path = Path(__file__).resolve().parents[1] / "report" / "test_claimreview.py"
    spec = importlib.util.spec_from_file_location("_claimreview_validator", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.validate_claim_review


def test_claimreview_validates_and_carries_the_review_url(story_json):
    validate_claim_review = _validator()
    result = run("check", STORY, "--format", "claimreview", "--review-url", "https://example.org/checks/arm",
                 "--review-author", "Desk")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == len(story_json["findings"])
    for review, finding in zip(data, story_json["findings"]):
        validate_claim_review(review, url_expected=True)
        assert review["url"] == f"https://example.org/checks/arm#{finding['id']}"
        assert review["author"]["name"] == "Desk"
        assert review["reviewRating"]["alternateName"] == finding["verdict"]
    plain = json.loads(run("check", STORY, "--format", "claimreview").stdout)
    assert all("url" not in r for r in plain)


def test_html_to_stdout(nlp):
    needs_html("html")
    result = run("check", STORY, "--format", "html", "--title", "Arm check")
    assert result.exit_code == 0, result.output
    assert "<html" in result.stdout.lower() and "Arm check" in result.stdout


@pytest.mark.parametrize("kinds, code", [
    ("conflict", 1), ("typo", 1), ("conflict,typo,date", 1), ("date", 0), ("Date", 0), (" date , date", 0)])
def test_fail_on_exit_codes(story_json, kinds, code):
    present = {f["kind"] for f in story_json["findings"]}
    assert present == {"conflict", "typo"}  # the demo story the table above is written for
    result = run("check", STORY, "--format", "json", "--fail-on", kinds)
    assert result.exit_code == code, result.output
    assert json.loads(result.stdout)["findings"]  # the report is still printed in full
    if code:
        assert result.stderr.strip().startswith("failing (--fail-on): ")
    else:
        assert result.stderr.strip() == "" or "failing" not in result.stderr


def test_fail_on_is_repeatable(nlp):
    assert run("check", STORY, "-f", "json", "--fail-on", "date", "--fail-on", "typo").exit_code == 1


@pytest.mark.parametrize("kinds", ["conflcit", "conflict,typoo", "", ",", "every"])
def test_fail_on_unknown_kind_is_a_one_line_usage_error(kinds):
    result = run("check", STORY, "--fail-on", kinds)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --fail-on: unknown finding kind")
    assert "conflict, typo, date" in lines[0] and "or all" in lines[0]


def test_fail_on_all_is_every_kind(nlp):
    result = run("check", STORY, "-f", "json", "--fail-on", "all")
    assert result.exit_code == 1
    assert result.stderr.strip() == "failing (--fail-on): 1 conflict finding, 1 typo finding"


def test_fail_on_still_writes_the_output_file(tmp_path, nlp):
    out = tmp_path / "report.md"
    result = run("check", STORY, "-f", "markdown", "-o", str(out), "--fail-on", "conflict")
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text().startswith("# claimcheck report")


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_for_each_format_is_atomic_and_needs_force(tmp_path, fmt, nlp):
    needs_html(fmt)
    out = tmp_path / f"report.{fmt}"
    first = run("check", STORY, "--format", fmt, "-o", str(out))
    assert first.exit_code == 0, first.output
    assert first.stdout == ""
    text = out.read_text()
    assert text.strip()
    if fmt in ("json", "claimreview"):
        json.loads(text)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in text.splitlines())
    elif fmt == "markdown":
        assert text.startswith("# claimcheck report")
    elif fmt == "html":
        assert "<html" in text.lower()
    out.write_text("previous result")
    refused = run("check", STORY, "--format", fmt, "-o", str(out))
    assert refused.exit_code == 5 and "already exists" in refused.stderr
    assert out.read_text() == "previous result"
    forced = run("check", STORY, "--format", fmt, "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert out.read_text() == text
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_help_shows_examples_formats_and_completion():
    result = runner.invoke(app, ["check", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for needle in ("Examples", "--fail-on", "--review-url", "markdown", "claimreview", "html",
                   "--install-completion"):
        assert needle in result.stdout
    assert "--install-completion" in runner.invoke(app, ["--help"], terminal_width=200).stdout
