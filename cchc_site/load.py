"""Stage 1, load: files → trees of text with their positions.

YAML is composed (never constructed), so every scalar stays the text the
editor typed, with its line and column; typing is the validator's job.
Only plain mappings, sequences and scalars are accepted: tags, anchors and
aliases have no use in content and are refused.  The tree is PyYAML's own
node tree, checked and cleaned where it lies (see ``_Cleaner``) rather than
copied into one of ours: a province has hundreds of thousands of nodes.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .labels import IMPORTED_DRAFT
from .model import Loc
from .problems import Problems, line_column
from .processes import fork_pool
from .vietnamese import garbled, nfc
from .yaml_errors import explain

KINDS = {"agencies": "agency", "plans": "plan", "reports": "report", "tthc": "catalogue",
         "pages": "page"}
YAML_SUFFIXES = (".yaml", ".yml")
ATTACHMENTS = "files"  # content/files/: published as they are, under files/
MAX_FILE_BYTES = 5_000_000
MAX_DEPTH = 40

_STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                  ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = {"", "~", "null", "Null", "NULL"}
_STR, NULL, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "seq", "map"))
Scalar, Sequence, Mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class _Loader(_BASE_LOADER):
    """Tells null from text and nothing else: scalars are never constructed,
    so matching every value against the int, float, bool and date patterns
    (PyYAML's resolver, in Python, once per value) would be wasted."""

    def resolve(self, kind, value, implicit):
        if kind is Scalar:
            return NULL if implicit[0] and value in _NULLS else _STR
        return _SEQ if kind is Sequence else _MAP

    # Called around every node for path resolvers, which none of ours uses.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


_LOADER = _Loader
Node = Scalar | Mapping | Sequence


def position(node: Node) -> tuple[int, int]:
    """Where the node starts: (line, column), 1-based."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


@dataclass
class SourceFile:
    """One content file: its kind, id (from the file name) and tree."""

    path: str
    kind: str
    id: str
    tree: Node | None  # None: not read or parsed; once prepared, an empty mapping at the root
    body: str = ""
    body_line: int = 0
    digest: str = ""  # of the file's bytes: what a rendered page depends on
    problems: list = field(default_factory=list)  # found while reading this file
    validated: tuple | None = None  # (record, problems) once the validator has built it


class FileCache:
    """Files read by the previous build, reused while their size and modification
    time are unchanged, so a rebuild reads and parses only what was edited."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, int], SourceFile]] = {}

    def read(self, site_dir: Path, path: Path, kind: str, prepare=None) -> SourceFile:
        rel, stamp, cached = self._lookup(site_dir, path, kind)
        if cached:
            return cached
        source = _load_file(site_dir, path, kind, prepare)
        self._files[rel] = (stamp, source)
        return source

    def read_ahead(self, site_dir: Path, entries: list[tuple[Path, str]], prepare,
                   processes: int) -> None:
        """Read the files not cached yet in ``processes`` processes: this one
        and forked readers, which also run ``prepare`` on each (the validator,
        so only finished records travel back, not their trees).  This process
        takes its share too rather than wait: receiving the others' records
        costs it less than reading its own.  Only from a process with no
        threads."""
        if processes < 2 or len(entries) < READ_AHEAD_FROM:
            return  # before any stat: the dev server passes here on every rebuild
        missing = [(path, kind) for path, kind in entries
                   if not self._lookup(site_dir, path, kind)[2]]
        if len(missing) < READ_AHEAD_FROM:
            return
        _AHEAD.update(site_dir=site_dir, prepare=prepare)
        try:
            pool = fork_pool(processes - 1)
            if pool is None:  # the files are then read one by one, as they are asked for
                return
            with pool:
                theirs = [entry for i, entry in enumerate(missing) if i % processes]
                chunk = max(1, len(theirs) // (processes * 8))
                pending = pool.imap(_read_prepared, theirs, chunk)
                for path, kind in missing[::processes]:
                    self.read(site_dir, path, kind, prepare)
                for rel, stamp, source in pending:
                    self._files[rel] = (stamp, source)
        finally:
            _AHEAD.clear()

    def _lookup(self, site_dir: Path, path: Path, kind: str):
        """(path in the site, modification stamp, the cached file if still current)."""
        rel = str(path.relative_to(site_dir))
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._files.get(rel)
        current = cached[1] if cached and cached[0] == stamp and cached[1].kind == kind else None
        return rel, stamp, current


READ_AHEAD_FROM = 150  # files; fewer are read as fast in one process
_AHEAD: dict = {}  # what forked readers work from (set just before the fork)


def _read_prepared(entry: tuple[Path, str]):
    """In a reader process: one file, read and prepared."""
    path, kind = entry
    stat = path.stat()
    source = _load_file(_AHEAD["site_dir"], path, kind, _AHEAD["prepare"])
    return source.path, (stat.st_mtime_ns, stat.st_size), source


def load_site(site_dir: Path, problems: Problems, cache: FileCache | None = None,
              prepare=None, processes: int = 1) -> tuple[SourceFile | None, list[SourceFile]]:
    """Read ``site.yaml`` and every file under ``content/``, in a stable order,
    each new file prepared (validated) as soon as it is read; with
    ``processes`` > 1, new files are read in parallel (see
    ``FileCache.read_ahead``)."""
    cache = cache or FileCache()
    config = None
    config_path = site_dir / "site.yaml"
    if config_path.is_file():
        config = cache.read(site_dir, config_path, "config", prepare)
        problems.extend(config.problems)
    else:
        problems.error(Loc("site.yaml"), "", "không tìm thấy tệp cấu hình site.yaml trong "
                       f"{site_dir}", f"no site.yaml found in {site_dir}")
    entries = content_files(site_dir, problems)
    if prepare is not None:
        cache.read_ahead(site_dir, entries, prepare, processes)
    files = []
    for path, kind in entries:
        source = cache.read(site_dir, path, kind, prepare)
        problems.extend(source.problems)
        files.append(source)
    return config, files


def _meant_name(name: str, wanted: tuple[str, ...]) -> str | None:
    """The name a content file was meant to have, when only its ending is off:
    in capitals ('x.YAML') or with one more added by an editor ('x.yaml.txt')."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix}" in wanted:
        return None
    if f".{suffix.lower()}" in wanted:
        return f"{stem}.{suffix.lower()}"
    inner, dot, suffix = stem.rpartition(".")
    return f"{inner}.{suffix.lower()}" if dot and inner and f".{suffix.lower()}" in wanted else None


def content_files(site_dir: Path, problems: Problems) -> list[tuple[Path, str]]:
    """Every content file to read, with its kind; a warning for each one that is not used."""
    content = site_dir / "content"
    if content.is_symlink():  # a link to elsewhere: every file of the site would be read there
        problems.error(Loc("content/"), "", "content/ là một liên kết tượng trưng (symlink): nội "
                       "dung không được đọc từ ngoài thư mục trang; hãy đặt thư mục thật vào đây",
                       "content/ is a symbolic link: content is not read from outside the site's "
                       "folder; put the real folder here")
        return []
    if not content.is_dir():
        problems.error(Loc("content/"), "", "không có thư mục content/",
                       "the content/ folder is missing")
        return []
    entries = []
    for path in regular_files(content, site_dir, problems, skip=ATTACHMENTS):
        rel = path.relative_to(site_dir)
        kind = KINDS.get(rel.parts[1]) if len(rel.parts) == 3 else None
        wanted = (".md",) if kind == "page" else YAML_SUFFIXES
        meant = _meant_name(path.name, wanted) if kind else None
        if meant:  # 'x.YAML', 'x.yaml.txt': in its folder, but not read
            problems.warn(Loc(str(rel)), "", "tệp này không được dùng vì đuôi tệp không phải "
                          f"{wanted[0]}: hãy đổi tên thành {meant}",
                          f"file not used, as its name does not end in {wanted[0]}: rename it "
                          f"{meant}")
            continue
        if kind is None or path.suffix not in wanted:
            problems.warn(Loc(str(rel)), "", "tệp này không được dùng: nội dung phải nằm trong "
                          "content/agencies, plans, reports, tthc (tệp .yaml) hoặc content/pages "
                          "(tệp .md)",
                          "file not used: content belongs in content/agencies, plans, reports, "
                          "tthc (.yaml files) or content/pages (.md files)")
            continue
        entries.append((path, kind))
    return entries


def attachments(site_dir: Path, problems: Problems) -> list[tuple[str, Path]]:
    """content/files/**: (path in the output, file), regular files only."""
    folder = site_dir / "content" / ATTACHMENTS
    return [(f"{ATTACHMENTS}/{path.relative_to(folder).as_posix()}", path)
            for path in regular_files(folder, site_dir, problems)]


def regular_files(folder: Path, site_dir: Path, problems: Problems, skip: str = "") -> list[Path]:
    """The files under ``folder``, sorted, but for hidden ones and those in its
    subfolder ``skip``; a symbolic link (to a file or a folder, or the folder
    itself) is not followed but warned of, so nothing outside the site is
    read or published through one.  (Directory entries tell links, folders
    and files apart without a system call each: the dev server walks a
    province's content on every save.)"""
    found: list[Path] = []
    if folder.is_symlink():
        _warn_link(folder, site_dir, problems)
        return found
    pending = [(folder, skip)] if folder.is_dir() else []
    while pending:
        here, leave_out = pending.pop()
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.name.startswith(".") or entry.name == leave_out:
                    continue
                if entry.is_symlink():
                    _warn_link(Path(entry.path), site_dir, problems)
                elif entry.is_dir(follow_symlinks=False):
                    pending.append((Path(entry.path), ""))
                elif entry.is_file(follow_symlinks=False):  # not a pipe or a socket
                    found.append(Path(entry.path))
    return sorted(found)


def _warn_link(path: Path, site_dir: Path, problems: Problems) -> None:
    problems.warn(Loc(str(path.relative_to(site_dir))), "",
                  "liên kết tượng trưng (symlink) bị bỏ qua, không được đọc hay đăng; hãy chép "
                  "tệp hay thư mục thật vào",
                  "symbolic link skipped, neither read nor published; copy the real file or "
                  "folder in")


def _load_file(site_dir: Path, path: Path, kind: str, prepare=None) -> SourceFile:
    """The file's tree, or a SourceFile with no tree when it cannot be read.
    With ``prepare``, the file is prepared at once and its tree let go (an
    empty mapping stands at its root): the prepared record holds everything
    later stages read, and a site's trees all kept would cost more memory
    than the records, and more time to send from a reader process than to
    parse again."""
    rel = str(path.relative_to(site_dir))
    problems = Problems()
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    text = read_text(data, rel, problems)
    if text is None:
        return SourceFile(rel, kind, path.stem, None, digest=digest, problems=problems)
    if text.startswith(IMPORTED_DRAFT):
        problems.warn(Loc(rel, 1, 1), "", "tệp vẫn là bản nháp do 'cchc-site import' viết: hãy soát "
                      "từng mục với văn bản gốc (các dòng '# Lưu ý' ở đầu tệp chỉ chỗ cần xem), rồi "
                      "xóa các dòng ghi chú ở đầu tệp",
                      "the file is still the draft 'cchc-site import' wrote: review it against the "
                      "original (the '# Lưu ý' lines at its top say where), then delete the "
                      "comment lines at its top")
    body, body_line = "", 0
    if kind == "page":
        text, body, body_line = split_front_matter(text)
    tree = parse_yaml(text, rel, problems, empty_ok=kind == "page")
    source = SourceFile(rel, kind, path.stem, tree, nfc(body), body_line, digest, problems)
    if prepare is not None and tree is not None:
        prepare(source)
        source.tree = Mapping(_MAP, [], tree.start_mark, tree.end_mark)
    return source


_SAVE_AS_UTF8 = ("hãy lưu lại với mã hóa UTF-8: trong Notepad, Tệp › Lưu thành… › Mã hóa: "
                 "UTF-8; trong VS Code, nhấp tên mã hóa ở thanh dưới cùng › Save with Encoding › "
                 "UTF-8", "save it as UTF-8: in Notepad, File › Save as… › Encoding: UTF-8; in VS "
                 "Code, click the encoding in the status bar › Save with Encoding › UTF-8")


def read_text(data: bytes, rel: str, problems: Problems) -> str | None:
    if len(data) > MAX_FILE_BYTES:
        problems.error(Loc(rel), "", f"tệp quá lớn ({len(data)} byte, tối đa {MAX_FILE_BYTES})",
                       f"file too large ({len(data)} bytes, at most {MAX_FILE_BYTES})")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.error(Loc(rel), "", "tệp được lưu với mã hóa UTF-16 (Notepad gọi là “Unicode”), "
                       f"không phải UTF-8; {_SAVE_AS_UTF8[0]}",
                       f"saved as UTF-16 (Notepad's 'Unicode'), not UTF-8; {_SAVE_AS_UTF8[1]}")
        return None
    if b"\x00" in data:
        problems.error(Loc(rel), "", "tệp không phải văn bản UTF-8 (có thể là UTF-16 hoặc tệp "
                       f"nhị phân); {_SAVE_AS_UTF8[0]}",
                       f"not UTF-8 text (UTF-16 or a binary file?); {_SAVE_AS_UTF8[1]}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        problems.error(Loc(rel, line, 1), "", "tệp không phải mã hóa UTF-8 (có thể là "
                       f"Windows-1258, TCVN3 hay VNI); {_SAVE_AS_UTF8[0]}",
                       "not UTF-8 (a legacy encoding such as Windows-1258, TCVN3 or VNI?); "
                       f"{_SAVE_AS_UTF8[1]}")
        return None
    text = nfc(plain_newlines(text))  # CR-only files too
    _warn_unseen_letters(text, rel, problems)
    return text


_HIDDEN_NAMES = {  # (Vietnamese, English)
    "\u200b": ("khoảng trắng độ rộng 0", "zero-width space"),
    "\u200c": ("ký tự không nối", "zero-width non-joiner"),
    "\u200d": ("ký tự nối", "zero-width joiner"), "\u2060": ("ký tự nối từ", "word joiner"),
    "\ufeff": ("dấu BOM", "byte order mark"), "\u00ad": ("gạch nối mềm", "soft hyphen")}
_HIDDEN = re.compile("[" + "".join(_HIDDEN_NAMES) + "]")  # after the file's own BOM, dropped


def _warn_unseen_letters(text: str, rel: str, problems: Problems) -> None:
    """Text the page would show garbled (a legacy font, a wrong code page),
    or holding characters no one sees (a zero-width space pasted from the web)."""
    found = garbled(text)
    if found:
        start, vi, en = found
        problems.warn(Loc(rel, *line_column(text, start)), "",
                      f"{vi} (để nguyên thì trang hiện đúng như thế)",
                      f"{en} (as it is, the page shows it so)")
        return  # its soft hyphens are letters gone wrong ('ư' in TCVN3, 'ậ' read as 1252)
    hidden = _HIDDEN.search(text)
    if hidden:
        char, (name_vi, name_en) = f"U+{ord(hidden[0]):04X}", _HIDDEN_NAMES[hidden[0]]
        problems.warn(Loc(rel, *line_column(text, hidden.start())), "",
                      f"có ký tự ẩn {char} ({name_vi}, thường do dán từ trang web "
                      "hay Word): không thấy được nhưng làm chữ khác đi (mã nhiệm vụ, tên đơn vị "
                      "không khớp, tìm kiếm không thấy); hãy xóa nó (xóa cả chữ quanh nó rồi gõ lại)",
                      f"a hidden character {char} ({name_en}, often pasted "
                      "from a web page or Word): invisible, but it makes the text differ (task "
                      "keys and unit names do not match, search misses it); delete it (delete the "
                      "text around it and type it again)")


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split a Markdown file into its YAML front matter and body.

    The front matter keeps its line numbers (blank lines stand in for the
    opening fence); the body starts at line ``body_line``."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                front = "\n".join([""] + lines[1:i])
                return front, "\n".join(lines[i + 1:]), i + 2
    return "", text, 1


_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def plain_newlines(text: str) -> str:
    """CR LF, CR, NEL and the Unicode line and paragraph separators → LF."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return _LINE_BREAKS.sub("\n", text)
    return text


def parse_yaml(text: str, rel: str, problems: Problems, empty_ok: bool = True) -> Node | None:
    """The file's tree; an empty mapping for no YAML at all (blank lines and
    comments: a page's front matter may be), unless not ``empty_ok``, where
    the file is said to be empty (not each of its missing fields)."""
    # YAML also breaks lines at CR, NEL and the Unicode separators: make them
    # plain newlines so every line number we compute is the parser's.
    text = plain_newlines(text)
    if _tabs_in_indentation(text, rel, problems) or _flow_too_deep(text, rel, problems) \
            or _aliases(text, rel, problems):
        return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        line, column, vi, en = explain(exc, text)
        problems.error(Loc(rel, line, column), "", vi, en)
        return None
    if node is None and not empty_ok:
        problems.error(Loc(rel, 1, 1), "", "tệp trống: không có trường nào (chỉ có dòng trống hay "
                       "chú thích '#'); có lẽ tệp chưa được lưu, hay nội dung đã bị xóa nhầm",
                       "the file is empty: no fields at all (only blank lines or '#' comments); "
                       "perhaps it was not saved, or its content was deleted by mistake")
        return None
    if node is None:
        start = yaml.Mark(rel, 0, 0, 0, None, None)
        return Mapping(_MAP, [], start, start)
    return _Cleaner(rel, text, problems).clean(node, 0)


_BAD_INDENT = re.compile("^[ \t\u00a0]*[\t\u00a0]", re.MULTILINE)


def _tabs_in_indentation(text: str, rel: str, problems: Problems) -> bool:
    """YAML indents with plain spaces only; a tab, or the no-break space that
    Word pastes, breaks it with an obscure message: point at each one."""
    if ("\t" not in text and "\u00a0" not in text) or not _BAD_INDENT.search(text):
        return False
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[:len(line) - len(line.lstrip(" \t\u00a0"))]
        bad = next((i for i, ch in enumerate(indent) if ch != " "), None)
        if bad is not None and line.strip():
            found = True
            name_vi, name_en = ("Tab", "a tab") if indent[bad] == "\t" else \
                ("khoảng trắng không ngắt (thường do dán từ Word)", "a no-break space")
            problems.error(Loc(rel, number, bad + 1), "",
                           f"có ký tự {name_vi} ở đầu dòng; YAML chỉ cho thụt lề bằng dấu cách: "
                           "hãy xóa phần thụt lề của dòng này rồi gõ lại bằng dấu cách, thẳng "
                           "cột với các trường cùng cấp",
                           f"{name_en} in the indentation; YAML indents with plain spaces only: "
                           "delete this line's indentation and type it again with spaces, lined "
                           "up with the fields of its level")
    return found


_FLOW_CHARS = re.compile(r"[\n\"'#\[\]{}]")


def _flow_too_deep(text: str, rel: str, problems: Problems) -> bool:
    """Brackets nested thousands deep crash libyaml's parser (a C stack
    overflow, not an exception): count them first, outside quotes and comments."""
    if text.count("[") + text.count("{") <= MAX_DEPTH or _nesting_bound(text) <= MAX_DEPTH:
        return False
    return _scan_flow(text, rel, problems)


# What the scan below skips, whole: quoted text (to the first quote not after a
# backslash, or to the end), comments, and runs of characters it does not count.
_SKIPPED = re.compile(r'"(?:(?:[^"]*+(?<=\\)")*+[^"]*+"|[\s\S]*)'
                      r"|'(?:(?:[^']*+(?<=\\)')*+[^']*+'|[\s\S]*)"
                      r"|#(?<![^ \t\n]#)[^\n]*|[^\[\]{}\"'#]++")
_PAIR = re.compile(r"[\[{][\]}]")


def _nesting_bound(text: str) -> int:
    """No less than the depth ``_scan_flow`` finds (or than MAX_DEPTH + 1),
    from regexes alone: a plan has hundreds of quoted values, each a step of
    the scan.  The brackets the scan counts lose their innermost pairs pass
    after pass, each pass taking one level off the deepest; what is left
    cannot pair up (closings, then openings), and each opening is one level
    more."""
    brackets = _SKIPPED.sub("", text).replace("#", "")
    for passes in range(MAX_DEPTH + 1):
        brackets, paired = _PAIR.subn("", brackets)
        if not paired:
            return passes + brackets.count("[") + brackets.count("{")
    return MAX_DEPTH + 1


def _scan_flow(text: str, rel: str, problems: Problems) -> bool:
    depth, quote = 0, ""
    line, line_start = 1, 0
    for match in _FLOW_CHARS.finditer(text):  # only the characters that matter
        at = match.start()
        char, previous = text[at], text[at - 1] if at else "\n"
        if char == "\n":
            line, line_start, quote = line + 1, at + 1, "" if quote == "#" else quote
        elif quote == "#":
            pass
        elif quote:
            if char == quote and previous != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and previous in " \t\n":
            quote = "#"
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                problems.error(Loc(rel, line, at - line_start + 1), "",
                               f"lồng quá sâu (quá {MAX_DEPTH} cấp)",
                               f"nested too deeply (more than {MAX_DEPTH} levels)")
                return True
        elif char in "]}":
            depth = max(depth - 1, 0)
    return False


_STAR_NAME = re.compile(r"\*[\w-]")  # starts with a literal, so searched fast


def _may_alias(text: str) -> bool:
    """Whether an alias may start in ``text``: '*' and a name's first character,
    at the start or after a space, a line break, a flow bracket or a quoted
    key's colon (so not Markdown's '**bold**' nor its '* item')."""
    return any(m.start() == 0 or text[m.start() - 1] in " \t\n[{,:"
               for m in _STAR_NAME.finditer(text))


def _aliases(text: str, rel: str, problems: Problems) -> bool:
    """Anchors and aliases have no use in content and are how 'billion
    laughs' files blow up: refuse the file at its first alias."""
    if "*" not in text or not _may_alias(text):
        return False
    aliases = []
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                aliases.append(event.start_mark)
    except yaml.YAMLError:
        return False  # the syntax error is reported by the parse that follows
    if not aliases:
        return False
    more = f" (và {len(aliases) - 1} chỗ khác)" if len(aliases) > 1 else ""
    more_en = f" ({len(aliases) - 1} more)" if len(aliases) > 1 else ""
    problems.error(_loc(rel, aliases[0]), "", "không dùng neo/bí danh YAML (& và *) trong nội "
                   f"dung; hãy viết lại giá trị{more}", "YAML anchors and aliases (& and *) are "
                   f"not allowed in content; write the value out{more_en}")
    return True


def _loc(rel: str, mark) -> Loc:
    return Loc(rel, mark.line + 1, mark.column + 1) if mark else Loc(rel)


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


class _Cleaner:
    """Checks what PyYAML lets through, and leaves the composed tree as the
    validator reads it: keys plain, unique text (NFC, without invisible
    characters); scalars NFC text, tagged NULL where the editor left them
    empty (a blank, ``~`` or ``null`` without quotes, or a value tagged
    null) and text otherwise; nothing nested deeper than MAX_DEPTH."""

    def __init__(self, rel: str, text: str, problems: Problems):
        self.rel, self.problems = rel, problems
        self.lines = text.split("\n") if "#" in text else []
        self.hash_lines = {i for i, line in enumerate(self.lines) if "#" in line}

    def clean(self, node, depth: int) -> Node:
        """The node, checked and cleaned with all below it; past MAX_DEPTH, a
        null in its place."""
        if depth > MAX_DEPTH:
            self.problems.error(_loc(self.rel, node.start_mark), "",
                                f"lồng quá sâu (quá {MAX_DEPTH} cấp)",
                                f"nested too deeply (more than {MAX_DEPTH} levels)")
            return Scalar(NULL, "", node.start_mark, node.end_mark, "")
        tag = node.tag
        if tag not in _STANDARD_TAGS:
            self.problems.error(_loc(self.rel, node.start_mark), "",
                                f"không hỗ trợ thẻ YAML {tag!r}; hãy bỏ thẻ đi",
                                f"YAML tag {tag!r} is not supported; remove it")
        kind = type(node)
        if kind is Scalar:
            if not node.style and node.end_mark.line in self.hash_lines:
                self._comment_after(node)
            if tag is not _STR and tag is not NULL:  # tagged by the editor
                node.tag = NULL if tag.endswith(":null") and not node.style else _STR
            node.value = nfc(node.value)
            return node
        # Most values are untagged scalars, and in a file without a '#' and
        # not too deep all they need is NFC: done here, without a call each.
        plain = not self.hash_lines and depth < MAX_DEPTH
        if kind is Sequence:
            items = node.value
            for i, item in enumerate(items):
                if plain and type(item) is Scalar and (item.tag is _STR or item.tag is NULL):
                    item.value = nfc(item.value)
                else:
                    items[i] = self.clean(item, depth + 1)
        else:
            node.value = self._entries(node.value, depth, plain)
        return node

    def _entries(self, pairs: list, depth: int, plain: bool) -> list:
        seen: dict[str, Scalar] = {}
        kept = []
        for key_node, value_node in pairs:
            if type(key_node) is not Scalar:
                self.problems.error(_loc(self.rel, key_node.start_mark), "",
                                    "tên trường phải là chữ", "a key must be plain text")
                continue
            key = nfc(key_node.value)
            if not key.isascii():
                key = key.translate(_INVISIBLE)
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.problems.error(_loc(self.rel, key_node.start_mark), "",  # the key is named
                                    f"trường '{key}' bị lặp lại (đã có ở dòng {first}): chỉ "
                                    "giữ một, hãy xóa dòng sai hay gộp nội dung hai dòng",
                                    f"duplicate key '{key}' (first at line {first}): keep one, "
                                    "deleting the wrong line or merging the two")
                continue
            key_node.value = key
            seen[key] = key_node
            if plain and type(value_node) is Scalar and (value_node.tag is _STR
                                                         or value_node.tag is NULL):
                value_node.value = nfc(value_node.value)
            else:
                value_node = self.clean(value_node, depth + 1)
            kept.append((key_node, value_node))
        return kept

    def _comment_after(self, node) -> None:
        """'Báo cáo #1' loses '#1' silently: YAML reads ' #' as a comment.
        A '#' followed by a letter or digit is more likely text: say so."""
        end = node.end_mark
        rest = self.lines[end.line][end.column:]
        stripped = rest.lstrip()
        if rest[:1] in (" ", "\t") and stripped.startswith("#") and stripped[1:2].strip():
            column = end.column + len(rest) - len(stripped) + 1
            self.problems.warn(Loc(self.rel, end.line + 1, column), "",
                               f"phần '{stripped}' bị YAML coi là chú thích và bỏ đi; nếu đó là "
                               "nội dung, hãy đặt cả giá trị trong ngoặc kép \"…\"",
                               f"'{stripped}' is read as a YAML comment and dropped; if it is "
                               "part of the value, put the whole value in double quotes")
