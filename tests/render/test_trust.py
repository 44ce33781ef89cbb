"""Every figure says where it comes from; sample prices and the guide's limits are never silent."""

from __future__ import annotations

import csv
import io
import json

import pytest

from naccs_tui.cli import main
from naccs_tui.domain.scenario import Scenario, save_scenario
from naccs_tui.domain.tariffs import SOURCE_KINDS
from naccs_tui.i18n import t

FAQ = "https://bbs.naccscenter.com/naccs/dfw/web/qanda/docs-keiyaku/2014012300445/"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def write(tmp_path, name: str, **data) -> str:
    path = tmp_path / name
    save_scenario(Scenario.model_validate(data), path)
    return str(path)


def test_every_fee_and_rule_of_the_shipped_table_has_a_source(tariffs):
    sources = [
        tariffs.plans.source,
        tariffs.plans.rule_of_thumb_source,
        tariffs.dedicated.source,
        tariffs.broadband.source,
        tariffs.tax_rate_source,
        *(tariffs.price_source(op) for op in tariffs.operations),
    ]
    assert all(s and s.split(" ")[0] in SOURCE_KINDS for s in sources)
    # the rule of thumb and the 13.4-20 % band are the NACCS FAQ's, not the guide's
    assert tariffs.plans.rule_of_thumb_source == f"bbs {FAQ}"


@pytest.fixture
def broker(tmp_path):
    return write(
        tmp_path,
        "broker.toml",
        line={"kind": "dedicated", "speed": "1M", "router": "spare"},
        usage={"method": "interactive", "terminals": 3},
        volumes={"IDA": 300},
    )


def test_text_and_markdown_list_sources_notes_and_the_sample_warning(capsys, broker):
    for fmt in ("text", "markdown"):
        out = run(capsys, "quote", broker, "--format", fmt, "--lang", "en")
        assert FAQ in out  # the rule of thumb's source
        assert "introduction guide" in out and "Line fees" in out
        # the ambiguous router reading and the general-connection limit are notes here too
        assert t("note.router_flat", "en") in out
        assert "general connection" in out
        assert "operation list and its unit prices are SAMPLES" in out
        # the warning comes first, before any figure
        assert out.index("SAMPLES") < out.index("Line fees")


def test_csv_carries_warning_notes_and_sources(capsys, broker):
    out = run(capsys, "quote", broker, "--format", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    groups = {row[1] for row in rows}
    assert {"warning", "note", "source"} <= groups
    assert any(row[1] == "source" and FAQ in row[4] for row in rows)


def test_json_has_sample_warnings_notes_and_sources(capsys, broker):
    r = json.loads(run(capsys, "quote", broker, "--format", "json", "--lang", "en"))
    assert r["sample_prices"] is True and len(r["warnings"]) == 1
    kinds = {s["kind"] for s in r["sources"]}
    assert {"guide", "bbs", "sample"} <= kinds
    assert any(t("note.router_flat", "en") == n for n in r["notes"])


def test_tax_cites_its_assumption(capsys, broker):
    r = json.loads(run(capsys, "quote", broker, "--format", "json", "--tax", "--lang", "en"))
    assert any(s["kind"] == "assumption" and "consumption tax" in s["source"] for s in r["sources"])


def test_adsl_webnaccs_and_free_plan_notes(capsys, tmp_path):
    adsl = write(
        tmp_path,
        "adsl.toml",
        line={"kind": "broadband", "medium": "adsl"},
        usage={"method": "interactive"},
    )
    assert t("trust.note.adsl", "en") in run(capsys, "quote", adsl, "--lang", "en")
    web = write(tmp_path, "web.toml", line={"kind": "internet"}, usage={"method": "webnaccs"}, volumes={"IDA": 10})
    out = run(capsys, "quote", web, "--lang", "en")
    assert "WebNACCS offers only some operations" in out and "silent on WebNACCS" in out
    # netNACCS, Plan B, only a free operation (ICG 0/0): 0 yen, but a plan must still be chosen
    free = write(tmp_path, "free.toml", line={"kind": "internet"}, usage={"method": "netnaccs"}, volumes={"ICG": 5})
    out = run(capsys, "quote", free, "--lang", "en")
    assert t("trust.note.free_plan", "en") in out
    # and not when Plan B costs something
    paid = write(tmp_path, "paid.toml", line={"kind": "internet"}, usage={"method": "netnaccs"}, volumes={"IDA": 5})
    assert t("trust.note.free_plan", "en") not in run(capsys, "quote", paid, "--lang", "en")


def test_compare_and_recommend_say_sample_in_every_format(capsys, broker, tmp_path):
    other = write(tmp_path, "net.toml", volumes={"IDA": 10})
    for fmt in ("text", "markdown"):
        assert "SAMPLES" in run(capsys, "compare", broker, other, "--format", fmt, "--lang", "en")
        assert "SAMPLES" in run(capsys, "recommend", broker, "--format", fmt, "--lang", "en")
    for cmd in (["compare", broker, other], ["recommend", broker]):
        rep = json.loads(run(capsys, *cmd, "--format", "json", "--lang", "en"))
        assert rep["sample_prices"] is True and rep["warnings"]
        rows = list(csv.DictReader(io.StringIO(run(capsys, *cmd, "--format", "csv", "--lang", "en"))))
        assert rows and all(row["sample_prices"] == "True" for row in rows)


def test_recommend_no_fiber_option(capsys, broker):
    out = run(capsys, "recommend", broker, "--method", "interactive", "--format", "json", "--lang", "en")
    top = json.loads(out)["top"]
    assert all(e["line_setup"].get("medium") != "adsl" for e in top)
    out = run(capsys, "recommend", broker, "--method", "interactive", "--no-fiber", "--format", "json", "--lang", "en")
    top = json.loads(out)["top"]
    assert all(e["line_setup"].get("medium") != "fiber" for e in top if e["line_setup"]["kind"] == "broadband")
