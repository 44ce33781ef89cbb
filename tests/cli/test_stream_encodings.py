"""Every command and format on every example, with standard output and error in cp932 (what
Japanese Windows gives a redirected stream) and in ASCII: the same exit code as in UTF-8, output
that decodes, no traceback, no ``?`` put in, and the same figures as the UTF-8 output.

In-process: ``cli.main`` with sys.stdout and sys.stderr replaced by strict text streams of the
encoding, as ``PYTHONIOENCODING`` makes them (cli.main sets their error handler, as it does for the
real ones). The cp932 streams also end lines in CRLF, as a Windows text stream does. A few runs
through a real ``python -m naccs_tui`` with ``PYTHONIOENCODING`` check the start-up path itself.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from naccs_tui.cli import main
from naccs_tui.render.table import cell_width

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
FIRST = str(EXAMPLES[0])
RATES_CSV = "code,name_ja,name_en,price_a,price_b\nIDA,輸入申告事項登録,Import declaration entry,80,100\n"


def _cases() -> list[tuple[str, list[str]]]:
    cases = []
    for path in EXAMPLES:
        f, name = str(path), path.stem
        for fmt in ("text", "json", "markdown", "csv", "html"):
            cases.append((f"quote-{fmt}-{name}", ["quote", f, "--format", fmt]))
        for fmt in ("text", "json", "markdown", "csv"):
            cases.append((f"recommend-{fmt}-{name}", ["recommend", f, "--format", fmt]))
            cases.append((f"compare-{fmt}-{name}", ["compare", f, FIRST, "--format", fmt, "--tax"]))
        for fmt in ("text", "json", "ics"):
            cases.append((f"schedule-{fmt}-{name}", ["schedule", f, "--format", fmt]))
        for fmt in ("text", "json"):
            cases.append((f"office-{fmt}-{name}", ["office", f, "--format", fmt]))
        cases.append((f"quote-en-{name}", ["quote", f, "--lang", "en"]))
    multi = str(ROOT / "examples" / "multi-office-forwarder.toml")
    cases += [
        ("recommend-office-unit", ["recommend", multi, "--office", "本社", "--unit", "general"]),
        ("office-prefecture", ["office", "東京"]),
        ("office-prefecture-en", ["office", "大阪", "--lang", "en"]),
        ("schedule-no-file", ["schedule"]),
        ("error-missing-file", ["quote", "見積.toml"]),
        ("error-missing-file-en", ["quote", "見積.toml", "--lang", "en"]),
        ("error-usage", ["recommend", FIRST, "--top", "0"]),
        ("rates-import", ["rates", "import", "{tmp}/rates.csv", "--out", "{tmp}/tariffs.toml"]),
        ("help", ["--help"]),
    ]
    cases += [(f"help-{c}", [c, "--help"]) for c in ("quote", "recommend", "compare", "schedule", "office", "rates")]
    cases += [("help-serve", ["serve", "--help"]), ("help-rates-import", ["rates", "import", "--help"])]
    return cases


CASES = _cases()


def _run(argv: list[str], encoding: str, monkeypatch, tmp_path: Path) -> tuple[int, bytes, bytes]:
    """Exit code, stdout bytes and stderr bytes of ``naccs-tui ARGV`` on streams in ``encoding``."""
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    if argv[:2] == ["rates", "import"]:
        (tmp_path / "rates.csv").write_text(RATES_CSV, encoding="utf-8")
        (tmp_path / "tariffs.toml").unlink(missing_ok=True)
    newline = "\r\n" if encoding == "cp932" else "\n"
    out = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict", newline=newline)
    err = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict", newline=newline)
    with monkeypatch.context() as m:
        m.setattr(sys, "stdout", out)
        m.setattr(sys, "stderr", err)
        try:
            code = main(argv)
        except SystemExit as exc:  # --help, usage errors
            code = int(exc.code or 0)
        out.flush()
        err.flush()
    return code, out.buffer.getvalue(), err.buffer.getvalue()  # type: ignore[attr-defined]


UTF8: dict[tuple[str, ...], tuple[int, bytes, bytes]] = {}
"""The UTF-8 run of each command line (what the other encodings are compared with)."""
ESCAPE = re.compile(r"\\u[0-9a-f]{4}|\\U[0-9a-f]{8}")
FIGURE = re.compile(r"[±+-]?\d[\d,]*")


def figures(text: str) -> list[str]:
    """Every number in ``text`` with its sign (amounts, counts, dates), the escapes of the ASCII
    output left out; ``+-`` is how ASCII writes ``±`` (render/glyphs.py)."""
    return FIGURE.findall(ESCAPE.sub(" ", text).replace("+-", "±"))


@pytest.mark.parametrize("encoding", ["cp932", "ascii"])
@pytest.mark.parametrize("argv", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_every_command_in_cp932_and_ascii(argv, encoding, monkeypatch, tmp_path):
    key = tuple(argv)
    if key not in UTF8 or "{tmp}" in " ".join(argv):  # the UTF-8 run once for both encodings
        UTF8[key] = _run(argv, "utf-8", monkeypatch, tmp_path)
    code0, out0, err0 = UTF8[key]
    code, out, err = _run(argv, encoding, monkeypatch, tmp_path)
    assert code == code0
    text0, etext0 = out0.decode("utf-8"), err0.decode("utf-8")
    etext = err.decode(encoding).replace("\r\n", "\n")
    assert "Traceback" not in etext and "Error" not in etext
    assert figures(etext) == figures(etext0) and etext.count("?") == etext0.count("?")
    assert etext.count("\n") == etext0.count("\n")
    if "ics" in argv:  # UTF-8 by its standard, with its own CRLF (not CR CR LF on Windows)
        assert out == out0 and b"\r\r" not in out
        return
    text = out.decode(encoding).replace("\r\n", "\n")
    assert "\r" not in text
    if code0 == 0 and "json" in argv:  # the same data
        assert json.loads(text) == json.loads(text0)
    elif code0 == 0 and "html" in argv:  # the same page, in ASCII (it says it is UTF-8)
        assert out.isascii() and html.unescape(text) == html.unescape(text0)
    else:
        assert figures(text) == figures(text0)
        assert text.count("?") == text0.count("?")
        assert text.count("\n") == text0.count("\n")
    if encoding == "ascii":
        assert out.isascii() and err.isascii()


def _ja(argv, encoding, monkeypatch, tmp_path) -> str:
    code, out, _ = _run(argv, encoding, monkeypatch, tmp_path)
    assert code == 0
    return out.decode(encoding).replace("\r\n", "\n")


def test_the_marks_in_cp932_and_ascii(monkeypatch, tmp_path):
    """✔ (the cheaper plan) is ◎ in cp932 and * in ASCII; ♦ (the break-even) ◆ and <>."""
    argv = ["quote", str(ROOT / "examples" / "customs-broker.toml")]
    utf8 = _ja(argv, "utf-8", monkeypatch, tmp_path)
    cp932 = _ja(argv, "cp932", monkeypatch, tmp_path)
    # the broker: Plan A 168,370 a month, Plan B 171,000 (FACTS.md fees, sample unit prices)
    assert "✔ 安いのは プランA（月 2,630 円お得）" in utf8
    assert "◎ 安いのは プランA（月 2,630 円お得）" in cp932
    assert "\n◆ プランAは月 1,081 件から得になります" in cp932
    ascii_en = _ja([*argv, "--lang", "en"], "ascii", monkeypatch, tmp_path)
    assert "\n* Plan A is cheaper (saves 2,630 yen a month)\n" in ascii_en
    assert "\n<> Plan A pays off from 1,081 transactions/month (now 1,270)\n" in ascii_en
    assert "3 x 5,000" in ascii_en  # ×
    ascii_ja = _ja(argv, "ascii", monkeypatch, tmp_path)
    assert "2,630 \\u5186" in ascii_ja  # 円: Japanese text as escapes, the figure as it is


def test_the_columns_still_line_up_in_cp932(monkeypatch, tmp_path):
    """◎ takes the cell of ✔ (both one cell where East-Asian ambiguous characters are narrow, as
    in Windows Terminal and as the tables count them): Plan B's column ends where it does on
    every row of the quote."""
    argv = ["quote", str(ROOT / "examples" / "customs-broker.toml")]
    lines = _ja(argv, "cp932", monkeypatch, tmp_path).splitlines()
    rows = [line for line in lines if re.match(r"(月額合計|初期費用|回線使用料)", line)]
    assert len(rows) == 3 and "◎" in rows[1]
    assert [cell_width(r) for r in rows] == [cell_width(lines[lines.index(rows[0]) - 1])] * 3, rows


def test_json_keeps_its_data_with_escapes(monkeypatch, tmp_path):
    argv = ["quote", str(ROOT / "examples" / "customs-broker.toml"), "--format", "json"]
    text = _ja(argv, "cp932", monkeypatch, tmp_path)
    assert '"\\u2714 安いのは プランA（月 2,630 円お得）"' in text  # a JSON escape, Japanese as is
    assert "✔ 安いのは" in json.dumps(json.loads(text), ensure_ascii=False)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("cp932", "◎ 安いのは プランA（月 2,630 円お得）"),
        ("ascii", "* \\u5b89\\u3044\\u306e\\u306f \\u30d7\\u30e9\\u30f3A\\uff08\\u6708 2,630 \\u5186"),
    ],
    ids=["cp932", "ascii"],
)
def test_python_ioencoding_on_a_real_process(encoding, expected, tmp_path):
    """`PYTHONIOENCODING=cp932 naccs-tui quote FILE > out.txt` (the issue's example) and ascii."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    example = ROOT / "examples" / "customs-broker.toml"
    proc = subprocess.run(
        [sys.executable, "-m", "naccs_tui", "quote", str(example)], capture_output=True, env=env, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert expected in proc.stdout.decode(encoding)
    assert proc.stderr == b""
