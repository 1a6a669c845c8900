"""Debian's Chromium as the site's benchmark and browser tests start it: where it is (``CHROMIUM``
overrides), and the flags that keep it quiet and off every network but the local server."""

from __future__ import annotations

import os

PATH = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# No host name resolves but the local server's address: whatever the browser would fetch from another
# host fails at once instead of waiting for a network that is not there.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
