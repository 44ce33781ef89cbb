"""Packaging: the data files ship inside the wheel, and the domain never pulls in textual."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import naccs_tui

ROOT = Path(naccs_tui.__file__).resolve().parent.parent
DATA = ("tariffs.toml", "offices.toml")


def _editable() -> bool:
    """True when the installed distribution points at a source tree (pip install -e)."""
    text = metadata.distribution("naccs-tui").read_text("direct_url.json") or "{}"
    return bool(json.loads(text).get("dir_info", {}).get("editable"))


def _isolated(code: str, cwd: Path) -> subprocess.CompletedProcess:
    # -I: no current folder or PYTHONPATH on sys.path, so the *installed* naccs_tui is imported
    return subprocess.run([sys.executable, "-I", "-c", code], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_pyproject_puts_the_data_in_the_package():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    wheel = conf["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["naccs_tui"]
    assert {name: f"naccs_tui/{name}" for name in DATA}.items() <= wheel["force-include"].items()
    assert conf["project"]["scripts"]["naccs-tui"] == "naccs_tui.cli:entry"


def test_the_wheel_holds_the_data_files(tmp_path):
    if _editable():
        # a development install: build the wheel here (hatchling, the build backend, offline)
        from hatchling.builders.wheel import WheelBuilder

        (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
        with zipfile.ZipFile(wheel) as z:
            names = set(z.namelist())
            shipped = {name: z.read(f"naccs_tui/{name}") for name in DATA}
        locale = {n for n in names if n.startswith("naccs_tui/locale/")}
    else:
        # installed from a wheel (the CI's `pip install '.[test]'`): the files are in the package
        out = _isolated("import naccs_tui, pathlib; print(pathlib.Path(naccs_tui.__file__).parent)", tmp_path)
        pkg = Path(out.stdout.strip())
        assert pkg != ROOT / "naccs_tui", "the test did not import the installed package"
        names = {f"naccs_tui/{p.relative_to(pkg).as_posix()}" for p in pkg.rglob("*") if p.is_file()}
        shipped = {name: (pkg / name).read_bytes() for name in DATA}
        locale = {n for n in names if n.startswith("naccs_tui/locale/")}
    for name in DATA:
        assert f"naccs_tui/{name}" in names
        assert shipped[name] == (ROOT / name).read_bytes()
    assert locale >= {f"naccs_tui/locale/{p.name}" for p in (ROOT / "naccs_tui" / "locale").glob("*.toml")}
    assert "naccs_tui/ui/app.tcss" in names
    assert not any(n.startswith("tests/") for n in names)


def test_data_resolves_from_any_folder(tmp_path):
    code = """
import json
from naccs_tui.domain.offices import load_offices
from naccs_tui.domain.tariffs import data_file, load_tariffs
t = load_tariffs()
print(json.dumps({"tariffs": str(data_file("tariffs.toml")), "offices": str(data_file("offices.toml")),
                  "ops": len(t.operations), "prefectures": len(load_offices().by_prefecture)}))
"""
    out = _isolated(code, tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    found = json.loads(out.stdout)
    assert Path(found["tariffs"]).is_file() and Path(found["offices"]).is_file()
    assert found["prefectures"] == 47  # FACTS.md section 5: the four offices cover all 47 prefectures
    assert found["ops"] >= 1
    if not _editable():
        assert Path(found["tariffs"]).parent.name == "naccs_tui"  # inside the installed package


def test_console_script_quotes_from_a_temp_folder(tmp_path):
    shutil.copy(ROOT / "examples" / "small-importer.toml", tmp_path / "plan.toml")
    exe = Path(sys.executable).with_name("naccs-tui")
    out = subprocess.run(
        [str(exe), "quote", "plan.toml", "--format", "json"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout)["plans"]["A"]["monthly"] > 0


def test_domain_and_commands_never_import_textual(tmp_path):
    code = """
import importlib, json, pkgutil, sys
import naccs_tui.domain as domain
for info in pkgutil.iter_modules(domain.__path__):
    importlib.import_module(f"naccs_tui.domain.{info.name}")
after_domain = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
mods = sorted(m for m in sys.modules if m.startswith("naccs_tui.domain."))
from naccs_tui import cli
cli.commands()  # every CLI command module: cheap to import, no UI
after_cli = sorted(m for m in sys.modules if m.split(".")[0] == "textual" or m.startswith("naccs_tui.ui"))
print(json.dumps([after_domain, mods, after_cli]))
"""
    out = _isolated(code, tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    after_domain, mods, after_cli = json.loads(out.stdout)
    assert after_domain == []
    expected = {
        f"naccs_tui.domain.{p.stem}" for p in (ROOT / "naccs_tui" / "domain").glob("*.py") if p.stem != "__init__"
    }
    assert set(mods) == expected  # every domain module was imported
    assert after_cli == []
