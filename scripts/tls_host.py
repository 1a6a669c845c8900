"""The benchmark's host: a built folder over HTTPS and HTTP/2 on 127.0.0.1, as GitHub Pages serves the site.

Lighthouse's mobile metrics replay the page over a modelled network that follows the connections the
browser really used. Over HTTP/1.1 (tests/gzip_server.py, which the browser tests use) each file
takes a connection of its own, and one more style sheet opened one more; Lighthouse then delayed
Material's script by one modelled round trip (150 ms), past the first paint, and counted its start-up
as blocking time on one site and not the other. A real host multiplexes every file of a page over
one HTTP/2 connection, so this host does too (Hypercorn, with a certificate made for the run, which
the browser is told to accept: ``--ignore-certificate-errors``). It answers as gzip_server does: gzip
for the text types when the request admits it, index.html for a folder, a redirect for a folder
without its slash, the site's 404.html for a missing file.

    with serve(Path("www")) as host:
        print(host.url)  # https://127.0.0.1:PORT/
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypercorn.asyncio import serve as hypercorn_serve
from hypercorn.config import Config

from gzip_server import accepts_gzip, content_type, gzip_bytes, is_compressible

BROWSER_FLAG = "--ignore-certificate-errors"  # the certificate is made for the run, signed by no one


@dataclass(frozen=True)
class Host:
    url: str


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, in ``folder``; openssl makes them."""
    if shutil.which("openssl") is None:
        raise SystemExit("error: the benchmark's HTTPS host needs openssl (Debian: apt-get install openssl)")
    cert, key = folder / "cert.pem", folder / "key.pem"
    cmd = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    cmd += ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(cmd, check=True, capture_output=True)
    return cert, key


def answer(root: Path, path: str, headers: dict[bytes, bytes]) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """The status, headers and body a static host sends for ``path`` of the folder ``root``."""
    file = (root / path.lstrip("/")).resolve()
    if file != root and root not in file.parents:
        file = root / "missing"
    if file.is_dir():
        if not path.endswith("/"):
            return 301, [(b"location", f"{path}/".encode())], b""
        file = file / "index.html"
    status = 200
    if not file.is_file():
        status, file = 404, root / "404.html"
        if not file.is_file():
            return 404, [(b"content-type", b"text/plain; charset=utf-8")], b"not found"
    body, ctype = file.read_bytes(), content_type(file)
    out = [(b"content-type", ctype.encode()), (b"cache-control", b"max-age=600")]
    if is_compressible(ctype):
        out.append((b"vary", b"accept-encoding"))
        if accepts_gzip(headers.get(b"accept-encoding", b"").decode("latin-1")):
            body = gzip_bytes(body)
            out.append((b"content-encoding", b"gzip"))
    return status, [*out, (b"content-length", str(len(body)).encode())], body


def application(root: Path):
    """The ASGI application serving ``root``."""

    async def app(scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        status, headers, body = answer(root, scope["path"], dict(scope["headers"]))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body if scope["method"] != "HEAD" else b""})

    return app


@contextmanager
def serve(directory: Path) -> Iterator[Host]:
    """Serve ``directory`` over HTTPS (HTTP/2, or HTTP/1.1 to a client without it) on a free port of
    127.0.0.1 while the block runs."""
    with tempfile.TemporaryDirectory(prefix="edm-tls-") as tmp, socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
        free.close()
        config = Config()
        config.bind = [f"127.0.0.1:{port}"]
        config.certfile, config.keyfile = (str(p) for p in certificate(Path(tmp)))
        config.loglevel = "WARNING"
        loop = asyncio.new_event_loop()
        stop = asyncio.Event()
        app = application(directory.resolve())
        thread = threading.Thread(
            target=lambda: loop.run_until_complete(hypercorn_serve(app, config, shutdown_trigger=stop.wait)),
            name="tls-host",
            daemon=True,
        )
        thread.start()
        deadline = time.monotonic() + 30
        while True:  # until the host takes connections
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if not thread.is_alive() or time.monotonic() > deadline:
                    raise RuntimeError(f"the HTTPS host did not start on 127.0.0.1:{port}") from None
                time.sleep(0.05)
        try:
            yield Host(f"https://127.0.0.1:{port}/")
        finally:
            loop.call_soon_threadsafe(stop.set)
            thread.join(timeout=10)
            loop.close()
