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
    assert mentions >= 1200 and sum(len(r["people"]) + len(r["not_people"]) for r in corpus) >= 900
    assert {"place", "credit line", "photo credit", "span overrun", "nationality"} <= families
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    assert {r["batch"] for r in ROWS} == set(BENCH.BATCHES)


def test_no_new_held_out_line_is_also_a_tuning_line():
    """held-out-3 to 6 share no line with the tune rows (the first held-out set repeats six
    short lines that tune rows of other articles have too: five headings and a title line)."""
    tuned = {r["text"] for r in ROWS if r["batch"] == "tune"}
    held = [
        r for r in ROWS if r["batch"] in ("held-out-3", "held-out-4", "held-out-5", "held-out-6")
    ]
    assert not [r["id"] for r in held if r["text"] in tuned]
    docs = {}
    for r in ROWS:
        if r["source"] == "corpus" and r["batch"].startswith("held-out"):
            docs.setdefault(r["doc"], set()).add(r["batch"])
    assert all(len(batches) == 1 for batches in docs.values())  # each article in one set


@pytest.fixture(scope="module")
def outcomes(nlp):
    return BENCH.evaluate(nlp, ROWS)


def _stats(outcomes, batch):
    pairs = [(o, r) for o, r in zip(outcomes, ROWS, strict=True) if r["batch"] == batch]
    return BENCH.summary([o for o, _ in pairs], [r for _, r in pairs])


def test_the_tuning_rows_reach_the_goal(outcomes):
    stats = _stats(outcomes, "tune")
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


# Measured figures (docs/people.md): a floor test fails when one drops. "held-out" and
# "held-out-2" reach the goal, but are no longer blind: rules were written for the families of
# their misses (on new tune rows). held-out-3 was labelled before the third round of rules,
# held-out-4 before the fourth, held-out-5 after it (then seen: the clubs of the fifth round came
# from its misses' family), held-out-6 after the fifth and run once after the clubs' rules.
FLOORS = {
    "held-out": (0.978, 0.957, 40, 80),
    "held-out-2": (1.0, 1.0, 20, 40),
    "held-out-3": (0.897, 0.881, 55, 200),
    "held-out-4": (0.923, 0.947, 35, 180),
    "held-out-5": (0.8, 0.909, 40, 200),
    "held-out-6": (0.931, 0.9, 30, 190),
}


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_each_held_out_set_stays_above_the_floor_measured(outcomes, batch):
    precision, recall, people, mentions = FLOORS[batch]
    stats = _stats(outcomes, batch)
    assert stats["people"] >= people and stats["mentions"] >= mentions
    assert stats["precision"] >= precision and stats["recall"] >= recall, stats


@pytest.mark.parametrize("batch", ["held-out", "held-out-2"])
def test_the_first_held_out_sets_reach_the_goal(outcomes, batch):
    stats = _stats(outcomes, batch)
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


@pytest.mark.xfail(strict=True, reason="held-out-3 0.897 / 0.881: bodies, places tagged PERSON")
def test_the_third_held_out_set_reaches_the_goal(outcomes):
    stats = _stats(outcomes, "held-out-3")
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


@pytest.mark.xfail(
    strict=True, reason="held-out-4 precision 0.923: places and a newspaper tagged PERSON"
)
def test_the_fourth_held_out_set_reaches_the_goal(outcomes):
    stats = _stats(outcomes, "held-out-4")
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


@pytest.mark.xfail(
    strict=True, reason="held-out-5 0.800 / 0.909: bodies and places with a person's shape"
)
def test_the_fifth_held_out_set_reaches_the_goal(outcomes):
    stats = _stats(outcomes, "held-out-5")
    assert stats["precision"] >= 0.97 and stats["recall"] >= 0.95, stats


@pytest.mark.xfail(strict=True, reason="held-out-6 (blind) 0.931 / 0.900: 'Lech Poznań end their'")
def test_the_sixth_held_out_set_reaches_the_goal(outcomes):
    stats = _stats(outcomes, "held-out-6")
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


@pytest.mark.parametrize(
    "text,expected",
    [
        ("* Impeachment of Dilma Rousseff", ["Dilma Rousseff"]),
        ("* Justin Welby resigns", ["Justin Welby"]),
        ("* Arrest of Muharrem İnce", ["Muharrem İnce"]),
        ("The Governor of the Bank of England Andrew Bailey warned.", ["Andrew Bailey"]),
        ("The Mayor of Greater Manchester Andy Burnham called for calm.", ["Andy Burnham"]),
        ("* Ayatollah Ali Sistani calls for calm in Iraq. (Reuters)", ["Ali Sistani"]),
        ("* Kenya president William Ruto dissolves his cabinet.", ["William Ruto"]),
        ("* Nelson Mandela Day is marked in honour of the late president Nelson Mandela.",
         ["Nelson Mandela"]),
        ("* The militant group Lashkar-e-Taiba claims the attack in Kashmir.", []),
        ("* Hayat Tahrir al-Sham announces its dissolution. (Al Jazeera)", []),
        ("* Israeli strikes on Jabalia and Deir al-Balah kill at least 30 people.", []),
        ("* Siege of Khan Younis", []),
    ],
)  # fmt: skip
def test_headlines_titles_with_of_styles_eponyms_and_organizations(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize(
    "text,club,person",
    [
        ("Werder Bremen lost 3–1 to Hertha Berlin at home.", "Hertha Berlin", None),
        ("Sporting Braga 2-0 Vitoria Guimaraes: the hosts won easily.", "Sporting Braga", None),
        ("Vitoria Guimaraes beat Sporting Braga 2-1.", "Vitoria Guimaraes", None),
        (
            "In association football, Sporting Braga defeat Vitoria Guimaraes.",
            "Vitoria Guimaraes",
            None,
        ),
        ("Aston Villa midfielder John McGinn was injured.", "Aston Villa", "John McGinn"),
        ("Jannik Sinner beat Carlos Alcaraz 7-6 6-3 in Rome.", None, "Carlos Alcaraz"),
        # from the shared corpus: people beside a score or a result of a contest of one
        # against one, or of a vote
        (
            "In table tennis, Hugo Calderano of Brazil defeats Lin Shidong of China 4–1 sets.",
            None,
            "Lin Shidong",
        ),
        (
            "In tennis, Coco Gauff defeats Aryna Sabalenka 65–77, 6–2, 6–4 in the final.",
            None,
            "Aryna Sabalenka",
        ),
        (
            "In association football, Florentino Pérez is re-elected president of Real Madrid, "
            "defeating Enrique Riquelme.",
            None,
            "Enrique Riquelme",
        ),
    ],
)
def test_a_club_beside_a_score_a_result_or_its_players_is_not_a_person(nlp, text, club, person):
    found = names(nlp, text)
    assert club not in found, found
    if person:
        assert person in found, found
