"""Configuration files: finding one, reading it, and merging it into Settings under the CLI flags.

Which file: `--config PATH`, else $CLAIMCHECK_CONFIG, else the nearest folder upwards from the
current one that holds `.claimcheck.toml` (first) or a `pyproject.toml` with `[tool.claimcheck]`.
Precedence: built-in defaults < the file < flags given on the command line.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.config import Override, Settings
from claimcheck.errors import ConfigError
from claimcheck.model import PROPERTIES
from claimcheck.policy.rules import SEVERITIES, check_selectors

FILE_NAME = ".claimcheck.toml"
ENV_VAR = "CLAIMCHECK_CONFIG"
COLORS = ("auto", "always", "never")
# The largest input claimcheck reads whole: above it a read of 99999999999999999999 bytes
# overflows rather than being refused (1 TiB, far over any article).
MAX_FILE_BYTES = 2**40
AUTO = "auto"  # `jobs`: every core when there is more than one document, else 1 (jobs 0 inside)


def _strings(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _is(kind: type) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, kind) and not (kind is int and isinstance(v, bool))


# A table's known keys: key → (check, description).
Keys = Mapping[str, tuple[Callable[[Any], bool], str]]
# The CLI option of the same name (with dashes) wins over a top-level key.
TOP_KEYS: Keys = {
    "select": (_strings, "a list of rule codes"),
    "ignore": (_strings, "a list of rule codes"),
    "extend_select": (_strings, "a list of rule codes"),
    "min_severity": (lambda v: v in SEVERITIES, "error, warning or info"),
    "fail_on": (_strings, "a list such as ['contradicted', 'inconsistent']"),
    "exit_zero": (_is(bool), "true or false"),
    "baseline": (_is(str), "a file path"),
    "format": (_is(str), "an output format name"),
    "color": (lambda v: v in COLORS, "auto, always or never"),
    "quiet": (_is(bool), "true or false"),
    "pipeline": (_is(str), "a spaCy pipeline name or path"),
    "jobs": (
        lambda v: v == AUTO or (_is(int)(v) and 1 <= v <= 1_000_000),
        "'auto' or a whole number of at least 1",
    ),
    "glob": (_is(str), "a file-name pattern"),
    "input_format": (_is(str), "auto, text, markdown, html or jsonl"),
    "max_file_bytes": (
        lambda v: _is(int)(v) and 1 <= v <= MAX_FILE_BYTES,
        f"a whole number from 1 to {MAX_FILE_BYTES}",
    ),
    "verify": (_is(bool), "true or false"),
}
SOURCE_KEYS: Keys = {
    "source": (
        lambda v: _is(str)(v) or (_strings(v) and bool(v)),
        "'wikidata', 'worldbank', 'snapshot:PATH' or a list of them",
    ),
    "api_url": (_is(str), "a URL"),
    "sparql_url": (_is(str), "a URL"),
    "contact": (_is(str), "an e-mail address or URL for the User-Agent"),
    "offline": (_is(bool), "true or false"),
    "cache_dir": (_is(str), "a folder path"),
}
OVERRIDE_KEYS: Keys = {
    "files": (_strings, "a list of path globs such as ['archive/**']"),
    "severity": (lambda v: v in SEVERITIES, "error, warning or info"),
    "select": (_strings, "a list of rule codes"),
    "ignore": (_strings, "a list of rule codes"),
}


@dataclass(frozen=True)
class FileConfig:
    path: str | None  # None: no file found, the defaults apply
    root: str  # override globs and relative paths in the file are relative to this folder
    values: Mapping[str, Any] = field(default_factory=dict)  # snake_case keys; 'source' a table
    overrides: tuple[Override, ...] = ()
    warnings: tuple[str, ...] = ()


def locate(explicit: str | None, env: Mapping[str, str], start: Path) -> Path | None:
    chosen = explicit or env.get(ENV_VAR)
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            raise ConfigError(f"{chosen}: no such configuration file")
        return path
    for folder in (start, *start.parents):
        if (folder / FILE_NAME).is_file():
            return folder / FILE_NAME
        project = folder / "pyproject.toml"
        if project.is_file() and isinstance(_tool_table(_read_toml(project)), dict):
            return project
    return None


def load(explicit: str | None, env: Mapping[str, str], start: Path) -> FileConfig:
    path = locate(explicit, env, start)
    if path is None:
        return FileConfig(path=None, root=str(start))
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data)
        data = {} if data is None else data  # named by --config, and no [tool.claimcheck]
        if not isinstance(data, dict):  # named by --config: say what it holds
            raise ConfigError(f"{path}: [tool.claimcheck] must be a table, not {data!r:.60}")
    elif set(data) == {"claimcheck"} and isinstance(data["claimcheck"], dict):
        data = data["claimcheck"]
    try:
        return parse(data, str(path), str(path.resolve().parent))
    except ConfigError as err:
        raise ConfigError(_with_line(str(err), path)) from None


def _tool_table(data: Mapping[str, Any]) -> Any:
    """pyproject.toml's [tool.claimcheck], or None: another project's file up the tree may hold
    `tool = 5` or `[tool] claimcheck = "x"`, and must not break every run below it."""
    tool = data.get("tool")
    return tool.get("claimcheck") if isinstance(tool, dict) else None


def _with_line(message: str, path: Path) -> str:
    """'FILE: ... 'key' must be ...' → 'FILE:LINE: ...', the line that sets the key (searched
    from the [tool.claimcheck] header in pyproject.toml, where other tools use the same keys)."""
    prefix, quoted = f"{path}: ", message.split("'")
    if not message.startswith(prefix) or len(quoted) < 3 or " must " not in quoted[2]:
        return message
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return message
    spellings = {quoted[1].replace("_", "-"), quoted[1].replace("-", "_")}
    headers = [i for i, line in enumerate(lines) if line.strip().startswith("[tool.claimcheck")]
    start = headers[0] if path.name == "pyproject.toml" and headers else 0
    for number, line in enumerate(lines[start:], start + 1):
        if "=" in line and line.split("=", 1)[0].strip().strip("\"'") in spellings:
            return f"{path}:{number}: {message[len(prefix) :]}"
    return message


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        line = _error_line(str(err), path)
        raise ConfigError(f"{path}:{line}: invalid TOML ({str(err).split(' (at ')[0]})") from None
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text (TOML files are UTF-8)") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deep)") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror or err})") from None


def _error_line(message: str, path: Path) -> int:
    # tomllib says "... (at line 3, column 7)" or "(at end of document)"; a person needs the line.
    marker = "(at line "
    if marker in message:
        return int(message.split(marker, 1)[1].split(",")[0].rstrip(")"))
    try:
        return max(path.read_bytes().count(b"\n"), 1)
    except OSError:
        return 1


def parse(data: Mapping[str, Any], name: str, root: str) -> FileConfig:
    warnings: list[str] = []
    values: dict[str, Any] = {}
    for raw, value in data.items():
        key = raw.replace("-", "_")
        if key in ("source", "sources") and isinstance(value, dict):
            values["source"] = _table(value, SOURCE_KEYS, f"{name}: [{raw}]", warnings)
        elif key == "source":  # `source = "snapshot:facts.sqlite"` at the top: [source] source
            table = _table({"source": value}, SOURCE_KEYS, name, warnings)
            values["source"] = {**values.get("source", {}), **table}
        elif key == "overrides":
            continue
        elif key == "predicates":
            values["predicates"] = _predicates(value, name, raw)
        elif key in TOP_KEYS:
            values[key] = _valid(key, value, TOP_KEYS, name)
        else:
            warnings.append(_unknown(name, raw, [*TOP_KEYS, "source", "predicates", "overrides"]))
    overrides = tuple(_override(o, name, i, warnings) for i, o in enumerate(_list(data, name)))
    return FileConfig(name, root, values, overrides, tuple(warnings))


def _list(data: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    items = data.get("overrides", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ConfigError(f"{name}: 'overrides' must be an array of tables ([[overrides]])")
    return items


def _table(table: Mapping[str, Any], keys: Keys, where: str, warnings: list[str]) -> dict[str, Any]:
    out = {}
    for raw, value in table.items():
        key = raw.replace("-", "_")
        if key in keys:
            out[key] = _valid(key, value, keys, where)
        else:
            warnings.append(_unknown(where, raw, list(keys)))
    return out


def _override(table: Mapping[str, Any], name: str, index: int, warnings: list[str]) -> Override:
    where = f"{name}: [[overrides]] #{index + 1}"
    values = _table(table, OVERRIDE_KEYS, where, warnings)
    if not values.get("files"):
        raise ConfigError(f"{where}: needs 'files', a list of path globs")
    for pattern in values["files"]:
        if "[" in pattern or "]" in pattern:  # '[unclosed' (or '[ab]') would silently match nothing
            warnings.append(
                f"{where}: 'files' pattern {pattern!r}: brackets match only themselves; the "
                "patterns know *, ? and ** only"
            )
    return Override(
        files=tuple(values["files"]),
        severity=values.get("severity"),
        select=check_selectors(values.get("select", ()), f"{where} select"),
        ignore=check_selectors(values.get("ignore", ()), f"{where} ignore"),
    )


def _valid(key: str, value: Any, keys: Keys, where: str) -> Any:
    check, wanted = keys[key]
    if isinstance(value, str) and key in ("select", "ignore", "extend_select", "fail_on", "files"):
        value = [value]
    if not check(value):
        raise ConfigError(f"{where}: '{key.replace('_', '-')}' must be {wanted}, not {value!r}")
    return value


def _predicates(table: Any, name: str, raw: str) -> dict[str, str]:
    """`[predicates]`: predicate words → a semantic property ("souls" = "population"). A property
    claimcheck does not know is an error, like any invalid value: ignoring it would silently leave
    those claims unchecked."""
    if not isinstance(table, dict):
        raise ConfigError(f"{name}: '{raw}' must be a table ([{raw}]) of words = property")
    where, out = f"{name}: [{raw}]", {}
    for words, prop in table.items():
        if prop not in PROPERTIES:
            close = difflib.get_close_matches(str(prop), PROPERTIES, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(
                f"{where}: '{words}' must name a property ({', '.join(PROPERTIES)}), "
                f"not {prop!r}{hint}"
            )
        out[" ".join(words.lower().split())] = prop
    return out


def _unknown(where: str, key: str, known: list[str]) -> str:
    spelled = [k.replace("_", "-") for k in known]
    close = difflib.get_close_matches(key.replace("_", "-"), spelled, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"{where}: unknown key '{key}' ignored{hint}"


# Settings fields each file key sets: a function (settings, value, root) → settings.
def _rules(name: str) -> Callable[[Settings, Any, str], Settings]:
    def setter(s: Settings, v: Any, root: str) -> Settings:
        if name == "baseline":
            v = os.path.join(root, v)
        elif name in ("select", "ignore", "extend_select", "fail_on"):
            v = tuple(v)
        return dataclasses.replace(s, rules=dataclasses.replace(s.rules, **{name: v}))

    return setter


def _read(name: str) -> Callable[[Settings, Any, str], Settings]:
    def setter(s: Settings, v: Any, root: str) -> Settings:
        read = dataclasses.replace(s.read, **{name: v})
        extra = {"max_bytes": v} if name == "max_bytes" else {}
        return dataclasses.replace(s, read=read, **extra)

    return setter


def _top(name: str) -> Callable[[Settings, Any, str], Settings]:
    return lambda s, v, root: dataclasses.replace(s, **{name: v})


SETTERS: Mapping[str, Callable[[Settings, Any, str], Settings]] = {
    "select": _rules("select"),
    "ignore": _rules("ignore"),
    "extend_select": _rules("extend_select"),
    "min_severity": _rules("min_severity"),
    "fail_on": _rules("fail_on"),
    "exit_zero": _rules("exit_zero"),
    "baseline": _rules("baseline"),
    "color": _top("color"),
    "quiet": _top("quiet"),
    "pipeline": _top("pipeline"),
    "jobs": lambda s, v, root: dataclasses.replace(s, jobs=0 if v == AUTO else v),
    "verify": _top("verify"),
    "glob": _read("glob"),
    "input_format": _read("input_format"),
    "max_file_bytes": _read("max_bytes"),
    "predicates": lambda s, v, root: dataclasses.replace(s, predicates=tuple(sorted(v.items()))),
}
# The CLI parameter that, when given, wins over a file key.
FLAG_FOR = {"verify": "no_verify"}


def merge(settings: Settings, cfg: FileConfig, given: set[str]) -> Settings:
    """Settings with the file's values applied wherever the matching flag was not given."""
    for key, value in cfg.values.items():
        if key in SETTERS and FLAG_FOR.get(key, key) not in given:
            settings = SETTERS[key](settings, value, cfg.root)
    sources = settings.sources
    for key, value in cfg.values.get("source", {}).items():
        if key not in given:
            value = os.path.join(cfg.root, value) if key == "cache_dir" else value
            value = ",".join(value) if key == "source" and isinstance(value, list) else value
            value = _snapshots_from(cfg.root, value) if key == "source" else value
            sources = dataclasses.replace(sources, **{key: value})  # type: ignore[arg-type]
    rules = dataclasses.replace(settings.rules, overrides=cfg.overrides, root=cfg.root)
    return dataclasses.replace(settings, sources=sources, rules=rules)


def _snapshots_from(root: str, source: str) -> str:
    """'snapshot:PATH' in a file is relative to the file's folder, as baseline and cache_dir are:
    run from a sub-folder, it names the same snapshot."""
    parts = []
    for part in source.split(","):
        name, _, path = part.strip().partition(":")
        if name == "snapshot" and path and not os.path.isabs(os.path.expanduser(path)):
            part = f"snapshot:{os.path.join(root, path)}"
        parts.append(part)
    return ",".join(parts)


def effective(settings: Settings, cfg: FileConfig, fmt: str | None) -> dict[str, Any]:
    """The merged configuration as a file would spell it (what `config --show` prints)."""
    r = settings.rules
    top: dict[str, Any] = {
        "select": list(r.select),
        "ignore": list(r.ignore),
        "extend-select": list(r.extend_select),
        "min-severity": r.min_severity,
        "fail-on": list(r.fail_on),
        "exit-zero": r.exit_zero,
        "baseline": r.baseline,
        "format": fmt,
        "color": settings.color,
        "quiet": settings.quiet,
        "pipeline": settings.pipeline,
        "jobs": settings.jobs or AUTO,
        "glob": settings.read.glob,
        "input-format": settings.read.input_format,
        "max-file-bytes": settings.max_bytes,
        "verify": settings.verify,
    }
    source = {k.replace("_", "-"): v for k, v in dataclasses.asdict(settings.sources).items()}
    if isinstance(source.get("source"), str):
        # as resolved: the output pasted into a config file anywhere names the same snapshots
        source["source"] = _snapshots_from(os.getcwd(), source["source"])
    if isinstance(source.get("source"), str) and "," in source["source"]:
        source["source"] = source["source"].split(",")  # as a file lists several
    overrides = [
        {k: (list(v) if isinstance(v, tuple) else v) for k, v in dataclasses.asdict(o).items() if v}
        for o in r.overrides
    ]
    predicates = dict(settings.predicates)
    out = {"config-file": cfg.path, **top, "source": source, "predicates": predicates}
    out["overrides"] = overrides
    return _drop_none(out)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def to_toml(data: Mapping[str, Any], notes: Mapping[str, str] | None = None) -> str:
    """A small TOML writer for the flat shapes `effective` returns (strings, numbers, booleans,
    lists of strings, one level of tables and an array of tables); `notes` are comments put
    after keys ("key", or "table.key" inside a table; a table's own note goes above it)."""
    notes = notes or {}

    def line(key: str, value: Any, note: str | None) -> str:
        return f"{_toml_key(key)} = {_toml_value(value)}" + (f"  # {note}" if note else "")

    lines = [
        line(k, v, notes.get(k))
        for k, v in data.items()
        if not isinstance(v, dict | list) or _plain(v)
    ]
    for k, v in data.items():
        if isinstance(v, dict):
            head = [f"# {notes[k]}"] if k in notes else []
            lines += ["", *head, f"[{k}]"]
            lines += [line(kk, x, notes.get(f"{k}.{kk}")) for kk, x in v.items()]
        elif isinstance(v, list) and not _plain(v):
            for table in v:
                head = [f"# {notes[k]}"] if k in notes else []
                lines += ["", *head, f"[[{k}]]", *(line(kk, vv, None) for kk, vv in table.items())]
    return "\n".join(lines) + "\n"


def _toml_key(key: str) -> str:
    # Predicate words may hold spaces ("member states"): such keys need quotes.
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    return key if bare else json.dumps(key, ensure_ascii=False)


def _plain(v: Any) -> bool:
    if isinstance(v, dict):
        return False
    return not isinstance(v, list) or all(not isinstance(x, dict) for x in v)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # JSON string escapes are valid TOML
