"""Knowledge sources behind one small interface, and the registry that names them.

`get_source(settings.sources)` builds the source a run asked for: 'wikidata' (the live API, through
the shared HTTP client and cache) or 'snapshot:PATH' (a local file, no network). A further source
registers a factory under its name, the same way the built-in ones do.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimcheck.errors import ConfigError
from claimcheck.sources.base import KnowledgeSource

if TYPE_CHECKING:
    from claimcheck.config import SourceSettings


@dataclass(frozen=True)
class Environment:
    """What a source may be given instead of reaching for globals: the HTTP session, sleep and
    clock, and where warnings go. Tests pass fakes; the CLI passes the real ones."""

    session: Any = None  # a requests.Session; None makes a new one
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], Any] | None = None
    warn: Callable[[str], None] = lambda message: None


# A factory receives the text after 'name:' (e.g. the snapshot path, or '' for none).
SourceFactory = Callable[[str, "SourceSettings", Environment], KnowledgeSource]


class Registry:
    def __init__(self) -> None:
        self._factories: dict[str, SourceFactory] = {}

    def register(self, name: str, factory: SourceFactory) -> None:
        self._factories[name] = factory

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._factories))

    def build(self, settings: SourceSettings, env: Environment) -> KnowledgeSource:
        name, _, argument = settings.source.partition(":")
        factory = self._factories.get(name)
        if factory is None:
            raise ConfigError(
                f"unknown source '{settings.source}'; choose one of: "
                + ", ".join(f"{n}:PATH" if n == "snapshot" else n for n in self.names())
            )
        return factory(argument, settings, env)


def _wikidata(argument: str, settings: SourceSettings, env: Environment) -> KnowledgeSource:
    from claimcheck.cache import Cache
    from claimcheck.http import HttpClient, new_session, utc_now
    from claimcheck.sources.wikidata import WikidataSource

    if argument:
        raise ConfigError(
            "the wikidata source takes no argument; set --api-url / --sparql-url instead"
        )
    cache = Cache(settings.cache_dir, warn=env.warn)
    http = HttpClient(
        env.session if env.session is not None else new_session(),
        contact=settings.contact,
        cache=cache,
        offline=settings.offline,
        sleep=env.sleep,
        clock=env.clock or utc_now,
        warn=env.warn,
    )
    return WikidataSource(settings, http)


def _snapshot(argument: str, settings: SourceSettings, env: Environment) -> KnowledgeSource:
    from claimcheck.sources.snapshot import SnapshotSource
    from claimcheck.sources.snapshot_sqlite import SqliteSnapshotSource, is_sqlite

    if not argument:
        raise ConfigError("the snapshot source needs a path: --source snapshot:PATH")
    if is_sqlite(argument):  # by content, so a snapshot keeps working whatever it is named
        source: SnapshotSource = SqliteSnapshotSource.load(argument)
    else:
        source = SnapshotSource.load(argument)
    if not source.describe()["entities"]:
        env.warn(f"[CC905] snapshot {argument} holds no entities: no claim can be checked")
    return source


def default_registry() -> Registry:
    registry = Registry()
    registry.register("wikidata", _wikidata)
    registry.register("snapshot", _snapshot)
    return registry


REGISTRY = default_registry()


def register_source(name: str, factory: SourceFactory, registry: Registry = REGISTRY) -> None:
    """Make `--source NAME[:ARG]` build a source with `factory`."""
    registry.register(name, factory)


def get_source(
    settings: SourceSettings, env: Environment | None = None, registry: Registry = REGISTRY
) -> KnowledgeSource:
    """The source `settings.source` names, built with what `env` provides."""
    return registry.build(settings, env or Environment())
