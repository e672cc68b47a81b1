"""The small pieces of HTML that pages repeat by the thousand: status badges,
the links to the units in charge of a task, its budget as read.

They are Python, not Jinja macros, because a macro call costs several times
a function call and a province's pages make hundreds of thousands of them;
their look is the theme's CSS (classes ``status-…`` and ``standing-…``).
Every value is escaped here (f-strings: ``Markup.format`` is far slower).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from . import routes
from .labels import TASK_STATUSES
from .markup import escape_text
from .values import approximate
from .vietnamese import format_number


def status_badge(status: str) -> Markup:
    """What a report says of a task: 'Đã hoàn thành', 'Đang thực hiện', …"""
    return Markup(f'<span class="status status-{escape_text(status)}">'
                  f'{escape_text(TASK_STATUSES[status])}</span>')


def standing_badge(standing) -> Markup:
    """Where a task stands on the plan's reference date (see progress.standing)."""
    badge = f'<span class="standing standing-{escape_text(standing.status)}">' \
            f'{escape_text(standing.label)}</span>'
    if standing.past_due and standing.status == "no-info":
        badge += ' <span class="meta">(đã quá hạn ghi trong kế hoạch)</span>'
    return Markup(badge)


def unit_links(units, text: str, agency_id: str, rel) -> Markup:
    """The units as the plan wrote them (``text``), with links to their pages;
    only the links when the plan's own wording is not kept."""
    links = ", ".join(f'<a href="{escape_text(rel(routes.unit(agency_id, unit.id)))}">'
                      f'{escape_text(unit.name)}</a>' for unit in units)
    if not text:
        return Markup(links)
    if not units:
        return escape(text)
    return Markup(f'{escape_text(text)}<span class="unit-pages">Trang đơn vị: {links}</span>')


def budget(entry) -> Markup:
    """A task's budget cell as written and, unless it says just that, the
    amount the site reads in it (the one added into the plan's total)."""
    written = entry.task.budget
    amount = entry.budget_amount
    if amount is None:
        why = "số tiền ước chừng" if approximate(written) else \
            "không đọc được thành một số tiền" if any(c.isdigit() for c in written) else ""
        return Markup(escape_text(written) + (f' <span class="reading">({why}, không cộng vào '
                                              'tổng)</span>' if why else ""))
    reading = f"{format_number(amount)} đồng"
    if reading == written:
        return escape(written)
    return Markup(f'{escape_text(written)} <span class="reading">(trang hiểu là: {reading})</span>')
