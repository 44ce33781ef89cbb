"""The office/unit navigator (F4) driven by keys as a user would, and the panes working on the
selected unit: each check is on the app's company (what a save writes) and on what is shown.

Prices are the shipped sample unit prices of tariffs.toml: EDA 69 (A) / 80 (B), IDA 85 / 100."""

from __future__ import annotations

import tomllib

from helpers import processed, run_async, screen_text, wait_closed, wait_equal, wait_for, wait_for_dialog, wait_for_text
from textual.widgets import Input, Tree

from naccs_tui.domain.company import Company, GeneralUnit, NetnaccsUnit, Office
from naccs_tui.domain.scenario import Line
from naccs_tui.i18n import t
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.messages import ScenarioEdited
from naccs_tui.ui.panes.summary import SummaryBar
from naccs_tui.ui.screens.confirm import ConfirmScreen
from naccs_tui.ui.screens.name import NameScreen
from naccs_tui.ui.screens.offices import OfficesScreen


def forwarder() -> Company:
    """本社: general (dedicated 1M, 2 terminals, IDA 300) + netNACCS (2 terminals, EDA 50);
    大阪支店: netNACCS (1 terminal, EDA 20)."""
    head = Office(
        name="本社",
        prefecture="東京都",
        general=GeneralUnit(terminals=2, line=Line(kind="dedicated", speed="1M"), volumes={"IDA": 300}),
        netnaccs=NetnaccsUnit(terminals=2, volumes={"EDA": 50}),
    )
    osaka = Office(name="大阪支店", prefecture="大阪府", netnaccs=NetnaccsUnit(terminals=1, volumes={"EDA": 20}))
    return Company(offices=(head, osaka))


def footer_keys(app) -> set[str]:
    return {b.key for _, b, enabled, _ in app.active_bindings.values() if b.show and enabled}


async def open_navigator(pilot) -> OfficesScreen:
    await pilot.press("f4")
    screen = await wait_for_dialog(pilot, OfficesScreen)
    tree = screen.query_one(Tree)
    app = pilot.app
    await wait_for(
        pilot, lambda: tree.cursor_node is not None and tree.cursor_node.data == app.unit, "the cursor on the unit"
    )
    return screen


async def cursor_to(pilot, screen: OfficesScreen, place) -> None:
    """Arrow down from the top of the tree to ``place`` (office, kind or None)."""
    tree = screen.query_one(Tree)
    await pilot.press("home")
    await wait_for(pilot, lambda: tree.cursor_line == 0, "the cursor at the top")
    while tree.cursor_node is None or tree.cursor_node.data != place:
        line = tree.cursor_line
        await pilot.press("down")
        await wait_for(pilot, lambda line=line: tree.cursor_line == line + 1, "the cursor one line down")


async def wait_for_prefecture(pilot, office: str) -> NameScreen:
    """The dialog that asks the prefecture of ``office`` (after its name)."""
    title = t("nav.prefecture_title", name=office)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NameScreen) and title in screen_text(pilot.app), title)
    return pilot.app.screen


@run_async
async def test_one_unit_has_no_navigator_in_view_until_a_second_office_is_added(tariffs):
    app = NaccsApp(tariffs=tariffs)  # the default: internet + netNACCS, one unit
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.query_one(SummaryBar).lines(90), "the summary")
        assert "f4" not in footer_keys(app)
        assert "[" not in "".join(text for text, _ in app.query_one(SummaryBar).lines(90)[0])
        screen = await open_navigator(pilot)  # F4 works all the same (and the palette has it)
        await pilot.press("a")
        name = await wait_for_dialog(pilot, NameScreen)
        name.query_one(Input).value = "大阪支店"
        await pilot.press("enter")
        # then where it is: a prefecture the contacts know, as typed ("大阪": 大阪府)
        where = await wait_for_prefecture(pilot, "大阪支店")
        where.query_one(Input).value = "大阪"
        await pilot.press("enter")
        await wait_closed(pilot, NameScreen)
        await wait_equal(pilot, lambda: len(app.company.offices), 2, "a second office")
        assert [o.name for o in app.company.offices] == [t("nav.head_office"), "大阪支店"]
        assert app.company.offices[1].netnaccs == NetnaccsUnit() and app.company.offices[1].prefecture == "大阪府"
        assert app.unit == (2, "netnaccs") and app.dirty  # the panes now work on the new office
        await pilot.press("escape")
        await wait_closed(pilot, OfficesScreen)
        await wait_for(pilot, lambda: "f4" in footer_keys(app), "F4 in the footer")
        label = "".join(text for text, _ in app.query_one(SummaryBar).lines(98)[0])
        assert label.startswith(f"[{t('nav.summary_unit', office='大阪支店', unit='netNACCS')}]")
        assert screen is not None


@run_async
async def test_enter_on_a_unit_makes_the_panes_work_on_it(tariffs):
    app = NaccsApp(company=forwarder(), tariffs=tariffs)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.unit == (1, "general")
        # 本社 general: line 36,000 + router 5,200 = 41,200; A = 41,200 + 2 × 5,000 + 300 × 85 = 76,700
        #                                                     B = 41,200 + 300 × 100 = 71,200
        assert (app.quote.monthly("A"), app.quote.monthly("B")) == (76_700, 71_200)
        screen = await open_navigator(pilot)
        await cursor_to(pilot, screen, (1, "netnaccs"))
        await pilot.press("enter")
        await wait_closed(pilot, OfficesScreen)
        await wait_equal(pilot, lambda: app.unit, (1, "netnaccs"), "the head office's netNACCS unit")
        # 本社 netNACCS: A = 2 × 5,000 + 50 × 69 = 13,450; B = 50 × 80 = 4,000 (no line; the
        # office's options are counted once, in the company view, not in a unit's plans)
        assert (app.quote.monthly("A"), app.quote.monthly("B")) == (13_450, 4_000)
        assert app.scenario.usage.method == "netnaccs" and app.scenario.volumes == {"EDA": 50}
        # the company: 71,200 + 4,000 + Osaka B 20 × 80 = 1,600 -> 76,800 a month with auto plans
        await wait_for_text(pilot, lambda: screen_text(app), "76,800", what="the company total in the summary")


@run_async
async def test_p_sets_the_plan_of_the_unit_under_the_cursor_and_d_removes_it(tariffs):
    app = NaccsApp(company=forwarder(), tariffs=tariffs)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.company_quote.monthly() == 71_200 + 4_000 + 1_600
        screen = await open_navigator(pilot)
        await cursor_to(pilot, screen, (2, "netnaccs"))
        await pilot.press("p")  # auto -> A: Osaka pays 5,000 + 20 × 69 = 6,380 instead of 1,600
        await wait_equal(pilot, lambda: app.company.offices[1].netnaccs.plan, "A", "Osaka on Plan A")
        assert app.company_quote.monthly() == 71_200 + 4_000 + 6_380
        tree = screen.query_one(Tree)
        assert tree.cursor_node.data == (2, "netnaccs")  # the cursor stays where it was
        await pilot.press("p", "p")  # A -> B -> auto
        await wait_equal(pilot, lambda: app.company.offices[1].netnaccs.plan, "auto", "back to auto")
        await cursor_to(pilot, screen, (1, "netnaccs"))
        await pilot.press("d")
        await wait_for_dialog(pilot, ConfirmScreen)
        await pilot.press("escape")  # cancelled: nothing removed
        await wait_closed(pilot, ConfirmScreen)
        await processed(pilot, app)
        assert app.company.offices[0].netnaccs is not None
        await pilot.press("d")
        confirm = await wait_for_dialog(pilot, ConfirmScreen)
        confirm.query_one("#answer-remove").press()
        await wait_equal(pilot, lambda: app.company.offices[0].netnaccs, None, "the unit removed")
        assert app.company_quote.monthly() == 71_200 + 1_600
        await cursor_to(pilot, screen, (2, "netnaccs"))
        await pilot.press("d")  # Osaka's only unit: refused, said why
        await wait_for(
            pilot, lambda: any(t("nav.refused.last_unit") == n.message for n in app._notifications), "the refusal"
        )
        assert len(app.company.offices) == 2 and app.company.offices[1].netnaccs is not None


@run_async
async def test_edits_in_the_panes_go_into_the_selected_unit_and_its_office(tariffs, tmp_path):
    path = tmp_path / "company.toml"
    app = NaccsApp(company=forwarder(), tariffs=tariffs, path=path)
    app.new_file = True
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_navigator(pilot)
        await cursor_to(pilot, screen, (2, "netnaccs"))
        await pilot.press("enter")
        await wait_closed(pilot, OfficesScreen)
        app.post_message(ScenarioEdited.section("usage", None, terminals=3, user_codes=2))
        await wait_equal(pilot, lambda: app.company.offices[1].netnaccs.terminals, 3, "3 terminals in Osaka")
        assert app.company.offices[1].user_codes == 2 and app.company.offices[0].netnaccs.terminals == 2
        # interactive for a netNACCS unit moves it to the general place: free in Osaka
        app.post_message(ScenarioEdited.section("usage", "method", method="interactive"))
        await wait_equal(pilot, lambda: app.unit, (2, "general"), "Osaka's unit now the general one")
        assert app.company.offices[1].netnaccs is None and app.scenario.line.kind != "internet"
        # ... but not in the head office, which has both: refused, nothing changes
        screen = await open_navigator(pilot)
        await cursor_to(pilot, screen, (1, "netnaccs"))
        await pilot.press("enter")
        await wait_closed(pilot, OfficesScreen)
        before = app.company
        app.post_message(ScenarioEdited.section("usage", "method", method="interactive"))
        await wait_for(pilot, lambda: any("一般NACCS" in n.message for n in app._notifications), "the refusal")
        assert app.company == before and app.unit == (1, "netnaccs")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: path.exists() and not app.dirty, "the save")
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["schema"] == 2 and [o["name"] for o in data["office"]] == ["本社", "大阪支店"]
    assert data["office"][1]["general"]["terminals"] == 3 and "netnaccs" not in data["office"][1]


@run_async
async def test_every_unit_line_fits_the_navigator_at_80_columns():
    """A long case in both languages: a 10M dedicated line with 12 terminals held on Plan A while
    Plan B is cheaper (no volumes: A is 12 x 5,000 = 60,000 more), a broadband unit on fiber, a
    WebNACCS unit. The tree never needs a sideways scroll: every line is whole."""
    big = Office(
        name="東京本社",
        general=GeneralUnit(terminals=12, plan="A", line=Line(kind="dedicated", speed="10M")),
        netnaccs=NetnaccsUnit(method="webnaccs", terminals=12, plan="A"),
    )
    fiber = Office(name="横浜支店", general=GeneralUnit(terminals=12, plan="A", line=Line(kind="broadband")))
    for lang in ("ja", "en"):
        app = NaccsApp(company=Company(offices=(big, fiber)), lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_navigator(pilot)
            tree = screen.query_one(Tree)
            await wait_for(pilot, lambda tree=tree: tree.last_line >= 5, "every unit in the tree")
            # Plan B is the cheaper one of each unit, and the lines say so
            await wait_for_text(pilot, lambda app=app: screen_text(app), t("nav.cheaper_is", plan="B"))
            width = tree.scrollable_content_region.width
            assert width > 0 and tree.virtual_size.width <= width, (lang, tree.virtual_size.width, width)


@run_async
async def test_a_refused_name_keeps_the_dialog_open_with_the_reason(tariffs):
    app = NaccsApp(company=forwarder(), tariffs=tariffs)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_navigator(pilot)
        await pilot.press("a")
        dialog = await wait_for_dialog(pilot, NameScreen)
        field = dialog.query_one(Input)
        field.value = "本社"  # taken: said under the field, the name stays to be changed
        await pilot.press("enter")
        error = dialog.query_one("#name-error")
        await wait_for_text(pilot, lambda: screen_text(app), t("nav.refused.name_taken", name="本社"))
        assert error.display and app.screen is dialog and field.value == "本社"
        assert len(app.company.offices) == 2  # nothing changed
        field.value = "神戸営業所"
        await pilot.press("enter")
        await wait_for_prefecture(pilot, "神戸営業所")
        await pilot.press("enter")  # left empty: no prefecture for now
        await wait_closed(pilot, NameScreen)
        await wait_equal(
            pilot, lambda: [o.name for o in app.company.offices], ["本社", "大阪支店", "神戸営業所"], "added"
        )
