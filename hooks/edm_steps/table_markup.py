"""MkDocs hook: tables a phone can read (``edm_site.tables``, added to Python-Markdown here).

A table of four columns or more is set, on a phone, as one block per row with each value under its
column's heading (``edm.css``), instead of a table that hides columns past the screen's edge. A
column's alignment is a class, not the style attribute the pages' Content-Security-Policy refuses.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edm_site.tables import AlignmentClassesExtension, LabelledCellsExtension


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.extend([LabelledCellsExtension(), AlignmentClassesExtension()])
    return config
