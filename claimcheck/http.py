"""The one HTTP client: the only module that imports requests.

Production manners towards a shared public service: a descriptive User-Agent with a contact, one
request at a time, gzip, connect and read timeouts, retries with jittered backoff for connection
errors and 5xx, Retry-After honoured (seconds or HTTP-date) up to a cap, strict JSON with a size
cap, and an optional persistent cache. It raises claimcheck's errors, never requests' own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import json
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests

from claimcheck import __version__
from claimcheck.cache import Cache
from claimcheck.errors import OfflineCacheMiss, SourceError, SourceUnavailable

PROJECT_URL = "https://github.com/claimcheck/claimcheck"
JSON_TYPES = ("application/json", "application/sparql-results+json")
Sleep = Callable[[float], None]
Clock = Callable[[], dt.datetime]
Warn = Callable[[str], None]


class ResponseTooLarge(SourceError):
    """A body over the size cap: a caller may ask for less (a smaller batch) and try again."""


@dataclass(frozen=True)
class HttpPolicy:
    """How patient the client is. `budget` bounds the total seconds spent waiting per request."""

    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    attempts: int = 4
    backoff: float = 1.0
    backoff_cap: float = 30.0
    retry_after_cap: float = 120.0
    retry_after_default: float = 60.0  # WDQS asks for a minute when a 429 carries no hint
    budget: float = 300.0
    # Wall-clock bounds that no server can stretch: a read timeout restarts with every byte, so a
    # server dripping one byte every few seconds would otherwise hold one request for ever.
    request_deadline: float = 60.0  # one lookup: its attempts, reads and waits together
    run_deadline: float = 600.0  # every lookup of the run together
    max_bytes: int = 32 * 1024 * 1024
    anonymous_requests: int = 100  # a batch run beyond this needs a contact in the User-Agent


@dataclass(frozen=True)
class RetryHint:
    """An application-level refusal inside a 200 body (maxlag, ratelimited): wait and retry.
    `wait` None means the client's own backoff schedule."""

    reason: str
    wait: float | None = None


# Looks at a decoded body and its headers; a RetryHint asks for another attempt.
BodyCheck = Callable[[Any, Mapping[str, str]], RetryHint | None]


@dataclass(frozen=True)
class JsonResponse:
    url: str
    data: Any
    retrieved_at: str  # ISO 8601 UTC
    from_cache: bool
    raw: bytes = field(default=b"", repr=False)


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.wait = reason, wait


def user_agent(contact: str | None) -> str:
    """`claimcheck/<ver> (+<project URL>; <contact>) python-requests/<ver>`, per Wikimedia."""
    about = f"+{PROJECT_URL}; {contact}" if contact else f"+{PROJECT_URL}"
    return f"claimcheck/{__version__} ({about}) python-requests/{requests.__version__}"


def new_session() -> requests.Session:
    return requests.Session()


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class HttpClient:
    """GET JSON with retries and a cache. Requests go out one at a time, and a host that asked us
    to wait is left alone until then."""

    def __init__(
        self,
        session: requests.Session,
        *,
        contact: str | None,
        cache: Cache | None = None,
        offline: bool = False,
        policy: HttpPolicy | None = None,
        sleep: Sleep = time.sleep,
        clock: Clock = utc_now,
        jitter: Callable[[], float] | None = None,
        warn: Warn | None = None,
        timer: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session, self.cache, self.offline = session, cache, offline
        self.policy = policy or HttpPolicy()
        self.sleep, self.clock, self.timer = sleep, clock, timer
        self._spent = 0.0  # seconds this run has spent on the network, waits included
        self.jitter = jitter or random.Random().random
        self.warn = warn or (lambda message: None)
        self.requests_sent = 0
        self._lock = threading.Lock()
        self._not_before: dict[str, dt.datetime] = {}
        self._unavailable: str | None = None
        self._anonymous = not contact
        session.headers["User-Agent"] = user_agent(contact)
        session.headers["Accept-Encoding"] = "gzip"
        # Said before the first request, not here: a run that never reaches the network (a
        # cached answer, a usage error, a snapshot-only check) has nothing to warn about.
        self._contact_unsaid = not contact and not offline

    def get_json(
        self,
        url: str,
        params: Mapping[str, str],
        *,
        expiry: float,
        check: BodyCheck | None = None,
        cacheable: Callable[[Any], bool] = lambda data: True,
    ) -> JsonResponse:
        """The decoded JSON body of GET url?params, from the cache when fresh (or when offline)."""
        key = f"{url}?{urlencode(sorted(params.items()))}"
        cached = self._from_cache(key, expiry)
        if cached is not None and cacheable(cached.data):
            return cached  # one of the wrong shape (an older version's) is fetched afresh
        if self.offline:
            raise OfflineCacheMiss(f"offline and not in the cache: {_host(url)}")
        try:
            with self._lock:
                response = self._fetch(url, params, check)
        except SourceUnavailable:
            # An outage falls back to an expired answer; its retrieved_at shows how old it is.
            stale = self._from_cache(key, None)
            if stale is None or not cacheable(stale.data):
                raise
            self.warn(f"{_host(url)} unavailable; using a cached answer from {stale.retrieved_at}")
            return stale
        if self.cache is not None and cacheable(response.data):
            self.cache.put(key, response.raw, response.retrieved_at)
        return response

    def _from_cache(self, key: str, expiry: float | None) -> JsonResponse | None:
        if self.cache is None:
            return None
        entry = self.cache.get(key, None if self.offline else expiry, self.clock())
        if entry is None:
            return None
        try:
            data = decode_json(entry.body)
        except SourceError:
            return None
        return JsonResponse(url=key, data=data, retrieved_at=entry.retrieved_at, from_cache=True)

    def _fetch(self, url: str, params: Mapping[str, str], check: BodyCheck | None) -> JsonResponse:
        if self._unavailable is not None:
            raise SourceUnavailable(self._unavailable)
        if self._anonymous and self.requests_sent >= self.policy.anonymous_requests:
            raise SourceError(
                f"more than {self.policy.anonymous_requests} requests without a contact: set "
                "--contact or CLAIMCHECK_CONTACT (an e-mail or URL) so Wikimedia can reach you"
            )
        if self._contact_unsaid:
            self._contact_unsaid = False
            self.warn(
                "no contact for the User-Agent: set --contact, 'contact' in the config, or "
                "CLAIMCHECK_CONTACT; Wikimedia may block anonymous clients"
            )
        started = self.timer()
        try:
            return self._attempts(url, params, check, started)
        finally:
            self._spent += self.timer() - started

    def _attempts(
        self, url: str, params: Mapping[str, str], check: BodyCheck | None, started: float
    ) -> JsonResponse:
        waited, attempt, last = 0.0, 0, "no attempt made"
        while True:
            self._wait_for_host(url)
            try:
                return self._attempt(url, params, check, self._time_left(started))
            except _Retry as retry:
                attempt, last = attempt + 1, retry.reason
                wait = retry.wait if retry.wait is not None else self._backoff(attempt)
                if wait > self.policy.retry_after_cap:
                    self._give_up(
                        f"{_host(url)} asked us to wait {wait:.0f} s, more than the "
                        f"{self.policy.retry_after_cap:.0f} s cap ({last})"
                    )
                if attempt >= self.policy.attempts or waited + wait > self.policy.budget:
                    self._give_up(f"{_host(url)} did not answer after {attempt} attempts ({last})")
                if self._time_left(started) - wait <= 0:
                    self._give_up(f"{_host(url)} did not answer {self._deadline_said()} ({last})")
                self.warn(f"waiting {wait:.1f} s for {_host(url)} ({last})")
                self.sleep(wait)
                waited += wait

    def _time_left(self, started: float) -> float:
        """Seconds this request may still take: the lesser of its own and the run's deadline."""
        elapsed = self.timer() - started
        return min(
            self.policy.request_deadline - elapsed, self.policy.run_deadline - self._spent - elapsed
        )

    def _deadline_said(self) -> str:
        return (
            f"within the {self.policy.request_deadline:.0f} s deadline per request "
            f"({self.policy.run_deadline:.0f} s per run)"
        )

    def _give_up(self, message: str) -> None:
        # Once the budget is spent, later lookups in this run fail fast instead of waiting again.
        self._unavailable = message
        self.warn(
            f"[CC906] {message}: claims that need it are not checked (exit status 3). Without "
            "the network, check against a local snapshot (--source snapshot:PATH) or skip "
            "verification (--no-verify)"
        )
        raise SourceUnavailable(message)

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.policy.backoff_cap, self.policy.backoff * 2 ** (attempt - 1))
        return ceiling * (0.5 + self.jitter() / 2)

    def _wait_for_host(self, url: str) -> None:
        until = self._not_before.get(_host(url))
        if until is not None:
            delay = (until - self.clock()).total_seconds()
            if delay > 0:
                self.sleep(delay)

    def _attempt(
        self, url: str, params: Mapping[str, str], check: BodyCheck | None, time_left: float
    ) -> JsonResponse:
        if time_left <= 0:
            raise _Retry(f"no answer {self._deadline_said()}", 0.0)
        self.requests_sent += 1
        timeout = (
            min(self.policy.connect_timeout, time_left),
            min(self.policy.read_timeout, time_left),
        )
        cut = threading.Event()
        try:
            with (
                self.session.get(url, params=params, timeout=timeout, stream=True) as response,
                _cut_off_after(response, time_left, cut),
            ):
                self._check_status(url, response)
                body = read_capped(response, self.policy.max_bytes)
                content_type = response.headers.get("Content-Type", "")
                headers = dict(response.headers)
            if cut.is_set():
                raise _Retry(f"the answer took longer than {time_left:.0f} s", 0.0)
        except requests.TooManyRedirects:
            self._give_up(f"{_host(url)} redirects in a loop")
        except requests.exceptions.SSLError:
            # A certificate problem does not mend by retrying; say so at once.
            raise SourceUnavailable(f"TLS error talking to {_host(url)}") from None
        except (
            requests.Timeout,
            requests.ConnectionError,
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
        ) as err:
            if cut.is_set():
                raise _Retry(f"the answer took longer than {time_left:.0f} s", 0.0) from None
            raise _Retry(f"{type(err).__name__}") from None
        except requests.RequestException as err:
            raise SourceError(f"cannot request {_host(url)}: {type(err).__name__}") from None
        if content_type.split(";")[0].strip().lower() not in JSON_TYPES:
            raise _Retry(
                f"expected JSON, got '{content_type or 'no content type'}': {_excerpt(body)}"
            )
        try:
            data = decode_json(body)
        except SourceError as err:
            raise _Retry(str(err)) from None
        hint = check(data, headers) if check is not None else None
        if hint is not None:
            raise _Retry(hint.reason, hint.wait)
        return JsonResponse(
            url=url, data=data, retrieved_at=_iso(self.clock()), from_cache=False, raw=body
        )

    def _check_status(self, url: str, response: requests.Response) -> None:
        status = response.status_code
        if status in (429, 503):
            wait = retry_after(response.headers.get("Retry-After"), self.clock())
            if wait is None:
                wait = self.policy.retry_after_default if status == 429 else None
            if wait is not None:
                self._not_before[_host(url)] = self.clock() + dt.timedelta(
                    seconds=min(wait, self.policy.retry_after_cap)
                )
            raise _Retry(f"HTTP {status}", wait)
        if status >= 500:
            raise _Retry(f"HTTP {status}: {_excerpt(next(response.iter_content(300), b''))}")
        if status == 403:
            raise SourceError(
                f"{_host(url)} refused the request (HTTP 403); it may block clients "
                "without a contact: set --contact or CLAIMCHECK_CONTACT"
            )
        if status >= 400:
            raise SourceError(f"{_host(url)} answered HTTP {status}")


@contextlib.contextmanager
def _cut_off_after(
    response: requests.Response, seconds: float, cut: threading.Event
) -> Iterator[None]:
    """Shut the connection once `seconds` have passed, however the server paces its bytes: a
    blocked read wakes up, and `cut` says why it ended."""

    def shut() -> None:
        cut.set()
        sock = _socket_of(response)
        if sock is not None:  # the read under way wakes within its own timeout; the next fails
            with contextlib.suppress(OSError):
                sock.settimeout(0.001)
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(seconds, shut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _socket_of(response: requests.Response) -> socket.socket | None:
    """The socket a streamed body is read from (the connection lets go of it when the server
    says `Connection: close`, the body's file object does not)."""
    raw = getattr(response, "raw", None)
    sock = getattr(getattr(raw, "_connection", None), "sock", None)
    body = getattr(getattr(getattr(raw, "_fp", None), "fp", None), "raw", None)
    found = sock or getattr(body, "_sock", None)
    return found if isinstance(found, socket.socket) else None


def retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Seconds to wait from Retry-After: delta-seconds or an HTTP-date (a past date is 0)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


def retry_after_seconds(value: str | None) -> float | None:
    """The delta-seconds form only, as the Action API sends with a maxlag refusal."""
    text = (value or "").strip()
    return float(text) if text.isdigit() else None


def read_capped(response: requests.Response, limit: int) -> bytes:
    """The decoded body, refusing more than `limit` bytes (after gzip, so a bomb is caught too)."""
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if size > limit:
            raise ResponseTooLarge(
                f"response from {_host(response.url)} is larger than {limit} bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def decode_json(body: bytes) -> Any:
    """Strict JSON: no NaN/Infinity, decimals as Decimal, never float."""
    try:
        return json.loads(
            body.decode("utf-8"), parse_float=Decimal, parse_constant=_reject_constant
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise SourceError(f"invalid JSON ({type(err).__name__}): {_excerpt(body)}") from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


def _excerpt(body: bytes, size: int = 80) -> str:
    text = body[:size].decode("utf-8", "replace")
    return " ".join(text.split()) + ("…" if len(body) > size else "")


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
