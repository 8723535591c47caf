"""The JSON Schemas in schemas/ (the public contract of the output): loading, bundling and
validation."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

NAMES = ("claim", "finding", "document", "record")
_BASE = "https://claimcheck.dev/schemas/1/"


def load(name: str) -> dict[str, Any]:
    """One schema file as it is: it may refer to its siblings ("claim.schema.json")."""
    text = (resources.files("claimcheck") / "schemas" / f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema_text(name: str) -> str:
    """The named schema bundled into one self-contained document, as `claimcheck schema` prints
    it: a validator given this file alone (ajv, jsonschema without a registry) can resolve it."""
    return json.dumps(bundled(name), indent=2, ensure_ascii=False) + "\n"


def bundled(name: str) -> dict[str, Any]:
    """The schema with every sibling it refers to copied under `$defs` (keyed by file name) and
    every reference rewritten to a JSON pointer inside the one document. Pointers, not embedded
    `$id`s: every validator resolves those, whatever its support for compound documents."""
    out: dict[str, Any] = _rewritten(load(name), "#", name)
    siblings = {}
    for other in _siblings(name):
        embedded = {k: v for k, v in load(other).items() if k not in ("$schema", "$id")}
        siblings[_file(other)] = _rewritten(embedded, f"#/$defs/{_escape(_file(other))}", name)
    if siblings:
        out["$defs"] = {**out.get("$defs", {}), **siblings}
    return out


def _file(name: str) -> str:
    return f"{name}.schema.json"


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _siblings(name: str) -> list[str]:
    """The other schemas `name` refers to, directly or through each other, in NAMES order."""
    found: set[str] = set()
    todo = [name]
    while todo:
        for ref in _refs(load(todo.pop())):
            other = ref.split("#")[0].removesuffix(".schema.json")
            if other and other != name and other not in found:
                found.add(other)
                todo.append(other)
    return [n for n in NAMES if n in found]


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def _rewritten(node: Any, here: str, root: str) -> Any:
    """`node` (a schema embedded at pointer `here`) with its references made local to the
    bundle of `root`."""
    if isinstance(node, list):
        return [_rewritten(v, here, root) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _rewritten(v, here, root) for k, v in node.items()}
    ref = node.get("$ref")
    if isinstance(ref, str):
        target, _, pointer = ref.partition("#")
        if not target:
            base = here
        elif target == _file(root):
            base = "#"
        else:
            base = f"#/$defs/{_escape(target)}"
        out["$ref"] = base + pointer
    return out


@cache
def _validators() -> dict[str, Any]:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schemas = {name: load(name) for name in NAMES}
    registry: Registry = Registry().with_resources(
        (_BASE + f"{name}.schema.json", Resource.from_contents(s)) for name, s in schemas.items()
    )
    return {
        name: Draft202012Validator(
            s, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        for name, s in schemas.items()
    }


def errors(record: Any, name: str = "record") -> list[str]:
    """Every way the record breaks the named schema, as readable lines; empty when it is valid."""
    validator = _validators()[name]
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in sorted(validator.iter_errors(record), key=lambda e: list(map(str, e.path)))
    ]
