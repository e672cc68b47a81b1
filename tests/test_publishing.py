"""Feed, sitemap, robots.txt and preview metadata of the built site."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from cchc_site.build import check
from cchc_site.feeds import FEED_ENTRIES, atom
from cchc_site.progress import as_of

from .conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402

BASE = "https://cchc.example.gov.vn/"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_lists_every_plan_and_report(example_output):
    feed = ET.parse(example_output / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    plans = list((ROOT / "content/plans").glob("*.yaml"))
    reports = list((ROOT / "content/reports").glob("*.yaml"))
    assert len(entries) == len(plans) + len(reports)
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert BASE + "bao-cao/so-khcn-nghe-an-2023-nam/" in ids
    for entry in entries:
        path = entry.find(f"{ATOM}id").text.removeprefix(BASE)
        assert (example_output / path / "index.html").is_file()
    assert feed.find(f"{ATOM}updated").text == "2023-12-31T00:00:00Z"


def test_a_provinces_feed_holds_its_newest_documents_not_all(tmp_path):
    """A feed reader fetches the feed every hour or so: 900 entries (386 KB)
    for a province of 30 departments over 6 years; the newest 50 it is."""
    generate(tmp_path, agencies=3, years=4, seed=2)
    site = check(tmp_path).site
    entries = ET.fromstring(atom(site)[1]).findall(f"{ATOM}entry")
    days = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert len(days) == FEED_ENTRIES < len(site.plans) + len(site.reports)
    assert days == sorted(days, reverse=True)
    newest = max(as_of(report) for report in site.reports.values())
    assert days[0] == f"{newest.isoformat()}T00:00:00Z"
    assert any(f"/bao-cao/{report_id}/" in entries[0].find(f"{ATOM}id").text
               for report_id, report in site.reports.items() if as_of(report) == newest)


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """A province's built site: 3 departments over 2 years."""
    site = tmp_path_factory.mktemp("tinh")
    generate(site, agencies=3, years=2, seed=4)
    assert run_cli("build", "--site", str(site)).returncode == 0
    return site / "output"


def test_no_two_pages_of_a_province_share_a_title_or_a_links_words(province):
    """A browser tab, a bookmark, a search engine's result and a screen
    reader's list of links tell pages apart by their title and link text:
    the task pages and catalogues of 30 departments must not read alike."""
    out = province
    titles: dict[str, str] = {}
    for page in sorted(out.rglob("index.html")):
        title = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head.title.string
        assert title not in titles, (title, titles.get(title), page)
        titles[title] = str(page)
    assert len(titles) > 300
    for listing in ("index.html", "thu-tuc/index.html"):
        soup = BeautifulSoup((out / listing).read_text(encoding="utf-8"), "html.parser")
        words = [a.get_text(" ", strip=True) for a in soup.select("main a[href]")
                 if (out / listing).parent.joinpath(a["href"]).resolve().relative_to(
                     out.resolve()).parts[::2] == ("thu-tuc", "index.html")]  # a catalogue
        assert len(words) >= 3 and len(set(words)) == len(words), words


def test_a_provinces_reports_list_goes_from_the_latest_period_its_agencies_in_order(province):
    soup = BeautifulSoup((province / "bao-cao/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    rows = [(tr.select("td")[1].get_text(), tr.th.a["href"].split("/")[0])
            for tr in soup.select("#bang-bao-cao ~ tbody tr")]
    assert len(rows) == 3 * 2 * 4
    assert [period for period, _ in rows[:3]] == ["Năm 2024"] * 3
    assert [report for _, report in rows[:3]] == ["so-01-2024-nam", "so-02-2024-nam",
                                                  "so-03-2024-nam"]
    assert rows[-1] == ("Quý I năm 2023", "so-03-2023-quy-1")


def test_past_a_hundred_reports_the_list_has_a_page_a_year_the_latest_first(tmp_path):
    """A province's 720 reports made one list of 260 KB and 79 phone screens:
    past REPORTS_ON_ONE_PAGE, bao-cao/ lists the latest year's and each other
    year has its page, every report on exactly one of them."""
    from cchc_site.routes import REPORTS_ON_ONE_PAGE
    generate(tmp_path / "tinh", agencies=5, years=6, seed=2)
    assert run_cli("build", "--site", str(tmp_path / "tinh")).returncode == 0
    out = tmp_path / "tinh/output/bao-cao"
    reports = {p.parent.name for p in out.glob("so-*/index.html")}
    assert len(reports) == 5 * 6 * 4 > REPORTS_ON_ONE_PAGE
    listed: list[str] = []
    pages = {"": out / "index.html", **{p.parent.name: p for p in out.glob("nam-*/index.html")}}
    assert sorted(pages) == ["", "nam-2019", "nam-2020", "nam-2021", "nam-2022", "nam-2023"]
    for name, page in pages.items():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        year = name.removeprefix("nam-") or "2024"
        rows = [tr.th.a["href"].split("/")[-2] for tr in soup.select("#bang-bao-cao ~ tbody tr")]
        assert len(rows) == 20 and all(f"-{year}-" in row for row in rows), (name, rows)
        listed += rows
        years = [a.get_text() for a in soup.select("nav[aria-labelledby=cac-nam] a")]
        assert years == [f"Năm {y}" for y in range(2024, 2018, -1)]
        assert [li.get_text() for li in soup.select("nav[aria-labelledby=cac-nam] li")] == \
            [f"Năm {y} (20 báo cáo)" for y in range(2024, 2018, -1)]
        assert soup.select_one("nav[aria-labelledby=cac-nam] a[aria-current]").get_text() == \
            f"Năm {year}"
    assert sorted(listed) == sorted(reports)


def test_a_units_tasks_of_several_years_come_newest_plan_first(province):
    page = province / "co-quan/so-01/don-vi/van-phong/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    years = [int(re.search(r"-(\d{4})/", a["href"])[1])
             for a in soup.select("#bang-chu-tri ~ tbody td.key a")]
    assert len(set(years)) == 2 and years == sorted(years, reverse=True), years


def test_sitemap_lists_every_page_once(example_output):
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = [u.text for u in ET.parse(example_output / "sitemap.xml").getroot().iter(f"{ns}loc")]
    pages = [p for p in example_output.rglob("index.html")]
    assert len(urls) == len(set(urls)) == len(pages)
    for url in urls:
        assert (example_output / url.removeprefix(BASE) / "index.html").is_file()


def test_robots_points_at_the_sitemap(example_output):
    assert (example_output / "robots.txt").read_text(encoding="utf-8").splitlines() == \
        ["User-agent: *", "Allow: /", f"Sitemap: {BASE}sitemap.xml"]


def test_pages_have_canonical_and_preview_metadata(example_output):
    path = example_output / "ke-hoach/so-khcn-nghe-an-2023/index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("link", rel="canonical")["href"] == BASE + "ke-hoach/so-khcn-nghe-an-2023/"
    assert soup.find("meta", property="og:url")["content"] == \
        BASE + "ke-hoach/so-khcn-nghe-an-2023/"
    assert soup.find("meta", property="og:title")["content"].startswith("Cải cách hành chính")
    assert soup.find("meta", property="og:locale")["content"] == "vi_VN"
    feed = soup.find("link", type="application/atom+xml")["href"]
    assert (path.parent / feed).resolve() == (example_output / "feed.xml").resolve()


def test_404_page_uses_absolute_links_under_the_base_path(tmp_path):
    from .conftest import run_cli
    import shutil
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    (site / "site.yaml").write_text("title: T\nbase_url: https://x.gov.vn/cchc/\n",
                                    encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    soup = BeautifulSoup((site / "output/404.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs and all(h.startswith(("/cchc/", "#")) for h in hrefs), hrefs
    # served at every missing address: not a page of its own for search engines to list
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not soup.find("link", rel="canonical") and not soup.find("meta", property="og:url")
    home = BeautifulSoup((site / "output/index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("link", rel="canonical")["href"] == "https://x.gov.vn/cchc/"
    assert not home.find("meta", attrs={"name": "robots"})


def test_two_agencies_plans_of_one_title_are_told_apart_in_tabs_and_shared_links(tmp_path):
    """Departments often title their plans alike ('Kế hoạch cải cách hành
    chính năm 2024'): a tab, a bookmark or a shared link names the agency."""
    site = tmp_path / "tinh"
    assert run_cli("new", str(site)).returncode == 0
    agency = (site / "content/agencies/co-quan-mau.yaml").read_text(encoding="utf-8")
    plan = (site / "content/plans/co-quan-mau-2024.yaml").read_text(encoding="utf-8")
    (site / "content/agencies/so-hai.yaml").write_text(
        agency.replace("Sở Mẫu tỉnh Mẫu", "Sở Hai tỉnh Mẫu").replace("short_name: Sở Mẫu",
                                                                     "short_name: Sở Hai"),
        encoding="utf-8")
    (site / "content/plans/so-hai-2024.yaml").write_text(
        plan.replace("agency: co-quan-mau", "agency: so-hai"), encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    titles = {}
    for plan_id in ("co-quan-mau-2024", "so-hai-2024"):
        soup = BeautifulSoup((site / f"output/ke-hoach/{plan_id}/index.html").read_text("utf-8"),
                             "html.parser")
        titles[plan_id] = (soup.head.title.get_text(),
                           soup.find("meta", property="og:title")["content"])
    assert titles["co-quan-mau-2024"][1].endswith(" – Sở Mẫu")
    assert titles["so-hai-2024"][1].endswith(" – Sở Hai")
    assert titles["co-quan-mau-2024"][0] != titles["so-hai-2024"][0]
