"""Which pages the site has, at which URL, from which sources.

URLs are readable ASCII and end in '/', one folder per page.  Two pages
that would land on the same URL are an error naming both sources, so no
page ever silently replaces another.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .link import Site
from .model import Loc
from .problems import Problems

AGENCIES, PLANS, REPORTS, CATALOGUES = "co-quan", "ke-hoach", "bao-cao", "thu-tuc"
SEARCH = "tim-kiem/"
GLOSSARY = "tu-viet-tat/"
DATA = "du-lieu/"


def agency(agency_id: str) -> str:
    return f"{AGENCIES}/{agency_id}/"


def unit(agency_id: str, unit_slug: str) -> str:
    return f"{AGENCIES}/{agency_id}/don-vi/{unit_slug}/"


def plan(plan_id: str) -> str:
    return f"{PLANS}/{plan_id}/"


def task(plan_id: str, task_slug: str) -> str:
    """The task's card on its plan page."""
    return f"{PLANS}/{plan_id}/#nv-{task_slug}"


def task_page(plan_id: str, task_slug: str) -> str:
    return f"{PLANS}/{plan_id}/nhiem-vu/{task_slug}/"


def report(report_id: str) -> str:
    return f"{REPORTS}/{report_id}/"


def reports_of(year: int, latest: int) -> str:
    """The list of a year's reports, where the list is split by year (see
    REPORTS_ON_ONE_PAGE): the latest year's is the list itself."""
    return f"{REPORTS}/" if year == latest else f"{REPORTS}/nam-{year}/"


# past this many reports (a province's: 720), the list has a page a year, the latest the first
REPORTS_ON_ONE_PAGE = 100


def catalogue(catalogue_id: str) -> str:
    return f"{CATALOGUES}/{catalogue_id}/"


def procedure(catalogue_id: str, slug: str) -> str:
    return f"{CATALOGUES}/{catalogue_id}/{slug}/"


def page(page_id: str) -> str:
    return f"{page_id}/"


@dataclass
class Route:
    """One page: where it goes, how it is drawn, and what it is made from."""

    path: str
    template: str
    source: Loc
    context: dict = field(default_factory=dict)
    absolute_links: bool = False
    # the content files the page is drawn from; None: all of them (lists, home)
    deps: frozenset[str] | None = None

    @property
    def section(self) -> str:
        """The menu entry the page is under: its top folder ('ke-hoach/'), or
        '' for the home page and the files at the top (404.html)."""
        top, slash, _ = self.path.partition("/")
        return top + slash if slash else ""

    @property
    def file(self) -> str:
        """The file under the output folder: 'x/' is written as 'x/index.html'."""
        return self.path + "index.html" if self.path.endswith("/") or not self.path else self.path


def plan_routes(site: Site, problems: Problems) -> list[Route]:
    built_in = Loc("(trang có sẵn của cchc-site / built-in page)")
    counts = Counter(record.year for record in site.reports.values()) \
        if len(site.reports) > REPORTS_ON_ONE_PAGE else {}
    years = {year: counts[year] for year in sorted(counts, reverse=True)}  # reports a year
    routes = [Route("", "home.html", built_in),
              Route(f"{AGENCIES}/", "agencies.html", built_in),
              Route(f"{PLANS}/", "plans.html", built_in),
              *[Route(reports_of(year, next(iter(years))), "reports.html", built_in,
                      {"list_year": year, "list_years": years}) for year in years],
              *([] if years else [Route(f"{REPORTS}/", "reports.html", built_in)]),
              Route(f"{CATALOGUES}/", "catalogues.html", built_in),
              Route(SEARCH, "search.html", built_in),
              Route(GLOSSARY, "glossary.html", built_in),
              Route(DATA, "data.html", built_in),
              Route("404.html", "404.html", built_in, absolute_links=True)]
    moved: list[Route] = []  # after every page, so that a former id taken is told at the id
    for agency_id, record in site.agencies.items():
        routes.append(Route(agency(agency_id), "agency.html", record.loc, {"agency": record},
                            deps=_agency_files(site, agency_id, with_catalogues=True)))
        units = [e.slug for e in site.units.values() if e.agency is record]
        moved += _moved(record, agency_id, agency, unit, units)
    unit_deps = {agency_id: _agency_files(site, agency_id) for agency_id in site.agencies}
    for entry in site.units.values():
        routes.append(Route(unit(entry.agency.id, entry.slug), "unit.html", entry.unit.loc,
                            {"entry": entry}, deps=unit_deps[entry.agency.id]))
    for plan_id, record in site.plans.items():
        deps = _files(record, site.agencies.get(record.agency),
                      *site.reports_by_plan[plan_id])
        routes.append(Route(plan(plan_id), "plan.html", record.loc, {"plan": record}, deps=deps))
        for entry in site.tasks[plan_id]:
            routes.append(Route(task_page(plan_id, entry.slug), "task.html", entry.task.loc,
                                {"entry": entry}, deps=deps))
        slugs = [entry.slug for entry in site.tasks[plan_id]]
        moved += _moved(record, plan_id, plan, task_page, slugs)
    for report_id, record in site.reports.items():
        routes.append(Route(report(report_id), "report.html", record.loc, {"report": record},
                            deps=_files(record, site.plans.get(record.plan),
                                        site.agencies.get(record.agency))))
        moved += _moved(record, report_id, report)
    for catalogue_id, record in site.catalogues.items():
        deps = _files(record, site.agencies.get(record.agency))
        routes.append(Route(catalogue(catalogue_id), "catalogue.html", record.loc,
                            {"catalogue": record}, deps=deps))
        for entry in site.procedures[catalogue_id]:
            routes.append(Route(procedure(catalogue_id, entry.slug), "procedure.html",
                                entry.procedure.loc, {"entry": entry}, deps=deps))
        slugs = [entry.slug for entry in site.procedures[catalogue_id]]
        moved += _moved(record, catalogue_id, catalogue, procedure, slugs)
    for page_id, record in site.pages.items():
        routes.append(Route(page(page_id), "page.html", record.loc, {"page": record},
                            deps=_files(record)))
    return _without_collisions(routes + moved, problems)


def _moved(record, current: str, address, inner=None, slugs=()) -> list[Route]:
    """For each of the record's former ids, a page at each address it gave
    (its own, ``address(id)``, and those of its pages, ``inner(id, slug)``)
    that leads to the address it has now."""
    pairs = [(address(former), address(current)) for former in record.aliases]
    pairs += [(inner(former, slug), inner(current, slug)) for former in record.aliases
              for slug in slugs]
    return [Route(old, "moved.html", record.at("aliases"), {"moved_to": new}, deps=_files(record))
            for old, new in pairs]


def _files(*records) -> frozenset[str]:
    return frozenset(record.loc.file for record in records if record is not None)


def _agency_files(site: Site, agency_id: str, with_catalogues: bool = False) -> frozenset[str]:
    """An agency's own file, its plans and their reports (and its catalogues)."""
    plans = [p for p in site.plans.values() if p.agency == agency_id]
    reports = [r for p in plans for r in site.reports_by_plan[p.id]]
    reports += [r for r in site.reports.values() if r.agency == agency_id]
    catalogues = [c for c in site.catalogues.values() if c.agency == agency_id] \
        if with_catalogues else []
    return _files(site.agencies[agency_id], *plans, *reports, *catalogues)


def _without_collisions(routes: list[Route], problems: Problems) -> list[Route]:
    taken: dict[str, Route] = {}
    told: set[Loc] = set()
    for route in routes:
        if route.path in taken:
            first = taken[route.path]
            if route.template == "moved.html":  # a former id: after every page, never first
                if route.source in told:
                    continue  # its other pages: the id is told once
                told.add(route.source)
                problems.error(route.source, "aliases", f"mã cũ này cho địa chỉ /{route.path}, "
                               f"mà trang tạo từ {first.source} đang dùng: trang ấy không thể "
                               "chuyển đi; hãy bỏ mã này khỏi 'aliases'",
                               f"this former id gives the address /{route.path}, which the page "
                               f"from {first.source} has: it cannot lead elsewhere; remove the "
                               "id from 'aliases'")
                continue
            problems.error(route.source, "", f"trang này trùng địa chỉ /{route.path} với trang "
                           f"tạo từ {first.source}; hãy đổi tên tệp hoặc mã",
                           f"this page would have the same URL /{route.path} as the page from "
                           f"{first.source}; rename the file or the id")
            continue
        taken[route.path] = route
    return sorted(taken.values(), key=lambda r: r.path)
