"""Every table is downloadable as CSV and JSON, described by datapackage.json."""

from __future__ import annotations

import csv
import io
import json
import re

from bs4 import BeautifulSoup
from frictionless import Resource, Schema, validate

from cchc_site.tables import read_tables

from .conftest import catalogue_site, run_cli
from .test_check_errors import sample_agency_site, write


def pages(output):
    return sorted(output.rglob("*.html"))


def test_every_table_has_csv_and_json_links_that_resolve(example_output):
    tables = 0
    for path in pages(example_output):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for table in soup.find_all("table"):
            if table.get("data-view"):
                continue  # a script's view (TTHC filter) of rows downloadable above
            tables += 1
            links = table.find_parent("div").find_next_sibling("p", class_="downloads")
            assert links is not None, (path, table.caption)
            hrefs = [a["href"] for a in links.find_all("a")]
            table_id = table.caption["id"]
            # a screen reader's list of links says which table each CSV is of
            assert [a["aria-describedby"] for a in links.find_all("a")] == [table_id] * 2
            assert hrefs == [f"{table_id}.csv", f"{table_id}.json"]
            for href in hrefs:
                assert (path.parent / href).is_file(), (path, href)
            rows = table.select("tbody tr")
            with open(path.parent / f"{table_id}.csv", encoding="utf-8-sig", newline="") as f:
                assert len(list(csv.reader(f))) == len(rows) + 1
    assert tables >= 40


def test_a_task_history_is_downloadable_from_the_reports_it_is_drawn_from(example_output):
    """A task's history is not a file of its own (a province would publish
    9,000 of them): each row it shows is a row of a report's table it links."""
    checked = 0
    for path in sorted(example_output.glob("ke-hoach/*/nhiem-vu/*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        history = soup.select_one('table[data-view="bao-cao"]')
        if history is None:
            continue
        key = soup.select_one("p.kicker").get_text().split()[2]
        said = [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
                for row in history.select("tbody tr")]
        said = [row for row in said if row[2] != "Không đề cập"]
        links = history.find_parent("div").find_next_sibling("p", class_="downloads")
        csvs = [a["href"] for a in links.find_all("a") if a["href"].endswith(".csv")] \
            if links else []  # no report speaks of it: nothing to download, and said so
        assert len(csvs) == len(said), path
        for row, href in zip(said, csvs):
            with open(path.parent / href, encoding="utf-8-sig", newline="") as f:
                records = {record["Mã"]: record for record in csv.DictReader(f)}
            status = row[2].split(" (")[0]
            assert records[key]["Tình trạng"] == status, (path, href)
            assert records[key]["Căn cứ trong báo cáo"] == row[3], (path, href)
            checked += 1
    assert checked >= 10
    assert not list(example_output.glob("ke-hoach/*/nhiem-vu/*/*.csv"))


def test_a_cell_of_several_lines_keeps_them_in_the_downloads(example_output):
    folder = example_output / "co-quan/so-khdt-tuyen-quang/don-vi/phong-chuyen-mon"
    soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    row = next(tr for tr in soup.select("#bang-chu-tri ~ tbody tr")
               if "VI.1" in [td.get_text() for td in tr.find_all("td")])
    items = [li.get_text() for li in row.th.select("li")]
    assert len(items) == 5
    with open(folder / "bang-chu-tri.csv", encoding="utf-8-sig", newline="") as f:
        record = next(r for r in csv.DictReader(f) if r["Mã"] == "VI.1")
    assert record["Nhiệm vụ"].split("\n") == items  # not 'nước).Phân đầu'
    document = json.loads((folder / "bang-chu-tri.json").read_text(encoding="utf-8"))
    assert next(r for r in document["data"] if r["Mã"] == "VI.1")["Nhiệm vụ"] == record["Nhiệm vụ"]


def test_csv_opens_in_excel_with_vietnamese_text(example_output):
    data = (example_output / "bao-cao/so-khcn-nghe-an-2023-nam/bang-ho-so.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Lĩnh vực", "Tiếp nhận", "Giải quyết trước hạn"]
    assert rows[-1][:3] == ["Tổng số", "149", "137"]


def test_the_data_package_validates(example_output):
    report = validate(str(example_output / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:5]
    descriptor = json.loads((example_output / "datapackage.json").read_text(encoding="utf-8"))
    resources = descriptor["resources"]
    assert len(resources) == len(list(example_output.rglob("*.csv")))
    assert {r["encoding"] for r in resources} == {"utf-8"}  # an IANA name; the BOM is read as one
    # said, so that no reader guesses ';' from a table whose text has many of them
    assert all(r["dialect"] == {"delimiter": ",", "header": True} for r in resources)
    types = {f["type"] for r in resources for f in r["schema"]["fields"]}
    assert {"integer", "number", "string"} <= types
    # the day the figures stand at: the yearly report, undated, speaks as of its year's end
    assert descriptor["created"] == "2023-12-31T00:00:00Z"


def test_every_json_download_validates_against_the_package_schema(example_output):
    descriptor = json.loads((example_output / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        path = example_output / resource["path"].replace(".csv", ".json")
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["fields"] == resource["schema"]["fields"]
        names = [f["name"] for f in document["fields"]]
        rows = [names] + [[record[name] for name in names] for record in document["data"]]
        schema = {k: v for k, v in resource["schema"].items() if k != "foreignKeys"}
        checked = Resource(data=rows, schema=Schema.from_descriptor(schema))  # keys: a package's
        assert checked.validate().valid, resource["path"]


def test_numbers_are_typed_in_the_downloads(example_output):
    document = json.loads((example_output / "bao-cao/so-khcn-nghe-an-2023-nam/bang-dvc.json")
                          .read_text(encoding="utf-8"))
    assert document["data"][0]["Số TTHC"] == 13
    assert document["data"][0]["Tỷ lệ (số TTHC ÷ 28)"] == 46.4


def test_a_new_site_also_gets_its_data_package_with_the_licence_it_chooses(tmp_path):
    site = tmp_path / "moi"
    run_cli("new", str(site))
    assert run_cli("build", "--site", str(site)).returncode == 0
    assert validate(str(site / "output/datapackage.json")).valid
    assert "licenses" not in json.loads((site / "output/datapackage.json").read_text("utf-8"))
    data_page = BeautifulSoup((site / "output/du-lieu/index.html").read_text("utf-8"), "html.parser")
    assert "Trang chưa nêu giấy phép dùng lại dữ liệu" in data_page.main.get_text()
    with open(site / "site.yaml", "a", encoding="utf-8") as f:
        f.write("license: CC0-1.0\nreference_date: 30/06/2024\n")
    assert run_cli("build", "--site", str(site)).returncode == 0
    assert validate(str(site / "output/datapackage.json")).valid
    descriptor = json.loads((site / "output/datapackage.json").read_text("utf-8"))
    assert descriptor["created"] == "2024-06-30T00:00:00Z"  # the site's own reference date
    assert descriptor["licenses"] == [{
        "name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/deed.vi",
        "title": "CC0 1.0: dành cho công chúng, không giữ quyền"}]
    data_page = BeautifulSoup((site / "output/du-lieu/index.html").read_text("utf-8"), "html.parser")
    named = data_page.main.find("a", href=descriptor["licenses"][0]["path"])
    assert named.get_text() == descriptor["licenses"][0]["title"]
    assert "(CC0-1.0)" in named.parent.get_text()


def test_all_tasks_and_all_statuses_come_in_one_file_each_that_join(example_output, page):
    """du-lieu/: every task of every plan with its status, as its own page
    shows it, and every status a report gives, keyed to join the tasks."""
    def rows(name):
        with open(example_output / f"du-lieu/{name}.csv", encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    tasks, statuses = rows("nhiem-vu"), rows("tinh-trang")
    assert len(tasks) == len(list(example_output.glob("ke-hoach/*/nhiem-vu/*/index.html"))) == 55
    for task in tasks:
        soup = page(task["trang"])
        assert soup.select_one("p.kicker").get_text().split()[2] == task["ma"]
        assert task["tinh_trang"] in soup.select_one("p.task-standing").get_text()
    keys = {(t["ke_hoach"], t["ma"]) for t in tasks}
    assert len(keys) == len(tasks)
    assert {(s["ke_hoach"], s["ma"]) for s in statuses} <= keys
    for report in {s["bao_cao"] for s in statuses}:
        with open(example_output / f"bao-cao/{report}/bang-tinh-trang.csv", encoding="utf-8-sig",
                  newline="") as f:
            shown = [(r["Mã"], r["Tình trạng"]) for r in csv.DictReader(f)]
        assert shown == [(s["ma"], s["tinh_trang_bao_cao"]) for s in statuses
                         if s["bao_cao"] == report]
    nghe_an = {t["ma"]: t for t in tasks if t["ke_hoach"] == "so-khcn-nghe-an-2023"}
    assert nghe_an["II.1"]["han"] == "2023-01-31"  # 'Xây dựng kế hoạch tháng 1', as the page reads it
    unheard_late = [k for k, t in nghe_an.items()
                    if t["ma_tinh_trang"] == "no-info" and t["han_da_qua"] == "True"]
    assert unheard_late == ["II.4", "IV.1", "VII.5"]  # as the plan page lists them
    # with no report and no date of the site's, nothing is known to be past due or not
    tuyen_quang = [t for t in tasks if t["ke_hoach"] == "so-khdt-tuyen-quang-2023"]
    assert tuyen_quang and {(t["ngay_moc"], t["han_da_qua"]) for t in tuyen_quang} == {("", "")}
    assert {t["han_da_qua"] for t in nghe_an.values() if not t["han"]} == {""}  # no day to pass
    assert nghe_an["II.1"]["ma_phoi_hop"] and nghe_an["I.1"]["linh_vuc_chuan"] == "the-che"
    document = json.loads((example_output / "du-lieu/nhiem-vu.json").read_text(encoding="utf-8"))
    assert document["data"][0]["nam"] == 2023 and len(document["data"]) == len(tasks)
    descriptor = json.loads((example_output / "datapackage.json").read_text(encoding="utf-8"))
    by_path = {r["path"]: r for r in descriptor["resources"]}
    assert by_path["du-lieu/tinh-trang.csv"]["schema"]["foreignKeys"][0]["reference"] == {
        "resource": "nhiem-vu", "fields": ["ke_hoach", "ma"]}
    data_page = page("du-lieu/")
    assert {a["href"] for a in data_page.select("main a")} >= {
        "nhiem-vu.csv", "nhiem-vu.json", "tinh-trang.csv", "../datapackage.json"}
    assert page("").select_one("footer a[href='du-lieu/index.html']").get_text() == "Dữ liệu mở"


def test_plans_reports_and_agencies_come_with_the_ids_the_other_tables_use(example_output, page):
    def rows(name):
        with open(example_output / f"du-lieu/{name}.csv", encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    plans, reports, agencies = ({r[key]: r for r in rows(name)} for name, key in [
        ("ke-hoach", "ke_hoach"), ("bao-cao", "bao_cao"), ("co-quan", "co_quan")])
    assert len(plans) == len(list(example_output.glob("ke-hoach/*/index.html")))
    assert len(reports) == len(list(example_output.glob("bao-cao/*/index.html")))
    assert len(agencies) == len(list(example_output.glob("co-quan/*/index.html")))
    for task in rows("nhiem-vu"):
        assert task["co_quan"] == plans[task["ke_hoach"]]["co_quan"] in agencies
    for status in rows("tinh-trang"):
        assert reports[status["bao_cao"]]["ke_hoach"] == status["ke_hoach"]
    for plan in plans.values():
        soup = page(plan["trang"])
        assert soup.h1.get_text(" ", strip=True).endswith(plan["ten"])
        assert int(plan["so_nhiem_vu"]) == len([t for t in rows("nhiem-vu")
                                                 if t["ke_hoach"] == plan["ke_hoach"]])
    tuyen_quang = plans["so-khdt-tuyen-quang-2023"]
    assert (tuyen_quang["so_hieu"], tuyen_quang["ngay_ban_hanh"]) == ("122/KH-SKH", "2023-01-28")
    for report in reports.values():
        assert page(report["trang"]).h1.get_text(" ", strip=True) == report["ten"]
    for agency in agencies.values():
        assert page(agency["trang"]).h1.get_text(" ", strip=True) == agency["ten"]
    descriptor = json.loads((example_output / "datapackage.json").read_text(encoding="utf-8"))
    keys = {r["name"]: r["schema"].get("foreignKeys", []) for r in descriptor["resources"]}
    assert {"resource": "bao-cao", "fields": ["bao_cao"]} in [
        k["reference"] for k in keys["tinh-trang"]]
    assert [k["reference"]["resource"] for k in keys["nhiem-vu"]] == ["ke-hoach", "co-quan"]


def test_every_procedure_of_every_catalogue_is_one_file_with_its_fees_and_basis(example_output,
                                                                               page):
    """A journalist wants the province's procedures in one table, not one file
    per field of each catalogue: with the fees and the legal basis the field
    tables leave out, and the agency's id to join the other tables."""
    with open(example_output / "du-lieu/thu-tuc.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    pages = sorted(example_output.glob("thu-tuc/*/*/index.html"))
    assert len(rows) == len(pages) == 15
    by_page = {row["trang"]: row for row in rows}
    x_quang = by_page["thu-tuc/so-khcn-thua-thien-hue/cap-giay-phep-x-quang/"]
    assert x_quang["co_quan"] == "so-khcn-thua-thien-hue" and x_quang["linh_vuc"].startswith(
        "Năng lượng nguyên tử")
    assert "Thiết bị X-quang chụp răng: 2.000.000 đ" in x_quang["phi"]
    source = page(x_quang["trang"]).find("dt", string="Nguồn").find_next("dd")
    assert x_quang["nguon"] and source.get_text().startswith(x_quang["nguon"])
    assert source.a["href"] == x_quang["nguon_dia_chi"]  # where the figures come from
    for row in rows:
        soup = page(row["trang"])
        assert soup.h1.get_text(" ", strip=True) == row["ten"]
    document = json.loads((example_output / "du-lieu/thu-tuc.json").read_text(encoding="utf-8"))
    assert {r["so_ngay"] for r in document["data"]} >= {5, 10}  # the days, as numbers
    assert "thu-tuc" in {a["href"].removesuffix(".csv") for a in page("du-lieu/").select("main a")}


def test_every_reports_dossier_figures_come_in_two_files_with_no_total_to_count_twice(
        example_output, page):
    """Dossiers received and resolved are what a journalist compares across
    agencies and years: the reports' totals in one file, their fields in
    another, so that summing a column never adds a total to its own parts
    (the report page's table ends with its 'Tổng số' row)."""
    def rows(name):
        with open(example_output / f"du-lieu/{name}.csv", encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    totals, fields = rows("ho-so"), rows("ho-so-linh-vuc")
    [total] = totals
    assert total["bao_cao"] == "so-khcn-nghe-an-2023-nam" and total["ky"] == "nam"
    assert total["co_quan"] == "so-khcn-nghe-an" and total["nam"] == "2023"
    assert total["noi_tiep_nhan"] == "Trung tâm hành chính công"
    assert (total["tiep_nhan"], total["giai_quyet_truoc_han"], total["giai_quyet_dung_han"],
            total["giai_quyet_qua_han"], total["tra_lai"]) == ("149", "137", "", "3", "2")
    shown = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
             for tr in page(total["trang"]).select("#ho-so ~ div table tbody tr")}
    assert shown.pop("Tổng số")[0] == total["tiep_nhan"]
    assert [(f["linh_vuc"], f["tiep_nhan"]) for f in fields] == [
        (name, cells[0]) for name, cells in shown.items()]
    assert {f["bao_cao"] for f in fields} == {total["bao_cao"]}
    assert "Tổng số" not in {f["linh_vuc"] for f in fields}
    document = json.loads((example_output / "du-lieu/ho-so.json").read_text(encoding="utf-8"))
    assert document["data"][0]["tiep_nhan"] == 149
    descriptor = json.loads((example_output / "datapackage.json").read_text(encoding="utf-8"))
    keys = {r["name"]: r["schema"] for r in descriptor["resources"]}
    assert keys["ho-so-linh-vuc"]["primaryKey"] == ["bao_cao", "linh_vuc"]
    assert {"resource": "bao-cao", "fields": ["bao_cao"]} in [
        k["reference"] for k in keys["ho-so"]["foreignKeys"]]


def test_the_data_page_describes_every_column_in_vietnamese(page):
    """The English half of a column's description is for the data package;
    the page a visitor reads says it in Vietnamese (four said 'the province'…)."""
    described = [dd.get_text(" ", strip=True) for dd in page("du-lieu/").select("dl.glossary dd")]
    assert len(described) > 40
    english = [text for text in described
               if re.search(r"(?<![\w-])(the|of|own|as written)(?![\w-])", text)]
    assert not english, english


def test_the_units_a_task_names_join_a_table_of_every_agencys_units(example_output, page):
    """ma_chu_tri holds unit ids such as 'van-phong', which every agency has:
    du-lieu/don-vi.csv gives each, keyed by agency and id, with its page."""
    def rows(name):
        with open(example_output / f"du-lieu/{name}.csv", encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    units = {(u["co_quan"], u["ma"]): u for u in rows("don-vi")}
    assert len(units) == len(list(example_output.glob("co-quan/*/don-vi/*/index.html")))
    named = 0
    for task in rows("nhiem-vu"):
        for column in ("ma_chu_tri", "ma_phoi_hop"):
            for unit_id in filter(None, task[column].split("; ")):
                assert (task["co_quan"], unit_id) in units
                named += 1
    assert named > 50
    for unit in units.values():
        assert page(unit["trang"]).h1.get_text(" ", strip=True) == unit["ten"]
    group = next(u for u in units.values() if u["loai"] == "nhom" and u["thanh_vien"])
    assert group["thanh_vien"].startswith("chi-cuc-tdc; tt-thong-tin")
    assert all((group["co_quan"], member) in units for member in group["thanh_vien"].split("; "))
    descriptor = json.loads((example_output / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in descriptor["resources"] if r["name"] == "don-vi")
    assert schema["primaryKey"] == ["co_quan", "ma"]


def test_every_code_in_the_data_is_explained_and_only_those_codes_validate(example_output, page):
    """A status code such as 'done' (done, not known whether on time) means
    little on its own: the data page gives each code with its Vietnamese
    label, and the package lists the codes, so a row with another fails."""
    described = {dt.get_text(" ", strip=True).split(" – ")[0]: dd.get_text(" ", strip=True)
                 for dt, dd in zip(page("du-lieu/").select("dl.glossary dt"),
                                   page("du-lieu/").select("dl.glossary dd"))}
    assert "done (Hoàn thành, chưa rõ đúng hạn)" in described["ma_tinh_trang"]
    assert "hoan-thanh (Đã hoàn thành)" in described["ma_tinh_trang_bao_cao"]
    assert "quy-1 (Quý I)" in described["ky"]
    descriptor = json.loads((example_output / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]}
    enum = fields[("nhiem-vu", "ma_tinh_trang")]["constraints"]["enum"]
    assert "done" in enum and "overdue" in enum and "Hoàn thành" not in enum
    assert fields[("ho-so", "ky")]["constraints"]["enum"] == ["quy-1", "6-thang", "9-thang", "nam"]
    schema = Schema.from_descriptor({"fields": [fields[("tinh-trang", "ma_tinh_trang_bao_cao")]]})
    assert Resource(data=[["ma_tinh_trang_bao_cao"], ["hoan-thanh"]], schema=schema).validate().valid
    assert not Resource(data=[["ma_tinh_trang_bao_cao"], ["xong"]], schema=schema).validate().valid


def test_a_plans_title_in_the_downloads_is_its_title_alone(example_output):
    with open(example_output / "ke-hoach/bang-ke-hoach.csv", encoding="utf-8-sig", newline="") as f:
        rows = {r["Kế hoạch"]: r for r in csv.DictReader(f)}
    draft = rows["Cải cách hành chính tại Sở Khoa học và Công nghệ năm 2023"]  # no 'Dự thảo' in it
    assert draft["Số, ngày"].endswith("dự thảo")


def test_a_whole_number_in_a_column_of_decimals_is_written_whole():
    [table] = read_tables('<table><caption id="t">T</caption><thead><tr><th>Số liệu</th>'
                          '<th>Giá trị</th></tr></thead><tbody><tr><td>a</td><td>97</td></tr>'
                          '<tr><td>b</td><td>95,5</td></tr></tbody></table>')
    assert table.fields()[1] == {"name": "Giá trị", "type": "number"}
    assert table.csv_bytes().decode("utf-8-sig").splitlines()[1:] == ["a,97", "b,95.5"]
    assert [row["Giá trị"] for row in json.loads(table.json_bytes())["data"]] == [97, 95.5]


def table_of(headers: list[str], rows: list[list[str]]):
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    [table] = read_tables(f'<table><caption id="t">T</caption><thead><tr>{head}</tr></thead>'
                          f'<tbody>{body}</tbody></table>')
    return table, list(csv.reader(io.StringIO(table.csv_bytes().decode("utf-8-sig"))))


def test_a_column_of_dates_is_written_the_iso_way_as_the_data_page_promises():
    table, rows = table_of(["Mã", "Ngày"], [["I.1", "21/02/2023"], ["I.2", ""]])
    assert table.fields()[1] == {"name": "Ngày", "type": "date"}
    assert rows[1:] == [["I.1", "2023-02-21"], ["I.2", ""]]
    _, mixed = table_of(["Số, ngày"], [["59/KH, 31/01/2023"], ["31/01/2023"]])
    assert mixed[1:] == [["59/KH, 31/01/2023"], ["31/01/2023"]]  # not a column of dates


def test_a_column_of_percentages_keeps_its_unit_and_one_of_mixed_units_stays_text():
    """'84%' written 84 in a column named 'Giá trị' lost its unit; a column
    holding '84%' and '137/140 hồ sơ' is not a column of numbers."""
    table, rows = table_of(["Số liệu", "Giá trị", "Tỷ lệ (%)"], [["a", "84%", "46,4%"], ["b", "9,5%", "50%"]])
    assert [f["name"] for f in table.fields()] == ["Số liệu", "Giá trị (%)", "Tỷ lệ (%)"]
    assert rows[1:] == [["a", "84", "46.4"], ["b", "9.5", "50"]]
    table, rows = table_of(["Số liệu", "Giá trị"], [["a", "84%"], ["b", "137"]])
    assert table.fields()[1] == {"name": "Giá trị", "type": "string"} and rows[1][1] == "84%"


def test_a_procedure_done_within_the_day_takes_no_days_and_working_days_are_told_apart(tmp_path):
    """'Trong ngày' sorted last under 'fastest first', and '15 ngày' read the
    same as '15 ngày làm việc', three weeks against two."""
    times = ["Trong ngày", "Ngay trong ngày làm việc", "15 ngày", "15 ngày làm việc kể từ ngày nhận "
             "đủ hồ sơ", "03 tháng", "Ngay trong ngày; hồ sơ phức tạp 02 ngày làm việc"]
    catalogue_site(tmp_path, "".join(
        f'  - {{code: "1.00000{i}", name: Thủ tục {i}, field: F, processing_time: {time}}}\n'
        for i, time in enumerate(times)))
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    with open(tmp_path / "output/du-lieu/thu-tuc.csv", encoding="utf-8-sig", newline="") as f:
        read = {row["thoi_han"]: (row["so_ngay"], row["ngay_lam_viec"]) for row in csv.DictReader(f)}
    assert read == {"Trong ngày": ("0", ""), "Ngay trong ngày làm việc": ("0", "True"),
                    "15 ngày": ("15", "False"), times[3]: ("15", "True"), "03 tháng": ("", ""),
                    times[5]: ("0", "True")}


def test_a_reports_count_of_tasks_leaves_out_the_draft_lines_not_filled_in(tmp_path):
    """'cchc-site report' writes a line for every task; those left without a
    status say nothing, and the page shows only the others."""
    sample_agency_site(tmp_path)
    write(tmp_path, "content/plans/so-mau-2026.yaml",
          "agency: so-mau\nyear: 2026\ntitle: K\nareas:\n  - number: I\n    title: a\n    tasks:\n"
          "      - {number: '1', task: b}\n      - {number: '2', task: c}\n"
          "      - {number: '3', task: d}\n")
    write(tmp_path, "content/reports/so-mau-2026-nam.yaml",
          "agency: so-mau\nplan: so-mau-2026\nyear: 2026\nperiod: nam\ntitle: B\ntasks:\n"
          "  - {task: I.1, status: hoan-thanh}\n  - {task: I.2, status: }\n  - {task: I.3}\n")
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    with open(tmp_path / "output/du-lieu/bao-cao.csv", encoding="utf-8-sig", newline="") as f:
        assert [row["so_nhiem_vu"] for row in csv.DictReader(f)] == ["1"]


def test_reports_rows_run_oldest_first_not_as_their_file_names_sort(tmp_path):
    """'…-6-thang', '…-nam', '…-quy-1' sort so by name: the tables list
    Quý I, 6 tháng, năm, as the year ran."""
    sample_agency_site(tmp_path)
    for period in ("6-thang", "nam", "quy-1"):
        write(tmp_path, f"content/reports/so-mau-2026-{period}.yaml",
              f"agency: so-mau\nyear: 2026\nperiod: {period}\ntitle: Báo cáo {period}\n"
              "dossiers: {received: 1, pending: 1}\n")
    assert run_cli("build", "--site", str(tmp_path)).returncode == 0
    for table in ("bao-cao", "ho-so"):
        with open(tmp_path / f"output/du-lieu/{table}.csv", encoding="utf-8-sig", newline="") as f:
            assert [row["bao_cao"] for row in csv.DictReader(f)] == [
                "so-mau-2026-quy-1", "so-mau-2026-6-thang", "so-mau-2026-nam"], table
