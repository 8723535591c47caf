"""`claimcheck extract` end to end: formats, stdin with --as-of, folders with a bad file."""

from __future__ import annotations

import json

import pytest

from claimcheck.__main__ import main
from claimcheck.render.schema import errors

pytestmark = pytest.mark.slow


def test_folder_with_a_bad_file_reports_it_and_extracts_the_rest(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Officials said 30 member states met on Monday.\n", "utf-8")
    (tmp_path / "bad.txt").write_bytes("prix: 5 €".encode("cp1252"))
    status = main(["extract", str(tmp_path), "--format", "jsonl", "--as-of", "2022-01-12"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 2
    assert err.count("\n") == 1 and "bad.txt" in err and "not UTF-8" in err
    assert [r["record"] for r in records][0] == "document"
    kinds = {r["kind"]: r for r in records if r["record"] == "claim"}
    assert kinds["count"]["counted"] == "member states"
    assert kinds["date"]["value"]["date"] == "2022-01-10"
    assert all(errors(r) == [] for r in records)


def test_stdin_with_as_of_resolves_relative_dates(capsys, monkeypatch):
    import io
    import sys

    story = b"The ministers met last Tuesday and will meet again next month."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(story)))
    assert main(["extract", "-", "--as-of", "2022-01-12", "--format", "json"]) == 0
    (document,) = json.loads(capsys.readouterr().out)
    assert document["date_source"] == "option"
    assert [(c["text"], c["value"]["date"]) for c in document["claims"]] == [
        ("last Tuesday", "2022-01-11"),
        ("next month", "2022-02"),
    ]


def test_table_format_is_readable(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Prices rose 15% to $2.5 billion.\n", "utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "percent" in out and "unit=USD" in out and "relative dates stay unresolved" in out


def test_missing_pipeline_says_how_to_install(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("5 km\n", "utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--pipeline", "no_such_pipeline_xyz"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[CC904]" in err and "pip install" in err


def test_jobs_give_byte_identical_output(capsys):
    from conftest import SEED

    outputs = []
    for jobs in ("1", "2"):
        assert main(["extract", str(SEED), "--format", "jsonl", "--jobs", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and outputs[0].count('"record":"claim"') > 20


def test_markdown_code_and_front_matter_are_not_mined(tmp_path, capsys):
    story = (
        "---\ntitle: 99 problems\ndate: 2022-01-12\n---\n"
        "Officials said 30 member states met on Monday.\n\n"
        "Run `claimcheck --jobs 4` or:\n\n```\nNATO Secretary General Jens Stoltenberg, 5 km\n```\n"
    )
    (tmp_path / "a.md").write_text(story, "utf-8")
    assert main(["extract", str(tmp_path / "a.md"), "--format", "json"]) == 0
    (document,) = json.loads(capsys.readouterr().out)
    assert document["title"] == "99 problems" and document["date_source"] == "front_matter"
    assert [c["text"] for c in document["claims"] if c["kind"] in ("count", "date")] == [
        "30",
        "Monday",
    ]
    assert all(
        "Stoltenberg" not in c["text"] and "5 km" not in c["text"] for c in document["claims"]
    )
