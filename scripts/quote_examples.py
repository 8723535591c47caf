"""Copy the CI snippets of examples/ci/ into the README between their quote markers, so the
README shows exactly the files the tests lint and run (tests/test_docs.py checks they agree).

    python scripts/quote_examples.py          # rewrite README.md
    python scripts/quote_examples.py --check  # exit 1 if README.md is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTE = re.compile(r"(<!-- quote: (\S+) -->\n)(.*?)(<!-- end quote -->)", re.S)


def quoted(readme: str) -> str:
    """The README with every quote block holding its file, fenced."""

    def fill(match: re.Match[str]) -> str:
        path = match[2]
        body = (ROOT / path).read_text(encoding="utf-8")
        fence = "yaml" if path.endswith((".yml", ".yaml")) else ""
        return f"{match[1]}```{fence}\n{body.rstrip()}\n```\n{match[4]}"

    return QUOTE.sub(fill, readme)


def main(argv: list[str]) -> int:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    new = quoted(text)
    if "--check" in argv:
        return int(new != text)
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
