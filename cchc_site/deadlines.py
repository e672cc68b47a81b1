"""Deadline wording (``Quý I``, ``Trước ngày 30/11``, ``Thường xuyên``…) → structure.

Plans write deadlines in free Vietnamese; this reads the forms found in real
plans into a due date, milestones, a recurrence, "ongoing", "on an event" or
"when another document says".
The original wording is always kept; what cannot be read stays ``unknown``
and the editor is told how to give an explicit date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta

from .vietnamese import strip_diacritics

DATE, ONGOING, RECURRING, EVENT, REFERRED, NONE, UNKNOWN = (
    "date", "ongoing", "recurring", "event", "referred", "none", "unknown")
KIND_LABELS = {DATE: "có hạn", ONGOING: "thường xuyên", RECURRING: "định kỳ",
               EVENT: "khi có sự kiện", REFERRED: "theo thời hạn của văn bản khác",
               NONE: "không ghi", UNKNOWN: "chưa đọc được"}


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: str
    due: date | None = None
    precision: str = ""  # day, month, quarter, half, year
    recurrence: tuple[str, ...] = ()  # month, quarter, half, year
    event: str = ""
    milestones: tuple[Deadline, ...] = field(default_factory=tuple)
    starts: date | None = None  # 'Từ tháng 3/2027': ongoing from this day, with no end

    @property
    def interpreted(self) -> bool:
        return self.kind not in (UNKNOWN, NONE)


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_IN_YEAR = r"(?:\s*(?:/|nam)\s*(?P<y>\d{4}))?(?!\d|\s*/\s*\d)"  # not a mistyped year ('/20277')
_THEN = r"(?:\s*(?:-|–|den|,|va)\s*)"  # a range (due at its end) or a list (due at its last)
# 'Đầu quý II', 'Giữa tháng 6', 'Trung tuần tháng 3': a part of the period, due at its end
_PART = r"(?:(?P<part>tuan dau|dau|giua|cuoi|thuong tuan|trung tuan|ha tuan)\s*)?"
_QUARTERS = re.compile(r"\bquy\s*(?:iv|iii|ii|i|[1-4])(?:" + _THEN +
                       r"(?:quy\s*)?(?P<q>iv|iii|ii|i|[1-4])\b)+" + _IN_YEAR)  # 'Quý II, III'
_QUARTER = re.compile(r"\b" + _PART + r"quy\s*(?P<q>iv|iii|ii|i|[1-4])\b" + _IN_YEAR)
_HALF = re.compile(r"\b6\s*thang\s*(?P<which>dau|cuoi)\s*nam(?:\s*(?P<y>\d{4}))?")
_LONG_DAY = re.compile(r"\bngay\s*(?P<d>\d{1,2})\s*thang\s*(?P<m>\d{1,2})(?:\s*nam\s*(?P<y>\d{4}))?")
_DAY = re.compile(r"\b(?:ngay\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})" + _IN_YEAR + r"\b")
_MONTHS = re.compile(r"\bthang\s*\d{1,2}(?:" + _THEN + r"(?:thang\s*)?(?P<m>\d{1,2})(?!\d))+"
                     + _IN_YEAR)
_MONTH = re.compile(r"\b" + _PART + r"thang\s*(?P<m>\d{1,2})" + _IN_YEAR + r"\b")
_YEARS = re.compile(r"\b(?:nam|tu)\s*\d{4}(?:" + _THEN + r"(?:nam\s*)?(?P<y>\d{4}))+\b")  # 'Từ 2026 đến 2030'
_YEAR = re.compile(r"\b" + _PART + r"nam\s*(?P<y>\d{4})\b")
_BARE_YEAR = re.compile(r"^(?P<y>\d{4})$")  # a cell holding only '2026' (Excel's number)
_BARE_MONTH = re.compile(r"^(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})$")  # '6/2025', as 'date' takes it
_PLAN_YEAR = re.compile(r"\b(?:trong|(?P<part>dau|giua|cuoi))\s*nam\b(?!\s*\d)")  # 'Cuối năm'
_NEXT_YEAR = re.compile(r"\bnam\s*(?:sau|toi|tiep theo|ke tiep)\b")
_THIS_YEAR = re.compile(r"\bnam\s*nay\b")
# the month a part of a year or quarter ends in, and the day a part of a month ends on
_YEAR_PARTS = {"dau": 3, "tuan dau": 3, "giua": 9}  # đầu năm: quý I; giữa năm: quý II–III
_QUARTER_PARTS = {"dau": 2, "tuan dau": 2, "giua": 1}  # months before the quarter's last
_MONTH_PARTS = {"tuan dau": 7, "dau": 10, "thuong tuan": 10, "giua": 20, "trung tuan": 20}
_ONGOING = re.compile(r"\b(thuong xuyen|lien tuc|hang ngay|suot nam|ca nam)\b")
_RECURRING = re.compile(r"\b(dinh ky|hang thang|hang quy|hang nam|moi thang|moi quy)\b")
_EVENT = re.compile(r"^(khi\b|theo (chi dao|yeu cau|huong dan)|"
                    r"sau khi\b|ngay sau khi\b|kip thoi\b|dot xuat\b)")  # 'Đột xuất': when needed
# 'Theo Kế hoạch số 12/KH-UBND', 'Theo thời gian quy định của Bộ': due when another document says
_REFERRED = re.compile(r"^theo (ke hoach|thoi gian quy dinh|quy dinh|lo trinh|tien do)\b")
# the periods reports are made for, listed as one task's deadline ('Quý I, 6 tháng, 9 tháng,
# năm'): each due at the end of its period of the plan's year, the task at the last
_PERIOD_WORD = r"(?:quy\s*(?:iv|iii|ii|i|[1-4])|6\s*thang|9\s*thang|(?:ca\s*)?nam)"
_PERIOD_LIST = re.compile(r"^(?:bao cao\s*)?" + _PERIOD_WORD + r"(?:\s*(?:,|\bva\b)\s*"
                          + _PERIOD_WORD + r")+(?:\s*(?P<y>\d{4}))?$")
_PERIOD_SEPARATOR = re.compile(r"\s*(?:,|\b(?:và|va)\b)\s*", re.IGNORECASE)
_PERIOD_ENDS = {"6 thang": (6, "half"), "9 thang": (9, "quarter"), "nam": (12, "year"),
                "ca nam": (12, "year")}
# 'Từ tháng 3/2027', 'Kể từ 01/7', 'Sau Quý I': when the work starts, not when it is due;
# 'Năm 2027 và các năm tiếp theo', 'Quý I và các quý sau', 'từ 2027 trở đi': from then on
# (a range 'Từ… đến…' is due at its end)
_FROM = re.compile(r"^(?:(?P<after>sau|tu sau)|ke tu|bat dau(?:\s*tu)?|tu)\s+(?!khi\b|do\b)")
_ONWARDS = re.compile(r"\s*(?:,\s*|\bva\s*)?\b(?:cac|nhung)\s*(?:nam|quy|thang)\s*"
                      r"(?:tiep theo|ke tiep|tiep|sau|toi)\b"
                      r"|\s*\btro\s*(?:di|ve sau)\b")
_RANGE = re.compile(r"\bden\b|\s[-–]\s|\d\s*[-–]\s*\d")
_PRECISION = {"year": 0, "half": 1, "quarter": 2, "month": 3, "day": 4}
_SPLIT = re.compile(r";|\n|^-\s|(?<!\d)\s-\s|\s-\s(?!\d)")  # not '2023 - 2025', a range


@lru_cache(maxsize=65536)
def interpret(text: str, year: int) -> Deadline:
    """Read a deadline cell; ``year`` is the plan's year, used when the cell omits it.
    (Remembered: a province's plans repeat the same few wordings thousands of times.)"""
    original = text or ""
    items = [item.strip() for item in _SPLIT.split(original.strip()) if item.strip(" -;\t")]
    if not items:
        return Deadline(original, NONE)
    if len(items) == 1:
        return _one(items[0], year, original)
    parts = tuple(_one(item, year, item) for item in items)
    return _combine(original, parts)


def _combine(original: str, parts: tuple[Deadline, ...]) -> Deadline:
    dated = [p for p in parts if p.kind == DATE]
    if dated:
        latest = max(dated, key=lambda p: p.due)
        return Deadline(original, DATE, latest.due, latest.precision, milestones=parts)
    for kind in (ONGOING, RECURRING, EVENT, REFERRED):
        chosen = [p for p in parts if p.kind == kind]
        if chosen:
            recurrence = tuple(sorted({r for p in parts for r in p.recurrence}))
            events = "; ".join(p.event for p in parts if p.event)
            return Deadline(original, kind, recurrence=recurrence, event=events,
                            milestones=parts)
    return Deadline(original, UNKNOWN, milestones=parts)


def _one(item: str, year: int, original: str) -> Deadline:
    s = _plain(item, year)
    periods = _PERIOD_LIST.match(s)
    if periods:
        return _report_periods(item, s, int(periods["y"] or year), original)
    relative = _RELATIVE.match(s)
    if relative:
        return _after(relative, year, original)
    start = _start(s, year)
    if start:
        return Deadline(original, ONGOING, starts=start)
    if (_ONGOING.search(s) or _RECURRING.search(s)) and "," in item:
        parts = tuple(_one(part.strip(), year, part.strip()) for part in item.split(",") if part.strip())
        if any(part.kind == DATE for part in parts):  # 'Thường xuyên, báo cáo trước 15/12'
            return _combine(original, parts)
    if _ONGOING.search(s):
        return Deadline(original, ONGOING)
    if _RECURRING.search(s) or s.startswith("theo dinh ky"):
        return Deadline(original, RECURRING, recurrence=_periods(s))
    dated = _dated(s, year)
    if dated is not None:
        due, precision = dated
        return Deadline(original, DATE, due, precision, milestones=_listed(item, year, due))
    if _EVENT.search(s):
        return Deadline(original, EVENT, event=item.strip())
    if _REFERRED.search(s):
        return Deadline(original, REFERRED, event=item.strip())
    return Deadline(original, UNKNOWN)


def _listed(item: str, year: int, due: date) -> tuple[Deadline, ...]:
    """The dates of a list ('Tháng 3, tháng 9', 'Quý II và Quý IV'), each a
    milestone, when each reads on its own, in the same year, and the last of
    them is the due date (not a range, nor a date within a period named
    beside it)."""
    if _RANGE.search(_plain(item, year)):
        return ()
    parts = [part.strip() for part in _LIST_SEPARATOR.split(item) if part.strip()]
    if len(parts) < 2 or len({bool(re.search(r"\d{4}", part)) for part in parts}) > 1:
        return ()  # 'Tháng 3, tháng 9/2028': the first part's year is the last's, not the plan's
    read = tuple(_one(part, year, part) for part in parts)
    if any(part.kind != DATE for part in read) or max(part.due for part in read) != due:
        return ()
    return read


_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:và|va)\s+", re.IGNORECASE)


# 'Trong vòng 30 ngày kể từ ngày ban hành': due some time after another act
_RELATIVE = re.compile(r"^(?:trong vong|trong|cham nhat|sau|truoc)?\s*(?P<n>\d{1,3})\s*"
                       r"(?P<unit>ngay lam viec|ngay|tuan)\s*(?:ke tu|tinh tu|sau khi|sau)\b")
_UNIT_DAYS = {"ngay": 1, "tuan": 7}


def _after(relative: re.Match, year: int, original: str) -> Deadline:
    """A deadline so many days after another act: due on a day when the act's
    day is written ('30 ngày kể từ ngày 01/7/2027'), else on that event;
    working days from a written day are left unread (holidays move them:
    the editor gives the day)."""
    named = [(day, precision) for day, precision in _dates(relative.string[relative.end():], year)
             if precision == "day"]
    if len(named) != 1:
        return Deadline(original, EVENT, event=original.strip())
    if relative["unit"] not in _UNIT_DAYS:
        return Deadline(original, UNKNOWN)
    due = named[0][0] + timedelta(days=int(relative["n"]) * _UNIT_DAYS[relative["unit"]])
    return Deadline(original, DATE, due, "day")


def _start(s: str, year: int) -> date | None:
    """The first day of work a start wording names (see _FROM), None for any other wording."""
    opening = _FROM.match(s)
    onwards = _ONWARDS.search(s)
    if not (opening or onwards) or (opening and not onwards and _RANGE.search(s)):
        return None
    found = _dates(s, year)
    if not found:
        return None
    day, precision = min(found)
    if opening and opening["after"]:
        return day + timedelta(days=1)
    return _period_start(day, precision)


def _period_start(day: date, precision: str) -> date:
    """The first day of the period of ``precision`` that ends on ``day``."""
    if precision == "day":
        return day
    if precision == "month":
        return day.replace(day=1)
    if precision == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if precision == "half":
        return date(day.year, 1 if day.month <= 6 else 7, 1)
    return date(day.year, 1, 1)


def _report_periods(item: str, s: str, year: int, original: str) -> Deadline:
    """'Quý I, 6 tháng, 9 tháng, năm' (see _PERIOD_LIST): a milestone at the end
    of each period of ``year``, due at the last."""
    words = _PERIOD_SEPARATOR.split(re.sub(r"\s*\d{4}$", "", item.strip()))
    plain = _PERIOD_SEPARATOR.split(re.sub(r"\s*\d{4}$", "", s))
    parts = []
    for word, key in zip(words, plain):
        key = key.removeprefix("bao cao").strip()
        quarter = re.fullmatch(r"quy\s*(iv|iii|ii|i|[1-4])", key)
        month, precision = ((_ROMAN.get(quarter[1]) or int(quarter[1])) * 3, "quarter") \
            if quarter else _PERIOD_ENDS[" ".join(key.split())]
        due = date(year, month, calendar.monthrange(year, month)[1])
        parts.append(Deadline(word, DATE, due, precision))
    return Deadline(original, DATE, parts[-1].due, parts[-1].precision, milestones=tuple(parts))


_FIRST_MONTHS = re.compile(r"\b(?P<n>[1-57-9]|1[01])\s*thang\s*dau\s*nam\b")  # not 6: _HALF
_LAST_MONTHS = re.compile(r"\b(?:[1-57-9]|1[01])\s*thang\s*cuoi\s*nam\b")
_DASHED_DAY = re.compile(r"\b(\d{1,2})[.-](\d{1,2})[.-](\d{4})\b")  # '15-03-2026', '15.3.2026'


def _plain(text: str, year: int) -> str:
    """The wording without diacritics or case, 'năm sau' and 'năm nay' made years,
    a whole date written with dashes or dots written with slashes, the first
    or last months of a year made the month they end in."""
    s = _DASHED_DAY.sub(r"\1/\2/\3", " ".join(strip_diacritics(text).lower().split()))
    s = _ONWARDS.sub(" tro di", re.sub(r"\bqui\b", "quy", s))  # 'Quí I', an older spelling
    s = re.sub(r"\b0(\d)\s*thang\b", r"\1 thang", s)  # '06 tháng đầu năm'
    s = _FIRST_MONTHS.sub(lambda m: f"thang {m['n']}", s)  # '9 tháng đầu năm': by September's end
    s = _LAST_MONTHS.sub("thang 12", s)
    return _THIS_YEAR.sub(f"nam {year}", _NEXT_YEAR.sub(f"nam {year + 1}", s))


def unreal_days(text: str, year: int) -> list[str]:
    """The days a wording names that no calendar has ('31/6'), to tell the editor."""
    s = _plain(text, year)
    return [f"{match['d']}/{match['m']}" + (f"/{match['y']}" if match["y"] else "")
            for pattern in (_LONG_DAY, _DAY) for match in pattern.finditer(s)
            if _last_day(match, "day", year) is None]


def _periods(s: str) -> tuple[str, ...]:
    found = []
    if "6 thang" in s:
        found.append("half")
    monthly = re.sub(r"\b[69] thang|\bthang (?:dau|cuoi|giua) (?:quy|nam)\b", "", s)
    if re.search(r"\bthang\b(?!\s*\d)", monthly):  # nor 'Tháng 10 hằng năm', 'tháng cuối quý'
        found.append("month")
    if re.search(r"\bquy\b(?!\s*(?:iv|iii|ii|i|[1-4])\b)", s):  # not 'Quý IV hằng năm'
        found.append("quarter")
    if re.search(r"\bnam\b", s):
        found.append("year")
    return tuple(found)


def _dated(s: str, year: int) -> tuple[date, str] | None:
    """The last day a dated wording allows, and how precise the wording is: the
    latest of the dates it names ('Quý II và Quý IV' is due at the end of Quý
    IV), but a period holding a more precise date named with it is only that
    date's context ('Trước 30/5/2027 (Quý II)' is due on 30/5)."""
    found = _dates(s, year)
    narrowest = [(day, precision) for day, precision in found
                 if not any(_PRECISION[other] > _PRECISION[precision]
                            and _period_start(day, precision) <= inner <= day
                            for inner, other in found)]
    return max(narrowest, key=lambda each: each[0]) if narrowest else None


def _dates(s: str, year: int) -> list[tuple[date, str]]:
    """The last day of each date a wording names, and its precision, each read
    by the most precise form that fits it (the year of 'ngày 30 tháng 6 năm
    2025' is no date of its own); a period written after 'trước' ends the
    day before it begins ('Trước tháng 6' is due on 31/5, 'Trước ngày 30/6'
    on 30/6)."""
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, precision in _FORMS:
        for match in pattern.finditer(s):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            day = _last_day(match, precision, year)
            if day is not None and precision != "day" and _BEFORE.search(s, 0, match.start()):
                day = _period_start(day, precision) - timedelta(days=1)  # before it begins
            if day is not None:
                found.append((day, precision))
    return found


_BEFORE = re.compile(r"\btruoc\s*$")  # 'Trước tháng 6': by the end of May


def _last_day(match: re.Match, precision: str, year: int) -> date | None:
    """The last day one dated form allows; None where it names no real day."""
    y = int(match["y"] or year) if "y" in match.re.groupindex else year
    part = match["part"] if "part" in match.re.groupindex else None
    if precision == "half":
        m, d = (6, 30) if match["which"] == "dau" else (12, 31)
    elif precision == "quarter":
        m, d = (_ROMAN.get(match["q"]) or int(match["q"])) * 3 - _QUARTER_PARTS.get(part, 0), None
    elif precision == "year":
        m, d = _YEAR_PARTS.get(part, 12), None
    else:
        m, d = int(match["m"]), int(match["d"]) if precision == "day" else _MONTH_PARTS.get(part)
    if not 1900 <= y <= 2200 or not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    if d is None:
        d = last
    elif not 1 <= d <= last:
        return None
    return date(y, m, d)


_FORMS = [(_HALF, "half"), (_QUARTERS, "quarter"), (_QUARTER, "quarter"),  # the most precise first
          (_LONG_DAY, "day"), (_DAY, "day"), (_MONTHS, "month"), (_MONTH, "month"), (_BARE_MONTH, "month"),
          (_YEARS, "year"), (_YEAR, "year"), (_BARE_YEAR, "year"), (_PLAN_YEAR, "year")]


def describe(deadline: Deadline) -> str:
    """How the site reads the wording, in Vietnamese, for the page."""
    if deadline.kind == DATE:
        return f"hạn {deadline.due.strftime('%d/%m/%Y')}"
    if deadline.kind == ONGOING and deadline.starts:
        return f"thường xuyên, từ {deadline.starts.strftime('%d/%m/%Y')}"
    if deadline.kind == RECURRING and deadline.recurrence:
        names = {"month": "hằng tháng", "quarter": "hằng quý", "half": "6 tháng",
                 "year": "hằng năm"}
        return "định kỳ " + ", ".join(names[r] for r in deadline.recurrence)
    return KIND_LABELS[deadline.kind]
