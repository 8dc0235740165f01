"""``claimcheck train``: train a pipeline from its config with spaCy's training loop.

The corpus' Prodigy JSONL (``corpus/claims/{train,dev}.jsonl``) becomes spaCy
``DocBin`` files in a scratch directory; ``spacy train`` runs the config in
``models/configs/<model>.cfg``; the best model replaces ``models/<model>/``
only once it is complete (written beside it, then swapped by rename), so an
interrupted run leaves the previous model usable. ``transformer`` has no config:
it is the installed ``fast`` pipeline plus a fine-tuned claim encoder, built by
``claimcheck.training.finetune`` and installed the same way.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from claimcheck.errors import InputError, ModelError, OutputError
from claimcheck.paths import CONFIGS, corpus_dir, hub_offline
from claimcheck.training.corpus import REAL_SOURCES, load_split, to_docbin

KEEP = ("README.md",)  # the model card is written by hand and survives a retrain
FINE_TUNED = "transformer"  # built by fine-tuning (training/finetune.py), not from a spaCy config
EPOCHS = 2  # two passes: 1,065 s on this 2-core machine (the frozen layers once, 131 s; each epoch 6-9 min)


def config_path(model: str) -> Path:
    path = CONFIGS / f"{model}.cfg"
    if not path.exists():
        known = ", ".join(sorted([p.stem for p in CONFIGS.glob("*.cfg")] + [FINE_TUNED]))
        raise ModelError(f"no training config for model '{model}' (known: {known})")
    return path


def register() -> None:
    """Import the modules that register claimcheck's factories, architectures and callbacks."""
    from claimcheck.pipeline import components, encoder, linker, tokenizer  # noqa: F401


def train(model: str, output: Path, *, corpus: Path | None = None, max_steps: int | None = None,
          config: Path | None = None, seed: int = 0, force: bool = False, quiet: bool = False,
          real: Path | None = None, real_fraction: float = 1.0, silver: list[dict] | None = None,
          frozen_base: Path | None = None, eval_frequency: int | None = None,
          fold: tuple[int, int] | None = None) -> dict:
    """Train ``model`` and install it at ``output``; returns a summary (steps, scores, seconds).

    ``real``: the shared data folder; the real articles' ``train`` split is added to the training data and
    their ``dev`` split to dev (where the linker's threshold is chosen). ``real-test`` is never read.
    ``real_fraction``: only this share of ``real-train`` (a fixed subset, :func:`real_subset`), for learning
    curves. ``silver``: machine-labelled tasks added to the training data (``claimcheck.training.distill``).
    ``frozen_base``: a trained pipeline whose NER is taken as it is (sourced and frozen), so only the claim
    linker trains: what distillation changes, at a fraction of the cost. ``eval_frequency``: steps between
    scorings on dev (the best-scoring step is kept). ``fold``: ``(k, n)`` leaves out the k-th of n fixed parts
    of the training articles, written and real (:func:`fold_of`), for cross-fitted models
    (``claimcheck.training.claim_filter``).
    """
    from spacy.cli.train import train as spacy_train

    hub_offline()  # the transformer pipeline's encoder loads from its pip package, never from the hub
    register()
    corpus = corpus or corpus_dir()
    cfg = config or (None if model == FINE_TUNED else config_path(model))
    output = Path(output)
    if output.exists() and not (output / "config.cfg").exists():
        raise OutputError(f"{output}: exists and is not a claimcheck model directory; not overwriting it")
    if output.exists() and not force:
        raise OutputError(f"{output}: a model is already there (use --force to replace it)")
    train_rows, dev_rows = load_split("train", corpus), load_split("dev", corpus)
    if real is not None:
        from claimcheck.training.corpus import load_real

        train_rows += real_subset(load_real(real, corpus, split="train"), real_fraction)
        dev_rows += load_real(real, corpus, split="dev")
    if fold is not None:
        train_rows = [r for r in train_rows if fold_of(r, fold[1]) != fold[0]]
    train_rows += silver or []
    if not train_rows or not dev_rows:
        raise InputError(f"{corpus}/claims: train and dev splits must both hold articles")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{output.parent}: cannot create ({exc.strerror or exc})") from None
    started = time.perf_counter()
    if cfg is None:
        return _fine_tune(output, train_rows, dev_rows, seed=seed, max_steps=max_steps, quiet=quiet,
                          started=started)
    with tempfile.TemporaryDirectory(prefix="claimcheck-train-") as tmpdir:
        tmp = Path(tmpdir)
        to_docbin(train_rows, tmp / "train.spacy")
        to_docbin(dev_rows, tmp / "dev.spacy")
        overrides = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy"),
                     "system.seed": seed}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
            overrides["training.eval_frequency"] = max(1, min(100, max_steps // 2))
        if eval_frequency is not None:
            overrides["training.eval_frequency"] = eval_frequency
        if frozen_base is not None:
            from claimcheck.pipeline.modelfiles import check_model_dir

            check_model_dir(frozen_base, "base")
            overrides["components.ner.source"] = str(frozen_base)
            overrides["training.frozen_components"] = ["senter", "ner"]
        log = logging.getLogger("spacy")
        level = log.level
        if quiet:
            log.setLevel(logging.WARNING)
        try:
            spacy_train(cfg, tmp / "out", overrides=overrides)
        finally:
            log.setLevel(level)
        best = tmp / "out" / "model-best"
        if not best.exists():
            best = tmp / "out" / "model-last"
        meta = finalize(best, output, model, train_rows, dev_rows, seed=seed, scratch=tmp)
    return {"model": model, "output": str(output), "seconds": round(time.perf_counter() - started, 1),
            "dev": meta.get("performance", {})}


def _article_key(row: dict) -> str:
    """SHA-1 of an article's ``source:id``: an order and a partition that do not depend on how articles come."""
    import hashlib

    meta = row.get("meta", {})
    return hashlib.sha1(f"{meta.get('source')}:{meta.get('id')}".encode()).hexdigest()


def fold_of(row: dict, n: int) -> int:
    """Which of ``n`` fixed parts an article belongs to."""
    return int(_article_key(row), 16) % n


def real_subset(rows: list[dict], fraction: float) -> list[dict]:
    """A fixed ``fraction`` of real articles: the first by SHA-1 of ``source:id``, so a smaller share is
    always part of a larger one and the subset does not depend on the order the articles come in."""
    if not 0.0 < fraction <= 1.0:
        raise InputError(f"the share of real-train must be in (0, 1], not {fraction}")
    if fraction == 1.0:
        return rows
    ranked = sorted(rows, key=_article_key)
    return ranked[:max(1, round(fraction * len(ranked)))]


def _fine_tune(output: Path, train_rows: list[dict], dev_rows: list[dict], *, seed: int, max_steps: int | None,
               quiet: bool, started: float) -> dict:
    """The ``transformer`` pipeline: the installed ``fast`` pipeline plus the fine-tuned claim encoder
    (``claimcheck.training.finetune``); ``max_steps`` caps the training values (quick runs)."""
    from claimcheck.pipeline import MODEL_DIR
    from claimcheck.training.finetune import build

    with tempfile.TemporaryDirectory(prefix="claimcheck-train-") as tmpdir:
        final = Path(tmpdir) / "final"
        info = build(final, train_rows, dev_rows, base_model=MODEL_DIR / "fast", seed=seed,
                     epochs=1 if max_steps is not None else EPOCHS,
                     max_items=None if max_steps is None else 16 * max_steps,
                     report=None if quiet else lambda m: logging.getLogger("claimcheck.train").warning(m))
        try:
            install(final, output)
        except OSError as exc:
            raise OutputError(f"{output}: cannot install the model ({exc.strerror or exc})") from None
    return {"model": FINE_TUNED, "output": str(output), "seconds": round(time.perf_counter() - started, 1),
            "dev": info.get("dev_claims_at_threshold", {})}


def finalize(best: Path, output: Path, model: str, train_rows: list[dict], dev_rows: list[dict], *, seed: int,
             scratch: Path) -> dict:
    """Tune the linker's threshold on dev, record the training data in the meta, install at ``output``."""
    import spacy

    from claimcheck.pipeline.linker import ClaimLinker

    nlp = spacy.load(best)
    threshold, linking = tune_threshold(nlp, dev_rows)
    linker = nlp.get_pipe("claim_linker")
    assert isinstance(linker, ClaimLinker)  # every trained pipeline's linker (configs/*.cfg)
    linker.cfg["threshold"] = threshold
    nlp.meta["claimcheck"] = {"model": model, "train_articles": len(train_rows), "dev_articles": len(dev_rows),
                              "real_train_articles": sum(1 for r in train_rows
                                                         if r.get("meta", {}).get("source") in REAL_SOURCES),
                              "train_claims": sum(len(r["relations"]) for r in train_rows), "seed": seed,
                              "threshold": threshold, "dev_claims_at_threshold": linking}
    final = scratch / "final"
    nlp.to_disk(final)
    try:
        install(final, output)
    except OSError as exc:
        raise OutputError(f"{output}: cannot install the model ({exc.strerror or exc})") from None
    return nlp.meta


def tune_threshold(nlp, rows: list[dict]) -> tuple[float, dict]:
    """The attribute-probability threshold with the best end-to-end claim F1 on ``rows`` (the pipeline's own
    mentions; subject, attribute and value must match), and the scores at it."""
    from claimcheck.training.evaluate import run_tasks

    linker = nlp.get_pipe("claim_linker")
    saved = linker.cfg["threshold"]
    linker.cfg["threshold"] = 0.0
    try:
        _mentions, pairs = run_tasks(rows, nlp)
    finally:
        linker.cfg["threshold"] = saved
    return best_threshold(pairs)


THRESHOLDS = tuple(x / 100 for x in range(5, 100, 5))


def best_threshold(pairs: list) -> tuple[float, dict]:
    """The first of ``THRESHOLDS`` with the best claim F1 over ``run_tasks``' claim pairs (run at threshold 0),
    and the scores at it; a results-table claim has no attribute probability, so no threshold drops it."""
    from claimcheck.training.scoring import claim_scores, first_best

    return first_best(THRESHOLDS, lambda threshold: claim_scores(
        (gold, [p[:3] for p in pred if p[3] is None or p[3] >= threshold]) for gold, pred in pairs)["all"])


def install(built: Path, output: Path) -> None:
    """Move a finished model into place: copy beside the target, then swap directories.

    The swap is one atomic ``renameat2(RENAME_EXCHANGE)`` where the system has it, so a run killed at any
    point leaves either the previous model or the new one at ``output``, never nothing; elsewhere it is two
    renames, and a run killed between them leaves the previous model at ``.<name>.old-<pid>`` beside it.
    """
    for stale in output.parent.glob(f".{output.name}.new-*"):  # left by a run killed while copying
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    shutil.rmtree(staging)
    shutil.copytree(built, staging)
    for name in KEEP:
        if (output / name).exists():
            shutil.copy2(output / name, staging / name)
    if output.exists() and _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous model
        return
    old = None
    if output.exists():
        old = output.parent / f".{output.name}.old-{os.getpid()}"
        os.replace(output, old)
    os.replace(staging, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False where unsupported."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # no libc, or a glibc older than 2.28
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
