"""Command-line conventions: flags shown as flags, choices listed, every command-line mistake one `error:` line."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()
COMMANDS = ("check", "extract", "annotate", "crosscheck", "schema", "train", "evaluate")
BOOLEAN_FLAGS = {"check": ("--force", "--dayfirst", "--verbose", "--no-text"),
                 "extract": ("--force", "--dayfirst", "--no-text"),
                 "annotate": ("--docbin", "--force", "--dayfirst", "--quiet"),
                 "crosscheck": ("--force", "--verbose", "--no-text")}


@pytest.fixture(autouse=True)
def wide_help(monkeypatch):
    """Help as on a wide terminal, whatever the suite ran before (typer sizes its help console from here)."""
    import typer.rich_utils

    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 200)


def run(*args):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_flags_without_a_value_type(command):
    result = run(command, "--help")
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.stdout
    for flag in BOOLEAN_FLAGS.get(command, ()):
        line = next(ln for ln in result.stdout.splitlines() if re.search(rf"\s{flag}\b", ln))
        after = line.split(flag, 1)[1]
        assert not re.match(r"\s+(?:-\w\s+)?<", after), line  # no "<type>" column after the flag


@pytest.mark.parametrize("command", ("check", "extract", "annotate"))
def test_model_option_lists_its_choices(command):
    assert "default|fast|rules|transformer" in run(command, "--help").stdout


@pytest.mark.parametrize("args,says", [
    (("check", "-f", "yaml"), "'yaml' is not one of 'table', 'json'"),
    (("check", "--model", "fastest"), "unknown model 'fastest' (choose from default, fast, rules, transformer)"),
    (("extract", "x.txt", "--model", "nope"), "unknown model 'nope'"),
    (("check", "--nope"), "No such option: --nope"),
    (("frob",), "No such command 'frob'"),
    (("extract",), "Missing argument"),
    (("annotate", "in/"), "Missing option '--output'"),
    (("annotate", "in/", "-o", "out/", "--workers", "0"), "--workers"),
    (("crosscheck", "out/", "--scope", "galaxy"), "--scope"),
])
def test_command_line_mistakes_are_one_error_line_and_exit_2(args, says):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and says in lines[0], lines[0]
    assert "╭" not in result.stderr and "Usage:" not in result.stderr
    assert lines[0].endswith("--help')")  # where to look next


def test_bare_command_prints_the_help():
    result = run()
    assert "Usage: claimcheck" in result.output and "check" in result.output
    assert "error:" not in result.output


def test_version_and_help_exit_0():
    assert run("--version").exit_code == 0
    assert run("check", "--help").exit_code == 0


def test_report_formats_are_rendered_by_the_report_package():
    """render() lives in claimcheck.report.render; the CLI's --format choices are its formats."""
    from claimcheck.cli.check import CheckFormat
    from claimcheck.errors import UsageError
    from claimcheck.report.render import FORMATS, render
    from claimcheck.schema import Report

    assert tuple(f.value for f in CheckFormat) == FORMATS
    assert render(Report(), "json").startswith("{")
    with pytest.raises(UsageError, match="unknown report format 'yaml'"):
        render(Report(), "yaml")


@pytest.mark.parametrize("args", [("--model", "transformer", "--frozen-ner", "models/fast"),
                                  ("--model", "fast", "--frozen-ner", "no/such/model")])
def test_train_frozen_ner_needs_fast_and_a_trained_pipeline(args, tmp_path):
    result = run("train", *args, "--output", str(tmp_path / "out"))
    assert result.exit_code != 0
    assert "--frozen-ner" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [("--model", "fast", "--fit-filter"),  # no --real
                                  ("--model", "transformer", "--real", "--fit-filter")])
def test_train_fit_filter_needs_fast_real_and_a_trained_pipeline(args, tmp_path, shared_data):
    result = run("train", *args, "--shared", str(shared_data.parent), "--output", str(tmp_path / "out"))
    assert result.exit_code != 0
    assert "--fit-filter: needs --model fast, --real" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
