"""The example content is the seed documents, transcribed faithfully and completely.

The appendix tables of the two seed plans are read straight from the seed
text files (tab-separated rows) and compared cell by cell with the content.
"""

from __future__ import annotations

import re

import pytest

from .conftest import DATA, ROOT, SEEDS, raw_yaml

HEADERS = {"TT": "number", "Mục tiêu": "objective", "Nhiệm vụ": "task", "NỘI DUNG": "task",
           "Hoạt động": "activities", "Kết quả/ Sản phẩm": "product", "Sản phẩm": "product",
           "Đơn vị chủ trì": "lead", "Đơn vị chủ trì dự thảo": "lead",
           "Đơn vị phối hợp": "support", "Thời gian hoàn thành": "deadline",
           "Thời gian thực hiện": "deadline", "Kinh phí thực hiện (nếu có)": "budget"}
ROMAN = re.compile(r"[IVX]+")


def clean(cell: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", cell).split())


def seed_table(name: str) -> list[tuple[str, str, dict]]:
    """(area number, area title, row) for every task row of the seed's appendix."""
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    columns, area, rows = None, None, []
    for line in lines:
        if "\t" not in line:
            continue
        cells = [clean(c) for c in line.split("\t")]
        if cells[0] == "TT":
            columns = [HEADERS[c] for c in cells if c]
        elif ROMAN.fullmatch(cells[0]):
            area = (cells[0], cells[1])
        elif cells[0].isdigit():
            rows.append((area[0], area[1], dict(zip(columns, cells))))
        elif not cells[0] and rows:  # a cell split by a page break
            rows[-1][2]["task"] += " " + cells[1]
    return rows


def unit_cell(task: dict, role: str, units: dict[str, str]) -> str:
    if task.get(f"{role}_text"):
        return clean(task[f"{role}_text"])
    ids = task.get(role, [])
    ids = ids if isinstance(ids, list) else [ids]
    return ", ".join(units[i] for i in ids)


@pytest.mark.parametrize("seed, plan_id, agency_id", [
    ("000_2fbed6697f9b9048.txt", "so-khcn-nghe-an-2023", "so-khcn-nghe-an"),
    ("001_750044ff8d03f820.txt", "so-khdt-tuyen-quang-2023", "so-khdt-tuyen-quang"),
])
def test_every_appendix_row_and_cell_is_transcribed(seed, plan_id, agency_id):
    expected = seed_table(seed)
    plan = raw_yaml(ROOT / f"content/plans/{plan_id}.yaml")
    units = {u["id"]: u["name"] for u in raw_yaml(ROOT / f"content/agencies/{agency_id}.yaml")
             ["units"]}
    got = [(a["number"], a["title"], t) for a in plan["areas"] for t in a["tasks"]]
    assert len(got) == len(expected)
    for (area_no, area_title, row), (g_no, g_title, task) in zip(expected, got):
        where = f"{area_no}.{row['number']}"
        assert (g_no, clean(g_title), task["number"]) == (area_no, area_title, row["number"]), where
        for column, value in row.items():
            if column == "number":
                continue
            if column in ("lead", "support"):
                assert unit_cell(task, column, units) == value, (where, column)
            else:
                assert clean(task.get(column, "")) == value, (where, column)


def test_report_dossier_figures_are_the_seed_numbers():
    report = raw_yaml(ROOT / "content/reports/so-khcn-nghe-an-2023-nam.yaml")
    seed = " ".join((SEEDS / "002_174b6c4ae34f5b29.txt").read_text(encoding="utf-8").split())
    assert clean(report["dossiers"]["as_written"]) in seed
    for figure in report["figures"]:
        assert clean(figure["as_written"]) in seed, figure["id"]
    for status in report["tasks"]:
        for part in status.get("evidence", "").split(" […] "):
            assert clean(part) in seed, status["task"]


def test_report_prose_keeps_every_sentence_of_the_seed():
    report = raw_yaml(ROOT / "content/reports/so-khcn-nghe-an-2023-nam.yaml")
    bodies = [re.sub(r"(?m)^\s*(?:#+|-) ", "", s["body"]) for s in report["sections"]]
    prose = clean(" ".join(s["heading"] + " " + body
                           for s, body in zip(report["sections"], bodies)))
    seed = (SEEDS / "002_174b6c4ae34f5b29.txt").read_text(encoding="utf-8")
    seed = re.sub(r"(?m)^\s*\d+\s*$", "", seed.split("Nơi nhận")[0])  # page numbers
    sentences = [clean(s) for s in re.split(r"(?<=[.;:])\s", " ".join(seed.split()))]
    missing = [s for s in sentences if len(s) > 25 and s.lstrip("- ") not in prose
               and s.lstrip("- ").rstrip(":") not in prose]
    assert missing == []


def test_tthc_catalogue_is_the_shared_data_row_for_row():
    catalogue = raw_yaml(ROOT / "content/tthc/so-khcn-thua-thien-hue.yaml")
    lines = (DATA / "tthc-so-khcn.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]
    sources = {s["id"]: s["url"] for s in catalogue["sources"]}
    assert len(catalogue["procedures"]) == len(rows) == 15
    for procedure, row in zip(catalogue["procedures"], rows):
        for key in ("code", "name", "field", "processing_time", "fee", "online_level",
                    "legal_basis"):
            assert procedure.get(key, "") == row[key], (procedure["id"], key)
        assert sources[procedure["source"]] == row["source_url"]


def test_seed_copies_match_shared():
    """The copies kept with the tests are the shared documents, byte for byte."""
    shared = ROOT.parent / "shared"
    if not shared.is_dir():
        return  # a clone without shared/ beside it: the copies are all there is
    for copy in SEEDS.iterdir():
        if copy.name == "README.md":
            continue
        original = shared / ("data" if copy.suffix in (".tsv", ".md") else "seeds") / copy.name
        assert copy.read_bytes() == original.read_bytes(), copy.name
