"""Property-based tests (Hypothesis): whatever the input, a clear error or a
valid result — never an uncaught exception — and no markup that could run."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_site import model
from cchc_site.deadlines import interpret as read_deadline
from cchc_site.load import Mapping, parse_yaml
from cchc_site.markup import render_cell, render_markdown
from cchc_site.problems import Problems
from cchc_site.targets import interpret as read_target
from cchc_site.validate import build_record

EXAMPLES = int(os.environ.get("CCHC_HYPOTHESIS_EXAMPLES", "3000"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = st.sampled_from([
    "agency: so-mau\n", "year: 2024\n", "title: Kế hoạch\n", "areas:\n", "  - title: I\n",
    "    tasks:\n", "      - task: việc\n", "        lead: [van-phong]\n", "date: 31/02/2023\n",
    "\t", " ", ":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/name:os.system", "#",
    "\"", "'", "|\n", ">\n", "\x00", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x07",
    "\u00a0", "\ufeff", "ệ", "đ", "e\u0301", "\n",
    "year: 20244\n", "number: 1.004510\n", "draft: yes\n", "? a\n: b\n", "--- \n", "...\n",
])
yaml_texts = st.one_of(st.text(max_size=400), st.lists(YAML_PIECES, max_size=40).map("".join))


def test_files_with_old_mac_line_endings_read_like_any_other(tmp_path):
    from cchc_site.load import read_text
    problems = Problems()
    text = read_text("agency: so-mau\ryear 2024\rtitle: x\r".encode(), "x.yaml", problems)
    assert parse_yaml(text, "x.yaml", problems) is None
    assert [(p.loc.line, p.loc.column) for p in problems] == [(2, 1)]  # the line with no ':'


@SETTINGS
@given(yaml_texts, st.sampled_from([model.Plan, model.Report, model.Agency, model.Catalogue,
                                    model.SiteConfig]))
def test_loader_and_validator_never_crash(text, kind):
    problems = Problems()
    tree = parse_yaml(text, "content/plans/x.yaml", problems)
    if tree is None:
        assert problems.errors  # could not parse: said so, with a place
        assert all(p.loc.file == "content/plans/x.yaml" and p.vi and p.en for p in problems)
        return
    record = build_record(kind, tree, "content/plans/x.yaml", problems)
    if isinstance(tree, Mapping):
        assert isinstance(record, kind)
    else:
        assert record is None and problems.errors
    for problem in problems:
        assert problem.vi and problem.en


FLOW_PIECES = st.sampled_from(["[", "[[[[[[[[[[", "]", "]]]]]", "{", "}", "\"", "'", "''", "\\",
                               "#", " #", "a#b", "\n", " ", "a"])


@SETTINGS
@given(st.lists(FLOW_PIECES, min_size=5, max_size=80).map("".join))
def test_the_quick_nesting_bound_never_lets_a_deep_file_through(text):
    """The regex bound may only skip the scan where the scan finds nothing."""
    from cchc_site.load import _flow_too_deep, _scan_flow
    quick, full = Problems(), Problems()
    assert _flow_too_deep(text, "x.yaml", quick) == _scan_flow(text, "x.yaml", full)
    assert quick == full


DEADLINE_PIECES = st.sampled_from(["Quý", "I", "II", "IV", "V", "Tháng", "Năm", "năm", "ngày",
                                   "Trước", "Thường xuyên", "Khi", "định kỳ", "/", "-", ";",
                                   " ", "0", "13", "31", "2023", "99999", "6 tháng đầu năm",
                                   "\n", "- ", "tháng 02", "30/02"])


@SETTINGS
@given(st.one_of(st.text(max_size=80), st.lists(DEADLINE_PIECES, max_size=12).map(" ".join)),
       st.integers(min_value=-5, max_value=10_000))
def test_deadline_reading_never_crashes(text, year):
    deadline = read_deadline(text, year)
    assert deadline.text == text
    if deadline.due is not None:
        assert 1900 <= deadline.due.year <= 2200


TARGET_PIECES = st.sampled_from(["trên", "từ", "đến", "trở lên", "tối thiểu", "tối đa",
                                 "tăng thêm", "so với năm", "%", "95", "95,5", "1.000", "0",
                                 "phút/01 lần giao dịch", "ngày", "giảm", "dưới", "100",
                                 "hồ sơ", "Tỷ lệ", ",", ".", " "])


@SETTINGS
@given(st.one_of(st.text(max_size=120), st.lists(TARGET_PIECES, max_size=15).map(" ".join)))
def test_target_reading_never_crashes(text):
    spec = read_target(text)
    assert spec.text == text
    if spec.interpreted:
        assert spec.comparison and spec.value is not None


HTML_PIECES = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>", "<svg onload=alert(1)>", "<iframe src=//x>",
    "\"><script>", "</textarea>", "<style>*{}</style>", "[x](data:text/html,<script>)",
    "![i](javascript:alert(1))", "<a href=\"&#106;avascript:alert(1)\">x</a>", "**b**", "# h",
    "<details open ontoggle=alert(1)>", "<math><mi xlink:href=javascript:alert(1)>",
    "<object data=javascript:alert(1)>", "<form action=javascript:alert(1)><button>",
    "\n", " ", "text", "<", ">", "&", "\"", "'", "`"])
class _Runnable(HTMLParser):
    """Finds what a browser could run: script-capable elements, event
    handler attributes, and javascript:/data:/vbscript: addresses."""

    TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "form", "details",
            "base", "meta", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in self.TAGS:
            self.found.append(tag)
        for name, value in attrs:
            address = re.sub(r"[\s\x00-\x1f]", "", (value or "")).lower()
            if name.startswith("on") or address.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag} {name}={value}")


def runnable(html: str) -> list[str]:
    parser = _Runnable()
    parser.feed(html)
    return parser.found


@SETTINGS
@given(st.one_of(st.text(max_size=200), st.lists(HTML_PIECES, max_size=12).map("".join)))
def test_markdown_and_cells_never_produce_runnable_markup(text):
    for html in (str(render_markdown(text)), str(render_cell(text)), str(render_markdown(text, 2))):
        assert runnable(html) == [], html


def test_the_checker_finds_runnable_markup():
    assert runnable('<img src=x onerror="alert(1)">') == ["img onerror=alert(1)"]
    assert runnable('<a href=" java\tscript:x">a</a>') != []
    assert runnable("&lt;script&gt;") == []


SEGMENTS = st.sampled_from(["ke-hoach", "bao-cao", "co-quan", "so-a", "so-a-2023", "nhiem-vu",
                            "ii-1", "don-vi", "tim-kiem"])
SITE_PATHS = st.builds(lambda parts, page: "/".join(parts) + ("/" if parts else "") + page,
                       st.lists(SEGMENTS, max_size=5), st.sampled_from(["", "404.html"]))


@SETTINGS
@given(SITE_PATHS, SITE_PATHS, st.sampled_from(["", "#nv-ii-1"]))
def test_every_link_between_pages_leads_to_its_target(here, there, anchor):
    """rel() from any page to any page, whether they share folders or not,
    opens the target's file from the disk."""
    import posixpath

    from cchc_site.render import _linker
    from cchc_site.routes import Route
    link = _linker(Route(here, "page.html", model.Loc("x")), "https://x.gov.vn/")(there + anchor)
    path, _, fragment = link.partition("#")
    folder = posixpath.dirname(here if not here.endswith("/") else here + "index.html")
    target = there + "index.html" if not there or there.endswith("/") else there
    assert posixpath.normpath(posixpath.join(folder, path)) == posixpath.normpath(target)
    assert fragment == anchor[1:]
