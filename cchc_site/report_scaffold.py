"""``cchc-site report``: start the next report of a plan without retyping it.

The draft lists every task of the plan (status blank) and every target (value
blank), and carries forward, as comments, what the previous report of the
plan said of each, so the editor only changes what changed.  It validates
as it is.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from .labels import PERIODS, TASK_STATUSES, period_name
from .link import Site
from .markup import cell_inline
from .model import Report
from .progress import as_of


_TITLE_PERIODS = {"quy-1": "Quý I năm", "6-thang": "6 tháng đầu năm", "9-thang": "9 tháng năm",
                  "nam": "năm"}


class ScaffoldError(Exception):
    """Raised with (Vietnamese, English) messages."""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, width: int = 90) -> list[str]:
    words, lines, line = " ".join(text.split()).split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


def draft_report(site: Site, plan_id: str, period: str, year: int | None) -> str:
    if plan_id not in site.plans:
        close = difflib.get_close_matches(plan_id, list(site.plans), n=1)
        known = ", ".join(site.plans) or "(chưa có kế hoạch nào)"
        hint = f"; có phải ý bạn là '{close[0]}'?" if close else f"; các kế hoạch: {known}"
        hint_en = f"; did you mean '{close[0]}'?" if close else f"; plans: {known}"
        raise ScaffoldError(f"không có kế hoạch '{plan_id}'{hint}", f"no plan '{plan_id}'{hint_en}")
    if period not in PERIODS:
        raise ScaffoldError(f"kỳ báo cáo '{period}' không hợp lệ; chỉ nhận: {', '.join(PERIODS)}",
                            f"'{period}' is not a period; expected one of: {', '.join(PERIODS)}")
    plan = site.plans[plan_id]
    year = year or plan.year
    probe = Report(agency=plan.agency, year=year, period=period, title="")
    earlier = [r for r in site.reports_by_plan[plan_id] if (as_of(r), r.id) < (as_of(probe), "")]
    previous = earlier[-1] if earlier else None
    said: dict[str, tuple] = {}  # each task's and target's latest word before this period
    measured: dict[str, tuple] = {}
    for report in earlier:
        said.update({s.task: (report, s) for s in report.tasks if s.status})
        measured.update({f.target: (report, f) for f in report.figures
                         if f.target and f.value is not None})
    title = f"Báo cáo kết quả thực hiện cải cách hành chính {_TITLE_PERIODS[period]} {year}"
    lines = [f"# Bản nháp báo cáo {period_name(period, year)} của kế hoạch '{plan.id}', tạo bằng "
             "'cchc-site report'.",
             "# Điền 'status' (" + ", ".join(TASK_STATUSES) + ") và 'evidence' (trích nguyên văn",
             "# báo cáo) cho từng nhiệm vụ; để trống nghĩa là báo cáo chưa nói đến nhiệm vụ đó.",
             (f"# Các dòng '# Kỳ trước' chép lại điều báo cáo '{previous.id}' đã nói (hay báo cáo "
              "trước đó ghi trong ngoặc, nếu nó không nói)." if previous
              else "# Chưa có báo cáo trước của kế hoạch này."),
             f"agency: {plan.agency}", f"plan: {plan.id}", f"year: {year}",
             f"period: {period}", f"title: {_q(title)}", "number: \"\"", "date:",
             "tasks:"]
    for entry in site.tasks[plan_id]:
        lines.append(f"  # {entry.key}. " + "\n  #   ".join(_comment(cell_inline(entry.task.task))))
        if entry.key in said:
            report, before = said[entry.key]
            lines.append(f"  # Kỳ trước{_which(report, previous)}: {before.status} — "
                         + "\n  #   ".join(_comment(before.evidence or "(không trích căn cứ)")))
        lines += [f"  - task: {_q(entry.key)}", "    status:", "    evidence:"]
    lines.append("figures:")
    for target_entry in site.targets[plan_id]:
        target = target_entry.target
        lines.append("  # " + "\n  #   ".join(_comment(target.text)))
        if target.id in measured:
            report, before = measured[target.id]
            unit = before.unit if before.unit in ("", "%") else f" {before.unit}"  # '97,2%'
            lines.append(f"  # Kỳ trước{_which(report, previous)}: {before.value}{unit} — "
                         f"{before.as_written}")
        lines += [f"  - id: {target.id}", f"    target: {target.id}",
                  f"    label: {_q(target_entry.spec.subject or target.text)}",
                  f"    unit: {_q(target_entry.spec.unit)}", "    value:", "    as_written:"]
    return "\n".join(lines) + "\n"


def _which(report, previous) -> str:
    """Which earlier report a '# Kỳ trước' line quotes, when not the latest."""
    return "" if report is previous else f" ({report.id})"


def write_draft(text: str, path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise ScaffoldError(f"{path} đã có; dùng --force nếu thật sự muốn ghi đè",
                            f"{path} exists; use --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
