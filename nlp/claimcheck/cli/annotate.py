"""`claimcheck annotate`: a corpus to Parquet tables of documents, mentions and claims, resumably."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from claimcheck.cli._app import command, model_option, guard
from claimcheck.cli.check import OnError


class Engine(str, Enum):
    datasets = "datasets"
    ray = "ray"


@command("annotate", epilog="""Examples:

  claimcheck annotate articles/ -o annotated/            # all cores, datasets engine

  claimcheck annotate archive.jsonl -o out/ --workers 8 --shard-size 2000

  claimcheck annotate saved_dataset/ -o out/ --docbin     # also spaCy DocBin shards

  RAY_ADDRESS=auto claimcheck annotate corpus.parquet -o out/ --engine ray --workers 64

  claimcheck crosscheck out/ --format json                # then cross-check the corpus

Re-running the same command resumes an interrupted run; --force replaces another run's output.
""")
@guard
def annotate_cli(
    input: str = typer.Argument(
        ..., metavar="INPUT", help="A directory of documents, a JSONL or Parquet file, or a saved `datasets` dataset."
    ),
    output: Path = typer.Option(..., "--output", "-o", metavar="OUTDIR", help="Directory for the tables and manifest."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes (default: all cores)."),
    shard_size: int = typer.Option(1000, "--shard-size", min=1,
                                   help="Documents per shard: the unit written at once and resumed."),
    model: str = model_option(),
    engine: Engine = typer.Option(Engine.datasets, "--engine",
                                  help="datasets (one machine) or ray (RAY_ADDRESS cluster, else local Ray)."),
    docbin: bool = typer.Option(False, "--docbin", help="Also write the parsed spaCy Docs as DocBin shards."),
    force: bool = typer.Option(False, "--force", help="Replace the output of a different run in OUTDIR."),
    on_error: OnError = typer.Option(OnError.skip, "--on-error", help="Skip unreadable documents or stop."),
    dayfirst: bool = typer.Option(False, "--dayfirst", help="Read 12/10/2021 as 12 October (UK style)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Let the engine's own notices (Ray's) through."),
) -> None:
    """Annotate a corpus: documents, mentions and claims as Parquet tables, written shard by shard."""
    from claimcheck.batch.annotate import annotate
    from claimcheck.cli._progress import annotate_progress

    with annotate_progress(enabled=not quiet) as progress:
        summary = annotate(input, str(output), workers=workers, shard_size=shard_size, model=model,
                           engine=engine.value, docbin=docbin, force=force, dayfirst=dayfirst or None,
                           on_error=on_error.value, warn=lambda m: typer.echo(f"warning: {m}", err=True),
                           progress=progress, verbose=verbose)
    if not quiet:
        t = summary.manifest["timings"]
        rate = f", {t['words_per_second']:,.0f} words/s" if t.get("words_per_second") else ""
        resumed = f" ({summary.skipped} already done)" if summary.skipped else ""
        typer.echo(f"{summary.documents} documents, {summary.mentions} mentions, {summary.claims} claims in "
                   f"{summary.shards} shards{resumed} → {output}{rate}", err=True)
