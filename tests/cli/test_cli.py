"""CLI wiring with typer's CliRunner: formats, errors as one line, atomic output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcheck import __version__
from claimcheck.cli import app
from claimcheck.schema import report_json_schema

from conftest import STORIES

runner = CliRunner()
STORY = str(STORIES / "arm-ipo-2023")


def run(*args, input=None):
    result = runner.invoke(app, list(args), input=input)
    return result


def test_version_and_schema():
    assert run("--version").stdout.strip() == f"claimcheck {__version__}"
    schema = json.loads(run("schema").stdout)
    assert schema["properties"]["schema_version"]["const"] == "2"


def test_check_json_is_clean_and_valid(nlp):
    result = run("check", STORY, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, report_json_schema())
    assert {d["id"] for d in data["documents"]} == {p.stem for p in (STORIES / "arm-ipo-2023").iterdir()}


def test_check_jsonl_and_table(nlp):
    lines = [json.loads(x) for x in run("check", STORY, "--format", "jsonl").stdout.splitlines()]
    assert {x["type"] for x in lines} == {"document", "claim", "finding", "single_source"}
    table = run("check", STORY).stdout
    assert "documents" in table and "conflict · Refuted" in table and "--verbose lists them" in table
    assert "Claims" in run("check", STORY, "--verbose").stdout


def test_check_without_paths_runs_the_demo_corpus(nlp):
    result = run("check", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    stories = {d["id"].split("/")[0] for d in data["documents"]}
    assert stories == {p.name for p in STORIES.iterdir() if p.is_dir()}
    assert len({d["id"] for d in data["documents"]}) == len(data["documents"])


def test_extract_jsonl_contract(nlp):
    result = run("extract", STORY)
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(records) == 5
    for r in records:
        assert set(r) == {"doc", "document", "text", "mentions", "claims"}
        assert r["document"]["id"] == r["doc"] and Path(r["document"]["path"]).is_file()
        assert {"title", "published", "source"} <= set(r["document"])
        for m in r["mentions"]:
            assert {"label", "text", "start", "end", "value", "unit", "qualifier"} <= set(m)
            assert r["text"][m["start"]:m["end"]] == m["text"]  # the record is usable alone
        for c in r["claims"]:
            assert r["text"][c["start"]:c["end"]] == c["text"]
    assert any(r["document"]["published"] for r in records) and any(r["document"]["title"] for r in records)
    bare = [json.loads(x) for x in run("extract", STORY, "--no-text").stdout.splitlines()]
    assert [set(r) for r in bare] == [{"doc", "document", "mentions", "claims"}] * 5
    money = [m for r in records for m in r["mentions"] if m["label"] == "MONEY"]
    assert any(m["value"] == 4870000000 and m["unit"] == "USD" for m in money)


def test_extract_from_stdin(nlp):
    text = "Arm Holdings raised $4.87 billion in its initial public offering, valuing the company at $54.5 billion."
    result = run("extract", "-", input=text)
    assert result.exit_code == 0, result.output
    [record] = [json.loads(x) for x in result.stdout.splitlines()]
    claims = {(c["subject"], c["attribute"], c["value"]) for c in record["claims"]}
    assert ("Arm Holdings", "ipo_proceeds", 4870000000) in claims
    assert ("Arm Holdings", "valuation", 54500000000) in claims


def _file(name: str, data: bytes):
    def make(directory):
        (directory / name).write_bytes(data)
        return directory / name
    return make


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.txt", "no such file or directory"),
    (_file("img.png.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), "PNG image"),
    (_file("empty.txt", b""), "empty.txt: empty document"),
    (_file("blank.md", b"  \n\n \t\n"), "blank.md: empty document"),
    (_file("x.pdf", b"%PDF-1.4"), "unsupported file type"),
])
def test_bad_input_is_one_line_and_nonzero(tmp_path, make, message):
    path = make(tmp_path)
    result = run("check", str(path), "--format", "json")
    assert result.exit_code == 3
    assert result.stdout == ""
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: ") and message in last
    assert "Traceback" not in result.stderr


def test_malformed_jsonl_line_is_named_and_the_rest_processed(tmp_path, nlp):
    good = json.dumps({"id": "a", "text": "Arm raised $4.87 billion in its IPO on Nasdaq."})
    (tmp_path / "in.jsonl").write_text(good + "\n{oops\n" + json.dumps({"id": "b", "text": "Arm raised $4.8 billion."}))
    result = run("check", str(tmp_path / "in.jsonl"), "--format", "json")
    assert result.exit_code == 0
    assert "in.jsonl:2: malformed JSON line" in result.stderr
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["a", "b"]
    failed = run("check", str(tmp_path / "in.jsonl"), "--on-error", "fail")
    assert failed.exit_code == 3 and "in.jsonl:2" in failed.stderr


def test_output_is_atomic_and_never_overwritten_without_force(tmp_path, nlp):
    out = tmp_path / "report.json"
    out.write_text("previous result")
    refused = run("check", STORY, "--format", "json", "-o", str(out))
    assert refused.exit_code == 5 and "already exists" in refused.stderr
    assert out.read_text() == "previous result"
    assert run("check", STORY, "--format", "json", "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text())["schema_version"] == "2"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_python_dash_m_entry_point():
    result = subprocess.run([sys.executable, "-m", "claimcheck", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"claimcheck {__version__}"


def test_every_warning_printed_is_in_the_report(tmp_path):
    """Per-document problems reach the report's ``warnings`` as well as stderr, one for one (an empty file in
    a folder used to give a stderr line and ``"warnings": []``)."""
    import subprocess
    import sys

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text("Acme Corp was valued at $5bn, the company said on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Acme Corp was valued at $6bn, the company said on Monday.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"  \n\n \t\n")
    (folder / "img.png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", str(folder), "-f", "json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    printed = [line.removeprefix("warning: ") for line in proc.stderr.splitlines() if line.startswith("warning: ")]
    report = json.loads(proc.stdout)
    assert len(printed) == 3, proc.stderr
    assert report["warnings"] == printed
    assert {d["id"] for d in report["documents"]} == {"a", "b"}
