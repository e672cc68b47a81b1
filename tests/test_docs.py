"""The guide builds, and its field reference is the model's own."""

import subprocess
import sys

from cchc_site.reference import reference

from .conftest import ROOT


def test_field_reference_matches_the_model():
    committed = (ROOT / "docs/reference.md").read_text(encoding="utf-8")
    assert committed == reference(), "run: python -m cchc_site.reference > docs/reference.md"


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
