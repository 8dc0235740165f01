"""claimcheck logs through logging.getLogger("claimcheck"): silent as a library unless the application adds a
handler, one `warning:` line in the CLI, everything with CLAIMCHECK_DEBUG=1 — and a swallowed bug is logged."""

from __future__ import annotations

import logging

import pytest
from typer.testing import CliRunner

TEXT = "Acme Corp said its revenue rose 12% to $40 million in 2019, and 28 stores were opened."


@pytest.fixture()
def broken_percent(monkeypatch):
    import claimcheck.pipeline.mentions as mentions

    monkeypatch.setattr(mentions, "_WARNED", set())

    def boom(*args, **kwargs):
        raise RuntimeError("percent normaliser exploded")

    monkeypatch.setattr(mentions, "normalize_percent", boom)


@pytest.fixture()
def fresh_cli_logging():
    """The package logger as a fresh import leaves it (earlier CLI tests in this process added their handler)."""
    logger = logging.getLogger("claimcheck")
    saved = (logger.handlers[:], logger.level)
    logger.handlers[:] = [h for h in logger.handlers if isinstance(h, logging.NullHandler)]
    logger.setLevel(logging.NOTSET)
    yield
    logger.handlers[:], logger.level = saved[0], saved[1]


def test_the_package_logger_is_silent_by_default(nlp, broken_percent, caplog, capsys, fresh_cli_logging):
    import claimcheck

    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("claimcheck").handlers)
    with caplog.at_level(logging.WARNING, logger="claimcheck"):
        [extraction] = claimcheck.extract([TEXT], warn=lambda m: None)
    # the document survives the bug: its other figures are read, the percent stays unnormalised
    assert any(m.label == "MONEY" and m.value == 40_000_000 for m in extraction.mentions)
    assert any(m.label == "PERCENT" and m.value is None for m in extraction.mentions)
    [record] = [r for r in caplog.records if "could not normalise" in r.getMessage()]
    assert record.name == "claimcheck.pipeline.mentions" and "exploded" in record.getMessage()
    assert capsys.readouterr().err == ""  # no handler of ours: nothing printed by the library itself


def test_cli_shows_a_logged_warning_as_one_line(nlp, broken_percent, fresh_cli_logging, monkeypatch):
    from claimcheck.cli import app

    monkeypatch.delenv("CLAIMCHECK_DEBUG", raising=False)
    result = CliRunner().invoke(app, ["extract", "-"], input=TEXT)
    assert result.exit_code == 0
    lines = [ln for ln in result.stderr.splitlines() if "could not normalise" in ln]
    assert lines == ["warning: could not normalise PERCENT '12%' (RuntimeError: percent normaliser exploded); "
                     "it is kept unnormalised"]
    assert "Traceback" not in result.stderr


def test_debug_shows_the_logger_and_traceback(nlp, broken_percent, fresh_cli_logging, monkeypatch):
    from claimcheck.cli import app

    monkeypatch.setenv("CLAIMCHECK_DEBUG", "1")
    result = CliRunner().invoke(app, ["extract", "-"], input=TEXT)
    assert result.exit_code == 0
    assert "warning: claimcheck.pipeline.mentions: could not normalise PERCENT" in result.stderr
    assert "Traceback" in result.stderr and "percent normaliser exploded" in result.stderr
