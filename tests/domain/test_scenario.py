"""The scenario file format: parsing, defaults, rules, errors, round trip, atomic save."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import Scenario, dumps, load_scenario, parse_scenario, save_scenario, to_toml_dict

ISSUE_EXAMPLE = """
schema = 1
name = "Example office"
prefecture = "神奈川県"
[line]
kind = "dedicated"
speed = "1M"
medium = "fiber"
router = "standard"
maintenance = "weekdays"
ping_monitoring = false
lines = 1
[usage]
method = "interactive"
terminals = 1
user_codes = 1
paid_statistics = false
bonded_storage = false
[volumes]
IDA = 120
[schedule]
applied = 2026-12-01
closure = ["12-29", "01-03"]
"""


def parse(text: str, tariffs) -> Scenario:
    return parse_scenario(tomllib.loads(text), "s.toml", tariffs)


def error(text: str, tariffs) -> str:
    with pytest.raises(InputError) as info:
        parse(text, tariffs)
    return info.value.line()


def test_issue_example_parses(tariffs):
    s = parse(ISSUE_EXAMPLE, tariffs)
    assert s.line.kind == "dedicated" and s.line.speed == "1M"
    assert s.usage.method == "interactive" and s.volumes == {"IDA": 120}
    assert s.schedule.applied == date(2026, 12, 1)
    assert s.prefecture == "神奈川県"


def test_defaults(tariffs):
    s = parse("", tariffs)
    assert (s.line.kind, s.usage.method, s.usage.terminals, s.usage.user_codes) == ("internet", "netnaccs", 1, 1)
    assert s.schedule.applied is None and s.schedule.closure == ("12-29", "01-03")
    assert s.volumes == {}


def test_keys_that_do_not_apply_are_ignored_and_not_written(tariffs):
    s = parse('[line]\nkind = "internet"\nspeed = "10M"\nrouter = "spare"\n', tariffs)
    assert to_toml_dict(s)["line"] == {"kind": "internet"}
    s = parse('[line]\nkind = "broadband"\nspeed = "64k"\n[usage]\nmethod = "interactive"\n', tariffs)
    assert "speed" not in to_toml_dict(s)["line"]
    assert to_toml_dict(s)["line"]["medium"] == "fiber"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[line]\nkind = "dedicated"\n[usage]\nmethod = "netnaccs"\n',
            "s.toml: usage.method: netnaccs needs the internet line (line.kind = dedicated)",
        ),
        (
            '[usage]\nmethod = "interactive"\n',
            "s.toml: usage.method: interactive needs a dedicated or broadband line (line.kind = internet)",
        ),
        (
            '[line]\nkind = "broadband"\n[usage]\nmethod = "webnaccs"\n',
            "s.toml: usage.method: webnaccs needs the internet line",
        ),
        (
            '[line]\nkind = "dedicated"\nspeed = "128k"\nrouter = "redundant"\n[usage]\nmethod = "interactive"\n',
            "s.toml: line.router: redundancy is offered only on dedicated lines of 1M or more (speed = 128k)",
        ),
        (
            '[line]\nkind = "broadband"\nrouter = "redundant"\n[usage]\nmethod = "interactive"\n',
            "s.toml: line.router: redundancy is offered only on dedicated lines",
        ),
        (
            '[line]\nkind = "broadband"\nping_monitoring = true\n[usage]\nmethod = "interactive"\n',
            "s.toml: line.ping_monitoring: ping monitoring is offered only on dedicated lines",
        ),
        (
            '[line]\nkind = "dedicated"\nspeed = "2M"\n[usage]\nmethod = "interactive"\n',
            "s.toml: line.speed: unknown speed '2M' (choose 64k, 128k, 0.5M, 1M, 3M, 5M, 10M)",
        ),
        ("[volumes]\nIDAA = 3\n", 's.toml: volumes.IDAA: unknown operation code (did you mean "IDA"?)'),
        ("[usage]\ntermnals = 3\n", 's.toml: usage.termnals: unknown key (did you mean "terminals"?)'),
        ("colour = 1\n", "s.toml: colour: unknown key"),
        ("[usage]\nterminals = 0\n", "s.toml: usage.terminals: Input should be greater than or equal to 1"),
        ("[usage]\nterminals = 1.5\n", "s.toml: usage.terminals: Input should be a valid integer"),
        ('[usage]\nterminals = "3"\n', "s.toml: usage.terminals: Input should be a valid integer"),
        ("[volumes]\nIDA = -1\n", "s.toml: volumes.IDA: Input should be greater than or equal to 0"),
        ("[volumes]\nIDA = 9999999999999\n", "s.toml: volumes.IDA: Input should be less than or equal to 1000000"),
        ("[line]\nlines = 0\n", "s.toml: line.lines: Input should be greater than or equal to 1"),
        (
            '[line]\nkind = "satellite"\n',
            "s.toml: line.kind: unknown kind 'satellite' (choose internet, dedicated, broadband)",
        ),
        ("schema = 2\n", "s.toml: schema: unknown schema 2 (choose 1)"),
        ('[schedule]\nclosure = ["13-01", "01-03"]\n', "s.toml: schedule.closure: 13-01 is not a day of the year"),
        ('[schedule]\napplied = "tomorrow"\n', "s.toml: schedule.applied: expected a date like 2026-12-01"),
        ('prefecture = "東京"\n', 's.toml: prefecture: unknown prefecture (did you mean "東京都"?)'),
    ],
)
def test_bad_values_name_file_and_field(text, expected, tariffs):
    assert error(text, tariffs).startswith(expected)


def test_an_unknown_operation_names_the_tariffs_file_in_use(tariffs):
    from naccs_tui.domain.tariffs import data_file

    assert error("[volumes]\nEDX = 3\n", tariffs) == (
        f's.toml: volumes.EDX: unknown operation code (did you mean "EDC"?) '
        f"(not in the tariffs in use: {data_file('tariffs.toml')})"
    )


def test_round_trip_keeps_the_scenario(tmp_path, tariffs):
    s = parse(ISSUE_EXAMPLE, tariffs).replace("usage", terminals=4, paid_statistics=True).with_volume("EDC", 7)
    path = tmp_path / "a.toml"
    save_scenario(s, path)
    assert load_scenario(path, tariffs) == s
    assert tomllib.loads(path.read_text("utf-8"))["volumes"] == {"IDA": 120, "EDC": 7}


def test_save_never_overwrites_without_asking(tmp_path, tariffs):
    path = tmp_path / "a.toml"
    path.write_text("precious", "utf-8")
    with pytest.raises(InputError, match="file exists"):
        save_scenario(Scenario(), path)
    assert path.read_text("utf-8") == "precious"
    save_scenario(Scenario(), path, overwrite=True)
    assert load_scenario(path, tariffs) == Scenario()
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]  # no temp file left behind


def test_dumps_is_valid_toml_with_schema_first():
    text = dumps(Scenario())
    assert text.startswith("schema = 1")
    assert tomllib.loads(text)["usage"]["method"] == "netnaccs"
