"""The output directory of ``annotate``: shard files written atomically, a manifest, and resuming.

Layout of OUTDIR::

    manifest.json                  the run: input fingerprint, model, options, counts, timings, status
    documents/part-000000.parquet  one file per shard and table (a Parquet dataset per table)
    mentions/part-000000.parquet
    claims/part-000000.parquet
    docbin/part-000000.spacy       with --docbin: the parsed spaCy Docs of the shard
    shards/part-000000.json        written last: the shard is complete (counts, seconds, warnings)

Every file is written to a temporary file in its directory and renamed into place, so a killed run
leaves whole files only; a shard without its marker is redone on the next run. Whether OUTDIR holds the
same run (and may be resumed) is decided by ``run_key``: a hash of the input's content fingerprint, the
model, the claimcheck version and the options that change the output. ``--workers`` and ``--engine`` are
not among them: they never change a byte of the tables.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

from claimcheck.errors import OutputError
from claimcheck.report.output import replace_via_temp, write_atomic, write_bytes_atomic

LOCK = ".annotate.lock"
MANIFEST = "manifest.json"
TABLE_DIRS = ("documents", "mentions", "claims")
OWN = TABLE_DIRS + ("docbin", "shards", MANIFEST)


def run_key(run: dict) -> str:
    """What makes two runs produce the same output (see the module docstring)."""
    essential = {"format": run["format"], "claimcheck": run["claimcheck"], "fingerprint": run["input"]["fingerprint"],
                 "model": run["model"], "options": run["options"]}
    return hashlib.blake2b(json.dumps(essential, sort_keys=True).encode(), digest_size=16).hexdigest()


def write_parquet_atomic(path: Path, table) -> None:
    import pyarrow.parquet as pq

    # fixed writer options: the same table gives the same bytes
    replace_via_temp(path, lambda tmp: pq.write_table(table, tmp, compression="zstd", compression_level=3,
                                                        use_dictionary=True, write_statistics=True))


class OutDir:
    """One annotate output directory."""

    _lock_fd: int | None  # the lock file's descriptor while this run holds the folder (set by lock)

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def part(self, table: str, shard: int) -> Path:
        suffix = ".spacy" if table == "docbin" else ".json" if table == "shards" else ".parquet"
        return self.path / table / f"part-{shard:06d}{suffix}"

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def read_manifest(self) -> dict | None:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise OutputError(f"{self.manifest_path}: unreadable manifest ({exc}); use --force to start over") from None

    def write_manifest(self, manifest: dict) -> None:
        write_atomic(self.manifest_path, json.dumps(manifest, indent=2, sort_keys=True) + "\n", force=True)

    # -- starting a run ----------------------------------------------------------------------------------------
    def prepare(self, run: dict, *, force: bool) -> dict | None:
        """Make OUTDIR ready for ``run``; returns the earlier manifest of the same run (to resume) or None.

        A different run's output is only replaced with ``force`` (and then only claimcheck's own files go);
        a non-empty directory that is not an annotate output is refused unless ``force``.
        """
        if self.path.exists() and not self.path.is_dir():
            raise OutputError(f"{self.path}: exists and is not a directory")
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot create ({exc.strerror})") from None
        self.lock()
        old = None if force else self.read_manifest()
        if old is not None and old.get("run_key") == run["run_key"]:
            self._remove_temporaries()
            return old
        if not force:
            if old is not None:
                raise OutputError(f"{self.path}: holds the output of a different run ({_difference(old, run)}); "
                                  f"use --force to replace it")
            if any(p.name != LOCK for p in self.path.iterdir()):
                raise OutputError(f"{self.path}: is not empty and holds no annotate output; "
                                  f"use --force to write into it")
        self._clear()
        return None

    def lock(self) -> None:
        """Hold OUTDIR for this run (an advisory lock the system drops when the process ends, however it ends).

        A second run into the same folder is refused, naming the run that holds it: two runs would each do
        all the work and overwrite each other's shards.
        """
        import fcntl
        import socket

        if getattr(self, "_lock_fd", None) is not None:
            return
        path = self.path / LOCK
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise OutputError(f"{path}: cannot create the lock file ({exc.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            try:
                holder = os.pread(fd, 400, 0).decode("utf-8", "replace").strip() or "another process"
            finally:
                os.close(fd)
            raise OutputError(f"{self.path}: another annotate run is writing here ({holder}); wait for it to "
                              f"finish or stop it") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, since "
                      f"{time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        self._lock_fd = fd

    def unlock(self) -> None:
        """Let the folder go (the end of a run; the system also drops the lock when the process ends)."""
        fd = getattr(self, "_lock_fd", None)
        if fd is not None:
            self._lock_fd = None
            os.close(fd)

    def _clear(self) -> None:
        for name in OWN:
            p = self.path / name
            try:
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p)
                elif p.exists() or p.is_symlink():
                    p.unlink()
            except OSError as exc:
                raise OutputError(f"{p}: cannot remove ({exc.strerror})") from None

    def _remove_temporaries(self) -> None:
        for name in TABLE_DIRS + ("docbin", "shards"):
            for tmp in (self.path / name).glob(".part-*.tmp"):
                tmp.unlink(missing_ok=True)
        for tmp in self.path.glob(f".{MANIFEST}.*.tmp"):
            tmp.unlink(missing_ok=True)

    def make_dirs(self, docbin: bool) -> None:
        for name in TABLE_DIRS + ("shards",) + (("docbin",) if docbin else ()):
            (self.path / name).mkdir(exist_ok=True)

    # -- shards ------------------------------------------------------------------------------------------------
    def done(self, shard: int, docbin: bool) -> dict | None:
        """The marker of a complete shard, or None when the shard must be (re)done."""
        marker = self.part("shards", shard)
        if not marker.is_file():
            return None
        needed = TABLE_DIRS + (("docbin",) if docbin else ())
        if not all(self.part(t, shard).is_file() for t in needed):
            return None
        try:
            return json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write_shard(self, shard: int, tables: dict, docbin: bytes | None, info: dict) -> None:
        """The shard's files, each atomically; its marker last."""
        if docbin is not None:
            write_bytes_atomic(self.part("docbin", shard), docbin)
        for name in TABLE_DIRS:
            write_parquet_atomic(self.part(name, shard), tables[name])
        write_bytes_atomic(self.part("shards", shard), (json.dumps(info, indent=1, sort_keys=True) + "\n").encode())

    def parts(self, table: str) -> list[Path]:
        """The Parquet files of a finished table, in shard order."""
        return sorted((self.path / table).glob("part-*.parquet"))


def _difference(old: dict, new: dict) -> str:
    if old.get("input", {}).get("fingerprint") != new["input"]["fingerprint"]:
        return "its input was different"
    if old.get("model") != new["model"]:
        return f"it used model {old.get('model', {}).get('name')!r} {old.get('model', {}).get('version')}"
    if old.get("options") != new["options"]:
        changed = sorted(k for k in set(old.get("options", {})) | set(new["options"])
                         if old.get("options", {}).get(k) != new["options"].get(k))
        return "its options differ: " + ", ".join(changed)
    return f"written by claimcheck {old.get('claimcheck')}"
