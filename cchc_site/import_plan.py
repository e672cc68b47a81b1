"""Import, step 2: blocks → a plan or report draft (plain data for the YAML writer).

Columns of the appendix are recognised by their header wording, whatever
the agency's table shape; page-repeated headers are dropped; a row numbered
with a Roman numeral starts an area; a row with no number continues the
cell above it (a table split by a page break).  Nothing is invented: what
cannot be placed is listed in ``unplaced`` with where it was found.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from .deadlines import UNKNOWN
from .deadlines import interpret as read_deadline
from .import_read import Paragraph, Table
from .values import no_such_day, parse_date
from .vietnamese import slugify, strip_diacritics

COLUMN_WORDS = [  # folded header words → field, most specific first
    ("don vi chu tri", "lead"), ("chu tri", "lead"), ("don vi phoi hop", "support"),
    ("don vi thuc hien", "lead"), ("co quan thuc hien", "lead"),  # one column for who does it
    ("phoi hop", "support"), ("thoi gian", "deadline"), ("thoi han", "deadline"),
    ("tien do", "deadline"), ("kinh phi", "budget"), ("ket qua", "product"),
    ("san pham", "product"), ("hoat dong", "activities"), ("muc tieu", "objective"),
    ("nhiem vu", "task"), ("noi dung", "task"), ("ghi chu", "notes"), ("tt", "number"),
    ("stt", "number"),
]
_START_WORDS = ("bat dau", "khoi cong")  # a start date: never the deadline, kept in 'extra'
_END_WORDS = ("hoan thanh", "ket thuc", "den", "den ngay")  # under 'Thời gian thực hiện'
_WHEN_WORDS = ("thoi gian", "thoi han", "tien do")
WHO_AND_WHEN = "lead+deadline"  # a column giving the unit in charge, then the deadline
AREA_WORDS = [("chi dao", "chi-dao-dieu-hanh"), ("the che", "the-che"),
              ("thu tuc", "thu-tuc-hanh-chinh"), ("tthc", "thu-tuc-hanh-chinh"),
              ("to chuc bo may", "to-chuc-bo-may"),
              ("cong vu", "cong-vu"), ("tai chinh", "tai-chinh-cong"),
              ("chinh quyen dien tu", "chinh-quyen-so"), ("chinh quyen so", "chinh-quyen-so"),
              ("chinh phu dien tu", "chinh-quyen-so"), ("chuyen doi so", "chinh-quyen-so"),
              ("hien dai hoa hanh chinh", "chinh-quyen-so")]  # the 2011–2020 programme's name
ROMAN = re.compile(r"[IVXLC]+")
SECTION = re.compile(r"^([IVX]+)\.\s+(.+)$")
NUMBERED = re.compile(r"^(\d+)\.\s+(.+)$")


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", strip_diacritics(text).lower()).split())


@dataclass
class Draft:
    data: dict
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (where, what)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (where, vi, en)


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
        if match == "lead" and any(f" {key} " in f" {words} " for key in _WHEN_WORDS):
            match = WHO_AND_WHEN  # 'Đơn vị chủ trì - Thời gian thực hiện': both in one column
        start = _is_start(words)
        if start:  # 'Thời gian bắt đầu' beside 'Thời gian hoàn thành'; not a misspelt deadline
            match = None
        extra, n = f"extra:{cell}", 2
        while extra in found:  # two columns headed alike: both kept
            extra, n = f"extra:{cell} ({n})", n + 1
        found.append(match or (not start and _misspelt(words)) or extra)
    return found


def _is_start(header: str) -> bool:
    """Whether a column is headed as the start of the time ('Thời gian bắt đầu')."""
    return any(f" {key} " in f" {fold(header)} " for key in _START_WORDS)


def _misspelt(words: str) -> str | None:
    """The field of a header that opens with a known header's words but for a
    letter or two ('Thời gia hoàn thành'); the words compared are long ones."""
    for key, name in COLUMN_WORDS:
        if len(key) >= 6 and difflib.SequenceMatcher(None, words[:len(key)], key).ratio() >= 0.85:
            return name
    return None


def column_notes(row: list[str], fields: list[str | None], where: str) -> list[tuple[str, str, str]]:
    """What the importer did with a header it does not know word for word:
    read a misspelt one as the column it resembles, or kept an unknown one's
    cells in 'extra' (so the editor knows, say, no deadline was read)."""
    notes = []
    for cell, name in zip(row, fields):
        words = fold(cell)
        if not name or not name.startswith("extra:") and any(
                key == words or f" {key} " in f" {words} " for key, _ in COLUMN_WORDS):
            continue
        if name.startswith("extra:"):
            notes.append((where, f"cột “{cell}” không phải cột nào của phụ lục mà cchc-site biết "
                                 "(nhiệm vụ, chủ trì, phối hợp, thời gian, sản phẩm, kinh phí…): "
                                 "các ô của nó được giữ trong 'extra' của từng nhiệm vụ",
                          f"the column '{cell}' is none the importer knows: its cells are kept in "
                          "each task's 'extra'"))
        else:
            notes.append((where, f"tiêu đề cột “{cell}” được hiểu là cột '{name}' (gần giống "
                                 "tên cột quen dùng); hãy kiểm tra",
                          f"the header '{cell}' was read as the '{name}' column; check it"))
    return notes


_BESIDE_TASK = {"lead", "support", WHO_AND_WHEN, "deadline", "product", "budget"}


def is_header(row: list[str]) -> bool:
    """A task table's header: a TT column and a task column; or, in a table
    numbering its tasks inside the task cells ('1. Rà soát…'), a task column
    beside the unit in charge, the deadline or the product, every cell a
    header's few words (not a task row that speaks of 'nhiệm vụ', 'kết quả')."""
    fields = column_fields(row)
    if "task" not in fields and "objective" not in fields:
        return False
    if "number" in fields:
        return True
    return "task" in fields and bool(_BESIDE_TASK.intersection(fields)) and all(
        name and not name.startswith("extra:") and len(cell.split()) <= 8
        for name, cell in zip(fields, row) if cell)


# a task numbered in its own cell: '1. Rà soát', '2) Tham mưu', '1.2. Niêm yết', '1.2 Niêm yết'
_NUMBER_IN_CELL = re.compile(r"(\d{1,2}(?:\.\d{1,2})*)\s*[.):](?:\s+|(?=[^\W\d_]))(?=\S)"
                             r"|(\d{1,2}(?:\.\d{1,2})+)\s+(?=\S)")


def row_cells(fields: list[str | None], row: list[str]) -> dict:
    """A row's cells by field; in a table with no TT column, the number a
    task cell opens with as its 'number', taken off the task's words."""
    cells = dict(zip(fields, row))
    if "number" not in cells and cells.get("task"):
        found = _NUMBER_IN_CELL.match(cells["task"])
        if found:
            cells["number"], cells["task"] = found[1] or found[2], cells["task"][found.end():]
    return cells


# 'II- CẢI…', 'III.CẢI…'; '1. Công tác…' and 'A. CÔNG TÁC…' with the mark after the numeral
_AREA_HEADING = re.compile(r"^((?i:phần|mục)\s+)?"  # 'Phần I. …', 'Mục 1. …': an area by its name
                           r"(?:([IVX]+)(?:\s*[.\-–/:)]\s*|\s+)|(\d{1,2}|[A-H])\s*[.\-–/:)]\s*)"
                           r"(\S.*)$", re.DOTALL)
_NUMBER_END = re.compile(r"[\s.\-–/:)]+$")
_DECIMAL = re.compile(r"^(\d+)\.(\d+)$")  # task 2 of area 1 in plans numbered 1, 1.1, 1.2
# a whole cell: 'Tổng cộng', 'Cộng I', or the total with its count ('Tổng cộng: 9 nhiệm vụ')
_TOTAL = re.compile(r"(tong cong|tong so|tong kinh phi)( .*)?|(tong|cong)( [ivx]+)*")
_UNDER_TABLE = re.compile(r"^(noi nhan|nguoi lap|ghi chu)\b")  # and a signature's title
_NUMERIC = re.compile(r"[IVX]+|[A-H]|\d+(\.\d+)*")  # what a TT cell holds
_LETTER = re.compile(r"[A-H]")  # an area of a table lettered A, B, C…
_TASK_LETTER = re.compile(r"[a-hđ]")  # a task lettered a), b) under an area numbered 1, 2
_LETTERED_ITEM = re.compile(rf"({_TASK_LETTER.pattern})\s*[).]\s+(?=\S)")  # 'a) Xây…' opening a cell
_DASH_ITEM = re.compile(r"[-–+•]\s*(?=\S)")  # '- Rà soát…' opening a cell
_PAGE_FOOTER = re.compile(r"^(trang|page)? ?\d{1,3}( \d{1,3})?$")  # not '2026'; 'Trang 2/5' folded


def _number(cell: str) -> str:
    """The TT cell as a number: 'I.' → I, '1)' → 1, '2,1' (Excel's 2.1) → 2.1."""
    return re.sub(r"^(\d+),(\d+)$", r"\1.\2", _NUMBER_END.sub("", cell.strip()))


@dataclass
class _Appendix:
    """The appendix read row by row: areas and tasks, the headers as written,
    what could not be placed, and notes on what was done without asking."""

    unit_names: dict[str, str]
    decimal: bool = False  # areas numbered 1, 2 and tasks 1.1, 1.2
    lettered: bool = False  # areas lettered A, B, C (not read as Roman: C, D)
    flat: bool = False  # tasks numbered 1, 2… with no area row above them, in one unnamed area
    areas: list[dict] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    unplaced: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (where, vi, en)
    total: str = ""
    fields: list[str | None] | None = None
    ended: str = ""  # where the table ended, once a total or a signature was met
    unnamed: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    unmatched: dict[str, int] = field(default_factory=dict)  # unit cells naming no known unit
    by_role: list[str] = field(default_factory=list)  # tasks whose lead cell names supporters too
    unnamed_parts: dict[str, list] = field(default_factory=dict)  # cell → [its parts naming
    #                                                                none, how many tasks]
    begun: dict[tuple[str, str], list] = field(default_factory=dict)  # (part, the unit it
    #                                                                   begins) → [tasks]
    joined: list[tuple[str, str]] = field(default_factory=list)  # rows with no number: (where,
    #                                                              the task they were joined to)
    items_of: dict | None = None  # the task the dashed rows below are items of
    items: int = 0  # how many of them so far
    head: list[list[str]] = field(default_factory=list)  # the header's rows, one or two
    under_head: bool = False  # a row under the header read: the header again is a repeat

    def header(self, row: list[str], where: str) -> None:
        if self.ended or self._repeats_head(row):
            return
        if self.under_head:  # a header of other words: another table's, or the columns renamed
            self.head, self.under_head = [], False
        self.head.append(row)
        fields = column_fields(row)
        if self.fields and "deadline" in self.fields and "deadline" not in fields and \
                not any(a["tasks"] for a in self.areas):  # 'Thời gian thực hiện' over
            fields = [("deadline" if name and name.startswith("extra:") and fold(cell) in _END_WORDS
                       else name) for name, cell in zip(fields, row)]  # 'Bắt đầu | Hoàn thành'
        if self.fields and any(a["tasks"] for a in self.areas) and \
                {f for f in fields if f} != {f for f in self.fields if f}:
            self._end(where, " | ".join(c for c in row if c),
                      "một bảng khác (tiêu đề khác bảng nhiệm vụ)", "another table (its header "
                      "differs from the task table's)")
            return
        if fields != self.fields:  # a header repeated on each page is said of once
            self.notes += column_notes(row, fields, where)
            if "number" not in fields:
                self.notes.append((where, "bảng không có cột TT: số của mỗi nhiệm vụ lấy ở đầu ô "
                                          "nhiệm vụ ('1. Rà soát…'); hãy soát lại",
                                   "the table has no TT column: each task's number is taken "
                                   "from the start of its cell ('1. Rà soát…'); check them"))
        self.fields = fields
        for name, cell in zip(fields, row):
            if name == WHO_AND_WHEN:
                parts = re.split(r"\s*[-–/]\s*|\n", cell.strip(), maxsplit=1)
                self.columns.setdefault("lead", parts[0])
                self.columns.setdefault("deadline", parts[-1])
            elif name and not name.startswith("extra:"):  # a header's second row names the
                self.columns[name] = cell  # column better: 'Chủ trì' under 'Đơn vị thực hiện'

    def row(self, row: list[str], where: str, table: str, spanned: set[int] = frozenset()) -> None:
        if self.ended or self._repeats_head(row):
            return
        self.under_head = True
        filled = [cell for cell in row if cell]
        first = fold(filled[0]) if filled else ""
        cells = row_cells(self.fields, row)
        self._merged_when(row, spanned, cells)
        if cells.get("number", "").strip() in ("-", "–", "+", "•"):  # where TT goes: as if in
            cells["number"], cells["task"] = "", f"- {cells.get('task', '')}"  # the task's cell
        if WHO_AND_WHEN in cells:
            cells["lead"], when = _who_when(cells.pop(WHO_AND_WHEN))
            if when:
                cells.setdefault("deadline", when)
        number = _number(cells.get("number", ""))
        item = _LETTERED_ITEM.match(cells.get("task") or "") if not number and self.areas \
            and self.areas[-1]["tasks"] else None
        if item:  # '| a) Xây dựng chuyên mục… |': the letter in the task's cell, TT left empty
            number, cells["task"] = item[1], cells["task"][item.end():]
        if "number" in cells or item:
            cells["number"] = number
        numbered = bool(_NUMERIC.fullmatch(number))
        end = _table_end(filled, numbered)
        if end == "total":
            self.total = cells.get("budget", "")
            self._end(where, " | ".join(filled), "hàng tổng cộng", "the total row")
            return
        if end:
            self._end(where, " | ".join(filled), "phần ký, nơi nhận hay ghi chú dưới bảng",
                      "the signature, recipients or notes under the table")
            return
        if len(filled) == 1 and _PAGE_FOOTER.match(first):
            self.notes.append((where, f"bỏ qua số trang '{filled[0]}'",
                               f"skipped the page number '{filled[0]}'"))
            return
        for i, (name, text) in enumerate(zip(self.fields, row)):
            if name is None and text:
                self.unnamed.setdefault((table, i + 1), []).append(text)
        heading = _merged_heading(row)
        if heading and (heading[2] or self._numbers_an_area(heading[0])):
            self._area(*heading[:2])
        elif self._numbers_an_area(number):
            self._area(number, next((c for f, c in cells.items() if f != "number" and c), ""))
        elif number and not numbered and len(number.split()) > 2:  # words where TT goes: a page's
            self.unplaced.append((where, " | ".join(filled)))  # running header read as a row
        elif number and (self.areas or self.flat):
            if not self.areas:
                self._area("", "")
            decimal = _DECIMAL.match(number) if self.decimal else None
            if decimal and decimal[1] == self.areas[-1]["number"]:
                cells["number"] = self._excel_tenth(decimal[2], where)
            task = _task(cells)
            tasks = self.areas[-1]["tasks"]
            self._part_of(tasks, task, where)
            if tasks and (tasks[-1]["number"], tasks[-1].get("task")) == \
                    (task["number"], task.get("task")):
                self._spanned(tasks[-1], task, where, filled)
                return
            tasks.append(task)
            self.items_of = None
        elif not number and self.areas and self.areas[-1]["tasks"] and self._dashed(cells):
            self._item(cells, where)
        elif not number and self.areas and self.areas[-1]["tasks"]:
            task = self.areas[-1]["tasks"][-1]  # a cell continued after a page break
            for name, text in cells.items():
                if name and text and not name.startswith("extra:") and name != "number":
                    key = {"lead": "lead_text", "support": "support_text"}.get(name, name)
                    task[key] = f"{task.get(key, '')} {text}".strip()
            self.joined.append((where, f"{self.areas[-1]['number']}.{task['number']}"))
        else:
            self.unplaced.append((where, " | ".join(filled)))

    def _merged_when(self, row: list[str], spanned: set[int], cells: dict) -> None:
        """A time written once across the start and end columns ('Thường
        xuyên' over 'Bắt đầu | Hoàn thành'): the deadline, not a start."""
        for i, name in enumerate(self.fields):
            start = i
            while start in spanned:
                start -= 1
            if name == "deadline" and start < i and _is_start(self.fields[start] or ""):
                cells["deadline"], cells[self.fields[start]] = row[start], ""

    def _repeats_head(self, row: list[str]) -> bool:
        """A row of the header again under it, as Word repeats it on a page or
        a clerk pastes it: each filled cell as in one of the header's rows
        (its second row may come without the merges that filled its cells)."""
        return self.under_head and any(all(not cell or cell == above for cell, above in
                                           itertools.zip_longest(row, head, fillvalue=""))
                                       for head in self.head)

    @staticmethod
    def _dashed(cells: dict) -> bool:
        """'- Rà soát… | Văn phòng Sở | Quý I': an item of the task above, with
        a unit or deadline of its own (a dashed line alone continues a cell)."""
        return bool(_DASH_ITEM.match(cells.get("task") or "")
                    and (cells.get("lead") or cells.get("deadline")))

    def _item(self, cells: dict, where: str) -> None:
        """The dashed row as a task numbered after the task it is under (1.1,
        1.2 under 1), taking the units or deadline it leaves empty from it."""
        tasks = self.areas[-1]["tasks"]
        if self.items_of is None:
            self.items_of, self.items = tasks[-1], 0
            key = f"{self.areas[-1]['number']}.{tasks[-1]['number']}"
            self.notes.append((where, f"các dòng '-' dưới nhiệm vụ {key} có đơn vị hay thời hạn "
                                      f"riêng, được nhập thành nhiệm vụ {key}.1, {key}.2…; nếu "
                                      f"{key} chỉ là tiêu đề của chúng, có thể bỏ nó đi",
                               f"the '-' rows under task {key} have units or deadlines of their "
                               f"own and are imported as tasks {key}.1, {key}.2…; if {key} is "
                               "only their heading, it can go"))
        self.items += 1
        task = _task({**cells, "number": f"{self.items_of['number']}.{self.items}",
                      "task": _DASH_ITEM.sub("", cells["task"], count=1)})
        _taking_from(task, self.items_of)
        tasks.append(task)

    def _spanned(self, task: dict, again: dict, where: str, filled: list[str]) -> None:
        """A row repeating the task above, number and words (a task whose
        cells Word merged down over two rows, each with its own deadline or
        product): its other cells are that task's too, a line each."""
        _join(task, again)
        key = f"{self.areas[-1]['number']}.{task['number']}"
        self.notes.append((where, f"hàng lặp lại số và nội dung của nhiệm vụ {key} ở hàng trên (ô "
                                  f"gộp dọc qua hai hàng?): đã nối vào nhiệm vụ ấy; hãy soát lại: "
                                  f"{' | '.join(filled)}",
                           f"a row repeating the number and words of task {key} above (cells "
                           f"merged down over two rows?): joined to that task; check it: "
                           f"{' | '.join(filled)}"))

    def _part_of(self, tasks: list[dict], task: dict, where: str) -> None:
        """A task lettered a), b) under task 1 of an area numbered I: numbered
        1.a, 1.b (task I.1.a), the document's own numbering, not I.a beside
        I.1; one numbered 1.1, 1.2 there keeps its number (I.1.1).  Said once
        for each task they are parts of, which may be only their heading."""
        above = tasks[-1]["number"].partition(".")[0] if tasks else ""
        lettered = bool(_TASK_LETTER.fullmatch(task["number"]))
        if self.decimal or not above.isdigit() or not (
                lettered or task["number"].startswith(f"{above}.")):
            return
        if lettered:
            task["number"] = f"{above}.{task['number']}"
        whole = next((t for t in reversed(tasks) if t["number"] == above), {})
        _taking_from(task, whole)
        if tasks[-1]["number"].startswith(f"{above}."):
            return  # not the first part
        key = f"{self.areas[-1]['number']}.{above}"
        parts = "a), b)" if lettered else f"{above}.1, {above}.2"
        keys = f"{key}.a, {key}.b" if lettered else f"{key}.1, {key}.2"
        self.notes.append((where, f"các mục {parts}… dưới nhiệm vụ {key} được nhập thành nhiệm vụ "
                                  f"{keys}…; mục nào không ghi đơn vị hay thời hạn thì lấy của "
                                  f"nhiệm vụ {key} (trừ đơn vị phối hợp của mục có đơn vị chủ trì "
                                  f"riêng); nếu {key} chỉ là tiêu đề của chúng, có thể bỏ nó đi",
                           f"the items {parts}… under task {key} are imported as tasks {keys}…, "
                           f"an item with no unit or deadline taking {key}'s (but for the "
                           f"supporting units of one with a lead of its own); if {key} is only "
                           "their heading, it can go"))

    def _numbers_an_area(self, number: str) -> bool:
        """I, II; or A, B in a table lettered so; or 1, 2 in one numbered 1.1 or 1 a)."""
        return bool((_LETTER.fullmatch(number) if self.lettered else ROMAN.fullmatch(number))
                    or self.decimal and number.isdigit())

    def _excel_tenth(self, number: str, where: str) -> str:
        """Task 2.10 that Excel, storing it as the number 2.1, shows as 2.1:
        read as 10 when the task before it is the 9th (said in a note)."""
        tasks = self.areas[-1]["tasks"]
        before = tasks[-1]["number"] if tasks else ""
        if before.isdigit() and number.isdigit() and int(number) <= int(before) and \
                str(int(before) + 1) == number + "0":
            area = self.areas[-1]["number"]
            self.notes.append((where, f"nhiệm vụ {area}.{number} sau nhiệm vụ {area}.{before}: đọc "
                                      f"là {area}.{number}0 (Excel ghi số {area}.{number}0 thành "
                                      f"{area}.{number}); hãy soát lại",
                               f"task {area}.{number} after {area}.{before}: read as "
                               f"{area}.{number}0 (Excel stores that as {area}.{number}); check it"))
            return number + "0"
        return number

    def _roles(self, area: dict, task: dict) -> dict:
        """The task with the supporting units its lead cell names ('Chủ trì:
        Phòng Nội vụ; Phối hợp: Văn phòng') moved to its support cell, and the
        lead cell without its role's words (said where units were moved)."""
        lead, support = _by_role(task.get("lead_text", ""))
        if not support and (not lead or lead == task.get("lead_text")):
            return task
        if support:
            self.by_role.append(task_key(area, task))
        supporting = "; ".join(text for text in (task.get("support_text"), support) if text)
        found = {}
        for name, value in task.items():
            if name == "lead_text":
                found.update(lead_text=lead, support_text=supporting)
            elif name != "support_text":
                found[name] = value
        return {name: value for name, value in found.items() if value}

    def _with_units(self, task: dict) -> dict:
        """The task with the units its lead and support cells name, found once
        the cells are whole (a name wrapped onto a row of its own, as text
        from a PDF has it: 'Phòng Kế hoạch -' then 'Tài chính'), each cell kept
        as written unless it is just one unit's name."""
        found = {}
        for name, value in task.items():
            role = name.removesuffix("_text")
            if role not in ("lead", "support") or name == role:
                found[name] = value
                continue
            ids = units_in(value, self.unit_names)
            unnamed = [part.strip() for part in re.split(r"[;\n]", value)
                       if part.strip() and not units_in(part, self.unit_names)]
            unnamed += self._unnamed_beside(value, ids, unnamed)
            for part in list(unnamed):  # 'Trung tâm Kiểm soát bệnh tật' for '… tỉnh Hà Tĩnh'
                unit = _unit_begun(part, self.unit_names)
                if unit:
                    if unit not in ids:
                        ids.append(unit)
                    unnamed.remove(part)
                    self.begun.setdefault((part, self.unit_names[unit]), [0])[0] += 1
            if ids:
                found[role] = ids
                if unnamed:  # 'Phòng TCCB; Ban Quản lý dự án': the second names no unit
                    self.unnamed_parts.setdefault(value, [unnamed, 0])[1] += 1
            elif self.unit_names:
                self.unmatched[value] = self.unmatched.get(value, 0) + 1
            if not (len(ids) == 1 and fold(self.unit_names[ids[0]]) == fold(value)):
                found[name] = value
        return found

    def _unnamed_beside(self, value: str, ids: list[str], unnamed: list[str]) -> list[str]:
        """The parts between commas that name a unit by its kind ('Trung tâm
        TGPL' in 'Trung tâm TGPL, Trung tâm DVĐGTS') but none of the agency's,
        beside one that does: the unit found hid the other. Not a part of a
        unit's own name ('Phòng Hành chính' of 'Phòng Hành chính, Tổng hợp')."""
        names = [fold(self.unit_names[unit]) for unit in ids]
        return [part.strip() for chunk in re.split(r"[;\n]", value) if chunk.strip() not in unnamed
                for part in chunk.split(",")
                if fold(part).startswith(_KINDS) and not units_in(part, self.unit_names)
                and not any(fold(part) in name for name in names)]

    def _area(self, number: str, title: str) -> None:
        self.items_of = None
        self.areas.append({"number": number, "title": title, **_standard(title), "tasks": []})

    def _end(self, where: str, text: str, vi: str, en: str) -> None:
        self.ended = where
        self.notes.append((where, f"hết bảng nhiệm vụ ở {vi}; phần từ đây không được nhập: "
                                  f"{text[:120]}",
                           f"the task table ends at {en}; nothing from here on is imported"))

    def finish(self) -> None:
        if self.joined:  # said once: a PDF's text wraps every long cell onto lines of its own
            listed = ", ".join(f"{where} → {key}" for where, key in self.joined)
            self.notes.append((self.joined[0][0], f"hàng không có số thứ tự, đã nối vào nhiệm vụ ở "
                                                  "trên nó (dòng sau của ô, hay phần ô bị tách qua "
                                                  f"trang); hãy soát lại: {listed}",
                               f"rows with no number, joined to the task above them (a cell's "
                               f"next line, or a cell split by a page); check them: {listed}"))
        for area in self.areas:
            area["tasks"] = _numbered_twice([self._with_units(self._roles(area, task))
                                             for task in area["tasks"]], area, self.notes)
        if self.by_role:
            listed = ", ".join(self.by_role)
            self.notes.append(("", "ô đơn vị ghi cả đơn vị chủ trì và đơn vị phối hợp: đơn vị phối "
                                   f"hợp được nhập vào 'support'; hãy soát lại: {listed}",
                               "unit cells naming both the units in charge and the supporting "
                               f"ones: the supporting ones are imported under 'support'; check "
                               f"them: {listed}"))
        for text, count in self.unmatched.items():
            self.notes.append(("", f"không nhận ra đơn vị nào trong '{text}' ({count} nhiệm vụ), "
                                   "giữ nguyên chữ ở lead_text/support_text; nếu là đơn vị của cơ "
                                   "quan, thêm nó vào tệp cơ quan rồi nhập lại, hoặc ghi mã của "
                                   "nó vào 'lead'/'support'",
                               f"no unit found in '{text}' ({_tasks(count)}), kept as written in "
                               "lead_text/support_text; if it is one of the agency's units, add "
                               "it to the agency's file and import again, or write its id under "
                               "'lead'/'support'"))
        for (part, unit), (count,) in self.begun.items():
            self.notes.append(("", f"'{part}' ({count} nhiệm vụ) được hiểu là '{unit}', đơn vị "
                                   "duy nhất có tên bắt đầu như vậy; hãy soát lại",
                               f"'{part}' ({_tasks(count)}) is read as '{unit}', the one unit "
                               "whose name begins so; check it"))
        for text, (parts, count) in self.unnamed_parts.items():
            listed = ", ".join(f"'{part}'" for part in parts)
            self.notes.append(("", f"trong '{text}' ({count} nhiệm vụ) không nhận ra đơn vị nào ở "
                                   f"{listed}: chữ giữ nguyên ở lead_text/support_text, các đơn vị "
                                   "khác đã được liên kết; nếu đó là đơn vị của cơ quan, thêm vào "
                                   "tệp cơ quan rồi nhập lại",
                               f"in '{text}' ({_tasks(count)}) no unit is found in {listed}: the "
                               "words are kept in lead_text/support_text, the other units linked; "
                               "if those are the agency's units, add them to its file and import "
                               "again"))
        for (table, column), texts in self.unnamed.items():
            self.notes.append((table, f"cột thứ {column} không có tiêu đề nên không được nhập "
                                      f"({len(texts)} ô, ví dụ '{texts[0][:60]}'); hãy thêm tiêu "
                                      "đề cho cột rồi nhập lại, hoặc chép tay",
                               f"column {column} has no header, so it was not imported "
                               f"({len(texts)} cells); give it a header and import again, or "
                               "copy it by hand"))


def _tasks(count: int) -> str:
    return f"{count} task" if count == 1 else f"{count} tasks"


def _numbered_twice(tasks: list[dict], area: dict, notes: list) -> list[dict]:
    """The area's tasks, each that repeats the number of one before it ('3'
    twice, as the document has it) given an id of its own ('I.3-2'), said:
    check refuses two tasks of one id, and the number stays as written."""
    seen: dict[str, int] = {}
    out = []
    for task in tasks:
        number = task.get("number", "")
        seen[number] = seen.get(number, 0) + 1
        if number and seen[number] > 1 and "id" not in task:
            key = f"{task_key(area, task)}-{seen[number]}"
            task = {"id": key, **task}
            notes.append(("", f"lĩnh vực {area['number']} có {seen[number]} nhiệm vụ cùng số "
                              f"{number}: nhiệm vụ “{task.get('task', '')[:60]}” được đặt mã "
                              f"'{key}' để không trùng; hãy xem văn bản gốc, sửa 'number' nếu "
                              "chép nhầm",
                          f"area {area['number']} has {seen[number]} tasks numbered {number}: "
                          f"the task '{task.get('task', '')[:60]}' is given the id '{key}' so "
                          "that ids do not clash; correct 'number' if it was mistyped"))
        out.append(task)
    return out


def appendix(blocks, unit_names: dict[str, str], flat: bool = False) -> _Appendix:
    """Areas with their tasks, the column headers as written, and what was
    left over; ``flat``: tasks with no area above them in an unnamed area."""
    rows = [(row, where, block.where, spanned) for block in blocks if isinstance(block, Table)
            for row, where, spanned in zip(block.rows, block.row_places or [block.where] * len(block.rows),
                                           block.spanned or [set()] * len(block.rows))]
    numbers = list(_numbers(rows))
    roman = any(ROMAN.fullmatch(n) and n not in "CD" for n in numbers)  # I, II: parts A, B above
    read = _Appendix(unit_names, decimal=_numbered_decimally(numbers),
                     lettered="A" in numbers and "B" in numbers and not roman, flat=flat)
    for row, where, table, spanned in rows:
        if is_header(row):
            read.header(row, where)
        elif read.fields is not None and any(row):
            read.row(row, where, table, spanned)
    read.finish()
    return read


def _numbers(rows):
    """The TT cell of every row under a header, as a number (an area heading
    merged across the row, its numeral)."""
    fields = None
    for row, *_ in rows:
        if is_header(row):
            fields = column_fields(row)
        elif fields:
            heading = _merged_heading(row)
            yield heading[0] if heading else _number(row_cells(fields, row).get("number", ""))


def _numbered_decimally(numbers: list[str]) -> bool:
    """Whether the areas are numbered 1, 2, their tasks 1.1, 1.2 or a, b (not
    where areas are numbered I, II: a 2.1 there is a part of task 2)."""
    decimal = False
    for number in numbers:
        if ROMAN.fullmatch(number):
            return False
        decimal = decimal or bool(_DECIMAL.match(number) or _TASK_LETTER.fullmatch(number))
    return decimal


def _who_when(text: str) -> tuple[str, str]:
    """'Thanh tra Sở - Quý I' → ('Thanh tra Sở', 'Quý I'): the unit in charge,
    then the deadline after the last line break or dash, where that reads as
    one ('Phòng Kế hoạch - Tài chính' is a unit's name, no deadline)."""
    for mark in ("\n", " - ", " – ", "; ", ", "):
        who, found, when = text.rpartition(mark)
        # any year will do: only whether the words read as a deadline is asked
        if found and who.strip() and read_deadline(when.strip(), 2000).kind != UNKNOWN:
            return who.strip(), when.strip()
    return text, ""


# a role written in a unit cell: 'Chủ trì:', 'phối hợp với', 'Đơn vị phối hợp thực hiện:'
_ROLE = re.compile(r"\b(?:(?:đơn vị|cơ quan)\s+)?(chủ trì|phối hợp)(?!\w)"
                   r"(?:\s+(?:thực hiện|với))?(?:\s*:)?", re.IGNORECASE)
_ROLE_AFTER = re.compile(r"\s*\)?\s*(?:[,;.\n]|$)")  # after its units: 'Văn phòng chủ trì, …'
_ROLE_EDGES = " \n,;.:()-–"


def _by_role(text: str) -> tuple[str, str]:
    """A unit cell's units in charge and supporting ones, where it names
    their roles: 'Chủ trì: Phòng Nội vụ; Phối hợp: Văn phòng', 'Văn phòng
    chủ trì, phối hợp Phòng Tư pháp', 'Văn phòng chủ trì; Phòng Tư pháp phối
    hợp', 'Chủ trì: Phòng Nội vụ'.  A role word goes with the words after it,
    or before it where it closes them; words under no role are the column's,
    in charge."""
    marks = list(_ROLE.finditer(text))
    if not marks:
        return text, ""
    edges = [0, *(at for mark in marks for at in mark.span()), len(text)]
    parts = [text[edges[i]:edges[i + 1]] for i in range(0, len(edges), 2)]  # around the marks
    roles: list[str | None] = [None] * len(parts)
    for i, mark in enumerate(marks):
        at = i if parts[i].strip(_ROLE_EDGES) and _ROLE_AFTER.match(parts[i + 1]) else i + 1
        if roles[at] is None:
            roles[at] = "support" if fold(mark[1]) == "phoi hop" else "lead"
    found = {"lead": [], "support": []}
    for part, role in zip(parts, roles):
        if part.strip(_ROLE_EDGES):
            found[role or "lead"].append(part.strip(_ROLE_EDGES))
    return "; ".join(found["lead"]), "; ".join(found["support"])


def _merged_heading(row: list[str]) -> tuple[str, str, bool] | None:
    """A heading written in one cell merged across the row ('I. CẢI CÁCH THỂ
    CHẾ', 'II- CẢI CÁCH…', '1. Công tác chỉ đạo', 'Phần I. …', the other
    cells empty): its numeral and title (an area's where the table numbers
    its areas so), and whether it names itself a part ('Phần', 'Mục': an
    area however the table numbers)."""
    filled = [cell for cell in row if cell]
    match = _AREA_HEADING.match(filled[0]) if len(filled) == 1 else None
    return (match[2] or match[3], " ".join(match[4].split()), bool(match[1])) if match else None


def _standard(title: str) -> dict:
    words = fold(title)
    match = next((key for phrase, key in AREA_WORDS if phrase in words), None)
    return {"standard": match} if match else {}


def _taking_from(item: dict, task: dict) -> None:
    """An item of ``task`` (1.a, or a dashed row under 1) given the units and
    deadline it leaves empty from the task it is part of; but for the
    supporting units of an item naming its own lead (a blank there is none)."""
    own_lead = bool(item.get("lead_text"))
    for name in ("lead_text", "support_text", "deadline"):
        if task.get(name) and not item.get(name) and not (name == "support_text" and own_lead):
            item[name] = task[name]


def _join(task: dict, again: dict) -> None:
    """``again``'s cells added to ``task``'s: a text not there yet on a line
    of its own, units not named yet, extra columns alike."""
    for name, value in again.items():
        if isinstance(value, dict):  # the extra columns
            _join(task.setdefault(name, {}), value)
        elif isinstance(value, list):  # units
            task[name] = task.get(name, []) + [v for v in value if v not in task.get(name, [])]
        elif value and value not in task.get(name, "").split("\n"):
            task[name] = f"{task[name]}\n{value}" if task.get(name) else value


def _task(cells: dict) -> dict:
    task = {"number": cells.get("number", "")}
    for name in ("objective", "task", "activities", "product"):
        if cells.get(name):
            task[name] = cells[name]
    for role in ("lead", "support"):
        if cells.get(role):  # as written: the units it names are found when the table is read
            task[f"{role}_text"] = cells[role]
    for name in ("deadline", "budget", "notes"):
        if cells.get(name):
            task[name] = cells[name]
    extra = {name[6:]: text for name, text in cells.items()
             if name and name.startswith("extra:") and text}
    if extra:
        task["extra"] = extra
    return task


# the short forms plans write unit names in ('VP Sở', 'P. KH-TC'), folded
_SHORT_FORMS = [(" xa tt ", " xa thi tran "),  # 'UBND các xã, TT': the towns, no Trung tâm
                (" kh tc ", " ke hoach tai chinh "), (" tc kh ", " tai chinh ke hoach "),
                (" tc hc ", " to chuc hanh chinh "),
                (" tccb ", " to chuc can bo "), (" cntt ", " cong nghe thong tin "),
                (" vp ", " van phong "), (" p ", " phong "), (" tt ", " trung tam "),
                (" cc ", " chi cuc "), (" ttr ", " thanh tra ")]


def _spelled_out(words: str) -> str:
    for short, full in _SHORT_FORMS:
        while short in words:
            words = words.replace(short, full)
    return words


_KINDS = ("phong", "chi cuc", "trung tam", "van phong")  # what initials follow ('Phòng QLĐĐ')


def _unit_spellings(unit_names: dict[str, str]) -> list[tuple[str, str]]:
    """(folded name, id), longest first: each name, the name without a
    closing 'Sở' ('Văn phòng' for 'Văn phòng Sở'), and its kind with the
    initials of the rest ('phong qldd' for 'Phòng Quản lý đất đai'; 'Phòng
    XDKTVB' or 'Phòng XD&KTVB' for 'Phòng Xây dựng và Kiểm tra văn bản'), each
    of these where no other unit has it."""
    names = [(fold(name), unit) for unit, name in unit_names.items() if fold(name)]
    other = [(name[:-3], unit) for name, unit in names if name.endswith(" so")]
    for name, unit in names:
        kind = next((k for k in _KINDS if name.startswith(k + " ")), None)
        parts = name[len(kind) + 1:].split(" va ") if kind else []  # 'và' is left out, or '&'
        if sum(len(part.split()) for part in parts) >= 2:
            initials = ["".join(word[0] for word in part.split()) for part in parts]
            other.append((f"{kind} {''.join(initials)}", unit))  # 'Phòng XDKTVB'
            if len(initials) > 1:
                other.append((f"{kind} {' '.join(initials)}", unit))  # 'Phòng XD&KTVB'
        if " va " in name:
            other.append((name.replace(" va ", " "), unit))  # 'VP HĐND&UBND huyện'
    taken = {name for name, _ in names}
    names += [(name, unit) for name, unit in other
              if name not in taken and sum(n == name for n, _ in other) == 1]
    return sorted(names, key=lambda pair: -len(pair[0]))


# initials of two or three letters joined by '-' or '&' ('VH-TT&TT', 'TN&MT'): one word,
# as _unit_spellings writes a unit's initials; not 'HĐND&UBND', two names
_ABBREVIATION_CHAIN = re.compile(r"\b[A-ZĐ]{1,3}(?:[-&][A-ZĐ]{1,3})+\b")


def _joined(match: re.Match) -> str:
    return re.sub(r"[-&]", "", match[0])


def _unit_begun(part: str, unit_names: dict[str, str]) -> str | None:
    """The one unit whose name a cell's part begins, with a kind and two
    words at least ('Trung tâm Kiểm soát bệnh tật' for '… tỉnh Hà Tĩnh'), if
    only one begins so."""
    words = fold(part)
    kind = next((kind for kind in _KINDS if words.startswith(kind + " ")), None)
    if kind is None or len(words.split()) < len(kind.split()) + 2:
        return None
    begun = [unit for unit, name in unit_names.items() if fold(name).startswith(words + " ")]
    return begun[0] if len(begun) == 1 else None


def units_in(text: str, unit_names: dict[str, str]) -> list[str]:
    """Unit ids named in a lead/support cell, in the order written: each unit
    whose whole name the cell holds, even a name with 'và' or a comma in it
    ('Phòng Hành chính tư pháp và Bổ trợ tư pháp'), or its usual short form
    ('VP Sở'); the longest names are looked for first, and a part of the cell
    holds one name only; a short form followed by initials begins another's
    name ('VP ĐKĐĐ', 'Văn phòng UBND tỉnh' are not 'Văn phòng Sở')."""
    words = _spelled_out(f" {fold(_ABBREVIATION_CHAIN.sub(_joined, text))} ")
    shouted = text.isupper()
    initials = {fold(word) for word in re.findall(r"[\w&]{2,}", text)  # 'ĐKĐĐ' in 'VP ĐKĐĐ'
                if (word.isupper() and not shouted) or not set(fold(word)) & set("aeiouy")}
    whole = {fold(name) for name in unit_names.values()}
    found: list[tuple[int, str]] = []
    for name, unit in _unit_spellings(unit_names):
        at = words.find(f" {name} ")
        if at < 0 or name not in whole and words[at + len(name) + 2:].partition(" ")[0] in initials:
            continue  # not there, or a short form begins another's name ('VP ĐKĐĐ')
        found.append((at, unit))
        words = words[:at + 1] + "\0" * len(name) + words[at + 1 + len(name):]  # taken
    return list(dict.fromkeys(unit for _, unit in sorted(found)))


def plan_draft(blocks, agency: str, unit_names: dict[str, str]) -> Draft:
    notes: list[tuple[str, str, str]] = []
    paragraphs = without_page_furniture([b for b in blocks if isinstance(b, Paragraph)], notes) \
        or _opening_lines(blocks, enough=None)  # a workbook: its cover's lines, above the tasks
    data: dict = {"agency": agency}
    header = _header(_opening_lines(blocks), notes)
    data.update(header)
    read = appendix(blocks, unit_names)
    objectives, sections = _body(paragraphs)
    data.update(_opening(paragraphs))
    if objectives:
        data["objectives"] = objectives
    if sections:
        data["sections"] = sections
    heading = _appendix_heading(blocks)
    if read.columns or read.total or heading:
        data["appendix"] = {**heading, **({"columns": read.columns} if read.columns else {}),
                            **({"budget_total": read.total} if read.total else {})}
    data.update(_closing(_closing_lines(blocks)))
    data["areas"] = read.areas
    return Draft(data, read.unplaced, notes + read.notes)


def without_page_furniture(paragraphs: list[Paragraph], notes: list[tuple[str, str, str]]
                           ) -> list[Paragraph]:
    """The lines of a text file (copied from a PDF) but its page numbers ('2',
    'Trang 2/5') and the running header the PDF repeats on its pages (each
    said in ``notes``), which would fall into a section's text, between the
    words of a sentence; Word's paragraphs as they are."""
    lines = [p.text for p in paragraphs if p.where.startswith("dòng")]
    numbers = {i for i, line in enumerate(lines) if _PAGE_FOOTER.match(fold(line))}
    times = Counter(lines)
    by_page = {near for i in numbers for near in lines[max(i - 1, 0):i + 2]}  # their neighbours
    running = {line for line, n in times.items() if n > 1 and len(line) >= 15
               and (n >= 3 or line in by_page) and not line.endswith((".", ":", ";"))
               and not SECTION.match(line) and not re.match(r"[-+–•]|\d+[.)]", line)}
    for line in sorted(running):
        notes.append(("", f"bỏ dòng “{line}” lặp lại {times[line]} lần (tiêu đề trang của bản "
                          "PDF)", f"dropped the line '{line}', repeated on every page"))
    pages = {lines[i] for i in numbers}
    return [p for p in paragraphs if not p.where.startswith("dòng")
            or p.text not in running and p.text not in pages]


def _appendix_heading(blocks) -> dict:
    """The appendix's title ('PHỤ LỤC NHIỆM VỤ…') and the line under it naming
    the plan it goes with ('(Kèm theo Kế hoạch số…)'), the last such title
    above the task table's header (an Excel sheet's first rows, or the
    paragraphs before a Word table)."""
    above = [line.text for line in _opening_lines(blocks, enough=None)]
    titles = [i for i, text in enumerate(above) if fold(text).startswith("phu luc") and len(text) < 150]
    if not titles:
        return {}
    at = titles[-1]
    title = above[at]
    if re.fullmatch(r"phu luc(?: [ivx\d]+)?", fold(title)) and above[at + 1:at + 2] and \
            not above[at + 1].startswith("("):  # 'PHỤ LỤC' over 'KẾ HOẠCH TRIỂN KHAI…'
        at += 1
        title = f"{title} {above[at]}"
    found = {"title": title}
    if above[at + 1:at + 2] and above[at + 1].startswith("("):
        found["subtitle"] = above[at + 1]
    return found


def _closing_lines(blocks) -> list[Paragraph]:
    """The paragraphs, and the lines of the small tables a signature and the
    recipients are often set side by side in, and of the rows under a task
    table's total or signature (an Excel sheet's signer)."""
    lines: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block)
            continue
        rows = block.rows if len(block.rows) <= 3 else block.rows[_under_table(block.rows):]
        lines += [Paragraph(line, block.where) for row in rows for cell in row
                  for line in cell.split("\n") if line]
    return lines


def _under_table(rows: list[list[str]]) -> int:
    """Where a big table's rows stop being tasks (its total row, signature or
    recipients, as _Appendix.row finds them), or its end."""
    return next((i for i, row in enumerate(rows) if _table_end(
        [cell for cell in row if cell], bool(_NUMERIC.fullmatch(_number(row[0]))))), len(rows))


def _table_end(filled: list[str], numbered: bool) -> str:
    """What a row not numbered as a task ends a task table with: 'total',
    'under' (a signature, the recipients, notes under the table) or ''."""
    if numbered or not filled:
        return ""
    if _TOTAL.fullmatch(fold(filled[0])):
        return "total"
    return "under" if _UNDER_TABLE.match(fold(filled[0])) or _signs(filled[0]) else ""


def _opening_lines(blocks, enough: int | None = 12) -> list[Paragraph]:
    """The document's first lines in reading order, a table's cells included
    (the agency, number, place and date often sit in a borderless table), up
    to the task table's header; past a table once ``enough`` are read."""
    lines: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block)
            continue
        head = next((i for i, row in enumerate(block.rows) if is_header(row)), None)
        lines += [Paragraph(line, block.where) for row in block.rows[:head] for cell in row
                  for line in cell.split("\n") if line]
        if head is not None:
            break  # the appendix, after what stands above its header (an Excel sheet's title)
        if enough is not None and len(lines) >= enough:
            break
    return lines


_NUMBER_DATE = (r"số:?\s*(?P<number>\d+/[^\s,;)]+)\s*ngày\s*"
                r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2} tháng \d{1,2} năm \d{4})")
_ISSUED_WITH = re.compile(r"kế hoạch " + _NUMBER_DATE, re.IGNORECASE)
# an appendix alone, its document's number and date: '(Kèm theo Kế hoạch số 05/KH-SNV ngày …)'
_ATTACHED_TO = {"ke hoach": re.compile(r"kèm theo\s+kế hoạch " + _NUMBER_DATE, re.IGNORECASE),
                "bao cao": re.compile(r"kèm theo\s+báo cáo " + _NUMBER_DATE, re.IGNORECASE)}


def _header(paragraphs: list[Paragraph], notes: list[tuple[str, str, str]],
            title_word: str = "ke hoach") -> dict:
    """Number, place, date, year and title from a document's first lines; the
    title is the line after the one that names the kind ('KẾ HOẠCH', 'BÁO CÁO').
    A date with no such day ('ngày 30 tháng 02 năm 2024') is kept as written and
    said in ``notes``."""
    found: dict = {}
    for i, paragraph in enumerate(paragraphs[:12]):
        text = paragraph.text
        if text.startswith("Số:") and "number" not in found:
            number, _, rest = text[3:].strip().partition(" ")
            if re.match(r"^[^,]+,\s*ngày", rest):  # 'Số: 21/KH-SKHCN Hà Tĩnh, ngày 25…' on one line
                found["number"], text = number, rest
            else:
                found["number"] = text[3:].strip()
        m = re.match(r"^([^,]+),\s*(ngày.*năm\s*(\d{4}).*)$", text)
        if m and "date" not in found:
            found["place"] = m.group(1).strip()
            written = m.group(2).strip()
            date = parse_date(written)
            found["date"] = date.vietnamese() if date and date.day else written
            found["year"] = int(m.group(3))
            if date is None and (why := no_such_day(written)):
                notes.append((paragraph.where, f"ngày của văn bản “{written}” không có trên lịch "
                              f"({why[0]}): đã chép nguyên văn vào 'date'; hãy sửa theo bản gốc",
                              f"the document's date '{written}' is not a day of the calendar "
                              f"({why[1]}): copied as written into 'date'; correct it"))
        if fold(text) == title_word and i + 1 < len(paragraphs):
            found["title"] = paragraphs[i + 1].text
        elif "title" not in found and fold(text).startswith(title_word + " ") and \
                text[:len(title_word)].isupper():  # 'BÁO CÁO Kết quả … 6 tháng…' on one line
            found["title"] = text[len(title_word):].strip(" :.-–")
        m = _ATTACHED_TO[title_word].search(text)  # not the plan a report or a plan carries out
        if m and "number" not in found and (date := parse_date(m["date"])):
            found.update(number=m["number"], date=date.vietnamese(), year=date.year)
    m = re.search(r"năm (\d{4})$", found.get("title", ""), re.IGNORECASE)  # '… NĂM 2027' too
    if m:
        found["year"] = int(m.group(1))
    if found.get("date", "").startswith("ngày") and parse_date(found["date"]):
        found["draft"] = True  # the day is still blank: a draft
        found["date"] = found["date"].replace("ngày", "").strip()
    return found


_KIND_WORDS = {"plan": "ke hoach", "report": "bao cao"}


def named_kind(blocks) -> tuple[str, Paragraph] | None:
    """The kind of document its opening names, 'plan' ('KẾ HOẠCH') or
    'report' ('BÁO CÁO'), with the line that names it."""
    for paragraph in _opening_lines(blocks)[:12]:
        words = fold(paragraph.text)
        for kind, word in _KIND_WORDS.items():
            if (words == word or words.startswith(word + " ")) and \
                    paragraph.text[:len(word)].isupper():
                return kind, paragraph
    return None


def _opening(paragraphs: list[Paragraph]) -> dict:
    """What stands between the title and the first section: the legal basis,
    the year's theme, and the sentence that introduces the plan."""
    found: dict = {}
    started = False
    for paragraph in _lines_joined(paragraphs):
        text = paragraph.text
        if SECTION.match(text):
            break
        words = fold(text)
        if words.startswith(_BASIS):
            found.setdefault("legal_basis", []).append(text)
            started = True
        elif words.startswith("chu de"):
            found["theme"] = text.split(":", 1)[-1].strip().strip("“”\"").strip()
        elif started and "xay dung ke hoach" in words:
            found["preamble"] = text
    return found


_BASIS = ("can cu", "thuc hien can cu", "thuc hien ke hoach")  # how a legal basis starts, folded


def _lines_joined(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A legal basis or the preamble in a text file (copied from a PDF, which
    wraps them) joined back from its lines, up to one that ends a sentence
    ('.', ':', ';') or one starting a section, an item or another basis;
    Word's paragraphs as they are."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text
        above = fold(out[-1].text) if out else ""
        continues = out and out[-1].where.startswith("dòng") and \
            paragraph.where.startswith("dòng") and (above.startswith(_BASIS) or "xay dung ke hoach"
                                                    in above) and \
            not out[-1].text.endswith((".", ":", ";")) and not SECTION.match(text) and \
            not re.match(r"(\d+(\.\d+)*[.)]|[-+–•])\s", text) and not fold(text).startswith(_BASIS) \
            and "xay dung ke hoach" not in fold(text)  # the preamble, after the bases
        if continues:
            out[-1] = Paragraph(f"{out[-1].text} {text}", out[-1].where)
        else:
            out.append(paragraph)
    return out


_SIGNER_TITLE = re.compile(r"^(?:(?:kt|tm|tl|q) )?(?:pho )?(?:giam doc|chu tich|truong phong|"
                           r"chanh van phong|thu truong|truong ban|cuc truong)\b"
                           r"|^tm (?:uy ban|ban|so|hoi dong|ubnd)\b")  # 'TM. ỦY BAN NHÂN DÂN'



def _signs(text: str) -> bool:
    """A signature's title line: 'GIÁM ĐỐC', 'KT. GIÁM ĐỐC', in capitals."""
    return text == text.upper() and len(text.split()) <= 6 and bool(_SIGNER_TITLE.match(fold(text)))


def _closing(paragraphs: list[Paragraph]) -> dict:
    """The recipients ('Nơi nhận:' and its '- …' lines) and the signer (KT.
    GIÁM ĐỐC / PHÓ GIÁM ĐỐC / the name) at the end of the plan's text."""
    found: dict = {}
    texts = [p.text for p in paragraphs]

    def listed(text: str) -> bool:
        return text.startswith(("-", "+", "–"))

    def a_name(text: str) -> bool:
        return text != text.upper() and 2 <= len(text.split()) <= 6 and not listed(text)
    for i, text in enumerate(texts):
        if fold(text).startswith("noi nhan") and "recipients" not in found:
            inline = text.split(":", 1)[1].strip() if ":" in text else ""
            lines = [inline] if inline else []
            for line in texts[i + 1:i + 20]:  # the signature's lines may stand among them
                if listed(line):           # (a PDF's two columns read line by line)
                    lines.append(line)
                elif not (_signs(line) or a_name(line)):
                    break
            found["recipients"] = [line.lstrip("-+– ").strip() for line in lines if line]
        if _signs(text) and "signer" not in found:
            own = [t for t in texts[i:i + 8] if not listed(t)]  # not the recipients beside it
            titles = list(itertools.takewhile(_signs, own[:3]))
            rest = own[len(titles):len(titles) + 1]
            name = rest[0] if rest and a_name(rest[0]) else ""
            on_behalf = "\n".join(titles[:-1])  # 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'…
            found["signer"] = {**({"on_behalf": on_behalf} if on_behalf else {}),
                               "title": titles[-1], **({"name": name} if name else {})}
    return found


def _body(paragraphs: list[Paragraph]) -> tuple[list[dict], list[dict]]:
    """Objectives (the items of the 'MỤC TIÊU' section) and the other
    Roman-numbered sections as Markdown, up to the signature or appendix."""
    objectives, sections = [], []
    current = None
    for paragraph in paragraphs:
        text = paragraph.text
        if fold(text).startswith(("noi nhan", "phu luc", "bieu ke hoach")) or _signs(text):
            break
        m = SECTION.match(text)
        if m and text == text.upper() or (m and fold(m.group(2)).startswith("muc")):
            current = {"heading": text, "lines": []}
            sections.append(current)
            continue
        if current is None:
            continue
        if "muc tieu" in fold(current["heading"]) and "muc dich" not in fold(current["heading"]):
            _objective_line(objectives, paragraph)
            continue
        current["lines"].append(text)
    kept = [{"heading": s["heading"], "body": _markdown(s["lines"])}
            for s in sections if s["lines"]]
    return objectives, kept


_ITEM = re.compile(r"[-+–•]\s*(\S.*)", re.DOTALL)  # '- 100% hồ sơ…', an item of a list


def _objective_line(objectives: list[dict], paragraph: Paragraph) -> None:
    """A line of the MỤC TIÊU section: a numbered one begins an objective;
    a '-' item goes under the objective above, in a list; other words begin
    an unnumbered objective, or go on with the one above: a line wrapped
    mid-sentence (a PDF's) joined to it, the words after a sentence or a
    heading ('Mục tiêu cụ thể') as a paragraph of their own. Nothing is left
    out: the section is not kept beside them."""
    text = paragraph.text
    numbered = NUMBERED.match(text)
    item = _ITEM.fullmatch(text)
    if numbered:
        objectives.append({"number": numbered[1], "text": numbered[2]})
    elif not objectives:
        objectives.append({"text": f"- {item[1]}" if item else text})
    elif item:
        last = objectives[-1]
        listed = last["text"].rpartition("\n")[2].startswith("- ")
        last["text"] += ("\n" if listed else "\n\n") + f"- {item[1]}"
    elif len(objectives[-1]["text"]) > 40 and not objectives[-1]["text"].endswith((".", ":", ";")):
        objectives[-1]["text"] += " " + text
    else:
        objectives[-1]["text"] += "\n\n" + text


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
