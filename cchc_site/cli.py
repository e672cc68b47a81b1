"""The ``cchc-site`` command.

Exit status: 0 success, 1 content errors (or warnings under --strict),
2 wrong usage or an output folder that cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build as pipeline
from .scaffold import ScaffoldError, new_site
from .write import OutputError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_USAGE
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cchc-site",
        description="Dựng trang công khai cải cách hành chính từ YAML/Markdown. "
                    "Build administrative-reform transparency sites from YAML/Markdown.")
    commands = parser.add_subparsers(title="lệnh / commands")

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
        description="Kiểm tra toàn bộ nội dung, không ghi tệp nào. "
                    "Validates everything and writes nothing.")
    _site_options(check)
    check.set_defaults(run=_check)

    new = commands.add_parser(
        "new", help="tạo một trang mới tối thiểu (scaffold a new site)",
        description="Tạo thư mục DIR với một trang tối thiểu dựng được ngay. "
                    "Creates DIR holding a minimal site that builds as it is.")
    new.add_argument("dir", type=Path, metavar="DIR")
    new.set_defaults(run=_new)
    return parser


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site", type=Path, default=Path("."), metavar="DIR",
                        help="thư mục trang, chứa site.yaml (mặc định: thư mục hiện tại) / "
                             "site folder holding site.yaml (default: current folder)")
    parser.add_argument("--strict", action="store_true",
                        help="coi cảnh báo là lỗi / treat warnings as errors")


def _report(result: pipeline.Result, strict: bool) -> int:
    if result.problems:
        print(result.problems.report(), file=sys.stderr)
    if result.failed(strict):
        if strict and not result.problems.errors:
            print("Có cảnh báo và đang dùng --strict: dừng lại. "
                  "(Warnings under --strict: stopping.)", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK


def _check(args) -> int:
    if not (args.site / "site.yaml").is_file():
        return _usage(f"không thấy {args.site / 'site.yaml'}; dùng --site để chỉ thư mục trang",
                      f"no {args.site / 'site.yaml'}; use --site to point at the site folder")
    result = pipeline.check(args.site)
    status = _report(result, args.strict)
    if status == EXIT_OK:
        print(f"Nội dung hợp lệ: {len(result.routes)} trang. "
              f"(Content is valid: {len(result.routes)} pages.)")
    return status


def _build(args) -> int:
    if not (args.site / "site.yaml").is_file():
        return _usage(f"không thấy {args.site / 'site.yaml'}; dùng --site để chỉ thư mục trang",
                      f"no {args.site / 'site.yaml'}; use --site to point at the site folder")
    output = args.output or args.site / "output"
    try:
        result = pipeline.build(args.site, output, strict=args.strict)
    except OutputError as exc:
        print(f"lỗi/error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    status = _report(result, args.strict)
    if status != EXIT_OK:
        print(f"Không dựng được trang; {output} được giữ nguyên. "
              f"(Build failed; {output} was left as it was.)", file=sys.stderr)
        return status
    index = output.resolve() / "index.html"
    print(f"Đã dựng {result.written} tệp vào {output.resolve()}\n"
          f"Built {result.written} files into {output.resolve()}\n"
          f"Mở / open: {index}")
    return EXIT_OK


def _new(args) -> int:
    try:
        created = new_site(args.dir)
    except ScaffoldError as exc:
        return _usage(*exc.args)
    print(f"Đã tạo trang mới ở {args.dir} ({len(created)} tệp). Dựng thử: "
          f"cchc-site build --site {args.dir}\n"
          f"Created a new site in {args.dir} ({len(created)} files). "
          f"Try: cchc-site build --site {args.dir}")
    return EXIT_OK


def _usage(vi: str, en: str) -> int:
    print(f"lỗi/error: {vi}\n    {en}", file=sys.stderr)
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
