"""Forked query workers: user queries run in a child process that can be killed.

pyoxigraph cannot cancel a query, so a SPARQL Protocol query runs in a worker forked from the
server process: the child shares the loaded in-memory store copy-on-write, runs one query at a time
and answers over a pipe. A query that overruns its deadline gets its worker SIGKILLed; the pool forks
a fresh one on the next request. After every data change the store replaces its pool, since a
worker only ever sees the data as it was when it was forked.

Forking a threaded process is safe only if no other thread holds a lock the child needs. The child
needs just the pyoxigraph store, so every in-process use of the store goes through `ForkGate.shared()`
and forking takes `ForkGate.exclusive()`: no store operation runs while a worker is being forked.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe
from typing import Any

from store.base import QueryTimeout, StoreUnavailable

__all__ = ["ForkGate", "Worker", "WorkerPool"]

Handler = Callable[[Any], Any]


class ForkGate:
    """A readers-writer gate: many store users at once, or one fork; a waiting fork goes first."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._users = 0
        self._forking = 0

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._forking:
                self._cond.wait()
            self._users += 1
        try:
            yield
        finally:
            with self._cond:
                self._users -= 1
                if not self._users:
                    self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._forking += 1
            while self._users:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._forking -= 1
                self._cond.notify_all()


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent exits (best effort)."""
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _child_main(conn: Connection, handler: Handler) -> None:
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL if sig == signal.SIGTERM else signal.SIG_IGN)
    with contextlib.suppress(Exception):
        signal.set_wakeup_fd(-1)
    _die_with_parent()
    fd = conn.fileno()
    # Drop every inherited descriptor (listening sockets, event loop, other workers' pipes).
    os.closerange(3, fd)
    os.closerange(fd + 1, 1 << 16)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", handler(request))
        except BaseException as e:  # every failure goes back to the parent, typed
            reply = ("error", (type(e).__name__, str(e)))
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


@dataclass
class Worker:
    pid: int
    conn: Connection

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            self.conn.close()
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class WorkerError(Exception):
    """A failure the worker reported: `kind` is the exception class name inside the worker."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class WorkerPool:
    """Up to `size` forked workers running `handler(request)`; spawned lazily, killed on timeout."""

    def __init__(self, handler: Handler, size: int, gate: ForkGate) -> None:
        self._handler = handler
        self._size = max(1, size)
        self._gate = gate
        self._cond = threading.Condition()
        self._idle: list[Worker] = []
        self._busy: set[int] = set()
        self._workers: dict[int, Worker] = {}
        self._count = 0
        self._closed = False

    def _spawn(self) -> Worker:
        parent_end, child_end = Pipe(duplex=True)
        with self._gate.exclusive():
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child
                try:
                    parent_end.close()
                    _child_main(child_end, self._handler)
                finally:
                    os._exit(0)
        child_end.close()
        return Worker(pid, parent_end)

    def _acquire(self, deadline: float) -> Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise StoreUnavailable("the query workers were retired; retry")
                if self._idle:
                    worker = self._idle.pop()
                    self._busy.add(worker.pid)
                    return worker
                if self._count < self._size:
                    self._count += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise QueryTimeout("every query worker stayed busy until the timeout")
                self._cond.wait(remaining)
        try:
            worker = self._spawn()
        except BaseException:
            with self._cond:
                self._count -= 1
                self._cond.notify()
            raise
        with self._cond:
            self._workers[worker.pid] = worker
            self._busy.add(worker.pid)
        return worker

    def _release(self, worker: Worker, keep: bool) -> None:
        with self._cond:
            self._busy.discard(worker.pid)
            if keep and not self._closed:
                self._idle.append(worker)
                self._cond.notify()
                return
            self._workers.pop(worker.pid, None)
            self._count -= 1
            self._cond.notify()
        worker.kill()

    def run(self, request: Any, timeout: float) -> Any:
        """Send `request` to a worker and return its answer; raise QueryTimeout (the worker is
        killed) if none comes within `timeout` seconds, WorkerError if the handler failed."""
        deadline = time.monotonic() + timeout
        worker = self._acquire(deadline)
        keep = False
        try:
            worker.conn.send(request)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            status, payload = worker.conn.recv()
            keep = True
        except (EOFError, OSError) as e:
            raise StoreUnavailable(f"the query worker died ({e or 'no answer'}); it was replaced") from e
        finally:
            self._release(worker, keep)
        if status == "error":
            raise WorkerError(*payload)
        return payload

    def close(self) -> None:
        """Kill idle workers now and busy ones when they come back (or now, with `kill_busy`)."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            for worker in idle:
                self._workers.pop(worker.pid, None)
                self._count -= 1
            self._cond.notify_all()
        for worker in idle:
            worker.kill()

    def kill_all(self) -> None:
        self.close()
        with self._cond:
            workers = list(self._workers.values())
        for worker in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.pid, signal.SIGKILL)
