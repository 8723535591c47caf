"""The indexed SQLite snapshot built from the real Wikidata JSON dump layout (the first 50 entities
of a 2017 dump, ../shared/wikidata-samples/dumps): it answers as the JSON-lines snapshot does,
and `snapshot build` filters by kind and by an id list."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from claimcheck.__main__ import main
from claimcheck.errors import SourceError
from claimcheck.sources.snapshot import SnapshotSource
from claimcheck.sources.snapshot_build import (
    Selection,
    build_from,
    build_snapshot,
    documents_from_lines,
)
from claimcheck.sources.snapshot_sqlite import SqliteSnapshotSource
from claimcheck.sources.wikidata_json import pick_text

DUMP = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "wikidata-samples"
    / "dumps"
    / "latest-all-head-50-2017.json"
)
pytestmark = pytest.mark.skipif(not DUMP.exists(), reason="needs ../shared/wikidata-samples")


@pytest.fixture(scope="module")
def dump_gz(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dump") / "latest-all.json.gz"
    path.write_bytes(gzip.compress(DUMP.read_bytes()))
    return path


@pytest.fixture(scope="module")
def both(dump_gz, tmp_path_factory) -> tuple[SnapshotSource, SqliteSnapshotSource]:
    folder = tmp_path_factory.mktemp("both")
    build_snapshot([dump_gz], folder / "facts.jsonl")
    build_snapshot([dump_gz], folder / "facts.sqlite")
    return SnapshotSource.load(folder / "facts.jsonl"), SqliteSnapshotSource(
        folder / "facts.sqlite"
    )


def test_every_label_finds_the_same_candidates_in_both_formats(both):
    lines, indexed = both
    labels = sorted({pick_text(doc.get("labels")) or "" for doc in lines.docs.values()} - {""})
    assert len(labels) > 40
    for label in labels:
        for query in (label, label.lower(), label.split()[0]):
            assert indexed.search(query) == lines.search(query), query


def test_every_entity_reads_the_same_from_both_formats(both):
    lines, indexed = both
    ids = sorted(lines.docs) + ["Q999999999"]
    assert same_but_path(indexed.entities(ids)) == same_but_path(lines.entities(ids))
    assert indexed.describe()["entities"] == lines.describe()["entities"] == 49


def same_but_path(entities):
    """Entities with the snapshot's file name (in their provenance) left out."""
    return {
        key: dataclasses.replace(
            e, provenance=e.provenance and dataclasses.replace(e.provenance, endpoint="")
        )
        for key, e in entities.items()
    }


def test_members_come_from_the_index(both):
    lines, indexed = both
    for org in ("Q458", "Q1065", "Q7184", "Q8908"):  # EU, UN, NATO, Council of Europe
        assert [e.id for e in indexed.members(org)] == [e.id for e in lines.members(org)]
    assert indexed.members("Q458")  # the sample holds EU members


def test_kind_filter_keeps_people_and_countries_only(dump_gz, tmp_path, capsys):
    out = tmp_path / "people.sqlite"
    assert main(["snapshot", "build", str(out), str(dump_gz), "--kind", "people,countries"]) == 0
    assert "left out by the filters" in capsys.readouterr().err
    source = SqliteSnapshotSource(out)
    kept = [row[0] for row in source.db.execute("SELECT id FROM entities")]
    types = {t for e in source.entities(kept).values() for t in e.types}
    assert kept and types <= {"human", "country", "region", "city", "organization"}
    assert all({"human", "country"} & set(e.types) for e in source.entities(kept).values())
    assert source.search("George Washington")[0].id == "Q23"


def test_id_list_keeps_those_ids_whatever_the_file_looks_like(dump_gz, tmp_path):
    listing = tmp_path / "linked.jsonl"
    listing.write_text('{"record":"claim","entity":"Q23"}\nQ22 and P31\n', encoding="utf-8")
    out = tmp_path / "ids.jsonl"
    assert main(["snapshot", "build", str(out), str(dump_gz), "--ids", str(listing)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert sorted(SnapshotSource.load(out).docs) == ["Q22", "Q23"]


def test_unknown_kind_is_a_usage_error(dump_gz, tmp_path, capsys):
    assert main(["snapshot", "build", str(tmp_path / "x.sqlite"), str(dump_gz), "--kind", "cats"])
    assert "CC901" in capsys.readouterr().err and not (tmp_path / "x.sqlite").exists()


def test_the_snapshot_is_opened_read_only(both, tmp_path):
    _, indexed = both
    path = Path(indexed.origin)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    again = SqliteSnapshotSource(path)  # a second reader at the same time
    assert again.search("Scotland")[0].id == indexed.search("Scotland")[0].id == "Q22"
    with pytest.raises(sqlite3.OperationalError):
        again.db.execute("DELETE FROM entities")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_sqlite_file_that_is_no_snapshot_is_a_source_error(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(SourceError, match="not a claimcheck SQLite snapshot"):
        SqliteSnapshotSource(other)


def test_a_malformed_document_is_left_out_with_a_warning(tmp_path, capsys):
    good = DUMP.read_text("utf-8").splitlines()[1]  # the dump's first entity line
    dump = tmp_path / "latest-all.json"
    dump.write_text("[\n" + good + "\n" + '{"id": "Q9", "claims": [1]},\n' + "]\n", "utf-8")
    out = tmp_path / "facts.sqlite"
    assert main(["snapshot", "build", str(out), str(dump)]) == 0
    assert "left out 1 malformed entity documents" in capsys.readouterr().err
    assert SqliteSnapshotSource(out).describe()["entities"] == 1


def test_a_newer_revision_takes_the_place_of_the_older_ones_names(tmp_path):
    """Both revisions arrive in one batch of index rows: the older one's names must go."""
    line = DUMP.read_text("utf-8").splitlines()[1].rstrip(",")
    doc = json.loads(line)
    doc["lastrevid"] = 2
    line = json.dumps(doc)
    older = {**doc, "lastrevid": 1}
    older["labels"] = {"en": {"language": "en", "value": "Zzyzx Former Name"}}
    dump = tmp_path / "latest-all.json"
    dump.write_text(f"[\n{json.dumps(older)},\n{line}\n]\n", "utf-8")
    build_snapshot([dump], tmp_path / "facts.sqlite")
    source = SqliteSnapshotSource(tmp_path / "facts.sqlite")
    assert [c.id for c in source.search("Zzyzx Former Name")] == []
    label = pick_text(doc["labels"])
    assert source.search(label)[0].id == doc["id"]


def test_an_interrupted_build_leaves_the_old_snapshot_and_no_partial_file(tmp_path):
    out = tmp_path / "facts.sqlite"
    build_snapshot([DUMP], out)
    before = out.read_bytes()

    def documents():
        yield from documents_from_lines(DUMP.read_text("utf-8").splitlines()[:20])
        raise KeyboardInterrupt  # Ctrl-C halfway through a dump

    with pytest.raises(KeyboardInterrupt):
        build_from(documents(), out, Selection())
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.sqlite"]


def test_a_line_the_fast_parser_refuses_is_still_read(tmp_path):
    """NaN is not JSON, but Python's json (the parser before orjson) reads it: still kept."""
    line = DUMP.read_text("utf-8").splitlines()[1].rstrip(",")
    doc = json.loads(line)
    odd = line.replace(
        '"claims":{',
        '"claims":{"P625":[{"mainsnak":{"snaktype":"value",'
        '"property":"P625","datavalue":{"type":"globecoordinate","value":{"latitude":NaN}}},'
        '"type":"statement","rank":"normal"}],',
        1,
    )
    dump = tmp_path / "latest-all.json"
    dump.write_text(f"[\n{odd}\n]\n", "utf-8")
    build_snapshot([dump], tmp_path / "facts.sqlite")
    source = SqliteSnapshotSource(tmp_path / "facts.sqlite")
    assert source.entities([doc["id"]])[doc["id"]].label == pick_text(doc["labels"])


@pytest.mark.parametrize("name", ["facts.sqlite", "facts.jsonl"])
def test_a_lone_surrogate_in_a_name_is_replaced_not_a_crash(tmp_path, capsys, name):
    """'\\ud800' is legal JSON but no character: UTF-8 and SQLite text cannot hold it."""
    doc = json.loads(DUMP.read_text("utf-8").splitlines()[1].rstrip(","))
    doc["aliases"] = {"en": [{"language": "en", "value": "Odd \\ud800 Name"}]}
    dump = tmp_path / "latest-all.json"
    dump.write_text("[\n" + json.dumps(doc).replace("\\\\ud800", "\\ud800") + "\n]\n", "utf-8")
    out = tmp_path / name
    assert main(["snapshot", "build", str(out), str(dump)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    source = SqliteSnapshotSource(out) if name.endswith(".sqlite") else SnapshotSource.load(out)
    assert doc["id"] in [c.id for c in source.search("Odd \ufffd Name")]
