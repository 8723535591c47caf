"""Records out: table, json, jsonl, concise, github, sarif, claimreview; writing output."""
