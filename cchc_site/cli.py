"""The ``cchc-site`` command.

Exit status: 0 success, 1 content errors (or warnings under --strict),
2 wrong usage or an output folder that cannot be used.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

from . import build as pipeline
from .labels import PERIOD_WORDS, PERIODS, period_words
from .problems import Problem, github_annotation, gitlab_report
from .processes import workers
from .write import OutputError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors said in Vietnamese as well."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"lỗi/error: dùng lệnh chưa đúng — xem '{self.prog} --help'\n"
                              f"    {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_USAGE
    return args.run(args)


def run() -> None:
    """The console command: ``main``'s exit status, once what it printed is
    flushed, without Python freeing the built site object by object on the
    way out (a quarter of a second for a province)."""
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


class _Version(argparse.Action):
    """``--version``, looked up only when asked for."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib import metadata
        print(f"cchc-site {metadata.version('cchc-site')}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cchc-site",
        description="Dựng trang công khai cải cách hành chính từ YAML/Markdown. "
                    "Build administrative-reform transparency sites from YAML/Markdown.")
    parser.add_argument("--version", action=_Version, help="in số phiên bản / show the version")
    commands = parser.add_subparsers(title="lệnh / commands", parser_class=_Parser)

    build = commands.add_parser(
        "build", help="dựng trang vào output/ (build the site)",
        description="Kiểm tra nội dung rồi dựng trang vào DIR/output/. "
                    "Checks the content, then writes the site to DIR/output/.")
    _site_options(build)
    build.add_argument("--output", type=Path, metavar="DIR",
                       help="thư mục xuất (mặc định: SITE/output) / output folder")
    build.set_defaults(run=_build)

    check = commands.add_parser(
        "check", help="chỉ kiểm tra, không ghi gì (validate only)",
        description="Kiểm tra toàn bộ nội dung, không ghi tệp nào; nếu trang có thư mục "
                    "templates/ riêng thì dựng thử mọi trang để tìm lỗi mẫu. "
                    "Validates everything and writes nothing; with templates/ of the site's "
                    "own, renders every page to find template errors.")
    _site_options(check)
    check.set_defaults(run=_check)

    new = commands.add_parser(
        "new", help="tạo một trang mới tối thiểu (scaffold a new site)",
        description="Tạo thư mục DIR với một trang tối thiểu dựng được ngay. "
                    "Creates DIR holding a minimal site that builds as it is.")
    new.add_argument("dir", type=Path, metavar="DIR")
    new.set_defaults(run=_new)

    report = commands.add_parser(
        "report", help="bắt đầu báo cáo kỳ mới của một kế hoạch (start the next report)",
        description="Tạo bản nháp báo cáo có sẵn mọi nhiệm vụ và chỉ tiêu của kế hoạch, kèm điều "
                    "báo cáo kỳ trước đã nói. Writes a report draft listing every task and target "
                    "of the plan, with what the previous report said.")
    report.add_argument("plan", metavar="PLAN", help="mã kế hoạch / plan id")
    report.add_argument("--period", required=True, type=_period, metavar="|".join(PERIODS),
                        help="kỳ báo cáo (quy-2 là 6-thang…) / period")
    report.add_argument("--year", type=int, help="năm (mặc định: năm của kế hoạch) / year")
    report.add_argument("--out", type=Path, metavar="FILE",
                        help="tệp sẽ ghi (mặc định: content/reports/PLAN-PERIOD.yaml)")
    report.add_argument("--force", action="store_true", help="ghi đè tệp đã có / overwrite")
    _site_argument(report)
    report.set_defaults(run=_report_draft)

    imported = commands.add_parser(
        "import", help="chuyển kế hoạch/báo cáo Word, Excel, văn bản thành nội dung (import)",
        description="Đọc tệp .docx, .xlsx hoặc .txt của một kế hoạch hay báo cáo và ghi bản nháp "
                    "YAML. Reads a plan or report from .docx, .xlsx or .txt and writes a draft.")
    imported.add_argument("file", type=Path, metavar="FILE")
    imported.add_argument("--agency", default="", metavar="ID",
                          help="mã cơ quan, để nhận ra tên các đơn vị / agency id")
    imported.add_argument("--kind", choices=["plan", "report"], default="plan",
                          help="kế hoạch (plan) hay báo cáo (report)")
    imported.add_argument("--plan", default="", metavar="ID", help="với báo cáo: mã kế hoạch")
    imported.add_argument("--period", type=_period, metavar="|".join(PERIODS), default=None,
                          help="với báo cáo: kỳ báo cáo (mặc định: theo tên báo cáo) / report "
                               "period (default: from its title)")
    imported.add_argument("--out", type=Path, metavar="PATH", help="tệp sẽ ghi / draft file")
    imported.add_argument("--force", action="store_true", help="ghi đè tệp đã có / overwrite")
    _site_argument(imported)
    imported.set_defaults(run=_import)

    serve_cmd = commands.add_parser(
        "serve", help="xem trước, tự dựng lại khi lưu (live preview)",
        description="Dựng trang, phục vụ tại máy này, tự dựng lại và tải lại trình duyệt mỗi "
                    "khi lưu tệp; lỗi nội dung hiện ngay trên trang. Builds, serves, rebuilds "
                    "and reloads the browser on save; content errors show in the page.")
    _site_argument(serve_cmd)
    serve_cmd.add_argument("--port", type=int, default=8000,
                           help="cổng (mặc định 8000; 0: cổng trống bất kỳ) / port")
    serve_cmd.add_argument("--host", default="127.0.0.1",
                           help="địa chỉ lắng nghe (mặc định chỉ máy này, 127.0.0.1) / address")
    serve_cmd.set_defaults(run=_serve)

    schemas = commands.add_parser(
        "schema", help="ghi JSON Schema cho trình soạn thảo (write JSON Schemas for editors)",
        description="Ghi JSON Schema của từng loại tệp nội dung và cấu hình VS Code dùng chúng. "
                    "Writes the JSON Schemas of each kind of content file and the VS Code "
                    "settings that use them.")
    _site_argument(schemas)
    schemas.set_defaults(run=_schemas)
    return parser


def _period(value: str) -> str:
    """A reporting period as written on the command line: its key, or as
    titles name it ('quy-2' is the half-year's report, 6-thang)."""
    if value in PERIODS:
        return value
    words = period_words(value)
    if words:
        return PERIOD_WORDS[words]
    raise argparse.ArgumentTypeError(
        f"kỳ '{value}' không có; chỉ nhận: {', '.join(PERIODS)} (báo cáo quý II là 6-thang, quý "
        f"III là 9-thang, quý IV là nam) / no period '{value}'; expected one of: "
        f"{', '.join(PERIODS)}")


def _site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, default=None, metavar="DIR",
                        help="thư mục trang, chứa site.yaml (mặc định: thư mục hiện tại hoặc "
                             "thư mục cha gần nhất có site.yaml) / site folder holding site.yaml "
                             "(default: the current folder or the nearest parent with one)")


def _site_options(parser: argparse.ArgumentParser) -> None:
    _site_argument(parser)
    parser.add_argument("--strict", action="store_true",
                        help="coi cảnh báo là lỗi / treat warnings as errors")
    parser.add_argument("--format", choices=["text", "github", "gitlab"], default="text",
                        help="'github': thêm chú thích GitHub Actions (::error file=…) để lỗi "
                             "hiện ngay trên dòng trong pull request; 'gitlab': in báo cáo Code "
                             "Quality (JSON) cho merge request / also print GitHub Actions "
                             "annotations, or GitLab's Code Quality report, on standard output")


def _report(result: pipeline.Result, args, site: Path) -> int:
    strict = args.strict
    if result.problems:
        print(result.problems.report(), file=sys.stderr)
        if args.format == "github":
            folder = _from_workspace(site)
            for problem in sorted(result.problems, key=Problem.sort_key):
                print(github_annotation(problem, strict, folder))
    if args.format == "gitlab":  # the report file, even when empty
        print(gitlab_report(result.problems, strict, _from_workspace(site)))
    if result.failed(strict):
        if strict and not result.problems.errors:
            print("Có cảnh báo và đang dùng --strict: dừng lại. "
                  "(Warnings under --strict: stopping.)", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK


def _from_workspace(site: Path) -> str:
    """The site's folder from the root of the repository CI checked out
    (GITHUB_WORKSPACE, CI_PROJECT_DIR on GitLab; elsewhere the git
    repository holding the site, else the current folder): '' at the root,
    'so-tu-phap' for a site in that folder of a province's repository; the
    absolute path for a site outside it."""
    site = site.resolve()
    checkout = os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR")
    root = Path(checkout).resolve() if checkout else next(
        (folder for folder in (site, *site.parents) if (folder / ".git").exists()),
        Path.cwd().resolve())
    try:
        inside = site.relative_to(root)
    except ValueError:
        return site.as_posix()
    return "" if inside == Path() else inside.as_posix()


def _find_site(given: Path | None) -> Path | None:
    """--site, or the current folder, or the nearest parent holding site.yaml
    (so 'check' works from inside content/plans)."""
    if given is not None:
        return given if (given / "site.yaml").is_file() else None
    here = Path.cwd()
    return next((d for d in (here, *here.parents) if (d / "site.yaml").is_file()), None)


def _no_site(given: Path | None) -> int:
    if given is None:
        where = (f"{Path.cwd()} (hay thư mục cha nào); dùng --site để chỉ thư mục trang",
                 f"{Path.cwd()} (or any parent); use --site to point at the site folder")
    else:  # looked in that folder only
        gone = ("", "") if given.is_dir() else (" (thư mục này không có)", " (no such folder)")
        where = (f"{given}{gone[0]}; --site phải chỉ thư mục có site.yaml",
                 f"{given}{gone[1]}; --site must name the folder holding site.yaml")
    return _usage(f"không thấy site.yaml trong {where[0]}, hoặc chạy 'cchc-site new THU_MUC' "
                  "để tạo trang mới",
                  f"no site.yaml in {where[1]}, or run 'cchc-site new DIR' to start one")


def _in_site(command):
    """A command that works on a site: given the site folder found from --site
    (or the current folder), or stopped with a usage error when there is none."""
    @functools.wraps(command)
    def run(args) -> int:
        site = _find_site(args.site)
        return _no_site(args.site) if site is None else command(args, site)
    return run


@_in_site
def _check(args, site: Path) -> int:
    result = pipeline.check(site, processes=workers())
    pipeline.check_templates(site, result)
    status = _report(result, args, site)
    if status == EXIT_OK:
        print(f"Nội dung hợp lệ: {len(result.routes)} trang. "
              f"(Content is valid: {len(result.routes)} pages.)", file=_said(args))
    return status


@_in_site
def _build(args, site: Path) -> int:
    output = args.output or site / "output"
    if args.output and not args.output.resolve().parent.is_dir():
        return _usage(f"thư mục {args.output.resolve().parent} chưa có; hãy kiểm tra đường dẫn "
                      "--output (cchc-site chỉ tạo thư mục cuối cùng)",
                      f"{args.output.resolve().parent} does not exist; check the --output path "
                      "(cchc-site creates only the last folder)")
    try:
        result = pipeline.build(site, output, strict=args.strict)
    except OutputError as exc:
        print(f"lỗi/error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    status = _report(result, args, site)
    if status != EXIT_OK:
        print(f"Không dựng được trang; {output} được giữ nguyên. "
              f"(Build failed; {output} was left as it was.)", file=sys.stderr)
        return status
    index = output.resolve() / "index.html"
    print(f"Đã dựng {result.written} tệp vào {output.resolve()}\n"
          f"Built {result.written} files into {output.resolve()}\n"
          f"Mở / open: {index}", file=_said(args))
    return EXIT_OK


def _said(args):
    """Where a command's closing words go: standard output, unless that holds
    the GitLab report, which must be JSON alone."""
    return sys.stderr if args.format == "gitlab" else sys.stdout


def _new(args) -> int:
    from .scaffold import ScaffoldError, enclosing_repository, install_note, new_site
    try:
        created = new_site(args.dir)
    except ScaffoldError as exc:
        return _usage(*exc.args)
    print(f"Đã tạo trang mới ở {args.dir} ({len(created)} tệp). Dựng thử: "
          f"cchc-site build --site {args.dir}\n"
          f"Created a new site in {args.dir} ({len(created)} files). "
          f"Try: cchc-site build --site {args.dir}")
    note = install_note((args.dir / "requirements.txt").read_text(encoding="utf-8")
                        .splitlines()[-1])
    if note:
        print(note)
    repository = enclosing_repository(args.dir)
    if repository:
        print(f"Chú ý: trang nằm trong kho git {repository}. GitHub, GitLab và pre-commit chỉ "
              "đọc tệp cấu hình ở gốc kho: hãy chuyển .github/, .gitlab-ci.yml và "
              ".pre-commit-config.yaml lên đó và sửa các đường dẫn trong chúng (xem mục CI của "
              "hướng dẫn).\n"
              f"Warning: the site is inside the git repository {repository}. GitHub, GitLab and "
              "pre-commit read their files only at a repository's root: move .github/, "
              ".gitlab-ci.yml and .pre-commit-config.yaml there and adjust the paths in them "
              "(see the guide's CI section).")
    else:
        print(f"Tiếp theo, để CI và pre-commit chạy được, biến trang thành một kho git: cd "
              f"{args.dir} && git init && git add . && git commit -m \"Trang CCHC\" (rồi đưa lên "
              "GitHub hay GitLab, xem mục CI của hướng dẫn).\n"
              f"Next, make the site a git repository, for CI and pre-commit: cd {args.dir} && "
              "git init && git add . && git commit -m \"Trang CCHC\" (then push it to GitHub or "
              "GitLab: see the guide's CI section).")
    return EXIT_OK


@_in_site
def _report_draft(args, site_dir: Path) -> int:
    from .report_scaffold import ScaffoldError as DraftError
    from .report_scaffold import draft_report, write_draft
    result = pipeline.check(site_dir)
    if result.problems.errors:
        print(result.problems.report(), file=sys.stderr)
        return EXIT_CONTENT
    target = args.out or site_dir / "content" / "reports" / f"{args.plan}-{args.period}.yaml"
    try:
        text = draft_report(result.site, args.plan, args.period, args.year)
        write_draft(text, target, args.force)
    except DraftError as exc:
        return _usage(*exc.args)
    print(f"Đã tạo bản nháp báo cáo {target}. Điền tình trạng từng nhiệm vụ rồi chạy "
          f"'cchc-site check'.\nWrote the report draft {target}.")
    return EXIT_OK


def _import(args) -> int:
    from .import_cli import TARGETS_NOT_IMPORTED, import_document
    from .import_read import UnreadableDocument
    from .report_scaffold import ScaffoldError as DraftError
    from .report_scaffold import write_draft
    site_dir = _find_site(args.site)
    try:
        text, target, draft = import_document(args, site_dir)
        write_draft(text, target, args.force)
    except (UnreadableDocument, DraftError) as exc:
        return _usage(*exc.args)
    for where, what in draft.unplaced:
        print(f"{args.file}: {where}: cảnh báo/warning: không xếp được vào đâu, hãy chép tay: "
              f"{what}\n    could not be placed, copy it by hand", file=sys.stderr)
    for where, vi, en in draft.notes:
        print(f"{args.file}: {where + ': ' if where else ''}lưu ý/note: {vi}\n    {en}",
              file=sys.stderr)
    if args.kind != "report":
        print("Lưu ý/note: " + "\n    ".join(TARGETS_NOT_IMPORTED), file=sys.stderr)
    print(f"Đã ghi bản nháp {target}; chạy 'cchc-site check' để soát.\n"
          f"Wrote the draft {target}; run 'cchc-site check' to review it.")
    return EXIT_OK


@_in_site
def _serve(args, site_dir: Path) -> int:
    from .serve import serve
    try:
        serve(site_dir, args.host, args.port, log=lambda text: print(text, flush=True))
    except OSError as exc:
        return _usage(f"không mở được cổng {args.port} trên {args.host}: {exc.strerror}; thử "
                      "--port khác", f"cannot listen on {args.host}:{args.port}: {exc.strerror}; "
                      "try another --port")
    except KeyboardInterrupt:
        print("Đã dừng. / Stopped.")
    return EXIT_OK


@_in_site
def _schemas(args, site_dir: Path) -> int:
    from .scaffold import install_schemas
    written = install_schemas(site_dir)
    print("\n".join(str(path) for path in written))
    print("Mở thư mục trang bằng VS Code (có tiện ích YAML của Red Hat) để được gợi ý và kiểm tra "
          "khi gõ.\nOpen the site folder in VS Code with Red Hat's YAML extension.")
    return EXIT_OK


def _usage(vi: str, en: str) -> int:
    print(f"lỗi/error: {vi}\n    {en}", file=sys.stderr)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
