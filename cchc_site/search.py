"""The offline search index: every plan, task, report, catalogue, procedure and unit.

Plans and reports are found by their kind ('kế hoạch nghệ an' finds a plan
whose title does not say 'kế hoạch') and their agency's province; a plan by
its objectives and targets too ('hài lòng' finds the plan
aiming at 95% satisfaction), a report by its figures and section headings
('149' finds the report counting 149 dossiers); not by whole bodies, which
would make the index several times larger for a phone to fetch.

A small inverted index of accent-free words, written once per build as
``search-index.js`` and read by ``static/search.js``.  Words are folded
the same way on both sides (no diacritics, đ → d, lower case), so "cap giay
phep buc xa" finds "Cấp giấy phép … bức xạ".  Measured against lunr in
``benchmarks/search_index.py``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from . import routes
from .link import Site
from .markup import cell_inline
from .vietnamese import strip_diacritics

INDEX_FILE = "search-index.js"
KINDS = {"agency": "Cơ quan", "plan": "Kế hoạch", "report": "Báo cáo",
         "catalogue": "Danh mục thủ tục", "unit": "Đơn vị", "tthc": "Thủ tục hành chính",
         "task": "Nhiệm vụ", "page": "Trang"}  # ties: first first


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(strip_diacritics(text).lower())


# 'x-quang', 'X- quang', 'kh&cn': typed 'xquang', 'khcn' (not 'xạ - sử', a dash between words)
_JOINED = re.compile(r"[a-z0-9]+(?:[-&] ?[a-z0-9]+)+")


@lru_cache(maxsize=200_000)
def _index_words(text: str) -> tuple[str, ...]:
    """A document's distinct words, and its hyphenated ones also written
    together; remembered between the dev server's rebuilds."""
    folded = strip_diacritics(text).lower()
    joined = [re.sub(r"[-& ]", "", w) for w in _JOINED.findall(folded)] \
        if "-" in folded or "&" in folded else []
    return tuple(sorted(set(_WORD.findall(folded) + joined)))


def _documents(site: Site) -> list[tuple[str, str, str, str, str]]:
    """(kind, title, path, detail shown under the title, text to index; the
    detail's words are found too, added to the index by the page's script)."""
    docs = []
    for catalogue_id, entries in site.procedures.items():
        for e in entries:
            p = e.procedure
            title = f"{p.name} (đã bãi bỏ)" if p.abolished else p.name
            docs.append(("tthc", title, routes.procedure(catalogue_id, e.slug),
                         f"{p.field} · {site.agencies[e.catalogue.agency].name}",
                         " ".join([p.name, p.code, p.field, p.online_level])))
    for plan_id, entries in site.tasks.items():
        plan = site.plans[plan_id]
        of_plan = f"{site.agencies[plan.agency].name} · {plan.title}"  # alike in every agency
        for e in entries:
            t = e.task
            docs.append(("task", f"{e.key}. {cell_inline(t.task)}", routes.task_page(plan_id, e.slug),
                         of_plan, " ".join(["Nhiệm vụ", e.key, t.task, t.objective,
                                               t.activities, t.product, t.lead_text,
                                               t.support_text, " ".join(u.name for u in e.lead)])))
    for plan in site.plans.values():
        agency = site.agencies[plan.agency].name
        province = site.agencies[plan.agency].province
        cited = [r.plan_reference.number for r in site.reports_by_plan[plan.id]
                 if r.plan_reference]  # what its reports call it: the number its copy may lack
        docs.append(("plan", plan.title, routes.plan(plan.id), f"{agency} · {plan.year}",
                     " ".join(["Kế hoạch", plan.title, plan.number, *cited, agency, province,
                               str(plan.year), plan.theme,
                               *(o.text for o in plan.objectives),
                               *(t.text for t in plan.targets)])))
    for report in site.reports.values():
        agency = site.agencies[report.agency].name
        docs.append(("report", report.title, routes.report(report.id),
                     f"{agency} · {report.year}",
                     " ".join(["Báo cáo", report.title, report.number, agency,
                               report.plan_reference.number if report.plan_reference else "",
                               site.agencies[report.agency].province, str(report.year),
                               report.dossiers.as_written if report.dossiers else "",
                               *(f"{f.label} {f.as_written}" for f in report.figures),
                               *(s.heading for s in report.sections)])))
    for catalogue in site.catalogues.values():
        agency = site.agencies[catalogue.agency].name
        docs.append(("catalogue", catalogue.title, routes.catalogue(catalogue.id), agency,
                     f"{catalogue.title} {agency} thủ tục hành chính"))
    for (agency_id, _), entry in site.units.items():
        docs.append(("unit", entry.unit.name, routes.unit(agency_id, entry.slug),
                     entry.agency.name, f"{entry.unit.name} {entry.agency.name}"))
    for agency in site.agencies.values():
        docs.append(("agency", agency.name, routes.agency(agency.id), agency.province,
                     f"{agency.name} {agency.short_name} {agency.province}"))
    for page in site.pages.values():
        docs.append(("page", page.title, routes.page(page.id), page.description,
                     f"{page.title} {page.description} {page.body}"))
    return docs


def example_query(site: Site, catalogue_id: str = "") -> str:
    """What the search page (or a catalogue's filter, ``catalogue_id``)
    suggests typing: the start of one of this site's own TTHC or plans (of
    that catalogue's TTHC), without diacritics (so the reader sees they are
    not needed), and one that finds something."""
    if catalogue_id:
        names = [e.procedure.name for e in site.procedures[catalogue_id]]
    else:
        names = [e.procedure.name for entries in site.procedures.values() for e in entries] + \
            [plan.title for plan in site.plans.values()]
    shortest = None  # '(Cấp tỉnh) Thủ tục mua sáng chế, sáng kiến' → 'mua sang che sang kien'
    for name in names:
        found = words(re.sub(r"\([^)]*\)", " ", name))
        found = found[2:] if found[:2] == ["thu", "tuc"] else found
        if len(found) >= 2 and (shortest is None or len(found) < len(shortest)):
            shortest = found
    return " ".join(shortest[:6]) if shortest else "cai cach hanh chinh"


def build_index(site: Site) -> tuple[str, bytes]:
    """search-index.js, written compactly for a phone on a slow network (the
    30 × 6 province's: 1.9 MB, 240 KB gzipped, instead of 3.5 MB and 650 KB):
    each document as [kind number, title, folder number, rest of its path,
    detail number], the folders and details it shares with others listed once;
    each word's documents as the gaps between their numbers (not the
    words of their details, which search.js adds: the agency under each of
    thousands of tasks)."""
    docs = _documents(site)
    terms: dict[str, list[int]] = {}
    for number, (_, title, _, _, text) in enumerate(docs):
        for word in _index_words(f"{title} {text}"):
            terms.setdefault(word, []).append(number)
    kinds = list(KINDS)
    split = [path.rstrip("/").rpartition("/") for _, _, path, _, _ in docs]
    folders = sorted({f"{head}/" if head else "" for head, _, _ in split})
    details = sorted({detail for _, _, _, detail, _ in docs})
    folder_of, detail_of = {f: i for i, f in enumerate(folders)}, {d: i for i, d in enumerate(details)}
    rows = [[kinds.index(kind), title, folder_of[f"{head}/" if head else ""],
             path[len(head) + 1 if head else 0:], detail_of[detail]]
            for (kind, title, path, detail, _), (head, _, _) in zip(docs, split)]
    index = {"kinds": KINDS, "folders": folders, "details": details, "docs": rows,
             "terms": {word: [numbers[0]] + [b - a for a, b in zip(numbers, numbers[1:])]
                       for word, numbers in sorted(terms.items())}}
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # A script rather than JSON: a <script> tag loads it from the disk too,
    # where fetch() of a file:// URL is refused.
    return INDEX_FILE, f"window.CCHC_SEARCH_INDEX={text};\n".encode("utf-8")

