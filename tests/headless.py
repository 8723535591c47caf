"""A headless Chromium driven over the DevTools protocol, for the tests that look at the HTML
report as a reader would: open a page, click where a person clicks, read what is on screen,
collect console errors, take a screenshot. Debian's `chromium` package; websocket-client for the
protocol (one socket, sessions flattened onto it)."""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import websocket

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1000,1300",
    "--hide-scrollbars",
)
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Page:
    """One tab. `errors` gathers console errors, uncaught exceptions and the browser's own
    error log entries (a blocked resource, a Content Security Policy violation)."""

    def __init__(self, socket: websocket.WebSocket, session: str) -> None:
        self.socket = socket
        self.session = session
        self.errors: list[str] = []
        self.events: list[dict[str, Any]] = []
        self._ids = itertools.count(1)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        ident = next(self._ids)
        message = {"id": ident, "method": method, "params": params, "sessionId": self.session}
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == ident:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._event(reply)

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method", ""), message.get("params", {})
        self.events.append(message)
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(json.dumps(params.get("args"))[:300])
        elif method == "Runtime.exceptionThrown":
            self.errors.append(str(params.get("exceptionDetails", {}).get("text")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append(str(params["entry"].get("text")))

    def wait_for(self, method: str, timeout: float = 20) -> None:
        if any(e.get("method") == method for e in self.events):
            return
        self.socket.settimeout(timeout)
        while True:
            message = json.loads(self.socket.recv())
            self._event(message)
            if message.get("method") == method:
                return

    def open(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
        time.sleep(0.2)  # let the fragment navigation and the restyle land

    def screenshot(self, path: Path) -> int:
        data = base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])
        path.write_bytes(data)
        return len(data)


@contextlib.contextmanager
def browser(binary: str) -> Iterator[Page]:
    """A fresh Chromium with its own throwaway profile; one page, with console and log on."""
    # Chromium's helper processes may still write to the profile as the browser exits: a file
    # left behind in /tmp is no test failure.
    with tempfile.TemporaryDirectory(
        prefix="claimcheck-chromium-", ignore_cleanup_errors=True
    ) as profile:
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            socket = websocket.create_connection(
                _endpoint(Path(profile)), timeout=20, suppress_origin=True
            )
            target = _command(socket, "Target.createTarget", url="about:blank")["targetId"]
            attached = _command(socket, "Target.attachToTarget", targetId=target, flatten=True)
            page = Page(socket, attached["sessionId"])
            for domain in ("Page", "Runtime", "Log"):
                page.send(f"{domain}.enable")
            yield page
            socket.close()
        finally:
            process.terminate()
            process.wait(timeout=20)


def _endpoint(profile: Path, timeout: float = 30) -> str:
    """Chromium writes its port and browser path to DevToolsActivePort once it listens."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists():
            lines = marker.read_text().split()
            if len(lines) >= 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        time.sleep(0.1)
    raise TimeoutError("Chromium did not open its DevTools port")


def _command(socket: websocket.WebSocket, method: str, **params: Any) -> dict[str, Any]:
    ident = int(time.monotonic_ns() % 1_000_000_000)
    socket.send(json.dumps({"id": ident, "method": method, "params": params}))
    while True:
        reply = json.loads(socket.recv())
        if reply.get("id") == ident:
            return reply["result"]
