"""The shipped tariffs.toml: every FACTS.md figure, sample prices in the NACCS band, validation."""

from __future__ import annotations

import tomllib

import pytest

from naccs_tui.domain.errors import InputError
from naccs_tui.domain.tariffs import data_file, parse_tariffs


def test_fixed_fees_match_facts(tariffs):
    d = tariffs.dedicated
    assert (d.classes["low"].initial.standard, d.classes["low"].initial.spare) == (88_000, 135_000)
    assert d.classes["low"].initial.redundant is None
    assert (
        d.classes["high"].initial.standard,
        d.classes["high"].initial.spare,
        d.classes["high"].initial.redundant,
    ) == (98_000, 169_000, 270_000)
    line = {k: (v.line.standard, v.line.redundant) if v.line else None for k, v in d.speeds.items()}
    assert line == {
        "64k": (20_700, None),
        "128k": (30_700, None),
        "0.5M": None,  # on NACCS's access page, its fees published nowhere (FACTS §7)
        "1M": (36_000, 54_900),
        "3M": (91_000, 109_900),
        "5M": (101_000, 119_900),
        "10M": (121_000, 139_900),
    }
    lo, hi = d.classes["low"].router, d.classes["high"].router
    assert (lo.weekdays, lo.h24, lo.spare, lo.redundant) == (3_700, 5_600, 11_200, None)
    assert (hi.weekdays, hi.h24, hi.spare, hi.redundant) == (5_200, 5_800, 11_600, 21_000)
    assert (d.indoor_wiring_redundant, d.ping_monitoring) == (1_000, 2_000)
    b = tariffs.broadband
    assert (b.media["adsl"].initial.standard, b.media["adsl"].initial.spare) == (85_000, 130_000)
    assert (b.media["adsl"].line.weekdays, b.media["adsl"].line.h24, b.media["adsl"].indoor_wiring) == (
        10_490,
        13_490,
        0,
    )
    assert (b.media["fiber"].initial.standard, b.media["fiber"].initial.spare) == (98_000, 169_000)
    assert (b.media["fiber"].line.weekdays, b.media["fiber"].line.h24, b.media["fiber"].indoor_wiring) == (
        13_400,
        19_900,
        1_000,
    )
    assert (b.router.weekdays, b.router.h24, b.router.spare) == (5_200, 5_800, 11_600)
    p = tariffs.plans
    assert (p.basic_fee_a_per_terminal, p.paid_statistics_per_user_code, p.bonded_storage_per_user_code) == (
        5_000,
        1_000,
        1_000,
    )
    assert tariffs.tax_rate_percent == 10
    assert (tariffs.lead_time.internet, tariffs.lead_time.dedicated_min, tariffs.lead_time.dedicated_max) == (7, 50, 60)


def test_operations_are_samples_in_the_naccs_band(tariffs):
    ops = tariffs.operations
    assert len(ops) >= 12
    assert {"IDA", "IDC", "EDA", "EDC"} <= set(tariffs.ops)
    assert any(op.price_a == op.price_b == 0 for op in ops)  # at least one free operation
    for op in ops:
        assert op.sample and op.name_ja and op.name_en
        if op.price_b:
            # Plan A 13.4%-20% cheaper than Plan B (NACCS FAQ)
            assert 0.134 <= 1 - op.price_a / op.price_b <= 0.20, op.code


def _fee_figures(node) -> set[int]:
    if isinstance(node, dict):
        return set().union(*(_fee_figures(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(_fee_figures(v) for v in node)) if node else set()
    return {node} if isinstance(node, int) and not isinstance(node, bool) else set()


def test_no_yen_figure_in_code():
    """Every fee of tariffs.toml of 2,000 yen or more is absent from the code (1,000 is too common)."""
    import re
    from pathlib import Path

    import naccs_tui

    data = _shipped()
    fees = set().union(*(_fee_figures(data[k]) for k in ("plans", "dedicated", "broadband")))
    fees = {n for n in fees if n >= 2000}
    assert {5000, 88000, 139900, 13490} <= fees
    root = Path(naccs_tui.__file__).parent
    for path in root.rglob("*.py"):
        numbers = {int(n.replace("_", "")) for n in re.findall(r"(?<![\w.])\d[\d_]*(?![\w.])", path.read_text("utf-8"))}
        assert not numbers & fees, f"{path.name}: {numbers & fees}"


def _shipped() -> dict:
    return tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["operations"].append(dict(d["operations"][0])), "operations"),
        (lambda d: d["operations"][0].update(price_a=999), "operations.[0]"),
        (lambda d: d["plans"].update(basic_fee_a_per_terminal=-1), "plans.basic_fee_a_per_terminal"),
        (lambda d: d["dedicated"]["speeds"]["1M"].update({"class": "mid"}), "dedicated.speeds.1M.class"),
        (lambda d: d.update(colour="red"), "colour"),
    ],
)
def test_broken_tariffs_name_the_field(mutate, field):
    data = _shipped()
    mutate(data)
    with pytest.raises(InputError) as info:
        parse_tariffs(data, "t.toml")
    assert info.value.source == "t.toml"
    assert info.value.field.replace(".[", "[").startswith(field.replace(".[", "["))
