"""Writing outputs without losing what the user had: temporary file, then rename."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from claimcheck.errors import OutputError

_UMASK_LOCK = threading.Lock()


def default_file_mode() -> int:
    """The mode ``open()`` would give a new file (0o666 less the umask); mkstemp's own is 0o600."""
    try:  # Linux tells without changing it
        with open("/proc/self/status", encoding="ascii") as fh:
            umask = next(int(line.split()[1], 8) for line in fh if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        with _UMASK_LOCK:
            umask = os.umask(0o022)
            os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same directory and an atomic rename.

    An existing file is only replaced with ``force`` (without it, the new file is linked into place, so
    one that appears meanwhile is not replaced either); on any failure the old file is untouched and no
    temporary file is left. A replaced file keeps its permissions; a new one gets the usual (umask) ones.
    """
    path = Path(path)
    try:
        st = os.stat(path)  # follows links: what a write would reach
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        _write_into(path, text)  # a device or a pipe is written into, never renamed over
        return
    if st is not None and not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        raise OutputError(f"{path}: not a regular file (a socket or block device); refusing to write over it")
    if path.is_symlink() and force and st is not None:
        # replace what the link points to and keep the link (renaming over it would replace the link itself)
        path = Path(os.path.realpath(path))
    if (path.exists() or path.is_symlink()) and not force:
        raise OutputError(f"{path}: already exists (use --force to overwrite it)")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{directory}: no such directory")
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else default_file_mode()
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    _via_temp(path, directory, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"), mode,
              os.replace if force else _link_new)


def _via_temp(path: Path, directory: Path, write: Callable[[str], object], mode: int,
              place: Callable[[str, Path], None]) -> None:
    """The one temporary-file dance of every writer here: ``write(tmp)`` beside ``path``, set ``mode``, fsync,
    ``place(tmp, path)`` (a rename, or a link that refuses to replace), sync the directory; on any failure the
    temporary file is removed and ``path`` is as it was."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        write(tmp)
        os.chmod(tmp, mode)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        place(tmp, path)
        _fsync_dir(directory)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_into(path: Path, text: str) -> None:
    """Write into a character device or FIFO in place; a FIFO nobody reads is an error, not a hang."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{path}: a named pipe with no reader") from None
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        os.set_blocking(fd, True)
        data = text.encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _link_new(tmp: str, path: Path) -> None:
    """Put ``tmp`` at ``path`` only if nothing is there (no check-then-replace race), then drop ``tmp``."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputError(f"{path}: already exists (use --force to overwrite it)") from None
    except OSError:  # a file system without hard links: the check above has to do
        if path.exists():
            raise OutputError(f"{path}: already exists (use --force to overwrite it)") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (a crash right after it must not bring the old file back)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_via_temp(path: Path, write: Callable[[str], object]) -> None:
    """Call ``write(tmp_path)`` (a file beside ``path``), fsync, rename over ``path`` and sync the directory: the
    file a writer library produces appears whole or not at all, and the temporary file never survives a failure."""
    path = Path(path)
    _via_temp(path, path.parent, write, default_file_mode(), os.replace)  # mkstemp's 0o600 would make it private


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """``data`` at ``path`` whole or not at all (replacing what was there)."""
    replace_via_temp(path, lambda tmp: Path(tmp).write_bytes(data))
