"""Every page of the example site stays within the weight budget (bytes, not time)."""

import subprocess
import sys

from .conftest import ROOT


def test_pages_stay_within_the_budget():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks/page_weight.py")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout
    assert "over budget: 0" in result.stdout
    assert "pages: " in result.stdout
