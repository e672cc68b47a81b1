"""Open data made from the site itself, not read back from a page: every task
of every plan, and every status a report gives a task, one row each; the
plans, reports and agencies those rows name by id; and every procedure of
every catalogue.

The tables on the pages follow what a reader needs, page by page; these two
follow what an analyst needs: one file for all plans and years, the same
columns whatever the plan, the values as the documents write them beside the
site's reading (due date, status), and the ids the site's addresses use as
keys, so a report's statuses join the plan's tasks (declared as primary and
foreign keys in ``datapackage.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import routes
from .deadlines import DATE
from .labels import DOSSIER_COUNTS, PERIODS, TASK_STATUSES, UNIT_KINDS, period_label
from .link import Site, TaskEntry, report_order
from .progress import LABELS, ORDER
from .opendata import published
from .tables import Table

FOLDER = routes.DATA  # beside the page that explains them


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    type: str  # string, integer, boolean, date (ISO 8601, YYYY-MM-DD)
    description: str  # 'Vietnamese / English'
    codes: tuple[str, ...] = ()  # the only values allowed, when the column holds codes

    @property
    def vietnamese(self) -> str:
        return self.description.split(" / ")[0]


def _coded(name: str, title: str, codes: dict[str, str], vietnamese: str, english: str) -> Column:
    """A column of codes, each given with its label: 'done (Hoàn thành, chưa rõ đúng hạn)'."""
    listed = "; ".join(f"{code} ({label})" for code, label in codes.items())
    return Column(name, title, "string", f"{vietnamese}: {listed} / {english}", tuple(codes))


@dataclass(frozen=True)
class Dataset:
    id: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict, ...] = ()

    @property
    def vietnamese(self) -> str:
        return self.description.split(" / ")[0]

    @property
    def path(self) -> str:
        return f"{FOLDER}{self.id}.csv"

    def fields(self) -> list[dict]:
        return [{"name": c.name, "type": c.type, "title": c.title, "description": c.description,
                 **({"constraints": {"enum": list(c.codes)}} if c.codes else {})}
                for c in self.columns]


_PLAN = Column("ke_hoach", "Mã kế hoạch", "string",
               "mã của kế hoạch, như trong địa chỉ trang ke-hoach/<mã>/ / the plan's id")
_AGENCY = Column("co_quan", "Mã cơ quan", "string",
                 "mã cơ quan ban hành, như trong địa chỉ co-quan/<mã>/ / the agency's id")
_YEAR = Column("nam", "Năm", "integer", "năm của kế hoạch / the plan's year")
_KEY = Column("ma", "Mã nhiệm vụ", "string",
              "mã nhiệm vụ trong kế hoạch, như I.1 / the task's id within its plan")
_AS_OF = Column("ngay_moc", "Ngày mốc", "date",
                "ngày tính tình trạng của kế hoạch: ngày của báo cáo mới nhất, hay ngày cuối kỳ "
                "khi báo cáo không ghi ngày, hay ngày mốc chung của trang; trống khi kế hoạch chưa "
                "có báo cáo / the plan's reference date")
_REPORT = Column("bao_cao", "Mã báo cáo", "string",
                 "như trong địa chỉ bao-cao/<mã>/ / the report's id")
_REPORT_YEAR = Column("nam", "Năm", "integer", "năm của báo cáo / the report's year")
_PERIOD = (_coded("ky", "Kỳ", PERIODS, "mã kỳ báo cáo", "the period's code"),
           Column("ky_bao_cao", "Kỳ báo cáo", "string", "như 'Quý I năm 2023' / the period"),
           Column("ngay_bao_cao", "Ngày báo cáo", "string",
                  "ISO 8601: YYYY-MM-DD, hay YYYY-MM khi văn bản chỉ ghi tháng / the report's date"))
_PAGE = Column("trang", "Trang", "string",
               "địa chỉ trang, tính từ gốc trang / the page, from the site's root")


def _refers(dataset: str, *columns: str) -> dict:
    """A foreign key: the ``columns`` hold the key of ``dataset``, in columns
    of the same names there."""
    return {"fields": list(columns), "reference": {"resource": dataset, "fields": list(columns)}}


TASKS = Dataset(
    "nhiem-vu", "Mọi nhiệm vụ của mọi kế hoạch",
    "Mỗi dòng một nhiệm vụ: nguyên văn phụ lục, cách trang đọc thời hạn, và tình trạng đến ngày "
    "mốc của kế hoạch. / One row per task: the appendix as written, the site's reading of its "
    "deadline, and its status on the plan's reference date.",
    (_PLAN, _AGENCY, _YEAR,
     Column("so_linh_vuc", "Số lĩnh vực", "string", "số La Mã của lĩnh vực / the area's number"),
     Column("linh_vuc", "Lĩnh vực", "string", "tên lĩnh vực, nguyên văn / the area, as written"),
     Column("linh_vuc_chuan", "Lĩnh vực chuẩn", "string",
            "mã lĩnh vực theo Chương trình tổng thể 2021–2030 (the-che, thu-tuc-hanh-chinh…), "
            "để so các kế hoạch với nhau; trống khi người biên tập chưa ghi / the standard "
            "reform area, to compare plans"),
     _KEY,
     Column("nhiem_vu", "Nhiệm vụ", "string", "nguyên văn / as written"),
     Column("muc_tieu", "Mục tiêu", "string", "nguyên văn / as written"),
     Column("hoat_dong", "Hoạt động", "string", "nguyên văn / as written"),
     Column("san_pham", "Sản phẩm", "string", "nguyên văn / as written"),
     Column("chu_tri", "Đơn vị chủ trì", "string",
            "tên đơn vị, hay nguyên văn khi văn bản ghi khác / the lead units"),
     Column("ma_chu_tri", "Mã đơn vị chủ trì", "string",
            "mã các đơn vị, cách nhau bằng '; '; nối với don-vi.csv qua co_quan và mã / the lead "
            "units' ids"),
     Column("phoi_hop", "Đơn vị phối hợp", "string", "tên đơn vị, hay nguyên văn / supporting units"),
     Column("ma_phoi_hop", "Mã đơn vị phối hợp", "string",
            "mã các đơn vị, cách nhau bằng '; '; nối với don-vi.csv qua co_quan và mã / the "
            "supporting units' ids"),
     Column("thoi_han", "Thời gian hoàn thành", "string", "nguyên văn / the deadline as written"),
     Column("han", "Hạn", "date",
            "ngày cuối của thời hạn, theo cách trang đọc; trống khi không có hạn cụ thể / the due "
            "date as the site reads the deadline; empty when there is none"),
     Column("bat_dau", "Bắt đầu", "date",
            "ngày bắt đầu của việc thường xuyên ghi 'Từ tháng 3/2027', 'Sau Quý I'…; trống với "
            "thời hạn khác / the day ongoing work written 'from…' starts; empty otherwise"),
     Column("kinh_phi", "Kinh phí", "string", "nguyên văn / the budget as written"),
     Column("kinh_phi_dong", "Kinh phí (đồng)", "integer",
            "số tiền đọc được từ cột kinh phí / the budget read as an amount in đồng"),
     Column("tinh_trang", "Tình trạng", "string",
            "tình trạng trang tính đến ngày mốc (xem trang Từ viết tắt và thuật ngữ) / the status "
            "on the reference date"),
     _coded("ma_tinh_trang", "Mã tình trạng", {code: LABELS[code] for code in ORDER},
            "mã của tình trạng ở cột trước", "the status's code"),
     Column("han_da_qua", "Hạn đã qua", "boolean",
            "hạn đã qua ngày mốc, dù nhiệm vụ xong hay chưa (với no-info: quá hạn mà chưa báo cáo "
            "nào nói đến); trống khi không có ngày mốc hay không có hạn cụ thể / the due date is "
            "past on the reference date; empty when there is no reference date or no due date"),
     _AS_OF,
     Column("theo_bao_cao", "Theo báo cáo", "string",
            "mã báo cáo cho tình trạng ấy / the report the status comes from"),
     Column("trang", "Trang", "string", "địa chỉ trang của nhiệm vụ, tính từ gốc trang / the "
            "task's page, from the site's root")),
    ("ke_hoach", "ma"), (_refers("ke-hoach", "ke_hoach"), _refers("co-quan", "co_quan")))

STATUSES = Dataset(
    "tinh-trang", "Tình trạng nhiệm vụ theo từng báo cáo",
    "Mỗi dòng là điều một báo cáo nói về một nhiệm vụ, nguyên văn; nối với nhiem-vu.csv qua "
    "ke_hoach và ma. / One row per task a report speaks of, as written; joins nhiem-vu.csv on "
    "ke_hoach and ma.",
    (_REPORT, _PLAN, _AGENCY, _YEAR, *_PERIOD,
     _KEY,
     _coded("ma_tinh_trang_bao_cao", "Mã tình trạng theo báo cáo", TASK_STATUSES,
            "mã tình trạng người biên tập chọn theo lời báo cáo", "the status's code"),
     Column("tinh_trang_bao_cao", "Tình trạng theo báo cáo", "string",
            "tên của mã tình trạng ở cột trước, do người biên tập chọn theo lời báo cáo / the "
            "status the editor read in the report"),
     Column("ngay_hoan_thanh", "Ngày hoàn thành", "string",
            "ISO 8601, khi báo cáo nêu / the date done, when the report gives it"),
     Column("can_cu", "Căn cứ trong báo cáo", "string",
            "trích nguyên văn báo cáo ('[…]': phần lược bớt) / the report's words"),
     Column("ghi_chu", "Ghi chú", "string",
            "ghi chú của người biên tập, không phải lời báo cáo / the editor's note")),
    ("bao_cao", "ma"), (_refers("nhiem-vu", "ke_hoach", "ma"), _refers("bao-cao", "bao_cao")))

_PLACE = Column("noi_tiep_nhan", "Nơi tiếp nhận", "string",
                "nơi báo cáo nói hồ sơ được tiếp nhận, nguyên văn / where received, as written")
_COUNTS = tuple(Column(name, DOSSIER_COUNTS[key], "integer", description) for key, name, description in (
    ("carried_over", "ky_truoc_chuyen_sang", "hồ sơ kỳ trước chuyển sang, chưa giải quyết xong "
     "lúc đầu kỳ / carried over from the previous period"),
    ("received", "tiep_nhan", "số hồ sơ tiếp nhận trong kỳ, không kể hồ sơ kỳ trước chuyển sang "
     "/ dossiers received in the period, not those carried over"),
    ("resolved_early", "giai_quyet_truoc_han", "giải quyết trước hạn / resolved early"),
    ("resolved_on_time", "giai_quyet_dung_han", "giải quyết đúng hạn / resolved on time"),
    ("resolved_timely", "giai_quyet_dung_va_truoc_han", "giải quyết đúng hạn và trước hạn, khi "
     "báo cáo chỉ nêu gộp hai số ấy / resolved on time or early, given together"),
    ("resolved_late", "giai_quyet_qua_han", "giải quyết quá hạn / resolved late"),
    ("returned", "tra_lai", "trả lại hồ sơ, hay người nộp rút hồ sơ / returned or withdrawn"),
    ("pending", "dang_giai_quyet", "đang giải quyết, còn trong hạn, lúc báo cáo / pending"),
    ("pending_late", "dang_giai_quyet_qua_han", "đang giải quyết, đã quá hạn / pending, overdue"),
    ("online", "tiep_nhan_truc_tuyen", "tiếp nhận trực tuyến / received online")))
_COUNT_KEYS = tuple(DOSSIER_COUNTS)

DOSSIERS = Dataset(
    "ho-so", "Số hồ sơ theo từng báo cáo",
    "Mỗi dòng là số hồ sơ tiếp nhận, giải quyết mà một báo cáo nêu, cho cả cơ quan; ô trống: báo "
    "cáo không nêu số ấy. Số theo từng lĩnh vực ở bảng sau, nên cộng một cột ở đây không tính trùng. "
    "/ One row per report: the dossier totals it gives; its fields are in the next table.",
    (_REPORT, _PLAN, _AGENCY, _REPORT_YEAR, *_PERIOD, _PLACE, *_COUNTS,
     Column("trang", "Trang", "string", "địa chỉ trang của báo cáo, tính từ gốc trang / the "
            "report's page, from the site's root")),
    ("bao_cao",), (_refers("bao-cao", "bao_cao"), _refers("co-quan", "co_quan")))

FIELD_DOSSIERS = Dataset(
    "ho-so-linh-vuc", "Số hồ sơ theo lĩnh vực, theo từng báo cáo",
    "Mỗi dòng là số hồ sơ của một lĩnh vực mà một báo cáo nêu; không có dòng tổng (tổng ở bảng "
    "trên), và các lĩnh vực báo cáo nêu có khi không cộng đủ tổng. / One row per field a report "
    "gives dossier figures for; no total rows (they are in the table above).",
    (_REPORT, _AGENCY, _REPORT_YEAR, _PERIOD[0],
     Column("linh_vuc", "Lĩnh vực", "string", "nguyên văn / the field, as written"), *_COUNTS),
    ("bao_cao", "linh_vuc"), (_refers("ho-so", "bao_cao"), _refers("co-quan", "co_quan")))

PLANS = Dataset(
    "ke-hoach", "Các kế hoạch",
    "Mỗi dòng một kế hoạch, với mã mà hai bảng trên dùng ở cột ke_hoach. / One row per plan, "
    "with the id the tables above use in ke_hoach.",
    (_PLAN, _AGENCY, _YEAR, Column("ten", "Tên kế hoạch", "string", "nguyên văn / as written"),
     Column("so_hieu", "Số ký hiệu", "string", "nguyên văn / the document number"),
     Column("ngay_ban_hanh", "Ngày ban hành", "string",
            "ISO 8601: YYYY-MM-DD, hay YYYY-MM khi văn bản chỉ ghi tháng / the date issued"),
     Column("du_thao", "Dự thảo", "boolean", "kế hoạch còn là dự thảo / the plan is a draft"),
     Column("so_nhiem_vu", "Số nhiệm vụ", "integer", "số nhiệm vụ trong phụ lục / tasks"),
     _AS_OF, _PAGE),
    ("ke_hoach",), (_refers("co-quan", "co_quan"),))

REPORTS = Dataset(
    "bao-cao", "Các báo cáo",
    "Mỗi dòng một báo cáo, với mã mà bảng tình trạng dùng ở cột bao_cao. / One row per report, "
    "with the id the statuses table uses in bao_cao.",
    (_REPORT,
     Column("ke_hoach", "Mã kế hoạch", "string",
            "kế hoạch được báo cáo; trống khi báo cáo không gắn với kế hoạch nào trên trang / the "
            "plan reported on"),
     _AGENCY, _REPORT_YEAR, *_PERIOD,
     Column("ten", "Tên báo cáo", "string", "nguyên văn / as written"),
     Column("so_hieu", "Số ký hiệu", "string", "nguyên văn / the document number"),
     Column("so_nhiem_vu", "Số nhiệm vụ báo cáo nêu", "integer",
            "số nhiệm vụ của kế hoạch mà báo cáo nói đến / tasks the report speaks of"), _PAGE),
    ("bao_cao",), (_refers("ke-hoach", "ke_hoach"), _refers("co-quan", "co_quan")))

AGENCIES = Dataset(
    "co-quan", "Các cơ quan",
    "Mỗi dòng một cơ quan, với mã mà các bảng trên dùng ở cột co_quan. / One row per agency, "
    "with the id the tables above use in co_quan.",
    (Column("co_quan", "Mã cơ quan", "string", "như trong địa chỉ co-quan/<mã>/ / the agency's id"),
     Column("ten", "Tên cơ quan", "string", "nguyên văn / as written"),
     Column("ten_ngan", "Tên ngắn", "string", "tên viết tắt, nguyên văn / the short name"),
     Column("tinh", "Tỉnh, thành phố", "string", "nơi cơ quan đặt trụ sở / the province"),
     Column("trang_thong_tin", "Trang thông tin điện tử", "string",
            "địa chỉ trang của chính cơ quan / the agency's own web site"),
     Column("so_don_vi", "Số phòng, đơn vị", "integer",
            "số phòng, đơn vị của cơ quan có trên trang / the agency's units"), _PAGE),
    ("co_quan",))

UNITS = Dataset(
    "don-vi", "Các phòng, đơn vị",
    "Mỗi dòng một phòng, đơn vị (hay nhóm đơn vị) của một cơ quan, với mã mà các cột ma_chu_tri, "
    "ma_phoi_hop của bảng nhiệm vụ dùng: nối qua co_quan và ma. / One row per unit of an agency, "
    "with the id the tasks' lead and support columns use; joins on co_quan and ma.",
    (_AGENCY, Column("ma", "Mã đơn vị", "string", "như trong địa chỉ co-quan/<mã>/don-vi/<mã>/ / "
                     "the unit's id, unique within its agency"),
     Column("ten", "Tên đơn vị", "string", "nguyên văn / as written"),
     _coded("loai", "Loại đơn vị", UNIT_KINDS, "mã loại", "the kind's code"),
     Column("thanh_vien", "Thành viên", "string",
            "với nhóm: mã các đơn vị thuộc nhóm, cách nhau bằng '; ' / a group's member units"),
     Column("so_chu_tri", "Số nhiệm vụ chủ trì", "integer",
            "số nhiệm vụ đơn vị chủ trì, ở mọi kế hoạch / tasks it leads"),
     Column("so_phoi_hop", "Số nhiệm vụ phối hợp", "integer",
            "số nhiệm vụ đơn vị phối hợp, ở mọi kế hoạch / tasks it supports"), _PAGE),
    ("co_quan", "ma"), (_refers("co-quan", "co_quan"),))

PROCEDURES = Dataset(
    "thu-tuc", "Các thủ tục hành chính",
    "Mỗi dòng một thủ tục hành chính của một danh mục, nguyên văn, kèm phí, lệ phí và căn cứ pháp "
    "lý. / One row per administrative procedure of a catalogue, as written.",
    (Column("danh_muc", "Mã danh mục", "string",
            "như trong địa chỉ thu-tuc/<mã>/ / the catalogue's id"),
     Column("co_quan", "Mã cơ quan", "string",
            "cơ quan giải quyết, như trong địa chỉ co-quan/<mã>/ / the agency's id"),
     Column("ma_tthc", "Mã TTHC", "string", "mã thủ tục quốc gia, khi danh mục ghi / the "
            "national code"),
     Column("ten", "Tên thủ tục", "string", "nguyên văn / as written"),
     Column("linh_vuc", "Lĩnh vực", "string", "nguyên văn / the field"),
     Column("thoi_han", "Thời hạn giải quyết", "string", "nguyên văn / as written"),
     Column("so_ngay", "Số ngày giải quyết", "integer",
            "số ngày ở đầu thời hạn, do trang đọc ra; 0 khi giải quyết trong ngày / the days "
            "the time begins with; 0 within the day"),
     Column("ngay_lam_viec", "Ngày làm việc", "boolean",
            "thời hạn ghi 'ngày làm việc' (True) hay chỉ ghi 'ngày' (False); trống khi thời hạn "
            "không tính bằng ngày / whether the time is in working days"),
     Column("muc_do_truc_tuyen", "Mức độ trực tuyến", "string", "nguyên văn / as written"),
     Column("phi", "Phí, lệ phí", "string", "nguyên văn / as written"),
     Column("can_cu", "Căn cứ pháp lý", "string", "nguyên văn / as written"),
     Column("dia_diem", "Địa điểm thực hiện", "string",
            "nơi nộp hồ sơ, nhận kết quả, nguyên văn / where to submit, as written"),
     Column("lien_ket", "Liên kết", "string",
            "địa chỉ thực hiện trực tuyến trên Cổng dịch vụ công / the online service's address"),
     Column("nguon", "Nguồn", "string", "văn bản hay trang mà các giá trị trên lấy từ đó / the "
            "source of the values"),
     Column("nguon_dia_chi", "Địa chỉ nguồn", "string", "địa chỉ trang web của nguồn / the "
            "source's address"),
     Column("nguon_ngay", "Ngày của nguồn", "string", "ISO 8601 / the source's date"),
     Column("bai_bo_tu", "Bãi bỏ từ", "string", "ngày thủ tục bị bãi bỏ, ISO 8601; trống khi còn "
            "thực hiện hay khi văn bản bãi bỏ không ghi ngày / abolished from"),
     Column("bai_bo_theo", "Bãi bỏ theo", "string", "văn bản bãi bỏ thủ tục; trống khi còn thực "
            "hiện / the decision abolishing it"), _PAGE),
    ("trang",), (_refers("co-quan", "co_quan"),))

DATASETS = (TASKS, STATUSES, DOSSIERS, FIELD_DOSSIERS, PLANS, REPORTS, AGENCIES, UNITS,
            PROCEDURES)


def row_counts(site: Site) -> dict[str, int]:
    """How many rows each table has, for the page that lists them."""
    entries = [e for plan_entries in site.tasks.values() for e in plan_entries]
    counted = _counted(site)
    return {TASKS.id: len(entries), STATUSES.id: sum(len(e.statuses) for e in entries),
            DOSSIERS.id: len(counted),
            FIELD_DOSSIERS.id: sum(len(report.dossiers.by_field) for report in counted),
            PLANS.id: len(site.plans), REPORTS.id: len(site.reports),
            AGENCIES.id: len(site.agencies), UNITS.id: len(site.units),
            PROCEDURES.id: sum(len(entries) for entries in site.procedures.values())}


def _names(units) -> str:
    return "; ".join(unit.name for unit in units)


def _whole(amount: Decimal | None) -> str:
    return str(int(amount)) if amount is not None and amount == amount.to_integral_value() else ""


def _past_due(standing, as_of, deadline) -> str:
    """Empty when it cannot be told: no reference date, or no day to be past."""
    if as_of is None or deadline.kind != DATE or not deadline.due:
        return ""
    return "true" if standing.past_due else "false"


def _task_row(site: Site, entry: TaskEntry) -> list[str]:
    plan, task, standing = entry.plan, entry.task, entry.standing
    as_of = site.as_of[plan.id]
    deadline = entry.deadline
    return [plan.id, plan.agency, str(plan.year), entry.area.number, entry.area.title,
            entry.area.standard, entry.key, task.task, task.objective, task.activities,
            task.product, task.lead_text or _names(entry.lead), "; ".join(u.id for u in entry.lead),
            task.support_text or _names(entry.support), "; ".join(u.id for u in entry.support),
            task.deadline, deadline.due.isoformat() if deadline.kind == DATE and deadline.due else "",
            deadline.starts.isoformat() if deadline.starts else "", task.budget,
            _whole(entry.budget_amount), standing.label, standing.status,
            _past_due(standing, as_of, deadline), as_of.isoformat() if as_of else "",
            standing.report.id if standing.report else "", routes.task_page(plan.id, entry.slug)]


def _status_rows(site: Site, plan_id: str) -> list[list[str]]:
    """What each report of the plan says, report by report, in the plan's task order."""
    reports = site.reports_by_plan[plan_id]
    said: dict[str, list[list[str]]] = {report.id: [] for report in reports}
    heads = {report.id: [report.id, plan_id, report.agency, str(site.plans[plan_id].year),
                         report.period, period_label(report.period, report.year),
                         report.date.iso() if report.date else ""] for report in reports}
    for entry in site.tasks[plan_id]:
        for report, status in entry.statuses:
            said[report.id].append(heads[report.id] + [
                entry.key, status.status, TASK_STATUSES.get(status.status, status.status),
                status.date.iso() if status.date else "", status.evidence, status.note])
    return [row for report in reports for row in said[report.id]]


def _in_order(site: Site) -> list:
    """The reports agency by agency, oldest first: Quý I before 6 tháng, not
    as their file names sort ('…-6-thang', '…-nam', '…-quy-1')."""
    return sorted(site.reports.values(), key=lambda report: (report.agency, report_order(report)))


def _counted(site: Site) -> list:
    """The reports that give dossier figures."""
    return [report for report in _in_order(site) if report.dossiers]


def _counts(counts) -> list[str]:
    return ["" if getattr(counts, key) is None else str(getattr(counts, key)) for key in _COUNT_KEYS]


def _report_head(report) -> list[str]:
    return [report.id, report.plan, report.agency, str(report.year), report.period,
            period_label(report.period, report.year), report.date.iso() if report.date else ""]


def _dossier_row(report) -> list[str]:
    return [*_report_head(report), report.dossiers.place, *_counts(report.dossiers),
            routes.report(report.id)]


def _field_rows(report) -> list[list[str]]:
    return [[report.id, report.agency, str(report.year), report.period, row.field, *_counts(row)]
            for row in report.dossiers.by_field]


def _plan_row(site: Site, plan) -> list[str]:
    as_of = site.as_of[plan.id]
    return [plan.id, plan.agency, str(plan.year), plan.title, plan.number,
            plan.date.iso() if plan.date else "", "true" if plan.draft else "false",
            str(len(site.tasks[plan.id])), as_of.isoformat() if as_of else "",
            routes.plan(plan.id)]


def _report_row(report) -> list[str]:
    return [*_report_head(report), report.title, report.number,
            str(sum(1 for status in report.tasks if status.status)),
            routes.report(report.id)]


def _agency_row(agency) -> list[str]:
    return [agency.id, agency.name, agency.short_name, agency.province, agency.website,
            str(len(agency.units)), routes.agency(agency.id)]


def _unit_row(entry) -> list[str]:
    unit = entry.unit
    return [entry.agency.id, unit.id, unit.name, unit.kind, "; ".join(unit.members),
            str(len(entry.leads)), str(len(entry.supports)), routes.unit(entry.agency.id, entry.slug)]


def _procedure_row(catalogue_id: str, entry) -> list[str]:
    p = entry.procedure
    source = next((s for s in entry.catalogue.sources if s.id == p.source), None)
    cited = [source.title, source.url, source.date.iso() if source.date else ""] if source \
        else ["", "", ""]
    return [catalogue_id, entry.catalogue.agency, p.code, p.name, p.field, p.processing_time,
            "" if entry.days is None else str(entry.days),
            "" if entry.working_days is None else str(entry.working_days).lower(),
            p.online_level, p.fee, p.legal_basis, p.location, p.link, *cited, *_abolition(entry),
            routes.procedure(catalogue_id, entry.slug)]


def _abolition(entry) -> list[str]:
    gone = entry.procedure.abolished
    return [gone.date.iso() if gone and gone.date else "", entry.abolished_by]


def files(site: Site) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """The tables as CSV and JSON, and their data-package resources."""
    counted = _counted(site)
    rows = {TASKS.id: [_task_row(site, e) for entries in site.tasks.values() for e in entries],
            STATUSES.id: [row for plan_id in site.tasks for row in _status_rows(site, plan_id)],
            DOSSIERS.id: [_dossier_row(report) for report in counted],
            FIELD_DOSSIERS.id: [row for report in counted for row in _field_rows(report)],
            PLANS.id: [_plan_row(site, plan) for plan in site.plans.values()],
            REPORTS.id: [_report_row(report) for report in _in_order(site)],
            AGENCIES.id: [_agency_row(agency) for agency in site.agencies.values()],
            UNITS.id: [_unit_row(entry) for entry in site.units.values()],
            PROCEDURES.id: [_procedure_row(catalogue_id, entry) for catalogue_id, entries
                            in site.procedures.items() for entry in entries]}
    written, resources = [], []
    for dataset in DATASETS:
        table = Table(dataset.id, dataset.title, [c.name for c in dataset.columns],
                      rows[dataset.id], schema=dataset.fields())
        schema = {"fields": dataset.fields(), "primaryKey": list(dataset.primary_key)}
        if dataset.foreign_keys:
            schema["foreignKeys"] = list(dataset.foreign_keys)
        table_files, resource = published(table, f"{FOLDER}{dataset.id}", dataset.id, schema,
                                          dataset.description)
        written += table_files
        resources.append(resource)
    return written, resources
