"""A longer fuzzing run than the tests' Hypothesis budget.

    python benchmarks/fuzz.py [SECONDS] [SEED]

Mutates the bad-file corpus and the example content (byte flips, inserted
YAML punctuation, spliced lines, truncation) and feeds every input through
the loader, the validator and the deadline/target/Markdown readers, in
process. Prints how many inputs it tried and how many uncaught exceptions
it met (with the first few inputs that caused one); exits 1 if any.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_site import model  # noqa: E402
from cchc_site.deadlines import interpret as read_deadline  # noqa: E402
from cchc_site.load import parse_yaml, read_text  # noqa: E402
from cchc_site.markup import render_cell, render_markdown  # noqa: E402
from cchc_site.problems import Problems  # noqa: E402
from cchc_site.targets import interpret as read_target  # noqa: E402
from cchc_site.validate import build_record  # noqa: E402

PIECES = [b":", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"!!", b"#", b'"', b"'", b"\t",
          b"\n", b"  ", b"|", b">", b"%", b"@", b"`", b"\xc3", b"\xff", b"\x00", b"\xe1\xbb\x87"]
KINDS = [model.Plan, model.Report, model.Agency, model.Catalogue, model.SiteConfig]


def seeds() -> list[bytes]:
    corpus = ROOT / "tests/bad_files"
    found = [(corpus / c["file"]).read_bytes()
             for c in json.loads((corpus / "MANIFEST.json").read_text(encoding="utf-8"))]
    found += [p.read_bytes() for p in sorted((ROOT / "content").rglob("*.yaml"))]
    return found


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        at = rng.randint(0, len(data))
        if choice < 0.3 and data:
            data[min(at, len(data) - 1)] = rng.randint(0, 255)
        elif choice < 0.7:
            data[at:at] = rng.choice(PIECES)
        elif choice < 0.85:
            del data[at:at + rng.randint(1, 40)]
        else:
            lines = bytes(data).split(b"\n")
            rng.shuffle(lines)
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def run_one(data: bytes) -> None:
    problems = Problems()
    text = read_text(data, "content/plans/x.yaml", problems)
    if text is None:
        return
    tree = parse_yaml(text, "content/plans/x.yaml", problems)
    if tree is not None:
        for kind in KINDS:
            build_record(kind, tree, "content/plans/x.yaml", Problems())
    for line in text.splitlines()[:50]:
        read_deadline(line, 2024)
        read_target(line)
        render_cell(line)
    render_markdown(text[:5000])


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    pool, tried, crashes = seeds(), 0, []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(pool))
        tried += 1
        try:
            run_one(data)
        except Exception:  # an uncaught exception is exactly what this looks for
            crashes.append((data[:200], traceback.format_exc(limit=3)))
    print(f"inputs tried: {tried}; uncaught exceptions: {len(crashes)} "
          f"({seconds:.0f} s, seed {seed})")
    for data, trace in crashes[:3]:
        print(repr(data), trace, sep="\n")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
