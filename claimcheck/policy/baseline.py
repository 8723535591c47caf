"""The baseline: findings a team has accepted, so that only new ones fail.

A JSON file of entries keyed by path (relative to the baseline file's folder) + rule + content
fingerprint, each with a count: the same sentence twice in one article is two findings. Line
numbers are not part of the key, so editing above a claim does not bring it back.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from claimcheck.errors import ConfigError
from claimcheck.limits import BASELINE_BYTES, read_file
from claimcheck.model import DocumentResult, Finding

VERSION = 1
DEFAULT_FILE = ".claimcheck-baseline.json"


def key(path: str, rule: str, fingerprint: str | None) -> str:
    return f"{path}\x1f{rule}\x1f{fingerprint or ''}"


def relative(doc_path: str | None, doc_id: str, root: str) -> str:
    """A document's path relative to `root`, POSIX style (the id when it has no path)."""
    if doc_path is None:
        return doc_id
    absolute = os.path.abspath(doc_path)
    try:
        return Path(os.path.relpath(absolute, root)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()


def load(path: str) -> dict[str, int]:
    """The entries of a baseline file; a missing file is an empty baseline."""
    try:
        data = json.loads(read_file(path, BASELINE_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise ConfigError(f"{path}: not a claimcheck baseline ({err.strerror or err})") from None
    except ValueError as err:
        raise ConfigError(f"{path}: not a claimcheck baseline ({err})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a claimcheck baseline (JSON nested too deep)") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{path}: not a claimcheck baseline (no 'entries' list)")
    counts: dict[str, int] = {}
    for number, entry in enumerate(data["entries"], 1):
        k = _entry_key(entry, path, number)
        counts[k] = counts.get(k, 0) + _count(entry, path, number)
    return counts


def _entry_key(entry: object, path: str, number: int) -> str:
    if isinstance(entry, dict) and entry.get("fingerprint", "") is None:
        entry = {**entry, "fingerprint": ""}  # what `key` writes for a finding without one
    fields = (
        [entry.get(f) for f in ("path", "rule", "fingerprint")] if isinstance(entry, dict) else []
    )
    if len(fields) != 3 or not all(isinstance(f, str) for f in fields):
        raise ConfigError(f"{path}: baseline entry {number} without path, rule and fingerprint")
    return key(str(fields[0]), str(fields[1]), str(fields[2]))


def _count(entry: dict[str, object], path: str, number: int) -> int:
    count = entry.get("count", 1)
    # A float, even a whole one, is refused: Infinity or 1e308 would accept every finding.
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 10**9:
        raise ConfigError(
            f"{path}: baseline entry {number}: 'count' must be a whole number from 1 to "
            f"1000000000, not {count!r:.40}"
        )
    return count


def apply(findings: Iterable[Finding], rel_path: str, remaining: dict[str, int]) -> list[Finding]:
    """Mark findings the baseline accepts as suppressed; `remaining` counts down as they are used
    (one entry per occurrence), so a second copy of an accepted finding still counts."""
    out = []
    for finding in findings:
        k = key(rel_path, finding.rule, finding.fingerprint)
        if finding.suppressed is None and remaining.get(k, 0) > 0:
            remaining[k] -= 1
            finding = dataclasses.replace(finding, suppressed="baseline")
        out.append(finding)
    return out


def entries(results: Iterable[DocumentResult], root: str) -> list[dict[str, object]]:
    """Baseline entries for every finding that counts (not suppressed some other way)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    messages: dict[tuple[str, str, str], str] = {}
    for result in results:
        rel = relative(result.document.path, result.document.id, root)
        for f in result.findings:
            if f.suppressed in (None, "baseline"):
                k = (rel, f.rule, f.fingerprint or "")
                counts[k] += 1
                messages.setdefault(k, f.message)
    return [
        {"path": p, "rule": r, "fingerprint": fp, "count": n, "message": messages[(p, r, fp)]}
        for (p, r, fp), n in sorted(counts.items())
    ]


def prune(existing: Mapping[str, int], current: list[dict[str, object]]) -> list[dict[str, object]]:
    """Keep only what is both in the old baseline and still found: never accept anything new."""
    out = []
    for entry in current:
        k = key(str(entry["path"]), str(entry["rule"]), str(entry["fingerprint"]))
        allowed = min(int(str(entry["count"])), existing.get(k, 0))
        if allowed:
            out.append({**entry, "count": allowed})
    return out


def render(entry_list: list[dict[str, object]]) -> str:
    doc = {"tool": "claimcheck", "version": VERSION, "entries": entry_list}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
