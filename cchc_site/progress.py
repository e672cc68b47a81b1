"""Where each task stands on the reference date, from what the reports say.

The reference date is an input — ``reference_date`` in site.yaml, or else,
plan by plan, the date of the plan's latest report (its period's end when it
has no date) — never the build machine's clock, so a build gives the same
pages whatever day it runs; and a plan reported on only for Quý I is not
judged as of another agency's year-end report.  A task no report speaks of
gets an honest "no information".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .deadlines import DATE, EVENT, NONE, ONGOING, RECURRING
from .model import Report, SiteConfig, TaskStatus

DONE_ON_TIME, DONE_LATE, DONE = "done-on-time", "done-late", "done"
DONE_UNTIMED = "done-no-deadline"
IN_PROGRESS, NOT_STARTED, OVERDUE = "in-progress", "not-started", "overdue"
ONGOING_WORK, WAITING, CANCELLED, NO_INFO = "ongoing", "waiting", "cancelled", "no-info"

LABELS = {
    DONE_ON_TIME: "Hoàn thành đúng hạn", DONE_LATE: "Hoàn thành trễ hạn",
    DONE: "Hoàn thành, chưa rõ đúng hạn", DONE_UNTIMED: "Hoàn thành, không có hạn",
    IN_PROGRESS: "Đang thực hiện",
    NOT_STARTED: "Chưa thực hiện", OVERDUE: "Quá hạn", ONGOING_WORK: "Thực hiện thường xuyên",
    WAITING: "Thực hiện khi có yêu cầu", CANCELLED: "Không thực hiện", NO_INFO: "Chưa có thông tin",
}
MEANINGS = {
    OVERDUE: "Báo cáo nêu chưa hoàn thành, mà thời hạn trong kế hoạch đã qua.",
    NOT_STARTED: "Báo cáo nêu chưa thực hiện; chưa đến hạn.",
    IN_PROGRESS: "Báo cáo nêu đang thực hiện; chưa đến hạn.",
    ONGOING_WORK: "Nhiệm vụ thường xuyên hoặc định kỳ; báo cáo nêu đang thực hiện.",
    WAITING: "Nhiệm vụ chỉ thực hiện khi được giao, khi có yêu cầu hoặc hướng dẫn; chưa báo cáo "
             "nào nêu đến.",
    DONE_LATE: "Báo cáo nêu đã hoàn thành, sau thời hạn trong kế hoạch.",
    DONE: "Báo cáo nêu đã hoàn thành, nhưng không đọc được thời hạn trong kế hoạch hoặc không "
          "biết ngày hoàn thành, nên chưa rõ đúng hạn hay trễ hạn.",
    DONE_UNTIMED: "Báo cáo nêu đã hoàn thành; nhiệm vụ thường xuyên, định kỳ, khi có yêu cầu "
                  "hoặc không ghi thời hạn, nên không có hạn để so đúng hay trễ.",
    DONE_ON_TIME: "Báo cáo nêu đã hoàn thành, trước hoặc đúng thời hạn trong kế hoạch.",
    CANCELLED: "Báo cáo nêu không thực hiện.",
    NO_INFO: "Chưa có báo cáo nào nêu đến nhiệm vụ này.",
}
ORDER = (OVERDUE, NOT_STARTED, IN_PROGRESS, ONGOING_WORK, WAITING, DONE_LATE, DONE,
         DONE_UNTIMED, DONE_ON_TIME, CANCELLED, NO_INFO)
FINISHED = (DONE_ON_TIME, DONE_LATE, DONE, DONE_UNTIMED)
_UNTIMED = (ONGOING, RECURRING, EVENT, NONE)  # deadline kinds with no day to be late after

_PERIOD_END = {"quy-1": (3, 31), "6-thang": (6, 30), "9-thang": (9, 30), "nam": (12, 31)}


@dataclass(frozen=True)
class Standing:
    """A task's status on a date, and why."""

    status: str
    report: Report | None = None
    said: TaskStatus | None = None
    past_due: bool = False

    @property
    def label(self) -> str:
        return LABELS[self.status]


def period_end(report: Report) -> date | None:
    """The last day of the period a report covers."""
    if report.period in _PERIOD_END and report.year:
        return date(report.year, *_PERIOD_END[report.period])
    return None


def as_of(report: Report) -> date | None:
    """The day a report speaks for: its date, else the end of its period."""
    if report.date and report.date.day:
        return date(*report.date.last_day())
    return period_end(report)


def reference_date(config: SiteConfig, reports) -> date | None:
    if config.reference_date:
        return date(*config.reference_date.last_day())
    days = [day for day in (as_of(r) for r in reports) if day]
    return max(days) if days else None


def reference_basis(config: SiteConfig, reports) -> str:
    """Why the reference date is the day it is, for the pages to say it."""
    if config.reference_date:
        return "ngày mốc chung của trang"
    days = [(day, report) for report in reports if (day := as_of(report))]
    if not days:
        return ""
    _, latest = max(days, key=lambda pair: pair[0])
    if latest.date and latest.date.day:
        return "ngày của báo cáo mới nhất"
    return "ngày cuối kỳ của báo cáo mới nhất, vì báo cáo không ghi ngày"


def standing(deadline, statuses: list[tuple[Report, TaskStatus]], today: date | None) -> Standing:
    """The status on ``today`` from the latest report (up to that day) that speaks of the task."""
    known = [(r, s) for r, s in statuses if today is None or (as_of(r) or today) <= today]
    due = deadline.due if deadline.kind == DATE else None
    past_due = bool(due and today and due < today)
    if not known:
        if deadline.kind == EVENT:
            return Standing(WAITING, past_due=past_due)
        return Standing(NO_INFO, past_due=past_due)
    report, said = known[-1]
    if said.status == "khong-thuc-hien":
        return Standing(CANCELLED, report, said, past_due)
    if said.status == "hoan-thanh":
        if deadline.kind in _UNTIMED:
            return Standing(DONE_UNTIMED, report, said, past_due)
        return Standing(_done(due, known), report, said, past_due)
    if past_due:
        return Standing(OVERDUE, report, said, past_due)
    if said.status == "chua-thuc-hien":
        return Standing(NOT_STARTED, report, said, past_due)
    if deadline.kind in (ONGOING, RECURRING):
        return Standing(ONGOING_WORK, report, said, past_due)
    return Standing(IN_PROGRESS, report, said, past_due)


def _done(due: date | None, known: list[tuple[Report, TaskStatus]]) -> str:
    """Whether a task the latest report calls done was done by its deadline:
    by the day done, when a report of the last run saying so gives it; else
    by the first report of that run (a task done in Quý I is not late
    because the year's report says so again); else late, when a report of
    the deadline or after said it was not done yet; else it cannot be told."""
    if due is None:
        return DONE
    start = len(known)
    while start and known[start - 1][1].status == "hoan-thanh":
        start -= 1
    dated = next((done_day(r, s) for r, s in reversed(known[start:]) if s.date and s.date.day), None)
    if dated:
        return DONE_ON_TIME if dated <= due else DONE_LATE
    first = as_of(known[start][0])
    if first and first <= due:
        return DONE_ON_TIME
    before = as_of(known[start - 1][0]) if start else None
    return DONE_LATE if before and before >= due else DONE


def after_report(report: Report, said: TaskStatus) -> bool:
    """A day done later than the report's own date: a slip of the pen, as the
    report could not tell of work not done yet."""
    return bool(said.date and report.date and said.date.sort_key() > report.date.last_day())


def done_day(report: Report, said: TaskStatus) -> date:
    """The day a dated task was done by: the day written, or the report's own
    date when the day written is after it (the report says it was done)."""
    day = report.date if after_report(report, said) else said.date
    return date(*day.last_day())


def counts(entries) -> list[tuple[str, str, int]]:
    """(status, label, number of tasks) in a fixed order, for tables and charts."""
    tally = {status: 0 for status in ORDER}
    for entry in entries:
        tally[entry.standing.status] += 1
    return [(status, LABELS[status], tally[status]) for status in ORDER]
