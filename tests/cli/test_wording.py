"""Wording a reader takes in at once: no double negatives in the margin before the answer flips."""

from pathlib import Path

from naccs_tui.cli import main

BROKER = Path(__file__).parents[2] / "examples" / "customs-broker.toml"


def test_margin_without_double_negative(capsys):
    # customs-broker: break-even 15,000 / 17,630 × 1,270 = 1,080.5 -> 1,081; now 1,270: it may fall by
    # 189, which is 1 - 1,080.5 / 1,270 = 14.9 %
    assert main(["quote", str(BROKER)]) == 0
    out = capsys.readouterr().out
    assert "件数が 189 件（14.9%）減るとプランBが得になります" in out and "-14.9" not in out
    assert main(["quote", str(BROKER), "--lang", "en"]) == 0
    assert "Plan B wins if volume falls by 189 (14.9%)" in capsys.readouterr().out
