"""Configuration files: discovery and precedence, validation, unknown keys, syntax errors,
overrides, and `config --show`."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from claimcheck.__main__ import main
from claimcheck.config import Settings
from claimcheck.errors import ConfigError, UsageError
from claimcheck.policy import configfile
from claimcheck.policy.runconfig import CiOptions, configure


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _settings(tmp_path, options=None, given=frozenset(), env=None, start=None):
    return configure(Settings(), options or CiOptions(), set(given), env or {}, start or tmp_path)


def test_nearest_claimcheck_toml_wins_over_pyproject_and_parents(tmp_path):
    _write(tmp_path / ".claimcheck.toml", 'select = ["CC1"]\n')
    _write(tmp_path / "site" / "pyproject.toml", '[tool.claimcheck]\nselect = ["CC2"]\n')
    deeper = tmp_path / "site" / "articles"
    deeper.mkdir()
    s, cfg = _settings(tmp_path, start=deeper)
    assert s.rules.select == ("CC2",) and cfg.path.endswith("pyproject.toml")
    _write(tmp_path / "site" / ".claimcheck.toml", 'select = ["CC3"]\n')
    s, _ = _settings(tmp_path, start=deeper)
    assert s.rules.select == ("CC3",)


def test_pyproject_without_a_claimcheck_table_is_passed_over(tmp_path):
    _write(tmp_path / ".claimcheck.toml", 'ignore = ["CC4"]\n')
    _write(tmp_path / "sub" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    s, _ = _settings(tmp_path, start=tmp_path / "sub")
    assert s.rules.ignore == ("CC4",)


def test_explicit_config_and_env_override_discovery(tmp_path):
    _write(tmp_path / ".claimcheck.toml", 'select = ["CC1"]\n')
    other = _write(tmp_path / "ci.toml", 'select = ["CC5"]\n')
    env_file = _write(tmp_path / "env.toml", 'select = ["CC9"]\n')
    s, _ = _settings(tmp_path, env={"CLAIMCHECK_CONFIG": str(env_file)})
    assert s.rules.select == ("CC9",)
    s, _ = _settings(
        tmp_path, CiOptions(config=str(other)), env={"CLAIMCHECK_CONFIG": str(env_file)}
    )
    assert s.rules.select == ("CC5",)
    with pytest.raises(ConfigError, match="no such configuration file"):
        _settings(tmp_path, CiOptions(config=str(tmp_path / "missing.toml")))


def test_cli_flags_win_over_the_file(tmp_path):
    _write(
        tmp_path / ".claimcheck.toml",
        'select = ["CC1"]\njobs = 3\ncolor = "never"\n[source]\noffline = true\n',
    )
    s, _ = _settings(tmp_path, CiOptions(select=["CC3"], color="always"), given={"offline", "jobs"})
    assert s.rules.select == ("CC3",) and s.color == "always"
    assert s.jobs == 1 and s.sources.offline is False  # given on the command line: file ignored
    s, _ = _settings(tmp_path)
    assert (s.rules.select, s.jobs, s.color, s.sources.offline) == (("CC1",), 3, "never", True)


def test_extend_select_and_min_severity_come_from_the_file_too(tmp_path):
    _write(
        tmp_path / ".claimcheck.toml",
        'ignore = ["CC5"]\nextend-select = "CC503"\nmin-severity = "warning"\n',
    )
    s, _ = _settings(tmp_path)
    assert s.rules.select == ("CC", "CC503") and s.rules.min_severity == "warning"
    s, _ = _settings(tmp_path, CiOptions(min_severity="error"), given={"min_severity"})
    assert s.rules.min_severity == "error"


def test_relative_paths_in_the_file_are_relative_to_it(tmp_path):
    _write(
        tmp_path / "repo" / ".claimcheck.toml",
        'baseline = "ci/baseline.json"\n[source]\ncache-dir = ".cache"\n',
    )
    s, _ = _settings(tmp_path, start=tmp_path / "repo")
    assert s.rules.baseline == str(tmp_path / "repo" / "ci" / "baseline.json")
    assert s.sources.cache_dir == str(tmp_path / "repo" / ".cache")


def test_unknown_keys_warn_with_a_suggestion(tmp_path):
    _write(
        tmp_path / ".claimcheck.toml",
        'selet = ["CC1"]\n[source]\ncontakt = "x"\n'
        '[[overrides]]\nfiles = ["a/**"]\nsevrity = "info"\n',
    )
    _, cfg = _settings(tmp_path)
    assert len(cfg.warnings) == 3
    assert "unknown key 'selet' ignored; did you mean 'select'?" in cfg.warnings[0]
    assert "'contakt'" in cfg.warnings[1] and "'sevrity'" in cfg.warnings[2]


def test_syntax_error_at_the_end_names_the_last_line(tmp_path):
    _write(tmp_path / ".claimcheck.toml", "ignore = []\nselect = [\n")
    with pytest.raises(ConfigError, match=r"\.claimcheck\.toml:2: invalid TOML"):
        _settings(tmp_path)


def test_syntax_error_names_file_and_line(tmp_path):
    _write(tmp_path / ".claimcheck.toml", 'select = ["CC1"]\n\nfail-on = [contradicted\n')
    with pytest.raises(ConfigError) as err:
        _settings(tmp_path)
    assert str(err.value).startswith(f"{tmp_path / '.claimcheck.toml'}:3: invalid TOML")


@pytest.mark.parametrize(
    "text, message",
    [
        ('jobs = "two"\n', "'jobs' must be 'auto' or a whole number"),
        ("jobs = 0\n", "'jobs' must be 'auto' or a whole number of at least 1"),
        ('color = "sometimes"\n', "'color' must be auto, always or never"),
        ('[[overrides]]\nseverity = "warning"\n', "needs 'files'"),
        (
            '[[overrides]]\nfiles = ["a/**"]\nseverity = "fatal"\n',
            "'severity' must be error, warning or info",
        ),
    ],
)
def test_invalid_values_are_config_errors(tmp_path, text, message):
    _write(tmp_path / ".claimcheck.toml", text)
    with pytest.raises(ConfigError, match=message):
        _settings(tmp_path)


def test_unknown_rule_code_in_the_file_is_a_usage_error(tmp_path):
    _write(tmp_path / ".claimcheck.toml", 'ignore = ["CC77"]\n')
    with pytest.raises(UsageError, match="unknown rule code 'CC77'"):
        _settings(tmp_path)


def test_overrides_are_read_with_their_globs(tmp_path):
    _write(
        tmp_path / ".claimcheck.toml",
        '[[overrides]]\nfiles = ["archive/**"]\nseverity = "warning"\nignore = ["CC5"]\n',
    )
    s, _ = _settings(tmp_path)
    (o,) = s.rules.overrides
    assert (o.files, o.severity, o.ignore, s.rules.root) == (
        ("archive/**",),
        "warning",
        ("CC5",),
        str(tmp_path),
    )


def test_config_show_prints_the_merged_config_as_toml_and_json(tmp_path, monkeypatch, capsys):
    _write(
        tmp_path / ".claimcheck.toml",
        'fail-on = ["contradicted", "unverified"]\nformat = "github"\n'
        '[[overrides]]\nfiles = ["archive/**"]\nseverity = "warning"\n',
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    assert main(["config", "--show"]) == 0
    shown = tomllib.loads(capsys.readouterr().out)
    assert shown["fail-on"] == ["contradicted", "unverified"] and shown["format"] == "github"
    assert shown["overrides"] == [{"files": ["archive/**"], "severity": "warning"}]
    assert shown["source"]["api-url"].startswith("https://")
    assert main(["config", "--show", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["config-file"] == str(tmp_path / ".claimcheck.toml")


def test_config_show_prints_the_jobs_default_as_auto_and_reads_it_back(
    tmp_path, monkeypatch, capsys
):
    """With no --jobs the engine uses every core for two documents or more, so `jobs = 1` would
    be wrong; what --show prints, written to the file, gives the same run."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert main(["config", "--show"]) == 0
    out = capsys.readouterr().out
    assert 'jobs = "auto"  # default: every core (6 here) for two documents or more' in out
    assert tomllib.loads(out)["jobs"] == "auto"
    assert main(["config", "--show", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["jobs"] == "auto"
    _write(tmp_path / ".claimcheck.toml", 'jobs = "auto"\n')
    s, _ = _settings(tmp_path)
    assert s.jobs == 0  # the engine's "choose" (records.jobs_for)
    _write(tmp_path / ".claimcheck.toml", "jobs = 3\n")
    assert main(["config", "--show"]) == 0
    assert "\njobs = 3  # file .claimcheck.toml\n" in capsys.readouterr().out


def test_config_syntax_error_exits_2_with_file_and_line(tmp_path, monkeypatch, capsys):
    _write(tmp_path / ".claimcheck.toml", "select = [\n")
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--show"]) == 2
    err = capsys.readouterr().err
    assert ".claimcheck.toml:" in err and "[CC903]" in err and "Traceback" not in err


def test_to_toml_round_trips():
    data = {
        "a": 'quote " and \\ and ü',
        "b": ["x", "y"],
        "c": True,
        "n": 3,
        "t": {"k": "v"},
        "arr": [{"files": ["a"]}],
    }
    assert tomllib.loads(configfile.to_toml(data)) == data


def test_predicates_table_sets_extra_predicate_words(tmp_path):
    _write(
        tmp_path / ".claimcheck.toml",
        '[predicates]\nsouls = "population"\n"Member  States" = "member_count"\n',
    )
    s, cfg = _settings(tmp_path)
    assert s.predicates == (("member states", "member_count"), ("souls", "population"))
    assert cfg.warnings == ()


@pytest.mark.parametrize(
    "text, message",
    [
        ('[predicates]\nsouls = "populaton"\n', "did you mean 'population'"),
        ("[predicates]\nsouls = 3\n", "'souls' must name a property"),
        ('predicates = ["souls"]\n', "'predicates' must be a table"),
    ],
)
def test_predicates_naming_an_unknown_property_are_config_errors(tmp_path, text, message):
    _write(tmp_path / ".claimcheck.toml", text)
    with pytest.raises(ConfigError, match=message):
        _settings(tmp_path)


def test_config_show_includes_predicates(tmp_path, monkeypatch, capsys):
    _write(tmp_path / ".claimcheck.toml", '[predicates]\n"head count" = "population"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    assert main(["config", "--show"]) == 0
    assert tomllib.loads(capsys.readouterr().out)["predicates"] == {"head count": "population"}


def _souls_claim(path: Path) -> Path:
    """One extracted count claim, "334,002 souls" about Bielefeld, as `extract` writes it."""
    from claimcheck.extract.claims import make_claim
    from claimcheck.model import Document, DocumentResult, Span
    from claimcheck.render.records import render_jsonl

    text = "Bielefeld has 334,002 souls."
    doc = Document(id="story.txt", text=text, path="story.txt")
    value = {"amount": 334002, "unit": None, "lower": 334002, "upper": 334002}
    fields = {"subject": {"text": "Bielefeld", "type": "GPE"}, "counted": "souls"}
    claim = make_claim(doc, "count", Span(14, 27), text, value, fields)
    path.write_text("".join(render_jsonl([DocumentResult(doc, (claim,))])), encoding="utf-8")
    return path


@pytest.mark.parametrize("configured", [False, True])
def test_predicates_from_the_file_make_claims_checkable(tmp_path, monkeypatch, capsys, configured):
    snapshot = Path(__file__).resolve().parent.parent / "examples" / "wikidata-snapshot.jsonl"
    if configured:
        _write(tmp_path / ".claimcheck.toml", '[predicates]\nsouls = "population"\n')
    claims = _souls_claim(tmp_path / "claims.jsonl")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    args = ["verify", str(claims), "--format", "jsonl", "--source", f"snapshot:{snapshot}"]
    main([*args, "--as-of", "2022-01-12", "--exit-zero"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    [v] = [r["verification"] for r in records if r["record"] == "claim"]
    if configured:
        assert v["verdict"] in ("supported", "contradicted"), v["explanation"]
        assert v["evidence"][0]["property"] == "population"
    else:
        assert (v["verdict"], v["reason"]) == ("not_checked", "predicate_not_mapped")


def test_documented_config_example_is_valid_and_names_every_property():
    from claimcheck.model import PROPERTIES

    docs = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"
    section = docs.read_text(encoding="utf-8")
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    cfg = configfile.parse(tomllib.loads(example), "configuration.md", ".")
    assert cfg.warnings == () and cfg.values["predicates"]["souls"] == "population"
    assert [p for p in PROPERTIES if f"`{p}`" not in section] == []


def test_config_show_says_where_each_value_came_from(tmp_path, monkeypatch, capsys):
    _write(tmp_path / ".claimcheck.toml", 'fail-on = ["error"]\n[source]\ncontact = "a@b.org"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    monkeypatch.delenv("CLAIMCHECK_CONTACT", raising=False)
    monkeypatch.setenv("CLAIMCHECK_SOURCE", "snapshot:facts.jsonl")
    assert main(["config", "--show", "--offline", "--cache-dir", "cache"]) == 0
    out = capsys.readouterr().out
    for line in (
        'fail-on = ["error"]  # file .claimcheck.toml',
        # a snapshot path as resolved, so the output names the same file wherever it is pasted
        f'source = "snapshot:{tmp_path / "facts.jsonl"}"  # environment CLAIMCHECK_SOURCE',
        'contact = "a@b.org"  # file .claimcheck.toml',
        "offline = true  # flag --offline",
        'cache-dir = "cache"  # flag --cache-dir',
        "exit-zero = false  # default",
    ):
        assert f"\n{line}\n" in out, line
    assert f"# from {tmp_path / '.claimcheck.toml'}" in out
    # the flag wins over the environment, the environment over the file
    monkeypatch.setenv("CLAIMCHECK_CONTACT", "env@b.org")
    assert main(["config", "--show", "--source", "wikidata"]) == 0
    out = capsys.readouterr().out
    assert 'source = "wikidata"  # flag --source' in out
    assert 'contact = "env@b.org"  # environment CLAIMCHECK_CONTACT' in out
    assert main(["config", "--show", "-f", "json"]) == 0
    origins = json.loads(capsys.readouterr().out)["origins"]
    assert origins["fail-on"] == "file .claimcheck.toml" and origins["select"] == "default"


def test_config_show_output_is_a_valid_config_file_that_gives_the_same_run(
    tmp_path, monkeypatch, capsys
):
    _write(
        tmp_path / ".claimcheck.toml",
        'ignore = ["CC104"]\nbaseline = "base.json"\n[[overrides]]\nfiles = ["archive/**"]\n'
        'severity = "warning"\n[predicates]\nsouls = "population"\n',
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_CONFIG", raising=False)
    monkeypatch.setenv("CLAIMCHECK_SOURCE", "snapshot:facts.jsonl")
    assert main(["config", "--show"]) == 0
    shown = capsys.readouterr().out
    pasted = tmp_path / "elsewhere"
    pasted.mkdir()
    _write(pasted / ".claimcheck.toml", shown)
    monkeypatch.delenv("CLAIMCHECK_SOURCE")
    monkeypatch.chdir(pasted)
    assert main(["config", "--show"]) == 0
    again, err = capsys.readouterr()
    assert err == ""  # no "unknown key" warning: every key printed is a key of the file
    strip = lambda text: [line.split("  #")[0] for line in text.splitlines() if line[:1] != "#"]  # noqa: E731
    assert strip(again) == strip(shown)
