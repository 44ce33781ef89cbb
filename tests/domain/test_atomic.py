"""No data lost: saves go through a temp file in the same folder and an atomic replace."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest

from naccs_tui.domain import files
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import Scenario, load_scenario, save_scenario

OLD = Scenario(name="old plan").with_volume("IDA", 10)
NEW = Scenario(name="new plan").with_volume("IDA", 99)


def _saved(tmp_path):
    path = tmp_path / "plan.toml"
    save_scenario(OLD, path)
    return path, path.read_bytes()


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_save_then_load_round_trips(tmp_path, tariffs):
    path, _ = _saved(tmp_path)
    assert load_scenario(path, tariffs) == OLD
    save_scenario(NEW, path, overwrite=True)
    assert load_scenario(path, tariffs) == NEW
    assert _names(tmp_path) == ["plan.toml"]


def test_existing_file_is_not_overwritten_unless_asked(tmp_path):
    path, before = _saved(tmp_path)
    with pytest.raises(InputError) as exc:
        save_scenario(NEW, path)
    assert exc.value.line() == f"{path}: file exists (not overwritten)"
    assert path.read_bytes() == before


class _HalfWriter:
    """A file object that writes half of the data, then finds the disk full."""

    def __init__(self, fh):
        self._fh = fh

    def write(self, data: bytes) -> int:
        self._fh.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()
        return False


def _fail_write(monkeypatch):
    real = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode="r", *a, **k: _HalfWriter(real(fd, mode, *a, **k)))


def _fail(name):
    def patch(monkeypatch):
        def boom(*args, **kwargs):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(files.os, name, boom)

    return patch


@pytest.mark.parametrize(
    "break_it", [_fail_write, _fail("fsync"), _fail("replace")], ids=["write half-way", "fsync", "replace"]
)
def test_disk_full_half_way_keeps_the_old_file(tmp_path, monkeypatch, break_it):
    path, before = _saved(tmp_path)
    break_it(monkeypatch)
    with pytest.raises(InputError) as exc:
        save_scenario(NEW, path, overwrite=True)
    assert exc.value.line() == f"{path}: cannot write: No space left on device"
    assert path.read_bytes() == before  # the old file is intact
    assert _names(tmp_path) == ["plan.toml"]  # and no temp file is left behind


def test_disk_full_on_a_new_file_leaves_nothing(tmp_path, monkeypatch):
    _fail_write(monkeypatch)
    with pytest.raises(InputError):
        save_scenario(NEW, tmp_path / "new.toml")
    assert _names(tmp_path) == []


def test_the_temp_file_is_in_the_same_folder(tmp_path, monkeypatch):
    # the same folder means the same file system, so os.replace is a rename (atomic)
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append((os.path.dirname(src), os.path.basename(src), os.path.exists(dst)))
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", spy)
    path, _ = _saved(tmp_path)
    save_scenario(NEW, path, overwrite=True)
    assert [(d, e) for d, _, e in seen] == [(str(tmp_path), False), (str(tmp_path), True)]
    assert all(name.startswith(".plan.toml.") and name.endswith(".tmp") for _, name, _ in seen)


def test_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    # the tests run as root, where chmod does not stop a write: simulate the refusal
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError) as exc:
        save_scenario(NEW, tmp_path / "plan.toml")
    assert exc.value.line() == f"{tmp_path / 'plan.toml'}: cannot write here (permission denied)"


def test_missing_folder_and_folder_as_target(tmp_path):
    with pytest.raises(InputError) as exc:
        save_scenario(NEW, tmp_path / "nowhere" / "plan.toml")
    assert exc.value.reason == "folder does not exist"
    (tmp_path / "dir.toml").mkdir()
    with pytest.raises(InputError) as exc:
        save_scenario(NEW, tmp_path / "dir.toml", overwrite=True)
    assert exc.value.reason == "is a folder, not a file"


def test_file_mode_is_kept_or_usual(tmp_path):
    old_umask = os.umask(0o022)
    try:
        path, _ = _saved(tmp_path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644  # 0666 minus umask 022, not mkstemp's 0600
        path.chmod(0o640)
        save_scenario(NEW, path, overwrite=True)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640  # a replaced file keeps its mode
    finally:
        os.umask(old_umask)


def test_bad_file_name_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as exc:
        save_scenario(NEW, str(tmp_path / "a\x00b.toml"))
    assert exc.value.reason == "not a valid file name"
