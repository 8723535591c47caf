"""The first thing on the page: what needs attention, in plain words, for the run and for each
document (claimcheck.render.attention decides what; this module only writes it as HTML), what
was found right, and the switch that marks the claims no source could check."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.model import DocumentResult
from claimcheck.render.attention import Item, Summary, found_right, headline, not_checked
from claimcheck.render.htmlcards import severity_badge
from claimcheck.render.htmlsafe import link
from claimcheck.render.htmlsafe import text as esc

# The id of the checkbox that shows the quiet claims; htmlstyle's CSS keys on it.
SHOW_ALL = "show-all"


def summary_section(
    results: Sequence[DocumentResult], titles: Sequence[str], summaries: Sequence[Summary]
) -> str:
    items = [i for s in summaries for i in s.items]
    parts = [
        '<section class="summary" id="summary" aria-labelledby="summary-h">',
        f'<h2 id="summary-h">{esc(headline(items))}</h2>',
    ]
    several = len(results) > 1
    rows = zip(results, titles, summaries, strict=True)
    for number, (result, title, summary) in enumerate(rows, start=1):
        prefix = f"d{number}"
        if several:
            count = esc(headline(summary.items))
            parts.append(f'<h3><a href="#{prefix}">{esc(title)}</a>: {count}</h3>')
        parts.append(_items(summary.items, prefix, result))
        parts.append(f'<p class="right">{esc(found_right(summary))}</p>')
        quiet = not_checked(summary)
        if quiet:
            parts.append(f'<p class="quiet-note">{esc(quiet)}</p>')
    if any(s.quiet_total for s in summaries):
        total = sum(s.quiet_total for s in summaries)
        parts.append(
            f'<p class="toggle"><input type="checkbox" id="{SHOW_ALL}"> '
            f'<label for="{SHOW_ALL}">Mark the {total} claims no source could check in the text '
            "and list their cards</label></p>"
        )
    parts.append("</section>\n")
    return "\n".join(parts)


def _items(items: Sequence[Item], prefix: str, result: DocumentResult) -> str:
    if not items:
        return ""
    shown = "".join(_item(i, prefix, _in_text(i, result)) for i in items)
    return f'<ol class="attention">{shown}</ol>'


def _in_text(item: Item, result: DocumentResult) -> bool:
    """Whether the item has a mark in the article to link to (a claim always has one, in the
    text or in the list of claims not placed in it)."""
    doc = result.document
    return item.claim is not None or doc.body_start <= item.start < len(doc.text)


def _item(item: Item, prefix: str, placed: bool) -> str:
    card = f"c{item.claim + 1}" if item.claim is not None else f"f{(item.finding or 0) + 1}"
    anchor = prefix + card
    place = f"#m-{anchor}" if placed else f"#{anchor}"
    said = f"<q>{esc(item.said)}</q>" if item.said else "the article"
    parts = [
        f'{severity_badge(item.severity)} <a class="place" href="{place}">{said}</a> '
        f'<span class="where">line {item.line}</span>',
        f'<span class="found">{esc(item.found)}</span>',
    ]
    if item.correction:
        parts.append(f'<strong class="fix">Correction: {esc(item.correction)}.</strong>')
    if item.source is not None:
        when = f" ({esc(item.source.date)})" if item.source.date else ""
        named = link(item.source.url, esc(item.source.name))
        parts.append(f'<span class="src">Source: {named}{when}.</span>')
    parts.append(f'<a class="more" href="#{anchor}">evidence</a>')
    code = f' <code class="code">{esc(item.rule)}</code>' if item.rule else ""
    return f'<li class="sev-{esc(item.severity)}">' + " ".join(parts) + code + "</li>"
