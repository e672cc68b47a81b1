"""How long a one-file edit takes to appear, against a full build.

    python benchmarks/edit_latency.py [--agencies 30] [--years 6] [--runs 3]

Measures, in one run, on the example site and on a synthetic province
(benchmarks/synthetic.py): a cold full build, then the dev server's
incremental rebuild after editing one report — the time until the report's
page is written, and until every affected file (lists, search index, data
package) is — as medians of several runs, and prints the ratio.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cchc_site.build import Builder, build  # noqa: E402
from synthetic import generate  # noqa: E402


def measure(site: Path, report: Path, runs: int) -> tuple[float, float, float, int]:
    full_times = []
    for run in range(runs):
        started = time.perf_counter()
        result = build(site, site.parent / f"full-{run}")
        full_times.append(time.perf_counter() - started)
        assert not result.problems.errors, result.problems.report()
    builder = Builder(site, site.parent / "live")
    builder.build()
    edit_times, page_times = [], []
    original = report.read_text(encoding="utf-8")
    page = f"bao-cao/{report.stem}/index.html"
    for run in range(runs):
        gc.collect()  # as the dev server does after each rebuild
        report.write_text(original.replace("title: ", f"title: (sửa {run}) ", 1), encoding="utf-8")
        started = time.perf_counter()
        result = builder.build()
        edit_times.append(time.perf_counter() - started)
        page_times.append(result.written_at[page] - started)
    return (statistics.median(full_times), statistics.median(page_times),
            statistics.median(edit_times), len(result.routes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=30)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'site':<24} {'pages':>6} {'full build s':>13} {'edited page s':>14} "
          f"{'all rewritten s':>16} {'full ÷ page':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        example = Path(tmp) / "example" / "site"
        shutil.copytree(ROOT / "content", example / "content")
        shutil.copy(ROOT / "site.yaml", example / "site.yaml")
        synthetic = Path(tmp) / "synthetic" / "site"
        generate(synthetic, args.agencies, args.years)
        cases = [("example", example, example / "content/reports/so-khcn-nghe-an-2023-nam.yaml"),
                 (f"synthetic {args.agencies}×{args.years}", synthetic,
                  synthetic / "content/reports/so-01-2024-nam.yaml")]
        for name, site, report in cases:
            full, page, edit, pages = measure(site, report, args.runs)
            print(f"{name:<24} {pages:>6} {full:>13.2f} {page:>14.3f} {edit:>16.3f} "
                  f"{full / page:>11.0f}×")


if __name__ == "__main__":
    main()
