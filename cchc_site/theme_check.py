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
            return source.count("\n", 0, at) + 1, at - source.rfind("\n", 0, at)
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
