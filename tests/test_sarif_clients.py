"""SARIF as the clients read it (issue 16, points 2-4): Microsoft's validator (`sarif-multitool
validate --rule-kind "Sarif;Gh"`) found paths that are no URI (SARIF1002), absolute paths under
%SRCROOT% (SARIF1004) and rules without help (GH2012). The checks below restate those rules; when
the multitool itself is installed, the last test runs it too."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from ci_support import document, finding, result, settings
from jsonschema import Draft4Validator, FormatChecker

from claimcheck.policy.apply import apply_rules
from claimcheck.policy.rules import registry
from claimcheck.render import sarif

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif" / "sarif-2.1.0-rtm.5.json"
README = (ROOT / "README.md").read_text(encoding="utf-8")
TEXT = "We met on Tuesday, January 12, 2022.\n"
NAMES = ("news/ukraine talks.md", "news/café.md", "news/50% (final) #2.md", "plain.md")


def _log(paths: list[str]) -> dict[str, Any]:
    results = []
    for path in paths:
        doc = document(TEXT, path=path)
        results.append(
            apply_rules(result(doc, findings=(finding(doc, "Tuesday", "CC501"),)), settings())
        )
    return json.loads("".join(sarif.render(results)))


def _locations(log: dict[str, Any]) -> list[dict[str, str]]:
    return [
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]
    ]


def client_errors(log: dict[str, Any]) -> list[str]:
    """What sarif-multitool's SARIF1002/SARIF1004 and GitHub's upload requirements reject."""
    errors = []
    checker = FormatChecker()
    for place in _locations(log):
        uri = place["uri"]
        if not checker.conforms(uri, "uri-reference"):
            errors.append(f"SARIF1002 not a URI reference: {uri}")
        absolute = bool(urlsplit(uri).scheme)
        if "uriBaseId" in place and (absolute or uri.startswith("/")):
            errors.append(f"SARIF1004 absolute reference under a uriBaseId: {uri}")
        if absolute and urlsplit(uri).scheme != "file":
            errors.append(f"GH1005 neither a relative URI nor a file path: {uri}")
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        if not rule.get("help", {}).get("text"):
            errors.append(f"GH2012 no help.text: {rule['id']}")
    for r in log["runs"][0]["results"]:
        if not r.get("message", {}).get("text") or "ruleId" not in r:
            errors.append(f"GH1001/GH1007 result without ruleId or message: {r}")
    return errors


def test_paths_with_spaces_accents_and_reserved_characters_are_percent_encoded(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    log = _log([str(tmp_path / name) for name in NAMES])
    assert client_errors(log) == []
    uris = [place["uri"] for place in _locations(log)]
    assert uris == [
        "news/ukraine%20talks.md",
        "news/caf%C3%A9.md",
        "news/50%25%20%28final%29%20%232.md",
        "plain.md",
    ]
    assert [unquote(u) for u in uris] == list(NAMES)  # each decodes back to the file's name
    assert {place["uriBaseId"] for place in _locations(log)} == {"%SRCROOT%"}


def test_an_input_outside_the_root_gets_an_absolute_file_uri_without_a_base(tmp_path, monkeypatch):
    inside, outside = tmp_path / "repo", tmp_path / "elsewhere dir"
    inside.mkdir()
    monkeypatch.chdir(inside)
    log = _log([str(outside / "café.md"), "../elsewhere dir/x.md", "news/in.md"])
    assert client_errors(log) == []
    first, relative_outside, within = _locations(log)
    assert first == {"uri": (outside / "café.md").as_uri()}
    assert first["uri"].startswith("file:///") and "%C3%A9" in first["uri"]
    assert relative_outside == {"uri": (outside / "x.md").as_uri()}
    assert within == {"uri": "news/in.md", "uriBaseId": "%SRCROOT%"}


def test_the_schema_test_now_checks_formats():
    """The OASIS schema says "format": "uri-reference"; jsonschema checks it only with a format
    checker that knows the format (Draft 4's own does not) and the package that implements it
    (jsonschema[format-nongpl])."""
    assert not FormatChecker().conforms("news/ukraine talks.md", "uri-reference")
    validator = Draft4Validator(
        json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")),
        format_checker=FormatChecker(),
    )
    log = _log(["plain.md"])
    assert list(validator.iter_errors(log)) == []
    _locations(log)[0]["uri"] = "news/ukraine talks.md"  # what claimcheck wrote before
    assert [e.validator for e in validator.iter_errors(log)] == ["format"]


def _doc_sections(page: str) -> dict[str, str]:
    """GitHub's anchor of every heading of a docs page → the text of its section."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    heads = list(re.finditer(r"^(#{1,3}) (.+)$", text, re.M))
    sections = {}
    for head, following in zip(heads, [*heads[1:], None], strict=True):
        anchor = re.sub(r"[^\w\- ]", "", head[2].lower()).replace(" ", "-")
        sections[anchor] = text[head.end() : following.start() if following else None]
    return sections


def test_every_rule_has_help_text_and_a_help_uri_to_its_docs_row():
    rules = _log(["plain.md"])["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(registry())
    for rule in rules:
        assert rule["id"] in rule["help"]["text"] and rule["helpUri"] in rule["help"]["text"]
        assert rule["shortDescription"]["text"] in rule["help"]["text"]
        url, anchor = rule["helpUri"].split("#")
        page = url.removeprefix(sarif.DOCS_URL + "/")
        assert url.startswith(sarif.DOCS_URL) and (ROOT / "docs" / page).is_file(), url
        sections = _doc_sections(page)
        assert anchor in sections, rule["helpUri"]
        assert f"| {rule['id']} |" in sections[anchor], f"{rule['id']} has no row at #{anchor}"


def _multitool() -> tuple[list[str] | None, str]:
    """The multitool's own binary, and why not when there is none: from $SARIF_MULTITOOL, or
    from the npm package on PATH. `npm install -g @microsoft/sarif-multitool` puts a node wrapper
    on PATH whose index.js finds the binary inside its own node_modules (the wrapper itself runs
    it through a shell, which would split "Sarif;Gh"), so node asks that index.js for it."""
    given = os.environ.get("SARIF_MULTITOOL") or shutil.which("sarif-multitool")
    if not given:
        return None, (
            "sarif-multitool not installed (npm install -g @microsoft/sarif-multitool, "
            "or set SARIF_MULTITOOL to its binary)"
        )
    path = Path(given).resolve()
    if path.suffix == ".js":
        if not shutil.which("node"):
            return None, f"{given} needs node to find its binary"
        script = "console.log(require(process.argv[1]))"
        found = subprocess.run(
            ["node", "-e", script, str(path.parent)], capture_output=True, text=True, check=False
        )
        if found.returncode != 0:
            return None, f"{given}: node cannot find its binary ({found.stderr.strip()[:200]})"
        path = Path(found.stdout.strip())
    if not os.access(path, os.X_OK):
        # npm 11 skips the package's postinstall (chmod u+x) unless the install allows scripts
        return None, f"{path} is not executable: chmod u+x it"
    return [str(path)], ""


MULTITOOL, NO_MULTITOOL = _multitool()


def test_the_multitool_is_found_where_npm_installs_it(tmp_path, monkeypatch):
    """The layout `npm install -g @microsoft/sarif-multitool` leaves: a bin link to the
    wrapper's bin.js, the binary in the wrapper's own node_modules."""
    if not shutil.which("node"):
        pytest.skip("node not installed")
    wrapper = tmp_path / "lib" / "node_modules" / "@microsoft" / "sarif-multitool"
    platform = subprocess.run(
        ["node", "-p", "process.platform"], capture_output=True, text=True, check=True
    ).stdout.strip()
    binary_dir = wrapper / "node_modules" / "@microsoft" / f"sarif-multitool-{platform}"
    binary_dir.mkdir(parents=True)
    (wrapper / "package.json").write_text('{"name": "@microsoft/sarif-multitool"}')
    (wrapper / "index.js").write_text(
        "module.exports = require(`${require('./package.json').name}-${process.platform}`)\n"
    )
    (wrapper / "bin.js").write_text("#!/usr/bin/env node\n")
    (binary_dir / "package.json").write_text('{"name": "x", "main": "index.js"}')
    binary = binary_dir / "Sarif.Multitool"
    (binary_dir / "index.js").write_text(f"module.exports = {json.dumps(str(binary))}\n")
    binary.write_text("#!/bin/sh\n")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "sarif-multitool").symlink_to(wrapper / "bin.js")
    monkeypatch.delenv("SARIF_MULTITOOL", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"), prepend=os.pathsep)
    (wrapper / "bin.js").chmod(0o755)
    assert _multitool() == (None, f"{binary} is not executable: chmod u+x it")
    binary.chmod(0o755)
    assert _multitool() == ([str(binary)], "")


@pytest.mark.skipif(MULTITOOL is None, reason=NO_MULTITOOL)
def test_microsofts_validator_finds_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    log = _log([str(tmp_path / name) for name in NAMES] + [str(tmp_path.parent / "out.md")])
    (tmp_path / "claimcheck.sarif").write_text(json.dumps(log), encoding="utf-8")
    command = [*(MULTITOOL or []), "validate", "--rule-kind", "Sarif;Gh"]
    command += ["--output", str(tmp_path / "report.sarif"), str(tmp_path / "claimcheck.sarif")]
    subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    report = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8-sig"))
    found = [(r["ruleId"], r["message"].get("text", "")) for r in report["runs"][0]["results"]]
    assert found == []
