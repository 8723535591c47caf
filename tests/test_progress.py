"""Progress inside a long document: a person watching a terminal sees how far into one huge
document `check` is; a pipe, a CI log or --quiet sees nothing, and stdout never does."""

from __future__ import annotations

import io
import json
import re

import pytest

from claimcheck import pipeline
from claimcheck.__main__ import main
from claimcheck.config import Settings
from claimcheck.model import Document
from claimcheck.render import terminal

SENTENCE = "The council met on 3 March 2021 and 28 member states sent 1,200 delegates. "


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _shown(stream: io.StringIO) -> str:
    """What the terminal was sent, control sequences left out."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", stream.getvalue())


def test_the_pipeline_reports_characters_done_of_each_document(nlp) -> None:
    text = SENTENCE * 40
    seen: list[tuple[str, int, int]] = []
    documents = [Document(id="long.txt", text=text), Document(id="short.txt", text=SENTENCE)]
    settings = Settings(verify=False)
    results = list(
        pipeline.check(
            documents, nlp, settings, on_progress=lambda d, a, b: seen.append((d.id, a, b))
        )
    )
    assert [r.document.id for r in results] == ["long.txt", "short.txt"]
    long = [(done, total) for doc, done, total in seen if doc == "long.txt"]
    assert len(long) > 10  # one report per parsed chunk, not one per document
    assert all(total == len(text) for _, total in long)
    assert [done for done, _ in long] == sorted(done for done, _ in long)
    assert long[-1][0] == len(text.rstrip())
    assert seen[-1] == ("short.txt", len(SENTENCE.rstrip()), len(SENTENCE))


def test_a_long_document_shows_its_share_done_on_a_terminal() -> None:
    stderr = Tty()
    shown = terminal.Progress(True, stderr)
    document = Document(id="huge.txt", text="")
    total = 1_000_000
    for _ in shown.documents([1]):
        pass
    for done in (0, 4_000, 450_000, 455_000, 1_000_000):
        shown.within(document, done, total)  # after the loop: the spinner is gone, nothing shows
    assert "huge.txt" not in _shown(stderr)

    def work():
        for done in (4_000, 450_000, 451_000, 1_000_000):
            shown.within(document, done, total)
        yield "huge.txt"
        shown.within(Document(id="small.txt", text=""), 50, 100)  # short: not worth a line
        yield "small.txt"

    stderr = Tty()
    shown = terminal.Progress(True, stderr)
    assert list(shown.documents(work())) == ["huge.txt", "small.txt"]
    out = _shown(stderr)
    assert "checking: 45% of 1,000,000 characters in huge.txt" in out
    assert "checking: 1 document, " not in out and "small.txt" not in out


def test_a_long_document_is_counted_after_the_ones_before_it() -> None:
    stderr = Tty()
    shown = terminal.Progress(True, stderr)

    def work():
        yield "first.txt"
        shown.within(Document(id="big.md", text=""), 300_000, 400_000)
        yield "big.md"

    list(shown.documents(work()))
    assert "checking: 1 document, 75% of 400,000 characters in big.md" in _shown(stderr)


def test_disabled_progress_writes_nothing() -> None:
    stderr = Tty()
    shown = terminal.Progress(False, stderr)
    assert list(shown.documents(["a"])) == ["a"]
    shown.within(Document(id="huge.txt", text=""), 500_000, 1_000_000)
    assert stderr.getvalue() == ""


@pytest.mark.parametrize("quiet", [False, True])
def test_check_shows_progress_inside_a_long_document_on_stderr_only(
    tmp_path, monkeypatch, capsys, quiet
) -> None:
    monkeypatch.setattr(terminal, "LONG_DOCUMENT", 1_000)  # a short test stands for a long file
    story = tmp_path / "story.txt"
    story.write_text(SENTENCE * 60, encoding="utf-8")
    stderr = Tty()
    monkeypatch.setattr("sys.stderr", stderr)
    args = ["check", str(story), "--no-verify", "--format", "jsonl", *(["--quiet"] * quiet)]
    status = main(args)
    stdout = capsys.readouterr().out
    assert status in (0, 1)
    assert all(json.loads(line) for line in stdout.splitlines())
    assert "%" not in stdout and "characters" not in stdout
    within = re.findall(r"checking: (\d+)% of 4,500 characters in /", _shown(stderr))
    if quiet:
        assert within == []
    else:
        assert len(within) > 5, _shown(stderr)[-600:]
        assert within == sorted(within, key=int)
