"""A Markdown article in the HTML report reads as it would on a page — headings, emphasis, lists,
quotes, tables, code, entities — with every claim's mark on its rendered words; raw HTML is shown
as text, never obeyed; where the text cannot be mapped the article is shown as written."""

from __future__ import annotations

import dataclasses

import pytest
from ci_support import claim, document, result
from html_support import parse, read_article

from claimcheck.render import html as report
from claimcheck.render import htmlmarkdown

# (Markdown, the claim's words, an element the rendering must hold, the text a reader sees)
CASES = [
    ("# NATO has 30 members\n", "30 members", "h4", "NATO has 30 members"),
    ("## Budget\n\nIt cost **$2bn** in 2020.\n", "$2bn", "strong", "Budget It cost $2bn in 2020."),
    ("It cost *about $2bn* then.\n", "about $2bn", "em", "It cost about $2bn then."),
    ("- NATO has 30 members\n- Karlsruhe has 300,000\n", "300,000", "li", None),
    ("1. First on 4 April 1949\n2. Then\n", "4 April 1949", "ol", None),
    ("> Putin said 100,000 troops\n> were there\n", "100,000 troops", "blockquote", None),
    ("Tom &amp; Jerry met 3 times.\n", "3 times", "p", "Tom & Jerry met 3 times."),
    ("Not \\*bold\\* but 7.4% growth.\n", "7.4%", "p", "Not *bold* but 7.4% growth."),
    ("See [the 2004 report](https://x.org/a_(b) 't') for 16 million.\n", "16 million", "p", None),
    ("A ![chart of 2004](c.png) shows 6.7%.\n", "6.7%", "p", "A chart of 2004 shows 6.7%."),
    ("Use `code 30` then 31 members.\n", "31 members", "code", "Use code 30 then 31 members."),
    ("| Country | People |\n|---|---|\n| Chile | 19 million |\n", "19 million", "td", None),
    ("Henning Christopherson\nserved in 1985.\n", "Christopherson\nserved", "p", None),
    ("Title\n=====\n\nIt was 1952.\n", "1952", "h4", "Title It was 1952."),
    ("```\n30 members\n```\n\nAfter: 40 members.\n", "40 members", "pre", None),
]


def _render(text: str, said: str, kind: str = "count"):
    doc = document(text)
    c = claim(doc, said, kind, "contradicted")
    page = "".join(report.render([result(doc, (c,))]))
    root, problems = parse(page)
    assert problems == []
    (article,) = root.find_all("div", "article")
    return root, article, c


@pytest.mark.parametrize(("text", "said", "element", "reads"), CASES)
def test_markdown_is_rendered_with_the_mark_on_the_claims_words(text, said, element, reads):
    root, article, c = _render(text, said)
    assert "md" in article.classes, "rendered, not shown as written"
    assert article.find_all(element)
    shown, where = read_article(article)
    (card,) = [e for e in root.find_all("section", "card") if e.attrs.get("data-claim") == c.id]
    before = " ".join(shown[: where[f"m-{card.attrs['id']}"]].split())
    assert before.endswith(" ".join(said.split()))
    highlighted = "".join(a.text() for a in article.find_all("a", "hl"))
    assert " ".join(highlighted.split()) == " ".join(said.split())
    if reads is not None:
        assert " ".join(shown.split()) == reads


def test_raw_html_in_markdown_is_shown_as_text():
    text = 'NATO has <b onclick="x()">30 members</b><script>alert(1)</script>.\n'
    root, article, _ = _render(text, "30 members")
    assert not article.find_all("b") and not article.find_all("script")
    assert "<script>alert(1)</script>" in article.text()


def test_front_matter_is_not_rendered():
    text = "---\ntitle: Council\n---\n# Council\n\nNATO has 30 members.\n"
    doc = dataclasses.replace(document(text), body_start=text.index("# Council"))
    c = claim(doc, "30 members", "count", "supported", "match")
    root, _ = parse("".join(report.render([result(doc, (c,))])))
    (article,) = root.find_all("div", "article")
    assert "title:" not in article.text() and not article.find_all("hr")
    assert [h.text() for h in article.find_all("h4")] == ["Council"]


def test_an_unmappable_article_is_shown_as_written():
    text = "NATO has 30 members.\n"
    doc = document(text)
    # A claim whose words the renderer would not find where it must: shown as written instead.
    broken = dataclasses.replace(doc, text=text, body_start=0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(htmlmarkdown, "_find", _never)
        root, _ = parse("".join(report.render([result(broken, (claim(doc, "30", "count"),))])))
    (article,) = root.find_all("div", "article")
    assert "md" not in article.classes and read_article(article)[0] == text


def _never(text, words, at):
    raise htmlmarkdown.Unmapped(words)


@pytest.mark.parametrize(
    ("fmt", "text", "title"),
    [
        ("text", "Russia and NATO meet\n\n\nSherman said 30.\n", "Russia and NATO meet"),
        ("markdown", "# Senators and a towel\n\nText 30.\n", "Senators and a towel"),
        ("markdown", "Just a paragraph, no headline.\n", "articles/story.md"),
    ],
)
def test_the_title_is_the_headline(fmt, text, title):
    doc = document(text, fmt=fmt)
    assert report.title(result(doc)) == title


def test_a_plain_text_headline_is_a_heading_and_the_text_still_reads_whole():
    text = "Russia and NATO meet\n\n\nSherman said 30 members met.\n"
    doc = document(text, path="seed.txt", fmt="text")
    c = claim(doc, "30 members", "count", "contradicted")
    root, _ = parse("".join(report.render([result(doc, (c,))])))
    (article,) = root.find_all("div", "article")
    (headline,) = article.find_all("span", "headline")
    assert headline.text() == "Russia and NATO meet" and headline.attrs["role"] == "heading"
    assert read_article(article)[0] == text
