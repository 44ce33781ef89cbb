"""Reading TOML files safely and writing files atomically."""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from .errors import InputError

MAX_BYTES = 2_000_000  # a scenario or tariffs file is a few kB; refuse anything absurd


def read_toml(path: str | Path) -> dict[str, Any]:
    """Read a TOML file; every failure becomes an InputError naming the file."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(p, None, "is a folder, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(p, None, f"file too large ({size:,} bytes; limit {MAX_BYTES:,})")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(p, None, "file not found") from None
    except PermissionError:
        raise InputError(p, None, "permission denied") from None
    except OSError as exc:
        raise InputError(p, None, exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(p, None, f"not UTF-8 text (byte {exc.start})") from None
    if "\x00" in text:
        raise InputError(p, None, "binary data, not a TOML file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(p, None, f"broken TOML: {exc}") from None
    except RecursionError:
        raise InputError(p, None, "broken TOML: nested too deeply") from None


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write bytes via a temp file in the same folder, then os.replace.

    The old file (if any) stays intact when anything fails; ``overwrite=False`` refuses to
    replace an existing file.
    """
    p = Path(path)
    if p.exists() and not overwrite:
        raise InputError(p, None, "file exists (not overwritten)")
    if p.is_dir():
        raise InputError(p, None, "is a folder, not a file")
    folder = p.parent if str(p.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, p)
        tmp_name = None
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(p, None, "folder does not exist") from None
    except PermissionError:
        raise InputError(p, None, "cannot write here (permission denied)") from None
    except OSError as exc:
        raise InputError(p, None, f"cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
