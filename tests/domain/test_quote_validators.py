"""The quote command validates each file once, with one validator per file (domain models built
with defer_build): the company of a schema-1 file is validated whole, not class by class, and
says the same as the company built class by class."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from naccs_tui.domain.company import Company, GeneralUnit, NetnaccsUnit, Office, from_scenario
from naccs_tui.domain.scenario import Scenario, load_scenario, to_toml_dict
from naccs_tui.domain.tariffs import load_tariffs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCHEMA_1 = [p for p in sorted(EXAMPLES.glob("*.toml")) if "schema = 2" not in p.read_text("utf-8")]


def _class_by_class(s: Scenario) -> Company:
    """The company of a scenario as built before: each unit, office and the company constructed."""
    u = s.usage
    fields = {"terminals": u.terminals, "volumes": dict(s.volumes), "season": s.season, "months": dict(s.months)}
    general = GeneralUnit(line=s.line, **fields) if u.method == "interactive" else None
    netnaccs = None if general else NetnaccsUnit(method=u.method, **fields)
    options = {"user_codes": u.user_codes, "paid_statistics": u.paid_statistics, "bonded_storage": u.bonded_storage}
    office = Office(prefecture=s.prefecture, general=general, netnaccs=netnaccs, **options)
    return Company(name=s.name, offices=(office,), schedule=s.schedule)


def _scenarios() -> list[Scenario]:
    tariffs = load_tariffs()
    found = [load_scenario(p, tariffs) for p in SCHEMA_1]
    found.append(Scenario.model_validate({"usage": {"method": "netnaccs", "terminals": 4, "paid_statistics": True}}))
    return found


def test_there_are_schema_1_examples_of_both_kinds_of_unit():
    methods = {s.usage.method for s in _scenarios()}
    assert "interactive" in methods and methods - {"interactive"}


@pytest.mark.parametrize("s", _scenarios(), ids=lambda s: s.name or s.usage.method)
def test_the_company_of_a_scenario_is_the_one_built_class_by_class(s):
    whole, built = from_scenario(s), _class_by_class(s)
    assert whole == built
    assert whole.model_fields_set == built.model_fields_set
    (office,), (expected,) = whole.offices, built.offices
    assert office.model_fields_set == expected.model_fields_set
    unit, expected_unit = office.units()[0][1], expected.units()[0][1]
    assert type(unit) is type(expected_unit) and unit.model_fields_set == expected_unit.model_fields_set


@pytest.mark.parametrize("s", _scenarios(), ids=lambda s: s.name or s.usage.method)
def test_the_file_form_of_usage_is_its_model_dump(s):
    assert to_toml_dict(s)["usage"] == s.usage.model_dump()


def test_a_quote_builds_one_validator_per_file(tmp_path):
    code = (
        "import sys\nfrom naccs_tui.cli import main\nmain(['quote', sys.argv[1]])\n"
        "from pydantic import BaseModel\nfrom pydantic._internal._mock_val_ser import MockValSer\n"
        "def every(cls):\n    for sub in cls.__subclasses__():\n        yield sub\n        yield from every(sub)\n"
        "built = {c.__name__ for c in every(BaseModel) if c.__module__.startswith('naccs_tui')"
        " and not isinstance(c.__dict__.get('__pydantic_validator__'), (MockValSer, type(None)))}\n"
        "print(sorted(built), file=sys.stderr)"
    )
    example = str(EXAMPLES / "customs-broker.toml")
    out = subprocess.run(
        [sys.executable, "-c", code, example], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr[-2000:]
    # the tariffs, the scenario file, the offices (its prefecture is checked) and the company
    assert out.stderr.splitlines()[-1] == "['Company', 'Offices', 'Scenario', 'Tariffs']"
