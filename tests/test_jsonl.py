"""The one JSONL reader (claimcheck.jsonl): objects in order, blank lines skipped, a bad line one error naming
the file and the line, which the CLI prints as one `error:` line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.errors import EXIT_INPUT, InputError
from claimcheck.jsonl import numbered_jsonl, read_jsonl


def _write(path, *lines: str | bytes) -> None:
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode("utf-8")) + b"\n" for x in lines))


def test_objects_in_order_blank_lines_skipped_and_counted(tmp_path):
    path = tmp_path / "rows.jsonl"
    _write(path, '{"id": 1}', "", "   \t", '{"id": 2, "text": "a\u2028b"}\r', '{"id": 3}')
    assert [r["id"] for r in read_jsonl(path)] == [1, 2, 3]
    assert [n for n, _ in numbered_jsonl(path)] == [1, 4, 5]  # the file's own line numbers
    assert list(read_jsonl(path))[1]["text"] == "a\u2028b"  # U+2028 inside a string ends no line


@pytest.mark.parametrize("bad, says", [
    ('{"id": 2,', "malformed JSON line"),
    ("[1, 2]", "expected a JSON object, got list"),
    (b'{"id": "\xff"}', "not UTF-8"),
])
def test_a_bad_line_is_named_by_file_and_line(tmp_path, bad, says):
    path = tmp_path / "gold.jsonl"
    _write(path, '{"id": 1}', "", bad, '{"id": 4}')
    rows = read_jsonl(path)
    assert next(rows) == {"id": 1}  # streamed: the rows before the bad line are read
    with pytest.raises(InputError) as info:
        next(rows)
    assert str(info.value).startswith(f"{path}:3: {says}")
    assert "\n" not in str(info.value)


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"nothing\.jsonl: cannot read"):
        list(read_jsonl(tmp_path / "nothing.jsonl"))


def test_a_utf8_bom_is_not_part_of_the_first_object(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "x"}).encode() + b"\n")
    assert list(read_jsonl(path)) == [{"id": "x"}]


def test_the_cli_names_a_broken_line_of_shared_data_in_one_error_line(tmp_path, monkeypatch):
    """`claimcheck evaluate` on shared data with a broken line: one `error:` line naming file and line, exit 3."""
    import claimcheck.pipeline
    from claimcheck.cli import app
    from claimcheck.training.corpus import REAL_SOURCES

    for rel in REAL_SOURCES.values():
        (tmp_path / "data" / rel).parent.mkdir(parents=True, exist_ok=True)
        _write(tmp_path / "data" / rel, '{"id": "a", "text": "fine"}', "", '{"id": "b", "text": "cut off')

    class NoPipeline:  # the data is read before anything is scored: no model needed
        pipe_names: list[str] = []
        meta: dict = {}

    monkeypatch.setattr(claimcheck.pipeline, "load_pipeline", lambda model: NoPipeline())
    result = CliRunner().invoke(app, ["evaluate", "--sets", "real-test", "--shared", str(tmp_path)])
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == EXIT_INPUT, result.output
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.stderr
    assert str(tmp_path / "data") in lines[0] and ".jsonl:3: malformed JSON line" in lines[0]
