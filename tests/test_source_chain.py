"""Several sources of one sort are consulted in the order named, and a claim one cannot answer
goes to the next: two entity snapshots, two statistics snapshots, and a population the statistics
snapshot lacks answered by the entity snapshot (Hong Kong in the demo)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.__main__ import main

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ENTITIES = EXAMPLES / "wikidata-snapshot.jsonl"
STATISTICS = EXAMPLES / "statistics-snapshot.jsonl"


def _verdicts(capsys, story: Path, *sources: Path) -> dict[str, dict]:
    args = ["check", str(story), "--format", "jsonl", "--exit-zero"]
    for source in sources:
        args += ["--source", f"snapshot:{source}"]
    assert main(args) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {r["text"]: r["verification"] for r in records if r["record"] == "claim"}


def _split(tmp_path: Path, source: Path, keep) -> tuple[Path, Path]:
    """`source` cut in two snapshots: the lines `keep` accepts, and the others."""
    lines = source.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / f"a-{source.name}", tmp_path / f"b-{source.name}"
    first.write_text("".join(f"{ln}\n" for ln in lines if keep(json.loads(ln))), "utf-8")
    second.write_text("".join(f"{ln}\n" for ln in lines if not keep(json.loads(ln))), "utf-8")
    return first, second


def _story(tmp_path: Path, date: str, text: str) -> Path:
    story = tmp_path / "story.md"
    story.write_text(f"---\ndate: {date}\n---\n{text}\n", encoding="utf-8")
    return story


@pytest.mark.parametrize("order", ["with-first", "with-second"])
def test_an_entity_only_the_other_entity_snapshot_holds(tmp_path, capsys, order):
    without, with_hk = _split(tmp_path, ENTITIES, lambda d: d.get("id") != "Q8646")
    sources = (without, with_hk) if order == "with-second" else (with_hk, without)
    story = _story(tmp_path, "2022-03-01", "Hong Kong has 7.4 million inhabitants.")
    verdicts = _verdicts(capsys, story, *sources)
    assert verdicts["7.4 million"]["verdict"] == "supported"
    assert verdicts["7.4 million"]["evidence"][0]["entity"] == "Q8646"


def test_a_country_only_the_second_statistics_snapshot_holds(tmp_path, capsys):
    chile, rest = _split(tmp_path, STATISTICS, lambda d: d.get("country") in (None, "CHL"))
    story = _story(
        tmp_path,
        "2005-03-15",
        "Chile's economy grew 6.7% in 2004. Mexico's economy grew 3.6% in 2004.",
    )
    verdicts = _verdicts(capsys, story, chile, rest)
    assert verdicts["6.7%"]["verdict"] == "supported"
    assert verdicts["3.6%"]["verdict"] == "supported"
    assert verdicts["3.6%"]["evidence"][0]["entity"] == "MEX"


def test_a_population_the_statistics_lack_goes_to_the_entity_source(tmp_path, capsys):
    story = _story(tmp_path, "2022-03-01", "Hong Kong has 7.4 million inhabitants.")
    alone = _verdicts(capsys, story, STATISTICS)["7.4 million"]
    assert (alone["verdict"], alone["reason"]) == ("not_checked", "no_observation")
    both = _verdicts(capsys, story, STATISTICS, ENTITIES)["7.4 million"]
    assert both["verdict"] == "supported" and both["evidence"][0]["source_property"] == "P1082"


def test_a_population_neither_source_can_judge_keeps_the_statistics_reason(tmp_path, capsys):
    without, _ = _split(tmp_path, ENTITIES, lambda d: d.get("id") != "Q8646")
    story = _story(tmp_path, "2022-03-01", "Hong Kong has 7.4 million inhabitants.")
    verdict = _verdicts(capsys, story, STATISTICS, without)["7.4 million"]
    assert verdict["verdict"] == "not_checked"
