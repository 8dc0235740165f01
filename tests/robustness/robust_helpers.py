"""Shared by the robustness tests: run claimcheck command lines in a watched subprocess, and check the
one-line error contract (README, "Limits and errors")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

RUNNER = Path(__file__).with_name("robust_runner.py")
#: the model every robustness run uses: the default (trained) pipeline
MODEL = "default"
#: a generous bound per run: a hang or a quadratic blow-up shows as a timeout, not as a slow suite
JOB_TIMEOUT = 240
MEMORY_LIMIT_MB = 12_000  # address space per runner process (torch alone maps a few GB of it)


def child_env(**extra: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_DEBUG")}
    env.setdefault("PYTHONPATH", "")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), env["PYTHONPATH"]]).rstrip(os.pathsep)
    env["ROBUST_MEMORY_LIMIT_MB"] = str(MEMORY_LIMIT_MB)
    for k, v in extra.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def run_cli(jobs: list[dict], workdir: Path, *, env: dict | None = None, processes: int = 2) -> dict[str, dict]:
    """Run ``jobs`` (``{"id", "args", "stdin"?, "cwd"?, "timeout"?, "deny_open"?}``) in robust_runner
    subprocesses, ``processes`` of them side by side (jobs dealt out by their ``weight``, an estimate of
    their cost: default 1).

    Returns each job's result (see robust_runner); a job that hangs past its timeout, or takes the process
    down, gets ``{"exit_code": "timeout" | "crashed", ...}`` and the runs after it go on in a new process.
    """
    from concurrent.futures import ThreadPoolExecutor

    hands: list[list[dict]] = [[] for _ in range(processes)]
    load = [0.0] * processes
    for job in sorted(jobs, key=lambda j: -j.get("weight", 1)):  # heaviest first, each to the lightest hand
        k = load.index(min(load))
        hands[k].append(job)
        load[k] += job.get("weight", 1)
    with ThreadPoolExecutor(processes) as pool:
        parts = list(pool.map(lambda k: _run_hand(hands[k], workdir, env, k), range(processes)))
    return {k: v for part in parts for k, v in part.items()}


def _run_hand(jobs: list[dict], workdir: Path, env: dict | None, hand: int) -> dict[str, dict]:
    results: dict[str, dict] = {}
    pending = [dict(j, timeout=j.get("timeout", JOB_TIMEOUT)) for j in jobs]
    attempt = 0
    while pending:
        attempt += 1
        jobs_file = workdir / f"jobs-{hand}-{attempt}.json"
        jobs_file.write_text(json.dumps(pending), encoding="utf-8")
        budget = 120 + sum(j["timeout"] for j in pending)  # start-up, then every job at its limit
        proc = subprocess.run([sys.executable, str(RUNNER), str(jobs_file)], capture_output=True, text=True,
                              cwd=workdir, env=env or child_env(), timeout=budget)
        started = None
        for line in proc.stdout.splitlines():
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if "start" in msg:
                started = msg["start"]
            elif "timeout" in msg:
                results[msg["timeout"]] = {"exit_code": "timeout", "stderr": "", "stdout": "", "exception": None}
                started = None
            else:
                results[msg["id"]] = msg
                started = None
        if started is not None:  # died inside a job: out of memory, a segfault, os._exit ...
            results[started] = {"exit_code": "crashed", "stderr": proc.stderr[-3000:], "stdout": "",
                                "exception": f"runner exited with {proc.returncode}"}
        done = set(results)
        left = [j for j in pending if j["id"] not in done]
        if len(left) == len(pending):  # nothing ran at all: the runner itself is broken
            raise RuntimeError(f"robust_runner made no progress (exit {proc.returncode}): {proc.stderr[-3000:]}")
        pending = left
    return results


def assert_clean(result: dict) -> None:
    """No traceback reached the user, and nothing escaped the CLI's guard."""
    assert result["exit_code"] not in ("timeout", "crashed"), f"{result['exit_code']}: {result['stderr'][-2000:]}"
    assert result["exception"] is None, result["exception"]
    assert "Traceback" not in result["stderr"], result["stderr"][-3000:]
    assert result["exit_code"] != 70, result["stderr"]  # 70: an internal error, i.e. a bug
    for line in result["stderr"].splitlines():  # only our own one-line messages (progress bars go elsewhere)
        assert line.startswith(("error: ", "warning: ", "note: ")) or not line.strip(), line


def error_line(result: dict) -> str:
    """The one ``error:`` line of a failed run (there must be exactly one)."""
    errors = [ln for ln in result["stderr"].splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1, result["stderr"]
    assert result["stdout"] == "", result["stdout"][:500]
    return errors[0]


def warnings_of(result: dict) -> list[str]:
    return [ln for ln in result["stderr"].splitlines() if ln.startswith("warning: ")]


def readable_anyway(d: Path) -> str | None:
    """Why a test of unreadable files cannot run here (root reads a file without permissions), or None."""
    probe = d / ".probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        probe.read_text()
        return "running as root: a file without read permission is still readable"
    except PermissionError:
        return None
    finally:
        probe.chmod(0o600)
        probe.unlink()


SEED_ARTICLES = ("asia-001", "asia-002", "asia-003")


def make_corpus(d: Path) -> Path:
    """A training corpus of three real annotated articles (two train, one dev) under ``d``."""
    import shutil

    (d / "articles").mkdir(parents=True)
    (d / "claims").mkdir()
    for name in SEED_ARTICLES:
        shutil.copy(ROOT / "corpus" / "articles" / f"{name}.md", d / "articles" / f"{name}.md")
    splits = {"asia-001": "train", "asia-002": "train", "asia-003": "dev"}
    (d / "claims" / "splits.json").write_text(json.dumps(splits))
    return d
