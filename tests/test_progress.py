"""Status, indicators and discrepancies on the example site, counted independently."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from cchc_site.deadlines import interpret
from cchc_site.model import Report, TaskStatus
from cchc_site.progress import (DONE, DONE_LATE, DONE_ON_TIME, DONE_UNTIMED, IN_PROGRESS, NO_INFO,
                                NOT_STARTED, ONGOING_WORK, OVERDUE, WAITING, reference_basis, reference_date,
                                standing)
from cchc_site.model import SiteConfig
from cchc_site.values import PartialDate

from .conftest import ROOT, raw_yaml, run_cli
from .test_build import tree
from .tools import require


def report(period="nam", year=2023, day=None):
    return Report(agency="a", year=year, period=period, title="r", date=day)


def said(status, day=None):
    return TaskStatus(task="I.1", status=status, date=day)


@pytest.mark.parametrize("deadline, statuses, today, expected", [
    ("Quý I", [], date(2023, 12, 31), NO_INFO),
    ("Khi có yêu cầu", [], date(2023, 12, 31), WAITING),
    # due when another plan says: nothing is waited for, and done is not known to be on time
    ("Theo kế hoạch của tỉnh", [], date(2023, 12, 31), NO_INFO),
    ("Theo kế hoạch của tỉnh", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE),
    ("Quý I", [(report(), said("hoan-thanh", PartialDate(2023, 2, 1)))], date(2023, 12, 31),
     DONE_ON_TIME),
    ("Quý I", [(report(), said("hoan-thanh", PartialDate(2023, 5, 1)))], date(2023, 12, 31),
     DONE_LATE),
    ("Quý IV", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE_ON_TIME),
    ("Quý I", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE),
    # work with no day to be late after, done: not 'chưa rõ đúng hạn'
    ("Thường xuyên", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE_UNTIMED),
    ("Báo cáo định kỳ hàng quý", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE_UNTIMED),
    ("Khi có yêu cầu", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE_UNTIMED),
    ("", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE_UNTIMED),
    # a deadline that could not be read: whether it was met cannot be told
    ("Theo tiến độ của dự án", [(report(), said("hoan-thanh"))], date(2023, 12, 31), DONE),
    ("Quý I", [(report(), said("dang-thuc-hien"))], date(2023, 12, 31), OVERDUE),
    ("Quý IV", [(report("6-thang"), said("dang-thuc-hien"))], date(2023, 6, 30), IN_PROGRESS),
    ("Quý IV", [(report("6-thang"), said("chua-thuc-hien"))], date(2023, 6, 30), NOT_STARTED),
    ("Thường xuyên", [(report(), said("dang-thuc-hien"))], date(2023, 12, 31), ONGOING_WORK),
    # a report after the reference date is not known yet on that date
    ("Quý IV", [(report("nam"), said("hoan-thanh"))], date(2023, 6, 30), NO_INFO),
    # done by Quý I's report and said again at the year's end: done on time, not 'no verdict'
    ("Quý I", [(report("quy-1"), said("hoan-thanh")), (report("6-thang"), said("hoan-thanh")),
               (report(), said("hoan-thanh"))], date(2023, 12, 31), DONE_ON_TIME),
    # not done yet at the deadline (Quý I's report), done by the half-year's: late
    ("Quý I", [(report("quy-1"), said("dang-thuc-hien")), (report("6-thang"), said("hoan-thanh"))],
     date(2023, 12, 31), DONE_LATE),
    # due in Quý II, in progress at Quý I, done by the half-year report (30/06): on time
    ("Quý II", [(report("quy-1"), said("dang-thuc-hien")), (report("6-thang"), said("hoan-thanh"))],
     date(2023, 12, 31), DONE_ON_TIME),
    # done, then said not done, then done again: only the last run counts
    ("Quý I", [(report("quy-1"), said("hoan-thanh")), (report("6-thang"), said("dang-thuc-hien")),
               (report(), said("hoan-thanh"))], date(2023, 12, 31), DONE_LATE),
])
def test_standing_on_a_date(deadline, statuses, today, expected):
    assert standing(interpret(deadline, 2023), statuses, today).status == expected


def test_reference_date_is_configured_or_the_latest_report():
    reports = [report("quy-1"), report("nam", 2022), report("6-thang", 2023,
                                                             PartialDate(2023, 7, 5))]
    assert reference_date(SiteConfig(title="t", base_url="/"), reports) == date(2023, 7, 5)
    configured = SiteConfig(title="t", base_url="/", reference_date=PartialDate(2023, 9))
    assert reference_date(configured, reports) == date(2023, 9, 30)
    assert reference_date(SiteConfig(title="t", base_url="/"), []) is None


def test_reference_basis_says_whether_the_day_is_a_reports_date_or_its_periods_end():
    config = SiteConfig(title="t", base_url="/")
    undated, dated = report("nam", 2023), report("6-thang", 2023, PartialDate(2023, 7, 5))
    assert reference_basis(config, [dated, undated]) == \
        "ngày cuối kỳ của báo cáo mới nhất, vì báo cáo không ghi ngày"
    assert reference_basis(config, [dated]) == "ngày của báo cáo mới nhất"
    assert reference_basis(SiteConfig(title="t", base_url="/", reference_date=PartialDate(2023)),
                           [dated]) == "ngày mốc chung của trang"


def test_a_task_page_says_on_what_day_and_why_its_standing_holds(page):
    soup = page("ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/iv-2/")
    assert soup.select_one(".task-standing").get_text(" ", strip=True).startswith(
        "Tình trạng đến ngày 31/12/2023 (ngày cuối kỳ của báo cáo mới nhất, vì báo cáo không "
        "ghi ngày):")


def test_plan_page_counts_equal_an_independent_count(page):
    plan = raw_yaml(ROOT / "content/plans/so-khcn-nghe-an-2023.yaml")
    said_of = {s["task"]: s["status"] for s in
               raw_yaml(ROOT / "content/reports/so-khcn-nghe-an-2023-nam.yaml")["tasks"]}
    keys = [f"{a['number']}.{t['number']}" for a in plan["areas"] for t in a["tasks"]]
    done = sum(1 for k in keys if said_of.get(k) == "hoan-thanh")
    doing = sum(1 for k in keys if said_of.get(k) == "dang-thuc-hien")
    silent = sum(1 for k in keys if k not in said_of)
    soup = page("ke-hoach/so-khcn-nghe-an-2023/")
    table = soup.select_one("section[aria-labelledby=tien-do] table")
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    total = [td.get_text() for td in table.select("tr.total td")]
    shown = dict(zip(headers[1:], map(int, total)))
    assert shown["Tổng"] == len(keys) == 34
    finished = sum(shown.get(k, 0) for k in ("Hoàn thành đúng hạn", "Hoàn thành trễ hạn",
                                              "Hoàn thành, chưa rõ đúng hạn",
                                              "Hoàn thành, không có hạn"))
    assert finished == done
    assert sum(shown.get(k, 0) for k in ("Đang thực hiện", "Thực hiện thường xuyên",
                                         "Quá hạn")) == doing
    assert shown.get("Chưa có thông tin", 0) + shown.get("Thực hiện khi có yêu cầu", 0) == silent
    badges = soup.select("article.task .task-standing .standing")
    assert len(badges) == 34 and all(b.get_text(strip=True) for b in badges)


SEED_MISTAKES = [
    ("content/plans/so-khcn-nghe-an-2023.yaml", "danh-so-vi", "thiếu số 4, 5"),
    ("content/plans/so-khcn-nghe-an-2023.yaml", "trung-nhiem-vu-ii-5-ii-7",
     "nhiệm vụ II.7 trùng nguyên văn với nhiệm vụ II.5"),
    # the deadline cell of task III.4 is empty (seed 000, line 245)
    ("content/plans/so-khcn-nghe-an-2023.yaml", "thieu-thoi-han-iii-4",
     "nhiệm vụ III.4 không ghi thời gian hoàn thành"),
    ("content/plans/so-khdt-tuyen-quang-2023.yaml", "chi-tieu-hai-long-95-bieu-hai-long-85",
     "tối thiểu 85%"),
    ("content/plans/so-khdt-tuyen-quang-2023.yaml",
     "chi-tieu-giao-dich-thanh-toan-10-bieu-giao-dich-thanh-toan-15", "từ 15% trở lên"),
    ("content/plans/so-khdt-tuyen-quang-2023.yaml",
     "chi-tieu-ho-so-cong-viec-mang-100-bieu-ho-so-cong-viec-80", "tối thiểu 80%"),
    ("content/plans/so-khdt-tuyen-quang-2023.yaml", "han-truoc-ngay-ban-hanh-i-2",
     "“Tháng 12/2022” có trước ngày ban hành"),
    # the on-time count not given: 5 of the 149 unaccounted for, not a sum gone wrong
    ("content/reports/so-khcn-nghe-an-2023-nam.yaml", "ho-so-tong-thieu-5",
     "= 144 hồ sơ, ít hơn tổng số tiếp nhận 149: 5 hồ sơ không rõ thuộc phần nào; báo cáo không "
     "nêu số: giải quyết đúng hạn"),
    ("content/reports/so-khcn-nghe-an-2023-nam.yaml", "so-lieu-don-vi-su-nghiep",
     "1 + 3 = 4"),
    # the text says no late returns, the figures count 3 (seed 002, lines 189 and 217)
    ("content/reports/so-khcn-nghe-an-2023-nam.yaml", "noi-khong-tra-cham",
     "viết “không có hiện tượng trả chậm”, nhưng số liệu ghi 3 hồ sơ trả quá hạn"),
]


@pytest.fixture(scope="module")
def check_output():
    return run_cli("check", "--site", str(ROOT))


@pytest.mark.parametrize("file, check_id, words", SEED_MISTAKES, ids=[m[1] for m in SEED_MISTAKES])
def test_check_names_each_real_mistake_of_the_seeds(check_output, file, check_id, words):
    warnings = [line for line in check_output.stderr.splitlines()
                if line.startswith(file + ":") and "cảnh báo/warning: không khớp" in line]
    assert any(check_id in line and words in line for line in warnings), check_output.stderr


def test_the_example_has_exactly_those_warnings(check_output):
    assert check_output.returncode == 0
    # and one more: the example's base_url is a sample address, to change before publishing
    assert check_output.stderr.count("cảnh báo/warning") == len(SEED_MISTAKES) + 1
    assert "site.yaml:3:11: cảnh báo/warning: base_url: địa chỉ 'https://cchc.example.gov.vn/' " \
        "vẫn là địa chỉ mẫu" in check_output.stderr
    assert run_cli("check", "--site", str(ROOT), "--strict").returncode == 1


@pytest.mark.parametrize("path, count", [("ke-hoach/so-khcn-nghe-an-2023/", 3),
                                         ("ke-hoach/so-khdt-tuyen-quang-2023/", 4),
                                         ("bao-cao/so-khcn-nghe-an-2023-nam/", 3)])
def test_pages_show_the_mistakes_as_notes(page, path, count):
    notes = page(path).select("section.findings li")
    assert len(notes) == count


def test_an_acknowledged_mistake_is_a_note_not_a_warning(site_copy):
    report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    report.write_text(report.read_text(encoding="utf-8") + (
        "acknowledged:\n  - check: ho-so-tong-thieu-5\n    note: Báo cáo gốc không nêu 5 hồ sơ này.\n"
        "  - check: khong-co-ma-nay\n    note: thừa\n"), encoding="utf-8")
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 0
    assert "ho-so-tong" not in result.stderr
    assert "khong-co-ma-nay" in result.stderr
    html = (site_copy / "output/bao-cao/so-khcn-nghe-an-2023-nam/index.html").read_text(
        encoding="utf-8")
    assert "Báo cáo gốc không nêu 5 hồ sơ này." in html


def test_an_acknowledgement_covers_the_mismatch_it_was_written_for_not_another(site_copy):
    """Acknowledged: 5 dossiers unaccounted for. Then 149 is mistyped 1.045:
    901 are unaccounted for, and the note about 5 must not hide it."""
    report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    text = report.read_text(encoding="utf-8").replace("  received: 149\n", "  received: 1045\n")
    report.write_text(text + "acknowledged:\n  - check: ho-so-tong-thieu-5\n"
                      "    note: Báo cáo gốc không nêu 5 hồ sơ này.\n", encoding="utf-8")
    stderr = run_cli("check", "--site", str(site_copy)).stderr
    assert "901 hồ sơ không rõ thuộc phần nào" in stderr and "ho-so-tong-thieu-901" in stderr
    assert "không có điều không khớp nào mã 'ho-so-tong-thieu-5'" in stderr, stderr


def test_rates_the_report_leaves_open_are_bounds_or_say_why(page):
    """The seed report gives dossiers resolved early (137) and late (3) but not
    on time: counting that as 0 bounds the rates (137 ÷ 140), said as bounds;
    with no online count, that rate cannot be computed at all."""
    items = [li.get_text(" ", strip=True) for li in page("bao-cao/so-khcn-nghe-an-2023-nam/")
             .select("ul.indicators li")]
    assert [item.split(" Công thức: ")[0] for item in items] == [
        "Tỷ lệ giải quyết trước hạn: không quá 97,9%",
        "Tỷ lệ giải quyết đúng hạn (gồm trước hạn): ít nhất 97,9%",
        "Tỷ lệ giải quyết quá hạn: không quá 2,1%",
        "Tỷ lệ tiếp nhận trực tuyến: Không tính được"]
    assert all("= 137 ÷ 140 × 100" in item or "= 3 ÷ 140 × 100" in item for item in items[:3])
    assert all("Báo cáo không nêu số giải quyết đúng hạn: tính với số ấy bằng 0" in item
               for item in items[:3])
    assert items[3].endswith("Không tính vì báo cáo không nêu số tiếp nhận trực tuyến")


def test_no_bound_is_given_when_it_would_say_nothing(site_copy):
    """No early dossier and the on-time count missing: 'at least 0%' and 'at
    most 100%' are not bounds worth printing, and the early rate is 0%
    whatever that count is, not 'at most 0%'."""
    report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "  resolved_early: 137\n", "  resolved_early: 0\n"), encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    from bs4 import BeautifulSoup
    soup = BeautifulSoup((site_copy / "output/bao-cao/so-khcn-nghe-an-2023-nam/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    items = [li.get_text(" ", strip=True).split(" Công thức: ")[0]
             for li in soup.select("ul.indicators li")]
    assert items[:3] == ["Tỷ lệ giải quyết trước hạn: 0%",
                         "Tỷ lệ giải quyết đúng hạn (gồm trước hạn): Không tính được",
                         "Tỷ lệ giải quyết quá hạn: Không tính được"]


def test_every_chart_has_a_title_and_text(example_output):
    from bs4 import BeautifulSoup
    charts = 0
    for path in example_output.rglob("*.html"):
        for svg in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("svg"):
            charts += 1
            assert svg["role"] == "img"
            assert svg.title.get_text(strip=True) and svg.desc.get_text(strip=True)
            assert svg.find_parent("figure").find_next("table") is not None or \
                svg.find_parent("section").find("table") is not None
    assert charts >= 3


def test_output_is_the_same_whatever_day_the_build_runs(tmp_path):
    faketime = require("faketime", "faketime")
    trees = []
    for day in ("2024-02-29 08:00:00", "2031-07-04 23:59:00"):
        out = tmp_path / f"output-{day[:4]}"
        result = subprocess.run([faketime, day, sys.executable, "-m", "cchc_site", "build",
                                 "--site", str(ROOT), "--output", str(out)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert subprocess.run([faketime, day, "date", "+%Y"], capture_output=True,
                              text=True).stdout.strip() == day[:4]
        trees.append(tree(out))
    assert trees[0] == trees[1]


def test_home_headline_states_its_formula_and_counts(page):
    soup = page("")
    section = soup.select_one("section.headline")
    assert "÷ tổng số nhiệm vụ × 100" in section.select_one(".formula").get_text()
    totals = {row.th.get_text(" ", strip=True): int(row("td")[-1].get_text())
              for row in section.select("tbody tr")}
    assert totals == {"Cải cách hành chính tại Sở Khoa học và Công nghệ năm 2023 "
                      "(Sở KH&CN Nghệ An, đến 31/12/2023)": 34,
                      "Cải cách hành chính Sở Kế hoạch và Đầu tư năm 2023 "
                      "(Sở KH&ĐT Tuyên Quang)": 21}
    for row in section.select("tbody tr"):
        cells = [int(td.get_text()) for td in row("td")]
        assert sum(cells[:-1]) == cells[-1]  # every task is in exactly one column
    rates = [li.get_text(" ", strip=True) for li in section.select("ul.completion li")]
    assert [rate for rate in rates if "Nghệ An" in rate][0].endswith("÷ 34 × 100)")
    assert [rate for rate in rates if "Tuyên Quang" in rate][0].endswith("chưa có báo cáo")
    assert "Tuyên Quang" in rates[0]  # by agency, in Vietnamese order: Kế hoạch before Khoa học


def test_a_target_is_followed_across_years(site_copy):
    plan = site_copy / "content/plans/so-khcn-nghe-an-2024.yaml"
    plan.write_text(
        "agency: so-khcn-nghe-an\nyear: 2024\ntitle: Kế hoạch CCHC năm 2024\n"
        "targets:\n  - id: truc-tuyen\n    text: Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số"
        " hồ sơ giải quyết TTHC của Sở đạt từ 50% trở lên.\n", encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    from bs4 import BeautifulSoup
    soup = BeautifulSoup((site_copy / "output/co-quan/so-khcn-nghe-an/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    table = soup.select_one("#bang-chi-tieu-nam").find_parent("table")
    assert [th.get_text() for th in table.select("thead th")][1:] == ["2023", "2024"]
    row = [tr for tr in table.select("tbody tr")
           if tr.th.get_text().startswith("Tỷ lệ hồ sơ giải quyết trực tuyến")]
    assert len(row) == 1
    assert [td.get_text(" ", strip=True) for td in row[0]("td")] == \
        ["Kế hoạch: ≥ 40%", "Kế hoạch: ≥ 50%"]
    # a year's results, one a report: each says which report's period it is of
    results = [line for td in table.select("tbody td") for line in td.get_text("\n").split("\n")
               if line.startswith("Đạt được")]
    assert results and all(line.startswith("Đạt được (năm 2023): ") for line in results), results


def test_rates_are_computed_by_field_when_the_report_gives_the_parts(site_copy):
    report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    text = report.read_text(encoding="utf-8").replace(
        "  received: 149\n", "  received: 149\n  resolved_on_time: 5\n  online: 30\n")
    text = text.replace("      received: 66\n", "      received: 66\n      resolved_early: 60\n"
                        "      resolved_on_time: 4\n      resolved_late: 2\n")
    report.write_text(text, encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    from bs4 import BeautifulSoup
    soup = BeautifulSoup((site_copy / "output/bao-cao/so-khcn-nghe-an-2023-nam/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    items = [li.get_text(" ", strip=True) for li in soup.select("ul.indicators li")]
    assert items[0].startswith("Tỷ lệ giải quyết trước hạn: 94,5%")  # 137 ÷ (137 + 5 + 3)
    assert "= 137 ÷ 145 × 100" in items[0]
    assert items[3].startswith("Tỷ lệ tiếp nhận trực tuyến: 20,1%")  # 30 ÷ 149
    rows = soup.select_one("#bang-ty-le").find_parent("table").select("tbody tr")
    first = [td.get_text() for td in rows[0]("td")]
    assert first == ["90,9%", "97%", "3%", "—"]  # 60/66, 64/66, 2/66


def test_each_plan_is_judged_as_of_its_own_latest_report(site_copy):
    q1 = site_copy / "content/reports/so-khdt-tuyen-quang-2023-quy-1.yaml"
    q1.write_text("agency: so-khdt-tuyen-quang\nplan: so-khdt-tuyen-quang-2023\nyear: 2023\n"
                  "period: quy-1\ntitle: Báo cáo Quý I\ndate: 15/03/2023\ntasks:\n"
                  "  - task: \"VII.3\"\n    status: dang-thuc-hien\n", encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    from bs4 import BeautifulSoup
    plan = BeautifulSoup((site_copy / "output/ke-hoach/so-khdt-tuyen-quang-2023/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    assert plan.select_one("#tien-do").get_text().endswith("đến ngày 15/03/2023")
    task = plan.select_one("#nv-vii-3 .standing").get_text()  # due Tháng 6/2023, not yet past
    assert task == "Đang thực hiện"


def test_the_plan_page_lists_the_tasks_past_due_that_no_report_speaks_of(page):
    """'Which tasks are late?': beside those reported unfinished past their
    deadline, those past it that no report mentions at all."""
    soup = page("ke-hoach/so-khcn-nghe-an-2023/")
    heading = next(h for h in soup.select("section.progress h3")
                   if h.get_text().startswith("Đã hết hạn nhưng chưa báo cáo nào đề cập"))
    items = heading.find_next("ul").find_all("li")
    keys = [li.a.get_text() for li in items]
    assert heading.get_text().endswith(f"({len(keys)})") and keys == ["II.4", "IV.1", "VII.5"]
    # and who answers for each, as the task's page names its lead units
    for li in items:
        task = soup.select_one(li.a["href"].partition("index.html")[2])  # its entry on the page
        lead = task.find("dt", string="Đơn vị chủ trì").find_next_sibling("dd").get_text()
        assert li.get_text().endswith(f"; chủ trì: {lead}"), li.get_text()
    for key in keys:
        task = page(f"ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/{key.lower().replace('.', '-')}/")
        assert "Chưa có thông tin" in task.select_one("p.task-standing").get_text()


def test_a_report_speaking_of_every_task_does_not_speak_of_others(site_copy):
    """A report giving a status for each task of its plan: 'cả N nhiệm vụ',
    not 'N of N; the others the report does not detail'; one leaving one out
    still says how many of how many."""
    import yaml
    plan = yaml.safe_load((site_copy / "content/plans/so-khdt-tuyen-quang-2023.yaml")
                          .read_text(encoding="utf-8"))
    keys = [f"{area['number']}.{task['number']}" for area in plan["areas"]
            for task in area["tasks"]]
    from bs4 import BeautifulSoup

    def said(tasks: list[str]) -> str:
        (site_copy / "content/reports/so-khdt-tuyen-quang-2023-quy-1.yaml").write_text(
            "agency: so-khdt-tuyen-quang\nplan: so-khdt-tuyen-quang-2023\nyear: 2023\n"
            "period: quy-1\ntitle: Báo cáo Quý I\ndate: 15/03/2023\ntasks:\n" + "".join(
                f'  - task: "{key}"\n    status: dang-thuc-hien\n' for key in tasks),
            encoding="utf-8")
        assert run_cli("build", "--site", str(site_copy)).returncode == 0
        soup = BeautifulSoup((site_copy / "output/bao-cao/so-khdt-tuyen-quang-2023-quy-1/"
                              "index.html").read_text(encoding="utf-8"), "html.parser")
        return soup.select_one("#tinh-trang").find_next("p").get_text()
    assert said(keys).startswith(f"Báo cáo nói đến cả {len(keys)} nhiệm vụ của kế hoạch. ")
    assert said(keys[1:]).startswith(f"Báo cáo nói đến {len(keys) - 1} trong số {len(keys)} "
                                     "nhiệm vụ của kế hoạch; các nhiệm vụ khác")


def test_work_written_to_start_on_a_day_is_ongoing_from_it_on_its_page_and_in_the_data(site_copy):
    """'Từ tháng 3/2023' read as due on 31/3 would show the task overdue all year."""
    import csv
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("deadline: Quý I\n", "deadline: Từ tháng 3/2023\n", 1),
                    encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    with open(site_copy / "output/du-lieu/nhiem-vu.csv", encoding="utf-8-sig", newline="") as f:
        [task] = [row for row in csv.DictReader(f) if row["thoi_han"] == "Từ tháng 3/2023"]
    assert (task["han"], task["bat_dau"], task["han_da_qua"]) == ("", "2023-03-01", "")
    assert task["ma_tinh_trang"] != "overdue"
    from bs4 import BeautifulSoup
    soup = BeautifulSoup((site_copy / "output" / task["trang"].strip("/") / "index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    assert "thường xuyên, từ 01/03/2023" in soup.select_one("main").get_text(" ")


def test_the_pages_say_the_same_day_progress_is_told_to(site_copy):
    """With a reference date set, progress is as of that day on every page,
    not 'as of each plan's latest report' on some of them."""
    from bs4 import BeautifulSoup
    (site_copy / "site.yaml").write_text((site_copy / "site.yaml").read_text(encoding="utf-8")
                                         + "reference_date: 30/09/2023\n", encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0

    def text(path):
        return BeautifulSoup((site_copy / "output" / path / "index.html").read_text("utf-8"),
                             "html.parser").get_text(" ")
    assert "Tiến độ được tính đến ngày mốc chung của trang, 30/09/2023." in text("")
    assert "Tình trạng (đến ngày mốc chung của trang, 30/09/2023)" in \
        text("co-quan/so-khcn-nghe-an/don-vi/van-phong")
    assert "Tiến độ thực hiện đến ngày 30/09/2023" in text("ke-hoach/so-khcn-nghe-an-2023")
