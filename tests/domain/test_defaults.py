"""Defaults follow the line (an omitted method), and every "unknown value" error lists the choices."""

from __future__ import annotations

import tomllib

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.scenario import Scenario, parse_scenario
from naccs_tui.domain.tariffs import data_file, parse_tariffs


def parse(text: str, tariffs) -> Scenario:
    return parse_scenario(tomllib.loads(text), "s.toml", tariffs)


def error(text: str, tariffs) -> str:
    with pytest.raises(InputError) as info:
        parse(text, tariffs)
    return info.value.line()


# ---- an omitted method follows the line ----


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ('[line]\nkind = "dedicated"\n', "interactive"),
        ('[line]\nkind = "broadband"\n', "interactive"),
        ('[line]\nkind = "internet"\n', "netnaccs"),
        ("", "netnaccs"),
        ('[line]\nkind = "dedicated"\n[usage]\nterminals = 2\n', "interactive"),
        ('[line]\nkind = "broadband"\nmedium = "adsl"\n[usage]\npaid_statistics = true\n', "interactive"),
    ],
)
def test_an_omitted_method_follows_the_line(text, method, tariffs):
    s = parse(text, tariffs)
    assert s.usage.method == method
    assert s.usage.terminals == (2 if "terminals" in text else 1)


def test_an_explicit_method_is_never_changed(tariffs):
    assert parse('[line]\nkind = "internet"\n[usage]\nmethod = "webnaccs"\n', tariffs).usage.method == "webnaccs"
    # an impossible combination given in full stays an error, with its reason
    assert error('[line]\nkind = "dedicated"\n[usage]\nmethod = "netnaccs"\n', tariffs) == (
        "s.toml: usage.method: netnaccs needs the internet line (line.kind = dedicated)"
    )
    assert error('[usage]\nmethod = "interactive"\n', tariffs) == (
        "s.toml: usage.method: interactive needs a dedicated or broadband line (line.kind = internet)"
    )


def test_models_built_in_code_follow_the_line_too():
    from naccs_tui.domain.scenario import Line, Usage

    assert Scenario(line=Line(kind="dedicated")).usage.method == "interactive"
    assert Scenario(line=Line(kind="dedicated"), usage=Usage(terminals=3)).usage == Usage(
        method="interactive", terminals=3
    )
    assert Scenario().usage.method == "netnaccs"
    # a copy with another line keeps the method it has (it is explicit in the copy)
    s = Scenario(line=Line(kind="dedicated"))
    assert s.replace("usage", terminals=2).usage.method == "interactive"


def test_dedicated_line_only_file_quotes_from_the_command_line(tmp_path, capsys):
    f = tmp_path / "office.toml"
    f.write_text('[line]\nkind = "dedicated"\n', "utf-8")
    assert main(["quote", str(f), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "Line: Dedicated line 1M / standard / weekday maintenance × 1\nMethod: Interactive  (1 terminal(s)" in out


# ---- every "unknown value" error lists the valid values ----


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            '[line]\nkind = "satellite"\n',
            "s.toml: line.kind: unknown kind 'satellite' (choose internet, dedicated, broadband)",
        ),
        (
            '[line]\nkind = "Dedicated"\n',
            "s.toml: line.kind: unknown kind 'Dedicated' (did you mean \"dedicated\"?) (choose internet, dedicated, broadband)",
        ),
        ("[line]\nkind = 3\n", "s.toml: line.kind: unknown kind 3 (choose internet, dedicated, broadband)"),
        (
            '[line]\nkind = "dedicated"\nspeed = "2M"\n',
            "s.toml: line.speed: unknown speed '2M' (choose 64k, 128k, 0.5M, 1M, 3M, 5M, 10M)",
        ),
        (
            '[line]\nkind = "dedicated"\nspeed = "10m"\n',
            "s.toml: line.speed: unknown speed '10m' (did you mean \"10M\"?) (choose 64k, 128k, 0.5M, 1M, 3M, 5M, 10M)",
        ),
        (
            '[line]\nkind = "broadband"\nmedium = "dsl"\n',
            "s.toml: line.medium: unknown medium 'dsl' (did you mean \"adsl\"?) (choose fiber, adsl)",
        ),
        (
            '[line]\nkind = "dedicated"\nrouter = "sparse"\n',
            "s.toml: line.router: unknown router 'sparse' (did you mean \"spare\"?) (choose standard, spare, redundant)",
        ),
        (
            '[line]\nkind = "dedicated"\nmaintenance = "24/7"\n',
            "s.toml: line.maintenance: unknown maintenance '24/7' (choose weekdays, 24x365)",
        ),
        (
            '[usage]\nmethod = "web"\n',
            "s.toml: usage.method: unknown method 'web' (choose interactive, netnaccs, webnaccs)",
        ),
        (
            '[usage]\nmethod = "netnacs"\n',
            "s.toml: usage.method: unknown method 'netnacs' (did you mean \"netnaccs\"?) "
            "(choose interactive, netnaccs, webnaccs)",
        ),
        ("schema = 2\n", "s.toml: schema: unknown schema 2 (choose 1)"),
        ('schema = "1"\n', "s.toml: schema: unknown schema '1' (write it without quotes) (choose 1)"),
    ],
)
def test_unknown_scenario_values_list_the_choices(text, line, tariffs):
    assert error(text, tariffs) == line


def test_a_medium_the_tariffs_do_not_offer_lists_those_it_does(tariffs):
    fiber_only = tariffs.model_copy(
        update={
            "broadband": tariffs.broadband.model_copy(update={"media": {"fiber": tariffs.broadband.media["fiber"]}})
        }
    )
    assert error('[line]\nkind = "broadband"\nmedium = "adsl"\n', fiber_only) == (
        "s.toml: line.medium: adsl is not offered by this tariffs file (choose fiber)"
    )


def _shipped() -> dict:
    return tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))


def _tariffs_error(doc: dict) -> str:
    with pytest.raises(InputError) as info:
        parse_tariffs(doc, "t.toml")
    return info.value.line()


def test_unknown_tariffs_values_list_the_choices():
    doc = _shipped()
    doc["dedicated"]["speeds"]["64k"]["class"] = "med"
    assert _tariffs_error(doc) == "t.toml: dedicated.speeds.64k.class: unknown class 'med' (choose low, high)"
    doc = _shipped()
    doc["dedicated"]["classes"]["mid"] = doc["dedicated"]["classes"]["low"]
    assert _tariffs_error(doc) == "t.toml: dedicated.classes: unknown key 'mid' (choose low, high)"
    doc = _shipped()
    doc["broadband"]["media"]["vdsl"] = doc["broadband"]["media"]["adsl"]
    assert (
        _tariffs_error(doc)
        == "t.toml: broadband.media: unknown key 'vdsl' (did you mean \"adsl\"?) (choose fiber, adsl)"
    )
    doc = _shipped()
    doc["schema"] = 3
    assert _tariffs_error(doc) == "t.toml: schema: unknown schema 3 (choose 1)"


def test_command_line_choices_are_listed(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["office", "Tokyo", "--format", "pdf", "--lang", "en"])
    assert exc.value.code == 2
    assert capsys.readouterr().err == (
        "naccs-tui office: argument --format: invalid choice: 'pdf' (choose from 'text', 'json') (see --help)\n"
    )
    with pytest.raises(SystemExit) as exc:
        main(["office", "Tokyo", "--format", "pdf"])
    assert exc.value.code == 2
    assert capsys.readouterr().err == (
        "naccs-tui office: --format: 'pdf' は使えません（'text', 'json' から選んでください）（--help で使い方を表示）\n"
    )
