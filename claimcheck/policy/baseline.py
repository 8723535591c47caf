"""The baseline: findings a team has accepted, so that only new ones fail.

A JSON file of entries keyed by path (relative to the baseline file's folder) + rule + content
fingerprint, each with a count: the same sentence twice in one article is two findings. Line
numbers are not part of the key, so editing above a claim does not bring it back.

"Could not verify" (CC910) is never accepted: it is not a finding about the article but about
the run, and a baseline that held it would make every later outage pass.
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
from claimcheck.policy.findings import fingerprint
from claimcheck.policy.rules import UNVERIFIED_CODES

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
        accepted = finding.rule not in UNVERIFIED_CODES
        if accepted and finding.suppressed is None and remaining.get(k, 0) > 0:
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
            if f.suppressed in (None, "baseline") and f.rule not in UNVERIFIED_CODES:
                k = (rel, f.rule, f.fingerprint or "")
                counts[k] += 1
                messages.setdefault(k, f.message)
    return [
        {"path": p, "rule": r, "fingerprint": fp, "count": n, "message": messages[(p, r, fp)]}
        for (p, r, fp), n in sorted(counts.items())
    ]


def unverified_matches(
    results: Iterable[DocumentResult], entries: Mapping[str, int], root: str, fp_root: str
) -> int:
    """CC910 findings whose claim the baseline holds: under CC910 (a baseline written before
    CC910 was refused) or under the rule it would report if the source had answered. They are
    said, never suppressed. `fp_root` is the folder fingerprints are relative to."""
    by_path: dict[str, set[tuple[str, str]]] = {}
    for k in entries:
        path, rule, fp = k.split("\x1f")
        by_path.setdefault(path, set()).add((rule, fp))
    found = 0
    for r in results:
        held = by_path.get(relative(r.document.path, r.document.id, root), set())
        fp_key = relative(r.document.path, r.document.id, fp_root)
        for f in r.findings:
            if f.rule not in UNVERIFIED_CODES or not held:
                continue
            text = r.document.text[f.span.start : f.span.end]
            found += any(
                fp in (f.fingerprint, fingerprint(fp_key, rule, text)) for rule, fp in held
            )
    return found


def carried(existing: Mapping[str, int], paths: set[str]) -> list[dict[str, object]]:
    """The old entries of documents this run could not fully verify: whether their findings are
    gone cannot be told, so they are kept as they were (never CC910)."""
    out = []
    for k, count in sorted(existing.items()):
        path, rule, fp = k.split("\x1f")
        if path in paths and rule not in UNVERIFIED_CODES:
            out.append({"path": path, "rule": rule, "fingerprint": fp, "count": count})
    return out


def merge(*lists: list[dict[str, object]]) -> list[dict[str, object]]:
    """Entries of several lists, one per key (the larger count), sorted as render writes them."""
    by_key: dict[tuple[str, str, str], dict[str, object]] = {}
    for entry in (e for entry_list in lists for e in entry_list):
        k = (str(entry["path"]), str(entry["rule"]), str(entry["fingerprint"]))
        old = by_key.get(k)
        if old is None or int(str(entry["count"])) > int(str(old["count"])):
            by_key[k] = {**(old or {}), **entry}
    return [by_key[k] for k in sorted(by_key)]


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
