"""Page weight of the example site: HTML + CSS + JS each page loads (data
downloads excluded), raw and gzip-compressed, against the budget.

    python benchmarks/page_weight.py [SITE_DIR]

Prints one line per page type and the heaviest page overall; exits 1 when a
page is over the budget, so CI or a person sees it at once.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_RAW = 200_000      # bytes of HTML + CSS + JS a page may load, uncompressed
BUDGET_GZIP = 50_000      # the same, as a server sends it compressed


def assets(page: Path, out: Path) -> list[Path]:
    """The page and the styles and scripts it loads (the 404 page links from the root)."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(r'<(?:link rel="stylesheet"|script)[^>]*?(?:href|src)="([^"]+)"', html)
    return [page] + [(out / ref.lstrip("/")) if ref.startswith("/") else
                     (page.parent / ref).resolve() for ref in refs]


def weigh(files: list[Path]) -> tuple[int, int]:
    data = [f.read_bytes() for f in files]
    return sum(map(len, data)), sum(len(gzip.compress(d, 9, mtime=0)) for d in data)


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "output"
        subprocess.run([sys.executable, "-m", "cchc_site", "build", "--site", str(site),
                        "--output", str(out)], check=True, capture_output=True)
        rows = []
        for page in sorted(out.rglob("*.html")):
            raw, packed = weigh(assets(page, out))
            rows.append((raw, packed, str(page.relative_to(out))))
    over = [r for r in rows if r[0] > BUDGET_RAW or r[1] > BUDGET_GZIP]
    print(f"budget per page: {BUDGET_RAW:,} B raw, {BUDGET_GZIP:,} B gzip (HTML + CSS + JS)")
    print(f"{'raw B':>9} {'gzip B':>8}  page")
    kinds: dict[str, tuple[int, int, str]] = {}
    for raw, packed, name in rows:
        parts = name.split("/")
        kind = f"{parts[0]}/{'*/' * (len(parts) - 2)}" if len(parts) > 1 else name
        kinds[kind] = max(kinds.get(kind, (0, 0, "")), (raw, packed, name))
    for raw, packed, name in sorted(kinds.values(), reverse=True):
        print(f"{raw:>9,} {packed:>8,}  {name}")
    heaviest = max(rows)
    print(f"pages: {len(rows)}; heaviest: {heaviest[2]} {heaviest[0]:,} B raw, "
          f"{heaviest[1]:,} B gzip; over budget: {len(over)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
