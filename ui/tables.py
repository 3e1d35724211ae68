"""How the pages show tables: the columns readers read (the machine-readable ones stay in the CSV), as HTML whose
text wraps, so no cell is cut (a data grid draws each cell on one line); on a phone each row reads as a card.

A table is shown whole, never in a scrolling box inside the scrolling page (readers got stuck in one, or stopped at
its edge mid-sentence); a long one is folded under a labelled expander, as a "Table" tab would hold it."""

from contextlib import nullcontext

import pandas as pd
import streamlit as st

from tracker.exports import templating

# Columns kept for spreadsheets and scripts (an ISO date, its precision as a word): the readable date beside them says
# the same, so the page leaves them to the CSV.
MACHINE_COLUMNS = ("Date", "Date: how exact", "Since (date)", "Since: how exact", "From: how exact")
WIDE_TABLE = 8  # columns: a table with more scrolls sideways on a laptop
LONG_TEXT = 40  # characters: a column whose cells hold more on average is set wider, so its text is not a tall strip


def reader_columns(table) -> list[str]:
    """The columns of `table` (a frame, or the Arrow table made of it) a reader sees on the page."""
    names = table.column_names if hasattr(table, "column_names") else list(table.columns)
    return [name for name in names if name not in MACHINE_COLUMNS]


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def table_html(table, label: str, leave_out: tuple[str, ...] = ()) -> str:
    """`table` (a frame, or the Arrow table made of it) as the page's HTML: its reader columns but `leave_out`
    (which its CSV and cards keep), every value as text (escaped by the template), in a region named `label`."""
    frame = table.to_pandas() if hasattr(table, "to_pandas") else table
    columns = [column for column in reader_columns(frame) if column not in leave_out]
    rows = [
        [(column, _text(value)) for column, value in zip(columns, values)]
        for values in frame[columns].itertuples(index=False)
    ]
    long = [column for column in columns if frame[column].map(_text).str.len().mean() > LONG_TEXT]
    wide = len(columns) > WIDE_TABLE  # more than a laptop's screen shows: say so, or the cut edge looks final
    return templating.render("reading_table.html.j2", label=label, columns=columns, rows=rows, long=long, wide=wide)


def show(table, label: str, fold: str | None = None, leave_out: tuple[str, ...] = ()) -> None:
    """`table` as the page shows it: without its machine-readable columns (nor `leave_out`), across the page, every
    cell whole; under an expander labelled `fold` when given."""
    with st.expander(fold) if fold is not None else nullcontext():
        st.html(table_html(table, label, leave_out))
