"""--changed-since: lines added or changed since a git ref, and --files-from."""

from __future__ import annotations

import io
import os
import subprocess

import pytest
from ci_support import document, finding, result, settings

from claimcheck.errors import UsageError
from claimcheck.model import Document
from claimcheck.policy.apply import apply_rules
from claimcheck.policy.gitdiff import changed_lines, parse_diff
from claimcheck.policy.runconfig import files_from

DIFF = """\
diff --git a/articles/a.md b/articles/a.md
--- a/articles/a.md
+++ b/articles/a.md
@@ -3,0 +4,2 @@ intro
+new line four
+new line five
@@ -10 +12 @@ para
-old
+changed twelve
@@ -20,3 +22,0 @@
-gone
diff --git a/old.md b/old.md
--- a/old.md
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
"""


def test_parse_diff_keeps_added_and_changed_lines_only():
    assert parse_diff(DIFF.splitlines()) == {"articles/a.md": frozenset({4, 5, 12})}


def _git(repo, *args):
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def repo(tmp_path):
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "story.md").write_text("one\ntwo\nthree\n")
    (tmp_path / "same.md").write_text("unchanged\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "story.md").write_text("one\nTWO\nthree\nfour\n")
    (tmp_path / "fresh.md").write_text("a\nb\n")
    return tmp_path


def test_changed_lines_against_a_ref_include_edits_and_untracked_files(repo):
    changed = changed_lines("HEAD", str(repo))
    real = os.path.realpath
    assert changed == {
        real(repo / "story.md"): frozenset({2, 4}),
        real(repo / "fresh.md"): frozenset({1, 2}),
    }


def test_unknown_ref_is_a_usage_error(repo):
    with pytest.raises(UsageError, match="--changed-since"):
        changed_lines("no-such-ref", str(repo))


def test_only_findings_and_claims_on_changed_lines_are_kept(repo):
    text = (repo / "story.md").read_text()
    doc = document(text, path=str(repo / "story.md"))
    found = tuple(finding(doc, word, "CC501") for word in ("one", "TWO", "four"))
    s = settings(changed_lines=changed_lines("HEAD", str(repo)))
    kept = apply_rules(result(doc, findings=found), s)
    assert [f.line for f in kept.findings] == [2, 4]
    untouched = document("unchanged\n", path=str(repo / "same.md"))
    assert (
        apply_rules(
            result(untouched, findings=(finding(untouched, "unchanged", "CC501"),)), s
        ).findings
        == ()
    )


def test_in_a_changed_html_page_only_findings_on_changed_source_lines_are_kept(repo):
    page = "<html><body>\n<p>The ministers met on Tuesday.</p>\n<p>Later, 30 states agreed.</p>\n"
    (repo / "page.html").write_text(page)
    _git(repo, "add", "page.html")
    _git(repo, "commit", "-q", "-m", "page")
    edited = page.replace("30 states", "31 states") + "<p>A bare 12 members.</p>\n"
    (repo / "page.html").write_text(edited)
    text = "The ministers met on Tuesday.\nLater, 31 states agreed.\nA bare 12 members.\n"
    doc = Document(
        id="page.html", text=text, path=str(repo / "page.html"), format="html", source=edited
    )
    found = (
        finding(doc, "Tuesday", "CC501"),  # an unchanged line
        finding(doc, "31 states", "CC501"),  # an edited line
        finding(doc, "12 members", "CC501"),  # an added line
    )
    s = settings(changed_lines=changed_lines("HEAD", str(repo)))
    kept = apply_rules(result(doc, findings=found), s)
    assert [doc.text[f.span.start : f.span.end] for f in kept.findings] == [
        "31 states",
        "12 members",
    ]


def test_files_from_reads_paths_one_a_line():
    assert files_from("-", io.StringIO("a.md\n\n# a comment\n  b/c.md \n")) == ["a.md", "b/c.md"]
