"""Folder runs read articles, not the data files that often sit beside them."""

from __future__ import annotations

from claimcheck.read.documents import ReadOptions, Unreadable, read_inputs


def _ids(folder, **options):
    return [
        getattr(item, "id", None) or item.source
        for item in read_inputs([str(folder)], ReadOptions(**options))
        if not isinstance(item, Unreadable)
    ]


def test_folder_skips_jsonl_data_files_unless_globbed(tmp_path):
    (tmp_path / "story.md").write_text("NATO has 30 members.\n")
    (tmp_path / "snapshot.jsonl").write_text('{"id": "Q1", "labels": {}}\n')
    (tmp_path / "batch.jsonl").write_text('{"id": "b1", "text": "Ten troops left."}\n')
    assert _ids(tmp_path) == [f"{tmp_path}/story.md"]
    assert _ids(tmp_path, glob="batch.jsonl") == ["b1"]
