"""GitHub Actions: workflow-command annotations on stdout, and a Markdown job summary.

GitHub shows at most 10 annotations of each level (error, warning, notice) per step, so the most
severe come first and one `::notice` says how many were left out. The job summary (for
$GITHUB_STEP_SUMMARY) lists every finding and is trimmed to stay under GitHub's 1 MiB limit.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from claimcheck.model import DocumentResult, Finding
from claimcheck.policy.findings import summarise_unavailable
from claimcheck.render import attention
from claimcheck.render.base import SEVERITY_ORDER, active, display_path, file_region, one_line

CAP_PER_LEVEL = 10
SUMMARY_LIMIT = 1024 * 1024 - 4096  # bytes; leaves room for what other steps append
_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_MARKDOWN = re.compile(r"[\\`*_\[\]|~]")


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _ordered(results: Iterable[DocumentResult]) -> list[tuple[DocumentResult, str, Finding]]:
    rows = [(r, display_path(r), f) for r in results for f in summarise_unavailable(active(r))]
    rows.sort(
        key=lambda row: (
            SEVERITY_ORDER.get(row[2].severity, 3),
            row[1],
            row[2].line,
            row[2].column,
            row[2].rule,
        )
    )
    return rows


def annotation(result: DocumentResult, path: str, f: Finding) -> str:
    props: dict[str, object] = {"file": path}
    region = file_region(result, f)
    if region is not None:
        props.update(line=region.line, col=region.column, endLine=region.end_line)
        if region.end_line == region.line:
            props["endColumn"] = region.end_column
    props["title"] = f"{f.rule} ({f.severity})"
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{_LEVEL.get(f.severity, 'notice')} {joined}::{escape_data(f.message)}\n"


def render(results: Iterable[DocumentResult]) -> Iterator[str]:
    rows = _ordered(results)
    shown: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    overflow = _overflows(rows)
    for result, path, f in rows:
        level = _LEVEL.get(f.severity, "notice")
        cap = CAP_PER_LEVEL - 1 if level == "notice" and overflow else CAP_PER_LEVEL
        if shown[level] < cap:
            shown[level] += 1
            yield annotation(result, path, f)
        else:
            left_out[f.severity] += 1
    if left_out:
        parts = ", ".join(
            f"{n} {sev}{'s' if n != 1 else ''}"
            for sev, n in sorted(left_out.items(), key=lambda kv: SEVERITY_ORDER[kv[0]])
        )
        total = sum(left_out.values())
        message = f"{total} more findings not shown as annotations ({parts}); see the job summary"
        yield f"::notice title=claimcheck::{escape_data(message)}\n"


def _overflows(rows: list[tuple[DocumentResult, str, Finding]]) -> bool:
    per_level = Counter(_LEVEL.get(f.severity, "notice") for _, _, f in rows)
    return any(n > CAP_PER_LEVEL for n in per_level.values())


def summary(results: Iterable[DocumentResult], limit: int = SUMMARY_LIMIT) -> str:
    """The Markdown job summary: counts, then one table row per finding, trimmed under `limit`
    bytes with a line saying how many rows were left out."""
    results = list(results)
    rows = _ordered(results)
    suppressed = sum(1 for r in results for f in r.findings if f.suppressed is not None)
    counts = Counter(f.severity for _, _, f in rows)
    head = [
        "## claimcheck",
        "",
        *_attention(results),
        f"{len(results)} document(s): {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info, {suppressed} suppressed.",
        "",
    ]
    if not rows:
        return "\n".join([*head, "No findings.", ""])
    head += ["| File | Line | Severity | Rule | Message |", "|---|---|---|---|---|"]
    out = "\n".join(head) + "\n"
    size = len(out.encode())
    for index, (result, path, f) in enumerate(rows):
        region = file_region(result, f)
        where = region.line if region is not None else "–"
        line = f"| {_cell(path)} | {where} | {f.severity} | {f.rule} | {_cell(f.message)} |\n"
        left = len(rows) - index
        tail = f"\n_…truncated: {left} more finding(s) not listed (summary size limit)._\n"
        if size + len(line.encode()) + len(tail.encode()) > limit:
            return out + tail
        out += line
        size += len(line.encode())
    return out


ATTENTION_CAP = 50  # items listed at the top; every finding is in the table below


def _attention(results: list[DocumentResult]) -> list[str]:
    """What needs attention, first, in the words of the HTML report's summary: a list, not a
    table, escaped as the cells are."""
    named = [(display_path(r), attention.summarise(r)) for r in results]
    if not any(s.verified or s.items for _, s in named):
        return []
    lines = attention.text_lines(named, limit=ATTENTION_CAP)
    out = [f"**{_cell(lines[0])}**", ""]
    for line in lines[1:-1]:
        depth = "  " if line.startswith("    ") else ""
        out.append(f"{depth}- {_cell(line)}")
    return [*out, "", _cell(lines[-1]), ""]


def _cell(text: str) -> str:
    """Text that renders as itself in a table cell of GitHub's Markdown: HTML as entities (a raw
    `<!-- claimcheck: ignore … -->` in a CC911 message was swallowed as a comment), Markdown
    punctuation backslash-escaped, the cell's pipes too."""
    return _MARKDOWN.sub(r"\\\g<0>", html.escape(one_line(text), quote=False))
