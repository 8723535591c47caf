"""verify/ is pure: no source, HTTP, file or clock access; only the verification stage
(verify/stage.py) talks to a knowledge source."""

from __future__ import annotations

import ast
from pathlib import Path

VERIFY = Path(__file__).resolve().parent.parent / "claimcheck" / "verify"
# normalize/ never reads the clock either; precision is how a figure is written, shared with
# the consistency rules.
ALLOWED_INTERNAL = {
    "claimcheck.model",
    "claimcheck.errors",
    "claimcheck.normalize.precision",
    "claimcheck.normalize.measures",  # plain tables: measure words → properties
}
# The stages talk to sources; the checks they call are pure.
PURE = [p for p in sorted(VERIFY.glob("*.py")) if p.name not in ("stage.py", "statstage.py")]
FORBIDDEN_CALLS = {"now", "today", "utcnow", "open", "urlopen", "time"}


def imports(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 2:
            out.append(node.module or "")
        elif isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            out.append(node.module or "")
    return out


def test_verify_imports_only_plain_modules():
    bad = []
    for path in PURE:
        for name in imports(path):
            if name in ("requests", "socket", "urllib", "sqlite3", "time") or name.startswith(
                "http"
            ):
                bad.append(f"{path.name}: {name}")
    internal = {
        n
        for p in PURE
        for n in imports(p)
        if n
        and not n.startswith("claimcheck.verify")
        and not n.startswith(
            (
                "collections",
                "dataclasses",
                "datetime",
                "decimal",
                "typing",
                "re",
                "json",
                "__future__",
                "rapidfuzz",
            )
        )
    }
    assert bad == []
    assert internal <= ALLOWED_INTERNAL


def test_verify_never_reads_the_clock():
    calls = [
        f"{p.name}:{node.lineno}"
        for p in PURE
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None)) in FORBIDDEN_CALLS
    ]
    assert calls == []
