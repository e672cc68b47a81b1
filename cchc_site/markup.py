"""Text → safe HTML: Markdown for prose, plain text for table cells.

Anyone who can open a pull request can put text into the site, so raw HTML
in Markdown goes through an allow-list sanitiser (nh3, the Rust ammonia
library) and only http(s), mailto and relative links survive; an image only
from the site's own attachments (content/files/).
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import markupsafe
import nh3
from markupsafe import Markup, escape

try:  # MarkupSafe 3: its C escaping, without the Markup object escape() wraps it in
    from markupsafe import _escape_inner
except ImportError:  # older: escape() is the C function itself
    _escape_inner = markupsafe.escape

_ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5",
                 "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup",
                 "table", "tbody", "td", "th", "thead", "tr", "u", "ul"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "img": {"src", "alt"},
                       "td": {"align"}, "th": {"align"}, "ol": {"start"}}
_ATTACHED = re.compile(r"/?files/[^\\]+")  # an attachment, from the site's root (see render)


def _attachment_images_only(tag: str, attribute: str, value: str) -> str | None:
    """An image is shown only from the site's own attachments: the published
    site fetches nothing from another, at build or view time."""
    if tag == "img" and attribute == "src" and not _ATTACHED.fullmatch(value):
        return None
    return value
_PATH_AND_REST = re.compile(r"([^#?]*)(.*)", re.S)  # 'ke-hoach/x' and '?q=…#nv-i-9'
# the site's file types, a link to which names a file, not a page ('/du-lieu/nhiem-vu.csv')
_FILE_TYPES = frozenset("csv json xml txt js css svg png jpg jpeg gif webp pdf doc docx xls xlsx "
                        "ppt pptx odt ods zip rar html".split())


def site_path(target: str, sections: frozenset[str]) -> tuple[str, str] | None:
    """A link written from the site's root ('ke-hoach/x#nv-i-9', without its
    '/') as (site path, what follows it): a page's folder ends with '/'
    ('ke-hoach/x' is the page ke-hoach/x/, 'ke-hoach/index.html' the page
    ke-hoach/). None when its first folder is not one of the site's
    ``sections`` nor files/ or static/: a page of the host's own site
    ('/van-ban/12' under https://tinh.gov.vn/cchc/), left as written."""
    path, rest = _PATH_AND_REST.match(target).groups()
    first = path.split("/", 1)[0]
    if path and first not in sections and first not in ("files", "static") and not (
            "/" not in path and first.rsplit(".", 1)[-1].lower() in _FILE_TYPES):
        return None
    if first == "files" or path.rsplit(".", 1)[-1].lower() in _FILE_TYPES - {"html"}:
        return path, rest  # an attachment or a file made with a page, whatever its name
    if path.endswith("index.html"):
        path = path[:-len("index.html")]
    elif path and not path.endswith(("/", ".html")):  # '404.html' is a page of its own name
        path += "/"
    return path, rest


_LIST_START = re.compile(r"^\s*[-–]\s+")
_LIST_SPLIT = re.compile(r"\s+-\s*(?=\S)")


@lru_cache(maxsize=4096)
def _convert(text: str, top: int) -> str:
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = _shift_headings(html, top)
    return nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                     attribute_filter=_attachment_images_only,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")


def _shift_headings(html: str, top: int) -> str:
    """A section body sits under the page's h1 and the section's h2: its
    highest heading becomes ``top`` (h3 there) and the others follow, so the
    outline stays in order whatever level the editor started at."""
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    if not levels:
        return html
    offset = top - min(levels)

    def shift(match: re.Match) -> str:
        return f"<{match.group(1)}h{min(int(match.group(2)) + offset, 6)}"
    return re.sub(r"<(/?)h([1-6])", shift, html)


def escape_text(value) -> str:
    """``value`` escaped for HTML as MarkupSafe's escape() escapes it, as plain
    text: for the pieces of a larger fragment (and each ``{{ value }}`` of a
    page), where a Markup object would be made only to be joined."""
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_inner(str(value))


def render_markdown(text: str, top: int = 3) -> Markup:
    return Markup(_convert(text or "", top))


def cell_items(text: str) -> list[str]:
    """A table cell written as '- a; - b', or on several lines (paragraphs of
    a Word cell), holds a list: return its items.  Any other cell is one
    item, exactly as written."""
    if text and "\n" in text.strip():
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        return [_LIST_START.sub("", line, count=1) for line in lines]
    if not text or not _LIST_START.match(text):
        return [text] if text else []
    body = _LIST_START.sub("", text, count=1)
    return [item.strip() for item in _LIST_SPLIT.split(body) if item.strip()]


def cell_inline(text: str) -> str:
    """A cell on one line, for headings: each item closed by its own full stop,
    or by ';' when it has none (never both: 'nước).; Phấn đấu')."""
    items = [item.rstrip("; ") for item in cell_items(text)]
    closed = [item if item.endswith((".", "!", "?")) else item + ";" for item in items[:-1]]
    return " ".join(closed + items[-1:])


def cell_heading(text: str) -> tuple[str, Markup]:
    """A cell as a heading and what goes under it: a first line over a list
    ('Rà soát TTHC' over '- Lĩnh vực đất đai', '- Lĩnh vực môi trường') is
    the heading, the list under it; any other cell is the heading, on one
    line (see cell_inline), with nothing under it."""
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    if len(lines) > 1 and not _LIST_START.match(lines[0]) and \
            all(_LIST_START.match(line) for line in lines[1:]):
        return lines[0], _list([_LIST_START.sub("", line, count=1) for line in lines[1:]])
    return cell_inline(text), Markup("")


def _list(items: list[str]) -> Markup:
    return Markup('<ul class="cell-list">' + "".join(f"<li>{escape_text(item)}</li>" for item in items)
                  + "</ul>")


def render_cell(text: str) -> Markup:
    items = cell_items(text)
    if len(items) <= 1:
        return escape(items[0] if items else "")
    return _list(items)


_BEFORE_DONG = re.compile(r"(?<=\d) (?=(?:đ|đồng)(?!\w))")  # '2.000.000 đ': never split there


def render_fees(text: str) -> Markup:
    """A fee cell as written: a price list ('Thiết bị A: 2.000.000 đ; Thiết bị
    B: 3.000.000 đ; …', three items or more) one item a line, each keeping
    its ';', and an amount never parted from its 'đ'."""
    items = [item.strip() for item in text.split("; ")] if text.count("; ") >= 2 else [text]
    items = [_BEFORE_DONG.sub("\u00a0", item) + (";" if i < len(items) - 1 else "")
             for i, item in enumerate(items)]  # the ';' kept: the words are the source's
    if len(items) <= 1:
        return escape(items[0] if items else "")
    return _list(items)

