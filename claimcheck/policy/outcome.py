"""The exit status of a `check` run, from its results and the rule settings.

    2  an input could not be read or a document failed (never masked, not even by --exit-zero)
    1  a finding that counts matches --fail-on (masked by --exit-zero)
    3  nothing failed (or --exit-zero), but some claim could not be verified because the source
       was unavailable (CC910); `--fail-on unverified` turns that into 1
    0  otherwise

3 is read from the claims' verdicts, not from the findings shown, so no baseline, suppression,
--ignore, --min-severity or --exit-zero can turn an outage into a pass.

--fail-on takes categories and severities: `contradicted` (CC1xx–CC4xx) and `inconsistent`
(CC5xx) fail on findings of severity error in that category; `unverified` fails on CC910;
`error`, `warning`, `info` fail on any finding at or above that severity. Suppressed and
baselined findings never count.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.config import RuleSettings
from claimcheck.errors import ExitStatus, UsageError
from claimcheck.model import DocumentResult, Finding
from claimcheck.policy.findings import rule_for
from claimcheck.policy.rules import SEVERITIES, UNVERIFIED_CODES, registry

CATEGORIES = ("contradicted", "inconsistent", "unverified")
FAIL_ON_CHOICES = (*CATEGORIES, *SEVERITIES)


def check_fail_on(values: Iterable[str]) -> tuple[str, ...]:
    out = tuple(v.strip().lower() for raw in values for v in raw.split(",") if v.strip())
    for value in out:
        if value not in FAIL_ON_CHOICES:
            raise UsageError(
                f"--fail-on: unknown value '{value}'; choose from {', '.join(FAIL_ON_CHOICES)}"
            )
    return out


def fails(finding: Finding, fail_on: tuple[str, ...]) -> bool:
    if finding.suppressed is not None:
        return False
    rule = registry().get(finding.rule)
    category = rule.category if rule else "diagnostic"
    if category in fail_on and (category == "unverified" or finding.severity == "error"):
        return True
    rank = SEVERITIES.index(finding.severity) if finding.severity in SEVERITIES else len(SEVERITIES)
    return any(s in fail_on and rank <= SEVERITIES.index(s) for s in SEVERITIES)


def exit_status(
    results: Iterable[DocumentResult], rules: RuleSettings, unreadable: int = 0
) -> ExitStatus:
    results = list(results)
    if unreadable or any(r.error for r in results):
        return ExitStatus.ERROR
    findings = [f for r in results for f in r.findings]
    if any(fails(f, rules.fail_on) for f in findings) and not rules.exit_zero:
        return ExitStatus.FINDINGS
    if unverified(results):
        if "unverified" in rules.fail_on and not rules.exit_zero:
            return ExitStatus.FINDINGS
        return ExitStatus.UNVERIFIED
    return ExitStatus.OK


def unverified(results: Iterable[DocumentResult]) -> int:
    """How many claims the source could not answer (each is a CC910, shown or not)."""
    return sum(rule_for(c) in UNVERIFIED_CODES for r in results for c in r.claims)
