"""Recovery files: where the unsaved document goes when the app ends without the user's say (an
unexpected error, its terminal closed, SIGHUP or SIGTERM), and where the next launch finds it.

Plain functions (no Textual), so that they are tested without an app. A recovery file is the
document as Ctrl+S would save it (``domain.company_file.dumps_company``, schema 1 whenever it says
it all) under a comment naming the file it belongs to. There is one per document, in the user's
data folder as ``platformdirs`` gives it (on Linux ``$XDG_DATA_HOME/naccs-tui/recovery``, usually
``~/.local/share/naccs-tui/recovery``): its name is the document's name and a digest of its
absolute path, so two ``plan.toml`` in two folders keep two recovery files; a document without a
file has ``untitled.toml``.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from ..domain.document import dumps, load_document
from ..domain.errors import InputError
from ..domain.files import os_params, write_atomic
from ..i18n import t

if TYPE_CHECKING:
    from ..domain.company import Company
    from ..domain.tariffs import Tariffs

UNTITLED = "untitled.toml"


def recovery_dir() -> Path:
    """The folder of the recovery files (not created here)."""
    return Path(user_data_dir("naccs-tui", appauthor=False)) / "recovery"


def recovery_path(document: Path | None) -> Path:
    """The recovery file of ``document`` (None: the document without a file)."""
    if document is None:
        return recovery_dir() / UNTITLED
    full = Path(document).expanduser().absolute()
    digest = hashlib.sha256(str(full).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in full.stem)[:40] or "file"
    return recovery_dir() / f"{stem}-{digest}.toml"


def write_recovery(company: Company, document: Path | None) -> Path:
    """Write ``company`` to the recovery file of ``document`` (atomically; an older one is
    replaced) and return its path. InputError (with the reason) when it cannot be written."""
    path = recovery_path(document)
    header = t("recovery.header", path=str(Path(document).absolute()) if document else t("file.untitled"))
    text = "".join(f"# {line}\n" for line in header.splitlines()) + "\n" + dumps(company)
    try:
        path.parent.parent.mkdir(parents=True, exist_ok=True)
        path.parent.mkdir(mode=0o700, exist_ok=True)  # the documents are the user's business
    except OSError as exc:
        reason = f"cannot write: {exc.strerror or exc}"
        raise InputError(path.parent, None, reason, code="cannot_write", params=os_params(exc)) from None
    write_atomic(path, text.encode("utf-8"), overwrite=True)
    return path


def find_recovery(document: Path | None) -> Path | None:
    """The recovery file of ``document`` when there is one."""
    path = recovery_path(document)
    return path if path.is_file() else None


def read_recovery(path: Path, tariffs: Tariffs) -> Company:
    """The document kept in a recovery file (InputError when it cannot be read or is not valid)."""
    return load_document(path, tariffs)


def written_at(path: Path) -> str:
    """When the recovery file was written, to the minute (local time), or "" when unknown."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except (OSError, ValueError, OverflowError):
        return ""


def discard_recovery(path: Path) -> None:
    """Remove a recovery file (gone already is fine)."""
    path.unlink(missing_ok=True)
