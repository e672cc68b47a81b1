"""Rates computed from dossier statistics, each with its formula.

A rate is computed only from figures the report states; where a part is
missing, the rate is not computed and the page says why — nothing is
derived silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .labels import DOSSIER_COUNTS
from .model import DossierCounts
from .vietnamese import format_number, format_percent

RESOLVED = ("resolved_early", "resolved_on_time", "resolved_late")


@dataclass(frozen=True)
class Indicator:
    label: str
    value: Decimal | None
    formula: str
    missing: str = ""  # why it could not be computed

    @property
    def shown(self) -> str:
        return format_percent(self.value) if self.value is not None else "Không tính được"


def _rate(label: str, top: tuple[str, ...], bottom: tuple[str, ...], counts: DossierCounts
          ) -> Indicator:
    names = {key: DOSSIER_COUNTS[key].lower() for key in top + bottom}
    top_words = " + ".join(names[k] for k in top)
    bottom_words = " + ".join(names[k] for k in bottom)
    formula = f"({top_words}) ÷ ({bottom_words}) × 100"
    missing = [names[k] for k in dict.fromkeys(top + bottom) if getattr(counts, k) is None]
    if missing:
        return Indicator(label, None, formula, "báo cáo không nêu số " + "; ".join(missing))
    numerator = sum(getattr(counts, k) for k in top)
    denominator = sum(getattr(counts, k) for k in bottom)
    if not denominator:
        return Indicator(label, None, formula, "mẫu số bằng 0")
    value = Decimal(numerator) * 100 / Decimal(denominator)
    shown = f"{formula} = {format_number(numerator)} ÷ {format_number(denominator)} × 100"
    return Indicator(label, value, shown)


def dossier_indicators(counts: DossierCounts) -> list[Indicator]:
    return [
        _rate("Tỷ lệ giải quyết trước hạn", ("resolved_early",), RESOLVED, counts),
        _rate("Tỷ lệ giải quyết đúng hạn (gồm trước hạn)", ("resolved_early", "resolved_on_time"),
              RESOLVED, counts),
        _rate("Tỷ lệ giải quyết quá hạn", ("resolved_late",), RESOLVED, counts),
        _rate("Tỷ lệ tiếp nhận trực tuyến", ("online",), ("received",), counts),
    ]
