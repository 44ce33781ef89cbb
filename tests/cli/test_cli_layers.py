"""The command line's layers: cli.py imports the commands, never the other way round."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from naccs_tui.cli import main

COMMANDS = Path(__file__).resolve().parents[2] / "naccs_tui" / "commands"


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved against naccs_tui.commands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            parts = ["naccs_tui", "commands"][: 2 - (node.level - 1)] if node.level else []
            base = ".".join([*parts, node.module] if node.module else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted(COMMANDS.glob("*.py")), ids=lambda p: p.name)
def test_commands_never_import_the_cli(path):
    assert "naccs_tui.cli" not in _imported_modules(path)


def test_the_check_sees_a_relative_import_of_the_cli(tmp_path):
    for text in ("from ..cli import months_arg\n", "from .. import cli\n", "import naccs_tui.cli\n"):
        probe = tmp_path / "probe.py"
        probe.write_text(text, "utf-8")
        assert "naccs_tui.cli" in _imported_modules(probe), text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["quote", "x.toml", "--months", "0"], "naccs-tui quote: argument --months: 0 is out of range (1-600)"),
        (["quote", "x.toml", "--months", "601"], "naccs-tui quote: argument --months: 601 is out of range (1-600)"),
        (["compare", "a", "b", "--months", "1.5"], "naccs-tui compare: argument --months: '1.5' is not a whole number"),
        (["recommend", "x.toml", "--top", "51"], "naccs-tui recommend: argument --top: 51 is out of range (1-50)"),
        (["recommend", "x.toml", "--top", "0"], "naccs-tui recommend: argument --top: 0 is out of range (1-50)"),
    ],
)
def test_number_options_keep_their_one_line_errors(capsys, argv, message):
    with pytest.raises(SystemExit) as info:
        main([*argv, "--lang", "en"])
    assert info.value.code == 2
    assert capsys.readouterr().err == f"{message} (see --help)\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["quote", "x.toml", "--months", "0"], "naccs-tui quote: --months: 0 は範囲外です（1～600）"),
        (["compare", "a", "b", "--months", "1.5"], "naccs-tui compare: --months: '1.5' は整数ではありません"),
        (["quote"], "naccs-tui quote: 次の引数が必要です：FILE"),
        (["quote", "x.toml", "--bogus"], "naccs-tui quote: この引数は使えません：--bogus"),
        (["quote", "x.toml", "--format", "pdf"], "naccs-tui quote: --format: 'pdf' は使えません"),
    ],
)
def test_usage_errors_in_japanese(capsys, argv, message):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.endswith("（--help で使い方を表示）\n") and err.count("\n") == 1


def test_every_command_module_is_named_as_its_command():
    from naccs_tui.cli import commands

    found = commands()
    assert {"compare", "office", "quote", "rates", "recommend", "schedule"} <= set(found)
    for name, module in found.items():
        assert name == module.NAME and module.__name__ == f"naccs_tui.commands.{name}"


def test_help_lists_the_commands(capsys):
    from naccs_tui.cli import commands

    with pytest.raises(SystemExit) as info:
        main(["--help", "--lang", "en"])
    assert info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    listed = out.split("commands: ", 1)[1].split(" (run ", 1)[0].split(", ")
    assert listed == sorted(listed)
    assert {"compare", "office", "quote", "rates", "recommend", "schedule"} <= set(listed)
    assert set(listed) == set(commands())


def test_a_command_imports_only_its_own_module(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; from naccs_tui.cli import main; main(['office', 'Tokyo']);"
        "print(sorted(m for m in sys.modules if m.startswith('naccs_tui.commands.')), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert (
        out.stderr.strip().splitlines()[-1]
        == "['naccs_tui.commands._args', 'naccs_tui.commands._kept', 'naccs_tui.commands._parser', "
        "'naccs_tui.commands._shared', "
        "'naccs_tui.commands._streams', 'naccs_tui.commands.office']"
    )


@pytest.mark.parametrize("argv", [["quote", "--help"], ["recommend", "x.toml", "--top", "0"], ["--help"]])
def test_help_and_usage_errors_do_not_load_the_domain(tmp_path, argv):
    import subprocess
    import sys

    code = (
        "import sys\nfrom naccs_tui.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pydantic', 'holidays', 'textual') if m in sys.modules), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        (["--help", "--lang", "en"], {"textwrap"}),  # argparse wraps English help itself
        (["quote", "--help"], {"budoux", "json", "html", "markupbase"}),  # Japanese help: phrases from BudouX
        (["quote"], set()),
        (["recommend", "x.toml", "--top", "0"], set()),
        (["quote", "x.toml", "--bogus", "--lang", "en"], set()),
    ],
)
def test_help_and_usage_errors_load_argparse_and_little_else(tmp_path, argv, allowed):
    # what --help and a usage error cost beyond `python -c pass`: argparse (with re) and our own
    # few modules; the catalog from the cache folder (the first run keeps it there), no TOML
    # parser, no typing, no shutil (and bz2, lzma), no locale, no pathlib, no domain
    import os
    import subprocess
    import sys

    code = (
        "import sys\nbefore = set(sys.modules)\nfrom naccs_tui.cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(m for m in set(sys.modules) - before)), file=sys.stderr)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "100"}
    run = [sys.executable, "-c", code, *argv]
    subprocess.run(run, capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env)  # keeps the catalog
    out = subprocess.run(run, capture_output=True, text=True, timeout=60, cwd=tmp_path, env=env)
    loaded = set(out.stderr.strip().splitlines()[-1].split())
    ours = {m for m in loaded if m.startswith("naccs_tui")}
    assert not ours & {"naccs_tui.domain.errors", "naccs_tui.domain", "naccs_tui.render.wrap"} or "budoux" in allowed
    stdlib = {m.split(".")[0].strip("_") for m in loaded - ours}
    expected = {"argparse", "re", "sre", "enum", "copyreg", "collections", "functools", "gettext", "future"}
    expected |= {"unicodedata", "operator", "keyword", "reprlib", "itertools", "types", "heapq", "warnings"}
    extra = stdlib - expected
    assert {m for m in extra if not any(m.startswith(a) for a in allowed)} == set(), sorted(extra)
    assert not {"typing", "shutil", "locale", "tomllib", "pathlib", "datetime", "difflib"} & stdlib
