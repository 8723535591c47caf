"""The JSON Schemas in schemas/ (the public contract of the output): loading and validation."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

NAMES = ("claim", "finding", "document", "record")
_BASE = "https://claimcheck.dev/schemas/1/"


def schema_text(name: str) -> str:
    return (resources.files("claimcheck") / "schemas" / f"{name}.schema.json").read_text("utf-8")


def load(name: str) -> dict[str, Any]:
    return json.loads(schema_text(name))


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
