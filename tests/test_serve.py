"""`cchc-site serve` in a real browser: a save shows up without a manual
reload, a broken file shows its error in the page, fixing it brings the
page back — in several tabs, with one rebuild per burst of saves."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .browser import launch
from .conftest import run_cli


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    url, process = start(site)
    yield site, url, process
    process.terminate()
    process.wait(timeout=20)


def start(site: Path):
    """``serve`` on the site, once it says where it listens and builds."""
    process = subprocess.Popen([sys.executable, "-m", "cchc_site", "serve", "--site", str(site),
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, encoding="utf-8")
    url = folder = None
    said = []
    deadline = time.monotonic() + 60
    while url is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        said.append(line)
        folder = folder or (line.split(": ", 1)[1].strip() if "temporary build" in line else None)
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        url = match.group(0) if match else None
    assert url and folder, "the server did not say where it listens and builds"
    process.folder, process.said = Path(folder), "".join(said)
    return url, process


def status(url: str) -> dict:
    with urllib.request.urlopen(url + "__cchc/status", timeout=10) as response:
        return json.loads(response.read())


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_edit_break_and_fix_seen_live_in_two_tabs(server):
    site, url, _ = server
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    good = plan.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        tabs = [browser.new_page(), browser.new_page()]
        for tab in tabs:
            tab.goto(url + "ke-hoach/co-quan-mau-2024/index.html")
            assert "Rà soát, đơn giản hóa thủ tục hành chính" in tab.text_content("main")
        tabs[0].wait_for_timeout(500)  # both event streams are open

        plan.write_text(good.replace("Rà soát, đơn giản hóa", "Rà soát lại, đơn giản hóa"),
                        encoding="utf-8")
        for tab in tabs:
            tab.wait_for_function("document.body.textContent.includes('Rà soát lại')",
                                  timeout=20000)

        plan.write_text(good.replace("year: 2024", "year: hai nghìn"), encoding="utf-8")
        for tab in tabs:
            tab.wait_for_selector("#cchc-problems", timeout=20000)
            problems = tab.text_content("#cchc-problems")
            assert "co-quan-mau-2024.yaml:3:7" in problems and "cần số nguyên" in problems
            assert "Rà soát lại" in tab.text_content("main")  # the last good site stays

        plan.write_text(good, encoding="utf-8")
        for tab in tabs:
            tab.wait_for_function("!document.getElementById('cchc-problems') && "
                                  "document.body.textContent.includes('Rà soát, đơn giản hóa')",
                                  timeout=20000)
        browser.close()


def test_warnings_that_block_strict_publishing_are_shown_in_the_page(server):
    site, url, process = server
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    good = plan.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.goto(url + "index.html")
        tab.wait_for_timeout(500)
        assert tab.query_selector("#cchc-problems") is None
        plan.write_text(good.replace("deadline: Quý II", "deadline: Tháng 12/2023"),
                        encoding="utf-8")
        tab.wait_for_selector("#cchc-problems.warnings", timeout=20000)
        notice = tab.text_content("#cchc-problems")
        assert "--strict" in notice and "co-quan-mau-2024.yaml:20:19" in notice
        assert tab.get_attribute("#cchc-problems", "role") == "status"
        plan.write_text(good, encoding="utf-8")
        tab.wait_for_function("!document.getElementById('cchc-problems')", timeout=20000)
        browser.close()
    process.terminate()
    assert "han-truoc-ngay-ban-hanh-i-1" in process.communicate(timeout=20)[0]


def test_a_burst_of_saves_gives_one_rebuild(server):
    site, url, process = server
    assert wait_for(lambda: status(url)["builds"] == 1)
    page = site / "content/pages/gioi-thieu.md"
    for number in range(8):
        page.write_text(f"---\ntitle: Giới thiệu {number}\n---\nNội dung {number}\n",
                        encoding="utf-8")
        time.sleep(0.03)
    assert wait_for(lambda: status(url)["builds"] == 2)
    time.sleep(1.5)
    assert status(url) == {"builds": 2, "ok": True}
    with urllib.request.urlopen(url + "gioi-thieu/index.html", timeout=10) as response:
        assert "Nội dung 7" in response.read().decode("utf-8")
    said = next(line for line in process.stdout if "Đã dựng lại" in line)  # it was rebuilt
    # pages redrawn out of all the site's: not a count that looks like the site's own
    assert re.search(r"\d+ trong \d+ trang \(pages\), \d+ tệp ghi mới, \d+,\d\d giây$",
                     said.strip()), said


def test_serving_listens_on_loopback_and_leaves_nothing_behind(server):
    site, url, process = server
    assert url.startswith("http://127.0.0.1:")
    assert (process.folder / "index.html").is_file()
    process.terminate()
    assert process.wait(timeout=20) == 0
    assert not process.folder.exists()
    assert not (site / "output").exists()


def raw_get(url: str, path: str) -> tuple[int, bytes]:
    """A request with the path sent exactly as written (no client-side cleaning)."""
    import http.client
    from urllib.parse import urlsplit
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.mark.parametrize("path", ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                                  "/..%2f..%2f..%2fetc%2fpasswd", "/static/../../../etc/passwd",
                                  "//etc/passwd"])
def test_the_server_never_leaves_its_folder(server, path):
    site, url, process = server
    status, body = raw_get(url, path)
    assert b"root:" not in body
    assert status in (200, 404)  # 200 only for a page of the site itself
    if status == 200:
        assert b"<html" in body


@pytest.mark.parametrize("path", ["/khong-co/", "/khong-co", "/static/khong-co.css"])
def test_a_missing_address_gets_the_sites_own_404_page(server, path):
    site, url, process = server
    status, body = raw_get(url, path)
    assert status == 404 and b'lang="vi"' in body and "Không tìm thấy".encode() in body


def test_a_burst_of_requests_while_rebuilding_is_answered(server):
    from concurrent.futures import ThreadPoolExecutor
    site, url, _ = server
    pages = ["index.html", "ke-hoach/co-quan-mau-2024/index.html", "static/style.css",
             "datapackage.json", "tim-kiem/index.html"]
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    text = plan.read_text(encoding="utf-8")

    def fetch(number: int) -> int:
        if number % 50 == 0:
            plan.write_text(text.replace("Quý II", f"Quý {'III' if number % 100 else 'II'}"),
                            encoding="utf-8")
        with urllib.request.urlopen(url + pages[number % len(pages)], timeout=30) as response:
            response.read()
            return response.status
    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(fetch, range(400)))
    assert statuses == [200] * 400
    assert wait_for(lambda: status(url)["ok"])


def test_saves_are_seen_beside_a_big_output_folder_and_in_templates_made_later(tmp_path):
    """A province's output/, built into the site's folder, holds thousands of
    folders: the server watches only what it builds from, so saves are still
    seen; and a templates/ folder made while serving is watched too."""
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    for number in range(12_000):
        (site / "output" / f"{number // 100}" / f"{number}").mkdir(parents=True)
    url, process = start(site)
    try:
        assert wait_for(lambda: status(url)["builds"] == 1)
        page = site / "content/pages/gioi-thieu.md"
        page.write_text("---\ntitle: Giới thiệu\n---\nĐã sửa\n", encoding="utf-8")
        assert wait_for(lambda: status(url)["builds"] == 2)
        (site / "templates").mkdir()
        assert wait_for(lambda: status(url)["builds"] == 3)  # seen, and watched from now on
        (site / "templates/page.html").write_text(
            "{% extends 'base.html' %}{% block main %}<p>Mẫu riêng</p>{% endblock %}",
            encoding="utf-8")
        assert wait_for(lambda: status(url)["builds"] == 4)
        with urllib.request.urlopen(url + "gioi-thieu/index.html", timeout=10) as response:
            assert "Mẫu riêng" in response.read().decode("utf-8")
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
    assert "overflow" not in output


def test_a_taken_port_is_said_at_once_and_a_site_never_built_says_so(tmp_path):
    """The port is taken before the first build (a province's takes seconds),
    so that is said before any building; a site whose first build fails does
    not claim to serve 'the last good build', in the terminal or on the page."""
    import socket
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        refused = subprocess.run([sys.executable, "-m", "cchc_site", "serve", "--site", str(site),
                                  "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2
    assert f"không mở được cổng {port} trên 127.0.0.1" in refused.stderr
    assert "Bản dựng tạm" not in refused.stdout and "rebuilt" not in refused.stdout
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2024", "year: hai"),
                    encoding="utf-8")
    url, process = start(site)
    try:
        assert "chưa dựng được trang nào" in process.said and "last good" not in process.said
        with sync_playwright() as playwright:
            browser = launch(playwright)
            tab = browser.new_page()
            tab.goto(url + "index.html")
            tab.wait_for_selector("#cchc-problems", timeout=20000)
            banner = tab.text_content("#cchc-problems")
            assert "chưa dựng được trang nào" in banner and "nothing built yet" in banner
            assert "bản dựng tốt gần nhất" not in banner and "co-quan-mau-2024.yaml:3:7" in banner
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_site_under_a_sub_path_is_previewed_there_too_its_404_page_whole(tmp_path):
    """base_url https://…/cchc/: the preview serves the site at /cchc/ as well as
    at /, so the 404 page, whose links are written from the site's root, has
    its style sheet."""
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    config = site / "site.yaml"
    config.write_text(re.sub(r"base_url: .*", "base_url: https://tinh.gov.vn/cchc/",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    url, process = start(site)
    try:
        with urllib.request.urlopen(url + "cchc/index.html", timeout=10) as response:
            assert b"<html lang=\"vi\"" in response.read()
        try:
            urllib.request.urlopen(url + "cchc/khong-co/", timeout=10)
            raise AssertionError("a missing page was found")
        except urllib.error.HTTPError as missing:
            assert missing.code == 404
            style = re.search(rb'<link rel="stylesheet" href="([^"]+)"', missing.read())[1]
        assert style.startswith(b"/cchc/")
        with urllib.request.urlopen(url[:-1] + style.decode(), timeout=10) as response:
            assert response.status == 200 and b"body" in response.read()
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_template_calling_a_macro_wrongly_is_shown_and_serving_goes_on(server):
    """Not a Jinja error but Python's (a macro given too many arguments): the
    page shows it, and the rebuilds go on once it is fixed."""
    site, url, _ = server
    (site / "templates").mkdir(exist_ok=True)
    home = site / "templates/home.html"
    theme = (Path(__file__).parents[1] / "cchc_site/templates/home.html").read_text(
        encoding="utf-8")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        tab = browser.new_page()
        tab.goto(url)
        tab.wait_for_timeout(500)  # the event stream is open
        home.write_text(theme.replace("{% block main %}", "{% block main %}{% import "
                                      "'_macros.html' as mm %}{{ mm.here('a', 'b') }}", 1),
                        encoding="utf-8")
        tab.wait_for_selector("#cchc-problems", timeout=20000)
        problems = tab.text_content("#cchc-problems")
        assert "templates/home.html" in problems and "macro 'here' takes not more than 1" \
            in problems, problems
        home.write_text(theme.replace("{% block main %}", "{% block main %}<p>Chào mừng</p>", 1),
                        encoding="utf-8")
        tab.wait_for_function("!document.getElementById('cchc-problems') && "
                              "document.body.textContent.includes('Chào mừng')", timeout=20000)
        browser.close()


def test_a_full_disk_while_serving_is_said_as_such_not_as_our_bug(tmp_path):
    """Writing the preview fails (a file-size limit stands in for a full
    disk): the server says it could not write, with no traceback."""
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    process = subprocess.Popen(["bash", "-c", 'ulimit -f 8; exec "$@"', "bash", sys.executable,
                                "-m", "cchc_site", "serve", "--site", str(site), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               encoding="utf-8")
    said: list[str] = []
    threading.Thread(target=lambda: said.extend(iter(process.stdout.readline, "")),
                     daemon=True).start()
    try:
        wait_for(lambda: any("không ghi được" in line or "Traceback" in line for line in said),
                 seconds=60)
    finally:
        process.terminate()
        process.wait(timeout=20)
    time.sleep(0.5)  # the rest of what it printed
    output = "".join(said)
    assert "không ghi được bản dựng xem trước: File too large (đĩa đầy hoặc thư mục chỉ đọc?)" \
        in output, output
    assert "Traceback" not in output and "lỗi nội bộ" not in output
