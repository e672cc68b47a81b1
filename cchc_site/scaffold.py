"""``cchc-site new``: a minimal site that builds as it is.

The files are short on purpose and commented in Vietnamese: an editor
replaces the sample values with the department's own.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .schema import vscode_settings, write_schemas

SCHEMA_FOLDER = "schemas"
CI_TEMPLATES = Path(__file__).parent / "ci"

FILES = {
    "site.yaml": """\
# Cấu hình chung của trang. Các trường được giải thích trong hướng dẫn của cchc-site
# (mục "Viết nội dung" và "Tham chiếu trường").
title: Công khai cải cách hành chính
base_url: https://example.gov.vn/cchc/
language: vi
# reference_date: 31/12/2024   # ngày mốc tính tiến độ (bỏ trống: ngày báo cáo mới nhất)
# license: CC-BY-4.0          # giấy phép dùng lại dữ liệu mở, do cơ quan chọn
# extra: {duong_day_nong: "0233 3 852 123"}   # thông tin riêng cho mẫu giao diện (chân trang…)
""",
    ".gitignore": "output/\n.output.staging/\npublic/\n.public.staging/\n"  # public/: GitLab Pages
                  "gl-code-quality-report.json\n",  # what the GitLab check job writes
    "content/agencies/co-quan-mau.yaml": """\
# Một cơ quan và các phòng, đơn vị của nó. Tên tệp (co-quan-mau) là mã cơ quan.
# Đây là cơ quan mẫu: khi đã thêm cơ quan thật, hãy xóa tệp này và kế hoạch mẫu.
sample: true
name: Sở Mẫu tỉnh Mẫu
short_name: Sở Mẫu
province: Mẫu
units:
  - id: van-phong
    name: Văn phòng Sở
    kind: van-phong
  - id: phong-chuyen-mon
    name: Các phòng chuyên môn
    kind: nhom
""",
    "content/plans/co-quan-mau-2024.yaml": """\
# Kế hoạch CCHC năm. Tên tệp (co-quan-mau-2024) là mã kế hoạch.
agency: co-quan-mau
year: 2024
number: "01/KH-SM"
date: "15/01/2024"
title: Kế hoạch cải cách hành chính năm 2024
objectives:
  - number: "1"
    text: Nâng cao chất lượng giải quyết thủ tục hành chính.
areas:
  - number: "I"
    title: Cải cách thủ tục hành chính
    standard: thu-tuc-hanh-chinh
    tasks:
      - number: "1"
        task: Rà soát, đơn giản hóa thủ tục hành chính
        product: Báo cáo
        lead: [van-phong]
        support: [phong-chuyen-mon]
        deadline: Quý II
""",
    ".pre-commit-config.yaml": """\
# Kiểm tra nội dung trước mỗi lần commit, bằng cchc-site đã cài trên máy này (cùng bản CI dùng:
# pip install -r requirements.txt). Bật một lần: pip install pre-commit && pre-commit install
# Checks the content before each commit with the cchc-site installed here (the one CI uses:
# pip install -r requirements.txt). Turn it on once: pip install pre-commit && pre-commit install
repos:
  - repo: local
    hooks:
      - id: cchc-site-check
        name: cchc-site check --strict
        entry: cchc-site check --strict
        language: system
        pass_filenames: false
        files: ^(content/|site\\.yaml$|templates/)
""",
    "content/pages/gioi-thieu.md": """\
---
title: Giới thiệu
sample: true
---
Trang này công khai kế hoạch và kết quả cải cách hành chính của Sở Mẫu.
""",
}


class ScaffoldError(Exception):
    """Raised with (Vietnamese, English) messages."""


def new_site(target: Path) -> list[Path]:
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target} là một tệp, không phải thư mục; hãy chọn tên khác",
                            f"{target} is a file, not a folder; choose another name")
    if target.is_dir() and any(target.iterdir()):
        raise ScaffoldError(f"{target} đã có và không trống; hãy chọn một thư mục mới",
                            f"{target} exists and is not empty; choose a new folder")
    created = []
    for rel, text in FILES.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(path)
    return created + install_schemas(target) + install_ci(target)


def install_ci(site_dir: Path) -> list[Path]:
    """Ready-made CI for GitHub and GitLab, and the pinned install they use."""
    from importlib import metadata
    written = []
    for source, target in (("github-actions.yml", ".github/workflows/cchc-site.yml"),
                           ("gitlab-ci.yml", ".gitlab-ci.yml")):
        path = site_dir / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((CI_TEMPLATES / source).read_bytes())
        written.append(path)
    requirements = site_dir / "requirements.txt"
    requirements.write_text(requirements_text(metadata.version("cchc-site"), _direct_url()),
                            encoding="utf-8")
    return written + [requirements]


def _direct_url() -> str | None:
    """Where pip installed this cchc-site from (PEP 610), if not from an index."""
    from importlib import metadata
    return metadata.distribution("cchc-site").read_text("direct_url.json")


def enclosing_repository(site_dir: Path) -> Path | None:
    """The git repository a new site is made inside of, if any: GitHub and
    GitLab read CI files only at a repository's root."""
    return next((folder for folder in site_dir.resolve().parents if (folder / ".git").exists()),
                None)


# what requirements.txt says when it is not known where CI can get cchc-site: an address
# that can never resolve (.invalid, RFC 2606), so CI stops at the install step pointing at
# the file, rather than install whatever a package index may hold under the name
TO_FILL = "cchc-site @ git+https://dia-chi-kho-cchc-site.invalid/cchc-site.git@ma-commit"


def install_note(pin: str) -> str:
    """What ``new`` says of requirements.txt's last line ``pin``: nothing when
    it names a commit or an archive CI can fetch; else where CI will look for it."""
    if pin == TO_FILL:
        folder = local_folder(_direct_url())
        origin, commit = (_origin(folder), _git(folder, "rev-parse", "HEAD")) if folder else ("", "")
        if origin and commit:
            return (f"Chú ý: cchc-site được cài từ bản sao {folder}, nhưng commit {commit[:10]} "
                    f"chưa có trên origin ({origin}), nên CI chưa lấy được; dòng cuối của "
                    "requirements.txt đang là chỗ trống để điền. Hãy push commit ấy rồi chạy lại "
                    "'cchc-site new', hoặc sửa dòng cuối trước lần push đầu tiên.\n"
                    f"Warning: cchc-site was installed from the clone {folder}, but its commit "
                    f"{commit[:10]} is not on origin ({origin}) yet, so CI cannot fetch it; "
                    "requirements.txt's last line is a placeholder. Push that commit and run "
                    "'cchc-site new' again, or fill the line in before the first push.")
        return (f"Chú ý: cchc-site được cài từ thư mục {folder} trên máy này, nơi CI không lấy "
                "được; dòng cuối của requirements.txt đang là chỗ trống để điền. Trước lần push "
                "đầu tiên, hãy sửa nó thành địa chỉ git của cchc-site (cchc-site @ "
                "git+https://…@<mã commit hay thẻ>); chưa sửa thì CI dừng ở bước cài đặt.\n"
                f"Warning: cchc-site was installed from the folder {folder} on this machine, "
                "which CI cannot reach; requirements.txt's last line is a placeholder. Before "
                "the first push, change it to cchc-site's git address (cchc-site @ "
                "git+https://…@<commit or tag>); until then CI stops at its install step.")
    folder = local_folder(_direct_url())
    ssh = folder and _ssh_origin(_git(folder, "remote", "get-url", "origin"))
    if ssh and pin.startswith("cchc-site @ git+https://"):
        address = pin.removeprefix("cchc-site @ git+").rsplit("@", 1)[0]
        return (f"Lưu ý: origin của bản sao {folder} là địa chỉ SSH ({ssh[0]}), mà máy chạy CI "
                "không có khóa để dùng; requirements.txt ghi cùng kho ấy qua https "
                f"({address}). Nếu máy chủ git không cho tải qua https, hãy sửa dòng cuối của "
                "tệp đó trước lần push đầu tiên.\n"
                f"Note: the origin of the clone {folder} is an SSH address ({ssh[0]}), which a "
                "CI runner has no key for; requirements.txt names the same repository over "
                f"https ({address}). If the git server does not serve it over https, change "
                "that file's last line before the first push.")
    if not pin.startswith("cchc-site=="):
        return ""
    return (f"Lưu ý: CI sẽ cài {pin} từ chỉ số gói (PyPI) theo requirements.txt. Nếu tỉnh lấy "
            "cchc-site từ kho git riêng, hãy sửa dòng cuối của tệp đó trước lần push đầu tiên.\n"
            f"Note: CI will install {pin} from the package index (requirements.txt); if your "
            "province gets cchc-site from its own git repository, change that file's last line "
            "before the first push.")


def requirements_text(version: str, direct_url: str | None) -> str:
    """requirements.txt: what CI installs (see requirement), and how to change it."""
    pin = requirement(version, direct_url)
    if pin == TO_FILL:
        return ("# Nơi CI lấy cchc-site để dựng trang: CHƯA ĐIỀN. cchc-site được cài từ một thư mục\n"
                "# trên máy tạo trang, nơi CI không lấy được. Thay dòng cuối bằng địa chỉ git của\n"
                f"# cchc-site và một commit hay thẻ, ví dụ: cchc-site @ git+https://…@v{version}\n"
                "# Where CI gets cchc-site: NOT FILLED IN (it was installed from a folder CI cannot\n"
                f"# reach). Put its git address and a commit or tag on the last line.\n{pin}\n")
    if pin.startswith("cchc-site=="):
        return ("# Phiên bản cchc-site mà CI dùng để dựng trang. Nếu chỉ số gói (PyPI) của bạn không\n"
                "# có cchc-site, thay dòng cuối bằng nơi lấy mã nguồn, ví dụ:\n"
                f"#   cchc-site @ git+https://<địa chỉ kho mã cchc-site>@v{version}\n"
                "# The cchc-site version CI builds with; if your package index lacks it, point the\n"
                f"# last line at the source (a git URL or a wheel file).\n{pin}\n")
    if not pin.startswith("cchc-site @ git+"):
        return ("# cchc-site mà CI dùng để dựng trang: đúng tệp gói đã cài khi tạo trang. Muốn\n"
                "# nâng cấp, thay địa chỉ tệp. The cchc-site CI builds with: the archive it was\n"
                f"# installed from when this site was made; to upgrade, change the address.\n{pin}\n")
    return ("# cchc-site mà CI dùng để dựng trang: đúng commit của kho git đã cài khi tạo trang.\n"
            f"# Muốn nâng cấp, thay mã commit sau '@' (hay một thẻ phiên bản, như @v{version}).\n"
            "# The cchc-site CI builds with: the commit of the git repository it was installed\n"
            "# from when this site was made; to upgrade, change what follows '@' (a commit or a tag).\n"
            f"{pin}\n")


_NETWORK = ("https://", "http://", "ssh://", "git://")  # what a CI runner can fetch, not file://


def requirement(version: str, direct_url: str | None) -> str:
    """What CI installs: the commit of the git repository this cchc-site was
    installed from, when pip recorded one (PEP 610's direct_url.json) or when
    it was installed from a clone of one (``pip install .``, as the README
    says) whose commit its origin has, since a department's CI can fetch it
    where a package index may lack cchc-site; the archive it was installed
    from, on a server; TO_FILL when it came from a folder CI cannot reach;
    otherwise (from a package index) this version from the index."""
    source = _source(direct_url)
    vcs, url = source.get("vcs_info") or {}, source.get("url", "")
    part = f"#subdirectory={source['subdirectory']}" if source.get("subdirectory") else ""
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and url.startswith(_NETWORK):
        return f"cchc-site @ git+{url}@{vcs['commit_id']}{part}"
    if source.get("archive_info") is not None and url.startswith(_NETWORK):
        return f"cchc-site @ {url}"  # a wheel or source archive on a server
    folder = local_folder(direct_url)
    if folder:
        clone = _clone_origin(folder)
        return "cchc-site @ git+{}@{}{}".format(*clone) if clone else TO_FILL
    return f"cchc-site=={version}"  # installed from a package index


def _source(direct_url: str | None) -> dict:
    try:
        source = json.loads(direct_url) if direct_url else {}
    except ValueError:
        return {}
    return source if isinstance(source, dict) else {}


def local_folder(direct_url: str | None) -> Path | None:
    """The folder on this machine cchc-site was installed from, if it was."""
    url = _source(direct_url).get("url", "")
    if not url.startswith("file://"):
        return None
    return Path(url2pathname(urlsplit(url).path))


def _git(folder: Path, *args: str) -> str:
    """What git says in ``folder`` ('' when it fails or there is no git)."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


_SSH = (re.compile(r"[\w.-]+@(?P<host>[\w.-]+):(?!/)(?P<path>.+)"),  # git@host:owner/repo.git
        re.compile(r"ssh://(?:[\w.-]+@)?(?P<host>[\w.-]+)(?::\d+)?/(?P<path>.+)"))


def _origin(folder: Path) -> str:
    """The clone's origin as an address a CI runner can fetch ('' if none):
    an SSH address as the same repository over https, since a runner holds
    no SSH key (GitHub's and GitLab's serve both; install_note says so)."""
    url = _git(folder, "remote", "get-url", "origin")
    ssh = _ssh_origin(url)
    url = f"https://{ssh['host']}/{ssh['path']}" if ssh else url
    return url if url.startswith(_NETWORK) else ""


def _ssh_origin(url: str) -> re.Match | None:
    return next((found for pattern in _SSH if (found := pattern.fullmatch(url))), None)


def _clone_origin(folder: Path) -> tuple[str, str, str] | None:
    """(address, commit, '#subdirectory=…' or '') of the git clone at
    ``folder``, when CI can fetch that commit: its origin is on the network
    and the commit is on one of origin's branches (pushed)."""
    url, commit, top = _origin(folder), _git(folder, "rev-parse", "HEAD"), \
        _git(folder, "rev-parse", "--show-toplevel")
    if not (url and commit and top and _git(folder, "branch", "-r", "--contains", commit)):
        return None
    inside = folder.resolve().relative_to(Path(top).resolve()).as_posix()
    return url, commit, "" if inside == "." else f"#subdirectory={inside}"


def install_schemas(site_dir: Path) -> list[Path]:
    """schemas/*.schema.json and .vscode/settings.json, so VS Code completes
    and checks the site's YAML as it is typed."""
    written = write_schemas(site_dir / SCHEMA_FOLDER)
    settings = site_dir / ".vscode" / "settings.json"
    settings.parent.mkdir(exist_ok=True)
    current = json.loads(settings.read_text(encoding="utf-8")) if settings.is_file() else {}
    current.update(vscode_settings(SCHEMA_FOLDER))
    settings.write_text(json.dumps(current, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    return written + [settings]
