"""Charts drawn at build time as inline SVG: no JavaScript, no request.

Every chart is a picture of a table printed next to it; the SVG itself
also carries a title and a text summary for screen readers.  Each segment
is labelled with text, never told apart by colour alone.
"""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from .markup import escape_text
from .vietnamese import format_number

_ROW = 50  # a label line above each bar, so labels stay readable on a phone
_TOP = 28  # the first bar's top: room above it for its label, 'Ề' and 'Ỗ' marks included
_WIDTH = 480
_BAR = _WIDTH - 60
_FONT = 20  # the largest size the stylesheet gives chart text (on a phone), in SVG units


def _svg(chart_id: str, title: str, summary: str, height: int, body: list[str]) -> Markup:
    head = (f'<svg class="chart" id="{chart_id}" role="img" viewBox="0 0 {_WIDTH} {height}" '
            f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart_id}-t">{escape_text(title)}</title>'
            f'<desc id="{chart_id}-d">{escape_text(summary)}</desc>')
    return Markup(head + "".join(body) + "</svg>")


def _text_width(text: str) -> float:
    """A generous estimate of ``text``'s width at ``_FONT``: capitals are wider."""
    return _FONT * sum(0.78 if c.isupper() else 0.32 if c == " " else 0.64 for c in text)


def _label(y: float, text: str) -> str:
    """A bar's label, shortened to the chart's width at a word's end ('VII.
    CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH, …', not '…, T…'); the full text is in the
    table beside the chart and in its summary."""
    short = text
    while _text_width(short) > _WIDTH:
        words = short.rstrip("…").rstrip().split(" ")
        short = (" ".join(words[:-1]) if len(words) > 1 else words[0][:-2]).rstrip(",;:") + " …"
    return f'<text x="0" y="{y:.1f}" class="chart-label">{escape_text(short)}</text>'


def legend(parts: list[tuple[str, str, int]]) -> Markup:
    """The colours of a stacked chart, named, as an HTML list under it."""
    items = "".join(f'<li><span class="swatch seg-{escape_text(key)}" aria-hidden="true"></span>'
                    f'{escape_text(label)}</li>' for key, label, count in parts if count)
    return Markup(f'<ul class="legend">{items}</ul>')


def bars(chart_id: str, title: str, rows: list[tuple[str, int | Decimal]], unit: str = ""
         ) -> Markup:
    """One horizontal bar per row, scaled to the largest value."""
    top = max((float(v) for _, v in rows), default=0) or 1
    values = [f"{format_number(value)}{unit}" for _, value in rows]
    room = _WIDTH - 6 - max((_text_width(v) for v in values), default=0)  # values end in view
    body = []
    for i, ((label, value), shown) in enumerate(zip(rows, values)):
        y = i * _ROW + _TOP
        width = room * float(value) / top
        body.append(_label(y - 4, label))
        body.append(f'<rect x="0" y="{y}" width="{width:.1f}" height="20" class="bar"/>')
        body.append(f'<text x="{width + 6:.1f}" y="{y + 15}" class="chart-value">'
                    f'{escape_text(shown)}</text>')
    summary = "; ".join(f"{label}: {shown}" for (label, _), shown in zip(rows, values))
    return _svg(chart_id, title, summary, len(rows) * _ROW + _TOP - 10, body)


# segments whose colour is close to another's (no-info to not-started and cancelled, done to
# done-on-time) are striped as well, with a darker shade: the counts on them keep their contrast
HATCHED = {"no-info": "#555", "done": "#00585e"}


def _hatches(chart_id: str) -> str:
    patterns = "".join(
        f'<pattern id="{chart_id}-{key}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="3" height="6" fill="{shade}"/></pattern>'
        for key, shade in HATCHED.items())
    return f"<defs>{patterns}</defs>"


def stacked(chart_id: str, title: str, rows: list[tuple[str, list[tuple[str, str, int]]]]
            ) -> Markup:
    """One bar per row split into (key, label, count) segments; each segment
    wide enough carries its count, and its label is in its tooltip and the summary."""
    top = max((sum(c for _, _, c in parts) for _, parts in rows), default=0) or 1
    body, summary = [_hatches(chart_id)], []
    for i, (label, parts) in enumerate(rows):
        y, x = i * _ROW + _TOP, 0.0
        body.append(_label(y - 4, label))
        for key, part_label, count in parts:
            if not count:
                continue
            width = _BAR * count / top
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="20" '
                        f'class="seg seg-{key}"><title>{escape_text(part_label)}: {count}</title></rect>')
            if key in HATCHED:
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="20" '
                            f'class="seg" fill="url(#{chart_id}-{key})" aria-hidden="true"/>')
            if width >= 14:
                body.append(f'<text x="{x + width / 2:.1f}" y="{y + 15}" text-anchor="middle" '
                            f'class="seg-count">{count}</text>')
            x += width
        summary.append(f"{label}: " + ", ".join(f"{pl} {c}" for _, pl, c in parts if c))
    return _svg(chart_id, title, "; ".join(summary), len(rows) * _ROW + _TOP - 10, body)
