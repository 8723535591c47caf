"""The CI formats, each checked by parsing what it writes: concise lines, GitHub workflow commands
(escaping, caps, overflow, job summary), SARIF against the 2.1.0 schema, JSON/JSON lines against
our schemas, ClaimReview drafts."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from ci_support import claim, document, finding, result, settings

from claimcheck.policy.apply import apply_rules
from claimcheck.render import claimreview, concise, github, sarif, schema
from claimcheck.render.records import RENDERERS

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-2.1.0-rtm.5.json"
TEXT = "NATO has 30 members.\nWe met on Tuesday, January 12, 2022.\nIt rained 120% of days.\n"


def _results(path="articles/story.md", **meta):
    doc = document(TEXT, path=path, **meta)
    nato = {"text": "NATO"}
    claims = (
        claim(
            doc,
            "30 members",
            "membership_count",
            "contradicted",
            value={"amount": 30},
            organization=nato,
        ),
    )
    found = (
        finding(
            doc, "Tuesday, January 12, 2022", "CC501", "error", "Tuesday is not 12 January 2022"
        ),
        finding(doc, "120%", "CC507", "warning", "shares over 100%"),
    )
    return [apply_rules(result(doc, claims, found), settings())]


# --- concise -------------------------------------------------------------------------------

CONCISE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>error|warning|info) (?P<rule>CC\d{3}) (?P<msg>.+)$"
)


def test_concise_lines_parse_and_leave_out_suppressed_findings():
    lines = "".join(concise.render(_results())).splitlines()
    parsed = [CONCISE.match(line).groupdict() for line in lines]
    assert [(p["path"], p["line"], p["col"], p["sev"], p["rule"]) for p in parsed] == [
        ("articles/story.md", "1", "10", "error", "CC302"),
        ("articles/story.md", "2", "11", "error", "CC501"),
        ("articles/story.md", "3", "11", "warning", "CC507"),
    ]
    suppressed = _results(claimcheck={"ignore": ["CC5"]})
    assert [CONCISE.match(x)["rule"] for x in "".join(concise.render(suppressed)).splitlines()] == [
        "CC302"
    ]


def test_concise_colour_only_when_asked():
    plain = "".join(concise.render(_results()))
    coloured = "".join(concise.render(_results(), color=True))
    assert "\x1b[" not in plain and "\x1b[31merror\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


# --- github --------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(?P<level>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def _unescape(text: str) -> str:
    return re.sub(
        r"%(25|0D|0A|3A|2C)",
        lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]],
        text,
    )


def parse_workflow_commands(out: str) -> list[dict]:
    """A parser for GitHub's workflow-command syntax: one command a line, properties
    comma-separated key=value, every value and the message escaped."""
    commands = []
    for line in out.split("\n")[:-1]:
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = {}
        for pair in filter(None, (match["props"] or "").split(",")):
            key, value = pair.split("=", 1)
            props[key] = _unescape(value)
        commands.append({"level": match["level"], **props, "message": _unescape(match["data"])})
    return commands


def test_github_annotations_parse_and_escape_round_trips():
    nasty = "50% of 1,000: said\r\nthen %0A literally"
    doc = document("Odd claim here.\n", path="articles/a,b:c.md")
    res = apply_rules(
        result(doc, findings=(finding(doc, "Odd claim", "CC501", "error", nasty),)), settings()
    )
    (command,) = parse_workflow_commands("".join(github.render([res])))
    assert command == {
        "level": "error",
        "file": "articles/a,b:c.md",
        "line": "1",
        "col": "1",
        "endLine": "1",
        "endColumn": "10",
        "title": "CC501 (error)",
        "message": nasty,
    }


def _many(errors: int, warnings: int, infos: int):
    lines = [f"line {i}" for i in range(errors + warnings + infos)]
    doc = document("\n".join(lines) + "\n")
    severities = ["error"] * errors + ["warning"] * warnings + ["info"] * infos
    found = tuple(
        finding(doc, f"line {i}", "CC503", sev, f"finding {i}")
        for i, sev in reversed(list(enumerate(severities)))
    )
    return [result(doc, findings=found)]


def test_github_caps_each_level_at_ten_most_severe_first_with_one_overflow_notice():
    commands = parse_workflow_commands("".join(github.render(_many(25, 12, 3))))
    levels = [c["level"] for c in commands]
    assert levels == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 3 + ["notice"]
    assert [c["line"] for c in commands[:3]] == ["1", "2", "3"]  # in document order within a level
    assert (
        commands[-1]["message"]
        == "17 more findings not shown as annotations (15 errors, 2 warnings); see the job summary"
    )
    exact = parse_workflow_commands("".join(github.render(_many(10, 10, 10))))
    assert len(exact) == 30 and all("more findings" not in c["message"] for c in exact)


def test_github_notices_leave_room_for_the_overflow_notice():
    commands = parse_workflow_commands("".join(github.render(_many(11, 0, 10))))
    assert [c["level"] for c in commands].count("notice") == 10
    assert commands[-1]["message"].startswith("2 more findings")  # 1 error + 1 info


def test_job_summary_lists_findings_and_stays_under_the_limit():
    summary = github.summary(_many(3, 0, 0))
    assert "| articles/story.md | 1 | error | CC503 | finding 0 |" in summary
    big = _many(3000, 0, 0)
    trimmed = github.summary(big, limit=20_000)
    assert len(trimmed.encode()) <= 20_000
    assert re.search(r"_…truncated: \d+ more finding\(s\) not listed", trimmed)
    assert len(github.summary(big).encode()) < 1024 * 1024


class _Cells(HTMLParser):
    """The text of every table cell of the HTML GitHub would make of the job summary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _rendered_cells(markdown: str) -> list[list[str]]:
    from markdown_it import MarkdownIt

    # GitHub-flavoured enough: tables, strikethrough, and raw HTML passed through as GitHub does.
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    parser = _Cells()
    parser.feed(md.render(markdown))
    return parser.rows[1:]


TRICKY = (
    "Unused: <!-- claimcheck: ignore CC301 --> hid nothing",
    "*not bold* and _not italic_ and __nor this__",
    "a [link](https://example.org) and ![an image](x.png)",
    "pipes | inside, `code`, ~~struck~~, a \\ backslash",
    "<b>tags</b> & entities &amp; <script>alert(1)</script>",
)


def test_job_summary_cells_show_markdown_and_html_as_text():
    doc = document(
        "\n".join(f"line {i}" for i in range(len(TRICKY))) + "\n", path="news/a_b*c|d.md"
    )
    found = tuple(
        finding(doc, f"line {i}", "CC503", "error", message) for i, message in enumerate(TRICKY)
    )
    cells = _rendered_cells(github.summary([result(doc, findings=found)]))
    assert [row[4] for row in cells] == list(TRICKY)
    assert {row[0] for row in cells} == {"news/a_b*c|d.md"}


def test_the_unused_suppression_message_survives_the_summary():
    text = "<!-- claimcheck: ignore CC301 -->\nNATO met.\n"
    res = apply_rules(result(document(text)), settings())
    (unused,) = [f for f in res.findings if f.rule == "CC911"]
    assert "<!--" in unused.message
    (row,) = _rendered_cells(github.summary([res]))
    assert row[3:] == ["CC911", " ".join(unused.message.split())]


# --- SARIF ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    from jsonschema import Draft4Validator, FormatChecker

    # Without a format checker jsonschema ignores "format": "uri-reference", and SARIF1002
    # (a path with a space is no URI) went unnoticed.
    return Draft4Validator(
        json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")),
        format_checker=FormatChecker(),
    )


def test_sarif_validates_against_the_2_1_0_schema(sarif_validator):
    log = json.loads("".join(sarif.render(_results(claimcheck={"ignore": ["CC507"]}))))
    errors = sorted(e.message for e in sarif_validator.iter_errors(log))
    assert errors == []
    run = log["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["CC302", "CC501", "CC507"]
    assert run["results"][2]["suppressions"] == [
        {"kind": "inSource", "justification": "front_matter"}
    ]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "articles/story.md", "uriBaseId": "%SRCROOT%"}
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rule_ids == sorted(rule_ids) and rule_ids[run["results"][1]["ruleIndex"]] == "CC501"


def test_sarif_fingerprints_come_from_content_not_lines():
    def prints(text):
        doc = document(text)
        res = apply_rules(result(doc, findings=(finding(doc, "Tuesday", "CC501"),)), settings())
        log = json.loads("".join(sarif.render([res])))
        return log["runs"][0]["results"][0]

    before, after = prints("We met on Tuesday.\n"), prints("New intro.\n\nWe met on Tuesday.\n")
    assert before["locations"] != after["locations"]
    assert before["partialFingerprints"] == after["partialFingerprints"]


def test_sarif_paths_are_repository_relative_posix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = _results(path=str(tmp_path / "articles" / "story.md"))
    log = json.loads("".join(sarif.render(res)))
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "articles/story.md"
    )


# --- JSON, JSON lines, ClaimReview ---------------------------------------------------------


def test_json_and_jsonl_records_validate_against_our_schemas():
    res = _results()
    for line in "".join(RENDERERS["jsonl"](res)).splitlines():
        assert schema.errors(json.loads(line)) == []
    for doc in json.loads("".join(RENDERERS["json"](res))):
        assert schema.errors(doc, "document") == []


def test_claimreview_drafts_are_marked_as_drafts():
    drafts = json.loads("".join(claimreview.render(_results())))
    (only,) = drafts
    assert only["@type"] == "ClaimReview" and only["creativeWorkStatus"] == "Draft"
    assert (
        only["reviewRating"]["ratingValue"] == 1
        and "draft" in only["reviewRating"]["alternateName"]
    )
    assert only["itemReviewed"]["appearance"]["url"] == "articles/story.md"
    assert only["author"]["name"].startswith("EDITOR")


def test_html_findings_without_the_page_source_name_the_file_only(sarif_validator):
    # As `claimcheck verify` reads them back from JSON lines: the extracted text, no page.
    doc = document(
        "Ministers met on Tuesday, January 12, 2022.\n", path="news/page.html", fmt="html"
    )
    res = [apply_rules(result(doc, findings=(finding(doc, "Tuesday", "CC501"),)), settings())]
    (command,) = parse_workflow_commands("".join(github.render(res)))
    assert set(command) == {"level", "file", "title", "message"}
    log = json.loads("".join(sarif.render(res)))
    assert list(sarif_validator.iter_errors(log)) == []
    assert "region" not in log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert "| news/page.html | – | error | CC501 |" in github.summary(res)


# --- one outage, one line for people -------------------------------------------------------


def _outage():
    """Three claims the source could not answer (CC910) beside one contradicted claim."""
    doc = document(TEXT)
    unanswered = ("NATO", "January 12, 2022", "120%")
    claims = tuple(
        claim(doc, s, "count", "not_checked", reason="source_unavailable") for s in unanswered
    )
    contradicted = claim(doc, "30 members", "count", "contradicted", value={"amount": 30})
    return [apply_rules(result(doc, (*claims, contradicted)), settings())]


def test_an_outage_is_one_line_in_human_formats_and_one_record_per_claim_in_machine_ones():
    res = _outage()
    concise_lines = "".join(concise.render(res)).splitlines()
    assert [CONCISE.match(x)["rule"] for x in concise_lines] == ["CC910", "CC301"]
    assert "3 claims not verified" in concise_lines[0] and "source unavailable" in concise_lines[0]
    annotations = parse_workflow_commands("".join(github.render(res)))
    assert sorted(a["title"] for a in annotations) == ["CC301 (error)", "CC910 (warning)"]
    assert "| CC910 |" in github.summary(res) and github.summary(res).count("| CC910 |") == 1
    table = "".join(RENDERERS["table"](res))
    listed, summary = table.split("claims need attention:")  # the findings, then the summary
    assert listed.count("CC910") == 1 and "3 claims not verified" in listed
    assert summary.count("CC910") == 1  # the outage is one item of the summary too
    records = [json.loads(x) for x in "".join(RENDERERS["jsonl"](res)).splitlines()]
    assert [r["rule"] for r in records if r["record"] == "finding"].count("CC910") == 3
    runs = json.loads("".join(sarif.render(res)))["runs"]
    assert [r["ruleId"] for r in runs[0]["results"]].count("CC910") == 3


def test_a_single_unanswered_claim_keeps_its_own_message():
    doc = document(TEXT)
    one = claim(doc, "NATO", "count", "not_checked", reason="offline_cache_miss")
    [line] = "".join(concise.render([apply_rules(result(doc, (one,)), settings())])).splitlines()
    assert "“NATO”: not verified" in line and "claims not verified" not in line
