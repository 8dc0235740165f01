"""Inputs of ``annotate``: streamed raw records with unique ids, and a fingerprint of the input.

An input is a directory of documents (read recursively in sorted order, as ``check`` reads one), a JSONL,
JSON or Parquet file, a directory written by ``datasets.Dataset.save_to_disk``, or a Parquet file or
directory behind a URI that pyarrow can open (``s3://bucket/articles/``, ``file:///data/x.parquet``).
Records are read one at a time (JSONL line by line, Parquet and datasets by record batches), so an input
larger than memory streams through. The same ingest readers as ``check`` decode and parse each record;
cleaning (boilerplate, metadata) happens later, in the workers.

Document ids: a directory's files get their path relative to the directory without the extension
(``arm-ipo-2023/blog``, which is the id ``check`` gives when it checks several story directories); records
of containers keep their ``id`` field (or ``<file stem>-<line or row>``), prefixed with the container's
sub-directory. A repeated id gets ``~2``, ``~3`` … with a warning, as in ``check``. ``story`` is the first
sub-directory of a directory input, or a record's ``story`` field.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from claimcheck.errors import InputError, one_line, printable
from claimcheck.ingest.readers import MAX_BYTES, SUFFIXES, _record_from_obj, _walk, decode, probe, read_path
from claimcheck.jsonl import loads_json

RAW_COLUMNS = ("id", "story", "path", "text", "kind", "title", "published", "source", "url")
_RECORD_FIELDS = ("id", "text", "title", "published", "date", "source", "url", "path", "format", "story")
_CHUNK = 1 << 20
Warn = Callable[[str], None]


def _opt_str(value) -> str | None:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value if isinstance(value, str) else None


def _raw(rec, story: str | None, prefix: str = "") -> dict:
    rid = f"{printable(prefix)}/{rec.id}" if prefix else rec.id
    return {"id": rid, "story": printable(story) if story else story, "path": rec.path, "text": rec.text,
            "kind": rec.kind, "title": rec.title, "published": rec.published, "source": rec.source,
            "url": rec.url}


def _from_obj(obj: dict, where: str, default_id: str, story: str | None, prefix: str) -> dict:
    obj = {k: _opt_str(v) if isinstance(v, (date, datetime)) else v for k, v in obj.items()}
    rec = _record_from_obj(obj, where, default_id)
    return _raw(rec, _opt_str(obj.get("story")) or story, prefix)


@dataclass
class Input:
    """One annotate input; ``kind`` is ``directory``, ``jsonl``, ``parquet``, ``dataset`` or ``file``."""

    spec: str
    kind: str

    # -- fingerprint -------------------------------------------------------------------------------------------
    def scan(self) -> tuple[str, int | None]:
        """(fingerprint of the content, estimated number of records), in one pass over the bytes."""
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{self.kind}\0".encode())
        total = 0
        if self.kind == "dataset":
            ds = _load_dataset(self.spec)
            h.update(str(ds._fingerprint).encode())
            return h.hexdigest(), len(ds)
        if self.kind == "parquet" and _is_uri(self.spec):
            fs, files = _uri_files(self.spec)
            for info in files:
                h.update(f"{info.path}\0{info.size}\0{info.mtime_ns}\0".encode())
                total += _parquet_rows(fs.open_input_file(info.path))
            return h.hexdigest(), total
        root = Path(self.spec)
        for file in self._files():
            name = file.relative_to(root).as_posix() if file != root else file.name
            h.update(f"{name}\0".encode("utf-8", "surrogateescape"))  # file names may be any bytes
            lines = 0
            try:
                probe(file)  # a FIFO would block, a link loop or an unreadable file would raise
                with open(file, "rb") as fh:
                    while chunk := fh.read(_CHUNK):
                        h.update(chunk)
                        lines += chunk.count(b"\n")
            except (InputError, OSError) as exc:  # reading it later gives the warning or the error
                h.update(f"unreadable\0{type(exc).__name__}\0".encode())
                continue
            suffix = file.suffix.lower()
            total += _parquet_rows(file) if suffix == ".parquet" else lines if suffix == ".jsonl" else 1
        return h.hexdigest(), total

    def _files(self) -> list[Path]:
        path = Path(self.spec)
        if self.kind == "directory":
            return _walk(path, lambda m: None)
        return [path]

    # -- records -----------------------------------------------------------------------------------------------
    def records(self, *, warn: Warn, on_error: str = "skip") -> Iterator[dict]:
        """Raw records in a stable order, ids made unique (see the module docstring)."""
        seen: dict[str, int] = {}
        for raw in self._raw_records(warn, on_error):
            rid = raw["id"]
            if rid in seen:
                seen[rid] += 1
                new_id = f"{rid}~{seen[rid]}"
                warn(f"{raw['path']}: document id '{rid}' is already used; this one is '{new_id}'")
                raw["id"] = new_id
            else:
                seen[rid] = 1
            yield raw

    def _raw_records(self, warn: Warn, on_error: str) -> Iterator[dict]:
        if self.kind == "dataset":
            yield from _dataset_records(self.spec, warn, on_error)
        elif self.kind == "parquet" and _is_uri(self.spec):
            fs, files = _uri_files(self.spec)
            for info in files:
                yield from _parquet_records(fs.open_input_file(info.path), info.path, None, "", warn, on_error)
        elif self.kind == "directory":
            root = Path(self.spec)
            for file in self._files():
                rel = file.relative_to(root).parent.as_posix()
                prefix = "" if rel == "." else rel
                story = PurePosixPath(rel).parts[0] if prefix else None
                try:
                    yield from _file_records(file, story, prefix, warn, on_error)
                except InputError as exc:
                    if on_error == "fail":
                        raise
                    warn(str(exc))
        else:
            yield from _file_records(Path(self.spec), None, "", warn, on_error)


def _file_records(file: Path, story: str | None, prefix: str, warn: Warn, on_error: str) -> Iterator[dict]:
    suffix = file.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_records(file, story, prefix, warn, on_error)
    elif suffix == ".parquet":
        yield from _parquet_records(file, str(file), story, prefix, warn, on_error)
    else:
        for rec in read_path(file, warn, on_error):
            yield _raw(rec, story, prefix)


def _jsonl_records(file: Path, story, prefix, warn: Warn, on_error: str) -> Iterator[dict]:
    """One record per line, streamed: the file may be larger than memory (each line at most MAX_BYTES)."""
    try:
        probe(file)  # never open a FIFO or device (the read would block)
        fh = open(file, "rb")
    except OSError as exc:
        raise InputError(f"{file}: cannot read ({one_line(exc.strerror or exc)})") from None
    with fh:
        if fh.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):  # lines are not b"\n"-separated: read it whole
            fh.close()
            for rec in read_path(file, warn, on_error):
                yield _raw(rec, story, prefix)
            return
        fh.seek(0)
        for lineno, line in enumerate(_bounded_lines(fh), 1):
            where = f"{file}:{lineno}"
            try:
                if line is None:
                    raise InputError(f"{where}: line is over the {MAX_BYTES // 2**20} MiB limit per document")
                if not line.strip():
                    continue
                obj = loads_json(decode(line, where, repair=False), where, line=True)  # texts repaired per record
                if not isinstance(obj, dict):
                    raise InputError(f"{where}: expected a JSON object with a 'text' field, got {type(obj).__name__}")
                yield _from_obj(obj, where, f"{file.stem}-{lineno}", story, prefix)
            except InputError as exc:
                if on_error == "fail":
                    raise
                warn(str(exc))


def _bounded_lines(fh) -> Iterator[bytes | None]:
    """The lines of a binary file, each read with at most MAX_BYTES in memory; None for a longer line."""
    while line := fh.readline(MAX_BYTES + 1):
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _parquet_records(source, name: str, story, prefix, warn: Warn, on_error: str) -> Iterator[dict]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(source)
    except Exception as exc:  # pyarrow raises many types for corrupt files
        raise InputError(f"{name}: not a readable Parquet file ({one_line(exc, 120)})") from None
    columns = [c for c in _RECORD_FIELDS if c in pf.schema_arrow.names]
    if "text" not in columns:
        raise InputError(f"{name}: Parquet file has no 'text' column (columns: {', '.join(pf.schema_arrow.names)})")
    stem = PurePosixPath(name).stem
    i = 0
    for batch in pf.iter_batches(batch_size=256, columns=columns):
        for obj in batch.to_pylist():
            try:
                yield _from_obj(obj, f"{name}[row {i}]", f"{stem}-{i}", story, prefix)
            except InputError as exc:
                if on_error == "fail":
                    raise
                warn(str(exc))
            i += 1


def _dataset_records(spec: str, warn: Warn, on_error: str) -> Iterator[dict]:
    ds = _load_dataset(spec)
    columns = [c for c in _RECORD_FIELDS if c in ds.column_names]
    if "text" not in columns:
        raise InputError(f"{spec}: dataset has no 'text' column (columns: {', '.join(ds.column_names)})")
    stem = Path(spec).name
    i = 0
    for batch in ds.select_columns(columns).iter(batch_size=256):
        for j in range(len(batch["text"])):
            obj = {c: batch[c][j] for c in columns}
            try:
                yield _from_obj(obj, f"{spec}[row {i}]", f"{stem}-{i}", None, "")
            except InputError as exc:
                if on_error == "fail":
                    raise
                warn(str(exc))
            i += 1


def _load_dataset(spec: str):
    from claimcheck.paths import hub_offline

    hub_offline()
    import datasets

    try:
        ds = datasets.load_from_disk(spec)
    except Exception as exc:
        raise InputError(f"{spec}: not a readable saved dataset ({one_line(exc, 120)})") from None
    if not isinstance(ds, datasets.Dataset):
        raise InputError(f"{spec}: a DatasetDict; give the directory of one split ({', '.join(ds)})")
    return ds


def _parquet_rows(source) -> int:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(source).metadata.num_rows
    except Exception:
        return 0


def _is_uri(spec: str) -> bool:
    return "://" in spec


def _uri_files(spec: str):
    import pyarrow.fs as pafs

    try:
        fs, path = pafs.FileSystem.from_uri(spec)
        info = fs.get_file_info(path)
        if info.type == pafs.FileType.Directory:
            files = [i for i in fs.get_file_info(pafs.FileSelector(path, recursive=True))
                     if i.type == pafs.FileType.File and i.path.endswith(".parquet")]
        elif info.type == pafs.FileType.File:
            files = [info]
        else:
            raise InputError(f"{spec}: no such file or directory")
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{spec}: cannot open ({one_line(exc, 160)})") from None
    if not files:
        raise InputError(f"{spec}: no .parquet files there")
    return fs, sorted(files, key=lambda i: i.path)


def open_input(spec: str) -> Input:
    """Identify an input; raises :class:`InputError` for a missing path or an unsupported file type."""
    if _is_uri(spec):
        return Input(spec, "parquet")
    path = Path(spec)
    if probe(spec) == "dir":  # a loop, a dangling link, a FIFO … are one-line errors
        if (path / "dataset_info.json").is_file() and (path / "state.json").is_file():
            return Input(spec, "dataset")
        if (path / "dataset_dict.json").is_file():
            _load_dataset(spec)  # raises with the split names
        if not _walk(path, lambda m: None):
            raise InputError(f"{spec}: directory has no documents ({', '.join(sorted(SUFFIXES))})")
        return Input(spec, "directory")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{spec}: unsupported file type '{path.suffix or '(none)'}' "
                         f"(expected one of {', '.join(sorted(SUFFIXES))}, a directory or a saved dataset)")
    return Input(spec, {".jsonl": "jsonl", ".parquet": "parquet"}.get(suffix, "file"))
