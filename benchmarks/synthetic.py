"""A synthetic province: deterministic content at a chosen scale that passes
``cchc-site check --strict``.

    python benchmarks/synthetic.py OUT_DIR [--agencies 30] [--years 6] [--seed 1]

The default scale (30 agencies × 6 years, 40–60 tasks per plan, 4 reports a
year, 30–80 TTHC per agency) gives about 11,000 pages.  Wording is drawn
from real plans' phrases, deadlines and targets, so the pages are of the
size and shape of real ones.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

AREAS = [("chi-dao-dieu-hanh", "Công tác chỉ đạo, điều hành"), ("the-che", "Cải cách thể chế"),
         ("thu-tuc-hanh-chinh", "Cải cách thủ tục hành chính"),
         ("to-chuc-bo-may", "Cải cách tổ chức bộ máy"), ("cong-vu", "Cải cách chế độ công vụ"),
         ("tai-chinh-cong", "Cải cách tài chính công"),
         ("chinh-quyen-so", "Xây dựng chính quyền điện tử, chính quyền số")]
VERBS = ["Rà soát", "Xây dựng", "Triển khai", "Tổ chức", "Kiểm tra", "Tuyên truyền", "Ban hành",
         "Đánh giá", "Hoàn thiện", "Nâng cao chất lượng", "Đẩy mạnh", "Số hóa"]
OBJECTS = ["kế hoạch cải cách hành chính", "văn bản quy phạm pháp luật", "thủ tục hành chính",
           "quy trình nội bộ giải quyết TTHC", "hồ sơ một cửa điện tử", "dịch vụ công trực tuyến",
           "đề án vị trí việc làm", "quy chế chi tiêu nội bộ", "hệ thống quản lý chất lượng ISO",
           "chữ ký số trong văn bản điện tử", "kỷ luật, kỷ cương hành chính",
           "chỉ số cải cách hành chính", "cơ sở dữ liệu cán bộ, công chức"]
PLACES = ["tại các phòng chuyên môn", "tại các đơn vị trực thuộc", "trên Cổng dịch vụ công",
          "tại Trung tâm Phục vụ hành chính công", "trong toàn ngành"]
PRODUCTS = ["Kế hoạch", "Báo cáo", "Tờ trình, Quyết định", "Văn bản", "Báo cáo kết quả"]
DEADLINES = ["Quý I", "Quý II", "Quý III", "Quý IV", "Thường xuyên", "Trong năm {y}",
             "Tháng 6/{y}", "Trước ngày 30/11", "Theo định kỳ, quý, tháng, năm",
             "Khi có yêu cầu", "6 tháng đầu năm"]
FIELDS = ["Hoạt động khoa học và công nghệ", "An toàn bức xạ và hạt nhân",
          "Tiêu chuẩn đo lường chất lượng", "Sở hữu trí tuệ", "Đầu tư tại Việt Nam",
          "Thành lập và hoạt động của doanh nghiệp", "Đấu thầu", "Văn hóa", "Giáo dục"]
UNITS = [("van-phong", "Văn phòng Sở", "van-phong"), ("thanh-tra", "Thanh tra Sở", "thanh-tra"),
         ("phong-1", "Phòng Kế hoạch - Tài chính", "phong"),
         ("phong-2", "Phòng Quản lý chuyên ngành", "phong"),
         ("phong-3", "Phòng Pháp chế", "phong"), ("trung-tam", "Trung tâm Dịch vụ", "trung-tam"),
         ("phong-chuyen-mon", "Các phòng chuyên môn", "nhom")]
DAYS = "ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
PERIODS = {"quy-1": "quý I năm", "6-thang": "6 tháng năm", "9-thang": "9 tháng năm", "nam": "năm"}
NEXT = {"chua-thuc-hien": ["chua-thuc-hien", "dang-thuc-hien", "hoan-thanh"],
        "dang-thuc-hien": ["dang-thuc-hien", "hoan-thanh"], "hoan-thanh": ["hoan-thanh"]}
PERIOD_ENDS = {"quy-1": "31/03", "6-thang": "30/06", "9-thang": "30/09", "nam": "31/12"}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
PROSE = ("Trong kỳ, cơ quan đã triển khai các nhiệm vụ cải cách hành chính theo kế hoạch, "
         "chú trọng cải cách thủ tục hành chính, nâng cao chất lượng phục vụ người dân và "
         "doanh nghiệp, đẩy mạnh ứng dụng công nghệ thông tin và chuyển đổi số.\n")


def q(text) -> str:
    return json.dumps(str(text), ensure_ascii=False)


def agency_file(n: int) -> str:
    lines = [f"name: {q(f'Sở Số {n} tỉnh Mẫu')}", f"short_name: {q(f'Sở Số {n}')}",
             "province: Mẫu", "units:"]
    for unit_id, name, kind in UNITS:
        lines += [f"  - id: {unit_id}", f"    name: {q(name)}", f"    kind: {kind}"]
    return "\n".join(lines) + "\n"


def plan_file(rng: random.Random, agency: str, year: int, n: int) -> str:
    lines = [f"agency: {agency}", f"year: {year}",
             f"title: {q(f'Kế hoạch cải cách hành chính năm {year}')}",
             f"number: {q(f'{n}/KH-S{n}')}", f"date: {q(f'15/01/{year}')}", "place: Mẫu",
             "objectives:"]
    for i in range(1, 5):
        objective = f"Mục tiêu {i}: {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
        lines += [f"  - number: {q(i)}", f"    text: {q(objective)}"]
    lines.append("targets:")
    for i, subject in enumerate(["Tỷ lệ hồ sơ giải quyết trực tuyến", "Mức độ hài lòng",
                                 "Tỷ lệ văn bản được ký số"]):
        lines += [f"  - id: chi-tieu-{i + 1}", f"    text: {q(f'{subject} đạt từ {60 + 10 * i}% trở lên')}"]
    lines += ["sections:", "  - heading: II. NHIỆM VỤ", "    body: |"]
    lines += ["      " + line for line in (PROSE * 6).splitlines()]
    lines.append("areas:")
    tasks = rng.randint(40, 60)
    per_area = [tasks // 7 + (1 if i < tasks % 7 else 0) for i in range(7)]
    serial = 0
    for (standard, title), count, roman in zip(AREAS, per_area, ROMAN):
        lines += [f"  - number: {q(roman)}", f"    title: {q(title.upper())}",
                  f"    standard: {standard}", "    tasks:"]
        for t in range(1, count + 1):
            serial += 1
            task = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)} (việc {serial})"
            lead = rng.choice(UNITS[:6])[0]
            lines += [f"      - number: {q(t)}", f"        task: {q(task)}",
                      f"        product: {q(rng.choice(PRODUCTS))}", f"        lead: [{lead}]",
                      "        support: [phong-chuyen-mon]",
                      f"        deadline: {q(rng.choice(DEADLINES).format(y=year))}"]
    return "\n".join(lines) + "\n"


def report_file(rng: random.Random, agency: str, plan: str, year: int, period: str,
                tasks: list[str], standing: dict[str, str], so_far: dict[str, int]) -> str:
    """A report of the plan; ``standing``: each task's status so far, which a
    report takes forward (a task done stays done); ``so_far``: the dossiers
    received, which a report counts from the start of the year; both updated here."""
    received = so_far["received"] = so_far.get("received", 0) + rng.randint(100, 2000)
    early = received * rng.randint(60, 75) // 100
    on_time = received * rng.randint(10, 20) // 100
    late = received * rng.randint(0, 3) // 100
    returned = received * rng.randint(0, 2) // 100
    pending = received - early - on_time - late - returned
    lines = [f"agency: {agency}", f"plan: {plan}", f"year: {year}", f"period: {period}",
             f"title: {q(f'Báo cáo kết quả cải cách hành chính {PERIODS[period]} {year}')}",
             f"date: {q(PERIOD_ENDS[period] + '/' + str(year))}", "tasks:"]
    for key in rng.sample(tasks, k=len(tasks) * 2 // 3):
        status = standing[key] = rng.choice(NEXT[standing.get(key, "chua-thuc-hien")])
        lines += [f"  - task: {q(key)}", f"    status: {status}",
                  f"    evidence: {q('Đã triển khai theo kế hoạch; ' + rng.choice(OBJECTS) + '.')}"]
    lines += ["dossiers:", f"  received: {received}", f"  resolved_early: {early}",
              f"  resolved_on_time: {on_time}", f"  resolved_late: {late}",
              f"  returned: {returned}", f"  pending: {pending}",
              "figures:", "  - id: hai-long", "    target: chi-tieu-2",
              "    label: Mức độ hài lòng", f"    value: {q(rng.randint(80, 99))}", "    unit: \"%\"",
              "sections:", "  - heading: I. KẾT QUẢ", "    body: |"]
    lines += ["      " + line for line in (PROSE * 4).splitlines()]
    return "\n".join(lines) + "\n"


def catalogue_file(rng: random.Random, agency: str, n: int) -> str:
    lines = [f"agency: {agency}", f"title: {q('Danh mục thủ tục hành chính')}", "procedures:"]
    for i in range(rng.randint(30, 80)):
        code = f"{rng.choice([1, 2])}.{n:03d}{i:03d}"
        lines += [f"  - code: {q(code)}",
                  f"    name: {q(f'Thủ tục {rng.choice(VERBS).lower()} {rng.choice(OBJECTS)} số {i + 1}')}",
                  f"    field: {q(rng.choice(FIELDS))}",
                  f"    processing_time: {q(f'{rng.randint(3, 30)} {DAYS}')}",
                  f"    fee: {q(f'{rng.randint(1, 50) * 100_000:,} đồng'.replace(',', '.'))}",
                  f"    online_level: {q(rng.choice(['Toàn trình', 'Một phần']))}"]
    return "\n".join(lines) + "\n"


def generate(out: Path, agencies: int = 30, years: int = 6, seed: int = 1) -> int:
    """Write the site; returns the number of content files."""
    rng = random.Random(seed)
    (out / "content").mkdir(parents=True, exist_ok=True)
    (out / "site.yaml").write_text("title: Công khai cải cách hành chính tỉnh Mẫu\n"
                                   "base_url: https://cchc.mau.gov.vn/\n", encoding="utf-8")
    files = {}
    for a in range(1, agencies + 1):
        agency = f"so-{a:02d}"
        files[f"agencies/{agency}.yaml"] = agency_file(a)
        files[f"tthc/{agency}.yaml"] = catalogue_file(rng, agency, a)
        for year in range(2024 - years + 1, 2025):
            plan = f"{agency}-{year}"
            text = plan_file(rng, agency, year, a)
            files[f"plans/{plan}.yaml"] = text
            keys, area = [], None
            for line in text.splitlines():
                if line.startswith("  - number: "):
                    area = json.loads(line.split(": ", 1)[1])
                elif line.startswith("      - number: "):
                    keys.append(f"{area}.{json.loads(line.split(': ', 1)[1])}")
            standing: dict[str, str] = {}
            so_far: dict[str, int] = {}
            for period in PERIODS:
                files[f"reports/{plan}-{period}.yaml"] = report_file(rng, agency, plan, year,
                                                                     period, keys, standing, so_far)
    for rel, text in files.items():
        path = out / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "),
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("out", type=Path, help="the site folder to write (site.yaml, content/)")
    parser.add_argument("--agencies", type=int, default=30, help="departments of the province")
    parser.add_argument("--years", type=int, default=6, help="years of plans and reports each")
    parser.add_argument("--seed", type=int, default=1, help="another seed, other wording")
    args = parser.parse_args()
    count = generate(args.out, args.agencies, args.years, args.seed)
    print(f"{count} content files in {args.out}")


if __name__ == "__main__":
    main()
