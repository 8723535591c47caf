"""Vocabulary boundary: Wikidata ids stay in sources/ (import boundaries: test_architecture.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "claimcheck"
# A Wikidata id, but not the number in an ISO duration such as "P1.5Y".
ID_LITERAL = re.compile(r"\b[PQ][1-9][0-9]*(?!\w|\.\d)")


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def strings_and_comments(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    found = [
        (n, line.split("#", 1)[1]) for n, line in enumerate(text.splitlines(), 1) if "#" in line
    ]
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
    return found


def test_no_wikidata_id_outside_the_source_modules():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}: {ID_LITERAL.search(text).group()}"
        for path in python_files()
        if "sources" not in path.relative_to(PACKAGE).parts
        for line, text in strings_and_comments(path)
        if ID_LITERAL.search(text)
    ]
    assert offenders == []


def test_the_check_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text('import requests\nNATO = "Q7184"  # P463.\nWAIT = "P1.5Y"\n')
    found = [t for _, t in strings_and_comments(sample)]
    assert len(found) == 3
    assert [bool(ID_LITERAL.search(t)) for t in found] == [True, True, False]
