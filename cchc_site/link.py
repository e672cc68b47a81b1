"""Stage 3, link: resolve every reference and gather cross-page facts.

After this stage every id an editor wrote has been found (or reported with
its file, line and column), and each page can be rendered from plain data
without looking anything up: a unit knows the tasks it leads and supports
in every plan, a task knows what each report said of it.
"""

from __future__ import annotations

import difflib
import html
import re
from urllib.parse import unquote, urlsplit
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from datetime import date
from decimal import Decimal

from .consistency import (Finding, contradicted, counted_before, plan_findings, report_findings,
                          undone)
from .deadlines import DATE, UNKNOWN, Deadline, interpret, unreal_days
from .indicators import Indicator, contradicts, measured, rate_named
from .labels import (ONLINE_LEVELS, PERIOD_WORDS, PERIODS, ROMAN, TASK_COLUMNS, TASK_STATUSES,
                     period_name, period_words)
from .markup import render_markdown, site_path
from .model import (Agency, Catalogue, Content, Figure, Loc, Page, Plan, Procedure, Report,
                    SiteConfig, Target, Task, TaskStatus, Unit)
from .problems import Problems, item_path
from .progress import NO_INFO, Standing, reference_date, standing
from .targets import TargetSpec, achieved, evaluate
from .targets import interpret as read_target
from .values import (amount_written_foreign, misgrouped, numbers_in, other_reading, parse_amount,
                     parse_number)
from .vietnamese import slugify, sort_key


@dataclass
class TaskEntry:
    """A task of a plan, with the facts other records give about it."""

    key: str
    slug: str
    plan: Plan
    area_index: int
    task: Task
    lead: list[Unit]
    support: list[Unit]
    deadline: Deadline
    statuses: list[tuple[Report, TaskStatus]] = field(default_factory=list)
    standing: Standing = Standing(NO_INFO)

    @property
    def area(self):
        return self.plan.areas[self.area_index]

    def said_by(self, report: Report) -> TaskStatus | None:
        """What ``report`` says of this task (its first line on it), if anything."""
        return next((status for said, status in self.statuses if said is report), None)

    @property
    def budget_amount(self):
        """The budget cell's amount in đồng (a bare number in the unit the
        column's header names, as 'Kinh phí (triệu đồng)')."""
        return parse_amount(self.task.budget, self.plan.budget_header)


@dataclass
class TargetResult:
    report: Report
    figure: Figure | None  # none: computed from the report's dossier counts
    value: Decimal | None
    formula: str
    verdict: str
    rate: Indicator | None = None  # without a figure: the dossier rate that measured it


@dataclass
class TargetEntry:
    """A plan's target, read, with what each report measured for it."""

    target: Target
    spec: TargetSpec
    results: list[TargetResult] = field(default_factory=list)


@dataclass
class UnitEntry:
    agency: Agency
    unit: Unit
    slug: str
    leads: list[TaskEntry] = field(default_factory=list)
    supports: list[TaskEntry] = field(default_factory=list)
    # tasks given to a group this unit belongs to: (group, task, "lead" or "support")
    via_groups: list[tuple[Unit, TaskEntry, str]] = field(default_factory=list)


_LEVEL_NUMBER = re.compile(r"(?:^|-)(?:muc-do|muc)-([1-4])$|^([1-4])$")


@lru_cache(maxsize=1024)
def online_level(written: str) -> str:
    """An online level's wording as one of ONLINE_LEVELS' keys, or ''."""
    folded = slugify(written)
    for key in ("toan-trinh", "mot-phan"):
        if key in folded:
            return key
    number = _LEVEL_NUMBER.search(folded)
    return (number[1] or number[2]) if number else ""


_SAME_DAY = re.compile(r"\s*(?:giải quyết\s+)?(?:ngay\s+)?(?:trong|trong\s+vòng)\s+(?:01\s+|1\s+|một\s+)?"
                       r"ngày|\s*(?:giải quyết\s+|trả kết quả\s+)?ngay\b", re.IGNORECASE)


@dataclass
class ProcedureEntry:
    catalogue: Catalogue
    procedure: Procedure
    slug: str

    @property
    def abolished_by(self) -> str:
        """The title of the decision that abolished it, or '' for one in force."""
        gone = self.procedure.abolished
        if gone is None:
            return ""
        return next((s.title for s in self.catalogue.sources if s.id == gone.by), gone.by)

    @property
    def abolition(self) -> str:
        """'bãi bỏ từ ngày 15/10/2024 theo Quyết định …', or '' for one in force."""
        gone = self.procedure.abolished
        if gone is None:
            return ""
        when = "" if gone.date is None else \
            f"từ {'ngày ' if gone.date.day else ''}{gone.date.vietnamese()} "
        return f"bãi bỏ {when}theo {self.abolished_by}"

    @property
    def field(self) -> str:
        """The field as its procedures are grouped: spaces as typed evened out."""
        return " ".join(self.procedure.field.split())

    @property
    def days(self) -> int | None:
        """Processing time in days when the wording starts with a number of days;
        0 for one done within the day ('Trong ngày', 'Ngay trong ngày làm việc'),
        whatever a harder case may take ('… hoặc 02 ngày làm việc')."""
        time = self.procedure.processing_time
        same = _SAME_DAY.match(time)
        if same and not re.search(r"\d", same.group()):
            return 0
        m = re.match(r"\D*?(\d+)\s*ngày", time)
        if m:
            return int(m.group(1))
        return 0 if same else None

    @property
    def working_days(self) -> bool | None:
        """Whether the time is said in working days; None when it is not in days."""
        if "làm việc" in self.procedure.processing_time.lower():
            return True
        return False if self.days else None

    @property
    def level(self) -> str:
        """The online level as one of ONLINE_LEVELS' keys, or '' when unstated
        or not recognised: 'DVCTT toàn trình', 'Trực tuyến một phần', 'Mức độ 4'."""
        return online_level(self.procedure.online_level)

    @property
    def replaced(self) -> list[str]:
        """The sources the procedure's own source amends or replaces."""
        own = next((s for s in self.catalogue.sources if s.id == self.procedure.source), None)
        return own.replaces if own else []

    @property
    def differences(self) -> list[tuple[str, str, str, str]]:
        """(field, value here, value in the other source, that source's id) where
        sources disagree; not those its own source replaces (see ``earlier``)."""
        return [found for found in self._variants() if found[3] not in self.replaced]

    @property
    def earlier(self) -> list[tuple[str, str, str, str]]:
        """The same, for the sources its own source replaces: the former values."""
        return [found for found in self._variants() if found[3] in self.replaced]

    def _variants(self) -> list[tuple[str, str, str, str]]:
        found = []
        for variant in self.procedure.other_sources:
            for name in ("name", "processing_time", "fee", "online_level"):
                other = getattr(variant, name)
                if other and other != getattr(self.procedure, name):
                    found.append((name, getattr(self.procedure, name), other, variant.source))
        return found


@dataclass
class Site:
    config: SiteConfig
    agencies: dict[str, Agency]
    units: dict[tuple[str, str], UnitEntry]
    plans: dict[str, Plan]
    tasks: dict[str, list[TaskEntry]]
    reports: dict[str, Report]
    catalogues: dict[str, Catalogue]
    procedures: dict[str, list[ProcedureEntry]]
    pages: dict  # free pages by id, in Vietnamese order of title (as the menu lists them)
    reports_by_plan: dict[str, list[Report]]
    as_of: dict[str, date | None]  # each plan's reference date (see progress)
    findings: dict[str, list[Finding]]
    targets: dict[str, list[TargetEntry]]
    paths: frozenset[str] = frozenset()  # every page's address ('ke-hoach/x/'), once routed

    @cached_property
    def sections(self) -> frozenset[str]:
        """The first folders of the site's own addresses ('ke-hoach', 'co-quan', a page's id)."""
        return frozenset(path.split("/", 1)[0] for path in self.paths)

    def tasks_by_area(self, plan_id: str) -> list[list[TaskEntry]]:
        """The plan's task entries, one list for each of its areas, in order."""
        areas: list[list[TaskEntry]] = [[] for _ in self.plans[plan_id].areas]
        for entry in self.tasks[plan_id]:
            areas[entry.area_index].append(entry)
        return areas


class _Everything:
    def __contains__(self, item) -> bool:
        return True


@dataclass
class _Linked:
    """One plan's part of the link, kept by a ``LinkMemo``: its tasks with
    what its reports say of them, its targets with what they measured, the
    findings of the plan and of its reports, and the problems found meanwhile."""

    sources: tuple  # the records it was made from (see _plan_part)
    tasks: list[TaskEntry]
    targets: list[TargetEntry]
    as_of: date | None
    findings: dict[str, list[Finding]]
    problems: Problems


class LinkMemo:
    """The dev server's: each plan's part of the last link, made again only
    when a record it is made from is another object (its file was read
    again), so that an edit relinks one plan and its reports, not 180."""

    def __init__(self) -> None:
        self.parts: dict[str, _Linked] = {}


def link(content: Content, problems: Problems, broken: dict[str, set[str]] | None = None,
         memo: LinkMemo | None = None) -> Site:
    """Resolve references.  ``broken`` holds, by kind, the ids of files that
    could not be read: references into them (or into a list that was itself
    invalid) are not reported again, so one mistake gives one error."""
    broken = broken or {}
    agencies = _by_id(content.agencies)
    _warn_samples_beside_real(agencies, content, problems)
    units = _link_units(agencies, problems)
    units_of: dict[str, dict[str, UnitEntry]] = {}
    for (agency_id, unit_id), entry in units.items():
        units_of.setdefault(agency_id, {})[unit_id] = entry
    plans = _by_id(content.plans)
    _warn_copies(plans.values(), "content/plans/", "kế hoạch", "plan", problems)
    reports = _by_id(content.reports)
    _warn_copies(reports.values(), "content/reports/", "báo cáo", "report", problems)
    reports_by_plan: dict[str, list[Report]] = {plan_id: [] for plan_id in plans}
    in_order = sorted(reports.values(), key=report_order)
    # files read with errors (a period mistyped, a count refused): no report is compared with them
    erred = frozenset(problem.loc.file for problem in problems.errors)
    earlier = counted_before([report for report in in_order if report.loc.file not in erred])
    plans_of = _plans_by_year(plans)
    for report in in_order:
        _check_ref(report, "agency", report.agency, agencies, "cơ quan", "agency", problems,
                   quiet=broken.get("agency", ()))
        _check_figures(report, problems)
        _check_filled(report, problems)
        _check_period(report, problems)
        if not report.plan and report.tasks:
            _plan_missing(report, plans, problems)
        if report.plan and _check_ref(report, "plan", report.plan, plans, "kế hoạch", "plan",
                                      problems, quiet=broken.get("plan", ()),
                                      likely=plans_of.get((report.agency, report.year))):
            same = next((r for r in reports_by_plan[report.plan] if report.period in PERIODS
                         and (r.year, r.period) == (report.year, report.period)), None)
            if same:
                period = period_name(report.period, report.year)
                problems.warn(report.at("period"), "period",
                              f"kế hoạch '{report.plan}' đã có báo cáo {period}: '{same.id}'; "
                              "nếu đây là báo cáo kỳ khác, hãy sửa 'period' hoặc 'year'",
                              f"plan '{report.plan}' already has a report for {period}: "
                              f"'{same.id}'; if this one is of another period, correct "
                              "'period' or 'year'")
            reports_by_plan[report.plan].append(report)
    kept = memo.parts if memo is not None else {}
    parts = {plan.id: _plan_part(plan, agencies, units_of.get(plan.agency, {}),
                                 reports_by_plan[plan.id], earlier, erred, content.config,
                                 broken, kept.get(plan.id))
             for plan in plans.values()}
    if memo is not None:
        memo.parts = parts
    findings = {}
    for plan_id, part in parts.items():
        problems.extend(part.problems)
        _attach_units(part.tasks, units_of.get(plans[plan_id].agency, {}))
        findings[f"plan:{plan_id}"] = part.findings[f"plan:{plan_id}"]
    catalogues = _by_id(content.catalogues)
    procedures = {cat.id: _link_catalogue(cat, agencies, problems, broken)
                  for cat in catalogues.values()}
    for report in reports.values():
        key = f"report:{report.id}"
        if report.plan in parts:
            findings[key] = parts[report.plan].findings[key]
        else:
            findings[key] = _acknowledge(report, report_findings(report, None,
                                                                 earlier.get(report.id)), problems)
    return Site(config=content.config, agencies=agencies, units=units, plans=plans,
                tasks={plan_id: part.tasks for plan_id, part in parts.items()},
                reports=reports, catalogues=catalogues, procedures=procedures,
                pages={page.id: page for page in
                       sorted(content.pages, key=lambda page: sort_key(page.title))},
                reports_by_plan=reports_by_plan,
                as_of={plan_id: part.as_of for plan_id, part in parts.items()},
                findings=findings,
                targets={plan_id: part.targets for plan_id, part in parts.items()})


def _plan_part(plan: Plan, agencies: dict, own: dict[str, UnitEntry], reports: list[Report],
               earlier: dict[str, Report], erred: frozenset[str], config: SiteConfig,
               broken: dict, kept: _Linked | None) -> _Linked:
    """A plan linked with its reports (oldest first; ``earlier``: the report
    each one's dossier count takes on from; ``erred``: the files read with
    errors, which the same records always have): ``kept`` when that was made
    from the very same records, as it then would be again."""
    agency = agencies.get(plan.agency)
    before = [earlier.get(report.id) for report in reports]
    sources = (plan, agency, config, plan.agency in broken.get("agency", ()), *reports, *before)
    if kept is not None and len(kept.sources) == len(sources) and all(
            a is b for a, b in zip(kept.sources, sources)):
        return kept
    problems = Problems()
    tasks = _link_plan(plan, agencies, own, problems, broken)
    task_keys = {entry.key: entry for entry in tasks}  # what each report's lines name
    targets = [TargetEntry(t, read_target(t.text)) for t in plan.targets]
    tasks_unreliable = agency is None or "areas" in plan.invalid or any(
        "tasks" in area.invalid for area in plan.areas)
    quiet = _Everything() if tasks_unreliable else ()
    for report in reports:
        _link_report(report, plan, task_keys, targets, problems, quiet, agency is not None)
    as_of = reference_date(config, reports)
    for entry in tasks:
        entry.standing = standing(entry.deadline, entry.statuses, as_of)
    # one whose agency is unknown has no tasks read to compare
    found = plan_findings(plan, tasks) if agency is not None else []
    findings = {f"plan:{plan.id}": _acknowledge(plan, found, problems)}
    for report, previous in zip(reports, before):
        found = report_findings(report, plan, previous) + undone(report, tasks, erred) + \
            contradicted(report, targets)
        findings[f"report:{report.id}"] = _acknowledge(report, found, problems)
    return _Linked(sources, tasks, targets, as_of, findings, problems)


def _attach_units(tasks: list[TaskEntry], own: dict[str, UnitEntry]) -> None:
    """Give each unit (``own``: its agency's, by id) the tasks it leads and
    supports, itself or through a group it belongs to."""
    for entry in tasks:
        for role, units in (("lead", entry.lead), ("support", entry.support)):
            for unit in units:
                (own[unit.id].leads if role == "lead" else own[unit.id].supports).append(entry)
                for member in unit.members:
                    if member in own:
                        own[member].via_groups.append((unit, entry, role))


# names reserved for examples (RFC 2606), and the one 'new' writes: any name under them
_SAMPLE_DOMAINS = ("example.gov.vn", "example.com", "example.net", "example.org", "example")


def _sample_host(address: str) -> bool:
    host = urlsplit(address).hostname or ""
    return any(host == domain or host.endswith("." + domain) for domain in _SAMPLE_DOMAINS)


def _warn_samples_beside_real(agencies: dict, content, problems: Problems) -> None:
    """The sample from 'cchc-site new' is fine alone; beside a real agency it
    would be published as if it were one, with its plans, reports and TTHC."""
    if all(agency.sample for agency in agencies.values()):
        return
    config = content.config
    if config and _sample_host(config.base_url):
        problems.warn(config.at("base_url"), "base_url",
                      f"địa chỉ '{config.base_url}' vẫn là địa chỉ mẫu, mà sơ đồ trang, nguồn tin "
                      "và đường dẫn chuẩn của mọi trang sẽ ghi, và trang 404 tính liên kết từ đó; "
                      "hãy ghi địa chỉ thật nơi cơ quan xuất bản trang",
                      f"'{config.base_url}' is still the sample address, which the sitemap, the "
                      "feed and every page's canonical link would give, and the 404 page's links "
                      "start from; write the address the site is published at")
    for page in content.pages:
        if page.sample:
            problems.warn(page.at("sample"), "sample",
                          f"trang mẫu '{page.title}' vẫn nói về cơ quan mẫu và sẽ được xuất bản; "
                          "hãy viết lại cho cơ quan thật rồi bỏ dòng 'sample: true'",
                          f"the sample page '{page.title}' still speaks of the sample agency and "
                          "would be published; rewrite it, then remove 'sample: true'")
    records = [*content.plans, *content.reports, *content.catalogues]
    for agency in agencies.values():
        if agency.sample:
            files = ", ".join([agency.loc.file] + sorted(
                record.loc.file for record in records if record.agency == agency.id))
            problems.warn(agency.at("sample"), "sample",
                          f"cơ quan mẫu '{agency.id}' vẫn còn bên cạnh cơ quan thật và sẽ được "
                          f"xuất bản; hãy xóa {files}",
                          f"the sample agency '{agency.id}' is still there beside a real one and "
                          f"would be published; delete {files}")


def _acknowledge(record, found: list[Finding], problems: Problems) -> list[Finding]:
    """Findings the editor explained become notes; the others are warnings."""
    notes = {ack.check: ack for ack in record.acknowledged}
    result = []
    for finding in found:
        ack = notes.pop(finding.id, None)
        if ack is not None:
            result.append(replace(finding, note=ack.note))
            continue
        result.append(finding)
        advice_vi, advice_en = (f"; {text}" if text else "" for text in finding.advice)
        problems.warn(finding.loc, "", f"không khớp: {finding.vi}{advice_vi} [mã kiểm tra: "
                      f"{finding.id}; nếu văn bản gốc ghi đúng như vậy, thêm vào 'acknowledged' "
                      f"một dòng 'check: {finding.id}' kèm 'note' giải thích]",
                      f"does not add up: {finding.en}{advice_en} [check id: {finding.id}; if the "
                      "source document says so, acknowledge it under 'acknowledged' with a "
                      "'note']")
    for i, ack in enumerate(record.acknowledged, start=1):
        if ack.check in notes:
            problems.warn(ack.at("check"), f"acknowledged[{i}].check",
                          f"không có điều không khớp nào mã '{ack.check}' để ghi nhận; có thể "
                          "đã được sửa, hãy bỏ dòng này",
                          f"no finding '{ack.check}' to acknowledge; it may have been fixed, "
                          "remove this entry")
    return result


def _by_id(records) -> dict:
    return {record.id: record for record in sorted(records, key=lambda r: r.id)}


def report_order(report: Report):
    """Oldest first: by year, then Quý I, 6 tháng, 9 tháng, năm."""
    period_rank = list(PERIODS).index(report.period) if report.period in PERIODS else -1
    return (report.year, period_rank, report.id)


_LISTED = 12  # known ids named in the message when none is close to the one written


def _warn_copies(records, folder: str, vi_kind: str, en_kind: str, problems: Problems) -> None:
    """A plan or report with another's agency, year, period and title: most
    likely a copy of its file left in the folder, published as a second one."""
    first: dict[tuple, object] = {}
    for record in sorted(records, key=_original_first):
        key = (record.agency, record.year, getattr(record, "period", ""), record.title)
        same = first.setdefault(key, record)
        if same is not record:
            problems.warn(record.at("title"), "title",
                          f"{vi_kind} này cùng cơ quan, năm và tên với {vi_kind} '{same.id}' (tệp "
                          f"{same.loc.file}), nên sẽ thành hai trang; nếu là bản sao, hãy xóa "
                          f"hoặc chuyển tệp này ra khỏi {folder}",
                          f"this {en_kind} has the agency, year and title of {en_kind} "
                          f"'{same.id}' (file {same.loc.file}), so both would be published; if "
                          f"it is a copy, delete it or move it out of {folder}")


def _original_first(record) -> tuple:
    """Of two copies, the original first: its file ends '.yaml', its name is shortest."""
    return not record.loc.file.endswith(".yaml"), len(record.id), record.loc.file


def _plans_by_year(plans: dict[str, Plan]) -> dict[tuple, dict[str, Plan]]:
    """The plans a report most likely means, by its (agency, year): that
    agency's of that year."""
    grouped: dict[tuple, dict[str, Plan]] = {}
    for plan_id, plan in plans.items():
        grouped.setdefault((plan.agency, plan.year), {})[plan_id] = plan
    return grouped


def _check_ref(record, name: str, value: str, known, vi_kind: str, en_kind: str,
               problems: Problems, path: str | None = None, quiet=(), item: str = "",
               likely=None, as_written: tuple[str, str] | None = None) -> bool:
    """Whether ``value``, the record's field ``name`` (its ``item``: see
    Record.at), is one of the ``known`` ids; if not, said, with the id
    probably meant: the one of ``likely`` (those most likely meant) when it
    holds one only, else the closest of those, else of all; a name that is
    no record's, with where the words may go as written (``as_written``: the
    field, and where the record would be added), if anywhere."""
    if value in known:
        return True
    if not value or value in quiet:
        return False  # missing, or in a file that has errors: already reported
    named = not _ID_SHAPE.fullmatch(value)  # a name typed where an id goes: matched by name only
    parts = [part.strip() for part in value.split(",") if part.strip()]
    meant = [part if part in known else _close_id(part, known, named) for part in parts]
    if len(parts) > 1 and any(meant):
        listed = ", ".join(id_ or "?" for id_ in meant)
        unknown = [f"'{part}'" for part, id_ in zip(parts, meant) if not id_]
        vi_rest = f"; không có {vi_kind} {', '.join(unknown)}" if unknown else ""
        en_rest = f"; there is no {en_kind} {', '.join(unknown)}" if unknown else ""
        problems.error(record.at(name, item), path or name,
                       f"'{value}' là nhiều mã viết liền; hãy viết thành danh sách, mỗi mục một "
                       f"mã: [{listed}]{vi_rest}",
                       f"'{value}' holds several; write them as a list of ids: [{listed}]"
                       f"{en_rest}")
        return False
    if likely and len(likely) == 1:
        close = next(iter(likely))
    else:
        close = (likely and _close_id(value, likely, named)) or _close_id(value, known, named)
    vi_hint = f"; có phải ý bạn là '{close}'?" if close else ""
    en_hint = f"; did you mean '{close}'?" if close else ""
    if not close and named and as_written:
        field_name, where = as_written
        vi_hint = (f"; đây là tên chứ không phải mã: hãy chuyển nguyên văn sang '{field_name}', "
                   f"và nếu muốn trang nối nhiệm vụ với đơn vị, thêm đơn vị vào 'units' của "
                   f"{where}")
        en_hint = (f"; this is a name, not an id: move it as written to '{field_name}', and to "
                   f"link the task to the unit, add the unit to the 'units' of {where}")
    elif not close and 0 < len(known) <= _LISTED:  # what may be written, where few are possible
        ids = ", ".join(sorted(str(key) for key in known))
        vi_hint, en_hint = f"; các mã dùng được: {ids}", f"; the ids that can be used: {ids}"
    problems.error(record.at(name, item), path or name, f"không có {vi_kind} '{value}'{vi_hint}",
                   f"no {en_kind} '{value}'{en_hint}")
    return False


_ID_SHAPE = re.compile(r"[a-z0-9][a-z0-9._-]*")  # what an id looks like, not a name


def _close_id(value: str, known, named: bool = False) -> str | None:
    """The id probably meant: the record whose name was typed ('Văn phòng Sở'
    → van-phong), or a near spelling of an id; of a ``value`` that is a name,
    only a very near one of an id or a name (a name a few letters from an id
    is another name: 'thị trấn' is not 'thanh-tra')."""
    names = {}
    for key, record in known.items():
        name = slugify(getattr(getattr(record, "unit", record), "name", "") or "")
        if name == slugify(value):
            return str(key)
        names[name or str(key)] = str(key)
    spellings = {**(names if named else {}), **{str(key): str(key) for key in known}}
    close = difflib.get_close_matches(slugify(value) or value, list(spellings), n=1,
                                      cutoff=0.8 if named else 0.6)
    return spellings[close[0]] if close else None


def _link_units(agencies: dict[str, Agency], problems: Problems) -> dict:
    entries = {}
    for agency in agencies.values():
        seen: dict[str, Unit] = {}
        for i, unit in enumerate(agency.units, start=1):
            if unit.id in seen:
                first = seen[unit.id].at("id").line
                problems.error(unit.at("id"), f"units[{i}].id",
                               f"mã đơn vị '{unit.id}' bị trùng (đã có ở dòng {first})",
                               f"duplicate unit id '{unit.id}' (first at line {first})")
                continue
            seen[unit.id] = unit
            entries[(agency.id, unit.id)] = UnitEntry(agency, unit, slugify(unit.id))
        own = {unit.id: unit for unit in agency.units}
        for i, unit in enumerate(agency.units, start=1):
            for j, member in enumerate(unit.members, start=1):
                _check_ref(unit, "members", member, own, "đơn vị", "unit", problems,
                           f"units[{i}].members[{j}]", item=f"[{j}]")
    return entries


def _link_plan(plan: Plan, agencies, own: dict[str, UnitEntry], problems: Problems,
               broken) -> list[TaskEntry]:
    """The plan's tasks, each with its units (``own``: the agency's, by id) and deadline."""
    if not _check_ref(plan, "agency", plan.agency, agencies, "cơ quan", "agency", problems,
                      quiet=broken.get("agency", ())):
        return []
    agency = agencies[plan.agency]
    units_unreliable = "units" in agency.invalid or any(not u.id for u in agency.units)
    quiet_units = _Everything() if units_unreliable else ()
    _check_unique(plan.targets, "id", "targets", "chỉ tiêu", "target", problems)
    if plan.appendix:
        for key in plan.appendix.columns:
            _check_ref(plan.appendix, "columns", key, TASK_COLUMNS, "cột", "column", problems,
                       f"appendix.columns.{key}", item=f".{key}")
    entries: list[TaskEntry] = []
    seen: dict[str, tuple[Task, str]] = {}
    for a, area in enumerate(plan.areas):
        tasks_path = f"{item_path('areas', a + 1, area.number)}.tasks"
        for t, task in enumerate(area.tasks, start=1):
            path = item_path(tasks_path, t, task.number)
            key = task.id or (f"{area.number}.{task.number}" if area.number and task.number
                              else "")
            if not key:
                problems.error(task.loc, path, "nhiệm vụ cần 'id', hoặc 'number' cùng 'number' "
                               "của lĩnh vực, để có mã riêng",
                               "a task needs an 'id', or a 'number' and its area's 'number'")
                continue
            if key in seen:
                first = seen[key][0].loc
                problems.error(task.at("id") if task.id else task.at("number"), path,
                               f"mã nhiệm vụ '{key}' bị trùng với nhiệm vụ ở dòng {first.line}; "
                               "hãy sửa số thứ tự nếu gõ nhầm, hoặc đặt 'id' riêng cho một "
                               "trong hai nếu văn bản ghi như vậy",
                               f"task id '{key}' is already used by the task at line "
                               f"{first.line}; correct the number if it is a slip, or give one "
                               "of them its own 'id' if the document numbers them so")
                continue
            seen[key] = (task, path)
            lead = _resolve_units(task, "lead", own, plan.agency, path, problems, quiet_units)
            support = _resolve_units(task, "support", own, plan.agency, path, problems, quiet_units)
            deadline = _deadline(task, plan, path, problems)
            _budget(task, plan.budget_header, path, problems)
            entry = TaskEntry(key, slugify(key), plan, a, task, lead, support, deadline)
            entries.append(entry)
    return entries


def _deadline(task: Task, plan: Plan, path: str, problems: Problems) -> Deadline:
    if task.due is not None:
        return Deadline(task.deadline, DATE, date(*task.due.last_day()), "day")
    deadline = interpret(task.deadline, plan.year)
    if deadline.kind == UNKNOWN and plan.year:  # no year: the year's error says it all
        unreal = ", ".join(unreal_days(task.deadline, plan.year))
        if unreal:  # '31/6/2024': mistyped here, or in the document itself
            vi = (f" ({unreal} không có trên lịch): nếu chép nhầm, hãy sửa lại; nếu văn bản gốc "
                  "ghi đúng như vậy, giữ nguyên và thêm dòng 'due: ngày/tháng/năm' với ngày hạn "
                  "thật")
            en = (f" ({unreal} is no day of the calendar): if it was mistyped, correct it; if "
                  "the document says so, keep it and add 'due: day/month/year' with the real "
                  "due date")
        else:
            vi = "; nếu nhiệm vụ có hạn cụ thể, thêm dòng 'due: ngày/tháng/năm'"
            en = "; if the task has a due date, add 'due: day/month/year'"
        problems.warn(task.at("deadline"), f"{path}.deadline",
                      f"chưa đọc được thời hạn '{task.deadline}'{vi}",
                      f"cannot read the deadline '{task.deadline}'{en}")
    return deadline


def _budget(task: Task, header: str, path: str, problems: Problems) -> None:
    """A budget that looks like an amount but is not read as one, so the
    plan's total on its page leaves it out: written the English way, or a
    bare number with no unit (its column's header gives none)."""
    bare = task.budget.strip()
    if bare[:1].isdigit() and _unitless(bare, header):
        problems.warn(task.at("budget"), f"{path}.budget",
                      f"kinh phí '{bare}' không ghi đơn vị nên không được cộng vào tổng kinh phí "
                      f"trên trang; hãy viết '{bare} đồng' (hay '… triệu đồng')",
                      f"the budget '{bare}' has no unit, so the page's total leaves it out; "
                      f"write '{bare} đồng' (or '… triệu đồng')")
        return
    _check_amount(task, "budget", f"{path}.budget", problems,
                  (f"kinh phí '{task.budget}' không đọc được thành một số tiền",
                   f"the budget '{task.budget}' cannot be read as one amount"))


def _check_fee(record, path: str, problems: Problems) -> None:
    """A fee whose amounts are written the English way ('500,000 đồng', five
    hundred đồng to a Vietnamese reader) or whose dots do not group thousands."""
    _check_amount(record, "fee", f"{path}.fee", problems,
                  (f"phí, lệ phí '{record.fee}' viết số tiền kiểu tiếng Anh",
                   f"the fee '{record.fee}' writes amounts the English way"))


def _check_amount(record, name: str, path: str, problems: Problems,
                  said: tuple[str, str]) -> None:
    """Amounts in the record's text ``name`` written the English way (``said``
    names the text and what is wrong with it) or whose dots do not group thousands."""
    meant = amount_written_foreign(getattr(record, name))
    if meant:
        problems.warn(record.at(name), path,
                      f"{said[0]}: dấu chấm ngăn số nghìn, dấu phẩy là phần thập phân; hãy viết "
                      f"'{meant}'",
                      f"{said[1]}: a dot separates thousands, a comma starts decimals; write "
                      f"'{meant}'")
    _check_grouping(record, name, path, problems)


def _check_grouping(record, name: str, path: str, problems: Problems) -> None:
    """An amount in the record's text ``name`` whose dots or spaces do not
    group thousands ('4100.000 đồng', '5 0 triệu'), said with its digits
    grouped: it is not read, so a total would leave it out."""
    for written, grouped in misgrouped(getattr(record, name)):
        marks, mark_en = ("dấu chấm", "dots") if "." in written else ("khoảng trắng", "spaces")
        problems.warn(record.at(name), path,
                      f"số tiền '{written}' có {marks} không nhóm đúng hàng nghìn; có phải "
                      f"{grouped}? Dấu chấm ngăn từng ba chữ số: 4.100.000",
                      f"the amount '{written}' has {mark_en} that do not group thousands; is it "
                      f"{grouped}? Dots part every three digits: 4.100.000")


@lru_cache(maxsize=4096)
def _unitless(budget: str, header: str) -> bool:
    """A budget that is a bare number, not 0, that its column's header gives no unit."""
    number = parse_number(budget)
    return number is not None and bool(number.value) and parse_amount(budget, header) is None


def _resolve_units(task: Task, name: str, own: dict, agency: str, path: str, problems: Problems,
                   quiet) -> list[Unit]:
    found = []
    for i, unit_id in enumerate(getattr(task, name), start=1):
        if unit_id in own and own[unit_id].unit in found:  # the page would name it twice
            problems.warn(task.at(name, f"[{i}]"), f"{path}.{name}[{i}]",
                          f"đơn vị '{unit_id}' đã có ở trên trong cùng danh sách; hãy bỏ bớt",
                          f"the unit '{unit_id}' is already in this list; remove one")
        elif unit_id in own:
            found.append(own[unit_id].unit)
        else:
            _check_ref(task, name, unit_id, own, "đơn vị", "unit", problems,
                       f"{path}.{name}[{i}]", quiet, f"[{i}]",
                       as_written=(f"{name}_text", f"content/agencies/{agency}.yaml"))
    return found


def _check_unique(records, name: str, path: str, vi_kind: str, en_kind: str,
                  problems: Problems) -> None:
    seen = {}
    for i, record in enumerate(records, start=1):
        value = getattr(record, name)
        if value in seen:
            first = seen[value].at(name).line
            problems.error(record.at(name), f"{path}[{i}].{name}",
                           f"mã {vi_kind} '{value}' bị trùng (đã có ở dòng {first})",
                           f"duplicate {en_kind} id '{value}' (first at line {first})")
        else:
            seen[value] = record


def _link_report(report: Report, plan: Plan, by_key: dict[str, TaskEntry],
                 targets: list[TargetEntry], problems: Problems, quiet, linked: bool) -> None:
    """``linked``: the plan's agency exists (the plan's own error says when not, and
    the report is not compared with what it names)."""
    if linked and report.agency and plan.agency != report.agency:  # none: its own error
        problems.warn(report.at("plan"), "plan", f"kế hoạch '{plan.id}' là của cơ quan "
                      f"'{plan.agency}', không phải '{report.agency}'",
                      f"plan '{plan.id}' belongs to '{plan.agency}', not '{report.agency}'")
    if report.year and plan.year and report.year != plan.year:
        problems.warn(report.at("year"), "year", f"báo cáo năm {report.year} nhưng kế hoạch "
                      f"'{plan.id}' là của năm {plan.year}",
                      f"the report is for {report.year} but plan '{plan.id}' is for {plan.year}")
    # else the report's emptiness is the one warning; with its tasks unread, their error is
    if by_key and linked and not any(status.status for status in report.tasks) and \
            _says_something(report) and "tasks" not in report.invalid:
        problems.warn(report.at("tasks"), "tasks",
                      f"báo cáo chưa ghi tình trạng nhiệm vụ nào của kế hoạch '{plan.id}', nên "
                      "mọi nhiệm vụ sẽ hiện “Chưa có thông tin”; lệnh 'cchc-site report "
                      f"{plan.id} --period {report.period} --out nhap.yaml' viết sẵn danh sách "
                      "để chép vào",
                      f"the report gives no status for any task of plan '{plan.id}', so every "
                      "task will show 'no information'; 'cchc-site report' writes the list to "
                      "copy in")
    seen: dict[str, TaskStatus] = {}
    for i, status in enumerate(report.tasks, start=1):
        entry = by_key.get(status.task)
        if status.status and entry is not None and status.task not in seen:
            seen[status.task] = status  # the usual line, with nothing to say: no messages made
            entry.statuses.append((report, status))
            continue
        path = item_path("tasks", i, status.task) + ".task"
        if not status.status:
            if _check_task(status, by_key, plan, problems, path, quiet) and status.evidence \
                    and "status" not in status.invalid:  # one refused is told of already
                _unsaid(status, path, problems)
            continue
        if status.task in seen:
            first = seen[status.task].at("task").line
            problems.error(status.at("task"), path, f"nhiệm vụ '{status.task}' đã được báo cáo "
                           f"ở trên trong cùng báo cáo (dòng {first})",
                           f"task '{status.task}' is already reported above in this report "
                           f"(line {first})")
            continue
        seen[status.task] = status
        if _check_task(status, by_key, plan, problems, path, quiet):
            by_key[status.task].statuses.append((report, status))
    by_id = {entry.target.id: entry for entry in targets}
    for i, figure in enumerate(report.figures, start=1):
        known = figure.target and _check_ref(
            figure, "target", figure.target, by_id, f"chỉ tiêu trong kế hoạch '{plan.id}'",
            f"target in plan '{plan.id}'", problems, f"figures[{i}].target", quiet)
        if known and figure.value is not None:
            entry = by_id[figure.target]
            value, formula = achieved(entry.spec, figure.value.value, figure.unit,
                                      figure.of_total.value if figure.of_total else None)
            entry.results.append(TargetResult(report, figure, value, formula,
                                              evaluate(entry.spec, value)))
    _rates_counted(report, targets)


def _rates_counted(report: Report, targets: list[TargetEntry]) -> None:
    """A target whose rate the report's dossier counts give ('100% hồ sơ trả
    đúng hạn'): measured by them, as said, when no figure of the report
    measures it, or when the figure is not what the counts give (both shown)."""
    if not report.dossiers:
        return
    for entry in targets:
        rate = rate_named(entry.spec.subject, report.dossiers) if entry.spec.unit == "%" else None
        if rate is None or rate.value is None:
            continue
        given = [r for r in entry.results if r.report is report and r.figure is not None]
        if given and not any(r.value is not None and contradicts(rate, r.value) for r in given):
            continue
        verdict, formula = measured(entry.spec, rate)
        entry.results.append(TargetResult(report, None, rate.value, formula, verdict, rate))


def _unsaid(status: TaskStatus, path: str, problems: Problems) -> None:
    """A line quoting the report on a task but giving no status (as the
    importer leaves one it cannot read, 'Hoàn thành 80%'): the page shows
    what a report says of a task only with its status."""
    codes = ", ".join(f"'{code}'" for code in TASK_STATUSES)
    problems.warn(status.at("evidence"), path.removesuffix(".task") + ".status",
                  f"nhiệm vụ '{status.task}' có lời báo cáo ('evidence') nhưng chưa có "
                  f"'status', nên trang không hiện dòng này; hãy ghi tình trạng mà lời ấy nói "
                  f"({codes})",
                  f"task '{status.task}' has the report's words ('evidence') but no 'status', "
                  f"so the page does not show this line; write the status they tell ({codes})")


def _says_something(report: Report) -> bool:
    return bool(any(status.status for status in report.tasks) or report.dossiers
                or any(figure.value is not None for figure in report.figures)
                or report.online_services or report.sections)


def _check_filled(report: Report, problems: Problems) -> None:
    """A report draft (``cchc-site report``) about to be published unfilled
    (not said of a report whose statuses were refused: their errors say why)."""
    if not _says_something(report) and not report.invalid and not any(
            p.loc.file == report.loc.file for p in problems.errors):
        undated = (" và ngày ('date')", " and its date ('date')") if report.date is None \
            else ("", "")
        problems.warn(report.loc, "", "báo cáo chưa có nội dung: chưa nhiệm vụ nào có 'status', "
                      "chưa có số liệu hay phần nội dung nào; điền tình trạng các nhiệm vụ"
                      f"{undated[0]} trước khi xuất bản",
                      "the report says nothing yet: no task has a 'status', and there are no "
                      f"figures or sections; fill in the tasks' statuses{undated[1]} before "
                      "publishing it")


_YEARS_REPORT = re.compile(r"-\d{4}-nam$")  # a file name 'so-x-2025-nam'


def _check_period(report: Report, problems: Problems) -> None:
    """A period the report's own title or file name contradicts ('Báo cáo 6
    tháng đầu năm' recorded as quy-1): its page and tables would name the
    wrong period, and deadlines be judged on the wrong day."""
    if "period" in report.invalid:
        return
    for said_vi, said_en, text in (("tên báo cáo", "the title", report.title),
                                   ("tên tệp", "the file name", report.id)):
        words = period_words(text)
        meant = PERIOD_WORDS[words] if words else "nam" if _YEARS_REPORT.search(text) else None
        if meant and meant != report.period:
            problems.warn(report.at("period"), "period",
                          f"{said_vi} “{text}” nói kỳ '{meant}' ({PERIODS[meant]}), nhưng "
                          f"'period' là '{report.period}'; hãy kiểm tra 'period'",
                          f"{said_en} '{text}' names the period '{meant}', but 'period' is "
                          f"'{report.period}'; check 'period'")
            return


def _plan_missing(report: Report, plans: dict[str, Plan], problems: Problems) -> None:
    """A report giving its tasks' statuses must say whose tasks they are."""
    own = sorted(p.id for p in plans.values() if p.agency == report.agency)
    likely = [i for i in own if plans[i].year == report.year] or own
    vi_hint = f"; có phải là {' hay '.join(repr(i) for i in likely)}?" if likely else (
        "; trang chưa có kế hoạch nào của cơ quan này: hãy thêm kế hoạch vào content/plans/")
    en_hint = f"; is it {' or '.join(repr(i) for i in likely)}?" if likely else (
        "; the site has no plan of this agency yet: add it to content/plans/")
    problems.error(report.at("tasks"), "tasks",
                   "báo cáo ghi tình trạng nhiệm vụ ('tasks') nhưng không ghi 'plan', mã kế hoạch "
                   f"có các nhiệm vụ ấy{vi_hint}",
                   "the report gives tasks' statuses ('tasks') but no 'plan', the id of the plan "
                   f"they belong to{en_hint}")


def _check_figures(report: Report, problems: Problems) -> None:
    _check_unique(report.figures, "id", "figures", "số liệu", "figure", problems)
    figures = {figure.id: figure for figure in report.figures}
    for i, figure in enumerate(report.figures, start=1):
        path = item_path("figures", i, figure.id)
        if figure.part_of:
            _check_ref(figure, "part_of", figure.part_of, figures, "số liệu", "figure", problems,
                       f"{path}.part_of")
        if figure.value is not None:
            _check_transcribed(figure, f"{path}.value", problems)


def _check_transcribed(figure: Figure, path: str, problems: Problems) -> None:
    """A figure whose value, with its dots and commas read the other way, is
    the number its report writes ('99.200' for 'đạt 99,2%'), or a percentage
    over a hundred written with a dot, is pointed out with the number meant."""
    value = figure.value
    meant = other_reading(value)
    if meant is None:
        return
    written = numbers_in(figure.as_written)
    if meant.value in written or (not written and figure.unit.strip() == "%"
                                  and value.value > 100 and "." in value.text):
        problems.warn(figure.at("value"), path,
                      f"giá trị {value} không phải {meant}: dấu chấm ngăn số nghìn, dấu phẩy "
                      f"là phần thập phân; nếu báo cáo ghi {meant}, hãy viết {meant}",
                      f"the value {value} is not {meant}: a dot separates thousands, a comma "
                      f"starts decimals; if the report says {meant}, write {meant}")


def _check_task(status, by_key: dict[str, TaskEntry], plan: Plan, problems: Problems,
                path: str, quiet) -> bool:
    """A report's line names a task of its plan; if not, the message says
    which was probably meant ('i.3', '1.3' → I.3) or lists those of its area."""
    written = status.task
    if written in by_key:
        return True
    if not written or written in quiet:
        return False
    typed = _KEY_SEPARATOR.sub(".", written.strip().upper()).rstrip(".")  # 'II-1', 'II.1.'
    typed = _GLUED_AREA.sub(r"\1.", typed)  # 'V1': its area's numeral and its number run together
    meant = [key for key in by_key if typed in _spellings(key)]
    area = typed.rpartition(".")[0]
    same_area = [key for key in by_key if key.rpartition(".")[0].upper() == area]
    if len(meant) == 1:
        vi_hint, en_hint = f"; có phải ý bạn là '{meant[0]}'?", f"; did you mean '{meant[0]}'?"
    elif same_area:
        listed = ", ".join(same_area[:_LISTED]) + (", …" if len(same_area) > _LISTED else "")
        vi_hint = f"; lĩnh vực {area} có các nhiệm vụ {listed}"
        en_hint = f"; area {area} has the tasks {listed}"
    else:
        areas = ", ".join(dict.fromkeys(area.number for area in plan.areas if area.number))
        vi_hint = f"; các lĩnh vực của kế hoạch: {areas}" if areas else ""
        en_hint = f"; the plan's areas: {areas}" if areas else ""
    problems.error(status.at("task"), path,
                   f"kế hoạch '{plan.id}' không có nhiệm vụ '{written}'{vi_hint}",
                   f"plan '{plan.id}' has no task '{written}'{en_hint}")
    return False


_KEY_SEPARATOR = re.compile(r"\s*[-–/,_. ][-–/,_. ]*\s*")  # what parts a task's key: '1 .2', 'II-1'
_GLUED_AREA = re.compile(r"^([IVXL]+)(?=\d)")


def _spellings(key: str) -> set[str]:
    """How a task's key may be mistyped: in capitals, its area in figures
    ('I.3' as '1.3'), its number with a leading zero."""
    area, _, number = key.upper().rpartition(".")
    areas = {area} | ({str(ROMAN.index(area) + 1)} if area in ROMAN else set())
    numbers = {number, number.zfill(2)}
    return {f"{a}.{n}" for a in areas for n in numbers} | {key.upper()}


def _link_catalogue(catalogue: Catalogue, agencies, problems: Problems,
                    broken) -> list[ProcedureEntry]:
    _check_ref(catalogue, "agency", catalogue.agency, agencies, "cơ quan", "agency", problems,
               quiet=broken.get("agency", ()))
    _check_unique(catalogue.sources, "id", "sources", "nguồn", "source", problems)
    sources = {source.id: source for source in catalogue.sources}
    for i, source in enumerate(catalogue.sources, start=1):
        for replaced in source.replaces:
            _check_ref(source, "replaces", replaced, sources, "nguồn", "source", problems,
                       f"sources[{i}].replaces", item=replaced)
    entries: list[ProcedureEntry] = []
    seen: dict[str, Procedure] = {}
    national: dict[str, Procedure] = {}
    for i, procedure in enumerate(catalogue.procedures, start=1):
        path = item_path("procedures", i, procedure.code or procedure.id)
        if procedure.source:
            _check_ref(procedure, "source", procedure.source, sources, "nguồn", "source",
                       problems, f"{path}.source")
        _check_fee(procedure, path, problems)
        if procedure.abolished:
            _check_ref(procedure.abolished, "by", procedure.abolished.by, sources, "nguồn",
                       "source", problems, f"{path}.abolished.by")
        if procedure.online_level and not online_level(procedure.online_level):
            levels = ", ".join([ONLINE_LEVELS["toan-trinh"], ONLINE_LEVELS["mot-phan"],
                                *(ONLINE_LEVELS[n] for n in "1234")])
            problems.warn(procedure.at("online_level"), f"{path}.online_level",
                          f"không nhận ra mức độ trực tuyến '{procedure.online_level}', nên bộ "
                          f"lọc của danh mục xếp thủ tục vào “Không ghi”; hãy ghi một trong: "
                          f"{levels}",
                          f"the online level '{procedure.online_level}' is not recognised, so "
                          f"the catalogue's filter files it under 'not given'; write one of: "
                          f"{levels}")
        bare = procedure.processing_time.strip()
        if re.fullmatch(r"\d+(?:[.,]\d+)?", bare):  # '10': days, working days, hours?
            problems.warn(procedure.at("processing_time"), f"{path}.processing_time",
                          f"thời hạn giải quyết '{bare}' không ghi đơn vị, nên trang in '{bare}' và "
                          f"không tính được số ngày; hãy viết như quyết định công bố, ví dụ '{bare} "
                          "ngày làm việc'",
                          f"the processing time '{bare}' has no unit, so the page prints '{bare}' "
                          f"and cannot count its days; write it as the decision does, e.g. '{bare} "
                          "ngày làm việc'")
        for j, variant in enumerate(procedure.other_sources, start=1):
            _check_ref(variant, "source", variant.source, sources, "nguồn", "source", problems,
                       f"{path}.other_sources[{j}].source")
            _check_fee(variant, f"{path}.other_sources[{j}]", problems)
        key = procedure.id or procedure.code
        if not key:
            problems.error(procedure.loc, path, "thủ tục cần 'code' (mã TTHC) hoặc 'id'",
                           "a procedure needs a 'code' (TTHC code) or an 'id'")
            continue
        slug = slugify(key)
        if slug in seen:
            problems.error(procedure.at("id" if procedure.id else "code"), path,
                           f"mã '{key}' trùng với thủ tục ở dòng {seen[slug].loc.line}",
                           f"'{key}' is already used by the procedure at line "
                           f"{seen[slug].loc.line}")
            continue
        seen[slug] = procedure
        _check_code(procedure, path, national, problems)
        entries.append(ProcedureEntry(catalogue, procedure, slug))
    return sorted(entries, key=lambda e: sort_key(e.procedure.name))


# the national code (1.004510), alone or in its full form (1.004510.000.00.00.H42)
_NATIONAL_CODE = re.compile(r"(\d\.\d{6})(?:\.\d{3}\.\d{2}\.\d{2}\.H\d{2})?")
_CODE_LIKE = re.compile(r"[\dIl]\s*[.,]\s*\d")  # what was meant as one, mistyped
_LINKED_CODE = re.compile(r"(?<![\d.])(\d\.\d{6})(?![\d])")  # a national code in a link's address


def _check_code(procedure: Procedure, path: str, national: dict, problems: Problems) -> None:
    """A code meant as a national TTHC code but not shaped as one, which a
    citizen will not find on the national portal; a heading pasted in ('Mã
    TTHC'); the short and the full form of one code in two procedures
    (``national``: the short codes seen so far, updated here); a link to the
    portal's page of another code. A code of another kind ('BTP-QTR-277165')
    is left as written."""
    code = procedure.code
    if not code:
        return
    shaped = _NATIONAL_CODE.fullmatch(code)
    linked = {found[1] for found in _LINKED_CODE.finditer(unquote(procedure.link))}
    if shaped and linked and shaped[1] not in linked:  # the link of the procedure above, copied
        problems.warn(procedure.at("link"), f"{path}.link",
                      f"liên kết dẫn đến thủ tục mã {', '.join(sorted(linked))}, không phải mã "
                      f"của thủ tục này ({code}): có thể chép nhầm liên kết của thủ tục khác",
                      f"the link leads to the procedure {', '.join(sorted(linked))}, not to "
                      f"this one ({code}): it may be another procedure's link, copied")
    if shaped:
        first = national.setdefault(shaped[1], procedure)
        if first is not procedure:
            problems.warn(procedure.at("code"), f"{path}.code",
                          f"mã TTHC '{code}' cùng mã với thủ tục ở dòng {first.loc.line} "
                          f"({first.code}): một thủ tục ghi hai lần?",
                          f"the TTHC code '{code}' is the code of the procedure at line "
                          f"{first.loc.line} ({first.code}): one procedure listed twice?")
    elif _CODE_LIKE.match(code) or not any(c.isdigit() for c in code):
        problems.warn(procedure.at("code"), f"{path}.code",
                      f"mã TTHC '{code}' không có dạng của mã TTHC quốc gia (như 1.004510 hay "
                      "1.004510.000.00.00.H42): người dân tra trên Cổng Dịch vụ công quốc gia sẽ "
                      "không thấy; hãy chép lại mã từ quyết định công bố",
                      f"the TTHC code '{code}' is not shaped as a national code (like 1.004510 or "
                      "1.004510.000.00.00.H42), so the national portal will not find it; copy it "
                      "again from the decision")


# a link or image to an attachment in the HTML Markdown gives, whatever way it was written
# ('[x](/files/a.pdf#page=2)', '(</files/Kế hoạch.pdf>)', '[x][1]' with '[1]: /files/a.pdf')
_ATTACHMENT_LINK = re.compile(r'(?:href|src)="/?files/([^"#?]+)')


def _attachment_targets(text: str) -> list[str]:
    return [unquote(html.unescape(target)) for target in
            _ATTACHMENT_LINK.findall(render_markdown(text))]


_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")  # '![Sơ đồ tổ chức](/files/so-do.png)'
_HTML_IMAGE = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)  # '<img src="…" alt="…">' in Markdown
_ATTRIBUTE = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _images(text: str) -> list[tuple[str, str]]:
    """(description, address) of each image the Markdown shows, written as
    Markdown or as HTML."""
    found = _IMAGE.findall(text) if "![" in text else []
    for tag in _HTML_IMAGE.findall(text) if "<" in text else ():
        attributes = {m[1].lower(): m[2] or m[3] or m[4] for m in _ATTRIBUTE.finditer(tag)}
        found.append((attributes.get("alt", ""), attributes.get("src", "")))
    return found


def _shown(address: str) -> str:
    """An address as a message quotes it: an image pasted into the text
    ('data:image/png;base64,…', kilobytes long) by its start only."""
    if address.startswith("data:"):
        return address.split(",", 1)[0] + ",…"
    return address if len(address) <= 80 else address[:77] + "…"


def check_links(site: Site, attached: set[str], problems: Problems,
                unread: tuple[str, ...] = ()) -> None:
    """A Markdown link to content/files/… names a file that is there, and one
    from the site's root ('/ke-hoach/x/') a page the site has: the page would
    otherwise publish a link that leads nowhere; an image is an attachment
    (the site shows nothing from elsewhere), described for whoever cannot
    see it.  Links to the pages of files that could not be read (``unread``:
    their pages' paths) are not pointed out: the error in that file says it."""
    by_section: dict[str, list[str]] = {}  # the pages a mistyped address may mean: made if needed
    for record, name, path in _markdown_fields(site):
        text = getattr(record, name)
        if _MAY_LINK_A_PAGE.search(text):
            _check_page_links(record, name, path, text, site, by_section, problems, unread)
        for alt, target in _images(text) if "![" in text or "<" in text else ():
            pasted = ("dán thẳng vào văn bản (thường do chép từ Word) ", "pasted into the text "
                      "(as copying from Word does) ") if target.startswith("data:") else ("", "")
            if not re.match(r"/?files/", target):
                problems.warn(_line_at(record, name, text, target), path,
                              f"ảnh '{_shown(target)}' {pasted[0]}không hiện: trang chỉ hiện ảnh "
                              "là tệp trong content/files/ (không tải gì từ trang web khác); hãy "
                              "lưu ảnh thành tệp ở đó và viết ![mô tả](/files/tên-tệp)",
                              f"the image '{_shown(target)}' {pasted[1]}is not shown: only images "
                              "in content/files/ are (the site fetches nothing from elsewhere); "
                              "save it as a file there and write ![description](/files/name)")
            elif not alt.strip():
                problems.warn(_line_at(record, name, text, target), path,
                              f"ảnh '{target}' chưa có lời mô tả: viết trong ngoặc vuông, như "
                              "![Sơ đồ tổ chức của Sở](…), cho người đọc bằng máy đọc màn hình",
                              f"the image '{target}' has no description: write one in the "
                              "brackets, for readers who use a screen reader")
        for target in _attachment_targets(text) if "files/" in text else ():
            if f"files/{target}" not in attached:
                problems.warn(_line_at(record, name, text, f"files/{target}"), path,
                              f"liên kết tới tệp đính kèm 'files/{target}' nhưng không có tệp "
                              f"content/files/{target}; hãy thêm tệp hay sửa liên kết",
                              f"links to the attachment 'files/{target}', but there is no "
                              f"content/files/{target}; add the file or fix the link")


_MAY_LINK_A_PAGE = re.compile(r'\]\(\s*<?/|\]:\s*<?/|href="/|\.md\b')  # before rendering it
_ROOT_LINK = re.compile(r'<a\s[^>]*?href="/(?!/)([^"]*)"')  # '[kế hoạch](/ke-hoach/x/)'
_MARKDOWN_LINK = re.compile(r'<a\s[^>]*?href="/?((?!files/)[^"/:#?][^":#?]*)\.md(?:[#?][^"]*)?"')


def _check_page_links(record, name: str, path: str, text: str, site: Site,
                      by_section: dict[str, list[str]], problems: Problems,
                      unread: tuple[str, ...]) -> None:
    """A link from the root to a page the site lacks, or to a Markdown file
    ('gioi-thieu-cu.md', as on GitHub), is pointed out."""
    html_text = render_markdown(text)
    for written in _ROOT_LINK.findall(html_text):
        address = unquote(html.unescape(written))
        bare = address.partition("#")[0].partition("?")[0]
        if bare.endswith(".md"):
            continue  # said below
        own = site_path(address, site.sections)
        target = own[0] if own else bare
        if own and (target in site.paths or target.startswith("files/")
                    or "." in target.rsplit("/", 1)[-1]):
            continue  # a page, an attachment (checked below) or a file made with a page
        if own and target.startswith(unread):
            continue  # a page of a file that could not be read (its error is said)
        if not by_section:
            for page in sorted(site.paths):
                by_section.setdefault(page.split("/", 1)[0], []).append(page)
        close = difflib.get_close_matches(target.lower(),  # 'I.1' meant 'i-1'
                                          by_section.get(target.split("/", 1)[0], []), n=1)
        hint = (f"; có phải ý bạn là '/{close[0]}'?", f"; did you mean '/{close[0]}'?") if close \
            else ("; nếu là trang của cổng thông tin chung (ngoài trang này), hãy viết đủ địa "
                  "chỉ https://…", "; if it is a page of the host portal, outside this site, "
                  "write its full https://… address") if not own else ("", "")
        problems.warn(_line_at(record, name, text, f"/{written}"), path,
                      f"liên kết tới trang '/{target}' nhưng trang web không có trang ấy{hint[0]}",
                      f"links to the page '/{target}', which the site does not have{hint[1]}")
    for stem in _MARKDOWN_LINK.findall(html_text):
        page = f"{slugify(stem.rsplit('/', 1)[-1])}/"
        hint = (f"; trang của tệp ấy có địa chỉ '/{page}'", f"; its page is at '/{page}'") \
            if page in site.paths else ("", "")
        problems.warn(_line_at(record, name, text, f"{stem}.md"), path,
                      f"liên kết tới tệp '{stem}.md': trên trang web, hãy liên kết tới địa chỉ "
                      f"của trang{hint[0]}",
                      f"links to the file '{stem}.md': on the site, link to the page's "
                      f"address{hint[1]}")


def _line_at(record, name: str, text: str, written: str) -> Loc:
    """Where in the file ``written`` stands in the Markdown text ``name``: the
    text's first line, and as many lines down as come before it (a YAML block
    '|', ending with a new line, starts on the line after its key)."""
    loc = record.at(name)
    at = text.find(written)
    if at < 0 or not loc.line:
        return loc
    below = text.count("\n", 0, at)
    block = not isinstance(record, Page) and text.endswith("\n")
    return Loc(loc.file, loc.line + below + block, 1 if below or block else loc.column)


def _markdown_fields(site: Site):
    """(record, field, path as an editor finds it) of every Markdown text."""
    for record in [*site.agencies.values(), *site.catalogues.values()]:
        yield record, "note", "note"
    for page in site.pages.values():
        yield page, "body", "body"
    for plan in site.plans.values():
        yield plan, "preamble", "preamble"
        for i, objective in enumerate(plan.objectives, start=1):
            yield objective, "text", f"{item_path('objectives', i, objective.number)}.text"
        for i, section in enumerate(plan.sections, start=1):
            yield section, "body", f"{item_path('sections', i)}.body"
    for report in site.reports.values():
        for i, section in enumerate(report.sections, start=1):
            yield section, "body", f"{item_path('sections', i)}.body"
