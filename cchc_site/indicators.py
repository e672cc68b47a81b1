"""Rates computed from dossier statistics, each with its formula.

A rate is computed only from figures the report states; where a part is
missing, the rate is not computed and the page says why — nothing is
derived silently.  One exception, said as such: when the report leaves out
one of the resolved counts (often "đúng hạn", the reports giving only
"trước hạn" and "quá hạn"), counting it as 0 gives a bound the true rate
cannot cross whatever that count is — the on-time rate at least, the
others at most — and the page gives that bound, not a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .labels import DOSSIER_COUNTS
from .model import DossierCounts
from .targets import EQ, MET, NO_DATA, NOT_MET, RANGE, TargetSpec, evaluate
from .vietnamese import format_number, format_percent, strip_diacritics

RESOLVED = ("resolved_early", "resolved_on_time", "resolved_late")
RESOLVED_TOGETHER = ("resolved_timely", "resolved_late")  # on time and early given as one


@dataclass(frozen=True)
class Indicator:
    label: str
    value: Decimal | None
    formula: str
    why: str = ""  # why it could not be computed, or is only a bound
    bound: str = ""  # "ít nhất" or "không quá": ``value`` is a bound, not the rate
    counted: str = ""  # the formula's numbers: "1.200 ÷ 1.300 × 100"

    @property
    def shown(self) -> str:
        if self.value is None:
            return "Không tính được"
        return f"{self.bound} {format_percent(self.value)}" if self.bound \
            else format_percent(self.value)


def _rate(label: str, top: tuple[str, ...], bottom: tuple[str, ...], counts: DossierCounts
          ) -> Indicator:
    names = {key: DOSSIER_COUNTS[key].lower() for key in top + bottom}
    top_words = " + ".join(names[k] for k in top)
    bottom_words = " + ".join(names[k] for k in bottom)
    formula = f"({top_words}) ÷ ({bottom_words}) × 100"
    missing = [k for k in dict.fromkeys(top + bottom) if getattr(counts, k) is None]
    numerator = sum(getattr(counts, k) or 0 for k in top)
    denominator = sum(getattr(counts, k) or 0 for k in bottom)
    counted = f"{format_number(numerator)} ÷ {format_number(denominator)} × 100"
    shown = f"{formula} = {counted}"
    value = Decimal(numerator) * 100 / Decimal(denominator) if denominator else None
    if missing and _exact(missing, top, bottom, numerator, denominator):
        return Indicator(label, value, shown, f"Báo cáo không nêu số {names[missing[0]]}, nhưng "
                         "tỷ lệ không đổi dù số ấy là bao nhiêu", counted=counted)
    if missing:
        bound = _bound(missing, top, bottom, numerator, denominator)
        if not bound:
            return Indicator(label, None, formula, "Không tính vì báo cáo không nêu số "
                             + "; ".join(names[k] for k in missing))
        crossed = "thấp" if bound == "ít nhất" else "cao"
        return Indicator(label, value, shown, f"Báo cáo không nêu số {names[missing[0]]}: tính "
                         f"với số ấy bằng 0, nên tỷ lệ thật không {crossed} hơn", bound, counted)
    if value is None:
        return Indicator(label, None, formula, "Không tính vì mẫu số bằng 0")
    return Indicator(label, value, shown, counted=counted)


def _exact(missing: list[str], top: tuple[str, ...], bottom: tuple[str, ...], numerator: int,
           denominator: int) -> bool:
    """Whether the one resolved count missing changes nothing: none resolved
    outside the numerator (the on-time rate is 100% whatever 'đúng hạn' is),
    or none in it (0%)."""
    if len(missing) != 1 or bottom not in (RESOLVED, RESOLVED_TOGETHER) or not denominator:
        return False
    return numerator == denominator if missing[0] in top else numerator == 0


def _bound(missing: list[str], top: tuple[str, ...], bottom: tuple[str, ...], numerator: int,
           denominator: int) -> str:
    """"ít nhất" or "không quá" when the one count missing is one of the
    resolved counts the denominator adds up: the rate with it counted as 0 is
    then the least (it is in the numerator too) or the most the rate can be;
    "" where no such bound says anything (at least 0%, at most 100%)."""
    if len(missing) != 1 or bottom not in (RESOLVED, RESOLVED_TOGETHER) or not denominator:
        return ""
    if missing[0] in top:
        return "ít nhất" if numerator else ""
    return "không quá" if numerator < denominator else ""


def dossier_indicators(counts: DossierCounts) -> list[Indicator]:
    """The rates of ``counts``; where the report gives those resolved on time
    and early as one count ('đúng hạn và trước hạn'), the on-time and late
    rates from it, and no rate of those resolved early."""
    early = "Tỷ lệ giải quyết trước hạn"
    if counts.resolved_timely is not None and counts.resolved_early is None and \
            counts.resolved_on_time is None:
        timely, resolved = ("resolved_timely",), RESOLVED_TOGETHER
        first = Indicator(early, None, f"({DOSSIER_COUNTS['resolved_early'].lower()}) ÷ (tổng "
                          "số đã giải quyết) × 100", "Không tính vì báo cáo nêu gộp số giải quyết "
                          "đúng hạn và trước hạn")
    else:
        timely, resolved = ("resolved_early", "resolved_on_time"), RESOLVED
        first = _rate(early, ("resolved_early",), RESOLVED, counts)
    return [
        first,
        _rate("Tỷ lệ giải quyết đúng hạn (gồm trước hạn)", timely, resolved, counts),
        _rate("Tỷ lệ giải quyết quá hạn", ("resolved_late",), resolved, counts),
        _rate("Tỷ lệ tiếp nhận trực tuyến", ("online",), ("received",), counts),
    ]


# the wording of a rate of dossiers → its place among dossier_indicators: 'trước hạn
# và đúng hạn' is the on-time rate; online only as received ('giải quyết trực
# tuyến' counts dossiers resolved online, which the reports do not give)
_TIMELY = ((re.compile(r"\bdung (?:va truoc )?(?:thoi )?han\b"), 1),
           (re.compile(r"\b(?:qua|tre) (?:thoi )?han\b"), 2),
           (re.compile(r"\btruoc (?:thoi )?han\b"), 0))
_ONLINE = re.compile(r"\b(?:tiep nhan|nop)\b[^.;]*\btruc tuyen\b")
_RESOLVED = re.compile(r"\b(?:thu tuc hanh chinh|tthc)\b[^.;]*\bgiai quyet\b")
# paying online, digitising dossiers, apologising for late ones, an office's own files
_NOT_A_RATE = re.compile(r"thanh toan|so hoa|xin loi|ho so cong viec")


def rate_kind(wording: str) -> int | None:
    """Which of dossier_indicators a target's wording measures ('100% hồ sơ
    … được trả trước hạn và đúng hạn', '100% TTHC được giải quyết đúng hạn':
    the on-time rate), if it names one."""
    folded = strip_diacritics(wording).lower()
    if _NOT_A_RATE.search(folded):
        return None
    dossiers = "ho so" in folded
    if dossiers or _RESOLVED.search(folded):
        index = next((index for pattern, index in _TIMELY if pattern.search(folded)), None)
        if index is not None:
            return index
    return 3 if dossiers and _ONLINE.search(folded) else None


def rate_named(wording: str, counts: DossierCounts) -> Indicator | None:
    """The rate of ``counts`` that a target's wording measures (see rate_kind)."""
    kind = rate_kind(wording)
    return None if kind is None else dossier_indicators(counts)[kind]


_ROUNDING = Decimal(1)  # percentage points a rate may be off by when the report rounds it


def contradicts(rate: Indicator, value: Decimal) -> bool:
    """Whether a rate reported as ``value`` is further from the one the
    counts give than a report's rounding; from a bound, on the side it rules out."""
    low = rate.value - _ROUNDING if rate.bound != "không quá" else Decimal(0)
    high = rate.value + _ROUNDING if rate.bound != "ít nhất" else Decimal(100)
    return not low <= value <= high


_CLOSE = Decimal("1e-9")  # how near a bound's open end the rate may come


def measured(spec: TargetSpec, rate: Indicator) -> tuple[str, str]:
    """The verdict on a target of a rate the dossier counts give, and how it
    was obtained. A bound leaves the rate somewhere between it and 100% (some
    resolved late: never 100%) or 0% (some counted: never 0%): met or not
    met when every rate there is, else it cannot be told."""
    formula = f"{rate.label}: {rate.formula} = {rate.shown}"
    if not rate.bound:
        return evaluate(spec, rate.value), formula
    low, high = (rate.value, 100 - _CLOSE) if rate.bound == "ít nhất" else (_CLOSE, rate.value)
    return _between(spec, low, high), f"{formula} ({rate.why})"


def _between(spec: TargetSpec, low: Decimal, high: Decimal) -> str:
    ends = {evaluate(spec, low), evaluate(spec, high)}
    if spec.comparison in (EQ, RANGE):  # met on a stretch inside: neither end tells 'none'
        top = spec.upper if spec.comparison == RANGE and spec.upper is not None else spec.value
        if high < spec.value or low > top:
            return NOT_MET
        return MET if ends == {MET} else NO_DATA
    return ends.pop() if len(ends) == 1 else NO_DATA
