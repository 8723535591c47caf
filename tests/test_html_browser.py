"""The demo report (`make demo`'s articles against the bundled snapshots) opened in headless
Chromium as a reader would: it renders without console errors; the summary of what needs
attention comes first and names every contradicted claim with its correction; the article reads
as written (no Markdown marks), the highlights are on screen and readable, clicking a
contradicted claim's mark opens its evidence; nothing internal (offsets, ids, raw values) shows
outside a details disclosure and no text is cut mid-word; the print view shows every card.
Skipped, with the reason, only where Chromium is not installed.

The demo's verdicts change as its sources do: these tests hold the report's structure and
behaviour, never the demo's exact counts."""

from __future__ import annotations

import re

import pytest
from conftest import EXAMPLES, SEED

from claimcheck.__main__ import main

headless = pytest.importorskip("headless")
CHROMIUM = headless.find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run does it)",
    ),
]

VISIBLE_MARKS = """(() => {
  const out = {};
  for (const e of document.querySelectorAll('.article .hl')) {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.width > 0 && r.height > 0 && s.visibility === 'visible'
        && s.backgroundColor !== 'rgba(0, 0, 0, 0)') {
      const v = [...e.classList].find(c => c.startsWith('v-'));
      out[v] = (out[v] || 0) + 1;
    }
  }
  return out;
})()"""
# Text colour and background of what carries meaning: highlights, verdict icons, badges.
COLOURS = """[...document.querySelectorAll('.article .hl, .article .tag, .badge, .rule')]
  .map(e => {
    let bg = 'rgba(0, 0, 0, 0)', n = e;
    while (n && bg === 'rgba(0, 0, 0, 0)') { bg = getComputedStyle(n).backgroundColor;
      n = n.parentElement; }
    return [e.className, getComputedStyle(e).color, bg];
  })"""


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("report") / "demo-report.html"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("claimcheck.nlp.load_pipeline", lambda *a, **k: nlp)
        status = main(
            [
                "check",
                str(EXAMPLES / "anniversaries.md"),
                str(SEED),
                str(EXAMPLES / "latin-america-economies.md"),
                "--source",
                f"snapshot:{EXAMPLES / 'wikidata-snapshot.jsonl'}",
                "--source",
                f"snapshot:{EXAMPLES / 'statistics-snapshot.jsonl'}",
                "--format",
                "html",
                "--output",
                str(out),
                "--exit-zero",
                "--quiet",
            ]
        )
    assert status == 0
    return out


def test_the_report_renders_and_a_contradiction_opens_on_its_evidence(demo_report, tmp_path):
    with headless.browser(CHROMIUM) as page:
        page.open(demo_report.as_uri())
        assert page.screenshot(tmp_path / "report.png") > 20_000
        seen = page.evaluate(VISIBLE_MARKS)
        assert seen.get("v-contradicted", 0) >= 1 and seen.get("v-supported", 0) >= 1
        # Claims no source could check are folded into counts until the reader asks for them.
        quiet = page.evaluate("document.querySelectorAll('.article .hl.quiet').length")
        assert quiet > 0 and seen.get("v-not_checked", 0) < quiet
        page.click(*_centre(page, "#show-all"))
        shown = page.evaluate(VISIBLE_MARKS).get("v-not_checked", 0)
        assert shown >= quiet  # every one marked now (and any not-checked claim with a finding)
        page.click(*_centre(page, "#show-all"))
        card = page.evaluate("document.querySelector('section.card.v-contradicted').id")
        body = f"document.getElementById('{card}').querySelector('.body')"
        assert page.evaluate(f"{body}.offsetHeight") == 0  # closed until asked for
        x, y = page.evaluate(
            f"(() => {{ const t = document.getElementById('m-{card}'); t.scrollIntoView("
            "{block: 'center'}); const r = t.getBoundingClientRect();"
            "return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        page.click(x, y)
        assert page.evaluate("location.hash") == f"#{card}"
        assert page.evaluate(f"{body}.offsetHeight") > 50
        opened = page.evaluate(f"{body}.innerText")
        assert "Source" in opened and "Why" in opened and "Correction" in opened
        links = page.evaluate(f"[...{body}.querySelectorAll('a.ext')].map(a => a.href)")
        assert links and all(h.startswith("https://") for h in links)
        page.screenshot(tmp_path / "opened.png")
        assert page.errors == []


def test_colours_meet_wcag_aa_contrast(demo_report):
    with headless.browser(CHROMIUM) as page:
        page.open(demo_report.as_uri())
        found = page.evaluate(COLOURS)
    assert len(found) > 60
    low = {(cls, fg, bg) for cls, fg, bg in found if _contrast(fg, bg) < 4.5}
    assert low == set()


def test_the_print_view_shows_every_card_and_no_navigation_links(demo_report):
    with headless.browser(CHROMIUM) as page:
        page.open(demo_report.as_uri())
        page.send("Emulation.setEmulatedMedia", media="print")
        hidden = page.evaluate(
            "[...document.querySelectorAll('.card, .card .body')]"
            ".filter(b => b.offsetHeight === 0).length"
        )
        cards = page.evaluate("document.querySelectorAll('.card').length")
        backs = page.evaluate(
            "[...document.querySelectorAll('a.back')].filter(a => a.offsetHeight > 0).length"
        )
        pdf = page.send("Page.printToPDF")["data"]
    assert cards > 50 and hidden == 0  # the quiet claims' cards too
    assert backs == 0 and len(pdf) > 10_000


def _centre(page, selector: str) -> tuple[float, float]:
    return page.evaluate(
        f"(() => {{ const e = document.querySelector('{selector}'); e.scrollIntoView("
        "{block: 'center'}); const r = e.getBoundingClientRect();"
        "return [r.x + r.width / 2, r.y + r.height / 2]; })()"
    )


# For every contradicted claim's card: its words, its correction row, and the summary line that
# links to its mark in the text (null where none does).
CONTRADICTED = """[...document.querySelectorAll('section.card.v-contradicted')].map(card => {
  const rows = {};
  card.querySelectorAll(':scope > .body > dl > dt').forEach(dt =>
    rows[dt.innerText.trim()] = dt.nextElementSibling.textContent.trim());
  const line = document.querySelector(`.summary a.place[href="#m-${card.id}"]`);
  return {words: card.querySelector('h4 q').textContent, correction: rows['Correction'] || null,
          line: line ? line.closest('li').innerText : null};
})"""


def test_the_summary_comes_first_and_names_every_contradiction_with_its_correction(demo_report):
    with headless.browser(CHROMIUM) as page:
        page.open(demo_report.as_uri())
        first = page.evaluate(
            "(() => { const m = document.querySelector('main');"
            "const e = [...m.children].find(c => c.tagName !== 'H1');"
            "return [e.className, e.getBoundingClientRect().top,"
            "e.querySelector('h2').innerText]; })()"
        )
        contradicted = page.evaluate(CONTRADICTED)
        assert page.errors == []
    assert first[0] == "summary" and first[1] < 150  # on the first screen, under the title
    assert re.fullmatch(r"\d+ claims? needs? attention|Nothing needs attention", first[2])
    assert contradicted, "the demo plants contradicted claims"
    for c in contradicted:
        assert c["line"] is not None, f"{c['words']!r} is not in the summary"
        assert c["words"] in c["line"]
        if c["correction"]:
            assert f"Correction: {c['correction']}" in c["line"]
        assert "Source:" in c["line"]  # the source, with its date and link


# Text nodes a reader sees, outside the details disclosures, the article and code elements.
VISIBLE_TEXT = """(() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const e = n.parentElement;
    if (e.closest('details:not([open]), .article, code, style, title, q')) continue;
    if (!e.getClientRects().length || getComputedStyle(e).visibility !== 'visible') continue;
    if (n.textContent.trim()) out.push(n.textContent);
  }
  return out;
})()"""
INTERNALS = re.compile(
    r"\b(start|end): \d+|\bc[0-9a-f]{12}\b|[{}]|\bCanonical\b|\bType (PERSON|ORG|GPE)\b"
    r"|\bprecision: |\brelative: |\b[a-z]+_[a-z_]+\b|\bQ\d+\$"
)


def test_no_internals_and_no_cut_words_outside_the_details(demo_report):
    with headless.browser(CHROMIUM) as page:
        page.open(demo_report.as_uri())
        page.click(*_centre(page, "#show-all"))  # every card listed
        page.send("Emulation.setEmulatedMedia", media="print")  # every card open
        seen = page.evaluate(VISIBLE_TEXT)
        article = page.evaluate(
            "[...document.querySelectorAll('.article, q')].map(e => e.textContent).join(' ')"
        )
    assert len(seen) > 200
    leaks = {m.group() for text in seen for m in INTERNALS.finditer(text)}
    assert leaks == set()
    # An ellipsis outside the article is one the article itself wrote, never a cut.
    cut = {m.group() for text in seen for m in re.finditer(r"\S*…", text)}
    assert {w for w in cut if w not in article} == set()


def test_markdown_reads_as_written_with_its_headline_as_a_heading(demo_report):
    with headless.browser(CHROMIUM) as page:
        page.open(demo_report.as_uri())
        texts = page.evaluate("[...document.querySelectorAll('.article.md')].map(e => e.innerText)")
        headings = page.evaluate(
            "[...document.querySelectorAll('.article.md .md-heading')].map(e => e.innerText)"
        )
        emphasis = page.evaluate("document.querySelectorAll('.article.md em').length")
        marked = page.evaluate("document.querySelectorAll('.article.md a.tag').length")
    assert texts and headings and emphasis and marked
    for text in texts:
        assert not re.search(r"(^|\n)\s*#{1,6}\s|\*\*?\w|\w\*|`|^---$", text, re.M), text[:200]


def _contrast(fg: str, bg: str) -> float:
    def luminance(colour: str) -> float:
        channels = [float(x) / 255 for x in re.findall(r"[\d.]+", colour)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    if bg == "rgba(0, 0, 0, 0)":
        bg = "rgb(255, 255, 255)"
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
