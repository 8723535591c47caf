"""The summary a reporter reads first, the same in the HTML report, at the end of the terminal
table and at the top of the GitHub job summary: each contradicted claim and each error or warning
finding in plain words (what the article says, what the source says, the correction, the source
with its date and link), then what was found right, then how many claims no source could check.
And the plain words behind it: a sentence for every reason code a verdict can carry."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ci_support import EVIDENCE, claim, document, finding, result, settings
from html_support import parse

from claimcheck.model import Claim
from claimcheck.policy.apply import apply_rules
from claimcheck.policy.rules import registry
from claimcheck.render import attention, github, html
from claimcheck.render.records import RENDERERS
from claimcheck.render.words import REASONS, SEVERITY_WORDS, reason_words, rule_words

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Karlsruhe has a population of 400,000. NATO met on Tuesday.\n"
    "Henning Christopherson spoke. Ted Cruz spoke. Jane Doe wrote this.\n"
)


def _with_source(c: Claim, correction) -> Claim:
    proof = dataclasses.replace(
        EVIDENCE,
        entity_label="Karlsruhe",
        provenance=dataclasses.replace(
            EVIDENCE.provenance, url="https://www.wikidata.org/wiki/Q1040"
        ),
    )
    v = dataclasses.replace(c.verification, evidence=(proof,), correction=correction)
    return dataclasses.replace(c, verification=v)


def _result(*found):
    doc = document(TEXT)
    claims = (
        _with_source(claim(doc, "400,000", "count", "contradicted"), 307755),
        claim(doc, "Tuesday", "date", "not_checked", "not_checkable_kind"),
        claim(doc, "Henning Christopherson", "person_name", "contradicted", "likely_misspelling"),
        claim(doc, "Ted Cruz", "person_name", "supported", "match"),
        claim(doc, "Jane Doe", "person_name", "not_checked", "no_entity_link"),
    )
    return apply_rules(result(doc, claims, found), settings())


def test_every_contradicted_claim_and_error_or_warning_finding_needs_attention():
    res = _result(
        finding(document(TEXT), "NATO met", "CC503", "warning", "two bounds cannot both hold"),
        finding(document(TEXT), "Ted Cruz", "CC503", "info", "a note"),
    )
    s = attention.summarise(res)
    said = [(i.severity, i.said) for i in s.items]
    # errors first, then warnings, each in the order of the text; the info finding is no item
    assert said == [
        ("error", "400,000"),
        ("warning", "NATO met"),
        ("warning", "Henning Christopherson"),
    ]
    count = s.items[0]
    assert count.correction == "307,755" and count.rule == "CC301"
    assert count.source is not None and count.source.url == "https://www.wikidata.org/wiki/Q1040"
    assert "Karlsruhe" in count.source.name and "Wikidata" in count.source.name
    assert count.source.date and "2026-01-01" in count.source.date
    assert attention.headline(s.items) == "3 claims need attention"
    assert attention.found_right(s) == "Checked and found right: 1 name."
    assert s.quiet == {"date": 1, "person_name": 1}
    assert attention.not_checked(s) == "2 claims no source could check, not marked: 1 date, 1 name."


def test_a_suppressed_finding_needs_no_attention():
    res = _result()
    quiet = tuple(
        dataclasses.replace(f, suppressed="inline") if f.rule == "CC402" else f
        for f in res.findings
    )
    s = attention.summarise(dataclasses.replace(res, findings=quiet))
    assert [i.said for i in s.items] == ["400,000"]


def test_nothing_is_folded_when_nothing_was_verified():
    doc = document(TEXT)
    res = result(doc, (claim(doc, "Tuesday", "date"),))
    s = attention.summarise(res)
    assert s.items == () and s.quiet_total == 0 and not s.verified
    assert "".join(RENDERERS["table"]([res])).count("attention") == 0  # extract: no summary


def test_the_html_summary_comes_first_and_links_each_item_to_its_mark():
    res = _result(finding(document(TEXT), "NATO met", "CC503", "warning", "bounds"))
    root, problems = parse("".join(html.render([res])))
    assert problems == []
    (main,) = root.find_all("main")
    first = [e for e in main.children if not isinstance(e, str)][:2]
    assert [e.tag for e in first] == ["h1", "section"] and "summary" in first[1].classes
    items = first[1].find_all("li")
    assert len(items) == 3
    for item in items:
        (place,) = item.find_all("a", "place")
        target = root.by_id(place.attrs["href"][1:])  # the mark in the text, which exists
        assert target.attrs["id"].startswith("m-")
    assert "Correction: 307,755." in items[0].text()
    assert [a.attrs["href"] for a in items[0].find_all("a", "ext")] == [
        "https://www.wikidata.org/wiki/Q1040"
    ]


def test_severity_words_match_on_the_claim_card_the_finding_card_and_the_summary():
    res = _result()
    root, _ = parse("".join(html.render([res])))
    (misspelt,) = [c for c in res.claims if c.kind == "person_name" and "Chris" in c.text]
    cards = root.find_all("section", "card")
    (claim_card,) = [c for c in cards if c.attrs.get("data-claim") == misspelt.id]
    (finding_card,) = [c for c in cards if c.attrs.get("data-rule") == "CC402"]
    (line,) = [li for li in root.find_all("li") if "Christopherson" in li.text()]
    words = SEVERITY_WORDS[registry()["CC402"].severity]
    for shown in (claim_card, finding_card, line):
        badges = [
            b.text()
            for b in shown.find_all("span", "badge")
            if not any(c.startswith("v-") for c in b.classes)
        ]
        assert any(words in b for b in badges), shown.text()[:120]
    assert SEVERITY_WORDS["error"] not in claim_card.text()


def test_claims_no_source_could_check_are_folded_but_kept():
    res = _result()
    root, _ = parse("".join(html.render([res])))
    quiet = {e.attrs.get("data-claim") for e in root.find_all("section", "quiet")}
    assert quiet == {c.id for c in res.claims if c.verification.verdict == "not_checked"}
    assert root.by_id("show-all").tag == "input"  # the switch that marks them


def test_the_table_ends_with_the_summary():
    table = "".join(RENDERERS["table"]([_result()]))
    tail = table[table.index("claims need attention:") :]
    assert "error [CC301] line 1: “400,000” —" in tail and "Correction: 307,755." in tail
    assert "https://www.wikidata.org/wiki/Q1040" in tail
    assert tail.rstrip().splitlines()[-1].startswith("Checked and found right: 1 claim")


def test_the_job_summary_starts_with_the_summary_as_escaped_markdown():
    out = github.summary([_result()])
    head = out[: out.index("| File |")]
    assert head.startswith("## claimcheck\n\n**2 claims need attention:**")
    assert "\\[CC301\\]" in head  # Markdown punctuation escaped, as in the cells
    assert head.index("Christopherson") > head.index("400,000")


# Reason codes, found in the code that gives verdicts: every one has a sentence.
_REASON_LITERALS = re.compile(
    r"(?:not_checked|verdict|_refuse|Question)\([^()]*?\"([a-z]+(?:_[a-z]+)*)\""
    r"|reason\s*=\s*\"([a-z]+(?:_[a-z]+)*)\""
    r"|\(\"([a-z]+(?:_[a-z]+)*)\",\s*(?:_[A-Z]+\b|\"[A-Z][a-z]|_[a-z_]+\()"
)


def test_every_reason_code_in_the_code_and_the_schema_has_a_sentence():
    found: set[str] = set()
    giving = [ROOT / "claimcheck/errors.py", *(ROOT / "claimcheck").glob("[vs]*/*.py")]
    for path in giving:  # verify/, sources/ and the errors give verdicts their reasons
        for match in _REASON_LITERALS.finditer(path.read_text(encoding="utf-8")):
            found.add(next(g for g in match.groups() if g))
    schema = (ROOT / "claimcheck/schemas/claim.schema.json").read_text(encoding="utf-8")
    (described,) = [line for line in schema.splitlines() if "`reason` is a machine code" in line]
    found |= set(re.findall(r"`([a-z]+(?:_[a-z]+)*)`", described.split("machine code", 1)[1]))
    verdicts = {"supported", "contradicted", "not_checked"}
    assert {"not_annual_figure", "forecast", "likely_misspelling", "match"} <= found
    assert found - verdicts - set(REASONS) == set()
    assert all(reason_words(code).endswith(".") for code in REASONS)


def test_every_rule_code_has_a_sentence_and_every_severity_its_words():
    for code, rule in registry().items():
        said = rule_words(code)
        assert said[0].isupper() and said.endswith(".") and len(said.split()) >= 4, code
        assert rule.severity in SEVERITY_WORDS


def test_docs_report_lists_every_reason_code_with_its_sentence():
    page = (ROOT / "docs/report.md").read_text(encoding="utf-8")
    missing = [code for code, said in REASONS.items() if f"| `{code}` | {said} |" not in page]
    assert missing == []
