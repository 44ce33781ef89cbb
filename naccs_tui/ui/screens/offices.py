"""OfficesScreen: the office/unit navigator, a tree of company -> offices -> units.

Enter on a unit makes the other panes work on it; keys add, rename and remove offices, set an
office's prefecture, add and remove units and set a unit's plan. Every change is posted to the app (``CompanyEdited``,
``UnitChosen``); the tree follows the app's company through ``data_bind`` and keeps the cursor on
the office or unit it was on.

Late imports: the name and confirmation dialogs load when a key first asks for one; the
navigator (and the company view that imports it) does not need them (start-up time).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Label, Static, Tree
from textual.widgets.tree import TreeNode

from ...domain.company import Company, PlanChoice, UnitKind
from ...domain.company_edit import EditRefused, add_office, rename_office
from ...domain.company_quote import MIXES, CompanyQuote
from ...i18n import t
from ...render.catalog import total_text
from ...render.labels import office_name, refusal_text, yen
from ...render.table import cell_width
from ...render.verdict import CHEAPER
from ..messages import CompanyEdited, UnitChosen
from ..state import (
    AddOffice,
    AddUnit,
    CompanyOp,
    RemoveOffice,
    RemoveUnit,
    RenameOffice,
    SetPlan,
    SetPrefecture,
    check,
)
from .prefecture import ask_prefecture, full_prefecture

Place = tuple[int, UnitKind | None]
"""A node of the tree: (office from 1, its unit or None for the office itself); (0, None): the company."""
NEXT_PLAN: dict[str, PlanChoice] = {"auto": "A", "A": "B", "B": "auto"}


def unit_text(q: CompanyQuote, office: int, kind: UnitKind, selected: bool) -> str:
    """One unit's line: what it is, its terminals, the plan it is on (and why) and its monthly."""
    u = next(x for x in q.units if (x.office, x.kind) == (office, kind))
    plan = t("company.plan_auto" if u.choice == "auto" else "company.plan_fixed", plan=u.plan)
    cheaper = f" {CHEAPER}" if u.plan == u.best else " " + t("nav.cheaper_is", plan=u.best)
    figures = {"mark": "▶ " if selected else "", "n": u.scenario.usage.terminals, "plan": plan + cheaper}
    figures["yen"] = total_text(u.monthly(), u.quote.plan(u.plan).monthly_complete, short=True)
    if kind == "netnaccs":  # the unit is its method: netNACCS or WebNACCS
        return t("nav.net_line", method=t(f"method.{u.scenario.usage.method}"), **figures)
    ln = u.scenario.line  # in short, so that the line fits at 80 columns (the rest is on the setup tab)
    if ln.kind == "broadband":  # the medium says it (光回線, ADSL)
        setup = t("nav.broadband", medium=t(f"medium.{ln.medium}"))
    else:
        setup = t("nav.dedicated", speed=ln.speed)
    return t("nav.unit_line", unit=t("nav.unit.general"), setup=setup, **figures)


class OfficesScreen(ModalScreen[None]):
    """The navigator; Escape closes it."""

    BINDINGS = [
        Binding("escape", "close", show=False),
        Binding("a", "add_office", show=False),
        Binding("r", "rename", show=False),
        Binding("k", "prefecture", show=False),
        Binding("g", "add_unit('general')", show=False),
        Binding("n", "add_unit('netnaccs')", show=False),
        Binding("p", "cycle_plan", show=False),
        Binding("delete,d", "remove", show=False),
    ]

    company: reactive[Company | None] = reactive(None)
    """The app's company (bound)."""
    company_quote: reactive[CompanyQuote | None] = reactive(None)
    """The app's company quote (bound): the figures on each unit's line."""
    unit: reactive[tuple[int, UnitKind]] = reactive((1, "netnaccs"))
    """The unit the panes work on (bound)."""

    def __init__(self, company: Company, company_quote: CompanyQuote, unit: tuple[int, UnitKind]) -> None:
        super().__init__()
        self.set_reactive(OfficesScreen.company, company)
        self.set_reactive(OfficesScreen.company_quote, company_quote)
        self.set_reactive(OfficesScreen.unit, unit)
        self._place: Place = unit
        self._pending = False
        self._places: dict[Place, TreeNode[Place]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -offices"):
            yield Label(t("nav.title"), classes="dialog-title")
            tree = Tree[Place](self._root_label(), data=(0, None), id="offices-tree")
            tree.guide_depth = 3  # a unit's line fits the tree at 80 columns
            yield tree
            yield Static(id="offices-totals")
            yield Static(t("nav.keys"), classes="dialog-hint", id="offices-keys")

    def on_mount(self) -> None:
        self._rebuild()
        self.query_one(Tree).focus()

    def _root_label(self) -> str:
        c = self.company
        if c is None:
            return ""
        return t("nav.company_line", name=c.name or t("company.name"), offices=len(c.offices), units=len(c.units()))

    def _totals(self, q: CompanyQuote) -> str:
        """The company's monthly with the chosen plans, all A, all B and the cheaper plan per unit,
        one to a line, the amounts aligned."""
        names = {m: t(f"company.mix.{m}") for m in MIXES}
        width = max(cell_width(n) for n in names.values())
        whole = all(u.quote.a.monthly_complete for u in q.units)
        amounts = {m: total_text(q.monthly(m), whole, short=True) for m in names}
        right = max(len(a) for a in amounts.values())
        rows = [f"  {n}{' ' * (width - cell_width(n))}  {amounts[m]:>{right}}" for m, n in names.items()]
        return "\n".join([t("nav.totals"), *rows])

    def watch_company_quote(self) -> None:
        self._rebuild_soon()

    def watch_unit(self) -> None:
        self._rebuild_soon()

    def _rebuild_soon(self) -> None:
        """Once the app has set all it changes (company, quote, unit arrive one by one): rebuild once."""
        if self.is_mounted and not self._pending:
            self._pending = True
            self.call_later(self._rebuild)

    def _labels(self, c: Company, q: CompanyQuote) -> list[tuple[Place, str]]:
        """Every office and unit of the tree, in order, with its line."""
        out: list[tuple[Place, str]] = []
        for i, office in enumerate(c.offices, 1):
            where = f"（{office.prefecture}）" if office.prefecture else ""
            options = q.offices[i - 1].options
            extra = f" · {t('nav.options', yen=yen(options))}" if options else ""
            out.append(
                ((i, None), t("nav.office_line", name=office_name(c, i), where=where, codes=office.user_codes) + extra)
            )
            out += [((i, kind), unit_text(q, i, kind, (i, kind) == self.unit)) for kind, _ in office.units()]
        return out

    def _rebuild(self) -> None:
        """Draw the tree from the company. The same offices and units: only the lines change, the
        cursor stays. Others: the tree is drawn anew, the cursor on its office or unit (or, when
        that is gone, on the selected unit)."""
        self._pending = False
        c, q = self.company, self.company_quote
        if c is None or q is None or len(q.offices) != len(c.offices):
            return
        tree: Tree[Place] = self.query_one(Tree)
        tree.root.set_label(self._root_label())
        self.query_one("#offices-totals", Static).update(self._totals(q))
        labels = self._labels(c, q)
        if [place for place, _ in labels] == list(self._places):
            for place, label in labels:
                self._places[place].set_label(label)
            return
        tree.clear()
        tree.root.expand()
        self._places = {}
        for place, label in labels:
            office, kind = place
            if kind is None:
                self._places[place] = tree.root.add(label, data=place, expand=True)
            else:
                self._places[place] = self._places[(office, None)].add_leaf(label, data=place)
        target = self._places.get(self._place) or self._places.get(self.unit) or tree.root
        self.call_after_refresh(tree.move_cursor, target)

    # ---- where the cursor is ---------------------------------------------------------------
    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Place]) -> None:
        if event.node.data is not None:
            self._place = event.node.data

    def on_tree_node_selected(self, event: Tree.NodeSelected[Place]) -> None:
        event.stop()
        office, kind = event.node.data or (0, None)
        if kind is not None:
            self.post_message(UnitChosen(office, kind))
            self.dismiss(None)

    def _office(self) -> int:
        """The office under the cursor (on the company line: the selected unit's office)."""
        return self._place[0] or self.unit[0]

    # ---- edits -----------------------------------------------------------------------------
    def _edit(self, op: CompanyOp, note: str | None = None) -> None:
        self.post_message(CompanyEdited(op, note))

    def action_add_office(self) -> None:
        from .name import NameScreen

        def added(name: str | None) -> None:
            if name:  # then where it is (its NACCS contact); empty or Esc: none for now

                def placed(prefecture: str | None) -> None:
                    first = t("nav.head_office")
                    self._place = (0, None)
                    op = AddOffice(name, "netnaccs", first, full_prefecture(prefecture))
                    self._edit(op, t("nav.added_office", name=name))

                ask_prefecture(self.app, name, "", placed)

        c = self.company
        hint = t("nav.add_office_hint")
        if c is not None and len(c.offices) == 1 and c.offices[0].name is None:
            hint += " " + t("nav.add_office_first", name=t("nav.head_office"))
        check = self._refusal(lambda c, name: add_office(c, name, "netnaccs", first_name=t("nav.head_office")))
        self.app.push_screen(NameScreen(t("nav.add_office_title"), hint=hint, check=check), added)

    def _refusal(self, edit: Callable[[Company, str], object]) -> Callable[[str], str | None]:
        """What the rules would say to ``edit`` with a name on the company shown, or None: asked
        while the name is typed, so that a refused name can be changed in place."""

        def check(name: str) -> str | None:
            if self.company is None:
                return None
            try:
                edit(self.company, name)
            except EditRefused as exc:
                return refusal_text(exc.code, exc.params)
            return None

        return check

    def action_rename(self) -> None:
        from .name import NameScreen

        c, office = self.company, self._office()
        if c is None:
            return
        old = c.offices[office - 1].name or ""

        def renamed(name: str | None) -> None:
            if name and name != old:
                self._edit(RenameOffice(office, name))

        check = self._refusal(lambda c, name: name == old or rename_office(c, office, name))
        self.app.push_screen(NameScreen(t("nav.rename_title", name=office_name(c, office)), old, check=check), renamed)

    def action_prefecture(self) -> None:
        c, office = self.company, self._office()
        if c is None:
            return
        name = office_name(c, office)

        def answered(prefecture: str | None) -> None:
            if prefecture:
                full = full_prefecture(prefecture)
                self._edit(SetPrefecture(office, full), t("nav.prefecture_set", name=name, prefecture=full))

        ask_prefecture(self.app, name, c.offices[office - 1].prefecture or "", answered)

    def action_add_unit(self, kind: UnitKind) -> None:
        office = self._office()
        self._place = (office, kind)
        self._edit(AddUnit(office, kind))

    def action_cycle_plan(self) -> None:
        office, kind = self._place
        c = self.company
        if kind is None or c is None:
            self.notify(t("nav.plan_on_unit"), severity="warning")
            return
        unit = c.offices[office - 1].general if kind == "general" else c.offices[office - 1].netnaccs
        if unit is not None:
            plan = NEXT_PLAN[unit.plan]
            self._edit(SetPlan(office, kind, plan))

    def action_remove(self) -> None:
        from .confirm import ConfirmScreen

        office, kind = self._place
        c = self.company
        if c is None or office == 0:
            return
        name = office_name(c, office)
        what = (
            t("nav.remove_unit_q", office=name, unit=t(f"company.unit.{kind}"))
            if kind
            else t("nav.remove_office_q", office=name)
        )

        edit: CompanyOp = RemoveUnit(office, kind) if kind else RemoveOffice(office)
        try:  # what the rules refuse is said now, not after asking
            check(c, edit)
        except EditRefused as exc:
            self.notify(refusal_text(exc.code, exc.params), severity="warning")
            return

        def answered(answer: str | None) -> None:
            if answer == "remove":
                self._edit(edit)

        answers = [("remove", t("nav.remove_yes"), "warning"), ("cancel", t("dialog.cancel"), "default")]
        self.app.push_screen(ConfirmScreen(t("nav.remove_title"), what, answers), answered)

    def action_close(self) -> None:
        self.dismiss(None)
