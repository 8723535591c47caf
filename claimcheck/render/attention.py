"""What needs attention in a document, in plain words: the summary a reporter reads first, the
same in the HTML report, at the end of the terminal table and at the top of the GitHub job
summary. Each item is a contradicted claim or an error/warning finding: what the article says,
what the source says, the correction and the source with its date and link. Then what was
checked and found right, and how many claims no source could check, by kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from claimcheck.model import Claim, DocumentResult, Finding
from claimcheck.policy.findings import rule_for, summarise_unavailable
from claimcheck.policy.rules import registry
from claimcheck.render.words import kind_count

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
NEEDS_ATTENTION = ("error", "warning")


@dataclass(frozen=True)
class Source:
    """Where the correction comes from: its name, the date its figure is for, a link."""

    name: str
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Item:
    severity: str
    rule: str | None
    said: str  # the article's words
    line: int
    found: str  # what the source says, or what the rule found, as a sentence
    correction: str | None = None
    source: Source | None = None
    claim: int | None = None  # index into the document's claims
    finding: int | None = None  # index into summarise_unavailable(findings)
    start: int = 0


@dataclass(frozen=True)
class Summary:
    items: tuple[Item, ...]
    right: Counter[str]  # supported claims by kind
    quiet: Counter[str]  # claims no source could check, with nothing to act on, by kind
    quiet_claims: frozenset[int]  # their indices
    verified: bool  # whether this run verified claims at all (extract does not)

    @property
    def right_total(self) -> int:
        return sum(self.right.values())

    @property
    def quiet_total(self) -> int:
        return sum(self.quiet.values())


def summarise(result: DocumentResult, findings: Sequence[Finding] | None = None) -> Summary:
    """`findings`: the document's findings as the report lists them (default: with the outage
    findings folded, as summarise_unavailable does)."""
    findings = summarise_unavailable(result.findings) if findings is None else findings
    claims = result.claims
    index = {c.id: i for i, c in enumerate(claims)}
    concerned = {index[c] for f in findings for c in f.claims if c in index}
    items = [_from_finding(result, f, j, index) for j, f in enumerate(findings) if _counts(f)]
    covered = {i.claim for i in items if i.claim is not None}
    items += [
        _from_claim(c, i, _default_severity(c), None, None)
        for i, c in enumerate(claims)
        if _verdict(c) == "contradicted" and i not in concerned
    ]
    items.sort(key=lambda i: (SEVERITY_RANK.get(i.severity, 3), i.start, i.line))
    quiet = {
        i
        for i, c in enumerate(claims)
        if _verdict(c) == "not_checked" and i not in concerned and i not in covered
    }
    verified = any(c.verification for c in claims)
    return Summary(
        tuple(items),
        Counter(c.kind for c in claims if _verdict(c) == "supported"),
        Counter(claims[i].kind for i in quiet) if verified else Counter(),
        frozenset(quiet) if verified else frozenset(),
        verified,
    )


def _counts(f: Finding) -> bool:
    return f.suppressed is None and f.severity in NEEDS_ATTENTION


def _verdict(claim: Claim) -> str | None:
    return claim.verification.verdict if claim.verification else None


def _default_severity(claim: Claim) -> str:
    code = rule_for(claim)
    rule = registry().get(code) if code else None
    return rule.severity if rule else "error"


def _from_finding(result: DocumentResult, f: Finding, j: int, index: Mapping[str, int]) -> Item:
    mine = [index[c] for c in f.claims if c in index]
    if len(mine) == 1 and _verdict(result.claims[mine[0]]) == "contradicted":
        return _from_claim(result.claims[mine[0]], mine[0], f.severity, f.rule, j)
    text = result.document.text
    said = text[f.span.start : f.span.end] if 0 <= f.span.start < f.span.end <= len(text) else ""
    if not said and mine:
        said = result.claims[mine[0]].text
    return Item(
        f.severity, f.rule, _flat(said), f.line, _flat(f.message), finding=j, start=f.span.start
    )


def _from_claim(claim: Claim, i: int, severity: str, rule: str | None, j: int | None) -> Item:
    v = claim.verification
    assert v is not None
    record = v.to_dict()
    evidence = [e for e in record["evidence"] if isinstance(e, Mapping)]
    correction = words(record.get("correction")) or None
    return Item(
        severity,
        rule or rule_for(claim),
        _flat(claim.text),
        claim.line,
        _flat(v.explanation),
        correction,
        source(evidence[0], record.get("as_of")) if evidence else None,
        i,
        j,
        claim.span.start,
    )


def source(e: Mapping[str, Any], as_of: str | None) -> Source:
    """A source in a reader's words: what it is about and who publishes it, the date its value
    is for (the statistic's year, a point in time, else when it was retrieved), its link."""
    url = e.get("url") if isinstance(e.get("url"), str) else None
    about = e.get("entity_label") or e.get("indicator_label") or e.get("label") or e.get("entity")
    publisher = e.get("credit") or ("Wikidata" if url and "wikidata.org" in url else None)
    title = e.get("indicator_title")
    parts = [str(p) for p in (about, title, publisher) if p]
    return Source(", ".join(parts) or "the source", _source_date(e, as_of), url)


def _source_date(e: Mapping[str, Any], as_of: str | None) -> str | None:
    if e.get("year"):
        release = _release_words(e.get("vintage"))
        return f"figure for {e['year']}" + (f", as published in {release}" if release else "")
    qualifiers = e.get("qualifiers") if isinstance(e.get("qualifiers"), Mapping) else {}
    when = qualifiers.get("point_in_time") if qualifiers else None
    if when:
        return f"figure of {words(when)}"
    retrieved = str(e.get("retrieved_at") or "")[:10]
    if retrieved:
        return f"retrieved {retrieved}" + (f", checked as of {as_of}" if as_of else "")
    return f"checked as of {as_of}" if as_of else None


def _release_words(vintage: Any) -> str | None:
    """'2024-03' → 'the March 2024 release'."""
    months = "January February March April May June July August September October November December"
    year, _, month = str(vintage or "").partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return None
    return f"the {months.split()[int(month) - 1]} {year} release"


def words(value: Any) -> str:
    """A correction or source value as a reader writes it: 307,755; 2001-05-11; a, b."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | Decimal):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    if isinstance(value, list | tuple):
        return ", ".join(words(v) for v in value)
    if isinstance(value, Mapping):
        return str(value.get("label") or value.get("text") or value.get("id") or "")
    return str(value)


def _flat(text: str) -> str:
    return " ".join(text.split())


def headline(items: Sequence[Item]) -> str:
    n = len(items)
    if n == 0:
        return "Nothing needs attention"
    return f"{n} claim{'s' if n != 1 else ''} need{'s' if n == 1 else ''} attention"


def found_right(summary: Summary) -> str:
    if not summary.verified:
        return "No claim was checked in this run (extract, or check --no-verify)."
    if not summary.right_total:
        return "No claim was checked and found right."
    return f"Checked and found right: {_by_kind(summary.right)}."


def not_checked(summary: Summary) -> str:
    if not summary.quiet_total:
        return ""
    n = summary.quiet_total
    return (
        f"{n} claim{'s' if n != 1 else ''} no source could check, not marked: "
        f"{_by_kind(summary.quiet)}."
    )


def _by_kind(counts: Counter[str]) -> str:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(kind_count(kind, n) for kind, n in ordered)


def plain_line(item: Item) -> str:
    """The item as one line of plain text (terminal, job summary)."""
    said = f"line {item.line}: “{item.said}” —" if item.said else f"line {item.line}:"
    parts = [said, item.found]
    if item.correction:
        parts.append(f"Correction: {item.correction}.")
    if item.source is not None:
        when = f" ({item.source.date})" if item.source.date else ""
        link = f" {item.source.url}" if item.source.url else ""
        parts.append(f"Source: {item.source.name}{when}{link}")
    code = f" [{item.rule}]" if item.rule else ""
    return f"{item.severity}{code} " + " ".join(_sentence(p) for p in parts)


def _sentence(text: str) -> str:
    return text if text.endswith((".", ":", "—", "?", "!")) or "http" in text else text + "."


def run_totals(summaries: Iterable[Summary]) -> tuple[int, int]:
    """Items needing attention and claims found right, over a run."""
    items = right = 0
    for s in summaries:
        items += len(s.items)
        right += s.right_total
    return items, right


def text_lines(named: Sequence[tuple[str, Summary]], limit: int | None = None) -> list[str]:
    """The run's summary as plain lines: the headline, each document's items under its name,
    what was found right. `limit` caps the items listed (a job summary has a size limit)."""
    summaries = [s for _, s in named]
    items, right = run_totals(summaries)
    lines = [
        headline([i for s in summaries for i in s.items]) + ":"
        if items
        else "Nothing needs attention."
    ]
    listed = 0
    for name, summary in named:
        if not summary.items:
            continue
        lines.append(f"  {name}")
        for item in summary.items:
            if limit is not None and listed >= limit:
                break
            lines.append(f"    {plain_line(item)}")
            listed += 1
    if listed < items:
        lines.append(f"  …and {items - listed} more (see the findings below)")
    found = f"{right} claim{'s' if right != 1 else ''}" if right else "no claim"
    quiet = sum(s.quiet_total for s in summaries)
    tail = f"; {quiet} no source could check" if quiet else ""
    lines.append(f"Checked and found right: {found}{tail}.")
    return lines
