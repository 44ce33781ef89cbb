"""Reading TOML files safely and writing files atomically."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

from .errors import InputError

MAX_BYTES = 2_000_000  # a scenario or tariffs file is a few kB; refuse anything absurd
NOT_FOUND = "file not found"
REPLACE_WAITS = (0.05, 0.1, 0.2, 0.3, 0.35)
"""Seconds between the tries of replacing a file that cannot be replaced now (about one second
in all): on Windows a file another program holds open (Excel, a virus scanner, a sync client)
cannot be replaced until it lets go, and a scanner lets go within moments."""
IN_USE = (
    "cannot replace the file: it is open in another program (such as Excel) or read-only; "
    "close it and try again (the file is unchanged)"
)


def os_params(exc: OSError) -> dict[str, Any]:
    """The params of an InputError for an OSError: its errno's name (``EROFS``), which the
    interface says in the user's language (the OS's own text is English)."""
    return {"errno": errno.errorcode.get(exc.errno or 0, str(exc.errno))}


def read_bytes(path: str | Path, *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a user's file, at most ``limit`` of them; every failure is an InputError.

    Only regular files are read (a FIFO or a device could block or never end), and at most
    limit + 1 bytes of them, in case the file grows while it is read.
    """
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError(p, None, "is a folder, not a file", code="is_folder")
        if not stat.S_ISREG(st.st_mode):  # a pipe or a device could block or never end
            raise InputError(p, None, "not a regular file", code="not_regular_file")
        size = st.st_size
        if size > limit:
            reason = f"file too large ({size:,} bytes; limit {limit:,})"
            raise InputError(p, None, reason, code="file_too_large", params={"limit": limit})
        with p.open("rb") as fh:
            raw = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError(p, None, NOT_FOUND, code="file_not_found") from None
    except PermissionError:
        raise InputError(p, None, "permission denied", code="permission_denied") from None
    except IsADirectoryError:
        raise InputError(p, None, "is a folder, not a file", code="is_folder") from None
    except OSError as exc:
        raise InputError(p, None, exc.strerror or str(exc), code="cannot_read", params=os_params(exc)) from None
    except ValueError:  # e.g. a NUL byte in the name
        raise InputError(repr(str(path)), None, "not a valid file name", code="bad_file_name") from None
    if len(raw) > limit:
        reason = f"file too large (more than {limit:,} bytes)"
        raise InputError(p, None, reason, code="file_too_large", params={"limit": limit})
    return raw


def content_digest(path: str | Path) -> str | None:
    """The SHA-256 of the file's bytes (hex), or None when there is no file at ``path``.

    Recorded when a file is opened or saved and compared before saving over it: a different
    digest means someone else (an editor, another window, a colleague on a shared folder) wrote
    the file meanwhile. The content is compared, not the modification time: a shared folder may
    keep times to the second or two, and a file saved again unchanged is not a conflict.
    """
    try:
        raw = read_bytes(path)
    except InputError as exc:
        if exc.reason == NOT_FOUND:
            return None
        raise
    return hashlib.sha256(raw).hexdigest()


def read_toml(path: str | Path) -> dict[str, Any]:
    """Read a TOML file; every failure becomes an InputError naming the file."""
    p = Path(path)
    raw = read_bytes(p)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # the byte-order mark of UTF-16
        raise InputError(p, None, "not UTF-8 text (UTF-16: save the file as UTF-8)", code="utf16_toml")
    if b"\x00" in raw:  # an image, an archive: say so before the UTF-8 check
        raise InputError(p, None, "binary data, not a TOML file", code="binary_toml")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte {exc.start})"
        raise InputError(p, None, reason, code="not_utf8", params={"byte": exc.start}) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        code, params = toml_problem(str(exc), text)
        raise InputError(p, None, f"broken TOML: {exc}", code=code, params=params) from None
    except RecursionError:
        raise InputError(p, None, "broken TOML: nested too deeply", code="toml_too_deep") from None


_TOML_PROBLEMS = (  # tomllib's message (its start) -> the code of the sentence the interface says
    ("Expected '=' after a key", "toml_equals"),
    ("Expected ']' at the end of a table", "toml_table"),
    ("Expected ']]' at the end of an array", "toml_table"),
    ("Invalid value", "toml_value"),
    ("Unterminated string", "toml_string"),
    ("Unclosed array", "toml_unclosed"),
    ("Unclosed inline table", "toml_unclosed"),
    ("Cannot overwrite a value", "toml_twice"),
    ("Cannot declare", "toml_twice"),
    ("Cannot redefine", "toml_twice"),
    ("Duplicate inline table key", "toml_twice"),
    ("Illegal character", "toml_character"),
    ("Found invalid character", "toml_character"),
    ("Invalid initial character for a key", "toml_key"),
)
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_problem(message: str, text: str) -> tuple[str, dict[str, Any]]:
    """(code, {line, column}) of a TOML syntax error, from tomllib's English message."""
    code = next((c for start, c in _TOML_PROBLEMS if message.startswith(start)), "broken_toml")
    at = _AT.search(message)
    if at:
        return code, {"line": int(at[1]), "column": int(at[2])}
    lines = text.split("\n")  # "(at end of document)"
    return code, {"line": len(lines), "column": len(lines[-1]) + 1}


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write bytes via a temp file in the same folder, then os.replace.

    The old file (if any) stays intact when anything fails; ``overwrite=False`` refuses to
    replace an existing file.
    """
    p = Path(path)
    if p.exists() and not overwrite:
        raise InputError(p, None, "file exists (not overwritten)", code="file_exists")
    if p.is_dir():
        raise InputError(p, None, "is a folder, not a file", code="is_folder")
    folder = p.parent if str(p.parent) else Path(".")
    tmp_name = None
    try:
        mode = _mode_for(p)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
        if hasattr(os, "fchmod"):  # POSIX (Windows from Python 3.13): mkstemp makes 0600; keep
            os.fchmod(fd, mode)  # the old file's mode or the usual one
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _replace(tmp_name, p)
        tmp_name = None
        _sync_folder(folder)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(p, None, "folder does not exist", code="no_folder") from None
    except PermissionError:
        raise InputError(p, None, "cannot write here (permission denied)", code="cannot_write_here") from None
    except OSError as exc:
        reason = f"cannot write: {exc.strerror or exc}"
        raise InputError(p, None, reason, code="cannot_write", params=os_params(exc)) from None
    except ValueError:  # e.g. a NUL byte in the name
        raise InputError(repr(str(path)), None, "not a valid file name", code="bad_file_name") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _replace(tmp_name: str, p: Path) -> None:
    """os.replace, tried again for about a second while the target cannot be replaced (held open
    by another program on Windows); then one line that says so, the old file and the temp file's
    folder as they were."""
    for wait in (*REPLACE_WAITS, None):
        try:
            os.replace(tmp_name, p)
            return
        except PermissionError:
            if wait is None:
                raise InputError(p, None, IN_USE, code="file_in_use") from None
            time.sleep(wait)


def _mode_for(p: Path) -> int:
    """Permission bits for the new file: the old file's, else 0666 minus the umask."""
    try:
        return p.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every system can fsync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
