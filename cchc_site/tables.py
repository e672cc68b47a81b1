"""Every table on the site, as open data: CSV and JSON beside the page.

The tables are read back from the rendered pages, so a download always
holds exactly what the page shows.  Columns get types (integer, number,
string) from their cells, written the Vietnamese way on the page
(``12.000``, ``46,4%``) and the machine way in the files; the CSV starts with
a byte-order mark so Excel opens the Vietnamese text correctly.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser

from .values import parse_number

_PERCENT = re.compile(r"^(.*?)\s*%$")


@dataclass
class Table:
    id: str
    caption: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def fields(self) -> list[dict]:
        return [{"name": name, "type": _column_type([r[i] if i < len(r) else "" for r in self.rows])}
                for i, name in enumerate(_unique(self.headers))]

    def records(self) -> list[dict]:
        fields = self.fields()
        out = []
        for row in self.rows:
            cells = row + [""] * (len(fields) - len(row))
            out.append({f["name"]: _typed(cell, f["type"]) for f, cell in zip(fields, cells)})
        return out

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        fields = self.fields()
        writer.writerow([f["name"] for f in fields])
        for record in self.records():
            writer.writerow(["" if v is None else v for v in record.values()])
        return "\ufeff".encode() + buffer.getvalue().encode("utf-8")

    def json_bytes(self) -> bytes:
        data = {"title": self.caption, "fields": self.fields(), "data": self.records()}
        return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8") + b"\n"


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for header in headers:
        name = header or "cột"
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _as_number(cell: str) -> Decimal | None:
    m = _PERCENT.match(cell)
    number = parse_number(m.group(1) if m else cell)
    return number.value if number else None


def _column_type(cells: list[str]) -> str:
    filled = [c for c in cells if c and c != "—"]
    if not filled:
        return "string"
    numbers = [_as_number(c) for c in filled]
    if any(n is None for n in numbers):
        return "string"
    if all(n == n.to_integral_value() and not c.endswith("%") for n, c in zip(numbers, filled)):
        return "integer"
    return "number"


def _typed(cell: str, kind: str):
    if kind == "string":
        return cell
    number = _as_number(cell)
    if number is None:
        return None
    return int(number) if kind == "integer" else float(number)


class _Reader(HTMLParser):
    """Collects tables whose <caption> has an id; cell text with spaces folded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._table: Table | None = None
        self._where: str | None = None
        self._row: list[str] | None = None
        self._text: list[str] = []
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = Table("")
        elif self._table is None:
            return
        elif tag == "caption":
            self._table.id = dict(attrs).get("id", "")
            self._where, self._text = "caption", []
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._where, self._text = "cell", []
        elif tag == "br" and self._where:
            self._text.append(" ")

    def handle_endtag(self, tag):
        if self._table is None:
            return
        text = " ".join("".join(self._text).split())
        if tag == "caption":
            self._table.caption, self._where = text, None
        elif tag in ("td", "th") and self._row is not None:
            self._row.append(text)
            self._where = None
        elif tag == "tr" and self._row is not None:
            if self._in_head:
                self._table.headers = self._row
            else:
                self._table.rows.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "table":
            if self._table.id:
                self.tables.append(self._table)
            self._table = None

    def handle_data(self, data):
        if self._where:
            self._text.append(data)


def read_tables(html: str) -> list[Table]:
    reader = _Reader()
    reader.feed(html)
    return reader.tables
