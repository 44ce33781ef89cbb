"""No POSIX-only call without a guard: naccs_tui runs on Windows too.

A use of a name Windows lacks (``POSIX_ONLY``: modules such as fcntl and resource, attributes
such as signal.SIGHUP, os.getuid and os.fchmod) or a ``/tmp`` path in code is *guarded* when it
sits

- in either branch of an ``if`` (or a conditional expression, or after an ``and``) whose test
  looks at the platform (``sys.platform``, ``os.name``, ``platform.system()``) or asks
  ``hasattr(module, "NAME")`` for that very name; or
- in the ``try`` body of a ``try`` that catches AttributeError, ImportError or
  ModuleNotFoundError (or any Exception).

``getattr(signal, "SIGHUP", None)`` is not an attribute use and needs no guard. Docstrings may
mention /tmp; code may not.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "naccs_tui"
POSIX_ONLY_MODULES = frozenset({"fcntl", "resource", "termios", "tty", "pty", "pwd", "grp", "posix", "syslog", "crypt"})
POSIX_ONLY = {
    "os": frozenset(
        [
            "getuid",
            "geteuid",
            "getgid",
            "getegid",
            "getgroups",
            "setuid",
            "setgid",
            "fork",
            "forkpty",
            "killpg",
            "setsid",
            "getsid",
            "getpgid",
            "setpgid",
            "getpgrp",
            "fchmod",
            "fchown",
            "chown",
            "lchown",
            "sync",
            "statvfs",
            "fstatvfs",
            "mkfifo",
            "mknod",
            "nice",
            "getloadavg",
            "uname",
            "ttyname",
            "openpty",
            "wait3",
            "wait4",
            "WNOHANG",
            "pipe2",
            "sched_getaffinity",
            "O_NOFOLLOW",
        ]
    ),
    "signal": frozenset(
        [
            "SIGHUP",
            "SIGQUIT",
            "SIGKILL",
            "SIGUSR1",
            "SIGUSR2",
            "SIGCHLD",
            "SIGALRM",
            "SIGPIPE",
            "SIGTSTP",
            "SIGCONT",
            "SIGWINCH",
            "alarm",
            "pause",
            "setitimer",
            "getitimer",
            "siginterrupt",
            "pthread_kill",
            "pthread_sigmask",
            "sigwait",
        ]
    ),
}
PLATFORM_TESTS = ("sys.platform", "os.name", "platform.system")
CAUGHT = frozenset({"AttributeError", "ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


def _asks_for(test: ast.expr, name: str | None) -> bool:
    """The test looks at the platform, or asks hasattr(…, "name")."""
    if any(p in ast.unparse(test) for p in PLATFORM_TESTS):
        return True
    return any(
        isinstance(n, ast.Call)
        and isinstance(n.func, ast.Name)
        and n.func.id == "hasattr"
        and len(n.args) == 2
        and isinstance(n.args[1], ast.Constant)
        and n.args[1].value == name
        for n in ast.walk(test)
    )


def _catches(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(k, ast.Name) and k.id in CAUGHT for k in kinds)


def _guarded(chain: list[ast.AST], name: str | None) -> bool:
    """Whether one of the ancestors in ``chain`` (outermost first, the use last) guards it."""
    for parent, child in itertools.pairwise(chain):
        if (
            isinstance(parent, (ast.If, ast.IfExp, ast.While))
            and child is not parent.test
            and _asks_for(parent.test, name)
        ):
            return True
        if isinstance(parent, ast.BoolOp) and isinstance(parent.op, ast.And):
            before = parent.values[: parent.values.index(child)] if child in parent.values else []
            if any(_asks_for(v, name) for v in before):
                return True
        if isinstance(parent, ast.Try) and child in parent.body and any(_catches(h) for h in parent.handlers):
            return True
    return False


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            ids |= {id(s.value) for s in body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)}
    return ids


def unguarded(source: str) -> list[str]:
    """The POSIX-only uses in ``source`` without a guard, as "line: what"."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found: list[str] = []

    def visit(node: ast.AST, chain: list[ast.AST]) -> None:
        chain = [*chain, node]
        use: tuple[str, str | None] | None = None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in POSIX_ONLY.get(node.value.id, ()):
                use = (f"{node.value.id}.{node.attr}", node.attr)
        elif isinstance(node, ast.Import):
            bad = [a.name for a in node.names if a.name.split(".")[0] in POSIX_ONLY_MODULES]
            use = (f"import {bad[0]}", None) if bad else None
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in POSIX_ONLY_MODULES:
                use = (f"from {node.module} import", None)
            bad = [a.name for a in node.names if a.name in POSIX_ONLY.get(node.module, ())]
            use = use or ((f"from {node.module} import {bad[0]}", bad[0]) if bad else None)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            use = (f"the path {node.value!r}", None) if node.value.startswith("/tmp") or "/tmp/" in node.value else None
        if use and not _guarded(chain, use[1]):
            found.append(f"{getattr(node, 'lineno', '?')}: {use[0]}")
        for child in ast.iter_child_nodes(node):
            visit(child, chain)

    visit(tree, [])
    return found


def test_naccs_tui_uses_no_posix_only_name_without_a_guard():
    problems = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in unguarded(path.read_text(encoding="utf-8"))
    ]
    assert problems == []


@pytest.mark.parametrize(
    "code",
    [
        "import signal\nsignal.signal(signal.SIGHUP, print)",
        "import os\nuid = os.getuid()",
        "import os\nos.fchmod(3, 0o644)",
        "import fcntl",
        "from resource import getrusage",
        "from os import getuid",
        "import os\nif os.path.exists('x'):\n    os.getuid()",
        "import os\nif hasattr(os, 'getuid'):\n    os.fchmod(3, 0)",  # asks for another name
        "try:\n    import fcntl\nexcept OSError:\n    pass",
        "path = '/tmp/naccs.toml'",
        "import os\nfolder = os.path.join('/tmp', 'x')",
    ],
)
def test_an_unguarded_use_is_found(code):
    assert unguarded(code), code


@pytest.mark.parametrize(
    "code",
    [
        "import signal\nif hasattr(signal, 'SIGHUP'):\n    signal.signal(signal.SIGHUP, print)",
        "import os, sys\nif sys.platform != 'win32':\n    os.getuid()",
        "import os\nif os.name == 'nt':\n    pass\nelse:\n    os.fchmod(3, 0)",
        "import os\nroot = hasattr(os, 'geteuid') and os.geteuid() == 0",
        "import os, sys\nuid = os.getuid() if sys.platform != 'win32' else None",
        "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None",
        "import signal\nhup = getattr(signal, 'SIGHUP', None)",
        "def f():\n    '''Files go to a temp folder, never /tmp/x by name.'''",
    ],
)
def test_a_guarded_use_passes(code):
    assert unguarded(code) == [], code
