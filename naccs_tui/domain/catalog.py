"""Where each line option is offered today, and which of its fees nobody published.

The introduction guide's fee table and NACCS's current "how to use" page (section (1) アクセス回線)
list different line options. tariffs.toml records, per option, each place that lists it with its
source (`offered`). An option the access page does not list (the guide's 64k and 128k dedicated
lines, ADSL) stays quotable, but the interface says so wherever it is chosen or shown; an option
the page lists with no fee anywhere (0.5M) is quoted with those fees unknown, never as 0.

A tariffs file from before the catalog (no ``[access_page]``) takes the shipped file's catalog
for the options both have, so an older user file still says which options are unlisted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .scenario import Line
from .tariffs import SHIPPED_NAME, AccessPage, Offered, Tariffs, data_file, load_tariffs

FEE_GROUPS = ("initial", "line", "router")
"""The fees of a dedicated speed that may be unknown: initial, monthly line usage, router."""


@dataclass(frozen=True, slots=True)
class Offering:
    """One line option and where it is offered."""

    kind: str  # "internet" | "dedicated" | "broadband"
    name: str  # the speed ("1M") or the medium ("fiber"); "" for the internet
    offered: Offered | None  # None: the tariffs do not say
    page: AccessPage | None  # the access page the option is checked against

    @property
    def listed(self) -> bool | None:
        """On the current access page (None: not recorded in the tariffs in use)."""
        if self.page is None:
            return None
        return self.offered is not None and self.offered.access_page is not None

    @property
    def in_guide(self) -> bool:
        return self.offered is not None and self.offered.guide is not None


@lru_cache(maxsize=1)
def _shipped() -> Tariffs:
    return load_tariffs(data_file(SHIPPED_NAME))


def _own(t: Tariffs, kind: str, name: str) -> Offered | None:
    if kind == "internet":
        return t.internet.offered if t.internet else None
    if kind == "dedicated":
        speed = t.dedicated.speeds.get(name)
        return speed.offered if speed else None
    medium = t.broadband.media.get(name)  # type: ignore[call-overload]
    return medium.offered if medium else None


def access_page(t: Tariffs) -> AccessPage | None:
    """The access page of the tariffs in use (an older file: the shipped one's)."""
    return t.access_page if t.access_page is not None else _shipped().access_page


def option(t: Tariffs, kind: str, name: str = "") -> Offering:
    """Where the option ``kind``/``name`` is offered, by the tariffs in use."""
    if t.access_page is not None:
        return Offering(kind, name, _own(t, kind, name), t.access_page)
    shipped = _shipped()  # an older file: the shipped catalog, for the options it has
    offered = _own(shipped, kind, name)
    return Offering(kind, name, offered or _own(t, kind, name), shipped.access_page if offered else None)


def name_of(line: Line) -> str:
    """The option's name within its kind: the speed, the medium, or "" for the internet."""
    return line.speed if line.kind == "dedicated" else line.medium if line.kind == "broadband" else ""


def offering(line: Line, t: Tariffs) -> Offering:
    """Where the line's option (its speed or medium) is offered."""
    return option(t, line.kind, name_of(line))


def unlisted(line: Line, t: Tariffs) -> bool:
    """The line's option is not on NACCS's current access page (as far as the tariffs record)."""
    return offering(line, t).listed is False


def unpublished(t: Tariffs, speed: str) -> tuple[str, ...]:
    """The fee groups of a dedicated speed that no source gives (``FEE_GROUPS``), in that order."""
    d = t.dedicated
    if speed not in d.speeds:
        return ()
    known = {"initial": d.initial_fees(speed), "line": d.speeds[speed].line, "router": d.router_fees(speed)}
    return tuple(g for g in FEE_GROUPS if known[g] is None)


def options(t: Tariffs) -> list[Offering]:
    """Every line option of the tariffs in use, in file order: the internet, speeds, media."""
    out = [option(t, "internet")]
    out += [option(t, "dedicated", name) for name in t.dedicated.speeds]
    out += [option(t, "broadband", name) for name in t.broadband.media]
    return out
