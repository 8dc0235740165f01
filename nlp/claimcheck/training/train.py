"""``claimcheck train``: train a pipeline from its config with spaCy's training loop.

The corpus' Prodigy JSONL (``corpus/claims/{train,dev}.jsonl``) becomes spaCy
``DocBin`` files in a scratch directory; ``spacy train`` runs the config in
``models/configs/<model>.cfg``; the best model replaces ``models/<model>/``
only once it is complete (written beside it, then swapped by rename), so an
interrupted run leaves the previous model usable.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from claimcheck.errors import InputError, ModelError, OutputError  # noqa: E402
from claimcheck.training.corpus import CORPUS, load_split, to_docbin  # noqa: E402

CONFIGS = Path(__file__).resolve().parents[3] / "models" / "configs"
KEEP = ("README.md",)  # the model card is written by hand and survives a retrain


def config_path(model: str) -> Path:
    path = CONFIGS / f"{model}.cfg"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in CONFIGS.glob("*.cfg")))
        raise ModelError(f"no training config for model '{model}' (known: {known})")
    return path


def register() -> None:
    """Import the modules that register claimcheck's factories, architectures and callbacks."""
    from claimcheck.pipeline import components, encoder, linker, tokenizer  # noqa: F401


def train(model: str, output: Path, *, corpus: Path = CORPUS, max_steps: int | None = None,
          config: Path | None = None, seed: int = 0, force: bool = False, quiet: bool = False) -> dict:
    """Train ``model`` and install it at ``output``; returns a summary (steps, scores, seconds)."""
    from spacy.cli.train import train as spacy_train

    register()
    cfg = config or config_path(model)
    output = Path(output)
    if output.exists() and not (output / "config.cfg").exists():
        raise OutputError(f"{output}: exists and is not a claimcheck model directory; not overwriting it")
    if output.exists() and not force:
        raise OutputError(f"{output}: a model is already there (use --force to replace it)")
    train_rows, dev_rows = load_split("train", corpus), load_split("dev", corpus)
    if not train_rows or not dev_rows:
        raise InputError(f"{corpus}/claims: train and dev splits must both hold articles")
    output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="claimcheck-train-") as tmp:
        tmp = Path(tmp)
        to_docbin(train_rows, tmp / "train.spacy")
        to_docbin(dev_rows, tmp / "dev.spacy")
        overrides = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy"),
                     "system.seed": seed}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
            overrides["training.eval_frequency"] = max(1, min(100, max_steps // 2))
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


def finalize(best: Path, output: Path, model: str, train_rows: list[dict], dev_rows: list[dict], *, seed: int,
             scratch: Path) -> dict:
    """Tune the linker's threshold on dev, record the training data in the meta, install at ``output``."""
    import spacy

    nlp = spacy.load(best)
    threshold, linking = tune_threshold(nlp, dev_rows)
    nlp.get_pipe("claim_linker").cfg["threshold"] = threshold
    nlp.meta["claimcheck"] = {"model": model, "train_articles": len(train_rows), "dev_articles": len(dev_rows),
                              "train_claims": sum(len(r["relations"]) for r in train_rows), "seed": seed,
                              "threshold": threshold, "dev_linking_on_gold_mentions": linking}
    final = scratch / "final"
    nlp.to_disk(final)
    install(final, output)
    return nlp.meta


def linking_scores(nlp, rows: list[dict]):
    """The claim linker's pair probabilities on ``rows`` with the gold mentions as candidates."""
    from spacy.training import Example

    from claimcheck.training.corpus import task_to_doc

    linker = nlp.get_pipe("claim_linker")
    examples = []
    for row in rows:
        predicted = nlp.make_doc(row["text"])
        for name in ("senter", "claimcheck_paragraphs_v1"):
            if name in nlp.pipe_names:
                predicted = nlp.get_pipe(name)(predicted)
        examples.append(Example(predicted, task_to_doc(row, nlp)))
    inputs, golds = linker._gold_inputs(examples)
    if "encoder" in nlp.pipe_names:  # listeners read the shared encoder's output from doc.tensor
        nlp.get_pipe("encoder").set_annotations([d for d, _ in inputs],
                                                nlp.get_pipe("encoder").predict([d for d, _ in inputs]))
    scores = linker.model.ops.to_numpy(linker.model.predict(inputs)) if inputs else None
    return inputs, golds, scores


def tune_threshold(nlp, rows: list[dict]) -> tuple[float, dict]:
    """The linking threshold with the best claim F1 on ``rows`` (gold mentions), and the scores at it."""
    from claimcheck.pipeline.linker import choose_links
    from claimcheck.pipeline.pairs import CLASSES
    from claimcheck.training.scoring import prf

    inputs, golds, scores = linking_scores(nlp, rows)
    n_gold = sum(len(g) for g in golds)
    best = (0.5, prf(0, 0, n_gold))
    for threshold in [x / 100 for x in range(10, 80, 5)]:
        tp = fp = offset = 0
        for (_doc, (pairs, _f)), gold in zip(inputs, golds):
            for pair, attribute, _p in choose_links(pairs, scores[offset:offset + len(pairs)], threshold):
                if gold.get((pair.value, pair.subject)) == CLASSES.index(attribute):
                    tp += 1
                else:
                    fp += 1
            offset += len(pairs)
        score = prf(tp, fp, n_gold - tp)
        if score["f"] > best[1]["f"]:
            best = (threshold, score)
    return best


def install(built: Path, output: Path) -> None:
    """Move a finished model into place: copy beside the target, then swap directories by rename."""
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    shutil.rmtree(staging)
    shutil.copytree(built, staging)
    for name in KEEP:
        if (output / name).exists():
            shutil.copy2(output / name, staging / name)
    old = None
    if output.exists():
        old = output.parent / f".{output.name}.old-{os.getpid()}"
        os.replace(output, old)
    os.replace(staging, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
