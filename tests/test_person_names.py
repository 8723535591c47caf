"""Person-name precision on the labelled table (tests/data/people/person_names.jsonl): bylines,
credit lines, photo credits, places, teams and titles are not people; a name stops at a dash,
a digit or a line end. The benchmark (benchmarks/person_names.py) reads the same table."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.model import Document

ROOT = Path(__file__).resolve().parent.parent


def _load_benchmark():
    path = ROOT / "benchmarks" / "person_names.py"
    spec = importlib.util.spec_from_file_location("person_names_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["person_names_bench"] = module
    spec.loader.exec_module(module)
    return module


BENCH = _load_benchmark()
ROWS = BENCH.load_rows()


def test_the_table_is_large_several_families_and_mostly_corpus():
    mentions = sum(len(r["people"]) + len(r["not_people"]) for r in ROWS)
    corpus = [r for r in ROWS if r["source"] == "corpus"]
    families = {n["family"] for r in ROWS for n in r["not_people"]}
    assert mentions >= 200 and sum(len(r["people"]) + len(r["not_people"]) for r in corpus) >= 200
    assert {"place", "credit line", "photo credit", "span overrun", "nationality"} <= families
    assert len({r["id"] for r in ROWS}) == len(ROWS)


@pytest.fixture(scope="module")
def outcomes(nlp):
    return BENCH.evaluate(nlp, ROWS)


def _stats(outcomes, batch):
    pairs = [(o, r) for o, r in zip(outcomes, ROWS, strict=True) if r["batch"] == batch]
    return BENCH.summary([o for o, _ in pairs], [r for _, r in pairs])


def test_the_tuning_rows_reach_the_goal(outcomes):
    stats = _stats(outcomes, "tune")
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


def test_the_held_out_rows_stay_above_the_floor_measured(outcomes):
    """Labelled after the first rules, never tuned on by its strings: 0.837 / 0.891 when written;
    0.977 / 0.935 after rules for the families of its misses, written on new tune cases."""
    stats = _stats(outcomes, "held-out")
    assert stats["people"] >= 40 and stats["mentions"] >= 80
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.93, stats


@pytest.mark.xfail(strict=True, reason="held-out recall 0.935: names the model misses or cuts")
def test_the_held_out_rows_reach_the_goal(outcomes):
    stats = _stats(outcomes, "held-out")
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


def test_the_second_held_out_rows_stay_above_the_floor_measured(outcomes):
    """Labelled from six other corpus articles after the second round of rules, never tuned on:
    0.938 / 0.750 when written."""
    stats = _stats(outcomes, "held-out-2")
    assert stats["people"] >= 20 and stats["mentions"] >= 40
    assert stats["precision"] >= 0.93 and stats["recall"] >= 0.75, stats


@pytest.mark.xfail(strict=True, reason="second held-out recall 0.750: lone names the model misses")
def test_the_second_held_out_rows_reach_the_goal(outcomes):
    stats = _stats(outcomes, "held-out-2")
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


def names(nlp, text: str) -> list[str]:
    _, claims = next(extract_claims([Document(id="t", text=text)], nlp))
    return [c.fields["name"] for c in claims if c.kind == "person_name"]


@pytest.mark.parametrize(
    "text",
    [
        "Reporting by Andrew Osborn; Editing by Mark Heinrich",
        "CNN's Veronica Stracqualursi and Kylie Atwood contributed reporting.",
        "Julian Borger contributed to this report.",
        "Additional reporting by Maria Tsvetkova in Moscow.",
    ],
)
def test_a_credit_line_names_no_one(nlp, text):
    assert names(nlp, text) == []


def test_a_photo_credit_is_not_a_claim_but_the_caption_is(nlp):
    caption = "Vladimir Putin at the Kremlin on Tuesday. (Photo: Mikhail Klimentyev / AFP)"
    found = names(nlp, caption)
    assert found == ["Vladimir Putin"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("The poet Philip Larkin - battled with doubt all his life.", "Philip Larkin"),
        ("Erin Routliffe and Gabriela Dabrowski defeat Kateřina Siniaková 6–4, 6–4.", None),
        ("Representatives Walter Capps and Sonny Bono shared a deep love for this House.", None),
    ],
)
def test_a_name_stops_at_a_dash_or_a_score_and_loses_a_leading_title(nlp, text, name):
    found = names(nlp, text)
    assert all(not any(c in n for c in "-–—0123456789") for n in found), found
    assert not any(n.startswith("Representatives") for n in found), found
    if name:
        assert name in found


@pytest.mark.parametrize(
    "text",
    [
        "* Ten people are killed in Virudhunagar, Tamil Nadu, India.",
        "* Ukrainian troops recapture the village of Nadiia, Luhansk Oblast.",
        "* 2025 Bat Yam bus bombings",
        "* Nord Stream pipelines sabotage",
        "* With Ugandan support, the army recaptures two villages.",
        "#### Law and crime",
    ],
)
def test_places_pipelines_demonyms_and_headings_are_not_people(nlp, text):
    assert names(nlp, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("* Typhoon Haiyan killed more than 6,000 people in the Philippines. (BBC)", []),
        ("* Forecasters say Cyclone Idai will make landfall near Beira on Thursday. (Reuters)", []),
        ("* Fianna Fáil councillor Seán Murphy is elected mayor of Cork. (*Irish Times*)",
         ["Seán Murphy"]),
        ("* Floods hit cities such as Porto Alegre and Canoas in southern Brazil. (G1)", []),
        ("* Two climbers die in an avalanche on Ama Dablam in Nepal. (*The Himalayan Times*)", []),
        ("* Rescuers reach survivors on Khan Tengri in Kazakhstan. (Tengrinews)", []),
        ("Drones also hit an ammunition depot at Osman Digna Air Base, causing damage.", []),
    ],
)  # fmt: skip
def test_storms_parties_and_places_of_lists_or_mountains_are_not_people(nlp, text, expected):
    assert names(nlp, text) == expected
