"""Hostile input: random TOML documents, values and files fed to the loaders and the CLI.

Every failure must be the one InputError (CLI: one line on stderr, exit 2); never a traceback,
never a hang. NACCS_TUI_FUZZ_EXAMPLES raises the number of generated inputs for a long run.
"""

from __future__ import annotations

import copy
import itertools
import os
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from naccs_tui.cli import main
from naccs_tui.domain.costing import quote
from naccs_tui.domain.errors import InputError
from naccs_tui.domain.files import MAX_BYTES
from naccs_tui.domain.scenario import load_scenario, parse_scenario
from naccs_tui.domain.tariffs import data_file, load_tariffs, parse_tariffs

EXAMPLES = int(os.environ.get("NACCS_TUI_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=2),
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SHIPPED = tomllib.loads(data_file("tariffs.toml").read_text("utf-8"))
SHIPPED_PATH = data_file("tariffs.toml")
CODES = [op["code"] for op in SHIPPED["operations"]]
_serial = itertools.count()

# ---- strategies: TOML values, random and nearly right ----

WORDS = [
    "internet",
    "dedicated",
    "broadband",
    "64k",
    "128k",
    "1M",
    "3M",
    "10M",
    "2M",
    "fiber",
    "adsl",
    "standard",
    "spare",
    "redundant",
    "weekdays",
    "24x365",
    "interactive",
    "netnaccs",
    "webnaccs",
    "東京都",
    "大阪府",
    "Tokyo",
    "12-29",
    "01-03",
    "02-30",
    "13-01",
    "",
    " ",
    "\x1b[31m",
    "a\nb",
]
KEYS = [
    "schema",
    "name",
    "prefecture",
    "line",
    "usage",
    "volumes",
    "schedule",
    "kind",
    "speed",
    "medium",
    "router",
    "maintenance",
    "ping_monitoring",
    "lines",
    "method",
    "terminals",
    "user_codes",
    "paid_statistics",
    "bonded_storage",
    "applied",
    "closure",
    "terminal",
    "volume",
    *CODES[:4],
    "IDX",
]
BIG = [0, -1, 1, 99, 100, 999, 1000, 10**6, 10**6 + 1, 2**31, 2**63 - 1, -(2**63), 10**40, -(10**40)]

scalars = st.one_of(
    st.integers(),
    st.sampled_from(BIG),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1.0, 2.0, 1.5, -0.0, 1e300]),
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(WORDS),
    st.dates(),
    st.datetimes(),
    st.times(),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=10))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)),
    max_leaves=8,
)


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """These cases check the English reasons the domain writes (Japanese ones: test_errors_ja)."""
    monkeypatch.setenv("NACCS_TUI_LANG", "en")


def _section(fields: dict, junk: bool):
    """A table with some of ``fields``; with ``junk``, sometimes a wrong value or an unknown key."""

    def pick(strategy):
        return st.one_of(*[strategy] * 9, values) if junk else strategy

    base = st.fixed_dictionaries({}, optional={k: pick(v) for k, v in fields.items()})
    if not junk:
        return base
    extra = st.one_of(*[st.just({})] * 4, st.dictionaries(keys, values, max_size=1))
    return st.builds(lambda a, b: {**b, **a}, base, extra)


def _scenarios(junk: bool):
    """Scenario documents: with ``junk`` nearly right, without it only combinations may be wrong."""

    def bad(good: list, wrong: list) -> list:
        return good + wrong if junk else good

    count = st.one_of(st.integers(1, 20), st.integers(-3, 1200)) if junk else st.integers(1, 99)
    volume = st.one_of(*[st.integers(0, 5000)] * 5, st.integers(-5, 2_000_000)) if junk else st.integers(0, 10**6)
    code = st.one_of(*[st.sampled_from(CODES)] * 5, st.text(min_size=1, max_size=6)) if junk else st.sampled_from(CODES)
    return _section(
        {
            "schema": st.sampled_from(bad([1], [2, 0])),
            "name": st.text(max_size=30),
            "prefecture": st.sampled_from(bad(["東京都", "神奈川県", "沖縄県", "北海道", "大阪府"], ["Tokyo", "東京"])),
            "line": _section(
                {
                    "kind": st.sampled_from(["internet", "dedicated", "broadband"]),
                    "speed": st.sampled_from(bad([*SHIPPED["dedicated"]["speeds"]], ["2M", "1m"])),
                    "medium": st.sampled_from(bad(["fiber", "adsl"], ["isdn"])),
                    "router": st.sampled_from(["standard", "spare", "redundant"]),
                    "maintenance": st.sampled_from(["weekdays", "24x365"]),
                    "ping_monitoring": st.booleans(),
                    "lines": count,
                },
                junk,
            ),
            "usage": _section(
                {
                    "method": st.sampled_from(["interactive", "netnaccs", "webnaccs"]),
                    "terminals": count,
                    "user_codes": count,
                    "paid_statistics": st.booleans(),
                    "bonded_storage": st.booleans(),
                },
                junk,
            ),
            "volumes": st.dictionaries(code, st.one_of(*[volume] * 9, values) if junk else volume, max_size=6),
            "schedule": _section(
                {
                    "applied": st.dates(date(2020, 1, 1), date(2035, 12, 31)),
                    "closure": st.lists(
                        st.sampled_from(bad(["12-29", "01-03", "02-29", "12-31"], ["02-30", "1-3"])),
                        min_size=2 if not junk else 0,
                        max_size=2 if not junk else 3,
                    ),
                },
                junk,
            ),
        },
        junk,
    )


def _fit(doc: dict, kind: str) -> dict:
    """Make the line and the method go together, so that valid plans of every line kind come up."""
    line, usage = doc.setdefault("line", {}), doc.setdefault("usage", {})
    line["kind"] = kind
    usage["method"] = (
        "interactive" if kind != "internet" else usage.get("method", "netnaccs").replace("interactive", "netnaccs")
    )
    if kind != "dedicated":
        line.pop("ping_monitoring", None)
        if line.get("router") == "redundant":
            line["router"] = "spare"
    elif line.get("router") == "redundant" and line.get("speed", "1M").endswith("k"):
        line["speed"] = "1M"
    return doc


fitted = st.builds(_fit, _scenarios(junk=False), st.sampled_from(["internet", "dedicated", "broadband"]))
documents = st.one_of(fitted, _scenarios(junk=False), _scenarios(junk=True), st.dictionaries(keys, values, max_size=5))


def _file(folder: Path, doc: dict) -> Path:
    path = folder / f"f{next(_serial)}.toml"
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return path


def _cli(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: usage error (2) or --help (0)
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _assert_one_line_error(code: int, out: str, err: str) -> None:
    assert "Traceback" not in err
    if code == 0:
        assert out
    else:
        assert code == 2
        assert err.startswith("naccs-tui") and err.endswith("\n") and err.count("\n") == 1, err


# ---- the loaders ----


@FUZZ
@given(doc=documents)
def test_scenario_loader_accepts_or_explains(doc, tariffs, tmp_path):
    path = _file(tmp_path, doc)
    doc = tomllib.loads(path.read_text("utf-8"))  # the file's key order (tomli-w puts tables last)
    try:
        scenario = parse_scenario(doc, "plan.toml", tariffs)
    except InputError as exc:
        assert exc.source == "plan.toml" and exc.reason
        outcome = exc.line().replace("plan.toml", "")
    else:
        q = quote(scenario, tariffs)  # a scenario that loads always quotes
        assert min(q.a.monthly, q.b.monthly, q.a.initial, q.b.initial) >= 0
        outcome = scenario
        event(f"valid: {scenario.line.kind}")
    # the same document through a file gives the same answer
    try:
        again = load_scenario(path, tariffs)
    except InputError as exc:
        again = exc.line().replace(str(path), "")
    assert again == outcome


def _paths(node, prefix=()):
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        yield from _paths(child, (*prefix, key))


TARIFF_PATHS = [p for p in _paths(SHIPPED) if p]
FIXED_SCENARIOS = [
    {},
    {
        "line": {"kind": "dedicated", "speed": "1M", "router": "redundant", "ping_monitoring": True},
        "usage": {"method": "interactive", "terminals": 2},
        "volumes": {"IDA": 100, "IDC": 50},
    },
    {
        "line": {"kind": "broadband", "medium": "adsl", "router": "spare", "maintenance": "24x365"},
        "usage": {"method": "interactive", "paid_statistics": True},
        "volumes": {"ICG": 10},
    },
]


@FUZZ
@given(data=st.data())
def test_tariffs_loader_accepts_or_explains(data, tmp_path):
    doc = copy.deepcopy(SHIPPED)
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        path = data.draw(st.sampled_from(TARIFF_PATHS), label="path")
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = data.draw(st.sampled_from(["number", "number", "set", "delete", "add"]), label="action")
            if isinstance(parent, dict) != isinstance(path[-1], str):
                continue  # an earlier change turned this list into a table or back
            if action == "number":  # a plausible edit: another amount
                if type(parent[path[-1]]) is int:
                    parent[path[-1]] = data.draw(st.integers(0, 300_000), label="amount")
            elif action == "set":
                parent[path[-1]] = data.draw(values, label="value")
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[data.draw(keys, label="key")] = data.draw(values, label="value")
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this part
    path = _file(tmp_path, doc)
    doc = tomllib.loads(path.read_text("utf-8"))
    try:
        tariffs = parse_tariffs(doc, "t.toml")
    except InputError as exc:
        assert exc.source == "t.toml" and exc.reason
        outcome = exc.line().replace("t.toml", "")
    else:
        outcome = tariffs
        event("valid tariffs")
        for s in FIXED_SCENARIOS:  # valid tariffs never crash the engine
            try:
                q = quote(parse_scenario(s, "s.toml", tariffs), tariffs)
            except InputError:
                continue
            assert q.a.monthly >= 0 and q.b.monthly >= 0
    try:
        again = load_tariffs(path)
    except InputError as exc:
        again = exc.line().replace(str(path), "")
    assert again == outcome


toml_lines = st.sampled_from(
    [
        "schema = 1",
        "[line]",
        "[usage]",
        "[volumes]",
        'kind = "dedicated"',
        "IDA = 5",
        "terminals = 3",
        "a = [[[[1]]]]",
        "b = {c = {d = 1}}",
        '"x\\ny" = 1',
        'name = """',
        "# note",
        "[[operations]]",
        "schema = 1.0",
        "[line.extra]",
    ]
)
raw_files = st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(toml_lines, st.text(max_size=20)), max_size=8).map(
        lambda lines: "\n".join(lines).encode("utf-8")
    ),
)


@FUZZ
@given(raw=raw_files)
def test_random_bytes_through_the_reader(raw, tariffs, tmp_path):
    from naccs_tui.domain.files import read_toml

    path = tmp_path / f"r{next(_serial)}.toml"
    path.write_bytes(raw)
    try:
        doc = read_toml(path)
    except InputError as exc:
        assert exc.source == str(path) and exc.field is None and exc.reason
        event("reader refused")
        return
    assert isinstance(doc, dict)
    for parse in (lambda: parse_scenario(doc, path, tariffs), lambda: parse_tariffs(doc, path)):
        try:
            parse()
        except InputError as exc:
            assert exc.source == str(path) and exc.reason
    event("read")


# ---- the CLI, in-process ----


@FUZZ
@given(
    doc=documents,
    fmt=st.sampled_from(["text", "json", "markdown", "csv"]),
    lang=st.sampled_from(["ja", "en"]),
    options=st.lists(
        st.sampled_from(
            [
                "--tax",
                "--months",
                "0",
                "12",
                "601",
                "-1",
                "x",
                "--format",
                "xml",
                "--lang",
                "fr",
                "--help",
                "--tariffs",
                "/nonexistent.toml",
                "--bogus",
            ]
        ),
        max_size=3,
    ),
)
def test_cli_quote_exits_0_or_2(doc, fmt, lang, options, tmp_path, capsys):
    path = _file(tmp_path, doc)
    code, out, err = _cli(["quote", str(path), "--format", fmt, "--lang", lang, *options], capsys)
    _assert_one_line_error(code, out, err)
    event(f"exit {code}")


cells = st.one_of(
    st.sampled_from(
        [
            "IDA",
            "IDC",
            "ida",
            "I D",
            "輸入申告",
            "Import",
            "0",
            "80",
            "100",
            "-1",
            "12.5",
            "1,200",
            "",
            " ",
            "１００",
            "1e3",
            "99999999999",
        ]
    ),
    st.text(max_size=8),
)


prices = st.lists(st.integers(0, 400), min_size=2, max_size=2).map(sorted)
good_rows = st.builds(
    lambda code, ja, en, ab: [code, ja, en, str(ab[0]), str(ab[1])],
    st.from_regex(r"[A-Z0-9]{2,8}", fullmatch=True),
    st.text(min_size=1, max_size=10),
    st.text(min_size=1, max_size=10),
    prices,
)
rows_strategy = st.lists(st.one_of(*[good_rows] * 6, st.lists(cells, min_size=3, max_size=6)), max_size=6)


@FUZZ
@given(
    rows=rows_strategy,
    header=st.sampled_from(
        ["code,name_ja,name_en,price_a,price_b"] * 3
        + ["code,name_ja,name_en,price_a", "price_b,price_a,name_en,name_ja,code", ""]
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp932"]),
)
def test_cli_rates_import_exits_0_or_2(rows, header, encoding, tmp_path, capsys):
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    csv_path = tmp_path / f"r{next(_serial)}.csv"
    try:
        csv_path.write_bytes((header + "\n" + buf.getvalue()).encode(encoding))
    except UnicodeEncodeError:
        csv_path.write_bytes((header + "\n" + buf.getvalue()).encode("utf-8"))
    out_path = tmp_path / "out.toml"
    code, out, err = _cli(["rates", "import", str(csv_path), "--out", str(out_path), "--force"], capsys)
    _assert_one_line_error(code, out, err)
    event(f"exit {code}")
    if code == 0:
        written = load_tariffs(out_path)
        # the CSV's operations come first and are official; the shipped ones it lacks are kept as samples
        assert not written.operations[0].sample
        assert {op.code for op in written.operations if op.sample} <= {op["code"] for op in SHIPPED["operations"]}


# ---- the named hostile cases ----


def _nested(depth: int) -> str:
    return "a = " + "[" * depth + "]" * depth + "\n"


CASES = {
    "huge number": (
        b"[usage]\nterminals = 100000000000000000000000000000\n",
        "usage.terminals: Input should be less than or equal to 999",
    ),
    "huge volume": (b"[volumes]\nIDA = 1000001\n", "volumes.IDA: Input should be less than or equal to 1000000"),
    "negative": (b"[volumes]\nIDA = -5\n", "volumes.IDA: Input should be greater than or equal to 0"),
    "float for int": (b"[usage]\nterminals = 2.0\n", "usage.terminals: Input should be a valid integer"),
    "nan for int": (b"[line]\nlines = nan\n", "line.lines: Input should be a valid integer"),
    "string for bool": (
        b'[usage]\npaid_statistics = "yes"\n',
        "usage.paid_statistics: Input should be a valid boolean",
    ),
    "wrong type": (b'line = "dedicated"\n', "line: expected a table (a [section] or { key = value })"),
    "list for table": (b"volumes = [1, 2]\n", "volumes: expected a table (a [section] or { key = value })"),
    "unknown key": (b"[usage]\nterminal = 2\n", 'usage.terminal: unknown key (did you mean "terminals"?)'),
    "unknown section": (b"[volume]\nIDA = 1\n", 'volume: unknown key (did you mean "volumes"?)'),
    "unknown operation": (
        b"[volumes]\nIDCC = 1\n",
        f'volumes.IDCC: unknown operation code (did you mean "IDC"?) (not in the tariffs in use: {SHIPPED_PATH})',
    ),
    "newline in a key": (
        b'[volumes]\n"A\\nB" = 1\n',
        r"volumes.A\nB: unknown operation code" + f" (not in the tariffs in use: {SHIPPED_PATH})",
    ),
    "binary": (b"\x00\x01\x02\x03PK\x03\x04", "binary data, not a TOML file"),
    # bytes 0-7 are 'name = "'; 0xff at byte 8 is no UTF-8
    "non-UTF-8": (b'name = "\xff\xfe"\n', "not UTF-8 text (byte 8)"),
    "UTF-16": ('name = "東京"\n'.encode("utf-16"), "not UTF-8 text (UTF-16: save the file as UTF-8)"),
    "Shift_JIS": ('name = "東京"\n'.encode("cp932"), "not UTF-8 text (byte 8)"),
    "broken TOML": (
        b"[line\nkind = 1\n",
        "broken TOML: Expected ']' at the end of a table declaration (at line 1, column 6)",
    ),
    "deeply nested array": (_nested(100_000).encode(), "broken TOML: nested too deeply"),
    "deeply nested table": (
        ("a = " + "{b = " * 100_000 + "1" + "}" * 100_000 + "\n").encode(),
        "broken TOML: nested too deeply",
    ),
    "nested, not too deep": (
        ("name = " + "[" * 200 + "]" * 200 + "\n").encode(),
        "name: Input should be a valid string",
    ),
    "10 MB": (b"#" * 10_000_000, f"file too large (10,000,000 bytes; limit {MAX_BYTES:,})"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_scenario_file(case, tmp_path, capsys):
    content, reason = CASES[case]
    path = tmp_path / "plan.toml"
    path.write_bytes(content)
    code, out, err = _cli(["quote", str(path)], capsys)
    assert (code, out, err) == (2, "", f"naccs-tui: {path}: {reason}\n")


def test_hostile_files_as_tariffs(tmp_path, capsys):
    plan = tmp_path / "plan.toml"
    plan.write_text("", "utf-8")  # an empty scenario is the default plan
    assert _cli(["quote", str(plan)], capsys)[0] == 0
    for content, reason in [
        (b"", "schema: Field required"),
        (b"\x00", "binary data, not a TOML file"),
        (tomli_w.dumps({**SHIPPED, "colour": "red"}).encode(), "colour: unknown key"),
        (b"#" * 10_000_000, f"file too large (10,000,000 bytes; limit {MAX_BYTES:,})"),
    ]:
        bad = tmp_path / f"t{next(_serial)}.toml"
        bad.write_bytes(content)
        assert _cli(["quote", str(plan), "--tariffs", str(bad)], capsys) == (2, "", f"naccs-tui: {bad}: {reason}\n")


def test_folder_fifo_device_and_bad_names(tmp_path, capsys):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)  # reading it would block until a writer comes: it is refused instead
    cases = [
        (tmp_path, "is a folder, not a file"),
        (fifo, "not a regular file"),
        (Path("/dev/zero"), "not a regular file"),
        (tmp_path / "none.toml", "file not found"),
    ]
    for path, reason in cases:
        assert _cli(["quote", str(path)], capsys) == (2, "", f"naccs-tui: {path}: {reason}\n")
    name = str(tmp_path / "a\x00b.toml")
    assert _cli(["quote", name], capsys) == (
        2,
        "",
        f"naccs-tui: {name!r}: not a valid file name\n".replace("\x00", "\\x00"),
    )


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    # the tests run as root, who can read a chmod 000 file: simulate the refusal at open()
    path = tmp_path / "secret.toml"
    path.write_text("schema = 1\n", "utf-8")
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    assert _cli(["quote", str(path)], capsys) == (2, "", f"naccs-tui: {path}: permission denied\n")
    assert _cli(["quote", str(tmp_path / "x.toml"), "--tariffs", str(path)], capsys) == (
        2,
        "",
        f"naccs-tui: {path}: permission denied\n",
    )


def test_real_process_exit_code_and_no_traceback(tmp_path):
    binary = tmp_path / "image.toml"
    binary.write_bytes(bytes(range(256)) * 4)
    exe = Path(sys.executable).with_name("naccs-tui")  # the installed console script
    run = subprocess.run(
        [str(exe), "quote", str(binary)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NACCS_TUI_LANG": "en"},
    )
    assert run.returncode == 2
    assert run.stdout == "" and "Traceback" not in run.stderr
    assert run.stderr == f"naccs-tui: {binary}: binary data, not a TOML file\n"
