"""`cchc-site report` starts the next report of a plan: every task and target,
what the previous report said, and it validates as it is."""

from __future__ import annotations

import pytest

from .conftest import ROOT, raw_yaml, run_cli


def test_draft_for_the_example_plan_validates_and_lists_every_task(site_copy):
    result = run_cli("report", "so-khcn-nghe-an-2023", "--period", "quy-1",
                     "--site", str(site_copy))
    assert result.returncode == 0, result.stderr
    draft_path = site_copy / "content/reports/so-khcn-nghe-an-2023-quy-1.yaml"
    draft = raw_yaml(draft_path)
    plan = raw_yaml(site_copy / "content/plans/so-khcn-nghe-an-2023.yaml")
    keys = [f"{a['number']}.{t['number']}" for a in plan["areas"] for t in a["tasks"]]
    assert [t["task"] for t in draft["tasks"]] == keys
    assert [f["target"] for f in draft["figures"]] == [t["id"] for t in plan["targets"]]
    assert draft["title"] == "Báo cáo kết quả thực hiện cải cách hành chính Quý I năm 2023"
    check = run_cli("check", "--site", str(site_copy))
    assert check.returncode == 0, check.stderr  # no error, and only a reminder to fill it in
    about_draft = [line for line in check.stderr.splitlines() if draft_path.name in line]
    assert len(about_draft) == 1 and "cảnh báo/warning: báo cáo chưa có nội dung" in \
        about_draft[0], check.stderr


def test_draft_carries_forward_what_the_previous_report_said(site_copy):
    result = run_cli("report", "so-khcn-nghe-an-2023", "--period", "nam", "--year", "2023",
                     "--site", str(site_copy), "--out", str(site_copy / "draft.yaml"))
    assert result.returncode == 0
    text = (site_copy / "draft.yaml").read_text(encoding="utf-8")
    assert "# Chưa có báo cáo trước" in text  # the year report is not before itself
    year_report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    q3 = year_report.read_text(encoding="utf-8").replace("period: nam", "period: 9-thang")
    year_report.unlink()
    (site_copy / "content/reports/so-khcn-nghe-an-2023-9-thang.yaml").write_text(
        q3, encoding="utf-8")
    result = run_cli("report", "so-khcn-nghe-an-2023", "--period", "nam",
                     "--site", str(site_copy))
    assert result.returncode == 0, result.stderr
    text = (site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml").read_text(
        encoding="utf-8")
    assert "# Kỳ trước: hoan-thanh — Kế hoạch tuyên truyền cải cách hành chính năm 2023" in text
    said = raw_yaml(ROOT / "content/reports/so-khcn-nghe-an-2023-nam.yaml")
    carried = [s for s in said["tasks"] if s.get("status")] + \
        [f for f in said["figures"] if f.get("target")]
    assert text.count("# Kỳ trước:") == len(carried) > 20  # each status, each figure of a target
    assert run_cli("check", "--site", str(site_copy)).returncode == 0


def test_draft_never_overwrites_without_force(site_copy):
    target = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    before = target.read_bytes()
    result = run_cli("report", "so-khcn-nghe-an-2023", "--period", "nam", "--site",
                     str(site_copy))
    assert result.returncode == 2 and "--force" in result.stderr
    assert target.read_bytes() == before


def test_unknown_plan_is_a_clear_error(site_copy):
    result = run_cli("report", "khong-co", "--period", "nam", "--site", str(site_copy))
    assert result.returncode == 2 and "không có kế hoạch 'khong-co'" in result.stderr


def test_draft_carries_each_tasks_latest_word_even_from_an_older_report(tmp_path):
    """I.1 was reported done in Quý I and not spoken of in 6 tháng: the year's
    draft still shows what Quý I said, naming that report."""
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    (site / "content/reports").mkdir()
    head = "agency: co-quan-mau\nplan: co-quan-mau-2024\nyear: 2024\n"
    (site / "content/reports/co-quan-mau-2024-quy-1.yaml").write_text(
        head + "period: quy-1\ntitle: Quý I\ndate: 15/03/2024\n"
        "tasks:\n  - {task: I.1, status: hoan-thanh, evidence: Đã rà soát}\n", encoding="utf-8")
    (site / "content/reports/co-quan-mau-2024-6-thang.yaml").write_text(
        head + "period: 6-thang\ntitle: 6 tháng\ndate: 15/06/2024\ndossiers: {received: 3}\n",
        encoding="utf-8")
    result = run_cli("report", "co-quan-mau-2024", "--period", "nam", "--site", str(site))
    assert result.returncode == 0, result.stderr
    text = (site / "content/reports/co-quan-mau-2024-nam.yaml").read_text(encoding="utf-8")
    assert "'co-quan-mau-2024-6-thang' đã nói" in text
    assert "# Kỳ trước (co-quan-mau-2024-quy-1): hoan-thanh — Đã rà soát" in text


def test_a_rate_reported_before_is_quoted_as_it_is_written_in_a_value(tmp_path):
    """'97,2 %' (a space before %), the very form check refuses in 'value'."""
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "targets:\n  - {id: dung-han, text: "
                    "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%}\n", encoding="utf-8")
    (site / "content/reports").mkdir()
    (site / "content/reports/co-quan-mau-2024-quy-1.yaml").write_text(
        "agency: co-quan-mau\nplan: co-quan-mau-2024\nyear: 2024\nperiod: quy-1\ntitle: Quý I\n"
        "figures:\n  - {id: dung-han, target: dung-han, label: Đúng hạn, value: '97,2', unit: '%',"
        " as_written: 'đạt 97,2%'}\n", encoding="utf-8")
    result = run_cli("report", "co-quan-mau-2024", "--period", "6-thang", "--site", str(site))
    assert result.returncode == 0, result.stderr
    text = (site / "content/reports/co-quan-mau-2024-6-thang.yaml").read_text(encoding="utf-8")
    assert "# Kỳ trước: 97,2% — đạt 97,2%" in text, text


@pytest.mark.parametrize("written, period", [("quy-2", "6-thang"), ("Quý III", "9-thang")])
def test_a_quarter_asked_for_is_the_report_that_ends_with_it(site_copy, written, period):
    result = run_cli("report", "so-khcn-nghe-an-2023", "--period", written, "--site",
                     str(site_copy))
    assert result.returncode == 0, result.stderr
    draft = site_copy / f"content/reports/so-khcn-nghe-an-2023-{period}.yaml"
    assert f"\nperiod: {period}\n" in draft.read_text(encoding="utf-8")


def test_an_unknown_period_says_which_there_are_in_vietnamese_and_english(site_copy):
    result = run_cli("report", "so-khcn-nghe-an-2023", "--period", "quy-7", "--site",
                     str(site_copy))
    assert result.returncode == 2
    assert "kỳ 'quy-7' không có; chỉ nhận: quy-1, 6-thang, 9-thang, nam (báo cáo quý II là " \
           "6-thang" in result.stderr and "expected one of: quy-1, 6-thang" in result.stderr
