"""SARIF 2.1.0 for code-scanning dashboards: one run, every rule in the driver with its stable
code as ruleId and its help, repository-relative percent-encoded URIs under %SRCROOT% (absolute
file:// URIs for inputs outside it), and partialFingerprints from the content fingerprint (path +
rule + normalized claim text), never from line numbers."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.model import DocumentResult, Finding
from claimcheck.policy.rules import Rule, registry
from claimcheck.render.base import display_path, file_region

MAX_RESULTS = 5000  # GitHub code scanning drops runs over this many results
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_SUPPRESSION_KIND = {"inline": "inSource", "front_matter": "inSource", "baseline": "external"}
README_URL = "https://github.com/claimcheck/claimcheck"
DOCS_URL = f"{README_URL}/blob/main/docs"
# The docs page (and its heading) whose table holds the rule's row, by category.
_RULE_PAGE = {"inconsistent": "consistency.md#internal-consistency"}
_ROOT = "%SRCROOT%"


def help_uri(rule: Rule) -> str:
    return f"{DOCS_URL}/{_RULE_PAGE.get(rule.category, 'rules.md#rule-codes')}"


def _rules() -> list[dict[str, Any]]:
    return [_rule(rule) for rule in registry().values()]


def _rule(rule: Rule) -> dict[str, Any]:
    described = f"{rule.summary} Example: {rule.example}" if rule.example else rule.summary
    uri = help_uri(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": described},
        # GitHub code scanning requires help.text; it shows it beside every alert of the rule.
        "help": {
            "text": f"{rule.code} {rule.name} ({rule.severity}): {described} See {uri}",
            "markdown": f"**{rule.code}** `{rule.name}` ({rule.severity}): {described}\n\n"
            f"[{rule.code} in the documentation]({uri})",
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "helpUri": uri,
        "properties": {"category": rule.category},
    }


def artifact_location(result: DocumentResult) -> dict[str, str]:
    """A percent-encoded URI relative to %SRCROOT% for an input under the folder claimcheck runs
    in; an absolute file:// URI, with no uriBaseId, for one outside it (SARIF1004)."""
    shown = display_path(result)
    if result.document.path is None:
        return {"uri": quote(shown, safe="/"), "uriBaseId": _ROOT}
    if not os.path.isabs(shown) and shown != ".." and not shown.startswith("../"):
        return {"uri": quote(shown, safe="/"), "uriBaseId": _ROOT}
    return {"uri": Path(os.path.abspath(result.document.path)).as_uri()}


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
                    "artifactLocation": artifact_location(result),
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
                "informationUri": README_URL,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {
            _ROOT: {
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
