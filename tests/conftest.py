"""Shared fixtures: the pipeline loads once per session; shared data is optional outside CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "corpus" / "stories"


def shared_data_dir() -> Path:
    return Path(os.environ.get("CLAIMCHECK_SHARED", ROOT.parent / "shared")) / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data: required in CI, skipped elsewhere when absent."""
    path = shared_data_dir()
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared data not found at {path} (CI requires it)")
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from claimcheck.pipeline import load_pipeline

    return load_pipeline("default")


@pytest.fixture(scope="session")
def story_reports():
    """The report of `check` on each demo story, computed once."""
    from claimcheck.api import check

    reports = {}
    for story in sorted(p for p in STORIES.iterdir() if p.is_dir()):
        reports[story.name] = check([str(story)], warn=lambda m: None)
    return reports
