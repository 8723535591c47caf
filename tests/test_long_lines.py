"""The indexes that keep one huge line (or thousands of code spans) linear must answer exactly
what the scans they replaced answered: each is checked against that scan."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.consistency.context import Context
from claimcheck.extract.names import occurrences
from claimcheck.model import Document, Span

spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda p: Span(p[0], p[0] + p[1])),
    max_size=8,
).map(lambda found: tuple(sorted(found)))


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(0, 50), st.integers(0, 12))
def test_skip_regions_are_found_as_a_scan_finds_them(skip, start, length) -> None:
    document = Document(id="d", text="x" * 60, skip=skip)
    end = start + length
    assert document.skip_reaching(end, start) == any(s.start < end and start < s.end for s in skip)
    assert document.skip_reaching(start + 1, start) == any(s.start <= start < s.end for s in skip)
    assert document.skip_reaching(start, start) == any(s.start < start < s.end for s in skip)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n", max_size=30))
def test_the_line_of_an_offset_starts_after_the_last_newline_before_it(text) -> None:
    ctx = Context(Document(id="d", text=text), ())
    for offset in range(len(text) + 1):
        assert ctx.line_start(offset) == text.rfind("\n", 0, offset) + 1


TEXT = (
    "Ólafur Grímsson spoke first; later Grímsson and Çelik met Élodie Ärlig-Ång. "
    "xÓlafur is not a name. Mr. Çelik's aide, ÉLISE, and al-Ahmad waited; de la Cruz left."
)


def test_names_without_an_a_to_z_capital_are_found_where_a_scan_finds_them() -> None:
    for name in ("Ólafur Grímsson", "Grímsson", "Çelik", "Élodie Ärlig-Ång", "ÉLISE", "Ahmad"):
        want = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", TEXT)]
        assert want and occurrences(TEXT, name) == want, name
    assert occurrences(TEXT, "de la") == [TEXT.index("de la")]
    assert occurrences(TEXT, "Ólafur") == [0]  # not inside "xÓlafur"
