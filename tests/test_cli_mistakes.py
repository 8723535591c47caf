"""The mistakes a newcomer makes first each get one line saying what to do next (and exit 2),
never a bare "no such file" or a page of HTML on the terminal."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from claimcheck.__main__ import main
from claimcheck.cli import hints
from claimcheck.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
DOCX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml\x00\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x89\xfe\n"


@pytest.fixture()
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("CLAIMCHECK_CONFIG", "CLAIMCHECK_SOURCE", "CLAIMCHECK_CONTACT"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "story.md").write_text("The council met on Monday, March 15, 2022.\n")
    return tmp_path


def _error(capsys, *args: str) -> str:
    assert main(list(args)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("claimcheck: error: [CC90"), err
    return err


@pytest.mark.parametrize("command", ["check", "extract", "baseline"])
def test_standard_input_without_a_dash_names_the_dash(here, capsys, monkeypatch, command):
    monkeypatch.setattr(sys, "stdin", io.StringIO("The council met on Monday.\n"))
    err = _error(capsys, command)
    assert f"| claimcheck {command} -" in err and "--stdin-filename" in err


def test_no_paths_at_a_terminal_gives_an_example(here, capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert "e.g. claimcheck check story.md" in _error(capsys, "check")


def test_a_url_says_to_save_the_page_first(here, capsys):
    err = _error(capsys, "check", "https://example.org/news/story", "--no-verify")
    assert "not web addresses" in err and "curl -o page.html" in err


def test_a_word_document_and_a_folder_of_them_say_what_to_save_them_as(here, capsys):
    (here / "story.docx").write_bytes(DOCX)
    err = _error(capsys, "check", "story.docx", "--no-verify")
    assert "story.docx: a Word document, not text; save it as plain text, Markdown" in err
    (here / "drafts").mkdir()
    (here / "drafts" / "a.docx").write_bytes(DOCX)
    (here / "drafts" / "b.docx").write_bytes(DOCX)
    err = _error(capsys, "check", "drafts", "--no-verify")
    assert "a folder yields .txt, .text, .md, .markdown, .mdx, .html, .htm files" in err
    assert "it holds 2 .docx files; save them as plain text, Markdown or HTML" in err


def test_a_pdf_says_to_extract_its_text(here, capsys):
    (here / "report.pdf").write_bytes(PDF)
    err = _error(capsys, "check", "report.pdf", "--no-verify")
    assert "report.pdf: a PDF, not text" in err and "pdftotext 'report.pdf' 'report.txt'" in err
    assert "UTF-8" not in err  # re-saving a PDF as UTF-8 is no advice


def test_a_snapshot_file_without_snapshot_prefix(here, capsys):
    err = _error(capsys, "check", "story.md", "--source", "facts.jsonl")
    assert "--source snapshot:facts.jsonl" in err


@pytest.mark.parametrize("typo, meant", [("wikdata", "wikidata"), ("worldbnak", "worldbank")])
def test_a_misspelt_source_gets_did_you_mean(here, capsys, typo, meant):
    assert f"did you mean '{meant}'?" in _error(capsys, "check", "story.md", "--source", typo)


def test_extract_with_a_format_of_check_points_to_check(here, capsys):
    err = _error(capsys, "extract", "story.md", "--format", "github")
    assert "claimcheck check PATHS --format github" in err
    assert "did you mean 'json'?" in _error(capsys, "extract", "story.md", "--format", "jsn")
    assert "did you mean 'sarif'?" in _error(capsys, "check", "story.md", "-f", "sarf")


def test_verify_given_an_article_points_to_check(here, capsys):
    err = _error(capsys, "verify", "story.md")
    assert "for an article use: claimcheck check story.md" in err


def test_html_to_a_terminal_asks_for_an_output_file():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with pytest.raises(UsageError, match="add --output report.html"):
        hints.html_to_terminal("html", None, Terminal())
    hints.html_to_terminal("html", "report.html", Terminal())  # to a file: fine
    hints.html_to_terminal("html", None, io.StringIO())  # to a pipe: fine
    hints.html_to_terminal("table", None, Terminal())


@pytest.mark.slow
def test_html_to_a_terminal_end_to_end(here, capsys, monkeypatch, nlp):
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert "--output report.html" in _error(
        capsys, "check", "story.md", "--no-verify", "-f", "html"
    )


def test_snapshot_build_of_articles_writes_nothing_and_says_why(here, capsys):
    (here / "articles").mkdir()
    shutil.copy(ROOT / "examples" / "anniversaries.md", here / "articles")
    (here / "out.jsonl").write_text("kept\n")
    err = _error(capsys, "snapshot", "build", "out.jsonl", "articles/")
    assert "not articles" in err and "snapshot build OUT INPUTS" in err
    assert "nothing written, out.jsonl left as it was" in err
    assert (here / "out.jsonl").read_text() == "kept\n"  # never replaced by an empty snapshot
    assert sorted(p.name for p in here.iterdir()) == ["articles", "out.jsonl", "story.md"]


def test_snapshot_build_still_writes_a_real_snapshot(here, capsys):
    assert main(
        ["snapshot", "build", "s.jsonl", str(ROOT / "examples" / "wikidata-snapshot.jsonl")]
    ) in (0, None)
    assert (here / "s.jsonl").read_text().count("\n") == 51


def test_no_contact_warning_when_the_network_is_not_used(here, capsys, monkeypatch, nlp):
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    # an input that cannot be read never reaches the network: only the error is said
    err = _error(capsys, "check", "missing.md", "--cache-dir", "cache")
    assert "contact" not in err and "missing.md: no such file or folder" in err
    # a snapshot-only check sends no request
    snapshot = f"snapshot:{ROOT / 'examples' / 'wikidata-snapshot.jsonl'}"
    main(["check", "story.md", "--source", snapshot, "-f", "concise"])
    assert "no contact" not in capsys.readouterr().err
