"""Import a report: its opening (number, place, date, title, the plan it
reports on), its sections, the dossier and online-service counts written in
its sentences ("Trả trước hạn: 137 hồ sơ", "mức độ 3 cho 13/28 TTHC"), and
its signer and recipients; what it cannot read is said, with its place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .import_plan import (_ISSUED_WITH, SECTION, Draft, _closing, _closing_lines, _header,
                          _markdown, _opening_lines, _signs, appendix, fold, task_key,
                          without_page_furniture)
from .import_read import Paragraph, Table
from .labels import (DOSSIER_COUNTS, DOSSIER_OUTCOMES, PERIOD_PHRASES, PERIOD_WORDS, QUARTER_NAMES,
                     period_words)
from .values import PartialDate, no_such_day, parse_date
from .vietnamese import format_number, nfc, strip_diacritics

# 'đúng và trước hạn', 'trước hạn và đúng hạn': those resolved on time and early, as one count
_TIMELY_WORDS = ("dung va truoc han", "dung han va truoc han", "truoc va dung han",
                "truoc han va dung han")
_TIMELY = "(?:" + "|".join(_TIMELY_WORDS) + ")"
# 'trả kết quả', 'đã giải quyết 1.200 hồ sơ, trong đó:' before the part counted
_RESOLVED = r"(?<!dang )(?:tra(?: ket qua)?|giai quyet) (?:\d+ ho so trong do )?"  # not pending
# 'tồn kỳ trước chuyển sang', 'số kỳ trước chuyển qua', 'từ kỳ trước': not yet resolved when
# the period began; not 'so với kỳ trước' (a comparison)
_CARRIED = r"(?:so )?(?:ho so )?(?:ton |tu |chuyen tu )?ky truoc(?: chuyen (?:sang|qua))?"
# of a total with the carried-over in it, the newly received: 'tiếp nhận mới', 'trong kỳ'
_NEW = r"(?:so )?(?:ho so )?(?:tiep nhan(?: moi)?(?: trong ky)?|moi tiep nhan|trong ky)"
DOSSIER_WORDS = [  # folded words before the number → count; the first found for a count wins
    (r"(?<!so voi )" + _CARRIED, "carried_over"),
    (r"tong so ho so tiep nhan\D*?", "received"),
    # the total before the new ones: 'tiếp nhận tổng số 3.512 hồ sơ (… tiếp nhận mới 3.300 hồ sơ)'
    (r"tiep nhan tong (?:so|cong)(?: ho so)?(?: la)?", "received"),
    (r"tiep nhan(?: moi)?", "received"),  # 'đã tiếp nhận 120', 'tiếp nhận mới 1.245'
    (_RESOLVED + _TIMELY + r"(?: la)?", "resolved_timely"),  # one count for the two
    (_RESOLVED + r"truoc han(?: la)?", "resolved_early"),
    # 'giải quyết trước hạn 1.200 hồ sơ, đúng hạn 250 hồ sơ, quá hạn 10 hồ sơ': one list
    (_RESOLVED + r"(?:truoc han \d+ ho so )?dung han(?: la)?", "resolved_on_time"),
    (_RESOLVED + rf"(?:{_TIMELY} \d+ ho so )?(?:truoc han \d+ ho so )?(?:dung han \d+ ho so )?"
     r"(?:qua|tre) han(?: la)?", "resolved_late"),
    # 'trả lại 3 hồ sơ', 'trả lại/rút 3', 'trả lại, rút hồ sơ: 3', 'hồ sơ trả lại: 3'
    (r"tra lai[^\d;.]{0,30}?", "returned"), (r"so ho so trong han\D*?", "pending"),
    (r"dang giai quyet (?:trong han|chua den han)", "pending"),
    (r"dang giai quyet (?:qua|tre) han", "pending_late"),
    (r"dang giai quyet", "pending"),  # not said to be within the time: a note says so
    # 'tiếp nhận trực tuyến 980 hồ sơ', 'tiếp nhận qua Cổng dịch vụ công của tỉnh là 980 hồ sơ'
    (r"(?:tiep nhan|nop)(?: ho so)? (?:truc tuyen|qua (?:cong|he thong) dich vu cong)\D*?",
     "online"),
]
_PENDING_UNSPLIT = r"dang giai quyet\s*(\d+)\s*ho so"
_RATE_ASIDE = re.compile(r"\s*\((?:đạt |chiếm |bằng )?(?:tỷ lệ |tỉ lệ )?\d+(?:,\d+)?\s*%\)",
                         re.IGNORECASE)
_NOT_A_COUNT = re.compile(r"(?<![\d.,])(\d+[.,]\d{1,2})\s*hồ sơ", re.IGNORECASE)  # '2.01 hồ sơ'
# in a sentence about dossiers, what ends a clause in a number that is no count:
# a rate ('đạt 99,4%'), a period's year ('Quý I/2025', 'tháng 3/2025')
_NOT_COUNTS = re.compile(r"\d+(?:,\d+)?\s*%|/\s*(?:19|20)\d\d\b")
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")  # '5.020', '1,500' in a count
_COUNT = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"


def report_draft(blocks, agency: str, plan: str, year: int | None, period: str | None,
                 plan_tasks: dict[str, str] | None = None, plan_year: int | None = None) -> Draft:
    """The draft of a report; ``plan_tasks`` (key → task text), when the
    site has the plan, is what the rows of a status table are matched to;
    ``plan_year``, its year, the report's where the document gives none."""
    notes: list[tuple[str, str, str]] = []
    paragraphs = _paragraphs(blocks, notes)
    text = _joined(paragraphs)
    opening = _opening_lines(blocks)
    header = _header(opening, notes, title_word="bao cao")
    data: dict = {"agency": agency}
    if plan:
        data["plan"] = plan
    # with no 'BÁO CÁO' line, the line naming the period: an Excel sheet's title ('BIỂU TỔNG HỢP
    # KẾT QUẢ … 6 THÁNG ĐẦU NĂM 2024')
    named_in = next((line.text for line in opening[:6] if period_words(line.text)), "")
    found_year = year or header.get("year") or _year(text) or _year(named_in)
    if found_year:
        data["year"] = found_year
    written_title = header.get("title", "")
    if written_title and written_title == written_title.upper():  # 'BÁO CÁO KẾT QUẢ … NĂM 2027'
        written_title = written_title.lower()
        notes.append(("", f"tên báo cáo viết hoa cả, được ghi lại bằng chữ thường “Báo cáo "
                          f"{written_title}”; hãy viết hoa lại tên riêng (tỉnh, sở…) nếu có",
                      f"the title is all in capitals, written in lower case as 'Báo cáo "
                      f"{written_title}'; capitalise its proper names (province, department) again"))
    title = f"Báo cáo {written_title[:1].lower()}{written_title[1:]}" if written_title \
        else _title(text)
    said = period_words(title or named_in)
    written = PERIOD_WORDS[said] if said else "nam" if title else None
    if not (period or written):
        notes.append(("", "không rõ kỳ báo cáo: tạm ghi là báo cáo năm ('nam'); hãy sửa 'period' "
                          "hay chạy lại với --period", "the reporting period is not given: "
                          "recorded as the year ('nam') for now; correct 'period' or run again "
                          "with --period"))
    if said in QUARTER_NAMES and not period:
        quarter, as_period = QUARTER_NAMES[said], PERIOD_PHRASES[written]
        notes.append(("", f"tên báo cáo nói “{quarter}”: ghi là kỳ {as_period} ('{written}'), kỳ "
                          "báo cáo CCHC kết thúc cùng quý ấy; nếu không đúng, sửa 'period' hay "
                          "chạy lại với --period",
                      f"the title says '{quarter}': recorded as the period '{written}', the "
                      "reporting period that ends with that quarter; correct 'period' if not"))
    if not title:
        title = "Báo cáo cải cách hành chính" + (f" năm {found_year}" if found_year else "")
        notes.append(("", f"không tìm thấy tên báo cáo, tạm ghi “{title}”; hãy điền 'title' "
                          "như trên văn bản", f"found no title; wrote '{title}' for now: fill in "
                          "'title' as the document has it"))
    if not found_year and plan_year:  # the plan's, not written into a title made up above
        data["year"] = plan_year
        notes.append(("", f"văn bản không ghi năm: ghi năm {plan_year} của kế hoạch '{plan}'; hãy "
                          "kiểm tra 'year'", f"the document gives no year: wrote the plan's, "
                          f"{plan_year}; check 'year'"))
    if period and written and period != written:
        notes.append(("", f"tên báo cáo “{title}” nói kỳ '{written}', nhưng lệnh ghi '--period "
                          f"{period}'; hãy kiểm tra 'period'",
                      f"the title '{title}' names the period '{written}' but the command "
                      f"says '--period {period}'; check 'period'"))
    data["period"] = period or written or "nam"
    data["title"] = title
    data.update({key: header[key] for key in ("number", "date", "place") if key in header})
    cited = _ISSUED_WITH.search(text)
    if cited and parse_date(cited["date"]):
        data["plan_reference"] = {"number": cited["number"],
                                  "date": parse_date(cited["date"]).vietnamese()}
    sections, current = [], None
    for paragraph in paragraphs:
        if fold(paragraph).startswith("noi nhan") or _signs(paragraph):
            break  # the closing: recipients and signer, read apart
        if SECTION.match(paragraph) and paragraph == paragraph.upper():
            current = {"heading": paragraph, "lines": []}
            sections.append(current)
        elif current is not None:
            current["lines"].append(paragraph)
    data["sections"] = [{"heading": s["heading"], "body": _markdown(s["lines"])}
                        for s in sections if s["lines"]]
    for section in sections:
        if not section["lines"]:  # its tables only: the statuses or the dossiers, read apart
            notes.append(("", f"mục “{section['heading']}” chỉ có bảng, không có đoạn văn nào: "
                              "không thành một phần của báo cáo (số liệu của bảng, nếu đọc được, ở "
                              "'tasks' hay 'dossiers')",
                          f"the section '{section['heading']}' holds tables only, no text: it is "
                          "not made a section (its tables' figures, if read, are under 'tasks' "
                          "or 'dossiers')"))
    # the counts' text, as their patterns read it: 'đúng hạn 380 hồ sơ (đạt 99,4%), quá hạn…'
    counted, others = _first_count_set(text)
    for sentence in others:
        notes.append(("", f"câu này nêu một bộ số hồ sơ khác (nơi khác, cấp khác hay kỳ khác) nên "
                          f"không được nhập; chỉ bộ số đầu tiên được nhập: “{_shortened(sentence)}”; "
                          "nếu bộ số này mới là của báo cáo, hãy điền tay",
                      "this sentence gives another set of dossier counts (another place, level "
                      "or period), so it was not imported; only the first set is: fill it in by "
                      "hand if it is the report's"))
    plain = _RATE_ASIDE.sub("", _THOUSANDS.sub("", counted))
    misread = _NOT_A_COUNT.findall(plain)
    if misread:  # '2.01 hồ sơ': neither 2.010 nor 201 can be told; said, and not read as 1
        plain = _NOT_A_COUNT.sub("? hồ sơ", plain)
        listed = ", ".join(f"“{n} hồ sơ”" for n in misread)
        notes.append(("", f"số hồ sơ viết sai nên không được nhập: {listed} (dấu chấm ngăn từng "
                          "ba chữ số, như 2.010); hãy xem văn bản gốc và điền tay",
                      f"dossier counts written wrong, so not imported: {listed} (a dot parts "
                      "every three digits, as in 2.010); fill them in from the source"))
    clauses = _dossier_clauses(plain)
    dossiers = _dossiers(counted, plain, clauses, notes)
    folded = fold(plain)
    unsplit = re.search(_PENDING_UNSPLIT, folded)
    if unsplit and dossiers.get("pending") == int(unsplit.group(1)):
        notes.append(("", f"“đang giải quyết {unsplit.group(1)} hồ sơ” được ghi là đang giải "
                          "quyết trong hạn ('pending'); nếu trong đó có hồ sơ quá hạn, hãy tách ra "
                          "'pending_late'",
                      f"'{unsplit.group(1)} dossiers being processed' is recorded as within the "
                      "time ('pending'); move any overdue ones to 'pending_late'"))
    tables = [(block, _dossier_table(block, notes)) for block in blocks if isinstance(block, Table)]
    counted = [(block, table) for block, table in tables if table]
    by_field = [row for _, table in counted for row in table.get("by_field", [])] or \
        dossiers.get("by_field", [])  # the tables' fields, else those the sentences give
    totals = {k: v for k, v in counted[0][1].items() if k != "by_field"} if len(counted) == 1 \
        else {}  # the table's figures, where the sentences give none
    if len(counted) > 1:  # 'a) Đường bộ', 'b) Đường thủy': the fields of each, no total of one
        notes.append((counted[0][0].where, f"số hồ sơ theo lĩnh vực ở {len(counted)} bảng: đã nhập "
                      "các lĩnh vực của mọi bảng vào 'by_field'; số tổng lấy từ câu văn (hàng tổng "
                      "của từng bảng không phải tổng của báo cáo); hãy soát lại",
                      f"dossiers by field in {len(counted)} tables: the fields of all are under "
                      "'by_field'; the totals come from the text (each table's total row is not "
                      "the report's); check them"))
    carried = totals.get("carried_over") if "carried_over" not in dossiers else None
    if carried and dossiers.get("received") == totals.get("received", -carried) + carried:
        new, whole = format_number(totals["received"]), format_number(dossiers["received"])
        dossiers["received"] = totals["received"]  # the text's total is the table's new + carried
        notes.append((counted[0][0].where, f"câu văn nêu tiếp nhận {whole} hồ sơ, bằng {new} mới "
                      f"tiếp nhận cộng {format_number(carried)} kỳ trước chuyển sang của bảng: đã "
                      f"ghi {new} hồ sơ tiếp nhận mới ('received')", f"the text's {whole} received "
                      f"is the table's {new} new and {format_number(carried)} carried over: "
                      f"recorded {new} newly received ('received')"))

    def in_table(key: str, n: int, carried_vi: str, carried_en: str) -> str:
        """The table's figure, and with the carried-over where the text may count them."""
        return format_number(n) + (f" ({format_number(n + carried)} {carried_vi} "
                                   f"{format_number(carried)} {carried_en})"
                                   if key == "received" and carried else "")
    differ = [(key, format_number(dossiers[key]), in_table(key, n, "kể cả", "kỳ trước chuyển sang"),
               in_table(key, n, "with the", "carried over"))
              for key, n in totals.items() if dossiers.get(key, n) != n]
    if differ:  # one of them mistyped: the text's kept, the table's said, so neither is lost
        notes.append((counted[0][0].where, "câu văn và hàng tổng của bảng nêu khác nhau — " + "; ".join(
                          f"{DOSSIER_COUNTS[key].lower()}: câu văn {text}, bảng {vi}"
                          for key, text, vi, _ in differ) + ": đã ghi số của câu văn; hãy xem lại",
                      "the text and the table's total row differ — " + "; ".join(
                          f"{key}: text {text}, table {en}" for key, text, _, en in differ)
                      + ": the text's figure is recorded; check the source"))
    dossiers = {**totals, **{k: v for k, v in dossiers.items() if k != "by_field"},
                **({"by_field": by_field} if by_field else {})}
    _received_less_carried(dossiers, notes)
    if dossiers:
        data["dossiers"] = dossiers
    unplaced = _counts_unplaced(plain, dossiers, clauses)
    if unplaced:
        listed = ", ".join(format_number(n) for n in unplaced)
        notes.append(("", f"văn bản còn nêu số hồ sơ chưa được nhập vào 'dossiers': {listed}; hãy "
                          "đọc lại các câu có số ấy và điền tay nếu đó là số của kỳ báo cáo",
                      f"the text gives dossier counts not imported into 'dossiers': {listed}; "
                      "read those sentences and fill them in if they are the period's figures"))
    online = _online(text)
    if online:
        data["online_services"] = online
    data.update(_closing(_closing_lines(blocks)))
    missing = [key for key in ("number", "date") if key not in data]
    if missing:
        notes.append(("", f"không tìm thấy {', '.join(missing)} của báo cáo; hãy điền tay",
                      f"found no {', '.join(missing)} of the report; fill them in by hand"))
    statuses = [(group, read) for group in _continued([block for block, table in tables
                                                        if not table])
                if (read := _status_table(group, plan_tasks, found_year))]
    used = max(statuses, key=lambda pair: pair[1].matched)[0] if statuses else None
    for group, read in statuses:
        if group is used:
            data["tasks"] = read.rows
            notes += [(group[0].where, vi, en) for vi, en in read.notes]
        else:
            notes.append((group[0].where, "bảng này cũng có cột tình trạng nhiệm vụ nhưng không "
                                          f"được nhập: {used[0].where} khớp kế hoạch hơn (hay đứng "
                                          "trước); hãy kiểm tra đã nhập đúng bảng",
                          "this table also has a status column but was not imported: "
                          f"{used[0].where} fits the plan better (or comes first); check the "
                          "right one was imported"))
    if not statuses and plan_tasks:  # 'Nhiệm vụ 3: đã hoàn thành ngày 15/4', in the text
        command = f"cchc-site report {plan} --period {data.get('period', 'nam')} --out nhap.yaml"
        notes.append(("", "không thấy bảng tình trạng nhiệm vụ nào (cột 'Tình trạng', 'Kết quả' "
                          "hay mỗi tình trạng một cột), nên chưa có 'tasks'; nếu báo cáo viết tình "
                          f"trạng trong đoạn văn, hãy chạy '{command}' rồi chép phần 'tasks:' vào "
                          "và điền theo văn bản",
                      "no table of task statuses found, so there are no 'tasks'; if the report "
                      f"gives them in its text, run '{command}', copy its 'tasks:' in and fill "
                      "them in from the text"))
    read_tables = [block for group, _ in statuses for block in group]
    for block, table in tables:
        if not table and not _letterhead_or_signature(block) and \
                not any(block is found for found in read_tables):
            header = next((row for row in block.rows if sum(1 for c in row if c.strip()) > 1),
                          block.rows[0])  # not a sheet's title above the table
            first = " ".join(" | ".join(c for c in header if c).split())
            notes.append((block.where, "bảng này không được nhập (số liệu hồ sơ, tình trạng nhiệm "
                                       f"vụ… trong bảng): hãy chép tay vào bản nháp: {first[:120]}",
                          "this table was not imported: copy it into the draft by hand"))
    return Draft(data, [], notes)


def _outcomes(counts: dict, of: tuple[str, ...] = DOSSIER_OUTCOMES) -> int:
    """Those resolved, returned and pending of ``counts`` (or those ``of``
    them): on time and early given apart and together counted once."""
    keys = [k for k in of if k in counts]
    if "resolved_early" in keys and "resolved_on_time" in keys and "resolved_timely" in keys:
        keys.remove("resolved_timely")
    return sum(counts[k] for k in keys)


_RESOLVED = ("resolved_early", "resolved_on_time", "resolved_timely", "resolved_late")


def _received_less_carried(dossiers: dict, notes: list[tuple[str, str, str]]) -> None:
    """A count received that those resolved, returned and pending add up to,
    beside dossiers carried over: a total with the carried-over in it (the
    check would find them counted twice), recorded as the newly received."""
    carried, received = dossiers.get("carried_over"), dossiers.get("received")
    if not carried or received is None or _outcomes(dossiers) != received:
        return
    dossiers["received"] = received - carried
    n, c, new = format_number(received), format_number(carried), format_number(received - carried)
    notes.append(("", f"số đã giải quyết, trả lại và đang giải quyết cộng lại đúng {n} hồ sơ tiếp "
                      f"nhận, nên số ấy gồm cả {c} hồ sơ kỳ trước chuyển sang: ghi {new} hồ sơ tiếp "
                      "nhận mới ('received'); hãy xem lại văn bản gốc",
                  f"those resolved, returned and pending add up to the {n} received, so it holds "
                  f"the {c} carried over too: recorded as {new} newly received ('received'); "
                  "check the source"))


# a dossier table's column headers (folded, over one or two header rows) → count
_DOSSIER_COLUMNS = [("linh vuc", "field"), ("ky truoc", "carried_over"),
                    ("dang giai quyet qua han", "pending_late"),
                    ("qua han dang", "pending_late"),
                    *((words, "resolved_timely") for words in _TIMELY_WORDS),
                    ("truoc han", "resolved_early"),
                    ("dung han", "resolved_on_time"), ("qua han", "resolved_late"),
                    ("tra lai", "returned"), ("rut", "returned"), ("truc tuyen", "online"),
                    ("dang giai quyet", "pending"), ("trong han", "pending"),
                    ("tiep nhan", "received"),
                    ("da giai quyet tong so", None),  # of those resolved: no field holds it
                    ("tong so", "received")]


_RATE_COLUMN = re.compile(r"\b(?:ty|ti) le\b|\bphan tram\b")  # a rate's column, folded


def _dossier_table(table: Table, notes: list[tuple[str, str, str]]) -> dict | None:
    """Dossier counts from a table with a 'Lĩnh vực' column and count columns
    (Tiếp nhận, Trước hạn, Đúng hạn, Quá hạn…), its header over one or two
    rows; a 'Tổng' row gives the totals, as does the one row of a table of
    three counts or more with no 'Lĩnh vực'.  None for any other table."""
    def count(cell: str) -> int | None:
        digits = _THOUSANDS.sub("", cell.strip())
        return int(digits) if digits.isdigit() else None
    body = next((i for i, row in enumerate(table.rows)
                 if sum(count(c) is not None for c in row[1:]) >= max(2, (len(row) - 1) // 2)), None)
    if not body:
        return None
    heads = [list(row) for row in table.rows[:body]]
    while len(heads) > 1 and len({cell.strip() for cell in heads[0] if cell.strip()}) <= 1:
        del heads[0]  # the sheet's title above the header ('BIỂU TỔNG HỢP … TIẾP NHẬN …')
    for upper, row in enumerate(heads[:-1]):  # a heading merged across the columns under it
        for i in range(1, len(row)):
            if not row[i].strip() and any(i < len(lower) and lower[i].strip()
                                          for lower in heads[upper + 1:]):
                row[i] = row[i - 1]
    labels = [" ".join(fold(row[i]) for row in heads if i < len(row)).replace("thoi han", "han")
              for i in range(len(table.rows[0]))]  # 'Trả đúng thời hạn': on time
    written = [" ".join(dict.fromkeys(row[i].strip() for row in heads  # as the notes name them
                                      if i < len(row) and row[i].strip()))
               for i in range(len(table.rows[0]))]
    keys = [None if _RATE_COLUMN.search(label) else
            next((key for words, key in _DOSSIER_COLUMNS if words in label), None)
            for label in labels]
    counted = len({k for k in keys if k and k != "field"})
    totals_only = "field" not in keys and len(table.rows) - body == 1 and counted >= 3
    if not totals_only and ("field" not in keys or counted < 2):
        return None
    if totals_only:  # 'Tổng số hồ sơ tiếp nhận | … | Quá hạn' over one row of counts
        notes.append((table.where, "đã lấy số hồ sơ từ bảng này (một hàng số, không chia theo "
                                   "lĩnh vực); hãy kiểm tra lại", "took the dossier counts from "
                                   "this table (one row of counts, not by field); check them"))
    own = [fold(heads[-1][i]) if i < len(heads[-1]) else "" for i in range(len(keys))]
    # a total column with no field of its own → the counts it is the sum of, compared row by row
    totals = {i: _RESOLVED for i, label in enumerate(labels) if "da giai quyet tong so" in label}
    for i in range(len(keys) - 2):  # 'Số hồ sơ đang giải quyết | Trong hạn | Quá hạn', flat
        if keys[i] == "pending" and own[i + 1] in ("trong han", "chua den han") and \
                own[i + 2] == "qua han":
            keys[i:i + 3] = [None, "pending", "pending_late"]  # the total, then its two parts
            totals[i] = ("pending", "pending_late")
    received = [i for i, key in enumerate(keys) if key == "received"]
    newly = [i for i in received if re.fullmatch(_NEW, own[i])]
    total_received = "carried_over" in keys and received and not newly
    if "carried_over" in keys and received:  # 'Tổng số | Kỳ trước chuyển sang | Tiếp nhận mới'
        kept = newly[0] if newly else received[0]  # the new; else the total, less the carried-over
        keys = [None if i in received and i != kept else key for i, key in enumerate(keys)]
        totals.update({i: ("carried_over", "received") for i in received if newly and i != kept})
    for i, key in enumerate(keys):  # two columns read as one count: the first only, and said
        if key and keys.index(key) < i:
            keys[i] = None
            notes.append((table.where, f"cột “{written[i]}” cũng được hiểu là '{key}' như một "
                                       "cột trước nó, nên không được nhập; hãy chép tay số của "
                                       "cột này nếu cần",
                          f"the column '{written[i]}' also reads as '{key}', like an earlier one, "
                          "so it was not imported; copy it by hand if needed"))
    left = [written[i] for i, (key, label) in enumerate(zip(keys, labels))
            if key is None and i not in totals and not set(label.split()) <= {"tt", "stt", "so"}
            and any(i < len(row) and count(row[i]) is not None for row in table.rows[body:])]
    if left:  # a rate ('Tỷ lệ đúng hạn (%)': the page works it out), a total with no field
        listed = ", ".join(f"“{name}”" for name in left)
        notes.append((table.where, f"các cột {listed} không được nhập (tỷ lệ thì trang tự tính từ "
                                   "số hồ sơ; số khác không có trường riêng); hãy soát lại",
                      f"the columns {listed} were not imported (the page works rates out from "
                      "the counts; other figures have no field); check them"))
    found: dict = {"by_field": []}
    unread, disagree = [], []
    for row in table.rows[body:]:
        cells = dict(zip(keys, row))
        counts = {key: n for key, cell in cells.items()
                  if key and key != "field" and (n := count(cell)) is not None}
        name = cells.get("field", "").strip()
        unread += [f"“{cell.strip()}” ({name or 'hàng tổng'}, {written[i]})"
                   for i, (key, cell) in enumerate(zip(keys, row)) if key and key != "field"
                   and count(cell) is None and cell.strip(" -–—")]
        for i, parts in totals.items():
            printed = count(row[i]) if i < len(row) else None
            if printed is not None and any(k in counts for k in parts) and \
                    printed != _outcomes(counts, parts):
                added = " + ".join(format_number(counts[k]) for k in parts if k in counts
                                   and not (k == "resolved_timely" and "resolved_early" in counts))
                shown, whole = format_number(printed), format_number(_outcomes(counts, parts))
                disagree.append((f"{name or 'hàng tổng'}: “{written[i]}” {shown}, các phần {added} "
                                 f"= {whole}", f"{name or 'total row'}: '{written[i]}' {shown}, "
                                 f"its parts {added} = {whole}"))
        if re.match(r"(tổng|cộng)\b", name.lower()) or not name:  # not 'Công chứng'!
            found.update(counts)
        elif counts:
            found["by_field"].append({"field": name, **counts})
    if unread:  # '1.O43', a letter for a digit: named, never dropped in silence
        listed = "; ".join(unread)
        notes.append((table.where, f"ô không phải một số nên không được nhập: {listed}; hãy sửa "
                                   "tay trong bản nháp",
                      f"cells that are not a number, so not imported: {listed}; fill them in "
                      "by hand"))
    if disagree:  # the parts are what the fields hold; the total printed beside them is lost
        notes.append((table.where, "cột tổng không bằng tổng các phần của nó: "
                                   + "; ".join(vi for vi, _ in disagree) + "; đã nhập các phần, "
                                   "không nhập cột tổng: hãy đối chiếu văn bản gốc và sửa số sai",
                      "a total column differs from the sum of its parts: "
                      + "; ".join(en for _, en in disagree) + "; the parts "
                      "were imported, not the total: check the source and correct the wrong "
                      "figure"))
    if total_received:
        _less_carried_over(table, [found, *found["by_field"]], notes)
    if not found["by_field"]:
        del found["by_field"]
    return found


def _less_carried_over(table: Table, rows: list[dict], notes: list[tuple[str, str, str]]) -> None:
    """The rows' totals received ('Số hồ sơ nhận giải quyết: Tổng số'), of
    those carried over and the new, made the newly received; not a row whose
    resolved, returned and pending already make the two."""
    made = 0
    for row in rows:
        if row.get("carried_over") is None or row.get("received") is None:
            continue
        if _outcomes(row) != row["received"] + row["carried_over"]:
            row["received"] -= row["carried_over"]
            made += 1
    if made:
        notes.append((table.where, "cột tổng số hồ sơ nhận giải quyết gồm cả số kỳ trước chuyển "
                                   "sang: đã ghi tổng số trừ số chuyển sang là số tiếp nhận mới "
                                   "('received'); hãy soát lại",
                      "the column of all dossiers to resolve holds those carried over: the total "
                      "less the carried-over is recorded as newly received ('received'); check it"))


# how a report's table words a task's status (folded) → its key: the whole cell,
# but for a date after 'hoàn thành' ('Đã hoàn thành (15/03/2026)')
_STATUS_WORDS = [("khong thuc hien", "khong-thuc-hien"), ("chua hoan thanh", "dang-thuc-hien"),
                 ("chua thuc hien", "chua-thuc-hien"), ("chua trien khai", "chua-thuc-hien"),
                 ("dang thuc hien", "dang-thuc-hien"), ("dang trien khai", "dang-thuc-hien"),
                 ("da hoan thanh", "hoan-thanh"), ("hoan thanh", "hoan-thanh"),
                 ("da thuc hien", "hoan-thanh"), ("da ban hanh", "hoan-thanh")]
_STATUS_START = re.compile(r"\s*(" + "|".join(r"\s+".join(words.split()) for words, _ in _STATUS_WORDS)
                           + r")(?![a-z0-9])")
# a ticked cell of a column per status, with the day it was done if given
_TICK = re.compile(r"[xX×✓✔√]\s*(?:\((?P<day>(?:ngày\s*)?\d{1,2}/\d{1,2}/\d{4})\))?")
_DONE_ON = re.compile(r"hoàn thành (?:vào )?ngày (\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
_DATE_WORDS = re.compile(r"^(?:vao\s+)?(?:ngay\s+|thang\s+)?", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _bare_status(text: str) -> tuple[str, PartialDate | None, tuple[str, str] | None] | None:
    """(status, date, None) when the cell says a status and nothing else, but
    for the date a task was done; (status, None, why not, in Vietnamese and
    English) for a day the calendar does not have ('Đã hoàn thành
    (30/02/2024)': done, on a day to be corrected); None for any other
    wording ('Hoàn thành 80%', 'Hoàn thành một phần', 'Hoàn thành theo Quyết
    định số 45… ngày…'), which is the editor's to read."""
    text = nfc(" ".join(text.split()))
    folded = strip_diacritics(text).lower()  # the same positions as the text
    found = _STATUS_START.match(folded)
    if not found:
        return None
    key = next(key for words, key in _STATUS_WORDS if " ".join(found[1].split()) == words)
    rest = text[found.end():].strip(" .,;:-–()[]")
    if not rest or key == "hoan-thanh" and re.fullmatch(r"100\s*%", rest):  # 'Hoàn thành 100%'
        return key, None, None
    if key != "hoan-thanh" or not re.fullmatch(r"[\w\s/.\-]*\d{4}", rest):
        return None
    written = _DATE_WORDS.sub("", strip_diacritics(rest)).strip()
    date = parse_date(written)
    why = None if date else no_such_day(written)
    return (key, date, why) if date or why else None


# the abbreviations a report's rows use for its plan's words ('văn bản QPPL'), folded
_TERMS = {"cchc": "cai cach hanh chinh", "tthc": "thu tuc hanh chinh",
          "qppl": "quy pham phap luat", "vbqppl": "van ban quy pham phap luat",
          "cntt": "cong nghe thong tin", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
          "cbccvc": "can bo cong chuc vien chuc", "cbcc": "can bo cong chuc",
          "ccvc": "cong chuc vien chuc", "dvc": "dich vu cong", "dvctt": "dich vu cong truc tuyen",
          "csdl": "co so du lieu", "bpmc": "bo phan mot cua", "cqdt": "chinh quyen dien tu",
          "cqs": "chinh quyen so", "cds": "chuyen doi so", "kstthc": "kiem soat thu tuc hanh chinh",
          "httt": "he thong thong tin", "qlcl": "quan ly chat luong"}


def _spelled(text: str) -> list[str]:
    """The folded words of a task's wording, its abbreviations spelt out."""
    return " ".join(_TERMS.get(word, word) for word in fold(text).split()).split()


def _words(text: str) -> set[str]:
    return set(_spelled(text))


def _same_task(written: str, planned: str, year: int | None) -> float:
    """How alike a row's wording and a plan task's are (0 to 1: the words
    they share, over both, so that an activity naming part of a task is not
    taken for the task); a year the row names that is neither the report's
    nor in the task (a task carried over from last year) makes it another."""
    words, plan = _words(written), _words(planned)
    years = set(_YEAR.findall(fold(written))) - {str(year)} - set(_YEAR.findall(fold(planned)))
    if not words or not plan or years:
        return 0.0
    return 2 * len(words & plan) / (len(words) + len(plan))


def _opens(written: str, planned: str) -> bool:
    """A row naming its task by the task's first words ('Tuyên truyền CCHC'
    for 'Tuyên truyền CCHC trên Trang thông tin điện tử của Sở'): two words at
    least, at the row's own number (see _placed)."""
    words = _spelled(written)
    return len(words) >= 2 and _spelled(planned)[:len(words)] == words


@dataclass
class _Statuses:
    rows: list[dict]
    matched: int  # rows found to be the plan's tasks by their wording
    notes: list[tuple[str, str]] = field(default_factory=list)  # (Vietnamese, English)


def _continued(tables: list[Table]) -> list[list[Table]]:
    """The tables, those that go on from the one before them kept together:
    one table broken at a page, its header row repeated, and going on rather
    than starting again at area I (a second table of the same shape)."""
    groups: list[list[Table]] = []
    for table in tables:
        restarts = len(table.rows) > 1 and table.rows[1][:1] and \
            table.rows[1][0].strip().rstrip(".") in ("I", "1")
        if groups and table.rows and groups[-1][0].rows and not restarts and \
                table.rows[0] == groups[-1][0].rows[0]:
            groups[-1].append(table)
        else:
            groups.append([table])
    return groups


def _status_table(tables: list[Table], plan: dict[str, str] | None,
                  year: int | None) -> _Statuses | None:
    """Task statuses from a table numbered as the plan's appendix is (areas
    I, II…, tasks 1, 2…) with a column whose cells say how each task stands
    ('Đã hoàn thành', 'Đang thực hiện'…): the tasks as the report's 'tasks'
    (the key, the status, the result column as evidence).  Each row's wording
    is checked against the plan's task of that number, when the site has the
    plan: a row that is another task gets that task's key when its wording is
    plainly that task's, else no status.  Nothing is guessed: a cell saying
    more than a status, a row of another task, are left to the editor and
    named.  None for a table with no such column."""
    read = appendix(tables, {})
    if not read.areas and plan:  # rows 1, 2, 3 under no area row: each placed by its wording
        read = appendix(tables, {}, flat=True)
    tasks = [(task_key(area, task), task) for area in read.areas for task in area["tasks"]]
    columns = {name for _, task in tasks for name in task if name != "number"}

    def cell(task: dict, name: str) -> str:
        value = task.get("extra", {}).get(name[6:], "") if name.startswith("extra:") else \
            task.get(name, "")
        return value if isinstance(value, str) else ""
    names = sorted({f"extra:{header}" for _, task in tasks for header in task.get("extra", {})} |
                   (columns - {"extra", "lead", "support"}))
    counted = [(sum(_STATUS_START.match(strip_diacritics(cell(task, name)).lower()) is not None
                    for _, task in tasks), name) for name in names]
    found, name = max(counted, default=(0, ""))
    enough = max(1, min(2, len(tasks)), len(tasks) * 3 // 10)  # a one-task table too
    # or one column per status, a row's status marked with an 'x' (header: its status)
    in_order = dict.fromkeys(f"extra:{h}" for _, task in tasks for h in task.get("extra", {}))
    marks = [column for column in in_order
             if (meant := _bare_status(column[6:])) and meant[1] is None]
    def ticked(task: dict, column: str) -> str | None:
        """The column's status if the row's cell ticks it: 'x', 'x (ngày 25/6/2024)' (its
        day kept), or the column's own words again ('Đã hoàn thành' under 'Đã hoàn thành')."""
        text = " ".join(cell(task, column).split())
        mark = _TICK.fullmatch(text)
        if mark:
            return f"{column[6:]} {mark['day'] or ''}".strip()
        same = _bare_status(text) if text else None
        return column[6:] if same and same[0] == _bare_status(column[6:])[0] else None
    marked = sum(any(ticked(task, column) for column in marks)
                 for _, task in tasks) if len(marks) >= 2 else 0
    if max(found, marked) < enough:
        return None
    header = read.columns.get(name, name[6:] if name.startswith("extra:") else name)
    if marked > found:
        header, name = ", ".join(column[6:] for column in marks), ""

        def said_of(task: dict) -> str:  # the status of the one column marked, else the headers
            found = [said for column in marks if (said := ticked(task, column))]
            return found[0] if len(found) == 1 else " + ".join(found)
    else:
        def said_of(task: dict) -> str:
            return cell(task, name)
    evidence = next((n for n in ("product", "notes") if n != name and n in columns), None)
    done_on = next((n for n in names if n != name and "ngay hoan thanh" in fold(n)), None)
    result = _Statuses([], 0)
    unread, others, wrong, twice = [], [], [], []
    for key, task in tasks:
        said, wording = said_of(task), task.get("task", "")
        bare = _bare_status(said) if said else None
        key, fits = _placed(key, wording, plan, year, others)
        if key.startswith("."):  # no area, and no task of the plan's by its wording: said whole
            told = " — ".join(part for part in (said, cell(task, evidence) if evidence else "")
                              if part)
            quoted = _shortened(wording, 60)
            others.append((f"hàng TT {task['number']} (“{quoted}”{': ' + told if told else ''}) "
                           "không khớp nhiệm vụ nào của kế hoạch theo nội dung, và bảng không chia "
                           "lĩnh vực (I, II…) để biết theo số, nên không được nhập; hãy thêm tay "
                           "vào 'tasks'",
                           f"row {task['number']} ('{quoted}') matches no task of the plan by "
                           "its wording, and the table has no areas (I, II…) to tell by its "
                           "number, so it is not imported; add it to 'tasks' by hand"))
            continue
        result.matched += fits is True
        lines = [line for line in said.split("\n") if line.strip()]
        each = [_bare_status(line) for line in lines] if len(lines) > 1 else []
        if each and all(each) and len({b[0] for b in each}) > 1:  # two rows of the task, each
            twice.append((key, [(line, b[2]) for line, b in zip(lines, each)]))  # its own status
        row = {"task": key, "status": bare[0] if bare and fits is not False else ""}
        day = bare[1] if bare else None
        day = day or (parse_date(cell(task, done_on)) if done_on and bare else None)
        told = _DONE_ON.search(cell(task, evidence)) if evidence and bare and not day else None
        day = day or (parse_date(told[1]) if told else None)  # 'Hoàn thành ngày 20/5/2024' as said
        if day and row["status"] == "hoan-thanh":
            row["date"] = day.vietnamese()
        elif bare and bare[2]:
            wrong.append((key, said, bare[2]))
        kept = said and (not bare or fits is False or bare[2])  # what the status column says, unread
        text = " — ".join(part for part in (said if kept else "",
                                            cell(task, evidence) if evidence else "") if part)
        if text:
            row["evidence"] = text
        if said and not bare and not (twice and twice[-1][0] == key):
            unread.append(f"{key} (“{said}”)")
        result.rows.append(row)
    stated = len([row for row in result.rows if row["status"]])
    result.notes.append((f"đã lấy tình trạng của {stated} nhiệm vụ từ cột “{header}” của bảng "
                         "này; hãy kiểm tra lại", f"took the status of {stated} task(s) from the "
                         f"column '{header}' of this table; check them"))
    if unread:
        result.notes.append((f"ô “{header}” của nhiệm vụ " + ", ".join(unread) + " không ghi "
                             "đúng một trong các tình trạng Đã hoàn thành, Đang thực hiện, Chưa "
                             "thực hiện, Không thực hiện (mà ghi một phần, một tỷ lệ, một văn bản "
                             "hay lời khác): đã để trống 'status' và chép nguyên văn ô vào "
                             "'evidence'; hãy đọc và chọn tình trạng phù hợp",
                             f"the '{header}' cell of task(s) " + ", ".join(unread) + " is not "
                             "just one of the statuses, so 'status' is left blank and the cell "
                             "copied into 'evidence'; read it and choose the status"))
    for key, lines in twice:
        listed = [(f"“{line}”" + (f" (ngày không có trên lịch: {why[0]})" if why else ""),
                   f"'{line}'" + (f" (no such day: {why[1]})" if why else "")) for line, why in lines]
        result.notes.append((f"nhiệm vụ {key} có {len(lines)} hàng cùng số và nội dung, mỗi hàng "
                             "một tình trạng: " + ", ".join(vi for vi, _ in listed) + "; đã để "
                             "trống 'status' và chép cả vào 'evidence': hãy giữ tình trạng đúng",
                             f"task {key} has {len(lines)} rows of the same number and wording, "
                             "each with its own status: " + ", ".join(en for _, en in listed)
                             + "; 'status' is left blank and all copied into 'evidence': keep "
                             "the right one"))
    for key, said, why in wrong:
        result.notes.append((f"nhiệm vụ {key}: ô “{said}” ghi ngày hoàn thành không có trên lịch "
                             f"({why[0]}): đã ghi tình trạng Đã hoàn thành, chưa ghi 'date', và "
                             "chép nguyên văn ô vào 'evidence'; hãy điền ngày đúng",
                             f"task {key}: the cell '{said}' gives a day the calendar does not "
                             f"have ({why[1]}): recorded as done without 'date', the cell copied "
                             "into 'evidence'; fill in the right day"))
    result.notes += others
    if plan is not None and result.matched:
        missing = [key for key in plan if key not in {row["task"] for row in result.rows}]
        if missing:
            result.notes.append((f"bảng không nêu các nhiệm vụ {', '.join(missing)} của kế hoạch",
                                 f"the table does not list the plan's tasks {', '.join(missing)}"))
    return result


def _placed(key: str, wording: str, plan: dict[str, str] | None, year: int | None,
            notes: list[tuple[str, str]]) -> tuple[str, bool | None]:
    """The plan's key for a row numbered ``key`` whose task reads ``wording``,
    and whether its wording was found to be that task's (None: not checked,
    with no plan or no wording); a note for each row placed other than by
    its number, or left unplaced."""
    if plan is None or not wording:
        return key, None
    if key in plan and (_same_task(wording, plan[key], year) >= 0.6
                        or _opens(wording, plan[key])):
        return key, True
    scores = sorted(((_same_task(wording, text, year), other) for other, text in plan.items()),
                    reverse=True)
    best, other = scores[0] if scores else (0.0, "")
    if best >= 0.8 and (len(scores) < 2 or scores[1][0] < best - 0.15):
        row = f"TT {key[1:]}" if key.startswith(".") else key  # '.1': no area above it
        notes.append((f"hàng {row} (“{_shortened(wording, 60)}”) là nhiệm vụ {other} của kế hoạch theo nội "
                      "dung, nên được ghi là " + other,
                      f"row {row} ('{_shortened(wording, 60)}') is the plan's task {other} by its wording, "
                      f"so it is recorded as {other}"))
        return other, True
    if key.startswith("."):  # in a table with no areas: its number tells nothing
        return key, False
    planned = f"nhiệm vụ {key} của kế hoạch là “{_shortened(plan[key], 60)}”" if key in plan else \
        f"kế hoạch không có nhiệm vụ {key}"
    area, _, number = key.rpartition(".")
    notes.append((f"hàng {key} (TT {number} của lĩnh vực {area}, “{_shortened(wording, 60)}”) không khớp kế "
                  f"hoạch ({planned}), nên đã để trống 'status'; hãy xác định hàng này là nhiệm vụ "
                  "nào của kế hoạch rồi sửa 'task'",
                  f"row {key} ('{_shortened(wording, 60)}') does not match the plan, so 'status' is left "
                  "blank; see which task it is"))
    return key, False


def _letterhead_or_signature(table: Table) -> bool:
    """A table that only sets the agency, number and date, or the recipients
    and the signature, side by side."""
    lines = [fold(line) for row in table.rows for cell in row for line in cell.split("\n")]
    return any(re.match(r"(so \d|noi nhan|cong hoa xa hoi)", line) for line in lines) or \
        any(_signs(line) for row in table.rows for cell in row for line in cell.split("\n"))


def _joined(paragraphs: list[str]) -> str:
    return " ".join(paragraphs)


def _paragraphs(blocks, notes: list[tuple[str, str, str]]) -> list[str]:
    """The text's paragraphs: Word's as they are; the lines of a text file
    (copied from a PDF, which wraps them) joined back where a paragraph does
    not end with '.', ':' or ';' and no heading or list item starts, without
    its page numbers and the running header a PDF repeats on every page."""
    out: list[str] = []
    for block in without_page_furniture([b for b in blocks if isinstance(b, Paragraph)], notes):
        line = block.text
        if not block.where.startswith("dòng"):
            out.append(line)
            continue
        starts = SECTION.match(line) or re.match(r"^(\d+(\.\d+)*\.|-)\s", line) or \
            fold(line).startswith("noi nhan")
        after_heading = out and line[:1].isupper() and (
            (SECTION.match(out[-1]) and out[-1] == out[-1].upper()) or
            (re.match(r"^\d+(\.\d+)*\.\s", out[-1]) and len(out[-1]) < 100))
        signature = _signs(line) or bool(out) and _signs(out[-1])  # its own lines
        if out and not starts and not after_heading and not signature and \
                not out[-1].endswith((".", ":", ";", "./.")):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _year(text: str) -> int | None:
    years = re.findall(r"năm (20\d\d)", text, re.IGNORECASE)
    return int(max(set(years), key=years.count)) if years else None


def _title(text: str) -> str:
    """The title the closing sentence gives ('Trên đây là báo cáo …'), if any."""
    m = re.search(r"Trên đây là (báo cáo [^,./]+)", text)
    return m.group(1)[0].upper() + m.group(1)[1:] if m else ""


# a sentence whose first count is of those received (not online) begins a set of dossier
# counts, if the set tells what became of them too
_RECEIVED_FIRST = re.compile(r"^(?:(?!\d+(?: \d{3})* ho so).)*?\btiep nhan\b"
                             r"(?!(?: ho so)? (?:truc tuyen|qua))[^;\d]*?\d+(?: \d{3})*\s*ho so")
_RESOLVED_SAID = re.compile(r"giai quyet|tra ket qua|(?:truoc|dung|qua|tre) han")
_SENTENCE = re.compile(r"[^.\n]*(?:\.(?=\d)[^.\n]*)*(?:\.|\n|$)")  # '3.456' ends none


def _first_count_set(text: str) -> tuple[str, list[str]]:
    """The text without the sentences of a second set of dossier counts, and
    those sentences' first ones: 'Bộ phận Một cửa huyện tiếp nhận 3.456 hồ
    sơ …. Bộ phận Một cửa cấp xã tiếp nhận 12.845 hồ sơ …' are two places'
    counts, which read as one mixed the one's with the other's."""
    sentences = [m[0] for m in _SENTENCE.finditer(text) if m[0]]
    folded = [fold(sentence) for sentence in sentences]
    starts = [i for i, words in enumerate(folded) if _RECEIVED_FIRST.search(words)]
    sets = []
    for start in starts:
        end = start + 1
        while end < len(sentences) and end not in starts and "ho so" in folded[end]:
            end += 1
        if any(_RESOLVED_SAID.search(words) for words in folded[start:end]):
            sets.append(range(start, end))
    if len(sets) < 2:
        return text, []
    dropped = {i for later in sets[1:] for i in later}
    return ("".join(" " if i in dropped else sentence for i, sentence in enumerate(sentences)),
            [sentences[later.start].strip() for later in sets[1:]])


def _shortened(sentence: str, length: int = 160) -> str:
    """The sentence, cut at a word's end to ``length`` characters at most."""
    return sentence if len(sentence) <= length else \
        sentence[:length - 3].rsplit(" ", 1)[0] + "…"


# the number first: '1.100 hồ sơ được giải quyết trước hạn'
_COUNT_FIRST = [(r"(?:duoc )?(?:giai quyet|tra ket qua) " + _TIMELY, "resolved_timely"),
                (r"(?:duoc )?(?:giai quyet|tra ket qua) truoc han(?! va)", "resolved_early"),
                (r"(?:duoc )?(?:giai quyet|tra ket qua) dung han(?! va)", "resolved_on_time"),
                (r"(?:duoc )?(?:giai quyet|tra ket qua) (?:qua|tre) han", "resolved_late")]


def _dossiers(text: str, plain: str, clauses_ending: list[str],
              notes: list[tuple[str, str, str]]) -> dict:
    """The counts the text's sentences give (``plain``: the text without
    thousands separators; ``clauses_ending``: see _dossier_clauses)."""
    folded = fold(plain)
    found: dict = _breakdowns(plain, notes)
    for words, key in DOSSIER_WORDS:
        counts = [(int(m[1]), m.end()) for m in re.finditer(  # not the count a next clause
            words + r"\s*(\d+)\s*ho so(?!\s*duoc (?:giai quyet|tra))", folded)]  # leads
        if counts:  # of dossiers received, the count said to be of TTHC, else the first
            tthc = [n for n, end in counts if re.match(r"\s*(?:tthc|thu tuc)", folded[end:])]
            found.setdefault(key, (tthc or [counts[0][0]])[0] if key == "received" else counts[0][0])
    clauses = [fold(clause) for clause in re.split(r"[.;:,()]", plain)]  # a number's own clause
    for words, key in _COUNT_FIRST:
        m = next(filter(None, (re.search(r"(\d+)\s*ho so\s*" + words, c) for c in clauses)), None)
        if m:
            found.setdefault(key, int(m.group(1)))
    for clause in clauses_ending:  # '…tiếp nhận: 1.234; đúng hạn 1.100; trễ hạn 5.'
        for words, key in DOSSIER_WORDS:
            m = re.search(words + r"\s*(\d+)(?:\s*ho so)?$", clause)
            if m:
                found.setdefault(key, int(m[1]))
                break
    fields = re.findall(_COUNT + r" hồ sơ thuộc lĩnh vực (.+?)(?=, " + _COUNT + r" hồ sơ|\.\s|\.$|;)",
                        text)
    if fields:
        found["by_field"] = [{"field": name.strip(), "received": int(_THOUSANDS.sub("", n))}
                             for n, name, *_ in fields]
    return found


# a count and its parts in brackets: 'đã trả kết quả 3.401 hồ sơ (trước hạn 2.800 hồ sơ,
# đúng hạn 590 hồ sơ, quá hạn 11 hồ sơ)', 'đang giải quyết: 77 hồ sơ (trong hạn: 70; quá hạn: 7)'
_VERBS = re.compile(r"dang giai quyet|tiep nhan|tra ket qua|giai quyet")
_BREAKDOWN = re.compile(rf"(?:{_VERBS.pattern})[^.;()\d]*(?P<n>\d+)\s*ho so\s*"
                        r"(?:\((?P<parts>[^()]*)\)|,?\s*trong do\s*:?\s*(?P<listed>[^.;()]*))")
_BREAKDOWN_PART = re.compile(r"^(?:trong do\s*:?\s*)?(?P<label>[a-z ]+?)\s*:?\s*(?P<n>\d+)"
                             r"(?:\s*ho so)?$")
_PARTS_OF = {  # the verb of the count → its parts' labels → the count each is
    "tiep nhan": {"truc tuyen": "online", "tiep nhan truc tuyen": "online"},
    "tra ket qua": {"truoc han": "resolved_early", "dung han": "resolved_on_time",
                    "qua han": "resolved_late", "tre han": "resolved_late",
                    **dict.fromkeys(_TIMELY_WORDS, "resolved_timely")},
    "dang giai quyet": {"trong han": "pending", "chua den han": "pending",
                        "qua han": "pending_late", "tre han": "pending_late"}}
_PARTS_OF["giai quyet"] = _PARTS_OF["tra ket qua"]


def _breakdowns(plain: str, notes: list[tuple[str, str, str]]) -> dict:
    """The counts that the parts after a count give, in brackets or after
    'trong đó', read by what the count is of (received: the online ones;
    resolved: early, on time, late; pending: within the time or overdue),
    and the total received; pending ones said only to be partly overdue
    ('đang giải quyết 53 hồ sơ, trong đó quá hạn 4') are the rest within
    the time. Parts of the resolved count that do not add up to it are said."""
    found: dict = {}
    for m in _BREAKDOWN.finditer(strip_diacritics(plain).lower()):
        verb = _VERBS.findall(m.string, m.start(), m.start("n"))[-1]  # the nearest the count
        whole = int(m["n"])
        parts = {}
        for part in re.split(r"[,;]", m["parts"] if m["parts"] is not None else m["listed"]):
            read = _BREAKDOWN_PART.match(" ".join(part.split()))
            key = _part(verb, read["label"].strip()) if read else None
            if key:
                parts.setdefault(key, int(read["n"]))
        if "carried_over" in parts:
            _newly_received(whole, parts, notes)
        if verb == "dang giai quyet" and "pending" not in parts and \
                parts.get("pending_late", whole + 1) <= whole:
            parts["pending"] = whole - parts["pending_late"]
            within, late = format_number(parts["pending"]), format_number(parts["pending_late"])
            notes.append(("", f"“đang giải quyết {format_number(whole)} hồ sơ, trong đó quá hạn "
                              f"{late}”: ghi {within} hồ sơ trong hạn ('pending') và {late} quá "
                              "hạn ('pending_late')",
                          f"'{format_number(whole)} pending, {late} of them overdue': recorded as "
                          f"{within} within the time ('pending') and {late} overdue "
                          "('pending_late')"))
        resolved = [n for key, n in parts.items() if key.startswith("resolved_")]
        if verb in ("giai quyet", "tra ket qua") and len(resolved) > 1 and sum(resolved) != whole:
            notes.append(("", f"đã giải quyết {format_number(whole)} hồ sơ, nhưng các phần kể ra "
                              f"cộng lại {format_number(sum(resolved))}: đã nhập các phần; hãy xem "
                              "lại văn bản gốc",
                          f"{format_number(whole)} dossiers resolved, but the parts listed add up "
                          f"to {format_number(sum(resolved))}: the parts are imported; check the "
                          "source"))
        for key, n in parts.items():
            found.setdefault(key, n)
        if verb == "tiep nhan":
            found.setdefault("received", whole)
    return found


def _part(verb: str, label: str) -> str | None:
    """The count a part of a count of ``verb`` is, by its label ('trước hạn'
    of those resolved; 'kỳ trước chuyển sang', 'tiếp nhận mới' of a total
    received)."""
    if verb == "tiep nhan" and re.fullmatch(_CARRIED, label):
        return "carried_over"
    if verb == "tiep nhan" and re.fullmatch(_NEW, label):
        return "received"
    return _PARTS_OF[verb].get(label)


def _newly_received(whole: int, parts: dict, notes: list[tuple[str, str, str]]) -> None:
    """Of a total received, with its carried-over ones among its parts, the
    newly received ('received'): the part that says so, else the rest; the
    two not adding up to the total is said."""
    carried, total = parts["carried_over"], format_number(whole)
    if "received" not in parts:
        parts["received"] = whole - carried
        notes.append(("", f"tổng số {total} hồ sơ gồm {format_number(carried)} hồ sơ kỳ trước "
                          f"chuyển sang: ghi {format_number(whole - carried)} hồ sơ tiếp nhận mới "
                          "('received') và số chuyển sang ('carried_over')",
                      f"the {total} dossiers in all hold {format_number(carried)} carried over: "
                      f"recorded as {format_number(whole - carried)} newly received ('received') "
                      "and the carried-over ('carried_over')"))
    elif parts["received"] + carried != whole:
        notes.append(("", f"tổng số {total} hồ sơ, nhưng kỳ trước chuyển sang "
                          f"{format_number(carried)} và tiếp nhận mới {format_number(parts['received'])}"
                          f" cộng lại {format_number(parts['received'] + carried)}: đã ghi hai số ấy; "
                          "hãy xem lại văn bản gốc",
                      f"{total} dossiers in all, but the {format_number(carried)} carried over and "
                      f"{format_number(parts['received'])} newly received add up to "
                      f"{format_number(parts['received'] + carried)}: those two are recorded; "
                      "check the source"))


# a count ending its clause: not a year, a day, a month, a quarter or a number ('số 12')
_CLAUSE_COUNT = re.compile(r"(?<!\bnam )(?<!\bngay )(?<!\bthang )(?<!\bquy )(?<!\bso )(?<!\d )"
                           r"\b(\d+)$")


_PART_COUNTED = re.compile(r"(?:truoc|dung|qua|tre) han(?: la)?\s*\d+\s*ho so")


def _dossier_clauses(plain: str) -> list[str]:
    """The clauses, folded, of the sentences about dossiers that end in a number
    with no 'hồ sơ' after it ('tiếp nhận: 1.234', 'trễ hạn 5'), each made to
    say what the sentence resolved when it says it once for all ('đã giải
    quyết đúng hạn 1.100; trễ hạn 5'); ``plain``: the text without its
    thousands separators."""
    found = []
    for sentence in re.split(r"\.(?!\d)|\n", plain):
        if "ho so" not in fold(sentence):
            continue
        sentence = _NOT_COUNTS.sub(" ", sentence)
        resolved = ""
        for clause in map(fold, re.split(r"[;,]", sentence)):
            said = re.search(r"\b(?<!dang )(?:giai quyet|tra(?: ket qua)?)\b", clause)
            resolved = said[0] + " " if said else "" if "dang giai quyet" in clause else resolved
            if _CLAUSE_COUNT.search(clause):
                found.append(resolved + clause if re.match(r"(?:truoc|dung|qua|tre) han", clause)
                             else clause)
            elif resolved and _PART_COUNTED.fullmatch(clause.strip()):  # '…; quá hạn 12 hồ sơ'
                found.append(resolved + clause.strip())
    return found


def _counts_unplaced(plain: str, dossiers: dict, clauses_ending: list[str]) -> list[int]:
    """The numbers of 'N hồ sơ' in the text (``plain``: without thousands
    separators), and those ending a clause about dossiers (``clauses_ending``,
    see _dossier_clauses), that are none of the counts read (nor the resolved
    total, the sum of three of them, nor the pending total, nor a count whose
    parts are listed after it): a sentence worded in a way the reader does
    not know, said rather than dropped in silence."""
    rows = [dossiers] + dossiers.get("by_field", [])
    placed = {v for row in rows for k, v in row.items() if isinstance(v, int)}
    placed |= {sum(row.get(k) or 0 for k in ("resolved_early", "resolved_on_time", "resolved_timely",
                                             "resolved_late")) for row in rows}
    placed |= {(row.get("pending") or 0) + (row.get("pending_late") or 0) for row in rows}
    written = {int(n) for n in re.findall(r"(\d+)\s*ho so", fold(plain))}
    written |= {int(re.search(r"(\d+)(?:\s*ho so)?$", clause)[1]) for clause in clauses_ending}
    placed |= {int(m["n"]) for m in _BREAKDOWN.finditer(strip_diacritics(plain).lower())}
    return sorted(written - placed)


# '45 dịch vụ công trực tuyến toàn trình và 30 … một phần' (the levels since Decree 42/2022)
# or '98 thủ tục cung cấp dịch vụ công trực tuyến toàn trình'
_WHOLE_OR_PART = re.compile(r"(\d+)\s+(?:(?:thủ tục(?: hành chính)?|TTHC)\s+)?(?:(?:được\s+)?cung cấp\s+)?"
                            r"(?:(?:dịch vụ công|DVCTT|DVC)\s+)?(?:trực tuyến\s+)?(toàn trình|một phần)",
                            re.IGNORECASE)
# 'Tổng số TTHC thuộc thẩm quyền giải quyết của Sở là 135 thủ tục'
_PROCEDURES = re.compile(r"tổng số (?:thủ tục hành chính|thủ tục|TTHC)[^.;\d]{0,80}?(\d+)\s*"
                         r"(?:thủ tục|TTHC)", re.IGNORECASE)


def _online(text: str) -> dict:
    levels = re.findall(r"mức độ (\d) cho (\d+)/(\d+) TTHC", text)
    if levels:
        return {"total_procedures": int(levels[0][2]),
                "levels": [{"level": level, "count": int(count)} for level, count, _ in levels]}
    kinds = {"toàn trình": "toan-trinh", "một phần": "mot-phan"}
    found = {kinds[kind.lower()]: int(count) for count, kind in _WHOLE_OR_PART.findall(text)}
    total = _PROCEDURES.search(text)
    return {**({"total_procedures": int(total[1])} if total else {}),
            **({"levels": [{"level": level, "count": count} for level, count in found.items()]}
               if found else {})}
