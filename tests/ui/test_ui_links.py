"""Reference pages are links: Enter or a click opens the browser (App.open_url), c copies the URL."""

from __future__ import annotations

from helpers import run_async, wait_for
from textual.widgets import TabbedContent

from naccs_tui.domain.company import from_scenario
from naccs_tui.domain.scenario import Scenario
from naccs_tui.ui.app import NaccsApp
from naccs_tui.ui.widgets.link import Link


class Recording(NaccsApp):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opened: list[str] = []
        self.copied: list[str] = []

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append(url)

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


@run_async
async def test_reference_links_open_and_copy():
    app = Recording(from_scenario(Scenario().replace(None, prefecture="東京都")), lang="ja")
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#tabs", TabbedContent).active = "contacts"
        await wait_for(pilot, lambda: len(app.query(Link)) >= 5, "the reference links")
        links = list(app.query(Link))
        assert links[0].url == "https://bbs.naccscenter.com/naccs/dfw/web/"  # FACTS §6, the board's top
        links[1].focus()
        await wait_for(pilot, lambda: app.focused is links[1], "the second link to have focus")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.opened == [links[1].url], "Enter to open the page")
        await pilot.press("c")
        await wait_for(pilot, lambda: app.copied == [links[1].url], "c to copy the URL")
        await pilot.click(links[2])
        await wait_for(pilot, lambda: app.opened[-1:] == [links[2].url], "a click to open the page")


@run_async
async def test_source_pages_in_the_plans_pane_are_links():
    app = Recording(from_scenario(Scenario()), lang="en")
    async with app.run_test(size=(100, 40)) as pilot:
        app.query_one("#tabs", TabbedContent).active = "plans"
        faq = "https://bbs.naccscenter.com/naccs/dfw/web/qanda/docs-keiyaku/2014012300445/"
        await wait_for(pilot, lambda: any(link.url == faq for link in app.query(Link)), "the FAQ as a link")
        link = next(link for link in app.query(Link) if link.url == faq)
        link.focus()
        await wait_for(pilot, lambda: app.focused is link, "the link to have focus")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.opened == [faq], "Enter to open the FAQ")
