"""Records → text in the requested format. Renderers yield strings and never print."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from claimcheck.model import DocumentResult, Verdict
from claimcheck.render.formats import CHECK_FORMATS, FORMATS

if TYPE_CHECKING:
    from claimcheck.render import attention

__all__ = ["CHECK_FORMATS", "FORMATS", "RENDERERS", "dumps", "render_jsonl", "result_records"]


def dumps(record: Any) -> str:
    """One compact JSON object, keys in a fixed order, non-ASCII kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def result_records(result: DocumentResult) -> Iterator[dict[str, Any]]:
    """The JSON-lines records of one result: its document, then its claims, then its findings."""
    yield {"record": "document", **result.document.header()}
    for claim in result.claims:
        yield claim.to_dict()
    for finding in result.findings:
        yield finding.to_dict()


def render_jsonl(results: Iterable[DocumentResult]) -> Iterator[str]:
    for result in results:
        for record in result_records(result):
            yield dumps(record) + "\n"


def render_json(results: Iterable[DocumentResult]) -> Iterator[str]:
    yield "["
    first = True
    for result in results:
        yield ("\n" if first else ",\n") + json.dumps(
            result.to_dict(), ensure_ascii=False, indent=2
        )
        first = False
    yield "\n]\n" if not first else "]\n"


def render_table(results: Iterable[DocumentResult]) -> Iterator[str]:
    from claimcheck.policy.findings import summarise_unavailable
    from claimcheck.render import attention

    named: list[tuple[str, attention.Summary]] = []
    for result in results:
        named.append((result.document.id, attention.summarise(result)))
        doc = result.document
        date = doc.date.isoformat() if doc.date else "unknown"
        yield f"{doc.id}  (document date {date}: {doc.date_note or doc.date_source})\n"
        if not result.claims and not result.findings:
            yield "  no claims found\n\n"
            continue
        for claim in result.claims:
            where = f"{claim.line:>4}:{claim.column:<3}"
            summary = _value_summary(claim.to_dict(), claim.verification)
            yield f"  {where} {claim.kind:<10} {_one_line(claim.text):<32} {summary}\n"
        for finding in summarise_unavailable(result.findings):
            where = f"{finding.line:>4}:{finding.column:<3}"
            hidden = f" (suppressed: {finding.suppressed})" if finding.suppressed else ""
            yield f"  {where} {finding.severity:<10} {finding.rule} {finding.message}{hidden}\n"
        yield "\n"
    if any(s.verified or s.items for _, s in named):  # extract checks nothing: no summary
        yield "".join(f"{line}\n" for line in attention.text_lines(named))


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 32 else flat[:31] + "…"


def _value_summary(record: dict[str, Any], verification: Verdict | None) -> str:
    value = record.get("value") or {}
    parts = []
    for key in ("date", "amount", "unit", "modifier", "lower", "upper", "iso"):
        if value.get(key) is not None:
            parts.append(f"{key}={value[key]}")
    for key in ("counted", "person", "position", "member", "organization", "place"):
        if isinstance(record.get(key), str):
            parts.append(f"{key}={record[key]}")
    if verification:  # the reason code says why a claim was not checked, or how it was contradicted
        verdict, reason = verification.verdict, verification.reason
        parts.append(f"[{verdict}: {reason}]" if reason and reason != "match" else f"[{verdict}]")
    return " ".join(parts)


Renderer = Callable[[Iterable[DocumentResult]], Iterator[str]]


class _Renderers(Mapping[str, Renderer]):
    """Format name → renderer, each renderer's module imported when its format is asked for:
    `extract --format jsonl` need not import the HTML, SARIF and summary stack (start-up)."""

    _IN_MODULE = {"table": "render_table", "json": "render_json", "jsonl": "render_jsonl"}

    def __getitem__(self, name: str) -> Renderer:
        if name not in CHECK_FORMATS:
            raise KeyError(name)
        if name in self._IN_MODULE:
            return globals()[self._IN_MODULE[name]]  # type: ignore[no-any-return]
        module = importlib.import_module(f"claimcheck.render.{name}")
        return module.render  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(CHECK_FORMATS)

    def __len__(self) -> int:
        return len(CHECK_FORMATS)


RENDERERS: Mapping[str, Renderer] = _Renderers()
