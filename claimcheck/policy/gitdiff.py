"""--changed-since REF: which lines of which files were added or changed since a git ref.

Uses `git diff -U0 REF` (the working tree against REF, so uncommitted edits count) plus untracked
files, which are new in full. Only added/changed lines count, the reviewdog `added` filter mode:
a deleted line leaves nothing to check.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

from claimcheck.errors import UsageError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def changed_lines(ref: str, cwd: str | None = None) -> dict[str, frozenset[int]]:
    """Absolute path → the line numbers (1-based) added or changed since `ref`."""
    root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    commit = _commit(ref, root)
    diff = _git(
        [
            "-c",
            "core.quotePath=false",
            "diff",
            "-U0",
            "--no-color",
            "--no-ext-diff",
            "--no-renames",
            commit,
            "--",
        ],
        root,
    )
    changed = {os.path.join(root, p): lines for p, lines in parse_diff(diff.splitlines()).items()}
    untracked = _git(
        ["-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z"], root
    )
    for name in filter(None, untracked.split("\0")):
        path = os.path.join(root, name)
        changed[path] = frozenset(range(1, _line_count(path) + 1))
    return {os.path.realpath(p): lines for p, lines in changed.items() if lines}


def parse_diff(lines: Iterable[str]) -> dict[str, frozenset[int]]:
    """Repository path → added lines, from `git diff -U0` output."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in lines:
        if line.startswith("+++ "):
            target = line[4:]
            current = (
                None if target == "/dev/null" else out.setdefault(target.removeprefix("b/"), set())
            )
            continue
        match = _HUNK.match(line)
        if match and current is not None:
            start, count = int(match.group(1)), int(match.group(2) or 1)
            current.update(range(start, start + count))
    return {path: frozenset(found) for path, found in out.items()}


def lines_for(path: str | None, changed: Mapping[str, frozenset[int]]) -> frozenset[int]:
    if path is None:
        return frozenset()
    return changed.get(os.path.realpath(path), frozenset())


def _commit(ref: str, root: str) -> str:
    """The commit `ref` names. A ref is never an option: '--output=FILE' handed to git diff
    would truncate FILE."""
    if ref.startswith("-") or not ref.strip():
        raise UsageError(f"--changed-since: {ref!r} is not a git ref")
    try:
        found = _git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root
        )
    except UsageError:
        raise UsageError(f"--changed-since: {ref!r} names no commit in this repository") from None
    return found.strip()


def _line_count(path: str) -> int:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return 0
    return data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)


def _git(args: list[str], cwd: str | None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git on PATH") from None
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UsageError(f"--changed-since: {detail}")
    return done.stdout
