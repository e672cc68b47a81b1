"""The open-data side of a build: every table as CSV and JSON, and a
Frictionless ``datapackage.json`` describing them all with field types."""

from __future__ import annotations

import json
import posixpath

from .labels import LICENSE_TEXTS, LICENSES
from .model import SiteConfig
from .progress import reference_date
from .tables import DIALECT, JSON, Table, read_tables
from .vietnamese import slugify


def page_tables(path: str, html: str) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """The CSV and JSON files of a page's tables (beside the page), and their
    data-package resources as (path, JSON text) — serialised once per
    rendering, since a province has thousands of them."""
    folder = path if path.endswith("/") or not path else posixpath.dirname(path) + "/"
    files, resources = [], []
    for table in read_tables(html):
        base = f"{folder}{table.id}"
        table_files, resource = published(table, base, slugify(base) or table.id,
                                          {"fields": table.fields()})
        files += table_files
        resources.append(resource)
    return files, resources


def published(table: Table, base: str, name: str, schema: dict, description: str = ""
              ) -> tuple[list[tuple[str, bytes]], tuple[str, str]]:
    """A table's CSV and JSON files at ``base`` (a path without its suffix),
    and its data-package resource as (path, JSON text)."""
    resource = {"name": name, "path": f"{base}.csv", "title": table.caption}
    if description:
        resource["description"] = description
    resource.update({"format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                     "dialect": DIALECT, "schema": schema})
    return ([(f"{base}.csv", table.csv_bytes()), (f"{base}.json", table.json_bytes())],
            (resource["path"], JSON.encode(resource)))


def data_package(config: SiteConfig, reports, resources: list[tuple[str, str]]
                 ) -> tuple[str, bytes]:
    """The package of every table; ``created`` is the day the tables' figures
    stand at (the site's reference date, or its latest report's), not the clock."""
    package = {
        "name": slugify(config.title) or "cchc-site", "title": config.title,
        "description": config.description or "Các bảng số liệu của trang, dạng CSV và JSON.",
        "homepage": config.base_url}
    day = reference_date(config, reports)
    if day:
        package["created"] = f"{day.isoformat()}T00:00:00Z"
    if config.license:
        package["licenses"] = [{"name": config.license, "path": LICENSE_TEXTS[config.license],
                                "title": LICENSES[config.license]}]
    head = json.dumps(package, ensure_ascii=False)[:-1]
    listed = ",\n  ".join(text for _, text in sorted(resources))
    return "datapackage.json", f'{head}, "resources": [\n  {listed}\n]}}\n'.encode("utf-8")
