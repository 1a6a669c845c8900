"""Tables a phone can read: every body cell carries its column's heading, so that a wide table can
be set as one block per row, each value under its heading, instead of scrolling sideways.

A Python-Markdown tree processor, run after the tables are built: each ``<td>`` gets
``data-label="<its column's heading>"``, and a table of ``WIDE`` columns or more gets
``data-reflow``; ``edm.css`` reflows those on a phone.

A second tree processor turns a column's alignment (``| --: |``), which Python-Markdown writes as
``style="text-align: right;"``, into a class (``edm-align-right``) that ``edm.css`` styles: the
pages' Content-Security-Policy (``edm_site.csp``) refuses style attributes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_ALIGNMENT = re.compile(r"text-align: (left|right|center);")  # exactly as Python-Markdown writes it
WIDE = 4  # columns: three fit a phone's width, the facts table's four or the chart table's five do not


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class LabelledCells(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            headings = [_text(th) for th in table.iterfind("thead/tr/th")]
            if not headings:
                continue
            for row in table.iterfind("tbody/tr"):
                for heading, cell in zip(headings, row.iterfind("td"), strict=False):
                    if heading:
                        cell.set("data-label", heading)
            if len(headings) >= WIDE:
                table.set("data-reflow", "")


class LabelledCellsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline processor (20), so headings hold their final text; before prettify (10).
        md.treeprocessors.register(LabelledCells(md), "edm_labelled_cells", 15)


class AlignmentClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            for cell in table.iterfind("*/tr/*"):
                alignment = _ALIGNMENT.fullmatch(cell.get("style", ""))
                if cell.tag in ("th", "td") and alignment:
                    del cell.attrib["style"]
                    classes = cell.get("class", "").split()
                    cell.set("class", " ".join([*classes, f"edm-align-{alignment.group(1)}"]))


class AlignmentClassesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(AlignmentClasses(md), "edm_alignment_classes", 15)
