"""Verification: pure functions Claim × Facts × as-of date → a Verdict (model.py) with its
evidence. No I/O, no clock: the verification stage (verify/stage.py) gathers the Facts and passes
the date in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from claimcheck.model import VERDICTS, Claim, Verdict
from claimcheck.verify import (
    ages,
    dates,
    groups,
    names,
    origins,
    places,
    quantities,
    roles,
    teams,
)
from claimcheck.verify.facts import Facts, Resolution, mentions_of
from claimcheck.verify.result import not_checked

__all__ = ["Facts", "Resolution", "VERDICTS", "mentions_of", "verify_claim"]

Check = Callable[[Claim, Facts, "dt.date | None"], Verdict]

CHECKS: dict[str, Check] = {
    "count": quantities.verify,
    "quantity": quantities.verify,
    "money": quantities.verify,
    "percent": quantities.verify,
    "membership_count": quantities.verify,
    "date": dates.verify,
    "role": roles.verify,
    "membership": places.verify_membership,
    "location": places.verify_location,
    "person_name": names.verify,
    "age": ages.verify,
    "nationality": origins.verify_nationality,
    "birthplace": origins.verify_birthplace,
    "team_membership": teams.verify,
    "group_membership": groups.verify,
}


def verify_claim(claim: Claim, facts: Facts, as_of: dt.date | None) -> Verdict:
    """The verification object of one claim as of `as_of` (None: the latest the source knows)."""
    check = CHECKS.get(claim.kind)
    if check is None:
        return not_checked(
            "not_checkable_kind",
            f"{claim.kind} claims are not checked against the knowledge source.",
            as_of,
        )
    return check(claim, facts, as_of)
