"""The bad-file corpus: every case gets its clear message, with file:line:column,
and exit status 1 — never a traceback — within bounded time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "bad_files"
CASES = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
SITE = "title: Thử\nbase_url: https://cchc.sothu.gov.vn/\n"
AGENCY = "name: Sở Mẫu\nunits:\n  - id: van-phong\n    name: Văn phòng Sở\n"


def minimal_site(root: Path) -> Path:
    (root / "content/agencies").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE, encoding="utf-8")
    (root / "content/agencies/so-mau.yaml").write_text(AGENCY, encoding="utf-8")
    return root


def check(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cchc_site", "check", "--site", str(site)],
                          capture_output=True, text=True, timeout=60)


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["file"][:-4] for c in CASES])
def test_each_bad_file_gets_its_message(tmp_path, case):
    site = minimal_site(tmp_path)
    target = site / case["target"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((CORPUS / case["file"]).read_bytes())
    result = check(site)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    where = f"{case['target']}:{case['where']}:" if case["where"] else f"{case['target']}:"
    lines = [line for line in result.stderr.splitlines() if line.startswith(where)]
    assert any(case["words"] in line and "lỗi/error" in line for line in lines), result.stderr


HOSTILE = {
    "deeply nested lists": (lambda: "title: x\nplace: " + "[" * 50_000 + "]" * 50_000 + "\n",
                            "lồng quá sâu"),
    "deeply nested mappings": (lambda: "title: x\n" + "".join("  " * i + f"k{i}:\n"
                                                              for i in range(400)),
                               "lồng quá sâu"),
    "very large file": (lambda: "title: x\nplace: " + "a" * 6_000_000 + "\n", "tệp quá lớn"),
    "many keys": (lambda: "title: x\n" + "".join(f"k{i}: v\n" for i in range(50_000)),
                  "vấn đề khác trong tệp này"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_sizes_fail_fast_with_a_message(tmp_path, name):
    make, words = HOSTILE[name]
    text = make()
    site = minimal_site(tmp_path)
    (site / "content/plans").mkdir()
    (site / "content/plans/ke-hoach.yaml").write_text(text, encoding="utf-8")
    result = check(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/plans/ke-hoach.yaml:" in result.stderr and words in result.stderr
    assert len(result.stderr) < 40_000
