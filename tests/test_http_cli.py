"""End to end: `claimcheck check` against a Wikidata that refuses us ends with a clear outcome."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from claimcheck.__main__ import main
from claimcheck.errors import ExitStatus


class Refusing(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.send_response(429)
        self.send_header(
            "Retry-After", "86400"
        )  # over the cap: the client gives up without waiting
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html>Too many requests</html>")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def refusing_api() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    server.shutdown()


@pytest.mark.slow
def test_unavailable_source_gives_not_checked_claims_and_a_distinct_exit(
    refusing_api, tmp_path, capsys
):
    article = tmp_path / "story.txt"
    article.write_text("NATO's 30 member states met in Brussels on Wednesday.\n", encoding="utf-8")
    status = main(
        [
            "check",
            str(article),
            "--format",
            "jsonl",
            "--as-of",
            "2022-01-12",
            "--api-url",
            refusing_api,
            "--sparql-url",
            refusing_api,
            "--contact",
            "tests@example.org",
            "--cache-dir",
            str(tmp_path / "cache"),
        ]
    )
    out = capsys.readouterr().out
    assert "source_unavailable" in out
    assert status not in (ExitStatus.OK, ExitStatus.FINDINGS)


@pytest.mark.parametrize("spec", ["nosuch", "snapshot:", "snapshot"])
def test_an_unknown_source_is_a_usage_error_before_any_work(spec, tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_text("NATO has 30 members.\n", encoding="utf-8")
    assert main(["check", str(article), "--source", spec]) == ExitStatus.ERROR
    assert (
        "choose wikidata, worldbank, worldbank-archives or snapshot:PATH" in capsys.readouterr().err
    )
