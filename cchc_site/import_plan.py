"""Import, step 2: blocks → a plan or report draft (plain data for the YAML writer).

Columns of the appendix are recognised by their header wording, whatever
the agency's table shape; page-repeated headers are dropped; a row numbered
with a Roman numeral starts an area; a row with no number continues the
cell above it (a table split by a page break).  Nothing is invented: what
cannot be placed is listed in ``unplaced`` with where it was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .import_read import Paragraph, Table
from .values import parse_date
from .vietnamese import slugify, strip_diacritics

COLUMN_WORDS = [  # folded header words → field, most specific first
    ("don vi chu tri", "lead"), ("chu tri", "lead"), ("don vi phoi hop", "support"),
    ("phoi hop", "support"), ("thoi gian", "deadline"), ("thoi han", "deadline"),
    ("tien do", "deadline"), ("kinh phi", "budget"), ("ket qua", "product"),
    ("san pham", "product"), ("hoat dong", "activities"), ("muc tieu", "objective"),
    ("nhiem vu", "task"), ("noi dung", "task"), ("ghi chu", "notes"), ("tt", "number"),
    ("stt", "number"),
]
AREA_WORDS = [("chi dao", "chi-dao-dieu-hanh"), ("the che", "the-che"),
              ("thu tuc", "thu-tuc-hanh-chinh"), ("to chuc bo may", "to-chuc-bo-may"),
              ("cong vu", "cong-vu"), ("tai chinh", "tai-chinh-cong"),
              ("chinh quyen dien tu", "chinh-quyen-so"), ("chinh quyen so", "chinh-quyen-so")]
ROMAN = re.compile(r"[IVXLC]+")
SECTION = re.compile(r"^([IVX]+)\.\s+(.+)$")
NUMBERED = re.compile(r"^(\d+)\.\s+(.+)$")


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", strip_diacritics(text).lower()).split())


@dataclass
class Draft:
    data: dict
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (where, what)


def column_fields(header: list[str]) -> list[str | None]:
    """Each header cell's field; None for an empty one, 'extra:…' for one we don't know."""
    found = []
    for cell in header:
        words = fold(cell)
        if not words:
            found.append(None)
            continue
        match = next((name for key, name in COLUMN_WORDS
                      if key == words or f" {key} " in f" {words} "), None)
        found.append(match or f"extra:{cell}")
    return found


def is_header(row: list[str]) -> bool:
    fields = column_fields(row)
    return "number" in fields and ("task" in fields or "objective" in fields)


def appendix(blocks, unit_names: dict[str, str]) -> tuple[list[dict], dict, list]:
    """Areas with their tasks, the column headers as written, and what was left over."""
    areas: list[dict] = []
    columns: dict[str, str] = {}
    unplaced = []
    fields: list[str | None] | None = None
    for block in blocks:
        if not isinstance(block, Table):
            continue
        for row, where in zip(block.rows, block.row_places or [block.where] * len(block.rows)):
            if is_header(row):
                fields = column_fields(row)
                for name, cell in zip(fields, row):
                    if name and not name.startswith("extra:"):
                        columns.setdefault(name, cell)
                continue
            if fields is None or not any(row):
                continue
            cells = dict(zip(fields, row))
            number = cells.get("number", "")
            heading = _merged_heading(row)
            if heading:
                number, title = heading
                areas.append({"number": number, "title": title, **_standard(title), "tasks": []})
            elif ROMAN.fullmatch(number):
                title = next((c for f, c in cells.items() if f != "number" and c), "")
                areas.append({"number": number, "title": title, **_standard(title), "tasks": []})
            elif number and areas:
                areas[-1]["tasks"].append(_task(cells, unit_names))
            elif not number and areas and areas[-1]["tasks"]:
                task = areas[-1]["tasks"][-1]  # a cell continued after a page break
                for name, text in cells.items():
                    if name and text and not name.startswith("extra:") and name != "number":
                        key = {"lead": "lead_text", "support": "support_text"}.get(name, name)
                        task[key] = f"{task.get(key, '')} {text}".strip()
            else:
                unplaced.append((where, " | ".join(c for c in row if c)))
    return areas, columns, unplaced


def _merged_heading(row: list[str]) -> tuple[str, str] | None:
    """An area heading written in one cell merged across the row ('I. CẢI CÁCH
    THỂ CHẾ', the other cells empty): its numeral and its title."""
    filled = [cell for cell in row if cell]
    match = SECTION.match(filled[0]) if len(filled) == 1 else None
    return (match[1], match[2].strip()) if match else None


def _standard(title: str) -> dict:
    words = fold(title)
    match = next((key for phrase, key in AREA_WORDS if phrase in words), None)
    return {"standard": match} if match else {}


def _task(cells: dict, unit_names: dict[str, str]) -> dict:
    task = {"number": cells.get("number", "")}
    for name in ("objective", "task", "activities", "product"):
        if cells.get(name):
            task[name] = cells[name]
    for role in ("lead", "support"):
        text = cells.get(role, "")
        if text:
            ids = units_in(text, unit_names)
            if ids:
                task[role] = ids
            exact = len(ids) == 1 and fold(unit_names[ids[0]]) == fold(text)
            if not exact:
                task[f"{role}_text"] = text
    for name in ("deadline", "budget", "notes"):
        if cells.get(name):
            task[name] = cells[name]
    extra = {name[6:]: text for name, text in cells.items()
             if name and name.startswith("extra:") and text}
    if extra:
        task["extra"] = extra
    return task


def units_in(text: str, unit_names: dict[str, str]) -> list[str]:
    """Unit ids named in a lead/support cell, in the order written: each unit
    whose whole name the cell holds, even a name with 'và' or a comma in it
    ('Phòng Hành chính tư pháp và Bổ trợ tư pháp'); the longest names are
    looked for first, and a part of the cell holds one name only."""
    words = f" {fold(text)} "
    found: list[tuple[int, str]] = []
    for name, unit in sorted(((fold(name), unit) for unit, name in unit_names.items() if fold(name)),
                             key=lambda pair: -len(pair[0])):
        at = words.find(f" {name} ")
        if at >= 0:
            found.append((at, unit))
            words = words[:at + 1] + "\0" * len(name) + words[at + 1 + len(name):]  # taken
    return list(dict.fromkeys(unit for _, unit in sorted(found)))


def plan_draft(blocks, agency: str, unit_names: dict[str, str]) -> Draft:
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    data: dict = {"agency": agency}
    header = _header(paragraphs)
    data.update(header)
    areas, columns, unplaced = appendix(blocks, unit_names)
    objectives, sections = _body(paragraphs)
    data.update(_opening(paragraphs))
    if objectives:
        data["objectives"] = objectives
    if sections:
        data["sections"] = sections
    if columns:
        data["appendix"] = {"columns": columns}
    data["areas"] = areas
    return Draft(data, unplaced)


def _header(paragraphs: list[Paragraph]) -> dict:
    found: dict = {}
    for i, paragraph in enumerate(paragraphs[:12]):
        text = paragraph.text
        if text.startswith("Số:") and "number" not in found:
            found["number"] = text[3:].strip()
        m = re.match(r"^([^,]+),\s*(ngày.*năm\s*(\d{4}).*)$", text)
        if m and "date" not in found:
            found["place"] = m.group(1).strip()
            date = parse_date(m.group(2).strip())
            found["date"] = date.vietnamese() if date and date.day else m.group(2).strip()
            found["year"] = int(m.group(3))
        if fold(text) == "ke hoach" and i + 1 < len(paragraphs):
            found["title"] = paragraphs[i + 1].text
    m = re.search(r"năm (\d{4})$", found.get("title", ""))
    if m:
        found["year"] = int(m.group(1))
    if found.get("date", "").startswith("ngày") and "tháng" in found.get("date", ""):
        found["draft"] = True  # the day is still blank: a draft
        found["date"] = found["date"].replace("ngày", "").strip()
    return found


def _opening(paragraphs: list[Paragraph]) -> dict:
    """What stands between the title and the first section: the legal basis,
    the year's theme, and the sentence that introduces the plan."""
    found: dict = {}
    started = False
    for paragraph in paragraphs:
        text = paragraph.text
        if SECTION.match(text):
            break
        words = fold(text)
        if words.startswith(("can cu", "thuc hien can cu", "thuc hien ke hoach")):
            found.setdefault("legal_basis", []).append(text)
            started = True
        elif words.startswith("chu de"):
            found["theme"] = text.split(":", 1)[-1].strip().strip("“”\"").strip()
        elif started and "xay dung ke hoach" in words:
            found["preamble"] = text
    return found


def _body(paragraphs: list[Paragraph]) -> tuple[list[dict], list[dict]]:
    """Objectives (numbered items of the 'MỤC TIÊU' section) and the other
    Roman-numbered sections as Markdown, up to the signature or appendix."""
    objectives, sections = [], []
    current = None
    for paragraph in paragraphs:
        text = paragraph.text
        if fold(text).startswith(("noi nhan", "phu luc", "bieu ke hoach")):
            break
        m = SECTION.match(text)
        if m and text == text.upper() or (m and fold(m.group(2)).startswith("muc")):
            current = {"heading": text, "lines": []}
            sections.append(current)
            continue
        if current is None:
            continue
        if "muc tieu" in fold(current["heading"]) and "muc dich" not in fold(current["heading"]):
            if NUMBERED.match(text):
                number, body = NUMBERED.match(text).groups()
                objectives.append({"number": number, "text": body})
            elif objectives:  # an objective broken across lines
                objectives[-1]["text"] += " " + text
            continue
        current["lines"].append(text)
    kept = [{"heading": s["heading"], "body": _markdown(s["lines"])}
            for s in sections if s["lines"]]
    return objectives, kept


def _markdown(lines: list[str]) -> str:
    out = []
    for line in lines:
        if NUMBERED.match(line) and len(line) < 90 and not line.endswith("."):
            out.append(f"### {line}")
        elif re.match(r"^[a-zđ]\.\s", line) and len(line) < 90:
            out.append(f"#### {line}")
        elif line.startswith("+"):
            out.append(f"    - {line.lstrip('+ ')}")
        elif line.startswith("- "):
            out.append(line)
        else:
            out.append(line)
    return "\n\n".join(out) + "\n"


def task_key(area: dict, task: dict) -> str:
    return f"{area['number']}.{task['number']}"


def draft_id(agency: str, year) -> str:
    return slugify(f"{agency}-{year}")
