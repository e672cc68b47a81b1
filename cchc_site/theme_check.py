"""A site's own templates, checked for what would publish pages silently
wrong: a template that does not parse (even one no page uses yet: the first
catalogue added would meet it), and a block its parent layout does not have
('{% block mian %}', or a base.html without the 'main' block the theme's
pages fill), whose content no page would show."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2 import nodes

from .problems import line_column

Failure = tuple[str, int, int, str, str]  # (file, line, column, Vietnamese, English)


def theme_failures(env: jinja2.Environment, own: Path, site_dir: Path,
                   explain: Callable[[jinja2.TemplateError], str]) -> list[Failure]:
    """The failures of the templates in ``own`` (the site's templates/), and of
    the theme's where one of the site's is their layout; ``explain`` says in
    Vietnamese what a Jinja error means."""
    own_names = set(jinja2.FileSystemLoader(str(own)).list_templates())
    trees: dict[str, nodes.Template | None] = {}
    failures: list[Failure] = []

    def shown(name: str, filename: str = "") -> str:
        path = Path(filename or env.loader.get_source(env, name)[1])
        try:
            return path.resolve().relative_to(site_dir.resolve()).as_posix()
        except ValueError:
            return f"{name} (giao diện có sẵn / the built-in theme)"

    def tree(name: str) -> nodes.Template | None:
        if name not in trees:
            try:  # reading it may fail too: a file that is not UTF-8
                source, filename, _ = env.loader.get_source(env, name)
                trees[name] = env.parse(source, name, filename)
            except jinja2.TemplateSyntaxError as exc:
                trees[name] = None
                if name in own_names:
                    line, column = place_of(Path(exc.filename), exc.lineno, exc.message or "")
                    failures.append((shown(name, exc.filename), line, column,
                                     f"mẫu trang lỗi: {explain(exc)}{exc.message}",
                                     f"the template does not parse: {exc.message}"))
        return trees[name]

    lost: dict[tuple[str, str, str], list[str]] = {}  # (layout, its parent, block) → templates
    for name in sorted(env.list_templates(extensions=["html"])):
        parsed = tree(name)
        parent = _parent(parsed) if parsed is not None else None
        if parent is None:
            continue
        chain = _chain(parent, tree)
        if not (name in own_names or own_names & {layout for layout, _ in chain}):
            continue  # the theme's own: tested with the package
        if not chain:  # the layout named is not there
            close = difflib.get_close_matches(parent, env.list_templates(extensions=["html"]), n=1,
                                              cutoff=0.8)
            failures.append((shown(name), 1, 1,
                             f"mẫu {name} mở rộng (extends) mẫu khung '{parent}' nhưng không có "
                             "mẫu ấy" + (f"; có phải '{close[0]}'?" if close else ""),
                             f"{name} extends the layout '{parent}', which does not exist"
                             + (f"; did you mean '{close[0]}'?" if close else "")))
            continue
        offered = {block for _, blocks in chain for block in blocks}
        for block in _top_blocks(parsed):  # a block inside one is a hook for its children
            if block.name in offered:
                continue
            listed = ", ".join(sorted(offered)) or "—"
            if name not in own_names:  # the site's layout lost a block the theme's pages fill
                layout = next(layout for layout, _ in chain if layout in own_names)
                lost.setdefault((layout, listed, block.name), []).append(name)
                continue
            close = difflib.get_close_matches(block.name, sorted(offered), n=1)
            hint_vi = f"; có phải '{close[0]}'?" if close else ""
            hint_en = f"; did you mean '{close[0]}'?" if close else ""
            failures.append((shown(name), block.lineno, 1,
                             f"khối '{block.name}' của mẫu {name} không có trong mẫu khung "
                             f"{parent} (các khối của nó: {listed}), nên nội dung khối ấy không "
                             f"hiện trên trang nào{hint_vi}",
                             f"the block '{block.name}' of {name} is not in its layout {parent} "
                             f"(whose blocks are: {listed}), so no page would show it{hint_en}"))
    for (layout, listed, block), users in lost.items():
        named = ", ".join(users[:4]) + (f" và {len(users) - 4} mẫu khác" if len(users) > 4 else "")
        named_en = ", ".join(users[:4]) + (f" and {len(users) - 4} more" if len(users) > 4 else "")
        failures.append((shown(layout), 1, 1,
                         f"mẫu khung {layout} không có khối '{block}' (chỉ có: {listed}) mà các "
                         f"mẫu {named} của giao diện điền nội dung vào: trang dùng chúng sẽ trống; "
                         f"hãy thêm {{% block {block} %}}{{% endblock %}} vào chỗ nội dung ấy hiện",
                         f"the layout {layout} has no block '{block}' (only: {listed}), which the "
                         f"theme's {named_en} fill: their pages would be empty; put "
                         f"{{% block {block} %}}{{% endblock %}} where that content goes"))
    return failures


def _top_blocks(node: nodes.Node):
    """The blocks a template fills, not those nested in them."""
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child
        else:
            yield from _top_blocks(child)


def _parent(tree: nodes.Template) -> str | None:
    """The layout a template extends, when it names one plainly."""
    extends = next(tree.find_all(nodes.Extends), None)
    if extends is None or not isinstance(extends.template, nodes.Const):
        return None
    return extends.template.value


def _chain(layout: str, tree) -> list[tuple[str, set[str]]]:
    """The layout and those it extends in turn, each with its blocks."""
    chain, seen = [], set()
    while layout and layout not in seen:
        seen.add(layout)
        try:
            parsed = tree(layout)
        except jinja2.TemplateNotFound:
            break
        if parsed is None:
            break
        chain.append((layout, {block.name for block in parsed.find_all(nodes.Block)}))
        layout = _parent(parsed)
    return chain


_BLOCK_TAG = re.compile(r"\{%[-+]?\s*(\w+)([^%]*)%\}|\{#.*?#\}", re.DOTALL)
_OPENS = {"if", "for", "block", "macro", "call", "filter", "with", "raw", "autoescape", "trans"}
_UNCLOSED = re.compile(r"innermost block that needs to be closed is '(\w+)'")


# a resource a page would load from another host: a script, a stylesheet or font, an image or a
# frame (a <link> only of these kinds: rel="canonical" or "alternate" to another address loads nothing)
_LOADING_TAG = re.compile(r"<(script|link|img|iframe|video|audio|source|embed|object)\b([^>]*)>",
                          re.IGNORECASE)
_REMOTE = re.compile(r"""\b(?:src|href|data|srcset)\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""",
                     re.IGNORECASE)
_LOADING_LINK = re.compile(r"""\brel\s*=\s*["']?[^"'>]*\b(?:stylesheet|icon|preload|modulepreload|"""
                           r"""prefetch|manifest)\b""", re.IGNORECASE)
_CSS_REMOTE = re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)|@import\s+["']((?:https?:)?//[^"']+)""",
                         re.IGNORECASE)
_COMMENT = re.compile(r"\{#.*?#\}|<!--.*?-->|/\*.*?\*/", re.S)  # Jinja's, HTML's and CSS's
_STATIC_FILE = re.compile(r"""["'(]static/([\w./-]+\.\w+)["')]""")  # rel('static/logo.png')


def file_warnings(site_dir: Path, theme: Path) -> list[Failure]:
    """What the site's own templates and stylesheets would publish wrong
    without failing: a resource loaded from another host (the published
    site fetches nothing from elsewhere, nor lets another host see who
    reads it), and a file of static/ they name that neither the site's
    templates/static/ nor the theme's has."""
    own = site_dir / "templates"
    found = []
    if not own.is_dir() or own.resolve() == theme.resolve():  # the theme's own repository
        return found
    for path in sorted(own.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        text = _COMMENT.sub(lambda c: re.sub(r"[^\n]", " ", c[0]),  # kept: lines and columns
                            path.read_bytes().decode("utf-8", errors="replace"))
        shown = path.relative_to(site_dir).as_posix()
        for at, url in _remote_loads(text):
            line, column = line_column(text, at)
            found.append((shown, line, column,
                          f"mẫu cho trang tải '{url}' từ trang web khác: trang công khai phải tự "
                          "chứa mọi thứ nó cần, không tải gì từ nơi khác (kể cả mã theo dõi, phông "
                          "chữ, thư viện) để trang vẫn chạy khi mạng chậm và không nơi nào khác biết "
                          "ai đọc; hãy chép tệp vào templates/static/",
                          f"the template makes pages load '{url}' from another host: the public "
                          "site holds all it needs and loads nothing from elsewhere (no tracking "
                          "code, fonts or libraries either); copy the file into templates/static/"))
        for match in _STATIC_FILE.finditer(text) if path.suffix == ".html" else ():
            name = match.group(1)
            if not ((own / "static" / name).is_file() or (theme / "static" / name).is_file()):
                line, column = line_column(text, match.start() + 1)  # at "static/"
                found.append((shown, line, column,
                              f"mẫu dùng tệp 'static/{name}' nhưng không có tệp "
                              f"templates/static/{name}; hãy thêm tệp hay sửa tên",
                              f"the template uses 'static/{name}', but there is no "
                              f"templates/static/{name}; add it or correct the name"))
    return found


def _remote_loads(text: str) -> list[tuple[int, str]]:
    """(offset, address) of each resource ``text`` loads from another host."""
    found = [(m.start(), next(g for g in m.groups() if g)) for m in _CSS_REMOTE.finditer(text)]
    for tag in _LOADING_TAG.finditer(text):
        if tag[1].lower() == "link" and not _LOADING_LINK.search(tag[2]):
            continue
        found += [(tag.start(), remote[1]) for remote in _REMOTE.finditer(tag[2])]
    return sorted(found)


def place_of(template: Path, line: int, message: str) -> tuple[int, int]:
    """(line, column) to point a template error at: for a block left open
    (Jinja reports where it noticed, often the template's end), the tag that
    opened it; else the line Jinja names, at the name its message quotes."""
    unclosed = _UNCLOSED.search(message)
    if unclosed:
        try:
            source = template.read_text(encoding="utf-8", errors="replace")
        except OSError:
            source = ""
        opened: list[tuple[str, int]] = []
        for tag in _BLOCK_TAG.finditer(source):
            name = tag.group(1)
            if name is None:
                continue  # a comment
            on = source.count("\n", 0, tag.start()) + 1
            if on > line:
                break
            if name in _OPENS or name == "set" and "=" not in tag.group(2):
                opened.append((name, tag.start()))
            elif on < line and name.startswith("end") and any(n == name[3:] for n, _ in opened):
                while opened.pop()[0] != name[3:]:
                    pass
        at = next((start for name, start in reversed(opened) if name == unclosed[1]), None)
        if at is not None:
            return line_column(source, at)
    return line, column_of(template, line, message)


def column_of(template: Path, line: int, message: str) -> int:
    """Where on the template's line the name Jinja's message quotes is written
    ('khong_co' of "... has no attribute 'khong_co'", the filter of "No filter
    named 'x'"): the last one found there; 1 when none is."""
    try:
        text = template.read_text(encoding="utf-8", errors="replace").split("\n")[line - 1]
    except (OSError, IndexError):
        return 1
    for name in reversed(re.findall(r"'([^']+)'", message)):
        if name in text:
            return text.index(name) + 1
    return 1
