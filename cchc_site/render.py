"""Stage 4, render: routes → HTML bytes through Jinja templates.

The theme shipped with the package is the fallback; a site's own
``templates/`` folder overrides any template (or static file) by name.
Nothing here reads the clock: the same input renders the same bytes.
"""

from __future__ import annotations

import contextvars
import io
import re
import types
from functools import lru_cache
from urllib.parse import urlsplit
from pathlib import Path

import jinja2
import jinja2.compiler
import jinja2.meta
from markupsafe import Markup

from . import charts, datasets, fragments, labels, progress, routes
from .deadlines import describe
from .indicators import dossier_indicators
from .targets import across_years
from .targets import describe as describe_target
from .link import Site, report_order
from .load import ATTACHMENTS
from .markup import (cell_heading, cell_inline, escape_text, render_cell, render_fees, render_markdown,
                     site_path)
from .search import example_query
from .routes import Route
from .values import PartialDate
from .vietnamese import format_number, format_percent, slugify, sort_key

THEME_DIR = Path(__file__).parent / "templates"


def template_dirs(site_dir: Path) -> list[Path]:
    own = site_dir / "templates"
    dirs = [own] if own.is_dir() and own.resolve() != THEME_DIR.resolve() else []
    return dirs + [THEME_DIR]


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja's code, with two shortcuts a province's pages make by the million.

    Each ``{{ value }}`` is escaped by ``markup.escape_text``: Jinja's escape()
    returns a Markup object, made only to be joined into the page (a fifth
    of the rendering); where output is kept (macros, set blocks) Jinja wraps
    the joined text in Markup itself.

    A call of a plain function or method (``rel(…)``, ``.strip()``) is made
    straight from the template's code; anything else (macros, callables
    that ask for the context) still goes through Jinja's ``context.call``,
    which first checks the callee for pass_context markers (about 0.25 µs a
    call, for 865,000 calls on a province's pages)."""

    @jinja2.compiler.optimizeconst
    def visit_Call(self, node, frame, forward_caller: bool = False) -> None:
        if forward_caller or self.environment.is_async or self.environment.sandboxed:
            return super().visit_Call(node, frame, forward_caller=forward_caller)
        self.write("(_c(")  # first, so a pending new line goes to the code, not the text below
        arguments = self._text_of(lambda: self.signature(node, frame))[2:]  # without ", "
        self.write(f"{arguments}) if type(_c := ")
        self.visit(node.node, frame)
        self.write(") in environment.plain_callables and not hasattr(_c, 'jinja_pass_arg') "
                   "else context.call(_c")
        scope = dict({"_loop_vars": "_loop_vars"} if frame.loop_frame else {},
                     **({"_block_vars": "_block_vars"} if frame.block_frame else {}))
        self.signature(node, frame, scope or None)
        self.write("))")

    def _text_of(self, write) -> str:
        """What ``write`` writes, as text instead of into the template's code."""
        stream, self.stream = self.stream, io.StringIO()
        try:
            write()
            return self.stream.getvalue()
        finally:
            self.stream = stream

    def _output_child_pre(self, node, frame, finalize) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            return super()._output_child_pre(node, frame, finalize)
        self.write("environment.escape_text(")
        if finalize.src is not None:
            self.write(finalize.src)


class _Environment(jinja2.Environment):
    """Jinja's environment with our code and escaping (above)."""

    code_generator_class = _CodeGenerator
    escape_text = staticmethod(escape_text)
    plain_callables = (types.FunctionType, types.BuiltinFunctionType, types.MethodType)

    def make_globals(self, d):
        """The environment's globals themselves for a template that adds none
        (ours never do): Jinja's ChainMap over them made every page copy and
        compare the globals key by key in Python, about 60 µs a page."""
        return super().make_globals(d) if d else self.globals


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates held in a dict (cache key → Jinja's bytecode), filled
    by ``compiled_templates`` in another process; Jinja checks each against
    its template's source before using it."""

    def __init__(self, store: dict[str, bytes]):
        self.store = store

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def compiled_templates(site_dir: Path) -> dict[str, bytes]:
    """Every HTML template of the site and theme, compiled (the rendering
    compiles and reports any that fail to compile here)."""
    store: dict[str, bytes] = {}
    load_templates(environment(site_dir, compiled=store))
    return store


def load_templates(env: jinja2.Environment) -> None:
    """Compile every HTML template of ``env`` now, not when a page first
    needs it (those that fail to compile are reported by the rendering)."""
    for name in env.list_templates(extensions=["html"]):
        try:
            env.get_template(name)
        except jinja2.TemplateError:
            continue


class TemplateEncodingError(jinja2.TemplateSyntaxError):
    """A template file that is not UTF-8 (saved as Windows-1258, say)."""


class _Loader(jinja2.FileSystemLoader):
    """Template files as UTF-8, a byte-order mark dropped (it would open every
    page); a file in another encoding is a syntax error at the line of its
    first byte that is not UTF-8, not a crash."""

    def get_source(self, environment, template):
        try:
            text, filename, uptodate = super().get_source(environment, template)
        except UnicodeDecodeError:
            pieces = jinja2.loaders.split_template_path(template)
            path = next(path for folder in self.searchpath
                        if (path := Path(folder).joinpath(*pieces)).is_file())
            data = path.read_bytes()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise TemplateEncodingError(
                    f"the file is not UTF-8 (byte 0x{data[exc.start]:02x} cannot be read)",
                    data.count(b"\n", 0, exc.start) + 1, template, str(path)) from None
            raise
        return text.removeprefix("\ufeff"), filename, uptodate


def environment(site_dir: Path, reload: bool = False,
                compiled: dict[str, bytes] | None = None) -> jinja2.Environment:
    """Templates from the site's templates/ (even if it appears later, while
    serving) and then the theme.  With ``reload`` (the dev server's) a changed
    file is recompiled on next use; without, no page stats the template files.
    ``compiled``: see ``compiled_templates``."""
    own = site_dir / "templates"
    searchpath = [THEME_DIR] if own.resolve() == THEME_DIR.resolve() else [own, THEME_DIR]
    env = _Environment(
        loader=_Loader([str(d) for d in searchpath]), auto_reload=reload,
        cache_size=-1, bytecode_cache=_Compiled(compiled) if compiled is not None else None,
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(markdown=_markdown, cell=render_cell, cell_inline=cell_inline,
                       cell_heading=cell_heading,
                       fees=render_fees, host=lambda url: urlsplit(url).netloc or url,
                       long_date=_long_date, number=_number,
                       percent=format_percent, slug=slugify, vi_date=_vi_date, vi_groups=_vi_groups,
                       vi_sort=_vi_sort,
                       newest_first=_newest_first, latest_per_agency=_latest_per_agency,
                       by_year_and_agency=_by_year_and_agency,
                       newest_per_agency=_newest_per_agency)
    env.globals.update(labels=labels, paths=routes, deadline_text=describe,
                       target_text=describe_target, status_counts=progress.counts,
                       progress=progress, bars=charts.bars, stacked=charts.stacked,
                       legend=charts.legend, status_badge=fragments.status_badge,
                       standing_badge=fragments.standing_badge, unit_links=fragments.unit_links,
                       budget=fragments.budget,
                       dossier_indicators=dossier_indicators, across_years=across_years,
                       example_query=example_query, datasets=datasets)
    return env


# on every page (see _shared_part): the end of <head> (empty in the theme: a site's stylesheet,
# icons), the header and menu, the footer
HEAD, HEADER, FOOTER = "_site_head.html", "_site_header.html", "_site_footer.html"
SHARED_PARTS = (HEAD, HEADER, FOOTER)


# a Markdown link (in a tag, not shown as code) written from the site's root ('/ke-hoach/x/',
# '/files/kh.pdf'), or to an attachment (or an image of one) as the folder's name
# ('files/kh.pdf'): made relative to the page
_SITE_LINK = re.compile(rf'(<(?:a|img)\s[^>]*?(?:href|src)=")(?:/(?!/)([^"]*)|({ATTACHMENTS}/[^"]+))"')


# the page being rendered: its rel(), and the first folders of the site's own addresses
_PAGE_REL: contextvars.ContextVar = contextvars.ContextVar("page_rel")
_SECTIONS: contextvars.ContextVar = contextvars.ContextVar("sections", default=frozenset())


# what an address may not hold as it is (Markdown takes '[x](</files/Kế hoạch.pdf>)' and
# even '[x](/files/Kế hoạch.pdf)' as written); letters with diacritics are allowed
_UNSAFE = re.compile(r'[ <>\\^`{|}]')


def _relinked(match: re.Match, rel) -> str:
    if match[3] is not None:
        return f'{match[1]}{rel(_escaped(match[3]))}"'
    own = site_path(match[2], _SECTIONS.get())
    if own is None:  # a page of the host's site: left as written
        return match[0]
    path, rest = own  # rest: '?q=…', '#nv-i-9', as written
    return f'{match[1]}{rel(_escaped(path))}{rest}"'


def _escaped(path: str) -> str:
    return _UNSAFE.sub(lambda m: f"%{ord(m[0]):02X}", path) if _UNSAFE.search(path) else path


def _markdown(text: str, top: int = 3) -> Markup:
    """Markdown as HTML (see markup.render_markdown), its links from the
    site's root and to attachments made to work from the page being
    rendered, whatever its depth and the site's sub-path (the page's
    ``rel``, set by render_route: a macro imported without context has none
    of its own)."""
    html = render_markdown(text, top)
    if '="/' not in html and f'"{ATTACHMENTS}/' not in html:
        return html
    rel = _PAGE_REL.get()
    return Markup(_SITE_LINK.sub(lambda match: _relinked(match, rel), html))


def templates_using(env: jinja2.Environment, names: set[str]) -> set[str]:
    """``names`` and every HTML template that runs one of them, extending,
    importing or including it at any depth; a template that names another
    only when rendering, or does not parse, is counted in."""
    references = {}
    for name in env.list_templates(extensions=["html"]):
        try:
            source = env.loader.get_source(env, name)[0]
            references[name] = set(jinja2.meta.find_referenced_templates(env.parse(source)))
        except jinja2.TemplateSyntaxError:
            references[name] = {None}
    using = set(names)
    while more := {name for name, found in references.items()
                   if name not in using and (None in found or found & using)}:
        using |= more
    return using


def render_route(env: jinja2.Environment, site: Site, route: Route, common: dict) -> str:
    """The page's HTML; ``common`` keeps, for one build, the fragments that
    many pages show alike."""
    template = env.get_template(route.template)
    rel = _linker(route, site.config.base_url)
    _PAGE_REL.set(rel)  # for the Markdown filter, also where a macro has no context
    _SECTIONS.set(site.sections)
    return template.render(site=site, config=site.config, route=route, rel=rel,
                           canonical=site.config.base_url.rstrip("/") + "/" + route.path,
                           site_head=_shared_part(env, HEAD, site, route, common),
                           site_header=_shared_part(env, HEADER, site, route, common),
                           site_footer=_shared_part(env, FOOTER, site, route, common),
                           **route.context)


def _shared_part(env: jinja2.Environment, name: str, site: Site, route: Route,
                 common: dict) -> Markup:
    """The header and main menu, or the footer, rendered once for all the
    pages at the same depth under the same menu entry: they show the same
    one, and a province has thousands of them."""
    # the menu entry's own page is the current page; a page under it, in the current section
    current = "page" if route.path == route.section else "true"
    key = (name, route.absolute_links, route.path.count("/"), route.section, current)
    part = common.get(key)
    if part is None:
        upward = _upward(route, site.config.base_url)
        page_rel = _PAGE_REL.set(upward)  # its Markdown's links too: shared, they go up first
        try:
            part = common[key] = Markup(env.get_template(name).render(
                site=site, config=site.config, section=route.section, current=current,
                rel=upward))
        finally:
            _PAGE_REL.reset(page_rel)
    return part


def _upward(route: Route, base_url: str):
    """Links from the page up to the site's root and down to the target: the
    same for every page at its depth (absolute from the root on pages that
    may be served at any address, such as 404.html)."""
    if route.absolute_links:
        root = site_root(base_url)
        return lambda target: root + target
    up = "../" * route.path.count("/")

    def rel(to_path: str) -> str:
        target, _, anchor = to_path.partition("#")
        if not target or target.endswith("/"):
            target += "index.html"
        return up + target + (f"#{anchor}" if anchor else "")
    return rel


def _linker(route: Route, base_url: str):
    """The page's ``rel(target)``: the link from it to a site path.  A page
    makes a few dozen links, most of them out of its own top folder (the
    units, the reports), which go up to the root and down to the target;
    only links within the folder need their common part worked out."""
    upward = _upward(route, base_url)
    own = route.section
    if route.absolute_links or not own:
        return upward

    def rel(to_path: str) -> str:
        if to_path.startswith(own):
            return relative_url(route.path, to_path)
        return upward(to_path)
    return rel


@lru_cache(maxsize=65536)
def relative_url(from_path: str, to_path: str) -> str:
    """The link from the page at ``from_path`` to ``to_path`` (both site
    paths such as 'ke-hoach/x/'): relative, so the site works under any
    sub-path, and naming index.html, so it also works opened from the disk."""
    target, _, anchor = to_path.partition("#")
    if not target or target.endswith("/"):
        target += "index.html"
    here = from_path.split("/")[:-1]  # the page's folder: 'a/b/' and 'a/b/x.html' → [a, b]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    return rel + (f"#{anchor}" if anchor else "")


def site_root(base_url: str) -> str:
    """The path part of the base URL: '/cchc/' for 'https://x.gov.vn/cchc/'."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _number(value) -> str:
    return "" if value is None else format_number(value)


def _vi_date(value: PartialDate | None) -> str:
    return value.vietnamese() if value else ""


def _long_date(value: PartialDate | None) -> str:
    """As a document heading writes it: 'ngày 28 tháng 01 năm 2023'."""
    if value is None:
        return ""
    # as Nghị định 30/2020 writes dates: a 0 before days under 10 and months 1 and 2 only
    parts = [f"ngày {value.day:02d}"] if value.day else []
    parts += [f"tháng {value.month:02d}" if value.month <= 2 else f"tháng {value.month}"] \
        if value.month else []
    return " ".join(parts + [f"năm {value.year}"])


def _newest_first(reports):
    """The latest period first; the reports of one period in the order of
    their ids ('so-2' before 'so-10'), as the plans list goes."""
    in_order = sorted(reports, key=lambda report: sort_key(report.id))
    return sorted(in_order, key=lambda report: report_order(report)[:2], reverse=True)


def _latest_per_agency(records, site: Site) -> list:
    """Each agency's plans of its latest year, newest first, by agency in
    Vietnamese order: what a province's home page lists."""
    latest: dict[str, int] = {}
    for record in records:
        latest[record.agency] = max(latest.get(record.agency, record.year), record.year)
    kept = [r for r in records if r.year == latest[r.agency]]
    name = _agency_names(kept, site)
    return sorted(kept, key=lambda r: (sort_key(name[r.agency]), -r.year, r.id))


def _agency_names(records, site: Site) -> dict[str, str]:
    """The name of each record's agency, its id where the site has none."""
    return {r.agency: site.agencies[r.agency].name if r.agency in site.agencies else r.agency
            for r in records}


def _by_year_and_agency(records, site: Site) -> list:
    """The newest year first, each year's by agency in Vietnamese order, as
    the home page lists them (not by file name: 'so-khcn' before 'so-khdt'
    put Khoa học before Kế hoạch)."""
    name = _agency_names(records, site)
    return sorted(records, key=lambda r: (-r.year, sort_key(name[r.agency]), r.id))


def _newest_per_agency(reports) -> list:
    """Each agency's newest report, by year and period (the first of its
    files where two are of one period): a province's home page lists these,
    not the four of each agency's latest year."""
    newest: dict[str, object] = {}
    for report in reports:
        kept = newest.get(report.agency)
        if kept is None or report_order(report)[:2] > report_order(kept)[:2]:
            newest[report.agency] = report
    return list(newest.values())


def _vi_sort(items, attribute: str | None = None):
    return sorted(items, key=lambda item: sort_key(str(_attribute(item, attribute))))


def _vi_groups(items, attribute: str) -> list[tuple[str, list]]:
    """``items`` grouped by ``attribute``, the groups in Vietnamese order
    (Jinja's groupby sorts by code point: 'Đo lường' after 'Ô tô'), each
    group's items in the order given."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(_attribute(item, attribute), []).append(item)
    return sorted(groups.items(), key=lambda group: sort_key(str(group[0])))


def _attribute(item, attribute: str | None):
    for part in (attribute.split(".") if attribute else []):
        item = getattr(item, part)
    return item
