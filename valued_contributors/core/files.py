"""Reading the files people give us and writing the files they ask for, safely.

Every read is of a regular file only, refused at once if it is too big, and bounded, so it
finishes quickly whatever the path names (a pipe, a device, a folder). Every write goes to a
temporary file first, so a failure never leaves half a file. Each failure is a FileProblem
whose message is one sentence saying what to do.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from valued_contributors.core.text import printable

CHUNK = 1024 * 1024


class FileProblem(ValueError):
    """A file cannot be read or written. ``str()`` is one sentence saying what to do;
    ``reason`` is the same problem in a few words, for a list of skipped files.
    """

    def __init__(self, sentence: str, reason: str):
        super().__init__(sentence)
        self.reason = reason


def shown(path: Path | str) -> str:
    """A path as it may be printed: control codes escaped."""
    return printable(path)


def size_words(size: int) -> str:
    """A size in plain words, exact enough that a file just over a limit does not seem to be at
    it: "12 KB", "50.0 MB (52,428,801 bytes)".
    """
    if size < 1024:
        return f"{size:,} byte{'s' if size != 1 else ''}"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB ({size:,} bytes)"
    return f"{size / 2**20:.1f} MB ({size:,} bytes)"


def limit_words(limit: int) -> str:
    """A limit in round words: "50 MB", "5 MB"."""
    return f"{limit // 2**20} MB" if limit % 2**20 == 0 else size_words(limit)


def _read_problem(path: Path, error: OSError, what: str) -> FileProblem:
    name = shown(path)
    if error.errno == errno.ENOENT:
        return FileProblem(
            f"There is no file at {name}; check the name and try again.", "does not exist"
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return FileProblem(
            f"{name} cannot be read because you do not have permission to open it; copy the "
            f"{what} into a folder of your own and try again.",
            "cannot be read (you do not have permission)",
        )
    if error.errno == errno.ENOTDIR:
        return FileProblem(
            f"There is no file at {name} (part of the path is a file, not a folder); check the "
            "name and try again.",
            "does not exist",
        )
    words = (error.strerror or "unknown error").lower()
    return FileProblem(
        f"{name} could not be read ({words}); check the file and try again.",
        f"could not be read ({words})",
    )


def read_bytes(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The whole of a regular file, at most ``limit`` bytes; FileProblem for anything else.

    ``what`` names the kind of file in messages ("answers file", "CSV file").
    """
    path = Path(path)
    name = shown(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise _read_problem(path, error, what) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem(
                f"{name} is a folder, not a file; give the {what} inside it.",
                "is a folder, not a file",
            )
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(
                f"{name} is not an ordinary file (it is a device, a pipe or a link to one); "
                f"give {_a(what)} saved on a disk.",
                "is not an ordinary file",
            )
        if info.st_size > limit:
            raise too_big(path, info.st_size, limit, what)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise too_big(path, total, limit, what)
        return b"".join(chunks)
    except OSError as error:
        raise _read_problem(path, error, what) from None
    finally:
        os.close(fd)


def _a(what: str) -> str:
    return f"{'an' if what[:1].lower() in 'aeiou' else 'a'} {what}"


def too_big(path: Path, size: int, limit: int, what: str) -> FileProblem:
    """The problem of a file larger than ``what`` may be, in words a learner can act on."""
    return FileProblem(
        f"{shown(path)} is {size_words(size)}, more than the {limit_words(limit)} {_a(what)} can "
        "be; check that you chose the right file.",
        f"is {size_words(size)}, more than the {limit_words(limit)} limit",
    )


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refuse_protected(
    destination: Path | str, folders: Iterable[Path], files: Iterable[Path]
) -> None:
    """FileProblem if writing ``destination`` would overwrite something that must be kept: any
    file inside ``folders`` (such as the learner's data folder) or one of ``files``.
    """
    target = Path(destination).expanduser().resolve()
    for folder in folders:
        if _inside(target, Path(folder).expanduser().resolve()):
            raise FileProblem(
                f"{shown(destination)} is inside the folder that keeps your answers "
                f"({shown(folder)}), and writing there could destroy them; choose a file "
                "somewhere else, such as your Documents folder.",
                "is inside the folder that keeps your answers",
            )
    for kept in files:
        kept = Path(kept)
        same = target == kept.expanduser().resolve()
        if not same and target.exists() and kept.exists():
            same = os.path.samefile(target, kept)
        if same:
            raise FileProblem(
                f"{shown(destination)} is the file being read, and writing over it would "
                "destroy it; choose another name for the result.",
                "is the file being read",
            )


def _write_problem(path: Path, error: OSError) -> FileProblem:
    name = shown(path)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        sentence = (
            f"There is not enough space on the disk to save {name}; free some space or choose "
            "another place, and try again."
        )
    elif error.errno in (errno.EACCES, errno.EPERM):
        sentence = (
            f"You do not have permission to write {name}; choose a folder of your own, such as "
            "your Documents folder."
        )
    elif error.errno == errno.EROFS:
        sentence = f"{name} is on a disk that cannot be written to; choose another place."
    elif error.errno == errno.ENXIO:
        sentence = f"Nothing is reading from {name}; choose an ordinary file to save to."
    else:
        words = (error.strerror or "unknown error").lower()
        sentence = f"{name} could not be written ({words}); choose another place and try again."
    return FileProblem(sentence, "could not be written")


def write_bytes(path: Path | str, data: bytes, example: str = "my-file") -> None:
    """Write ``data`` to ``path`` in one step: a reader never sees half a file, and a failure
    leaves any file already there as it was. ``example`` is a file name to suggest.
    """
    given = Path(path)
    target = given.expanduser()
    if target.is_symlink():
        target = target.resolve()
    if target.is_dir():
        raise FileProblem(
            f"{shown(given)} is a folder; give a file name inside it, such as "
            f"{shown(given / example)}.",
            "is a folder",
        )
    if target.exists() and not target.is_file():
        _write_special(given, target, data)
        return
    folder = target.parent
    if not folder.is_dir():
        raise FileProblem(
            f"The folder {shown(folder)} does not exist; create it first or choose a folder "
            "that exists.",
            "is in a folder that does not exist",
        )
    partial = None
    try:
        fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(partial, mode)
        os.replace(partial, target)
        partial = None
    except OSError as error:
        raise _write_problem(given, error) from None
    finally:
        if partial:
            with suppress(OSError):
                os.unlink(partial)


def _write_special(given: Path, target: Path, data: bytes) -> None:
    """Write to a device or a pipe the person named (such as /dev/stdout), without hanging."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            os.set_blocking(fd, True)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except OSError as error:
        raise _write_problem(given, error) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_stdout(data: bytes) -> None:
    """Write bytes to standard output; a closed pipe (``| head``) ends quietly."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError as error:
        words = (error.strerror or "unknown error").lower()
        raise FileProblem(
            f"The result could not be written to the screen ({words}); save it to a file with "
            "-o FILE instead.",
            "could not be written",
        ) from None
