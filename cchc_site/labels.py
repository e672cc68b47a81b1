"""Vietnamese names for the fixed vocabularies of the model."""

from __future__ import annotations

import re
from functools import lru_cache

from .vietnamese import slugify, sort_key, strip_diacritics

REFORM_AREAS = {
    "chi-dao-dieu-hanh": "Công tác chỉ đạo, điều hành",
    "the-che": "Cải cách thể chế",
    "thu-tuc-hanh-chinh": "Cải cách thủ tục hành chính",
    "to-chuc-bo-may": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "cong-vu": "Cải cách chế độ công vụ",
    "tai-chinh-cong": "Cải cách tài chính công",
    "chinh-quyen-so": "Xây dựng chính quyền điện tử, chính quyền số",
}

PERIODS = {"quy-1": "Quý I", "6-thang": "6 tháng", "9-thang": "9 tháng", "nam": "Năm"}
PERIOD_PHRASES = {"quy-1": "Quý I", "6-thang": "6 tháng", "9-thang": "9 tháng", "nam": "năm"}


def period_name(period: str, year) -> str:
    """In a sentence: 'Quý I năm 2027', '6 tháng năm 2027', 'năm 2027'; of a
    report whose period is not one of these (an error, said already), 'kỳ
    chưa rõ năm 2027', so the other checks can still name it."""
    phrase = PERIOD_PHRASES.get(period, "kỳ chưa rõ")
    return f"{phrase} {year}" if period == "nam" else f"{phrase} năm {year}"


# a reporting period as titles and editors name it (accents dropped): Quý II's report is the
# half-year's, Quý III's the nine months', Quý IV's the year's — each ends with that quarter
PERIOD_WORDS = {"quy i": "quy-1", "quy 1": "quy-1", "6 thang": "6-thang", "sau thang": "6-thang",
                "9 thang": "9-thang", "chin thang": "9-thang", "quy ii": "6-thang",
                "quy 2": "6-thang", "quy iii": "9-thang", "quy 3": "9-thang", "quy iv": "nam",
                "quy 4": "nam"}
QUARTER_NAMES = {"quy ii": "quý II", "quy 2": "quý 2", "quy iii": "quý III", "quy 3": "quý 3",
                 "quy iv": "quý IV", "quy 4": "quý 4"}
_FOLD = re.compile(r"[^a-z0-9]+")


# what a title says after its own period: the next one's tasks ('… năm 2023 và phương hướng
# nhiệm vụ 6 tháng đầu năm 2024'); and a date ('ngày 6 tháng 3'), which names no period
_LATER_CLAUSE = re.compile(r" (?:va )?phuong huong | va (?:nhiem vu|ke hoach) ")
_DAY_WORDS = re.compile(r" ngay \d{1,2} thang \d{1,2}(?= )")


@lru_cache(maxsize=8192)  # every report's title and file name, again on each of the dev server's rebuilds
def period_words(text: str) -> str | None:
    """The words of ``text`` that name a reporting period ('quy ii'), the
    first in PERIOD_WORDS' order, before any clause on the next period and
    not in a date; None if it names none."""
    folded = f" {' '.join(_FOLD.sub(' ', strip_diacritics(text).lower()).split())} "
    folded = _DAY_WORDS.sub(" ", _LATER_CLAUSE.split(folded, maxsplit=1)[0] + " ")
    return next((words for words in PERIOD_WORDS if f" {words} " in folded), None)


def period_label(period: str, year) -> str:
    """On its own, in a list or a table: 'Quý I năm 2027', 'Năm 2027'."""
    name = period_name(period, year)
    return name[:1].upper() + name[1:]

TASK_STATUSES = {
    "hoan-thanh": "Đã hoàn thành",
    "dang-thuc-hien": "Đang thực hiện",
    "chua-thuc-hien": "Chưa thực hiện",
    "khong-thuc-hien": "Không thực hiện",
}

# other words reports use for a status (as slugs), for the hint when one is written
STATUS_WORDS = {"da-xong": "hoan-thanh", "xong": "hoan-thanh", "hoan-tat": "hoan-thanh",
                "da-hoan-tat": "hoan-thanh", "da-thuc-hien": "hoan-thanh",
                "dang-lam": "dang-thuc-hien", "dang-tien-hanh": "dang-thuc-hien",
                "chua-hoan-thanh": "dang-thuc-hien", "khong-hoan-thanh": "dang-thuc-hien",
                "chua-xong": "dang-thuc-hien", "chua-hoan-tat": "dang-thuc-hien",
                "chua-lam": "chua-thuc-hien", "chua-bat-dau": "chua-thuc-hien",
                "huy": "khong-thuc-hien", "da-huy": "khong-thuc-hien",
                "khong-lam": "khong-thuc-hien", "dung-thuc-hien": "khong-thuc-hien",
                "da-ban-hanh": "hoan-thanh",
                # in English, as an editor used to other tools may write them
                "done": "hoan-thanh", "completed": "hoan-thanh", "complete": "hoan-thanh",
                "finished": "hoan-thanh", "in-progress": "dang-thuc-hien",
                "ongoing": "dang-thuc-hien", "doing": "dang-thuc-hien",
                "not-started": "chua-thuc-hien", "todo": "chua-thuc-hien",
                "to-do": "chua-thuc-hien",
                "cancelled": "khong-thuc-hien", "canceled": "khong-thuc-hien",
                "dropped": "khong-thuc-hien"}

UNIT_KINDS = {
    "lanh-dao": "Lãnh đạo", "van-phong": "Văn phòng", "phong": "Phòng chuyên môn",
    "thanh-tra": "Thanh tra", "chi-cuc": "Chi cục", "trung-tam": "Trung tâm",
    "don-vi": "Đơn vị trực thuộc", "nhom": "Nhóm đơn vị",
}

ONLINE_LEVELS = {"1": "Mức độ 1", "2": "Mức độ 2", "3": "Mức độ 3", "4": "Mức độ 4",
                 "toan-trinh": "Toàn trình", "mot-phan": "Một phần"}

DOSSIER_COUNTS = {
    "carried_over": "Kỳ trước chuyển sang",
    "received": "Tiếp nhận",
    "resolved_early": "Giải quyết trước hạn",
    "resolved_on_time": "Giải quyết đúng hạn",
    "resolved_timely": "Giải quyết đúng hạn và trước hạn",
    "resolved_late": "Giải quyết quá hạn",
    "returned": "Trả lại / rút hồ sơ",
    "pending": "Đang giải quyết, trong hạn",
    "pending_late": "Đang giải quyết, quá hạn",
    "online": "Tiếp nhận trực tuyến",
}

# what became of the dossiers to resolve (those received, and those carried over)
DOSSIER_OUTCOMES = ("resolved_early", "resolved_on_time", "resolved_timely", "resolved_late",
                    "returned", "pending", "pending_late")

LICENSES = {  # open-data licences a site may declare, by SPDX id
    "CC-BY-4.0": "Creative Commons Ghi công 4.0 Quốc tế",
    "CC0-1.0": "CC0 1.0: dành cho công chúng, không giữ quyền",
    "ODC-By-1.0": "Open Data Commons Ghi công 1.0",
    "ODbL-1.0": "Open Data Commons Cơ sở dữ liệu mở 1.0",
}
LICENSE_TEXTS = {  # where each licence is read
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/deed.vi",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.vi",
    "ODC-By-1.0": "https://opendatacommons.org/licenses/by/1-0/",
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
}

TASK_COLUMNS = {
    "number": "TT", "objective": "Mục tiêu", "task": "Nhiệm vụ", "activities": "Hoạt động",
    "product": "Kết quả/Sản phẩm", "lead": "Đơn vị chủ trì", "support": "Đơn vị phối hợp",
    "deadline": "Thời gian hoàn thành", "budget": "Kinh phí", "notes": "Ghi chú",
}

# how plans number their areas (a task is 'II.3': the third task of area II)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV"]

# the abbreviations and terms the documents use, explained on the site's glossary page, in
# Vietnamese order (sorted below), each with the id it is linked to by ('tu-viet-tat/#tthc')
GLOSSARY = [
    ("CCHC", "Cải cách hành chính."),
    ("TTHC", "Thủ tục hành chính: việc người dân, doanh nghiệp làm với cơ quan nhà nước, như xin "
             "một giấy phép, kèm hồ sơ, thời hạn giải quyết và lệ phí."),
    ("Hồ sơ", "Bộ giấy tờ nộp để giải quyết một thủ tục hành chính; báo cáo đếm số hồ sơ tiếp "
              "nhận, giải quyết trước hạn, đúng hạn, quá hạn."),
    ("Một cửa, một cửa liên thông", "Nộp hồ sơ và nhận kết quả tại một nơi; liên thông khi một "
                                    "hồ sơ cần nhiều cơ quan cùng giải quyết."),
    ("Trung tâm Phục vụ hành chính công", "Nơi tiếp nhận hồ sơ và trả kết quả thủ tục hành chính "
                                          "của các sở, ngành trong tỉnh."),
    ("DVC trực tuyến", "Dịch vụ công trực tuyến: làm thủ tục qua mạng."),
    ("Toàn trình, một phần", "Dịch vụ công trực tuyến toàn trình: làm hết thủ tục qua mạng; một "
                             "phần: có bước phải đến cơ quan (theo Nghị định 42/2022/NĐ-CP)."),
    ("Mức độ 3, mức độ 4", "Cách chia cũ của dịch vụ công trực tuyến: mức độ 3 nộp hồ sơ qua mạng; "
                           "mức độ 4 cả nộp phí và nhận kết quả qua mạng."),
    ("QPPL", "Quy phạm pháp luật: văn bản QPPL là luật, nghị định, quyết định… có hiệu lực chung."),
    ("CB, CC, VC, NLĐ", "Cán bộ, công chức, viên chức, người lao động."),
    ("UBND", "Ủy ban nhân dân."),
    ("KH&CN, KHCN", "Khoa học và công nghệ."),
    ("KH&ĐT", "Kế hoạch và đầu tư (Sở Kế hoạch và Đầu tư)."),
    ("HĐND", "Hội đồng nhân dân."),
    ("QĐ", "Quyết định: văn bản QĐ-UBND là quyết định của Ủy ban nhân dân."),
    ("NĐ-CP", "Nghị định của Chính phủ."),
    ("CNTT", "Công nghệ thông tin."),
    ("PVHCC", "Phục vụ hành chính công (Trung tâm Phục vụ hành chính công)."),
    ("VNPT", "Tập đoàn Bưu chính Viễn thông Việt Nam, đơn vị thường cung cấp phần mềm một cửa "
             "điện tử và dịch vụ công cho các tỉnh."),
    ("HTQLCL, ISO 9001", "Hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001."),
    ("PAR INDEX", "Chỉ số cải cách hành chính của các bộ và tỉnh, do Bộ Nội vụ công bố hằng năm."),
    ("SIPAS", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà "
              "nước."),
    ("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh."),
    ("PAPI", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh."),
    ("Ngày mốc", "Ngày trang thông tin này dùng để tính tình trạng các nhiệm vụ của một kế hoạch: "
                 "ngày của báo cáo mới nhất về kế hoạch, hoặc ngày cuối kỳ khi báo cáo không ghi "
                 "ngày, hoặc ngày chung do người quản lý trang đặt."),
]
GLOSSARY.sort(key=lambda entry: sort_key(entry[0]))
GLOSSARY_IDS = {term: slugify(term.split(",")[0]) for term, _ in GLOSSARY}

# how 'cchc-site import' opens the drafts it writes; the check tells of one left so
IMPORTED_DRAFT = "# Bản nháp nhập từ "
