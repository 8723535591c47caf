"""The team's policy applied to one result, after every checking stage: findings from verdicts,
fingerprints, per-glob overrides, --select/--ignore, inline and front-matter suppressions,
--changed-since and the baseline. The last stage of pipeline.check()."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from claimcheck.model import Claim, DocumentResult, Finding, Span
from claimcheck.policy import baseline, gitdiff, suppress
from claimcheck.policy.findings import claim_findings, with_fingerprints
from claimcheck.policy.rules import SEVERITIES, is_enabled, registry
from claimcheck.read import htmlmap

if TYPE_CHECKING:
    from claimcheck.config import Override, RuleSettings, Settings

_SORT_SEVERITY = {s: i for i, s in enumerate(SEVERITIES)}


def apply_rules(
    result: DocumentResult, settings: Settings, remaining: dict[str, int] | None = None
) -> DocumentResult:
    """`remaining` is the baseline's countdown shared by every document of the run (one is made
    from settings when not given)."""
    rules = settings.rules
    root = rules.root or os.getcwd()
    rel = baseline.relative(result.document.path, result.document.id, root)
    # Fingerprints use the path relative to the root, so they do not depend on how it was given.
    findings = with_fingerprints(
        dataclasses.replace(result, findings=(*result.findings, *claim_findings(result, rel))), rel
    )
    overrides = [o for o in rules.overrides if matches(o.files, rel)]
    select = (*rules.select, *(c for o in overrides for c in o.select))
    ignore = (*rules.ignore, *(c for o in overrides for c in o.ignore))
    enabled = {code for code in registry() if is_enabled(code, select, ignore)}
    kept = [
        _capped(f, overrides) for f in findings if f.rule in enabled or f.rule not in registry()
    ]
    kept = suppress.apply(result.document, _drop_nested(kept), enabled)
    claims = result.claims
    if rules.changed_lines is not None:
        kept, claims = _changed_only(result, kept, rules.changed_lines)
    if remaining is None and rules.baseline_entries is not None:
        remaining = dict(rules.baseline_entries)
    if remaining is not None:
        kept = baseline.apply(
            kept,
            baseline.relative(result.document.path, result.document.id, _baseline_root(rules)),
            remaining,
        )
    if rules.min_severity is not None:
        floor = _SORT_SEVERITY[rules.min_severity]
        kept = [f for f in kept if _SORT_SEVERITY.get(f.severity, floor) <= floor]
    return dataclasses.replace(result, claims=claims, findings=tuple(sorted(kept, key=sort_key)))


def _drop_nested(findings: list[Finding]) -> list[Finding]:
    """One report per contradiction: "28" (a count) inside "28 member states" (a membership
    count) is the same mistake, so a verdict finding inside a longer one of the same category
    goes. Runs after --select/--ignore, so switching off the longer rule keeps the shorter."""
    from_claims = [f for f in findings if f.claims and f.rule[2] in "12349"]

    def inside(f: Finding, g: Finding) -> bool:
        same = (f.rule[2] == "9") == (g.rule[2] == "9")
        return (
            same
            and g is not f
            and g.span.start <= f.span.start
            and f.span.end <= g.span.end
            and (g.span.end - g.span.start > f.span.end - f.span.start)
        )

    return [
        f for f in findings if f not in from_claims or not any(inside(f, g) for g in from_claims)
    ]


def _baseline_root(rules: RuleSettings) -> str:
    return (
        os.path.dirname(os.path.abspath(rules.baseline))
        if rules.baseline
        else (rules.root or os.getcwd())
    )


def _capped(finding: Finding, overrides: list[Override]) -> Finding:
    """Lower the severity to the most lenient cap any matching override sets."""
    caps = [o.severity for o in overrides if o.severity]
    if not caps:
        return finding
    cap = max(caps, key=_SORT_SEVERITY.__getitem__)
    if _SORT_SEVERITY[finding.severity] < _SORT_SEVERITY[cap]:
        return dataclasses.replace(finding, severity=cap)
    return finding


def _changed_only(
    result: DocumentResult, findings: list[Finding], changed: Mapping[str, frozenset[int]]
) -> tuple[list[Finding], tuple[Claim, ...]]:
    lines = gitdiff.lines_for(result.document.path, changed)
    if result.document.format == "html":
        if not lines:
            return [], ()

        # Lines of extracted text are not the file's: each passage is placed in the page's source,
        # and one that cannot be placed is kept (the page did change).
        def touched(span: Span) -> bool:
            where = htmlmap.source_lines(result.document, span)
            return where is None or any(line in lines for line in where)

        return [f for f in findings if touched(f.span)], tuple(
            c for c in result.claims if touched(c.span)
        )
    kept = [f for f in findings if f.line in lines]
    return kept, tuple(c for c in result.claims if c.line in lines)


def sort_key(f: Finding) -> tuple:
    return (f.line, f.column, f.span.end, f.rule, f.fingerprint or "", f.message)


def matches(patterns: tuple[str, ...], path: str) -> bool:
    return any(_glob(p).fullmatch(path) for p in patterns)


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """A path glob: `**` crosses folders, `*` and `?` do not."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            ch = pattern[i]
            out.append("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch))
            i += 1
    return re.compile("".join(out))
