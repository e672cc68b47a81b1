"""The Nu Html Checker (vnu) finds no error on any page of the example site."""

from __future__ import annotations

import json
import subprocess

from .tools import npm_file, require


def test_vnu_finds_no_error_on_any_page(example_output):
    java = require("java", "default-jre-headless")
    jar = npm_file("vnu-jar", "build/dist/vnu.jar")
    pages = sorted(str(p) for p in example_output.rglob("*.html"))
    assert len(pages) > 90
    result = subprocess.run([java, "-jar", jar, "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").rsplit("/output/", 1)[-1], m.get("lastLine"), m["message"])
              for m in messages if m.get("type") == "error"]
    assert errors == []
    assert result.returncode == 0
