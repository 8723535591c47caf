"""`--engine dask`: an archive's partitions processed on a Dask cluster (`--scheduler ADDRESS`,
else a local cluster of one single-threaded worker process per job), each by the entry point of
records.py, so every worker loads spaCy once and gives the records a local run gives.

Without --output the driver streams the records to stdout in input order as partitions finish;
with --output DIR each worker writes its partition there (part-00000.jsonl or .parquet; DIR must be
reachable from the workers). Bad documents come back as error records and are reported on stderr.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.engine.archive import Partition, archive_files, partitions, read_partition
from claimcheck.engine.records import process
from claimcheck.errors import ExitStatus, OutputError, UsageError, WorkerLost
from claimcheck.render.records import dumps, result_records

if TYPE_CHECKING:
    from claimcheck.config import Settings

# The worst status of any partition is the run's: an unreadable record beats a failing finding,
# which beats an unverified claim.
_PRIORITY = (ExitStatus.ERROR, ExitStatus.FINDINGS, ExitStatus.UNVERIFIED, ExitStatus.OK)
INSTALL_HINT = "--engine dask needs Dask and pyarrow: pip install 'claimcheck[cluster]'"


@dataclass
class PartitionResult:
    documents: int = 0
    records: list[dict[str, Any]] = field(default_factory=list)  # empty when written to DIR
    errors: list[dict[str, Any]] = field(default_factory=list)
    status: int = ExitStatus.OK


def run_partition(
    part: Partition, index: int, settings: Settings, command: str, out_dir: str | None, fmt: str
) -> PartitionResult:
    """On a worker: one partition through the entry point; written to DIR or sent back."""
    from claimcheck.policy.outcome import exit_status

    outcome, results = PartitionResult(), []
    for item in process(read_partition(part), settings, command):
        if isinstance(item, dict):
            outcome.errors.append(item)
        else:
            results.append(item)
            outcome.records.extend(result_records(item))
    outcome.documents = len(results)
    if command == "check":
        outcome.status = exit_status(results, settings.rules)
    if out_dir is not None:
        write_part(Path(out_dir) / f"part-{index:05d}.{fmt}", outcome.records, fmt)
        outcome.records = []
    return outcome


def write_part(path: Path, records: list[dict[str, Any]], fmt: str) -> None:
    """Atomically, so a part file is whole or absent."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0o022)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # mkstemp's 0600 would hide the parts from the team
    os.close(fd)
    try:
        if fmt == "parquet":
            _write_parquet(tmp, records)
        else:
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines(dumps(record) + "\n" for record in records)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_parquet(path: str, records: list[dict[str, Any]]) -> None:
    """Records differ in shape (document, claim, finding, and each claim kind), so a row keeps
    the fields every query starts from as columns and the whole record as JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = {"record": [], "doc": [], "id": [], "kind": [], "json": []}
    for record in records:
        is_document = record.get("record") == "document"
        columns["record"].append(record.get("record"))
        columns["doc"].append(record.get("id") if is_document else record.get("doc"))
        columns["id"].append(record.get("id"))
        columns["kind"].append(record.get("kind") or record.get("rule"))
        columns["json"].append(dumps(record))
    table = pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()})
    pq.write_table(table, path)


@dataclass
class ClusterRun:
    """The driver: sends partitions out, brings records and errors back in input order."""

    settings: Settings
    command: str
    fmt: str = "jsonl"
    out_dir: str | None = None
    report_error: Callable[[str], None] = print
    status: ExitStatus = ExitStatus.OK
    documents: int = 0

    def records(self, specs: list[str], scheduler: str | None) -> Iterator[str]:
        """JSON lines for stdout (none with --output DIR), as the partitions finish in order."""
        files = archive_files(specs)
        worker_settings = dataclasses.replace(self.settings, jobs=1)  # a worker parses alone
        with _client(scheduler, self.settings.jobs) as client:
            parts = partitions(files, sum(client.nthreads().values()))
            futures = client.map(
                run_partition,
                parts,
                range(len(parts)),
                settings=worker_settings,
                command=self.command,
                out_dir=self.out_dir,
                fmt=self.fmt,
            )
            for future in futures:
                outcome: PartitionResult = _result(future)
                self._take(outcome)
                for record in outcome.records:
                    yield dumps(record) + "\n"

    def _take(self, outcome: PartitionResult) -> None:
        self.documents += outcome.documents
        for error in outcome.errors:
            self.report_error(str(error["message"]))
        status = ExitStatus.ERROR if outcome.errors else ExitStatus(outcome.status)
        self.status = min(self.status, status, key=_PRIORITY.index)


@contextlib.contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    if scheduler:
        with _connected(Client, scheduler) as client:
            yield client
        return
    import dask

    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    with (
        # The workers' statistical profiler samples their threads every 10 ms for a dashboard
        # that a local run does not open: some 6% of a worker's time (measured); an existing
        # cluster (--scheduler) keeps its own settings.
        dask.config.set({"distributed.worker.profile.enabled": False}),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            # None still starts the scheduler's HTTP server on 8787, with a four-line warning
            # when another run holds it; a free loopback port serves no one and warns no one.
            dashboard_address="127.0.0.1:0",
            silence_logs=40,  # logging.ERROR: worker chatter would drown the run's own messages
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


CONNECT_SECONDS = 10  # to connect, and then for the scheduler's first bytes
WORKERS_SECONDS = 60  # for a first worker to join a cluster that has none


@contextlib.contextmanager
def _connected(client_class: Any, scheduler: str) -> Iterator[Any]:
    """A client of a scheduler that answers, has a worker, within bounded time: a server that
    accepts and never speaks, an HTTP server, or a cluster without workers is said, naming
    --scheduler, instead of a wait for ever or a traceback."""
    _probe(scheduler)
    try:
        client = client_class(scheduler, timeout=CONNECT_SECONDS * 3)
    except TypeError as err:  # tls:// without Dask's TLS settings: "expects a ssl_context"
        raise UsageError(
            f"--scheduler {scheduler}: TLS needs Dask's TLS configuration "
            f"(distributed.comm.tls.* with a certificate and key: {err})"
        ) from None
    except (OSError, TimeoutError, ValueError, MemoryError) as err:
        raise UsageError(f"--scheduler {scheduler}: cannot reach it ({err})") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except (TimeoutError, OSError) as err:
            raise UsageError(
                f"--scheduler {scheduler}: no worker joined within {WORKERS_SECONDS} s ({err}); "
                "start workers with 'dask worker ADDRESS'"
            ) from None
        yield client


def _probe(scheduler: str) -> None:
    """A Dask scheduler speaks first: its handshake comes as soon as a client connects. A
    tcp:// server that sends nothing within the bound is no scheduler (Dask's own handshake
    waits for as long as the server keeps the connection open)."""
    import socket

    if not scheduler.startswith("tcp://"):
        return
    host, _, port = scheduler[len("tcp://") :].rstrip("/").rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), CONNECT_SECONDS) as conn:
            conn.settimeout(CONNECT_SECONDS)
            first = conn.recv(8)
    except ValueError:
        raise UsageError(f"--scheduler {scheduler}: expected tcp://HOST:PORT") from None
    except TimeoutError:
        raise UsageError(
            f"--scheduler {scheduler}: it accepts connections but sent nothing within "
            f"{CONNECT_SECONDS} s; is it a Dask scheduler (tcp://host:8786)?"
        ) from None
    except OSError as err:
        raise UsageError(
            f"--scheduler {scheduler}: cannot reach it ({err.strerror or err})"
        ) from None
    if len(first) < 8 or int.from_bytes(first, "little") > 2**16:
        shown = first[:8].decode("ascii", "backslashreplace")
        raise UsageError(
            f"--scheduler {scheduler}: it is not a Dask scheduler (it answered {shown!r})"
        )


def _result(future: Any) -> PartitionResult:
    """A partition's outcome; a partition that kills every worker it is given (Dask gives up
    after distributed.scheduler.allowed-failures) is a lost worker, exit 2, not a traceback."""
    from distributed.scheduler import KilledWorker

    try:
        outcome: PartitionResult = future.result()
    except KilledWorker as err:
        task = err.args[0] if err.args else "a partition"
        raise WorkerLost(
            f"a Dask worker died each time it took a partition ({task}); nothing more can be "
            "checked in this run"
        ) from None
    return outcome


def prepare_output(output: str | None) -> str | None:
    """--output DIR: created if absent; refused if it holds files already (a rerun would mix)."""
    if output in (None, "-"):
        return None
    folder = Path(output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{output}: cannot create the output folder ({err.strerror})") from None
    if any(folder.iterdir()):
        raise UsageError(f"--output {output}: the folder is not empty; name a new or empty one")
    return str(folder)
