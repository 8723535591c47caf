"""The engine-agnostic entry point (claimcheck.engine.records): records in, the records of a
local run out; a bad record fails alone; --jobs chooses itself from the number of documents."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT

from claimcheck import pipeline
from claimcheck.config import Settings
from claimcheck.engine import records as engine
from claimcheck.engine.records import jobs_for, process_records
from claimcheck.read.documents import ReadOptions
from claimcheck.render.records import render_jsonl

CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
SETTINGS = Settings(verify=False)
pytestmark = pytest.mark.slow


def corpus_lines(count: int) -> list[str]:
    if not CORPUS.exists():
        pytest.skip("needs ../shared/corpus")
    with CORPUS.open(encoding="utf-8") as handle:  # short articles: test time
        return [line.rstrip("\n") for line in handle if len(json.loads(line)["text"]) < 4000][
            :count
        ]


def local_run(path, command: str, nlp) -> list[dict]:
    settings = Settings(verify=False, read=ReadOptions(input_format="jsonl"))
    documents = pipeline.read_documents([str(path)], settings, lambda item: None)
    results = engine.run_documents(documents, settings, command, nlp=nlp)
    return [json.loads(line) for line in render_jsonl(results)]


@pytest.mark.parametrize("command", ["extract", "check"])
def test_records_give_what_a_local_run_of_the_file_gives(tmp_path, nlp, command):
    lines = corpus_lines(3)
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = [
        {**json.loads(line), "_origin": str(path), "_number": n} for n, line in enumerate(lines, 1)
    ]
    got = list(process_records(records, SETTINGS, command))
    assert got == local_run(path, command, nlp)
    assert sum(r["record"] == "document" for r in got) == 3


def test_plain_records_need_only_id_and_text(nlp):
    got = list(process_records([{"id": "a", "text": "NATO has 30 member states."}], SETTINGS))
    assert got[0]["record"] == "document" and got[0]["id"] == "a"
    assert any(r.get("kind") == "count" and r["text"] == "30" for r in got)


def test_a_bad_record_fails_its_record_and_no_other(nlp):
    records = [
        {"id": "good", "text": "Paris has 2 million people."},
        {"id": "empty", "text": "  "},
        {"_line": "{not json", "_origin": "archive.jsonl", "_number": 9},
        {"id": "late", "text": "It rained on 3 May 2021.", "date": "yesterday"},
    ]
    got = list(process_records(records, SETTINGS))
    errors = [r for r in got if r["record"] == "error"]
    assert [e["source"] for e in errors] == ["<records>:2", "archive.jsonl:9", "<records>:4"]
    assert "non-empty string field 'text'" in errors[0]["message"]
    assert "not valid JSON" in errors[1]["message"]
    assert [r["id"] for r in got if r["record"] == "document"] == ["good"]


def test_a_document_that_breaks_the_extractor_fails_alone(nlp, monkeypatch):
    import claimcheck.extract as extract

    real = extract.chunks

    def fragile(document):
        if "BOOM" in document.text:
            raise RuntimeError("simulated extractor bug")
        return real(document)

    monkeypatch.setattr("claimcheck.extract.chunks", fragile)
    records = [{"id": str(i), "text": text} for i, text in enumerate(["5 km.", "BOOM 3.", "7 m."])]
    got = list(process_records(records, SETTINGS))
    assert [r["id"] for r in got if r["record"] == "document"] == ["0", "2"]
    [error] = [r for r in got if r["record"] == "error"]
    assert error["id"] == "1" and "simulated extractor bug" in error["message"]


def test_jobs_default_is_every_core_for_many_documents_and_one_for_one():
    one, two = ["doc"], ["doc", "doc"]
    documents, jobs = jobs_for(iter(one), 0)
    assert jobs == 1 and list(documents) == one
    documents, jobs = jobs_for(iter(two + ["third"]), 0)
    assert jobs == (os.cpu_count() or 1) and list(documents) == two + ["third"]
    assert jobs_for(two, 3)[1] == 3  # asked for: kept


def test_the_pipeline_is_loaded_once_per_process(nlp):
    assert engine.language(Settings().pipeline) is nlp
    list(process_records([{"id": "x", "text": "5 km."}], SETTINGS))
    assert engine.language.cache_info().currsize == 1


def test_a_long_stream_is_taken_in_chunks_and_keeps_its_order(nlp, monkeypatch):
    records = [{"id": f"d{i}", "text": f"It is {i + 2} km long."} for i in range(7)]
    whole = list(process_records(records, SETTINGS))
    monkeypatch.setattr(engine, "CHUNK", 2)
    assert list(process_records(iter(records), SETTINGS)) == whole
    assert [r["id"] for r in whole if r["record"] == "document"] == [r["id"] for r in records]


def test_dask_partitions_hold_equal_text_and_get_smaller_towards_the_end(tmp_path):
    """Forty long documents then forty short ones: equal counts would give one worker all the
    long ones; partitions by bytes cover every line once, in order, each about its share."""
    from claimcheck.engine.archive import partitions

    lines = [
        json.dumps({"id": f"d{n}", "text": "word " * (2000 if n < 40 else 50)}) for n in range(80)
    ]
    archive = tmp_path / "a.jsonl"
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = partitions([str(archive)], workers=2)
    assert parts[0].start == 0 and parts[-1].stop == 80
    assert all(a.stop == b.start for a, b in zip(parts, parts[1:], strict=False))
    text = [sum(len(line) + 1 for line in lines[p.start : p.stop]) for p in parts]
    assert max(text) < sum(text) / 6  # equal counts (10 a partition) would give 100 KB, a quarter
    assert text[-1] < text[0] / 4 and len(parts) > 8  # finer at the end
    assert parts[-1].stop - parts[-1].start > parts[0].stop - parts[0].start  # short ones: more
