"""End to end on the newsroom fixture (tests/data/newsroom): every format through the CLI with
stdout parsed, every exit code, suppressions, the baseline command, --changed-since, terminal
manners and byte-identical output. No network: `check --no-verify`."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from ci_support import NEWSROOM
from test_ci_formats import CONCISE, SARIF_SCHEMA, parse_workflow_commands

from claimcheck.__main__ import main
from claimcheck.render import schema
from claimcheck.render.terminal import show_progress, use_color

CLAIMCHECK = [sys.executable, "-m", "claimcheck"]


@pytest.fixture()
def newsroom(tmp_path, monkeypatch, nlp):
    """A copy of the fixture repository as the current folder, with the session's pipeline."""
    repo = tmp_path / "newsroom"
    shutil.copytree(NEWSROOM, repo)
    monkeypatch.chdir(repo)
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    for name in (
        "CLAIMCHECK_CONFIG",
        "NO_COLOR",
        "FORCE_COLOR",
        "GITHUB_STEP_SUMMARY",
        "GITHUB_ACTIONS",
    ):
        monkeypatch.delenv(name, raising=False)
    return repo


def run(capsys, *args):
    status = main(["check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _sarif_errors(text):
    from jsonschema import Draft4Validator, FormatChecker

    validator = Draft4Validator(
        json.loads(SARIF_SCHEMA.read_text()), format_checker=FormatChecker()
    )
    return list(validator.iter_errors(json.loads(text)))


PARSERS = {
    "json": lambda out: [e for d in json.loads(out) for e in schema.errors(d, "document")],
    "jsonl": lambda out: [e for line in out.splitlines() for e in schema.errors(json.loads(line))],
    "sarif": _sarif_errors,
    "github": lambda out: [c for c in parse_workflow_commands(out) if not c.get("message")],
    "concise": lambda out: [line for line in out.splitlines() if not CONCISE.match(line)],
    "claimreview": lambda out: [
        d for d in json.loads(out) if d.get("creativeWorkStatus") != "Draft"
    ],
    "table": lambda out: [] if "articles/council-meeting.md" in out else ["no table"],
    "html": lambda out: _html_problems(out),
}


def _html_problems(out):
    from html_support import parse

    root, problems = parse(out)
    if not root.find_all("div", "article") or not root.find_all("nav"):
        problems.append("no article or no table of contents")
    return problems


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_every_format_writes_only_parseable_output_on_stdout(newsroom, capsys, fmt):
    status, out, err = run(capsys, ".", "--no-verify", "--format", fmt)
    assert status == 1, err  # the fixture has a contradiction in articles/council-meeting.md
    assert out and PARSERS[fmt](out) == []
    assert err == ""


def test_suppressions_and_baseline_show_in_the_records(newsroom, capsys):
    _, out, _ = run(capsys, ".", "--no-verify", "--format", "jsonl")
    found = [json.loads(x) for x in out.splitlines() if '"record":"finding"' in x]
    state = sorted((f["doc"], f["rule"], f["severity"], f["suppressed"] or "") for f in found)
    assert state == [
        ("archive/2019-summit.md", "CC501", "warning", ""),  # the archive override only warns
        ("articles/baselined.md", "CC501", "error", "baseline"),
        ("articles/council-meeting.md", "CC501", "error", ""),
        ("articles/front-matter-suppressed.md", "CC501", "error", "front_matter"),
        ("articles/inline-suppressed.md", "CC501", "error", "inline"),
        ("articles/inline-suppressed.md", "CC911", "warning", ""),  # ignore CC301 hid nothing
        ("articles/press-release.html", "CC501", "error", ""),
    ]


@pytest.mark.parametrize(
    "args, status",
    [
        (["archive"], 0),  # warnings only
        (["articles/baselined.md", "articles/inline-suppressed.md"], 0),
        (["articles"], 1),
        (["articles", "--exit-zero"], 0),
        (["articles", "--ignore", "CC501"], 0),
        (["archive", "--fail-on", "warning"], 1),
        (["articles", "missing.md", "--exit-zero"], 2),
        (["articles", "--select", "CC599"], 2),
        (["articles", "--fail-on", "sometimes"], 2),
        (["articles", "--color", "purple"], 2),
        (["archive", "--fail-on", "warning", "--min-severity", "error"], 0),  # hidden: not counted
        (["articles", "--min-severity", "loud"], 2),
        (["articles", "--ignore", "CC5", "--extend-select", "CC501"], 1),
        (["articles", "--extend-select", "CC999"], 2),
        (["articles", "--update-baseline", "--prune-baseline"], 2),  # conflicting flags
        (["-", "--files-from", "-"], 2),
    ],
)
def test_exit_codes(newsroom, capsys, args, status):
    assert run(capsys, *args, "--no-verify", "--format", "concise")[0] == status


def test_unknown_code_suggests_the_nearest(newsroom, capsys):
    _, out, err = run(capsys, "articles", "--no-verify", "--select", "CC599")
    assert out == "" and "unknown rule code 'CC599'; did you mean CC509?" in err


def _codes(out: str) -> list[str]:
    return [line.split()[2] for line in out.splitlines()]


def test_min_severity_hides_findings_below_it(newsroom, capsys):
    _, everything, _ = run(capsys, "articles", "--no-verify", "--format", "concise")
    _, errors, _ = run(
        capsys, "articles", "--no-verify", "--format", "concise", "--min-severity", "error"
    )
    assert "warning" in everything and errors and "warning" not in errors
    assert set(errors.splitlines()) < set(everything.splitlines())


def test_extend_select_adds_to_select_from_the_file(newsroom, capsys):
    config = newsroom / ".claimcheck.toml"
    config.write_text('select = ["CC911"]\n' + config.read_text())  # a top-level key: first
    assert "CC501" not in _codes(run(capsys, "articles", "--no-verify", "--format", "concise")[1])
    _, out, _ = run(
        capsys, "articles", "--no-verify", "--format", "concise", "--extend-select", "CC501"
    )
    assert "CC501" in _codes(out)


def test_baseline_command_accepts_todays_findings_and_only_new_ones_fail(newsroom, capsys):
    assert main(["baseline", ".", "--no-verify"]) == 0
    assert "baseline entries" in capsys.readouterr().err
    assert run(capsys, ".", "--no-verify", "--format", "concise") == (0, "", "")
    story = newsroom / "articles" / "council-meeting.md"
    story.write_text(story.read_text().replace("# Council", "An added line.\n\n# Council"))
    assert run(capsys, ".", "--no-verify", "--format", "concise")[0] == 0  # moved, not new
    story.write_text(story.read_text() + "\nThey met again on Monday, January 12, 2022.\n")
    status, out, _ = run(capsys, ".", "--no-verify", "--format", "concise")
    assert status == 1 and out.count("\n") == 1 and "Monday" in out


def test_prune_drops_entries_whose_findings_are_gone(newsroom, capsys):
    (newsroom / "articles" / "baselined.md").unlink()
    assert main(["baseline", ".", "--no-verify", "--prune"]) == 0
    entries = json.loads((newsroom / ".claimcheck-baseline.json").read_text())["entries"]
    assert entries == []  # the only entry was for the deleted article; nothing new accepted


def test_changed_since_reports_only_new_lines(newsroom, capsys):
    git = [
        "git",
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "-c",
        "commit.gpgsign=false",
    ]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "articles"], check=True)
    story = newsroom / "articles" / "council-meeting.md"
    story.write_text(story.read_text() + "\nThey met again on Monday, January 12, 2022.\n")
    status, out, _ = run(
        capsys, ".", "--no-verify", "--format", "concise", "--changed-since", "HEAD"
    )
    assert status == 1 and [CONCISE.match(x)["line"] for x in out.splitlines()] == ["11"]


def test_files_from_stdin(newsroom, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("archive/2019-summit.md\n"))
    status, out, _ = run(capsys, "--files-from", "-", "--no-verify", "--format", "concise")
    assert status == 0 and out.startswith("archive/2019-summit.md:5:22: warning CC501")


def test_config_warnings_on_stderr_and_quiet(newsroom, capsys):
    cfg = newsroom / ".claimcheck.toml"
    cfg.write_text("fial-on = []\n" + cfg.read_text())
    _, out, err = run(capsys, "archive", "--no-verify", "--format", "concise")
    assert "unknown key 'fial-on' ignored; did you mean 'fail-on'?" in err and "CC501" in out
    assert run(capsys, "archive", "--no-verify", "--format", "concise", "--quiet")[2] == ""


def test_github_format_writes_the_job_summary(newsroom, capsys, monkeypatch, tmp_path):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, ".", "--no-verify", "--format", "github")
    text = summary.read_text()
    assert (
        text.startswith("## claimcheck")
        and "| articles/council-meeting.md | 7 | error | CC501 |" in text
    )


@pytest.mark.parametrize(
    "env, flag, coloured",
    [
        ({}, None, False),  # not a terminal
        ({"FORCE_COLOR": "1"}, None, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, None, False),
        ({"FORCE_COLOR": "1"}, "never", False),
        ({"NO_COLOR": "1"}, "always", True),
    ],
)
def test_colour_precedence_end_to_end(newsroom, capsys, monkeypatch, env, flag, coloured):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    extra = ["--color", flag] if flag else []
    _, out, _ = run(capsys, "archive", "--no-verify", "--format", "concise", *extra)
    assert ("\x1b[" in out) is coloured


def test_colour_and_progress_rules():
    assert use_color("auto", {}, isatty=True) is True
    assert use_color("auto", {"TERM": "dumb"}, isatty=True) is False
    assert use_color("auto", {"NO_COLOR": ""}, isatty=True) is True  # empty NO_COLOR does not count
    assert use_color("always", {"TERM": "dumb"}, isatty=False) is True

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert show_progress(Tty(), quiet=False, env={}) is True
    assert show_progress(Tty(), quiet=True, env={}) is False
    assert show_progress(io.StringIO(), quiet=False, env={}) is False


# --- real processes: pipes and determinism ------------------------------------------------


def _env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "CLAIMCHECK_CONFIG")
    }
    return {**env, **extra}


def test_closed_pipe_exits_quietly():
    """`claimcheck check ... | head -1`: the reader goes away before the output is written."""
    proc = subprocess.Popen(
        [*CLAIMCHECK, "check", ".", "--no-verify", "--format", "jsonl"],
        cwd=NEWSROOM,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    # The reader chose to stop reading: a clean exit, and nothing on stderr about it.
    assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, (
        err
    )


def _checked(fmt: str, *args: str, **env: str) -> bytes:
    """`check --no-verify` on the fixture in a fresh process, with its own environment."""
    return subprocess.run(
        [*CLAIMCHECK, "check", ".", "--no-verify", "--format", fmt, *args],
        cwd=NEWSROOM,
        capture_output=True,
        env=_env(**env),
        timeout=120,
    ).stdout


def test_output_is_byte_identical_across_runs_and_hash_seeds():
    outputs = {seed: _checked("json", PYTHONHASHSEED=seed) for seed in ("0", "4242")}
    outputs["C"] = _checked("json", "--jobs", "2", PYTHONHASHSEED="7", LC_ALL="C", LANG="C")
    assert outputs["C"] == outputs["0"]  # another locale and worker count
    assert outputs["0"] and outputs["0"] == outputs["4242"]
    assert not re.search(rb"\d{4}-\d\d-\d\dT\d\d:\d\d", outputs["0"])  # no run timestamps


def test_html_is_byte_identical_across_hash_seeds():
    pages = [_checked("html", PYTHONHASHSEED=seed) for seed in ("0", "4242")]
    assert pages[0].startswith(b"<!DOCTYPE html>") and pages[0] == pages[1]


# --- with verdicts: the fixture's alliance article against the in-memory fake source ----------


def _verified(nlp, unavailable=False, **rules):
    from ci_support import settings
    from fakes import FakeSource

    from claimcheck import pipeline
    from claimcheck.read.documents import markdown_document

    name = "articles/alliance-talks.md"
    doc = markdown_document(name, (NEWSROOM / name).read_text(encoding="utf-8"))
    s = settings(**rules)
    return list(pipeline.check([doc], nlp, s, source=FakeSource(unavailable=unavailable))), s


def test_contradicted_claim_fails_once_and_every_format_carries_it(nlp):
    from claimcheck.policy.outcome import exit_status
    from claimcheck.render import claimreview
    from claimcheck.render.records import RENDERERS

    results, s = _verified(nlp)
    assert [(f.rule, f.severity, f.line) for f in results[0].findings] == [("CC302", "error", 5)]
    assert exit_status(results, s.rules) == 1
    assert _sarif_errors("".join(RENDERERS["sarif"](results))) == []
    (command,) = parse_workflow_commands("".join(RENDERERS["github"](results)))
    assert command["title"] == "CC302 (error)" and "30" in command["message"]
    drafts = json.loads("".join(claimreview.render(results)))
    ratings = sorted(d["reviewRating"]["ratingValue"] for d in drafts)
    assert ratings[0] == 1 and 5 in ratings  # the contradicted count and the supported role
    ignored, s = _verified(nlp, ignore=("CC302",))
    assert [f.rule for f in ignored[0].findings] == ["CC301"]  # the count inside it stays reported


def test_source_unavailable_is_exit_3_and_fail_on_unverified_makes_it_1(nlp):
    from claimcheck.policy.outcome import exit_status

    results, s = _verified(nlp, unavailable=True)
    assert {f.rule for f in results[0].findings} == {"CC910"}
    assert exit_status(results, s.rules) == 3
    results, s = _verified(nlp, unavailable=True, fail_on=("unverified",))
    assert exit_status(results, s.rules) == 1


def test_table_marks_suppressed_findings_and_actions_suggests_github(newsroom, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, err = run(capsys, "articles/baselined.md", "--no-verify", "--format", "table")
    assert "CC501" in out and "(suppressed: baseline)" in out
    assert "--format github" in err


def test_baseline_then_check_needs_no_configuration(newsroom, capsys):
    (newsroom / ".claimcheck.toml").unlink()
    (newsroom / ".claimcheck-baseline.json").unlink()
    assert run(capsys, "articles", "--no-verify", "--format", "concise")[0] == 1
    assert main(["baseline", "articles", "--no-verify"]) == 0
    assert (newsroom / ".claimcheck-baseline.json").is_file()
    assert run(capsys, "articles", "--no-verify", "--format", "concise")[:2] == (0, "")


def test_progress_goes_to_a_terminal_stderr_and_never_to_stdout():
    import pty

    leader, follower = pty.openpty()
    done = subprocess.run(
        [*CLAIMCHECK, "check", ".", "--no-verify", "--format", "concise"],
        cwd=NEWSROOM,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=_env(TERM="xterm"),
        timeout=120,
    )
    os.close(follower)
    shown = b""
    try:
        while chunk := os.read(leader, 4096):
            shown += chunk
    except OSError:  # the terminal closed
        pass
    os.close(leader)
    assert b"checking" in shown
    assert b"\x1b[" not in done.stdout and all(
        CONCISE.match(x) for x in done.stdout.decode().splitlines()
    )
