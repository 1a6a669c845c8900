"""Main-thread blocking as Chromium's own trace records it: the second measure of bench-site's blocking time.

Lighthouse's Total Blocking Time (bench_site.py) is simulated: it replays the page's tasks, four times
slower, over a modelled slow network, and counts the part of each task over 50 ms that falls between
the first paint and the page's settling. Which of Material's two start-up tasks falls after the first
paint in that replay moves a page's TBT by 100 ms or more from one run to the next, so the median of a
few runs can differ by more than a budget of 20 ms for pages whose scripts do the same work.

This measure leaves the network out: the page loads from the local server with the CPU slowed four
times (Chromium's throttling, as Lighthouse's mobile preset assumes), and every task on the page's main
thread from the navigation until a second after the load event counts its time over 50 ms, before
the first paint or after. It answers "how long does the reader's phone stay blocked", whatever the
order the network would have delivered the files in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from playwright.sync_api import Browser

CPU_SLOWDOWN = 4  # Lighthouse's mobile preset
LONG_TASK_MS = 50
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile screen
SETTLE_MS = 1000  # after the load event: Material's instant navigation and search start then
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"]


def blocking_ms(events: Iterable[dict]) -> float:
    """The time over 50 ms of each task on the page's main thread (CrRendererMain), summed, in ms;
    ValueError for a trace without that thread."""
    events = list(events)
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
    }
    if not main:  # a trace of nothing would read as a page that never blocks
        raise ValueError("the trace names no page main thread (CrRendererMain): it recorded no page")
    tasks = (
        e.get("dur", 0) / 1000
        for e in events
        if e.get("ph") == "X" and e.get("name") == "RunTask" and (e.get("pid"), e.get("tid")) in main
    )
    return sum(max(0.0, ms - LONG_TASK_MS) for ms in tasks)


def measure(browser: Browser, url: str) -> float:
    """One load of ``url`` on a phone-sized page with the CPU slowed: its blocking time in ms."""
    context = browser.new_context(viewport=PHONE, ignore_https_errors=True)  # the host's own certificate
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        browser.start_tracing(page=page, categories=CATEGORIES)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(SETTLE_MS)
        trace = json.loads(browser.stop_tracing())
    finally:
        context.close()
    return blocking_ms(trace["traceEvents"] if isinstance(trace, dict) else trace)
