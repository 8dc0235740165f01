"""Importing claimcheck leaves the host process alone: no environment variables set, no warnings filters
changed (the offline flags for Hugging Face libraries are set by the loaders that need them)."""

from __future__ import annotations

import json
import subprocess
import sys

MODULES = ["claimcheck", "claimcheck.api", "claimcheck.pipeline", "claimcheck.pipeline.encoder",
           "claimcheck.pipeline.claim_encoder", "claimcheck.training.finetune",
           "claimcheck.batch.annotate", "claimcheck.batch.ray_engine", "claimcheck.training.train",
           "claimcheck.cli"]


def test_importing_the_package_changes_no_environment_variable():
    code = ("import json, os, sys, importlib\n"
            "before = dict(os.environ)\n"
            f"for m in {MODULES!r}:\n"
            "    importlib.import_module(m)\n"
            "after = dict(os.environ)\n"
            "print(json.dumps({k: after.get(k) for k in set(before) ^ set(after) | "
            "{k for k in before if before[k] != after.get(k)}}))\n")
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {}


def test_the_loaders_go_offline_and_keep_the_users_choice(monkeypatch):
    from claimcheck.paths import OFFLINE_ENV, hub_offline

    for key in OFFLINE_ENV:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "0")
    hub_offline()
    import os

    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert os.environ["HF_DATASETS_OFFLINE"] == "0"
