"""`cchc-site check` on content with many kinds of mistakes: every one is
reported with file:line:column, in Vietnamese and English, and exit is 1."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import as_windows_1252, catalogue_site, run_cli

SITE = """\
title: Thử lỗi
base_url: https://cchc.sothu.gov.vn/
"""

AGENCY = """\
name: Sở Thử
units:
  - id: van-phong
    name: Văn phòng Sở
  - id: van-phong
    name: Văn phòng trùng
  - id: phong-a
    name: Phòng A
    kind: phongg
"""

PLAN = """\
agency: so-thu
year: hai nghìn
title: Kế hoạch thử
date: 31/02/2023
number: 01/KH
numbr: 02/KH
draft: maybe
targets:
  - id: t1
    text: đạt 100%
  - id: t1
    text: đạt 90%
areas:
  - number: "I"
    title: Thể chế
    standard: the-chee
    tasks:
      - number: "1"
        task: Việc một
        lead: [van-phong, phong-khong-co]
        deadline: Quý I
      - number: "1"
        task: Việc trùng số
      - number: "2"
        lead: [van-phong]
"""

REPORT = """\
agency: so-thu
plan: ke-hoach-khac
year: 2023
period: quy-5
title: Báo cáo thử
title: Báo cáo thử lần hai
tasks:
  - task: "I.9"
    status: hoan-thanh
"""

REPORT_ON_PLAN = """\
agency: so-thu
plan: so-thu-2023
year: 2023
period: nam
title: Báo cáo có nhiệm vụ lạ
tasks:
  - task: "I.9"
    status: xong
dossiers:
  received: "149,5"
"""

CATALOGUE = """\
agency: so-khac
title: Danh mục thử
procedures:
  - code: 1.004510
    name: Thủ tục một
    field: Lĩnh vực
  - code: "1.004510"
    name: Thủ tục trùng mã
    field: Lĩnh vực
  - name: Thủ tục không mã
    field: Lĩnh vực
    source: nguon-khong-co
"""


def checked(site: Path, files: dict[str, str]) -> str:
    """What check says of the sample agency's site with these files added."""
    sample_agency_site(site)
    for rel, text in files.items():
        write(site, rel, text)
    return run_cli("check", "--site", str(site)).stderr


def sample_agency_site(site: Path) -> None:
    """A site.yaml and one agency, so-mau, with no units: what a test adds its files to."""
    write(site, "site.yaml", SITE)
    write(site, "content/agencies/so-mau.yaml", "name: Sở Mẫu\n")


def warnings(stderr: str) -> list[str]:
    """The warnings' lines of a run's output, in Vietnamese (each is followed by its English)."""
    return [line for line in stderr.splitlines() if ": cảnh báo/warning: " in line]


def write(site: Path, rel: str, text: str | bytes) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> tuple[int, str]:
    site = tmp_path_factory.mktemp("broken")
    write(site, "site.yaml", SITE)
    write(site, "content/agencies/so-thu.yaml", AGENCY)
    write(site, "content/plans/so-thu-2023.yaml", PLAN)
    write(site, "content/reports/bao-cao-1.yaml", REPORT)
    write(site, "content/reports/bao-cao-2.yaml", REPORT_ON_PLAN)
    write(site, "content/tthc/danh-muc.yaml", CATALOGUE)
    write(site, "content/plans/tabs.yaml", "agency: so-thu\nyear: 2023\ntitle: x\nareas:\n\t- title: y\n")
    write(site, "content/plans/legacy.yaml", "title: Kế hoạch\n".encode("utf-16"))
    write(site, "content/plans/tcvn3.yaml", "title: K\xea ho\xb9ch\n".encode("latin-1"))
    write(site, "content/plans/alias.yaml",
          "agency: so-thu\nyear: 2023\ntitle: &t Kế hoạch\nplace: *t\n")
    write(site, "content/plans/tag.yaml", "agency: so-thu\nyear: !!python/int 2023\ntitle: x\n")
    write(site, "content/plans/Ke Hoach Moi.yaml", "agency: so-thu\nyear: 2023\ntitle: x\n")
    write(site, "content/pages/ke-hoach.md", "---\ntitle: Trùng địa chỉ\n---\nNội dung\n")
    write(site, "content/pages/con.md", "---\ntitle: Con\n---\nNội dung\n")
    write(site, "content/ghi-chu.txt", "không dùng")
    write(site, "content/reports/bao-cao-3.YAML", REPORT)
    write(site, "content/reports/bao-cao-4.yaml.txt", REPORT)
    write(site, "content/agencies/so-thu.yml", "name: Sở Thử bản sao\n")
    write(site, "content/agencies/so-hai.yaml",
          "name: Sở Hai\nunits:\n  - id: Phòng Một\n    name: Phòng Một\n")
    result = run_cli("check", "--site", str(site))
    return result.returncode, result.stderr


def test_exit_status_is_one(broken):
    assert broken[0] == 1


CASES = [
    # (kind of mistake, file:line:column, words of the Vietnamese message)
    ("wrong type", "content/plans/so-thu-2023.yaml:2:7", "cần số nguyên"),
    ("impossible date", "content/plans/so-thu-2023.yaml:4:7", "cần một ngày có trên lịch"),
    ("unknown key with suggestion", "content/plans/so-thu-2023.yaml:6:1",
     "không có trường 'numbr'; có phải ý bạn là 'number'"),
    ("bad boolean", "content/plans/so-thu-2023.yaml:7:8", "cần true hoặc false"),
    ("duplicate target id", "content/plans/so-thu-2023.yaml:11:9", "mã chỉ tiêu 't1' bị trùng"),
    ("value not in vocabulary", "content/plans/so-thu-2023.yaml:16:15",
     "giá trị 'the-chee' không hợp lệ"),
    ("dangling unit reference", "content/plans/so-thu-2023.yaml:20:27",
     "không có đơn vị 'phong-khong-co'"),
    ("duplicate task id", "content/plans/so-thu-2023.yaml:22:17", "mã nhiệm vụ 'I.1' bị trùng"),
    ("missing required field", "content/plans/so-thu-2023.yaml:24:9",
     "thiếu trường bắt buộc 'task'"),
    ("duplicate unit id", "content/agencies/so-thu.yaml:5:9", "mã đơn vị 'van-phong' bị trùng"),
    ("bad unit kind", "content/agencies/so-thu.yaml:9:11", "có phải ý bạn là 'phong'"),
    ("duplicate YAML key", "content/reports/bao-cao-1.yaml:6:1",  # named once, not as a bare path
     "lỗi/error: trường 'title' bị lặp lại (đã có ở dòng 5): chỉ giữ một, hãy xóa dòng sai"),
    ("bad period", "content/reports/bao-cao-1.yaml:4:9", "giá trị 'quy-5' không hợp lệ"),
    ("dangling plan reference", "content/reports/bao-cao-1.yaml:2:7", "không có kế hoạch 'ke-hoach-khac'"),
    ("dangling task reference", "content/reports/bao-cao-2.yaml:7:11",
     "kế hoạch 'so-thu-2023' không có nhiệm vụ 'I.9'; lĩnh vực I có các nhiệm vụ I.1, I.2"),
    ("bad status", "content/reports/bao-cao-2.yaml:8:13", "giá trị 'xong' không hợp lệ"),
    ("fraction in a count", "content/reports/bao-cao-2.yaml:10:13", "cần số nguyên"),
    ("dangling agency reference", "content/tthc/danh-muc.yaml:1:9", "không có cơ quan 'so-khac'"),
    ("duplicate TTHC code (unquoted code kept as typed)", "content/tthc/danh-muc.yaml:7:11",
     "mã '1.004510' trùng"),
    ("dangling source reference", "content/tthc/danh-muc.yaml:12:13",
     "không có nguồn 'nguon-khong-co'"),
    ("tab indentation", "content/plans/tabs.yaml:5:1",
     "có ký tự Tab ở đầu dòng; YAML chỉ cho thụt lề bằng dấu cách: hãy xóa phần thụt lề"),
    ("UTF-16 file", "content/plans/legacy.yaml", "tệp được lưu với mã hóa UTF-16 (Notepad gọi "
     "là “Unicode”), không phải UTF-8; hãy lưu lại với mã hóa UTF-8: trong Notepad, Tệp › Lưu "
     "thành… › Mã hóa: UTF-8"),
    ("legacy encoding", "content/plans/tcvn3.yaml:1:1", "không phải mã hóa UTF-8 (có thể là "
     "Windows-1258, TCVN3 hay VNI); hãy lưu lại với mã hóa UTF-8: trong Notepad"),
    ("extension in capitals", "content/reports/bao-cao-3.YAML", "tệp này không được dùng vì đuôi "
     "tệp không phải .yaml: hãy đổi tên thành bao-cao-3.yaml"),
    ("extension added by an editor", "content/reports/bao-cao-4.yaml.txt", "hãy đổi tên thành "
     "bao-cao-4.yaml"),
    ("YAML alias", "content/plans/alias.yaml:4:8", "bí danh"),
    ("YAML tag", "content/plans/tag.yaml:2:7", "thẻ YAML"),
    ("file name that cannot be an id", "content/plans/Ke Hoach Moi.yaml", "không dùng làm mã"),
    ("name Windows keeps for a device", "content/pages/con.md", "tên tệp 'con' là tên Windows "
     "dành cho thiết bị: thư mục con/ của trang không tạo được trên máy chủ Windows (IIS)"),
    ("two pages on one URL", "content/pages/ke-hoach.md:2:1", "trùng địa chỉ /ke-hoach/"),
    ("stray file", "content/ghi-chu.txt", "tệp này không được dùng"),
    ("two files with one id", "content/agencies/so-thu.yml", "trùng mã 'so-thu' với tệp"),
    ("id that cannot go in a URL", "content/agencies/so-hai.yaml:3:9",
     "ví dụ 'phong-mot'"),
]


@pytest.mark.parametrize("kind, where, words", CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_where_it_is(broken, kind, where, words):
    stderr = broken[1]
    lines = [line for line in stderr.splitlines() if line.startswith(where + ":")]
    assert any(words in line for line in lines), f"{kind}: no '{words}' at {where} in:\n{stderr}"


def test_every_problem_has_an_english_line(broken):
    lines = broken[1].splitlines()
    problems = [i for i, line in enumerate(lines) if ": lỗi/error: " in line
                or ": cảnh báo/warning: " in line]
    assert len(problems) >= len(CASES)
    for i in problems:
        assert lines[i + 1].startswith("    ") and re.search(r"[a-z]{3}", lines[i + 1])


def test_no_traceback(broken):
    assert "Traceback" not in broken[1]


def test_unquoted_values_arrive_as_typed(tmp_path):
    site = tmp_path
    write(site, "site.yaml", SITE)
    write(site, "content/agencies/so-thu.yaml", "name: Sở Thử\n")
    write(site, "content/tthc/dm.yaml", textwrap.dedent("""\
        agency: so-thu
        title: Danh mục
        procedures:
          - code: 1.004510
            name: no
            field: 2023-01-31
            fee: yes
        """))
    result = run_cli("build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    html = (site / "output/thu-tuc/dm/1-004510/index.html").read_text(encoding="utf-8")
    assert "1.004510" in html
    assert "<h1>no</h1>" in html
    assert "2023-01-31" in html
    assert ">yes<" in html


def test_strict_turns_warnings_into_errors(tmp_path):
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-thu.yaml", "name: Sở Thử\n")
    write(tmp_path, "content/ghi-chu.txt", "không dùng")
    relaxed = run_cli("check", "--site", str(tmp_path))
    strict = run_cli("check", "--site", str(tmp_path), "--strict")
    assert relaxed.returncode == 0 and "cảnh báo/warning" in relaxed.stderr
    assert strict.returncode == 1 and "--strict" in strict.stderr


PLAN_USING_UNITS = """\
agency: so-mau
year: 2024
title: Kế hoạch
areas:
  - number: "I"
    title: Thể chế
    tasks:
      - number: "1"
        task: Việc một
        lead: [van-phong]
"""


@pytest.mark.parametrize("agency_text, expected", [
    ("name Sở Mẫu\nunits: []\n", "content/agencies/so-mau.yaml:1:1"),
    ("name: Sở Mẫu\nunits:\n  van-phong: Văn phòng Sở\n", "content/agencies/so-mau.yaml:3:3"),
    ("name: Sở Mẫu\nunits:\n  - id: Văn Phòng\n    name: Văn phòng Sở\n",
     "content/agencies/so-mau.yaml:3:9"),
    ("name: Sở Mẫu\nunits:\n\t- id: van-phong\n", "content/agencies/so-mau.yaml:3:1"),
], ids=["missing colon", "units as a mapping", "unit id with diacritics", "tab"])
def test_one_mistake_gives_one_error_not_a_cascade(tmp_path, agency_text, expected):
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-mau.yaml", agency_text)
    write(tmp_path, "content/plans/so-mau-2024.yaml", PLAN_USING_UNITS)
    result = run_cli("check", "--site", str(tmp_path))
    errors = [line for line in result.stderr.splitlines() if "lỗi/error" in line]
    assert result.returncode == 1
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(expected), result.stderr


def test_a_plans_unknown_agency_is_one_error_for_its_reports_too(tmp_path):
    """A report on a plan whose agency is mistyped: the plan's tasks are not
    read, and the report's lines naming them are not errors of their own."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml",
          PLAN_USING_UNITS.replace("agency: so-mau", "agency: so-mau2").replace(
              "        lead: [van-phong]\n", "        budget: 5 triệu đồng\n") +
          "appendix:\n  budget_total: 5 triệu đồng\n")  # no tasks read: nothing to add up
    write(tmp_path, "content/reports/so-mau-2024-quy-1.yaml",
          "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: quy-1\ntitle: Báo cáo\n"
          "tasks:\n  - task: I.1\n    status: dang-thuc-hien\n")
    result = run_cli("check", "--site", str(tmp_path))
    problems = [line for line in result.stderr.splitlines() if "/error: " in line or
                "/warning: " in line]
    assert result.returncode == 1
    assert problems == [problems[0]] and problems[0].startswith(
        "content/plans/so-mau-2024.yaml:1:9: lỗi/error: agency: không có cơ quan 'so-mau2'"), \
        result.stderr


SYNTAX = [
    ("year 2024\n", "3:1", "thiếu dấu ':' sau tên trường"),
    # a list item's field with no colon, its neighbours below it: the colon, not the indentation
    ("areas:\n  - number: I\n    tasks:\n      - task: a\n        lead: b\n      - task \"c\"\n"
     "        lead: d\n", "8:9", "dòng này thiếu dấu ':' sau tên trường: hãy viết '- task: \"c\"'"),
    ("areas:\n  - number I\n    title: a\n", "4:5", "hãy viết '- number: I'"),
    ("title: Kế hoạch: năm 2024\n", "3:8", "nội dung có dấu ': '"),
    ('number: "01/KH\n', "3:9", "dấu ngoặc kép mở ở đây chưa được đóng"),
    # closed by the next value's opening quote: the mistake is where it opened, not there
    ('number: "01/KH\ndate: "15/01/2024"\n', "3:9", "không được đóng trên dòng này, nên giá "
     "trị chạy sang tận dấu ngoặc ở dòng 4"),
    ('number: "01/KH\nplace: Huế\ndate: "15/01/2024"\n', "3:9", "chạy sang tận dấu ngoặc ở "
     "dòng 5"),
    ("place: @abc\n", "3:8", "không được bắt đầu bằng ký tự '@'"),
    ("theme: *Quý II*\n", "3:8", "không được bắt đầu bằng ký tự '*'"),
    ("legal_basis: [a\n", "3:14", "chưa được đóng bằng ']'"),
    ("areas:\n  - title: I\n    tasks:\n      - task: a\n     lead: b\n", "7:6", "thụt lề"),
    ("place: a\n  theme: b\n", "4:3", "thụt lề sâu hơn dòng trên nên không đứng được ở đây; "
     "hãy thẳng cột với các trường cùng cấp (cột 1, như 'place:' ở dòng 3)"),
    ("areas:\n  - title: I\n      number: b\n", "5:7", "(cột 5, như 'title:' ở dòng 4)"),
    # one field stepped left out of its task: the mistake is that line, not the next
    ("areas:\n  - title: I\n    tasks:\n      - task: a\n        lead: b\n    deadline: Quý I\n"
     "      - task: c\n", "8:5", "dòng này ('deadline:') thụt lề ít hơn các dòng trên và dưới "
     "nó nên tách khỏi khối của chúng; hãy thẳng cột với các trường cùng cấp (cột 9, như "
     "'lead:' ở dòng 7)"),
    ("areas:\n  - title: I\n    tasks:\n      - task: a\n        lead: b\n      deadline: x\n",
     "8:7", "ở trên có cột 9, như 'lead:' ở dòng 7 hoặc cột 5, như 'tasks:' ở dòng 5"),
    # a list item above is named as written, not as a field '1:' that the file lacks
    ("appendix:\n  - 1\n  title: a\n", "5:3", "ở trên có cột 5, như '- 1' ở dòng 4 hoặc cột 1, "
     "như 'appendix:' ở dòng 3"),
    # a value starting with a quoted phrase: the quotes close before it ends, no indentation slip
    ('place: "Đang dự thảo 03 quyết định" quy định chi tiết\n', "3:8", "ngoặc kép đóng ở cột 35 "
     "trước khi giá trị kết thúc; YAML hiểu dấu ở đầu là của cả giá trị, nên phần sau dấu đóng bị "
     "thừa: hãy đặt cả giá trị trong dấu nháy đơn, place: '\"Đang dự thảo 03 quyết định\" quy định "
     "chi tiết', hoặc đừng bắt đầu giá trị bằng ngoặc kép"),
    ('areas:\n  - title: "Đang dự thảo "03" quyết định"\n', "4:12", "ngoặc kép đóng ở cột 26 trước "
     "khi giá trị kết thúc"),
    # a list item with no space after its '-', wherever YAML notices it: not an indentation slip
    ('areas:\n  - title: a\n  -title: "b"\n', "5:3", "YAML không nhận dòng này là mục danh sách: "
     "hãy thêm dấu cách sau dấu '-', viết - title: \"b\""),
    ("areas:\n  -title: a\n    number: b\n", "4:3", "hãy thêm dấu cách sau dấu '-'"),
    ("legal_basis:\n  - a\n  -b\n", "5:3", "hãy thêm dấu cách sau dấu '-', viết - b"),
    ("place: a\x07b\n", "3:9", "ký tự điều khiển U+0007"),
    ("areas:\n\u00a0 - title: a\n", "4:1", "khoảng trắng không ngắt"),
    ("areas:\n  - title: a\n    tasks:\n      - task: b\n        product: - Báo; - Kế\n",
     "7:18", "dấu '- ' ở giữa dòng"),
    ("year:\u00a02024\nplace: Huế\n", "3:5", "sau dấu ':' của tên trường cần một dấu cách "
     "thường (ở đây là dấu cách không ngắt, thường chép từ Word: hãy xóa và gõ lại)"),
    ("areas:\n  - title: a\n    tasks:\n      - task: b\n        deadline:Quý III\n", "7:17",
     "sau dấu ':' của tên trường cần một dấu cách thường"),
    ("place: “Kết quả: đã phát 24 tin”\n", "3:8", "ngoặc kép kiểu Word (“…”) không được YAML "
     "tính là ngoặc kép: hãy thay bằng ngoặc kép thường"),
    # a tab is invisible in a message: named, with what to type instead
    ("areas:\n  -\ttitle: a\n", "4:4", "có một dấu Tab ở đây; YAML không nhận Tab: hãy thay bằng "
     "dấu cách"),
    # a line of a '|' block indented less than its first: not a field gone astray
    ("sections:\n  - heading: a\n    body: |\n      Trong Quý I, Sở đã làm:\n\n        - việc một;\n"
     "     Dòng sau.\n", "9:6", "dòng này thụt vào ít hơn dòng đầu của khối văn bản 'body: |' ở "
     "dòng 5: mọi dòng của khối phải thụt vào ít nhất tới cột 7, như dòng 6"),
]


@pytest.mark.parametrize("tail, where, words", SYNTAX, ids=[s[2][:30] for s in SYNTAX])
def test_yaml_syntax_errors_point_at_the_mistake_and_say_how_to_fix_it(tmp_path, tail, where,
                                                                       words):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml", "agency: so-mau\ntitle: x\n" + tail)
    result = run_cli("check", "--site", str(tmp_path))
    first = [line for line in result.stderr.splitlines() if "lỗi/error" in line]
    assert result.returncode == 1 and len(first) == 1, result.stderr
    assert first[0].startswith(f"content/plans/so-mau-2024.yaml:{where}: lỗi/error: ")
    assert words in first[0]
    english = result.stderr.splitlines()[result.stderr.splitlines().index(first[0]) + 1]
    assert "invalid YAML" not in english and english.startswith("    ")


SMALL_PLAN = "agency: so-mau\nyear: 2024\ntitle: Kế hoạch\n"
SMALL_AGENCY = "name: Sở Mẫu\nunits:\n  - id: van-phong\n    name: Văn phòng Sở\n" \
               "  - id: phong-chuyen-mon\n    name: Các phòng chuyên môn\n"
TASK = "areas:\n  - number: \"I\"\n    title: Thể chế\n    tasks:\n      - number: \"1\"\n" \
       "        task: Việc một\n"

EDITOR_SLIPS = [
    # (file, text, line:column, words, is an error)
    ("plan", "agency: so-mau\nyear: 20244\ntitle: x\n", "2:7", "cần số từ 1945 đến 2100", True),
    # a year in words: its example is a year, and no deadline is set against a year of 0
    ("plan", "agency: so-mau\nyear: hai nghìn\ntitle: x\n" + TASK + "        deadline: Tháng 01/2024\n",
     "2:7", "cần số nguyên, ví dụ 2023, nhưng gặp 'hai nghìn'", True),
    ("report", "agency: so-mau\nyear: 2024\nperiod: Quý I\ntitle: x\ndossiers: {received: 3}\n",
     "3:9",
     "có phải ý bạn là 'quy-1'", True),
    ("report", "agency: so-mau\nyear: 2024\nperiod: nam\ntitle: x\ndossiers:\n  received: -3\n",
     "6:13", "không nhỏ hơn 0", True),
    ("site", "title: x\nbase_url: www.so mau.gov.vn\n", "2:11", "không phải địa chỉ web đầy đủ",
     True),
    # a code spelt with a space, not a hyphen: the code meant, as the other fields' choices are
    ("site", "title: x\nbase_url: https://so.gov.vn/\nlicense: CC-BY 4.0\n", "3:10",
     "có phải ý bạn là 'CC-BY-4.0'?", True),
    ("plan", SMALL_PLAN + TASK + "        lead: [Văn phòng Sở]\n", "10:16",
     "có phải ý bạn là 'van-phong'", True),
    ("plan", SMALL_PLAN + TASK + "        lead:\n          - van-phong\n          - phong-la\n",
     "12:13", "không có đơn vị 'phong-la'", True),  # the second item's line, not the first's
    ("plan", SMALL_PLAN + TASK + "        lead: [UBND các xã]\n", "10:16",
     "không có đơn vị 'UBND các xã'; đây là tên chứ không phải mã: hãy chuyển nguyên văn sang "
     "'lead_text', và nếu muốn trang nối nhiệm vụ với đơn vị, thêm đơn vị vào 'units' của "
     "content/agencies/so-mau.yaml", True),
    ("plan", SMALL_PLAN + TASK + "        lead: [Phòng chuyên môn]\n", "10:16",
     "có phải ý bạn là 'phong-chuyen-mon'", True),  # near the name of 'Các phòng chuyên môn'
    ("plan", SMALL_PLAN + TASK + "        support: van-phong, phong-chuyen-mon\n", "10:18",
     "hãy viết thành danh sách, mỗi mục một mã: [van-phong, phong-chuyen-mon]", True),
    ("plan", SMALL_PLAN + TASK + "        support: Văn phòng Sở, Trung tâm CNTT\n", "10:18",
     "hãy viết thành danh sách, mỗi mục một mã: [van-phong, ?]; không có đơn vị 'Trung tâm "
     "CNTT'", True),
    ("plan", "agency: so-mau\nyear: 2024\ntittle: Kế hoạch\n", "3:1",
     "có phải ý bạn là 'title'", True),
    # a comma inside braces cuts a value in two: said so, with the whole value quoted
    ("plan", SMALL_PLAN + "targets:\n  - {id: som, text: Hồ sơ trước hạn đạt 99,5%, where: Mục I}\n",
     "5:44", "trong {…} dấu phẩy ngăn các trường, nên giá trị của 'text' bị cắt ở dấu phẩy trước "
     "'5%'; hãy đặt cả giá trị trong dấu nháy: text: 'Hồ sơ trước hạn đạt 99,5%'", True),
    ("plan", SMALL_PLAN + "targets:\n  - {id: cc, text: Cải cách,  hiện đại hóa}\n", "5:31",
     "cắt ở dấu phẩy trước 'hiện đại hóa'; hãy đặt cả giá trị trong dấu nháy: text: 'Cải cách,  "
     "hiện đại hóa'", True),
    ("plan", SMALL_PLAN + TASK + "        product: Báo cáo #1 gửi Sở Nội vụ\n", "10:26",
     "bị YAML coi là chú thích", False),
    ("plan", SMALL_PLAN + "place: “Hà Nội”\n", "4:8", "dấu ngoặc kép kiểu Word", False),
    # '*Tin' is a YAML alias to nothing: said as the value's first character, as for '* Tin'
    ("plan", SMALL_PLAN + TASK + "        product: *Tin bài\n", "10:18",
     "giá trị không được bắt đầu bằng ký tự '*'", True),
    ("plan", SMALL_PLAN + "number: ‘15/KH-SNV’\n", "4:9", "dấu ngoặc kép kiểu Word ‘…’", False),
    ("plan", SMALL_PLAN + "date: “15/03/2024”\n", "4:7",
     "ngoặc kép kiểu Word “…” không phải ngoặc kép của YAML; hãy bỏ chúng, viết 15/03/2024", True),
    ("report", "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\ntasks:\n"
     "  - task: I.1\n    status: hoàn thành 80%\n", "8:13",
     "việc mới xong một phần là 'dang-thuc-hien'; ghi '80%' vào 'evidence'", True),
    ("plan", SMALL_PLAN + TASK + "        deadline: Trước 31/6/2024\n", "10:19",
     "chưa đọc được thời hạn 'Trước 31/6/2024' (31/6/2024 không có trên lịch): nếu chép nhầm, "
     "hãy sửa lại; nếu văn bản gốc ghi đúng như vậy, giữ nguyên và thêm dòng 'due:", False),
    ("plan", SMALL_PLAN + "date: 31/06/2024\n", "4:7", "'31/06/2024': tháng 6/2024 chỉ có 30 ngày",
     True),
    ("plan", SMALL_PLAN + "date: 06/25/2024\n", "4:7",
     "ngày viết trước tháng (ngày/tháng/năm): có phải 25/06/2024?", True),
    ("plan", "agency: so-mau\nyear: năm 2024\ntitle: Kế hoạch\n", "2:7",
     "hãy viết số 2024, không kèm chữ “năm”", True),
    ("report", "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\ntasks:\n"
     "  - task: I.1\n    status: Đã xong\n", "8:13", "có phải ý bạn là 'hoan-thanh'?", True),
    ("report", "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\ntasks:\n"
     "  - task: I.1\n    status: in-progress\n", "8:13", "có phải ý bạn là 'dang-thuc-hien'?",
     True),
    # a status said in the negative: not told to write the opposite, nor that none was written
    ("report", "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\ntasks:\n"
     "  - task: I.1\n    status: Chưa hoàn thành\n    evidence: Đang làm dở\n", "8:13",
     "có phải ý bạn là 'dang-thuc-hien'?", True),
    ("report", "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\ntasks:\n"
     "  - task: I.1\n    status: Không hoàn thành\n", "8:13",
     "có phải ý bạn là 'dang-thuc-hien'?", True),
    # a zero-width space pasted from a web page: invisible, so named with its place
    ("plan", SMALL_PLAN + TASK.replace("Việc một", "Việc\u200b một"), "9:19",
     "có ký tự ẩn U+200B (khoảng trắng độ rộng 0", False),
    # a list of tasks given one value: a list is asked for, and nothing said of statuses
    ("report", "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\n"
     "tasks: chưa có\nsections:\n  - {heading: a, body: b}\n", "6:8",
     "tasks: cần một danh sách (các dòng bắt đầu bằng '- '), nhưng gặp một giá trị đơn", True),
    ("report", "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\n"
     "tasks: chưa có\n", "6:8", "cần một danh sách", True),
    # a report left with comments only: said to be empty, not missing each field
    ("report", "\n# báo cáo quý I, chưa viết\n\n", "1:1", "tệp trống: không có trường nào", True),
    # text copied from a document typed in TCVN3 (.VnTime), its font gone
    ("plan", SMALL_PLAN + TASK.replace("Việc một", "Tæ chøc héi nghÞ tËp huÊn vÒ c¶i c¸ch"),
     "9:15", "chữ có vẻ gõ bằng phông cũ TCVN3 (.VnTime) hay VNI, nay hiện thành 'Tæ'", False),
    # Unicode text opened as Windows-1252 and saved again: told what it was meant to say
    ("plan", SMALL_PLAN + TASK.replace("Việc một", as_windows_1252("Tổ chức hội nghị tập huấn")),
     "9:15", "bị mở sai bảng mã (Windows-1252, -1258), nay hiện thành 'Tá»•', đúng ra là 'Tổ'",
     False),
    # a rate where a count of dossiers goes: no '%' to move to a 'unit' the counts do not have
    ("report", "agency: so-mau\nyear: 2024\nperiod: nam\ntitle: x\ndossiers:\n  online: 62,5%\n",
     "6:11", "cần số nguyên, ví dụ 149, nhưng gặp '62,5%'; đây là số hồ sơ, không phải tỷ lệ: hãy "
     "viết số hồ sơ đếm được; tỷ lệ thì trang tự tính từ các số hồ sơ", True),
    ("report", "agency: so-mau\nyear: 2024\nperiod: nam\ntitle: x\ndossiers:\n  online: 62,5\n",
     "6:11", "đây là số hồ sơ, không phải tỷ lệ", True),
    # no agency: not also told that the plan is another agency's
    ("report", "plan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: x\ntasks:\n"
     "  - task: I.1\n    status: hoan-thanh\n", "1:1", "thiếu trường bắt buộc 'agency'", True),
]


@pytest.mark.parametrize("kind, text, where, words, is_error", EDITOR_SLIPS,
                         ids=[s[3][:35] for s in EDITOR_SLIPS])
def test_editor_slips_get_one_clear_message(tmp_path, kind, text, where, words, is_error):
    files = {"site": "site.yaml", "plan": "content/plans/so-mau-2024.yaml",
             "report": "content/reports/so-mau-2024.yaml"}
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-mau.yaml", SMALL_AGENCY)
    if kind == "report":  # the plan it reports on
        write(tmp_path, files["plan"], SMALL_PLAN + TASK)
    write(tmp_path, files[kind], text)
    result = run_cli("check", "--site", str(tmp_path))
    level = "lỗi/error" if is_error else "cảnh báo/warning"
    found = [line for line in result.stderr.splitlines() if ": lỗi/error: " in line
             or ": cảnh báo/warning: " in line]
    assert len(found) == 1, result.stderr
    assert found[0].startswith(f"{files[kind]}:{where}: {level}: "), result.stderr
    assert words in found[0]
    assert result.returncode == (1 if is_error else 0)


def test_list_items_are_named_by_the_number_written_in_them(tmp_path):
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-mau.yaml", "name: Sở Mẫu\nunits:\n"
          "  - id: van-phong\n    name: Văn phòng\n")
    write(tmp_path, "content/plans/so-mau-2024.yaml",
          "agency: so-mau\ntitle: x\nyear: 2024\nareas:\n  - number: II\n    title: a\n"
          "    tasks:\n      - number: '1'\n        task: b\n      - number: '3'\n"
          "        task: c\n        lead: [van-phong, phong-la]\n")
    write(tmp_path, "content/reports/so-mau-2024-nam.yaml",
          "agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntasks:\n"
          "  - task: II.1\n    status: da-hoan-thanh\n"
          "  - task: II.3\n    status: da-hoan-thanh\n    date: 30/02/2024\n")
    result = run_cli("check", "--site", str(tmp_path))
    assert result.returncode == 1
    assert "content/plans/so-mau-2024.yaml:12:27: lỗi/error: areas[1: II].tasks[2: 3].lead[2]: " \
        "không có đơn vị 'phong-la'; các mã dùng được: van-phong" in result.stderr  # at the
    # item, not at its list's '[': and nothing close to it, so what may be written instead
    assert "tasks[2: II.3].date: cần một ngày có trên lịch" in result.stderr


@pytest.mark.parametrize("text, where", [
    ("a: &x 1\nb: *x\n", (2, 4)),
    ("a: &x 1\nb:\n- *x\n", (3, 3)),
    ("a: &x 1\nb: [1,*x]\n", (2, 7)),
    ("a: &x-1 1\nb: {c: *x-1}\n", (2, 8)),
    ('a: &x 1\nb: {"c":*x}\n', (2, 9)),
    ("a: &x 1\nb:\n  *x : 2\n", (3, 3)),
    ("a: Đạt **80%** và *nghiêng*\nb: '**đậm**'\nc: |\n  * mục\n  *nghiêng* đầu dòng\n",
     None),  # Markdown, no alias
])
def test_an_alias_in_any_position_is_refused_and_markdown_is_not(text, where):
    from cchc_site.load import parse_yaml
    from cchc_site.problems import Problems
    problems = Problems()
    node = parse_yaml(text, "x.yaml", problems)
    found = [(e.loc.line, e.loc.column) for e in problems.errors if "bí danh" in e.vi]
    assert found == ([where] if where else [])
    assert (node is None) == bool(where)


@pytest.mark.parametrize("total", ["300 triệu đồng", '"300"'])
def test_bare_budgets_take_the_unit_their_column_names_and_the_page_keeps_both_totals(tmp_path,
                                                                                     total):
    """'Kinh phí (triệu đồng)' over '150' is 150 million đồng; the page shows
    the total the document writes (a bare one with its column's unit, not as
    if it were đồng) and, apart, what the tasks add up to; the check names
    the cells it could not add."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2025.yaml", textwrap.dedent(f"""\
        agency: so-mau
        year: 2025
        title: Kế hoạch CCHC năm 2025
        appendix:
          columns: {{budget: "Kinh phí (triệu đồng)"}}
          budget_total: {total}
        areas:
          - number: I
            title: Thể chế
            tasks:
              - {{number: "1", task: Việc một, budget: "150"}}
              - {{number: "2", task: Việc hai, budget: 50 triệu đồng}}
              - {{number: "3", task: Việc ba, budget: Ngân sách tỉnh}}
        """))
    result = run_cli("build", "--site", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "tổng kinh phí ghi 300.000.000 đồng nhưng cộng các nhiệm vụ được 200.000.000 đồng " \
           "(không cộng kinh phí không phải một số tiền cụ thể của: I.3)" in result.stderr
    page = BeautifulSoup((tmp_path / "output/ke-hoach/so-mau-2025/index.html").read_text(
        encoding="utf-8"), "html.parser").select_one(".budget-total").get_text()
    page = " ".join(page.split())
    assert page.startswith("Tổng kinh phí văn bản ghi: 300 triệu đồng. Cộng kinh phí các nhiệm "
                           "vụ trong phụ lục: 200.000.000 đồng (2 nhiệm vụ có ghi số tiền; 1 nhiệm "
                           "vụ ghi kinh phí không phải một số tiền cụ thể, không cộng)"), page


def test_a_budgets_check_id_gives_the_gap_as_a_whole_number_of_dong(tmp_path):
    """'45,5' million twice against '95 triệu đồng': the id ended in '-0'
    (4000000.0), an odd id for an editor to copy into 'acknowledged'."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2025.yaml", textwrap.dedent("""\
        agency: so-mau
        year: 2025
        title: Kế hoạch CCHC năm 2025
        appendix:
          columns: {budget: "Kinh phí (triệu đồng)"}
          budget_total: 95 triệu đồng
        areas:
          - number: I
            title: Thể chế
            tasks:
              - {number: "1", task: Việc một, budget: "45,5"}
              - {number: "2", task: Việc hai, budget: "45,5"}
        """))
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert "[mã kiểm tra: tong-kinh-phi-thieu-4000000;" in stderr, stderr


def test_a_budget_total_is_not_called_wrong_when_an_amount_short_of_it_could_not_be_read(
        tmp_path):
    """'1.5 tỷ đồng' is not read (its own warning says how to write it): the
    tasks adding up to less than the total is then the reading's gap, not the
    document's; adding up to more is the document's whatever the unread cell."""
    def plan(total: str) -> str:
        return ("agency: so-mau\nyear: 2025\ntitle: K\nappendix:\n"
                f"  columns: {{budget: Kinh phí (đồng)}}\n  budget_total: {total}\n"
                "areas:\n  - number: I\n    title: a\n    tasks:\n"
                "      - {number: '1', task: b, budget: 1.5 tỷ đồng}\n"
                "      - {number: '2', task: c, budget: 12.000.000 đồng}\n")
    short = checked(tmp_path, {"content/plans/so-mau-2025.yaml": plan("1.512.000.000")})
    assert "không đọc được thành một số tiền" in short and "tổng kinh phí ghi" not in short, short
    over = checked(tmp_path, {"content/plans/so-mau-2025.yaml": plan("10.000.000")})
    assert "tổng kinh phí ghi 10.000.000 đồng nhưng cộng các nhiệm vụ được 12.000.000 đồng" \
        in over, over


def built_with_budgets(site: Path, budgets: list[str]):
    """The build of a plan whose tasks 'Việc một'… have these budgets, as written in YAML."""
    sample_agency_site(site)
    names = ["một", "hai", "ba", "bốn", "năm"]
    tasks = "".join(f'      - {{number: "{i}", task: Việc {names[i - 1]}, budget: {budget}}}\n'
                    for i, budget in enumerate(budgets, start=1))
    write(site, "content/plans/so-mau-2025.yaml", "agency: so-mau\nyear: 2025\ntitle: Kế hoạch "
          "CCHC năm 2025\nareas:\n  - number: I\n    title: Thể chế\n    tasks:\n" + tasks)
    return run_cli("build", "--site", str(site))


def test_an_amount_whose_dots_do_not_group_thousands_is_pointed_out(tmp_path):
    """'4100.000 đồng' (a dot slipped a place) in a budget or a procedure's
    fee: neither 4.100.000 nor 4.100, said with the amount regrouped."""
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2025.yaml":
          "agency: so-mau\nyear: 2025\ntitle: K\nareas:\n  - number: I\n    title: a\n"
          "    tasks:\n      - {number: '1', task: b, budget: 4100.000 đồng}\n"
          "      - {number: '2', task: c, budget: 1.5 tỷ đồng}\n"  # the English way: said apart
          "      - {number: '3', task: d, budget: 12.000.000 đồng}\n"
          "      - {number: '4', task: e, budget: 5 0 triệu đồng}\n"  # not read as 0 triệu
          "      - {number: '5', task: f, budget: 1 500 000 đồng}\n",
        "content/tthc/so-mau.yaml":
          "agency: so-mau\ntitle: Danh mục\nprocedures:\n"
          "  - {code: '1.001', name: Cấp phép, field: Môi trường, fee: 'Phí: 2900.000 đ; lệ phí "
          "1.00.000 đồng, hạn 30.6.2026'}\n"})
    found = [line for line in stderr.splitlines() if "không nhóm đúng hàng nghìn" in line]
    assert len(found) == 4, stderr
    assert "budget: số tiền '5 0' có khoảng trắng không nhóm đúng hàng nghìn; có phải 50?" \
        in found[1], found
    assert found[0].startswith("content/plans/so-mau-2025.yaml:8:40: cảnh báo/warning: areas[1: "
                               "I].tasks[1: 1].budget: số tiền '4100.000' có dấu chấm không nhóm "
                               "đúng hàng nghìn; có phải 4.100.000?"), found
    fees = [line for line in found if line.startswith("content/tthc/so-mau.yaml:4:")]
    assert any("'2900.000' có dấu chấm không nhóm đúng hàng nghìn; có phải 2.900.000?" in line
               for line in fees) and any("'1.00.000' có dấu chấm không nhóm đúng hàng nghìn; có "
                                         "phải 100.000?" in line for line in fees), fees


def test_a_budget_written_the_english_way_is_not_misread_and_the_page_shows_each_reading(
        tmp_path):
    """'1.5 tỷ đồng' was read as 5 tỷ and '50,000,000 đồng' as 0: now neither
    is added, check says how to write them, and each task shows its reading."""
    from bs4 import BeautifulSoup
    result = built_with_budgets(tmp_path, ["1.5 tỷ đồng", '"50,000,000 đồng"', '"1,5 tỷ đồng"',
                                           "12.000.000 đồng", "Ngân sách tỉnh"])
    assert result.returncode == 0, result.stderr
    for where, number, written, meant in [("8:47", 1, "1.5 tỷ đồng", "1,5 tỷ đồng"),
                                          ("9:47", 2, "50,000,000 đồng", "50.000.000 đồng")]:
        assert f"content/plans/so-mau-2025.yaml:{where}: cảnh báo/warning: areas[1: I].tasks[" \
               f"{number}: {number}].budget: kinh phí '{written}' không đọc được thành một số " \
               f"tiền: dấu chấm ngăn số nghìn, dấu phẩy là phần thập phân; hãy viết " \
               f"'{meant}'" in result.stderr, result.stderr

    def budget_of(task):
        html = (tmp_path / f"output/ke-hoach/so-mau-2025/nhiem-vu/i-{task}/index.html")
        facts = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select(".facts dd")
        return " ".join(facts[-1].get_text().split())
    assert budget_of(1) == "1.5 tỷ đồng (không đọc được thành một số tiền, không cộng vào tổng)"
    assert budget_of(3) == "1,5 tỷ đồng (trang hiểu là: 1.500.000.000 đồng)"
    assert budget_of(4) == "12.000.000 đồng"
    assert budget_of(5) == "Ngân sách tỉnh"
    total = (tmp_path / "output/ke-hoach/so-mau-2025/index.html").read_text(encoding="utf-8")
    assert "1.512.000.000 đồng</strong> (2 nhiệm vụ có ghi số tiền; 3 nhiệm vụ" in total


def test_an_approximate_budget_is_shown_as_such_and_not_added(tmp_path):
    """'Khoảng 20 triệu đồng' is no amount to add: the plan's total leaves it
    out and the task says why, beside an exact amount that is added."""
    from bs4 import BeautifulSoup
    result = built_with_budgets(tmp_path, ["Khoảng 20 triệu đồng", "Tối đa 1 tỷ đồng",
                                           "5 triệu đồng"])
    assert result.returncode == 0, result.stderr
    facts = [BeautifulSoup((tmp_path / f"output/ke-hoach/so-mau-2025/nhiem-vu/i-{task}/index.html")
                           .read_text(encoding="utf-8"), "html.parser").select(".facts dd")[-1]
             for task in (1, 2)]
    assert [" ".join(dd.get_text().split()) for dd in facts] == [
        "Khoảng 20 triệu đồng (số tiền ước chừng, không cộng vào tổng)",
        "Tối đa 1 tỷ đồng (số tiền ước chừng, không cộng vào tổng)"]
    total = (tmp_path / "output/ke-hoach/so-mau-2025/index.html").read_text(encoding="utf-8")
    assert "5.000.000 đồng</strong> (1 nhiệm vụ có ghi số tiền; 2 nhiệm vụ ghi kinh phí không " \
           "phải một số tiền cụ thể, không cộng)" in total


def test_a_budget_in_millions_is_added_and_one_with_no_unit_is_warned_of(tmp_path):
    """'20 triệu' is 20 million đồng, as every editor means it; a bare
    '50.000.000' (its column naming no unit) is not guessed but pointed out."""
    result = built_with_budgets(tmp_path, ["20 triệu", "50.000.000", "1 tỷ lệ", "3 tỷ USD", '"0"'])
    assert result.returncode == 0, result.stderr
    budget = [line for line in result.stderr.splitlines() if ".budget: " in line]
    assert budget == ["content/plans/so-mau-2025.yaml:9:47: cảnh báo/warning: areas[1: I]."
                      "tasks[2: 2].budget: kinh phí '50.000.000' không ghi đơn vị nên không được "
                      "cộng vào tổng kinh phí trên trang; hãy viết '50.000.000 đồng' (hay '… "
                      "triệu đồng')"], result.stderr
    total = (tmp_path / "output/ke-hoach/so-mau-2025/index.html").read_text(encoding="utf-8")
    assert "20.000.000 đồng</strong> (1 nhiệm vụ có ghi số tiền; 4 nhiệm vụ" in total


@pytest.mark.parametrize("written, hint", [
    ("i.2", "có phải ý bạn là 'I.2'?"), ("1.2", "có phải ý bạn là 'I.2'?"),
    ("II.02", "có phải ý bạn là 'II.2'?"), ("II.5", "lĩnh vực II có các nhiệm vụ II.1, II.2"),
    ("II-1", "có phải ý bạn là 'II.1'?"), ("2.1.", "có phải ý bạn là 'II.1'?"),
    ("2 .1", "có phải ý bạn là 'II.1'?"),
    ("II 3", "lĩnh vực II có các nhiệm vụ II.1, II.2"),
    ("II1", "có phải ý bạn là 'II.1'?"), ("i2", "có phải ý bạn là 'I.2'?"),  # the dot left out
    ("II3", "lĩnh vực II có các nhiệm vụ II.1, II.2"),
    ("V.1", "các lĩnh vực của kế hoạch: I, II")])
def test_a_reports_unknown_task_is_told_the_one_meant_or_those_of_its_area(tmp_path, written,
                                                                            hint):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2025.yaml",
          "agency: so-mau\nyear: 2025\ntitle: K\nareas:\n" + "".join(
              f"  - number: {area}\n    title: a\n    tasks:\n"
              "      - {number: '1', task: b}\n      - {number: '2', task: c}\n"
              for area in ("I", "II"))
          + ("      - {number: '3.a', task: d}\n" if written == "V.1" else ""))  # an item of II.3,
    write(tmp_path, "content/reports/so-mau-2025-quy-1.yaml",  # not an area 'II.3'
          "agency: so-mau\nplan: so-mau-2025\nyear: 2025\nperiod: quy-1\ntitle: B\ntasks:\n"
          f"  - {{task: '{written}', status: hoan-thanh}}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert f"content/reports/so-mau-2025-quy-1.yaml:7:12: lỗi/error: tasks[1: {written}].task: " \
           f"kế hoạch 'so-mau-2025' không có nhiệm vụ '{written}'; {hint}\n" in stderr, stderr


def test_a_figure_typed_with_the_wrong_separator_is_pointed_out(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/reports/so-mau-2025-quy-1.yaml",
          "agency: so-mau\nyear: 2025\nperiod: quy-1\ntitle: Báo cáo\nfigures:\n"
          "  - {id: a, label: Đúng hạn, value: '99.200', unit: '%', as_written: 'đạt 99,2%'}\n"
          "  - {id: b, label: Hài lòng, value: '97.500', unit: '%'}\n"
          "  - {id: c, label: Hồ sơ, value: '1,250', unit: hồ sơ, as_written: 'có 1.250 hồ sơ'}\n"
          "  - {id: d, label: Trực tuyến, value: '99.2', unit: '%'}\n"
          "  - {id: e, label: Đơn vị, value: '1.500', unit: đơn vị, as_written: '1.500 đơn vị'}\n"
          "dossiers:\n  received: 1.250\n  online: 1.300\n")
    result = run_cli("check", "--site", str(tmp_path))
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    expected = [
        ":6:37: cảnh báo/warning: figures[1: a].value: giá trị 99.200 không phải 99,2: dấu chấm ngăn "
        "số nghìn, dấu phẩy là phần thập phân; nếu báo cáo ghi 99,2, hãy viết 99,2",
        ":7:37: cảnh báo/warning: figures[2: b].value: giá trị 97.500 không phải 97,5",
        ":8:34: cảnh báo/warning: figures[3: c].value: giá trị 1,250 không phải 1.250",
        ":9:39: lỗi/error: figures[4: d].value: cần số viết kiểu Việt Nam, ví dụ 12.000.000 hoặc "
        "95,5, nhưng gặp '99.2'; dấu chấm ngăn số "
        "nghìn, phần thập phân viết sau dấu phẩy: 99,2",
        ":13:11: cảnh báo/warning: không khớp: 1.300 hồ sơ tiếp nhận trực tuyến, nhiều hơn tổng "
        "số tiếp nhận 1.250"]
    for words in expected:
        assert any(words in line for line in lines), (words, result.stderr)
    assert len(lines) == len(expected), result.stderr  # not figure e: 1.500 is what it says


def test_images_pasted_or_written_as_html_are_warned_of_as_markdown_ones_are(tmp_path):
    """An image Word pasted into the text (a data: address kilobytes long) is
    named by its start; one written as HTML is checked as a Markdown one is."""
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-mau.yaml", SMALL_AGENCY)
    write(tmp_path, "content/files/so-do.png", "x")
    pasted = "data:image/png;base64," + "iVBORw0KGgo" * 400
    write(tmp_path, "content/pages/gioi-thieu.md",
          f"---\ntitle: Giới thiệu\n---\n![Sơ đồ]({pasted})\n\n"
          "<img src='https://anh.example.vn/a.png' alt='Ảnh ngoài'>\n\n"
          '<IMG SRC="/files/so-do.png">\n')
    result = run_cli("check", "--site", str(tmp_path))
    found = [line for line in result.stderr.splitlines() if "/warning: " in line]
    assert len(found) == 3 and all(len(line) < 400 for line in found), result.stderr
    assert found[0].startswith("content/pages/gioi-thieu.md:4:1: ") and \
        "ảnh 'data:image/png;base64,…' dán thẳng vào văn bản" in found[0]
    assert found[1].startswith("content/pages/gioi-thieu.md:6:") and \
        "ảnh 'https://anh.example.vn/a.png' không hiện" in found[1]
    assert found[2].startswith("content/pages/gioi-thieu.md:8:") and \
        "ảnh '/files/so-do.png' chưa có lời mô tả" in found[2]


def test_a_reports_words_on_a_task_with_no_status_are_not_dropped_silently(site_copy):
    """The importer leaves a status it cannot read ('Hoàn thành 80%') blank,
    with the report's words as evidence: the page shows a line only with its
    status, so check says so rather than publish the report without them."""
    report = site_copy / "content/reports/so-khcn-nghe-an-2023-nam.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('  - task: "II.3"\n    status: hoan-thanh\n',
                                   '  - task: "II.3"\n    status: ""\n', 1), encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy))
    said = [line for line in result.stderr.splitlines() if "chưa có 'status'" in line]
    assert len(said) == 1 and said[0].startswith(
        "content/reports/so-khcn-nghe-an-2023-nam.yaml:27:15: cảnh báo/warning: "
        "tasks[3: II.3].status: nhiệm vụ 'II.3' có lời báo cáo ('evidence') nhưng chưa có "
        "'status', nên trang không hiện dòng này"), result.stderr


def test_a_copy_of_a_plan_left_beside_it_is_warned_about(tmp_path):
    plan = "agency: so-mau\nyear: 2027\ntitle: Kế hoạch CCHC năm 2027\n"
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2027.yaml", plan)
    write(tmp_path, "content/plans/so-mau-2027-ban-sao.yml", plan)
    write(tmp_path, "content/plans/so-mau-2027-so-hoa.yaml",
          plan.replace("CCHC", "chuyển đổi số"))  # a second plan of the year: not a copy
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert warnings(stderr) == [
        "content/plans/so-mau-2027-ban-sao.yml:3:8: cảnh báo/warning: title: kế hoạch này cùng "
        "cơ quan, năm và tên với kế hoạch 'so-mau-2027' (tệp content/plans/so-mau-2027.yaml), "
        "nên sẽ thành hai trang; nếu là bản sao, hãy xóa hoặc chuyển tệp này ra khỏi "
        "content/plans/"], stderr


def test_an_unfilled_report_draft_does_not_pass_strict(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2027.yaml",
          "agency: so-mau\nyear: 2027\ntitle: K\ntargets:\n  - {id: t1, text: đạt 100%}\n"
          "areas:\n  - number: I\n    title: a\n"
          "    tasks:\n      - {number: '1', task: b}\n")
    draft = run_cli("report", "so-mau-2027", "--period", "quy-1", "--site", str(tmp_path))
    assert draft.returncode == 0, draft.stderr
    result = run_cli("check", "--strict", "--site", str(tmp_path))
    assert result.returncode == 1
    assert ": cảnh báo/warning: báo cáo chưa có nội dung: chưa nhiệm vụ nào có 'status', chưa " \
           "có số liệu hay phần nội dung nào; điền tình trạng các nhiệm vụ và ngày ('date') " \
           "trước khi xuất bản" in result.stderr, result.stderr


@pytest.mark.parametrize("report_date, done, expected", [
    ("20/07/2027", "15/12/2026", [":5:7: cảnh báo/warning: không khớp: báo cáo Quý I năm 2027 ghi "
                                  "ngày 20/07/2027, hơn ba tháng sau khi kỳ báo cáo kết thúc "
                                  "(31/03/2027)"]),
    ("14/03/2026", "25/01/2026", [":5:7: cảnh báo/warning: không khớp: báo cáo Quý I năm 2027 ghi "
                                  "ngày 14/03/2026, trước khi kỳ báo cáo bắt đầu",
                                  ":8:43: cảnh báo/warning: không khớp: nhiệm vụ I.1: ngày hoàn "
                                  "thành 25/01/2026 trước cả năm báo cáo (Quý I năm 2027)"]),
    ("14/03/2027", "15/12/2026", []),  # the year's reporting begins in December
])
def test_a_report_or_task_dated_outside_its_period_is_pointed_out(tmp_path, report_date, done,
                                                                   expected):
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2027.yaml":
          "agency: so-mau\nyear: 2027\ntitle: K\nareas:\n  - number: I\n    title: a\n"
          "    tasks:\n      - {number: '1', task: b}\n",
        "content/reports/so-mau-2027-quy-1.yaml":
          "agency: so-mau\nplan: so-mau-2027\nyear: 2027\nperiod: quy-1\n"
          f"date: {report_date}\ntitle: Báo cáo\ntasks:\n"
          f"  - {{task: I.1, status: hoan-thanh, date: {done}}}\n"})
    found = [line.removeprefix("content/reports/so-mau-2027-quy-1.yaml").split(" [")[0]
             for line in stderr.splitlines() if line.startswith("content/reports/")]
    assert found == expected, stderr


@pytest.mark.parametrize("counts, words", [
    ("{received: 100, resolved_on_time: 90, resolved_late: 5}",  # the rest not given
     "các phần báo cáo nêu cộng lại 90 + 5 = 95 hồ sơ, ít hơn tổng số tiếp nhận 100: 5 hồ sơ không "
     "rõ thuộc phần nào; báo cáo không nêu số: giải quyết trước hạn;"),
    ("{received: 100, resolved_on_time: 90, resolved_late: 15}",  # more than all received
     "các phần cộng lại 90 + 15 = 105 hồ sơ, khác tổng số tiếp nhận 100 (lệch -5)"),
    ("{received: 100, resolved_early: 1, resolved_on_time: 90, resolved_late: 5, returned: 0, "
     "pending: 1, pending_late: 0}",  # every part given: a sum gone wrong
     "các phần cộng lại 1 + 90 + 5 + 0 + 1 + 0 = 97 hồ sơ, khác tổng số tiếp nhận 100 (lệch 3)")])
def test_dossier_parts_short_of_the_total_are_unaccounted_for_or_wrong(tmp_path, counts, words):
    """Dossiers a report leaves out of the parts it gives may be in those it
    does not give: said as not accounted for; a sum over the total, or of
    every part, is wrong."""
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          f"agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\ndossiers: {counts}\n"})
    assert words in stderr, stderr


@pytest.mark.parametrize("counts, words", [
    # 2.310 received and 47 carried over: the 2.357 resolved, returned and pending are all of them
    ("{carried_over: 47, received: 2310, resolved_early: 2150, resolved_on_time: 110, "
     "resolved_late: 8, returned: 12, pending: 70, pending_late: 7}", None),
    ("{carried_over: 47, received: 2310, resolved_early: 2150, resolved_on_time: 110, "
     "resolved_late: 8, returned: 12, pending: 60, pending_late: 7}",
     "các phần cộng lại 2.150 + 110 + 8 + 12 + 60 + 7 = 2.347 hồ sơ, khác tổng số phải giải quyết "
     "2.310 tiếp nhận + 47 kỳ trước chuyển sang = 2.357 (lệch 10)"),
    # the report's total received, with the carried-over in it: those are counted twice
    ("{carried_over: 212, received: 3512, resolved_early: 3000, resolved_on_time: 380, "
     "resolved_late: 20, returned: 10, pending: 102, pending_late: 0}",
     "số tiếp nhận đã gồm 212 hồ sơ kỳ trước chuyển sang, và chúng bị tính hai lần; hãy ghi "
     "'received: 3300', số tiếp nhận mới trong kỳ [mã kiểm tra: ho-so-ky-truoc-tinh-hai-lan-212")])
def test_dossiers_carried_over_are_to_be_resolved_with_those_received(tmp_path, counts, words):
    """Those resolved, returned and pending at the period's end are of the
    dossiers received in it and of those carried over from the period before;
    a report giving the carried-over was said not to add up when it did."""
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          f"agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\ndossiers: {counts}\n"})
    said = [line for line in warnings(stderr) if "hồ sơ" in line]
    assert (said == [] if words is None else len(said) == 1 and words in said[0]), stderr


def test_a_report_page_shows_the_dossiers_carried_over_apart_from_those_received(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/reports/so-mau-2026-nam.yaml",
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\ndossiers: {carried_over: 47, "
          "received: 2310, resolved_on_time: 2300, pending: 57}\n")
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    html = (tmp_path / "output/bao-cao/so-mau-2026-nam/index.html").read_text(encoding="utf-8")
    table = BeautifulSoup(html, "html.parser").select_one("#bang-ho-so").find_parent("table")
    assert [th.get_text() for th in table.select("thead th")][1:3] == ["Kỳ trước chuyển sang",
                                                                       "Tiếp nhận"]
    assert [td.get_text() for td in table.select("tr.total td")][:2] == ["47", "2.310"]
    assert "tiếp nhận: hồ sơ mới trong kỳ, không kể hồ sơ kỳ trước chuyển sang" in \
        table.caption.get_text()


def test_a_field_listed_twice_in_the_dossiers_by_field_is_named(tmp_path):
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\ndossiers:\n  received: 30\n"
          "  by_field:\n    - {field: Hộ tịch, received: 10}\n    - {field: Quốc tịch, received: 10}\n"
          "    - {field: Hộ  tịch, received: 10}\n"})
    assert "content/reports/so-mau-2026-nam.yaml:10:15: cảnh báo/warning: không khớp: lĩnh vực " \
           "“hộ tịch” được ghi 2 lần trong thống kê hồ sơ theo lĩnh vực (lần đầu ở dòng 8)" \
           in stderr, stderr  # at the second listing, the one to remove or rename


def test_a_figure_whose_value_is_not_in_its_quotation_is_pointed_out(tmp_path):
    """'value: 95' beside 'đạt 99,5%': a slip the page would show as a missed
    target next to the report's own words that it was met."""
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\nfigures:\n"
          "  - {id: dung-han, label: Tỷ lệ đúng hạn, value: '95', unit: '%', "
          "as_written: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,5%'}\n"
          "  - {id: muc-3, label: TTHC mức 3, value: '13', of_total: '28', as_written: 13/28 TTHC}\n"
          "  - {id: ho-so, label: Hồ sơ, value: '1234', as_written: 1.234 hồ sơ năm 2026}\n"
          "  - {id: dat, label: Chỉ tiêu, value: '1', as_written: Đạt chỉ tiêu}\n"
          "  - {id: don-thu, label: Đơn thư, value: '0', as_written: Năm 2026 không có đơn thư}\n"})
    found = [line for line in stderr.splitlines() if "không có trong nguyên văn" in line]
    assert len(found) == 1 and found[0].startswith(
        "content/reports/so-mau-2026-nam.yaml:6:50: cảnh báo/warning: không khớp: “Tỷ lệ đúng "
        "hạn”: giá trị 95 không có trong nguyên văn “Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,5%”; "
        "hãy xem lại 'value' hay 'as_written' [mã kiểm tra: so-lieu-khac-nguyen-van-dung-han-95;"), \
        stderr


def test_a_rate_over_a_hundred_per_cent_measuring_a_target_is_pointed_out(tmp_path):
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\nfigures:\n"
          "  - {id: truc-tuyen, label: Tỷ lệ hồ sơ trực tuyến, value: '102,5', unit: '%', "
          "target: t1}\n  - {id: tang, label: Tăng so với năm trước, value: '120', unit: '%'}\n"})
    found = [line for line in stderr.splitlines() if "lớn hơn 100%" in line]
    assert len(found) == 1 and found[0].startswith(  # a growth of 120% is no mistake
        "content/reports/so-mau-2026-nam.yaml:6:60: cảnh báo/warning: không khớp: “Tỷ lệ hồ sơ "
        "trực tuyến”: tỷ lệ 102,5% lớn hơn 100%"), stderr


def test_a_report_on_a_plan_that_gives_no_task_a_status_is_warned_about(tmp_path):
    """An imported report has its sections and counts, but the editor has yet
    to say what it says of each task: every task would show 'no information'."""
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2026.yaml":
          "agency: so-mau\nyear: 2026\ntitle: K\nareas:\n  - number: I\n    title: a\n"
          "    tasks:\n      - {number: '1', task: b}\n",
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nplan: so-mau-2026\nyear: 2026\nperiod: nam\ntitle: B\n"
          "dossiers: {received: 1}\n"})
    assert "content/reports/so-mau-2026-nam.yaml:1:1: cảnh báo/warning: tasks: báo cáo chưa ghi " \
           "tình trạng nhiệm vụ nào của kế hoạch 'so-mau-2026'" in stderr, stderr


def test_a_second_report_for_the_same_plan_and_period_is_warned_about(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2026.yaml", "agency: so-mau\nyear: 2026\ntitle: K\n")
    for name, title in (("so-mau-2026-6-thang", "Sáu tháng"), ("so-mau-2026-9-thang", "Chín tháng")):
        write(tmp_path, f"content/reports/{name}.yaml",
              f"agency: so-mau\nplan: so-mau-2026\nyear: 2026\nperiod: 6-thang\ntitle: {title}\n"
              "dossiers: {received: 1}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert "content/reports/so-mau-2026-9-thang.yaml:4:9: cảnh báo/warning: period: kế hoạch " \
           "'so-mau-2026' đã có báo cáo 6 tháng năm 2026: 'so-mau-2026-6-thang'" in stderr, stderr


def test_a_task_done_after_the_reports_own_date_is_warned_about_and_done_by_that_date(tmp_path):
    """Done on 10/07 says a report of 14/03: the report cannot tell of work
    to come, so the task was done by 14/03, on time for Quý II, and its page
    says why."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2025.yaml",
          "agency: so-mau\nyear: 2025\ntitle: Kế hoạch\nareas:\n  - number: I\n    title: a\n"
          "    tasks:\n      - {number: '1', task: b, deadline: Quý II}\n"
          "      - {number: '2', task: c}\n")
    write(tmp_path, "content/reports/so-mau-2025-quy-1.yaml",
          "agency: so-mau\nplan: so-mau-2025\nyear: 2025\nperiod: quy-1\ndate: 14/03/2025\n"
          "title: Báo cáo\ntasks:\n"
          "  - {task: I.1, status: hoan-thanh, date: 10/07/2025}\n"
          "  - {task: I.2, status: hoan-thanh, date: 03/2025}\n")  # may be before the 14th
    result = run_cli("check", "--site", str(tmp_path))
    warned = [line for line in result.stderr.splitlines() if "sau ngày báo cáo" in line]
    assert len(warned) == 1 and warned[0].startswith(
        "content/reports/so-mau-2025-quy-1.yaml:8:43: cảnh báo/warning: không khớp: nhiệm vụ I.1: "
        "ngày hoàn thành 10/07/2025 sau ngày báo cáo (14/03/2025)"), result.stderr
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    page = BeautifulSoup((tmp_path / "output/ke-hoach/so-mau-2025/nhiem-vu/i-1/index.html")
                         .read_bytes(), "html.parser")
    assert "Hoàn thành đúng hạn" in page.select_one(".task-standing").get_text()
    assert "(10/07/2025: sau cả ngày của báo cáo, 14/03/2025, nên trang coi là hoàn thành chậm " \
           "nhất vào ngày báo cáo)" in page.select_one("#lich-su + div table").get_text(), page


def test_a_number_or_date_written_another_way_is_told_how_to_write_it(tmp_path):
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2025-quy-1.yaml":
          "agency: so-mau\nyear: 2025\nperiod: quy-1\ndate: 2025-13-01\ntitle: Báo cáo\n"
          "figures:\n  - {id: dung-han, label: Đúng hạn, value: '85 %', unit: '%'}\n"
          "  - {id: ty-le, label: Tỷ lệ, value: 95.5%, unit: '%'}\n"
          "dossiers:\n  received: 3,452\n  online: 1.250 hồ sơ\n"})
    for where, words in [
            (":4:7:", "date: cần một ngày có trên lịch, nhưng gặp '2025-13-01': không có tháng 13; "
                     "có phải 13/01/2025?"),
            (":7:44:", "hãy viết số 85, không kèm dấu % (đơn vị ghi ở 'unit: \"%\"')"),
            (":8:38:", "hãy viết số 95,5, không kèm dấu % (đơn vị ghi ở 'unit: \"%\"'), phần thập "
                       "phân sau dấu phẩy"),  # both said at once, not one per run
            (":10:13:", "nhưng gặp '3,452'; dấu phẩy là phần thập phân, số nghìn viết 3.452"),
            (":11:11:", "nhưng gặp '1.250 hồ sơ'; hãy viết số 1.250, không kèm chữ “hồ sơ”")]:
        assert any(where in line and words in line for line in stderr.splitlines()), \
            (words, stderr)


@pytest.mark.parametrize("key, meant", [("kinh_phi", "budget"), ("ghi_chu", "notes"),
                                        ("muc_tieu", "objective"), ("don_vi_chu_tri", "lead")])
def test_a_field_typed_by_its_vietnamese_name_is_told_its_key(tmp_path, key, meant):
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2025.yaml":
          "agency: so-mau\nyear: 2025\ntitle: K\nareas:\n  - number: I\n    title: a\n"
          f"    tasks:\n      - number: '1'\n        task: b\n        {key}: x\n"})
    assert f"content/plans/so-mau-2025.yaml:10:9: lỗi/error: areas[1: I].tasks[1: 1].{key}: " \
           f"không có trường '{key}'; có phải ý bạn là '{meant}'?" in stderr, stderr  # by number


@pytest.mark.parametrize("said, late, warned", [
    ("không có hiện tượng trả chậm", 3, True), ("Không có hồ sơ quá hạn.", 1, True),
    ("không có trường hợp trễ hạn", 2, True), ("không có hiện tượng trả chậm", 0, False),
    ("không có hồ sơ trả chậm hơn quy định của năm trước", None, False)])
def test_a_report_saying_none_was_late_beside_late_dossiers_is_warned_about(tmp_path, said,
                                                                            late, warned):
    sample_agency_site(tmp_path)
    dossiers = f"dossiers:\n  received: 10\n  resolved_late: {late}\n" if late is not None \
        else ""
    write(tmp_path, "content/reports/so-mau-2024-nam.yaml",
          "agency: so-mau\nyear: 2024\nperiod: nam\ntitle: Báo cáo\nsections:\n"
          f"  - heading: I. KẾT QUẢ\n    body: Thời hạn giải quyết đúng quy định, {said}\n"
          + dossiers)
    result = run_cli("check", "--site", str(tmp_path))
    assert ("noi-khong-tra-cham" in result.stderr) == warned, result.stderr
    if warned:
        assert f"viết “{said.rstrip('.')}”, nhưng số liệu ghi {late} hồ sơ" in result.stderr


def test_vietnamese_typed_without_diacritics_is_pointed_out_once_per_file(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml",
          "agency: so-mau\nyear: 2024\ntitle: Ke hoach cai cach hanh chinh nam 2024\n"
          "theme: Nam day manh chuyen doi so\nareas:\n  - number: I\n    title: The che\n"
          "    tasks:\n      - number: '1'\n        task: Ra soat thu tuc hanh chinh cua so\n"
          "        product: ISO 9001:2015 and e-Office reports\n"  # English: not Vietnamese
          "        notes: See https://sonv.gov.vn/ke-hoach-cai-cach-hanh-chinh-nam-2024 online\n")
    write(tmp_path, "content/plans/so-mau-2025.yaml",
          "agency: so-mau\nyear: 2025\ntitle: Kế hoạch cải cách hành chính năm 2025\n")
    result = run_cli("check", "--site", str(tmp_path))
    found = [line for line in result.stderr.splitlines() if "không có dấu" in line]
    assert found == [
        "content/plans/so-mau-2024.yaml:3:8: cảnh báo/warning: title: chữ tiếng Việt không có "
        "dấu: “Ke hoach cai cach hanh chinh nam 2024” (và 2 chỗ khác trong tệp); trang công khai "
        "cần đúng chữ của văn bản (không dấu, một chữ đọc được nhiều cách): hãy gõ lại bằng bộ gõ "
        "tiếng Việt (Unikey, EVKey: kiểu Telex hay VNI) hoặc chép từ văn bản gốc"], result.stderr
    assert result.returncode == 0
    assert run_cli("check", "--site", str(tmp_path), "--strict").returncode == 1


@pytest.mark.parametrize("name, warned", [
    ("So Tai nguyen va Moi truong tinh Ha Tinh", True),  # no word of a reform list: still Vietnamese
    ("Phong Quan ly dat dai", True), ("Nguyen Van A", True),
    ("UBND tinh", False),  # two words beside the abbreviation: too few to tell
    ("Sở Tài nguyên và Môi trường", False),
    ("can do the main thing", False),  # English, though every word could be a bare syllable
    ("Department of Natural Resources", False)])
def test_any_vietnamese_typed_without_diacritics_is_told_from_english(tmp_path, name, warned):
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-mau.yaml", f"name: {name}\n")
    result = run_cli("check", "--site", str(tmp_path))
    said = [line for line in warnings(result.stderr) if "không có dấu" in line]
    assert said == ([f"content/agencies/so-mau.yaml:1:7: cảnh báo/warning: name: chữ tiếng Việt "
                     f"không có dấu: “{name}”; trang công khai cần đúng chữ của văn bản (không "
                     "dấu, một chữ đọc được nhiều cách): hãy gõ lại bằng bộ gõ tiếng Việt (Unikey, "
                     "EVKey: kiểu Telex hay VNI) hoặc chép từ văn bản gốc"] if warned else []), \
        result.stderr


@pytest.mark.parametrize("year, date, file_year, against", [
    (2026, "20/01/2027", 2026, "ngày ban hành 20/01/2027"),
    (2025, "20/01/2024", 2025, "ngày ban hành 20/01/2024"),  # last year's date, copied with its plan
    (2025, "09/2024", 2025, "ngày ban hành tháng 09/2024"),
    (2026, "20/01/2027", 2028, "ngày ban hành 20/01/2027 và tên tệp 'so-mau-2028'"),
    (2027, "28/12/2026", 2025, "tên tệp 'so-mau-2025'")])
def test_a_mistyped_plan_year_is_said_once_not_through_every_deadline(tmp_path, year, date,
                                                                      file_year, against):
    sample_agency_site(tmp_path)
    write(tmp_path, f"content/plans/so-mau-{file_year}.yaml",
          f"agency: so-mau\nyear: {year}\ntitle: Kế hoạch\ndate: {date}\nareas:\n"
          "  - number: I\n    title: Thể chế\n    tasks:\n"
          "      - {number: '1', task: Việc một, deadline: Quý I}\n"
          "      - {number: '2', task: Việc hai, deadline: Tháng 3}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert warnings(stderr) == [
        f"content/plans/so-mau-{file_year}.yaml:2:7: cảnh báo/warning: không khớp: năm kế hoạch "
        f"{year} không hợp với {against}; các thời hạn như “Quý III” được tính theo năm {year}; "
        "nếu gõ nhầm năm, hãy sửa 'year' [mã kiểm tra: nam-ke-hoach; nếu văn bản gốc ghi đúng như "
        "vậy, thêm vào 'acknowledged' một dòng 'check: nam-ke-hoach' kèm 'note' giải thích]"], stderr


@pytest.mark.parametrize("name, year, day", [
    ("so-mau-2027", 2027, "28/12/2026"),  # next year's plan, issued in December
    ("so-mau-2027", 2027, "15/11/2026"),  # or in November
    ("so-mau-2027", 2027, "2026"),  # a year alone may mean its December
    ("so-mau-kh-45-2026", 2027, "28/12/2026"),  # named by the year it was issued in
    ("so-mau-giai-doan-2021-2025", 2021, "15/01/2021")])  # a name holding several years
def test_a_plan_year_its_date_and_name_allow_is_no_mistake(tmp_path, name, year, day):
    sample_agency_site(tmp_path)
    write(tmp_path, f"content/plans/{name}.yaml",
          f"agency: so-mau\nyear: {year}\ntitle: Kế hoạch\ndate: {day}\n")
    assert "nam-ke-hoach" not in run_cli("check", "--site", str(tmp_path)).stderr


def test_a_report_dated_before_its_plan_was_issued_is_pointed_out(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2027.yaml",
          "agency: so-mau\nyear: 2027\ntitle: Kế hoạch\ndate: 20/01/2027\n")
    for period, day in (("quy-1", "05/01/2027"), ("6-thang", "15/06/2027")):
        write(tmp_path, f"content/reports/so-mau-2027-{period}.yaml",
              f"agency: so-mau\nplan: so-mau-2027\nyear: 2027\nperiod: {period}\ntitle: Báo cáo\n"
              f"date: {day}\nsections:\n  - heading: I. Kết quả\n    body: Đã làm.\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert warnings(stderr) == [
        "content/reports/so-mau-2027-quy-1.yaml:6:7: cảnh báo/warning: không khớp: báo cáo ghi "
        "ngày 05/01/2027, trước ngày ban hành kế hoạch 'so-mau-2027' (20/01/2027) mà nó báo cáo: "
        "ngày, hay 'plan', có thể bị gõ nhầm [mã kiểm tra: bao-cao-truoc-ke-hoach; nếu văn bản gốc "
        "ghi đúng như vậy, thêm vào 'acknowledged' một dòng 'check: bao-cao-truoc-ke-hoach' kèm "
        "'note' giải thích]"], stderr


def test_a_report_giving_task_statuses_without_its_plan_is_refused_by_check(tmp_path):
    """As build would fail on it, check must: and say which plan is meant."""
    plan = ("agency: so-mau\nyear: 2027\ntitle: K\nareas:\n  - number: I\n    title: a\n"
            "    tasks:\n      - {number: '1', task: b}\n")
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2027.yaml": plan,
        "content/plans/so-mau-2026.yaml": plan.replace("2027", "2026"),
        "content/reports/so-mau-2027-quy-1.yaml":
          "agency: so-mau\nyear: 2027\nperiod: quy-1\ndate: 20/03/2027\ntitle: Báo cáo\n"
          "tasks:\n  - {task: I.1, status: hoan-thanh}\n"})
    assert "content/reports/so-mau-2027-quy-1.yaml:7:3: lỗi/error: tasks: báo cáo ghi tình " \
           "trạng nhiệm vụ ('tasks') nhưng không ghi 'plan', mã kế hoạch có các nhiệm vụ ấy; có " \
           "phải là 'so-mau-2027'?" in stderr, stderr
    assert run_cli("build", "--site", str(tmp_path)).returncode == 1


@pytest.mark.parametrize("written, meant, note", [
    ("Quý II", "6-thang", "quý II là báo cáo 6 tháng"), ("quy-2", "6-thang", "quý 2 là báo cáo 6 tháng"),
    ("Quý III/2027", "9-thang", "quý III là báo cáo 9 tháng"), ("quý 4", "nam", "quý 4 là báo cáo năm")])
def test_a_quarter_written_as_the_period_is_told_which_report_it_is(tmp_path, written, meant,
                                                                    note):
    stderr = checked(tmp_path, {"content/reports/so-mau-2027-bc.yaml":
                                f"agency: so-mau\nyear: 2027\nperiod: {written}\ntitle: B\n"})
    assert f"content/reports/so-mau-2027-bc.yaml:3:9: lỗi/error: period: giá trị '{written}' " \
           f"không hợp lệ; chỉ nhận: quy-1 (Quý I), 6-thang (6 tháng), 9-thang (9 tháng), nam " \
           f"(Năm) — có phải ý bạn là '{meant}'? (báo cáo {note}, kỳ kết thúc cùng quý ấy)" \
           in stderr, stderr


@pytest.mark.parametrize("name, title, said", [
    ("so-mau-2027-bc", "Báo cáo CCHC 6 tháng đầu năm 2027", "tên báo cáo “Báo cáo CCHC 6 tháng "
                                                            "đầu năm 2027” nói kỳ '6-thang'"),
    ("so-mau-2027-bc", "Báo cáo kết quả CCHC quý III năm 2027", "nói kỳ '9-thang'"),
    ("so-mau-2027-nam", "Báo cáo CCHC", "tên tệp “so-mau-2027-nam” nói kỳ 'nam' (Năm)"),
    ("so-mau-2027-quy-1", "Báo cáo CCHC quý I năm 2027", None),
    ("huyen-nam-dan-2027-bc", "Báo cáo CCHC quý I năm 2027", None),  # 'nam' of a name
    # the next period's tasks, and a date, name no period of this report
    ("so-mau-2027-bc", "Báo cáo CCHC quý I năm 2027 và phương hướng nhiệm vụ 6 tháng", None),
    ("so-mau-2027-bc", "Báo cáo CCHC quý I theo Kế hoạch ngày 9 tháng 1 năm 2027", None),
])
def test_a_period_the_reports_title_or_file_name_contradicts_is_pointed_out(tmp_path, name,
                                                                            title, said):
    stderr = checked(tmp_path, {f"content/reports/{name}.yaml":
                                f"agency: so-mau\nyear: 2027\nperiod: quy-1\ntitle: {title}\n"})
    found = [line for line in stderr.splitlines() if "hãy kiểm tra 'period'" in line]
    if said is None:
        assert found == [], stderr
    else:
        assert len(found) == 1 and f"{name}.yaml:3:9: cảnh báo/warning: period: " in found[0] \
            and said in found[0] and "nhưng 'period' là 'quy-1'" in found[0], stderr


def test_the_dev_servers_notice_lists_the_errors_and_counts_the_warnings_it_leaves_out():
    """While a build fails, the browser's notice lists its errors (warnings
    would bury them), but its count no longer says '0 cảnh báo' when the
    terminal lists one (as a new editor's trial found)."""
    from cchc_site.model import Loc
    from cchc_site.problems import Problems
    problems = Problems()
    problems.warn(Loc("content/plans/a.yaml", 2, 1), "", "cảnh báo một", "warning one")
    problems.error(Loc("content/plans/a.yaml", 5, 3), "", "lỗi một", "error one")
    notice = problems.report(errors_only=True)
    assert "lỗi một" in notice and "cảnh báo một" not in notice
    assert notice.splitlines()[-1].startswith(
        "1 lỗi, 1 cảnh báo — cảnh báo không liệt kê ở đây, xem cửa sổ lệnh (1 error, 1 warning;")
    assert "cảnh báo một" in problems.report() and problems.report().endswith(
        "1 lỗi, 1 cảnh báo (1 error, 1 warning)")


def test_a_file_that_cannot_be_read_leaves_links_to_its_page_unblamed(site_copy):
    """A Tab breaks a plan: the error is the plan's, not also a broken link on
    the free page that links to the plan (a file nobody touched); a link to
    a page that is truly missing is still pointed out."""
    (site_copy / "content/pages").mkdir(exist_ok=True)
    (site_copy / "content/pages/gioi-thieu.md").write_text(
        "---\ntitle: Giới thiệu\n---\n\nXem [kế hoạch](/ke-hoach/so-khdt-tuyen-quang-2023/) và "
        "[kế hoạch cũ](/ke-hoach/khong-co/).\n", encoding="utf-8")
    plan = site_copy / "content/plans/so-khdt-tuyen-quang-2023.yaml"
    lines = plan.read_text(encoding="utf-8").split("\n")
    lines[3] = "\t" + lines[3].lstrip()
    plan.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("check", "--site", str(site_copy), "--format", "github")
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() + result.stderr.splitlines()
              if line.startswith("::")]
    assert any("content/plans/so-khdt-tuyen-quang-2023.yaml,line=4," in e for e in errors), \
        errors
    assert not any("so-khdt-tuyen-quang-2023/'" in e for e in errors if "gioi-thieu" in e), errors
    assert any("gioi-thieu.md" in e and "/ke-hoach/khong-co/" in e for e in errors), errors


def test_a_task_done_by_one_report_and_not_by_a_later_one_is_pointed_out(tmp_path):
    """Quý I said done, the 6-month report 'not started': the public page would
    turn a finished task back into an unstarted one with no word to the editor.
    Work done often (a 'Thường xuyên' task) may well be under way again."""
    plan = ("agency: so-mau\nyear: 2026\ntitle: K\nareas:\n  - number: I\n    title: a\n"
            "    tasks:\n      - {number: '1', task: b, deadline: Quý II}\n"
            "      - {number: '2', task: c, deadline: Thường xuyên}\n"
            "      - {number: '3', task: d, deadline: Quý IV}\n")
    head = "agency: so-mau\nplan: so-mau-2026\nyear: 2026\ntitle: B\n"
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2026.yaml": plan,
        "content/reports/so-mau-2026-quy-1.yaml": head + "period: quy-1\ndate: 14/03/2026\ntasks:\n"
          "  - {task: I.1, status: hoan-thanh, date: 10/03/2026}\n"
          "  - {task: I.2, status: hoan-thanh}\n  - {task: I.3, status: dang-thuc-hien}\n",
        "content/reports/so-mau-2026-6-thang.yaml": head + "period: 6-thang\ndate: 14/06/2026\n"
          "tasks:\n  - {task: I.1, status: chua-thuc-hien}\n  - {task: I.2, status: dang-thuc-hien}\n"
          "  - {task: I.3, status: chua-thuc-hien}\n  - {task: I.3, status: hoan-thanh}\n"})
    found = [line for line in warnings(stderr) if "đã hoàn thành" in line]
    assert len(found) == 1 and found[0].startswith(
        "content/reports/so-mau-2026-6-thang.yaml:8:25: cảnh báo/warning: không khớp: nhiệm vụ "
        "I.1: báo cáo Quý I năm 2026 (so-mau-2026-quy-1) nêu đã hoàn thành, báo cáo này lại nêu "
        "“Chưa thực hiện”; trang hiện tình trạng theo báo cáo sau [mã kiểm tra: "
        "tinh-trang-lui-i-1;"), stderr
    assert "content/reports/so-mau-2026-6-thang.yaml:11:12: lỗi/error: tasks[4: I.3].task: nhiệm vụ " \
           "'I.3' đã được báo cáo ở trên trong cùng báo cáo (dòng 10)" in stderr, stderr


def test_a_dossier_count_not_in_its_quotation_is_pointed_out(tmp_path):
    """'received: 310' beside 'tiếp nhận 40 hồ sơ': the page would publish 310
    and rates worked out from it, next to the report's words that say 40."""
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\ndossiers:\n"
          "  as_written: Tiếp nhận 1.040 hồ sơ; trả trước hạn 30 hồ sơ, đúng hạn 1.010 hồ sơ\n"
          "  received: 1040\n  resolved_early: 300\n  resolved_on_time: 1010\n  online: 4\n"})
    found = [line for line in warnings(stderr) if "không có trong nguyên văn" in line]
    assert [line.split(": cảnh báo/warning: ")[0] for line in found] == [
        "content/reports/so-mau-2026-nam.yaml:8:19", "content/reports/so-mau-2026-nam.yaml:10:11"]
    assert "không khớp: giải quyết trước hạn: 300 hồ sơ không có trong nguyên văn; hãy xem lại " \
           "số ấy hay 'as_written' [mã kiểm tra: ho-so-khac-nguyen-van-resolved-early-300;" in found[0]


def test_a_dossier_count_its_quotation_writes_the_english_way_is_in_it(tmp_path):
    """'Tiếp nhận 1,250 hồ sơ': no count has decimals, the report wrote 1.250
    the English way; the page said 1.250 was not in the words quoted."""
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\ndossiers:\n"
          "  as_written: Tiếp nhận 1,250 hồ sơ, đã giải quyết 1.200 hồ sơ, còn 50 hồ sơ\n"
          "  received: 1250\n  resolved_on_time: 1200\n  pending: 50\n"})
    assert "không có trong nguyên văn" not in stderr, stderr


def test_dossiers_received_worked_out_from_a_total_with_the_carried_over_are_quoted(tmp_path):
    """'tổng số 3.512 hồ sơ, kỳ trước chuyển sang 212': the 3.300 newly
    received is the quoted total less the carried-over, not a figure mistyped."""
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\ndossiers:\n"
          "  as_written: Tổng số hồ sơ phải giải quyết 3.512 hồ sơ (kỳ trước chuyển sang 212 hồ sơ); "
          "đúng hạn 3.400 hồ sơ, còn 112 hồ sơ\n"
          "  carried_over: 212\n  received: 3300\n  resolved_on_time: 3400\n  pending: 112\n"})
    assert "không có trong nguyên văn" not in stderr and "ho-so-tong" not in stderr, stderr


def test_a_target_rate_the_reports_own_dossier_counts_contradict_is_pointed_out(tmp_path):
    """95,5% received online, says the report, of 5.000 received and 2.900
    online: 58%. The on-time rate of 137 early of 140 resolved, 'đúng hạn'
    not given, is at least 97,9%: 98% is within it, 90% is not."""
    plan = ("agency: so-mau\nyear: 2026\ntitle: Kế hoạch\ntargets:\n"
            "  - {id: truc-tuyen, text: Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt trên 80%}\n"
            "  - {id: dung-han, text: 100% hồ sơ được trả trước hạn và đúng hạn}\n"
            "areas:\n  - number: I\n    title: a\n    tasks:\n      - {number: '1', task: b}\n")

    def report(online: str, on_time: str) -> str:
        return ("agency: so-mau\nplan: so-mau-2026\nyear: 2026\nperiod: nam\ntitle: B\n"
                "tasks:\n  - {task: I.1, status: hoan-thanh}\n"
                "dossiers: {received: 5000, online: 2900, resolved_early: 137, resolved_late: 3,\n"
                "  pending: 4860}\n"
                "figures:\n"
                f"  - {{id: tt, label: Hồ sơ trực tuyến, value: '{online}', unit: '%', "
                "target: truc-tuyen}\n"
                f"  - {{id: dh, label: Hồ sơ đúng hạn, value: '{on_time}', unit: '%', "
                "target: dung-han}\n")

    stderr = checked(tmp_path, {"content/plans/so-mau-2026.yaml": plan,
                                "content/reports/so-mau-2026-nam.yaml": report("95,5", "90")})
    wrong = warnings(stderr)
    said = [line for line in wrong if "số hồ sơ của báo cáo" in line]
    assert said == [
        "content/reports/so-mau-2026-nam.yaml:11:46: cảnh báo/warning: không khớp: “Hồ sơ trực "
        "tuyến”: 95,5%, nhưng số hồ sơ của báo cáo cho tỷ lệ tiếp nhận trực tuyến 58%, tính bằng "
        "(tiếp nhận trực tuyến) ÷ (tiếp nhận) × 100 = 2.900 ÷ 5.000 × 100; hãy xem lại 'value' và "
        "'dossiers'; nếu hai số tính trên phạm vi khác nhau, hãy nói rõ trong 'label' [mã kiểm "
        "tra: ty-le-khac-so-ho-so-tt-95-5; nếu văn bản gốc ghi đúng như vậy, thêm vào "
        "'acknowledged' một dòng 'check: ty-le-khac-so-ho-so-tt-95-5' kèm 'note' giải thích]",
        "content/reports/so-mau-2026-nam.yaml:12:44: cảnh báo/warning: không khớp: “Hồ sơ đúng "
        "hạn”: 90%, nhưng số hồ sơ của báo cáo cho tỷ lệ giải quyết đúng hạn (gồm trước hạn) "
        "ít nhất 97,9%, tính bằng (giải quyết trước hạn + giải quyết đúng hạn) ÷ (giải quyết trước "
        "hạn + giải quyết đúng hạn + giải quyết quá hạn) × 100 = 137 ÷ 140 × 100; hãy xem lại 'value' "
        "và 'dossiers'; nếu hai số tính trên phạm vi khác nhau, hãy nói rõ trong 'label' [mã "
        "kiểm tra: ty-le-khac-so-ho-so-dh-90; nếu văn bản gốc ghi đúng như vậy, thêm vào "
        "'acknowledged' một dòng 'check: ty-le-khac-so-ho-so-dh-90' kèm 'note' giải thích]"], wrong
    english = [line.strip() for line in stderr.splitlines() if "dossier counts give" in line]
    assert [line.split(": ", 1)[1].split(";")[0] for line in english] == [
        "'Hồ sơ trực tuyến': 95,5%, but the report's dossier counts give 58% (2.900 ÷ 5.000 × 100)",
        "'Hồ sơ đúng hạn': 90%, but the report's dossier counts give at least 97,9% "
        "(137 ÷ 140 × 100)"], stderr
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    row = BeautifulSoup((tmp_path / "output/ke-hoach/so-mau-2026/index.html").read_bytes(),
                        "html.parser").select_one("#ct-truc-tuyen td").get_text(" ")
    assert ["Đạt", "Chưa đạt"] == re.findall(r"(?:Chưa )?[ĐđC]ạt\b", row) and \
        "= 58%" in " ".join(row.split()), row  # the figure, and beside it what the counts give
    right = checked(tmp_path, {"content/reports/so-mau-2026-nam.yaml": report("58", "98")})
    assert "số hồ sơ của báo cáo" not in right, right
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    row = BeautifulSoup((tmp_path / "output/ke-hoach/so-mau-2026/index.html").read_bytes(),
                        "html.parser").select_one("#ct-truc-tuyen td").get_text(" ")
    assert "tính từ" not in row, row


def test_on_time_and_early_given_together_and_apart_must_agree_and_count_once(tmp_path):
    """95 'đúng và trước hạn' beside 50 early and 40 on time: one of them is
    wrong; the sum with what is received counts them once."""
    def report(timely: int) -> str:
        return ("agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: nam\ntitle: B\n"
                "tasks:\n  - {task: I.1, status: hoan-thanh}\n"
                "dossiers:\n  received: 100\n  resolved_early: 50\n  resolved_on_time: 40\n"
                f"  resolved_timely: {timely}\n  resolved_late: 10\n")
    plan = {"content/plans/so-mau-2024.yaml": SMALL_PLAN + TASK}
    wrong = warnings(checked(tmp_path, {**plan, "content/reports/so-mau-2024-nam.yaml": report(95)}))
    assert [line.split(" [")[0] for line in wrong] == [
        "content/reports/so-mau-2024-nam.yaml:12:20: cảnh báo/warning: không khớp: giải quyết "
        "đúng hạn và trước hạn 95 hồ sơ, nhưng trước hạn 50 cộng đúng hạn 40 được 90"], wrong
    assert warnings(checked(tmp_path, {**plan, "content/reports/so-mau-2024-nam.yaml":
                                       report(90)})) == []


def test_a_mistyped_period_beside_other_reports_of_the_plan_is_an_error_not_a_crash(tmp_path):
    """'period: quy-2' (the guide's command takes quy-2) in a plan that has a
    Quý I report with dossier counts, and two 'quy-3': check and build
    crashed comparing them (a new user's trial)."""
    def report(period: str, received: int, status: str) -> str:
        return (f"agency: so-mau\nplan: so-mau-2024\nyear: 2024\nperiod: {period}\ntitle: B\n"
                f"tasks:\n  - {{task: I.1, status: {status}}}\n"
                f"dossiers: {{received: {received}, resolved_on_time: {received}}}\n")
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2024.yaml": SMALL_PLAN + TASK,
        "content/reports/so-mau-2024-quy-1.yaml": report("quy-1", 100, "hoan-thanh"),
        "content/reports/so-mau-2024-quy-2.yaml": report("quy-2", 90, "dang-thuc-hien"),
        "content/reports/so-mau-2024-quy-3.yaml": report("quy-3", 80, "dang-thuc-hien"),
        "content/reports/so-mau-2024-quy-3b.yaml": report("quy-3", 80, "dang-thuc-hien")})
    assert "Traceback" not in stderr, stderr
    errors = [line.split(": lỗi/error: ")[0] for line in stderr.splitlines() if "lỗi/error" in line]
    assert errors == ["content/reports/so-mau-2024-quy-2.yaml:4:9",
                      "content/reports/so-mau-2024-quy-3.yaml:4:9",
                      "content/reports/so-mau-2024-quy-3b.yaml:4:9"], stderr
    assert "có phải ý bạn là '6-thang'?" in stderr
    build = run_cli("build", "--site", str(tmp_path))
    assert build.returncode == 1 and "Traceback" not in build.stderr, build.stderr



@pytest.mark.parametrize("name, slip", [
    ("quy-2", "period: quy-2\n"), ("quy-1", "period: quy-1\ndossiers: {received: nhiều}\n")],
    ids=["period mistyped", "count refused"])
def test_a_report_read_with_errors_gives_no_warning_to_a_correct_one(tmp_path, name, slip):
    """A report whose 'quy-2' (meant: 6-thang) is refused said a task done: the
    correct 9-month report was warned that 'báo cáo kỳ chưa rõ năm 2024' had
    it done (a new user's trial). Only the report with errors is to be fixed."""
    head = "agency: so-mau\nplan: so-mau-2024\nyear: 2024\ntitle: B\n"
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2024.yaml": SMALL_PLAN + TASK + "        deadline: Quý IV\n",
        f"content/reports/so-mau-2024-{name}.yaml":
            head + slip + "tasks:\n  - {task: I.1, status: hoan-thanh}\n",
        "content/reports/so-mau-2024-9-thang.yaml":
            head + "period: 9-thang\ntasks:\n  - {task: I.1, status: dang-thuc-hien}\n"})
    problems = [line for line in stderr.splitlines() if "/error: " in line or "/warning: " in line]
    assert len(problems) == 1 and problems[0].startswith(
        f"content/reports/so-mau-2024-{name}.yaml:"), stderr


def test_dossiers_received_falling_from_one_report_of_the_year_to_the_next_are_pointed_out(
        tmp_path):
    """A 6-month report counts from the start of the year, so it cannot have
    received fewer dossiers than Quý I did; the year's reports of another
    place (a district's one-stop shop) are not compared."""
    head = "agency: so-mau\nyear: 2026\ntitle: B\n"
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-quy-1.yaml": head + "period: quy-1\n"
          "dossiers: {place: Trung tâm hành chính công, received: 40}\n",
        "content/reports/so-mau-2026-6-thang.yaml": head + "period: 6-thang\n"
          "dossiers: {place: Trung tâm hành chính công, received: 30}\n",
        "content/reports/so-mau-2026-9-thang.yaml": head + "period: 9-thang\n"
          "dossiers: {place: Bộ phận một cửa, received: 10}\n",
        "content/reports/so-mau-2026-nam.yaml": head + "period: nam\n"
          "dossiers: {place: Trung tâm hành chính công, received: 95}\n"})
    found = [line for line in warnings(stderr) if "từ đầu năm" in line]
    assert len(found) == 1 and found[0].startswith(
        "content/reports/so-mau-2026-6-thang.yaml:5:56: cảnh báo/warning: không khớp: tiếp nhận "
        "30 hồ sơ, ít hơn 40 của báo cáo Quý I năm 2026 (so-mau-2026-quy-1), mà báo cáo 6 tháng "
        "tính từ đầu năm [mã kiểm tra: ho-so-giam-10;"), stderr


def test_a_plan_id_not_found_suggests_the_agencys_plan_of_the_reports_year(tmp_path):
    """The 2026 plan's file renamed: its reports' 'plan' is closest in spelling
    to the 2025 plan, whose task ids a copied plan shares, so following that
    hint would file the 2026 reports under 2025 with only a year warning."""
    plan = "agency: so-mau\nyear: {}\ntitle: K\n"
    stderr = checked(tmp_path, {
        "content/plans/so-mau-2025.yaml": plan.format(2025),
        "content/plans/kh-cchc-so-mau-2026.yaml": plan.format(2026),
        "content/reports/so-mau-2026-quy-1.yaml":
          "agency: so-mau\nplan: so-mau-2026\nyear: 2026\nperiod: quy-1\ntitle: B\n"})
    assert "content/reports/so-mau-2026-quy-1.yaml:2:7: lỗi/error: plan: không có kế hoạch " \
           "'so-mau-2026'; có phải ý bạn là 'kh-cchc-so-mau-2026'?" in stderr, stderr


@pytest.mark.parametrize("address, sample", [
    ("https://cchc.example.gov.vn/", True), ("https://www.example.com/cchc/", True),
    ("https://so.example/", True), ("https://sokhcn.nghean.gov.vn/cchc/", False)])
def test_a_sample_address_under_any_name_is_pointed_out(tmp_path, address, sample):
    """Built with the example's own address and copied under /cchc/, every page
    worked but the 404 page (its links start from base_url's path), and the
    sitemap and feed named cchc.example.gov.vn."""
    sample_agency_site(tmp_path)
    write(tmp_path, "site.yaml", SITE.replace("https://cchc.sothu.gov.vn/", address))
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert ("vẫn là địa chỉ mẫu" in stderr) == sample, stderr


def test_markdown_written_without_a_bar_is_told_it_loses_its_lines(tmp_path):
    """'body:' with no '|': YAML joins the lines, so the page showed the list
    as one paragraph ('…đơn vị. - Tuyên truyền…; - Rà soát…')."""
    stderr = checked(tmp_path, {
        "content/reports/so-mau-2026-nam.yaml":
          "agency: so-mau\nyear: 2026\nperiod: nam\ntitle: B\nsections:\n"
          "  - heading: Kết quả\n    body: Trong năm, Sở đã triển khai tới các đơn vị.\n\n"
          "      - Tuyên truyền về cải cách;\n      - Rà soát thủ tục.\n"
          "  - heading: Một dòng\n    body: Một câu, không xuống dòng.\n"
          "  - heading: Có vạch\n    body: |\n      Đoạn một.\n\n      - Mục.\n"
          "  - heading: Gấp\n    body: >\n      Đoạn một.\n\n      - Mục.\n"})
    found = [line for line in warnings(stderr) if "nối các dòng" in line]
    assert len(found) == 2 and found[1].startswith("content/reports/so-mau-2026-nam.yaml:19:")
    assert found[0].startswith(
        "content/reports/so-mau-2026-nam.yaml:7:11: cảnh báo/warning: sections[1].body: YAML nối "
        "các dòng của giá trị này lại, nên đoạn văn và danh sách mất; hãy viết 'body: |' rồi "
        "xuống dòng, mọi dòng nội dung thụt vào như nhau"), stderr


def catalogue_with(procedures: str) -> dict[str, str]:
    return {"content/tthc/so-mau.yaml": "agency: so-mau\ntitle: Danh mục\nprocedures:\n" + procedures}


def test_a_fee_written_the_english_way_is_told_how_to_write_it(tmp_path):
    """'500,000 đồng' reads as five hundred đồng the Vietnamese way, and was
    published as it was, on the page and in the open data."""
    stderr = checked(tmp_path, catalogue_with(
        '  - {code: "1.000001", name: Cấp phép, field: Hộ tịch, fee: "500,000 đồng/hồ sơ"}\n'
        '  - {code: "1.000002", name: Cấp lại, field: Hộ tịch, fee: "500.000 đồng/hồ sơ"}\n'))
    found = [line for line in warnings(stderr) if "phí" in line]
    assert len(found) == 1 and found[0].startswith(
        "content/tthc/so-mau.yaml:4:61: cảnh báo/warning: procedures[1: 1.000001].fee: phí, lệ phí "
        "'500,000 đồng/hồ sơ' viết số tiền kiểu tiếng Anh: dấu chấm ngăn số nghìn, dấu phẩy là phần "
        "thập phân; hãy viết '500.000 đồng/hồ sơ'"), stderr


def test_a_processing_time_with_no_unit_is_warned_of(tmp_path):
    """'processing_time: 10' was published as '10' (days? working days?) in
    silence (a trial); '10 ngày làm việc' and 'Trong ngày' are as meant."""
    stderr = checked(tmp_path, catalogue_with(
        '  - {code: "1.000001", name: A, field: F, processing_time: "10"}\n'
        '  - {code: "1.000002", name: B, field: F, processing_time: 10 ngày làm việc}\n'
        '  - {code: "1.000003", name: C, field: F, processing_time: Trong ngày}\n'))
    found = [line for line in warnings(stderr) if "processing_time" in line]
    assert found == [
        "content/tthc/so-mau.yaml:4:60: cảnh báo/warning: procedures[1: 1.000001].processing_time: "
        "thời hạn giải quyết '10' không ghi đơn vị, nên trang in '10' và không tính được số ngày; "
        "hãy viết như quyết định công bố, ví dụ '10 ngày làm việc'"], stderr


def test_an_online_level_not_recognised_is_told_not_filed_under_not_given(tmp_path):
    """'DVCTT toàn trình' was filed under 'Không ghi' by the catalogue's filter,
    next to text saying toàn trình; 'Mức độ 5' does not exist."""
    stderr = checked(tmp_path, catalogue_with(
        '  - {code: "1.000001", name: A, field: F, online_level: DVCTT toàn trình}\n'
        '  - {code: "1.000002", name: B, field: F, online_level: Trực tuyến một phần}\n'
        '  - {code: "1.000003", name: C, field: F, online_level: Mức độ 5}\n'))
    found = [line for line in warnings(stderr) if "mức độ trực tuyến" in line]
    assert len(found) == 1 and found[0].startswith(
        "content/tthc/so-mau.yaml:6:57: cảnh báo/warning: procedures[3: 1.000003].online_level: "
        "không nhận ra mức độ trực tuyến 'Mức độ 5', nên bộ lọc của danh mục xếp thủ tục vào "
        "“Không ghi”; hãy ghi một trong: Toàn trình, Một phần, Mức độ 1, Mức độ 2, Mức độ 3, Mức "
        "độ 4"), stderr
    built = run_cli("build", "--site", str(tmp_path))
    html = (tmp_path / "output/thu-tuc/so-mau/index.html").read_text(encoding="utf-8")
    levels = dict(re.findall(r'<tr data-field="[^"]*" data-code="([^"]+)" data-level="([^"]+)"', html))
    assert built.returncode == 0 and levels == {
        "1.000001": "toan-trinh", "1.000002": "mot-phan", "1.000003": "khong-ghi"}, levels


def test_a_tthc_code_not_shaped_as_a_national_code_is_pointed_out(tmp_path):
    """A code a citizen looks up on the national portal: '1,004510' or
    '1.0045100' finds nothing there; a heading pasted in ('Mã TTHC') is no
    code; the short and the full form of one code are one procedure."""
    codes = ["1.004510", "1,004511", "1.0045100", "I.004512", "Mã TTHC",
             "2.000635.000.00.00.H50", "2.000635", "BTP-QTR-277165"]
    stderr = checked(tmp_path, catalogue_with("".join(
        f'  - {{code: "{code}", name: Thủ tục {i}, field: F}}\n' for i, code in enumerate(codes))))
    found = {line.split("'")[1]: line for line in warnings(stderr) if "mã TTHC" in line}
    assert sorted(found) == ["1,004511", "1.0045100", "2.000635", "I.004512", "Mã TTHC"], stderr
    assert "không có dạng của mã TTHC quốc gia (như 1.004510 hay 1.004510.000.00.00.H42)" in \
        found["1,004511"]
    assert "cùng mã với thủ tục ở dòng 9 (2.000635.000.00.00.H50)" in found["2.000635"]


def test_a_deadline_years_from_the_plans_year_is_pointed_out_the_next_year_is_not(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2027.yaml",
          "agency: so-mau\nyear: 2027\ntitle: Kế hoạch\nareas:\n"
          "  - number: I\n    title: Thể chế\n    tasks:\n"
          "      - {number: '1', task: Việc một, deadline: Quý II/2029}\n"
          "      - {number: '2', task: Việc hai, deadline: Trước 15/01/2028}\n"
          "      - {number: '3', task: Việc ba, deadline: Tháng 12/2026}\n"
          "      - {number: '4', task: Việc bốn, deadline: Từ năm 2020}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert warnings(stderr) == [
        f"content/plans/so-mau-2027.yaml:{line}:{column}: cảnh báo/warning: không khớp: nhiệm vụ "
        f"I.{n}: thời hạn “{said}” là năm {year}, cách xa năm của kế hoạch (2027): năm có thể bị "
        f"gõ nhầm, hay chép từ kế hoạch năm khác [mã kiểm tra: han-xa-nam-ke-hoach-i-{n}; nếu văn "
        "bản gốc ghi đúng như vậy, thêm vào 'acknowledged' một dòng 'check: "
        f"han-xa-nam-ke-hoach-i-{n}' kèm 'note' giải thích]"
        for line, column, n, said, year in ((8, 49, 1, "Quý II/2029", 2029),
                                            (11, 49, 4, "Từ năm 2020", 2020))], stderr


def test_an_empty_deadline_among_dated_tasks_is_pointed_out_a_plan_without_deadlines_is_not(
        tmp_path):
    sample_agency_site(tmp_path)
    tasks = "  - number: I\n    title: Thể chế\n    tasks:\n" \
            "      - {number: '1', task: Việc một, deadline: Quý I}\n" \
            "      - {number: '2', task: Việc hai}\n"
    write(tmp_path, "content/plans/so-mau-2027.yaml",
          "agency: so-mau\nyear: 2027\ntitle: Kế hoạch\nareas:\n" + tasks)
    write(tmp_path, "content/plans/so-mau-2026.yaml",
          "agency: so-mau\nyear: 2026\ntitle: Kế hoạch\nareas:\n"
          + tasks.replace(", deadline: Quý I", ""))
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert [line.split(": cảnh báo")[0] for line in warnings(stderr)] == \
        ["content/plans/so-mau-2027.yaml:9:9"], stderr
    assert "nhiệm vụ I.2 không ghi thời gian hoàn thành" in stderr


def test_a_task_heading_items_with_deadlines_of_their_own_is_not_said_to_lack_one(tmp_path):
    """Task 1 over 1.1 and 1.2 (the plan's heading of its items, as import
    makes them) has its items' deadlines; task 2's item has none, so both
    are said to lack one."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2027.yaml",
          "agency: so-mau\nyear: 2027\ntitle: Kế hoạch\nareas:\n"
          "  - number: I\n    title: Thể chế\n    tasks:\n"
          "      - {number: '1', task: Rà soát thể chế}\n"
          "      - {number: '1.1', task: Rà soát văn bản, deadline: Quý I}\n"
          "      - {number: '1.2', task: Xây dựng quy chế, deadline: Quý III}\n"
          "      - {number: '2', task: Tuyên truyền}\n"
          "      - {number: '2.a', task: Trên trang tin}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert re.findall(r"nhiệm vụ (\S+) không ghi thời gian hoàn thành", stderr) == \
        ["I.2", "I.2.a"], stderr


def test_a_name_is_not_taken_for_an_id_a_few_letters_away(tmp_path):
    """'thị trấn' (towns, in 'UBND các xã, thị trấn') is not 'thanh-tra', the inspectorate."""
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-mau.yaml",
          "name: Sở Mẫu\nunits:\n  - {id: thanh-tra, name: Thanh tra Sở}\n")
    write(tmp_path, "content/plans/so-mau-2024.yaml",
          SMALL_PLAN + TASK + "        lead: UBND các xã, thị trấn\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert "thanh-tra" not in stderr, stderr
    assert "không có đơn vị 'UBND các xã, thị trấn'; đây là tên chứ không phải mã" in stderr, stderr


def test_a_unit_named_twice_in_one_list_is_pointed_out_and_shown_once(tmp_path):
    write(tmp_path, "site.yaml", SITE)
    write(tmp_path, "content/agencies/so-mau.yaml", SMALL_AGENCY)
    write(tmp_path, "content/plans/so-mau-2024.yaml", SMALL_PLAN + TASK
          + "        lead: [van-phong, phong-chuyen-mon, van-phong]\n        support: [van-phong]\n")
    result = run_cli("build", "--site", str(tmp_path))
    assert [line.split(" cảnh báo/warning: ")[1] for line in warnings(result.stderr)] == [
        "areas[1: I].tasks[1: 1].lead[3]: đơn vị 'van-phong' đã có ở trên trong cùng danh sách; "
        "hãy bỏ bớt"], result.stderr  # chủ trì and phối hợp both: as plans write it, no slip
    page = BeautifulSoup((tmp_path / "output/ke-hoach/so-mau-2024/nhiem-vu/i-1/index.html")
                         .read_text("utf-8"), "html.parser")
    lead = page.find("dt", string="Đơn vị chủ trì").find_next_sibling("dd")
    assert lead.get_text() == "Văn phòng Sở, Các phòng chuyên môn"


def test_a_task_left_out_by_an_error_does_not_make_the_budget_total_look_wrong(tmp_path):
    """Two tasks numbered 1: the second is an error, and not counted; the
    stated total, which counts it, is not also said not to add up."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml",
          SMALL_PLAN + "appendix:\n  budget_total: 30 triệu đồng\n" + TASK
          + "        budget: 10 triệu đồng\n"
          "      - {number: '1', task: Việc hai, budget: 20 triệu đồng}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert "mã nhiệm vụ 'I.1' bị trùng" in stderr
    assert "tong-kinh-phi" not in stderr, stderr


def test_one_target_given_two_values_is_placed_by_its_order_not_by_its_internal_id(tmp_path):
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml", SMALL_PLAN + "targets:\n"
          "  - {id: truc-tuyen-a, text: Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 50%}\n"
          "  - {id: truc-tuyen-b, text: Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 60%}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert "“Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 50%” (chỉ tiêu thứ 1) và “Tỷ lệ hồ sơ tiếp " \
        "nhận trực tuyến đạt 60%” (chỉ tiêu thứ 2)" in stderr, stderr
    assert "'Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 60%' (target 2)" in stderr


def test_a_target_number_written_the_english_way_is_read_as_meant_and_pointed_out(tmp_path):
    """'98.5%' is 98,5%; '1,250 hồ sơ' is 1.250 (no count has decimals);
    '99,5%' and 'tăng 1,5 lần' are Vietnamese already."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml", SMALL_PLAN + "targets:\n"
          "  - {id: dung-han, text: Tỷ lệ hồ sơ giải quyết đúng hạn trên 98.5%}\n"
          "  - {id: truc-tuyen, text: 'Tiếp nhận trực tuyến trên 1,250 hồ sơ'}\n"
          "  - {id: som, text: 'Tỷ lệ hồ sơ giải quyết trước hạn đạt 99,5%'}\n"
          "  - {id: sang-kien, text: 'Số sáng kiến tăng 1,5 lần'}\n")
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    said = [line.split(": cảnh báo/warning: ")[0] + ": " + line.split("không khớp: ")[1].split(";")[0]
            for line in warnings(stderr) if "kiểu tiếng Anh" in line]
    assert said == [
        "content/plans/so-mau-2024.yaml:5:26: chỉ tiêu “Tỷ lệ hồ sơ giải quyết đúng hạn trên "
        "98.5%” viết số '98.5' kiểu tiếng Anh",
        "content/plans/so-mau-2024.yaml:6:28: chỉ tiêu “Tiếp nhận trực tuyến trên 1,250 hồ sơ” "
        "viết số '1,250' kiểu tiếng Anh"], stderr
    assert "the page reads it as 98,5" in stderr and "write '1.250'" in stderr, stderr
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    page = BeautifulSoup((tmp_path / "output/ke-hoach/so-mau-2024/index.html").read_bytes(),
                         "html.parser")
    read = {row["id"]: row.select_one("[data-label='Mức phải đạt (trang hiểu là)']").get_text()
            for row in page.select("tr[id^=ct-]")}
    assert read == {"ct-dung-han": "> 98,5%", "ct-truc-tuyen": "> 1.250 hồ sơ",
                    "ct-som": "≥ 99,5%", "ct-sang-kien": "tăng 1,5 lần"}, read


def test_two_rates_of_dossiers_alike_in_words_are_two_targets(tmp_path):
    """Early against on time; online against digitising those received
    online; late against apologising for the late ones."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml", SMALL_PLAN + "targets:\n" + "".join(
        f"  - {{id: t{i}, text: {text}}}\n" for i, text in enumerate([
            "Trên 80% hồ sơ được giải quyết trước hạn",
            "100% hồ sơ được giải quyết trước hạn và đúng hạn",
            "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 50%",
            "Tỷ lệ số hóa hồ sơ tiếp nhận trực tuyến đạt 100%",
            "Dưới 2% hồ sơ trễ hạn", "100% hồ sơ trễ hạn có văn bản xin lỗi"])))
    stderr = run_cli("check", "--site", str(tmp_path)).stderr
    assert "hai giá trị khác nhau" not in stderr, stderr


def test_an_area_numbered_with_a_slip_among_roman_numerals_is_pointed_out(tmp_path):
    sample_agency_site(tmp_path)
    areas = "".join(f"  - {{number: {n}, title: Lĩnh vực {n}}}\n"
                    for n in ("I", "II", "III", "1V", "V", "VI", "VII", "VIII", "IIII"))
    write(tmp_path, "content/plans/so-mau-2024.yaml", SMALL_PLAN + "areas:\n" + areas)
    found = [line.split("không khớp: ")[1].split(" [")[0] for line in
             warnings(run_cli("check", "--site", str(tmp_path)).stderr)]
    assert found == [  # read as meant, the second IV is out of sequence
        "các lĩnh vực được đánh số I, II, III, 1V, V, VI, VII, VIII, IIII, không liền nhau",
        "lĩnh vực được đánh số '1V', không phải số La Mã như các lĩnh vực khác; có phải 'IV'?",
        "lĩnh vực được đánh số 'IIII', không phải số La Mã như các lĩnh vực khác; có phải 'IV'?"
    ], found


def test_a_procedures_portal_link_to_another_code_is_pointed_out(tmp_path):
    """A row's link copied from the row above takes the citizen to another procedure."""
    portal = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
    catalogue_site(tmp_path,
                   f'  - {{code: "1.001193", name: Đăng ký khai sinh, link: "{portal}1.001193"}}\n'
                   f'  - {{code: "1.001195", name: Đăng ký kết hôn, link: "{portal}1.001193"}}\n'
                   '  - {code: "1.000894.000.00.00.H56", name: Đăng ký khai tử, '
                   f'link: "{portal}1.000894"}}\n'
                   '  - {code: "1.000689", name: Cấp bản sao, link: "https://dvc.hue.gov.vn/"}\n')
    found = warnings(run_cli("check", "--site", str(tmp_path)).stderr)
    assert [line.split(": cảnh báo/warning: ")[1] for line in found] == [
        "procedures[2: 1.001195].link: liên kết dẫn đến thủ tục mã 1.001193, không phải mã của "
        "thủ tục này (1.001195): có thể chép nhầm liên kết của thủ tục khác"], found


def test_a_note_on_a_public_page_states_the_mismatch_without_the_editors_to_do(tmp_path):
    """The editor is told what to do ('hãy thêm deadline'); citizens reading
    the page's notes are told what does not add up, not YAML field names."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2024.yaml", SMALL_PLAN + "areas:\n"
          "  - number: I\n    title: Thể chế\n    tasks:\n"
          "      - {number: '1', task: Việc một, deadline: Quý I}\n"
          "      - {number: '2', task: Việc hai}\n")
    result = run_cli("build", "--site", str(tmp_path))
    assert "nhiệm vụ I.2 không ghi thời gian hoàn thành; nếu chép sót, hãy thêm 'deadline'" \
        in result.stderr
    page = BeautifulSoup((tmp_path / "output/ke-hoach/so-mau-2024/index.html").read_text("utf-8"),
                         "html.parser")
    assert [li.get_text() for li in page.select("section.findings li")] == \
        ["Nhiệm vụ I.2 không ghi thời gian hoàn thành."]
