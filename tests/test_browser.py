"""The public site in a real browser: accessibility (axe-core), phones,
search, the TTHC filter, no request to any other host, and the site served
under a sub-path with no broken link.  Screenshots are written for people
to look at in test-screenshots/."""

from __future__ import annotations

import re
import sys
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from cchc_site.vietnamese import format_number

from .browser import launch, serve
from .conftest import ROOT, catalogue_site, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402

SCREENSHOTS = ROOT / "test-screenshots"
PAGE_TYPES = {
    "home": "index.html",
    "plans": "ke-hoach/index.html",
    "plan": "ke-hoach/so-khcn-nghe-an-2023/index.html",
    "plan-2": "ke-hoach/so-khdt-tuyen-quang-2023/index.html",
    "task": "ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/ii-1/index.html",
    "reports": "bao-cao/index.html",
    "report": "bao-cao/so-khcn-nghe-an-2023-nam/index.html",
    "agencies": "co-quan/index.html",
    "agency": "co-quan/so-khcn-nghe-an/index.html",
    "agency-2": "co-quan/so-khdt-tuyen-quang/index.html",
    "unit": "co-quan/so-khcn-nghe-an/don-vi/van-phong/index.html",
    "catalogues": "thu-tuc/index.html",
    "catalogue": "thu-tuc/so-khcn-thua-thien-hue/index.html",
    "procedure": "thu-tuc/so-khcn-thua-thien-hue/cap-giay-phep-x-quang/index.html",
    "search": "tim-kiem/index.html",
    "glossary": "tu-viet-tat/index.html",
    "data": "du-lieu/index.html",
    "not-found": "404.html",
}


def axe_script() -> str:
    import axe_playwright_python
    return str(Path(axe_playwright_python.__file__).parent / "axe.min.js")


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site_url(example_output):
    with serve(example_output, "/cchc/") as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.requests = requests
    yield tab
    context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_violation(page, site_url, name):
    response = page.goto(site_url + PAGE_TYPES[name])
    assert response.status == 200
    page.add_script_tag(path=axe_script())
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                  for v in result["violations"]]
    assert violations == []
    assert page.evaluate("document.documentElement.lang") == "vi"


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_large_text_on_a_small_phone_wraps_instead_of_scrolling_sideways(page, site_url, name):
    """320 px with the reader's text at twice the size (as a browser's font
    setting gives): badges, long addresses and the search box wrap or shrink."""
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(site_url + PAGE_TYPES[name])
    page.add_style_tag(content="html { font-size: 200%; }")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 32
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("name, caption, search", [
    ("task", "bang-lich-su", ""), ("report", "bang-so-lieu", ""),
    ("catalogue", "tthc-filtered", "x quang"), ("reports", "bang-bao-cao", ""),
    ("plans", "bang-ke-hoach", ""), ("plan", "bang-chi-tieu", ""), ("report", "bang-ho-so", ""),
    ("catalogue", "bang-lv-an-toan-buc-xa-va-hat-nhan", ""), ("agency", "bang-don-vi", ""),
    ("co-quan/so-khcn-nghe-an/don-vi/chi-cuc-tdc/index.html", "bang-qua-nhom", "")])
def test_a_phone_shows_wide_tables_as_cards_each_fact_named(page, site_url, name, caption,
                                                             search):
    """A table of long texts a row (a task's history, a report's figures, the
    TTHC filter's results, the lists of plans and reports, a plan's targets, the
    tasks a unit has through its groups…) is one card a row at 360 px: nothing to
    swipe sideways (a public trial found the status of 31 tasks off-screen), and
    each fact is under its column's name."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES.get(name, name))
    if search:
        page.fill("#loc-ten", search)
        page.wait_for_selector("#tthc-filtered tbody tr")
    table = page.locator(f"#{caption}").locator("xpath=ancestor-or-self::table")
    assert table.evaluate("t => t.scrollWidth <= t.closest('.table-scroll').clientWidth")
    headers = table.evaluate("t => [...t.querySelectorAll('thead th')].map(h => h.textContent)")
    cells = table.evaluate("""t => [...t.querySelectorAll('tbody tr')].map(r => [...r.children]
        .filter(c => c.textContent.trim()).map(c => [c.dataset.label, getComputedStyle(c,
        '::before').content]))""")
    assert cells and all(cells)
    for row in cells:
        assert all(label in headers and label in before for label, before in row), row


@pytest.mark.parametrize("name", ["report", "unit"])
def test_short_links_in_tables_are_targets_a_thumb_can_hit(page, site_url, name):
    """A task's code ('I.1') is the link to it: at least 24 × 24 px (WCAG 2.2,
    target size), not the 19 × 18 px of its text a public trial measured."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES[name])
    boxes = page.eval_on_selector_all(".key a, td.key a", """xs => xs.filter(x => x.offsetParent)
        .map(x => [x.textContent, x.getBoundingClientRect().width, x.getBoundingClientRect().height])""")
    assert boxes
    small = [box for box in boxes if box[1] < 24 or box[2] < 24]
    assert not small, small[:5]


def test_a_breadcrumbs_separator_stays_beside_a_long_title_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES["task"])
    items = page.eval_on_selector_all(".breadcrumbs li", """xs => xs.map(x => {
        const a = x.querySelector('a') || x, before = getComputedStyle(x, '::before');
        return [x.getBoundingClientRect().top, a.getBoundingClientRect().top, before.content]; })""")
    wrapped = [item for item in items[1:] if abs(item[0] - item[1]) > 2]  # text below its '›'
    assert len(items) >= 3 and not wrapped, items


@pytest.mark.parametrize("name", ["plan", "report", "procedure"])
def test_menu_breadcrumb_and_download_links_are_targets_a_thumb_can_hit(page, site_url, name):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES[name])
    heights = page.evaluate("[...document.querySelectorAll('.site-header nav a, .breadcrumbs a, "
                            ".downloads a')].map(a => a.getBoundingClientRect().height)")
    assert len(heights) >= 6 and min(heights) >= 24, heights


def test_after_each_area_of_a_long_plan_a_link_leads_back_to_the_list_of_areas(page, site_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES["plan"])
    areas = page.locator("section.area")
    assert areas.count() >= 2
    back = areas.last.get_by_role("link", name="Về danh sách lĩnh vực")
    back.scroll_into_view_if_needed()
    assert page.evaluate("document.getElementById('phu-luc').getBoundingClientRect().top") < -800
    back.click()
    top = page.evaluate("document.getElementById('phu-luc').getBoundingClientRect().top")
    assert -2 < top < 100, top  # the heading over the list of areas is at the top of the screen
    assert back.bounding_box()["height"] >= 24  # a target a thumb can hit


def test_a_provinces_long_home_page_starts_with_its_contents(page, tmp_path):
    """With a plan of each of many departments the home page runs to dozens of
    phone screens: its contents come first and lead to each part."""
    generate(tmp_path / "tinh", agencies=5, years=1, seed=6)
    assert run_cli("build", "--site", str(tmp_path / "tinh")).returncode == 0
    page.set_viewport_size({"width": 360, "height": 800})
    with serve(tmp_path / "tinh/output") as url:
        page.goto(url)
        contents = page.get_by_role("navigation", name="Trên trang này")
        assert contents.bounding_box()["y"] < 800  # on the first screen
        targets = contents.locator("a").evaluate_all("xs => xs.map(x => x.hash)")
        assert targets == ["#chi-so", "#ke-hoach-moi", "#bao-cao-moi", "#thu-tuc"]
        contents.get_by_role("link", name="Báo cáo").click()
        top = page.evaluate("document.getElementById('bao-cao-moi').getBoundingClientRect().top")
        assert -2 < top < 100 and page.evaluate("window.scrollY") > 800


def test_legend_keys_keep_their_colours_in_forced_colours(browser, site_url):
    context = browser.new_context(forced_colors="active")
    tab = context.new_page()
    tab.goto(site_url + PAGE_TYPES["plan"])
    swatches = tab.locator(".legend .swatch")
    assert swatches.count() > 3
    colours = {swatches.nth(i).evaluate("s => getComputedStyle(s).backgroundColor + "
                                        "getComputedStyle(s).backgroundImage")
               for i in range(swatches.count())}
    assert len(colours) == swatches.count()  # each key still tells its status apart
    context.close()


def test_chart_labels_show_on_a_dark_forced_colours_theme(browser, site_url):
    """High contrast with a dark theme turns the page black: the labels and
    values beside the bars take its text colour, not the theme's near-black ink."""
    context = browser.new_context(forced_colors="active", color_scheme="dark")
    tab = context.new_page()
    tab.goto(site_url + PAGE_TYPES["report"])
    page_colours = tab.evaluate("[getComputedStyle(document.body).color, "
                                "getComputedStyle(document.body).backgroundColor]")
    fills = dict(tab.eval_on_selector_all(".chart-label, .chart-value", "xs => xs.map(x => "
                                          "[x.getAttribute('class'), getComputedStyle(x).fill])"))
    context.close()
    assert fills == {"chart-label": page_colours[0], "chart-value": page_colours[0]}
    assert page_colours[0] != page_colours[1], page_colours


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_horizontal_scrolling_at_360px_and_screenshots(page, site_url, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(site_url + PAGE_TYPES[name])
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
        cut_captions = page.evaluate("[...document.querySelectorAll('caption')]"
                                     ".filter(c => c.getBoundingClientRect().right > innerWidth)"
                                     ".map(c => c.textContent)")
        assert cut_captions == [], f"captions run off the screen at {width}px"
        squeezed = page.evaluate("[...document.querySelectorAll('.table-scroll :is(td, tbody th)"
                                 ":not(.num, .key)')].filter(c => c.textContent.trim().length > 30"
                                 " && c.getBoundingClientRect().width < 150).length")
        assert squeezed == 0, f"{squeezed} text cells squeezed to a word a line at {width}px"
        chart_text = page.evaluate("""[...document.querySelectorAll('svg.chart text')].map(e => {
            const svg = e.closest('svg'), box = svg.getBoundingClientRect();
            return [parseFloat(getComputedStyle(e).fontSize) * box.width /
                    svg.viewBox.baseVal.width, e.getBoundingClientRect().right - box.right,
                    box.top - e.getBoundingClientRect().top]; })""")
        assert all(size >= 11 and beyond <= 1 and above <= 1  # 'Ề' of a first label in view
                   for size, beyond, above in chart_text), chart_text
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        assert (SCREENSHOTS / f"{name}-{width}.png").stat().st_size > 5000


def test_screen_readers_hear_the_statuses_not_their_symbols(page, site_url):
    page.goto(site_url + PAGE_TYPES["report"])
    heard = page.locator("main").aria_snapshot()
    assert "Đã hoàn thành" in heard
    assert not any(symbol in heard for symbol in "✔◐○●✘›")
    page.goto(site_url + PAGE_TYPES["task"])
    assert "›" not in page.locator("nav.breadcrumbs").aria_snapshot()


def tab_stops(page) -> list[str]:
    """What Tab reaches, once round the page: each as its tag and class."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(300):
        page.keyboard.press("Tab")
        stop = page.evaluate("document.activeElement.tagName + '.' + document.activeElement.className"
                             " + ' ' + (document.activeElement.textContent || '').slice(0, 30)")
        if stop in stops:
            return stops
        stops.append(stop)
    return stops


def test_a_tables_box_is_a_tab_stop_only_while_there_is_something_to_scroll(page, site_url):
    """Every box of a wide-enough table was a Tab stop at 1280 px, where none
    scrolls: a keyboard reader tabbed through each for nothing."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + PAGE_TYPES["plans"])
    box = page.locator(".table-scroll")
    assert box.count() == 1 and box.evaluate("b => b.scrollWidth <= b.clientWidth")
    stops = tab_stops(page)
    assert len(stops) > 5 and not [stop for stop in stops if "table-scroll" in stop], stops
    box.locator("table").evaluate("t => { t.style.minWidth = '1000px'; }")  # fits at 1280 px
    page.set_viewport_size({"width": 800, "height": 800})  # not a phone's cards: it scrolls
    page.wait_for_function("document.querySelector('.table-scroll').tabIndex === 0")
    assert len([stop for stop in tab_stops(page) if "table-scroll" in stop]) == 1
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("!document.querySelector('.table-scroll').hasAttribute('tabindex')")


def test_without_javascript_a_tables_box_stays_a_tab_stop(browser, site_url):
    """With no script to tell which scroll, each may: the keyboard can reach it."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + PAGE_TYPES["plans"])
    assert tab.get_attribute(".table-scroll", "tabindex") == "0"
    context.close()


def test_the_focus_ring_stands_out_on_white(page, site_url):
    """3:1 against white at least (the amber ring alone is 1.6:1): a dark ring
    around it, on whatever the keyboard reaches (a <summary> too)."""
    page.goto(site_url + PAGE_TYPES["plan"])
    rings = {}
    for _ in range(60):
        page.keyboard.press("Tab")
        tag, outline, shadow = page.evaluate(
            "[document.activeElement.tagName, getComputedStyle(document.activeElement).outlineColor,"
            " getComputedStyle(document.activeElement).boxShadow]")
        rings.setdefault(tag, set()).add((outline, shadow.split(")")[0] + ")"))
    assert "SUMMARY" in rings, rings
    assert all(found == {("rgb(255, 191, 71)", "rgb(11, 12, 12)")} for found in rings.values()), \
        rings


@pytest.mark.parametrize("name, caption, heard", [
    ("report", "bang-tinh-trang", 'table "Tình trạng từng nhiệm vụ'),
    ("unit", "bang-chu-tri", 'table "Nhiệm vụ chủ trì của Văn phòng Sở')])
def test_a_phone_shows_task_statuses_as_cards_still_read_as_a_table(page, site_url, name,
                                                                     caption, heard):
    """On 360 px each task is a card of labelled facts, none off the screen; a
    screen reader still meets a table with its column headers."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES[name])
    table = page.locator(f"#{caption}").locator("xpath=..")
    assert table.evaluate("t => t.getBoundingClientRect().right") <= 360
    # the caption spans the card's width: not a word a line down a narrow column
    caption_width = page.locator(f"#{caption}").evaluate("c => c.getBoundingClientRect().width")
    assert caption_width >= table.evaluate("t => t.getBoundingClientRect().width") - 1
    statuses = table.evaluate("t => [...t.querySelectorAll(\"td[data-label='Tình trạng']\")]"
                              ".map(x => x.getBoundingClientRect().right)")
    assert statuses and max(statuses) <= 360
    tree = table.aria_snapshot()
    assert tree.startswith(f"- {heard}") and 'columnheader "Tình trạng' in tree
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.is_visible(f"#{caption} ~ thead")  # a table again on a wide screen


def test_a_phone_shows_whether_each_target_was_met_without_scrolling_the_table(page, site_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES["plan"])
    verdicts = page.evaluate("[...document.querySelectorAll('#bang-chi-tieu ~ tbody tr')].map(row => {"
                             " const v = row.querySelector('.verdict');"
                             " return v ? v.getBoundingClientRect().right : null; })")
    assert [right for right in verdicts if right is not None], "no target has a result"
    assert all(right <= 360 for right in verdicts if right is not None), verdicts


@pytest.mark.parametrize("query, first", [
    ("ke hoach nghe an", "Cải cách hành chính tại Sở Khoa học và Công nghệ năm 2023"),
    ("kế hoạch sở khoa học", "Cải cách hành chính tại Sở Khoa học và Công nghệ năm 2023"),
    ("bao cao nghe an 2023", "Báo cáo thực hiện cải cách hành chính năm 2023"),
])
def test_a_plan_or_report_is_found_by_its_kind_and_agency_first(page, site_url, query, first):
    """The Nghệ An plan's title does not say 'kế hoạch', and the Sở Kế hoạch
    và Đầu tư's plan mentions 'công nghệ' and 'an toàn': Nghệ An's comes first."""
    page.goto(site_url + PAGE_TYPES["search"])
    page.fill("#q", query + " ")
    page.wait_for_selector("#search-results li")
    titles = page.eval_on_selector_all("#search-results li > a", "xs => xs.map(x => x.textContent)")
    assert titles[0] == first, titles[:3]


@pytest.mark.parametrize("query, expected", [
    ("cap giay phep buc xa", "Thủ tục cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị "
                             "X-quang chẩn đoán trong y tế"),
    ("cấp giấy phép bức xạ", "Thủ tục cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị "
                             "X-quang chẩn đoán trong y tế"),
    ("kiem soat tthc", "II.1. Ban hành kế hoạch CCHC, kiểm soát TTHC; Báo cáo kết quả"),
    ("van phong so", "Văn phòng Sở"),
    ("bao cao nam 2023", "Báo cáo thực hiện cải cách hành chính năm 2023"),
    ("hai long", "Cải cách hành chính Sở Kế hoạch và Đầu tư năm 2023"),  # a plan, by its targets
    ("149 ho so", "Báo cáo thực hiện cải cách hành chính năm 2023"),  # a report, by its counts
    ("xquang", "Thủ tục khai báo thiết bị X-quang chẩn đoán trong y tế"),  # as phones type it
    ("khcn nghe an", "Sở Khoa học và Công nghệ tỉnh Nghệ An"),  # 'Sở KH&CN Nghệ An'
    ("nhiem vu ban hanh ke hoach", "II.1. Ban hành kế hoạch CCHC, kiểm soát TTHC; Báo cáo kết "
                                   "quả"),  # a task, by its kind's name as plans by theirs
    # the plan by the number its report cites it by (its own copy lacks the number)
    ("59/SKHCN-VP", "Cải cách hành chính tại Sở Khoa học và Công nghệ năm 2023"),
    ("59/SKHCN-VP", "Báo cáo thực hiện cải cách hành chính năm 2023"),
])
def test_search_with_and_without_diacritics(page, site_url, query, expected):
    page.goto(site_url + PAGE_TYPES["search"])
    page.fill("#q", query)
    page.wait_for_selector("#search-results li")
    titles = page.eval_on_selector_all("#search-results li > a", "xs => xs.map(x => x.textContent)")
    assert expected in titles
    page.wait_for_selector("#search-status:has-text('kết quả')")  # once typing pauses
    link = page.locator("#search-results li > a", has_text=expected).first
    link.click()
    page.wait_for_load_state()
    assert page.text_content("h1").strip() in expected


def test_a_result_names_its_agency_and_is_found_by_it(page, site_url):
    """Tasks of many agencies' plans look alike ('II.3', 'Kế hoạch cải cách
    hành chính năm 2024'): each result shows its agency, and a procedure or a
    task is found by its name with its agency's or province's ('giấy phép
    huế'), the words of what is shown under it."""
    page.goto(site_url + PAGE_TYPES["search"])
    page.fill("#q", "giay phep hue")
    page.wait_for_selector("#search-results li")
    shown = page.eval_on_selector_all("#search-results li", "xs => xs.map(x => x.textContent)")
    assert shown and all("Thừa Thiên Huế" in item and "giấy phép" in item.lower() for item in shown)
    page.fill("#q", "II.1 nghe an ")
    page.wait_for_selector("#search-results li >> text=Nghệ An")
    shown = page.eval_on_selector_all("#search-results li", "xs => xs.map(x => x.textContent)")
    assert shown[0].startswith("II.1. ") and "Sở Khoa học và Công nghệ tỉnh Nghệ An" in shown[0]
    first = page.locator("#search-results li > a").first  # its name, heard out of context
    assert first.get_attribute("aria-labelledby") and page.get_by_role(
        "link", name=re.compile(r"^II\.1\. .*Sở Khoa học và Công nghệ tỉnh Nghệ An")).count() >= 1


@pytest.mark.parametrize("query, first", [
    ("nghe an", "Sở Khoa học và Công nghệ tỉnh Nghệ An"),
    ("danh muc thu tuc", "Danh mục"),
    ("van phong so", "Văn phòng Sở"),
    ("x quang ", "Thủ tục cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị X-quang "
                 "chẩn đoán trong y tế"),
])
def test_search_ranks_the_title_that_holds_the_words_first(page, site_url, query, first):
    """Words in that order in a title first; a word followed by a space is
    whole ('hoa ' is not 'hoạch'); among equals, agencies before tasks."""
    page.goto(site_url + PAGE_TYPES["search"])
    page.fill("#q", query)
    page.wait_for_selector("#search-results li")
    titles = page.eval_on_selector_all("#search-results li > a", "xs => xs.map(x => x.textContent)")
    assert titles[0].startswith(first), titles[:5]


def record_what_is_said(page, live_region: str) -> None:
    """Each text the live region takes, in ``window.said``: what a screen reader announces."""
    page.evaluate(f"window.said = []; new MutationObserver(() => window.said.push("
                  f"document.getElementById('{live_region}').textContent)).observe("
                  f"document.getElementById('{live_region}'), {{childList: true, subtree: true,"
                  f" characterData: true}})")


def test_the_count_is_announced_once_typing_pauses_not_at_every_key(page, site_url):
    page.goto(site_url + PAGE_TYPES["search"])
    record_what_is_said(page, "search-status")
    page.type("#q", "giay phep buc xa", delay=40)
    page.wait_for_selector("#search-status:has-text('kết quả')")
    said = page.evaluate("window.said")
    assert said == [page.text_content("#search-status")] and "giay phep buc xa" in said[0]


def test_what_is_searched_while_the_index_is_loading_waits_for_it_and_says_so(page, site_url):
    """A province's index is 2 MB: on a slow network a query typed, and sent
    with Enter, before it arrives is kept (the page is not loaded again) and
    answered once it is, and meanwhile the reader is told why nothing shows."""
    held = []
    page.route("**/search-index.js", lambda route: held.append(route))
    page.goto(site_url + PAGE_TYPES["search"], wait_until="commit")
    page.wait_for_selector("#search-status:has-text('Đang tải dữ liệu tìm kiếm')")
    page.evaluate("window.sameDocument = true")
    page.fill("#q", "giay phep")
    page.press("#q", "Enter")
    assert "kết quả cho “giay phep” sẽ hiện khi tải xong" in page.text_content("#search-status")
    assert page.locator("#search-results li").count() == 0
    held[0].continue_()
    page.wait_for_selector("#search-status:has-text('Tìm thấy')")  # not the waiting message
    assert "kết quả cho “giay phep”." in page.text_content("#search-status")
    assert page.locator("#search-results li").count() > 0
    assert page.evaluate("window.sameDocument") and page.input_value("#q") == "giay phep"


def test_more_than_a_hundred_results_are_shown_a_hundred_at_a_time(page, tmp_path):
    """In a province, the start of a word finds hundreds of documents: the first hundred
    show, and a button the next, focus going to the first of them."""
    generate(tmp_path / "tinh", agencies=3, years=1, seed=3)
    assert run_cli("build", "--site", str(tmp_path / "tinh")).returncode == 0
    with serve(tmp_path / "tinh/output") as url:
        page.goto(url + PAGE_TYPES["search"])
        page.fill("#q", "c")  # the start of nearly every document's words
        page.wait_for_selector("#search-status:has-text('kết quả')")
        total = int(re.search(r"Tìm thấy (\d+) kết quả", page.text_content("#search-status"))[1])
        assert total > 200 and page.locator("#search-results li").count() == 100
        assert "(hiện 100 kết quả đầu)" in page.text_content("#search-status")
        more = page.get_by_role("button", name=re.compile("Hiện thêm"))
        assert more.text_content() == f"Hiện thêm 100 kết quả (còn {total - 100})"
        more.click()
        assert page.locator("#search-results li").count() == 200
        assert page.evaluate("document.activeElement.textContent") == \
            page.locator("#search-results li > a").nth(100).text_content()  # the first added
        left = total - 200
        assert more.text_content() == f"Hiện thêm {min(left, 100)} kết quả (còn {left})"
        assert "(hiện 200 kết quả đầu)" in page.text_content("#search-status")  # not still 100
        while more.is_visible():
            more.click()
        assert page.locator("#search-results li").count() == total
        assert page.text_content("#search-status") == f"Tìm thấy {total} kết quả cho “c”."


def test_counts_of_thousands_are_written_the_vietnamese_way(page, tmp_path):
    """'1.180 kết quả', as the pages write their figures, not '1180'."""
    generate(tmp_path / "tinh", agencies=12, years=1, seed=3)
    assert run_cli("build", "--site", str(tmp_path / "tinh")).returncode == 0
    with serve(tmp_path / "tinh/output") as url:
        page.goto(url + PAGE_TYPES["search"])
        page.fill("#q", "c")
        page.wait_for_selector("#search-status:has-text('kết quả')")
        said = re.fullmatch(r"Tìm thấy (\d{1,3}(?:\.\d{3})+) kết quả cho “c” \(hiện 100 kết quả "
                            r"đầu\)\.", page.text_content("#search-status"))
        assert said, page.text_content("#search-status")
        left = int(said[1].replace(".", "")) - 100
        assert left >= 1000
        assert page.text_content("#search-more") == \
            f"Hiện thêm 100 kết quả (còn {format_number(left)})"


def test_a_catalogue_of_thousands_counts_them_the_vietnamese_way(page, tmp_path):
    catalogue_site(tmp_path, "".join(f'  - {{code: "1.{i:06d}", name: "Thủ tục số {i}", '
                                     f'field: "Lĩnh vực {i % 3}"}}\n' for i in range(1234)))
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    with serve(tmp_path / "output") as url:
        page.goto(url + "thu-tuc/so-tu-phap/")
        page.select_option("#loc-linh-vuc", "Lĩnh vực 0")
        assert page.text_content("#tthc-count") == "Đang hiện 412 trên 1.234 thủ tục."
        page.select_option("#loc-linh-vuc", "")
        page.select_option("#sap-xep", "ngay")
        assert page.text_content("#tthc-count") == "Đang hiện 1.234 trên 1.234 thủ tục."


def test_of_like_plans_found_the_newest_comes_first(site_copy, page):
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    newer = plan.read_text(encoding="utf-8").replace("year: 2023", "year: 2024", 1)
    (site_copy / "content/plans/so-khcn-nghe-an-2024.yaml").write_text(newer, encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    with serve(site_copy / "output") as url:
        page.goto(url + PAGE_TYPES["search"])
        page.fill("#q", "ke hoach khoa hoc nghe an ")
        page.wait_for_selector("#search-results li")
        links = page.eval_on_selector_all("#search-results li > a", "xs => xs.map(x => x.href)")
    assert links[0].endswith("/ke-hoach/so-khcn-nghe-an-2024/index.html"), links[:3]
    assert links[1].endswith("/ke-hoach/so-khcn-nghe-an-2023/index.html"), links[:3]


def test_an_objective_the_plan_does_not_number_is_shown_with_no_number(site_copy, page):
    """An objective written as a sentence, not '1.': the list gave it the
    numeral 1 the document does not have; the numbered ones keep theirs."""
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "objectives:\n", "objectives:\n  - text: Xây dựng nền hành chính hiện đại.\n", 1),
        encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    with serve(site_copy / "output") as url:
        page.goto(url + PAGE_TYPES["plan"])
        items = page.locator("ol.objectives > li")
        markers = items.evaluate_all("xs => xs.map(x => [getComputedStyle(x).listStyleType, x.value])")
    assert markers[0][0] == "none"
    assert markers[1:3] == [["decimal", 1], ["decimal", 2]]


@pytest.mark.parametrize("word", ["khongcotu", "constructor"])  # the second, every object's
def test_a_search_that_finds_nothing_says_so(page, site_url, word):
    page.goto(site_url + PAGE_TYPES["search"])
    page.fill("#q", f"{word} ")
    page.press("#q", "Enter")
    assert page.text_content("#search-status") == f"Không tìm thấy kết quả nào cho “{word}”."
    assert page.locator("#search-results li").count() == 0


def test_a_whole_word_is_not_the_start_of_a_longer_one(page, site_url):
    page.goto(site_url + PAGE_TYPES["search"])
    page.fill("#q", "so hoa")
    page.wait_for_selector("#search-status:has-text('kết quả')")
    said = page.text_content("#search-status")
    typing = int(said.split()[2])
    page.fill("#q", "so hoa ")
    page.wait_for_function(f"document.getElementById('search-status').textContent !== {said!r}")
    whole = int(page.text_content("#search-status").split()[2])
    assert 0 < whole < typing, (whole, typing)  # 'hoa ' no longer finds 'hoạch'


def test_search_reads_the_query_from_the_address(page, site_url):
    page.goto(site_url + "tim-kiem/index.html?q=giay+phep")
    page.wait_for_selector("#search-results li")
    assert page.input_value("#q") == "giay phep"


def test_the_query_goes_into_the_address_so_back_from_a_result_returns_to_it(page, site_url):
    page.goto(site_url + "tim-kiem/index.html?q=giay+phep")
    page.wait_for_selector("#search-results li")
    page.fill("#q", "buc xa")
    page.wait_for_selector("#search-status:has-text('cho “buc xa”')")
    assert page.url.endswith("tim-kiem/index.html?q=buc+xa")  # not still the first query
    found = page.eval_on_selector_all("#search-results li > a", "xs => xs.map(x => x.textContent)")
    page.click("#search-results li > a >> nth=0")
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_selector("#search-results li")
    assert page.input_value("#q") == "buc xa"
    assert page.eval_on_selector_all("#search-results li > a",
                                     "xs => xs.map(x => x.textContent)") == found


def test_header_search_box_leads_to_results(page, site_url):
    page.goto(site_url + PAGE_TYPES["home"])
    page.click("nav[aria-label='Chính'] >> text=Tìm kiếm")
    page.fill("#q", "x quang")
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li").count() >= 7


def test_what_is_typed_before_the_search_script_loads_is_searched(page, site_url):
    """On a slow connection the box is there before the script and its index:
    what the reader typed meanwhile is searched once they arrive."""
    held = []
    page.route("**/static/search.js", lambda route: held.append(route))
    page.goto(site_url + "tim-kiem/index.html", wait_until="commit")
    page.wait_for_selector("#q")
    page.fill("#q", "x quang")
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    page.wait_for_selector("#search-results li")
    assert page.locator("#search-results li").count() >= 7


def test_catalogue_filter_and_sort(page, site_url):
    page.goto(site_url + PAGE_TYPES["catalogue"])
    rows = "#tthc-filtered tbody tr"
    assert page.is_visible("#tthc-filters")
    page.select_option("#loc-muc-do", "toan-trinh")
    assert page.locator(rows).count() == 8
    assert "8 trên 15" in page.text_content("#tthc-count")
    page.select_option("#loc-muc-do", label="Không ghi")  # not the same as all levels
    levels = page.eval_on_selector_all(rows + " td:nth-child(4)",
                                       "xs => xs.map(x => x.textContent.trim())")
    assert levels and set(levels) == {"Không ghi"} and len(levels) < 15
    page.select_option("#loc-muc-do", "")
    page.select_option("#loc-linh-vuc", "An toàn bức xạ và hạt nhân")
    assert page.locator(rows).count() == 4
    page.select_option("#loc-linh-vuc", "")
    page.select_option("#sap-xep", "ngay")
    days = page.eval_on_selector_all(rows + " td:nth-child(3)",
                                     "xs => xs.map(x => x.textContent.trim())")
    assert days[0].startswith("05 ngày") and days[-1] == "Không ghi"
    page.click("#tthc-filters button[type=reset]")
    page.wait_for_selector("#tthc-groups", state="visible")
    assert page.is_hidden("#tthc-filtered")


def test_as_many_working_days_sort_after_as_many_days(page, tmp_path):
    """'15 ngày làm việc' is three weeks, '15 ngày' two: fastest first puts
    the calendar days first, whatever the names' order."""
    catalogue_site(tmp_path, "".join(
        f'  - {{code: "1.00000{i}", name: {name}, field: F, processing_time: {time}}}\n'
        for i, (name, time) in enumerate([("An", "15 ngày làm việc"), ("Bình", "15 ngày"),
                                          ("Chi", "Trong ngày"), ("Dũng", "20 ngày")])))
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    with serve(tmp_path / "output") as url:
        page.goto(url + "thu-tuc/so-tu-phap/")
        page.select_option("#sap-xep", "ngay")
        names = page.eval_on_selector_all("#tthc-filtered tbody tr th",
                                          "xs => xs.map(x => x.textContent.trim())")
    assert names == ["Chi", "Bình", "An", "Dũng"]


def test_the_filter_orders_names_as_the_tables_by_field_numbers_by_value(page, tmp_path):
    catalogue_site(tmp_path, "".join(
        f'  - {{code: "1.00000{i}", name: "{name}", field: F}}\n'
        for i, name in enumerate(["Cấp phép nhóm 10", "Cấp phép nhóm 2", "Cấp phép nhóm 1",
                                  "Cấp phép nhóm 2a", "Cấp lại"])))
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    with serve(tmp_path / "output") as url:
        page.goto(url + "thu-tuc/so-tu-phap/")
        grouped = page.eval_on_selector_all("#tthc-groups tbody th",
                                            "xs => xs.map(x => x.textContent.trim())")
        page.fill("#loc-ten", "cap")
        filtered = page.eval_on_selector_all("#tthc-filtered tbody th",
                                             "xs => xs.map(x => x.textContent.trim())")
    assert grouped == ["Cấp lại", "Cấp phép nhóm 1", "Cấp phép nhóm 2", "Cấp phép nhóm 2a",
                       "Cấp phép nhóm 10"]
    assert filtered == grouped


@pytest.mark.parametrize("typed, wanted", [
    ("giay phep x quang", "Thủ tục cấp giấy phép tiến hành công việc bức xạ - Sử dụng thiết bị "
                          "X-quang chẩn đoán trong y tế"),
    ("Giấy phép X-quang", "Thủ tục gia hạn giấy phép"),
    ("xquang", "Thủ tục khai báo thiết bị X-quang chẩn đoán trong y tế")])
def test_catalogue_filter_by_words_of_the_name_with_or_without_accents(page, site_url, typed,
                                                                       wanted):
    """Whatever field the other source files it under, the licence is found by its name."""
    page.goto(site_url + PAGE_TYPES["catalogue"])
    page.fill("#loc-ten", typed)
    names = page.eval_on_selector_all("#tthc-filtered tbody th",
                                      "xs => xs.map(x => x.textContent.trim())")
    assert all("X-quang" in name for name in names)
    assert any(name.startswith(wanted) for name in names), names
    page.wait_for_selector(f"#tthc-count:has-text('{len(names)} trên 15')")  # once typing pauses
    page.fill("#loc-ten", "")
    page.wait_for_selector("#tthc-groups", state="visible")


def test_catalogue_filter_finds_a_procedure_by_its_code(site_copy, page):
    """People come with the code the national portal gives ('1.003000'), and
    see it under 'Mã' as in the tables by field."""
    catalogue = site_copy / "content/tthc/so-khcn-thua-thien-hue.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(
        "  - id: khai-bao-x-quang\n", '  - id: khai-bao-x-quang\n    code: "1.003000"\n'),
        encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    with serve(site_copy / "output") as url:
        page.goto(url + "thu-tuc/so-khcn-thua-thien-hue/index.html")
        assert page.text_content("label[for=loc-ten]") == "Tìm theo tên hoặc mã thủ tục"
        for typed in ("1.003000", "1.003"):
            page.fill("#loc-ten", typed)
            names = page.eval_on_selector_all("#tthc-filtered tbody th",
                                              "xs => xs.map(x => x.textContent.trim())")
            assert names == ["Thủ tục khai báo thiết bị X-quang chẩn đoán trong y tế"], names
        facts = page.eval_on_selector_all("#tthc-filtered tbody tr > *", "xs => xs.map(x => "
                                          "[x.dataset.label, x.textContent.trim()])")
        assert [label for label, _ in facts] == page.eval_on_selector_all(
            "#tthc-filtered thead th", "xs => xs.map(x => x.textContent)")
        assert dict(facts)["Mã"] == "1.003000"
        assert dict(facts)["Lĩnh vực"] and dict(facts)["Mức độ trực tuyến"]


def test_the_catalogue_count_is_announced_once_typing_pauses_not_at_every_key(page, site_url):
    page.goto(site_url + PAGE_TYPES["catalogue"])
    record_what_is_said(page, "tthc-count")
    page.type("#loc-ten", "giay phep x quang", delay=40)
    page.wait_for_selector("#tthc-count:has-text('trên 15')")
    shown = page.locator("#tthc-filtered tbody tr").count()
    assert page.evaluate("window.said") == [f"Đang hiện {shown} trên 15 thủ tục."]
    page.select_option("#loc-muc-do", "toan-trinh")  # a choice made is said at once
    assert page.text_content("#tthc-count") == \
        f"Đang hiện {page.locator('#tthc-filtered tbody tr').count()} trên 15 thủ tục."


def test_without_javascript_the_full_catalogue_is_there(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + PAGE_TYPES["catalogue"])
    assert tab.locator("#tthc-groups tbody tr").count() == 15
    assert tab.locator("#tthc-groups h2").count() == 3
    assert tab.is_hidden("#tthc-filters")
    context.close()


def test_no_request_leaves_the_site_and_no_link_is_broken(page, site_url):
    host = urlsplit(site_url).netloc
    seen, queue, broken = set(), [site_url + "index.html"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        if not url.endswith(".html"):  # downloads, styles, scripts: fetch, don't open
            status = page.request.get(url).status
            if status != 200:
                broken.append((url, status))
            continue
        response = page.goto(url)
        if response is None or response.status != 200:
            broken.append((url, response.status if response else None))
            continue
        for link in page.eval_on_selector_all("a[href], link[href], script[src], img[src]",
                                              "xs => xs.map(x => x.href || x.src)"):
            parts = urlsplit(link)
            if parts.scheme in ("http", "https") and parts.netloc == host:
                queue.append(link.split("#")[0])
    assert broken == []
    assert len([u for u in seen if u.endswith(".html")]) > 90
    assert {urlsplit(u).netloc for u in page.requests} == {host}
    assert all(urlsplit(u).path.startswith("/cchc/") for u in page.requests)


def test_every_page_prints_without_navigation(page, site_url):
    page.goto(site_url + PAGE_TYPES["plan"])
    page.emulate_media(media="print")
    assert page.is_hidden("nav[aria-label='Chính']")
    assert page.is_hidden(".breadcrumbs")
    assert page.is_visible("h1")
    assert page.locator(".downloads").count() and page.is_hidden(".downloads")  # links to files
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000


@pytest.mark.parametrize("name", ["home", "plan"])
def test_the_meanings_of_the_statuses_print_though_folded_on_screen(page, site_url, name):
    page.goto(site_url + PAGE_TYPES[name])
    meanings = page.locator(".status-legend dd")
    assert meanings.count() > 3 and not meanings.first.is_visible()  # folded on the screen
    page.emulate_media(media="print")
    assert all(meaning.is_visible() for meaning in meanings.all())
    assert not page.evaluate("document.querySelector('.status-legend').open")  # as it was


def test_a_reports_tall_rows_print_across_pages_not_one_to_a_page(page, site_url):
    """A status row taller than what is left of a page goes on across the
    break: kept whole, each pushed the rest of its page blank."""
    page.goto(site_url + PAGE_TYPES["report"])
    page.emulate_media(media="print")
    rows = page.locator("#bang-tinh-trang").locator("xpath=..").locator("tbody tr")
    assert rows.count() > 20
    assert {rows.nth(i).evaluate("r => getComputedStyle(r).breakInside")
            for i in range(rows.count())} == {"auto"}
    pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))
    printed_height = page.evaluate("document.documentElement.scrollHeight")
    assert pages <= printed_height / 1000 * 1.4, (pages, printed_height)  # an A4 page: ~1000 px


def test_statuses_of_close_colours_are_told_apart_by_stripes_in_chart_and_legend(page, site_url):
    """'Chưa có thông tin' (grey, as 'Không thực hiện') and 'Hoàn thành, chưa rõ
    đúng hạn' (teal, beside the green of 'đúng hạn') are striped too."""
    page.goto(site_url + PAGE_TYPES["plan"])
    chart = page.locator("svg.chart").first
    for key in ("no-info", "done"):
        segments = chart.locator(f"rect.seg-{key}")
        assert segments.count() > 0
        overlays = chart.evaluate(f"""svg => [...svg.querySelectorAll('rect.seg-{key}')].map(r =>
            [r.nextElementSibling.getAttribute('fill'), r.getAttribute('x')
             === r.nextElementSibling.getAttribute('x')])""")
        pattern = chart.evaluate(f"svg => svg.querySelector('pattern[id$=\"-{key}\"]').id")
        assert overlays == [[f"url(#{pattern})", True]] * segments.count()
        swatch = page.locator(f".legend .swatch.seg-{key}").first
        assert "repeating-linear-gradient" in swatch.evaluate(
            "s => getComputedStyle(s).backgroundImage")
    for key in ("done-on-time", "not-started"):
        if page.locator(f".legend .swatch.seg-{key}").count():
            assert page.locator(f".legend .swatch.seg-{key}").first.evaluate(
                "s => getComputedStyle(s).backgroundImage") == "none"


def pdf_fill_colours(pdf: bytes) -> set[str]:
    """The colours a PDF from Chromium fills with ('.3608 .4157 0' for #5c6a00)."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S)
    drawn = b"".join(zlib.decompress(stream) for stream in streams if stream.startswith(b"x"))
    return {found.decode() for found in re.findall(rb"([\d.]+ [\d.]+ [\d.]+) rg", drawn)}


def pdf_number(byte: int) -> str:
    """A colour's byte as a PDF writes it: 92 as '.3608', 0 as '0'."""
    text = f"{byte / 255:.4f}".rstrip("0").rstrip(".")
    return text[1:] if text.startswith("0.") else text


def test_the_charts_legend_prints_its_colours_without_background_graphics(page, site_url):
    """Browsers print without backgrounds unless asked: the keys, coloured
    boxes, printed empty."""
    page.goto(site_url + PAGE_TYPES["plan"])
    page.evaluate("document.querySelectorAll('svg.chart').forEach(c => c.remove())")  # its colours
    keys = page.eval_on_selector_all(".legend .swatch", """xs => xs.map(x =>
        getComputedStyle(x).backgroundColor.match(/\\d+/g).map(Number))""")
    plain = [rgb for rgb in keys if len(rgb) == 3]  # not the striped ones
    assert len(plain) > 3
    printed = pdf_fill_colours(page.pdf(format="A4", print_background=False))
    as_pdf = {" ".join(map(pdf_number, rgb)) for rgb in plain}
    assert as_pdf <= printed, as_pdf - printed
    page.emulate_media(media="print")  # the striped keys, drawn as images, are kept as well
    assert set(page.eval_on_selector_all(".legend .swatch", "xs => xs.map(x => "
                                         "getComputedStyle(x).printColorAdjust)")) == {"exact"}


@pytest.mark.parametrize("name, caption", [("home", "bang-chi-so"), ("plan", "bang-tien-do")])
def test_a_phone_shows_each_rows_status_counts_as_a_card_of_those_it_has(page, site_url, name,
                                                                         caption):
    """On 360 px a count table is one card a row, listing the statuses the
    row has (no column of zeros to scroll across); wide, the whole table."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(site_url + PAGE_TYPES[name])
    table = page.locator(f"#{caption}").locator("xpath=..")
    scroller = table.locator("xpath=..")
    assert scroller.evaluate("s => s.scrollWidth <= s.clientWidth")
    cells = table.evaluate("""t => [...t.querySelectorAll('tbody td')].map(c =>
        [c.textContent.trim(), getComputedStyle(c).display, c.getBoundingClientRect().right])""")
    assert all(display == "none" for text, display, _ in cells if text == "0")
    shown = [right for text, display, right in cells if display != "none"]
    assert shown and max(shown) <= 360 and len(shown) < len(cells)
    assert 'columnheader "Tổng"' in table.aria_snapshot()
    page.set_viewport_size({"width": 1280, "height": 800})
    assert all(c.evaluate("c => getComputedStyle(c).display") == "table-cell"
               for c in table.locator("tbody td").all())


def test_an_image_shows_from_the_attachments_only_described_and_fitting_a_phone(site_copy, page):
    """'![Sơ đồ](/files/so-do.svg)' shows on a phone within its width; an image
    from another site is not fetched (the site is self-contained) and, like
    one without a description, is warned about."""
    for folder in ("files", "pages"):
        (site_copy / "content" / folder).mkdir(exist_ok=True)
    (site_copy / "content/files/so-do.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="300"><rect width="1200" '
        'height="300" fill="#a01919"/></svg>', encoding="utf-8")
    (site_copy / "content/pages/so-do.md").write_text(
        "---\ntitle: Sơ đồ\n---\n\n![Sơ đồ tổ chức của Sở](/files/so-do.svg)\n\n"
        "![](/files/so-do.svg) ![Ảnh ngoài](https://anh.example.vn/a.png)\n", encoding="utf-8")
    checked = run_cli("check", "--site", str(site_copy)).stderr
    assert "ảnh '/files/so-do.svg' chưa có lời mô tả" in checked
    assert "ảnh 'https://anh.example.vn/a.png' không hiện: trang chỉ hiện ảnh là tệp trong " \
           "content/files/" in checked
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    page.set_viewport_size({"width": 360, "height": 800})
    with serve(site_copy / "output", "/cchc/") as url:
        page.goto(url + "so-do/index.html")
        images = page.evaluate("""[...document.querySelectorAll('main img')].map(i =>
        [i.alt, i.getAttribute('src'), i.naturalWidth, i.getBoundingClientRect().right])""")
        assert not [r for r in page.requests if not r.startswith(url)]  # nothing from elsewhere
    assert images[0][:3] == ["Sơ đồ tổ chức của Sở", "../files/so-do.svg", 1200]
    assert images[0][3] <= 360
    assert images[2][:2] == ["Ảnh ngoài", None]


def test_a_former_address_opens_the_page_where_it_now_is(browser, site_copy):
    """A bookmark to a renamed report's old address lands on the report, in a
    real browser, with no click (and the old page is not kept in history)."""
    old = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    old.with_name("bc-cchc-2023.yaml").write_text(
        old.read_text(encoding="utf-8") + "aliases: [so-khcn-nghe-an-2023-nam]\n", encoding="utf-8")
    old.unlink()
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    with serve(site_copy / "output") as root:
        page = browser.new_page()
        page.goto(root + "bao-cao/so-khcn-nghe-an-2023-nam/")
        page.wait_for_url("**/bao-cao/bc-cchc-2023/index.html")
        assert page.locator("h1").inner_text().startswith("Báo cáo")
        page.close()
