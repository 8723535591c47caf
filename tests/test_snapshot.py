"""Snapshots: `claimcheck snapshot build` from real documents, and the offline source they feed."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from claimcheck.__main__ import main
from claimcheck.config import SourceSettings
from claimcheck.errors import ConfigError, SourceError
from claimcheck.sources import get_source
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.sources.snapshot_build import build_snapshot

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "wikidata"
INPUTS = [
    DATA / "wikibase-sdk_Q2112-bielefeld-entity.json",  # one pretty-printed entity, no wrapper
    DATA / "dahlia_Q16231742-redirect-to-Q3571994.json",  # Special:EntityData response
    DATA / "nomenklatura_Q159-russia-labels.json",  # labels-only wbgetentities response
    DATA / "wikidata-client_find_by_ids-Q2831-Q47878.yml",  # Ruby VCR cassette, two recordings
    ROOT / "cassettes" / "wbgetentities-redirect-Q32063953.yaml",  # vcrpy cassette with a redirect
    ROOT / "cassettes" / "wbgetentities-missing-Q6-Q42-P31.yaml",  # a missing id among present ones
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("snap") / "snapshot.jsonl"
    build_snapshot(INPUTS, out)
    return out


@pytest.fixture(scope="module", params=["jsonl", "sqlite"])
def snapshot(request, tmp_path_factory) -> Path:
    """The same inputs built in each format: every source test runs on both."""
    out = tmp_path_factory.mktemp("snap") / f"snapshot.{request.param}"
    build_snapshot(INPUTS, out)
    return out


def load(path: Path):
    return get_source(SourceSettings(source=f"snapshot:{path}"))


def ids_in(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_build_gathers_every_input_kind_sorted_by_id(built):
    assert ids_in(built) == [
        "P31",
        "Q42",
        "Q159",
        "Q1040",
        "Q2112",
        "Q2831",
        "Q47878",
        "Q3571994",
        "Q32063953",
    ]


def test_missing_ids_are_left_out_and_redirects_kept_as_stubs(built):
    lines = {
        json.loads(x)["id"]: json.loads(x) for x in built.read_text(encoding="utf-8").splitlines()
    }
    assert "Q6" not in lines
    assert lines["Q32063953"] == {
        "id": "Q32063953",
        "redirects": {"from": "Q32063953", "to": "Q1040"},
    }


def test_build_is_deterministic_whatever_the_input_order(built, tmp_path):
    again = tmp_path / "again.jsonl"
    build_snapshot(list(reversed(INPUTS)), again)
    assert again.read_bytes() == built.read_bytes()


def test_newest_revision_wins_in_either_order(tmp_path):
    doc = json.loads(INPUTS[0].read_text(encoding="utf-8"))
    older = {
        **doc,
        "lastrevid": doc["lastrevid"] - 1,
        "labels": {"en": {"language": "en", "value": "Old"}},
    }
    (tmp_path / "old.json").write_text(json.dumps(older))
    for order, suffix in itertools.product(
        ([INPUTS[0], tmp_path / "old.json"], [tmp_path / "old.json", INPUTS[0]]),
        ("jsonl", "sqlite"),
    ):
        build_snapshot(order, tmp_path / f"s.{suffix}")
        source = load(tmp_path / f"s.{suffix}")
        assert source.entities(["Q2112"])["Q2112"].label == "Bielefeld"


def test_the_2016_recording_replaces_the_2014_one(snapshot):
    source = load(snapshot)
    jackson = source.entities(["Q2831"])["Q2831"]
    assert jackson.provenance.revision and jackson.provenance.retrieved_at.startswith("2016")


def test_snapshot_search_finds_labels_and_ranks_exact_first(snapshot):
    source = load(snapshot)
    assert source.search("Bielefeld")[0].id == "Q2112"
    assert source.search("douglas adams")[0].id == "Q42"
    assert [c.id for c in source.search("Douglas Noel Adams")][:1] == ["Q42"]  # an alias
    assert source.search("zzzz qqqq") == []
    assert all(c.id.startswith("Q") for c in source.search("instance of"))


def test_snapshot_entities_follow_redirects_and_mark_missing(snapshot):
    source = load(snapshot)
    got = source.entities(["Q32063953", "Q6"])
    assert (
        got["Q32063953"].id == "Q1040"
        and got["Q32063953"].provenance.redirected_from == "Q32063953"
    )
    assert got["Q6"].missing
    assert got["Q32063953"].provenance.endpoint == f"snapshot:{snapshot}"
    assert got["Q32063953"].provenance.url == "https://www.wikidata.org/wiki/Q1040"
    assert (
        got["Q32063953"].provenance.retrieved_at == "2018-01-12T15:50:54Z"
    )  # the document's `modified`


def test_get_source_builds_a_snapshot_source(snapshot):
    source = get_source(SourceSettings(source=f"snapshot:{snapshot}"))
    assert source.describe()["entities"] == 8
    assert source.name == "snapshot" and source.search("Russia")[0].id == "Q159"


@pytest.mark.parametrize("spec", ["snapshot:", "nosuch", "wikidata:extra"])
def test_bad_source_names_are_config_errors(spec):
    with pytest.raises(ConfigError):
        get_source(SourceSettings(source=spec))


def test_unreadable_snapshot_is_a_source_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "Q1"}\nnot json\n')
    with pytest.raises(SourceError, match="line 2"):
        SnapshotSource.load(bad)
    with pytest.raises(SourceError):
        SnapshotSource.load(tmp_path / "absent.jsonl")


def test_cli_snapshot_build(tmp_path, capsys):
    out = tmp_path / "cli.jsonl"
    assert main(["snapshot", "build", str(out), *map(str, INPUTS)]) == 0
    assert "wrote 8 entities and 1 redirects" in capsys.readouterr().err
    assert len(ids_in(out)) == 9


def test_cli_snapshot_build_with_unreadable_input_exits_2(tmp_path, capsys):
    assert (
        main(["snapshot", "build", str(tmp_path / "x.jsonl"), str(tmp_path / "absent.json")]) == 2
    )
    assert "CC902" in capsys.readouterr().err


def test_httpx_cassette_bodies_and_gzipped_binary_bodies_are_read(tmp_path):
    import gzip

    import yaml

    entity = json.loads(INPUTS[0].read_text(encoding="utf-8"))
    body = json.dumps({"entities": {"Q2112": entity}, "success": 1})
    httpx_layout = {
        "interactions": [
            {"request": {"uri": "https://x"}, "response": {"status_code": 200, "content": body}}
        ]
    }
    binary_layout = {
        "interactions": [
            {
                "request": {"uri": "https://x"},
                "response": {"body": {"string": gzip.compress(body.encode())}},
            }
        ]
    }
    for name, layout in (("httpx.yaml", httpx_layout), ("binary.yml", binary_layout)):
        (tmp_path / name).write_text(yaml.safe_dump(layout))
        report = build_snapshot([tmp_path / name], tmp_path / "out.jsonl")
        assert report.entities == 1 and ids_in(tmp_path / "out.jsonl") == ["Q2112"]


@pytest.mark.parametrize("suffix", [".json", ".json.gz", ".json.bz2"])
def test_a_json_dump_is_streamed_line_by_line(tmp_path, suffix):
    import bz2
    import gzip

    entity = json.loads(INPUTS[0].read_text(encoding="utf-8"))
    other = {**entity, "id": "Q7", "lastrevid": 1}
    dump = "[\n" + json.dumps(entity) + ",\n" + json.dumps(other) + "\n]\n"
    path = tmp_path / f"latest-all{suffix}"
    opener = {".json": open, ".json.gz": gzip.open, ".json.bz2": bz2.open}[suffix]
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write(dump)
    report = build_snapshot([path], tmp_path / "out.jsonl")
    assert report.entities == 2 and ids_in(tmp_path / "out.jsonl") == ["Q7", "Q2112"]


def test_a_corrupt_compressed_input_is_an_input_error(tmp_path):
    from claimcheck.errors import InputError

    bad = tmp_path / "dump.json.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    with pytest.raises(InputError):
        build_snapshot([bad], tmp_path / "out.jsonl")
