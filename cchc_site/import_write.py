"""Import, step 3: write the draft as YAML an editor can read and fix."""

from __future__ import annotations

import yaml


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks; everything else as PyYAML chooses."""


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def draft_yaml(data: dict, comments: list[str]) -> str:
    head = "".join(f"# {line}\n" for line in comments)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return head + body
