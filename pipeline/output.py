"""The output table's file: checked before any work, locked, written beside, renamed last.

The table is written to a temporary file beside it (``.<name>.<random>.tmp``) and renamed
over the final name when the run ends, so the final name never holds half a table. A run
holds ``.<name>.lock`` (an advisory lock the kernel releases when the process dies), so two
runs never write the same table. Temporary files left by a killed run are read by
``--resume`` (see :mod:`pipeline.resume`) and removed once a table replaces them.
"""
from __future__ import annotations

import errno
import fcntl
import fnmatch
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .config import ConfigError

MAX_NAME_BYTES = 200  # the temporary file adds a prefix and suffix to the name


def check_output(output: Path, input_spec: str, inputs: list[Path]) -> None:
    """Refuse an output that would overwrite or be read as input, or cannot be written.

    output (Path): the table to write.
    input_spec (str): the configured input (a file, a folder or a glob).
    inputs (list[Path]): the files listed from it.
    RAISES (ConfigError): naming what is wrong, before any work is done.
    """
    if len(os.fsencode(output.name)) > MAX_NAME_BYTES:
        raise ConfigError(f"output: file name too long ({len(os.fsencode(output.name))} bytes, "
                          f"at most {MAX_NAME_BYTES})")
    target = Path(os.path.realpath(output))
    if os.path.lexists(output):
        try:
            mode = os.stat(output).st_mode
        except OSError as exc:
            raise ConfigError(f"output: cannot use {output}: {exc.strerror or exc}") from None
        if stat.S_ISDIR(mode):
            raise ConfigError(f"output: {output} is a folder; name a file in it, e.g. "
                              f"{output / 'knowledge.jsonl'}")
        if not stat.S_ISREG(mode):
            raise ConfigError(f"output: {output} exists and is not a regular file (a device, "
                              f"FIFO or socket); name a new file")
        if any(_same_file(target, p) for p in inputs):
            raise ConfigError(f"output: {output} is one of the input pages; name another file")
    if os.path.isdir(input_spec):
        root = Path(os.path.realpath(input_spec))
        if target == root or root in target.parents:
            raise ConfigError(f"output: {output} lies inside the input folder {input_spec}; "
                              f"its table would be read as a page next time")
    elif fnmatch.fnmatch(os.path.abspath(output), os.path.abspath(input_spec)) or (
            os.path.exists(input_spec) and _same_file(target, Path(input_spec))):
        raise ConfigError(f"output: {output} is part of the input ({input_spec})")
    _check_folder(output.parent)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_folder(folder: Path) -> None:
    """The output's folder exists (created if need be) and is writable."""
    for parent in (folder, *folder.parents):
        if os.path.lexists(parent):
            if not os.path.isdir(parent):
                raise ConfigError(f"output: {parent} is a file, not a folder")
            break
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"output: cannot create the folder {folder}: "
                          f"{exc.strerror or exc}") from None


@contextmanager
def output_lock(output: Path):
    """Hold the output's lock file for the duration of a run.

    output (Path): the table.
    RAISES (ConfigError): when another run holds it.
    """
    lock_path = output.with_name(f".{output.name}.lock")
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ConfigError(f"output: cannot write in {output.parent or '.'}: "
                              f"{exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise ConfigError(f"output: another run is writing {output} (it holds "
                              f"{lock_path}); wait for it to finish") from None
        # A run that just finished may have removed the file we locked: lock the new one.
        try:
            same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        lock_path.unlink(missing_ok=True)
        os.close(fd)


def leftover_temp_files(output: Path) -> list[Path]:
    """Temporary tables of earlier runs that were killed (only call under the lock).

    output (Path): the table.
    RETURNS (list[Path]): newest first.
    """
    folder = output.parent if str(output.parent) else Path(".")
    found = [p for p in folder.glob(f".{glob_escape(output.name)}.*.tmp") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def glob_escape(name: str) -> str:
    """name (str): a file name. RETURNS (str): the name as a literal glob pattern."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


class TableFile:
    """The temporary file a run writes, renamed over the table by :meth:`commit`.

    output (Path): the final table.
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        try:
            if output.exists():
                # An immutable or read-only table would only fail at the final rename.
                with open(output, "ab"):
                    pass
            fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp",
                                       dir=output.parent)
        except OSError as exc:
            raise ConfigError(f"output: cannot write {output}: {exc.strerror or exc}") from None
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        self.path = Path(tmp)
        self.fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        """data (bytes): whole JSONL lines (a page), flushed at once: a killed run leaves
        every finished page in the file for ``--resume``."""
        self.fh.write(data)
        self.fh.flush()

    def commit(self) -> None:
        """Flush, sync and rename over the table. RAISES (OSError): when that fails."""
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.path, self.output)

    def keep(self) -> None:
        """Close, leaving the temporary file for ``--resume`` (a write failed)."""
        try:
            self.fh.close()
        except OSError:
            pass

    def discard(self) -> None:
        """Close and remove the temporary file."""
        self.keep()
        self.path.unlink(missing_ok=True)


def describe_os_error(exc: OSError) -> str:
    """exc (OSError): a write failure. RETURNS (str): what happened, in words."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    return exc.strerror or str(exc)
