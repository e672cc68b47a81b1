"""The field reference of the content model, as Markdown, from the model itself.

``python -m cchc_site.reference > docs/reference.md`` writes it; a test
checks that the committed file is what this prints, so the documentation
can never drift from what the validator accepts.
"""

from __future__ import annotations

import typing

from . import model
from .validate import field_types, unwrap_optional
from .values import Markdown, Number, PartialDate

FILES = [
    (model.SiteConfig, "`site.yaml`", "Cấu hình chung của trang", "Site settings"),
    (model.Agency, "`content/agencies/MA.yaml`", "Cơ quan; tên tệp là mã cơ quan",
     "Agency; the file name is its id"),
    (model.Plan, "`content/plans/MA.yaml`", "Kế hoạch CCHC; tên tệp là mã kế hoạch",
     "Reform plan; the file name is its id"),
    (model.Report, "`content/reports/MA.yaml`", "Báo cáo; tên tệp là mã báo cáo",
     "Report; the file name is its id"),
    (model.Catalogue, "`content/tthc/MA.yaml`", "Danh mục TTHC; tên tệp là mã danh mục",
     "TTHC catalogue; the file name is its id"),
    (model.Page, "`content/pages/MA.md`", "Trang tự do: phần đầu YAML giữa hai dòng `---`, "
     "sau đó là nội dung Markdown", "Free page: YAML front matter between `---` lines, "
     "then Markdown"),
]

_SCALARS = {str: "chữ / text", Markdown: "Markdown", int: "số nguyên / whole number",
            bool: "true / false", PartialDate: "ngày / date (28/01/2023, 01/2023, 2023)",
            Number: "số / number (12.000.000; 95,5)"}


def type_name(hint) -> str:
    hint = unwrap_optional(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        return "danh sách / list of " + type_name(typing.get_args(hint)[0])
    if origin is dict:
        return "các dòng `tên: chữ` / mapping of text"
    if isinstance(hint, type) and issubclass(hint, model.Record):
        return f"[{hint.__name__}](#{hint.__name__.lower()})"
    return _SCALARS[hint]


def _records(cls, seen: list) -> list:
    """cls and every record class reachable from it, in first-use order."""
    if cls in seen:
        return seen
    seen.append(cls)
    for hint in field_types(cls).values():
        hint = unwrap_optional(hint)
        for inner in (typing.get_args(hint) or (hint,)):
            if isinstance(inner, type) and issubclass(inner, model.Record):
                _records(inner, seen)
    return seen


def _table(cls) -> list[str]:
    lines = ["| Trường / field | Kiểu / type | Ý nghĩa | Meaning |", "|---|---|---|---|"]
    hints = field_types(cls)
    for f in model.schema_fields(cls):
        name = f"`{f.name}`" + (" **(bắt buộc / required)**" if f.metadata["required"] else "")
        kind = type_name(hints[f.name])
        if f.metadata["choices"]:
            kind += ": " + ", ".join(f"`{c}`" for c in f.metadata["choices"])
        if f.metadata["ref"]:
            kind += f" (mã {f.metadata['ref']} / {f.metadata['ref']} id)"
        vi, en = f.metadata["vi"], f.metadata["en"]
        if f.metadata["example"]:
            vi += f". Ví dụ: `{f.metadata['example']}`"
            en += f". Example: `{f.metadata['example']}`"
        lines.append(f"| {name} | {kind} | {vi} | {en} |")
    return lines


def reference() -> str:
    out = ["# Tham chiếu trường / Field reference", "",
           "Trang này được sinh ra từ mô hình nội dung (`cchc_site/model.py`) bằng "
           "`python -m cchc_site.reference`; đừng sửa bằng tay.", "",
           "Generated from the content model (`cchc_site/model.py`) by "
           "`python -m cchc_site.reference`; do not edit by hand.", ""]
    seen: list = []
    for cls, where, vi, en in FILES:
        out += [f"## {cls.__name__}", "", f"{where} — {vi}. *{en}.*", ""] + _table(cls) + [""]
        seen.append(cls)
    extra: list = []
    for cls, *_ in FILES:
        _records(cls, extra)
    for cls in extra:
        if cls not in seen:
            out += [f"## {cls.__name__}", ""] + _table(cls) + [""]
            seen.append(cls)
    return "\n".join(out)


if __name__ == "__main__":
    print(reference(), end="")
