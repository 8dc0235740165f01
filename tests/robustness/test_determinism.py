"""Determinism: the same input and model give byte-identical output across runs, across processes with
different string-hash seeds, and across ``--workers`` values.

Two separate runner processes (PYTHONHASHSEED 1 and 2, so set and dict orders that leak into output
would differ) run the command lines a user runs: ``check`` in every format, ``extract``, and ``annotate``
with one worker in the first process and two in the second. Their stdout and Parquet files must match
byte for byte (annotate's manifest and shard markers hold timings, so only the tables are compared).
"""

from __future__ import annotations

import pytest

from batch.batch_helpers import table_bytes  # tests/ is on the path (conftest)
from conftest import STORIES
from robust_helpers import MODEL, assert_clean, child_env, run_cli

pytestmark = pytest.mark.slow  # runs every command twice in fresh processes

STORY = STORIES / "entity-list-2019"
FORMATS = ("json", "jsonl", "markdown", "html", "claimreview", "table")


def _jobs(out, workers: int) -> list[dict]:
    jobs = [{"id": f"check-{fmt}", "args": ["check", "--format", fmt, "--model", MODEL]}
            for fmt in FORMATS]
    jobs.append({"id": "extract", "args": ["extract", str(STORY), "--format", "jsonl", "--model", MODEL]})
    jobs.append({"id": "annotate", "args": ["annotate", str(STORIES), "-o", str(out), "--workers", str(workers),
                                            "--shard-size", "4", "-q", "--model", MODEL]})
    return jobs


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    runs = []
    for seed, workers in (("1", 1), ("2", 2)):
        d = tmp_path_factory.mktemp(f"run-{seed}")
        results = run_cli(_jobs(d / "annotated", workers), d, env=child_env(PYTHONHASHSEED=seed))
        runs.append((results, d / "annotated"))
    return runs


@pytest.mark.parametrize("job", [f"check-{fmt}" for fmt in FORMATS] + ["extract"])
def test_reports_are_byte_identical(two_runs, job):
    (first, _), (second, _) = two_runs
    for result in (first[job], second[job]):
        assert_clean(result)
        assert result["exit_code"] == 0, result["stderr"]
    assert first[job]["stdout_len"] > 1000  # a real report, not an empty one
    assert first[job]["stdout"] == second[job]["stdout"]


def test_annotate_tables_are_byte_identical_across_workers(two_runs):
    (first, one), (second, two) = two_runs
    for result in (first["annotate"], second["annotate"]):
        assert_clean(result)
        assert result["exit_code"] == 0, result["stderr"]
    a, b = table_bytes(one), table_bytes(two)
    assert len(a) == 3 * 4  # 15 documents in shards of 4: 4 shards × 3 tables
    assert a == b
