"""`claimcheck schema NAME` prints one self-contained schema (issue 16, point 5): an independent
validator given that file alone, with no registry and no network, resolves every reference and
validates the records claimcheck writes (ajv was given record.schema.json and could not find
document.schema.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing.exceptions import Unresolvable

from claimcheck.__main__ import main
from claimcheck.render import schema
from claimcheck.render.records import RENDERERS

SEED = str(Path(__file__).resolve().parent.parent / "examples" / "nato-russia-council.txt")


def _printed(capsys, name: str) -> dict:
    assert main(["schema", name]) == 0
    return json.loads(capsys.readouterr().out)


def _lone_validator(document: dict) -> Draft202012Validator:
    """A validator that knows no other schema: any reference out of the document fails."""
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def records(nlp):
    from fakes import FakeSource

    from claimcheck import pipeline
    from claimcheck.config import Settings

    settings = Settings()
    documents = list(pipeline.read_documents([SEED], settings, lambda item: None))
    results = list(pipeline.check(documents, nlp, settings, source=FakeSource()))
    lines = "".join(RENDERERS["jsonl"](results)).splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("name", schema.NAMES)
def test_the_printed_schema_refers_only_inside_itself(capsys, name):
    printed = _printed(capsys, name)
    refs = re.findall(r'"\$ref": "([^"]*)"', json.dumps(printed))
    assert refs or name == "claim"
    assert all(ref.startswith("#") for ref in refs), refs
    assert printed["$id"] == schema.load(name)["$id"]


def test_records_of_a_real_run_validate_against_the_printed_record_schema_alone(capsys, records):
    validator = _lone_validator(_printed(capsys, "record"))
    kinds = {r["record"] for r in records}
    assert kinds == {"document", "claim", "finding"} and len(records) > 20
    for record in records:
        assert list(validator.iter_errors(record)) == [], record


def test_the_lone_schema_still_rejects_what_the_files_reject(capsys, records):
    validator = _lone_validator(_printed(capsys, "record"))
    finding = next(r for r in records if r["record"] == "finding")
    claim = next(r for r in records if r["record"] == "claim")
    for broken in ({**finding, "rule": "XX1"}, {**claim, "span": {"start": 0}}):
        assert schema.errors(broken) != []  # the split files, with the project's registry
        assert not validator.is_valid(broken)


def test_the_document_schema_alone_validates_json_output(capsys, records):
    validator = _lone_validator(_printed(capsys, "document"))
    head = next(r for r in records if r["record"] == "document")
    claims = [r for r in records if r["record"] == "claim"]
    findings = [r for r in records if r["record"] == "finding"]
    assert validator.is_valid({**head, "claims": claims, "findings": findings})


def test_the_split_files_alone_would_not_resolve():
    """What the client met: the file as stored refers to its siblings."""
    validator = Draft202012Validator(schema.load("record"))
    with pytest.raises(Unresolvable):
        validator.is_valid({"record": "claim"})
