"""Import a report: its sections, and the dossier and online-service counts
written in its sentences ("Trả trước hạn: 137 hồ sơ", "mức độ 3 cho 13/28 TTHC")."""

from __future__ import annotations

import re

from .import_plan import SECTION, Draft, _markdown, fold
from .import_read import Paragraph

DOSSIER_WORDS = [  # folded words before the number → count
    (r"tong so ho so tiep nhan\D*?", "received"), (r"tra truoc han", "resolved_early"),
    (r"tra dung han", "resolved_on_time"), (r"tra qua han", "resolved_late"),
    (r"tra lai ho so\D*?", "returned"), (r"so ho so trong han\D*?", "pending"),
]


def report_draft(blocks, agency: str, plan: str, year: int | None, period: str) -> Draft:
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    text = _joined(paragraphs)
    data: dict = {"agency": agency}
    if plan:
        data["plan"] = plan
    found_year = year or _year(text)
    if found_year:
        data["year"] = found_year
    data["period"] = period
    data["title"] = _title(text, found_year)
    sections, current = [], None
    for paragraph in _paragraphs(paragraphs):
        if fold(paragraph).startswith("noi nhan"):
            break
        if SECTION.match(paragraph) and paragraph == paragraph.upper():
            current = {"heading": paragraph, "lines": []}
            sections.append(current)
        elif current is not None:
            current["lines"].append(paragraph)
    data["sections"] = [{"heading": s["heading"], "body": _markdown(s["lines"])} for s in sections]
    dossiers = _dossiers(text)
    if dossiers:
        data["dossiers"] = dossiers
    online = _online(text)
    if online:
        data["online_services"] = online
    return Draft(data, [])


def _joined(paragraphs: list[str]) -> str:
    return " ".join(paragraphs)


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines the PDF wrapped are joined back: a paragraph ends with '.', ':'
    or ';' — or where a heading or list item starts."""
    out: list[str] = []
    for line in lines:
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
    folded = fold(text)
    found: dict = {}
    for words, key in DOSSIER_WORDS:
        m = re.search(words + r"\s*(\d+)\s*ho so", folded)
        if m:
            found[key] = int(m.group(1))
    fields = re.findall(r"(\d+) hồ sơ thuộc lĩnh vực (.+?)(?=, \d+ hồ sơ|\.\s|\.$)", text)
    if fields:
        found["by_field"] = [{"field": name.strip(), "received": int(n)} for n, name in fields]
    return found


def _online(text: str) -> dict:
    levels = re.findall(r"mức độ (\d) cho (\d+)/(\d+) TTHC", text)
    if not levels:
        return {}
    return {"total_procedures": int(levels[0][2]),
            "levels": [{"level": level, "count": int(count)} for level, count, _ in levels]}
