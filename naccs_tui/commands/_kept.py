"""The answers to ``--help`` and to usage errors, kept in the cache folder and said again.

``naccs-tui --help``, ``naccs-tui quote --help`` and a usage error such as ``naccs-tui quote`` need
argparse, the catalog and, for Japanese help, BudouX's phrase model to work out what they say:
some 25 ms beyond Python's own start, twice what Python's start costs. What they print depends on
the words typed, the language, the terminal's width and the program's own files only, so the
first time argparse answers such a line its answer is kept (a file named by the line in
``cli-answers`` in the cache folder, ``naccs_tui.cache_dir``), stamped with the size and modification time of every module
file outside the standard library that was loaded to make it (naccs_tui's, BudouX's), of every
catalog file and of the folders of the commands and the catalog, and with Python's version. A
later run of the same line says the same bytes from there, without importing argparse, while
every stamp still matches; anything else (a missing, stale, damaged or unwritable file) only
means argparse answers again.

Only answers argparse gave itself are kept (help on standard output, exit 0; a usage error on
standard error, exit 2), and only for lines of the fixed words ``VOCABULARY``, the command names
and their actions' names (``rates import``), at most ``MAX_WORDS`` of them: the file stays small
and never holds a file name or another word a user typed.

This module imports only what Python's start has loaded (os, sys), marshal and
``naccs_tui.cache_dir`` (os and sys again); cli.main asks it before it imports argparse.

Late imports: tempfile loads only when an answer is kept; an answer said again does not need it
(start-up time).
"""

from __future__ import annotations

import marshal
import os
import sys

from ..cache_dir import cache_dir

TYPE_CHECKING = False  # typing itself costs --help a few milliseconds; mypy reads this name as usual
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_FOLDER = "cli-answers"
_FORMAT = 1
MAX_WORDS = 6
VOCABULARY = frozenset({"-h", "--help", "--lang", "ja", "en", "--lang=ja", "--lang=en"})
"""The words besides command and action names a kept line may have."""
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_FOLDERS = (os.path.join(_PACKAGE, "commands"), os.path.join(_PACKAGE, "locale"))

_heard: list[tuple[str, str, int]] = []
"""What the parsers said last in this process (``heard``), for ``keep``."""


def chosen_lang(argv: Sequence[str]) -> str:
    """The language the command line asks for (--lang anywhere, else $NACCS_TUI_LANG, else ja),
    known before the parsers are built so that their help is in it."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    chosen = lang or os.environ.get("NACCS_TUI_LANG") or "ja"
    return chosen if chosen in ("ja", "en") else "ja"


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it ($COLUMNS, else the
    terminal's, else 80), without importing shutil (and bz2, lzma, zlib with it)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _key(argv: Sequence[str]) -> tuple:
    return (tuple(argv), chosen_lang(argv), terminal_columns(), sys.version)


def _path(argv: Sequence[str]) -> str | None:
    """The file of the answers to the line ``argv`` (in every language and width), named by its
    words; None for a line that is never kept (a word outside ``-=A-Za-z0-9``)."""
    if not 0 < len(argv) <= MAX_WORDS or not all(
        w and all(c.isascii() and (c.isalnum() or c in "-=") for c in w) for w in argv
    ):
        return None
    return os.path.join(cache_dir(), _FOLDER, " ".join(argv) + ".marshal")


def _read(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            form, answers = marshal.loads(f.read())
        return answers if form == _FORMAT and isinstance(answers, dict) else {}
    except Exception:  # missing, unreadable or damaged (any shape): argparse answers
        return {}


def _stamp_of(path: str) -> tuple[str, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (path, info.st_size, info.st_mtime_ns)


def _fresh(stamp: object) -> bool:
    try:
        return all(_stamp_of(entry[0]) == tuple(entry) for entry in stamp)  # type: ignore[attr-defined]
    except Exception:
        return False


def answer(argv: Sequence[str]) -> tuple[str, str, int] | None:
    """The kept answer to ``argv`` (the stream "out" or "err", the text, the exit code) if one is
    kept and still true, else None."""
    path = _path(argv)
    if path is None:
        return None
    kept = _read(path).get(_key(argv))
    try:
        stream, text, code, stamp = kept  # type: ignore[misc]
    except (TypeError, ValueError):
        return None
    if stream not in ("out", "err") or not isinstance(text, str) or code not in (0, 2) or not _fresh(stamp):
        return None
    return (stream, text, code)


def say(kept: tuple[str, str, int]) -> None:
    """Say a kept answer as argparse said it, then exit with its code. Help goes to standard
    output as argparse's ``print_help`` writes it (an error writing is ignored); a usage error to
    standard error as ``Parser.error`` writes it."""
    stream, text, code = kept
    if stream == "out":
        try:  # noqa: SIM105 (not contextlib.suppress: importing contextlib costs --help)
            sys.stdout.write(text)
        except (AttributeError, OSError):
            pass
    else:
        sys.stderr.write(text)
    raise SystemExit(code)


def heard(stream: str, text: str, code: int) -> None:
    """What a parser is about to say before it exits (commands/_parser.py)."""
    _heard[:] = [(stream, text, code)]


def forget() -> None:
    _heard.clear()


def _stamp() -> tuple[tuple[str, int, int], ...]:
    """The files the answer was made from: loaded modules outside the standard library, the
    catalog files, and the folders that list the commands and the catalog files."""
    paths = set(_FOLDERS)
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and name.partition(".")[0] not in sys.stdlib_module_names:
            paths.add(path)
    paths.update(os.path.join(_FOLDERS[1], name) for name in os.listdir(_FOLDERS[1]) if name.endswith(".toml"))
    stamps = [_stamp_of(path) for path in sorted(paths)]
    return tuple(s for s in stamps if s is not None)


def keep(argv: Sequence[str], words: Iterable[str], code: object) -> None:
    """Keep what the parsers said before exiting with ``code``, if ``argv`` is a line of the
    vocabulary (``words``: the command and action names) and the answer is argparse's own."""
    said = _heard[:1]
    forget()
    path = _path(argv)
    if not said or path is None or said[0][2] != code:
        return
    allowed = VOCABULARY | set(words)
    if not all(word in allowed for word in argv):
        return
    stream, text, _ = said[0]
    answers = _read(path)
    answers[_key(argv)] = (stream, text, code, _stamp())
    _write(path, answers)


def _write(path: str, answers: dict) -> None:
    """Write the file atomically (a temp file in the same folder, then replaced)."""
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".cli-answers-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps((_FORMAT, answers)))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):  # an unwritable cache only costs time
        pass
