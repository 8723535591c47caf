"""The output format names, apart from their renderers (render/records.py), so that the CLI's
options and `--help` list them without importing a renderer."""

FORMATS = ("table", "json", "jsonl", "html")  # what `extract` writes
# What check and verify write (findings too). Each but table, json and jsonl is the module of
# render/ whose `render` writes it.
CHECK_FORMATS = (
    "table",
    "json",
    "jsonl",
    "concise",
    "github",
    "sarif",
    "gitlab",
    "claimreview",
    "html",
)
