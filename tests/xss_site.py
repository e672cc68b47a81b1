"""A site whose every free-text field holds script payloads, written from the
content model itself so that no field is forgotten."""

from __future__ import annotations

import json
import typing
from pathlib import Path

from cchc_site import model
from cchc_site.validate import field_types, unwrap_optional

PAYLOAD = ("<script>window.__xss='script'</script>"
           "<img src=x onerror=\"window.__xss='img'\">"
           "\"><svg onload=\"window.__xss='attr'\">"
           "'><b onmouseover=\"window.__xss='quote'\">"
           "</script><script>window.__xss='json'</script>"
           "[link](javascript:window.__xss='md') "
           "<a href=\"javascript:window.__xss='a'\">a</a>"
           "<iframe srcdoc=\"<script>parent.__xss='frame'</script>\"></iframe>"
           "{{7*7}} {% raw %}")
VISIBLE = "window.__xss='script'"  # shows as text wherever the payload is printed

REFS = {"agency": "so-xss", "plan": "so-xss-2024", "unit": "van-phong", "task": "I.1",
        "target": "chi-tieu", "source": "nguon", "figure": "tong"}
VALUES = {"id": "van-phong", "number": "1", "year": "2024", "date": "15/01/2024",
          "base_url": "https://xss.example.gov.vn/", "url": "https://example.gov.vn/x",
          "link": "https://example.gov.vn/x", "value": "10", "of_total": "20"}


def value_for(name: str, hint, f) -> object:
    hint = unwrap_optional(hint)
    origin = typing.get_origin(hint)
    meta = f.metadata
    if origin is list:
        inner = typing.get_args(hint)[0]
        return [value_for(name, inner, f)]
    if origin is dict:
        return {"Cột lạ <b>": PAYLOAD}
    if isinstance(hint, type) and issubclass(hint, model.Record):
        return record(hint)
    if meta.get("ref"):
        return REFS[meta["ref"]]
    if meta.get("choices"):
        return next(iter(meta["choices"]))
    if name in VALUES:
        return VALUES[name]
    if hint in (int,) or name in ("count", "received"):
        return "5"
    if hint is bool:
        return "false"
    if meta.get("slug"):
        return "tong" if name == "id" else "x"
    return PAYLOAD


def record(cls) -> dict:
    hints = field_types(cls)
    out = {}
    for f in model.schema_fields(cls):
        if f.name in ("part_of", "due", "period", "reference_date"):
            continue
        out[f.name] = value_for(f.name, hints[f.name], f)
    if cls is model.Target:
        out["id"] = "chi-tieu"
    if cls in (model.Figure,):
        out["id"] = "tong"
    if cls is model.Source:
        out["id"] = "nguon"
    if cls is model.Procedure:
        out["id"] = "thu-tuc"
        out["code"] = "1.000001"
    if cls is model.Task:
        out["id"] = ""
        out["number"] = "1"
    if cls is model.Area:
        out["number"] = "I"
    if cls is model.Report:
        out["period"] = "nam"
    if cls is model.Appendix:
        out["columns"] = {"task": PAYLOAD}
        out["budget_total"] = ""
    if cls is model.Unit:
        out["members"] = []
    return {k: v for k, v in out.items() if v != ""}


def write(site: Path) -> None:
    files = {"site.yaml": record(model.SiteConfig),
             "content/agencies/so-xss.yaml": record(model.Agency),
             "content/plans/so-xss-2024.yaml": record(model.Plan),
             "content/reports/so-xss-2024-nam.yaml": record(model.Report),
             "content/tthc/so-xss.yaml": record(model.Catalogue)}
    files["content/reports/so-xss-2024-nam.yaml"].pop("acknowledged", None)
    files["content/plans/so-xss-2024.yaml"].pop("acknowledged", None)
    for rel, data in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    page = site / "content/pages/trang-xss.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\ntitle: {json.dumps(PAYLOAD)}\ndescription: {json.dumps(PAYLOAD)}\n"
                    f"---\n{PAYLOAD}\n\n# {PAYLOAD}\n", encoding="utf-8")
