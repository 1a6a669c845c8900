"""What MkDocs warns of during an in-process build: the benchmark, the offline build and the
tests build the site in-process and need every warning, not only the console's."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected(*, quiet: bool = False) -> Iterator[list[str]]:
    """The message of every warning (or worse) on MkDocs' loggers while the block runs, in order;
    ``quiet`` keeps them off the console meanwhile."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    propagate = logger.propagate
    logger.addHandler(handler)
    if quiet:
        logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
