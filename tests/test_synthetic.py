"""The synthetic province used by the benchmarks is valid content."""

import sys

import yaml

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


def test_synthetic_reports_read_like_reports(tmp_path):
    """Titles name the period in words, and a task done stays done in the
    plan's later reports (statuses only move forward, as real ones do)."""
    generate(tmp_path, agencies=2, years=2, seed=5)
    order = {"chua-thuc-hien": 0, "dang-thuc-hien": 1, "hoan-thanh": 2}
    moved = 0
    for plan in sorted((tmp_path / "content/plans").glob("*.yaml")):
        reached: dict[str, int] = {}
        for period, words in [("quy-1", "quý I năm"), ("6-thang", "6 tháng năm"),
                              ("9-thang", "9 tháng năm"), ("nam", "năm")]:
            report = yaml.safe_load((tmp_path / f"content/reports/{plan.stem}-{period}.yaml")
                                    .read_text(encoding="utf-8"))
            assert report["title"].endswith(f" {words} {report['year']}")
            for said in report["tasks"]:
                step = order[said["status"]]
                assert step >= reached.get(said["task"], 0), (plan.stem, period, said["task"])
                moved += step > reached.get(said["task"], 0) > 0
                reached[said["task"]] = step
    assert moved > 0  # some tasks do move on, from under way to done
