"""What doesn't add up in a published document: sums, numbering, repeats.

Real plans and reports contain mistakes.  The site keeps what the document
says and states, beside it, what does not add up.  Each finding has a
stable id so an editor can acknowledge it in the content (``acknowledged``)
with an explanation: it then shows as a note and no longer warns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from . import labels
from .deadlines import EVENT, NONE, ONGOING, RECURRING
from .model import Loc, Plan, Report
from .progress import after_report, period_end
from .indicators import contradicts, rate_kind
from .targets import interpret as read_target
from .targets import same_subject
from .values import numbers_in, numbers_read_other_way, other_reading, parse_amount, parse_number
from .vietnamese import format_number, format_percent, slugify, strip_diacritics

_AGAIN = (ONGOING, RECURRING, EVENT)  # deadline kinds of work done again and again
_PARTS = labels.DOSSIER_OUTCOMES
_TOGETHER = {"resolved_timely": ("resolved_early", "resolved_on_time")}  # one count for two
_COUNTS_EN = {"carried_over": "carried over", "received": "received", "online": "received online",
             "resolved_early": "resolved early", "resolved_on_time": "resolved on time",
             "resolved_timely": "resolved on time or early",
             "resolved_late": "resolved late", "returned": "returned", "pending": "pending",
             "pending_late": "pending overdue"}


@dataclass(frozen=True)
class Finding:
    id: str
    loc: Loc
    vi: str
    en: str
    note: str = ""  # the editor's explanation, once acknowledged
    advice: tuple[str, str] = ("", "")  # what the editor may do (vi, en): told, not published

    @property
    def acknowledged(self) -> bool:
        return bool(self.note)


def _n(value) -> str:
    return format_number(value)


def _gap(stated, counted) -> str:
    """The part of a check id that says by how much a sum misses: 'thieu-5'
    (five short), 'thua-5' (five over), so that an acknowledgement covers the
    mismatch it was written for, not another one the figures later make."""
    return f"{'thieu' if counted < stated else 'thua'}-{_token(abs(stated - counted))}"


def _token(value) -> str:
    """A number in a check id: 99,5 as 99-5, 4.000.000,0 as 4000000 (not '4000000-0')."""
    if isinstance(value, Decimal):
        value = format(value.normalize(), "f")
    return str(value).replace(".", "-")


def _fold(text: str) -> str:
    return " ".join(strip_diacritics(text or "").lower().split())


# --- plans ---------------------------------------------------------------------

_MEMO: dict[int, tuple[Plan, list[Finding]]] = {}


def plan_findings(plan: Plan, entries) -> list[Finding]:
    """A plan's findings depend on the plan alone: the dev server reuses them
    while the plan's record (kept by the file cache) is the same object."""
    known = _MEMO.get(id(plan))
    if known is not None and known[0] is plan:
        return list(known[1])
    if len(_MEMO) > 4096:
        _MEMO.clear()
    found = _plan_findings(plan, entries)
    _MEMO[id(plan)] = (plan, found)
    return list(found)


def _plan_findings(plan: Plan, entries) -> list[Finding]:
    found = _numbering(plan) + _duplicate_tasks(entries) + _target_values(plan) \
        + _english_targets(plan) + _no_deadlines(entries)
    year, dated_wrong = _year(plan)
    # with the year mistyped, every deadline is read in the wrong year: one finding says why;
    # with none read (an error), there is no year to set them against
    found += year + ([] if dated_wrong or "year" in plan.invalid
                     else _early_deadlines(plan, entries) + _far_deadlines(plan, entries))
    return found + _budget(plan, entries)


_ID_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


_FIRST_ISSUE_MONTH = 11  # of the year before: a plan is issued from two months before its year on


def _year(plan: Plan) -> tuple[list[Finding], bool]:
    """A plan's year that its issue date or its file name contradicts (a plan
    for 2027 is issued from November 2026 on, mostly in December or early in
    2027: one dated January 2026 is last year's date copied; a file name may
    hold several years, 'giai-doan-2021-2025', one of them the plan's); not a
    year refused (its error says why).  And whether the issue date contradicts it."""
    if "year" in plan.invalid:
        return [], False
    named = {int(y) for y in _ID_YEAR.findall(plan.id)}
    said_vi, said_en = [], []
    dated_wrong = bool(plan.date) and not (
        (plan.year - 1, _FIRST_ISSUE_MONTH, 1) <= plan.date.last_day() and plan.date.year <= plan.year)
    if dated_wrong:
        said_vi.append(f"ngày ban hành {plan.date.vietnamese()}")
        said_en.append(f"the issue date {plan.date.vietnamese()}")
    if named and plan.year not in named and not (plan.date and plan.date.year in named):
        said_vi.append(f"tên tệp '{plan.id}'")
        said_en.append(f"the file name '{plan.id}'")
    if not said_vi:
        return [], False
    return [Finding(
        "nam-ke-hoach", plan.at("year"),
        f"năm kế hoạch {plan.year} không hợp với {' và '.join(said_vi)}; các thời hạn như "
        f"“Quý III” được tính theo năm {plan.year}",
        f"the plan's year {plan.year} does not fit {' and '.join(said_en)}; deadlines such as "
        f"'Quý III' are read in {plan.year}",
        advice=("nếu gõ nhầm năm, hãy sửa 'year'", "if the year is mistyped, correct 'year'"))], \
        dated_wrong


def _numbering(plan: Plan) -> list[Finding]:
    found = []
    romans = [area.number for area in plan.areas if area.number]
    slips = [(area, _roman_meant(area.number)) for area in plan.areas
             if area.number and area.number not in labels.ROMAN]
    if slips and len(slips) < len(romans) and all(meant for _, meant in slips):
        for area, meant in slips:  # '1V', 'IIII' among I, II, III…
            found.append(Finding(
                f"so-la-ma-{slugify(area.number)}", area.at("number"),
                f"lĩnh vực được đánh số '{area.number}', không phải số La Mã như các lĩnh vực "
                f"khác; có phải '{meant}'?",
                f"an area is numbered '{area.number}', not a Roman numeral as the others are; "
                f"is it '{meant}'?"))
    meant = [_roman_meant(r) or r for r in romans] if slips else romans
    if meant and all(r in labels.ROMAN for r in meant):
        if meant != labels.ROMAN[:len(meant)]:
            found.append(Finding(
                "danh-so-linh-vuc", plan.at("areas"),
                f"các lĩnh vực được đánh số {', '.join(romans)}, không liền nhau",
                f"the areas are numbered {', '.join(romans)}, not in sequence"))
    for area in plan.areas:
        numbers = [t.number for t in area.tasks if t.number]
        if not numbers or not all(n.isdigit() for n in numbers):
            continue
        values = [int(n) for n in numbers]
        missing = sorted(set(range(1, max(values) + 1)) - set(values))
        if missing or values != sorted(values):
            skipped = ", ".join(map(str, missing))
            found.append(Finding(
                f"danh-so-{area.number.lower() or 'x'}", area.loc,
                f"lĩnh vực {area.number}: nhiệm vụ được đánh số {', '.join(numbers)}"
                + (f"; thiếu số {skipped}" if missing else "; không theo thứ tự"),
                f"area {area.number}: tasks are numbered {', '.join(numbers)}"
                + (f"; {skipped} missing" if missing else "; out of order")))
    return found


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_meant(number: str) -> str | None:
    """The Roman numeral a mistyped one stands for: '1V' (a one for an I) is
    IV, 'IIII' (written out) is IV; None if it stands for none."""
    letters = number.strip().upper().replace("1", "I")
    if not letters or any(c not in _ROMAN_VALUES for c in letters):
        return None
    values = [_ROMAN_VALUES[c] for c in letters]
    total = sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))
    return labels.ROMAN[total - 1] if 0 < total <= len(labels.ROMAN) else None


def _duplicate_tasks(entries) -> list[Finding]:
    """Tasks written twice, word for word (case, diacritics and spacing
    aside).  Folding text is the costly part, so the other columns are
    folded only for tasks whose task column is written again."""
    folded = [_fold(entry.task.task) for entry in entries]
    repeated = {text for text, count in Counter(folded).items() if count > 1}
    found, seen = [], {}
    for entry, task in zip(entries, folded):
        if task not in repeated:
            continue
        t = entry.task
        key = (task, _fold(t.activities), _fold(t.product), _fold(t.objective))
        if key in seen:
            first = seen[key]
            found.append(Finding(
                f"trung-nhiem-vu-{first.slug}-{entry.slug}", t.loc,
                f"nhiệm vụ {entry.key} trùng nguyên văn với nhiệm vụ {first.key}",
                f"task {entry.key} repeats task {first.key} word for word"))
        else:
            seen[key] = entry
    return found


def _target_values(plan: Plan) -> list[Finding]:
    found = []
    specs = [(n, t, read_target(t.text)) for n, t in enumerate(plan.targets, start=1)]
    for i, (n_a, a, spec_a) in enumerate(specs):
        for n_b, b, spec_b in specs[i + 1:]:
            if not (spec_a.interpreted and spec_b.interpreted) or spec_a.unit != spec_b.unit:
                continue
            if (spec_a.comparison, spec_a.value, spec_a.upper) == \
                    (spec_b.comparison, spec_b.value, spec_b.upper):
                continue
            # 'trên 80% trước hạn' and '100% trước hạn và đúng hạn': alike in words, two rates
            if same_subject(spec_a.subject, spec_b.subject) and \
                    rate_kind(spec_a.subject) == rate_kind(spec_b.subject):
                # where the document has them; else their place among the plan's targets
                vi_a, vi_b = a.where or f"chỉ tiêu thứ {n_a}", b.where or f"chỉ tiêu thứ {n_b}"
                en_a, en_b = a.where or f"target {n_a}", b.where or f"target {n_b}"
                found.append(Finding(
                    f"chi-tieu-{a.id}-{b.id}", b.loc,
                    f"cùng một chỉ tiêu được ghi hai giá trị khác nhau: “{a.text}” ({vi_a}) "
                    f"và “{b.text}” ({vi_b})",
                    f"the same target is given two values: '{a.text}' ({en_a}) and "
                    f"'{b.text}' ({en_b})"))
    return found


def _english_targets(plan: Plan) -> list[Finding]:
    """A target whose number is written the English way ('trên 98.5%', '1,250
    hồ sơ'): the page reads it as meant, and the editor is told, for a reader
    of the page reads it the Vietnamese way."""
    found = []
    for target in plan.targets:
        spec = read_target(target.text)
        if spec.english:
            written, meant = spec.english
            found.append(Finding(
                f"so-kieu-anh-{target.id}", target.at("text"),
                f"chỉ tiêu “{target.text}” viết số '{written}' kiểu tiếng Anh; trang đọc là {meant}",
                f"the target '{target.text}' writes '{written}' the English way; the page reads "
                f"it as {meant}",
                advice=(f"trong tiếng Việt dấu phẩy bắt đầu phần thập phân, dấu chấm ngăn số "
                        f"nghìn: hãy viết '{meant}'",
                        f"in Vietnamese a comma starts decimals and a dot separates thousands: "
                        f"write '{meant}'")))
    return found


def _no_deadlines(entries) -> list[Finding]:
    """Tasks whose deadline cell is empty where the plan's other tasks have
    one: left out when copying, or left empty by the document (a page cannot
    tell which, so the editor says). A plan giving no deadlines at all has
    no such column; a task over items 1.1, 1.2 with deadlines of their own
    is their heading, and has theirs."""
    if all(entry.deadline.kind == NONE for entry in entries):
        return []
    headings = {entry.key.rpartition(".")[0] for entry in entries if entry.deadline.kind != NONE}
    return [Finding(
        f"thieu-thoi-han-{entry.slug}", entry.task.loc,
        f"nhiệm vụ {entry.key} không ghi thời gian hoàn thành", f"task {entry.key} gives no deadline",
        advice=("nếu chép sót, hãy thêm 'deadline'", "if it was left out when copying, add 'deadline'"))
        for entry in entries if entry.deadline.kind == NONE and entry.key not in headings]


def _issued(plan: Plan) -> date | None:
    """The first day the plan's issue date allows ('12/2026': 1 December)."""
    return date(plan.date.year, plan.date.month or 1, plan.date.day or 1) if plan.date else None


def _early_deadlines(plan: Plan, entries) -> list[Finding]:
    issued = _issued(plan)
    if not issued:
        return []
    found = []
    for entry in entries:
        due = entry.deadline.due
        if due and due < issued:
            found.append(Finding(
                f"han-truoc-ngay-ban-hanh-{entry.slug}", entry.task.at("deadline"),
                f"nhiệm vụ {entry.key}: thời hạn “{entry.task.deadline}” có trước ngày ban "
                f"hành kế hoạch ({plan.date.vietnamese()})",
                f"task {entry.key}: the deadline '{entry.task.deadline}' is before the plan "
                f"was issued ({plan.date.vietnamese()})"))
    return found


def _far_deadlines(plan: Plan, entries) -> list[Finding]:
    """Deadlines years away from the plan's own year ('Quý II/2029' in a plan
    for 2027): a year mistyped, or copied from another year's plan. The year
    before is allowed (a plan issued in December sets work for that month),
    and so is the year after (the year's results are reported in January)."""
    issued, found = _issued(plan), []
    for entry in entries:
        due = entry.deadline.due or entry.deadline.starts
        if due and abs(due.year - plan.year) > 1 and not (issued and due < issued):
            found.append(Finding(
                f"han-xa-nam-ke-hoach-{entry.slug}", entry.task.at("deadline"),
                f"nhiệm vụ {entry.key}: thời hạn “{entry.task.deadline}” là năm {due.year}, "
                f"cách xa năm của kế hoạch ({plan.year}): năm có thể bị gõ nhầm, hay chép từ "
                "kế hoạch năm khác",
                f"task {entry.key}: the deadline '{entry.task.deadline}' falls in {due.year}, "
                f"far from the plan's year ({plan.year}): the year may be mistyped, or copied "
                "from another year's plan"))
    return found


def _budget(plan: Plan, entries) -> list[Finding]:
    found = []
    stated = parse_amount(plan.appendix.budget_total, plan.budget_header) if plan.appendix \
        else None
    budgets = [(entry, entry.budget_amount) for entry in entries]  # each read once
    amounts = [amount for _, amount in budgets if amount is not None]
    # no task left out by an error (a number used twice): a total is then no test of the budget
    every_task = len(entries) == sum(len(area.tasks) for area in plan.areas)
    # a sum short of the total beside an amount not read ('1.5 tỷ', 'khoảng 50 triệu', each
    # told of apart) may be the reading's gap, not the document's
    unread = any(amount is None and any(c.isdigit() for c in entry.task.budget)
                 for entry, amount in budgets)
    counted = sum(amounts, Decimal(0))
    if stated is not None and every_task and counted != stated and not (unread and counted < stated):
        skipped = [entry.key for entry, amount in budgets if amount is None and entry.task.budget]
        vi_skipped = f" (không cộng kinh phí không phải một số tiền cụ thể của: {', '.join(skipped)})" \
            if skipped else ""
        en_skipped = f" (not counted, as not one definite amount: {', '.join(skipped)})" if skipped else ""
        found.append(Finding(
            f"tong-kinh-phi-{_gap(stated, counted)}", plan.appendix.at("budget_total"),
            f"tổng kinh phí ghi {_n(stated)} đồng nhưng cộng các nhiệm vụ được {_n(counted)} "
            f"đồng{vi_skipped}",
            f"the stated budget total is {_n(stated)} đồng but the tasks add up to "
            f"{_n(counted)} đồng{en_skipped}"))
    for entry, amount in budgets:
        if not entry.task.extra:  # no price or quantity columns to multiply
            continue
        columns = {_fold(k): v for k, v in entry.task.extra.items()}
        price = _column(columns, "don gia")
        quantity = _column(columns, "so luong")
        total = _column(columns, "thanh tien") or amount
        if price is not None and quantity is not None and total is not None \
                and price * quantity != total:
            found.append(Finding(
                f"thanh-tien-{entry.slug}-{_gap(total, price * quantity)}", entry.task.at("extra"),
                f"nhiệm vụ {entry.key}: đơn giá {_n(price)} × số lượng {_n(quantity)} = "
                f"{_n(price * quantity)}, không bằng thành tiền {_n(total)}",
                f"task {entry.key}: unit price {_n(price)} × quantity {_n(quantity)} = "
                f"{_n(price * quantity)}, not the total {_n(total)}"))
    return found


def _column(columns: dict[str, str], name: str) -> Decimal | None:
    for header, text in columns.items():
        if name in header:
            amount = parse_amount(text)
            if amount is not None:
                return amount
            number = parse_number(text.split()[0]) if text.split() else None
            return number.value if number else None
    return None


# --- reports -------------------------------------------------------------------

def report_findings(report: Report, plan: Plan | None, earlier: Report | None) -> list[Finding]:
    """What does not add up in a report (``plan``: the one it reports on;
    ``earlier``: the agency's report before it in the year, of the same place)."""
    return (_dossiers(report) + _fewer_received(report, earlier) + _figure_parts(report)
            + _online(report) + _done_later(report) + _dated_outside(report)
            + _before_plan(report, plan) + _none_late_said(report))


def counted_before(reports) -> dict[str, Report]:
    """For each report giving dossiers received, the last one before it (``reports``:
    oldest first, none read with errors) of the same agency, year and place, which its
    count takes on from: a 6-month, 9-month or year report counts from the start of the year."""
    last: dict[tuple, Report] = {}
    before = {}
    for report in reports:
        if report.dossiers is None or report.dossiers.received is None:
            continue
        key = (report.agency, report.year, _fold(report.dossiers.place))
        if key in last and last[key].period != report.period:
            before[report.id] = last[key]
        last[key] = report
    return before


def _fewer_received(report: Report, earlier: Report | None) -> list[Finding]:
    if earlier is None or earlier.dossiers.received <= report.dossiers.received:
        return []
    d, then = report.dossiers, earlier.dossiers.received
    named = f"{labels.period_name(earlier.period, earlier.year)} ({earlier.id})"
    period = labels.PERIOD_PHRASES[report.period]
    return [Finding(
        f"ho-so-giam-{_token(then - d.received)}", d.at("received"),
        f"tiếp nhận {_n(d.received)} hồ sơ, ít hơn {_n(then)} của báo cáo {named}, mà báo cáo "
        f"{period} tính từ đầu năm",
        f"{_n(d.received)} dossiers received, fewer than the {_n(then)} of the report for "
        f"{named}, while the report for {labels.period_name(report.period, report.year)} "
        "counts from the start of the year")]


def undone(report: Report, entries, erred: frozenset[str]) -> list[Finding]:
    """A task an earlier report of the plan called done that ``report`` does
    not: the page goes by the later one, turning a finished task back into
    an unfinished one. Not for work done again and again (ongoing, periodic,
    on an event), which may be under way again; nor of a report whose file
    (in ``erred``) was read with errors: a mistyped period puts it anywhere
    in the year, and its errors are the ones to fix first."""
    if report.loc.file in erred:
        return []
    found = []
    for entry in entries:
        if entry.deadline.kind in _AGAIN:
            continue
        done = None
        for said_by, status in entry.statuses:
            if said_by.loc.file in erred:
                continue
            if said_by is report:
                if done is not None and status.status != "hoan-thanh":
                    period = labels.period_name(done.period, done.year)
                    label = labels.TASK_STATUSES[status.status]
                    found.append(Finding(
                        f"tinh-trang-lui-{slugify(entry.key)}", status.at("status"),
                        f"nhiệm vụ {entry.key}: báo cáo {period} ({done.id}) nêu đã hoàn thành, "
                        f"báo cáo này lại nêu “{label}”; trang hiện tình trạng theo báo cáo sau",
                        f"task {entry.key}: the report for {period} ({done.id}) says it was done, "
                        f"this one says '{label}'; the page goes by the later one"))
                break
            if status.status == "hoan-thanh":
                done = said_by
    return found


def _before_plan(report: Report, plan: Plan | None) -> list[Finding]:
    """A report dated before the plan it reports on was issued."""
    if not (plan and plan.date and plan.date.day and report.date and report.date.day):
        return []
    if report.date.last_day() >= plan.date.last_day():
        return []
    return [Finding(
        "bao-cao-truoc-ke-hoach", report.at("date"),
        f"báo cáo ghi ngày {report.date.vietnamese()}, trước ngày ban hành kế hoạch '{plan.id}' "
        f"({plan.date.vietnamese()}) mà nó báo cáo: ngày, hay 'plan', có thể bị gõ nhầm",
        f"the report is dated {report.date.vietnamese()}, before the plan '{plan.id}' it reports "
        f"on was issued ({plan.date.vietnamese()}): the date, or 'plan', may be mistyped")]


# 'không có hiện tượng trả chậm', 'không có hồ sơ quá hạn'… (accents dropped, lower case)
_NONE_LATE = re.compile(r"khong\s+co\s+(?:(?:hien\s+tuong|truong\s+hop|ho\s+so)\s+)?"
                        r"(?:tra\s+)?(?:cham|qua\s+han|tre\s+han|tre)(?![a-z])")


def _none_late_said(report: Report) -> list[Finding]:
    """The report's text says no dossier was late, while its figures count
    some resolved late: one of the two is wrong."""
    d = report.dossiers
    late = d.resolved_late if d is not None else None
    if not late:
        return []
    for section in report.sections:
        said = _NONE_LATE.search(strip_diacritics(section.body).lower())  # same positions
        if said:
            quote = " ".join(section.body[said.start():said.end()].split())
            return [Finding(
                "noi-khong-tra-cham", d.at("resolved_late"),
                f"mục “{section.heading}” viết “{quote}”, nhưng số liệu ghi {_n(late)} hồ sơ "
                "trả quá hạn",
                f"the section '{section.heading}' says there were no late returns ('{quote}'), "
                f"but the figures count {_n(late)} dossiers resolved late")]
    return []


_LATEST_ISSUE = 92  # days after its period a report may still be dated (a year's: in March)


def _dated_outside(report: Report) -> list[Finding]:
    """A report dated, or a task said done, before its year's reporting
    began (1 December of the year before) or a report dated more than three
    months after its period: most likely a mistyped year or month."""
    end = period_end(report)
    if end is None:
        return []
    start = date(end.year - 1, 12, 1)
    period = labels.period_name(report.period, report.year)
    found = []
    if report.date and report.date.day:
        day = date(*report.date.last_day())
        if not start <= day <= end + timedelta(days=_LATEST_ISSUE):
            found.append(Finding(
                "ngay-bao-cao-ngoai-ky", report.at("date"),
                f"báo cáo {period} ghi ngày {report.date.vietnamese()}, "
                + ("trước khi kỳ báo cáo bắt đầu" if day < start else
                   f"hơn ba tháng sau khi kỳ báo cáo kết thúc ({end.strftime('%d/%m/%Y')})"),
                f"the report for {period} is dated {report.date.vietnamese()}, "
                + ("before its period began" if day < start else
                   f"more than three months after its period ended ({end.strftime('%d/%m/%Y')})")))
    for status in report.tasks:
        if status.date and date(*status.date.last_day()) < start:
            found.append(Finding(
                f"xong-truoc-ky-{slugify(status.task)}", status.at("date"),
                f"nhiệm vụ {status.task}: ngày hoàn thành {status.date.vietnamese()} trước cả "
                f"năm báo cáo ({period})",
                f"task {status.task}: done on {status.date.vietnamese()}, before the year "
                f"reported on ({period})"))
    return found


def _done_later(report: Report) -> list[Finding]:
    """A task reported done on a day after the report's own: the site would
    call it done (maybe late) as of a day it had not happened yet."""
    return [Finding(
        f"xong-sau-ngay-bao-cao-{slugify(status.task)}", status.at("date"),
        f"nhiệm vụ {status.task}: ngày hoàn thành {status.date.vietnamese()} sau ngày báo cáo "
        f"({report.date.vietnamese()})",
        f"task {status.task}: done on {status.date.vietnamese()}, after the report's date "
        f"({report.date.vietnamese()})")
        for status in report.tasks if after_report(report, status)]


def _dossiers(report: Report) -> list[Finding]:
    d = report.dossiers
    if d is None:
        return []
    found = []
    parts = {key: getattr(d, key) for key in _PARTS if getattr(d, key) is not None}
    if "resolved_timely" in parts and ("resolved_early" in parts or "resolved_on_time" in parts):
        found += _timely_apart(d)
        del parts["resolved_timely"]  # counted apart already: not twice in the sum
    if d.received is not None and parts:
        found += _parts_of_whole(d, parts)
    if d.online is not None and d.received is not None and d.online > d.received:
        found.append(Finding(
            f"ho-so-truc-tuyen-vuot-tong-{_token(d.online - d.received)}", d.at("online"),
            f"{_n(d.online)} hồ sơ tiếp nhận trực tuyến, nhiều hơn tổng số tiếp nhận "
            f"{_n(d.received)}",
            f"{_n(d.online)} dossiers received online, more than the {_n(d.received)} "
            "received in all"))
    found += _unquoted_counts(d)
    rows: dict[str, list] = {}
    for row in d.by_field:
        rows.setdefault(" ".join(row.field.lower().split()), []).append(row)
    for name, listed in rows.items():
        if len(listed) > 1:
            first = listed[0].at("field").line
            found.append(Finding(  # at the second listing: the one to remove or rename
                f"ho-so-linh-vuc-lap-{slugify(name)}", listed[1].at("field"),
                f"lĩnh vực “{name}” được ghi {len(listed)} lần trong thống kê hồ sơ theo lĩnh "
                f"vực (lần đầu ở dòng {first})",
                f"the field '{name}' is listed {len(listed)} times in the dossiers by field "
                f"(first at line {first})"))
    for key, label in labels.DOSSIER_COUNTS.items():
        values = [getattr(row, key) for row in d.by_field]
        whole = getattr(d, key)
        if whole is None or not d.by_field or any(v is None for v in values):
            continue
        if sum(values) != whole:
            found.append(Finding(
                f"ho-so-linh-vuc-{key.replace('_', '-')}-{_gap(whole, sum(values))}",
                d.at("by_field"),
                f"{label}: cộng các lĩnh vực được {_n(sum(values))}, khác tổng {_n(whole)}",
                f"{_COUNTS_EN.get(key, key)}: the fields add up to {_n(sum(values))}, "
                f"not the total {_n(whole)}"))
    return found


_NUMBER_WORDS = {word: Decimal(n) for n, word in enumerate(
    "không một hai ba bốn năm sáu bảy tám chín mười".split())}  # 'không có đơn thư nào': 0


def _parts_of_whole(d, parts: dict) -> list[Finding]:
    """The dossiers resolved, returned and pending (``parts``) not adding up to
    those to be resolved: received in the period, and those carried over
    from the one before."""
    carried = d.carried_over or 0
    whole, total = d.received + carried, sum(parts.values())
    if total == whole:
        return []
    if carried and total == d.received:  # the total received, written with the carried-over in it
        return [Finding(
            f"ho-so-ky-truoc-tinh-hai-lan-{_token(carried)}", d.at("received"),
            f"các phần cộng lại {_n(total)} hồ sơ, đúng bằng số tiếp nhận, nên số tiếp nhận đã gồm "
            f"{_n(carried)} hồ sơ kỳ trước chuyển sang, và chúng bị tính hai lần",
            f"the parts add up to {_n(total)} dossiers, the number received: so it already holds "
            f"the {_n(carried)} carried over, which are counted twice",
            advice=(f"hãy ghi 'received: {d.received - carried}', số tiếp nhận mới trong kỳ",
                    f"write 'received: {d.received - carried}', those newly received"))]
    what, what_en = (f"tổng số phải giải quyết {_n(d.received)} tiếp nhận + {_n(carried)} kỳ trước "
                     f"chuyển sang = {_n(whole)}", f"the {_n(d.received)} received and "
                     f"{_n(carried)} carried over, {_n(whole)} in all") if carried else \
        (f"tổng số tiếp nhận {_n(whole)}", f"the {_n(whole)} received")
    missing = [k for k in _PARTS if k not in parts and not _given_together(k, parts)]
    silent = ("; báo cáo không nêu số: " + "; ".join(
        labels.DOSSIER_COUNTS[k].lower() for k in missing)) if missing else ""
    silent_en = ("; the report gives no figure for: " + "; ".join(
        _COUNTS_EN[k] for k in missing)) if missing else ""
    shown = " + ".join(_n(v) for v in parts.values())
    gap = whole - total
    if missing and gap > 0:  # the parts not given may hold them: unaccounted for, not wrong
        return [Finding(
            f"ho-so-tong-{_gap(whole, total)}", d.loc,
            f"các phần báo cáo nêu cộng lại {shown} = {_n(total)} hồ sơ, ít hơn {what}: "
            f"{_n(gap)} hồ sơ không rõ thuộc phần nào{silent}",
            f"the parts the report gives add up to {shown} = {_n(total)} dossiers, fewer than "
            f"{what_en}: {_n(gap)} are not accounted for{silent_en}")]
    return [Finding(
        f"ho-so-tong-{_gap(whole, total)}", d.loc,
        f"các phần cộng lại {shown} = {_n(total)} hồ sơ, khác {what} (lệch {_n(gap)}){silent}",
        f"the parts add up to {shown} = {_n(total)} dossiers, not {what_en} (a gap of "
        f"{_n(gap)}){silent_en}")]


def _timely_apart(d) -> list[Finding]:
    """Those resolved on time and early given together and apart, the two not
    adding up to the one."""
    early, on_time, timely = d.resolved_early, d.resolved_on_time, d.resolved_timely
    if early is None or on_time is None or early + on_time == timely:
        return []
    return [Finding(
        f"ho-so-dung-va-truoc-han-{_gap(timely, early + on_time)}", d.at("resolved_timely"),
        f"giải quyết đúng hạn và trước hạn {_n(timely)} hồ sơ, nhưng trước hạn {_n(early)} cộng "
        f"đúng hạn {_n(on_time)} được {_n(early + on_time)}",
        f"{_n(timely)} dossiers resolved on time or early, but {_n(early)} early and "
        f"{_n(on_time)} on time add up to {_n(early + on_time)}")]


def _given_together(key: str, parts: dict) -> bool:
    """Whether the count ``key`` is in the parts given, as one of two given
    together ('đúng hạn và trước hạn') or as the sum of the two given apart."""
    return any(key in pair and together in parts for together, pair in _TOGETHER.items()) or \
        key in _TOGETHER and all(k in parts for k in _TOGETHER[key])


def _quoted_numbers(text: str) -> set[Decimal]:
    """The numbers a quotation gives, in figures or in words ('không có đơn thư nào': 0)."""
    return numbers_in(text) | {_NUMBER_WORDS[word] for word in re.findall(r"\w+", text.lower())
                               if word in _NUMBER_WORDS}


def _unquoted_counts(d) -> list[Finding]:
    """A count of the report's totals that its quotation does not give: typed wrong, or
    worked out by hand (then acknowledged); a count the quotation writes the
    English way ('1,250 hồ sơ', no count having decimals) is given."""
    written = _quoted_numbers(d.as_written)
    if not written:
        return []
    written |= numbers_read_other_way(d.as_written)
    if d.carried_over is not None and d.received is not None and \
            Decimal(d.received + d.carried_over) in written:
        written.add(Decimal(d.received))  # the new ones, worked out from the total: 'tổng số 3.512'
    return [Finding(
        f"ho-so-khac-nguyen-van-{key.replace('_', '-')}-{getattr(d, key)}", d.at(key),
        f"{label.lower()}: {_n(getattr(d, key))} hồ sơ không có trong nguyên văn",
        f"{_COUNTS_EN.get(key, key)}: {_n(getattr(d, key))} dossiers is not in the words quoted",
        advice=("hãy xem lại số ấy hay 'as_written'", "check the figure or 'as_written'"))
        for key, label in labels.DOSSIER_COUNTS.items()
        if getattr(d, key) is not None and Decimal(getattr(d, key)) not in written]


def _figure_parts(report: Report) -> list[Finding]:
    found = []
    for whole in report.figures:
        parts = [f for f in report.figures if f.part_of == whole.id and f.value is not None]
        if parts and whole.value is not None:
            total = sum((p.value.value for p in parts), Decimal(0))
            if total != whole.value.value:
                shown = " + ".join(_n(p.value.value) for p in parts)
                found.append(Finding(
                    f"so-lieu-{whole.id}-{_gap(whole.value.value, total)}", whole.loc,
                    f"“{whole.label}” là {_n(whole.value.value)}, nhưng các phần được nêu cộng "
                    f"lại {shown} = {_n(total)}",
                    f"'{whole.label}' is {_n(whole.value.value)} but its parts add up to "
                    f"{shown} = {_n(total)}"))
    for figure in report.figures:
        if figure.target and figure.unit.strip() == "%" and figure.value and \
                figure.value.value > 100:
            found.append(Finding(
                f"ty-le-tren-100-{figure.id}-{_token(figure.value.value)}", figure.at("value"),
                f"“{figure.label}”: tỷ lệ {figure.value}% lớn hơn 100%",
                f"'{figure.label}': a rate of {figure.value}% is over 100%"))
        written = _quoted_numbers(figure.as_written)
        slip = figure.value is not None and other_reading(figure.value)  # said when linking
        if written and figure.value is not None and figure.value.value not in written \
                and not (slip and slip.value in written):
            found.append(Finding(
                f"so-lieu-khac-nguyen-van-{figure.id}-{_token(figure.value.value)}",
                figure.at("value"),
                f"“{figure.label}”: giá trị {figure.value} không có trong nguyên văn "
                f"“{figure.as_written}”",
                f"'{figure.label}': the value {figure.value} is not in the words quoted, "
                f"'{figure.as_written}'",
                advice=("hãy xem lại 'value' hay 'as_written'", "check 'value' or 'as_written'")))
        if figure.of_total and figure.value and figure.value.value > figure.of_total.value:
            found.append(Finding(
                f"so-lieu-vuot-tong-{figure.id}-{_token(figure.value.value)}", figure.loc,
                f"“{figure.label}”: {figure.value} lớn hơn tổng {figure.of_total}",
                f"'{figure.label}': {figure.value} is more than its total {figure.of_total}"))
    return found


_BOUND_EN = {"": "", "ít nhất": "at least ", "không quá": "at most "}


def contradicted(report: Report, targets) -> list[Finding]:
    """A rate reported for a target of the plan that the report's own dossier
    counts contradict: 95,5% of dossiers received online, of 5.000 received
    and 2.900 online. Counted on another scope, or typed wrong: the editor
    says. ``targets``: the plan's, linked, where such a target holds both the
    figure's result and the counts' (see link._rates_counted)."""
    found = []
    for entry in targets:
        mine = [result for result in entry.results if result.report is report]
        rate = next((result.rate for result in mine if result.rate), None)
        for result in mine if rate else []:
            figure, got = result.figure, result.value
            if figure is None or got is None or not contradicts(rate, got):
                continue
            found.append(Finding(
                f"ty-le-khac-so-ho-so-{figure.id}-{_token(figure.value.value)}", figure.at("value"),
                f"“{figure.label}”: {format_percent(got)}, nhưng số hồ sơ của báo cáo cho "
                f"{rate.label.lower()} {rate.shown}, tính bằng {rate.formula}",
                f"'{figure.label}': {format_percent(got)}, but the report's dossier counts give "
                f"{_BOUND_EN[rate.bound]}{format_percent(rate.value)} ({rate.counted})",
                advice=("hãy xem lại 'value' và 'dossiers'; nếu hai số tính trên phạm vi khác "
                        "nhau, hãy nói rõ trong 'label'",
                        "check 'value' and 'dossiers'; if they count different things, say so "
                        "in 'label'")))
    return found


def _online(report: Report) -> list[Finding]:
    o = report.online_services
    if o is None or o.total_procedures is None:
        return []
    counted = sum(level.count for level in o.levels)
    if counted > o.total_procedures:
        return [Finding(
            f"dvc-vuot-tong-{_gap(o.total_procedures, counted)}", o.loc,
            f"số TTHC theo các mức độ cộng lại {_n(counted)}, nhiều hơn tổng số "
            f"{_n(o.total_procedures)} TTHC", f"procedures per level add up to {_n(counted)}, "
            f"more than the {_n(o.total_procedures)} in total")]
    return []
