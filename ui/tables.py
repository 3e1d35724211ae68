"""How the pages show a long table of events: its height, and its first columns pinned."""

import streamlit as st


def events_table(table) -> None:
    """`table`: rutte_race.tables.events', or the Arrow table made of it."""
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        height=min(38 * (len(table) + 1), 520),
        column_config={
            "What": st.column_config.TextColumn(width="medium", pinned=True),
            "Article says": st.column_config.TextColumn(width="large"),
        },
    )
