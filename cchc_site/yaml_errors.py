"""PyYAML's syntax errors, explained to an editor: where the mistake really is
and how to fix it, in Vietnamese and English.

PyYAML often notices a mistake a line later than it was made (a key with no
colon is only caught at the next key) and words it for parser writers
("mapping values are not allowed in this context"); these rules move the
position back to the mistake and say what to change.
"""

from __future__ import annotations

import re

import yaml

_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd"
                            "\U00010000-\U0010ffff]")
QUOTE_VI = "hãy đặt cả giá trị trong ngoặc kép \"…\""
QUOTE_EN = "put the whole value in double quotes \"…\""
_WORD_QUOTES = "“”‘’„«»"
_GLUED_COLON = re.compile(r"\s*(?:- )?(?P<key>[^\W\d][\w-]*):(?P<after>[^\s:/]|\u00a0)")  # 'year:2025'


def explain(exc: yaml.YAMLError, text: str) -> tuple[int, int, str, str]:
    """(line, column, Vietnamese, English) for a YAML error; 1-based."""
    lines = text.split("\n")
    if isinstance(exc, yaml.reader.ReaderError):
        found = _NOT_PRINTABLE.search(text)  # the C reader counts bytes, not characters
        position = found.start() if found else min(exc.position, len(text))
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        char = f"U+{ord(found.group()):04X}" if found else repr(exc.character)
        return (line, column,
                f"có ký tự điều khiển {char} không được phép (thường do dán từ Word hoặc PDF); "
                "hãy xóa ký tự đó",
                f"a control character {char} is not allowed (often pasted from Word or PDF); "
                "delete it")
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return 0, 0, "YAML không hợp lệ", f"invalid YAML: {exc}"
    mark = exc.problem_mark
    line, column = mark.line + 1, mark.column + 1
    problem, context = exc.problem or "", exc.context or ""
    here = lines[mark.line] if mark.line < len(lines) else ""
    glued_dash = _glued_dash(lines, mark.line)
    if glued_dash:
        return glued_dash
    if "mapping values are not allowed" in problem:
        return _stray_colon(lines, mark.line, mark.column)
    if "quoted scalar" in context and exc.context_mark:
        start = exc.context_mark
        return (start.line + 1, start.column + 1,
                "dấu ngoặc kép mở ở đây chưa được đóng; thêm dấu \" (hoặc ') ở cuối giá trị",
                "the quote opened here is never closed; add the closing \" (or ') at the end "
                "of the value")
    if "cannot start any token" in problem or "while scanning an alias" in context or \
            "while scanning an anchor" in context or "found undefined alias" in problem:
        start = exc.context_mark or mark
        char = here[start.column:start.column + 1] if start.line == mark.line else ""
        if char == "\t":
            return (start.line + 1, start.column + 1,
                    "có một dấu Tab ở đây; YAML không nhận Tab: hãy thay bằng dấu cách",
                    "there is a Tab here; YAML does not take tabs: replace it with spaces")
        return (start.line + 1, start.column + 1,
                f"giá trị không được bắt đầu bằng ký tự '{char}'; {QUOTE_VI}",
                f"a value cannot start with '{char}'; {QUOTE_EN}")
    if "block sequence entries are not allowed" in problem:
        return (line, column,
                f"dấu '- ' ở giữa dòng: danh sách thì mỗi mục viết trên một dòng riêng; nếu đây "
                f"là nội dung, {QUOTE_VI}",
                f"a '- ' in the middle of a line: write one list item per line; if it is "
                f"text, {QUOTE_EN}")
    if "flow sequence" in context or "flow mapping" in context:
        start = exc.context_mark
        closing = "]" if "sequence" in context else "}"
        return (start.line + 1, start.column + 1,
                f"danh sách mở bằng '{'[' if closing == ']' else '{'}' ở đây chưa được đóng bằng "
                f"'{closing}'; nếu đây là nội dung, {QUOTE_VI}",
                f"the list opened here is never closed with '{closing}'; if it is text, {QUOTE_EN}")
    if "expected <block end>" in problem or "did not find expected key" in problem or \
            "did not find expected '-'" in problem:
        quoted = _quoted_before(text, mark)
        if quoted and quoted.start_mark.line < mark.line:
            runaway = quoted.start_mark
            return (runaway.line + 1, runaway.column + 1,
                    "dấu ngoặc kép mở ở đây không được đóng trên dòng này, nên giá trị chạy sang "
                    f"tận dấu ngoặc ở dòng {mark.line + 1}; thêm dấu \" (hoặc ') ở cuối giá trị",
                    "the quote opened here is not closed on its line, so the value runs on to "
                    f"the quote on line {mark.line + 1}; add the closing \" (or ') at the end of "
                    "the value")
        if quoted:
            return _closed_early(here, quoted)
        block = _block_above(lines, mark.line)
        if block:
            key_row, first_row, indent = block
            key = lines[key_row].strip().removeprefix("- ").split(":")[0]
            return (line, column,
                    f"dòng này thụt vào ít hơn dòng đầu của khối văn bản '{key}: |' ở dòng "
                    f"{key_row + 1}: mọi dòng của khối phải thụt vào ít nhất tới cột {indent + 1}, "
                    f"như dòng {first_row + 1}",
                    f"this line is indented less than the first of the text block '{key}: |' on "
                    f"line {key_row + 1}: every line of the block must reach column {indent + 1} "
                    f"at least, as line {first_row + 1} does")
        vi, en = _columns_above(lines, mark.line)
        return (line, column,
                "thụt lề của dòng này không khớp với các dòng trên; các trường cùng cấp phải "
                f"thẳng cột với nhau{vi}",
                "this line's indentation does not match the lines above; fields of one level "
                f"must line up{en}")
    if "could not find expected ':'" in problem:
        start = exc.context_mark or mark
        here = lines[start.line] if start.line < len(lines) else ""
        glued = _GLUED_COLON.match(here)
        if glued:  # 'deadline:Quý III', or a no-break space from Word after the ':'
            nbsp = glued["after"] == "\u00a0"
            return (start.line + 1, glued.end("key") + 1,
                    "sau dấu ':' của tên trường cần một dấu cách thường"
                    + (" (ở đây là dấu cách không ngắt, thường chép từ Word: hãy xóa và gõ lại)"
                       if nbsp else ""),
                    "a plain space must follow the field name's ':'"
                    + (" (this one is a no-break space, as pasted from Word: retype it)"
                       if nbsp else ""))
        return (start.line + 1, start.column + 1,
                "thiếu dấu ':' sau tên trường", "a ':' is missing after the field name")
    return (line, column, "YAML không hợp lệ ở đây; kiểm tra dấu ':', ngoặc kép và thụt lề",
            f"invalid YAML here ({problem or context}); check colons, quotes and indentation")


def _quoted_before(text: str, mark) -> yaml.ScalarToken | None:
    """The quoted value that ends on the line of the mistake, right before it:
    one that ran past the end of its line, up to the opening quote of the
    next value (its own closing quote forgotten), or one that closed before
    the value did ('"Đang dự thảo 03" quy định…'), the rest then left over."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ('"', "'") and \
            last.end_mark.line == mark.line:
        return last
    return None


def _closed_early(here: str, quoted: yaml.ScalarToken) -> tuple[int, int, str, str]:
    """A value that starts with a quoted phrase and goes on after it: YAML
    takes the quotes for the whole value's, so the words after are left over.
    The whole value is quoted with the other kind of quote, which it may hold."""
    start = quoted.start_mark.column
    field = here[:start].strip()
    whole = here[start:].rstrip()
    if quoted.style == '"':
        names = ("ngoặc kép", "dấu nháy đơn", "double quotes", "single quotes")
        whole = "'" + whole.replace("'", "''") + "'"
    else:
        names = ("dấu nháy", "ngoặc kép", "single quotes", "double quotes")
        whole = '"' + whole.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (quoted.start_mark.line + 1, start + 1,
            f"{names[0]} đóng ở cột {quoted.end_mark.column} trước khi giá trị kết thúc; YAML "
            "hiểu dấu ở đầu là của cả giá trị, nên phần sau dấu đóng bị thừa: "
            f"hãy đặt cả giá trị trong {names[1]}, {field} {whole}, hoặc đừng bắt đầu giá trị "
            f"bằng {names[0]}",
            f"the {names[2]} close at column {quoted.end_mark.column}, before the value ends; "
            f"YAML takes a quote at the start for the whole value's, leaving the words after it "
            f"over: put the whole value in {names[3]}, {field} {whole}, or do not start it with "
            f"{names[2]}")


_GLUED_DASH = re.compile(r"( *)-(?:[^\W\d_]|[\"'])")  # '-task: I.2', '-"I.2"': not '-5'


def _glued_dash(lines: list[str], row: int) -> tuple[int, int, str, str] | None:
    """A list item with no space after its '-' ('  -task: "I.2"'), on the line
    of the mistake or the one above it (noticed at the item's next line, as
    far left or further right): YAML reads '-task' as a name, not an item."""
    above = next((r for r in range(min(row, len(lines)) - 1, -1, -1) if lines[r].strip()), None)
    here = lines[row] if row < len(lines) else ""
    for candidate in (row, above):
        if candidate is None or candidate == above and here.strip() and _indent(here) < _indent(
                lines[above]):
            continue
        glued = _GLUED_DASH.match(lines[candidate]) if candidate < len(lines) else None
        if glued:
            item = "- " + lines[candidate].strip()[1:]
            item = item if len(item) <= 40 else item[:40] + "…"
            return (candidate + 1, len(glued[1]) + 1,
                    f"YAML không nhận dòng này là mục danh sách: hãy thêm dấu cách sau dấu '-', "
                    f"viết {item}", "YAML does not read this line as a list item: put a space "
                    f"after '-', write {item}")
    return None


def _stray_colon(lines: list[str], row: int, column: int) -> tuple[int, int, str, str]:
    """'mapping values are not allowed': a ': ' inside a value, a key with no
    colon on the line above, or a line indented deeper than it should be."""
    here = lines[row] if row < len(lines) else ""
    before = here[:column]
    if ": " in before or before.rstrip().endswith(":"):
        first = before.index(":") + 3 if ": " in before else column
        if here[first - 1:first] in _WORD_QUOTES:
            return (row + 1, first,
                    "nội dung có dấu ': ' nên YAML hiểu nhầm là một trường mới; ngoặc kép kiểu "
                    "Word (“…”) không được YAML tính là ngoặc kép: hãy thay bằng ngoặc kép "
                    "thường \"…\"",
                    "the value contains ': ', which YAML reads as a new field; Word's curly "
                    "quotes (“…”) are not quotes to YAML: use straight ones \"…\"")
        return (row + 1, first,
                f"nội dung có dấu ': ' nên YAML hiểu nhầm là một trường mới; {QUOTE_VI}",
                f"the value contains ': ', which YAML reads as a new field; {QUOTE_EN}")
    above = row - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above >= 0 and ":" not in lines[above] and not lines[above].lstrip().startswith("- "):
        indent = len(lines[above]) - len(lines[above].lstrip())
        return (above + 1, indent + 1, "dòng này thiếu dấu ':' sau tên trường",
                "this line is missing the ':' after the field name")
    indent = len(here) - len(here.lstrip())
    if above >= 0 and ":" not in lines[above] and _field_column(lines[above]) == indent:
        name, _, value = lines[above].lstrip()[2:].strip().partition(" ")  # '- task "II.1"'
        meant = f"- {name}: {value.strip()}".rstrip()
        return (above + 1, indent + 1, f"dòng này thiếu dấu ':' sau tên trường: hãy viết '{meant}'",
                f"this line is missing the ':' after the field name: write '{meant}'")
    vi, en = "hãy thẳng cột với các trường cùng cấp", "line it up with the fields of its level"
    stray = _dedented_above(lines, above, indent, here.lstrip().startswith("- "))
    if stray:
        return stray
    if above >= 0:  # the field above holds a value, so this one is most likely its neighbour
        field = lines[above].lstrip()
        column = len(lines[above]) - len(field) + 1
        if field.startswith("- "):
            field, column = field[2:], column + 2
        name = field.split(":")[0]
        if column <= indent:
            vi += f" (cột {column}, như '{name}:' ở dòng {above + 1})"
            en += f" (column {column}, like '{name}:' on line {above + 1})"
    return (row + 1, indent + 1,
            f"dòng này thụt lề sâu hơn dòng trên nên không đứng được ở đây; {vi}",
            f"this line is indented deeper than the line above allows; {en}")


def _field_column(line: str) -> int:
    """Where a line's field starts, 0-based ('- ' of a list item skipped)."""
    field = line.lstrip()
    return len(line) - len(field) + (2 if field.startswith("- ") else 0)


def _dedented_above(lines: list[str], above: int, indent: int,
                    is_item: bool) -> tuple[int, int, str, str] | None:
    """The line above, not this one, when it alone stepped left out of its
    block: this line goes on at the column of the lines before it (a field
    of the same record, or the next item of the same list)."""
    if above < 1 or len(lines[above]) - len(lines[above].lstrip()) >= indent:
        return None
    before = [row for row in range(above - 1, -1, -1) if lines[row].strip()]
    if not before:
        return None
    neighbour = before[0]
    if is_item:
        same_list = next((row for row in before
                          if len(lines[row]) - len(lines[row].lstrip()) <= indent), None)
        if same_list is None or len(lines[same_list]) - len(lines[same_list].lstrip()) != indent \
                or not lines[same_list].lstrip().startswith("- "):
            return None
    elif _field_column(lines[neighbour]) != indent:
        return None
    column = _field_column(lines[neighbour]) + 1
    name = lines[neighbour][column - 1:].split(":")[0]
    stray = lines[above].lstrip().split(":")[0]
    return (above + 1, len(lines[above]) - len(lines[above].lstrip()) + 1,
            f"dòng này ('{stray}:') thụt lề ít hơn các dòng trên và dưới nó nên tách khỏi khối "
            f"của chúng; hãy thẳng cột với các trường cùng cấp (cột {column}, như '{name}:' ở "
            f"dòng {neighbour + 1})",
            f"this line ('{stray}:') is indented less than the lines around it, so it leaves "
            f"their block; line it up with the fields of its level (column {column}, like "
            f"'{name}:' on line {neighbour + 1})")


_BLOCK_KEY = re.compile(r"^(\s*)(?:- )?[^\s#:][^:]*:\s+[|>][-+0-9]*\s*(?:#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_above(lines: list[str], row: int) -> tuple[int, int, int] | None:
    """(the key's row, the first text row, its indent) when ``row`` falls inside
    a '|' or '>' block above it, indented less than the block's text but more
    than its key: a line of the text, not a field gone astray."""
    here = _indent(lines[row]) if row < len(lines) else 0
    first = None
    for above in range(row - 1, -1, -1):
        line = lines[above]
        if not line.strip():
            continue
        key = _BLOCK_KEY.match(line)
        if key and first is not None and len(key[1]) < here < _indent(lines[first]):
            return above, first, _indent(lines[first])
        if _indent(line) <= here:
            return None  # a field as far left as this line: not inside a block's text
        first = above  # a line of text (its later lines may be indented more)
    return None


def _columns_above(lines: list[str], row: int) -> tuple[str, str]:
    """The columns the fields above start at, nearest first: where this line
    may belong ('cột 9, như 'lead:' ở dòng 7, hoặc cột 5, như 'tasks:' ở dòng 5')."""
    seen: dict[int, int] = {}
    for above in range(row - 1, -1, -1):
        if lines[above].strip() and not lines[above].lstrip().startswith("#"):
            seen.setdefault(_field_column(lines[above]), above)
    if not seen:
        return "", ""
    here = len(lines[row]) - len(lines[row].lstrip()) if row < len(lines) else 0
    nearest = sorted(seen, key=lambda column: (abs(column - here), -column))[:2]
    named = [(column + 1, _shown(lines[seen[column]], column), seen[column] + 1)
             for column in nearest]
    return ("; ở trên có " + " hoặc ".join(f"cột {c}, như {n} ở dòng {r}" for c, n, r in named),
            "; above are " + " or ".join(f"column {c}, like {n} on line {r}"
                                           for c, n, r in named))


def _shown(line: str, column: int) -> str:
    """The field a line starts at ``column`` ('lead:'), or the line as written
    where it holds none ('- 1', a list item)."""
    text = line[column:]
    return f"'{text.split(':')[0]}:'" if ":" in text else f"'{line.strip()[:40]}'"
