"""Where a full build's CPU goes once the site is checked: each page type's
rendering, the tables read back from the pages, the site-wide files.

    python benchmarks/synthetic.py site
    python benchmarks/render_costs.py site

In one process, after ``build.check``: every page rendered twice (the first
pass compiles the templates and fills the caches a build fills; the second
is the steady cost), the
tables of each page read into CSV and JSON, then the site-wide files made
(search index, data tables, feeds).  Prints seconds and milliseconds a page
for each page type, the CPU a cold build spends on each; on two cores a
build's wall time is about half their sum with the check's.
"""

from __future__ import annotations

import gc
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_site import build  # noqa: E402
from cchc_site.opendata import page_tables  # noqa: E402


def main() -> None:
    site_dir = Path(sys.argv[1])
    gc.disable()
    started = time.perf_counter()
    result = build.check(site_dir, processes=build.workers())
    print(f"check ({build.workers()} processes): {time.perf_counter() - started:.2f} s")
    gc.freeze()
    gc.enable()
    env, common = build.environment(site_dir), {}
    costs: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0])  # n, first, steady, tables
    for route in result.routes:
        cost = costs[route.template]
        cost[0] += 1
        for column in (1, 2):
            started = time.perf_counter()
            html = build.render_route(env, result.site, route, common)
            cost[column] += time.perf_counter() - started
        started = time.perf_counter()
        page_tables(route.path, html)
        cost[3] += time.perf_counter() - started
    print(f"{'template':<16}{'pages':>7}{'first s':>9}{'steady s':>10}{'ms/page':>9}{'tables s':>10}")
    for template, (n, first, steady, tables) in sorted(costs.items(), key=lambda c: -c[1][1]):
        print(f"{template:<16}{n:>7}{first:>9.2f}{steady:>10.2f}{1000 * steady / n:>9.2f}"
              f"{tables:>10.2f}")
    started = time.perf_counter()
    build._site_files(result, build.static_files(site_dir))
    print(f"site-wide files: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
