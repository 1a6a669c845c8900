"""The test host serves the build as a static host does: gzip for text, right types, folders, 404."""

from __future__ import annotations

import gzip
import http.client
import urllib.parse

import pytest
from this_site import FIRST

pytestmark = pytest.mark.browser


def fetch(site_url: str, path: str, *, gzip_ok: bool = True, method: str = "GET") -> http.client.HTTPResponse:
    netloc = urllib.parse.urlsplit(site_url).netloc
    connection = http.client.HTTPConnection(netloc, timeout=10)
    headers = {"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {}
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def test_pages_are_gzipped_html_when_the_client_accepts_gzip(served_site):
    response = fetch(served_site.url, FIRST.path)
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert int(response.getheader("Content-Length")) == len(response.body)
    assert gzip.decompress(response.body) == (served_site.folder / FIRST.name / "index.html").read_bytes()


def test_nothing_is_compressed_for_a_client_that_does_not_accept_gzip(served_site):
    response = fetch(served_site.url, "/", gzip_ok=False)
    assert response.status == 200
    assert response.getheader("Content-Encoding") is None
    assert response.body == (served_site.folder / "index.html").read_bytes()


@pytest.mark.parametrize(
    ("path", "content_type", "compressed"),
    [
        ("/assets/edm.css", "text/css; charset=utf-8", True),
        ("/search/search_index.json", "application/json", True),
        ("/sitemap.xml", "application/xml", True),
        ("/assets/images/favicon.png", "image/png", False),
        ("/sitemap.xml.gz", "application/gzip", False),
    ],
)
def test_assets_have_their_content_types(served_site, path, content_type, compressed):
    response = fetch(served_site.url, path)
    assert response.status == 200
    assert response.getheader("Content-Type") == content_type
    assert (response.getheader("Content-Encoding") == "gzip") is compressed


def test_scripts_are_javascript(served_site):
    scripts = sorted((served_site.folder / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert scripts, "Material's bundle is missing from the build"
    response = fetch(served_site.url, "/" + scripts[0].relative_to(served_site.folder).as_posix())
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/javascript; charset=utf-8"
    assert response.getheader("Content-Encoding") == "gzip"


def test_a_folder_without_its_slash_redirects_to_it(served_site):
    response = fetch(served_site.url, "/sources?x=1")
    assert response.status == 301
    assert response.getheader("Location") == "/sources/?x=1"


def test_a_missing_page_is_a_404_with_the_sites_404_page(served_site):
    response = fetch(served_site.url, "/no-such-page/")
    assert response.status == 404
    assert gzip.decompress(response.body) == (served_site.folder / "404.html").read_bytes()
    assert fetch(served_site.url, "/../../etc/passwd").status == 404
    assert fetch(served_site.url, "/%00").status == 404


def test_head_has_the_headers_and_no_body(served_site):
    response = fetch(served_site.url, "/about/", method="HEAD")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert int(response.getheader("Content-Length")) > 0
    assert response.body == b""
    assert fetch(served_site.url, "/about", method="HEAD").status == 301


def test_gzip_refused_with_q_0_is_not_sent(served_site):
    netloc = served_site.url.removeprefix("http://").rstrip("/")
    connection = http.client.HTTPConnection(netloc, timeout=10)
    connection.request("GET", "/", headers={"Accept-Encoding": "gzip;q=0, identity"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.getheader("Content-Encoding") is None
    assert body == (served_site.folder / "index.html").read_bytes()
