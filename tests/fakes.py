"""An in-memory knowledge source for tests above the source layer.

Every fact below is written here by hand with the public source it comes from in a comment. Ids are
made up ("fake:nato"): this is not Wikidata and never pretends to be. A few statements are
deliberate test constructs (a deprecated wrong value, a start date kept only to the year) and are
marked as such.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from claimcheck.errors import SourceUnavailable
from claimcheck.model import (
    Candidate,
    Entity,
    EntityRef,
    Provenance,
    Quantity,
    Snak,
    Statement,
    TimeValue,
)

ENDPOINT = "fake:in-memory"
PROVENANCE = Provenance(
    endpoint=ENDPOINT, retrieved_at="2026-01-01T00:00:00Z", from_cache=False, revision=1
)


def day(iso: str) -> TimeValue:
    return TimeValue(iso, "day")


def year(iso: str) -> TimeValue:
    return TimeValue(iso, "year")


def ref(entity_id: str) -> EntityRef:
    return EntityRef(entity_id)


def qty(
    amount: str, unit: str | None = None, lower: str | None = None, upper: str | None = None
) -> Quantity:
    return Quantity(
        Decimal(amount),
        unit,
        None,
        Decimal(lower) if lower else None,
        Decimal(upper) if upper else None,
    )


_counter = iter(range(1, 10_000))


def st(prop: str, value: Any, rank: str = "normal", **qualifiers: Any) -> Statement:
    """A statement; qualifier values may be a TimeValue/EntityRef, or 'novalue'/'somevalue'."""
    quals = {}
    for name, q in qualifiers.items():
        if q in ("novalue", "somevalue"):
            quals[name] = (Snak(name, q),)
        else:
            quals[name] = (Snak(name, "value", q),)
    return Statement(f"fake-{next(_counter)}", prop, rank, Snak(prop, "value", value), quals)


def entity(
    eid: str,
    label: str,
    types: Sequence[str] = (),
    aliases: Sequence[str] = (),
    *statements: Statement,
) -> Entity:
    grouped: dict[str, list[Statement]] = {}
    for s in statements:
        grouped.setdefault(s.property, []).append(s)
    return Entity(
        eid,
        label,
        None,
        tuple(aliases),
        frozenset(types),
        {k: tuple(v) for k, v in grouped.items()},
        PROVENANCE,
    )


E = entity
WORLD: tuple[Entity, ...] = (
    # NATO member counts: nato.int "NATO member countries" (12 founders on 4 April 1949; Montenegro
    # 5 June 2017 → 29; North Macedonia 27 March 2020 → 30; Finland 4 April 2023 → 31; Sweden
    # 7 March 2024 → 32). Headquarters: nato.int "NATO Headquarters", Brussels.
    E(
        "fake:nato",
        "NATO",
        ["organization"],
        ["North Atlantic Treaty Organization", "the Alliance"],
        st("member_count", qty("12"), point_in_time=day("1949-04-04")),
        st("member_count", qty("29"), point_in_time=day("2017-06-05")),
        st("member_count", qty("30"), point_in_time=day("2020-03-27")),
        # Test construct: a deprecated wrong value at the same date; it must never be used.
        st("member_count", qty("28"), "deprecated", point_in_time=day("2021-06-01")),
        st("member_count", qty("31"), point_in_time=day("2023-04-04")),
        st("member_count", qty("32"), "preferred", point_in_time=day("2024-03-07")),
        st("inception", day("1949-04-04")),
        st("headquarters", ref("fake:brussels")),
    ),
    # nato.int "Secretary General": Stoltenberg 1 October 2014 – 1 October 2024; Rutte since.
    E(
        "fake:nato-sg",
        "Secretary General of NATO",
        ["position"],
        ["NATO Secretary General"],
        st(
            "office_holder",
            ref("fake:stoltenberg"),
            start_time=day("2014-10-01"),
            end_time=day("2024-10-01"),
        ),
        st("office_holder", ref("fake:rutte"), start_time=day("2024-10-01")),
    ),
    # regjeringen.no "Jens Stoltenberg": Prime Minister 17 Oct 2005 – 16 Oct 2013;
    # born 16 March 1959.
    E(
        "fake:stoltenberg",
        "Jens Stoltenberg",
        ["human"],
        [],
        st(
            "position_held",
            ref("fake:nato-sg"),
            start_time=day("2014-10-01"),
            end_time=day("2024-10-01"),
        ),
        st(
            "position_held",
            ref("fake:pm-norway"),
            start_time=day("2005-10-17"),
            end_time=day("2013-10-16"),
        ),
        st("date_of_birth", day("1959-03-16")),
    ),
    E(
        "fake:pm-norway",
        "Prime Minister of Norway",
        ["position"],
        [],
        st("country", ref("fake:norway")),
    ),
    # government.nl "Mark Rutte": Prime Minister 14 Oct 2010 – 2 July 2024.
    E(
        "fake:rutte",
        "Mark Rutte",
        ["human"],
        [],
        st("position_held", ref("fake:nato-sg"), start_time=day("2024-10-01")),
        st(
            "position_held",
            ref("fake:pm-netherlands"),
            start_time=day("2010-10-14"),
            end_time=day("2024-07-02"),
        ),
    ),
    E(
        "fake:pm-netherlands",
        "Prime Minister of the Netherlands",
        ["position"],
        [],
        st("country", ref("fake:netherlands")),
    ),
    # CNN profile "Christiane Amanpour", Chief International Anchor (spelling of her name).
    E("fake:amanpour", "Christiane Amanpour", ["human"], []),
    # Wikidata (captured 2016, wikisnakker cassette in the shared samples): Ted Cruz, US
    # Senator from 3 January 2013, electoral district Texas; member of the Republican Party.
    E(
        "fake:cruz",
        "Ted Cruz",
        ["human"],
        ["Rafael Edward Cruz"],
        st(
            "position_held",
            ref("fake:us-senator"),
            start_time=day("2013-01-03"),
            electoral_district=ref("fake:texas"),
        ),
        st("party", ref("fake:gop")),
        st("date_of_birth", day("1970-12-22")),
    ),
    E(
        "fake:us-senator",
        "United States Senator",
        ["position"],
        ["US Senator", "senator"],
        st("country", ref("fake:usa")),
    ),
    E("fake:gop", "Republican Party", ["organization"], ["GOP", "Republicans"]),
    E("fake:texas", "Texas", ["region"], ["TX"]),
    E("fake:florida", "Florida", ["region"], ["FL"]),
    # state.gov: Julianne Smith, U.S. Permanent Representative to NATO from November 2021.
    # Test construct: the start is kept only to the year, to exercise year-precision validity.
    E(
        "fake:smith",
        "Julianne Smith",
        ["human"],
        [],
        st("position_held", ref("fake:us-nato-rep"), start_time=year("2021")),
    ),
    E(
        "fake:us-nato-rep",
        "United States Permanent Representative to NATO",
        ["position"],
        ["US ambassador to NATO"],
        st("country", ref("fake:usa")),
    ),
    # Places. Brussels is in Belgium; Vienna hosts the OSCE Secretariat (osce.org "Secretariat").
    E("fake:brussels", "Brussels", ["city"], ["Bruxelles"], st("country", ref("fake:belgium"))),
    E("fake:vienna", "Vienna", ["city"], ["Wien"]),
    E("fake:geneva", "Geneva", ["city"], []),
    # nato.int member countries: Belgium, Norway, the Netherlands and the US founders (1949-04-04);
    # Finland 2023-04-04; Sweden 2024-03-07. OSCE: osce.org "Participating States" (US since the
    # Helsinki process; Wikidata gives 1973-06-25 as the start, per the shared Q30 sample).
    E(
        "fake:belgium",
        "Belgium",
        ["country"],
        [],
        st("member_of", ref("fake:nato"), start_time=day("1949-04-04")),
        st("member_of", ref("fake:benelux"), start_time=day("1944-09-05")),
    ),
    E(
        "fake:norway",
        "Norway",
        ["country"],
        [],
        st("member_of", ref("fake:nato"), start_time=day("1949-04-04")),
    ),
    E(
        "fake:netherlands",
        "Netherlands",
        ["country"],
        [],
        st("member_of", ref("fake:nato"), start_time=day("1949-04-04")),
        st("member_of", ref("fake:benelux"), start_time=day("1944-09-05")),
    ),
    E(
        "fake:usa",
        "United States of America",
        ["country"],
        ["United States", "US", "USA", "U.S."],
        st("member_of", ref("fake:nato"), "preferred", start_time=day("1949-04-04")),
        st("member_of", ref("fake:osce"), start_time=day("1973-06-25")),
    ),
    E(
        "fake:finland",
        "Finland",
        ["country"],
        [],
        st("member_of", ref("fake:nato"), start_time=day("2023-04-04")),
    ),
    E(
        "fake:sweden",
        "Sweden",
        ["country"],
        [],
        st("member_of", ref("fake:nato"), start_time=day("2024-03-07")),
    ),
    # Test construct: a membership that ended (France left NATO's integrated command 1966–2009,
    # modelled here as an ended and a restarted member-of statement).
    E(
        "fake:france",
        "France",
        ["country"],
        [],
        st(
            "member_of",
            ref("fake:nato-command"),
            start_time=day("1949-04-04"),
            end_time=day("1966-07-01"),
        ),
        st("member_of", ref("fake:nato-command"), start_time=day("2009-04-04")),
    ),
    E("fake:nato-command", "NATO Integrated Military Command", ["organization"], []),
    E(
        "fake:ukraine",
        "Ukraine",
        ["country"],
        [],
        # Test construct: a deprecated (wrong) membership that must never count as evidence.
        st("member_of", ref("fake:nato"), "deprecated", start_time=day("2008-04-03")),
    ),
    E("fake:dems", "Democratic Party", ["organization"], ["Democrats"]),
    # benelux.int: Belgium, the Netherlands and Luxembourg, since the London Customs Convention of
    # 5 September 1944. The fake holds no member count for it, so counts come from member-of.
    E("fake:benelux", "Benelux", ["organization"], ["Benelux Union"]),
    E(
        "fake:luxembourg",
        "Luxembourg",
        ["country"],
        [],
        st("member_of", ref("fake:benelux"), start_time=day("1944-09-05")),
    ),
    E(
        "fake:osce",
        "Organization for Security and Co-operation in Europe",
        ["organization"],
        ["OSCE", "Organization for Security and Cooperation in Europe"],
        st("headquarters", ref("fake:vienna")),
    ),
    # Wikidata Bielefeld (shared/wikidata-samples wikibase-sdk Q2112, 2023): population 333,509 on
    # 2021-09-30 and 334,002 (preferred) on 2021-12-31; 333,786 on 2018-12-31; area 258.82 km²
    # (bounds 258.81–258.83).
    E(
        "fake:bielefeld",
        "Bielefeld",
        ["city"],
        [],
        st("population", qty("333786"), point_in_time=day("2018-12-31")),
        st("population", qty("333509"), point_in_time=day("2021-09-30")),
        st("population", qty("334002"), "preferred", point_in_time=day("2021-12-31")),
        st(
            "area",
            qty("258.82", "square kilometre", "258.81", "258.83"),
            point_in_time=day("2017-12-31"),
        ),
    ),
    # Statistics Iceland: area 103,000 km².
    E(
        "fake:iceland",
        "Iceland",
        ["country"],
        [],
        st("area", qty("103000", "square kilometre"), "preferred"),
        # Wikipedia "Iceland" also quotes 102,775 km²; kept at normal rank to test rank choice.
        st("area", qty("102775", "square kilometre")),
    ),
    # Wikidata Douglas Adams (shared/wikidata-samples Q42): born 1952-03-11, died 2001-05-11.
    E(
        "fake:adams",
        "Douglas Adams",
        ["human"],
        [],
        st("date_of_birth", day("1952-03-11")),
        st("date_of_death", day("2001-05-11")),
    ),
    # Encyclopaedia Britannica "Genghis Khan": born c. 1162 (known only to the year).
    E("fake:genghis", "Genghis Khan", ["human"], ["Temüjin"], st("date_of_birth", year("1162"))),
    # Microsoft annual reports (Form 10-K), fiscal years ending 30 June: revenue $198.270bn
    # (FY2022) and $211.915bn (FY2023); net income $72.361bn (FY2023). Dated by the fiscal year's
    # end, as Wikidata dates them.
    E(
        "fake:microsoft",
        "Microsoft",
        ["organization"],
        ["Microsoft Corporation"],
        st("revenue", qty("198270000000", "USD"), point_in_time=day("2022-06-30")),
        st("revenue", qty("211915000000", "USD"), point_in_time=day("2023-06-30")),
        st("net_profit", qty("72361000000", "USD"), point_in_time=day("2023-06-30")),
    ),
    # Two people named John Smith: linking must abstain.
    E("fake:john-smith-1", "John Smith", ["human"], []),
    E("fake:john-smith-2", "John Smith", ["human"], []),
)
ENTITIES: dict[str, Entity] = {e.id: e for e in WORLD}


class FakeSource:
    """Implements sources.base.KnowledgeSource over WORLD; can be told to be unreachable."""

    name = "fake"

    def __init__(
        self,
        entities: Mapping[str, Entity] | None = None,
        unavailable: bool = False,
        members_complete: bool = True,
    ) -> None:
        self._entities = dict(ENTITIES if entities is None else entities)
        self.unavailable = unavailable
        self.members_complete = members_complete
        self.calls: list[tuple[str, Any]] = []

    def search(self, mention: str, *, language: str = "en", limit: int = 10) -> Sequence[Candidate]:
        self.calls.append(("search", mention))
        if self.unavailable:
            raise SourceUnavailable("fake source is down")
        scored = []
        for e in self._entities.values():
            names = [n for n in (e.label, *e.aliases) if n]
            best = max(fuzz.ratio(mention.casefold(), n.casefold()) for n in names)
            if best >= 80:
                scored.append((best, e))
        scored.sort(key=lambda se: -se[0])
        return [
            Candidate(e.id, e.label, None, e.aliases, e.label, rank)
            for rank, (_, e) in enumerate(scored[:limit])
        ]

    def entities(self, ids: Sequence[str]) -> Mapping[str, Entity]:
        self.calls.append(("entities", tuple(ids)))
        if self.unavailable:
            raise SourceUnavailable("fake source is down")
        return {i: self._entities.get(i, Entity(i, None, missing=True)) for i in ids}

    def members(self, organization_id: str) -> Sequence[Entity]:
        """Every entity with a member-of statement naming the organization (any rank, any date)."""
        self.calls.append(("members", organization_id))
        return tuple(
            e
            for e in self._entities.values()
            if any(
                getattr(x.mainsnak.value, "id", None) == organization_id
                for x in e.statements.get("member_of", ())
            )
        )

    def describe(self) -> Mapping[str, Any]:
        return {"name": self.name, "endpoint": ENDPOINT}


def fake_linker(mentions, source):
    """Links by exact label/alias (ambiguous when two entities share it), else by a close
    spelling; keeps the verification tables independent of link.py's scoring weights."""
    from claimcheck.link import Link

    out = {}
    for m in mentions:
        term = (m.canonical or m.text).casefold()
        exact = [
            e
            for e in ENTITIES.values()
            if term in {n.casefold() for n in (e.label, *e.aliases) if n}
        ]
        if len(exact) > 1:
            out[m] = Link(m, None, 1.0, tuple((e.id, 1.0) for e in exact), "ambiguous_link")
            continue
        if exact:
            out[m] = Link(m, exact[0], 1.0, ((exact[0].id, 1.0),), None)
            continue
        close = [(fuzz.ratio(term, (e.label or "").casefold()) / 100, e) for e in ENTITIES.values()]
        score, best = max(close, key=lambda se: se[0])
        linked = score >= 0.9
        out[m] = Link(
            m,
            best if linked else None,
            score,
            ((best.id, score),),
            None if linked else "no_entity_link",
        )
    return out
