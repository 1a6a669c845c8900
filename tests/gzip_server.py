"""A built site served on 127.0.0.1 as a static host serves it: gzip for text, index.html for folders.

Python's http.server compresses nothing, so the bytes a browser receives from it are not the bytes a
reader receives from a real host. This server compresses the text types (``COMPRESSIBLE``: HTML,
CSS, JS, JSON, XML, SVG, plain text, source maps) with gzip when the request's Accept-Encoding admits
it, lets them be cached for ten minutes, answers a folder without its slash with a redirect and a
missing file with the site's 404.html (or a bare 404). The benchmark of the site and the browser
tests serve their builds with it.

    with serve(Path("site")) as server:
        print(server.url)  # http://127.0.0.1:PORT/

Run it alone to look at a build: ``python tests/gzip_server.py site [PORT]``.
"""

from __future__ import annotations

import argparse
import gzip
import html
import mimetypes
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Content types as a static host sends them; the text types are the ones compressed.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".gz": "application/gzip",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
}
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript", "image/svg+xml")
GZIP_LEVEL = 6  # zlib's default, which Apache's mod_deflate uses (nginx defaults to 1, many hosts set 5-6)


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def is_compressible(ctype: str) -> bool:
    return ctype.startswith(COMPRESSIBLE)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header admits gzip (``gzip;q=0`` refuses it)."""
    for part in (header or "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            params = params.strip()
            q = params.removeprefix("q=").strip() if params.startswith("q=") else "1"
            try:
                return float(q) > 0
            except ValueError:
                return False
    return False


class GzipSiteHandler(SimpleHTTPRequestHandler):
    """Serves a built site as a static host does (see the module's docstring)."""

    protocol_version = "HTTP/1.1"
    server_version = "edm-static-host"

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _respond(self, *, with_body: bool) -> None:
        root = Path(self.directory).resolve()
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        try:
            target = (root / url_path.lstrip("/")).resolve()
        except (OSError, ValueError):  # a NUL byte, say
            target = root / "does-not-exist"
        if root not in (target, *target.parents):
            target = root / "does-not-exist"
        if target.is_dir():
            if not url_path.endswith("/"):
                self._redirect(url_path + "/", with_body=with_body)
                return
            target = target / "index.html"
        if target.is_file():
            self._send(HTTPStatus.OK, target, with_body=with_body)
        elif (root / "404.html").is_file():
            self._send(HTTPStatus.NOT_FOUND, root / "404.html", with_body=with_body)
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _redirect(self, location: str, *, with_body: bool) -> None:
        query = urllib.parse.urlsplit(self.path).query
        location = urllib.parse.quote(location) + (f"?{query}" if query else "")
        body = f'<a href="{html.escape(location)}">Moved</a>'.encode()
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _send(self, status: HTTPStatus, path: Path, *, with_body: bool) -> None:
        body = path.read_bytes()
        ctype = content_type(path)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if is_compressible(ctype):
            self.send_header("Vary", "Accept-Encoding")
            if accepts_gzip(self.headers.get("Accept-Encoding")):
                body = gzip_bytes(body)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if with_body:
            self.wfile.write(body)


class GzipSiteServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: tuple) -> None:
        # A browser that drops a connection it no longer needs is no error worth a traceback.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


@contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[GzipSiteServer]:
    """Serve ``directory`` on 127.0.0.1 (a free port unless one is given) while the block runs."""
    server = GzipSiteServer(("127.0.0.1", port), partial(GzipSiteHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name="gzip-site-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, metavar="SITE_DIR", help="the built site to serve, e.g. site")
    parser.add_argument("port", type=int, nargs="?", default=0, metavar="PORT", help="default: a free port")
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():  # else every request would be answered with a bare 404
        parser.error(f"{args.site_dir} is not a folder: build the site first (make build)")
    with serve(args.site_dir, args.port) as server:
        print(f"serving {args.site_dir} at {server.url} (Ctrl-C stops)", flush=True)
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
