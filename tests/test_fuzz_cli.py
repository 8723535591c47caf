"""Hypothesis over the whole reader and extractor, through the command line, with hostile bytes:
front matter that YAML rejects or multiplies, unclosed fences and comments, byte-order marks,
invalid UTF-8, format characters inside figures, absurd numbers and dates, JSON nested deep.

The contract is the fault matrix's: no exception escapes, the exit status is a documented one,
stderr holds one `claimcheck: ` line per problem, stdout parses and every record validates, and
the input file is left as it was. Derandomized with a small fixed budget: seconds, not minutes.
"""

from __future__ import annotations

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
