"""Building: same input → same bytes; a failed build loses nothing; the tool
writes only into a folder it made; `new` makes a site that builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cchc_site.build import PARALLEL_FROM

from .conftest import ROOT, catalogue_site, run_cli


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(example_output, tmp_path):
    second = tmp_path / "again"
    env_clock = {**os.environ, "SOURCE_DATE_EPOCH": "0", "TZ": "Asia/Ho_Chi_Minh"}
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "cchc_site", "build", "--site", str(ROOT),
                             "--output", str(second)], env=env_clock, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert tree(second) == tree(example_output)


def test_rebuilding_in_place_replaces_the_output(site_copy):
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    assert (site_copy / "output/thu-tuc/so-khcn-thua-thien-hue/index.html").is_file()
    (site_copy / "content/tthc/so-khcn-thua-thien-hue.yaml").unlink()
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    assert not (site_copy / "output/thu-tuc/so-khcn-thua-thien-hue").exists()
    assert (site_copy / "output/index.html").is_file()
    assert not (site_copy / ".output.staging").exists()


def test_files_put_into_the_output_by_hand_are_never_deleted(site_copy):
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    mine = site_copy / "output/tai-lieu/ke-hoach-ky.pdf"
    mine.parent.mkdir()
    mine.write_bytes(b"%PDF")
    elsewhere = site_copy.parent / "kho"  # a link to a folder of one's own, not followed
    (elsewhere / "hop").mkdir(parents=True)
    (site_copy / "output/ke-hoach/kho").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 2
    assert "tai-lieu/ke-hoach-ky.pdf" in result.stderr and "content/files/" in result.stderr
    assert "ke-hoach/kho\n" in result.stderr and "ke-hoach/kho/hop" not in result.stderr
    assert mine.read_bytes() == b"%PDF" and (elsewhere / "hop").is_dir()


def test_attachments_in_content_files_are_published(site_copy):
    attachment = site_copy / "content/files/ke-hoach/KH-59.pdf"
    attachment.parent.mkdir(parents=True)
    attachment.write_bytes(b"%PDF-1.7 ban ky")
    result = run_cli("check", "--site", str(site_copy))
    assert "KH-59.pdf" not in result.stderr
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    assert (site_copy / "output/files/ke-hoach/KH-59.pdf").read_bytes() == b"%PDF-1.7 ban ky"


def test_nothing_outside_the_site_is_read_or_published_through_a_symbolic_link(site_copy,
                                                                               tmp_path):
    """A linked content/files folder, a linked folder or file inside it and a
    linked content file are each warned of, and none is followed."""
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "mat.txt").write_text("bí mật", encoding="utf-8")
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    (outside / "plan.yaml").write_text(plan.read_text(encoding="utf-8").replace(
        "2023", "2031"), encoding="utf-8")
    (site_copy / "content/plans/ke-hoach-ngoai.yaml").symlink_to(outside / "plan.yaml")
    (site_copy / "content/files").symlink_to(outside, target_is_directory=True)
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 0, result.stderr
    for link in ("content/files", "content/plans/ke-hoach-ngoai.yaml"):
        assert result.stderr.count(f"{link}: cảnh báo/warning: liên kết tượng trưng (symlink) bị "
                                   "bỏ qua") == 1, result.stderr
    assert not (site_copy / "output/files").exists()
    assert not any("2031" in p.name for p in (site_copy / "output/ke-hoach").iterdir())
    (site_copy / "content/files").unlink()
    (site_copy / "content/files/tai-lieu").mkdir(parents=True)
    (site_copy / "content/files/that.pdf").write_bytes(b"%PDF-1.7")
    (site_copy / "content/files/tai-lieu/mat.txt").symlink_to(outside / "mat.txt")
    (site_copy / "content/files/kho").symlink_to(outside, target_is_directory=True)
    result = run_cli("check", "--site", str(site_copy), "--strict")
    assert result.returncode == 1
    for link in ("content/files/tai-lieu/mat.txt", "content/files/kho"):
        assert f"{link}: cảnh báo/warning: liên kết tượng trưng" in result.stderr
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    assert sorted(p.relative_to(site_copy / "output/files").as_posix()
                  for p in (site_copy / "output/files").rglob("*")) == ["that.pdf"]
    (site_copy / "content").rename(tmp_path / "noi-dung")  # content/ itself a link: refused
    (site_copy / "content").symlink_to(tmp_path / "noi-dung", target_is_directory=True)
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 1 and "content/: lỗi/error: content/ là một liên kết tượng " \
        "trưng (symlink)" in result.stderr, result.stderr


def test_links_to_the_sites_own_pages_work_from_the_disk_and_are_checked(site_copy):
    """'/ke-hoach/x/' written in Markdown is made relative to the page (the
    site may be published under a sub-path, or opened from the disk); a link
    to a page the site lacks, or to a Markdown file, is warned of; a page of
    the host's own site ('/van-ban/…') and code shown as text are left as
    written."""
    (site_copy / "content/pages").mkdir()
    (site_copy / "content/files").mkdir()
    (site_copy / "content/files/huong-dan.md").write_text("# Hướng dẫn\n", encoding="utf-8")
    (site_copy / "content/pages/gioi-thieu.md").write_text(
        "---\ntitle: Giới thiệu\n---\n\nXem [kế hoạch](/ke-hoach/so-khcn-nghe-an-2023/), "
        "[nhiệm vụ](/ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/i-1#lich-su), [báo cáo](/bao-cao), "
        "[trang chủ](/), [tìm](/tim-kiem/?q=cai+cach#ket-qua), [dữ liệu](/du-lieu/nhiem-vu.csv), "
        "[hướng dẫn](files/huong-dan.md), [cổng](/van-ban/so-12), [lạc](/404.html) và "
        "[ngoài](https://example.gov.vn/a/).\n\n"
        "Cũ: [kế hoạch 2024](/ke-hoach/so-khcn-nghe-an-2024/), [trang cũ](gioi-thieu.md), "
        "[cũ nữa](/gioi-thieu-cu.md), [mã](/ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/I.1), "
        "[tệp](/files).\n\nMã: `<a href=\"/code/\">x</a>`\n", encoding="utf-8")
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 0, result.stderr
    warned = sorted(line.split(": body: ")[1] for line in result.stderr.splitlines()
                    if line.startswith("content/pages/"))
    assert warned == sorted([
        "liên kết tới trang '/van-ban/so-12' nhưng trang web không có trang ấy; nếu là trang "
        "của cổng thông tin chung (ngoài trang này), hãy viết đủ địa chỉ https://…",
        "liên kết tới trang '/ke-hoach/so-khcn-nghe-an-2024/' nhưng trang web không có trang ấy; "
        "có phải ý bạn là '/ke-hoach/so-khcn-nghe-an-2023/'?",
        "liên kết tới trang '/ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/I.1/' nhưng trang web không "
        "có trang ấy; có phải ý bạn là '/ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/i-1/'?",
        "liên kết tới trang '/files' nhưng trang web không có trang ấy",
        "liên kết tới tệp 'gioi-thieu.md': trên trang web, hãy liên kết tới địa chỉ của trang; "
        "trang của tệp ấy có địa chỉ '/gioi-thieu/'",
        "liên kết tới tệp 'gioi-thieu-cu.md': trên trang web, hãy liên kết tới địa chỉ của trang"
    ]), result.stderr
    page = site_copy / "output/gioi-thieu/index.html"
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("main a")}
    assert links["ngoài"] == "https://example.gov.vn/a/" and links["cổng"] == "/van-ban/so-12"
    for text in ("kế hoạch", "nhiệm vụ", "báo cáo", "trang chủ", "tìm", "dữ liệu", "hướng dẫn",
                 "lạc"):
        target = (page.parent / links[text].partition("#")[0].partition("?")[0]).resolve()
        assert target.is_file(), (text, links[text])
    assert links["nhiệm vụ"].endswith("/i-1/index.html#lich-su")
    assert links["tìm"] == "../tim-kiem/index.html?q=cai+cach#ket-qua"
    assert soup.select_one("main code").get_text() == '<a href="/code/">x</a>'


def test_markdown_in_the_shared_footer_links_right_from_every_page(site_copy):
    """The footer is rendered once for all pages at one depth: a Markdown link
    in it goes up to the root, not from the first page that rendered it."""
    footer = (ROOT / "cchc_site/templates/_site_footer.html").read_text(encoding="utf-8")
    (site_copy / "templates").mkdir()
    (site_copy / "templates/_site_footer.html").write_text(footer.replace("</footer>", (
        "{{ '[Văn phòng](/co-quan/so-khcn-nghe-an/don-vi/van-phong/)'|markdown }}</footer>")),
        encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    from bs4 import BeautifulSoup
    pages = [site_copy / "output/co-quan" / agency / "index.html" for agency in
             ("so-khcn-nghe-an", "so-khcn-thua-thien-hue", "so-khdt-tuyen-quang")]
    pages += [site_copy / "output/co-quan/so-khcn-nghe-an/don-vi/van-phong/index.html"]
    for page in pages:
        link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
            "footer a[href*=van-phong]")["href"]
        assert (page.parent / link).resolve() == (
            site_copy / "output/co-quan/so-khcn-nghe-an/don-vi/van-phong/index.html"), (page, link)


def test_a_link_to_an_attachment_works_from_every_page_under_a_sub_path(site_copy, tmp_path):
    """'[Bản ký](/files/kh.pdf)' (from the site's root) or 'files/kh.pdf' is made
    relative to the page that shows it, so it works under https://…/cchc/ and
    from the disk; a link to a file content/files/ lacks is warned about."""
    import urllib.request

    from .browser import serve
    for folder in ("files", "pages"):
        (site_copy / "content" / folder).mkdir(exist_ok=True)
    (site_copy / "content/files/kh.pdf").write_bytes(b"%PDF-1.7")
    (site_copy / "site.yaml").write_text((site_copy / "site.yaml").read_text(encoding="utf-8")
                                         .replace("cchc.example.gov.vn/", "tinh.gov.vn/cchc/"),
                                         encoding="utf-8")
    (site_copy / "content/pages/lien-ket.md").write_text(
        "---\ntitle: Liên kết\n---\n\n[Bản ký](/files/kh.pdf), [bản chụp](files/kh.pdf), "
        "[bản cũ](/files/khong-co.pdf), [trang 2](/files/kh.pdf#page=2), [có dấu cách]"
        "(</files/Ke hoach.pdf>), [cùng tệp](/files/Ke%20hoach.pdf), [tham chiếu][1].\n\n"
        "[1]: /files/cung-khong-co.pdf\n", encoding="utf-8")
    (site_copy / "content/files/Ke hoach.pdf").write_bytes(b"%PDF-1.7")
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "sections:\n", "preamble: Xem [bản ký](/files/kh.pdf).\nsections:\n", 1).replace(
        "    body: |\n", "    body: |\n      Xem [bản ký, trong một mục](/files/kh.pdf).\n\n"
        "      Và [bản thiếu](/files/thieu-trong-muc.pdf).\n\n", 1),
        encoding="utf-8")  # a section's body is rendered by a macro
    checked = run_cli("check", "--site", str(site_copy))
    missing_line = plan.read_text(encoding="utf-8").split("thieu-trong-muc")[0].count("\n") + 1
    assert f"content/plans/so-khcn-nghe-an-2023.yaml:{missing_line}:1: cảnh báo/warning: " \
           "sections[1].body: liên kết tới tệp đính kèm 'files/thieu-trong-muc.pdf'" in checked.stderr
    assert "content/pages/lien-ket.md:5:1: cảnh báo/warning: body: liên kết tới tệp đính kèm " \
           "'files/khong-co.pdf' nhưng không có tệp content/files/khong-co.pdf" in checked.stderr
    assert "'files/cung-khong-co.pdf' nhưng không có tệp" in checked.stderr  # by reference
    assert sorted(line.split("'")[1] for line in checked.stderr.splitlines()
                  if "liên kết tới tệp đính kèm" in line) == [
        "files/cung-khong-co.pdf", "files/khong-co.pdf", "files/thieu-trong-muc.pdf"]
    (tmp_path / "www").mkdir()
    assert run_cli("build", "--site", str(site_copy), "--output", str(tmp_path / "www/cchc")
                   ).returncode == 0
    with serve(tmp_path / "www") as root:
        for page in ("lien-ket/index.html", "ke-hoach/so-khcn-nghe-an-2023/index.html"):
            html = (tmp_path / "www/cchc" / page).read_text(encoding="utf-8")
            links = [a["href"] for a in BeautifulSoup(html, "html.parser").select("main a")
                     if "kh.pdf" in a["href"]]
            assert len(links) == (3 if page.startswith("lien-ket") else 2), (page, links)
            for href in links:
                url = urllib.parse.urljoin(f"{root}cchc/{page}", href)
                assert urllib.request.urlopen(url).read() == b"%PDF-1.7", (page, href)
        html = (tmp_path / "www/cchc/lien-ket/index.html").read_text(encoding="utf-8")
        spaced = [a["href"] for a in BeautifulSoup(html, "html.parser").select("main a")
                  if "hoach" in a["href"]]
        assert spaced == ["../files/Ke%20hoach.pdf"] * 2  # a space is not allowed in an address
        url = urllib.parse.urljoin(f"{root}cchc/lien-ket/index.html", spaced[0])
        assert urllib.request.urlopen(url).read() == b"%PDF-1.7"


def test_a_failed_build_leaves_the_previous_output_as_it_was(site_copy):
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    before = tree(site_copy / "output")
    plan = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2023", "year: hai"),
                    encoding="utf-8")
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 1
    assert "được giữ nguyên" in result.stderr and "left as it was" in result.stderr
    assert tree(site_copy / "output") == before


def build_with_a_broken_template(site: Path, template: str, call: str) -> str:
    """Build, break ``template`` with a call that fails, build again: the
    second build fails with a message (returned) and keeps the first output."""
    assert run_cli("build", "--site", str(site)).returncode == 0
    before = tree(site / "output")
    (site / "templates").mkdir()
    (site / "templates" / template).write_text("{% extends 'base.html' %}\n{% block main %}\n"
                                               f"<p>{{{{ {call}() }}}}</p>{{% endblock %}}",
                                               encoding="utf-8")
    result = run_cli("build", "--site", str(site))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert tree(site / "output") == before
    return result.stderr


def test_a_broken_template_fails_cleanly_and_keeps_the_output(site_copy):
    message = build_with_a_broken_template(site_copy, "plan.html", "plan.khong_co")
    assert "templates/plan.html:3:12: lỗi/error: mẫu trang lỗi" in message  # at 'khong_co'
    assert "mẫu dùng một tên hay một trường không có" in message  # what Jinja's words mean


def test_a_macro_that_uses_a_page_variable_is_told_to_take_it_as_an_argument(site_copy):
    (site_copy / "templates").mkdir()
    (site_copy / "templates/_mine.html").write_text(
        "{% macro heading() %}<p>{{ plan.title }}</p>{% endmacro %}", encoding="utf-8")
    (site_copy / "templates/plan.html").write_text(
        "{% extends 'base.html' %}\n{% import '_mine.html' as mine %}\n{% block main %}"
        "{{ mine.heading() }}{% endblock %}", encoding="utf-8")
    stderr = run_cli("check", "--site", str(site_copy)).stderr
    assert "templates/_mine.html:1:" in stderr and "'plan' is undefined; trang có 'plan' nhưng " \
        "macro được import không thấy biến của trang: hãy truyền vào làm tham số" in stderr, stderr


@pytest.mark.parametrize("source, column, hint", [
    ("{{ plan.title|cel_inline }}", 15, "một bộ lọc (sau dấu |)"),
    # the name probably meant: a filter, a test, a variable of the page or of the template
    ("{{ plan.date|vi_dat }}", 14, "No filter named 'vi_dat'.; có phải 'vi_date'?"),
    ("{% if plan is strng %}x{% endif %}", 15, "; có phải 'string'?"),
    ("{{ pln.title }}", 4, "'pln' is undefined; có phải 'plan'?"),
    ("{% for report in site.reports %}{{ reprt }}{% endfor %}", 36, "có phải 'report'?"),
    ("{{ vi_dat(plan.date) }}", 4, "'vi_date' là một bộ lọc: viết giá trị|vi_date"),
    ("{{ plan.titel }}", 9, "Plan có các trường: id, agency, year, title, number, date"),
    ("{{ config.hotline }}", 11, "(thông tin riêng của trang: ghi dưới 'extra' trong site.yaml)"),
    ("{{ config.extra['duong_day_nog'] }}", 18, "bảng ấy không có khóa 'duong_day_nog'"),
    ("{% if plan is chan %}x{% endif %}", 15, "một phép thử (sau 'is') hay bộ lọc không có"),
    ("{% include 'bse.html' %}", 13, "gọi đến một tệp mẫu không có"),
    ("{% if plan %}", 1, "sai cú pháp Jinja"),  # the block left open: at its opening tag
    ("{% for %}", 1, "sai cú pháp Jinja"),  # nothing quoted: the line's start
    # not Jinja's errors but Python's, raised by the template's code: no traceback either
    ("{% import '_macros.html' as m %}{{ m.here(plan.title, 'x') }}", 38,  # at 'here'
     "gọi một macro, bộ lọc hay hàm với tham số không đúng"),
    ("{% import '_macros.html' as m %}{{ m.crumb(url='x', text='y') }}", 44,
     "takes no keyword argument 'url'"),
    # a theme macro called without an argument: where the call is, in the site's template
    ("{% import '_macros.html' as m %}{{ m.crumb(plan.title) }}", 1, "'text' was not provided"),
    ("{% macro again(n) %}{{ again(n) }}{% endmacro %}{{ again(1) }}", 1,
     "mẫu gọi lại chính nó không dừng"),
])
def test_each_kind_of_template_mistake_is_explained_in_vietnamese(site_copy, source, column,
                                                                   hint):
    (site_copy / "templates").mkdir()
    (site_copy / "templates/plan.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n" + source + "{% endblock %}",
        encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "lỗi/error" in line]
    assert len(errors) == 1 and errors[0].startswith(f"templates/plan.html:3:{column}: "), \
        result.stderr
    assert hint in errors[0]


def test_a_failure_is_named_where_to_fix_it_not_in_the_layout_around_it(site_copy):
    """A site's own base.html runs every page's blocks: a mistake in a theme
    page (here, calling a macro the site's own _macros.html lacks) is named
    at that page's line, not at the layout's 'block main'."""
    (site_copy / "templates").mkdir()
    (site_copy / "templates/base.html").write_text(
        (ROOT / "cchc_site/templates/base.html").read_text(encoding="utf-8"), encoding="utf-8")
    theme = (ROOT / "cchc_site/templates/_macros.html").read_text(encoding="utf-8")
    start = theme.index("{% macro doc_line(doc) %}")
    (site_copy / "templates/_macros.html").write_text(
        theme[:start] + theme[theme.index("{% endmacro %}", start) + len("{% endmacro %}"):],
        encoding="utf-8")
    result = run_cli("build", "--site", str(site_copy))
    error = next(line for line in result.stderr.splitlines() if "lỗi/error" in line)
    assert "doc_line" in error and not error.startswith("templates/base.html"), error
    assert error.split(":")[0].endswith("(giao diện có sẵn / the built-in theme)") or \
        "/cchc_site/templates/" in error.split(": lỗi")[0], error


def test_a_function_of_ours_failing_when_a_template_calls_it_says_where(site_copy):
    """A chart given a number where it takes rows fails inside cchc-site's
    Python: the template's line is named, and where in our code, since it
    may be our bug."""
    (site_copy / "templates").mkdir()
    (site_copy / "templates/page.html").write_text(
        "{% extends 'base.html' %}{% block main %}\n{{ bars('c', 'Tiêu đề', 5) }}{% endblock %}",
        encoding="utf-8")
    (site_copy / "content/pages").mkdir()
    (site_copy / "content/pages/gioi-thieu.md").write_text("---\ntitle: G\n---\nx\n",
                                                          encoding="utf-8")
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    error = next(line for line in result.stderr.splitlines() if "lỗi/error" in line)
    assert error.startswith("templates/page.html:2:") and "lỗi phát sinh trong mã của " \
        "cchc-site, charts.py:" in error, error


def test_a_template_saved_in_another_encoding_is_named_and_a_byte_order_mark_dropped(site_copy):
    """Windows editors save as Windows-1258 or put a BOM first: the first is an
    error at the line the file stops being UTF-8, the second would have put
    U+FEFF at the top of every page's footer."""
    footer = (ROOT / "cchc_site/templates/_site_footer.html").read_text(encoding="utf-8")
    (site_copy / "templates").mkdir()
    own = site_copy / "templates/_site_footer.html"
    own.write_bytes(footer.replace("</footer>", "\nĐịa chỉ: số 1</footer>").encode("utf-8")
                    .replace("Đ".encode("utf-8"), "Đ".encode("cp1258")))
    line = footer[:footer.index("</footer>")].count("\n") + 2  # the new line
    for command in ("check", "build"):
        result = run_cli(command, "--site", str(site_copy))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"templates/_site_footer.html:{line}:1: lỗi/error: mẫu trang lỗi: tệp mẫu không " \
               "lưu bằng mã hóa UTF-8" in result.stderr, result.stderr
    own.write_bytes(b"\xef\xbb\xbf" + footer.encode("utf-8"))
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    pages = [p for p in (site_copy / "output").rglob("*.html")]
    assert pages and not any("\ufeff" in p.read_text(encoding="utf-8") for p in pages)


def test_a_sites_head_part_adds_its_stylesheet_to_every_page(site_copy):
    """_site_head.html (empty in the theme) ends every page's <head>: a site's
    own stylesheet needs no copy of base.html, and links to it from any depth."""
    from bs4 import BeautifulSoup
    (site_copy / "templates/static").mkdir(parents=True)
    (site_copy / "templates/static/tinh.css").write_text("h1 { color: #8b0000; }\n")
    (site_copy / "templates/_site_head.html").write_text(
        "<link rel=\"stylesheet\" href=\"{{ rel('static/tinh.css') }}\">\n", encoding="utf-8")
    result = run_cli("build", "--site", str(site_copy))
    assert result.returncode == 0 and "templates/" not in result.stderr, result.stderr
    pages = sorted((site_copy / "output").rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        if page.name == "404.html":
            continue
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        sheets = [link["href"] for link in head.select("link[rel=stylesheet]")]
        assert len(sheets) == 2 and (page.parent / sheets[-1]).resolve() == \
            (site_copy / "output/static/tinh.css").resolve(), (page, sheets)


def test_check_warns_of_loads_from_other_hosts_and_missing_static_files(site_copy):
    """A tracking script, a CDN stylesheet or a web font would make every page
    fetch from elsewhere; a logo named but not there would show broken."""
    footer = (ROOT / "cchc_site/templates/_site_footer.html").read_text(encoding="utf-8")
    (site_copy / "templates/static").mkdir(parents=True)
    (site_copy / "templates/static/logo.svg").write_text("<svg/>")
    (site_copy / "templates/static/tinh.css").write_text(
        "body { color: #222; }\n@import url('https://fonts.googleapis.com/css?family=Roboto');\n")
    (site_copy / "templates/_site_footer.html").write_text(footer.replace("</footer>", (
        "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>\n"
        "<link rel=\"stylesheet\" href=\"//cdn.example.com/x.css\">\n"
        "<link rel=\"alternate\" href=\"https://tinh.gov.vn/rss\"><a href=\"https://tinh.gov.vn/\">"
        "Cổng</a>\n<img src=\"{{ rel('static/logo.svg') }}\" alt=\"\"><img src=\""
        "{{ rel('static/logo.png') }}\" alt=\"Logo\">\n{# <script src=\"https://a.vn/x.js\"> #}"
        "<!-- rel('static/cu.png') -->\n</footer>")), encoding="utf-8")  # comments load nothing
    line = footer[:footer.index("</footer>")].count("\n") + 1
    result = run_cli("check", "--site", str(site_copy), "--strict")
    assert result.returncode == 1
    said = [line.split(": cảnh báo/warning: ")[0] + " " + line.split("'")[1]
            for line in result.stderr.splitlines() if line.startswith("templates/")]
    assert said == [
        f"templates/_site_footer.html:{line}:1 https://www.googletagmanager.com/gtag/js?id=G-1",
        f"templates/_site_footer.html:{line + 1}:1 //cdn.example.com/x.css",
        f"templates/_site_footer.html:{line + 3}:66 static/logo.png",
        "templates/static/tinh.css:2:9 https://fonts.googleapis.com/css?family=Roboto"], said


def test_a_site_template_overrides_the_theme(site_copy):
    (site_copy / "templates/static").mkdir(parents=True)
    (site_copy / "templates/page.html").write_text(
        "{% extends 'base.html' %}{% block main %}<h1>Riêng: {{ page.title }}</h1>"
        "{% endblock %}", encoding="utf-8")
    (site_copy / "templates/static/extra.css").write_text("p{}", encoding="utf-8")
    (site_copy / "content/pages").mkdir(exist_ok=True)
    (site_copy / "content/pages/gioi-thieu.md").write_text("---\ntitle: Giới thiệu\n---\nChào\n",
                                                          encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    html = (site_copy / "output/gioi-thieu/index.html").read_text(encoding="utf-8")
    assert "<h1>Riêng: Giới thiệu</h1>" in html
    assert (site_copy / "output/static/extra.css").is_file()
    assert (site_copy / "output/static/style.css").is_file()


@pytest.mark.parametrize("target", [".", "content", "content/plans", "templates", ".."])
def test_refuses_to_write_into_the_site_itself(site_copy, target):
    (site_copy / "templates").mkdir(exist_ok=True)
    before = tree(site_copy)
    result = run_cli("build", "--site", str(site_copy), "--output", str(site_copy / target))
    assert result.returncode == 2
    assert "lỗi/error" in result.stderr
    assert tree(site_copy) == before


@pytest.mark.parametrize("where, says", [
    ("content", "content; --site phải chỉ thư mục có site.yaml"),  # looked there only
    ("khong-co", "khong-co (thư mục này không có)"),
])
def test_a_site_folder_without_site_yaml_is_named_as_given(site_copy, where, says):
    result = run_cli("check", "--site", str(site_copy / where))
    assert result.returncode == 2
    assert says in result.stderr and "thư mục cha" not in result.stderr, result.stderr


def test_refuses_a_folder_it_did_not_create(site_copy, tmp_path):
    other = tmp_path / "tai-lieu"
    other.mkdir()
    (other / "quan-trong.docx").write_bytes(b"du lieu")
    result = run_cli("build", "--site", str(site_copy), "--output", str(other))
    assert result.returncode == 2
    assert "không do cchc-site tạo ra" in result.stderr
    assert tree(other) == {"quan-trong.docx": b"du lieu"}


def test_new_site_builds_as_it_is(tmp_path):
    target = tmp_path / "so-moi"
    created = run_cli("new", str(target))
    assert created.returncode == 0, created.stderr
    assert run_cli("check", "--site", str(target), "--strict").returncode == 0
    built = run_cli("build", cwd=target)
    assert built.returncode == 0, built.stderr
    html = (target / "output/ke-hoach/co-quan-mau-2024/index.html").read_text(encoding="utf-8")
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in html


def test_the_sample_agency_is_flagged_once_a_real_one_is_added(tmp_path):
    target = tmp_path / "so-moi"
    assert run_cli("new", str(target)).returncode == 0
    assert run_cli("report", "co-quan-mau-2024", "--period", "quy-1", cwd=target).returncode == 0
    (target / "content/agencies/so-that.yaml").write_text("name: Sở Thật\n", encoding="utf-8")
    checked = run_cli("check", "--site", str(target), "--strict")
    assert checked.returncode == 1
    warning = next(line for line in checked.stderr.splitlines() if ": sample:" in line)
    assert warning.startswith("content/agencies/co-quan-mau.yaml:3:9: cảnh báo/warning: sample")
    assert warning.endswith("hãy xóa content/agencies/co-quan-mau.yaml, "
                            "content/plans/co-quan-mau-2024.yaml, "
                            "content/reports/co-quan-mau-2024-quy-1.yaml")  # all it made
    assert "site.yaml:4:11: cảnh báo/warning: base_url: địa chỉ 'https://example.gov.vn/cchc/' " \
        "vẫn là địa chỉ mẫu" in checked.stderr  # what the sitemap and feed would give
    for file in ("agencies/co-quan-mau.yaml", "plans/co-quan-mau-2024.yaml",
                 "reports/co-quan-mau-2024-quy-1.yaml"):
        (target / "content" / file).unlink()
    settings = target / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "https://example.gov.vn/cchc/", "https://sothat.gov.vn/cchc/"), encoding="utf-8")
    about = target / "content/pages/gioi-thieu.md"
    assert f"{about.relative_to(target)}:3:9: cảnh báo/warning: sample: trang mẫu 'Giới thiệu'" \
        in checked.stderr  # it speaks of the sample agency
    about.write_text("---\ntitle: Giới thiệu\n---\nTrang của Sở Thật.\n", encoding="utf-8")
    assert run_cli("check", "--site", str(target), "--strict").returncode == 0


def test_a_task_written_as_a_line_over_a_list_is_a_heading_over_that_list(tmp_path):
    """A Word cell 'Rà soát…' with '- Lĩnh vực đất đai' and '- Lĩnh vực môi
    trường' below: on the plan and task pages, the first line heads the task
    and the rest is a list under it, as the report's table lists them."""
    from bs4 import BeautifulSoup
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "task: Rà soát, đơn giản hóa thủ tục hành chính",
        "task: |-\n          Rà soát thủ tục hành chính\n          - Lĩnh vực đất đai\n"
        "          - Lĩnh vực môi trường"), encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    plan_page = BeautifulSoup((site / "output/ke-hoach/co-quan-mau-2024/index.html").read_text(
        encoding="utf-8"), "html.parser")
    task_page = BeautifulSoup((site / "output/ke-hoach/co-quan-mau-2024/nhiem-vu/i-1/index.html")
                              .read_text(encoding="utf-8"), "html.parser")
    for heading in (plan_page.select_one("#nv-i-1 h4"), task_page.select_one("main h1")):
        assert heading.get_text(" ", strip=True).endswith("Rà soát thủ tục hành chính")
        listed = heading.find_next_sibling()
        assert listed.name == "ul" and [li.get_text() for li in listed.select("li")] == [
            "Lĩnh vực đất đai", "Lĩnh vực môi trường"]


def test_a_reports_statuses_are_shown_in_the_plans_order_with_no_empty_date_column(site_copy):
    """An editor writes the statuses in the order the report speaks of them;
    the table follows the plan (as its download and the statuses dataset),
    and has no 'Ngày' column when no status gives a date."""
    from bs4 import BeautifulSoup
    report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    text = report.read_text(encoding="utf-8")
    first, second = text.index('  - task: "I.1"'), text.index('  - task: "II.1"')
    third = text.index("  - task:", second + 1)
    text = text[:first] + text[second:third] + text[first:second] + text[third:]  # II.1, I.1
    report.write_text(text, encoding="utf-8")

    def table():
        assert run_cli("build", "--site", str(site_copy)).returncode == 0
        soup = BeautifulSoup((site_copy / "output/bao-cao/so-khcn-nghe-an-2023-nam/index.html")
                             .read_text(encoding="utf-8"), "html.parser")
        found = soup.select_one("#bang-tinh-trang").find_parent("table")
        return [th.get_text() for th in found.select("thead th")], \
            [row.select_one("td.key").get_text() for row in found.select("tbody tr")]
    headers, keys = table()
    assert keys[:3] == ["I.1", "II.1", "II.3"] and "Ngày" in headers
    report.write_text("\n".join(line for line in text.split("\n")
                                if not line.startswith("    date:")), encoding="utf-8")
    headers, keys = table()
    assert keys[:3] == ["I.1", "II.1", "II.3"] and "Ngày" not in headers


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    result = run_cli("new", str(tmp_path))
    assert result.returncode == 2
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "x"
    assert not (tmp_path / "site.yaml").exists()


@pytest.mark.parametrize("args", [["build", "--bogus"], ["frobnicate"], []])
def test_wrong_usage_exits_2(args):
    assert run_cli(*args).returncode == 2


def test_missing_site_yaml_is_a_usage_error(tmp_path):
    result = run_cli("check", "--site", str(tmp_path))
    assert result.returncode == 2 and "site.yaml" in result.stderr


@pytest.mark.parametrize("command", ["build", "check", "new"])
def test_help_on_each_command(command):
    result = run_cli(command, "--help")
    assert result.returncode == 0 and "usage: cchc-site " + command in result.stdout


def test_build_says_where_the_site_is(site_copy):
    result = run_cli("build", "--site", str(site_copy))
    assert str((site_copy / "output/index.html").resolve()) in result.stdout


def test_an_output_path_with_missing_parents_is_refused(site_copy, tmp_path):
    result = run_cli("build", "--site", str(site_copy), "--output", str(tmp_path / "nope/out"))
    assert result.returncode == 2 and "--output" in result.stderr
    assert not (tmp_path / "nope").exists()


def test_check_finds_the_site_from_a_subfolder(site_copy):
    result = run_cli("check", cwd=site_copy / "content/plans")
    assert result.returncode == 0 and "Nội dung hợp lệ" in result.stdout


def test_usage_errors_are_bilingual_and_version_is_shown():
    result = run_cli("buidl")
    assert result.returncode == 2 and "dùng lệnh chưa đúng" in result.stderr
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("cchc-site ")


def test_links_name_index_html_so_the_site_opens_from_the_disk(example_output):
    html = (example_output / "ke-hoach/so-khcn-nghe-an-2023/index.html").read_text(
        encoding="utf-8")
    import re
    hrefs = re.findall(r'href="([^"#]+)', html)
    local = [h for h in hrefs if not h.startswith(("http:", "https:", "mailto:"))]
    assert local and all(h.endswith((".html", ".css", ".svg", ".csv", ".json", ".xml")) for h in local)
    for href in local:
        assert (example_output / "ke-hoach/so-khcn-nghe-an-2023" / href).resolve().is_file(), href


def test_template_calls_keep_jinjas_rules(tmp_path):
    """Plain functions are called straight away; one that asks for the page's
    context still gets it, and a callable object goes through Jinja."""
    import jinja2

    from cchc_site.render import environment
    env = environment(tmp_path)
    env.globals["here"] = jinja2.pass_context(lambda context: context["page"])
    env.globals["twice"] = lambda text: text * 2
    template = env.from_string("{{ here() }} {{ twice('<b>') }} {{ 'x-y'.split('-')|join('+') }}"
                               " {{ dict(a=1)|length }}")
    assert template.render(page="trang") == "trang &lt;b&gt;&lt;b&gt; x+y 1"


def test_template_calls_give_what_plain_jinja_gives(tmp_path):
    """Calls made straight from the template's code behave as Jinja's own:
    nested, with keywords and unpacking, in loops and blocks (where a
    context function sees the loop's variables), macros and call blocks."""
    import jinja2

    from cchc_site.render import environment
    source = ("{% macro m(a, b='-') %}<{{ a }}{{ b }}>{% endmacro %}"
              "{% macro c(a) %}[{{ a }}{{ caller() }}]{% endmacro %}"
              "{{ twice(twice('ab')) }} {{ join(*['x', 'y'], sep=':') }} {{ join('p', **{'sep': '+'}) }}"
              "{% for n in [1, 2] %}{% set seen = n * 10 %}{{ look() }},{{ m(n, b=twice('q')) }}"
              "{% endfor %}{% call c('c') %}{{ twice('in') }}{% endcall %}"
              "{% block b %}{% set inner = 'blk' %}{{ look() }}{{ ' s '.strip() }}{% endblock %}")
    values = dict(twice=lambda text: text * 2, join=lambda *parts, sep: sep.join(parts),
                  look=jinja2.pass_context(lambda context: context.get("seen", context.get("inner"))))
    plain = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    expected = plain.from_string(source).render(values)
    assert environment(tmp_path).from_string(source).render(values) == expected
    assert expected == "abababab x:y p10,<1qq>20,<2qq>[cinin]blks"
    statement = "{% set seen = [] %}{% do seen.append(twice('z')) %}{{ seen }}"  # a call on a line of its own
    with_do = environment(tmp_path).overlay(extensions=["jinja2.ext.do"])
    assert with_do.from_string(statement).render(values) == "[&#39;zz&#39;]"


def test_template_output_is_escaped_as_jinja_escapes_it(tmp_path):
    """Output written as plain text keeps Jinja's escaping in every place a
    value can be written: straight out, in a macro, a set block, a call block,
    a filter block, under a runtime autoescape switch; safe markup is kept."""
    import jinja2
    import markupsafe

    from cchc_site.render import environment
    source = ("{% macro m(x) %}[{{ x }}]{% endmacro %}{% macro c() %}({{ caller() }}){% endmacro %}"
              "{% set s %}{{ v }}{% endset %}{{ v }} {{ m(v) }} {{ s }} {% call c() %}{{ v }}{% endcall %}"
              "{% filter upper %}{{ v }}{% endfilter %} {{ safe }} {{ n }} "
              "{% autoescape false %}{{ v }}{% endautoescape %}")
    values = {"v": "<a href='x'>&\"", "safe": markupsafe.Markup("<b>ok</b>"), "n": 3}
    plain = jinja2.Environment(autoescape=True).from_string(source).render(values)
    ours = environment(tmp_path).from_string(source).render(values)
    assert ours == plain
    assert "&lt;a href=&#39;x&#39;&gt;&amp;&#34;" in ours and "<b>ok</b>" in ours


def test_a_template_failing_in_a_render_worker_fails_cleanly(tmp_path, monkeypatch):
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate
    site = tmp_path / "site"
    generate(site, agencies=3, years=2)  # over the parallel threshold
    monkeypatch.setenv("CCHC_SITE_WORKERS", "2")
    message = build_with_a_broken_template(site, "task.html", "entry.khong_co")
    assert "templates/task.html:3:13: lỗi/error: mẫu trang lỗi khi dựng /ke-hoach/" in message
    pages = [name for name in tree(site / "output") if name.endswith(".html")]
    assert len(pages) >= PARALLEL_FROM  # the first build, kept, was a parallel one
    assert sorted(p.name for p in site.iterdir()) == ["content", "output", "site.yaml",
                                                      "templates"]


def test_the_menu_marks_the_section_of_each_page_and_its_links_open(site_copy):
    """The header is rendered once per depth and menu entry; each page still
    gets the one for its own place: the right entry marked current (as the
    page itself on the entry's own page, as its section on a page under it),
    and links that open their targets from that page's folder."""
    from bs4 import BeautifulSoup
    (site_copy / "content/pages").mkdir()
    (site_copy / "content/pages/gioi-thieu.md").write_text(
        "---\ntitle: Giới thiệu\n---\nTrang giới thiệu.\n", encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    out = site_copy / "output"
    task = next((out / "ke-hoach/so-khcn-nghe-an-2023/nhiem-vu").glob("*/index.html"))
    procedure = next(p for p in (out / "thu-tuc/so-khcn-thua-thien-hue").glob("*/index.html"))
    expected = {out / "index.html": None, task: ("Kế hoạch", "true"),
                procedure: ("Thủ tục hành chính", "true"),
                out / "ke-hoach/index.html": ("Kế hoạch", "page"),
                out / "bao-cao/index.html": ("Báo cáo", "page"),
                out / "co-quan/index.html": ("Cơ quan, đơn vị", "page"),
                out / "co-quan/so-khcn-nghe-an/index.html": ("Cơ quan, đơn vị", "true"),
                out / "tim-kiem/index.html": ("Tìm kiếm", "page"),
                out / "gioi-thieu/index.html": ("Giới thiệu", "page")}
    for file, current in expected.items():
        menu = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select(
            "header.site-header a")
        assert [(a.get_text(), a["aria-current"]) for a in menu if a.get("aria-current")] == \
            ([current] if current else []), file
        for link in menu:
            assert (file.parent / link["href"]).resolve().is_file(), (file, link["href"])
    missing = BeautifulSoup((out / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in missing.select("header.site-header a")][:2] == ["/", "/ke-hoach/"]


def test_templates_compiled_ahead_are_used_as_they_are(site_copy):
    """The build's idle child compiles the templates; the environment given
    them does not compile again, and renders what a fresh one renders."""
    from cchc_site.build import check
    from cchc_site.render import compiled_templates, environment, render_route
    (site_copy / "templates").mkdir()
    (site_copy / "templates/page.html").write_text("{% extends 'base.html' %}{% block main %}"
                                                   "<h1>Riêng</h1>{% endblock %}", encoding="utf-8")
    (site_copy / "templates/broken.html").write_text("{% if %}", encoding="utf-8")
    store = compiled_templates(site_copy)
    assert len(store) >= 15  # the theme's pages and parts, and the site's own
    ahead = environment(site_copy, compiled=store)
    ahead.compile = lambda *args, **kwargs: pytest.fail("compiled again")
    fresh = environment(site_copy)
    result = check(site_copy)
    for route in result.routes:
        assert render_route(ahead, result.site, route, {}) == \
            render_route(fresh, result.site, route, {}), route.path


def test_a_template_that_does_not_compile_is_reported_by_a_parallel_build(tmp_path, monkeypatch):
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate
    site = tmp_path / "site"
    generate(site, agencies=3, years=2)  # over the parallel threshold
    (site / "templates").mkdir()
    (site / "templates/task.html").write_text("{% extends 'base.html' %}\n{% block main %}\n"
                                              "{% if %}{% endblock %}", encoding="utf-8")
    monkeypatch.setenv("CCHC_SITE_WORKERS", "2")
    result = run_cli("build", "--site", str(site))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "templates/task.html:3:1: lỗi/error: mẫu trang lỗi" in result.stderr, result.stderr
    assert "sai cú pháp Jinja" in result.stderr
    assert not (site / "output").exists()


def test_check_refuses_a_site_template_that_build_would_refuse(site_copy, monkeypatch):
    """The pre-commit hook and CI's first step run 'check': a template of the
    site's own that fails on some page must fail there, not only at 'build'."""
    assert run_cli("check", "--site", str(site_copy)).returncode == 0
    (site_copy / "templates").mkdir()
    (site_copy / "templates/plan.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n<p>{{ plan.khong_co }}</p>{% endblock %}",
        encoding="utf-8")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)  # annotations from the current folder
    result = run_cli("check", "--format", "github", cwd=site_copy)
    assert result.returncode == 1
    assert "templates/plan.html:3:12: lỗi/error: mẫu trang lỗi khi dựng /ke-hoach/" in result.stderr
    assert "::error file=templates/plan.html,line=3,col=12," in result.stdout
    assert not (site_copy / "output").exists()


def test_check_in_parallel_reports_the_failure_one_process_reports(tmp_path, monkeypatch):
    """'check' renders on all cores; among pages failing in several workers'
    shares it names the first in route order, as one process does."""
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate
    site = tmp_path / "site"
    generate(site, agencies=3, years=2)  # over the parallel threshold
    (site / "templates").mkdir()
    (site / "templates/task.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n"
        "{% if entry.key.endswith('.2') %}{{ entry.khong_co }}{% endif %}{% endblock %}",
        encoding="utf-8")
    outputs = []
    for count in ("1", "2"):
        monkeypatch.setenv("CCHC_SITE_WORKERS", count)
        result = run_cli("check", "--site", str(site))
        assert result.returncode == 1
        outputs.append(result.stderr)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("lỗi/error: mẫu trang lỗi khi dựng /ke-hoach/") == 1, outputs[0]
    assert "khi dựng /ke-hoach/so-01-2023/nhiem-vu/i-2/: " in outputs[0]  # the first plan's


def test_check_renders_the_pages_whose_templates_run_the_sites_own(site_copy):
    """A site's template is checked on every page that runs it, through any
    chain of extends and imports, and the theme's other pages are skipped."""
    from cchc_site.render import environment, templates_using
    (site_copy / "templates").mkdir()
    (site_copy / "templates/_macros.html").write_text(
        (ROOT / "cchc_site/templates/_macros.html").read_text(encoding="utf-8") +
        "{% macro here(text) %}{{ text.khong_co }}{% endmacro %}", encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy))
    assert result.returncode == 1
    assert "templates/_macros.html:" in result.stderr, result.stderr
    env = environment(site_copy)
    assert templates_using(env, {"procedure.html"}) == {"procedure.html"}
    assert templates_using(env, {"_macros.html"}) >= {"_macros.html", "task.html", "plan.html"}
    assert templates_using(env, {"base.html"}) >= {"home.html", "task.html", "404.html"}
    assert "_site_header.html" not in templates_using(env, {"base.html"})
    (site_copy / "templates/any.html").write_text("{% include name %}", encoding="utf-8")
    assert "any.html" in templates_using(environment(site_copy), {"procedure.html"})


def test_reports_are_listed_newest_first_within_a_year(tmp_path):
    """Quý I, 6 tháng, 9 tháng and the year's report: the year's first."""
    from bs4 import BeautifulSoup
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    (site / "content/reports").mkdir()
    for period in ("6-thang", "9-thang", "nam", "quy-1"):  # the files' alphabetical order
        (site / f"content/reports/mau-{period}.yaml").write_text(
            f"agency: co-quan-mau\nyear: 2024\nperiod: {period}\ntitle: Báo cáo {period}\n"
            "dossiers: {received: 1}\n", encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    for page in ("bao-cao/index.html", "co-quan/co-quan-mau/index.html"):
        html = BeautifulSoup((site / "output" / page).read_text(encoding="utf-8"), "html.parser")
        titles = [a.get_text() for a in html.select("main a") if a.get_text().startswith("Báo cáo ")]
        assert titles == ["Báo cáo nam", "Báo cáo 9-thang", "Báo cáo 6-thang", "Báo cáo quy-1"], \
            (page, titles)
    home = BeautifulSoup((site / "output/index.html").read_text(encoding="utf-8"), "html.parser")
    listed = home.select_one("#bao-cao-moi").find_parent("section")
    assert [a.get_text() for a in listed.select(".cards a")] == ["Báo cáo nam – Sở Mẫu tỉnh Mẫu"]
    assert "Báo cáo mới nhất của mỗi cơ quan; cả 4 báo cáo" in listed.get_text()  # one an agency


def test_links_to_plans_and_reports_of_the_same_title_say_whose_they_are(tmp_path):
    """Every department's plan is 'Kế hoạch cải cách hành chính năm 2024': a
    screen reader's list of links must still tell them apart."""
    from bs4 import BeautifulSoup
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    sample = (site / "content/plans/co-quan-mau-2024.yaml").read_text(encoding="utf-8")
    (site / "content/agencies/so-khac.yaml").write_text(
        (site / "content/agencies/co-quan-mau.yaml").read_text(encoding="utf-8").replace(
            "Sở Mẫu", "Sở Khác"), encoding="utf-8")
    (site / "content/plans/so-khac-2024.yaml").write_text(
        sample.replace("agency: co-quan-mau", "agency: so-khac"), encoding="utf-8")
    for agency in ("co-quan-mau", "so-khac"):
        (site / "content/reports").mkdir(exist_ok=True)
        (site / f"content/reports/{agency}-2024-nam.yaml").write_text(
            f"agency: {agency}\nyear: 2024\nperiod: nam\ntitle: Báo cáo CCHC năm 2024\n"
            "dossiers: {received: 1}\n", encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    home = BeautifulSoup((site / "output/index.html").read_text(encoding="utf-8"), "html.parser")
    for folder in ("ke-hoach/", "bao-cao/"):
        targets: dict[str, set] = {}  # a link's words → the pages links with those words open
        for link in home.select(f"main a[href^='{folder}']"):
            if link["href"].count("/") == 2:
                targets.setdefault(" ".join(link.get_text().split()), set()).add(link["href"])
        assert len(set().union(*targets.values())) == 2, targets  # both plans, both reports
        assert all(len(pages) == 1 for pages in targets.values()), targets


@pytest.mark.parametrize("date, written", [("05/03/2024", "ngày 05 tháng 3 năm 2024"),
                                           ("15/01/2024", "ngày 15 tháng 01 năm 2024"),
                                           ("20/11/2024", "ngày 20 tháng 11 năm 2024")])
def test_a_plans_date_is_written_as_official_documents_write_it(tmp_path, date, written):
    """Nghị định 30/2020: a 0 before days under 10 and before months 1 and 2 only."""
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('date: "15/01/2024"',
                                                             f'date: "{date}"'), encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    page = (site / "output/ke-hoach/co-quan-mau-2024/index.html").read_text(encoding="utf-8")
    assert written in page


def test_a_provinces_home_page_lists_each_agencys_latest_year_and_leads_to_the_rest(tmp_path):
    from bs4 import BeautifulSoup
    site = tmp_path / "site"
    assert run_cli("new", str(site)).returncode == 0
    sample = (site / "content/plans/co-quan-mau-2024.yaml").read_text(encoding="utf-8")
    (site / "content/plans/co-quan-mau-2023.yaml").write_text(
        sample.replace("year: 2024", "year: 2023").replace("năm 2024", "năm 2023").replace(
            "15/01/2024", "15/01/2023"), encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    home = BeautifulSoup((site / "output/index.html").read_text(encoding="utf-8"), "html.parser")
    plans = {a["href"] for a in home.select("main a[href^='ke-hoach/']")
             if a["href"].count("/") == 2}
    assert plans == {"ke-hoach/co-quan-mau-2024/index.html"}
    assert "cả 2 kế hoạch ở trang Kế hoạch" in " ".join(home.get_text().split())
    listing = (site / "output/ke-hoach/index.html").read_text(encoding="utf-8")
    assert "co-quan-mau-2023/index.html" in listing


def test_a_block_its_layout_lacks_is_refused_not_published_empty(site_copy):
    """'{% block mian %}' in page.html, or a base.html without the 'main' the
    theme's pages fill: no page would show that content, so check and build
    refuse, naming the block meant; the output already there stays."""
    (site_copy / "templates").mkdir()
    theme = ROOT / "cchc_site/templates"
    page = (theme / "page.html").read_text(encoding="utf-8")
    (site_copy / "templates/page.html").write_text(
        page.replace("{% block main %}", "{% block mian %}"), encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy), "--strict")
    line = page.split("{% block main %}")[0].count("\n") + 1
    assert result.returncode == 1
    assert f"templates/page.html:{line}:1: lỗi/error: khối 'mian' của mẫu page.html không có " \
           "trong mẫu khung base.html (các khối của nó: breadcrumbs, description, indexing, main, " \
           "title), nên nội dung khối ấy không hiện trên trang nào; có phải 'main'?" in result.stderr
    (site_copy / "templates/page.html").unlink()
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    before = tree(site_copy / "output")
    base = (theme / "base.html").read_text(encoding="utf-8")
    (site_copy / "templates/base.html").write_text(
        base.replace("{% block main %}{% endblock %}", ""), encoding="utf-8")
    result = run_cli("build", "--site", str(site_copy))
    errors = [line for line in result.stderr.splitlines() if "lỗi/error" in line]
    assert result.returncode == 1 and len(errors) == 1, result.stderr
    assert errors[0].startswith("templates/base.html:1:1: lỗi/error: mẫu khung base.html không có "
                                "khối 'main' (chỉ có: breadcrumbs, description, indexing, title) mà các mẫu "
                                "404.html, agencies.html, agency.html, catalogue.html và ")
    assert tree(site_copy / "output") == before


def test_a_template_no_page_uses_yet_is_still_checked(site_copy):
    """The first catalogue an editor adds would meet it in CI otherwise; the
    block left open is pointed at where it opens, not where Jinja noticed."""
    (site_copy / "templates").mkdir()
    (site_copy / "templates/ghi-chu.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n{% if x %}<p>a</p>\n{% endblock %}\n",
        encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy))
    assert result.returncode == 1
    assert "templates/ghi-chu.html:3:1: lỗi/error: mẫu trang lỗi: mẫu viết sai cú pháp Jinja" \
        in result.stderr, result.stderr


def test_a_site_changes_its_footer_alone(site_copy):
    """templates/_site_footer.html: the footer of every page, base.html untouched,
    with a fact of the site's own from site.yaml's 'extra'."""
    (site_copy / "templates").mkdir()
    with open(site_copy / "site.yaml", "a", encoding="utf-8") as config:
        config.write("extra:\n  duong_day_nong: 0238 3 844 555\n")
    (site_copy / "templates/_site_footer.html").write_text(
        '<footer class="site-footer"><p>Đường dây nóng: {{ config.extra["duong_day_nong"] }} · '
        '<a href="{{ rel(paths.DATA) }}">Dữ liệu mở</a></p></footer>\n', encoding="utf-8")
    assert run_cli("check", "--site", str(site_copy)).returncode == 0
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    pages = sorted((site_copy / "output").rglob("*.html"))
    for path in pages:
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").footer
        assert "Đường dây nóng: 0238 3 844 555" in footer.get_text(), path
        target = footer.a["href"]
        assert target.startswith("/") or (path.parent / target).is_file(), (path, target)
    assert len(pages) > 50



def test_a_block_nested_in_a_block_is_a_hook_and_a_missing_layout_is_named(site_copy):
    """A child's own blocks inside its 'main' are hooks for templates that
    extend it, not blocks its layout must have; extending a layout that is
    not there says so."""
    (site_copy / "templates").mkdir()
    (site_copy / "templates/page.html").write_text(
        "{% extends 'base.html' %}{% block main %}<div>{% block body %}{{ page.body|markdown }}"
        "{% endblock %}</div>{% endblock %}", encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy))
    assert "lỗi/error" not in result.stderr, result.stderr
    (site_copy / "templates/page.html").write_text(
        "{% extends 'layuot.html' %}{% block main %}x{% endblock %}", encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy))
    assert "templates/page.html:1:1: lỗi/error: mẫu page.html mở rộng (extends) mẫu khung " \
           "'layuot.html' nhưng không có mẫu ấy" in result.stderr, result.stderr


def test_check_and_build_name_the_same_page_for_one_template_mistake(site_copy):
    (site_copy / "templates").mkdir()
    for name in ("agency.html", "home.html"):  # a record's page and the home page both fail
        theme = (ROOT / "cchc_site/templates" / name).read_text(encoding="utf-8")
        (site_copy / "templates" / name).write_text(
            theme.replace("{% block main %}", "{% block main %}{{ site.khong_co }}", 1),
            encoding="utf-8")
    said = [next(line for line in run_cli(command, "--site", str(site_copy)).stderr.splitlines()
                 if "lỗi/error" in line) for command in ("check", "build")]
    assert said[0] == said[1] and "khi dựng /co-quan/" in said[0], said


def test_a_parallel_build_names_the_page_a_build_in_one_process_names(tmp_path, monkeypatch):
    """Workers render the home page and lists first; the failure reported is
    still the first in one process's order (and check's), on any core count."""
    import sys
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate
    site = tmp_path / "site"
    generate(site, agencies=3, years=2)  # over the parallel threshold
    (site / "templates").mkdir()
    for name in ("agency.html", "home.html"):
        theme = (ROOT / "cchc_site/templates" / name).read_text(encoding="utf-8")
        (site / "templates" / name).write_text(
            theme.replace("{% block main %}", "{% block main %}{{ site.khong_co }}", 1),
            encoding="utf-8")
    said = {}
    for workers, command in (("1", "build"), ("2", "build"), ("2", "check")):
        monkeypatch.setenv("CCHC_SITE_WORKERS", workers)
        said[workers, command] = next(
            line for line in run_cli(command, "--site", str(site)).stderr.splitlines()
            if "lỗi/error" in line)
    assert len(set(said.values())) == 1 and "khi dựng /co-quan/" in said["1", "build"], said


def test_the_dev_servers_builder_checks_a_template_again_once_it_changes(site_copy, tmp_path):
    """The theme check is remembered between rebuilds while no template file
    changes: a block mistyped, fixed, then mistyped again is seen each time."""
    from cchc_site.build import Builder
    (site_copy / "templates").mkdir()
    page = site_copy / "templates/page.html"
    theme = (ROOT / "cchc_site/templates/page.html").read_text(encoding="utf-8")
    builder = Builder(site_copy, tmp_path / "live")
    for text, fails in [(theme.replace("block main", "block mian"), True), (theme, False),
                        (theme.replace("block main", "block maine"), True)]:
        page.write_text(text, encoding="utf-8")
        said = [p.vi for p in builder.build().problems.errors]
        assert any("không có trong mẫu khung base.html" in vi for vi in said) == fails, said


def test_a_renamed_plans_former_addresses_lead_to_its_new_ones(site_copy):
    """A plan's file renamed, its pages move: the portal's links, bookmarks and
    search results to the old addresses would end on the 404 page. With the
    former id under 'aliases', each old page (the plan's, each task's) leads
    to its new one, and is neither listed nor indexed."""
    old = site_copy / "content/plans/so-khcn-nghe-an-2023.yaml"
    new = old.with_name("kh-cchc-2023.yaml")
    new.write_text(old.read_text(encoding="utf-8") + "aliases: [so-khcn-nghe-an-2023]\n",
                   encoding="utf-8")
    old.unlink()
    report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace(
        "plan: so-khcn-nghe-an-2023", "plan: kh-cchc-2023"), encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    output = site_copy / "output"
    for former, current in [("ke-hoach/so-khcn-nghe-an-2023/", "ke-hoach/kh-cchc-2023/"),
                            ("ke-hoach/so-khcn-nghe-an-2023/nhiem-vu/ii-1/",
                             "ke-hoach/kh-cchc-2023/nhiem-vu/ii-1/")]:
        soup = BeautifulSoup((output / former / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        target = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
        assert target.startswith("0; url=")
        assert (output / former / target.removeprefix("0; url=")).resolve() == \
            (output / current / "index.html").resolve()
        assert soup.find("link", rel="canonical")["href"] == "https://cchc.example.gov.vn/" + current
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert soup.html["lang"] == "vi" and soup.find("a", href=target.removeprefix("0; url="))
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "ke-hoach/kh-cchc-2023/" in sitemap and "ke-hoach/so-khcn-nghe-an-2023/" not in sitemap
    # a former id that is another plan's current one: the two addresses collide
    taken = site_copy / "content/plans/so-khdt-tuyen-quang-2023.yaml"
    new.write_text(new.read_text(encoding="utf-8").replace(
        "aliases: [so-khcn-nghe-an-2023]", "aliases: [so-khdt-tuyen-quang-2023]"), encoding="utf-8")
    checked = run_cli("check", "--site", str(site_copy))
    told = [line for line in checked.stderr.splitlines() if "aliases: mã cũ" in line]
    assert checked.returncode == 1 and len(told) == 1, checked.stderr  # not once a task
    assert told[0].startswith("content/plans/kh-cchc-2023.yaml:") and \
        "mã cũ này cho địa chỉ /ke-hoach/so-khdt-tuyen-quang-2023/, mà trang tạo từ " \
        "content/plans/so-khdt-tuyen-quang-2023.yaml:" in told[0]
    assert taken.exists()


def procedure_page(site: Path, fields: str):
    """The page, parsed, of a procedure 1.999999 added to the example's catalogue
    with these ``fields`` (YAML lines), and what its facts list gives, by name."""
    catalogue = site / "content/tthc/so-khcn-thua-thien-hue.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + (
        '  - code: "1.999999"\n    name: Thủ tục thử\n    field: Thử\n' + fields), encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    soup = BeautifulSoup((site / "output/thu-tuc/so-khcn-thua-thien-hue/1-999999/index.html")
                         .read_text(encoding="utf-8"), "html.parser")
    return soup, {dt.get_text(strip=True): dt.find_next("dd").get_text(strip=True)
                  for dt in soup.select("main dl dt")}


def test_a_procedures_blank_field_does_not_blame_its_source(site_copy):
    """The source named on the page (a decision) may well state the legal basis
    the editor has not typed in yet: a blank is 'not given' here, not 'the
    source does not say'."""
    soup, given = procedure_page(site_copy, "    source: qd-1670-tin\n")
    assert given["Căn cứ pháp lý"] == given["Phí, lệ phí"] == "Không ghi"
    assert "Nguồn không ghi" not in soup.get_text()


def test_a_catalogues_filter_suggests_one_of_its_own_procedures_and_groups_fields_as_written(
        tmp_path):
    """The filter's example was the science department's 'giay phep x quang' on
    every catalogue; and 'Hộ  tịch' with two spaces made a second section."""
    catalogue_site(tmp_path,
                   '  - {code: "1.001193", name: Thủ tục đăng ký khai sinh, field: Hộ tịch}\n'
                   '  - {code: "1.001195", name: Thủ tục đăng ký kết hôn có yếu tố nước ngoài, '
                   'field: Hộ  tịch}\n')
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    soup = BeautifulSoup((tmp_path / "output/thu-tuc/so-tu-phap/index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert soup.select_one("#loc-ten")["placeholder"] == "vd. dang ky khai sinh"
    assert [h2.get_text(strip=True) for h2 in soup.select("main h2[id^=lv-]")] == ["Hộ tịch (2)"]
    assert [o.get_text() for o in soup.select("#loc-linh-vuc option")] == ["Tất cả lĩnh vực", "Hộ tịch"]
    assert {tr["data-field"] for tr in soup.select("tr[data-field]")} == {"Hộ tịch"}


def test_a_catalogues_fields_come_in_vietnamese_order_each_table_named_for_its_field(tmp_path):
    """'Đo lường' came after 'Ô tô' (code-point order), and a field's download
    was bang-lv-2, another field's once a field was added before it."""
    catalogue_site(tmp_path, "".join(
        f"  - {{id: tt-{i}, name: Thủ tục {i}, field: {field}}}\n"
        for i, field in enumerate(("Ô tô", "Đo lường", "An toàn", "Ứng dụng", "Dân tộc"))))
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    soup = BeautifulSoup((tmp_path / "output/thu-tuc/so-tu-phap/index.html").read_text(
        encoding="utf-8"), "html.parser")
    fields = ["An toàn", "Dân tộc", "Đo lường", "Ô tô", "Ứng dụng"]
    assert [h2.get_text(strip=True) for h2 in soup.select("main h2[id^=lv-]")] == \
        [f"{field} (1)" for field in fields]
    assert [o.get_text() for o in soup.select("#loc-linh-vuc option")][1:] == fields
    assert [c["id"] for c in soup.select("caption[id^=bang-lv-]")] == [
        "bang-lv-an-toan", "bang-lv-dan-toc", "bang-lv-do-luong", "bang-lv-o-to", "bang-lv-ung-dung"]
    assert (tmp_path / "output/thu-tuc/so-tu-phap/bang-lv-do-luong.csv").is_file()


def test_a_procedure_says_where_to_submit_and_the_open_data_too(site_copy):
    """A citizen's first question after the fee: where to go. The decisions
    give 'Địa điểm thực hiện'; it had nowhere to be written."""
    soup, given = procedure_page(
        site_copy, "    location: Trung tâm Phục vụ hành chính công tỉnh, 01 Lê Lai, TP Huế\n"
        "    link: https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc.html?ma=1.999999\n")
    assert given["Địa điểm thực hiện"] == "Trung tâm Phục vụ hành chính công tỉnh, 01 Lê Lai, TP Huế"
    import csv
    with open(site_copy / "output/du-lieu/thu-tuc.csv", encoding="utf-8-sig", newline="") as f:
        rows = {row["ma_tthc"]: row for row in csv.DictReader(f)}
    assert rows["1.999999"]["dia_diem"] == given["Địa điểm thực hiện"]
    assert rows["1.999999"]["lien_ket"] == soup.find("dt", string="Thực hiện trực tuyến") \
        .find_next("a")["href"]


def test_an_abolished_procedure_is_shown_as_abolished_not_as_one_to_apply_for(site_copy):
    """A later decision abolishes a procedure: deleting it lost its page and any
    trace; renaming it '(Đã bãi bỏ) …' left it listed and filtered as live.
    Marked 'abolished', it leaves the catalogue's tables for a list of its own,
    and its page, the search and the open data say since when and by what."""
    catalogue = site_copy / "content/tthc/so-khcn-thua-thien-hue.yaml"
    text = catalogue.read_text(encoding="utf-8")
    text = text.replace("sources:\n", "sources:\n  - id: qd-99\n    title: Quyết định số 99/QĐ-UBND "
                        "bãi bỏ TTHC\n    date: \"01/10/2024\"\n", 1)
    catalogue.write_text(text + (
        '  - code: "1.999999"\n    name: Thủ tục đã bỏ\n    field: Thử\n'
        '    abolished: {by: qd-99, date: "15/10/2024"}\n'), encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    output = site_copy / "output"
    listing = BeautifulSoup((output / "thu-tuc/so-khcn-thua-thien-hue/index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert not listing.select('#tthc-groups a[href*="1-999999"]')  # not among those to apply for
    assert "Thử" not in [o.get_text() for o in listing.select("#loc-linh-vuc option")]
    gone = listing.select_one("#da-bai-bo").find_parent("section")
    assert gone.find("a", href="1-999999/index.html").get_text() == "Thủ tục đã bỏ"
    assert "bãi bỏ từ ngày 15/10/2024 theo Quyết định số 99/QĐ-UBND bãi bỏ TTHC" in \
        gone.get_text(" ", strip=True)
    page = BeautifulSoup((output / "thu-tuc/so-khcn-thua-thien-hue/1-999999/index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert page.select_one("p.notice").get_text(" ", strip=True).startswith(
        "Thủ tục này đã bị bãi bỏ từ ngày 15/10/2024 theo Quyết định số 99/QĐ-UBND bãi bỏ TTHC")
    import csv
    with open(output / "du-lieu/thu-tuc.csv", encoding="utf-8-sig", newline="") as f:
        rows = {row["trang"].split("/")[-2]: row for row in csv.DictReader(f)}
    assert (rows["1-999999"]["bai_bo_tu"], rows["1-999999"]["bai_bo_theo"]) == (
        "2024-10-15", "Quyết định số 99/QĐ-UBND bãi bỏ TTHC")
    live = rows["cap-giay-phep-x-quang"]
    assert live["bai_bo_tu"] == live["bai_bo_theo"] == ""
    index = (output / "search-index.js").read_text(encoding="utf-8")
    assert "Thủ tục đã bỏ (đã bãi bỏ)" in index
    catalogue.write_text(text.replace("sources:\n  - id: qd-99", "sources:\n  - id: qd-98") + (
        '  - code: "1.999999"\n    name: Thủ tục đã bỏ\n    field: Thử\n'
        '    abolished: {by: qd-99}\n'), encoding="utf-8")
    checked = run_cli("check", "--site", str(site_copy))
    assert "abolished.by: không có nguồn 'qd-99'" in checked.stderr, checked.stderr


def test_a_fee_amended_by_a_later_decision_is_told_as_amended_not_as_sources_disagreeing(
        site_copy):
    """A decision amending a fee replaces the earlier one: the page said 'Các
    nguồn không thống nhất với nhau', which was false."""
    catalogue = site_copy / "content/tthc/so-khcn-thua-thien-hue.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("sources:\n", (
        "sources:\n  - id: qd-cu\n    title: Quyết định số 10/QĐ-UBND\n    date: \"01/02/2023\"\n"
        "  - id: qd-moi\n    title: Quyết định số 99/QĐ-UBND sửa đổi\n    date: \"01/10/2024\"\n"
        "    replaces: [qd-cu]\n"), 1) + (
        '  - code: "1.999999"\n    name: Thủ tục sửa phí\n    field: Thử\n    fee: 200.000 đồng\n'
        "    processing_time: 10 ngày\n    source: qd-moi\n"
        "    other_sources:\n      - {source: qd-cu, fee: 150.000 đồng, processing_time: 15 ngày}\n"),
        encoding="utf-8")
    assert run_cli("build", "--site", str(site_copy)).returncode == 0
    output = site_copy / "output/thu-tuc/so-khcn-thua-thien-hue"
    page = BeautifulSoup((output / "1-999999/index.html").read_text(encoding="utf-8"), "html.parser")
    assert not page.select("#nguon-khac") and "không thống nhất" not in page.get_text()
    earlier = page.select_one("#truoc-sua-doi").find_parent("section")
    assert "Quyết định số 99/QĐ-UBND sửa đổi (01/10/2024) thay thế Quyết định số 10/QĐ-UBND " \
           "(01/02/2023)" in earlier.get_text(" ", strip=True)
    assert "150.000\xa0đồng" in earlier.get_text() and "15 ngày" in earlier.get_text()  # fees filter
    listing = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    row = listing.find("a", href="1-999999/index.html").find_parent("tr")
    assert "Nguồn khác ghi khác" not in row.get_text()
