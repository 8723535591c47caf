"""Claims' verification objects → Findings with rule codes, and the content fingerprint every
finding carries (path + rule + normalized claim text, never line numbers, so an edit above a
claim does not change it)."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator

from claimcheck.errors import OfflineCacheMiss, SourceUnavailable
from claimcheck.model import Claim, Document, DocumentResult, Finding, Verdict
from claimcheck.policy.rules import SOURCE_UNAVAILABLE, registry

# Contradicted claims: the rule for each claim kind.
_CONTRADICTED = {
    "quantity": "CC101",
    "money": "CC102",
    "percent": "CC103",
    "date": "CC201",
    "duration": "CC202",
    "count": "CC301",
    "membership_count": "CC302",
    "membership": "CC303",
    "team_membership": "CC304",
    "group_membership": "CC305",
    "role": "CC401",
    "person_name": "CC402",
    "location": "CC403",
    "age": "CC404",
    "nationality": "CC405",
    "birthplace": "CC406",
}
_NUMERIC = frozenset({"quantity", "money", "percent", "count", "membership_count"})
# Reasons of a contradicted number that say the evidence is uncertain (a revision, a replaced
# release, a guessed year): a warning, never an error (verify/releases.py).
_UNCERTAIN = frozenset({"minor_mismatch", "likely_revision", "superseded_release", "year_guessed"})


# not_checked reasons that mean "the source could not answer", not "the claim cannot be checked":
# these make the run's outcome UNVERIFIED rather than a pass. Every SourceUnavailable subclass
# names its reason; the others are the fault-matrix outcomes a source may report directly.
def _unavailable_reasons(cls: type[SourceUnavailable] = SourceUnavailable) -> frozenset[str]:
    found = {str(getattr(cls, "reason", SourceUnavailable.reason))}
    for sub in cls.__subclasses__():
        found |= _unavailable_reasons(sub)
    return frozenset(found)


# Looked up at call time: SourceUnavailable subclasses may live in modules imported later.
EXTRA_UNAVAILABLE_REASONS = {
    OfflineCacheMiss.reason,
    "upstream_lagged",
    "upstream_unavailable",
    "upstream_invalid_response",
    "upstream_timeout",
    "rate_limited",
}


def rule_for(claim: Claim) -> str | None:
    """The rule a claim's verification reports under, or None when it reports nothing."""
    if claim.verification is None:
        return None
    verdict, reason = claim.verification.verdict, claim.verification.reason
    if verdict == "contradicted":
        if reason in _UNCERTAIN and claim.kind in _NUMERIC:
            return "CC104"
        return _CONTRADICTED.get(claim.kind, "CC100")
    if verdict == "not_checked" and reason in _unavailable_reasons() | EXTRA_UNAVAILABLE_REASONS:
        return SOURCE_UNAVAILABLE
    return None


def claim_findings(result: DocumentResult, key: str | None = None) -> Iterator[Finding]:
    """`key` is the path the fingerprint uses (repository-relative); default: the path as given."""
    rules = registry()
    for claim in result.claims:
        code = rule_for(claim)
        if code is None or claim.verification is None:
            continue
        yield Finding(
            rule=code,
            severity=rules[code].severity,
            message=_message(claim, claim.verification),
            doc=claim.doc,
            span=claim.span,
            line=claim.line,
            column=claim.column,
            claims=(claim.id,),
            spans=(claim.span,),
            fingerprint=fingerprint(key or _doc_key(result.document), code, claim.text),
        )


def _message(claim: Claim, verification: Verdict) -> str:
    explanation = " ".join(verification.explanation.split())
    said = " ".join(claim.text.split())
    if verification.verdict == "not_checked":
        reason = verification.reason.replace("_", " ")
        return f"“{said}”: not verified, the knowledge source could not answer ({reason})"
    return f"“{said}”: {explanation}" if explanation else f"“{said}” is contradicted by the source"


def summarise_unavailable(findings: Iterable[Finding]) -> list[Finding]:
    """For the formats people read (table, concise, github): a document's unsuppressed CC910
    findings — one per claim, so one outage floods a report — as one finding at the first of
    them, counting the claims it stands for. Machine formats keep one record per claim."""
    findings = list(findings)
    grouped = [f for f in findings if f.rule == SOURCE_UNAVAILABLE and f.suppressed is None]
    if len(grouped) < 2:
        return findings
    first = grouped[0]
    # The reason is the last parenthesis of the message _message wrote.
    reasons = ", ".join(sorted({f.message.rsplit("(", 1)[-1].rstrip(")") for f in grouped}))
    merged = dataclasses.replace(
        first,
        message=f"{len(grouped)} claims not verified from line {first.line} on, the knowledge "
        f"source could not answer ({reasons}); the first: {first.message}",
        claims=tuple(c for f in grouped for c in f.claims),
        spans=tuple(s for f in grouped for s in f.spans),
    )
    folded = {id(f) for f in grouped[1:]}
    return [merged if f is first else f for f in findings if id(f) not in folded]


def normalize_text(text: str) -> str:
    return " ".join(text.casefold().split())


def fingerprint(path: str, rule: str, text: str) -> str:
    digest = hashlib.sha256(f"{path}\x1f{rule}\x1f{normalize_text(text)}".encode())
    return digest.hexdigest()[:16]


def _doc_key(document: Document) -> str:
    return (document.path or document.id).replace("\\", "/")


def with_fingerprints(result: DocumentResult, key: str | None = None) -> tuple[Finding, ...]:
    """Fill in the fingerprint of findings made by other stages, from the text they point at."""
    key = key or _doc_key(result.document)
    text = result.document.text
    out = []
    for finding in result.findings:
        if finding.fingerprint is None:
            spans = finding.spans or (finding.span,)
            quoted = "\x1e".join(text[s.start : s.end] for s in spans)
            finding = dataclasses.replace(
                finding, fingerprint=fingerprint(key, finding.rule, quoted)
            )
        out.append(finding)
    return tuple(out)
