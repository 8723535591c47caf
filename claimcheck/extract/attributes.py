"""An exact, faster stand-in for spaCy's AttributeRuler when its patterns are simple.

The ruler of the English pipelines is some 180 patterns, nearly all one token matched on TAG,
LOWER, DEP or IS_SPACE, run by the Matcher and applied one Span at a time: a tenth of the parse
of the chunks we send. Whether a pattern matches a token depends only on the values of the
attributes the patterns read, and the patterns name few values, so what each combination
matches is worked out once and reused; a pattern of several tokens is the same tests at
consecutive tokens. Matches are applied in pattern order, as the ruler applies them, so a later
pattern still wins, and every test reads the doc as it was before any pattern applied, as the
ruler's Matcher does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The attributes a pattern may test here (the token attribute each is read from); the ruler is
# moved after the entity recognizer (parsing.py), which sets none of them. A bool flag comes
# from Doc.to_array as 0 or 1.
_STRINGS = {"TAG": "TAG", "DEP": "DEP", "ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER"}
_FLAGS = {"IS_SPACE"}
# Entries kept by raw hashes (a word, tag and arc seen before cost one lookup), bounded so that
# an archive's vocabulary cannot grow them without end; past the bound they are worked out again.
_SEEN = 200_000
Value = str | bool | None  # None: any string no pattern names and no pattern regex matches
Test = tuple[str, Callable[[Value], bool]]


class Unsupported(ValueError):
    """A pattern this table cannot reproduce exactly: the ruler runs as it is."""


@dataclass(frozen=True)
class _Outcome:
    """What the patterns make of one combination of attribute values."""

    numbers: list[int]  # the one-token patterns that match, in order
    attrs: dict[Any, Any]  # what they set, a later pattern winning
    steps: frozenset[tuple[int, int]]  # (alternative, position) of longer patterns it fits


class AttributeTable:
    """Applies an AttributeRuler's patterns to a parsed doc, with the ruler's result."""

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs  # what the ruler itself calls

        self._set = set_token_attrs
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)
        if any("_" in attrs for attrs in self._attrs):  # extensions would merge key by key
            raise Unsupported("extension attributes")
        self._strings = ruler.vocab.strings
        self._single: list[tuple[int, list[Test]]] = []
        self._longer: list[tuple[int, list[list[Test]], int]] = []  # number, tests, target
        self._named: dict[str, set[str]] = {}
        self._regexes: dict[str, list[re.Pattern[str]]] = {}
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                self._add(number, pattern, ruler.indices[number])
        tests = [t for _, t in self._single] + [t for _, s, _ in self._longer for t in s]
        self._read = sorted({attr for alternative in tests for attr, _ in alternative})
        self._values: dict[tuple[str, int], Value] = {}
        self._outcomes: dict[tuple[Value, ...], _Outcome] = {}
        self._seen: dict[tuple[int, ...], _Outcome] = {}  # by the hashes as read, bounded

    def _add(self, number: int, pattern: Sequence[Mapping[str, Any]], index: int) -> None:
        steps = [[self._test(attr, spec) for attr, spec in token.items()] for token in pattern]
        if len(steps) == 1:
            self._single.append((number, steps[0]))
        elif -len(steps) <= index < len(steps):
            self._longer.append((number, steps, index % len(steps)))
        else:
            raise Unsupported(f"index {index} outside its pattern")  # the ruler raises E1001

    def _test(self, attr: str, spec: Any) -> Test:
        if attr in _FLAGS and isinstance(spec, bool):
            return attr, lambda v: v is spec
        if attr not in _STRINGS:
            raise Unsupported(f"attribute {attr}")
        named = self._named.setdefault(attr, set())
        if isinstance(spec, str):
            named.add(spec)
            return attr, lambda v: v == spec
        if not isinstance(spec, dict) or len(spec) != 1:
            raise Unsupported(f"{attr}: {spec!r}")
        ((op, operand),) = spec.items()
        if op in {"IN", "NOT_IN"} and all(isinstance(s, str) for s in operand):
            values = frozenset(operand)
            named.update(values)
            return attr, (lambda v: v in values) if op == "IN" else (lambda v: v not in values)
        if op == "REGEX" and isinstance(operand, str):
            regex = re.compile(operand)
            self._regexes.setdefault(attr, []).append(regex)
            return attr, lambda v: isinstance(v, str) and regex.search(v) is not None
        raise Unsupported(f"{attr}: {spec!r}")

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import IDS

        ids = [IDS[_STRINGS.get(a, a)] for a in self._read]
        rows = doc.to_array(ids).tolist() if len(doc) and ids else [[]] * len(doc)
        outcomes = [self._seen.get(tuple(row)) or self._outcome(row) for row in rows]
        longer = self._longer_matches(outcomes)
        for i, outcome in enumerate(outcomes):
            attrs = outcome.attrs
            if i in longer:
                attrs = self._merged(sorted({*outcome.numbers, *longer[i]}))
            if attrs:
                self._set(doc[i], attrs)
        return doc

    def _longer_matches(self, outcomes: Sequence[_Outcome]) -> dict[int, set[int]]:
        """Token → the longer patterns that match with it as their target."""
        found: dict[int, set[int]] = {}
        for start, outcome in enumerate(outcomes):
            for which, position in outcome.steps:
                number, steps, target = self._longer[which]
                end = start + len(steps)
                if position == 0 and end <= len(outcomes):
                    fits = all((which, k) in outcomes[start + k].steps for k in range(len(steps)))
                    if fits:
                        found.setdefault(start + target, set()).add(number)
        return found

    def _outcome(self, row: Sequence[int]) -> _Outcome:
        key = tuple(self._value(a, h) for a, h in zip(self._read, row, strict=True))
        found = self._outcomes.get(key)
        if found is None:
            values = dict(zip(self._read, key, strict=True))

            def fits(tests: list[Test]) -> bool:
                return all(test(values[attr]) for attr, test in tests)

            numbers = sorted({number for number, tests in self._single if fits(tests)})
            steps = frozenset(
                (which, k)
                for which, (_, tests, _) in enumerate(self._longer)
                for k, step in enumerate(tests)
                if fits(step)
            )
            found = self._outcomes[key] = _Outcome(numbers, self._merged(numbers), steps)
        if len(self._seen) < _SEEN:
            self._seen[tuple(row)] = found
        return found

    def _merged(self, numbers: Sequence[int]) -> dict[Any, Any]:
        merged: dict[Any, Any] = {}
        for number in numbers:
            merged.update(self._attrs[number])
        return merged

    def _value(self, attr: str, hashed: int) -> Value:
        """The value as the patterns see it (None for every value they cannot tell apart), so
        that tokens the patterns treat alike share one outcome."""
        if attr in _FLAGS:
            return bool(hashed)
        value = self._values.get((attr, hashed), False)
        if value is False:
            text = self._strings[hashed] if hashed else ""
            known = text in self._named.get(attr, ())
            known = known or any(r.search(text) for r in self._regexes.get(attr, ()))
            value = text if known else None
            if len(self._values) < _SEEN:
                self._values[(attr, hashed)] = value
        return value
