"""Shared fixtures: the real example site, built once per test session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
# Copies of the source documents (../shared/seeds and ../shared/data), kept
# with the tests so that the fidelity checks run in any clone.
SEEDS = DATA = Path(__file__).resolve().parent / "seeds"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real command line, as an editor or CI would."""
    return subprocess.run([sys.executable, "-m", "cchc_site", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def as_windows_1252(text: str) -> str:
    """``text`` as it shows when its UTF-8 bytes are read as Windows-1252, a
    character a byte (those the code page lacks as the control characters of
    their numbers, as Windows shows them): 'Tổ' → 'Tá»•'."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode())


def raw_yaml(path: Path):
    """The file as plain data, read independently of cchc_site's loader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.fixture(scope="session")
def example_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example") / "output"
    result = run_cli("build", "--site", str(ROOT), "--output", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def page(example_output):
    def read(path: str) -> BeautifulSoup:
        file = example_output / path / "index.html" if not path.endswith(".html") \
            else example_output / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return read


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A writable copy of the example site, to break on purpose."""
    target = tmp_path / "site"
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copy(ROOT / "site.yaml", target / "site.yaml")
    return target


def catalogue_site(site: Path, procedures: str) -> None:
    """A site of one agency, Sở Tư pháp, whose catalogue holds ``procedures`` (YAML list items)."""
    (site / "content/agencies").mkdir(parents=True)
    (site / "content/tthc").mkdir()
    (site / "site.yaml").write_text("title: T\nbase_url: https://tp.tinh.gov.vn/\n", encoding="utf-8")
    (site / "content/agencies/so-tu-phap.yaml").write_text("name: Sở Tư pháp\n", encoding="utf-8")
    (site / "content/tthc/so-tu-phap.yaml").write_text(
        "agency: so-tu-phap\ntitle: Danh mục\nprocedures:\n" + procedures, encoding="utf-8")
