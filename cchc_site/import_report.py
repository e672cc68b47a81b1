"""Import a report: its opening (number, place, date, title, the plan it
reports on), its sections, the dossier and online-service counts written in
its sentences ("Trả trước hạn: 137 hồ sơ", "mức độ 3 cho 13/28 TTHC"), and
its signer and recipients; what it cannot read is said, with its place."""

from __future__ import annotations

import re

from .import_plan import (_ISSUED_WITH, SECTION, Draft, _closing, _header, _markdown,
                          _opening_lines, _signs, appendix, fold, task_key)
from .import_read import Paragraph, Table
from .values import parse_date

DOSSIER_WORDS = [  # folded words before the number → count
    (r"tong so ho so tiep nhan\D*?", "received"), (r"tra truoc han", "resolved_early"),
    (r"tra dung han", "resolved_on_time"), (r"tra qua han", "resolved_late"),
    (r"tra lai ho so\D*?", "returned"), (r"so ho so trong han\D*?", "pending"),
]
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")  # '5.020', '1,500' in a count
_COUNT = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"
PERIOD_WORDS = [("quy i ", "quy-1"), ("quy 1 ", "quy-1"), ("6 thang", "6-thang"),
                ("9 thang", "9-thang")]  # in the title; otherwise the year's report


def report_draft(blocks, agency: str, plan: str, year: int | None, period: str | None) -> Draft:
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    text = _joined(paragraphs)
    header = _header(_opening_lines(blocks), title_word="bao cao")
    notes: list[tuple[str, str, str]] = []
    data: dict = {"agency": agency}
    if plan:
        data["plan"] = plan
    found_year = year or header.get("year") or _year(text)
    if found_year:
        data["year"] = found_year
    title = f"Báo cáo {header['title'][:1].lower()}{header['title'][1:]}" if "title" in header \
        else _title(text, found_year)
    written = next((key for words, key in PERIOD_WORDS if words in f"{fold(title)} "), "nam")
    if period and period != written:
        notes.append(("", f"tên báo cáo “{title}” nói kỳ '{written}', nhưng lệnh ghi '--period "
                          f"{period}'; hãy kiểm tra 'period'",
                      f"the title '{title}' names the period '{written}' but the command "
                      f"says '--period {period}'; check 'period'"))
    data["period"] = period or written
    data["title"] = title
    data.update({key: header[key] for key in ("number", "date", "place") if key in header})
    cited = _ISSUED_WITH.search(text)
    if cited and parse_date(cited["date"]):
        data["plan_reference"] = {"number": cited["number"],
                                  "date": parse_date(cited["date"]).vietnamese()}
    sections, current = [], None
    for paragraph in _paragraphs(blocks):
        if fold(paragraph).startswith("noi nhan"):
            break
        if SECTION.match(paragraph) and paragraph == paragraph.upper():
            current = {"heading": paragraph, "lines": []}
            sections.append(current)
        elif current is not None:
            current["lines"].append(paragraph)
    data["sections"] = [{"heading": s["heading"], "body": _markdown(s["lines"])} for s in sections]
    dossiers = _dossiers(text)
    tables = [(block, _dossier_table(block)) for block in blocks if isinstance(block, Table)]
    for _, table in tables:
        if table:  # the table's figures, where the sentences gave none
            dossiers = {**table, **{k: v for k, v in dossiers.items() if k != "by_field"},
                        **({"by_field": table["by_field"]} if table.get("by_field") else {})}
    if dossiers:
        data["dossiers"] = dossiers
    online = _online(text)
    if online:
        data["online_services"] = online
    data.update(_closing(_closing_lines(blocks)))
    missing = [key for key in ("number", "date") if key not in data]
    if missing:
        notes.append(("", f"không tìm thấy {', '.join(missing)} của báo cáo; hãy điền tay",
                      f"found no {', '.join(missing)} of the report; fill them in by hand"))
    statuses = [(block, read) for block, table in tables if not table
                and (read := _status_table(block))]
    if statuses:
        block, (rows, column, unread) = statuses[0]
        data["tasks"] = rows
        notes.append((block.where, f"tình trạng của {len(rows) - len(unread)} nhiệm vụ đọc từ cột "
                                   f"“{column}” của bảng này; hãy soát lại",
                      f"the status of {len(rows) - len(unread)} tasks was read from the column "
                      f"'{column}' of this table; check them"))
        if unread:
            notes.append((block.where, "không đọc được tình trạng của nhiệm vụ "
                                       f"{', '.join(unread)} (để trống 'status'); hãy điền tay",
                          f"could not read the status of task(s) {', '.join(unread)} ('status' "
                          "left blank); fill it in"))
    for block, table in tables:
        if not table and not _letterhead_or_signature(block) and \
                not any(block is found for found, _ in statuses[:1]):
            first = " ".join(" | ".join(c for c in block.rows[0] if c).split())
            notes.append((block.where, "bảng này không được nhập (số liệu hồ sơ, tình trạng nhiệm "
                                       f"vụ… trong bảng): hãy chép tay vào bản nháp: {first[:120]}",
                          "this table was not imported: copy it into the draft by hand"))
    return Draft(data, [], notes)


# a dossier table's column headers (folded, over one or two header rows) → count
_DOSSIER_COLUMNS = [("linh vuc", "field"), ("dang giai quyet qua han", "pending_late"),
                    ("qua han dang", "pending_late"), ("truoc han", "resolved_early"),
                    ("dung han", "resolved_on_time"), ("qua han", "resolved_late"),
                    ("tra lai", "returned"), ("rut", "returned"), ("truc tuyen", "online"),
                    ("dang giai quyet", "pending"), ("trong han", "pending"),
                    ("tiep nhan", "received"), ("tong so", "received")]


def _dossier_table(table: Table) -> dict | None:
    """Dossier counts from a table with a 'Lĩnh vực' column and count columns
    (Tiếp nhận, Trước hạn, Đúng hạn, Quá hạn…), its header over one or two
    rows; a 'Tổng' row gives the totals.  None for any other table."""
    def count(cell: str) -> int | None:
        digits = _THOUSANDS.sub("", cell.strip())
        return int(digits) if digits.isdigit() else None
    body = next((i for i, row in enumerate(table.rows)
                 if sum(count(c) is not None for c in row[1:]) >= max(2, (len(row) - 1) // 2)), None)
    if not body:
        return None
    labels = [" ".join(fold(row[i]) for row in table.rows[:body] if i < len(row))
              for i in range(len(table.rows[0]))]
    keys = [next((key for words, key in _DOSSIER_COLUMNS if words in label), None)
            for label in labels]
    if "field" not in keys or len({k for k in keys if k and k != "field"}) < 2:
        return None
    found: dict = {"by_field": []}
    for row in table.rows[body:]:
        cells = dict(zip(keys, row))
        counts = {key: n for key, cell in cells.items()
                  if key and key != "field" and (n := count(cell)) is not None}
        name = cells.get("field", "").strip()
        if re.match(r"(tổng|cộng)\b", name.lower()) or not name:  # not 'Công chứng'!
            found.update(counts)
        elif counts:
            found["by_field"].append({"field": name, **counts})
    if not found["by_field"]:
        del found["by_field"]
    return found


# how a report's table words a task's status (folded, at the start of the cell) → its key
_STATUS_WORDS = [("khong thuc hien", "khong-thuc-hien"), ("chua hoan thanh", "dang-thuc-hien"),
                 ("chua thuc hien", "chua-thuc-hien"), ("chua trien khai", "chua-thuc-hien"),
                 ("dang thuc hien", "dang-thuc-hien"), ("dang trien khai", "dang-thuc-hien"),
                 ("da hoan thanh", "hoan-thanh"), ("hoan thanh", "hoan-thanh")]


def _status_of(text: str) -> str | None:
    words = fold(text)
    return next((key for start, key in _STATUS_WORDS if words.startswith(start)), None) \
        if len(words) <= 80 else None


def _status_table(table: Table) -> tuple[list[dict], str, list[str]] | None:
    """Task statuses from a table numbered as the plan's appendix is (areas
    I, II…, tasks 1, 2…) with a column whose cells say how each task stands
    ('Đã hoàn thành', 'Đang thực hiện'…): the tasks as the report's 'tasks'
    (the key, the status, the result column as evidence), the status column's
    header, and the tasks whose status it does not say plainly.  None for a
    table with no such column."""
    read = appendix([table], {})
    tasks = [(task_key(area, task), task) for area in read.areas for task in area["tasks"]]
    columns = {name for _, task in tasks for name in task if name != "number"}
    def cell(task: dict, name: str) -> str:
        return task.get("extra", {}).get(name[6:], "") if name.startswith("extra:") else \
            task.get(name, "") if isinstance(task.get(name, ""), str) else ""
    names = sorted({f"extra:{header}" for _, task in tasks for header in task.get("extra", {})} |
                   (columns - {"extra", "lead", "support"}))
    counted = [(sum(_status_of(cell(task, name)) is not None for _, task in tasks), name)
               for name in names]
    found, name = max(counted, default=(0, ""))
    if found < max(2, len(tasks) * 3 // 10):
        return None
    evidence = next((n for n in ("product", "notes") if n != name and n in columns), None)
    rows, unread = [], []
    for key, task in tasks:
        said = cell(task, name)
        status = _status_of(said)
        row = {"task": key, "status": status or ""}
        written = re.search(r"\d{1,2}/\d{1,2}/\d{4}", said) if status == "hoan-thanh" else None
        date = parse_date(written[0]) if written else None  # 'Đã hoàn thành (15/03/2026)'
        if date:
            row["date"] = date.vietnamese()
        text = cell(task, evidence) if evidence else ""
        if text or not status and said:
            row["evidence"] = text or said
        if not status:
            unread.append(f"{key} (“{said}”)" if said else key)
        rows.append(row)
    header = read.columns.get(name, name[6:] if name.startswith("extra:") else name)
    return rows, header, unread


def _letterhead_or_signature(table: Table) -> bool:
    """A table that only sets the agency, number and date, or the recipients
    and the signature, side by side."""
    lines = [fold(line) for row in table.rows for cell in row for line in cell.split("\n")]
    return any(re.match(r"(so \d|noi nhan|cong hoa xa hoi)", line) for line in lines) or \
        any(_signs(line) for row in table.rows for cell in row for line in cell.split("\n"))


def _closing_lines(blocks) -> list[Paragraph]:
    """The paragraphs, and the lines of the small tables a signature and the
    recipients are often set side by side in."""
    lines: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block)
        elif len(block.rows) <= 3:
            lines += [Paragraph(line, block.where) for row in block.rows for cell in row
                      for line in cell.split("\n") if line]
    return lines


def _joined(paragraphs: list[str]) -> str:
    return " ".join(paragraphs)


def _paragraphs(blocks) -> list[str]:
    """The text's paragraphs: Word's as they are; the lines of a text file
    (copied from a PDF, which wraps them) joined back where a paragraph does
    not end with '.', ':' or ';' and no heading or list item starts."""
    out: list[str] = []
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        line = block.text
        if not block.where.startswith("dòng"):
            out.append(line)
            continue
        starts = SECTION.match(line) or re.match(r"^(\d+(\.\d+)*\.|-)\s", line)
        after_heading = out and line[:1].isupper() and (
            (SECTION.match(out[-1]) and out[-1] == out[-1].upper()) or
            (re.match(r"^\d+(\.\d+)*\.\s", out[-1]) and len(out[-1]) < 100))
        if out and not starts and not after_heading and \
                not out[-1].endswith((".", ":", ";", "./.")):
            out[-1] = f"{out[-1]} {line}"
        elif line.isdigit():
            continue  # a page number
        else:
            out.append(line)
    return out


def _year(text: str) -> int | None:
    years = re.findall(r"năm (20\d\d)", text)
    return int(max(set(years), key=years.count)) if years else None


def _title(text: str, year: int | None) -> str:
    m = re.search(r"Trên đây là (báo cáo [^,./]+)", text)
    return m.group(1)[0].upper() + m.group(1)[1:] if m else f"Báo cáo cải cách hành chính năm {year}"


def _dossiers(text: str) -> dict:
    folded = fold(_THOUSANDS.sub("", text))
    found: dict = {}
    for words, key in DOSSIER_WORDS:
        m = re.search(words + r"\s*(\d+)\s*ho so", folded)
        if m:
            found[key] = int(m.group(1))
    fields = re.findall(_COUNT + r" hồ sơ thuộc lĩnh vực (.+?)(?=, " + _COUNT + r" hồ sơ|\.\s|\.$|;)",
                        text)
    if fields:
        found["by_field"] = [{"field": name.strip(), "received": int(_THOUSANDS.sub("", n))}
                             for n, name, *_ in fields]
    return found


def _online(text: str) -> dict:
    levels = re.findall(r"mức độ (\d) cho (\d+)/(\d+) TTHC", text)
    if not levels:
        return {}
    return {"total_procedures": int(levels[0][2]),
            "levels": [{"level": level, "count": int(count)} for level, count, _ in levels]}
