"""JSON Schemas for editors' tools: generated from the model, they accept the
example content and reject wrong files."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from cchc_site.schema import FILES, GLOBS, schema

from .conftest import ROOT, run_cli

SHIPPED = ROOT / "cchc_site/schemas"


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SHIPPED / f"{kind}.schema.json").read_text("utf-8")))


def test_shipped_schemas_are_the_models(tmp_path):
    for kind in FILES:
        shipped = json.loads((SHIPPED / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert shipped == schema(kind), "run: python -m cchc_site.schema"
        Draft202012Validator.check_schema(shipped)


@pytest.mark.parametrize("loader", [yaml.BaseLoader, yaml.SafeLoader],
                         ids=["as text", "as YAML types it"])
def test_example_content_is_valid(loader):
    checked = 0
    for kind, pattern in GLOBS.items():
        for path in sorted(ROOT.glob(pattern)):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
            errors = [e.message for e in validator(kind).iter_errors(data)]
            assert errors == [], path
            checked += 1
    assert checked == 8


def test_a_report_draft_is_valid(site_copy):
    run_cli("report", "so-khcn-nghe-an-2023", "--period", "quy-1", "--site", str(site_copy))
    draft = site_copy / "content/reports/so-khcn-nghe-an-2023-quy-1.yaml"
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert list(validator("report").iter_errors(data)) == []



def test_a_count_with_a_thousands_dot_that_check_accepts_is_valid(tmp_path):
    """'received: 1.240' is YAML's float 1.24, as editors' tools read it, and
    1.240 dossiers to check: the schema must not mark a correct file wrong."""
    (tmp_path / "content/agencies").mkdir(parents=True)
    (tmp_path / "content/reports").mkdir()
    (tmp_path / "site.yaml").write_text("title: T\nbase_url: https://so.gov.vn/\n", encoding="utf-8")
    (tmp_path / "content/agencies/so-mau.yaml").write_text("name: Sở Mẫu\n", encoding="utf-8")
    report = tmp_path / "content/reports/so-mau-2025-nam.yaml"
    report.write_text("agency: so-mau\nyear: 2025\nperiod: nam\ntitle: Báo cáo\ndossiers:\n"
                      "  received: 1.240\n  resolved_on_time: 1.200\n  pending: 40\n", encoding="utf-8")
    assert run_cli("check", "--strict", "--site", str(tmp_path)).returncode == 0
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    assert data["dossiers"]["received"] == 1.24
    assert [e.message for e in validator("report").iter_errors(data)] == []


WRONG = [
    ("plan", "agency: a\nyear: 2023\ntitle: t\nnumbr: x\n", "Additional properties"),
    ("plan", "agency: a\nyear: hai\ntitle: t\n", "is not valid"),
    ("plan", "agency: a\ntitle: t\n", "'year' is a required property"),
    ("plan", "agency: a\nyear: 2023\ntitle: t\nareas:\n  - title: x\n    standard: the-chee\n",
     "is not valid"),
    ("plan", "agency: a\nyear: 2023\ntitle: t\nareas:\n  - title: x\n    tasks:\n"
             "      - number: '1'\n", "'task' is a required property"),
    ("report", "agency: a\nyear: 2023\nperiod: quy-5\ntitle: t\n", "is not one of"),
    ("report", "agency: a\nyear: 2023\nperiod: nam\ntitle: t\ndossiers:\n  received: nhiều\n",
     "is not valid"),
    ("agency", "name: S\nunits:\n  - id: Văn Phòng\n    name: V\n", "does not match"),
    ("catalogue", "agency: a\ntitle: t\nprocedures:\n  - code: 1.004510\n    name: n\n"
                  "    field: f\n", "is not valid"),
    ("site", "title: t\nbase_url: www.so.gov.vn\n", "does not match"),
]


@pytest.mark.parametrize("kind, text, message", WRONG, ids=[w[2][:25] + w[0] for w in WRONG])
def test_wrong_files_are_rejected(kind, text, message):
    def messages(errors):
        for error in errors:
            yield error.message
            yield from messages(error.context or [])
    found = list(messages(validator(kind).iter_errors(yaml.safe_load(text))))
    assert any(message in found_message for found_message in found), found


def test_new_sites_are_wired_for_vs_code_and_pre_commit(tmp_path):
    assert run_cli("new", str(tmp_path / "moi")).returncode == 0
    settings = json.loads((tmp_path / "moi/.vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["schemas/plan.schema.json"] == "content/plans/*.yaml"
    assert (tmp_path / "moi/schemas/plan.schema.json").is_file()
    hook = yaml.safe_load((tmp_path / "moi/.pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hook["repos"][0]["hooks"][0]["entry"] == "cchc-site check --strict"
    assert run_cli("check", "--site", str(tmp_path / "moi"), "--strict").returncode == 0
