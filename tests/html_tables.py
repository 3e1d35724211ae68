"""The tables a page shows (ui.tables: HTML), read back as frames, in page order: what a reader sees in each cell."""

from html.parser import HTMLParser

import pandas as pd


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"columns": [], "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            text, table = "".join(self._cell), self.tables[-1]
            (table["columns"] if tag == "th" else table["rows"][-1]).append(text)
            self._cell = None


def page_tables(at) -> list[pd.DataFrame]:
    """Every reading table among the page's HTML elements (an AppTest run), as frames of the text shown."""
    parser = _Tables()
    for element in at.get("html"):
        if "reading-table" in element.proto.body:
            parser.feed(element.proto.body)
    return [pd.DataFrame([row for row in t["rows"] if row], columns=t["columns"]) for t in parser.tables]
