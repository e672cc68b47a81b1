"""The synthetic province used by the benchmarks is valid content."""

import sys

from .conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402


def test_synthetic_province_passes_strict_check(tmp_path):
    count = generate(tmp_path, agencies=2, years=2, seed=7)
    result = run_cli("check", "--site", str(tmp_path), "--strict")
    assert result.returncode == 0, result.stderr[-2000:]
    assert count == 2 * (2 + 2 * 5)  # agency + catalogue, and per year a plan and 4 reports


def test_synthetic_content_is_deterministic(tmp_path):
    generate(tmp_path / "a", agencies=2, years=1, seed=3)
    generate(tmp_path / "b", agencies=2, years=1, seed=3)
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.yaml")}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.yaml")}
    assert a == b and len(a) > 5
