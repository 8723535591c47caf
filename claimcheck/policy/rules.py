"""The rule-code registry: every kind of finding claimcheck can report, with a stable code, and the
--select / --ignore logic over those codes (prefix matching, the most specific code wins).

Codes are grouped by what they are about: CC1xx numbers, CC2xx dates and durations, CC3xx counts
and memberships, CC4xx roles and names, CC5xx internal consistency (owned by
claimcheck.consistency), CC9xx tool diagnostics. The CC900–CC908 error codes of errors.py are
listed too, for the README and for code validation, but they are errors, not findings: they
always end the run with exit status 2 and cannot be ignored.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from claimcheck.errors import UsageError


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # the default severity: error, warning or info
    summary: str
    example: str = ""

    @property
    def category(self) -> str:
        """What kind of outcome the rule reports; --fail-on names these."""
        if self.code in UNVERIFIED_CODES:
            return "unverified"
        return {"5": "inconsistent", "9": "diagnostic"}.get(self.code[2], "contradicted")


# Contradicted claims, by kind (see findings.py for the kind → code mapping).
_OWN_RULES = (
    Rule(
        "CC100",
        "claim-contradicted",
        "error",
        "A claim of another kind is contradicted by the source.",
        "“the bridge is 3 km long” where the source says 1.2 km",
    ),
    Rule(
        "CC101",
        "quantity-contradicted",
        "error",
        "A quantity (with a unit) is contradicted by the source.",
        "“Mont Blanc, 4,200 m high” where Wikidata says 4,805.59 m",
    ),
    Rule(
        "CC102",
        "money-contradicted",
        "error",
        "An amount of money is contradicted by the source.",
        "“a budget of $2bn” where the source says $2.5 billion",
    ),
    Rule(
        "CC103",
        "percent-contradicted",
        "error",
        "A percentage is contradicted by the source.",
        "“turnout was 48%” where the source says 61%",
    ),
    Rule(
        "CC104",
        "number-roughly-matches",
        "warning",
        "A number differs from the source by more than rounding would explain, but not by much.",
        "“a population of 83 million” where the source says 84.4 million",
    ),
    Rule(
        "CC201",
        "date-contradicted",
        "error",
        "A date is contradicted by the source.",
        "“founded on 4 April 1948” where Wikidata says 4 April 1949",
    ),
    Rule(
        "CC202",
        "duration-contradicted",
        "error",
        "A duration is contradicted by the source.",
        "“a 12-year term” where the office's term is 6 years",
    ),
    Rule(
        "CC301",
        "count-contradicted",
        "error",
        "A count is contradicted by the source.",
        "“the 28 members of the Council” where the source lists 29 as of the article's date",
    ),
    Rule(
        "CC302",
        "membership-count-contradicted",
        "error",
        "The number of members of an organization is contradicted by the source.",
        "“NATO's 30 members” in an article dated 2024, when NATO had 32",
    ),
    Rule(
        "CC303",
        "membership-contradicted",
        "error",
        "A membership is contradicted: the member did not belong at the article's date.",
        "“NATO member Sweden” in an article dated 2022",
    ),
    Rule(
        "CC304",
        "team-membership-contradicted",
        "error",
        "A player's club is contradicted: not at the club (or still there, for a former one) at "
        "the article's date.",
        "“Chelsea striker X” in an article dated after X's spell at Chelsea ended",
    ),
    Rule(
        "CC305",
        "group-membership-contradicted",
        "error",
        "A band or group membership is contradicted: not a member (or still one, for a former "
        "one) at the article's date.",
        "“former Take That singer Robbie Williams” in an article of 2011, when he was back",
    ),
    Rule(
        "CC401",
        "role-contradicted",
        "error",
        "A role or title is contradicted: the person did not hold it at the article's date.",
        "“Prime Minister Boris Johnson” in an article dated 2023",
    ),
    Rule(
        "CC402",
        "likely-misspelling",
        "warning",
        "A name links confidently to a person whose name is spelled slightly differently.",
        "“Christiane Amanpur” for Christiane Amanpour",
    ),
    Rule(
        "CC403",
        "place-contradicted",
        "error",
        "A location (headquarters, seat, place) is contradicted.",
        "“NATO, headquartered in Mons” where Wikidata says Brussels",
    ),
    Rule(
        "CC404",
        "age-contradicted",
        "error",
        "A person's age is contradicted by the date of birth at the article's date.",
        "“Ted Cruz, 52,” in an article of 2022-03-01, when he was 51",
    ),
    Rule(
        "CC405",
        "nationality-contradicted",
        "error",
        "A nationality is contradicted by the person's citizenship at the article's date.",
        "“Russian citizen X” where X held Soviet citizenship only, until 1991",
    ),
    Rule(
        "CC406",
        "birthplace-contradicted",
        "error",
        "A place of birth is contradicted by the place of birth and the places it lies in.",
        "“American-born Ted Cruz”, born in Calgary, Canada",
    ),
    Rule(
        "CC910",
        "source-unavailable",
        "warning",
        "A claim could not be verified because the knowledge source was unavailable or offline.",
        "Wikidata timed out, or `--offline` and the cache has no answer",
    ),
    Rule(
        "CC911",
        "unused-suppression",
        "warning",
        "An inline or front-matter suppression did not suppress anything.",
        "`<!-- claimcheck: ignore CC301 -->` above a line with no CC301 finding",
    ),
)

# Tool errors (errors.py): exit status 2, never findings.
ERROR_CODES: Mapping[str, str] = {
    "CC900": "internal or unclassified error",
    "CC901": "usage error: the command line asks for something that cannot be done",
    "CC902": "an input cannot be read as a document",
    "CC903": "a configuration file or value is invalid",
    "CC904": "the spaCy pipeline cannot be loaded",
    "CC905": "the knowledge source failed in a way no retry will mend",
    "CC906": "the knowledge source could not be reached",
    "CC907": "the output cannot be written",
    "CC908": "--offline and the cache does not hold the answer",
}

UNVERIFIED_CODES = frozenset({"CC910"})
UNUSED_SUPPRESSION = "CC911"
SOURCE_UNAVAILABLE = "CC910"
SEVERITIES = ("error", "warning", "info")
_CODE = re.compile(r"^CC[0-9]{0,3}$")


def _consistency_rules() -> tuple[Rule, ...]:
    try:
        from claimcheck.consistency import RULES
    except ImportError:  # the consistency stage has not landed in this checkout
        return ()
    return tuple(
        Rule(code, name, severity, summary) for code, (name, severity, summary) in RULES.items()
    )


def registry() -> dict[str, Rule]:
    """Every finding rule by code, sorted by code."""
    rules = {rule.code: rule for rule in (*_OWN_RULES, *_consistency_rules())}
    return dict(sorted(rules.items()))


def known_codes() -> tuple[str, ...]:
    return (*registry(), *ERROR_CODES)


def check_selectors(selectors: Iterable[str], option: str) -> tuple[str, ...]:
    """Normalize --select / --ignore values; a code or prefix that matches nothing is a
    UsageError naming the closest known code."""
    out = []
    codes: tuple[str, ...] = ()  # known when a selector is given: the consistency rules' import
    for raw in selectors:
        for item in (part.strip().upper() for part in raw.split(",")):
            if not item:
                continue
            codes = codes or known_codes()
            if item == "ALL":
                item = "CC"
            if not _CODE.match(item) or not any(code.startswith(item) for code in codes):
                close = difflib.get_close_matches(item, codes, n=1)
                hint = (
                    f"; did you mean {close[0]}?"
                    if close
                    else "; the codes are listed under 'Rule codes' in the README"
                )
                raise UsageError(f"{option}: unknown rule code '{item}'{hint}")
            out.append(item)
    return tuple(out)


def is_enabled(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Whether a finding with this code is reported. The longest matching prefix decides (ruff's
    rule): --ignore CC5 --select CC503 keeps CC503 only of the CC5xx; with no --select every
    code is selected."""
    best_select = max((len(p) for p in select if code.startswith(p)), default=-1 if select else 0)
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return best_select >= 0 and best_select > best_ignore
