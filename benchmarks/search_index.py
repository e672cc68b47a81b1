"""Why cchc-site writes its own small search index instead of using lunr.

    pip install lunr playwright && python benchmarks/search_index.py [COPIES]

Builds, in one run and from the same documents (the example site's, repeated
COPIES times to stand in for a province, default 1 and 50): cchc-site's
index and a lunr index (lunr.py, the Python build of lunr.js, with the same
accent folding, since lunr's English stemmer would mangle Vietnamese). It
prints each index's size, raw and gzip-compressed, and the time from opening
a search page in headless Chromium to the first result for
"cap giay phep buc xa", median of 5 runs. lunr.js comes from the npm
registry (installed into ~/.cache/cchc-site-tests).
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_site.build import check  # noqa: E402
from cchc_site.search import _documents, build_index, words  # noqa: E402

QUERY = "cap giay phep buc xa"
RUNS = 5


def lunr_index(docs) -> bytes:
    """lunr over the same folded words; its English stemmer and stop words are
    left out of both pipelines, as they would mangle Vietnamese."""
    from lunr.builder import Builder
    from lunr.trimmer import trimmer
    builder = Builder()
    builder.pipeline.add(trimmer)
    builder.ref("id")
    builder.field("text")
    for i, d in enumerate(docs):
        builder.add({"id": str(i), "text": " ".join(words(f"{d[1]} {d[4]}"))})
    index = builder.build()
    return json.dumps(index.serialize(), separators=(",", ":")).encode("utf-8")


def lunr_js() -> str:
    cache = Path.home() / ".cache" / "cchc-site-tests"
    path = cache / "node_modules" / "lunr" / "lunr.min.js"
    if not path.exists():
        subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                        str(cache), "lunr"], check=True, capture_output=True)
    return str(path)


def time_to_first_result(browser, url: str) -> float:
    times = []
    for _ in range(RUNS):
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector("#search-results li, #lunr-results li", timeout=60000)
        times.append(page.evaluate("performance.now()"))
        page.close()
    return statistics.median(times)


def main() -> None:
    from playwright.sync_api import sync_playwright
    copies_list = [int(a) for a in sys.argv[1:]] or [1, 50]
    result = check(ROOT)
    base_docs = _documents(result.site)
    print(f"query: {QUERY!r}; {RUNS} runs each, median; machine: "
          f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores")
    print(f"{'docs':>7} {'index':<8} {'raw B':>11} {'gzip B':>10} {'first result ms':>16}")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
        for copies in copies_list:
            docs = [(k, t, f"{p}{n}/" if n else p, d, x) for n in range(copies)
                    for k, t, p, d, x in base_docs]
            site = result.site
            ours = build_index_from(site, docs)
            theirs = lunr_index(docs)
            folder = Path(tmp) / str(copies)
            folder.mkdir()
            (folder / "index.js").write_bytes(ours)
            (folder / "static").mkdir()
            (folder / "static" / "search.js").write_bytes(
                (ROOT / "templates/static/search.js").read_bytes())
            (folder / "ours.html").write_text(
                '<form id="search-form" data-root=""><input id="q"></form><p id="search-status">'
                '</p><ol id="search-results"></ol><script src="index.js"></script>'
                '<script src="static/search.js"></script>', encoding="utf-8")
            (folder / "lunr-index.js").write_bytes(b"window.LUNR_INDEX=" + theirs + b";")
            (folder / "lunr.js").write_bytes(Path(lunr_js()).read_bytes())
            (folder / "lunr.html").write_text(
                '<ol id="lunr-results"></ol><script src="lunr.js"></script>'
                '<script src="lunr-index.js"></script><script>'
                "var idx = lunr.Index.load(window.LUNR_INDEX);"
                f"var hits = idx.search({json.dumps(' '.join('+' + w + '*' for w in QUERY.split()))});"
                "hits.slice(0, 100).forEach(function (h) { var li = document.createElement('li');"
                "li.textContent = h.ref; document.getElementById('lunr-results').appendChild(li); });"
                "</script>", encoding="utf-8")
            url = folder.as_uri()
            for name, data, page in (("cchc", ours, "ours.html?q=" + QUERY.replace(" ", "+")),
                                     ("lunr", theirs, "lunr.html")):
                ms = time_to_first_result(browser, f"{url}/{page}")
                print(f"{len(docs):>7} {name:<8} {len(data):>11,} "
                      f"{len(gzip.compress(data, 9, mtime=0)):>10,} {ms:>16.0f}")
        browser.close()


def build_index_from(site, docs) -> bytes:
    """cchc-site's index over ``docs`` (the same code the build runs)."""
    import cchc_site.search as search
    original = search._documents
    search._documents = lambda _site: docs
    try:
        return build_index(site)[1]
    finally:
        search._documents = original


if __name__ == "__main__":
    main()
