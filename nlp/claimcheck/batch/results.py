"""Reading an ``annotate`` output back: the tables whole (``read_annotations``, for notebooks) or column by column
(``read_table``, for ``crosscheck``)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from claimcheck.batch.shards import MANIFEST, OutDir
from claimcheck.batch.tables import SCHEMAS, TABLES
from claimcheck.errors import InputError, UsageError

ENGINES = ("pandas", "polars", "duckdb", "arrow")


def open_outdir(path: str | Path) -> OutDir:
    """An annotate output that is complete; a clear error otherwise."""
    out = OutDir(path)
    if not out.path.is_dir():
        raise InputError(f"{path}: no such directory (expected the output of `claimcheck annotate`)")
    manifest = out.read_manifest()
    if manifest is None:
        raise InputError(f"{path}: no {MANIFEST} here; not the output of `claimcheck annotate`")
    if manifest.get("status") != "complete":
        raise InputError(f"{path}: the annotate run is not complete (run it again to finish it)")
    return out


def read_table(outdir: OutDir, name: str, columns: list[str] | None = None) -> pa.Table:
    """Table ``name`` of ``outdir``, all shards in order, with the current schema's columns: a column an older
    output lacks (``documents.url`` before format 2) comes back as nulls."""
    import pyarrow.parquet as pq

    schema = SCHEMAS[name]
    wanted = pa.schema([schema.field(c) for c in (columns or schema.names)])
    tables = []
    for part in outdir.parts(name):
        file = pq.ParquetFile(part)  # one open: its footer gives the columns, then they are read
        present = set(file.schema_arrow.names)
        table = file.read(columns=[c for c in wanted.names if c in present])
        for field in wanted:
            if field.name not in present:
                table = table.append_column(field, pa.nulls(table.num_rows, field.type))
        tables.append(table.select(wanted.names))
    if not tables:
        return wanted.empty_table()
    return pa.concat_tables(tables).combine_chunks()


def read_annotations(path: str | Path, *, engine: str = "pandas", tables: tuple[str, ...] = TABLES,
                     text: bool = True) -> dict:
    """The tables of a finished ``claimcheck annotate`` run as data frames: ``{"documents", "mentions",
    "claims"}`` (or the ``tables`` asked for).

    ``engine``: ``pandas`` (default), ``polars``, ``duckdb`` (relations on an in-memory connection) or
    ``arrow`` (pyarrow Tables, no copy). Columns are the Parquet tables' (docs/scaling.md): a mention's or
    claim's ``start``/``end`` point into ``documents.text``, which ``text=False`` leaves out.
    """
    if engine not in ENGINES:
        raise UsageError(f"engine {engine!r}: choose from {', '.join(ENGINES)}")
    unknown = [t for t in tables if t not in TABLES]
    if unknown:
        raise UsageError(f"unknown table(s) {', '.join(unknown)} (choose from {', '.join(TABLES)})")
    out = open_outdir(path)
    arrow = {}
    for name in tables:
        columns = [c for c in SCHEMAS[name].names if text or not (name == "documents" and c == "text")]
        arrow[name] = read_table(out, name, columns)
    if engine == "arrow":
        return arrow
    if engine == "pandas":
        return {name: table.to_pandas() for name, table in arrow.items()}
    if engine == "polars":
        try:
            import polars as pl
        except ImportError:
            raise UsageError("engine 'polars' needs polars (pip install polars)") from None
        return {name: pl.from_arrow(table) for name, table in arrow.items()}
    try:
        import duckdb
    except ImportError:
        raise UsageError("engine 'duckdb' needs duckdb (pip install duckdb)") from None
    con = duckdb.connect()
    return {name: con.from_arrow(table) for name, table in arrow.items()}
