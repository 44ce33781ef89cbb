"""A real `naccs-tui FILE` in a pseudo-terminal: an edit, then SIGTERM, SIGHUP or the terminal
closed. The edit is in the recovery file, the app said where (in Japanese, after it ended), and
the next launch on the file brings it back (after SIGTERM: one launch is enough to show it)."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from argparse import Namespace
from pathlib import Path

import pytest
from helpers import click, run_async, wait_for, wait_for_dialog

from naccs_tui.domain.scenario import load_scenario
from naccs_tui.ui.launch import build_app
from naccs_tui.ui.recovery import find_recovery, read_recovery, recovery_path
from naccs_tui.ui.screens.confirm import ConfirmScreen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals and SIGHUP are POSIX")

PLAN = 'schema = 1\nname = "pty"\n[line]\nkind = "internet"\n[usage]\nmethod = "netnaccs"\n[volumes]\nEDA = 10\n'
TIMEOUT = 30.0


class Terminal:
    """``naccs-tui plan.toml`` on a 100x30 pseudo-terminal; ``seen`` is everything it wrote."""

    def __init__(self, folder: Path) -> None:
        import pty

        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        argv = [sys.executable, "-c", SIZE_THEN_RUN, "plan.toml"]
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the terminal is its stdin, stdout and stderr
            try:
                os.chdir(folder)
                os.execve(sys.executable, argv, env)
            finally:
                os._exit(127)
        self.seen = b""

    def read_until(self, *wanted: str, timeout: float = TIMEOUT) -> None:
        """Read the output until every one of ``wanted`` has been written (or the terminal closes)."""
        needles = [w.encode("utf-8") for w in wanted]
        end = time.monotonic() + timeout
        while not all(n in self.seen for n in needles):
            left = end - time.monotonic()
            assert left > 0, f"timed out waiting for {wanted!r}; the last output: {self.seen[-600:]!r}"
            if not self._read(left):
                break
        missing = [w for w, n in zip(wanted, needles, strict=True) if n not in self.seen]
        assert not missing, f"the terminal closed without {missing!r}; the last output: {self.seen[-600:]!r}"

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], min(timeout, 0.5))
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the other side is closed
            return False
        self.seen += chunk
        return bool(chunk)

    def type(self, *keys: bytes) -> None:
        for key in keys:
            os.write(self.fd, key)
            time.sleep(0.2)  # one key at a time, as typed (an escape sequence must arrive whole)

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            if self.fd >= 0:
                self._read(0.1)
            else:
                time.sleep(0.1)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError(f"the app did not end; the last output: {self.seen[-600:]!r}")

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


SIZE_THEN_RUN = (
    "import fcntl, struct, sys, termios; "
    "fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0)); "
    "from naccs_tui.cli import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "closed"])
def test_a_signal_or_a_closed_terminal_keeps_the_unsaved_edit(tariffs, tmp_path, how):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, "utf-8")
    term = Terminal(tmp_path)
    try:
        term.read_until("回線種別", "plan.toml")  # the first screen: the line tab
        term.type(b"\t", b"\x1b[C", b" ")  # Tab to the line kind, Right, Space: a dedicated line
        term.read_until("plan.toml * 未保存")
        if how == "closed":
            term.close()  # the terminal window goes away: the kernel sends SIGHUP
        else:
            os.kill(term.pid, getattr(signal, how))
        code = term.wait_exit()
    finally:
        term.close()
    assert code == 128 + (signal.SIGTERM if how == "SIGTERM" else signal.SIGHUP)
    if how != "closed":  # said on the terminal after the app ended (a closed one shows nothing)
        line = f"naccs-tui: 保存されなかった変更を {recovery_path(path)} に書き出しました"
        assert line.encode() in term.seen.rsplit(b"\x1b[?1049l", 1)[-1]  # after leaving the app's screen
    kept = read_recovery(recovery_path(path), tariffs)
    assert kept.offices[0].general is not None and kept.offices[0].general.line.kind == "dedicated"
    assert load_scenario(path, tariffs).line.kind == "internet"  # the file is as it was
    if how == "SIGTERM":
        restore_on_next_launch(path)


@run_async
async def restore_on_next_launch(path: Path) -> None:
    """The next launch on the file offers the kept edit; restoring brings it back, unsaved."""
    app = build_app(Namespace(file=str(path), tariffs=None, lang="ja"))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_dialog(pilot, ConfirmScreen)
        assert app.scenario.line.kind == "internet"
        await click(pilot, "#answer-restore")
        await wait_for(pilot, lambda: app.scenario.line.kind == "dedicated", "the edit to come back")
        assert app.dirty and app.scenario.usage.method == "interactive"
        assert find_recovery(path) is None  # now the app's unsaved document (kept again if it ends so)
