"""JSON Schemas of the content files, from the same model the validator uses.

Editors' tools (VS Code with the YAML extension) use them to complete field
names and flag mistakes while typing.  A value may be written as YAML types
it (``year: 2023``) or as text (``year: "2023"``), as the validator accepts
both; codes must be text, so the editor is told to quote ``1.004510``.
``python -m cchc_site.schema DIR`` writes them; the copies in
``cchc_site/schemas/`` are checked against this code by a test.
"""

from __future__ import annotations

import json
import sys
import typing
from pathlib import Path

from . import model
from .validate import field_types, unwrap_optional
from .values import Markdown, Number, PartialDate

FILES = {"site": model.SiteConfig, "agency": model.Agency, "plan": model.Plan,
         "report": model.Report, "catalogue": model.Catalogue, "page": model.Page}
GLOBS = {"site": "site.yaml", "agency": "content/agencies/*.yaml",
         "plan": "content/plans/*.yaml", "report": "content/reports/*.yaml",
         "catalogue": "content/tthc/*.yaml"}

_TEXT = {"type": ["string", "number", "boolean"]}
_SCALARS = {
    str: _TEXT,
    Markdown: _TEXT,
    # '1.240' is YAML's float 1.24, which check reads as 1.240: a number short of 1000
    int: {"anyOf": [{"type": "integer"},
                    {"type": "number", "exclusiveMinimum": -1000, "exclusiveMaximum": 1000},
                    {"type": "string", "pattern": r"^\s*[+-]?(\d{1,3}(\.\d{3})+|\d+)\s*$"}]},
    bool: {"anyOf": [{"type": "boolean"},
                     {"type": "string", "enum": ["true", "false", "yes", "no", "có", "không"]}]},
    PartialDate: {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"\d{4}"}]},
    Number: {"anyOf": [{"type": "number"},
                       {"type": "string", "pattern": r"^\s*[+-]?[\d.]+(,\d+)?\s*$"}]},
}


def _property(hint, f) -> dict:
    hint = unwrap_optional(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        item = _property(typing.get_args(hint)[0], f)
        prop = {"anyOf": [{"type": "array", "items": item}, item]} \
            if "$ref" not in item else {"type": "array", "items": item}
    elif origin is dict:
        prop = {"type": "object", "additionalProperties": _TEXT}
    elif isinstance(hint, type) and issubclass(hint, model.Record):
        prop = {"$ref": f"#/$defs/{hint.__name__}"}
    else:
        prop = dict(_SCALARS[hint])
        meta = f.metadata
        if meta.get("choices"):
            prop = {"type": "string", "enum": list(meta["choices"])}
        elif meta.get("slug"):
            prop = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
        elif meta.get("url"):
            prop = {"type": "string", "pattern": r"^https?://\S+$"}
        elif f.name == "code":
            prop = {"type": "string"}
    if f is not None and not f.metadata.get("required"):
        prop = {"anyOf": [prop, {"type": "null"}]}  # 'status:' left blank in a draft
    if f is not None:
        prop["description"] = f"{f.metadata['vi']} — {f.metadata['en']}"
        if f.metadata.get("example"):
            prop["examples"] = [f.metadata["example"].strip('"')]
    return prop


def _object(cls) -> dict:
    hints = field_types(cls)
    fields = model.schema_fields(cls)
    return {"type": "object", "additionalProperties": False,
            "properties": {f.name: _property(hints[f.name], f) for f in fields},
            "required": [f.name for f in fields if f.metadata.get("required")]}


def _records(cls, found: dict) -> dict:
    if cls.__name__ in found:
        return found
    found[cls.__name__] = _object(cls)
    for hint in field_types(cls).values():
        hint = unwrap_optional(hint)
        for inner in (typing.get_args(hint) or (hint,)):
            if isinstance(inner, type) and issubclass(inner, model.Record):
                _records(inner, found)
    return found


def schema(kind: str) -> dict:
    cls = FILES[kind]
    defs = _records(cls, {})
    top = defs.pop(cls.__name__)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://cchc-site.invalid/schemas/{kind}.schema.json",
            "title": f"cchc-site: {kind}", **top, "$defs": dict(sorted(defs.items()))}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in FILES:
        path = folder / f"{kind}.schema.json"
        path.write_text(json.dumps(schema(kind), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written


def vscode_settings(schema_folder: str) -> dict:
    """.vscode/settings.json wiring each kind of file to its schema."""
    return {"yaml.schemas": {f"{schema_folder}/{kind}.schema.json": glob
                             for kind, glob in GLOBS.items()},
            "files.encoding": "utf8", "editor.insertSpaces": True,
            "[yaml]": {"editor.tabSize": 2}}


if __name__ == "__main__":
    for written in write_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "cchc_site/schemas")):
        print(written)
