"""Records out: table, json, jsonl, concise, github, sarif, claimreview, html; writing output."""
