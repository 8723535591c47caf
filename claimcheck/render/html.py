"""One self-contained HTML page per run: each article with its claims highlighted by verdict and
its findings marked where they point, a card per claim and finding that opens (through the URL
fragment and CSS `:target`, no script) on the evidence, and a table of contents when the run read
more than one document. Nothing is fetched: no fonts, scripts or images, and a Content Security
Policy forbids them should an escaped value ever slip through."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set

from claimcheck import __version__
from claimcheck.model import Claim, DocumentResult, Finding, coverage
from claimcheck.policy.findings import summarise_unavailable
from claimcheck.render.attention import Summary, headline, summarise
from claimcheck.render.htmlarticle import article
from claimcheck.render.htmlcards import (
    ICONS,
    SEVERITY_ICONS,
    WORDS,
    Shown,
    claim_card,
    finding_card,
    shown,
)
from claimcheck.render.htmlmarks import Mark, fits
from claimcheck.render.htmlsafe import text as esc
from claimcheck.render.htmlstyle import CSS
from claimcheck.render.htmlsummary import summary_section
from claimcheck.render.words import SEVERITY_WORDS, kind_count

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def render(results: Iterable[DocumentResult]) -> Iterator[str]:
    results = list(results)  # the summary and the contents need every document first
    titles = [title(r) for r in results]
    page = titles[0] if len(results) == 1 else f"{len(results)} documents"
    listed = [summarise_unavailable(r.findings) for r in results]
    summaries = [summarise(r, f) for r, f in zip(results, listed, strict=True)]
    yield _head(f"claimcheck report: {page}")
    yield summary_section(results, titles, summaries)
    yield _legend()
    if len(results) > 1:
        yield _contents(results, titles)
    if not results:
        yield "<p>No documents were read.</p>\n"
    for number, parts in enumerate(zip(results, titles, listed, summaries, strict=True), start=1):
        yield _document(*parts, f"d{number}")
    yield (
        f"</main>\n<footer><p>Made by claimcheck {esc(__version__)}. Open a mark in the text "
        "to see the claim, its verdict and its evidence.</p></footer>\n</body>\n</html>\n"
    )


def _head(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="claimcheck {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{esc(title)}</h1>\n"
    )


def _legend() -> str:
    verdicts = " ".join(
        f'<span><span class="hl v-{v}">claim</span><span class="tag v-{v}">{ICONS[v]}</span> '
        f"{WORDS[v]}</span>"
        for v in ICONS
    )
    severities = " ".join(
        f'<span><span class="fx sev-{s}">finding</span><span class="rule sev-{s}">{icon}</span> '
        f"{SEVERITY_WORDS[s]}</span>"
        for s, icon in SEVERITY_ICONS.items()
    )
    return f'<p class="legend">{verdicts} {severities}</p>\n'


def _contents(results: Sequence[DocumentResult], titles: Sequence[str]) -> str:
    items = "".join(
        f'<li><a href="#d{n}">{esc(title)}</a> <span class="meta">{esc(_coverage(r))}</span></li>'
        for n, (r, title) in enumerate(zip(results, titles, strict=True), start=1)
    )
    return f'<nav aria-label="Documents"><h2>Contents</h2><ol>{items}</ol></nav>\n'


def title(result: DocumentResult) -> str:
    """The headline: the front matter's or the page's title, else the article's first line (a
    Markdown heading without its marks), else the file's name."""
    doc = result.document
    if doc.title:
        return doc.title
    first = next((line for line in doc.text[doc.body_start :].splitlines() if line.strip()), "")
    first = first.strip()
    if doc.format == "markdown":  # a headline is a heading there; a first paragraph is not one
        first = first.lstrip("#").strip() if first.startswith("# ") else ""
    elif doc.format != "text":
        first = ""
    return first if 0 < len(first) <= 200 else doc.path or doc.id


def _coverage(result: DocumentResult) -> str:
    if not any(c.verification for c in result.claims):
        return f"found {len(result.claims)}; none checked in this run"
    c = coverage(result.claims)
    return (
        f"found {c.found}, checkable {c.checkable}, checked {c.checked}: "
        f"{c.supported} supported, {c.contradicted} contradicted"
    )


def _document(
    result: DocumentResult,
    heading: str,
    findings: Sequence[Finding],
    summary: Summary,
    prefix: str,
) -> str:
    doc = result.document
    views = [shown(c) for c in result.claims]
    claim_anchors = [f"{prefix}c{i}" for i in range(1, len(result.claims) + 1)]
    finding_anchors = [f"{prefix}f{j}" for j in range(1, len(findings) + 1)]
    quiet = summary.quiet_claims
    marks = _claim_marks(result.claims, views, claim_anchors, quiet)
    marks = [m for m in marks if fits(m, doc.text, doc.body_start)]
    marks += _finding_marks(findings, finding_anchors, doc.text, doc.body_start)
    placed = {m.anchor for m in marks}
    parts = [
        f'<section class="doc" id="{prefix}">\n<h2>{esc(heading)}</h2>\n',
        _header(result, summary),
        "<h3>Article</h3>\n",
        article(doc, marks),
        _unplaced(result.claims, views, claim_anchors, placed, quiet),
        _claims(result.claims, views, claim_anchors, findings, quiet),
        _findings(findings, finding_anchors, _by_id(result.claims, claim_anchors), placed),
        "</section>\n",
    ]
    return "".join(parts)


def _by_id(claims: Sequence[Claim], anchors: Sequence[str]) -> dict[str, tuple[str, str]]:
    return {c.id: (a, c.text) for c, a in zip(claims, anchors, strict=True)}


def _header(result: DocumentResult, summary: Summary) -> str:
    doc = result.document
    date = doc.date.isoformat() if doc.date else "unknown"
    where = esc(doc.date_note or doc.date_source)
    origin = esc(doc.path or doc.id)
    lines = [
        f'<p class="meta">{origin} ({esc(doc.format)}), document date {esc(date)} ({where})</p>',
        f'<p class="coverage">{esc(_coverage(result))}</p>',
        f'<p class="meta"><a href="#summary">{esc(headline(summary.items))}</a></p>',
    ]
    if result.error:
        lines.append(f'<p class="coverage">Not read: {esc(result.error)}</p>')
    return "\n".join(lines) + "\n"


def _claim_marks(
    claims: Sequence[Claim], views: Sequence[Shown], anchors: Sequence[str], quiet: Set[int]
) -> list[Mark]:
    marks = []
    for i, (c, v, a) in enumerate(zip(claims, views, anchors, strict=True)):
        pieces = _pieces(c)
        for n, (start, end) in enumerate(pieces, start=1):
            tag = _claim_tag(c, v, a, i in quiet) if n == len(pieces) else ""
            marks.append(Mark(start, end, a, _css(v, i in quiet), tag))
    return marks


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+")


def _pieces(claim: Claim) -> list[tuple[int, int]]:
    """Where a claim is highlighted: its span, or for a role whose title and name stand in two
    sentences ("… the US ambassador to NATO told CNN. Julianne Smith.") the title and the name,
    not the words between."""
    whole = [(claim.span.start, claim.span.end)]
    if claim.kind != "role" or not _SENTENCE_BREAK.search(claim.text):
        return whole
    record = claim.to_dict()  # the fields as JSON: the person's span as plain offsets
    person, position = record.get("person"), record.get("position")
    if not isinstance(person, Mapping) or not isinstance(position, str) or not position:
        return whole
    span = person.get("span") or {}
    at = claim.text.find(position)
    start, end = span.get("start"), span.get("end")
    if at < 0 or not isinstance(start, int) or not isinstance(end, int) or end != claim.span.end:
        return whole
    title_end = claim.span.start + at + len(position)
    if not claim.span.start < title_end <= start:
        return whole
    return [(claim.span.start, title_end), (start, end)]


def _css(view: Shown, quiet: bool) -> str:
    # A quiet claim (no source could check it) is marked but not shown until asked for.
    return f"v-{view.verdict}" + (" quiet" if quiet else "")


def _claim_tag(claim: Claim, view: Shown, anchor: str, quiet: bool = False) -> str:
    v = view.verdict
    return (
        f'<a class="tag {_css(view, quiet)}" id="m-{anchor}" href="#{anchor}" '
        f'title="{WORDS[v]}: {esc(kind_count(claim.kind, 1)[2:])}">'
        f'<span aria-hidden="true">{ICONS[v]}</span><span class="sr"> {WORDS[v]}</span></a>'
    )


def _finding_marks(
    findings: Sequence[Finding], anchors: Sequence[str], text: str, start: int
) -> list[Mark]:
    marks: list[Mark] = []
    for f, anchor in zip(findings, anchors, strict=True):
        if f.suppressed is not None:
            continue  # listed with its card, not marked: the newsroom chose to accept it
        spans = sorted(s for s in (f.spans or (f.span,)) if start <= s.start < s.end <= len(text))
        css = f"sev-{esc(f.severity)}"
        for i, span in enumerate(spans):
            tag = (
                f'<a class="rule {css}" id="m-{anchor}" href="#{anchor}">'
                f'<span aria-hidden="true">{SEVERITY_ICONS.get(f.severity, "•")}</span>'
                f"{esc(f.rule)}</a>"
                if i == len(spans) - 1
                else ""
            )
            marks.append(Mark(span.start, span.end, anchor, css, tag, finding=True))
    return marks


def _unplaced(
    claims: Sequence[Claim],
    views: Sequence[Shown],
    anchors: Sequence[str],
    placed: set[str],
    quiet: Set[int],
) -> str:
    """Claims whose span is not in the text (records read back by `verify` carry no article)."""
    items = [
        f'<a class="hl {_css(v, i in quiet)}" href="#{a}">{esc(c.text)}</a>'
        f"{_claim_tag(c, v, a, i in quiet)}"
        for i, (c, v, a) in enumerate(zip(claims, views, anchors, strict=True))
        if a not in placed
    ]
    if not items:
        return ""
    return f'<p class="meta">Claims not placed in the text: {" · ".join(items)}</p>\n'


def _claims(
    claims: Sequence[Claim],
    views: Sequence[Shown],
    anchors: Sequence[str],
    findings: Sequence[Finding],
    quiet: Set[int],
) -> str:
    if not claims:
        return "<h3>Claims</h3>\n<p>No claims found.</p>\n"
    about = _findings_by_claim(claims, findings)
    cards = (
        claim_card(c, v, a, about.get(i, []), i in quiet)
        for i, (c, v, a) in enumerate(zip(claims, views, anchors, strict=True))
    )
    return "<h3>Claims</h3>\n" + "".join(cards)


def _findings_by_claim(
    claims: Sequence[Claim], findings: Sequence[Finding]
) -> dict[int, list[Finding]]:
    """Which findings concern each claim (by index): those naming its id, and for rules that name
    no claim, those pointing into its words. Indexed, not compared pairwise: a long document has
    thousands of both."""
    by_id: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_id.setdefault(c.id, []).append(i)
    order = sorted(range(len(claims)), key=lambda i: claims[i].span.start)
    starts = [claims[i].span.start for i in order]
    longest = max((c.span.end - c.span.start for c in claims), default=0)
    out: dict[int, list[Finding]] = {}
    for f in findings:
        hit = {i for cid in f.claims for i in by_id.get(cid, ())}
        for s in () if f.claims else (f.spans or (f.span,)):
            low = bisect.bisect_left(starts, s.start - longest)
            high = bisect.bisect_left(starts, s.end)
            hit.update(i for i in order[low:high] if claims[i].span.end > s.start)
        for i in sorted(hit):
            out.setdefault(i, []).append(f)
    return out


def _findings(
    findings: Sequence[Finding],
    anchors: Sequence[str],
    claims: Mapping[str, tuple[str, str]],
    placed: set[str],
) -> str:
    if not findings:
        return ""
    cards = (
        finding_card(f, a, claims, a in placed) for f, a in zip(findings, anchors, strict=True)
    )
    return "<h3>Findings</h3>\n" + "".join(cards)
