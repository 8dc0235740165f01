"""Readers: paths, directories and stdin to raw records.

A *raw record* is one article's text before cleaning, with whatever metadata its
container carried (a JSON record's title, an HTML page's meta tags come later).
Readers never raise for one bad document inside a container: they report it
through ``warn`` and go on; a path that yields nothing readable raises
:class:`~claimcheck.errors.InputError`.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from claimcheck.errors import BIDI_CONTROLS, InputError, one_line, printable
from claimcheck.ingest.metadata import web_address
from claimcheck.jsonl import loads_json

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".json": "json", ".jsonl": "jsonl", ".parquet": "parquet"}
MAX_BYTES = 50 * 1024 * 1024  # one document or container file

_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"PK\x03\x04": "a zip archive", b"%PDF": "a PDF file",
    b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"\x1f\x8b": "a gzip archive",
    b"PAR1": "a Parquet file", b"\x7fELF": "an executable",
}

Warn = Callable[[str], None]


@dataclass
class RawRecord:
    id: str
    path: str
    text: str
    kind: str  # text | markdown | html
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None  # the article's public address, when the record gives one
    extra: dict = field(default_factory=dict)


def decode(data: bytes, name: str, *, repair: bool = True) -> str:
    """Bytes to text: BOMs (UTF-8, UTF-32, UTF-16), UTF-8, then a detected encoding; mojibake repaired with ftfy.

    ``repair=False`` for containers (JSON, JSONL): ftfy would turn a U+2028 inside a JSON string into a
    raw line break and break the record; their text fields are repaired one by one instead.
    """
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not a text document")
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        text = data.decode("utf-32", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        head = data[:65536]
        if head.count(b"\x00") > max(8, len(head) // 100):
            raise InputError(f"{name}: binary data (NUL bytes), not a text document")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_guess(data)
    return repair_text(text) if repair else text


def repair_text(text: str) -> str:
    """Mojibake and odd line breaks repaired (ftfy), NUL characters dropped, NFC, then ``plain_text``."""
    import ftfy

    return plain_text(ftfy.fix_text(text.replace("\x00", ""), normalization="NFC"))


#: invisible characters that change how text reads without being text: zero-width joiners and spaces,
#: soft hyphens, and the bidirectional controls (an override can make an article's figure display reversed)
FORMAT_CHARS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")) | BIDI_CONTROLS
_THIN_GROUP = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")


def plain_text(text: str) -> str:
    """Invisible format characters dropped; digits of every script as ASCII digits (Arabic-Indic ١٬٠٠٠ →
    1,000, with U+066C/U+066B as the group and decimal marks); thin and narrow no-break spaces between digit
    groups ("1\u2009000\u2009000") as commas, so each figure is read as the one number it is."""
    text = text.translate(FORMAT_CHARS)
    if not text.isascii():
        text = "".join(_ascii_digit(c) for c in text)
        text = _THIN_GROUP.sub(",", text)
    return text


def _ascii_digit(c: str) -> str:
    if c.isascii():
        return c
    if c == "\u066c":
        return ","
    if c == "\u066b":
        return "."
    if c.isdecimal():
        return str(unicodedata.decimal(c, 0))
    return c


def _decode_guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def probe(spec: str | Path) -> str:
    """``"dir"`` or ``"file"`` for a path that can be read; :class:`InputError` naming it otherwise.

    Follows symbolic links (a loop, a dangling link, a name too long, a FIFO or device are one-line
    errors, never an OSError or a read that blocks forever).
    """
    name = str(spec)
    try:
        st = os.stat(spec)
    except FileNotFoundError:
        if os.path.islink(spec):
            raise InputError(f"{name}: broken symbolic link (to {os.readlink(spec)})") from None
        raise InputError(f"{name}: no such file or directory") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        reasons: dict[int | None, str] = {
            errno.ELOOP: "symbolic link loop", errno.ENAMETOOLONG: "file name too long",
            errno.ENOTDIR: "no such file or directory (a parent is not a directory)"}
        why = reasons.get(getattr(exc, "errno", None),
                          f"cannot read ({one_line(getattr(exc, 'strerror', None) or exc)})")
        raise InputError(f"{one_line(name, 200)}: {why}") from None
    if stat.S_ISDIR(st.st_mode):
        return "dir"
    if not stat.S_ISREG(st.st_mode):
        what = ("a named pipe" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "a device")
        raise InputError(f"{name}: {what}, not a regular file")
    return "file"


def _read_bytes(path: Path) -> bytes:
    kind = probe(path)
    if kind == "dir":
        raise InputError(f"{path}: is a directory")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # the size on disk may change, or lie (/proc)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({one_line(exc.strerror or exc)})") from None
    if len(data) > MAX_BYTES:
        size = max(len(data), _size(path))
        raise InputError(f"{path}: {size / 1e6:.0f} MB is over the {MAX_BYTES // 2**20} MiB limit per file")
    return data


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _record_from_obj(obj: object, where: str, default_id: str) -> RawRecord:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: no 'text' string field")
    rid = obj.get("id", default_id)
    if not isinstance(rid, (str, int)) or str(rid).strip() == "":
        raise InputError(f"{where}: 'id' must be a non-empty string or number")
    kind = "html" if str(obj.get("format", "")).lower() == "html" else "text"

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return repair_text(str(value)) if isinstance(value, (str, int, float)) and str(value).strip() else None

    address = next(filter(None, (web_address(obj.get("url")), web_address(obj.get("path")))), None)
    return RawRecord(id=printable(str(rid)), path=printable(address or where), text=repair_text(text), kind=kind,
                     title=opt("title"), published=opt("published") or opt("date"), source=opt("source"),
                     url=address)


def _json_records(text: str, name: str, stem: str, warn: Warn, on_error: str = "skip") -> Iterator[RawRecord]:
    obj = loads_json(text, name)
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            try:
                yield _record_from_obj(item, f"{name}[{i}]", f"{stem}-{i}")
            except InputError as exc:
                if on_error == "fail":
                    raise
                warn(str(exc))
    else:
        yield _record_from_obj(obj, name, stem)


def _jsonl_records(text: str, name: str, stem: str, warn: Warn, on_error: str) -> Iterator[RawRecord]:
    # only "\n" ends a line: str.splitlines() would also split at U+2028, U+0085, form feeds …, which
    # JSON allows raw inside strings, and the line numbers would stop matching the file's
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            yield _record_from_obj(loads_json(line, where, line=True), where, f"{stem}-{lineno}")
        except InputError as exc:
            if on_error == "fail":
                raise
            warn(str(exc))



def _parquet_records(path: Path, warn: Warn) -> Iterator[RawRecord]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises many types for corrupt files
        raise InputError(f"{path}: not a readable Parquet file ({one_line(exc, 120)})") from None
    if "text" not in table.column_names:
        raise InputError(f"{path}: Parquet file has no 'text' column (columns: {', '.join(table.column_names)})")
    for i, row in enumerate(table.to_pylist()):
        try:
            yield _record_from_obj(row, f"{path}[row {i}]", f"{path.stem}-{i}")
        except InputError as exc:
            warn(str(exc))


def read_path(path: Path, warn: Warn, on_error: str = "skip") -> Iterator[RawRecord]:
    """Records of one file, by its suffix."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(f"{path}: unsupported file type '{path.suffix or '(none)'}' "
                         f"(expected one of {', '.join(sorted(SUFFIXES))})")
    if kind == "parquet":
        yield from _parquet_records(path, warn)
        return
    text = decode(_read_bytes(path), str(path), repair=kind not in ("json", "jsonl"))
    if kind == "json":
        yield from _json_records(text, str(path), path.stem, warn, on_error)
    elif kind == "jsonl":
        yield from _jsonl_records(text, str(path), path.stem, warn, on_error)
    else:
        yield RawRecord(id=printable(path.stem), path=printable(str(path)), text=text, kind=kind)


def _walk(directory: Path, warn: Warn) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, onerror=lambda e: warn(f"{e.filename}: cannot list ({e.strerror})")):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if name.startswith(".") or p.suffix.lower() not in SUFFIXES:
                continue
            found.append(p)
    return sorted(found)


def iter_records(paths: Iterable[str], *, warn: Warn, on_error: str = "skip",
                 stdin_text: str | None = None) -> Iterator[RawRecord]:
    """Every raw record of every path, in a stable order (directories recursively, sorted)."""
    for spec in paths:
        if spec == "-":
            text = stdin_text if stdin_text is not None else _read_stdin()
            yield RawRecord(id="stdin", path="-", text=text, kind="html" if _looks_like_html(text) else "text")
            continue
        path = Path(spec)
        if probe(spec) == "dir":
            files = _walk(path, warn)
            if not files:
                raise InputError(f"{spec}: directory has no documents ({', '.join(sorted(SUFFIXES))})")
            for file in files:
                try:
                    yield from read_path(file, warn, on_error)
                except InputError as exc:
                    if on_error == "fail":
                        raise
                    warn(str(exc))
        else:
            yield from read_path(path, warn, on_error)


def _read_stdin() -> str:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"-: standard input is over the {MAX_BYTES // 2**20} MiB limit")
    return decode(data, "-")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
