"""The whole pipeline, top to bottom: load → validate → link → render → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import load, validate
from .link import Site, link
from .problems import Problems
from .model import Loc
from .render import environment, render_route, template_dirs
from .feeds import atom, robots, sitemap
from .opendata import OpenData
from .routes import Route, plan_routes
from .search import build_index
from .write import check_output, write_site


@dataclass
class Result:
    problems: Problems
    site: Site | None = None
    routes: list[Route] | None = None
    attachments: list[tuple[str, Path]] | None = None
    written: int = 0

    def failed(self, strict: bool) -> bool:
        return bool(self.problems.errors) or (strict and bool(self.problems.warnings))


def check(site_dir: Path) -> Result:
    """Read and check everything; write nothing."""
    problems = Problems()
    config, files = load.load_site(site_dir, problems)
    content = validate.validate(config, files, problems)
    broken: dict[str, set[str]] = {}
    for source in files:
        if source.tree is None:
            broken.setdefault(source.kind, set()).add(source.id)
    site = link(content, problems, broken)
    routes = plan_routes(site, problems)
    return Result(problems, site, routes, load.attachments(site_dir, problems))


def build(site_dir: Path, output_dir: Path, strict: bool = False) -> Result:
    check_output(site_dir, output_dir)
    result = check(site_dir)
    if result.failed(strict):
        return result
    env = environment(site_dir)
    pages, data = [], OpenData()
    for route in result.routes:
        try:
            html = render_route(env, result.site, route)
        except jinja2.TemplateError as exc:
            _template_problem(exc, route, result.problems)
            return result
        pages.append((route.file, html))
        pages += data.add_page(route.path, html.decode("utf-8"))
    site = result.site
    pages += [data.package(site.config), sitemap(site, result.routes), robots(site), atom(site),
              build_index(site)]
    files = [(rel, path.read_bytes()) for rel, path in result.attachments]
    result.written = write_site(output_dir, pages + static_files(site_dir) + files)
    return result


def static_files(site_dir: Path) -> list[tuple[str, bytes]]:
    """The theme's static files, each replaced by the site's file of the same name."""
    found: dict[str, Path] = {}
    for folder in reversed(template_dirs(site_dir)):
        static = folder / "static"
        for path in sorted(static.rglob("*")) if static.is_dir() else []:
            if path.is_file():
                found[str(path.relative_to(folder))] = path
    return [(rel, found[rel].read_bytes()) for rel in sorted(found)]



def _template_problem(exc: jinja2.TemplateError, route: Route, problems: Problems) -> None:
    """A template that fails is reported like content: where, and what."""
    name = getattr(exc, "filename", None) or f"templates/{route.template}"
    line = getattr(exc, "lineno", None) or 0
    problems.error(Loc(name, line, 1 if line else 0), "",
                   f"mẫu trang lỗi khi dựng /{route.path}: {exc.message}",
                   f"template failed while rendering /{route.path}: {exc.message}")
