"""Vietnamese names for the fixed vocabularies of the model."""

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
    """In a sentence: 'Quý I năm 2027', '6 tháng năm 2027', 'năm 2027'."""
    phrase = PERIOD_PHRASES[period]
    return f"{phrase} {year}" if period == "nam" else f"{phrase} năm {year}"


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

UNIT_KINDS = {
    "lanh-dao": "Lãnh đạo", "van-phong": "Văn phòng", "phong": "Phòng chuyên môn",
    "thanh-tra": "Thanh tra", "chi-cuc": "Chi cục", "trung-tam": "Trung tâm",
    "don-vi": "Đơn vị trực thuộc", "nhom": "Nhóm đơn vị",
}

ONLINE_LEVELS = {"1": "Mức độ 1", "2": "Mức độ 2", "3": "Mức độ 3", "4": "Mức độ 4",
                 "toan-trinh": "Toàn trình", "mot-phan": "Một phần"}

DOSSIER_COUNTS = {
    "received": "Tiếp nhận",
    "resolved_early": "Giải quyết trước hạn",
    "resolved_on_time": "Giải quyết đúng hạn",
    "resolved_late": "Giải quyết quá hạn",
    "returned": "Trả lại / rút hồ sơ",
    "pending": "Đang giải quyết, trong hạn",
    "pending_late": "Đang giải quyết, quá hạn",
    "online": "Tiếp nhận trực tuyến",
}

TASK_COLUMNS = {
    "number": "TT", "objective": "Mục tiêu", "task": "Nhiệm vụ", "activities": "Hoạt động",
    "product": "Kết quả/Sản phẩm", "lead": "Đơn vị chủ trì", "support": "Đơn vị phối hợp",
    "deadline": "Thời gian hoàn thành", "budget": "Kinh phí", "notes": "Ghi chú",
}

# how plans number their areas (a task is 'II.3': the third task of area II)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
         "XV"]
