"""Fault matrix B, socket-level: a local server on 127.0.0.1 misbehaves on purpose; transport
errors requests raises without a server (DNS, TLS, connect timeout) come from a mounted adapter."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from claimcheck.errors import SourceError, SourceUnavailable
from claimcheck.http import HttpClient, HttpPolicy, new_session

OK = b'{"search": [], "success": 1}'
HEAD = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"


def _read_request(conn: socket.socket) -> None:
    # Closing with unread request bytes makes the kernel send a reset, which the client would see
    # as a connection error instead of the fault under test.
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = conn.recv(65536)
        if not chunk:
            return
        received += chunk


def _serve(conn: socket.socket, behaviour: str) -> None:
    # Every answer says "Connection: close": a pooled socket this server has already closed would
    # fail the next attempt with a connection error instead of the fault under test.
    _read_request(conn)
    if behaviour == "slow":
        time.sleep(1.0)  # longer than the client's read timeout
    elif behaviour in ("drip", "silent"):
        _drip(conn, behaviour == "drip")
    elif behaviour == "reset":
        conn.sendall(HEAD + b"Content-Length: 500\r\n\r\n" + OK[:10])
    elif behaviour == "badgzip":
        body = b"\x1f\x8b\x08\x00garbage-not-deflate" * 4
        conn.sendall(
            HEAD
            + b"Content-Encoding: gzip\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
    elif behaviour == "bomb":
        body = gzip.compress(b" " * (4 * 1024 * 1024))
        conn.sendall(
            HEAD
            + b"Content-Encoding: gzip\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
    else:
        conn.sendall(HEAD + f"Content-Length: {len(OK)}\r\n\r\n".encode() + OK)
    try:
        conn.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    conn.close()


def _drip(conn: socket.socket, drip: bool) -> None:
    """One byte every 0.1 s, each well inside the read timeout (or nothing at all), for 20 s."""
    body = b'{"search": [], "success": 1}' + b" " * 200
    try:
        if drip:
            conn.sendall(HEAD + f"Content-Length: {len(body)}\r\n\r\n".encode())
        for byte in body:
            time.sleep(0.1)
            if drip:
                conn.sendall(bytes([byte]))
    except OSError:
        pass  # the client gave up and closed: what the test wants


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """Serves one behaviour per connection, in the order of the list the test fills."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(5)
    plan: list[str] = []

    def run() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(
                target=_serve, args=(conn, plan.pop(0) if plan else "ok"), daemon=True
            ).start()

    threading.Thread(target=run, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/w/api.php", plan
    listener.close()


def client(**policy) -> tuple[HttpClient, list[float]]:
    sleeps: list[float] = []
    defaults = {"read_timeout": 0.3, "connect_timeout": 0.3}
    http = HttpClient(
        new_session(),
        contact="tests@example.org",
        sleep=sleeps.append,
        jitter=lambda: 1.0,
        policy=HttpPolicy(**{**defaults, **policy}),
    )
    return http, sleeps


def test_read_timeout_is_retried_then_succeeds(server):
    url, plan = server
    plan.extend(["slow"])
    http, sleeps = client()
    assert http.get_json(url, {"q": "1"}, expiry=0).data == {"search": [], "success": 1}
    assert sleeps == [1.0]


def test_read_timeouts_exhaust_the_budget(server):
    url, plan = server
    plan.extend(["slow"] * 4)
    http, _ = client()
    with pytest.raises(SourceUnavailable, match="ReadTimeout"):
        http.get_json(url, {}, expiry=0)


def test_connection_reset_mid_body_is_retried(server):
    url, plan = server
    plan.extend(["reset"])
    http, sleeps = client()
    assert http.get_json(url, {}, expiry=0).data["success"] == 1 and len(sleeps) == 1


def test_corrupt_gzip_is_retried_then_unavailable(server):
    url, plan = server
    plan.extend(["badgzip"] * 4)
    http, _ = client()
    with pytest.raises(SourceUnavailable, match="ContentDecodingError"):
        http.get_json(url, {}, expiry=0)


def test_decompression_bomb_is_refused_by_the_size_cap(server):
    url, plan = server
    plan.extend(["bomb"])
    http, sleeps = client(max_bytes=1024 * 1024)
    with pytest.raises(SourceError, match="larger than"):
        http.get_json(url, {}, expiry=0)
    assert sleeps == []


class Raising(requests.adapters.BaseAdapter):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error, self.calls = error, 0

    def send(self, request, **kwargs):
        self.calls += 1
        raise self.error

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    "error",
    [
        requests.exceptions.ConnectTimeout("connect timed out"),
        requests.exceptions.ConnectionError(
            "Failed to resolve 'www.wikidata.org' (NameResolutionError)"
        ),
    ],
)
def test_transport_errors_become_source_unavailable(error):
    session = new_session()
    adapter = Raising(error)
    session.mount("https://", adapter)
    sleeps: list[float] = []
    http = HttpClient(session, contact="x@example.org", sleep=sleeps.append, jitter=lambda: 0.0)
    with pytest.raises(SourceUnavailable) as raised:
        http.get_json("https://www.wikidata.org/w/api.php", {}, expiry=0)
    assert adapter.calls == 4 and len(sleeps) == 3
    assert raised.value.reason == "source_unavailable"
    assert not isinstance(raised.value.__cause__, requests.RequestException)


def test_tls_error_is_not_retried():
    session = new_session()
    adapter = Raising(requests.exceptions.SSLError("certificate verify failed"))
    session.mount("https://", adapter)
    http = HttpClient(session, contact="x@example.org", sleep=lambda s: None)
    with pytest.raises(SourceUnavailable, match="TLS"):
        http.get_json("https://www.wikidata.org/w/api.php", {}, expiry=0)
    assert adapter.calls == 1


@pytest.mark.parametrize("behaviour", ["drip", "silent"])
def test_a_server_that_drips_or_never_answers_is_given_up_on_at_the_deadline(server, behaviour):
    """H11: a server sending one byte every few seconds restarted the read timeout for ever; one
    that never answered held each lookup for 129 s. A request has a wall-clock deadline."""
    url, plan = server
    plan.extend([behaviour] * 10)
    warnings: list[str] = []
    http = HttpClient(
        new_session(),
        contact="tests@example.org",
        policy=HttpPolicy(read_timeout=0.5, connect_timeout=0.5, request_deadline=1.5),
        jitter=lambda: 0.0,
        warn=warnings.append,
    )
    started = time.monotonic()
    with pytest.raises(SourceUnavailable, match="did not answer"):
        http.get_json(url, {}, expiry=0)
    assert time.monotonic() - started < 5
    assert (
        warnings[-1].startswith("[CC906] 127.0.0.1:") and "--source snapshot:PATH" in warnings[-1]
    )


def test_the_run_deadline_bounds_every_lookup_together(server):
    url, plan = server
    plan.extend(["drip"] * 10)
    http = HttpClient(
        new_session(),
        contact="tests@example.org",
        policy=HttpPolicy(read_timeout=0.5, request_deadline=30, run_deadline=1.0),
        jitter=lambda: 0.0,
    )
    started = time.monotonic()
    with pytest.raises(SourceUnavailable):
        http.get_json(url, {"q": "1"}, expiry=0)
    with pytest.raises(SourceUnavailable):  # spent: the next lookup fails at once
        http.get_json(url, {"q": "2"}, expiry=0)
    assert time.monotonic() - started < 5
