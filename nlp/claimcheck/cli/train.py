"""`claimcheck train` and `claimcheck evaluate`: build and score the claim pipelines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from claimcheck.cli._app import command, guard


def _shared(path: Optional[Path]) -> Optional[Path]:
    if path is not None:
        return path
    from claimcheck.paths import shared_dir

    return shared_dir()


@command("train")
@guard
def train_cli(
    model: str = typer.Option("fast", "--model",
                              help="fast (models/configs/fast.cfg, spaCy's training loop) or transformer "
                                   "(fast + a fine-tuned claim encoder; needs models/fast)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Model directory to write (default: models/<model>)."),
    max_steps: Optional[int] = typer.Option(None, "--max-steps", min=1,
                                            help="Stop after N updates (quick runs; transformer: N batches "
                                                 "of values)."),
    seed: int = typer.Option(0, "--seed", help="Random seed of the training run."),
    force: bool = typer.Option(False, "--force", help="Replace an existing model directory."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", metavar="DIR",
                                          help="Annotated corpus (articles/*.md; claims/ is rebuilt from them). "
                                               "Default: the repository's corpus/."),
    real: bool = typer.Option(False, "--real", help="Also train on the real articles' train split (dev split: "
                                                    "threshold); needs the shared data."),
    shared: Optional[Path] = typer.Option(None, "--shared",
                                          help="The shared data folder (default: $CLAIMCHECK_SHARED or ../shared)."),
    frozen_ner: Optional[Path] = typer.Option(None, "--frozen-ner", metavar="MODEL_DIR",
                                              help="fast: take the NER of this trained pipeline as it is and train "
                                                   "only the claim linker (how models/fast was last made)."),
    fit_filter: bool = typer.Option(False, "--fit-filter",
                                    help="fast: do not retrain; fit the claim filter of the model at --output "
                                         "(linkers cross-fitted on the written train split and real-train, its "
                                         "threshold chosen on the dev sets; needs --real; ~9 min)."),
) -> None:
    """Train a pipeline on corpus/claims: fast with spaCy's training loop, transformer by fine-tuning its encoder.

    The new model replaces the old one only when it is complete.

    Example: claimcheck train --model transformer --force
    """
    from claimcheck.errors import InputError
    from claimcheck.pipeline import MODEL_DIR
    from claimcheck.paths import corpus_dir
    from claimcheck.training.corpus import build
    from claimcheck.training.markup import MarkupError
    from claimcheck.training.train import train

    corpus = corpus or corpus_dir()
    if not (corpus / "articles").is_dir():
        raise InputError(f"{corpus}/articles: the annotated corpus is not there (train from a checkout "
                         f"of the claimcheck repository)")
    target = output or (MODEL_DIR / model)
    try:
        build(corpus)
        shared_path = _shared(shared) if real else None
        if real and (shared_path is None or not (shared_path / "data").is_dir()):
            raise InputError("--real needs the shared data (--shared PATH)")
        if frozen_ner is not None and (model != "fast" or not (frozen_ner / "ner").is_dir()):
            raise InputError(f"--frozen-ner {frozen_ner}: needs --model fast and a trained fast pipeline there")
        if fit_filter:
            from claimcheck.training.claim_filter import build as build_filter

            if model != "fast" or shared_path is None or not (target / "claim_linker" / "cfg").is_file():
                raise InputError(f"--fit-filter: needs --model fast, --real and a trained fast pipeline at {target}")
            summary = build_filter(target, shared_path, seed=seed,
                                   report=lambda m: typer.echo(m, err=True))
            typer.echo(json.dumps(summary, indent=2, default=str))
            return
        summary = train(model, target, corpus=corpus, max_steps=max_steps, seed=seed, force=force, real=shared_path,
                        frozen_base=frozen_ner)
    except MarkupError as exc:  # a corpus article that cannot be read or parsed: names the file (and line)
        raise InputError(str(exc)) from None
    typer.echo(json.dumps(summary, indent=2, default=str))


@command("evaluate")
@guard
def evaluate_cli(
    model: str = typer.Option("default", "--model",
                              help="Pipeline(s) to score, comma-separated for a side-by-side table "
                                   "(default, rules, fast, transformer)."),
    split: str = typer.Option("test", "--split", help="Split of corpus/claims to score."),
    sets: str = typer.Option("test,real-test,newsquant", "--sets",
                             help="Comma-separated: test, real-test, real-dev, real-train, real, newsquant, "
                                  "newsquant-dev, newsquant-test, reuters-figures, reuters-figures-dev."),
    shared: Optional[Path] = typer.Option(None, "--shared",
                                          help="The shared data folder (default: $CLAIMCHECK_SHARED or ../shared)."),
    no_peer: bool = typer.Option(False, "--no-peer", help="Do not run quantulum3 beside us on NewsQuant."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Also write the scores as JSON to FILE."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
) -> None:
    """Per-label mention scores, per-attribute claim scores, NewsQuant value and value+unit P/R/F1.

    The real sets are scored per source and pooled, with bootstrap 95% intervals over articles.

    Example: claimcheck evaluate --model rules,fast --sets real-test,real-dev -o metrics.json
    """
    from claimcheck.errors import UsageError
    from claimcheck.report.output import write_atomic
    from claimcheck.training.evaluate import SETS, evaluate, render_comparison, render_table

    chosen = tuple(s.strip() for s in sets.split(",") if s.strip())
    unknown = [s for s in chosen if s not in SETS]
    if unknown:
        raise UsageError(f"unknown set(s) {', '.join(unknown)} (choose from {', '.join(SETS)})")
    models = [m.strip() for m in model.split(",") if m.strip()] or ["default"]
    results = [evaluate(m, sets=chosen, split=split, shared=_shared(shared), peer=not no_peer and i == 0)
               for i, m in enumerate(models)]
    if output is not None:
        payload = results[0] if len(results) == 1 else {"models": results}
        write_atomic(output, json.dumps(payload, indent=2) + "\n", force=force)
    for result in results:
        typer.echo(render_table(result), nl=False)
    if len(results) > 1:
        typer.echo(render_comparison(results), nl=False)
