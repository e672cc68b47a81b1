"""The guide's server configurations, run on real servers (Nginx, Apache): a site under a
sub-path gets its 404 page, is never kept stale, and is sent compressed."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli
from .tools import require

GUIDE = ROOT / "docs/editor-guide.md"


def guide_block(language: str) -> str:
    [block] = re.findall(rf"```{language}\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    return block


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, gzipped: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzipped else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The example built for https://tinh.gov.vn/cchc/ and copied to a
    server's folder, readable by the server's own user."""
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "content", site / "content")
    config = (ROOT / "site.yaml").read_text(encoding="utf-8")
    (site / "site.yaml").write_text(re.sub(r"(?m)^base_url: .*$", "base_url: https://tinh.gov.vn/cchc/",
                                           config), encoding="utf-8")
    assert run_cli("build", "--site", str(site)).returncode == 0
    www = Path(tempfile.mkdtemp(prefix="cchc-www-"))  # not under pytest's folder, private to root
    os.chmod(www, 0o755)
    shutil.copytree(site / "output", www / "cchc")
    yield www
    shutil.rmtree(www)


def nginx(root: Path, www: Path, port: int) -> list[str]:
    """Nginx with the guide's block in a server of its own."""
    binary = require("nginx", "nginx-light")  # first: its mime.types comes with it
    (root / "conf").mkdir()
    shutil.copy("/etc/nginx/mime.types", root / "conf" / "mime.types")
    block = guide_block("nginx").replace("/var/www/cchc/", f"{www}/cchc/")
    (root / "conf" / "nginx.conf").write_text(
        f"daemon off;\npid {root}/nginx.pid;\nerror_log {root}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n server {{\n  listen 127.0.0.1:{port};\n{block}\n }}\n}}\n",
        encoding="utf-8")
    return [binary, "-p", str(root), "-c", str(root / "conf/nginx.conf")]


_APACHE_MODULES = ("mpm_event", "authz_core", "mime", "dir", "alias", "headers", "deflate", "filter")


def apache(root: Path, www: Path, port: int) -> list[str]:
    """Apache with the guide's lines as the site folder's .htaccess."""
    binary = require("apache2", "apache2")
    (www / "cchc" / ".htaccess").write_text(guide_block("apache"), encoding="utf-8")
    modules = "".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so\n"
                      for name in _APACHE_MODULES)
    (root / "apache2.conf").write_text(
        f"ServerRoot {root}\nServerName localhost\nListen 127.0.0.1:{port}\n"
        f"PidFile {root}/apache.pid\nErrorLog {root}/error.log\n{modules}"
        "User nobody\nGroup nogroup\nTypesConfig /etc/mime.types\n"
        f"DocumentRoot {www}\nDirectoryIndex index.html\n"
        f"<Directory {www}>\n AllowOverride All\n Require all granted\n</Directory>\n",
        encoding="utf-8")
    return [binary, "-X", "-f", str(root / "apache2.conf")]


@pytest.fixture(scope="module", params=[nginx, apache], ids=["nginx", "apache"])
def served(request, published, tmp_path_factory):
    """The site served by each server the guide configures, at /cchc/."""
    root, port = tmp_path_factory.mktemp(request.param.__name__), free_port()
    command = request.param(root, published, port)
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/cchc/"
    for _ in range(200):
        try:
            urllib.request.urlopen(base, timeout=1)
            break
        except urllib.error.HTTPError as error:
            pytest.fail(f"{command[0]} answered {error.code}: {(root / 'error.log').read_text()}")
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"{command[0]} refused the guide's configuration: {server.stderr.read()}")
            time.sleep(0.05)
    yield base, published / "cchc"
    server.terminate()
    server.wait(timeout=10)
    (published / "cchc" / ".htaccess").unlink(missing_ok=True)


def test_a_missing_address_under_the_sub_path_gets_the_sites_404_page_styled(served):
    base, www = served
    status, _, body = fetch(base + "khong-co-trang-nay")
    assert status == 404
    assert body == (www / "404.html").read_bytes()
    css = re.search(rb'<link rel="stylesheet" href="([^"]+)"', body).group(1).decode()
    assert css.startswith("/cchc/") and fetch(f"{base}{css.removeprefix('/cchc/')}")[0] == 200


def test_every_page_and_file_is_revalidated_so_no_visitor_sees_an_old_one(served):
    base, _ = served
    for path in ("", "search-index.js", "static/style.css", "du-lieu/nhiem-vu.csv"):
        status, headers, _ = fetch(base + path)
        assert status == 200 and headers["Cache-Control"] == "no-cache", path


_XML, _JS = ("text/xml", "application/xml"), ("application/javascript", "text/javascript")


@pytest.mark.parametrize("path, kinds", [
    ("index.html", ("text/html",)), ("static/style.css", ("text/css",)),
    ("search-index.js", _JS), ("static/search.js", _JS), ("datapackage.json", ("application/json",)),
    ("du-lieu/nhiem-vu.csv", ("text/csv",)), ("sitemap.xml", _XML), ("feed.xml", _XML),
    ("static/favicon.svg", ("image/svg+xml",)), ("robots.txt", ("text/plain",))])
def test_every_text_file_is_sent_compressed_with_its_type(served, path, kinds):
    base, www = served
    status, headers, body = fetch(base + path, gzipped=True)
    assert status == 200 and headers["Content-Type"].split(";")[0] in kinds
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == (www / path).read_bytes()


def test_the_guides_copy_command_keeps_the_servers_own_files(tmp_path):
    """rsync --delete removes what the new build lacks, but not the server's
    .htaccess or web.config, and leaves out the builder's list of its files."""
    rsync = require("rsync", "rsync")
    command = re.search(r"```sh\n(rsync .*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    words = command.group(1).replace("\\\n", " ").split()
    built, server = tmp_path / "trang-cchc", tmp_path / "server"
    for folder in (built, server):
        folder.mkdir()
    (built / "index.html").write_text("mới", encoding="utf-8")
    (built / ".cchc-site-output").write_text("index.html\n", encoding="utf-8")
    for name in (".htaccess", "web.config", "cu.html"):
        (server / name).write_text("của máy chủ", encoding="utf-8")
    options = [word for word in words[1:] if word.startswith("-")]
    subprocess.run([rsync, *options, f"{built}/", f"{server}/"], check=True)
    assert sorted(p.name for p in server.iterdir()) == [".htaccess", "index.html", "web.config"]
