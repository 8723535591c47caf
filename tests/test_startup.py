"""Start-up: `claimcheck --help` answers without importing the libraries a run needs (spaCy
alone costs about a second), so a typo or a help lookup is instant. Checked by what the process
imported, not by a timing (the suite runs on loaded machines)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "spacy",
    "thinc",
    "numpy",
    "dask",
    "requests",
    "jsonschema",
    "rapidfuzz",
    "pyarrow",
    "yaml",
)
# The library behind a run, beyond what option parsing needs.
LIBRARY = (
    "claimcheck.extract.scan",
    "claimcheck.cli.run",
    "claimcheck.engine",
    "claimcheck.verify",
    "claimcheck.model",  # the records' classes: a tenth of --help's time
    "claimcheck.read.documents",
    "claimcheck.policy.runconfig",
)

_PROBE = """
import json, sys
from claimcheck.__main__ import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def _imported(*args: str) -> tuple[int, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    probe = json.loads(done.stderr.strip().splitlines()[-1])
    return probe["status"], probe["modules"]


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_help_imports_no_heavy_library_and_no_run_machinery() -> None:
    status, modules = _imported("--help")
    assert status == 0
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, LIBRARY) == []
    assert "claimcheck.cli.app" in modules  # the probe did reach the CLI
