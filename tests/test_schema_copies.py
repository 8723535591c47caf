"""One JSON Schema, two places: claimcheck/schemas/ is the source of truth (shipped in the wheel,
what `render/schema.py` validates output against); schemas/ at the top of the repository is the
public copy readers and other tools link to. They must never differ."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "claimcheck" / "schemas"
PUBLIC = ROOT / "schemas"


def differing(shipped: Path, public: Path) -> list[str]:
    """Names present in one folder only, or with different bytes."""
    names = {p.name for p in shipped.glob("*.json")} | {p.name for p in public.glob("*.json")}
    return sorted(
        n
        for n in names
        if not (shipped / n).is_file()
        or not (public / n).is_file()
        or (shipped / n).read_bytes() != (public / n).read_bytes()
    )


def test_the_public_schemas_are_the_shipped_ones():
    assert list(SHIPPED.glob("*.json")), "no schemas found"
    assert differing(SHIPPED, PUBLIC) == [], "copy claimcheck/schemas/*.json to schemas/"


def test_a_drifted_or_missing_copy_is_reported(tmp_path):
    shipped, public = tmp_path / "a", tmp_path / "b"
    shipped.mkdir()
    public.mkdir()
    for name in ("claim.schema.json", "finding.schema.json", "record.schema.json"):
        (shipped / name).write_text('{"type": "object"}\n')
    (public / "claim.schema.json").write_text('{"type": "object"}\n')
    (public / "finding.schema.json").write_text('{"type": "object"} \n')
    assert differing(shipped, public) == ["finding.schema.json", "record.schema.json"]
