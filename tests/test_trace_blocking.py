"""bench-site's trace measure: what counts as blocking in a Chromium trace."""

from __future__ import annotations

import pytest

from trace_blocking import blocking_ms

MAIN, OTHER = (1, 10), (1, 11)


def name(thread: tuple[int, int], title: str) -> dict:
    return {"ph": "M", "name": "thread_name", "pid": thread[0], "tid": thread[1], "args": {"name": title}}


def task(thread: tuple[int, int], ms: float, what: str = "RunTask") -> dict:
    return {"ph": "X", "name": what, "pid": thread[0], "tid": thread[1], "ts": 0, "dur": ms * 1000}


def test_each_main_thread_task_counts_its_time_over_50_ms() -> None:
    events = [name(MAIN, "CrRendererMain"), name(OTHER, "Compositor")]
    events += [task(MAIN, 120), task(MAIN, 50), task(MAIN, 30), task(MAIN, 75.5)]
    events += [task(OTHER, 400), task(MAIN, 300, what="FunctionCall")]  # another thread; not a task
    assert blocking_ms(events) == 70 + 25.5


def test_a_trace_without_the_page_main_thread_is_an_error_not_a_page_that_never_blocks() -> None:
    with pytest.raises(ValueError, match="CrRendererMain"):
        blocking_ms([name(OTHER, "Compositor"), task(MAIN, 500)])
