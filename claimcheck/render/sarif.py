"""SARIF 2.1.0 for code-scanning dashboards: one run, every rule in the driver with its stable
code as ruleId, repository-relative POSIX paths under %SRCROOT%, and partialFingerprints from the
content fingerprint (path + rule + normalized claim text), never from line numbers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from claimcheck import __version__
from claimcheck.model import DocumentResult, Finding
from claimcheck.policy.rules import registry
from claimcheck.render.base import display_path, file_region

MAX_RESULTS = 5000  # GitHub code scanning drops runs over this many results
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SUPPRESSION_KIND = {"inline": "inSource", "front_matter": "inSource", "baseline": "external"}
HELP_URI = "https://github.com/claimcheck/claimcheck#rule-codes"


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {
                "text": f"{rule.summary} Example: {rule.example}" if rule.example else rule.summary
            },
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "helpUri": HELP_URI,
            "properties": {"category": rule.category},
        }
        for rule in registry().values()
    ]


def _result(result: DocumentResult, f: Finding, index: dict[str, int]) -> dict[str, Any]:
    placed = file_region(result, f)
    region = placed and {
        "startLine": placed.line,
        "startColumn": placed.column,
        "endLine": placed.end_line,
        "endColumn": max(placed.end_column, 1),
    }
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "level": _LEVEL.get(f.severity, "note"),
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": display_path(result), "uriBaseId": "%SRCROOT%"},
                    **({"region": region} if region else {}),
                }
            }
        ],
        "partialFingerprints": {"claimcheckFingerprint/v1": f.fingerprint or ""},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.suppressed is not None:
        out["suppressions"] = [
            {"kind": _SUPPRESSION_KIND.get(f.suppressed, "external"), "justification": f.suppressed}
        ]
    return out


def render(results: Iterable[DocumentResult]) -> Iterator[str]:
    rules = _rules()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    found = [_result(r, f, index) for r in results for f in r.findings]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": __version__,
                "informationUri": HELP_URI.split("#")[0],
                "rules": rules,
            }
        },
        "originalUriBaseIds": {
            "%SRCROOT%": {
                "description": {
                    "text": "The folder claimcheck was run from (the repository root in CI)."
                }
            }
        },
        "results": found[:MAX_RESULTS],
        "columnKind": "unicodeCodePoints",
    }
    if len(found) > MAX_RESULTS:
        left = len(found) - MAX_RESULTS
        note = f"{left} results left out: SARIF consumers accept at most {MAX_RESULTS} per run."
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [{"level": "warning", "message": {"text": note}}],
            }
        ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    yield json.dumps(log, ensure_ascii=False, indent=2) + "\n"
