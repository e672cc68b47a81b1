"""Work done ahead in an idle child process: its result comes back, and
a child whose result is not wanted, or that fails, is never left behind."""

from __future__ import annotations

import os

import pytest

from cchc_site.processes import Idle

def _pid_and_double(value):
    return os.getpid(), value * 2


def _fails():
    raise RuntimeError("hỏng")


def _waits_forever(pid_file):
    pid_file.write_text(str(os.getpid()))
    while True:
        os.pause()


def test_the_result_is_worked_out_in_another_process():
    with Idle(_pid_and_double, [1, "a"]) as ahead:
        pid, value = ahead.result()
    assert value == [1, "a", 1, "a"]
    assert pid != os.getpid()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # reaped


def test_work_that_fails_gives_none():
    with Idle(_fails) as ahead:
        assert ahead.result() is None


def test_leaving_without_the_result_stops_the_child(tmp_path):
    pid_file = tmp_path / "pid"
    with Idle(_waits_forever, pid_file):
        while not pid_file.exists() or not pid_file.read_text():
            os.sched_yield()
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


def test_where_no_process_can_be_forked_the_caller_is_told_to_do_the_work(monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")
    monkeypatch.setattr(os, "fork", no_fork)
    opened = len(os.listdir("/proc/self/fd"))
    with Idle(_pid_and_double, 1) as ahead:
        assert ahead.result() is None
    assert len(os.listdir("/proc/self/fd")) == opened  # its pipe closed
