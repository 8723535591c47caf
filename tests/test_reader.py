"""Inputs → Documents: encodings, front matter, HTML, JSON lines, folders, stdin, and the
one-line reasons an input cannot be read."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from claimcheck.read.documents import ReadOptions, Unreadable, read_inputs

TEXT = "NATO has 30 member states.\n"


def read(paths, stdin: bytes | None = None, **options):
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], ReadOptions(**options), stream))


def one(tmp_path, name: str, data: bytes, **options):
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = read([path], **options)
    return item


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),  # with the platform's byte-order mark
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT),
        (b"line one\r\nline two\rline three\n", "line one\r\nline two\rline three\n"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-le-bom", "utf16-be-bom", "crlf-kept"],
)
def test_text_decodes_without_moving_offsets(tmp_path, data, expected):
    document = one(tmp_path, "a.txt", data)
    assert document.text == expected and document.format == "text"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"  \n\t\n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (TEXT.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        ("café costs €5".encode("cp1252"), "not UTF-8 text"),
    ],
    ids=["empty", "whitespace", "png", "utf16-no-bom", "cp1252"],
)
def test_unreadable_inputs_say_why_in_one_line(tmp_path, data, reason):
    item = one(tmp_path, "bad.txt", data)
    assert isinstance(item, Unreadable)
    assert reason in item.message and "\n" not in item.message
    assert item.message.startswith(str(tmp_path / "bad.txt"))


def test_missing_file_is_reported(tmp_path):
    (missing,) = read([tmp_path / "nope.txt"])
    assert isinstance(missing, Unreadable) and "no such file" in missing.message


def test_front_matter_sets_date_and_title_and_is_not_mined(tmp_path):
    data = b"---\ntitle: Talks\ndate: 2022-01-12\n---\nNATO met on Wednesday.\n"
    document = one(tmp_path, "a.md", data)
    assert document.title == "Talks" and document.date == dt.date(2022, 1, 12)
    assert document.date_source == "front_matter"
    assert document.text[document.body_start :] == "NATO met on Wednesday.\n"


def test_front_matter_published_key_and_code_is_skipped(tmp_path):
    data = b"---\npublished: 2021-03-04T10:00:00Z\n---\nSee `30 members` and:\n```\n5 km\n```\n"
    document = one(tmp_path, "a.md", data)
    assert document.date == dt.date(2021, 3, 4)
    skipped = [document.text[s.start : s.end] for s in document.skip]
    assert "`30 members`" in skipped and any("5 km" in s for s in skipped)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"---\ntitle: [unclosed\n---\nbody\n", "front matter is not valid YAML"),
        (b"---\n!!python/object/apply:os.system ['echo hi']\n---\nbody\n", "not valid YAML"),
        (b"---\ntitle: x\nbody with no closing line\n", "front matter is not closed"),
        (b"---\n- a list\n---\nbody\n", "must be a mapping"),
    ],
    ids=["malformed", "unsafe-tag", "unclosed", "not-a-mapping"],
)
def test_bad_front_matter_is_reported(tmp_path, data, reason):
    item = one(tmp_path, "a.md", data)
    assert isinstance(item, Unreadable) and reason in item.message


HTML = """<!doctype html><html><head><title>Talks end</title>
<meta property="article:published_time" content="2022-01-12T18:00:00Z">
<script>document.write('1,000,000 hidden numbers')</script><style>p{width:300px}</style>
</head><body><nav>Home | World</nav><article><h1>Talks end</h1>
<p>NATO's 30 member states met Russia for roughly four hours in Brussels on Wednesday, and the
talks ended without a breakthrough, officials said after the long session.</p>
<p>More than 100,000 Russian troops are positioned near the border with Ukraine, according to
Western intelligence estimates published this week by several governments.</p>
</article></body></html>"""


def test_html_gives_main_text_and_publication_date(tmp_path):
    document = one(tmp_path, "a.html", HTML.encode())
    assert document.format == "html" and document.date == dt.date(2022, 1, 12)
    assert "30 member states" in document.text and "100,000" in document.text
    assert "hidden numbers" not in document.text and "width" not in document.text


def test_html_without_text_is_unreadable(tmp_path):
    item = one(tmp_path, "a.html", b"<html><body><script>x=1</script></body></html>")
    assert isinstance(item, Unreadable) and "no main text" in item.message


def test_jsonl_batch_reports_bad_lines_by_number_and_keeps_the_rest(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "30 member states", "date": "2022-01-12", "title": "A"}),
        "{not json",
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "d", "text": ""}),
        json.dumps({"id": "e", "text": "ok", "date": "12/01/2022"}),
        json.dumps({"text": "no id here"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = read([path])
    good = [i for i in items if not isinstance(i, Unreadable)]
    bad = {i.source.rsplit(":", 1)[1]: i.message for i in items if isinstance(i, Unreadable)}
    assert [d.id for d in good] == ["a", f"{path.as_posix()}:7"]
    assert good[0].date == dt.date(2022, 1, 12) and good[0].title == "A"
    assert good[0].date_source == "jsonl"
    assert sorted(bad) == ["2", "4", "5", "6"]
    assert "not valid JSON" in bad["2"] and "ISO date" in bad["6"]


def test_folder_with_glob_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b.md", "a.md", "sub/c.md", "notes.txt", ".git/x.md", ".hidden.md"):
        (tmp_path / name).write_text("Some 5 km of road.\n", "utf-8")
    ids = [d.id for d in read([tmp_path], glob="*.md")]
    assert [i.removeprefix(tmp_path.as_posix() + "/") for i in ids] == ["a.md", "b.md", "sub/c.md"]


def test_one_bad_file_in_a_folder_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    items = read([tmp_path])
    assert [type(i).__name__ for i in items] == ["Unreadable", "Document"]


def test_empty_folder_is_reported(tmp_path):
    (item,) = read([tmp_path])
    assert isinstance(item, Unreadable) and "no files" in item.message


def test_stdin_with_a_display_name_picks_the_format(tmp_path):
    data = b"---\ndate: 2022-01-12\n---\nbody 5 km\n"
    (document,) = read(["-"], stdin=data, stdin_filename="story.md")
    assert document.id == "story.md" and document.format == "markdown"
    assert document.date == dt.date(2022, 1, 12) and document.path == "story.md"


def test_empty_stdin_is_unreadable():
    (item,) = read(["-"], stdin=b"")
    assert isinstance(item, Unreadable) and item.source == "-" and "empty" in item.message


def test_inputs_over_the_size_limit_are_skipped(tmp_path):
    item = one(tmp_path, "big.txt", b"x" * 100, max_bytes=10)
    assert isinstance(item, Unreadable) and "over the limit" in item.message


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (b"<!-- draft -->\n---\ntitle: After a comment\n---\nbody 5 km\n", "After a comment"),
        (b"---\r\ntitle: Windows\r\n---\r\nbody 5 km\r\n", "Windows"),
        (b"---\n---\nbody 5 km\n", None),
    ],
    ids=["comment-first", "crlf", "empty-block"],
)
def test_front_matter_variants(tmp_path, data, title):
    document = one(tmp_path, "a.md", data)
    assert document.title == title
    assert document.text[document.body_start :].strip() == "body 5 km"


def test_front_matter_error_lines_count_a_leading_comment(tmp_path):
    plain = one(tmp_path, "a.md", b"---\ntitle: ok\nbad: [\n---\nbody\n")
    item = one(tmp_path, "b.md", b"<!-- c -->\n---\ntitle: ok\nbad: [\n---\nbody\n")
    assert plain.message.startswith(f"{tmp_path / 'a.md'}:3:")
    assert item.message.startswith(f"{tmp_path / 'b.md'}:4:")


def test_jsonl_line_numbers_survive_unicode_line_separators(tmp_path):
    lines = [json.dumps({"id": "a", "text": "x\u2028y"}, ensure_ascii=False), "{bad"]
    path = tmp_path / "b.jsonl"
    path.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    items = read([path])
    assert items[0].text == "x\u2028y"
    assert isinstance(items[1], Unreadable) and items[1].source.endswith(":2")


def test_folder_without_glob_reads_only_article_formats(tmp_path):
    for name in ("a.txt", "b.md", "c.html", "d.jsonl", "e.py", "f.png", "g"):
        (tmp_path / name).write_text("x", "utf-8")
    items = read([tmp_path])
    sources = sorted(Path(getattr(i, "path", None) or i.source).name.split(":")[0] for i in items)
    # d.jsonl is a data file as far as a folder run knows (name it, or --glob it, to read a batch)
    assert sources == ["a.txt", "b.md", "c.html"]
