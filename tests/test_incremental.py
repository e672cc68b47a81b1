"""Incremental rebuilds give exactly what a full build gives, after any edit,
and redo only the pages an edit touches."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cchc_site.build import Builder, build, check
from cchc_site.load import READ_AHEAD_FROM

from .test_build import tree

PLAN = "content/plans/so-khcn-nghe-an-2023.yaml"
REPORT = "content/reports/so-khcn-nghe-an-2023-nam.yaml"
AGENCY = "content/agencies/so-khcn-nghe-an.yaml"
CATALOGUE = "content/tthc/so-khcn-thua-thien-hue.yaml"
PLAN_TQ = "content/plans/so-khdt-tuyen-quang-2023.yaml"


def replace(path, old, new, count=1):
    def edit(site, rng):
        file = site / path
        text = file.read_text(encoding="utf-8")
        if old in text:
            file.write_text(text.replace(old, new, count), encoding="utf-8")
    return edit


def append(path, text):
    def edit(site, rng):
        with open(site / path, "a", encoding="utf-8") as file:
            file.write(text)
    return edit


def reword_a_task(site, rng):
    file = site / PLAN
    lines = file.read_text(encoding="utf-8").splitlines()
    tasks = [i for i, line in enumerate(lines) if line.strip().startswith("task:")]
    i = rng.choice(tasks)
    lines[i] = lines[i] + f" (sửa {rng.randint(1, 999)})"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")


def flip_a_status(site, rng):
    file = site / REPORT
    text = file.read_text(encoding="utf-8")
    spots = [m.start() for m in re.finditer(r"status: (hoan-thanh|dang-thuc-hien)", text)]
    if spots:
        at = rng.choice(spots)
        old = "hoan-thanh" if text.startswith("status: hoan-thanh", at) else "dang-thuc-hien"
        new = "dang-thuc-hien" if old == "hoan-thanh" else "hoan-thanh"
        file.write_text(text[:at] + f"status: {new}" + text[at + 8 + len(old):], encoding="utf-8")


def add_a_page(site, rng):
    (site / "content/pages").mkdir(exist_ok=True)
    (site / f"content/pages/trang-{rng.randint(1, 5)}.md").write_text(
        f"---\ntitle: Trang {rng.randint(1, 99)}\n---\nNội dung.\n", encoding="utf-8")


def remove_a_page(site, rng):
    pages = sorted((site / "content/pages").glob("*.md")) if (site / "content/pages").is_dir() \
        else []
    if pages:
        rng.choice(pages).unlink()


def touch_template(site, rng):
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates/page.html").write_text(
        "{% extends 'base.html' %}{% block main %}<h1>" + str(rng.randint(1, 99)) +
        " {{ page.title }}</h1>{{ page.body|markdown(2) }}{% endblock %}", encoding="utf-8")


def change_an_attachment(site, rng):
    """Only the attachment changes: no source, so the site-wide files kept from
    the last build must still be made again."""
    (site / "content/files").mkdir(exist_ok=True)
    (site / "content/files/bieu-mau.txt").write_text("Biểu mẫu " + "x" * rng.randint(1, 40),
                                                     encoding="utf-8")


EDITS = [
    reword_a_task, flip_a_status, add_a_page, remove_a_page, touch_template, change_an_attachment,
    replace(AGENCY, "name: Văn phòng Sở", "name: Văn phòng"),
    replace(AGENCY, "name: Văn phòng\n", "name: Văn phòng Sở\n"),
    replace("site.yaml", "title: Công khai cải cách hành chính", "title: Công khai CCHC"),
    replace("site.yaml", "title: Công khai CCHC", "title: Công khai cải cách hành chính"),
    append("site.yaml", "reference_date: 30/06/2023\n"),
    replace("site.yaml", "reference_date: 30/06/2023\n", ""),
    replace(REPORT, 'received: 149', 'received: 150'),
    replace(REPORT, 'received: 150', 'received: 149'),
    replace(CATALOGUE, "processing_time: \"05 ngày", "processing_time: \"06 ngày"),
    replace(PLAN_TQ, "deadline: Tháng 12/2022", "deadline: Quý I"),
    replace(PLAN, "lead: [van-phong]", "lead: [thanh-tra]"),
    replace(REPORT, "plan: so-khcn-nghe-an-2023", "plan: so-khcn-nghe-an-2023x"),  # an error…
    replace(REPORT, "plan: so-khcn-nghe-an-2023x", "plan: so-khcn-nghe-an-2023"),  # …fixed
]


def test_a_template_added_while_serving_replaces_the_themes(site_copy, tmp_path):
    live = tmp_path / "live"
    builder = Builder(site_copy, live)
    add_a_page(site_copy, random.Random(0))
    builder.build()
    touch_template(site_copy, random.Random(5))
    builder.build()
    full = build(site_copy, tmp_path / "full")
    assert not full.problems.errors
    built = tree(tmp_path / "full")
    built.pop(".cchc-site-output")
    assert tree(live) == built


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_give_the_same_output_as_full_builds(site_copy, tmp_path, seed):
    rng = random.Random(seed)
    live = tmp_path / "live"
    builder = Builder(site_copy, live)
    assert not builder.build().problems.errors
    for step in range(12):
        edit = rng.choice(EDITS)
        edit(site_copy, rng)
        result = builder.build()
        full = tmp_path / f"full-{step}"
        expected = build(site_copy, full)
        # what the last rebuild linked and kept is reported again as a full check finds it
        assert result.problems.report() == expected.problems.report(), (seed, step, edit)
        if expected.problems.errors:
            assert result.problems.errors  # both refuse; the live folder keeps the last good site
            continue
        built = tree(full)
        built.pop(".cchc-site-output")  # the full build's marker; the live folder is the server's
        assert tree(live) == built, (seed, step, edit)


def test_an_edit_renders_only_the_pages_it_touches(site_copy, tmp_path):
    builder = Builder(site_copy, tmp_path / "live")
    first = builder.build()
    assert first.rendered == len(first.routes)
    again = builder.build()
    assert again.rendered == 0 and again.written == 0
    replace(CATALOGUE, "processing_time: \"05 ngày", "processing_time: \"06 ngày")(site_copy, None)
    edited = builder.build()
    touched = [r for r in edited.routes if r.deps is None or CATALOGUE in r.deps]
    assert edited.rendered == len(touched) < len(edited.routes) // 3
    assert {r.path for r in touched if r.deps} >= {"thu-tuc/so-khcn-thua-thien-hue/",
                                                   "co-quan/so-khcn-thua-thien-hue/"}
    assert 0 < edited.written < len(tree(tmp_path / "live")) // 10


def test_the_pages_of_the_edited_file_are_written_first(site_copy, tmp_path):
    """The editor looks at the page of the file they saved: it is written
    before the other pages the edit touches (here, the agency's and its
    units', which list the plan's tasks, come first in the site's order)."""
    builder = Builder(site_copy, tmp_path / "live")
    builder.build()
    replace(PLAN, "lead: [van-phong]", "lead: [thanh-tra]")(site_copy, None)
    edited = builder.build()
    assert not edited.problems.errors
    order = sorted(edited.written_at, key=edited.written_at.get)
    plan_pages = [name for name in order if name.startswith("ke-hoach/so-khcn-nghe-an-2023/")]
    assert order[:len(plan_pages)] == plan_pages and len(plan_pages) > 30  # plan and tasks
    assert "co-quan/so-khcn-nghe-an/index.html" in order[len(plan_pages):]


def test_parallel_and_single_process_builds_are_byte_identical(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate
    generate(tmp_path / "site", agencies=10, years=3)  # over both parallel thresholds
    assert len(list((tmp_path / "site/content").rglob("*.yaml"))) >= READ_AHEAD_FROM
    trees = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}"
        result = subprocess.run([sys.executable, "-m", "cchc_site", "build", "--site",
                                 str(tmp_path / "site"), "--output", str(out)],
                                env={**os.environ, "CCHC_SITE_WORKERS": workers},
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        trees.append(tree(out))
    assert len(trees[0]) > 1000 and trees[0] == trees[1]
    # and the dev server's: its first build on all cores, then an edit redone alone
    import cchc_site.build
    real, forks = cchc_site.build.fork_pool, []
    monkeypatch.setattr(cchc_site.build, "fork_pool",
                        lambda count: forks.append(count) or real(count))
    monkeypatch.setenv("CCHC_SITE_WORKERS", "2")
    builder = Builder(tmp_path / "site", tmp_path / "live")
    assert builder.build().rendered == len(builder.pages) > 1000
    assert forks == [2]
    trees[0].pop(".cchc-site-output")
    assert tree(tmp_path / "live") == trees[0]
    plan = next((tmp_path / "site/content/plans").glob("*.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8").replace("title: ", "title: Sửa ", 1),
                    encoding="utf-8")
    edited = builder.build()
    assert forks == [2] and 0 < edited.rendered < len(builder.pages) / 10
    assert build(tmp_path / "site", tmp_path / "full").written > 1000
    full = tree(tmp_path / "full")
    full.pop(".cchc-site-output")
    assert tree(tmp_path / "live") == full


def test_files_read_in_parallel_report_the_same_problems(tmp_path):
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate
    site = tmp_path / "site"
    generate(site, agencies=10, years=3)
    plan = site / "content/plans/so-03-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2023", "year: [2023",
                                                             1), encoding="utf-8")
    agency = site / "content/agencies/so-07.yaml"
    agency.write_text(agency.read_text(encoding="utf-8") + "thoi_han: 1\n", encoding="utf-8")
    serial, parallel = check(site, processes=1), check(site, processes=2)
    report = serial.problems.report()
    assert "content/plans/so-03-2023.yaml:2:" in report
    assert "content/agencies/so-07.yaml" in report and "thoi_han" in report
    assert parallel.problems.report() == report


def test_where_no_process_can_be_forked_the_build_is_the_same(tmp_path, monkeypatch):
    import multiprocessing
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate
    site = tmp_path / "site"
    generate(site, agencies=10, years=3)  # over both parallel thresholds
    monkeypatch.setenv("CCHC_SITE_WORKERS", "2")
    forked = build(site, tmp_path / "forked")
    assert not forked.problems.errors

    def no_fork(method):
        raise ValueError(f"cannot find context for {method!r}")  # as on Windows
    monkeypatch.setattr(multiprocessing, "get_context", no_fork)
    alone = build(site, tmp_path / "alone")
    assert alone.written == forked.written > 1000
    assert tree(tmp_path / "alone") == tree(tmp_path / "forked")
