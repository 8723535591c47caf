"""An exact, faster stand-in for spaCy's AttributeRuler when its patterns are simple.

The ruler of the English pipelines is some 180 patterns, nearly all one token matched on TAG,
LOWER, DEP or IS_SPACE, run by the Matcher and applied one Span at a time: a sixth of the parse
of the chunks we send. A token's outcome depends only on the values of the attributes the
patterns read, and the patterns name few values, so the outcome of each combination is worked
out once and reused. Patterns of more than one token still go through a Matcher. Every match is
applied in pattern order, as the ruler does, so a later pattern still wins; and matching reads the
doc as it was before any pattern applied, as the ruler's does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The attributes a one-token pattern may test here; what the ruler reads must also be what no
# component between the ruler and us changes (see parsing.py), and these are set by the
# tokenizer, tagger and parser only. Bool flags come from Doc.to_array as 0 / 1.
_STRINGS = {"TAG": "TAG", "DEP": "DEP", "ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER"}
_FLAGS = {"IS_SPACE"}
Value = str | bool | None  # None: a value no pattern names


class Unsupported(ValueError):
    """A pattern this table cannot reproduce exactly: the ruler runs as it is."""


class AttributeTable:
    """Applies an AttributeRuler's patterns to a parsed doc, with the ruler's result."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher
        from spacy.tokens._retokenize import set_token_attrs  # what the ruler itself calls

        self._set = set_token_attrs
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)
        if any("_" in attrs for attrs in self._attrs):  # extensions merge key by key
            raise Unsupported("extension attributes")
        self._indices: list[int] = list(ruler.indices)
        self._strings = ruler.vocab.strings
        self._longer = Matcher(ruler.vocab)
        self._single: list[tuple[int, list[list[tuple[str, Callable[[Value], bool]]]]]] = []
        self._named: dict[str, set[str]] = {}
        self._regexes: dict[str, list[re.Pattern[str]]] = {}
        for number, entry in enumerate(ruler.patterns):
            self._add(number, entry["patterns"])
        self._read = sorted({a for _, alts in self._single for alt in alts for a, _ in alt})
        self._values: dict[tuple[str, int], Value] = {}
        self._outcomes: dict[tuple[Value, ...], tuple[list[int], dict[Any, Any]]] = {}

    def _add(self, number: int, patterns: Sequence[Sequence[Mapping[str, Any]]]) -> None:
        if any(len(p) != 1 for p in patterns):
            self._longer.add(str(number), [list(p) for p in patterns])
            return
        alternatives = [[self._test(a, spec) for a, spec in p[0].items()] for p in patterns]
        self._single.append((number, alternatives))

    def _test(self, attr: str, spec: Any) -> tuple[str, Callable[[Value], bool]]:
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
        outcomes = [self._outcome(row) for row in rows]
        longer: dict[int, set[int]] = {}
        for key, start, end in self._longer(doc, allow_missing=True):
            number = int(self._strings[key])
            longer.setdefault(doc[start:end][self._indices[number]].i, set()).add(number)
        for i, (numbers, attrs) in enumerate(outcomes):
            if i in longer:
                attrs = self._merged(sorted({*numbers, *longer[i]}))
            if attrs:
                self._set(doc[i], attrs)
        return doc

    def _outcome(self, row: Sequence[int]) -> tuple[list[int], dict[Any, Any]]:
        """The patterns (in order) that match a token whose attributes hash to `row`, and what
        they set, a later pattern winning."""
        key = tuple(self._value(a, h) for a, h in zip(self._read, row, strict=True))
        found = self._outcomes.get(key)
        if found is None:
            values = dict(zip(self._read, key, strict=True))
            numbers = [
                number
                for number, alternatives in self._single
                if any(all(test(values[a]) for a, test in alt) for alt in alternatives)
            ]
            found = self._outcomes[key] = (numbers, self._merged(numbers))
        return found

    def _merged(self, numbers: Sequence[int]) -> dict[Any, Any]:
        merged: dict[Any, Any] = {}
        for number in numbers:
            merged.update(self._attrs[number])
        return merged

    def _value(self, attr: str, hashed: int) -> Value:
        """The value as the patterns see it: None stands for every value they do not name and
        no regex of theirs matches, so that all such tokens share one outcome."""
        if attr in _FLAGS:
            return bool(hashed)
        value = self._values.get((attr, hashed), False)
        if value is False:
            text = self._strings[hashed] if hashed else ""
            known = text in self._named.get(attr, ())
            known = known or any(r.search(text) for r in self._regexes.get(attr, ()))
            value = self._values[(attr, hashed)] = text if known else None
        return value
