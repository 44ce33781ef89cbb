"""The comparison reports as typed data: scenarios side by side (render/compare.py) and companies
side by side (render/company_compare.py), read by their formats and the compare screen
(ui/screens/compare.py). Each field is named as its JSON key, in the JSON's order, so ``as_dict``
(render/report_blocks.py) gives the JSON form.
"""

from __future__ import annotations

from dataclasses import dataclass

from .report_blocks import Block


@dataclass(frozen=True, slots=True)
class CompareTax(Block):
    included: bool
    rate_percent: int


@dataclass(frozen=True, slots=True)
class ScenarioColumn(Block):
    """One scenario: its line and method, each plan's monthly and N-month total, the cheaper, the
    initial fee, the start dates (ISO), the difference from the first, its line's notices."""

    label: str
    name: str | None
    line: str
    method: str
    monthly_a: int
    monthly_b: int
    cheaper: str
    initial: int
    total_a: int
    total_b: int
    total: int
    start: str
    latest_start: str
    diff: int
    complete: bool
    unlisted: bool
    notices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CompareReport(Block):
    """What `compare` prints for files of one unit each."""

    months: int
    tax: CompareTax
    sample_prices: bool
    warnings: tuple[str, ...]
    scenarios: tuple[ScenarioColumn, ...]


@dataclass(frozen=True, slots=True)
class CompanyColumn(Block):
    """One company: its counts, its monthly per plan mix, initial, N-month total (chosen plans),
    start dates (ISO) and the difference from the first."""

    label: str
    name: str | None
    offices: int
    units: int
    chosen: int
    all_a: int
    all_b: int
    best_per_unit: int
    initial: int
    total: int
    start: str
    latest_start: str
    diff: int
    complete: bool


@dataclass(frozen=True, slots=True)
class CompanyCompareReport(Block):
    """What `compare` prints when a company of several units is among the files."""

    months: int
    tax: CompareTax
    sample_prices: bool
    warnings: tuple[str, ...]
    companies: tuple[CompanyColumn, ...]
