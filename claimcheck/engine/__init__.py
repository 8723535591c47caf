"""Engines: one entry point (records.py) that a single process, `--jobs` and a cluster run
(cluster.py, Dask) all call, and the archives a cluster run reads (archive.py)."""
