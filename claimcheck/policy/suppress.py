"""Suppressions written into an article: inline Markdown/HTML comments and a front-matter key.

    <!-- claimcheck: ignore CC301 -->          the next line with text (or this line, if the
                                                comment follows text on it); no code = every code
    <!-- claimcheck: disable CC5 -->  ...  <!-- claimcheck: enable CC5 -->    a block
    claimcheck: {ignore: [CC402]}              front matter: the whole article

Codes match by prefix, like --ignore. A suppression that hides nothing is reported as CC911.
HTML articles are read as their extracted main text, so only front matter (Markdown) and
Markdown/text comments can suppress; see the README.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimcheck.model import Document, Finding, Span, position
from claimcheck.policy.rules import UNUSED_SUPPRESSION, UNVERIFIED_CODES, registry

_COMMENT = re.compile(r"<!--\s*claimcheck:\s*(ignore|disable|enable)\b(.*?)-->", re.S | re.I)
# Anything shaped like a code counts as one: a mistyped 'CC5011' must hide nothing, not everything.
_CODE = re.compile(r"\bCC\w*", re.I)
END_OF_ARTICLE = 1 << 30  # a line number past any article's end


@dataclass
class Suppression:
    """Where a suppression applies (first and last line, inclusive) and whether it was used."""

    codes: tuple[str, ...]  # empty: every code
    first: int
    last: int
    origin: str  # inline or front_matter
    span: Span
    text: str
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        in_lines = self.first <= finding.line <= self.last
        return in_lines and (not self.codes or any(finding.rule.startswith(c) for c in self.codes))


def parse(document: Document) -> list[Suppression]:
    return [*_front_matter(document), *_inline(document)]


def _front_matter(document: Document) -> Iterable[Suppression]:
    block = document.metadata.get("claimcheck") if document.format == "markdown" else None
    if not isinstance(block, dict) or "ignore" not in block:
        return []
    raw = block["ignore"]
    codes = tuple(
        c.upper() for c in ([raw] if isinstance(raw, str) else raw or []) if str(c).strip()
    )
    codes = () if any(c == "ALL" for c in codes) else codes
    end = max(position(document.text, len(document.text))[0], 1)
    return [
        Suppression(
            codes,
            1,
            end,
            "front_matter",
            Span(0, 0),
            f"claimcheck: ignore {', '.join(codes) or 'all'}",
        )
    ]


def _inline(document: Document) -> Iterable[Suppression]:
    text = document.text
    open_blocks: list[Suppression] = []
    out: list[Suppression] = []
    for match in _COMMENT.finditer(text, document.body_start):
        if _in_code(document, match.start()):
            continue
        verb = match.group(1).lower()
        codes = tuple(sorted(c.upper() for c in _CODE.findall(match.group(2))))
        line = position(text, match.start())[0]
        span = Span(match.start(), match.end())
        if verb == "enable":
            _close(open_blocks, codes, line - 1)
            continue
        shown = " ".join(match.group(0).split())
        if verb == "disable":  # until the matching enable, or to the end of the article
            item = Suppression(codes, line, END_OF_ARTICLE, "inline", span, shown)
            open_blocks.append(item)
        else:
            target = _target_line(text, match)
            item = Suppression(codes, target, target, "inline", span, shown)
        out.append(item)
    return out


def _close(open_blocks: list[Suppression], codes: tuple[str, ...], last: int) -> None:
    for block in [b for b in open_blocks if not codes or b.codes == codes]:
        block.last = max(last, block.first)
        open_blocks.remove(block)


def _target_line(text: str, match: re.Match[str]) -> int:
    """The line a one-line suppression covers: its own, if text precedes it on that line; else
    the next line that holds text."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    if text[line_start : match.start()].strip():
        return position(text, match.start())[0]
    rest = text[match.end() :]
    skipped = len(rest) - len(rest.lstrip())
    return position(text, min(match.end() + skipped, len(text)))[0]


def _in_code(document: Document, offset: int) -> bool:
    # reader.skip holds fences, inline code and the comments themselves; a comment is in code
    # when a skip region starts before it and covers it.
    return document.skip_reaching(offset, offset)


def apply(document: Document, findings: Iterable[Finding], enabled: set[str]) -> list[Finding]:
    """Mark suppressed findings, then add a CC911 finding for every suppression that hid nothing
    (only when a code it names is enabled: a suppression for a rule switched off is not unused)."""
    suppressions = parse(document)
    out = []
    for finding in findings:
        # "Could not verify" is about the run, not the article: no comment hides an outage.
        can_hide = finding.suppressed is None and finding.rule not in UNVERIFIED_CODES
        hit = next((s for s in suppressions if can_hide and s.covers(finding)), None)
        if hit is not None:
            hit.used.add(finding.rule)
            finding = dataclasses.replace(finding, suppressed=hit.origin)
        out.append(finding)
    out.extend(_unused(document, suppressions, enabled))
    return out


def _unused(
    document: Document, suppressions: list[Suppression], enabled: set[str]
) -> Iterable[Finding]:
    if UNUSED_SUPPRESSION not in enabled:
        return
    severity = registry()[UNUSED_SUPPRESSION].severity
    for s in suppressions:
        relevant = not s.codes or any(code.startswith(c) for c in s.codes for code in enabled)
        if s.used or not relevant:
            continue
        line, column = position(document.text, s.span.start)
        yield Finding(
            rule=UNUSED_SUPPRESSION,
            severity=severity,
            message=f"unused suppression: {s.text} hides no finding",
            doc=document.id,
            span=s.span,
            line=line,
            column=column,
            spans=(s.span,),
        )
