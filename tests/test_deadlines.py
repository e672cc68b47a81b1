"""Deadline wording from real plans → structured deadlines."""

from datetime import date

import pytest

from cchc_site.deadlines import (DATE, EVENT, NONE, ONGOING, RECURRING, REFERRED, UNKNOWN,
                                 describe, interpret, unreal_days)

CASES = [
    # wording as written, plan year, kind, due date, recurrence
    ("Quý I", 2023, DATE, date(2023, 3, 31), ()),
    ("Quý II", 2023, DATE, date(2023, 6, 30), ()),
    ("Quý 2/ 2023", 2022, DATE, date(2023, 6, 30), ()),
    ("Trong Quý I", 2023, DATE, date(2023, 3, 31), ()),
    ("quy 3", 2024, DATE, date(2024, 9, 30), ()),
    ("Quý IV năm 2023", 2023, DATE, date(2023, 12, 31), ()),
    ("Tháng 01/2023", 2023, DATE, date(2023, 1, 31), ()),
    ("Tháng 1/2023", 2023, DATE, date(2023, 1, 31), ()),
    ("Tháng 12/2022", 2023, DATE, date(2022, 12, 31), ()),
    ("6/2025", 2025, DATE, date(2025, 6, 30), ()),  # a month written as the date field takes it
    ("13/2025", 2025, UNKNOWN, None, ()),
    ("Tháng 6/2023", 2023, DATE, date(2023, 6, 30), ()),
    ("Tháng 2", 2024, DATE, date(2024, 2, 29), ()),
    ("Năm 2023", 2023, DATE, date(2023, 12, 31), ()),
    ("Trong năm 2023", 2023, DATE, date(2023, 12, 31), ()),
    ("Trước ngày 30/11", 2023, DATE, date(2023, 11, 30), ()),
    ("Trước ngày 15/12/2023", 2023, DATE, date(2023, 12, 15), ()),
    ("ngày 30 tháng 6 năm 2023", 2023, DATE, date(2023, 6, 30), ()),
    ("Trước ngày 5 tháng 12", 2023, DATE, date(2023, 12, 5), ()),
    ("6 tháng đầu năm", 2023, DATE, date(2023, 6, 30), ()),
    ("6 tháng cuối năm 2024", 2023, DATE, date(2024, 12, 31), ()),
    # with a leading zero, or other months than six: not 'đầu năm' (31/03) alone
    ("06 tháng đầu năm", 2026, DATE, date(2026, 6, 30), ()),
    ("Trong 9 tháng đầu năm", 2026, DATE, date(2026, 9, 30), ()),
    ("3 tháng cuối năm", 2026, DATE, date(2026, 12, 31), ()),
    ("Quý I Lồng ghép trong báo cáo CCHC", 2023, DATE, date(2023, 3, 31), ()),
    ("- Xây dựng kế hoạch tháng 1; - Báo cáo định kỳ", 2023, DATE, date(2023, 1, 31), ()),
    ("- Xây dựng kế hoạch trong Quý I; - Báo cáo kết quả và sau kiểm tra", 2023, DATE,
     date(2023, 3, 31), ()),
    ("Quý I; Quý III", 2023, DATE, date(2023, 9, 30), ()),
    # several dates in one wording: due at the latest
    ("Quý 2 và Quý 4", 2025, DATE, date(2025, 12, 31), ()),
    ("Quý II, Quý IV", 2025, DATE, date(2025, 12, 31), ()),
    ("Tháng 10, Tháng 12", 2025, DATE, date(2025, 12, 31), ()),
    ("Tháng 6 và tháng 12", 2025, DATE, date(2025, 12, 31), ()),
    ("Quý I-II", 2025, DATE, date(2025, 6, 30), ()),
    ("Quý I đến Quý III/2025", 2025, DATE, date(2025, 9, 30), ()),
    ("Tháng 6-8/2025", 2024, DATE, date(2025, 8, 31), ()),
    ("Quý IV/2025 và năm 2026", 2025, DATE, date(2026, 12, 31), ()),
    ("Năm 2023–2025", 2023, DATE, date(2025, 12, 31), ()),
    ("Từ 2026 đến 2030", 2026, DATE, date(2030, 12, 31), ()),
    ("Năm 2023 - 2025", 2023, DATE, date(2025, 12, 31), ()),
    ("Tháng 6 - 8", 2025, DATE, date(2025, 8, 31), ()),
    ("Trước ngày 30/6/2025 và tổng kết trong tháng 12", 2025, DATE, date(2025, 12, 31), ()),
    ("ngày 15 tháng 3 năm 2025", 2025, DATE, date(2025, 3, 15), ()),  # one date, not its year
    ("15-03-2026", 2026, DATE, date(2026, 3, 15), ()),  # a whole date with dashes or dots
    ("Trước ngày 30.6.2026", 2026, DATE, date(2026, 6, 30), ()),
    ("Năm 2023-2025", 2024, DATE, date(2025, 12, 31), ()),  # years, not a date
    # lists of quarters, months and years: due at the last
    ("Quý II, III/2027", 2027, DATE, date(2027, 9, 30), ()),
    ("Quý II và III năm 2027", 2027, DATE, date(2027, 9, 30), ()),
    ("Tháng 6, 9/2027", 2027, DATE, date(2027, 9, 30), ()),
    ("Năm 2023 và 2024", 2023, DATE, date(2024, 12, 31), ()),
    ("2026", 2026, DATE, date(2026, 12, 31), ()),  # an Excel cell holding the year alone
    # the periods reports are made for: due at the end of the last
    ("Quý I, 6 tháng, 9 tháng, năm", 2025, DATE, date(2025, 12, 31), ()),
    ("Quý I, 6 tháng, 9 tháng và năm 2026", 2025, DATE, date(2026, 12, 31), ()),
    ("Báo cáo quý I, 6 tháng, 9 tháng, cả năm", 2025, DATE, date(2025, 12, 31), ()),
    ("6 tháng, năm", 2025, DATE, date(2025, 12, 31), ()),
    ("Quý 1, 6 tháng", 2025, DATE, date(2025, 6, 30), ()),
    # a part of a period: due at the end of that part
    ("Đầu năm 2025", 2025, DATE, date(2025, 3, 31), ()),
    ("Giữa năm", 2025, DATE, date(2025, 9, 30), ()),
    ("Cuối năm", 2025, DATE, date(2025, 12, 31), ()),
    ("Trong năm", 2025, DATE, date(2025, 12, 31), ()),
    ("Đầu quý III/2025", 2025, DATE, date(2025, 7, 31), ()),
    ("Giữa quý IV", 2025, DATE, date(2025, 11, 30), ()),
    ("Cuối quý II", 2025, DATE, date(2025, 6, 30), ()),
    ("Đầu tháng 2/2024", 2024, DATE, date(2024, 2, 10), ()),
    ("Trung tuần tháng 3", 2025, DATE, date(2025, 3, 20), ()),
    ("Hạ tuần tháng 2", 2024, DATE, date(2024, 2, 29), ()),
    ("Tuần đầu tháng 1/2025", 2025, DATE, date(2025, 1, 7), ()),  # a week, not 'đầu tháng'
    ("Tuần đầu quý II", 2025, DATE, date(2025, 4, 30), ()),
    # a period holding a more precise date named with it is its context
    ("Trước 30/5/2027 (Quý II)", 2027, DATE, date(2027, 5, 30), ()),
    ("Tháng 6/2027, trước ngày 15/6", 2027, DATE, date(2027, 6, 15), ()),
    ("Quí I", 2027, DATE, date(2027, 3, 31), ()),  # an older spelling
    # before a period: by the day before it begins; before a day: by that day
    ("Trước tháng 6/2027", 2027, DATE, date(2027, 5, 31), ()),
    ("Hoàn thành trước Quý III", 2027, DATE, date(2027, 6, 30), ()),
    ("Trước năm 2028", 2027, DATE, date(2027, 12, 31), ()),
    ("Trước tháng 1/2028", 2027, DATE, date(2027, 12, 31), ()),
    # ongoing work with a dated report in the same cell: due on that date
    ("Thường xuyên, báo cáo trước 15/12", 2027, DATE, date(2027, 12, 15), ()),
    ("Từ tháng 3 đến tháng 6", 2027, DATE, date(2027, 6, 30), ()),  # a range: due at its end
    ("Từ nay đến 30/6", 2027, DATE, date(2027, 6, 30), ()),
    # years named from the plan's
    ("Quý I năm sau", 2025, DATE, date(2026, 3, 31), ()),
    ("Trước 15/01 năm sau", 2025, DATE, date(2026, 1, 15), ()),
    ("Trước ngày 30/6 năm 2025", 2025, DATE, date(2025, 6, 30), ()),
    ("Tháng 12 năm nay", 2025, DATE, date(2025, 12, 31), ()),
    # a mistyped year or a day no calendar has: not read, so the editor is told
    ("Quý II/20277", 2027, UNKNOWN, None, ()),
    ("30/6/20277", 2027, UNKNOWN, None, ()),
    ("Trước 31/6/2027", 2027, UNKNOWN, None, ()),
    ("Thường xuyên", 2023, ONGOING, None, ()),
    ("Thường xuyên; theo chỉ đạo của UBND tỉnh", 2023, ONGOING, None, ()),
    ("Liên tục", 2023, ONGOING, None, ()),
    ("Thuong xuyen", 2023, ONGOING, None, ()),
    ("Cả năm", 2023, ONGOING, None, ()),
    ("Theo định kỳ, quý, tháng, năm", 2023, RECURRING, None, ("month", "quarter", "year")),
    ("Báo cáo định kỳ hàng tháng", 2023, RECURRING, None, ("month",)),
    ("Hằng quý", 2023, RECURRING, None, ("quarter",)),
    ("Hàng năm", 2023, RECURRING, None, ("year",)),
    ("Định kỳ 6 tháng, năm", 2023, RECURRING, None, ("half", "year")),
    ("Tháng 10 hằng năm", 2025, RECURRING, None, ("year",)),  # once a year, not monthly
    ("Quý IV hằng năm", 2025, RECURRING, None, ("year",)),
    ("Định kỳ trước ngày 15 của tháng cuối quý", 2025, RECURRING, None, ("quarter",)),
    ("Hằng quý, 6 tháng, 9 tháng, năm", 2023, RECURRING, None, ("half", "quarter", "year")),
    ("Khi UBND tỉnh giao Khi có yêu cầu", 2023, EVENT, None, ()),
    ("Khi có hướng dẫn của Bộ Nội vụ", 2023, EVENT, None, ()),
    ("Khi có yêu cầu", 2023, EVENT, None, ()),
    # due when another document says: no day here, and nothing waited for
    ("Theo thời gian quy định của Bộ Nội vụ", 2023, REFERRED, None, ()),
    ("Theo kế hoạch của tỉnh", 2027, REFERRED, None, ()),
    ("Sau khi Bộ Khoa học và Công nghệ ban hành thông tư", 2023, EVENT, None, ()),
    ("Theo Kế hoạch số 12/KH-UBND", 2023, REFERRED, None, ()),
    ("Theo chỉ đạo của UBND tỉnh", 2023, EVENT, None, ()),
    ("Đột xuất", 2025, EVENT, None, ()),  # unscheduled: when the need arises
    # so long after another act: due on a day when the act's day is written, else on the act
    ("Trong vòng 30 ngày kể từ ngày 01/7/2027", 2027, DATE, date(2027, 7, 31), ()),
    ("02 tuần sau khi có kết quả kiểm tra", 2027, EVENT, None, ()),
    ("Trong vòng 30 ngày kể từ ngày ban hành", 2027, EVENT, None, ()),
    ("Trong 10 ngày làm việc kể từ ngày 01/7/2027", 2027, UNKNOWN, None, ()),  # holidays move it
    ("Đột xuất khi có chỉ đạo", 2025, EVENT, None, ()),
    ("", 2023, NONE, None, ()),
    ("Sớm nhất có thể", 2023, UNKNOWN, None, ()),
    ("Báo cáo kết quả và sau kiểm tra", 2023, UNKNOWN, None, ()),
]


@pytest.mark.parametrize("text, year, kind, due, recurrence", CASES,
                         ids=[c[0] or "(trống)" for c in CASES])
def test_deadline_wordings(text, year, kind, due, recurrence):
    deadline = interpret(text, year)
    assert (deadline.kind, deadline.due, deadline.recurrence) == (kind, due, recurrence)
    assert deadline.text == text


STARTS = [
    ("Từ tháng 3/2027", date(2027, 3, 1)),
    ("Bắt đầu từ tháng 3", date(2027, 3, 1)),
    ("Kể từ 01/7/2027", date(2027, 7, 1)),
    ("Sau Quý I/2027", date(2027, 4, 1)),
    ("Sau ngày 30/6/2027", date(2027, 7, 1)),
    ("Năm 2027 và các năm tiếp theo", date(2027, 1, 1)),
    ("Từ năm 2028 trở đi", date(2028, 1, 1)),
    ("Quý I/2027 và các quý tiếp theo", date(2027, 1, 1)),  # not due on 31/3
    ("Tháng 3 và các tháng tiếp theo", date(2027, 3, 1)),
]


@pytest.mark.parametrize("text, starts", STARTS, ids=[c[0] for c in STARTS])
def test_a_start_is_ongoing_work_from_that_day_not_a_deadline(text, starts):
    """'Từ tháng 3' is when work begins; read as due on 31/3 the task would
    be shown overdue all year."""
    deadline = interpret(text, 2027)
    assert (deadline.kind, deadline.due, deadline.starts) == (ONGOING, None, starts)
    assert describe(deadline) == f"thường xuyên, từ {starts:%d/%m/%Y}"


def test_milestones_keep_each_part():
    deadline = interpret("- Xây dựng kế hoạch tháng 1; - Báo cáo định kỳ", 2023)
    assert [m.kind for m in deadline.milestones] == [DATE, RECURRING]
    assert deadline.milestones[0].text == "Xây dựng kế hoạch tháng 1"


@pytest.mark.parametrize("text, milestones", [
    ("Tháng 3, tháng 9", [("Tháng 3", date(2027, 3, 31)), ("tháng 9", date(2027, 9, 30))]),
    ("Quý II và Quý IV", [("Quý II", date(2027, 6, 30)), ("Quý IV", date(2027, 12, 31))]),
    ("Quý II, III/2027", []),  # 'II' reads as nothing alone
    ("Tháng 3, tháng 9/2028", []),  # March of which year: not the plan's, most likely
    ("Tháng 6/2027, trước ngày 15/6", []),  # one date, within the month named beside it
    ("Tháng 6 - 8", []),  # a range
])
def test_a_list_of_dates_keeps_each_as_a_milestone(text, milestones):
    """'Tháng 3, tháng 9' was shown as due 30/09 alone: the March step was lost."""
    assert [(m.text, m.due) for m in interpret(text, 2027).milestones] == milestones


def test_the_periods_of_reports_are_each_a_milestone():
    """A task of reporting each period would otherwise be due at the end of
    Quý I, and overdue on every report after it."""
    deadline = interpret("Quý I, 6 tháng, 9 tháng, năm", 2025)
    assert [(m.text, m.due) for m in deadline.milestones] == [
        ("Quý I", date(2025, 3, 31)), ("6 tháng", date(2025, 6, 30)),
        ("9 tháng", date(2025, 9, 30)), ("năm", date(2025, 12, 31))]


def test_a_day_no_calendar_has_is_named():
    assert unreal_days("Trước 31/6/2027", 2027) == ["31/6/2027"]
    assert unreal_days("ngày 30 tháng 2", 2027) == ["30/2"]
    assert unreal_days("Trước ngày 30/6", 2027) == []
    assert unreal_days("Trước 31-4-2027", 2027) == ["31/4/2027"]


def test_a_stand_in_year_never_crashes():
    assert interpret("Quý I", 0).kind == UNKNOWN


def test_every_deadline_of_the_example_plans_is_read(example_output):
    from .conftest import ROOT, raw_yaml
    for path in sorted((ROOT / "content/plans").glob("*.yaml")):
        plan = raw_yaml(path)
        for area in plan["areas"]:
            for task in area["tasks"]:
                deadline = interpret(task.get("deadline", ""), int(plan["year"]))
                assert deadline.kind != UNKNOWN, (path.stem, task["number"], task["deadline"])
