"""The HTML report, read back with a parser (no browser): every claim has its mark where its words
end, in its verdict's colour and icon; findings are marked where they point; cards carry the
evidence; a hostile article cannot put markup or script into the page; the output is stable."""

from __future__ import annotations

import dataclasses
import re

import pytest
from ci_support import EVIDENCE, claim, document, finding, result, settings
from conftest import EXAMPLES, SEED
from html_support import parse, read_article

from claimcheck.__main__ import main
from claimcheck.policy.apply import apply_rules
from claimcheck.render import html as report

TEXT = (
    "---\ntitle: Council\ndate: 2022-01-10\n---\n"
    "NATO has 30 members.\nWe met on Tuesday, January 12, 2022.\n"
    "Texas Senator Ted Cruz spoke.\n"
)


def _page(results) -> str:
    return "".join(report.render(results))


def _results():
    doc = dataclasses.replace(document(TEXT), body_start=TEXT.index("NATO"), title="Council")
    claims = (
        claim(doc, "30 members", "membership_count", "contradicted", value={"amount": 30}),
        claim(doc, "Tuesday, January 12, 2022", "date", "not_checked", "not_checkable_kind"),
        claim(doc, "Texas Senator Ted Cruz", "role", "supported", "match"),
        claim(doc, "Ted Cruz", "person_name", "supported", "match"),
    )
    found = (finding(doc, "Tuesday, January 12, 2022", "CC501", "error", "not a Tuesday"),)
    return [apply_rules(result(doc, claims, found), settings())]


def _cards(root, cls):
    return {e.attrs["id"]: e for e in root.find_all("section", cls)}


def _pairs(element) -> dict[str, str]:
    """The name → value rows of the definition lists inside an element."""
    names = [e.text() for e in element.find_all("dt")]
    return dict(zip(names, [e.text() for e in element.find_all("dd")], strict=True))


def _check_marks(page: str, results) -> None:
    """Every claim: one card, one tag right after its words, in its verdict's colour."""
    root, problems = parse(page)
    assert problems == []
    articles = root.find_all("div", "article")
    assert len(articles) == len(results)
    for article, res in zip(articles, results, strict=True):
        text, where = read_article(article)
        doc = res.document
        rendered = "md" in article.classes  # Markdown as it reads: its marks are gone
        if not rendered:
            assert text == doc.text[doc.body_start :]  # the article, every character, in order
        cards = {
            e.attrs["data-claim"]: e
            for e in root.find_all("section", "card")
            if e.attrs.get("data-claim")
        }
        for c in res.claims:
            card = cards[c.id]
            anchor = card.attrs["id"]
            verdict = c.verification.verdict if c.verification else "not_checked"
            assert f"v-{verdict}" in card.classes
            if rendered:  # the tag follows the claim's words as the reader sees them
                before = " ".join(text[: where[f"m-{anchor}"]].split())
                assert before.endswith(" ".join(c.text.split())), c.text
            else:
                assert where[f"m-{anchor}"] == c.span.end - doc.body_start, c.text
            tag = root.by_id(f"m-{anchor}")
            assert tag.attrs["href"] == f"#{anchor}" and f"v-{verdict}" in tag.classes
            assert tag.text().strip()  # an icon and a word, not colour alone


def test_every_claim_is_marked_where_its_words_end():
    results = _results()
    page = _page(results)
    _check_marks(page, results)
    root, _ = parse(page)
    # The highlight of the innermost claim covers its words, linked to its card.
    cruz = next(c for c in results[0].claims if c.kind == "person_name")
    anchor = {
        e.attrs["data-claim"]: e.attrs["id"]
        for e in root.find_all("section", "card")
        if e.attrs.get("data-claim")
    }[cruz.id]
    linked = "".join(a.text() for a in root.find_all("a", "hl") if a.attrs["href"] == f"#{anchor}")
    assert linked == "Ted Cruz"


def test_findings_are_marked_where_they_point_and_name_their_rule():
    results = _results()
    root, _ = parse(_page(results))
    (article,) = root.find_all("div", "article")
    text, where = read_article(article)
    (card,) = [c for c in root.find_all("section", "card") if c.attrs.get("data-rule") == "CC501"]
    (span,) = [f.span for f in results[0].findings if f.rule == "CC501"]
    assert where[f"m-{card.attrs['id']}"] == span.end - results[0].document.body_start
    wavy = [e for e in article.find_all("span", "fx") if "sev-error" in e.classes]
    underlined = "".join(e.text() for e in wavy)  # CC302 (the contradicted count), then CC501
    assert underlined == "30 members" + "Tuesday, January 12, 2022"
    assert "CC501" in root.by_id(f"m-{card.attrs['id']}").text()
    # and the claim's own card names the rule of its finding
    date_card = [
        c
        for c in root.find_all("section", "card")
        if "Tuesday" in c.text() and c.attrs.get("data-claim")
    ]
    assert "CC501" in date_card[0].text()


def test_header_gives_title_date_origin_and_coverage():
    root, _ = parse(_page(_results()))
    section = root.find_all("section", "doc")[0]
    header = section.text()
    assert "Council" in section.find_all("h2")[0].text()
    assert "articles/story.md" in header and "2022-01-10" in header
    assert "found 4, checkable 3, checked 3: 2 supported, 1 contradicted" in header


def test_a_contradicted_card_holds_reason_evidence_link_and_correction():
    doc = document("Karlsruhe has a population of 400,000.\n")
    c = claim(doc, "400,000", "count", "contradicted", value={"amount": 400000})
    seen = dataclasses.replace(
        EVIDENCE.provenance,
        url="https://www.wikidata.org/wiki/Q1040",
        retrieved_at="2018-01-12T15:50:54Z",
    )
    proof = dataclasses.replace(
        EVIDENCE,
        entity_label="Karlsruhe",
        qualifiers={"point_in_time": ("2015-12-31",)},
        provenance=seen,
    )
    verification = dataclasses.replace(c.verification, evidence=(proof,), correction=307755)
    c = dataclasses.replace(c, verification=verification)
    root, _ = parse(_page([result(doc, (c,))]))
    (card,) = root.find_all("section", "v-contradicted")
    words = " ".join(card.text().split())
    for expected in ("contradicted", "count", "the source disagrees", "Karlsruhe", "307,755"):
        assert expected in words
    assert "point in time: 2015-12-31" in words and "2018-01-12T15:50:54Z" in words
    links = [a.attrs["href"] for a in card.find_all("a", "ext")]
    assert links == ["https://www.wikidata.org/wiki/Q1040"]


HOSTILE = (
    "---\ntitle: '</title><script>alert(1)</script>'\n---\n"
    'NATO has 30 members.<script>alert("x")</script> "><img src=x onerror=alert(1)>\n'
    '[read more](javascript:alert(document.cookie)) and <a href="javascript:alert(2)">x</a>\n'
    "Turkey\u202e has 80 million people.\u2066 <style>body{display:none}</style>\n"
)


def _hostile_results():
    doc = dataclasses.replace(
        document(HOSTILE, path='evil"><script>.md'),
        body_start=HOSTILE.index("NATO"),
        title="</title><script>alert(1)</script>",
        date_note='"><img src=x onerror=alert(1)>',
    )
    evil = dataclasses.replace(
        EVIDENCE,
        entity_label="<img src=x onerror=alert(1)>",
        provenance=dataclasses.replace(EVIDENCE.provenance, url="javascript:alert(1)"),
        value='"><script>alert(3)</script>',
        qualifiers={"<b>": ("</dd><script>",)},
    )
    bad = claim(doc, "30 members", "membership_count", "contradicted")
    bad = dataclasses.replace(
        bad,
        verification=dataclasses.replace(
            bad.verification, evidence=(evil,), correction="<i>31</i>"
        ),
    )
    people = claim(doc, "80 million people", "count", "not_checked", "no_entity_link")
    found = (finding(doc, "<script>", "CC501", "error", "<script>alert(4)</script>"),)
    return [result(doc, (bad, people), found)]


def test_a_hostile_article_cannot_inject_markup_or_script():
    results = _hostile_results()
    page = _page(results)
    root, problems = parse(page)
    assert problems == []
    tags = {e.tag for e in root.iter()}
    assert not tags & {"script", "img", "iframe", "object", "embed", "b", "i"}
    assert [e.tag for e in root.find_all("style")] == ["style"]  # ours only, in the head
    for element in root.iter():
        assert not [a for a in element.attrs if a.startswith("on")], element.attrs
        href = element.attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://", "http://")), href
    assert "javascript:" not in "".join(e.attrs.get("href") or "" for e in root.iter())
    # Bidi overrides are shown, not obeyed: none reaches the page raw.
    assert "\u202e" not in page and "\u2066" not in page
    assert "[U+202E]" in root.text()
    # and the article still reads as written
    _check_marks(page, results)


def test_content_security_policy_forbids_scripts_and_fetching():
    page = _page(_results())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "script-src" not in csp  # so scripts fall to 'none'
    assert not re.search(r"(src|href)=\"(https?:)?//", page.split("<main>")[0])


def test_the_same_results_give_the_same_bytes():
    assert _page(_results()) == _page(_results())


def test_a_run_over_several_documents_has_contents_linking_each():
    one = _results()[0]
    two = dataclasses.replace(
        one, document=dataclasses.replace(one.document, id="b.md", path="b.md", title=None)
    )
    root, _ = parse(_page([one, two]))
    (nav,) = root.find_all("nav")
    targets = [a.attrs["href"] for a in nav.find_all("a")]
    assert targets == ["#d1", "#d2"]
    assert [root.by_id(t[1:]).tag for t in targets] == ["section", "section"]
    assert "b.md" in nav.text()
    ids = [e.attrs["id"] for e in root.iter() if e.attrs.get("id")]
    assert len(ids) == len(set(ids))  # two documents, the same claims: ids stay unique


def test_claims_without_article_text_still_get_marks():
    """`verify` reads records back without the article: the claims are listed, each marked."""
    res = _results()[0]
    bare = dataclasses.replace(
        res, document=dataclasses.replace(res.document, text="", body_start=0)
    )
    root, _ = parse(_page([bare]))
    for c in res.claims:
        (card,) = [e for e in root.find_all("section", "card") if e.attrs.get("data-claim") == c.id]
        assert root.by_id(f"m-{card.attrs['id']}").attrs["href"] == f"#{card.attrs['id']}"


@pytest.mark.slow
def test_the_seed_article_extracted_has_every_claim_marked(nlp, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
    out = tmp_path / "seed.html"
    assert main(["extract", str(SEED), "--format", "html", "--output", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert main(["extract", str(SEED), "--format", "jsonl"]) == 0
    from claimcheck.verify.records import read_results

    results = list(read_results(capsys.readouterr().out.splitlines()))
    seed_text = SEED.read_text(encoding="utf-8")
    results = [
        dataclasses.replace(r, document=dataclasses.replace(r.document, text=seed_text))
        for r in results
    ]
    assert len(results[0].claims) > 50
    _check_marks(page, results)


def test_world_bank_evidence_shows_its_indicator_year_credit_and_link(tmp_path, capsys):
    """A statistics verdict's card names the indicator, the year and the credit the World Bank
    asks for, and links to the indicator's page: evidence from a second source, not Wikidata."""
    story = tmp_path / "chile.md"
    story.write_text(
        "---\ndate: 2005-03-15\n---\nChile, home to 19 million people, mines copper.\n",
        encoding="utf-8",
    )
    snapshot = EXAMPLES / "statistics-snapshot.jsonl"
    argv = ["check", str(story), "--source", f"snapshot:{snapshot}", "--format", "html"]
    assert main([*argv, "--exit-zero", "--quiet"]) == 0
    root, _ = parse(capsys.readouterr().out)
    (card,) = root.find_all("section", "v-contradicted")
    words = " ".join(card.text().split())
    for expected in ("Population, total", "SP.POP.TOTL", "2004", "16187322", "World Bank, World"):
        assert expected in words
    links = [a.attrs["href"] for a in card.find_all("a", "ext")]
    assert links == ["https://data.worldbank.org/indicator/SP.POP.TOTL"]


def test_a_role_whose_title_and_name_stand_in_two_sentences_is_highlighted_in_two_pieces():
    text = "“No,” the US ambassador to NATO told CNN on Tuesday. Julianne Smith.\n"
    doc = document(text, fmt="text")
    said = "the US ambassador to NATO told CNN on Tuesday. Julianne Smith"
    at = text.index("Julianne")
    person = {"text": "Julianne Smith", "span": {"start": at, "end": at + 14}}
    role = claim(doc, said, "role", "not_checked", "no_entity_link",
                 person=person, position="US ambassador to NATO")  # fmt: skip
    root, _ = parse(_page([result(doc, (role,))]))
    lit = [a.text() for a in root.find_all("a", "hl")]
    assert lit == ["the US ambassador to NATO", "Julianne Smith"]  # not the words between
    _check_marks(_page([result(doc, (role,))]), [result(doc, (role,))])
