"""Docs that cannot drift (sqlite-utils keeps such tests): the README is a short guide whose
snippets are the files in examples/ci/, docs/ documents every command and option, and every
relative link of the README and docs/ resolves."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from claimcheck.cli.app import app_command

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = sorted((ROOT / "docs").glob("*.md"))
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in PAGES)


def test_readme_is_a_guide_of_at_most_25_kb():
    assert len(README.encode("utf-8")) <= 25 * 1024


def test_readme_opens_with_make_demo_and_make_test():
    first_block = README.split("```", 2)[1]
    commands = [line.split()[:2] for line in first_block.strip().splitlines()]
    assert commands[:2] == [["make", "demo"], ["make", "test"]]


def test_readme_credits_the_world_bank_data():
    statistics = README.split("\n## Statistics\n", 1)[1].split("\n## ", 1)[0]
    assert "World Bank, World Development Indicators" in statistics and "CC BY 4.0" in statistics
    assert "](docs/statistics.md)" in statistics


def _commands(group: click.Group, prefix: str = "claimcheck") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found.update(_commands(command, f"{prefix} {name}"))
        else:
            found[f"{prefix} {name}"] = command
    return found


COMMANDS = _commands(app_command())


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_documented(name):
    page = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    heading = f"\n## {name}\n"
    assert heading in page, f"{name} has no section in docs/commands.md"
    section = page.split(heading, 1)[1].split("\n## ", 1)[0]
    for param in COMMANDS[name].params:
        for option in getattr(param, "opts", []):
            if option.startswith("-"):
                assert f"`{option}`" in section, f"{name} {option} is not in docs/commands.md"
        envvar = getattr(param, "envvar", None)
        if envvar:
            assert f"`{envvar}`" in section, f"{name}: {envvar} is not in docs/commands.md"


LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", [ROOT / "README.md", *PAGES], ids=lambda p: p.name)
def test_every_relative_link_resolves(page):
    text = page.read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        assert resolved.exists(), f"{page.name}: {target} does not exist"
        if anchor and resolved.suffix == ".md":
            assert anchor in _anchors(resolved), f"{page.name}: no heading #{anchor} in {path}"


def _anchors(page: Path) -> set[str]:
    heads = re.findall(r"^#{1,6} (.+)$", page.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in heads}


def test_every_docs_page_is_listed_in_the_index():
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    unlisted = [p.name for p in PAGES if p.name != "index.md" and f"]({p.name})" not in index]
    assert unlisted == [], f"add these pages to docs/index.md: {unlisted}"


def test_readme_quotes_the_ci_snippets_from_examples():
    quoted = re.findall(r"<!-- quote: (\S+) -->", README)
    assert sorted(quoted) == sorted(
        f"examples/ci/{p.name}" for p in (ROOT / "examples" / "ci").iterdir()
    )
    check = [sys.executable, str(ROOT / "scripts" / "quote_examples.py"), "--check"]
    assert subprocess.run(check).returncode == 0, "run: python scripts/quote_examples.py"


def test_readme_config_example_is_a_valid_config_file():
    import tomllib

    from claimcheck.policy import configfile

    section = README.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    cfg = configfile.parse(tomllib.loads(example), "README.md", ".")
    assert cfg.warnings == () and cfg.values["source"]["contact"] == "newsdesk@example.org"
