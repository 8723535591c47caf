"""Findings in an HTML article point at the page's source lines (for PR annotations and SARIF),
found through the page's visible text; a passage that cannot be placed names the file only."""

from __future__ import annotations

import dataclasses
import json

import pytest
from ci_support import finding, result, settings

from claimcheck.model import Document, Span
from claimcheck.policy.apply import apply_rules
from claimcheck.read.documents import html_document
from claimcheck.render import concise, github, sarif
from claimcheck.render.base import file_region

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<title>Ministers to meet on Tuesday</title>
<script>var note = "Tuesday, January 12, 2022";</script>
</head>
<body>
<article>
<h1>Ministers to meet</h1>
<p>The ministers of AT&amp;T&#39;s   board will meet on
<em>Tuesday</em>, January 12, 2022, in Rome, a spokesperson said.</p>
<p>Representatives of 27 member states will attend the meeting.</p>
</article>
</body>
</html>
"""


def _html(page: str = PAGE):
    return html_document("news/page.html", page)


def _region_of(doc, snippet: str):
    start = doc.text.index(snippet)
    f = finding(doc, snippet, "CC501")
    assert f.span == Span(start, start + len(snippet))
    return file_region(result(doc, findings=(f,)), f)


def test_a_passage_split_by_tags_and_lines_is_placed_on_its_source_lines():
    doc = _html()
    region = _region_of(doc, "Tuesday, January 12, 2022")
    lines = PAGE.splitlines()
    assert (region.line, region.end_line) == (11, 11)
    assert lines[10][region.column - 1 :].startswith("Tuesday</em>, January 12, 2022")
    assert lines[10][: region.end_column - 1].endswith("January 12, 2022")


def test_entities_and_folded_spaces_map_back_to_the_source():
    doc = _html()
    region = _region_of(doc, "AT&T's board")
    line = PAGE.splitlines()[9]
    assert region.line == region.end_line == 10
    assert line[region.column - 1 : region.end_column - 1] == "AT&amp;T&#39;s   board"


def test_a_passage_the_page_shows_more_often_than_the_text_names_the_file_only():
    # The extractor kept the article and dropped the navigation, which repeats the figure.
    page = "<nav>27 member states</nav>\n<p>Representatives of 27 member states met.</p>\n"
    text = "Representatives of 27 member states met.\n"
    doc = Document(id="p.html", text=text, path="p.html", format="html", source=page)
    assert _region_of(doc, "27 member states") is None


def test_the_same_passage_twice_in_text_and_page_is_placed_by_its_order():
    page = "<p>Up 5%.</p>\n<p>Then\nup 5%.</p>\n"
    text = "Up 5%.\n\nThen up 5%.\n"
    doc = Document(id="p.html", text=text, path="p.html", format="html", source=page)
    second = text.rindex("5%")
    f = finding(doc, "5%", "CC501")
    f = dataclasses.replace(f, span=Span(second, second + 2))
    region = file_region(result(doc, findings=(f,)), f)
    assert (region.line, region.column, region.end_column) == (3, 4, 6)


@pytest.mark.parametrize("fmt", ["github", "sarif", "concise"])
def test_every_file_format_uses_the_source_line(fmt):
    doc = _html()
    res = [apply_rules(result(doc, findings=(finding(doc, "Tuesday", "CC501"),)), settings())]
    if fmt == "github":
        assert ",line=11,col=" in "".join(github.render(res))
        assert "| news/page.html | 11 | error | CC501 |" in github.summary(res)
    elif fmt == "sarif":
        log = json.loads("".join(sarif.render(res)))
        region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == 11 and region["startColumn"] == 5
    else:
        assert "".join(concise.render(res)).startswith("news/page.html:11:5: error CC501")
