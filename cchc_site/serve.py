"""``cchc-site serve``: preview while editing — rebuild on save, reload the
open pages, show content errors in the browser.

A small server on the standard library rather than the ``livereload``
package: livereload rebuilt once per changed file and polled, and cannot
push a build's errors to the page.  Here watchdog reports changes, a burst of
saves gives one incremental rebuild (after a short quiet spell), and every
open tab hears about it through a Server-Sent Events stream: "reload" after a
good build, the problems after a failed one — while the last good site stays
served.  The site is built into a temporary folder that is removed on exit,
so the editor's own ``output/`` is never touched.
"""

from __future__ import annotations

import gc
import http.server
import json
import queue
import shutil
import signal
import tempfile
import threading
import time
import traceback
from pathlib import Path

from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent,
                             FileCreatedEvent, FileDeletedEvent, FileModifiedEvent,
                             FileMovedEvent, FileSystemEventHandler)
from watchdog.observers import Observer

from .build import Builder, Result
from .model import Loc
from .problems import Problems
from .render import site_root
from .vietnamese import format_number

QUIET_SECONDS = 0.3
LIVE_SCRIPT = """<script>
(function () {
  var box = null;
  var events = new EventSource("/__cchc/events");
  var notices = {
    problems: ["#a01919", "#fff8f0", "Nội dung có lỗi — trang đang hiện bản dựng tốt gần nhất.\\n" +
      "Content has errors — showing the last good build."],
    unbuilt: ["#a01919", "#fff8f0", "Nội dung có lỗi — chưa dựng được trang nào; sửa xong, trang " +
      "sẽ tự hiện.\\nContent has errors — nothing built yet; the site appears once they are fixed."],
    warnings: ["#8a5a00", "#fffbea", "Cảnh báo — 'cchc-site check --strict' (CI) sẽ không cho " +
      "xuất bản khi còn cảnh báo.\\nWarnings — 'check --strict' (CI) refuses to publish with these."]
  };
  function show(kind, text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "cchc-problems";
      box.setAttribute("role", kind === "warnings" ? "status" : "alert");
      document.body.appendChild(box);
    }
    box.className = kind === "warnings" ? kind : "problems";
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:" +
      (kind === "warnings" ? "30vh" : "60vh") + ";overflow:auto;background:" + notices[kind][1] +
      ";border-top:4px solid " + notices[kind][0] + ";padding:1rem;z-index:9999;" +
      "font:14px/1.5 system-ui,'Segoe UI',Roboto,Arial,sans-serif;white-space:pre-wrap;color:#1b1b1b";
    box.textContent = notices[kind][2] + "\\n\\n" + text;
  }
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("problems", function (event) {
    var data = JSON.parse(event.data);
    show(data.built ? "problems" : "unbuilt", data.text);
  });
  events.addEventListener("warnings", function (event) { show("warnings", JSON.parse(event.data).text); });
}());
</script>""".encode("utf-8")
NO_SITE_YET = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Chưa dựng được trang</title></head><body><main><h1>Chưa dựng được trang</h1>
<p>Nội dung có lỗi; sửa xong trang sẽ tự hiện. Content has errors; the page appears by
itself once they are fixed.</p></main></body></html>"""


class LiveSite:
    """The build state shared by the watcher, the rebuild thread and requests."""

    def __init__(self, site_dir: Path, output_dir: Path, log):
        self.builder = Builder(site_dir, output_dir)
        self.output_dir = output_dir
        self.log = log
        self.builds = 0
        self.built = False  # whether a build has succeeded yet
        self.root = "/"  # the site's sub-path from its base_url ('/cchc/'), served as well as '/'
        self.problems = ""  # the errors' report while the last build failed
        self.notice: tuple[str, str] | None = None  # the event a newly opened page is sent
        self.listeners: list[queue.Queue] = []
        self.lock = threading.Lock()
        self.changed = threading.Event()
        self.last_change = 0.0

    def rebuild(self) -> None:
        started = time.monotonic()
        try:
            result = self.builder.build()
        except OSError as exc:  # a full disk, a folder made read-only: said, the next save retried
            result = Result(Problems())
            result.problems.error(Loc(str(self.output_dir)), "", f"không ghi được bản dựng xem "
                                  f"trước: {exc.strerror} (đĩa đầy hoặc thư mục chỉ đọc?); lưu tệp "
                                  "lần nữa để dựng lại",
                                  f"could not write the preview build: {exc.strerror} (disk full "
                                  "or read-only?); save again to rebuild")
        except Exception as exc:  # cchc-site's own fault: said on the page, the next save retried
            result = Result(Problems())
            result.problems.error(Loc("cchc-site"), "", f"lỗi nội bộ của cchc-site khi dựng "
                                  f"({exc!r}); lưu tệp lần nữa để dựng lại, và xin báo lỗi kèm "
                                  "phần in ra ở cửa sổ lệnh",
                                  f"internal error of cchc-site while building ({exc!r}); save "
                                  "again to rebuild, and please report it with what the terminal "
                                  "shows")
            self.log(traceback.format_exc())
        with self.lock:
            self.builds += 1
            failed = bool(result.problems.errors)
            self.built = self.built or not failed
            if result.site is not None:
                self.root = site_root(result.site.config.base_url)
            self.problems = result.problems.report(errors_only=True) if failed else ""
            if failed:
                self.notice = ("problems", self.problems)
            elif result.problems.warnings:
                self.notice = ("warnings", result.problems.report())
            else:
                self.notice = None
            message = self._event() if failed else ("reload", "{}")
            for listener in self.listeners:
                listener.put(message)
        seconds = time.monotonic() - started
        gc.collect()  # now, while the editor looks at the page, not during the next rebuild
        if failed and not self.built:
            self.log(f"Có lỗi, chưa dựng được trang nào: sửa rồi lưu tệp, trang sẽ tự dựng lại / "
                     f"errors, nothing built yet: fix and save, the site rebuilds:\n"
                     f"{result.problems.report()}")
        elif failed:
            self.log(f"Có lỗi, vẫn phục vụ bản dựng tốt gần nhất / errors, serving the last good "
                     f"build:\n{result.problems.report()}")
        else:
            self.log(f"Đã dựng lại / rebuilt: {format_number(result.rendered)} trong "
                     f"{format_number(len(result.routes))} trang (pages), "
                     f"{format_number(result.written)} tệp ghi mới, "
                     f"{format_number(seconds, 2)} giây")
            if result.problems.warnings:
                self.log(result.problems.report())

    def _event(self) -> tuple[str, str]:
        name, text = self.notice
        return name, json.dumps({"text": text, "built": self.built}, ensure_ascii=False)

    def notice_change(self) -> None:
        self.last_change = time.monotonic()
        self.changed.set()

    def rebuild_forever(self) -> None:
        """One rebuild per burst of saves: wait for a quiet spell, then build."""
        while True:
            self.changed.wait()
            while time.monotonic() - self.last_change < QUIET_SECONDS:
                time.sleep(QUIET_SECONDS / 3)
            self.changed.clear()
            self.rebuild()

    def listen(self) -> queue.Queue:
        listener: queue.Queue = queue.Queue()
        with self.lock:
            self.listeners.append(listener)
            if self.notice:
                listener.put(self._event())
        return listener

    def forget(self, listener: queue.Queue) -> None:
        with self.lock:
            self.listeners.remove(listener)


# what a save, a new file or a removal gives; not the opening and reading of
# files (the build's own), which inotify would otherwise queue by the thousand
_EVENTS = [FileCreatedEvent, DirCreatedEvent, FileModifiedEvent, FileClosedEvent,
           FileDeletedEvent, DirDeletedEvent, FileMovedEvent, DirMovedEvent]


class _Watcher(FileSystemEventHandler):
    """Watches site.yaml, content/ and templates/ (also made or replaced while
    serving), and nothing else of the site's folder: an output/ built there
    holds thousands of folders, and a watch over them all overflows
    inotify's queue, after which watchdog walks them again, without end."""

    def __init__(self, site_dir: Path, live: LiveSite, observer):
        self.folders = [site_dir / "content", site_dir / "templates"]
        self.watched = self.folders + [site_dir / "site.yaml"]
        self.live, self.observer, self.watches = live, observer, {}
        observer.schedule(self, str(site_dir), event_filter=_EVENTS)
        for folder in self.folders:
            self._watch(folder)

    def _watch(self, folder: Path) -> None:
        if folder in self.watches:  # a folder removed and made again needs a new watch
            self.observer.unschedule(self.watches.pop(folder))
        if folder.is_dir():
            self.watches[folder] = self.observer.schedule(self, str(folder), recursive=True,
                                                          event_filter=_EVENTS)

    def on_any_event(self, event) -> None:
        paths = [Path(raw) for raw in (event.src_path, getattr(event, "dest_path", "")) if raw]
        if event.event_type in ("created", "moved") and paths[-1] in self.folders:
            self._watch(paths[-1])
        if any(path == w or w in path.parents for path in paths for w in self.watched):
            self.live.notice_change()


def _handler(live: LiveSite):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(live.output_dir), **kwargs)

        def log_message(self, *args) -> None:
            pass

        def translate_path(self, path: str) -> str:
            """The site also at its base_url's sub-path, where the 404 page's
            links (written from the root, as it is served at any address) go."""
            if live.root != "/" and path.startswith(live.root):
                path = "/" + path[len(live.root):]
            return super().translate_path(path)

        def do_GET(self) -> None:
            if self.path == "/__cchc/events":
                return self._events()
            if self.path == "/__cchc/status":
                with live.lock:
                    body = json.dumps({"builds": live.builds, "ok": not live.problems})
                return self._send(200, "application/json", body.encode("utf-8"))
            target = Path(self.translate_path(self.path))
            if target.is_dir():
                target = target / "index.html"
            if target.suffix == ".html" or not target.exists() or \
                    not any(live.output_dir.iterdir()):  # a missing file: the site's 404 page
                return self._page(target)
            return super().do_GET()

        def _page(self, target: Path) -> None:
            if target.is_file():
                status, html = 200, target.read_bytes()
            elif not (live.output_dir / "index.html").is_file():
                status, html = 200, NO_SITE_YET.encode("utf-8")
            else:
                status = 404
                missing = live.output_dir / "404.html"
                html = missing.read_bytes() if missing.is_file() else b"<p>404</p>"
            html = html.replace(b"</body>", LIVE_SCRIPT + b"</body>", 1)
            self._send(status, "text/html; charset=utf-8", html)

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            listener = live.listen()
            try:
                self.wfile.write(b": connected\n\n")
                self.wfile.flush()
                while True:
                    try:
                        name, data = listener.get(timeout=15)
                        self.wfile.write(f"event: {name}\ndata: {data}\n\n".encode("utf-8"))
                    except queue.Empty:
                        self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                live.forget(listener)

    return Handler


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt  # so a terminated server still removes its folder


def serve(site_dir: Path, host: str, port: int, log=print) -> None:
    """Serve until interrupted; the temporary build folder is removed on the way out."""
    output_dir = Path(tempfile.mkdtemp(prefix="cchc-site-serve-"))
    observer = Observer()
    signal.signal(signal.SIGTERM, _stop)
    try:
        live = LiveSite(site_dir.resolve(), output_dir, log)
        # the port first: taken, it is said at once, not after the first build
        server = http.server.ThreadingHTTPServer((host, port), _handler(live))
        server.daemon_threads = True
        live.rebuild()
        _Watcher(site_dir.resolve(), live, observer)
        observer.start()
        threading.Thread(target=live.rebuild_forever, daemon=True).start()
        shown = f"[{host}]" if ":" in host else host
        log(f"Bản dựng tạm / temporary build: {output_dir}")
        log(f"Đang phục vụ tại / serving at http://{shown}:{server.server_address[1]}/ "
            f"(Ctrl+C để dừng / to stop)")
        try:
            server.serve_forever()
        finally:
            server.server_close()
    finally:
        observer.stop()
        shutil.rmtree(output_dir, ignore_errors=True)
