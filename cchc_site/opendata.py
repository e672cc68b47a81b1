"""The open-data side of a build: every table as CSV and JSON, and a
Frictionless ``datapackage.json`` describing them all with field types."""

from __future__ import annotations

import json
import posixpath

from .model import SiteConfig
from .tables import read_tables
from .vietnamese import slugify


def page_tables(path: str, html: str) -> tuple[list[tuple[str, bytes]], list[dict]]:
    """The CSV and JSON files of a page's tables (beside the page), and
    their data-package resources."""
    folder = path if path.endswith("/") or not path else posixpath.dirname(path) + "/"
    files, resources = [], []
    for table in read_tables(html):
        base = f"{folder}{table.id}"
        files += [(f"{base}.csv", table.csv_bytes()), (f"{base}.json", table.json_bytes())]
        resources.append({
            "name": slugify(base) or table.id, "path": f"{base}.csv", "title": table.caption,
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "schema": {"fields": table.fields()}})
    return files, resources


def data_package(config: SiteConfig, resources: list[dict]) -> tuple[str, bytes]:
    descriptor = {
        "name": slugify(config.title) or "cchc-site", "title": config.title,
        "description": config.description or "Các bảng số liệu của trang, dạng CSV và JSON.",
        "homepage": config.base_url,
        "resources": sorted(resources, key=lambda r: r["path"]),
    }
    text = json.dumps(descriptor, ensure_ascii=False, indent=1)
    return "datapackage.json", text.encode("utf-8") + b"\n"
