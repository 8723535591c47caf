"""Markdown front matter: a YAML mapping read with a safe loader that also refuses what a safe
loader still allows a hostile file to do (aliases that multiply into gigabytes, dates YAML itself
rejects), and the document date and suppression key taken from it."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from claimcheck.errors import InputError

DATE_KEYS = ("date", "published", "published_at", "pubdate")


@functools.cache
def _loader() -> Any:
    """SafeLoader without aliases (a 400-byte "billion laughs" block expands to gigabytes once
    written out) and with timestamps YAML cannot build (2022-13-45) kept as strings, so one odd
    date is that file's problem, not a crash of the whole run. Made at the first front matter:
    PyYAML is not imported by a run without any (nor by `--help`)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed in front matter", event.start_mark
                )
            return super().compose_node(parent, index)

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                return self.construct_scalar(node)

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
    return _Loader


def load(name: str, block: str, lines_before: int) -> dict[str, Any]:
    """The YAML mapping of a front-matter block that starts after `lines_before` lines."""
    import yaml

    try:
        loaded = yaml.load(block, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 + lines_before if mark is not None else lines_before + 1
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise InputError(f"{name}:{line}: front matter is not valid YAML ({problem})") from None
    except (ValueError, OverflowError, RecursionError) as err:  # a value YAML parsed, then refused
        raise InputError(
            f"{name}:{lines_before + 2}: front matter is not valid YAML ({err})"
        ) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(
            f"{name}:{lines_before + 2}: front matter must be a mapping of keys to values"
        )
    return {str(k): v for k, v in loaded.items()}


def check_suppression_key(name: str, meta: dict[str, Any], block: str, lines_before: int) -> None:
    """`claimcheck: {ignore: [CODES]}` (or a single code, or all) hides findings in the whole
    article; any other shape is refused here rather than half-understood later."""
    if "claimcheck" not in meta:
        return
    value = meta["claimcheck"]
    ignore = value.get("ignore") if isinstance(value, dict) else None
    codes = [] if ignore is None else [ignore] if isinstance(ignore, str) else ignore
    if not isinstance(value, dict) or not (
        isinstance(codes, list) and all(isinstance(c, str) for c in codes)
    ):
        line = _line_of(block, "claimcheck", lines_before)
        raise InputError(
            f"{name}:{line}: front matter 'claimcheck' must be "
            "{ignore: [rule codes]} or {ignore: all}"
        )


def meta_date(
    name: str, meta: dict[str, Any], block: str, lines_before: int
) -> tuple[dt.date | None, str | None]:
    """The document date a date key gives. A value that is there but is no date ('yesterday',
    [1, 2], 2022-13-45) is refused, naming it: the user meant a date and should hear it is not."""
    for key in DATE_KEYS:
        if key in meta and meta[key] is not None:
            parsed = parse_date(meta[key])
            if parsed is None:
                line = _line_of(block, key, lines_before)
                raise InputError(
                    f"{name}:{line}: front matter '{key}' is not a date ({_shown(meta[key])}); "
                    "write it as 2022-01-12"
                )
            return parsed, f"'{key}' in the front matter"
    return None, None


def parse_date(value: Any) -> dt.date | None:
    """A date from a front-matter or JSONL value: a date, a datetime or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _line_of(block: str, key: str, lines_before: int) -> int:
    lines = block.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith(key)), 0)
    return lines_before + 2 + at


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
