"""``cchc-site import``: read a document, recognise a plan or report, and
prepare the draft's text and file name (never over an existing file)."""

from __future__ import annotations

import difflib
import re
import textwrap
from pathlib import Path

from .import_plan import Draft, named_kind, plan_draft
from .import_read import Table, UnreadableDocument, read_document
from .import_report import report_draft
from .import_write import draft_yaml
from .labels import IMPORTED_DRAFT
from .vietnamese import slugify, strip_diacritics

# a header row of a catalogue of procedures, accents dropped: 'Tên thủ tục', 'Mã TTHC'
_CATALOGUE_HEADER = re.compile(r"ten (?:thu tuc|tthc)|ma (?:so )?(?:thu tuc|tthc)")


TARGETS_NOT_IMPORTED = ("Chỉ tiêu định lượng (targets) chưa được nhận tự động: hãy thêm tay.",
                        "Quantified targets are not imported: add them by hand.")


def unit_names(site_dir: Path | None, agency: str) -> dict[str, str]:
    """The agency's units (id → name), read from its file when the site has one."""
    import yaml
    path = site_dir / "content" / "agencies" / f"{agency}.yaml" if site_dir and agency else None
    if path is None or not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    return {u["id"]: u.get("name", u["id"]) for u in data.get("units", []) if "id" in u}


def plan_file(site_dir: Path | None, plan: str) -> dict | None:
    """The plan's file as written (its values as text), when the site has one."""
    import yaml
    path = site_dir / "content" / "plans" / f"{plan}.yaml" if site_dir and plan else None
    if path is None or not path.is_file():
        return None
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def plan_tasks(data: dict | None) -> dict[str, str] | None:
    """The plan's tasks (key → task text, keyed as the site keys them): what a
    report's rows are matched to."""
    if data is None:
        return None
    areas = data.get("areas", [])
    return {task.get("id") or f"{area.get('number', '')}.{task.get('number', '')}":
            str(task.get("task", "")) for area in areas if isinstance(area, dict)
            for task in area.get("tasks", []) if isinstance(task, dict)}


def check_agency(site_dir: Path | None, agency: str) -> None:
    """Refuse a missing or unknown --agency when the site lists its agencies:
    unit names are matched against that agency, and the draft's file is named
    after it."""
    _check_known(site_dir, "agencies", agency, "--agency", "cơ quan", "agency",
                 ("cần --agency ID (mã cơ quan ban hành)", "--agency ID is needed (the issuing "
                  "agency)"))


def check_plan(site_dir: Path | None, plan: str) -> None:
    """Refuse an unknown --plan for a report (none given is allowed: a report
    may stand alone)."""
    if plan:
        _check_known(site_dir, "plans", plan, "--plan", "kế hoạch", "plan", None)


def _check_known(site_dir: Path | None, folder_name: str, value: str, option: str, vi_kind: str,
                 en_kind: str, missing: tuple[str, str] | None) -> None:
    folder = site_dir / "content" / folder_name if site_dir else None
    known = sorted(p.stem for p in folder.glob("*.yaml")) if folder and folder.is_dir() else []
    if not known or value in known:
        return
    close = difflib.get_close_matches(value, known, n=1)
    hint_vi = f"; có phải '{close[0]}'?" if close else f"; các mã có: {', '.join(known)}"
    hint_en = f"; did you mean '{close[0]}'?" if close else f"; known ids: {', '.join(known)}"
    if not value and missing:
        raise UnreadableDocument(missing[0] + hint_vi, missing[1] + hint_en)
    raise UnreadableDocument(f"không có {vi_kind} '{value}' trong content/{folder_name}/ "
                             f"({option}){hint_vi}",
                             f"no {en_kind} '{value}' in content/{folder_name}/ ({option}){hint_en}")


_FORMULA_ERROR = re.compile(r"#(?:VALUE!|REF!|N/A|DIV/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)")


def _formula_notes(blocks) -> list[tuple[str, str, str]]:
    """A note for each cell of a sheet that shows a formula's error ('#REF!')
    or a formula never calculated ('=SUM(C4:C5)', in a workbook no Excel has
    saved): copied as it is, it would be published as the task's budget."""
    return [(where, f"ô “{cell}” là lỗi công thức của Excel, được chép nguyên văn; hãy thay bằng "
                    "số liệu của văn bản gốc", f"the cell '{cell}' is an Excel formula error, "
                    "copied as it is; replace it with the source document's figure")
            if _FORMULA_ERROR.fullmatch(cell.strip()) else
            (where, f"ô “{cell}” là công thức chưa được tính (tệp chưa từng lưu bằng Excel), được "
                    "chép nguyên văn; hãy mở tệp bằng Excel hay LibreOffice, lưu lại rồi nhập lại, "
                    "hoặc thay bằng số liệu của văn bản gốc",
             f"the cell '{cell}' is a formula never calculated (the file was never saved by "
             "Excel), copied as it is; open the file in Excel or LibreOffice, save it and import "
             "again, or replace it with the source document's figure")
            for block in blocks if isinstance(block, Table)
            for row, where in zip(block.rows, block.row_places or [block.where] * len(block.rows))
            for cell in row if _FORMULA_ERROR.fullmatch(cell.strip()) or cell.startswith("=")]


def _check_kind(blocks, args) -> None:
    """A report imported as a plan (``--kind`` left out) made its status
    table the plan's tasks: refused, with the command that was meant."""
    named = named_kind(blocks)
    if not named or named[0] == args.kind:
        return
    kind, line = named
    if kind == "report":
        raise UnreadableDocument(
            f"{args.file.name}, {line.where}: văn bản này là báo cáo (“{line.text[:60]}”), không "
            f"phải kế hoạch; hãy nhập bằng: cchc-site import {args.file.name} --kind report "
            f"--agency {args.agency or 'MÃ-CƠ-QUAN'} --plan MÃ-KẾ-HOẠCH (tên tệp trong "
            "content/plans/, không có .yaml)",
            f"{args.file.name}, {line.where}: this document is a report, not a plan; import it "
            f"with: cchc-site import {args.file.name} --kind report --agency "
            f"{args.agency or 'AGENCY-ID'} --plan PLAN-ID (a file name in content/plans/, "
            "without .yaml)")
    raise UnreadableDocument(
        f"{args.file.name}, {line.where}: văn bản này là kế hoạch (“{line.text[:60]}”), không "
        f"phải báo cáo; hãy nhập bằng: cchc-site import {args.file.name} --agency "
        f"{args.agency or 'MÃ-CƠ-QUAN'} (không có --kind report)",
        f"{args.file.name}, {line.where}: this document is a plan, not a report; import it "
        f"with: cchc-site import {args.file.name} --agency {args.agency or 'AGENCY-ID'} "
        "(without --kind report)")


def import_document(args, site_dir: Path | None) -> tuple[str, Path, Draft]:
    blocks = read_document(args.file)
    _check_kind(blocks, args)
    check_agency(site_dir, args.agency)
    if args.kind == "report":
        check_plan(site_dir, args.plan)
        plan = plan_file(site_dir, args.plan)
        year = str(plan.get("year", "")) if plan else ""
        draft = report_draft(blocks, args.agency, args.plan, None, args.period,
                             plan_tasks(plan), int(year) if year.isdigit() else None)
        name = f"{args.plan or slugify(args.file.stem)}-{draft.data['period']}"
        folder = "reports"
    else:
        draft = plan_draft(blocks, args.agency, unit_names(site_dir, args.agency))
        tables = [b for b in blocks if isinstance(b, Table)]
        if not draft.data["areas"] and draft.unplaced:  # task rows, but no area above them
            where = draft.unplaced[0][0]
            raise UnreadableDocument(
                f"{args.file.name}, {where}: bảng có nhiệm vụ nhưng không có hàng lĩnh vực nào ở "
                "trên chúng; hãy thêm trước các nhiệm vụ một hàng như 'I | Cải cách thể chế' (số La "
                "Mã ở cột TT) hay một ô gộp cả hàng 'I. Cải cách thể chế'",
                f"{args.file.name}, {where}: the table has tasks but no area row above them; add "
                "a row such as 'I | Cải cách thể chế' (a Roman numeral in the TT column), or one "
                "cell across the row, 'I. Cải cách thể chế', before the tasks")
        if not draft.data["areas"]:
            # the biggest table is the one meant, not the letterhead set in a table above it
            biggest = max(tables, key=lambda t: len(t.rows), default=None)
            header = " | ".join(c for c in biggest.rows[0] if c) if biggest else ""
            where = biggest.where if biggest else args.file.name
            if _CATALOGUE_HEADER.search(strip_diacritics(header).lower()):
                raise UnreadableDocument(
                    f"{args.file.name}, {where}: bảng này có vẻ là danh mục thủ tục hành chính (cột "
                    "'Tên thủ tục', 'Mã TTHC'): lệnh import chưa nhập được danh mục TTHC, chỉ kế "
                    "hoạch và báo cáo; hãy viết tệp content/tthc/<mã cơ quan>.yaml theo mục 5 của "
                    "hướng dẫn biên tập (docs/editor-guide.md)",
                    f"{args.file.name}, {where}: this table looks like a catalogue of procedures "
                    "('Tên thủ tục', 'Mã TTHC' columns): import cannot read catalogues yet, only "
                    "plans and reports; write content/tthc/<agency id>.yaml as the editor's guide "
                    "(section 5) shows")
            raise UnreadableDocument(
                f"{args.file.name}, {where}: không nhận ra bảng nhiệm vụ — cần một hàng tiêu đề có "
                f"cột 'Nhiệm vụ' (hoặc 'Nội dung') cùng cột 'TT' hay cột đơn vị chủ trì, thời gian; "
                f"hàng đầu bảng lớn nhất là: {header or '(trống)'}",
                f"{args.file.name}, {where}: no task table found — it needs a header row with a "
                f"'Nhiệm vụ' (or 'Nội dung') column and a 'TT' column or one of the unit in "
                f"charge or the deadline; the first row of the biggest table is: "
                f"{header or '(empty)'}")
        missing = [key for key in ("title", "year", "number", "date") if key not in draft.data]
        if missing:
            draft.notes.append(("", f"không tìm thấy {', '.join(missing)} của kế hoạch; hãy điền "
                                    "tay trong bản nháp", f"found no {', '.join(missing)} of the "
                                    "plan; fill them in by hand in the draft"))
        year = draft.data.get("year", "")
        name = slugify(f"{args.agency}-{year}") if args.agency else slugify(args.file.stem)
        folder = "plans"
    draft.notes.extend(_formula_notes(blocks))
    comments = [f"{IMPORTED_DRAFT[2:]}{args.file.name} bằng 'cchc-site import'. Hãy soát lại với "
                "văn bản gốc, rồi xóa các dòng ghi chú này và chạy 'cchc-site check'.",
                f"Draft imported from {args.file.name}; check it against the original."]
    if not args.agency:
        comments.append("Chưa có mã cơ quan: thêm 'agency:' (dùng --agency khi nhập).")
    if args.kind != "report":
        comments.append(" ".join(TARGETS_NOT_IMPORTED))
    for where, what in draft.unplaced:
        comments.append(f"Chưa xếp được ({where}): {what[:150]}")
    for where, vi, _ in draft.notes:
        comments.append(f"Lưu ý ({where}): {vi}" if where else f"Lưu ý: {vi}")
    # a YAML comment is one line: a long one goes on over several, nothing cut off
    comments = [line for comment in comments
                for line in textwrap.wrap(" ".join(comment.split()), 100, break_on_hyphens=False)]
    base = site_dir if site_dir else Path.cwd()
    target = args.out or base / "content" / folder / f"{name}.yaml"
    return draft_yaml(draft.data, comments), target, draft
