"""What the app may do with files: anything (in a terminal), only inside one folder (a browser tab
of `naccs-tui serve`), or nothing that writes (`serve --read-only`, or `naccs-tui FILE --read-only`).

`naccs-tui serve` starts each tab's app with ``--root FOLDER`` (the folder it serves) and, when
read-only, ``--read-only``. The file actions ask ``Access`` before they show a dialog or write.
Read-only also installs ``forbid_writes``: an audit hook under which no code in the process can
open a file for writing, create, rename or remove one, so that "never writes" holds for code the
actions do not know of too (the holidays cache, Python's bytecode cache: both skip a failed write).
"""

from __future__ import annotations

import errno
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Access:
    """``read_only``: no save, save as, open or export. ``root``: typed paths must lie inside it
    (``file``, the file named on the command line, is allowed wherever it is). None: anywhere."""

    read_only: bool = False
    root: Path | None = None
    file: Path | None = None

    def allows(self, path: str | Path) -> bool:
        """``path`` (typed, maybe relative or with ~) may be read or written by the dialogs."""
        if self.root is None:
            return True
        try:
            real = Path(path).expanduser().resolve()
            return real.is_relative_to(self.root.resolve()) or (
                self.file is not None and real == self.file.expanduser().resolve()
            )
        except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
            return False


UNLIMITED = Access()


def access_of(app: Any) -> Access:
    """The access of ``app`` (a NaccsApp has one; any other app may do anything)."""
    return getattr(app, "access", UNLIMITED)


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_CHANGES = frozenset(
    {
        "os.rename",  # also os.replace
        "os.remove",  # also os.unlink
        "os.rmdir",
        "os.mkdir",
        "os.link",
        "os.symlink",
        "os.truncate",
        "os.chmod",
        "os.chown",
        "os.utime",
        "shutil.copyfile",
        "shutil.rmtree",
        "sqlite3.connect",
    }
)


def _no_writes(event: str, args: tuple[Any, ...]) -> None:
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int) or str(path).startswith("/dev/"):  # a descriptor open already, a device
            return
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (flags or 0) & _WRITE_FLAGS:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
    elif event in _CHANGES:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(args[0]) if args else None)


def forbid_writes() -> None:
    """From now on this process writes no file (irreversible: for a read-only app's process only)."""
    sys.dont_write_bytecode = True
    sys.addaudithook(_no_writes)
