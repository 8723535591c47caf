"""Remake the README's screenshots of the HTML report (docs/report.png, docs/report-evidence.png)
from demo-report.html, in headless Chromium. Run `make demo` first.

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
        page.open(report.as_uri() + "#d1")
        page.screenshot(docs / "report.png")
        card = page.evaluate("document.querySelector('section.card.v-contradicted').id")
        page.evaluate(f"location.hash = '{card}'")  # the same page: no load event to wait for
        page.screenshot(docs / "report-evidence.png")
        if page.errors:
            print("\n".join(page.errors), file=sys.stderr)
            return 1
    print(f"wrote {docs / 'report.png'} and {docs / 'report-evidence.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
