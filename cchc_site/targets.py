"""Target wording (``đạt trên 95%``, ``từ 30% đến 40%``…) → subject, comparison, value, unit.

The wording stays as written on every page; this reading only lets the site
say whether a reported figure meets the target, and says how it read it.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from dataclasses import dataclass
from decimal import Decimal

from .values import other_reading, parse_number
from .vietnamese import format_number, strip_diacritics

GT, GE, LT, LE, EQ, RANGE, INCREASE, DECREASE = ">", "≥", "<", "≤", "=", "range", "increase", \
    "decrease"
MET, NOT_MET, NO_DATA = "met", "not-met", "no-data"

_NUM = r"(?P<{n}>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_UNITS = (r"%|phut|gio|ngay lam viec|ngay|thang|lan|ho so|van ban|thu tuc|tthc|don vi|nguoi|"
          r"luot|cuoc|dong|trieu dong|ty dong|sang kien|de tai")
_UNIT = rf"\s*(?P<unit>(?:{_UNITS})(?:\s*/\s*\d*\s*[a-z]+(?:\s[a-z]+){{0,2}})?)(?=$|[\s.,;)])"
_PATTERNS = [
    (RANGE, rf"\btu\s+{_NUM.format(n='v')}\s*%?\s*(?:den|toi|-)\s*{_NUM.format(n='u')}{_UNIT}"),
    (INCREASE, rf"\btang(?:\s+them)?(?:\s+(?:it nhat|toi thieu))?\s+{_NUM.format(n='v')}{_UNIT}"
               r"(?:\s+so voi(?:\s+nam)?\s+(?P<base>\d{4}))?"),
    (DECREASE, rf"\b(?:cat )?giam(?:\s+(?:it nhat|toi thieu))?\s+{_NUM.format(n='v')}{_UNIT}"),
    (GE, rf"\b(?:tu|toi thieu|it nhat|khong duoi|khong it hon)\s+{_NUM.format(n='v')}{_UNIT}"),
    (LE, rf"\b(?:toi da|khong qua|khong vuot qua|khong lon hon)\s+{_NUM.format(n='v')}{_UNIT}"),
    (GT, rf"\b(?:tren|hon|vuot)\s+{_NUM.format(n='v')}{_UNIT}"),
    (LT, rf"\b(?:duoi|it hon)\s+{_NUM.format(n='v')}{_UNIT}"),
    (EQ, rf"(?<![\d.,]){_NUM.format(n='v')}{_UNIT}"),
]
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _PATTERNS]
_NONE_LATE = re.compile(r"\bkhong (?:de|co)(?: xay ra)?(?: tinh trang)? "
                        r"(?P<what>ho so[^.;,]*?\b(?:tre|qua) han)\b")
_TRO_LEN = re.compile(r"^(?:\s+\S+){0,8}?\s+tro len\b")
_LEAD_WORDS = re.compile(r"^(?:(?:phấn|phân) (?:đấu|đầu)|đảm bảo|bảo đảm|"
                         r"tiếp tục(?: thực hiện| duy trì)?|trong đó|đưa|duy trì)\b[\s,]*",
                         re.IGNORECASE)
_TAIL_WORDS = re.compile(r"\s*(?:\b(?:đạt|là|ở mức|được)\s*)?[\s,.;:]*$", re.IGNORECASE)


@dataclass(frozen=True)
class TargetSpec:
    text: str
    subject: str
    comparison: str = ""
    value: Decimal | None = None
    upper: Decimal | None = None
    unit: str = ""
    base_year: int | None = None
    english: tuple[str, str] = ()  # a number written the English way, and as it is read

    @property
    def interpreted(self) -> bool:
        return self.value is not None


def fold(text: str) -> str:
    """Lower-case without diacritics, one character for one, so positions
    found in the folded text are positions in the original."""
    lowered = text.lower()
    folded = strip_diacritics(lowered)
    if len(folded) == len(lowered):
        return folded
    return "".join((strip_diacritics(ch) or ch)[:1] for ch in lowered)


@lru_cache(maxsize=65536)
def interpret(text: str) -> TargetSpec:
    folded = fold(text)
    for kind, pattern in _COMPILED:
        m = pattern.search(folded)
        if not m:
            continue
        unit = text[m.start("unit"):m.end("unit")].strip()
        value, english = _number(m["v"], unit)
        if value is None:
            continue
        upper, english_upper = _number(m["u"], unit) if kind == RANGE else (None, ())
        english = english or english_upper
        start, end, middle = m.start(), m.end(), ""
        tail = _TRO_LEN.match(folded[end:])
        if kind in (EQ, GE) and tail:
            middle = text[end:end + tail.end() - len(" tro len")]
            kind, end = GE, end + tail.end()
        elif kind == EQ and value != 100:
            kind = GE
        base = int(m["base"]) if kind == INCREASE and m["base"] else None
        subject = _subject(text[:start], middle, text[end:])
        return TargetSpec(text, subject, kind, value, upper, unit, base, english)
    none = _NONE_LATE.search(folded)  # 'Không để (xảy ra) hồ sơ trễ hạn': 0% late
    if none:
        return TargetSpec(text, _subject(text[none.start("what"):none.end("what")], "", ""), EQ,
                          Decimal(0), unit="%")
    return TargetSpec(text, _subject(text, "", ""))


_COUNTED = re.compile(r"ho so|van ban|thu tuc|tthc|don vi|nguoi|luot|cuoc|sang kien|de tai")


def _number(raw: str | None, unit: str) -> tuple[Decimal | None, tuple[str, str]]:
    """The value a target writes, and if it writes it the English way ('98.5%',
    '1,250 hồ sơ': no count has decimals) the number as written and as read."""
    if raw is None:
        return None, ()
    parsed = parse_number(raw)
    if parsed is None:
        parsed = parse_number(raw.replace(".", ","))
        return (parsed.value, (raw, format_number(parsed.value))) if parsed else (None, ())
    other = other_reading(parsed) if "," in raw and _COUNTED.match(fold(unit)) else None
    if other is not None and other.value == other.value.to_integral_value():
        return other.value, (raw, format_number(other.value))
    return parsed.value, ()


def _subject(before: str, middle: str, after: str) -> str:
    """What is measured: the wording around the value, without 'phấn đấu…đạt'."""
    before = _TAIL_WORDS.sub("", _LEAD_WORDS.sub("", before.strip()))
    parts = [part.strip(" ,.;") for part in (before, middle, after)]
    subject = " ".join(part for part in parts if part)
    return subject[:1].upper() + subject[1:] if subject else ""


def evaluate(spec: TargetSpec, achieved: Decimal | None) -> str:
    """Does an achieved figure (in the target's unit) meet the target?"""
    if achieved is None or not spec.interpreted or spec.comparison in (INCREASE, DECREASE):
        return NO_DATA
    checks = {GT: achieved > spec.value, GE: achieved >= spec.value, LT: achieved < spec.value,
              LE: achieved <= spec.value, EQ: achieved == spec.value,
              RANGE: spec.value <= achieved <= (spec.upper or spec.value)}
    return MET if checks[spec.comparison] else NOT_MET


def describe(spec: TargetSpec) -> str:
    """The reading in a few characters, for the page: '≥ 40%', '30–40%'."""
    if not spec.interpreted:
        return "chưa đọc được"
    value = _show(spec.value)
    unit = spec.unit if spec.unit == "%" else f" {spec.unit}" if spec.unit else ""
    if spec.comparison == RANGE:
        return f"{value}–{_show(spec.upper)}{unit}"
    if spec.comparison == INCREASE:
        base = f" so với năm {spec.base_year}" if spec.base_year else ""
        return f"tăng {value}{unit}{base}"
    if spec.comparison == DECREASE:
        return f"giảm {value}{unit}"
    return f"{spec.comparison} {value}{unit}"


def _show(value: Decimal) -> str:
    return format_number(value)


# the level or kind a target is of: two wordings naming different ones are two targets
_LEVEL = re.compile(r"\bcap (?:tinh|huyen|xa|so|bo|trung uong)\b|\b(?:toan trinh|mot phan)\b"
                    r"|\bmuc do \d(?:,? (?:va )?\d\b)*")


def same_subject(a: str, b: str) -> bool:
    """Whether two targets measure the same thing: the shorter wording is
    (almost) wholly contained, word by word and in order, in the longer, and
    they name no different levels ('… cấp tỉnh' and '… cấp xã' are two)."""
    words_a, words_b = _words(a), _words(b)
    shorter = min(len(words_a), len(words_b))
    if shorter < 3:
        return False
    levels_a, levels_b = (set(_LEVEL.findall(" ".join(words))) for words in (words_a, words_b))
    if levels_a and levels_b and levels_a != levels_b:
        return False
    blocks = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / shorter >= 0.9


@lru_cache(maxsize=8192)
def _words(text: str) -> list[str]:
    return re.sub(r"\btthc\b", "thu tuc hanh chinh", fold(text)).split()


def across_years(entries: list) -> list[list]:
    """Group (year, target entry) pairs of one agency's plans by subject, so a
    target can be followed from year to year; each group in year order."""
    groups: list[list] = []
    for year, entry in sorted(entries, key=lambda pair: pair[0]):
        for group in groups:
            if group[-1][0] != year and same_subject(group[-1][1].spec.subject,
                                                     entry.spec.subject):
                group.append((year, entry))
                break
        else:
            groups.append([(year, entry)])
    return groups


def achieved(spec: TargetSpec, value: Decimal, unit: str, of_total: Decimal | None
             ) -> tuple[Decimal | None, str]:
    """A reported figure in the target's unit, and how it was obtained.

    '13/28 TTHC' against a percentage target becomes 13 ÷ 28 × 100; a figure
    in another unit is not converted, and says so."""
    if spec.unit == "%" and unit.strip() != "%" and of_total:
        percent = value * 100 / of_total
        return percent, f"{_show(value)} ÷ {_show(of_total)} × 100 = {_show(round(percent, 1))}%"
    if fold(unit.strip()) == fold(spec.unit) or (not unit.strip() and not spec.unit):
        return value, f"{_show(value)}{spec.unit if spec.unit == '%' else ' ' + unit}".strip()
    return None, f"đơn vị của số liệu ({unit or 'không ghi'}) khác đơn vị của chỉ tiêu ({spec.unit})"
