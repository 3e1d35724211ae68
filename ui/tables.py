"""How the pages show tables: the columns readers read (the machine-readable ones stay in the CSV), and a long
table of events at its height."""

import streamlit as st

# Columns kept for spreadsheets and scripts (an ISO date, its precision as a word): the readable date beside them says
# the same, so the page leaves them to the CSV.
MACHINE_COLUMNS = ("Date", "Date: how exact", "Since (date)", "Since: how exact", "From: how exact")


def reader_columns(table) -> list[str]:
    """The columns of `table` (a frame, or the Arrow table made of it) a reader sees on the page."""
    names = table.column_names if hasattr(table, "column_names") else list(table.columns)
    return [name for name in names if name not in MACHINE_COLUMNS]


def show(table, **options) -> None:
    """`table` as the page shows it: without its machine-readable columns, across the page."""
    st.dataframe(table, hide_index=True, width="stretch", column_order=reader_columns(table), **options)


def events_table(table) -> None:
    """`table`: rutte_race.tables.events', or the Arrow table made of it."""
    show(
        table,
        height=min(38 * (len(table) + 1), 520),
        column_config={
            "What": st.column_config.TextColumn(width="large"),  # pinned, it would be drawn grey like an index
            "Article says": st.column_config.TextColumn(width="large"),
        },
    )
