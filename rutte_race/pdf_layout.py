"""A few pages of a PDF laid out by hand: wrapped text and SVG pictures stacked down each page, every page drawn
as one SVG and converted by vl-convert (fonts bundled, so any script prints), then merged by pypdf.

Text goes into the SVG escaped, so text from the data is only ever text.
"""
import html
import io
import re
import textwrap
from dataclasses import dataclass

import vl_convert as vlc
from pypdf import PdfReader, PdfWriter

from rutte_race import export

PAGE_WIDTH = 900  # px; vl-convert writes 1 px as 1 pt, and readers and printers scale the page to fit
PAGE_HEIGHT = round(PAGE_WIDTH * 2 ** 0.5)  # A4's proportions; a taller chart makes its page taller
MARGIN = 40
COLUMN = PAGE_WIDTH - 2 * MARGIN
GAP = 24  # between the blocks of a page
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters an SVG may not hold, even escaped


@dataclass(frozen=True)
class Style:
    size: int
    weight: str = "normal"
    colour: str = "#222"
    after: int = 8  # space after the paragraph
    before: int = 0  # space before it, unless it starts a block
    indent: int = 0
    em: float = 0.54  # a generous average glyph width in ems (Liberation Sans, Arial's metrics), to wrap inside the column

    @property
    def line(self) -> int:
        return round(self.size * 1.4)

    @property
    def chars(self) -> int:
        return int((COLUMN - self.indent) / (self.size * self.em))


STYLES = {
    "kicker": Style(14, "bold", "#0072B2", after=4, em=0.62),
    "headline": Style(32, "bold", "#111", after=14, em=0.6),
    "heading": Style(21, "bold", "#111", after=6, before=14, em=0.6),
    "body": Style(15),
    "speaker": Style(15, "bold", "#111", after=2, em=0.6),
    "quote": Style(16, colour="#111", after=4, indent=18),
    "meta": Style(12, colour="#555"),
    "rule": Style(10, after=6),  # a thin line across the column
}
Block = tuple[str, float]  # an SVG fragment drawn from (0, 0) in the column, and its height


def text_block(paragraphs: list[tuple[str, str]]) -> Block:
    """(style, text) paragraphs wrapped to the column; text from the data is escaped, so it is only ever text."""
    parts, y = [], 0
    for name, text in paragraphs:
        style = STYLES[name]
        y += style.before if parts else 0
        if name == "rule":
            parts.append(f'<line x1="0" x2="{COLUMN}" y1="{y + style.line / 2}" y2="{y + style.line / 2}" stroke="#ccc"/>')
            y += style.line
        for line in [] if name == "rule" else textwrap.wrap(NOT_XML.sub("", text), style.chars, break_on_hyphens=False):
            parts.append(f'<text x="{style.indent}" y="{y + style.size}" font-family="sans-serif" font-size="{style.size}" '
                         f'font-weight="{style.weight}" fill="{style.colour}">{html.escape(line)}</text>')
            y += style.line
        y += style.after
    return "".join(parts), y


def chart_block(svg: str) -> Block:
    """A chart's SVG, scaled to the column's width."""
    width, height = export.svg_size(svg)
    scale = COLUMN / width
    return f'<g transform="scale({scale:.4f})">{svg}</g>', height * scale


def page(blocks: list[Block]) -> bytes:
    """Blocks stacked down one page, as a one-page PDF."""
    placed, y = [], MARGIN
    for fragment, height in blocks:
        placed.append(f'<g transform="translate({MARGIN},{y:.1f})">{fragment}</g>')
        y += height + GAP
    height = max(PAGE_HEIGHT, round(y - GAP + MARGIN))
    drawn = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{PAGE_WIDTH}" '
             f'height="{height}" viewBox="0 0 {PAGE_WIDTH} {height}"><rect width="100%" height="100%" fill="white"/>{"".join(placed)}</svg>')
    return vlc.svg_to_pdf(drawn)


def paginate(groups: list[list[tuple[str, str]]], room: float) -> list[list[tuple[str, str]]]:
    """Groups of paragraphs (a card, a heading with what follows it) onto pages, never splitting a group."""
    pages, current = [], []
    for group in groups:
        if current and text_block(current + group)[1] > room:
            pages.append(current)
            current = []
        current += group
    return pages + [current] if current else pages


def document(pages: list[bytes], title: str, subject: str) -> bytes:
    """One-page PDFs merged into one document."""
    writer = PdfWriter()
    for one in pages:
        writer.add_page(PdfReader(io.BytesIO(one)).pages[0])
    writer.add_metadata({"/Title": title, "/Subject": subject})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
