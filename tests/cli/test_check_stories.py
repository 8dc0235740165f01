"""``claimcheck check --stories`` and ``check(stories=...)``: a pile of articles becomes stories, and the report
lists them (JSON ``stories``, the table, Markdown and HTML)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report.html import render_html
from claimcheck.report.markdown import render_markdown
from claimcheck.report.stories import story_lines
from claimcheck.schema import Report, Story, report_json_schema

from resolve.test_stories import MINING, STRIKE  # hand-written articles of two stories

runner = CliRunner()


def write_pile(folder: Path, rows) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in rows:
        (folder / f"{doc_id}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def check_json(*args) -> dict:
    result = runner.invoke(app, ["check", *args, "--format", "json", "--no-text"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, report_json_schema())
    return data


def members(data: dict) -> set[frozenset[str]]:
    return {frozenset(d.split("/", 1)[-1] for d in s["docs"]) for s in data["stories"]}


@pytest.mark.slow
def test_a_pile_folder_is_grouped_into_its_stories_by_default(nlp, tmp_path):
    pile = write_pile(tmp_path / "pile", MINING + STRIKE)
    data = check_json(str(pile))
    assert members(data) == {frozenset(i for i, _ in MINING), frozenset(i for i, _ in STRIKE)}
    assert all(s["how"] == "cluster" for s in data["stories"])
    # several stories: every id carries its story's name, and findings never mix two stories
    names = {s["name"] for s in data["stories"]}
    assert {d["id"].split("/", 1)[0] for d in data["documents"]} == names
    for f in data["findings"]:
        assert len({d.split("/", 1)[0] for d in f["docs"]}) == 1
    listed = {d for s in data["stories"] for d in s["docs"]}
    assert listed == {d["id"] for d in data["documents"]}


@pytest.mark.slow
def test_one_and_directory_keep_the_pile_together(nlp, tmp_path):
    pile = write_pile(tmp_path / "pile", MINING + STRIKE)
    for mode, how in (("one", "one"), ("directory", "directory")):
        data = check_json(str(pile), "--stories", mode)
        (story,) = data["stories"]
        assert story["how"] == how and len(story["docs"]) == len(MINING + STRIKE)
        assert all("/" not in d["id"] for d in data["documents"])  # one story: ids unprefixed, as before


@pytest.mark.slow
def test_several_directories_are_their_stories_by_default(nlp, tmp_path):
    a = write_pile(tmp_path / "mining", MINING)
    b = write_pile(tmp_path / "strike", STRIKE[:2])
    data = check_json(str(a), str(b))
    assert [(s["name"], s["how"], len(s["docs"])) for s in data["stories"]] == [
        ("mining", "directory", 3), ("strike", "directory", 2)]
    clustered = check_json(str(a), str(b), "--stories", "cluster")
    assert all(s["how"] == "cluster" for s in clustered["stories"]) and len(clustered["stories"]) == 2


@pytest.mark.slow
def test_a_page_of_another_year_is_a_wrong_date_line_in_a_folder_and_another_time_in_a_sorted_pile(nlp, tmp_path):
    days = {"mine-wire": "2024-03-04", "mine-blog": "2024-03-05", "mine-brief": "2021-06-01"}
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps({"id": i, "text": t, "published": days[i]}) + "\n" for i, t in MINING),
                    encoding="utf-8")

    def date_lines(data: dict) -> list[list[str]]:
        return [f["docs"] for f in data["findings"] if f["attribute"] == "published"]

    assert date_lines(check_json(str(pile))) == [["mine-brief"]]  # auto keeps the file as one story
    sorted_pile = check_json(str(pile), "--stories", "cluster")
    assert len(sorted_pile["stories"]) == 1 and date_lines(sorted_pile) == []


def test_an_unknown_story_mode_is_a_one_line_usage_error():
    result = runner.invoke(app, ["check", "--stories", "topics", "nothing.txt"])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "--stories" in lines[0]


def test_the_api_refuses_an_unknown_story_mode():
    from claimcheck.api import check
    from claimcheck.errors import UsageError

    with pytest.raises(UsageError, match="stories must be one of"):
        check(["x"], stories="pile")


def two_story_report() -> Report:
    return Report(stories=[
        Story(name="1-norvale-pellstone", how="cluster", docs=["1-norvale-pellstone/mine-wire",
                                                               "1-norvale-pellstone/mine-blog"],
              keywords=["norvale", "pellstone"]),
        Story(name="2-brightwave-lisbon", how="cluster", docs=["2-brightwave-lisbon/strike-wire"],
              keywords=["brightwave"]),
    ])


def test_reports_list_the_stories_they_checked():
    report = two_story_report()
    lines = story_lines(report)
    assert lines[0] == "1-norvale-pellstone: 2 documents (mine-wire, mine-blog); shared: norvale, pellstone"
    assert lines[1].startswith("2-brightwave-lisbon: 1 document (strike-wire)")
    markdown = render_markdown(report)
    assert "## Stories" in markdown and "- 1-norvale-pellstone: 2 documents (mine-wire, mine-blog)" in markdown
    html = render_html(report)
    assert '<ul class="muted stories">' in html and "2-brightwave-lisbon: 1 document (strike-wire)" in html
    from io import StringIO

    from rich.console import Console

    from claimcheck.report.table import render_table

    out = StringIO()
    render_table(report, Console(file=out, width=200, no_color=True))
    assert "2 stories, each checked on its own:" in out.getvalue() and "1-norvale-pellstone: 2 documents" in out.getvalue()


def test_a_one_story_report_has_no_story_list():
    report = Report(stories=[Story(name="all", how="one", docs=["a", "b"])])
    assert story_lines(report) == [] and "## Stories" not in render_markdown(report)
    assert json.loads(report.to_json())["stories"] == [{"name": "all", "how": "one", "docs": ["a", "b"],
                                                        "keywords": []}]
