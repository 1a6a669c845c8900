"""bench-site's host: the built site over HTTPS and HTTP/2, answering as a static host does."""

from __future__ import annotations

import gzip
import ssl
import urllib.error
import urllib.request

import pytest

import tls_host

# Chromium's side (the protocol it gets): tests/browser/test_bench_host.py.


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory):
    www = tmp_path_factory.mktemp("www")
    (www / "page").mkdir()
    (www / "page" / "index.html").write_text("<p>the page</p>", encoding="utf-8")
    (www / "404.html").write_text("<p>not here</p>", encoding="utf-8")
    (www / "logo.png").write_bytes(b"\x89PNG not text")
    with tls_host.serve(www) as served:
        yield served


def get(url: str, *, gzip_ok: bool = True):
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the run's own certificate
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        return urllib.request.urlopen(request, context=context, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_a_folder_is_its_index_gzipped_when_the_request_admits_it(host) -> None:
    assert host.url.startswith("https://127.0.0.1:")
    with get(f"{host.url}page/") as response:
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.read()) == b"<p>the page</p>"
    with get(f"{host.url}page/", gzip_ok=False) as response:
        assert response.headers["Content-Encoding"] is None
        assert response.read() == b"<p>the page</p>"


def test_no_gzip_for_images_a_redirect_for_a_bare_folder_and_the_site_404_for_a_missing_file(host) -> None:
    with get(f"{host.url}logo.png") as response:
        assert (response.headers["Content-Encoding"], response.read()) == (None, b"\x89PNG not text")
    with get(f"{host.url}page") as response:  # urllib follows the redirect
        assert response.url == f"{host.url}page/"
    with get(f"{host.url}nowhere/", gzip_ok=False) as missing:
        assert (missing.code, missing.read()) == (404, b"<p>not here</p>")
    with get(f"{host.url}..%2f..%2fetc/passwd", gzip_ok=False) as outside:
        assert outside.code == 404
