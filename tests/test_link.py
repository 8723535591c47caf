"""Entity linking against an in-memory source: choices, abstentions, and how few lookups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from claimcheck.errors import OfflineCacheMiss, SourceUnavailable
from claimcheck.link import Link, Mention, link_mentions
from claimcheck.model import Candidate, Entity
from claimcheck.sources.snapshot import SnapshotSource

HUMAN, COUNTRY, CITY, ORGANIZATION, STATE = "Q5", "Q6256", "Q515", "Q43229", "Q35657"
DISAMBIGUATION = "Q4167410"


def doc(entity_id: str, label: str, *, aliases=(), types=(), description="", links=()) -> dict:
    claims = {"P31": [_item_statement("P31", t) for t in types]}
    if links:
        claims["P463"] = [_item_statement("P463", t) for t in links]
    return {
        "id": entity_id,
        "type": "item",
        "lastrevid": 1,
        "labels": {"en": {"language": "en", "value": label}},
        "descriptions": {"en": {"language": "en", "value": description}},
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]},
        "claims": claims,
    }


def _item_statement(pid: str, item: str) -> dict:
    value = {"entity-type": "item", "id": item}
    return {
        "rank": "normal",
        "mainsnak": {
            "snaktype": "value",
            "property": pid,
            "datavalue": {"type": "wikibase-entityid", "value": value},
        },
    }


WORLD = [
    doc("Q100", "Vladimir Putin", types=[HUMAN], description="President of Russia", links=["Q300"]),
    doc("Q101", "Georgia", types=[COUNTRY], description="country in the Caucasus"),
    doc("Q102", "Georgia", types=[STATE], description="state of the United States of America"),
    doc("Q103", "North Atlantic Treaty Organization", aliases=["NATO"], types=[ORGANIZATION]),
    doc("Q104", "Nato", types=[CITY], description="a village"),
    doc("Q105", "Brussels", types=[CITY]),
    doc("Q106", "Jordan", types=[COUNTRY]),
    doc("Q107", "Michael Jordan", aliases=["Jordan"], types=[HUMAN]),
    doc("Q300", "Russia", types=[COUNTRY]),
    doc("Q301", "Wendy Sherman", types=[HUMAN]),
    doc("Q302", "Wendy Sherman", types=[HUMAN]),
]


class CountingSource:
    """The snapshot source with its calls counted, to check batching."""

    name = "counting"

    def __init__(self, docs) -> None:
        self.inner = SnapshotSource(docs)
        self.searches: list[str] = []
        self.entity_calls: list[list[str]] = []

    def search(self, mention: str, *, language: str = "en", limit: int = 10) -> Sequence[Candidate]:
        self.searches.append(mention)
        return self.inner.search(mention, limit=limit)

    def entities(self, ids: Sequence[str]) -> Mapping[str, Entity]:
        self.entity_calls.append(list(ids))
        return self.inner.entities(ids)

    def describe(self):
        return {"name": self.name}


@pytest.fixture
def source() -> CountingSource:
    return CountingSource(WORLD)


def link_one(mention: Mention, source) -> Link:
    return link_mentions([mention], source)[mention]


@pytest.mark.parametrize(
    "mention,expected",
    [
        (Mention("Vladimir Putin", "PERSON"), "Q100"),
        (Mention("Putin", "PERSON"), "Q100"),
        (Mention("Brussels", "GPE"), "Q105"),
        (
            Mention("Georgia", "GPE"),
            None,
        ),  # a country and a US state: both GPE, neither clearly ahead
        (Mention("Jordan", "GPE"), "Q106"),
        (Mention("Jordan", "PERSON"), "Q107"),
        (Mention("NATO", "ORG", canonical="North Atlantic Treaty Organization"), "Q103"),
        (Mention("NATO", "ORG"), "Q103"),  # the alias plus the organization type beat the village
    ],
)
def test_links(mention, expected, source):
    link = link_one(mention, source)
    assert (link.entity.id if link.entity else None) == expected, link


def test_ambiguity_is_a_reason_with_the_candidates_kept(source):
    link = link_one(Mention("Wendy Sherman", "PERSON"), source)
    assert link.entity is None and link.reason == "ambiguous_link"
    assert {c for c, _ in link.candidates} == {"Q301", "Q302"}


def test_nothing_fitting_is_no_entity_link(source):
    link = link_one(Mention("Zanzibar Quuxworth", "PERSON"), source)
    assert link.entity is None and link.reason == "no_entity_link"
    assert link_one(Mention("   ", "PERSON"), source).reason == "no_entity_link"


def test_a_type_mismatch_is_not_linked(source):
    link = link_one(Mention("Brussels", "PERSON"), source)
    assert link.entity is None and link.reason == "no_entity_link"


def test_context_from_other_mentions_breaks_a_tie():
    docs = [
        doc("Q1", "Alex Smith", types=[HUMAN], links=["Q9"]),
        doc("Q2", "Alex Smith", types=[HUMAN]),
        doc("Q9", "Springfield Rotary Club", types=[ORGANIZATION]),
    ]
    alone = link_one(Mention("Alex Smith", "PERSON"), CountingSource(docs))
    assert alone.reason == "ambiguous_link"
    mentions = [Mention("Alex Smith", "PERSON"), Mention("Springfield Rotary Club", "ORG")]
    links = link_mentions(mentions, CountingSource(docs))
    assert links[mentions[0]].entity.id == "Q1"


def test_one_search_per_distinct_term_and_one_entity_fetch(source):
    mentions = [
        Mention("Putin", "PERSON", sentence="a"),
        Mention("Putin", "PERSON", sentence="b"),
        Mention("Brussels", "GPE"),
        Mention("NATO", "ORG", canonical="North Atlantic Treaty Organization"),
        Mention("North Atlantic Treaty Organization", "ORG"),
    ]
    links = link_mentions(mentions, source)
    assert len(links) == 5
    assert sorted(source.searches) == ["Brussels", "North Atlantic Treaty Organization", "Putin"]
    assert len(source.entity_calls) == 1


class DownSource(CountingSource):
    def __init__(self, error) -> None:
        super().__init__(WORLD)
        self.error = error

    def search(self, mention, *, language="en", limit=10):
        raise self.error


@pytest.mark.parametrize(
    "error,reason",
    [
        (SourceUnavailable("down"), "source_unavailable"),
        (OfflineCacheMiss("offline"), "offline_cache_miss"),
    ],
)
def test_an_unavailable_source_leaves_mentions_unlinked_with_its_reason(error, reason):
    link = link_one(Mention("Putin", "PERSON"), DownSource(error))
    assert link.entity is None and link.reason == reason


def test_a_leading_article_is_not_searched_for(source):
    mentions = [
        Mention("the United States", "GPE"),
        Mention("The United States", "GPE"),
        Mention("The Hague", "GPE"),
    ]
    world = CountingSource(
        [doc("Q30", "United States", types=[COUNTRY]), doc("Q36600", "The Hague", types=[CITY])]
    )
    links = link_mentions(mentions, world)
    assert sorted(world.searches) == ["The Hague", "United States"]
    assert links[mentions[0]].entity.id == links[mentions[1]].entity.id == "Q30"
    assert links[mentions[2]].entity.id == "Q36600"


def test_a_disambiguation_page_is_never_linked():
    world = CountingSource(
        [
            doc("Q286874", "ABC", types=[DISAMBIGUATION]),
            doc("Q169889", "American Broadcasting Company", aliases=["ABC"], types=[ORGANIZATION]),
        ]
    )
    link = link_one(Mention("ABC", "ORG"), world)
    assert link.entity.id == "Q169889" and "Q286874" not in dict(link.candidates)


PLACES = [
    doc("Q1040", "Karlsruhe", types=[CITY], description="German city"),
    doc("Q201", "Springfield", types=[CITY], description="capital of Illinois"),
    doc("Q202", "Springfield", types=[CITY], description="city in Massachusetts"),
    doc("Q203", "Nato", types=[CITY], description="a village"),
    doc("Q204", "Karlsruhe Institute of Technology", types=[ORGANIZATION]),
]


@pytest.mark.parametrize(
    "mention,expected,reason",
    [
        # spaCy tags the city ORG; the one candidate bearing the name is a city: linked, rather
        # than the organization that only contains the name.
        (Mention("Karlsruhe", "ORG"), "Q1040", None),
        (Mention("Karlsruhe", "GPE"), "Q1040", None),
        # Two cities bear the name: real ambiguity, whatever the tag.
        (Mention("Springfield", "ORG"), None, "ambiguous_link"),
        # An acronym tagged ORG is not a village that happens to share its letters.
        (Mention("NATO", "ORG"), None, "no_entity_link"),
        # A PERSON tag is never set aside.
        (Mention("Karlsruhe", "PERSON"), None, "no_entity_link"),
        # The tag did its job: the organization bearing its full name.
        (Mention("Karlsruhe Institute of Technology", "ORG"), "Q204", None),
    ],
)
def test_an_unreliable_place_or_organization_tag_is_set_aside_only_for_one_clear_name(
    mention, expected, reason
):
    link = link_one(mention, CountingSource(PLACES))
    assert (link.entity.id if link.entity else None, link.reason) == (expected, reason), link


def test_a_lone_name_also_borne_by_a_person_stays_unlinked(source):
    # "Jordan" tagged ORG: the country and Michael Jordan (alias) both bear the name.
    link = link_one(Mention("Jordan", "ORG"), source)
    assert link.entity is None and link.reason == "no_entity_link"
