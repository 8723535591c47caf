"""GitLab Code Quality: a JSON array of issues in GitLab's subset of the Code Climate format
(description, check_name, fingerprint, severity, location.path, location.lines.begin), which a
merge request shows in its Code Quality widget. Suppressed findings are left out, as in
`concise`; CC910 is one issue per document, as people read it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator

from claimcheck.model import DocumentResult
from claimcheck.policy.findings import summarise_unavailable
from claimcheck.render.base import active, display_path, file_region, one_line

# Code Climate's severities; GitLab shows critical and major above minor and info.
SEVERITY = {"error": "critical", "warning": "minor", "info": "info"}


def render(results: Iterable[DocumentResult]) -> Iterator[str]:
    issues = []
    seen: Counter[str] = Counter()
    for result in results:
        path = display_path(result)
        for f in summarise_unavailable(active(result)):
            region = file_region(result, f)
            base = f.fingerprint or f"{path}:{f.rule}:{f.line}"
            seen[base] += 1  # the same sentence twice is two issues: GitLab wants them unique
            issues.append(
                {
                    "description": f"{f.rule} {one_line(f.message)}",
                    "check_name": f.rule,
                    "fingerprint": base if seen[base] == 1 else f"{base}-{seen[base]}",
                    "severity": SEVERITY.get(f.severity, "info"),
                    "location": {"path": path, "lines": {"begin": region.line if region else 1}},
                }
            )
    yield json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
