"""annotate survives kill -9: a rerun skips the finished shards and ends with exactly the tables of an
uninterrupted run; another run's output is only replaced with --force."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from batch_helpers import model_name, story_records, table_bytes, write_jsonl


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("in") / "articles.jsonl", story_records(8))


def _command(corpus, out, model):
    return [sys.executable, "-m", "claimcheck", "annotate", str(corpus), "-o", str(out), "--shard-size", "1",
            "--workers", "1", "--model", model, "--quiet"]


@pytest.mark.slow  # kills and resumes annotate
def test_killed_run_resumes_to_the_same_tables(corpus, tmp_path):
    from claimcheck.batch.annotate import annotate

    model = model_name()
    whole = tmp_path / "whole"
    annotate(str(corpus), str(whole), workers=1, shard_size=1, model=model)

    out = tmp_path / "killed"
    proc = subprocess.Popen(_command(corpus, out, model), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 600
    try:
        while not (out / "shards" / "part-000001.json").exists():  # two shards done, the third under way
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "annotate made no progress"
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    done = sorted(p.name for p in (out / "shards").glob("part-*.json"))
    assert 2 <= len(done) < 8, done
    assert json.loads((out / "manifest.json").read_text())["status"] == "running"

    rerun = subprocess.run(_command(corpus, out, model)[:-1], capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert f"({len(done)} already done)" in rerun.stderr
    assert table_bytes(out) == table_bytes(whole)
    assert json.loads((out / "manifest.json").read_text())["status"] == "complete"
    assert not list(out.rglob("*.tmp"))


def test_an_unfinished_shard_is_redone(corpus, tmp_path):
    """A shard whose files were written but whose marker was not (killed between the two) is redone."""
    from claimcheck.batch.annotate import annotate

    model = model_name()
    out = tmp_path / "out"
    first = annotate(str(corpus), str(out), workers=1, shard_size=4, model=model)
    expected = table_bytes(out)
    (out / "shards" / "part-000001.json").unlink()
    (out / "claims" / "part-000001.parquet").write_bytes(b"half a file")
    (out / "claims" / ".part-000001.parquet.x1y2.tmp").write_bytes(b"left by a killed run")
    again = annotate(str(corpus), str(out), workers=1, shard_size=4, model=model)
    assert again.skipped == 1 and first.skipped == 0
    assert table_bytes(out) == expected
    assert not list(out.rglob("*.tmp"))


def test_another_runs_output_needs_force(corpus, tmp_path):
    from claimcheck.batch.annotate import annotate
    from claimcheck.errors import OutputError

    model = model_name()
    out = tmp_path / "out"
    annotate(str(corpus), str(out), workers=1, shard_size=8, model=model)
    other = write_jsonl(tmp_path / "other.jsonl", story_records(2))
    with pytest.raises(OutputError, match="different run.*input.*--force"):
        annotate(str(other), str(out), workers=1, shard_size=8, model=model)
    with pytest.raises(OutputError, match="options differ: shard_size"):
        annotate(str(corpus), str(out), workers=1, shard_size=3, model=model)
    summary = annotate(str(other), str(out), workers=1, shard_size=8, model=model, force=True)
    assert summary.documents == 2 and summary.skipped == 0
    assert len(list((out / "claims").glob("part-*.parquet"))) == 1

    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="not empty"):
        annotate(str(other), str(foreign), workers=1, model=model)
    annotate(str(other), str(foreign), workers=1, model=model, force=True)
    assert (foreign / "notes.txt").read_text() == "mine"  # --force only ever removes annotate's own files
