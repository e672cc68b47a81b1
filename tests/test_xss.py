"""No script from content runs on the published site: payloads in every text
field of a plan, a report, a TTHC catalogue, an agency, a page and the site
settings, opened page by page in Chromium — and the text stays readable."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from .browser import launch, serve
from .conftest import run_cli
from .xss_site import VISIBLE, write


@pytest.fixture(scope="module")
def xss_output(tmp_path_factory):
    site = tmp_path_factory.mktemp("xss") / "site"
    write(site)
    result = run_cli("build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site / "output"


def test_no_payload_runs_on_any_page(xss_output):
    pages = sorted(xss_output.rglob("*.html"))
    assert len(pages) >= 15
    with sync_playwright() as playwright, serve(xss_output) as url:
        browser = launch(playwright)
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            page.goto(url + str(path.relative_to(xss_output)))
            page.mouse.move(10, 10)
            page.hover("main")
            assert page.evaluate("window.__xss") is None, path
            assert page.evaluate(
                "document.querySelectorAll('a[href^=\"javascript\"], iframe, script:not([src])"
                ", [onerror], [onload], [onmouseover]').length") == 0, path
        page.goto(url + "tim-kiem/index.html?q=window+xss")
        page.wait_for_selector("#search-results li")
        assert page.evaluate("window.__xss") is None
        assert dialogs == []
        browser.close()


def test_payload_text_is_still_shown_readably(xss_output):
    html = (xss_output / "ke-hoach/so-xss-2024/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" + VISIBLE.replace("'", "&#39;") in html
    assert "{{7*7}}" in html and ">49<" not in html
    task = (xss_output / "ke-hoach/so-xss-2024/nhiem-vu/i-1/index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=" in task


def test_downloads_and_feeds_carry_the_text_not_markup(xss_output):
    feed = (xss_output / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and "&lt;script&gt;" in feed
    index = (xss_output / "search-index.js").read_text(encoding="utf-8")
    assert "</script>" in index  # kept as data inside a JS string, never parsed as HTML
    assert index.startswith("window.CCHC_SEARCH_INDEX={") and index.count("\n") == 1
