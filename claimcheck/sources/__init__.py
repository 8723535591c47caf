"""Knowledge sources behind one small interface, and the registry that names them.

`get_sources(settings.sources)` builds the sources a run asked for: 'wikidata' (the live API,
through the shared HTTP client and cache), 'worldbank' (the World Bank Indicators API, the same
way), 'worldbank-archives' (its past releases, API source 57) and 'snapshot:PATH' (a local file,
no network: entities, statistics series, or both), several at once, several of one sort consulted
in the order named. A further source registers a factory under its name, the same way the
built-in ones do.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimcheck.errors import ConfigError
from claimcheck.sources.base import KnowledgeSource, Sources, StatisticsSource

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
    # Sources built in one run share one HTTP client (one cache, one set of manners).
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


Built = KnowledgeSource | StatisticsSource | Sources
# A factory receives the text after 'name:' (e.g. the snapshot path, or '' for none).
SourceFactory = Callable[[str, "SourceSettings", Environment], Built]


class Registry:
    def __init__(self) -> None:
        self._factories: dict[str, SourceFactory] = {}

    def register(self, name: str, factory: SourceFactory) -> None:
        self._factories[name] = factory

    def names(self) -> tuple[str, ...]:
        return tuple(sorted(self._factories))

    def build(self, settings: SourceSettings, env: Environment) -> Sources:
        """Every source `settings.source` names (comma-separated); several of one sort are
        consulted in the order named (sources/chain.py)."""
        out = Sources()
        for spec in split_sources(settings.source):
            name, _, argument = spec.partition(":")
            factory = self._factories.get(name)
            if factory is None:
                raise ConfigError(
                    f"unknown source '{spec}'; choose one of: "
                    + ", ".join(f"{n}:PATH" if n == "snapshot" else n for n in self.names())
                )
            out = combine(out, factory(argument, settings, env))
        return out


def split_sources(spec: str) -> list[str]:
    return [part.strip() for part in spec.split(",") if part.strip()]


def combine(sources: Sources, built: Built) -> Sources:
    if isinstance(built, Sources):
        for part in (built.knowledge, built.statistics):
            if part is not None:
                sources = combine(sources, part)
        return sources
    from claimcheck.sources.chain import chained

    if isinstance(built, KnowledgeSource):
        known = sources.knowledge
        return Sources(built if known is None else chained(known, built), sources.statistics)
    if isinstance(built, StatisticsSource):
        stats = sources.statistics
        return Sources(sources.knowledge, built if stats is None else chained(stats, built))
    return sources


def _http(settings: SourceSettings, env: Environment) -> Any:
    from claimcheck.cache import Cache
    from claimcheck.http import HttpClient, new_session, utc_now

    if "http" not in env.shared:
        env.shared["http"] = HttpClient(
            env.session if env.session is not None else new_session(),
            contact=settings.contact,
            cache=Cache(settings.cache_dir, warn=env.warn),
            offline=settings.offline,
            sleep=env.sleep,
            clock=env.clock or utc_now,
            warn=env.warn,
        )
    return env.shared["http"]


def _wikidata(argument: str, settings: SourceSettings, env: Environment) -> Built:
    from claimcheck.sources.wikidata import WikidataSource

    if argument:
        raise ConfigError(
            "the wikidata source takes no argument; set --api-url / --sparql-url instead"
        )
    return WikidataSource(settings, _http(settings, env))


def _worldbank(argument: str, settings: SourceSettings, env: Environment) -> Built:
    from claimcheck.sources.worldbank import WorldBankSource

    if argument:
        raise ConfigError("the worldbank source takes no argument")
    return WorldBankSource(_http(settings, env))


def _worldbank_archives(argument: str, settings: SourceSettings, env: Environment) -> Built:
    from claimcheck.sources.worldbank_archives import WorldBankArchiveSource

    if argument:
        raise ConfigError("the worldbank-archives source takes no argument")
    return WorldBankArchiveSource(_http(settings, env))


def _snapshot(argument: str, settings: SourceSettings, env: Environment) -> Built:
    from claimcheck.sources.snapshot import SnapshotSource, load_snapshot
    from claimcheck.sources.snapshot_sqlite import is_sqlite, load_sqlite

    if not argument:
        raise ConfigError("the snapshot source needs a path: --source snapshot:PATH")
    # By content, so a snapshot keeps working whatever it is named.
    built = load_sqlite(argument) if is_sqlite(argument) else load_snapshot(argument)
    knowledge = built.knowledge
    if isinstance(knowledge, SnapshotSource) and not knowledge.describe()["entities"]:
        env.warn(f"[CC905] snapshot {argument} holds no entities: no claim can be checked")
    return built


def default_registry() -> Registry:
    registry = Registry()
    registry.register("wikidata", _wikidata)
    registry.register("worldbank", _worldbank)
    registry.register("worldbank-archives", _worldbank_archives)
    registry.register("snapshot", _snapshot)
    return registry


REGISTRY = default_registry()


def register_source(name: str, factory: SourceFactory, registry: Registry = REGISTRY) -> None:
    """Make `--source NAME[:ARG]` build a source with `factory`."""
    registry.register(name, factory)


def get_sources(
    settings: SourceSettings, env: Environment | None = None, registry: Registry = REGISTRY
) -> Sources:
    """The sources `settings.source` names, built with what `env` provides."""
    return registry.build(settings, env or Environment())


def get_source(
    settings: SourceSettings, env: Environment | None = None, registry: Registry = REGISTRY
) -> KnowledgeSource:
    """The knowledge source `settings.source` names (the first, when it names several)."""
    built = get_sources(settings, env, registry)
    if built.knowledge is None:
        raise ConfigError(f"no knowledge source for entities in '{settings.source}'")
    return built.knowledge
