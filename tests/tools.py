"""System tools some tests need: installed on demand, never skipped.

A test that needs a tool installs it (Debian's apt, as CI runs as root) or
fails with the reason; it never skips silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

_updated = False


def require(command: str, package: str) -> str:
    """The path of ``command``, installing Debian's ``package`` if it is missing."""
    global _updated
    found = shutil.which(command)
    if found:
        return found
    if os.geteuid() != 0:
        pytest.fail(f"{command} is needed: install the Debian package '{package}' "
                    f"(sudo apt-get install {package})")
    if not _updated:
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        _updated = True
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=False,
                   capture_output=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    found = shutil.which(command)
    if not found:
        pytest.fail(f"could not install {package} for {command}")
    return found


def npm_file(package: str, relative: str) -> str:
    """A file from an npm registry package, installed once into a cache folder."""
    cache = os.path.join(os.path.expanduser("~"), ".cache", "cchc-site-tests")
    path = os.path.join(cache, "node_modules", package, relative)
    if not os.path.exists(path):
        npm = require("npm", "npm")
        os.makedirs(cache, exist_ok=True)
        result = subprocess.run([npm, "install", "--no-save", "--no-audit", "--no-fund",
                                 "--prefix", cache, package], capture_output=True, text=True)
        if not os.path.exists(path):
            pytest.fail(f"could not install the npm package {package}: {result.stderr[-500:]}")
    return path
