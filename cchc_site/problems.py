"""Problems found in content: collected as values, reported together."""

from __future__ import annotations

import hashlib
import json
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


def _escape(text: str, is_property: bool = False) -> str:
    """GitHub workflow commands: %, CR and LF are escaped (and : , in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


def _in_repository(problem: Problem, folder: str) -> str:
    """The problem's file (the site's) from the repository's root, where CI
    places it; ``folder``: the site's, from there."""
    return f"{folder}/{problem.loc.file}" if folder else problem.loc.file


def github_annotation(problem: Problem, strict: bool = False, folder: str = "") -> str:
    """The problem as a GitHub Actions annotation, shown on the file's line in
    a pull request: an error under ``strict``, where a warning fails the run."""
    level = "warning" if problem.warning and not strict else "error"
    place = [f"file={_escape(_in_repository(problem, folder), True)}"]
    if problem.loc.line:
        place += [f"line={problem.loc.line}", f"col={problem.loc.column}"]
    where = f"{problem.path}: " if problem.path else ""
    message = f"{where}{problem.vi}\n{problem.en}"
    return f"::{level} {','.join(place)},title=cchc-site::{_escape(message)}"


def gitlab_report(problems: list[Problem], strict: bool = False, folder: str = "") -> str:
    """The problems as GitLab's Code Quality report (JSON), which a merge request
    shows in its widget and beside the lines changed: 'major' for what fails
    the run, 'minor' for a warning that does not."""
    issues = []
    seen: dict[tuple, int] = {}
    for problem in sorted(problems, key=Problem.sort_key):
        file = _in_repository(problem, folder)
        where = f"{problem.path}: " if problem.path else ""
        # not the line: a problem that only moves (lines added above it) is the same problem
        # to the merge request; the same message again in the file is counted apart
        same = (file, problem.path, problem.vi)
        seen[same] = seen.get(same, 0) + 1
        key = repr(same + (seen[same],))
        issues.append({
            "description": f"{where}{problem.vi} / {problem.en}", "check_name": "cchc-site",
            "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
            "severity": "minor" if problem.warning and not strict else "major",
            "location": {"path": file, "lines": {"begin": problem.loc.line or 1}}})
    return json.dumps(issues, ensure_ascii=False, indent=1)


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

    def report(self, per_file: int = 50, errors_only: bool = False) -> str:
        """Every problem, sorted; past ``per_file`` in one file, a count instead,
        so a file with thousands of mistakes does not bury the others.  With
        ``errors_only``, the errors alone, the warnings only counted (so they
        do not bury the errors either)."""
        lines, shown = [], {}
        for problem in sorted(self.errors if errors_only else self, key=Problem.sort_key):
            shown[problem.loc.file] = shown.get(problem.loc.file, 0) + 1
            if shown[problem.loc.file] <= per_file:
                lines.append(problem.format())
        for file, count in shown.items():
            if count > per_file:
                lines.append(f"{file}: … và {count - per_file} vấn đề khác trong tệp này "
                             f"({count - per_file} more problems in this file)")
        errors, warnings = len(self.errors), len(self.warnings)
        unlisted = (" — cảnh báo không liệt kê ở đây, xem cửa sổ lệnh", "; the warnings are "
                    "not listed here, see the terminal") if errors_only and warnings else ("", "")
        lines.append(f"{errors} lỗi, {warnings} cảnh báo{unlisted[0]} ({errors} "
                     f"error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
                     f"{unlisted[1]})")
        return "\n".join(lines)


def line_column(text: str, at: int) -> tuple[int, int]:
    """The (line, column), from 1, of the character at offset ``at`` of ``text``."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def item_path(path: str, index: int, label: str = "") -> str:
    """A list item as an editor finds it: its place counted from 1, and the
    number or code written in it ('tasks[2: I.2]')."""
    return f"{path}[{index}: {label}]" if label else f"{path}[{index}]"
