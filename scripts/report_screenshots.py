"""Remake the screenshots of the HTML report in docs/ from demo-report.html, in headless Chromium:
the first screen a reader sees (docs/report.png: the summary of what needs attention), the first
article with its marks (docs/report-article.png) and a contradicted claim's card opened on its
evidence (docs/report-evidence.png). Run `make demo` first.

    .venv/bin/python scripts/report_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import headless  # noqa: E402


def main() -> int:
    report = ROOT / "demo-report.html"
    binary = headless.find_chromium()
    if binary is None or not report.exists():
        print("needs chromium and demo-report.html (make demo)", file=sys.stderr)
        return 2
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with headless.browser(binary) as page:
        page.open(report.as_uri())
        page.screenshot(docs / "report.png")
        page.evaluate("location.hash = 'd1'")  # the same page: no load event to wait for
        page.screenshot(docs / "report-article.png")
        card = page.evaluate("document.querySelector('section.card.v-contradicted').id")
        page.evaluate(f"location.hash = '{card}'")  # the same page: no load event to wait for
        page.screenshot(docs / "report-evidence.png")
        if page.errors:
            print("\n".join(page.errors), file=sys.stderr)
            return 1
    print(f"wrote report.png, report-article.png and report-evidence.png in {docs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
