"""The whole pipeline, top to bottom: load → validate → link → render → write.

``build`` is a full build into a fresh folder swapped in whole; ``Builder``
(the dev server's) keeps what the last build read, linked and rendered, so a
rebuild parses only edited files, relinks only the plans whose records
changed, renders only the pages whose sources changed and rewrites only
files whose bytes changed — with the same result, byte for byte, as a full
build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import gc
import hashlib
import re
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import datasets, load, model, validate
from . import link as link_module
from . import routes as routes_module
from .feeds import atom, robots, sitemap
from .link import Site, check_links, link
from .model import Loc
from .opendata import data_package, page_tables
from .problems import Problems
from .processes import Idle, fork_pool, workers
from .render import (SHARED_PARTS, THEME_DIR, TemplateEncodingError, compiled_templates,
                     environment, load_templates, render_route, template_dirs, templates_using)
from .routes import Route, plan_routes
from .search import build_index
from .theme_check import file_warnings, place_of, theme_failures
from .write import FolderWriter, Staging, check_output, write_changes


@dataclass
class Result:
    problems: Problems
    site: Site | None = None
    routes: list[Route] | None = None
    attachments: list[tuple[str, Path]] | None = None
    sources: list[load.SourceFile] = field(default_factory=list)
    written: int = 0
    rendered: int = 0
    written_at: dict[str, float] = field(default_factory=dict)  # page → perf_counter() (dev server)

    def failed(self, strict: bool) -> bool:
        return bool(self.problems.errors) or (strict and bool(self.problems.warnings))


@dataclass
class Rendered:
    """One page as last rendered: what it was drawn from, and the paths of its
    files (their bytes are written, not kept: a province's are 150 MB)."""

    fingerprint: str
    names: list[str]
    resources: list[tuple[str, str]]


def check(site_dir: Path, cache: load.FileCache | None = None, processes: int = 1,
          memo: link_module.LinkMemo | None = None) -> Result:
    """Read and check everything; write nothing.  ``processes`` > 1 reads and
    validates files in that many forked processes: only from a process with
    no threads (the command line, not the dev server).  ``cache`` and
    ``memo`` (the dev server's) keep what the last check read and linked."""
    collecting = gc.isenabled()
    gc.disable()  # loading makes hundreds of thousands of objects and no garbage
    try:
        return _check(site_dir, cache, processes, memo)
    finally:
        if collecting:
            gc.enable()


def _check(site_dir: Path, cache: load.FileCache | None, processes: int,
           memo: link_module.LinkMemo | None) -> Result:
    problems = Problems()
    config, files = load.load_site(site_dir, problems, cache, _validated, processes)
    content = validate.validate(config, files, problems)
    broken: dict[str, set[str]] = {}
    for source in files:
        if source.tree is None:
            broken.setdefault(source.kind, set()).add(source.id)
    site = link(content, problems, broken, memo)
    routes = plan_routes(site, problems)
    sources = ([config] if config else []) + files
    attached = load.attachments(site_dir, problems)
    site.paths = frozenset(route.path for route in routes)
    unread = tuple(_PAGE_OF[kind](record_id) for kind, ids in broken.items()
                   if kind in _PAGE_OF for record_id in ids)
    check_links(site, {rel for rel, _ in attached}, problems, unread)
    for file, line, column, vi, en in file_warnings(site_dir, THEME_DIR):
        problems.warn(Loc(file, line, column), "", vi, en)
    return Result(problems, site, routes, attached, sources)


_PAGE_OF = {"agency": routes_module.agency, "plan": routes_module.plan,
            "report": routes_module.report, "catalogue": routes_module.catalogue,
            "page": routes_module.page}  # the page of a content file, by its kind
_THEME_CHECKED: dict[tuple, list] = {}  # the last templates checked, by their files' stats


def theme_sound(site_dir: Path, env: jinja2.Environment, problems: Problems) -> bool:
    """Whether the site's own templates, if any, parse and fill blocks their
    layouts have (see theme_check); each failure is reported if not.  Checked
    again only when a template file changed (50 ms a rebuild of the dev
    server otherwise, for a few dozen templates)."""
    folders = template_dirs(site_dir)
    if len(folders) < 2:
        return True
    key = tuple((str(path), stat.st_mtime_ns, stat.st_size) for folder in folders
                for path in sorted(folder.rglob("*.html")) if (stat := path.stat()))
    if key not in _THEME_CHECKED:
        _THEME_CHECKED.clear()
        _THEME_CHECKED[key] = theme_failures(env, folders[0], site_dir, _template_hint)
    failures = _THEME_CHECKED[key]
    for failure in failures:
        _report(failure, problems)
    return not failures


def check_templates(site_dir: Path, result: Result) -> None:
    """Render every page, writing nothing, when the site has templates of its
    own: a mistake in one shows only when a page uses it, and ``check`` (the
    pre-commit hook, the first step on CI) must refuse what ``build`` would.
    The theme's templates are tested with the package, so only the pages
    whose templates run one of the site's are rendered.  On all cores, as a
    build renders; the failure reported is the first in the order a build in
    one process renders (the records' pages, then the lists and home), so
    check and build name the same page."""
    folders = template_dirs(site_dir)
    if result.problems.errors or len(folders) < 2:
        return
    env = environment(site_dir)
    if not theme_sound(site_dir, env, result.problems):
        return
    using = templates_using(env, set(jinja2.FileSystemLoader(str(folders[0])).list_templates()))
    routes = [route for route in sorted(result.routes, key=lambda r: r.deps is None)
              if using.intersection(SHARED_PARTS) or route.template in using]  # as render()
    _JOB.update(site_dir=site_dir, site=result.site, env=env, routes=routes)
    gc.freeze()  # as for a build: collections while rendering skip the site
    try:
        pool = fork_pool(workers()) if parallel(len(routes)) else None
        if pool is None:
            failures = [_check_share((0, len(routes)))]
        else:
            with pool:
                failures = pool.map(_check_share, _chunks(0, len(routes)), chunksize=1)
    finally:
        _JOB.clear()
        gc.unfreeze()
    failure = next((f for f in failures if f is not None), None)
    if failure:
        _report(failure, result.problems)


def _check_share(chunk: tuple[int, int]) -> tuple[str, int, int, str, str] | None:
    """Render the routes ``start`` to ``stop`` (see check_templates): the first
    template failure among them, or None."""
    start, stop = chunk
    site, env, routes = (_JOB[k] for k in ("site", "env", "routes"))
    common = _JOB.setdefault("common", {})
    for route in routes[start:stop]:
        try:
            render_route(env, site, route, common)
        except Exception as exc:
            if not from_template(exc):
                raise
            return _template_failure(exc, route, _JOB["site_dir"], env)
    return None


def _validated(source: load.SourceFile) -> None:
    """Validate a file as it is read (its problems are kept with it)."""
    validate.build_file(source, Problems())


def build(site_dir: Path, output_dir: Path, strict: bool = False) -> Result:
    check_output(site_dir, output_dir)
    with (Idle(compiled_templates, site_dir) if workers() > 1  # compiled while this process
          else contextlib.nullcontext()) as ahead:              # links, the other core idle
        collecting = gc.isenabled()
        gc.disable()  # until the site is frozen: the first collection after reading
        try:          # would go through all it read (a tenth of a second for a province)
            result = check(site_dir, processes=workers())
            if result.failed(strict):
                return result
            gc.freeze()  # the site lives to the end: collections while rendering skip
        finally:         # it, and forked workers leave its memory shared
            if collecting:
                gc.enable()
        compiled = ahead.result() if ahead else None
    try:
        return _write_site(site_dir, output_dir, result, compiled)
    finally:
        gc.unfreeze()


def _write_site(site_dir: Path, output_dir: Path, result: Result,
                compiled: dict[str, bytes] | None) -> Result:
    with Staging(output_dir) as staging:  # pages go to disk as they are rendered
        env = environment(site_dir, compiled=compiled)
        def serially():
            return render(site_dir, result, None, env, lambda page, files: staging.write(files))
        if parallel(len(result.routes)):
            files = render_in_parallel(
                site_dir, result, env, staging.folder, serially, guard=staging.guard,
                take=lambda route, written, resources: staging.written.extend(
                    rel for rel, _ in written))
        else:
            files = serially()
        if files is None:
            staging.abort()
            return result
        staging.write(files)
    result.written = staging.count
    return result


@dataclass
class Shared:
    """The site-wide files of the last build (the dev server's), and the key of
    what they were made from: every source, template and theme file, and the
    attachments as they were on the disk."""

    key: str = ""
    files: list[tuple[str, bytes]] = field(default_factory=list)
    resources: list[tuple[str, str]] = field(default_factory=list)


def render(site_dir: Path, result: Result, pages: dict[str, Rendered] | None,
           env: jinja2.Environment, emit, shared: Shared | None = None,
           edited: frozenset[str] = frozenset()) -> list[tuple[str, bytes]] | None:
    """Render the site's pages, handing each to ``emit(page, files)`` as soon as
    it is ready (the pages of one record first, lists and home last; ``files``
    None for a page reused as it was), and return the site-wide files (data
    package, feeds, search index, static files, attachments).  Pages whose
    fingerprint is in ``pages`` are reused, the others rendered and stored
    there; with ``pages`` None nothing is kept, so a full build's memory does
    not grow with the site; with ``shared``, the site-wide files are made
    again only when something they are made from changed; the pages of the
    ``edited`` files come first (the one the editor looks at, most likely).
    None if a template fails."""
    if not theme_sound(site_dir, env, result.problems):
        return None
    theme = static_files(site_dir)
    fingerprint_of = _fingerprints(site_dir, result, theme)
    fresh: dict[str, Rendered] = {}
    common: dict = {}
    resources = []
    for route in sorted(result.routes, key=lambda r: (r.deps is None,
                                                      r.source.file not in edited)):
        fingerprint = fingerprint_of(route)
        page = pages.get(route.path) if pages is not None else None
        files = None
        if page is None or page.fingerprint != fingerprint:
            try:
                files, tables = page_files(env, result.site, route, common)
            except Exception as exc:
                if not from_template(exc):
                    raise
                _report(_template_failure(exc, route, site_dir, env), result.problems)
                return None
            page = Rendered(fingerprint, [rel for rel, _ in files], tables)
            result.rendered += 1
        emit(page, files)
        resources += page.resources
        if pages is not None:
            fresh[route.path] = page
    if pages is not None:
        pages.clear()
        pages.update(sorted(fresh.items()))
    files, shared_resources = _kept_site_files(result, theme, fingerprint_of, shared)
    return [data_package(result.site.config, result.site.reports.values(),
                          resources + shared_resources)] + files


def _kept_site_files(result: Result, theme, fingerprint_of, shared: Shared | None):
    """``_site_files``, or those ``shared`` keeps when nothing they are made
    from has changed since (then kept there)."""
    if shared is None:
        return _site_files(result, theme)
    key = fingerprint_of(next(route for route in result.routes if route.deps is None)) + repr(
        [(rel, path.stat().st_size, path.stat().st_mtime_ns) for rel, path in result.attachments])
    if key != shared.key:
        shared.files, shared.resources = _site_files(result, theme)
        shared.key = key
    return shared.files, shared.resources


def _site_files(result: Result, theme: list[tuple[str, bytes]]):
    """What the whole site shares, besides the data package: feeds, search
    index, the site-wide data tables, the theme's static files and the
    attachments; and the tables' data-package resources."""
    site = result.site
    attachments = [(rel, path.read_bytes()) for rel, path in result.attachments]
    tables, resources = datasets.files(site)
    return [sitemap(site, result.routes), robots(site), atom(site), build_index(site)] + \
        tables + theme + attachments, resources


PARALLEL_FROM = 400  # pages; below this, starting processes costs more than it saves
_JOB: dict = {}  # what forked workers render from (set just before the fork)


def parallel(pages: int) -> bool:
    """Whether that many pages are rendered in forked workers: on more than one
    core, for enough pages (forking only from a process with no threads)."""
    return workers() > 1 and pages >= PARALLEL_FROM


def render_in_parallel(site_dir: Path, result: Result, env: jinja2.Environment, folder: Path,
                       serially, take, guard=lambda run: run(), digests: bool = False,
                       shared: Shared | None = None, meanwhile=lambda: None):
    """The same pages as ``render``, split across forked processes that write
    straight into ``folder``; once all are rendered, each page is handed to
    ``take(route, files, resources)``, its files as (path, SHA-256 of the
    bytes if ``digests``, else '').  Returns the site-wide files, made here in
    route order so that the output is byte for byte the single-process one
    (None if a template fails), or ``serially()``'s where no process can be
    forked.  ``guard(run)``: how a failure to write (a full disk) is reported;
    ``shared``: see ``render``; ``meanwhile()``: more work for this process
    while the workers render."""
    if not theme_sound(site_dir, env, result.problems):
        return None
    # the site-wide pages (home, lists) first: the longest to render, they would
    # otherwise leave one worker finishing them while the others stand idle
    routes = sorted(result.routes, key=lambda r: r.deps is not None)
    lists = sum(1 for route in routes if route.deps is None)
    _JOB.update(site_dir=site_dir, site=result.site, env=env, routes=routes, folder=folder,
                digests=digests)
    parts: list = []
    common: list = []  # the site-wide files, then their data-package resources
    try:
        pool = fork_pool(workers())
        if pool is None:
            return serially()

        def run() -> None:
            with pool:
                pending = pool.map_async(_render_share, _chunks(0, lists)
                                         + _chunks(lists, len(routes)), chunksize=1)
                theme = static_files(site_dir)  # meanwhile
                common.extend(_kept_site_files(result, theme, _fingerprints(site_dir, result, theme)
                                               if shared is not None else None, shared))
                meanwhile()
                parts.extend(pending.get())
        guard(run)
    finally:
        _JOB.clear()
    failed = [part for part in parts if isinstance(part, tuple)]  # (route index, failure)
    if failed:  # the first in one process's order (records, then lists), as check names it
        _report(min(failed, key=lambda f: (f[0] < lists, f[0]))[1], result.problems)
        return None
    done = {index: page for part in parts for index, page in part.items()}
    resources = []
    for index, route in enumerate(routes):
        written, page_resources = done[index]
        take(route, written, page_resources)
        resources += page_resources
    result.rendered = len(routes)
    files, shared_resources = common
    return [data_package(result.site.config, result.site.reports.values(),
                          resources + shared_resources)] + files


_CHUNK = 64  # routes a worker takes at a time: neighbours, so each worker mostly writes
#             into folders of its own (creating files in a shared folder contends for it)


def _chunks(first: int, stop: int) -> list[tuple[int, int]]:
    return [(start, min(start + _CHUNK, stop)) for start in range(first, stop, _CHUNK)]


def _render_share(chunk: tuple[int, int]):
    """In a worker: render and write the routes ``start`` to ``stop``."""
    start, stop = chunk
    site, env, routes = (_JOB[k] for k in ("site", "env", "routes"))
    if "writer" not in _JOB:  # one per worker process, kept across its chunks
        _JOB.update(writer=FolderWriter(_JOB["folder"]), common={})
    writer, common = _JOB["writer"], _JOB["common"]
    done = {}
    for index in range(start, stop):
        route = routes[index]
        try:
            files, resources = page_files(env, site, route, common)
        except Exception as exc:
            if not from_template(exc):
                raise
            return index, _template_failure(exc, route, _JOB["site_dir"], env)
        written = []
        for rel, data in files:
            writer.write(rel, data)
            written.append((rel, hashlib.sha256(data).hexdigest() if _JOB["digests"] else ""))
        done[index] = (written, resources)
    return done


def page_files(env: jinja2.Environment, site: Site, route: Route, common: dict):
    """A page's HTML file and its tables' CSV and JSON files, with the tables'
    data-package resources (``common``: see render_route)."""
    html = render_route(env, site, route, common)
    tables, resources = page_tables(route.path, html)
    return [(route.file, html.encode("utf-8"))] + tables, resources


def _fingerprints(site_dir: Path, result: Result, theme):
    """A route's fingerprint: what its page is drawn from, that is, its own
    sources and what every page shows (settings, the free pages in the
    navigation, the templates and the theme's files)."""
    templates = [(str(p), p.read_bytes()) for folder in template_dirs(site_dir)
                 for p in sorted(folder.glob("*.html"))]
    pages = [(s.path, s.digest) for s in result.sources if s.kind in ("config", "page")]
    shared = hashlib.sha256(repr((templates, theme, pages)).encode("utf-8")).hexdigest()
    digests = {source.path: source.digest for source in result.sources}

    def fingerprint(route: Route) -> str:
        deps = sorted(digests.items()) if route.deps is None else \
            sorted((path, digests.get(path, "")) for path in route.deps)
        return hashlib.sha256(repr((shared, route.path, route.template, deps))
                              .encode("utf-8")).hexdigest()
    return fingerprint


class Builder:
    """Rebuilds a site into a folder it owns, incrementally (see module doc)."""

    def __init__(self, site_dir: Path, output_dir: Path):
        self.site_dir, self.output_dir = site_dir, output_dir
        self.files = load.FileCache()
        self.links = link_module.LinkMemo()
        self.pages: dict[str, Rendered] = {}
        self.env = environment(site_dir, reload=True)  # compiled templates; reloaded when a file changes
        self.template_files: list[Path] = []
        self.on_disk: dict[str, str] = {}
        self.shared = Shared()  # the site-wide files, made again only when a source changes
        self.digests: dict[str, str] = {}  # each source's, as the last build read it

    def build(self) -> Result:
        gc.disable()  # a full collection of the cached site would cost more than the rebuild;
        try:          # the dev server collects after each rebuild instead (see serve)
            return self._build()
        finally:
            gc.enable()

    def _build(self) -> Result:
        result = check(self.site_dir, self.files, memo=self.links)
        if result.failed(strict=False):
            return result
        template_files = [p for folder in template_dirs(self.site_dir)
                          for p in sorted(folder.glob("*.html"))]
        if template_files != self.template_files:  # a template added or removed: which
            self.env = environment(self.site_dir, reload=True)  # file wins a name may have changed
            self.template_files = template_files
        current: dict[str, str] = {}

        def emit(page: Rendered, files: list[tuple[str, bytes]] | None) -> None:
            """A new page reaches the browser before the lists are redone; an
            unchanged one keeps the digest of the file already there."""
            if files is not None:
                digests, written = write_changes(self.output_dir, files, self.on_disk,
                                                 prune=False)
                current.update(digests)
                result.written += written
                result.written_at[page.names[0]] = time.perf_counter()
            else:
                current.update((rel, self.on_disk[rel]) for rel in page.names)

        digests = {source.path: source.digest for source in result.sources}
        edited = frozenset(path for path, digest in digests.items()
                           if self.digests.get(path) != digest)
        self.digests = digests

        def serially():
            return render(self.site_dir, result, self.pages, self.env, emit, self.shared, edited)
        if not self.pages and parallel(len(result.routes)) and threading.active_count() == 1:
            files = self._render_first(result, current, serially)  # before serving starts
        else:
            files = serially()
        if files is not None:
            digests, written = write_changes(self.output_dir, files, self.on_disk, prune=False)
            current.update(digests)
            result.written += written
            for rel in self.on_disk.keys() - current.keys():
                (self.output_dir / rel).unlink(missing_ok=True)
            self.on_disk = current
        return result

    def _render_first(self, result: Result, current: dict[str, str], serially):
        """The first build of a big site on all cores, as ``build`` renders
        (the folder holds nothing of ours yet), its pages kept as ``render``
        keeps them; returns the site-wide files (None if a template fails)."""
        fingerprint_of = _fingerprints(self.site_dir, result, static_files(self.site_dir))

        def take(route: Route, written: list[tuple[str, str]], resources) -> None:
            self.pages[route.path] = Rendered(fingerprint_of(route), [rel for rel, _ in written],
                                              resources)
            current.update(written)
            result.written += len(written)
        return render_in_parallel(self.site_dir, result, self.env, self.output_dir, serially,
                                  take, digests=True, shared=self.shared,
                                  meanwhile=lambda: load_templates(self.env))  # for the first edit


def static_files(site_dir: Path) -> list[tuple[str, bytes]]:
    """The theme's static files, each replaced by the site's file of the same name."""
    found: dict[str, Path] = {}
    for folder in reversed(template_dirs(site_dir)):
        static = folder / "static"
        for path in sorted(static.rglob("*")) if static.is_dir() else []:
            if path.is_file():
                found[str(path.relative_to(folder))] = path
    return [(rel, found[rel].read_bytes()) for rel in sorted(found)]


def from_template(exc: Exception) -> bool:
    """Whether an exception came while running a template: a Jinja error, or
    one raised with a template's line in its traceback (a macro given the
    wrong arguments, a macro calling itself without end, a function of ours
    the template called; see _inside_us for the last)."""
    return isinstance(exc, jinja2.TemplateError) or any(
        frame.filename.endswith(".html") for frame in traceback.extract_tb(exc.__traceback__))


_JINJA = Path(jinja2.__file__).parent


def _inside_us(exc: Exception) -> tuple[str, str]:
    """Where in cchc-site's Python a template's call failed, when it did not
    fail in the template or in Jinja: said with the failure, as it may be a
    bug of ours rather than the template's (the template line is named too)."""
    last = traceback.extract_tb(exc.__traceback__)[-1]
    if last.filename.endswith(".html") or Path(last.filename).is_relative_to(_JINJA):
        return "", ""
    place = f"{Path(last.filename).name}:{last.lineno}"
    return (f" (lỗi phát sinh trong mã của cchc-site, {place}, khi mẫu gọi đến: nếu mẫu gọi đúng, "
            "đó là lỗi của cchc-site — xin báo lỗi kèm dòng này)",
            f" (raised in cchc-site's code, {place}, called by the template: if the call is "
            "right, it is a bug of cchc-site — please report it with this line)")


def _template_failure(exc: Exception, route: Route, site_dir: Path,
                      env: jinja2.Environment) -> tuple[str, int, int, str, str]:
    """Where a template failed and why, as (file, line, column, Vietnamese,
    English): a syntax error names its line; an error while rendering is
    found in the traceback, which Jinja points at the lines of the templates
    it ran: the deepest, or, in a theme macro one of the site's templates
    called, that call (the theme is not where to fix it); the column is
    where the line holds the name the message quotes."""
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__)
              if frame.filename.endswith(".html")]
    where = [(frame.filename, frame.lineno) for frame in frames]
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        where.append((exc.filename, exc.lineno))
    elif len(frames) > 1 and frames[-1].name == "template" and not _own(frames[-1], site_dir):
        # in a theme macro: where the site's template called it, if the call was one of its own
        caller = frames[-2]
        if _own(caller, site_dir):
            where.append((caller.filename, caller.lineno))
    file, line = where[-1] if where else (f"templates/{route.template}", 0)
    line, column = place_of(Path(file), line, message) if line else (0, 0)
    with contextlib.suppress(ValueError):
        file = str(Path(file).resolve().relative_to(site_dir.resolve()))
    fields_vi, fields_en = _fields_hint(message) if "object' has" in message else \
        _names_hint(exc, message, env)
    ours_vi, ours_en = _inside_us(exc) if not isinstance(exc, jinja2.TemplateError) else ("", "")
    return (file, line, column,
            f"mẫu trang lỗi khi dựng /{route.path}: {_template_hint(exc)}{message}{fields_vi}"
            f"{ours_vi}",
            f"template failed while rendering /{route.path}: {message}{fields_en}{ours_en}")


def _own(frame: traceback.FrameSummary, site_dir: Path) -> bool:
    return Path(frame.filename).resolve().is_relative_to((site_dir / "templates").resolve())


_HINTS = [  # what Jinja's English message means, for an editor who reads Vietnamese;
    # the first kind that fits (a subclass before the class it comes from)
    (jinja2.UndefinedError, "mẫu dùng một tên hay một trường không có (kiểm tra chính tả; các "
                            f"mẫu gốc trong {THEME_DIR} cho thấy những tên dùng được)"),
    (jinja2.TemplateAssertionError, "mẫu dùng một bộ lọc (sau dấu |), một phép thử (sau 'is') "
                                    "hay một khối không có, hoặc đặt trùng tên một khối (kiểm "
                                    "tra chính tả)"),
    (TemplateEncodingError, "tệp mẫu không lưu bằng mã hóa UTF-8 (có lẽ Windows-1258 hay "
                            "1252): hãy mở bằng trình soạn thảo và lưu lại với mã hóa UTF-8"),
    (jinja2.TemplateSyntaxError, "mẫu viết sai cú pháp Jinja (thẻ {% … %} chưa đóng hay gõ "
                                 "nhầm?)"),
    (jinja2.TemplateRuntimeError, "mẫu gặp lỗi khi chạy, thường là một phép thử (sau 'is') hay "
                                  "bộ lọc không có (kiểm tra chính tả)"),  # tests: looked up then
    (jinja2.TemplateNotFound, "mẫu gọi đến một tệp mẫu không có (kiểm tra tên trong extends, "
                              f"include hay import; các mẫu gốc nằm trong {THEME_DIR})"),
    (TypeError, "mẫu gọi một macro, bộ lọc hay hàm với tham số không đúng (kiểm tra số tham số "
                f"và tên của chúng với định nghĩa, trong {THEME_DIR}/_macros.html với macro "
                "có sẵn), hoặc dùng một giá trị sai kiểu"),
    (RecursionError, "mẫu gọi lại chính nó không dừng (một macro tự gọi mình, hay các mẫu "
                     "include lẫn nhau)"),
    (MemoryError, "mẫu làm ra quá nhiều nội dung (một vòng lặp quá lớn?)"),
]


def _template_hint(exc: Exception) -> str:
    return next((f"{hint} — " for kind, hint in _HINTS if isinstance(exc, kind)),
                "mẫu gặp lỗi khi chạy — ")


_NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '(\w+)'")


def _fields_hint(message: str) -> tuple[str, str]:
    """For "'…SiteConfig object' has no attribute 'hotline'": the fields a
    record of the site has, and the one probably meant ('', '' for others)."""
    found = _NO_ATTRIBUTE.search(message)
    if found and found[1] == "dict":  # config.extra['duong_day_nog'], a key mistyped
        return (f"; bảng ấy không có khóa '{found[2]}' (với config.extra: các khóa là tên ghi "
                "dưới 'extra' trong site.yaml; kiểm tra chính tả)",
                f"; that mapping has no key '{found[2]}' (for config.extra: the names under "
                "'extra' in site.yaml; check the spelling)")
    kind = found and next((getattr(module, found[1]) for module in (model, link_module)
                           if dataclasses.is_dataclass(getattr(module, found[1], None))), None)
    if not kind:
        return "", ""
    names = [f.name for f in dataclasses.fields(kind) if f.name not in ("loc", "locs", "invalid")]
    close = difflib.get_close_matches(found[2], names, n=1)
    vi = f"; {found[1]} có các trường: {', '.join(names)}"
    en = f"; {found[1]} has the fields: {', '.join(names)}"
    if close:
        vi, en = vi + f" — có phải '{close[0]}'?", en + f" — did you mean '{close[0]}'?"
    if found[1] == "SiteConfig":
        vi += " (thông tin riêng của trang: ghi dưới 'extra' trong site.yaml)"
        en += " (a site's own facts: under 'extra' in site.yaml)"
    return vi, en


_UNDEFINED = re.compile(r"'(\w+)' is undefined")
_NO_FILTER = re.compile(r"No (filter|test) named '(\w+)'")


def _names_hint(exc: Exception, message: str, env: jinja2.Environment) -> tuple[str, str]:
    """For "'pln' is undefined" or "No filter named 'vi_dat'": the name
    probably meant, among the names the template could use where it failed
    (from the traceback) or among the filters or tests ('', '' when none is
    close)."""
    if found := _NO_FILTER.search(message):
        kind, name = found.groups()
        known = env.filters if kind == "filter" else env.tests
        close = difflib.get_close_matches(name, known, n=1)
        return (f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else ("", "")
    found = _UNDEFINED.fullmatch(message)
    if not found:
        return "", ""
    names: set[str] = set()
    tb = exc.__traceback__
    while tb is not None:  # Jinja gives a template's frames the names it could use as locals
        if tb.tb_frame.f_code.co_filename.endswith(".html"):
            names.update(name for name in tb.tb_frame.f_locals if not name.startswith("_"))
        tb = tb.tb_next
    close = difflib.get_close_matches(found[1], names, n=1)
    if close and close[0] == found[1]:  # the page has it; a macro it imports cannot see it
        return (f"; trang có '{found[1]}' nhưng macro được import không thấy biến của trang: "
                f"hãy truyền vào làm tham số của macro (hoặc import … with context)",
                f"; the page has '{found[1]}' but an imported macro cannot see the page's "
                "variables: pass it to the macro as an argument (or import … with context)")
    if close:
        return f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?"
    close = difflib.get_close_matches(found[1], env.filters, n=1)
    if close:  # a filter written as a function: vi_date(x)
        return (f"; '{close[0]}' là một bộ lọc: viết giá trị|{close[0]}",
                f"; '{close[0]}' is a filter: write value|{close[0]}")
    return "", ""


def _report(failure: tuple[str, int, int, str, str], problems: Problems) -> None:
    """A template that fails is reported like content: where, and what."""
    file, line, column, vietnamese, english = failure
    problems.error(Loc(file, line, column), "", vietnamese, english)
