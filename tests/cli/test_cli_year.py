"""`naccs-tui year`: every month's fees equal `quote` of that month's counts, the totals add up as
shown in every format, options (--from, --months, --fiscal, --office/--unit, --tax, -o) and errors."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naccs_tui.cli import main
from naccs_tui.domain.company import Company
from naccs_tui.domain.document import dumps, load_document
from naccs_tui.domain.months import month_counts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
SEASONAL = ROOT / "examples" / "seasonal-broker.toml"
BROKER = ROOT / "examples" / "customs-broker.toml"
MULTI = ROOT / "examples" / "multi-office-forwarder.toml"


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:  # a usage error (argparse)
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def json_of(capsys, *argv) -> dict:
    code, out, err = run(capsys, *argv, "--format", "json")
    assert (code, err) == (0, "")
    return json.loads(out)


def each_unit(c: Company, change) -> Company:
    """``c`` with ``change(unit)`` applied to every unit."""
    offices = []
    for o in c.offices:
        update = {kind: change(u) for kind, u in o.units()}
        offices.append(o.model_copy(update=update))
    return c.model_copy(update={"offices": tuple(offices)})


def month_file(c: Company, month: int) -> Company:
    """The file whose typical month is calendar ``month``'s counts, without season or months."""
    return each_unit(
        c, lambda u: u.model_copy(update={"volumes": month_counts(u, month), "season": None, "months": {}})
    )


def check_against_quote(capsys, tmp_path: Path, c: Company, start: tuple[int, int] = (2027, 2)) -> dict:
    """Run year on ``c``, then quote on a file of each month's counts: the same fees to the yen."""
    path = tmp_path / "year.toml"
    path.write_text(dumps(c), "utf-8")
    r = json_of(capsys, "year", str(path), "--from", f"{start[0]}-{start[1]:02d}")
    for j, m in enumerate(r["months"]):
        month = (start[1] - 1 + j) % 12 + 1
        one = tmp_path / f"month-{month}.toml"
        one.write_text(dumps(month_file(c, month)), "utf-8")
        q = json_of(capsys, "quote", str(one))
        if "company" in q:  # several units: each unit's plans, and the company's all A / all B
            for u, qu in zip(r["units"], q["units"], strict=True):
                assert (u["months"][j]["a"], u["months"][j]["b"]) == (
                    qu["plans"]["A"]["monthly"],
                    qu["plans"]["B"]["monthly"],
                )
            monthly = q["company"]["monthly"]
            assert (m["a"], m["b"], m["best"]) == (monthly["all_a"], monthly["all_b"], monthly["best_per_unit"])
        else:
            assert (m["a"], m["b"]) == (q["plans"]["A"]["monthly"], q["plans"]["B"]["monthly"]), m["month"]
            assert m["cheaper"] == q["cheaper"] and m["volume"] == q["volume"]
    return r


FACTORS = st.integers(0, 300).map(lambda n: n / 100 if n % 7 else n // 100)  # ints and two-decimal floats
SEASONS = st.lists(FACTORS, min_size=12, max_size=12)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(season=SEASONS, given_month=st.none() | st.integers(1, 12), start=st.integers(1, 12))
def test_every_month_equals_quote_of_its_counts(capsys, tmp_path, tariffs, path, season, given_month, start):
    c = load_document(path, tariffs)

    def seasonal(u):
        months = dict(u.months)
        if given_month is not None:
            months[str(given_month)] = {k: v + 7 for k, v in u.volumes.items()}
        return u.model_copy(update={"season": tuple(season), "months": months})

    r = check_against_quote(capsys, tmp_path, each_unit(c, seasonal), (2027, start))
    assert len(r["months"]) == 12


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_as_it_is(capsys, tmp_path, tariffs, path):
    check_against_quote(capsys, tmp_path, load_document(path, tariffs))


def test_without_season_twelve_identical_months_and_the_quotes_twelve_month_total(capsys):
    r = json_of(capsys, "year", str(BROKER))
    q = json_of(capsys, "quote", str(BROKER))
    a, b = q["plans"]["A"]["monthly"], q["plans"]["B"]["monthly"]
    assert [(m["a"], m["b"], m["volume"]) for m in r["months"]] == [(a, b, 1_270)] * 12
    assert r["totals"] == {"a": 12 * a, "b": 12 * b, "switching": 12 * min(a, b)}
    assert r["initial"] == q["plans"]["A"]["initial"] == 169_000
    assert r["first_year"]["a"] == 169_000 + 12 * a == q["plans"]["A"]["total"]
    assert r["first_year"]["b"] == q["plans"]["B"]["total"]
    assert r["change_months"] == [] and r["saving"] == 0
    # the schedule's earliest start (2027-02-17, applied 2026-12-01) is the default first month
    assert r["period"] == {"from": "2027-02", "to": "2028-01", "months": 12, "fiscal": False, "start": "schedule"}
    assert {"tax", "sources", "warnings", "notes", "sample_prices"} <= set(r)


def test_json_is_the_documented_shape(capsys):
    r = json_of(capsys, "year", str(SEASONAL), "--lang", "en")
    assert {"month", "volume", "a", "b", "cheaper"} <= set(r["months"][0])
    assert set(r["totals"]) == {"a", "b", "switching"} and isinstance(r["initial"], int)
    assert r["months"][1] | {} == r["months"][1] and r["months"][1]["multiplier"] == 1.3
    assert r["change_months"] == ["2027-03", "2027-11", "2027-12"]
    assert r["best_fixed"]["plan"] == "B" and r["saving"] == r["best_fixed"]["total"] - r["totals"]["switching"]
    assert any("note 5" in n for n in r["notes"]) and any("rounded half up" in n for n in r["notes"])
    assert any("2014052100043" in s["source"] for s in r["sources"])
    assert r["units"][0]["season"] == [0.8, 0.9, 1.3, 1.1, 0.9, 1, 1, 0.8, 1, 1.1, 1.2, 1]
    assert r["units"][0]["months_given"] == [12]


# ---- the totals add up as shown, in every format --------------------------------------------------
MONEY = {"件数", "Volume", "プランA", "Plan A", "プランB", "Plan B", "単位ごとに安い方", "Each unit cheaper"}


def number(cell: str) -> int:
    return int(cell.replace("✔", "").replace(",", "").strip())


def check_table(rows: list[list[str]], r: dict) -> None:
    """A month table as shown (the header, the month rows, the total row): each column of counts
    or money adds up to its total, and the months are the report's."""
    head = [c.strip() for c in rows[0]]
    months = [row for row in rows if re.fullmatch(r"\d{4}-\d{2}", row[0].strip())]
    total = next(row for row in rows if row[0].strip() in ("合計", "Total"))
    assert [m[0].strip() for m in months] == [m["month"] for m in r["months"]]
    columns = [i for i, h in enumerate(head) if h in MONEY]
    assert len(columns) >= 3
    for i in columns:
        assert sum(number(row[i]) for row in months) == number(total[i]), head[i]


def text_table(block: str) -> list[list[str]]:
    """A text table cut into cells by the columns of its dashed line (counted in terminal cells)."""
    from naccs_tui.render.table import char_width

    lines = block.splitlines()
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", lines[1])]

    def cells(line: str) -> list[str]:
        wide = [piece for ch in line for piece in (ch, *[""] * (char_width(ch) - 1))]
        return ["".join(wide[a:b]) for a, b in spans]

    return [cells(line) for n, line in enumerate(lines) if n != 1]


@pytest.mark.parametrize("path", [SEASONAL, MULTI], ids=lambda p: p.stem)
@pytest.mark.parametrize("tax", [False, True])
def test_the_totals_add_up_in_every_format(capsys, path, tax):
    extra = ["--tax"] if tax else []
    r = json_of(capsys, "year", str(path), *extra)
    months = r["months"]
    assert r["totals"] == {
        "a": sum(m["a"] for m in months),
        "b": sum(m["b"] for m in months),
        "switching": sum(m["best"] for m in months),
    }
    assert r["first_year"] == {k: r["initial"] + v for k, v in r["totals"].items()}
    for u in r["units"]:
        assert u["totals"]["a"] == sum(m["a"] for m in u["months"])
    # text: the file's table (the first one) adds up
    _, text, _ = run(capsys, "year", str(path), *extra)
    block = text.split("\n\n")[1]
    check_table(text_table(block.split("\n", 1)[1] if block.startswith("■") else block), r)
    assert f"{r['first_year']['a']:,}" in text and f"{r['totals']['switching']:,}" in text
    # Markdown
    _, md, _ = run(capsys, "year", str(path), *extra, "--format", "markdown")
    table = [line.strip().strip("|").split(" | ") for line in md.splitlines() if line.startswith("| ")]
    check_table(table[: len(months) + 2], r)
    # CSV: the month rows of the file add up to its total rows
    _, out, _ = run(capsys, "year", str(path), *extra, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    file_months = [x for x in rows if x["scope"] == "file" and x["key"] == "month"]
    totals = {x["key"]: int(x["amount"]) for x in rows if x["scope"] == "file" and x["key"] not in ("month", "")}
    assert totals["total_a"] == sum(int(x["a"]) for x in file_months) == r["totals"]["a"]
    assert totals["total_switching"] == sum(int(x["best"]) for x in file_months)
    assert totals["first_year_b"] == totals["initial"] + totals["total_b"]
    assert totals["saving"] == totals["best_fixed"] - totals["total_switching"]
    # HTML: the first table (the file's months) adds up
    _, html, _ = run(capsys, "year", str(path), *extra, "--format", "html")
    check_table(html_tables(html)[0], r)


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def html_tables(html: str) -> list[list[list[str]]]:
    p = _Tables()
    p.feed(html)
    return p.tables


def test_html_has_the_month_table_and_a_bar_chart(capsys):
    _, html, _ = run(capsys, "year", str(SEASONAL), "--format", "html", "--lang", "en")
    assert html.count("<svg") == 1 and 'class="chart"' in html and "Plan A (solid)" in html
    assert html.count("<tr class=pays>") == 3  # March, November, December
    assert "<script" not in html and "note 5" in html


# ---- options ------------------------------------------------------------------------------------
def test_from_months_and_fiscal(capsys):
    r = json_of(capsys, "year", str(SEASONAL), "--from", "2027-04", "--fiscal")
    assert (r["period"]["from"], r["period"]["to"], r["period"]["months"]) == ("2027-04", "2028-03", 12)
    assert [fy["fiscal_year"] for fy in r["fiscal_years"]] == [2027]
    r = json_of(capsys, "year", str(SEASONAL), "--fiscal")  # starts 2027-02: FY2026's last two months, then FY2027
    assert r["period"]["months"] == 14 and [(fy["fiscal_year"], fy["months"]) for fy in r["fiscal_years"]] == [
        (2026, 2),
        (2027, 12),
    ]
    assert sum(fy["a"] for fy in r["fiscal_years"]) == r["totals"]["a"]
    r = json_of(capsys, "year", str(SEASONAL), "--from", "2027-11", "--months", "3")
    assert [m["month"] for m in r["months"]] == ["2027-11", "2027-12", "2028-01"]
    assert r["period"]["start"] == "given"


def test_office_and_unit_pick_one_unit(capsys):
    r = json_of(capsys, "year", str(MULTI), "--office", "大阪支店")
    assert len(r["units"]) == 1 and r["units"][0]["unit"] == "netnaccs"
    whole = json_of(capsys, "year", str(MULTI))
    branch = next(u for u in whole["units"] if u["office_index"] == 2)
    # alone, the unit carries its office's options (none for the branch): the same months
    assert [m["a"] for m in r["months"]] == [m["a"] for m in branch["months"]]
    code, _, err = run(capsys, "year", str(MULTI), "--office", "本社")
    assert code == 2 and err.count("\n") == 1 and "--unit" in err


def test_output_file_follows_its_suffix(capsys, tmp_path):
    out = tmp_path / "year.csv"
    assert run(capsys, "year", str(SEASONAL), "-o", str(out))[0] == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfscope,office,unit,month")
    code, _, err = run(capsys, "year", str(SEASONAL), "-o", str(tmp_path / "y.ics"))
    assert code == 2 and ".ics" in err and not (tmp_path / "y.ics").exists()


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--from", "2027-13"], "2027-13"),
        (["--from", "April"], "April"),
        (["--months", "0"], "--months"),
    ],
)
def test_bad_options_are_one_line(capsys, argv, words):
    code, out, err = run(capsys, "year", str(SEASONAL), *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and words in err


def test_a_bad_season_in_the_file_is_one_line_in_the_users_language(capsys, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("season = [1, 2, 3]\n", "utf-8")
    code, _, err = run(capsys, "year", str(path))
    assert (
        code == 2 and err == f"naccs-tui: {path}: season: 1月から12月までの12個の数を書いてください（3 個あります）\n"
    )
    code, _, err = run(capsys, "year", str(path), "--lang", "en")
    assert err == f"naccs-tui: {path}: season: expected twelve numbers, January to December (got 3)\n"


def test_quote_says_up_to_how_many_terminals_plan_a_stays_cheaper(capsys):
    q = json_of(capsys, "quote", str(BROKER), "--lang", "en")
    assert q["terminals_what_if"]["max_terminals_plan_a"] == 3 and q["terminals_what_if"]["terminals"] == 3
    _, text, _ = run(capsys, "quote", str(BROKER), "--lang", "en")
    assert "Plan A stays cheaper up to 3 terminals (each adds a basic fee of 5,000 yen; now 3)" in text
    _, md, _ = run(capsys, "quote", str(BROKER), "--lang", "en", "--format", "markdown")
    assert "- At these volumes Plan A stays cheaper up to 3 terminals" in md
