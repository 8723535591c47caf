"""The cards of the HTML report: one per claim (kind, value, verdict, reason, evidence,
correction, the rule code of its finding) and one per finding. Evidence is shown generically: the
fields this module knows get words, any other field a source adds is listed under its own name,
and the link is the evidence's own `url`, so a new source's evidence shows without changes here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimcheck.model import Claim, Finding
from claimcheck.render.attention import source, words
from claimcheck.render.htmlsafe import link
from claimcheck.render.htmlsafe import text as esc
from claimcheck.render.words import SEVERITY_WORDS, reason_words, rule_words

ICONS = {"supported": "✓", "contradicted": "✗", "not_checked": "?"}
WORDS = {"supported": "supported", "contradicted": "contradicted", "not_checked": "not checked"}
SEVERITY_ICONS = {"error": "‼", "warning": "!", "info": "i"}
# The claim record's own keys; everything else on it is a kind-specific field worth showing.
_RECORD_KEYS = {
    "record",
    "id",
    "doc",
    "kind",
    "text",
    "span",
    "line",
    "column",
    "sentence",
    "value",
}
_EVIDENCE_TITLE = ("entity_label", "indicator_label", "label", "entity", "indicator")
_EVIDENCE_ID = ("entity", "indicator", "series")
_EVIDENCE_SHOWN = {
    *_EVIDENCE_TITLE,
    *_EVIDENCE_ID,
    "url",
    "property",
    "property_label",
    "value",
    "unit",
    "qualifiers",
    "retrieved_at",
    "endpoint",
    "from_cache",
    "revision",
}


@dataclass(frozen=True)
class Shown:
    """What the report shows of a claim's verification: the one place that reads it."""

    verdict: str
    reason: str | None
    explanation: str
    evidence: tuple[Mapping[str, Any], ...] = ()
    correction: Any = None
    as_of: str | None = None
    note: str | None = None
    record: Mapping[str, Any] = field(default_factory=dict)


def shown(claim: Claim) -> Shown:
    record = claim.to_dict()
    v = record.pop("verification", None)
    if not v:
        why = "Not verified in this run (extract, or check --no-verify)."
        return Shown("not_checked", None, why, record=record)
    verdict = v.get("verdict") if v.get("verdict") in ICONS else "not_checked"
    evidence = tuple(e for e in v.get("evidence") or () if isinstance(e, Mapping))
    return Shown(
        verdict,
        v.get("reason"),
        str(v.get("explanation") or ""),
        evidence,
        v.get("correction"),
        v.get("as_of"),
        v.get("note"),
        record,
    )


def badge(verdict: str) -> str:
    return (
        f'<span class="badge v-{verdict}"><span aria-hidden="true">{ICONS[verdict]}</span> '
        f"{WORDS[verdict]}</span>"
    )


def severity_badge(severity: str) -> str:
    """The same words on a claim's card, its finding's card and the summary."""
    icon = SEVERITY_ICONS.get(severity, "•")
    said = SEVERITY_WORDS.get(severity, severity)
    return (
        f'<span class="badge sev-{esc(severity)}"><span aria-hidden="true">{icon}</span> '
        f"{esc(said)}</span>"
    )


def claim_card(
    claim: Claim, view: Shown, anchor: str, findings: Sequence[Finding], quiet: bool = False
) -> str:
    active = [f for f in findings if f.suppressed is None]
    severity = " " + severity_badge(active[0].severity) if active else ""
    head = (
        f'<a class="open" href="#{anchor}">{badge(view.verdict)}{severity} '
        f'<q>{esc(claim.text)}</q></a> <span class="where">line {claim.line}</span>'
    )
    rows = [
        ("The article says", _sentence(claim)),
        ("Verdict", esc(view.explanation)),
        ("Why", esc(reason_words(view.reason)) + _code(view.reason)),
        ("Correction", esc(words(view.correction))),
        ("Note", esc(view.note or "")),
        ("Finding", "<br>".join(_rule(f) for f in findings)),
    ]
    body = _rows(rows) + _sources(view) + _claim_details(claim, view)
    css = f"card v-{view.verdict}" + (" quiet" if quiet else "")
    return (
        f'<section class="{css}" id="{anchor}" data-claim="{esc(claim.id)}">'
        f'<h4>{head} <a class="back" href="#m-{anchor}">back to the text</a></h4>'
        f'<div class="body">{body}</div></section>\n'
    )


def _sentence(claim: Claim) -> str:
    """The claim's sentence with its words in bold, so the reader sees which words were read."""
    sentence, said = claim.sentence, claim.text
    at = sentence.find(said) if said else -1
    if at < 0:
        return esc(sentence or said)
    end = at + len(said)
    return f"{esc(sentence[:at])}<strong>{esc(said)}</strong>{esc(sentence[end:])}"


def _code(code: str | None) -> str:
    return f' <code class="code">{esc(code)}</code>' if code else ""


def _sources(view: Shown) -> str:
    """Each source in a reader's words: what it is, what it says, the date, the link."""
    if not view.evidence:
        return ""
    items = []
    for e in view.evidence:
        where = source(e, view.as_of)
        unit = f" {fmt(e['unit'])}" if e.get("unit") and e.get("unit") != "percent" else ""
        unit = "%" if e.get("unit") == "percent" else unit
        said = esc(words(e.get("value")) + unit) if e.get("value") is not None else ""
        what = esc(fmt(e.get("property_label") or e.get("property") or ""))
        says = f": {what} {said}" if said and what else (f": {said}" if said else "")
        when = f" ({esc(where.date)})" if where.date else ""
        items.append(f"<li>{link(where.url, esc(where.name))}{says}{when}</li>")
    return f'<h5>Source</h5><ul class="evidence">{"".join(items)}</ul>'


def _claim_details(claim: Claim, view: Shown) -> str:
    """What CI people and developers look at: codes, ids, spans, values as read, raw evidence."""
    rows = [
        ("Kind", esc(claim.kind)),
        ("Value", _facts(view.record.get("value"))),
        *((_label(k), _facts(v)) for k, v in view.record.items() if k not in _RECORD_KEYS),
        ("As of", esc(view.as_of or "")),
        ("Reason code", esc(view.reason or "")),
        ("Where", f"line {claim.line}, column {claim.column}, characters "
                  f"{claim.span.start}–{claim.span.end}"),
        ("Claim id", f"<code>{esc(claim.id)}</code>"),
    ]  # fmt: skip
    return details(_rows(rows) + _evidence_list(view.evidence))


def details(inner: str) -> str:
    return (
        f'<details class="internals"><summary>Details</summary>{inner}</details>' if inner else ""
    )


def finding_card(
    f: Finding, anchor: str, claims: Mapping[str, tuple[str, str]], placed: bool
) -> str:
    """`claims`: a claim's anchor and words by its id."""
    linked = [
        f'<a href="#{claims[c][0]}"><q>{esc(claims[c][1])}</q></a>' for c in f.claims if c in claims
    ]
    rows = [
        ("Found", esc(f.message)),
        ("Where", f"line {f.line}"),
        ("Claims", ", ".join(linked)),
        ("Suppressed", esc(f.suppressed or "")),
    ]
    internals = [
        ("Rule", f"<code>{esc(f.rule)}</code>"),
        ("Where", f"line {f.line}, column {f.column}, characters {f.span.start}–{f.span.end}"),
        ("Claim ids", esc(", ".join(f.claims))),
        ("Confidence", esc(fmt(f.confidence))),
        ("Fingerprint", esc(f.fingerprint or "")),
    ]
    back = f' <a class="back" href="#m-{anchor}">back to the text</a>' if placed else ""
    return (
        f'<section class="card sev-{esc(f.severity)}" id="{anchor}" data-rule="{esc(f.rule)}">'
        f'<h4><a class="open" href="#{anchor}">{severity_badge(f.severity)} '
        f"{esc(rule_words(f.rule))}</a>{_code(f.rule)}{_about(f, claims)}{back}</h4>"
        f'<div class="body">{_rows(rows)}{details(_rows(internals))}</div></section>\n'
    )


def _about(f: Finding, claims: Mapping[str, tuple[str, str]]) -> str:
    """The article's words the finding is about, so its card reads without opening it."""
    said = [claims[c][1] for c in f.claims if c in claims]
    where = f' <span class="where">line {f.line}</span>'
    return (f" <q>{esc(said[0])}</q>" if said else "") + where


def _rule(f: Finding) -> str:
    hidden = f" (suppressed: {esc(f.suppressed)})" if f.suppressed else ""
    return f"{severity_badge(f.severity)} {esc(rule_words(f.rule))}{_code(f.rule)}{hidden}"


def _rows(rows: Iterable[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    return f"<dl>{items}</dl>" if items else ""


def _evidence_list(evidence: Sequence[Mapping[str, Any]]) -> str:
    if not evidence:
        return ""
    items = "".join(f"<li>{evidence_item(e, linked=False)}</li>" for e in evidence)
    return f'<h5>Evidence as recorded</h5><ul class="evidence">{items}</ul>'


def evidence_item(e: Mapping[str, Any], linked: bool = True) -> str:
    """Every field of an evidence item; `linked=False` where the link is already shown above."""
    title = next((e[k] for k in _EVIDENCE_TITLE if e.get(k) is not None), "source")
    ident = next((e[k] for k in _EVIDENCE_ID if e.get(k) is not None), None)
    head = esc(fmt(title)) + (f" ({esc(fmt(ident))})" if ident not in (None, title) else "")
    rows = [
        (_label(fmt(e.get("property_label") or e.get("property") or "value")), _value(e)),
        ("Qualifiers", _facts(e.get("qualifiers"))),
        ("Retrieved", _retrieved(e)),
        *((_label(k), _facts(v)) for k, v in e.items() if k not in _EVIDENCE_SHOWN),
    ]
    head = link(e.get("url"), head) if linked else head
    return f'<span class="source">{head}</span>{_rows(rows)}'


def _value(e: Mapping[str, Any]) -> str:
    if e.get("value") is None:
        return ""
    unit = f" {fmt(e['unit'])}" if e.get("unit") else ""
    return esc(fmt(e["value"]) + unit)


def _retrieved(e: Mapping[str, Any]) -> str:
    parts = [fmt(e[k]) for k in ("retrieved_at", "endpoint") if e.get(k)]
    if e.get("revision") is not None:
        parts.append(f"revision {fmt(e['revision'])}")
    if e.get("from_cache"):
        parts.append("from the cache")
    return esc(", ".join(parts))


def _facts(value: Any) -> str:
    return esc(fmt(value)) if value not in (None, "", [], {}) else ""


def _label(key: str) -> str:
    return esc(key.replace("_", " ").capitalize())


def fmt(value: Any) -> str:
    """A JSON-ready value in words: mappings as 'key: value' pairs (offsets left out, they mean
    nothing to a reader), lists comma-separated, booleans as yes/no."""
    if isinstance(value, Mapping) and isinstance(value.get("text"), str):
        canonical = value.get("canonical")  # a mention: its words, and what they were read as
        return value["text"] + (f" ({canonical})" if canonical not in (None, value["text"]) else "")
    if isinstance(value, Mapping):
        pairs = [
            f"{str(k).replace('_', ' ')}: {fmt(v)}"
            for k, v in value.items()
            if v is not None and k not in ("span", "spans")
        ]
        return "; ".join(pairs)
    if isinstance(value, list | tuple):
        return ", ".join(fmt(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)
