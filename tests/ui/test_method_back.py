"""A method change that forces another line is undone by changing the method back: the line the
user had (speed, router, maintenance, ping monitoring, number of lines) comes back, and the toast
says what changed either way (issue: customs broker, netNACCS, then interactive again: the
router fell from 予備機あり to 標準, Ping監視 went off, Plan A fell by 8,400 yen)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_async, wait_for
from test_ui_shell import choose, notes, started

from naccs_tui.domain.company import unit_scenario
from naccs_tui.domain.costing import quote
from naccs_tui.domain.document import load_document
from naccs_tui.domain.scenario import Line
from naccs_tui.i18n import t
from naccs_tui.render.labels import fix_text
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.state import AddOffice, apply, opened, settle_edit

BROKER = Path(__file__).parents[2] / "examples" / "customs-broker.toml"
LINE = Line(kind="dedicated", speed="1M", router="spare", maintenance="weekdays", ping_monitoring=True, lines=1)
# Plan A a month (FACTS.md §1, tariffs.toml's sample unit prices): line usage 1M 36,000 + spare
# router 11,600 + ping monitoring 2,000 + basic 3 × 5,000 + IDA 300 × 85 + IDC 280 × 170 +
# EDA 150 × 69 + EDC 140 × 138 + ICG 400 × 0 + paid statistics 1 × 1,000
PLAN_A = 36_000 + 11_600 + 2_000 + 15_000 + 25_500 + 47_600 + 10_350 + 19_320 + 0 + 1_000


def test_the_method_changed_back_brings_the_line_back(tariffs):
    company = load_document(BROKER, tariffs)
    state = opened(company)
    assert state.scenario.line == LINE and quote(state.scenario, tariffs).a.monthly == PLAN_A
    away, fixes = settle_edit(state, state.scenario.replace("usage", method="netnaccs"), tariffs, "method")
    assert away.scenario.line == Line() and away.unit == (1, "netnaccs")
    assert [f.kind for f in fixes] == ["line"] and fixes[0].line == LINE  # one toast, naming the line kept
    assert fix_text(fixes[0]) == t(
        "fix.line_kept",
        method="netNACCS",
        old="専用線",
        new="インターネット",
        line="専用線 1M / 予備機あり / 平日保守 / Ping監視 × 1",
    )
    back, fixes = settle_edit(away, away.scenario.replace("usage", method="interactive"), tariffs, "method")
    assert back.company == company and not back.dirty  # exactly what was opened
    assert quote(back.scenario, tariffs).a.monthly == PLAN_A
    assert [f.kind for f in fixes] == ["line_back"]
    assert fix_text(fixes[0]) == t(
        "fix.line_back", method=t("method.interactive"), line="専用線 1M / 予備機あり / 平日保守 / Ping監視 × 1"
    )


def test_a_line_chosen_meanwhile_is_kept_and_webnaccs_keeps_the_memory(tariffs):
    company = load_document(BROKER, tariffs)
    state = opened(company)
    away, _ = settle_edit(state, state.scenario.replace("usage", method="netnaccs"), tariffs, "method")
    web, fixes = settle_edit(away, away.scenario.replace("usage", method="webnaccs"), tariffs, "method")
    assert fixes == [] and web.put_away == away.put_away  # still on the internet: nothing to bring back yet
    back, _ = settle_edit(web, web.scenario.replace("usage", method="interactive"), tariffs, "method")
    assert back.scenario.line == LINE
    # the user chooses a line meanwhile: that is the line from then on
    chosen, fixes = settle_edit(away, away.scenario.replace("line", kind="broadband"), tariffs, "line")
    assert [f.kind for f in fixes] == ["method"] and chosen.scenario.line.kind == "broadband"
    assert chosen.put_away is None
    # offices or units edited: the memory goes (the office numbers may have moved)
    assert apply(away, AddOffice("大阪支店", first_name="本社")).put_away is None
    # the general unit's default line when there was nothing to put away (internet, netNACCS first)
    new = opened(unit_company(tariffs))
    there, fixes = settle_edit(new, new.scenario.replace("usage", method="interactive"), tariffs, "method")
    assert there.scenario.line.kind == "dedicated" and fixes[0].line is None
    assert fix_text(fixes[0]) == t("fix.line", method=t("method.interactive"), old="インターネット", new="専用線")


def unit_company(tariffs):
    from naccs_tui.domain.document import new_document

    return new_document()


@run_async
async def test_in_the_app_netnaccs_and_back_keeps_the_line_and_plan_a(tariffs):
    company = load_document(BROKER, tariffs)
    app = NaccsApp(company, tariffs=tariffs)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await choose(pilot, "method", "netnaccs")
        assert app.scenario.line.kind == "internet"
        await choose(pilot, "method", "interactive")
        await wait_for(pilot, lambda: app.scenario.line == LINE, "the line back")
        assert app.quote is not None and app.quote.a.monthly == PLAN_A
        assert not app.dirty and app.company == company
        line = "専用線 1M / 予備機あり / 平日保守 / Ping監視 × 1"
        assert notes(app)[-1] == t("fix.line_back", method=t("method.interactive"), line=line)
        assert unit_scenario(app.company, 1, "general").line == LINE
