"""The commands share their options: every command that verifies (check, verify, baseline) and
`config --show` take the same source, cache, contact and config options with the same
environment variables, from one group; extract reads the config file's reading keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.__main__ import main
from claimcheck.cli.app import app_command

ROOT = Path(__file__).resolve().parent.parent
SOURCE_OPTIONS = {
    "--source": "CLAIMCHECK_SOURCE",
    "--contact": "CLAIMCHECK_CONTACT",
    "--cache-dir": "CLAIMCHECK_CACHE_DIR",
    "--offline": None,
    "--api-url": None,
    "--sparql-url": None,
    "--config": None,  # CLAIMCHECK_CONFIG is read by the config file's locator
}


def _options(command: str) -> dict[str, str | None]:
    cmd = app_command().commands[command]
    return {
        opt: param.envvar
        for param in cmd.params
        if param.param_type_name == "option"  # typer may vendor its own click
        for opt in param.opts
    }


@pytest.mark.parametrize("command", ["check", "verify", "baseline", "config"])
def test_commands_that_verify_share_the_source_options(command):
    options = _options(command)
    assert {o: options.get(o, "missing") for o in SOURCE_OPTIONS} == SOURCE_OPTIONS


def test_extract_takes_quiet_and_config():
    assert {"--config", "--quiet", "-q"} <= set(_options("extract"))


@pytest.fixture()
def articles(tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "examples" / "anniversaries.md", tmp_path / "articles")
    shutil.copy(ROOT / "examples" / "nato-russia-council.txt", tmp_path / "articles")
    return tmp_path


@pytest.mark.slow
def test_extract_reads_the_config_files_reading_keys(articles, capsys):
    (articles / ".claimcheck.toml").write_text('glob = "*.md"\nformat = "json"\n')
    assert main(["extract", "articles/"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[") and "anniversaries.md" in out and "nato-russia" not in out
    # a format only check writes is check's: extract keeps its own default
    (articles / ".claimcheck.toml").write_text('format = "concise"\n')
    assert main(["extract", "articles/anniversaries.md", "-q"]) == 0
    assert capsys.readouterr().out.startswith('{"record":"document"')
    assert main(["extract", "articles/", "--config", "missing.toml"]) == 2
    assert "missing.toml: no such configuration file" in capsys.readouterr().err
