"""Forked worker processes for a full build, where the system can make them."""

from __future__ import annotations

import multiprocessing
import os


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
