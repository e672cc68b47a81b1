"""Problems found in content: collected as values, reported together."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Loc


@dataclass(frozen=True)
class Problem:
    loc: Loc
    path: str
    vi: str
    en: str
    warning: bool = False

    def sort_key(self):
        return (self.loc.file, self.loc.line, self.loc.column, self.path, self.vi)

    def format(self) -> str:
        level = "cảnh báo/warning" if self.warning else "lỗi/error"
        where = f"{self.path}: " if self.path else ""
        return f"{self.loc}: {level}: {where}{self.vi}\n    {self.en}"


class Problems(list):
    """The problems of one run, in the order they were found."""

    def error(self, loc: Loc, path: str, vi: str, en: str) -> None:
        self.append(Problem(loc, path, vi, en))

    def warn(self, loc: Loc, path: str, vi: str, en: str) -> None:
        self.append(Problem(loc, path, vi, en, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.warning]

    def report(self) -> str:
        lines = [p.format() for p in sorted(self, key=Problem.sort_key)]
        errors, warnings = len(self.errors), len(self.warnings)
        lines.append(f"{errors} lỗi, {warnings} cảnh báo ({errors} error{'s' * (errors != 1)}, "
                     f"{warnings} warning{'s' * (warnings != 1)})")
        return "\n".join(lines)
