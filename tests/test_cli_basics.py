"""The command line's contract: exit statuses, one-line errors, help without spaCy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimcheck.__main__ import main
from claimcheck.render.schema import errors


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_does_not_import_spacy():
    code = (
        "import sys; from claimcheck.__main__ import main; main(['--help']); "
        "print('spacy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().endswith("False")


def test_version_names_tool_and_schema(capsys):
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("claimcheck ") and "schema" in out


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "missing-file.txt"],
        ["extract", "--format", "xml", "missing-file.txt"],
        ["extract", "--no-such-option", "x"],
        ["extract"],
        ["schema", "nonsense"],
        ["extract", "--as-of", "12/01/2022", "x"],
    ],
)
def test_bad_usage_is_one_line_exit_2(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("claimcheck: error: [CC9")
    assert "Traceback" not in err[0]


@pytest.mark.parametrize("name", ["claim", "finding", "document", "record"])
def test_schema_command_prints_valid_json_schema(name, capsys):
    assert main(["schema", name]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$schema"].endswith("2020-12/schema")


def test_document_header_validates():
    header = {
        "record": "document",
        "id": "a.md",
        "path": "a.md",
        "title": None,
        "format": "markdown",
        "date": "2022-01-12",
        "date_source": "front_matter",
        "date_note": None,
    }
    assert errors(header) == []
    assert errors({**header, "date_source": "guess"}) != []
