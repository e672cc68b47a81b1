"""Import, step 1: a Word, Excel or text document → paragraphs and tables.

Whatever the format, the result is the same list of blocks in reading
order, so the recognisers downstream do not care where a table came from.
Text is NFC; cells keep their words and their line breaks (a cell of
several paragraphs or bulleted lines), with HTML list fragments removed.
Excel's numbers and dates are written the Vietnamese way, as the document
shows them.
"""

from __future__ import annotations

import codecs
import datetime
import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .vietnamese import format_number, garbled, nfc

# Only real tags: "<http://…>" links and "a < b" comparisons are text to keep.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


class UnreadableDocument(Exception):
    """A document that cannot be read; raised with (Vietnamese, English)."""


@dataclass
class Paragraph:
    text: str
    where: str  # 'line 12', 'paragraph 4': for messages


@dataclass
class Table:
    rows: list[list[str]]
    where: str
    row_places: list[str] = field(default_factory=list)
    spanned: list[set[int]] = field(default_factory=list)  # by row: the columns a cell merged
    #                                                          from their left covers, shown empty


def clean(text: str) -> str:
    """One line: tags of pasted HTML lists dropped, spaces folded."""
    return " ".join(html.unescape(_TAG.sub(" ", nfc(text or ""))).split())


def clean_cell(text: str) -> str:
    """A cell: each of its lines cleaned, blank lines dropped, the breaks kept."""
    return "\n".join(line for line in map(clean, (text or "").split("\n")) if line)


_OLE = bytes.fromhex("d0cf11e0a1b11ae1")  # how an old .doc/.xls, or an encrypted .docx/.xlsx, begins


def read_document(path: Path) -> list[Paragraph | Table]:
    suffix = path.suffix.lower()
    readers = {".txt": _read_text, ".docx": _read_docx, ".xlsx": _read_xlsx}
    if suffix not in readers:
        raise UnreadableDocument(f"không đọc được loại tệp '{suffix}'; nhận .docx, .xlsx hoặc .txt "
                           "(Word .doc cũ: hãy lưu lại thành .docx)",
                           f"cannot read '{suffix}' files; expected .docx, .xlsx or .txt "
                           "(save an old Word .doc as .docx)")
    if not path.is_file():
        raise UnreadableDocument(f"không có tệp {path}", f"no file {path}")
    if path.stat().st_size == 0:
        raise UnreadableDocument(f"{path.name} là tệp rỗng (0 byte): có lẽ tệp chưa được lưu hay "
                                 "chép chưa xong", f"{path.name} is an empty file (0 bytes): "
                                 "perhaps not saved, or not copied in full")
    with path.open("rb") as file:
        start = file.read(len(_OLE))
    if suffix != ".txt" and start == _OLE:
        raise UnreadableDocument(f"{path.name} là tệp Office kiểu cũ (Word .doc, Excel .xls đổi "
                                 "tên) hoặc tệp đặt mật khẩu: hãy mở bằng Word hay Excel, bỏ mật "
                                 f"khẩu nếu có, rồi lưu lại thành tệp {suffix}",
                                 f"{path.name} is an old Office file (a Word .doc or Excel .xls "
                                 "renamed) or a password-protected one: open it in Word or Excel, "
                                 f"remove the password if any, and save it as a {suffix} file")
    blocks = readers[suffix](path)
    found = garbled("\n".join(
        b.text if isinstance(b, Paragraph) else "\n".join("\t".join(row) for row in b.rows)
        for b in blocks))
    if found:
        raise UnreadableDocument(f"{path.name}: {found[1]}; sau đó nhập lại",
                                 f"{path.name}: {found[2]}; then import it again")
    if not any(isinstance(b, Table) for b in blocks) and \
            not any(b.text for b in blocks if isinstance(b, Paragraph)):
        raise UnreadableDocument(f"{path.name} không có nội dung nào", f"{path.name} is empty")
    return blocks


_FIELD = re.compile(r"\S+(?: \S+)*")  # text up to a gap of two spaces or more
_TT = re.compile(r"(?:số )?s?tt\b", re.IGNORECASE)  # "TT", "STT", "Số TT"
_WIDE_GAP = re.compile(r"\s{4,}")


def _read_text(path: Path) -> list[Paragraph | Table]:
    """Lines; a table's rows either separated by tabs, or, as text copied from
    a PDF, by runs of spaces: the columns then stand where the header's words
    start ('TT    Nhiệm vụ    Đơn vị chủ trì'), and a line holding a part
    of a row (a cell's second line, a page number) is read at those columns."""
    data = path.read_bytes()
    try:  # Word's 'Unicode Text' is UTF-16 with its byte-order mark
        text = data.decode("utf-16") if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) \
            else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"{path.name} không phải văn bản UTF-8; hãy lưu lại với mã UTF-8",
                           f"{path.name} is not UTF-8 text; save it as UTF-8") from exc
    blocks: list[Paragraph | Table] = []
    columns: list[int] | None = None  # where a space-aligned table's columns start
    heading = False  # the line before was the header of a space-aligned table, or went on with it
    headers: dict[str, list[list[str]]] = {}  # a header's first line → its next lines, as first met
    wrapped: list[list[str]] = []  # the next lines of the header being read, met the first time
    again: list[list[str]] | None = None  # or of a header met again: those still to come

    def add_row(cells: list[str], where: str) -> None:
        if blocks and isinstance(blocks[-1], Table):
            blocks[-1].rows.append(cells)
            blocks[-1].row_places.append(where)
        else:
            blocks.append(Table([cells], where, [where]))

    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        where = f"dòng {number}"
        fields = [(m.start(), clean(m.group())) for m in _FIELD.finditer(line)]
        if "\t" in line:
            add_row([clean(cell) for cell in line.split("\t")], where)
        elif not fields:
            continue
        elif len(fields) >= 3 and _TT.fullmatch(fields[0][1]):  # a header, maybe again on a page
            columns = [start for start, _ in fields]
            add_row([text for _, text in fields], where)
            heading = True  # the next lines may go on with the header's words
            again = list(headers[line.strip()]) if line.strip() in headers else None
            wrapped = headers.setdefault(line.strip(), [])
        elif columns is not None and heading and fields[0][0] > 0 and (
                again is None or again[:1] == [_at_columns(fields, columns)]):
            # 'chủ trì' under 'Đơn vị'; where a page repeats the header, only the lines it had
            # the first time: what follows them is the rest of a cell the page cut
            cells = _at_columns(fields, columns)
            if again is None:
                wrapped.append(cells)
            else:
                again.pop(0)
            header = blocks[-1].rows[-1]
            for i, text in enumerate(cells):
                header[i] = f"{header[i]} {text}".strip() if text else header[i]
        elif columns is not None and (len(fields) > 1 or fields[0][0] > 0):
            heading = False
            add_row(_at_columns(fields, columns), where)
        else:  # prose; a wide gap parts two texts set side by side ('Số: …      Hà Tĩnh, ngày …')
            columns = None if fields[0][0] == 0 and len(fields) == 1 else columns
            blocks += [Paragraph(clean(part), where) for part in _WIDE_GAP.split(line.strip())]
    return blocks


def _at_columns(fields: list[tuple[int, str]], columns: list[int]) -> list[str]:
    """A space-aligned line's texts, each in the column it starts under."""
    cells = [""] * len(columns)
    for start, text in fields:
        column = max((i for i, at in enumerate(columns) if at <= start + 2), default=0)
        cells[column] = f"{cells[column]} {text}".strip()
    return cells


def _read_docx(path: Path) -> list[Paragraph | Table]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableDocument(f"{path.name} không phải tệp Word .docx đọc được (tệp hỏng?)",
                           f"{path.name} is not a readable Word .docx file (corrupt?)") from exc
    blocks: list[Paragraph | Table] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            for line in DocxParagraph(child, document).text.split("\n"):
                if line.strip():
                    blocks.append(Paragraph(clean(line), f"đoạn {paragraphs}"))
        elif tag == "tbl":
            tables += 1
            table = DocxTable(child, document)
            rows, spanned = [], []
            for row in table.rows:
                slots = row.cells  # a merged cell is the same object in each grid slot
                spanned.append({i for i in range(1, len(slots)) if slots[i]._tc is slots[i - 1]._tc})
                rows.append(["" if i in spanned[-1] else clean_cell(cell.text)
                             for i, cell in enumerate(slots)])
            places = [f"bảng {tables}, hàng {i}" for i in range(1, len(rows) + 1)]
            blocks.append(Table(rows, f"bảng {tables}", places, spanned))
    return blocks


def _read_xlsx(path: Path) -> list[Paragraph | Table]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        book = openpyxl.load_workbook(str(path), read_only=False, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument(f"{path.name} không phải tệp Excel .xlsx đọc được (tệp hỏng?)",
                           f"{path.name} is not a readable Excel .xlsx file (corrupt?)") from exc
    formulas = _uncalculated(path, book)
    blocks: list[Paragraph | Table] = []
    for sheet in book.worksheets:
        merged = _merged(sheet)
        hidden = {column for dimension in sheet.column_dimensions.values() if dimension.hidden
                  for column in range(dimension.min or 0, (dimension.max or 0) + 1)}
        covered = {(row, column) for cells in sheet.merged_cells.ranges
                   for row in range(cells.min_row, cells.max_row + 1)
                   for column in range(cells.min_col + 1, cells.max_col + 1)}
        rows, places, spanned = [], [], []
        for row in sheet.iter_rows():
            if row and sheet.row_dimensions[row[0].row].hidden:
                continue  # hidden, as in the printed document: an office's own notes
            shown = [c for c in row if c.column not in hidden]
            values = [merged.get((c.row, c.column), _excel_text(c.value) or
                                 formulas.get((sheet.title, c.row, c.column), "")) for c in shown]
            if any(values):
                rows.append(values)
                places.append(f"trang '{sheet.title}', hàng {row[0].row}")
                spanned.append({i for i, c in enumerate(shown) if (c.row, c.column) in covered})
        if rows:
            blocks.append(Table(rows, f"trang '{sheet.title}'", places, spanned))
    return blocks


def _uncalculated(path: Path, book) -> dict[tuple[str, int, int], str]:
    """The formulas that hold no value yet (a workbook written by a program,
    never opened in Excel), by sheet, row and column: imported as written,
    and said, rather than as empty cells (a total or a budget lost)."""
    import openpyxl
    written = openpyxl.load_workbook(str(path), read_only=False, data_only=False)
    return {(sheet.title, cell.row, cell.column): cell.value for sheet in written.worksheets
            for row in sheet.iter_rows() for cell in row
            if isinstance(cell.value, str) and cell.value.startswith("=")
            and book[sheet.title].cell(cell.row, cell.column).value is None}


def _merged(sheet) -> dict[tuple[int, int], str]:
    """What the slots of merged blocks show: a block's text once across its
    row (an area title over the row), but in every row it spans down (a
    header cell over two header rows, a unit in charge of several tasks), as
    Word's reader gives it."""
    slots = {}
    for cells in sheet.merged_cells.ranges:
        text = _excel_text(sheet.cell(cells.min_row, cells.min_col).value)
        for row in range(cells.min_row, cells.max_row + 1):
            for column in range(cells.min_col, cells.max_col + 1):
                if (row, column) != (cells.min_row, cells.min_col):
                    slots[(row, column)] = text if column == cells.min_col else ""
    return slots


def _excel_text(value) -> str:
    """A cell as the sheet shows it: a date as 31/01/2026, a number as 12.500.000,5."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == datetime.time() else \
            value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) < 10_000:  # a number in a list, a year: 2026
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value)
    return clean_cell(str(value))
