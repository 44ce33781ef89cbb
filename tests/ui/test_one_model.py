"""One model of a company: the TUI's F6 and `recommend --office --unit` give the same numbers on
every example and unit; applying a recommendation either applies it and says what changed, or says
why not (and offers to merge the units), never both; the app's state rules without Textual."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from helpers import run_async, wait_closed, wait_equal, wait_for, wait_for_dialog

from naccs_tui.cli import main
from naccs_tui.domain.company import GeneralUnit, Line, NetnaccsUnit, Office, from_scenario
from naccs_tui.domain.company_edit import EditRefused
from naccs_tui.domain.company_file import parse_company
from naccs_tui.domain.company_quote import company_quote
from naccs_tui.domain.document import load_document
from naccs_tui.domain.scenario import Scenario
from naccs_tui.domain.tariffs import load_tariffs
from naccs_tui.i18n import t
from naccs_tui.render.labels import yen
from naccs_tui.ui import state
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.screens.confirm import ConfirmScreen
from naccs_tui.ui.screens.recommend import RecommendScreen

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
FORWARDER = ROOT / "examples" / "multi-office-forwarder.toml"
T = load_tariffs()


def units_of_examples() -> list[tuple[Path, int, str]]:
    return [(p, i, k) for p in EXAMPLES for i, k, _ in load_document(p, T).units()]


class Recorded(NaccsApp):
    CURSOR_BLINK = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message, *args, **kwargs) -> None:  # type: ignore[override]
        self.notes.append(str(message))
        super().notify(message, *args, **kwargs)


# ---- one recommender ------------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "office", "kind"), units_of_examples(), ids=lambda x: getattr(x, "stem", str(x)))
@run_async
async def test_f6_shows_the_numbers_of_recommend_for_the_unit(path, office, kind, capsys):
    company = load_document(path, T)
    office_name = company.offices[office - 1].name or str(office)
    assert main(["recommend", str(path), "--office", office_name, "--unit", kind, "--format", "json"]) == 0
    top = json.loads(capsys.readouterr().out)["top"]
    expected = [[yen(e["total"]), yen(e["monthly"]), yen(e["initial"])] for e in top]
    app = NaccsApp(company, tariffs=T)
    async with app.run_test(size=(160, 50)) as pilot:
        app.set_company(app.company, (office, kind))
        await wait_equal(pilot, lambda: app.unit, (office, kind), "the unit selected")
        await pilot.press("f6")
        screen = await wait_for_dialog(pilot, RecommendScreen)
        table = screen.query_one("#rec-table")
        await wait_for(pilot, lambda: table.row_count == len(expected), "the ranking")

        def shown() -> list[list[str]]:
            heads = [str(c.label).strip() for c in table.columns.values()]
            at = [heads.index(t(key, months=12)) for key in ("quote.total", "quote.monthly", "quote.initial")]
            rows = [[str(c).strip() for c in table.get_row_at(n)] for n in range(table.row_count)]
            return [[r[i] for i in at] for r in rows]  # N-month total, monthly, initial

        assert shown() == expected


def test_the_office_options_belong_to_the_office_not_to_one_of_its_two_units():
    """The issue's figure: head office, general unit; its office also has a netNACCS unit, so the
    office's 4,000 yen of paid options are not this unit's. Without them the first proposal costs
    190,370 a month, 2,284,440 over 12 months (with them it was 194,370 / 2,332,440)."""
    from naccs_tui.domain.recommend import recommend_unit

    company = load_document(FORWARDER, T)
    basis, rec = recommend_unit(company, 1, "general", T)
    assert not basis.usage.paid_statistics and not basis.usage.bonded_storage
    best = rec.best
    assert best is not None and (best.method, best.plan) == ("netnaccs", "A")
    assert (best.monthly, best.total) == (190_370, 2_284_440)


# ---- applying a recommendation --------------------------------------------------------------------
async def _apply_first(pilot, app) -> ConfirmScreen | None:
    await pilot.press("f6")
    screen = await wait_for_dialog(pilot, RecommendScreen)
    table = screen.query_one("#rec-table")
    await wait_for(pilot, lambda: table.row_count > 0, "the ranking")
    screen.query_one("#apply").press()
    await wait_closed(pilot, RecommendScreen)


def merged_forwarder():
    """The forwarder as the merge should leave it, written out by hand: the head office's general
    unit gone, its 4 terminals and its volumes added to the head office's netNACCS unit."""
    text = FORWARDER.read_text("utf-8")
    data = tomllib.loads(text)
    head = data["office"][0]
    general, net = head.pop("general"), head["netnaccs"]
    net["terminals"] = 2 + 4
    net["volumes"] = {"OLT": 80, "BIC": 120, "BOC": 110, "IDA": 450, "IDC": 420, "EDA": 300, "EDC": 290, "ICG": 600}
    assert general["volumes"] == {"IDA": 450, "IDC": 420, "EDA": 300, "EDC": 290, "ICG": 600}
    return parse_company(data, "merged.toml", T)


@run_async
async def test_a_proposal_of_the_other_units_method_asks_and_keep_both_changes_nothing():
    app = Recorded(load_document(FORWARDER, T), tariffs=T)
    async with app.run_test(size=(160, 50)) as pilot:
        app.set_company(app.company, (1, "general"))
        before = app.company
        await _apply_first(pilot, app)
        dialog = await wait_for_dialog(pilot, ConfirmScreen)
        # the totals before and after the merge, in the question
        now = company_quote(before, T).monthly("chosen")
        after = company_quote(merged_forwarder(), T).monthly("chosen")
        question = str(dialog.query_one(".dialog-body").render())
        assert yen(now) in question and yen(after) in question
        dialog.query_one("#answer-keep").press()
        await wait_closed(pilot, ConfirmScreen)
        await wait_for(
            pilot, lambda: any("何も変えていません" in n for n in app.notes), "the note that nothing changed"
        )
        assert app.company == before and not app.dirty
        assert not any("適用しました" in n for n in app.notes)  # never "applied" when nothing was


@run_async
async def test_merging_moves_the_unit_into_the_offices_other_unit():
    app = Recorded(load_document(FORWARDER, T), tariffs=T)
    async with app.run_test(size=(160, 50)) as pilot:
        app.set_company(app.company, (1, "general"))
        await _apply_first(pilot, app)
        dialog = await wait_for_dialog(pilot, ConfirmScreen)
        dialog.query_one("#answer-merge").press()
        await wait_closed(pilot, ConfirmScreen)
        await wait_equal(pilot, lambda: app.company, merged_forwarder(), "the merged company")
        assert app.unit == (1, "netnaccs") and app.dirty


@run_async
async def test_a_proposal_that_changes_the_line_says_what_changed():
    """A one-unit company on netNACCS with volumes that favour a dedicated line... here: the
    default internet + netNACCS unit, whose first proposal is what it has: it says so."""
    app = Recorded(from_scenario(Scenario()), tariffs=T)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.company
        await _apply_first(pilot, app)
        await wait_for(pilot, lambda: any("同じです" in n for n in app.notes), "the note that nothing changed")
        assert app.company == before


# ---- the state rules, without Textual ---------------------------------------------------------------
def two_offices():
    head = Office(
        name="本社",
        user_codes=2,
        general=GeneralUnit(terminals=3, line=Line(kind="dedicated", speed="1M"), volumes={"IDA": 300}),
        netnaccs=NetnaccsUnit(terminals=2, volumes={"EDA": 50}),
    )
    branch = Office(name="大阪支店", netnaccs=NetnaccsUnit(volumes={"EDA": 20}))
    from naccs_tui.domain.company import Company

    return Company(offices=(head, branch))


def test_a_removed_unit_gives_way_to_the_nearest_one_before_it():
    s = state.select(state.opened(two_offices()), two_offices(), (2, "netnaccs"))
    after = state.apply(s, state.RemoveOffice(2))
    assert after.unit == (1, "netnaccs") and after.dirty
    assert state.apply(after, state.AddOffice("福岡営業所")).unit == (2, "netnaccs")


def test_an_edit_taken_back_is_not_unsaved():
    s = state.opened(two_offices())
    changed = state.apply(s, state.SetPlan(1, "general", "A"))
    assert changed.dirty
    assert not state.apply(changed, state.SetPlan(1, "general", "auto")).dirty


def test_a_refused_edit_changes_nothing_and_says_why():
    s = state.opened(two_offices())
    with pytest.raises(EditRefused) as refused:
        state.apply(s, state.AddUnit(1, "general"))
    assert refused.value.code == "unit_taken"
    interactive = s.scenario.model_copy(update={"usage": s.scenario.usage.model_copy(update={"method": "interactive"})})
    on_net = state.select(s, s.company, (1, "netnaccs"))
    with pytest.raises(EditRefused):
        state.edit_unit(on_net, interactive)


def test_a_proposal_needs_a_merge_only_when_the_other_unit_exists():
    s = state.opened(two_offices())
    internet = Line()
    assert state.needs_merge(s, state.ApplySetup(1, "general", internet, "netnaccs"))
    assert not state.needs_merge(s, state.ApplySetup(1, "general", Line(kind="dedicated", speed="3M"), "interactive"))
    branch = state.select(s, s.company, (2, "netnaccs"))
    assert not state.needs_merge(branch, state.ApplySetup(2, "netnaccs", internet, "webnaccs"))
    merged = state.apply(s, state.ApplySetup(1, "general", internet, "netnaccs", merge=True))
    net = merged.company.offices[0].netnaccs
    assert merged.company.offices[0].general is None and merged.unit == (1, "netnaccs")
    assert net is not None and net.terminals == 5 and net.volumes == {"EDA": 50, "IDA": 300}
