"""The example site shows every task, target and figure of the real documents.

Counts are made here from the content files, read with plain PyYAML
(independently of cchc_site's loader), and compared with the built HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cchc_site.vietnamese import sort_key

from .conftest import ROOT, raw_yaml

PLANS = sorted((ROOT / "content/plans").glob("*.yaml"))
REPORTS = sorted((ROOT / "content/reports").glob("*.yaml"))
CATALOGUES = sorted((ROOT / "content/tthc").glob("*.yaml"))


def words(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def squash(text: str) -> str:
    return " ".join(text.split())


def test_the_example_is_the_three_seed_documents():
    assert [p.stem for p in PLANS] == ["so-khcn-nghe-an-2023", "so-khdt-tuyen-quang-2023"]
    assert [p.stem for p in REPORTS] == ["so-khcn-nghe-an-2023-nam"]
    assert [p.stem for p in CATALOGUES] == ["so-khcn-thua-thien-hue"]


@pytest.mark.parametrize("plan_file", PLANS, ids=lambda p: p.stem)
def test_plan_page_shows_every_task_with_its_columns(plan_file, page):
    plan = raw_yaml(plan_file)
    soup = page(f"ke-hoach/{plan_file.stem}/")
    articles = soup.select("article.task")
    rows = [(area, task) for area in plan["areas"] for task in area["tasks"]]
    assert len(articles) == len(rows)
    for article, (area, task) in zip(articles, rows):
        assert article["id"] == "nv-" + f"{area['number']}-{task['number']}".lower()
        text = words(article)
        for column in ("objective", "task", "activities", "product", "deadline", "budget",
                       "lead_text", "support_text"):
            for item in re.split(r"\s-\s*", squash(task.get(column, "")).lstrip("- ")):
                assert item.rstrip(";") in text, (column, item)
        heading = words(article.h4)
        assert ".;" not in heading and ";;" not in heading, heading  # list items run on cleanly


@pytest.mark.parametrize("plan_file", PLANS, ids=lambda p: p.stem)
def test_plan_page_shows_objectives_targets_and_areas(plan_file, page):
    plan = raw_yaml(plan_file)
    soup = page(f"ke-hoach/{plan_file.stem}/")
    assert len(soup.select("ol.objectives > li")) == len(plan["objectives"])
    target_rows = soup.select("section[aria-labelledby=chi-tieu] tbody tr")
    assert [row.th.get_text(" ", strip=True) for row in target_rows] == \
        [squash(t["text"]) for t in plan["targets"]]
    area_headings = [h.get_text(" ", strip=True) for h in soup.select("section.area > h3")]
    assert area_headings == [f"{a['number']}. {a['title']}" for a in plan["areas"]]
    headings = [h.get_text(" ", strip=True) for h in soup.select("section.prose > h2")]
    assert headings == [s["heading"] for s in plan.get("sections", [])]


def test_plan_tasks_keep_the_documents_numbering_mistakes(page):
    soup = page("ke-hoach/so-khcn-nghe-an-2023/")
    keys = [a.select_one(".task-key").get_text() for a in soup.select("article.task")]
    assert keys[-9:-5] == ["VI.1", "VI.2", "VI.3", "VI.6"]  # the plan skips 4 and 5
    assert len(keys) == 34


def test_budget_total_is_stated_honestly(page):
    soup = page("ke-hoach/so-khcn-nghe-an-2023/")
    assert "Phụ lục không ghi kinh phí cho nhiệm vụ nào." in words(soup)


def test_draft_plan_says_it_is_a_draft_and_names_the_final_number(page):
    text = words(page("ke-hoach/so-khcn-nghe-an-2023/"))
    assert "dự thảo" in text and "59/SKHCN-VP" in text and "31/01/2023" in text


@pytest.mark.parametrize("report_file", REPORTS, ids=lambda p: p.stem)
def test_report_page_shows_every_figure_and_status(report_file, page):
    report = raw_yaml(report_file)
    soup = page(f"bao-cao/{report_file.stem}/")
    figure_rows = soup.select("section[aria-labelledby=so-lieu] tbody tr")
    assert len(figure_rows) == len(report["figures"])
    for row, figure in zip(figure_rows, report["figures"]):
        assert row.th.get_text(strip=True) == squash(figure["label"])
        assert squash(figure.get("as_written", "")) in words(row)
    status_rows = soup.select("section[aria-labelledby=tinh-trang] tbody tr")
    assert len(status_rows) == len(report["tasks"])
    for row, status in zip(status_rows, report["tasks"]):
        assert row.td.get_text(strip=True) == status["task"]
    dossiers = report["dossiers"]
    dossier_table = soup.select_one("#bang-ho-so").find_parent("table")
    total = dossier_table.select_one("tr.total").get_text(" ")
    for key in ("received", "resolved_early", "resolved_late", "returned", "pending"):
        assert dossiers[key] in total.split()
    rows = dossier_table.select("tbody tr:not(.total)")
    fields = [r.th.get_text(strip=True) for r in rows]
    assert fields == [f["field"] for f in dossiers["by_field"]]
    levels = soup.select("section[aria-labelledby=dvc] tbody tr")
    assert [r.td.get_text() for r in levels] == [lv["count"] for lv in
                                                report["online_services"]["levels"]]
    headings = [h.get_text(" ", strip=True) for h in soup.select("section.prose > h2")]
    assert headings == [s["heading"] for s in report["sections"]]


def test_report_percentages_state_their_formula(page):
    soup = page("bao-cao/so-khcn-nghe-an-2023-nam/")
    header = soup.select("section[aria-labelledby=dvc] thead th")[-1].get_text()
    assert "÷ 28" in header
    cells = soup.select("section[aria-labelledby=dvc] tbody td")
    assert [td.get_text() for td in cells][1::2] == ["46,4%", "14,3%"]


def test_a_long_report_lists_its_parts_first_in_page_order(example_output):
    """A report is 38,000 px on a phone: like a plan, it opens with a list of
    its parts, each link to a heading of the page, in the page's order."""
    from bs4 import BeautifulSoup
    pages = sorted(example_output.glob("bao-cao/*/index.html")) + \
        sorted(example_output.glob("ke-hoach/*/index.html"))
    listed = 0
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        toc = soup.select_one("nav.page-toc")
        if toc is None:
            continue
        listed += "bao-cao" in str(html)
        anchors = [a["href"].removeprefix("#") for a in toc.select("a")]
        order = [tag.get("id") for tag in soup.find_all(id=True)]
        assert all(anchor in order for anchor in anchors), (html, anchors)
        assert [order.index(a) for a in anchors] == sorted(order.index(a) for a in anchors), html
    assert listed >= 1


def test_no_table_of_rates_by_field_when_the_report_gives_none_to_compute(page):
    """The report counts its dossiers by field, but never enough for a rate:
    a sentence says so, not a table of dashes only (as a public trial found)."""
    soup = page("bao-cao/so-khcn-nghe-an-2023-nam/")
    assert soup.select("#bang-ho-so ~ tbody tr")  # by field
    assert soup.select_one("#bang-ty-le") is None
    assert "Báo cáo không nêu đủ số để tính các tỷ lệ này cho từng lĩnh vực." in soup.get_text()


def test_unit_pages_list_what_each_unit_leads_and_supports(page):
    agency = raw_yaml(ROOT / "content/agencies/so-khcn-nghe-an.yaml")
    plan = raw_yaml(ROOT / "content/plans/so-khcn-nghe-an-2023.yaml")
    tasks = [(f"{a['number']}.{t['number']}", t) for a in plan["areas"] for t in a["tasks"]]

    def listed(value):
        return value if isinstance(value, list) else [value] if value else []
    for unit in agency["units"]:
        soup = page(f"co-quan/so-khcn-nghe-an/don-vi/{unit['id']}/")
        for role, anchor in (("lead", "chu-tri"), ("support", "phoi-hop")):
            expected = [key for key, t in tasks if unit["id"] in listed(t.get(role))]
            shown = [row.select("td")[1].get_text(strip=True)
                     for row in soup.select(f"table:has(#bang-{anchor}) tbody tr")]
            assert shown == expected, (unit["id"], role)


def test_tthc_catalogue_lists_every_procedure_and_says_it_is_partial(page):
    catalogue = raw_yaml(ROOT / "content/tthc/so-khcn-thua-thien-hue.yaml")
    soup = page("thu-tuc/so-khcn-thua-thien-hue/")
    names = sorted(a.get_text(" ", strip=True) for a in soup.select("tbody th a"))
    assert names == sorted(squash(p["name"]) for p in catalogue["procedures"])
    assert "Danh mục chưa đầy đủ" in words(soup)
    for source in catalogue["sources"]:
        assert source["url"] in words(soup)


def test_each_procedure_has_its_page_with_every_value(page):
    catalogue = raw_yaml(ROOT / "content/tthc/so-khcn-thua-thien-hue.yaml")
    for procedure in catalogue["procedures"]:
        soup = page(f"thu-tuc/so-khcn-thua-thien-hue/{procedure['id']}/")
        text = words(soup)
        assert soup.h1.get_text(" ", strip=True) == squash(procedure["name"])
        for key in ("field", "processing_time", "fee", "online_level"):
            if procedure.get(key):
                assert squash(procedure[key]) in text
        for variant in procedure.get("other_sources", []):
            assert squash(variant["processing_time"]) in text


def test_no_tthc_is_published_for_nghe_an(page):
    assert not list((ROOT / "content/tthc").glob("*nghe-an*"))
    assert "Thủ tục hành chính" in words(page("co-quan/so-khcn-nghe-an/"))
    assert "Chưa có danh mục thủ tục." in words(page("co-quan/so-khcn-nghe-an/"))


def test_every_page_is_vietnamese_with_navigation(example_output):
    from bs4 import BeautifulSoup
    pages = sorted(example_output.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "vi", path
        assert soup.select_one("a.skip-link")["href"] == "#noi-dung"
        assert soup.select_one("main#noi-dung") is not None
        assert soup.select_one("nav[aria-label='Chính']") is not None
        assert len(soup.find_all("h1")) == 1, path
        icon = soup.select_one("link[rel=icon]")["href"]  # else browsers ask for /favicon.ico
        base = example_output if icon.startswith("/") else path.parent  # 404 is site-rooted
        assert (base / icon.lstrip("/")).resolve().is_file(), path


def test_member_units_see_the_tasks_given_to_their_group(page):
    agency = raw_yaml(ROOT / "content/agencies/so-khcn-nghe-an.yaml")
    plan = raw_yaml(ROOT / "content/plans/so-khcn-nghe-an-2023.yaml")
    groups = {u["id"]: u.get("members", []) for u in agency["units"]}

    def listed(value):
        return value if isinstance(value, list) else [value] if value else []
    for unit in agency["units"]:
        expected = [f"{a['number']}.{t['number']}" for a in plan["areas"] for t in a["tasks"]
                    for role in ("lead", "support") for group in listed(t.get(role))
                    if unit["id"] in groups.get(group, [])]
        soup = page(f"co-quan/so-khcn-nghe-an/don-vi/{unit['id']}/")
        caption = soup.select_one("#bang-qua-nhom")
        shown = [row.td.get_text(strip=True) for row in
                 caption.find_parent("table").select("tbody tr")] if caption else []
        assert shown == expected, unit["id"]


@pytest.mark.parametrize("plan_file", PLANS, ids=lambda p: p.stem)
def test_plan_contents_name_the_headings_they_lead_to(plan_file, page):
    soup = page(f"ke-hoach/{plan_file.stem}/")
    links = soup.select(".toc a[href^='#']")
    assert len(links) >= 3
    for link in links:
        heading = soup.find(id=link["href"][1:])
        assert heading is not None, link["href"]
        shown, target = words(link), words(heading)  # one may add a date or a count
        assert shown.startswith(target) or target.startswith(shown), (shown, target)


def test_the_search_page_suggests_words_of_this_sites_own_that_find_something(page,
                                                                             example_output):
    """The hint is the start of one of the site's own TTHC, unaccented, and
    every word of it is in one same document of the index."""
    hint = page("tim-kiem/").select_one("main p em").get_text()
    assert hint == "mua sang che sang kien"  # '(Cấp tỉnh) Thủ tục mua sáng chế, sáng kiến'
    _, terms = search_index(example_output)
    assert set.intersection(*(set(terms[word]) for word in hint.split()))


def test_a_word_joined_by_a_hyphen_is_found_typed_whole_however_the_hyphen_is_spaced(
        example_output):
    """'X-quang' and 'X- quang' are both found by 'xquang', as phones type it."""
    docs, terms = search_index(example_output)
    titled = {number for number, doc in enumerate(docs)
              if re.search(r"x- ?quang", doc[1], re.IGNORECASE)}
    assert any("X- quang" in docs[n][1] for n in titled) and any("X-quang" in docs[n][1]
                                                                 for n in titled)
    assert titled <= set(terms["xquang"])


def search_index(output: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, list[int]]]:
    """search-index.js read as static/search.js reads it: each document as
    (kind, title, path, detail), and each word's document numbers."""
    import itertools
    import json
    script = (output / "search-index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("=") + 1:script.rindex(";")])
    kinds = list(index["kinds"])
    docs = [(kinds[kind], title, index["folders"][folder] + rest, index["details"][detail])
            for kind, title, folder, rest, detail in index["docs"]]
    return docs, {word: list(itertools.accumulate(gaps)) for word, gaps in index["terms"].items()}


def test_the_search_index_leads_to_every_page_it_names_and_finds_each_by_its_words(
        example_output):
    docs, terms = search_index(example_output)
    assert len(docs) > 90 and all((example_output / path / "index.html").is_file()
                                   for _, _, path, _ in docs)
    found = {number for numbers in terms.values() for number in numbers}
    assert found == set(range(len(docs)))  # every document has words, all numbers in range
    licence = next(n for n, doc in enumerate(docs) if doc[1].startswith("Thủ tục cấp giấy phép"))
    assert all(licence in terms[word] for word in ("giay", "phep", "xquang"))


@pytest.mark.parametrize("path, table, header", [
    ("", "bang-chi-so", "Kế hoạch"), ("ke-hoach/so-khcn-nghe-an-2023/", "bang-tien-do", "Lĩnh vực")])
def test_status_tables_name_what_their_rows_are(page, example_output, path, table, header):
    """The first column says what each row counts: a plan, an area, a role
    (and so does its CSV, whose first field it is)."""
    caption = page(path).find("caption", id=table)
    assert caption.find_parent("table").select_one("thead th").get_text() == header
    csv_head = (example_output / path / f"{table}.csv").read_text(encoding="utf-8-sig")
    assert csv_head.split(",")[0] == header


def test_every_page_leads_to_the_glossary_of_abbreviations_and_statuses(example_output, page):
    from bs4 import BeautifulSoup
    from cchc_site.labels import GLOSSARY
    from cchc_site.progress import LABELS
    glossary = (example_output / "tu-viet-tat/index.html").resolve()
    for html in example_output.rglob("index.html"):
        footer = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select_one(
            "footer a")
        assert (html.parent / footer["href"]).resolve() == glossary, html
    terms = [dt.get_text() for dt in page("tu-viet-tat/").select("dl.glossary dt")]
    assert terms[:len(GLOSSARY)] == [term for term, _ in GLOSSARY]
    assert terms[:len(GLOSSARY)] == sorted(terms[:len(GLOSSARY)], key=sort_key)  # Vietnamese order
    assert terms.index("HĐND") < terms.index("Hồ sơ") < terms.index("HTQLCL, ISO 9001")
    ids = [dt.get("id") for dt in page("tu-viet-tat/").select("dl.glossary dt")][:len(GLOSSARY)]
    assert len(set(ids)) == len(ids) and ids[terms.index("TTHC")] == "tthc"  # to link to
    assert sorted(terms[len(GLOSSARY):]) == sorted(LABELS.values())
    uses = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "content").rglob("*.yaml"))
    assert all(term in uses for term in ("TTHC", "CCHC", "QPPL", "UBND", "PAR INDEX"))


def test_a_price_list_is_one_price_a_line_and_sources_are_named_links(page):
    """'Thiết bị A: 2.000.000 đ; Thiết bị B: …' one item a line, 'đ' never
    alone on a line; a source links by its site's name, not a 200-character URL."""
    soup = page("thu-tuc/so-khcn-thua-thien-hue/cap-giay-phep-x-quang/")
    fees = next(dt for dt in soup.select("dl.facts dt") if dt.get_text() == "Phí, lệ phí")
    items = [li.get_text() for li in fees.find_next("dd").select("li")]
    assert len(items) == 8 and items[1] == "Thiết bị X-quang chụp vú: 2.000.000\u00a0đ;"
    links = [a.get_text() for a in soup.select("dl.facts a")]
    assert links == ["Xem nguồn trên thuathienhue.gov.vn"]
    assert not any(a.get_text().startswith("http")
                   for a in page("thu-tuc/so-khcn-thua-thien-hue/").select("main a"))
    assert soup.select_one("dl.facts span.url").get_text().startswith("(https://thuathienhue.gov.vn/")


def test_chart_labels_are_shortened_at_a_words_end(page):
    soup = page("ke-hoach/so-khcn-nghe-an-2023/")
    titles = [h.get_text(" ", strip=True) for h in soup.select("section.area > h3")]
    shortened = [t.get_text() for t in soup.select("svg.chart text.chart-label")
                 if t.get_text().endswith("…")]
    assert shortened  # the longest area titles do not fit the chart's width
    for label in shortened:
        kept = label[:-1].rstrip()
        title = next(t for t in titles if t.startswith(kept))
        assert title[len(kept)] in " ,;:", (label, title)  # not cut inside a word


def test_every_page_of_an_agencys_record_names_the_agency_in_its_title(example_output):
    """A browser tab, a bookmark or a search engine shows the <title> alone:
    a procedure, a task or a plan of one department reads like another's."""
    from bs4 import BeautifulSoup
    pages = [path for pattern in ("thu-tuc/so-*/*/index.html", "ke-hoach/so-*/index.html",
                                  "ke-hoach/so-*/nhiem-vu/*/index.html", "bao-cao/so-*/index.html")
             for path in sorted(example_output.glob(pattern))]
    for path in pages:
        title = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").title.get_text()
        assert " – Sở KH&" in title, (path, title)
    assert len(pages) > 60


def test_the_plans_list_orders_a_years_plans_by_agency_as_the_home_page_does(example_output):
    """The two plans of 2023 were listed by file name (Khoa học before Kế
    hoạch) on the plans page, by agency in Vietnamese order on the home page."""
    def plans(page: str) -> list[str]:
        html = (example_output / page).read_text(encoding="utf-8")
        return list(dict.fromkeys(re.findall(r'href="(?:ke-hoach/)?([\w-]+-\d{4})/index\.html"', html)))
    assert plans("ke-hoach/index.html") == plans("index.html") == \
        ["so-khdt-tuyen-quang-2023", "so-khcn-nghe-an-2023"]
