"""Docs that cannot drift: docs/ documents every rule code with an example, and the CI
workflow and pre-commit hooks shipped call only options `check` really has."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from claimcheck.__main__ import main
from claimcheck.policy.rules import ERROR_CODES, registry

ROOT = Path(__file__).resolve().parent.parent


def _page(name: str) -> str:
    return (ROOT / "docs" / name).read_text(encoding="utf-8")


def _rows(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| CC"):
            rows[cells[0]] = cells
    return rows


def test_every_rule_code_is_documented_with_an_example():
    rows = {**_rows(_page("rules.md")), **_rows(_page("consistency.md"))}
    for code in registry():
        assert code in rows, f"{code} missing from docs/rules.md and docs/consistency.md"
        assert len(rows[code]) >= 4 and rows[code][-1], f"{code} has no example"
    for code in ERROR_CODES:
        assert code in rows


def _check_options(capsys) -> set[str]:
    main(["check", "--help"])
    return set(re.findall(r"--[a-z][a-z-]+", capsys.readouterr().out))


def _invocations(text: str) -> list[list[str]]:
    found = []
    for line in text.splitlines():
        if "claimcheck check" in line:
            command = line.split("claimcheck check", 1)[1].split("||")[0].split("#")[0]
            found.append(shlex.split(command.replace("${BASE_REF}", "main")))
    return found


def test_ci_workflow_parses_and_uses_real_options(capsys):
    workflow = yaml.safe_load((ROOT / "examples" / "ci" / "github-workflow.yml").read_text())
    steps = workflow["jobs"]["claimcheck"]["steps"]
    assert any(s.get("uses", "").startswith("actions/cache") for s in steps)
    run_text = "\n".join(s.get("run", "") for s in steps)
    options = _check_options(capsys)
    invocations = _invocations(run_text)
    assert len(invocations) == 2
    for args in invocations:
        assert {a for a in args if a.startswith("--")} <= options


def test_pre_commit_hooks_call_real_options(capsys):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    options = _check_options(capsys)
    assert {h["id"] for h in hooks} == {"claimcheck", "claimcheck-verify"}
    for hook in hooks:
        assert hook["entry"].startswith("claimcheck check ")
        assert {a for a in shlex.split(hook["entry"]) if a.startswith("--")} <= options


ARTICLES = (
    "story.md",
    "news/notes.markdown",
    "page.html",
    "page.htm",
    "seed/nato-russia-council.txt",
)
NOT_ARTICLES = ("batch.jsonl", "data.json", "requirements.txt", "requirements-dev.txt")
NOT_ARTICLES += ("LICENSE.txt", "docs/licence.txt", "robots.txt", "script.py")


def _hook_takes(hook: dict, name: str) -> bool:
    """pre-commit's own filter: a file goes to the hook when one of its identify tags is in
    types_or and `exclude` does not match its path."""
    from identify.identify import tags_from_filename

    exclude = hook.get("exclude")
    if exclude and re.search(exclude, name):
        return False
    return bool(tags_from_filename(name) & set(hook["types_or"]))


def test_pre_commit_hooks_take_plain_text_articles_and_leave_other_text_files():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    for hook in hooks:
        assert [n for n in ARTICLES if not _hook_takes(hook, n)] == [], hook["id"]
        assert [n for n in NOT_ARTICLES if _hook_takes(hook, n)] == [], hook["id"]
