"""A real headless Chromium (Debian's) driven by Playwright, and a local web
server for the built site, optionally under a sub-path such as /cchc/.

Nothing here skips: a missing browser is installed (tests.tools) or the
test fails with the reason.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

from .tools import require

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-default-apps", "--disable-extensions"]


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "/"):
    """Serve ``folder`` at http://127.0.0.1:PORT{prefix}; yields that base URL."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    executable = require("chromium", "chromium")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
