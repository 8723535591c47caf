"""Plain words for the codes a reader of a report meets: why a claim was or was not checked (the
verdict's reason code), what a rule reports, how serious a finding is. The codes stay in the
report, small, for the people who run claimcheck in CI; these sentences are for the reporter."""

from __future__ import annotations

from claimcheck.policy.rules import registry

# Every reason code a verdict can carry. A code missing here is shown as its own words
# (underscores as spaces), and tests/test_report_words.py fails so it gets a sentence.
REASONS = {
    "match": "The source agrees with the article.",
    "mismatch": "The source gives a different value than the article.",
    "minor_mismatch": "The source's figure is close to the article's, but further off than "
    "rounding explains.",
    "match_later_release": "The figure is right, but the publisher had not yet published it by "
    "the article's date: the article had it from elsewhere or earlier.",
    "likely_revision": "Today's figure differs, but by no more than such figures are revised "
    "after first publication; no release of the article's time was available to check.",
    "superseded_release": "The figure is one the publisher had replaced by the article's date "
    "with a revised one.",
    "year_guessed": "The article names no year; the latest year does not fit, but a recent "
    "year's figure does.",
    "year_unclear": "The sentence names a year the figure may be about, so it was not checked "
    "against another year.",
    "not_held_at_date": "The person held this post, but not at the article's date.",
    "still_held_at_date": "The article speaks of this post as past, but the person still held it "
    "at the article's date.",
    "qualifier_mismatch": "The person held the post, but not with the detail the article gives "
    "(the party, the place, the body).",
    "not_member_at_date": "The source does not list this membership at the article's date.",
    "likely_misspelling": "The name is probably misspelled: the source spells it slightly "
    "differently.",
    "name_differs": "The name links to a person the source spells quite differently; not judged.",
    "not_checkable_kind": "No source claimcheck uses can check this kind of claim (a weekday, a "
    "relative date, the story's own events).",
    "no_entity_link": "No source entry could be matched with confidence to who or what the "
    "claim is about.",
    "ambiguous_link": "Several source entries could be what the claim is about; none was picked.",
    "entity_missing": "The source entry the claim points to no longer exists.",
    "predicate_not_mapped": "The source holds no figure for what this number counts.",
    "no_subject": "The sentence does not say clearly who or what the number is about.",
    "no_source": "This run was given no source for this kind of claim (statistics only, say).",
    "no_observation": "The source has no figure for that place and year.",
    "no_statement_found": "The source has no record of this fact.",
    "no_statement_at_date": "The source has no record of this fact for the article's date.",
    "property_not_in_source": "The source does not record this kind of fact.",
    "position_not_in_source": "The source does not list this post for the person.",
    "qualifier_not_in_source": "The source's record lacks the detail needed to check this.",
    "not_a_person": "The name links to something in the source that is not a person.",
    "no_statement": "The source knows the person but records nothing of this kind for them.",
    "no_date": "The article has no date, so an age cannot be counted.",
    "not_at_article_date": "The sentence speaks of another time than the article's date.",
    "place_not_in_chain": "The source's birthplace does not say whether it lies in the place "
    "named.",
    "date_too_coarse": "The article's date is too vague to compare with the source.",
    "source_precision_too_coarse": "The source's value is less precise than the article's, so "
    "they cannot be compared.",
    "too_coarse": "The source's date is less precise than the article's: it agrees as far as it "
    "goes.",
    "unit_mismatch": "The article and the source measure this in units that cannot be compared.",
    "no_period": "The sentence does not say which year the figure is for.",
    "no_base_period": "The sentence does not say which period the change is measured from.",
    "no_change_end": "The sentence gives a change but no level it reached to compare.",
    "no_document_date": "The article has no date, so “last year” and the like cannot be placed.",
    "period_not_ended": "The period the figure is for had not ended by the article's date.",
    "not_annual_figure": "The figure is for a month or a quarter; the source holds yearly "
    "figures only.",
    "fiscal_year": "The figure is for a fiscal year; the source holds calendar years only.",
    "forecast": "The figure is a forecast or a target, not a result to check.",
    "source_unavailable": "The source could not be reached, so the claim is unverified.",
    "offline_cache_miss": "The run was offline and the cache did not hold the answer.",
    "upstream_lagged": "The source was too far behind to answer in time.",
    "upstream_unavailable": "The source could not be reached, so the claim is unverified.",
    "upstream_invalid_response": "The source answered with something unreadable.",
    "upstream_timeout": "The source did not answer in time.",
    "rate_limited": "The source asked claimcheck to slow down and the run's time ran out.",
}

# The same words for severities on a claim's card, a finding's card and the summary.
SEVERITY_WORDS = {
    "error": "error: needs correcting",
    "warning": "warning: needs a look",
    "info": "note",
}


def reason_words(code: str | None) -> str:
    if not code:
        return ""
    return REASONS.get(code, code.replace("_", " ").capitalize() + ".")


def rule_words(code: str) -> str:
    """What a rule reports, in a sentence; the code itself for a code no rule has."""
    rule = registry().get(code)
    if rule is None:
        return code
    said = rule.summary.strip()  # some rules' summaries are phrases: make each a sentence
    return said[:1].upper() + said[1:] + ("" if said.endswith(".") else ".")


# Claim kinds as a reader counts them ("12 dates, 3 names").
KINDS = {
    "date": ("date", "dates"),
    "duration": ("duration", "durations"),
    "person_name": ("name", "names"),
    "role": ("role or title", "roles or titles"),
    "count": ("count", "counts"),
    "membership_count": ("member count", "member counts"),
    "membership": ("membership", "memberships"),
    "location": ("place", "places"),
    "quantity": ("measurement", "measurements"),
    "money": ("amount of money", "amounts of money"),
    "percent": ("percentage", "percentages"),
    "ordinal": ("ranking", "rankings"),
}


def kind_count(kind: str, n: int) -> str:
    one, many = KINDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ") + "s"))
    return f"{n} {one if n == 1 else many}"
