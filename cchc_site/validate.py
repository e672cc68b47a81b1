"""Stage 2, validate: trees of text → typed model records, every problem listed.

The dataclasses of ``model`` drive the checks: their field names are the
keys, their type hints say how to read each value, their metadata says
what is required and which values are allowed.  A record that cannot be
built is left out, but the rest of the file is still checked.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from . import labels, model
from .load import NULL, Mapping, Scalar, Sequence, SourceFile, position
from .model import Content, Loc, Record, SiteConfig
from .problems import Problems, item_path
from .values import (Markdown, Number, PartialDate, no_such_day, parse_bool, parse_date, parse_integer,
                     parse_number)
from .vietnamese import slugify

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DEVICE_NAMES = {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt")
                                              for n in range(1, 10))}  # no file or folder on Windows
_KIND_CLASSES = {"agency": model.Agency, "plan": model.Plan, "report": model.Report,
                 "catalogue": model.Catalogue, "page": model.Page, "config": SiteConfig}
_TYPE_NAMES = {str: ("chữ", "text"), Markdown: ("văn bản Markdown", "Markdown text"),
               int: ("số nguyên, ví dụ {example}", "a whole number such as {example}"),
               bool: ("true hoặc false", "true or false"),
               PartialDate: ("ngày dạng 28/01/2023 (hoặc 01/2023, 2023)",
                             "a date such as 28/01/2023 (or 01/2023, 2023)"),
               Number: ("số viết kiểu Việt Nam, ví dụ 12.000.000 hoặc 95,5",
                        "a number written the Vietnamese way, e.g. 12.000.000 or 95,5")}


@cache
def field_types(cls) -> dict[str, object]:
    hints = typing.get_type_hints(cls, vars(model))
    return {f.name: hints[f.name] for f in model.schema_fields(cls)}


class _Slot(NamedTuple):
    """How a field's value is read: its shape ('list', 'dict', 'record' or
    'scalar'), what it holds (the item's _Slot, the record class or the
    scalar type), the field's metadata and whether that restricts the text
    (a slug, a web address or a choice)."""

    shape: str
    inner: object
    meta: dict
    restricted: bool = False


@cache
def _slots(cls) -> dict[str, _Slot]:
    """Each field of ``cls`` by key, worked out once per class."""
    hints = field_types(cls)
    return {f.name: _slot(hints[f.name], dict(f.metadata)) for f in model.schema_fields(cls)}


@cache
def _required(cls) -> list[tuple[str, dict, object]]:
    """(name, metadata, type hint) of the fields of ``cls`` that must be filled in."""
    hints = field_types(cls)
    return [(f.name, f.metadata, hints[f.name]) for f in model.schema_fields(cls)
            if f.metadata.get("required")]


def _slot(hint, meta: dict) -> _Slot:
    shape, inner = _shape(hint)
    return _Slot(shape, _slot(inner, meta) if shape == "list" else inner, meta,
                 any(meta.get(key) for key in ("slug", "url", "choices")))


def _shape(hint) -> tuple[str, object]:
    """How a value of type ``hint`` is built: ('list', item type), ('dict', None),
    ('record', class) or ('scalar', type)."""
    hint = unwrap_optional(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        return "list", typing.get_args(hint)[0]
    if origin is dict:
        return "dict", None
    if isinstance(hint, type) and issubclass(hint, Record):
        return "record", hint
    return "scalar", hint


_TEXT = _Slot("scalar", str, {})  # a value of a 'dict' field


def unwrap_optional(hint):
    """``X | None`` → X; anything else unchanged."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def validate(config_file: SourceFile | None, files: list[SourceFile],
             problems: Problems) -> Content:
    config = build_file(config_file, problems) if config_file is not None else None
    if config is None:
        config = SiteConfig(title="", base_url="/")
    found: dict[str, list] = {kind: [] for kind in _KIND_CLASSES}
    paths: dict[tuple[str, str], str] = {}
    for source in files:
        if (source.kind, source.id) in paths:
            first = paths[(source.kind, source.id)]
            problems.error(Loc(source.path), "", f"trùng mã '{source.id}' với tệp {first}; "
                           "hãy đổi tên một trong hai tệp",
                           f"same id '{source.id}' as the file {first}; rename one of them")
            continue
        paths[(source.kind, source.id)] = source.path
        record = build_file(source, problems)
        if record is not None:
            found[source.kind].append(record)
    return Content(config=config, agencies=found["agency"], plans=found["plan"],
                   reports=found["report"], catalogues=found["catalogue"], pages=found["page"])


def build_file(source: SourceFile, problems: Problems):
    """The file's record; built once per version of the file (see FileCache)."""
    if source.validated is None:
        own = Problems()
        source.validated = (_build_file(source, own), own)
    record, own = source.validated
    problems.extend(own)
    return record


def _build_file(source: SourceFile, problems: Problems):
    if source.tree is None:
        return None
    if source.kind == "config":
        return build_record(SiteConfig, source.tree, source.path, problems)
    if not ID_PATTERN.fullmatch(source.id):
        problems.error(Loc(source.path), "", f"tên tệp '{source.id}' không dùng làm mã được: chỉ "
                       f"dùng chữ thường không dấu, số và gạch nối, ví dụ '{slugify(source.id)}'",
                       f"file name '{source.id}' cannot be an id: use lower-case ASCII letters, "
                       f"digits and hyphens, e.g. '{slugify(source.id)}'")
        return None
    if source.id in _DEVICE_NAMES:
        problems.error(Loc(source.path), "", f"tên tệp '{source.id}' là tên Windows dành cho thiết "
                       f"bị: thư mục {source.id}/ của trang không tạo được trên máy chủ Windows "
                       f"(IIS), và kho không lấy về được trên máy Windows; hãy đổi tên tệp",
                       f"'{source.id}' is a name Windows keeps for a device: the page's folder "
                       f"{source.id}/ cannot be made on a Windows server (IIS), nor the file "
                       "checked out on Windows; rename the file")
        return None
    record = build_record(_KIND_CLASSES[source.kind], source.tree, source.path, problems)
    if record is None:
        return None
    extra = {"id": source.id}
    if source.kind == "page":
        extra["body"] = Markdown(source.body)
        extra["locs"] = {**record.locs, "body": (source.body_line, 1)}
    return dataclasses.replace(record, **extra)


def build_record(cls, node, file: str, problems: Problems):
    """Build a record from the YAML tree of ``file`` (see load), reporting
    every problem in it; None if the tree is not a mapping."""
    reader = _Reader(file, problems)
    record = reader.record(cls, node, "")
    reader.tell_unaccented()
    return record


class _Reader:
    """Builds the records of one file from its YAML tree.

    A bad optional value is left out; a missing or bad required value is
    replaced by an empty stand-in, so that the rest of the record (and what
    refers to it) is still checked without a cascade of false errors.  The
    problems already listed stop the build before anything is rendered.

    Where a value is ('areas[2: II].tasks[1: 3].lead') is carried as the
    parts it is made of (see ``_path``) and spelt out only for a problem."""

    def __init__(self, file: str, problems: Problems):
        self.file, self.problems = file, problems
        self.unaccented: list[tuple[Scalar, tuple, str]] = []  # Vietnamese typed without marks

    def tell_unaccented(self) -> None:
        """One warning for the file, at its first text typed without marks."""
        if not self.unaccented:
            return
        node, path, text = self.unaccented[0]
        quoted = text if len(text) <= 60 else text[:60].rsplit(" ", 1)[0] + "…"
        more = len(self.unaccented) - 1
        self.problems.warn(
            self.loc(node), _path(path),
            f"chữ tiếng Việt không có dấu: “{quoted}”"
            + (f" (và {more} chỗ khác trong tệp)" if more else "") + "; trang công khai cần đúng "
            "chữ của văn bản (không dấu, một chữ đọc được nhiều cách): hãy gõ lại bằng bộ gõ tiếng "
            "Việt (Unikey, EVKey: kiểu Telex hay VNI) hoặc chép từ văn bản gốc",
            f"Vietnamese typed without diacritics: '{quoted}'"
            + (f" (and {more} more in the file)" if more else "") + "; retype it with a "
            "Vietnamese keyboard (Unikey, EVKey) or copy it from the source document")

    def loc(self, node) -> Loc:
        return Loc(self.file, *position(node))

    def error(self, node, path, vi: str, en: str) -> None:
        self.problems.error(self.loc(node), _path(path), vi, en)

    def record(self, cls, node, path):
        if not isinstance(node, Mapping):
            self.expected(node, path, ("các trường 'tên: giá trị'", "a mapping of 'key: value'"))
            return None
        slots = _slots(cls)
        values, locs, invalid, suggested = {}, {}, set(), set()
        for index, (key_node, child) in enumerate(node.value):
            key = key_node.value
            slot = slots.get(key)
            if slot is None and self.cut_at_comma(node, index, path):
                continue
            if slot is None:
                suggested.add(self.unknown_key(key, key_node, path, slots))
                continue
            if type(child) is not Scalar:
                value = self.value(slot, child, (path, key))
                if slot.shape == "dict" or slot.shape == "list" and slot.inner.shape == "scalar":
                    _item_places(key, child, locs)
            elif child.tag == NULL or not child.value.strip():
                locs[key] = position(key_node)  # where to say what it should hold
                continue
            else:  # the usual value: a single one, not blank, where one is wanted
                value = self.scalar(slot, child, (path, key)) if slot.shape == "scalar" \
                    else self.value(slot, child, (path, key))
            if value is _INVALID:
                invalid.add(key)
                continue
            values[key] = value
            locs[key] = position(child)
        for name, meta, hint in _required(cls):
            if not _blank(values.get(name)):
                continue
            if name not in invalid and name not in suggested:
                where = Loc(self.file, *locs[name]) if name in locs else self.loc(node)
                self.problems.error(where, _path((path, name)),
                                    f"thiếu trường bắt buộc '{name}' ({meta['vi']})",
                                    f"missing required field '{name}' ({meta['en']})")
            values.setdefault(name, _stand_in(hint))
        return cls(loc=self.loc(node), locs=locs, invalid=frozenset(invalid), **values)

    def value(self, slot: _Slot, node, path):
        shape = slot.shape
        if shape == "list":
            # a list of records given one value ('tasks: chưa có'); one of values is a list of one
            if isinstance(node, Mapping) or slot.inner.shape == "record" and node.tag != NULL \
                    and isinstance(node, Scalar):
                return self.expected(node, path, ("một danh sách (các dòng bắt đầu bằng '- ')",
                                                  "a list (lines starting with '- ')"))
            items = node.value if isinstance(node, Sequence) else [node]
            built = [self.value(slot.inner, item, (path, i, item))
                     for i, item in enumerate(items, start=1)]
            if any(value is _INVALID for value in built):
                return _INVALID
            return [value for value in built if value is not None]
        if shape == "dict":
            if not isinstance(node, Mapping):
                return self.expected(node, path, ("các dòng 'tên: nội dung'",
                                                  "a mapping of 'name: text'"))
            out = {}
            for key_node, child in node.value:
                value = self.value(_TEXT, child, (path, key_node.value))
                if value is _INVALID:
                    return _INVALID
                out[key_node.value] = value
            return out
        if shape == "record":
            record = self.record(slot.inner, node, path)
            return _INVALID if record is None else record
        if not isinstance(node, Scalar):
            return self.expected(node, path, _type_name(slot))
        if node.tag == NULL:
            return None
        return self.scalar(slot, node, path)

    def scalar(self, slot: _Slot, node: Scalar, path):
        hint, text = slot.inner, node.value
        if hint is str:
            return self.text(slot, node, path)
        if hint is Markdown:
            if text.isascii() and " " in text and _unaccented(text):
                self.unaccented.append((node, path, " ".join(text.split())))
            if "\n" in text and node.style != "|":  # a blank line: its lines were joined
                self.folded(node, path)
            return Markdown(text)
        parsed = _PARSERS[hint](text)
        if parsed is None:
            vi, en = _type_name(slot)
            inner = _curly_quoted(text)
            if inner is not None and _PARSERS[hint](inner) is not None:  # '“15/03/2026”'
                self.error(node, path, f"cần {vi}, nhưng gặp '{text}': ngoặc kép kiểu Word "
                           f"{text[0]}…{text[-1]} không phải ngoặc kép của YAML; hãy bỏ chúng, "
                           f"viết {inner}", f"expected {en}, found '{text}': Word's curly quotes "
                           f"{text[0]}…{text[-1]} are not quotes to YAML; drop them: {inner}")
                return _INVALID
            if hint is PartialDate and no_such_day(text):
                vi, en = "một ngày có trên lịch", "a day that exists"
            tip_vi, tip_en = _date_tip(text) if hint is PartialDate else _number_tip(slot, text)
            self.error(node, path, f"cần {vi}, nhưng gặp '{text}'{tip_vi}",
                       f"expected {en}, found '{text}'{tip_en}")
            return _INVALID
        if hint is int:
            low, high = slot.meta.get("minimum", 0), slot.meta.get("maximum")
            if parsed < low or (high is not None and parsed > high):
                bounds = f"từ {low} đến {high}" if high is not None else f"không nhỏ hơn {low}"
                bounds_en = f"from {low} to {high}" if high is not None else f"at least {low}"
                self.error(node, path, f"số {parsed} không hợp lý: cần số {bounds}",
                           f"{parsed} is out of range: expected a number {bounds_en}")
                return _INVALID
        return parsed

    def folded(self, node: Scalar, path) -> None:
        """Markdown of several lines written without '|': YAML joins each
        paragraph's lines into one, so a list under it becomes its text."""
        key = path[1] if isinstance(path, tuple) and len(path) == 2 else "body"
        self.problems.warn(self.loc(node), _path(path),
                           "YAML nối các dòng của giá trị này lại, nên đoạn văn và danh sách mất; "
                           f"hãy viết '{key}: |' rồi xuống dòng, mọi dòng nội dung thụt vào như nhau",
                           "YAML joins the lines of this value, so its paragraphs and lists are "
                           f"lost; write '{key}: |' and the text on the lines below, all indented "
                           "alike")

    def text(self, slot: _Slot, node: Scalar, path):
        value = node.value.strip()
        if value.isascii() and " " in value and _unaccented(value):
            self.unaccented.append((node, path, value))
        if slot.restricted:
            value = self.restricted(value, slot.meta, node, path)
        if value is not _INVALID and _FORMULA.fullmatch(value):  # from a sheet never calculated
            self.error(node, path, f"'{value}' là công thức Excel, không phải số liệu: trang sẽ in "
                       "nguyên công thức; hãy mở bảng tính bằng Excel, chép số đã tính vào đây",
                       f"'{value}' is an Excel formula, not a figure: the page would print it as "
                       "it is; open the sheet in Excel and copy the calculated figure here")
            return _INVALID
        if value is not _INVALID and _curly_quoted(value) is not None:
            quotes = f"{value[0]}…{value[-1]}"
            self.problems.warn(self.loc(node), _path(path), f"giá trị nằm trong dấu ngoặc kép kiểu "
                               f"Word {quotes}, YAML giữ cả hai dấu này trong nội dung; nếu không "
                               "muốn, dùng dấu \" thẳng", "the value is wrapped in Word's curly "
                               f"quotes {quotes}, which YAML keeps as part of the text; use "
                               "straight \" quotes if they are not meant")
        return value

    def restricted(self, value: str, meta: dict, node: Scalar, path):
        """The value if it is a slug, a web address or one of the choices as
        the field asks; _INVALID (and a problem) if not."""
        if meta.get("slug") and not ID_PATTERN.fullmatch(value):
            self.error(node, path, f"mã '{value}' chỉ được có chữ thường không dấu, số và gạch "
                       f"nối, ví dụ '{slugify(value)}'",
                       f"id '{value}' may hold only lower-case ASCII letters, digits and "
                       f"hyphens, e.g. '{slugify(value)}'")
            return _INVALID
        if meta.get("url") and value and not _URL.fullmatch(value):
            self.error(node, path, f"'{value}' không phải địa chỉ web đầy đủ; cần dạng "
                       "https://ten-mien.gov.vn/duong-dan, không có dấu cách",
                       f"'{value}' is not a full web address; expected "
                       "https://domain.gov.vn/path, without spaces")
            return _INVALID
        choices = meta.get("choices")
        if choices and value not in choices:
            close = _choice_hint(value, choices)
            maybe = f" — có phải ý bạn là '{close}'?" if close else ""
            maybe_en = f" — did you mean '{close}'?" if close else ""
            quarter = labels.period_words(value) if choices is labels.PERIODS else None
            if quarter in labels.QUARTER_NAMES:
                maybe += (f" (báo cáo {labels.QUARTER_NAMES[quarter]} là báo cáo "
                          f"{labels.PERIOD_PHRASES[close]}, kỳ kết thúc cùng quý ấy)")
                maybe_en += (f" (the report for {labels.QUARTER_NAMES[quarter]} is the one for "
                             "the period ending with that quarter)")
            part = _PART_DONE.search(value) if choices is labels.TASK_STATUSES else None
            if part and Decimal(part.group(1).replace(",", ".")) < 100:
                maybe = (f" — việc mới xong một phần là 'dang-thuc-hien'; ghi '{part.group()}' "
                         "vào 'evidence'")
                maybe_en = (f" — work partly done is 'dang-thuc-hien'; put '{part.group()}' in "
                            "'evidence'")
            listed = ", ".join(f"{key} ({name})" for key, name in choices.items())
            self.error(node, path, f"giá trị '{value}' không hợp lệ; chỉ nhận: {listed}{maybe}",
                       f"'{value}' is not allowed; expected one of: {', '.join(choices)}"
                       f"{maybe_en}")
            return _INVALID
        return value

    def expected(self, node, path, names: tuple[str, str]):
        found = {Mapping: ("các trường", "a mapping"), Sequence: ("một danh sách", "a list"),
                 Scalar: ("một giá trị đơn", "a single value")}[type(node)]
        self.error(node, path, f"cần {names[0]}, nhưng gặp {found[0]}",
                   f"expected {names[1]}, found {found[1]}")
        return _INVALID

    def cut_at_comma(self, node, index: int, path) -> bool:
        """Report, if it is one, the entry of a mapping in braces that is the
        rest of the value before it, cut at a comma: in ``{text: đạt 99,5%}``
        the comma separates fields, leaving 'text: đạt 99' and a field '5%'."""
        key_node, child = node.value[index]
        if not node.flow_style or not index or child.tag != NULL or child.value:
            return False
        before_key, before = node.value[index - 1]
        if type(before) is not Scalar or before.style or not before.value or \
                before.end_mark.line != key_node.start_mark.line:
            return False
        gap = " " * max(key_node.start_mark.column - before.end_mark.column - 1, 0)
        whole = f"{before.value},{gap}{key_node.value}"
        quoted = f'"{whole}"' if "'" in whole else f"'{whole}'"
        self.error(key_node, (path, before_key.value),
                   f"trong {{…}} dấu phẩy ngăn các trường, nên giá trị của '{before_key.value}' "
                   f"bị cắt ở dấu phẩy trước '{key_node.value}'; hãy đặt cả giá trị trong dấu "
                   f"nháy: {before_key.value}: {quoted}",
                   f"inside {{…}} a comma separates fields, so the value of '{before_key.value}' "
                   f"was cut at the comma before '{key_node.value}'; put the whole value in "
                   f"quotes: {before_key.value}: {quoted}")
        return True

    def unknown_key(self, key: str, key_node, path, slots: dict[str, _Slot]) -> str | None:
        """Report a key the model does not have; return the field it probably
        meant: a near spelling, or the field whose Vietnamese name was typed
        ('kinh_phi' → budget, from 'Kinh phí')."""
        known = list(slots)
        close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6) or [
            name for name, slot in slots.items() if _vietnamese_key(slot) == slugify(key)][:1]
        if close:
            vi = f"có phải ý bạn là '{close[0]}'?"
            en = f"did you mean '{close[0]}'?"
        else:
            vi = f"các trường được dùng ở đây: {', '.join(known)}"
            en = f"fields allowed here: {', '.join(known)}"
        self.error(key_node, (path, key), f"không có trường '{key}'; {vi}",
                   f"unknown field '{key}'; {en}")
        return close[0] if close else None


_INVALID = object()


def _type_name(slot: _Slot) -> tuple[str, str]:
    """What the field holds, in words (vi, en), with the field's own example
    where it has one: a year's is 2023, not a count."""
    example = slot.meta.get("example") or "149"
    return tuple(name.format(example=example) for name in _TYPE_NAMES[slot.inner])


def _vietnamese_key(slot: _Slot) -> str:
    """The slug of a field's Vietnamese name, up to its first comma or bracket:
    'Kinh phí, nguyên văn' → 'kinh-phi'."""
    return slugify(re.split(r"[,;(]", slot.meta.get("vi", ""))[0])


def _item_places(key: str, node, locs: dict) -> None:
    """Where each item of a list of values or key of a mapping was written, for
    a message about one of them (``Record.at``): 'lead[2]', 'columns.notes'."""
    if type(node) is Sequence:
        for i, item in enumerate(node.value, start=1):
            locs[f"{key}[{i}]"] = position(item)
    elif type(node) is Mapping:
        for key_node, _ in node.value:
            locs[f"{key}.{key_node.value}"] = position(key_node)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _path(path) -> str:
    """A value's place as problems name it, from the parts the reader carries:
    the file's top (''), (parent, key) or (parent, number, item node)."""
    if isinstance(path, str):
        return path
    parent = _path(path[0])
    if len(path) == 2:
        return f"{parent}.{path[1]}" if parent else path[1]
    return item_path(parent, path[1], _item_label(path[2]))


def _first(node: Mapping, key: str):
    """The value of ``key`` in a mapping (keys are unique once loaded), or None."""
    return next((child for key_node, child in node.value if key_node.value == key), None)


def _item_label(node) -> str:
    """What an editor calls a list item: the number, code, id or task in it."""
    if isinstance(node, Mapping):
        for key in ("number", "code", "id", "task"):  # a report line names its task
            child = _first(node, key)
            if isinstance(child, Scalar) and 0 < len(child.value) <= 12:
                return child.value
    return ""


def _stand_in(hint):
    hint = unwrap_optional(hint)
    origin = typing.get_origin(hint)
    if origin in (list, dict):
        return origin()
    return {str: "", Markdown: Markdown(""), int: 0, bool: False,
            Number: Number(Decimal(0), "")}.get(hint)


def _date_tip(text: str) -> tuple[str, str]:
    """A day written month first ('06/25/2025', as in English): the day meant;
    else the month or day that no calendar has ('2025-13-01': month 13, and
    the day it is if the day came first)."""
    found = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text)
    if found and int(found[1]) <= 12 < int(found[2]) and parse_date(f"{found[2]}/{found[1]}/{found[3]}"):
        meant = f"{found[2]}/{found[1]}/{found[3]}"
        return (f"; ngày viết trước tháng (ngày/tháng/năm): có phải {meant}?",
                f"; the day comes before the month (day/month/year): is it {meant}?")
    reason = no_such_day(text)
    if not reason:
        return "", ""
    iso = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", text)
    meant = f"{int(iso[2]):02d}/{int(iso[3]):02d}/{iso[1]}" if iso else ""
    if meant and parse_date(meant):
        return f": {reason[0]}; có phải {meant}?", f": {reason[1]}; is it {meant}?"
    return f": {reason[0]}", f": {reason[1]}"


def _number_tip(slot: _Slot, text: str) -> tuple[str, str]:
    """How to write a number that was not one: a percentage without its sign,
    a thousands separator that is a dot, not a comma; a count, not a rate."""
    hint, counts = slot.inner, slot.meta.get("counts")
    if hint not in (int, Number):
        return "", ""
    if counts and _RATE.fullmatch(text.strip()):  # 'online: 62,5%': no unit to move the '%' to
        return (f"; đây là số {counts[0]}, không phải tỷ lệ: hãy viết số {counts[0]} đếm được; "
                f"tỷ lệ thì trang tự tính từ các số {counts[0]}",
                f"; this is a number of {counts[1]}, not a rate: write the count; the page works "
                "rates out from the counts")
    bare = text.strip().rstrip("%").strip()
    comma = bare.replace(".", ",") if hint is Number and re.fullmatch(r"\d+\.\d{1,2}", bare) else ""
    if text.strip().endswith("%") and parse_number(comma or bare):  # '95%', '95.5%': both said
        decimal = (", phần thập phân sau dấu phẩy", ", decimals after a comma") if comma else ("", "")
        return (f"; hãy viết số {comma or bare}, không kèm dấu % (đơn vị ghi ở 'unit: \"%\"')"
                f"{decimal[0]}", f"; write the number {comma or bare} without '%' (the unit goes "
                f"in 'unit: \"%\"'){decimal[1]}")
    worded = re.fullmatch(r"([\d.,]*\d)\s+([^\d%]+)", bare)  # '1.250 hồ sơ'
    if worded and parse_number(worded[1]) and (hint is Number or parse_integer(worded[1]) is not None):
        return (f"; hãy viết số {worded[1]}, không kèm chữ “{worded[2]}”",
                f"; write the number {worded[1]} without the words '{worded[2]}'")
    worded = re.fullmatch(r"([^\W\d_][^\d%]*?)\s*(\d[\d.,]*)", bare)  # 'năm 2025', not '–5'
    if worded and slugify(worded[1]) not in ("quy", "thang", "ngay") and (  # not a period's name
            parse_integer(worded[2]) is not None if hint is int else parse_number(worded[2])):
        return (f"; hãy viết số {worded[2]}, không kèm chữ “{worded[1]}”",
                f"; write the number {worded[2]} without the words '{worded[1]}'")
    if hint is Number and re.fullmatch(r"\d+\.\d{1,2}", bare):
        comma = bare.replace(".", ",")
        return (f"; dấu chấm ngăn số nghìn, phần thập phân viết sau dấu phẩy: {comma}",
                f"; a dot separates thousands, decimals follow a comma: {comma}")
    if hint is int and re.fullmatch(r"\d{1,3}(,\d{3})+", bare):
        dotted = bare.replace(",", ".")
        return (f"; dấu phẩy là phần thập phân, số nghìn viết {dotted}",
                f"; a comma starts decimals: write thousands as {dotted}")
    return "", ""


_RATE = re.compile(r"\d+(?:[.,]\d+)?\s*%|\d+[.,]\d{1,2}")  # '62,5%', '62,5': not '1,250'
_PARSERS = {int: parse_integer, bool: parse_bool, PartialDate: parse_date, Number: parse_number}
_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+(/\S*)?")
# syllables of plans and reports as they read typed without marks, hardly ever English words
# a Vietnamese syllable with its marks dropped (ă, â → a; ê → e; ô, ơ → o; ư → u; đ → d):
# an initial, a vowel group and a final, as the spelling allows them
_BARE_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uye|uya|uyu|uoi|uou|ieu|yeu|oai|oao|oay|oeo|uay|uai|uy|uo|ua|ue|ui|uu|oa|oe|oi|oo|ia|ie"
    r"|iu|ye|ai|ao|au|ay|eo|eu|[aeiouy])(?:ch|ng|nh|[cmnpt])?")
# what English words of the same letters hardly have: these initials, vowel groups, 'nh' last
_ONLY_VIETNAMESE = re.compile(r"(?:ngh?|nh|gh|kh|ph|qu|tr|x)[a-z]*|[a-z]*(?:ao|oa|oe|ua|ue|uo|uy|ie|iu"
                              r"|uu|ye)[a-z]*|[a-z]*nh")
_WORDS = re.compile(r"[A-Za-z]+")
# not words of a sentence: URLs, paths, ids ('van-phong')
_ADDRESSES = re.compile(r"\S*[/@]\S*|\S+\.(?:vn|com|org|net|pdf|docx?|xlsx?)\b|\S*[a-z0-9][-_][a-z0-9]\S*")


def _unaccented(text: str) -> bool:
    """Vietnamese typed without diacritics ('Cap giay phep moi truong'): at
    least three different words, nearly all of them syllables of Vietnamese
    spelling and one unlike English ('ISO 9001 and e-Office reports', 'can do
    the main thing' are not); abbreviations (UBND, TTHC) aside."""
    words = [word.lower() for word in _WORDS.findall(_ADDRESSES.sub(" ", text))
             if len(word) == 1 or not word.isupper()]
    known = [word for word in words if _BARE_SYLLABLE.fullmatch(word)]
    return len(set(known)) >= 3 and 5 * len(known) >= 4 * len(words) and \
        any(_ONLY_VIETNAMESE.fullmatch(word) for word in known)


_FORMULA = re.compile(r"=\s*(?:[A-Z]+\s*\(|\$?[A-Z]{1,3}\$?\d+\b).*", re.DOTALL)  # '=SUM(…', '=F12+F13'


_CURLY_PAIRS = {"“": "”", "‘": "’", "„": "“", "«": "»", "”": "”", "’": "’"}


def _curly_quoted(text: str) -> str | None:
    """What is inside the typographic quotes Word put around all of ``text``
    ('“15/03/2026”', '‘15/KH-SNV’'), or None."""
    text = text.strip()
    if len(text) > 2 and _CURLY_PAIRS.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return None


_PART_DONE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")  # 'hoàn thành 80%': a status with a share done


def _choice_hint(value: str, choices: dict[str, str]) -> str | None:
    """The allowed value meant: by its key ('the-chee') or its Vietnamese
    name ('Quý I' → quy-1, 'mức độ 3' → 3)."""
    folded = slugify(value)
    if choices is labels.PERIODS and (said := labels.period_words(value)):
        return labels.PERIOD_WORDS[said]  # 'Quý II' → 6-thang
    if choices is labels.TASK_STATUSES and folded in labels.STATUS_WORDS:
        return labels.STATUS_WORDS[folded]  # 'Đã xong' → hoan-thanh
    keys = {slugify(key): key for key in choices}  # 'CC-BY 4.0' is CC-BY-4.0 as 'cc-by-4-0'
    for key, name in choices.items():
        if folded in (slugify(name), slugify(key)) or slugify(name).endswith(folded) and folded:
            return key
    close = difflib.get_close_matches(folded or value, list(keys), n=1)
    if close and close[0] == "hoan-thanh" and folded.startswith(("chua-", "khong-")):
        return None  # 'chưa hoàn thiện' is no 'hoàn thành': not the opposite of what it says
    return keys[close[0]] if close else None
