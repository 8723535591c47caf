"""Wikidata's entity JSON (wbgetentities, Special:EntityData, the JSON dump) → base dataclasses.

Pure functions, no I/O: both the live source and the snapshot source read documents through here.
The identifiers it needs come from sources/wikidata_ids.py, the one place that holds Wikidata ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from claimcheck.model import (
    Candidate,
    Entity,
    EntityRef,
    Provenance,
    Quantity,
    Snak,
    Statement,
    TimeValue,
    Value,
)
from claimcheck.sources.wikidata_ids import (
    CALENDARS,
    ENTITY_PREFIX,
    INSTANCE_OF,
    LABEL_LANGUAGES,
    PROPERTY_IDS,
    QUALIFIER_IDS,
    TYPE_ITEMS,
    UNIT_NAMES,
)

Json = Mapping[str, Any]

_PROPERTY_NAMES = {pid: name for name, pid in PROPERTY_IDS.items()}
_QUALIFIER_NAMES = {pid: name for name, pid in QUALIFIER_IDS.items()}
_PRECISIONS = {
    14: "second",
    13: "minute",
    12: "hour",
    11: "day",
    10: "month",
    9: "year",
    8: "decade",
    7: "century",
    6: "millennium",
}
_TIME = re.compile(r"^([+-])(\d+)-(\d\d)-(\d\d)T")
_RANKS = ("preferred", "normal", "deprecated")


def parse_entity(doc: Json, provenance: Provenance | None = None) -> Entity:
    """One entity document; a `{"id": …, "missing": ""}` stub becomes Entity(missing=True)."""
    entity_id = str(doc.get("id") or doc.get("title") or "")
    if "missing" in doc:
        return Entity(id=entity_id, label=None, missing=True, provenance=provenance)
    statements = parse_claims(doc.get("claims") or {})
    return Entity(
        id=entity_id,
        label=pick_text(doc.get("labels")),
        description=pick_text(doc.get("descriptions")),
        aliases=pick_aliases(doc.get("aliases")),
        types=types_of(doc.get("claims") or {}),
        statements=statements,
        provenance=provenance,
    )


def pick_text(values: Json | None) -> str | None:
    """The label or description in the first of LABEL_LANGUAGES that has one (`mul` after `en`)."""
    for language in LABEL_LANGUAGES:
        entry = (values or {}).get(language)
        if isinstance(entry, Mapping) and entry.get("value"):
            return str(entry["value"])
    return None


def pick_aliases(values: Json | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for language in LABEL_LANGUAGES:
        for entry in (values or {}).get(language) or ():
            if isinstance(entry, Mapping) and entry.get("value"):
                seen.setdefault(str(entry["value"]), None)
    return tuple(seen)


def all_names(doc: Json) -> tuple[str, ...]:
    """Every label and alias in every language, for a search index."""
    names: dict[str, None] = {}
    for entry in (doc.get("labels") or {}).values():
        if isinstance(entry, Mapping) and entry.get("value"):
            names.setdefault(str(entry["value"]), None)
    for entries in (doc.get("aliases") or {}).values():
        for entry in entries or ():
            if isinstance(entry, Mapping) and entry.get("value"):
                names.setdefault(str(entry["value"]), None)
    return tuple(names)


def types_of(claims: Json) -> frozenset[str]:
    types = set()
    for statement in claims.get(INSTANCE_OF) or ():
        if statement.get("rank") == "deprecated":
            continue
        value = snak_value(statement.get("mainsnak") or {})
        if isinstance(value, EntityRef) and value.id in TYPE_ITEMS:
            types.add(TYPE_ITEMS[value.id])
    return frozenset(types)


def parse_claims(claims: Json) -> dict[str, tuple[Statement, ...]]:
    """Statements of the properties claimcheck has a semantic name for; others are left out."""
    out: dict[str, tuple[Statement, ...]] = {}
    for pid, name in _PROPERTY_NAMES.items():
        parsed = tuple(
            parse_statement(name, s) for s in claims.get(pid) or () if isinstance(s, Mapping)
        )
        if parsed:
            out[name] = parsed
    return out


def parse_statement(name: str, statement: Json) -> Statement:
    qualifiers: dict[str, tuple[Snak, ...]] = {}
    for pid, snaks in (statement.get("qualifiers") or {}).items():
        qname = _QUALIFIER_NAMES.get(pid)
        if qname is not None:
            qualifiers[qname] = tuple(parse_snak(qname, s) for s in snaks)
    rank = statement.get("rank")
    return Statement(
        id=str(statement.get("id", "")),
        property=name,
        rank=rank if rank in _RANKS else "normal",
        mainsnak=parse_snak(name, statement.get("mainsnak") or {}),
        qualifiers=qualifiers,
        references=len(statement.get("references") or ()),
    )


def parse_snak(name: str, snak: Json) -> Snak:
    kind = snak.get("snaktype", "value")
    value = snak_value(snak) if kind == "value" else None
    return Snak(property=name, kind=kind, value=value, source_property=snak.get("property"))


def snak_value(snak: Json) -> Value:
    datavalue = snak.get("datavalue") or {}
    kind, value = datavalue.get("type"), datavalue.get("value")
    if kind == "string":
        return str(value)
    if not isinstance(value, Mapping):
        return None  # a damaged value is no evidence
    if kind == "wikibase-entityid":
        return entity_ref(value)
    if kind == "quantity":
        return quantity(value)
    if kind == "time":
        return time_value(value)
    if kind == "monolingualtext":
        return str(value.get("text", ""))
    return None  # coordinates and other shapes claimcheck does not check


def entity_ref(value: Json) -> EntityRef | None:
    """`id` when present; 2016-era responses carry only `numeric-id` and `entity-type`."""
    if value.get("id"):
        return EntityRef(str(value["id"]))
    prefix = ENTITY_PREFIX.get(str(value.get("entity-type", "item")))
    if prefix is None or value.get("numeric-id") is None:
        return None
    return EntityRef(f"{prefix}{int(value['numeric-id'])}")


def quantity(value: Json) -> Quantity | None:
    try:
        amount = Decimal(str(value["amount"]))
        lower = Decimal(str(value["lowerBound"])) if "lowerBound" in value else None
        upper = Decimal(str(value["upperBound"])) if "upperBound" in value else None
    except (KeyError, InvalidOperation):
        return None
    unit_id = iri_id(str(value.get("unit", "1")))
    return Quantity(
        amount=amount, unit=UNIT_NAMES.get(unit_id or ""), unit_id=unit_id, lower=lower, upper=upper
    )


def iri_id(iri: str) -> str | None:
    """'http://www.wikidata.org/entity/Q11573' → 'Q11573'; the dimensionless unit '1' → None."""
    if iri in ("", "1"):
        return None
    return iri.rstrip("/").rsplit("/", 1)[-1]


def time_value(value: Json) -> TimeValue | None:
    match = _TIME.match(str(value.get("time", "")))
    if match is None:
        return None
    sign, year, month, day = (
        match.group(1),
        int(match.group(2)),
        int(match.group(3)),
        int(match.group(4)),
    )
    precision = _PRECISIONS.get(int(value.get("precision", 11)), "year")
    calendar = CALENDARS.get(iri_id(str(value.get("calendarmodel", ""))) or "", "gregorian")
    if sign == "-":
        return TimeValue(
            iso=f"-{year:04d}",
            precision=precision if precision != "day" else "year",
            calendar=calendar,
        )
    if calendar == "julian" and precision in ("day", "hour", "minute", "second") and month and day:
        year, month, day = julian_to_gregorian(year, month, day)
    return TimeValue(iso=_iso(year, month, day, precision), precision=precision, calendar=calendar)


def _iso(year: int, month: int, day: int, precision: str) -> str:
    if precision in ("day", "hour", "minute", "second") and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if precision == "month" and month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def julian_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian date of a Julian-calendar date (years 1–9999); the gap grows by one day each
    century not divisible by 400, counted from the March the Julian leap day would fall in."""
    y = year if month > 2 else year - 1
    shift = y // 100 - y // 400 - 2
    # The Julian calendar allows 29 February in century years; count from 28 February then.
    base = dt.date(year, month, min(day, 28) if month == 2 else day)
    gregorian = base + dt.timedelta(days=shift + (day - base.day))
    return gregorian.year, gregorian.month, gregorian.day


def parse_search(hits: Iterable[Json]) -> list[Candidate]:
    """wbsearchentities hits → Candidates, in the order the search ranked them."""
    out = []
    for rank, hit in enumerate(hits):
        if not isinstance(hit, Mapping) or not hit.get("id"):
            continue
        display = hit.get("display") or {}
        label = hit.get("label") or (display.get("label") or {}).get("value")
        description = hit.get("description") or (display.get("description") or {}).get("value")
        match = hit.get("match") or {}
        out.append(
            Candidate(
                id=str(hit["id"]),
                label=label,
                description=description,
                aliases=tuple(str(a) for a in hit.get("aliases") or ()),
                matched=match.get("text"),
                rank=rank,
            )
        )
    return out
