"""Faults: a build killed at any moment, a full disk or a read-only folder
never damages the published output, and each failure says why."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from .conftest import run_cli
from .test_build import tree
from .tools import require


def build_command(site) -> list[str]:
    return [sys.executable, "-m", "cchc_site", "build", "--site", str(site)]


def test_killing_builds_at_random_points_never_damages_the_output(site_copy):
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    published = tree(site_copy / "output")
    started = time.monotonic()
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    duration = time.monotonic() - started
    # an edit, so a finished build would change the published files
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Trần Quốc Thành", "Trần Q. Thành"),
                    encoding="utf-8")
    rng = random.Random(20)
    kills = 0
    for _ in range(20):
        process = subprocess.Popen(build_command(site_copy), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration * 0.9))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
        current = tree(site_copy / "output")
        assert current == published or "Trần Q. Thành".encode() in \
            current["ke-hoach/so-khcn-nghe-an-2023/index.html"], "a half-written output"
        if current != published:  # that build finished: what it published is complete
            assert set(current) == set(published)
            published = current
    assert kills >= 10, f"only {kills} of 20 builds were killed while running"
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    assert not (site_copy / ".output.staging").exists()


def test_a_full_disk_gives_a_clear_error_and_keeps_the_output(site_copy):
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    before = tree(site_copy / "output")
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    limited = subprocess.run(["bash", "-c", "ulimit -f 40; exec \"$@\"", "bash",
                              *build_command(site_copy)], capture_output=True, text=True)
    assert limited.returncode == 2, limited.stderr
    assert "đĩa đầy hoặc thư mục chỉ đọc" in limited.stderr and "Traceback" not in limited.stderr
    assert tree(site_copy / "output") == before
    assert not (site_copy / ".output.staging").exists()


def test_a_read_only_folder_gives_a_clear_error(tmp_path, site_copy):
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:  # root writes through permissions; the immutable flag stops it
        chattr = require("chattr", "e2fsprogs")
        subprocess.run([chattr, "+i", str(locked)], check=True)
    else:
        locked.chmod(0o555)
    try:
        result = subprocess.run(build_command(site_copy) + ["--output", str(locked / "out")],
                                capture_output=True, text=True)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(locked)], check=True)
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "chỉ đọc" in result.stderr and "Traceback" not in result.stderr
    assert list(locked.iterdir()) == []
