"""Forked worker processes for a full build, where the system can make them."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal


def workers() -> int:
    """How many processes a full build uses: CCHC_SITE_WORKERS when it is a
    number, else the cores this process may run on."""
    setting = os.environ.get("CCHC_SITE_WORKERS", "").strip()
    if setting.isdigit():
        return max(1, int(setting))
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def fork_pool(processes: int):
    """A pool of ``processes`` forked processes, which inherit what the caller
    set up before this call; None where none can be made (no fork, as on
    Windows, or no shared memory for the pool's locks, as in some
    containers): the caller then does the work itself, with the same result."""
    try:
        return multiprocessing.get_context("fork").Pool(processes)
    except (OSError, ValueError):
        return None


class Idle:
    """``work(*args)`` done in a forked child at the lowest priority, so that
    it runs on a core the build leaves idle (a province's build is serial for
    a moment between reading and rendering); ``result()`` waits for what it
    returned.  None where it failed or no process can be forked: the caller
    then does the work itself.  Only from a process with no threads.

        with Idle(work, arg) as ahead:
            ...                       # the caller's own work meanwhile
            value = ahead.result()
    """

    def __init__(self, work, *args):
        self._child = None
        if not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        try:
            child = os.fork()
        except OSError:  # no process to spare (a limit on processes, or on memory)
            os.close(read)
            os.close(write)
            return
        if child == 0:  # never returns into the caller's code, whatever happens
            status = 1
            try:
                os.close(read)
                os.nice(19)
                with open(write, "wb") as pipe:
                    pipe.write(pickle.dumps(work(*args)))
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._child, self._pipe = child, open(read, "rb")

    def result(self):
        if self._child is None:
            return None
        data = self._pipe.read()
        return pickle.loads(data) if self._reap() == 0 else None

    def _reap(self, stop: bool = False) -> int:
        self._pipe.close()
        if stop:  # its result is no longer wanted
            os.kill(self._child, signal.SIGKILL)
        _, status = os.waitpid(self._child, 0)
        self._child = None
        return os.waitstatus_to_exitcode(status)

    def __enter__(self) -> Idle:
        return self

    def __exit__(self, *exc) -> None:
        if self._child is not None:
            self._reap(stop=True)
