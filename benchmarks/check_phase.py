"""How long the check phase (load → validate → link → routes) takes.

    python benchmarks/synthetic.py site
    python benchmarks/check_phase.py site [--rounds 3] [--against DIR]

Calls ``build.check`` on the site with one process and with two, in a
fresh process each round: once cold (the first call, as ``cchc-site build``
makes it, with every cache empty), then three times warm; prints medians of
the wall time and of the CPU time of the calling process and of its
readers.  With
``--against`` another checkout of cchc-site (say ``git worktree add
/tmp/old HEAD~3``) takes turns with this one in each round, so both meet
the same machine: on a shared machine wall times drift, CPU times less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALLS = 3


def measure(site: Path, processes: int) -> None:
    """In a fresh process: one cold check, then CALLS warm ones."""
    from cchc_site.build import check
    for call in range(CALLS + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, cpu = time.perf_counter(), time.process_time()
        result = check(site, processes=processes)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        readers = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        del result
        print(json.dumps({"cold": call == 0, "wall": wall, "cpu": cpu, "readers": readers}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout of cchc-site")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.site, args.measure)
        return
    checkouts = {"this": ROOT, **({"against": args.against.resolve()} if args.against else {})}
    rows: dict[tuple[str, int, bool], list[dict]] = {
        (name, n, cold): [] for name in checkouts for n in (1, 2) for cold in (True, False)}
    for _ in range(args.rounds):
        for name, checkout in checkouts.items():
            for processes in (1, 2):
                out = subprocess.run(
                    [sys.executable, __file__, str(args.site), "--measure", str(processes)],
                    env={**os.environ, "PYTHONPATH": str(checkout)}, capture_output=True,
                    text=True, check=True).stdout
                for line in out.splitlines():
                    row = json.loads(line)
                    rows[(name, processes, row["cold"])].append(row)
    for (name, processes, cold), found in rows.items():
        wall, cpu, readers = (statistics.median(row[key] for row in found)
                              for key in ("wall", "cpu", "readers"))
        print(f"{name:8s} processes={processes} {'cold' if cold else 'warm'}: wall {wall:.3f} s "
              f"(best {min(row['wall'] for row in found):.3f}), CPU {cpu:.3f} s "
              f"+ readers {readers:.3f} s  [{len(found)} calls, {checkouts[name]}]")


if __name__ == "__main__":
    main()
