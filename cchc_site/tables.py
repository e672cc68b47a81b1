"""Every table on the site, as open data: CSV and JSON beside the page.

The tables are read back from the rendered pages, so a download always
holds exactly what the page shows.  Columns get types (integer, number, date,
string) from their cells, written the Vietnamese way on the page
(``12.000``, ``46,4%``, ``21/02/2023``) and the machine way in the files; the CSV starts with
a byte-order mark so Excel opens the Vietnamese text correctly.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from decimal import Decimal

from .values import parse_number

_PERCENT = re.compile(r"^(.*?)\s*%$")
_DAY = re.compile(r"(\d\d)/(\d\d)/(\d{4})")  # a day as the pages write it
_NUMBER_STARTS = frozenset("0123456789+-")  # what every number the parsers accept begins with
JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps would make one per call
DIALECT = {"delimiter": ",", "header": True}  # said, so no reader guesses ';' from the text


@dataclass
class Table:
    id: str
    caption: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    schema: list[dict] | None = None  # the fields, when known rather than read from the cells

    @cached_property
    def _fields(self) -> list[dict]:
        if self.schema is not None:
            return self.schema
        names = _unique(self.headers)
        columns = list(zip(*self._cells)) if self._cells else [()] * len(names)
        fields = []
        for name, column in zip(names, columns):
            kind = _column_type(column)
            if kind == "number" and _all_percent(column) and "%" not in name \
                    and "tỷ lệ" not in name.lower():
                name += " (%)"  # the cells' unit, which the numbers in the files lose
            fields.append({"name": name, "type": kind})
        return fields

    @cached_property
    def _cells(self) -> list[list[str]]:
        """The rows cut or padded to one cell per header."""
        width = len(self.headers)
        return [row if len(row) == width else row[:width] + [""] * (width - len(row))
                for row in self.rows]

    def fields(self) -> list[dict]:
        return self._fields

    @cached_property
    def _values(self) -> list[list]:
        """Each row as one typed value per field (None: not a number in a
        number column), made once for both the CSV and the JSON; in a table
        of text only (most are), the cells themselves."""
        typed = [(i, f["type"]) for i, f in enumerate(self._fields) if f["type"] != "string"]
        if not typed:
            return self._cells
        values = [list(row) for row in self._cells]
        for row in values:
            for i, kind in typed:
                row[i] = _typed(row[i], kind)
        return values

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([f["name"] for f in self._fields])
        writer.writerows(self._values)  # None is written as an empty cell
        return "\ufeff".encode() + buffer.getvalue().encode("utf-8")

    def json_bytes(self) -> bytes:
        """One record a line: readable, and written by json's C encoder
        (``indent`` would switch to its pure-Python one, a tenth of a build)."""
        head = JSON.encode({"title": self.caption, "fields": self._fields})
        names = [f["name"] for f in self._fields]
        records = ",\n  ".join([JSON.encode(dict(zip(names, values))) for values in self._values])
        data = f'\n  {records}\n' if records else ""
        return f'{head[:-1]},\n "data": [{data}]}}\n'.encode("utf-8")


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    names = []
    for header in headers:
        name = header or "cột"
        seen[name] = seen.get(name, 0) + 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


@lru_cache(maxsize=8192)  # a column is typed, then each cell converted: parse once
def _as_number(cell: str) -> Decimal | None:
    m = _PERCENT.match(cell)
    number = parse_number(m.group(1) if m else cell)
    return number.value if number else None


def _filled(cells) -> list[str]:
    return [c for c in cells if c and c != "—"]


def _all_percent(cells) -> bool:
    return all(c.endswith("%") for c in _filled(cells))


def _column_type(cells) -> str:
    filled = _filled(cells)
    if not filled or not {c[0] for c in filled} <= _NUMBER_STARTS:
        return "string"
    if all(_DAY.fullmatch(c) for c in filled):
        return "date"
    if len({c.endswith("%") for c in filled}) > 1:  # '84%' beside '137': not one unit
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
    if kind == "date":  # ISO 8601 already, or the page's 21/02/2023
        day = _DAY.fullmatch(cell)
        return f"{day[3]}-{day[2]}-{day[1]}" if day else cell or None
    if kind == "boolean":
        return cell == "true" if cell else None
    number = _as_number(cell)
    if number is None:
        return None
    return int(number) if kind == "integer" or number == number.to_integral_value() \
        else float(number)  # a number column's 97 is written 97, not 97.0


_TABLE = re.compile(r"<table\b[^>]*>")
_CAPTION = re.compile(r"<caption\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</caption>", re.DOTALL)
_HEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.DOTALL)
# up to the first closing tag, as a lazy '(.*?)</tr>' would, but scanning runs of
# text between tags in one step instead of trying the closing tag at every character
_ROW = re.compile(r"<tr\b[^>]*>([^<]*(?:<(?!/tr>)[^<]*)*)</tr>")
_CELL = re.compile(r"<t[hd]\b[^>]*>([^<]*(?:<(?!/t[hd]>)[^<]*)*)</t[hd]>")
_BREAK = re.compile(r"<br\s*/?>|</li>|</p>")  # where the page starts a new line in a cell
_TAG = re.compile(r"<[^>]+>")
_LINE = "\0"  # stands for a line break while the cell's own spaces are evened out


def _text(fragment: str) -> str:
    """A cell's text as the page shows it (most cells hold no tag or entity);
    a cell of several lines (items of a list, lines of a Word cell) keeps
    them, one line each, as a spreadsheet cell can."""
    broken = False
    if "<" in fragment:
        if "<br" in fragment or "</li>" in fragment or "</p>" in fragment:
            fragment, broken = _BREAK.sub(_LINE, fragment), True
        fragment = _TAG.sub("", fragment)
    if "&" in fragment:
        fragment = html.unescape(fragment)
    if broken:
        lines = (" ".join(line.split()) for line in fragment.split(_LINE))
        return "\n".join(line for line in lines if line)
    return " ".join(fragment.split())


def _table_bodies(page: str):
    """What lies between each <table …> and its </table> (found with str.find:
    a lazy regex across a whole page costs more than the rest of the reading),
    but for a table marked ``data-view``: a view of rows published elsewhere."""
    opening = _TABLE.search(page)
    while opening:
        end = page.find("</table>", opening.end())
        if end < 0:
            return
        if "data-view" not in opening.group():
            yield page[opening.end():end]
        opening = _TABLE.search(page, end)


def read_tables(page: str) -> list[Table]:
    """The tables of a page the theme rendered (a <caption> with an id marks
    one to publish, unless the table is a ``data-view``), read with a few
    patterns: the pages are well-formed HTML of our own templates, and a full
    HTML parser cost a third of a build."""
    tables = []
    for body in _table_bodies(page):
        caption = _CAPTION.search(body)
        if not caption:
            continue
        head = _HEAD.search(body)
        headers = [_text(c) for c in _CELL.findall(head.group(1))] if head else []
        rest = body[head.end():] if head else body
        rows = [[_text(c) for c in _CELL.findall(row)] for row in _ROW.findall(rest)]
        tables.append(Table(caption.group(1), _text(caption.group(2)), headers, rows))
    return tables
