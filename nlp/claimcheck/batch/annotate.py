"""Corpus annotation: the same ingest → pipeline → normalise functions as ``check``, shard by shard.

``annotate(input, outdir)`` streams the input's raw records, cuts them into shards of ``shard_size``
documents and, for each shard not already complete in ``outdir``, runs :func:`annotate_pack` over packs of
:data:`PACK` documents with an engine (``datasets``: ``Dataset.map(batched=True, num_proc=workers)``;
``ray``: Ray Data ``map_batches`` with one actor per worker, :mod:`claimcheck.batch.ray_engine`) and writes
the shard's tables (:mod:`claimcheck.batch.shards`). Packs are fixed by the input alone, so the spaCy
batches, and with them every byte of the output, are the same whatever the number of workers or engine.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from claimcheck.batch.inputs import RAW_COLUMNS, open_input
from claimcheck.batch.shards import OutDir, run_key
from claimcheck.batch.tables import TABLES  # noqa: E402
from claimcheck.errors import InputError, UsageError  # noqa: E402
from claimcheck.ingest import is_cut_notice  # noqa: E402

if TYPE_CHECKING:
    from claimcheck.schema import Document

PACK = 16  # documents per pipeline batch (spaCy's nlp.pipe batch): part of the output's definition
#: packs each datasets worker takes between two progress updates (a new process pool per step: not too small)
PACKS_PER_WORKER_STEP = 4
FORMAT = 4  # 2: documents carry `url`; 3: claims carry `as_of`; 4: documents carry `republished_from`
ENGINES = ("datasets", "ray")


@dataclass
class Summary:
    """What one ``annotate`` call did."""

    outdir: str
    shards: int = 0
    skipped: int = 0  # shards already complete from an earlier run
    documents: int = 0
    mentions: int = 0
    claims: int = 0
    words: int = 0
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    manifest: dict = field(default_factory=dict)


# -- the per-pack function: runs in the workers ------------------------------------------------------------------

class _KeepDocs:
    """Wraps a pipeline so that the spaCy Docs ``process`` makes are kept (for DocBin shards)."""

    def __init__(self, nlp):
        self._nlp, self.docs = nlp, []

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def pipe(self, texts, **kwargs):
        for doc in self._nlp.pipe(texts, **kwargs):
            self.docs.append(doc)
            yield doc


_THREADS_LIMITED = False


def _one_thread_per_worker() -> None:
    """Several worker processes on few cores: BLAS threads inside each would only fight over them."""
    global _THREADS_LIMITED
    if not _THREADS_LIMITED:
        _THREADS_LIMITED = True
        try:
            from threadpoolctl import threadpool_limits

            threadpool_limits(1)
        except Exception:  # threadpoolctl is optional
            pass


def annotate_pack(pack: dict, *, model: str, dayfirst: bool | None, docbin: bool) -> dict:
    """Clean, parse and tabulate one pack of raw records (columns :data:`RAW_COLUMNS`, one list each).

    Returns ``{"documents", "mentions", "claims"}`` as Arrow IPC bytes, ``docbin`` (bytes or None) and
    ``warnings`` (one line per document that could not be read).
    """
    from claimcheck.api import story_docs
    from claimcheck.ingest import to_documents
    from claimcheck.ingest.readers import RawRecord
    from claimcheck.pipeline import load_pipeline, process
    from claimcheck.batch import tables as t
    from claimcheck.story import resolve_subjects

    docs: list[Document] = []
    stories: dict[str, str | None] = {}
    warnings: list[str] = []
    raws = [RawRecord(**{k: pack[k][i] for k in RAW_COLUMNS if k != "story"}) for i in range(len(pack["id"]))]
    for i, doc in enumerate(to_documents(raws, dayfirst=dayfirst, warn=warnings.append)):  # one noise-model call
        if isinstance(doc, InputError):
            warnings.append(str(doc))
            continue
        docs.append(doc)
        stories[doc.id] = pack["story"][i]
    nlp = _KeepDocs(load_pipeline(model)) if docbin else load_pipeline(model)
    rows: dict[str, list] = {name: [] for name in TABLES}
    for p in process(docs, nlp, dayfirst=dayfirst, batch_size=max(len(docs), 1)):
        rows["documents"].append(t.document_row(p.doc, stories[p.doc.id], p.names, p.contexts))
        rows["mentions"].extend(t.mention_row(p.doc.id, m) for m in p.mentions)
        # as `extract` of one document
        rows["claims"].extend(t.claim_row(c) for c in resolve_subjects(story_docs([p]), {}))
    out: dict[str, bytes | str | None] = {name: _ipc(t.to_table(rows[name], name)) for name in TABLES}
    out["docbin"] = _docbin_bytes(nlp.docs) if docbin else None
    out["warnings"] = "\n".join(warnings)
    return out


def _ipc(table) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _from_ipc(data: bytes):
    import pyarrow as pa

    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


def _docbin_bytes(docs) -> bytes:
    from spacy.tokens import DocBin

    bin_ = DocBin(store_user_data=False)
    for doc in docs:
        bin_.add(doc)
    return bin_.to_bytes()


def merge_packs(results: list[dict], docbin: bool) -> tuple[dict, bytes | None, list[str]]:
    """The packs' results as one shard: three tables, one DocBin, the warnings."""
    import pyarrow as pa

    from claimcheck.batch.tables import SCHEMAS

    tables = {name: pa.concat_tables([SCHEMAS[name].empty_table()] + [_from_ipc(r[name]) for r in results])
              .combine_chunks() for name in TABLES}
    warnings = [w for r in results for w in (r["warnings"] or "").split("\n") if w]
    data = None
    if docbin:
        from spacy.tokens import DocBin

        merged = DocBin(store_user_data=False)
        for r in results:
            merged.merge(DocBin(store_user_data=False).from_bytes(r["docbin"]))
        data = merged.to_bytes()
    return tables, data, warnings


# -- engines -------------------------------------------------------------------------------------------------------

def _datasets_batch(batch: dict, model: str, dayfirst: bool | None, docbin: bool) -> dict:
    """``Dataset.map`` function: each row of the dataset is one pack."""
    _one_thread_per_worker()
    outs = [annotate_pack({k: batch[k][i] for k in RAW_COLUMNS}, model=model, dayfirst=dayfirst, docbin=docbin)
            for i in range(len(batch["id"]))]
    return {k: [o[k] for o in outs] for k in ("documents", "mentions", "claims", "docbin", "warnings")}


def map_with_datasets(packs: list[dict], *, workers: int, model: str, dayfirst: bool | None,
                      docbin: bool, done: Callable[[int], None] = lambda n: None) -> list[dict]:
    """Annotate packs with ``datasets``: batched ``map`` calls over datasets whose rows are packs, a few packs per
    worker at a time so that ``done(documents)`` can report progress between them (the results do not depend
    on the grouping)."""
    from claimcheck.paths import hub_offline

    hub_offline()
    import datasets

    datasets.disable_progress_bars()
    datasets.disable_caching()
    features = datasets.Features({
        "documents": datasets.Value("binary"), "mentions": datasets.Value("binary"),
        "claims": datasets.Value("binary"), "docbin": datasets.Value("binary"), "warnings": datasets.Value("string"),
    })
    results: list[dict] = []
    step = workers * PACKS_PER_WORKER_STEP
    for at in range(0, len(packs), step):
        group = packs[at:at + step]
        ds = datasets.Dataset.from_dict({k: [p[k] for p in group] for k in RAW_COLUMNS})
        num_proc = min(workers, len(group))
        out = ds.map(_datasets_batch, batched=True, batch_size=1, num_proc=num_proc if num_proc > 1 else None,
                     fn_kwargs={"model": model, "dayfirst": dayfirst, "docbin": docbin},
                     remove_columns=ds.column_names, features=features, keep_in_memory=True,
                     load_from_cache_file=False, new_fingerprint=f"claimcheck-annotate-{time.time_ns()}")
        results.extend(out[i] for i in range(len(out)))
        done(sum(len(p["id"]) for p in group))
    return results


# -- the run -------------------------------------------------------------------------------------------------------

def _shards(records: Iterator[dict], shard_size: int) -> Iterator[list[dict]]:
    shard: list[dict] = []
    for rec in records:
        shard.append(rec)
        if len(shard) == shard_size:
            yield shard
            shard = []
    if shard:
        yield shard


def _packs(shard: list[dict], size: int = PACK) -> list[dict]:
    return [{k: [r[k] for r in shard[i:i + size]] for k in RAW_COLUMNS} for i in range(0, len(shard), size)]


def warm_up(model: str, dayfirst: bool | None = None) -> None:
    """Load the pipeline and everything ingest loads lazily (noise classifier, HTML extractor, date parser).

    Done once in the parent process: ``datasets`` workers are forked from it and start warm; Ray actors
    call it in their constructor.
    """
    text = "Warm-up\n\nAcme Corp said on Monday its revenue rose 5% to $1.2bn in 2019."
    html = f"<html><head><title>Warm-up</title></head><body><p>{text}</p></body></html>"
    annotate_pack({"id": ["a", "b"], "story": [None, None], "path": ["a", "b"], "text": [text, html],
                   "kind": ["text", "html"], "title": [None, None], "published": ["2019-10-08", None],
                   "source": [None, None], "url": [None, None]}, model=model, dayfirst=dayfirst, docbin=False)


def model_info(model: str) -> dict:
    """Name and version of the pipeline a run uses (what the manifest records and the run key covers)."""
    from claimcheck.pipeline import load_pipeline

    nlp = load_pipeline(model)
    meta = nlp.meta
    return {"name": model, "pipeline": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "version": str(meta.get("version", "")), "spacy_version": str(meta.get("spacy_version", "")),
            "components": list(nlp.pipe_names)}


def annotate(input: str, outdir: str, *, workers: int | None = None, shard_size: int = 1000,
             model: str = "default", engine: str = "datasets", docbin: bool = False, force: bool = False,
             dayfirst: bool | None = None, on_error: str = "skip",
             warn: Callable[[str], None] | None = None,
             progress: Callable[[int, int | None], None] | None = None, pack_size: int = PACK,
             verbose: bool = False) -> Summary:
    """Annotate every document of ``input`` into ``outdir`` (Parquet tables; see the package docstring).

    ``workers``: processes (datasets) or actors (ray); default all cores. Re-running with the same input,
    model and options resumes: complete shards are kept. ``progress(done, total)`` counts documents: it is
    called as packs of documents finish inside a shard and after each shard (``total`` may be None when the
    input's size is unknown). ``pack_size``: documents per pipeline batch
    and unit of work handed to a worker (part of the run's definition, like ``shard_size``). ``verbose``: let
    the engine's own notices (Ray's) through to the terminal.
    """
    from claimcheck import __version__

    if engine not in ENGINES:
        raise UsageError(f"--engine: unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
    if shard_size < 1:
        raise UsageError("--shard-size must be at least 1")
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    warn = warn or (lambda m: None)
    started = time.perf_counter()
    source = open_input(input)
    fingerprint, estimate = source.scan()
    run = {"format": FORMAT, "claimcheck": __version__,
           "input": {"path": str(input), "kind": source.kind, "fingerprint": fingerprint, "records": estimate},
           "model": model_info(model),
           "options": {"shard_size": shard_size, "pack": pack_size, "dayfirst": dayfirst, "docbin": docbin}}
    run["run_key"] = run_key(run)
    warm_up(model, dayfirst)
    out = OutDir(outdir)
    try:
        previous = out.prepare(run, force=force)
        out.make_dirs(docbin)
        manifest = {**run, "status": "running", "engine": engine, "workers": workers,
                    "resumed": previous is not None}
        out.write_manifest(manifest)

        mapper = _mapper(engine, workers, verbose)
        summary = Summary(outdir=str(outdir))
        read_warnings: list[str] = []
        records_done = 0
        records = source.records(warn=read_warnings.append, on_error=on_error)
        for k, shard in enumerate(_shards(records, shard_size)):
            marker = out.done(k, docbin)
            if marker is None:
                t0 = time.perf_counter()
                results = mapper(_packs(shard, pack_size), model=model, dayfirst=dayfirst, docbin=docbin,
                                 done=_counter(progress, records_done, len(shard), estimate))
                tables, docbin_bytes, doc_warnings = merge_packs(results, docbin)
                shard_warnings = read_warnings + doc_warnings
                unreadable = [w for w in doc_warnings if not is_cut_notice(w)]  # a cut article was still read
                if on_error == "fail" and unreadable:
                    raise InputError(unreadable[0])
                for w in shard_warnings:
                    warn(w)
                marker = {"shard": k, "records": len(shard), "documents": tables["documents"].num_rows,
                          "mentions": tables["mentions"].num_rows, "claims": tables["claims"].num_rows,
                          "words": int(sum(tables["documents"].column("words").to_pylist())),
                          "first": shard[0]["id"], "last": shard[-1]["id"], "warnings": shard_warnings,
                          "seconds": round(time.perf_counter() - t0, 3)}
                out.write_shard(k, tables, docbin_bytes, marker)
            else:
                summary.skipped += 1
            read_warnings.clear()
            summary.shards += 1
            for key in ("documents", "mentions", "claims", "words"):
                setattr(summary, key, getattr(summary, key) + marker[key])
            summary.warnings.extend(marker["warnings"])
            records_done += marker["records"]
            if progress is not None:
                progress(records_done, estimate)
        for w in read_warnings:  # warnings after the last record (an unreadable trailing file)
            warn(w)
            summary.warnings.append(w)
        if summary.documents == 0:
            raise InputError(f"no readable documents in {input}")
        summary.seconds = time.perf_counter() - started
        markers = []
        for k in range(summary.shards):
            shard_marker = out.done(k, docbin)
            assert shard_marker is not None  # each shard was found complete or written in this run
            markers.append(shard_marker)
        busy = sum(m["seconds"] for m in markers)
        manifest.update(status="complete", shards=summary.shards, counts={
            "documents": summary.documents, "mentions": summary.mentions, "claims": summary.claims,
            "words": summary.words, "warnings": len(summary.warnings), "records": sum(m["records"] for m in markers)},
            timings={"shard_seconds": round(busy, 3), "last_run_wall_seconds": round(summary.seconds, 3),
                     "shards_done_in_last_run": summary.shards - summary.skipped,
                     "documents_per_second": round(summary.documents / busy, 2) if busy else None,
                     "words_per_second": round(summary.words / busy, 1) if busy else None})
        out.write_manifest(manifest)
        summary.manifest = manifest
        return summary
    finally:
        out.unlock()


def _counter(progress, base: int, size: int, estimate: int | None) -> Callable[[int], None]:
    """``done(n)`` for a mapper: ``n`` more documents of a shard of ``size`` finished, after ``base`` before it."""
    finished = 0

    def done(n: int) -> None:
        nonlocal finished
        finished += n
        if progress is not None:
            progress(base + min(finished, size), estimate)

    return done


def _mapper(engine: str, workers: int, verbose: bool = False) -> Callable[..., list[dict]]:
    if engine == "ray":
        from claimcheck.batch.ray_engine import map_with_ray

        return lambda packs, **kw: map_with_ray(packs, workers=workers, verbose=verbose, **kw)
    return lambda packs, **kw: map_with_datasets(packs, workers=workers, **kw)
