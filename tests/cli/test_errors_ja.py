"""In Japanese, input errors are Japanese: by their kind, with the real bounds and choices."""

from __future__ import annotations

import pytest

from naccs_tui.cli import main


def err(capsys, tmp_path, text: str, *extra: str) -> str:
    path = tmp_path / "s.toml"
    path.write_text(text, "utf-8")
    assert main(["quote", str(path), *extra]) == 2
    out, error = capsys.readouterr()
    assert out == "" and error.count("\n") == 1
    return error.strip().replace(str(path), "FILE")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[usage]\nterminals = 0\n", "naccs-tui: FILE: usage.terminals: 1 以上にしてください"),
        ("[usage]\nterminals = 1000\n", "naccs-tui: FILE: usage.terminals: 999 以下にしてください"),
        ('[usage]\nterminals = "2"\n', "naccs-tui: FILE: usage.terminals: 整数を書いてください（引用符なし）"),
        ("[usage]\ntermnals = 2\n", "naccs-tui: FILE: usage.termnals: 不明なキーです（「terminals」のことですか？）"),
        (
            '[line]\nkind = "dedi"\n',
            "naccs-tui: FILE: line.kind: kind に 'dedi' は使えません（「dedicated」のことですか？）"
            "（internet, dedicated, broadband から選んでください）",
        ),
        ("[volumes]\nIDA = -1\n", "naccs-tui: FILE: volumes.IDA: 0 以上にしてください"),
    ],
)
def test_japanese_lines(capsys, tmp_path, text, line):
    assert err(capsys, tmp_path, text) == line


def test_file_not_found_in_japanese_and_english(capsys, tmp_path):
    missing = str(tmp_path / "nope.toml")
    assert main(["quote", missing]) == 2
    assert capsys.readouterr().err == f"naccs-tui: {missing}: ファイルが見つかりません\n"
    assert main(["quote", missing, "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"naccs-tui: {missing}: file not found\n"


def test_english_keeps_its_wording(capsys, tmp_path):
    line = err(capsys, tmp_path, "[usage]\nterminals = 0\n", "--lang", "en")
    assert line == "naccs-tui: FILE: usage.terminals: Input should be greater than or equal to 1"
