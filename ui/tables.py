"""Tables that several pages show: the events with their source sentence and fact-check note."""

import pandas as pd
import streamlit as st

from rutte_race.accuracy import OUTSIDE_LABEL, outside_text
from rutte_race.formatting import date_labels


def events_frame(rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events as the table shows them: one row each, with its source sentence and fact-check note."""
    titles = articles.set_index("article_id")["title"]
    return pd.DataFrame(
        {
            # What happened first, so a phone shows it without scrolling sideways; how the date is known comes later.
            "What": rows["summary"],
            "When": date_labels(rows),
            "Who": rows["actor"],
            "Kind": rows["kind"].astype(str),
            "Quote": rows["quote"],
            "Article says": rows["evidence"],
            "Source": rows["article_id"].map(titles),
            "Date basis": rows["date_basis"],
            "How sure are we": rows["how_sure"],
            "Fact-check note": rows["note"],
            "Why this stance": rows["stance_basis"],
            OUTSIDE_LABEL: [outside_text(f, s) for f, s in zip(rows["outside_fact"], rows["outside_source"])],
        }
    )


def events_table(table) -> None:
    """`table`: events_frame's, or the Arrow table made of it."""
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
