"""Typed values parsed from the text editors write, keeping that text.

A value that YAML would silently change (``1.004510`` → float, ``2023-01-31``
→ date, ``no`` → False) reaches these parsers as the characters typed, so
nothing is lost between the file and the page.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .vietnamese import format_number


class Markdown(str):
    """Text to be converted from Markdown when rendered."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date that may be known only to the month or the year (drafts do that)."""

    year: int
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def last_day(self) -> tuple[int, int, int]:
        """The latest day the value can mean, as (year, month, day)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def vietnamese(self) -> str:
        if self.day:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}"


_DATE_FORMS = [
    re.compile(r"(?:ngày\s*)?(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})",
               re.IGNORECASE),  # 'ngày 20/01/2027' too
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?:tháng\s*)?(?P<month>\d{1,2})[/.-](?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})"),
    re.compile(r"(?:ngày\s*(?P<day>\d{1,2})?\s*)?tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4})",
               re.IGNORECASE),
    re.compile(r"năm\s*(?P<year>\d{4})", re.IGNORECASE),
]


def parse_date(text: str) -> PartialDate | None:
    """Read ``28/01/2023``, ``2023-01-28``, ``01/2023``, ``2023`` or
    ``ngày 28 tháng 01 năm 2023`` (day may be blank in a draft).
    Returns None when the text is none of those or names no real day."""
    parts = _date_parts(text)
    return PartialDate(*parts) if parts and not _no_day_because(*parts) else None


def no_such_day(text: str) -> tuple[str, str] | None:
    """Why a date written in one of ``parse_date``'s forms names no day of the
    calendar, in Vietnamese and English ('30/02/2024': February 2024 has only
    29 days); None when the text is a real day or not written as a date."""
    parts = _date_parts(text)
    return _no_day_because(*parts) if parts else None


def _date_parts(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) as written, in the first form the text has."""
    text = " ".join(text.split())
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            parts = m.groupdict()
            return (int(parts["year"]), int(parts["month"]) if parts.get("month") else None,
                    int(parts["day"]) if parts.get("day") else None)
    return None


def _no_day_because(year: int, month: int | None, day: int | None) -> tuple[str, str] | None:
    if not 1900 <= year <= 2200:
        return f"năm {year} không hợp lý", f"the year {year} is not plausible"
    if month is not None and not 1 <= month <= 12:
        return f"không có tháng {month}", f"there is no month {month}"
    days = calendar.monthrange(year, month)[1] if month else 0
    if day is not None and not 1 <= day <= days:
        return (f"tháng {month}/{year} chỉ có {days} ngày", f"{month}/{year} has only {days} days")
    return None


@dataclass(frozen=True)
class Number:
    """A number as written the Vietnamese way (``12.000.000``, ``95,5``)."""

    value: Decimal
    text: str

    def __str__(self) -> str:
        return self.text


_VI_INTEGER = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+|[+-]?\d+")
_VI_DECIMAL = re.compile(r"(?P<int>[+-]?\d{1,3}(?:\.\d{3})+|[+-]?\d+),(?P<frac>\d+)")


def parse_number(text: str) -> Number | None:
    """Dots group thousands and a comma marks decimals, as in Vietnamese.
    ``1.5`` is refused: it is neither ``1,5`` nor ``1.500``."""
    raw = text.strip().replace("\u00a0", " ").replace(" ", "")
    if _VI_INTEGER.fullmatch(raw):
        return Number(Decimal(raw.replace(".", "")), text.strip())
    m = _VI_DECIMAL.fullmatch(raw)
    if m:
        try:
            value = Decimal(f"{m['int'].replace('.', '')}.{m['frac']}")
        except InvalidOperation:
            return None
        return Number(value, text.strip())
    return None


def other_reading(number: Number) -> Number | None:
    """The number with its dots and commas read the other way ('99.200' →
    99,2; '1,250' → 1.250), if that is a number and another one."""
    swapped = number.text.translate(str.maketrans(".,", ",."))
    meant = parse_number(swapped.rstrip("0").rstrip(",") if "," in swapped else swapped)
    return meant if meant is not None and meant.value != number.value else None


_WRITTEN_NUMBER = re.compile(r"\d(?:[\d.,]*\d)?")


def numbers_in(text: str) -> set[Decimal]:
    """The numbers a quotation writes the Vietnamese way ('đạt 99,5%', '1.234
    hồ sơ', '13/28'); one written otherwise ('99.5') is left out."""
    numbers = (parse_number(n) for n in _WRITTEN_NUMBER.findall(text))
    return {number.value for number in numbers if number is not None}


def numbers_read_other_way(text: str) -> set[Decimal]:
    """The numbers a quotation writes, each with dots and commas read the
    other way ('1,250 hồ sơ': 1.250), for counts that cannot have decimals."""
    numbers = (parse_number(n) for n in _WRITTEN_NUMBER.findall(text))
    return {other.value for number in numbers if number and (other := other_reading(number))}


def parse_integer(text: str) -> int | None:
    number = parse_number(text)
    if number is None or number.value != number.value.to_integral_value():
        return None
    return int(number.value)


_TRUE = {"true", "yes", "có", "co", "đúng", "x"}
_FALSE = {"false", "no", "không", "khong", "sai"}


def parse_bool(text: str) -> bool | None:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    return None


_SCALE_WORD = r"(?:nghìn|ngàn|triệu|tỷ|tỉ|tr(?:\.(?=\s*đ\b)|(?=đ\b)|\b))"  # '15tr', '15 tr.đ', '15 trđ'
_CURRENCY = r"(?:đồng|đ|VNĐ|VND)\b"
_AMOUNT_END = rf"(?:\s*{_CURRENCY}|(?=\s*(?:$|[,.;:)/])))"  # '20 triệu' alone too, not '3 tỷ USD'
_SPACE = "[ \u00a0\u202f]"  # a space, as some documents group thousands ('1 500 000 đồng')
_AMOUNT = re.compile(rf"(?<![\d.,])(?<!\d{_SPACE})"  # not the last digits of '5 0 triệu'
                     rf"(?P<number>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:{_SPACE}\d{{3}})+|"
                     rf"\d+(?:,\d+)?)\s*"
                     rf"(?:(?P<scale>{_SCALE_WORD}){_AMOUNT_END}|{_CURRENCY})",  # not 'tỷ lệ'
                     re.IGNORECASE)  # '12.000.000 đồng', '1,5 tỷ đồng', '20 triệu'
_COMPOUND = re.compile(  # '1 tỷ 500 triệu đồng', '2 triệu 500 nghìn', each scale smaller
    rf"(?<![\d.,])(?<!\d{_SPACE})(?P<parts>\d+(?:,\d+)?\s*{_SCALE_WORD}(?:\s+\d{{1,3}}\s*{_SCALE_WORD})+)"
    rf"{_AMOUNT_END}", re.IGNORECASE)
_COMPOUND_PART = re.compile(rf"(\d+(?:,\d+)?)\s*({_SCALE_WORD})", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\d\s*(?:-|–|—|đến|tới)\s*$", re.IGNORECASE)  # '20-30 triệu'
_APPROXIMATE = re.compile(  # 'khoảng 20 triệu', 'tối đa 1 tỷ': no amount to add into a total
    r"(?<!\w)(?:khoảng|chừng|xấp xỉ|ước(?:\s+tính)?|gần|hơn|trên|dưới|tối\s+đa|tối\s+thiểu|"
    r"không\s+quá|ít\s+nhất|~|≈)\s*\d", re.IGNORECASE)
_HEADER_UNIT = re.compile(rf"\(\s*(?P<scale>{_SCALE_WORD})?\s*(?:đồng|đ|VNĐ|VND)\s*\)",
                          re.IGNORECASE)  # 'Kinh phí (triệu đồng)'
_SCALES = {None: 1, "nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tr": 1_000_000,
           "tr.": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
_TIMES = re.compile(r"\s*(?<![^\W\d_])[x×*]\s*(?=\d)", re.IGNORECASE)  # 'đồng x 2', not 'xã 5'
_COUNT = re.compile(r"(?<![\d.,])\d{1,4}(?![\d.,]*\d)")  # '2 đợt', '4 đơn vị'



# an amount written the English way: '1.5 tỷ đồng' (a decimal dot), '50,000,000 đồng'
# (thousands commas; '1,500 tỷ' is 1,5 tỷ the Vietnamese way, so one group needs no scale)
_FOREIGN_AMOUNT = re.compile(
    rf"(?<![\d.,])(?:(?P<decimal>\d+\.\d{{1,2}})\s*{_SCALE_WORD}|"
    rf"(?P<thousands>\d{{1,3}}(?:,\d{{3}}){{2,}}|\d{{1,3}},\d{{3}}(?=\s*{_CURRENCY})))"
    r"(?![\d.,]*\d)", re.IGNORECASE)


def amount_written_foreign(text: str) -> str | None:
    """The cell written the Vietnamese way, where it wrote an amount the
    English way (``1.5 tỷ đồng`` → ``1,5 tỷ đồng``); None otherwise."""
    def vietnamese(match: re.Match) -> str:
        if match["decimal"]:
            return match[0].replace(".", ",", 1)
        return match[0].replace(",", ".")
    fixed = _FOREIGN_AMOUNT.sub(vietnamese, text or "")
    return fixed if fixed != text else None


_DOTTED_AMOUNT = re.compile(rf"(?<![\d.,])(\d+(?:\.\d+)+)(?:,\d+)?(?![\d.,]*\d)"
                            rf"(?=\s*(?:{_SCALE_WORD}|{_CURRENCY}))", re.IGNORECASE)
_SPACED_AMOUNT = re.compile(rf"(?<![\d.,])(\d+(?:{_SPACE}\d+)+)(?![\d.,])"
                            rf"(?=\s*(?:{_SCALE_WORD}|{_CURRENCY}))", re.IGNORECASE)


def misgrouped(text: str) -> list[tuple[str, str]]:
    """The amounts whose dots or spaces do not group thousands ('4100.000
    đồng', '1.00.000 đ', '5 0 triệu'), each as written with its digits
    grouped; not a decimal written the English way ('1.5 tỷ', see
    amount_written_foreign)."""
    found = []
    for match in _DOTTED_AMOUNT.finditer(text or ""):
        whole = match[1]
        decimal = whole.count(".") == 1 and len(whole.rpartition(".")[2]) < 3
        if not decimal and not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", whole):
            found.append((whole, format_number(int(whole.replace(".", "")))))
    for match in _SPACED_AMOUNT.finditer(text or ""):
        if not re.fullmatch(rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+", match[1]):
            found.append((match[1], format_number(int(re.sub(_SPACE, "", match[1])))))
    return found


def with_header_unit(text: str, header: str) -> str:
    """A bare number (``1.515,5``) with the unit its column's ``header`` names
    (``Kinh phí (triệu đồng)`` → ``1.515,5 triệu đồng``), as the page shows it
    beside amounts in đồng; any other text as written."""
    unit = _HEADER_UNIT.search(header)
    if not unit or parse_number(text.strip()) is None:
        return text
    return f"{text.strip()} {unit[0].strip('() ')}"


def parse_amount(text: str, header: str = "") -> Decimal | None:
    """The amount in đồng of a budget cell such as ``12.000.000 đồng`` or
    ``1,5 tỷ đồng``; None unless the cell holds exactly one amount, and
    that not an approximate one.  A cell
    that is a bare number (``150``) is an amount in the unit its column's
    ``header`` names (``Kinh phí (triệu đồng)``), if it names one."""
    text = text or ""
    if approximate(text):
        return None
    factors = _TIMES.split(text)
    if len(factors) > 1:
        return _product(factors, header)
    compound = list(_COMPOUND.finditer(text))
    found = compound + [m for m in _AMOUNT.finditer(text)
                        if not any(c.start() <= m.start() < c.end() for c in compound)]
    unit = _HEADER_UNIT.search(header) if not found and text else None
    if unit:
        number = parse_number(text.strip())
        return number.value * _SCALES[(unit["scale"] or "").lower() or None] if number else None
    if len(found) != 1 or _RANGE_BEFORE.search(text[:found[0].start()]):
        return None  # none, several, or one end of a range ('20-30 triệu đồng')
    if compound:
        return _compound_amount(compound[0]["parts"])
    number = parse_number(found[0]["number"])
    scale = _SCALES[(found[0]["scale"] or "").lower() or None]
    if number is None or scale == 1 and "," in found[0]["number"]:
        return None  # no amount has parts of a đồng: '500,000 đồng' was written the English way
    return number.value * scale


def _product(factors: list[str], header: str) -> Decimal | None:
    """An amount given as a product, '10.000.000 đồng x 2 đợt' or '4 đơn vị ×
    5 triệu đồng': one factor an amount, the others counts; else None."""
    amounts = [amount for factor in factors if (amount := parse_amount(factor, header)) is not None]
    counts = [_COUNT.findall(factor) for factor in factors]
    if len(amounts) != 1 or len(factors) != 2:
        return None
    other = counts[1] if parse_amount(factors[0], header) is not None else counts[0]
    return amounts[0] * int(other[0]) if len(other) == 1 else None


def approximate(text: str) -> bool:
    """Whether a budget cell gives its amount as about or at most so much
    ('khoảng 20 triệu đồng', 'tối đa 1 tỷ đồng'), not as the amount."""
    return bool(_APPROXIMATE.search(text))


def _compound_amount(parts: str) -> Decimal | None:
    """'1 tỷ 500 triệu' → 1.500.000.000; None unless each part's scale is
    smaller than the one before it and its number less than a thousand."""
    total, last = Decimal(0), None
    for digits, word in _COMPOUND_PART.findall(parts):
        scale = _SCALES[word.lower()]
        number = parse_number(digits)
        if number is None or last is not None and (scale >= last or number.value >= 1000):
            return None
        total += number.value * scale
        last = scale
    return total
