"""The README's Spark recipe (mapPartitions over the entry point) gives the records of a local run.
pyspark is not installed by `make install` (300+ MB, and it needs Java): this runs where it is."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from claimcheck.__main__ import main

CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
pytestmark = pytest.mark.slow
pyspark_sql = pytest.importorskip("pyspark.sql")


def comparable(lines: list[str]) -> list[str]:
    """Records, sorted, without the document's path and line note (the recipe names no file)."""
    out = []
    for line in lines:
        record = json.loads(line)
        if record["record"] == "document":
            record.pop("path"), record.pop("date_note")
        out.append(json.dumps(record, sort_keys=True))
    return sorted(out)


def test_the_spark_recipe_gives_the_records_of_a_local_run(tmp_path, capsys):
    from claimcheck.config import Settings
    from claimcheck.engine.records import process_records

    if not CORPUS.exists():
        pytest.skip("needs ../shared/corpus")
    with CORPUS.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if len(line) < 4000][:4]
    batch = tmp_path / "in.jsonl"
    batch.write_text(
        "".join(json.dumps({k: r[k] for k in ("id", "text", "date")}) + "\n" for r in rows)
    )
    spark = pyspark_sql.SparkSession.builder.master("local[2]").getOrCreate()
    settings = Settings(verify=False)

    def run(partition):
        yield from process_records((row.asDict() for row in partition), settings, "extract")

    try:
        records = spark.read.json(str(batch)).rdd.mapPartitions(run).collect()
    finally:
        spark.stop()
    assert main(["extract", str(batch), "--format", "jsonl", "--jobs", "1"]) == 0
    local = capsys.readouterr().out.splitlines()
    assert comparable([json.dumps(r, ensure_ascii=False) for r in records]) == comparable(local)
