"""`cchc-site import` on the table shapes departments really make: Excel
headers over two rows, dates and numbers as Excel stores them, total and
signature rows, area headings written 'II-' or 'I.', tasks numbered 1.1,
letterheads in a borderless table, units in their short forms. Nothing is
dropped or glued on silently: what the importer does on its own is said."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from .conftest import run_cli

AGENCY = """\
name: Sở Y tế tỉnh Hà Tĩnh
units:
  - {id: van-phong, name: Văn phòng Sở}
  - {id: phong-kh-tc, name: Phòng Kế hoạch - Tài chính}
  - {id: phong-nv-yd, name: Phòng Nghiệp vụ Y - Dược}
  - {id: phong-tccb, name: Phòng Tổ chức cán bộ}
"""


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "site"
    assert run_cli("new", str(target)).returncode == 0
    (target / "content/agencies/so-y-te.yaml").write_text(AGENCY, encoding="utf-8")
    return target


def imported(site: Path, path: Path) -> tuple[dict, str]:
    """The draft an import writes, and what the command said."""
    result = run_cli("import", str(path), "--site", str(site), "--agency", "so-y-te",
                     "--out", str(path.with_suffix(".yaml")))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    text = path.with_suffix(".yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.BaseLoader), result.stderr


def imported_text(site: Path, folder: Path, text: str) -> tuple[dict, str]:
    """The draft and what was said, for a plan given as the text of a .txt file."""
    path = folder / "ke-hoach.txt"
    path.write_text(text, encoding="utf-8")
    return imported(site, path)


def tasks_of(draft: dict) -> dict[str, dict]:
    return {f"{a['number']}.{t['number']}": t for a in draft["areas"] for t in a["tasks"]}


def test_hidden_excel_columns_and_rows_are_not_imported(site, tmp_path):
    """A hidden 'Mã nội bộ' column was published on every task page (an
    import trial): what the sheet hides, its printed copy does not show."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TT", "Nhiệm vụ", "Mã nội bộ", "Thời gian"])
    sheet.append(["I", "CẢI CÁCH THỂ CHẾ"])
    sheet.append([1, "Rà soát văn bản QPPL", "NB-01", "Quý I"])
    sheet.append([2, "Nháp, chưa duyệt", "NB-02", "Quý II"])
    sheet.append([2, "Tuyên truyền", "NB-03", "Quý II"])
    sheet.column_dimensions["C"].hidden = True
    sheet.row_dimensions[4].hidden = True
    book.save(tmp_path / "ke-hoach.xlsx")
    draft, _ = imported(site, tmp_path / "ke-hoach.xlsx")
    tasks = draft["areas"][0]["tasks"]
    assert [(t["number"], t["task"], t.get("deadline")) for t in tasks] == [
        ("1", "Rà soát văn bản QPPL", "Quý I"), ("2", "Tuyên truyền", "Quý II")]
    assert "NB-0" not in (tmp_path / "ke-hoach.yaml").read_text(encoding="utf-8")


def test_an_excel_formula_error_in_a_cell_is_said_with_its_row(site, tmp_path):
    """'#VALUE!' as a budget, '#REF!' as a deadline went into the draft, and
    onto the public page, without a word (an import trial)."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TT", "Nhiệm vụ", "Thời gian", "Kinh phí (đồng)"])
    sheet.append(["I", "CẢI CÁCH THỂ CHẾ"])
    sheet.append([1, "Rà soát văn bản QPPL", "#REF!", "#VALUE!"])
    sheet.append([2, "Tuyên truyền", "Quý II", 5000000])
    book.save(tmp_path / "ke-hoach.xlsx")
    _, said = imported(site, tmp_path / "ke-hoach.xlsx")
    errors = [line.split(": lưu ý/note: ")[0].split("ke-hoach.xlsx: ")[1] + ": " +
              line.split("ô ")[1].split(" là")[0]
              for line in said.splitlines() if "lỗi công thức của Excel" in line]
    assert errors == ["trang 'Sheet', hàng 3: “#REF!”", "trang 'Sheet', hàng 3: “#VALUE!”"], said


def test_a_formula_no_excel_has_calculated_is_kept_as_written_and_said(site, tmp_path):
    """A workbook written by a program holds its formulas with no value: the
    total row's '=SUM(D3:D4)' was imported as an empty cell, the total lost."""
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TT", "Nhiệm vụ", "Thời gian", "Kinh phí (đồng)"])
    sheet.append(["I", "CẢI CÁCH THỂ CHẾ"])
    sheet.append([1, "Rà soát văn bản QPPL", "Quý I", 1000000])
    sheet.append([2, "Tuyên truyền", "Quý II", 5000000])
    sheet.append(["Tổng cộng", None, None, "=SUM(D3:D4)"])
    book.save(tmp_path / "ke-hoach.xlsx")
    draft, said = imported(site, tmp_path / "ke-hoach.xlsx")
    assert draft["appendix"]["budget_total"] == "=SUM(D3:D4)"
    assert "trang 'Sheet', hàng 5: lưu ý/note: ô “=SUM(D3:D4)” là công thức chưa được tính (tệp " \
           "chưa từng lưu bằng Excel)" in said, said
    # and the check refuses to publish it: the page printed 'Tổng kinh phí: =SUM(D3:D4)'
    (site / "content/plans/so-y-te-2026.yaml").write_text(
        (tmp_path / "ke-hoach.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    checked = run_cli("check", "--site", str(site))
    assert checked.returncode == 1
    assert "budget_total: '=SUM(D3:D4)' là công thức Excel, không phải số liệu" in checked.stderr


def test_an_imported_plan_left_as_drafted_is_warned_of_until_reviewed(site, tmp_path):
    """An import writes into content/ and its draft passed check --strict
    unreviewed (a trial): the draft's opening comment tells of it until the
    editor, having compared it with the original, deletes the comments."""
    (tmp_path / "ke-hoach.txt").write_text("KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                           "TT\tNhiệm vụ\tThời gian\nI\tTHỂ CHẾ\t\n"
                                           "1\tRà soát văn bản\tQuý I\n", encoding="utf-8")
    assert run_cli("import", str(tmp_path / "ke-hoach.txt"), "--site", str(site), "--agency",
                   "so-y-te").returncode == 0
    draft = next((site / "content/plans").glob("so-y-te-*.yaml"))
    rel = draft.relative_to(site).as_posix()
    checked = run_cli("check", "--site", str(site), "--strict")
    assert checked.returncode == 1
    assert f"{rel}:1:1: cảnh báo/warning: tệp vẫn là bản nháp do 'cchc-site import' viết" in \
        checked.stderr
    draft.write_text("\n".join(line for line in draft.read_text(encoding="utf-8").splitlines()
                               if not line.startswith("#")) + "\n", encoding="utf-8")
    assert "bản nháp do 'cchc-site import'" not in run_cli("check", "--site", str(site)).stderr


def test_an_excel_cover_sheet_gives_the_legal_basis_and_preamble(site, tmp_path):
    """A workbook's first sheet holding the plan's text above a sheet of
    tasks: its number, date and signer were read, its 'Căn cứ' lines lost
    in silence (a trial); the same plan in Word kept them."""
    import openpyxl
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Bia"
    for line in ["SỞ Y TẾ", "Số: 08/KH-SYT", "Hà Tĩnh, ngày 12 tháng 01 năm 2027", "KẾ HOẠCH",
                 "Cải cách hành chính năm 2027",
                 "Căn cứ Quyết định số 3010/QĐ-UBND ngày 25/12/2026 của UBND tỉnh;",
                 "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2027 của UBND tỉnh;",
                 "Sở Y tế xây dựng Kế hoạch cải cách hành chính năm 2027 như sau:"]:
        cover.append([line])
    sheet = book.create_sheet("Phu luc")
    sheet.append(["TT", "Nhiệm vụ", "Thời gian"])
    sheet.append(["I", "CẢI CÁCH THỂ CHẾ"])
    sheet.append([1, "Rà soát văn bản QPPL", "Quý I"])
    book.save(tmp_path / "ke-hoach.xlsx")
    draft, _ = imported(site, tmp_path / "ke-hoach.xlsx")
    assert (draft["number"], draft["date"]) == ("08/KH-SYT", "12/01/2027")
    assert draft["legal_basis"] == [
        "Căn cứ Quyết định số 3010/QĐ-UBND ngày 25/12/2026 của UBND tỉnh;",
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2027 của UBND tỉnh;"]
    assert draft["preamble"] == "Sở Y tế xây dựng Kế hoạch cải cách hành chính năm 2027 như sau:"
    assert [t["task"] for t in draft["areas"][0]["tasks"]] == ["Rà soát văn bản QPPL"]


def test_an_excel_sheet_with_a_two_row_header_a_total_and_a_second_sheet(site, tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PL kế hoạch"
    sheet.append(["PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"])
    sheet.append(["(Kèm theo Kế hoạch số 05/KH-SYT ngày 08/01/2026 của Sở Y tế)"])
    sheet.append(["TT", "Nhiệm vụ", "Thời gian", "Đơn vị thực hiện", None, "Kinh phí (đồng)"])
    sheet.append([None, None, None, "Chủ trì", "Phối hợp", None])
    for column in "ABCF":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("D3:E3")
    sheet.append(["I", "CẢI CÁCH THỂ CHẾ"])
    sheet.merge_cells("B5:F5")
    sheet.append([1, "Rà soát văn bản QPPL", datetime.datetime(2026, 1, 31), "Văn phòng Sở",
                  "Phòng Tổ chức cán bộ", 25000000])
    sheet.append([2, "Tổ chức thi tuyển\n- Xây dựng kế hoạch;\n- Tổ chức thi",
                  "Quý II/2026", "Phòng Nghiệp vụ Y - Dược", None, 12500000.5])
    sheet.append([])
    sheet.append(["Tổng cộng", None, None, None, None, 37500000.5])
    sheet.append([None, None, None, "GIÁM ĐỐC"])
    sheet.append([None, None, None, "Nguyễn Văn Hùng"])
    other = book.create_sheet("Tổng hợp kinh phí")
    other.append(["TT", "Nội dung", "Kinh phí"])
    other.append([1, "Lĩnh vực thể chế", 25000000])
    path = tmp_path / "ke-hoach.xlsx"
    book.save(str(path))
    draft, said = imported(site, path)
    assert (draft["number"], draft["date"], draft["year"]) == ("05/KH-SYT", "08/01/2026", "2026")
    assert "lưu ý/note: không tìm thấy title của kế hoạch; hãy điền tay" in said
    assert (draft["appendix"]["title"], draft["appendix"]["subtitle"]) == (  # the sheet's own
        "PHỤ LỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
        "(Kèm theo Kế hoạch số 05/KH-SYT ngày 08/01/2026 của Sở Y tế)")
    tasks = tasks_of(draft)
    assert list(tasks) == ["I.1", "I.2"]  # not the total, the signature or the other sheet
    assert tasks["I.1"]["deadline"] == "31/01/2026"
    assert (tasks["I.1"]["lead"], tasks["I.1"]["support"]) == (["van-phong"], ["phong-tccb"])
    assert (tasks["I.1"]["budget"], tasks["I.2"]["budget"]) == ("25.000.000", "12.500.000,5")
    assert tasks["I.2"]["task"] == "Tổ chức thi tuyển\n- Xây dựng kế hoạch;\n- Tổ chức thi"
    assert draft["appendix"]["budget_total"] == "37.500.000,5"
    columns = draft["appendix"]["columns"]  # the units' columns by the row under 'Đơn vị thực hiện'
    assert (columns["lead"], columns["support"]) == ("Chủ trì", "Phối hợp")
    assert draft["signer"] == {"title": "GIÁM ĐỐC", "name": "Nguyễn Văn Hùng"}  # under the table
    assert "trang 'PL kế hoạch', hàng 9: lưu ý/note: hết bảng nhiệm vụ ở hàng tổng cộng" in said
    assert "# Lưu ý (trang 'PL kế hoạch', hàng 9): hết bảng nhiệm vụ" in \
        path.with_suffix(".yaml").read_text(encoding="utf-8")


def test_a_start_and_an_end_date_column_give_the_deadline_and_keep_the_start(site, tmp_path):
    """'Thời gian bắt đầu | Thời gian hoàn thành', or 'Thời gian thực hiện' over
    'Bắt đầu | Hoàn thành' in two rows: the end is the deadline, the start kept
    in 'extra' and said (it was dropped, or the deadline left empty and the
    page said 'Không ghi')."""
    import openpyxl
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "TT\tNội dung\tThời gian bắt đầu\tThời gian hoàn thành\tĐơn vị chủ trì\n"
        "I\tCẢI CÁCH THỂ CHẾ\t\t\t\n1\tRà soát văn bản\tTháng 01/2026\tQuý II\tVăn phòng Sở\n")
    task = tasks_of(draft)["I.1"]
    assert (task["deadline"], task["extra"]) == ("Quý II", {"Thời gian bắt đầu": "Tháng 01/2026"})
    assert "cột “Thời gian bắt đầu” không phải cột nào của phụ lục" in said
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TT", "Nội dung", "Thời gian thực hiện", None, "Đơn vị chủ trì"])
    sheet.append([None, None, "Bắt đầu", "Hoàn thành", None])
    for column in "ABE":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.merge_cells("C1:D1")
    sheet.append(["I", "CẢI CÁCH THỂ CHẾ"])
    sheet.append([1, "Rà soát văn bản", "Tháng 01/2026", "Quý II/2026", "Văn phòng Sở"])
    book.save(str(tmp_path / "hai-hang.xlsx"))
    draft, said = imported(site, tmp_path / "hai-hang.xlsx")
    task = tasks_of(draft)["I.1"]
    assert (task["deadline"], task["extra"]) == ("Quý II/2026", {"Bắt đầu": "Tháng 01/2026"})
    assert draft["appendix"]["columns"]["deadline"] == "Hoàn thành"


def test_a_word_plan_with_a_letterhead_table_headings_in_other_forms_and_a_signature(
        site, tmp_path):
    import docx
    document = docx.Document()
    letterhead = document.add_table(rows=1, cols=2)
    letterhead.cell(0, 0).text = "SỞ Y TẾ TỈNH HÀ TĨNH\nSố: 14/KH-SYT"
    letterhead.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Tĩnh, ngày 22 tháng 01 " \
                                 "năm 2026"
    for line in ("KẾ HOẠCH", "Cải cách hành chính năm 2026", "I. MỤC ĐÍCH, YÊU CẦU",
                 "Triển khai đồng bộ các nhiệm vụ.", "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.",
                 "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Bình"):
        document.add_paragraph(line)
    rows = [["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
            ["I.", "CẢI CÁCH THỂ CHẾ", "", ""],
            ["1.", "Rà soát văn bản", "VP Sở", "Quý I"],
            ["II- CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
            ["1", "Niêm yết TTHC", "P. Nghiệp vụ Y - Dược", "Thường xuyên"],
            ["", "tại bộ phận một cửa", "", ""],
            ["III.CẢI CÁCH TỔ CHỨC BỘ MÁY"],
            ["1", "Rà soát vị trí việc làm", "Phòng KH-TC", "Quý III"],
            ["2", "Sắp xếp đơn vị", "Ban Quản lý dự án", "Quý IV"],
            ["Ghi chú: các đơn vị báo cáo trước ngày 15 tháng cuối quý"]]
    table = document.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        if len(row) == 1:
            table.cell(i, 0).merge(table.cell(i, 3)).text = row[0]
            continue
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, said = imported(site, path)
    assert (draft["number"], draft["place"], draft["date"], draft["year"]) == \
        ("14/KH-SYT", "Hà Tĩnh", "22/01/2026", "2026")
    assert draft["signer"] == {"on_behalf": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC",
                               "name": "Trần Thị Bình"}
    assert draft["recipients"] == ["Sở Nội vụ;", "Lưu: VT."]
    assert "GIÁM ĐỐC" not in str(draft["sections"])
    tasks = tasks_of(draft)
    assert [a["number"] for a in draft["areas"]] == ["I", "II", "III"]
    assert list(tasks) == ["I.1", "II.1", "III.1", "III.2"]
    assert [tasks[k].get("lead") for k in tasks] == [["van-phong"], ["phong-nv-yd"],
                                                      ["phong-kh-tc"], None]
    assert tasks["II.1"]["task"] == "Niêm yết TTHC tại bộ phận một cửa"
    for words in ("bảng 2, hàng 6: lưu ý/note: hàng không có số thứ tự, đã nối vào nhiệm vụ ở trên nó "
                  "(dòng sau của ô, hay phần ô bị tách qua trang); hãy soát lại: bảng 2, hàng 6 → II.1",
                  "bảng 2, hàng 10: lưu ý/note: hết bảng nhiệm vụ ở phần ký, nơi nhận hay ghi chú",
                  "lưu ý/note: không nhận ra đơn vị nào trong 'Ban Quản lý dự án' (1 nhiệm vụ)"):
        assert words in said, said


def test_a_unit_cell_naming_some_units_and_others_not_says_which_were_not(site, tmp_path):
    """'Văn phòng Sở; Ban Quản lý dự án': Văn phòng Sở is linked, and the other
    part, no unit of the agency's, is named in a note (it was silent: only a
    cell naming no unit at all was said)."""
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\nI\tTHỂ CHẾ\t\t\n"
        "1\tRà soát\tVăn phòng Sở\tPhòng Tổ chức cán bộ; Ban Quản lý dự án; các xã\n")
    task = tasks_of(draft)["I.1"]
    assert (task["support"], task["support_text"]) == (
        ["phong-tccb"], "Phòng Tổ chức cán bộ; Ban Quản lý dự án; các xã")
    assert "lưu ý/note: trong 'Phòng Tổ chức cán bộ; Ban Quản lý dự án; các xã' (1 nhiệm vụ) " \
           "không nhận ra đơn vị nào ở 'Ban Quản lý dự án', 'các xã'" in said, said


def test_a_unit_named_by_the_start_of_its_name_alone_is_found_and_said(site, tmp_path):
    """'Trung tâm Kiểm soát bệnh tật' for the agency's 'Trung tâm Kiểm soát
    bệnh tật tỉnh Hà Tĩnh': the one unit whose name it begins, with a note;
    not where two units begin so, nor for a kind's word alone."""
    (site / "content/agencies/so-y-te.yaml").write_text(
        AGENCY + "  - {id: cdc, name: Trung tâm Kiểm soát bệnh tật tỉnh Hà Tĩnh}\n"
        "  - {id: ttyt-1, name: Trung tâm Y tế huyện Kỳ Anh}\n"
        "  - {id: ttyt-2, name: Trung tâm Y tế huyện Hương Khê}\n", encoding="utf-8")
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\nI\tTHỂ CHẾ\t\t\n"
        "1\tRà soát\tTrung tâm Kiểm soát bệnh tật\tVăn phòng Sở; Trung tâm Y tế huyện\n")
    task = tasks_of(draft)["I.1"]
    assert (task["lead"], task["support"]) == (["cdc"], ["van-phong"])
    assert "lưu ý/note: 'Trung tâm Kiểm soát bệnh tật' (1 nhiệm vụ) được hiểu là 'Trung tâm Kiểm " \
           "soát bệnh tật tỉnh Hà Tĩnh', đơn vị duy nhất có tên bắt đầu như vậy" in said, said
    assert "không nhận ra đơn vị nào ở 'Trung tâm Y tế huyện'" in said


def test_a_plans_recipients_and_signature_set_side_by_side_in_a_table(site, tmp_path):
    """Word's usual layout for the end of a document: 'Nơi nhận' on the
    left, the signature on the right, in a borderless table of one row."""
    import docx
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    rows = [["TT", "Nội dung công việc", "Cơ quan chủ trì"], ["I", "CẢI CÁCH THỂ CHẾ", ""],
            ["1", "Rà soát văn bản", "Văn phòng Sở"], ["2", "Ban hành quy chế", "Văn phòng Sở"]]
    table = document.add_table(rows=len(rows), cols=3)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    end = document.add_table(rows=1, cols=2)
    end.cell(0, 0).text = "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT."
    end.cell(0, 1).text = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nHoàng Minh Tuấn"
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, _ = imported(site, path)
    assert draft["recipients"] == ["Sở Nội vụ;", "Lưu: VT."]
    assert draft["signer"] == {"on_behalf": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC",
                               "name": "Hoàng Minh Tuấn"}
    assert list(tasks_of(draft)) == ["I.1", "I.2"]


def test_tasks_numbered_1_1_under_areas_numbered_1(site, tmp_path):
    draft, _ = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                             "STT\tNhiệm vụ\tThời gian\n1\tCải cách thể chế\t\n"
                             "1.1\tRà soát\tQuý I\n1.2\tBan hành\tQuý II\n"
                             "2\tCải cách thủ tục hành chính\t\n2.1\tNiêm yết\tThường xuyên\n")
    assert [(a["number"], a["title"]) for a in draft["areas"]] == \
        [("1", "Cải cách thể chế"), ("2", "Cải cách thủ tục hành chính")]
    assert {k: t["task"] for k, t in tasks_of(draft).items()} == \
        {"1.1": "Rà soát", "1.2": "Ban hành", "2.1": "Niêm yết"}


def test_a_column_with_no_header_and_a_page_number_row_are_said(site, tmp_path):
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\t\tThời gian\nI\tThể chế\t\t\n"
                                "1\tRà soát\tVăn phòng Sở\tQuý I\n\tTrang 3\t\t\n"
                                "2\tBan hành\tThanh tra\tQuý II\n")
    assert list(tasks_of(draft)) == ["I.1", "I.2"]
    assert tasks_of(draft)["I.1"]["task"] == "Rà soát"
    assert "dòng 6: lưu ý/note: bỏ qua số trang 'Trang 3'" in said
    assert re.search(r"lưu ý/note: cột thứ 3 không có tiêu đề nên không được nhập \(2 ô, ví dụ "
                     r"'Văn phòng Sở'\)", said), said


def test_text_copied_from_a_pdf_with_columns_aligned_by_spaces(site, tmp_path):
    draft, said = imported_text(site, tmp_path,
        "SỞ Y TẾ\n"
        "Số: 21/KH-SYT                    Hà Tĩnh, ngày 25 tháng 01 năm 2026\n\n"
        "KẾ HOẠCH\nCải cách  hành chính năm 2026\n\n"
        "TT    Nhiệm vụ                         Đơn vị chủ trì        Thời gian\n"
        "I     CẢI CÁCH THỂ CHẾ\n"
        "1     Rà soát văn bản QPPL             Văn phòng Sở          Quý I\n"
        "2     Tham mưu ban hành quy định       Phòng TCCB            Quý III\n"
        "      quản lý nhiệm vụ cấp tỉnh\n"
        "                                                             Trang 3\n"
        "II    CẢI CÁCH THỦ TỤC HÀNH CHÍNH\n"
        "1     Niêm yết TTHC                    P. Nghiệp vụ Y - Dược  Thường xuyên\n")
    assert (draft["number"], draft["place"], draft["date"], draft["title"]) == \
        ("21/KH-SYT", "Hà Tĩnh", "25/01/2026", "Cải cách hành chính năm 2026")
    tasks = tasks_of(draft)
    assert {k: (t["task"], t.get("lead"), t["deadline"]) for k, t in tasks.items()} == {
        "I.1": ("Rà soát văn bản QPPL", ["van-phong"], "Quý I"),
        "I.2": ("Tham mưu ban hành quy định quản lý nhiệm vụ cấp tỉnh", ["phong-tccb"], "Quý III"),
        "II.1": ("Niêm yết TTHC", ["phong-nv-yd"], "Thường xuyên")}
    assert "dòng 12: lưu ý/note: bỏ qua số trang 'Trang 3'" in said
    assert "dòng 11: lưu ý/note: hàng không có số thứ tự, đã nối vào nhiệm vụ ở trên nó" in said
    assert "hãy soát lại: dòng 11 → I.2" in said


def test_a_cell_continued_with_words_like_a_total_is_joined_not_taken_for_the_end(site, tmp_path):
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\nTT\tNhiệm vụ\tThời gian\n"
        "I\tThể chế\t\n1\tRà soát văn bản;\tQuý I\n\tTổng hợp kết quả gửi Sở Nội vụ\t\n"
        "2\tBáo cáo\t\n\tGiám đốc Sở chỉ đạo trực tiếp\t\nTổng cộng\t\t\n"
        "3\tViệc sau tổng cộng\t\n")
    assert {k: t["task"] for k, t in tasks_of(draft).items()} == {
        "I.1": "Rà soát văn bản; Tổng hợp kết quả gửi Sở Nội vụ",
        "I.2": "Báo cáo Giám đốc Sở chỉ đạo trực tiếp"}
    assert "dòng 9: lưu ý/note: hết bảng nhiệm vụ ở hàng tổng cộng" in said
    assert said.count("hàng không có số thứ tự") == 1  # said once for the table, not each line
    assert "hãy soát lại: dòng 6 → I.1, dòng 8 → I.2" in said, said


def test_task_2_10_that_excel_stores_as_2_1_is_read_as_the_10th(site, tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TT", "Nhiệm vụ", "Thời gian"])
    sheet.append([1, "Cải cách thể chế", None])
    for number in range(1, 10):
        sheet.append([float(f"1.{number}"), f"Việc {number}", "Quý I"])
    sheet.append([1.1, "Việc 10", "Quý II"])  # typed 1.10, kept by Excel as 1.1
    path = tmp_path / "ke-hoach.xlsx"
    book.save(str(path))
    draft, said = imported(site, path)
    tasks = tasks_of(draft)
    assert list(tasks)[-2:] == ["1.9", "1.10"] and tasks["1.10"]["task"] == "Việc 10"
    assert "lưu ý/note: nhiệm vụ 1.1 sau nhiệm vụ 1.9: đọc là 1.10" in said


def test_areas_lettered_a_to_e_are_areas_not_roman_numerals(site, tmp_path):
    """A, B, C, D, E: every letter an area (C and D are not read as Roman 100
    and 500 beside A and B), each with its own tasks; the draft passes check."""
    rows = ["TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành"]
    for letter, title in zip("ABCDE", ["CÔNG TÁC CHỈ ĐẠO", "CẢI CÁCH THỂ CHẾ",
                                        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH TỔ CHỨC BỘ MÁY",
                                        "CẢI CÁCH TÀI CHÍNH CÔNG"]):
        rows += [f"{letter}\t{title}\t\t", f"1\tNhiệm vụ thứ nhất của {title.lower()}\t"
                 "Văn phòng Sở\tQuý II", f"2\tNhiệm vụ thứ hai của {title.lower()}\tVăn phòng Sở\t"
                 "Quý IV"]
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                + "\n".join(rows) + "\n")
    assert [(a["number"], len(a["tasks"])) for a in draft["areas"]] == [
        (letter, 2) for letter in "ABCDE"]
    assert "Chưa xếp được" not in said
    target = site / "content/plans/so-y-te-2026.yaml"
    target.write_text((tmp_path / "ke-hoach.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    checked = run_cli("check", "--site", str(site))
    assert "lỗi/error" not in checked.stderr, checked.stderr


def test_a_header_misspelt_or_unknown_is_said_and_one_unit_column_is_the_lead(site, tmp_path):
    """'Thời gia hoàn thành' (a letter lost) is the deadline, 'Đơn vị thực hiện'
    the lead unit, and a column the importer does not know is named, so no
    editor believes deadlines were read when they sit in 'extra'."""
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\tĐơn vị thực hiện\tThời gia hoàn thành\tĐánh giá\n"
                                "I\tCẢI CÁCH THỂ CHẾ\t\t\t\n"
                                "1\tRà soát văn bản\tVăn phòng Sở\tQuý II\tTốt\n")
    task = tasks_of(draft)["I.1"]
    assert (task["lead"], task["deadline"], task["extra"]) == (
        ["van-phong"], "Quý II", {"Đánh giá": "Tốt"})
    assert "tiêu đề cột “Thời gia hoàn thành” được hiểu là cột 'deadline'" in said
    assert "cột “Đánh giá” không phải cột nào của phụ lục mà cchc-site biết" in said
    assert "Đơn vị thực hiện" not in said  # a column known by its words: nothing to say


def test_a_total_row_with_its_count_ends_the_table_and_like_headers_are_both_kept(site,
                                                                                  tmp_path):
    """'Tổng cộng: 2 nhiệm vụ' is the total row, not a task; two columns headed
    'Đơn vị' (a header broken over two lines in a PDF) keep both cells."""
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\tĐơn vị\tĐơn vị\n"
                                "I\tCẢI CÁCH THỂ CHẾ\t\t\n"
                                "1\tRà soát văn bản\tVăn phòng Sở\tCác phòng\n"
                                "2\tTuyên truyền\tThanh tra Sở\tVăn phòng Sở\n"
                                "Tổng cộng: 2 nhiệm vụ\t\t\t\n")
    assert list(tasks_of(draft)) == ["I.1", "I.2"]
    assert tasks_of(draft)["I.1"]["extra"] == {"Đơn vị": "Văn phòng Sở", "Đơn vị (2)": "Các phòng"}
    assert "hết bảng nhiệm vụ ở hàng tổng cộng" in said


def test_areas_numbered_1_2_with_tasks_lettered_a_b(site, tmp_path):
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\tĐơn vị chủ trì\n"
                                "1\tCông tác chỉ đạo, điều hành\t\n"
                                "a)\tBan hành kế hoạch\tVăn phòng Sở\n"
                                "b)\tKiểm tra công tác CCHC\tVăn phòng Sở\n"
                                "2\tCải cách thể chế\t\n"
                                "a)\tRà soát văn bản\tVăn phòng Sở\n")
    assert [(a["number"], [t["number"] for t in a["tasks"]]) for a in draft["areas"]] == [
        ("1", ["a", "b"]), ("2", ["a"])]
    assert "Chưa xếp được" not in said


@pytest.mark.parametrize("areas, tasks", [
    (["1. Công tác chỉ đạo, điều hành", "2. Cải cách thể chế"], ["a)", "b)"]),
    (["A. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "B. CẢI CÁCH THỂ CHẾ"], ["1", "2"]),
], ids=["areas 1, 2 over tasks a), b)", "areas A, B over tasks 1, 2"])
def test_area_headings_merged_across_a_word_table_numbered_otherwise_than_roman(
        site, tmp_path, areas, tasks):
    import docx
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    table = document.add_table(rows=1 + len(areas) * (1 + len(tasks)), cols=3)
    for j, text in enumerate(["TT", "Nội dung công việc", "Cơ quan chủ trì"]):
        table.cell(0, j).text = text
    i = 1
    for heading in areas:
        table.cell(i, 0).merge(table.cell(i, 2)).text = heading
        for number in tasks:
            i += 1
            for j, text in enumerate([number, f"Việc {number} của {heading[3:]}", "Văn phòng Sở"]):
                table.cell(i, j).text = text
        i += 1
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, said = imported(site, path)
    assert [(a["number"], a["title"], len(a["tasks"])) for a in draft["areas"]] == [
        (heading[0], heading[3:], len(tasks)) for heading in areas]
    assert "Chưa xếp được" not in said


@pytest.mark.parametrize("areas, numbers", [
    (["Phần I. CẢI CÁCH THỂ CHẾ", "Phần II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"], ["I", "II"]),
    (["Mục 1. Công tác chỉ đạo, điều hành", "Mục 2. Cải cách thể chế"], ["1", "2"]),
], ids=["Phần I", "Mục 1"])
def test_areas_named_phan_or_muc_in_a_merged_row_are_areas(site, tmp_path, areas, numbers):
    """'Phần I. …', 'Mục 1. …' across the row above tasks numbered 1, 2: each
    an area, not a refusal for want of one (a trial on other provinces' plans)."""
    import docx
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    table = document.add_table(rows=1 + 3 * len(areas), cols=3)
    for j, text in enumerate(["TT", "Nội dung công việc", "Cơ quan chủ trì"]):
        table.cell(0, j).text = text
    for k, heading in enumerate(areas):
        i = 1 + 3 * k
        table.cell(i, 0).merge(table.cell(i, 2)).text = heading
        for n in (1, 2):
            for j, text in enumerate([str(n), f"Việc {n} của {heading}", "Văn phòng Sở"]):
                table.cell(i + n, j).text = text
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, said = imported(site, path)
    assert [(a["number"], a["title"], [t["number"] for t in a["tasks"]]) for a in draft["areas"]] \
        == [(number, heading.split(". ", 1)[1], ["1", "2"]) for number, heading in zip(numbers, areas)]
    assert "Chưa xếp được" not in said


def test_a_task_merged_down_over_two_rows_is_one_task_with_both_rows_cells(site, tmp_path):
    """Word repeats a cell merged down in each row it covers: the second row
    of a task with two deadlines and products is that task's, not a task of
    the same number and words."""
    import docx
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    rows = [["TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian hoàn thành", "Sản phẩm"],
            ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""],
            ["1", "Tổ chức hội nghị", "Văn phòng Sở", "Tháng 6", "Hội nghị giữa năm"],
            ["", "", "", "Tháng 12", "Hội nghị tổng kết"],
            ["2", "Kiểm tra", "Văn phòng Sở", "Quý IV", "Báo cáo"]]
    table = document.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for j in (0, 1, 2):
        table.cell(2, j).merge(table.cell(3, j)).text = rows[2][j]
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, said = imported(site, path)
    tasks = tasks_of(draft)
    assert list(tasks) == ["I.1", "I.2"]
    assert (tasks["I.1"]["deadline"], tasks["I.1"]["product"], tasks["I.1"]["lead"]) == \
        ("Tháng 6\nTháng 12", "Hội nghị giữa năm\nHội nghị tổng kết", ["van-phong"])
    assert "bảng 1, hàng 4: lưu ý/note: hàng lặp lại số và nội dung của nhiệm vụ I.1" in said


def test_sub_items_with_no_unit_or_deadline_of_their_own_take_their_tasks(site, tmp_path):
    """'a) Lớp thứ nhất', 'b) Lớp thứ hai' under a task, their unit and deadline
    cells left empty as the task's hold for them: not 'Không ghi' on the page;
    but an item naming a lead of its own and no supporting unit has none (it
    took the task's, a trial)."""
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
                                "I. CẢI CÁCH THỂ CHẾ\t\t\t\t\n"
                                "1\tMở lớp tập huấn\tVăn phòng Sở\tPhòng Kế hoạch - Tài chính\tQuý II\n"
                                "a)\tLớp thứ nhất\t\t\t\n"
                                "b)\tLớp thứ hai\tPhòng Tổ chức cán bộ\t\tQuý III\n")
    tasks = tasks_of(draft)
    assert [(k, t.get("lead"), t.get("support"), t.get("deadline")) for k, t in tasks.items()] == [
        ("I.1", ["van-phong"], ["phong-kh-tc"], "Quý II"),
        ("I.1.a", ["van-phong"], ["phong-kh-tc"], "Quý II"),
        ("I.1.b", ["phong-tccb"], None, "Quý III")]
    assert "mục nào không ghi đơn vị hay thời hạn thì lấy của nhiệm vụ I.1 (trừ đơn vị phối hợp " \
           "của mục có đơn vị chủ trì riêng)" in said


def test_lettered_sub_items_under_roman_areas_are_parts_of_the_task_above(site, tmp_path):
    """Sub-items a), b) of a task under areas headed 'I. …' in a merged row are
    tasks of that area numbered as the document does (I.2.a, I.2.b: not I.a
    beside I.1, with no sign of whose parts they are), not a sign that
    numbered rows are areas; parts A, B above Roman areas do not make the
    areas tasks."""
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\tĐơn vị chủ trì\n"
                                "I. CẢI CÁCH THỂ CHẾ\t\t\n"
                                "1\tRà soát văn bản\tVăn phòng Sở\n"
                                "2\tTuyên truyền\tVăn phòng Sở\n"
                                "a\tTuyên truyền trên trang tin\tVăn phòng Sở\n"
                                "b)\tTuyên truyền qua hội nghị\tVăn phòng Sở\n"
                                "3\tKiểm tra\tVăn phòng Sở\n"
                                "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\n"
                                "1\tRà soát thủ tục\tVăn phòng Sở\n"
                                "a)\tRà soát thủ tục cấp tỉnh\tVăn phòng Sở\n")
    assert [(a["number"], [t["number"] for t in a["tasks"]]) for a in draft["areas"]] == [
        ("I", ["1", "2", "2.a", "2.b", "3"]), ("II", ["1", "1.a"])]
    assert said.count("được nhập thành nhiệm vụ") == 2
    assert "các mục a), b)… dưới nhiệm vụ I.2 được nhập thành nhiệm vụ I.2.a, I.2.b…" in said
    (tmp_path / "so").mkdir()
    draft, said = imported_text(site, tmp_path / "so", "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\tĐơn vị chủ trì\n"
                                "II\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\n"
                                "1\tRà soát, đơn giản hóa thủ tục hành chính\t\n"
                                "1.1\tRà soát thủ tục cấp tỉnh\tVăn phòng Sở\n"
                                "1.2\tRà soát thủ tục cấp huyện\tVăn phòng Sở\n"
                                "2\tCông bố thủ tục\tVăn phòng Sở\n")
    assert [t["number"] for t in draft["areas"][0]["tasks"]] == ["1", "1.1", "1.2", "2"]
    assert said.count("được nhập thành nhiệm vụ") == 1
    assert "các mục 1.1, 1.2… dưới nhiệm vụ II.1 được nhập thành nhiệm vụ II.1.1, II.1.2…; mục " \
           "nào không ghi đơn vị hay thời hạn thì lấy của nhiệm vụ II.1 (trừ đơn vị phối hợp của mục " \
           "có đơn vị chủ trì riêng); nếu II.1 chỉ là tiêu đề " \
           "của chúng, có thể bỏ nó đi" in said
    (tmp_path / "hai").mkdir()
    draft, _ = imported_text(site, tmp_path / "hai", "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                             "TT\tNhiệm vụ\tĐơn vị chủ trì\n"
                             "A\tPHẦN MỘT\t\nI\tCẢI CÁCH THỂ CHẾ\t\n1\tRà soát văn bản\tVăn phòng Sở\n"
                             "B\tPHẦN HAI\t\nII\tCẢI CÁCH THỦ TỤC\t\n1\tRà soát thủ tục\tVăn phòng Sở\n")
    assert [a["number"] for a in draft["areas"]] == ["I", "II"]  # the Roman areas stay areas
    assert [t["number"] for t in draft["areas"][1]["tasks"]] == ["1"]


def test_items_a_b_written_in_the_task_cell_with_no_number_are_parts_not_one_joined_task(
        site, tmp_path):
    """'a) …', 'b) …' starting the task's cell, the TT cell empty, each with its
    own unit, deadline and budget: tasks I.2.a, I.2.b, not all their cells run
    on into task I.2 (read 'hạn 30/09/2029', '30.000.000 đồng'); a row with no
    number that does not start so is still the cell above continued."""
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2029\n"
                                "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành\tKinh phí\n"
                                "I\tCẢI CÁCH THỂ CHẾ\t\t\t\n"
                                "1\tRà soát văn bản\tVăn phòng Sở\tQuý II/2029\t\n"
                                "2\tTuyên truyền CCHC\tVăn phòng Sở\t\t\n"
                                "\ta) Xây dựng chuyên mục CCHC\tVăn phòng Sở\tQuý I/2029\tNgân sách tỉnh\n"
                                "\tb) Tổ chức hội thi tìm hiểu CCHC\tVăn phòng Sở\tQuý III/2029\t"
                                "30 triệu đồng\n"
                                "\tvề cải cách hành chính\t\t\t\n")
    tasks = tasks_of(draft)
    assert list(tasks) == ["I.1", "I.2", "I.2.a", "I.2.b"]
    assert (tasks["I.2.a"]["task"], tasks["I.2.a"]["deadline"], tasks["I.2.a"]["budget"]) == (
        "Xây dựng chuyên mục CCHC", "Quý I/2029", "Ngân sách tỉnh")
    assert tasks["I.2.b"]["task"] == "Tổ chức hội thi tìm hiểu CCHC về cải cách hành chính"
    assert "deadline" not in tasks["I.2"] and tasks["I.2"]["task"] == "Tuyên truyền CCHC"
    assert "dưới nhiệm vụ I.2 được nhập thành nhiệm vụ I.2.a, I.2.b" in said


def test_a_legal_basis_wrapped_over_lines_of_a_text_file_is_read_whole(site, tmp_path):
    """Text copied from a PDF breaks a paragraph at each line: the basis kept
    only its first line ('… của UBND tỉnh Quảng Trị về'), the rest lost."""
    draft, _ = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2028\n"
                             "Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2028 của UBND tỉnh Quảng Trị về\n"
                             "cải cách hành chính nhà nước năm 2028;\n"
                             "Căn cứ chức năng, nhiệm vụ của Sở,\n"
                             "Sở Tài nguyên và Môi trường xây dựng kế hoạch như sau:\n"
                             "I. MỤC ĐÍCH, YÊU CẦU\n"
                             "TT\tNhiệm vụ\tĐơn vị chủ trì\nI\tCẢI CÁCH THỂ CHẾ\t\n"
                             "1\tRà soát văn bản\tVăn phòng Sở\n")
    assert draft["legal_basis"] == [
        "Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2028 của UBND tỉnh Quảng Trị về cải cách hành "
        "chính nhà nước năm 2028;",
        "Căn cứ chức năng, nhiệm vụ của Sở,"]
    assert draft["preamble"] == "Sở Tài nguyên và Môi trường xây dựng kế hoạch như sau:"


def test_a_column_of_the_unit_in_charge_and_the_deadline_gives_both(site, tmp_path):
    """'Đơn vị chủ trì - Thời gian thực hiện' over 'Văn phòng Sở - Quý I': the
    deadline was lost and the page said 'Không ghi' (a trial on other
    provinces' plans); a unit named with a dash keeps its whole name."""
    draft, _ = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                             "STT\tNhiệm vụ\tĐơn vị chủ trì - Thời gian thực hiện\tSản phẩm\n"
                             "I\tCẢI CÁCH THỂ CHẾ\t\t\n"
                             "1\tXây dựng kế hoạch kiểm tra\tVăn phòng Sở - Quý I\tKế hoạch\n"
                             "2\tRà soát vị trí việc làm\tPhòng Kế hoạch - Tài chính\tBáo cáo\n")
    tasks = tasks_of(draft)
    assert (tasks["I.1"]["lead"], tasks["I.1"]["deadline"]) == (["van-phong"], "Quý I")
    assert tasks["I.2"]["lead"] == ["phong-kh-tc"] and "deadline" not in tasks["I.2"]
    assert draft["appendix"]["columns"]["lead"] == "Đơn vị chủ trì"
    assert draft["appendix"]["columns"]["deadline"] == "Thời gian thực hiện"


def test_a_pdfs_table_with_its_header_over_two_lines_and_a_year_wrapped(site, tmp_path):
    """Text copied from a PDF, columns aligned by spaces: 'Số TT', a header whose
    'Đơn vị' stands over 'chủ trì' and 'phối hợp' on the next line, and a task
    whose last word, a year, wrapped onto a line of its own."""
    draft, said = imported_text(site, tmp_path, "\n".join([
        "KẾ HOẠCH", "Cải cách hành chính năm 2026", "",
        "Số TT   Nội dung nhiệm vụ                 Đơn vị          Đơn vị        Thời gian",
        "                                          chủ trì         phối hợp      hoàn thành",
        "I       CẢI CÁCH THỂ CHẾ",
        "1       Ban hành Kế hoạch CCHC năm        Văn phòng Sở    Phòng Tổ chức cán bộ  Tháng 01/2026",
        "        2026"]) + "\n")
    task = tasks_of(draft)["I.1"]
    assert (task["task"], task["lead"], task["support"], task["deadline"]) == (
        "Ban hành Kế hoạch CCHC năm 2026", ["van-phong"], ["phong-tccb"], "Tháng 01/2026")
    assert draft["appendix"]["columns"]["lead"] == "Đơn vị chủ trì"
    assert "số trang" not in said


def test_a_pdfs_page_break_with_its_number_and_header_again_keeps_the_cell_going_on(site,
                                                                                  tmp_path):
    """A page's number ('Trang 2/5', at the margin or centred), then the header
    again, over two lines as on the first page, then the rest of the cell the
    page cut: that rest is the task's (it was read as more header words and
    lost), the header's second line is not a task's, the numbers no text."""
    header = ["TT    Nội dung nhiệm vụ                 Đơn vị          Thời gian",
              "                                        chủ trì         hoàn thành"]
    draft, said = imported_text(site, tmp_path, "\n".join([
        "KẾ HOẠCH", "Cải cách hành chính năm 2026", "", *header,
        "I     CẢI CÁCH THỂ CHẾ",
        "1     Rà soát văn bản QPPL             Văn phòng Sở    Quý I",
        "2     Niêm yết công khai TTHC tại      Văn phòng Sở    Quý II",
        "", "Trang 2/5", "", *header,
        "      Bộ phận Một cửa",
        "3     Tuyên truyền pháp luật           Văn phòng Sở    Quý III",
        "", "                                        Trang 3/5", "", *header,
        "4     Kiểm tra công tác CCHC           Văn phòng Sở    Quý IV"]) + "\n")
    tasks = tasks_of(draft)
    assert {k: t["task"] for k, t in tasks.items()} == {
        "I.1": "Rà soát văn bản QPPL", "I.2": "Niêm yết công khai TTHC tại Bộ phận Một cửa",
        "I.3": "Tuyên truyền pháp luật", "I.4": "Kiểm tra công tác CCHC"}
    assert all(t["lead"] == ["van-phong"] and "lead_text" not in t for t in tasks.values())
    assert "bỏ qua số trang 'Trang 3/5'" in said


def test_a_plans_text_copied_from_a_pdf_loses_its_page_numbers_and_running_header(site,
                                                                                  tmp_path):
    """'Trang 1/3' and the header the PDF repeats on each page ended up in the
    text of section II on the public page (an import trial)."""
    running = "Kế hoạch CCHC năm 2026 - Sở Y tế tỉnh Mẫu"
    header = "TT    Nội dung nhiệm vụ                 Đơn vị          Thời gian"
    draft, said = imported_text(site, tmp_path, "\n".join([
        "KẾ HOẠCH", "Cải cách hành chính năm 2026", "I. MỤC TIÊU",
        "1. Nâng cao chất lượng giải quyết thủ tục hành chính.", "II. NHIỆM VỤ",
        "Chi tiết tại Phụ lục kèm theo.", "", "                              Trang 1/3", "",
        running, "", "PHỤ LỤC", header, "I     CẢI CÁCH THỂ CHẾ",
        "1     Rà soát văn bản QPPL             Văn phòng Sở    Quý I", "",
        "                              Trang 2/3", "", running, "", header,
        "2     Kiểm tra công tác CCHC           Văn phòng Sở    Quý IV"]) + "\n")
    assert {k: t["task"] for k, t in tasks_of(draft).items()} == {
        "I.1": "Rà soát văn bản QPPL", "I.2": "Kiểm tra công tác CCHC"}
    text = yaml.safe_dump(draft.get("sections", []), allow_unicode=True) + \
        yaml.safe_dump(draft.get("objectives", []), allow_unicode=True)
    assert "Chi tiết tại Phụ lục kèm theo." in text
    assert "Trang 1/3" not in text and running not in text, text
    assert f"bỏ dòng “{running}” lặp lại 2 lần" in said


def test_two_rows_of_one_number_get_ids_of_their_own_so_the_draft_passes_check(site, tmp_path):
    """STT '3' twice in a district's plan: the draft was written without a word,
    and check then refused the whole site (an import trial)."""
    draft, said = imported_text(site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
                                "TT\tNhiệm vụ\tThời gian\nI\tCải cách thể chế\t\n"
                                "3\tRà soát văn bản\tQuý I\n3\tKhảo sát sự hài lòng\tQuý II\n")
    tasks = draft["areas"][0]["tasks"]
    assert [(t.get("id"), t["number"], t["task"]) for t in tasks] == [
        (None, "3", "Rà soát văn bản"), ("I.3-2", "3", "Khảo sát sự hài lòng")]
    assert "lĩnh vực I có 2 nhiệm vụ cùng số 3: nhiệm vụ “Khảo sát sự hài lòng” được đặt mã " \
           "'I.3-2'" in " ".join(said.split())
    plan = site / "content/plans/so-y-te-2026.yaml"
    plan.write_text((tmp_path / "ke-hoach.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    checked = run_cli("check", "--site", str(site))
    assert "bị trùng" not in checked.stderr and checked.returncode == 0, checked.stderr


def test_word_unicode_text_utf16_with_its_byte_order_mark_is_read(site, tmp_path):
    """Word's 'Save as: Unicode Text' writes UTF-16; it was refused, with
    advice to save as UTF-8 that did not say how."""
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes("KẾ HOẠCH\r\nCải cách hành chính năm 2026\r\nTT\tNhiệm vụ\tThời gian\r\n"
                     "I\tCải cách thể chế\t\r\n1\tRà soát văn bản\tQuý I\r\n".encode("utf-16"))
    draft, _ = imported(site, path)
    assert tasks_of(draft)["I.1"]["task"] == "Rà soát văn bản"
    assert draft["title"] == "Cải cách hành chính năm 2026"


def test_a_unit_name_wrapped_onto_the_next_line_of_a_pdf_is_found_whole(site, tmp_path):
    """'Phòng Kế hoạch -' then 'Tài chính' on the line below: the unit is the
    whole name, not none; 'Phòng Nghiệp vụ' then 'Y - Dược' is that unit, not
    the 'Phòng Nghiệp vụ' the first line alone names."""
    (site / "content/agencies/so-y-te.yaml").write_text(
        AGENCY + "  - {id: phong-nv, name: Phòng Nghiệp vụ}\n", encoding="utf-8")
    draft, said = imported_text(site, tmp_path, "\n".join([
        "KẾ HOẠCH", "Cải cách hành chính năm 2026", "",
        "TT    Nhiệm vụ                         Đơn vị chủ trì        Thời gian",
        "I     CẢI CÁCH THỂ CHẾ",
        "1     Rà soát văn bản QPPL             Phòng Kế hoạch -      Quý I",
        "      về tài chính                     Tài chính",
        "2     Tham mưu ban hành quy định       Phòng Nghiệp vụ       Quý III",
        "      quản lý dược                     Y - Dược"]) + "\n")
    tasks = tasks_of(draft)
    assert {k: (t.get("lead"), t.get("lead_text")) for k, t in tasks.items()} == {
        "I.1": (["phong-kh-tc"], None), "I.2": (["phong-nv-yd"], None)}
    assert "không nhận ra đơn vị" not in said


def test_a_table_with_no_tt_column_numbers_its_tasks_in_their_cells(site, tmp_path):
    """'Nội dung | Đơn vị chủ trì | Thời gian' and no TT: the areas are the
    headings across the row, each task's number the one its cell opens
    with ('1. Rà soát', '2) Tham mưu', '1.Niêm yết'), said in a note."""
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "Nội dung\tĐơn vị chủ trì\tThời gian hoàn thành\nI. CẢI CÁCH THỂ CHẾ\t\t\n"
        "1. Rà soát văn bản QPPL\tVăn phòng Sở\tQuý I\n"
        "2) Tham mưu ban hành quy định\tPhòng Tổ chức cán bộ\tQuý III\n"
        "II. CẢI CÁCH TTHC\t\t\n1.Niêm yết 1.500 thủ tục\tP. Nghiệp vụ Y - Dược\tThường xuyên\n")
    assert [(a["number"], a["title"], a.get("standard")) for a in draft["areas"]] == [
        ("I", "CẢI CÁCH THỂ CHẾ", "the-che"), ("II", "CẢI CÁCH TTHC", "thu-tuc-hanh-chinh")]
    assert {k: (t["task"], t["lead"], t["deadline"]) for k, t in tasks_of(draft).items()} == {
        "I.1": ("Rà soát văn bản QPPL", ["van-phong"], "Quý I"),
        "I.2": ("Tham mưu ban hành quy định", ["phong-tccb"], "Quý III"),
        "II.1": ("Niêm yết 1.500 thủ tục", ["phong-nv-yd"], "Thường xuyên")}
    assert "dòng 3: lưu ý/note: bảng không có cột TT: số của mỗi nhiệm vụ lấy ở đầu ô" in said


def test_a_word_plan_whose_task_table_is_not_recognised_names_that_table(site, tmp_path):
    """The letterhead is the first table of a Word plan: the error shows the
    first row of the task table, the biggest, for the editor to fix."""
    import docx
    document = docx.Document()
    letterhead = document.add_table(rows=1, cols=2)
    letterhead.cell(0, 0).text, letterhead.cell(0, 1).text = "SỞ Y TẾ", "CỘNG HÒA XÃ HỘI"
    rows = [["Số", "Việc", "Người làm"], ["1", "Rà soát", "Văn phòng Sở"], ["2", "Niêm yết", ""]]
    table = document.add_table(rows=3, cols=3)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    result = run_cli("import", str(path), "--site", str(site), "--agency", "so-y-te")
    assert result.returncode == 2
    assert "ke-hoach.docx, bảng 2: không nhận ra bảng nhiệm vụ" in result.stderr
    assert "hàng đầu bảng lớn nhất là: Số | Việc | Người làm" in result.stderr


def test_dashed_rows_with_their_own_unit_or_deadline_are_tasks_of_their_own(site, tmp_path):
    """'- Rà soát… | Văn phòng Sở | Quý I' under task 1: the row's unit and
    deadline were run together with task 1's ('Quý I Quý III'); each such
    row is task 1.1, 1.2 (said), while a dashed line with nothing beside it
    is still the cell above continued."""
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\nI\tTHỂ CHẾ\t\t\n"
        "1\tRà soát, hoàn thiện thể chế\t\t\n"
        "\t- Rà soát văn bản QPPL\tVăn phòng Sở\tQuý I\n"
        "\t- Xây dựng quy chế làm việc\tPhòng TCCB\tQuý III\n"
        "2\tTuyên truyền CCHC\tVăn phòng Sở\tThường xuyên\n"
        "\t- trên trang thông tin điện tử\t\t\n")
    tasks = tasks_of(draft)
    assert {k: (t["task"], t.get("lead"), t.get("deadline")) for k, t in tasks.items()} == {
        "I.1": ("Rà soát, hoàn thiện thể chế", None, None),
        "I.1.1": ("Rà soát văn bản QPPL", ["van-phong"], "Quý I"),
        "I.1.2": ("Xây dựng quy chế làm việc", ["phong-tccb"], "Quý III"),
        "I.2": ("Tuyên truyền CCHC - trên trang thông tin điện tử", ["van-phong"], "Thường xuyên")}
    assert "dòng 6: lưu ý/note: các dòng '-' dưới nhiệm vụ I.1 có đơn vị hay thời hạn riêng, được " \
           "nhập thành nhiệm vụ I.1.1, I.1.2…" in said, said
    assert "dòng 9: lưu ý/note: hàng không có số thứ tự, đã nối vào nhiệm vụ ở trên nó" in said, said
    assert "hãy soát lại: dòng 9 → I.2" in said


def test_objectives_written_as_prose_and_dashed_items_are_kept(site, tmp_path):
    """A MỤC TIÊU section of a sentence and '-' items, none numbered, was
    dropped whole and unsaid (only numbered objectives were read): it is the
    text the editor is told to copy the targets from."""
    import docx
    document = docx.Document()
    for line in ("KẾ HOẠCH", "Cải cách hành chính năm 2025", "I. MỤC TIÊU",
                 "Xây dựng nền hành chính ngành y tế chuyên nghiệp, hiện đại.",
                 "- 100% hồ sơ TTHC được giải quyết đúng hạn;",
                 "- Mức độ hài lòng của người dân đạt trên 90%.",
                 "II. MỤC TIÊU CỤ THỂ", "1. Mục tiêu về thể chế",
                 "- Rà soát 100% văn bản;", "2. Công khai 100% thủ tục hành chính trên Cổng dịch vụ công",
                 "của tỉnh, đúng hạn.", "III. NHIỆM VỤ", "Chi tiết tại Phụ lục."):
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=3)
    for i, row in enumerate([["TT", "Nhiệm vụ", "Thời gian"], ["I", "CÔNG TÁC CHỈ ĐẠO", ""],
                             ["1", "Ban hành Kế hoạch", "Quý I"]]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, _ = imported(site, path)
    assert draft["objectives"] == [
        {"text": "Xây dựng nền hành chính ngành y tế chuyên nghiệp, hiện đại.\n\n"
                 "- 100% hồ sơ TTHC được giải quyết đúng hạn;\n"
                 "- Mức độ hài lòng của người dân đạt trên 90%."},
        {"number": "1", "text": "Mục tiêu về thể chế\n\n- Rà soát 100% văn bản;"},
        {"number": "2", "text": "Công khai 100% thủ tục hành chính trên Cổng dịch vụ công của "
                                "tỉnh, đúng hạn."}]
    assert [s["heading"] for s in draft["sections"]] == ["III. NHIỆM VỤ"]


def test_words_in_the_tt_column_a_pdfs_running_header_are_no_task(site, tmp_path):
    """A PDF's page header between the pages of its table, read as a row:
    its words in the TT column made a task numbered 'Sở Nông nghiệp…', with
    no task text, which check refused; it is named as not placed."""
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2024\n\n"
        "TT   Nhiệm vụ                          Đơn vị chủ trì      Thời gian\n"
        "I    CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n"
        "1    Ban hành Kế hoạch CCHC năm 2024   Văn phòng Sở        Tháng 02/2024\n\n"
        "                                     2\n"
        "\fSở Nông nghiệp và PTNT Quảng Ngãi        Kế hoạch CCHC năm 2024\n\n"
        "TT   Nhiệm vụ                          Đơn vị chủ trì      Thời gian\n"
        "2    Báo cáo định kỳ về CCHC           Văn phòng Sở        Theo quy định\n")
    assert {k: t["task"] for k, t in tasks_of(draft).items()} == {
        "I.1": "Ban hành Kế hoạch CCHC năm 2024", "I.2": "Báo cáo định kỳ về CCHC"}
    assert "dòng 9: cảnh báo/warning: không xếp được vào đâu, hãy chép tay: Sở Nông nghiệp và " \
           "PTNT Quảng Ngãi | Kế hoạch CCHC năm 2024" in said, said


def test_a_preamble_wrapped_over_two_lines_of_a_pdf_is_kept_whole(site, tmp_path):
    draft, _ = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2024\n"
        "Căn cứ Quyết định số 1350/QĐ-UBND ngày 28/12/2023 của UBND tỉnh ban hành Kế\n"
        "hoạch cải cách hành chính năm 2024;\n"
        "Sở Nông nghiệp và Phát triển nông thôn xây dựng Kế hoạch cải cách hành chính năm 2024 như\n"
        "sau:\nI. MỤC TIÊU\nPhấn đấu 100% hồ sơ được giải quyết đúng hạn.\n"
        "TT\tNhiệm vụ\tThời gian\nI\tThể chế\t\n1\tRà soát\tQuý I\n")
    assert draft["legal_basis"] == ["Căn cứ Quyết định số 1350/QĐ-UBND ngày 28/12/2023 của UBND "
                                    "tỉnh ban hành Kế hoạch cải cách hành chính năm 2024;"]
    assert draft["preamble"] == "Sở Nông nghiệp và Phát triển nông thôn xây dựng Kế hoạch cải " \
                                "cách hành chính năm 2024 như sau:"


def test_a_unit_named_beside_another_after_a_comma_is_said_when_not_found(site, tmp_path):
    """'Trung tâm TGPL, Trung tâm Y tế' linked the second and said nothing of
    the first, whose page then lacked the task; a comma inside one unit's
    own name ('Phòng Hành chính, Tổng hợp') is no second unit."""
    (site / "content/agencies/so-y-te.yaml").write_text(
        AGENCY + "  - {id: ttyt, name: Trung tâm Y tế}\n"
        "  - {id: p-hc, name: 'Phòng Hành chính, Tổng hợp'}\n", encoding="utf-8")
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\nI\tTHỂ CHẾ\t\t\n"
        "1\tRà soát\tPhòng Hành chính, Tổng hợp\tTrung tâm TGPL, Trung tâm Y tế\n")
    task = tasks_of(draft)["I.1"]
    assert (task["lead"], task["support"]) == (["p-hc"], ["ttyt"])
    assert "lưu ý/note: trong 'Trung tâm TGPL, Trung tâm Y tế' (1 nhiệm vụ) không nhận ra đơn vị " \
           "nào ở 'Trung tâm TGPL'" in said, said
    assert "(1 task)" in said and "Phòng Hành chính'" not in said


@pytest.mark.parametrize("mark", ["-", "+"])
def test_a_dash_or_plus_in_the_tt_column_makes_items_as_a_dash_in_the_task_cell(site, tmp_path,
                                                                               mark):
    """'- | Kiểm tra tại 10 trường | Thanh tra Sở | Quý II/2026' under task 1:
    '-' ran the rows into task 1 ('Quý II - Quý III/2026 Quý II/2026 …'),
    '+' became a task numbered '+' whose page took another task's address."""
    draft, _ = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\nI\tTHỂ CHẾ\t\t\n"
        "1\tKiểm tra công tác CCHC\tVăn phòng Sở\tQuý II - Quý III/2026\n"
        f"{mark}\tKiểm tra tại 10 trường THPT\tPhòng TCCB\tQuý II/2026\n"
        f"{mark}\tKiểm tra tại 03 trung tâm\tPhòng TCCB\tQuý III/2026\n")
    assert {k: (t["task"], t["deadline"]) for k, t in tasks_of(draft).items()} == {
        "I.1": ("Kiểm tra công tác CCHC", "Quý II - Quý III/2026"),
        "I.1.1": ("Kiểm tra tại 10 trường THPT", "Quý II/2026"),
        "I.1.2": ("Kiểm tra tại 03 trung tâm", "Quý III/2026")}


@pytest.mark.parametrize("merged", [True, False], ids=["pasted as it is", "plain rows"])
def test_a_two_row_header_repeated_inside_a_word_table_is_dropped(site, tmp_path, merged):
    """'Đơn vị thực hiện' over 'Chủ trì | Phối hợp', repeated in the middle of
    the table (a clerk's paste, or a page's copy without its merges): the
    table was said to end there, as at another table's header, and the
    areas after it were lost (a trial)."""
    import docx
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    first = ["TT", "Nội dung", "Đơn vị thực hiện", "", "Thời gian"]
    second = ["", "", "Chủ trì", "Phối hợp", ""]
    rows = [first, second, ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""],
            ["1", "Rà soát văn bản", "Văn phòng Sở", "Phòng Tổ chức cán bộ", "Quý I"],
            first, second, ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""],
            ["1", "Niêm yết TTHC", "Phòng Nghiệp vụ Y - Dược", "Văn phòng Sở", "Quý II"]]
    table = document.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for top in (0, 4) if merged else (0,):
        for j in (0, 1, 4):
            table.cell(top, j).merge(table.cell(top + 1, j)).text = first[j]
        table.cell(top, 2).merge(table.cell(top, 3)).text = first[2]
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    draft, said = imported(site, path)
    tasks = tasks_of(draft)
    assert {k: (t["task"], t["lead"], t["support"]) for k, t in tasks.items()} == {
        "I.1": ("Rà soát văn bản", ["van-phong"], ["phong-tccb"]),
        "II.1": ("Niêm yết TTHC", ["phong-nv-yd"], ["van-phong"])}
    assert "hết bảng nhiệm vụ" not in said and "không có số thứ tự" not in said, said


def test_one_unit_cell_naming_the_lead_and_the_supporting_units_gives_both(site, tmp_path):
    """'Chủ trì: …; Phối hợp: …' in one 'Đơn vị thực hiện' column, or '…
    chủ trì, phối hợp …', '… chủ trì; … phối hợp': all were read as units in
    charge (a trial); those with 'phối hợp' support, and the split is said;
    'Chủ trì:' before one unit alone is no unit's words to keep."""
    draft, said = imported_text(
        site, tmp_path, "KẾ HOẠCH\nCải cách hành chính năm 2026\n"
        "TT\tNội dung\tĐơn vị thực hiện\tThời gian\nI\tTHỂ CHẾ\t\t\n"
        "1\tRà soát\tChủ trì: Văn phòng Sở; Phối hợp: Phòng Tổ chức cán bộ\tQuý I\n"
        "2\tNiêm yết\tVăn phòng Sở chủ trì, phối hợp Phòng Kế hoạch - Tài chính\tQuý II\n"
        "3\tKiểm tra\tPhòng Tổ chức cán bộ chủ trì; Văn phòng Sở phối hợp\tQuý III\n"
        "4\tTuyên truyền\tChủ trì: Văn phòng Sở\tQuý IV\n")
    tasks = tasks_of(draft)
    assert {k: (t["lead"], t.get("support")) for k, t in tasks.items()} == {
        "I.1": (["van-phong"], ["phong-tccb"]), "I.2": (["van-phong"], ["phong-kh-tc"]),
        "I.3": (["phong-tccb"], ["van-phong"]), "I.4": (["van-phong"], None)}
    assert not any("lead_text" in t or "support_text" in t for t in tasks.values())
    assert "lưu ý/note: ô đơn vị ghi cả đơn vị chủ trì và đơn vị phối hợp: đơn vị phối hợp được " \
           "nhập vào 'support'; hãy soát lại: I.1, I.2, I.3" in said, said


def test_a_time_merged_across_the_start_and_end_columns_is_the_deadline(site, tmp_path):
    """'Thường xuyên' written once across 'Bắt đầu | Hoàn thành' (Excel's merge,
    Word's cell spanning two columns) was kept as the start alone and the
    deadline lost (a trial); a start with no end, not merged, stays a start."""
    import docx
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian thực hiện", None])
    sheet.append([None, None, None, "Bắt đầu", "Hoàn thành"])
    for column in "ABC":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.merge_cells("D1:E1")
    sheet.append(["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"])
    sheet.append([1, "Rà soát TTHC", "Văn phòng Sở", "Tháng 3/2026", "Quý III/2026"])
    sheet.append([2, "Duy trì Bộ phận Một cửa", "Văn phòng Sở", "Thường xuyên"])
    sheet.merge_cells("D5:E5")
    sheet.append([3, "Tuyên truyền", "Văn phòng Sở", "Tháng 6/2026"])
    book.save(str(tmp_path / "ke-hoach.xlsx"))
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    rows = [["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian bắt đầu", "Thời gian hoàn thành"],
            ["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""],
            ["1", "Rà soát TTHC", "Văn phòng Sở", "Tháng 3/2026", "Quý III/2026"],
            ["2", "Duy trì Bộ phận Một cửa", "Văn phòng Sở", "Thường xuyên", ""],
            ["3", "Tuyên truyền", "Văn phòng Sở", "Tháng 6/2026", ""]]
    table = document.add_table(rows=len(rows), cols=5)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    table.cell(3, 3).merge(table.cell(3, 4)).text = "Thường xuyên"
    document.save(str(tmp_path / "ke-hoach-word.docx"))
    for path, start in ((tmp_path / "ke-hoach.xlsx", "Bắt đầu"),
                        (tmp_path / "ke-hoach-word.docx", "Thời gian bắt đầu")):
        draft, _ = imported(site, path)
        assert {k: (t.get("deadline"), t.get("extra")) for k, t in tasks_of(draft).items()} == {
            "I.1": ("Quý III/2026", {start: "Tháng 3/2026"}), "I.2": ("Thường xuyên", None),
            "I.3": (None, {start: "Tháng 6/2026"})}, path.name
