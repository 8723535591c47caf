"""The fault matrix, section I: hostile input against what was added after the first probe
(issue 23): SQLite snapshots and WDI builds, the config file, `verify -`, the --jobs pool and the
Dask engine. Same contract as tests/test_fault_matrix.py: no traceback, one `claimcheck: ` line per
problem naming the file, the documented exit status, nothing the run reads ever overwritten.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

import claimcheck
from claimcheck.sources.snapshot_build import build_snapshot, write_lines
from tests.test_fault_matrix import CLAIM, GOOD, HEADER, SNAPSHOT, STORY, jsonl_records, run

CLAIMCHECK = [sys.executable, "-m", "claimcheck"]


@pytest.fixture()
def cli(tmp_path, monkeypatch, nlp):
    """As the fault matrix's: an empty scratch folder as the current one, the session's
    pipeline, no configuration from the environment."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    for name in (
        "CLAIMCHECK_CONFIG",
        "CLAIMCHECK_CACHE_DIR",
        "CLAIMCHECK_SOURCE",
        "GITHUB_ACTIONS",
    ):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _lines(*records: dict) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# ---------------------------------------------------------------------------------------------
# I1. Nothing the run reads is overwritten
# ---------------------------------------------------------------------------------------------


def _snapshot_target(folder: Path) -> tuple[list[str], str, bytes]:
    data = SNAPSHOT.read_bytes()
    (folder / "facts.jsonl").write_bytes(data)
    return ["check", "story.txt", "--source", "snapshot:facts.jsonl"], "facts.jsonl", data


def _baseline_target(folder: Path) -> tuple[list[str], str, bytes]:
    data = json.dumps({"tool": "claimcheck", "version": 1, "entries": []}).encode()
    (folder / "accepted.json").write_bytes(data)
    return (
        ["check", "story.txt", "--no-verify", "--baseline", "accepted.json"],
        "accepted.json",
        data,
    )


def _config_target(folder: Path) -> tuple[list[str], str, bytes]:
    data = b'select = ["CC"]\n'
    (folder / "team.toml").write_bytes(data)
    return ["check", "story.txt", "--no-verify", "--config", "team.toml"], "team.toml", data


def _found_config_target(folder: Path) -> tuple[list[str], str, bytes]:
    data = b'select = ["CC"]\n'
    (folder / ".claimcheck.toml").write_bytes(data)
    return ["check", "story.txt", "--no-verify"], ".claimcheck.toml", data


def _verify_target(folder: Path) -> tuple[list[str], str, bytes]:
    data = _lines(HEADER, CLAIM).encode()
    (folder / "claims.jsonl").write_bytes(data)
    args = ["verify", "claims.jsonl", "--source", f"snapshot:{SNAPSHOT}"]
    return args, "claims.jsonl", data


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (_snapshot_target, "the snapshot"),
        (_baseline_target, "the baseline"),
        (_config_target, "the configuration file"),
        (_found_config_target, "the configuration file"),
        (_verify_target, "one of the inputs"),
    ],
    ids=["snapshot", "baseline", "config", "found-config", "verify-input"],
)
def test_output_naming_any_file_the_run_reads_is_refused_and_the_file_kept(cli, capsys, make, what):
    (cli / "story.txt").write_text(STORY, encoding="utf-8")
    args, name, data = make(cli)
    status, out, err = run(capsys, *args, "--output", f"./{name}")
    assert (status, out) == (2, ""), err
    assert err == (
        f"claimcheck: error: [CC901] --output ./{name} is {what}; the report would replace it\n"
    )
    assert (cli / name).read_bytes() == data


def test_a_report_written_inside_an_input_folder_does_not_break_the_next_run(cli, capsys):
    """The walk reads no .json file, so a report there is no input: both runs write it. A name
    the walk would read is refused on the first run already, not only once it exists."""
    (cli / "articles").mkdir()
    (cli / "articles" / "a.md").write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        status, out, err = run(
            capsys, "check", "articles", "--no-verify", "--format", "json", "-o", "articles/r.json"
        )
        assert (status, out, err) == (0, "", "")
    status, _, err = run(capsys, "check", "articles", "--no-verify", "-o", "articles/new.md")
    assert status == 2 and "inside the input folder articles" in err
    assert not (cli / "articles" / "new.md").exists()


def test_snapshot_build_that_finds_nothing_is_an_error_and_keeps_the_old_snapshot(cli, capsys):
    (cli / "facts.jsonl").write_bytes(SNAPSHOT.read_bytes())
    (cli / "empty.json").write_text("{}", encoding="utf-8")
    (cli / "notes.txt").write_text("no entities here\n", encoding="utf-8")
    status, out, err = run(capsys, "snapshot", "build", "facts.jsonl", "empty.json", "notes.txt")
    assert status == 2
    (line,) = err.splitlines()[-1:]
    assert line.startswith(
        "claimcheck: error: [CC902] empty.json, notes.txt hold no entity documents or statistics "
        "series"
    )
    assert line.endswith("; nothing written, facts.jsonl left as it was")
    assert (cli / "facts.jsonl").read_bytes() == SNAPSHOT.read_bytes()
    assert not list(cli.glob(".*.tmp"))
    (cli / "ids.txt").write_text("Q999999999\n", encoding="utf-8")
    status, _, err = run(
        capsys, "snapshot", "build", "facts.jsonl", str(SNAPSHOT), "--ids", "ids.txt"
    )
    assert status == 2 and err.splitlines()[-1].startswith(
        "claimcheck: error: [CC902] --kind and --ids kept none of the 51 entity documents in "
    ), err
    assert (cli / "facts.jsonl").read_bytes() == SNAPSHOT.read_bytes()


def test_snapshot_build_onto_a_symlink_writes_its_target_and_keeps_the_link(cli, capsys):
    (cli / "v1").mkdir()
    os.symlink("v1/facts.jsonl", cli / "facts.jsonl")
    status, _, err = run(capsys, "snapshot", "build", "facts.jsonl", str(SNAPSHOT))
    assert status == 0, err
    assert os.path.islink(cli / "facts.jsonl")
    assert (cli / "v1" / "facts.jsonl").read_text("utf-8").startswith('{"')


def test_snapshot_build_onto_a_device_is_refused_and_the_node_kept(cli, capsys):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(cli / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    status, _, err = run(capsys, "snapshot", "build", "null", str(SNAPSHOT))
    assert status == 2
    assert "[CC907]" in err and "not a regular file" in err
    assert stat.S_ISCHR(os.stat(cli / "null").st_mode)


def test_a_failed_or_interrupted_snapshot_write_leaves_no_temporary_file(tmp_path):
    def lines():
        yield "{}"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_lines(tmp_path / "facts.jsonl", lines())
    assert os.listdir(tmp_path) == []


def test_a_rebuilt_snapshot_keeps_the_mode_of_the_one_it_replaces(cli, capsys):
    for suffix in ("jsonl", "sqlite"):
        out = cli / f"facts.{suffix}"
        out.write_bytes(b"old")
        out.chmod(0o640)
        assert run(capsys, "snapshot", "build", out.name, str(SNAPSHOT))[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640


# ---------------------------------------------------------------------------------------------
# I2. A snapshot broken inside is CC905 naming the file
# ---------------------------------------------------------------------------------------------


CRUZ = "Ted Cruz, a lawyer, was born in Calgary on December 22, 1970.\n"


@pytest.fixture()
def sqlite_snapshot(cli) -> Path:
    out = cli / "facts.sqlite"
    build_snapshot([SNAPSHOT], out)
    (cli / "story.txt").write_text(CRUZ, encoding="utf-8")
    return out


def _drop_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE words")


def _overwrite_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 :] = b"\xa5" * (len(data) - page * 2)  # every page after the schema's
    path.write_bytes(bytes(data))


def _blob(value: bytes) -> object:
    def damage(path: Path) -> None:
        with sqlite3.connect(path) as db:
            db.execute("UPDATE entities SET doc = ?", (value,))

    return damage


@pytest.mark.parametrize(
    "damage",
    [
        _drop_table,
        _overwrite_pages,
        _blob(b"not zlib at all"),
        _blob(zlib.compress(b"[1, 2, 3]")),
        _blob(zlib.compress(b'{"id": "Q1", "claims": {"P31": [{"mainsnak": 5}]}}')),
    ],
    ids=["missing-table", "overwritten-pages", "blob-not-zlib", "blob-a-list", "blob-wrong-shape"],
)
def test_a_sqlite_snapshot_broken_inside_is_cc905_naming_the_file(
    cli, capsys, sqlite_snapshot, damage
):
    damage(sqlite_snapshot)
    status, out, err = run(
        capsys, "check", "story.txt", "--source", "snapshot:facts.sqlite", "--format", "jsonl"
    )
    assert status == 2, err
    assert err.startswith("claimcheck: error: [CC905] ") and err.count("\n") == 1, err
    assert "facts.sqlite" in err


@pytest.mark.parametrize("flag", ["--source", "--baseline"])
def test_dev_zero_as_a_snapshot_or_a_baseline_is_refused_within_a_bound(cli, capsys, flag):
    (cli / "story.txt").write_text(STORY, encoding="utf-8")
    value = "snapshot:/dev/zero" if flag == "--source" else "/dev/zero"
    status, out, err = run(capsys, "check", "story.txt", flag, value, "--offline")
    assert (status, out) == (2, "")
    assert "over the limit of 67108864 bytes for a device or a pipe" in err and "/dev/zero" in err


# ---------------------------------------------------------------------------------------------
# I3. Statistics values: finite and physically possible, checked at build and at load
# ---------------------------------------------------------------------------------------------


def _wdi(root: Path, rows: str, licenses: object = None) -> Path:
    folder = root / "wdi" / "SP.POP.TOTL"
    folder.mkdir(parents=True)
    package = {"title": "Population, total", "licenses": licenses or [{"name": "CC-BY-4.0"}]}
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    (folder / "data.csv").write_text(
        "Country Name,Country Code,Year,Value\nChile,CHL,2004,16187322\n" + rows, encoding="utf-8"
    )
    return root / "wdi"


CHILE = "---\ndate: 2005-03-15\n---\nChile, home to 16 million people, mines copper.\n"


@pytest.mark.parametrize(
    "value", ["NaN", "sNaN", "Infinity", "-Infinity", "1e999999999", "-127800000"]
)
def test_impossible_statistics_are_left_out_at_build_and_never_evidence(cli, capsys, value):
    _wdi(cli, f"Chile,CHL,2005,{value}\n")
    status, _, err = run(capsys, "snapshot", "build", "wdi.jsonl", "wdi")
    assert status == 0, err
    assert "left out 0" not in err
    if value not in ("NaN", "sNaN", "Infinity", "-Infinity"):  # those the CSV reader drops
        assert "claimcheck: warning: left out 1 statistics values that cannot be right" in err
    assert "2005" not in (cli / "wdi.jsonl").read_text("utf-8")
    (cli / "chile.md").write_text(CHILE, encoding="utf-8")
    status, out, err = run(
        capsys, "check", "chile.md", "--source", "snapshot:wdi.jsonl", "--format", "jsonl"
    )
    assert status in (0, 1), err
    assert "127.8" not in out


@pytest.mark.parametrize("value", ['"NaN"', '"-5"', '"1e999999999"', "[1]", '{"a": 1}'])
def test_a_snapshot_edited_to_hold_an_impossible_value_is_cc905_at_load(cli, capsys, value):
    header = {"indicator": "SP.POP.TOTL", "title": "Population, total"}
    series = '{"series": "SP.POP.TOTL", "country": "CHL", "name": "Chile", "values": {"2004": '
    (cli / "wdi.jsonl").write_text(
        json.dumps(header) + "\n" + series + value + "}}\n", encoding="utf-8"
    )
    (cli / "chile.md").write_text(CHILE, encoding="utf-8")
    status, out, err = run(capsys, "check", "chile.md", "--source", "snapshot:wdi.jsonl")
    assert (status, out) == (2, "")
    assert err.startswith("claimcheck: error: [CC905] snapshot wdi.jsonl is damaged: series "), err


@pytest.mark.parametrize("licenses", [["CC-BY-4.0"], 5, "CC-BY-4.0", [None, 3, {"name": 7}]])
def test_datapackage_licenses_of_any_shape_build(cli, capsys, licenses):
    _wdi(cli, "", licenses)
    status, _, err = run(capsys, "snapshot", "build", "wdi.jsonl", "wdi")
    assert status == 0, err
    header = json.loads((cli / "wdi.jsonl").read_text("utf-8").splitlines()[0])
    assert header["indicator"] == "SP.POP.TOTL"


# ---------------------------------------------------------------------------------------------
# I4. The config reader is total
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["tool = 5\n", '[tool]\nclaimcheck = "x"\n', "[tool]\nclaimcheck = [1, 2]\n"]
)
def test_another_projects_pyproject_up_the_tree_breaks_no_run(cli, capsys, text, monkeypatch):
    (cli / "pyproject.toml").write_text(text, encoding="utf-8")
    (cli / "site").mkdir()
    (cli / "site" / "good.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(cli / "site")
    status, out, err = run(capsys, "check", "good.txt", "--no-verify", "--format", "jsonl")
    assert (status, err) == (0, "")
    jsonl_records(out)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'select = ["CC"]\nformat = "\xff\xfe"\n', ".claimcheck.toml:2: not UTF-8 text"),
        (b"a = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", ".claimcheck.toml:"),
        (b"max-file-bytes = 99999999999999999999\n", "max-file-bytes' must be a whole number"),
        (b"jobs = 99999999999999999999\n", "'jobs' must be 'auto' or a whole number"),
        (b"source = 5\n", "'source' must be"),
    ],
    ids=["not-utf8", "nested-100000-deep", "huge-max-file-bytes", "huge-jobs", "source-number"],
)
def test_a_config_of_any_encoding_depth_or_size_is_one_line(cli, capsys, data, message):
    (cli / ".claimcheck.toml").write_bytes(data)
    (cli / "good.txt").write_text(GOOD, encoding="utf-8")
    status, out, err = run(capsys, "check", "good.txt", "--no-verify")
    assert (status, out) == (2, ""), err
    assert err.startswith("claimcheck: error: [CC903] ") and err.count("\n") == 1, err
    assert message in err


def test_a_huge_max_file_bytes_on_the_command_line_is_a_usage_error(cli, capsys):
    (cli / "good.txt").write_text(GOOD, encoding="utf-8")
    status, out, err = run(
        capsys, "check", "good.txt", "--no-verify", "--max-file-bytes", "99999999999999999999"
    )
    assert (status, out) == (2, "")
    assert err.startswith("claimcheck: error: [CC901] ") and err.count("\n") == 1, err


def test_a_top_level_source_key_is_the_source_not_an_unknown_key(cli, capsys):
    (cli / ".claimcheck.toml").write_text('source = "snapshot:missing.jsonl"\n', encoding="utf-8")
    (cli / "story.txt").write_text(STORY, encoding="utf-8")
    status, out, err = run(capsys, "check", "story.txt")
    assert status == 2
    assert "unknown key" not in err
    assert err.startswith("claimcheck: error: [CC905] cannot read snapshot ") and "missing" in err


def test_a_snapshot_named_in_a_parent_folders_config_is_found_from_a_sub_folder(
    cli, capsys, monkeypatch
):
    (cli / "facts.jsonl").write_bytes(SNAPSHOT.read_bytes())
    (cli / ".claimcheck.toml").write_text('[source]\nsource = "snapshot:facts.jsonl"\n', "utf-8")
    (cli / "desk").mkdir()
    (cli / "desk" / "story.txt").write_text(CRUZ, encoding="utf-8")
    monkeypatch.chdir(cli / "desk")
    status, out, err = run(capsys, "check", "story.txt", "--format", "jsonl")
    assert status in (0, 1), err
    verdicts = [r for r in jsonl_records(out) if r["record"] == "claim" and "verification" in r]
    assert any(r["verification"]["verdict"] == "supported" for r in verdicts), out


# ---------------------------------------------------------------------------------------------
# I5. Baselines and `verify` records
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", ["Infinity", "1e308", "-1", '"3"', "true", "2.5"])
def test_a_baseline_count_that_is_no_count_says_so(cli, capsys, count):
    entry = '{"path": "good.txt", "rule": "CC501", "fingerprint": "x", "count": ' + count + "}"
    (cli / "accepted.json").write_text('{"entries": [' + entry + "]}", encoding="utf-8")
    (cli / "good.txt").write_text(GOOD, encoding="utf-8")
    status, out, err = run(
        capsys, "check", "good.txt", "--no-verify", "--baseline", "accepted.json"
    )
    assert (status, out) == (2, "")
    assert err.startswith(
        "claimcheck: error: [CC903] accepted.json: baseline entry 1: 'count' must be a whole number"
    ), err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"span": {"start": "9", "end": 11}}, "'start' must be a whole number"),
        ({"line": "one"}, "'line' must be a whole number"),
        ({"value": [30]}, "'value' must be an object"),
        ({"text": 30}, "'text' must be a string"),
        ({"span": {"start": 11, "end": 9}}, "0 <= start <= end"),
    ],
    ids=["span-start-string", "line-string", "value-list", "text-number", "span-backwards"],
)
@pytest.mark.parametrize("fmt", ["jsonl", "table", "sarif", "html", "github", "claimreview"])
def test_verify_records_that_would_crash_a_renderer_are_refused_naming_the_line(
    cli, capsys, change, message, fmt
):
    (cli / "claims.jsonl").write_text(_lines(HEADER, {**CLAIM, **change}), encoding="utf-8")
    args = ("--source", f"snapshot:{SNAPSHOT}", "--format", fmt)
    status, out, err = run(capsys, "verify", "claims.jsonl", *args)
    assert status == 2
    assert err.startswith("claimcheck: error: [CC902] claims.jsonl:2: not a claimcheck record")
    assert message in err and err.count("\n") == 1, err


LONE = '{"id": "a", "text": "NATO has 30 member states."}\n{"id": "b\\ud800", "text": "x"}\n'
LONE += '{"id": "c", "text": "Spain has \\udfff 47 million people."}\n'


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_lone_surrogate_in_a_json_line_is_that_records_cc902(cli, capsys, jobs):
    (cli / "batch.jsonl").write_text(LONE, encoding="utf-8")
    status, out, err = run(
        capsys, "check", "batch.jsonl", "--no-verify", "--format", "jsonl", "--jobs", jobs
    )
    assert status == 2
    assert err.splitlines() == [
        "claimcheck: error: [CC902] batch.jsonl:2: 'id' holds a lone surrogate "
        "(\\ud800-\\udfff), not text",
        "claimcheck: error: [CC902] batch.jsonl:3: 'text' holds a lone surrogate "
        "(\\ud800-\\udfff), not text",
    ]
    assert [r["id"] for r in jsonl_records(out) if r["record"] == "document"] == ["a"]


def test_a_lone_surrogate_in_verify_records_is_cc902_not_a_write_error(cli, capsys):
    text = (
        json.dumps(HEADER)
        + "\n"
        + json.dumps({**CLAIM, "sentence": "x"}).replace('"x"', '"\\ud800"')
    )
    (cli / "claims.jsonl").write_text(text + "\n", encoding="utf-8")
    status, _, err = run(capsys, "verify", "claims.jsonl", "--source", f"snapshot:{SNAPSHOT}")
    assert status == 2
    assert err == (
        "claimcheck: error: [CC902] claims.jsonl:2: holds a lone surrogate (\\ud800-\\udfff), "
        "not text\n"
    )


# ---------------------------------------------------------------------------------------------
# I6. Messages that keep their own cause; any locale
# ---------------------------------------------------------------------------------------------


def test_an_error_while_the_report_is_produced_is_not_called_a_write_error(tmp_path):
    from claimcheck.errors import OutputError
    from claimcheck.render import output

    def chunks():
        yield "first\n"
        raise OSError(104, "Connection reset by peer")

    for target in (None, str(tmp_path / "report.txt")):
        with pytest.raises(OSError, match="Connection reset") as caught:
            output.write(chunks(), target, stream=open(os.devnull, "w"))  # noqa: SIM115
        assert not isinstance(caught.value, OutputError)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("fmt", ["table", "concise", "jsonl", "json", "sarif", "html", "github"])
def test_any_locale_writes_the_whole_report(tmp_path, fmt):
    (tmp_path / "story.md").write_text(
        "São Paulo’s budget grew 1000% from $1bn to $2bn — “officially”, said Ségolène.\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONIOENCODING="", NO_COLOR="1")
    env.pop("PYTHONIOENCODING")
    env["PYTHONPATH"] = str(Path(claimcheck.__file__).resolve().parent.parent)  # this checkout
    done = subprocess.run(
        [*CLAIMCHECK, "check", "story.md", "--no-verify", "--format", fmt],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    assert b"Traceback" not in done.stderr and b"CC907" not in done.stderr, done.stderr
    if fmt in ("jsonl", "json", "sarif"):
        text = done.stdout.decode("utf-8")
        for line in text.splitlines() if fmt == "jsonl" else [text]:
            json.loads(line)
    assert "“$1bn”".encode() in done.stdout or fmt in ("sarif", "json", "jsonl"), done.stdout


# ---------------------------------------------------------------------------------------------
# I7. A lost worker, and a scheduler that is none: one line, exit 2, bounded in time
# ---------------------------------------------------------------------------------------------


def _killed(chunk):
    os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does


def test_a_jobs_worker_killed_mid_run_is_one_line_exit_2_and_keeps_the_old_report(
    cli, capsys, monkeypatch
):
    monkeypatch.setattr("claimcheck.engine.pool._run", _killed)
    for name in "abc":
        (cli / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    (cli / "report.json").write_text("old", encoding="utf-8")
    status, out, err = run(
        capsys, "check", "a.txt", "b.txt", "c.txt", "--no-verify", "--jobs", "2",
        "--format", "json", "--output", "report.json",
    )  # fmt: skip
    assert (status, out) == (2, "")
    assert err.startswith("claimcheck: error: [CC900] a --jobs worker process died mid-run")
    assert err.count("\n") == 1, err
    assert (cli / "report.json").read_text(encoding="utf-8") == "old"
    assert not list(cli.glob(".*.tmp"))


def _server(answer: bytes | None) -> str:
    """A TCP server that, to every connection, says `answer` (None: says nothing, ever)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held = []

    def serve() -> None:
        while True:
            conn, _ = listener.accept()
            held.append(conn)  # kept open: a silent server never closes either
            if answer is not None:
                conn.recv(4096)
                conn.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    return f"tcp://127.0.0.1:{listener.getsockname()[1]}"


HTTP_400 = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@pytest.mark.parametrize(
    ("answer", "message"),
    [(None, "sent nothing within 1 s"), (HTTP_400, "sent nothing within 1 s")],
    ids=["silent", "http-server"],
)
def test_a_scheduler_that_is_none_is_one_line_naming_it_within_a_bound(
    cli, capsys, monkeypatch, answer, message
):
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr("claimcheck.engine.cluster.CONNECT_SECONDS", 1)
    (cli / "batch.jsonl").write_text('{"id": "a", "text": "NATO has 30 members."}\n', "utf-8")
    address = _server(answer)
    started = time.monotonic()
    status, out, err = run(
        capsys, "extract", "batch.jsonl", "--engine", "dask", "--scheduler", address
    )
    assert time.monotonic() - started < 30
    assert (status, out) == (2, "")
    assert err.startswith(f"claimcheck: error: [CC901] --scheduler {address}: ") and message in err
    assert err.count("\n") == 1, err


def test_a_scheduler_that_answers_gibberish_is_not_a_scheduler(cli, capsys):
    pytest.importorskip("dask.distributed")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def serve() -> None:
        while True:
            conn, _ = listener.accept()
            conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n")

    threading.Thread(target=serve, daemon=True).start()
    address = f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    (cli / "batch.jsonl").write_text('{"id": "a", "text": "NATO has 30 members."}\n', "utf-8")
    status, out, err = run(
        capsys, "extract", "batch.jsonl", "--engine", "dask", "--scheduler", address
    )
    assert (status, out) == (2, "")
    assert err == (
        f"claimcheck: error: [CC901] --scheduler {address}: it is not a Dask scheduler "
        "(it answered 'SSH-2.0-')\n"
    )


def test_tls_without_configuration_is_one_line(cli, capsys):
    pytest.importorskip("dask.distributed")
    (cli / "batch.jsonl").write_text('{"id": "a", "text": "NATO has 30 members."}\n', "utf-8")
    status, out, err = run(
        capsys, "extract", "batch.jsonl", "--engine", "dask", "--scheduler", "tls://127.0.0.1:9"
    )
    assert (status, out) == (2, "")
    assert (
        err.startswith(
            "claimcheck: error: [CC901] --scheduler tls://127.0.0.1:9: TLS needs Dask's TLS "
            "configuration"
        )
        and err.count("\n") == 1
    ), err


def test_a_scheduler_without_workers_is_said_not_waited_on_for_ever(cli, capsys, monkeypatch):
    distributed = pytest.importorskip("dask.distributed")
    monkeypatch.setattr("claimcheck.engine.cluster.WORKERS_SECONDS", 2)
    (cli / "batch.jsonl").write_text('{"id": "a", "text": "NATO has 30 members."}\n', "utf-8")
    with distributed.LocalCluster(
        n_workers=0, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        status, out, err = run(
            capsys, "extract", "batch.jsonl", "--engine", "dask", "--scheduler", address
        )
    assert (status, out) == (2, "")
    assert err.startswith(
        f"claimcheck: error: [CC901] --scheduler {address}: no worker joined within 2 s"
    ), err


def test_a_partition_that_kills_its_workers_is_a_lost_worker_not_findings():
    """Dask's KilledWorker (every worker given the partition died) reaches the driver from
    future.result(); it must be the run's one-line CC900, exit 2 (exit 1 would mean findings)."""
    distributed = pytest.importorskip("distributed.scheduler")
    from claimcheck.engine.cluster import _result
    from claimcheck.errors import ExitStatus, WorkerLost

    class Lost:
        def result(self):
            worker = SimpleNamespace(address="tcp://10.0.0.7:40211")
            raise distributed.KilledWorker("run_partition-3f2a", worker, 3)

    with pytest.raises(WorkerLost, match=r"died each time .* \(run_partition-3f2a\)") as caught:
        _result(Lost())
    assert caught.value.exit_status == ExitStatus.ERROR and caught.value.code == "CC900"


def test_a_parquet_column_named_like_a_reader_key_is_data(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from claimcheck.config import Settings
    from claimcheck.engine.archive import Partition, read_partition
    from claimcheck.engine.records import process

    rows = [{"id": "a", "text": GOOD, "_error": "boom", "_line": "x"}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "a.parquet")
    part = Partition(str(tmp_path / "a.parquet"), 0, 1)
    items = list(process(read_partition(part), Settings(verify=False), "extract"))
    assert [type(i).__name__ for i in items] == ["DocumentResult"], items
    assert items[0].claims


def test_dask_part_files_are_written_with_the_umask(tmp_path):
    from claimcheck.engine.cluster import write_part

    write_part(tmp_path / "part-00000.jsonl", [{"record": "document", "id": "a"}], "jsonl")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "part-00000.jsonl").stat().st_mode) == 0o666 & ~umask


# ---------------------------------------------------------------------------------------------
# I8. Wrong results
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "implied"),
    [
        ("Revenue grew 1000% from $1bn to $2bn last year.", "is 100%, not the “1000%” stated"),
        ("Costs rose 300% from $10m to $20m in 2023.", "is 100%, not the “300%” stated"),
        ("The budget grew 900% from $1bn to $2bn.", "is 100%, not the “900%” stated"),
        ("Profits jumped 500% from $2bn to $3bn last year.", "is 50.0%, not the “500%” stated"),
    ],
)
def test_cc512_says_the_change_the_figures_state_not_the_midpoint_of_their_rounding(
    cli, capsys, text, implied
):
    (cli / "story.txt").write_text(text + "\n", encoding="utf-8")
    status, out, err = run(capsys, "check", "story.txt", "--no-verify", "--format", "concise")
    assert status == 0 and err == ""
    (line,) = out.splitlines()
    assert "warning CC512" in line and line.endswith(implied), line


def test_a_cached_answer_of_the_wrong_shape_is_fetched_afresh_not_blamed_on_the_source(
    tmp_path,
):
    from claimcheck.cache import FILENAME
    from tests.conftest import replayer
    from tests.test_cache import wikidata

    with replayer().use_cassette(
        "wbgetentities-putin-Q7747.yaml", allow_playback_repeats=True
    ) as cassette:
        assert not wikidata(tmp_path).entities(["Q7747"])["Q7747"].missing
        played = cassette.play_count
        cache_file = tmp_path / FILENAME
        with sqlite3.connect(cache_file) as db:  # an older version's answer, of another shape
            db.execute("UPDATE responses SET body = ?", (b'{"entities": ["Q7747"]}',))
        warm = wikidata(tmp_path).entities(["Q7747"])["Q7747"]
        assert cassette.play_count == played + 1  # asked again, once
    assert not warm.missing and not warm.provenance.from_cache and warm.statements


@pytest.mark.parametrize(
    "csv_text",
    ["Chile,CHL,2004,16187322\n", 'Country Name,Country Code,Year,Value\n"Chile,CHL,2004,1\n'],
    ids=["no-header", "unclosed-quote"],
)
def test_a_wdi_file_that_yields_nothing_is_an_error_not_wrote_0(cli, capsys, csv_text):
    folder = _wdi(cli, "")
    (folder / "SP.POP.TOTL" / "data.csv").write_text(csv_text, encoding="utf-8")
    status, _, err = run(capsys, "snapshot", "build", "wdi.jsonl", "wdi")
    assert status == 2 and "wrote 0" not in err
    assert "hold no entity documents or statistics series" in err and "nothing written" in err
    assert not (cli / "wdi.jsonl").exists()


@pytest.mark.parametrize(
    ("text", "status"), [('[tool]\nclaimcheck = "x"\n', 2), ("[tool.other]\na = 1\n", 0)]
)
def test_a_pyproject_named_by_config_says_what_its_table_is(cli, capsys, text, status):
    (cli / "pyproject.toml").write_text(text, encoding="utf-8")
    (cli / "good.txt").write_text(GOOD, encoding="utf-8")
    got, out, err = run(capsys, "check", "good.txt", "--no-verify", "--config", "pyproject.toml")
    assert got == status, err
    if status == 2:
        assert err == (
            "claimcheck: error: [CC903] pyproject.toml: [tool.claimcheck] must be a table, "
            "not 'x'\n"
        )


@pytest.mark.parametrize(
    ("error", "status", "word"),
    [("Terminated", 143, "terminated"), ("KeyboardInterrupt", 130, "interrupted")],
)
def test_a_signal_after_the_report_is_in_place_says_the_report_is_whole(
    cli, capsys, monkeypatch, error, status, word
):
    """The README's promise for 130 and 143 is "--output as it was"; a signal that lands after
    the new report replaced it cannot keep that, so the message says the report is complete."""
    from claimcheck import errors

    (cli / "story.txt").write_text("Officials said 30 member states met.\n", encoding="utf-8")
    (cli / "report.json").write_text("old\n", encoding="utf-8")

    def late_signal(*args, **kwargs):
        raise getattr(errors, error) if error != "KeyboardInterrupt" else KeyboardInterrupt

    monkeypatch.setattr("claimcheck.cli.run._coverage_note", late_signal)
    code, _, err = run(
        capsys, "check", "story.txt", "--no-verify", "-f", "json", "-o", "report.json"
    )
    assert code == status
    assert err == f"claimcheck: error: {word} after the report was written whole to report.json\n"
    assert json.loads((cli / "report.json").read_text(encoding="utf-8"))[0]["record"] == "document"


def test_a_signal_before_the_report_is_in_place_leaves_the_old_file(cli, capsys, monkeypatch):
    from claimcheck.errors import Terminated

    (cli / "story.txt").write_text("Officials said 30 member states met.\n", encoding="utf-8")
    (cli / "report.json").write_text("old\n", encoding="utf-8")

    def early_signal(*args, **kwargs):
        raise Terminated

    monkeypatch.setattr("claimcheck.render.output.os.replace", early_signal)
    code, _, err = run(
        capsys, "check", "story.txt", "--no-verify", "-f", "json", "-o", "report.json"
    )
    assert (code, err) == (143, "claimcheck: error: terminated\n")
    assert (cli / "report.json").read_text(encoding="utf-8") == "old\n"
    assert not list(cli.glob(".report.json.*.tmp"))
