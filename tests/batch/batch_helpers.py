"""Helpers shared by the batch tests (a plain module: tests/batch has no conftest of its own)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import STORIES


@lru_cache(maxsize=1)
def _loadable_model() -> str | None:
    from claimcheck.errors import ModelError
    from claimcheck.pipeline import MODELS, load_pipeline

    for name in ["default"] + sorted(MODELS):
        try:
            load_pipeline(name)
            return name
        except ModelError:
            continue
    return None


def model_name() -> str:
    """The default pipeline, or the first one that loads while the default is being rebuilt."""
    name = _loadable_model()
    if name is None:
        pytest.skip("no claimcheck pipeline can be loaded here")
    return name


def story_records(n: int | None = None) -> list[dict]:
    """The demo stories' articles as JSON records (id, text, format), in directory order."""
    from claimcheck.batch.inputs import open_input

    out = []
    for r in open_input(str(STORIES)).records(warn=lambda m: None):
        out.append({"id": r["id"].replace("/", "-"), "text": r["text"], "story": r["story"],
                    **({"format": "html"} if r["kind"] == "html" else {})})
    return out[:n]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def table_bytes(outdir: Path) -> dict[str, bytes]:
    """Every table file of an annotate output, by relative path."""
    return {str(p.relative_to(outdir)): p.read_bytes()
            for sub in ("documents", "mentions", "claims", "docbin") for p in sorted((outdir / sub).glob("part-*"))}
