"""Stage 5, write: put the built files in place without ever losing the last good site.

The new site is written to a staging folder beside the output folder and
swapped in whole only once every page is written, so a failed or killed
build leaves the published folder as it was.  The tool writes only into a
folder it created (it leaves a marker file there): never into the project
root, ``content/``, ``templates/`` or a folder that holds other files.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import ctypes.util
import os
from collections.abc import Iterable
from pathlib import Path

MARKER = ".cchc-site-output"
MARKER_HEADER = "# This folder is written by cchc-site; each build replaces it whole. Files:"


class OutputError(Exception):
    """The output folder cannot be used; the message is bilingual."""


def check_output(site_dir: Path, output_dir: Path) -> None:
    site = site_dir.resolve()
    out = output_dir.resolve()
    if out == site or out in site.parents:
        raise OutputError(f"thư mục xuất {out} chứa cả trang nguồn; hãy chọn thư mục khác\n"
                          f"    output folder {out} contains the site itself; choose another one")
    for protected in ("content", "templates", ".git"):
        inner = site / protected
        if out == inner or inner in out.parents:
            raise OutputError(f"không ghi vào {out}: đây là thư mục {protected}/ của trang\n"
                              f"    refusing to write into {out}: it is the site's {protected}/")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} đã có và không phải thư mục\n"
                          f"    {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"không ghi vào {out}: thư mục này có sẵn tệp và không do cchc-site "
                          f"tạo ra; hãy chọn thư mục khác hoặc một thư mục trống\n"
                          f"    refusing to write into {out}: it holds files and was not created "
                          f"by cchc-site; choose another folder or an empty one")
    foreign = _foreign_files(out)
    if foreign:
        shown = "\n".join(f"      {name}" for name in foreign[:10])
        more = f"\n      … (+{len(foreign) - 10})" if len(foreign) > 10 else ""
        raise OutputError(f"{out} có tệp không do cchc-site tạo ra; lần dựng mới sẽ thay cả thư "
                          f"mục nên các tệp này sẽ mất. Hãy chuyển chúng ra chỗ khác (tệp đính "
                          f"kèm đặt trong content/files/):\n{shown}{more}\n"
                          f"    {out} holds files cchc-site did not write; a build replaces the "
                          f"whole folder, so move them elsewhere first (attachments belong in "
                          f"content/files/)")


def _foreign_files(out: Path) -> list[str]:
    """Files in an output folder that the last build did not write."""
    marker = out / MARKER
    if not marker.is_file():
        return []
    lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    if not lines or lines[0] != MARKER_HEADER:
        return []
    written = set(lines[1:]) | {MARKER}
    return sorted(name for name in _entries(out) if name not in written)


def _entries(out: Path):
    """Every file and symbolic link under ``out`` (links to folders are not
    followed), as the '/'-separated paths the marker lists: from os.walk's
    names, not a Path and a stat for each of a province's 36,000 files."""
    for root, dirs, files in os.walk(out):
        rel = os.path.relpath(root, out)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        yield from (prefix + name for name in files)
        yield from (prefix + name for name in dirs if os.path.islink(os.path.join(root, name)))


def staging_dir(output_dir: Path) -> Path:
    return output_dir.parent / f".{output_dir.name}.staging"


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | \
    getattr(os, "O_BINARY", 0)


class FolderWriter:
    """Writes files into one folder, making each sub-folder once (a province
    writes tens of thousands of files into a few thousand folders)."""

    def __init__(self, folder: Path):
        self.folder = str(folder)
        self._made: set[str] = set()

    def write(self, rel: str, data: bytes) -> None:
        target = os.path.join(self.folder, rel)
        parent = os.path.dirname(target)
        if parent not in self._made:
            os.makedirs(parent, exist_ok=True)
            self._made.add(parent)
        # os.open, not open(): no file object with its buffer for one write (a
        # quarter of the cost of a small file, for tens of thousands of them)
        descriptor = os.open(target, _NEW_FILE, 0o666)
        try:
            view = memoryview(data)
            while view:  # a write may stop short (a disk filling up)
                view = view[os.write(descriptor, view):]
        finally:
            os.close(descriptor)


class Staging:
    """A new site written file by file beside the output folder, then swapped
    in whole.  Any failure (a full disk, a read-only folder, an error in the
    build) removes the half-written staging folder and leaves the published
    one as it was.

        with Staging(output) as staging:
            staging.write(files)          # as often as needed
        # swapped in here, unless staging.abort() was called
    """

    def __init__(self, output_dir: Path):
        self.output_dir = output_dir.resolve()
        self.folder = staging_dir(self.output_dir)
        self.written: list[str] = []
        self.aborted = False
        self.writer = FolderWriter(self.folder)

    @property
    def count(self) -> int:
        return len(self.written)

    def __enter__(self) -> Staging:
        self.guard(lambda: (self.output_dir.parent.mkdir(parents=True, exist_ok=True),
                             _clear_own_folder(self.folder), self.folder.mkdir(),
                             (self.folder / MARKER).write_text(MARKER_HEADER + "\n",
                                                               encoding="utf-8")))
        return self

    def write(self, files: Iterable[tuple[str, bytes]]) -> None:
        def write_all():
            for rel, data in files:
                self.writer.write(rel, data)
                self.written.append(rel)
        self.guard(write_all)

    def abort(self) -> None:
        self.aborted = True

    def __exit__(self, kind, value, trace) -> bool:
        if kind is not None or self.aborted:
            self._remove()
            return False
        self.guard(self._swap)
        return False

    def _swap(self) -> None:
        (self.folder / MARKER).write_text("\n".join([MARKER_HEADER] + sorted(self.written))
                                          + "\n", encoding="utf-8")
        if self.output_dir.exists():
            _exchange(self.folder, self.output_dir)
            _clear_own_folder(self.folder)
        else:
            os.rename(self.folder, self.output_dir)

    def _remove(self) -> None:
        if self.folder.is_dir() and (self.folder / MARKER).is_file():
            with contextlib.suppress(OSError):
                _remove_own(self.folder)  # nothing half-written stays behind

    def guard(self, action) -> None:
        try:
            action()
        except OSError as exc:
            self._remove()
            raise OutputError(f"không ghi được trang mới bên cạnh {self.output_dir}: "
                              f"{exc.strerror} (đĩa đầy hoặc thư mục chỉ đọc?); trang cũ được "
                              f"giữ nguyên\n    could not write the new site next to "
                              f"{self.output_dir}: {exc.strerror} (disk full or read-only?); the "
                              f"old site is kept") from exc


def _clear_own_folder(folder: Path) -> None:
    """Remove a staging folder left by an earlier build, if it is ours."""
    if not folder.exists():
        return
    if not (folder / MARKER).is_file() and any(folder.iterdir()):
        raise OutputError(f"{folder} có sẵn và không do cchc-site tạo ra; hãy xóa hoặc đổi tên nó\n"
                          f"    {folder} exists and was not created by cchc-site; "
                          f"remove or rename it")
    _remove_own(folder)


def _remove_own(folder: Path) -> None:
    """Delete one of our folders with its marker last, so a deletion cut short
    by a kill still leaves a folder we recognise and finish next time."""
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            if not (name == MARKER and Path(root) == folder):
                os.unlink(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            os.unlink(path) if os.path.islink(path) else os.rmdir(path)
    (folder / MARKER).unlink(missing_ok=True)
    folder.rmdir()


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders in one step (Linux renameat2), so there is no moment
    when the output folder is missing; elsewhere, two quick renames."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) \
        if libc_name else None
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
        if result == 0:
            return
    old = b.parent / f".{b.name}.old"
    _clear_own_folder(old)
    os.rename(b, old)
    os.rename(a, b)
    os.rename(old, a)


def write_changes(output_dir: Path, files: list[tuple[str, bytes]],
                  previous: dict[str, str], prune: bool = True) -> tuple[dict[str, str], int]:
    """Bring a folder this process owns up to date in place: write only the
    files whose bytes changed since ``previous`` (path → digest) and, when
    ``prune``, remove those no longer built.  Returns the digests of ``files``
    and how many were written."""
    output_dir.mkdir(parents=True, exist_ok=True)
    current = {}
    written = 0
    for rel, data in files:
        digest = hashlib.sha256(data).hexdigest()
        current[rel] = digest
        if previous.get(rel) != digest:
            target = output_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(target.name + ".cchc-tmp")
            temporary.write_bytes(data)
            os.replace(temporary, target)
            written += 1
    for rel in (previous.keys() - current.keys()) if prune else ():
        (output_dir / rel).unlink(missing_ok=True)
    return current, written
