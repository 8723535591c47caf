"""The people family of claims: which name-shaped mentions are people at all (screen.py) and,
built on them, what articles say about people (ages, nationality, birthplace)."""
