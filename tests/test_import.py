"""`cchc-site import`: the seed documents, as text, Word and Excel, become
drafts that match the hand transcription and build; broken files get clear
errors."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SEEDS, as_windows_1252, raw_yaml, run_cli

TASK_FIELDS = ("number", "objective", "task", "activities", "product", "lead", "support",
               "lead_text", "support_text", "deadline", "budget")
PLANS = [("000_2fbed6697f9b9048.txt", "so-khcn-nghe-an", "so-khcn-nghe-an-2023"),
         ("001_750044ff8d03f820.txt", "so-khdt-tuyen-quang", "so-khdt-tuyen-quang-2023")]


def squash(value):
    if isinstance(value, list):
        return [squash(v) for v in value]
    return " ".join(str(value).split()) if value is not None else ""


def task_match(draft: dict, hand: dict) -> tuple[int, int]:
    """(fields that agree, fields in either) over every task of the hand transcription."""
    mine = {f"{a['number']}.{t['number']}": t for a in draft.get("areas", []) for t in a["tasks"]}
    same = total = 0
    for area in hand["areas"]:
        for task in area["tasks"]:
            other = mine.get(f"{area['number']}.{task['number']}", {})
            for name in TASK_FIELDS:
                ours = squash(other.get(name, [] if name in ("lead", "support") else ""))
                theirs = squash(task.get(name, [] if name in ("lead", "support") else ""))
                if ours or theirs:
                    total += 1
                    same += ours == theirs
    return same, total


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "site"
    assert run_cli("new", str(target)).returncode == 0
    for agency in ("so-khcn-nghe-an", "so-khdt-tuyen-quang"):
        (target / f"content/agencies/{agency}.yaml").write_bytes(
            (ROOT / f"content/agencies/{agency}.yaml").read_bytes())
    return target


def import_file(site: Path, path: Path, *args) -> dict:
    result = run_cli("import", str(path), "--site", str(site), *args)
    assert result.returncode == 0, result.stderr
    assert ("targets" in result.stderr) == ("report" not in args)
    written = Path(re.search(r"Wrote the draft (\S+);", result.stdout).group(1))
    return yaml.load(written.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("seed, agency, plan_id", PLANS, ids=[p[2] for p in PLANS])
def test_seed_plans_import_to_the_hand_transcription(site, seed, agency, plan_id, capsys):
    draft = import_file(site, SEEDS / seed, "--agency", agency)
    same, total = task_match(draft, raw_yaml(ROOT / f"content/plans/{plan_id}.yaml"))
    with capsys.disabled():
        print(f"\n{plan_id}: {same}/{total} task fields match = {100 * same / total:.1f}%")
    assert same / total >= 0.95
    hand = raw_yaml(ROOT / f"content/plans/{plan_id}.yaml")
    for key in ("number", "title", "place", "year"):
        assert squash(draft[key]) == squash(hand[key]), key
    for key in ("recipients", "signer"):  # the closing lines, not part of the last section
        assert draft.get(key) == hand.get(key), key
    assert [(o["number"], squash(o["text"])) for o in draft["objectives"]] == \
        [(o["number"], squash(o["text"])) for o in hand["objectives"]]
    build = run_cli("build", "--site", str(site))
    assert build.returncode == 0, build.stderr


def test_seed_report_imports_its_figures_and_sections(site, capsys):
    draft = import_file(site, SEEDS / "002_174b6c4ae34f5b29.txt", "--kind", "report",
                        "--agency", "so-khcn-nghe-an", "--period", "nam")
    hand = raw_yaml(ROOT / "content/reports/so-khcn-nghe-an-2023-nam.yaml")
    checks = [(draft["dossiers"].get(k), hand["dossiers"].get(k)) for k in
              ("received", "resolved_early", "resolved_on_time", "resolved_late", "returned",
               "pending")]
    checks += list(zip(draft["dossiers"]["by_field"], hand["dossiers"]["by_field"]))
    checks += [(draft["online_services"]["levels"], hand["online_services"]["levels"]),
               (draft["online_services"]["total_procedures"],
                hand["online_services"]["total_procedures"])]
    checks += [(s["heading"], h["heading"]) for s, h in zip(draft["sections"], hand["sections"])]
    same = sum(a == b for a, b in checks)
    with capsys.disabled():
        print(f"\nreport: {same}/{len(checks)} figures and headings match")
    assert same == len(checks) == 15
    assert len(draft["sections"]) == len(hand["sections"])


def seed_blocks(seed: str):
    """The seed as Word would hold it: paragraphs, and tables whose rows are the
    tab-separated lines (page headers repeated, as in the text)."""
    lines = (SEEDS / seed).read_text(encoding="utf-8").splitlines()
    blocks = []
    for line in lines:
        if "\t" in line:
            if not blocks or blocks[-1][0] != "table":
                blocks.append(("table", []))
            blocks[-1][1].append(line.split("\t"))
        elif line.strip():
            blocks.append(("p", line))
    return blocks


def make_docx(seed: str, path: Path, whole_row: bool = False) -> Path:
    """The seed as Word: each area title in a cell merged over the rest of
    its row, or (``whole_row``) numeral and title in one cell over it all."""
    import docx
    document = docx.Document()
    for kind, value in seed_blocks(seed):
        if kind == "p":
            document.add_paragraph(value)
            continue
        width = max(len(r) for r in value)
        table = document.add_table(rows=len(value), cols=width)
        for i, row in enumerate(value):
            for j, text in enumerate(row):
                table.cell(i, j).text = re.sub(r"<[^>]+>", "", text)
            if re.fullmatch(r"[IVX]+", row[0].strip()) and width > 2:
                first = 0 if whole_row else 1
                table.cell(i, first).merge(table.cell(i, width - 1))  # an area title over the row
                table.cell(i, first).text = f"{row[0].strip()}. {row[1]}" if whole_row else row[1]
    document.save(str(path))
    return path


def make_xlsx(seed: str, path: Path) -> Path:
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    for kind, value in seed_blocks(seed):
        if kind != "table":
            continue
        for row in value:
            sheet.append([re.sub(r"<[^>]+>", "", cell) for cell in row])
            if re.fullmatch(r"[IVX]+", row[0].strip()):
                sheet.merge_cells(start_row=sheet.max_row, start_column=2,
                                  end_row=sheet.max_row, end_column=len(row))
    book.save(str(path))
    return path


@pytest.mark.parametrize("seed, agency, plan_id", PLANS, ids=[p[2] for p in PLANS])
def test_word_and_excel_import_to_the_same_draft(site, tmp_path, seed, agency, plan_id):
    text_draft = import_file(site, SEEDS / seed, "--agency", agency, "--out",
                             str(tmp_path / "from-text.yaml"))
    word = import_file(site, make_docx(seed, tmp_path / "ke-hoach.docx"), "--agency", agency,
                       "--out", str(tmp_path / "from-word.yaml"))
    excel = import_file(site, make_xlsx(seed, tmp_path / "phu-luc.xlsx"), "--agency", agency,
                        "--out", str(tmp_path / "from-excel.yaml"))
    assert word == text_draft
    whole = import_file(site, make_docx(seed, tmp_path / "ke-hoach-2.docx", whole_row=True),
                        "--agency", agency, "--out", str(tmp_path / "from-word-2.yaml"))
    assert whole == text_draft
    assert excel["areas"] == text_draft["areas"]
    assert excel["appendix"] == {key: value for key, value in text_draft["appendix"].items()
                                 if key not in ("title", "subtitle")}  # the sheet: the table alone


def test_import_never_overwrites_without_force(site):
    target = site / "content/plans/co-quan-mau-2024.yaml"
    before = target.read_bytes()
    result = run_cli("import", str(SEEDS / "000_2fbed6697f9b9048.txt"), "--site", str(site),
                     "--agency", "so-khcn-nghe-an", "--out", str(target))
    assert result.returncode == 2 and "--force" in result.stderr
    assert target.read_bytes() == before


@pytest.mark.parametrize("name, make, words", [
    ("hong.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "tệp hỏng"),
    ("hong.xlsx", lambda p: zipfile.ZipFile(p, "w").writestr("x.txt", "x"), "tệp hỏng"),
    ("trong.docx", lambda p: __import__("docx").Document().save(str(p)), "không có nội dung"),
    ("trong.txt", lambda p: p.write_text("\n \n", encoding="utf-8"), "không có nội dung"),
    ("rong.docx", lambda p: p.write_bytes(b""), "là tệp rỗng (0 byte)"),
    ("doi-ten.docx", lambda p: p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)),
     "là tệp Office kiểu cũ (Word .doc, Excel .xls đổi tên) hoặc tệp đặt mật khẩu"),
    ("bang-la.txt", lambda p: p.write_text("Kế hoạch\nA\tB\tC\n1\t2\t3\n", encoding="utf-8"),
     "không nhận ra bảng nhiệm vụ"),
    ("khong-linh-vuc.txt", lambda p: p.write_text(
        "Kế hoạch\nTT\tNội dung\tThời gian\n1\tRà soát\tQuý II\n", encoding="utf-8"),
     "bảng có nhiệm vụ nhưng không có hàng lĩnh vực nào"),
    ("danh-muc.txt", lambda p: p.write_text(
        "Danh mục TTHC\nSTT\tMã TTHC\tTên thủ tục\tLĩnh vực\tPhí, lệ phí\n1\t1.001193\tĐăng ký "
        "khai sinh\tHộ tịch\tKhông\n", encoding="utf-8"),
     "bảng này có vẻ là danh mục thủ tục hành chính (cột 'Tên thủ tục', 'Mã TTHC'): lệnh import "
     "chưa nhập được danh mục TTHC, chỉ kế hoạch và báo cáo; hãy viết tệp content/tthc/"),
    ("ke-hoach.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), "lưu lại thành .docx"),
    ("tcvn3.txt", lambda p: p.write_text("KÕ ho¹ch c¶i c¸ch hµnh chÝnh\nTT\tNhiÖm vô\t§¬n vÞ chñ "
                                         "tr×\nI\tC¶i c¸ch thÓ chÕ\t\n", encoding="utf-8"),
     "chữ có vẻ gõ bằng phông cũ TCVN3 (.VnTime) hay VNI, nay hiện thành 'ho¹ch'"),
    ("ke-hoach.txt", lambda p: p.write_bytes("Kế hoạch".encode("utf-16-le")), "không phải văn bản UTF-8"),
    ("mo-sai.txt", lambda p: p.write_text(as_windows_1252(
        "Kế hoạch cải cách hành chính\nTT\tNhiệm vụ\tĐơn vị chủ trì\nI\tCải cách thể chế\t\n"),
        encoding="utf-8"),
     "nay hiện thành 'hoáº¡ch', đúng ra là 'hoạch'"),
])
def test_broken_documents_get_clear_errors(site, tmp_path, name, make, words):
    path = tmp_path / name
    make(path)
    result = run_cli("import", str(path), "--site", str(site), "--agency", "so-khcn-nghe-an")
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("agency, words", [
    ("so-khdt-tq", "có phải 'so-khdt-tuyen-quang'?"),
    ("", "cần --agency ID"),
])
def test_import_refuses_an_agency_the_site_does_not_have(site, agency, words):
    result = run_cli("import", str(SEEDS / "001_750044ff8d03f820.txt"), "--site", str(site),
                     "--agency", agency)
    assert result.returncode == 2 and words in result.stderr, result.stderr
    assert sorted(p.name for p in (site / "content/plans").iterdir()) == ["co-quan-mau-2024.yaml"]


def test_units_are_found_by_their_whole_names_even_with_va_or_a_comma():
    from cchc_site.import_plan import units_in
    names = {"van-phong": "Văn phòng Sở", "hcbt": "Phòng Hành chính tư pháp và Bổ trợ tư pháp",
             "xdkt": "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật",
             "cac-phong": "Các phòng chuyên môn, đơn vị thuộc Sở", "thanh-tra": "Thanh tra Sở"}
    assert units_in("Phòng Hành chính tư pháp và Bổ trợ tư pháp", names) == ["hcbt"]
    assert units_in("Văn phòng Sở, Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật; "
                    "Thanh tra Sở", names) == ["van-phong", "xdkt", "thanh-tra"]
    assert units_in("Các phòng chuyên môn, đơn vị thuộc Sở", names) == ["cac-phong"]
    assert units_in("Thanh tra Sở và Văn phòng Sở", names) == ["thanh-tra", "van-phong"]
    assert units_in("UBND các huyện", names) == []
    names.update({"qldd": "Phòng Quản lý đất đai", "qlmt": "Phòng Quản lý môi trường",
                  "qlmt-2": "Phòng Quản lý mỏ than"})
    assert units_in("Phòng QLĐĐ, Văn phòng", names) == ["qldd", "van-phong"]  # by initials
    names["hcbt2"] = "Phòng Hành chính và Bổ trợ tư pháp"
    assert units_in("Phòng HCBTTP", names) == units_in("Phòng HC&BTTP", names) == ["hcbt2"]
    assert units_in("Phòng QLMT", names) == []  # two units have those initials: neither
    assert units_in("VP ĐKĐĐ", names) == units_in("Văn phòng UBND tỉnh", names) == []  # not
    names["vpdk"] = "Văn phòng Đăng ký đất đai"  # Văn phòng Sở, but another's beginning
    assert units_in("VP ĐKĐĐ; Văn phòng", names) == ["vpdk", "van-phong"]
    assert units_in("VĂN PHÒNG SỞ, PHÒNG QLĐĐ", names) == ["van-phong", "qldd"]  # all capitals
    assert units_in("Văn phòng Sở KHCN", names) == ["van-phong"]  # the whole name, then the Sở's
    district = {"vp": "Văn phòng HĐND và UBND huyện", "tckh": "Phòng Tài chính - Kế hoạch",
                "tnmt": "Phòng Tài nguyên và Môi trường", "xa": "UBND các xã, thị trấn",
                "vh": "Trung tâm Văn hóa, Thể thao và Truyền thông"}
    assert units_in("VP HĐND&UBND huyện; Phòng TC-KH; UBND các xã, TT", district) == [
        "vp", "tckh", "xa"]  # a district's short forms: 'TT' after 'các xã' is thị trấn
    assert units_in("Phòng TN&MT; TT VH-TT&TT", district) == ["tnmt", "vh"]


@pytest.mark.parametrize("title, standard", [
    ("CẢI CÁCH THỂ CHẾ", "the-che"), ("Cải cách TTHC", "thu-tuc-hanh-chinh"),
    ("HIỆN ĐẠI HÓA HÀNH CHÍNH", "chinh-quyen-so"),  # as the 2011–2020 programme named it
    ("Xây dựng Chính phủ điện tử, chuyển đổi số", "chinh-quyen-so"),
    ("Công tác thi đua, khen thưởng", None)])
def test_an_areas_title_gives_its_standard_reform_area(title, standard):
    from cchc_site.import_plan import _standard
    assert _standard(title).get("standard") == standard
