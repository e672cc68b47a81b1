"""The guide builds, and its field reference is the model's own."""

import re
import subprocess
import sys

from cchc_site.reference import reference

from .conftest import ROOT, run_cli


def test_field_reference_matches_the_model():
    committed = (ROOT / "docs/reference.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m cchc_site.reference > docs/reference.md"


def test_the_guide_counts_the_example_sites_warnings_as_a_build_gives_them():
    """An editor trying the example site compares what check prints with the
    guide: a count that is off makes them look for a mistake of their own."""
    guide = (ROOT / "docs/editor-guide.md").read_text(encoding="utf-8")
    said = re.search(r"cố ý giữ (\d+)\s+cảnh báo \"không khớp\".*?: (\d+) cảnh báo cả thảy", guide,
                     re.DOTALL)
    warned = [line for line in run_cli("check", "--site", str(ROOT)).stderr.splitlines()
              if ": cảnh báo/warning: " in line]
    mismatches = [line for line in warned if "không khớp" in line]
    assert said and (int(said[1]), int(said[2])) == (len(mismatches), len(warned)), warned


def test_every_model_field_is_documented_in_both_languages():
    from cchc_site import model
    from cchc_site.reference import FILES, _records
    classes: list = []
    for cls, *_ in FILES:
        _records(cls, classes)
    for cls in classes:
        for f in model.schema_fields(cls):
            assert f.metadata["vi"].strip() and f.metadata["en"].strip(), (cls, f.name)
            assert f"`{f.name}`" in reference()


def test_mkdocs_builds_strictly(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/reference/index.html").is_file()
