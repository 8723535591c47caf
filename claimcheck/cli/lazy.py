"""`cli_run`: claimcheck.cli.run, imported when a command first reaches it. The commands' bodies
call it; `--help`, `--version` and usage errors never do, and run.py pulls in the whole library
(reading, the engine, the renderers: most of the 0.25 s a bare `--help` once took)."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _Lazy:
    def __init__(self, name: str) -> None:
        self._name = name

    def _module(self) -> ModuleType:
        return importlib.import_module(self._name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._module(), attr)


cli_run: Any = _Lazy("claimcheck.cli.run")
