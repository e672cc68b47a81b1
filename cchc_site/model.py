"""The content model: what editors write, one dataclass per kind of record.

These classes are the single source of truth for the YAML keys: the
validator reads their fields (name, type, metadata) to check files, and the
field reference in ``docs/`` is generated from the same metadata.  Every
field is optional unless marked ``required``; wording that is interpreted
later (deadlines, targets, amounts, dates) is kept as the editor wrote it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import NamedTuple

from . import labels
from .values import Markdown, Number, PartialDate, with_header_unit


class Loc(NamedTuple):
    """A place in a source file, 1-based, for error messages (a named tuple:
    every YAML node has one, and a province has hundreds of thousands)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


def meta(vi: str, en: str, *, required: bool = False, ref: str | None = None,
         choices: dict[str, str] | None = None, example: str | None = None,
         slug: bool = False, url: bool = False, minimum: int = 0,
         maximum: int | None = None, counts: tuple[str, str] | None = None) -> dict:
    """``choices``: allowed value → its Vietnamese name; ``slug``: the value
    becomes part of a URL, so lower-case ASCII letters, digits and hyphens;
    ``url``: an absolute http(s) address; ``minimum``/``maximum``: bounds of
    a whole number (counts are never negative); ``counts``: what a whole
    number counts (vi, en), for the editor who writes a rate in its place."""
    return {"vi": vi, "en": en, "required": required, "ref": ref, "choices": choices,
            "example": example, "slug": slug, "url": url, "minimum": minimum,
            "maximum": maximum, "counts": counts}


def opt(vi: str, en: str, default=None, **kw):
    """An optional field: absent in the file means ``default``."""
    if isinstance(default, (list, dict)):
        kind = type(default)
        return field(default_factory=kind, metadata=meta(vi, en, **kw))
    return field(default=default, metadata=meta(vi, en, **kw))


def req(vi: str, en: str, **kw):
    return field(metadata=meta(vi, en, required=True, **kw))


def former_ids():
    """A record's ids before its file was renamed: their addresses lead to its pages."""
    return opt("Mã cũ, khi đã đổi tên tệp: các địa chỉ cũ chuyển tới trang mới",
               "Former ids, once the file is renamed: the old addresses lead to the new pages",
               [], slug=True, example="[so-khcn-nghe-an-2023]")


@dataclass(frozen=True, kw_only=True)
class Record:
    """Base of every record: where it was written, field by field, and which
    fields held a value that could not be used (already reported).  A field's
    place is kept as (line, column) in the record's file and made a Loc only
    when asked for: a province has hundreds of thousands of values, most
    never named in a message, and each would be one more object to make and
    to send back from a reader process."""

    loc: Loc = field(default=Loc(""), compare=False, repr=False,
                     metadata={"internal": True})
    locs: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False,
                                             metadata={"internal": True})
    invalid: frozenset = field(default=frozenset(), compare=False, repr=False,
                               metadata={"internal": True})

    def at(self, name: str, item: str = "") -> Loc:
        """Where the field was written; with ``item`` ('[2]' for a list's
        second, '.lead' for a mapping's key 'lead'), where that part of it was."""
        place = self.locs.get(name + item) if item else None
        place = place or self.locs.get(name)
        return Loc(self.loc.file, *place) if place else self.loc


def schema_fields(cls) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


# --- site.yaml ---------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class SiteConfig(Record):
    title: str = req("Tên trang", "Site title")
    base_url: str = req("Địa chỉ gốc khi xuất bản, có thể có đường dẫn con",
                        "Public base URL, may include a sub-path",
                        example="https://skhcn.nghean.gov.vn/cchc/", url=True)
    language: str = opt("Ngôn ngữ giao diện", "Interface language", "vi",
                        choices={"vi": "Tiếng Việt"})
    reference_date: PartialDate | None = opt(
        "Ngày mốc để tính tiến độ; bỏ trống thì lấy ngày của báo cáo mới nhất",
        "Reference date for progress; when blank, the latest report's date",
        example="31/12/2023")
    description: str = opt("Mô tả ngắn của trang", "Short description of the site", "")
    publisher: str = opt("Cơ quan chịu trách nhiệm nội dung", "Body responsible for the content", "")
    license: str = opt("Giấy phép dùng lại dữ liệu mở (mã SPDX); bỏ trống: trang nói chưa có giấy phép",
                       "Licence of the open data (SPDX id); when blank the site says there is none",
                       "", example="CC-BY-4.0", choices=labels.LICENSES)
    extra: dict[str, str] = opt("Thông tin thêm cho mẫu giao diện riêng (đường dây nóng, địa chỉ…): "
                                "tên → nội dung, dùng trong mẫu là config.extra['tên']",
                                "More facts for a site's own templates (hotline, address…): "
                                "name → text, config.extra['name'] in a template", {})


# --- agencies and units ----------------------------------------------------------



@dataclass(frozen=True, kw_only=True)
class Unit(Record):
    id: str = req("Mã đơn vị (chữ thường không dấu, gạch nối)",
                  "Unit id (lower-case ASCII, hyphens)", example="van-phong", slug=True)
    name: str = req("Tên đơn vị", "Unit name", example="Văn phòng Sở")
    kind: str = opt("Loại đơn vị; 'nhom' là một nhóm đơn vị như 'Các phòng chuyên môn'",
                    "Kind of unit; 'nhom' is a group such as 'all divisions'",
                    "phong", choices=labels.UNIT_KINDS)
    members: list[str] = opt("Với nhóm: các đơn vị thuộc nhóm", "For a group: its member units",
                             [], ref="unit")
    note: str = opt("Ghi chú", "Note", "")


@dataclass(frozen=True, kw_only=True)
class Agency(Record):
    id: str = field(default="", metadata={"internal": True})
    name: str = req("Tên cơ quan", "Agency name",
                    example="Sở Khoa học và Công nghệ tỉnh Nghệ An")
    short_name: str = opt("Tên ngắn", "Short name", "", example="Sở KH&CN Nghệ An")
    province: str = opt("Tỉnh, thành phố", "Province", "")
    website: str = opt("Trang thông tin điện tử", "Web site", "")
    units: list[Unit] = opt("Các phòng, đơn vị", "Units (divisions, centres…)", [])
    note: Markdown = opt("Ghi chú (Markdown)", "Note (Markdown)", Markdown(""))
    sample: bool = opt("Cơ quan mẫu do 'cchc-site new' tạo: khi đã có cơ quan thật, hãy xóa tệp "
                       "này và kế hoạch của nó", "The sample agency made by 'cchc-site new': "
                       "delete it and its plan once a real agency is added", False)
    aliases: list[str] = former_ids()


# --- shared pieces ---------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Section(Record):
    heading: str = req("Tiêu đề mục, như trong văn bản", "Section heading as written")
    body: Markdown = opt("Nội dung (Markdown)", "Content (Markdown)", Markdown(""))


@dataclass(frozen=True, kw_only=True)
class Signer(Record):
    title: str = opt("Chức vụ người ký", "Signer's title", "", example="GIÁM ĐỐC")
    name: str = opt("Họ tên người ký", "Signer's name", "")
    on_behalf: str = opt("Thay mặt, ký thay, ký thừa lệnh: một dòng mỗi cấp (TM. ỦY BAN NHÂN "
                         "DÂN, rồi KT. CHỦ TỊCH)", "Signing on behalf (TM., KT., TL.), a line "
                         "for each", "")


@dataclass(frozen=True, kw_only=True)
class DocRef(Record):
    number: str = opt("Số ký hiệu", "Document number", "", example="59/SKHCN-VP")
    date: PartialDate | None = opt("Ngày ban hành", "Date of issue", example="31/01/2023")
    text: str = opt("Nguyên văn", "As written", "")


@dataclass(frozen=True, kw_only=True)
class Acknowledgement(Record):
    check: str = req("Mã của điều không khớp mà `check` đã báo", "Id of the finding `check` reported",
                     example="ho-so-tong-thieu-5")
    note: str = req("Lời giải thích, hiện trên trang thay cho cảnh báo",
                    "Explanation, shown on the page instead of a warning")


# --- plans -----------------------------------------------------------------------



@dataclass(frozen=True, kw_only=True)
class Objective(Record):
    number: str = opt("Số thứ tự trong văn bản", "Number in the document", "")
    text: Markdown = req("Nội dung mục tiêu (Markdown)", "Objective text (Markdown)")


@dataclass(frozen=True, kw_only=True)
class Target(Record):
    id: str = req("Mã chỉ tiêu", "Target id", example="ty-le-ho-so-truc-tuyen", slug=True)
    text: str = req("Chỉ tiêu, nguyên văn", "Target as written",
                    example="Tỷ lệ hồ sơ giải quyết trực tuyến ... đạt từ 40% trở lên")
    objective: str = opt("Số của mục tiêu chứa chỉ tiêu này", "Number of the objective it belongs to", "")
    where: str = opt("Vị trí trong văn bản", "Where in the document it is written", "",
                     example="Mục I.8")


@dataclass(frozen=True, kw_only=True)
class Task(Record):
    id: str = opt("Mã nhiệm vụ; bỏ trống thì là 'số lĩnh vực.số thứ tự', ví dụ II.3",
                  "Task id; default 'area number.task number', e.g. II.3", "")
    number: str = opt("Số thứ tự (cột TT)", "Row number (TT column)", "")
    objective: str = opt("Mục tiêu", "Objective column", "")
    task: str = req("Nhiệm vụ / nội dung", "Task (or 'content') column")
    activities: str = opt("Hoạt động", "Activities column", "")
    product: str = opt("Kết quả / sản phẩm", "Expected output column", "")
    lead: list[str] = opt("Đơn vị chủ trì (mã đơn vị)", "Lead unit(s), by unit id", [], ref="unit")
    lead_text: str = opt("Đơn vị chủ trì, nguyên văn nếu khác tên đơn vị",
                         "Lead unit as written, when it differs from the unit names", "")
    support: list[str] = opt("Đơn vị phối hợp (mã đơn vị)", "Supporting units, by unit id", [],
                             ref="unit")
    support_text: str = opt("Đơn vị phối hợp, nguyên văn", "Supporting units as written", "")
    deadline: str = opt("Thời gian hoàn thành, nguyên văn", "Deadline as written", "",
                        example="Quý I")
    due: PartialDate | None = opt(
        "Hạn cụ thể, dùng thay cách đọc tự động cột thời gian (khi cột không đọc được "
        "hoặc đọc sai)", "Explicit due date, replacing the reading of the deadline wording",
        example="15/12/2023")
    budget: str = opt("Kinh phí, nguyên văn", "Budget as written", "",
                      example="12.000.000 đồng")
    notes: str = opt("Ghi chú", "Notes column", "")
    extra: dict[str, str] = opt("Các cột khác của bảng: tên cột → nội dung",
                                "Other columns of the table: header → content", {})


@dataclass(frozen=True, kw_only=True)
class Area(Record):
    number: str = opt("Số La Mã của lĩnh vực trong phụ lục", "Roman numeral of the area", "",
                      example="II")
    title: str = req("Tên lĩnh vực, như trong văn bản", "Area title as written")
    standard: str = opt("Lĩnh vực chuẩn theo Chương trình tổng thể 2021–2030 (nếu tương ứng)",
                        "Standard area of the 2021–2030 programme, if it is one", "",
                        choices=labels.REFORM_AREAS)
    tasks: list[Task] = opt("Các nhiệm vụ", "Tasks", [])




@dataclass(frozen=True, kw_only=True)
class Appendix(Record):
    title: str = opt("Tiêu đề phụ lục", "Appendix title", "")
    subtitle: str = opt("Dòng dưới tiêu đề", "Line under the title", "")
    columns: dict[str, str] = opt(
        "Tiêu đề cột như trong văn bản, theo khóa trường: number, objective, task, activities, "
        "product, lead, support, deadline, budget, notes",
        "Column headers as written, by field key", {})
    budget_total: str = opt("Tổng kinh phí ghi trong văn bản, nguyên văn",
                            "Budget total as the document states it", "",
                            example="120.000.000 đồng")


@dataclass(frozen=True, kw_only=True)
class Plan(Record):
    id: str = field(default="", metadata={"internal": True})
    agency: str = req("Cơ quan ban hành (mã)", "Issuing agency id", ref="agency")
    year: int = req("Năm kế hoạch", "Plan year", example="2023", minimum=1945, maximum=2100)
    title: str = req("Tên kế hoạch", "Plan title")
    number: str = opt("Số ký hiệu; dự thảo có thể để trống phần số",
                      "Document number; a draft may leave it blank", "", example="122/KH-SKH")
    date: PartialDate | None = opt("Ngày ban hành (ngày/tháng/năm; có thể chỉ tháng/năm)",
                                   "Date of issue (day/month/year; may be month/year)",
                                   example="28/01/2023")
    place: str = opt("Địa danh", "Place", "", example="Tuyên Quang")
    draft: bool = opt("Là dự thảo", "Is a draft", False)
    legal_basis: list[str] = opt("Căn cứ", "Legal basis", [])
    preamble: Markdown = opt("Lời dẫn sau phần căn cứ (Markdown)",
                             "Introductory text after the legal basis (Markdown)", Markdown(""))
    theme: str = opt("Chủ đề của năm", "Theme of the year", "")
    objectives: list[Objective] = opt("Mục tiêu", "Objectives", [])
    targets: list[Target] = opt("Chỉ tiêu định lượng", "Quantified targets", [])
    sections: list[Section] = opt("Các phần nội dung (Markdown)", "Prose sections (Markdown)", [])
    signer: Signer | None = opt("Người ký", "Signer")
    recipients: list[str] = opt("Nơi nhận", "Recipients", [])
    appendix: Appendix | None = opt("Phụ lục (bảng nhiệm vụ)", "Appendix (task table)")
    areas: list[Area] = opt("Lĩnh vực và nhiệm vụ của phụ lục", "Areas and their tasks", [])
    acknowledged: list[Acknowledgement] = opt(
        "Những điều không khớp đã biết, kèm giải thích", "Known discrepancies, explained", [])
    aliases: list[str] = former_ids()

    @property
    def budget_header(self) -> str:
        """The budget column's header as written: it may give the unit of bare
        amounts ('Kinh phí (triệu đồng)')."""
        return self.appendix.columns.get("budget", "") if self.appendix else ""

    @property
    def budget_total_shown(self) -> str:
        """The appendix's total as written, with the unit of its column's header
        when it is a bare number ('1.515,5' under 'Kinh phí (triệu đồng)')."""
        total = self.appendix.budget_total if self.appendix else ""
        return with_header_unit(total, self.budget_header) if total else ""


# --- reports ---------------------------------------------------------------------



@dataclass(frozen=True, kw_only=True)
class TaskStatus(Record):
    task: str = req("Mã nhiệm vụ trong kế hoạch", "Task id in the plan", ref="task",
                    example="VII.1")
    status: str = opt("Tình trạng; để trống khi chưa cập nhật (trang coi như báo cáo chưa nói)",
                      "Status; blank while not filled in (counts as not reported)", "",
                      choices=labels.TASK_STATUSES)
    evidence: str = opt("Căn cứ, kết quả (nguyên văn báo cáo)", "Evidence, as the report says", "")
    date: PartialDate | None = opt("Ngày hoàn thành (nếu có)", "Date done, if known")
    note: str = opt("Ghi chú", "Note", "")


@dataclass(frozen=True, kw_only=True)
class Figure(Record):
    id: str = req("Mã số liệu", "Figure id", example="so-tthc-muc-do-3", slug=True)
    label: str = req("Số liệu về", "What is counted")
    value: Number | None = opt("Giá trị; để trống khi chưa có số liệu",
                               "Value; blank while there is no figure yet", example="13")
    unit: str = opt("Đơn vị tính", "Unit", "", example="TTHC")
    of_total: Number | None = opt("Trên tổng số (nếu viết dạng 13/28)", "Out of (for 13/28)")
    target: str = opt("Chỉ tiêu của kế hoạch mà số liệu này đo", "Plan target it measures", "",
                      ref="target")
    part_of: str = opt("Số liệu này là một phần của số liệu nào (mã)",
                       "The figure this one is a part of (id)", "", ref="figure")
    as_written: str = opt("Nguyên văn trong báo cáo", "As written in the report", "")


DOSSIERS = ("hồ sơ", "dossiers")


@dataclass(frozen=True, kw_only=True)
class DossierCounts(Record):
    carried_over: int | None = opt(
        "Hồ sơ kỳ trước chuyển sang (tồn kỳ trước), chưa giải quyết xong lúc đầu kỳ",
        "Dossiers carried over from the previous period, not yet resolved when it began",
        counts=DOSSIERS)
    received: int | None = opt("Số hồ sơ tiếp nhận trong kỳ (tiếp nhận mới, không kể hồ sơ kỳ trước "
                               "chuyển sang)", "Dossiers received in the period (new ones, not "
                               "those carried over)", counts=DOSSIERS)
    resolved_early: int | None = opt("Giải quyết trước hạn", "Resolved early", counts=DOSSIERS)
    resolved_on_time: int | None = opt("Giải quyết đúng hạn", "Resolved on time", counts=DOSSIERS)
    resolved_timely: int | None = opt(
        "Giải quyết đúng hạn và trước hạn, khi báo cáo chỉ nêu gộp hai số ấy",
        "Resolved on time or early, where the report gives them together", counts=DOSSIERS)
    resolved_late: int | None = opt("Giải quyết quá hạn", "Resolved late", counts=DOSSIERS)
    returned: int | None = opt("Trả lại / rút hồ sơ", "Returned or withdrawn", counts=DOSSIERS)
    pending: int | None = opt("Đang giải quyết, trong hạn", "Pending, within time", counts=DOSSIERS)
    pending_late: int | None = opt("Đang giải quyết, quá hạn", "Pending, overdue", counts=DOSSIERS)
    online: int | None = opt("Tiếp nhận trực tuyến", "Received online", counts=DOSSIERS)


@dataclass(frozen=True, kw_only=True)
class FieldDossiers(DossierCounts):
    field: str = req("Lĩnh vực", "Field (lĩnh vực)")


@dataclass(frozen=True, kw_only=True)
class Dossiers(DossierCounts):
    place: str = opt("Nơi tiếp nhận", "Where received", "")
    as_written: str = opt("Nguyên văn trong báo cáo", "As written in the report", "")
    by_field: list[FieldDossiers] = opt("Theo lĩnh vực", "By field", [])


@dataclass(frozen=True, kw_only=True)
class OnlineLevel(Record):
    level: str = req("Mức độ", "Level", choices=labels.ONLINE_LEVELS)
    count: int = req("Số TTHC", "Number of procedures")


@dataclass(frozen=True, kw_only=True)
class OnlineServices(Record):
    total_procedures: int | None = opt("Tổng số TTHC của cơ quan", "Total procedures of the agency")
    levels: list[OnlineLevel] = opt("Số TTHC theo mức độ", "Procedures per online level", [])
    as_written: str = opt("Nguyên văn trong báo cáo", "As written in the report", "")


@dataclass(frozen=True, kw_only=True)
class Report(Record):
    id: str = field(default="", metadata={"internal": True})
    agency: str = req("Cơ quan báo cáo (mã)", "Reporting agency id", ref="agency")
    plan: str = opt("Kế hoạch được báo cáo (mã)", "Plan reported on (id)", "", ref="plan")
    year: int = req("Năm", "Year", example="2023", minimum=1945, maximum=2100)
    period: str = req("Kỳ báo cáo", "Reporting period", choices=labels.PERIODS)
    title: str = req("Tên báo cáo", "Report title")
    number: str = opt("Số ký hiệu", "Document number", "")
    date: PartialDate | None = opt("Ngày báo cáo", "Report date")
    place: str = opt("Địa danh", "Place", "")
    plan_reference: DocRef | None = opt("Kế hoạch như báo cáo dẫn (số, ngày)",
                                        "The plan as the report cites it (number, date)")
    tasks: list[TaskStatus] = opt("Tình trạng từng nhiệm vụ", "Status of each task", [])
    figures: list[Figure] = opt("Số liệu", "Figures", [])
    dossiers: Dossiers | None = opt("Thống kê hồ sơ TTHC", "Dossier statistics")
    online_services: OnlineServices | None = opt("Dịch vụ công trực tuyến", "Online public services")
    sections: list[Section] = opt("Các phần nội dung (Markdown)", "Prose sections (Markdown)", [])
    signer: Signer | None = opt("Người ký", "Signer")
    recipients: list[str] = opt("Nơi nhận", "Recipients", [])
    acknowledged: list[Acknowledgement] = opt(
        "Những điều không khớp đã biết, kèm giải thích", "Known discrepancies, explained", [])
    aliases: list[str] = former_ids()


# --- TTHC catalogues -------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Source(Record):
    id: str = req("Mã nguồn", "Source id", example="qd-1670", slug=True)
    title: str = req("Tên nguồn", "Source title")
    url: str = opt("Địa chỉ", "URL", "", url=True)
    date: PartialDate | None = opt("Ngày của nguồn", "Date of the source")
    note: str = opt("Ghi chú", "Note", "")
    replaces: list[str] = opt("Các nguồn mà văn bản này sửa đổi, thay thế (mã nguồn): giá trị "
                              "của chúng là giá trị cũ, không phải nguồn ghi khác",
                              "Sources this one amends or replaces (ids): theirs are the former "
                              "values, not a disagreement", [], ref="source")


@dataclass(frozen=True, kw_only=True)
class SourceVariant(Record):
    source: str = req("Mã nguồn", "Source id", ref="source")
    name: str = opt("Tên TTHC theo nguồn này", "Name in this source", "")
    processing_time: str = opt("Thời hạn giải quyết theo nguồn này", "Processing time in this source", "")
    fee: str = opt("Phí, lệ phí theo nguồn này", "Fees in this source", "")
    online_level: str = opt("Mức độ trực tuyến theo nguồn này", "Online level in this source", "")


@dataclass(frozen=True, kw_only=True)
class Abolition(Record):
    by: str = req("Văn bản bãi bỏ (mã nguồn trong 'sources')", "The decision abolishing it "
                  "(a source id)", ref="source")
    date: PartialDate | None = opt("Bãi bỏ từ ngày", "Abolished from", example="15/10/2024")


@dataclass(frozen=True, kw_only=True)
class Procedure(Record):
    id: str = opt("Mã trang; bỏ trống thì dùng mã TTHC", "Page id; default: the TTHC code", "")
    code: str = opt("Mã TTHC quốc gia (đặt trong ngoặc kép)", "National TTHC code (quote it)", "",
                    example='"1.004510"')
    name: str = req("Tên thủ tục", "Procedure name")
    field: str = req("Lĩnh vực", "Field (lĩnh vực)")
    processing_time: str = opt("Thời hạn giải quyết, nguyên văn", "Processing time as written", "")
    fee: str = opt("Phí, lệ phí, nguyên văn", "Fees as written", "")
    online_level: str = opt("Mức độ dịch vụ công trực tuyến, nguyên văn",
                            "Online service level as written", "", example="Toàn trình")
    legal_basis: str = opt("Căn cứ pháp lý", "Legal basis", "")
    location: str = opt("Địa điểm thực hiện (nơi nộp hồ sơ, nhận kết quả), nguyên văn",
                        "Where to submit and collect, as written", "",
                        example="Trung tâm Phục vụ hành chính công tỉnh")
    link: str = opt("Liên kết đến Cổng dịch vụ công", "Link to the public-service portal", "",
                    url=True)
    source: str = opt("Nguồn của các giá trị trên", "Source of the values above", "", ref="source")
    other_sources: list[SourceVariant] = opt(
        "Nguồn khác ghi khác, hay văn bản cũ mà nguồn chính thay thế (xem 'replaces' của nguồn)",
        "Other sources that differ, or the earlier decision its source replaces", [])
    abolished: Abolition | None = opt("Đã bãi bỏ: theo văn bản nào, từ ngày nào; trang vẫn giữ "
                                      "thủ tục, ghi rõ đã bãi bỏ", "Abolished: by which decision, "
                                      "from when; the page keeps it, marked abolished")


@dataclass(frozen=True, kw_only=True)
class Catalogue(Record):
    id: str = field(default="", metadata={"internal": True})
    agency: str = req("Cơ quan giải quyết (mã)", "Agency id", ref="agency")
    title: str = req("Tên danh mục", "Catalogue title")
    partial: bool = opt("Danh mục chưa đầy đủ", "The list is incomplete", False)
    note: Markdown = opt("Ghi chú (Markdown)", "Note (Markdown)", Markdown(""))
    sources: list[Source] = opt("Nguồn", "Sources", [])
    procedures: list[Procedure] = opt("Các thủ tục", "Procedures", [])
    aliases: list[str] = former_ids()


# --- free pages (Markdown with front matter) -----------------------------------

@dataclass(frozen=True, kw_only=True)
class Page(Record):
    id: str = field(default="", metadata={"internal": True})
    title: str = req("Tiêu đề trang", "Page title")
    description: str = opt("Mô tả ngắn", "Short description", "")
    sample: bool = opt("Trang mẫu do 'cchc-site new' tạo: khi đã có cơ quan thật, hãy viết lại "
                       "rồi bỏ dòng này", "The sample page made by 'cchc-site new': rewrite it "
                       "and remove this line once a real agency is added", False)
    body: Markdown = field(default=Markdown(""), metadata={"internal": True})


@dataclass(frozen=True)
class Content:
    """Everything read from a site folder, validated."""

    config: SiteConfig
    agencies: list[Agency]
    plans: list[Plan]
    reports: list[Report]
    catalogues: list[Catalogue]
    pages: list[Page]

