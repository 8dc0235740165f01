"""Nothing lost: outputs go to a temporary file and are renamed into place, an existing output is only
replaced with --force, and a process killed with SIGKILL in the middle of writing (robust_killer.py) leaves
the previous output whole: the report, the extraction, annotate's shards and a trained model."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import OutputError
from claimcheck.report.output import write_atomic
from conftest import STORIES
from robust_helpers import MODEL, child_env, make_corpus

KILLER = Path(__file__).with_name("robust_killer.py")
STORY = STORIES / "arm-ipo-2023"
ARTICLE = STORY / "blog.txt"
PREVIOUS = '{"previous": "report"}\n'


def _killed(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, str(KILLER), *args], capture_output=True, text=True, timeout=timeout,
                          env=child_env())
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stderr[-3000:])
    return proc


def _temporaries(d: Path) -> list[Path]:
    return [p for p in d.rglob("*") if p.name.endswith(".tmp")]


# -- write_atomic ----------------------------------------------------------------------------------------------

def test_existing_output_needs_force(tmp_path):
    out = tmp_path / "report.json"
    out.write_text(PREVIOUS)
    with pytest.raises(OutputError, match="--force"):
        write_atomic(out, "new")
    assert out.read_text() == PREVIOUS
    write_atomic(out, "new", force=True)
    assert out.read_text() == "new"
    dangling = tmp_path / "link.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(OutputError, match="--force"):  # a link is something there too
        write_atomic(dangling, "new")
    assert not _temporaries(tmp_path)


def test_permissions_are_the_usual_ones(tmp_path):
    """mkstemp makes 0600 files; an output gets the umask's mode, a replaced one keeps its own."""
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.html", "x")
        assert (tmp_path / "new.html").stat().st_mode & 0o777 == 0o644
        (tmp_path / "shared.html").write_text("x")
        (tmp_path / "shared.html").chmod(0o664)
        write_atomic(tmp_path / "shared.html", "y", force=True)
        assert (tmp_path / "shared.html").stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "report.json"
    out.write_text(PREVIOUS)

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(out, "new" * 1000, force=True)
    assert out.read_text() == PREVIOUS
    assert not _temporaries(tmp_path)


def test_a_file_that_appears_meanwhile_is_not_replaced(tmp_path, monkeypatch):
    """Without --force the new file is linked into place: no check-then-rename race."""
    import tempfile

    out = tmp_path / "report.json"
    real_mkstemp = tempfile.mkstemp

    def racing_mkstemp(*args, **kwargs):
        result = real_mkstemp(*args, **kwargs)
        out.write_text(PREVIOUS)  # another process writes the report after our existence check
        return result

    monkeypatch.setattr(tempfile, "mkstemp", racing_mkstemp)
    with pytest.raises(OutputError, match="already exists"):
        write_atomic(out, "new")
    assert out.read_text() == PREVIOUS
    assert not _temporaries(tmp_path)


# -- the commands' -o ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["check", "extract"])
def test_cli_output_needs_force(tmp_path, command):
    out = tmp_path / "out.json"
    out.write_text(PREVIOUS)
    args = [command, str(ARTICLE), "--format", "json", "--model", MODEL, "-o", str(out)]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 5 and "--force" in refused.stderr
    assert out.read_text() == PREVIOUS
    replaced = CliRunner().invoke(app, args + ["--force"])
    assert replaced.exit_code == 0, replaced.stderr
    assert json.loads(out.read_text())
    assert not _temporaries(tmp_path)


@pytest.mark.parametrize("command, point", [("check", "fsync"), ("extract", "replace:out.json")])
def test_killed_while_writing_keeps_the_previous_output(tmp_path, command, point):
    out = tmp_path / "out.json"
    out.write_text(PREVIOUS)
    _killed("cli", point, "1", "--", command, str(ARTICLE), "--format", "json", "--model", MODEL,
            "-o", str(out), "--force")
    assert out.read_text() == PREVIOUS  # the new text was in a temporary file, never renamed


# -- annotate --------------------------------------------------------------------------------------------------

@pytest.mark.slow  # kills and resumes annotate
def test_annotate_killed_mid_shard_resumes_whole(tmp_path):
    """Killed while writing a Parquet shard (its temporary file complete, not renamed), annotate resumes
    to the tables of an uninterrupted run (tests/batch/test_annotate_resume.py kills between shards)."""
    from claimcheck.batch.annotate import annotate

    out = tmp_path / "out"
    base = ["annotate", str(STORY), "-o", str(out), "--shard-size", "2", "--workers", "1", "-q", "--model", MODEL]
    _killed("cli", "replace:part-000001.parquet", "1", "--", *base)  # shard 1's first table, written, not renamed
    assert list((out / "documents").glob(".part-000001.parquet.*.tmp"))
    assert (out / "shards" / "part-000000.json").exists() and not (out / "shards" / "part-000001.json").exists()
    resumed = annotate(str(STORY), str(out), shard_size=2, workers=1, model=MODEL)
    assert resumed.skipped == 1 and resumed.documents == 5
    whole = tmp_path / "whole"
    annotate(str(STORY), str(whole), shard_size=2, workers=1, model=MODEL)
    for table in ("documents", "mentions", "claims"):
        assert [p.read_bytes() for p in sorted((out / table).glob("*.parquet"))] == \
               [p.read_bytes() for p in sorted((whole / table).glob("*.parquet"))]
    assert not _temporaries(out)


# -- train -----------------------------------------------------------------------------------------------------

def _blank_model(path: Path, name: str) -> Path:
    import spacy

    nlp = spacy.blank("en")
    nlp.meta["name"] = name
    nlp.to_disk(path)
    return path


def _model_name(path: Path) -> str:
    from claimcheck.pipeline import load_trained

    return load_trained(path, "test").meta["name"]  # the directory check and a full spaCy load


@pytest.mark.parametrize("point, n, installed", [
    ("copyfile", "3", "previous"),  # killed while copying the new model beside the old one
    ("exchange", "1", "new"),       # killed right after the atomic swap, before the old one is removed
])
def test_install_killed_leaves_a_usable_model(tmp_path, point, n, installed):
    output = _blank_model(tmp_path / "fast", "previous")
    (output / "README.md").write_text("model card")
    built = _blank_model(tmp_path / "built", "new")
    _killed("install", point, n, str(built), str(output))
    assert _model_name(output) == installed
    from claimcheck.training.train import install

    install(built, output)  # the next run cleans up after the killed one
    assert _model_name(output) == "new" and (output / "README.md").read_text() == "model card"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built", "fast"]


@pytest.mark.slow  # a training run killed
def test_train_killed_at_a_random_point_keeps_the_previous_model(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    output = _blank_model(tmp_path / "fast", "previous")
    delay = random.Random(os.getpid()).uniform(2, 25)
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", "train", "--corpus", str(corpus), "-o", str(output),
                             "--force", "--max-steps", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=child_env(), start_new_session=True)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGKILL)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode in (-signal.SIGKILL, 0), err[-2000:]
    from claimcheck.pipeline import load_trained

    nlp = load_trained(output, "test")  # whatever the moment of the kill: a whole model, old or new
    assert nlp.meta["name"] == "previous" or "claim_linker" in nlp.pipe_names, f"killed after {delay:.1f} s"
