"""Hypothesis over the whole reader and extractor, through the command line, with hostile bytes:
front matter that YAML rejects or multiplies, unclosed fences and comments, byte-order marks,
invalid UTF-8, format characters inside figures, absurd numbers and dates, JSON nested deep.

The contract is the fault matrix's: no exception escapes, the exit status is a documented one,
stderr holds one `claimcheck: ` line per problem, stdout parses and every record validates, and
the input file is left as it was. Derandomized with a small fixed budget: seconds, not minutes.
The snapshot builder, the config reader and `verify -` get 200 examples each (issue 23): an old
snapshot is kept whenever the build fails, and no temporary file is ever left behind.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.__main__ import main
from claimcheck.render import schema

FRAGMENTS = [
    b"---\n",
    b"date: 2022-13-45\n",
    b"date: 25:99:00\n",
    b"date: [1, 2]\n",
    b"published: yesterday\n",
    b"a: &a [x, x]\nb: [*a, *a]\n",
    b"claimcheck: {ignore: 5}\n",
    b"title: !!python/object/apply:os.system ['true']\n",
    b"```\n",
    b"~~~ python\n",
    b"<!-- ",
    b"-->",
    b"`code`",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xff",
    b"\x00",
    b"\r\n",
    b"\r",
    "100\u200b,000 troops ".encode(),
    "$2\u2060.5 billion ".encode(),
    "1\u2009000 ".encode(),
    b"100 000 people ",
    b"3,000 years ago ",
    b"750000 days ago ",
    b"99999999999999999 trillion stars ",
    b"NATO has 30 member states. ",
    b"on Monday, January 12, 2022, ",
    b"next year ",
    b"<script>alert(1)</script>",
    b"[" * 200 + b"]" * 200,
    b'{"id": "x", "text": "30 member states"}\n',
    b"{" * 50,
]
CONTENT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=8)), max_size=25).map(
    b"".join
)
NAMES = st.sampled_from(["story.md", "story.txt", "batch.jsonl", "page.html"])
AS_OF = st.sampled_from([(), ("--as-of", "9999-12-31"), ("--as-of", "0001-01-01")])
BUDGET = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture()
def quiet_env(monkeypatch, nlp):
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    for name in ("CLAIMCHECK_CONFIG", "CLAIMCHECK_CACHE_DIR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


@BUDGET
@given(name=NAMES, data=CONTENT, as_of=AS_OF, fmt=st.sampled_from(["jsonl", "json", "sarif"]))
def test_hostile_bytes_never_break_the_contract(quiet_env, capsys, name, data, as_of, fmt):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        (Path(folder) / "good.txt").write_text("NATO has 30 member states.\n", encoding="utf-8")
        status = main(["check", str(path), "--no-verify", "--format", fmt, *as_of])
        out, err = capsys.readouterr()
        assert path.read_bytes() == data  # the input is never touched
        assert sorted(os.listdir(folder)) == sorted(["good.txt", name])
    assert status in (0, 1, 2), err
    assert all(line.startswith("claimcheck: ") for line in err.splitlines()), err
    assert (status == 2) == any(line.startswith("claimcheck: error: ") for line in err.splitlines())
    if fmt == "jsonl":
        for line in out.splitlines():
            assert schema.errors(json.loads(line)) == []
    elif fmt == "json":
        for document in json.loads(out):
            assert schema.errors(document, "document") == []
    else:
        assert json.loads(out)["version"] == "2.1.0"


# ---------------------------------------------------------------------------------------------
# The snapshot builder, the config reader and `verify -` (issue 23): 200 examples each
# ---------------------------------------------------------------------------------------------

WIDE = settings(BUDGET, max_examples=200)
SNAPSHOT = Path(__file__).resolve().parent.parent / "examples" / "wikidata-snapshot.jsonl"
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.sampled_from(["", "Q5", "P31", "\ud800", "x" * 40, "NaN", "-5", "1e999999999"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
ENTITY_FRAGMENTS = [
    '{"id": "Q1", "labels": {"en": {"language": "en", "value": "One"}}}',
    '{"id": "Q2", "claims": {"P31": [{"mainsnak": 5}]}}',
    '{"entities": {"Q3": {"id": "Q3", "labels": {}}, '
    '"Q4": {"id": "Q9", "redirects": {"from": "Q4", "to": "Q9"}, "labels": {}}}}',
    '{"id": "Q5", "missing": ""}',
    "[",
    "]",
    ",",
    '{"id": "Q\\ud800", "labels": {}}',
    "interactions:\n- response: {body: {string: '{}'}}\n",
    "!binary 'AAAA'",
]
CSV_FRAGMENTS = [
    "Country Name,Country Code,Year,Value\n",
    "Chile,CHL,2004,16187322\n",
    "Chile,CHL,2005,NaN\n",
    "Chile,CHL,2006,-127800000\n",
    "Chile,CHL,2007,1e999999999\n",
    'Chile,"CHL,2008,1\n',
    "Chile,CHL,year,5\n",
    ",,,\n",
    "\ufeff",
    "\x00",
]
SNAPSHOT_INPUTS = st.lists(
    st.one_of(
        st.tuples(
            st.just("entities.json"), st.lists(st.sampled_from(ENTITY_FRAGMENTS), max_size=5)
        ),
        st.tuples(
            st.just("cassette.yaml"), st.lists(st.sampled_from(ENTITY_FRAGMENTS), max_size=3)
        ),
        st.tuples(st.just("wdi"), st.lists(st.sampled_from(CSV_FRAGMENTS), max_size=6)),
    ),
    min_size=1,
    max_size=3,
)


def _contract(status: int, err: str) -> None:
    assert status in (0, 1, 2), err
    assert "Traceback" not in err
    assert all(line.startswith("claimcheck: ") for line in err.splitlines()), err
    assert (status == 2) == any(line.startswith("claimcheck: error: ") for line in err.splitlines())


@WIDE
@given(
    inputs=SNAPSHOT_INPUTS,
    package=JSON_VALUES,
    suffix=st.sampled_from(["jsonl", "sqlite"]),
)
def test_snapshot_build_never_breaks_the_contract(quiet_env, capsys, inputs, package, suffix):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        out = root / f"facts.{suffix}"
        out.write_bytes(b"the old snapshot")
        names = []
        for index, (kind, parts) in enumerate(inputs):
            name = f"{index}-{kind}"
            if kind == "wdi":
                series = root / name / "SP.POP.TOTL"
                series.mkdir(parents=True)
                (series / "data.csv").write_text("".join(parts), encoding="utf-8")
                (series / "datapackage.json").write_text(
                    json.dumps(package), encoding="utf-8", errors="surrogatepass"
                )
            else:
                (root / name).write_text("\n".join(parts), "utf-8", errors="surrogatepass")
            names.append(str(root / name))
        status = main(["snapshot", "build", str(out), *names])
        _, err = capsys.readouterr()
        _contract(status, err)
        assert not list(root.glob(".*.tmp")), err
        if status == 2:
            assert out.read_bytes() == b"the old snapshot"
        elif suffix == "jsonl":
            for line in out.read_text(encoding="utf-8").splitlines():
                assert isinstance(json.loads(line), dict)


TOML_FRAGMENTS = [
    "[tool]\n",
    "[tool.claimcheck]\n",
    "[source]\n",
    "[[overrides]]\n",
    "[predicates]\n",
    "tool = 5\n",
    'claimcheck = "x"\n',
    'source = "snapshot:facts.jsonl"\n',
    'source = ["wikidata", 5]\n',
    "max-file-bytes = 99999999999999999999\n",
    "jobs = 0\n",
    'jobs = "auto"\n',
    'files = ["[ab"]\n',
    'souls = "population"\n',
    "souls = {a = 1}\n",
    'select = "CC9"\n',
    "ignore = [[]]\n",
    'baseline = "../x.json"\n',
    "cache-dir = 5\n",
    "a = " + "[" * 300 + "]" * 300 + "\n",
    "x = 1979-05-27T07:32:00Z\n",
    "inf = inf\n",
    'format = "\ud800"\n',
    "= broken\n",
]


@WIDE
@given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(TOML_FRAGMENTS),
            st.binary(max_size=6).map(lambda b: b.decode("latin-1")),
        ),
        max_size=8,
    ),
    name=st.sampled_from([".claimcheck.toml", "pyproject.toml"]),
    fmt=st.sampled_from(["toml", "json"]),
)
def test_the_config_reader_is_total(quiet_env, capsys, monkeypatch, parts, name, fmt):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = "".join(parts).encode("utf-8", "surrogatepass")
        (root / name).write_bytes(data)
        (root / "desk").mkdir()
        monkeypatch.chdir(root / "desk")
        status = main(["config", "--show", "--format", fmt])
        out, err = capsys.readouterr()
        assert (root / name).read_bytes() == data
    _contract(status, err)
    if status == 0 and fmt == "json":
        json.loads(out)


@pytest.fixture(scope="module")
def small_snapshot(tmp_path_factory) -> Path:
    """The example snapshot's five smallest documents: loading all 52 is most of a verify run."""
    lines = sorted(SNAPSHOT.read_text(encoding="utf-8").splitlines(), key=len)[:5]
    path = tmp_path_factory.mktemp("snapshot") / "small.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


RECORD_KEYS = st.sampled_from(
    ["record", "id", "doc", "kind", "text", "span", "line", "column", "sentence", "value",
     "date", "path", "rule", "severity", "message", "claims", "spans", "confidence"]
)  # fmt: skip


def _record(kind: str) -> st.SearchStrategy[dict]:
    base = {"record": kind, "id": "c1", "doc": "story.txt", "kind": "count", "text": "30",
            "span": {"start": 9, "end": 11}, "line": 1, "column": 10,
            "value": {"amount": 30}}  # fmt: skip
    if kind == "document":
        base = {"record": "document", "id": "story.txt", "date": "2022-01-12"}
    return st.dictionaries(RECORD_KEYS, JSON_VALUES, max_size=3).map(
        lambda extra: {**base, **extra}
    )


@WIDE
@given(
    records=st.lists(
        st.sampled_from(["document", "claim", "finding"]).flatmap(_record), min_size=1, max_size=4
    ),
    fmt=st.sampled_from(["jsonl", "json", "table", "concise", "sarif", "github", "html"]),
)
def test_verify_stdin_never_breaks_the_contract(
    quiet_env, capsys, monkeypatch, small_snapshot, records, fmt
):
    text = "".join(json.dumps(r, default=str) + "\n" for r in records)
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    status = main(["verify", "-", "--source", f"snapshot:{small_snapshot}", "--format", fmt])
    out, err = capsys.readouterr()
    _contract(status, err)
    if fmt == "jsonl":
        for line in out.splitlines():
            assert schema.errors(json.loads(line)) == []
